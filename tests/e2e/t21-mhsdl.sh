#!/bin/bash
# t21-mhsdl.sh - the mhsdl overlay: cycle refusal, transitive expansion
# (mmhsExpandedRecipient), submit permission extended operation, cn=config
#
# Runs on the full sample site plus tests/e2e/data/mhsdl/lists.ldif.

. "$srcdir/tests/e2e/common.sh"

data=$srcdir/tests/e2e/data/mhsdl
site=$testdir/site
OID=2.25.59028202126315117165413111612054445617.5.2.1
L=ou=Lists,o=Defence,c=XW
JL="ou=Lists,o=Joint Force Headquarters,o=Defence,c=XW"
JP="ou=People,o=Joint Force Headquarters,o=Defence,c=XW"
TP="ou=People,o=MMHS Test Cell,o=Defence,c=XW"
TRUE='data:: VFJVRQ=='		# base64 of TRUE
FALSE='data:: RkFMU0U='		# base64 of FALSE

if ! site_start "$site"; then
	not_ok "sample site starts with the mhsdl overlay"
	exit 1
fi
ok "sample site (all of ldif/) loads through the mhsdl overlay"
check "test lists load" ldap_admin ldapadd -f "$data/lists.ldif"

# expand LIST - the mmhsExpandedRecipient values of LIST, one a line
expand() {
	ldap_admin ldapsearch -LLL -o ldif-wrap=no -b "$1" -s base \
	    mmhsExpandedRecipient | sed -n 's/^mmhsExpandedRecipient: //p'
}

# has WHAT TEXT VALUES - pass when a line of VALUES equals TEXT
has() {
	if grep -qxF -- "$2" <<<"$3"; then ok "$1"; else
		not_ok "$1 (no line \"$2\" in: $3)"; fi
}

# hasnt WHAT TEXT VALUES - pass when no line of VALUES contains TEXT
hasnt() {
	if grep -qF -- "$2" <<<"$3"; then not_ok "$1 (\"$2\" in: $3)"; else
		ok "$1"; fi
}

# count WHAT N VALUES - pass when VALUES has N lines
count() {
	local n
	n=$(grep -c . <<<"$3")
	if [ "$n" = "$2" ]; then ok "$1"; else
		not_ok "$1 (expected $2 values, got $n: $3)"; fi
}

# modify LDIF-TEXT - ldapmodify as the administrator
modify() {
	ldap_admin ldapmodify <<<"$1"
}

# ---------------------------------------------------------------- cycles

expect_rc "self-membership refused" 19 \
    "mhsdl: cn=Test Pair X,$L: member cn=Test Pair X,$L is the list itself: a list cannot be a member of itself (cycle cn=Test Pair X,$L -> cn=Test Pair X,$L)" \
    modify "dn: cn=Test Pair X,$L
changetype: modify
add: mmhsMember
mmhsMember: cn=Test Pair X,$L"

expect_rc "direct cycle refused (Y gets X, X contains Y)" 19 \
    "mhsdl: cn=Test Pair Y,$L: adding member cn=Test Pair X,$L would create the cycle cn=Test Pair Y,$L -> cn=Test Pair X,$L -> cn=Test Pair Y,$L" \
    modify "dn: cn=Test Pair Y,$L
changetype: modify
add: mmhsMember
mmhsMember: cn=Test Pair X,$L"

expect_rc "indirect cycle through 3 lists refused (C gets A)" 19 \
    "mhsdl: cn=Test Cycle C,$L: adding member cn=Test Cycle A,$L would create the cycle cn=Test Cycle C,$L -> cn=Test Cycle A,$L -> cn=Test Cycle B,$L -> cn=Test Cycle C,$L" \
    modify "dn: cn=Test Cycle C,$L
changetype: modify
add: mmhsMember
mmhsMember: cn=Test Cycle A,$L"

expect_rc "cycle by replace refused" 19 \
    "would create the cycle cn=Test Cycle C,$L -> cn=Test Cycle B,$L -> cn=Test Cycle C,$L" \
    modify "dn: cn=Test Cycle C,$L
changetype: modify
replace: mmhsMember
mmhsMember: cn=Test Cycle B,$L"

expect_rc "cycle through a directory-name-only mhs-dl-members value refused" 19 \
    "mhsdl: cn=Test Cycle C,$L: adding member <cn=Test Cycle A,$L> would create the cycle" \
    modify "dn: cn=Test Cycle C,$L
