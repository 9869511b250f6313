#!/bin/bash
# t64-profiler-archive-security - mmhs-profiler and mmhs-archive on
# signed and encrypted messages, on the site runner with its PKI.
#
# A message from anwen.lacey, signed with an ESS security label
# (mmhs-smime) and encrypted to the Joint Force Headquarters
# (jfhq@mod.westland.example, a profiled organisation), goes to the MTA.
# The profiler opens it with the organisation's key and decides by what
# only the inside shows (the text of the body and the classification of
# the signed label, with the SIC and subject of the header); the role
# receives the original bytes (after the trace fields), which decrypt
# with the organisation's key and whose inner signature verifies with
# openssl cms.  The archive keeps the original and a copy re-encrypted
# to its own key: openssl cms decrypts that copy with the archive key,
# also after the organisation's key file is removed and its certificate
# revoked, and "mmhs-archive export --readable" gives the message back.
# Then: a message encrypted to a key nobody holds is profiled on its
# outer header (default role) and archived as is with a note; a message
# whose signature was tampered with is still forwarded, and the tracking
# line says the signature failed.
#
# The site's CA and keys are used (mmhs-site start --pki).
. "$srcdir/tests/e2e/common.sh"

site=$testdir/site
run=t64.$$
jfhq=jfhq@mod.westland.example
anwen=anwen.lacey@mod.westland.example
archive=archive@mod.westland.example
nokey=nobody.t64@mod.westland.example
JFHQ="o=Joint Force Headquarters,o=Defence,c=XW"
OPS="cn=Operations Officer,$JFHQ"
DO="cn=Duty Officer,$JFHQ"
policy=2.25.59028202126315117165413111612054445617.6.1
storectl=$builddir/agents/store/mmhs-storectl
smime=$builddir/agents/smime/mmhs-smime
arc=$builddir/agents/archive/mmhs-archive
log=$testdir/commands.log

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
# The PKI: the site's (--pki)

# p12 ADDR, cert ADDR - the key and certificate files of an address
p12() { echo "$keydir/$1.p12"; }
cert() { echo "$certdir/$1.pem"; }

# pem_key ADDR - the private key of ADDR as PEM (for openssl cms)
pem_key() {
	openssl pkcs12 -in "$(p12 "$1")" -nocerts -nodes \
	    -passin "file:$keydir/passphrase" 2>>"$log"
}

# revoke DN - revoke the certificate of entry DN and publish the CRL
revoke() {
	local ca=$builddir/agents/ca/mmhs-ca
	"$ca" -d "$MMHS_PKI_DIR" revoke --for "$1" >>"$log" 2>&1 &&
	    "$ca" -d "$MMHS_PKI_DIR" crl >>"$log" 2>&1
}

site_start "$site" --pki || { not_ok "site with --pki"; exit 1; }
keydir=$MMHS_KEY_DIR certdir=$MMHS_PKI_DIR/certs cacert=$MMHS_CA_CERT
# the key of an address no agent holds
pki=$testdir/pki
mkdir -p "$pki"
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -keyout \
    "$pki/nokey-key.pem" -out "$pki/nokey.pem" -subj "/CN=$nokey" \
    -addext "subjectAltName=email:$nokey" >>"$log" 2>&1
nokey_cert=$pki/nokey.pem
ok "site started with its PKI (--pki)"

# ---------------------------------------------------------------------
# Messages

# inner ID TEXT [HEADER...] - the message before protection
inner() {
	local id=$1 text=$2 h
	shift 2
	printf 'From: %s\r\nTo: %s\r\n' "$anwen" "$jfhq"
	printf 'Subject: t64 %s exercise report\r\n' "$id"
	printf 'Message-ID: <%s.%s@t64.test>\r\n' "$id" "$run"
	printf 'Date: %s\r\n' "$(date -R)"
	printf 'MMHS-Primary-Precedence: 1 (routine)\r\n'
	printf 'MMHS-Subject-Indicator-Codes: T64X\r\n'
	for h in "$@"; do printf '%s\r\n' "$h"; done
	printf 'Content-Type: text/plain; charset=us-ascii\r\n\r\n%s\r\n' \
	    "$text"
}

