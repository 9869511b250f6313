#!/bin/bash
# t30-dircache - an agent's directory cache (mmhs-cachewatch) mirrors the
# site with refreshAndPersist: a full first refresh, changes within a
# second (measured: median of 10), add and delete, failover to a replica,
# running from cache with no directory, reconnection to a restarted
# directory resuming from the stored cookie, deletions made while the
# agent was down, and a start with no directory but an existing cache.
# MMHS_T30_LDIF (optional) loads another LDIF than the sample site.
. "$srcdir/tests/e2e/common.sh"

watch=$builddir/tests/tools/mmhs-cachewatch
cache=$testdir/cache
out=$testdir/watch.out
route="cn=local,ou=Routes,cn=mod-main,ou=MMHS,c=XW"
newroute="cn=t30-route,ou=Routes,cn=mod-main,ou=MMHS,c=XW"
watch_pid=""

# stop_watch - end the watcher: close its command input, then wait
stop_watch() {
	[ -n "$watch_pid" ] || return 0
	exec 3>&-
	for _ in $(seq 1 50); do
		kill -0 "$watch_pid" 2>/dev/null || break
		sleep 0.1
	done
	kill "$watch_pid" 2>/dev/null
	wait "$watch_pid" 2>/dev/null
	watch_pid=""
}
trap 'stop_watch; finish; exit $?' EXIT

# start_watch - run the watcher on both URIs, commands from fd 3
start_watch() {
	rm -f "$testdir/cmd"
	mkfifo "$testdir/cmd"
	"$watch" -H "$uri1,$uri2" -D "$MMHS_ADMIN_DN" -w "$pw1" \
	    -b "$MMHS_LDAP_BASE" -c "$cache" -x mail,mmhsRouteMatch -i \
	    < "$testdir/cmd" >> "$out" 2>&1 &
	watch_pid=$!
	exec 3> "$testdir/cmd"
}

# lines - how many lines the watcher has printed
lines() { wc -l < "$out"; }

# wait_line - wait up to 10 s for a line matching ERE after line FROM;
# prints the line
wait_line() {
	local from=$1 re=$2 line end
	end=$(( ${EPOCHREALTIME/./} + 10000000 ))
	while [ "${EPOCHREALTIME/./}" -lt $end ]; do
		line=$(tail -n +"$((from + 1))" "$out" | grep -E -m 1 -- "$re")
		if [ -n "$line" ]; then
			echo "$line"
			return 0
		fi
		sleep 0.02
	done
	return 1
}

# ask - send the watcher a command, wait for the answer line matching ERE
ask() {
	local re=$1 from
	shift
	from=$(lines)
	echo "$*" >&3
	wait_line "$from" "$re"
}

# kill_slapd - stop a slapd by pid and wait until it is gone
kill_slapd() {
	kill "$1" 2>/dev/null
	for _ in $(seq 1 100); do
		kill -0 "$1" 2>/dev/null || return 0
		sleep 0.1
	done
	kill -9 "$1" 2>/dev/null
}

# ---- the provider, and a replica of it (same entryUUIDs, syncrepl)
site1=$testdir/site1
site_start "$site1" ${MMHS_T30_LDIF:-} || { not_ok "site1 starts"; exit 1; }
uri1=$MMHS_LDAP_URI ldapi1=$MMHS_LDAPI_URI pw1=$MMHS_ADMIN_PW
pid1=$MMHS_SLAPD_PID
ok "site1 runs at $uri1"
slapcat -F "$site1/slapd.d" -b "$MMHS_LDAP_BASE" -l "$testdir/dump.ldif" \
    2>> "$testdir/commands.log"
site2=$testdir/site2
if site_start "$site2" --bulk "$testdir/dump.ldif"; then
	uri2=$MMHS_LDAP_URI pid2=$MMHS_SLAPD_PID
	ldapmodify -Y EXTERNAL -H "$MMHS_LDAPI_URI" \
	    >> "$testdir/commands.log" 2>&1 <<EOF
dn: olcDatabase={1}mdb,cn=config
changetype: modify
add: olcSyncrepl
olcSyncrepl: rid=001 provider=$ldapi1 bindmethod=simple
  binddn="$MMHS_ADMIN_DN" credentials=$pw1 searchbase="$MMHS_LDAP_BASE"
  type=refreshAndPersist retry="1 +"
