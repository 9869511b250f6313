/* mhsroute.c - OpenMMHS slapd overlay: routing
 *
 * Loaded with "moduleload mhsroute.la" and configured per database with
 * "overlay mhsroute" (slapd.conf) or an olcOverlay=mhsroute entry of object
 * class olcMhsrouteConfig (cn=config).  This first version only registers the
 * overlay and its configuration class, so that sites and tests load it;
 * its checks come with the directory-overlays work.
 */
#include "portable.h"

#include <stdio.h>
#include <ac/string.h>

#include "slap.h"
#include "slap-config.h"

#include "mmhs_overlay.h"

static slap_overinst mhsroute_ovl;

static ConfigTable mhsroute_cfg[] = {
	{ NULL, NULL, 0, 0, 0, ARG_IGNORED, NULL, NULL, NULL, { NULL } }
};

static ConfigOCs mhsroute_ocs[] = {
	{ "( 2.25.59028202126315117165413111612054445617.4.3 "
	    "NAME 'olcMhsrouteConfig' "
	    "DESC 'OpenMMHS mhsroute overlay configuration' "
	    "SUP olcOverlayConfig )",
	    Cft_Overlay, mhsroute_cfg, NULL, NULL, NULL, NULL },
	{ NULL, 0, NULL, NULL, NULL, NULL, NULL }
};

/* mhsroute_initialize - register the overlay and its configuration schema */
static int
mhsroute_initialize(void)
{
	int rc;

	if (!mmhs_overlay_version_ok("mhsroute"))
		return -1;
	mhsroute_ovl.on_bi.bi_type = "mhsroute";
	mhsroute_ovl.on_bi.bi_flags = SLAPO_BFLAG_SINGLE;
	mhsroute_ovl.on_bi.bi_cf_ocs = mhsroute_ocs;
	rc = config_register_schema(mhsroute_cfg, mhsroute_ocs);
	if (rc != 0)
		return rc;
	return overlay_register(&mhsroute_ovl);
}

int
init_module(int argc, char *argv[])
{
	return mhsroute_initialize();
}
