#!/bin/bash
# t66-security-flow - the protected mailbox flow on one site with its PKI
# (mmhs-site start --pki), every agent real, checked with openssl cms.
#
# owain.eastwood signs a message with an ESS security label (CONFIDENTIAL
# of the national policy) and a receipt request, encrypts it for the
# Joint Force Headquarters (a profiled organisation) and its J3 list,
# signs it again (RFC 2634 triple wrapping) and submits it with swaks
# (AUTH, STARTTLS) to both.  Then:
#   - the profiler opened it with the organisation's key: its tracking
#     line says it read the inside, with a good signature and the ESS
#     label, and names the rule that sends operations traffic (SIC ZOP)
#     to the Operations Officer, not the default role;
#   - the Operations Officer's copy from the profiler is the original,
#     byte for byte after the trace fields: openssl cms verifies the
#     outer signature, decrypts with the organisation's key, verifies
#     the inner signature and gives back the text;
#   - each member of the J3 list gets a copy under the list's own
#     signature, whose mlExpansionHistory names the list, encrypted to
#     the member's own certificate (openssl cms decrypts it with the
#     member's key) and with the originator's inner signature intact;
#   - idris.carrow, occupant of the Operations Officer role, marks the
#     role's copy seen over the store's API: the store's signed receipt
#     reaches owain.eastwood and passes openssl cms -verify_receipt and
#     mmhs-smime verify-receipt against the inner signed message;
#   - the archive's copy, re-encrypted to the archive's key, is read
#     with that key (mmhs-archive export, openssl cms -decrypt) after the
#     organisation's key file is removed and its certificate revoked
#     with mmhs-ca;
#   - a SECRET message with the WESTLAND EYES ONLY category to owain
#     (cleared SECRET, without that category) comes back to its
#     originator as a DSN saying why, and is not in owain's mailbox;
#   - a message tampered with after signing is refused at submission
#     with a 5.7.x reply, and nothing of it is delivered.
. "$srcdir/tests/e2e/common.sh"

t=$testdir
site=$t/site
run=t66-$$
dom=mod.westland.example
wl=2.25.59028202126315117165413111612054445617.6.1	# national policy
org="o=Joint Force Headquarters,o=Defence,c=XW"
OPS="cn=Operations Officer,$org"
DO="cn=Duty Officer,$org"
OWAIN="cn=Owain Eastwood,ou=People,$org"
CATRIN="cn=Catrin Blackmore,ou=People,$org"
IDRIS="cn=Idris Carrow,ou=People,$org"
ow=owain.eastwood@$dom
jfhq=jfhq@$dom
j3=jfhq-j3@lists.$dom
storectl=$builddir/agents/store/mmhs-storectl
smime=$builddir/agents/smime/mmhs-smime
arc=$builddir/agents/archive/mmhs-archive
mmhsca=$builddir/agents/ca/mmhs-ca
log=$t/commands.log

for tool in openssl swaks curl jq; do
	command -v $tool >/dev/null ||
	    { not_ok "$tool is not installed (build-aux/install-deps)"; exit 1; }
done
for b in agents/store/mmhs-store agents/profiler/mmhs-profiler \
    agents/expander/mmhs-expander agents/archive/mmhs-archive \
    agents/mta/mmhs-mta agents/smime/mmhs-smime agents/ca/mmhs-ca; do
	[ -x "$builddir/$b" ] || { not_ok "$b is not built"; exit 1; }
done
site_start "$site" --pki --agents=store,archive,profiler,expander,mta ||
    { not_ok "site starts with its PKI (mmhs-site start --pki)"; exit 1; }
ok "site starts with its PKI: store, archive, profiler, expander, mta"
keys=$MMHS_KEY_DIR
pass=$keys/passphrase
ca=$MMHS_CA_CERT
crl=$MMHS_PKI_DIR/crl.pem

# ---------------------------------------------------------------------
# Helpers

