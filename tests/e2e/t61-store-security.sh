#!/bin/bash
# t61-store-security - the store's security check at delivery and its
# signed receipts, on the sample site with its PKI (mmhs-site --pki):
# messages signed with mmhs-smime (ESS labels, receipt requests) go to
# the store's LMTP listener; a signed, labelled one is filed with its
# label; one labelled above the mailbox's clearance, a tampered one, one
# by a revoked signer, one whose SIO-Label contradicts its signed label
# and an unsigned SECRET one once the policy requires signatures are
# refused with 550 5.7.1 and the reason (and, through the MTA, a DSN that
# says why); the API shows what protects a message; when the reader marks
# a message seen, a signed receipt reaches the originator's mailbox and
# verifies with openssl cms -verify_receipt against the original; no key,
# no receipt, and the tracking log says why.
. "$srcdir/tests/e2e/common.sh"

site=$testdir/site
org="o=Joint Force Headquarters,o=Defence,c=XW"
ops="cn=Operations Officer,$org"
owain="cn=Owain Eastwood,ou=People,$org"
rhodri="cn=Rhodri Ashdown,ou=People,$org"
dafydd="cn=Dafydd Kendrick,ou=People,$org"
policy="cn=Westland National Policy,ou=Security Policies,ou=MMHS,c=XW"
cadn="cn=Westland MMHS CA,ou=PKI,ou=MMHS,c=XW"
NAT=2.25.59028202126315117165413111612054445617.6.1
dom=mod.westland.example
storectl=$builddir/agents/store/mmhs-storectl
smime=$builddir/agents/smime/mmhs-smime
ca=$builddir/agents/ca/mmhs-ca
watch=$builddir/tests/tools/mmhs-cachewatch

for b in agents/store/mmhs-store agents/smime/mmhs-smime agents/ca/mmhs-ca \
    tests/tools/mmhs-cachewatch; do
	if [ ! -x "$builddir/$b" ]; then
		not_ok "$b is not built"
		exit 1
	fi
done
site_start "$site" --pki --agents=store,mta || { not_ok "site starts"; exit 1; }
ok "site starts with its PKI, the store and the mta"
run=$$

# api USER PATH [curl args] - the store's API as USER
api() {
	local user=$1 path=$2
	shift 2
	curl -s --cacert "$MMHS_TLS_CA" -u "$user:Westland-Demo-1" "$@" \
	    "https://127.0.0.1:$MMHS_STORE_HTTP_PORT/api/v1$path"
}

# wait_for WHAT CMD... - poll (at most ~60 s) until CMD succeeds
wait_for() {
	local what=$1 i
	shift
	for i in $(seq 1 300); do
		if "$@" >/dev/null 2>&1; then
			ok "$what"
			return 0
		fi
		sleep 0.2
	done
	not_ok "$what (never happened: $*)"
	return 1
}

# msg NAME FROM TO SUBJECT [SIO-LABEL] - a plain message in $testdir/NAME
msg() {
	{
		printf 'From: %s\r\nTo: %s\r\nSubject: %s\r\n' "$2" "$3" "$4"
		printf 'Message-ID: <%s.%s@%s>\r\n' "$1" "$run" "$dom"
		printf 'Date: Sun, 29 Nov 2026 10:00:00 +0000\r\n'
		[ -z "${5:-}" ] || printf 'SIO-Label: marking="%s"\r\n' "$5"
		printf 'MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n'
		printf 'Move the reserve to the northern crossing by 1800.\r\n'
	} > "$testdir/$1.eml"
}

# sign NAME UID [mmhs-smime sign options] - $testdir/NAME.eml signed by
# UID's key into $testdir/NAME.p7m
sign() {
	local name=$1 uid=$2
	shift 2
	"$smime" sign -k "$MMHS_KEY_DIR/$uid@$dom.p12" \
	    -p "$MMHS_KEY_DIR/passphrase" "$@" < "$testdir/$name.eml" \
	    > "$testdir/$name.p7m" 2>> "$testdir/commands.log"
}

# lmtp NAME FILE FROM TO - deliver FILE to the store; swaks' dialogue in
# $testdir/NAME.lmtp
lmtp() {
	swaks --protocol LMTP --server "127.0.0.1:$MMHS_STORE_LMTP_PORT" \
	    --from "$3" --to "$4" --data "$2" > "$testdir/$1.lmtp" 2>&1
}

# delivered WHAT NAME - the LMTP reply to NAME was 250
delivered() {
	if grep -q '^<-* *250 2.1.5' "$testdir/$2.lmtp"; then
		ok "$1"
	else
		not_ok "$1 (see $testdir/$2.lmtp)"
	fi
}

