/* test_route.c - CUnit tests for mmhs_route (the routing algorithm)
 *
 * Purpose: pin down the routing algorithm with tables: route matches
 * and recipients that parse (and their normal forms) or are refused
 * (and why), a golden table of recipient + precedence -> route and next
 * hops over the routes of the sample site (ldif/60-routes.ldif), the
 * MTA's own routes over the site's, ties, routing loops between MTAs,
 * and a large generated table that must agree with a linear scan.
 *
 * Interface: run without arguments; CUnit prints every test (verbose
 * mode) and a Run Summary.
 *
 * Error behaviour: exits 1 when any assertion fails or CUnit reports an
 * error, so "make check" fails.  A failed table row names its input.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#include "mmhs_route.h"

#define FLASH	MMHS_PREC_FLASH
#define IMM	MMHS_PREC_IMMEDIATE
#define PRIO	MMHS_PREC_PRIORITY
#define ROUT	MMHS_PREC_ROUTINE
#define DEFER	MMHS_PREC_DEFERRED
#define OVER	MMHS_PREC_OVERRIDE
#define P(x)	MMHS_ROUTE_PREC(x)

/* ------------------------------------------------------------------ */
/* Matches */

static const struct match_case {
	const char *mc_in;
	int	mc_ok;
	enum mmhs_route_kind mc_kind;
	const char *mc_key_or_err;	/* normal key, or part of the error */
	int	mc_spec;
} match_cases[] = {
	{ "default", 1, MMHS_ROUTE_DEFAULT, "", 0 },
	{ "DEFAULT", 1, MMHS_ROUTE_DEFAULT, "", 0 },
	{ "address:John.Smith@X.Example", 1, MMHS_ROUTE_ADDRESS,
	    "john.smith@x.example", 1 },
	{ "Address:jfhq@mod.westland.example", 1, MMHS_ROUTE_ADDRESS,
	    "jfhq@mod.westland.example", 1 },
	{ "domain:mod.westland.example", 1, MMHS_ROUTE_DOMAIN,
	    "mod.westland.example", 3 },
	{ "domain:Lists.MOD.westland.example", 1, MMHS_ROUTE_DOMAIN,
	    "lists.mod.westland.example", 4 },
	{ "domain:example", 1, MMHS_ROUTE_DOMAIN, "example", 1 },
	{ "domain:a-b.example", 1, MMHS_ROUTE_DOMAIN, "a-b.example", 2 },
	{ "or:/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/", 1, MMHS_ROUTE_OR,
	    "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/", 4 },
	{ "or:/prmd=NATO/c=XX/", 1, MMHS_ROUTE_OR, "/C=XX/PRMD=NATO/", 2 },
	{ "or:/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=DL/", 1, MMHS_ROUTE_OR,
	    "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=DL/", 5 },
	/* refused */
	{ "", 0, 0, "must be address:", 0 },
	{ "defaults", 0, 0, "must be address:", 0 },
	{ "host:x.example", 0, 0, "must be address:", 0 },
	{ "domain:", 0, 0, "empty domain", 0 },
	{ "domain:.example", 0, 0, "empty label", 0 },
	{ "domain:x..example", 0, 0, "empty label", 0 },
	{ "domain:x.example.", 0, 0, "empty label", 0 },
	{ "domain:-x.example", 0, 0, "begins with '-'", 0 },
	{ "domain:x-.example", 0, 0, "ends with '-'", 0 },
	{ "domain:x_y.example", 0, 0, "character '_'", 0 },
	{ "domain:x example", 0, 0, "character ' '", 0 },
	{ "domain:a234567890123456789012345678901234567890123456789012345678901234.x",
	    0, 0, "longer than 63", 0 },
	{ "address:x.example", 0, 0, "LOCAL@DOMAIN", 0 },
	{ "address:@x.example", 0, 0, "empty local part", 0 },
	{ "address:john@", 0, 0, "empty domain", 0 },
	{ "address:.john@x.example", 0, 0, "misplaced '.'", 0 },
	{ "address:jo..hn@x.example", 0, 0, "misplaced '.'", 0 },
	{ "address:jo hn@x.example", 0, 0, "character ' '", 0 },
	{ "address:12345678901234567890123456789012345678901234567890123456789012345@x",
	    0, 0, "longer than 64", 0 },
	{ "or:", 0, 0, "or: prefix:", 0 },
	{ "or:/", 0, 0, "or: prefix:", 0 },
	{ "or:C=XW/", 0, 0, "or: prefix:", 0 },
	{ "or:/C=XW/X=1/", 0, 0, "or: prefix:", 0 },
};

