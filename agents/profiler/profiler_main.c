/* profiler_main.c - mmhs-profiler: organisational messages to role mailboxes
 *
 * SYNOPSIS
 *	mmhs-profiler -H URI[,URI...] -D own-agent-DN (-w pw | -y file)
 *	    -c cachedir [-b base] [-t tracklog] [-f]
 *
 * DESCRIPTION
 *	The MTA delivers over LMTP (our mmhsListen "lmtp") every message
 *	addressed to an organisation whose address is routed here.  For
 *	each organisation recipient the profiler takes the organisation's
 *	rules in force from the directory cache, finds the rule that
 *	decides (profiler_rules.h), and resubmits the unchanged message to
 *	the roles it names through the MTA (profiler_submit.c); the reply
 *	for that recipient says how that went.  A recipient that is not a
 *	profiled organisation is refused at RCPT.  A message whose header
 *	cannot be read still goes to the default role.  Everything else is
 *	in doc/mmhs-profiler.8.
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
#include "profiler.h"

#define PROF_START_WAIT_S	600	/* own entry in the cache */
#define PROF_HEARTBEAT_S	60

/* prof_ms_since - milliseconds since t0 */
double
prof_ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double) (t.tv_sec - t0->tv_sec) * 1e3 +
	    (double) (t.tv_nsec - t0->tv_nsec) / 1e6;
}

/* prof_note_skipped - rules left out: log and status, once per reason */
static void
prof_note_skipped(struct profiler *pf, const struct prof_set *ps)
{
	char	text[1024];

	if (ps->ps_skipped.pl_n == 0)
		return;
	snprintf(text, sizeof(text), "%zu profiling rule%s of %s left out: "
	    "%s", ps->ps_skipped.pl_n, ps->ps_skipped.pl_n > 1 ? "s" : "",
	    ps->ps_org, ps->ps_skipped.pl_v[0]);
	if (pf->pf_last_error != NULL && strcmp(pf->pf_last_error, text) == 0)
		return;
	mmhs_warn("%s", text);
	mmhs_free(pf->pf_last_error);
	pf->pf_last_error = mmhs_strdup(text);
	(void) mmhs_agent_status(&pf->pf_ag, "running", text, -1);
}

/* prof_on_rcpt - accept only profiled organisations */
static int
prof_on_rcpt(void *arg, const char *rcpt, const char *params,
	struct mmhs_lmtp_reply *reply)
{
	struct profiler *pf = arg;
	mmhs_dircache_entry_t *org;

	(void) params;
	if ((org = prof_dir_org(pf, rcpt, reply->lr_text,
	    sizeof(reply->lr_text))) == NULL) {
		reply->lr_code = 550;
		return -1;
	}
	mmhs_dircache_entry_free(org);
	return 0;
}

/* prof_trim - s without white space around it (in place), or NULL */
static char *
prof_trim(char *s)
{
	size_t	a, n;

	if (s == NULL)
		return NULL;
	a = strspn(s, " \t\r\n");
	n = strlen(s + a);
	while (n > 0 && strchr(" \t\r\n", s[a + n - 1]) != NULL)
		n--;
	memmove(s, s + a, n);
	s[n] = '\0';
	return s;
}

/* prof_read - the summary and the facts of what sec says to read; the
 * reason in err (and empty facts) when its header cannot be read */
static void
prof_read(struct profiler *pf, const struct mmhs_lmtp_envelope *env,
	const struct prof_sec *sec, struct mmhs_summary *su,
	struct prof_facts *f, struct prof_decision *d, char *err,
	size_t errlen)
{
	memset(su, 0, sizeof(*su));
	memset(f, 0, sizeof(*f));
	d->pd_sec = sec;
	d->pd_label = "none";
	if (mmhs_summary_parse(su, sec->ps_msg, sec->ps_len, err,
	    errlen) < 0) {
		mmhs_warn("from <%s>: %s; to the default role",
		    env->le_mail_from, err);
		mmhs_summary_free(su);
		memset(su, 0, sizeof(*su));
		su->su_prec = MMHS_PREC_ROUTINE;
		/* for the tracking log, as far as it can be read */
		su->su_message_id = prof_trim(mmhs_summary_field(env->le_data,
		    env->le_len, "Message-ID"));
		f->pf_sumerr = err;
		return;
	}
	prof_dir_facts(pf, su, env->le_mail_from, f);
	if (sec->ps_class[0] != '\0') {
		f->pf_msg.pm_class = sec->ps_class;	/* signed label */
		d->pd_label = "ess";
	} else if (su->su_class != NULL)
		d->pd_label = "sio";
}

