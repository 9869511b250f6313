#!/bin/bash
# t65-smime-interop - S/MIME with ESS against other implementations.
#
# The first half needs no site: a CA made with `openssl ca` issues keys
# (one expired, one revoked); mmhs-smime signs (with a security label and
# a receipt request), encrypts and triple-wraps, and `openssl cms` and
# gpgsm (a throwaway GNUPGHOME) verify and decrypt every one, compared
# with the original byte for byte; messages and receipts made by
# `openssl cms` are read by mmhs-smime; tshark's CMS and ESS dissectors
# decode our label in an SMTP session written with text2pcap, with no
# malformed field and no expert warning (for a label of X.660's example
# arc: tshark 4.0 shows OID arcs above 32 bits, as in the national
# policy's 2.25.<UUID>, as "Malformed OID"); tampered, wrong-key, revoked
# and expired cases are refused with their reasons.
#
# The second half runs the agents on a site with its PKI (mmhs-site
# --pki): messages signed (with a receipt request) and encrypted by
# `openssl cms` with the site's keys are submitted with swaks and
# delivered; the store's API shows the signature, and the signed receipt
# the store sends when the message is read passes `openssl cms
# -verify_receipt`; the agents refuse a tampered message, a label above
# a recipient's clearance (DSN), a message without the label the site
# requires, an expired and a revoked signer.
. "$srcdir/tests/e2e/common.sh"

smime=$builddir/agents/smime/mmhs-smime
t=$testdir
wl=2.25.59028202126315117165413111612054445617.6.1	# national policy
ex=2.999.6.1		# X.660's example arc: arcs tshark can print
for tool in openssl gpgsm tshark text2pcap swaks; do
	command -v $tool >/dev/null ||
	    { not_ok "$tool is not installed (build-aux/install-deps)"; exit 1; }
done
[ -x "$smime" ] || { not_ok "mmhs-smime is not built"; exit 1; }

# --------------------------------------------------------------------
# A CA of openssl's own, with users (a peer's PKI, not ours)

mkdir -p "$t/ca/new"
: > "$t/ca/index.txt"
echo 1000 > "$t/ca/serial"
echo 1000 > "$t/ca/crlnumber"
echo "t65-pass-phrase" > "$t/pass"
cat > "$t/ca.cnf" <<EOF
[ca]
default_ca = t65
[t65]
dir = $t/ca
database = \$dir/index.txt
new_certs_dir = \$dir/new
serial = \$dir/serial
crlnumber = \$dir/crlnumber
certificate = \$dir/ca.pem
private_key = \$dir/ca.key
default_md = sha256
default_days = 30
default_crl_days = 30
policy = anything
unique_subject = no
email_in_dn = no
x509_extensions = user
[anything]
commonName = supplied
[user]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation, keyEncipherment
extendedKeyUsage = emailProtection
subjectAltName = email:\${ENV::T65_MAIL}
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF
export T65_MAIL=nobody@t65.example

# issue NAME [openssl ca options] - NAME.key/.pem/.p12 for NAME@t65.example
issue() {
	local n=$1
	shift
	openssl req -new -newkey rsa:2048 -nodes -keyout "$t/$n.key" \
	    -subj "/CN=$n" -out "$t/$n.csr" 2>/dev/null &&
	T65_MAIL=$n@t65.example openssl ca -batch -config "$t/ca.cnf" \
	    -in "$t/$n.csr" -out "$t/$n.pem" -notext "$@" 2>/dev/null &&
	openssl pkcs12 -export -inkey "$t/$n.key" -in "$t/$n.pem" \
	    -certfile "$t/ca/ca.pem" -passout "file:$t/pass" -name "$n" \
	    -out "$t/$n.p12"
}

if openssl req -x509 -newkey rsa:2048 -nodes -keyout "$t/ca/ca.key" \
    -out "$t/ca/ca.pem" -days 30 -subj "/C=XW/O=Westland/CN=t65 Test CA" \
    -addext basicConstraints=critical,CA:TRUE \
    -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null &&
    issue alice && issue bob && issue carol && issue mallory &&
    issue old -startdate 20200101000000Z -enddate 20210101000000Z &&
    openssl ca -config "$t/ca.cnf" -revoke "$t/mallory.pem" 2>/dev/null &&
    openssl ca -config "$t/ca.cnf" -gencrl -out "$t/crl.pem" 2>/dev/null
then
	ok "openssl ca made a CA, 5 users (one expired, one revoked), a CRL"
else
	not_ok "openssl ca made the test PKI"
	exit 1
fi
ca=$t/ca/ca.pem
cat "$ca" "$t/crl.pem" > "$t/ca+crl.pem"	# openssl cms -crl_check

# the message and its MIME entity (what every layer must give back)
printf '%s\r\n' "From: alice@t65.example" "To: bob@t65.example" \
    "Subject: t65 interop" "Message-ID: <t65-1@t65.example>" \
    "MMHS-Primary-Precedence: immediate" \
    "Content-Type: text/plain; charset=us-ascii" "" \
    "Fuel state at the forward base: 40 per cent." \
    ".a line with a leading dot" "last line" > "$t/msg.eml"
