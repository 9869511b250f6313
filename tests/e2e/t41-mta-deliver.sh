#!/bin/bash
# t41-mta-deliver - the delivery side of mmhs-mta on the site runner.
# Postfix's smtp-sink in LMTP mode stands for the store, profiler,
# expander and gateways; a small recording peer (data/mta-peer.py) for
# the two MTAs of the other national site.  The directory decides: the
# test points the agents' mmhsListen at them with ldapmodify.  Checked:
# each kind of next hop, the FLASH-only route, the alternate when the
# preferred peer is down, MT-PRIORITY passed onward (as received, and
# from the precedence), PIPELINING/SIZE/DSN parameters on the peer's
# MAIL and RCPT lines, 4xx -> deferred -> delivered after recovery with
# a delay DSN, 5xx -> failure DSN with Status and Diagnostic-Code,
# NOTIFY=SUCCESS -> success DSN, a route changed with ldapmodify used
# for the next message without restart, and tracking log lines with
# queue id and Message-ID for each event.
. "$srcdir/tests/e2e/common.sh"

site=$testdir/site
peer=$srcdir/tests/e2e/data/mta-peer.py
base="cn=mod-main,ou=MMHS,c=XW"
pids=""

# cleanup - stop the sinks and peers, then the site
cleanup() {
	local p
	for p in $pids; do
		kill "$p" 2>/dev/null
	done
	for p in $pids; do
		wait "$p" 2>/dev/null
	done
	pids=""
}
trap 'cleanup; finish; exit $?' EXIT

# free_port - a TCP port on 127.0.0.1 nothing listens on (mmhs-site's
# choice, from below the ephemeral range), not handed out before here
free_port() {
	local port
	while :; do
		port=$("$MMHS_SITE" free-port)
		case " $ports " in *" $port "*) continue ;; esac
		ports="$ports $port"
		echo "$port"
		return
	done
}

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

# listen DN VALUE... - replace an agent's mmhsListen
listen() {
	local dn=$1 v
	shift
	{
		echo "dn: $dn"
		echo "changetype: modify"
		echo "replace: mmhsListen"
		for v; do echo "mmhsListen: $v"; done
	} | ldap_admin ldapmodify >> "$testdir/commands.log" 2>&1
}

# sink NAME - an LMTP smtp-sink for agent cn=NAME, capturing to NAME/
sink() {
	local name=$1 port
	port=$(free_port)
	mkdir -p "$testdir/$name"
	chmod 777 "$testdir/$name"
	smtp-sink -L -u nobody -d "$testdir/$name/%M." "127.0.0.1:$port" 64 \
	    >> "$testdir/sinks.log" 2>&1 &
	pids="$pids $!"
	listen "cn=$name,$base" "lmtp lmtp://127.0.0.1:$port"
}

# peer NAME DN - a recording SMTP peer for agent DN, capturing to NAME/
start_peer() {
	local name=$1 dn=$2 port
	port=$(free_port)
	mkdir -p "$testdir/$name"
	python3 "$peer" "$port" "$testdir/$name" >> "$testdir/peers.log" 2>&1 &
	pids="$pids $!"
	eval "${name//-/_}_port=$port"
	listen "$dn" "smtp smtp://127.0.0.1:$port"
}

# msg ID PREC - a message with Message-ID <ID@t41.test> at precedence
msg() {
	printf 'From: t41-orig@mod.westland.example\r\n'
	printf 'To: someone@mod.westland.example\r\n'
	printf 'Subject: t41 %s\r\n' "$1"
	printf 'Message-ID: <%s@t41.test>\r\n' "$1"
	printf 'Date: %s\r\n' "$(date -R)"
	printf 'MMHS-Primary-Precedence: %s\r\n' "$2"
	printf '\r\nbody of %s\r\n.leading dot\r\n' "$1"
}

# smtp_reply - read one (multi-line) reply from fd 5, print its last line
smtp_reply() {
	local line
	while IFS= read -r -t 30 line <&5; do
		line=${line%$'\r'}
		[ "${line:3:1}" = "-" ] || break
	done
	echo "$line"
}

# send ID PREC MAIL-ARGS RCPT-ARGS... - one message over SMTP to the
# MTA's relay port; 0 when it was accepted with 250
send() {
	local id=$1 prec=$2 mail=$3 r rc=0
	shift 3
	exec 5<>"/dev/tcp/127.0.0.1/$MMHS_MTA_SMTP_PORT" || return 1
	smtp_reply > /dev/null
	printf 'EHLO t41.test\r\n' >&5
	smtp_reply > /dev/null
	printf 'MAIL FROM:%s\r\n' "$mail" >&5
	r=$(smtp_reply)
	for a; do
		printf 'RCPT TO:%s\r\n' "$a" >&5
		r="$r / $(smtp_reply)"
	done
	printf 'DATA\r\n' >&5
	r="$r / $(smtp_reply)"
	msg "$id" "$prec" | sed "s/^\./../" >&5
	printf '.\r\n' >&5
	r="$r / $(smtp_reply)"
	printf 'QUIT\r\n' >&5
	exec 5>&- 5<&-
	echo "$id: $r" >> "$testdir/commands.log"
	case $r in *" / 250 "*[Qq]ueued*) ;; *) rc=1 ;; esac
	return $rc
}

