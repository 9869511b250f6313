#!/bin/bash
# t52-profiler - mmhs-profiler on the site runner, with the real MTA and
# store.  Messages to the MMHS Test Cell (testcell@mod.westland.example)
# are sent with swaks to the MTA; the test adds rules of every kind at
# run time with ldapadd and checks, for each message, the decision in
# the tracking log (the rule's DN, the action and info addresses) and
# the copies in the role mailboxes with mmhs-storectl (info copies carry
# the info flag, action copies do not).  Also: a rule-set switch with
# ldapmodify applies to the next message, time-of-day windows, the
# default role for what matches nothing, a rule whose role has no
# address, an organisation with no rule and no default role (554 and a
# failure report to the originator), a recipient that is no
# organisation (550 at RCPT), a message whose header cannot be read
# (default role), and a multipart/signed message profiled by its SIC and
# by the text of its signed content that arrives byte for byte with its
# signature still valid.
. "$srcdir/tests/e2e/common.sh"

site=$testdir/site
org="o=MMHS Test Cell,o=Defence,c=XW"
org_addr=testcell@mod.westland.example
DO="cn=Duty Officer,$org"
OPS="cn=Operations Officer,$org"
TO="cn=Test Officer,$org"
do_addr=do.testcell@mod.westland.example
ops_addr=ops.testcell@mod.westland.example
to_addr=test.testcell@mod.westland.example
storectl=$builddir/agents/store/mmhs-storectl
sentinel="o=t52 Sentinel,o=Defence,c=XW"
run=t52.$$

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
# Messages

# msg ID [HEADER...] - a message (CRLF) with Message-ID <ID.run@t52.test>,
# Subject "ID", the headers given, and the body from $body
msg() {
	local id=$1 h
	shift
	printf 'From: %s\r\n' "${from:-anwen.lacey@mod.westland.example}"
	printf 'To: %s\r\n' "$org_addr"
	printf 'Subject: %s %s\r\n' "$id" "${subj:-}"
	printf 'Message-ID: <%s.%s@t52.test>\r\n' "$id" "$run"
	printf 'Date: %s\r\n' "$(date -R)"
	for h in "${@}"; do printf '%s\r\n' "$h"; done
	case " $* " in *MMHS-Primary-Precedence*) ;; *)
		printf 'MMHS-Primary-Precedence: 1 (routine)\r\n' ;; esac
	printf '\r\n%s\r\n' "${body:-Nothing to see here.}"
}

# send ID [HEADER...] - the message over SMTP to the MTA's relay port,
# from ${mfrom:-anwen.lacey@...}; 0 when it was queued
send() {
	local id=$1 f=$testdir/$1.eml
	shift
	msg "$id" "$@" > "$f"
	send_file "$id" "$f"
}

# send_file ID FILE - FILE as the message, byte for byte (swaks ends the
# data with a CRLF of its own before the dot, so it gets FILE without
# its last CRLF)
send_file() {
	head -c -2 "$2" > "$2.data"
	swaks --server 127.0.0.1 --port "$MMHS_MTA_SMTP_PORT" \
	    --helo t52.test --from "${mfrom:-anwen.lacey@mod.westland.example}" \
	    --to "$org_addr" --data "@$2.data" > "$testdir/$1.swaks" 2>&1
}

# ---------------------------------------------------------------------
# What the profiler decided, what the store holds

# profiled ID - the tracking line of the profiler's decision on ID
profiled() {
	grep ' agent=profiler event=profiled ' "$MMHS_TRACK_LOG" |
	    grep -F "msgid=<$1.$run@t52.test>" | tail -n 1
}

# has_profiled ID - the profiler decided on ID
has_profiled() {
	[ -n "$(profiled "$1")" ]
}

# field LINE KEY - the (quoted) value of KEY= in a tracking line
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

# in_box DN ID - the mailbox holds ID (by its subject)
in_box() {
	box "$1" | awk -F'\t' -v id="$2" '$8 ~ "^" id "( |$)"' | grep -q .
}

# flags_in DN ID - the flags of ID in the mailbox
flags_in() {
	box "$1" | awk -F'\t' -v id="$2" '$8 ~ "^" id "( |$)" { print $3 }' |
	    head -n 1
}

