/* mhsroute.c - OpenMMHS slapd overlay: routing
 *
 * Loaded with "moduleload mhsroute.la" and configured per database with
 * "overlay mhsroute" (slapd.conf) or an olcOverlay=mhsroute entry of object
 * class olcMhsrouteConfig (cn=config).  See doc/slapo-mhsroute.5.
 *
 * The overlay keeps the database's routing table in memory (mmhsRoute
 * entries below the configured site, or anywhere in the database, and
 * every mmhsAgent entry of the database), indexed by the routing
 * algorithm of lib/mmhs_route.c that the agents run too.  It refuses
 * writes that would make the table wrong and answers route lookups with
 * an extended operation.
 *
 * Semantics per operation:
 *
 *   add, modify of an mmhsRoute entry (the entry as it will be): the
 *	match must parse (21 invalidAttributeSyntax), every precedence
 *	must be a precedence name (21), every next hop must be an
 *	mmhsAgent entry of a type that can receive mail (not ffmon) with
 *	at least one mmhsListen value (19 constraintViolation: unknown
 *	next hop, not an agent, unreachable), the route must not tie
 *	with another (same match, same scope, overlapping precedences:
 *	19, naming the other route) and must not close a routing loop
 *	between this site's MTAs (19, naming the cycle).  A route below
 *	an mmhsAgent entry of type mta is that MTA's own route (its
 *	scope); other routes are site routes.
 *   modrdn of an mmhsRoute entry: checked as an add under the new DN
 *	(its scope may change).
 *   add, modify of an mmhsAgent entry: when routes name it as a next
 *	hop it must stay reachable, and a change of its type to or from
 *	mta must not close a routing loop (19).
 *   delete, modrdn of an mmhsAgent entry named as a next hop: refused
 *	(19, naming the route); delete the route or change its hops first.
 *   every successful write to a route or agent, every modrdn: the
 *	table is marked stale and rebuilt, with one internal search, at
 *	its next use; lookups never search otherwise.
 *   extended operation 2.25.59028202126315117165413111612054445617.5.3.1
 *	(route lookup): request "RECIPIENT$PRECEDENCE[$MTA-DN]", response
 *	value "ROUTE-DN$HOP0$HOP1..." and the same in words in the
 *	diagnostic text.  Anonymous users are refused (50).
 *
 * Writes with the relax control and writes of syncrepl consumers are
 * not checked (a replica copies what its provider accepted), but they
 * do mark the table stale.  Checks of concurrent writes are not
 * serialised: two administrators adding tying routes at the same
 * instant may both succeed.
 */
#include "portable.h"

#include <stdio.h>
#include <stdarg.h>
#include <ac/string.h>

#include "slap.h"
#include "slap-config.h"

#include "mmhs_overlay.h"
#include "mmhs_route.h"

#define MHSROUTE_ARC		"2.25.59028202126315117165413111612054445617"
#define MHSROUTE_EXOP_OID	MHSROUTE_ARC ".5.3.1"

static slap_overinst mhsroute_ovl;

static AttributeDescription *mhsroute_ad_match, *mhsroute_ad_hop,
	*mhsroute_ad_prec, *mhsroute_ad_type, *mhsroute_ad_listen;
static ObjectClass *mhsroute_oc_route, *mhsroute_oc_agent;

/* An agent entry, as far as routing cares. */
typedef struct mhsroute_agent {
	struct berval	 ma_ndn;
	char		*ma_type;
	int		 ma_nlisten;
} mhsroute_agent;

/* What the overlay keeps of a route besides struct mmhs_route. */
typedef struct mhsroute_rx {
	struct berval	 rx_dn;
	struct berval	 rx_ndn;
	char		**rx_hop_dn;	/* as written, for people */
} mhsroute_rx;

/* One snapshot of the routing table. */
typedef struct mhsroute_data {
	mhsroute_agent	*md_agents;
	size_t		 md_nagents;
	struct mmhs_route *md_routes;
	mhsroute_rx	*md_rx;
	size_t		 md_nroutes;
	const char	**md_mtas;
	size_t		 md_nmtas;
	struct mmhs_route_table *md_table;
} mhsroute_data;

typedef struct mhsroute_info {
	struct berval	 mi_site;	/* mhsroute-site, or empty */
	struct berval	 mi_nsite;
	slap_overinst	*mi_on;
	ldap_pvt_thread_rdwr_t mi_lock;	/* guards the two below */
	mhsroute_data	*mi_data;
	int		 mi_stale;
} mhsroute_info;

/* ------------------------------------------------------------------ */
/* Snapshots */

/* mhsroute_data_free - free a snapshot and everything it owns */
static void
mhsroute_data_free(mhsroute_data *md)
{
	size_t i, h;

	if (md == NULL)
		return;
	mmhs_route_table_free(md->md_table);
	for (i = 0; i < md->md_nagents; i++) {
		ch_free(md->md_agents[i].ma_ndn.bv_val);
		ch_free(md->md_agents[i].ma_type);
	}
	for (i = 0; i < md->md_nroutes; i++) {
		for (h = 0; h < md->md_routes[i].rt_nhops; h++) {
			ch_free((char *)md->md_routes[i].rt_hops[h]);
			ch_free(md->md_rx[i].rx_hop_dn[h]);
		}
		ch_free((void *)md->md_routes[i].rt_hops);
		ch_free((char *)md->md_routes[i].rt_match);
		ch_free(md->md_rx[i].rx_hop_dn);
		ch_free(md->md_rx[i].rx_dn.bv_val);
		ch_free(md->md_rx[i].rx_ndn.bv_val);
	}
	ch_free(md->md_agents);
	ch_free(md->md_routes);
	ch_free(md->md_rx);
	ch_free(md->md_mtas);
	ch_free(md);
}

/* mhsroute_is_mta - is this agent one of the site's MTAs? */
static int
mhsroute_is_mta(const mhsroute_agent *ma)
{
	return ma->ma_type != NULL && strcasecmp(ma->ma_type, "mta") == 0;
}

/* mhsroute_agent_find - the agent of a normalised DN, or NULL */
static mhsroute_agent *
mhsroute_agent_find(mhsroute_agent *agents, size_t n, const char *ndn)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(agents[i].ma_ndn.bv_val, ndn) == 0)
			return &agents[i];
	return NULL;
}

/* mhsroute_scope - the MTA a route DN is below (its scope), or NULL */
static const char *
mhsroute_scope(mhsroute_agent *agents, size_t n, struct berval *ndn)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (mhsroute_is_mta(&agents[i]) &&
		    !dn_match(ndn, &agents[i].ma_ndn) &&
		    dnIsSuffix(ndn, &agents[i].ma_ndn))
			return agents[i].ma_ndn.bv_val;
	return NULL;
}

/* mhsroute_mtas - list the MTAs of agents[] into a new array */
static const char **
mhsroute_mtas(mhsroute_agent *agents, size_t n, size_t *nmtas)
{
	const char **m = ch_calloc(n + 1, sizeof(*m));
	size_t i;

	*nmtas = 0;
	for (i = 0; i < n; i++)
		if (mhsroute_is_mta(&agents[i]))
			m[(*nmtas)++] = agents[i].ma_ndn.bv_val;
	return m;
}

