#!/bin/bash
# t22-mhsroute - the routing overlay: route lookups through the extended
# operation for every kind of route of the sample site, refusals of bad
# routes (unknown next hop, not an agent, unreachable, tie, loop, bad
# syntax) with their exact result code and text, agents that routes
# need, live route changes, and the cn=config setting mhsroute-site.
. "$srcdir/tests/e2e/common.sh"

OID=2.25.59028202126315117165413111612054445617.5.3.1
SITE="cn=mod-main,ou=MMHS,c=XW"
ROUTES="ou=Routes,$SITE"

site=$testdir/site
if site_start "$site"; then
	ok "mmhs-site start with the sample site (all routes accepted)"
else
	not_ok "mmhs-site start with the sample site"
	exit 1
fi

# lookup - the route lookup extended operation as the administrator
lookup() { ldap_admin ldapexop -o ldif_wrap=no "$OID:$1"; }
# expect_exop - a lookup that fails: ldapexop exits 1, so compare the
# result code it prints
expect_exop() {
	local what=$1 rc=$2 text=$3 out got
	out=$(lookup "$4" 2>&1)
	echo "$out" >> "$testdir/commands.log"
	got=$(sed -n 's/^ldap_parse_result: .*(\([0-9]*\))$/\1/p' <<<"$out")
	if [ "$got" != "$rc" ]; then
		not_ok "$what (expected result $rc, got ${got:-0}: $out)"
	elif ! grep -qF -- "$text" <<<"$out"; then
		not_ok "$what (result $rc but no \"$text\" in: $out)"
	else
		ok "$what"
	fi
}
# add, modify - an LDIF entry or change from $entry
add() { ldap_admin ldapadd <<<"$entry"; }
modify() { ldap_admin ldapmodify <<<"$entry"; }

# --- lookups on the sample site ---------------------------------------
expect_rc "a person: the store" 0 \
    "mhsroute: john.smith@mod.westland.example at routine: route cn=local,$ROUTES; next hops: {0}cn=store,$SITE" \
    lookup 'john.smith@mod.westland.example$routine'
expect_rc "an organisation: the profiler" 0 \
    "route cn=org-jfhq,$ROUTES; next hops: {0}cn=profiler,$SITE" \
    lookup 'JFHQ@mod.westland.example$flash'
expect_rc "a list: the expander" 0 \
    "route cn=lists,$ROUTES; next hops: {0}cn=expander,$SITE" \
    lookup 'amber-sentinel@lists.mod.westland.example$immediate'
expect_rc "a list by O/R address: the expander" 0 \
    "route cn=lists-or,$ROUTES; next hops: {0}cn=expander,$SITE" \
    lookup '/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=DL/CN=AMBER SENTINEL/$routine'
expect_rc "the other national site: peer MTA and alternate" 0 \
    "route cn=dlo,$ROUTES; next hops: {0}cn=mta-a,cn=dlo,ou=MMHS,c=XW, {1}cn=mta-b,cn=dlo,ou=MMHS,c=XW" \
    lookup 'log@depot.dlo.westland.example$priority'
expect_rc "the informal domain: gw-informal" 0 \
    "route cn=informal,$ROUTES; next hops: {0}cn=gw-informal,$SITE" \
    lookup 'clerk@office.westland.example$routine'
expect_rc "a NATO domain: gw-nato" 0 \
    "route cn=nato,$ROUTES; next hops: {0}cn=gw-nato,$SITE" \
    lookup 'j3@shape.nato.example$immediate'
expect_rc "a NATO O/R prefix: gw-nato" 0 \
    "route cn=nato-or,$ROUTES; next hops: {0}cn=gw-nato,$SITE" \
    lookup '/C=XX/ADMD= /PRMD=NATO/O=SHAPE/S=J3/$immediate'
expect_rc "1st Battlegroup: gw-tactical" 0 \
    "route cn=1bg,$ROUTES; next hops: {0}cn=gw-tactical,$SITE" \
    lookup 'ops@1bg.tac.westland.example$flash'
expect_rc "WNS Resolute at FLASH: SATCOM, HF as alternate" 0 \
    "route cn=resolute-urgent,$ROUTES; next hops: {0}cn=gw-tactical-sat,$SITE, {1}cn=gw-tactical,$SITE" \
    lookup 'ops@resolute.tac.westland.example$flash'
expect_rc "WNS Resolute at ROUTINE: HF" 0 \
    "route cn=resolute,$ROUTES; next hops: {0}cn=gw-tactical,$SITE" \
    lookup 'ops@resolute.tac.westland.example$routine'
