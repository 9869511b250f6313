/* archive_main.c - mmhs-archive: the message archive
 *
 * SYNOPSIS
 *	mmhs-archive -H URI[,URI...] -D own-agent-DN (-w pw | -y file)
 *	    -c cachedir [-b base] [-t tracklog] [-k keydir] [-f] -d DIR
 *	mmhs-archive verify|search|export|purge -d DIR ...
 *
 * DESCRIPTION
 *	The MTA adds the archive as a recipient of every message an
 *	archive policy covers (agents/mta/mta_archive.c) and delivers it
 *	over LMTP (our mmhsListen "lmtp").  Each message is appended once
 *	to the archive in DIR with its metadata, chained by SHA-256 to
 *	the record before, fsync'ed and indexed before the 250
 *	(archive_msg.c); an encrypted message that a key of the key
 *	directory opens is kept with a copy re-encrypted to the archive's
 *	own key (archive_sec.c).  Retention runs ARC_PURGE_FIRST_S seconds after
 *	the start and then every mmhsLimit scan-interval seconds (default
 *	a day), with the mmhsRetentionDays of the policies as the
 *	directory has them then (archive_purge.c).  The subcommands
 *	(archive_cmd.c) verify, search and export the archive, and purge
 *	it from the command line.  Everything else is in
 *	doc/mmhs-archive.8.
 *
 * EXIT STATUS
 *	0 after SIGTERM or SIGINT; 1 with a message when it cannot start.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <event2/event.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mmhs_track.h"
#include "archive_agent.h"

/* Bumped by the cache thread on every change; read by the loop. */
static unsigned long arc_generation = 1;

static void
arc_on_change(void *arg, mmhs_dircache_change_t kind, const char *uuid,
	const char *dn)
{
	(void) arg;
	(void) kind;
	(void) uuid;
	(void) dn;
	__atomic_add_fetch(&arc_generation, 1, __ATOMIC_RELEASE);
}

/* arc_policies - the policy table of the cache as it is now */
const struct mmhs_archpol_table *
arc_policies(struct arc_agent *aa)
{
	struct mmhs_archpol_table *t;
	unsigned long gen = __atomic_load_n(&arc_generation, __ATOMIC_ACQUIRE);
	char	err[256];
	size_t	missing;

	if (aa->aa_pol != NULL && aa->aa_pol_gen == gen)
		return aa->aa_pol;
	if ((t = mmhs_archpol_build(aa->aa_ag.ag_cache, &missing, err,
	    sizeof(err))) == NULL) {
		mmhs_warn("archive policies not rebuilt: %s", err);
		return aa->aa_pol;
	}
	if (missing > 0)
		mmhs_warn("archive policies: %zu subject(s) not in the "
		    "directory", missing);
	mmhs_archpol_free(aa->aa_pol);
	aa->aa_pol = t;
	aa->aa_pol_gen = gen;
	return t;
}

/* arc_days - retention of a policy as the directory says now */
static long
arc_days(void *arg, const char *dn)
{
	const struct mmhs_archpol_table *t = arc_policies(arg);
	long	i;

	if (t == NULL || (i = mmhs_archpol_find(t, dn)) < 0)
		return -1;
	return mmhs_archpol_get(t, (size_t)i)->ap_days;
}

/* arc_on_purge - the retention run */
static void
arc_on_purge(evutil_socket_t fd, short what, void *arg)
{
	struct arc_agent *aa = arg;
	struct arc_purge_stats st;
	struct mmhs_track_event ev;
	char	err[ARC_ERR_LEN], extra[128];

	(void) fd;
	(void) what;
	(void) event_add(aa->aa_purge_ev, &aa->aa_purge_every);
	if (arc_purge(aa->aa_store, time(NULL), arc_days, aa, &st, err,
	    sizeof(err)) < 0) {
		mmhs_warn("retention: %s", err);
		(void) mmhs_agent_status(&aa->aa_ag, "running", err, -1);
		return;
	}
	if (st.ps_dropped == 0)
		return;
	mmhs_info("retention: %llu record(s) purged, %llu kept",
	    (unsigned long long)st.ps_dropped, (unsigned long long)st.ps_kept);
	snprintf(extra, sizeof(extra), "purged=%llu kept=%llu segments=%u",
	    (unsigned long long)st.ps_dropped, (unsigned long long)st.ps_kept,
	    st.ps_segments);
	memset(&ev, 0, sizeof(ev));
	ev.te_event = "purged";
	ev.te_extra = extra;
	if (aa->aa_ag.ag_track != NULL)
		(void) mmhs_track_log(aa->aa_ag.ag_track, &ev);
}

static void
arc_on_signal(evutil_socket_t sig, short what, void *arg)
{
	(void) what;
	mmhs_info("signal %d: stopping", (int)sig);
	event_base_loopexit(arg, NULL);
}

static void
arc_on_heartbeat(evutil_socket_t fd, short what, void *arg)
{
	struct arc_agent *aa = arg;

	(void) fd;
	(void) what;
	(void) mmhs_agent_status(&aa->aa_ag, "running", NULL, -1);
}