/* mhsroute_strip_index - value without its "{n}" X-ORDERED prefix */
static int
mhsroute_strip_index(struct berval *v, struct berval *out, int dflt)
{
	ber_len_t i;
	int idx = 0;

	*out = *v;
	if (v->bv_len < 3 || v->bv_val[0] != '{')
		return dflt;
	for (i = 1; i < v->bv_len && v->bv_val[i] >= '0' &&
	    v->bv_val[i] <= '9'; i++)
		idx = idx * 10 + (v->bv_val[i] - '0');
	if (i == 1 || i >= v->bv_len || v->bv_val[i] != '}')
		return dflt;
	out->bv_val = v->bv_val + i + 1;
	out->bv_len = v->bv_len - i - 1;
	return idx;
}

/*
 * mhsroute_route_fill - fill route r and its extra rx from an entry
 * image named dn/ndn; the next hops in their X-ORDERED order.  Returns
 * 0, or -1 with a message (malformed precedence) in text.
 */
static int
mhsroute_route_fill(Entry *e, struct berval *dn, struct berval *ndn,
	struct mmhs_route *r, mhsroute_rx *rx, char *text, size_t len)
{
	Attribute *a;
	enum mmhs_precedence p;
	struct berval v, nv;
	int *idx;
	unsigned i, j, n;
	char **hops;

	memset(r, 0, sizeof(*r));
	memset(rx, 0, sizeof(*rx));
	ber_dupbv(&rx->rx_dn, dn);
	ber_dupbv(&rx->rx_ndn, ndn);
	r->rt_name = rx->rx_ndn.bv_val;
	a = attr_find(e->e_attrs, mhsroute_ad_match);
	r->rt_match = ch_strdup(a != NULL ? a->a_vals[0].bv_val : "");
	for (a = attr_find(e->e_attrs, mhsroute_ad_prec), i = 0;
	    a != NULL && i < a->a_numvals; i++) {
		if (mmhs_precedence_from_name(a->a_vals[i].bv_val, &p) < 0) {
			snprintf(text, len, "mmhsRoutePrecedence value \"%s\": "
			    "not a precedence (override, flash, immediate, "
			    "priority, routine, deferred)",
			    a->a_vals[i].bv_val);
			return -1;
		}
		r->rt_prec |= MMHS_ROUTE_PREC(p);
	}
	a = attr_find(e->e_attrs, mhsroute_ad_hop);
	n = a != NULL ? a->a_numvals : 0;
	hops = ch_calloc(n + 1, sizeof(*hops));
	rx->rx_hop_dn = ch_calloc(n + 1, sizeof(char *));
	idx = ch_calloc(n + 1, sizeof(int));
	for (i = 0; i < n; i++) {
		int k = mhsroute_strip_index(&a->a_nvals[i], &nv, (int)i);

		mhsroute_strip_index(&a->a_vals[i], &v, (int)i);
		/* insertion by index: values may come unsorted in a request */
		for (j = i; j > 0 && idx[j - 1] > k; j--) {
			idx[j] = idx[j - 1];
			hops[j] = hops[j - 1];
			rx->rx_hop_dn[j] = rx->rx_hop_dn[j - 1];
		}
		idx[j] = k;
		hops[j] = ch_malloc(nv.bv_len + 1);
		memcpy(hops[j], nv.bv_val, nv.bv_len);
		hops[j][nv.bv_len] = '\0';
		rx->rx_hop_dn[j] = ch_malloc(v.bv_len + 1);
		memcpy(rx->rx_hop_dn[j], v.bv_val, v.bv_len);
		rx->rx_hop_dn[j][v.bv_len] = '\0';
	}
	ch_free(idx);
	r->rt_hops = (const char *const *)hops;
	r->rt_nhops = n;
	return 0;
}

/* mhsroute_route_clear - free what mhsroute_route_fill allocated */
static void
mhsroute_route_clear(struct mmhs_route *r, mhsroute_rx *rx)
{
	size_t h;

	for (h = 0; h < r->rt_nhops; h++) {
		ch_free((char *)r->rt_hops[h]);
		ch_free(rx->rx_hop_dn[h]);
	}
	ch_free((void *)r->rt_hops);
	ch_free(rx->rx_hop_dn);
	ch_free((char *)r->rt_match);
	ch_free(rx->rx_dn.bv_val);
	ch_free(rx->rx_ndn.bv_val);
	memset(r, 0, sizeof(*r));
	memset(rx, 0, sizeof(*rx));
}

/* mhsroute_agent_fill - an agent from an entry image */
static void
mhsroute_agent_fill(Entry *e, struct berval *ndn, mhsroute_agent *ma)
{
	Attribute *a;

	ber_dupbv(&ma->ma_ndn, ndn);
	a = attr_find(e->e_attrs, mhsroute_ad_type);
	ma->ma_type = ch_strdup(a != NULL ? a->a_vals[0].bv_val : "");
	a = attr_find(e->e_attrs, mhsroute_ad_listen);
	ma->ma_nlisten = a != NULL ? (int)a->a_numvals : 0;
}

/* State of the internal search that loads a snapshot. */
typedef struct mhsroute_load {
	mhsroute_info	*ml_mi;
	mhsroute_data	*ml_md;
	size_t		 ml_aroutes, ml_aagents;
} mhsroute_load;

/* mhsroute_load_entry - collect one route or agent of the search */
static int
mhsroute_load_entry(Operation *op, SlapReply *rs)
{
	mhsroute_load *ml = op->o_callback->sc_private;
	mhsroute_data *md = ml->ml_md;
	Entry *e;
	char text[256];

	if (rs->sr_type != REP_SEARCH)
		return 0;
	e = rs->sr_entry;
	if (is_entry_objectclass(e, mhsroute_oc_agent, 0)) {
		if (md->md_nagents == ml->ml_aagents) {
			ml->ml_aagents = ml->ml_aagents * 2 + 16;
			md->md_agents = ch_realloc(md->md_agents,
			    ml->ml_aagents * sizeof(*md->md_agents));
		}
		mhsroute_agent_fill(e, &e->e_nname,
		    &md->md_agents[md->md_nagents++]);
	}
	if (is_entry_objectclass(e, mhsroute_oc_route, 0) &&
	    (BER_BVISEMPTY(&ml->ml_mi->mi_nsite) ||
	    dnIsSuffix(&e->e_nname, &ml->ml_mi->mi_nsite))) {
		if (md->md_nroutes == ml->ml_aroutes) {
			ml->ml_aroutes = ml->ml_aroutes * 2 + 16;
			md->md_routes = ch_realloc(md->md_routes,
			    ml->ml_aroutes * sizeof(*md->md_routes));
			md->md_rx = ch_realloc(md->md_rx,
			    ml->ml_aroutes * sizeof(*md->md_rx));
		}
		/* a bad precedence only loses that precedence here; writes
		 * through this overlay never store one */
		mhsroute_route_fill(e, &e->e_name, &e->e_nname,
		    &md->md_routes[md->md_nroutes],
		    &md->md_rx[md->md_nroutes], text, sizeof(text));
		md->md_nroutes++;
	}
	return 0;
}

/*
 * mhsroute_finish - scopes, MTA list and index of a snapshot whose
 * agents and routes are filled.  Returns 0 or -1 (out of memory).
 */
