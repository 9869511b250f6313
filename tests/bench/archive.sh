#!/bin/bash
# archive.sh - mmhs-archive: append throughput and search time at 100 000
# records, against the same messages kept as one file each and searched
# with grep.
#
# usage: tests/bench/archive.sh BUILDDIR [RECORDS] [SYNCED]
#
# Both stores get the same synthetic messages (tests/bench/archive_bench.c).
# Append: the first SYNCED (default 2000) go in one at a time with an
# fsync each, as the daemon does before its 250 (the archive: one writev,
# fsync of the segment, one LMDB commit; the files: write and fsync), and
# their rate is the throughput; the rest up to RECORDS (default 100000)
# are filled without per-record sync (synced once at the end), only to
# reach the size.  Search: each criterion once through "mmhs-archive
# search" and once through grep -l over the files (warm page cache for
# both, LC_ALL=C), and the number of messages each found must agree, or
# the row says so.  Prints a table with the ratios; the scratch
# directory is removed at the end.
set -u
build=${1:?usage: archive.sh BUILDDIR [RECORDS] [SYNCED]}
total=${2:-100000}
synced=${3:-2000}
bench=$build/tests/bench/archive_bench
archive=$build/agents/archive/mmhs-archive
for b in "$bench" "$archive"; do
	[ -x "$b" ] || { echo "archive.sh: $b is not built" >&2; exit 2; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/archive-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export LC_ALL=C

# ms CMD... - milliseconds CMD takes (its output to $work/out)
ms() {
	local t0 t1
	t0=$(date +%s%N)
	"$@" > "$work/out" 2> "$work/err"
	t1=$(date +%s%N)
	echo $(( (t1 - t0) / 1000000 ))
}

rate() { sed -n 's/.*: \([0-9]*\)\/s$/\1/p' "$work/out"; }

echo "== append, $synced records, fsync each"
ms "$bench" append "$work/arc" 1 "$synced" 1 > /dev/null; arc_rate=$(rate)
ms "$bench" files "$work/files" 1 "$synced" 1 > /dev/null; file_rate=$(rate)
printf '%-34s %10s\n' "archive (segment + index)" "$arc_rate/s" \
    "one file per message" "$file_rate/s"
echo "== fill to $total records (no per-record sync)"
rest=$((total - synced))
t=$(ms "$bench" append "$work/arc" $((synced + 1)) "$rest" 0)
echo "archive: $(cat "$work/out") ($t ms)"
t=$(ms "$bench" files "$work/files" $((synced + 1)) "$rest" 0)
echo "files:   $(cat "$work/out") ($t ms)"
echo "archive on disk: $(du -sm "$work/arc" | cut -f1) MB (index $(du -sm \
    "$work/arc/index" | cut -f1) MB); files: $(du -sm "$work/files" | cut -f1) MB"
t=$(ms "$archive" verify -d "$work/arc")
echo "verify of $total records: $t ms: $(cat "$work/out")"
# warm both caches once
cat "$work"/arc/seg/* > /dev/null
grep -rl x "$work/files" > /dev/null

# row NAME ARCHIVE-ARGS -- GREP-SCRIPT
row() {
	local name=$1 na ng ta ts tg
	shift
	local args=()
	while [ "$1" != -- ]; do args+=("$1"); shift; done
	shift
	ta=$(ms "$archive" search -d "$work/arc" "${args[@]}")
	na=$(wc -l < "$work/out")
	ts=$(sed -n 's/.* in \([0-9.]*\) ms$/\1/p' "$work/err")
	tg=$(ms bash -c "$1" _ "$work/files")
	ng=$(wc -l < "$work/out")
	[ "$ta" -gt 0 ] || ta=1
	printf '%-24s %6s %9s %9s %9s %8s%s\n' "$name" "$na" "$ta" "$ts" \
	    "$tg" "$(awk -v a="$ta" -v g="$tg" 'BEGIN { printf "%.0fx", g / a }')" \
	    "$([ "$na" = "$ng" ] || echo "  (grep found $ng)")"
}
id=$((total / 2 + 321))
start=$(ms "$archive" search 2>/dev/null)
echo "== search at $total records (a process start alone: $start ms)"
printf '%-24s %6s %9s %9s %9s %8s\n' criterion hits "arc ms" "(search)" \
    "grep ms" "grep/arc"
row "Message-ID" --message-id "$id.bench@test.example" -- \
    "grep -rlF 'Message-ID: <$id.bench@test.example>' \"\$1\""
row "originator" --from user042@mod.westland.example -- \
    'grep -rl "^From: user042@mod.westland.example" "$1"'
row "recipient" --to r0042@mod.westland.example -- \
    'grep -rlE "^To: (.*, )?r0042@mod.westland.example" "$1"'
row "SIC" --sic S07 -- \
    'grep -rlE "^MMHS-Subject-Indicator-Codes: (.*;)?S07" "$1"'
row "precedence flash" --precedence flash -- \
    'grep -rl "^MMHS-Primary-Precedence: flash" "$1"'
row "classification SECRET" --classification SECRET -- \
    'grep -rl "^SIO-Label: marking=\"SECRET\"" "$1"'
row "one day (Date:)" --since 2026-01-02 --until 2026-01-02 -- \
    'grep -rlE "^Date: [A-Za-z]{3}, 02 Jan 2026 " "$1"'
row "originator + flash" --from user042@mod.westland.example \
    --precedence flash -- \
    'grep -rl "^From: user042@mod.westland.example" "$1" |
	xargs -r grep -l "^MMHS-Primary-Precedence: flash"'
echo "arc ms: the whole mmhs-archive search command (process start, open,"
echo "search, output); (search): the search and output alone, as it reports"
