#!/bin/bash
# route-lookup.sh - how fast are route lookups?
#
# usage: tests/bench/route-lookup.sh [BUILD-DIR]   (default: the build
#        directory the script is run from, or _build)
#
# Prints three measurements:
#  1. the library: time per lookup (recipient parse + lookup) of
#     mmhs_route over the sample's routes plus 100 000 generated ones;
#  2. the sample site: route lookups per second through the mhsroute
#     extended operation against base-scope searches of one entry per
#     second, one connection, one request at a time, and their ratio;
#  3. the same on a generated 100 000-person directory (mmhs-gensite,
#     loaded with mmhs-site start --bulk).
# Environment: CC (cc), N (requests per LDAP measurement, 5000).
set -eu

src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$PWD}
[ -x "$build/mmhs-site" ] || build=$src/_build
[ -x "$build/mmhs-site" ] || { echo "no build directory (give one)" >&2; exit 1; }
CC=${CC:-cc}
N=${N:-5000}
tmp=$(mktemp -d)
sites=""
cleanup() {
	local d
	for d in $sites; do "$build/mmhs-site" stop "$d" >/dev/null 2>&1 || true; done
	rm -rf "$tmp"
}
trap cleanup EXIT

$CC -O2 -I"$src/lib" -o "$tmp/lib-bench" "$src/tests/bench/route-lookup-lib.c" \
    "$src/lib/mmhs_route.c" "$src/lib/mmhs_oraddr.c" "$src/lib/mmhs_precedence.c"
$CC -O2 -o "$tmp/client" "$src/tests/bench/route-lookup-client.c" -lldap -llber

echo "== library (mmhs_route)"
"$tmp/lib-bench" 100000 2000000
"$tmp/lib-bench" 0 2000000

OID=2.25.59028202126315117165413111612054445617.5.3.1

# measure NAME - exop vs search on the site whose env is loaded
measure() {
	local e s
	e=$("$tmp/client" "$MMHS_LDAP_URI" "$MMHS_ADMIN_DN" "$MMHS_ADMIN_PW" "$N" \
	    exop "$OID" 'ops@resolute.tac.westland.example$flash')
	s=$("$tmp/client" "$MMHS_LDAP_URI" "$MMHS_ADMIN_DN" "$MMHS_ADMIN_PW" "$N" \
	    search "cn=gw-nato,cn=mod-main,ou=MMHS,c=XW")
	echo "$1: exop $e lookups/s, base search $s searches/s," \
	    "ratio $(awk -v e="$e" -v s="$s" 'BEGIN { printf "%.2f", e / s }')"
}

echo "== sample site"
sites="$tmp/sample"
"$build/mmhs-site" start "$tmp/sample" >/dev/null
. "$tmp/sample/site.env"
measure "sample ($(grep -c '^dn:' "$src"/ldif/*.ldif | awk -F: '{ n += $2 } END { print n }') entries)"
"$build/mmhs-site" stop "$tmp/sample" >/dev/null

echo "== generated 100 000-person directory"
"$build/tests/tools/mmhs-gensite" -p 100000 > "$tmp/big.ldif"
sites="$sites $tmp/big"
"$build/mmhs-site" start "$tmp/big" --bulk "$tmp/big.ldif" >/dev/null
. "$tmp/big/site.env"
measure "generated ($(grep -c '^dn:' "$tmp/big.ldif") entries, $(grep -c '^objectClass: mmhsRoute' "$tmp/big.ldif") routes)"