static int
mhsroute_finish(mhsroute_data *md)
{
	size_t i, bad;

	for (i = 0; i < md->md_nroutes; i++)
		md->md_routes[i].rt_scope = mhsroute_scope(md->md_agents,
		    md->md_nagents, &md->md_rx[i].rx_ndn);
	md->md_mtas = mhsroute_mtas(md->md_agents, md->md_nagents,
	    &md->md_nmtas);
	return mmhs_route_table_new(md->md_routes, md->md_nroutes,
	    &md->md_table, &bad);
}

/*
 * mhsroute_search - build a snapshot with one internal search of the
 * database be (bd_info the overlay stack), as its root DN.
 */
static mhsroute_data *
mhsroute_search(Operation *op, BackendDB *be, mhsroute_info *mi)
{
	Operation op2 = *op;
	SlapReply rs2 = { REP_RESULT };
	slap_callback cb = { 0 };
	mhsroute_load ml = { 0 };
	static char filter[] = "(|(objectClass=mmhsRoute)"
	    "(objectClass=mmhsAgent))";

	ml.ml_mi = mi;
	ml.ml_md = ch_calloc(1, sizeof(mhsroute_data));
	cb.sc_response = mhsroute_load_entry;
	cb.sc_private = &ml;
	op2.o_tag = LDAP_REQ_SEARCH;
	op2.o_bd = be;
	op2.o_dn = be->be_rootdn;
	op2.o_ndn = be->be_rootndn;
	op2.o_req_dn = be->be_suffix[0];
	op2.o_req_ndn = be->be_nsuffix[0];
	op2.o_callback = &cb;
	op2.o_managedsait = SLAP_CONTROL_CRITICAL;
	op2.ors_scope = LDAP_SCOPE_SUBTREE;
	op2.ors_deref = LDAP_DEREF_NEVER;
	op2.ors_limit = NULL;
	op2.ors_slimit = SLAP_NO_LIMIT;
	op2.ors_tlimit = SLAP_NO_LIMIT;
	op2.ors_attrs = slap_anlist_all_user_attributes;
	op2.ors_attrsonly = 0;
	ber_str2bv(filter, 0, 0, &op2.ors_filterstr);
	op2.ors_filter = str2filter_x(op, filter);
	if (op2.ors_filter == NULL) {
		mhsroute_data_free(ml.ml_md);
		return NULL;
	}
	be->be_search(&op2, &rs2);
	filter_free_x(op, op2.ors_filter, 1);
	if ((rs2.sr_err != LDAP_SUCCESS && rs2.sr_err != LDAP_NO_SUCH_OBJECT)
	    || mhsroute_finish(ml.ml_md) < 0) {
		Debug(LDAP_DEBUG_ANY, "mhsroute: loading the routing table "
		    "failed (%d)\n", rs2.sr_err);
		mhsroute_data_free(ml.ml_md);
		return NULL;
	}
	Debug(LDAP_DEBUG_TRACE, "mhsroute: routing table: %lu routes, "
	    "%lu agents, %lu MTAs\n", (unsigned long)ml.ml_md->md_nroutes,
	    (unsigned long)ml.ml_md->md_nagents,
	    (unsigned long)ml.ml_md->md_nmtas);
	return ml.ml_md;
}

/*
 * mhsroute_acquire - read-lock mi and return a current snapshot,
 * rebuilding it first when stale; NULL (and nothing locked) when it
 * cannot be built.  Release with mhsroute_release().
 */
static mhsroute_data *
mhsroute_acquire(Operation *op, BackendDB *be, mhsroute_info *mi)
{
	mhsroute_data *md;
	BackendDB db;

	ldap_pvt_thread_rdwr_rlock(&mi->mi_lock);
	if (!mi->mi_stale && mi->mi_data != NULL)
		return mi->mi_data;
	ldap_pvt_thread_rdwr_runlock(&mi->mi_lock);
	ldap_pvt_thread_rdwr_wlock(&mi->mi_lock);
	if (mi->mi_stale || mi->mi_data == NULL) {
		/* search from the top of this database's overlay stack */
		db = *be;
		db.bd_info = (BackendInfo *)mi->mi_on->on_info;
		md = mhsroute_search(op, &db, mi);
		if (md == NULL) {
			ldap_pvt_thread_rdwr_wunlock(&mi->mi_lock);
			return NULL;
		}
		mhsroute_data_free(mi->mi_data);
		mi->mi_data = md;
		mi->mi_stale = 0;
	}
	ldap_pvt_thread_rdwr_wunlock(&mi->mi_lock);
	/* a writer may swap it again between these two: take the lock
	 * and use whatever is current */
	ldap_pvt_thread_rdwr_rlock(&mi->mi_lock);
	if (mi->mi_data == NULL) {
		ldap_pvt_thread_rdwr_runlock(&mi->mi_lock);
		return NULL;
	}
	return mi->mi_data;
}

/* mhsroute_release - end of use of a snapshot */
static void
mhsroute_release(mhsroute_info *mi)
{
	ldap_pvt_thread_rdwr_runlock(&mi->mi_lock);
}

/* mhsroute_mark_stale - the table changes with the next use */
static void
mhsroute_mark_stale(mhsroute_info *mi)
{
	ldap_pvt_thread_rdwr_wlock(&mi->mi_lock);
	mi->mi_stale = 1;
	ldap_pvt_thread_rdwr_wunlock(&mi->mi_lock);
}

/* ------------------------------------------------------------------ */
/* Checks of writes */

/* mhsroute_refuse - send a refusal "mhsroute: DN: TEXT", return it */
static int __attribute__((format(printf, 5, 6)))
mhsroute_refuse(Operation *op, SlapReply *rs, int code, struct berval *dn,
	const char *fmt, ...)
{
	slap_overinst *on = (slap_overinst *)op->o_bd->bd_info;
	char *msg;
	size_t len = 2048;
	int n;
	va_list ap;

	msg = op->o_tmpalloc(len, op->o_tmpmemctx);
	n = snprintf(msg, len, "mhsroute: %s: ", dn->bv_val);
	va_start(ap, fmt);
	vsnprintf(msg + n, len - n, fmt, ap);
	va_end(ap);
	op->o_bd->bd_info = (BackendInfo *)on->on_info;
	send_ldap_error(op, rs, code, msg);
	op->o_tmpfree(msg, op->o_tmpmemctx);
	return rs->sr_err;
}

/* mhsroute_skip - writes that are not checked */
static int
mhsroute_skip(Operation *op)
{
	return SLAPD_SYNC_IS_SYNCCONN(op->o_connid) ||
	    get_relax(op) > SLAP_CONTROL_IGNORED;
}

/* mhsroute_hop_user - the first route of md that names agent ndn */
static mhsroute_rx *
mhsroute_hop_user(mhsroute_data *md, const char *ndn)
{
	size_t i, h;

	for (i = 0; i < md->md_nroutes; i++)
		for (h = 0; h < md->md_routes[i].rt_nhops; h++)
			if (strcmp(md->md_routes[i].rt_hops[h], ndn) == 0)
				return &md->md_rx[i];
	return NULL;
}

