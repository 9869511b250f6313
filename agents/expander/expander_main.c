/* expander_main.c - mmhs-expander: the mail list expansion agent
 *
 * SYNOPSIS
 *	mmhs-expander -H URI[,URI...] -D own-agent-DN (-w pw | -y file)
 *	    -c cachedir [-b base] [-t tracklog] [-f]
 *
 * DESCRIPTION
 *	The MTA delivers over LMTP (our mmhsListen "lmtp") every message
 *	addressed to a distribution list: the routes send the list domain
 *	and the O/R addresses with OU1=DL here.  A recipient that is not a
 *	list expanded by this site is refused at RCPT; after the data,
 *	each list recipient is decided and expanded by expander_msg.c, and
 *	its reply says how that went.  Everything else is in
 *	doc/mmhs-expander.8.
 *
 * EXIT STATUS
 *	0 after SIGTERM or SIGINT; 1 with a message when it cannot start.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <event2/event.h>

#include "mmhs_agent.h"
#include "mmhs_alloc.h"
#include "mmhs_lmtpd.h"
#include "mmhs_log.h"
#include "expander.h"

#define EXP_START_WAIT_S	600	/* for our own entry in the cache */
#define EXP_HEARTBEAT_S		60

/* exp_on_change - the directory cache committed a change (its thread):
 * the nodes kept may be old */
static void
exp_on_change(void *arg, mmhs_dircache_change_t what, const char *uuid,
	const char *dn)
{
	struct expander *x = arg;
	struct exp_nodes *xn = __atomic_load_n(&x->x_nodes, __ATOMIC_ACQUIRE);

	(void)what;
	if (xn != NULL)
		expander_nodes_changed(xn, uuid, dn);
}

/* exp_on_signal - stop the loop */
static void
exp_on_signal(evutil_socket_t sig, short what, void *arg)
{
	(void)what;
	mmhs_info("signal %d: stopping", (int)sig);
	event_base_loopexit(arg, NULL);
}

/* exp_on_heartbeat - the status says we are alive */
static void
exp_on_heartbeat(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	(void)mmhs_agent_status(arg, "running", NULL, -1);
}

/* exp_listen - the LMTP server on our "lmtp" listen URI */
static struct mmhs_lmtpd *
exp_listen(struct expander *x, struct event_base *base)
{
	struct mmhs_lmtpd_conf lc;
	struct mmhs_lmtpd *ld;
	char   *uri, err[512];

	if ((uri = mmhs_agent_listen(x->x_ag, "lmtp")) == NULL)
		mmhs_fatal("%s: no mmhsListen \"lmtp URI\"", x->x_ag->ag_dn);
	memset(&lc, 0, sizeof(lc));
	lc.lc_uri = uri;
	lc.lc_hostname = x->x_host;
	lc.lc_max_size = (size_t)mmhs_agent_limit(x->x_ag, "message-size", 0);
	lc.lc_max_conns = (size_t)mmhs_agent_limit(x->x_ag, "connections", 0);
	lc.lc_on_rcpt = expander_rcpt;
	lc.lc_on_message = expander_message;
	lc.lc_arg = x;
	if ((ld = mmhs_lmtpd_new(base, &lc, err, sizeof(err))) == NULL)
		mmhs_fatal("LMTP %s: %s", uri, err);
	mmhs_info("LMTP on %s (port %d)", uri, mmhs_lmtpd_port(ld));
	mmhs_free(uri);
	return ld;
}

int
main(int argc, char **argv)
{
	struct mmhs_agent ag;
	struct expander x;
	struct event_base *base;
	struct event *sigterm, *sigint, *beat;
	struct mmhs_lmtpd *ld;
	struct timeval tv = { EXP_HEARTBEAT_S, 0 };

	if (mmhs_agent_args(&ag, "expander", argc, argv, NULL, NULL, NULL,
	    NULL) != argc)
		mmhs_fatal("unexpected argument \"%s\"", argv[optind]);
	memset(&x, 0, sizeof(x));
	x.x_ag = &ag;
	mmhs_agent_start(&ag, exp_on_change, &x, EXP_START_WAIT_S);
	__atomic_store_n(&x.x_nodes, expander_nodes_new(ag.ag_cache,
	    (size_t)mmhs_agent_limit(&ag, "cached-entries", EXP_DEF_NODES)),
	    __ATOMIC_RELEASE);
	if (gethostname(x.x_host, sizeof(x.x_host) - 1) < 0 ||
	    x.x_host[0] == '\0')
		snprintf(x.x_host, sizeof(x.x_host), "localhost");
	if ((base = event_base_new()) == NULL)
		mmhs_fatal("libevent: cannot make the event loop");
	ld = exp_listen(&x, base);
	sigterm = evsignal_new(base, SIGTERM, exp_on_signal, base);
	sigint = evsignal_new(base, SIGINT, exp_on_signal, base);
	beat = event_new(base, -1, EV_PERSIST, exp_on_heartbeat, &ag);
	if (sigterm == NULL || sigint == NULL || beat == NULL ||
	    evsignal_add(sigterm, NULL) < 0 || evsignal_add(sigint, NULL) < 0 ||
	    event_add(beat, &tv) < 0)
		mmhs_fatal("libevent: cannot watch signals and time");
	(void)mmhs_agent_status(&ag, "running", "", 0);
	event_base_dispatch(base);
	(void)mmhs_agent_status(&ag, "stopped", NULL, -1);
	event_free(beat);
	event_free(sigint);
	event_free(sigterm);
	mmhs_lmtpd_free(ld);
	event_base_free(base);
	mmhs_agent_stop(&ag);
	expander_nodes_free(x.x_nodes);
	return 0;
}