changetype: modify
add: mhs-dl-members
mhs-dl-members: <cn=Test Cycle A,$L>"

# A new list closing a cycle with an existing list that already names it
# (the dangling member is written with the relax control: acp133 refuses
# members that do not exist).
check "dangling member written with relax" \
    ldap_admin ldapmodify -e relax <<<"dn: cn=Test Cycle C,$L
changetype: modify
add: mmhsMember
mmhsMember: cn=Test Cycle D,$L"
expect_rc "add of a list that closes a cycle refused" 19 \
    "mhsdl: cn=Test Cycle D,$L: adding member cn=Test Cycle A,$L would create the cycle cn=Test Cycle D,$L -> cn=Test Cycle A,$L -> cn=Test Cycle B,$L -> cn=Test Cycle C,$L -> cn=Test Cycle D,$L" \
    bash -c "ldapmodify -x -H '$MMHS_LDAP_URI' -D '$MMHS_ADMIN_DN' -w '$MMHS_ADMIN_PW' <<EOF
dn: cn=Test Cycle D,$L
changetype: add
objectClass: mhs-distribution-list
objectClass: mmhsList
cn: Test Cycle D
mhs-or-addresses: /C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=DL/CN=TEST CYCLE D/
mhs-dl-submit-permissions: any
mmhsMember: cn=Test Cycle A,$L
EOF"

check "dangling member removed" \
    ldap_admin ldapmodify -e relax <<<"dn: cn=Test Cycle C,$L
changetype: modify
delete: mmhsMember
mmhsMember: cn=Test Cycle D,$L"
out=$(ldap_admin ldapsearch -LLL -b "cn=Test Cycle C,$L" -s base mmhsMember)
if grep -q "Test Cycle A" <<<"$out" || grep -q "Test Cycle B" <<<"$out"; then
	not_ok "refused writes changed nothing ($out)"
else
	ok "refused writes changed nothing"
fi
check "a non-cyclic nesting is accepted (C gets Pair X)" modify \
    "dn: cn=Test Cycle C,$L
changetype: modify
add: mmhsMember
mmhsMember: cn=Test Pair X,$L"
check "removing a member is accepted" modify \
    "dn: cn=Test Cycle C,$L
changetype: modify
delete: mmhsMember
mmhsMember: cn=Test Pair X,$L"
check "relax control skips the check (self-membership stored)" \
    ldap_admin ldapmodify -e relax <<<"dn: cn=Test Pair Y,$L
changetype: modify
add: mmhsMember
mmhsMember: cn=Test Pair Y,$L"
v=$(expand "cn=Test Pair X,$L")
count "expansion terminates on a stored cycle" 1 "$v"
check "stored cycle removed" modify "dn: cn=Test Pair Y,$L
changetype: modify
delete: mmhsMember
mmhsMember: cn=Test Pair Y,$L"

# ------------------------------------------------------------- expansion

v=$(expand "cn=All Defence Staff,$L")
count "All Defence Staff expands to 37 people (3 levels, J3 Cell nested)" 37 "$v"
has "nested 2 deep: J3 Cell member in All Defence Staff" \
    "rfc822:idris.carrow@mod.westland.example <cn=Idris Carrow,$JP>" "$v"
has "role member with its address" \
    "rfc822:ops.jfhq@mod.westland.example <cn=Operations Officer,o=Joint Force Headquarters,o=Defence,c=XW>" "$v"
hasnt "nested lists themselves are not recipients" "jfhq-all@" "$v"

v=$(expand "cn=Operation AMBER SENTINEL,$JL")
has "list of another unit (Signals Brigade Watchkeepers) expanded" \
    "rfc822:pryderi.underhill@mod.westland.example <cn=Pryderi Underhill,ou=People,o=1st Signal Brigade,o=Defence,c=XW>" "$v"
has "external member (mmhsExternalMember)" "rfc822:j3.liaison@jfc.nato.example" "$v"
has "X.400 member (mhs-dl-members)" "x400:/C=XX/ADMD= /PRMD=NATO/O=JFC/OU1=J3/CN=CURRENT OPS/" "$v"
count "AMBER SENTINEL has 12 recipients" 12 "$v"

