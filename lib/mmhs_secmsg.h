/* mmhs_secmsg.h - a message's protection and label, and the site's rules
 *
 * One place decides, for the MTA (at submission and relay) and the store
 * (at delivery), what protects a message and which label it carries:
 *
 *  - the layers are opened with lib/mmhs_cms (signatures checked against
 *    the site's trust store, enveloped layers opened with the agent's
 *    keys, if any);
 *  - the label is the ESS security label of the innermost signature
 *    reached that carries one (sm_label_src MMHS_SECMSG_LABEL_ESS); else
 *    the RFC 7444 SIO-Label of the outermost header, a display marking
 *    read through the security policy (mmhs_label_from_marking) or an
 *    ":ess" label (MMHS_SECMSG_LABEL_SIO); else none.  When both are
 *    there they must name the same policy, level and categories, or the
 *    message is refused ("SIO-Label ... does not match the signed label").
 *    An ESS label of a policy the site does not define, when the site's
 *    own policy has an mmhsLabelEquivalence for it, is translated to the
 *    site's policy (sm_translated says so).
 *
 * mmhs_secmsg_check() applies the directory's requirements: a failed
 * signature on any layer refuses the message with its reason (revoked,
 * unknown signer, tampered ...); mmhsRequireLabel on the site refuses
 * an unlabelled one; mmhsRequireSignature / mmhsRequireEncryption on
 * the policy refuse a message at or above that classification that is
 * not signed with its label signed / not encrypted.
 * mmhs_secmsg_cleared() decides dominance of the label by the clearance
 * of a directory entry (mmhsClearance; else the clearance attribute of
 * its certificate; else UNCLASSIFIED of the policy) with
 * mmhs_label_dominates_explain.
 *
 * With no trust store (a site without trust anchors) the layers are
 * still opened and a signed ESS label still restricts who may read the
 * message, but no signature counts as verified (sm_unchecked): an
 * unknown or untrusted signer is not refused for that alone, a tampered
 * signature is, and a requirement of a signed label is never met.
 *
 * Reasons are one line, meant for a 5.7.x reply and the DSN's
 * Diagnostic-Code.  Nothing logs or exits.
 */
#ifndef MMHS_SECMSG_H
#define MMHS_SECMSG_H

#include <stddef.h>
#include <time.h>

#include "mmhs_cms.h"
#include "mmhs_dircache.h"
#include "mmhs_label.h"

/* The policy of OID oid (the agent's mmhs_agent_policy or the MTA's). */
typedef int (*mmhs_secmsg_policy_fn)(void *arg, const char *oid,
	    struct mmhs_policy *p, char *err, size_t errlen);

enum mmhs_secmsg_label_src {
	MMHS_SECMSG_LABEL_NONE = 0,
	MMHS_SECMSG_LABEL_ESS,		/* signed attribute */
	MMHS_SECMSG_LABEL_SIO		/* SIO-Label header only */
};

struct mmhs_secmsg {
	struct mmhs_cms_open sm_open;	/* layers, inner message */
	int	sm_signed;		/* at least one signature */
	int	sm_unchecked;		/* no trust store: signatures read
					 * (labels too) but not judged */
	int	sm_encrypted;
	enum mmhs_secmsg_label_src sm_label_src;
	int	sm_label_signed;	/* the label is in a verified
					 * signature */
	int	sm_translated;		/* partner label mapped by equivalence */
	struct mmhs_label sm_label;	/* in the site's policy when known */
	char	sm_marking[MMHS_LABEL_MARKING_MAX + 1];	/* display form */
};

/*
 * site_policy_oid is the policy labels without one are read in and
 * partner labels are translated to (the site's mmhsDomainCeiling
 * policy).  0, or -1 with the reason (malformed S/MIME, unknown
 * marking, label mismatch); sm is freed with mmhs_secmsg_free() in
 * both cases.
 */
int	mmhs_secmsg_inspect(X509_STORE *trust, const struct mmhs_cms_id *ids,
	    int nids, mmhs_secmsg_policy_fn policy, void *arg,
	    const char *site_policy_oid, const char *msg, size_t len,
	    struct mmhs_secmsg *sm, char *why, size_t whylen);
void	mmhs_secmsg_free(struct mmhs_secmsg *sm);

/* The directory's requirements (site entry and policy entry). */
struct mmhs_secreq {
	int	sr_require_label;
	char	sr_sign_from[MMHS_LABEL_NAME_MAX + 1];	/* "" none */
	char	sr_encrypt_from[MMHS_LABEL_NAME_MAX + 1];	/* "" none */
};
void	mmhs_secreq_from_entries(const mmhs_dircache_entry_t *site,
	    const mmhs_dircache_entry_t *policy, struct mmhs_secreq *rq);

int	mmhs_secmsg_check(const struct mmhs_secmsg *sm,
	    const struct mmhs_policy *p, const struct mmhs_secreq *rq,
	    char *why, size_t whylen);

/* 1 cleared, 0 not (why says so), -1 the entry's clearance is broken. */
int	mmhs_secmsg_cleared(const struct mmhs_secmsg *sm,
	    const struct mmhs_policy *p, const mmhs_dircache_entry_t *e,
	    char *why, size_t whylen);

#endif
