/* mmhs_secmsg.c - what protects a message and which label it carries
 *
 * mmhs_secmsg_inspect() (contract in mmhs_secmsg.h): the layers are
 * opened by mmhs_cms_open(); the label is taken from the innermost
 * signature that carries one, else from the outer SIO-Label, and is
 * brought into the site's policy:
 *
 *  - a signed label of another policy is replaced by the signed
 *    EquivalentLabels value of the site's policy when there is one;
 *  - else the site policy's mmhsLabelEquivalence values for that policy
 *    map its level to one of our classifications.  Categories carry
 *    over only when our policy defines the same OID; a partner's
 *    permissive (releasability) and informative categories are dropped,
 *    since they speak of release to us; a restrictive one we cannot map
 *    refuses the message (fail closed);
 *  - a label of a policy the site has no equivalence for stays in its
 *    own policy, where dominance by our clearances fails closed.
 *
 * An SIO-Label marking is read in the site's policy, then in each
 * partner policy the site has equivalences for.  A message that is not
 * S/MIME, a signed receipt, or an S/MIME type we do not open (such as
 * certs-only) is taken as it is: not signed, not encrypted, label from
 * its SIO-Label.  Without a trust store (trust NULL: the site has no
 * anchors) no layer is opened: the message counts as not signed (so a
 * signature requirement refuses it), encrypted when its outer layer is.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "mmhs_alloc.h"
#include "mmhs_agent.h"
#include "mmhs_ess.h"
#include "mmhs_mmhs.h"
#include "mmhs_secmsg.h"
#include "mmhs_summary.h"
#include "mmhs_text.h"

/* What inspecting needs at hand besides the message. */
struct sm_ctx {
	mmhs_secmsg_policy_fn c_policy;
	void   *c_arg;
	struct mmhs_policy *c_site;	/* NULL when the site has none */
	struct mmhs_policy *c_other;	/* scratch for partner policies */
};

/* sm_compose - the display form of lb: the markings (else NAMEs) of its
 * classification and categories in p */
static void
sm_compose(const struct mmhs_policy *p, const struct mmhs_label *lb,
    char *out, size_t outlen)
{
	const struct mmhs_label_class *lc = NULL;
	const struct mmhs_label_cat *k;
	size_t o;
	int i;

	if (p != NULL && strcmp(p->sp_oid, lb->lb_policy) == 0)
		lc = mmhs_policy_class_level(p, lb->lb_level);
	if (lc == NULL) {
		snprintf(out, outlen, "level %d of policy %s", lb->lb_level,
		    lb->lb_policy);
		return;
	}
	snprintf(out, outlen, "%s", lc->lc_marking[0] != '\0' ?
	    lc->lc_marking : lc->lc_name);
	for (i = 0; i < lb->lb_ncat; i++) {
		k = mmhs_policy_cat(p, lb->lb_cat[i]);
		o = strlen(out);
		snprintf(out + o, outlen - o, " %s", k == NULL ?
		    lb->lb_cat[i] : k->lk_marking[0] != '\0' ? k->lk_marking :
		    k->lk_name);
	}
}

/* sm_partner - the policy of oid into ctx->c_other; 0 or -1 */
static int
sm_partner(struct sm_ctx *ctx, const char *oid)
{
	char err[256];

	if (ctx->c_policy == NULL)
		return -1;
	if (ctx->c_other == NULL)
		ctx->c_other = mmhs_malloc(sizeof(*ctx->c_other));
	else if (strcmp(ctx->c_other->sp_oid, oid) == 0)
		return 0;
	if (ctx->c_policy(ctx->c_arg, oid, ctx->c_other, err,
	    sizeof(err)) != 0) {
		ctx->c_other->sp_oid[0] = '\0';
		return -1;
	}
	return 0;
}

/* sm_translate_cats - the categories of partner label lb in our policy */
static int
sm_translate_cats(struct sm_ctx *ctx, const struct mmhs_label *lb,
    struct mmhs_label *out, char *why, size_t whylen)
{
	const struct mmhs_label_cat *ours, *theirs;
	int i, have_partner = sm_partner(ctx, lb->lb_policy) == 0;

	for (i = 0; i < lb->lb_ncat; i++) {
		if ((ours = mmhs_policy_cat(ctx->c_site, lb->lb_cat[i])) !=
		    NULL && strcmp(ours->lk_oid, lb->lb_cat[i]) == 0) {
			snprintf(out->lb_cat[out->lb_ncat++],
			    sizeof(out->lb_cat[0]), "%s", ours->lk_oid);
			continue;
		}
		theirs = have_partner ? mmhs_policy_cat(ctx->c_other,
		    lb->lb_cat[i]) : NULL;
		if (theirs == NULL || theirs->lk_kind == MMHS_CAT_RESTRICTIVE)
			return mmhs_text_error(why, whylen, "%s category %s of "
			    "policy %s has no equivalent in policy %s",
			    theirs == NULL ? "unknown" : "restrictive",
			    theirs == NULL ? lb->lb_cat[i] : theirs->lk_name,
			    lb->lb_policy, ctx->c_site->sp_oid);
	}
	return 0;
}

