/* mhsdl.c - OpenMMHS slapd overlay: distribution lists
 *
 * Loaded with "moduleload mhsdl.la" and configured per database with
 * "overlay mhsdl" (slapd.conf) or an olcOverlay=mhsdl entry of object
 * class olcMhsdlConfig (cn=config).  See doc/slapo-mhsdl.5.
 *
 * A distribution list is an entry of class mhs-distribution-list (with
 * the auxiliary class mmhsList).  Its members are
 *   mmhsMember          DNs of entries of this directory (people, roles,
 *                       organisations, other lists: nested lists);
 *   mhs-dl-members      O/R names; "<dn>" alone names an entry of this
 *                       directory like mmhsMember, "addr [<dn>]" is an
 *                       X.400 recipient;
 *   mmhsExternalMember  RFC 5322 addresses outside the directory.
 *
 * Semantics per operation
 *   add, modify  every new mmhsMember value, and every new directory-name-
 *                only mhs-dl-members value, is followed through the
 *                member graph (depth first, each list once).  If the
 *                entry being written is reached, the write is refused
 *                with constraintViolation (19) naming the cycle:
 *                  mhsdl: L: adding member M would create the cycle
 *                  L -> M -> N -> L
 *                A list naming itself is refused the same way.  Deleting
 *                members cannot create a cycle and is not checked.  The
 *                relax control and syncrepl consumers skip the check.
 *   search       the operational attribute mmhsExpandedRecipient is
 *                computed for a mhs-distribution-list entry when it is
 *                requested BY NAME (not by "+"): one value per final
 *                recipient of the transitive, de-duplicated expansion,
 *                in the form of lib/mmhs_dl.h (section "Expanded
 *                recipient"):
 *                  rfc822:ADDR <DN> | x400:ORADDR [<DN>] | none:<DN>
 *                  prefixed with "remote " (a list of another site: its
 *                  address, for the expander to forward) or "list " (a
 *                  nested list not expanded because its parent's
 *                  mhs-dl-policy says further-dl-expansion-allowed=FALSE,
 *                  or the nesting is deeper than mhsdl-max-depth).
 *                An entry's delivery address is its first mail value,
 *                else its first mhs-or-addresses value, else "none".
 *                Each entry appears once; each address appears once.
 *   exop         ARC.5.2.1 "may originator X submit to list L?": request
 *                value "ORIGINATOR$LISTDN" (UTF-8; the last '$' splits);
 *                ORIGINATOR is an O/R name (section 2 of
 *                doc/acp133-string-forms.md), a DN or an RFC 5322
 *                address.  Response value "TRUE" or "FALSE", result
 *                success, the reason in the diagnostic text.  The
 *                requester needs read access to the list's
 *                mhs-dl-submit-permissions.  member-of-dl is answered
 *                transitively (nested lists of any site and policy).
 *
 *   delete, modrdn  not checked; like add and modify (and whatever the
 *                checks decide, relax and replication included), they
 *                make the expansion cache forget the entries they touch.
 *
 * Member entries are read with overlay_entry_get_ov(), below this
 * overlay, without access control on the member entries: access to
 * the expansion is governed by the ACLs on the list's
 * mmhsExpandedRecipient.  The expansion works on a per-database cache
 * of the member graph and delivery addresses (section "Expansion
 * cache" below; slapo-mhsdl(5), PERFORMANCE AND CONSISTENCY): a write
 * through the overlay invalidates what it changed before its result is
 * sent, so an expansion reflects every write completed before it.
 * When the database opens, a thread pool task warms the cache up in
 * the background (mhsdl-cache-warmup; section "Expansion cache
 * warm-up"): every list, and the members of the large ones.
 */
#include "portable.h"

#include <stdio.h>
#include <ac/string.h>
#include <ac/time.h>

#include "slap.h"
#include "slap-config.h"

#include "mmhs_overlay.h"
#include "mmhs_dl.h"

#define MHSDL_ARC		"2.25.59028202126315117165413111612054445617"
#define MHSDL_EXOP_SUBMIT	MHSDL_ARC ".5.2.1"

#define MHSDL_DEF_MAX_DEPTH	32
#define MHSDL_DEF_MAX_RCPTS	1000000

#define MHSDL_DEF_CACHE		1000000

/* warm-up: member entries read per round, writes noted per round */
#define MHSDL_WARM_CHUNK	512
#define MHSDL_WARM_JOURNAL	64
#define MHSDL_WARM_RETRIES	8
#define MHSDL_WARM_MIN_MEMBERS	64	/* smaller lists: members not read */

typedef struct mhsdl_node mhsdl_node;
typedef struct mhsdl_wtask mhsdl_wtask;

/* A write noted while a warm-up round reads (see mhsdl_warm_commit). */
typedef struct mhsdl_jr {
	struct berval	jr_ndn;
	int		jr_sub;		/* the subtree below too (modrdn) */
} mhsdl_jr;

/* A table of expansion nodes, by normalized DN (chained hashing). */
typedef struct mhsdl_nodes {
	mhsdl_node	**ns_bucket;
	size_t		ns_size;	/* power of two */
	size_t		ns_count;
} mhsdl_nodes;

/* Per-database configuration and expansion cache. */
typedef struct mhsdl_conf {
	struct berval	mc_site;	/* this site's entry, empty: all local */
	struct berval	mc_nsite;
	int		mc_max_depth;
	int		mc_max_rcpts;
	int		mc_cache_max;	/* most cached nodes; 0: no cache */
	ldap_pvt_thread_mutex_t mc_mutex;	/* guards what follows */
	mhsdl_nodes	mc_nodes;	/* the cache */
	unsigned long	mc_gen;		/* bumped by every write */
	unsigned long	mc_stamp;	/* expansion passes */
	unsigned long	mc_epoch;	/* bumped when the cache is emptied */
	/* warm-up (section "Expansion cache warm-up") */
	int		mc_warm;	/* mhsdl-cache-warmup */
	int		mc_open;	/* between db_open and db_close */
	struct berval	mc_nsuffix;	/* to find the database again */
	int		mc_warming;	/* a warm-up task is queued or runs */
	int		mc_warm_stop;	/* db_close: the task must end */
	int		mc_warm_again;	/* emptied meanwhile: start over */
	mhsdl_wtask	*mc_wtask;	/* the queued task, until it starts */
	ldap_pvt_thread_cond_t mc_warm_cond;	/* mc_warming went 0 */
	int		mc_jr_on;	/* a round reads: note the writes */
	int		mc_jr_n;	/* -1: too many, the round is void */
	mhsdl_jr	mc_jr[MHSDL_WARM_JOURNAL];
} mhsdl_conf;

static slap_overinst mhsdl_ovl;

static AttributeDescription *mhsdl_ad_expanded;
static AttributeDescription *mhsdl_ad_member, *mhsdl_ad_ext_member,
	*mhsdl_ad_dl_members, *mhsdl_ad_policy, *mhsdl_ad_submit,
	*mhsdl_ad_site, *mhsdl_ad_mail, *mhsdl_ad_oraddr, *mhsdl_ad_gmember,
	*mhsdl_ad_umember;
static ObjectClass *mhsdl_oc_list;

static const struct berval mhsdl_exop_oid = BER_BVC(MHSDL_EXOP_SUBMIT);

