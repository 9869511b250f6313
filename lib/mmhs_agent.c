/* mmhs_agent.c - bootstrap of an agent: options, directory cache, signals
 *
 * The contract is in mmhs_agent.h.  mmhs_agent_args() copies what it
 * parses, so the struct owns its strings and mmhs_agent_stop() frees
 * them.  mmhs_agent_start() caches the whole base (every entry, every
 * user attribute the agent's own DN may read) in ag_cache_dir, indexed
 * by the attributes listed in mmhs_agent.h, and returns only once the
 * agent's own entry is in the cache; without -f it first forks and the
 * parent exits 0 at that moment (1 if the child died), so a supervisor
 * that waits for the parent knows the agent has its configuration.
 * Everything that cannot work exits through mmhs_fatal() with the
 * reason: an agent without its own entry has nothing to do.  SIGPIPE
 * is ignored from the start on: agents talk over sockets, and a write
 * to a closed one must fail with EPIPE instead of killing them.
 *
 * The cache directory holds the agent's own entry as the directory
 * shows it to the agent: keep it as private as the password file.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <ldap.h>

#include "mmhs_agent_int.h"
#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mmhs_track.h"

#define AGENT_URIS_MAX		8
#define AGENT_WAIT_REPORT_S	15	/* say why the start takes long */
#define AGENT_OPTS		"H:D:w:y:c:b:t:k:f"

/* Attributes agents look entries up by (see mmhs_agent.h). */
const char *const mmhs_agent_index[] = {
	"mail", "uid", "mhs-or-addresses", "roleOccupant", "member",
	"owner", "mhs-dl-members", "mmhsMember", "mmhsAgentType",
	"mmhsPolicyId", "mmhsSite", "mmhsActionRecipient",
	"mmhsInfoRecipient", "mmhsDefaultRole", "mmhsGuaranteedActionPoint",
	"mmhsFFPolicy", "mmhsArchive", "mmhsArchiveSubject", NULL
};

/* The user's change callback: the cache's own argument is the agent. */
static mmhs_dircache_change_fn agent_user_change;
static void *agent_user_arg;

/* mmhs_agent_priv - the private part, made on first use */
struct mmhs_agent_priv *
mmhs_agent_priv(struct mmhs_agent *ag)
{
	struct mmhs_agent_priv *ap;

	if (ag->ag_priv == NULL) {
		ap = mmhs_calloc(1, sizeof(*ap));
		pthread_mutex_init(&ap->ap_mu, NULL);
		ap->ap_started = time(NULL);
		ag->ag_priv = ap;
	}
	return ag->ag_priv;
}

/* agent_read_pw - the first line of a password file */
static char *
agent_read_pw(const char *path)
{
	char	buf[512];
	FILE	*fp = fopen(path, "r");

	if (fp == NULL)
		mmhs_fatal("%s: %m", path);
	if (fgets(buf, sizeof(buf), fp) == NULL)
		buf[0] = '\0';
	fclose(fp);
	buf[strcspn(buf, "\r\n")] = '\0';
	if (buf[0] == '\0')
		mmhs_fatal("%s: no password in the first line", path);
	return mmhs_strdup(buf);
}

/* agent_usage - the synopsis, and exit */
static void
agent_usage(const char *name, const char *usage_extra)
{
	mmhs_fatal("usage: mmhs-%s -H URI[,URI...] -D own-agent-DN "
	    "(-w password | -y file) -c cachedir [-b base] [-t tracklog] "
	    "[-k keydir] [-f]%s%s", name, usage_extra != NULL && *usage_extra ? " " : "",
	    usage_extra != NULL ? usage_extra : "");
}

/* agent_set - replace an option's copy (a repeated option wins) */
static void
agent_set(char **slot, const char *value)
{
	mmhs_free(*slot);
	*slot = mmhs_strdup(value);
}

