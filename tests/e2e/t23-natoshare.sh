#!/bin/bash
# t23-natoshare - NATO-shared subsets: the natoshare overlay's partner
# view, partner write refusal, syncrepl replication of the subset to a
# second slapd acting as the partner's directory (add, modify, delete,
# stop-sharing), mmhs-share export and import, the read-only shadow
# subtree and release-policy validation.
. "$srcdir/tests/e2e/common.sh"

data=$srcdir/tests/e2e/data/natoshare
share=$srcdir/agents/mmhs-share/mmhs-share
nato=cn=NATO,ou=Partners,ou=MMHS,c=XW
nato_pw=NATO-Demo-1
importer=cn=share-import,ou=Partners,ou=MMHS,c=XW
importer_pw=Import-Demo-1
sample=${NATOSHARE_SAMPLE:-$srcdir/ldif}

# as_partner - run an LDAP client bound as NATO on our site
as_partner() {
	local tool=$1
	shift
	"$tool" -x -H "$A_URI" -D "$nato" -w "$nato_pw" "$@"
}
# on_a / on_b - run an LDAP client as the administrator of a site
on_a() { local t=$1; shift; "$t" -x -H "$A_URI" -D "$A_DN" -w "$A_PW" "$@"; }
on_b() { local t=$1; shift; "$t" -x -H "$B_URI" -D "$B_DN" -w "$B_PW" "$@"; }

# replica - the partner directory's content (user attributes), sorted
replica() { on_b ldapsearch -b c=XW -LLL -o ldif-wrap=no '*' | "$share" sort; }
# view - what NATO sees on our side, sorted
view() { as_partner ldapsearch -b c=XW -LLL -o ldif-wrap=no '*' | "$share" sort; }

# wait_for - poll (up to 10 s) until COMMAND succeeds
wait_for() {
	local i
	for i in $(seq 1 100); do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.1
	done
	return 1
}
b_has() { on_b ldapsearch -b "$1" -s base -LLL 1.1 | grep -q '^dn:'; }
b_lacks() { ! b_has "$1"; }
b_value() { on_b ldapsearch -b "$1" -s base -LLL -o ldif-wrap=no "$2" | grep -qxF "$2: $3"; }
same_as_view() { [ "$(replica)" = "$(view)" ]; }

# The partner's directory starts first: its own suffix entry must be older
# than our data, or syncprov refuses its cookie ("consumer state is newer
# than provider").
site_start "$testdir/partner" "$data/partner.ldif" || { not_ok "partner site starts"; exit 1; }
B_URI=$MMHS_LDAP_URI B_DN=$MMHS_ADMIN_DN B_PW=$MMHS_ADMIN_PW B_CFG=$MMHS_CONFIG_PW
site_start "$testdir/site" "$sample" || { not_ok "site starts"; exit 1; }
A_URI=$MMHS_LDAP_URI A_DN=$MMHS_ADMIN_DN A_PW=$MMHS_ADMIN_PW A_CFG=$MMHS_CONFIG_PW
ok "both sites start"

# --- configuration through cn=config
expect_rc "cn=config: shadow base and importer set live" 0 "" \
    ldapmodify -x -H "$A_URI" -D cn=config -w "$A_CFG" <<EOF
dn: olcOverlay={4}natoshare,olcDatabase={1}mdb,cn=config
changetype: modify
replace: olcNatoshareShadowBase
olcNatoshareShadowBase: ou=Shadow,c=XW
-
replace: olcNatoshareImporter
olcNatoshareImporter: $importer
EOF
expect_rc "cn=config: settings read back" 0 "olcNatoshareImporter: $importer" \
    ldapsearch -x -H "$A_URI" -D cn=config -w "$A_CFG" -LLL \
    -b "olcOverlay={4}natoshare,olcDatabase={1}mdb,cn=config" -s base \
    olcNatoshareShadowBase olcNatoshareImporter
expect_rc "ACL: the import identity may write the shadow subtree" 0 "" \
    ldapmodify -x -H "$A_URI" -D cn=config -w "$A_CFG" <<EOF
dn: olcDatabase={1}mdb,cn=config
changetype: modify
add: olcAccess
olcAccess: {1}to dn.base="c=XW" attrs=children by dn.exact="$importer" write by * break
olcAccess: {2}to dn.subtree="ou=Shadow,c=XW" by dn.exact="$importer" write by users read by * none
EOF
expect_rc "the import identity is added" 0 "" on_a ldapadd <<EOF
dn: $importer
objectClass: applicationProcess
objectClass: simpleSecurityObject
cn: share-import
userPassword: $importer_pw
description: loads partners' LDIF into ou=Shadow,c=XW (mmhs-share import)
EOF