# refused WHAT NAME TEXT - the LMTP reply to NAME was 550 5.7.1 with TEXT
refused() {
	if grep '^<\*\* *550 5.7.1' "$testdir/$2.lmtp" | grep -qF -- "$3"; then
		ok "$1"
	else
		not_ok "$1 (no 550 5.7.1 \"$3\" in $testdir/$2.lmtp)"
	fi
}

# id_of DN MSGID - the id of the message MSGID in mailbox DN (Inbox)
id_of() {
	local i
	for i in $("$storectl" -d "$MMHS_STORE_DIR" list "$1" --limit 1000 |
	    awk 'NR > 1 { print $1 }'); do
		"$storectl" -d "$MMHS_STORE_DIR" raw "$1" "$i" 2>/dev/null |
		    grep -qi "^Message-ID: $2" && { echo "$i"; return 0; }
	done
	return 1
}

# absent DN MSGID - mailbox DN does not hold MSGID
absent() {
	if id_of "$1" "$2" >/dev/null; then
		not_ok "$3 (it was filed)"
	else
		ok "$3"
	fi
}

# 1. Signed by Owain with the ESS label SECRET: filed, the label used.
msg ok1 "owain.eastwood@$dom" "ops.jfhq@$dom" "t61 signed secret $run"
check "owain signs with the ESS label SECRET" sign ok1 owain.eastwood \
    --label "$NAT:4"
lmtp ok1 "$testdir/ok1.p7m" "owain.eastwood@$dom" "ops.jfhq@$dom"
delivered "the signed SECRET message is filed for the Operations Officer" ok1
if "$storectl" -d "$MMHS_STORE_DIR" list "$ops" --limit 1000 |
    grep -F "t61 signed secret $run" | grep -q SECRET; then
	ok "it is indexed as SECRET (the signed label, no SIO-Label)"
else
	not_ok "it is indexed as SECRET (the signed label, no SIO-Label)"
fi
id=$(id_of "$ops" "<ok1.$run@$dom>")
"$storectl" -d "$MMHS_STORE_DIR" raw "$ops" "$id" > "$testdir/ok1.stored"
# (swaks ends the data with an empty line of its own)
if cmp -s <(tr -d '\r' < "$testdir/ok1.p7m") \
    <(tr -d '\r' < "$testdir/ok1.stored" | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}') &&
    openssl cms -verify -in "$testdir/ok1.stored" -inform SMIME \
    -CAfile "$MMHS_CA_CERT" -out /dev/null >> "$testdir/commands.log" 2>&1; then
	ok "the stored message is the signed original (openssl verifies it)"
else
	not_ok "the stored message is the signed original"
fi
mb=ops.jfhq%40$dom
api idris.carrow "/mailboxes/$mb/messages/$id" > "$testdir/ok1.json"
if jq -e --arg s "owain.eastwood@$dom" '.security | .signed and
    .signature == "ok" and .signer == $s and .label_source == "ess" and
    .label == "WESTLAND SECRET" and (.encrypted | not)' \
    "$testdir/ok1.json" >/dev/null; then
	ok "the API shows signed by owain, signature ok, label from ESS"
else
	not_ok "the API's security object (see $testdir/ok1.json)"
fi
if grep -F "<ok1.$run@$dom>" "$MMHS_TRACK_LOG" | grep "event=filed" |
    grep -q "signed=1.*label=ess"; then
	ok "tracking log: filed, signed=1 label=ess"
else
	not_ok "tracking log: filed, signed=1 label=ess"
fi

# 2. The signed label above the Operations Officer's clearance.
msg ts "rhodri.ashdown@$dom" "ops.jfhq@$dom" "t61 top secret $run"
check "rhodri signs with the ESS label TOP SECRET" sign ts rhodri.ashdown \
    --label "$NAT:5"
lmtp ts "$testdir/ts.p7m" "rhodri.ashdown@$dom" "ops.jfhq@$dom"
refused "TOP SECRET is refused: above the clearance SECRET" ts \
    "label WESTLAND TOP SECRET is above the clearance SECRET of $ops"
# Through the MTA, the originator gets a DSN that says why.
swaks --server "127.0.0.1:$MMHS_MTA_SUBMIT_PORT" --tls \
    -au rhodri.ashdown -ap Westland-Demo-1 --from "rhodri.ashdown@$dom" \
    --to "ops.jfhq@$dom" --data "$testdir/ts.p7m" > "$testdir/ts.submit" 2>&1
dsn_in_rhodri() {
	local i
	for i in $("$storectl" -d "$MMHS_STORE_DIR" list "$rhodri" \
	    --limit 100 | awk 'NR > 1 { print $1 }'); do
		"$storectl" -d "$MMHS_STORE_DIR" raw "$rhodri" "$i" |
		    tr -d '\r' | sed -e ':a' -e 'N' -e '$!ba' \
		    -e 's/\n[ \t]\+/ /g' | grep -q "^Diagnostic-Code: .*5.7.1.*WESTLAND TOP SECRET.*above the clearance" &&
		    return 0
	done
	return 1
}
wait_for "rhodri gets a DSN saying the label is above the clearance" \
    dsn_in_rhodri