int
mmhs_agent_args(struct mmhs_agent *ag, const char *name, int argc,
    char **argv, const char *extra,
    int (*on_opt)(void *arg, int ch, const char *optarg), void *arg,
    const char *usage_extra)
{
	static char progname[64];
	char	opts[128];
	int	ch;

	memset(ag, 0, sizeof(*ag));
	ag->ag_name = name;
	snprintf(progname, sizeof(progname), "mmhs-%s", name);
	mmhs_log_open(progname, 0);
	snprintf(opts, sizeof(opts), "%s%s", AGENT_OPTS, extra ? extra : "");
	while ((ch = getopt(argc, argv, opts)) != -1) {
		switch (ch) {
		case 'H': agent_set(&ag->ag_uris, optarg); break;
		case 'D': agent_set(&ag->ag_dn, optarg); break;
		case 'w': agent_set(&ag->ag_pw, optarg); break;
		case 'y':
			mmhs_free(ag->ag_pw);
			ag->ag_pw = agent_read_pw(optarg);
			break;
		case 'c': agent_set(&ag->ag_cache_dir, optarg); break;
		case 'b': agent_set(&ag->ag_base, optarg); break;
		case 't': agent_set(&ag->ag_track_path, optarg); break;
		case 'k': agent_set(&ag->ag_key_dir, optarg); break;
		case 'f': ag->ag_foreground = 1; break;
		case '?':
		case ':':
			agent_usage(name, usage_extra);
			break;
		default:
			if (on_opt == NULL || on_opt(arg, ch, optarg) != 0)
				agent_usage(name, usage_extra);
		}
	}
	if (ag->ag_uris == NULL || ag->ag_dn == NULL || ag->ag_pw == NULL ||
	    ag->ag_cache_dir == NULL)
		agent_usage(name, usage_extra);
	return optind;
}

/* agent_ends_with - does DN end with the naming context nc? */
static int
agent_ends_with(const char *dn, const char *nc)
{
	char	*d = mmhs_agent_dn_norm(dn), *n = mmhs_agent_dn_norm(nc);
	size_t	dl = strlen(d), nl = strlen(n);
	int	yes;

	yes = nl > 0 && dl >= nl && strcmp(d + dl - nl, n) == 0 &&
	    (dl == nl || d[dl - nl - 1] == ',');
	mmhs_free(d);
	mmhs_free(n);
	return yes;
}

/* agent_suffix - the naming context holding our own entry, from the root
 * DSE; with no directory now, the last RDN of our DN (a cache from an
 * earlier run was made with the same base, and -b says it exactly) */
static char *
agent_suffix(struct mmhs_agent *ag)
{
	LDAP	*ld = NULL;
	LDAPMessage *res = NULL;
	struct berval **v;
	struct timeval tv = { MMHS_DC_NET_TIMEOUT_S, 0 };
	char	*attrs[] = { "namingContexts", NULL }, *base = NULL;
	const char *p;
	int	v3 = LDAP_VERSION3, i;

	if (ldap_initialize(&ld, ag->ag_uris) == LDAP_SUCCESS) {
		ldap_set_option(ld, LDAP_OPT_PROTOCOL_VERSION, &v3);
		ldap_set_option(ld, LDAP_OPT_NETWORK_TIMEOUT, &tv);
		if (ldap_search_ext_s(ld, "", LDAP_SCOPE_BASE,
		    "(objectClass=*)", attrs, 0, NULL, NULL, &tv, 1, &res) ==
		    LDAP_SUCCESS && (v = ldap_get_values_len(ld,
		    ldap_first_entry(ld, res), "namingContexts")) != NULL) {
			for (i = 0; v[i] != NULL && base == NULL; i++)
				if (agent_ends_with(ag->ag_dn, v[i]->bv_val))
					base = mmhs_strndup(v[i]->bv_val,
					    v[i]->bv_len);
			ldap_value_free_len(v);
		}
		ldap_msgfree(res);
		ldap_unbind_ext_s(ld, NULL, NULL);
	}
	if (base == NULL) {
		p = strrchr(ag->ag_dn, ',');
		base = mmhs_strdup(p != NULL ? p + 1 : ag->ag_dn);
		mmhs_warn("no naming context from %s holds %s; using \"%s\"",
		    ag->ag_uris, ag->ag_dn, base);
	}
	return base;
}

/* agent_on_change - cache thread: pass on to the agent's callback */
static void
agent_on_change(void *arg, mmhs_dircache_change_t ch, const char *uuid,
    const char *dn)
{
	(void) arg;
	if (agent_user_change != NULL)
		agent_user_change(agent_user_arg, ch, uuid, dn);
}

