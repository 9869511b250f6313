/* profiler_sec.c - reading signed and encrypted messages for the rules
 *
 * The rules must see what the originator wrote, and in an S/MIME message
 * that is inside the layers.  prof_sec_open() opens every layer with
 * lib/mmhs_cms (mmhs_cms_open): signatures are checked against the
 * site's trust store (lib/mmhs_pki: the CAs the site entry's
 * mmhsTrustedCA names, their CRLs), an enveloped layer is decrypted
 * with the organisation's own key (the key directory's key of the
 * organisation entry's mail address).  The profiler only reads: the
 * roles get the original bytes, so their signatures still verify there.
 *
 * What comes out, for the decision and the tracking line:
 *	the message the rules look at	the innermost one reached, or the
 *				message as received when it is not S/MIME
 *				or a layer could not be opened (no key:
 *				then only its outer header is profiled)
 *	the classification	the NAME of the ESS security label of the
 *				innermost verified signature that carries
 *				one, read through the security policy it
 *				names; else what the SIO-Label says
 *	the signature		ok, or the first failure: the message is
 *				still profiled and forwarded (the store
 *				refuses what it must and says why), and the
 *				tracking line says the signature failed
 * Nothing here refuses a message: a layer that cannot be read makes the
 * profiler fall back to what it can read, and say so.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "mmhs_alloc.h"
#include "mmhs_ess.h"
#include "mmhs_pki.h"
#include "profiler.h"

/* prof_sec_trust - the site's trust store, or NULL and why */
static X509_STORE *
prof_sec_trust(struct profiler *pf, char *err, size_t errlen)
{
	mmhs_dircache_entry_t *self = mmhs_agent_self(&pf->pf_ag);
	const char *site;
	X509_STORE *st = NULL;

	if (self == NULL || (site = mmhs_dircache_value(self,
	    "mmhsSite")) == NULL)
		snprintf(err, errlen, "no mmhsSite in our entry: no trust "
		    "anchors");
	else
		st = mmhs_pki_trust(pf->pf_ag.ag_cache, site, err, errlen);
	mmhs_dircache_entry_free(self);
	return st;
}

/* prof_sec_key - the organisation's key into id; 1, or 0 and why */
static int
prof_sec_key(struct profiler *pf, const mmhs_dircache_entry_t *org,
	struct mmhs_cms_id *id, char *why, size_t whylen)
{
	const char *mail = mmhs_dircache_value(org, "mail");

	if (pf->pf_ag.ag_key_dir == NULL) {
		snprintf(why, whylen, "no key directory (-k)");
		return 0;
	}
	if (mail == NULL) {
		snprintf(why, whylen, "%s has no mail address to find its key "
		    "by", org->de_dn);
		return 0;
	}
	if (mmhs_pki_key_for(pf->pf_ag.ag_key_dir, mail, id, why,
	    whylen) < 0)
		return 0;
	return 1;
}

/* prof_sec_class - the classification NAME of an ESS label, into
 * ps_class; "" when the label or its policy is not understood */
static void
prof_sec_class(struct profiler *pf, const struct mmhs_cms_sig *sig,
	struct prof_sec *ps)
{
	const struct mmhs_label_class *lc;
	struct mmhs_ess_label el;
	struct mmhs_label lb;
	struct mmhs_policy *p;
	char	err[256] = "no such level in its policy";

	if (mmhs_ess_decode(sig->cs_label, sig->cs_label_len, &el, err,
	    sizeof(err)) == 0 && mmhs_ess_to_label(&el, &lb, err,
	    sizeof(err)) == 0) {
		p = mmhs_malloc(sizeof(*p));
		if (mmhs_agent_policy(&pf->pf_ag, lb.lb_policy, p, err,
		    sizeof(err)) == 0 &&
		    (lc = mmhs_policy_class_level(p, lb.lb_level)) != NULL)
			snprintf(ps->ps_class, sizeof(ps->ps_class), "%s",
			    lc->lc_name);
		mmhs_free(p);
	}
	if (ps->ps_class[0] == '\0')
		snprintf(ps->ps_label_why, sizeof(ps->ps_label_why),
		    "signed label not understood: %s", err);
	mmhs_ess_free(&el);
}

