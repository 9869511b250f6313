# mta-bench-lib.sh - shared by the mmhs-mta benchmarks (sourced)
#
# Usage in a benchmark: builddir=...; srcdir=...; . mta-bench-lib.sh
# bench_site DIR starts a site with mmhs-mta (mmhs-site), bench_mta_limit
# adds mmhsLimit values to the MTA's entry, bench_listen points an agent
# at a port, bench_stop stops everything started.  Bounded: every wait
# has a time limit; nothing is sent anywhere but 127.0.0.1.

bench_pids=""

# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

# bench_site DIR - a throwaway site with its MTA; reads DIR/site.env
bench_site() {
	bench_site_dir=$1
	"$builddir/mmhs-site" start "$1" > "$1.start.log" 2>&1 || {
		cat "$1.start.log" >&2
		return 1
	}
	. "$1/site.env"
	[ -n "${MMHS_MTA_SMTP_PORT:-}" ] || {
		echo "bench: the site runner started no mmhs-mta" >&2
		return 1
	}
}

# bench_ldapmodify - ldapmodify as the site's administrator, LDIF on stdin
bench_ldapmodify() {
	ldapmodify -x -H "$MMHS_LDAP_URI" -D "$MMHS_ADMIN_DN" \
	    -w "$MMHS_ADMIN_PW" > /dev/null
}

# bench_mta_limit VALUE... - add mmhsLimit values to the MTA's entry
bench_mta_limit() {
	local v
	{
		echo "dn: $MMHS_MTA_DN"
		echo "changetype: modify"
		echo "add: mmhsLimit"
		for v; do echo "mmhsLimit: $v"; done
	} | bench_ldapmodify
}

# bench_listen DN VALUE - replace an agent's mmhsListen
bench_listen() {
	printf 'dn: %s\nchangetype: modify\nreplace: mmhsListen\nmmhsListen: %s\n' \
	    "$1" "$2" | bench_ldapmodify
}

# bench_bg CMD... - run in the background, stopped by bench_stop
bench_bg() {
	"$@" &
	bench_pids="$bench_pids $!"
}

# bench_stop - stop what was started, then the site
bench_stop() {
	local p
	for p in $bench_pids; do
		kill "$p" 2>/dev/null
	done
	for p in $bench_pids; do
		wait "$p" 2>/dev/null
	done
	bench_pids=""
	[ -z "${bench_site_dir:-}" ] ||
	    "$builddir/mmhs-site" stop "$bench_site_dir" > /dev/null 2>&1
	bench_site_dir=""
}

# bench_now - seconds since the epoch with fractions
bench_now() {
	date +%s.%N
}

# bench_wait_count SECONDS CMD - until CMD prints a number >= $want
bench_wait_count() {
	local limit=$1 n t0
	shift
	t0=$(date +%s)
	while :; do
		n=$("$@")
		[ "$n" -ge "$want" ] && return 0
		[ $(( $(date +%s) - t0 )) -ge "$limit" ] && return 1
		sleep 0.05
	done
}

# bench_mta_queue - messages in the MTA's queue directory (approximate:
# the LMDB file size in KB)
bench_mta_queue_kb() {
	du -k "$MMHS_SITE_DIR/spool/mta/queue" 2>/dev/null | cut -f1
}