/* agent_on_state - cache thread: the state goes to the log */
static void
agent_on_state(void *arg, mmhs_dircache_state_t st, const char *reason)
{
	(void) arg;
	mmhs_info("directory cache: %s%s%s", mmhs_dircache_state_name(st),
	    reason != NULL && *reason ? ": " : "", reason ? reason : "");
}

/* agent_cache_open - the cache of the whole base, started */
static mmhs_dircache_t *
agent_cache_open(struct mmhs_agent *ag)
{
	mmhs_dircache_conf_t dc;
	const char *uris[AGENT_URIS_MAX + 1];
	char	err[512], *copy = mmhs_strdup(ag->ag_uris), *tok, *sp;
	mmhs_dircache_t *c;
	int	n = 0;

	for (tok = strtok_r(copy, ", ", &sp); tok != NULL &&
	    n < AGENT_URIS_MAX; tok = strtok_r(NULL, ", ", &sp))
		uris[n++] = tok;
	uris[n] = NULL;
	if (n == 0)
		mmhs_fatal("-H \"%s\": no LDAP URI", ag->ag_uris);
	memset(&dc, 0, sizeof(dc));
	dc.dc_dir = ag->ag_cache_dir;
	dc.dc_uris = uris;
	dc.dc_bind_dn = ag->ag_dn;
	dc.dc_bind_pw = ag->ag_pw;
	dc.dc_base = ag->ag_base;
	dc.dc_scope = LDAP_SCOPE_SUBTREE;
	dc.dc_index = mmhs_agent_index;
	dc.dc_on_change = agent_on_change;
	dc.dc_on_state = agent_on_state;
	dc.dc_arg = ag;
	if ((c = mmhs_dircache_open(&dc, err, sizeof(err))) == NULL)
		mmhs_fatal("directory cache %s: %s", ag->ag_cache_dir, err);
	mmhs_free(copy);	/* the cache copied its configuration */
	if (mmhs_dircache_start(c) < 0)
		mmhs_fatal("directory cache %s: cannot start",
		    ag->ag_cache_dir);
	return c;
}

/* agent_wait_self - until the cache is settled and holds our entry */
static void
agent_wait_self(struct mmhs_agent *ag, int timeout_s)
{
	time_t	start = time(NULL), report = start + AGENT_WAIT_REPORT_S;
	mmhs_dircache_state_t st;
	mmhs_dircache_entry_t *e;
	char	reason[MMHS_DC_REASON_LEN];

	for (;;) {
		st = mmhs_dircache_wait(ag->ag_cache, 1000);
		if ((st == MMHS_DC_PERSISTING || st == MMHS_DC_FROM_CACHE) &&
		    (e = mmhs_agent_self(ag)) != NULL) {
			mmhs_dircache_entry_free(e);
			return;
		}
		if (time(NULL) - start >= timeout_s) {
			st = mmhs_dircache_status(ag->ag_cache, reason,
			    sizeof(reason));
			mmhs_fatal("own entry %s not in the directory cache "
			    "after %d s (cache %s%s%s)", ag->ag_dn, timeout_s,
			    mmhs_dircache_state_name(st), *reason ? ": " : "",
			    reason);
		}
		if (time(NULL) >= report) {
			mmhs_warn("still waiting for %s in the directory cache "
			    "(%s)", ag->ag_dn, mmhs_dircache_state_name(st));
			report += AGENT_WAIT_REPORT_S;
		}
		/* settled but without our entry: the wait returns at once */
		if (st == MMHS_DC_PERSISTING || st == MMHS_DC_FROM_CACHE)
			usleep(200 * 1000);
	}
}

/* mmhs_agent_background - fork; the parent exits 0 when the child is ready */
int
mmhs_agent_background(void)
{
	int	fds[2];
	char	c;
	pid_t	pid;

	if (pipe(fds) < 0 || (pid = fork()) < 0)
		mmhs_fatal("cannot go to the background: %m");
	if (pid > 0) {
		close(fds[1]);
		_exit(read(fds[0], &c, 1) == 1 ? 0 : 1);
	}
	close(fds[0]);
	(void) setsid();
	return fds[1];
}