EOF
	rc=$?
	# the agent's credentials are the same on every replica
	ldapmodify -Y EXTERNAL -H "$MMHS_LDAPI_URI" \
	    >> "$testdir/commands.log" 2>&1 <<EOF
dn: olcDatabase={1}mdb,cn=config
changetype: modify
replace: olcRootPW
olcRootPW: $(slappasswd -s "$pw1")
EOF
	check "site2 replicates site1, same credentials" test $rc$? = 00
else
	not_ok "site2 (replica) starts"
	exit 1
fi
MMHS_ADMIN_PW=$pw1 MMHS_LDAP_URI=$uri1
ldap1() { "$@" -x -H "$uri1" -D "$MMHS_ADMIN_DN" -w "$pw1"; }

# ---- first refresh
want=$(ldap1 ldapsearch -b "$MMHS_LDAP_BASE" -LLL 1.1 | grep -c '^dn:')
: > "$out"
start_watch
if wait_line 0 "state persisting: connected to $uri1" > /dev/null; then
	ok "the cache refreshes from $uri1 and persists"
else
	not_ok "no refresh from $uri1: $(tail -n 3 "$out")"
	exit 1
fi
adds=$(grep -c ' add ' "$out")
got=$(ask '^[0-9.]+ count' count | awk '{ print $3 }')
if [ "$adds" = "$want" ] && [ "$got" = "$want" ]; then
	ok "the first refresh brought all $want entries"
else
	not_ok "refresh: $adds adds, $got cached, $want in the directory"
fi
check "lookup by DN answers" ask "^dn: $route" dn "$route"
check "lookup by indexed value answers" ask ": 1 entries" \
    find "mmhsRouteMatch=domain:mod.westland.example"

# ---- latency of a modification: ldapmodify started -> change applied
lat="" after=""
missed=0
for i in $(seq 1 10); do
	from=$(lines)
	t0=$(date +%s.%N)
	ldap1 ldapmodify >> "$testdir/commands.log" 2>&1 <<EOF
dn: $route
changetype: modify
replace: description
description: t30 change $i
EOF
	t1=$(date +%s.%N)
	if line=$(wait_line "$from" " modify .* $route\$"); then
		lat="$lat $(awk -v a="$t0" -v b="${line%% *}" \
		    'BEGIN { printf "%.1f", (b - a) * 1000 }')"
		after="$after $(awk -v a="$t1" -v b="${line%% *}" \
		    'BEGIN { printf "%.1f", (b - a) * 1000 }')"
	else
		missed=$((missed + 1))
	fi