sed '1,/^Content-Type/{/^Content-Type/!d}' "$t/msg.eml" > "$t/entity"

# same WHAT FILE - FILE is the original entity, byte for byte
same() {
	if cmp -s "$t/entity" "$2"; then
		ok "$1"
	else
		not_ok "$1 (differs from the original entity: $2)"
	fi
}

# has WHAT TEXT FILE - FILE contains the fixed string TEXT
has() {
	if grep -qF -- "$2" "$3"; then
		ok "$1"
	else
		not_ok "$1 (no \"$2\" in $3)"
	fi
}

# body64 FILE - the base64 body of a one-part MIME message or entity
body64() {
	sed '1,/^\r*$/d' "$1" | tr -d '\r'
}

# --------------------------------------------------------------------
# Ours, read by openssl cms

label="$wl:3:$wl.1"
check "mmhs-smime signs with a label, a privacy mark, a receipt request" \
    sh -c "'$smime' sign -k '$t/alice.p12' -p '$t/pass' --label '$label' \
    --privacy-mark 'WESTLAND CONFIDENTIAL' --receipt-request \
    < '$t/msg.eml' > '$t/signed.eml'"
check "openssl cms verifies it (chain, CRL)" \
    openssl cms -verify -CAfile "$t/ca+crl.pem" -crl_check \
    -in "$t/signed.eml" -out "$t/o-signed.out" \
    -receipt_request_print
same "openssl cms gives back the signed entity" "$t/o-signed.out"
openssl cms -verify -CAfile "$ca" -in "$t/signed.eml" -out /dev/null \
    -receipt_request_print > "$t/o-rr.txt" 2>&1
has "openssl reads our receipt request (from all)" "Receipts From: All" \
    "$t/o-rr.txt"
has "openssl reads our receiptsTo" "email:alice@t65.example" "$t/o-rr.txt"
openssl cms -cmsout -print -in "$t/signed.eml" > "$t/o-print.txt" 2>&1
has "openssl names our label attribute" "id-smime-aa-securityLabel" \
    "$t/o-print.txt"
has "openssl decodes the label's policy" ":$wl" "$t/o-print.txt"
has "openssl decodes the privacy mark" \
    "PRINTABLESTRING   :WESTLAND CONFIDENTIAL" "$t/o-print.txt"

check "mmhs-smime clear-signs" sh -c "'$smime' sign --clear \
    -k '$t/alice.p12' -p '$t/pass' < '$t/msg.eml' > '$t/clear.eml'"
has "clear-signed is multipart/signed" "multipart/signed" "$t/clear.eml"
check "openssl cms verifies the clear-signed message" \
    openssl cms -verify -CAfile "$ca" -in "$t/clear.eml" \
    -out "$t/o-clear.out"
same "openssl gives back the clear-signed entity" "$t/o-clear.out"

check "mmhs-smime encrypts for bob and alice" sh -c "'$smime' encrypt \
    -r '$t/bob.pem' -r '$t/alice.pem' < '$t/msg.eml' > '$t/enc.eml'"
check "openssl cms decrypts it with bob's key" \
    openssl cms -decrypt -recip "$t/bob.pem" -inkey "$t/bob.key" \
    -in "$t/enc.eml" -out "$t/o-enc.out"
same "openssl gives back the encrypted entity" "$t/o-enc.out"
openssl cms -cmsout -print -in "$t/enc.eml" > "$t/o-enc.txt" 2>&1
has "content encryption is AES-256-CBC" "aes-256-cbc" "$t/o-enc.txt"

check "mmhs-smime triple-wraps (sign | encrypt | sign)" sh -c \
    "'$smime' sign -k '$t/alice.p12' -p '$t/pass' --label '$label' \
    --receipt-request < '$t/msg.eml' |
    '$smime' encrypt -r '$t/bob.pem' |
    '$smime' sign -k '$t/carol.p12' -p '$t/pass' > '$t/triple.eml'"
check "openssl: outer signature" openssl cms -verify -CAfile "$ca" \
    -in "$t/triple.eml" -out "$t/o-t1"
check "openssl: the encrypted layer" openssl cms -decrypt \
    -recip "$t/bob.pem" -inkey "$t/bob.key" -in "$t/o-t1" -out "$t/o-t2"
check "openssl: inner signature" openssl cms -verify -CAfile "$ca" \
    -in "$t/o-t2" -out "$t/o-t3"
same "openssl gives back the triple-wrapped entity" "$t/o-t3"

# --------------------------------------------------------------------
# Ours, read by gpgsm (a key ring of its own; CRLs are not its business
# here: it would ask dirmngr over the network)

export GNUPGHOME=$t/gnupg
mkdir -m 700 "$GNUPGHOME"
echo disable-crl-checks > "$GNUPGHOME/gpgsm.conf"
echo allow-loopback-pinentry > "$GNUPGHOME/gpg-agent.conf"
gpgsm="gpgsm --batch --status-fd 1 --pinentry-mode loopback"
# gpgsm 2.2 does not read OpenSSL 3's default PKCS#12 (PBES2 with
# HMAC-SHA256); the same key goes over in the 3DES form it reads.
openssl pkcs12 -in "$t/bob.p12" -passin "file:$t/pass" -nodes \
    -out "$t/bob-all.pem" 2>/dev/null
