#!/bin/bash
# t40-mta-smtpd - the receiving side of mmhs-mta on the site runner:
# EHLO extensions per port and TLS state, PIPELINING (reply order, input
# after the final dot), SIZE (MAIL refusal, oversize DATA after a live
# mmhsLimit change), 8BITMIME, DSN parameters accepted and refused,
# MT-PRIORITY accepted, lowered for an untrusted client, refused out of
# range, STARTTLS then AUTH PLAIN and LOGIN, sender rules (own address,
# occupied role, someone else), AUTH before STARTTLS, MAIL before AUTH
# on submit, unauthenticated relay, malformed and repeated MMHS header
# fields; a load by smtp-source.  Every 250 to DATA must carry a queue
# id with a "received" line in the tracking log.
. "$srcdir/tests/e2e/common.sh"

site=$testdir/site
ids=""

if ! site_start "$site"; then
	not_ok "site with mmhs-mta starts"
	exit 1
fi
if [ -z "${MMHS_MTA_SUBMIT_PORT:-}" ]; then
	not_ok "site.env has MMHS_MTA_SUBMIT_PORT (mmhs-mta built?)"
	exit 1
fi
ok "site with mmhs-mta starts"
submit=$MMHS_MTA_SUBMIT_PORT
relay=$MMHS_MTA_SMTP_PORT
user=rhodri.ashdown@mod.westland.example
pw=Westland-Demo-1
role=comd.jfhq@mod.westland.example		# Commander: Rhodri's role
other=seren.holloway@mod.westland.example
local_rcpt=catrin.blackmore@mod.westland.example
remote_rcpt=someone@dlo.westland.example	# route to a peer-mta
log=$testdir/dialog.log

# reply - read one reply (all its lines) from fd 5
reply() {
	local line
	while IFS= read -r -t 10 line <&5; do
		line=${line%$'\r'}
		echo "$line"
		[[ $line =~ ^[0-9]{3}- ]] || return 0
	done
	echo "(no reply)"
}

# relay_pl - a TCP client bound to a local address (ARGV[1]) that
# copies stdin to the server and the server to stdout
relay_pl='use IO::Socket::INET; use IO::Select;
my $s = IO::Socket::INET->new(PeerAddr => "127.0.0.1", PeerPort => $ARGV[0],
    LocalAddr => $ARGV[1], Proto => "tcp") or die "connect: $!";
my $sel = IO::Select->new(\*STDIN, $s);
while (my @r = $sel->can_read) {
	for my $h (@r) {
		my $n = sysread($h, my $buf, 65536);
		if (!$n) { exit 0 if $h == $s; $s->shutdown(1);
			$sel->remove($h); next; }
		syswrite($h == $s ? \*STDOUT : $s, $buf);
	}
}'

# dialog [-b ADDR] PORT CMD... - one connection; each CMD is written in
# one write (it may hold several CRLF-separated lines: a pipelined
# group, whose replies are all read: one per line); prints every reply
dialog() {
	local bind="" port c n i
	if [ "$1" = -b ]; then bind=$2; shift 2; fi
	port=$1
	shift
	if [ -n "$bind" ]; then
		coproc NC { exec perl -e "$relay_pl" "$port" "$bind"; }
		exec 5<&"${NC[0]}" 6>&"${NC[1]}"
	else
		exec 5<>"/dev/tcp/127.0.0.1/$port"
		exec 6>&5
	fi
	reply
	for c in "$@"; do
		printf '%s\r\n' "$c" >&6
		case $c in
		*$'\r\n.') n=1 ;;	# a message: one reply
		*$'\r\n.\r\n'*)	# a message, then pipelined commands
			n=$((1 + $(printf '%s\n' "${c##*$'\r\n.\r\n'}" |
			    wc -l))) ;;
		*) n=$(printf '%s\n' "$c" | wc -l) ;;
		esac
		for ((i = 0; i < n; i++)); do reply; done
	done
	exec 5<&- 6>&-
	[ -z "$bind" ] || wait "$NC_PID" 2>/dev/null
} 

# msg HEADER... - a message (with the final dot) for dialog
msg() {
	local h out=""
	for h in "$@"; do out+="$h"$'\r\n'; done
	out+="Subject: t40"$'\r\n'"Message-ID: <t40.$RANDOM.$RANDOM@test>"
	out+=$'\r\n\r\n'"body"$'\r\n.'
	printf '%s' "$out"
}

