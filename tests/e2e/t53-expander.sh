#!/bin/bash
# t53-expander - mmhs-expander on the site runner, with the real MTA and
# store.  Messages are submitted with swaks (submission port, STARTTLS,
# AUTH as the originator); the copies are read back from the person and
# role mailboxes with mmhs-storectl, the refusals as the DSNs the MTA
# files in the originator's or owner's mailbox, the decisions in the
# tracking log.  Checked:
#   - the agent's decisions equal the mhsdl overlay's: submit permission
#     (ldapexop) for every sample list and several originators, and the
#     recipient set (mmhsExpandedRecipient) of every sample list, from
#     the expander's own code (mmhs-expander-probe);
#   - a permitted originator's message to a nested list, with a diamond
#     added at test time, reaches every member once, with the owner as
#     return path, the DL-Expansion-History field prepended and the rest
#     of the message byte for byte as sent;
#   - a not-permitted originator is refused: DSN naming the reason;
#   - a loop made with ldapmodify (two lists holding each other's
#     address as mmhsExternalMember, which the overlay cannot see)
#     expands each list once, and the loop is refused with 5.4.6 and
#     reported to the previous list's owner and in the tracking log;
#   - further-dl-expansion-allowed=FALSE: a nested list is not expanded
#     and the parent's owner gets the refusal; a member the MTA refuses
#     at RCPT is reported to the owner in the expander's own DSN;
#   - a nested list of another site is sent to by address (and refused
#     here, as the routes send it back to this expander);
#   - mhs-dl-policy priority=urgent raises the copies' MT-PRIORITY;
#     X.400 members are logged as skipped;
#   - an address of the list domain that is no list: refused at RCPT;
#   - the limits of the expander's entry (mmhsLimit recipients,
#     expansion-depth), changed at run time: clear refusals.
. "$srcdir/tests/e2e/common.sh"

site=$testdir/site
storectl=$builddir/agents/store/mmhs-storectl
probe=$builddir/agents/expander/mmhs-expander-probe
run=t53.$$
sitedn="cn=mod-main,ou=MMHS,c=XW"
lists="ou=Lists,o=Defence,c=XW"
jfhq="o=Joint Force Headquarters,o=Defence,c=XW"
tc="o=MMHS Test Cell,o=Defence,c=XW"
ADS="cn=All Defence Staff,$lists"
J3="cn=JFHQ J3 Cell,ou=Lists,$jfhq"
AMBER="cn=Operation AMBER SENTINEL,ou=Lists,$jfhq"
SIGWATCH="cn=Signals Brigade Watchkeepers,ou=Lists,o=1st Signal Brigade,o=Defence,c=XW"
TESTCELL="cn=Test Cell,ou=Lists,$tc"
MARKER="cn=t53 Marker,ou=Lists,$tc"
LOOPA="cn=t53 Loop A,ou=Lists,$tc"
LOOPB="cn=t53 Loop B,ou=Lists,$tc"
DOTC="cn=Duty Officer,$tc"
TOTC="cn=Test Officer,$tc"
OPSJ="cn=Operations Officer,$jfhq"
SIGJ="cn=Signals Officer,$jfhq"
ANWEN="cn=Anwen Lacey,ou=People,$tc"
BERWYN="cn=Berwyn Moorcroft,ou=People,$tc"
CEINWEN="cn=Ceinwen Nuttall,ou=People,$tc"
IDRIS="cn=Idris Carrow,ou=People,$jfhq"

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

# msg ID TO - a message (CRLF) with Subject and Message-ID from ID
msg() {
	printf 'From: %s\r\n' "$mfrom"
	printf 'To: %s\r\n' "$2"
	printf 'Subject: t53 %s %s\r\n' "$1" "$run"
	printf 'Message-ID: <%s.%s@t53.test>\r\n' "$1" "$run"
	printf 'Date: %s\r\n' "$(date -R)"
	printf 'MMHS-Primary-Precedence: 1 (routine)\r\n'
	# no CRLF at the end: the client ends the data with CRLF "." CRLF
	printf '\r\nFor every member of the list, once.\r\n..a dot line'
}

# send USER FROM TO ID - submit as USER (password of the sample) with
# MAIL FROM and From: FROM; 0 when the MTA queued it
send() {
	local user=$1 to=$3 id=$4
	mfrom=$2
	msg "$id" "$to" > "$testdir/$id.eml"
	swaks --server 127.0.0.1 --port "$MMHS_MTA_SUBMIT_PORT" --tls \
	    --tls-ca-path "$MMHS_TLS_CA" -au "$user" -ap Westland-Demo-1 \
	    --helo t53.test --from "$mfrom" --to "$to" \
	    --data "@$testdir/$id.eml" > "$testdir/$id.swaks" 2>&1
	grep -q '^<~  250 2.0.0 Ok: queued' "$testdir/$id.swaks"
}