void
mmhs_agent_start(struct mmhs_agent *ag, mmhs_dircache_change_fn on_change,
    void *arg, int timeout_s)
{
	int	ready = -1;

	(void) mmhs_agent_priv(ag);
	/* A peer (or the cache's own shutdown of its LDAP socket) closing
	 * a connection must give EPIPE, not kill the agent. */
	signal(SIGPIPE, SIG_IGN);
	if (!ag->ag_foreground)
		ready = mmhs_agent_background();	/* before any thread runs */
	if ((ag->ag_track = mmhs_track_open(ag->ag_name,
	    ag->ag_track_path)) == NULL)
		mmhs_fatal("tracking log %s: %m", ag->ag_track_path ?
		    ag->ag_track_path : "-");
	if (ag->ag_base == NULL)
		ag->ag_base = agent_suffix(ag);
	agent_user_change = on_change;
	agent_user_arg = arg;
	ag->ag_cache = agent_cache_open(ag);
	agent_wait_self(ag, timeout_s > 0 ? timeout_s : 1);
	mmhs_info("%s: own entry cached, directory base \"%s\"", ag->ag_dn,
	    ag->ag_base);
	if (ready >= 0) {
		(void) !write(ready, "", 1);
		close(ready);
	}
}

void
mmhs_agent_stop(struct mmhs_agent *ag)
{
	struct mmhs_agent_priv *ap = ag->ag_priv;

	if (ap != NULL) {
		mmhs_agent_status_close(ag);
		pthread_mutex_destroy(&ap->ap_mu);
		mmhs_free(ap);
		ag->ag_priv = NULL;
	}
	if (ag->ag_cache != NULL)
		mmhs_dircache_close(ag->ag_cache);
	if (ag->ag_track != NULL)
		mmhs_track_close(ag->ag_track);
	agent_user_change = NULL;
	mmhs_free(ag->ag_uris);
	mmhs_free(ag->ag_dn);
	mmhs_free(ag->ag_pw);
	mmhs_free(ag->ag_base);
	mmhs_free(ag->ag_cache_dir);
	mmhs_free(ag->ag_track_path);
	mmhs_free(ag->ag_key_dir);
	memset(ag, 0, sizeof(*ag));
}

mmhs_dircache_entry_t *
mmhs_agent_self(struct mmhs_agent *ag)
{
	if (ag->ag_cache == NULL || ag->ag_dn == NULL)
		return NULL;
	return mmhs_dircache_by_dn(ag->ag_cache, ag->ag_dn);
}

/* ------------------------------------------------------------------
 * Signals: the handler only notes the signal and writes to a pipe, so a
 * thread sleeping in mmhs_agent_stopping() wakes whichever thread the
 * kernel delivered the signal to.
 */

static volatile sig_atomic_t agent_signo;
static int agent_pipe[2] = { -1, -1 };

static void
agent_on_signal(int sig)
{
	int	saved = errno;

	agent_signo = sig;
	if (agent_pipe[1] >= 0)
		(void) !write(agent_pipe[1], "", 1);
	errno = saved;
}

void
mmhs_agent_signals(void)
{
	struct sigaction sa;

	if (agent_pipe[0] < 0) {
		if (pipe(agent_pipe) < 0)
			mmhs_fatal("pipe: %m");
		(void) fcntl(agent_pipe[0], F_SETFD, FD_CLOEXEC);
		(void) fcntl(agent_pipe[1], F_SETFD, FD_CLOEXEC);
		(void) fcntl(agent_pipe[1], F_SETFL, O_NONBLOCK);
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = agent_on_signal;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

/* mmhs_agent_stopping - sleeps until SIGTERM or SIGINT was seen (at once
 * if it was already) and returns the signal number */
int
mmhs_agent_stopping(void)
{
	char	c;

	if (agent_pipe[0] < 0)
		mmhs_agent_signals();
	while (agent_signo == 0)
		if (read(agent_pipe[0], &c, 1) < 0 && errno != EINTR)
			mmhs_fatal("signal pipe: %m");
	mmhs_info("signal %d: stopping", (int)agent_signo);
	return agent_signo;
}
