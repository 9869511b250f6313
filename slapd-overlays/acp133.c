/* acp133.c - OpenMMHS slapd overlay: ACP 133 validation
 *
 * Loaded with "moduleload acp133.la" and configured per database with
 * "overlay acp133" (slapd.conf) or an olcOverlay=acp133 entry of object
 * class olcAcp133Config (cn=config).  This first version only registers the
 * overlay and its configuration class, so that sites and tests load it;
 * its checks come with the directory-overlays work.
 */
#include "portable.h"

#include <stdio.h>
#include <ac/string.h>

#include "slap.h"
#include "slap-config.h"

#include "mmhs_overlay.h"

static slap_overinst acp133_ovl;

static ConfigTable acp133_cfg[] = {
	{ NULL, NULL, 0, 0, 0, ARG_IGNORED, NULL, NULL, NULL, { NULL } }
};

static ConfigOCs acp133_ocs[] = {
	{ "( 2.25.59028202126315117165413111612054445617.4.1 "
	    "NAME 'olcAcp133Config' "
	    "DESC 'OpenMMHS acp133 overlay configuration' "
	    "SUP olcOverlayConfig )",
	    Cft_Overlay, acp133_cfg, NULL, NULL, NULL, NULL },
	{ NULL, 0, NULL, NULL, NULL, NULL, NULL }
};

/* acp133_initialize - register the overlay and its configuration schema */
static int
acp133_initialize(void)
{
	int rc;

	if (!mmhs_overlay_version_ok("acp133"))
		return -1;
	acp133_ovl.on_bi.bi_type = "acp133";
	acp133_ovl.on_bi.bi_flags = SLAPO_BFLAG_SINGLE;
	acp133_ovl.on_bi.bi_cf_ocs = acp133_ocs;
	rc = config_register_schema(acp133_cfg, acp133_ocs);
	if (rc != 0)
		return rc;
	return overlay_register(&acp133_ovl);
}

int
init_module(int argc, char *argv[])
{
	return acp133_initialize();
}