absent "$ops" "<ts.$run@$dom>" "the TOP SECRET message is nowhere in the mailbox"

# 3. Tampered: the clear-signed text changed on the way.
msg tam "owain.eastwood@$dom" "ops.jfhq@$dom" "t61 tampered $run"
check "owain clear-signs a message" sign tam owain.eastwood --label "$NAT:3" \
    --clear
sed 's/northern crossing/southern crossing/' "$testdir/tam.p7m" \
    > "$testdir/tam.bad"
lmtp tam "$testdir/tam.bad" "owain.eastwood@$dom" "ops.jfhq@$dom"
refused "a tampered message is refused: bad signature" tam \
    "signature by owain.eastwood@$dom is not accepted: bad signature"
absent "$ops" "<tam.$run@$dom>" "the tampered message is not filed"
lmtp tam "$testdir/tam.p7m" "owain.eastwood@$dom" "ops.jfhq@$dom"
delivered "the same message untouched is filed" tam

# 4. SIO-Label contradicting the signed label.
msg mis "owain.eastwood@$dom" "ops.jfhq@$dom" "t61 mismatch $run" \
    "WESTLAND RESTRICTED"
check "owain signs SECRET under an SIO-Label RESTRICTED" sign mis \
    owain.eastwood --label "$NAT:4"
lmtp mis "$testdir/mis.p7m" "owain.eastwood@$dom" "ops.jfhq@$dom"
refused "an SIO-Label contradicting the signed label is refused" mis \
    "SIO-Label WESTLAND RESTRICTED does not match the signed label WESTLAND SECRET"

# 5. A revoked signer: Dafydd's certificate is revoked, the CRL published.
"$watch" -c "$site/cache/store" -l "$cadn" > "$testdir/ca-entry" 2>&1
if "$ca" -d "$MMHS_PKI_DIR" revoke --for "$dafydd" \
    >> "$testdir/commands.log" 2>&1 &&
    "$ca" -d "$MMHS_PKI_DIR" crl >> "$testdir/commands.log" 2>&1; then
	ok "mmhs-ca revokes Dafydd's certificate and publishes the CRL"
else
	not_ok "mmhs-ca revokes Dafydd's certificate and publishes the CRL"
fi
crl_changed() {
	"$watch" -c "$site/cache/store" -l "$cadn" 2>/dev/null |
	    cmp -s - "$testdir/ca-entry" && return 1
	return 0
}
wait_for "the store's cache has the new CRL" crl_changed
msg rev "dafydd.kendrick@$dom" "ops.jfhq@$dom" "t61 revoked $run"
check "dafydd signs with his revoked key" sign rev dafydd.kendrick \
    --label "$NAT:2"
lmtp rev "$testdir/rev.p7m" "dafydd.kendrick@$dom" "ops.jfhq@$dom"
refused "a revoked signer is refused: revoked" rev \
    "signature by dafydd.kendrick@$dom is not accepted: revoked"
absent "$ops" "<rev.$run@$dom>" "the revoked signer's message is not filed"

# 6. The policy requires signatures from SECRET on.
msg uns "owain.eastwood@$dom" "ops.jfhq@$dom" "t61 unsigned $run" \
    "WESTLAND SECRET"
lmtp uns0 "$testdir/uns.eml" "owain.eastwood@$dom" "ops.jfhq@$dom"
delivered "before the requirement, an unsigned SECRET message is filed" uns0
cat > "$testdir/require.ldif" <<EOF
dn: $policy
changetype: modify
add: mmhsRequireSignature
mmhsRequireSignature: SECRET
EOF
check "the policy now requires signatures from SECRET on" \
    ldap_admin ldapmodify -f "$testdir/require.ldif"
wait_for "the store's cache has the requirement" \
    sh -c "'$watch' -c '$site/cache/store' -l '$policy' | grep -qi 'mmhsRequireSignature: SECRET'"
sed "s/<uns\./<uns2./" "$testdir/uns.eml" > "$testdir/uns2.eml"
lmtp uns2 "$testdir/uns2.eml" "owain.eastwood@$dom" "ops.jfhq@$dom"
refused "an unsigned SECRET message is refused" uns2 \
    "a message labelled WESTLAND SECRET must be signed with its label signed"
msg req "owain.eastwood@$dom" "ops.jfhq@$dom" "t61 required $run"
check "owain signs SECRET" sign req owain.eastwood --label "$NAT:4"
lmtp req "$testdir/req.p7m" "owain.eastwood@$dom" "ops.jfhq@$dom"
delivered "a signed SECRET message is filed under the requirement" req
msg low "owain.eastwood@$dom" "ops.jfhq@$dom" "t61 unsigned low $run" \
    "WESTLAND CONFIDENTIAL"