openssl pkcs12 -export -in "$t/bob-all.pem" -keypbe PBE-SHA1-3DES \
    -certpbe PBE-SHA1-3DES -macalg sha1 -passout "file:$t/pass" \
    -out "$t/bob-gpgsm.p12"
fpr=$(openssl x509 -in "$ca" -noout -fingerprint -sha1 | sed 's/.*=//')
echo "$fpr S relax" > "$GNUPGHOME/trustlist.txt"
$gpgsm --import "$ca" > "$t/g-import.txt" 2>&1
$gpgsm --passphrase-fd 3 --import "$t/bob-gpgsm.p12" 3< "$t/pass" \
    >> "$t/g-import.txt" 2>&1
if gpgsm --list-secret-keys 2>/dev/null | grep -q "bob@t65.example"; then
	ok "gpgsm took the CA (trusted) and bob's key"
else
	not_ok "gpgsm took the CA and bob's key (see $t/g-import.txt)"
fi

# gverify WHAT IN OUT - gpgsm verifies IN (base64 CMS): good, trusted
gverify() {
	$gpgsm --assume-base64 --verify -o "$3" "$2" > "$2.status" 2>&1
	if grep -q '^\[GNUPG:\] GOODSIG' "$2.status" &&
	    grep -q '^\[GNUPG:\] TRUST_FULLY' "$2.status"; then
		ok "$1"
	else
		not_ok "$1 (see $2.status)"
	fi
}

# gdecrypt WHAT IN OUT - gpgsm decrypts IN (base64 CMS)
gdecrypt() {
	$gpgsm --passphrase-fd 3 --assume-base64 --decrypt -o "$3" "$2" \
	    3< "$t/pass" > "$2.status" 2>&1
	if grep -q '^\[GNUPG:\] DECRYPTION_OKAY' "$2.status"; then
		ok "$1"
	else
		not_ok "$1 (see $2.status)"
	fi
}

body64 "$t/signed.eml" > "$t/g-signed.b64"
gverify "gpgsm verifies our labelled signed message" "$t/g-signed.b64" \
    "$t/g-signed.out"
same "gpgsm gives back the signed entity" "$t/g-signed.out"
body64 "$t/enc.eml" > "$t/g-enc.b64"
gdecrypt "gpgsm decrypts our encrypted message" "$t/g-enc.b64" \
    "$t/g-enc.out"
same "gpgsm gives back the encrypted entity" "$t/g-enc.out"
body64 "$t/triple.eml" > "$t/g-t1.b64"
gverify "gpgsm: triple-wrap, outer signature" "$t/g-t1.b64" "$t/g-t1"
body64 "$t/g-t1" > "$t/g-t2.b64"
gdecrypt "gpgsm: triple-wrap, the encrypted layer" "$t/g-t2.b64" "$t/g-t2"
body64 "$t/g-t2" > "$t/g-t3.b64"
gverify "gpgsm: triple-wrap, inner signature" "$t/g-t3.b64" "$t/g-t3"
same "gpgsm gives back the triple-wrapped entity" "$t/g-t3"

# --------------------------------------------------------------------
# Ours, read by mmhs-smime (what the agents' library makes of it)

"$smime" verify --ca "$ca" --crl "$t/crl.pem" -k "$t/bob.p12" \
    -p "$t/pass" -o "$t/m-t.out" < "$t/triple.eml" > "$t/m-t.txt" 2>&1
rc=$?
if [ $rc = 0 ] && grep -q '^result: verified' "$t/m-t.txt"; then
	ok "mmhs-smime verify opens the triple wrap (exit 0)"
else
	not_ok "mmhs-smime verify opens the triple wrap (exit $rc)"
fi
has "... layer 2 decrypted" "  status: decrypted" "$t/m-t.txt"
has "... the inner label's policy" "  label policy: $wl" "$t/m-t.txt"
has "... classification" "  label classification: 3" "$t/m-t.txt"
has "... category" "  label category: $wl.1" "$t/m-t.txt"
has "... receipt request" "receipt request: yes; receipts to: alice@" \
    "$t/m-t.txt"
has "... the label that counts is the inner one" \
    "label of the message: the one of layer 3" "$t/m-t.txt"
grep -v '^MIME-Version' "$t/m-t.out" > "$t/m-t.msg"
if sed '1,/^Content-Type/{/^Content-Type/!d}' "$t/m-t.msg" |
    cmp -s - "$t/entity" && grep -q '^Subject: t65 interop' "$t/m-t.msg"
then
	ok "verify -o writes the original message"
else
	not_ok "verify -o writes the original message ($t/m-t.out)"
fi

# --------------------------------------------------------------------
# Messages and receipts made by openssl cms, read by mmhs-smime

# omsg FILE - a message with openssl's S/MIME output as its entity
omsg() {
	printf '%s\r\n' "From: bob@t65.example" "To: alice@t65.example" \
	    "Subject: from openssl"
	cat "$1"
}
openssl cms -sign -nodetach -md sha256 -signer "$t/bob.pem" \
    -inkey "$t/bob.key" -in "$t/entity" -binary -receipt_request_all \
    -receipt_request_to bob@t65.example > "$t/os.p7" 2>/dev/null