/* test_match - the match table */
static void
test_match(void)
{
	const struct match_case *c;
	struct mmhs_route_match m;
	char err[256];
	size_t i;
	int rc;

	for (i = 0; i < sizeof(match_cases) / sizeof(match_cases[0]); i++) {
		c = &match_cases[i];
		rc = mmhs_route_match_parse(c->mc_in, &m, err, sizeof(err));
		if (c->mc_ok) {
			UNIT_CHECK(rc == 0, "\"%s\" refused: %s", c->mc_in,
			    err);
			if (rc != 0)
				continue;
			UNIT_CHECK(m.rm_kind == c->mc_kind, "\"%s\": kind %d",
			    c->mc_in, m.rm_kind);
			UNIT_CHECK(strcmp(m.rm_key, c->mc_key_or_err) == 0,
			    "\"%s\": key \"%s\"", c->mc_in, m.rm_key);
			UNIT_CHECK(m.rm_spec == c->mc_spec, "\"%s\": spec %d",
			    c->mc_in, m.rm_spec);
		} else {
			UNIT_CHECK(rc == -1, "\"%s\" accepted", c->mc_in);
			UNIT_CHECK(strstr(err, c->mc_key_or_err) != NULL,
			    "\"%s\": error \"%s\" lacks \"%s\"", c->mc_in, err,
			    c->mc_key_or_err);
		}
	}
	UNIT_CHECK(mmhs_route_match_parse(NULL, &m, NULL, 0) == -1,
	    "NULL match");
}

/* ------------------------------------------------------------------ */
/* Recipients */

static const struct rcpt_case {
	const char *rc_in;
	int	rc_ok;
	const char *rc_addr_or_err;
} rcpt_cases[] = {
	{ "john@x.example", 1, "john@x.example" },
	{ "John.Smith@X.EXAMPLE", 1, "john.smith@x.example" },
	{ "<john@x.example>", 1, "john@x.example" },
	{ "john@x.example.", 1, "john@x.example" },
	{ "\"odd\\@name\"@x.example", 1, "\"odd\\@name\"@x.example" },
	{ "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/S=SMITH/", 1, "" },
	{ "", 0, "LOCAL@DOMAIN" },
	{ "john", 0, "LOCAL@DOMAIN" },
	{ "@x.example", 0, "empty local part" },
	{ "john@", 0, "empty domain" },
	{ "<john@x.example", 0, "unbalanced" },
	{ "jo hn@x.example", 0, "space" },
	{ "/PRMD=MOD/", 0, "O/R address: C is required" },
	{ "/C=XW/ADMD= /Q=1/", 0, "O/R address:" },
};

/* test_rcpt - the recipient table */
static void
test_rcpt(void)
{
	const struct rcpt_case *c;
	struct mmhs_route_rcpt r;
	char err[256];
	size_t i;
	int rc;

	for (i = 0; i < sizeof(rcpt_cases) / sizeof(rcpt_cases[0]); i++) {
		c = &rcpt_cases[i];
		rc = mmhs_route_rcpt_parse(c->rc_in, &r, err, sizeof(err));
		if (c->rc_ok) {
			UNIT_CHECK(rc == 0, "\"%s\" refused: %s", c->rc_in,
			    err);
			if (rc == 0 && !r.rr_is_or)
				UNIT_CHECK(strcmp(r.rr_addr,
				    c->rc_addr_or_err) == 0, "\"%s\" -> \"%s\"",
				    c->rc_in, r.rr_addr);
		} else {
			UNIT_CHECK(rc == -1, "\"%s\" accepted", c->rc_in);
			UNIT_CHECK(strstr(err, c->rc_addr_or_err) != NULL,
			    "\"%s\": error \"%s\" lacks \"%s\"", c->rc_in, err,
			    c->rc_addr_or_err);
		}
	}
}

/* ------------------------------------------------------------------ */
/* The sample site's routing table (ldif/60-routes.ldif) */

/*
 * Routes are written as struct troute (hops inline) and converted to
 * the library's struct mmhs_route by t_routes().
 */
struct troute {
	const char *tr_name;
	const char *tr_scope;
	const char *tr_match;
	unsigned tr_prec;
	const char *tr_hops[3];
};
#define HOPS(...)	{ __VA_ARGS__ }

/* t_routes - library routes over n test routes (free() the result) */
static struct mmhs_route *
t_routes(const struct troute *tr, size_t n)
{
	struct mmhs_route *r;
	size_t i;

	r = calloc(n + 1, sizeof(*r));
	CU_ASSERT_FATAL(r != NULL);
	for (i = 0; i < n; i++) {
		r[i].rt_name = tr[i].tr_name;
		r[i].rt_scope = tr[i].tr_scope;
		r[i].rt_match = tr[i].tr_match;
		r[i].rt_prec = tr[i].tr_prec;
		r[i].rt_hops = tr[i].tr_hops;
		while (r[i].rt_nhops < 3 && tr[i].tr_hops[r[i].rt_nhops])
			r[i].rt_nhops++;
	}
	return r;
}

