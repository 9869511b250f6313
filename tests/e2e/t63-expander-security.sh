#!/bin/bash
# t63-expander-security - mmhs-expander as RFC 2634 mail list agent, on
# the site runner with its PKI, the real MTA and store.  Messages are
# made with mmhs-smime (labels) and submitted with swaks; the copies
# are read back from the mailboxes with mmhs-storectl and checked with
# the openssl command, not with our own code.  Checked:
#   - a signed, labelled message to jfhq-j3@lists reaches every member
#     with an outer signature by the list (openssl cms -verify, signer
#     certificate the list's) carrying an mlExpansionHistory of one
#     record naming the list and the inner signature's label; the inner
#     signature, kept byte for byte, still verifies;
#   - through a nested list sent to by address (the Test Cell list
#     holding jfhq-j3's address) the copies carry two MLData, and the
#     inner signature still verifies;
#   - a copy fed back to the list, its DL-Expansion-History fields
#     removed, is refused as a loop from the mlExpansionHistory alone
#     (550 5.4.6, DSN to the return path, tracking "loop");
#   - a triple-wrapped message encrypted for the list is re-encrypted:
#     each member's own key decrypts its copy (openssl cms -decrypt with
#     the member's PKCS#12), the inner signature verifies; a member whose
#     certificate was removed gets nothing and the owner's DSN names him
#     ("no certificate to encrypt to");
#   - a tampered signature is refused (550 5.7.7), nothing delivered.
# Keys and certificates are the site's: mmhs-site start --pki.
. "$srcdir/tests/e2e/common.sh"

site=$testdir/site
storectl=$builddir/agents/store/mmhs-storectl
smime=$builddir/agents/smime/mmhs-smime
run=t63.$$
jfhq="o=Joint Force Headquarters,o=Defence,c=XW"
tc="o=MMHS Test Cell,o=Defence,c=XW"
J3="cn=JFHQ J3 Cell,ou=Lists,$jfhq"
J3ADDR=jfhq-j3@lists.mod.westland.example
TESTCELL="cn=Test Cell,ou=Lists,$tc"
TCADDR=testcell@lists.mod.westland.example
OPSJ="cn=Operations Officer,$jfhq"
IDRIS="cn=Idris Carrow,ou=People,$jfhq"
TOMOS="cn=Tomos Inglis,ou=People,$jfhq"
GARETH="cn=Gareth Garnock,ou=People,$jfhq"
SEREN="cn=Seren Holloway,ou=People,$jfhq"
OWAIN="cn=Owain Eastwood,ou=People,$jfhq"
ANWEN="cn=Anwen Lacey,ou=People,$tc"
OWAIN_ADDR=owain.eastwood@mod.westland.example
policy=2.25.59028202126315117165413111612054445617.6.1

# mailbox DN -> address, for the member keys
declare -A addr_of=(
	["$IDRIS"]=idris.carrow@mod.westland.example
	["$TOMOS"]=tomos.inglis@mod.westland.example
	["$GARETH"]=gareth.garnock@mod.westland.example
	["$SEREN"]=seren.holloway@mod.westland.example
	["$OPSJ"]=ops.jfhq@mod.westland.example
)
j3_members=("$IDRIS" "$TOMOS" "$GARETH" "$SEREN" "$OPSJ")

# wait_for SECONDS CMD... - poll until CMD succeeds; 1 when it never did
wait_for() {
	local n=$(( $1 * 5 ))
	shift
	while [ $n -gt 0 ]; do
		"$@" 2>/dev/null && return 0
		sleep 0.2
		n=$((n - 1))
	done
	return 1
}

# ---------------------------------------------------------------------
# Sending and reading back

# lmtp_send FROM TO FILE - FILE straight to the expander; its LMTP
# dialogue into FILE.lmtp
lmtp_send() {
	swaks --server 127.0.0.1 --port "$MMHS_EXPANDER_LMTP_PORT" \
	    --protocol LMTP --helo t63.test --from "$1" --to "$2" \
	    --data "@$3" > "$3.lmtp" 2>&1
}

