#!/bin/bash
# mta-precedence.sh - FLASH through a ROUTINE backlog: 20 000 ROUTINE
# messages are queued in mmhs-mta behind a slow next hop (a recording
# peer that waits before answering DATA), then FLASH messages are sent
# into that backlog one by one; prints their end-to-end latency (250 of
# mmhs-mta to arrival at the peer): median, p99, max, and how far the
# ROUTINE backlog moved meanwhile.  Asserts nothing.
#
# What bounds it: a FLASH message needs one transaction at the slow hop
# (PEER_DELAY) on the connection slot kept for FLASH/OVERRIDE, plus the
# scheduler's pick (the queue hands out the highest precedence first).
#
# Usage: tests/bench/mta-precedence.sh [BUILDDIR]
#	MTA_BENCH_ROUTINE	ROUTINE messages queued (default 20000)
#	MTA_BENCH_FLASH		FLASH messages sent (default 50)
#	MTA_BENCH_DELAY		seconds the hop waits per DATA (default 1)
#	MTA_BENCH_DIR		work directory (default BUILDDIR/tests/bench/prec)
set -u
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
builddir=$(cd "${1:-.}" && pwd)
nroutine=${MTA_BENCH_ROUTINE:-20000}
nflash=${MTA_BENCH_FLASH:-50}
delay=${MTA_BENCH_DELAY:-1}
work=${MTA_BENCH_DIR:-$builddir/tests/bench/prec}
. "$srcdir/tests/bench/mta-bench-lib.sh"
trap 'bench_stop' EXIT
rm -rf "$work"
mkdir -p "$work/peer"

# reply - one reply from fd 5 (last line)
reply() {
	local line
	while IFS= read -r -t 30 line <&5; do
		line=${line%$'\r'}
		[ "${line:3:1}" = "-" ] || break
	done
	echo "$line"
}

# send_flash I - one FLASH message; prints the time of the 250
send_flash() {
	exec 5<>"/dev/tcp/127.0.0.1/$MMHS_MTA_SMTP_PORT" || return 1
	reply > /dev/null
	printf 'EHLO bench\r\n' >&5; reply > /dev/null
	printf 'MAIL FROM:<bench@mod.westland.example>\r\n' >&5; reply > /dev/null
	printf 'RCPT TO:<flash@dlo.westland.example>\r\n' >&5; reply > /dev/null
	printf 'DATA\r\n' >&5; reply > /dev/null
	printf 'From: bench@mod.westland.example\r\nMessage-ID: <flash-%d@bench>\r\nMMHS-Primary-Precedence: 4\r\nSubject: flash %d\r\n\r\nflash\r\n.\r\n' "$1" "$1" >&5
	case $(reply) in 250*) bench_now ;; *) echo fail ;; esac
	printf 'QUIT\r\n' >&5
	exec 5>&- 5<&-
}

bench_site "$work/site" || exit 1
port=$(bench_free_port)
PEER_DELAY=$delay bench_bg python3 "$srcdir/tests/e2e/data/mta-peer.py" \
    "$port" "$work/peer"
bench_listen "cn=mta-a,cn=dlo,ou=MMHS,c=XW" "smtp smtp://127.0.0.1:$port"
sleep 1.5

printf 'From: bench@mod.westland.example\nSubject: routine\nMMHS-Primary-Precedence: 1\n\n%s\n' \
    "$(head -c 1500 /dev/zero | tr '\0' x)" > "$work/routine.eml"
t0=$(bench_now)
smtp-source -s 20 -m "$nroutine" -F "$work/routine.eml" \
    -f bench@mod.westland.example -t routine@dlo.westland.example \
    "127.0.0.1:$MMHS_MTA_SMTP_PORT"
t1=$(bench_now)
before=$(ls "$work/peer" | wc -l)
printf 'queued %d ROUTINE in %.1f s; %d delivered so far (hop: %s s per DATA)\n' \
    "$nroutine" "$(echo "$t1 - $t0" | bc -l)" "$before" "$delay"

: > "$work/sent"
for i in $(seq 1 "$nflash"); do
	echo "$i $(send_flash "$i")" >> "$work/sent"
	sleep 0.2
done
# wait for the FLASH messages at the peer (bounded)
for _ in $(seq 1 600); do
	[ "$(grep -l '^Message-ID: <flash-' "$work"/peer/*.eml 2>/dev/null |
	    wc -l)" -ge "$nflash" ] && break
	sleep 0.2
done
after=$(ls "$work/peer" | wc -l)
for f in $(grep -l '^Message-ID: <flash-' "$work"/peer/*.eml); do
	i=$(sed -n 's/^Message-ID: <flash-\([0-9]*\)@bench>.*/\1/p' "$f" | tr -d '\r')
	a=$(sed -n 's/^X-Arrival: //p' "$f" | tr -d '\r')
	s=$(awk -v i="$i" '$1 == i { print $2 }' "$work/sent")
	echo "$a - $s" | bc -l
done | sort -n > "$work/lat"
got=$(wc -l < "$work/lat")
awk -v n="$got" -v want="$nflash" '
	{ v[NR] = $1 }
	END {
		if (n == 0) { print "no FLASH message arrived"; exit }
		m = v[int((n + 1) / 2)]; p = v[int(n * 0.99 + 0.999)]
		printf "%-28s %10s %10s %10s %8s\n", "FLASH into ROUTINE backlog",
		    "median s", "p99 s", "max s", "arrived"
		printf "%-28s %10.3f %10.3f %10.3f %4d/%d\n", "", m, p, v[n], n, want
	}' "$work/lat"
printf 'ROUTINE delivered during the FLASH run: %d (backlog left: about %d)\n' \
    "$((after - before - got))" "$((nroutine - after + got))"
echo "bound: one transaction at the slow hop ($delay s) on the slot kept for FLASH"
