/* expander_probe.c - mmhs-expander-probe: the expander's decisions, alone
 *
 * SYNOPSIS
 *	mmhs-expander-probe -H URI -D bind-DN -w password -c cachedir
 *	    [-b base] [-s site-DN] [-d depth] [-m max] [-n runs] [-C]
 *	    expand LIST-DN | permit LIST-DN ORIGINATOR | batch
 *
 * DESCRIPTION
 *	Mirrors the directory below base into a directory cache in
 *	cachedir (RFC 4533, as an agent does, indexed like an agent's),
 *	waits for the refresh, then runs the expander's own code on it
 *	without sending anything:
 *
 *	expand  expander_expand() of the list, as the agent would for
 *		site-DN (default: none, every list is expanded here) with
 *		nesting depth (default 32) and max recipients (default
 *		1000000); prints one recipient a line in the form of the
 *		mhsdl overlay's mmhsExpandedRecipient, so that the two can
 *		be compared; with -n, runs it that many times and prints
 *		to standard error the time of each run in microseconds
 *		("run N: T us, R recipients").  The nodes read are kept
 *		between runs as the agent keeps them between messages; -C
 *		forgets them before each run (every entry read again).
 *	permit  expander_perm(): prints "TRUE reason", "FALSE reason" or
 *		"ERROR reason", as the overlay's submit-permission
 *		operation answers.
 *	batch   reads requests from standard input, one a line: "expand
 *		LIST-DN" (answered by its recipients and a line ".") or
 *		"permit ORIGINATOR$LIST-DN" (the overlay's request form: the
 *		last "$" splits; answered by one line), so that many
 *		questions need one synchronisation.
 *
 *	For tests and measurements (tests/e2e/t53-expander.sh,
 *	tests/bench/expander.sh); not installed.
 *
 * EXIT STATUS
 *	0 when it ran (whatever the decision), 1 on a failure, 2 on usage.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <ldap.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "expander.h"

/* the attributes an agent's cache indexes (lib/mmhs_agent.c) */
static const char *const probe_index[] = { "mail", "mhs-or-addresses",
	"mmhsMember", "member", "owner", NULL };

/* probe_usage - and exit 2 */
static void
probe_usage(void)
{
	fprintf(stderr, "usage: mmhs-expander-probe -H URI -D bind-DN -w pw "
	    "-c cachedir [-b base] [-s site-DN] [-d depth] [-m max] "
	    "[-n runs] [-C] expand LIST-DN | permit LIST-DN ORIGINATOR | "
	    "batch\n");
	exit(2);
}

/* probe_us - microseconds between two times */
static long
probe_us(const struct timespec *a, const struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) * 1000000L +
	    (b->tv_nsec - a->tv_nsec) / 1000L;
}

/* probe_changed - the cache's change callback */
static void
probe_changed(void *arg, mmhs_dircache_change_t what, const char *uuid,
	const char *dn)
{
	struct exp_nodes *xn = __atomic_load_n((struct exp_nodes **)arg,
	    __ATOMIC_ACQUIRE);

	(void)what;
	if (xn != NULL)
		expander_nodes_changed(xn, uuid, dn);
}

/* probe_expand - expand runs times (cold: with the nodes forgotten
 * before each); print the last result */
static int
probe_expand(struct exp_nodes *xn, const char *list, const char *site,
	int depth, size_t max, int runs, int cold)
{
	struct exp_lookup lk = { expander_nodes_get, expander_nodes_put, NULL };
	struct exp_result res;
	struct timespec t0, t1;
	char   *key = site != NULL ? expander_dn_key(site) : NULL;
	char	buf[2048];
	size_t	i;
	int	r, rc = 0;

	lk.el_arg = xn;
	for (r = 0; r < runs; r++) {
		if (cold)
			expander_nodes_clear(xn);
		(void)expander_nodes_begin(xn);
		clock_gettime(CLOCK_MONOTONIC, &t0);
		rc = expander_expand(&lk, list, key, depth, max, &res);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (runs > 1 || r > 0)
			fprintf(stderr, "run %d: %ld us, %zu recipients\n",
			    r + 1, probe_us(&t0, &t1), res.xr_n);
		if (r + 1 < runs)
			expander_result_free(&res);
	}
	if (rc < 0)
		printf("REFUSED %s\n", res.xr_why);
	for (i = 0; rc == 0 && i < res.xr_n; i++)
		if (expander_rcpt_format(&res.xr_rcpt[i], buf,
		    sizeof(buf)) >= 0)
			printf("%s\n", buf);
	expander_result_free(&res);
	mmhs_free(key);
	return 0;
}

