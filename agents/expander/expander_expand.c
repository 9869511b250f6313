/* expander_expand.c - the expansion of one distribution list
 *
 * expander_expand() walks the member graph from one list through a
 * lookup interface (expander.h: the directory cache in the agent, a
 * storage-only cache in the unit tests) and produces the final
 * recipients.  It follows the mhsdl overlay's semantics for
 * mmhsExpandedRecipient (doc/slapo-mhsdl.5), so that the agent and the
 * overlay compute the same set:
 *
 *   - members in order: mmhsMember, mmhsExternalMember, mhs-dl-members;
 *   - each entry once (by DN key) and each address once (by kind and
 *     address, ASCII case ignored): a list nested twice (a diamond)
 *     gives its members once;
 *   - an entry's address is its first mail, else its first
 *     mhs-or-addresses; a DN without entry or an entry without address
 *     is a recipient of kind none (the owner is told);
 *   - a nested list whose mmhsSite is another site is not expanded
 *     but sent to (flag remote); the nested lists of a list whose
 *     mhs-dl-policy says further-dl-expansion-allowed=FALSE are not
 *     expanded either (flag list).
 *
 * Where the overlay cuts a nesting deeper than its maximum and drops
 * recipients beyond its maximum, the agent refuses the expansion with
 * the reason (EXP_TOO_DEEP naming the chain, EXP_TOO_MANY): a message
 * must reach all of a list or none of it.
 *
 * No I/O, no logging; memory from lib/mmhs_alloc (exits on OOM).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "mmhs_alloc.h"
#include "expander.h"

/* Strings that live as long as an expansion or its result: carved out
 * of large chunks, freed all at once (one malloc per chunk, not two
 * per member). */
struct xp_chunk {
	struct xp_chunk *c_next;
	size_t	c_used, c_size;
	char	c_data[];
};

#define XP_CHUNK	(64 * 1024)

/* xp_strdup - a copy of n octets at s (NUL added) in the arena *a */
static char *
xp_strdup(struct xp_chunk **a, const char *s, size_t n)
{
	struct xp_chunk *c = *a;
	char   *p;

	if (c == NULL || c->c_used + n + 1 > c->c_size) {
		c = mmhs_malloc(sizeof(*c) + (n + 1 > XP_CHUNK ? n + 1 :
		    XP_CHUNK));
		c->c_size = n + 1 > XP_CHUNK ? n + 1 : XP_CHUNK;
		c->c_used = 0;
		c->c_next = *a;
		*a = c;
	}
	p = c->c_data + c->c_used;
	memcpy(p, s, n);
	p[n] = '\0';
	c->c_used += n + 1;
	return p;
}

/* xp_arena_free - every chunk */
static void
xp_arena_free(struct xp_chunk *c)
{
	struct xp_chunk *next;

	for (; c != NULL; c = next) {
		next = c->c_next;
		mmhs_free(c);
	}
}

/* A set of strings (open addressing, FNV-1a, the hash kept beside). */
struct xp_slot {
	const char *k;
	size_t	h;
};

struct xp_set {
	struct xp_slot *s_slot;
	size_t	s_size, s_count;	/* size: power of two */
	struct xp_chunk *s_arena;	/* the keys */
};

/* One expansion. */
struct xp {
	const struct exp_lookup *x_lk;
	const char *x_site;
	int	x_max_depth;
	size_t	x_max_rcpts;
	struct xp_set x_seen;		/* entry keys met */
	struct xp_set x_addrs;		/* "kind:address" delivered */
	const char **x_path;		/* DNs of the lists being walked */
	struct exp_result *x_res;
};

/* xp_hash - FNV-1a of n octets, bits mixed (the table uses the low
 * ones) */
static size_t
xp_hash(const char *s, size_t n)
{
	unsigned long long h = 14695981039346656037ULL;

	while (n-- > 0) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ULL;
	}
	h ^= h >> 31;
	h *= 0x9e3779b97f4a7c15ULL;
	h ^= h >> 29;
	return (size_t)h;
}

/* xp_set_slot - the slot of key (hash h), or the empty one for it */
static struct xp_slot *
xp_set_slot(struct xp_set *s, const char *key, size_t h)
{
	size_t	i = h & (s->s_size - 1);

	while (s->s_slot[i].k != NULL && (s->s_slot[i].h != h ||
	    strcmp(s->s_slot[i].k, key) != 0))
		i = (i + 1) & (s->s_size - 1);
	return &s->s_slot[i];
}

/* xp_set_add - add a copy of the n octets of key; 1 when new, 0 when
 * there already */