/* sm_translate - lb into the site's policy by mmhsLabelEquivalence;
 * 1 translated, 0 left as it is, -1 with why */
static int
sm_translate(struct sm_ctx *ctx, struct mmhs_label *lb, char *why,
    size_t whylen)
{
	const struct mmhs_policy *site = ctx->c_site;
	const struct mmhs_label_class *lc = NULL;
	struct mmhs_label out;
	int i, partner = 0;

	if (site == NULL || strcmp(lb->lb_policy, site->sp_oid) == 0)
		return 0;
	for (i = 0; i < site->sp_nequiv; i++) {
		if (strcmp(site->sp_equiv[i].le_policy, lb->lb_policy) != 0)
			continue;
		partner = 1;
		if (site->sp_equiv[i].le_level == lb->lb_level)
			lc = mmhs_policy_class(site, site->sp_equiv[i].le_name);
	}
	if (!partner)
		return 0;
	if (lc == NULL)
		return mmhs_text_error(why, whylen, "level %d of policy %s has "
		    "no equivalent in policy %s", lb->lb_level, lb->lb_policy,
		    site->sp_oid);
	memset(&out, 0, sizeof(out));
	snprintf(out.lb_policy, sizeof(out.lb_policy), "%s", site->sp_oid);
	out.lb_level = lc->lc_level;
	if (sm_translate_cats(ctx, lb, &out, why, whylen) != 0)
		return -1;
	*lb = out;
	return 1;
}

/* sm_equiv_pick - of the signed EquivalentLabels, the one of the site's
 * policy into lb; 1 found, 0 none (or unreadable: the primary label
 * still counts) */
static int
sm_equiv_pick(const struct sm_ctx *ctx, const struct mmhs_cms_sig *sig,
    struct mmhs_label *lb)
{
	struct mmhs_ess_label *els = NULL;
	int i, n = 0, found = 0;

	if (ctx->c_site == NULL || sig->cs_equiv == NULL ||
	    mmhs_ess_equiv_decode(sig->cs_equiv, sig->cs_equiv_len, &els, &n,
	    NULL, 0) != 0) {
		mmhs_ess_equiv_free(els, n);
		return 0;
	}
	for (i = 0; i < n && !found; i++)
		if (strcmp(els[i].el_policy, ctx->c_site->sp_oid) == 0 &&
		    mmhs_ess_to_label(&els[i], lb, NULL, 0) == 0)
			found = 1;
	mmhs_ess_equiv_free(els, n);
	return found;
}

/* sm_from_der - an ESSSecurityLabel in DER as a label; 0 or -1 */
static int
sm_from_der(const unsigned char *der, size_t len, struct mmhs_label *lb,
    char *why, size_t whylen)
{
	struct mmhs_ess_label el;
	int rc;

	rc = mmhs_ess_decode(der, len, &el, why, whylen);
	if (rc == 0)
		rc = mmhs_ess_to_label(&el, lb, why, whylen);
	mmhs_ess_free(&el);
	return rc;
}

/* sm_label_ess - the label of the signature that carries it */
static int
sm_label_ess(struct sm_ctx *ctx, struct mmhs_secmsg *sm, char *why,
    size_t whylen)
{
	const struct mmhs_cms_sig *sig = sm->sm_open.co_label;
	char err[256];
	int rc;

	if (sm_from_der(sig->cs_label, sig->cs_label_len, &sm->sm_label, err,
	    sizeof(err)) != 0)
		return mmhs_text_error(why, whylen, "the signed security label "
		    "cannot be read: %s", err);
	sm->sm_label_src = MMHS_SECMSG_LABEL_ESS;
	sm->sm_label_signed = sig->cs_status == MMHS_SIG_OK;
	if (ctx->c_site == NULL ||
	    strcmp(sm->sm_label.lb_policy, ctx->c_site->sp_oid) == 0 ||
	    sm_equiv_pick(ctx, sig, &sm->sm_label))
		return 0;
	if ((rc = sm_translate(ctx, &sm->sm_label, why, whylen)) < 0)
		return -1;
	sm->sm_translated = rc;
	return 0;
}

/* sm_sio_marking - an SIO-Label marking in our policy or a partner's */
static int
sm_sio_marking(struct sm_ctx *ctx, const char *marking,
    struct mmhs_label *lb, int *translated, char *why, size_t whylen)
{
	const struct mmhs_policy *site = ctx->c_site;
	char err[256];
	int i, j, rc;

