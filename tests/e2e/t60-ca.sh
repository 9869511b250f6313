#!/bin/bash
# t60-ca - mmhs-ca on a real site: mmhs-site --pki makes the CA and
# certifies every mail address; the RA steps (request, approve, reject,
# a holder's own CSR), issue, revoke with the CRL in the directory,
# renew, a CA key on a SoftHSM2 token, the clearance extension, and bad
# input refused with nothing changed.  Everything published is read back
# with ldapsearch and checked with openssl.
. "$srcdir/tests/e2e/common.sh"

CA=$builddir/agents/ca/mmhs-ca
site=$testdir/site
if site_start "$site" --pki --agents=none; then
	ok "mmhs-site start --pki"
else
	not_ok "mmhs-site start --pki"
	exit 1
fi
pki=$MMHS_PKI_DIR
keys=$MMHS_KEY_DIR
ca_dn="cn=Westland MMHS CA,ou=PKI,ou=MMHS,c=XW"
jfhq="o=Joint Force Headquarters,o=Defence,c=XW"
owain="cn=Owain Eastwood,ou=People,$jfhq"
owain_mail=owain.eastwood@mod.westland.example
ca() { "$CA" -d "$pki" "$@"; }

# der DN ATTR OUT - the first value of ATTR of entry DN as a DER file
der() {
	ldap_admin ldapsearch -LLL -o ldif-wrap=no -b "$1" -s base "$2" |
	    sed -n "s/^$2:: //p" | head -n 1 | base64 -d > "$3"
	[ -s "$3" ]
}
nvalues() {
	ldap_admin ldapsearch -LLL -o ldif-wrap=no -b "$1" -s base "$2" |
	    grep -c "^$2::"
}

# --- what --pki made ------------------------------------------------------
[ "$MMHS_CA_CERT" = "$pki/ca.pem" ] && [ -s "$MMHS_CA_CERT" ] &&
    ok "site.env names the CA certificate" ||
    not_ok "MMHS_CA_CERT=$MMHS_CA_CERT"
want=$(ldap_admin ldapsearch -LLL -b "$MMHS_LDAP_BASE" '(mail=*)' 1.1 |
    grep -c '^dn:')
got=$(ls "$keys"/*.p12 | wc -l)
[ "$want" = "$got" ] && ok "a key for each of the $want mail addresses" ||
    not_ok "$got keys for $want mail addresses"
got=$(ldap_admin ldapsearch -LLL -b "$MMHS_LDAP_BASE" \
    '(&(mail=*)(userCertificate=*))' 1.1 | grep -c '^dn:')
[ "$want" = "$got" ] && ok "a published certificate for each of them" ||
    not_ok "$got certificates published for $want mail addresses"

der "$ca_dn" "cACertificate;binary" "$testdir/ca.der" &&
    openssl x509 -in "$pki/ca.pem" -outform DER | cmp -s - "$testdir/ca.der" &&
    ok "the CA entry holds the CA certificate" ||
    not_ok "cACertificate;binary of $ca_dn is not $pki/ca.pem"
der "$ca_dn" "certificateRevocationList;binary" "$testdir/crl0.der" &&
    openssl crl -inform DER -in "$testdir/crl0.der" -CAfile "$pki/ca.pem" \
    -noout -text > "$testdir/crl0.txt" 2>&1 &&
    grep -q "verify OK" "$testdir/crl0.txt" &&
    grep -q "No Revoked Certificates" "$testdir/crl0.txt" &&
    ok "the CA entry holds an empty CRL signed by the CA" ||
    not_ok "CRL of $ca_dn: $(cat "$testdir/crl0.txt")"

der "$owain" "userCertificate;binary" "$testdir/owain.der"
openssl x509 -inform DER -in "$testdir/owain.der" -out "$testdir/owain.pem"
openssl x509 -in "$testdir/owain.pem" -noout -text > "$testdir/owain.txt"
check "owain's certificate verifies with the CA and its CRL" \
    openssl verify -CAfile "$pki/ca.pem" -crl_check \
    -CRLfile "$pki/crl.pem" "$testdir/owain.pem"
grep -q "email:$owain_mail" "$testdir/owain.txt" &&
    grep -q "E-mail Protection" "$testdir/owain.txt" &&
    grep -q "Digital Signature, Non Repudiation, Key Encipherment" \
    "$testdir/owain.txt" && grep -q "Public-Key: (2048 bit)" \
    "$testdir/owain.txt" && grep -q "sha256WithRSAEncryption" \
    "$testdir/owain.txt" &&
    ok "owain's certificate has the profile (SAN, usages, RSA-2048, SHA-256)" ||
    not_ok "owain's certificate: $(cat "$testdir/owain.txt")"
grep -q "Subject Directory Attributes" "$testdir/owain.txt" &&
    ok "owain's certificate carries the clearance extension" ||
    not_ok "no subjectDirectoryAttributes in owain's certificate"
# the extension value: id-at-clearance, the national policy, SECRET
off=$(openssl asn1parse -in "$testdir/owain.pem" |
    awk '/:X509v3 Subject Directory Attributes/ { getline; sub(/:.*/, ""); print $1 }')