omsg "$t/os.p7" > "$t/os.eml"
"$smime" verify --ca "$ca" --crl "$t/crl.pem" < "$t/os.eml" \
    > "$t/m-os.txt" 2>&1
rc=$?
[ $rc = 0 ] && ok "mmhs-smime verifies an openssl-signed message" ||
    not_ok "mmhs-smime verifies an openssl-signed message (exit $rc)"
has "... and reads openssl's receipt request" \
    "receipt request: yes; receipts to: bob@t65.example" "$t/m-os.txt"
has "... signer" "signer mail: bob@t65.example" "$t/m-os.txt"

openssl cms -sign -md sha256 -signer "$t/bob.pem" -inkey "$t/bob.key" \
    -in "$t/entity" > "$t/oc.p7" 2>/dev/null
omsg "$t/oc.p7" > "$t/oc.eml"
expect_rc "mmhs-smime verifies an openssl clear-signed message" 0 \
    "result: verified" "$smime" verify --ca "$ca" --crl "$t/crl.pem" \
    < "$t/oc.eml"

openssl cms -encrypt -aes256 -in "$t/entity" "$t/alice.pem" \
    > "$t/oe.p7" 2>/dev/null
omsg "$t/oe.p7" > "$t/oe.eml"
"$smime" decrypt -k "$t/alice.p12" -p "$t/pass" < "$t/oe.eml" \
    > "$t/m-oe.out" 2>"$t/m-oe.err"
if sed '1,/^Content-Type/{/^Content-Type/!d}' "$t/m-oe.out" |
    cmp -s - "$t/entity"; then
	ok "mmhs-smime decrypts an openssl-encrypted message"
else
	not_ok "mmhs-smime decrypts an openssl-encrypted message" \
	    "($(cat "$t/m-oe.err"))"
fi

# Signed receipts both ways: bob acknowledges alice's signed message.
"$smime" receipt -k "$t/bob.p12" -p "$t/pass" --ca "$ca" \
    --crl "$t/crl.pem" --from bob@t65.example < "$t/signed.eml" \
    > "$t/rcpt.eml" 2>"$t/rcpt.err"
has "mmhs-smime makes a signed receipt" "smime-type=signed-receipt" \
    "$t/rcpt.eml"
expect_rc "mmhs-smime verify-receipt accepts it" 0 "result: verified" \
    "$smime" verify-receipt --ca "$ca" --crl "$t/crl.pem" \
    --original "$t/signed.eml" < "$t/rcpt.eml"
openssl cms -cmsout -in "$t/rcpt.eml" -outform PEM -out "$t/rcpt.pem"
check "openssl cms -verify_receipt accepts our receipt" \
    openssl cms -verify_receipt "$t/rcpt.pem" -rctform PEM \
    -in "$t/signed.eml" -CAfile "$ca"
openssl cms -sign_receipt -in "$t/signed.eml" -signer "$t/bob.pem" \
    -inkey "$t/bob.key" -CAfile "$ca" > "$t/orcpt.p7" 2>"$t/orcpt.err"
omsg "$t/orcpt.p7" > "$t/orcpt.eml"
expect_rc "mmhs-smime verify-receipt accepts openssl's receipt" 0 \
    "result: verified" "$smime" verify-receipt --ca "$ca" \
    --crl "$t/crl.pem" --original "$t/signed.eml" < "$t/orcpt.eml"
expect_rc "a receipt for another message is refused" 1 "NOT verified" \
    "$smime" verify-receipt --ca "$ca" --crl "$t/crl.pem" \
    --original "$t/clear.eml" < "$t/rcpt.eml"

# --------------------------------------------------------------------
# tshark decodes our label in an SMTP session (text2pcap makes the pcap)

# hexpkt DIR FILE - FILE as one text2pcap packet, direction I or O
hexpkt() {
	od -An -tx1 -v -w16 "$2" |
	    awk -v d="$1" '{ printf "%s%06x%s\n", NR == 1 ? d " " : "",
		(NR - 1) * 16, $0 }'
}

# smtp_pcap MSG PCAP - a client (I, port 40000) sends MSG to a server
# (O, port 25); the message goes in TCP segments of 1400 bytes
smtp_pcap() {
	local msg=$1 txt=$2.txt s d p
	: > "$txt"
	for s in "O 220 mx.t65.example ESMTP" "I EHLO client.t65.example" \
	    "O 250 mx.t65.example" "I MAIL FROM:<alice@t65.example>" \
	    "O 250 2.1.0 Ok" "I RCPT TO:<bob@t65.example>" "O 250 2.1.5 Ok" \
	    "I DATA" "O 354 End data with <CR><LF>.<CR><LF>" DATA \
	    "O 250 2.0.0 Ok: queued" "I QUIT" "O 221 2.0.0 Bye"; do
		if [ "$s" = DATA ]; then
			{ sed 's/^\./../' "$msg"; printf '.\r\n'; } > "$t/p.bin"
			rm -f "$t/seg."*
			split -b 1400 -d -a 3 "$t/p.bin" "$t/seg."
			for p in "$t/seg."*; do
				hexpkt I "$p" >> "$txt"
			done
			continue
		fi
		d=${s%% *}
		printf '%s\r\n' "${s#* }" > "$t/p.bin"
		hexpkt "$d" "$t/p.bin" >> "$txt"
	done
	text2pcap -q -D -4 10.0.0.1,10.0.0.2 -T 40000,25 "$txt" "$2" \
	    >> "$t/commands.log" 2>&1
}

