#!/bin/bash
# t01-schema - both forms of the schema load into Debian's slapd: the
# slapd.conf form with slaptest (alone and with the overlays configured),
# the cn=config LDIF form live with ldapadd into a running cn=config slapd.
. "$srcdir/tests/e2e/common.sh"

conf=$testdir/slapd.conf
mkdir -p "$testdir/db" "$testdir/db2"
cat > "$conf" <<EOC
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include $srcdir/schema/acp133.schema
include $srcdir/schema/mmhs.schema
modulepath /usr/lib/ldap
moduleload back_mdb
database mdb
suffix "c=XW"
rootdn "cn=admin,c=XW"
directory $testdir/db
EOC
check "slapd.conf schema form passes slaptest" slaptest -u -f "$conf"

overlays=$builddir/slapd-overlays/.libs
sed -e "s|^moduleload back_mdb|moduleload back_mdb\\
moduleload $overlays/acp133.so\\
moduleload $overlays/mhsdl.so\\
moduleload $overlays/mhsroute.so\\
moduleload $overlays/natoshare.so|" \
    -e "s|directory $testdir/db|directory $testdir/db2|" "$conf" \
    > "$testdir/overlays.conf"
printf 'overlay %s\n' acp133 mhsdl mhsroute natoshare >> "$testdir/overlays.conf"
check "slapd.conf with the four overlays passes slaptest" \
    slaptest -u -f "$testdir/overlays.conf"

# A bare cn=config slapd with only Debian's core schemas, then our LDIF
# schema added live.
port=$("$MMHS_SITE" free-port)
pw=config-secret
mkdir -p "$testdir/slapd.d" "$testdir/db3"
cat > "$testdir/config.ldif" <<EOC
dn: cn=config
objectClass: olcGlobal
cn: config
olcPidFile: $testdir/slapd.pid

dn: cn=module{0},cn=config
objectClass: olcModuleList
cn: module{0}
olcModulePath: /usr/lib/ldap
olcModuleLoad: back_mdb

dn: cn=schema,cn=config
objectClass: olcSchemaConfig
cn: schema

include: file:///etc/ldap/schema/core.ldif
include: file:///etc/ldap/schema/cosine.ldif
include: file:///etc/ldap/schema/inetorgperson.ldif

dn: olcDatabase={0}config,cn=config
objectClass: olcDatabaseConfig
olcDatabase: {0}config
olcRootDN: cn=config
olcRootPW: $pw

dn: olcDatabase={1}mdb,cn=config
objectClass: olcDatabaseConfig
objectClass: olcMdbConfig
olcDatabase: {1}mdb
olcSuffix: c=XW
olcRootDN: cn=admin,c=XW
olcRootPW: $pw
olcDbDirectory: $testdir/db3
EOC
check "bare cn=config slapd configured" \
    slapadd -n 0 -F "$testdir/slapd.d" -l "$testdir/config.ldif"
slapd -F "$testdir/slapd.d" -h "ldap://127.0.0.1:$port/" -d 0 \
    > "$testdir/slapd.log" 2>&1 &
slapd_pid=$!
trap 'kill $slapd_pid 2>/dev/null; wait $slapd_pid 2>/dev/null; finish; exit $?' EXIT
for i in $(seq 1 50); do
	ldapsearch -x -H "ldap://127.0.0.1:$port/" -s base -b "" 1.1 \
	    >/dev/null 2>&1 && break
	sleep 0.1
done
cfg() { "$@" -x -H "ldap://127.0.0.1:$port/" -D cn=config -w "$pw"; }
check "acp133.ldif added live to cn=schema,cn=config" \
    cfg ldapadd -f "$builddir/schema/acp133.ldif"
check "mmhs.ldif added live to cn=schema,cn=config" \
    cfg ldapadd -f "$builddir/schema/mmhs.ldif"
subschema=$(ldapsearch -x -H "ldap://127.0.0.1:$port/" -b cn=subschema \
    -s base -LLL -o ldif-wrap=no objectClasses attributeTypes 2>&1)
for name in aCPOrganizationalRole mhs-distribution-list mmhsRoute \
    mmhsSecurityPolicy mmhsAgent; do
	if grep -q "NAME '$name'" <<<"$subschema"; then
		ok "subschema has object class $name"
	else
		not_ok "subschema lacks object class $name"
	fi
done
if grep -q "2.6.5.2.6 NAME 'mhs-or-addresses'" <<<"$subschema" &&
    grep -q "2.16.840.1.101.2.2.1.70 NAME 'plaNameACP127'" <<<"$subschema" &&
    grep -q "2.25.59028202126315117165413111612054445617.1.31 NAME 'mmhsNextHop'" <<<"$subschema"; then
	ok "X.402, ACP 133 and project OIDs are the published ones"
else
	not_ok "OIDs of mhs-or-addresses, plaNameACP127 or mmhsNextHop differ"
fi