/* arc_listen - the LMTP server on our "lmtp" listen URI */
static void
arc_listen(struct arc_agent *aa)
{
	struct mmhs_lmtpd_conf lc;
	char	*uri, err[512];

	if ((uri = mmhs_agent_listen(&aa->aa_ag, "lmtp")) == NULL)
		mmhs_fatal("%s: no mmhsListen \"lmtp URI\"", aa->aa_ag.ag_dn);
	memset(&lc, 0, sizeof(lc));
	lc.lc_uri = uri;
	lc.lc_max_size = (size_t)mmhs_agent_limit(&aa->aa_ag, "message-size",
	    0);
	lc.lc_max_rcpt = (size_t)mmhs_agent_limit(&aa->aa_ag, "recipients",
	    ARC_MAX_RCPT);
	lc.lc_max_conns = (size_t)mmhs_agent_limit(&aa->aa_ag, "connections",
	    0);
	lc.lc_on_message = arc_on_message;
	lc.lc_arg = aa;
	if ((aa->aa_lmtpd = mmhs_lmtpd_new(aa->aa_base, &lc, err,
	    sizeof(err))) == NULL)
		mmhs_fatal("LMTP %s: %s", uri, err);
	mmhs_info("LMTP on %s (port %d)", uri, mmhs_lmtpd_port(aa->aa_lmtpd));
	mmhs_free(uri);
}

static int
arc_opt(void *arg, int ch, const char *optarg)
{
	struct arc_agent *aa = arg;

	if (ch != 'd')
		return -1;
	aa->aa_dir = optarg;
	return 0;
}

/* arc_open - the archive directory, before the loop */
static void
arc_open(struct arc_agent *aa)
{
	char	err[ARC_ERR_LEN];
	long	seg;

	if (aa->aa_dir == NULL)
		mmhs_fatal("-d DIR (the archive directory) is required");
	if (arc_store_open(&aa->aa_store, aa->aa_dir, ARC_OPEN_CREATE, err,
	    sizeof(err)) < 0)
		mmhs_fatal("archive %s: %s", aa->aa_dir, err);
	if ((seg = mmhs_agent_limit(&aa->aa_ag, "segment-size", 0)) > 0)
		aa->aa_store->as_seg_max = (uint64_t)seg;
	aa->aa_self = mmhs_archpol_dn_norm(aa->aa_ag.ag_dn);
}

/* arc_daemon - run until a signal */
static int
arc_daemon(struct arc_agent *aa)
{
	struct event *ev[4];
	struct timeval beat = { ARC_HEARTBEAT_S, 0 };
	struct timeval first = { ARC_PURGE_FIRST_S, 0 };
	int	i;

	aa->aa_purge_every.tv_sec = mmhs_agent_limit(&aa->aa_ag,
	    "scan-interval", ARC_PURGE_DEF_S);
	if ((aa->aa_base = event_base_new()) == NULL)
		mmhs_fatal("libevent: cannot make the event loop");
	arc_listen(aa);
	ev[0] = evsignal_new(aa->aa_base, SIGTERM, arc_on_signal, aa->aa_base);
	ev[1] = evsignal_new(aa->aa_base, SIGINT, arc_on_signal, aa->aa_base);
	ev[2] = event_new(aa->aa_base, -1, EV_PERSIST, arc_on_heartbeat, aa);
	ev[3] = aa->aa_purge_ev = event_new(aa->aa_base, -1, 0, arc_on_purge,
	    aa);
	for (i = 0; i < 4; i++)
		if (ev[i] == NULL)
			mmhs_fatal("libevent: cannot watch signals and time");
	if (evsignal_add(ev[0], NULL) < 0 || evsignal_add(ev[1], NULL) < 0 ||
	    event_add(ev[2], &beat) < 0 || event_add(ev[3], &first) < 0)
		mmhs_fatal("libevent: cannot watch signals and time");
	(void) mmhs_agent_status(&aa->aa_ag, "running", "", 0);
	event_base_dispatch(aa->aa_base);
	(void) mmhs_agent_status(&aa->aa_ag, "stopped", NULL, -1);
	for (i = 0; i < 4; i++)
		event_free(ev[i]);
	mmhs_lmtpd_free(aa->aa_lmtpd);
	event_base_free(aa->aa_base);
	return 0;
}

int
main(int argc, char **argv)
{
	struct arc_agent aa;
	int	rc;

	if (argc > 1 && arc_cmd_is(argv[1]))
		return arc_cmd_main(argc - 1, argv + 1);
	memset(&aa, 0, sizeof(aa));
	if (mmhs_agent_args(&aa.aa_ag, "archive", argc, argv, "d:", arc_opt,
	    &aa, "-d DIR") != argc)
		mmhs_fatal("unexpected argument \"%s\"", argv[optind]);
	signal(SIGPIPE, SIG_IGN);
	mmhs_agent_start(&aa.aa_ag, arc_on_change, &aa, ARC_START_WAIT_S);
	arc_open(&aa);
	rc = arc_daemon(&aa);
	arc_store_close(aa.aa_store);
	mmhs_archpol_free(aa.aa_pol);
	arc_keys_free(aa.aa_keys);
	mmhs_free(aa.aa_self);
	mmhs_free(aa.aa_last_error);
	mmhs_agent_stop(&aa.aa_ag);
	return rc;
}
