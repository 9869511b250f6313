/* expander_nodes.c - the expansion's nodes, kept between messages
 *
 * Reading a member from the directory cache costs a DN normalisation,
 * an LMDB lookup and the decoding of the whole entry; a list of 10 000
 * people costs that 10 000 times per message.  This table keeps the
 * nodes expander_dir_get() built, by the DN string they were asked for
 * (a member value as written: a hit needs no normalisation), so that
 * the next expansion of the same lists reads none of it again - as the
 * mhsdl overlay keeps its expansion cache in slapd.
 *
 * Consistency: every change the directory cache commits (its change
 * callback, in its own thread) is noted by expander_nodes_changed():
 * the entry's UUID and the key of its DN.  expander_nodes_begin(),
 * before each expansion in the agent's thread, drops the nodes of the
 * changed entries (by UUID: a modified, renamed or deleted entry) and
 * the nodes at the changed DNs (by key: an entry added where a member
 * DN had none).  So an expansion sees every change committed before it
 * began, the same promise the overlay makes, while the changes that
 * concern no list or member (the agents' heartbeats in their own
 * entries, every minute) cost nothing.  More than XN_PENDING_MAX
 * changes between two expansions (a refresh) empty the whole table, as
 * does a table that reached its maximum.  One thread expands at a time
 * (the agent is sequential); only expander_nodes_changed() may run
 * elsewhere.  Memory from lib/mmhs_alloc.
 */
#include "config.h"

#include <pthread.h>
#include <string.h>

#include "mmhs_alloc.h"
#include "expander.h"

#define XN_PENDING_MAX	16

/* A change noted, not yet applied. */
struct xn_change {
	char	c_uuid[37];
	char   *c_key;
};

struct exp_nodes {
	mmhs_dircache_t *xn_cache;
	char  **xn_key;			/* the DN as asked for */
	struct exp_node **xn_node;
	size_t	xn_size, xn_count;	/* size: power of two */
	size_t	xn_max;			/* 0: keep nothing */
	pthread_mutex_t xn_mu;		/* guards what follows */
	struct xn_change xn_pend[XN_PENDING_MAX];
	size_t	xn_npend;
	int	xn_overflow;		/* too many: empty everything */
};

/* nodes_hash - FNV-1a of a string, bits mixed */
static size_t
nodes_hash(const char *s)
{
	unsigned long long h = 14695981039346656037ULL;

	while (*s != '\0') {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ULL;
	}
	h ^= h >> 31;
	h *= 0x9e3779b97f4a7c15ULL;
	return (size_t)(h ^ (h >> 29));
}

/* nodes_slot - the slot of dn, or the empty one where it goes */
static size_t
nodes_slot(const struct exp_nodes *xn, const char *dn)
{
	size_t	i = nodes_hash(dn) & (xn->xn_size - 1);

	while (xn->xn_key[i] != NULL && strcmp(xn->xn_key[i], dn) != 0)
		i = (i + 1) & (xn->xn_size - 1);
	return i;
}

/* nodes_clear - free every node kept */
static void
nodes_clear(struct exp_nodes *xn)
{
	size_t	i;

	for (i = 0; i < xn->xn_size; i++) {
		if (xn->xn_key[i] == NULL)
			continue;
		mmhs_free(xn->xn_key[i]);
		xn->xn_node[i]->en_priv = NULL;
		expander_node_free(xn->xn_node[i]);
	}
	mmhs_free(xn->xn_key);
	mmhs_free(xn->xn_node);
	xn->xn_key = NULL;
	xn->xn_node = NULL;
	xn->xn_size = xn->xn_count = 0;
}

/* nodes_rehash - the table in size slots, without the nodes that
 * changes[0..n-1] name (they are freed) */
static void
nodes_rehash(struct exp_nodes *xn, size_t size,
	const struct xn_change *changes, size_t n)
{
	char  **okey = xn->xn_key;
	struct exp_node **onode = xn->xn_node, *nd;
	size_t	i, j, k, osize = xn->xn_size;

	xn->xn_size = size;
	xn->xn_count = 0;
	xn->xn_key = mmhs_calloc(xn->xn_size, sizeof(char *));
	xn->xn_node = mmhs_calloc(xn->xn_size, sizeof(struct exp_node *));
	for (i = 0; i < osize; i++) {
		if ((nd = onode[i]) == NULL)
			continue;
		for (k = 0; k < n; k++)
			if (strcmp(nd->en_uuid, changes[k].c_uuid) == 0 ||
			    strcmp(nd->en_key, changes[k].c_key) == 0)
				break;
		if (k < n) {
			mmhs_free(okey[i]);
			nd->en_priv = NULL;
			expander_node_free(nd);
			continue;
		}
		j = nodes_slot(xn, okey[i]);
		xn->xn_key[j] = okey[i];
		xn->xn_node[j] = nd;
		xn->xn_count++;
	}
	mmhs_free(okey);
	mmhs_free(onode);
}