# decision WHAT ID RULE ACTION INFO - ID was profiled with 250 by the rule
# named RULE (a cn, or "default") to exactly these action and info
# addresses (comma lists, in the rule's order), and each copy is in its
# role's mailbox with the info flag for the info copies only
decision() {
	local what=$1 id=$2 rule=$3 action=$4 info=$5 line got a dn fl bad=""
	if ! wait_for 30 has_profiled "$id"; then
		not_ok "$what: no profiled line for $id in the tracking log"
		return
	fi
	line=$(profiled "$id")
	got=$(field "$line" rule)
	case $rule in
	default) [ "$got" = default ] || bad="rule=$got, want default" ;;
	*) [ "$got" = "cn=$rule,$org" ] || bad="rule=$got, want cn=$rule" ;;
	esac
	[ "$(field "$line" action)" = "$action" ] ||
	    bad="$bad action=$(field "$line" action), want $action"
	[ "$(field "$line" info)" = "$info" ] ||
	    bad="$bad info=$(field "$line" info), want $info"
	case $(field "$line" result) in 250\ *) ;; *)
		bad="$bad result=$(field "$line" result)" ;; esac
	for a in ${action//,/ } ${info//,/ }; do
		dn=$(dn_of "$a")
		if ! wait_for 30 in_box "$dn" "$id"; then
			bad="$bad; not in the mailbox of $a"
			continue
		fi
		fl=$(flags_in "$dn" "$id")
		case ",$info," in
		*",$a,"*) [[ ",$fl," == *,info,* ]] ||
			bad="$bad; $a copy without the info flag ($fl)" ;;
		*) [[ ",$fl," != *,info,* ]] ||
			bad="$bad; $a action copy has the info flag" ;;
		esac
	done
	if [ -z "$bad" ]; then ok "$what"; else not_ok "$what: $bad"; fi
}

# raw ID DN - the stored copy of ID as the store keeps it
raw() {
	local mid
	mid=$(box "$2" | awk -F'\t' -v id="$1" '$8 ~ "^" id "( |$)" { print $1 }' |
	    head -n 1)
	[ -n "$mid" ] && raw_id "$2" "$mid"
}

# raw_id DN MID - message MID of a mailbox as the store keeps it
raw_id() {
	"$storectl" -d "$MMHS_STORE_DIR" raw "$1" "$2"
}

# dn_of ADDR - the role DN of a test cell address (+info ignored)
dn_of() {
	case ${1/+info/} in
	"$do_addr") echo "$DO" ;;
	"$ops_addr") echo "$OPS" ;;
	"$to_addr") echo "$TO" ;;
	esac
}

# not_in WHAT ID DN... - ID reached none of these mailboxes (called after
# decision(), once the copies that were due had arrived)
not_in() {
	local what=$1 id=$2 dn bad=""
	shift 2
	for dn; do
		in_box "$dn" "$id" && bad="$bad ${dn%%,*}"
	done
	if [ -z "$bad" ]; then ok "$what"; else not_ok "$what: also in$bad"; fi
}

# ---------------------------------------------------------------------
# Directory changes, and waiting until the profiler's cache has them

# rcpt_ok ADDR - the profiler accepts ADDR at RCPT (an organisation its
# cache knows)
rcpt_ok() {
	swaks --server 127.0.0.1 --port "$MMHS_PROFILER_LMTP_PORT" \
	    --protocol LMTP --helo t52.test --from t52@t52.test --to "$1" \
	    --quit-after RCPT > /dev/null 2>&1
}

# barrier - return once the profiler's cache has every change made so
# far: give the sentinel organisation a new address and wait until the
# profiler accepts it (the cache applies the directory's changes in the
# order slapd sends them, so the earlier ones are in too)
barrier_n=0
barrier() {
	barrier_n=$((barrier_n + 1))
	ldap_admin ldapmodify >> "$testdir/commands.log" 2>&1 <<EOF
dn: $sentinel
changetype: modify
replace: mail
mail: t52sync$barrier_n@mod.westland.example
EOF
	wait_for 20 rcpt_ok "t52sync$barrier_n@mod.westland.example"
}