# pem_of ADDR - ADDR's key and certificate as PEM files for openssl cms
# ($t/ADDR.key, $t/ADDR.crt), from the site's PKCS#12 file
pem_of() {
	openssl pkcs12 -in "$keys/$1.p12" -passin "file:$pass" -nodes \
	    -nocerts -out "$t/$1.key" 2>>"$log" &&
	openssl pkcs12 -in "$keys/$1.p12" -passin "file:$pass" \
	    -clcerts -nokeys -out "$t/$1.crt" 2>>"$log"
}

# wait_for WHAT CMD... - poll (for at most 60 s) until CMD succeeds
wait_for() {
	local what=$1 end=$((SECONDS + 60))
	shift
	while [ $SECONDS -lt $end ]; do
		if "$@" >/dev/null 2>&1; then
			ok "$what"
			return 0
		fi
		sleep 0.2
	done
	not_ok "$what (never happened in 60 s: $*)"
	return 1
}

# submit NAME FROM-UID RCPT... - swaks with AUTH and STARTTLS; the
# transcript in NAME.swaks; 0 when the message was accepted.  swaks
# ends the data with CRLF itself, so NAME.eml goes without its last
# line end: what crosses the wire is NAME.eml, byte for byte.
submit() {
	local n=$1 from=$2 to
	shift 2
	to=$(IFS=,; echo "$*")
	head -c -2 "$t/$n.eml" > "$t/$n.data"
	swaks --server "127.0.0.1:$MMHS_MTA_SUBMIT_PORT" --tls \
	    -au "$from" -ap Westland-Demo-1 --from "$from@$dom" --to "$to" \
	    --data "$t/$n.data" > "$t/$n.swaks" 2>&1
}

# ids DN TEXT - the ids of DN's messages (any folder of the list) whose
# line has TEXT
ids() {
	local f
	for f in Inbox Operations; do
		"$storectl" -d "$MMHS_STORE_DIR" list "$1" "$f" --limit 1000 \
		    2>/dev/null | awk -v s="$2" 'index($0, s) { print $1 }'
	done | sort -un
}

# has_msg DN TEXT - DN's mailbox has a message whose line has TEXT
has_msg() {
	[ -n "$(ids "$1" "$2")" ]
}

# raw DN ID - the stored bytes of a message
raw() {
	"$storectl" -d "$MMHS_STORE_DIR" raw "$1" "$2"
}

# untrace FILE - FILE without the trace fields agents prepend (Received:,
# DL-Expansion-History: and their continuation lines)
untrace() {
	awk 'body { print; next }
	    /^(Received|DL-Expansion-History):/ { skip = 1; next }
	    skip && /^[ \t]/ { next }
	    { skip = 0; body = 1; print }' "$1"
}

# api USER PATH [curl args] - the store's HTTPS API as USER
api() {
	local user=$1 path=$2
	shift 2
	curl -s --cacert "$MMHS_TLS_CA" -u "$user:Westland-Demo-1" "$@" \
	    "https://127.0.0.1:$MMHS_STORE_HTTP_PORT/api/v1$path"
}

# has WHAT TEXT FILE - FILE contains the fixed string TEXT
has() {
	if grep -qF -- "$2" "$3"; then
		ok "$1"
	else
		not_ok "$1 (no \"$2\" in $3)"
	fi
}

# track MSGID EVENT - the tracking lines of EVENT for MSGID
track() {
	grep -F -- "msgid=$1" "$MMHS_TRACK_LOG" | grep -F "event=$2"
}

ca_crl=$t/ca+crl.pem
if pem_of "$ow" && pem_of "$jfhq" && pem_of "idris.carrow@$dom" &&
    pem_of "tomos.inglis@$dom" && [ -s "$crl" ] && [ -s "$ca" ]; then
	cat "$ca" "$crl" > "$ca_crl"
	ok "the site's keys, CA and CRL are where site.env says"
else
	not_ok "the site's keys ($keys), CA ($ca) and CRL ($crl)"
	exit 1
fi

# ---------------------------------------------------------------------
# 1. The triple-wrapped message

