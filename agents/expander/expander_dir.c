/* expander_dir.c - the directory cache as the expansion's lookup
 *
 * expander_dir_get() reads an entry of the agent's mmhs_dircache and
 * turns it into the node expander_expand() walks: its key, DN,
 * delivery address and, for a list, its site, policy and members, read
 * as the mhsdl overlay reads them (slapd-overlays/mhsdl.c,
 * mhsdl_node_new): the first mail, else the first mhs-or-addresses;
 * mhs-dl-members values that are a DN alone count as mmhsMember, those
 * with an O/R address are X.400 members (canonical form), values that
 * do not parse are left out (the acp133 overlay refuses them).  A list
 * whose mhs-dl-policy does not parse is expanded with the default
 * policy, as the overlay does.
 *
 * DN keys are LDAPv3-normalised and lower-cased, the form the cache
 * keys its DNs by, so that a DN written in any case or spacing finds
 * the same entry and counts once.  The cache answers any thread; this
 * file keeps no state.  Memory from lib/mmhs_alloc.
 */
#include "config.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include <ldap.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "expander.h"

/* expander_dn_key - the key of a DN (caller frees) */
char *
expander_dn_key(const char *dn)
{
	char   *out = NULL, *key, *p;

	if (ldap_dn_normalize(dn, LDAP_DN_FORMAT_LDAP, &out,
	    LDAP_DN_FORMAT_LDAPV3) != LDAP_SUCCESS || out == NULL)
		key = mmhs_strdup(dn);
	else {
		key = mmhs_strdup(out);
		ldap_memfree(out);
	}
	for (p = key; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	return key;
}

/* expander_is_list - is e an mhs-distribution-list? */
int
expander_is_list(const mmhs_dircache_entry_t *e)
{
	const mmhs_dircache_attr_t *a = mmhs_dircache_attr(e, "objectClass");
	size_t	i;

	for (i = 0; a != NULL && i < a->da_nvals; i++)
		if (strcasecmp(a->da_vals[i], "mhs-distribution-list") == 0)
			return 1;
	return 0;
}

/* dir_item - append one member value */
static void
dir_item(struct exp_node *nd, enum exp_item_type t, const char *val,
	size_t vlen, const char *dn, size_t dnlen)
{
	struct exp_item *it = &nd->en_items[nd->en_nitems++];

	it->ei_type = t;
	it->ei_val = mmhs_strndup(val, vlen);
	it->ei_dn = dn != NULL ? mmhs_strndup(dn, dnlen) : NULL;
}

/* dir_dl_member - one mhs-dl-members value */
static void
dir_dl_member(struct exp_node *nd, const char *v)
{
	struct mmhs_orname name;
	char	abuf[MMHS_ORADDR_STRLEN];
	int	n;

	if (mmhs_orname_parse(v, 0, &name, NULL, 0) < 0)
		return;
	if (!name.on_has_addr) {
		dir_item(nd, EXP_IT_DIR, name.on_dn, name.on_dnlen, NULL, 0);
		return;
	}
	if ((n = mmhs_oraddr_format(&name.on_addr, abuf, sizeof(abuf))) < 0)
		return;
	dir_item(nd, EXP_IT_X400, abuf, (size_t)n, name.on_dn,
	    name.on_dnlen);
}

/* dir_list - the list part of node nd from entry e */
static void
dir_list(struct exp_node *nd, const mmhs_dircache_entry_t *e)
{
	const mmhs_dircache_attr_t *am, *ax, *ad;
	struct mmhs_dl_policy pol;
	const char *v;
	size_t	i, n;

	nd->en_flags |= EXP_ND_LIST;
	if ((v = mmhs_dircache_value(e, "mmhsSite")) != NULL)
		nd->en_site_key = expander_dn_key(v);
	mmhs_dl_policy_init(&pol);
	if ((v = mmhs_dircache_value(e, "mhs-dl-policy")) != NULL &&
	    mmhs_dl_policy_parse(v, &pol, NULL, 0) < 0)
		mmhs_dl_policy_init(&pol);
	nd->en_further = pol.pl_further_dl_expansion_allowed;
	am = mmhs_dircache_attr(e, "mmhsMember");
	ax = mmhs_dircache_attr(e, "mmhsExternalMember");
	ad = mmhs_dircache_attr(e, "mhs-dl-members");
	n = (am ? am->da_nvals : 0) + (ax ? ax->da_nvals : 0) +
	    (ad ? ad->da_nvals : 0);
	if (n == 0)
		return;
	nd->en_items = mmhs_calloc(n, sizeof(struct exp_item));
	for (i = 0; am != NULL && i < am->da_nvals; i++)
		dir_item(nd, EXP_IT_DIR, am->da_vals[i], am->da_lens[i],
		    NULL, 0);
	for (i = 0; ax != NULL && i < ax->da_nvals; i++)
		dir_item(nd, EXP_IT_EXT, ax->da_vals[i], ax->da_lens[i],
		    NULL, 0);
	for (i = 0; ad != NULL && i < ad->da_nvals; i++)
		dir_dl_member(nd, ad->da_vals[i]);
}

/* expander_dir_get - the node of dn, from the cache (el_get) */
struct exp_node *
expander_dir_get(void *cache, const char *dn)
{
	mmhs_dircache_entry_t *e;
	struct exp_node *nd;
	const char *v;

	nd = mmhs_calloc(1, sizeof(*nd));
	e = mmhs_dircache_by_dn(cache, dn);
	/* the cache found e by this key: it is the key of e's DN too */
	nd->en_key = expander_dn_key(dn);
	if (e == NULL) {
		nd->en_flags = EXP_ND_ABSENT;
		nd->en_dn = mmhs_strdup(dn);
		nd->en_kind = MMHS_DL_RCPT_NONE;
		return nd;
	}
	nd->en_dn = mmhs_strdup(e->de_dn);
	memcpy(nd->en_uuid, e->de_uuid, sizeof(nd->en_uuid));
	nd->en_kind = MMHS_DL_RCPT_NONE;
	if ((v = mmhs_dircache_value(e, "mail")) != NULL)
		nd->en_kind = MMHS_DL_RCPT_RFC822;
	else if ((v = mmhs_dircache_value(e, "mhs-or-addresses")) != NULL)
		nd->en_kind = MMHS_DL_RCPT_X400;
	if (v != NULL)
		nd->en_addr = mmhs_strdup(v);
	if (expander_is_list(e))
		dir_list(nd, e);
	mmhs_dircache_entry_free(e);
	return nd;
}

/* expander_node_free - release a node */
void
expander_node_free(struct exp_node *nd)
{
	size_t	i;

	if (nd == NULL)
		return;
	for (i = 0; i < nd->en_nitems; i++) {
		mmhs_free(nd->en_items[i].ei_val);
		mmhs_free(nd->en_items[i].ei_dn);
	}
	mmhs_free(nd->en_items);
	mmhs_free(nd->en_key);
	mmhs_free(nd->en_dn);
	mmhs_free(nd->en_addr);
	mmhs_free(nd->en_site_key);
	mmhs_free(nd);
}

/* expander_dir_put - done with a node (el_put) */
void
expander_dir_put(void *cache, struct exp_node *nd)
{
	(void)cache;
	expander_node_free(nd);
}

/* State of a search for the first entry with attr=value. */
struct dir_find {
	const char *df_attr, *df_value;
	int	df_lists;
	char   *df_dn;
};

/* dir_find_cb - keep the first entry that qualifies */
static int
dir_find_cb(void *arg, const mmhs_dircache_entry_t *e)
{
	struct dir_find *f = arg;
	const mmhs_dircache_attr_t *a;
	size_t	i;

	if (f->df_lists && !expander_is_list(e))
		return 0;
	/* a full scan (attribute not indexed) checks the value itself */
	a = mmhs_dircache_attr(e, f->df_attr);
	for (i = 0; a != NULL && i < a->da_nvals; i++)
		if (strcasecmp(a->da_vals[i], f->df_value) == 0) {
			f->df_dn = mmhs_strdup(e->de_dn);
			return 1;
		}
	return 0;
}

/* expander_dir_find - DN of the first entry with attr=value, or NULL */
char *
expander_dir_find(mmhs_dircache_t *c, const char *attr, const char *value,
	int lists)
{
	static int warned;
	struct dir_find f = { attr, value, lists, NULL };

	if (mmhs_dircache_find(c, attr, value, dir_find_cb, &f) < 0) {
		if (!warned++)
			mmhs_warn("the directory cache does not index %s: "
			    "reading every entry to find one", attr);
		(void)mmhs_dircache_foreach(c, dir_find_cb, &f);
	}
	return f.df_dn;
}