	if (site == NULL)
		return mmhs_text_error(why, whylen, "label %s: the site has no "
		    "security policy to read it in", marking);
	if (mmhs_label_from_marking(site, marking, lb, err, sizeof(err)) == 0)
		return 0;
	for (i = 0; i < site->sp_nequiv; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(site->sp_equiv[j].le_policy,
			    site->sp_equiv[i].le_policy) == 0)
				break;
		if (j < i ||
		    sm_partner(ctx, site->sp_equiv[i].le_policy) != 0 ||
		    mmhs_label_from_marking(ctx->c_other, marking, lb, NULL,
		    0) != 0)
			continue;
		if ((rc = sm_translate(ctx, lb, why, whylen)) < 0)
			return -1;
		*translated = rc;
		return 0;
	}
	return mmhs_text_error(why, whylen, "label %s is not a marking of "
	    "policy %s: %s", marking, site->sp_oid, err);
}

/* sm_label_sio - the label of the outer SIO-Label field into lb;
 * 1 found, 0 there is none, -1 with why */
static int
sm_label_sio(struct sm_ctx *ctx, const char *msg, size_t len,
    struct mmhs_label *lb, int *translated, char *marking, size_t marklen,
    char *why, size_t whylen)
{
	struct mmhs_siolabel sl;
	char *v, err[256];
	int rc = 1;

	if ((v = mmhs_summary_field(msg, len, "SIO-Label")) == NULL)
		return 0;
	memset(&sl, 0, sizeof(sl));
	if (mmhs_siolabel_parse(v, &sl, err, sizeof(err)) != 0) {
		rc = mmhs_text_error(why, whylen, "SIO-Label: %s", err);
	} else if (sl.sl_type != NULL && strcmp(sl.sl_type, ":ess") == 0 &&
	    sl.sl_label != NULL) {
		if (sm_from_der(sl.sl_label, sl.sl_label_len, lb, err,
		    sizeof(err)) != 0)
			rc = mmhs_text_error(why, whylen, "SIO-Label: the ESS "
			    "label cannot be read: %s", err);
		else if ((*translated = sm_translate(ctx, lb, why,
		    whylen)) < 0)
			rc = -1;
	} else if (sl.sl_marking == NULL) {
		rc = mmhs_text_error(why, whylen, "the SIO-Label has no "
		    "marking, so it cannot be checked against a clearance");
	} else if (sm_sio_marking(ctx, sl.sl_marking, lb, translated, why,
	    whylen) != 0)
		rc = -1;
	if (rc == 1 && sl.sl_marking != NULL)
		snprintf(marking, marklen, "%s", sl.sl_marking);
	mmhs_siolabel_free(&sl);
	mmhs_free(v);
	return rc;
}

/* sm_cat_key - a category as the OID our policy gives it, else as is */
static const char *
sm_cat_key(const struct mmhs_policy *p, const char *cat)
{
	const struct mmhs_label_cat *k = p != NULL ? mmhs_policy_cat(p, cat) :
	    NULL;

	return k != NULL ? k->lk_oid : cat;
}

/* sm_same - two labels name the same policy, level and categories */
static int
sm_same(const struct mmhs_policy *p, const struct mmhs_label *a,
    const struct mmhs_label *b)
{
	int i, j;

	if (strcmp(a->lb_policy, b->lb_policy) != 0 ||
	    a->lb_level != b->lb_level)
		return 0;
	for (i = 0; i < a->lb_ncat + b->lb_ncat; i++) {
		const struct mmhs_label *x = i < a->lb_ncat ? a : b,
		    *y = i < a->lb_ncat ? b : a;
		const char *key = sm_cat_key(p, x->lb_cat[i < a->lb_ncat ? i :
		    i - a->lb_ncat]);

		for (j = 0; j < y->lb_ncat; j++)
			if (strcmp(sm_cat_key(p, y->lb_cat[j]), key) == 0)
				break;
		if (j == y->lb_ncat)
			return 0;
	}
	return 1;
}

/* sm_labels - the label of an opened message */
static int
sm_labels(struct sm_ctx *ctx, const char *msg, size_t len,
    struct mmhs_secmsg *sm, char *why, size_t whylen)
{
	struct mmhs_label sio;
	char marking[MMHS_LABEL_MARKING_MAX + 1] = "", signed_mark[400];
	int translated = 0, found;