done
# summary - median, min and max of a list of milliseconds
summary() {
	tr ' ' '\n' <<<"$1" | sed '/^$/d' | sort -n | awk '
	{ v[NR] = $1 }
	END { if (NR) printf "median %.1f ms, min %.1f ms, max %.1f ms",
	    (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2,
	    v[1], v[NR] }'
}
stats=$(summary "$lat")
echo "# ldapmodify started -> change applied in the cache: $stats"
echo "# ldapmodify returned -> change applied in the cache: $(summary "$after")"
echo "t30 latency: $stats; after ldapmodify returned: $(summary "$after")" \
    > "$testdir/latency.txt"
if [ $missed = 0 ]; then
	ok "10 modifications seen by the cache ($stats)"
else
	not_ok "$missed of 10 modifications not seen within 10 s"
fi
e=$(ask '^description:' dn "$route")
check "the cache has the last value" grep -q "t30 change 10" <<<"$e"

# ---- add and delete
from=$(lines)
ldap1 ldapadd >> "$testdir/commands.log" 2>&1 <<EOF
dn: $newroute
objectClass: mmhsRoute
cn: t30-route
mmhsRouteMatch: domain:t30.example
mmhsNextHop: cn=store,cn=mod-main,ou=MMHS,c=XW
EOF
check "an added entry is seen" wait_line "$from" " add .* $newroute\$"
check "and found by its indexed value" ask ": 1 entries" \
    find "mmhsRouteMatch=domain:t30.example"
from=$(lines)
ldap1 ldapdelete "$newroute" >> "$testdir/commands.log" 2>&1
check "a deleted entry is seen" wait_line "$from" " delete .* $newroute\$"
check "and is gone from the index" ask ": 0 entries" \
    find "mmhsRouteMatch=domain:t30.example"

# ---- SASL EXTERNAL over ldapi://, a second agent with its own cache
out_main=$out out=$testdir/external.out
"$watch" -H "$ldapi1" -Y -b "$MMHS_LDAP_BASE" -c "$testdir/cache-ext" \
    > "$out" 2>&1 &
ext_pid=$!
check "SASL EXTERNAL over ldapi:// refreshes" \
    wait_line 0 "state persisting: connected to ldapi.*\($want entries\)"
kill "$ext_pid"
wait "$ext_pid"
out=$out_main

# ---- failover to the replica
sleep 1	# let the replica catch up before its provider goes
from=$(lines)
kill_slapd "$pid1"
check "losing site1 is reported" wait_line "$from" "lost $uri1"
check "the cache fails over to $uri2" \
    wait_line "$from" "state persisting: connected to $uri2"
# site1 back on its ldapi:// socket only (the replica's provider URI):
# a change made there reaches the cache through the replica
setsid slapd -F "$site1/slapd.d" -h "$ldapi1" -d 0 \
    >> "$testdir/slapd1.log" 2>&1 3>&- &
pid1=$!
for _ in $(seq 1 50); do
	ldapsearch -x -H "$ldapi1" -s base -b "" 1.1 >/dev/null 2>&1 && break
	sleep 0.1
done
from=$(lines)
ldapmodify -x -H "$ldapi1" -D "$MMHS_ADMIN_DN" -w "$pw1" \
    >> "$testdir/commands.log" 2>&1 <<EOF
dn: $route
changetype: modify
replace: description
description: t30 change through the replica
EOF
check "a change on site1 reaches the cache through the replica" \
    wait_line "$from" " modify .* $route\$"
check "while the cache stays on the replica" \
    grep -q "connected to $uri2" <(ask "^[0-9.]+ state" state)
kill_slapd "$pid1"

# ---- no directory at all: running from cache
from=$(lines)
kill_slapd "$pid2"
check "with no directory the cache says it runs from cache" \
    wait_line "$from" "state running from cache: .*running from cache"
check "lookups still answer from the cache" ask "^dn: $route" dn "$route"
check "the status says so" ask "state running from cache" state

# ---- site1 comes back: reconnect, resume from the cookie
from=$(lines)
setsid slapd -F "$site1/slapd.d" -h "$uri1 $ldapi1" -d 0 \
    >> "$testdir/slapd1.log" 2>&1 3>&- &
check "the cache reconnects to the restarted site1" \
    wait_line "$from" "state persisting: connected to $uri1"
check "and resumed from its cookie" \
    grep -q "connected to $uri1, resuming from the stored cookie" \
    <(tail -n +"$((from + 1))" "$out")

# ---- changes while the agent is down arrive when it restarts
stop_watch
victim="cn=lists-or,ou=Routes,cn=mod-main,ou=MMHS,c=XW"
ldap1 ldapdelete "$victim" >> "$testdir/commands.log" 2>&1
ldap1 ldapmodify >> "$testdir/commands.log" 2>&1 <<EOF
dn: $route
changetype: modify
replace: description
description: t30 change while the agent was down
EOF
from=$(lines)
start_watch
check "the restarted cache resumes from its cookie" \
    wait_line "$from" "resuming from the stored cookie"
check "the modification made while down arrives" \
    wait_line "$from" " modify .* $route\$"
check "the entry deleted while down is deleted" \
    wait_line "$from" " delete .* $victim\$"
check "and is gone from the cache" ask "not found" dn "$victim"
adds=$(tail -n +"$((from + 1))" "$out" | grep -c ' add ')
check "no entry is added again ($adds)" test "$adds" = 0
stop_watch

# ---- start with no directory but the cache of the last run
kill_slapd "$(cat "$site1/run/slapd.pid")"
from=$(lines)
start_watch
check "a start with no directory runs from the cache" \
    wait_line "$from" "state running from cache: .*running from cache \\("
check "and answers lookups" ask "^description: t30 change while" \
    dn "$route"
stop_watch
n=$("$watch" -c "$cache" -x mail,mmhsRouteMatch -n | awk '{ print $3 }')
check "the cache holds the directory ($n entries)" test "$n" = "$((want - 1))"