# plain ID FROM TO - a message (CRLF)
plain() {
	printf 'From: %s\r\nTo: %s\r\nSubject: t63 %s %s\r\n' "$2" "$3" "$1" "$run"
	printf 'Message-ID: <%s.%s@t63.test>\r\nDate: %s\r\n' "$1" "$run" \
	    "$(date -R)"
	printf 'MMHS-Primary-Precedence: 1 (routine)\r\n'
	printf 'Content-Type: text/plain; charset=us-ascii\r\n\r\n'
	printf 'Signed for the list %s.\r\n' "$1"
}

# key ADDR - the PKCS#12 of ADDR
key() {
	echo "$MMHS_KEY_DIR/$1.p12"
}

# has_keys - the site's PKI holds a key and a certificate of the site
# CA for the lists and their members
has_keys() {
	local a
	for a in "$OWAIN_ADDR" anwen.lacey@mod.westland.example "$J3ADDR" \
	    "$TCADDR" "${addr_of[@]}"; do
		test -s "$(key "$a")" &&
		openssl verify -CAfile "$MMHS_CA_CERT" \
		    "$MMHS_PKI_DIR/certs/$a.pem" || return 1
	done
}

# signed ID FROM TO - plain, signed by FROM with a RESTRICTED label
signed() {
	plain "$@" | "$smime" sign -k "$(key "$2")" \
	    -p "$MMHS_KEY_DIR/passphrase" --label "$policy:2"
}

# send USER FROM TO FILE - submit FILE as USER; 0 when the MTA queued it
send() {
	swaks --server 127.0.0.1 --port "$MMHS_MTA_SUBMIT_PORT" --tls \
	    --tls-ca-path "$MMHS_TLS_CA" -au "$1" -ap Westland-Demo-1 \
	    --helo t63.test --from "$2" --to "$3" --data "@$4" \
	    > "$4.swaks" 2>&1
	grep -q '^<~  250 2.0.0 Ok: queued' "$4.swaks"
}

# ids MAILBOX-DN ID - the store ids of the mailbox's messages of ID
ids() {
	"$storectl" -d "$MMHS_STORE_DIR" list "$1" 2>/dev/null |
	    awk -F '\t' -v s="t63 $2 $run" 'NR > 1 && $NF == s { print $1 }'
}

# count MAILBOX-DN ID
count() {
	ids "$1" "$2" | grep -c . || true
}

# has MAILBOX-DN ID
has() {
	[ "$(count "$1" "$2")" -ge 1 ]
}

# raw MAILBOX-DN ID FILE - the (first) copy of ID, as stored, into FILE
raw() {
	local id
	id=$(ids "$1" "$2" | head -n1)
	[ -n "$id" ] && "$storectl" -d "$MMHS_STORE_DIR" raw "$1" "$id" > "$3"
}

# raw_with MAILBOX-DN TEXT... - a message of the mailbox holding every
# TEXT (unfolded); its raw form on stdout
raw_with() {
	local mb=$1 id t f u
	shift
	for id in $("$storectl" -d "$MMHS_STORE_DIR" list "$mb" 2>/dev/null |
	    awk 'NR > 1 { print $1 }'); do
		f=$("$storectl" -d "$MMHS_STORE_DIR" raw "$mb" "$id" 2>/dev/null)
		u=$(sed -e ':a;N;$!ba;s/\r\?\n[ \t]\+/ /g' <<<"$f")
		for t; do
			grep -qF -- "$t" <<<"$u" || continue 2
		done
		printf '%s\n' "$f"
		return 0
	done
	return 1
}

# track TEXT... - a tracking log line holding every TEXT
track() {
	local l t
	while IFS= read -r l; do
		for t; do
			[[ $l == *"$t"* ]] || continue 2
		done
		return 0
	done < "$MMHS_TRACK_LOG"
	return 1
}

# ossl_verify IN OUT [SIGNER] - openssl's verification of the outermost
# signature of message IN; the content into OUT, the signer into SIGNER
ossl_verify() {
	openssl cms -verify -in "$1" -CAfile "$MMHS_CA_CERT" \
	    -purpose any -out "$2" ${3:+-signer "$3"} 2>> "$testdir/openssl.log"
}

