#!/bin/bash
# t50-store - delivery into mmhs-store on the site runner: swaks submits
# to the MTA (SMTP AUTH as anwen.lacey, or the relay port for a foreign
# originator), the MTA delivers to the store over LMTP, mmhs-storectl
# reads the store, ldapmodify changes the directory under it.  Checked:
# a message reaches a person's and a role's mailbox with its summary and
# its bytes; the role's mmhsFilingRule values file by precedence, SIC
# and originator, and a classification rule added with ldapmodify files
# the next message; "+info" sets the info flag; a message labelled
# WESTLAND SECRET to ceinwen.nuttall (cleared CONFIDENTIAL) is refused,
# the tracking log says why and the originator's mailbox gets a DSN
# with that reason; once her clearance is raised with ldapmodify the
# next one is filed; an unknown mailbox is refused by the store itself
# (LMTP straight to it) and through the MTA; counters match.
. "$srcdir/tests/e2e/common.sh"

site=$testdir/site
PW=Westland-Demo-1
ANWEN=anwen.lacey@mod.westland.example
ANWEN_DN="cn=Anwen Lacey,ou=People,o=MMHS Test Cell,o=Defence,c=XW"
OPS=ops.jfhq@mod.westland.example
OPS_DN="cn=Operations Officer,o=Joint Force Headquarters,o=Defence,c=XW"
IDRIS=idris.carrow@mod.westland.example
IDRIS_DN="cn=Idris Carrow,ou=People,o=Joint Force Headquarters,o=Defence,c=XW"
CEIN=ceinwen.nuttall@mod.westland.example
CEIN_DN="cn=Ceinwen Nuttall,ou=People,o=MMHS Test Cell,o=Defence,c=XW"
NAT=2.25.59028202126315117165413111612054445617.6.1
storectl=$builddir/agents/store/mmhs-storectl

for tool in swaks ldapmodify mdb_dump; do
	command -v $tool >/dev/null || { not_ok "$tool is not installed"; exit 1; }
done
for f in agents/store/mmhs-store agents/store/mmhs-storectl; do
	[ -x "$builddir/$f" ] || { not_ok "$f is not built"; exit 1; }
done
# The store and the MTA only: ffmon would redirect what stays unread.
site_start "$site" --agents=store,mta || { not_ok "site start"; exit 1; }

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

# cache_dump - the store's directory cache, read-only (opening it as a
# cache with another index list would rebuild the store's indexes)
cache_dump() {
	mdb_dump -p -s entries "$MMHS_SITE_DIR/cache/store"
}

sctl() {
	"$storectl" -d "$MMHS_STORE_DIR" "$@"
}

# submit TO SUBJECT [HEADER...] - as anwen.lacey through the submit port
submit() {
	local to=$1 subject=$2 h=()
	shift 2
	for x; do h+=(--header "$x"); done
	swaks --server "127.0.0.1:$MMHS_MTA_SUBMIT_PORT" -tls --auth PLAIN \
	    --auth-user anwen.lacey --auth-password "$PW" --from "$ANWEN" \
	    --to "$to" --header "Subject: $subject" \
	    --header "Message-Id: <$subject@t50.test>" "${h[@]}" \
	    --body "body of $subject" >> "$testdir/swaks.log" 2>&1
}

# relay FROM TO SUBJECT - through the MTA's relay port, as a peer
relay() {
	swaks --server "127.0.0.1:$MMHS_MTA_SMTP_PORT" --from "$1" --to "$2" \
	    --header "Subject: $3" --header "Message-Id: <$3@t50.test>" \
	    --header "MMHS-Primary-Precedence: 1" --body "body of $3" \
	    >> "$testdir/swaks.log" 2>&1
}

# in_folder DN FOLDER SUBJECT - the message is listed in that folder
in_folder() {
	sctl list "$1" "$2" --limit 1000 | cut -f8 | grep -qx "$3"
}

# id_of DN FOLDER SUBJECT - the id of the message with that subject
id_of() {
	sctl list "$1" "$2" --limit 1000 | awk -F'\t' -v s="$3" \
	    '$8 == s { print $1; exit }'
}

# filed NAME DN FOLDER SUBJECT - a check that waits for the filing
filed() {
	if wait_for 20 in_folder "$2" "$3" "$4"; then
		ok "$1"
	else
		not_ok "$1 ($4 not in $3 of $2: $(sctl list "$2" "$3" 2>&1))"
	fi
}

# -- a person and a role -----------------------------------------------
submit "$OPS,$IDRIS" t50-both "MMHS-Primary-Precedence: 2 (priority)" \
    "MMHS-Subject-Indicator-Codes: AAB"
