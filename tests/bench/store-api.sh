#!/bin/bash
# store-api.sh - the cost of listing a 100 000-message mailbox through the
# store's HTTPS API, against mmhs-storectl list on the same data.
# Prints a table; asserts only that both give the same first page.
#
# usage: tests/bench/store-api.sh BUILDDIR [MESSAGES] [RUNS]
#
# Starts a site with the store only (mmhs-site --agents=store), adds the
# bench mailbox to the directory (cn=Bench,o=Defence,c=XW, a role that
# berwyn.moorcroft occupies), stops the store, fills its mailbox with
# MESSAGES (default 100 000) generated MMHS messages through the store_db
# API (tests/bench/store_bench fill, as tests/bench/store-list.sh does),
# and starts mmhs-store again on that data with the same arguments.  Then,
# for pages of 50 sorted by precedence (highest first), the median of
# RUNS (default 21) first pages and of RUNS pages at offsets spread over
# the mailbox (a page deep in it costs more: the index is walked to it):
#   store_db_list         in process, no I/O (store_bench query), first page
#   mmhs-storectl list    one process per page: exec, LMDB open, list, print
#   API, one connection   curl, all pages over one kept-alive TLS connection
#                         (the password checked once, then remembered)
#   API, new connection   one curl per page: exec, TCP, TLS handshake, HTTP
# Times are wall-clock on a shared machine: compare within one run.

set -eu
builddir=$(cd "${1:?usage: store-api.sh BUILDDIR [MESSAGES] [RUNS]}" && pwd)
n=${2:-100000}
runs=${3:-21}
work=$builddir/tests/run/bench-store-api
site=$work/site
mbox="cn=Bench,o=Defence,c=XW"
user="berwyn.moorcroft:Westland-Demo-1"
ctl=$builddir/agents/store/mmhs-storectl

cleanup() {
	"$builddir/mmhs-site" stop "$site" >/dev/null 2>&1 || true
}
trap cleanup EXIT
rm -rf "$work"
mkdir -p "$work"
make -C "$builddir" -s agents/store/mmhs-store agents/store/mmhs-storectl \
    tests/bench/store_bench mmhs-site >/dev/null
"$builddir/mmhs-site" start "$site" --agents=store > "$work/site.log"
. "$site/site.env"
api=https://127.0.0.1:$MMHS_STORE_HTTP_PORT/api/v1

ldapadd -x -H "$MMHS_LDAP_URI" -D "$MMHS_ADMIN_DN" -w "$MMHS_ADMIN_PW" \
    > /dev/null <<EOF
dn: $mbox
objectClass: aCPOrganizationalRole
objectClass: mmhsMailbox
cn: Bench
mail: bench@mod.westland.example
roleOccupant: cn=Berwyn Moorcroft,ou=People,o=MMHS Test Cell,o=Defence,c=XW
mmhsSite: cn=mod-main,ou=MMHS,c=XW
description: Mailbox of the store-api benchmark
EOF

# now - seconds since the epoch, nanoseconds as decimals
now() { date +%s.%N; }
# ms T0 T1 - milliseconds between two now
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f\n", (b - a) * 1000 }'; }
# div A B - A / B
div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f\n", a / b }'; }
# median - of the numbers on standard input
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# The store again on the filled mailbox, launched as mmhs-site does
kill "$MMHS_STORE_PID"
while kill -0 "$MMHS_STORE_PID" 2>/dev/null; do sleep 0.1; done
t0=$(now)
"$builddir/tests/bench/store_bench" fill "$site/store" "$work/maildir" "$n" \
    > "$work/fill.log"
fill_ms=$(ms "$t0" "$(now)")
rm -rf "$work/maildir"		# store_bench's Maildir twin is not needed
setsid "$builddir/agents/store/mmhs-store" -f -H "$MMHS_LDAP_URI" \
    -D "$MMHS_STORE_DN" -y "$site/run/store.pw" -c "$site/cache/store" \
    -t "$site/log/track.log" -d "$site/store" \
    -C "$site/tls/store-cert.pem" -K "$site/tls/store-key.pem" \
    >> "$site/log/store.log" 2>&1 &
