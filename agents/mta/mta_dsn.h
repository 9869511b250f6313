/* mta_dsn.h - mmhs-mta: a DSN message into memory, and its small helpers
 *
 * The delivery side fills lib/mmhs_dsn's struct mmhs_dsn_msg itself
 * and gets the whole DSN back in memory, ready to be queued like any
 * other message.  The helpers turn what the queue holds into what a DSN
 * (and an SMTP client) carries: an enhanced status from a reply, and
 * the xtext of a decoded ENVID or ORCPT (lib/mmhs_dsn only decodes).
 */
#ifndef MTA_DSN_H
#define MTA_DSN_H

#include <stddef.h>

#include "mmhs_dsn.h"

/* Write the DSN dm about the original (origlen octets) into *out (free
 * with mmhs_free).  0, or -1 with err; nothing is allocated then. */
int	mta_dsn_build(const struct mmhs_dsn_msg *dm, const char *orig,
	    size_t origlen, char **out, size_t *outlen, char *err,
	    size_t errlen);

/* The RFC 3463 status in a reply ("550 5.1.1 ..."), else one made from
 * the reply code; into buf (MMHS_DSN_STATUS_MAX octets).  Returns buf. */
char	*mta_dsn_status(int code, const char *reply, char *buf, size_t len);

/* RFC 3461 xtext of in ("+XX" for '+', '=', and octets outside '!'..'~');
 * for ORCPT only the part after the ';' when orcpt.  Into out; returns
 * out, or NULL when it does not fit. */
char	*mta_dsn_xtext(const char *in, int orcpt, char *out, size_t len);

#endif
