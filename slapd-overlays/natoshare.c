/* natoshare.c - OpenMMHS slapd overlay: NATO-shared directory subsets
 *
 * Loaded with "moduleload natoshare.la" and configured per database with
 * "overlay natoshare" (slapd.conf) or an olcOverlay=natoshare entry of object
 * class olcNatoshareConfig (cn=config).  See doc/slapo-natoshare.5.
 *
 * Release policies are entries of class mmhsReleasePolicy in the database:
 * mmhsReleaseTo names partner entries (mmhsPartner; a partner directory
 * binds as that DN), mmhsReleaseBase/mmhsReleaseScope/mmhsReleaseFilter
 * select the shared entries, mmhsReleaseAttribute lists the attributes the
 * partner may read.  The overlay keeps an in-memory table of the policies,
 * loaded at the first operation and reloaded after every successful write
 * of a policy entry.
 *
 * Semantics, per operation, when the requester (op->o_ndn) is a partner,
 * i.e. is named by the mmhsReleaseTo of some policy:
 *
 * search   The filter is rewritten to (&(F)(|(P1)(P2)...)) where each Pi is
 *          "(|(&(entryDN:dnSubtreeMatch:=BASE)(FILTER))(entryDN=BASE)
 *          (entryDN:dnSuperiorMatch:=BASE))" for one of the partner's
 *          policies (dnOneLevelMatch for scope one; for scope base
 *          "(|(&(entryDN=BASE)(FILTER))(entryDN:dnSuperiorMatch:=BASE))"):
 *          the policy's entries and its path entries, three assertions
 *          per policy however deep BASE lies.  The entryDN assertions are
 *          granted search access by the overlay itself, without the ACL
 *          engine: they are tested on every candidate entry of a partner
 *          search (back-mdb has no candidate index for them).  This
 *          selects exactly the shared entries in
 *          every phase of a search, including the persistent phase of an
 *          RFC 4533 refreshAndPersist search served by syncprov, which
 *          matches changes against the (rewritten) filter it stored: an
 *          entry that a write makes leave the subset matched before and
 *          not after, and syncprov sends the partner a delete.  For
 *          this the overlay must run before syncprov (be configured after
 *          it, as in mmhs-site).  A base-scope search of an entry that is
 *          not shared, or a search whose base lies outside every policy's
 *          region and is no ancestor of a policy base, fails with
 *          noSuchObject (32), exactly as for a DN that does not exist.
 * reading  Attributes are filtered through the access-control hook
 *          (bi_access_allowed), which slapd consults for every entry and
 *          attribute it sends, in normal searches and in syncprov's
 *          persistent phase alike: read, compare and disclose access to
 *          an entry no policy of the partner covers is denied; of a
 *          covered entry the partner reads objectClass, the attributes
 *          of its RDN, the attributes released by the policies covering
 *          it (and their subtypes), and the operational attributes
 *          entryUUID, entryCSN, createTimestamp, modifyTimestamp,
 *          structuralObjectClass, entryDN, subschemaSubentry and
 *          hasSubordinates (replication needs the first two).  Search
 *          access (filter evaluation) is allowed only to the attributes
 *          the partner's policies release or test in their filters, so a
 *          partner cannot probe unreleased attributes through filters.
 * add, modify, delete, modrdn (and the password modify exop, which is a
 *          modify): refused with insufficientAccess (50); partners only
 *          read.
 *
 * For every requester:
 *
 * shadow   With natoshare-shadow-base set, that subtree holds the copies
 *          of partners' data loaded by mmhs-share import and is
 *          read-only: an add, modify, delete or modrdn of an entry in it
 *          (or a modrdn moving an entry into it) is refused with
 *          unwillingToPerform (53) unless the requester is the
 *          natoshare-importer identity; the importer in turn may write
 *          nothing outside it (insufficientAccess, 50).  Writes by
 *          syncrepl consumers and with the relax control (the
 *          administrator's override) are not checked.
 * policies An add or modify of a release policy whose mmhsReleaseScope is
 *          not base, one or sub, whose mmhsReleaseFilter is not an RFC
 *          4515 filter (invalidAttributeSyntax, 21) or whose
 *          mmhsReleaseAttribute names an unknown attribute type
 *          (undefinedAttributeType, 17) is refused.
 */
#include "portable.h"

#include <stdarg.h>
#include <stdio.h>
#include <ac/string.h>

#include "slap.h"
#include "slap-config.h"

#include "mmhs_overlay.h"

/* one release policy, as loaded from its entry */
typedef struct natoshare_policy {
	struct natoshare_policy *np_next;
	struct berval	np_ndn;		/* the policy entry */
	BerVarray	np_partners;	/* normalized mmhsReleaseTo */
	struct berval	np_base;	/* normalized mmhsReleaseBase */
	int		np_scope;	/* LDAP_SCOPE_BASE/ONELEVEL/SUBTREE */
	Filter		*np_filter;	/* NULL: every entry */
	AttributeDescription **np_ads;	/* released attributes, NULL-ended */
	AttributeDescription **np_fads;	/* attributes its filter tests */
	BerVarray	np_path;	/* path entries: base, superiors */
	struct berval	np_fstr;	/* filter fragment selecting it */
} natoshare_policy;

/* what the policy reload search collects */
typedef struct natoshare_loadctx {
	struct natoshare_policy	*nl_list;
	struct berval		*nl_suffix;
} natoshare_loadctx;

typedef struct natoshare_info {
	ldap_pvt_thread_rdwr_t	ni_lock;	/* guards ni_policies */
	ldap_pvt_thread_mutex_t	ni_load_mutex;	/* one reload at a time */
	natoshare_policy	*ni_policies;
	int			ni_loaded;
	struct berval		ni_shadow, ni_nshadow;
	struct berval		ni_importer, ni_nimporter;
} natoshare_info;

static slap_overinst natoshare_ovl;

static AttributeDescription *natoshare_ad_to, *natoshare_ad_base,
	*natoshare_ad_scope, *natoshare_ad_filter, *natoshare_ad_attr;
static ObjectClass *natoshare_oc_policy;

/* operational attributes a partner reads of a shared entry */
static const char *const natoshare_op_names[] = {
	"entryUUID", "entryCSN", "createTimestamp", "modifyTimestamp",
	"structuralObjectClass", "entryDN", "subschemaSubentry",
	"hasSubordinates", NULL
};
static AttributeDescription *natoshare_op_ads[10];

