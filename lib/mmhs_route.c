/* mmhs_route.c - the routing algorithm shared by the mhsroute overlay and
 * the agents
 *
 * Purpose: given the routes of a site (mmhsRoute entries, filled into an
 * array of struct mmhs_route by the caller: the overlay from its
 * database, an agent from its LMDB cache), say where a message to a
 * recipient at a precedence goes next, find the route a new route would
 * tie with, and find routing loops between the site's MTAs.
 *
 * Interface: mmhs_route.h.  mmhs_route_table_new() indexes the array:
 * address: and domain: matches in one open-addressing hash table keyed
 * by kind and normalised text, or: matches in an array sorted by
 * specificity, default routes in one chain.  A lookup of a mailbox is
 * then one hash probe for the address and one per label of its domain
 * (longest first); a lookup of an O/R address walks the or: array from
 * the most specific prefix and stops at the first group of equally
 * specific prefixes that matches.  Lookups allocate nothing and only
 * read the table.
 *
 * Error behaviour: nothing here logs, exits or keeps global state,
 * because slapd's threads run it.  Allocation failures return -1 and
 * leave nothing allocated; parse errors return -1 with one line of
 * text, suitable for an LDAP diagnostic message.  Names compare
 * without ASCII case (the directory compares mmhsRouteMatch with
 * caseIgnoreIA5Match), folded by hand so that the locale cannot change
 * a match.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmhs_ascii.h"
#include "mmhs_text.h"
#include "mmhs_route.h"

/* One indexed route: the caller's route and its parsed match. */
struct route_ent {
	const struct mmhs_route *re_route;
	enum mmhs_route_kind re_kind;
	int		 re_spec;
	char		*re_key;	/* normalised, allocated */
	struct mmhs_oraddr *re_or;	/* or: only, allocated */
	size_t		 re_keylen;
	size_t		 re_next;	/* next of the same key: index + 1 */
};

struct mmhs_route_table {
	struct route_ent *rt_ent;
	size_t		 rt_n;
	size_t		*rt_slot;	/* hash slots: chain head index + 1 */
	size_t		 rt_mask;	/* slots - 1, a power of two minus 1 */
	size_t		*rt_or;		/* or: entries, most specific first */
	size_t		 rt_nor;
	size_t		 rt_default;	/* chain of default routes, index + 1 */
};

/* route_prefix - does s begin with the keyword kw (any case)? */
static const char *
route_prefix(const char *s, const char *kw)
{
	while (*kw != '\0') {
		if (mmhs_ascii_lower((unsigned char)*s) != *kw)
			return NULL;
		s++;
		kw++;
	}
	return s;
}

/*
 * route_domain_check - a domain name of a route: labels of letters,
 * digits and '-' (not first or last), 1-63 octets each, 255 in all.
 * Returns the number of labels, or -1 with a message.
 */
static int
route_domain_check(const char *d, size_t len, char *err, size_t errlen)
{
	size_t i, label = 0;
	int labels = 1;
	unsigned char c;

	if (len == 0)
		return mmhs_text_error(err, errlen, "empty domain");
	if (len > MMHS_ROUTE_DOMAIN_MAX)
		return mmhs_text_error(err, errlen,
		    "domain longer than %d characters", MMHS_ROUTE_DOMAIN_MAX);
	for (i = 0; i < len; i++) {
		c = (unsigned char)d[i];
		if (c == '.') {
			if (label == 0)
				return mmhs_text_error(err, errlen,
				    "empty label in domain");
			if (d[i - 1] == '-')
				return mmhs_text_error(err, errlen,
				    "domain label ends with '-'");
			label = 0;
			labels++;
			continue;
		}
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-'))
			return mmhs_text_error(err, errlen,
			    "character '%c' not allowed in a domain",
			    c >= 0x20 && c < 0x7f ? c : '?');
		if (c == '-' && label == 0)
			return mmhs_text_error(err, errlen,
			    "domain label begins with '-'");
		if (++label > 63)
			return mmhs_text_error(err, errlen,
			    "domain label longer than 63 characters");
	}
	if (label == 0)
		return mmhs_text_error(err, errlen, "empty label in domain");
	if (d[len - 1] == '-')
		return mmhs_text_error(err, errlen, "domain label ends with '-'");
	return labels;
}

