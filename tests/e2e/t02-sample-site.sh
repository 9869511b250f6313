#!/bin/bash
# t02-sample-site - the sample site loads through the overlays with
# ldapadd, the schema refuses bad entries, and mmhs-site stop leaves
# nothing running.
. "$srcdir/tests/e2e/common.sh"

site=$testdir/site
if site_start "$site"; then
	ok "mmhs-site start with the sample site"
else
	not_ok "mmhs-site start with the sample site"
	exit 1
fi

want=$(cat "$srcdir"/ldif/*.ldif | grep -c '^dn:')
got=$(ldap_admin ldapsearch -b "$MMHS_LDAP_BASE" -LLL 1.1 | grep -c '^dn:')
if [ "$want" = "$got" ]; then
	ok "all $want sample entries are in the directory"
else
	not_ok "$got entries in the directory, $want in ldif/"
fi

overlays=$(ldapsearch -x -H "$MMHS_LDAP_URI" -D "$MMHS_CONFIG_DN" \
    -w "$MMHS_CONFIG_PW" -b "olcDatabase={1}mdb,cn=config" -LLL \
    '(objectClass=olcOverlayConfig)' olcOverlay | sed -n 's/^olcOverlay: //p')
for ov in acp133 mhsdl mhsroute natoshare; do
	if grep -q "}$ov\$" <<<"$overlays"; then
		ok "overlay $ov is configured on the database"
	else
		not_ok "overlay $ov is not configured: $overlays"
	fi
done
check "the site's cn=config passes slaptest" slaptest -u -F "$site/slapd.d"

add() { ldap_admin ldapadd "$@" <<<"$entry"; }
entry="dn: cn=No Permissions,ou=Lists,o=Defence,c=XW
objectClass: mhs-distribution-list
cn: No Permissions
mhs-or-addresses: /C=XW/ADMD= /PRMD=MOD/CN=NO PERMISSIONS/"
expect_rc "a list without submit permissions is refused" 65 \
    "requires attribute 'mhs-dl-submit-permissions'" add

entry="dn: cn=Bad Attribute,ou=Lists,o=Defence,c=XW
objectClass: mmhsFFPolicy
cn: Bad Attribute
mmhsDeadline: flash\$600
mmhsNoSuchAttribute: x"
expect_rc "an unknown attribute is refused" 17 "mmhsNoSuchAttribute" add

entry="dn: cn=Bad Order,ou=Lists,o=Defence,c=XW
objectClass: mmhsProfileRule
cn: Bad Order
mmhsRuleSet: peace
mmhsRuleOrder: first"
expect_rc "a non-integer rule order is refused" 21 "invalid per syntax" add

entry="dn: cn=Two Matches,ou=Lists,o=Defence,c=XW
objectClass: mmhsRoute
cn: Two Matches
mmhsRouteMatch: default
mmhsRouteMatch: domain:example.org
mmhsNextHop: cn=admin,c=XW"
expect_rc "a second value of a single-valued attribute is refused" 19 \
    "multiple values" add

person=$(ldap_admin ldapsearch -b "$MMHS_LDAP_BASE" -LLL \
    '(&(objectClass=aCPOrganizationalPerson)(userPassword=*))' 1.1 |
    sed -n 's/^dn: //p' | head -n 1)
person_pw=$(grep -A30 "^dn: $person\$" "$srcdir"/ldif/*.ldif |
    sed -n 's/.*userPassword: //p' | head -n 1)
check "a person of the sample binds with the sample password" \
    ldapwhoami -x -H "$MMHS_LDAP_URI" -D "$person" -w "$person_pw"
expect_rc "anonymous users read nothing" 32 "" \
    ldapsearch -x -H "$MMHS_LDAP_URI" -b "$MMHS_LDAP_BASE" -s base

pid=$MMHS_SLAPD_PID
check "mmhs-site stop" "$MMHS_SITE" stop "$site"
if kill -0 "$pid" 2>/dev/null; then
	not_ok "slapd $pid still runs after mmhs-site stop"
else
	ok "nothing of the site runs after mmhs-site stop"
fi