# rule CN ORDER SET ATTR-LINES... - add a rule below the test cell
rule() {
	local cn=$1 order=$2 set=$3 l
	shift 3
	{
		echo "dn: cn=$cn,$org"
		echo "objectClass: mmhsProfileRule"
		echo "cn: $cn"
		echo "mmhsRuleSet: $set"
		echo "mmhsRuleOrder: $order"
		for l; do echo "$l"; done
		echo
	} >> "$testdir/rules.ldif"
}

# hhmm MINUTES - minutes of the day (any integer) as HH:MM
hhmm() {
	local m=$(( ($1 % 1440 + 1440) % 1440 ))
	printf '%02d:%02d' $((m / 60)) $((m % 60))
}

# active SET - switch the test cell's rule set; wait for the cache
active() {
	ldap_admin ldapmodify >> "$testdir/commands.log" 2>&1 <<EOF
dn: $org
changetype: modify
replace: mmhsActiveRuleSet
mmhsActiveRuleSet: $1
EOF
	barrier
}

# ---------------------------------------------------------------------

site_start "$site" || { not_ok "site start"; exit 1; }
for v in MMHS_MTA_SMTP_PORT MMHS_PROFILER_LMTP_PORT MMHS_STORE_DIR; do
	if [ -z "${!v:-}" ]; then
		not_ok "the site runner set no $v (see $site/log)"
		exit 1
	fi
done
ok "site with mmhs-mta, mmhs-profiler and mmhs-store"

now=$(( $(date -u +%s) / 60 % 1440 ))
inwin="$(hhmm $((now - 10)))-$(hhmm $((now + 60)))"
outwin="$(hhmm $((now + 120)))-$(hhmm $((now + 180)))"
cat > "$testdir/rules.ldif" <<EOF
dn: $sentinel
objectClass: aCPOrganization
objectClass: mmhsMailbox
objectClass: mmhsProfiledOrganization
o: t52 Sentinel
mail: t52sync0@mod.westland.example
description: moves its address so the test knows the profiler is in sync

EOF
rule peace-030-sic 30 peace "mmhsMatchSIC: ZOP" "mmhsMatchSIC: LG?" \
    "mmhsActionRecipient: $OPS" "mmhsInfoRecipient: $TO"
rule peace-040-text 40 peace "mmhsMatchText: CASEVAC" \
    "mmhsActionRecipient: $DO" "mmhsInfoRecipient: $OPS"
rule peace-050-drill 50 peace "mmhsMatchMessageType: drill" \
    "mmhsActionRecipient: $TO"
rule peace-060-flash 60 peace "mmhsMatchPrecedence: flash" \
    "mmhsMatchPrecedence: override" "mmhsActionRecipient: $DO" \
    "mmhsInfoRecipient: $OPS" "mmhsInfoRecipient: $TO"
rule peace-070-secret 70 peace "mmhsMatchClassification: SECRET" \
    "mmhsActionRecipient: $OPS"
rule peace-080-nato 80 peace "mmhsMatchOriginator: *@nato.example" \
    "mmhsActionRecipient: $OPS" "mmhsInfoRecipient: $DO"
rule peace-085-window-out 85 peace "mmhsMatchSubject: WINDOW" \
    "mmhsMatchTime: $outwin" "mmhsActionRecipient: $OPS"
rule peace-090-window-in 90 peace "mmhsMatchSubject: WINDOW" \
    "mmhsMatchTime: $inwin" "mmhsActionRecipient: $TO"
rule peace-095-noaddress 95 peace "mmhsMatchSubject: NOADDRESS" \
    "mmhsActionRecipient: ou=People,$org" "mmhsInfoRecipient: $TO"
rule exercise-010-type 10 exercise "mmhsMatchMessageType: exercise" \
    "mmhsActionRecipient: $TO" "mmhsInfoRecipient: $DO"
rule exercise-020-sic 20 exercise "mmhsMatchSIC: ZOP" \
    "mmhsActionRecipient: $DO"
check "rules of every kind added" ldap_admin ldapadd -f "$testdir/rules.ldif"
if barrier; then
	ok "the profiler's cache has the new rules"
