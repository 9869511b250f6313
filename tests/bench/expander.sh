#!/bin/bash
# expander.sh - how fast does mmhs-expander compute a big list's
# recipients, next to the mhsdl overlay's mmhsExpandedRecipient?
#
# usage: tests/bench/expander.sh [BUILDDIR] [RUNS]
#
# Generates a directory with tests/tools/mmhs-gensite -p 100000 (100 000
# people; "cn=Big List 1,ou=Lists,o=Defence,c=XW" heads a chain of 5
# nested lists reaching 10 000 distinct people), bulk-loads it into a
# throwaway site with slapd only (mmhs-site start DIR --bulk FILE
# --agents=none), and times, RUNS times each (default 20):
#   overlay   ldapsearch -b LIST -s base mmhsExpandedRecipient: the
#             client's wall time (process included) and slapd's etime
#             (stats log), cold (the overlay's expansion cache emptied
#             before each run by rewriting olcMhsdlCacheEntries, its
#             warm-up off, as tests/bench/dl-expand.sh does: every member
#             entry read from back-mdb) and warm (the cache kept; one
#             search first fills it)
#   expander  expander_expand() of the same list in the expander's own
#             code over a directory cache synchronised from that slapd
#             (agents/expander/mmhs-expander-probe -n RUNS+1: the
#             expansion only, no sending; the first run is reported
#             apart, the others measured): what the agent spends per
#             message before it resubmits, cold (-C: the nodes kept
#             between messages forgotten before each run, every member
#             entry read and decoded from the LMDB cache) and warm (the
#             nodes kept, as between two messages with no directory
#             change in between)
# and checks that both give the same recipient set (sorted, 10 000).
# Prints median and p90 in ms and the ratios of the expander's medians
# to the overlay's (server etime, and client wall time).
#
# EXPANDER_BENCH_SITE=DIR reuses a running site started as above (no
# generation, no load, not stopped at the end).

set -e
builddir=$(cd "${1:-$(dirname "$0")/../../_build}" && pwd)
runs=${2:-20}
work=$(mktemp -d "${TMPDIR:-/tmp}/expander-bench.XXXXXX")
list="cn=Big List 1,ou=Lists,o=Defence,c=XW"
site_dn="cn=mod-main,ou=MMHS,c=XW"
probe=$builddir/agents/expander/mmhs-expander-probe

if [ -n "$EXPANDER_BENCH_SITE" ]; then
	site=$EXPANDER_BENCH_SITE
	cleanup() { rm -rf "$work"; }
else
	site=$work/site
	cleanup() {
		"$builddir/mmhs-site" stop "$site" >/dev/null 2>&1 || true
		rm -rf "$work"
	}
fi
trap cleanup EXIT

if [ -z "$EXPANDER_BENCH_SITE" ]; then
	echo "generating 100000 people (mmhs-gensite -p 100000)..."
	"$builddir/tests/tools/mmhs-gensite" -p 100000 > "$work/site.ldif"
	echo "bulk loading $(grep -c '^dn:' "$work/site.ldif") entries..."
	t0=$(date +%s)
	MMHS_SLAPD_DEBUG=stats "$builddir/mmhs-site" start "$site" --bulk \
	    --agents=none "$work/site.ldif" > "$work/start.log"
	echo "loaded in $(( $(date +%s) - t0 )) s"
	rm -f "$work/site.ldif"
fi
. "$site/site.env"
log=$site/log/slapd.log
admin=(-x -H "$MMHS_LDAP_URI" -D "$MMHS_ADMIN_DN" -w "$MMHS_ADMIN_PW")

config=(-x -H "$MMHS_LDAP_URI" -D cn=config -w "$MMHS_CONFIG_PW")
cfg=$(ldapsearch "${config[@]}" -LLL -b cn=config \
    "(objectClass=olcMhsdlConfig)" dn | sed -n 's/^dn: //p')

# overlay_config ATTR VALUE - one setting of the mhsdl overlay
overlay_config() {
	ldapmodify "${config[@]}" > /dev/null <<EOF
dn: $cfg
changetype: modify
replace: $1
$1: $2
EOF
}

# overlay NAME N BEFORE - N timed expansions by slapd (BEFORE: run
# before each); $work/NAME.wall, $work/NAME.etime
overlay() {
	local name=$1 n=$2 before=$3 i lines t0 t1
	: > "$work/$name.wall"
	: > "$work/$name.etime"
	for i in $(seq 1 "$n"); do
		$before
		lines=$(wc -l < "$log")
		t0=$(date +%s%N)
		ldapsearch "${admin[@]}" -LLL -o ldif-wrap=no -b "$list" -s base \
		    mmhsExpandedRecipient > "$work/overlay.out"
		t1=$(date +%s%N)
		sleep 0.05
		echo $(( (t1 - t0) / 1000 )) >> "$work/$name.wall"
		tail -n +$((lines + 1)) "$log" | grep 'SEARCH RESULT' |
		    sed -n 's/.*etime=\([0-9.]*\).*/\1/p' | tail -1 |
		    awk '{ printf "%d\n", $1 * 1000000 }' >> "$work/$name.etime"
	done
}
empty_cache() { overlay_config olcMhsdlCacheEntries 1000000; }