/* probe_permit - one submit decision */
static int
probe_permit(mmhs_dircache_t *c, const char *list, const char *orig,
	int depth)
{
	mmhs_dircache_entry_t *l = mmhs_dircache_by_dn(c, list);
	char	why[2048];
	int	rc;

	if (l == NULL) {
		printf("ERROR %s: no such entry\n", list);
		return 0;
	}
	rc = expander_perm(c, l, orig, depth, why, sizeof(why));
	printf("%s %s\n", rc > 0 ? "TRUE" : rc == 0 ? "FALSE" : "ERROR", why);
	mmhs_dircache_entry_free(l);
	return 0;
}

/* probe_batch - the requests of standard input */
static int
probe_batch(struct exp_nodes *xn, mmhs_dircache_t *c, const char *site,
	int depth, size_t max)
{
	char	line[4096], *dollar;
	size_t	n;

	while (fgets(line, sizeof(line), stdin) != NULL) {
		n = strcspn(line, "\r\n");
		line[n] = '\0';
		if (strncmp(line, "expand ", 7) == 0) {
			(void)probe_expand(xn, line + 7, site, depth, max, 1,
			    0);
			printf(".\n");
		} else if (strncmp(line, "permit ", 7) == 0 &&
		    (dollar = strrchr(line, '$')) != NULL) {
			*dollar = '\0';
			(void)probe_permit(c, dollar + 1, line + 7, depth);
		} else if (n > 0) {
			printf("ERROR request not understood: %s\n", line);
		}
		fflush(stdout);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	const char *uris[2] = { NULL, NULL }, *site = NULL;
	mmhs_dircache_conf_t conf;
	mmhs_dircache_t *c;
	mmhs_dircache_state_t st;
	struct exp_nodes *xn = NULL;
	char	err[512];
	int	ch, depth = EXP_DEF_DEPTH, runs = 1, rc, cold = 0;
	long	max = 1000000;

	mmhs_log_open("mmhs-expander-probe", 0);
	/* as in agents: closing the cache's LDAP connection must not kill */
	signal(SIGPIPE, SIG_IGN);
	memset(&conf, 0, sizeof(conf));
	conf.dc_base = "c=XW";
	conf.dc_scope = LDAP_SCOPE_SUBTREE;
	conf.dc_index = probe_index;
	conf.dc_on_change = probe_changed;
	conf.dc_arg = &xn;
	while ((ch = getopt(argc, argv, "H:D:w:c:b:s:d:m:n:C")) != -1) {
		switch (ch) {
		case 'H': uris[0] = optarg; break;
		case 'D': conf.dc_bind_dn = optarg; break;
		case 'w': conf.dc_bind_pw = optarg; break;
		case 'c': conf.dc_dir = optarg; break;
		case 'b': conf.dc_base = optarg; break;
		case 's': site = optarg; break;
		case 'd': depth = atoi(optarg); break;
		case 'm': max = atol(optarg); break;
		case 'n': runs = atoi(optarg); break;
		case 'C': cold = 1; break;
		default: probe_usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (uris[0] == NULL || conf.dc_dir == NULL || argc < 1 || runs < 1 ||
	    max < 1 || ((strcmp(argv[0], "expand") != 0 || argc != 2) &&
	    (strcmp(argv[0], "permit") != 0 || argc != 3) &&
	    (strcmp(argv[0], "batch") != 0 || argc != 1)))
		probe_usage();
	conf.dc_uris = uris;
	if ((c = mmhs_dircache_open(&conf, err, sizeof(err))) == NULL)
		mmhs_fatal("cache: %s", err);
	if (mmhs_dircache_start(c) < 0)
		mmhs_fatal("cache: cannot start the synchronisation");
	if ((st = mmhs_dircache_wait(c, 600000)) != MMHS_DC_PERSISTING) {
		(void)mmhs_dircache_status(c, err, sizeof(err));
		mmhs_fatal("cache: %s: %s", mmhs_dircache_state_name(st), err);
	}
	__atomic_store_n(&xn, expander_nodes_new(c, EXP_DEF_NODES),
	    __ATOMIC_RELEASE);
	if (strcmp(argv[0], "expand") == 0)
		rc = probe_expand(xn, argv[1], site, depth, (size_t)max, runs,
		    cold);
	else if (strcmp(argv[0], "batch") == 0)
		rc = probe_batch(xn, c, site, depth, (size_t)max);
	else
		rc = probe_permit(c, argv[1], argv[2], depth);
	if (fflush(stdout) != 0)
		rc = -1;
	mmhs_dircache_close(c);
	expander_nodes_free(xn);
	return rc == 0 ? 0 : 1;
}