# at DIR ID - DIR holds the message with Message-ID <ID@t41.test>
at() {
	grep -qlF "<$2@t41.test>" "$testdir/$1"/* 2>/dev/null
}

# at_either ID - one of the two peer MTAs holds message ID
at_either() {
	at mta-a "$1" || at mta-b "$1"
}

# file_of DIR ID - the capture file of that message
file_of() {
	grep -lF "<$2@t41.test>" "$testdir/$1"/* 2>/dev/null | head -n 1
}

# dsn_at DIR ACTION ID - a DSN with Action ACTION about message ID
dsn_at() {
	local f
	for f in $(grep -lF "Action: $2" "$testdir/$1"/* 2>/dev/null); do
		grep -qF "<$3@t41.test>" "$f" && return 0
	done
	return 1
}

# tracked EVENT ID - a tracking line for the event with qid= and msgid=
tracked() {
	grep "event=$1 " "$MMHS_TRACK_LOG" | grep -F "msgid=<$2@t41.test>" |
	    grep -q 'qid=[0-9A-F]\{16\} '
}

# deliver_test WHAT ID PREC RCPT DIR - send one, find it at DIR
deliver_test() {
	local what=$1 id=$2 prec=$3 rcpt=$4 dir=$5
	if ! send "$id" "$prec" "<t41-orig@mod.westland.example>" "<$rcpt>"
	then
		not_ok "$what: the MTA did not accept the message"
	elif wait_for 20 at "$dir" "$id"; then
		ok "$what"
	else
		not_ok "$what: not at $dir ($(ls "$testdir/$dir" | wc -l) files)"
	fi
}

site_start "$site" || { not_ok "site start"; exit 1; }
if [ -z "${MMHS_MTA_SMTP_PORT:-}" ]; then
	not_ok "the site runner started no mmhs-mta (see $site/log)"
	exit 1
fi
ok "site with mmhs-mta running"

# short retries for the 4xx test, a delay DSN after 1 s for FLASH
ldap_admin ldapmodify >> "$testdir/commands.log" 2>&1 <<EOF
dn: cn=mta,$base
changetype: modify
add: mmhsLimit
mmhsLimit: retry-flash=1
mmhsLimit: retry-max-flash=2
mmhsLimit: warn-flash=1
EOF

for a in store profiler expander gw-nato gw-informal gw-tactical \
    gw-tactical-sat; do
	sink "$a"
done
start_peer mta-a "cn=mta-a,cn=dlo,ou=MMHS,c=XW"
start_peer mta-b "cn=mta-b,cn=dlo,ou=MMHS,c=XW"
# the cache follows within a second; wait for the last change to be seen
sleep 2

# --- each kind of next hop -------------------------------------------
deliver_test "person -> store by LMTP" person 1 \
    "t41-person@mod.westland.example" store
deliver_test "organisation -> profiler" org 1 \
    "jfhq@mod.westland.example" profiler
deliver_test "list -> expander" list 1 \
    "jfhq-j3@lists.mod.westland.example" expander
deliver_test "other national site -> peer MTA" dlo 1 \
    "t41@dlo.westland.example" mta-a
deliver_test "NATO -> gw-nato" nato 2 "t41@nato.example" gw-nato
deliver_test "informal -> gw-informal" informal 1 \
    "t41@office.westland.example" gw-informal
deliver_test "tactical -> gw-tactical" tactical 1 \
    "t41@1bg.tac.westland.example" gw-tactical
deliver_test "FLASH-only route -> gw-tactical-sat" resolute-flash 4 \
    "t41@resolute.tac.westland.example" gw-tactical-sat
deliver_test "ROUTINE to the same domain -> gw-tactical" resolute-routine 1 \
    "t41@resolute.tac.westland.example" gw-tactical

if tracked delivered person && tracked relayed dlo && tracked routed person
then
	ok "tracking: routed, delivered (LMTP), relayed (SMTP) lines"
else
	not_ok "tracking lines for routed/delivered/relayed missing"
fi

# --- the ESMTP parameters passed onward --------------------------------
f=$(file_of mta-a dlo)
if grep -q '^X-Mail: MAIL FROM:<t41-orig@mod.westland.example> SIZE=[0-9]' \
    "$f" 2>/dev/null && grep -q 'MT-PRIORITY=-2' "$f"; then
	ok "MAIL FROM with SIZE and the ROUTINE MT-PRIORITY (-2)"
else
	not_ok "MAIL FROM to the peer: $(head -n 1 "$f" 2>/dev/null)"
fi
send mtprio 4 "<t41-orig@mod.westland.example> MT-PRIORITY=3" \
    "<t41@dlo.westland.example> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;t41+2Bx" \
    > /dev/null
if wait_for 20 at mta-a mtprio &&
    grep -q 'MT-PRIORITY=3' "$(file_of mta-a mtprio)"; then
	ok "MT-PRIORITY passed on as received (3)"
else
	not_ok "MT-PRIORITY=3 not passed on"
fi
f=$(file_of mta-a mtprio)
if grep -q '^X-Rcpt: RCPT TO:<t41@dlo.westland.example> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;t41+2Bx' \
    "$f" 2>/dev/null; then
	ok "NOTIFY and ORCPT passed on to a peer offering DSN"
else
	not_ok "RCPT to the peer: $(grep X-Rcpt "$f" 2>/dev/null)"
fi
if grep -q '^\.\.leading dot' "$f" 2>/dev/null ||
    ! grep -q '^\.leading dot' "$f" 2>/dev/null; then
	not_ok "dot-stuffing: the peer did not get '.leading dot' back"
else
	ok "dot-stuffing round trip"
fi

# --- the alternate when the preferred peer is down ---------------------
listen "cn=mta-a,cn=dlo,ou=MMHS,c=XW" "smtp smtp://127.0.0.1:$(free_port)"
sleep 1.5
deliver_test "preferred peer down -> alternate mta-b" alternate 4 \
    "t41@dlo.westland.example" mta-b
listen "cn=mta-a,cn=dlo,ou=MMHS,c=XW" "smtp smtp://127.0.0.1:$mta_a_port"
sleep 1.5

# --- 4xx: deferred, a delay DSN, delivered after recovery -------------
echo 4xx > "$testdir/mta-a/mode"
echo 4xx > "$testdir/mta-b/mode"
send soft 4 "<t41-orig@mod.westland.example>" "<t41@dlo.westland.example>" \
    > /dev/null
if wait_for 20 tracked deferred soft; then
	ok "4xx -> deferred (tracking line)"
else
	not_ok "4xx: no deferred line"
fi
if wait_for 20 dsn_at store delayed soft; then
	ok "delay DSN to the return path after warn-flash"
else
	not_ok "no delay DSN for the deferred FLASH message"
fi
echo ok > "$testdir/mta-a/mode"
echo ok > "$testdir/mta-b/mode"
if wait_for 30 at_either soft; then
	ok "delivered after the next hop recovered"
else
	not_ok "not delivered after recovery"
fi

# --- 5xx: failure DSN with Status and Diagnostic-Code ------------------
echo 5xx > "$testdir/mta-a/mode"
echo 5xx > "$testdir/mta-b/mode"
send hard 4 "<t41-orig@mod.westland.example> RET=HDRS ENVID=t41env" \
    "<t41-bad@dlo.westland.example>" > /dev/null
if wait_for 20 dsn_at store failed hard; then
	f=$(grep -lF "Action: failed" "$testdir"/store/* | xargs grep -lF \
	    "<hard@t41.test>" | head -n 1)
	if grep -q '^Status: 5\.1\.1' "$f" &&
	    grep -q '^Diagnostic-Code: smtp; 550 5\.1\.1 no such user here' \
	    "$f" && grep -q 'Final-Recipient: rfc822; *t41-bad@dlo' "$f" &&
	    grep -q 'Original-Envelope-Id: t41env' "$f"; then
		ok "5xx -> failure DSN with Status 5.1.1 and Diagnostic-Code"
	else
		not_ok "failure DSN lacks Status/Diagnostic-Code: $f"
	fi
else
	not_ok "5xx: no failure DSN at the originator's store"
fi
tracked bounced hard && ok "tracking: bounced line" ||
    not_ok "no bounced line"
echo ok > "$testdir/mta-a/mode"
echo ok > "$testdir/mta-b/mode"

# --- NOTIFY=SUCCESS on LMTP delivery: success DSN -----------------------
send notify 1 "<t41-orig@mod.westland.example>" \
    "<t41-person2@mod.westland.example> NOTIFY=SUCCESS" > /dev/null
if wait_for 20 dsn_at store delivered notify; then
	ok "NOTIFY=SUCCESS -> success DSN (Action: delivered)"
else
	not_ok "no success DSN"
fi

# --- a route changed with ldapmodify, no restart -------------------------
ldap_admin ldapmodify >> "$testdir/commands.log" 2>&1 <<EOF
dn: cn=informal,ou=Routes,$base
changetype: modify
replace: mmhsNextHop
mmhsNextHop: cn=gw-nato,$base
EOF
sleep 1.5
deliver_test "route changed by ldapmodify used without restart" rerouted 1 \
    "t41-2@office.westland.example" gw-nato
ldap_admin ldapmodify >> "$testdir/commands.log" 2>&1 <<EOF
dn: cn=informal,ou=Routes,$base
changetype: modify
replace: mmhsNextHop
mmhsNextHop: cn=gw-informal,$base
EOF

# --- nothing left in the queue, the MTA still runs ----------------------
if kill -0 "$(cat "$site/run/mta.pid")" 2>/dev/null; then
	ok "mmhs-mta still running"
else
	not_ok "mmhs-mta died (see $site/log/mta.log)"
fi