# count MAILBOX-DN ID - messages in the mailbox with the subject of ID
count() {
	"$storectl" -d "$MMHS_STORE_DIR" list "$1" 2>/dev/null |
	    grep -c "t53 $2 $run" || true
}

# has MAILBOX-DN ID - at least one such message
has() {
	[ "$(count "$1" "$2")" -ge 1 ]
}

# raw_with MAILBOX-DN TEXT... - a message of the mailbox whose raw form
# holds every TEXT (fixed strings; folded lines, as a DSN folds the
# Diagnostic-Code, are unfolded first); its raw form on stdout
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

# expanded_dns LIST-DN - the DNs of the overlay's expansion of the list
expanded_dns() {
	ldap_admin ldapsearch -LLL -o ldif-wrap=no -b "$1" -s base \
	    mmhsExpandedRecipient |
	    sed -n 's/^mmhsExpandedRecipient: rfc822:[^ ]* <\(.*\)>$/\1/p'
}

# lmtp_rcpt ADDR - does the expander accept ADDR at RCPT now?
lmtp_rcpt() {
	swaks --server 127.0.0.1 --port "$MMHS_EXPANDER_LMTP_PORT" \
	    --protocol LMTP --helo t53.test --from t53@t53.test --to "$1" \
	    --quit-after RCPT > /dev/null 2>&1
}

# synced - wait until the expander's cache holds every change made so
# far: the marker list gets a new address, changes arrive in order, so
# once the expander accepts that address it has seen the rest
marker=0
synced() {
	marker=$((marker + 1))
	ldap_admin ldapmodify >> "$testdir/commands.log" 2>&1 <<EOF
dn: $MARKER
changetype: modify
replace: mail
mail: t53-marker-$marker@lists.mod.westland.example
EOF
	wait_for 30 lmtp_rcpt "t53-marker-$marker@lists.mod.westland.example"
}

# modify WHAT - apply the LDIF on stdin, wait for the expander's cache
modify() {
	local what=$1
	cat > "$testdir/change.ldif"
	if ldap_admin ldapmodify -f "$testdir/change.ldif" \
	    >> "$testdir/commands.log" 2>&1 && synced; then
		ok "$what"
	else
		not_ok "$what"
	fi
}

# probe ARGS... - the expander's code on a cache of this directory
probe() {
	"$probe" -H "$MMHS_LDAP_URI" -D "$MMHS_ADMIN_DN" -w "$MMHS_ADMIN_PW" \
	    -c "$testdir/probe-cache" -s "$sitedn" "$@" 2>> "$testdir/probe.log"
}

# ---------------------------------------------------------------------

if ! site_start "$site"; then
	not_ok "site starts"
	exit 1
fi
ok "site starts"
if [ -z "$MMHS_EXPANDER_LMTP_PORT" ] || [ -z "$MMHS_STORE_DIR" ]; then
	not_ok "the site runs an expander and a store (site.env)"
	exit 1
fi
ok "the site runs an expander and a store"
modify "a marker list to follow the expander's cache" <<EOF
dn: $MARKER
changetype: add
objectClass: mhs-distribution-list
objectClass: mmhsList
cn: t53 Marker
mail: t53-marker-0@lists.mod.westland.example
mhs-or-addresses: /C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=DL/CN=T53 MARKER/
mhs-dl-submit-permissions: any
owner: $TOTC
mmhsSite: $sitedn
EOF

# --- the same decisions as the overlay --------------------------------

oid=2.25.59028202126315117165413111612054445617.5.2.1
origs=(rhodri.ashdown@mod.westland.example anwen.lacey@mod.westland.example
    "cn=Commander,$jfhq" "/C=XX/ADMD= /PRMD=NATO/O=JFC/OU1=J3/CN=X/" "$IDRIS"
    "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=JFHQ/CN=OPS OFFICER/")
sample_lists=$(ldap_admin ldapsearch -LLL -o ldif-wrap=no -b "$MMHS_LDAP_BASE" \
    "(&(objectClass=mhs-distribution-list)(mmhsMember=*))" 1.1 |
    sed -n 's/^dn: //p')
# the agent's answers, all from one synchronisation of a cache
while IFS= read -r l; do
	for o in "${origs[@]}"; do echo "permit $o\$$l"; done
	echo "expand $l"