# --- the partner's view
view > "$testdir/view.ldif"
if diff -u "$data/nato-view.ldif" "$testdir/view.ldif" > "$testdir/view.diff"; then
	ok "partner sees exactly the released subset and attributes"
else
	not_ok "partner view differs from nato-view.ldif: $(head -20 "$testdir/view.diff")"
fi
expect_rc "partner: unshared entry by base search is noSuchObject" 32 "" \
    as_partner ldapsearch -LLL -s base \
    -b "cn=Commander,o=Joint Force Headquarters,o=Defence,c=XW" 1.1
expect_rc "partner: unshared subtree is noSuchObject" 32 "" \
    as_partner ldapsearch -LLL -b "ou=Partners,ou=MMHS,c=XW" 1.1
expect_rc "partner: shared entry by base search, released attributes only" 0 \
    "mail: ops.jfhq@mod.westland.example" as_partner ldapsearch -LLL -s base \
    -b "cn=Operations Officer,o=Joint Force Headquarters,o=Defence,c=XW" '*'
out=$(as_partner ldapsearch -LLL -s base -o ldif-wrap=no \
    -b "cn=Operations Officer,o=Joint Force Headquarters,o=Defence,c=XW" '*' +)
if grep -qiE '^(roleOccupant|mmhsClearance|aCPPublishTo|creatorsName):' <<<"$out"; then
	not_ok "partner: unreleased attributes are hidden ($out)"
else
	ok "partner: unreleased and unlisted operational attributes are hidden"
fi
n=$(as_partner ldapsearch -LLL -b c=XW '(mmhsClearance=*)' 1.1 | grep -c '^dn:')
[ "$n" = 0 ] && ok "partner: no entry has an unreleased attribute" ||
    not_ok "partner: $n entries show mmhsClearance"

# --- partners never write
expect_rc "partner: modify of a shared entry refused" 50 \
    "natoshare: cn=Operations Officer,o=Joint Force Headquarters,o=Defence,c=XW: cn=nato,ou=partners,ou=mmhs,c=xw is a partner identity: partners read the subset released to them and may not write" \
    as_partner ldapmodify <<EOF
dn: cn=Operations Officer,o=Joint Force Headquarters,o=Defence,c=XW
changetype: modify
replace: description
description: hacked
EOF
expect_rc "partner: add refused" 50 "is a partner identity" as_partner ldapadd <<EOF
dn: cn=Spy,o=Defence,c=XW
objectClass: organizationalRole
cn: Spy
EOF
expect_rc "partner: delete refused" 50 "may not write" as_partner ldapdelete \
    "cn=NATO Gateway,ou=Gateways,o=Defence,c=XW"
expect_rc "partner: password change of its own entry refused" 1 "may not write" \
    as_partner ldappasswd -s New-Secret-1 "$nato"
expect_rc "partner: modrdn refused" 50 "may not write" as_partner ldapmodrdn \
    "cn=NATO Gateway,ou=Gateways,o=Defence,c=XW" "cn=Other Gateway"

# --- replication to the partner's directory (RFC 4533 refreshAndPersist)
expect_rc "partner directory: syncrepl consumer configured" 0 "" \
    ldapmodify -x -H "$B_URI" -D cn=config -w "$B_CFG" <<EOF
dn: olcDatabase={1}mdb,cn=config
changetype: modify
add: olcSyncrepl
olcSyncrepl: rid=023 provider=$A_URI bindmethod=simple binddn="$nato" credentials=$nato_pw searchbase="c=XW" type=refreshAndPersist retry="1 +" timeout=3
EOF
if wait_for same_as_view; then
	ok "replica holds exactly the partner's view after refresh"
else
	not_ok "replica differs from the partner view: $(diff <(view) <(replica) | head -20)"
fi
t0=$(date +%s%N)
on_a ldapadd > /dev/null <<EOF
dn: cn=Liaison Officer,o=Joint Force Headquarters,o=Defence,c=XW
objectClass: aCPOrganizationalRole
objectClass: mmhsMailbox
cn: Liaison Officer
mail: lo.jfhq@mod.westland.example
mmhsClearance: 2.25.59028202126315117165413111612054445617.6.1\$SECRET
publish: TRUE
aCPPublishTo: NATO
description: NATO liaison

dn: cn=Secret Cell,o=Joint Force Headquarters,o=Defence,c=XW
objectClass: aCPOrganizationalRole
cn: Secret Cell
mail: secret.jfhq@mod.westland.example
description: never shared
EOF
if wait_for b_has "cn=Liaison Officer,o=Joint Force Headquarters,o=Defence,c=XW"; then
	t1=$(date +%s%N)
	ok "replication: a shared add arrives ($(( (t1 - t0) / 1000000 )) ms)"