/* prof_sec_sigs - what the signatures reached say */
static void
prof_sec_sigs(struct profiler *pf, struct prof_sec *ps)
{
	const struct mmhs_cms_open *co = &ps->ps_co;
	int	i;

	ps->ps_signed = co->co_nsig > 0;
	for (i = 0; i < co->co_nsig; i++)
		if (co->co_sig[i].cs_status != MMHS_SIG_OK) {
			ps->ps_sig_failed = &co->co_sig[i];
			break;
		}
	if (co->co_label == NULL)
		return;
	if (co->co_label->cs_status != MMHS_SIG_OK) {
		ps->ps_label = "ess-unverified";	/* not believed */
		return;
	}
	ps->ps_label = "ess";
	prof_sec_class(pf, co->co_label, ps);
}

/* prof_sec_open - open msg's layers for organisation org */
void
prof_sec_open(struct profiler *pf, const mmhs_dircache_entry_t *org,
	const char *msg, size_t len, struct prof_sec *ps)
{
	struct mmhs_cms_id id;
	X509_STORE *trust;
	char	err[256];
	int	nids;

	memset(ps, 0, sizeof(*ps));
	ps->ps_kind = mmhs_cms_kind(msg, len);
	ps->ps_msg = msg;
	ps->ps_len = len;
	if (ps->ps_kind == MMHS_CMS_NONE)
		return;
	memset(&id, 0, sizeof(id));
	nids = prof_sec_key(pf, org, &id, ps->ps_nokey, sizeof(ps->ps_nokey));
	if ((trust = prof_sec_trust(pf, err, sizeof(err))) == NULL) {
		snprintf(ps->ps_why, sizeof(ps->ps_why), "%s", err);
		mmhs_cms_id_free(&id);
		return;
	}
	if (mmhs_cms_open(trust, 0, &id, nids, msg, len, &ps->ps_co, err,
	    sizeof(err)) < 0) {
		snprintf(ps->ps_why, sizeof(ps->ps_why), "cannot be opened: "
		    "%s", err);
		mmhs_cms_open_free(&ps->ps_co);
		memset(&ps->ps_co, 0, sizeof(ps->ps_co));
	} else {
		ps->ps_opened = 1;
		ps->ps_encrypted = ps->ps_co.co_encrypted;
		prof_sec_sigs(pf, ps);
		if (ps->ps_co.co_encrypted && !ps->ps_co.co_decrypted)
			snprintf(ps->ps_why, sizeof(ps->ps_why),
			    "not decrypted: %.270s", ps->ps_nokey[0] ?
			    ps->ps_nokey : "not encrypted for the "
			    "organisation's key");
		else if (ps->ps_co.co_inner != NULL) {
			ps->ps_msg = ps->ps_co.co_inner;
			ps->ps_len = ps->ps_co.co_inner_len;
			ps->ps_inner = 1;
		}
	}
	X509_STORE_free(trust);
	mmhs_cms_id_free(&id);
}

/* prof_sec_free - what the opening kept */
void
prof_sec_free(struct prof_sec *ps)
{
	if (ps->ps_opened)
		mmhs_cms_open_free(&ps->ps_co);
	memset(ps, 0, sizeof(*ps));
}

/* prof_sec_protected - "none", "signed", "encrypted" or both */
const char *
prof_sec_protected(const struct prof_sec *ps)
{
	int	enc = ps->ps_encrypted || ps->ps_kind == MMHS_CMS_ENVELOPED;
	int	sig = ps->ps_signed || ps->ps_kind == MMHS_CMS_SIGNED;

	if (ps->ps_kind == MMHS_CMS_NONE)
		return "none";
	if (ps->ps_kind == MMHS_CMS_RECEIPT)
		return "receipt";
	if (ps->ps_kind == MMHS_CMS_OTHER)
		return "other";
	return sig && enc ? "signed,encrypted" : enc ? "encrypted" : "signed";
}
