#!/bin/bash
# t56-mailbox-flow - the whole mailbox flow on the sample site, every agent
# real: a person submits one labelled IMMEDIATE message, asking for a read
# notification, to an organisation (profiler) and to a distribution list
# (expander) at once; the mta archives it (archive policy of JFHQ); the
# roles and the list members find it in their mailboxes; the occupant of a
# role reads it over the HTTPS API, which sends the read notification back
# to the originator's mailbox; the archive finds it and its chain
# verifies; a second message above a recipient's clearance comes back as
# a DSN that says why.
. "$srcdir/tests/e2e/common.sh"

site=$testdir/site
org="o=Joint Force Headquarters,o=Defence,c=XW"
ops="cn=Operations Officer,$org"
comd="cn=Commander,$org"
tomos="cn=Tomos Inglis,ou=People,$org"
owain="cn=Owain Eastwood,ou=People,$org"
storectl=$builddir/agents/store/mmhs-storectl
archive=$builddir/agents/archive/mmhs-archive

for b in agents/store/mmhs-store agents/profiler/mmhs-profiler \
    agents/expander/mmhs-expander agents/archive/mmhs-archive; do
	if [ ! -x "$builddir/$b" ]; then
		not_ok "$b is not built"
		exit 1
	fi
done
# ffmon is left out: nothing here waits for a deadline.
site_start "$site" --agents=store,archive,profiler,expander,mta ||
    { not_ok "site starts"; exit 1; }
ok "site starts with store, archive, profiler, expander and mta"

# api USER PATH [curl args] - the store's API as USER (password of the sample)
api() {
	local user=$1 path=$2
	shift 2
	curl -s --cacert "$MMHS_TLS_CA" -u "$user:Westland-Demo-1" "$@" \
	    "https://127.0.0.1:$MMHS_STORE_HTTP_PORT/api/v1$path"
}