msgid="<$run.1@$dom>"
subj="Orders $run"
text="Move the reserve to the forward base at 0400 ($run)."
printf '%s\r\n' "From: Owain Eastwood <$ow>" "To: $jfhq, $j3" \
    "Subject: $subj" "Message-ID: $msgid" "Date: $(date -R)" \
    "MMHS-Primary-Precedence: 2" "MMHS-Subject-Indicator-Codes: ZOP" \
    "MIME-Version: 1.0" "Content-Type: text/plain; charset=us-ascii" "" \
    "$text" > "$t/m1.txt"
if "$smime" sign -k "$keys/$ow.p12" -p "$pass" --label "$wl:3" \
    --receipt-request < "$t/m1.txt" > "$t/m1.inner" 2>>"$log" &&
    "$smime" encrypt -r "$MMHS_PKI_DIR/certs/$jfhq.pem" \
    -r "$MMHS_PKI_DIR/certs/$j3.pem" < "$t/m1.inner" > "$t/m1.enc" \
    2>>"$log" &&
    "$smime" sign -k "$keys/$ow.p12" -p "$pass" < "$t/m1.enc" \
    > "$t/m1.eml" 2>>"$log"; then
	ok "owain.eastwood signs (CONFIDENTIAL, receipt request), encrypts, signs"
else
	not_ok "mmhs-smime makes the triple-wrapped message (see $log)"
	exit 1
fi
grep -q "$text" "$t/m1.eml" &&
    not_ok "the text is not in the clear in what is sent" ||
    ok "the text is not in the clear in what is sent"
check "owain.eastwood submits it to JFHQ and the J3 list (AUTH, STARTTLS)" \
    submit m1 owain.eastwood "$jfhq" "$j3"

# ---------------------------------------------------------------------
# 2. The profiler read the inside and chose by the rules

profiled() {
	track "$msgid" profiled | grep -qF "to=$jfhq"
}
wait_for "the profiler profiled it for JFHQ" profiled
track "$msgid" profiled | grep -F "to=$jfhq" | tail -n 1 > "$t/prof.line"
for kv in "rule=\"cn=peace-010-sic-ops,$org\"" "read=inner" \
    "protected=signed,encrypted" "label=ess" "sig=ok"; do
	has "profiler's tracking line: $kv" "$kv" "$t/prof.line"
done
if grep -q 'default=' "$t/prof.line" ||
    grep -qF "rule=default" "$t/prof.line"; then
	not_ok "the profiler did not fall back to the default role"
else
	ok "the profiler did not fall back to the default role"
fi

# The Operations Officer's copy from the profiler: the original bytes.
orig_at_ops() {
	local i
	for i in $(ids "$OPS" "$subj"); do
		raw "$OPS" "$i" > "$t/ops.$i.eml" || continue
		if untrace "$t/ops.$i.eml" | cmp -s - "$t/m1.eml"; then
			echo "$i" > "$t/ops.id"
			return 0
		fi
	done
	return 1
}
if wait_for "ops.jfhq@ has the original bytes (after the trace fields)" \
    orig_at_ops; then
	oid=$(cat "$t/ops.id")
	o=$t/ops.$oid
	check "openssl cms verifies the outer signature of ops.jfhq's copy" \
	    openssl cms -verify -CAfile "$ca_crl" -crl_check \
	    -in "$o.eml" -out "$o.enc"
	check "... and decrypts it with the organisation's (jfhq) key" \
	    openssl cms -decrypt -recip "$t/$jfhq.crt" -inkey "$t/$jfhq.key" \
	    -in "$o.enc" -out "$o.inner"
	openssl cms -verify -CAfile "$ca_crl" -crl_check -in "$o.inner" \
	    -out "$o.text" -receipt_request_print > "$o.rr" 2>&1
	if [ $? -eq 0 ] && grep -qF "$text" "$o.text"; then
		ok "... whose inner signature verifies, giving back the text"
	else
		not_ok "... whose inner signature verifies ($(head -c 300 "$o.rr"))"
	fi
	has "... and asks for a receipt (openssl)" "Receipts From: All" "$o.rr"
	expect_rc "... mmhs-smime reads its label (CONFIDENTIAL of the policy)" \
	    0 "label classification: 3" "$smime" verify --ca "$ca" \
	    --crl "$crl" -k "$keys/$jfhq.p12" -p "$pass" < "$o.eml"