/* mhsroute_loop_text - "for R at P: A -> B -> A" */
static void
mhsroute_loop_text(struct mmhs_route_loop *loop, char *buf, size_t len)
{
	size_t n;

	n = (size_t)snprintf(buf, len, "routing loop for %s at %s: ",
	    loop->rl_rcpt, mmhs_precedence_name(loop->rl_prec));
	if (n < len)
		mmhs_route_loop_format(loop, buf + n, len - n);
}

/*
 * mhsroute_check_route - is the route image e, to be stored as dn/ndn,
 * acceptable with the snapshot md?  Sends the refusal and returns its
 * code, or returns LDAP_SUCCESS.
 */
static int
mhsroute_check_route(Operation *op, SlapReply *rs, mhsroute_data *md,
	Entry *e, struct berval *dn, struct berval *ndn)
{
	struct mmhs_route_match m;
	struct mmhs_route cand, *routes = NULL;
	mhsroute_rx crx;
	struct mmhs_route_table *t = NULL;
	const struct mmhs_route *other;
	struct mmhs_route_loop loop;
	mhsroute_agent *ag;
	Attribute *a;
	Entry *he;
	char text[1024];
	size_t i, n = 0, h;
	int rc = LDAP_SUCCESS;

	a = attr_find(e->e_attrs, mhsroute_ad_match);
	if (a != NULL && mmhs_route_match_parse(a->a_vals[0].bv_val, &m, text,
	    sizeof(text)) < 0)
		return mhsroute_refuse(op, rs, LDAP_INVALID_SYNTAX, dn,
		    "mmhsRouteMatch value \"%s\": %s", a->a_vals[0].bv_val,
		    text);
	if (mhsroute_route_fill(e, dn, ndn, &cand, &crx, text,
	    sizeof(text)) < 0) {
		rc = mhsroute_refuse(op, rs, LDAP_INVALID_SYNTAX, dn, "%s",
		    text);
		goto done;
	}
	cand.rt_scope = mhsroute_scope(md->md_agents, md->md_nagents, ndn);
	for (h = 0; h < cand.rt_nhops; h++) {
		ag = mhsroute_agent_find(md->md_agents, md->md_nagents,
		    cand.rt_hops[h]);
		if (ag == NULL) {
			struct berval hndn;
			int exists;

			ber_str2bv(cand.rt_hops[h], 0, 0, &hndn);
			exists = overlay_entry_get_ov(op, &hndn, NULL, NULL, 0,
			    &he, (slap_overinst *)op->o_bd->bd_info) ==
			    LDAP_SUCCESS && he != NULL;
			if (exists)
				overlay_entry_release_ov(op, he, 0,
				    (slap_overinst *)op->o_bd->bd_info);
			rc = mhsroute_refuse(op, rs, LDAP_CONSTRAINT_VIOLATION,
			    dn, "mmhsNextHop value \"%s\": %s",
			    crx.rx_hop_dn[h], exists ?
			    "not an agent (mmhsAgent) entry" :
			    "no such entry (unknown next hop)");
			goto done;
		}
		if (strcasecmp(ag->ma_type, "ffmon") == 0) {
			rc = mhsroute_refuse(op, rs, LDAP_CONSTRAINT_VIOLATION,
			    dn, "mmhsNextHop value \"%s\": agent of type %s "
			    "receives no mail", crx.rx_hop_dn[h], ag->ma_type);
			goto done;
		}
		if (ag->ma_nlisten == 0) {
			rc = mhsroute_refuse(op, rs, LDAP_CONSTRAINT_VIOLATION,
			    dn, "mmhsNextHop value \"%s\": unreachable: the "
			    "agent has no mmhsListen", crx.rx_hop_dn[h]);
			goto done;
		}
	}
	/* the table as it would be: md without the old version of dn */
	routes = ch_calloc(md->md_nroutes + 1, sizeof(*routes));
	for (i = 0; i < md->md_nroutes; i++)
		if (strcmp(md->md_routes[i].rt_name, ndn->bv_val) != 0)
			routes[n++] = md->md_routes[i];
	routes[n++] = cand;
	if (mmhs_route_table_new(routes, n, &t, NULL) < 0) {
		rc = mhsroute_refuse(op, rs, LDAP_OTHER, dn, "out of memory");
		goto done;
	}
	other = mmhs_route_conflict(t, &routes[n - 1]);
	if (other != NULL) {
		const char *odn = other->rt_name;

		for (i = 0; i < md->md_nroutes; i++)
			if (md->md_routes[i].rt_name == other->rt_name)
				odn = md->md_rx[i].rx_dn.bv_val;
		rc = mhsroute_refuse(op, rs, LDAP_CONSTRAINT_VIOLATION, dn,
		    "mmhsRouteMatch \"%s\" ties with route %s: same match, "
		    "same scope and overlapping precedences", cand.rt_match,
		    odn);
		goto done;
	}
	switch (mmhs_route_find_loop(t, md->md_mtas, md->md_nmtas,
	    ndn->bv_val, &loop)) {
	case 1:
		mhsroute_loop_text(&loop, text, sizeof(text));
		rc = mhsroute_refuse(op, rs, LDAP_CONSTRAINT_VIOLATION, dn,
		    "%s", text);
		break;
	case -1:
		rc = mhsroute_refuse(op, rs, LDAP_OTHER, dn, "out of memory");
		break;
	}
done:
	mmhs_route_table_free(t);
	ch_free(routes);
	mhsroute_route_clear(&cand, &crx);
	return rc;
}

/*
 * mhsroute_check_agent - is the agent image e (DN ndn) acceptable with
 * the routes of md?  Sends the refusal and returns its code, or
 * LDAP_SUCCESS.
 */
static int
mhsroute_check_agent(Operation *op, SlapReply *rs, mhsroute_data *md,
	Entry *e)
{
	mhsroute_agent na, *agents = NULL, *old;
	struct mmhs_route *routes = NULL;
	struct mmhs_route_table *t = NULL;
	struct mmhs_route_loop loop;
	const char **mtas = NULL;
	mhsroute_rx *user;
	size_t i, nmtas;
	char text[1024];
	int rc = LDAP_SUCCESS;

	mhsroute_agent_fill(e, &e->e_nname, &na);
	user = mhsroute_hop_user(md, na.ma_ndn.bv_val);
	if (user != NULL && (na.ma_nlisten == 0 ||
	    strcasecmp(na.ma_type, "ffmon") == 0)) {
		rc = mhsroute_refuse(op, rs, LDAP_CONSTRAINT_VIOLATION,
		    &e->e_name, "next hop of route %s, would be unreachable "
		    "(%s)", user->rx_dn.bv_val, na.ma_nlisten == 0 ?
		    "no mmhsListen" : "type ffmon receives no mail");
		goto done;
	}
	old = mhsroute_agent_find(md->md_agents, md->md_nagents,
	    na.ma_ndn.bv_val);
	if ((old != NULL && mhsroute_is_mta(old)) == mhsroute_is_mta(&na))
		goto done;		/* the set of MTAs stays */
	/* the snapshot with this agent as it would be */
	agents = ch_calloc(md->md_nagents + 1, sizeof(*agents));
	for (i = 0; i < md->md_nagents; i++)
		agents[i] = &md->md_agents[i] == old ? na : md->md_agents[i];
	if (old == NULL)
		agents[i++] = na;
	routes = ch_calloc(md->md_nroutes + 1, sizeof(*routes));
	for (i = 0; i < md->md_nroutes; i++) {
		routes[i] = md->md_routes[i];
		routes[i].rt_scope = mhsroute_scope(agents, md->md_nagents +
		    (old == NULL), &md->md_rx[i].rx_ndn);
	}
	mtas = mhsroute_mtas(agents, md->md_nagents + (old == NULL), &nmtas);
	if (mmhs_route_table_new(routes, md->md_nroutes, &t, NULL) < 0) {
		rc = mhsroute_refuse(op, rs, LDAP_OTHER, &e->e_name,
		    "out of memory");
		goto done;
	}
	switch (mmhs_route_find_loop(t, mtas, nmtas, NULL, &loop)) {
	case 1:
		mhsroute_loop_text(&loop, text, sizeof(text));
		rc = mhsroute_refuse(op, rs, LDAP_CONSTRAINT_VIOLATION,
		    &e->e_name, "mmhsAgentType %s: %s", na.ma_type, text);
		break;
	case -1:
		rc = mhsroute_refuse(op, rs, LDAP_OTHER, &e->e_name,
		    "out of memory");
		break;
	}
done:
	mmhs_route_table_free(t);
	ch_free(mtas);
	ch_free(routes);
	ch_free(agents);
	ch_free(na.ma_ndn.bv_val);
	ch_free(na.ma_type);
	return rc;
}