"$smime" sign -k "$t/alice.p12" -p "$t/pass" --label "$ex:3:$ex.1" \
    --privacy-mark "WESTLAND CONFIDENTIAL" --receipt-request \
    < "$t/msg.eml" > "$t/ts.eml"
smtp_pcap "$t/ts.eml" "$t/ts.pcap"
tshark -r "$t/ts.pcap" -V > "$t/ts.txt" 2>/dev/null
tshark -r "$t/ts.pcap" -T fields -E separator='|' \
    -e ess.security_policy_identifier -e ess.security_classification \
    -e ess.type_OID -e ess.pString -e ess.allOrFirstTier 2>/dev/null |
    grep -v '^|*$' > "$t/ts.fields"
if [ "$(cat "$t/ts.fields")" = \
    "$ex|3|$ex.1|WESTLAND CONFIDENTIAL|0" ]; then
	ok "tshark decodes our label: policy, class, category, mark; RR"
else
	not_ok "tshark decodes our label (got: $(cat "$t/ts.fields"))"
fi
has "tshark finds the ESSSecurityLabel in the SMTP DATA" \
    "ESSSecurityLabel" "$t/ts.txt"
if grep -qi "malformed" "$t/ts.txt"; then
	not_ok "tshark: nothing malformed ($(grep -i -m1 malformed "$t/ts.txt"))"
else
	ok "tshark: nothing malformed"
fi
tshark -r "$t/ts.pcap" -q -z expert > "$t/ts.expert" 2>/dev/null
if grep -qiE "warn|error" "$t/ts.expert"; then
	not_ok "tshark: no expert warnings ($(cat "$t/ts.expert"))"
else
	ok "tshark: no expert warnings or errors"
fi
# The national policy's OID (2.25.<UUID>) has an arc beyond 32 bits,
# which tshark 4.0 prints as "Malformed OID" (its OID code keeps 32-bit
# arcs): the classification must decode all the same.
smtp_pcap "$t/signed.eml" "$t/tn.pcap"
c=$(tshark -r "$t/tn.pcap" -T fields -e ess.security_classification \
    2>/dev/null | grep -v '^$')
[ "$c" = 3 ] && ok "tshark decodes the class of a national label" ||
    not_ok "tshark decodes the class of a national label (got \"$c\")"

# --------------------------------------------------------------------
# Refused by mmhs-smime, each with its reason

sed 's/40 per cent/90 per cent/' "$t/clear.eml" > "$t/tampered.eml"
expect_rc "tampered content: refused" 1 "status: bad signature" \
    "$smime" verify --ca "$ca" --crl "$t/crl.pem" \
    < "$t/tampered.eml"
expect_rc "wrong key: not decrypted" 1 "not decrypted" \
    "$smime" verify --ca "$ca" --crl "$t/crl.pem" -k "$t/carol.p12" \
    -p "$t/pass" \
    < "$t/triple.eml"
expect_rc "wrong key: decrypt refuses (exit 2)" 2 "decrypt:" \
    "$smime" decrypt -k "$t/carol.p12" -p "$t/pass" < "$t/enc.eml"
"$smime" sign -k "$t/mallory.p12" -p "$t/pass" --label "$label" \
    < "$t/msg.eml" > "$t/revoked.eml"
expect_rc "revoked signer: refused" 1 "status: revoked" \
    "$smime" verify --ca "$ca" --crl "$t/crl.pem" < "$t/revoked.eml"
openssl cms -sign -nodetach -signer "$t/mallory.pem" \
    -inkey "$t/mallory.key" -in "$t/entity" > "$t/orevoked.p7" 2>/dev/null
omsg "$t/orevoked.p7" > "$t/orevoked.eml"
expect_rc "revoked signer (signed by openssl): refused" 1 \
    "status: revoked" "$smime" verify --ca "$ca" --crl "$t/crl.pem" \
    < "$t/orevoked.eml"
check "... openssl agrees it is revoked (exit non-zero)" \
    sh -c "! openssl cms -verify -CAfile '$t/ca+crl.pem' -crl_check \
    -in '$t/orevoked.eml' -out /dev/null"
"$smime" sign -k "$t/old.p12" -p "$t/pass" < "$t/msg.eml" \
    > "$t/expired.eml" 2>/dev/null
expect_rc "expired signer: refused" 1 "status: expired" \
    "$smime" verify --ca "$ca" --crl "$t/crl.pem" < "$t/expired.eml"
expect_rc "unknown CA: refused" 1 "status: untrusted" \
    "$smime" verify --ca "$t/bob.pem" < "$t/signed.eml"
expect_rc "a plain message is not verified" 1 "not signed" \
    "$smime" verify --ca "$ca" < "$t/msg.eml"