# attr_values IN OID-NAME - the signed attribute OID-NAME of the
# outermost signature of IN, as openssl prints it
attr_values() {
	openssl cms -cmsout -print -in "$1" 2>/dev/null |
	    awk -v o="$2" '/object: / { p = index($0, o) > 0 } p' 
}

# mlhist_count IN - the MLData records of IN's outer mlExpansionHistory
mlhist_count() {
	openssl cms -cmsout -in "$1" -outform DER -out "$1.der" 2>/dev/null &&
	openssl asn1parse -inform DER -in "$1.der" 2>/dev/null |
	    awk '/:id-smime-aa-mlExpandHistory/ { f = 1; next }
		f && /OBJECT/ { exit }
		{ match($0, /d=[0-9]+/); d = substr($0, RSTART + 2, RLENGTH - 2) + 0 }
		f && /cons: SET/ { base = d; next }
		f && base && /cons: SEQUENCE/ && d == base + 2 { n++ }
		END { print n + 0 }'
}

# ---------------------------------------------------------------------

if [ ! -x "$smime" ]; then
	not_ok "mmhs-smime is built ($smime)"
	exit 1
fi
if ! site_start "$site" --pki; then
	not_ok "site starts with its PKI (--pki)"
	exit 1
fi
ok "site starts with its PKI (--pki)"
check "every list and member has a key and a certificate" has_keys

# --- a signed, labelled message -----------------------------------------

signed signed "$OWAIN_ADDR" "$J3ADDR" > "$testdir/signed.eml"
check "mmhs-smime signed the message with a label" \
    grep -q 'application/pkcs7-mime' "$testdir/signed.eml"
check "Owain Eastwood submits the signed message to jfhq-j3" \
    send owain.eastwood "$OWAIN_ADDR" "$J3ADDR" "$testdir/signed.eml"
check "the copies arrive" wait_for 30 has "$SEREN" signed
bad=""
for m in "${j3_members[@]}"; do
	wait_for 10 has "$m" signed || bad="$bad [$m]"
done
check "every member of jfhq-j3 got the copy ($bad)" test -z "$bad"
raw "$IDRIS" signed "$testdir/s1.raw"
check "outer signature verifies with openssl" \
    ossl_verify "$testdir/s1.raw" "$testdir/s1.inner" "$testdir/s1.signer"
check "its signer is the list (certificate of jfhq-j3)" \
    cmp -s <(openssl x509 -in "$testdir/s1.signer" -outform DER) \
    <(openssl x509 -in "$MMHS_PKI_DIR/certs/$J3ADDR.pem" -outform DER)
check "the outer signature carries an mlExpansionHistory" \
    grep -q 'id-smime-aa-mlExpandHistory' <(attr_values "$testdir/s1.raw" \
    mlExpandHistory)
check "with one MLData" test "$(mlhist_count "$testdir/s1.raw")" = 1
openssl cms -cmsout -print -in "$testdir/s1.inner" 2>/dev/null |
    awk '/object: id-smime-aa-securityLabel/ { p = 1; next }
	p && /object: / { exit } p' > "$testdir/s1.label.inner"
attr_values "$testdir/s1.raw" securityLabel | sed 1d |
    awk '/object: / { exit } 1' > "$testdir/s1.label.outer"
check "the inner signature has a label" test -s "$testdir/s1.label.inner"
check "the outer signature carries the same label" \
    bash -c "test -s '$testdir/s1.label.outer' && cmp '$testdir/s1.label.inner' '$testdir/s1.label.outer'"
check "the inner signature (Owain's) still verifies" \
    ossl_verify "$testdir/s1.inner" "$testdir/s1.text"
check "and gives the text as sent" grep -q "Signed for the list signed." \
    "$testdir/s1.text"
# the inner entity is the one Owain made, byte for byte
sed -n '/^Content-Type: application\/pkcs7-mime/,$p' "$testdir/signed.eml" |
    tr -d '\r' | grep -v '^$' > "$testdir/s1.sent.body"
tr -d '\r' < "$testdir/s1.inner" | sed -n '/^Content-Type: application\/pkcs7-mime/,$p' |
    grep -v '^$' > "$testdir/s1.got.body"