v=$(expand "cn=Test No Further,$L")
has "further-dl-expansion-allowed=FALSE: nested list is one recipient" \
    "list rfc822:jfhq-j3@lists.mod.westland.example <cn=JFHQ J3 Cell,$JL>" "$v"
hasnt "further-dl-expansion-allowed=FALSE: nested members not expanded" \
    "idris.carrow" "$v"
count "Test No Further has 2 recipients" 2 "$v"

v=$(expand "cn=Test Dedup,$L")
n=$(grep -c "idris.carrow@" <<<"$v")
if [ "$n" = 1 ]; then ok "person in two nested lists and direct: once"; else
	not_ok "person in two nested lists and direct: once (got $n: $v)"; fi
n=$(grep -ci "liaison@partner.example" <<<"$v")
if [ "$n" = 1 ]; then ok "external address in two lists (case differs): once"
else not_ok "external address in two lists: once (got $n: $v)"; fi
n=$(grep -c "CN=CURRENT OPS" <<<"$v")
if [ "$n" = 1 ]; then ok "X.400 member in two lists: once"; else
	not_ok "X.400 member in two lists: once (got $n: $v)"; fi
has "directory-name-only mhs-dl-members value resolved to the entry" \
    "rfc822:anwen.lacey@mod.westland.example <cn=Anwen Lacey,$TP>" "$v"
count "Test Dedup has 16 recipients (13 JFHQ + external + X.400 + Anwen)" \
    16 "$v"

v=$(ldap_admin ldapsearch -LLL -o ldif-wrap=no -b "cn=Test Dedup,$L" -s base '+')
hasnt "not returned for \"+\" (only when asked for by name)" \
    "mmhsExpandedRecipient" "$v"
v=$(ldap_admin ldapsearch -LLL -o ldif-wrap=no -b "cn=Idris Carrow,$JP" \
    -s base mmhsExpandedRecipient)
hasnt "not computed for an entry that is not a list" "mmhsExpandedRecipient" "$v"
v=$(ldapsearch -x -H "$MMHS_LDAP_URI" -LLL -b "cn=Test Dedup,$L" -s base \
    mmhsExpandedRecipient 2>&1)
hasnt "anonymous reader gets no expansion (ACL)" "rfc822:" "$v"

# --------------------------------------------------------- cn=config

v=$(expand "cn=Test Remote Parent,$L")
has "without olcMhsdlSite every list is expanded here" \
    "rfc822:ceinwen.nuttall@mod.westland.example <cn=Ceinwen Nuttall,$TP>" "$v"
cfg=$(ldapsearch -x -H "$MMHS_LDAP_URI" -D cn=config -w "$MMHS_CONFIG_PW" \
    -LLL -b cn=config "(objectClass=olcMhsdlConfig)" dn | sed -n 's/^dn: //p')
check "olcMhsdlSite set through cn=config" \
    ldapmodify -x -H "$MMHS_LDAP_URI" -D cn=config -w "$MMHS_CONFIG_PW" <<EOF
dn: $cfg
changetype: modify
replace: olcMhsdlSite
olcMhsdlSite: cn=mod-main,ou=MMHS,c=XW
-
replace: olcMhsdlMaxDepth
olcMhsdlMaxDepth: 16
EOF
v=$(ldapsearch -x -H "$MMHS_LDAP_URI" -D cn=config -w "$MMHS_CONFIG_PW" \
    -LLL -o ldif-wrap=no -b "$cfg" -s base olcMhsdlSite olcMhsdlMaxDepth)
has "olcMhsdlSite reads back" "olcMhsdlSite: cn=mod-main,ou=MMHS,c=XW" "$v"
has "olcMhsdlMaxDepth reads back" "olcMhsdlMaxDepth: 16" "$v"
expect_rc "olcMhsdlMaxDepth 0 refused (slapd config: 80)" 80 "<olcMhsdlMaxDepth> must be between 1 and 1000" \
    ldapmodify -x -H "$MMHS_LDAP_URI" -D cn=config -w "$MMHS_CONFIG_PW" \
    <<<"dn: $cfg
changetype: modify
replace: olcMhsdlMaxDepth
olcMhsdlMaxDepth: 0"
v=$(expand "cn=Test Remote Parent,$L")
has "list of another site: one remote recipient" \
    "remote rfc822:test-remote@lists.dlo.westland.example <cn=Test Remote,$L>" "$v"
