#!/bin/bash
# t20-acp133.sh - the acp133 overlay refuses bad data, with a precise text
#
# Starts the sample site (every LDIF of ldif/ goes through the overlay),
# then tries each refusal rule (exact result code and diagnostic) and
# each acceptance rule (the valid write works): value syntaxes, security
# policy rules, references on add/modify, referential integrity on
# delete/modrdn, and the configuration through cn=config.
. "$srcdir/tests/e2e/common.sh"

site=$testdir/site
if ! site_start "$site"; then
	not_ok "sample site loads through the acp133 overlay"
	exit 1
fi
ok "sample site loads through the acp133 overlay"

POL=2.25.59028202126315117165413111612054445617.6.1
NATO=2.25.59028202126315117165413111612054445617.6.2
JFHQ="o=Joint Force Headquarters,o=Defence,c=XW"
PERSON="cn=Rhodri Ashdown,ou=People,$JFHQ"
POLICY="cn=Westland National Policy,ou=Security Policies,ou=MMHS,c=XW"
SITE="cn=mod-main,ou=MMHS,c=XW"
n=0

# mod - ldapmodify the entry DN: replace ATTR with VALUE (rest of args)
mod() {
	local dn=$1 attr=$2
	shift 2
	{
		printf 'dn: %s\nchangetype: modify\nreplace: %s\n' "$dn" "$attr"
		local v
		for v in "$@"; do
			printf '%s: %s\n' "$attr" "$v"
		done
	} | ldap_admin ldapmodify
}

# add_person - add a new person with extra "attr: value" lines on stdin
add_person() {
	n=$((n + 1))
	{
		printf 'dn: cn=T%d,ou=People,%s\nobjectClass: aCPOrganizationalPerson\n' "$n" "$JFHQ"
		printf 'objectClass: mmhsMailbox\ncn: T%d\nsn: T\n' "$n"
		cat
	} | ldap_admin ldapadd
}

# --- O/R addresses ---------------------------------------------------
expect_rc "O/R address without ADMD refused" 21 \
    "acp133: $PERSON: mhs-or-addresses value \"/C=XW/PRMD=MOD/S=X/\":" \
    mod "$PERSON" mhs-or-addresses "/C=XW/PRMD=MOD/S=X/"
expect_rc "O/R address not canonical refused" 21 \
    'not in canonical form, write "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/S=X/"' \
    mod "$PERSON" mhs-or-addresses "/S=X/O=DEFENCE/PRMD=MOD/ADMD= /C=XW/"
expect_rc "canonical O/R address accepted" 0 "" \
    mod "$PERSON" mhs-or-addresses "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=JFHQ/S=ASHDOWN/G=RHODRI/"
expect_rc "O/R address checked on add too" 21 "mhs-or-addresses value \"/C=XW/ADMD= /O=A@B/\"" \
    add_person <<<'mhs-or-addresses: /C=XW/ADMD= /O=A@B/'

# --- O/R names, submit permissions, DL policy (lib/mmhs_dl) ------------
LIST="cn=JFHQ J3 Cell,ou=Lists,$JFHQ"
expect_rc "O/R name with unterminated DN refused" 21 \
    "acp133: $LIST: mhs-dl-members value \"<cn=x,c=XW\"" \
    ldap_admin ldapmodify <<EOF
dn: $LIST
changetype: modify
add: mhs-dl-members
mhs-dl-members: <cn=x,c=XW
EOF
expect_rc "DL submit permission with unknown kind refused" 21 \
    "mhs-dl-submit-permissions value \"everyone\"" \
    mod "$LIST" mhs-dl-submit-permissions "everyone"
expect_rc "DL submit permission accepted" 0 "" \
    mod "$LIST" mhs-dl-submit-permissions "pattern-match # /C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=JFHQ/"
expect_rc "DL policy with unknown field refused" 21 \
    "mhs-dl-policy value \"colour=red\"" \
    mod "$LIST" mhs-dl-policy "colour=red"
expect_rc "DL policy accepted" 0 "" \
    mod "$LIST" mhs-dl-policy "report-propagation=dl-owner"

# --- PLA, routing indicator, rIInfo, classification integers -----------
expect_rc "lower-case PLA refused" 21 \
    "acp133: $JFHQ: plaNameACP127 value \"Joint Force HQ\": character 'o' is not allowed" \
    mod "$JFHQ" plaNameACP127 "Joint Force HQ"
expect_rc "PLA over 55 characters refused" 21 "1 to 55 characters" \
    mod "$JFHQ" plaNameACP127 "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
expect_rc "PLA accepted" 0 "" mod "$JFHQ" plaNameACP127 "JOINT FORCE HQ WESTLAND"
expect_rc "routing indicator of 3 letters refused" 21 \
    "rI value \"RXW\": a routing indicator has 4 to 7 letters" mod "$JFHQ" rI RXW