static const struct troute sample[] = {
	{ "local", NULL, "domain:mod.westland.example", 0, HOPS("store") },
	{ "local-or", NULL, "or:/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/", 0,
	    HOPS("store") },
	{ "lists", NULL, "domain:lists.mod.westland.example", 0,
	    HOPS("expander") },
	{ "lists-or", NULL, "or:/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=DL/", 0,
	    HOPS("expander") },
	{ "org-jfhq", NULL, "address:jfhq@mod.westland.example", 0,
	    HOPS("profiler") },
	{ "org-army", NULL, "address:army@mod.westland.example", 0,
	    HOPS("profiler") },
	{ "org-navy", NULL, "address:navy@mod.westland.example", 0,
	    HOPS("profiler") },
	{ "org-air", NULL, "address:air@mod.westland.example", 0,
	    HOPS("profiler") },
	{ "org-1sigbde", NULL, "address:1sigbde@mod.westland.example", 0,
	    HOPS("profiler") },
	{ "org-testcell", NULL, "address:testcell@mod.westland.example", 0,
	    HOPS("profiler") },
	{ "dlo", NULL, "domain:dlo.westland.example", 0,
	    HOPS("mta-a", "mta-b") },
	{ "dlo-or", NULL, "or:/C=XW/ADMD= /PRMD=MOD/O=DLO/", 0,
	    HOPS("mta-a", "mta-b") },
	{ "informal", NULL, "domain:office.westland.example", 0,
	    HOPS("gw-informal") },
	{ "nato", NULL, "domain:nato.example", 0, HOPS("gw-nato") },
	{ "nato-or", NULL, "or:/C=XX/ADMD= /PRMD=NATO/", 0, HOPS("gw-nato") },
	{ "1bg", NULL, "domain:1bg.tac.westland.example", 0,
	    HOPS("gw-tactical") },
	{ "1bg-or", NULL, "or:/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=1BG/", 0,
	    HOPS("gw-tactical") },
	{ "resolute", NULL, "domain:resolute.tac.westland.example", 0,
	    HOPS("gw-tactical") },
	{ "resolute-urgent", NULL, "domain:resolute.tac.westland.example",
	    P(FLASH) | P(IMM), HOPS("gw-tactical-sat", "gw-tactical") },
	{ "resolute-or", NULL,
	    "or:/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=RESOLUTE/", 0,
	    HOPS("gw-tactical") },
	{ "default", NULL, "default", 0, HOPS("gw-informal") },
};
#define NSAMPLE	(sizeof(sample) / sizeof(sample[0]))

static const struct golden {
	const char *g_rcpt;
	enum mmhs_precedence g_prec;
	const char *g_route;		/* NULL: no route */
	const char *g_hops;		/* next hops joined with ' ' */
} golden[] = {
	/* a person, a role: the store */
	{ "john.smith@mod.westland.example", ROUT, "local", "store" },
	{ "ops.officer@mod.westland.example", FLASH, "local", "store" },
	{ "<Duty.Officer@MOD.Westland.Example>", OVER, "local", "store" },
	/* organisations: the profiler; not their subdomains */
	{ "jfhq@mod.westland.example", ROUT, "org-jfhq", "profiler" },
	{ "JFHQ@mod.westland.example", FLASH, "org-jfhq", "profiler" },
	{ "army@mod.westland.example", PRIO, "org-army", "profiler" },
	{ "testcell@mod.westland.example", DEFER, "org-testcell", "profiler" },
	{ "jfhq@lists.mod.westland.example", ROUT, "lists", "expander" },
	{ "jfhq2@mod.westland.example", ROUT, "local", "store" },
	/* lists: the expander (longer domain beats shorter) */
	{ "amber-sentinel@lists.mod.westland.example", IMM, "lists",
	    "expander" },
	{ "x@sub.lists.mod.westland.example", ROUT, "lists", "expander" },
	/* subdomain of the site */
	{ "x@hq.mod.westland.example", ROUT, "local", "store" },
	/* the other national site, with its alternate */
	{ "log@dlo.westland.example", ROUT, "dlo", "mta-a mta-b" },
	{ "log@depot.dlo.westland.example", FLASH, "dlo", "mta-a mta-b" },
	/* informal and NATO domains */
	{ "clerk@office.westland.example", ROUT, "informal", "gw-informal" },
	{ "j3@nato.example", IMM, "nato", "gw-nato" },
	{ "j3@shape.nato.example", IMM, "nato", "gw-nato" },
	/* deployed units; the precedence-specific route of the frigate */
	{ "ops@1bg.tac.westland.example", FLASH, "1bg", "gw-tactical" },
	{ "ops@resolute.tac.westland.example", FLASH, "resolute-urgent",
	    "gw-tactical-sat gw-tactical" },
	{ "ops@resolute.tac.westland.example", IMM, "resolute-urgent",
	    "gw-tactical-sat gw-tactical" },
	{ "ops@resolute.tac.westland.example", PRIO, "resolute",
	    "gw-tactical" },
	{ "ops@resolute.tac.westland.example", ROUT, "resolute",
	    "gw-tactical" },
	{ "ops@resolute.tac.westland.example", OVER, "resolute",
	    "gw-tactical" },
	{ "ops@bridge.resolute.tac.westland.example", FLASH,
	    "resolute-urgent", "gw-tactical-sat gw-tactical" },
	/* default: anything else, incl. domains that only end alike */
	{ "someone@elsewhere.example", ROUT, "default", "gw-informal" },
	{ "x@tac.westland.example", FLASH, "default", "gw-informal" },
	{ "x@westland.example", FLASH, "default", "gw-informal" },
	{ "x@notnato.example", ROUT, "default", "gw-informal" },
	{ "x@mod.westland.example.evil", ROUT, "default", "gw-informal" },
	{ "x@[192.0.2.1]", ROUT, "default", "gw-informal" },
	/* O/R addresses */
	{ "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/S=SMITH/G=JOHN/", ROUT,
	    "local-or", "store" },
	{ "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=DL/CN=AMBER SENTINEL/", FLASH,
	    "lists-or", "expander" },
	{ "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=1BG/CN=OPS/", FLASH, "1bg-or",
	    "gw-tactical" },
	{ "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=resolute/OU2=OPS/", FLASH,
	    "resolute-or", "gw-tactical" },
	{ "/C=XW/ADMD= /PRMD=MOD/O=DLO/S=LOG/", ROUT, "dlo-or",
	    "mta-a mta-b" },
	{ "/C=XX/ADMD= /PRMD=NATO/O=SHAPE/S=J3/", IMM, "nato-or", "gw-nato" },
	{ "/c=xx/admd= /prmd=nato/", IMM, "nato-or", "gw-nato" },
	{ "/C=XX/ADMD=ICAO/PRMD=NATO/", IMM, "default", "gw-informal" },
	{ "/C=XW/ADMD= /PRMD=MOD/O=ARMY/S=X/", ROUT, "default",
	    "gw-informal" },
	{ "/C=GB/ADMD= /S=X/", ROUT, "default", "gw-informal" },
};