hasnt "list of another site: members not expanded here" "ceinwen" "$v"
count "Test Remote Parent has 2 recipients" 2 "$v"
check "olcMhsdlMaxRecipients set to 5" \
    ldapmodify -x -H "$MMHS_LDAP_URI" -D cn=config -w "$MMHS_CONFIG_PW" \
    <<<"dn: $cfg
changetype: modify
replace: olcMhsdlMaxRecipients
olcMhsdlMaxRecipients: 5"
count "olcMhsdlMaxRecipients bounds the expansion" 5 \
    "$(expand "cn=All Defence Staff,$L")"
check "olcMhsdlMaxRecipients deleted (default again)" \
    ldapmodify -x -H "$MMHS_LDAP_URI" -D cn=config -w "$MMHS_CONFIG_PW" \
    <<<"dn: $cfg
changetype: modify
delete: olcMhsdlMaxRecipients"
count "default bound restored" 37 "$(expand "cn=All Defence Staff,$L")"

# ---------------------------------------------------- submit permission

# submit WHAT RESULT TEXT ORIGINATOR LIST
submit() {
	expect_rc "$1" 0 "$2" ldap_admin ldapexop "$OID:$4\$$5"
	expect_rc "$1 (reason)" 0 "$3" ldap_admin ldapexop "$OID:$4\$$5"
}

submit "individual, originator by O/R address: TRUE" "$TRUE" \
    'granted by "individual # /C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=JFHQ/CN=COMMANDER/"' \
    "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=JFHQ/CN=COMMANDER/" \
    "cn=All Commanders,$L"
submit "individual, originator by DN (address from its entry): TRUE" "$TRUE" \
    'granted by "individual # /C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=JFHQ/CN=COMMANDER/"' \
    "cn=Commander,o=Joint Force Headquarters,o=Defence,c=XW" \
    "cn=All Commanders,$L"
submit "member-of-dl, directly: TRUE" "$TRUE" \
    'granted by "member-of-dl # <cn=All Commanders,ou=Lists,o=Defence,c=XW>"' \
    "cn=Commander,o=Navy Command,o=Defence,c=XW" "cn=All Commanders,$L"
submit "member-of-dl, transitively (J3 Cell in JFHQ All Staff): TRUE" "$TRUE" \
    'granted by "member-of-dl # /C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=DL/CN=JFHQ ALL STAFF/"' \
    "cn=Idris Carrow,$JP" "cn=JFHQ All Staff,$JL"
submit "pattern-match, originator by RFC 5322 address: TRUE" "$TRUE" \
    'granted by "pattern-match # /C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=JFHQ/"' \
    "idris.carrow@mod.westland.example" "cn=JFHQ J3 Cell,$JL"
submit "member-of-group: TRUE" "$TRUE" \
    'granted by "member-of-group # cn=Message Release Officers,ou=Groups,o=Defence,c=XW"' \
    "cn=Rhodri Ashdown,$JP" "cn=All Defence Staff,$L"
submit "any, unknown external originator: TRUE" "$TRUE" 'granted by "any"' \
    "someone@elsewhere.example" "cn=Test Cell,ou=Lists,o=MMHS Test Cell,o=Defence,c=XW"
submit "refused originator (not in the group): FALSE" "$FALSE" \
    "originator \"cn=Nia Denholm,$JP\" may not submit: no mhs-dl-submit-permissions value matches the originator (1 checked)" \
    "cn=Nia Denholm,$JP" "cn=All Defence Staff,$L"
submit "refused originator (pattern of another command): FALSE" "$FALSE" \
    "may not submit" "cn=Emrys Norbury,ou=People,o=Army Command,o=Defence,c=XW" \
    "cn=JFHQ J3 Cell,$JL"
submit "refused originator (not in the nested lists): FALSE" "$FALSE" \
    "may not submit" "cn=Anwen Lacey,$TP" "cn=JFHQ All Staff,$JL"

# exop_error WHAT CODE TEXT ORIGINATOR$LIST - ldapexop exits 1 on an
# error result; check the result line and the diagnostic text
exop_error() {
	expect_rc "$1" 1 "$2" ldap_admin ldapexop "$OID:$4"
	expect_rc "$1 (text)" 1 "additional info: $3" ldap_admin ldapexop "$OID:$4"
}