else
	not_ok "replication: a shared add arrives"
fi
out=$(on_b ldapsearch -LLL -s base -b "cn=Liaison Officer,o=Joint Force Headquarters,o=Defence,c=XW" '*')
grep -qi '^mmhsClearance:' <<<"$out" && not_ok "replication: unreleased attribute sent ($out)" ||
    ok "replication: the added entry carries released attributes only"
on_a ldapmodify > /dev/null <<EOF
dn: cn=Secret Cell,o=Joint Force Headquarters,o=Defence,c=XW
changetype: modify
replace: description
description: still never shared

dn: cn=NATO Gateway,ou=Gateways,o=Defence,c=XW
changetype: modify
replace: description
description: NATO gateway, description changed
EOF
if wait_for b_value "cn=NATO Gateway,ou=Gateways,o=Defence,c=XW" description \
    "NATO gateway, description changed"; then
	ok "replication: a modify of a shared entry arrives"
else
	not_ok "replication: a modify of a shared entry arrives"
fi
b_lacks "cn=Secret Cell,o=Joint Force Headquarters,o=Defence,c=XW" &&
    ok "replication: an unshared add and modify never arrive" ||
    not_ok "replication: an unshared entry reached the partner"
on_a ldapmodify > /dev/null <<EOF
dn: cn=Operations Officer,o=WNS Resolute,o=Defence,c=XW
changetype: modify
delete: aCPPublishTo
EOF
t0=$(date +%s%N)
if wait_for b_lacks "cn=Operations Officer,o=WNS Resolute,o=Defence,c=XW"; then
	t1=$(date +%s%N)
	ok "replication: an entry that stops being shared is deleted at the partner ($(( (t1 - t0) / 1000000 )) ms)"
else
	not_ok "replication: an entry that stops being shared is deleted at the partner"
fi
on_a ldapdelete "cn=Liaison Officer,o=Joint Force Headquarters,o=Defence,c=XW"
if wait_for b_lacks "cn=Liaison Officer,o=Joint Force Headquarters,o=Defence,c=XW"; then
	ok "replication: a delete of a shared entry arrives"
else
	not_ok "replication: a delete of a shared entry arrives"
fi
on_a ldapmodify > /dev/null <<EOF
dn: cn=Operations Officer,o=WNS Resolute,o=Defence,c=XW
changetype: modify
add: aCPPublishTo
aCPPublishTo: NATO
EOF
if wait_for b_has "cn=Operations Officer,o=WNS Resolute,o=Defence,c=XW" &&
    wait_for same_as_view; then
	ok "replication: an entry shared again comes back; replica equals the view"
else
	not_ok "replication: replica equals the view at the end: $(diff <(view) <(replica) | head -20)"
fi

# --- export
export MMHS_LDAP_URI=$A_URI MMHS_LDAP_BASE=c=XW MMHS_ADMIN_DN=$A_DN MMHS_ADMIN_PW=$A_PW
"$share" export "$nato" > "$testdir/export.ldif" 2> "$testdir/export.err"
rc=$?
if [ $rc = 0 ] && [ "$(cat "$testdir/export.ldif")" = "$(view)" ]; then
	ok "export equals the partner's view"
else
	not_ok "export equals the partner's view (rc $rc: $(cat "$testdir/export.err"))"
fi
MMHS_SHARE_PARTNER_PW=$nato_pw "$share" export "$nato" > "$testdir/export2.ldif"
cmp -s "$testdir/export.ldif" "$testdir/export2.ldif" &&
    ok "export bound as the partner is byte-identical" ||
    not_ok "export bound as the partner differs"
expect_rc "export for an identity that is no partner fails" 1 \
    "cn=Nobody,ou=Partners,ou=MMHS,c=XW is named by no release policy" \
    "$share" export "cn=Nobody,ou=Partners,ou=MMHS,c=XW"

# --- import into the shadow subtree
export MMHS_SHARE_IMPORTER_DN=$importer MMHS_SHARE_IMPORTER_PW=$importer_pw
count_shadow() {
	on_a ldapsearch -LLL -b ou=Shadow,c=XW 1.1 2>/dev/null | grep -c '^dn:'
}
expect_rc "import: an entry outside the agreed subtree refuses the file" 1 \
    "mmhs-share: $data/nato-outside.ldif: entry \"cn=Intruder,o=Defence,c=XW\" is outside the agreed subtree ou=NATO,ou=Shadow,c=XW of partner NATO: nothing loaded" \
    "$share" import NATO "$data/nato-outside.ldif"