/* t_hops - the next hops of a route joined with ' ' */
static const char *
t_hops(const struct mmhs_route *r, char *buf, size_t len)
{
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < r->rt_nhops; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s",
		    i ? " " : "", r->rt_hops[i]);
	return buf;
}

/* t_sample - the index of the sample table; *rp to free() after it */
static struct mmhs_route_table *
t_sample(struct mmhs_route **rp)
{
	struct mmhs_route_table *t = NULL;
	size_t bad = 99;

	*rp = t_routes(sample, NSAMPLE);
	UNIT_CHECK(mmhs_route_table_new(*rp, NSAMPLE, &t, &bad) == 0,
	    "table_new of the sample");
	UNIT_CHECK(bad == 0, "%zu sample routes left out", bad);
	UNIT_CHECK(mmhs_route_table_count(t) == NSAMPLE, "count %zu",
	    mmhs_route_table_count(t));
	return t;
}

/* test_golden - recipient + precedence -> route over the sample */
static void
test_golden(void)
{
	struct mmhs_route *routes;
	struct mmhs_route_table *t = t_sample(&routes);
	const struct golden *g;
	const struct mmhs_route *r;
	char err[256], hops[512];
	size_t i;

	for (i = 0; i < sizeof(golden) / sizeof(golden[0]); i++) {
		g = &golden[i];
		r = mmhs_route_lookup(t, NULL, g->g_rcpt, g->g_prec, err,
		    sizeof(err));
		if (g->g_route == NULL) {
			UNIT_CHECK(r == NULL, "%s/%s: route %s", g->g_rcpt,
			    mmhs_precedence_name(g->g_prec),
			    r ? r->rt_name : "");
			continue;
		}
		UNIT_CHECK(r != NULL, "%s/%s: no route: %s", g->g_rcpt,
		    mmhs_precedence_name(g->g_prec), err);
		if (r == NULL)
			continue;
		UNIT_CHECK(strcmp(r->rt_name, g->g_route) == 0,
		    "%s/%s: route %s, want %s", g->g_rcpt,
		    mmhs_precedence_name(g->g_prec), r->rt_name, g->g_route);
		UNIT_CHECK(strcmp(t_hops(r, hops, sizeof(hops)),
		    g->g_hops) == 0, "%s/%s: hops \"%s\", want \"%s\"",
		    g->g_rcpt, mmhs_precedence_name(g->g_prec), hops,
		    g->g_hops);
		/* an MTA without routes of its own sees the same */
		UNIT_CHECK(mmhs_route_lookup(t, "mta", g->g_rcpt, g->g_prec,
		    NULL, 0) == r, "%s: scope mta differs", g->g_rcpt);
	}
	mmhs_route_table_free(t);
	free(routes);
}