exop_error "request without '\$' refused" "Protocol error (2)" \
    "mhsdl: submit permission request value must be ORIGINATOR\$LISTDN" \
    "cn=x,c=XW"
exop_error "request for a list that does not exist" "No such object (32)" \
    "mhsdl: cn=No Such List,$L: no such entry" \
    "cn=Idris Carrow,$JP\$cn=No Such List,$L"
exop_error "request for an entry that is not a list" \
    "Server is unwilling to perform (53)" \
    "mhsdl: cn=Idris Carrow,$JP: not a distribution list (mhs-distribution-list)" \
    "cn=Rhodri Ashdown,$JP\$cn=Idris Carrow,$JP"
exop_error "malformed originator O/R name refused" "Protocol error (2)" \
    "mhsdl: originator \"/C=XW/\": ADMD is required (write \"ADMD= \" for a blank ADMD)" \
    "/C=XW/\$cn=Test Cell,ou=Lists,o=MMHS Test Cell,o=Defence,c=XW"
expect_rc "anonymous requester refused (no read access)" 1 \
    "additional info: mhsdl: cn=All Defence Staff,$L: no read access to mhs-dl-submit-permissions" \
    ldapexop -x -H "$MMHS_LDAP_URI" "$OID:cn=Rhodri Ashdown,$JP\$cn=All Defence Staff,$L"

# ------------------------------------------- expansion cache and writes
# The expansion cache (mhsdl-cache-entries) must follow every write at
# once: Test Cycle A -> B -> C -> Anwen Lacey, expanded (and so cached)
# before each change.

A="cn=Test Cycle A,$L"
C="cn=Test Cycle C,$L"
LATE="cn=Test Late,$TP"
LATER="cn=Test Later,$TP"
v=$(expand "$A")
count "cache: Test Cycle A expands to 1 recipient (3 lists deep)" 1 "$v"
check "cache: member added to the innermost list" modify "dn: $C
changetype: modify
add: mmhsMember
mmhsMember: cn=Berwyn Moorcroft,$TP"
v=$(expand "$A")
has "cache: added member appears at once" \
    "rfc822:berwyn.moorcroft@mod.westland.example <cn=Berwyn Moorcroft,$TP>" "$v"
count "cache: Test Cycle A has 2 recipients" 2 "$v"
check "cache: member's mail changed" modify "dn: cn=Berwyn Moorcroft,$TP
changetype: modify
replace: mail
mail: b.moorcroft@mod.westland.example"
has "cache: changed address appears at once" \
    "rfc822:b.moorcroft@mod.westland.example <cn=Berwyn Moorcroft,$TP>" \
    "$(expand "$A")"
check "cache: member's mail restored" modify "dn: cn=Berwyn Moorcroft,$TP
changetype: modify
replace: mail
mail: berwyn.moorcroft@mod.westland.example"
check "cache: member removed" modify "dn: $C
changetype: modify
delete: mmhsMember
mmhsMember: cn=Berwyn Moorcroft,$TP"
v=$(expand "$A")
hasnt "cache: removed member gone at once" "berwyn" "$v"
count "cache: Test Cycle A has 1 recipient again" 1 "$v"

check "cache: member without an entry (relax)" \
    ldap_admin ldapmodify -e relax <<<"dn: $C
changetype: modify
add: mmhsMember
mmhsMember: $LATE"
has "cache: member without an entry shown as none" "none:<$LATE>" \
    "$(expand "$A")"
check "cache: the member's entry added" ldap_admin ldapadd <<<"dn: $LATE
objectClass: aCPOrganizationalPerson
objectClass: mmhsMailbox
cn: Test Late
sn: Late
mail: test.late@mod.westland.example
mhs-or-addresses: /C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=TESTCELL/S=LATE/"
has "cache: added entry resolves the member at once" \
    "rfc822:test.late@mod.westland.example <$LATE>" "$(expand "$A")"
check "cache: the member renamed (relax)" \
    ldap_admin ldapmodrdn -e relax -r "$LATE" "cn=Test Later"
v=$(expand "$A")
has "cache: renamed member's old name shown as none" "none:<$LATE>" "$v"
hasnt "cache: renamed member's address gone" "test.late@" "$v"
check "cache: the list follows the rename" \
    ldap_admin ldapmodify -e relax <<<"dn: $C