/* expander_nodes_new - an empty table over cache c, at most max nodes */
struct exp_nodes *
expander_nodes_new(mmhs_dircache_t *c, size_t max)
{
	struct exp_nodes *xn = mmhs_calloc(1, sizeof(*xn));

	xn->xn_cache = c;
	xn->xn_max = max;
	pthread_mutex_init(&xn->xn_mu, NULL);
	return xn;
}

/* nodes_take - move the noted changes to pend (caller frees the keys);
 * -1 when there were too many */
static int
nodes_take(struct exp_nodes *xn, struct xn_change *pend, size_t *n)
{
	int	overflow;

	pthread_mutex_lock(&xn->xn_mu);
	*n = xn->xn_npend;
	memcpy(pend, xn->xn_pend, *n * sizeof(*pend));
	overflow = xn->xn_overflow;
	xn->xn_npend = 0;
	xn->xn_overflow = 0;
	pthread_mutex_unlock(&xn->xn_mu);
	return overflow ? -1 : 0;
}

/* expander_nodes_free - the table and every node in it */
void
expander_nodes_free(struct exp_nodes *xn)
{
	struct xn_change pend[XN_PENDING_MAX];
	size_t	n;

	if (xn == NULL)
		return;
	(void)nodes_take(xn, pend, &n);
	while (n > 0)
		mmhs_free(pend[--n].c_key);
	nodes_clear(xn);
	pthread_mutex_destroy(&xn->xn_mu);
	mmhs_free(xn);
}

/* expander_nodes_changed - entry uuid at dn changed (any thread) */
void
expander_nodes_changed(struct exp_nodes *xn, const char *uuid,
	const char *dn)
{
	char   *key = dn != NULL ? expander_dn_key(dn) : NULL;
	struct xn_change *c;

	pthread_mutex_lock(&xn->xn_mu);
	if (key == NULL || uuid == NULL || strlen(uuid) >= sizeof(c->c_uuid) ||
	    xn->xn_npend == XN_PENDING_MAX) {
		xn->xn_overflow = 1;
	} else {
		c = &xn->xn_pend[xn->xn_npend++];
		memcpy(c->c_uuid, uuid, strlen(uuid) + 1);
		c->c_key = key;
		key = NULL;
	}
	pthread_mutex_unlock(&xn->xn_mu);
	mmhs_free(key);
}

/* expander_nodes_clear - forget every node (the expanding thread) */
void
expander_nodes_clear(struct exp_nodes *xn)
{
	nodes_clear(xn);
}

/* expander_nodes_begin - before an expansion: forget what may be old;
 * returns the number of nodes kept */
size_t
expander_nodes_begin(struct exp_nodes *xn)
{
	struct xn_change pend[XN_PENDING_MAX];
	size_t	n;

	if (nodes_take(xn, pend, &n) < 0 || xn->xn_count >= xn->xn_max)
		nodes_clear(xn);
	else if (n > 0 && xn->xn_count > 0)
		nodes_rehash(xn, xn->xn_size, pend, n);
	while (n > 0)
		mmhs_free(pend[--n].c_key);
	return xn->xn_count;
}

/* expander_nodes_get - el_get: the node of dn, kept or read */
struct exp_node *
expander_nodes_get(void *arg, const char *dn)
{
	struct exp_nodes *xn = arg;
	struct exp_node *nd;
	size_t	i;

	if (xn->xn_size > 0) {
		i = nodes_slot(xn, dn);
		if (xn->xn_key[i] != NULL)
			return xn->xn_node[i];
	}
	nd = expander_dir_get(xn->xn_cache, dn);
	if (xn->xn_count >= xn->xn_max)
		return nd;		/* full: this expansion only */
	if ((xn->xn_count + 1) * 2 > xn->xn_size)
		nodes_rehash(xn, xn->xn_size ? xn->xn_size * 2 : 1024, NULL,
		    0);
	i = nodes_slot(xn, dn);
	xn->xn_key[i] = mmhs_strdup(dn);
	xn->xn_node[i] = nd;
	xn->xn_count++;
	nd->en_priv = xn;
	return nd;
}

/* expander_nodes_put - el_put: free a node the table does not keep */
void
expander_nodes_put(void *arg, struct exp_node *nd)
{
	if (nd->en_priv != arg)
		expander_node_free(nd);
}
