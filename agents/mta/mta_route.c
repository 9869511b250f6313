/* mta_route.c - the route table of lib/mmhs_route, built from the cache
 *
 * NOTE to the delivery side: this builds the same table you need (the
 * receiving side uses it for the relay decision).  Use it if it suits:
 * mta_routes_build() after start and whenever mta_dir_generation()
 * moved, mmhs_route_lookup(mta_routes_table(r), mta_routes_scope(r),
 * rcpt, prec, ...).  Declared at the end of mta.h.
 *
 * Every mmhsRoute entry of the cache becomes one struct mmhs_route:
 * rt_name its DN; rt_scope NULL for a site route, or the DN of the
 * mmhsAgent of type mta the route sits below (an MTA's own route);
 * rt_prec from mmhsRoutePrecedence; rt_hops the mmhsNextHop values in
 * their X-ORDERED order, without the "{n}" prefix.  Every DN is
 * LDAPv3-normalised and lower-cased so that strcmp compares them.
 * Routes whose match does not parse are left out with a warning (the
 * mhsroute overlay refuses them at the directory already).
 *
 * Errors: NULL and a message when the cache cannot be read.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ldap.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mmhs_route.h"
#include "mta.h"

struct mta_routes {
	struct mmhs_route *r_routes;
	size_t	r_n, r_cap;
	struct mmhs_route_table *r_table;
	char	*r_scope;
	char	**r_strs;			/* everything we allocated */
	size_t	r_nstrs, r_strcap;
};

/* mta_dn_norm - a DN that compares with strcmp (caller frees) */
char *
mta_dn_norm(const char *dn)
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

/* mta_routes_keep - remember an allocation of the table */
static char *
mta_routes_keep(struct mta_routes *r, char *s)
{
	if (r->r_nstrs == r->r_strcap) {
		r->r_strcap = r->r_strcap ? 2 * r->r_strcap : 64;
		r->r_strs = mmhs_realloc(r->r_strs, r->r_strcap *
		    sizeof(*r->r_strs));
	}
	r->r_strs[r->r_nstrs++] = s;
	return s;
}

struct mta_routes_walk {
	struct mta_routes *w_r;
	mmhs_dircache_t *w_cache;
};

/* mta_routes_scope_of - the MTA a route entry belongs to, or NULL */
static const char *
mta_routes_scope_of(struct mta_routes_walk *w, const char *dn)
{
	const char *parent = strchr(dn, ',');
	mmhs_dircache_entry_t *e;
	const char *type;
	char	*scope = NULL;

	if (parent == NULL || (e = mmhs_dircache_by_dn(w->w_cache,
	    parent + 1)) == NULL)
		return NULL;
	type = mmhs_dircache_value(e, "mmhsAgentType");
	if (type != NULL && strcmp(type, "mta") == 0)
		scope = mta_routes_keep(w->w_r, mta_dn_norm(e->de_dn));
	mmhs_dircache_entry_free(e);
	return scope;
}

/* mta_routes_add - one mmhsRoute entry */
static int
mta_routes_add(void *arg, const mmhs_dircache_entry_t *e)
{
	struct mta_routes_walk *w = arg;
	struct mta_routes *r = w->w_r;
	const mmhs_dircache_attr_t *a;
	struct mmhs_route *rt;
	const char **hops, *v;
	enum mmhs_precedence p;
	size_t	i;

	if (mmhs_dircache_value(e, "mmhsRouteMatch") == NULL ||
	    (a = mmhs_dircache_attr(e, "mmhsNextHop")) == NULL ||
	    a->da_nvals == 0)
		return 0;
	if (r->r_n == r->r_cap) {
		r->r_cap = r->r_cap ? 2 * r->r_cap : 32;
		r->r_routes = mmhs_realloc(r->r_routes, r->r_cap *
		    sizeof(*r->r_routes));
	}
	rt = &r->r_routes[r->r_n++];
	memset(rt, 0, sizeof(*rt));
	rt->rt_name = mta_routes_keep(r, mta_dn_norm(e->de_dn));
	rt->rt_scope = mta_routes_scope_of(w, e->de_dn);
	rt->rt_match = mta_routes_keep(r, mmhs_strdup(
	    mmhs_dircache_value(e, "mmhsRouteMatch")));
	hops = mmhs_calloc(a->da_nvals, sizeof(*hops));
	mta_routes_keep(r, (char *)hops);
	for (i = 0; i < a->da_nvals; i++) {
		v = a->da_vals[i];
		if (v[0] == '{' && strchr(v, '}') != NULL)
			v = strchr(v, '}') + 1;
		hops[i] = mta_routes_keep(r, mta_dn_norm(v));
	}
	rt->rt_hops = hops;
	rt->rt_nhops = a->da_nvals;
	if ((a = mmhs_dircache_attr(e, "mmhsRoutePrecedence")) != NULL)
		for (i = 0; i < a->da_nvals; i++)
			if (mmhs_precedence_from_name(a->da_vals[i], &p) == 0)
				rt->rt_prec |= MMHS_ROUTE_PREC(p);
	return 0;
}

/* mta_routes_free - the table and its strings */
void
mta_routes_free(struct mta_routes *r)
{
	size_t	i;

	if (r == NULL)
		return;
	if (r->r_table != NULL)
		mmhs_route_table_free(r->r_table);
	for (i = 0; i < r->r_nstrs; i++)
		mmhs_free(r->r_strs[i]);
	mmhs_free(r->r_strs);
	mmhs_free(r->r_routes);
	mmhs_free(r->r_scope);
	mmhs_free(r);
}

/* mta_routes_build - a new table from the cache as it is now */
struct mta_routes *
mta_routes_build(struct mta *m, char *err, size_t errlen)
{
	struct mta_routes *r = mmhs_calloc(1, sizeof(*r));
	struct mta_routes_walk w = { r, m->m_cache };
	size_t	nbad = 0;

	if (mmhs_dircache_find(m->m_cache, "objectClass", "mmhsRoute",
	    mta_routes_add, &w) < 0) {
		snprintf(err, errlen, "the cache cannot be searched by "
		    "objectClass");
		mta_routes_free(r);
		return NULL;
	}
	if (mmhs_route_table_new(r->r_routes, r->r_n, &r->r_table,
	    &nbad) < 0) {
		snprintf(err, errlen, "out of memory building %zu routes",
		    r->r_n);
		mta_routes_free(r);
		return NULL;
	}
	if (nbad > 0)
		mmhs_warn("routes: %zu route(s) with a malformed match left "
		    "out", nbad);
	r->r_scope = mta_dn_norm(m->m_conf.mc_self_dn);
	return r;
}

/* mta_routes_table - for mmhs_route_lookup() */
const struct mmhs_route_table *
mta_routes_table(const struct mta_routes *r)
{
	return r->r_table;
}

/* mta_routes_scope - our own DN, normalised, as the lookup scope */
const char *
mta_routes_scope(const struct mta_routes *r)
{
	return r->r_scope;
}