overlay_config olcMhsdlCacheWarmup FALSE
overlay ovlcold "$runs" empty_cache
overlay_config olcMhsdlCacheWarmup TRUE
overlay ovlfill 1 :
overlay ovlwarm "$runs" :
sed -n 's/^mmhsExpandedRecipient: //p' "$work/overlay.out" | sort \
    > "$work/overlay.set"

# the expander: a cache like an agent's, then RUNS+1 expansions with
# the nodes forgotten before each (cold), then RUNS+1 keeping them
echo "synchronising a directory cache ($(ldapsearch "${admin[@]}" -LLL \
    -b "$MMHS_LDAP_BASE" 1.1 | grep -c '^dn:') entries)..."
t0=$(date +%s%N)
"$probe" "${admin[@]:1}" -c "$work/cache" -s "$site_dn" -C \
    -n $((runs + 1)) expand "$list" > "$work/expander.out" \
    2> "$work/cold.err"
t1=$(date +%s%N)
"$probe" "${admin[@]:1}" -c "$work/cache" -s "$site_dn" \
    -n $((runs + 1)) expand "$list" > "$work/expander2.out" \
    2> "$work/warm.err"
sort "$work/expander.out" > "$work/expander.set"
sed -n 's/^run 1: \([0-9]*\) us.*/\1/p' "$work/cold.err" \
    > "$work/expander.first"
for k in cold warm; do
	sed -n 's/^run \([0-9]*\): \([0-9]*\) us.*/\1 \2/p' "$work/$k.err" |
	    awk '$1 > 1 { print $2 }' > "$work/expander.$k"
done
cmp -s "$work/expander.out" "$work/expander2.out" || {
	echo "the expander's runs differ" >&2; exit 1; }

n_ovl=$(wc -l < "$work/overlay.set")
n_exp=$(wc -l < "$work/expander.set")
if [ "$n_ovl" != 10000 ] || ! cmp -s "$work/overlay.set" \
    "$work/expander.set"; then
	echo "recipient sets differ: overlay $n_ovl, expander $n_exp" >&2
	diff "$work/overlay.set" "$work/expander.set" | head >&2
	exit 1
fi

# stat FILE - "median p90" in ms of the microsecond values in FILE
stat() {
	sort -n "$1" | awk '{ v[NR] = $1 } END {
		m = v[int((NR + 1) / 2)]; p = v[int(NR * 0.9 + 0.999)]
		printf "%8.1f %8.1f", m / 1000, p / 1000 }'
}
# median FILE
median() {
	sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
ratio() {
	awk -v a="$(median "$1")" -v b="$(median "$2")" \
	    'BEGIN { if (b > 0) printf "%.2f", a / b }'
}

printf '\n%s\n%d recipients through 5 nested lists (same set both ways), %d runs, times in ms\n' \
    "$list" "$n_exp" "$runs"
printf '%-52s %8s %8s\n' "operation" "median" "p90"
printf '%-52s %s\n' "overlay, cache emptied (cold): slapd etime" \
    "$(stat "$work/ovlcold.etime")"
printf '%-52s %s\n' "overlay, cache emptied (cold): ldapsearch wall" \
    "$(stat "$work/ovlcold.wall")"
printf '%-52s %s\n' "overlay, cache kept (warm): slapd etime" \
    "$(stat "$work/ovlwarm.etime")"
printf '%-52s %s\n' "overlay, cache kept (warm): ldapsearch wall" \
    "$(stat "$work/ovlwarm.wall")"
printf '%-52s %8.1f\n' "expander: first expansion after the cache synced" \
    "$(awk '{ print $1 / 1000 }' "$work/expander.first")"
printf '%-52s %s\n' "expander, nodes forgotten before each (cold)" \
    "$(stat "$work/expander.cold")"
printf '%-52s %s\n' "expander, nodes kept (warm)" \
    "$(stat "$work/expander.warm")"
printf '\n%-40s %10s %10s\n' "ratio of medians" "/ etime" "/ wall"
for k in cold warm; do
	printf '%-40s %10s %10s\n' "expander $k / overlay $k" \
	    "$(ratio "$work/expander.$k" "$work/ovl$k.etime")" \
	    "$(ratio "$work/expander.$k" "$work/ovl$k.wall")"
done
printf '(cache synchronisation of the whole directory: %d ms, once per agent start)\n' \
    $(( (t1 - t0) / 1000000 ))
