#!/bin/sh
# store-list.sh - the cost of listing a 100 000-message mailbox: the
# store's indexed listing against a Maildir read the way a server
# without indexes must read it
#
# Usage: tests/bench/store-list.sh BUILDDIR
#	BUILDDIR		a configured tree; tests/bench/store_bench is
#				built in it when missing
#	STORE_BENCH_N		messages (default 100000)
#	STORE_BENCH_REPEAT	runs per store listing (default 20; the
#				Maildir scans run 3 times), the median counts
#	STORE_BENCH_DIR		where the store and the Maildir go (default
#				BUILDDIR); removed afterwards
#
# The mailbox is filled directly through the store_db API by
# tests/bench/store_bench (no LMTP, commits not synced: a bulk load),
# which writes the same bytes as a Maildir (about 30 % unread in new/,
# the rest in cur/ with ":2,S").  Then, in the same run, each listing is
# a page of 50 of the Inbox: sorted by precedence, by classification and
# by date (newest or highest first), filtered by precedence (FLASH and
# IMMEDIATE, by date), by a SIC, by unread (by date), the page at offset
# 50 000 by date, and the unread count.
# The store answers from its indexes and counters (store_bench query);
# the Maildir side (a python3 scan) opens every file, parses the header
# fields it needs (Date, MMHS-Primary-Precedence, SIO-Label marking,
# MMHS-Subject-Indicator-Codes), filters and sorts: what a server
# without indexes does for each request.  Its unread count only lists
# the directories.  Both sides must agree on the total and on the first
# message of each page (the "same" column).  Prints a table; asserts
# nothing (measurements, not tests).

set -e
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
builddir=$(cd "${1:-.}" && pwd)
n=${STORE_BENCH_N:-100000}
repeat=${STORE_BENCH_REPEAT:-20}
base=${STORE_BENCH_DIR:-$builddir}
bench=$builddir/tests/bench/store_bench

[ -x "$bench" ] || make -C "$builddir" tests/bench/store_bench >/dev/null
command -v python3 >/dev/null || { echo "store-list.sh: python3 needed" >&2; exit 1; }
work=$(mktemp -d "$base/store-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

t0=$(date +%s.%N)
"$bench" fill "$work/store" "$work/Maildir" "$n"
t1=$(date +%s.%N)
"$bench" query "$work/store" "$repeat" > "$work/store.txt"

python3 - "$work/Maildir" > "$work/maildir.txt" <<'EOF'
import os, sys, time, email.utils

LEVEL = {"UNCLASSIFIED": 1, "RESTRICTED": 2, "CONFIDENTIAL": 3,
         "SECRET": 4, "TOP SECRET": 5}
maildir = sys.argv[1]

def headers(raw):
    """The top-level header fields, unfolded, names lower-cased."""
    end = raw.find(b"\r\n\r\n")
    out = {}
    name = None
    for line in raw[:end].decode("utf-8", "replace").split("\r\n"):
        if line[:1] in (" ", "\t") and name:
            out[name] += " " + line.strip()
            continue
        name, _, value = line.partition(":")
        name = name.strip().lower()
        out[name] = value.strip()
    return out

def scan():
    """Every message: (number, seen, date, precedence, level, sics)."""
    msgs = []
    for sub in ("new", "cur"):
        d = os.path.join(maildir, sub)
        for f in os.listdir(d):
            with open(os.path.join(d, f), "rb") as fh:
                h = headers(fh.read())
            num = int(f.split(".", 1)[0])
            seen = ":2," in f and "S" in f.split(":2,", 1)[1]
            date = email.utils.mktime_tz(email.utils.parsedate_tz(h["date"]))
            prec = int(h["mmhs-primary-precedence"].split()[0])
            mark = h.get("sio-label", "").split('"')[1] if "sio-label" in h else ""
            level = LEVEL.get(mark.replace("WESTLAND ", ""), 0)
            sics = [s.strip() for s in h.get("mmhs-subject-indicator-codes", "").split(";")]
            msgs.append((num, seen, date, prec, level, sics))
    return msgs

def page(keep, key, offset=0):
    msgs = [m for m in scan() if keep(m)]
    msgs.sort(key=key, reverse=True)
    return len(msgs), msgs[offset:offset + 50]

ops = [
    ("sort-precedence", lambda: page(lambda m: True, lambda m: (m[3], m[2], m[0]))),
    ("sort-classification", lambda: page(lambda m: True, lambda m: (m[4], m[2], m[0]))),
    ("sort-date", lambda: page(lambda m: True, lambda m: (m[2], m[0]))),
    ("filter-flash-immediate", lambda: page(lambda m: m[3] in (3, 4), lambda m: (m[2], m[0]))),
    ("filter-sic", lambda: page(lambda m: "ZAA" in m[5], lambda m: (m[2], m[0]))),
    ("filter-unread", lambda: page(lambda m: not m[1], lambda m: (m[2], m[0]))),
    ("sort-date-offset-50000", lambda: page(lambda m: True, lambda m: (m[2], m[0]), 50000)),
]
for name, op in ops:
    times = []
    for _ in range(3):
        t = time.perf_counter()
        total, first = op()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(name, "%.3f" % times[1], total, first[0][0] if first else 0)
times = []
for _ in range(3):
    t = time.perf_counter()
    unread = len(os.listdir(os.path.join(maildir, "new"))) + sum(
        1 for f in os.listdir(os.path.join(maildir, "cur")) if "S" not in f.split(":2,", 1)[1])
    times.append((time.perf_counter() - t) * 1000)
times.sort()
print("count-unread", "%.3f" % times[1], unread, 0)
EOF

echo "store-list bench: $n messages in one mailbox, page of 50, $(nproc) CPUs"
awk -v t0="$t0" -v t1="$t1" -v n="$n" 'BEGIN {
	printf "fill (store_db API + Maildir files): %.1f s, %.0f msg/s\n",
	    t1 - t0, n / (t1 - t0) }'
du -sk "$work/store" "$work/Maildir" | awk '{ printf "%s %.0f MB\n", $2, $1 / 1024 }' |
    sed "s|$work/||"
printf '%-24s %12s %14s %10s %9s %5s\n' listing "store ms" "maildir ms" \
    ratio total same
sort "$work/store.txt" > "$work/s.txt"
sort "$work/maildir.txt" > "$work/m.txt"
join "$work/s.txt" "$work/m.txt" | while read -r name sms stot sfirst mms mtot mfirst; do
	same=yes
	[ "$stot" = "$mtot" ] && [ "$sfirst" = "$mfirst" ] || same=NO
	awk -v n="$name" -v s="$sms" -v m="$mms" -v t="$stot" -v same="$same" \
	    'BEGIN { printf "%-24s %12.4f %14.1f %9.0fx %9d %5s\n", n, s, m,
	    (s > 0 ? m / s : 0), t, same }'
done