echo $! > "$site/run/store.pid"
for i in $(seq 1 300); do
	code=$(curl -s -o /dev/null -w '%{http_code}' --cacert "$MMHS_TLS_CA" \
	    "$api/mailboxes" || true)
	[ "$code" = 401 ] && break
	sleep 0.1
done

# offsets: RUNS pages spread over the mailbox, and RUNS times the first
spread=""
first=""
for i in $(seq 0 $((runs - 1))); do
	spread="$spread $(( i * (n - 50) / (runs > 1 ? runs - 1 : 1) ))"
	first="$first 0"
done

# page OFFSET - the URL of one page
page() {
	echo "$api/mailboxes/bench@mod.westland.example/messages?sort=precedence&order=desc&limit=50&offset=$1"
}

# ctl_ms OFFSET... - milliseconds of each mmhs-storectl list, a process each
ctl_ms() {
	local o t0
	for o; do
		t0=$(now)
		"$ctl" -d "$site/store" -- list "$mbox" Inbox --sort precedence \
		    --offset "$o" --limit 50 > "$work/ctl.out"
		ms "$t0" "$(now)"
	done
}

# keep_ms OFFSET... - milliseconds of each page, one curl, one connection
keep_ms() {
	local o args=()
	for o; do
		args+=(-o /dev/null "$(page "$o")")
	done
	curl -s --cacert "$MMHS_TLS_CA" -u "$user" -w '%{time_total}\n' \
	    "${args[@]}" | awk '{ printf "%.3f\n", $1 * 1000 }'
}

# new_ms OFFSET... - milliseconds of each page, a curl (and TLS) each
new_ms() {
	local o t0
	for o; do
		t0=$(now)
		curl -s -o /dev/null --cacert "$MMHS_TLS_CA" -u "$user" \
		    "$(page "$o")"
		ms "$t0" "$(now)"
	done
}

# the same first page both ways (and the password in the store's memory)
curl -s --cacert "$MMHS_TLS_CA" -u "$user" "$(page 0)" > "$work/api.first"
ctl_ms 0 > /dev/null
cp "$work/ctl.out" "$work/ctl.first"
same=no
if [ "$(jq -r '.messages[].id' "$work/api.first")" = \
    "$(awk -F'\t' '$1 != "total" { print $1 }' "$work/ctl.first")" ]; then
	same=yes
fi

# in process, first page only (store_bench's own listing)
inproc=$("$builddir/tests/bench/store_bench" query "$site/store" "$runs" |
    awk '$1 == "sort-precedence" { print $2 }')
ctl_first=$(ctl_ms $first | median)
ctl_spread=$(ctl_ms $spread | median)
keep_first=$(keep_ms $first | median)
keep_spread=$(keep_ms $spread | median)
new_first=$(new_ms $first | median)
new_spread=$(new_ms $spread | median)

printf '%d messages in one mailbox (filled in %.1f s), pages of 50 sorted\n' \
    "$n" "$(div "$fill_ms" 1000)"
printf 'by precedence, highest first; median of %d pages, milliseconds\n' \
    "$runs"
printf '  %-40s %12s %12s\n' "" "first page" "spread"
printf '  %-40s %12.3f %12s\n' "store_db_list in process" "$inproc" "-"
printf '  %-40s %12.3f %12.3f\n' "mmhs-storectl list, a process per page" \
    "$ctl_first" "$ctl_spread"
printf '  %-40s %12.3f %12.3f\n' "HTTPS API, curl, one connection" \
    "$keep_first" "$keep_spread"
printf '  %-40s %12.3f %12.3f\n' "HTTPS API, curl, a connection per page" \
    "$new_first" "$new_spread"
printf '  %-40s %12.2f %12.2f\n' "ratio API one connection / storectl" \
    "$(div "$keep_first" "$ctl_first")" "$(div "$keep_spread" "$ctl_spread")"
printf '  %-40s %12.2f %12.2f\n' "ratio API a connection / storectl" \
    "$(div "$new_first" "$ctl_first")" "$(div "$new_spread" "$ctl_spread")"
printf '  %-40s %12s\n' "same first page from both" "$same"
printf '  %-40s %12s\n' "total the API reports" "$(jq .total "$work/api.first")"