/* route_atext - RFC 5322 atext: what a dot-atom local part is made of */
static int
route_atext(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c != '\0' &&
	    strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL);
}

/* route_local_check - a dot-atom local part of an address: route */
static int
route_local_check(const char *l, size_t len, char *err, size_t errlen)
{
	size_t i;

	if (len == 0)
		return mmhs_text_error(err, errlen, "empty local part");
	if (len > MMHS_ROUTE_LOCAL_MAX)
		return mmhs_text_error(err, errlen,
		    "local part longer than %d characters",
		    MMHS_ROUTE_LOCAL_MAX);
	for (i = 0; i < len; i++) {
		if (l[i] == '.') {
			if (i == 0 || i == len - 1 || l[i - 1] == '.')
				return mmhs_text_error(err, errlen,
				    "misplaced '.' in local part");
		} else if (!route_atext((unsigned char)l[i]))
			return mmhs_text_error(err, errlen,
			    "character '%c' not allowed in a local part",
			    (unsigned char)l[i] >= 0x20 &&
			    (unsigned char)l[i] < 0x7f ? l[i] : '?');
	}
	return 0;
}

/* route_copy_lower - copy len bytes in lower case and terminate */
static void
route_copy_lower(char *dst, const char *src, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		dst[i] = (char)mmhs_ascii_lower((unsigned char)src[i]);
	dst[len] = '\0';
}

/* mmhs_route_match_parse - parse an mmhsRouteMatch value */
int
mmhs_route_match_parse(const char *match, struct mmhs_route_match *m,
	char *err, size_t errlen)
{
	const char *v, *at;
	char oerr[200];
	int n;

	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if (m == NULL || match == NULL)
		return mmhs_text_error(err, errlen, "no match");
	memset(m, 0, offsetof(struct mmhs_route_match, rm_or));
	m->rm_key[0] = '\0';
	if ((v = route_prefix(match, "default")) != NULL && *v == '\0') {
		m->rm_kind = MMHS_ROUTE_DEFAULT;
		return 0;
	}
	if ((v = route_prefix(match, "address:")) != NULL) {
		at = strrchr(v, '@');
		if (at == NULL)
			return mmhs_text_error(err, errlen,
			    "address: needs LOCAL@DOMAIN");
		if (route_local_check(v, (size_t)(at - v), err, errlen) < 0)
			return -1;
		if (route_domain_check(at + 1, strlen(at + 1), err,
		    errlen) < 0)
			return -1;
		m->rm_kind = MMHS_ROUTE_ADDRESS;
		m->rm_spec = 1;
		route_copy_lower(m->rm_key, v, strlen(v));
		return 0;
	}
	if ((v = route_prefix(match, "domain:")) != NULL) {
		if ((n = route_domain_check(v, strlen(v), err, errlen)) < 0)
			return -1;
		m->rm_kind = MMHS_ROUTE_DOMAIN;
		m->rm_spec = n;
		route_copy_lower(m->rm_key, v, strlen(v));
		return 0;
	}
	if ((v = route_prefix(match, "or:")) != NULL) {
		if (mmhs_oraddr_parse(v, MMHS_ORADDR_PATTERN, &m->rm_or, oerr,
		    sizeof(oerr)) < 0)
			return mmhs_text_error(err, errlen, "or: prefix: %s", oerr);
		if (mmhs_oraddr_format(&m->rm_or, m->rm_key,
		    sizeof(m->rm_key)) < 0)
			return mmhs_text_error(err, errlen, "or: prefix too long");
		m->rm_kind = MMHS_ROUTE_OR;
		m->rm_spec = mmhs_oraddr_specificity(&m->rm_or);
		return 0;
	}
	return mmhs_text_error(err, errlen, "must be address:LOCAL@DOMAIN, "
	    "domain:DOMAIN, or:STD-OR-PREFIX or default");
}