check "the inner signed entity is Owain's, unchanged" \
    bash -c "test -s '$testdir/s1.got.body' && cmp '$testdir/s1.sent.body' '$testdir/s1.got.body'"
check "tracking: expanded, security=signed mlhist=1" track "agent=expander" \
    "event=expanded" "msgid=<signed.$run@" "security=signed" "mlhist=1"

# --- nested: Test Cell -> jfhq-j3, by address -----------------------------

ldap_admin ldapmodify >> "$testdir/commands.log" 2>&1 <<EOF
dn: $TESTCELL
changetype: modify
add: mmhsExternalMember
mmhsExternalMember: $J3ADDR
-
delete: mhs-dl-policy

dn: $J3
changetype: modify
add: mhs-dl-submit-permissions
mhs-dl-submit-permissions: individual # <$TESTCELL>
EOF
check "jfhq-j3 nested in the Test Cell list by address" test $? = 0
signed nested anwen.lacey@mod.westland.example "$TCADDR" \
    > "$testdir/nested.eml"
# the cache follows the directory: retry until the nested copy arrives
check "Anwen Lacey submits the signed message to the Test Cell list" \
    send anwen.lacey anwen.lacey@mod.westland.example "$TCADDR" \
    "$testdir/nested.eml"
check "a J3 member gets the copy through both lists" \
    wait_for 40 has "$GARETH" nested
raw "$GARETH" nested "$testdir/n1.raw"
check "outer signature (jfhq-j3's) verifies" \
    ossl_verify "$testdir/n1.raw" "$testdir/n1.inner" "$testdir/n1.signer"
check "two MLData: Test Cell's and jfhq-j3's" \
    test "$(mlhist_count "$testdir/n1.raw")" = 2
check "one signature layer of lists (the Test Cell's was removed)" \
    test "$(openssl cms -cmsout -print -in "$testdir/n1.inner" 2>/dev/null |
    grep -c -e 'id-smime-aa-mlExpandHistory' -e 'signerInfos:')" = 1
check "the inner signature (Anwen's) still verifies" \
    ossl_verify "$testdir/n1.inner" "$testdir/n1.text"
check "Test Cell members get one MLData" \
    wait_for 20 has "cn=Berwyn Moorcroft,ou=People,$tc" nested
raw "cn=Berwyn Moorcroft,ou=People,$tc" nested "$testdir/n2.raw"
check "... whose MLData is the Test Cell's" \
    test "$(mlhist_count "$testdir/n2.raw")" = 1

# --- a loop found from the mlExpansionHistory alone -----------------------

# jfhq-j3's copy sent back to jfhq-j3 without the trace fields: only
# the signature's history can tell
awk 'BEGIN { t = 1 } t && /^(Received|DL-Expansion-History|Return-Path|X-[A-Za-z-]*):/ { f = 1; next }
    t && f && /^[ \t]/ { next } { t = 0; f = 0; print }' "$testdir/s1.raw" |
    sed 's/$/\r/; s/\r\r$/\r/' | sed 's/t63 signed /t63 loop /' \
    > "$testdir/loop.eml"
check "the copy fed back has no DL-Expansion-History field" \
    test "$(grep -c -e '^DL-Expansion-History:' -e '^Content-Type: application/pkcs7-mime' "$testdir/loop.eml")" = 1
# straight to the expander: the MTA would refuse it at submission
# already (signed by the list, not by the sender)
lmtp_send "$OWAIN_ADDR" "$J3ADDR" "$testdir/loop.eml"
check "refused as a loop from the mlExpansionHistory (550 5.4.6)" \
    grep -q "^<\*\* 550 5.4.6 routing loop: list $J3ADDR already expanded this message (record 1 of 1 of the mlExpansionHistory names this list's certificate" \
    "$testdir/loop.eml.lmtp"
check "tracking: loop" track "agent=expander" "event=loop" \
    "to=$J3ADDR" "mlExpansionHistory"
check "no member got it again" test "$(count "$SEREN" signed)" = 1
check "no member got the loop" test "$(count "$SEREN" loop)" = 0

