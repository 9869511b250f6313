/* store_main.c - mmhs-store: the OpenMMHS message store
 *
 * SYNOPSIS
 *	mmhs-store -H URI[,URI...] -D own-agent-DN (-w password | -y file)
 *	    -c cachedir [-b base] [-t tracklog] [-f]
 *	    -d storedir -C cert.pem -K key.pem
 *
 * DESCRIPTION
 *	Keeps the mailboxes of the people, roles and organisations of its
 *	site in one LMDB environment (storedir) and serves them.  It starts
 *	with a bootstrap only (lib/mmhs_agent) and takes the rest from its
 *	own mmhsAgent entry: mmhsListen "lmtp URI" is where the MTA
 *	delivers, "http https://host:port" where clients and agents use
 *	the HTTPS API (doc/store-api.md) with the certificate and key of -C
 *	and -K (PEM).  Every 30 seconds it writes its status, with the
 *	number of messages held, into its entry.  SIGTERM or SIGINT stop it
 *	cleanly: the API and LMTP stop taking requests, open event streams
 *	end, and the store is closed.  See doc/mmhs-store.8.
 *
 * EXIT STATUS
 *	0 after SIGTERM; 1 with a message when it cannot start.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <event2/event.h>

#include "mmhs_alloc.h"
#include "mmhs_lmtpd.h"
#include "mmhs_log.h"
#include "store.h"

#define STORE_START_WAIT_S	600	/* first directory refresh */

static struct event_base *store_base;

/* store_opt - the store's own options */
static int
store_opt(void *arg, int ch, const char *optarg)
{
	struct store *st = arg;
	char  **slot;

	switch (ch) {
	case 'd': slot = &st->st_dir; break;
	case 'C': slot = &st->st_cert_file; break;
	case 'K': slot = &st->st_key_file; break;
	default: return -1;
	}
	mmhs_free(*slot);
	*slot = mmhs_strdup(optarg);
	return 0;
}

/* store_status - the agent's status and the number of messages */
static void
store_status(struct store *st, const char *what)
{
	size_t	mailboxes = 0, messages = 0, originals = 0;
	char	err[256], text[256];

	if (store_db_count(st->st_db, &mailboxes, &messages, &originals, err,
	    sizeof(err)) != STORE_OK) {
		mmhs_warn("counting the store: %s", err);
		(void) mmhs_agent_status(&st->st_agent, what, err, -1);
		return;
	}
	snprintf(text, sizeof(text), "%s: %zu messages in %zu mailboxes",
	    what, messages, mailboxes);
	(void) mmhs_agent_status(&st->st_agent, text, "", (long) messages);
}

/* store_tick - every STORE_STATUS_EVERY_S: the status */
static void
store_tick(evutil_socket_t fd, short what, void *arg)
{
	struct store *st = arg;

	(void) fd;
	(void) what;
	store_status(st, "running");
}

/* store_mdn_tick - every STORE_MDN_TICK_S: notifications now due */
static void
store_mdn_tick(evutil_socket_t fd, short what, void *arg)
{
	struct store *st = arg;

	(void) fd;
	(void) what;
	store_mdn_retry(st->st_mdn);
}

/* store_on_signal - SIGTERM, SIGINT: leave the loop */
static void
store_on_signal(evutil_socket_t sig, short what, void *arg)
{
	(void) what;
	(void) arg;
	mmhs_info("signal %d: stopping", (int) sig);
	event_base_loopbreak(store_base);
}

/* store_open - the parts that need no network */
static void
store_open(struct store *st)
{
	char	err[512];

	if ((st->st_db = store_db_open(st->st_dir, 0, 0, err,
	    sizeof(err))) == NULL)
		mmhs_fatal("store %s: %s", st->st_dir, err);
	if ((st->st_mdn = store_mdn_open(st, err, sizeof(err))) == NULL)
		mmhs_fatal("notifications: %s", err);
	st->st_sse = store_sse_new(st);
	store_db_set_notify(st->st_db, store_sse_notify, st->st_sse);
	st->st_auth = store_auth_new(st);
	st->st_access = store_access_new(st);
	if (gethostname(st->st_host, sizeof(st->st_host) - 1) < 0 ||
	    st->st_host[0] == '\0')
		snprintf(st->st_host, sizeof(st->st_host), "localhost");
}