/* mmhs_route_rcpt_parse - parse a mailbox or an O/R address */
int
mmhs_route_rcpt_parse(const char *rcpt, struct mmhs_route_rcpt *r,
	char *err, size_t errlen)
{
	const char *at, *end;
	char oerr[200];
	size_t llen, dlen, i;

	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if (r == NULL || rcpt == NULL)
		return mmhs_text_error(err, errlen, "no recipient");
	r->rr_addr[0] = '\0';
	r->rr_local_len = 0;
	if (rcpt[0] == '/') {
		r->rr_is_or = 1;
		if (mmhs_oraddr_parse(rcpt, 0, &r->rr_or, oerr,
		    sizeof(oerr)) < 0)
			return mmhs_text_error(err, errlen, "O/R address: %s",
			    oerr);
		return 0;
	}
	r->rr_is_or = 0;
	end = rcpt + strlen(rcpt);
	if (rcpt[0] == '<') {
		if (end == rcpt + 1 || end[-1] != '>')
			return mmhs_text_error(err, errlen, "unbalanced '<'");
		rcpt++;
		end--;
	}
	at = NULL;
	for (i = 0; rcpt + i < end; i++)
		if (rcpt[i] == '@')
			at = rcpt + i;
	if (at == NULL)
		return mmhs_text_error(err, errlen,
		    "mailbox needs LOCAL@DOMAIN or an O/R address /C=../");
	llen = (size_t)(at - rcpt);
	dlen = (size_t)(end - at - 1);
	if (dlen > 0 && at[dlen] == '.')
		dlen--;				/* a root '.' is not kept */
	if (llen == 0)
		return mmhs_text_error(err, errlen, "empty local part");
	if (llen > MMHS_ROUTE_LOCAL_MAX)
		return mmhs_text_error(err, errlen,
		    "local part longer than %d characters",
		    MMHS_ROUTE_LOCAL_MAX);
	if (dlen == 0)
		return mmhs_text_error(err, errlen, "empty domain");
	if (dlen > MMHS_ROUTE_DOMAIN_MAX)
		return mmhs_text_error(err, errlen,
		    "domain longer than %d characters", MMHS_ROUTE_DOMAIN_MAX);
	for (i = 0; rcpt + i < at + 1 + dlen; i++)
		if ((unsigned char)rcpt[i] <= ' ' ||
		    (unsigned char)rcpt[i] == 0x7f)
			return mmhs_text_error(err, errlen,
			    "space or control character in mailbox");
	route_copy_lower(r->rr_addr, rcpt, llen + 1 + dlen);
	r->rr_local_len = llen;
	return 0;
}

/* route_hash - FNV-1a over kind and key */
static size_t
route_hash(enum mmhs_route_kind kind, const char *key, size_t len)
{
	uint32_t h = 2166136261u ^ (uint32_t)kind;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)key[i];
		h *= 16777619u;
	}
	return h;
}

/* route_find - chain head (index + 1) of a kind and key, or 0 */
static size_t
route_find(const struct mmhs_route_table *t, enum mmhs_route_kind kind,
	const char *key, size_t len)
{
	size_t i, s;
	const struct route_ent *e;

	if (t->rt_slot == NULL)
		return 0;
	for (i = route_hash(kind, key, len) & t->rt_mask;
	    (s = t->rt_slot[i]) != 0; i = (i + 1) & t->rt_mask) {
		e = &t->rt_ent[s - 1];
		if (e->re_kind == kind && e->re_keylen == len &&
		    memcmp(e->re_key, key, len) == 0)
			return s;
	}
	return 0;
}