/* natoshare_schema - resolve the schema elements the overlay uses */
static int
natoshare_schema(void)
{
	static const struct {
		const char *name;
		AttributeDescription **ad;
	} ats[] = {
		{ "mmhsReleaseTo", &natoshare_ad_to },
		{ "mmhsReleaseBase", &natoshare_ad_base },
		{ "mmhsReleaseScope", &natoshare_ad_scope },
		{ "mmhsReleaseFilter", &natoshare_ad_filter },
		{ "mmhsReleaseAttribute", &natoshare_ad_attr },
		{ NULL, NULL }
	};
	const char *text;
	int i;

	if (natoshare_oc_policy != NULL)
		return 0;
	for (i = 0; ats[i].name != NULL; i++) {
		*ats[i].ad = NULL;
		if (slap_str2ad(ats[i].name, ats[i].ad, &text) != LDAP_SUCCESS) {
			Debug(LDAP_DEBUG_ANY, "natoshare: attribute type %s "
			    "is not in the schema (load mmhs.schema): %s\n",
			    ats[i].name, text);
			return -1;
		}
	}
	for (i = 0; natoshare_op_names[i] != NULL; i++) {
		natoshare_op_ads[i] = NULL;
		if (slap_str2ad(natoshare_op_names[i], &natoshare_op_ads[i],
		    &text) != LDAP_SUCCESS)
			natoshare_op_ads[i] = NULL;
	}
	natoshare_oc_policy = oc_find("mmhsReleasePolicy");
	if (natoshare_oc_policy == NULL) {
		Debug(LDAP_DEBUG_ANY, "natoshare: object class "
		    "mmhsReleasePolicy is not in the schema (load mmhs.schema)\n");
		return -1;
	}
	return 0;
}

/* natoshare_scope - parse an mmhsReleaseScope value; -1 if invalid */
static int
natoshare_scope(struct berval *bv)
{
	if (bv == NULL)
		return LDAP_SCOPE_SUBTREE;
	if (bv->bv_len == 4 && strncasecmp(bv->bv_val, "base", 4) == 0)
		return LDAP_SCOPE_BASE;
	if (bv->bv_len == 3 && strncasecmp(bv->bv_val, "one", 3) == 0)
		return LDAP_SCOPE_ONELEVEL;
	if (bv->bv_len == 3 && strncasecmp(bv->bv_val, "sub", 3) == 0)
		return LDAP_SCOPE_SUBTREE;
	return -1;
}

/* natoshare_filter_desc - the attribute a leaf filter tests, or NULL */
static AttributeDescription *
natoshare_filter_desc(Filter *f)
{
	switch (f->f_choice & SLAPD_FILTER_MASK) {
	case LDAP_FILTER_EQUALITY:
	case LDAP_FILTER_GE:
	case LDAP_FILTER_LE:
	case LDAP_FILTER_APPROX:
		return f->f_av_desc;
	case LDAP_FILTER_SUBSTRINGS:
		return f->f_sub_desc;
	case LDAP_FILTER_PRESENT:
		return f->f_desc;
	case LDAP_FILTER_EXT:
		return f->f_mr_desc;
	default:
		return NULL;
	}
}

/* natoshare_filter_ads - add the attributes filter f tests to *ads */
static void
natoshare_filter_ads(Filter *f, AttributeDescription ***ads, int *n)
{
	AttributeDescription *ad = NULL;

	for (; f != NULL; f = f->f_next) {
		switch (f->f_choice & SLAPD_FILTER_MASK) {
		case LDAP_FILTER_AND:
		case LDAP_FILTER_OR:
			natoshare_filter_ads(f->f_list, ads, n);
			continue;
		case LDAP_FILTER_NOT:
			natoshare_filter_ads(f->f_not, ads, n);
			continue;
		default:
			ad = natoshare_filter_desc(f);
			break;
		}
		if (ad != NULL) {
			*ads = ch_realloc(*ads, (*n + 2) * sizeof(**ads));
			(*ads)[(*n)++] = ad;
			(*ads)[*n] = NULL;
		}
		/* a NOT/AND/OR list is walked by the recursion above; a
		 * simple filter in a list is followed through f_next */
	}
}

/* natoshare_policy_free - free one policy */
static void
natoshare_policy_free(natoshare_policy *np)
{
	ch_free(np->np_ndn.bv_val);
	ber_bvarray_free(np->np_partners);
	ch_free(np->np_base.bv_val);
	if (np->np_filter != NULL)
		filter_free(np->np_filter);
	ch_free(np->np_ads);
	ch_free(np->np_fads);
	ber_bvarray_free(np->np_path);
	ch_free(np->np_fstr.bv_val);
	ch_free(np);
}

/* natoshare_policy_parse - build a policy from its entry; NULL if unusable */
static natoshare_policy *
natoshare_policy_parse(Entry *e, struct berval *suffix)
{
	natoshare_policy *np;
	Attribute *a;
	struct berval esc = BER_BVNULL, fstr = BER_BVNULL;
	const char *text;
	char *s;
	int i, n, nf;

	np = ch_calloc(1, sizeof(*np));
	ber_dupbv(&np->np_ndn, &e->e_nname);
	a = attr_find(e->e_attrs, natoshare_ad_to);
	if (a == NULL)
		goto bad;
	ber_bvarray_dup_x(&np->np_partners, a->a_nvals, NULL);
	a = attr_find(e->e_attrs, natoshare_ad_base);
	if (a == NULL)
		goto bad;
	ber_dupbv(&np->np_base, &a->a_nvals[0]);
	a = attr_find(e->e_attrs, natoshare_ad_scope);
	np->np_scope = natoshare_scope(a ? &a->a_vals[0] : NULL);
	if (np->np_scope < 0)
		goto bad;
	a = attr_find(e->e_attrs, natoshare_ad_filter);
	if (a != NULL) {
		np->np_filter = str2filter(a->a_vals[0].bv_val);
		if (np->np_filter == NULL)
			goto bad;
		filter2bv(np->np_filter, &fstr);
	} else {
		ber_str2bv("(objectClass=*)", 0, 1, &fstr);
	}
	n = 0;
	np->np_ads = ch_calloc(1, sizeof(*np->np_ads));
	a = attr_find(e->e_attrs, natoshare_ad_attr);
	for (i = 0; a != NULL && !BER_BVISNULL(&a->a_vals[i]); i++) {
		AttributeDescription *ad = NULL;

		if (slap_bv2ad(&a->a_vals[i], &ad, &text) != LDAP_SUCCESS)
			continue;
		np->np_ads = ch_realloc(np->np_ads, (n + 2) * sizeof(ad));
		np->np_ads[n++] = ad;
		np->np_ads[n] = NULL;
	}
	nf = 0;
	np->np_fads = ch_calloc(1, sizeof(*np->np_fads));
	natoshare_filter_ads(np->np_filter, &np->np_fads, &nf);

	/* path entries: the base (for scope one and sub) and its superiors
	 * down to the suffix, seen with objectClass and naming attributes
	 * only, so that the partner's copy is a connected tree */
	{
		struct berval dn = np->np_base, pdn;

		if (np->np_scope == LDAP_SCOPE_BASE) {
			dnParent(&dn, &pdn);
			dn = pdn;
		}
		while (!BER_BVISEMPTY(&dn) && suffix != NULL &&
		    dnIsSuffix(&dn, suffix)) {
			struct berval x;

			ber_dupbv(&x, &dn);
			ber_bvarray_add(&np->np_path, &x);
			dnParent(&dn, &pdn);
			dn = pdn;
		}
	}

	/* the filter fragment that selects this policy's entries: its
	 * region and filter, its base and the base's superiors (the path
	 * entries; dnSuperiorMatch is one assertion however deep the base
	 * lies, and back-mdb answers it from dn2id) */
	filter_escape_value_x(&np->np_base, &esc, NULL);
	np->np_fstr.bv_len = 3 * esc.bv_len + fstr.bv_len + 128;
	np->np_fstr.bv_val = ch_malloc(np->np_fstr.bv_len);
	s = np->np_fstr.bv_val;
	switch (np->np_scope) {
	case LDAP_SCOPE_BASE:
		n = snprintf(s, np->np_fstr.bv_len, "(|(&(entryDN=%s)%s)"
		    "(entryDN:dnSuperiorMatch:=%s))", esc.bv_val, fstr.bv_val,
		    esc.bv_val);
		break;
	case LDAP_SCOPE_ONELEVEL:
		n = snprintf(s, np->np_fstr.bv_len,
		    "(|(&(entryDN:dnOneLevelMatch:=%s)%s)(entryDN=%s)"
		    "(entryDN:dnSuperiorMatch:=%s))", esc.bv_val, fstr.bv_val,
		    esc.bv_val, esc.bv_val);
		break;
	default:
		n = snprintf(s, np->np_fstr.bv_len,
		    "(|(&(entryDN:dnSubtreeMatch:=%s)%s)(entryDN=%s)"
		    "(entryDN:dnSuperiorMatch:=%s))", esc.bv_val, fstr.bv_val,
		    esc.bv_val, esc.bv_val);
		break;
	}
	ber_memfree(esc.bv_val);
	np->np_fstr.bv_len = n;
	ch_free(fstr.bv_val);
	return np;
bad:
	Debug(LDAP_DEBUG_ANY, "natoshare: release policy %s is unusable "
	    "(missing mmhsReleaseTo/mmhsReleaseBase, bad scope or filter): "
	    "ignored\n", e->e_name.bv_val);
	ch_free(fstr.bv_val);
	natoshare_policy_free(np);
	return NULL;
}

