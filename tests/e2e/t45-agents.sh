#!/bin/bash
# t45-agents - lib/mmhs_agent on a real site: an agent of its own entry
# (tests/tools/mmhs-agentcheck) finds entries by mail, O/R address and
# with a +detail, the MTA's port among its peers, writes its status as
# itself and sees a change of its entry live; and mmhs-site started the
# built agents on the ports site.env names, with a CA that verifies.
. "$srcdir/tests/e2e/common.sh"

check_tool=$builddir/tests/tools/mmhs-agentcheck
site=$testdir/site
if site_start "$site"; then
	ok "mmhs-site start with the sample site"
else
	not_ok "mmhs-site start with the sample site"
	exit 1
fi

# ---- the site runner: every agent it started runs and answers
for var in $(compgen -v | grep '^MMHS_[A-Z]*_PID$'); do
	[ "$var" != MMHS_SLAPD_PID ] || continue
	agent=${var#MMHS_}
	agent=${agent%_PID}
	if kill -0 "${!var}" 2>/dev/null; then
		ok "mmhs-site started ${agent,,} (pid ${!var})"
	else
		not_ok "${agent,,} (pid ${!var}) does not run"
	fi
done
for var in $(compgen -v | grep '^MMHS_[A-Z]*_[A-Z0-9_]*_PORT$'); do
	if (exec 3<>"/dev/tcp/127.0.0.1/${!var}") 2>/dev/null; then
		ok "$var ${!var} answers"
	else
		not_ok "$var ${!var} does not answer"
	fi
done
for agent in store archive profiler expander ffmon mta; do
	pid=MMHS_${agent^^}_PID
	if [ -n "${!pid:-}" ] || grep -q "^  $agent *not built" \
	    "$testdir/site-start.log"; then
		ok "$agent: started or said to be not built"
	else
		not_ok "$agent: neither started nor said to be not built"
	fi
done
listen=$(ldap_admin ldapsearch -b "$MMHS_MTA_DN" -s base -LLL \
    -o ldif-wrap=no mmhsListen | sed -n 's/^mmhsListen: smtp //p')
if [ "$listen" = "smtp://127.0.0.1:$MMHS_MTA_SMTP_PORT" ]; then
	ok "the MTA's smtp mmhsListen is MMHS_MTA_SMTP_PORT"
else
	not_ok "MTA smtp listen \"$listen\", site.env $MMHS_MTA_SMTP_PORT"
fi
if [ -n "${MMHS_MTA_PID:-}" ]; then
	check "the MTA's certificate verifies with MMHS_TLS_CA" \
	    openssl verify -CAfile "$MMHS_TLS_CA" "$site/tls/mta-cert.pem"
	out=$(echo QUIT | openssl s_client -starttls smtp -connect \
	    "127.0.0.1:$MMHS_MTA_SUBMIT_PORT" \
	    -CAfile "$MMHS_TLS_CA" -verify_ip 127.0.0.1 2>&1)
	if grep -q "Verify return code: 0 (ok)" <<<"$out"; then
		ok "STARTTLS to the MTA verifies against the site CA"
	else
		not_ok "STARTTLS to the MTA: $(grep -i verify <<<"$out" | head -3)"
	fi
fi

if [ -n "${MMHS_STORE_HTTP_PORT:-}" ]; then
	check "the store's certificate verifies with MMHS_TLS_CA" \
	    openssl verify -CAfile "$MMHS_TLS_CA" "$site/tls/store-cert.pem"
	for host in 127.0.0.1 localhost; do
		url=https://$host:$MMHS_STORE_HTTP_PORT/api/v1/mailboxes
		code=$(curl -s -o /dev/null -w '%{http_code}' --cacert \
		    "$MMHS_TLS_CA" "$url")
		if [ "$code" = 401 ]; then
			ok "curl --cacert MMHS_TLS_CA verifies the store as" \
			    "$host (401 without credentials)"
		else
			not_ok "curl to the store as $host: HTTP \"$code\""
		fi
	done
fi
# Every agent started writes its status into its entry (as itself).
for var in $(compgen -v | grep '^MMHS_[A-Z]*_DN$'); do
	case $var in MMHS_ADMIN_DN|MMHS_CONFIG_DN|MMHS_MTA_DN) continue ;; esac
	st=""
	for i in $(seq 1 100); do
		st=$(ldap_admin ldapsearch -b "${!var}" -s base -LLL \
		    mmhsAgentStatus | sed -n 's/^mmhsAgentStatus: //p')
		[ -z "$st" ] || break
		sleep 0.1
	done
	if [ -n "$st" ]; then
		ok "${!var} wrote its status: $st"
	else
		not_ok "${!var} wrote no mmhsAgentStatus"
	fi
done

# ---- an agent of our own: an entry, a password, a peer (the MTA)
dn="cn=agentcheck,cn=mod-main,ou=MMHS,c=XW"
pw=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
echo "$pw" > "$testdir/agent.pw"
check "an agent entry of our own is added" ldap_admin ldapadd -f /dev/stdin \
    <<EOF
dn: $dn
objectClass: mmhsAgent
cn: agentcheck
mmhsAgentType: test
mmhsSite: cn=mod-main,ou=MMHS,c=XW
mmhsListen: lmtp lmtp://127.0.0.1:2424
mmhsLimit: scan-interval=3
mmhsPeer: $MMHS_MTA_DN
userPassword: $pw
EOF
ask() {
	"$check_tool" -H "$MMHS_LDAP_URI" -D "$dn" -y "$testdir/agent.pw" \
	    -c "$testdir/cache" "$@" 2>> "$testdir/agentcheck.log"
}
# answer WHAT WANT QUESTION... - the tool's answer is WANT
answer() {
	local what=$1 want=$2 got
	shift 2
	got=$(ask "$@")
	if [ "$got" = "$want" ]; then
		ok "$what"
	else
		not_ok "$what: got \"$got\", want \"$want\""
	fi
}