else
	not_ok "the profiler's cache did not get the new rules"
fi

# --- each rule kind, set peace ---------------------------------------

subj="a TEST message" send c01 || not_ok "c01 not queued"
decision "subject word TEST (sample rule)" c01 peace-010-subject-test \
    "$to_addr" ""
subj="TESTING" send c01b || not_ok "c01b not queued"
decision "TESTING is not the word TEST" c01b default "$do_addr" ""
not_in "subject rule: no copy for the others" c01 "$DO" "$OPS"

mfrom=$ops_addr from=$ops_addr send c02 || not_ok "c02 not queued"
decision "originator pattern (sample rule): action and info apart" c02 \
    peace-020-originator-testcell "$ops_addr" "do.testcell+info@mod.westland.example"

send c03 "MMHS-Subject-Indicator-Codes: ZOP" || not_ok "c03 not queued"
decision "SIC exact" c03 peace-030-sic "$ops_addr" \
    "test.testcell+info@mod.westland.example"
send c04 "MMHS-Subject-Indicator-Codes: ABC; LGB" || not_ok "c04 not queued"
decision "SIC pattern LG?, second SIC of the message" c04 peace-030-sic \
    "$ops_addr" "test.testcell+info@mod.westland.example"
send c04b "MMHS-Subject-Indicator-Codes: LGBB" || not_ok "c04b not queued"
decision "SIC LGBB is not LG?: default role" c04b default "$do_addr" ""

body="Patrol reports one casualty. Request CASEVAC at grid 123456." \
    send c05 || not_ok "c05 not queued"
decision "word in the text" c05 peace-040-text "$do_addr" \
    "ops.testcell+info@mod.westland.example"

send c06 "MMHS-Message-Type: 3 (drill)" || not_ok "c06 not queued"
decision "message type drill" c06 peace-050-drill "$to_addr" ""
send c06b "MMHS-Message-Type: 0 (exercise)" || not_ok "c06b not queued"
decision "message type exercise has no rule in set peace" c06b default \
    "$do_addr" ""

send c07 "MMHS-Primary-Precedence: 4 (flash)" || not_ok "c07 not queued"
decision "precedence flash: one action, two info" c07 peace-060-flash \
    "$do_addr" "ops.testcell+info@mod.westland.example,test.testcell+info@mod.westland.example"
if raw c07 "$DO" | grep -q 'PRIORITY 4;'; then
	ok "the copies went on with MT-PRIORITY 4 (flash)"
else
	not_ok "no PRIORITY 4 in the trace of the duty officer's copy of c07"
fi

send c08 'SIO-Label: marking="WESTLAND SECRET"' ||
    not_ok "c08 not queued"
decision "classification SECRET from the SIO-Label marking" c08 \
    peace-070-secret "$ops_addr" ""

mfrom=j3@nato.example from=j3@nato.example send c09 ||
    not_ok "c09 not queued"
decision "originator pattern *@nato.example" c09 peace-080-nato \
    "$ops_addr" "do.testcell+info@mod.westland.example"

subj=WINDOW send c10 || not_ok "c10 not queued"
decision "time of day: the window now ($inwin), not $outwin" c10 \
    peace-090-window-in "$to_addr" ""

subj="nothing special" send c11 || not_ok "c11 not queued"
decision "no rule matches: the default role for action" c11 default \
    "$do_addr" ""
line=$(profiled c11)
if [ "$(field "$line" default)" = "no rule matched" ]; then
	ok "the tracking log says why the default role got it"
else
	not_ok "no default=\"no rule matched\" in: $line"
fi
not_in "the default role only" c11 "$OPS" "$TO"

subj=NOADDRESS send c12 || not_ok "c12 not queued"
decision "action role without an address: the default role acts" c12 \
    peace-095-noaddress "$do_addr" "test.testcell+info@mod.westland.example"
line=$(profiled c12)
case $(field "$line" unresolved) in
"ou=People,$org: no entry with a mail address")
	ok "the unresolved role is in the tracking log" ;;
*)	not_ok "no unresolved= for ou=People in: $line" ;;
esac