openssl asn1parse -in "$testdir/owain.pem" -strparse "$off" \
    > "$testdir/clearance.txt" 2>&1
grep -Eq ":(clearance|2\.5\.4\.55) *$" "$testdir/clearance.txt" &&
    grep -q ":2.25.59028202126315117165413111612054445617.6.1" \
    "$testdir/clearance.txt" && grep -q "BIT STRING" "$testdir/clearance.txt" &&
    ok "the extension holds an RFC 5755 Clearance of the national policy" ||
    not_ok "clearance extension: $(cat "$testdir/clearance.txt")"
openssl pkcs12 -in "$keys/$owain_mail.p12" -passin "file:$keys/passphrase" \
    -nokeys -clcerts 2>/dev/null | openssl x509 -outform DER |
    cmp -s - "$testdir/owain.der" &&
    ok "owain's PKCS#12 file holds the published certificate" ||
    not_ok "$keys/$owain_mail.p12 does not hold the published certificate"

# --- the RA: request, approve, reject, a CSR --------------------------------
person() {
	ldap_admin ldapadd > /dev/null <<EOF
dn: cn=$1,ou=People,$jfhq
objectClass: aCPOrganizationalPerson
objectClass: mmhsMailbox
cn: $1
sn: ${1#* }
uid: $2
mail: $2@mod.westland.example
mmhsClearance: 2.25.59028202126315117165413111612054445617.6.1\$CONFIDENTIAL\$REL NATO
mmhsSite: cn=mod-main,ou=MMHS,c=XW
EOF
}
person "Tegan Marsh" tegan.marsh && person "Rhys Calder" rhys.calder &&
    person "Nia Brook" nia.brook && person "Cai Rowan" cai.rowan &&
    ok "four new people added" || not_ok "cannot add the new people"
tegan="cn=Tegan Marsh,ou=People,$jfhq"
rhys="cn=Rhys Calder,ou=People,$jfhq"
nia="cn=Nia Brook,ou=People,$jfhq"
cai="cn=Cai Rowan,ou=People,$jfhq"

id=$(ca request --for "$tegan" 2>>"$testdir/commands.log")
[ -n "$id" ] && ca list requests | grep -q "^$id	pending	" &&
    ok "request for a new person is pending ($id)" ||
    not_ok "request --for $tegan: \"$id\""
[ "$(nvalues "$tegan" "userCertificate;binary")" = 0 ] &&
    ok "nothing is published before approval" ||
    not_ok "a pending request published a certificate"
serial=$(ca approve "$id" --keydir "$keys" 2>>"$testdir/commands.log")
der "$tegan" "userCertificate;binary" "$testdir/tegan.der" &&
    openssl x509 -inform DER -in "$testdir/tegan.der" -noout -serial |
    grep -qx "serial=$serial" &&
    ok "approve published certificate $serial into the entry" ||
    not_ok "approve $id: serial \"$serial\" not in $tegan"
ca list requests | grep -q "^$id	approved	" &&
    ok "the request is approved" || not_ok "request $id is not approved"
[ -s "$keys/tegan.marsh@mod.westland.example.p12" ] &&
    ok "the new key is in the key directory" ||
    not_ok "no tegan.marsh@mod.westland.example.p12"
expect_rc "an approved request cannot be approved again" 1 "not pending" \
    ca approve "$id" --keydir "$keys"

id=$(ca request --for "$rhys" 2>>"$testdir/commands.log")
expect_rc "reject needs a reason" 1 "--reason" ca reject "$id"
check "reject with a reason" ca reject "$id" --reason "not cleared yet"
ca list requests | grep -q "^$id	rejected	.*not cleared yet" &&
    ok "the request is rejected with its reason" ||
    not_ok "request $id: $(ca list requests)"
expect_rc "a rejected request cannot be approved" 1 "not pending" \
    ca approve "$id" --keydir "$keys"
[ "$(nvalues "$rhys" "userCertificate;binary")" = 0 ] &&
    ok "nothing published for the rejected request" ||
    not_ok "the rejected request published a certificate"

openssl req -new -newkey rsa:2048 -nodes -subj "/CN=Nia Brook" \
    -keyout "$testdir/nia-key.pem" -out "$testdir/nia.csr" 2>/dev/null
id=$(ca request --for "$nia" --csr "$testdir/nia.csr" 2>>"$testdir/commands.log")
serial=$(ca approve "$id" 2>>"$testdir/commands.log")
der "$nia" "userCertificate;binary" "$testdir/nia.der" &&
    [ "$(openssl x509 -inform DER -in "$testdir/nia.der" -noout -pubkey)" = \
    "$(openssl pkey -in "$testdir/nia-key.pem" -pubout)" ] &&
    ok "a request with a CSR certifies the holder's own key" ||
    not_ok "nia's certificate does not carry the CSR's key"
echo "not a request" > "$testdir/bad.csr"
expect_rc "a file that is not a CSR is refused" 1 "not a certificate request" \
    ca request --for "$cai" --csr "$testdir/bad.csr"

# --- issue, bad input -------------------------------------------------------
check "issue for a new person in one step" ca issue --for "$cai" \
    --keydir "$keys"
expect_rc "issue for a holder with a valid certificate is refused" 1 \
    "already holds" ca issue --for "$owain" --keydir "$keys"
expect_rc "issue for an entry that does not exist is refused" 1 \
    "no entry" ca issue --for "cn=Nobody,$jfhq" --keydir "$keys"
expect_rc "issue for an entry without mail is refused" 1 \
    "no mail address" ca issue --for "cn=mta,cn=mod-main,ou=MMHS,c=XW"
expect_rc "an unknown command is refused" 1 "unknown command" ca frobnicate
expect_rc "an unknown option is refused" 1 "unknown option" \
    ca issue --for "$cai" --bogus x
expect_rc "init in a CA directory that has a CA is refused" 1 \
    "already holds a CA" ca init --subject "cn=X" -H "$MMHS_LDAP_URI" \
    -D "$MMHS_ADMIN_DN" -y "$MMHS_SITE_DIR/run/admin.pw" --entry "$ca_dn"
echo wrong > "$testdir/wrong.pw"
expect_rc "init with a wrong password is refused" 1 "Invalid credentials" \
    "$CA" -d "$testdir/ca-bad" init --subject "cn=X" -H "$MMHS_LDAP_URI" \
    -D "$MMHS_ADMIN_DN" -y "$testdir/wrong.pw" --entry "$ca_dn"
[ ! -e "$testdir/ca-bad/ca.pem" ] && [ ! -e "$testdir/ca-bad/ca.conf" ] &&
    ok "the refused init left no CA behind" ||
    not_ok "the refused init left files: $(ls "$testdir/ca-bad")"
ncerts=$(ca list certs | wc -l)
expect_rc "an unknown serial cannot be revoked" 1 "no certificate" \
    ca revoke FFFFFF
expect_rc "an unknown reason is refused" 1 "unknown reason" \
    ca revoke --for "$cai" --reason because
[ "$(ca list certs | grep -c revoked)" = 0 ] &&
    [ "$(ca list certs | wc -l)" = "$ncerts" ] &&
    ok "the refused commands changed nothing" ||
    not_ok "refused commands changed the index: $(ca list certs | grep revoked)"

# --- revoke: the CRL in the directory ---------------------------------------
tserial=$(openssl x509 -inform DER -in "$testdir/tegan.der" -noout -serial |
    sed 's/serial=//')
check "revoke tegan's certificate" ca revoke "$tserial" --reason keyCompromise
der "$ca_dn" "certificateRevocationList;binary" "$testdir/crl1.der"
openssl crl -inform DER -in "$testdir/crl1.der" -CAfile "$pki/ca.pem" \
    -noout -text > "$testdir/crl1.txt" 2>&1
grep -q "verify OK" "$testdir/crl1.txt" &&
    grep -q "Serial Number: $tserial" "$testdir/crl1.txt" &&
    grep -q "Key Compromise" "$testdir/crl1.txt" &&
    ok "the CRL in the directory lists $tserial (key compromise)" ||
    not_ok "CRL after revoke: $(cat "$testdir/crl1.txt")"
openssl crl -inform DER -in "$testdir/crl1.der" -out "$testdir/crl1.pem"
openssl x509 -inform DER -in "$testdir/tegan.der" -out "$testdir/tegan.pem"
expect_rc "openssl verify -crl_check refuses the revoked certificate" 2 \
    "certificate revoked" openssl verify -CAfile "$pki/ca.pem" -crl_check \
    -CRLfile "$testdir/crl1.pem" "$testdir/tegan.pem"
check "owain's certificate still verifies with the new CRL" \
    openssl verify -CAfile "$pki/ca.pem" -crl_check \
    -CRLfile "$testdir/crl1.pem" "$testdir/owain.pem"
[ "$(nvalues "$tegan" "userCertificate;binary")" = 0 ] &&
    ok "the revoked certificate left the holder's entry" ||
    not_ok "the revoked certificate is still in $tegan"
expect_rc "a revoked certificate cannot be revoked again" 1 \
    "already revoked" ca revoke "$tserial"

# --- renew ------------------------------------------------------------------
oserial=$(openssl x509 -in "$testdir/owain.pem" -noout -serial | sed 's/serial=//')
check "renew owain" ca renew --for "$owain" --keydir "$keys"
der "$owain" "userCertificate;binary" "$testdir/owain2.der"
nserial=$(openssl x509 -inform DER -in "$testdir/owain2.der" -noout -serial |
    sed 's/serial=//')
[ "$(nvalues "$owain" "userCertificate;binary")" = 1 ] &&
    [ -n "$nserial" ] && [ "$nserial" != "$oserial" ] &&
    ok "renew replaced the published certificate ($oserial -> $nserial)" ||
    not_ok "after renew: serial $nserial, old $oserial"
openssl pkcs12 -in "$keys/$owain_mail.p12" -passin "file:$keys/passphrase" \
    -nokeys -clcerts 2>/dev/null | openssl x509 -outform DER |
    cmp -s - "$testdir/owain2.der" &&
    ok "the key file holds the renewed certificate" ||
    not_ok "$owain_mail.p12 not renewed"
expect_rc "renew of an entry never certified is refused" 1 "never certified" \
    ca renew --for "$rhys"

# --- a CA whose key is on a SoftHSM2 token ------------------------------------
hsm=$testdir/softhsm
mkdir -p "$hsm/tokens"
printf 'directories.tokendir = %s\nobjectstore.backend = file\n' \
    "$hsm/tokens" > "$hsm/softhsm2.conf"
export SOFTHSM2_CONF=$hsm/softhsm2.conf
module=${MMHS_PKCS11_MODULE:-/usr/lib/softhsm/libsofthsm2.so}
if softhsm2-util --init-token --free --label mmhs-ca --pin 1234 \
    --so-pin 123456 >> "$testdir/commands.log" 2>&1 &&
    pkcs11-tool --module "$module" --token-label mmhs-ca --login --pin 1234 \
    --keypairgen --key-type rsa:2048 --label ca-key --id 01 \
    >> "$testdir/commands.log" 2>&1; then
	ok "a SoftHSM2 token with an RSA key"
else
	not_ok "cannot make the SoftHSM2 token"
fi
ldap_admin ldapadd > /dev/null <<EOF
dn: cn=Token CA,ou=PKI,ou=MMHS,c=XW
objectClass: applicationProcess
objectClass: pkiCA
cn: Token CA
EOF
uri="pkcs11:token=mmhs-ca;object=ca-key?pin-value=1234"
hca=$testdir/hsm-ca
expect_rc "a token CA with a wrong PIN is refused" 1 "login refused" \
    "$CA" -d "$testdir/hsm-bad" init --subject "cn=Token CA,o=Defence,c=XW" \
    -H "$MMHS_LDAP_URI" -D "$MMHS_ADMIN_DN" -y "$MMHS_SITE_DIR/run/admin.pw" \
    --entry "cn=Token CA,ou=PKI,ou=MMHS,c=XW" \
    --pkcs11 "pkcs11:token=mmhs-ca;object=ca-key?pin-value=0000"
check "init a CA with its key on the token" "$CA" -d "$hca" init \
    --subject "cn=Token CA,o=Defence,c=XW" -H "$MMHS_LDAP_URI" \
    -D "$MMHS_ADMIN_DN" -y "$MMHS_SITE_DIR/run/admin.pw" \
    --entry "cn=Token CA,ou=PKI,ou=MMHS,c=XW" --pkcs11 "$uri"
[ ! -e "$hca/ca.p12" ] && [ -s "$hca/ca.pem" ] &&
    ok "no CA key file next to the token CA" ||
    not_ok "the token CA has a key file: $(ls "$hca")"
pkcs11-tool --module "$module" --token-label mmhs-ca --login --pin 1234 \
    --list-objects --type cert 2>/dev/null | grep -q "label: *ca-key" &&
    ok "the CA certificate is on the token next to its key" ||
    not_ok "no certificate on the token"
openssl x509 -in "$hca/ca.pem" -noout -pubkey > "$testdir/hca-pub.pem"
pkcs11-tool --module "$module" --token-label mmhs-ca --read-object \
    --type pubkey --label ca-key 2>/dev/null |
    openssl pkey -pubin -inform DER 2>/dev/null |
    cmp -s - "$testdir/hca-pub.pem" &&
    ok "the CA certificate certifies the token's key" ||
    not_ok "the token CA's certificate is not for the token's key"
check "the token CA issues" "$CA" -d "$hca" issue --for "$rhys" \
    --keydir "$testdir/hsm-keys"
der "$rhys" "userCertificate;binary" "$testdir/rhys.der"
openssl x509 -inform DER -in "$testdir/rhys.der" -out "$testdir/rhys.pem"
openssl crl -in "$hca/crl.pem" -out "$testdir/hcrl.pem"
check "its certificate verifies with the token CA and its CRL" \
    openssl verify -CAfile "$hca/ca.pem" -crl_check \
    -CRLfile "$testdir/hcrl.pem" "$testdir/rhys.pem"
check "the token CA revokes" "$CA" -d "$hca" revoke --for "$rhys"
expect_rc "... and its CRL says so" 2 "certificate revoked" \
    openssl verify -CAfile "$hca/ca.pem" -crl_check -CRLfile "$hca/crl.pem" \
    "$testdir/rhys.pem"
p11uri="pkcs11:token=mmhs-ca;object=cai;id=%02?pin-value=1234"
id=$("$CA" -d "$hca" request --for "$cai" 2>>"$testdir/commands.log")
check "approve with the holder's key made onto the token" "$CA" -d "$hca" \
    approve "$id" --pkcs11 "$p11uri" --keydir "$testdir/hsm-keys"
[ "$(cat "$testdir/hsm-keys/cai.rowan@mod.westland.example.p11")" = \
    "$p11uri" ] && ok "the key directory names the key on the token" ||
    not_ok "no cai.rowan@mod.westland.example.p11 with the URI"
pkcs11-tool --module "$module" --token-label mmhs-ca --login --pin 1234 \
    --list-objects 2>/dev/null > "$testdir/token.txt"
grep -A3 "^Private Key Object" "$testdir/token.txt" | grep -q "label: *cai" &&
    grep -A3 "^Certificate Object" "$testdir/token.txt" | grep -q "label: *cai" &&
    ok "the holder's key and certificate are on the token" ||
    not_ok "token objects: $(cat "$testdir/token.txt")"

# --- a key pool (issue-all --key-pool, MMHS_PKI_KEY_POOL) -------------------
# Two CAs certify the same people at the same time from one empty pool:
# the pool is filled once, under its lock, with one key per address, and
# both give each address the key of its place in the sorted addresses.
people="ou=People,$jfhq"
pool=$testdir/pool
ldap_admin ldapsearch -LLL -o ldif-wrap=no -b "$people" '(mail=*)' mail |
    sed -n 's/^mail: //p' | tr 'A-Z' 'a-z' | LC_ALL=C sort -u > "$testdir/addrs"
naddrs=$(wc -l < "$testdir/addrs")
for x in a b; do
	ldap_admin ldapadd > /dev/null <<EOT
dn: cn=Pool CA $x,ou=PKI,ou=MMHS,c=XW
objectClass: applicationProcess
objectClass: pkiCA
cn: Pool CA $x
EOT
	"$CA" -d "$testdir/pool-$x" init --subject "cn=Pool CA $x,o=Defence,c=XW" \
	    -H "$MMHS_LDAP_URI" -D "$MMHS_ADMIN_DN" \
	    -y "$MMHS_SITE_DIR/run/admin.pw" \
	    --entry "cn=Pool CA $x,ou=PKI,ou=MMHS,c=XW" >> "$testdir/commands.log" 2>&1
done
pids=""
for x in a b; do
	"$CA" -d "$testdir/pool-$x" issue-all --base "$people" \
	    --keydir "$testdir/pool-$x/keys" --key-pool "$pool" \
	    > "$testdir/pool-$x.out" 2>&1 &
	pids="$pids $!"
done
set -- $pids
wait "$1"; rc_a=$?
wait "$2"; rc_b=$?
[ "$rc_a" = 0 ] && [ "$rc_b" = 0 ] &&
    ok "two CAs certify from one empty key pool at the same time" ||
    not_ok "issue-all --key-pool: $(cat "$testdir/pool-a.out" "$testdir/pool-b.out")"
[ "$(ls "$pool" | grep -c '^key-[0-9]*\.pem$')" = "$naddrs" ] &&
    ok "the pool holds one key per address ($naddrs)" ||
    not_ok "pool: $(ls "$pool") for $naddrs addresses"
# pubkey FILE.p12 - the public key in a key file of a pool CA
pubkey() {
	openssl pkcs12 -in "$1" -passin "file:$(dirname "$1")/passphrase" \
	    -nocerts -nodes 2>/dev/null | openssl pkey -pubout 2>/dev/null
}
n=$(grep -nx "$owain_mail" "$testdir/addrs" | cut -d: -f1)
want=$(openssl pkey -in "$pool/key-$(printf %04d "$n").pem" -pubout)
[ -n "$n" ] && [ -n "$want" ] &&
    [ "$(pubkey "$testdir/pool-a/keys/$owain_mail.p12")" = "$want" ] &&
    [ "$(pubkey "$testdir/pool-b/keys/$owain_mail.p12")" = "$want" ] &&
    ok "both give owain key $n of the pool (his address's place)" ||
    not_ok "owain's keys are not key-$n.pem of the pool"
for f in "$testdir"/pool-a/keys/*.p12; do pubkey "$f" | sha256sum; done |
    sort | uniq -d > "$testdir/pool-dups"
[ "$(ls "$testdir"/pool-a/keys/*.p12 | wc -l)" = "$naddrs" ] &&
    [ ! -s "$testdir/pool-dups" ] &&
    ok "no key serves two addresses of one site" ||
    not_ok "keys shared between addresses: $(cat "$testdir/pool-dups")"
openssl pkcs12 -in "$testdir/pool-b/keys/$owain_mail.p12" -nokeys -clcerts \
    -passin "file:$testdir/pool-b/keys/passphrase" 2>/dev/null \
    > "$testdir/pool-owain.pem"
check "the certificate is issued by the site's own CA" openssl verify \
    -CAfile "$testdir/pool-b/ca.pem" "$testdir/pool-owain.pem"
expect_rc "... and not by the other CA sharing the pool" 2 "" openssl verify \
    -CAfile "$testdir/pool-a/ca.pem" "$testdir/pool-owain.pem"

cp -r "$pool" "$testdir/pool-twice"
"$CA" -d "$testdir/pool-c" init --subject "cn=Pool CA a,o=Defence,c=XW" \
    -H "$MMHS_LDAP_URI" -D "$MMHS_ADMIN_DN" -y "$MMHS_SITE_DIR/run/admin.pw" \
    --entry "cn=Pool CA a,ou=PKI,ou=MMHS,c=XW" >> "$testdir/commands.log" 2>&1
cp "$pool/key-0001.pem" "$testdir/pool-twice/key-0002.pem"
expect_rc "a pool holding one key twice is refused" 1 "are the same key" \
    "$CA" -d "$testdir/pool-c" issue-all --base "$people" \
    --keydir "$testdir/pool-c/keys" --key-pool "$testdir/pool-twice"
echo "not a key" > "$testdir/pool-twice/key-0002.pem"
expect_rc "a pool file that is no key is refused" 1 "not an RSA-2048" \
    "$CA" -d "$testdir/pool-c" issue-all --base "$people" \
    --keydir "$testdir/pool-c/keys" --key-pool "$testdir/pool-twice"
[ -z "$("$CA" -d "$testdir/pool-c" list certs)" ] &&
    ok "the refused pools certified nobody" ||
    not_ok "certified from a bad pool: $("$CA" -d "$testdir/pool-c" list certs)"
expect_rc "mmhs-site refuses a key pool that is no directory" 1 \
    "not a directory" env MMHS_PKI_KEY_POOL="$testdir/addrs" \
    "$MMHS_SITE" start "$testdir/site-nopool" --pki --agents=none
[ ! -e "$testdir/site-nopool/run/slapd.pid" ] &&
    ok "... before it starts anything" ||
    not_ok "mmhs-site started a site with a bad key pool"
