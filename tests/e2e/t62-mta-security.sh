#!/bin/bash
# t62-mta-security - mmhs-mta enforces labels and signatures.
#
# On the site runner with its PKI (mmhs-site start --pki: slapd, the
# store and the MTA, a key and certificate per holder): authenticated
# submissions sent with swaks are refused with their 5.7.x reason when
# the label is above the sender's clearance (SIO-Label field, and a
# signed ESS label made with mmhs-smime), the signature fails (tampered,
# signer revoked with mmhs-ca, expired signer, self-signed signer), the
# signer is not the sender, or the directory's requirements
# (mmhsRequireSignature on the policy, mmhsRequireLabel on the site)
# are not met; nothing of those is queued, and each refusal has a
# tracking line "refused" with its reason.  Accepted ones are
# delivered.  A peer MTA whose mmhsDomainCeiling is below the label
# gets nothing: the recipient bounces with a DSN whose Diagnostic-Code
# says why, while a message within its ceiling is relayed to it.
. "$srcdir/tests/e2e/common.sh"

site=$testdir/site
ca=$testdir/ca
peer=$srcdir/tests/e2e/data/mta-peer.py
smime=$builddir/agents/smime/mmhs-smime
storectl=$builddir/agents/store/mmhs-storectl
base="cn=mod-main,ou=MMHS,c=XW"
policy="cn=Westland National Policy,ou=Security Policies,ou=MMHS,c=XW"
pol=2.25.59028202126315117165413111612054445617.6.1
dom=mod.westland.example
mmhs_ca=$builddir/agents/ca/mmhs-ca
anwen_dn="cn=Anwen Lacey,ou=People,o=MMHS Test Cell,o=Defence,c=XW"
rcpt=rhodri.ashdown@$dom		# TOP SECRET, for deliveries
pids=""
n=0

trap 'for p in $pids; do kill "$p" 2>/dev/null; done; finish; exit $?' EXIT

# wait_for SECONDS CMD... - poll until CMD succeeds; 1 when it never did
wait_for() {
	local i=$(( $1 * 5 ))
	shift
	while [ $i -gt 0 ]; do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.2
		i=$((i - 1))
	done
	return 1
}

ldmod() {
	ldap_admin ldapmodify >> "$testdir/commands.log" 2>&1
}

# --- the PKI: the site's (mmhs-site --pki), and mmhs-ca -------------------

# key ADDR - the PKCS#12 of ADDR in the site's key directory
key() {
	echo "$MMHS_KEY_DIR/$1.p12"
}

# signer NAME ADDR - NAME.pem of $ca: ADDR's key and certificate as the
# site issued them, for openssl cms -sign
signer() {
	openssl pkcs12 -in "$(key "$2")" -passin "file:$MMHS_KEY_DIR/passphrase" \
	    -nodes -out "$ca/$1.pem" 2>> "$testdir/openssl.log"
}

# ca_cmd ARGS... - mmhs-ca on the site's CA
ca_cmd() {
	"$mmhs_ca" -d "$MMHS_PKI_DIR" "$@" >> "$testdir/commands.log" 2>&1
}

# retire_anwen - anwen's first certificate and key kept as
# anwen-revoked.pem, then renewed (new key and certificate in the entry
# and the key directory); the old one is still valid until revoked
retire_anwen() {
	signer anwen-revoked "anwen.lacey@$dom" &&
	ca_cmd renew --for "$anwen_dn" &&
	signer anwen "anwen.lacey@$dom" &&
	! cmp -s "$ca/anwen.pem" "$ca/anwen-revoked.pem"
}

