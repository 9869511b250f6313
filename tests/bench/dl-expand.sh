#!/bin/bash
# dl-expand.sh - how fast does slapd (mhsdl overlay) expand a big nested list?
#
# usage: tests/bench/dl-expand.sh [BUILDDIR] [RUNS]
#
# Generates a directory with tests/tools/mmhs-gensite -p 100000 (100 000
# people; "cn=Big List 1,ou=Lists,o=Defence,c=XW" heads a chain of 5
# nested lists reaching 10 000 distinct people), bulk-loads it into a
# throwaway site (mmhs-site start DIR --bulk FILE) and times, RUNS times
# each (default 20):
#   expand   ldapsearch -b LIST -s base mmhsExpandedRecipient
#   plain    ldapsearch -b LIST -s base           (the list entry only)
#   fetch    an ordinary search returning 10 000 person entries with their
#            mail (what a client would do to expand without the overlay:
#            a lower bound, it does not even walk the 5 lists)
# Prints a table of median and p90, client wall time (ldapsearch process
# included) and slapd's own etime from the stats log.  No assertions.

set -e
builddir=$(cd "${1:-$(dirname "$0")/../../_build}" && pwd)
runs=${2:-20}
work=$(mktemp -d /tmp/mhsdl-bench.XXXXXX)
site=$work/site
list="cn=Big List 1,ou=Lists,o=Defence,c=XW"

cleanup() {
	"$builddir/mmhs-site" stop "$site" >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT

echo "generating 100000 people (mmhs-gensite -p 100000)..."
"$builddir/tests/tools/mmhs-gensite" -p 100000 > "$work/site.ldif"
echo "bulk loading $(grep -c '^dn:' "$work/site.ldif") entries..."
t0=$(date +%s)
MMHS_SLAPD_DEBUG=stats "$builddir/mmhs-site" start "$site" --bulk \
    "$work/site.ldif" > "$work/start.log"
echo "loaded in $(( $(date +%s) - t0 )) s"
. "$site/site.env"
log=$site/log/slapd.log

# run NAME ARGS... - time RUNS ldapsearch calls; results in $work/NAME.*
run() {
	local name=$1 i t0 t1 n
	shift
	: > "$work/$name.wall"
	: > "$work/$name.etime"
	for i in $(seq 1 "$runs"); do
		n=$(wc -l < "$log")
		t0=$(date +%s%N)
		ldapsearch -x -H "$MMHS_LDAP_URI" -D "$MMHS_ADMIN_DN" \
		    -w "$MMHS_ADMIN_PW" -LLL "$@" > "$work/$name.out" 2>&1 || true
		t1=$(date +%s%N)
		echo $(( (t1 - t0) / 1000 )) >> "$work/$name.wall"
		sleep 0.05
		tail -n +$((n + 1)) "$log" | grep 'SEARCH RESULT' |
		    sed -n 's/.*etime=\([0-9.]*\).*/\1/p' | tail -1 |
		    awk '{ printf "%d\n", $1 * 1000000 }' >> "$work/$name.etime"
	done
}

# stat FILE - "median p90" in ms of the microsecond values in FILE
stat() {
	sort -n "$1" | awk '{ v[NR] = $1 } END {
		m = v[int((NR + 1) / 2)]; p = v[int(NR * 0.9 + 0.999)]
		printf "%8.1f %8.1f", m / 1000, p / 1000 }'
}

run expand -b "$list" -s base mmhsExpandedRecipient
nexp=$(grep -c '^mmhsExpandedRecipient:' "$work/expand.out" || true)
run plain -b "$list" -s base
run fetch -b "o=Defence,c=XW" -z 10000 "(objectClass=inetOrgPerson)" mail
nfetch=$(grep -c '^dn:' "$work/fetch.out" || true)

printf '\n%s, %d runs each, times in ms\n' "$list" "$runs"
printf '%-44s %8s %8s   %8s %8s\n' "operation" "median" "p90" \
    "srv-med" "srv-p90"
printf '%-44s %s   %s\n' "expand ($nexp mmhsExpandedRecipient values)" \
    "$(stat "$work/expand.wall")" "$(stat "$work/expand.etime")"
printf '%-44s %s   %s\n' "plain read of the list entry" \
    "$(stat "$work/plain.wall")" "$(stat "$work/plain.etime")"
printf '%-44s %s   %s\n' "ordinary search of $nfetch person entries" \
    "$(stat "$work/fetch.wall")" "$(stat "$work/fetch.etime")"
awk -v e="$(sort -n "$work/expand.etime" | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')" \
    -v p="$(sort -n "$work/plain.etime" | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')" \
    -v f="$(sort -n "$work/fetch.etime" | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')" \
    'BEGIN { if (p > 0) printf "server time ratios: expand/plain %.0fx, expand/fetch %.2fx\n", e / p, (f > 0 ? e / f : 0) }'