expect_rc "anything else: the default route" 0 \
    "route cn=default,$ROUTES; next hops: {0}cn=gw-informal,$SITE" \
    lookup 'someone@elsewhere.example$routine'
out=$(lookup 'ops@resolute.tac.westland.example$flash' |
    sed -n 's/^data:: //p' | base64 -d)
if [ "$out" = "cn=resolute-urgent,$ROUTES\$cn=gw-tactical-sat,$SITE\$cn=gw-tactical,$SITE" ]; then
	ok "the response value is ROUTE-DN\$HOP0\$HOP1"
else
	not_ok "response value: $out"
fi
expect_exop "a malformed recipient is refused" 2 \
    'mhsroute: mailbox needs LOCAL@DOMAIN or an O/R address /C=../' \
    'nobody$routine'
expect_exop "an unknown precedence is refused" 2 \
    'mhsroute: request value: "urgent" is not a precedence' \
    'x@y.example$urgent'
out=$(ldapexop -x -H "$MMHS_LDAP_URI" "$OID:x@y.example\$routine" 2>&1)
if grep -qF "Insufficient access (50)" <<<"$out" &&
    grep -qF "mhsroute: route lookups need an authenticated user" <<<"$out"; then
	ok "anonymous lookups are refused (50)"
else
	not_ok "anonymous lookup: $out"
fi

# --- refused routes -----------------------------------------------------
entry="dn: cn=bad,$ROUTES
objectClass: mmhsRoute
cn: bad
mmhsRouteMatch: domain:bad.example
mmhsNextHop: cn=nosuch,$SITE"
expect_rc "unknown next hop" 19 \
    "mhsroute: cn=bad,$ROUTES: mmhsNextHop value \"cn=nosuch,$SITE\": no such entry (unknown next hop)" add
entry="dn: cn=bad,$ROUTES
objectClass: mmhsRoute
cn: bad
mmhsRouteMatch: domain:bad.example
mmhsNextHop: {0}cn=gw-nato,$SITE
mmhsNextHop: {1}$SITE"
expect_rc "an alternate that is not an agent" 19 \
    "mhsroute: cn=bad,$ROUTES: mmhsNextHop value \"$SITE\": not an agent (mmhsAgent) entry" add
entry="dn: cn=bad,$ROUTES
objectClass: mmhsRoute
cn: bad
mmhsRouteMatch: domain:bad.example
mmhsNextHop: cn=ffmon,$SITE"
expect_rc "a next hop that receives no mail (ffmon)" 19 \
    "mhsroute: cn=bad,$ROUTES: mmhsNextHop value \"cn=ffmon,$SITE\": agent of type ffmon receives no mail" add
entry="dn: cn=mute,ou=External,ou=MMHS,c=XW
objectClass: mmhsAgent
cn: mute
mmhsAgentType: peer-mta"
check "an agent without mmhsListen may exist" add
entry="dn: cn=bad,$ROUTES
objectClass: mmhsRoute
cn: bad
mmhsRouteMatch: domain:bad.example
mmhsNextHop: {0}cn=gw-nato,$SITE
mmhsNextHop: {1}cn=mute,ou=External,ou=MMHS,c=XW"
expect_rc "an unreachable alternate (no mmhsListen)" 19 \
    "mhsroute: cn=bad,$ROUTES: mmhsNextHop value \"cn=mute,ou=External,ou=MMHS,c=XW\": unreachable: the agent has no mmhsListen" add
entry="dn: cn=nato2,$ROUTES
objectClass: mmhsRoute
cn: nato2
mmhsRouteMatch: domain:NATO.example
mmhsNextHop: cn=gw-informal,$SITE"
expect_rc "a tie with an existing route" 19 \
    "mhsroute: cn=nato2,$ROUTES: mmhsRouteMatch \"domain:NATO.example\" ties with route cn=nato,$ROUTES: same match, same scope and overlapping precedences" add
entry="dn: cn=resolute2,$ROUTES
objectClass: mmhsRoute
cn: resolute2
mmhsRouteMatch: domain:resolute.tac.westland.example
mmhsRoutePrecedence: immediate
mmhsRoutePrecedence: priority
mmhsNextHop: cn=gw-tactical,$SITE"
expect_rc "a tie of overlapping precedences" 19 \
    "ties with route cn=resolute-urgent,$ROUTES" add
