#!/bin/bash
# natoshare-100k.sh - the natoshare overlay on a generated 100 000-person
# directory: partner view, export, partner replica, cost on writes and on
# ordinary searches.  Prints a table; asserts nothing.
#
# usage: tests/bench/natoshare-100k.sh [BUILDDIR] [RUNS]
#
# Starts an empty partner directory (tests/e2e/data/natoshare/partner.ldif,
# first, as t23-natoshare does: its suffix entry must be older than our
# data), generates tests/tools/mmhs-gensite -p 100000 (about 111 500
# entries; its release policy cn=release-to-nato shares only 6 entries:
# the first organisation, two of its roles, the NATO gateway) and
# bulk-loads it (mmhs-site start DIR --bulk FILE).  To share a large part,
# ten more policies are added with ldapadd, one per organisation 1 to 10:
# base ou=People,o=ORG,o=Defence,c=XW, scope one, filter
# (objectClass=aCPOrganizationalPerson), 8 released attributes: 10 000
# people.  Then it measures (median of RUNS runs, default 5, of the client
# wall time, ldapsearch/ldapmodify process included):
#   partner full search   ldapsearch bound as cn=NATO,... -b c=XW '*'
#                         (count, time), and with 1.1 (no attributes)
#   admin full search     the same search as the rootdn (111 500 entries)
#   admin same 10 000     the rootdn's search of the shared people only
#   partner base search   of an unshared entry (noSuchObject) and of a
#                         shared one
#   export                mmhs-share export cn=NATO,... (time, size)
#   replica refresh       a second slapd's syncrepl consumer bound as the
#                         partner: time from olcSyncrepl added until the
#                         replica holds as many entries as the view, and
#                         whether its content equals the view
#   replica latency       a modify of a shared person (title) until it is
#                         read at the replica; an entry leaving the share
#                         (aCPPublishTo deleted) until it is gone there,
#                         and coming back
#   writes                500 modifies of different people in one
#                         ldapmodify, natoshare enabled, disabled
#                         (olcDisabled: TRUE on its cn=config entry), and
#                         enabled with the partner's persistent search
#                         attached
#   user search           a full search bound as an ordinary person (not
#                         a partner, not the rootdn: every ACL check goes
#                         through the overlay), enabled vs disabled
#
# NATOSHARE_BENCH_LDIF=FILE uses an already generated LDIF.

set -eu
builddir=$(cd "${1:-$(dirname "$0")/../../_build}" && pwd)
runs=${2:-5}
srcdir=$(cd "$builddir/.." && pwd)
share=$srcdir/agents/mmhs-share/mmhs-share
work=$(mktemp -d /tmp/natoshare-bench.XXXXXX)
nato=cn=NATO,ou=Partners,ou=MMHS,c=XW
nato_pw=NATO-Demo-1
person="cn=Bronwen Redfern 000001,ou=People,o=1st Brigade,o=Defence,c=XW"
person_pw=Westland-Demo-1
ovl="olcOverlay={4}natoshare,olcDatabase={1}mdb,cn=config"

