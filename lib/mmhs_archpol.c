/* mmhs_archpol.c - archive policies from the directory cache
 *
 * Purpose: the table of mmhs_archpol.h.  Every mmhsArchivePolicy entry
 * becomes one struct mmhs_archpol; every address of every subject of it
 * one key in an array sorted by key, so that mmhs_archpol_cover() is a
 * binary search: a message with many recipients costs one search each.
 *
 * Keys: "m:" and the address in lower case without "+detail" for mail
 * values; "o:" and the canonical O/R form in lower case for
 * mhs-or-addresses.  An address that does not parse as either (a bad
 * directory value, a recipient with no '@') gets no key and matches
 * nothing.
 *
 * Error behaviour: allocation exits (mmhs_alloc); the only failure is a
 * cache that cannot be searched by objectClass.  Nothing here logs.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ldap.h>

#include "mmhs_alloc.h"
#include "mmhs_archpol.h"
#include "mmhs_oraddr.h"

struct archpol_key {
	char	*k_key;
	size_t	k_pol;
};

struct mmhs_archpol_table {
	struct mmhs_archpol *t_pol;
	size_t	t_npol, t_polcap;
	struct archpol_key *t_keys;
	size_t	t_nkeys, t_keycap;
};

struct archpol_walk {
	struct mmhs_archpol_table *w_t;
	mmhs_dircache_t *w_cache;
	size_t	w_missing;
};

/* mmhs_archpol_dn_norm - a DN that compares with strcmp */
char *
mmhs_archpol_dn_norm(const char *dn)
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
		*p = (char)tolower((unsigned char)*p);
	return r;
}

