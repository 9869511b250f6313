#!/bin/sh
# queue.sh - benchmark of the durable queue: puts/s, per-message commit
# versus group commit versus one fsync'd file per message
#
# Usage: tests/bench/queue.sh [BUILDDIR]
#	BUILDDIR	a configured and built tree (default: the current
#			directory); its lib/.libs/libmmhs.a is linked
#	QUEUE_BENCH_DIR	where the spools go (default: BUILDDIR); put it on
#			the disk you want to measure
#	QUEUE_BENCH_SECS	seconds per cell (default 3)
#	QUEUE_BENCH_SIZES	message sizes (default "2048 102400")
#	QUEUE_BENCH_PRODUCERS	concurrent producers (default "1 20 100")
#	QUEUE_BENCH_CHUNK	content chunk size of the queue (default 64 KB)
#
# Prints a table of acknowledged messages per second and the ratios;
# it asserts nothing (measurements, not tests).  Every cell starts from
# an empty spool, removed afterwards.

set -e
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
builddir=$(cd "${1:-.}" && pwd)
secs=${QUEUE_BENCH_SECS:-3}
sizes=${QUEUE_BENCH_SIZES:-"2048 102400"}
producers=${QUEUE_BENCH_PRODUCERS:-"1 20 100"}
spoolbase=${QUEUE_BENCH_DIR:-$builddir}
CC=${CC:-cc}

lib="$builddir/lib/.libs/libmmhs.a"
if [ ! -f "$lib" ]; then
	echo "queue.sh: $lib not found: build $builddir first" >&2
	exit 1
fi
san=$(sed -n 's/^SAN_CFLAGS = //p' "$builddir/Makefile")
bin="$builddir/tests/bench/queue_bench"
mkdir -p "$builddir/tests/bench"
$CC -O2 $san -I"$builddir" -I"$srcdir/lib" -o "$bin" \
	"$srcdir/tests/bench/queue_bench.c" "$lib" \
	$(pkg-config --libs lmdb) -lldap -llber -lpthread

# cell MODE SIZE PRODUCERS - prints "msgs/s commits ops"
cell() {
	spool=$(mktemp -d "$spoolbase/queue-bench.XXXXXX")
	set -- $("$bin" "$1" "$2" "$3" "$secs" "$spool")
	rm -rf "$spool"
	awk -v m="$1" -v s="$2" -v c="$3" -v o="$4" \
	    'BEGIN { printf "%.0f %d %d\n", m / s, c, o }'
}

echo "queue bench: $secs s per cell, spool on $(df -P "$spoolbase" |
	awk 'NR == 2 { print $1 }'), $(nproc) CPUs"
printf '%7s %5s | %9s %9s %9s | %8s %8s | %6s\n' size prod \
	pertxn/s group/s files/s grp/ptx grp/file ops/cmt
for size in $sizes; do
	for n in $producers; do
		set -- $(cell pertxn "$size" "$n")
		per=$1
		set -- $(cell group "$size" "$n")
		grp=$1
		batch=$(awk -v c="$2" -v o="$3" \
		    'BEGIN { printf "%.1f", c ? o / c : 0 }')
		set -- $(cell files "$size" "$n")
		fil=$1
		awk -v z="$size" -v n="$n" -v p="$per" -v g="$grp" \
		    -v f="$fil" -v b="$batch" 'BEGIN {
			printf "%7d %5d | %9d %9d %9d | %8.1f %8.1f | %6s\n",
			    z, n, p, g, f, p ? g / p : 0, f ? g / f : 0, b }'
	done
done
echo "pertxn: one LMDB transaction (data sync + meta sync) per message"
echo "group:  group commit, concurrent puts share one transaction"
echo "files:  write + fsync + close + rename of one file per message"