# expect WHAT TEXT OUTPUT - pass when OUTPUT has a line with TEXT
expect() {
	echo "== $1" >> "$log"
	echo "$3" >> "$log"
	if grep -qF -- "$2" <<<"$3"; then ok "$1"; else
		not_ok "$1 (no \"$2\" in: $(tr '\n' '|' <<<"$3"))"; fi
}

# queued OUTPUT - remember the queue ids of the 250 replies in it
queued() {
	ids="$ids $(sed -n 's/^250 2\.0\.0 Ok: queued as \([0-9A-F]*\).*/\1/p' \
	    <<<"$1" | tr '\n' ' ')"
}

auth_plain=$(printf '\0%s\0%s' "$user" "$pw" | base64 -w0)

# -- EHLO ------------------------------------------------------------
out=$(dialog "$submit" "EHLO t40.test" QUIT)
for ext in PIPELINING "SIZE 10485760" 8BITMIME ENHANCEDSTATUSCODES DSN \
    "MT-PRIORITY STANAG4406" STARTTLS; do
	expect "submit EHLO lists $ext" "250-$ext" "$out"
done
if grep -q "AUTH" <<<"$out"; then not_ok "no AUTH before STARTTLS";
else ok "no AUTH before STARTTLS"; fi
out=$(swaks --server 127.0.0.1:$submit -tls --quit-after helo \
    --from "$user" --to "$local_rcpt" 2>&1)
expect "AUTH PLAIN LOGIN offered after STARTTLS" "<~  250-AUTH PLAIN LOGIN" \
    "$out"
if grep -q "<~  250-STARTTLS" <<<"$out"; then
	not_ok "no STARTTLS inside TLS"; else ok "no STARTTLS inside TLS"; fi

# -- refusals before TLS / AUTH ---------------------------------------
out=$(dialog "$submit" "EHLO t40.test" "AUTH PLAIN $auth_plain" QUIT)
expect "AUTH before STARTTLS refused" "538 5.7.11" "$out"
out=$(dialog "$submit" "EHLO t40.test" "MAIL FROM:<$user>" QUIT)
expect "MAIL before AUTH on submit refused" "530 5.7.0" "$out"

# -- STARTTLS + AUTH, sender rules -------------------------------------
sub() {
	swaks --server 127.0.0.1:$submit -tls --auth "$1" --auth-user "$2" \
	    --auth-password "$3" --from "$4" --to "$local_rcpt" 2>&1
}
out=$(sub PLAIN "$user" "$pw" "$user")
expect "AUTH PLAIN after STARTTLS" "<~  235 2.7.0" "$out"
expect "sending as own address accepted" "<~  250 2.0.0 Ok: queued as" "$out"
queued "$(sed 's/^<~  //' <<<"$out")"
out=$(sub LOGIN rhodri.ashdown "$pw" "$role")
expect "AUTH LOGIN by uid" "<~  235 2.7.0" "$out"
expect "sending as an occupied role accepted" "<~  250 2.0.0 Ok: queued as" \
    "$out"
queued "$(sed 's/^<~  //' <<<"$out")"
out=$(sub PLAIN "$user" "$pw" "$other")
expect "sending as someone else refused" "<~* 550 5.7.1" "$out"
out=$(sub PLAIN "$user" wrong-password "$user")
expect "wrong password refused" "535 5.7.8" "$out"

# -- relay port ----------------------------------------------------------
out=$(dialog -b 127.0.0.2 "$relay" "EHLO t40.test" "MAIL FROM:<a@b.example>" \
    "RCPT TO:<$remote_rcpt>" "RCPT TO:<$local_rcpt>" QUIT)
expect "unauthenticated relay to another site refused" "554 5.7.1" "$out"
expect "local recipient accepted from anyone" "250 2.1.5 Recipient <$local_rcpt>" \
    "$out"
out=$(dialog "$relay" "EHLO peer.test" "MAIL FROM:<a@dlo.westland.example>" \
    "RCPT TO:<$remote_rcpt>" QUIT)
expect "peer MTA (listen address of an mmhsPeer) may relay" \
    "250 2.1.5 Recipient <$remote_rcpt>" "$out"

