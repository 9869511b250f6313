#!/bin/bash
# profiler.sh - what profiling costs a message on its way to a role
#
# usage: tests/bench/profiler.sh [BUILDDIR] [MESSAGES] [RULES]
#
# Starts the sample site (mmhs-site: slapd, mmhs-mta, mmhs-profiler,
# mmhs-store) and sends MESSAGES (default 300) with Postfix's
# smtp-source (4 sessions) three times, timing each batch from the first
# connection to the last delivery into the store (tracking log):
#   direct     to the Test Officer's own address (MTA -> store)
#   profiled   to the Test Cell (MTA -> profiler -> MTA -> store); the
#              sample's first rule (subject TEST) sends each to the Test
#              Officer: 2 rules in force
#   +RULES     the same after RULES (default 1000) more rules of set peace
#              were added in front of it (SIC rules that never match), so
#              every message compiles and tries RULES+2 rules
# and, for each profiled batch, the profiler's own times per message from
# its tracking lines (delays=D/S): D the decision (summary, directory
# cache, rules, roles), S the resubmission (SMTP to the MTA, which
# commits its queue before it answers).  Prints messages per second,
# the ratios, and median / p90 of D and S in ms.
set -e
builddir=$(cd "${1:-$(dirname "$0")/../../_build}" && pwd)
n=${2:-300}
nrules=${3:-1000}
work=$(mktemp -d -t profiler-bench.XXXXXX)
site=$work/site
org="o=MMHS Test Cell,o=Defence,c=XW"
cleanup() {
	"$builddir/mmhs-site" stop "$site" >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT

"$builddir/mmhs-site" start "$site" > "$work/start.log"
. "$site/site.env"
[ -n "$MMHS_PROFILER_LMTP_PORT" ] && [ -n "$MMHS_STORE_DIR" ] || {
	echo "the site runs no profiler or no store" >&2; exit 1; }
admin=(-x -H "$MMHS_LDAP_URI" -D "$MMHS_ADMIN_DN" -w "$MMHS_ADMIN_PW")

# delivered - store deliveries to the Test Officer so far
delivered() {
	grep ' agent=mta event=delivered ' "$MMHS_TRACK_LOG" |
	    grep -c ' to=test.testcell@mod.westland.example hop="cn=store,' ||
	    true
}

# batch NAME RCPT - N messages to RCPT; prints the seconds they took
batch() {
	local name=$1 rcpt=$2 before t0 t1 i=0
	printf 'From: anwen.lacey@mod.westland.example\nTo: %s\nSubject: TEST %s\nMMHS-Primary-Precedence: 1 (routine)\n\nbench\n' \
	    "$rcpt" "$name" > "$work/$name.msg"
	before=$(delivered)
	echo "$name $(wc -l < "$MMHS_TRACK_LOG")" >> "$work/marks"
	t0=$(date +%s%N)
	smtp-source -s 4 -m "$n" -f anwen.lacey@mod.westland.example \
	    -t "$rcpt" -F "$work/$name.msg" "127.0.0.1:$MMHS_MTA_SMTP_PORT"
	while [ $(( $(delivered) - before )) -lt "$n" ]; do
		i=$((i + 1))
		[ $i -lt 6000 ] || { echo "$name: not all delivered" >&2; exit 1; }
		sleep 0.05
	done
	t1=$(date +%s%N)
	echo $(( (t1 - t0) / 1000000 ))
}

# delays NAME - median and p90 in ms of the profiler's decision and
# resubmission times (delays=D/S of its tracking lines) in batch NAME
delays() {
	local start k
	start=$(awk -v n="$1" '$1 == n { print $2 }' "$work/marks")
	for k in 1 2; do
		tail -n +$((start + 1)) "$MMHS_TRACK_LOG" |
		    grep ' agent=profiler event=profiled .*rule="cn=peace-010-subject-test,' |
		    sed -n 's/.* delays=\([0-9.]*\)\/\([0-9.]*\).*/\'$k'/p' |
		    head -n "$n" | sort -g | awk '{ v[NR] = $1 } END {
			printf "%7.2f %7.2f  ", v[int((NR + 1) / 2)],
			    v[int(NR * 0.9 + 0.999)] }'
	done
}

ms_direct=$(batch direct test.testcell@mod.westland.example)
ms_prof=$(batch profiled testcell@mod.westland.example)
{
	for i in $(seq 1 "$nrules"); do
		printf 'dn: cn=bench-%05d,%s\nobjectClass: mmhsProfileRule\n' "$i" "$org"
		printf 'cn: bench-%05d\nmmhsRuleSet: peace\nmmhsRuleOrder: 1\n' "$i"
		printf 'mmhsMatchSIC: Q%05d\nmmhsMatchSubject: NEVER%d\n' "$i" "$i"
		printf 'mmhsActionRecipient: cn=Duty Officer,%s\n\n' "$org"
	done
} > "$work/rules.ldif"
ldapadd "${admin[@]}" -f "$work/rules.ldif" > /dev/null
# wait until the profiler's cache has them all: a probe whose SIC only
# the last rule matches, sent until that rule decides
printf 'From: anwen.lacey@mod.westland.example\nTo: testcell@mod.westland.example\nSubject: probe\nMMHS-Subject-Indicator-Codes: Q%05d\nMMHS-Primary-Precedence: 1 (routine)\n\nprobe\n' \
    "$nrules" > "$work/probe.msg"
for i in $(seq 1 200); do
	smtp-source -m 1 -f anwen.lacey@mod.westland.example \
	    -t testcell@mod.westland.example -F "$work/probe.msg" \
	    "127.0.0.1:$MMHS_MTA_SMTP_PORT"
	sleep 0.2
	grep ' agent=profiler event=profiled ' "$MMHS_TRACK_LOG" | tail -n 1 |
	    grep -q "rule=\"cn=bench-$(printf %05d "$nrules")," && break
done
ms_many=$(batch "rules$nrules" testcell@mod.westland.example)

rate() { awk -v n="$n" -v ms="$1" 'BEGIN { printf "%7.1f", n * 1000 / ms }'; }
printf '\n%d messages, 4 SMTP sessions, each batch until the last store delivery\n' "$n"
printf '%-24s %7s %7s   %-16s %s\n' "path" "msg/s" "seconds" \
    "decision ms" "resubmission ms"
printf '%-24s %7s %7s   %7s %7s  %7s %7s\n' "" "" "" median p90 median p90
printf '%-24s %s %7.1f\n' "direct to the role" "$(rate "$ms_direct")" \
    "$(awk -v m="$ms_direct" 'BEGIN { print m / 1000 }')"
printf '%-24s %s %7.1f   %s\n' "profiled, 2 rules" "$(rate "$ms_prof")" \
    "$(awk -v m="$ms_prof" 'BEGIN { print m / 1000 }')" "$(delays profiled)"
printf '%-24s %s %7.1f   %s\n' "profiled, $((nrules + 2)) rules" \
    "$(rate "$ms_many")" "$(awk -v m="$ms_many" 'BEGIN { print m / 1000 }')" \
    "$(delays "rules$nrules")"
printf '\nratio of times: profiled / direct %.2f, %d rules / 2 rules %.2f\n' \
    "$(awk -v a="$ms_prof" -v b="$ms_direct" 'BEGIN { print a / b }')" \
    $((nrules + 2)) \
    "$(awk -v a="$ms_many" -v b="$ms_prof" 'BEGIN { print a / b }')"
