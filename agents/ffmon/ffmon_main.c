/* ffmon_main.c - mmhs-ffmon: the fire-and-forget monitor (doc/mmhs-ffmon.8)
 *
 *	mmhs-ffmon -H URI -D own-DN -y pwfile -c cachedir [-t tracklog]
 *	    [-f] -d statedir [-A cafile]
 *	mmhs-ffmon [-t tracklog] [-d statedir] report [-m file]... MESSAGE-ID
 *
 * The agent: after the bootstrap (lib/mmhs_agent), one thread scans
 * (ffmon_scan.c) every mmhsLimit scan-interval seconds of its own entry
 * (read anew each time) while the main thread waits for SIGTERM/SIGINT;
 * a scan in progress is finished first.  After each scan the status is
 * written into the agent's entry when it changed, or every heartbeat
 * seconds: "alert: TEXT" for alert-hold seconds after an alert, else
 * "degraded: TEXT" while the store, the MTA or a policy is in trouble
 * (mmhsLastError says the same), else "running"; mmhsQueueDepth is the
 * number of overdue messages not redirected in the last scan.  Nothing
 * that goes wrong with a peer stops the agent: the next scan tries
 * again.  The report mode (ffmon_report.c) needs no directory.
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "mmhs_agent.h"
#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "ffmon.h"

static pthread_mutex_t ffmon_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ffmon_cv = PTHREAD_COND_INITIALIZER;
static int ffmon_stop;

/* ffmon_opt - the agent's own options */
static int
ffmon_opt(void *arg, int ch, const char *optarg)
{
	struct ffmon *f = arg;

	switch (ch) {
	case 'd':
		f->f_dir = optarg;
		return 0;
	case 'A':
		f->f_ca = optarg;
		return 0;
	}
	return -1;
}

/* ffmon_alert - a new alert becomes the status (and goes to the log) */
void
ffmon_alert(struct ffmon *f, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(f->f_alert, sizeof(f->f_alert), fmt, ap);
	va_end(ap);
	f->f_alert_at = time(NULL);
	f->f_alerts++;
	mmhs_warn("alert: %s", f->f_alert);
}

/* ffmon_status - write the status when it (or the error) changed, or
 * when the heartbeat is due */
static void
ffmon_status(struct ffmon *f, time_t now, char *last, size_t lastlen,
    time_t *last_at)
{
	char	status[FFMON_TEXT_MAX + 16], now_said[2 * FFMON_TEXT_MAX + 32];
	long	hold = mmhs_agent_limit(f->f_ag, "alert-hold",
	    FFMON_DEF_ALERT_HOLD);
	long	beat = mmhs_agent_limit(f->f_ag, "heartbeat",
	    FFMON_DEF_HEARTBEAT);

	if (f->f_alert[0] != '\0' && now - f->f_alert_at < hold)
		snprintf(status, sizeof(status), "alert: %s", f->f_alert);
	else if (f->f_error[0] != '\0')
		snprintf(status, sizeof(status), "degraded: %s", f->f_error);
	else
		snprintf(status, sizeof(status), "running");
	snprintf(now_said, sizeof(now_said), "%s\n%s\n%ld", status,
	    f->f_error, f->f_overdue);
	if (strcmp(now_said, last) == 0 && now - *last_at < beat)
		return;
	if (mmhs_agent_status(f->f_ag, status, f->f_error[0] != '\0' ?
	    f->f_error : NULL, f->f_overdue) == 0) {
		snprintf(last, lastlen, "%s", now_said);
		*last_at = now;
	}
}