/* test_no_default - without default, an unmatched recipient has none */
static void
test_no_default(void)
{
	struct mmhs_route_table *t = NULL;
	struct mmhs_route *routes = t_routes(sample, NSAMPLE);
	char err[256];

	UNIT_CHECK(mmhs_route_table_new(routes, NSAMPLE - 1, &t, NULL) == 0,
	    "table_new");
	UNIT_CHECK(mmhs_route_lookup(t, NULL, "x@elsewhere.example", ROUT, err,
	    sizeof(err)) == NULL, "a route without default");
	UNIT_CHECK(strcmp(err,
	    "no route for x@elsewhere.example at routine") == 0, "error \"%s\"",
	    err);
	UNIT_CHECK(mmhs_route_lookup(t, NULL, "bad", ROUT, err, sizeof(err)) ==
	    NULL && strstr(err, "LOCAL@DOMAIN") != NULL, "error \"%s\"", err);
	UNIT_CHECK(mmhs_route_lookup(t, NULL, "x@nato.example", 9, err,
	    sizeof(err)) == NULL, "an invalid precedence");
	mmhs_route_table_free(t);

	UNIT_CHECK(mmhs_route_table_new(NULL, 0, &t, NULL) == 0, "empty table");
	UNIT_CHECK(mmhs_route_lookup(t, NULL, "x@y.example", ROUT, NULL, 0) ==
	    NULL, "empty table has no route");
	mmhs_route_table_free(t);
	mmhs_route_table_free(NULL);
	free(routes);
}

/* test_bad_left_out - a malformed match is left out, not fatal */
static void
test_bad_left_out(void)
{
	static const struct troute tr[] = {
		{ "bad", NULL, "domain:", 0, HOPS("x") },
		{ "null", NULL, NULL, 0, HOPS("x") },
		{ "good", NULL, "default", 0, HOPS("y") },
	};
	struct mmhs_route_table *t = NULL;
	struct mmhs_route *r = t_routes(tr, 3);
	size_t bad = 0;

	UNIT_CHECK(mmhs_route_table_new(r, 3, &t, &bad) == 0, "table_new");
	UNIT_CHECK(bad == 2, "bad %zu", bad);
	UNIT_CHECK(mmhs_route_table_count(t) == 1, "count");
	UNIT_CHECK(mmhs_route_lookup(t, NULL, "a@b.example", ROUT, NULL, 0) ==
	    &r[2], "the good route");
	mmhs_route_table_free(t);
	free(r);
}

/* ------------------------------------------------------------------ */
/* MTA scopes */

static const struct troute scoped[] = {
	{ "site-x", NULL, "domain:x.example", 0, HOPS("gw") },
	{ "site-x-flash", NULL, "domain:x.example", P(FLASH), HOPS("sat") },
	{ "a-x", "mta-a", "domain:x.example", 0, HOPS("mta-b") },
	{ "b-sub", "mta-b", "domain:sub.x.example", P(ROUT), HOPS("store") },
	{ "site-default", NULL, "default", 0, HOPS("gw") },
	{ "b-default", "mta-b", "default", P(FLASH), HOPS("mta-a") },
	{ "a-or", "mta-a", "or:/C=XW/PRMD=MOD/", 0, HOPS("mta-b") },
	{ "site-or", NULL, "or:/C=XW/ADMD= /PRMD=MOD/", P(IMM), HOPS("gw") },
};

static const struct scope_case {
	const char *sc_scope;
	const char *sc_rcpt;
	enum mmhs_precedence sc_prec;
	const char *sc_route;
} scope_cases[] = {
	{ NULL, "u@x.example", ROUT, "site-x" },
	{ NULL, "u@x.example", FLASH, "site-x-flash" },
	{ "mta-a", "u@x.example", ROUT, "a-x" },
	/* the MTA's own route wins over the site's precedence route */
	{ "mta-a", "u@x.example", FLASH, "a-x" },
	{ "mta-b", "u@x.example", ROUT, "site-x" },
	{ "mta-b", "u@sub.x.example", ROUT, "b-sub" },
	/* b-sub is for routine only: the less specific match then */
	{ "mta-b", "u@sub.x.example", PRIO, "site-x" },
	{ "mta-b", "u@sub.x.example", FLASH, "site-x-flash" },
	{ "mta-a", "u@sub.x.example", ROUT, "a-x" },
	{ "mta-c", "u@sub.x.example", ROUT, "site-x" },
	{ NULL, "u@y.example", FLASH, "site-default" },
	{ "mta-b", "u@y.example", FLASH, "b-default" },
	{ "mta-b", "u@y.example", ROUT, "site-default" },
	/* or: the more specific prefix wins whatever its scope */
	{ "mta-a", "/C=XW/ADMD= /PRMD=MOD/S=X/", IMM, "site-or" },
	{ "mta-a", "/C=XW/ADMD= /PRMD=MOD/S=X/", ROUT, "a-or" },
	{ "mta-b", "/C=XW/ADMD= /PRMD=MOD/S=X/", ROUT, "site-default" },
};

/* test_scope - the MTA's own routes */
static void
test_scope(void)
{
	struct mmhs_route_table *t = NULL;
	const struct scope_case *c;
	const struct mmhs_route *r;
	struct mmhs_route *routes;
	char err[256];
	size_t i, n = sizeof(scoped) / sizeof(scoped[0]);

	routes = t_routes(scoped, n);
	UNIT_CHECK(mmhs_route_table_new(routes, n, &t, NULL) == 0, "table_new");
	for (i = 0; i < sizeof(scope_cases) / sizeof(scope_cases[0]); i++) {
		c = &scope_cases[i];
		r = mmhs_route_lookup(t, c->sc_scope, c->sc_rcpt, c->sc_prec,
		    err, sizeof(err));
		UNIT_CHECK(r != NULL && strcmp(r->rt_name, c->sc_route) == 0,
		    "%s at %s/%s: %s, want %s", c->sc_rcpt,
		    c->sc_scope ? c->sc_scope : "site",
		    mmhs_precedence_name(c->sc_prec), r ? r->rt_name : err,
		    c->sc_route);
	}
	mmhs_route_table_free(t);
	free(routes);
}

