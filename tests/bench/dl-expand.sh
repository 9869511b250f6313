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
#   fetch   an ordinary search returning 10 000 person entries with their
#           mail (what a client would do to expand without the overlay:
#           a lower bound, it does not even walk the 5 lists); run first,
#           so that the operating system has the entries in its cache
#   first   the first expansion after slapd started (one run; the
#           background warm-up of the expansion cache (mhsdl-cache-
#           warmup) has normally finished by then: the fetch runs take
#           seconds)
#   empty   expansion with the expansion cache emptied just before
#           (olcMhsdlCacheEntries rewritten through cn=config) and its
#           warm-up off (olcMhsdlCacheWarmup FALSE during these runs):
#           every member entry is read from back-mdb, the cold path
#   rewarm  the cache emptied, then the warm-up it starts awaited (the
#           "warm-up done" line in the log): as after a restart once the
#           warm-up is done
#   cold    the first expansion after a write to the list chain (a
#           member added to or removed from cn=Big List 5, alternately)
#   warm    the same expansion again, nothing written in between
#   plain   ldapsearch -b LIST -s base (the list entry only)
# An expansion is: ldapsearch -b LIST -s base mmhsExpandedRecipient.
# Prints median and p90 of the client wall time (ldapsearch process
# included) and of slapd's own etime (stats log), and the ratios to the
# ordinary search.  Checks that every expansion has the expected number
# of values (10 000, 10 001 while the extra member is in).
#
# MHSDL_BENCH_SITE=DIR reuses a running site started as above (no
# generation, no load, not stopped at the end; "first" is then whatever
# the cache holds).

set -e
builddir=$(cd "${1:-$(dirname "$0")/../../_build}" && pwd)
runs=${2:-20}
work=$(mktemp -d /tmp/mhsdl-bench.XXXXXX)
list="cn=Big List 1,ou=Lists,o=Defence,c=XW"
list5="cn=Big List 5,ou=Lists,o=Defence,c=XW"

if [ -n "$MHSDL_BENCH_SITE" ]; then
	site=$MHSDL_BENCH_SITE
	cleanup() { rm -rf "$work"; }
else
	site=$work/site
	cleanup() {
		"$builddir/mmhs-site" stop "$site" >/dev/null 2>&1 || true
		rm -rf "$work"
	}
fi
trap cleanup EXIT

if [ -z "$MHSDL_BENCH_SITE" ]; then
	echo "generating 100000 people (mmhs-gensite -p 100000)..."
	"$builddir/tests/tools/mmhs-gensite" -p 100000 > "$work/site.ldif"
	echo "bulk loading $(grep -c '^dn:' "$work/site.ldif") entries..."
	t0=$(date +%s)
	MMHS_SLAPD_DEBUG=stats "$builddir/mmhs-site" start "$site" --bulk \
	    "$work/site.ldif" > "$work/start.log"
	echo "loaded in $(( $(date +%s) - t0 )) s"
	rm -f "$work/site.ldif"
fi
. "$site/site.env"
log=$site/log/slapd.log
admin=(-x -H "$MMHS_LDAP_URI" -D "$MMHS_ADMIN_DN" -w "$MMHS_ADMIN_PW")
config=(-x -H "$MMHS_LDAP_URI" -D cn=config -w "$MMHS_CONFIG_PW")
cfg=$(ldapsearch "${config[@]}" -LLL -b cn=config \
    "(objectClass=olcMhsdlConfig)" dn | sed -n 's/^dn: //p')
in_list=0

# before_cold - a write that changes the expansion: the extra member in
# or out of the innermost list
before_cold() {
	local op=add
	[ $in_list = 0 ] || op=delete
	ldapmodify "${admin[@]}" > /dev/null <<EOF
dn: $list5
changetype: modify
$op: mmhsMember
mmhsMember: $extra
EOF
	in_list=$((1 - in_list))
}

# before_empty - empty the expansion cache (rewriting its size does)
before_empty() {
	[ "$has_cache" = 1 ] || return 0
	ldapmodify "${config[@]}" > /dev/null 2>&1 <<EOF
dn: $cfg
changetype: modify
replace: olcMhsdlCacheEntries
olcMhsdlCacheEntries: 1000000
EOF
}
# does the overlay have olcMhsdlCacheEntries (not before the cache)?
has_cache=1
before_empty || has_cache=0

# set_warmup TRUE|FALSE - olcMhsdlCacheWarmup (0 when it exists)
set_warmup() {
	ldapmodify "${config[@]}" > /dev/null 2>&1 <<EOF
dn: $cfg
changetype: modify
replace: olcMhsdlCacheWarmup
olcMhsdlCacheWarmup: $1
EOF
}