changetype: modify
delete: mmhsMember
mmhsMember: $LATE
-
add: mmhsMember
mmhsMember: $LATER"
has "cache: member under its new name" \
    "rfc822:test.late@mod.westland.example <$LATER>" "$(expand "$A")"
check "cache: the middle list renamed (relax)" \
    ldap_admin ldapmodrdn -e relax -r "cn=Test Cycle B,$L" "cn=Test Cycle B2"
v=$(expand "$A")
has "cache: renamed nested list shown as none" "none:<cn=Test Cycle B,$L>" "$v"
hasnt "cache: members of the renamed list gone" "test.late@" "$v"
check "cache: the middle list renamed back (relax)" \
    ldap_admin ldapmodrdn -e relax -r "cn=Test Cycle B2,$L" "cn=Test Cycle B"
has "cache: nested list expanded again" \
    "rfc822:test.late@mod.westland.example <$LATER>" "$(expand "$A")"
check "cache: member entry deleted (relax)" \
    ldap_admin ldapdelete -e relax "$LATER"
has "cache: deleted member shown as none at once" "none:<$LATER>" \
    "$(expand "$A")"
check "cache: dangling member removed" \
    ldap_admin ldapmodify -e relax <<<"dn: $C
changetype: modify
delete: mmhsMember
mmhsMember: $LATER"
count "cache: Test Cycle A back to 1 recipient" 1 "$(expand "$A")"

# the same expansions without the cache, and its configuration
check "olcMhsdlCacheEntries 0 (no cache) through cn=config" \
    ldapmodify -x -H "$MMHS_LDAP_URI" -D cn=config -w "$MMHS_CONFIG_PW" \
    <<<"dn: $cfg
changetype: modify
replace: olcMhsdlCacheEntries
olcMhsdlCacheEntries: 0"
has "olcMhsdlCacheEntries reads back" "olcMhsdlCacheEntries: 0" \
    "$(ldapsearch -x -H "$MMHS_LDAP_URI" -D cn=config -w "$MMHS_CONFIG_PW" \
    -LLL -b "$cfg" -s base olcMhsdlCacheEntries)"
count "without the cache: All Defence Staff still 37 recipients" 37 \
    "$(expand "cn=All Defence Staff,$L")"
has "without the cache: Test Cycle A still expands" \
    "rfc822:anwen.lacey@mod.westland.example <cn=Anwen Lacey,$TP>" \
    "$(expand "$A")"
expect_rc "olcMhsdlCacheEntries -1 refused (slapd config: 80)" 80 \
    "<olcMhsdlCacheEntries> must be 0 (no cache) or positive" \
    ldapmodify -x -H "$MMHS_LDAP_URI" -D cn=config -w "$MMHS_CONFIG_PW" \
    <<<"dn: $cfg
changetype: modify
replace: olcMhsdlCacheEntries
olcMhsdlCacheEntries: -1"
check "olcMhsdlCacheEntries 3: smaller than one expansion" \
    ldapmodify -x -H "$MMHS_LDAP_URI" -D cn=config -w "$MMHS_CONFIG_PW" \
    <<<"dn: $cfg
changetype: modify
replace: olcMhsdlCacheEntries
olcMhsdlCacheEntries: 3"
count "a cache too small for the list: still 37 recipients" 37 \
    "$(expand "cn=All Defence Staff,$L")"
count "a cache too small for the list: again 37 recipients" 37 \
    "$(expand "cn=All Defence Staff,$L")"
check "olcMhsdlCacheEntries deleted (default again)" \
    ldapmodify -x -H "$MMHS_LDAP_URI" -D cn=config -w "$MMHS_CONFIG_PW" \
    <<<"dn: $cfg
changetype: modify
delete: olcMhsdlCacheEntries"
count "default cache: All Defence Staff 37 recipients" 37 \
    "$(expand "cn=All Defence Staff,$L")"

# ------------------------------------------------- expansion cache warm-up
# At database open a background task caches every list (and the members
# of the large ones); the first expansions after a restart must give
# exactly what they gave before, and slapd must answer at once.
before_all=$(expand "cn=All Defence Staff,$L" | sort)
before_a=$(expand "$A" | sort)