/* route_or_cmp_ctx - qsort has no context argument: sort pairs */
struct route_or_sort {
	size_t		 os_idx;
	const struct route_ent *os_ent;
};

/* route_or_cmp - most specific first, then by canonical text, then input
 * order */
static int
route_or_cmp(const void *a, const void *b)
{
	const struct route_or_sort *x = a, *y = b;
	int c;

	if (x->os_ent->re_spec != y->os_ent->re_spec)
		return y->os_ent->re_spec - x->os_ent->re_spec;
	c = strcmp(x->os_ent->re_key, y->os_ent->re_key);
	if (c != 0)
		return c;
	return x->os_idx < y->os_idx ? -1 : x->os_idx > y->os_idx;
}

/* mmhs_route_table_free - free an index (not the caller's routes) */
void
mmhs_route_table_free(struct mmhs_route_table *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->rt_n; i++) {
		free(t->rt_ent[i].re_key);
		free(t->rt_ent[i].re_or);
	}
	free(t->rt_ent);
	free(t->rt_slot);
	free(t->rt_or);
	free(t);
}

/* route_chain_append - append entry i to the chain whose head is *head */
static void
route_chain_append(struct mmhs_route_table *t, size_t *head, size_t i)
{
	size_t s;

	if (*head == 0) {
		*head = i + 1;
		return;
	}
	for (s = *head; t->rt_ent[s - 1].re_next != 0;
	    s = t->rt_ent[s - 1].re_next)
		;
	t->rt_ent[s - 1].re_next = i + 1;
}

/* mmhs_route_table_new - index an array of routes */
int
mmhs_route_table_new(const struct mmhs_route *routes, size_t n,
	struct mmhs_route_table **tp, size_t *nbad)
{
	struct mmhs_route_table *t;
	struct route_or_sort *os = NULL;
	struct mmhs_route_match *m = NULL;
	struct route_ent *e;
	size_t i, j, nslot, nhash = 0, bad = 0, slot;

	*tp = NULL;
	if (nbad != NULL)
		*nbad = 0;
	if ((t = calloc(1, sizeof(*t))) == NULL)
		return -1;
	if ((m = malloc(sizeof(*m))) == NULL)
		goto nomem;
	if (n > 0 && (t->rt_ent = calloc(n, sizeof(*t->rt_ent))) == NULL)
		goto nomem;
	for (i = 0; i < n; i++) {
		e = &t->rt_ent[t->rt_n];
		if (routes[i].rt_match == NULL ||
		    mmhs_route_match_parse(routes[i].rt_match, m, NULL,
		    0) < 0) {
			bad++;
			continue;
		}
		e->re_route = &routes[i];
		e->re_kind = m->rm_kind;
		e->re_spec = m->rm_spec;
		e->re_keylen = strlen(m->rm_key);
		if ((e->re_key = malloc(e->re_keylen + 1)) == NULL)
			goto nomem;
		memcpy(e->re_key, m->rm_key, e->re_keylen + 1);
		if (m->rm_kind == MMHS_ROUTE_OR) {
			if ((e->re_or = malloc(sizeof(*e->re_or))) == NULL) {
				free(e->re_key);
				goto nomem;
			}
			*e->re_or = m->rm_or;
		}
		if (e->re_kind == MMHS_ROUTE_ADDRESS ||
		    e->re_kind == MMHS_ROUTE_DOMAIN)
			nhash++;
		else if (e->re_kind == MMHS_ROUTE_OR)
			t->rt_nor++;
		t->rt_n++;
	}
	for (nslot = 16; nslot < 2 * nhash; nslot *= 2)
		;
	if ((t->rt_slot = calloc(nslot, sizeof(*t->rt_slot))) == NULL)
		goto nomem;
	t->rt_mask = nslot - 1;
	if (t->rt_nor > 0 &&
	    ((t->rt_or = calloc(t->rt_nor, sizeof(*t->rt_or))) == NULL ||
	    (os = calloc(t->rt_nor, sizeof(*os))) == NULL))
		goto nomem;
	for (i = 0, j = 0; i < t->rt_n; i++) {
		e = &t->rt_ent[i];
		switch (e->re_kind) {
		case MMHS_ROUTE_DEFAULT:
			route_chain_append(t, &t->rt_default, i);
			break;
		case MMHS_ROUTE_OR:
			os[j].os_idx = i;
			os[j].os_ent = e;
			j++;
			break;
		default:
			slot = route_find(t, e->re_kind, e->re_key,
			    e->re_keylen);
			if (slot != 0) {
				route_chain_append(t, &slot, i);
				break;
			}
			for (slot = route_hash(e->re_kind, e->re_key,
			    e->re_keylen) & t->rt_mask; t->rt_slot[slot] != 0;
			    slot = (slot + 1) & t->rt_mask)
				;
			t->rt_slot[slot] = i + 1;
			break;
		}
	}
	if (j > 0) {
		qsort(os, j, sizeof(*os), route_or_cmp);
		for (i = 0; i < j; i++)
			t->rt_or[i] = os[i].os_idx;
	}
	free(os);
	free(m);
	if (nbad != NULL)
		*nbad = bad;
	*tp = t;
	return 0;
nomem:
	free(os);
	free(m);
	mmhs_route_table_free(t);
	return -1;
}