# Bad input: a clear error, exit 2.
expect_rc "no input: exit 2" 2 "empty" "$smime" verify --ca "$ca" \
    < /dev/null
sed 's/^MII[A-Za-z]/!!!!/' "$t/signed.eml" > "$t/garbage.eml"
expect_rc "garbage CMS: exit 2" 2 "cannot be read" \
    "$smime" verify --ca "$ca" < "$t/garbage.eml"
expect_rc "a label that is not POLICY:CLASS: exit 2" 2 "--label" \
    "$smime" sign -k "$t/alice.p12" -p "$t/pass" --label "secret" \
    < "$t/msg.eml"
expect_rc "a classification above 256: exit 2" 2 "0..256" \
    "$smime" sign -k "$t/alice.p12" -p "$t/pass" --label "$wl:300" \
    < "$t/msg.eml"
expect_rc "a wrong pass phrase: exit 2" 2 "alice.p12" \
    "$smime" sign -k "$t/alice.p12" -p "$t/entity" < "$t/msg.eml"
expect_rc "an unknown command: exit 2" 2 "unknown command" \
    "$smime" frobnicate


# --------------------------------------------------------------------
# The agents, on a site with its PKI, take openssl's messages

site=$t/site
org="o=Joint Force Headquarters,o=Defence,c=XW"
owain="cn=Owain Eastwood,ou=People,$org"		# SECRET
tomos="cn=Tomos Inglis,ou=People,$org"		# SECRET, WEST. EYES ONLY
carys="cn=Carys Jessop,ou=People,$org"		# CONFIDENTIAL
dom=mod.westland.example
storectl=$builddir/agents/store/mmhs-storectl
site_start "$site" --pki --agents=store,mta ||
    { not_ok "site starts with its PKI (mmhs-site --pki)"; exit 1; }
ok "site starts with its PKI, the store and the mta"
keys=$MMHS_KEY_DIR
sca=$MMHS_CA_CERT
scrl=$MMHS_PKI_DIR/crl.pem

# pem_of ADDR - the key and certificate of ADDR from the site's key
# directory, as PEM for openssl cms (ADDR.key, ADDR.crt in $t)
pem_of() {
	openssl pkcs12 -in "$keys/$1.p12" -passin "file:$keys/passphrase" \
	    -nodes -nocerts -out "$t/$1.key" 2>/dev/null &&
	openssl pkcs12 -in "$keys/$1.p12" -passin "file:$keys/passphrase" \
	    -clcerts -nokeys -out "$t/$1.crt" 2>/dev/null
}

# smsg NAME SUBJECT - a message from Owain to Tomos and Carys, its entity
# in NAME.ent and its header in NAME.hdr
smsg() {
	printf '%s\r\n' "From: Owain Eastwood <owain.eastwood@$dom>" \
	    "To: tomos.inglis@$dom, carys.jessop@$dom" "Subject: $2" \
	    "Message-ID: <$1.$$@t65.test>" "Date: $(date -R)" \
	    "MMHS-Primary-Precedence: 3" > "$t/$1.hdr"
	printf '%s\r\n' "Content-Type: text/plain; charset=us-ascii" "" \
	    "Body of $2." > "$t/$1.ent"
}

# osign NAME SIGNER [openssl cms options] - NAME.eml signed by openssl
osign() {
	local n=$1 who=$2
	shift 2
	openssl cms -sign -nodetach -md sha256 -signer "$t/$who.crt" \
	    -inkey "$t/$who.key" -in "$t/$n.ent" "$@" > "$t/$n.p7" \
	    2>>"$t/commands.log" && cat "$t/$n.hdr" "$t/$n.p7" > "$t/$n.eml"
}

# submit NAME RCPT... - swaks submission as owain.eastwood; the
# transcript in NAME.swaks; 0 when the message was accepted
submit() {
	local n=$1 to
	shift
	to=$(IFS=,; echo "$*")
	swaks --server "127.0.0.1:$MMHS_MTA_SUBMIT_PORT" --tls \
	    -au owain.eastwood -ap Westland-Demo-1 \
	    --from "owain.eastwood@$dom" --to "$to" \
	    --data "$t/$n.eml" > "$t/$n.swaks" 2>&1
}

# in_box DN SUBJECT - the mailbox of DN has a message with SUBJECT
in_box() {
	"$storectl" -d "$MMHS_STORE_DIR" list "$1" --limit 1000 2>/dev/null |
	    grep -qF -- "$2"
}

# wait_box DN SUBJECT - poll (at most ~40 s) until it is there
wait_box() {
	local i
	for i in $(seq 1 200); do
		in_box "$1" "$2" && return 0
		sleep 0.2
	done
	return 1
}

# raw_of DN SUBJECT FILE - the stored bytes of that message
raw_of() {
	local id
	id=$("$storectl" -d "$MMHS_STORE_DIR" list "$1" --limit 1000 |
	    awk -v s="$2" 'index($0, s) { print $1; exit }')
	"$storectl" -d "$MMHS_STORE_DIR" raw "$1" "$id" > "$3"
}

