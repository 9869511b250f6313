#!/bin/bash
# t51-store-api - the HTTPS API of mmhs-store on the site runner, with
# curl as the client, swaks submitting through the MTA (SMTP AUTH as a
# person), ldapmodify changing the directory under it, and jq reading
# the answers.  Checked: 401 without, with a wrong password and for an
# unknown user (with WWW-Authenticate); login by uid, mail and DN; the
# mailboxes of berwyn.moorcroft (his own and his two roles); messages
# submitted appear; sort, paging and every filter; the raw message is
# the submitted one byte for byte after the MTA's trace field; the
# detail's MMHS fields and text; marking seen sends one "displayed" MDN
# to the originator (and only one); deleting unread sends "deleted";
# move to a folder; server-sent events filtered by precedence; a role
# taken away with ldapmodify -> 403 at once, gone from the list, and no
# more events of it; agent endpoints refused to a person and served to
# cn=ffmon (a peer of the store), redirected once only (409); bad input
# -> 400/404/405 with a JSON error; the store stops cleanly on SIGTERM
# (and under the sanitizers reports nothing).
. "$srcdir/tests/e2e/common.sh"

site=$testdir/site
pids=""
PW=Westland-Demo-1
BERWYN="cn=Berwyn Moorcroft,ou=People,o=MMHS Test Cell,o=Defence,c=XW"
DO_DN="cn=Duty Officer,o=MMHS Test Cell,o=Defence,c=XW"
FFMON_DN="cn=ffmon,cn=mod-main,ou=MMHS,c=XW"
DO=do.testcell@mod.westland.example
ANWEN=anwen.lacey@mod.westland.example

# cleanup - stop the event stream readers, then the site
cleanup() {
	local p
	for p in $pids; do
		kill "$p" 2>/dev/null
		wait "$p" 2>/dev/null
	done
	pids=""
}
trap 'cleanup; finish; exit $?' EXIT

for tool in curl swaks jq; do
	command -v $tool >/dev/null ||
	    { not_ok "$tool is not installed"; exit 1; }
done
[ -x "$builddir/agents/store/mmhs-store" ] ||
    { not_ok "mmhs-store is not built"; exit 1; }
# The store and the MTA only: ffmon's five-second FLASH deadline of the
# test cell would redirect the messages this test leaves unread.
site_start "$site" --agents=store,mta || { not_ok "site start"; exit 1; }
api=https://127.0.0.1:$MMHS_STORE_HTTP_PORT/api/v1
ldap_admin ldapmodify >> "$testdir/commands.log" 2>&1 <<EOF
dn: $MMHS_STORE_DN
changetype: modify
add: mmhsLimit
mmhsLimit: mdn-retry=1
EOF

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

# call USER METHOD PATH [curl options] - the body goes to $testdir/body,
# the HTTP status to standard output; USER "" sends no credentials
call() {
	local user=$1 method=$2 path=$3
	shift 3
	if [ -n "$user" ]; then
		set -- -u "$user" "$@"
	fi
	curl -s -o "$testdir/body" -D "$testdir/headers" -w '%{http_code}' \
	    --cacert "$MMHS_TLS_CA" -X "$method" "$@" "$api/$path"
	echo "$method $path -> $(head -c 600 "$testdir/body")" \
	    >> "$testdir/commands.log"
}

# expect_http WHAT STATUS USER METHOD PATH [curl options]
expect_http() {
	local what=$1 want=$2 got
	shift 2
	got=$(call "$@")
	if [ "$got" = "$want" ]; then
		ok "$what"
	else
		not_ok "$what (HTTP $got, want $want:" \
		    "$(head -c 300 "$testdir/body"))"
	fi
}

# jcheck WHAT JQ-EXPRESSION - the last body makes the expression true
jcheck() {
	if jq -e "$2" "$testdir/body" > /dev/null 2>&1; then
		ok "$1"
	else
		not_ok "$1 (jq '$2' on $(head -c 400 "$testdir/body"))"
	fi
}

# submit FILE TO [AUTH-USER] - swaks through the submission port; 0 when
# the MTA queued it (swaks's own exit status also counts the QUIT)
submit() {
	swaks --server "127.0.0.1:$MMHS_MTA_SUBMIT_PORT" --tls \
	    --auth PLAIN --auth-user "${3:-anwen.lacey}" --auth-password "$PW" \
	    --from "${3:-anwen.lacey}@mod.westland.example" --to "$2" \
	    --data "@$1" > "$testdir/swaks.out" 2>&1
	cat "$testdir/swaks.out" >> "$testdir/swaks.log"
	grep -q '^<~  250 .*queued' "$testdir/swaks.out"
}