/* mmhs_route_table_count - routes in the index */
size_t
mmhs_route_table_count(const struct mmhs_route_table *t)
{
	return t == NULL ? 0 : t->rt_n;
}

/*
 * route_score - how well a route applies at scope for precedence bit:
 * -1 not at all, else 2 for the MTA's own route + 1 when restricted to
 * the precedence.
 */
static int
route_score(const struct mmhs_route *r, const char *scope, unsigned bit)
{
	int score = 0;

	if (r->rt_scope != NULL) {
		if (scope == NULL || strcmp(r->rt_scope, scope) != 0)
			return -1;
		score += 2;
	}
	if (r->rt_prec != 0) {
		if ((r->rt_prec & bit) == 0)
			return -1;
		score += 1;
	}
	return score;
}

/* route_chain_best - the best applicable route of a chain, or NULL */
static const struct mmhs_route *
route_chain_best(const struct mmhs_route_table *t, size_t s,
	const char *scope, unsigned bit)
{
	const struct mmhs_route *best = NULL;
	int score, best_score = -1;

	for (; s != 0; s = t->rt_ent[s - 1].re_next) {
		score = route_score(t->rt_ent[s - 1].re_route, scope, bit);
		if (score > best_score) {
			best_score = score;
			best = t->rt_ent[s - 1].re_route;
		}
	}
	return best;
}

/* mmhs_route_lookup_rcpt - the route for a parsed recipient */
const struct mmhs_route *
mmhs_route_lookup_rcpt(const struct mmhs_route_table *t, const char *scope,
	const struct mmhs_route_rcpt *rcpt, enum mmhs_precedence p)
{
	const struct mmhs_route *r, *best;
	const struct route_ent *e;
	const char *d, *end;
	unsigned bit;
	size_t s, i;
	int spec, score, best_score;

	if (t == NULL || rcpt == NULL || !mmhs_precedence_valid(p))
		return NULL;
	bit = MMHS_ROUTE_PREC(p);
	if (!rcpt->rr_is_or) {
		end = rcpt->rr_addr + strlen(rcpt->rr_addr);
		s = route_find(t, MMHS_ROUTE_ADDRESS, rcpt->rr_addr,
		    (size_t)(end - rcpt->rr_addr));
		if (s != 0 && (r = route_chain_best(t, s, scope, bit)) != NULL)
			return r;
		/* the domain, then each parent domain */
		for (d = rcpt->rr_addr + rcpt->rr_local_len + 1; d < end;) {
			s = route_find(t, MMHS_ROUTE_DOMAIN, d,
			    (size_t)(end - d));
			if (s != 0 &&
			    (r = route_chain_best(t, s, scope, bit)) != NULL)
				return r;
			while (d < end && *d != '.')
				d++;
			if (d < end)
				d++;
		}
	} else {
		best = NULL;
		best_score = -1;
		spec = -1;
		for (i = 0; i < t->rt_nor; i++) {
			e = &t->rt_ent[t->rt_or[i]];
			if (best != NULL && e->re_spec != spec)
				break;	/* a less specific group */
			score = route_score(e->re_route, scope, bit);
			if (score <= best_score)
				continue;
			if (!mmhs_oraddr_prefix_match(e->re_or,
			    &rcpt->rr_or))
				continue;
			best = e->re_route;
			best_score = score;
			spec = e->re_spec;
		}
		if (best != NULL)
			return best;
	}
	return route_chain_best(t, t->rt_default, scope, bit);
}