expect_rc "routing indicator not starting with R or Q refused" 21 \
    "starts with R or Q" mod "$JFHQ" rI AXWJFHA
expect_rc "routing indicator with a digit refused" 21 \
    "only upper-case letters" mod "$JFHQ" rI RXW1
expect_rc "routing indicator accepted" 0 "" mod "$JFHQ" rI RXWJFHA
RI="cn=RXWJFHA,ou=Routing Indicators,o=Defence,c=XW"
expect_rc "rIInfo with bad type refused" 21 "rIType \"fast\"" \
    mod "$RI" rIInfo 'RXWJFHA$fast'
expect_rc "rIInfo accepted" 0 "" mod "$RI" rIInfo 'RXWJFHA$normal$FALSE$$4'
expect_rc "entryClassification 7 refused" 19 \
    "entryClassification value \"7\": a classification is 0 (unmarked) to 5" \
    mod "$RI" entryClassification 7
expect_rc "entryClassification 3 accepted" 0 "" mod "$RI" entryClassification 3

# --- precedence, deadlines, routes, listen, time windows ---------------
ROUTE="cn=resolute-urgent,ou=Routes,$SITE"
expect_rc "route precedence refused" 21 \
    "mmhsRoutePrecedence value \"urgent\": not a precedence" \
    mod "$ROUTE" mmhsRoutePrecedence urgent
expect_rc "route precedence accepted" 0 "" mod "$ROUTE" mmhsRoutePrecedence flash immediate
FF="cn=short-test,ou=Policies,$SITE"
expect_rc "deadline without seconds refused" 21 \
    "mmhsDeadline value \"flash\$0\": \"0\" is not a number of seconds" \
    mod "$FF" mmhsDeadline 'flash$0'
expect_rc "deadline with bad precedence refused" 21 '"asap" is not a precedence' \
    mod "$FF" mmhsDeadline 'asap$5'
expect_rc "two deadlines for one precedence refused" 19 \
    "this precedence already has a deadline" \
    mod "$FF" mmhsDeadline 'flash$5' 'FLASH$10'
expect_rc "deadlines accepted" 0 "" \
    mod "$FF" mmhsDeadline 'flash$5' 'immediate$10' 'priority$20' 'routine$30'
AGENT="cn=store,$SITE"
expect_rc "listen without URI refused" 21 "mmhsListen value \"lmtp\": expected \"name URI\"" \
    mod "$AGENT" mmhsListen lmtp
expect_rc "listen with bad port refused" 21 "the port is not a number from 0 to 65535" \
    mod "$AGENT" mmhsListen "lmtp lmtp://127.0.0.1:99999"
expect_rc "listen accepted" 0 "" mod "$AGENT" mmhsListen "lmtp lmtp://127.0.0.1:0" "imap imap://127.0.0.1:0"
RULE=$(ldap_admin ldapsearch -LLL -b "$JFHQ" '(mmhsMatchTime=*)' 1.1 | sed -n 's/^dn: //p' | head -n 1)
expect_rc "time window 25:00 refused" 21 "mmhsMatchTime value \"25:00-06:00\": expected HH:MM-HH:MM" \
    mod "$RULE" mmhsMatchTime "25:00-06:00"
expect_rc "empty time window refused" 21 "the window is empty" \
    mod "$RULE" mmhsMatchTime "06:00-06:00"
expect_rc "time window accepted" 0 "" mod "$RULE" mmhsMatchTime "18:00-06:00"
expect_rc "match precedence refused" 21 "mmhsMatchPrecedence value \"high\"" \
    mod "$RULE" mmhsMatchPrecedence high

# --- security policy ----------------------------------------------------
expect_rc "clearance with unknown category refused" 19 \
    "acp133: $PERSON: mmhsClearance value \"$POL\$TOP SECRET\$NOFORN\": category \"NOFORN\" is not defined by policy $POL" \
    mod "$PERSON" mmhsClearance "$POL\$TOP SECRET\$NOFORN"
expect_rc "clearance with unknown classification refused" 19 \
    'classification "ULTRA" is not defined' mod "$PERSON" mmhsClearance "$POL\$ULTRA"
expect_rc "clearance naming an unknown policy refused" 19 \
    "no security policy entry has mmhsPolicyId 1.2.3" mod "$PERSON" mmhsClearance '1.2.3$SECRET'
expect_rc "malformed clearance refused" 21 "expected policy OID\$CLASSIFICATION" \
    mod "$PERSON" mmhsClearance "$POL"
expect_rc "clearance accepted" 0 "" \
    mod "$PERSON" mmhsClearance "$POL\$TOP SECRET\$WESTLAND EYES ONLY\$REL NATO"