entry="dn: cn=nato-flash,$ROUTES
objectClass: mmhsRoute
cn: nato-flash
mmhsRouteMatch: domain:nato.example
mmhsRoutePrecedence: flash
mmhsNextHop: {0}cn=gw-nato,$SITE
mmhsNextHop: {1}cn=gw-informal,$SITE"
check "a precedence route beside an unrestricted one is accepted" add
expect_rc "and wins at its precedence" 0 \
    "route cn=nato-flash,$ROUTES; next hops: {0}cn=gw-nato,$SITE, {1}cn=gw-informal,$SITE" \
    lookup 'j3@nato.example$flash'
expect_rc "but not at another" 0 "route cn=nato,$ROUTES;" \
    lookup 'j3@nato.example$routine'
entry="dn: cn=bad,$ROUTES
objectClass: mmhsRoute
cn: bad
mmhsRouteMatch: domain:bad..example
mmhsNextHop: cn=gw-nato,$SITE"
expect_rc "a malformed match" 21 \
    "mhsroute: cn=bad,$ROUTES: mmhsRouteMatch value \"domain:bad..example\": empty label in domain" add
entry="dn: cn=bad,$ROUTES
objectClass: mmhsRoute
cn: bad
mmhsRouteMatch: domain:bad.example
mmhsRoutePrecedence: urgent
mmhsNextHop: cn=gw-nato,$SITE"
expect_rc "a malformed precedence" 21 \
    "mhsroute: cn=bad,$ROUTES: mmhsRoutePrecedence value \"urgent\": not a precedence" add
n=$(ldap_admin ldapsearch -b "$ROUTES" -LLL '(cn=bad)' 1.1 | grep -c '^dn:')
if [ "$n" = 0 ]; then ok "refused routes are not stored"; else not_ok "$n refused routes stored"; fi

# --- agents that routes need ------------------------------------------------
expect_rc "deleting a next hop is refused" 19 \
    "mhsroute: cn=gw-nato,$SITE: agent is a next hop of route cn=nato,$ROUTES" \
    ldap_admin ldapdelete "cn=gw-nato,$SITE"
entry="dn: cn=gw-nato,$SITE
changetype: modify
delete: mmhsListen"
expect_rc "a next hop losing its mmhsListen is refused" 19 \
    "mhsroute: cn=gw-nato,$SITE: next hop of route cn=nato,$ROUTES, would be unreachable (no mmhsListen)" modify
expect_rc "renaming a next hop is refused" 19 \
    "agent is a next hop of route cn=nato,$ROUTES" \
    ldap_admin ldapmodrdn "cn=gw-nato,$SITE" cn=gw-nato2

# --- a change takes effect at the next lookup -------------------------------
entry="dn: cn=nato,$ROUTES
changetype: modify
replace: mmhsNextHop
mmhsNextHop: {0}cn=gw-informal,$SITE
mmhsNextHop: {1}cn=gw-nato,$SITE"
check "ldapmodify of a route's next hops" modify
expect_rc "the next lookup takes the new hops" 0 \
    "route cn=nato,$ROUTES; next hops: {0}cn=gw-informal,$SITE, {1}cn=gw-nato,$SITE" \
    lookup 'j3@nato.example$routine'
entry="dn: cn=nato,$ROUTES
changetype: modify
replace: mmhsNextHop
mmhsNextHop: cn=nosuch,$SITE"
expect_rc "a modify to an unknown next hop is refused" 19 \
    "mhsroute: cn=nato,$ROUTES: mmhsNextHop value \"cn=nosuch,$SITE\": no such entry (unknown next hop)" modify
check "deleting a route" ldap_admin ldapdelete "cn=informal,$ROUTES"
expect_rc "its recipients fall to the default route" 0 \
    "route cn=default,$ROUTES;" lookup 'clerk@office.westland.example$routine'

# --- an MTA's own routes and routing loops ----------------------------------
check "a second MTA and an own route of the first" \
    ldap_admin ldapadd -f "$srcdir/tests/e2e/data/mhsroute/mta2.ldif"
expect_rc "the MTA's own route, seen from that MTA" 0 \
    "from cn=mta,$SITE: route cn=x-via-mta2,ou=Routes,cn=mta,$SITE; next hops: {0}cn=mta2,$SITE" \
    lookup "u@x.example\$routine\$cn=mta,$SITE"
expect_rc "the site's route, seen from the other MTA" 0 \
    "route cn=default,$ROUTES;" lookup "u@x.example\$routine\$cn=mta2,$SITE"
expect_exop "a lookup from an entry that is no MTA is refused" 32 \
    "\"cn=store,$SITE\" is not an agent of type mta" \
    "u@x.example\$routine\$cn=store,$SITE"