/* natoshare_policies_free - free a list of policies */
static void
natoshare_policies_free(natoshare_policy *np)
{
	natoshare_policy *next;

	for (; np != NULL; np = next) {
		next = np->np_next;
		natoshare_policy_free(np);
	}
}

/* natoshare_load_cb - collect the policy entries of the reload search */
static int
natoshare_load_cb(Operation *op, SlapReply *rs)
{
	natoshare_loadctx *nl = op->o_callback->sc_private;
	natoshare_policy **tail = &nl->nl_list, *np;

	if (rs->sr_type != REP_SEARCH)
		return 0;
	np = natoshare_policy_parse(rs->sr_entry, nl->nl_suffix);
	if (np != NULL) {
		while (*tail != NULL)
			tail = &(*tail)->np_next;
		*tail = np;
	}
	return 0;
}

/* natoshare_load - (re)build the policy table from the database */
static void
natoshare_load(Operation *op, slap_overinst *on)
{
	natoshare_info *ni = on->on_bi.bi_private;
	natoshare_policy *list, *old;
	natoshare_loadctx nl;
	Operation o = *op;
	SlapReply r = { REP_RESULT };
	slap_callback cb = { 0 };
	BackendDB db = *op->o_bd;
	static char fstr[] = "(objectClass=mmhsReleasePolicy)";

	if (natoshare_schema() != 0)
		return;
	ldap_pvt_thread_mutex_lock(&ni->ni_load_mutex);
	db.bd_info = on->on_info->oi_orig;
	o.o_bd = &db;
	o.o_tag = LDAP_REQ_SEARCH;
	o.o_req_dn = db.be_suffix[0];
	o.o_req_ndn = db.be_nsuffix[0];
	o.o_dn = db.be_rootdn;
	o.o_ndn = db.be_rootndn;
	o.o_managedsait = SLAP_CONTROL_CRITICAL;
	o.ors_scope = LDAP_SCOPE_SUBTREE;
	o.ors_deref = LDAP_DEREF_NEVER;
	o.ors_limit = NULL;
	o.ors_slimit = SLAP_NO_LIMIT;
	o.ors_tlimit = SLAP_NO_LIMIT;
	o.ors_attrs = NULL;
	o.ors_attrsonly = 0;
	ber_str2bv(fstr, sizeof(fstr) - 1, 0, &o.ors_filterstr);
	o.ors_filter = str2filter_x(&o, fstr);
	cb.sc_response = natoshare_load_cb;
	nl.nl_list = NULL;
	nl.nl_suffix = &db.be_nsuffix[0];
	cb.sc_private = &nl;
	o.o_callback = &cb;
	(void)db.bd_info->bi_op_search(&o, &r);
	filter_free_x(&o, o.ors_filter, 1);
	list = nl.nl_list;

	{
		natoshare_policy *np;
		int n = 0;

		for (np = list; np != NULL; np = np->np_next)
			n++;
		Debug(LDAP_DEBUG_STATS, "%s natoshare: %d release "
		    "polic%s loaded\n", op->o_log_prefix, n,
		    n == 1 ? "y" : "ies");
	}
	ldap_pvt_thread_rdwr_wlock(&ni->ni_lock);
	old = ni->ni_policies;
	ni->ni_policies = list;
	ni->ni_loaded = 1;
	ldap_pvt_thread_rdwr_wunlock(&ni->ni_lock);
	ldap_pvt_thread_mutex_unlock(&ni->ni_load_mutex);
	natoshare_policies_free(old);
}

/* natoshare_ready - load the policy table if not yet done */
static void
natoshare_ready(Operation *op, slap_overinst *on)
{
	natoshare_info *ni = on->on_bi.bi_private;
	int loaded;

	ldap_pvt_thread_rdwr_rlock(&ni->ni_lock);
	loaded = ni->ni_loaded;
	ldap_pvt_thread_rdwr_runlock(&ni->ni_lock);
	if (!loaded)
		natoshare_load(op, on);
}

/* natoshare_names - does policy np release to partner ndn? */
static int
natoshare_names(natoshare_policy *np, struct berval *ndn)
{
	int i;

	for (i = 0; !BER_BVISNULL(&np->np_partners[i]); i++)
		if (dn_match(&np->np_partners[i], ndn))
			return 1;
	return 0;
}

/* natoshare_is_partner - is ndn named by a policy (caller holds lock) */
static int
natoshare_is_partner(natoshare_info *ni, struct berval *ndn)
{
	natoshare_policy *np;

	if (BER_BVISEMPTY(ndn))
		return 0;
	for (np = ni->ni_policies; np != NULL; np = np->np_next)
		if (natoshare_names(np, ndn))
			return 1;
	return 0;
}