# expired_anwen - a certificate of the site CA for anwen that expired in
# 2020, for her current key.  mmhs-ca issues from now only, so
# openssl's ca command signs it with the CA's key, with the extensions
# mmhs-ca gives
expired_anwen() {
	local d=$ca/expired
	mkdir -p "$d" && : > "$d/index" &&
	openssl rand -hex 16 | sed 's/^./4/' > "$d/serial" || return 1
	openssl pkcs12 -in "$MMHS_PKI_DIR/ca.p12" -nocerts -nodes \
	    -passin "file:$MMHS_PKI_DIR/ca.pass" -out "$d/ca.key" \
	    2>> "$testdir/openssl.log" || return 1
	printf '%s\n' '[ ca ]' 'default_ca = x' '[ x ]' "database = $d/index" \
	    "serial = $d/serial" "new_certs_dir = $d" 'default_md = sha256' \
	    'policy = any' 'unique_subject = no' 'x509_extensions = ee' \
	    '[ any ]' \
	    'commonName = supplied' '[ ee ]' 'basicConstraints = CA:FALSE' \
	    'keyUsage = digitalSignature, nonRepudiation, keyEncipherment' \
	    'extendedKeyUsage = emailProtection' \
	    "subjectAltName = email:anwen.lacey@$dom" \
	    'subjectKeyIdentifier = hash' 'authorityKeyIdentifier = keyid' \
	    > "$d/ca.cnf"
	openssl req -new -key "$ca/anwen.pem" -subj "/CN=Anwen Lacey" \
	    -out "$d/req.pem" 2>> "$testdir/openssl.log" &&
	openssl ca -batch -config "$d/ca.cnf" \
	    -cert "$MMHS_CA_CERT" -keyfile "$d/ca.key" -in "$d/req.pem" \
	    -startdate 20200101000000Z -enddate 20200201000000Z \
	    -out "$d/cert.pem" >> "$testdir/openssl.log" 2>&1 &&
	openssl pkey -in "$ca/anwen.pem" | cat "$d/cert.pem" - \
	    > "$ca/anwen-expired.pem" &&
	rm -f "$d/ca.key"
}

# site_ca - the site entry names the CA of mmhs-site --pki, whose
# certificate and CRL are there
site_ca() {
	ldap_admin ldapsearch -LLL -o ldif-wrap=no -b "$base" -s base \
	    mmhsTrustedCA | grep -q '^mmhsTrustedCA: cn=Westland MMHS CA,' &&
	openssl crl -in "$MMHS_PKI_DIR/crl.pem" -CAfile "$MMHS_CA_CERT" \
	    -noout 2>&1 | grep -q 'verify OK'
}

# rogue - a self-signed certificate for anwen's address: no CA the site
# trusts certified it
rogue() {
	openssl req -x509 -newkey rsa:2048 -nodes -keyout "$ca/rogue.key" \
	    -out "$ca/rogue.pem" -days 30 \
	    -subj "/CN=rogue/emailAddress=anwen.lacey@$dom" \
	    -addext "subjectAltName=email:anwen.lacey@$dom" \
	    2>> "$testdir/openssl.log" &&
	cat "$ca/rogue.key" >> "$ca/rogue.pem"
}

# --- messages -----------------------------------------------------------

# header ID [SIO-MARKING] [FROM] - the header fields of message ID
header() {
	printf 'From: %s\r\nTo: %s\r\nSubject: t62 %s\r\n' \
	    "${3:-anwen.lacey@$dom}" "$rcpt" "$1"
	printf 'Message-ID: <%s@t62.test>\r\nDate: %s\r\n' "$1" "$(date -R)"
	[ -z "$2" ] || printf 'SIO-Label: marking="%s"\r\n' "$2"
}

# plain ID [SIO-MARKING] - an unsigned message
plain() {
	header "$@"
	printf 'MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n'
	printf 'body of %s\r\n' "$1"
}

# signed KEY ID [SIO-MARKING] - signed by KEY with openssl cms
signed() {
	local key=$1
	shift
	printf 'Content-Type: text/plain\r\n\r\nbody of %s\r\n' "$1" \
	    > "$ca/entity"
	header "$@"
	openssl cms -sign -signer "$ca/$key.pem" \
	    -md sha256 -crlfeol -in "$ca/entity" 2>> "$testdir/openssl.log"
}