static int
xp_set_add(struct xp_set *s, const char *key, size_t n)
{
	struct xp_slot *old, *slot;
	size_t	i, oldsize, h = xp_hash(key, n);

	if (s->s_slot == NULL || (s->s_count + 1) * 2 > s->s_size) {
		old = s->s_slot;
		oldsize = s->s_size;
		s->s_size = oldsize ? oldsize * 2 : 256;
		s->s_slot = mmhs_calloc(s->s_size, sizeof(*s->s_slot));
		for (i = 0; i < oldsize; i++)
			if (old[i].k != NULL)
				*xp_set_slot(s, old[i].k, old[i].h) = old[i];
		mmhs_free(old);
	}
	slot = xp_set_slot(s, key, h);
	if (slot->k != NULL)
		return 0;
	slot->k = xp_strdup(&s->s_arena, key, n);
	slot->h = h;
	s->s_count++;
	return 1;
}

/* xp_set_free - release a set */
static void
xp_set_free(struct xp_set *s)
{
	mmhs_free(s->s_slot);
	xp_arena_free(s->s_arena);
	memset(s, 0, sizeof(*s));
}

/* xp_addr_new - 1 when kind:addr was not delivered yet (and note it) */
static int
xp_addr_new(struct xp *x, enum mmhs_dl_rcpt_kind kind, const char *addr)
{
	char	buf[512], *key, *p;
	size_t	n = strlen(addr);
	int	r;

	key = n + 3 <= sizeof(buf) ? buf : mmhs_malloc(n + 3);
	key[0] = (char)('0' + kind);
	key[1] = ':';
	for (p = key + 2; *addr != '\0'; addr++)
		*p++ = (*addr >= 'A' && *addr <= 'Z') ? *addr + ('a' - 'A') :
		    *addr;
	*p = '\0';
	r = xp_set_add(&x->x_addrs, key, n + 2);
	if (key != buf)
		mmhs_free(key);
	return r;
}

/* xp_add - one recipient, unless its address was delivered already */
static void
xp_add(struct xp *x, int flags, enum mmhs_dl_rcpt_kind kind,
	const char *addr, const char *dn)
{
	struct exp_result *r = x->x_res;
	struct xp_chunk **arena = (struct xp_chunk **)&r->xr_arena;
	struct exp_rcpt *rc;

	if (r->xr_status != EXP_OK)
		return;
	if (kind != MMHS_DL_RCPT_NONE && !xp_addr_new(x, kind, addr)) {
		r->xr_dups++;
		return;
	}
	if (r->xr_n >= x->x_max_rcpts) {
		r->xr_status = EXP_TOO_MANY;
		snprintf(r->xr_why, sizeof(r->xr_why), "list %s expands to "
		    "more than %zu recipients (mmhsLimit recipients)",
		    x->x_path[0], x->x_max_rcpts);
		return;
	}
	if (r->xr_n == r->xr_cap) {
		r->xr_cap = r->xr_cap ? r->xr_cap * 2 : 64;
		r->xr_rcpt = mmhs_realloc(r->xr_rcpt,
		    r->xr_cap * sizeof(*r->xr_rcpt));
	}
	rc = &r->xr_rcpt[r->xr_n++];
	rc->er_flags = flags;
	rc->er_kind = kind;
	rc->er_addr = kind == MMHS_DL_RCPT_NONE ? NULL :
	    xp_strdup(arena, addr, strlen(addr));
	rc->er_dn = dn != NULL ? xp_strdup(arena, dn, strlen(dn)) : NULL;
}

/* xp_too_deep - refuse: the chain of lists in x_path plus dn */
static void
xp_too_deep(struct xp *x, int depth, const char *dn)
{
	struct exp_result *r = x->x_res;
	size_t	off;
	int	i, n;

	r->xr_status = EXP_TOO_DEEP;
	n = snprintf(r->xr_why, sizeof(r->xr_why), "lists nested deeper than "
	    "%d levels (mmhsLimit expansion-depth):", x->x_max_depth);
	off = n > 0 ? (size_t)n : 0;
	for (i = 0; i <= depth && off < sizeof(r->xr_why); i++) {
		n = snprintf(r->xr_why + off, sizeof(r->xr_why) - off, " %s%s",
		    i ? "-> " : "", i < depth ? x->x_path[i] : dn);
		off += n > 0 ? (size_t)n : 0;
	}
}

static void xp_list(struct xp *x, struct exp_node *list, int depth);

