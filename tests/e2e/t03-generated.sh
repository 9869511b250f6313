#!/bin/bash
# t03-generated - the generator writes the sample's structure at any size,
# the same for the same seed, and a 100 000-person directory loads.
. "$srcdir/tests/e2e/common.sh"

gen=$builddir/tests/tools/mmhs-gensite
a=$("$gen" -p 2000 -l 200 -m 500 -s 7 | md5sum)
b=$("$gen" -p 2000 -l 200 -m 500 -s 7 | md5sum)
c=$("$gen" -p 2000 -l 200 -m 500 -s 8 | md5sum)
if [ "$a" = "$b" ] && [ "$a" != "$c" ]; then
	ok "same seed, same directory; another seed, another one"
else
	not_ok "generator output: seed 7 $a / $b, seed 8 $c"
fi

big=$testdir/site-100k.ldif
check "generate 100 000 people" sh -c "'$gen' -p 100000 > '$big'"
people=$(grep -c '^objectClass: aCPOrganizationalPerson' "$big")
entries=$(grep -c '^dn:' "$big")
if [ "$people" -eq 100000 ]; then
	ok "100000 people among $entries entries"
else
	not_ok "$people people in the generated directory"
fi

site=$testdir/site
if site_start "$site" --agents=mta --bulk "$big"; then
	ok "mmhs-site start --bulk with the generated directory"
else
	not_ok "mmhs-site start --bulk with the generated directory"
	exit 1
fi
got=$(ldap_admin ldapsearch -b "$MMHS_LDAP_BASE" -LLL 1.1 | grep -c '^dn:')
if [ "$got" = "$entries" ]; then
	ok "all $entries generated entries are in the directory"
else
	not_ok "$got entries in the directory, $entries generated"
fi
mail=$(grep '^mail: ' "$big" | sed -n '50000{s/^mail: //;p}')
n=$(ldap_admin ldapsearch -b "$MMHS_LDAP_BASE" -LLL "(mail=$mail)" 1.1 |
    grep -c '^dn:')
if [ "$n" = 1 ]; then
	ok "an entry is found by its mail address"
else
	not_ok "$n entries found for mail=$mail"
fi
