#!/bin/bash
# mta-vs-postfix.sh - throughput of mmhs-mta against Postfix, same run,
# same machine: Postfix's smtp-source sends N messages (2 KB and 100 KB
# payload, 20 sessions) to mmhs-mta, which relays them (route of the
# other national site) to smtp-sink; then the same through a throwaway
# Postfix relay (its own config and queue directory, relayhost = the
# sink, its normal durable queue).  Prints accepted msg/s (smtp-source
# done) and end-to-end msg/s (the sink got all N), for both, the ratio,
# and what bounds mmhs-mta (its CPU time against the wall time; with
# MTA_BENCH_PERF=1 a perf profile of it).  Asserts nothing.
#
# Usage: tests/bench/mta-vs-postfix.sh [BUILDDIR]
#	MTA_BENCH_N	messages per cell (default 2000)
#	MTA_BENCH_SIZES	payload sizes (default "2048 102400")
#	MTA_BENCH_DIR	work directory (default BUILDDIR/tests/bench/mvp)
#	MTA_BENCH_PERF	1: perf record mmhs-mta in each cell
set -u
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
builddir=$(cd "${1:-.}" && pwd)
n=${MTA_BENCH_N:-2000}
sizes=${MTA_BENCH_SIZES:-"2048 102400"}
work=${MTA_BENCH_DIR:-$builddir/tests/bench/mvp}
timeout_s=600
. "$srcdir/tests/bench/mta-bench-lib.sh"
trap 'pf_stop; bench_stop' EXIT
rm -rf "$work"
mkdir -p "$work"

# sink_run PORT - an smtp-sink that exits after n messages
sink_run() {
	smtp-sink -u nobody -M "$n" "127.0.0.1:$1" 256 > /dev/null 2>&1 &
	sink_pid=$!
}

# wait_pid PID - until it exits (bounded)
wait_pid() {
	local i
	for i in $(seq 1 $((timeout_s * 20))); do
		kill -0 "$1" 2>/dev/null || return 0
		sleep 0.05
	done
	return 1
}

# cpu_of PID - user+system seconds of a process
cpu_of() {
	awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' \
	    "/proc/$1/stat" 2>/dev/null
}

# cell_mta SIZE - one run through mmhs-mta: "accepted e2e cpu"
cell_mta() {
	local size=$1 port t0 t1 t2 c0 c1 perf_pid=""
	port=$(bench_free_port)
	sink_run "$port"
	bench_listen "cn=mta-a,cn=dlo,ou=MMHS,c=XW" "smtp smtp://127.0.0.1:$port"
	sleep 1.5
	c0=$(cpu_of "$mta_pid")
	if [ "${MTA_BENCH_PERF:-0}" = 1 ]; then
		perf record -o "$work/perf-$size.data" -p "$mta_pid" \
		    > /dev/null 2>&1 &
		perf_pid=$!
	fi
	t0=$(bench_now)
	smtp-source -s 20 -m "$n" -l "$size" -f bench@mod.westland.example \
	    -t bench@dlo.westland.example "127.0.0.1:$MMHS_MTA_SMTP_PORT"
	t1=$(bench_now)
	wait_pid "$sink_pid" || echo "mmhs-mta: the sink did not get $n" >&2
	t2=$(bench_now)
	c1=$(cpu_of "$mta_pid")
	if [ -n "$perf_pid" ]; then
		kill -INT "$perf_pid"
		wait "$perf_pid" 2>/dev/null
		perf report -i "$work/perf-$size.data" --sort dso,symbol \
		    --percent-limit 1.5 --stdio 2>/dev/null | grep -v '^#' |
		    grep '%' | head -n 12 > "$work/perf-$size.txt"
	fi
	echo "$(echo "$n / ($t1 - $t0)" | bc -l) $(echo "$n / ($t2 - $t0)" |
	    bc -l) $(echo "$c1 - $c0" | bc -l) $(echo "$t2 - $t0" | bc -l)"
}

