/* mta_sec.c - mmhs-mta: labels, signatures and ceilings over the cache
 *
 * The contract is in mta_sec.h.  The trust store is built afresh for
 * each message (lib/mmhs_pki: a few DER decodes), so a CRL published
 * with ldapmodify counts from the next message on.  A site without a
 * usable trust store gets an empty one: every signature then fails as
 * untrusted, which refuses signed mail and lets unsigned mail be judged
 * by the site's requirements alone.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "mmhs_agent.h"
#include "mmhs_alloc.h"
#include "mmhs_pki.h"
#include "mta_sec.h"

/* mta_sec_policy - a security policy by OID from the cache */
int
mta_sec_policy(void *arg, const char *oid, struct mmhs_policy *p, char *err,
	size_t errlen)
{
	struct mta *m = arg;

	return mmhs_agent_policy_of(m->m_cache, oid, p, err, errlen);
}

/* mta_sec_site - our site's entry and its parsed ceiling */
static mmhs_dircache_entry_t *
mta_sec_site(struct mta *m, struct mmhs_clearance *cl, char *err,
	size_t errlen)
{
	mmhs_dircache_entry_t *e;
	const char *v;
	char	why[256];

	if (m->m_conf.mc_site_dn == NULL || (e = mmhs_dircache_by_dn(
	    m->m_cache, m->m_conf.mc_site_dn)) == NULL) {
		snprintf(err, errlen, "our site entry %s is not in the "
		    "directory", m->m_conf.mc_site_dn ? m->m_conf.mc_site_dn :
		    "(no mmhsSite)");
		return NULL;
	}
	if ((v = mmhs_dircache_value(e, "mmhsDomainCeiling")) == NULL) {
		snprintf(err, errlen, "site %s has no mmhsDomainCeiling (no "
		    "security policy)", e->de_dn);
		mmhs_dircache_entry_free(e);
		return NULL;
	}
	if (mmhs_clearance_parse(v, cl, why, sizeof(why)) < 0) {
		snprintf(err, errlen, "site %s: mmhsDomainCeiling \"%s\": %s",
		    e->de_dn, v, why);
		mmhs_dircache_entry_free(e);
		return NULL;
	}
	return e;
}

/* mta_sec_site_policy - the OID of our site's policy */
int
mta_sec_site_policy(struct mta *m, char *oid, size_t len, char *err,
	size_t errlen)
{
	struct mmhs_clearance cl;
	mmhs_dircache_entry_t *e;

	if ((e = mta_sec_site(m, &cl, err, errlen)) == NULL)
		return -1;
	mmhs_dircache_entry_free(e);
	snprintf(oid, len, "%s", cl.cl_policy);
	return 0;
}

/* mta_sec_inspect - open msg as far as a keyless MTA can */
int
mta_sec_inspect(struct mta *m, const char *msg, size_t len,
	struct mmhs_secmsg *sm, char *why, size_t whylen)
{
	X509_STORE *trust;
	char	oid[MMHS_LABEL_OID_MAX + 1], err[256];
	int	rc;

	if ((trust = mmhs_pki_trust(m->m_cache, m->m_conf.mc_site_dn, err,
	    sizeof(err))) == NULL && (trust = X509_STORE_new()) == NULL) {
		memset(sm, 0, sizeof(*sm));
		snprintf(why, whylen, "no trust store: %s", err);
		return -1;
	}
	rc = mmhs_secmsg_inspect(trust, NULL, 0, mta_sec_policy, m,
	    mta_sec_site_policy(m, oid, sizeof(oid), err, sizeof(err)) == 0 ?
	    oid : NULL, msg, len, sm, why, whylen);
	X509_STORE_free(trust);
	return rc;
}

/* mta_sec_signatures - the reply for the first failed signature layer */
int
mta_sec_signatures(const struct mmhs_secmsg *sm, char *reply, size_t len)
{
	const struct mmhs_cms_sig *sig;
	int	i;

	for (i = 0; i < sm->sm_open.co_nsig; i++) {
		sig = &sm->sm_open.co_sig[i];
		if (sig->cs_status == MMHS_SIG_OK)
			continue;
		/* RFC 3463: X.7.7 integrity failure, X.7.5 crypto failure */
		snprintf(reply, len, "554 %s Signature not accepted (%s): %s",
		    sig->cs_status == MMHS_SIG_BAD ? "5.7.7" : "5.7.5",
		    mmhs_sig_status_name(sig->cs_status), sig->cs_reason);
		return -1;
	}
	return 0;
}

struct mta_sec_find {
	char	f_uuid[37];
};

static int
mta_sec_first(void *arg, const mmhs_dircache_entry_t *e)
{
	struct mta_sec_find *f = arg;

	memcpy(f->f_uuid, e->de_uuid, sizeof(f->f_uuid));
	return 1;
}