/* ------------------------------------------------------------------ */
/* Ties */

static const struct tie_case {
	struct troute tc_cand;
	const char *tc_with;		/* NULL: no tie */
} tie_cases[] = {
	{ { "new", NULL, "domain:nato.example", 0, HOPS("gw-x") }, "nato" },
	{ { "new", NULL, "domain:NATO.Example", 0, HOPS("gw-x") }, "nato" },
	/* restricted beside unrestricted: the exception, no tie */
	{ { "new", NULL, "domain:nato.example", P(FLASH), HOPS("gw-x") },
	    NULL },
	{ { "new", NULL, "domain:shape.nato.example", 0, HOPS("gw-x") },
	    NULL },
	/* the same route rewritten is no tie with itself */
	{ { "nato", NULL, "domain:nato.example", 0, HOPS("gw-x") }, NULL },
	{ { "new", NULL, "domain:resolute.tac.westland.example", P(ROUT),
	    HOPS("x") }, NULL },
	{ { "new", NULL, "domain:resolute.tac.westland.example", 0,
	    HOPS("x") }, "resolute" },
	{ { "new", NULL, "domain:resolute.tac.westland.example", P(FLASH),
	    HOPS("x") }, "resolute-urgent" },
	{ { "new", NULL, "domain:resolute.tac.westland.example", P(IMM),
	    HOPS("x") }, "resolute-urgent" },
	{ { "new", NULL, "default", P(OVER), HOPS("x") }, NULL },
	{ { "new", NULL, "default", 0, HOPS("x") }, "default" },
	{ { "new", NULL, "address:JFHQ@mod.westland.example", 0, HOPS("x") },
	    "org-jfhq" },
	{ { "new", NULL, "or:/c=xx/admd= /prmd=nato/", 0, HOPS("x") },
	    "nato-or" },
	{ { "new", NULL, "or:/C=XX/PRMD=NATO/", 0, HOPS("x") }, NULL },
	/* another scope is no tie */
	{ { "new", "mta", "domain:nato.example", 0, HOPS("x") }, NULL },
	{ { "new", NULL, "domain:", 0, HOPS("x") }, NULL },
};

/* test_conflict - ties with the sample's routes */
static void
test_conflict(void)
{
	struct mmhs_route *routes, *cand;
	struct mmhs_route_table *t = t_sample(&routes);
	const struct tie_case *c;
	const struct mmhs_route *r;
	size_t i;

	for (i = 0; i < sizeof(tie_cases) / sizeof(tie_cases[0]); i++) {
		c = &tie_cases[i];
		cand = t_routes(&c->tc_cand, 1);
		r = mmhs_route_conflict(t, cand);
		if (c->tc_with == NULL)
			UNIT_CHECK(r == NULL, "%s: tie with %s",
			    c->tc_cand.tr_match, r ? r->rt_name : "");
		else
			UNIT_CHECK(r != NULL && strcmp(r->rt_name,
			    c->tc_with) == 0, "%s: tie with %s, want %s",
			    c->tc_cand.tr_match, r ? r->rt_name : "none",
			    c->tc_with);
		free(cand);
	}
	mmhs_route_table_free(t);
	free(routes);

	/* disjoint precedences of the same match are no tie */
	{
		static const struct troute two[] = {
			{ "f", NULL, "domain:x.example", P(FLASH), HOPS("a") },
			{ "r", NULL, "domain:x.example", P(ROUT) | P(PRIO),
			    HOPS("b") },
		};
		routes = t_routes(two, 2);
		UNIT_CHECK(mmhs_route_table_new(routes, 1, &t, NULL) == 0,
		    "new");
		UNIT_CHECK(mmhs_route_conflict(t, &routes[1]) == NULL,
		    "disjoint");
		mmhs_route_table_free(t);
		free(routes);
	}
}

/* ------------------------------------------------------------------ */
/* Loops */

static const char *const mtas[] = { "mta-a", "mta-b", "mta-c" };