/* natoshare_partner - is op's requester a partner? (takes the lock) */
static int
natoshare_partner(Operation *op, slap_overinst *on)
{
	natoshare_info *ni = on->on_bi.bi_private;
	int rc;

	if (BER_BVISEMPTY(&op->o_ndn) || be_isroot(op))
		return 0;
	natoshare_ready(op, on);
	ldap_pvt_thread_rdwr_rlock(&ni->ni_lock);
	rc = natoshare_is_partner(ni, &op->o_ndn);
	ldap_pvt_thread_rdwr_runlock(&ni->ni_lock);
	return rc;
}

/* natoshare_covers - does np select entry e? (filter tested as rootdn) */
static int
natoshare_covers(Operation *op, natoshare_policy *np, Entry *e)
{
	Operation o;

	if (!dnIsSuffixScope(&e->e_nname, &np->np_base, np->np_scope))
		return 0;
	if (np->np_filter == NULL)
		return 1;
	o = *op;
	o.o_dn = op->o_bd->be_rootdn;
	o.o_ndn = op->o_bd->be_rootndn;
	return test_filter(&o, e, np->np_filter) == LDAP_COMPARE_TRUE;
}

/* natoshare_in - is ad one of (or a subtype of one of) ads? */
static int
natoshare_in(AttributeDescription *ad, AttributeDescription **ads)
{
	int i;

	for (i = 0; ads != NULL && ads[i] != NULL; i++)
		if (ad == ads[i] || is_ad_subtype(ad, ads[i]))
			return 1;
	return 0;
}

/* natoshare_rdn_attr - is ad an attribute of the RDN of e? */
static int
natoshare_rdn_attr(Operation *op, Entry *e, AttributeDescription *ad)
{
	LDAPRDN rdn = NULL;
	char *next = NULL;
	int i, found = 0;

	if (ldap_bv2rdn_x(&e->e_name, &rdn, &next, LDAP_DN_FORMAT_LDAP,
	    op->o_tmpmemctx) != LDAP_SUCCESS)
		return 0;
	for (i = 0; rdn[i] != NULL && !found; i++) {
		AttributeDescription *rad = NULL;
		const char *text;

		if (slap_bv2ad(&rdn[i]->la_attr, &rad, &text) == LDAP_SUCCESS &&
		    rad->ad_type == ad->ad_type)
			found = 1;
	}
	ldap_rdnfree_x(rdn, op->o_tmpmemctx);
	return found;
}

/* natoshare_covering - the partner's policies covering e (lock held) */
static int
natoshare_covering(Operation *op, natoshare_info *ni, Entry *e,
    natoshare_policy **cov, int max)
{
	natoshare_policy *np;
	int n = 0;

	for (np = ni->ni_policies; np != NULL && n < max; np = np->np_next)
		if (natoshare_names(np, &op->o_ndn) &&
		    natoshare_covers(op, np, e))
			cov[n++] = np;
	return n;
}

/* natoshare_is_path - is e a path entry of a partner's policy (lock held) */
static int
natoshare_is_path(Operation *op, natoshare_info *ni, Entry *e)
{
	natoshare_policy *np;
	int i;

	for (np = ni->ni_policies; np != NULL; np = np->np_next) {
		if (np->np_path == NULL || !natoshare_names(np, &op->o_ndn))
			continue;
		for (i = 0; !BER_BVISNULL(&np->np_path[i]); i++)
			if (dn_match(&np->np_path[i], &e->e_nname))
				return 1;
	}
	return 0;
}

/* natoshare_attr_ok - may the partner read desc of e, covered by cov
 * (ncov policies) or a path entry (ncov 0, path 1)? */
static int
natoshare_attr_ok(Operation *op, Entry *e, AttributeDescription *desc,
    natoshare_policy **cov, int ncov, int path)
{
	int i;

	if (ncov == 0 && !path)
		return 0;
	if (desc == slap_schema.si_ad_entry ||
	    desc == slap_schema.si_ad_children ||
	    desc == slap_schema.si_ad_objectClass)
		return 1;
	if (is_at_operational(desc->ad_type)) {
		for (i = 0; natoshare_op_names[i] != NULL; i++)
			if (natoshare_op_ads[i] == desc)
				return 1;
		return 0;
	}
	for (i = 0; i < ncov; i++)
		if (natoshare_in(desc, cov[i]->np_ads))
			return 1;
	return natoshare_rdn_attr(op, e, desc);
}

/* natoshare_npolicies - how many policies are loaded (lock held) */
static int
natoshare_npolicies(natoshare_info *ni)
{
	natoshare_policy *np;
	int n = 0;

	for (np = ni->ni_policies; np != NULL; np = np->np_next)
		n++;
	return n;
}

static int natoshare_search_entry(Operation *op, SlapReply *rs);

/* natoshare_in_search - is op a partner search natoshare_op_search
 * restricted? (its callback is on op; no lock needed) */
static int
natoshare_in_search(Operation *op)
{
	slap_callback *sc;

	for (sc = op->o_callback; sc != NULL; sc = sc->sc_next)
		if (sc->sc_response == natoshare_search_entry)
			return 1;
	return 0;
}