/* ffmon_loop - the scan thread */
static void *
ffmon_loop(void *arg)
{
	struct ffmon *f = arg;
	struct timespec until;
	char	last[2 * FFMON_TEXT_MAX + 32] = "", logged[FFMON_TEXT_MAX] = "";
	time_t	last_at = 0, now;
	long	every;

	pthread_mutex_lock(&ffmon_mu);
	while (!ffmon_stop) {
		pthread_mutex_unlock(&ffmon_mu);
		now = time(NULL);
		(void) ffmon_scan(f, now);
		if (strcmp(f->f_error, logged) != 0) {	/* log changes only */
			if (f->f_error[0] != '\0')
				mmhs_warn("%s", f->f_error);
			else
				mmhs_info("working again");
			snprintf(logged, sizeof(logged), "%s", f->f_error);
		}
		ffmon_status(f, now, last, sizeof(last), &last_at);
		every = mmhs_agent_limit(f->f_ag, "scan-interval",
		    FFMON_DEF_INTERVAL);
		if (every < 1)
			every = 1;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += every;
		pthread_mutex_lock(&ffmon_mu);
		while (!ffmon_stop && pthread_cond_timedwait(&ffmon_cv,
		    &ffmon_mu, &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&ffmon_mu);
	return NULL;
}

/* ffmon_site - our site: mmhsSite of our entry, else its parent */
static void
ffmon_site(struct ffmon *f)
{
	mmhs_dircache_entry_t *self = mmhs_agent_self(f->f_ag);
	const char *s = self != NULL ? mmhs_dircache_value(self, "mmhsSite") :
	    NULL, *comma;

	if (s == NULL && (comma = strchr(f->f_ag->ag_dn, ',')) != NULL)
		s = comma + 1;
	snprintf(f->f_site, sizeof(f->f_site), "%s", s != NULL ? s : "");
	mmhs_dircache_entry_free(self);
}

/* ffmon_report_word - index of a "report" command word, 0 if none: the
 * first argument that is neither an option nor an option's value */
static int
ffmon_report_word(int argc, char **argv)
{
	int	i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return 0;
		if (argv[i][0] != '-')
			return strcmp(argv[i], "report") == 0 ? i : 0;
		if (argv[i][1] != '\0' && argv[i][2] == '\0' &&
		    strchr("HDwycbtdAm", argv[i][1]) != NULL)
			i++;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct mmhs_agent ag;
	struct ffmon f;
	pthread_t tid;
	char	err[FFMON_TEXT_MAX];
	int	i;

	if ((i = ffmon_report_word(argc, argv)) > 0)
		return ffmon_report_main(argc, argv, i);
	memset(&f, 0, sizeof(f));
	i = mmhs_agent_args(&ag, "ffmon", argc, argv, "d:A:", ffmon_opt, &f,
	    "-d statedir [-A cafile]");
	if (i < argc || f.f_dir == NULL)
		mmhs_fatal("usage: mmhs-ffmon [bootstrap options] -d statedir "
		    "[-A cafile], or mmhs-ffmon [-t tracklog] [-d statedir] "
		    "report [-m file]... MESSAGE-ID");
	f.f_ag = &ag;
	mmhs_agent_signals();
	mmhs_agent_start(&ag, NULL, NULL, 60);
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		mmhs_fatal("libcurl cannot start");
	if ((f.f_state = ffmon_state_open(f.f_dir, err, sizeof(err))) == NULL)
		mmhs_fatal("state: %s", err);
	ffmon_site(&f);
	f.f_store = ffmon_store_new(f.f_ca, ag.ag_dn, ag.ag_pw);
	mmhs_info("watching the store of site %s; state in %s", f.f_site,
	    f.f_dir);
	if ((errno = pthread_create(&tid, NULL, ffmon_loop, &f)) != 0)
		mmhs_fatal("cannot start the scan thread: %m");
	(void) mmhs_agent_stopping();
	pthread_mutex_lock(&ffmon_mu);
	ffmon_stop = 1;
	pthread_cond_signal(&ffmon_cv);
	pthread_mutex_unlock(&ffmon_mu);
	pthread_join(tid, NULL);
	(void) mmhs_agent_status(&ag, "stopped", NULL, -1);
	ffmon_store_free(f.f_store);
	ffmon_state_close(f.f_state);
	curl_global_cleanup();
	mmhs_agent_stop(&ag);
	return 0;
}