filed "the role's mailbox has it" "$OPS_DN" Inbox t50-both
filed "the person's mailbox has it" "$IDRIS_DN" Inbox t50-both
id=$(id_of "$IDRIS_DN" Inbox t50-both)
out=$(sctl show "$IDRIS_DN" "$id")
if grep -qx $'precedence\tpriority' <<<"$out" &&
    grep -qx $'sic\tAAB' <<<"$out" &&
    grep -qx $'message-id\t<t50-both@t50.test>' <<<"$out" &&
    grep -qx $'from\t'"$ANWEN" <<<"$out" &&
    grep -qx $'flags\t-' <<<"$out"; then
	ok "summary: precedence, SIC, Message-ID, originator, unread"
else
	not_ok "summary: $out"
fi
raw=$(sctl raw "$IDRIS_DN" "$id")
size=$(sctl raw "$IDRIS_DN" "$id" | wc -c)
if grep -qi "^Message-ID: <t50-both@t50.test>" <<<"$raw" &&
    grep -q "^body of t50-both" <<<"$raw" &&
    grep -qx $'size\t'"$size" <<<"$out"; then
	ok "raw: the delivered bytes, of the size recorded"
else
	not_ok "raw: $size bytes: $raw"
fi

# -- filing rules of the Operations Officer -------------------------------
# sic$ZOP$Operations, precedence$flash$Flash, originator$*@nato.example$NATO
submit "$OPS" t50-flash "MMHS-Primary-Precedence: 4 (flash)" \
    "MMHS-Subject-Indicator-Codes: ZOP"
filed "precedence rule first: FLASH with SIC ZOP into Flash" "$OPS_DN" Flash \
    t50-flash
submit "$OPS" t50-zop "MMHS-Primary-Precedence: 2" \
    "MMHS-Subject-Indicator-Codes: AAA; ZOP"
filed "SIC rule: ZOP into Operations" "$OPS_DN" Operations t50-zop
relay liaison@nato.example "$OPS" t50-nato
filed "originator rule: *@nato.example into NATO" "$OPS_DN" NATO t50-nato
grep -q 'event=filed.*msgid=<t50-zop@t50.test>.*folder="Operations".*rule="sic\$ZOP\$Operations"' \
    "$MMHS_TRACK_LOG" && ok "tracking log names the folder and the rule" ||
    not_ok "no filed line with the rule for t50-zop"

ldap_admin ldapmodify >> "$testdir/commands.log" 2>&1 <<EOF
dn: $OPS_DN
changetype: modify
add: mmhsFilingRule
mmhsFilingRule: classification\$CONFIDENTIAL\$Confidential
EOF
ok_rule() {
	cache_dump | grep -qF 'classification$CONFIDENTIAL$Confidential'
}
wait_for 20 ok_rule || not_ok "the store's cache never saw the new rule"
submit "$OPS" t50-conf "MMHS-Primary-Precedence: 2" \
    'SIO-Label: marking="WESTLAND CONFIDENTIAL"' \
    "MMHS-Subject-Indicator-Codes: ZOP"
filed "a classification rule added with ldapmodify files the next message" \
    "$OPS_DN" Confidential t50-conf
id=$(id_of "$OPS_DN" Confidential t50-conf)
sctl show "$OPS_DN" "$id" | grep -qx $'classification\tCONFIDENTIAL' &&
    ok "classification recorded" || not_ok "classification of t50-conf"

# -- +info -------------------------------------------------------------------
submit "${OPS/@/+info@}" t50-info "MMHS-Primary-Precedence: 1"
filed "+info copy filed" "$OPS_DN" Inbox t50-info
sctl list "$OPS_DN" Inbox | awk -F'\t' '$8 == "t50-info" { print $3 }' |
    grep -qx info && ok "+info copy has the info flag" ||
    not_ok "flags of t50-info: $(sctl list "$OPS_DN" Inbox)"
sctl list "$OPS_DN" Inbox | awk -F'\t' '$8 == "t50-both" { print $3 }' |
    grep -qx -- - && ok "a plain copy has no info flag" ||
    not_ok "flags of t50-both"

# -- an over-classified message ------------------------------------------------
submit "$CEIN" t50-secret "MMHS-Primary-Precedence: 2" \
    'SIO-Label: marking="WESTLAND SECRET"'
# The MTA refuses it for the store (mmhs-mta(8), "Clearances of local
# mailboxes") with the store's own decision and words; a label the MTA
# cannot read reaches the store, which refuses it itself (t61).
refused() {
	grep -Eq 'agent=(mta|store) event=refused .*msgid=<t50-secret@t50.test>' \
	    "$MMHS_TRACK_LOG"
}
if wait_for 20 refused; then
	line=$(grep -E 'agent=(mta|store) event=refused .*msgid=<t50-secret@t50.test>' \
	    "$MMHS_TRACK_LOG")
	grep -q "550 5.7.1 label WESTLAND SECRET is above the clearance CONFIDENTIAL of $CEIN_DN" \
	    <<<"$line" && ok "refused for the mailbox: 550 5.7.1 with the reason" ||
	    not_ok "refusal text: $line"