# -- PIPELINING -------------------------------------------------------------
group="MAIL FROM:<a@b.example>"$'\r\n'"RCPT TO:<$local_rcpt>"$'\r\n'
group+="RCPT TO:<bad>"$'\r\n'"RCPT TO:<$other>"$'\r\n'"DATA"
out=$(dialog "$relay" "EHLO t40.test" "$group" \
    "$(msg "From: a@b.example" "To: $local_rcpt")"$'\r\n'"QUIT")
replies=$(sed -n '/^250 2.1.0/,$p' <<<"$out" | cut -c1-9 | tr '\n' ' ')
if [ "$replies" = "250 2.1.0 250 2.1.5 501 5.1.3 250 2.1.5 354 End d 250 2.0.0 221 2.0.0 " ]
then ok "pipelined replies in order"; else
	not_ok "pipelined replies in order (got: $replies)"; fi
expect "QUIT pipelined after the final dot answered after the 250" \
    "221 2.0.0" "$out"
queued "$out"
out=$(swaks --server 127.0.0.1:$relay --pipeline --from a@b.example \
    --to "$local_rcpt" 2>&1)
expect "swaks --pipeline" "250 2.0.0 Ok: queued as" "$out"
queued "$(sed 's/^<-  //' <<<"$out")"

# -- SIZE, 8BITMIME ------------------------------------------------------
out=$(dialog "$relay" "EHLO t40.test" "MAIL FROM:<a@b.example> SIZE=20000000" \
    QUIT)
expect "MAIL with SIZE over the limit refused" "552 5.3.4" "$out"
out=$(dialog "$relay" "EHLO t40.test" \
    "MAIL FROM:<a@b.example> SIZE=300 BODY=8BITMIME" "RCPT TO:<$local_rcpt>" \
    DATA "$(msg "From: a@b.example" "Subject: caf$(printf '\303\251')")" QUIT)
expect "8BITMIME message accepted" "250 2.0.0 Ok: queued as" "$out"
queued "$out"

# -- DSN --------------------------------------------------------------------
out=$(dialog "$relay" "EHLO t40.test" \
    "MAIL FROM:<a@b.example> RET=HDRS ENVID=t40+2Benv" \
    "RCPT TO:<$local_rcpt> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;x+40y.example" \
    DATA "$(msg "From: a@b.example")" QUIT)
expect "DSN parameters accepted" "250 2.0.0 Ok: queued as" "$out"
queued "$out"
for bad in "MAIL FROM:<a@b.example> RET=SOME" \
    "MAIL FROM:<a@b.example> ENVID=a=b" \
    "MAIL FROM:<a@b.example> RET=FULL RET=HDRS"; do
	out=$(dialog "$relay" "EHLO t40.test" "$bad" QUIT)
	expect "refused: $bad" "501 5.5.4" "$out"
done
for bad in "NOTIFY=NEVER,SUCCESS" "NOTIFY=SOMETIMES" "ORCPT=rfc822;x+zz" \
    "ORCPT=x@y.example"; do
	out=$(dialog "$relay" "EHLO t40.test" "MAIL FROM:<a@b.example>" \
	    "RCPT TO:<$local_rcpt> $bad" QUIT)
	expect "refused: RCPT $bad" "501 5.5.4" "$out"
done

# -- MT-PRIORITY ----------------------------------------------------------
out=$(dialog "$relay" "EHLO t40.test" "MAIL FROM:<a@b.example> MT-PRIORITY=4" \
    "RCPT TO:<$local_rcpt>" DATA "$(msg "From: a@b.example")" QUIT)
expect "MT-PRIORITY=4 accepted from a peer" "250 2.0.0 Ok: queued as" "$out"
queued "$out"
id=$(sed -n 's/^250 2\.0\.0 Ok: queued as //p' <<<"$out")
check "MT-PRIORITY=4 gives flash" grep -q "qid=$id .*prec=flash" \
    "$MMHS_TRACK_LOG"
out=$(dialog -b 127.0.0.2 "$relay" "EHLO t40.test" \
    "MAIL FROM:<a@b.example> MT-PRIORITY=6" "RCPT TO:<$local_rcpt>" DATA \
    "$(msg "From: a@b.example")" QUIT)