# message NAME PREC SUBJECT [EXTRA-FIELD...] - a message file NAME.eml
# with Message-ID <NAME.t51@mod.westland.example>
message() {
	local name=$1 prec=$2 subject=$3 f
	shift 3
	{
		echo "From: Anwen Lacey <$ANWEN>"
		echo "To: $DO"
		echo "Subject: $subject"
		echo "Message-ID: <$name.t51@mod.westland.example>"
		echo "Date: Sat, 28 Nov 2026 1$prec:00:00 +0000"
		echo "MMHS-Primary-Precedence: $prec"
		for f; do echo "$f"; done
		echo
		echo "Body of $name."
		echo "Second line, with a . at its start next:"
		echo ".dot"
	} > "$testdir/$name.eml"
}

# filed MSGID - the tracking log has the store's "filed" line for it
filed() {
	grep -q "agent=store event=filed msgid=<$1.t51@" "$MMHS_TRACK_LOG"
}

# id_of USER MBOX NAME - the id of message NAME in a mailbox's Inbox
id_of() {
	call "$1" GET "mailboxes/$2/messages?limit=1000" > /dev/null
	jq -r --arg id "<$3.t51@mod.westland.example>" \
	    '.messages[] | select(.message_id == $id) | .id' "$testdir/body"
}

# status_ok - the store's entry says it runs, with its number of messages
status_ok() {
	local re='^mmhsAgentStatus: running: [0-9]* messages in [0-9]* mailboxes'

	ldap_admin ldapsearch -LLL -b "$MMHS_STORE_DN" -s base \
	    mmhsAgentStatus mmhsQueueDepth > "$testdir/status" 2>&1 &&
	    grep -q "$re" "$testdir/status" &&
	    grep -q '^mmhsQueueDepth: [0-9]' "$testdir/status"
}
check "status in the store's entry: running, with the message count" \
    wait_for 10 status_ok

# ---------------------------------------------------------------- auth
expect_http "no credentials: 401" 401 "" GET mailboxes
check "401 carries WWW-Authenticate: Basic" \
    grep -qi '^WWW-Authenticate: Basic realm=' "$testdir/headers"
jcheck "401 is a JSON error" '.error | length > 0'
expect_http "wrong password: 401" 401 "berwyn.moorcroft:wrong" GET mailboxes
expect_http "unknown user: 401" 401 "nobody.here:$PW" GET mailboxes
expect_http "empty password: 401" 401 "berwyn.moorcroft:" GET mailboxes
expect_http "login by mail" 200 "berwyn.moorcroft@mod.westland.example:$PW" \
    GET mailboxes
expect_http "login by DN" 200 "$BERWYN:$PW" GET mailboxes
expect_http "login by uid, list mailboxes" 200 "berwyn.moorcroft:$PW" \
    GET mailboxes
jcheck "berwyn has his own mailbox and two roles" \
    '([.[] | .mailbox] | sort) == ["berwyn.moorcroft@mod.westland.example",
     "do.testcell@mod.westland.example", "test.testcell@mod.westland.example"]'
jcheck "kinds: person and roles" \
    '([.[] | select(.kind == "role")] | length) == 2 and
     ([.[] | select(.kind == "person")] | length) == 1'
B="berwyn.moorcroft:$PW"

# ------------------------------------------------------------ messages
message m1 1 "t51 routine one" "MMHS-Subject-Indicator-Codes: ZOP" \
    "Disposition-Notification-To: $ANWEN"
message m2 2 "t51 priority receipt" "Disposition-Notification-To: $ANWEN"
message m3 3 "t51 immediate confidential" \
    'SIO-Label: marking="WESTLAND CONFIDENTIAL"'
message m4 4 "t51 flash one"
for m in m1 m2 m3 m4; do
	submit "$testdir/$m.eml" "$DO" || not_ok "swaks $m"
done
if wait_for 30 filed m1 && wait_for 10 filed m2 && wait_for 10 filed m3 &&
    wait_for 10 filed m4; then
	ok "four messages delivered to the duty officer's mailbox"
else
	not_ok "messages not delivered (see $MMHS_TRACK_LOG)"
fi
expect_http "list the Inbox" 200 "$B" GET "mailboxes/$DO/messages"
jcheck "total 4, newest first by default" \
    '.total == 4 and (.messages | length) == 4 and
     ([.messages[].date] == ([.messages[].date] | sort | reverse))'
