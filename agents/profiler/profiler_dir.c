/* profiler_dir.c - what the profiler asks the directory (cache)
 *
 * Every answer is read fresh from the agent's directory cache, once per
 * message: a change made with ldapmodify (a new rule, another active
 * rule set, a role's new address) applies to the next message the cache
 * has seen it for, with nothing compiled ahead to go stale.
 *
 *	prof_dir_org	the organisation an LMTP recipient names: the
 *			entry whose mail or mhs-or-addresses it is, which
 *			must be an mmhsProfiledOrganization
 *	prof_dir_set	the organisation's rules in force: every
 *			mmhsProfileRule entry whose parent is the
 *			organisation (DNs compared LDAPv3-normalised, case
 *			ignored), compiled by profiler_rules.c
 *	prof_dir_facts	the message as the rules see it; the originator is
 *			the From: address (the envelope's MAIL FROM when
 *			there is no From:), with the O/R addresses it
 *			stands for: an RFC 2156 local part "/C=.../" and the
 *			mhs-or-addresses of its directory entry; the
 *			classification is the NAME that the security
 *			policy gives the SIO-Label's display marking
 *	prof_dir_copies	the rule's roles as addresses ("+info" added for
 *			information); a role named twice gets one copy,
 *			for action if either says so; when no action role
 *			resolves, the default role gets the action copy
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <ldap.h>

#include "mmhs_alloc.h"
#include "mmhs_label.h"
#include "mmhs_oraddr.h"
#include "profiler.h"

/* prof_dn_norm - a DN that compares with strcmp (caller frees) */
static char *
prof_dn_norm(const char *dn)
{
	char	*out = NULL, *r, *p;

	if (ldap_dn_normalize(dn, LDAP_DN_FORMAT_LDAP, &out,
	    LDAP_DN_FORMAT_LDAPV3) != LDAP_SUCCESS || out == NULL)
		r = mmhs_strdup(dn);
	else {
		r = mmhs_strdup(out);
		ldap_memfree(out);
	}
	for (p = r; *p != '\0'; p++)
		*p = (char) tolower((unsigned char) *p);
	return r;
}

/* prof_has_class - entry e has object class oc */
static int
prof_has_class(const mmhs_dircache_entry_t *e, const char *oc)
{
	const mmhs_dircache_attr_t *a = mmhs_dircache_attr(e, "objectClass");
	size_t	i;

	for (i = 0; a != NULL && i < a->da_nvals; i++)
		if (strcasecmp(a->da_vals[i], oc) == 0)
			return 1;
	return 0;
}

/* prof_dir_org - the profiled organisation of addr, or NULL and why */
mmhs_dircache_entry_t *
prof_dir_org(struct profiler *pf, const char *addr, char *err, size_t errlen)
{
	mmhs_dircache_entry_t *e;
	char	detail[128];

	if ((e = mmhs_agent_entry_for(&pf->pf_ag, addr, detail,
	    sizeof(detail))) == NULL) {
		snprintf(err, errlen, "5.1.1 <%s>: no such organisation in "
		    "the directory", addr);
		return NULL;
	}
	if (!prof_has_class(e, "mmhsProfiledOrganization")) {
		snprintf(err, errlen, "5.1.1 <%s>: %s is not a profiled "
		    "organisation (no mmhsProfiledOrganization)", addr,
		    e->de_dn);
		mmhs_dircache_entry_free(e);
		return NULL;
	}
	return e;
}

struct prof_collect {
	struct prof_set *pc_set;
	const char *pc_org;		/* normalised */
};

/* prof_dir_parent - the DN after the first RDN ("" for a top entry) */
static const char *
prof_dir_parent(const char *dn)
{
	for (; *dn != '\0'; dn++) {
		if (*dn == '\\' && dn[1] != '\0')
			dn++;
		else if (*dn == ',')
			return dn + 1;
	}
	return dn;
}

/* prof_collect_rule - one mmhsProfileRule entry of the cache */
static int
prof_collect_rule(void *arg, const mmhs_dircache_entry_t *e)
{
	struct prof_collect *c = arg;
	char   *parent = prof_dn_norm(prof_dir_parent(e->de_dn));

	if (strcmp(parent, c->pc_org) == 0)
		prof_set_add(c->pc_set, e);
	mmhs_free(parent);
	return 0;
}

/* prof_dir_set - the organisation's rules in force */
void
prof_dir_set(struct profiler *pf, const mmhs_dircache_entry_t *org,
	struct prof_set *ps)
{
	struct prof_collect c;
	char   *norm = prof_dn_norm(org->de_dn);

	prof_set_init(ps, org);
	c.pc_set = ps;
	c.pc_org = norm;
	if (ps->ps_name != NULL)
		(void) mmhs_dircache_find(pf->pf_ag.ag_cache, "objectClass",
		    "mmhsProfileRule", prof_collect_rule, &c);
	prof_set_done(ps);
	mmhs_free(norm);
}