/* mhsroute_stale_cb - after a write that succeeded: the table changed */
static int
mhsroute_stale_cb(Operation *op, SlapReply *rs)
{
	if (rs->sr_type == REP_RESULT && rs->sr_err == LDAP_SUCCESS)
		mhsroute_mark_stale(op->o_callback->sc_private);
	return SLAP_CB_CONTINUE;
}

/* mhsroute_stale_cleanup - pop and free the callback */
static int
mhsroute_stale_cleanup(Operation *op, SlapReply *rs)
{
	slap_callback **scp, *sc;

	if (rs->sr_type != REP_RESULT && rs->sr_type != REP_EXTENDED)
		return 0;
	for (scp = &op->o_callback; (sc = *scp) != NULL; scp = &sc->sc_next)
		if (sc->sc_response == mhsroute_stale_cb) {
			*scp = sc->sc_next;
			op->o_tmpfree(sc, op->o_tmpmemctx);
			break;
		}
	return 0;
}

/* mhsroute_watch - mark the table stale if this write succeeds */
static void
mhsroute_watch(Operation *op, mhsroute_info *mi)
{
	slap_callback *sc;

	sc = op->o_tmpcalloc(1, sizeof(*sc), op->o_tmpmemctx);
	sc->sc_response = mhsroute_stale_cb;
	sc->sc_cleanup = mhsroute_stale_cleanup;
	sc->sc_private = mi;
	sc->sc_next = op->o_callback;
	op->o_callback = sc;
}

/* mhsroute_add - check an added route or agent */
static int
mhsroute_add(Operation *op, SlapReply *rs)
{
	slap_overinst *on = (slap_overinst *)op->o_bd->bd_info;
	mhsroute_info *mi = on->on_bi.bi_private;
	Entry *e = op->ora_e;
	mhsroute_data *md;
	int route, agent, rc = LDAP_SUCCESS;

	route = is_entry_objectclass(e, mhsroute_oc_route, 0) &&
	    (BER_BVISEMPTY(&mi->mi_nsite) ||
	    dnIsSuffix(&e->e_nname, &mi->mi_nsite));
	agent = is_entry_objectclass(e, mhsroute_oc_agent, 0);
	if (!route && !agent)
		return SLAP_CB_CONTINUE;
	if (!mhsroute_skip(op)) {
		md = mhsroute_acquire(op, op->o_bd, mi);
		if (md == NULL)
			return mhsroute_refuse(op, rs, LDAP_OTHER, &e->e_name,
			    "routing table unavailable");
		if (route)
			rc = mhsroute_check_route(op, rs, md, e, &e->e_name,
			    &e->e_nname);
		else
			rc = mhsroute_check_agent(op, rs, md, e);
		mhsroute_release(mi);
		if (rc != LDAP_SUCCESS)
			return rc;
	}
	mhsroute_watch(op, mi);
	return SLAP_CB_CONTINUE;
}

/* mhsroute_apply - apply the modifications of op to e (our attributes) */
static void
mhsroute_apply(Operation *op, Entry *e)
{
	Modifications *ml;
	const char *text;
	char textbuf[SLAP_TEXT_BUFLEN];
	AttributeDescription *ad;

	for (ml = op->orm_modlist; ml != NULL; ml = ml->sml_next) {
		ad = ml->sml_desc;
		if (ad != mhsroute_ad_match && ad != mhsroute_ad_hop &&
		    ad != mhsroute_ad_prec && ad != mhsroute_ad_type &&
		    ad != mhsroute_ad_listen)
			continue;
		switch (ml->sml_op) {
		case LDAP_MOD_ADD:
		case SLAP_MOD_SOFTADD:
		case SLAP_MOD_ADD_IF_NOT_PRESENT:
			modify_add_values(e, &ml->sml_mod, 1, &text, textbuf,
			    sizeof(textbuf));
			break;
		case LDAP_MOD_DELETE:
		case SLAP_MOD_SOFTDEL:
			modify_delete_values(e, &ml->sml_mod, 1, &text, textbuf,
			    sizeof(textbuf));
			break;
		case LDAP_MOD_REPLACE:
			modify_replace_values(e, &ml->sml_mod, 1, &text,
			    textbuf, sizeof(textbuf));
			break;
		}
	}
}

/* mhsroute_modify - check a modified route or agent as it will be */
static int
mhsroute_modify(Operation *op, SlapReply *rs)
{
	slap_overinst *on = (slap_overinst *)op->o_bd->bd_info;
	mhsroute_info *mi = on->on_bi.bi_private;
	mhsroute_data *md;
	Entry *e = NULL, *ne;
	int route, agent, rc = LDAP_SUCCESS;

	if (overlay_entry_get_ov(op, &op->o_req_ndn, NULL, NULL, 0, &e, on) !=
	    LDAP_SUCCESS || e == NULL)
		return SLAP_CB_CONTINUE;
	route = is_entry_objectclass(e, mhsroute_oc_route, 0) &&
	    (BER_BVISEMPTY(&mi->mi_nsite) ||
	    dnIsSuffix(&e->e_nname, &mi->mi_nsite));
	agent = is_entry_objectclass(e, mhsroute_oc_agent, 0);
	if (!route && !agent) {
		overlay_entry_release_ov(op, e, 0, on);
		return SLAP_CB_CONTINUE;
	}
	ne = entry_dup(e);
	overlay_entry_release_ov(op, e, 0, on);
	if (!mhsroute_skip(op)) {
		mhsroute_apply(op, ne);
		md = mhsroute_acquire(op, op->o_bd, mi);
		if (md == NULL)
			rc = mhsroute_refuse(op, rs, LDAP_OTHER, &ne->e_name,
			    "routing table unavailable");
		else {
			if (route)
				rc = mhsroute_check_route(op, rs, md, ne,
				    &ne->e_name, &ne->e_nname);
			else
				rc = mhsroute_check_agent(op, rs, md, ne);
			mhsroute_release(mi);
		}
	}
	entry_free(ne);
	if (rc != LDAP_SUCCESS)
		return rc;
	mhsroute_watch(op, mi);
	return SLAP_CB_CONTINUE;
}