# swaks marks the server's lines "<-" ("<~" under TLS), errors "<**"
# ("<~*")
ok_re='^<[-~] +250 .*queued'
err_re='^<(\*\*|~\*) '

# submit USER FILE [RCPT] - swaks with AUTH; prints swaks' transcript
submit() {
	swaks --server "127.0.0.1:$MMHS_MTA_SUBMIT_PORT" --tls \
	    -au "$1" -ap Westland-Demo-1 --from "$1@$dom" \
	    --to "${3:-$rcpt}" --data "$2" 2>&1 | tee -a "$testdir/swaks.log"
}

# tracked EVENT ID [TEXT] - a tracking line of the MTA for message ID
tracked() {
	grep "agent=mta event=$1 " "$MMHS_TRACK_LOG" |
	    grep -F "msgid=<$2@t62.test>" | grep -qF -- "${3:-}"
}

# refused WHAT USER FILE ID TEXT - refused at DATA with TEXT, nothing
# queued, a tracking line with the reason
refused() {
	local what=$1 out
	out=$(submit "$2" "$3")
	if ! grep -Eq "$err_re"' *5[0-9][0-9] 5\.7\.[0-9]' <<<"$out"; then
		not_ok "$what: not refused with 5.7.x: $(grep '^<' <<<"$out" |
		    tail -n 2 | tr '\n' ' ')"
	elif ! grep -F -- "$5" <<<"$out" | grep -Eq "$err_re"; then
		not_ok "$what: refused but without \"$5\": $(grep -E "$err_re" \
		    <<<"$out")"
	elif tracked received "$4"; then
		not_ok "$what: refused but queued"
	elif ! tracked refused "$4" "reason="; then
		not_ok "$what: no tracking line event=refused with a reason"
	else
		ok "$what"
	fi
}

# accepted WHAT USER FILE ID - 250 and delivered
accepted() {
	local what=$1 out
	out=$(submit "$2" "$3")
	if ! grep -Eq "$ok_re" <<<"$out"; then
		not_ok "$what: not accepted: $(grep '^<' <<<"$out" |
		    tail -n 2 | tr '\n' ' ')"
	elif ! wait_for 20 tracked delivered "$4"; then
		not_ok "$what: accepted but not delivered"
	else
		ok "$what"
	fi
}

# probe ID - a good signed message is taken: the MTA's cache has the PKI
probe() {
	signed anwen "$1" "WESTLAND SECRET" > "$testdir/$1.eml"
	submit anwen.lacey "$testdir/$1.eml" | grep -Eq "$ok_re"
}

# until_refused SECONDS FILE TEXT - resubmit (the directory change
# reaches the MTA's cache asynchronously) until refused with TEXT
until_refused() {
	local i=$(( $1 * 2 ))
	while [ $i -gt 0 ]; do
		submit anwen.lacey "$2" | grep -E "$err_re" | grep -qF -- "$3" &&
		    return 0
		sleep 0.5
		i=$((i - 1))
	done
	return 1
}

# --- the site -----------------------------------------------------------

for b in agents/mta/mmhs-mta agents/store/mmhs-store agents/ca/mmhs-ca; do
	[ -x "$builddir/$b" ] || { not_ok "$b is not built"; exit 1; }
done
site_start "$site" --pki --agents=store,mta ||
    { not_ok "site with its PKI starts"; exit 1; }
ok "site with its PKI, the store and the MTA"
# The peer MTA of the relay tests, set up first: the MTA's cache has
# its address and ceiling long before they are used.
port=$("$MMHS_SITE" free-port)
mkdir -p "$testdir/mta-a"
python3 "$peer" "$port" "$testdir/mta-a" >> "$testdir/peers.log" 2>&1 &
pids="$pids $!"
ldmod <<EOF
dn: cn=mta-a,cn=dlo,ou=MMHS,c=XW
changetype: modify
replace: mmhsListen
mmhsListen: smtp smtp://127.0.0.1:$port
-
replace: mmhsDomainCeiling
mmhsDomainCeiling: $pol\$CONFIDENTIAL
EOF