/* natoshare_access - bi_access_allowed: a partner's view of entries */
static int
natoshare_access(Operation *op, Entry *e, AttributeDescription *desc,
    struct berval *val, slap_access_t access, AccessControlState *state,
    slap_mask_t *maskp)
{
	slap_overinst *on = (slap_overinst *)op->o_bd->bd_info;
	natoshare_info *ni = on->on_bi.bi_private;
	natoshare_policy *np;
	slap_access_t level = ACL_LEVEL(access);
	int allow = 0;

	if (BER_BVISEMPTY(&op->o_ndn) || be_isroot(op) ||
	    level == ACL_AUTH || level == ACL_NONE)
		return SLAP_CB_CONTINUE;
	/* syncprov's delete messages carry an entry without attributes */
	if (desc == slap_schema.si_ad_entry && e->e_attrs == NULL)
		return SLAP_CB_CONTINUE;
	/* the scope and path assertions the overlay adds to every partner
	 * filter are tested on every candidate entry: granted here, without
	 * the ACL engine (a partner's own entryDN assertions are ANDed with
	 * them and disclose nothing) */
	if (level == ACL_SEARCH && desc == slap_schema.si_ad_entryDN &&
	    natoshare_in_search(op)) {
		if (maskp != NULL)
			ACL_PRIV_ASSIGN(*maskp, ACL_LVL_SEARCH);
		return 1;
	}
	natoshare_ready(op, on);
	ldap_pvt_thread_rdwr_rlock(&ni->ni_lock);
	if (!natoshare_is_partner(ni, &op->o_ndn)) {
		ldap_pvt_thread_rdwr_runlock(&ni->ni_lock);
		return SLAP_CB_CONTINUE;
	}
	if (level >= ACL_WADD) {
		allow = 0;
	} else if (level == ACL_SEARCH && desc == slap_schema.si_ad_entryDN) {
		/* as above, in syncprov's persistent phase */
		ldap_pvt_thread_rdwr_runlock(&ni->ni_lock);
		if (maskp != NULL)
			ACL_PRIV_ASSIGN(*maskp, ACL_LVL_SEARCH);
		return 1;
	} else if (level == ACL_SEARCH) {
		/* filter evaluation: released or policy-tested attributes */
		allow = desc == slap_schema.si_ad_entry ||
		    desc == slap_schema.si_ad_objectClass ||
		    desc == slap_schema.si_ad_entryDN ||
		    desc == slap_schema.si_ad_entryUUID ||
		    desc == slap_schema.si_ad_entryCSN ||
		    natoshare_rdn_attr(op, e, desc);
		for (np = ni->ni_policies; np != NULL && !allow;
		    np = np->np_next)
			if (natoshare_names(np, &op->o_ndn) &&
			    (natoshare_in(desc, np->np_ads) ||
			    natoshare_in(desc, np->np_fads)))
				allow = 1;
	} else {
		natoshare_policy **cov;
		int max = natoshare_npolicies(ni), ncov;

		cov = op->o_tmpalloc((max + 1) * sizeof(*cov),
		    op->o_tmpmemctx);
		ncov = natoshare_covering(op, ni, e, cov, max);
		allow = natoshare_attr_ok(op, e, desc, cov, ncov,
		    ncov == 0 && natoshare_is_path(op, ni, e));
		op->o_tmpfree(cov, op->o_tmpmemctx);
	}
	ldap_pvt_thread_rdwr_runlock(&ni->ni_lock);
	if (allow)
		return SLAP_CB_CONTINUE;
	Debug(LDAP_DEBUG_ACL, "natoshare: %s: %s access to \"%s\" %s denied "
	    "to partner %s\n", op->o_log_prefix, access2str(level),
	    e->e_name.bv_val, desc->ad_cname.bv_val, op->o_ndn.bv_val);
	if (maskp != NULL)
		ACL_INIT(*maskp);
	return 0;
}

/* search-time state: the filter the client sent, restored at the end */
typedef struct natoshare_search {
	slap_overinst	*ns_on;
	Filter		*ns_filter;
	struct berval	ns_filterstr;
} natoshare_search;

/* natoshare_search_cleanup - put the client's filter back */
static int
natoshare_search_cleanup(Operation *op, SlapReply *rs)
{
	slap_callback *sc, **scp;
	natoshare_search *ns;

	/* send_search_entry() plays the cleanups too: wait for the result */
	if (rs->sr_type != REP_RESULT)
		return SLAP_CB_CONTINUE;
	for (scp = &op->o_callback; *scp != NULL; scp = &(*scp)->sc_next) {
		if ((*scp)->sc_cleanup == natoshare_search_cleanup)
			break;
	}
	if (*scp == NULL)
		return SLAP_CB_CONTINUE;
	sc = *scp;
	ns = sc->sc_private;
	*scp = sc->sc_next;
	filter_free_x(op, op->ors_filter, 1);
	op->o_tmpfree(op->ors_filterstr.bv_val, op->o_tmpmemctx);
	op->ors_filter = ns->ns_filter;
	op->ors_filterstr = ns->ns_filterstr;
	op->o_tmpfree(sc, op->o_tmpmemctx);
	return SLAP_CB_CONTINUE;
}

/* natoshare_search_entry - send a partner only what it may read of e */
static int
natoshare_search_entry(Operation *op, SlapReply *rs)
{
	natoshare_search *ns = op->o_callback->sc_private;
	slap_overinst *on = ns->ns_on;
	natoshare_info *ni = on->on_bi.bi_private;
	natoshare_policy **cov;
	Attribute *a, **ap;
	Entry *e = rs->sr_entry;
	int max, ncov, path = 0, strip = 0;

	if (rs->sr_type != REP_SEARCH || e == NULL)
		return SLAP_CB_CONTINUE;
	ldap_pvt_thread_rdwr_rlock(&ni->ni_lock);
	max = natoshare_npolicies(ni);
	cov = op->o_tmpalloc((max + 1) * sizeof(*cov), op->o_tmpmemctx);
	ncov = natoshare_covering(op, ni, e, cov, max);
	if (ncov == 0)
		path = natoshare_is_path(op, ni, e);
	if (ncov == 0 && !path) {
		/* the filter should have left it out: never send it */
		ldap_pvt_thread_rdwr_runlock(&ni->ni_lock);
		op->o_tmpfree(cov, op->o_tmpmemctx);
		rs_flush_entry(op, rs, on);
		return LDAP_SUCCESS;
	}
	for (a = e->e_attrs; a != NULL && !strip; a = a->a_next)
		if (!natoshare_attr_ok(op, e, a->a_desc, cov, ncov, path))
			strip = 1;
	if (strip) {
		e = entry_dup(e);
		for (ap = &e->e_attrs; *ap != NULL; ) {
			a = *ap;
			if (natoshare_attr_ok(op, e, a->a_desc, cov, ncov,
			    path)) {
				ap = &a->a_next;
				continue;
			}
			*ap = a->a_next;
			a->a_next = NULL;
			attr_free(a);
		}
		rs_replace_entry(op, rs, on, e);
		rs->sr_flags |= REP_ENTRY_MODIFIABLE | REP_ENTRY_MUSTBEFREED;
	}
	/* operational attributes other overlays computed */
	for (ap = &rs->sr_operational_attrs; *ap != NULL; ) {
		a = *ap;
		if (natoshare_attr_ok(op, e, a->a_desc, cov, ncov, path)) {
			ap = &a->a_next;
			continue;
		}
		*ap = a->a_next;
		a->a_next = NULL;
		attr_free(a);
	}
	ldap_pvt_thread_rdwr_runlock(&ni->ni_lock);
	op->o_tmpfree(cov, op->o_tmpmemctx);
	return SLAP_CB_CONTINUE;
}

/* natoshare_nosuch - answer a partner as if base did not exist */
static int
natoshare_nosuch(Operation *op, SlapReply *rs, slap_overinst *on)
{
	op->o_bd->bd_info = (BackendInfo *)on->on_info;
	send_ldap_error(op, rs, LDAP_NO_SUCH_OBJECT, NULL);
	return rs->sr_err;
}

/* natoshare_search_ok - may the partner's filters test desc? (lock held) */
static int
natoshare_search_ok(natoshare_info *ni, struct berval *ndn,
    AttributeDescription *desc)
{
	natoshare_policy *np;

	if (desc == NULL || desc == slap_schema.si_ad_objectClass ||
	    desc == slap_schema.si_ad_entryDN ||
	    desc == slap_schema.si_ad_entryUUID ||
	    desc == slap_schema.si_ad_entryCSN)
		return 1;
	for (np = ni->ni_policies; np != NULL; np = np->np_next)
		if (natoshare_names(np, ndn) &&
		    (natoshare_in(desc, np->np_ads) ||
		    natoshare_in(desc, np->np_fads)))
			return 1;
	return 0;
}