static const struct loop_case {
	const char *lc_what;
	struct troute lc_routes[4];
	size_t	lc_n;
	const char *lc_only;
	const char *lc_cycle;		/* NULL: no loop */
	const char *lc_rcpt;
} loop_cases[] = {
	{ "a and b send x.example to each other",
	    { { "ra", "mta-a", "domain:x.example", 0, HOPS("mta-b") },
	      { "rb", "mta-b", "domain:x.example", 0, HOPS("mta-a") } }, 2,
	    NULL, "mta-a -> mta-b -> mta-a", "*@x.example" },
	{ "only the route named counts",
	    { { "ra", "mta-a", "domain:x.example", 0, HOPS("mta-b") },
	      { "rb", "mta-b", "domain:x.example", 0, HOPS("mta-a") },
	      { "rc", "mta-c", "domain:y.example", 0, HOPS("gw") } }, 3,
	    "rc", NULL, NULL },
	{ "the route named is in the cycle",
	    { { "ra", "mta-a", "domain:x.example", 0, HOPS("mta-b") },
	      { "rb", "mta-b", "domain:x.example", 0, HOPS("mta-a") } }, 2,
	    "rb", "mta-b -> mta-a -> mta-b", "*@x.example" },
	{ "through an alternate",
	    { { "ra", "mta-a", "domain:x.example", 0, HOPS("gw", "mta-b") },
	      { "rb", "mta-b", "domain:x.example", 0, HOPS("mta-a") } }, 2,
	    NULL, "mta-a -> mta-b -> mta-a", "*@x.example" },
	{ "three MTAs",
	    { { "ra", "mta-a", "default", 0, HOPS("mta-b") },
	      { "rb", "mta-b", "default", 0, HOPS("mta-c") },
	      { "rc", "mta-c", "domain:z.example", 0, HOPS("mta-a") } }, 3,
	    NULL, "mta-a -> mta-b -> mta-c -> mta-a", "*@z.example" },
	{ "a more specific site route breaks the chain",
	    { { "ra", "mta-a", "default", 0, HOPS("mta-b") },
	      { "rb", "mta-b", "default", 0, HOPS("mta-c") },
	      { "rc", "mta-c", "domain:z.example", 0, HOPS("mta-a") },
	      { "rs", NULL, "domain:example", 0, HOPS("gw") } }, 4,
	    NULL, NULL, NULL },
	{ "a subdomain routed back by the parent's route",
	    { { "ra", "mta-a", "domain:sub.x.example", 0, HOPS("mta-b") },
	      { "rb", "mta-b", "domain:x.example", 0, HOPS("mta-a") } }, 2,
	    NULL, "mta-a -> mta-b -> mta-a", "*@sub.x.example" },
	{ "a site route to an MTA sends that MTA to itself",
	    { { "rs", NULL, "domain:x.example", 0, HOPS("mta-b") } }, 1,
	    NULL, "mta-b -> mta-b", "*@x.example" },
	{ "unless that MTA has its own route",
	    { { "rs", NULL, "domain:x.example", 0, HOPS("mta-b") },
	      { "rb", "mta-b", "domain:x.example", 0, HOPS("store") } }, 2,
	    NULL, NULL, NULL },
	{ "disjoint precedences: no loop",
	    { { "ra", "mta-a", "domain:x.example", P(FLASH), HOPS("mta-b") },
	      { "rb", "mta-b", "domain:x.example", P(ROUT), HOPS("mta-a") },
	      { "rs", NULL, "default", 0, HOPS("gw") } }, 3,
	    NULL, NULL, NULL },
	{ "overlapping precedences: a loop at flash",
	    { { "ra", "mta-a", "domain:x.example", P(FLASH), HOPS("mta-b") },
	      { "rb", "mta-b", "default", P(FLASH) | P(OVER),
	        HOPS("mta-a") } }, 2,
	    NULL, "mta-a -> mta-b -> mta-a", "*@x.example" },
	{ "an address routed back",
	    { { "ra", "mta-a", "address:u@x.example", 0, HOPS("mta-b") },
	      { "rb", "mta-b", "domain:x.example", 0, HOPS("mta-a") },
	      { "rc", "mta-a", "domain:x.example", 0, HOPS("store") } }, 3,
	    NULL, "mta-a -> mta-b -> mta-a", "u@x.example" },
	{ "O/R prefixes",
	    { { "ra", "mta-a", "or:/C=XW/PRMD=MOD/O=A/", 0, HOPS("mta-b") },
	      { "rb", "mta-b", "or:/C=XW/PRMD=MOD/", 0, HOPS("mta-a") } }, 2,
	    NULL, "mta-a -> mta-b -> mta-a", "or:/C=XW/PRMD=MOD/O=A/" },
	{ "peers are not this site's MTAs",
	    { { "ra", "mta-a", "domain:x.example", 0, HOPS("peer") },
	      { "rb", NULL, "domain:x.example", 0, HOPS("mta-a") } }, 2,
	    NULL, NULL, NULL },
};