check "the site entry trusts the site's CA, which has a CRL" site_ca
mkdir -p "$ca"
check "keys of anwen.lacey and carys.jessop from the site's PKI" \
    signer carys "carys.jessop@$dom"
check "anwen.lacey's certificate renewed with mmhs-ca, the old one kept" \
    retire_anwen
check "an expired certificate of the site CA for anwen.lacey" expired_anwen
check "a self-signed certificate for anwen.lacey's address" rogue

n=$((n + 1))
if wait_for 20 probe "probe-$n"; then
	ok "a signed message within the sender's clearance is accepted"
else
	not_ok "the MTA never accepted a good signed message"
fi
check "... and delivered" wait_for 20 tracked delivered "probe-$n"

# --- clearance ----------------------------------------------------------

plain over-sio "WESTLAND SECRET" "carys.jessop@$dom" > "$testdir/over-sio.eml"
refused "SIO-Label above the sender's clearance" carys.jessop \
    "$testdir/over-sio.eml" over-sio "Label above the clearance of carys.jessop"

if [ -x "$smime" ]; then
	plain over-ess "" "carys.jessop@$dom" |
	    "$smime" sign -k "$(key "carys.jessop@$dom")" \
	    -p "$MMHS_KEY_DIR/passphrase" --label "$pol:4" \
	    > "$testdir/over-ess.eml" 2>> "$testdir/commands.log"
	refused "signed ESS label above the sender's clearance" carys.jessop \
	    "$testdir/over-ess.eml" over-ess "Label above the clearance of carys.jessop"
else
	ok "# SKIP mmhs-smime not built: no signed ESS label"
fi

plain within "WESTLAND CONFIDENTIAL" "carys.jessop@$dom" > "$testdir/within.eml"
accepted "SIO-Label within the sender's clearance" carys.jessop \
    "$testdir/within.eml" within

# --- signatures ---------------------------------------------------------

signed carys not-sender "WESTLAND SECRET" > "$testdir/not-sender.eml"
refused "signed by someone else than the sender" anwen.lacey \
    "$testdir/not-sender.eml" not-sender "Signed by <carys.jessop@$dom>, not by the sender"

signed anwen tampered "WESTLAND SECRET" |
    sed 's/^body of tampered/body of TAMPERED/' > "$testdir/tampered.eml"
refused "tampered content" anwen.lacey "$testdir/tampered.eml" tampered \
    "5.7.7 Signature not accepted"

signed rogue rogue "WESTLAND SECRET" > "$testdir/rogue.eml"
refused "signer certified by no CA the site trusts" anwen.lacey \
    "$testdir/rogue.eml" rogue "5.7.5 Signature not accepted (untrusted)"

signed anwen-expired expired "WESTLAND SECRET" > "$testdir/expired.eml"
refused "expired signer" anwen.lacey "$testdir/expired.eml" expired \
    "5.7.5 Signature not accepted (expired)"

check "anwen.lacey's old certificate revoked with mmhs-ca, the CRL published" \
    ca_cmd revoke "$(openssl x509 -in "$ca/anwen-revoked.pem" -noout \
    -serial | cut -d= -f2)" --reason superseded
signed anwen-revoked revoked "WESTLAND SECRET" > "$testdir/revoked.eml"
wait_for 20 until_refused 1 "$testdir/revoked.eml" "revoked"
refused "revoked signer" anwen.lacey "$testdir/revoked.eml" revoked \
    "5.7.5 Signature not accepted (revoked)"

# --- the directory's requirements ---------------------------------------

