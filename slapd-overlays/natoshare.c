/* natoshare.c - OpenMMHS slapd overlay: NATO-shared subsets
 *
 * Loaded with "moduleload natoshare.la" and configured per database with
 * "overlay natoshare" (slapd.conf) or an olcOverlay=natoshare entry of object
 * class olcNatoshareConfig (cn=config).  This first version only registers the
 * overlay and its configuration class, so that sites and tests load it;
 * its checks come with the directory-overlays work.
 */
#include "portable.h"

#include <stdio.h>
#include <ac/string.h>

#include "slap.h"
#include "slap-config.h"

#include "mmhs_overlay.h"

static slap_overinst natoshare_ovl;

static ConfigTable natoshare_cfg[] = {
	{ NULL, NULL, 0, 0, 0, ARG_IGNORED, NULL, NULL, NULL, { NULL } }
};

static ConfigOCs natoshare_ocs[] = {
	{ "( 2.25.59028202126315117165413111612054445617.4.4 "
	    "NAME 'olcNatoshareConfig' "
	    "DESC 'OpenMMHS natoshare overlay configuration' "
	    "SUP olcOverlayConfig )",
	    Cft_Overlay, natoshare_cfg, NULL, NULL, NULL, NULL },
	{ NULL, 0, NULL, NULL, NULL, NULL, NULL }
};

/* natoshare_initialize - register the overlay and its configuration schema */
static int
natoshare_initialize(void)
{
	int rc;

	if (!mmhs_overlay_version_ok("natoshare"))
		return -1;
	natoshare_ovl.on_bi.bi_type = "natoshare";
	natoshare_ovl.on_bi.bi_flags = SLAPO_BFLAG_SINGLE;
	natoshare_ovl.on_bi.bi_cf_ocs = natoshare_ocs;
	rc = config_register_schema(natoshare_cfg, natoshare_ocs);
	if (rc != 0)
		return rc;
	return overlay_register(&natoshare_ovl);
}

int
init_module(int argc, char *argv[])
{
	return natoshare_initialize();
}