# sign_enc ID TEXT CERT - signed with a label by anwen, encrypted to CERT
sign_enc() {
	inner "$1" "$2" > "$testdir/$1.plain"
	"$smime" sign -k "$(p12 "$anwen")" -p "$keydir/passphrase" \
	    --label "$policy:1" < "$testdir/$1.plain" 2>>"$log" |
	    "$smime" encrypt -r "$3" > "$testdir/$1.eml" 2>>"$log"
}

# send_file ID - $testdir/ID.eml to the MTA's relay port, byte for byte
send_file() {
	head -c -2 "$testdir/$1.eml" > "$testdir/$1.data"
	swaks --server 127.0.0.1 --port "$MMHS_MTA_SMTP_PORT" \
	    --helo t64.test --from "$anwen" --to "$jfhq" \
	    --data "@$testdir/$1.data" > "$testdir/$1.swaks" 2>&1
}

# profiled ID - the profiler's tracking line for ID
profiled() {
	grep ' agent=profiler event=profiled ' "$MMHS_TRACK_LOG" |
	    grep -F "msgid=<$1.$run@t64.test>" | tail -n 1
}
has_profiled() { [ -n "$(profiled "$1")" ]; }

# archived ID - the archive's record number of ID
archived() {
	"$arc" search -d "$MMHS_ARCHIVE_DIR" --message-id "<$1.$run@t64.test>" \
	    2>/dev/null | awk '{ print $1 }' | head -n 1
}
has_archived() { [ -n "$(archived "$1")" ]; }

# field LINE KEY - the (quoted or bare) value of KEY= in a tracking line
field() {
	sed -n "s/.* $2=\"\\([^\"]*\\)\".*/\\1/p; t; s/.* $2=\\([^ ]*\\).*/\\1/p" \
	    <<<"$1"
}

# box DN - every message line of a mailbox, all folders
box() {
	local f
	"$storectl" -d "$MMHS_STORE_DIR" folders "$1" 2>/dev/null |
	    cut -f1 | while read -r f; do
		"$storectl" -d "$MMHS_STORE_DIR" list "$1" "$f" 2>/dev/null |
		    grep -v '^total'
	done
}

# stored ID DN - the role's copy without the trace fields prepended
stored() {
	local mid
	mid=$(box "$2" | awk -F'\t' -v s="t64 $1 " 'index($8, s) == 1 {
	    print $1 }' | head -n 1)
	[ -n "$mid" ] && "$storectl" -d "$MMHS_STORE_DIR" raw "$2" "$mid" |
	    sed -n "/^From: $anwen/,\$p"
}
has_stored() { [ -n "$(stored "$1" "$2")" ]; }

# expect_fail CMD... - CMD exits non-zero
expect_fail() {
	if "$@" > /dev/null 2>>"$log"; then return 1; else return 0; fi
}

# ---------------------------------------------------------------------
# The rule: what only the inside of the message shows

ldap_admin ldapadd >>"$log" 2>&1 <<EOF
dn: cn=peace-001-t64-inner,$JFHQ
objectClass: mmhsProfileRule
cn: peace-001-t64-inner
mmhsRuleSet: peace
mmhsRuleOrder: 1
mmhsMatchSIC: T64X
mmhsMatchSubject: exercise report
mmhsMatchText: t64 inner words
mmhsMatchClassification: UNCLASSIFIED
mmhsActionRecipient: $OPS
EOF
check "rule on SIC, subject, text and signed classification added" \
    ldap_admin ldapsearch -b "cn=peace-001-t64-inner,$JFHQ" -s base

# ---------------------------------------------------------------------
# e01: signed, labelled, encrypted to the organisation

sign_enc e01 "Here are the t64 inner words of $run." "$(cert "$jfhq")"
if [ -s "$testdir/e01.eml" ] && grep -qi 'enveloped-data' "$testdir/e01.eml"
then
	ok "e01 signed with a label and encrypted (mmhs-smime)"
