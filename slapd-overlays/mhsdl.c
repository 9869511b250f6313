/* mhsdl.c - OpenMMHS slapd overlay: distribution lists
 *
 * Loaded with "moduleload mhsdl.la" and configured per database with
 * "overlay mhsdl" (slapd.conf) or an olcOverlay=mhsdl entry of object
 * class olcMhsdlConfig (cn=config).  This first version only registers the
 * overlay and its configuration class, so that sites and tests load it;
 * its checks come with the directory-overlays work.
 */
#include "portable.h"

#include <stdio.h>
#include <ac/string.h>

#include "slap.h"
#include "slap-config.h"

#include "mmhs_overlay.h"

static slap_overinst mhsdl_ovl;

static ConfigTable mhsdl_cfg[] = {
	{ NULL, NULL, 0, 0, 0, ARG_IGNORED, NULL, NULL, NULL, { NULL } }
};

static ConfigOCs mhsdl_ocs[] = {
	{ "( 2.25.59028202126315117165413111612054445617.4.2 "
	    "NAME 'olcMhsdlConfig' "
	    "DESC 'OpenMMHS mhsdl overlay configuration' "
	    "SUP olcOverlayConfig )",
	    Cft_Overlay, mhsdl_cfg, NULL, NULL, NULL, NULL },
	{ NULL, 0, NULL, NULL, NULL, NULL, NULL }
};

/* mhsdl_initialize - register the overlay and its configuration schema */
static int
mhsdl_initialize(void)
{
	int rc;

	if (!mmhs_overlay_version_ok("mhsdl"))
		return -1;
	mhsdl_ovl.on_bi.bi_type = "mhsdl";
	mhsdl_ovl.on_bi.bi_flags = SLAPO_BFLAG_SINGLE;
	mhsdl_ovl.on_bi.bi_cf_ocs = mhsdl_ocs;
	rc = config_register_schema(mhsdl_cfg, mhsdl_ocs);
	if (rc != 0)
		return rc;
	return overlay_register(&mhsdl_ovl);
}

int
init_module(int argc, char *argv[])
{
	return mhsdl_initialize();
}
