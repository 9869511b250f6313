#!/bin/bash
# t55-archive - mmhs-archive on the sample site with the real MTA.
# Messages are submitted with swaks (SMTP AUTH over STARTTLS).  Checked:
# a message to a Joint Force Headquarters role (a subject of the sample
# archive policy) is archived, with the MTA's copies routed to the
# archive's address and an "archived" tracking line naming the record
# and the policy; a message between people no policy names is not;
# search finds the archived one by each criterion (and not by a wrong
# one); export gives exactly what the MTA delivered (its Received:
# field, then the submitted bytes, and the very bytes the store filed
# when a store runs); verify passes; one octet changed in
# the segment fails verify naming the record (and makes purge refuse),
# the octet put back passes again; a policy added with ldapadd archives
# the next message without a restart; a retention of 0 days set with
# ldapmodify lets purge remove that record and leave the rest
# verifiable.
. "$srcdir/tests/e2e/common.sh"

site=$testdir/site
archive=$builddir/agents/archive/mmhs-archive
base="cn=mod-main,ou=MMHS,c=XW"
tag=t55-$$

if ! site_start "$site" || [ -z "${MMHS_ARCHIVE_DIR:-}" ] ||
    [ -z "${MMHS_MTA_SUBMIT_PORT:-}" ]; then
	not_ok "a site with mmhs-archive and mmhs-mta (see site-start.log)"
	exit 1
fi
ok "site with mmhs-archive and mmhs-mta started"
dir=$MMHS_ARCHIVE_DIR
track=$MMHS_TRACK_LOG

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

# message NAME TO... - write message NAME (LF line ends, none after the
# last line: swaks ends the data with CRLF) to $testdir; prec, sics and
# label (a marking) come from the caller's variables
message() {
	local name=$1
	shift
	{
		echo "From: anwen.lacey@mod.westland.example"
		echo "To: $(IFS=,; echo "$*")"
		echo "Subject: $tag $name"
		echo "Date: Mon, 02 Mar 2026 10:00:00 +0000"
		echo "Message-ID: <$name.$tag@test.example>"
		echo "MMHS-Primary-Precedence: ${prec:-routine}"
		echo "MMHS-Subject-Indicator-Codes: ${sics:-RRR}"
		[ -z "${label:-}" ] || echo "SIO-Label: marking=\"$label\""
		echo
		echo "This is the original body of $name."
		printf ".A line that starts with a dot."
	} > "$testdir/$name.eml"
}

# submit NAME TO... - send message NAME as anwen.lacey; its queue id
submit() {
	local name=$1 out
	shift
	out=$(swaks --server "127.0.0.1:$MMHS_MTA_SUBMIT_PORT" -tls \
	    --auth PLAIN --auth-user anwen.lacey \
	    --auth-password Westland-Demo-1 \
	    --from anwen.lacey@mod.westland.example \
	    --to "$(IFS=,; echo "$*")" --data "$testdir/$name.eml" 2>&1)
	echo "$out" >> "$testdir/commands.log"
	sed -n 's/.*250 2\.0\.0 Ok: queued as \([0-9A-F]*\).*/\1/p' <<<"$out"
}

# archived NAME - the "archived" tracking line of message NAME
archived() {
	grep "agent=archive event=archived .*msgid=<$1.$tag@test.example>" \
	    "$track"
}

# search ARGS... - mmhs-archive search; the record numbers found
search() {
	"$archive" search -d "$dir" "$@" 2>>"$testdir/commands.log" |
	    awk '{ print $1 }' | tr '\n' ' '
}

# --- a message to a covered role ----------------------------------
prec=flash sics="ZAB;QQZ" label="WESTLAND CONFIDENTIAL" \
    message a do.jfhq@mod.westland.example berwyn.moorcroft@mod.westland.example
qa=$(submit a do.jfhq@mod.westland.example berwyn.moorcroft@mod.westland.example)
if [ -n "$qa" ] && wait_for 30 archived a; then
	ok "a message to the JFHQ Duty Officer is archived"
else
	not_ok "message a (queue id '$qa') was not archived: $(tail -5 "$track")"
fi
line=$(archived a)
rec=$(sed -n 's/.* record=\([0-9]*\) .*/\1/p' <<<"$line")
if [ -n "$rec" ] && grep -q 'policy="cn=archive-jfhq,ou=policies,' <<<"$line"; then
	ok "the tracking line names record $rec and the policy archive-jfhq"
else
	not_ok "tracking line without record or policy: $line"
fi
n=$(grep -c "event=routed qid=$qa .* to=archive@mod.westland.example " \
    "$track")
if [ "$n" = 2 ]; then
	ok "the MTA routed one archive copy per envelope recipient"