done <<<"$sample_lists" | probe batch > "$testdir/probe.out"
same=0 differ="" nsame=0 ndiffer=""
exec 3< "$testdir/probe.out"
while IFS= read -r l; do
	for o in "${origs[@]}"; do
		ovl=$(ldap_admin ldapexop "$oid:$o\$$l" 2>&1)
		case $ovl in
		*"data:: VFJVRQ=="*) want=TRUE ;;
		*"data:: RkFMU0U="*) want=FALSE ;;
		*) want=ERROR ;;
		esac
		why=$(sed -n 's/^Additional info: .* may \(not \)*submit: //p' \
		    <<<"$ovl")
		IFS= read -r got <&3
		if [ "${got%% *}" = "$want" ] && [[ $got == *": $why" ]]; then
			same=$((same + 1))
		else
			differ="$differ [$l by $o: overlay $want $why, agent $got]"
		fi
	done
	while IFS= read -r got <&3 && [ "$got" != . ]; do
		echo "$got"
	done | sort > "$testdir/exp.set"
	ldap_admin ldapsearch -LLL -o ldif-wrap=no -b "$l" -s base \
	    mmhsExpandedRecipient | sed -n 's/^mmhsExpandedRecipient: //p' |
	    sort > "$testdir/ovl.set"
	if [ -s "$testdir/ovl.set" ] && cmp -s "$testdir/ovl.set" \
	    "$testdir/exp.set"; then
		nsame=$((nsame + 1))
	else
		ndiffer="$ndiffer [$l]"
	fi
done <<<"$sample_lists"
exec 3<&-
if [ -z "$differ" ] && [ "$same" -ge 54 ]; then
	ok "submit permission: $same decisions and reasons as the overlay's"
else
	not_ok "submit permission differs from the overlay's:$differ"
fi
if [ -z "$ndiffer" ] && [ "$nsame" -ge 9 ]; then
	ok "expansion: the overlay's recipient set for all $nsame lists"
else
	not_ok "expansion differs from the overlay's:$ndiffer"
fi

# --- a nested list with a diamond, from a permitted originator --------

# J3 Cell is in JFHQ All Staff already; now also directly in All
# Defence Staff: its members must still get one copy each
modify "diamond: J3 Cell, in JFHQ All Staff, also in All Defence Staff" <<EOF
dn: $ADS
changetype: modify
add: mmhsMember
mmhsMember: $J3
EOF
members=$(expanded_dns "$ADS")
nmembers=$(grep -c . <<<"$members")
check "Rhodri Ashdown submits to all-defence" send rhodri.ashdown \
    rhodri.ashdown@mod.westland.example all-defence@lists.mod.westland.example \
    nested
last=$(tail -n1 <<<"$members")
check "the copies arrive" wait_for 30 has "$last" nested
wait_for 20 track "agent=expander" "event=expanded" "msgid=<nested.$run@" \
    >/dev/null
bad=""
while IFS= read -r dn; do
	wait_for 10 has "$dn" nested
	n=$(count "$dn" nested)
	[ "$n" = 1 ] || bad="$bad [$dn: $n]"
done <<<"$members"
if [ -z "$bad" ] && [ "$nmembers" -ge 37 ]; then
	ok "each of the $nmembers members (J3 Cell twice nested) got one copy"
else
	not_ok "members without exactly one copy:$bad ($nmembers members)"
fi
check "J3 Cell member (diamond) has exactly one" test "$(count "$IDRIS" nested)" = 1
check "tracking: expanded, with the list DN and member count" \
    track "agent=expander" "event=expanded" "msgid=<nested.$run@" \
    "list=\"$ADS\"" "members=$nmembers " "owner=sigs.jfhq@mod.westland.example"
check "return path is the owner (store: from=owner)" \
    track "agent=store" "event=filed" "msgid=<nested.$run@" \
    "from=sigs.jfhq@mod.westland.example" "to=idris.carrow@"
raw=$(raw_with "$IDRIS" "t53 nested $run")
check "the copy carries DL-Expansion-History" \
    grep -qE "^DL-Expansion-History: all-defence@lists.mod.westland.example ;" \
    <<<"$raw"
# the copy = trace fields (Received:, DL-Expansion-History:) + original
awk 'BEGIN { t = 1 } t && /^(Received|DL-Expansion-History):/ { f = 1; next }
    t && f && /^[ \t]/ { next } { t = 0; f = 0; print }' <<<"$raw" \
    > "$testdir/nested.stored"
{ cat "$testdir/nested.eml"; printf '\r\n'; } > "$testdir/nested.sent"
check "the rest of the copy is the message as sent, byte for byte" \
    cmp "$testdir/nested.sent" "$testdir/nested.stored"
