/* mta_sec.h - mmhs-mta: labels, signatures and ceilings, for both sides
 *
 * The receiving side (mta_smtpd_sec.c) inspects each authenticated
 * submission before it answers the DATA; the delivery side
 * (mta_deliver_sec.c) checks a message's label against the
 * mmhsDomainCeiling of a next hop before it hands the message over.
 * Both decide with lib/mmhs_secmsg over the MTA's directory cache: the
 * trust store of our site (lib/mmhs_pki), the security policies
 * (mmhsSecurityPolicy entries), our site's policy (the policy of its
 * mmhsDomainCeiling) and its requirements.  The MTA holds no private
 * key: an enveloped layer stays closed and only what is outside it
 * (an outer signature, the SIO-Label header) is judged.
 *
 * Reasons are one line for a 5.7.x reply, a DSN's Diagnostic-Code and
 * the tracking log.  Nothing here logs or exits.
 */
#ifndef MTA_SEC_H
#define MTA_SEC_H

#include <stddef.h>

#include "mmhs_label.h"
#include "mmhs_secmsg.h"
#include "mta.h"

/* mmhs_secmsg_policy_fn over m's cache (arg is the struct mta). */
int	mta_sec_policy(void *arg, const char *oid, struct mmhs_policy *p,
	    char *err, size_t errlen);

/* The policy OID of our site's mmhsDomainCeiling into oid; 0 or -1. */
int	mta_sec_site_policy(struct mta *m, char *oid, size_t len, char *err,
	    size_t errlen);

/*
 * Opens msg with our site's trust store and policies.  0, or -1 with
 * the reason (no trust store, malformed S/MIME, labels that disagree);
 * sm is to be freed with mmhs_secmsg_free() in both cases.
 */
int	mta_sec_inspect(struct mta *m, const char *msg, size_t len,
	    struct mmhs_secmsg *sm, char *why, size_t whylen);

/*
 * The 5.7.x reply a failed signature layer of sm deserves ("554 5.7.7
 * signature does not verify: ..."), or 0 when every signature reached
 * verified.  -1 when one failed (reply written).
 */
int	mta_sec_signatures(const struct mmhs_secmsg *sm, char *reply,
	    size_t len);

/* The directory's requirements of our site; 0, or -1 with the reason. */
int	mta_sec_requirements(struct mta *m, struct mmhs_secreq *rq,
	    struct mmhs_policy *site_policy, char *err, size_t errlen);

/* Is next hop hop_dn an agent of type store (mmhsAgentType)? */
int	mta_sec_hop_is_store(struct mta *m, const char *hop_dn);

/*
 * The ceilings next hop hop_dn is bound by: its mmhsDomainCeiling
 * values, else those of its mmhsSite when that is another site, one per
 * line; NULL when none (caller frees).
 */
char	*mta_sec_hop_ceiling(struct mta *m, const char *hop_dn);

/*
 * Whether a hop with the ceilings ceil (one per line) may carry a
 * message labelled as sm says: 1 yes (every ceiling dominates the label,
 * or the message has no label), 0 no (why says so), -1 a ceiling or a
 * policy cannot be read (why; fail closed: treat as no).  A ceiling of
 * another policy than the label's is compared after translating the
 * label's classification through its policy's mmhsLabelEquivalence; a
 * restrictive category has no equivalent and is never carried across,
 * and a permissive one (releasability) is dropped only when a ceiling
 * of the label's own policy has decided it: with no such ceiling a
 * label with permissive categories is refused (fail closed).
 */
int	mta_sec_ceiling(struct mta *m, const char *hop_dn, const char *ceil,
	    const struct mmhs_secmsg *sm, char *why, size_t whylen);

/* A value quoted for te_extra: "..." with \ and " escaped. */
char	*mta_sec_quote(const char *in, char *out, size_t len);

#endif