# before_rewarm - empty the cache and wait for its warm-up to finish
before_rewarm() {
	local n i
	n=$(grep -c 'expansion cache warm-up done' "$log" || true)
	before_empty
	for i in $(seq 1 300); do
		[ "$(grep -c 'expansion cache warm-up done' "$log")" -gt "$n" ] &&
		    break
		sleep 0.05
	done
	sleep 0.1
}
has_warmup=1
set_warmup TRUE || has_warmup=0

# run NAME N BEFORE ARGS... - time N ldapsearch calls (BEFORE: a function
# run before each, or :); results in $work/NAME.*
run() {
	local name=$1 n=$2 before=$3 i t0 t1 lines want got
	shift 3
	: > "$work/$name.wall"
	: > "$work/$name.etime"
	for i in $(seq 1 "$n"); do
		$before
		lines=$(wc -l < "$log")
		t0=$(date +%s%N)
		ldapsearch "${admin[@]}" -LLL "$@" > "$work/$name.out" 2>&1 ||
		    true
		t1=$(date +%s%N)
		echo $(( (t1 - t0) / 1000 )) >> "$work/$name.wall"
		sleep 0.05
		tail -n +$((lines + 1)) "$log" | grep 'SEARCH RESULT' |
		    sed -n 's/.*etime=\([0-9.]*\).*/\1/p' | tail -1 |
		    awk '{ printf "%d\n", $1 * 1000000 }' >> "$work/$name.etime"
		if [ "$*" != "${*%mmhsExpandedRecipient}" ]; then
			want=$((10000 + in_list))
			got=$(grep -c '^mmhsExpandedRecipient:' \
			    "$work/$name.out" || true)
			if [ "$got" != "$want" ]; then
				echo "$name run $i: $got values, expected $want" >&2
				exit 1
			fi
		fi
	done
}

# stat FILE - "median p90" in ms of the microsecond values in FILE
stat() {
	sort -n "$1" | awk '{ v[NR] = $1 } END {
		m = v[int((NR + 1) / 2)]; p = v[int(NR * 0.9 + 0.999)]
		printf "%8.1f %8.1f", m / 1000, p / 1000 }'
}

# median FILE - the median of FILE's values
median() {
	sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

run fetch "$runs" : -b "o=Defence,c=XW" -z 10000 \
    "(objectClass=inetOrgPerson)" mail
nfetch=$(grep -c '^dn:' "$work/fetch.out" || true)
run first 1 : -b "$list" -s base mmhsExpandedRecipient
# the extra member: a person with mail who is not in the expansion
extra=$(ldapsearch "${admin[@]}" -LLL -o ldif-wrap=no -b "$MMHS_LDAP_BASE" \
    -z 50 "(&(objectClass=aCPOrganizationalPerson)(mail=*))" 1.1 \
    2>/dev/null | sed -n 's/^dn: //p' | while read -r dn; do
	grep -qF "<$dn>" "$work/first.out" || { echo "$dn"; break; }
done)
[ -n "$extra" ] || { echo "no person outside the lists found" >&2; exit 1; }
[ "$has_warmup" = 0 ] || set_warmup FALSE
run empty "$runs" before_empty -b "$list" -s base mmhsExpandedRecipient
if [ "$has_warmup" = 1 ]; then
	set_warmup TRUE
	run rewarm "$runs" before_rewarm -b "$list" -s base \
	    mmhsExpandedRecipient
fi
run cold "$runs" before_cold -b "$list" -s base mmhsExpandedRecipient
run warm "$runs" : -b "$list" -s base mmhsExpandedRecipient
run plain "$runs" : -b "$list" -s base
[ $in_list = 0 ] || before_cold

f=$(median "$work/fetch.etime")
printf '\n%s\n10 000 recipients through 5 nested lists, %d runs each, times in ms\n' \
    "$list" "$runs"
printf '%-46s %8s %8s   %8s %8s  %s\n' "operation" "wall-med" "wall-p90" \
    "srv-med" "srv-p90" "srv-med/fetch"
row() {
	printf '%-46s %s   %s  %s\n' "$1" "$(stat "$work/$2.wall")" \
	    "$(stat "$work/$2.etime")" \
	    "$(awk -v e="$(median "$work/$2.etime")" -v f="$f" \
	    'BEGIN { if (f > 0) printf "%.2f", e / f }')"
}
row "ordinary search of $nfetch person entries" fetch
row "expand: first after start (1 run)" first
[ "$has_cache" = 1 ] ||
    echo "(no olcMhsdlCacheEntries: \"cache emptied\" is a plain repeat)"
row "expand: cache emptied before each run" empty
[ "$has_warmup" = 0 ] ||
    row "expand: cache emptied, warm-up awaited" rewarm
row "expand: cold (first after a write)" cold
row "expand: warm" warm
row "plain read of the list entry" plain