queued "$out"
id=$(sed -n 's/^250 2\.0\.0 Ok: queued as //p' <<<"$out")
check "raised MT-PRIORITY of an untrusted client lowered to 0 (priority)" \
    grep -q "qid=$id .*prec=priority" "$MMHS_TRACK_LOG"
out=$(dialog "$relay" "EHLO t40.test" "MAIL FROM:<a@b.example>" \
    "RCPT TO:<$local_rcpt>" DATA \
    "$(msg "From: a@b.example" "To: $local_rcpt" \
    "MMHS-Primary-Precedence: 3 (immediate)")" QUIT)
queued "$out"
id=$(sed -n 's/^250 2\.0\.0 Ok: queued as //p' <<<"$out")
check "precedence from MMHS-Primary-Precedence" \
    grep -q "qid=$id .*prec=immediate" "$MMHS_TRACK_LOG"
for bad in 10 -10 x "4 MT-PRIORITY=2"; do
	out=$(dialog "$relay" "EHLO t40.test" \
	    "MAIL FROM:<a@b.example> MT-PRIORITY=$bad" QUIT)
	expect "MT-PRIORITY=$bad refused" "501 5.5.2" "$out"
done

# -- MMHS header fields -----------------------------------------------------
out=$(dialog "$relay" "EHLO t40.test" "MAIL FROM:<a@b.example>" \
    "RCPT TO:<$local_rcpt>" DATA "$(msg "From: a@b.example" "To: $local_rcpt" \
    "MMHS-Primary-Precedence: bogus")" QUIT)
expect "malformed MMHS header refused with 554 5.6.0" \
    "554 5.6.0 MMHS-Primary-Precedence" "$out"
out=$(dialog "$relay" "EHLO t40.test" "MAIL FROM:<a@b.example>" \
    "RCPT TO:<$local_rcpt>" DATA "$(msg "From: a@b.example" "To: $local_rcpt" \
    "MMHS-Primary-Precedence: 4" "MMHS-Primary-Precedence: 4")" QUIT)
expect "repeated MMHS header refused with 554 5.6.0" "554 5.6.0" "$out"

# -- oversize DATA after a live limit change ---------------------------
ldap_admin ldapmodify >> "$testdir/commands.log" 2>&1 <<EOF
dn: $MMHS_MTA_DN
changetype: modify
delete: mmhsLimit
mmhsLimit: message-size=10485760
-
add: mmhsLimit
mmhsLimit: message-size=20000
EOF
for _ in $(seq 1 50); do
	out=$(dialog "$relay" "EHLO t40.test" QUIT)
	grep -q "250-SIZE 20000" <<<"$out" && break
	sleep 0.1
done
expect "mmhsLimit change taken live (EHLO SIZE 20000)" "250-SIZE 20000" "$out"
big=$(head -c 30000 /dev/zero | tr '\0' 'x' | fold -w 70 | sed 's/$/\r/' |
    tr -d '\n' | sed 's/\r/\r\n/g')
out=$(dialog "$relay" "EHLO t40.test" "MAIL FROM:<a@b.example>" \
    "RCPT TO:<$local_rcpt>" DATA "From: a@b.example"$'\r\n\r\n'"$big"$'\r\n.' \
    "RSET" QUIT)
expect "oversize DATA refused with 552 5.3.4" "552 5.3.4" "$out"
expect "session usable after the 552" "250 2.0.0 Ok" "$out"

# -- load with smtp-source ----------------------------------------------------
before=$(grep -c "event=received" "$MMHS_TRACK_LOG")
check "smtp-source: 40 messages in 4 sessions" smtp-source -s 4 -m 40 -l 2048 \
    -f a@b.example -t "$local_rcpt" "127.0.0.1:$relay"
after=$(grep -c "event=received" "$MMHS_TRACK_LOG")
if [ $((after - before)) -eq 40 ]; then ok "40 received lines for smtp-source"
else not_ok "40 received lines for smtp-source (got $((after - before)))"; fi

# -- every queue id has its "received" line ---------------------------------
n=0 missing=""
for id in $ids; do
	n=$((n + 1))
	grep -q "event=received qid=$id " "$MMHS_TRACK_LOG" ||
	    missing="$missing $id"
done
if [ $n -ge 8 ] && [ -z "$missing" ]; then
	ok "all $n queue ids have a received line"
else
	not_ok "received lines for $n queue ids (missing:$missing)"
fi
