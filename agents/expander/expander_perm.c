/* expander_perm.c - may this originator submit to this list?
 *
 * The decision is lib/mmhs_dl's mmhs_dl_submit_allowed(), the code the
 * mhsdl overlay's submit-permission operation runs inside slapd; this
 * file gathers its inputs from the agent's directory cache the way the
 * overlay gathers them from the database (slapd-overlays/mhsdl.c,
 * mhsdl_sub_originator, mhsdl_sub_member, mhsdl_sub_walk), so that the
 * agent and the overlay answer alike:
 *
 *   originator  an O/R name ("/../", "/../ <dn>", "<dn>"): its address
 *               first, its DN (or the entry that has the address); an
 *               RFC 5322 address: the entry whose mail it is; else a
 *               DN.  The O/R addresses of the originator's entry follow
 *               (at most EXP_PERM_ADDRS), and the permission values are
 *               tried with each address in turn until one grants.
 *   member-of-dl     the list (by DN, or the list whose
 *               mhs-or-addresses is the name's address) is walked
 *               through nested lists of any site and policy, each list
 *               once, to max_depth: a member DN equal to the
 *               originator's, or a member entry / mhs-dl-members
 *               address with the originator's address, grants.
 *   member-of-group  the group's member or uniqueMember holds the
 *               originator's DN.
 *
 * DNs are compared by expander_dn_key().  Returns as expander.h says.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "mmhs_alloc.h"
#include "expander.h"

#define EXP_PERM_ADDRS	8	/* the overlay's MHSDL_MAX_ORIG_ADDRS */

/* State of one decision. */
struct perm {
	mmhs_dircache_t *p_cache;
	int	p_max_depth;
	char  **p_seen;			/* list keys walked (one query) */
	size_t	p_nseen, p_capseen;
};

/* perm_seen - note a list key; 1 when new */
static int
perm_seen(struct perm *p, const char *key)
{
	size_t	i;

	for (i = 0; i < p->p_nseen; i++)
		if (strcmp(p->p_seen[i], key) == 0)
			return 0;
	if (p->p_nseen == p->p_capseen) {
		p->p_capseen = p->p_capseen ? p->p_capseen * 2 : 16;
		p->p_seen = mmhs_realloc(p->p_seen,
		    p->p_capseen * sizeof(char *));
	}
	p->p_seen[p->p_nseen++] = mmhs_strdup(key);
	return 1;
}

/* perm_seen_clear - forget the lists walked */
static void
perm_seen_clear(struct perm *p)
{
	while (p->p_nseen > 0)
		mmhs_free(p->p_seen[--p->p_nseen]);
}

/* perm_has_addr - has entry e the O/R address addr? */
static int
perm_has_addr(const mmhs_dircache_entry_t *e, const struct mmhs_oraddr *addr)
{
	const mmhs_dircache_attr_t *a;
	struct mmhs_oraddr ea;
	size_t	i;

	a = mmhs_dircache_attr(e, "mhs-or-addresses");
	for (i = 0; a != NULL && i < a->da_nvals; i++)
		if (mmhs_oraddr_parse(a->da_vals[i], 0, &ea, NULL, 0) == 0 &&
		    mmhs_oraddr_equal(&ea, addr))
			return 1;
	return 0;
}

/* perm_dn_is - does dn name the originator (okey: its DN key)? */
static int
perm_dn_is(const char *dn, size_t len, const char *okey)
{
	char   *s, *k;
	int	r;

	if (okey == NULL)
		return 0;
	s = mmhs_strndup(dn, len);
	k = expander_dn_key(s);
	r = strcmp(k, okey) == 0;
	mmhs_free(k);
	mmhs_free(s);
	return r;
}

static int perm_walk(struct perm *p, const char *dn,
	const struct mmhs_dl_originator *o, const char *okey, int depth);

/* perm_walk_member - one mmhsMember value of a walked list */
static int
perm_walk_member(struct perm *p, const char *dn,
	const struct mmhs_dl_originator *o, const char *okey, int depth)
{
	mmhs_dircache_entry_t *m;
	int	found = 0;

	if (perm_dn_is(dn, strlen(dn), okey))
		return 1;
	if ((m = mmhs_dircache_by_dn(p->p_cache, dn)) == NULL)
		return 0;
	if (expander_is_list(m))
		found = perm_walk(p, m->de_dn, o, okey, depth + 1);
	else if (o->do_addr != NULL)
		found = perm_has_addr(m, o->do_addr);
	mmhs_dircache_entry_free(m);
	return found;
}