/* natoshare_neutralize - make filter items on attributes a partner may
 * not test Undefined, so that filters cannot probe unreleased values */
static void
natoshare_neutralize(natoshare_info *ni, struct berval *ndn, Filter *f)
{
	AttributeDescription *ad;

	for (; f != NULL; f = f->f_next) {
		switch (f->f_choice & SLAPD_FILTER_MASK) {
		case LDAP_FILTER_AND:
		case LDAP_FILTER_OR:
			natoshare_neutralize(ni, ndn, f->f_list);
			continue;
		case LDAP_FILTER_NOT:
			natoshare_neutralize(ni, ndn, f->f_not);
			continue;
		default:
			if ((ad = natoshare_filter_desc(f)) == NULL)
				continue;
			break;
		}
		if (!natoshare_search_ok(ni, ndn, ad)) {
			/* the item's values stay in op memory, freed with it */
			f->f_choice = SLAPD_FILTER_COMPUTED;
			f->f_result = SLAPD_COMPARE_UNDEFINED;
		}
	}
}

/* natoshare_op_search - restrict a partner's search to its subset */
static int
natoshare_op_search(Operation *op, SlapReply *rs)
{
	slap_overinst *on = (slap_overinst *)op->o_bd->bd_info;
	natoshare_info *ni = on->on_bi.bi_private;
	natoshare_policy *np;
	natoshare_search *ns;
	slap_callback *sc;
	struct berval fstr, pstr;
	Filter *f, *mine, *pf;
	Entry *e = NULL;
	size_t len;
	char *p;
	int inside = 0, covered = 0, any = 0;

	if (!natoshare_partner(op, on))
		return SLAP_CB_CONTINUE;

	if (op->ors_scope == LDAP_SCOPE_BASE &&
	    overlay_entry_get_ov(op, &op->o_req_ndn, NULL, NULL, 0, &e, on)
	    == LDAP_SUCCESS && e != NULL) {
		ldap_pvt_thread_rdwr_rlock(&ni->ni_lock);
		for (np = ni->ni_policies; np != NULL; np = np->np_next)
			if (natoshare_names(np, &op->o_ndn) &&
			    natoshare_covers(op, np, e))
				covered = 1;
		if (!covered)
			covered = natoshare_is_path(op, ni, e);
		ldap_pvt_thread_rdwr_runlock(&ni->ni_lock);
		overlay_entry_release_ov(op, e, 0, on);
		if (!covered)
			return natoshare_nosuch(op, rs, on);
	}

	ldap_pvt_thread_rdwr_rlock(&ni->ni_lock);
	len = op->ors_filterstr.bv_len + 8;
	for (np = ni->ni_policies; np != NULL; np = np->np_next) {
		if (!natoshare_names(np, &op->o_ndn))
			continue;
		len += np->np_fstr.bv_len;
		if (dnIsSuffix(&np->np_base, &op->o_req_ndn) ||
		    dnIsSuffixScope(&op->o_req_ndn, &np->np_base,
		    np->np_scope == LDAP_SCOPE_ONELEVEL ?
		    LDAP_SCOPE_SUBTREE : np->np_scope))
			inside = 1;
	}
	fstr.bv_val = p = op->o_tmpalloc(len, op->o_tmpmemctx);
	p = lutil_strcopy(p, "(&");
	p = lutil_strncopy(p, op->ors_filterstr.bv_val,
	    op->ors_filterstr.bv_len);
	pstr.bv_val = p;
	p = lutil_strcopy(p, "(|");
	for (np = ni->ni_policies; np != NULL; np = np->np_next) {
		if (!natoshare_names(np, &op->o_ndn))
			continue;
		p = lutil_strncopy(p, np->np_fstr.bv_val, np->np_fstr.bv_len);
		any = 1;
	}
	p = lutil_strcopy(p, ")");
	pstr.bv_len = p - pstr.bv_val;
	/* the client's filter, neutralized, ANDed with the policies' */
	pf = str2filter_x(op, pstr.bv_val);
	mine = filter_dup(op->ors_filter, op->o_tmpmemctx);
	natoshare_neutralize(ni, &op->o_ndn, mine);
	ldap_pvt_thread_rdwr_runlock(&ni->ni_lock);
	p = lutil_strcopy(p, ")");
	fstr.bv_len = p - fstr.bv_val;
	if (!inside || !any) {
		if (pf != NULL)
			filter_free_x(op, pf, 1);
		filter_free_x(op, mine, 1);
		op->o_tmpfree(fstr.bv_val, op->o_tmpmemctx);
		return natoshare_nosuch(op, rs, on);
	}
	f = NULL;
	if (pf != NULL) {
		f = op->o_tmpcalloc(1, sizeof(*f), op->o_tmpmemctx);
		f->f_choice = LDAP_FILTER_AND;
		f->f_and = mine;
		mine->f_next = pf;
		pf->f_next = NULL;
	} else {
		filter_free_x(op, mine, 1);
	}
	if (f == NULL) {
		Debug(LDAP_DEBUG_ANY, "natoshare: %s: cannot parse the "
		    "rewritten filter %s\n", op->o_log_prefix, fstr.bv_val);
		op->o_tmpfree(fstr.bv_val, op->o_tmpmemctx);
		op->o_bd->bd_info = (BackendInfo *)on->on_info;
		send_ldap_error(op, rs, LDAP_OTHER,
		    "natoshare: cannot restrict the search to the shared subset");
		return rs->sr_err;
	}
	Debug(LDAP_DEBUG_TRACE, "natoshare: %s: partner %s search filter %s\n",
	    op->o_log_prefix, op->o_ndn.bv_val, fstr.bv_val);

	sc = op->o_tmpcalloc(1, sizeof(*sc) + sizeof(*ns), op->o_tmpmemctx);
	ns = (natoshare_search *)(sc + 1);
	ns->ns_on = on;
	ns->ns_filter = op->ors_filter;
	ns->ns_filterstr = op->ors_filterstr;
	sc->sc_response = natoshare_search_entry;
	sc->sc_cleanup = natoshare_search_cleanup;
	sc->sc_private = ns;
	sc->sc_next = op->o_callback;
	op->o_callback = sc;
	op->ors_filter = f;
	op->ors_filterstr = fstr;
	return SLAP_CB_CONTINUE;
}

/* natoshare_refuse - refuse a write with code and a formatted text */
static int
natoshare_refuse(Operation *op, SlapReply *rs, slap_overinst *on, int code,
    const char *fmt, ...)
{
	char buf[SLAP_TEXT_BUFLEN * 2];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	Debug(LDAP_DEBUG_TRACE, "%s %s\n", op->o_log_prefix, buf);
	op->o_bd->bd_info = (BackendInfo *)on->on_info;
	send_ldap_error(op, rs, code, buf);
	return rs->sr_err;
}