expect_rc "domain ceiling in the NATO policy accepted" 0 "" \
    mod "cn=gw-nato,$SITE" mmhsDomainCeiling "$NATO\$NATO SECRET"
expect_rc "domain ceiling with a national name in the NATO policy refused" 19 \
    "classification \"SECRET\" is not defined by policy $NATO" \
    mod "cn=gw-nato,$SITE" mmhsDomainCeiling "$NATO\$SECRET"
expect_rc "filing rule with unknown classification refused" 19 \
    "mmhsFilingRule value \"classification\$COSMIC\$X\": no classification \"COSMIC\"" \
    mod "$PERSON" mmhsFilingRule 'classification$COSMIC$X'
expect_rc "filing rule with unknown criterion refused" 21 'criterion "size" is not' \
    mod "$PERSON" mmhsFilingRule 'size$10$Big'
expect_rc "filing rules accepted" 0 "" \
    mod "$PERSON" mmhsFilingRule 'precedence$flash$Flash' 'classification$TOP SECRET$Top Secret'
expect_rc "match classification refused" 19 "mmhsMatchClassification value \"PUBLIC\": no such classification" \
    mod "$RULE" mmhsMatchClassification PUBLIC
expect_rc "guard required category refused" 19 "no such category" \
    mod "cn=guard-nato,ou=Policies,$SITE" mmhsGuardRequiredCategory "REL MARS"
expect_rc "guard required category accepted" 0 "" \
    mod "cn=guard-nato,ou=Policies,$SITE" mmhsGuardRequiredCategory "REL NATO"
expect_rc "policy: two classifications at one level refused" 19 \
    "acp133: $POLICY: mmhsClassificationDef value \"4\$SECRET TOO\": level 4 is already the level of SECRET" \
    ldap_admin ldapmodify <<EOF
dn: $POLICY
changetype: modify
add: mmhsClassificationDef
mmhsClassificationDef: 4\$SECRET TOO
EOF
expect_rc "policy: duplicate category OID refused" 19 "is already the OID of CRYPTO" \
    ldap_admin ldapmodify <<EOF
dn: $POLICY
changetype: modify
add: mmhsCategoryDef
mmhsCategoryDef: NEW\$restrictive\$$POL.4
EOF
expect_rc "policy: bad category kind refused" 21 "is not restrictive, permissive or informative" \
    ldap_admin ldapmodify <<EOF
dn: $POLICY
changetype: modify
add: mmhsCategoryDef
mmhsCategoryDef: NEW\$secret\$$POL.9
EOF
expect_rc "policy: removing a classification an equivalence uses refused" 19 \
    "mmhsLabelEquivalence value \"SECRET\$$NATO\$4\": classification SECRET is not defined by this policy" \
    ldap_admin ldapmodify <<EOF
dn: $POLICY
changetype: modify
delete: mmhsClassificationDef
mmhsClassificationDef: 4\$SECRET\$WESTLAND SECRET
EOF
expect_rc "policy: a second policy with the same OID refused" 19 \
    "mmhsPolicyId $POL is already the OID of another security policy entry" \
    ldap_admin ldapadd <<EOF
dn: cn=Copy,ou=Security Policies,ou=MMHS,c=XW
objectClass: mmhsSecurityPolicy
cn: Copy
mmhsPolicyId: $POL
EOF
expect_rc "policy: new category accepted" 0 "" \
    ldap_admin ldapmodify <<EOF
dn: $POLICY
changetype: modify
add: mmhsCategoryDef
mmhsCategoryDef: NEW\$restrictive\$$POL.9
EOF

# --- references on add and modify ---------------------------------------
expect_rc "reference to a missing entry refused" 19 \
    "acp133: $PERSON: mmhsGuaranteedActionPoint value \"cn=Nobody,$JFHQ\": no such entry" \
    mod "$PERSON" mmhsGuaranteedActionPoint "cn=Nobody,$JFHQ"
expect_rc "reference outside the directory refused" 19 "outside its suffix" \
    mod "$PERSON" mmhsSite "cn=x,o=elsewhere"
expect_rc "mmhsSite naming a non-site refused" 19 \
    "mmhsSite value \"cn=store,$SITE\": the entry named is not an mmhsSite" \
    mod "$PERSON" mmhsSite "cn=store,$SITE"
expect_rc "roleOccupant to a missing person refused on add" 19 \
    "roleOccupant value \"cn=Ghost,ou=People,$JFHQ\": no such entry" \
    ldap_admin ldapadd <<EOF
dn: cn=Ghost Role,$JFHQ
objectClass: aCPOrganizationalRole
cn: Ghost Role
roleOccupant: cn=Ghost,ou=People,$JFHQ
EOF
expect_rc "role with existing occupant accepted" 0 "" \
    ldap_admin ldapadd <<EOF