else
	not_ok "$n archive copies routed for $qa, want 2"
fi

# --- a message between people no policy names --------------------------
message b berwyn.moorcroft@mod.westland.example
qb=$(submit b berwyn.moorcroft@mod.westland.example)
if [ -n "$qb" ] && wait_for 30 grep -q "event=routed qid=$qb " "$track" &&
    ! grep -q "qid=$qb .*to=archive@" "$track" &&
    [ -z "$(search --message-id "b.$tag@test.example")" ]; then
	ok "a message between uncovered people is not archived"
else
	not_ok "message b ($qb) went to the archive, or was not routed"
fi

# --- search by each criterion ---------------------------------------------
crit() {
	local what=$1 got
	shift
	got=$(search "$@")
	if [ "$got" = "$rec " ]; then
		ok "search $what finds record $rec"
	else
		not_ok "search $* found '$got', want '$rec '"
	fi
}
crit "by originator" --from anwen.lacey@mod.westland.example \
    --message-id "<a.$tag@test.example>"
crit "by recipient (the role)" --to DO.JFHQ@mod.westland.example
crit "by recipient (the other envelope recipient)" \
    --to berwyn.moorcroft@mod.westland.example --sic zab
crit "by SIC" --sic QQZ
crit "by precedence" --precedence flash
crit "by classification (the policy's NAME)" --classification confidential
crit "by classification (the marking)" --classification "westland confidential"
crit "by Message-ID" --message-id "a.$tag@test.example"
crit "by date range" --since 2026-03-02 --until 2026-03-02 --sic ZAB
crit "by all criteria together" --from anwen.lacey@mod.westland.example \
    --to do.jfhq@mod.westland.example --sic ZAB --precedence flash \
    --classification "WESTLAND CONFIDENTIAL" --since 2026-03-01T00:00:00Z \
    --until 2026-03-03 --message-id "a.$tag@test.example"
got=$(search --sic ZAB --precedence routine)
[ -z "$got" ] && ok "search with a criterion it does not meet finds nothing" ||
    not_ok "search --sic ZAB --precedence routine found '$got'"
got=$(search --sic ZAB --until 2026-03-01)
[ -z "$got" ] && ok "search before its date finds nothing" ||
    not_ok "search --until 2026-03-01 found '$got'"

# --- export -----------------------------------------------------------------
"$archive" export -d "$dir" "$rec" > "$testdir/a.export" 2>>"$testdir/commands.log"
python3 - "$testdir/a.export" "$testdir/a.eml" > "$testdir/a.cmp" <<'EOF'
import sys
got = open(sys.argv[1], 'rb').read()
sent = open(sys.argv[2], 'rb').read().replace(b'\n', b'\r\n') + b'\r\n'
# the MTA's Received: field: up to the first line that is not folded
end = 0
while True:
    end = got.index(b'\r\n', end) + 2
    if got[end:end + 1] not in (b' ', b'\t'):
        break
print('received-first' if got.startswith(b'Received: ') else 'no-received')
print('identical' if got[end:] == sent else 'different')
print('body' if b'This is the original body of a.' in got else 'no-body')
print('no-archive-address' if b'archive@' not in got else 'archive-address')
EOF
if [ "$(tr '\n' ' ' < "$testdir/a.cmp")" = \
    "received-first identical body no-archive-address " ]; then
	ok "export gives the Received: field and then the submitted bytes, unchanged"
else
	not_ok "export of record $rec: $(tr '\n' ' ' < "$testdir/a.cmp")"
fi
# the same bytes the store filed for the Duty Officer, when a store runs
storectl=$builddir/agents/store/mmhs-storectl
role="cn=Duty Officer,o=Joint Force Headquarters,o=Defence,c=XW"
if [ -n "${MMHS_STORE_DIR:-}" ] && [ -x "$storectl" ]; then
	id=""
	wait_for 30 grep -q "agent=store .*msgid=<a.$tag@test.example>" "$track" &&
	    id=$("$storectl" -d "$MMHS_STORE_DIR" list "$role" |
	    awk -F'\t' -v s="$tag a" '$NF == s { print $1 }')
	if [ -n "$id" ] && "$storectl" -d "$MMHS_STORE_DIR" raw "$role" "$id" |
	    cmp -s - "$testdir/a.export"; then
		ok "export is byte-identical to the copy the store filed"
	else
		not_ok "the store's copy ('$id') differs from the export"
	fi
fi
"$archive" export -d "$dir" 999999 > /dev/null 2>&1
[ $? = 1 ] && ok "export of a record that does not exist fails" ||
    not_ok "export 999999 did not fail with 1"