cleanup() {
	"$builddir/mmhs-site" stop "$work/site" >/dev/null 2>&1 || true
	"$builddir/mmhs-site" stop "$work/partner" >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT

# ms - wall time of a command in milliseconds (output discarded)
ms() {
	local t0
	t0=$(date +%s%N)
	"$@" > /dev/null 2>&1 || true
	echo $(( ($(date +%s%N) - t0) / 1000000 ))
}
# med - median of RUNS timings of a command
med() {
	local i
	for i in $(seq 1 "$runs"); do ms "$@"; done |
	    sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}
rows=()
row() { rows+=("$(printf '%-44s %12s %10s' "$1" "$2" "$3")"); echo "  $1: $2 $3"; }

"$builddir/mmhs-site" start "$work/partner" \
    "$srcdir/tests/e2e/data/natoshare/partner.ldif" > /dev/null
. "$work/partner/site.env"
B_URI=$MMHS_LDAP_URI B_DN=$MMHS_ADMIN_DN B_PW=$MMHS_ADMIN_PW B_CFG=$MMHS_CONFIG_PW
sleep 1

ldif=${NATOSHARE_BENCH_LDIF:-}
if [ -z "$ldif" ]; then
	ldif=$work/site.ldif
	echo "generating 100000 people (mmhs-gensite -p 100000)..."
	"$builddir/tests/tools/mmhs-gensite" -p 100000 > "$ldif"
fi
echo "bulk loading $(grep -c '^dn:' "$ldif") entries..."
t0=$(date +%s)
"$builddir/mmhs-site" start "$work/site" --bulk "$ldif" > /dev/null
echo "loaded in $(( $(date +%s) - t0 )) s"
. "$work/site/site.env"
A_URI=$MMHS_LDAP_URI A_DN=$MMHS_ADMIN_DN A_PW=$MMHS_ADMIN_PW A_CFG=$MMHS_CONFIG_PW

on_a() { local t=$1; shift; "$t" -x -H "$A_URI" -D "$A_DN" -w "$A_PW" "$@"; }
on_b() { local t=$1; shift; "$t" -x -H "$B_URI" -D "$B_DN" -w "$B_PW" "$@"; }
as_partner() { local t=$1; shift; "$t" -x -H "$A_URI" -D "$nato" -w "$nato_pw" "$@"; }
as_person() { local t=$1; shift; "$t" -x -H "$A_URI" -D "$person" -w "$person_pw" "$@"; }
natoshare_disabled() {
	ldapmodify -x -H "$A_URI" -D cn=config -w "$A_CFG" > /dev/null <<EOF
dn: $ovl
changetype: modify
replace: olcDisabled
olcDisabled: $1
EOF
}

# ten policies: the people of organisations 1 to 10
orgs="1st Brigade|2nd Battalion|3rd Regiment|4th Squadron|5th Wing|6th Flotilla|7th Logistic Group|8th Signal Squadron|9th Field Hospital|10th Training Centre"
IFS='|'
i=0
for o in $orgs; do
	i=$((i + 1))
	cat <<EOF
dn: cn=release-people-$i,ou=Partners,ou=MMHS,c=XW
objectClass: mmhsReleasePolicy
cn: release-people-$i
mmhsReleaseTo: $nato
mmhsReleaseBase: ou=People,o=$o,o=Defence,c=XW
mmhsReleaseScope: one
mmhsReleaseFilter: (objectClass=aCPOrganizationalPerson)
mmhsReleaseAttribute: objectClass
mmhsReleaseAttribute: cn
mmhsReleaseAttribute: sn
mmhsReleaseAttribute: givenName
mmhsReleaseAttribute: mail
mmhsReleaseAttribute: mhs-or-addresses
mmhsReleaseAttribute: title
mmhsReleaseAttribute: rank

EOF
done > "$work/policies.ldif"
unset IFS
on_a ldapadd -f "$work/policies.ldif" > /dev/null
people_filter="(|$(IFS='|'; for o in $orgs; do printf '(entryDN:dnOneLevelMatch:=ou=People,o=%s,o=Defence,c=XW)' "$o"; done))"

echo "measuring ($runs runs each)..."
# warm the page cache
on_a ldapsearch -b c=XW -LLL '*' > /dev/null

n=$(as_partner ldapsearch -b c=XW -LLL 1.1 | grep -c '^dn:')
t_p=$(med as_partner ldapsearch -b c=XW -LLL '*')
row "partner full search -b c=XW '*'" "$n entries" "$t_p ms"
t_p1=$(med as_partner ldapsearch -b c=XW -LLL 1.1)
row "partner full search -b c=XW 1.1" "$n entries" "$t_p1 ms"
na=$(on_a ldapsearch -b c=XW -LLL 1.1 | grep -c '^dn:')
t_a=$(med on_a ldapsearch -b c=XW -LLL '*')
row "admin full search -b c=XW '*'" "$na entries" "$t_a ms"
t_a1=$(med on_a ldapsearch -b c=XW -LLL 1.1)
row "admin full search -b c=XW 1.1" "$na entries" "$t_a1 ms"
ns=$(on_a ldapsearch -b c=XW -LLL "$people_filter" 1.1 | grep -c '^dn:')
t_s=$(med on_a ldapsearch -b c=XW -LLL "$people_filter" '*')
row "admin search of the shared people '*'" "$ns entries" "$t_s ms"
row "ratio partner/admin full search" "" "$(awk "BEGIN { printf \"%.2f\", $t_p / $t_a }")"
row "ratio partner/admin same people" "" "$(awk "BEGIN { printf \"%.2f\", $t_p / $t_s }")"

unshared="cn=Bronwen Redfern 000001,ou=People,o=11th Brigade,o=Defence,c=XW"
unshared=$(on_a ldapsearch -b "ou=People,o=11th Brigade,o=Defence,c=XW" -s one -LLL -z 1 1.1 2>/dev/null | sed -n 's/^dn: //p' | head -n 1)
set +e
as_partner ldapsearch -b "$unshared" -s base -LLL 1.1 > /dev/null 2>&1
rc=$?
set -e
t_u=$(med as_partner ldapsearch -b "$unshared" -s base -LLL '*')
row "partner base search, unshared entry" "rc $rc" "$t_u ms"
t_sh=$(med as_partner ldapsearch -b "$person" -s base -LLL '*')
row "partner base search, shared entry" "rc 0" "$t_sh ms"
t_ab=$(med on_a ldapsearch -b "$person" -s base -LLL '*')
row "admin base search, same entry" "rc 0" "$t_ab ms"

export MMHS_LDAP_URI=$A_URI MMHS_LDAP_BASE=c=XW MMHS_ADMIN_DN=$A_DN MMHS_ADMIN_PW=$A_PW
t0=$(date +%s%N)
"$share" export "$nato" > "$work/export.ldif"
t_e=$(( ($(date +%s%N) - t0) / 1000000 ))
row "mmhs-share export (admin, proxied authz)" "$(grep -c '^dn:' "$work/export.ldif") entries" "$t_e ms"
row "  export size" "$(wc -c < "$work/export.ldif") bytes" ""
t0=$(date +%s%N)
MMHS_SHARE_PARTNER_PW=$nato_pw "$share" export "$nato" > "$work/export2.ldif"
t_e2=$(( ($(date +%s%N) - t0) / 1000000 ))
row "mmhs-share export (bound as the partner)" "$(cmp -s "$work/export.ldif" "$work/export2.ldif" && echo identical || echo DIFFERS)" "$t_e2 ms"

# writes, natoshare enabled and disabled (before any replica attaches)
awk '/^dn: cn=.*,ou=People,/ { n++; if (n % 100 == 0 && m < 500) {
	m++; print $0; print "changetype: modify"; print "replace: title";
	print "title: Bench " m; print "" } }' "$ldif" > "$work/mods-x.ldif"