else
	not_ok "no refusal of t50-secret in the tracking log"
fi
in_folder "$CEIN_DN" Inbox t50-secret && not_ok "t50-secret was stored" ||
    ok "nothing stored for ceinwen"
dsn_id() {
	id_of "$ANWEN_DN" Inbox "Delivery failure: t50-secret" | grep -q .
}
if wait_for 30 dsn_id; then
	id=$(id_of "$ANWEN_DN" Inbox "Delivery failure: t50-secret")
	# Unfolded: the reason may be split over lines of Diagnostic-Code.
	dsn=$(sctl raw "$ANWEN_DN" "$id" | tr -d '\r' | tr '\n' '\v' |
	    sed -e 's/\v[ \t]\+/ /g' | tr '\v' '\n')
	if grep -q "^Status: 5.7.1" <<<"$dsn" && grep -q "^Diagnostic-Code: .*label WESTLAND SECRET is above the clearance CONFIDENTIAL" <<<"$dsn"; then
		ok "the originator's mailbox has a DSN saying why"
	else
		not_ok "DSN without the reason: $dsn"
	fi
else
	not_ok "no DSN for t50-secret in $ANWEN_DN"
fi

# -- the clearance raised ------------------------------------------------------
ldap_admin ldapmodify >> "$testdir/commands.log" 2>&1 <<EOF
dn: $CEIN_DN
changetype: modify
replace: mmhsClearance
mmhsClearance: $NAT\$SECRET
EOF
raised() {
	cache_dump | grep "^ .\{0,16\}$CEIN_DN" |
	    sed 's/\\[0-9a-f][0-9a-f]/\n/g' | grep -qxF "$NAT\$SECRET"
}
wait_for 20 raised || not_ok "the store's cache never saw the clearance"
submit "$CEIN" t50-secret2 "MMHS-Primary-Precedence: 2" \
    'SIO-Label: marking="WESTLAND SECRET"'
filed "after ldapmodify raised the clearance the next one is filed" \
    "$CEIN_DN" Inbox t50-secret2

# -- unknown mailboxes -----------------------------------------------------------
out=$(swaks --protocol LMTP --server "127.0.0.1:$MMHS_STORE_LMTP_PORT" \
    --from "$ANWEN" --to nobody@mod.westland.example 2>&1)
grep -q "<\*\* 550 5.1.1 <nobody@mod.westland.example>: no mailbox" <<<"$out" &&
    ok "the store refuses an unknown mailbox at RCPT (550 5.1.1)" ||
    not_ok "store RCPT: $out"
out=$(swaks --protocol LMTP --server "127.0.0.1:$MMHS_STORE_LMTP_PORT" \
    --from "$ANWEN" --to "$MMHS_STORE_DN@x" 2>&1)
grep -q "<\*\* 550 5.1.1" <<<"$out" && ok "and an address that names no entry" ||
    not_ok "store RCPT of nonsense: $out"
submit nobody@mod.westland.example t50-nobody
bounced() {
	grep 'agent=mta event=bounced .*msgid=<t50-nobody@t50.test>' \
	    "$MMHS_TRACK_LOG" | grep -q '550 5.1.1 <nobody@mod.westland.example>'
}
wait_for 20 bounced &&
    ok "through the MTA: the store's 550 5.1.1 bounces it" ||
    not_ok "no bounce of t50-nobody in the tracking log"

# -- counters ----------------------------------------------------------------------
want=$(sctl list "$OPS_DN" Inbox --limit 1000 | tail -n +2 | wc -l)
got=$(sctl folders "$OPS_DN" | awk -F'\t' '$1 == "Inbox" { print $2 }')
unread=$(sctl list "$OPS_DN" Inbox --unread | head -1 | cut -f2)
[ "$want" = "$got" ] && [ "$unread" = "$got" ] &&
    ok "folder counters: $got messages, all unread" ||
    not_ok "counters: listed $want, folder says $got, unread $unread"
[ "$(sctl folders "$OPS_DN" | cut -f1 | tr '\n' ' ')" = \
    "Inbox Confidential Flash NATO Operations " ] &&
    ok "folders of the role, Inbox first" ||
    not_ok "folders: $(sctl folders "$OPS_DN")"
sctl count | grep -qx $'mailboxes\t4' && ok "four mailboxes" ||
    not_ok "count: $(sctl count)"