# refused NAME TEXT RCPT... - submission refused, the reply has TEXT
refused() {
	local n=$1 text=$2
	shift 2
	if submit "$n" "$@"; then
		not_ok "$n: accepted, should be refused for \"$text\""
	elif grep -qiE "^<[~*]* *5[0-9][0-9][ -].*$text" "$t/$n.swaks"; then
		ok "$n: refused ($(grep -m1 -E '^<[~*]* *5[0-9][0-9]' \
		    "$t/$n.swaks" | sed 's/^<[~*]* *//'))"
	else
		not_ok "$n: no 5xx reply with \"$text\" (see $t/$n.swaks)"
	fi
}

# probe WHAT SIGNER TEXT - poll (at most ~40 s) until the agents' caches
# follow a directory change: signed probe messages until the MTA refuses
# one with TEXT (probes sent before that may be delivered; they are not
# looked at)
probe() {
	local i
	for i in $(seq 1 100); do
		smsg probe "t65 probe $i"
		osign probe "$2"
		if ! submit probe "tomos.inglis@$dom" &&
		    grep -qiE "^<[~*]* *5[0-9][0-9][ -].*$3" "$t/probe.swaks"
		then
			return 0
		fi
		sleep 0.4
	done
	not_ok "$1 (the agents never refused a probe with \"$3\")"
	return 1
}

# api USER PATH [curl args] - the store's HTTPS API as USER
api() {
	local user=$1 path=$2
	shift 2
	curl -s --cacert "$MMHS_TLS_CA" -u "$user:Westland-Demo-1" "$@" \
	    "https://127.0.0.1:$MMHS_STORE_HTTP_PORT/api/v1$path"
}

# receipt_round NAME SUBJECT - Tomos's store shows the signature as
# good, Tomos reads the message, the store's signed receipt reaches
# Owain and openssl cms -verify_receipt accepts it for NAME.eml
receipt_round() {
	local id mb=tomos.inglis%40$dom
	id=$("$storectl" -d "$MMHS_STORE_DIR" list "$tomos" --limit 1000 |
	    awk -v s="$2" 'index($0, s) { print $1; exit }')
	api tomos.inglis "/mailboxes/$mb/messages/$id" > "$t/$1.json"
	if jq -e --arg s "$ow" '.security.signature == "ok" and
	    .security.signer == $s' "$t/$1.json" >/dev/null; then
		ok "... the store's API: signature ok, signer Owain"
	else
		not_ok "... the store's API shows the signature ($t/$1.json)"
	fi
	api tomos.inglis "/mailboxes/$mb/messages/$id/flags" -o /dev/null \
	    -H 'Content-Type: application/json' -d '{"add":["seen"]}'
	if ! wait_box "$owain" "Signed receipt: $2"; then
		not_ok "... Tomos reads it: a signed receipt reaches Owain"
		return
	fi
	ok "... Tomos reads it: a signed receipt reaches Owain"
	raw_of "$owain" "Signed receipt: $2" "$t/$1.rcpt"
	openssl cms -cmsout -in "$t/$1.rcpt" -outform PEM \
	    -out "$t/$1.rcpt.pem" 2>>"$t/commands.log"
	check "... openssl cms -verify_receipt accepts the store's receipt" \
	    openssl cms -verify_receipt "$t/$1.rcpt.pem" -rctform PEM \
	    -in "$t/$1.eml" -CAfile "$sca"
}

ow=owain.eastwood@$dom
if pem_of "$ow" && pem_of "tomos.inglis@$dom" && [ -s "$scrl" ]; then
	ok "the site's keys and CRL are where site.env says"
else
	not_ok "the site's keys ($keys) and CRL ($scrl)"
	exit 1
fi

# 1. signed by openssl, with a receipt request: delivered, intact
smsg os1 "t65 openssl signed"
osign os1 "$ow" -receipt_request_all -receipt_request_to "$ow"
check "openssl-signed (receipt request) is accepted" \
    submit os1 "tomos.inglis@$dom"
if wait_box "$tomos" "t65 openssl signed"; then
	ok "... delivered to Tomos"
	raw_of "$tomos" "t65 openssl signed" "$t/os1.got"
	expect_rc "... the stored copy verifies against the site's CA" 0 \
	    "receipt request: yes" "$smime" verify --ca "$sca" \
	    --crl "$scrl" < "$t/os1.got"
	receipt_round os1 "t65 openssl signed"
else
	not_ok "... delivered to Tomos"
fi

# 2. encrypted by openssl for Tomos (and signed inside): delivered
smsg oe1 "t65 openssl encrypted"
osign oe1 "$ow"
openssl cms -encrypt -aes256 -in "$t/oe1.p7" "$t/tomos.inglis@$dom.crt" \
    > "$t/oe1.enc" 2>>"$t/commands.log"
cat "$t/oe1.hdr" "$t/oe1.enc" > "$t/oe1.eml"
check "openssl-encrypted (signed inside) is accepted" \
    submit oe1 "tomos.inglis@$dom"
if wait_box "$tomos" "t65 openssl encrypted"; then
	ok "... delivered to Tomos"
	raw_of "$tomos" "t65 openssl encrypted" "$t/oe1.got"
	expect_rc "... Tomos opens it with his key" 0 "result: verified" \
	    "$smime" verify --ca "$sca" --crl "$scrl" \
	    -k "$keys/tomos.inglis@$dom.p12" -p "$keys/passphrase" \
	    < "$t/oe1.got"