/* natoshare_check_values - validate policy attribute values; 0 if good */
static int
natoshare_check_values(Operation *op, SlapReply *rs, slap_overinst *on,
    AttributeDescription *ad, BerVarray vals)
{
	const char *text;
	Filter *f;
	int i;

	for (i = 0; vals != NULL && !BER_BVISNULL(&vals[i]); i++) {
		if (ad == natoshare_ad_scope && natoshare_scope(&vals[i]) < 0)
			return natoshare_refuse(op, rs, on,
			    LDAP_INVALID_SYNTAX, "natoshare: %s: "
			    "mmhsReleaseScope value \"%s\": must be base, one "
			    "or sub", op->o_req_dn.bv_val, vals[i].bv_val);
		if (ad == natoshare_ad_filter) {
			f = str2filter_x(op, vals[i].bv_val);
			if (f == NULL)
				return natoshare_refuse(op, rs, on,
				    LDAP_INVALID_SYNTAX, "natoshare: %s: "
				    "mmhsReleaseFilter value \"%s\": not an "
				    "RFC 4515 filter", op->o_req_dn.bv_val,
				    vals[i].bv_val);
			filter_free_x(op, f, 1);
		}
		if (ad == natoshare_ad_attr) {
			AttributeDescription *x = NULL;

			if (slap_bv2ad(&vals[i], &x, &text) != LDAP_SUCCESS)
				return natoshare_refuse(op, rs, on,
				    LDAP_UNDEFINED_TYPE, "natoshare: %s: "
				    "mmhsReleaseAttribute value \"%s\": no such "
				    "attribute type", op->o_req_dn.bv_val,
				    vals[i].bv_val);
		}
	}
	return LDAP_SUCCESS;
}

/* natoshare_reload_cb - reload the policies after a successful write */
static int
natoshare_reload_cb(Operation *op, SlapReply *rs)
{
	slap_overinst *on = op->o_callback->sc_private;

	if (rs->sr_type == REP_RESULT && rs->sr_err == LDAP_SUCCESS)
		natoshare_load(op, on);
	return SLAP_CB_CONTINUE;
}

/* natoshare_reload_cleanup - unlink and free the reload callback */
static int
natoshare_reload_cleanup(Operation *op, SlapReply *rs)
{
	slap_callback **scp, *sc;

	if (rs->sr_type != REP_RESULT)
		return SLAP_CB_CONTINUE;
	for (scp = &op->o_callback; *scp != NULL; scp = &(*scp)->sc_next)
		if ((*scp)->sc_cleanup == natoshare_reload_cleanup)
			break;
	if (*scp == NULL)
		return SLAP_CB_CONTINUE;
	sc = *scp;
	*scp = sc->sc_next;
	op->o_tmpfree(sc, op->o_tmpmemctx);
	return SLAP_CB_CONTINUE;
}

/* natoshare_is_policy - is ndn a loaded policy entry? */
static int
natoshare_is_policy(natoshare_info *ni, struct berval *ndn)
{
	natoshare_policy *np;
	int rc = 0;

	ldap_pvt_thread_rdwr_rlock(&ni->ni_lock);
	for (np = ni->ni_policies; np != NULL && !rc; np = np->np_next)
		rc = dn_match(&np->np_ndn, ndn);
	ldap_pvt_thread_rdwr_runlock(&ni->ni_lock);
	return rc;
}

/* natoshare_write - common checks of add, modify, delete and modrdn */
static int
natoshare_write(Operation *op, SlapReply *rs)
{
	slap_overinst *on = (slap_overinst *)op->o_bd->bd_info;
	natoshare_info *ni = on->on_bi.bi_private;
	struct berval *newsup;
	int policy = 0, inshadow, rc;
	slap_callback *sc;

	if (natoshare_schema() != 0)
		return SLAP_CB_CONTINUE;
	if (natoshare_partner(op, on))
		return natoshare_refuse(op, rs, on, LDAP_INSUFFICIENT_ACCESS,
		    "natoshare: %s: %s is a partner identity: partners read "
		    "the subset released to them and may not write",
		    op->o_req_dn.bv_val, op->o_ndn.bv_val);
	natoshare_ready(op, on);

	if (!SLAPD_SYNC_IS_SYNCCONN(op->o_connid) && !get_relax(op) &&
	    !BER_BVISEMPTY(&ni->ni_nshadow)) {
		inshadow = dnIsSuffix(&op->o_req_ndn, &ni->ni_nshadow);
		if (op->o_tag == LDAP_REQ_MODRDN) {
			newsup = op->orr_nnewSup;
			if (newsup != NULL && dnIsSuffix(newsup, &ni->ni_nshadow))
				inshadow = 1;
		}
		if (inshadow && !(!BER_BVISEMPTY(&ni->ni_nimporter) &&
		    dn_match(&op->o_ndn, &ni->ni_nimporter)))
			return natoshare_refuse(op, rs, on,
			    LDAP_UNWILLING_TO_PERFORM, "natoshare: %s: the "
			    "shadow subtree %s is read-only: only the import "
			    "identity %s loads it (mmhs-share import)",
			    op->o_req_dn.bv_val, ni->ni_shadow.bv_val,
			    BER_BVISEMPTY(&ni->ni_importer) ? "(none "
			    "configured)" : ni->ni_importer.bv_val);
		if (!inshadow && !BER_BVISEMPTY(&ni->ni_nimporter) &&
		    dn_match(&op->o_ndn, &ni->ni_nimporter))
			return natoshare_refuse(op, rs, on,
			    LDAP_INSUFFICIENT_ACCESS, "natoshare: %s: the "
			    "import identity %s writes only below the shadow "
			    "subtree %s", op->o_req_dn.bv_val,
			    ni->ni_importer.bv_val, ni->ni_shadow.bv_val);
	}

	switch (op->o_tag) {
	case LDAP_REQ_ADD:
		if (is_entry_objectclass(op->ora_e, natoshare_oc_policy, 0)) {
			Attribute *a;

			policy = 1;
			for (a = op->ora_e->e_attrs; a != NULL; a = a->a_next) {
				if (a->a_desc != natoshare_ad_scope &&
				    a->a_desc != natoshare_ad_filter &&
				    a->a_desc != natoshare_ad_attr)
					continue;
				rc = natoshare_check_values(op, rs, on,
				    a->a_desc, a->a_vals);
				if (rc != LDAP_SUCCESS)
					return rc;
			}
		}
		break;
	case LDAP_REQ_MODIFY:
		policy = natoshare_is_policy(ni, &op->o_req_ndn);
		if (policy) {
			Modifications *m;

			for (m = op->orm_modlist; m != NULL; m = m->sml_next) {
				if (m->sml_op == LDAP_MOD_DELETE)
					continue;
				rc = natoshare_check_values(op, rs, on,
				    m->sml_desc, m->sml_values);
				if (rc != LDAP_SUCCESS)
					return rc;
			}
		}
		break;
	default:
		policy = natoshare_is_policy(ni, &op->o_req_ndn);
		break;
	}
	if (policy) {
		sc = op->o_tmpcalloc(1, sizeof(*sc), op->o_tmpmemctx);
		sc->sc_response = natoshare_reload_cb;
		sc->sc_cleanup = natoshare_reload_cleanup;
		sc->sc_private = on;
		sc->sc_next = op->o_callback;
		op->o_callback = sc;
	}
	return SLAP_CB_CONTINUE;
}