/* mhsdl_schema - resolve the schema elements used; 0 when all exist */
static int
mhsdl_schema(void)
{
	static const struct {
		const char *name;
		AttributeDescription **ad;
	} ads[] = {
		{ "mmhsMember", &mhsdl_ad_member },
		{ "mmhsExternalMember", &mhsdl_ad_ext_member },
		{ "mhs-dl-members", &mhsdl_ad_dl_members },
		{ "mhs-dl-policy", &mhsdl_ad_policy },
		{ "mhs-dl-submit-permissions", &mhsdl_ad_submit },
		{ "mmhsSite", &mhsdl_ad_site },
		{ "mail", &mhsdl_ad_mail },
		{ "mhs-or-addresses", &mhsdl_ad_oraddr },
		{ "member", &mhsdl_ad_gmember },
		{ "uniqueMember", &mhsdl_ad_umember },
		{ NULL, NULL }
	};
	const char *text;
	int i;

	if (mhsdl_oc_list != NULL)
		return 0;
	for (i = 0; ads[i].name != NULL; i++) {
		if (*ads[i].ad == NULL &&
		    slap_str2ad(ads[i].name, ads[i].ad, &text) != LDAP_SUCCESS) {
			Debug(LDAP_DEBUG_ANY, "mhsdl: attribute type %s is not "
			    "defined: load acp133.schema and mmhs.schema\n",
			    ads[i].name);
			return -1;
		}
	}
	mhsdl_oc_list = oc_find("mhs-distribution-list");
	if (mhsdl_oc_list == NULL) {
		Debug(LDAP_DEBUG_ANY, "mhsdl: object class mhs-distribution-list"
		    " is not defined: load acp133.schema\n");
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* A set of strings in per-operation memory (open addressing). */

typedef struct mhsdl_set {
	struct berval	*st_slot;
	size_t		st_size;	/* power of two */
	size_t		st_count;
} mhsdl_set;

/* mhsdl_hash - 64-bit FNV-1a of a berval, its bits mixed (the tables
 * use the low bits) */
static size_t
mhsdl_hash(const struct berval *bv)
{
	unsigned long long h = 14695981039346656037ULL;
	ber_len_t i;

	for (i = 0; i < bv->bv_len; i++) {
		h ^= (unsigned char) bv->bv_val[i];
		h *= 1099511628211ULL;
	}
	h ^= h >> 31;
	h *= 0x9e3779b97f4a7c15ULL;
	h ^= h >> 29;
	return (size_t) h;
}

/* mhsdl_set_free - release a set */
static void
mhsdl_set_free(Operation *op, mhsdl_set *s)
{
	size_t i;

	if (s->st_slot == NULL)
		return;
	for (i = 0; i < s->st_size; i++)
		if (s->st_slot[i].bv_val != NULL)
			op->o_tmpfree(s->st_slot[i].bv_val, op->o_tmpmemctx);
	op->o_tmpfree(s->st_slot, op->o_tmpmemctx);
	memset(s, 0, sizeof(*s));
}

/* mhsdl_set_slot - the slot of key, or the empty slot where it goes */
static struct berval *
mhsdl_set_slot(mhsdl_set *s, const struct berval *key)
{
	size_t i = mhsdl_hash(key) & (s->st_size - 1);

	while (s->st_slot[i].bv_val != NULL &&
	    !(s->st_slot[i].bv_len == key->bv_len &&
	    memcmp(s->st_slot[i].bv_val, key->bv_val, key->bv_len) == 0))
		i = (i + 1) & (s->st_size - 1);
	return &s->st_slot[i];
}

/* mhsdl_set_add - add a copy of key; 1 when new, 0 when already there */
static int
mhsdl_set_add(Operation *op, mhsdl_set *s, const struct berval *key)
{
	struct berval *slot, *old;
	size_t i, oldsize;

	if (s->st_slot == NULL || (s->st_count + 1) * 2 > s->st_size) {
		old = s->st_slot;
		oldsize = s->st_size;
		s->st_size = oldsize ? oldsize * 2 : 64;
		s->st_slot = op->o_tmpcalloc(s->st_size, sizeof(struct berval),
		    op->o_tmpmemctx);
		for (i = 0; i < oldsize; i++)
			if (old[i].bv_val != NULL)
				*mhsdl_set_slot(s, &old[i]) = old[i];
		if (old != NULL)
			op->o_tmpfree(old, op->o_tmpmemctx);
	}
	slot = mhsdl_set_slot(s, key);
	if (slot->bv_val != NULL)
		return 0;
	slot->bv_len = key->bv_len;
	slot->bv_val = op->o_tmpalloc(key->bv_len + 1, op->o_tmpmemctx);
	memcpy(slot->bv_val, key->bv_val, key->bv_len);
	slot->bv_val[key->bv_len] = '\0';
	s->st_count++;
	return 1;
}

/* ------------------------------------------------------------------ */
/* Entries and member values */

/* mhsdl_get - fetch an entry below this overlay; NULL when absent */
static Entry *
mhsdl_get(Operation *op, slap_overinst *on, struct berval *ndn)
{
	Entry *e = NULL;

	if (overlay_entry_get_ov(op, ndn, NULL, NULL, 0, &e, on) !=
	    LDAP_SUCCESS)
		return NULL;
	return e;
}

/* mhsdl_release - give back an entry from mhsdl_get */
static void
mhsdl_release(Operation *op, slap_overinst *on, Entry *e)
{
	if (e != NULL)
		overlay_entry_release_ov(op, e, 0, on);
}

/* mhsdl_is_list - is e a distribution list? */
static int
mhsdl_is_list(Entry *e)
{
	return is_entry_objectclass(e, mhsdl_oc_list, 0);
}

/* mhsdl_dn_normalize - normalize len bytes at dn (not NUL-terminated)
 * into ndn (tmp memory); LDAP result code */
static int
mhsdl_dn_normalize(Operation *op, const char *dn, size_t len,
	struct berval *ndn)
{
	struct berval bv;
	int rc;

	bv.bv_len = len;
	bv.bv_val = op->o_tmpalloc(len + 1, op->o_tmpmemctx);
	memcpy(bv.bv_val, dn, len);
	bv.bv_val[len] = '\0';
	rc = dnNormalize(0, NULL, NULL, &bv, ndn, op->o_tmpmemctx);
	op->o_tmpfree(bv.bv_val, op->o_tmpmemctx);
	return rc;
}

/*
 * mhsdl_dlm_ndn - the normalized DN of a directory-name-only
 * mhs-dl-members value (tmp memory, caller frees); 0 when the value is
 * one, -1 when it is an address or does not parse.
 */
static int
mhsdl_dlm_ndn(Operation *op, struct berval *val, struct berval *ndn)
{
	struct mmhs_orname name;

	if (mmhs_orname_parse(val->bv_val, 0, &name, NULL, 0) < 0 ||
	    name.on_has_addr || name.on_dn == NULL)
		return -1;
	if (mhsdl_dn_normalize(op, name.on_dn, name.on_dnlen, ndn) !=
	    LDAP_SUCCESS)
		return -1;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Cycle refusal */

typedef struct mhsdl_cyc {
	Operation	*cy_op;
	slap_overinst	*cy_on;
	struct berval	*cy_target;	/* ndn of the list being written */
	mhsdl_set	cy_seen;
	struct berval	*cy_path;	/* pretty DNs from the new member */
	int		cy_depth, cy_max;
} mhsdl_cyc;

/* mhsdl_cyc_walk - depth first from ndn; 1 when the target is reached */
static int
mhsdl_cyc_walk(mhsdl_cyc *cy, struct berval *ndn)
{
	Operation *op = cy->cy_op;
	Entry *e;
	Attribute *a;
	struct berval dndn;
	unsigned i;
	int found = 0;

	if (dn_match(ndn, cy->cy_target))
		return 1;
	if (cy->cy_depth >= cy->cy_max || !mhsdl_set_add(op, &cy->cy_seen, ndn))
		return 0;
	e = mhsdl_get(op, cy->cy_on, ndn);
	if (e == NULL)
		return 0;
	ber_dupbv_x(&cy->cy_path[cy->cy_depth], &e->e_name, op->o_tmpmemctx);
	cy->cy_depth++;
	a = attr_find(e->e_attrs, mhsdl_ad_member);
	for (i = 0; a != NULL && i < a->a_numvals && !found; i++)
		found = mhsdl_cyc_walk(cy, &a->a_nvals[i]);
	a = attr_find(e->e_attrs, mhsdl_ad_dl_members);
	for (i = 0; a != NULL && i < a->a_numvals && !found; i++) {
		if (mhsdl_dlm_ndn(op, &a->a_vals[i], &dndn) < 0)
			continue;
		found = mhsdl_cyc_walk(cy, &dndn);
		op->o_tmpfree(dndn.bv_val, op->o_tmpmemctx);
	}
	mhsdl_release(op, cy->cy_on, e);
	if (!found) {
		cy->cy_depth--;
		op->o_tmpfree(cy->cy_path[cy->cy_depth].bv_val,
		    op->o_tmpmemctx);
	}
	return found;
}

/*
 * mhsdl_check_member - refuse (text in buf) when list dn/ndn gaining
 * member mdn/mndn closes a cycle; returns an LDAP result code
 */
static int
mhsdl_check_member(Operation *op, slap_overinst *on, struct berval *dn,
	struct berval *ndn, struct berval *mdn, struct berval *mndn,
	char *buf, size_t buflen)
{
	mhsdl_conf *mc = on->on_bi.bi_private;
	mhsdl_cyc cy;
	size_t off;
	int i, rc = LDAP_SUCCESS;

	if (dn_match(ndn, mndn)) {
		snprintf(buf, buflen, "mhsdl: %s: member %s is the list itself:"
		    " a list cannot be a member of itself (cycle %s -> %s)",
		    dn->bv_val, mdn->bv_val, dn->bv_val, dn->bv_val);
		return LDAP_CONSTRAINT_VIOLATION;
	}
	memset(&cy, 0, sizeof(cy));
	cy.cy_op = op;
	cy.cy_on = on;
	cy.cy_target = ndn;
	cy.cy_max = mc->mc_max_depth;
	cy.cy_path = op->o_tmpcalloc(cy.cy_max + 1, sizeof(struct berval),
	    op->o_tmpmemctx);
	if (mhsdl_cyc_walk(&cy, mndn)) {
		off = snprintf(buf, buflen, "mhsdl: %s: adding member %s would"
		    " create the cycle %s", dn->bv_val, mdn->bv_val,
		    dn->bv_val);
		for (i = 0; i < cy.cy_depth; i++) {
			if (off < buflen)
				off += snprintf(buf + off, buflen - off,
				    " -> %s", cy.cy_path[i].bv_val);
			op->o_tmpfree(cy.cy_path[i].bv_val, op->o_tmpmemctx);
		}
		if (off < buflen)
			snprintf(buf + off, buflen - off, " -> %s", dn->bv_val);
		rc = LDAP_CONSTRAINT_VIOLATION;
	}
	op->o_tmpfree(cy.cy_path, op->o_tmpmemctx);
	mhsdl_set_free(op, &cy.cy_seen);
	return rc;
}

/*
 * mhsdl_check_values - check the member values of one attribute
 * (mmhsMember: nvals normalized; mhs-dl-members: directory names only)
 */
static int
mhsdl_check_values(Operation *op, slap_overinst *on, struct berval *dn,
	struct berval *ndn, AttributeDescription *ad, BerVarray vals,
	BerVarray nvals, char *buf, size_t buflen)
{
	struct berval mndn;
	int i, rc = LDAP_SUCCESS;

	for (i = 0; vals != NULL && vals[i].bv_val != NULL &&
	    rc == LDAP_SUCCESS; i++) {
		if (ad == mhsdl_ad_member) {
			rc = mhsdl_check_member(op, on, dn, ndn, &vals[i],
			    nvals != NULL ? &nvals[i] : &vals[i], buf, buflen);
			continue;
		}
		if (mhsdl_dlm_ndn(op, &vals[i], &mndn) < 0)
			continue;
		rc = mhsdl_check_member(op, on, dn, ndn, &vals[i], &mndn, buf,
		    buflen);
		op->o_tmpfree(mndn.bv_val, op->o_tmpmemctx);
	}
	return rc;
}

static void mhsdl_watch(Operation *op, slap_overinst *on);

/* mhsdl_skip - operations that are not checked */
static int
mhsdl_skip(Operation *op)
{
	return get_relax(op) || SLAPD_SYNC_IS_SYNCCONN(op->o_connid) ||
	    mhsdl_schema() != 0;
}

/* mhsdl_refuse - send a refusal through the rest of the stack */
static int
mhsdl_refuse(Operation *op, SlapReply *rs, slap_overinst *on, int rc,
	const char *text)
{
	op->o_bd->bd_info = (BackendInfo *) on->on_info;
	send_ldap_error(op, rs, rc, text);
	return rs->sr_err;
}

/* mhsdl_add - refuse an added list whose members close a cycle */
static int
mhsdl_add(Operation *op, SlapReply *rs)
{
	slap_overinst *on = (slap_overinst *) op->o_bd->bd_info;
	char buf[SLAP_TEXT_BUFLEN * 2];
	Attribute *a;
	int rc = LDAP_SUCCESS;

	if (mhsdl_skip(op)) {
		mhsdl_watch(op, on);
		return SLAP_CB_CONTINUE;
	}
	for (a = op->ora_e->e_attrs; a != NULL && rc == LDAP_SUCCESS;
	    a = a->a_next)
		if (a->a_desc == mhsdl_ad_member ||
		    a->a_desc == mhsdl_ad_dl_members)
			rc = mhsdl_check_values(op, on, &op->ora_e->e_name,
			    &op->ora_e->e_nname, a->a_desc, a->a_vals,
			    a->a_nvals, buf, sizeof(buf));
	if (rc != LDAP_SUCCESS)
		return mhsdl_refuse(op, rs, on, rc, buf);
	mhsdl_watch(op, on);
	return SLAP_CB_CONTINUE;
}

/* mhsdl_modify - refuse new member values that close a cycle */
static int
mhsdl_modify(Operation *op, SlapReply *rs)
{
	slap_overinst *on = (slap_overinst *) op->o_bd->bd_info;
	char buf[SLAP_TEXT_BUFLEN * 2];
	Modifications *m;
	int rc = LDAP_SUCCESS, mop;

	if (mhsdl_skip(op)) {
		mhsdl_watch(op, on);
		return SLAP_CB_CONTINUE;
	}
	for (m = op->orm_modlist; m != NULL && rc == LDAP_SUCCESS;
	    m = m->sml_next) {
		mop = m->sml_op & LDAP_MOD_OP;
		if (m->sml_desc != mhsdl_ad_member &&
		    m->sml_desc != mhsdl_ad_dl_members)
			continue;
		if (mop != LDAP_MOD_ADD && mop != LDAP_MOD_REPLACE &&
		    mop != SLAP_MOD_SOFTADD)
			continue;
		rc = mhsdl_check_values(op, on, &op->o_req_dn, &op->o_req_ndn,
		    m->sml_desc, m->sml_values, m->sml_nvalues, buf,
		    sizeof(buf));
	}
	if (rc != LDAP_SUCCESS)
		return mhsdl_refuse(op, rs, on, rc, buf);
	mhsdl_watch(op, on);
	return SLAP_CB_CONTINUE;
}

/* ------------------------------------------------------------------ */
/* Expansion cache: the member graph and the delivery addresses
 *
 * One node per entry DN an expansion has met: the entry's recipient
 * value (its delivery address, formatted once), whether it is a list
 * and, for a list, its policy, its site and its members in order
 * (mmhsMember, mmhsExternalMember, mhs-dl-members).  A DN without an
 * entry is a node too (MHSDL_ND_ABSENT).  Nodes hold copies: no entry
 * stays fetched.
 *
 * Nodes are built on demand from the entries below this overlay and
 * kept per database in mc_nodes, under mc_mutex.  Every add, modify,
 * delete and modrdn through the overlay (replication included) drops
 * the nodes of the DNs it names (modrdn: old and new DN and everything
 * below them) and bumps mc_gen, before its result goes to the client.
 * A node read from the backend is cached only when mc_gen has not moved
 * since the search started (the search may read an older snapshot);
 * otherwise it serves this search only (ex_priv).  So an expansion
 * reflects every write that completed before the search began.
 */

enum mhsdl_it_type { MHSDL_IT_DIR, MHSDL_IT_EXT, MHSDL_IT_X400 };

/* One member value of a list. */
typedef struct mhsdl_item {
	enum mhsdl_it_type it_type;
	struct berval	it_dn;		/* DIR: as written; X400: or empty */
	struct berval	it_ndn;		/* DIR */
	struct berval	it_key;		/* EXT, X400: de-duplication key */
	size_t		it_hash;	/* DIR: of it_ndn; else of it_key */
	struct berval	it_rcpt;	/* EXT, X400: the recipient value */
} mhsdl_item;

#define MHSDL_ND_ABSENT	0x01
#define MHSDL_ND_LIST	0x02

/* One entry (or absent DN) as the expansion sees it. */
struct mhsdl_node {
	struct mhsdl_node *nd_next;	/* hash chain */
	size_t		nd_hash;
	struct berval	nd_ndn;
	struct berval	nd_dn;
	int		nd_flags;
	enum mmhs_dl_rcpt_kind nd_kind;
	struct berval	nd_addr;	/* delivery address, or empty */
	struct berval	nd_key;		/* "kind:lower(address)", or empty */
	size_t		nd_khash;
	struct berval	nd_rcpt;	/* recipient value without flag */
	struct berval	nd_nsite;	/* list: normalized mmhsSite */
	int		nd_further;	/* list: further-dl-expansion-allowed */
	int		nd_nitems;
	mhsdl_item	*nd_items;	/* list: members in order */
	unsigned long	nd_stamp;	/* last expansion pass that met it */
};

/* mhsdl_bvdup - heap copy of len bytes at s, NUL-terminated */
static void
mhsdl_bvdup(struct berval *dst, const char *s, size_t len)
{
	dst->bv_len = len;
	dst->bv_val = ch_malloc(len + 1);
	if (len > 0)
		memcpy(dst->bv_val, s, len);
	dst->bv_val[len] = '\0';
}

/* mhsdl_key - the de-duplication key "kind:lower(addr)" (heap) */
static void
mhsdl_key(struct berval *key, size_t *hash, enum mmhs_dl_rcpt_kind kind,
	const char *addr, size_t len)
{
	char pre[16];
	size_t n, i;

	n = snprintf(pre, sizeof(pre), "%d:", (int) kind);
	key->bv_len = n + len;
	key->bv_val = ch_malloc(key->bv_len + 1);
	memcpy(key->bv_val, pre, n);
	for (i = 0; i < len; i++)
		key->bv_val[n + i] = (addr[i] >= 'A' && addr[i] <= 'Z') ?
		    addr[i] + ('a' - 'A') : addr[i];
	key->bv_val[key->bv_len] = '\0';
	*hash = mhsdl_hash(key);
}

/* mhsdl_rcpt - format one recipient value into buf; length or -1 */
static int
mhsdl_rcpt(char *buf, size_t len, int flags, enum mmhs_dl_rcpt_kind kind,
	const struct berval *addr, const struct berval *dn)
{
	struct mmhs_dl_recipient r;

	memset(&r, 0, sizeof(r));
	r.dr_flags = flags;
	r.dr_kind = kind;
	if (addr != NULL && addr->bv_val != NULL) {
		r.dr_addr = addr->bv_val;
		r.dr_addrlen = addr->bv_len;
	}
	if (dn != NULL && dn->bv_val != NULL) {
		r.dr_dn = dn->bv_val;
		r.dr_dnlen = dn->bv_len;
	}
	return mmhs_dl_recipient_format(&r, buf, len);
}

/* mhsdl_rcpt_dup - a recipient value in heap memory (empty on error) */
static void
mhsdl_rcpt_dup(struct berval *dst, enum mmhs_dl_rcpt_kind kind,
	const struct berval *addr, const struct berval *dn)
{
	char buf[MMHS_DL_STRLEN];
	int n;

	BER_BVZERO(dst);
	n = mhsdl_rcpt(buf, sizeof(buf), 0, kind, addr, dn);
	if (n >= 0)
		mhsdl_bvdup(dst, buf, n);
}

/* mhsdl_node_free - release a node and everything it holds */
static void
mhsdl_node_free(mhsdl_node *nd)
{
	int i;

	for (i = 0; i < nd->nd_nitems; i++) {
		ch_free(nd->nd_items[i].it_dn.bv_val);
		ch_free(nd->nd_items[i].it_ndn.bv_val);
		ch_free(nd->nd_items[i].it_key.bv_val);
		ch_free(nd->nd_items[i].it_rcpt.bv_val);
	}
	ch_free(nd->nd_items);
	ch_free(nd->nd_ndn.bv_val);
	ch_free(nd->nd_dn.bv_val);
	ch_free(nd->nd_addr.bv_val);
	ch_free(nd->nd_key.bv_val);
	ch_free(nd->nd_rcpt.bv_val);
	ch_free(nd->nd_nsite.bv_val);
	ch_free(nd);
}

/* mhsdl_node_items - the members of list e, in expansion order */
static void
mhsdl_node_items(Operation *op, mhsdl_node *nd, Entry *e)
{
	Attribute *am, *ax, *ad;
	struct mmhs_orname name;
	char abuf[MMHS_ORADDR_STRLEN];
	struct berval addr, dn, ndn;
	mhsdl_item *it;
	unsigned i;
	int n;

	am = attr_find(e->e_attrs, mhsdl_ad_member);
	ax = attr_find(e->e_attrs, mhsdl_ad_ext_member);
	ad = attr_find(e->e_attrs, mhsdl_ad_dl_members);
	n = (am ? am->a_numvals : 0) + (ax ? ax->a_numvals : 0) +
	    (ad ? ad->a_numvals : 0);
	if (n == 0)
		return;
	nd->nd_items = ch_calloc(n, sizeof(mhsdl_item));
	for (i = 0; am != NULL && i < am->a_numvals; i++) {
		it = &nd->nd_items[nd->nd_nitems++];
		it->it_type = MHSDL_IT_DIR;
		ber_dupbv(&it->it_dn, &am->a_vals[i]);
		ber_dupbv(&it->it_ndn, &am->a_nvals[i]);
		it->it_hash = mhsdl_hash(&it->it_ndn);
	}
	for (i = 0; ax != NULL && i < ax->a_numvals; i++) {
		it = &nd->nd_items[nd->nd_nitems++];
		it->it_type = MHSDL_IT_EXT;
		mhsdl_key(&it->it_key, &it->it_hash, MMHS_DL_RCPT_RFC822,
		    ax->a_vals[i].bv_val, ax->a_vals[i].bv_len);
		mhsdl_rcpt_dup(&it->it_rcpt, MMHS_DL_RCPT_RFC822,
		    &ax->a_vals[i], NULL);
	}
	for (i = 0; ad != NULL && i < ad->a_numvals; i++) {
		if (mmhs_orname_parse(ad->a_vals[i].bv_val, 0, &name, NULL, 0)
		    < 0)
			continue;	/* acp133 refuses such values */
		dn.bv_val = (char *) name.on_dn;
		dn.bv_len = name.on_dnlen;
		if (name.on_has_addr) {
			n = mmhs_oraddr_format(&name.on_addr, abuf,
			    sizeof(abuf));
			if (n < 0)
				continue;
			addr.bv_val = abuf;
			addr.bv_len = n;
			it = &nd->nd_items[nd->nd_nitems++];
			it->it_type = MHSDL_IT_X400;
			if (name.on_dn != NULL)
				mhsdl_bvdup(&it->it_dn, dn.bv_val, dn.bv_len);
			mhsdl_key(&it->it_key, &it->it_hash, MMHS_DL_RCPT_X400,
			    abuf, n);
			mhsdl_rcpt_dup(&it->it_rcpt, MMHS_DL_RCPT_X400, &addr,
			    name.on_dn != NULL ? &dn : NULL);
			continue;
		}
		if (mhsdl_dn_normalize(op, name.on_dn, name.on_dnlen, &ndn) !=
		    LDAP_SUCCESS)
			continue;
		it = &nd->nd_items[nd->nd_nitems++];
		it->it_type = MHSDL_IT_DIR;
		mhsdl_bvdup(&it->it_dn, dn.bv_val, dn.bv_len);
		mhsdl_bvdup(&it->it_ndn, ndn.bv_val, ndn.bv_len);
		it->it_hash = mhsdl_hash(&it->it_ndn);
		op->o_tmpfree(ndn.bv_val, op->o_tmpmemctx);
	}
}

/* mhsdl_node_new - the node of ndn from entry e (NULL: no such entry) */
static mhsdl_node *
mhsdl_node_new(Operation *op, struct berval *ndn, size_t hash, Entry *e)
{
	struct mmhs_dl_policy pol;
	mhsdl_node *nd;
	Attribute *a;

	nd = ch_calloc(1, sizeof(*nd));
	ber_dupbv(&nd->nd_ndn, ndn);
	nd->nd_hash = hash;
	if (e == NULL) {
		nd->nd_flags = MHSDL_ND_ABSENT;
		return nd;
	}
	ber_dupbv(&nd->nd_dn, &e->e_name);
	nd->nd_kind = MMHS_DL_RCPT_NONE;
	if ((a = attr_find(e->e_attrs, mhsdl_ad_mail)) != NULL &&
	    a->a_numvals > 0)
		nd->nd_kind = MMHS_DL_RCPT_RFC822;
	else if ((a = attr_find(e->e_attrs, mhsdl_ad_oraddr)) != NULL &&
	    a->a_numvals > 0)
		nd->nd_kind = MMHS_DL_RCPT_X400;
	if (nd->nd_kind != MMHS_DL_RCPT_NONE) {
		ber_dupbv(&nd->nd_addr, &a->a_vals[0]);
		mhsdl_key(&nd->nd_key, &nd->nd_khash, nd->nd_kind,
		    nd->nd_addr.bv_val, nd->nd_addr.bv_len);
	}
	mhsdl_rcpt_dup(&nd->nd_rcpt, nd->nd_kind, &nd->nd_addr, &nd->nd_dn);
	if (!mhsdl_is_list(e))
		return nd;
	nd->nd_flags |= MHSDL_ND_LIST;
	a = attr_find(e->e_attrs, mhsdl_ad_site);
	if (a != NULL && a->a_numvals > 0)
		ber_dupbv(&nd->nd_nsite, &a->a_nvals[0]);
	mmhs_dl_policy_init(&pol);
	a = attr_find(e->e_attrs, mhsdl_ad_policy);
	if (a != NULL && a->a_numvals > 0 &&
	    mmhs_dl_policy_parse(a->a_vals[0].bv_val, &pol, NULL, 0) < 0)
		mmhs_dl_policy_init(&pol);
	nd->nd_further = pol.pl_further_dl_expansion_allowed;
	mhsdl_node_items(op, nd, e);
	return nd;
}

/* mhsdl_nodes_find - the node of ndn in table t, or NULL */
static mhsdl_node *
mhsdl_nodes_find(mhsdl_nodes *t, const struct berval *ndn, size_t hash)
{
	mhsdl_node *nd;

	if (t->ns_bucket == NULL)
		return NULL;
	for (nd = t->ns_bucket[hash & (t->ns_size - 1)]; nd != NULL;
	    nd = nd->nd_next)
		if (nd->nd_hash == hash && nd->nd_ndn.bv_len == ndn->bv_len &&
		    memcmp(nd->nd_ndn.bv_val, ndn->bv_val, ndn->bv_len) == 0)
			return nd;
	return NULL;
}

/* mhsdl_nodes_insert - add nd (its DN not in t yet) */
static void
mhsdl_nodes_insert(mhsdl_nodes *t, mhsdl_node *nd)
{
	mhsdl_node **old, *n, *next;
	size_t i, oldsize;

	if (t->ns_bucket == NULL || t->ns_count >= t->ns_size) {
		old = t->ns_bucket;
		oldsize = t->ns_size;
		t->ns_size = oldsize ? oldsize * 2 : 1024;
		t->ns_bucket = ch_calloc(t->ns_size, sizeof(mhsdl_node *));
		for (i = 0; i < oldsize; i++)
			for (n = old[i]; n != NULL; n = next) {
				next = n->nd_next;
				n->nd_next = t->ns_bucket[n->nd_hash &
				    (t->ns_size - 1)];
				t->ns_bucket[n->nd_hash & (t->ns_size - 1)] = n;
			}
		ch_free(old);
	}
	i = nd->nd_hash & (t->ns_size - 1);
	nd->nd_next = t->ns_bucket[i];
	t->ns_bucket[i] = nd;
	t->ns_count++;
}

/* mhsdl_nodes_drop - remove (and free) the nodes that match: the node of
 * ndn, and with sub also every node below ndn */
static void
mhsdl_nodes_drop(mhsdl_nodes *t, struct berval *ndn, int sub)
{
	mhsdl_node **np, *nd;
	size_t i, end, h = mhsdl_hash(ndn);

	if (t->ns_bucket == NULL)
		return;
	i = sub ? 0 : h & (t->ns_size - 1);
	end = sub ? t->ns_size : i + 1;
	for (; i < end; i++) {
		for (np = &t->ns_bucket[i]; (nd = *np) != NULL; ) {
			if ((nd->nd_hash == h && dn_match(&nd->nd_ndn, ndn)) ||
			    (sub && nd->nd_ndn.bv_len > ndn->bv_len &&
			    dnIsSuffix(&nd->nd_ndn, ndn))) {
				*np = nd->nd_next;
				mhsdl_node_free(nd);
				t->ns_count--;
			} else
				np = &nd->nd_next;
		}
	}
}

/* mhsdl_nodes_clear - free every node of t */
static void
mhsdl_nodes_clear(mhsdl_nodes *t)
{
	mhsdl_node *nd, *next;
	size_t i;

	for (i = 0; t->ns_bucket != NULL && i < t->ns_size; i++)
		for (nd = t->ns_bucket[i]; nd != NULL; nd = next) {
			next = nd->nd_next;
			mhsdl_node_free(nd);
		}
	ch_free(t->ns_bucket);
	memset(t, 0, sizeof(*t));
}

/* ------------------------------------------------------------------ */
/* Cache invalidation by writes */

/* mhsdl_jr_note - note a write for the warm-up round that reads now
 * (mc_mutex held) */
static void
mhsdl_jr_note(mhsdl_conf *mc, struct berval *ndn, int sub)
{
	if (!mc->mc_jr_on || mc->mc_jr_n < 0)
		return;
	if (mc->mc_jr_n == MHSDL_WARM_JOURNAL) {
		mc->mc_jr_n = -1;	/* the round will be read again */
		return;
	}
	ber_dupbv(&mc->mc_jr[mc->mc_jr_n].jr_ndn, ndn);
	mc->mc_jr[mc->mc_jr_n++].jr_sub = sub;
}

/* mhsdl_jr_reset - forget the noted writes; on: note from now on
 * (mc_mutex held) */
static void
mhsdl_jr_reset(mhsdl_conf *mc, int on)
{
	int i;

	for (i = 0; i < mc->mc_jr_n; i++)
		ch_free(mc->mc_jr[i].jr_ndn.bv_val);
	mc->mc_jr_n = 0;
	mc->mc_jr_on = on;
}

/* mhsdl_inval - drop what a write to ndn (and newndn) may have changed */
static void
mhsdl_inval(mhsdl_conf *mc, struct berval *ndn, struct berval *newndn)
{
	ldap_pvt_thread_mutex_lock(&mc->mc_mutex);
	mc->mc_gen++;
	mhsdl_jr_note(mc, ndn, newndn != NULL);
	if (newndn != NULL)
		mhsdl_jr_note(mc, newndn, 1);
	mhsdl_nodes_drop(&mc->mc_nodes, ndn, newndn != NULL);
	if (newndn != NULL)
		mhsdl_nodes_drop(&mc->mc_nodes, newndn, 1);
	ldap_pvt_thread_mutex_unlock(&mc->mc_mutex);
}

/* State of one write: what to invalidate when it is done. */
typedef struct mhsdl_wcb {
	slap_overinst	*wc_on;
	struct berval	wc_newndn;	/* modrdn: the new DN, tmp memory */
} mhsdl_wcb;

/* mhsdl_write_resp - the write is done (result about to be sent):
 * invalidate, whatever the result (a failed write costs a cache miss) */
static int
mhsdl_write_resp(Operation *op, SlapReply *rs)
{
	mhsdl_wcb *wc = op->o_callback->sc_private;

	if (rs->sr_type == REP_RESULT)
		mhsdl_inval(wc->wc_on->on_bi.bi_private, &op->o_req_ndn,
		    BER_BVISNULL(&wc->wc_newndn) ? NULL : &wc->wc_newndn);
	return SLAP_CB_CONTINUE;
}

/* mhsdl_write_cleanup - invalidate again (an abandoned write skips the
 * response callbacks), then pop and free the callback */
static int
mhsdl_write_cleanup(Operation *op, SlapReply *rs)
{
	slap_callback *sc = op->o_callback;
	mhsdl_wcb *wc = sc->sc_private;

	if (rs->sr_type != REP_RESULT && rs->sr_err != SLAPD_ABANDON &&
	    !op->o_abandon)
		return 0;
	mhsdl_inval(wc->wc_on->on_bi.bi_private, &op->o_req_ndn,
	    BER_BVISNULL(&wc->wc_newndn) ? NULL : &wc->wc_newndn);
	op->o_callback = sc->sc_next;
	if (!BER_BVISNULL(&wc->wc_newndn))
		op->o_tmpfree(wc->wc_newndn.bv_val, op->o_tmpmemctx);
	op->o_tmpfree(sc, op->o_tmpmemctx);
	return 0;
}

/* mhsdl_watch - make the cache forget what this write changes */
static void
mhsdl_watch(Operation *op, slap_overinst *on)
{
	slap_callback *sc;
	mhsdl_wcb *wc;
	struct berval parent;

	sc = op->o_tmpcalloc(1, sizeof(*sc) + sizeof(*wc), op->o_tmpmemctx);
	wc = (mhsdl_wcb *) (sc + 1);
	wc->wc_on = on;
	if (op->o_tag == LDAP_REQ_MODRDN) {
		if (op->orr_nnewSup != NULL)
			parent = *op->orr_nnewSup;
		else
			dnParent(&op->o_req_ndn, &parent);
		build_new_dn(&wc->wc_newndn, &parent, &op->orr_nnewrdn,
		    op->o_tmpmemctx);
	}
	sc->sc_response = mhsdl_write_resp;
	sc->sc_cleanup = mhsdl_write_cleanup;
	sc->sc_private = wc;
	sc->sc_next = op->o_callback;
	op->o_callback = sc;
}

/* mhsdl_delete - forget the deleted entry once it is gone */
static int
mhsdl_delete(Operation *op, SlapReply *rs)
{
	mhsdl_watch(op, (slap_overinst *) op->o_bd->bd_info);
	return SLAP_CB_CONTINUE;
}

/* mhsdl_modrdn - forget the renamed entry, its subtree, its new name */
static int
mhsdl_modrdn(Operation *op, SlapReply *rs)
{
	mhsdl_watch(op, (slap_overinst *) op->o_bd->bd_info);
	return SLAP_CB_CONTINUE;
}

/* ------------------------------------------------------------------ */
/* Expansion */

/* A set of keys that stay owned by the nodes (tmp memory). */
typedef struct mhsdl_pset {
	const struct berval **ps_slot;
	size_t		ps_size;	/* power of two */
	size_t		ps_count;
} mhsdl_pset;

/* mhsdl_pset_add - add key (hash h); 1 when new, 0 when already there */
static int
mhsdl_pset_add(Operation *op, mhsdl_pset *s, const struct berval *key,
	size_t h)
{
	const struct berval **old, *k;
	size_t i, j, oldsize;

	if (s->ps_slot == NULL || (s->ps_count + 1) * 2 > s->ps_size) {
		old = s->ps_slot;
		oldsize = s->ps_size;
		s->ps_size = oldsize ? oldsize * 2 : 256;
		s->ps_slot = op->o_tmpcalloc(s->ps_size, sizeof(*s->ps_slot),
		    op->o_tmpmemctx);
		for (i = 0; i < oldsize; i++) {
			if ((k = old[i]) == NULL)
				continue;
			for (j = mhsdl_hash(k) & (s->ps_size - 1);
			    s->ps_slot[j] != NULL; j = (j + 1) & (s->ps_size - 1))
				;
			s->ps_slot[j] = k;
		}
		if (old != NULL)
			op->o_tmpfree(old, op->o_tmpmemctx);
	}
	for (i = h & (s->ps_size - 1); (k = s->ps_slot[i]) != NULL;
	    i = (i + 1) & (s->ps_size - 1))
		if (k->bv_len == key->bv_len &&
		    memcmp(k->bv_val, key->bv_val, key->bv_len) == 0)
			return 0;
	s->ps_slot[i] = key;
	s->ps_count++;
	return 1;
}

/* mhsdl_pset_free - release a set */
static void
mhsdl_pset_free(Operation *op, mhsdl_pset *s)
{
	if (s->ps_slot != NULL)
		op->o_tmpfree(s->ps_slot, op->o_tmpmemctx);
	memset(s, 0, sizeof(*s));
}

/* One expansion: a few passes over the graph until no node is missing. */
typedef struct mhsdl_exp {
	Operation	*ex_op;
	mhsdl_conf	*ex_mc;
	mhsdl_nodes	ex_priv;	/* nodes read for this search only */
	unsigned long	ex_stamp;	/* this pass */
	mhsdl_pset	ex_addrs;	/* keys of the addresses delivered */
	mhsdl_set	ex_missing;	/* DNs met without a node */
	BerVarray	ex_vals;	/* heap: handed to the frontend */
	int		ex_nvals, ex_maxvals;
	int		ex_truncated;
	int		ex_nocache;	/* the cache overflowed: ex_priv only */
} mhsdl_exp;

/* mhsdl_exp_node - the node of ndn (this search's first), or NULL */
static mhsdl_node *
mhsdl_exp_node(mhsdl_exp *ex, const struct berval *ndn, size_t hash)
{
	mhsdl_node *nd;

	nd = mhsdl_nodes_find(&ex->ex_priv, ndn, hash);
	if (nd == NULL)
		nd = mhsdl_nodes_find(&ex->ex_mc->mc_nodes, ndn, hash);
	return nd;
}

/* mhsdl_exp_add - one recipient value (rcpt), unless its address (key)
 * was delivered already; fmt: format it from kind/addr/dn with flags */
static void
mhsdl_exp_add(mhsdl_exp *ex, const struct berval *key, size_t khash,
	const struct berval *rcpt, int flags, enum mmhs_dl_rcpt_kind kind,
	const struct berval *addr, const struct berval *dn)
{
	char buf[MMHS_DL_STRLEN];
	struct berval *v;
	int n = 0;

	if (ex->ex_missing.st_count > 0)
		return;		/* this pass only looks for missing nodes */
	if (key != NULL && key->bv_val != NULL &&
	    !mhsdl_pset_add(ex->ex_op, &ex->ex_addrs, key, khash))
		return;
	if (ex->ex_nvals >= ex->ex_mc->mc_max_rcpts) {
		ex->ex_truncated = 1;
		return;
	}
	if (rcpt == NULL) {
		n = mhsdl_rcpt(buf, sizeof(buf), flags, kind, addr, dn);
		if (n < 0)
			return;
	} else if (rcpt->bv_val == NULL)
		return;
	if (ex->ex_nvals + 1 >= ex->ex_maxvals) {
		ex->ex_maxvals = ex->ex_maxvals ? ex->ex_maxvals * 2 : 256;
		ex->ex_vals = ch_realloc(ex->ex_vals,
		    ex->ex_maxvals * sizeof(struct berval));
	}
	v = &ex->ex_vals[ex->ex_nvals++];
	if (rcpt == NULL)
		mhsdl_bvdup(v, buf, n);
	else
		mhsdl_bvdup(v, rcpt->bv_val, rcpt->bv_len);
	BER_BVZERO(&ex->ex_vals[ex->ex_nvals]);
}

/* mhsdl_exp_entry - an entry as one recipient, with flags */
static void
mhsdl_exp_entry(mhsdl_exp *ex, mhsdl_node *nd, int flags)
{
	mhsdl_exp_add(ex, nd->nd_kind == MMHS_DL_RCPT_NONE ? NULL :
	    &nd->nd_key, nd->nd_khash, flags ? NULL : &nd->nd_rcpt, flags,
	    nd->nd_kind, &nd->nd_addr, &nd->nd_dn);
}

/* mhsdl_exp_remote - is list nd hosted by another site? */
static int
mhsdl_exp_remote(mhsdl_exp *ex, mhsdl_node *nd)
{
	mhsdl_conf *mc = ex->ex_mc;

	if (BER_BVISEMPTY(&mc->mc_nsite) || BER_BVISNULL(&nd->nd_nsite))
		return 0;
	return !dn_match(&nd->nd_nsite, &mc->mc_nsite);
}

static void mhsdl_exp_list(mhsdl_exp *ex, mhsdl_node *list, int depth);

/* mhsdl_exp_member - one directory member of a list */
static void
mhsdl_exp_member(mhsdl_exp *ex, mhsdl_item *it, int further, int depth)
{
	mhsdl_node *nd;

	nd = mhsdl_exp_node(ex, &it->it_ndn, it->it_hash);
	if (nd == NULL) {
		(void) mhsdl_set_add(ex->ex_op, &ex->ex_missing, &it->it_ndn);
		return;
	}
	if (nd->nd_stamp == ex->ex_stamp)
		return;		/* met already */
	nd->nd_stamp = ex->ex_stamp;
	if (nd->nd_flags & MHSDL_ND_ABSENT)
		/* dangling member: shown, so that the owner sees it */
		mhsdl_exp_add(ex, NULL, 0, NULL, 0, MMHS_DL_RCPT_NONE, NULL,
		    &it->it_dn);
	else if (!(nd->nd_flags & MHSDL_ND_LIST))
		mhsdl_exp_entry(ex, nd, 0);
	else if (mhsdl_exp_remote(ex, nd))
		mhsdl_exp_entry(ex, nd, MMHS_DL_RCPT_REMOTE);
	else if (!further || depth + 1 >= ex->ex_mc->mc_max_depth)
		mhsdl_exp_entry(ex, nd, MMHS_DL_RCPT_LIST);
	else
		mhsdl_exp_list(ex, nd, depth + 1);
}

/* mhsdl_exp_list - every member of one list, nested lists recursively */
static void
mhsdl_exp_list(mhsdl_exp *ex, mhsdl_node *list, int depth)
{
	mhsdl_item *it;
	int i;

	for (i = 0; i < list->nd_nitems; i++) {
		it = &list->nd_items[i];
		if (it->it_type == MHSDL_IT_DIR)
			mhsdl_exp_member(ex, it, list->nd_further, depth);
		else
			mhsdl_exp_add(ex, &it->it_key, it->it_hash,
			    &it->it_rcpt, 0, MMHS_DL_RCPT_NONE, NULL, NULL);
	}
}

/* mhsdl_exp_reset - forget the values of a pass */
static void
mhsdl_exp_reset(mhsdl_exp *ex)
{
	int i;

	for (i = 0; i < ex->ex_nvals; i++)
		ch_free(ex->ex_vals[i].bv_val);
	ex->ex_nvals = 0;
	ex->ex_truncated = 0;
	if (ex->ex_vals != NULL)
		BER_BVZERO(&ex->ex_vals[0]);
	mhsdl_pset_free(ex->ex_op, &ex->ex_addrs);
	mhsdl_set_free(ex->ex_op, &ex->ex_missing);
}

/*
 * mhsdl_uncached - of the DNs in slots (NULL: unused), mark those that
 * are cached now (bv_len 0: another search or the warm-up read them
 * meanwhile), looking until want uncached ones are found
 */
static void
mhsdl_uncached(mhsdl_conf *mc, struct berval *slots, size_t n, size_t want)
{
	size_t i, found = 0;

	ldap_pvt_thread_mutex_lock(&mc->mc_mutex);
	for (i = 0; i < n && found < want; i++) {
		if (slots[i].bv_val == NULL || slots[i].bv_len == 0)
			continue;
		if (mhsdl_nodes_find(&mc->mc_nodes, &slots[i],
		    mhsdl_hash(&slots[i])) != NULL)
			slots[i].bv_len = 0;
		else
			found++;
	}
	ldap_pvt_thread_mutex_unlock(&mc->mc_mutex);
}

#define MHSDL_FETCH_CHUNK	256

/*
 * mhsdl_exp_fetch - read the missing nodes from the backend (mc_mutex
 * not held); cache them when no write happened since the search began
 * (gen, valid when known), else keep them for this search only
 */
static void
mhsdl_exp_fetch(mhsdl_exp *ex, slap_overinst *on, int known,
	unsigned long gen)
{
	Operation *op = ex->ex_op;
	mhsdl_conf *mc = ex->ex_mc;
	mhsdl_node **nds, *nd;
	mhsdl_set *ms = &ex->ex_missing;
	struct berval *ndn;
	Entry *e;
	size_t i, n = 0, h;
	int cache;

	nds = op->o_tmpalloc(ms->st_count * sizeof(*nds), op->o_tmpmemctx);
	for (i = 0; i < ms->st_size; i++) {
		if (i % MHSDL_FETCH_CHUNK == 0 && !ex->ex_nocache)
			mhsdl_uncached(mc, &ms->st_slot[i],
			    ms->st_size - i < MHSDL_FETCH_CHUNK ?
			    ms->st_size - i : MHSDL_FETCH_CHUNK,
			    MHSDL_FETCH_CHUNK);
		ndn = &ms->st_slot[i];
		if (ndn->bv_val == NULL || ndn->bv_len == 0)
			continue;
		h = mhsdl_hash(ndn);
		e = mhsdl_get(op, on, ndn);
		nds[n++] = mhsdl_node_new(op, ndn, h, e);
		mhsdl_release(op, on, e);
	}
	ldap_pvt_thread_mutex_lock(&mc->mc_mutex);
	cache = known && gen == mc->mc_gen && mc->mc_cache_max > 0 &&
	    !ex->ex_nocache;
	if (cache && mc->mc_nodes.ns_count + n > (size_t) mc->mc_cache_max) {
		/* empty it for the next searches; this one goes on alone
		 * (it may need more nodes than the cache may hold) */
		Debug(LDAP_DEBUG_STATS, "%s mhsdl: cache full (%lu nodes, "
		    "mhsdl-cache-entries %d): emptied\n", op->o_log_prefix,
		    (unsigned long) mc->mc_nodes.ns_count, mc->mc_cache_max);
		mhsdl_nodes_clear(&mc->mc_nodes);
		ex->ex_nocache = 1;
		cache = 0;
	}
	for (i = 0; i < n; i++) {
		nd = nds[i];
		if (mhsdl_nodes_find(&ex->ex_priv, &nd->nd_ndn, nd->nd_hash)
		    != NULL || (cache && mhsdl_nodes_find(&mc->mc_nodes,
		    &nd->nd_ndn, nd->nd_hash) != NULL))
			mhsdl_node_free(nd);	/* another search was faster */
		else
			mhsdl_nodes_insert(cache ? &mc->mc_nodes :
			    &ex->ex_priv, nd);
	}
	op->o_tmpfree(nds, op->o_tmpmemctx);
	/* the caller goes on with mc_mutex held */
}

/* mhsdl_asked - was mmhsExpandedRecipient requested by name ("+" is not
 * enough: the expansion is too costly to compute for every list)? */
static int
mhsdl_asked(AttributeName *an)
{
	for (; an != NULL && !BER_BVISNULL(&an->an_name); an++)
		if (an->an_desc == mhsdl_ad_expanded)
			return 1;
	return 0;
}

/* mhsdl_search_resp - marks a search that asks for the expansion */
static int
mhsdl_search_resp(Operation *op, SlapReply *rs)
{
	return SLAP_CB_CONTINUE;
}

/* mhsdl_search_cleanup - pop and free the mark when the search ends */
static int
mhsdl_search_cleanup(Operation *op, SlapReply *rs)
{
	slap_callback *sc = op->o_callback;

	if (rs->sr_type != REP_RESULT && rs->sr_err != SLAPD_ABANDON &&
	    !op->o_abandon)
		return 0;
	op->o_callback = sc->sc_next;
	op->o_tmpfree(sc, op->o_tmpmemctx);
	return 0;
}

/* mhsdl_search - note the cache generation when the search starts */
static int
mhsdl_search(Operation *op, SlapReply *rs)
{
	slap_overinst *on = (slap_overinst *) op->o_bd->bd_info;
	mhsdl_conf *mc = on->on_bi.bi_private;
	slap_callback *sc;
	unsigned long *gen;

	if (!mhsdl_asked(op->ors_attrs))
		return SLAP_CB_CONTINUE;
	sc = op->o_tmpcalloc(1, sizeof(*sc) + sizeof(*gen), op->o_tmpmemctx);
	gen = (unsigned long *) (sc + 1);
	ldap_pvt_thread_mutex_lock(&mc->mc_mutex);
	*gen = mc->mc_gen;
	ldap_pvt_thread_mutex_unlock(&mc->mc_mutex);
	sc->sc_response = mhsdl_search_resp;
	sc->sc_cleanup = mhsdl_search_cleanup;
	sc->sc_private = gen;
	sc->sc_next = op->o_callback;
	op->o_callback = sc;
	return SLAP_CB_CONTINUE;
}

/* mhsdl_search_gen - the generation noted by mhsdl_search; 0 if none */
static int
mhsdl_search_gen(Operation *op, unsigned long *gen)
{
	slap_callback *sc;

	for (sc = op->o_callback; sc != NULL; sc = sc->sc_next)
		if (sc->sc_response == mhsdl_search_resp) {
			*gen = *(unsigned long *) sc->sc_private;
			return 1;
		}
	return 0;
}

/* mhsdl_operational - mmhsExpandedRecipient, when asked for by name */
static int
mhsdl_operational(Operation *op, SlapReply *rs)
{
	slap_overinst *on = (slap_overinst *) op->o_bd->bd_info;
	mhsdl_conf *mc = on->on_bi.bi_private;
	struct berval *root;
	unsigned long gen = 0;
	mhsdl_node *nd;
	mhsdl_exp ex;
	Attribute *a, **ap;
	size_t h;
	int known, pass;

	if (rs->sr_entry == NULL || !mhsdl_asked(rs->sr_attrs) ||
	    mhsdl_schema() != 0 || !mhsdl_is_list(rs->sr_entry))
		return SLAP_CB_CONTINUE;
	known = mhsdl_search_gen(op, &gen);
	memset(&ex, 0, sizeof(ex));
	ex.ex_op = op;
	ex.ex_mc = mc;
	root = &rs->sr_entry->e_nname;
	h = mhsdl_hash(root);
	ldap_pvt_thread_mutex_lock(&mc->mc_mutex);
	for (pass = 1; ; pass++) {
		ex.ex_stamp = ++mc->mc_stamp;
		nd = mhsdl_exp_node(&ex, root, h);
		if (nd == NULL)
			(void) mhsdl_set_add(op, &ex.ex_missing, root);
		else if (nd->nd_flags & MHSDL_ND_LIST) {
			nd->nd_stamp = ex.ex_stamp;
			mhsdl_exp_list(&ex, nd, 0);
		}
		if (ex.ex_missing.st_count == 0)
			break;
		ldap_pvt_thread_mutex_unlock(&mc->mc_mutex);
		mhsdl_exp_fetch(&ex, on, known, gen);	/* locks again */
		mhsdl_exp_reset(&ex);
	}
	ldap_pvt_thread_mutex_unlock(&mc->mc_mutex);
	mhsdl_pset_free(op, &ex.ex_addrs);
	mhsdl_nodes_clear(&ex.ex_priv);
	Debug(LDAP_DEBUG_TRACE, "%s mhsdl: %s: %d recipients, %d passes\n",
	    op->o_log_prefix, rs->sr_entry->e_name.bv_val, ex.ex_nvals, pass);
	if (ex.ex_truncated)
		Debug(LDAP_DEBUG_ANY, "%s mhsdl: %s: expansion stopped at %d "
		    "recipients (mhsdl-max-recipients)\n", op->o_log_prefix,
		    rs->sr_entry->e_name.bv_val, mc->mc_max_rcpts);
	if (ex.ex_nvals == 0) {
		ch_free(ex.ex_vals);
		return SLAP_CB_CONTINUE;
	}
	a = attr_alloc(mhsdl_ad_expanded);
	a->a_vals = ex.ex_vals;
	a->a_nvals = ex.ex_vals;
	a->a_numvals = ex.ex_nvals;
	for (ap = &rs->sr_operational_attrs; *ap != NULL; ap = &(*ap)->a_next)
		;
	*ap = a;
	return SLAP_CB_CONTINUE;
}

/* ------------------------------------------------------------------ */
/* Expansion cache warm-up
 *
 * When the database opens (not in tool mode), and when the cache was
 * emptied by a configuration change, a task of the server's thread
 * pool fills the cache in the background: one internal search of every
 * list of the database (below this overlay), then the member entries
 * of those lists, read by DN in rounds of MHSDL_WARM_CHUNK.  The server
 * answers meanwhile; an expansion that comes first reads what it misses
 * itself, as without the warm-up.
 *
 * Consistency: while a round reads, every write through the overlay is
 * also noted (mc_jr, at most MHSDL_WARM_JOURNAL, else the whole round
 * is void and read again).  A round starts noting before its reads
 * begin (each read, or the search, takes a database snapshot after
 * that), and when it is stored the nodes of noted DNs (and below a
 * renamed DN) are dropped: a write that ended before the round began
 * is in what the round read, a later one is noted or, if it ends after
 * the round is stored, drops the node itself.  A round is not stored
 * when the cache was emptied meanwhile (mc_epoch); the warm-up then
 * starts over.  It stops when the cache holds mhsdl-cache-entries
 * nodes: it never empties the cache.
 */

/* A queued warm-up task; wt_dead when the database closed first. */
struct mhsdl_wtask {
	slap_overinst	*wt_on;
	int		wt_dead;
};

/* guards mc_wtask and wt_dead of every database */
static ldap_pvt_thread_mutex_t mhsdl_wt_mutex;

/* Nodes read by one warm-up round (heap). */
typedef struct mhsdl_batch {
	mhsdl_node	**bt_nds;
	size_t		bt_n, bt_max;
} mhsdl_batch;

/* mhsdl_batch_add - append a node */
static void
mhsdl_batch_add(mhsdl_batch *bt, mhsdl_node *nd)
{
	if (bt->bt_n == bt->bt_max) {
		bt->bt_max = bt->bt_max ? bt->bt_max * 2 : 256;
		bt->bt_nds = ch_realloc(bt->bt_nds,
		    bt->bt_max * sizeof(*bt->bt_nds));
	}
	bt->bt_nds[bt->bt_n++] = nd;
}

/* mhsdl_batch_clear - free the nodes not stored (NULL slots were) */
static void
mhsdl_batch_clear(mhsdl_batch *bt)
{
	size_t i;

	for (i = 0; i < bt->bt_n; i++)
		if (bt->bt_nds[i] != NULL)
			mhsdl_node_free(bt->bt_nds[i]);
	bt->bt_n = 0;
}

/* mhsdl_warm_begin - start noting writes: a round begins to read */
static void
mhsdl_warm_begin(mhsdl_conf *mc)
{
	ldap_pvt_thread_mutex_lock(&mc->mc_mutex);
	mhsdl_jr_reset(mc, 1);
	ldap_pvt_thread_mutex_unlock(&mc->mc_mutex);
}

/* mhsdl_warm_noted - was nd's DN written while the round read? */
static int
mhsdl_warm_noted(mhsdl_conf *mc, mhsdl_node *nd)
{
	mhsdl_jr *jr;
	int i;

	for (i = 0; i < mc->mc_jr_n; i++) {
		jr = &mc->mc_jr[i];
		if (dn_match(&nd->nd_ndn, &jr->jr_ndn) || (jr->jr_sub &&
		    nd->nd_ndn.bv_len > jr->jr_ndn.bv_len &&
		    dnIsSuffix(&nd->nd_ndn, &jr->jr_ndn)))
			return 1;
	}
	return 0;
}

/*
 * mhsdl_warm_commit - store a round's nodes in the cache, but those the
 * noted writes touched; the batch keeps the others.  0 done, 1 the
 * round is void (too many writes: read it again), -1 stop (closing,
 * emptied since epoch, or the cache is full)
 */
static int
mhsdl_warm_commit(mhsdl_conf *mc, mhsdl_batch *bt, unsigned long epoch)
{
	mhsdl_node *nd;
	size_t i;
	int rc = 0;

	ldap_pvt_thread_mutex_lock(&mc->mc_mutex);
	if (mc->mc_warm_stop || slapd_shutdown || mc->mc_epoch != epoch ||
	    mc->mc_cache_max <= 0)
		rc = -1;
	else if (mc->mc_jr_n < 0)
		rc = 1;
	for (i = 0; rc == 0 && i < bt->bt_n; i++) {
		nd = bt->bt_nds[i];
		if (mhsdl_warm_noted(mc, nd) || mhsdl_nodes_find(&mc->mc_nodes,
		    &nd->nd_ndn, nd->nd_hash) != NULL)
			continue;
		if (mc->mc_nodes.ns_count >= (size_t) mc->mc_cache_max) {
			rc = -1;	/* full: keep what is there */
			break;
		}
		mhsdl_nodes_insert(&mc->mc_nodes, nd);
		bt->bt_nds[i] = NULL;
	}
	mhsdl_jr_reset(mc, 0);
	ldap_pvt_thread_mutex_unlock(&mc->mc_mutex);
	mhsdl_batch_clear(bt);
	return rc;
}

/* State of the list search of a warm-up. */
typedef struct mhsdl_wsearch {
	mhsdl_conf	*ws_mc;
	mhsdl_batch	*ws_bt;
} mhsdl_wsearch;

/* mhsdl_warm_search_cb - a node of every list the search returns */
static int
mhsdl_warm_search_cb(Operation *op, SlapReply *rs)
{
	mhsdl_wsearch *ws = op->o_callback->sc_private;
	Entry *e = rs->sr_entry;

	if (rs->sr_type != REP_SEARCH || e == NULL)
		return 0;
	if (ws->ws_mc->mc_warm_stop || slapd_shutdown) {
		op->o_abandon = 1;	/* closing: the search may stop */
		return 0;
	}
	if (mhsdl_is_list(e))
		mhsdl_batch_add(ws->ws_bt, mhsdl_node_new(op, &e->e_nname,
		    mhsdl_hash(&e->e_nname), e));
	return 0;
}

/* mhsdl_warm_lists - read every list of the database into bt */
static void
mhsdl_warm_lists(Operation *op, slap_overinst *on, mhsdl_batch *bt)
{
	static char fstr[] = "(objectClass=mhs-distribution-list)";
	SlapReply rs = { REP_SEARCH };
	slap_callback cb = { NULL, mhsdl_warm_search_cb, NULL, NULL };
	mhsdl_wsearch ws;
	BackendInfo *bi = op->o_bd->bd_info;

	ws.ws_mc = on->on_bi.bi_private;
	ws.ws_bt = bt;
	cb.sc_private = &ws;
	op->o_callback = &cb;
	op->o_tag = LDAP_REQ_SEARCH;
	op->o_req_dn = op->o_bd->be_suffix[0];
	op->o_req_ndn = op->o_bd->be_nsuffix[0];
	op->ors_scope = LDAP_SCOPE_SUBTREE;
	op->ors_deref = LDAP_DEREF_NEVER;
	ber_str2bv(fstr, sizeof(fstr) - 1, 0, &op->ors_filterstr);
	op->ors_filter = str2filter_x(op, fstr);
	op->ors_attrs = NULL;
	op->ors_attrsonly = 0;
	op->ors_limit = NULL;
	op->ors_slimit = SLAP_NO_LIMIT;
	op->ors_tlimit = SLAP_NO_LIMIT;
	op->o_managedsait = SLAP_CONTROL_CRITICAL;
	op->o_abandon = 0;
	if (op->ors_filter == NULL)
		return;
	op->o_bd->bd_info = (BackendInfo *) on->on_info;
	(void) op->o_bd->be_search(op, &rs);
	op->o_bd->bd_info = bi;
	filter_free_x(op, op->ors_filter, 1);
	op->ors_filter = NULL;
	op->o_callback = NULL;
}

/*
 * mhsdl_warm_members - the DNs (tmp set) of the directory members of
 * the lists in bt with MHSDL_WARM_MIN_MEMBERS or more of them, that are
 * neither lists of bt nor cached yet
 */
static void
mhsdl_warm_members(Operation *op, mhsdl_conf *mc, mhsdl_batch *bt,
	mhsdl_set *ms)
{
	mhsdl_nodes lists;
	mhsdl_node *nd;
	mhsdl_item *it;
	size_t i;
	int j;

	memset(&lists, 0, sizeof(lists));
	for (i = 0; i < bt->bt_n; i++)
		mhsdl_nodes_insert(&lists, bt->bt_nds[i]);
	ldap_pvt_thread_mutex_lock(&mc->mc_mutex);
	for (i = 0; i < bt->bt_n; i++) {
		nd = bt->bt_nds[i];
		if (nd->nd_nitems < MHSDL_WARM_MIN_MEMBERS)
			continue;
		for (j = 0; j < nd->nd_nitems; j++) {
			it = &nd->nd_items[j];
			if (it->it_type != MHSDL_IT_DIR ||
			    mhsdl_nodes_find(&lists, &it->it_ndn, it->it_hash) ||
			    mhsdl_nodes_find(&mc->mc_nodes, &it->it_ndn,
			    it->it_hash))
				continue;
			(void) mhsdl_set_add(op, ms, &it->it_ndn);
		}
	}
	ldap_pvt_thread_mutex_unlock(&mc->mc_mutex);
	/* the table only borrowed the nodes */
	ch_free(lists.ns_bucket);
}

/* mhsdl_warm_run - one warm-up from an empty cache: -1 when it stopped
 * early (closing, emptied, full), else the nodes read in *nread */
static int
mhsdl_warm_run(Operation *op, slap_overinst *on, unsigned long epoch,
	size_t *nlists, size_t *nread)
{
	mhsdl_conf *mc = on->on_bi.bi_private;
	mhsdl_batch bt;
	mhsdl_set ms;
	struct berval *ndn;
	Entry *e;
	size_t i, next;
	int rc, tries;

	memset(&bt, 0, sizeof(bt));
	memset(&ms, 0, sizeof(ms));
	*nlists = *nread = 0;
	for (tries = 0, rc = 1; rc == 1 && tries < MHSDL_WARM_RETRIES;
	    tries++) {
		mhsdl_warm_begin(mc);
		mhsdl_warm_lists(op, on, &bt);
		*nlists = bt.bt_n;
		mhsdl_warm_members(op, mc, &bt, &ms);
		rc = mhsdl_warm_commit(mc, &bt, epoch);
		if (rc != 0)
			mhsdl_set_free(op, &ms);
	}
	*nread = *nlists;
	/* the members, a round of MHSDL_WARM_CHUNK at a time */
	for (i = 0; rc == 0 && i < ms.st_size; i = next) {
		for (tries = 0, rc = 1; rc == 1 && tries < MHSDL_WARM_RETRIES;
		    tries++) {
			mhsdl_warm_begin(mc);
			mhsdl_uncached(mc, &ms.st_slot[i], ms.st_size - i,
			    MHSDL_WARM_CHUNK);
			for (next = i; next < ms.st_size &&
			    bt.bt_n < MHSDL_WARM_CHUNK; next++) {
				ndn = &ms.st_slot[next];
				if (ndn->bv_val == NULL || ndn->bv_len == 0)
					continue;
				e = mhsdl_get(op, on, ndn);
				mhsdl_batch_add(&bt, mhsdl_node_new(op, ndn,
				    mhsdl_hash(ndn), e));
				mhsdl_release(op, on, e);
			}
			*nread += bt.bt_n;
			rc = mhsdl_warm_commit(mc, &bt, epoch);
		}
	}
	mhsdl_set_free(op, &ms);
	ch_free(bt.bt_nds);
	return rc == 0 ? 0 : -1;
}

/* mhsdl_warm_task - the thread pool task: warm the cache up */
static void *
mhsdl_warm_task(void *ctx, void *arg)
{
	mhsdl_wtask *wt = arg;
	slap_overinst *on;
	mhsdl_conf *mc;
	Connection conn = { 0 };
	OperationBuffer opbuf;
	Operation *op;
	BackendDB *be, db;
	struct timeval t0, t1;
	unsigned long epoch;
	size_t nlists, nread;
	int rc;

	ldap_pvt_thread_mutex_lock(&mhsdl_wt_mutex);
	if (wt->wt_dead) {
		ldap_pvt_thread_mutex_unlock(&mhsdl_wt_mutex);
		ch_free(wt);
		return NULL;
	}
	on = wt->wt_on;
	mc = on->on_bi.bi_private;
	mc->mc_wtask = NULL;
	ldap_pvt_thread_mutex_unlock(&mhsdl_wt_mutex);
	ch_free(wt);

	be = select_backend(&mc->mc_nsuffix, 0);
	connection_fake_init(&conn, &opbuf, ctx);
	op = &opbuf.ob_op;
	ldap_pvt_thread_mutex_lock(&mc->mc_mutex);
	do {
		mc->mc_warm_again = 0;
		epoch = mc->mc_epoch;
		rc = -1;
		if (be == NULL || mc->mc_warm_stop || slapd_shutdown)
			break;
		ldap_pvt_thread_mutex_unlock(&mc->mc_mutex);
		db = *be;
		op->o_bd = &db;
		op->o_dn = be->be_rootdn;
		op->o_ndn = be->be_rootndn;
		gettimeofday(&t0, NULL);
		rc = mhsdl_warm_run(op, on, epoch, &nlists, &nread);
		gettimeofday(&t1, NULL);
		Debug(LDAP_DEBUG_STATS, "mhsdl: %s: expansion cache warm-up "
		    "%s: %lu lists, %lu entries read in %ld ms\n",
		    be->be_suffix[0].bv_val, rc == 0 ? "done" : "stopped",
		    (unsigned long) nlists, (unsigned long) nread,
		    (long) ((t1.tv_sec - t0.tv_sec) * 1000 +
		    (t1.tv_usec - t0.tv_usec) / 1000));
		ldap_pvt_thread_mutex_lock(&mc->mc_mutex);
	} while (mc->mc_warm_again && !mc->mc_warm_stop && !slapd_shutdown);
	mc->mc_warming = 0;
	ldap_pvt_thread_cond_broadcast(&mc->mc_warm_cond);
	ldap_pvt_thread_mutex_unlock(&mc->mc_mutex);
	return NULL;
}

/* mhsdl_warm_start - queue a warm-up (one at a time: a running one
 * starts over) when the database is open and the cache wanted */
static void
mhsdl_warm_start(slap_overinst *on)
{
	mhsdl_conf *mc = on->on_bi.bi_private;
	mhsdl_wtask *wt;

	if ((slapMode & SLAP_TOOL_MODE) || !mc->mc_open || !mc->mc_warm ||
	    mc->mc_cache_max <= 0)
		return;
	ldap_pvt_thread_mutex_lock(&mhsdl_wt_mutex);
	ldap_pvt_thread_mutex_lock(&mc->mc_mutex);
	if (mc->mc_warming) {
		mc->mc_warm_again = 1;
	} else {
		wt = ch_calloc(1, sizeof(*wt));
		wt->wt_on = on;
		mc->mc_warm_stop = 0;
		mc->mc_warming = 1;
		mc->mc_wtask = wt;
		if (ldap_pvt_thread_pool_submit(&connection_pool,
		    mhsdl_warm_task, wt) != 0) {
			Debug(LDAP_DEBUG_ANY, "mhsdl: cannot start the "
			    "expansion cache warm-up\n");
			mc->mc_warming = 0;
			mc->mc_wtask = NULL;
			ch_free(wt);
		}
	}
	ldap_pvt_thread_mutex_unlock(&mc->mc_mutex);
	ldap_pvt_thread_mutex_unlock(&mhsdl_wt_mutex);
}

/* mhsdl_warm_stop - no warm-up runs or is queued when this returns (a
 * queued one is disowned: the pool may be paused, it cannot run now) */
static void
mhsdl_warm_stop(mhsdl_conf *mc)
{
	ldap_pvt_thread_mutex_lock(&mhsdl_wt_mutex);
	ldap_pvt_thread_mutex_lock(&mc->mc_mutex);
	mc->mc_warm_stop = 1;
	if (mc->mc_wtask != NULL) {
		mc->mc_wtask->wt_dead = 1;
		mc->mc_wtask = NULL;
		mc->mc_warming = 0;
	}
	ldap_pvt_thread_mutex_unlock(&mhsdl_wt_mutex);
	while (mc->mc_warming)
		ldap_pvt_thread_cond_wait(&mc->mc_warm_cond, &mc->mc_mutex);
	ldap_pvt_thread_mutex_unlock(&mc->mc_mutex);
}

/* ------------------------------------------------------------------ */
/* Submit permission (extended operation) */

/* State of one submit-permission request. */
typedef struct mhsdl_sub {
	Operation	*sb_op;
	slap_overinst	*sb_on;
	mhsdl_conf	*sb_mc;
	mhsdl_set	sb_seen;
} mhsdl_sub;

/* Result of an internal search for one entry. */
typedef struct mhsdl_found {
	struct berval	fd_ndn;		/* tmp memory */
	int		fd_count;
} mhsdl_found;

/* mhsdl_find_cb - remember the first entry an internal search returns */
static int
mhsdl_find_cb(Operation *op, SlapReply *rs)
{
	mhsdl_found *fd = op->o_callback->sc_private;

	if (rs->sr_type == REP_SEARCH) {
		if (fd->fd_count++ == 0)
			ber_dupbv_x(&fd->fd_ndn, &rs->sr_entry->e_nname,
			    op->o_tmpmemctx);
	}
	return 0;
}

/*
 * mhsdl_find - DN (normalized, tmp memory) of the first entry of this
 * database whose attribute ad equals value, optionally restricted to
 * lists; 0 found, -1 not
 */
static int
mhsdl_find(Operation *op, slap_overinst *on, AttributeDescription *ad,
	const char *value, size_t len, int lists, struct berval *ndn)
{
	Operation o = *op;
	SlapReply r = { REP_SEARCH };
	slap_callback cb = { NULL, mhsdl_find_cb, NULL, NULL };
	mhsdl_found fd;
	struct berval val, esc, fstr;
	BackendInfo *bi = op->o_bd->bd_info;

	memset(&fd, 0, sizeof(fd));
	val.bv_val = (char *) value;
	val.bv_len = len;
	if (filter_escape_value_x(&val, &esc, op->o_tmpmemctx) != 0)
		return -1;
	fstr.bv_len = esc.bv_len + ad->ad_cname.bv_len + 64;
	fstr.bv_val = op->o_tmpalloc(fstr.bv_len, op->o_tmpmemctx);
	fstr.bv_len = snprintf(fstr.bv_val, fstr.bv_len, lists ?
	    "(&(objectClass=mhs-distribution-list)(%s=%s))" : "(%s=%s)",
	    ad->ad_cname.bv_val, esc.bv_val);
	op->o_tmpfree(esc.bv_val, op->o_tmpmemctx);
	cb.sc_private = &fd;
	o.o_callback = &cb;
	o.o_tag = LDAP_REQ_SEARCH;
	o.o_req_dn = op->o_bd->be_suffix[0];
	o.o_req_ndn = op->o_bd->be_nsuffix[0];
	o.ors_scope = LDAP_SCOPE_SUBTREE;
	o.ors_deref = LDAP_DEREF_NEVER;
	o.ors_filterstr = fstr;
	o.ors_filter = str2filter_x(&o, fstr.bv_val);
	o.ors_attrs = slap_anlist_no_attrs;
	o.ors_attrsonly = 1;
	o.ors_limit = NULL;
	o.ors_slimit = SLAP_NO_LIMIT;
	o.ors_tlimit = SLAP_NO_LIMIT;
	o.o_managedsait = SLAP_CONTROL_CRITICAL;
	if (o.ors_filter != NULL) {
		o.o_bd->bd_info = (BackendInfo *) on->on_info;
		(void) o.o_bd->be_search(&o, &r);
		o.o_bd->bd_info = bi;
		filter_free_x(&o, o.ors_filter, 1);
	}
	op->o_tmpfree(fstr.bv_val, op->o_tmpmemctx);
	if (fd.fd_count == 0)
		return -1;
	*ndn = fd.fd_ndn;
	return 0;
}

/* mhsdl_entry_has_addr - does entry e have O/R address addr? */
static int
mhsdl_entry_has_addr(Entry *e, const struct mmhs_oraddr *addr)
{
	struct mmhs_oraddr ea;
	Attribute *a;
	unsigned i;

	a = attr_find(e->e_attrs, mhsdl_ad_oraddr);
	for (i = 0; a != NULL && i < a->a_numvals; i++)
		if (mmhs_oraddr_parse(a->a_vals[i].bv_val, 0, &ea, NULL, 0)
		    == 0 && mmhs_oraddr_equal(&ea, addr))
			return 1;
	return 0;
}

/* mhsdl_sub_walk - is orig a member of list ndn, transitively? */
static int
mhsdl_sub_walk(mhsdl_sub *sb, struct berval *ndn,
	const struct mmhs_dl_originator *orig, int depth)
{
	Operation *op = sb->sb_op;
	struct berval ondn, mndn;
	struct mmhs_orname name;
	Entry *l, *m;
	Attribute *a;
	unsigned i;
	int found = 0;

	if (depth >= sb->sb_mc->mc_max_depth ||
	    !mhsdl_set_add(op, &sb->sb_seen, ndn))
		return 0;
	l = mhsdl_get(op, sb->sb_on, ndn);
	if (l == NULL)
		return 0;
	ondn.bv_val = (char *) orig->do_dn;
	ondn.bv_len = orig->do_dnlen;
	a = attr_find(l->e_attrs, mhsdl_ad_member);
	for (i = 0; a != NULL && i < a->a_numvals && !found; i++) {
		if (orig->do_dn != NULL && dn_match(&a->a_nvals[i], &ondn)) {
			found = 1;
			break;
		}
		m = mhsdl_get(op, sb->sb_on, &a->a_nvals[i]);
		if (m == NULL)
			continue;
		if (mhsdl_is_list(m))
			found = mhsdl_sub_walk(sb, &a->a_nvals[i], orig,
			    depth + 1);
		else if (orig->do_addr != NULL)
			found = mhsdl_entry_has_addr(m, orig->do_addr);
		mhsdl_release(op, sb->sb_on, m);
	}
	a = attr_find(l->e_attrs, mhsdl_ad_dl_members);
	for (i = 0; a != NULL && i < a->a_numvals && !found; i++) {
		if (mmhs_orname_parse(a->a_vals[i].bv_val, 0, &name, NULL, 0)
		    < 0)
			continue;
		if (name.on_has_addr && orig->do_addr != NULL &&
		    mmhs_oraddr_equal(&name.on_addr, orig->do_addr)) {
			found = 1;
			break;
		}
		if (name.on_dn == NULL || mhsdl_dlm_ndn(op, &a->a_vals[i],
		    &mndn) < 0)
			continue;
		if (orig->do_dn != NULL && dn_match(&mndn, &ondn))
			found = 1;
		else
			found = mhsdl_sub_walk(sb, &mndn, orig, depth + 1);
		op->o_tmpfree(mndn.bv_val, op->o_tmpmemctx);
	}
	mhsdl_release(op, sb->sb_on, l);
	return found;
}

/* mhsdl_sub_member - membership callback of mmhs_dl_perm_match() */
static int
mhsdl_sub_member(void *arg, enum mmhs_dl_perm_kind kind,
	const struct mmhs_orname *name, const struct mmhs_dl_originator *orig,
	char *err, size_t errlen)
{
	mhsdl_sub *sb = arg;
	Operation *op = sb->sb_op;
	struct berval dn, ndn, ondn;
	char abuf[MMHS_ORADDR_STRLEN];
	Attribute *a;
	Entry *g;
	unsigned i;
	int n, found = 0;

	if (name->on_dn != NULL) {
		dn.bv_val = (char *) name->on_dn;
		dn.bv_len = name->on_dnlen;
		if (mhsdl_dn_normalize(op, name->on_dn, name->on_dnlen, &ndn)
		    != LDAP_SUCCESS) {
			snprintf(err, errlen, "\"%.*s\" is not a DN",
			    (int) dn.bv_len, dn.bv_val);
			return -1;
		}
	} else {
		n = mmhs_oraddr_format(&name->on_addr, abuf, sizeof(abuf));
		if (n < 0 || mhsdl_find(op, sb->sb_on, mhsdl_ad_oraddr, abuf,
		    n, 1, &ndn) < 0)
			return 0;	/* no such list here: not a member */
	}
	if (kind == MMHS_DL_PERM_MEMBER_OF_GROUP) {
		if (orig->do_dn != NULL && (g = mhsdl_get(op, sb->sb_on,
		    &ndn)) != NULL) {
			ondn.bv_val = (char *) orig->do_dn;
			ondn.bv_len = orig->do_dnlen;
			a = attr_find(g->e_attrs, mhsdl_ad_gmember);
			for (i = 0; a != NULL && i < a->a_numvals && !found;
			    i++)
				found = dn_match(&a->a_nvals[i], &ondn);
			a = attr_find(g->e_attrs, mhsdl_ad_umember);
			for (i = 0; a != NULL && i < a->a_numvals && !found;
			    i++)
				found = dn_match(&a->a_nvals[i], &ondn);
			mhsdl_release(op, sb->sb_on, g);
		}
	} else {
		found = mhsdl_sub_walk(sb, &ndn, orig, 0);
		mhsdl_set_free(op, &sb->sb_seen);
	}
	op->o_tmpfree(ndn.bv_val, op->o_tmpmemctx);
	return found;
}

/*
 * mhsdl_sub_parse - split "ORIGINATOR$LISTDN" at the last '$'; the list
 * DN is normalized into op's request DN (tmp memory)
 */
static int
mhsdl_sub_parse(Operation *op, struct berval *orig, const char **text)
{
	struct berval *req = op->ore_reqdata, dn;
	char *dollar;

	if (req == NULL || req->bv_len == 0) {
		*text = "mhsdl: submit permission request needs the value "
		    "ORIGINATOR$LISTDN";
		return LDAP_PROTOCOL_ERROR;
	}
	dollar = NULL;
	for (dn.bv_val = req->bv_val; dn.bv_val < req->bv_val + req->bv_len;
	    dn.bv_val++)
		if (*dn.bv_val == '$')
			dollar = dn.bv_val;
	if (dollar == NULL || dollar == req->bv_val ||
	    dollar + 1 == req->bv_val + req->bv_len) {
		*text = "mhsdl: submit permission request value must be "
		    "ORIGINATOR$LISTDN";
		return LDAP_PROTOCOL_ERROR;
	}
	orig->bv_val = req->bv_val;
	orig->bv_len = dollar - req->bv_val;
	dn.bv_val = dollar + 1;
	dn.bv_len = req->bv_val + req->bv_len - dn.bv_val;
	if (dnPrettyNormal(NULL, &dn, &op->o_req_dn, &op->o_req_ndn,
	    op->o_tmpmemctx) != LDAP_SUCCESS) {
		*text = "mhsdl: submit permission request: the list name "
		    "after the last '$' is not a DN";
		return LDAP_PROTOCOL_ERROR;
	}
	return LDAP_SUCCESS;
}

/* mhsdl_exop_submit - global handler: route the request to the list's DB */
static int
mhsdl_exop_submit(Operation *op, SlapReply *rs)
{
	BackendDB *bd = op->o_bd;
	struct berval orig;

	rs->sr_err = mhsdl_sub_parse(op, &orig, &rs->sr_text);
	if (rs->sr_err != LDAP_SUCCESS)
		return rs->sr_err;
	op->o_bd = select_backend(&op->o_req_ndn, 0);
	if (op->o_bd == NULL) {
		rs->sr_err = LDAP_NO_SUCH_OBJECT;
		rs->sr_text = "mhsdl: no database holds that list";
	} else if (op->o_bd->be_extended == NULL) {
		rs->sr_err = LDAP_UNWILLING_TO_PERFORM;
		rs->sr_text = "mhsdl: the list's database has no mhsdl overlay";
	} else {
		rs->sr_err = op->o_bd->be_extended(op, rs);
		if (rs->sr_err == SLAP_CB_CONTINUE) {
			rs->sr_err = LDAP_UNWILLING_TO_PERFORM;
			rs->sr_text = "mhsdl: the list's database has no mhsdl"
			    " overlay";
		}
	}
	op->o_tmpfree(op->o_req_dn.bv_val, op->o_tmpmemctx);
	op->o_tmpfree(op->o_req_ndn.bv_val, op->o_tmpmemctx);
	BER_BVZERO(&op->o_req_dn);
	BER_BVZERO(&op->o_req_ndn);
	op->o_bd = bd;
	return rs->sr_err;
}

/* mhsdl_tmptext - a copy of text that lives until the operation ends */
static const char *
mhsdl_tmptext(Operation *op, const char *text)
{
	struct berval bv;

	ber_str2bv_x(text, 0, 1, &bv, op->o_tmpmemctx);
	return bv.bv_val;
}

/*
 * mhsdl_sub_originator - resolve the originator string into a DN (tmp,
 * normalized, may stay empty) and its O/R addresses (addrs, count in
 * *naddr); an explicit address comes first.  LDAP code, text in err.
 */
static int
mhsdl_sub_originator(mhsdl_sub *sb, struct berval *ostr, struct berval *ondn,
	struct mmhs_oraddr *addrs, int maxaddr, int *naddr, char *err,
	size_t errlen)
{
	Operation *op = sb->sb_op;
	struct mmhs_orname name;
	char abuf[MMHS_ORADDR_STRLEN];
	struct berval dn;
	Attribute *a;
	Entry *e;
	char *s;
	unsigned i;
	int n;

	BER_BVZERO(ondn);
	*naddr = 0;
	s = op->o_tmpalloc(ostr->bv_len + 1, op->o_tmpmemctx);
	memcpy(s, ostr->bv_val, ostr->bv_len);
	s[ostr->bv_len] = '\0';
	if (s[0] == '/' || s[0] == '<') {
		if (mmhs_orname_parse(s, 0, &name, err, errlen) < 0) {
			op->o_tmpfree(s, op->o_tmpmemctx);
			return LDAP_PROTOCOL_ERROR;
		}
		if (name.on_has_addr)
			addrs[(*naddr)++] = name.on_addr;
		if (name.on_dn != NULL) {
			dn.bv_val = (char *) name.on_dn;
			dn.bv_len = name.on_dnlen;
			if (mhsdl_dn_normalize(op, name.on_dn, name.on_dnlen,
			    ondn) != LDAP_SUCCESS) {
				snprintf(err, errlen, "originator's directory "
				    "name is not a DN");
				op->o_tmpfree(s, op->o_tmpmemctx);
				return LDAP_PROTOCOL_ERROR;
			}
		} else {
			n = mmhs_oraddr_format(&name.on_addr, abuf,
			    sizeof(abuf));
			if (n > 0)
				(void) mhsdl_find(op, sb->sb_on,
				    mhsdl_ad_oraddr, abuf, n, 0, ondn);
		}
	} else if (strchr(s, '@') != NULL && strchr(s, '=') == NULL) {
		(void) mhsdl_find(op, sb->sb_on, mhsdl_ad_mail, s, strlen(s),
		    0, ondn);
	} else {
		dn.bv_val = s;
		dn.bv_len = strlen(s);
		if (dnNormalize(0, NULL, NULL, &dn, ondn, op->o_tmpmemctx) !=
		    LDAP_SUCCESS) {
			snprintf(err, errlen, "originator \"%s\" is not an O/R "
			    "name, a DN or an RFC 5322 address", s);
			op->o_tmpfree(s, op->o_tmpmemctx);
			return LDAP_PROTOCOL_ERROR;
		}
	}
	op->o_tmpfree(s, op->o_tmpmemctx);
	if (!BER_BVISNULL(ondn) &&
	    (e = mhsdl_get(op, sb->sb_on, ondn)) != NULL) {
		a = attr_find(e->e_attrs, mhsdl_ad_oraddr);
		for (i = 0; a != NULL && i < a->a_numvals && *naddr < maxaddr;
		    i++)
			if (mmhs_oraddr_parse(a->a_vals[i].bv_val, 0,
			    &addrs[*naddr], NULL, 0) == 0)
				(*naddr)++;
		mhsdl_release(op, sb->sb_on, e);
	}
	return LDAP_SUCCESS;
}

#define MHSDL_MAX_ORIG_ADDRS	8

/* mhsdl_extended - answer "may ORIGINATOR submit to LIST?" */
static int
mhsdl_extended(Operation *op, SlapReply *rs)
{
	slap_overinst *on = (slap_overinst *) op->o_bd->bd_info;
	struct mmhs_oraddr addrs[MHSDL_MAX_ORIG_ADDRS];
	struct mmhs_dl_originator orig;
	char why[SLAP_TEXT_BUFLEN * 2], err[SLAP_TEXT_BUFLEN];
	const char **vals = NULL;
	struct berval ostr, ondn;
	mhsdl_sub sb;
	Attribute *a;
	Entry *l = NULL;
	int naddr = 0, i, rc, allowed = 0;
	const char *text;

	if (!bvmatch(&op->ore_reqoid, &mhsdl_exop_oid))
		return SLAP_CB_CONTINUE;
	if (mhsdl_schema() != 0) {
		rs->sr_text = "mhsdl: schema not loaded";
		return rs->sr_err = LDAP_OTHER;
	}
	/* the global handler has set o_req_dn; re-read the originator */
	ostr = *op->ore_reqdata;
	for (i = (int) ostr.bv_len - 1; i >= 0 && ostr.bv_val[i] != '$'; i--)
		;
	ostr.bv_len = i;

	memset(&sb, 0, sizeof(sb));
	sb.sb_op = op;
	sb.sb_on = on;
	sb.sb_mc = on->on_bi.bi_private;
	BER_BVZERO(&ondn);

	l = mhsdl_get(op, on, &op->o_req_ndn);
	if (l == NULL || !mhsdl_is_list(l)) {
		snprintf(why, sizeof(why), "mhsdl: %s: %s", op->o_req_dn.bv_val,
		    l == NULL ? "no such entry" :
		    "not a distribution list (mhs-distribution-list)");
		rc = l == NULL ? LDAP_NO_SUCH_OBJECT : LDAP_UNWILLING_TO_PERFORM;
		goto done;
	}
	if (!access_allowed(op, l, mhsdl_ad_submit, NULL, ACL_READ, NULL)) {
		snprintf(why, sizeof(why), "mhsdl: %s: no read access to "
		    "mhs-dl-submit-permissions", op->o_req_dn.bv_val);
		rc = LDAP_INSUFFICIENT_ACCESS;
		goto done;
	}
	rc = mhsdl_sub_originator(&sb, &ostr, &ondn, addrs,
	    MHSDL_MAX_ORIG_ADDRS, &naddr, err, sizeof(err));
	if (rc != LDAP_SUCCESS) {
		snprintf(why, sizeof(why), "mhsdl: originator \"%.*s\": %s",
		    (int) ostr.bv_len, ostr.bv_val, err);
		goto done;
	}
	a = attr_find(l->e_attrs, mhsdl_ad_submit);
	if (a != NULL && a->a_numvals > 0) {
		vals = op->o_tmpalloc(a->a_numvals * sizeof(char *),
		    op->o_tmpmemctx);
		for (i = 0; i < (int) a->a_numvals; i++)
			vals[i] = a->a_vals[i].bv_val;
	}
	orig.do_dn = BER_BVISNULL(&ondn) ? NULL : ondn.bv_val;
	orig.do_dnlen = ondn.bv_len;
	i = 0;
	do {
		orig.do_addr = naddr > 0 ? &addrs[i] : NULL;
		allowed = mmhs_dl_submit_allowed(vals, a != NULL ?
		    a->a_numvals : 0, &orig, mhsdl_sub_member, &sb, err,
		    sizeof(err));
	} while (allowed == 0 && ++i < naddr);
	if (allowed < 0) {
		snprintf(why, sizeof(why), "mhsdl: %s: %s",
		    op->o_req_dn.bv_val, err);
		rc = LDAP_OTHER;
		goto done;
	}
	snprintf(why, sizeof(why), "mhsdl: %s: originator \"%.*s\" %s: %s",
	    op->o_req_dn.bv_val, (int) ostr.bv_len, ostr.bv_val,
	    allowed ? "may submit" : "may not submit", err);
	rs->sr_rspdata = ber_bvstrdup(allowed ? "TRUE" : "FALSE");
	rc = LDAP_SUCCESS;
done:
	text = mhsdl_tmptext(op, why);
	if (vals != NULL)
		op->o_tmpfree(vals, op->o_tmpmemctx);
	if (!BER_BVISNULL(&ondn))
		op->o_tmpfree(ondn.bv_val, op->o_tmpmemctx);
	mhsdl_release(op, on, l);
	Debug(LDAP_DEBUG_STATS, "%s mhsdl submit: %s\n", op->o_log_prefix,
	    text);
	rs->sr_text = text;
	return rs->sr_err = rc;
}

/* ------------------------------------------------------------------ */
/* Database hooks */

/* mhsdl_db_init - allocate the per-database configuration */
static int
mhsdl_db_init(BackendDB *be, ConfigReply *cr)
{
	slap_overinst *on = (slap_overinst *) be->bd_info;
	mhsdl_conf *mc;

	mc = ch_calloc(1, sizeof(*mc));
	mc->mc_max_depth = MHSDL_DEF_MAX_DEPTH;
	mc->mc_max_rcpts = MHSDL_DEF_MAX_RCPTS;
	mc->mc_cache_max = MHSDL_DEF_CACHE;
	mc->mc_warm = 1;
	ldap_pvt_thread_mutex_init(&mc->mc_mutex);
	ldap_pvt_thread_cond_init(&mc->mc_warm_cond);
	on->on_bi.bi_private = mc;
	return 0;
}

/* mhsdl_flush - empty the expansion cache */
static void
mhsdl_flush(mhsdl_conf *mc)
{
	ldap_pvt_thread_mutex_lock(&mc->mc_mutex);
	mc->mc_gen++;
	mc->mc_epoch++;
	mhsdl_nodes_clear(&mc->mc_nodes);
	ldap_pvt_thread_mutex_unlock(&mc->mc_mutex);
}

/* mhsdl_db_open - check that the schema the overlay needs is there;
 * start with an empty cache and warm it up in the background */
static int
mhsdl_db_open(BackendDB *be, ConfigReply *cr)
{
	slap_overinst *on = (slap_overinst *) be->bd_info;
	mhsdl_conf *mc = on->on_bi.bi_private;

	if (mhsdl_schema() != 0) {
		snprintf(cr->msg, sizeof(cr->msg), "mhsdl: acp133.schema and "
		    "mmhs.schema must be loaded before the overlay is used");
		return 1;
	}
	mhsdl_flush(mc);
	if (be->be_nsuffix == NULL || BER_BVISNULL(&be->be_nsuffix[0]))
		return 0;
	ch_free(mc->mc_nsuffix.bv_val);
	ber_dupbv(&mc->mc_nsuffix, &be->be_nsuffix[0]);
	mc->mc_open = 1;
	mhsdl_warm_start(on);
	return 0;
}

/* mhsdl_db_close - empty the cache (the database may change while it is
 * closed) */
static int
mhsdl_db_close(BackendDB *be, ConfigReply *cr)
{
	slap_overinst *on = (slap_overinst *) be->bd_info;
	mhsdl_conf *mc = on->on_bi.bi_private;

	mc->mc_open = 0;
	mhsdl_warm_stop(mc);
	mhsdl_flush(mc);
	return 0;
}

/* mhsdl_db_destroy - free the per-database configuration */
static int
mhsdl_db_destroy(BackendDB *be, ConfigReply *cr)
{
	slap_overinst *on = (slap_overinst *) be->bd_info;
	mhsdl_conf *mc = on->on_bi.bi_private;

	if (mc != NULL) {
		mhsdl_warm_stop(mc);
		mhsdl_nodes_clear(&mc->mc_nodes);
		ldap_pvt_thread_mutex_lock(&mc->mc_mutex);
		mhsdl_jr_reset(mc, 0);
		ldap_pvt_thread_mutex_unlock(&mc->mc_mutex);
		ldap_pvt_thread_cond_destroy(&mc->mc_warm_cond);
		ldap_pvt_thread_mutex_destroy(&mc->mc_mutex);
		ch_free(mc->mc_nsuffix.bv_val);
		ch_free(mc->mc_site.bv_val);
		ch_free(mc->mc_nsite.bv_val);
		ch_free(mc);
		on->on_bi.bi_private = NULL;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Configuration */

enum { MHSDL_SITE = 1, MHSDL_MAX_DEPTH, MHSDL_MAX_RCPTS, MHSDL_CACHE,
	MHSDL_WARM };

/* mhsdl_cf_gen - emit, delete and set the configuration items */
static int
mhsdl_cf_gen(ConfigArgs *c)
{
	slap_overinst *on = (slap_overinst *) c->bi;
	mhsdl_conf *mc = on->on_bi.bi_private;

	if (c->op == SLAP_CONFIG_EMIT) {
		switch (c->type) {
		case MHSDL_SITE:
			if (BER_BVISNULL(&mc->mc_site))
				return 1;
			value_add_one(&c->rvalue_vals, &mc->mc_site);
			value_add_one(&c->rvalue_nvals, &mc->mc_nsite);
			return 0;
		case MHSDL_MAX_DEPTH:
			c->value_int = mc->mc_max_depth;
			return 0;
		case MHSDL_MAX_RCPTS:
			c->value_int = mc->mc_max_rcpts;
			return 0;
		case MHSDL_CACHE:
			c->value_int = mc->mc_cache_max;
			return 0;
		case MHSDL_WARM:
			c->value_int = mc->mc_warm;
			return 0;
		}
		return 1;
	}
	if (c->op == LDAP_MOD_DELETE) {
		switch (c->type) {
		case MHSDL_SITE:
			ch_free(mc->mc_site.bv_val);
			ch_free(mc->mc_nsite.bv_val);
			BER_BVZERO(&mc->mc_site);
			BER_BVZERO(&mc->mc_nsite);
			return 0;
		case MHSDL_MAX_DEPTH:
			mc->mc_max_depth = MHSDL_DEF_MAX_DEPTH;
			return 0;
		case MHSDL_MAX_RCPTS:
			mc->mc_max_rcpts = MHSDL_DEF_MAX_RCPTS;
			return 0;
		case MHSDL_CACHE:
			mc->mc_cache_max = MHSDL_DEF_CACHE;
			return 0;
		case MHSDL_WARM:
			mc->mc_warm = 1;
			mhsdl_warm_start(on);
			return 0;
		}
		return 1;
	}
	switch (c->type) {
	case MHSDL_SITE:
		ch_free(mc->mc_site.bv_val);
		ch_free(mc->mc_nsite.bv_val);
		mc->mc_site = c->value_dn;
		mc->mc_nsite = c->value_ndn;
		BER_BVZERO(&c->value_dn);
		BER_BVZERO(&c->value_ndn);
		return 0;
	case MHSDL_MAX_DEPTH:
		if (c->value_int < 1 || c->value_int > 1000) {
			snprintf(c->cr_msg, sizeof(c->cr_msg), "<%s> must be "
			    "between 1 and 1000", c->argv[0]);
			return 1;
		}
		mc->mc_max_depth = c->value_int;
		return 0;
	case MHSDL_MAX_RCPTS:
		if (c->value_int < 1) {
			snprintf(c->cr_msg, sizeof(c->cr_msg), "<%s> must be "
			    "positive", c->argv[0]);
			return 1;
		}
		mc->mc_max_rcpts = c->value_int;
		return 0;
	case MHSDL_CACHE:
		if (c->value_int < 0) {
			snprintf(c->cr_msg, sizeof(c->cr_msg), "<%s> must be "
			    "0 (no cache) or positive", c->argv[0]);
			return 1;
		}
		mc->mc_cache_max = c->value_int;
		mhsdl_flush(mc);
		mhsdl_warm_start(on);
		return 0;
	case MHSDL_WARM:
		mc->mc_warm = c->value_int;
		if (mc->mc_warm)
			mhsdl_warm_start(on);
		else
			mhsdl_warm_stop(mc);
		return 0;
	}
	return 1;
}

static ConfigTable mhsdl_cfg[] = {
	{ "mhsdl-site", "dn", 2, 2, 0,
	    ARG_MAGIC | ARG_DN | ARG_QUOTE | MHSDL_SITE, mhsdl_cf_gen,
	    "( " MHSDL_ARC ".3.2.1 NAME 'olcMhsdlSite' "
	    "DESC 'This site (an mmhsSite entry): lists whose mmhsSite names "
	    "another site are not expanded here' "
	    "EQUALITY distinguishedNameMatch "
	    "SYNTAX OMsDN SINGLE-VALUE )", NULL, { NULL } },
	{ "mhsdl-max-depth", "levels", 2, 2, 0,
	    ARG_MAGIC | ARG_INT | MHSDL_MAX_DEPTH, mhsdl_cf_gen,
	    "( " MHSDL_ARC ".3.2.2 NAME 'olcMhsdlMaxDepth' "
	    "DESC 'Deepest list nesting followed (expansion, cycles, "
	    "membership)' "
	    "EQUALITY integerMatch SYNTAX OMsInteger SINGLE-VALUE )",
	    NULL, { NULL } },
	{ "mhsdl-max-recipients", "count", 2, 2, 0,
	    ARG_MAGIC | ARG_INT | MHSDL_MAX_RCPTS, mhsdl_cf_gen,
	    "( " MHSDL_ARC ".3.2.3 NAME 'olcMhsdlMaxRecipients' "
	    "DESC 'Most values of mmhsExpandedRecipient computed for one list' "
	    "EQUALITY integerMatch SYNTAX OMsInteger SINGLE-VALUE )",
	    NULL, { NULL } },
	{ "mhsdl-cache-entries", "count", 2, 2, 0,
	    ARG_MAGIC | ARG_INT | MHSDL_CACHE, mhsdl_cf_gen,
	    "( " MHSDL_ARC ".3.2.4 NAME 'olcMhsdlCacheEntries' "
	    "DESC 'Most entries held by the expansion cache (emptied when "
	    "full); 0: no cache' "
	    "EQUALITY integerMatch SYNTAX OMsInteger SINGLE-VALUE )",
	    NULL, { NULL } },
	{ "mhsdl-cache-warmup", "on|off", 2, 2, 0,
	    ARG_MAGIC | ARG_ON_OFF | MHSDL_WARM, mhsdl_cf_gen,
	    "( " MHSDL_ARC ".3.2.5 NAME 'olcMhsdlCacheWarmup' "
	    "DESC 'Fill the expansion cache in the background when the "
	    "database opens and after the cache size is set' "
	    "EQUALITY booleanMatch SYNTAX OMsBoolean SINGLE-VALUE )",
	    NULL, { NULL } },
	{ NULL, NULL, 0, 0, 0, ARG_IGNORED, NULL, NULL, NULL, { NULL } }
};

static ConfigOCs mhsdl_ocs[] = {
	{ "( 2.25.59028202126315117165413111612054445617.4.2 "
	    "NAME 'olcMhsdlConfig' "
	    "DESC 'OpenMMHS mhsdl overlay configuration' "
	    "SUP olcOverlayConfig "
	    "MAY ( olcMhsdlSite $ olcMhsdlMaxDepth $ olcMhsdlMaxRecipients $ "
	    "olcMhsdlCacheEntries $ olcMhsdlCacheWarmup ) )",
	    Cft_Overlay, mhsdl_cfg, NULL, NULL, NULL, NULL },
	{ NULL, 0, NULL, NULL, NULL, NULL, NULL }
};

/* mhsdl_initialize - register the overlay and its configuration schema */
static int
mhsdl_initialize(void)
{
	int rc;

	if (!mmhs_overlay_version_ok("mhsdl"))
		return -1;
	ldap_pvt_thread_mutex_init(&mhsdl_wt_mutex);
	rc = register_at("( " MHSDL_ARC ".1.200 NAME 'mmhsExpandedRecipient' "
	    "DESC 'OpenMMHS: one final recipient of the transitive expansion "
	    "of a distribution list (computed, returned when asked for by "
	    "name)' "
	    "EQUALITY caseIgnoreMatch "
	    "SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 "
	    "NO-USER-MODIFICATION USAGE dSAOperation )",
	    &mhsdl_ad_expanded, 0);
	if (rc != 0) {
		Debug(LDAP_DEBUG_ANY, "mhsdl: cannot register "
		    "mmhsExpandedRecipient (%d)\n", rc);
		return rc;
	}
	rc = load_extop2(&mhsdl_exop_oid, SLAP_EXOP_HIDE, mhsdl_exop_submit, 0);
	if (rc != 0) {
		Debug(LDAP_DEBUG_ANY, "mhsdl: cannot register the submit "
		    "permission extended operation (%d)\n", rc);
		return rc;
	}
	mhsdl_ovl.on_bi.bi_type = "mhsdl";
	mhsdl_ovl.on_bi.bi_flags = SLAPO_BFLAG_SINGLE;
	mhsdl_ovl.on_bi.bi_db_init = mhsdl_db_init;
	mhsdl_ovl.on_bi.bi_db_open = mhsdl_db_open;
	mhsdl_ovl.on_bi.bi_db_close = mhsdl_db_close;
	mhsdl_ovl.on_bi.bi_db_destroy = mhsdl_db_destroy;
	mhsdl_ovl.on_bi.bi_op_search = mhsdl_search;
	mhsdl_ovl.on_bi.bi_op_add = mhsdl_add;
	mhsdl_ovl.on_bi.bi_op_modify = mhsdl_modify;
	mhsdl_ovl.on_bi.bi_op_modrdn = mhsdl_modrdn;
	mhsdl_ovl.on_bi.bi_op_delete = mhsdl_delete;
	mhsdl_ovl.on_bi.bi_operational = mhsdl_operational;
	mhsdl_ovl.on_bi.bi_extended = mhsdl_extended;
	mhsdl_ovl.on_bi.bi_cf_ocs = mhsdl_ocs;
	rc = config_register_schema(mhsdl_cfg, mhsdl_ocs);
	if (rc != 0)
		return rc;
	return overlay_register(&mhsdl_ovl);
}

int
init_module(int argc, char *argv[])
{
	return mhsdl_initialize();
}