/* mmhs_route_lookup - the route for a recipient string */
const struct mmhs_route *
mmhs_route_lookup(const struct mmhs_route_table *t, const char *scope,
	const char *rcpt, enum mmhs_precedence p, char *err, size_t errlen)
{
	struct mmhs_route_rcpt r;
	const struct mmhs_route *route;

	if (mmhs_route_rcpt_parse(rcpt, &r, err, errlen) < 0)
		return NULL;
	route = mmhs_route_lookup_rcpt(t, scope, &r, p);
	if (route == NULL) {
		const char *name = mmhs_precedence_name(p);

		mmhs_text_error(err, errlen, "no route for %s at %s", rcpt,
		    name != NULL ? name : "an unknown precedence");
	}
	return route;
}

/* route_same_scope - both site routes, or routes of the same MTA */
static int
route_same_scope(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* mmhs_route_conflict - the route cand would tie with */
const struct mmhs_route *
mmhs_route_conflict(const struct mmhs_route_table *t,
	const struct mmhs_route *cand)
{
	struct mmhs_route_match m;
	const struct mmhs_route *r;
	const struct route_ent *e;
	unsigned pa, pb;
	size_t i;

	if (t == NULL || cand == NULL || cand->rt_match == NULL ||
	    mmhs_route_match_parse(cand->rt_match, &m, NULL, 0) < 0)
		return NULL;
	pa = cand->rt_prec;
	for (i = 0; i < t->rt_n; i++) {
		e = &t->rt_ent[i];
		r = e->re_route;
		if (e->re_kind != m.rm_kind)
			continue;
		if (m.rm_kind == MMHS_ROUTE_OR ?
		    !mmhs_oraddr_equal(e->re_or, &m.rm_or) :
		    strcmp(e->re_key, m.rm_key) != 0)
			continue;
		if (!route_same_scope(r->rt_scope, cand->rt_scope))
			continue;
		if (r->rt_name != NULL && cand->rt_name != NULL &&
		    strcmp(r->rt_name, cand->rt_name) == 0)
			continue;
		/* both for every precedence, or both restricted with a
		 * precedence in common; a restricted route next to an
		 * unrestricted one is the exception it is meant to be */
		pb = r->rt_prec;
		if ((pa == 0 && pb == 0) || (pa & pb) != 0)
			return r;
	}
	return NULL;
}

/* route_mta_index - position of a hop among the MTAs, or nmtas */
static size_t
route_mta_index(const char *hop, const char *const *mtas, size_t nmtas)
{
	size_t i;

	for (i = 0; i < nmtas; i++)
		if (strcmp(hop, mtas[i]) == 0)
			return i;
	return nmtas;
}

/* Scratch space of one loop search, allocated once. */
struct route_loop_work {
	const struct mmhs_route **lw_route;	/* per MTA: its route */
	size_t		*lw_parent;		/* BFS: predecessor + 1 */
	size_t		*lw_queue;
};

/*
 * route_loop_from - is there a path j ->* i?  If so, fill the cycle
 * i -> j -> ... -> i into loop and return 1.
 */
static int
route_loop_from(struct route_loop_work *w, const char *const *mtas,
	size_t nmtas, size_t i, size_t j, struct mmhs_route_loop *loop)
{
	const struct mmhs_route *r;
	size_t head = 0, tail = 0, k, h, x, path[MMHS_ROUTE_LOOP_MAX];
	size_t npath = 0;

	memset(w->lw_parent, 0, nmtas * sizeof(*w->lw_parent));
	w->lw_parent[j] = j + 1;
	w->lw_queue[tail++] = j;
	while (head < tail) {
		k = w->lw_queue[head++];
		if (k == i)
			break;
		if ((r = w->lw_route[k]) == NULL)
			continue;
		for (h = 0; h < r->rt_nhops; h++) {
			x = route_mta_index(r->rt_hops[h], mtas, nmtas);
			if (x == nmtas || w->lw_parent[x] != 0)
				continue;
			w->lw_parent[x] = k + 1;
			w->lw_queue[tail++] = x;
		}
	}
	if (w->lw_parent[i] == 0)
		return 0;
	/* walk back from i to j: the cycle is i, j, ..., i */
	for (k = i; k != j && npath < MMHS_ROUTE_LOOP_MAX; k =
	    w->lw_parent[k] - 1)
		path[npath++] = k;
	loop->rl_len = 0;
	loop->rl_mta[loop->rl_len] = mtas[i];
	loop->rl_route[loop->rl_len++] = w->lw_route[i];
	if (i != j) {
		/* path holds i, ..., (after j) in reverse: j first */
		loop->rl_mta[loop->rl_len] = mtas[j];
		loop->rl_route[loop->rl_len++] = w->lw_route[j];
		while (npath > 1 && loop->rl_len < MMHS_ROUTE_LOOP_MAX) {
			k = path[--npath];
			loop->rl_mta[loop->rl_len] = mtas[k];
			loop->rl_route[loop->rl_len++] = w->lw_route[k];
		}
	}
	return 1;
}

/* route_loop_rcpt - check one representative recipient at every
 * precedence */
static int
route_loop_rcpt(const struct mmhs_route_table *t, struct route_loop_work *w,
	const char *const *mtas, size_t nmtas, const char *only_route,
	const struct mmhs_route_rcpt *rcpt, struct mmhs_route_loop *loop)
{
	const struct mmhs_route *r;
	size_t i, h, j;
	int p;

	for (p = MMHS_PREC_MIN; p <= MMHS_PREC_MAX; p++) {
		for (i = 0; i < nmtas; i++)
			w->lw_route[i] = mmhs_route_lookup_rcpt(t, mtas[i],
			    rcpt, (enum mmhs_precedence)p);
		for (i = 0; i < nmtas; i++) {
			if ((r = w->lw_route[i]) == NULL)
				continue;
			if (only_route != NULL && (r->rt_name == NULL ||
			    strcmp(r->rt_name, only_route) != 0))
				continue;
			for (h = 0; h < r->rt_nhops; h++) {
				j = route_mta_index(r->rt_hops[h], mtas, nmtas);
				if (j == nmtas)
					continue;
				if (route_loop_from(w, mtas, nmtas, i, j,
				    loop)) {
					loop->rl_prec = (enum mmhs_precedence)p;
					return 1;
				}
			}
		}
	}
	return 0;
}

/* mmhs_route_find_loop - a cycle of MTAs forwarding to each other */
int
mmhs_route_find_loop(const struct mmhs_route_table *t,
	const char *const *mtas, size_t nmtas, const char *only_route,
	struct mmhs_route_loop *loop)
{
	struct route_loop_work w;
	struct mmhs_route_rcpt rcpt;
	const struct route_ent *e, *prev;
	size_t i, s, len;
	int rc = 0;

	if (t == NULL || nmtas == 0)
		return 0;
	w.lw_route = calloc(nmtas, sizeof(*w.lw_route));
	w.lw_parent = calloc(nmtas, sizeof(*w.lw_parent));
	w.lw_queue = calloc(nmtas, sizeof(*w.lw_queue));
	if (w.lw_route == NULL || w.lw_parent == NULL || w.lw_queue == NULL) {
		rc = -1;
		goto done;
	}
	/* mailboxes: each address: match, each domain: match, default */
	for (i = 0; i < t->rt_n && rc == 0; i++) {
		e = &t->rt_ent[i];
		if (e->re_kind != MMHS_ROUTE_ADDRESS &&
		    e->re_kind != MMHS_ROUTE_DOMAIN)
			continue;
		s = route_find(t, e->re_kind, e->re_key,
		    e->re_keylen);
		if (s != i + 1)
			continue;	/* not the head: key already done */
		rcpt.rr_is_or = 0;
		if (e->re_kind == MMHS_ROUTE_ADDRESS) {
			memcpy(rcpt.rr_addr, e->re_key, e->re_keylen + 1);
			rcpt.rr_local_len = (size_t)(strrchr(rcpt.rr_addr,
			    '@') - rcpt.rr_addr);
			snprintf(loop->rl_rcpt, sizeof(loop->rl_rcpt), "%s",
			    e->re_key);
		} else {
			/* an empty local part: no address: match has one */
			rcpt.rr_addr[0] = '@';
			memcpy(rcpt.rr_addr + 1, e->re_key,
			    e->re_keylen + 1);
			rcpt.rr_local_len = 0;
			snprintf(loop->rl_rcpt, sizeof(loop->rl_rcpt), "*@%s",
			    e->re_key);
		}
		rc = route_loop_rcpt(t, &w, mtas, nmtas, only_route, &rcpt,
		    loop);
	}
	/* O/R addresses: each distinct prefix */
	for (i = 0, prev = NULL; i < t->rt_nor && rc == 0; i++) {
		e = &t->rt_ent[t->rt_or[i]];
		if (prev != NULL && strcmp(prev->re_key,
		    e->re_key) == 0)
			continue;
		prev = e;
		rcpt.rr_is_or = 1;
		rcpt.rr_or = *e->re_or;
		len = strlen(e->re_key);
		snprintf(loop->rl_rcpt, sizeof(loop->rl_rcpt), "or:%.*s",
		    (int)len, e->re_key);
		rc = route_loop_rcpt(t, &w, mtas, nmtas, only_route, &rcpt,
		    loop);
	}
	if (rc == 0) {
		rcpt.rr_is_or = 0;
		strcpy(rcpt.rr_addr, "@");
		rcpt.rr_local_len = 0;
		snprintf(loop->rl_rcpt, sizeof(loop->rl_rcpt),
		    "any other address");
		rc = route_loop_rcpt(t, &w, mtas, nmtas, only_route, &rcpt,
		    loop);
	}
done:
	free(w.lw_route);
	free(w.lw_parent);
	free(w.lw_queue);
	return rc;
}

/* mmhs_route_loop_format - "A -> B -> A" */
char *
mmhs_route_loop_format(const struct mmhs_route_loop *loop, char *buf,
	size_t len)
{
	size_t i, used = 0;
	int n;

	if (len == 0)
		return buf;
	buf[0] = '\0';
	for (i = 0; i <= loop->rl_len && i <= MMHS_ROUTE_LOOP_MAX; i++) {
		n = snprintf(buf + used, len - used, "%s%s", i ? " -> " : "",
		    loop->rl_mta[i < loop->rl_len ? i : 0]);
		if (n < 0 || (size_t)n >= len - used)
			break;
		used += (size_t)n;
	}
	return buf;
}