	if (sm->sm_open.co_label != NULL &&
	    sm_label_ess(ctx, sm, why, whylen) != 0)
		return -1;
	found = sm_label_sio(ctx, msg, len, &sio, &translated, marking,
	    sizeof(marking), why, whylen);
	if (found < 0)
		return -1;
	if (found && sm->sm_label_src == MMHS_SECMSG_LABEL_ESS &&
	    !sm_same(ctx->c_site, &sio, &sm->sm_label)) {
		sm_compose(ctx->c_site, &sm->sm_label, signed_mark,
		    sizeof(signed_mark));
		return mmhs_text_error(why, whylen, "SIO-Label %s does not "
		    "match the signed label %s", marking[0] != '\0' ? marking :
		    "(ESS)", signed_mark);
	}
	if (found && sm->sm_label_src == MMHS_SECMSG_LABEL_NONE) {
		sm->sm_label = sio;
		sm->sm_label_src = MMHS_SECMSG_LABEL_SIO;
		sm->sm_translated = translated;
	}
	if (sm->sm_label_src == MMHS_SECMSG_LABEL_SIO && marking[0] != '\0')
		snprintf(sm->sm_marking, sizeof(sm->sm_marking), "%s",
		    marking);
	else if (sm->sm_label_src != MMHS_SECMSG_LABEL_NONE) {
		if (ctx->c_site == NULL || strcmp(ctx->c_site->sp_oid,
		    sm->sm_label.lb_policy) == 0 ||
		    sm_partner(ctx, sm->sm_label.lb_policy) != 0)
			sm_compose(ctx->c_site, &sm->sm_label, sm->sm_marking,
			    sizeof(sm->sm_marking));
		else
			sm_compose(ctx->c_other, &sm->sm_label,
			    sm->sm_marking, sizeof(sm->sm_marking));
	}
	return 0;
}

/* sm_open - the S/MIME layers, or the message as it is */
static int
sm_open(X509_STORE *trust, const struct mmhs_cms_id *ids, int nids,
    const char *msg, size_t len, struct mmhs_secmsg *sm, char *why,
    size_t whylen)
{
	char err[256];
	enum mmhs_cms_kind kind = mmhs_cms_kind(msg, len);
	int rc;

	/* A signed receipt is checked by the originator against the
	 * original (mmhs_cms_receipt_verify), not on its way. */
	if (kind == MMHS_CMS_NONE || kind == MMHS_CMS_OTHER ||
	    kind == MMHS_CMS_RECEIPT) {
		sm->sm_open.co_inner = mmhs_malloc(len + 1);
		memcpy(sm->sm_open.co_inner, msg, len);
		sm->sm_open.co_inner[len] = '\0';
		sm->sm_open.co_inner_len = len;
		return 0;
	}
	if (trust == NULL) {
		/* No trust anchors: read every layer (a signed label still
		 * restricts) against an empty store; nothing verifies. */
		X509_STORE *none = X509_STORE_new();

		sm->sm_unchecked = 1;
		rc = mmhs_cms_open(none, 0, ids, nids, msg, len,
		    &sm->sm_open, err, sizeof(err));
		X509_STORE_free(none);
	} else
		rc = mmhs_cms_open(trust, 0, ids, nids, msg, len,
		    &sm->sm_open, err, sizeof(err));
	if (rc != 0)
		return mmhs_text_error(why, whylen, "S/MIME: %s", err);
	sm->sm_signed = sm->sm_open.co_nsig > 0;
	sm->sm_encrypted = sm->sm_open.co_encrypted;
	return 0;
}

int
mmhs_secmsg_inspect(X509_STORE *trust, const struct mmhs_cms_id *ids,
    int nids, mmhs_secmsg_policy_fn policy, void *arg,
    const char *site_policy_oid, const char *msg, size_t len,
    struct mmhs_secmsg *sm, char *why, size_t whylen)
{
	struct sm_ctx ctx;
	char err[256];
	int rc;

	memset(sm, 0, sizeof(*sm));
	memset(&ctx, 0, sizeof(ctx));
	ctx.c_policy = policy;
	ctx.c_arg = arg;
	if (sm_open(trust, ids, nids, msg, len, sm, why, whylen) != 0)
		return -1;
	if (policy != NULL && site_policy_oid != NULL &&
	    site_policy_oid[0] != '\0') {
		ctx.c_site = mmhs_malloc(sizeof(*ctx.c_site));
		if (policy(arg, site_policy_oid, ctx.c_site, err,
		    sizeof(err)) != 0) {
			mmhs_free(ctx.c_site);
			return mmhs_text_error(why, whylen, "security policy "
			    "%s: %s", site_policy_oid, err);
		}
	}
	rc = sm_labels(&ctx, msg, len, sm, why, whylen);
	mmhs_free(ctx.c_site);
	mmhs_free(ctx.c_other);
	return rc;
}

void
mmhs_secmsg_free(struct mmhs_secmsg *sm)
{
	/* A message taken as it is has only co_inner, which
	 * mmhs_cms_open_free releases like its own. */
	mmhs_cms_open_free(&sm->sm_open);
	memset(sm, 0, sizeof(*sm));
}
