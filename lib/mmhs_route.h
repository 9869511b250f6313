/* mmhs_route.h - the routing algorithm: recipient + precedence -> next hops */
#ifndef MMHS_ROUTE_H
#define MMHS_ROUTE_H

#include <stddef.h>

#include "mmhs_oraddr.h"
#include "mmhs_precedence.h"

/*
 * One route, as the caller has it (from mmhsRoute entries of the
 * directory or of an agent's cache).  The strings are the caller's; a
 * table built from an array of routes points into them, so they must
 * stay unchanged while the table is used.
 *
 *	rt_name		identifier of the route (the entry's DN), reported
 *			by lookups, conflicts and loops
 *	rt_scope	NULL for a site route; else the identifier of the
 *			MTA whose own route this is (the route applies at
 *			that MTA only and wins over an equally specific
 *			site route).  Compared with strcmp: normalise DNs.
 *	rt_match	the mmhsRouteMatch value
 *	rt_prec		MMHS_ROUTE_PREC(p) bits of the precedences the route
 *			is for; 0 means every precedence
 *	rt_hops		next-hop identifiers (agent DNs, normalised so that
 *			they compare with strcmp), preferred first
 */
struct mmhs_route {
	const char	*rt_name;
	const char	*rt_scope;
	const char	*rt_match;
	unsigned	 rt_prec;
	const char *const *rt_hops;
	size_t		 rt_nhops;
};

#define MMHS_ROUTE_PREC(p)	(1u << (unsigned)(p))
#define MMHS_ROUTE_PREC_ALL	0x3fu

/* Kinds of match, in increasing order of specificity. */
enum mmhs_route_kind {
	MMHS_ROUTE_DEFAULT = 0,
	MMHS_ROUTE_OR = 1,
	MMHS_ROUTE_DOMAIN = 2,
	MMHS_ROUTE_ADDRESS = 3
};

/* Bounds of RFC 5321 section 4.5.3.1. */
#define MMHS_ROUTE_LOCAL_MAX	64
#define MMHS_ROUTE_DOMAIN_MAX	255
#define MMHS_ROUTE_KEY_MAX	(MMHS_ROUTE_LOCAL_MAX + 1 + MMHS_ROUTE_DOMAIN_MAX)

/*
 * A parsed mmhsRouteMatch value.  rm_key holds the normalised text:
 * "local@domain" or "domain" in lower case for address: and domain:,
 * the canonical std-or form for or:, "" for default.  rm_spec orders
 * matches of one kind: number of domain labels, or O/R attributes.
 */
struct mmhs_route_match {
	enum mmhs_route_kind rm_kind;
	int		 rm_spec;
	char		 rm_key[MMHS_ORADDR_STRLEN];
	struct mmhs_oraddr rm_or;
};

/*
 * A parsed recipient: an RFC 5321 mailbox (local@domain, optionally in
 * angle brackets) or an O/R address in std-or form (it begins with '/').
 * Parse once, look up as often as needed; no allocation.
 */
struct mmhs_route_rcpt {
	int		 rr_is_or;
	char		 rr_addr[MMHS_ROUTE_KEY_MAX + 1];	/* lower case */
	size_t		 rr_local_len;		/* rr_addr[rr_local_len] == '@' */
	struct mmhs_oraddr rr_or;
};

/* The index built over an array of routes: opaque. */
struct mmhs_route_table;

/*
 * Parse an mmhsRouteMatch value.  Returns 0, or -1 with one line of
 * text in err (err may be NULL).
 */
int mmhs_route_match_parse(const char *match, struct mmhs_route_match *m,
	char *err, size_t errlen);

/* Parse a recipient.  Returns 0, or -1 with one line of text in err. */
int mmhs_route_rcpt_parse(const char *rcpt, struct mmhs_route_rcpt *r,
	char *err, size_t errlen);

/*
 * Build the index over routes[0..n-1].  Routes whose match does not
 * parse are left out; *nbad (may be NULL) counts them.  Returns 0, or
 * -1 when memory is exhausted (nothing is then allocated).  Uses
 * malloc, never exits, keeps no global state: safe inside slapd.
 */
int mmhs_route_table_new(const struct mmhs_route *routes, size_t n,
	struct mmhs_route_table **tp, size_t *nbad);
void mmhs_route_table_free(struct mmhs_route_table *t);

/* Number of routes in the index (without the left-out ones). */
size_t mmhs_route_table_count(const struct mmhs_route_table *t);

/*
 * The route for a recipient at precedence p, as seen by the MTA scope
 * (NULL: site routes only), or NULL when no route applies.  Choice:
 *   1. the most specific match: an address: match, then the domain:
 *	match with the most labels, then the or: prefix with the most
 *	attributes, then default (mailboxes match address: and domain:,
 *	O/R addresses or:; both match default);
 *   2. among routes with that match, the MTA's own route over a site
 *	route;
 *   3. then a route whose rt_prec names p over one for every precedence.
 * Routes that do not apply (another MTA's routes, rt_prec without p)
 * are ignored as if absent.  No allocation; read-only on the table, so
 * any number of threads may look up at once.
 */
const struct mmhs_route *mmhs_route_lookup_rcpt(
	const struct mmhs_route_table *t, const char *scope,
	const struct mmhs_route_rcpt *rcpt, enum mmhs_precedence p);

/* The same from a recipient string; NULL and err when it is malformed
 * or when no route applies. */
const struct mmhs_route *mmhs_route_lookup(const struct mmhs_route_table *t,
	const char *scope, const char *rcpt, enum mmhs_precedence p,
	char *err, size_t errlen);

/*
 * The route of t that cand ties with: same scope, equal match, other
 * rt_name, and either both for every precedence (rt_prec 0) or both
 * restricted to sets of precedences that overlap.  A restricted route
 * beside an unrestricted one is no tie: the restricted one wins for
 * its precedences.  NULL when none (or when cand's match does not
 * parse).
 */
const struct mmhs_route *mmhs_route_conflict(const struct mmhs_route_table *t,
	const struct mmhs_route *cand);

/*
 * Routing loops between the MTAs of a site.  For each precedence and
 * each representative recipient (one per distinct match of the table:
 * the address of an address: match, an address of a domain: match's
 * domain that no address: match names, the prefix of an or: match
 * taken as an address, and an address that only default matches),
 * every MTA m of mtas[] forwards to the MTAs among the next hops
 * (preferred or alternate) of lookup(t, m, recipient, p).  A loop is a
 * cycle of that relation.  When only_route is not NULL, only a cycle
 * with a step taken by the route so named counts.
 *
 * Returns 1 and fills *loop, 0 when there is none, -1 when memory is
 * exhausted.
 */
#define MMHS_ROUTE_LOOP_MAX	16
struct mmhs_route_loop {
	char		 rl_rcpt[MMHS_ORADDR_STRLEN + 8];	/* e.g. "*@x.example" */
	enum mmhs_precedence rl_prec;
	size_t		 rl_len;			/* steps in the cycle */
	const char	*rl_mta[MMHS_ROUTE_LOOP_MAX];	/* rl_mta[i] forwards */
	const struct mmhs_route *rl_route[MMHS_ROUTE_LOOP_MAX]; /* with this */
};
int mmhs_route_find_loop(const struct mmhs_route_table *t,
	const char *const *mtas, size_t nmtas, const char *only_route,
	struct mmhs_route_loop *loop);

/* Write "A -> B -> A" for a loop into buf; returns buf. */
char *mmhs_route_loop_format(const struct mmhs_route_loop *loop, char *buf,
	size_t len);

#endif