/* archpol_key_of - the key of an address, or NULL (caller frees) */
static char *
archpol_key_of(const char *addr)
{
	struct mmhs_oraddr oa;
	char	buf[MMHS_ORADDR_STRLEN], *k, *p;
	const char *at, *plus;
	size_t	llen;

	if (addr[0] == '/') {
		if (mmhs_oraddr_parse(addr, 0, &oa, NULL, 0) < 0 ||
		    mmhs_oraddr_format(&oa, buf, sizeof(buf)) < 0)
			return NULL;
		k = mmhs_malloc(strlen(buf) + 3);
		snprintf(k, strlen(buf) + 3, "o:%s", buf);
	} else {
		if ((at = strrchr(addr, '@')) == NULL || at == addr)
			return NULL;
		llen = (size_t)(at - addr);
		plus = memchr(addr, '+', llen);
		if (plus != NULL && plus != addr)
			llen = (size_t)(plus - addr);
		k = mmhs_malloc(2 + llen + strlen(at) + 1);
		memcpy(k, "m:", 2);
		memcpy(k + 2, addr, llen);
		strcpy(k + 2 + llen, at);
	}
	for (p = k; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	return k;
}

/* archpol_add_key - one address of a subject of policy pol */
static void
archpol_add_key(struct mmhs_archpol_table *t, const char *addr, size_t pol)
{
	char	*k;

	if ((k = archpol_key_of(addr)) == NULL)
		return;
	if (t->t_nkeys == t->t_keycap) {
		t->t_keycap = t->t_keycap ? 2 * t->t_keycap : 64;
		t->t_keys = mmhs_realloc(t->t_keys, t->t_keycap *
		    sizeof(*t->t_keys));
	}
	t->t_keys[t->t_nkeys].k_key = k;
	t->t_keys[t->t_nkeys++].k_pol = pol;
}

/* archpol_subject - the addresses of one subject entry */
static void
archpol_subject(struct archpol_walk *w, const char *dn, size_t pol)
{
	static const char *const attrs[] = { "mail", "mhs-or-addresses" };
	const mmhs_dircache_attr_t *a;
	mmhs_dircache_entry_t *e;
	size_t	i, j;

	if ((e = mmhs_dircache_by_dn(w->w_cache, dn)) == NULL) {
		w->w_missing++;
		return;
	}
	for (i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++)
		if ((a = mmhs_dircache_attr(e, attrs[i])) != NULL)
			for (j = 0; j < a->da_nvals; j++)
				archpol_add_key(w->w_t, a->da_vals[j], pol);
	mmhs_dircache_entry_free(e);
}

/* archpol_add - one mmhsArchivePolicy entry */
static int
archpol_add(void *arg, const mmhs_dircache_entry_t *e)
{
	struct archpol_walk *w = arg;
	struct mmhs_archpol_table *t = w->w_t;
	const mmhs_dircache_attr_t *a;
	struct mmhs_archpol *p;
	const char *v;
	char	*end;
	size_t	i;

	if ((v = mmhs_dircache_value(e, "mmhsArchive")) == NULL)
		return 0;
	if (t->t_npol == t->t_polcap) {
		t->t_polcap = t->t_polcap ? 2 * t->t_polcap : 8;
		t->t_pol = mmhs_realloc(t->t_pol, t->t_polcap *
		    sizeof(*t->t_pol));
	}
	p = &t->t_pol[t->t_npol];
	p->ap_dn = mmhs_archpol_dn_norm(e->de_dn);
	p->ap_archive = mmhs_archpol_dn_norm(v);
	p->ap_days = -1;
	if ((v = mmhs_dircache_value(e, "mmhsRetentionDays")) != NULL) {
		p->ap_days = strtol(v, &end, 10);
		if (*end != '\0' || p->ap_days < 0)
			p->ap_days = -1;
	}
	if ((a = mmhs_dircache_attr(e, "mmhsArchiveSubject")) != NULL)
		for (i = 0; i < a->da_nvals; i++)
			archpol_subject(w, a->da_vals[i], t->t_npol);
	t->t_npol++;
	return 0;
}

static int
archpol_key_cmp(const void *a, const void *b)
{
	const struct archpol_key *ka = a, *kb = b;
	int	c = strcmp(ka->k_key, kb->k_key);

	if (c != 0)
		return c;
	return ka->k_pol < kb->k_pol ? -1 : ka->k_pol > kb->k_pol;
}

struct archpol_rank {
	const char *r_dn;
	size_t	r_old;
};

static int
archpol_rank_cmp(const void *a, const void *b)
{
	return strcmp(((const struct archpol_rank *)a)->r_dn,
	    ((const struct archpol_rank *)b)->r_dn);
}

/* archpol_sort - policies in DN order (a stable output for the
 * records), the keys renumbered to match */
static void
archpol_sort(struct mmhs_archpol_table *t)
{
	struct mmhs_archpol *sorted;
	struct archpol_rank *order;
	size_t	*rank, i;

	if (t->t_npol < 2)
		return;
	order = mmhs_calloc(t->t_npol, sizeof(*order));
	rank = mmhs_calloc(t->t_npol, sizeof(*rank));
	sorted = mmhs_calloc(t->t_npol, sizeof(*sorted));
	for (i = 0; i < t->t_npol; i++) {
		order[i].r_dn = t->t_pol[i].ap_dn;
		order[i].r_old = i;
	}
	qsort(order, t->t_npol, sizeof(*order), archpol_rank_cmp);
	for (i = 0; i < t->t_npol; i++) {
		sorted[i] = t->t_pol[order[i].r_old];
		rank[order[i].r_old] = i;
	}
	for (i = 0; i < t->t_nkeys; i++)
		t->t_keys[i].k_pol = rank[t->t_keys[i].k_pol];
	mmhs_free(t->t_pol);
	t->t_pol = sorted;
	t->t_polcap = t->t_npol;
	mmhs_free(order);
	mmhs_free(rank);
}

/* mmhs_archpol_build - the table of the cache as it is now */
struct mmhs_archpol_table *
mmhs_archpol_build(mmhs_dircache_t *c, size_t *nmissing, char *err,
	size_t errlen)
{
	struct mmhs_archpol_table *t = mmhs_calloc(1, sizeof(*t));
	struct archpol_walk w = { t, c, 0 };

	if (mmhs_dircache_find(c, "objectClass", "mmhsArchivePolicy",
	    archpol_add, &w) < 0) {
		snprintf(err, errlen, "the cache cannot be searched by "
		    "objectClass");
		mmhs_archpol_free(t);
		return NULL;
	}
	archpol_sort(t);
	qsort(t->t_keys, t->t_nkeys, sizeof(*t->t_keys), archpol_key_cmp);
	if (nmissing != NULL)
		*nmissing = w.w_missing;
	return t;
}

/* mmhs_archpol_free - the table and everything in it */
void
mmhs_archpol_free(struct mmhs_archpol_table *t)
{
	size_t	i;

	if (t == NULL)
		return;
	for (i = 0; i < t->t_npol; i++) {
		mmhs_free(t->t_pol[i].ap_dn);
		mmhs_free(t->t_pol[i].ap_archive);
	}
	for (i = 0; i < t->t_nkeys; i++)
		mmhs_free(t->t_keys[i].k_key);
	mmhs_free(t->t_pol);
	mmhs_free(t->t_keys);
	mmhs_free(t);
}

size_t
mmhs_archpol_count(const struct mmhs_archpol_table *t)
{
	return t->t_npol;
}

const struct mmhs_archpol *
mmhs_archpol_get(const struct mmhs_archpol_table *t, size_t i)
{
	return i < t->t_npol ? &t->t_pol[i] : NULL;
}

/* mmhs_archpol_find - the index of a policy DN, or -1 */
long
mmhs_archpol_find(const struct mmhs_archpol_table *t, const char *dn)
{
	char	*n = mmhs_archpol_dn_norm(dn);
	long	found = -1;
	size_t	i;

	for (i = 0; i < t->t_npol && found < 0; i++)
		if (strcmp(t->t_pol[i].ap_dn, n) == 0)
			found = (long)i;
	mmhs_free(n);
	return found;
}

/* mmhs_archpol_cover - mark the policies that cover addr */
size_t
mmhs_archpol_cover(const struct mmhs_archpol_table *t, const char *addr,
	unsigned char *hit)
{
	char	*k = archpol_key_of(addr);
	size_t	lo = 0, hi = t->t_nkeys, mid, n = 0;

	if (k == NULL)
		return 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(t->t_keys[mid].k_key, k) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < t->t_nkeys && strcmp(t->t_keys[lo].k_key, k) == 0; lo++) {
		hit[t->t_keys[lo].k_pol] = 1;
		n++;
	}
	mmhs_free(k);
	return n;
}