expect_http "sort by precedence" 200 "$B" GET \
    "mailboxes/$DO/messages?sort=precedence&order=desc"
jcheck "flash, immediate, priority, routine" \
    '[.messages[].precedence] == ["flash","immediate","priority","routine"]'
expect_http "sort by precedence ascending" 200 "$B" GET \
    "mailboxes/$DO/messages?sort=precedence&order=asc"
jcheck "routine first" '.messages[0].precedence == "routine"'
expect_http "a page" 200 "$B" GET \
    "mailboxes/$DO/messages?sort=precedence&offset=1&limit=2"
jcheck "page: total 4, immediate and priority" \
    '.total == 4 and [.messages[].precedence] == ["immediate","priority"]'
expect_http "filter precedence=flash,immediate" 200 "$B" GET \
    "mailboxes/$DO/messages?precedence=flash,immediate"
jcheck "two messages, flash and immediate" \
    '.total == 2 and ([.messages[].precedence] | sort) == ["flash","immediate"]'
expect_http "filter sic=ZOP" 200 "$B" GET "mailboxes/$DO/messages?sic=ZOP"
jcheck "only m1" '.total == 1 and .messages[0].subject == "t51 routine one"'
expect_http "filter classification" 200 "$B" GET \
    "mailboxes/$DO/messages?classification=CONFIDENTIAL"
jcheck "only the confidential one" \
    '.total == 1 and .messages[0].classification == "CONFIDENTIAL"'
expect_http "sort by classification" 200 "$B" GET \
    "mailboxes/$DO/messages?sort=classification&order=desc"
jcheck "the classified one first" \
    '.messages[0].classification == "CONFIDENTIAL"'
expect_http "filter originator" 200 "$B" GET \
    "mailboxes/$DO/messages?originator=ANWEN.LACEY@mod.westland.example"
jcheck "all four are anwen's" '.total == 4'
expect_http "filter originator (nobody)" 200 "$B" GET \
    "mailboxes/$DO/messages?originator=x@y.example"
jcheck "none" '.total == 0 and (.messages | length) == 0'

id1=$(id_of "$B" "$DO" m1)
id2=$(id_of "$B" "$DO" m2)
id3=$(id_of "$B" "$DO" m3)
expect_http "message detail" 200 "$B" GET "mailboxes/$DO/messages/$id3"
jcheck "detail: MMHS fields, SIO-Label, To and text" \
    '.fields["MMHS-Primary-Precedence"] == "3" and
     (.fields["SIO-Label"] | test("WESTLAND CONFIDENTIAL")) and
     .to == "do.testcell@mod.westland.example" and
     (.text | test("Body of m3"))'
expect_http "raw message" 200 "$B" GET "mailboxes/$DO/messages/$id3/raw"
check "raw is message/rfc822" grep -qi '^Content-Type: message/rfc822' \
    "$testdir/headers"
# What the MTA may prepend: its trace field (Received, Return-Path)
awk 'BEGIN { t = 1 }
	t && /^(Received|Return-Path):/ { next }
	t && /^[ \t]/ { next }
	{ t = 0; print }' "$testdir/body" > "$testdir/raw-untraced"
# swaks sends the file with CRLF line ends and one more CRLF before the dot
{ sed 's/$/\r/' "$testdir/m3.eml"; printf '\r\n'; } > "$testdir/m3.crlf"
check "raw is what was submitted, byte for byte after the trace field" \
    cmp "$testdir/raw-untraced" "$testdir/m3.crlf"