ldmod <<EOF
dn: $policy
changetype: modify
replace: mmhsRequireSignature
mmhsRequireSignature: SECRET
EOF
plain unsigned "WESTLAND SECRET" > "$testdir/unsigned.eml"
wait_for 20 until_refused 1 "$testdir/unsigned.eml" "security policy"
refused "unsigned SECRET where the policy requires signing from SECRET" \
    anwen.lacey "$testdir/unsigned.eml" unsigned "refused by the security policy"
plain unsigned-low "WESTLAND CONFIDENTIAL" > "$testdir/unsigned-low.eml"
accepted "unsigned CONFIDENTIAL under that policy" anwen.lacey \
    "$testdir/unsigned-low.eml" unsigned-low
ldmod <<EOF
dn: $policy
changetype: modify
delete: mmhsRequireSignature
EOF

ldmod <<EOF
dn: $base
changetype: modify
replace: mmhsRequireLabel
mmhsRequireLabel: TRUE
EOF
plain unlabelled > "$testdir/unlabelled.eml"
wait_for 20 until_refused 1 "$testdir/unlabelled.eml" "security policy"
refused "unlabelled where the site requires a label" anwen.lacey \
    "$testdir/unlabelled.eml" unlabelled "refused by the security policy"
plain labelled "WESTLAND RESTRICTED" > "$testdir/labelled.eml"
accepted "labelled, where the site requires a label" anwen.lacey \
    "$testdir/labelled.eml" labelled
ldmod <<EOF
dn: $base
changetype: modify
delete: mmhsRequireLabel
EOF

# --- relay to a peer MTA below the label ---------------------------------

# relayed ID - the peer holds message ID
relayed() {
	grep -qlF "<$1@t62.test>" "$testdir/mta-a"/* 2>/dev/null
}

# dsn_for ID TEXT - anwen's mailbox has a failure DSN about ID whose
# Diagnostic-Code has TEXT
dsn_for() {
	local i
	for i in $("$storectl" -d "$MMHS_STORE_DIR" list "$anwen_dn" \
	    --limit 1000 2>/dev/null | awk 'NR > 1 { print $1 }'); do
		"$storectl" -d "$MMHS_STORE_DIR" raw "$anwen_dn" "$i" \
		    > "$testdir/dsn.eml" 2>/dev/null || continue
		grep -qF "<$1@t62.test>" "$testdir/dsn.eml" || continue
		grep -q '^Action: failed' "$testdir/dsn.eml" &&
		    tr -d '\r' < "$testdir/dsn.eml" |
		    sed -n '/^Diagnostic-Code:/,/^[^ \t]/p' | tr -d '\n\t' |
		    grep -qF -- "$2" && return 0
	done
	return 1
}

rcpt=ops@dlo.westland.example
plain relay-low "WESTLAND CONFIDENTIAL" > "$testdir/relay-low.eml"
out=$(submit anwen.lacey "$testdir/relay-low.eml")
if wait_for 30 relayed relay-low; then
	ok "CONFIDENTIAL is relayed to the peer with a CONFIDENTIAL ceiling"
else
	not_ok "CONFIDENTIAL never reached the peer: $(grep '^<' <<<"$out" |
	    tail -n 1)"
fi

plain relay-high "WESTLAND SECRET" > "$testdir/relay-high.eml"
out=$(submit anwen.lacey "$testdir/relay-high.eml")
check "SECRET to the peer's domain is accepted at submission" \
    grep -Eq "$ok_re" <<<"$out"
check "... refused for the peer (tracking: refused, hop, reason)" \
    wait_for 30 tracked refused relay-high 'hop="cn=mta-a,cn=dlo'
check "... the recipient bounced" wait_for 10 tracked bounced relay-high
check "... a failure DSN whose Diagnostic-Code names the ceiling" \
    wait_for 30 dsn_for relay-high "above the ceiling of cn=mta-a"
if relayed relay-high; then
	not_ok "... and nothing reached the peer"
else
	ok "... and nothing reached the peer"
fi