lmtp low "$testdir/low.eml" "owain.eastwood@$dom" "ops.jfhq@$dom"
delivered "an unsigned CONFIDENTIAL message is still filed" low

# 7. Signed receipt: Owain asks for one; Idris (Operations Officer) reads.
msg rr "owain.eastwood@$dom" "ops.jfhq@$dom" "t61 receipt $run"
check "owain signs SECRET asking for a signed receipt" sign rr \
    owain.eastwood --label "$NAT:4" --receipt-request
lmtp rr "$testdir/rr.p7m" "owain.eastwood@$dom" "ops.jfhq@$dom"
delivered "the message asking for a receipt is filed" rr
id=$(id_of "$ops" "<rr.$run@$dom>")
code=$(api idris.carrow "/mailboxes/$mb/messages/$id/flags" -o /dev/null \
    -w '%{http_code}' -H 'Content-Type: application/json' \
    -d '{"add":["seen"]}')
if [ "$code" = 200 ]; then
	ok "idris.carrow marks it seen"
else
	not_ok "idris.carrow marks it seen (HTTP $code)"
fi
receipt_in_owain() {
	local i
	for i in $("$storectl" -d "$MMHS_STORE_DIR" list "$owain" \
	    --limit 100 | awk 'NR > 1 { print $1 }'); do
		"$storectl" -d "$MMHS_STORE_DIR" raw "$owain" "$i" \
		    > "$testdir/receipt.eml" 2>/dev/null
		grep -qi "smime-type=signed-receipt" "$testdir/receipt.eml" &&
		    grep -q "^Subject: Signed receipt: t61 receipt $run" \
		    <(tr -d '\r' < "$testdir/receipt.eml") && return 0
	done
	return 1
}
wait_for "a signed receipt reaches owain's mailbox" receipt_in_owain
if openssl cms -cmsout -in "$testdir/receipt.eml" -inform SMIME \
    -outform DER -out "$testdir/receipt.der" >> "$testdir/commands.log" 2>&1 &&
    openssl cms -verify_receipt "$testdir/receipt.der" -rctform DER \
    -in "$testdir/rr.p7m" -inform SMIME -CAfile "$MMHS_CA_CERT" \
    >> "$testdir/commands.log" 2>&1; then
	ok "openssl cms -verify_receipt verifies it against the original"
else
	not_ok "openssl cms -verify_receipt verifies it against the original"
fi
if grep -F "<rr.$run@$dom>" "$MMHS_TRACK_LOG" | grep "event=receipt" |
    grep -q "to=owain.eastwood@$dom.*250"; then
	ok "tracking log: receipt to owain, taken by the MTA"
else
	not_ok "tracking log: receipt to owain, taken by the MTA"
fi
code=$(api idris.carrow "/mailboxes/$mb/messages/$id/flags" -o /dev/null \
    -w '%{http_code}' -H 'Content-Type: application/json' \
    -d '{"remove":["seen"]}')
api idris.carrow "/mailboxes/$mb/messages/$id/flags" -o /dev/null \
    -H 'Content-Type: application/json' -d '{"add":["seen"]}'
# the receipt is made (or not) before the request is answered
n=$(grep -F "<rr.$run@$dom>" "$MMHS_TRACK_LOG" | grep -c "event=receipt")
if [ "$code" = 200 ] && [ "$n" = 1 ]; then
	ok "seen again: no second receipt"
else
	not_ok "seen again: no second receipt ($n receipt lines, HTTP $code)"
fi

# 8. No key for the mailbox: no receipt, and the log says why.
msg nk "owain.eastwood@$dom" "ops.jfhq@$dom" "t61 no key $run"
check "owain signs asking for a receipt" sign nk owain.eastwood \
    --label "$NAT:4" --receipt-request
lmtp nk "$testdir/nk.p7m" "owain.eastwood@$dom" "ops.jfhq@$dom"
delivered "the second message asking for a receipt is filed" nk
id=$(id_of "$ops" "<nk.$run@$dom>")
mv "$MMHS_KEY_DIR/ops.jfhq@$dom.p12" "$testdir/ops.p12"
api idris.carrow "/mailboxes/$mb/messages/$id/flags" -o /dev/null \
    -H 'Content-Type: application/json' -d '{"add":["seen"]}'
mv "$testdir/ops.p12" "$MMHS_KEY_DIR/ops.jfhq@$dom.p12"
if grep -F "<nk.$run@$dom>" "$MMHS_TRACK_LOG" | grep "event=receipt" |
    grep -q "not sent: no key"; then
	ok "no key: no receipt, tracking log says why"
else
	not_ok "no key: no receipt, tracking log says why"
fi