/* mhsroute_delete - an agent that is a next hop stays */
static int
mhsroute_delete(Operation *op, SlapReply *rs)
{
	slap_overinst *on = (slap_overinst *)op->o_bd->bd_info;
	mhsroute_info *mi = on->on_bi.bi_private;
	mhsroute_data *md;
	mhsroute_rx *user;
	Entry *e = NULL;
	int route, agent, rc = LDAP_SUCCESS;

	if (overlay_entry_get_ov(op, &op->o_req_ndn, NULL, NULL, 0, &e, on) !=
	    LDAP_SUCCESS || e == NULL)
		return SLAP_CB_CONTINUE;
	route = is_entry_objectclass(e, mhsroute_oc_route, 0);
	agent = is_entry_objectclass(e, mhsroute_oc_agent, 0);
	overlay_entry_release_ov(op, e, 0, on);
	if (!route && !agent)
		return SLAP_CB_CONTINUE;
	if (agent && !mhsroute_skip(op)) {
		md = mhsroute_acquire(op, op->o_bd, mi);
		if (md == NULL)
			return mhsroute_refuse(op, rs, LDAP_OTHER,
			    &op->o_req_dn, "routing table unavailable");
		user = mhsroute_hop_user(md, op->o_req_ndn.bv_val);
		if (user != NULL)
			rc = mhsroute_refuse(op, rs, LDAP_CONSTRAINT_VIOLATION,
			    &op->o_req_dn, "agent is a next hop of route %s",
			    user->rx_dn.bv_val);
		mhsroute_release(mi);
		if (rc != LDAP_SUCCESS)
			return rc;
	}
	mhsroute_watch(op, mi);
	return SLAP_CB_CONTINUE;
}

/* mhsroute_modrdn - a route is checked under its new DN; an agent that
 * is a next hop keeps its DN */
static int
mhsroute_modrdn(Operation *op, SlapReply *rs)
{
	slap_overinst *on = (slap_overinst *)op->o_bd->bd_info;
	mhsroute_info *mi = on->on_bi.bi_private;
	mhsroute_data *md;
	mhsroute_rx *user;
	struct berval pdn, npdn, dn = BER_BVNULL, ndn = BER_BVNULL;
	Entry *e = NULL;
	int route, agent, rc = LDAP_SUCCESS;

	mhsroute_watch(op, mi);		/* any subtree may hold routes */
	if (mhsroute_skip(op) || overlay_entry_get_ov(op, &op->o_req_ndn,
	    NULL, NULL, 0, &e, on) != LDAP_SUCCESS || e == NULL)
		return SLAP_CB_CONTINUE;
	route = is_entry_objectclass(e, mhsroute_oc_route, 0);
	agent = is_entry_objectclass(e, mhsroute_oc_agent, 0);
	if (!route && !agent) {
		overlay_entry_release_ov(op, e, 0, on);
		return SLAP_CB_CONTINUE;
	}
	md = mhsroute_acquire(op, op->o_bd, mi);
	if (md == NULL) {
		overlay_entry_release_ov(op, e, 0, on);
		return mhsroute_refuse(op, rs, LDAP_OTHER, &op->o_req_dn,
		    "routing table unavailable");
	}
	if (agent && (user = mhsroute_hop_user(md,
	    op->o_req_ndn.bv_val)) != NULL) {
		rc = mhsroute_refuse(op, rs, LDAP_CONSTRAINT_VIOLATION,
		    &op->o_req_dn, "agent is a next hop of route %s",
		    user->rx_dn.bv_val);
	} else if (route) {
		if (op->orr_newSup != NULL) {
			pdn = *op->orr_newSup;
			npdn = *op->orr_nnewSup;
		} else {
			dnParent(&op->o_req_dn, &pdn);
			dnParent(&op->o_req_ndn, &npdn);
		}
		build_new_dn(&dn, &pdn, &op->orr_newrdn, op->o_tmpmemctx);
		build_new_dn(&ndn, &npdn, &op->orr_nnewrdn, op->o_tmpmemctx);
		if (BER_BVISEMPTY(&mi->mi_nsite) ||
		    dnIsSuffix(&ndn, &mi->mi_nsite))
			rc = mhsroute_check_route(op, rs, md, e, &dn, &ndn);
		op->o_tmpfree(dn.bv_val, op->o_tmpmemctx);
		op->o_tmpfree(ndn.bv_val, op->o_tmpmemctx);
	}
	mhsroute_release(mi);
	overlay_entry_release_ov(op, e, 0, on);
	return rc == LDAP_SUCCESS ? SLAP_CB_CONTINUE : rc;
}

/* ------------------------------------------------------------------ */
/* The route lookup extended operation */

/* mhsroute_find_db - a database with this overlay: the one holding dn
 * if given and configured, else the first */
static BackendDB *
mhsroute_find_db(struct berval *ndn, mhsroute_info **mip)
{
	BackendDB *be;
	slap_overinfo *oi;
	slap_overinst *on;

	if (ndn != NULL && !BER_BVISEMPTY(ndn)) {
		be = select_backend(ndn, 0);
		if (be == NULL || !overlay_is_inst(be, "mhsroute"))
			return NULL;
	} else {
		LDAP_STAILQ_FOREACH(be, &backendDB, be_next)
			if (overlay_is_inst(be, "mhsroute"))
				break;
		if (be == NULL)
			return NULL;
	}
	oi = be->bd_info->bi_private;
	for (on = oi->oi_list; on != NULL; on = on->on_next)
		if (on->on_bi.bi_type == mhsroute_ovl.on_bi.bi_type) {
			*mip = on->on_bi.bi_private;
			return be;
		}
	return NULL;
}

/*
 * mhsroute_exop - route lookup: "RECIPIENT$PRECEDENCE[$MTA-DN]"
 * -> "ROUTE-DN$HOP0$HOP1..." and a diagnostic text in words.
 */