# ------------------------------------------------------ notifications
# subject_id SUBJECT - the id of the message with SUBJECT in the body
subject_id() {
	jq -r --arg s "$1" '.messages[] | select(.subject == $s) | .id' \
	    "$testdir/body"
}
# anwen_mdn SUBJECT [N] - anwen's Inbox has N (1) messages with SUBJECT
anwen_mdn() {
	call "anwen.lacey:$PW" GET \
	    "mailboxes/$ANWEN/messages?limit=1000&sort=date" > /dev/null &&
	    [ "$(jq "[.messages[] | select(.subject == \"$1\")] | length" \
	    "$testdir/body")" = "${2:-1}" ]
}
expect_http "mark m2 seen" 200 "$B" POST "mailboxes/$DO/messages/$id2/flags" \
    -d '{"add":["seen"]}'
jcheck "m2 is seen" '.flags | index("seen") != null'
if wait_for 30 anwen_mdn "Displayed: t51 priority receipt"; then
	ok "a displayed MDN reached the originator's mailbox"
else
	not_ok "no displayed MDN for anwen"
fi
mdn=$(subject_id "Displayed: t51 priority receipt")
expect_http "fetch the MDN" 200 "anwen.lacey:$PW" GET \
    "mailboxes/$ANWEN/messages/$mdn/raw"
check "MDN: multipart/report; report-type=disposition-notification" \
    grep -qi 'report-type=disposition-notification' "$testdir/body"
check "MDN: Disposition: manual-action/MDN-sent-manually; displayed" \
    grep -q '^Disposition: manual-action/MDN-sent-manually; displayed' \
    "$testdir/body"
check "MDN: Original-Message-ID of m2" \
    grep -q '^Original-Message-ID: <m2.t51@mod.westland.example>' \
    "$testdir/body"
check "MDN: Final-Recipient is the duty officer's mailbox" \
    grep -q "^Final-Recipient: rfc822;$DO" "$testdir/body"
check "tracking log: notified" grep -q \
    'event=notified msgid=<m2.t51@mod.westland.example>.*disposition=displayed' \
    "$MMHS_TRACK_LOG"
# seen again after unseen: no second notification
call "$B" POST "mailboxes/$DO/messages/$id2/flags" \
    -d '{"remove":["seen"]}' > /dev/null
call "$B" POST "mailboxes/$DO/messages/$id2/flags" -d '{"add":["seen"]}' \
    > /dev/null
expect_http "delete m1 unread" 200 "$B" DELETE "mailboxes/$DO/messages/$id1"
if wait_for 30 anwen_mdn "Deleted unread: t51 routine one"; then
	ok "a deleted MDN reached the originator's mailbox"
else
	not_ok "no deleted MDN for anwen"
fi
mdn=$(subject_id "Deleted unread: t51 routine one")
call "anwen.lacey:$PW" GET "mailboxes/$ANWEN/messages/$mdn/raw" > /dev/null
check "MDN: Disposition: ...; deleted" \
    grep -q '^Disposition: manual-action/MDN-sent-automatically; deleted' \
    "$testdir/body"
check "only one displayed MDN for m2" \
    anwen_mdn "Displayed: t51 priority receipt" 1
check "one notified line for m2" test "$(grep -c \
    'agent=store event=notified msgid=<m2.t51@' "$MMHS_TRACK_LOG")" = 1
expect_http "deleted message is gone" 404 "$B" GET "mailboxes/$DO/messages/$id1"

# --------------------------------------------- a notification deferred
# With the MTA stopped, the MDN waits in the store (notify-deferred) and
# is tried again every mmhsLimit mdn-retry seconds (1, set at the start);
# once the MTA runs again (the same command line), it goes, once.
message m5 1 "t51 receipt while the MTA is away" \
    "Disposition-Notification-To: $ANWEN"
submit "$testdir/m5.eml" "$DO" && wait_for 30 filed m5 ||
    not_ok "m5 not delivered"
id5=$(id_of "$B" "$DO" m5)
mapfile -d '' mta_argv < "/proc/$MMHS_MTA_PID/cmdline"
kill "$MMHS_MTA_PID"
wait_for 30 eval '! kill -0 $MMHS_MTA_PID' || not_ok "the MTA did not stop"
expect_http "mark m5 seen while the MTA is away" 200 "$B" POST \
    "mailboxes/$DO/messages/$id5/flags" -d '{"add":["seen"]}'
if wait_for 30 grep -q 'agent=store event=notify-deferred msgid=<m5.t51@' \
    "$MMHS_TRACK_LOG"; then
	ok "the MDN is deferred, not lost"
else
	not_ok "no notify-deferred line for m5"
fi
setsid "${mta_argv[@]}" >> "$site/log/mta.log" 2>&1 &
echo $! > "$site/run/mta.pid"
if wait_for 60 anwen_mdn "Displayed: t51 receipt while the MTA is away"; then
	ok "the deferred MDN went once the MTA was back"
else
	not_ok "the deferred MDN never arrived"
fi
check "one notified line for m5" test "$(grep -c \
    'agent=store event=notified msgid=<m5.t51@' "$MMHS_TRACK_LOG")" = 1

# --------------------------------------------------------------- move
expect_http "move m3 to Operations" 200 "$B" POST \
    "mailboxes/$DO/messages/$id3/move" -d '{"folder":"Operations"}'
jcheck "m3 is in Operations" '.folder == "Operations"'
expect_http "folders" 200 "$B" GET "mailboxes/$DO/folders"
jcheck "Inbox 3, Operations 1" \
    '(.[] | select(.folder == "Inbox") | .total) == 3 and
     (.[] | select(.folder == "Operations") | .total) == 1'
expect_http "list Operations" 200 "$B" GET \
    "mailboxes/$DO/messages?folder=Operations"
jcheck "m3 there" '.total == 1 and .messages[0].id == '"$id3"
expect_http "unread filter" 200 "$B" GET "mailboxes/$DO/messages?unread=1"
jcheck "m4 only is unread in the Inbox" \
    '.total == 1 and .messages[0].subject == "t51 flash one"'

# -------------------------------------------------------------- events
# ready FILE - the stream has started
ready() { grep -q '^: ready' "$1"; }
curl -s -N --cacert "$MMHS_TLS_CA" -u "$B" "$api/events?precedence=flash" \
    > "$testdir/sse-flash" 2>&1 &
pids="$pids $!"
curl -s -N --cacert "$MMHS_TLS_CA" -u "$B" "$api/events?mailbox=$DO" \
    > "$testdir/sse-do" 2>&1 &
pids="$pids $!"
curl -s -N --cacert "$MMHS_TLS_CA" -u "$B" "$api/events?folder=Flash" \
    > "$testdir/sse-folder" 2>&1 &
pids="$pids $!"
wait_for 10 ready "$testdir/sse-flash" && wait_for 10 ready "$testdir/sse-do" &&
    wait_for 10 ready "$testdir/sse-folder" ||
    not_ok "event streams did not start"
message e1 1 "t51 routine event"
message e2 4 "t51 flash event"
submit "$testdir/e1.eml" "$DO"
wait_for 30 filed e1 || not_ok "e1 not delivered"
submit "$testdir/e2.eml" "$DO"
if wait_for 30 grep -q '"subject":"t51 flash event"' "$testdir/sse-flash"; then
	ok "the FLASH message is an event"
else
	not_ok "no event for the FLASH message"
fi
check "the ROUTINE one is not (precedence=flash)" \
    eval '! grep -q "t51 routine event" "$testdir/sse-flash"'
check "a mailbox stream got both" \
    eval 'wait_for 10 grep -q "t51 flash event" "$testdir/sse-do" &&
    grep -q "t51 routine event" "$testdir/sse-do"'
check "event data names the mailbox" \
    grep -q "\"mailbox\":\"$DO\"" "$testdir/sse-flash"

# ------------------------------------------------- access taken away
ldap_admin ldapmodify >> "$testdir/commands.log" 2>&1 <<EOF
dn: $DO_DN
changetype: modify
delete: roleOccupant
roleOccupant: $BERWYN
EOF
expect_http "role taken away: 403 at once" 403 "$B" GET \
    "mailboxes/$DO/messages"
jcheck "403 is a JSON error" '.error | test("may not read")'
expect_http "list mailboxes" 200 "$B" GET mailboxes
jcheck "the duty officer's mailbox is no longer listed" \
    '[.[] | .mailbox] | index("do.testcell@mod.westland.example") == null'
message e3 4 "t51 flash after removal"
message e4 4 "t51 flash to berwyn"
sed -i "s/^To: .*/To: berwyn.moorcroft@mod.westland.example/" "$testdir/e4.eml"
submit "$testdir/e3.eml" "$DO"
wait_for 30 filed e3 || not_ok "e3 not delivered"
submit "$testdir/e4.eml" berwyn.moorcroft@mod.westland.example
if wait_for 30 grep -q '"subject":"t51 flash to berwyn"' "$testdir/sse-flash"
then
	ok "events of his own mailbox still come"
else
	not_ok "no event for berwyn's own mailbox"
fi
check "folder=Flash: e4, which berwyn's filing rule put there" \
    wait_for 10 grep -q "t51 flash to berwyn" "$testdir/sse-folder"
check "folder=Flash: not e2, in an Inbox" \
    eval '! grep -q "t51 flash event" "$testdir/sse-folder"'
check "no event of the role taken away (all mailboxes)" \
    eval '! grep -q "t51 flash after removal" "$testdir/sse-flash"'
check "no event of the role taken away (its own stream)" \
    eval '! grep -q "t51 flash after removal" "$testdir/sse-do"'
check "the event streams are still open" kill -0 $pids

# ------------------------------------------------------------- agents
expect_http "agent endpoint refused to a person" 403 "$B" GET agent/unread
ldap_admin ldapmodify >> "$testdir/commands.log" 2>&1 <<EOF
dn: $FFMON_DN
changetype: modify
replace: userPassword
userPassword: t51-ffmon-secret
EOF
F="$FFMON_DN:t51-ffmon-secret"
expect_http "agent: unread for cn=ffmon" 200 "$F" GET \
    "agent/unread?delivered_before=$(( $(date +%s) + 60 ))&limit=100"
jcheck "unread: oldest first, the duty officer's m4 among them" \
    '([.messages[].received] == ([.messages[].received] | sort)) and
     ([.messages[] | select(.mailbox == "do.testcell@mod.westland.example")]
      | length) >= 1'
jcheck "unread: Message-ID and return path of each" \
    '[.messages[] | select(.message_id == "<m4.t51@mod.westland.example>"
      and .return_path == "anwen.lacey@mod.westland.example")] | length == 1'