/* prof_facts_orig - keep s (now ours) as an originator form */
static void
prof_facts_orig(struct prof_facts *f, char *s)
{
	if (f->pf_msg.pm_norig >= PROF_MAX_ORIG) {
		mmhs_free(s);
		return;
	}
	f->pf_own[f->pf_nown++] = s;
	f->pf_orig[f->pf_msg.pm_norig++] = s;
}

/* prof_orig_stdor - the std-or form of an RFC 2156 local part, or NULL */
static char *
prof_orig_stdor(const char *addr)
{
	struct mmhs_oraddr oa;
	char	local[MMHS_ORADDR_STRLEN], buf[MMHS_ORADDR_STRLEN];
	const char *at = strrchr(addr, '@');
	size_t	n;

	if (at == NULL)
		return NULL;
	n = (size_t) (at - addr);
	if (n >= 2 && addr[0] == '"' && addr[n - 1] == '"') {
		addr++;
		n -= 2;
	}
	if (n == 0 || n >= sizeof(local) || addr[0] != '/')
		return NULL;
	memcpy(local, addr, n);
	local[n] = '\0';
	if (mmhs_oraddr_parse(local, 0, &oa, NULL, 0) < 0 ||
	    mmhs_oraddr_format(&oa, buf, sizeof(buf)) < 0)
		return NULL;
	return mmhs_strdup(buf);
}

/* prof_facts_originator - the From: address and its O/R forms */
static void
prof_facts_originator(struct profiler *pf, const char *from,
	struct prof_facts *f)
{
	const mmhs_dircache_attr_t *a;
	mmhs_dircache_entry_t *e;
	char   *s;
	size_t	i;

	if (from == NULL || *from == '\0')
		return;
	prof_facts_orig(f, mmhs_strdup(from));
	if ((s = prof_orig_stdor(from)) != NULL)
		prof_facts_orig(f, s);
	if ((e = mmhs_agent_entry_for(&pf->pf_ag, from, NULL, 0)) == NULL)
		return;
	a = mmhs_dircache_attr(e, "mhs-or-addresses");
	for (i = 0; a != NULL && i < a->da_nvals; i++)
		prof_facts_orig(f, mmhs_strdup(a->da_vals[i]));
	mmhs_dircache_entry_free(e);
}

/* prof_site_policy - the policy OID of our site's domain ceiling */
static char *
prof_site_policy(struct profiler *pf)
{
	mmhs_dircache_entry_t *self = mmhs_agent_self(&pf->pf_ag), *site;
	const char *v;
	char   *oid = NULL;

	if (self == NULL)
		return NULL;
	if ((v = mmhs_dircache_value(self, "mmhsSite")) != NULL &&
	    (site = mmhs_dircache_by_dn(pf->pf_ag.ag_cache, v)) != NULL) {
		if ((v = mmhs_dircache_value(site, "mmhsDomainCeiling")) !=
		    NULL)
			oid = mmhs_strndup(v, strcspn(v, "$"));
		mmhs_dircache_entry_free(site);
	}
	mmhs_dircache_entry_free(self);
	return oid;
}

/* prof_facts_class - the classification NAME of the message's label */
static void
prof_facts_class(struct profiler *pf, const struct mmhs_summary *su,
	struct prof_facts *f)
{
	const char *marking = su->su_mmhs.mm_label.sl_marking;
	const struct mmhs_label_class *lc;
	struct mmhs_policy *p;
	struct mmhs_label lb;
	char   *oid, err[256];

	f->pf_msg.pm_class = su->su_class;	/* as the summary says it */
	if (marking == NULL)
		return;
	oid = su->su_policy != NULL ? mmhs_strdup(su->su_policy) :
	    prof_site_policy(pf);
	if (oid == NULL)
		return;
	p = mmhs_malloc(sizeof(*p));
	if (mmhs_agent_policy(&pf->pf_ag, oid, p, err, sizeof(err)) == 0 &&
	    mmhs_label_from_marking(p, marking, &lb, err, sizeof(err)) == 0 &&
	    (lc = mmhs_policy_class_level(p, lb.lb_level)) != NULL) {
		f->pf_own[f->pf_nown++] = mmhs_strdup(lc->lc_name);
		f->pf_msg.pm_class = f->pf_own[f->pf_nown - 1];
	}
	mmhs_free(p);
	mmhs_free(oid);
}