else
	not_ok "e01 could not be made (see $log)"
fi
if grep -q 't64 inner words' "$testdir/e01.eml"; then
	not_ok "the text of e01 is readable outside (test broken)"
fi
check "e01 queued by the MTA" send_file e01

if wait_for 60 has_profiled e01; then
	line=$(profiled e01)
	got="rule=$(field "$line" rule) protected=$(field "$line" protected)"
	got="$got label=$(field "$line" label) read=$(field "$line" read)"
	got="$got sig=$(field "$line" sig)"
	want="rule=cn=peace-001-t64-inner,$JFHQ protected=signed,encrypted"
	want="$want label=ess read=inner sig=ok"
	if [ "$got" = "$want" ]; then
		ok "e01 profiled by its inside: $got"
	else
		not_ok "e01 profiled as: $got (want $want; line: $line)"
	fi
	case $(field "$line" result) in
	250\ *) ok "e01 resubmitted to the role" ;;
	*) not_ok "e01: $(field "$line" result)" ;;
	esac
else
	not_ok "e01: no profiled line in the tracking log"
fi

if wait_for 60 has_stored e01 "$OPS"; then
	stored e01 "$OPS" > "$testdir/e01.stored"
	if cmp -s "$testdir/e01.eml" "$testdir/e01.stored"; then
		ok "e01 in the Operations Officer's mailbox byte for byte"
	else
		not_ok "e01 stored copy differs: $(cmp "$testdir/e01.eml" \
		    "$testdir/e01.stored" 2>&1 | head -n 1)"
	fi
	pem_key "$jfhq" > "$testdir/jfhq-key.pem"
	if openssl cms -decrypt -in "$testdir/e01.stored" \
	    -recip "$(cert "$jfhq")" -inkey "$testdir/jfhq-key.pem" \
	    -out "$testdir/e01.decrypted" >>"$log" 2>&1 &&
	    openssl cms -verify -in "$testdir/e01.decrypted" \
	    -CAfile "$cacert" -purpose any -out "$testdir/e01.content" \
	    >>"$log" 2>&1 && grep -q 't64 inner words' "$testdir/e01.content"
	then
		ok "the role's copy decrypts and its inner signature verifies (openssl cms)"
	else
		not_ok "the role's copy does not decrypt or verify with openssl cms"
	fi
else
	not_ok "e01 not in the Operations Officer's mailbox"
fi

# ---------------------------------------------------------------------
# The archive's copy

if wait_for 60 has_archived e01; then
	rec=$(archived e01)
	ok "e01 archived as record $rec"
	"$arc" export -d "$MMHS_ARCHIVE_DIR" "$rec" > "$testdir/e01.orig" 2>>"$log"
	if cmp -s "$testdir/e01.eml" \
	    <(sed -n "/^From: $anwen/,\$p" "$testdir/e01.orig"); then
		ok "export gives the original as received"
	else
		not_ok "export of record $rec is not the original"
	fi
	line=$(grep ' agent=archive event=archived ' "$MMHS_TRACK_LOG" |
	    grep -F "msgid=<e01.$run@t64.test>" | tail -n 1)
	if [ "$(field "$line" copy)" = yes ] &&
	    [ "$(field "$line" copykey)" = "$archive" ]; then
		ok "archived line says: copy to the archive key"
	else
		not_ok "archived line: $line"
	fi
else
	not_ok "e01 not archived"
	rec=0
fi

# ---------------------------------------------------------------------
# e02: encrypted to a key nobody here holds

sign_enc e02 "More t64 inner words of $run." "$nokey_cert"
check "e02 queued by the MTA" send_file e02
if wait_for 60 has_profiled e02; then
	line=$(profiled e02)
	if [ "$(field "$line" rule)" = default ] &&
	    [ "$(field "$line" read)" = outer ] &&
	    [ -n "$(field "$line" unread)" ]; then
		ok "e02 profiled on its outer header: $(field "$line" unread)"
	else
		not_ok "e02 profiled as: $line"
	fi