# restart_slapd - stop the site's slapd and start it again as it was
restart_slapd() {
	local pid i slapd
	pid=$(cat "$site/run/slapd.pid")
	read -r slapd i < "$site/run/slapd.args"
	kill -TERM "$pid"
	for i in $(seq 1 100); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	setsid "$slapd" -F "$site/slapd.d" -h "$MMHS_LDAP_URI $MMHS_LDAPI_URI" \
	    -d stats >> "$site/log/slapd.log" 2>&1 &
	for i in $(seq 1 200); do
		ldap_admin ldapwhoami > /dev/null 2>&1 && return 0
		sleep 0.05
	done
	return 1
}
check "slapd restarted (warm-up on)" restart_slapd
after_all=$(expand "cn=All Defence Staff,$L" | sort)
if [ -n "$before_all" ] && [ "$after_all" = "$before_all" ]; then
	ok "first expansion after restart: All Defence Staff unchanged"
else
	not_ok "first expansion after restart: All Defence Staff unchanged" \
	    "(before: $before_all; after: $after_all)"
fi
if [ -n "$before_a" ] && [ "$(expand "$A" | sort)" = "$before_a" ]; then
	ok "first expansion after restart: Test Cycle A unchanged"
else
	not_ok "first expansion after restart: Test Cycle A unchanged"
fi
for i in $(seq 1 50); do
	grep -q 'mhsdl: c=XW: expansion cache warm-up done' \
	    "$site/log/slapd.log" && break
	sleep 0.1
done
wl=$(grep 'mhsdl: c=XW: expansion cache warm-up done' "$site/log/slapd.log" |
    tail -1)
nl=$(ldap_admin ldapsearch -LLL -b c=XW \
    "(objectClass=mhs-distribution-list)" 1.1 | grep -c '^dn:')
if grep -q "done: $nl lists," <<<"$wl" && [ "$nl" -gt 0 ]; then
	ok "warm-up at start read every list ($nl)"
else
	not_ok "warm-up at start read every list ($nl): $wl"
fi
# a write right after the warm-up is seen by the next expansion
check "after the warm-up: member added to Test Cycle C" modify "dn: $C
changetype: modify
add: mmhsMember
mmhsMember: cn=Berwyn Moorcroft,$TP"
has "after the warm-up: added member appears at once" \
    "rfc822:berwyn.moorcroft@mod.westland.example <cn=Berwyn Moorcroft,$TP>" \
    "$(expand "$A")"
check "after the warm-up: member removed again" modify "dn: $C
changetype: modify
delete: mmhsMember
mmhsMember: cn=Berwyn Moorcroft,$TP"
if [ "$(expand "$A" | sort)" = "$before_a" ]; then
	ok "after the warm-up: removed member gone at once"
else
	not_ok "after the warm-up: removed member gone at once"
fi
check "olcMhsdlCacheWarmup FALSE through cn=config" \
    ldapmodify -x -H "$MMHS_LDAP_URI" -D cn=config -w "$MMHS_CONFIG_PW" \
    <<<"dn: $cfg
changetype: modify
replace: olcMhsdlCacheWarmup
olcMhsdlCacheWarmup: FALSE"
n0=$(grep -c 'expansion cache warm-up done' "$site/log/slapd.log")
check "slapd restarted (warm-up off)" restart_slapd
sleep 0.5
n1=$(grep -c 'expansion cache warm-up done' "$site/log/slapd.log")
if [ "$n1" = "$n0" ]; then ok "warm-up off: no warm-up at start"; else
	not_ok "warm-up off: no warm-up at start ($n0 -> $n1)"; fi
if [ "$(expand "cn=All Defence Staff,$L" | sort)" = "$before_all" ]; then
	ok "warm-up off: first expansion after restart unchanged"
else
	not_ok "warm-up off: first expansion after restart unchanged"
fi
check "olcMhsdlCacheWarmup deleted (default: on)" \
    ldapmodify -x -H "$MMHS_LDAP_URI" -D cn=config -w "$MMHS_CONFIG_PW" \
    <<<"dn: $cfg
changetype: modify
delete: olcMhsdlCacheWarmup"
for i in $(seq 1 50); do
	n2=$(grep -c 'expansion cache warm-up done' "$site/log/slapd.log")
	[ "$n2" = "$n1" ] || break
	sleep 0.1
done
if [ "$n2" -gt "$n1" ]; then ok "warm-up on again: it runs at once"; else
	not_ok "warm-up on again: it runs at once"; fi
count "warm-up on again: All Defence Staff 37 recipients" 37 \
    "$(expand "cn=All Defence Staff,$L")"