/* test_loop - cycles between MTAs */
static void
test_loop(void)
{
	const struct loop_case *c;
	struct mmhs_route_table *t;
	struct mmhs_route_loop loop;
	struct mmhs_route *routes;
	char buf[512];
	size_t i;
	int rc;

	for (i = 0; i < sizeof(loop_cases) / sizeof(loop_cases[0]); i++) {
		c = &loop_cases[i];
		t = NULL;
		routes = t_routes(c->lc_routes, c->lc_n);
		UNIT_CHECK(mmhs_route_table_new(routes, c->lc_n, &t, NULL) ==
		    0, "%s: table_new", c->lc_what);
		rc = mmhs_route_find_loop(t, mtas, 3, c->lc_only, &loop);
		if (c->lc_cycle == NULL) {
			UNIT_CHECK(rc == 0, "%s: loop %s", c->lc_what, rc == 1 ?
			    mmhs_route_loop_format(&loop, buf, sizeof(buf)) :
			    "error");
		} else {
			UNIT_CHECK(rc == 1, "%s: no loop found", c->lc_what);
			if (rc == 1) {
				mmhs_route_loop_format(&loop, buf, sizeof(buf));
				UNIT_CHECK(strcmp(buf, c->lc_cycle) == 0,
				    "%s: loop \"%s\", want \"%s\"", c->lc_what,
				    buf, c->lc_cycle);
				UNIT_CHECK(strcmp(loop.rl_rcpt,
				    c->lc_rcpt) == 0,
				    "%s: for \"%s\", want \"%s\"", c->lc_what,
				    loop.rl_rcpt, c->lc_rcpt);
				UNIT_CHECK(loop.rl_route[0] != NULL,
				    "%s: route", c->lc_what);
			}
		}
		mmhs_route_table_free(t);
		free(routes);
	}
	/* the sample has no MTA route, so no loop */
	t = t_sample(&routes);
	{
		static const char *const site_mtas[] = { "mta" };

		UNIT_CHECK(mmhs_route_find_loop(t, site_mtas, 1, NULL,
		    &loop) == 0, "loop in the sample");
	}
	UNIT_CHECK(mmhs_route_find_loop(t, mtas, 0, NULL, &loop) == 0,
	    "no MTAs");
	mmhs_route_table_free(t);
	free(routes);
}

/* ------------------------------------------------------------------ */
/* A large table against a linear scan */

#define BIG	20000

/* test_big - many domains and addresses; spot checks of lookups */
static void
test_big(void)
{
	struct mmhs_route *r;
	struct mmhs_route_table *t = NULL;
	const struct mmhs_route *got;
	static const char *const hop[] = { "h" };
	char (*match)[64], rcpt[128];
	size_t i;

	r = calloc(BIG + 1, sizeof(*r));
	match = calloc(BIG + 1, sizeof(*match));
	CU_ASSERT_FATAL(r != NULL && match != NULL);
	for (i = 0; i < BIG; i++) {
		if (i % 2 == 0)
			snprintf(match[i], sizeof(match[i]),
			    "domain:d%zu.unit%zu.example", i, i % 7);
		else
			snprintf(match[i], sizeof(match[i]),
			    "address:u%zu@d%zu.unit%zu.example", i, i - 1,
			    (i - 1) % 7);
		r[i].rt_name = match[i];
		r[i].rt_match = match[i];
		r[i].rt_hops = hop;
		r[i].rt_nhops = 1;
	}
	r[BIG].rt_name = "default";
	r[BIG].rt_match = "default";
	r[BIG].rt_hops = hop;
	r[BIG].rt_nhops = 1;
	UNIT_CHECK(mmhs_route_table_new(r, BIG + 1, &t, NULL) == 0,
	    "table_new");
	for (i = 0; i < BIG; i += 97) {
		if (i % 2 == 0) {
			snprintf(rcpt, sizeof(rcpt),
			    "someone@x.d%zu.unit%zu.example", i, i % 7);
			got = mmhs_route_lookup(t, NULL, rcpt, ROUT, NULL, 0);
			UNIT_CHECK(got == &r[i], "%s -> %s", rcpt,
			    got ? got->rt_name : "none");
		} else {
			snprintf(rcpt, sizeof(rcpt), "U%zu@D%zu.unit%zu.example",
			    i, i - 1, (i - 1) % 7);
			got = mmhs_route_lookup(t, NULL, rcpt, ROUT, NULL, 0);
			UNIT_CHECK(got == &r[i], "%s -> %s", rcpt,
			    got ? got->rt_name : "none");
		}
	}
	got = mmhs_route_lookup(t, NULL, "u1@d3.unit0.example", ROUT, NULL, 0);
	UNIT_CHECK(got == &r[BIG], "unmatched -> %s",
	    got ? got->rt_name : "none");
	mmhs_route_table_free(t);
	free(r);
	free(match);
}

/* ------------------------------------------------------------------ */

static const struct unit_test route_tests[] = {
	{ "route matches parse or are refused", test_match },
	{ "recipients parse or are refused", test_rcpt },
	{ "golden routes of the sample site", test_golden },
	{ "no default route, bad input", test_no_default },
	{ "malformed routes are left out", test_bad_left_out },
	{ "an MTA's own routes", test_scope },
	{ "ties", test_conflict },
	{ "routing loops between MTAs", test_loop },
	{ "20000 routes", test_big },
};

static const struct unit_suite suites[] = {
	UNIT_SUITE("mmhs_route", route_tests),
};

int main(void);

/* main - run the suite; non-zero exit on any failure */
int
main(void)
{
	return unit_main(suites, sizeof(suites) / sizeof(suites[0]));
}