# first match wins: SIC ZOP (030) and flash (060) -> 030 only
send c13 "MMHS-Subject-Indicator-Codes: ZOP" \
    "MMHS-Primary-Precedence: 4 (flash)" || not_ok "c13 not queued"
decision "first matching rule decides (030 before 060)" c13 \
    peace-030-sic "$ops_addr" "test.testcell+info@mod.westland.example"
not_in "the later rule adds nobody" c13 "$DO"

# --- rule-set switch --------------------------------------------------

if active exercise; then
	ok "active rule set switched to exercise with ldapmodify"
else
	not_ok "the profiler's cache did not see the switch"
fi
send c20 "MMHS-Message-Type: 0 (exercise)" || not_ok "c20 not queued"
decision "exercise set: message type exercise" c20 exercise-010-type \
    "$to_addr" "do.testcell+info@mod.westland.example"
send c21 "MMHS-Subject-Indicator-Codes: ZOP" || not_ok "c21 not queued"
decision "exercise set: SIC ZOP goes to the duty officer now" c21 \
    exercise-020-sic "$do_addr" ""
line=$(profiled c21)
[ "$(field "$line" ruleset)" = exercise ] && ok "ruleset=exercise logged" ||
    not_ok "no ruleset=exercise in: $line"
subj=TEST send c22 || not_ok "c22 not queued"
decision "exercise set: peace rules are out" c22 default "$do_addr" ""
if active peace; then
	ok "switched back to peace"
else
	not_ok "the profiler's cache did not see the switch back"
fi
send c23 "MMHS-Subject-Indicator-Codes: ZOP" || not_ok "c23 not queued"
decision "peace again on the next message" c23 peace-030-sic "$ops_addr" \
    "test.testcell+info@mod.westland.example"

# --- signed messages --------------------------------------------------

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=t52 signer" \
    -keyout "$testdir/sign-key.pem" -out "$testdir/sign-cert.pem" \
    >> "$testdir/commands.log" 2>&1
# signed ID HEADER... - a multipart/signed message whose signed text is
# $body, with our header fields outside the signature
signed() {
	local id=$1 f=$testdir/$1.eml h
	shift
	printf '%s\r\n' "$body" > "$testdir/$id.txt"
	{
		printf 'From: anwen.lacey@mod.westland.example\r\n'
		printf 'To: %s\r\n' "$org_addr"
		printf 'Subject: %s signed\r\n' "$id"
		printf 'Message-ID: <%s.%s@t52.test>\r\n' "$id" "$run"
		printf 'Date: %s\r\n' "$(date -R)"
		printf 'MMHS-Primary-Precedence: 1 (routine)\r\n'
		for h; do printf '%s\r\n' "$h"; done
		openssl cms -sign -in "$testdir/$id.txt" -text -crlfeol \
		    -signer "$testdir/sign-cert.pem" \
		    -inkey "$testdir/sign-key.pem" 2>>"$testdir/commands.log" |
		    sed 's/\r*$/\r/'
	} > "$f"
	send_file "$id" "$f"
}

# stored ID DN - the stored copy of ID without the trace fields
# prepended on the way (everything before our own From: line)
stored() {
	raw "$1" "$2" | sed -n '/^From: anwen.lacey@/,$p'
}

# verified FILE - the signature of FILE verifies against the signer
verified() {
	openssl cms -verify -in "$1" -CAfile "$testdir/sign-cert.pem" \
	    -purpose any -out /dev/null >> "$testdir/commands.log" 2>&1
}

body="Signed operations message." signed s01 \
    "MMHS-Subject-Indicator-Codes: ZOP" || not_ok "s01 not queued"
decision "signed message profiled by its SIC" s01 peace-030-sic \
    "$ops_addr" "test.testcell+info@mod.westland.example"
if verified "$testdir/s01.eml"; then
	ok "the signature of the message as sent verifies"
else
	not_ok "the signed message as sent does not verify (test broken)"
fi
stored s01 "$OPS" > "$testdir/s01.stored"
if cmp -s "$testdir/s01.eml" "$testdir/s01.stored"; then
	ok "signed message stored byte for byte (after the trace fields)"
else
	not_ok "the stored copy differs: $(cmp "$testdir/s01.eml" \
	    "$testdir/s01.stored" 2>&1 | head -n 1)"