static int
mhsroute_exop(Operation *op, SlapReply *rs)
{
	mhsroute_info *mi = NULL;
	mhsroute_data *md;
	BackendDB *be;
	const struct mmhs_route *r;
	enum mmhs_precedence p;
	struct berval scope = BER_BVNULL, nscope = BER_BVNULL, bv;
	char *req, *d, *text, *resp, err[512];
	const char *pname;
	size_t i, len, tlen, used, rused;
	ptrdiff_t k;

	if (BER_BVISEMPTY(&op->o_ndn)) {
		rs->sr_text = "mhsroute: route lookups need an authenticated "
		    "user";
		return LDAP_INSUFFICIENT_ACCESS;
	}
	if (op->ore_reqdata == NULL || op->ore_reqdata->bv_len == 0 ||
	    memchr(op->ore_reqdata->bv_val, '\0',
	    op->ore_reqdata->bv_len) != NULL) {
		rs->sr_text = "mhsroute: request value must be "
		    "RECIPIENT$PRECEDENCE[$MTA-DN]";
		return LDAP_PROTOCOL_ERROR;
	}
	len = op->ore_reqdata->bv_len;
	req = op->o_tmpalloc(len + 1, op->o_tmpmemctx);
	memcpy(req, op->ore_reqdata->bv_val, len);
	req[len] = '\0';
	text = op->o_tmpalloc(tlen = 4096, op->o_tmpmemctx);
	/* from the right: [$MTA-DN] then $PRECEDENCE */
	d = strrchr(req, '$');
	if (d != NULL && mmhs_precedence_from_name(d + 1, &p) < 0) {
		ber_str2bv(d + 1, 0, 0, &scope);
		*d = '\0';
		d = strrchr(req, '$');
	} else if (d == NULL) {
		snprintf(text, tlen, "mhsroute: request value \"%s\": must be "
		    "RECIPIENT$PRECEDENCE[$MTA-DN]", req);
		rs->sr_text = text;
		return LDAP_PROTOCOL_ERROR;
	}
	if (d == NULL || mmhs_precedence_from_name(d + 1, &p) < 0) {
		snprintf(text, tlen, "mhsroute: request value: \"%s\" is not "
		    "a precedence (override, flash, immediate, priority, "
		    "routine, deferred)", d != NULL ? d + 1 : scope.bv_val);
		rs->sr_text = text;
		return LDAP_PROTOCOL_ERROR;
	}
	*d = '\0';
	if (!BER_BVISNULL(&scope) && dnNormalize(0, NULL, NULL, &scope,
	    &nscope, op->o_tmpmemctx) != LDAP_SUCCESS) {
		snprintf(text, tlen, "mhsroute: request value: \"%s\" is not "
		    "a DN", scope.bv_val);
		rs->sr_text = text;
		return LDAP_PROTOCOL_ERROR;
	}
	be = mhsroute_find_db(&nscope, &mi);
	if (be == NULL || mi == NULL) {
		snprintf(text, tlen, "mhsroute: no database with the mhsroute "
		    "overlay%s%s", BER_BVISNULL(&scope) ? "" : " holds ",
		    BER_BVISNULL(&scope) ? "" : scope.bv_val);
		rs->sr_text = text;
		if (!BER_BVISNULL(&nscope))
			op->o_tmpfree(nscope.bv_val, op->o_tmpmemctx);
		return LDAP_UNAVAILABLE;
	}
	md = mhsroute_acquire(op, be, mi);
	if (md == NULL) {
		rs->sr_text = "mhsroute: routing table unavailable";
		return LDAP_OTHER;
	}
	if (!BER_BVISNULL(&nscope) && (mhsroute_agent_find(md->md_agents,
	    md->md_nagents, nscope.bv_val) == NULL ||
	    !mhsroute_is_mta(mhsroute_agent_find(md->md_agents,
	    md->md_nagents, nscope.bv_val)))) {
		mhsroute_release(mi);
		snprintf(text, tlen, "mhsroute: request value: \"%s\" is not "
		    "an agent of type mta", scope.bv_val);
		op->o_tmpfree(nscope.bv_val, op->o_tmpmemctx);
		rs->sr_text = text;
		return LDAP_NO_SUCH_OBJECT;
	}
	pname = mmhs_precedence_name(p);
	r = mmhs_route_lookup(md->md_table, BER_BVISNULL(&nscope) ? NULL :
	    nscope.bv_val, req, p, err, sizeof(err));
	if (r == NULL) {
		mhsroute_release(mi);
		snprintf(text, tlen, "mhsroute: %s", err);
		if (!BER_BVISNULL(&nscope))
			op->o_tmpfree(nscope.bv_val, op->o_tmpmemctx);
		rs->sr_text = text;
		return strncmp(err, "no route", 8) == 0 ?
		    LDAP_NO_SUCH_OBJECT : LDAP_PROTOCOL_ERROR;
	}
	k = r - md->md_routes;
	len = md->md_rx[k].rx_dn.bv_len + 1;
	for (i = 0; i < r->rt_nhops; i++)
		len += strlen(md->md_rx[k].rx_hop_dn[i]) + 1;
	resp = ch_malloc(len + 1);
	rused = (size_t)snprintf(resp, len + 1, "%s",
	    md->md_rx[k].rx_dn.bv_val);
	used = (size_t)snprintf(text, tlen, "mhsroute: %s at %s%s%s: route "
	    "%s; next hops:", req, pname, BER_BVISNULL(&scope) ? "" :
	    " from ", BER_BVISNULL(&scope) ? "" : scope.bv_val,
	    md->md_rx[k].rx_dn.bv_val);
	for (i = 0; i < r->rt_nhops; i++) {
		rused += (size_t)snprintf(resp + rused, len + 1 - rused, "$%s",
		    md->md_rx[k].rx_hop_dn[i]);
		if (used < tlen)
			used += (size_t)snprintf(text + used, tlen - used,
			    "%s {%lu}%s", i ? "," : "", (unsigned long)i,
			    md->md_rx[k].rx_hop_dn[i]);
	}
	mhsroute_release(mi);
	if (!BER_BVISNULL(&nscope))
		op->o_tmpfree(nscope.bv_val, op->o_tmpmemctx);
	ber_str2bv(resp, rused, 0, &bv);
	rs->sr_rspdata = ber_bvdup(&bv);
	ch_free(resp);
	rs->sr_rspoid = ch_strdup(MHSROUTE_EXOP_OID);
	rs->sr_text = text;
	return LDAP_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* Database hooks */

/* mhsroute_db_init - allocate the per-database state */
static int
mhsroute_db_init(BackendDB *be, ConfigReply *cr)
{
	slap_overinst *on = (slap_overinst *)be->bd_info;
	mhsroute_info *mi;
	const char *text;
	static const struct {
		const char *name;
		AttributeDescription **ad;
	} ads[] = {
		{ "mmhsRouteMatch", &mhsroute_ad_match },
		{ "mmhsNextHop", &mhsroute_ad_hop },
		{ "mmhsRoutePrecedence", &mhsroute_ad_prec },
		{ "mmhsAgentType", &mhsroute_ad_type },
		{ "mmhsListen", &mhsroute_ad_listen },
	};
	size_t i;

	for (i = 0; i < sizeof(ads) / sizeof(ads[0]); i++)
		if (*ads[i].ad == NULL &&
		    slap_str2ad(ads[i].name, ads[i].ad, &text) != LDAP_SUCCESS) {
			snprintf(cr->msg, sizeof(cr->msg), "mhsroute: "
			    "attribute %s missing: load mmhs.schema first",
			    ads[i].name);
			Debug(LDAP_DEBUG_ANY, "%s\n", cr->msg);
			return 1;
		}
	mhsroute_oc_route = oc_find("mmhsRoute");
	mhsroute_oc_agent = oc_find("mmhsAgent");
	if (mhsroute_oc_route == NULL || mhsroute_oc_agent == NULL) {
		snprintf(cr->msg, sizeof(cr->msg), "mhsroute: object classes "
		    "mmhsRoute and mmhsAgent missing: load mmhs.schema first");
		Debug(LDAP_DEBUG_ANY, "%s\n", cr->msg);
		return 1;
	}
	mi = ch_calloc(1, sizeof(*mi));
	ldap_pvt_thread_rdwr_init(&mi->mi_lock);
	mi->mi_stale = 1;
	mi->mi_on = on;
	on->on_bi.bi_private = mi;
	return 0;
}

/* mhsroute_db_open - build the routing table (not in tool mode) */
static int
mhsroute_db_open(BackendDB *be, ConfigReply *cr)
{
	slap_overinst *on = (slap_overinst *)be->bd_info;
	mhsroute_info *mi = on->on_bi.bi_private;
	Connection conn = { 0 };
	OperationBuffer opbuf;
	Operation *op;
	BackendDB db;
	mhsroute_data *md;

	if (slapMode & SLAP_TOOL_MODE)
		return 0;
	if (BER_BVISNULL(&be->be_rootndn) || BER_BVISEMPTY(&be->be_rootndn))
		Debug(LDAP_DEBUG_ANY, "mhsroute: the database has no rootdn; "
		    "internal searches may see nothing\n");
	connection_fake_init2(&conn, &opbuf, ldap_pvt_thread_pool_context(), 0);
	op = &opbuf.ob_op;
	db = *be;
	db.bd_info = (BackendInfo *)on->on_info;
	md = mhsroute_search(op, &db, mi);
	ldap_pvt_thread_rdwr_wlock(&mi->mi_lock);
	mhsroute_data_free(mi->mi_data);
	mi->mi_data = md;
	mi->mi_stale = md == NULL;
	ldap_pvt_thread_rdwr_wunlock(&mi->mi_lock);
	return 0;
}

/* mhsroute_db_close - drop the table; db_open builds it again */
static int
mhsroute_db_close(BackendDB *be, ConfigReply *cr)
{
	slap_overinst *on = (slap_overinst *)be->bd_info;
	mhsroute_info *mi = on->on_bi.bi_private;

	ldap_pvt_thread_rdwr_wlock(&mi->mi_lock);
	mhsroute_data_free(mi->mi_data);
	mi->mi_data = NULL;
	mi->mi_stale = 1;
	ldap_pvt_thread_rdwr_wunlock(&mi->mi_lock);
	return 0;
}

/* mhsroute_db_destroy - free the per-database state */
static int
mhsroute_db_destroy(BackendDB *be, ConfigReply *cr)
{
	slap_overinst *on = (slap_overinst *)be->bd_info;
	mhsroute_info *mi = on->on_bi.bi_private;

	if (mi == NULL)
		return 0;
	mhsroute_data_free(mi->mi_data);
	ch_free(mi->mi_site.bv_val);
	ch_free(mi->mi_nsite.bv_val);
	ldap_pvt_thread_rdwr_destroy(&mi->mi_lock);
	ch_free(mi);
	on->on_bi.bi_private = NULL;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Configuration */

enum { MHSROUTE_SITE = 1 };

/* mhsroute_cf_gen - mhsroute-site: emit, delete, set */
static int
mhsroute_cf_gen(ConfigArgs *c)
{
	slap_overinst *on = (slap_overinst *)c->bi;
	mhsroute_info *mi = on->on_bi.bi_private;

	switch (c->op) {
	case SLAP_CONFIG_EMIT:
		if (BER_BVISEMPTY(&mi->mi_site))
			return 1;
		value_add_one(&c->rvalue_vals, &mi->mi_site);
		value_add_one(&c->rvalue_nvals, &mi->mi_nsite);
		return 0;
	case LDAP_MOD_DELETE:
		ch_free(mi->mi_site.bv_val);
		ch_free(mi->mi_nsite.bv_val);
		BER_BVZERO(&mi->mi_site);
		BER_BVZERO(&mi->mi_nsite);
		mhsroute_mark_stale(mi);
		return 0;
	default:
		ch_free(mi->mi_site.bv_val);
		ch_free(mi->mi_nsite.bv_val);
		mi->mi_site = c->value_dn;
		mi->mi_nsite = c->value_ndn;
		BER_BVZERO(&c->value_dn);
		BER_BVZERO(&c->value_ndn);
		mhsroute_mark_stale(mi);
		return 0;
	}
}

static ConfigTable mhsroute_cfg[] = {
	{ "mhsroute-site", "dn", 2, 2, 0,
	    ARG_MAGIC | ARG_DN | ARG_QUOTE | MHSROUTE_SITE, mhsroute_cf_gen,
	    "( " MHSROUTE_ARC ".3.3.1 NAME 'olcMhsrouteSite' "
	    "DESC 'Site entry whose subtree holds the routes (default: the "
	    "whole database)' "
	    "EQUALITY distinguishedNameMatch "
	    "SYNTAX OMsDN SINGLE-VALUE )", NULL, { NULL } },
	{ NULL, NULL, 0, 0, 0, ARG_IGNORED, NULL, NULL, NULL, { NULL } }
};

static ConfigOCs mhsroute_ocs[] = {
	{ "( " MHSROUTE_ARC ".4.3 "
	    "NAME 'olcMhsrouteConfig' "
	    "DESC 'OpenMMHS mhsroute overlay configuration' "
	    "SUP olcOverlayConfig "
	    "MAY ( olcMhsrouteSite ) )",
	    Cft_Overlay, mhsroute_cfg, NULL, NULL, NULL, NULL },
	{ NULL, 0, NULL, NULL, NULL, NULL, NULL }
};

/* mhsroute_initialize - register the overlay, its configuration schema
 * and its extended operation */
static int
mhsroute_initialize(void)
{
	static struct berval oid = BER_BVC(MHSROUTE_EXOP_OID);
	int rc;

	if (!mmhs_overlay_version_ok("mhsroute"))
		return -1;
	mhsroute_ovl.on_bi.bi_type = "mhsroute";
	mhsroute_ovl.on_bi.bi_flags = SLAPO_BFLAG_SINGLE;
	mhsroute_ovl.on_bi.bi_db_init = mhsroute_db_init;
	mhsroute_ovl.on_bi.bi_db_open = mhsroute_db_open;
	mhsroute_ovl.on_bi.bi_db_close = mhsroute_db_close;
	mhsroute_ovl.on_bi.bi_db_destroy = mhsroute_db_destroy;
	mhsroute_ovl.on_bi.bi_op_add = mhsroute_add;
	mhsroute_ovl.on_bi.bi_op_modify = mhsroute_modify;
	mhsroute_ovl.on_bi.bi_op_modrdn = mhsroute_modrdn;
	mhsroute_ovl.on_bi.bi_op_delete = mhsroute_delete;
	mhsroute_ovl.on_bi.bi_cf_ocs = mhsroute_ocs;
	rc = config_register_schema(mhsroute_cfg, mhsroute_ocs);
	if (rc != 0)
		return rc;
	rc = load_extop2(&oid, SLAP_EXOP_HIDE, mhsroute_exop, 0);
	if (rc != 0) {
		Debug(LDAP_DEBUG_ANY, "mhsroute: cannot register extended "
		    "operation %s\n", MHSROUTE_EXOP_OID);
		return rc;
	}
	return overlay_register(&mhsroute_ovl);
}

int
init_module(int argc, char *argv[])
{
	return mhsroute_initialize();
}
