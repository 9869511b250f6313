#!/bin/bash
# t04-version-guard - overlays are only ever used with the slapd whose
# source they were compiled against: configure refuses a source tree of
# another version, and an overlay built for another version refuses to
# load into this slapd (instead of crashing it later).
. "$srcdir/tests/e2e/common.sh"

: "${SLAPD_SRC:?}" "${SLAPD_VERSION:?}"

# An overlay compiled for a version that is not this slapd's, from the
# sources Makefile.am lists for it.
other=2.5.99+dfsg-1
so=$testdir/acp133-other.so
sources=$(sed -n '/^slapd_overlays_acp133_la_SOURCES/,/[^\\]$/p' \
    "$srcdir/Makefile.am" | tr -d '\\' | tr ' \t' '\n\n' | grep '\.c$')
check "an overlay built for slapd $other compiles" \
    ${CC:-cc} -shared -fPIC -o "$so" -isystem "$SLAPD_SRC/include" \
    -isystem "$SLAPD_SRC/servers/slapd" -I"$srcdir/lib" \
    "-DMMHS_SLAPD_VERSION=\"$other\"" \
    $(for f in $sources; do echo "$srcdir/$f"; done)
cat > "$testdir/slapd.conf" <<EOC
include /etc/ldap/schema/core.schema
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload $so
EOC
out=$(slaptest -d 1 -u -f "$testdir/slapd.conf" 2>&1)
rc=$?
echo "$out" >> "$testdir/commands.log"
if [ $rc -ne 0 ] && grep -q "built for slapd $other, refusing to load" <<<"$out"; then
	ok "slapd $SLAPD_VERSION refuses the overlay built for $other"
else
	not_ok "slaptest rc=$rc, output: $(tail -n 3 <<<"$out")"
fi

# A source tree that claims another version.
fake=$testdir/openldap-other
mkdir -p "$fake/include" "$fake/servers" "$fake/debian"
ln -s "$SLAPD_SRC/include/portable.h" "$SLAPD_SRC/include/ldap_config.h" \
    "$fake/include/"
ln -s "$SLAPD_SRC/servers/slapd" "$fake/servers/slapd"
echo "openldap ($other) unstable; urgency=medium" > "$fake/debian/changelog"
mkdir -p "$testdir/build"
out=$(cd "$testdir/build" &&
    "$srcdir/configure" --with-openldap-source="$fake" 2>&1)
rc=$?
echo "$out" >> "$testdir/commands.log"
if [ $rc -ne 0 ] && grep -q "does not match" <<<"$out"; then
	ok "configure refuses an OpenLDAP source of version $other"
else
	not_ok "configure rc=$rc with a $other tree: $(tail -n 3 <<<"$out")"
fi