# --- verify and tampering -------------------------------------------------
out=$("$archive" verify -d "$dir")
if [ $? = 0 ] && grep -q "^chain intact, [0-9]* records" <<<"$out"; then
	ok "verify: $out"
else
	not_ok "verify failed on an untouched archive: $out"
fi
flip() {
	python3 - "$1" "$2" <<'EOF'
import glob, sys
needle = sys.argv[2].encode()
for seg in sorted(glob.glob(sys.argv[1] + '/seg/*.arc')):
    data = bytearray(open(seg, 'rb').read())
    at = data.find(needle)
    if at >= 0:
        data[at] ^= 0x01
        open(seg, 'r+b').write(data)
        sys.exit(0)
sys.exit(1)
EOF
}
if flip "$dir" "original body of a."; then
	out=$("$archive" verify -d "$dir")
	rc=$?
	if [ $rc = 1 ] && grep -q "^verify: record $rec: content does not match" <<<"$out"; then
		ok "one octet changed: verify fails naming record $rec"
	else
		not_ok "verify after tampering (rc $rc): $out"
	fi
	out=$("$archive" purge -d "$dir" -H "$MMHS_LDAP_URI" -D "$MMHS_ADMIN_DN" \
	    -w "$MMHS_ADMIN_PW" 2>&1)
	rc=$?
	[ $rc = 2 ] && grep -q "record $rec" <<<"$out" &&
	    ok "purge refuses a damaged archive" ||
	    not_ok "purge of a damaged archive (rc $rc): $out"
	"$archive" export -d "$dir" "$rec" > /dev/null 2>&1
	[ $? = 1 ] && ok "export refuses the damaged record" ||
	    not_ok "export of the damaged record did not fail"
	flip "$dir" "nriginal body of a."
	out=$("$archive" verify -d "$dir")
	[ $? = 0 ] && ok "the octet put back: verify passes again" ||
	    not_ok "verify after restoring: $out"
else
	not_ok "the body of message a is not in any segment"
fi

# --- a policy added with ldapadd ----------------------------------------
pdn="cn=archive-$tag,ou=Policies,$base"
ldap_admin ldapadd >> "$testdir/commands.log" 2>&1 <<EOF
dn: $pdn
objectClass: mmhsArchivePolicy
cn: archive-$tag
mmhsArchive: cn=archive,$base
mmhsArchiveSubject: cn=Berwyn Moorcroft,ou=People,o=MMHS Test Cell,o=Defence,c=XW
description: added by $tag
EOF
# The change reaches the agents' directory caches within moments (the
# caches are the agents' own: opening one with other settings would
# reindex it), so the test sends until a message is archived under the
# new policy; every message before was between uncovered people.
probe() {
	local q
	tries=$((tries + 1))
	message "c$tries" berwyn.moorcroft@mod.westland.example
	q=$(submit "c$tries" berwyn.moorcroft@mod.westland.example)
	[ -n "$q" ] && wait_for 30 grep -q "event=routed qid=$q " "$track" &&
	    grep -q "event=routed qid=$q .* to=archive@" "$track" &&
	    wait_for 30 archived "c$tries" &&
	    archived "c$tries" | grep -qi "policy=\"cn=archive-$tag,"
}
tries=0
if wait_for 60 probe; then
	ok "a policy added with ldapadd archives message c$tries, no restart"
else
	not_ok "messages to berwyn.moorcroft (c1..c$tries) not archived under the new policy"
fi
c=c$tries
recc=$(archived "$c" | sed -n 's/.* record=\([0-9]*\) .*/\1/p')

# --- retention ---------------------------------------------------------------
ldap_admin ldapmodify >> "$testdir/commands.log" 2>&1 <<EOF
dn: $pdn
changetype: modify
add: mmhsRetentionDays
mmhsRetentionDays: 0
EOF
out=$("$archive" purge -d "$dir" -H "$MMHS_LDAP_URI" -D "$MMHS_ADMIN_DN" \
    -w "$MMHS_ADMIN_PW" -t "$track" 2>&1)
rc=$?
echo "$out" >> "$testdir/commands.log"
if [ $rc = 0 ] && [ -n "$recc" ] && [ -z "$(search --message-id "$c.$tag@test.example")" ] &&
    ! "$archive" export -d "$dir" "$recc" > /dev/null 2>&1; then
	ok "retention 0 days: purge removed record $recc ($out)"
else
	not_ok "purge (rc $rc): $out; record c '$recc' still there?"
fi
out=$("$archive" verify -d "$dir")
if [ $? = 0 ] && grep -q "purged" <<<"$out" &&
    [ "$(search --message-id "a.$tag@test.example")" = "$rec " ]; then
	ok "after purge the chain still verifies and record $rec stays: $out"
else
	not_ok "verify after purge: $out"
fi