fi
if verified "$testdir/s01.stored"; then
	ok "the signature still verifies in the role's mailbox"
else
	not_ok "the signature of the stored copy does not verify"
fi
body="Request CASEVAC for two, grid 654321." signed s02 ||
    not_ok "s02 not queued"
decision "signed message profiled by the text of its signed content" s02 \
    peace-040-text "$do_addr" "ops.testcell+info@mod.westland.example"
stored s02 "$DO" > "$testdir/s02.stored"
if cmp -s "$testdir/s02.eml" "$testdir/s02.stored" &&
    verified "$testdir/s02.stored"; then
	ok "second signed message byte for byte, signature valid"
else
	not_ok "s02: the stored copy differs or does not verify"
fi

# --- bad input --------------------------------------------------------

# lmtp ID FILE RCPT - FILE straight to the profiler over LMTP
lmtp() {
	swaks --server 127.0.0.1 --port "$MMHS_PROFILER_LMTP_PORT" \
	    --protocol LMTP --helo t52.test \
	    --from anwen.lacey@mod.westland.example --to "$3" \
	    --data "@$2" > "$testdir/$1.swaks" 2>&1
}

msg b01 > "$testdir/b01.eml"
lmtp b01 "$testdir/b01.eml" anwen.lacey@mod.westland.example
if grep -q '<\*\* *550 5.1.1 .*not a profiled organisation' \
    "$testdir/b01.swaks"; then
	ok "a person's address is refused at RCPT with 550 5.1.1"
else
	not_ok "no 550 for a person: $(grep '<\*\*' "$testdir/b01.swaks")"
fi

# A header the summary cannot read (the MTA refuses such a message at
# its door, so it comes straight over LMTP): the profiler sends it to the
# default role, and the MTA's refusal comes back to the client.
msg b02 "MMHS-Copy-Precedence: bogus" > "$testdir/b02.eml"
lmtp b02 "$testdir/b02.eml" "$org_addr"
if wait_for 30 has_profiled b02; then
	line=$(profiled b02)
	case $(field "$line" default) in
	"message not readable: "*"MMHS-Copy-Precedence"*)
		ok "an unreadable header: the default role, and the reason" ;;
	*) not_ok "b02: default=$(field "$line" default)" ;;
	esac
	[ "$(field "$line" action)" = "$do_addr" ] &&
	    ok "the unreadable message went to the duty officer" ||
	    not_ok "b02: action=$(field "$line" action)"
else
	not_ok "b02 not profiled ($(tail -n 3 "$testdir/b02.swaks"))"
fi
if grep -q '^<\*\* *5[0-9][0-9] 5\.6\.0 .*MMHS-Copy-Precedence' \
    "$testdir/b02.swaks"; then
	ok "the MTA's refusal of it reaches the client as a 5xx"
else
	not_ok "b02: $(grep '^<' "$testdir/b02.swaks" | tail -n 2)"
fi

# no active set and no default role: 554, the originator gets a report
ldap_admin ldapmodify >> "$testdir/commands.log" 2>&1 <<EOF
dn: $org
changetype: modify
replace: mmhsActiveRuleSet
mmhsActiveRuleSet: operations
-
delete: mmhsDefaultRole
EOF
barrier || not_ok "the cache did not see the org change"
send b03 || not_ok "b03 not queued"
if wait_for 30 has_profiled b03; then
	case $(field "$(profiled b03)" result) in
	"554 5.3.5 "*"no default role"*) ok "no rule and no default role: 554 5.3.5 with the reason" ;;
	*) not_ok "b03: result=$(field "$(profiled b03)" result)" ;;
	esac
else
	not_ok "b03 not profiled"
fi
anwen="cn=Anwen Lacey,ou=People,$org"
# dsn_in_box - the originator's mailbox holds a report about b03
dsn_in_box() {
	local m
	for m in $(box "$anwen" | cut -f1); do
		raw_id "$anwen" "$m" | grep -q "b03.$run@t52.test" && return 0
	done
	return 1
}
if wait_for 30 dsn_in_box; then
	ok "the originator got a failure report"
else
	not_ok "no failure report about b03 in the originator's mailbox"
fi