id4=$(jq -r --arg mb "$DO" '[.messages[] | select(.mailbox == $mb)][0].id' \
    "$testdir/body")
second=$(jq -c '.messages[1]' "$testdir/body")
expect_http "agent: unread, a page further" 200 "$F" GET \
    "agent/unread?delivered_before=$(( $(date +%s) + 60 ))&limit=1&offset=1"
jcheck "offset=1 gives the second one" ".messages == [$second]"
expect_http "agent: raw" 200 "$F" GET "agent/messages/$DO/$id4/raw"
expect_http "agent: mark redirected" 200 "$F" POST \
    "agent/messages/$DO/$id4/redirected" \
    -d "{\"to\":\"cn=Test Officer,o=MMHS Test Cell,o=Defence,c=XW\"}"
jcheck "flag redirected" '.flags | index("redirected") != null'
expect_http "agent: redirected twice -> 409" 409 "$F" POST \
    "agent/messages/$DO/$id4/redirected" -d '{"to":"cn=x"}'
expect_http "agent: unread no longer lists it" 200 "$F" GET \
    "agent/unread?delivered_before=$(( $(date +%s) + 60 ))"
jcheck "not listed" \
    "[.messages[] | select(.id == $id4 and .mailbox == \"$DO\")] | length == 0"

