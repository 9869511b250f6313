/* mmhs_secmsg_check.c - the directory's rules applied to an inspected
 * message: signatures, required label / signature / encryption, and
 * dominance of the label by an entry's clearance (mmhs_secmsg.h)
 *
 * A message without a label is taken at the lowest classification of
 * the policy (UNMARKED in the sample policy) for every rule here, so
 * "mmhsRequireSignature: UNMARKED" asks every message to be signed.
 * A requirement of the policy given applies to a label of any other
 * policy (one we could not translate): fail closed.  An enveloped
 * layer we could not open hides what it holds, so such a message is
 * not signed for the signature rule unless a signature outside the
 * encryption carries the label (RFC 2634 triple wrapping).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "mmhs_alloc.h"
#include "mmhs_pki.h"
#include "mmhs_secmsg.h"
#include "mmhs_text.h"

void
mmhs_secreq_from_entries(const mmhs_dircache_entry_t *site,
    const mmhs_dircache_entry_t *policy, struct mmhs_secreq *rq)
{
	const char *v;

	memset(rq, 0, sizeof(*rq));
	if (site != NULL && (v = mmhs_dircache_value(site,
	    "mmhsRequireLabel")) != NULL)
		rq->sr_require_label = strcasecmp(v, "TRUE") == 0;
	if (policy == NULL)
		return;
	if ((v = mmhs_dircache_value(policy, "mmhsRequireSignature")) != NULL)
		snprintf(rq->sr_sign_from, sizeof(rq->sr_sign_from), "%s", v);
	if ((v = mmhs_dircache_value(policy, "mmhsRequireEncryption")) != NULL)
		snprintf(rq->sr_encrypt_from, sizeof(rq->sr_encrypt_from), "%s",
		    v);
}

/* sc_lowest - the lowest classification of p, or NULL */
static const struct mmhs_label_class *
sc_lowest(const struct mmhs_policy *p)
{
	const struct mmhs_label_class *low = NULL;
	int i;

	for (i = 0; i < p->sp_nclass; i++)
		if (low == NULL || p->sp_class[i].lc_level < low->lc_level)
			low = &p->sp_class[i];
	return low;
}

/* sc_effective - the label the rules see: the message's, or the lowest
 * classification of p for an unlabelled one */
static void
sc_effective(const struct mmhs_secmsg *sm, const struct mmhs_policy *p,
    struct mmhs_label *lb)
{
	const struct mmhs_label_class *low;

	if (sm->sm_label_src != MMHS_SECMSG_LABEL_NONE) {
		*lb = sm->sm_label;
		return;
	}
	memset(lb, 0, sizeof(*lb));
	snprintf(lb->lb_policy, sizeof(lb->lb_policy), "%s", p->sp_oid);
	low = mmhs_policy_class(p, "UNMARKED");
	if (low == NULL)
		low = sc_lowest(p);
	lb->lb_level = low != NULL ? low->lc_level : 0;
}

/* sc_at_or_above - does rule class NAME apply to lb?  1 yes, 0 no,
 * -1 the policy does not define NAME */
static int
sc_at_or_above(const struct mmhs_policy *p, const struct mmhs_label *lb,
    const char *name)
{
	const struct mmhs_label_class *lc;

	if (name[0] == '\0')
		return 0;
	if ((lc = mmhs_policy_class(p, name)) == NULL)
		return -1;
	if (strcmp(lb->lb_policy, p->sp_oid) != 0)
		return 1;
	return lb->lb_level >= lc->lc_level;
}

/* sc_signatures - every signature reached must have verified */
static int
sc_signatures(const struct mmhs_secmsg *sm, char *why, size_t whylen)
{
	const struct mmhs_cms_sig *sig;
	int i;

	for (i = 0; i < sm->sm_open.co_nsig; i++) {
		sig = &sm->sm_open.co_sig[i];
		if (sig->cs_status == MMHS_SIG_OK)
			continue;
		/* without trust anchors a signer cannot be judged */
		if (sm->sm_unchecked && (sig->cs_status == MMHS_SIG_UNTRUSTED ||
		    sig->cs_status == MMHS_SIG_UNKNOWN_SIGNER ||
		    sig->cs_status == MMHS_SIG_NO_CRL))
			continue;
		return mmhs_text_error(why, whylen, "signature by %s is not "
		    "accepted: %s (%s)", sig->cs_signer_mail[0] != '\0' ?
		    sig->cs_signer_mail : sig->cs_signer_subject[0] != '\0' ?
		    sig->cs_signer_subject : "an unknown signer",
		    mmhs_sig_status_name(sig->cs_status), sig->cs_reason);
	}
	return 0;
}

