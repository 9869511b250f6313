#!/bin/bash
# msg-parse.sh - parse throughput of the mmhs_msg streaming parser
#
# usage: tests/bench/msg-parse.sh [BUILDDIR]
#
# Builds a small timing program by hand with $CC (default cc, -O2)
# from lib/mmhs_msg.c, generates a 100 KB and a 10 MB multipart message
# (CRLF, base64 attachment, like a signed military message with annexes)
# and prints a table: MB/s for a full MIME parse, a headers-only parse,
# and "cat FILE > /dev/null" as the floor of reading the same bytes.
# formail/reformail (procmail, maildrop) are used when installed.
# Nothing is asserted: this measures and reports.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/_build}
cc=${CC:-cc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat > "$tmp/bench.c" <<'CEOF'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "mmhs_msg.h"

static unsigned long events;

static int
count(void *ctx, const struct mmhs_msg_event *ev)
{
	(void) ctx; (void) ev;
	events++;
	return 0;
}

int
main(int argc, char **argv)
{
	struct mmhs_msg_limits lim = { 0, 0, 0, 0, 0 };
	struct timespec t0, t1;
	FILE *fp = fopen(argv[1], "rb");
	char *buf;
	long size;
	int i, rounds = atoi(argv[2]);
	double secs;

	(void) argc;
	lim.ml_headers_only = argv[3][0] == 'h';
	fseek(fp, 0, SEEK_END);
	size = ftell(fp);
	rewind(fp);
	buf = malloc((size_t) size);
	if (fread(buf, 1, (size_t) size, fp) != (size_t) size)
		return 1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < rounds; i++) {
		struct mmhs_msg_parser *mp = mmhs_msg_parser_new(&lim, count, NULL);
		long off;
		for (off = 0; off < size; off += 65536)
			if (mmhs_msg_feed(mp, buf + off, size - off < 65536 ?
			    (size_t) (size - off) : 65536) < 0)
				return 2;
		if (mmhs_msg_finish(mp) < 0)
			return 3;
		mmhs_msg_parser_free(mp);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double) (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("%.1f %lu\n", (double) size * rounds / secs / 1e6, events / rounds);
	return 0;
}
CEOF
$cc -O2 -I"$here/lib" -I"$build" -o "$tmp/bench" "$tmp/bench.c" \
    "$here/lib/mmhs_msg.c" "$here/lib/mmhs_alloc.c" "$here/lib/mmhs_log.c"

# gen SIZE FILE - a multipart message of about SIZE octets
gen() {
	python3 - "$1" "$2" <<'PEOF'
import base64, sys
size, path = int(sys.argv[1]), sys.argv[2]
hdr = ("From: Commander TF-1 <cdr@tf1.example.mil>\r\n"
       "To: HQ Staff <staff@hq.example.mil>\r\nSubject: OPORD with annexes\r\n"
       "MMHS-Primary-Precedence: 3 (immediate)\r\nMIME-Version: 1.0\r\n"
       "Content-Type: multipart/mixed; boundary=\"=_b1\"\r\n\r\n"
       "--=_b1\r\nContent-Type: text/plain\r\n\r\n" +
       "PARA 1. SITUATION. FRIENDLY FORCES HOLD THE LINE.\r\n" * 40 +
       "--=_b1\r\nContent-Type: application/octet-stream\r\n"
       "Content-Transfer-Encoding: base64\r\n\r\n")
raw = bytes((i * 131 + 7) & 255 for i in range(size * 3 // 4))
body = base64.encodebytes(raw).decode().replace("\n", "\r\n")
open(path, "wb").write((hdr + body + "--=_b1--\r\n").encode())
PEOF
}

# rate CMD FILE ROUNDS - MB/s of a shell command over the file
rate() {
	local t0 t1 size
	size=$(stat -c %s "$2")
	t0=$(date +%s%N)
	for ((i = 0; i < $3; i++)); do $1 < "$2" > /dev/null; done
	t1=$(date +%s%N)
	awk -v s="$size" -v n="$3" -v ns=$((t1 - t0)) \
	    'BEGIN { printf "%.1f", s * n / (ns / 1e9) / 1e6 }'
}

printf '%-10s %10s %16s %16s %14s %s\n' message octets "full MIME MB/s" \
    "headers MB/s" "cat MB/s" "events"
for spec in 100K:102400:400 10M:10485760:4; do
	name=${spec%%:*} rest=${spec#*:}
	size=${rest%%:*} rounds=${rest#*:}
	gen "$size" "$tmp/$name.eml"
	set -- $("$tmp/bench" "$tmp/$name.eml" "$rounds" full)
	full=$1 ev=$2
	set -- $("$tmp/bench" "$tmp/$name.eml" "$rounds" headers)
	printf '%-10s %10s %16s %16s %14s %s\n' "$name" \
	    "$(stat -c %s "$tmp/$name.eml")" "$full" "$1" \
	    "$(rate cat "$tmp/$name.eml" "$rounds")" "$ev"
	for tool in formail reformail; do
		command -v $tool > /dev/null || continue
		echo "  $tool: $(rate "$tool" "$tmp/$name.eml" "$rounds") MB/s"
	done
done
command -v formail > /dev/null || echo "formail (procmail) and reformail" \
    "(maildrop) are not installed; not compared"