# --- a tampered signature ----------------------------------------------------

# one base64 character of the signature changed
awk 'BEGIN { n = 0 } /^[A-Za-z0-9+\/]+=*\r?$/ && length($0) > 60 { n++;
    if (n == 3) { c = substr($0, 10, 1); r = c == "A" ? "B" : "A";
    $0 = substr($0, 1, 9) r substr($0, 11) } } { print }' \
    "$testdir/signed.eml" | sed 's/t63 signed /t63 tampered /' \
    > "$testdir/tampered.eml"
# straight to the expander: the MTA refuses it at submission already
lmtp_send "$OWAIN_ADDR" "$J3ADDR" "$testdir/tampered.eml"
check "refused: 550 5.7.7, the originator's signature does not verify" \
    grep -q "^<\*\* 550 5.7.7 list $J3ADDR: the originator's signature .* does not verify" \
    "$testdir/tampered.eml.lmtp"
check "tracking: refused" track "agent=expander" "event=refused" \
    "msgid=<signed.$run@" "5.7.7"
check "no member got it" test "$(count "$IDRIS" tampered)" = 0

# --- triple wrapped, encrypted for the list ------------------------------

ldap_admin ldapmodify >> "$testdir/commands.log" 2>&1 <<EOF
dn: $TOMOS
changetype: modify
delete: userCertificate;binary
EOF
check "Tomos Inglis' certificate removed" test $? = 0
j3cert=$MMHS_PKI_DIR/certs/$J3ADDR.pem
signed secret "$OWAIN_ADDR" "$J3ADDR" | "$smime" encrypt -r "$j3cert" |
    "$smime" sign -k "$(key "$OWAIN_ADDR")" -p "$MMHS_KEY_DIR/passphrase" \
    --label "$policy:2" > "$testdir/secret.eml"
check "triple-wrapped message made (sign, encrypt for the list, sign)" \
    grep -q 'application/pkcs7-mime' "$testdir/secret.eml"
check "Owain Eastwood submits it to jfhq-j3" \
    send owain.eastwood "$OWAIN_ADDR" "$J3ADDR" "$testdir/secret.eml"
check "the copies arrive" wait_for 30 has "$SEREN" secret
for m in "$IDRIS" "$GARETH" "$SEREN" "$OPSJ"; do
	a=${addr_of[$m]}
	wait_for 10 has "$m" secret
	raw "$m" secret "$testdir/e.raw"
	openssl pkcs12 -in "$(key "$a")" -passin "file:$MMHS_KEY_DIR/passphrase" \
	    -nodes -out "$testdir/e.pem" 2>/dev/null
	if ossl_verify "$testdir/e.raw" "$testdir/e.env" &&
	    openssl cms -decrypt -in "$testdir/e.env" -inkey "$testdir/e.pem" \
	    -recip "$testdir/e.pem" -out "$testdir/e.inner" \
	    2>> "$testdir/openssl.log" &&
	    ossl_verify "$testdir/e.inner" "$testdir/e.text" &&
	    grep -q "Signed for the list secret." "$testdir/e.text"; then
		ok "$a: list signature verifies, own key decrypts, inner signature verifies"
	else
		not_ok "$a: cannot verify, decrypt and verify its copy"
	fi
done
check "the copy is not readable with the list's key (re-encrypted)" \
    bash -c "openssl pkcs12 -in '$(key "$J3ADDR")' -passin 'file:$MMHS_KEY_DIR/passphrase' -nodes -out '$testdir/l.pem' 2>/dev/null &&
    ! openssl cms -decrypt -in '$testdir/e.env' -inkey '$testdir/l.pem' -out /dev/null 2>/dev/null"
check "Tomos Inglis (no certificate) got nothing" \
    test "$(count "$TOMOS" secret)" = 0
check "the owner's DSN names him: no certificate to encrypt to" \
    wait_for 30 raw_with "$OPSJ" "tomos.inglis@mod.westland.example" \
    "no certificate to encrypt to"
check "tracking: expanded, security=reencrypted" track "agent=expander" \
    "event=expanded" "msgid=<secret.$run@" "security=reencrypted"
