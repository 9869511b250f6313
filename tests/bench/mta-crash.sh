#!/bin/bash
# mta-crash.sh - crash safety of mmhs-mta: a sustained load of messages
# with unique Message-IDs goes into mmhs-mta, which relays them to
# smtp-sink; mmhs-mta is killed with SIGKILL in the middle and started
# again with the same command line.  Then every message acknowledged
# with 250 must reach the sink: prints acknowledged, arrived, lost (must
# be 0) and duplicated (a message delivered but not yet marked when the
# MTA died is delivered again after the restart).  Asserts nothing.
#
# Usage: tests/bench/mta-crash.sh [BUILDDIR]
#	MTA_BENCH_SESSIONS	concurrent client sessions (default 10)
#	MTA_BENCH_SECS		seconds of load before and after the kill (4)
#	MTA_BENCH_KILLS		kill/restart cycles (default 2)
#	MTA_BENCH_DIR		work directory (default BUILDDIR/tests/bench/crash)
set -u
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
builddir=$(cd "${1:-.}" && pwd)
sessions=${MTA_BENCH_SESSIONS:-10}
secs=${MTA_BENCH_SECS:-4}
kills=${MTA_BENCH_KILLS:-2}
work=${MTA_BENCH_DIR:-$builddir/tests/bench/crash}
. "$srcdir/tests/bench/mta-bench-lib.sh"
trap 'rm -f "$work/run"; bench_stop' EXIT
rm -rf "$work"
mkdir -p "$work/sink"
chmod 777 "$work/sink"

# The load: sessions in threads; each acknowledged Message-ID is
# appended to acked.N once its 250 came; errors reconnect.
cat > "$work/load.py" <<'EOF'
import os, socket, sys, threading, time
port, work, n = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
def reply(f):
    while True:
        line = f.readline()
        if not line:
            raise EOFError
        if line[3:4] != b"-":
            return line
def session(k):
    seq = 0
    out = open(os.path.join(work, "acked.%d" % k), "a")
    while os.path.exists(os.path.join(work, "run")):
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=10)
            f = s.makefile("rb")
            reply(f)
            s.sendall(b"EHLO load\r\n"); reply(f)
            while os.path.exists(os.path.join(work, "run")):
                seq += 1
                mid = "<crash-%d-%d@bench>" % (k, seq)
                s.sendall(b"MAIL FROM:<bench@mod.westland.example>\r\n"
                          b"RCPT TO:<crash@dlo.westland.example>\r\nDATA\r\n")
                if not reply(f).startswith(b"250"): raise EOFError
                if not reply(f).startswith(b"250"): raise EOFError
                if not reply(f).startswith(b"354"): raise EOFError
                s.sendall(("From: bench@mod.westland.example\r\n"
                           "Message-ID: %s\r\nSubject: crash\r\n\r\n%s\r\n.\r\n"
                           % (mid, "x" * 1500)).encode())
                if reply(f).startswith(b"250"):
                    out.write(mid + "\n"); out.flush()
        except (OSError, EOFError):
            time.sleep(0.1)
threads = [threading.Thread(target=session, args=(k,)) for k in range(n)]
for t in threads: t.start()
for t in threads: t.join()
EOF

bench_site "$work/site" || exit 1
port=$(bench_free_port)
bench_bg smtp-sink -u nobody -d "$work/sink/%M." "127.0.0.1:$port" 256
bench_listen "cn=mta-a,cn=dlo,ou=MMHS,c=XW" "smtp smtp://127.0.0.1:$port"
sleep 1.5

pidfile=$MMHS_SITE_DIR/run/mta.pid
tr '\0' '\n' < "/proc/$(cat "$pidfile")/cmdline" > "$work/mta.cmdline"
touch "$work/run"
python3 "$work/load.py" "$MMHS_MTA_SMTP_PORT" "$work" "$sessions" &
load=$!
for k in $(seq 1 "$kills"); do
	sleep "$secs"
	kill -KILL "$(cat "$pidfile")"
	echo "kill -9 number $k: $(cat "$work"/acked.* 2>/dev/null | wc -l) acknowledged so far"
	sleep 0.5
	mapfile -t cmd < "$work/mta.cmdline"
	setsid "${cmd[@]}" >> "$MMHS_SITE_DIR/log/mta.log" 2>&1 &
	echo $! > "$pidfile"
	for _ in $(seq 1 100); do
		(exec 3<>"/dev/tcp/127.0.0.1/$MMHS_MTA_SMTP_PORT") 2>/dev/null &&
		    break
		sleep 0.1
	done
done
sleep "$secs"
rm -f "$work/run"
wait "$load"
sort -u "$work"/acked.* > "$work/acked"
acked=$(wc -l < "$work/acked")
# wait until the sink has them all or stops growing (bounded)
prev=-1
for _ in $(seq 1 120); do
	grep -h '^Message-ID: <crash-' "$work"/sink/* 2>/dev/null |
	    tr -d '\r' | sed 's/^Message-ID: //' > "$work/arrived.all"
	now=$(sort -u "$work/arrived.all" | comm -23 "$work/acked" - | wc -l)
	[ "$now" -eq 0 ] && break
	[ "$now" -eq "$prev" ] && sleep 2
	prev=$now
	sleep 0.5
done
sort "$work/arrived.all" > "$work/arrived"
lost=$(sort -u "$work/arrived" | comm -23 "$work/acked" - | wc -l)
dups=$(uniq -d "$work/arrived" | wc -l)
printf '%-8s %12s %10s %6s %12s\n' kills acknowledged arrived lost duplicated
printf '%-8s %12d %10d %6d %12d\n' "$kills" "$acked" \
    "$(sort -u "$work/arrived" | wc -l)" "$lost" "$dups"
echo "(duplicates: messages delivered before the kill whose removal had"
echo " not been committed yet; lost must be 0: 250 is sent after the sync)"
