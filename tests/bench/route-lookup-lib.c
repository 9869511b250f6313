/* route-lookup-lib.c - time mmhs_route lookups per call (benchmark)
 *
 * usage: route-lookup-lib [NROUTES [NLOOKUPS]]
 * Indexes the sample site's routes plus NROUTES generated address: and
 * domain: routes (default 100000), then looks up NLOOKUPS recipients
 * (default 2000000) of every kind, parsing each one, and prints the
 * time per lookup.  Built by tests/bench/route-lookup.sh with $CC.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mmhs_route.h"

static const char *const store[] = { "store" }, *const gw[] = { "gw" };

/* now - monotonic seconds */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	static const char *const fixed[][2] = {
		{ "local", "domain:mod.westland.example" },
		{ "local-or", "or:/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/" },
		{ "lists", "domain:lists.mod.westland.example" },
		{ "lists-or", "or:/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=DL/" },
		{ "nato", "domain:nato.example" },
		{ "nato-or", "or:/C=XX/ADMD= /PRMD=NATO/" },
		{ "resolute", "domain:resolute.tac.westland.example" },
		{ "default", "default" },
	};
	static const char *const rcpts[] = {
		"john.smith@mod.westland.example",
		"org17@mod.westland.example",
		"list@lists.mod.westland.example",
		"j3@shape.nato.example",
		"ops@resolute.tac.westland.example",
		"someone@elsewhere.example",
		"/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=DL/CN=AMBER/",
		"/C=XX/ADMD= /PRMD=NATO/O=SHAPE/S=J3/",
	};
	size_t nr = argc > 1 ? strtoul(argv[1], NULL, 10) : 100000;
	size_t nl = argc > 2 ? strtoul(argv[2], NULL, 10) : 2000000;
	size_t nf = sizeof(fixed) / sizeof(fixed[0]), n = nf + nr, i, found = 0;
	struct mmhs_route *r = calloc(n, sizeof(*r));
	char (*m)[80] = calloc(nr + 1, sizeof(*m));
	struct mmhs_route_table *t;
	struct mmhs_route_rcpt rc;
	double t0, t1, t2;

	if (r == NULL || m == NULL)
		return 1;
	for (i = 0; i < nf; i++) {
		r[i].rt_name = fixed[i][0];
		r[i].rt_match = fixed[i][1];
		r[i].rt_hops = store;
		r[i].rt_nhops = 1;
	}
	for (i = 0; i < nr; i++) {
		if (i % 2)
			snprintf(m[i], sizeof(m[i]),
			    "address:org%zu@mod.westland.example", i);
		else
			snprintf(m[i], sizeof(m[i]),
			    "domain:unit%zu.tac.westland.example", i);
		r[nf + i].rt_name = m[i];
		r[nf + i].rt_match = m[i];
		r[nf + i].rt_hops = gw;
		r[nf + i].rt_nhops = 1;
	}
	t0 = now();
	if (mmhs_route_table_new(r, n, &t, NULL) != 0)
		return 1;
	t1 = now();
	for (i = 0; i < nl; i++) {
		const char *s = rcpts[i % (sizeof(rcpts) / sizeof(rcpts[0]))];

		if (mmhs_route_rcpt_parse(s, &rc, NULL, 0) == 0 &&
		    mmhs_route_lookup_rcpt(t, NULL, &rc,
		    (enum mmhs_precedence)(i % 6)) != NULL)
			found++;
	}
	t2 = now();
	printf("routes %zu: index built in %.1f ms; %zu lookups (parse + "
	    "lookup) in %.3f s: %.0f ns per lookup, %.0f lookups/s "
	    "(%zu found)\n", n, (t1 - t0) * 1e3, nl, t2 - t1,
	    (t2 - t1) / nl * 1e9, nl / (t2 - t1), found);
	mmhs_route_table_free(t);
	free(r);
	free(m);
	return found == nl ? 0 : 1;
}