[ "$(count_shadow)" = 0 ] && ok "import: a refused file loads nothing" ||
    not_ok "import: a refused file loaded $(count_shadow) entries"
expect_rc "import: the partner's LDIF is loaded" 0 "loaded 3 entries" \
    "$share" import NATO "$data/nato-import.ldif"
expect_rc "import: imported entry readable, name unchanged" 0 \
    "dn: cn=Current Operations,o=JFC,ou=NATO,ou=Shadow,c=XW" on_a ldapsearch \
    -LLL -s base -b "cn=Current Operations,o=JFC,ou=NATO,ou=Shadow,c=XW" 1.1
expect_rc "import: importing again replaces the copy" 0 "loaded 3 entries" \
    "$share" import NATO "$data/nato-import.ldif"
[ "$(count_shadow)" = 4 ] && ok "import: shadow holds ou=Shadow and the 3 entries" ||
    not_ok "import: shadow holds $(count_shadow) entries, expected 4"

# --- the shadow subtree is read-only
expect_rc "shadow: admin modify refused" 53 \
    "natoshare: o=JFC,ou=NATO,ou=Shadow,c=XW: the shadow subtree ou=Shadow,c=XW is read-only: only the import identity $importer loads it (mmhs-share import)" \
    on_a ldapmodify <<EOF
dn: o=JFC,ou=NATO,ou=Shadow,c=XW
changetype: modify
replace: description
description: edited locally
EOF
expect_rc "shadow: admin add refused" 53 "is read-only" on_a ldapadd <<EOF
dn: o=Fake,ou=NATO,ou=Shadow,c=XW
objectClass: organization
o: Fake
EOF
expect_rc "shadow: admin delete refused" 53 "is read-only" on_a ldapdelete \
    "cn=Current Operations,o=JFC,ou=NATO,ou=Shadow,c=XW"
expect_rc "shadow: admin modrdn into the shadow refused" 53 "is read-only" \
    on_a ldapmodrdn -s "ou=NATO,ou=Shadow,c=XW" \
    "cn=NATO Gateway,ou=Gateways,o=Defence,c=XW" "cn=NATO Gateway"
expect_rc "shadow: the importer cannot write outside it" 50 \
    "the import identity $importer writes only below the shadow subtree ou=Shadow,c=XW" \
    ldapmodify -x -H "$A_URI" -D "$importer" -w "$importer_pw" <<EOF
dn: cn=NATO Gateway,ou=Gateways,o=Defence,c=XW
changetype: modify
replace: description
description: importer was here
EOF

# --- release policy validation and live reload
expect_rc "policy: bad scope refused" 21 \
    "natoshare: cn=bad,ou=Partners,ou=MMHS,c=XW: mmhsReleaseScope value \"subtree\": must be base, one or sub" \
    on_a ldapadd <<EOF
dn: cn=bad,ou=Partners,ou=MMHS,c=XW
objectClass: mmhsReleasePolicy
cn: bad
mmhsReleaseTo: $nato
mmhsReleaseBase: o=Defence,c=XW
mmhsReleaseScope: subtree
EOF
expect_rc "policy: bad filter refused" 21 \
    "mmhsReleaseFilter value \"(&(cn=x)\": not an RFC 4515 filter" on_a ldapadd <<EOF
dn: cn=bad,ou=Partners,ou=MMHS,c=XW
objectClass: mmhsReleasePolicy
cn: bad
mmhsReleaseTo: $nato
mmhsReleaseBase: o=Defence,c=XW
mmhsReleaseFilter: (&(cn=x)
EOF
expect_rc "policy: unknown attribute refused" 17 \
    "mmhsReleaseAttribute value \"noSuchAttr\": no such attribute type" \
    on_a ldapmodify <<EOF
dn: cn=release-to-nato,ou=Partners,ou=MMHS,c=XW
changetype: modify
add: mmhsReleaseAttribute
mmhsReleaseAttribute: noSuchAttr
EOF
expect_rc "policy: releasing one more attribute is accepted" 0 "" on_a ldapmodify <<EOF
dn: cn=release-to-nato,ou=Partners,ou=MMHS,c=XW
changetype: modify
add: mmhsReleaseAttribute
mmhsReleaseAttribute: roleOccupant
EOF
expect_rc "policy: the change applies to the next search" 0 "roleOccupant:" \
    as_partner ldapsearch -LLL -s base \
    -b "cn=Operations Officer,o=Joint Force Headquarters,o=Defence,c=XW" roleOccupant