/* mta_sec_requirements - what our site and its policy require */
int
mta_sec_requirements(struct mta *m, struct mmhs_secreq *rq,
	struct mmhs_policy *site_policy, char *err, size_t errlen)
{
	struct mmhs_clearance cl;
	struct mta_sec_find f;
	mmhs_dircache_entry_t *site, *pe = NULL;

	memset(rq, 0, sizeof(*rq));
	if ((site = mta_sec_site(m, &cl, err, errlen)) == NULL)
		return -1;
	if (mta_sec_policy(m, cl.cl_policy, site_policy, err, errlen) < 0) {
		mmhs_dircache_entry_free(site);
		return -1;
	}
	memset(&f, 0, sizeof(f));
	if (mmhs_dircache_find(m->m_cache, "mmhsPolicyId", cl.cl_policy,
	    mta_sec_first, &f) > 0 && f.f_uuid[0] != '\0')
		pe = mmhs_dircache_by_uuid(m->m_cache, f.f_uuid);
	mmhs_secreq_from_entries(site, pe, rq);
	mmhs_dircache_entry_free(site);
	if (pe != NULL)
		mmhs_dircache_entry_free(pe);
	return 0;
}

/* mta_sec_values - the values of attr in e, one per line, or NULL */
static char *
mta_sec_values(const mmhs_dircache_entry_t *e, const char *attr)
{
	const mmhs_dircache_attr_t *a;
	size_t	i, n = 0, o = 0;
	char	*r;

	if ((a = mmhs_dircache_attr(e, attr)) == NULL || a->da_nvals == 0)
		return NULL;
	for (i = 0; i < a->da_nvals; i++)
		n += strlen(a->da_vals[i]) + 1;
	r = mmhs_malloc(n + 1);
	for (i = 0; i < a->da_nvals; i++)
		o += (size_t)sprintf(r + o, "%s%s", i ? "\n" : "",
		    a->da_vals[i]);
	return r;
}

/* mta_sec_hop_is_store - is next hop hop_dn a store of this site? */
int
mta_sec_hop_is_store(struct mta *m, const char *hop_dn)
{
	mmhs_dircache_entry_t *e;
	const char *type;
	int	yes;

	if ((e = mmhs_dircache_by_dn(m->m_cache, hop_dn)) == NULL)
		return 0;
	type = mmhs_dircache_value(e, "mmhsAgentType");
	yes = type != NULL && strcasecmp(type, "store") == 0;
	mmhs_dircache_entry_free(e);
	return yes;
}

/* mta_sec_hop_ceiling - the ceilings a next hop is bound by, or NULL */
char *
mta_sec_hop_ceiling(struct mta *m, const char *hop_dn)
{
	mmhs_dircache_entry_t *e, *se;
	const char *site;
	char	*r, *n1, *n2;
	int	other;

	if ((e = mmhs_dircache_by_dn(m->m_cache, hop_dn)) == NULL)
		return NULL;
	if ((r = mta_sec_values(e, "mmhsDomainCeiling")) == NULL &&
	    (site = mmhs_dircache_value(e, "mmhsSite")) != NULL) {
		n1 = mta_dn_norm(site);
		n2 = mta_dn_norm(m->m_conf.mc_site_dn ?
		    m->m_conf.mc_site_dn : "");
		other = strcmp(n1, n2) != 0;
		mmhs_free(n1);
		mmhs_free(n2);
		if (other && (se = mmhs_dircache_by_dn(m->m_cache, site)) !=
		    NULL) {
			r = mta_sec_values(se, "mmhsDomainCeiling");
			mmhs_dircache_entry_free(se);
		}
	}
	mmhs_dircache_entry_free(e);
	return r;
}

/*
 * mta_sec_translate - lb in policy `to`, through the equivalences of
 * lb's own policy: the classification maps, informative and permissive
 * categories stay behind (a releasability category is what lets the
 * message go), a restrictive one cannot leave its policy.
 */
