/* mmhs_overlay.h - what every OpenMMHS overlay checks when slapd loads it
 *
 * Overlays are compiled against the headers of one slapd version; loaded
 * into another, the layouts of Operation, Entry, ... may differ and slapd
 * would crash at the first operation.  configure records the version it
 * compiled against (MMHS_SLAPD_VERSION, e.g. "2.5.13+dfsg-5"); each
 * overlay's init_module() compares it with the running slapd's Versionstr
 * and refuses to load, with a message, when they differ.
 */
#ifndef MMHS_OVERLAY_H
#define MMHS_OVERLAY_H

#ifndef MMHS_SLAPD_VERSION
#error "MMHS_SLAPD_VERSION must name the slapd version these headers are from"
#endif

/* slapd's module loader calls this symbol of every module it loads */
int init_module(int argc, char *argv[]);

/* mmhs_overlay_version_ok - is the running slapd the one we were built for? */
static int
mmhs_overlay_version_ok(const char *overlay)
{
	static const char want[] = "slapd " MMHS_SLAPD_VERSION " ";

	if (strstr(Versionstr, want) != NULL)
		return 1;
	Debug(LDAP_DEBUG_ANY, "%s: built for slapd %s, refusing to load into "
	    "\"%s\": rebuild OpenMMHS against this slapd's source\n",
	    overlay, MMHS_SLAPD_VERSION, Versionstr);
	return 0;
}

#endif