check "one history field per expansion (one list expanded it)" \
    test "$(grep -c '^DL-Expansion-History:' <<<"$raw")" = 1

# --- a not-permitted originator ----------------------------------------

check "Anwen Lacey submits to all-defence" send anwen.lacey \
    anwen.lacey@mod.westland.example all-defence@lists.mod.westland.example \
    refused
check "refused: DSN to the originator naming the reason" wait_for 30 \
    raw_with "$ANWEN" "t53 refused $run" "5.7.1" \
    "may not submit to $ADS" \
    "no mhs-dl-submit-permissions value matches the originator"
check "tracking: refused" track "agent=expander" "event=refused" \
    "msgid=<refused.$run@" "550 5.7.1"
check "no member got it" test "$(count "$IDRIS" refused)" = 0

# --- a loop the overlay cannot see --------------------------------------

modify "loop lists A and B added (each other's address as member)" <<EOF
dn: $LOOPA
changetype: add
objectClass: mhs-distribution-list
objectClass: mmhsList
cn: t53 Loop A
mail: t53-loop-a@lists.mod.westland.example
mhs-or-addresses: /C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=DL/CN=T53 LOOP A/
mhs-dl-submit-permissions: any
owner: $TOTC
mmhsMember: $BERWYN
mmhsExternalMember: t53-loop-b@lists.mod.westland.example
mmhsSite: $sitedn

dn: $LOOPB
changetype: add
objectClass: mhs-distribution-list
objectClass: mmhsList
cn: t53 Loop B
mail: t53-loop-b@lists.mod.westland.example
mhs-or-addresses: /C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=DL/CN=T53 LOOP B/
mhs-dl-submit-permissions: member-of-dl # <$LOOPA>
mhs-dl-submit-permissions: individual # <$LOOPA>
owner: $DOTC
mmhsMember: $CEINWEN
mmhsExternalMember: t53-loop-a@lists.mod.westland.example
mmhsSite: $sitedn
EOF
check "Anwen Lacey submits to loop A" send anwen.lacey \
    anwen.lacey@mod.westland.example t53-loop-a@lists.mod.westland.example loop
check "loop: B's owner gets the DSN (5.4.6, history)" wait_for 30 \
    raw_with "$DOTC" "t53 loop $run" "5.4.6" \
    "routing loop: list t53-loop-a@lists.mod.westland.example already expanded this message" \
    "t53-loop-b@lists.mod.westland.example ("
check "tracking: loop" track "agent=expander" "event=loop" \
    "msgid=<loop.$run@" "to=t53-loop-a@lists.mod.westland.example"
check "A expanded once" test "$(grep -F "msgid=<loop.$run@" "$MMHS_TRACK_LOG" |
    grep -F agent=expander | grep -F event=expanded |
    grep -cF to=t53-loop-a@)" = 1
check "B expanded once, its permission granted to list A" test "$(grep -F \
    "msgid=<loop.$run@" "$MMHS_TRACK_LOG" | grep -F agent=expander |
    grep -F event=expanded | grep -cF to=t53-loop-b@)" = 1
check "A's member got one copy" test "$(count "$BERWYN" loop)" = 1
check "B's member got one copy" test "$(count "$CEINWEN" loop)" = 1
raw=$(raw_with "$CEINWEN" "t53 loop $run")
check "B's copy: two history fields, newest first" test "$(grep -E \
    '^DL-Expansion-History:' <<<"$raw" | sed 's/ ;.*//' | tr '\n' ' ')" = \
    "DL-Expansion-History: t53-loop-b@lists.mod.westland.example DL-Expansion-History: t53-loop-a@lists.mod.westland.example "
check "B's copy: return path B's owner" track "agent=store" "event=filed" \
    "msgid=<loop.$run@" "from=do.testcell@mod.westland.example" \
    "to=ceinwen.nuttall@"

# --- further-dl-expansion-allowed=FALSE ----------------------------------

modify "J3 Cell nested in the Test Cell (no further expansion), and a member the MTA refuses" <<EOF
dn: $TESTCELL
changetype: modify
add: mmhsMember
mmhsMember: $J3
-
add: mmhsExternalMember
mmhsExternalMember: t53 bad@office.westland.example
EOF
check "Anwen Lacey submits to the Test Cell (J3 Cell nested, no further expansion)" \
    send anwen.lacey anwen.lacey@mod.westland.example \
    testcell@lists.mod.westland.example nofurther
check "Test Cell members get it" wait_for 30 has "$BERWYN" nofurther
check "the nested list is refused; the Test Cell's owner told why" \
    wait_for 30 raw_with "$TOTC" "t53 nofurther $run" "5.7.1" \
    "further-dl-expansion-allowed=FALSE"