/* perm_walk - is the originator a member of list dn, transitively? */
static int
perm_walk(struct perm *p, const char *dn, const struct mmhs_dl_originator *o,
	const char *okey, int depth)
{
	const mmhs_dircache_attr_t *a;
	mmhs_dircache_entry_t *l;
	struct mmhs_orname name;
	char   *key, *mdn;
	size_t	i;
	int	found = 0;

	key = expander_dn_key(dn);
	if (depth >= p->p_max_depth || !perm_seen(p, key)) {
		mmhs_free(key);
		return 0;
	}
	mmhs_free(key);
	if ((l = mmhs_dircache_by_dn(p->p_cache, dn)) == NULL)
		return 0;
	a = mmhs_dircache_attr(l, "mmhsMember");
	for (i = 0; a != NULL && i < a->da_nvals && !found; i++)
		found = perm_walk_member(p, a->da_vals[i], o, okey, depth);
	a = mmhs_dircache_attr(l, "mhs-dl-members");
	for (i = 0; a != NULL && i < a->da_nvals && !found; i++) {
		if (mmhs_orname_parse(a->da_vals[i], 0, &name, NULL, 0) < 0)
			continue;
		/* an X.400 member counts by its address only; a DN-only
		 * value is a directory member, walked if it is a list */
		if (name.on_has_addr) {
			found = o->do_addr != NULL &&
			    mmhs_oraddr_equal(&name.on_addr, o->do_addr);
			continue;
		}
		if (perm_dn_is(name.on_dn, name.on_dnlen, okey)) {
			found = 1;
			break;
		}
		mdn = mmhs_strndup(name.on_dn, name.on_dnlen);
		found = perm_walk(p, mdn, o, okey, depth + 1);
		mmhs_free(mdn);
	}
	mmhs_dircache_entry_free(l);
	return found;
}

/* perm_group - is the originator's DN a member of group dn? */
static int
perm_group(struct perm *p, const char *dn, const char *okey)
{
	static const char *const attrs[] = { "member", "uniqueMember" };
	const mmhs_dircache_attr_t *a;
	mmhs_dircache_entry_t *g;
	size_t	i, j;
	int	found = 0;

	if (okey == NULL || (g = mmhs_dircache_by_dn(p->p_cache, dn)) == NULL)
		return 0;
	for (j = 0; j < 2 && !found; j++) {
		a = mmhs_dircache_attr(g, attrs[j]);
		for (i = 0; a != NULL && i < a->da_nvals && !found; i++)
			found = perm_dn_is(a->da_vals[i], a->da_lens[i], okey);
	}
	mmhs_dircache_entry_free(g);
	return found;
}

/* perm_member - membership callback of mmhs_dl_submit_allowed() */
static int
perm_member(void *arg, enum mmhs_dl_perm_kind kind,
	const struct mmhs_orname *name, const struct mmhs_dl_originator *o,
	char *err, size_t errlen)
{
	struct perm *p = arg;
	char	abuf[MMHS_ORADDR_STRLEN], *dn, *okey = NULL;
	int	n, found;

	if (name->on_dn != NULL) {
		dn = mmhs_strndup(name->on_dn, name->on_dnlen);
	} else {
		n = mmhs_oraddr_format(&name->on_addr, abuf, sizeof(abuf));
		if (n < 0 || (dn = expander_dir_find(p->p_cache,
		    "mhs-or-addresses", abuf, 1)) == NULL)
			return 0;	/* no such list here: not a member */
	}
	if (o->do_dn != NULL)
		okey = mmhs_strndup(o->do_dn, o->do_dnlen);
	if (kind == MMHS_DL_PERM_MEMBER_OF_GROUP) {
		found = perm_group(p, dn, okey);
	} else {
		found = perm_walk(p, dn, o, okey, 0);
		perm_seen_clear(p);
	}
	mmhs_free(okey);
	mmhs_free(dn);
	(void)err;
	(void)errlen;
	return found;
}