/* xp_member - one directory member of a list at depth (0: the top) */
static void
xp_member(struct xp *x, const char *dn, int further, int depth)
{
	const struct exp_lookup *lk = x->x_lk;
	struct exp_node *nd;
	int	remote;

	nd = lk->el_get(lk->el_arg, dn);
	if (!xp_set_add(&x->x_seen, nd->en_key, strlen(nd->en_key))) {
		x->x_res->xr_dups++;
		lk->el_put(lk->el_arg, nd);
		return;
	}
	if (nd->en_flags & EXP_ND_ABSENT) {
		/* a dangling member: kept, so that the owner hears of it */
		xp_add(x, 0, MMHS_DL_RCPT_NONE, NULL, dn);
	} else if (!(nd->en_flags & EXP_ND_LIST)) {
		xp_add(x, 0, nd->en_kind, nd->en_addr, nd->en_dn);
	} else {
		remote = x->x_site != NULL && nd->en_site_key != NULL &&
		    strcmp(nd->en_site_key, x->x_site) != 0;
		if (remote)
			xp_add(x, MMHS_DL_RCPT_REMOTE, nd->en_kind,
			    nd->en_addr, nd->en_dn);
		else if (!further)
			xp_add(x, MMHS_DL_RCPT_LIST, nd->en_kind,
			    nd->en_addr, nd->en_dn);
		else if (depth + 1 >= x->x_max_depth)
			xp_too_deep(x, depth + 1, nd->en_dn);
		else
			xp_list(x, nd, depth + 1);
	}
	lk->el_put(lk->el_arg, nd);
}

/* xp_list - every member of a list, nested lists recursively */
static void
xp_list(struct xp *x, struct exp_node *list, int depth)
{
	struct exp_item *it;
	size_t	i;

	x->x_path[depth] = list->en_dn;
	x->x_res->xr_lists++;
	for (i = 0; i < list->en_nitems && x->x_res->xr_status == EXP_OK;
	    i++) {
		it = &list->en_items[i];
		if (it->ei_type == EXP_IT_DIR)
			xp_member(x, it->ei_val, list->en_further, depth);
		else
			xp_add(x, 0, it->ei_type == EXP_IT_EXT ?
			    MMHS_DL_RCPT_RFC822 : MMHS_DL_RCPT_X400,
			    it->ei_val, it->ei_dn);
	}
}

/* expander_expand - the final recipients of list dn */
int
expander_expand(const struct exp_lookup *lk, const char *dn,
	const char *site_key, int max_depth, size_t max_rcpts,
	struct exp_result *res)
{
	struct exp_node *top;
	struct xp x;

	memset(res, 0, sizeof(*res));
	memset(&x, 0, sizeof(x));
	x.x_lk = lk;
	x.x_site = site_key;
	x.x_max_depth = max_depth < 1 ? 1 : max_depth;
	x.x_max_rcpts = max_rcpts;
	x.x_res = res;
	x.x_path = mmhs_calloc((size_t)x.x_max_depth + 1, sizeof(char *));
	top = lk->el_get(lk->el_arg, dn);
	if (!(top->en_flags & EXP_ND_LIST)) {
		res->xr_status = EXP_NOT_LIST;
		snprintf(res->xr_why, sizeof(res->xr_why), "%s is not a "
		    "distribution list (mhs-distribution-list)", dn);
	} else {
		(void)xp_set_add(&x.x_seen, top->en_key, strlen(top->en_key));
		xp_list(&x, top, 0);
	}
	lk->el_put(lk->el_arg, top);
	mmhs_free(x.x_path);
	xp_set_free(&x.x_seen);
	xp_set_free(&x.x_addrs);
	return res->xr_status == EXP_OK ? 0 : -1;
}

/* expander_result_free - release what an expansion produced */
void
expander_result_free(struct exp_result *res)
{
	xp_arena_free(res->xr_arena);
	res->xr_arena = NULL;
	mmhs_free(res->xr_rcpt);
	res->xr_rcpt = NULL;
	res->xr_n = res->xr_cap = 0;
}

/* expander_rcpt_format - a recipient as an mmhsExpandedRecipient value */
int
expander_rcpt_format(const struct exp_rcpt *r, char *buf, size_t len)
{
	struct mmhs_dl_recipient v;

	memset(&v, 0, sizeof(v));
	v.dr_flags = r->er_flags;
	v.dr_kind = r->er_kind;
	if (r->er_addr != NULL) {
		v.dr_addr = r->er_addr;
		v.dr_addrlen = strlen(r->er_addr);
	}
	if (r->er_dn != NULL) {
		v.dr_dn = r->er_dn;
		v.dr_dnlen = strlen(r->er_dn);
	}
	return mmhs_dl_recipient_format(&v, buf, len);
}
