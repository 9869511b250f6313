/* mmhs-agentcheck.c - ask lib/mmhs_agent one question, as an agent would
 *
 * SYNOPSIS
 *	mmhs-agentcheck -H URI -D own-agent-DN (-w pw | -y file) -c cachedir
 *	    [-b base] [-t tracklog] QUESTION ARGS...
 *
 *	listen NAME		the URI of the entry's mmhsListen NAME
 *	peer TYPE NAME		"HOST PORT" of the mmhsPeer of type TYPE
 *	entry-for ADDR		the DN an address names, then "detail=..."
 *	status TEXT [ERROR [DEPTH]]  write the status into the entry
 *	label POLICY-OID MARKING  "level=N cats=A|B" of a display marking
 *	watch-listen NAME URI [SECONDS]  print the current URI of NAME, then
 *				wait (default 30 s) until the live cache
 *				shows URI
 *
 * DESCRIPTION
 *	Starts exactly as an agent does (mmhs_agent_args, mmhs_agent_start:
 *	the cache of the whole base, waiting for the own entry), always in
 *	the foreground, answers on standard output and stops.  For the
 *	end-to-end tests (tests/e2e/t45-agents.sh).
 *
 * EXIT STATUS
 *	0 with the answer; 1 with a message when there is none.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mmhs_agent.h"
#include "mmhs_alloc.h"
#include "mmhs_log.h"

#define CHECK_START_S	60

static int
check_listen(struct mmhs_agent *ag, char **av)
{
	char	*u = mmhs_agent_listen(ag, av[0]);

	if (u == NULL) {
		fprintf(stderr, "no mmhsListen \"%s\" in %s\n", av[0],
		    ag->ag_dn);
		return 1;
	}
	printf("%s\n", u);
	mmhs_free(u);
	return 0;
}

static int
check_peer(struct mmhs_agent *ag, char **av)
{
	char	host[256], err[512];
	int	port;

	if (mmhs_agent_peer_addr(ag, av[0], av[1], host, sizeof(host), &port,
	    err, sizeof(err)) < 0) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	printf("%s %d\n", host, port);
	return 0;
}

static int
check_entry_for(struct mmhs_agent *ag, char **av)
{
	mmhs_dircache_entry_t *e;
	char	detail[256];

	if ((e = mmhs_agent_entry_for(ag, av[0], detail, sizeof(detail))) ==
	    NULL) {
		fprintf(stderr, "no entry for \"%s\"\n", av[0]);
		return 1;
	}
	printf("%s\ndetail=%s\n", e->de_dn, detail);
	mmhs_dircache_entry_free(e);
	return 0;
}

static int
check_status(struct mmhs_agent *ag, char **av, int ac)
{
	if (mmhs_agent_status(ag, av[0], ac > 1 ? av[1] : NULL,
	    ac > 2 ? atol(av[2]) : -1) < 0)
		return 1;
	printf("written\n");
	return 0;
}

static int
check_label(struct mmhs_agent *ag, char **av)
{
	struct mmhs_policy p;
	struct mmhs_label lb;
	char	err[512];
	int	i;

	if (mmhs_agent_policy(ag, av[0], &p, err, sizeof(err)) < 0 ||
	    mmhs_label_from_marking(&p, av[1], &lb, err, sizeof(err)) < 0) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	printf("level=%d cats=", lb.lb_level);
	for (i = 0; i < lb.lb_ncat; i++)
		printf("%s%s", i ? "|" : "", lb.lb_cat[i]);
	printf("\n");
	return 0;
}

static int
check_watch(struct mmhs_agent *ag, char **av, int ac)
{
	int	ticks = (ac > 2 ? atoi(av[2]) : 30) * 10;
	char	*u = mmhs_agent_listen(ag, av[0]);

	printf("%s\n", u ? u : "(none)");
	fflush(stdout);
	while ((u == NULL || strcmp(u, av[1]) != 0) && ticks-- > 0) {
		mmhs_free(u);
		usleep(100 * 1000);
		u = mmhs_agent_listen(ag, av[0]);
	}
	if (u == NULL || strcmp(u, av[1]) != 0) {
		fprintf(stderr, "mmhsListen %s is still %s\n", av[0],
		    u ? u : "absent");
		mmhs_free(u);
		return 1;
	}
	printf("%s\n", u);
	mmhs_free(u);
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct {
		const char *q_name;
		int	q_min, q_max;
	} qs[] = {
		{ "listen", 1, 1 }, { "peer", 2, 2 }, { "entry-for", 1, 1 },
		{ "status", 1, 3 }, { "label", 2, 2 }, { "watch-listen", 2, 3 },
	};
	struct mmhs_agent ag;
	const char *q;
	char	**av;
	int	i, ac, rc = 1;

	i = mmhs_agent_args(&ag, "agentcheck", argc, argv, NULL, NULL, NULL,
	    "QUESTION ARGS...");
	ag.ag_foreground = 1;
	if (i >= argc)
		mmhs_fatal("no question (listen, peer, entry-for, status, "
		    "label, watch-listen)");
	q = argv[i];
	av = argv + i + 1;
	ac = argc - i - 1;
	for (i = 0; i < (int)(sizeof(qs) / sizeof(qs[0])); i++)
		if (strcmp(q, qs[i].q_name) == 0)
			break;
	if (i == (int)(sizeof(qs) / sizeof(qs[0])) || ac < qs[i].q_min ||
	    ac > qs[i].q_max)
		mmhs_fatal("question \"%s\" unknown or with %d arguments", q,
		    ac);
	mmhs_agent_start(&ag, NULL, NULL, CHECK_START_S);
	if (strcmp(q, "listen") == 0)
		rc = check_listen(&ag, av);
	else if (strcmp(q, "peer") == 0)
		rc = check_peer(&ag, av);
	else if (strcmp(q, "entry-for") == 0)
		rc = check_entry_for(&ag, av);
	else if (strcmp(q, "status") == 0)
		rc = check_status(&ag, av, ac);
	else if (strcmp(q, "label") == 0)
		rc = check_label(&ag, av);
	else
		rc = check_watch(&ag, av, ac);
	mmhs_agent_stop(&ag);
	return rc;
}