/*
 * perm_originator - the originator's DN key (*okey, NULL when unknown)
 * and O/R addresses; 0, or -1 and err for a malformed originator
 */
static int
perm_originator(struct perm *p, const char *orig, char **okey,
	struct mmhs_oraddr *addrs, int *naddr, char *err, size_t errlen)
{
	const mmhs_dircache_attr_t *a;
	mmhs_dircache_entry_t *e;
	struct mmhs_orname name;
	char	abuf[MMHS_ORADDR_STRLEN], *dn = NULL;
	size_t	i;
	int	n;

	*okey = NULL;
	*naddr = 0;
	if (orig[0] == '/' || orig[0] == '<') {
		if (mmhs_orname_parse(orig, 0, &name, err, errlen) < 0)
			return -1;
		if (name.on_has_addr)
			addrs[(*naddr)++] = name.on_addr;
		if (name.on_dn != NULL)
			dn = mmhs_strndup(name.on_dn, name.on_dnlen);
		else if ((n = mmhs_oraddr_format(&name.on_addr, abuf,
		    sizeof(abuf))) > 0)
			dn = expander_dir_find(p->p_cache, "mhs-or-addresses",
			    abuf, 0);
	} else if (strchr(orig, '@') != NULL && strchr(orig, '=') == NULL) {
		dn = expander_dir_find(p->p_cache, "mail", orig, 0);
	} else if (strchr(orig, '=') != NULL) {
		dn = mmhs_strdup(orig);
	} else {
		snprintf(err, errlen, "originator \"%s\" is not an O/R name, "
		    "a DN or an RFC 5322 address", orig);
		return -1;
	}
	if (dn == NULL)
		return 0;
	*okey = expander_dn_key(dn);
	if ((e = mmhs_dircache_by_dn(p->p_cache, dn)) != NULL) {
		/* the key of the entry as stored, as slapd normalises it */
		mmhs_free(*okey);
		*okey = expander_dn_key(e->de_dn);
		a = mmhs_dircache_attr(e, "mhs-or-addresses");
		for (i = 0; a != NULL && i < a->da_nvals &&
		    *naddr < EXP_PERM_ADDRS; i++)
			if (mmhs_oraddr_parse(a->da_vals[i], 0, &addrs[*naddr],
			    NULL, 0) == 0)
				(*naddr)++;
		mmhs_dircache_entry_free(e);
	}
	mmhs_free(dn);
	return 0;
}

/* expander_perm - may orig submit to list? */
int
expander_perm(mmhs_dircache_t *c, const mmhs_dircache_entry_t *list,
	const char *orig, int max_depth, char *why, size_t whylen)
{
	struct mmhs_oraddr addrs[EXP_PERM_ADDRS];
	struct mmhs_dl_originator o;
	const mmhs_dircache_attr_t *a;
	struct perm p;
	char	err[512], *okey;
	int	naddr, i, allowed;

	memset(&p, 0, sizeof(p));
	p.p_cache = c;
	p.p_max_depth = max_depth;
	if (perm_originator(&p, orig, &okey, addrs, &naddr, err,
	    sizeof(err)) < 0) {
		snprintf(why, whylen, "originator \"%s\": %s", orig, err);
		return -1;
	}
	a = mmhs_dircache_attr(list, "mhs-dl-submit-permissions");
	o.do_dn = okey;
	o.do_dnlen = okey != NULL ? strlen(okey) : 0;
	i = 0;
	do {
		o.do_addr = naddr > 0 ? &addrs[i] : NULL;
		allowed = mmhs_dl_submit_allowed(a != NULL ?
		    (const char *const *)a->da_vals : NULL,
		    a != NULL ? a->da_nvals : 0, &o, perm_member, &p, err,
		    sizeof(err));
	} while (allowed == 0 && ++i < naddr);
	if (allowed < 0)
		snprintf(why, whylen, "%s: %s", list->de_dn, err);
	else
		snprintf(why, whylen, "originator \"%s\" %s %s: %s", orig,
		    allowed ? "may submit to" : "may not submit to",
		    list->de_dn, err);
	perm_seen_clear(&p);
	mmhs_free(p.p_seen);
	mmhs_free(okey);
	return allowed;
}