entry="dn: cn=x-back,ou=Routes,cn=mta2,$SITE
objectClass: mmhsRoute
cn: x-back
mmhsRouteMatch: domain:sub.x.example
mmhsNextHop: cn=mta,$SITE"
expect_rc "a route closing a loop between two MTAs is refused" 19 \
    "mhsroute: cn=x-back,ou=Routes,cn=mta2,$SITE: routing loop for *@sub.x.example at deferred: cn=mta2,cn=mod-main,ou=mmhs,c=xw -> cn=mta,cn=mod-main,ou=mmhs,c=xw -> cn=mta2,cn=mod-main,ou=mmhs,c=xw" add
entry="dn: cn=x-self,ou=Routes,cn=mta2,$SITE
objectClass: mmhsRoute
cn: x-self
mmhsRouteMatch: domain:y.example
mmhsNextHop: cn=mta2,$SITE"
expect_rc "a route of an MTA to itself is refused" 19 \
    "routing loop for *@y.example at deferred: cn=mta2,cn=mod-main,ou=mmhs,c=xw -> cn=mta2,cn=mod-main,ou=mmhs,c=xw" add
entry="dn: cn=x-back,ou=Routes,cn=mta2,$SITE
objectClass: mmhsRoute
cn: x-back
mmhsRouteMatch: domain:sub.x.example
mmhsNextHop: cn=store,$SITE"
check "the same route to a store is accepted" add
entry="dn: cn=mta2-flash,ou=Routes,cn=mta2,$SITE
objectClass: mmhsRoute
cn: mta2-flash
mmhsRouteMatch: domain:x.example
mmhsRoutePrecedence: flash
mmhsNextHop: cn=mta,$SITE"
expect_rc "a loop at one precedence only is refused" 19 \
    "routing loop for *@x.example at flash:" add

# --- configuration through cn=config -----------------------------------------
ovl=$(ldapsearch -x -H "$MMHS_LDAP_URI" -D "$MMHS_CONFIG_DN" -w "$MMHS_CONFIG_PW" \
    -b "olcDatabase={1}mdb,cn=config" -LLL '(objectClass=olcMhsrouteConfig)' 1.1 |
    sed -n 's/^dn: //p')
cfg() {
	ldapmodify -x -H "$MMHS_LDAP_URI" -D "$MMHS_CONFIG_DN" -w "$MMHS_CONFIG_PW" <<<"dn: $ovl
changetype: modify
$1"
}
check "olcMhsrouteSite set to the DLO site (cn=config)" \
    cfg "replace: olcMhsrouteSite
olcMhsrouteSite: cn=dlo,ou=MMHS,c=XW"
expect_exop "no route outside that site then" 32 \
    "mhsroute: no route for j3@nato.example at routine" \
    'j3@nato.example$routine'
got=$(ldapsearch -x -H "$MMHS_LDAP_URI" -D "$MMHS_CONFIG_DN" -w "$MMHS_CONFIG_PW" \
    -b "$ovl" -s base -LLL olcMhsrouteSite | sed -n 's/^olcMhsrouteSite: //p')
if [ "$got" = "cn=dlo,ou=MMHS,c=XW" ]; then ok "cn=config reads olcMhsrouteSite back"
else not_ok "olcMhsrouteSite reads \"$got\""; fi
check "olcMhsrouteSite set to this site" \
    cfg "replace: olcMhsrouteSite
olcMhsrouteSite: $SITE"
expect_rc "routes of this site again" 0 "route cn=nato,$ROUTES;" \
    lookup 'j3@nato.example$routine'
check "olcMhsrouteSite deleted" cfg "delete: olcMhsrouteSite"
expect_rc "routes of the whole database" 0 "route cn=nato,$ROUTES;" \
    lookup 'j3@nato.example$routine'
check "the cn=config passes slaptest" slaptest -u -F "$site/slapd.d"

# --- the table survives a restart (built at db_open) -------------------------
"$MMHS_SITE" stop "$site" >/dev/null 2>&1
if setsid /usr/sbin/slapd -F "$site/slapd.d" -h "$MMHS_LDAP_URI $MMHS_LDAPI_URI" \
    > /dev/null 2>&1; then
	for i in $(seq 1 50); do
		ldapsearch -x -H "$MMHS_LDAP_URI" -s base -b "" 1.1 >/dev/null 2>&1 && break
		sleep 0.1
	done
	expect_rc "after a restart, the table is built at db_open" 0 \
	    "route cn=nato,$ROUTES; next hops: {0}cn=gw-informal,$SITE" \
	    lookup 'j3@nato.example$routine'
else
	not_ok "slapd restart"
fi