expect_http "a URL-encoded mailbox address" 200 "$B" GET \
    "mailboxes/berwyn.moorcroft%40mod.westland.example/folders"
jcheck "his Flash folder" '[.[] | .folder] | index("Flash") != null'

# ------------------------------------------------------------ bad input
expect_http "bad JSON: 400" 400 "$B" POST \
    "mailboxes/$ANWEN/messages/1/flags" -d '{"add":'
expect_http "not a person's flag: 400" 400 "$B" POST \
    "mailboxes/berwyn.moorcroft@mod.westland.example/messages/1/flags" \
    -d '{"add":["redirected"]}'
expect_http "bad folder: 400" 400 "$B" POST \
    "mailboxes/berwyn.moorcroft@mod.westland.example/messages/1/move" \
    -d '{"folder":" spaced "}'
expect_http "bad sort: 400" 400 "$B" GET \
    "mailboxes/berwyn.moorcroft@mod.westland.example/messages?sort=size"
expect_http "bad limit: 400" 400 "$B" GET \
    "mailboxes/berwyn.moorcroft@mod.westland.example/messages?limit=5000"
expect_http "bad precedence filter: 400" 400 "$B" GET \
    "events?precedence=urgent"
expect_http "someone else's mailbox: 403" 403 "$B" GET \
    "mailboxes/$ANWEN/messages"
expect_http "unknown mailbox: 404" 404 "$B" GET \
    "mailboxes/nobody@mod.westland.example/messages"
expect_http "unknown message: 404" 404 "$B" GET \
    "mailboxes/berwyn.moorcroft@mod.westland.example/messages/999999"
expect_http "unknown path: 404" 404 "$B" GET "nothing/here"
expect_http "wrong method: 405" 405 "$B" PUT mailboxes
check "405 says what is allowed" grep -qi '^Allow: GET' "$testdir/headers"

# ----------------------------------------------------------- shutdown
cleanup
"$MMHS_SITE" stop "$site" >> "$testdir/commands.log" 2>&1
check "mmhs-store stopped on SIGTERM" grep -q 'mmhs-store: stopped' \
    "$site/log/store.log"
check "no sanitizer report in the store's log" eval \
    '! grep -E "ERROR: (Address|Leak)Sanitizer|runtime error" \
    "$site/log/store.log"'
