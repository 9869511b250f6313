# common.sh - shared by the end-to-end tests (sourced, not run)
#
# Gives each test a scratch directory under the build tree, TAP-style
# result lines counted by tests/run-tests, and a site started with
# mmhs-site that is stopped whatever way the test ends.

: "${srcdir:?run me through make check}" "${builddir:?run me through make check}"

test_name=$(basename "$0" .sh)
testdir=$builddir/tests/run/$test_name
rm -rf "$testdir"
mkdir -p "$testdir"
MMHS_SITE=$builddir/mmhs-site
test_count=0
test_failed=0
site_dirs=""

# Agents built with --enable-sanitizers stop at the first error report.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# ok - record a passed check
ok() {
	test_count=$((test_count + 1))
	echo "ok $test_count - $*"
}

# not_ok - record a failed check
not_ok() {
	test_count=$((test_count + 1))
	test_failed=$((test_failed + 1))
	echo "not ok $test_count - $*"
}

# check - run a command; pass when it exits 0
check() {
	local what=$1
	shift
	if "$@" >> "$testdir/commands.log" 2>&1; then
		ok "$what"
	else
		not_ok "$what (command: $*)"
	fi
}

# expect_rc - run an LDAP client; pass when its exit status (the LDAP
# result code) is RC and, if given, its output contains TEXT
expect_rc() {
	local what=$1 rc=$2 text=$3 out got
	shift 3
	out=$("$@" 2>&1)
	got=$?
	echo "$out" >> "$testdir/commands.log"
	if [ "$got" != "$rc" ]; then
		not_ok "$what (expected result $rc, got $got: $out)"
	elif [ -n "$text" ] && ! grep -qF -- "$text" <<<"$out"; then
		not_ok "$what (result $rc but no \"$text\" in: $out)"
	else
		ok "$what"
	fi
}

# site_start - start a site in DIR with mmhs-site; reads its site.env
site_start() {
	local dir=$1
	shift
	site_dirs="$site_dirs $dir"
	if "$MMHS_SITE" start "$dir" "$@" > "$testdir/site-start.log" 2>&1; then
		. "$dir/site.env"
		return 0
	fi
	cat "$testdir/site-start.log"
	return 1
}

# ldap_admin - run an LDAP client bound as the site's administrator
ldap_admin() {
	local tool=$1
	shift
	"$tool" -x -H "$MMHS_LDAP_URI" -D "$MMHS_ADMIN_DN" -w "$MMHS_ADMIN_PW" "$@"
}

# finish - stop every site this test started, exit with the verdict
finish() {
	local d
	for d in $site_dirs; do
		"$MMHS_SITE" stop "$d" >/dev/null 2>&1
	done
	echo "1..$test_count"
	[ $test_failed -eq 0 ]
}
trap 'finish; exit $?' EXIT