int
mmhs_secmsg_check(const struct mmhs_secmsg *sm, const struct mmhs_policy *p,
    const struct mmhs_secreq *rq, char *why, size_t whylen)
{
	struct mmhs_label lb;
	char marking[MMHS_LABEL_MARKING_MAX + 1];
	int r;

	if (sc_signatures(sm, why, whylen) != 0)
		return -1;
	if (rq->sr_require_label && sm->sm_label_src == MMHS_SECMSG_LABEL_NONE)
		return mmhs_text_error(why, whylen, "the message has no "
		    "security label and the site requires one");
	sc_effective(sm, p, &lb);
	snprintf(marking, sizeof(marking), "%s", sm->sm_marking[0] != '\0' ?
	    sm->sm_marking : "UNMARKED");
	if ((r = sc_at_or_above(p, &lb, rq->sr_sign_from)) < 0)
		return mmhs_text_error(why, whylen, "mmhsRequireSignature %s "
		    "is not a classification of policy %s", rq->sr_sign_from,
		    p->sp_oid);
	if (r == 1 && !(sm->sm_signed && sm->sm_label_signed))
		return mmhs_text_error(why, whylen, "a message labelled %s "
		    "must be signed with its label signed (policy requires it from "
		    "%s on)", marking, rq->sr_sign_from);
	if ((r = sc_at_or_above(p, &lb, rq->sr_encrypt_from)) < 0)
		return mmhs_text_error(why, whylen, "mmhsRequireEncryption %s "
		    "is not a classification of policy %s",
		    rq->sr_encrypt_from, p->sp_oid);
	if (r == 1 && !sm->sm_encrypted)
		return mmhs_text_error(why, whylen, "a message labelled %s "
		    "must be encrypted (policy requires it from %s on)", marking,
		    rq->sr_encrypt_from);
	return 0;
}

/* sc_entry_clearance - e's mmhsClearance of policy p; 1 found, 0 none,
 * -1 a value of p does not parse or fit p */
static int
sc_entry_clearance(const mmhs_dircache_entry_t *e,
    const struct mmhs_policy *p, struct mmhs_clearance *cl, char *why,
    size_t whylen)
{
	const mmhs_dircache_attr_t *a = mmhs_dircache_attr(e, "mmhsClearance");
	char err[256];
	size_t i;

	for (i = 0; a != NULL && i < a->da_nvals; i++) {
		if (strncmp(a->da_vals[i], p->sp_oid, strlen(p->sp_oid)) != 0 ||
		    a->da_vals[i][strlen(p->sp_oid)] != '$')
			continue;
		if (mmhs_clearance_parse(a->da_vals[i], cl, err,
		    sizeof(err)) != 0 || mmhs_clearance_check(p, cl, err,
		    sizeof(err)) != 0)
			return mmhs_text_error(why, whylen, "mmhsClearance "
			    "\"%s\" of %s: %s", a->da_vals[i], e->de_dn, err);
		return 1;
	}
	return 0;
}

/* sc_cert_clearance - the clearance in e's certificate (the one
 * mmhs_pki_entry_cert chooses); 1, 0 (none) or -1 */
static int
sc_cert_clearance(const mmhs_dircache_entry_t *e,
    const struct mmhs_policy *p, struct mmhs_clearance *cl, char *why,
    size_t whylen)
{
	X509 *cert;
	char err[256];
	int rc;

	cert = mmhs_pki_entry_cert(e, time(NULL), err, sizeof(err));
	if (cert == NULL)
		return 0;
	rc = mmhs_pki_cert_clearance(cert, p, cl, err, sizeof(err));
	X509_free(cert);
	if (rc < 0)
		return mmhs_text_error(why, whylen, "the clearance in the "
		    "certificate of %s: %s", e->de_dn, err);
	return rc;
}

/* sc_clearance - the clearance of e under p (see mmhs_secmsg.h) */
static int
sc_clearance(const mmhs_dircache_entry_t *e, const struct mmhs_policy *p,
    struct mmhs_clearance *cl, char *why, size_t whylen)
{
	const struct mmhs_label_class *lc;
	int rc;

	if ((rc = sc_entry_clearance(e, p, cl, why, whylen)) != 0 ||
	    (rc = sc_cert_clearance(e, p, cl, why, whylen)) != 0)
		return rc < 0 ? -1 : 0;
	memset(cl, 0, sizeof(*cl));
	snprintf(cl->cl_policy, sizeof(cl->cl_policy), "%s", p->sp_oid);
	if ((lc = mmhs_policy_class(p, "UNCLASSIFIED")) == NULL &&
	    (lc = mmhs_policy_class_level(p, 1)) == NULL)
		return mmhs_text_error(why, whylen, "%s has no clearance and "
		    "policy %s has no UNCLASSIFIED", e->de_dn, p->sp_oid);
	snprintf(cl->cl_class, sizeof(cl->cl_class), "%s", lc->lc_name);
	return 0;
}

int
mmhs_secmsg_cleared(const struct mmhs_secmsg *sm, const struct mmhs_policy *p,
    const mmhs_dircache_entry_t *e, char *why, size_t whylen)
{
	struct mmhs_clearance cl;
	struct mmhs_label lb;
	char err[256];

	if (sc_clearance(e, p, &cl, why, whylen) != 0)
		return -1;
	sc_effective(sm, p, &lb);
	if (mmhs_label_dominates_explain(p, &cl, &lb, err, sizeof(err)) == 1)
		return 1;
	mmhs_text_error(why, whylen, "label %s is above the clearance %s of "
	    "%s (%s)", sm->sm_marking[0] != '\0' ? sm->sm_marking : "UNMARKED",
	    cl.cl_class, e->de_dn, err);
	return 0;
}