nw=$(grep -c '^dn:' "$work/mods-x.ldif")
writes() {
	local i
	for i in $(seq 1 "$runs"); do
		sed "s/^title: Bench .*/title: Bench $1 $i/" "$work/mods-x.ldif" > "$work/mods.ldif"
		ms on_a ldapmodify -f "$work/mods.ldif"
	done | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}
# enabled and disabled alternate, so that other load on the machine
# affects both alike
: > "$work/on.t"; : > "$work/off.t"
for i in $(seq 1 "$runs"); do
	for st in on off; do
		[ $st = on ] && natoshare_disabled FALSE || natoshare_disabled TRUE
		sed "s/^title: Bench .*/title: Bench $st $i/" "$work/mods-x.ldif" > "$work/mods.ldif"
		echo "w $(ms on_a ldapmodify -f "$work/mods.ldif")" >> "$work/$st.t"
		echo "u $(ms as_person ldapsearch -b c=XW -LLL '*')" >> "$work/$st.t"
		echo "a $(ms on_a ldapsearch -b c=XW -LLL '*')" >> "$work/$st.t"
	done
done
natoshare_disabled FALSE
pick() { awk -v k="$1" '$1 == k { print $2 }' "$work/$2.t" | sort -n |
    awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
t_w1=$(pick w on) t_w0=$(pick w off) t_us1=$(pick u on) t_us0=$(pick u off)
t_ad1=$(pick a on) t_ad0=$(pick a off)
row "$nw modifies, natoshare enabled" "$(( t_w1 * 1000 / nw )) us/op" "$t_w1 ms"
row "$nw modifies, natoshare disabled" "$(( t_w0 * 1000 / nw )) us/op" "$t_w0 ms"
row "user (non-partner) full search, enabled" "$na entries" "$t_us1 ms"
row "user (non-partner) full search, disabled" "$na entries" "$t_us0 ms"
row "admin full search, enabled" "$na entries" "$t_ad1 ms"
row "admin full search, disabled" "$na entries" "$t_ad0 ms"

# the partner's replica.  What the provider spends on the refresh: a
# refreshOnly content synchronization bound as the partner
t_ro=$(med as_partner ldapsearch -b c=XW -LLL -E '!sync=ro' '*')
row "provider: refreshOnly sync search (sync=ro)" "$(as_partner ldapsearch -b c=XW -LLL -E '!sync=ro' 1.1 | grep -c '^dn:') entries" "$t_ro ms"
# The consumer commits every entry in its own transaction: with the
# default fsync per commit (about 8 ms here) a refresh of 10 000 entries
# takes minutes whatever the provider does; NATOSHARE_BENCH_SYNC=1 keeps
# it, the default measures with olcDbNoSync on the replica.
if [ "${NATOSHARE_BENCH_SYNC:-0}" != 1 ]; then
	ldapmodify -x -H "$B_URI" -D cn=config -w "$B_CFG" > /dev/null <<EOF
dn: olcDatabase={1}mdb,cn=config
changetype: modify
replace: olcDbNoSync
olcDbNoSync: TRUE
EOF
fi
count_b() { on_b ldapsearch -b c=XW -LLL 1.1 2>/dev/null | grep -c '^dn:' || true; }
t0=$(date +%s%N)
ldapmodify -x -H "$B_URI" -D cn=config -w "$B_CFG" > /dev/null <<EOF
dn: olcDatabase={1}mdb,cn=config
changetype: modify
add: olcSyncrepl
olcSyncrepl: rid=023 provider=$A_URI bindmethod=simple binddn="$nato" credentials=$nato_pw searchbase="c=XW" type=refreshAndPersist retry="1 +" timeout=3
EOF
for i in $(seq 1 1200); do
	[ "$(count_b)" -ge "$n" ] && break
	sleep 0.1
done
t_r=$(( ($(date +%s%N) - t0) / 1000000 ))
row "replica initial refresh$([ "${NATOSHARE_BENCH_SYNC:-0}" = 1 ] || echo " (dbnosync)")" "$(count_b) entries" "$t_r ms"
sleep 1
view=$(as_partner ldapsearch -b c=XW -LLL -o ldif-wrap=no '*' | "$share" sort)
repl=$(on_b ldapsearch -b c=XW -LLL -o ldif-wrap=no '*' | "$share" sort)
row "replica content equals the partner view" "$([ "$view" = "$repl" ] && echo yes || echo NO)" ""

# latency: poll every 10 ms
poll() {
	local i t0=$1
	shift
	for i in $(seq 1 1000); do
		"$@" > /dev/null 2>&1 && break
		sleep 0.01
	done
	echo $(( ($(date +%s%N) - t0) / 1000000 ))
}
b_value() { on_b ldapsearch -b "$1" -s base -LLL -o ldif-wrap=no "$2" | grep -qxF "$2: $3"; }
b_has() { on_b ldapsearch -b "$1" -s base -LLL 1.1 | grep -q '^dn:'; }
b_lacks() { ! b_has "$1"; }
lat() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] " ms (max " a[NR] ")" }'; }
role="cn=Operations Officer,o=1st Brigade,o=Defence,c=XW"
mod=$(for i in $(seq 1 "$runs"); do
	t0=$(date +%s%N)
	printf 'dn: %s\nchangetype: modify\nreplace: title\ntitle: Latency %s\n' \
	    "$person" "$i" | on_a ldapmodify > /dev/null
	poll "$t0" b_value "$person" title "Latency $i"
done | lat)
row "replica latency: modify of a shared person" "" "$mod"
leave=""; back=""
for i in $(seq 1 "$runs"); do
	t0=$(date +%s%N)
	printf 'dn: %s\nchangetype: modify\ndelete: aCPPublishTo\n' "$role" |
	    on_a ldapmodify > /dev/null
	leave="$leave $(poll "$t0" b_lacks "$role")"
	t0=$(date +%s%N)
	printf 'dn: %s\nchangetype: modify\nadd: aCPPublishTo\naCPPublishTo: NATO\n' \
	    "$role" | on_a ldapmodify > /dev/null
	back="$back $(poll "$t0" b_has "$role")"
done
row "replica latency: entry leaves the share" "" "$(echo $leave | tr ' ' '\n' | lat)"
row "replica latency: entry joins the share" "" "$(echo $back | tr ' ' '\n' | lat)"
t_w2=$(writes repl)
row "$nw modifies, enabled, replica attached" "$(( t_w2 * 1000 / nw )) us/op" "$t_w2 ms"

echo
printf '%-44s %12s %10s\n' "measurement" "result" "time"
printf '%s\n' "${rows[@]}"