else
	not_ok "... delivered to Tomos"
fi

# 3. tampered in transit: refused
smsg ot1 "t65 openssl tampered"
openssl cms -sign -md sha256 -signer "$t/$ow.crt" -inkey "$t/$ow.key" \
    -in "$t/ot1.ent" > "$t/ot1.p7" 2>>"$t/commands.log"
cat "$t/ot1.hdr" "$t/ot1.p7" | sed 's/^Body of/BODY OF/' > "$t/ot1.eml"
refused ot1 "signature|tamper" "tomos.inglis@$dom"

# 4. a label above a recipient's clearance: SECRET for Carys
# (CONFIDENTIAL) is not delivered to her, but to Tomos
smsg ol1 "t65 secret label"
{ cat "$t/ol1.hdr" "$t/ol1.ent"; } | "$smime" sign -k "$keys/$ow.p12" \
    -p "$keys/passphrase" --label "$wl:4" > "$t/ol1.eml"
if submit ol1 "tomos.inglis@$dom" "carys.jessop@$dom"; then
	wait_box "$tomos" "t65 secret label" &&
	    ok "SECRET label: delivered to Tomos (SECRET)" ||
	    not_ok "SECRET label: delivered to Tomos (SECRET)"
	if wait_box "$owain" "t65 secret label"; then
		raw_of "$owain" "t65 secret label" "$t/ol1.dsn"
		has "... a DSN tells Owain why Carys did not get it" \
		    "clearance" "$t/ol1.dsn"
	else
		not_ok "... a DSN about Carys comes back to Owain"
	fi
else
	has "SECRET label: Carys refused at submission, with the reason" \
	    "clearance" "$t/ol1.swaks"
fi
in_box "$carys" "t65 secret label" &&
    not_ok "... Carys (CONFIDENTIAL) has it" ||
    ok "... nothing delivered to Carys (CONFIDENTIAL)"

# 5. the site requires a label: an unlabelled signed message is refused
ldap_admin ldapmodify >> "$t/commands.log" 2>&1 <<EOL
dn: cn=mod-main,ou=MMHS,c=XW
changetype: modify
replace: mmhsRequireLabel
mmhsRequireLabel: TRUE
EOL
probe "the MTA follows mmhsRequireLabel" "$ow" "label"
smsg on1 "t65 no label"
osign on1 "$ow"
refused on1 "label" "tomos.inglis@$dom"
ldap_admin ldapmodify >> "$t/commands.log" 2>&1 <<EOL
dn: cn=mod-main,ou=MMHS,c=XW
changetype: modify
delete: mmhsRequireLabel
EOL

# 6. expired: a certificate of the site's CA valid 2020 only
openssl pkcs12 -in "$MMHS_PKI_DIR/ca.p12" -passin \
    "file:$MMHS_PKI_DIR/ca.pass" -nodes -nocerts -out "$t/sca.key" \
    2>>"$t/commands.log"
openssl req -new -newkey rsa:2048 -nodes -keyout "$t/exp.key" \
    -subj "/CN=Owain Eastwood" -out "$t/exp.csr" 2>/dev/null
mkdir -p "$t/sca/new"
: > "$t/sca/index.txt"
echo 7000 > "$t/sca/serial"
sed -e "s|^dir = .*|dir = $t/sca|" \
    -e "s|^certificate = .*|certificate = $sca|" \
    -e "s|^private_key = .*|private_key = $t/sca.key|" "$t/ca.cnf" \
    > "$t/sca.cnf"
T65_MAIL=$ow openssl ca -batch -config "$t/sca.cnf" -in "$t/exp.csr" \
    -out "$t/exp.crt" -notext -startdate 20200101000000Z \
    -enddate 20210101000000Z 2>>"$t/commands.log"
smsg ox1 "t65 expired signer"
osign ox1 exp
refused ox1 "expired" "tomos.inglis@$dom"

# 7. revoked: Owain's certificate is revoked, the CRL published; his
# next openssl-signed message is refused and not delivered
serial=$(openssl x509 -in "$t/$ow.crt" -noout -serial | sed 's/.*=//')
if "$builddir/agents/ca/mmhs-ca" -d "$MMHS_PKI_DIR" revoke \
    --for "$owain" >> "$t/commands.log" 2>&1 &&
    "$builddir/agents/ca/mmhs-ca" -d "$MMHS_PKI_DIR" crl \
    >> "$t/commands.log" 2>&1; then
	ok "mmhs-ca revokes Owain's certificate ($serial), CRL published"
else
	not_ok "mmhs-ca revokes Owain's certificate"
fi
probe "the MTA follows the new CRL" "$ow" "revoked"
smsg or1 "t65 revoked signer"
osign or1 "$ow"
refused or1 "revoked" "tomos.inglis@$dom"
in_box "$tomos" "t65 revoked signer" &&
    not_ok "... Tomos has the revoked signer's message" ||
    ok "... nothing delivered from the revoked signer"