/* store_lmtp - the LMTP server on the "lmtp" listen URI */
static struct mmhs_lmtpd *
store_lmtp(struct store *st, struct store_deliver *sd)
{
	struct mmhs_lmtpd_conf lc;
	struct mmhs_lmtpd *ld;
	char	*uri, err[512];

	if ((uri = mmhs_agent_listen(&st->st_agent, "lmtp")) == NULL)
		mmhs_fatal("%s has no mmhsListen \"lmtp URI\"",
		    st->st_agent.ag_dn);
	sd->sd_agent = &st->st_agent;
	sd->sd_db = st->st_db;
	memset(&lc, 0, sizeof(lc));
	lc.lc_uri = uri;
	lc.lc_hostname = st->st_host;
	lc.lc_max_size = (size_t) mmhs_agent_limit(&st->st_agent,
	    "message-size", 0);
	lc.lc_on_rcpt = store_deliver_rcpt;
	lc.lc_on_message = store_deliver_message;
	lc.lc_arg = sd;
	if ((ld = mmhs_lmtpd_new(store_base, &lc, err, sizeof(err))) == NULL)
		mmhs_fatal("LMTP on %s: %s", uri, err);
	mmhs_info("LMTP on %s (port %d)", uri, mmhs_lmtpd_port(ld));
	mmhs_free(uri);
	return ld;
}

/* store_http - the HTTPS API on the "http" listen URI */
static void
store_http(struct store *st)
{
	char	*uri, err[512];

	if ((uri = mmhs_agent_listen(&st->st_agent, "http")) == NULL)
		mmhs_fatal("%s has no mmhsListen \"http https://host:port\"",
		    st->st_agent.ag_dn);
	if (store_http_start(st, uri, err, sizeof(err)) < 0)
		mmhs_fatal("HTTPS on %s: %s", uri, err);
	mmhs_free(uri);
}

/* store_close - everything, in the reverse order */
static void
store_close(struct store *st, struct mmhs_lmtpd *ld)
{
	store_sse_stop(st->st_sse);
	store_http_stop(st);
	mmhs_lmtpd_free(ld);
	(void) mmhs_agent_status(&st->st_agent, "stopped", NULL, -1);
	store_db_set_notify(st->st_db, NULL, NULL);
	store_sse_free(st->st_sse);
	store_auth_free(st->st_auth);
	store_access_free(st->st_access);
	store_mdn_close(st->st_mdn);
	store_db_close(st->st_db);
	mmhs_agent_stop(&st->st_agent);
	mmhs_free(st->st_dir);
	mmhs_free(st->st_cert_file);
	mmhs_free(st->st_key_file);
}

int
main(int argc, char **argv)
{
	struct store st;
	struct store_deliver sd;
	struct mmhs_lmtpd *ld;
	struct event *tick, *mdn_tick, *sigterm, *sigint;
	struct timeval every = { STORE_STATUS_EVERY_S, 0 };
	struct timeval mdn_every = { STORE_MDN_TICK_S, 0 };

	memset(&st, 0, sizeof(st));
	if (mmhs_agent_args(&st.st_agent, "store", argc, argv, "d:C:K:",
	    store_opt, &st, "-d storedir -C cert.pem -K key.pem") != argc ||
	    st.st_dir == NULL || st.st_cert_file == NULL ||
	    st.st_key_file == NULL)
		mmhs_fatal("usage: mmhs-store [bootstrap options] -d storedir "
		    "-C cert.pem -K key.pem");
	signal(SIGPIPE, SIG_IGN);
	mmhs_agent_start(&st.st_agent, NULL, NULL, STORE_START_WAIT_S);
	store_open(&st);
	if ((store_base = event_base_new()) == NULL)
		mmhs_fatal("event_base_new failed");
	ld = store_lmtp(&st, &sd);
	store_http(&st);
	tick = event_new(store_base, -1, EV_PERSIST, store_tick, &st);
	mdn_tick = event_new(store_base, -1, EV_PERSIST, store_mdn_tick, &st);
	sigterm = evsignal_new(store_base, SIGTERM, store_on_signal, NULL);
	sigint = evsignal_new(store_base, SIGINT, store_on_signal, NULL);
	if (tick == NULL || mdn_tick == NULL || sigterm == NULL ||
	    sigint == NULL || event_add(tick, &every) < 0 ||
	    event_add(mdn_tick, &mdn_every) < 0 ||
	    event_add(sigterm, NULL) < 0 || event_add(sigint, NULL) < 0)
		mmhs_fatal("cannot set up the event loop");
	store_status(&st, "running");
	mmhs_info("running");
	if (event_base_dispatch(store_base) < 0)
		mmhs_warn("event loop failed");
	event_free(tick);
	event_free(mdn_tick);
	event_free(sigterm);
	event_free(sigint);
	store_close(&st, ld);
	event_base_free(store_base);
	mmhs_info("stopped");
	return 0;
}