else
	not_ok "e02: no profiled line"
fi
if wait_for 60 has_archived e02; then
	line=$(grep ' agent=archive event=archived ' "$MMHS_TRACK_LOG" |
	    grep -F "msgid=<e02.$run@t64.test>" | tail -n 1)
	if [ "$(field "$line" copy)" = no ] && [ -n "$(field "$line" note)" ]
	then
		ok "e02 archived as is, with a note: $(field "$line" note)"
	else
		not_ok "e02 archived line: $line"
	fi
	check "export --readable of e02 says there is no readable copy" \
	    expect_fail "$arc" export -d "$MMHS_ARCHIVE_DIR" --readable \
	    -k "$keydir" "$(archived e02)"
else
	not_ok "e02 not archived"
fi

# ---------------------------------------------------------------------
# The archive copy after the organisation's key is gone

# the organisation's key gone and its certificate revoked
rm -f "$(p12 "$jfhq")"
if revoke "$JFHQ"; then
	ok "the organisation's key removed and its certificate revoked"
else
	not_ok "revoking the organisation's certificate (see $log)"
fi
pem_key "$archive" > "$testdir/archive-key.pem"
"$arc" export -d "$MMHS_ARCHIVE_DIR" --archive-copy "$rec" \
    > "$testdir/e01.copy" 2>>"$log"
if openssl cms -decrypt -in "$testdir/e01.copy" -inkey \
    "$testdir/archive-key.pem" -out "$testdir/e01.copy.dec" >>"$log" 2>&1 &&
    openssl cms -verify -in "$testdir/e01.copy.dec" -CAfile "$cacert" \
    -purpose any -out "$testdir/e01.copy.content" >>"$log" 2>&1 &&
    grep -q 't64 inner words' "$testdir/e01.copy.content"; then
	ok "the archive copy decrypts with the archive key (openssl cms), signature inside"
else
	not_ok "the archive copy does not decrypt with the archive key"
fi
if "$arc" export -d "$MMHS_ARCHIVE_DIR" --readable -k "$keydir" "$rec" \
    > "$testdir/e01.readable" 2>>"$log" &&
    grep -q '^Subject: t64 e01' "$testdir/e01.readable" &&
    openssl cms -verify -in "$testdir/e01.readable" -CAfile "$cacert" \
    -purpose any -out - 2>>"$log" | grep -q 't64 inner words'; then
	ok "export --readable gives the message back after the revocation"
else
	not_ok "export --readable failed (see $log)"
fi
check "export --readable without the archive key is refused" \
    expect_fail "$arc" export -d "$MMHS_ARCHIVE_DIR" --readable \
    -k "$testdir" "$rec"
check "the archive chain verifies" "$arc" verify -d "$MMHS_ARCHIVE_DIR"

# ---------------------------------------------------------------------
# s01: a signed message tampered with on the way

inner s01 "The t64 inner words, altered." > "$testdir/s01.plain"
"$smime" sign -k "$(p12 "$anwen")" -p "$keydir/passphrase" --clear \
    < "$testdir/s01.plain" 2>>"$log" |
    sed 's/altered\./ALTERED!/' > "$testdir/s01.eml"
if grep -q 'ALTERED!' "$testdir/s01.eml"; then
	ok "s01 signed (clear) and its text changed after signing"
else
	not_ok "s01 could not be made or changed (see $log)"
fi
check "s01 queued by the MTA" send_file s01
if wait_for 60 has_profiled s01; then
	line=$(profiled s01)
	case "$(field "$line" sig)/$(field "$line" result)" in
	ok/*) not_ok "s01: the tampered signature was taken as ok: $line" ;;
	*/250\ *) ok "s01 forwarded, signature $(field "$line" sig): $(field "$line" sigerr)" ;;
	*) not_ok "s01: $line" ;;
	esac
else
	not_ok "s01: no profiled line"
fi