# pf_setup SINKPORT - config of the throwaway Postfix
pf_setup() {
	local pf=$work/pf
	rm -rf "$pf"
	mkdir -p "$pf/etc" "$pf/queue" "$pf/data"
	pf_port=$(bench_free_port)
	cat > "$pf/etc/main.cf" <<EOF
compatibility_level = 3.6
queue_directory = $pf/queue
data_directory = $pf/data
mail_owner = postfix
myhostname = bench-postfix.example
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
relayhost = [127.0.0.1]:$1
smtpd_relay_restrictions = permit_mynetworks, reject
alias_maps =
local_recipient_maps =
maillog_file = $pf/maillog
maillog_file_prefixes = $pf
smtputf8_enable = no
biff = no
EOF
	# master.cf: the system one, no chroot, smtpd on our port only
	awk -v port="$pf_port" '
	    /^smtp +inet/ { print "127.0.0.1:" port " inet n - n - - smtpd";
		next }
	    /^[a-z]/ && NF >= 8 { $5 = "n" }
	    { print }' /etc/postfix/master.cf > "$pf/etc/master.cf"
	chown -R postfix "$pf/data"
	postfix -c "$pf/etc" check > "$work/pf-check.log" 2>&1
}

# pf_stop - stop the throwaway Postfix if it runs
pf_stop() {
	[ -n "${pf_running:-}" ] || return 0
	postfix -c "$work/pf/etc" stop > /dev/null 2>&1
	pf_running=""
	sleep 1
}

# cell_pf SIZE - one run through Postfix: "accepted e2e"
cell_pf() {
	local size=$1 port t0 t1 t2
	port=$(bench_free_port)
	sink_run "$port"
	pf_setup "$port"
	postfix -c "$work/pf/etc" start > "$work/pf-start.log" 2>&1 || {
		echo "postfix did not start: $(cat "$work/pf-start.log")" >&2
		kill "$sink_pid"
		echo "0 0"
		return
	}
	pf_running=1
	for i in $(seq 1 100); do
		(exec 3<>"/dev/tcp/127.0.0.1/$pf_port") 2>/dev/null && break
		sleep 0.1
	done
	t0=$(bench_now)
	smtp-source -s 20 -m "$n" -l "$size" -f bench@mod.westland.example \
	    -t bench@dlo.westland.example "127.0.0.1:$pf_port"
	t1=$(bench_now)
	wait_pid "$sink_pid" || echo "postfix: the sink did not get $n" >&2
	t2=$(bench_now)
	pf_stop
	echo "$(echo "$n / ($t1 - $t0)" | bc -l) $(echo "$n / ($t2 - $t0)" |
	    bc -l)"
}

bench_site "$work/site" || exit 1
bench_mta_limit dest-connections=20
mta_pid=$(cat "$MMHS_SITE_DIR/run/mta.pid")
printf '%-10s %7s %6s %14s %14s\n' system payload N "accepted/s" "end-to-end/s"
for size in $sizes; do
	read -r ma me mcpu mwall <<< "$(cell_mta "$size")"
	read -r pa pe <<< "$(cell_pf "$size")"
	printf '%-10s %7s %6s %14.1f %14.1f\n' mmhs-mta "$size" "$n" "$ma" "$me"
	printf '%-10s %7s %6s %14.1f %14.1f\n' postfix "$size" "$n" "$pa" "$pe"
	printf '%-10s %7s %6s %14.2f %14.2f\n' ratio "$size" "$n" \
	    "$(echo "$ma / ($pa + 0.000001)" | bc -l)" \
	    "$(echo "$me / ($pe + 0.000001)" | bc -l)"
	printf '  bound: mmhs-mta used %.1f s CPU in %.1f s wall (%.0f%% of one core)\n' \
	    "$mcpu" "$mwall" "$(echo "100 * $mcpu / $mwall" | bc -l)"
	[ -s "$work/perf-$size.txt" ] && sed 's/^/  perf: /' "$work/perf-$size.txt"
done
echo "(a CPU share well below 100% means the MTA waits: on the queue's"
echo " fsync'd commits (group commit: one per batch of receptions, one per"
echo " removal of a delivered message) or on the peers)"