dn: cn=Test Role,$JFHQ
objectClass: aCPOrganizationalRole
objectClass: mmhsMailbox
cn: Test Role
roleOccupant: $PERSON
mmhsGuaranteedActionPoint: cn=Duty Officer,$JFHQ
EOF

# --- referential integrity: delete and rename ----------------------------
expect_rc "delete of a referenced entry refused, naming the user" 19 \
    "acp133: $PERSON: cannot delete: still named by" \
    ldap_admin ldapdelete "$PERSON"
expect_rc "... and the referencing entry and attribute" 19 \
    "cn=Test Role,$JFHQ (roleOccupant)" ldap_admin ldapdelete "$PERSON"
expect_rc "rename of a referenced entry refused" 19 \
    "acp133: cn=Duty Officer,$JFHQ: cannot rename: still named by $JFHQ (mmhsGuaranteedActionPoint)" \
    ldap_admin ldapmodrdn "cn=Duty Officer,$JFHQ" "cn=Watch Officer"
expect_rc "rename of an entry whose child is referenced refused" 19 \
    "acp133: ou=People,$JFHQ: cannot rename: cn=" \
    ldap_admin ldapmodrdn "ou=People,$JFHQ" "ou=Staff"
expect_rc "... naming the child and who names it" 19 \
    ",ou=people,o=joint force headquarters,o=defence,c=xw below it is still named by cn=" \
    ldap_admin ldapmodrdn "ou=People,$JFHQ" "ou=Staff"
expect_rc "unreferenced entry can be renamed" 0 "" \
    ldap_admin ldapmodrdn -r "cn=Test Role,$JFHQ" "cn=Test Role 2"
expect_rc "unreferenced entry can be deleted" 0 "" \
    ldap_admin ldapdelete "cn=Test Role 2,$JFHQ"
n=99
expect_rc "a person for the delete test" 0 "" add_person <<<'mail: t@x.example'
n=100
expect_rc "a role naming it" 0 "" ldap_admin ldapadd <<EOF
dn: cn=Del Role,$JFHQ
objectClass: aCPOrganizationalRole
cn: Del Role
roleOccupant: cn=T$n,ou=People,$JFHQ
EOF
expect_rc "delete of the named person refused" 19 "cn=Del Role,$JFHQ (roleOccupant)" \
    ldap_admin ldapdelete "cn=T$n,ou=People,$JFHQ"
expect_rc "the reference removed" 0 "" ldap_admin ldapdelete "cn=Del Role,$JFHQ"
expect_rc "delete works once the reference is gone" 0 "" \
    ldap_admin ldapdelete "cn=T$n,ou=People,$JFHQ"

# --- configuration through cn=config ------------------------------------
CFG="olcOverlay={1}acp133,olcDatabase={1}mdb,cn=config"
cfg() {
	ldapmodify -x -H "$MMHS_LDAP_URI" -D cn=config -w "$MMHS_CONFIG_PW"
}
expect_rc "cn=config: references off" 0 "" cfg <<EOF
dn: $CFG
changetype: modify
replace: olcAcp133CheckReferences
olcAcp133CheckReferences: FALSE
EOF
expect_rc "with references off a dangling reference is accepted" 0 "" \
    mod "$PERSON" mmhsGuaranteedActionPoint "cn=Later,$JFHQ"
expect_rc "with references off values are still checked" 21 "mhs-or-addresses" \
    mod "$PERSON" mhs-or-addresses "/C=XW/"
expect_rc "cn=config: references on, default policy NATO" 0 "" cfg <<EOF
dn: $CFG
changetype: modify
replace: olcAcp133CheckReferences
olcAcp133CheckReferences: TRUE
-
replace: olcAcp133DefaultPolicy
olcAcp133DefaultPolicy: cn=NATO Policy,ou=Security Policies,ou=MMHS,c=XW
EOF
expect_rc "configuration reads back" 0 "olcAcp133DefaultPolicy: cn=NATO Policy" \
    ldapsearch -LLL -o ldif-wrap=no -x -H "$MMHS_LDAP_URI" -D cn=config -w "$MMHS_CONFIG_PW" -b "$CFG"
expect_rc "default policy: a national name is now refused" 19 \
    "no such classification in cn=NATO Policy,ou=Security Policies,ou=MMHS,c=XW" \
    mod "$RULE" mmhsMatchClassification "TOP SECRET"
expect_rc "default policy: a NATO name is accepted" 0 "" \
    mod "$RULE" mmhsMatchClassification "NATO SECRET"
expect_rc "references are checked again" 19 "no such entry" \
    mod "$PERSON" mmhsGuaranteedActionPoint "cn=Later,$JFHQ"
expect_rc "relax control skips the checks" 0 "" \
    ldap_admin ldapmodify -e relax <<EOF
dn: $PERSON
changetype: modify
replace: mhs-or-addresses
mhs-or-addresses: /C=XW/
EOF