person="cn=Anwen Lacey,ou=People,o=MMHS Test Cell,o=Defence,c=XW"
role="cn=Duty Officer,o=MMHS Test Cell,o=Defence,c=XW"
answer "entry for a mail address" "$person
detail=" entry-for anwen.lacey@mod.westland.example
answer "entry for a mail address in other case" "$person
detail=" entry-for Anwen.Lacey@MOD.westland.example
answer "entry for an O/R address" "$person
detail=" entry-for "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=TESTCELL/S=LACEY/G=ANWEN/"
answer "entry for an O/R address in another order" "$role
detail=" entry-for "/CN=DUTY OFFICER/OU1=TESTCELL/O=DEFENCE/PRMD=MOD/ADMD= /C=XW/"
answer "entry for a +info address: the role, detail info" "$role
detail=info" entry-for do.testcell+info@mod.westland.example
if ask entry-for nobody+info@mod.westland.example > /dev/null; then
	not_ok "an unknown address found an entry"
else
	ok "an unknown address finds no entry"
fi

answer "the MTA's smtp port among the peers is MMHS_MTA_SMTP_PORT" \
    "127.0.0.1 $MMHS_MTA_SMTP_PORT" peer mta smtp
answer "our own listen value" "lmtp://127.0.0.1:2424" listen lmtp
answer "a label from a display marking with the directory's policy" \
    "level=4 cats=REL NATO" label \
    2.25.59028202126315117165413111612054445617.6.1 \
    "WESTLAND SECRET REL TO NATO"
if ask label 2.25.59028202126315117165413111612054445617.6.1 \
    "WESTLAND SECRET REL TO MARS" > /dev/null; then
	not_ok "a marking with an unknown category was read"
else
	ok "a marking with an unknown category is refused"
fi

# ---- status, written as the agent itself
status_of() {
	ldap_admin ldapsearch -b "$dn" -s base -LLL -o ldif-wrap=no \
	    mmhsAgentStatus mmhsHeartbeat mmhsStarted mmhsAgentVersion \
	    mmhsLastError mmhsQueueDepth | grep -v '^dn:' | sort
}
answer "the status is written" written status running "" 7
st=$(status_of)
if grep -qx "mmhsAgentStatus: running" <<<"$st" &&
    grep -qx "mmhsQueueDepth: 7" <<<"$st" &&
    grep -qx "mmhsAgentVersion: mmhs-agentcheck .*" <<<"$st" &&
    grep -qx "mmhsHeartbeat: 20[0-9]\{12\}Z" <<<"$st" &&
    grep -qx "mmhsStarted: 20[0-9]\{12\}Z" <<<"$st"; then
	ok "ldapsearch shows status, depth, version, heartbeat, start time"
else
	not_ok "status in the directory: $st"
fi
answer "an alert is written" written status "alert: disk full" \
    "store: no space left"
st=$(status_of)
if grep -qx "mmhsAgentStatus: alert: disk full" <<<"$st" &&
    grep -qx "mmhsLastError: store: no space left" <<<"$st" &&
    grep -qx "mmhsQueueDepth: 7" <<<"$st"; then
	ok "the alert and the last error are in the directory, depth kept"
else
	not_ok "alert in the directory: $st"
fi
answer "the error is cleared" written status running ""
if status_of | grep -q "^mmhsLastError:"; then
	not_ok "mmhsLastError still there after \"\""
else
	ok "an empty last error removes mmhsLastError"
fi
if ask status running > /dev/null 2>&1 && "$check_tool" -H "$MMHS_LDAP_URI" \
    -D "$dn" -w wrong-password -c "$testdir/cache" status running \
    2>> "$testdir/agentcheck.log"; then
	not_ok "a wrong password wrote the status"
else
	ok "with a wrong password the status is not written"
fi

# ---- a change of our entry reaches the running agent's cache
"$check_tool" -H "$MMHS_LDAP_URI" -D "$dn" -y "$testdir/agent.pw" \
    -c "$testdir/cache" watch-listen lmtp lmtp://127.0.0.1:2525 60 \
    > "$testdir/watch.out" 2>> "$testdir/agentcheck.log" &
watch=$!
for i in $(seq 1 300); do
	[ -s "$testdir/watch.out" ] && break
	sleep 0.1
done
if [ "$(head -n 1 "$testdir/watch.out")" = "lmtp://127.0.0.1:2424" ]; then
	ok "the running agent sees its listen value"
else
	not_ok "the running agent sees \"$(cat "$testdir/watch.out")\""
fi
check "mmhsListen is changed" ldap_admin ldapmodify -f /dev/stdin <<EOF
dn: $dn
changetype: modify
replace: mmhsListen
mmhsListen: lmtp lmtp://127.0.0.1:2525
EOF
if wait "$watch" && [ "$(tail -n 1 "$testdir/watch.out")" = \
    "lmtp://127.0.0.1:2525" ]; then
	ok "the running agent's cache saw the new mmhsListen"
else
	not_ok "the change did not reach the cache: $(cat "$testdir/watch.out")"
fi

# ---- stop: nothing of the site runs afterwards
pids=$(grep '_PID=' "$site/site.env" | sed "s/.*='\(.*\)'/\1/")
check "mmhs-site stop" "$MMHS_SITE" stop "$site"
left=""
for p in $pids; do
	! kill -0 "$p" 2>/dev/null || left="$left $p"
done
if [ -z "$left" ]; then
	ok "no process of the site runs after stop"
else
	not_ok "still running after stop:$left"
fi