else
	for i in $(ids "$OPS" "$subj"); do
		untrace "$t/ops.$i.eml" | cmp - "$t/m1.eml" >> "$log" 2>&1
	done
fi
if has_msg "$DO" "$subj"; then
	not_ok "the default role (Duty Officer) has no copy"
else
	ok "the default role (Duty Officer) has no copy"
fi

# ---------------------------------------------------------------------
# 3. The J3 list: its own signature, mlExpansionHistory, re-encrypted

# list_copy UID - the list's copy in UID's personal mailbox into
# $t/UID.list.eml (the one with a DL-Expansion-History trace field)
list_copy() {
	local dn=$1 uid=$2 i
	for i in $(ids "$dn" "$subj"); do
		raw "$dn" "$i" > "$t/$uid.list.eml" || continue
		grep -qi "^DL-Expansion-History:.*$j3" "$t/$uid.list.eml" &&
		    return 0
	done
	return 1
}
j3ski=$(openssl x509 -in "$MMHS_PKI_DIR/certs/$j3.pem" -noout -ext \
    subjectKeyIdentifier 2>/dev/null | sed -n '2s/[ :]//gp')
for m in "$IDRIS:idris.carrow" \
    "cn=Tomos Inglis,ou=People,$org:tomos.inglis"; do
	dn=${m%:*}
	uid=${m##*:}
	l=$t/$uid.list
	wait_for "list member $uid has the list's copy" list_copy "$dn" "$uid" ||
	    continue
	"$smime" verify --ca "$ca" --crl "$crl" -k "$keys/$uid@$dom.p12" \
	    -p "$pass" < "$l.eml" > "$l.verify" 2>&1
	rc=$?
	[ $rc -eq 0 ] && grep -q "result: verified" "$l.verify" &&
	    ok "... mmhs-smime opens and verifies every layer with $uid's key" ||
	    not_ok "... mmhs-smime verifies $uid's copy (exit $rc, $l.verify)"
	# the outer layer: signed by the list, with the expansion history
	awk '/^layer 1:/ { on = 1; next } /^layer/ { on = 0 } on' \
	    "$l.verify" > "$l.outer"
	has "... the outer signature is the list's" "signer mail: $j3" \
	    "$l.outer"
	# openssl: MLData's mailListIdentifier is the list certificate's
	# subjectKeyIdentifier (RFC 2634 4.2: EntityIdentifier)
	openssl cms -cmsout -print -in "$l.eml" > "$l.print" 2>>"$log"
	if [ -n "$j3ski" ] && grep -A8 "id-smime-aa-mlExpandHistory" \
	    "$l.print" | grep -qi "OCTET STRING .*:$j3ski\$"; then
		ok "... openssl: its mlExpansionHistory names the list (key id $j3ski)"
	else
		not_ok "... openssl: its mlExpansionHistory names the list (key id $j3ski, $l.print)"
	fi
	if [ -n "$j3ski" ] && grep -qi "ml expansion: .* by .*$j3ski" \
	    "$l.outer"; then
		ok "... mmhs-smime: its mlExpansionHistory names the list"
	else
		not_ok "... mmhs-smime: its mlExpansionHistory names the list (key id $j3ski: $(grep 'ml expansion' "$l.outer"))"
	fi
	check "... openssl cms verifies the list's signature" \
	    openssl cms -verify -CAfile "$ca_crl" -crl_check -in "$l.eml" \
	    -out "$l.enc"
	openssl cms -cmsout -print -in "$l.enc" > "$l.enc.print" 2>>"$log"
	iss=$(openssl x509 -in "$t/$uid@$dom.crt" -noout -serial | sed 's/.*=//')
	if grep -qi "serialNumber: 0x$iss\|serialNumber: $((16#$iss))" \
	    "$l.enc.print"; then
		ok "... re-encrypted to $uid's own certificate"
	else
		not_ok "... re-encrypted to $uid's own certificate (serial $iss not among the recipients, $l.enc.print)"
	fi
	check "... openssl cms -decrypt opens it with $uid's key" \
	    openssl cms -decrypt -recip "$t/$uid@$dom.crt" \
	    -inkey "$t/$uid@$dom.key" -in "$l.enc" -out "$l.inner"
	if openssl cms -verify -CAfile "$ca_crl" -crl_check -in "$l.inner" \
	    -out "$l.text" 2>>"$log" && grep -qF "$text" "$l.text"; then
		ok "... the originator's inner signature verifies, the text is there"
	else
		not_ok "... the originator's inner signature verifies in $uid's copy"
	fi
done

# ---------------------------------------------------------------------
# 4. idris.carrow reads the role's copy: a signed receipt to owain

mb=ops.jfhq%40$dom
if [ -n "${oid:-}" ]; then
	api idris.carrow "/mailboxes/$mb/messages/$oid" > "$t/ops.json"
	if jq -e --arg s "$ow" '.security.signed and .security.encrypted and
	    .security.signer == $s' "$t/ops.json" >/dev/null; then
		ok "the store's API shows the role's copy signed by owain, encrypted"
	else
		not_ok "the store's API shows the protection ($(jq -c .security "$t/ops.json"))"
	fi
	code=$(api idris.carrow "/mailboxes/$mb/messages/$oid/flags" \
	    -o "$t/seen.json" -w '%{http_code}' \
	    -H 'Content-Type: application/json' -d '{"add":["seen"]}')
	[ "$code" = 200 ] || [ "$code" = 204 ] &&
	    ok "idris.carrow marks the role's copy seen (HTTP $code)" ||
	    not_ok "idris.carrow marks the role's copy seen (HTTP $code)"
else
	not_ok "idris.carrow marks the role's copy seen (no copy found)"
fi
rsubj="Signed receipt: $subj"
if wait_for "a signed receipt reaches owain.eastwood's mailbox" \
    has_msg "$OWAIN" "$rsubj"; then
	rid=$(ids "$OWAIN" "$rsubj" | head -n 1)
	raw "$OWAIN" "$rid" > "$t/rcpt.eml"
	openssl cms -cmsout -in "$t/rcpt.eml" -outform PEM \
	    -out "$t/rcpt.pem" 2>>"$log"
	check "openssl cms -verify_receipt accepts it for the inner signed message" \
	    openssl cms -verify_receipt "$t/rcpt.pem" -rctform PEM \
	    -in "$t/m1.inner" -CAfile "$ca_crl" -crl_check
	check "mmhs-smime verify-receipt accepts it" \
	    "$smime" verify-receipt --ca "$ca" --crl "$crl" \
	    --original "$t/m1.inner" < "$t/rcpt.eml"
	# and it must not pass for another message of owain's
	"$smime" sign -k "$keys/$ow.p12" -p "$pass" --receipt-request \
	    < "$t/m1.txt" > "$t/other.inner" 2>>"$log"
	if openssl cms -verify_receipt "$t/rcpt.pem" -rctform PEM \
	    -in "$t/other.inner" -CAfile "$ca_crl" >> "$log" 2>&1; then
		not_ok "... and openssl refuses it for another signed message"
	else
		ok "... and openssl refuses it for another signed message"
	fi
else
	# why not, for the reader: the store's tracking line and warning
	track "$msgid" receipt | sed 's/^/# /'
	grep -i "receipt" "$site/log/store.log" 2>/dev/null | sed 's/^/# /'
fi

# ---------------------------------------------------------------------
# 5. The archive's copy outlives the organisation's key

rec=$("$arc" search -d "$MMHS_ARCHIVE_DIR" --message-id "$msgid" \
    2>>"$log" | grep -F "copykey=" | grep -v 'copykey=[ ,]' | head -n 1)
echo "$rec" > "$t/arc.line"
recno=${rec%% *}
ckey=$(sed -n 's/.*copykey=\([^ ,]*\).*/\1/p' "$t/arc.line")
if [ -n "$recno" ] && [ -n "$ckey" ] && [ -f "$keys/$ckey.p12" ]; then
	ok "the archive has it with a copy for its key ($ckey)"
else
	not_ok "the archive has it with a copy for its key ($("$arc" search \
	    -d "$MMHS_ARCHIVE_DIR" --message-id "$msgid" 2>&1))"
fi
if "$mmhsca" -d "$MMHS_PKI_DIR" revoke --for "$org" --reason \
    keyCompromise >> "$log" 2>&1 && rm -f "$keys/$jfhq.p12" &&
    [ ! -e "$keys/$jfhq.p12" ]; then
	ok "mmhs-ca revokes JFHQ's certificate; its key file is removed"
else
	not_ok "mmhs-ca revokes JFHQ's certificate and the key file goes"
fi
jser=$(openssl x509 -in "$t/$jfhq.crt" -noout -serial | sed 's/.*=//')
if openssl crl -in "$crl" -noout -text 2>/dev/null |
    grep -qi "Serial Number: 0*$jser"; then
	ok "... the site's CRL lists it"
else
	not_ok "... the site's CRL lists it (serial $jser, $crl)"
fi
if [ -n "$recno" ] && [ -n "$ckey" ]; then
	pem_of "$ckey"
	check "mmhs-archive export --archive-copy gives the archive's copy" \
	    sh -c "'$arc' export -d '$MMHS_ARCHIVE_DIR' --archive-copy \
	    '$recno' > '$t/arc.copy'"
	check "openssl cms -decrypt opens it with the archive's key" \
	    openssl cms -decrypt -recip "$t/$ckey.crt" -inkey "$t/$ckey.key" \
	    -in "$t/arc.copy" -out "$t/arc.inner"
	if openssl cms -verify -CAfile "$ca_crl" -crl_check \
	    -in "$t/arc.inner" -out "$t/arc.text" >> "$log" 2>&1 &&
	    grep -qF "$text" "$t/arc.text"; then
		ok "... inside, owain's signature verifies and the text is there"
	else
		not_ok "... inside, owain's signature verifies (see $t/arc.inner)"
	fi
	"$arc" export -d "$MMHS_ARCHIVE_DIR" --readable -k "$keys" \
	    "$recno" > "$t/arc.readable" 2>>"$log"
	expect_rc "mmhs-archive export --readable: owain's signed label" 0 \
	    "label classification: 3" "$smime" verify --ca "$ca" \
	    --crl "$crl" < "$t/arc.readable"
	check "the archive's chain verifies" \
	    "$arc" verify -d "$MMHS_ARCHIVE_DIR"
fi

# ---------------------------------------------------------------------
# 6. Over-classified: SECRET WESTLAND EYES ONLY to owain (SECRET only)

msgid2="<$run.2@$dom>"
subj2="Eyes only $run"
printf '%s\r\n' "From: Catrin Blackmore <catrin.blackmore@$dom>" \
    "To: $ow" "Subject: $subj2" "Message-ID: $msgid2" "Date: $(date -R)" \
    "MMHS-Primary-Precedence: 2" \
    "MIME-Version: 1.0" "Content-Type: text/plain; charset=us-ascii" "" \
    "For Westland eyes only ($run)." > "$t/m2.txt"
"$smime" sign -k "$keys/catrin.blackmore@$dom.p12" -p "$pass" \
    --label "$wl:4:$wl.3" < "$t/m2.txt" > "$t/m2.eml" 2>>"$log"
expect_rc "catrin.blackmore signs SECRET, WESTLAND EYES ONLY" 0 \
    "label category: $wl.3" "$smime" verify --ca "$ca" --crl "$crl" \
    < "$t/m2.eml"
if submit m2 catrin.blackmore "$ow"; then
	ok "catrin.blackmore (TOP SECRET, WEO) may submit it"
	# dsn_back - a DSN about msgid2 in catrin's mailbox, in dsn2.eml
	dsn_back() {
		local i
		for i in $(ids "$CATRIN" ""); do
			raw "$CATRIN" "$i" > "$t/dsn2.eml" 2>/dev/null || continue
			grep -qF -- "$msgid2" "$t/dsn2.eml" &&
			    grep -qi "^Content-Type: multipart/report" \
			    "$t/dsn2.eml" && return 0
		done
		return 1
	}
	if wait_for "a DSN comes back to catrin.blackmore" dsn_back; then
		tr -d '\r' < "$t/dsn2.eml" | sed -e ':a' -e 'N' -e '$!ba' \
		    -e 's/\n[ \t]\+/ /g' | grep -i '^Diagnostic-Code:' \
		    > "$t/dsn2.diag"
		has "... for owain.eastwood" "$ow" "$t/dsn2.eml"
		if grep -qi "clearance" "$t/dsn2.diag" &&
		    grep -qi "WESTLAND EYES ONLY" "$t/dsn2.diag"; then
			ok "... saying why: $(head -n 1 "$t/dsn2.diag")"
		else
			not_ok "... saying why (clearance, WESTLAND EYES ONLY): $(cat "$t/dsn2.diag")"
		fi
	fi
else
	# refused at submission instead: that must say why too
	has "over-classified: refused at submission with the reason" \
	    "clearance" "$t/m2.swaks"
fi
if has_msg "$OWAIN" "$subj2"; then
	not_ok "the over-classified message is not in owain's mailbox"
else
	ok "the over-classified message is not in owain's mailbox"
fi

# ---------------------------------------------------------------------
# 7. Tampered after signing: refused at submission, nothing delivered

msgid3="<$run.3@$dom>"
subj3="Tampered $run"
printf '%s\r\n' "From: Owain Eastwood <$ow>" "To: idris.carrow@$dom, $j3" \
    "Subject: $subj3" "Message-ID: $msgid3" "Date: $(date -R)" \
    "MMHS-Primary-Precedence: 2" \
    "MIME-Version: 1.0" "Content-Type: text/plain; charset=us-ascii" "" \
    "Hold the reserve at the main base ($run)." > "$t/m3.txt"
"$smime" sign --clear -k "$keys/$ow.p12" -p "$pass" --label "$wl:3" \
    < "$t/m3.txt" > "$t/m3.signed" 2>>"$log"
sed 's/Hold the reserve at the main base/Move the reserve to the border/' \
    "$t/m3.signed" > "$t/m3.eml"
if cmp -s "$t/m3.signed" "$t/m3.eml"; then
	not_ok "the signed text was changed after signing"
else
	ok "the signed text was changed after signing"
fi
expect_rc "... mmhs-smime calls it a bad signature" 1 "bad signature" \
    "$smime" verify --ca "$ca" --crl "$crl" < "$t/m3.eml"
if submit m3 owain.eastwood "idris.carrow@$dom" "$j3"; then
	not_ok "the tampered message is refused at submission (accepted)"
elif grep -qE '^<[~*]* *5[0-9][0-9][ -]5\.7\.[0-9]+ ' "$t/m3.swaks"; then
	ok "the tampered message is refused at submission: $(grep -m1 -E \
	    '^<[~*]* *5[0-9][0-9][ -]5\.7\.' "$t/m3.swaks" | sed 's/^<[~*]* *//')"
else
	not_ok "the tampered message is refused with a 5.7.x reply (see $t/m3.swaks)"
fi
# nothing delivered: by the time the over-classified message's DSN and
# everything before it went through, a tampered copy would have too;
# the tracking log must have no line for it but the refusal
if has_msg "$IDRIS" "$subj3" ||
    has_msg "cn=Tomos Inglis,ou=People,$org" "$subj3"; then
	not_ok "nothing of the tampered message is delivered"
else
	ok "nothing of the tampered message is delivered"
fi
if grep -F -- "msgid=$msgid3" "$MMHS_TRACK_LOG" |
    grep -qE 'event=(delivered|filed|expanded|archived|queued|relayed)'; then
	not_ok "the tracking log shows no delivery of the tampered message ($(grep -F -- "msgid=$msgid3" "$MMHS_TRACK_LOG" | head -n 3))"
else
	ok "the tracking log shows no delivery of the tampered message"
fi