/* natoshare_db_init - allocate the per-database state */
static int
natoshare_db_init(BackendDB *be, ConfigReply *cr)
{
	slap_overinst *on = (slap_overinst *)be->bd_info;
	natoshare_info *ni;

	ni = ch_calloc(1, sizeof(*ni));
	ldap_pvt_thread_rdwr_init(&ni->ni_lock);
	ldap_pvt_thread_mutex_init(&ni->ni_load_mutex);
	on->on_bi.bi_private = ni;
	return 0;
}

/* natoshare_db_open - check the schema; policies load at first use */
static int
natoshare_db_open(BackendDB *be, ConfigReply *cr)
{
	slap_overinst *on = (slap_overinst *)be->bd_info;
	natoshare_info *ni = on->on_bi.bi_private;

	ni->ni_loaded = 0;
	return natoshare_schema() == 0 ? 0 : 1;
}

/* natoshare_db_destroy - free the per-database state */
static int
natoshare_db_destroy(BackendDB *be, ConfigReply *cr)
{
	slap_overinst *on = (slap_overinst *)be->bd_info;
	natoshare_info *ni = on->on_bi.bi_private;

	if (ni == NULL)
		return 0;
	natoshare_policies_free(ni->ni_policies);
	ch_free(ni->ni_shadow.bv_val);
	ch_free(ni->ni_nshadow.bv_val);
	ch_free(ni->ni_importer.bv_val);
	ch_free(ni->ni_nimporter.bv_val);
	ldap_pvt_thread_rdwr_destroy(&ni->ni_lock);
	ldap_pvt_thread_mutex_destroy(&ni->ni_load_mutex);
	ch_free(ni);
	on->on_bi.bi_private = NULL;
	return 0;
}

enum { NATOSHARE_SHADOW = 1, NATOSHARE_IMPORTER };

/* natoshare_cf_gen - emit, delete and set the configuration DNs */
static int
natoshare_cf_gen(ConfigArgs *c)
{
	slap_overinst *on = (slap_overinst *)c->bi;
	natoshare_info *ni = on->on_bi.bi_private;
	struct berval *dn, *ndn;

	switch (c->type) {
	case NATOSHARE_SHADOW:
		dn = &ni->ni_shadow;
		ndn = &ni->ni_nshadow;
		break;
	case NATOSHARE_IMPORTER:
		dn = &ni->ni_importer;
		ndn = &ni->ni_nimporter;
		break;
	default:
		return 1;
	}
	switch (c->op) {
	case SLAP_CONFIG_EMIT:
		if (BER_BVISNULL(dn))
			return 1;
		value_add_one(&c->rvalue_vals, dn);
		value_add_one(&c->rvalue_nvals, ndn);
		return 0;
	case LDAP_MOD_DELETE:
		ch_free(dn->bv_val);
		ch_free(ndn->bv_val);
		BER_BVZERO(dn);
		BER_BVZERO(ndn);
		return 0;
	default:
		ch_free(dn->bv_val);
		ch_free(ndn->bv_val);
		*dn = c->value_dn;
		*ndn = c->value_ndn;
		return 0;
	}
}

static ConfigTable natoshare_cfg[] = {
	{ "natoshare-shadow-base", "dn", 2, 2, 0,
	    ARG_MAGIC | ARG_DN | NATOSHARE_SHADOW, natoshare_cf_gen,
	    "( 2.25.59028202126315117165413111612054445617.3.4.1 "
	    "NAME 'olcNatoshareShadowBase' "
	    "DESC 'Read-only subtree holding partners\\27 data (mmhs-share import)' "
	    "EQUALITY distinguishedNameMatch "
	    "SYNTAX OMsDN SINGLE-VALUE )", NULL, { NULL } },
	{ "natoshare-importer", "dn", 2, 2, 0,
	    ARG_MAGIC | ARG_DN | NATOSHARE_IMPORTER, natoshare_cf_gen,
	    "( 2.25.59028202126315117165413111612054445617.3.4.2 "
	    "NAME 'olcNatoshareImporter' "
	    "DESC 'The only identity that may write the shadow subtree' "
	    "EQUALITY distinguishedNameMatch "
	    "SYNTAX OMsDN SINGLE-VALUE )", NULL, { NULL } },
	{ NULL, NULL, 0, 0, 0, ARG_IGNORED, NULL, NULL, NULL, { NULL } }
};

static ConfigOCs natoshare_ocs[] = {
	{ "( 2.25.59028202126315117165413111612054445617.4.4 "
	    "NAME 'olcNatoshareConfig' "
	    "DESC 'OpenMMHS natoshare overlay configuration' "
	    "SUP olcOverlayConfig "
	    "MAY ( olcNatoshareShadowBase $ olcNatoshareImporter ) )",
	    Cft_Overlay, natoshare_cfg, NULL, NULL, NULL, NULL },
	{ NULL, 0, NULL, NULL, NULL, NULL, NULL }
};

/* natoshare_initialize - register the overlay and its configuration schema */
static int
natoshare_initialize(void)
{
	int rc;

	if (!mmhs_overlay_version_ok("natoshare"))
		return -1;
	natoshare_ovl.on_bi.bi_type = "natoshare";
	natoshare_ovl.on_bi.bi_flags = SLAPO_BFLAG_SINGLE;
	natoshare_ovl.on_bi.bi_db_init = natoshare_db_init;
	natoshare_ovl.on_bi.bi_db_open = natoshare_db_open;
	natoshare_ovl.on_bi.bi_db_destroy = natoshare_db_destroy;
	natoshare_ovl.on_bi.bi_op_search = natoshare_op_search;
	natoshare_ovl.on_bi.bi_op_add = natoshare_write;
	natoshare_ovl.on_bi.bi_op_modify = natoshare_write;
	natoshare_ovl.on_bi.bi_op_modrdn = natoshare_write;
	natoshare_ovl.on_bi.bi_op_delete = natoshare_write;
	natoshare_ovl.on_bi.bi_access_allowed = natoshare_access;
	natoshare_ovl.on_bi.bi_cf_ocs = natoshare_ocs;
	rc = config_register_schema(natoshare_cfg, natoshare_ocs);
	if (rc != 0)
		return rc;
	return overlay_register(&natoshare_ovl);
}

int
init_module(int argc, char *argv[])
{
	return natoshare_initialize();
}