# urlenc - a mailbox address as a path segment
urlenc() {
	python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"
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

# has_msg DN TEXT [FOLDER] - the mailbox of DN lists in FOLDER (Inbox) a
# message whose line (subject) has TEXT
has_msg() {
	"$storectl" -d "$MMHS_STORE_DIR" list "$1" "${3:-Inbox}" \
	    --limit 1000 2>/dev/null | grep -qF -- "$2"
}

# submit FROM-UID MSGFILE RCPT... - submission with AUTH and STARTTLS
submit() {
	local from=$1 file=$2 to
	shift 2
	to=$(IFS=,; echo "$*")
	swaks --server "127.0.0.1:$MMHS_MTA_SUBMIT_PORT" --tls \
	    -au "$from" -ap Westland-Demo-1 \
	    --from "$from@mod.westland.example" --to "$to" \
	    --data "$file" >> "$testdir/swaks.log" 2>&1
}

msgid="<flow-1.$$@mod.westland.example>"
subj="SITREP 42 flow-1-$$"
subj2="SITREP 43 flow-2-$$"
cat > "$testdir/m1.eml" <<EOF
From: Owain Eastwood <owain.eastwood@mod.westland.example>
To: jfhq@mod.westland.example, jfhq-j3@lists.mod.westland.example
Subject: $subj
Message-ID: $msgid
Date: Sat, 28 Nov 2026 10:00:00 +0000
MMHS-Primary-Precedence: 3
MMHS-Subject-Indicator-Codes: ZOP
SIO-Label: marking="WESTLAND SECRET"
Disposition-Notification-To: owain.eastwood@mod.westland.example
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii

Fuel state at the forward base: 40 per cent.
EOF
check "owain.eastwood submits to the organisation and the list" \
    submit owain.eastwood "$testdir/m1.eml" jfhq@mod.westland.example \
    jfhq-j3@lists.mod.westland.example

# The profiler: SIC ZOP -> Operations Officer (action), Commander (info);
# the Operations Officer's filing rule (sic$ZOP$Operations) files it.
wait_for "the Operations Officer's mailbox has it, in Operations" \
    has_msg "$ops" "$subj" Operations
wait_for "the Commander's mailbox has it (information copy)" \
    has_msg "$comd" "$subj"
# The expander: jfhq-j3 -> its members.
wait_for "list member Tomos Inglis has it" has_msg "$tomos" "$subj"
mb=$(urlenc comd.jfhq@mod.westland.example)
if api rhodri.ashdown "/mailboxes/$mb/messages?limit=100" |
    jq -e --arg m "$msgid" '.messages[] | select(.message_id == $m) |
    .flags | index("info")' >/dev/null; then
	ok "the Commander's copy carries the info flag"
else
	not_ok "the Commander's copy carries the info flag"
fi
id=$("$storectl" -d "$MMHS_STORE_DIR" list "$tomos" --limit 1000 |
    awk -v m="$subj" 'index($0, m) { print $1; exit }')
"$storectl" -d "$MMHS_STORE_DIR" raw "$tomos" "$id" > "$testdir/tomos.eml"
if grep -qi '^DL-Expansion-History:.*jfhq-j3@lists.mod.westland.example' \
    "$testdir/tomos.eml"; then
	ok "the list copy carries its expansion history"
else
	not_ok "the list copy carries its expansion history"
fi
if grep -q "Fuel state at the forward base: 40 per cent." \
    "$testdir/tomos.eml"; then
	ok "the list copy has the original body"
else
	not_ok "the list copy has the original body"
fi

# The tracking log tells the story of the message.
for ev in profiled expanded filed archived; do
	if grep -F -- "$msgid" "$MMHS_TRACK_LOG" | grep -q "$ev"; then
		ok "tracking log: $ev"
	else
		not_ok "tracking log: $ev"
	fi
done

# Idris Carrow occupies the Operations Officer role: he reads it over the API.
mb=$(urlenc ops.jfhq@mod.westland.example)
if api idris.carrow /mailboxes | jq -e \
    '.[] | select(.mailbox == "ops.jfhq@mod.westland.example")' >/dev/null; then
	ok "idris.carrow sees the Operations Officer's mailbox"
else
	not_ok "idris.carrow sees the Operations Officer's mailbox"
fi
expect_forbidden=$(api bronwen.marlow "/mailboxes/$mb/messages" -o /dev/null \
    -w '%{http_code}')
if [ "$expect_forbidden" = 403 ]; then
	ok "bronwen.marlow may not read it (403)"
else
	not_ok "bronwen.marlow may not read it (got $expect_forbidden)"
fi
api idris.carrow "/mailboxes/$mb/messages?folder=Operations&sort=precedence&limit=100" \
    > "$testdir/ops-list.json"
oid=$(jq -r --arg m "$msgid" \
    '[.messages[] | select(.message_id == $m)][0].id' "$testdir/ops-list.json")
prec=$(jq -r --arg m "$msgid" \
    '[.messages[] | select(.message_id == $m)][0].precedence' \
    "$testdir/ops-list.json")
if [ -n "$oid" ] && [ "$oid" != null ] && [ "$prec" = immediate ]; then
	ok "the API lists it as immediate"
else
	not_ok "the API lists it as immediate (id $oid, precedence $prec)"
fi
api idris.carrow "/mailboxes/$mb/messages/$oid/raw" > "$testdir/ops.eml"
if grep -q "Fuel state at the forward base: 40 per cent." "$testdir/ops.eml" &&
    grep -qF "SIO-Label: marking=\"WESTLAND SECRET\"" "$testdir/ops.eml"; then
	ok "the raw message is the original"
else
	not_ok "the raw message is the original"
fi
code=$(api idris.carrow "/mailboxes/$mb/messages/$oid/flags" -o /dev/null \
    -w '%{http_code}' -H 'Content-Type: application/json' \
    -d '{"add":["seen"]}')
if [ "$code" = 200 ] || [ "$code" = 204 ]; then
	ok "idris.carrow marks it read"
else
	not_ok "idris.carrow marks it read (HTTP $code)"
fi

# The read notification reaches the originator's own mailbox.
mdn_in_owain() {
	local i
	for i in $("$storectl" -d "$MMHS_STORE_DIR" list "$owain" --limit 100 |
	    awk 'NR > 1 { print $1 }'); do
		"$storectl" -d "$MMHS_STORE_DIR" raw "$owain" "$i" 2>/dev/null |
		    grep -q "^Original-Message-ID: $msgid" || continue
		"$storectl" -d "$MMHS_STORE_DIR" raw "$owain" "$i" |
		    grep -qi "^Disposition:.*displayed" && return 0
	done
	return 1
}
wait_for "the read notification (displayed) reaches owain.eastwood" mdn_in_owain

# The archive (JFHQ policy): found by Message-ID, chain intact.
if "$archive" search -d "$MMHS_ARCHIVE_DIR" --message-id "$msgid" |
    grep -qF -- "$msgid"; then
	ok "the archive finds it by Message-ID"
else
	not_ok "the archive finds it by Message-ID"
fi
check "the archive's chain verifies" "$archive" verify -d "$MMHS_ARCHIVE_DIR"

# Above the clearance: the Operations Officer is cleared SECRET.  The
# originator must be cleared TOP SECRET (the MTA refuses a submission
# above the sender's own clearance): catrin.blackmore is.
catrin="cn=Catrin Blackmore,ou=People,$org"
msgid2="<flow-2.$$@mod.westland.example>"
sed -e "s/^Message-ID: .*/Message-ID: $msgid2/" \
    -e "s/^Subject: .*/Subject: $subj2/" \
    -e 's/^SIO-Label: .*/SIO-Label: marking="WESTLAND TOP SECRET"/' \
    -e 's/^To: .*/To: ops.jfhq@mod.westland.example/' \
    -e 's/^From: .*/From: Catrin Blackmore <catrin.blackmore@mod.westland.example>/' \
    -e '/^Disposition-Notification-To:/d' \
    "$testdir/m1.eml" > "$testdir/m2.eml"
check "a TOP SECRET message to the Operations Officer is submitted" \
    submit catrin.blackmore "$testdir/m2.eml" ops.jfhq@mod.westland.example
dsn_in_catrin() {
	local i
	for i in $("$storectl" -d "$MMHS_STORE_DIR" list "$catrin" --limit 100 |
	    awk 'NR > 1 { print $1 }'); do
		"$storectl" -d "$MMHS_STORE_DIR" raw "$catrin" "$i" 2>/dev/null |
		    tr -d '\r' | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n[ \t]\+/ /g' |
		    grep -q "^Diagnostic-Code: smtp; 550 5.7.1 label WESTLAND TOP SECRET is above the clearance SECRET" &&
		    return 0
	done
	return 1
}
wait_for "a DSN saying why comes back to catrin.blackmore" dsn_in_catrin
# the MTA refused it for the store (the store would have too)
if grep -F "msgid=$msgid2" "$MMHS_TRACK_LOG" | grep "agent=mta event=refused" |
    grep -q "to=ops.jfhq@mod.westland.example .*550 5.7.1 label WESTLAND TOP SECRET"; then
	ok "the MTA does not hand the store what the mailbox may not hold"
else
	not_ok "the MTA does not hand the store what the mailbox may not hold"
fi
if has_msg "$ops" "$subj2" Operations || has_msg "$ops" "$subj2"; then
	not_ok "the TOP SECRET message is not in the Operations Officer's mailbox"
else
	ok "the TOP SECRET message is not in the Operations Officer's mailbox"
fi