static int
mta_sec_translate(struct mta *m, const struct mmhs_label *lb, const char *to,
	int own_ceiling, struct mmhs_label *out, char *why, size_t whylen)
{
	struct mmhs_policy *lp = mmhs_malloc(sizeof(*lp));
	const struct mmhs_label_class *c;
	const struct mmhs_label_cat *k;
	char	err[256];
	int	i, rc = -1;

	memset(out, 0, sizeof(*out));
	if (mta_sec_policy(m, lb->lb_policy, lp, err, sizeof(err)) < 0) {
		snprintf(why, whylen, "label policy: %s", err);
		goto done;
	}
	if ((c = mmhs_policy_class_level(lp, lb->lb_level)) == NULL) {
		snprintf(why, whylen, "label level %d is not defined by "
		    "policy %s", lb->lb_level, lb->lb_policy);
		goto done;
	}
	for (i = 0; i < lb->lb_ncat; i++) {
		k = mmhs_policy_cat(lp, lb->lb_cat[i]);
		if (k == NULL || k->lk_kind == MMHS_CAT_RESTRICTIVE) {
			snprintf(why, whylen, "category %s has no equivalent "
			    "in policy %s", k != NULL ? k->lk_name :
			    lb->lb_cat[i], to);
			goto done;
		}
		if (k->lk_kind == MMHS_CAT_PERMISSIVE && !own_ceiling) {
			snprintf(why, whylen, "releasability %s is not "
			    "decided: no ceiling of policy %s", k->lk_name,
			    lb->lb_policy);
			goto done;
		}
	}
	for (i = 0; i < lp->sp_nequiv; i++)
		if (strcasecmp(lp->sp_equiv[i].le_name, c->lc_name) == 0 &&
		    strcmp(lp->sp_equiv[i].le_policy, to) == 0)
			break;
	if (i == lp->sp_nequiv) {
		snprintf(why, whylen, "%s has no equivalent in policy %s",
		    c->lc_name, to);
		goto done;
	}
	snprintf(out->lb_policy, sizeof(out->lb_policy), "%s", to);
	out->lb_level = lp->sp_equiv[i].le_level;
	rc = 0;
done:
	mmhs_free(lp);
	return rc;
}

/* mta_sec_ceiling_one - may a hop with the one ceiling ceil carry lb? */
static int
mta_sec_ceiling_one(struct mta *m, const char *hop_dn, const char *ceil,
	int own_ceiling, const struct mmhs_secmsg *sm, char *why,
	size_t whylen)
{
	struct mmhs_clearance cl;
	struct mmhs_label lb;
	struct mmhs_policy *cp = NULL;
	char	err[256], terr[320];
	int	rc = -1;

	if (mmhs_clearance_parse(ceil, &cl, err, sizeof(err)) < 0) {
		snprintf(why, whylen, "mmhsDomainCeiling of %s: %s", hop_dn,
		    err);
		goto done;
	}
	lb = sm->sm_label;
	if (strcmp(lb.lb_policy, cl.cl_policy) != 0 && mta_sec_translate(m,
	    &sm->sm_label, cl.cl_policy, own_ceiling, &lb, terr,
	    sizeof(terr)) < 0) {
		snprintf(why, whylen, "label %s may not pass to %s: %s",
		    sm->sm_marking, hop_dn, terr);
		rc = 0;
		goto done;
	}
	cp = mmhs_malloc(sizeof(*cp));
	if (mta_sec_policy(m, cl.cl_policy, cp, err, sizeof(err)) < 0) {
		snprintf(why, whylen, "ceiling of %s: %s", hop_dn, err);
		goto done;
	}
	if ((rc = mmhs_label_dominates_explain(cp, &cl, &lb, err,
	    sizeof(err))) != 1) {
		snprintf(why, whylen, "label %s is above the ceiling of %s "
		    "(%s): %s", sm->sm_marking, hop_dn, ceil, err);
		rc = 0;
	}
done:
	mmhs_free(cp);
	return rc;
}

/* mta_sec_ceiling - may next hop hop_dn carry sm's label? */
int
mta_sec_ceiling(struct mta *m, const char *hop_dn, const char *ceil,
	const struct mmhs_secmsg *sm, char *why, size_t whylen)
{
	char	*all, *one, *next;
	size_t	plen = strlen(sm->sm_label.lb_policy);
	int	own = 0, rc = 1;

	if (sm->sm_label_src == MMHS_SECMSG_LABEL_NONE)
		return 1;
	all = mmhs_strdup(ceil);
	for (one = all; one != NULL && !own; one = next) {
		own = strncmp(one, sm->sm_label.lb_policy, plen) == 0 &&
		    one[plen] == '$';
		if ((next = strchr(one, '\n')) != NULL)
			next++;
	}
	for (one = all; one != NULL && rc == 1; one = next) {
		if ((next = strchr(one, '\n')) != NULL)
			*next++ = '\0';
		rc = mta_sec_ceiling_one(m, hop_dn, one, own, sm, why,
		    whylen);
	}
	mmhs_free(all);
	return rc;
}

/* mta_sec_quote - "in" with backslash escapes, for te_extra */
char *
mta_sec_quote(const char *in, char *out, size_t len)
{
	size_t	o = 0;

	if (len < 3)
		return NULL;
	out[o++] = '"';
	for (; *in != '\0' && o + 3 < len; in++) {
		if (*in == '"' || *in == '\\')
			out[o++] = '\\';
		out[o++] = (unsigned char)*in < ' ' ? ' ' : *in;
	}
	out[o++] = '"';
	out[o] = '\0';
	return out;
}