/* prof_one - read, decide and resubmit for recipient i */
static void
prof_one(struct profiler *pf, const struct mmhs_lmtp_envelope *env,
	size_t i, time_t now, struct mmhs_lmtp_reply *reply)
{
	mmhs_dircache_entry_t *org;
	const struct prof_rule *r = NULL;
	struct prof_decision d;
	struct mmhs_summary su;
	struct prof_facts f;
	struct prof_sec sec;
	struct prof_set ps;
	struct timespec t0;
	char	err[256];

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((org = prof_dir_org(pf, env->le_rcpt[i], reply->lr_text,
	    sizeof(reply->lr_text))) == NULL) {
		reply->lr_code = 550;	/* gone since RCPT */
		return;
	}
	prof_sec_open(pf, org, env->le_data, env->le_len, &sec);
	prof_dir_set(pf, org, &ps);
	mmhs_dircache_entry_free(org);
	prof_note_skipped(pf, &ps);
	memset(&d, 0, sizeof(d));
	prof_read(pf, env, &sec, &su, &f, &d, err, sizeof(err));
	d.pd_org_addr = env->le_rcpt[i];
	d.pd_rcpt_params = env->le_rcpt_params[i];
	if (f.pf_sumerr != NULL) {
		d.pd_why = mmhs_malloc(strlen(f.pf_sumerr) + 32);
		sprintf(d.pd_why, "message not readable: %s", f.pf_sumerr);
	} else
		r = prof_set_eval(&ps, &f.pf_msg, now);
	prof_dir_copies(pf, &ps, r, &d);
	d.pd_decide_ms = prof_ms_since(&t0);
	prof_submit(pf, env, &su, &d, reply);
	prof_decision_free(&d);
	prof_set_free(&ps);
	prof_facts_free(&f);
	mmhs_summary_free(&su);
	prof_sec_free(&sec);
}

/* prof_on_message - after the dot: one reply per recipient, each read
 * with its own organisation's key */
static void
prof_on_message(void *arg, const struct mmhs_lmtp_envelope *env,
	struct mmhs_lmtp_reply *replies)
{
	struct profiler *pf = arg;
	time_t	now = time(NULL);
	size_t	i;

	for (i = 0; i < env->le_nrcpt; i++)
		prof_one(pf, env, i, now, &replies[i]);
}

/* prof_on_signal - stop the loop */
static void
prof_on_signal(evutil_socket_t sig, short what, void *arg)
{
	(void) what;
	mmhs_info("signal %d: stopping", (int) sig);
	event_base_loopexit(arg, NULL);
}

/* prof_on_heartbeat - the status says we are alive */
static void
prof_on_heartbeat(evutil_socket_t fd, short what, void *arg)
{
	struct profiler *pf = arg;

	(void) fd;
	(void) what;
	(void) mmhs_agent_status(&pf->pf_ag, "running", NULL, -1);
}

/* prof_listen - the LMTP server on our "lmtp" listen URI */
static void
prof_listen(struct profiler *pf)
{
	struct mmhs_lmtpd_conf lc;
	char   *uri, err[512];

	if ((uri = mmhs_agent_listen(&pf->pf_ag, "lmtp")) == NULL)
		mmhs_fatal("%s: no mmhsListen \"lmtp URI\"", pf->pf_ag.ag_dn);
	memset(&lc, 0, sizeof(lc));
	lc.lc_uri = uri;
	lc.lc_max_size = (size_t) mmhs_agent_limit(&pf->pf_ag, "message-size",
	    0);
	lc.lc_max_rcpt = (size_t) mmhs_agent_limit(&pf->pf_ag, "recipients",
	    0);
	lc.lc_max_conns = (size_t) mmhs_agent_limit(&pf->pf_ag, "connections",
	    0);
	lc.lc_on_rcpt = prof_on_rcpt;
	lc.lc_on_message = prof_on_message;
	lc.lc_arg = pf;
	if ((pf->pf_lmtpd = mmhs_lmtpd_new(pf->pf_base, &lc, err,
	    sizeof(err))) == NULL)
		mmhs_fatal("LMTP %s: %s", uri, err);
	mmhs_info("LMTP on %s (port %d)", uri, mmhs_lmtpd_port(pf->pf_lmtpd));
	mmhs_free(uri);
}

int
main(int argc, char **argv)
{
	struct profiler pf;
	struct event *sigterm, *sigint, *beat;
	struct timeval tv = { PROF_HEARTBEAT_S, 0 };

	memset(&pf, 0, sizeof(pf));
	if (mmhs_agent_args(&pf.pf_ag, "profiler", argc, argv, NULL, NULL,
	    NULL, NULL) != argc)
		mmhs_fatal("unexpected argument \"%s\"", argv[optind]);
	signal(SIGPIPE, SIG_IGN);
	mmhs_agent_start(&pf.pf_ag, NULL, NULL, PROF_START_WAIT_S);
	pf.pf_timeout_s = (int) mmhs_agent_limit(&pf.pf_ag, "smtp-timeout",
	    PROF_TIMEOUT_S);
	if ((pf.pf_base = event_base_new()) == NULL)
		mmhs_fatal("libevent: cannot make the event loop");
	prof_listen(&pf);
	sigterm = evsignal_new(pf.pf_base, SIGTERM, prof_on_signal, pf.pf_base);
	sigint = evsignal_new(pf.pf_base, SIGINT, prof_on_signal, pf.pf_base);
	beat = event_new(pf.pf_base, -1, EV_PERSIST, prof_on_heartbeat, &pf);
	if (sigterm == NULL || sigint == NULL || beat == NULL ||
	    evsignal_add(sigterm, NULL) < 0 || evsignal_add(sigint, NULL) < 0 ||
	    event_add(beat, &tv) < 0)
		mmhs_fatal("libevent: cannot watch signals and time");
	(void) mmhs_agent_status(&pf.pf_ag, "running", "", 0);
	event_base_dispatch(pf.pf_base);
	(void) mmhs_agent_status(&pf.pf_ag, "stopped", NULL, -1);
	event_free(beat);
	event_free(sigint);
	event_free(sigterm);
	mmhs_lmtpd_free(pf.pf_lmtpd);
	event_base_free(pf.pf_base);
	mmhs_free(pf.pf_last_error);
	mmhs_agent_stop(&pf.pf_ag);
	return 0;
}
