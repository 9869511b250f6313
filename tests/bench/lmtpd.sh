#!/bin/bash
# lmtpd.sh - the agents' LMTP server (lib/mmhs_lmtpd) against Postfix's
# smtp-sink in LMTP mode, both fed by Postfix's smtp-source.
#
# usage: tests/bench/lmtpd.sh BUILDDIR [MESSAGES] [SIZE] [SESSIONS]
#
# smtp-source -L sends MESSAGES (default 20000) messages of SIZE octets
# (default 4096) over SESSIONS parallel sessions (default 4), each to one
# recipient, to: smtp-sink -L (accepts and throws away, the floor), the
# bench sink on mmhs_lmtpd (tests/bench/lmtpd_bench: accepts every
# message, so the cost of the server itself), and the same with
# mmhs_summary_parse() on each message (what an agent does first).
# smtp-source, not the servers, bounds the rate on loopback (both servers
# sit mostly idle), so the table gives, besides the wall time, the CPU
# time each server used (user + system, from /proc when it exits) per
# message, and the ratio of that to smtp-sink's.
set -u
build=${1:?usage: lmtpd.sh BUILDDIR [MESSAGES] [SIZE] [SESSIONS]}
count=${2:-20000}
size=${3:-4096}
sessions=${4:-4}
bench=$build/tests/bench/lmtpd_bench
[ -x "$bench" ] || { echo "lmtpd.sh: $bench is not built" >&2; exit 2; }
for p in smtp-source smtp-sink; do
	command -v "$p" > /dev/null || PATH=$PATH:/usr/sbin
	command -v "$p" > /dev/null ||
	    { echo "lmtpd.sh: $p (Postfix) not found" >&2; exit 2; }
done
work=$(mktemp -d -t lmtpd-bench.XXXXXX)
pid=""
trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

# free_port - a port on 127.0.0.1 nothing listens on
free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# source PORT - smtp-source against the port; milliseconds taken
source_ms() {
	local t0 t1
	t0=$(date +%s%N)
	smtp-source -L -s "$sessions" -m "$count" -l "$size" \
	    -f bench@a.example -t rcpt@b.example "127.0.0.1:$1" || return 1
	t1=$(date +%s%N)
	echo $(( (t1 - t0) / 1000000 ))
}

# wait_port PORT - until something listens there (bounded)
wait_port() {
	local n=100
	while [ $n -gt 0 ]; do
		(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
		sleep 0.1
		n=$((n - 1))
	done
	return 1
}

# cpu_ms PID - user + system CPU milliseconds of a running process
cpu_ms() {
	local hz
	hz=$(getconf CLK_TCK)
	awk -v hz="$hz" '{ sub(/^.*\) /, ""); print int(($12 + $13) * 1000 / hz) }' \
	    "/proc/$1/stat"
}

# run_sink - "wall-ms cpu-ms" for smtp-sink -L
run_sink() {
	local port user="" ms cpu
	port=$(free_port)
	[ "$(id -u)" != 0 ] || user="-u nobody"
	# shellcheck disable=SC2086
	smtp-sink -L $user "127.0.0.1:$port" 256 > /dev/null 2>&1 &
	pid=$!
	wait_port "$port" || { echo "smtp-sink did not start" >&2; exit 1; }
	ms=$(source_ms "$port") || { echo "smtp-source failed" >&2; exit 1; }
	cpu=$(cpu_ms "$pid")
	kill "$pid"
	wait "$pid" 2>/dev/null
	pid=""
	echo "$ms $cpu"
}

# run_lmtpd [-s] - "wall-ms cpu-ms" for lmtpd_bench
run_lmtpd() {
	local port ms cpu
	coproc LB { exec "$bench" "$@" "$count" 2> "$work/lb.err"; }
	pid=$LB_PID
	read -r port <&"${LB[0]}"
	ms=$(source_ms "$port") || { echo "smtp-source failed" >&2; exit 1; }
	cpu=$(cpu_ms "$pid")
	wait "$pid" || { echo "lmtpd_bench failed" >&2; exit 1; }
	pid=""
	echo "$ms $cpu"
}

sink=$(run_sink)
lmtpd=$(run_lmtpd)
summ=$(run_lmtpd -s)
printf '%d messages of %d octets, %d sessions (smtp-source -L)\n' \
    "$count" "$size" "$sessions"
printf '%-32s %8s %7s %8s %11s %6s\n' server wall-ms msg/s cpu-ms \
    cpu-us/msg ratio
sink_cpu=${sink#* }
[ "$sink_cpu" -gt 0 ] || sink_cpu=1
for row in "smtp-sink -L:$sink" "mmhs_lmtpd:$lmtpd" \
    "mmhs_lmtpd + summary_parse:$summ"; do
	name=${row%:*} r=${row##*:}
	ms=${r% *} cpu=${r#* }
	[ "$ms" -gt 0 ] || ms=1
	printf '%-32s %8d %7d %8d %11d %6.2f\n' "$name" "$ms" \
	    $((count * 1000 / ms)) "$cpu" $((cpu * 1000 / count)) \
	    "$(echo "scale=2; $cpu / $sink_cpu" | bc)"
done