check "J3 Cell's members got nothing" test "$(count "$IDRIS" nofurther)" = 0
check "the member the MTA refused: the expander's DSN to the owner" \
    wait_for 30 raw_with "$TOTC" "t53 nofurther $run" \
    "Final-Recipient: rfc822;t53 bad@office.westland.example" \
    "Action: failed" "Diagnostic-Code: smtp; 501 5.1.7" \
    "Mail List Expander <MAILER-DAEMON@"
check "tracking: failed member, and the count in the expansion's line" \
    track "agent=expander" "event=expanded" "msgid=<nofurther.$run@" \
    "refused by the MTA, reported to the owner" "refused=1 "
check "tracking: the failed member" track "agent=expander" "event=failed" \
    "msgid=<nofurther.$run@" "to=\"t53 bad@office.westland.example\""

# --- another site's list; priority=urgent; X.400 member -----------------

modify "Signals Brigade Watchkeepers moved to another site" <<EOF
dn: $SIGWATCH
changetype: modify
replace: mmhsSite
mmhsSite: cn=dlo,ou=MMHS,c=XW
EOF
check "Idris Carrow (JFHQ Ops Officer) submits to AMBER SENTINEL" \
    send idris.carrow ops.jfhq@mod.westland.example \
    op-amber-sentinel@lists.mod.westland.example amber
check "AMBER expanded" wait_for 30 track "agent=expander" "event=expanded" \
    "msgid=<amber.$run@" "to=op-amber-sentinel@"
check "another site's list is sent to by its address" wait_for 10 \
    track "agent=mta" "event=received" "msgid=<amber.$run@" \
    "to=sigbde-watch@lists.mod.westland.example"
check "... which this site's expander refuses (not its site)" \
    wait_for 20 track "agent=mta" "event=bounced" "msgid=<amber.$run@" \
    "to=sigbde-watch@" "550 5.3.5" "is expanded by site cn=dlo,ou=MMHS,c=XW"
check "priority=urgent: the copies travel at MT-PRIORITY 4 (flash)" \
    track "agent=mta" "event=received" "msgid=<amber.$run@" "prec=flash" \
    "from=ops.jfhq@mod.westland.example"
check "the X.400 member is logged as skipped" track "agent=expander" \
    "event=skipped" "msgid=<amber.$run@" \
    "to=\"/C=XX/ADMD= /PRMD=NATO/O=JFC/OU1=J3/CN=CURRENT OPS/\""
check "the members get it" wait_for 30 has "cn=Operations Officer,o=Army Command,o=Defence,c=XW" amber

# --- not a list -----------------------------------------------------------

check "a message to an address of the list domain that is no list" \
    send anwen.lacey anwen.lacey@mod.westland.example \
    t53-nosuch@lists.mod.westland.example nolist
check "refused at RCPT: DSN 5.1.1" wait_for 30 raw_with "$ANWEN" \
    "t53 nolist $run" "5.1.1" "no distribution list has this address"

# --- the limits of the expander's entry -----------------------------------

modify "the expander's recipients limit set to 5" <<EOF
dn: $MMHS_EXPANDER_DN
changetype: modify
replace: mmhsLimit
mmhsLimit: recipients=5
EOF
check "Rhodri Ashdown submits to all-defence again" send rhodri.ashdown \
    rhodri.ashdown@mod.westland.example all-defence@lists.mod.westland.example \
    toomany
check "too many recipients: refused, the DSN says so" wait_for 30 \
    raw_with "cn=Rhodri Ashdown,ou=People,$jfhq" "t53 toomany $run" \
    "550 5.2.4" "expands to more than 5 recipients (mmhsLimit recipients)"
check "nobody got it" test "$(count "$IDRIS" toomany)" = 0
modify "the expander's nesting limit set to 2 levels" <<EOF
dn: $MMHS_EXPANDER_DN
changetype: modify
replace: mmhsLimit
mmhsLimit: expansion-depth=2
EOF
check "Rhodri Ashdown submits to all-defence once more" send rhodri.ashdown \
    rhodri.ashdown@mod.westland.example all-defence@lists.mod.westland.example \
    toodeep
check "too deep: refused, the DSN names the chain" wait_for 30 \
    raw_with "cn=Rhodri Ashdown,ou=People,$jfhq" "t53 toodeep $run" \
    "550 5.2.4" "lists nested deeper than 2 levels" \
    "$ADS -> cn=JFHQ All Staff,ou=Lists,$jfhq -> $J3"
check "nobody got it" test "$(count "$IDRIS" toodeep)" = 0