/* prof_dir_facts - what the rules look at in this message */
void
prof_dir_facts(struct profiler *pf, const struct mmhs_summary *su,
	const char *mail_from, struct prof_facts *f)
{
	const struct mmhs_mmhs *mm = &su->su_mmhs;

	memset(f, 0, sizeof(*f));
	f->pf_msg.pm_orig = f->pf_orig;
	f->pf_msg.pm_type = PROF_NO_TYPE;
	f->pf_msg.pm_prec = su->su_prec;
	f->pf_msg.pm_sic = (const char *const *) mm->mm_sics.ml_items;
	f->pf_msg.pm_nsic = mm->mm_sics.ml_count;
	f->pf_msg.pm_subject = su->su_subject;
	f->pf_msg.pm_text = su->su_text;
	f->pf_msg.pm_text_len = su->su_text != NULL ? su->su_text_len : 0;
	if (mm->mm_present & (1u << MMHS_F_MSG_TYPE))
		f->pf_msg.pm_type = (int) mm->mm_type.mt_type;
	prof_facts_originator(pf, su->su_from != NULL ? su->su_from :
	    mail_from, f);
	prof_facts_class(pf, su, f);
}

/* prof_facts_free - the strings the facts own */
void
prof_facts_free(struct prof_facts *f)
{
	size_t	i;

	for (i = 0; i < f->pf_nown; i++)
		mmhs_free(f->pf_own[i]);
	memset(f, 0, sizeof(*f));
}

/* prof_copy_add - one role; 0 added, 1 already there, -1 unresolved */
static int
prof_copy_add(struct profiler *pf, struct prof_decision *d, const char *dn,
	int info)
{
	struct prof_copy *c;
	char   *norm = prof_dn_norm(dn), *mail, *at, why[512];
	size_t	i, n;

	for (i = 0; i < d->pd_ncopy; i++)
		if (strcmp(d->pd_copy[i].pc_dn, norm) == 0) {
			if (!info && d->pd_copy[i].pc_info) {
				/* action wins: drop the "+info" we added */
				c = &d->pd_copy[i];
				at = strrchr(c->pc_addr, '@');
				memmove(at - 5, at, strlen(at) + 1);
				c->pc_info = 0;
			}
			mmhs_free(norm);
			return 1;
		}
	mail = mmhs_agent_mail_of(&pf->pf_ag, dn);
	if (mail == NULL || (at = strrchr(mail, '@')) == NULL ||
	    d->pd_ncopy >= PROF_MAX_ROLES) {
		snprintf(why, sizeof(why), "%s: %s", dn, mail == NULL ?
		    "no entry with a mail address" : at == NULL ?
		    "mail is not an address" : "too many roles");
		prof_list_add(&d->pd_unresolved, why);
		mmhs_free(mail);
		mmhs_free(norm);
		return -1;
	}
	c = &d->pd_copy[d->pd_ncopy++];
	c->pc_dn = norm;
	c->pc_info = info;
	if (!info) {
		c->pc_addr = mail;
		return 0;
	}
	n = strlen(mail) + sizeof("+info");
	c->pc_addr = mmhs_malloc(n);
	snprintf(c->pc_addr, n, "%.*s+info%s", (int) (at - mail), mail, at);
	mmhs_free(mail);
	return 0;
}

/* prof_has_action - some copy is for action */
static int
prof_has_action(const struct prof_decision *d)
{
	size_t	i;

	for (i = 0; i < d->pd_ncopy; i++)
		if (!d->pd_copy[i].pc_info)
			return 1;
	return 0;
}

/* prof_dir_copies - the roles of rule r (NULL: none matched) */
void
prof_dir_copies(struct profiler *pf, const struct prof_set *ps,
	const struct prof_rule *r, struct prof_decision *d)
{
	size_t	i;

	d->pd_org = mmhs_strdup(ps->ps_org);
	d->pd_set = ps->ps_name != NULL ? mmhs_strdup(ps->ps_name) : NULL;
	if (r != NULL) {
		d->pd_rule = mmhs_strdup(r->pr_dn);
		for (i = 0; i < r->pr_action.pl_n; i++)
			(void) prof_copy_add(pf, d, r->pr_action.pl_v[i], 0);
		for (i = 0; i < r->pr_info.pl_n; i++)
			(void) prof_copy_add(pf, d, r->pr_info.pl_v[i], 1);
	}
	if (prof_has_action(d))
		return;
	if (d->pd_why == NULL)
		d->pd_why = mmhs_strdup(r == NULL ? (ps->ps_name == NULL ?
		    "no active rule set" : "no rule matched") :
		    "the rule has no action role that resolves");
	if (ps->ps_default != NULL)
		(void) prof_copy_add(pf, d, ps->ps_default, 0);
}

/* prof_decision_free - what the decision owns */
void
prof_decision_free(struct prof_decision *d)
{
	size_t	i;

	for (i = 0; i < d->pd_ncopy; i++) {
		mmhs_free(d->pd_copy[i].pc_dn);
		mmhs_free(d->pd_copy[i].pc_addr);
	}
	mmhs_free(d->pd_org);
	mmhs_free(d->pd_set);
	mmhs_free(d->pd_rule);
	mmhs_free(d->pd_why);
	prof_list_free(&d->pd_unresolved);
	memset(d, 0, sizeof(*d));
}
