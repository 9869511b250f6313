/* mta.c - mmhs-mta: the OpenMMHS message transfer agent
 *
 * SYNOPSIS
 *	mmhs-mta -H URI[,URI...] -D own-agent-DN (-w password | -y file)
 *	    -s spooldir [-t tracklog] [-b base] [-C cert -K key] [-k keydir]
 *	    [-f]
 *
 * DESCRIPTION
 *	Starts with a bootstrap only and takes the rest from the directory,
 *	through a local cache kept live by RFC 4533 (SPOOL/cache): its
 *	listen ports, limits and peers from its own mmhsAgent entry, the
 *	routes (mmhsRoute), the agents, sites and the people, roles and
 *	organisations with a mail address.  Messages are kept in a durable
 *	queue (SPOOL/queue); the tracking log gets one line per event.
 *	Without -f it goes to the background once its ports are open.  The
 *	process id is in SPOOL/mmhs-mta.pid; SIGTERM stops it cleanly
 *	(messages being received are committed and answered first).
 *	Authenticated submissions are checked against the security policy
 *	(labels, signatures, clearances) and next hops with a domain
 *	ceiling get only what it dominates (mta_sec.h).  -k is accepted as
 *	every agent takes it; the MTA opens no enveloped layer and uses no
 *	private key.  See doc/mmhs-mta.8.
 *
 * EXIT STATUS
 *	0 after SIGTERM; 1 with a message when it cannot start.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <event2/event.h>
#include <event2/thread.h>
#include <ldap.h>

#include "mmhs_agent.h"
#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mta_smtpd.h"

#define MTA_CACHE_WAIT_MS	15000	/* first refresh: report interval */
#define MTA_CACHE_GIVEUP_S	600	/* first refresh: give up */
#define MTA_CHANGE_DELAY_MS	100	/* coalesce directory changes */
#define MTA_URIS_MAX		8

const char *mta_tls_cert_file, *mta_tls_key_file;

static char *mta_uris;			/* -H as given */
static struct event *mta_pump_ev, *mta_change_ev, *mta_change_tmr;
static unsigned long mta_generation;

/* Attributes the MTA needs in its cache, and those it looks up by. */
static const char *const mta_cache_attrs[] = {
	"objectClass", "cn", "mail", "uid", "roleOccupant", "member",
	"mmhsAgentType", "mmhsListen", "mmhsPeer", "mmhsLimit", "mmhsSite",
	"mailDomains", "mhs-or-addresses", "mmhsRouteMatch", "mmhsNextHop",
	"mmhsRoutePrecedence", "mmhsDomainCeiling", "description",
	"mmhsArchive", "mmhsArchiveSubject", "mmhsRetentionDays",
	/* security (mta_sec.c): policies, clearances, the PKI; the
	 * ";binary" values come with their attribute type */
	"mmhsPolicyId", "mmhsClassificationDef", "mmhsCategoryDef",
	"mmhsLabelEquivalence", "mmhsRequireSignature",
	"mmhsRequireEncryption", "mmhsRequireLabel", "mmhsTrustedCA",
	"mmhsClearance", "userCertificate", "userSMIMECertificate",
	"cACertificate", "certificateRevocationList",
	"authorityRevocationList", NULL
};
static const char *const mta_cache_index[] = {
	"mail", "uid", "roleOccupant", "mmhsRouteMatch", "mmhsAgentType",
	"mmhsNextHop", "mhs-or-addresses", "mmhsPolicyId", NULL
};
#define MTA_CACHE_FILTER "(|(objectClass=mmhsAgent)(objectClass=mmhsRoute)" \
	"(objectClass=mmhsSite)(objectClass=mmhsArchivePolicy)(mail=*)" \
	"(uid=*)(roleOccupant=*)(objectClass=mmhsSecurityPolicy)" \
	"(cACertificate=*))"

/* mta_ldap_uris - the -H list, for parts that bind on their own */
const char *
mta_ldap_uris(void)
{
	return mta_uris;
}

unsigned long
mta_dir_generation(void)
{
	return mta_generation;
}

/* mta_pump - commit the queue's waiting asynchronous operations */
static void
mta_pump(evutil_socket_t fd, short what, void *arg)
{
	struct mta *m = arg;

	(void) fd;
	(void) what;
	(void) mmhs_queue_pump(m->m_queue, 0);
	mta_queue_kick(m);
}

/* mta_queue_kick - make sure a pump runs when the queue wants one */
void
mta_queue_kick(struct mta *m)
{
	int	ms = mmhs_queue_pump_timeout(m->m_queue);
	struct timeval tv;

	if (ms < 0 || mta_pump_ev == NULL || evtimer_pending(mta_pump_ev,
	    NULL))
		return;
	tv.tv_sec = ms / 1000;
	tv.tv_usec = (ms % 1000) * 1000;
	evtimer_add(mta_pump_ev, &tv);
}

/* mta_changed - in the loop, a little after the cache changed */
static void
mta_changed(evutil_socket_t fd, short what, void *arg)
{
	struct mta *m = arg;
	char	err[512];

	(void) fd;
	(void) what;
	if (mta_conf_load(m, err, sizeof(err)) < 0)
		mmhs_warn("directory change: %s; keeping the settings", err);
	mta_generation++;
	mta_smtpd_reload(m);
}

/* mta_change_wake - in the loop: coalesce a burst of changes */
static void
mta_change_wake(evutil_socket_t fd, short what, void *arg)
{
	struct timeval tv = { 0, MTA_CHANGE_DELAY_MS * 1000 };

	(void) fd;
	(void) what;
	(void) arg;
	if (!evtimer_pending(mta_change_tmr, NULL))
		evtimer_add(mta_change_tmr, &tv);
}

/* mta_on_change - cache thread: hand over to the loop */
static void
mta_on_change(void *arg, mmhs_dircache_change_t ch, const char *uuid,
	const char *dn)
{
	(void) arg;
	(void) ch;
	(void) uuid;
	(void) dn;
	if (mta_change_ev != NULL)
		event_active(mta_change_ev, EV_READ, 0);
}

static void
mta_on_state(void *arg, mmhs_dircache_state_t st, const char *reason)
{
	(void) arg;
	mmhs_info("directory cache: %s%s%s", mmhs_dircache_state_name(st),
	    reason != NULL && *reason ? ": " : "", reason ? reason : "");
}

/* mta_suffix - the directory's naming context, from the root DSE */
static char *
mta_suffix(const char *self_dn)
{
	LDAP	*ld = NULL;
	LDAPMessage *res = NULL;
	struct berval **v;
	struct timeval tv = { 3, 0 };
	char	*attrs[] = { "namingContexts", NULL }, *base = NULL;
	const char *p;
	int	v3 = LDAP_VERSION3;

	if (ldap_initialize(&ld, mta_uris) == LDAP_SUCCESS) {
		ldap_set_option(ld, LDAP_OPT_PROTOCOL_VERSION, &v3);
		ldap_set_option(ld, LDAP_OPT_NETWORK_TIMEOUT, &tv);
		if (ldap_search_ext_s(ld, "", LDAP_SCOPE_BASE,
		    "(objectClass=*)", attrs, 0, NULL, NULL, &tv, 1, &res) ==
		    LDAP_SUCCESS && (v = ldap_get_values_len(ld,
		    ldap_first_entry(ld, res), "namingContexts")) != NULL) {
			if (v[0] != NULL)
				base = mmhs_strndup(v[0]->bv_val,
				    v[0]->bv_len);
			ldap_value_free_len(v);
		}
		ldap_msgfree(res);
		ldap_unbind_ext_s(ld, NULL, NULL);
	}
	/* No directory now: the last RDN of our DN (the cache has data) */
	if (base == NULL)
		base = mmhs_strdup((p = strrchr(self_dn, ',')) != NULL ?
		    p + 1 : self_dn);
	return base;
}

/* mta_cache_open - the directory cache, refreshed once */
static mmhs_dircache_t *
mta_cache_open(struct mta *m, const char *dn, const char *pw,
	const char *base)
{
	mmhs_dircache_conf_t dc;
	const char *uris[MTA_URIS_MAX + 1];
	char	dir[1024], err[512], *copy = mmhs_strdup(mta_uris), *tok, *sp;
	mmhs_dircache_t *c;
	mmhs_dircache_state_t st;
	int	n = 0, waited;

	for (tok = strtok_r(copy, ", ", &sp); tok != NULL && n < MTA_URIS_MAX;
	    tok = strtok_r(NULL, ", ", &sp))
		uris[n++] = tok;
	uris[n] = NULL;
	snprintf(dir, sizeof(dir), "%s/cache", m->m_spool);
	memset(&dc, 0, sizeof(dc));
	dc.dc_dir = dir;
	dc.dc_uris = uris;
	dc.dc_bind_dn = dn;
	dc.dc_bind_pw = pw;
	dc.dc_base = base;
	dc.dc_scope = LDAP_SCOPE_SUBTREE;
	dc.dc_filter = MTA_CACHE_FILTER;
	dc.dc_attrs = mta_cache_attrs;
	dc.dc_index = mta_cache_index;
	dc.dc_on_change = mta_on_change;
	dc.dc_on_state = mta_on_state;
	dc.dc_arg = m;
	if ((c = mmhs_dircache_open(&dc, err, sizeof(err))) == NULL)
		mmhs_fatal("directory cache %s: %s", dir, err);
	if (mmhs_dircache_start(c) < 0)
		mmhs_fatal("directory cache: cannot start");
	/* Nothing works without our own entry: wait for the first refresh,
	 * however long a large directory takes, and say so meanwhile. */
	for (waited = MTA_CACHE_WAIT_MS / 1000;; waited += MTA_CACHE_WAIT_MS /
	    1000) {
		st = mmhs_dircache_wait(c, MTA_CACHE_WAIT_MS);
		if (st == MMHS_DC_PERSISTING || st == MMHS_DC_FROM_CACHE)
			break;
		if (waited >= MTA_CACHE_GIVEUP_S)
			mmhs_fatal("directory cache still %s after %d s",
			    mmhs_dircache_state_name(st), waited);
		mmhs_warn("directory cache still %s after %d s, waiting",
		    mmhs_dircache_state_name(st), waited);
	}
	mmhs_free(copy);	/* the cache copied its configuration */
	return c;
}

/* mta_read_pw - the first line of a password file */
static char *
mta_read_pw(const char *path)
{
	char	buf[512];
	FILE	*fp = fopen(path, "r");

	if (fp == NULL)
		mmhs_fatal("%s: %m", path);
	if (fgets(buf, sizeof(buf), fp) == NULL)
		buf[0] = '\0';
	fclose(fp);
	buf[strcspn(buf, "\r\n")] = '\0';
	return mmhs_strdup(buf);
}

/* mta_pidfile - SPOOL/mmhs-mta.pid */
static void
mta_pidfile(const char *path)
{
	FILE	*fp = fopen(path, "w");

	if (fp == NULL || fprintf(fp, "%ld\n", (long)getpid()) < 0 ||
	    fclose(fp) != 0)
		mmhs_fatal("%s: %m", path);
}

static void
mta_on_signal(evutil_socket_t sig, short what, void *arg)
{
	(void) what;
	mmhs_info("signal %d: stopping", (int)sig);
	event_base_loopexit(arg, NULL);
}

static void
mta_usage(void)
{
	mmhs_fatal("usage: mmhs-mta -H URI[,URI...] -D own-agent-DN "
	    "(-w password | -y file) -s spooldir [-t tracklog] [-b base] "
	    "[-C cert -K key] [-k keydir] [-f]");
}

/* mta_open_stores - queue and tracking log */
static void
mta_open_stores(struct mta *m, const char *track)
{
	struct mmhs_queue_opts qo;
	char	dir[1024];
	int	rc;

	snprintf(dir, sizeof(dir), "%s/queue", m->m_spool);
	if (mkdir(dir, 0700) < 0 && errno != EEXIST)
		mmhs_fatal("%s: %m", dir);
	memset(&qo, 0, sizeof(qo));
	qo.qo_dir = dir;
	if ((rc = mmhs_queue_open(&m->m_queue, &qo)) < 0)
		mmhs_fatal("queue %s: %s", dir, mmhs_queue_strerror(rc));
	if ((m->m_track = mmhs_track_open("mta", track)) == NULL)
		mmhs_fatal("tracking log %s: %m", track ? track : "-");
}

int
main(int argc, char **argv)
{
	static struct mta m;
	const char *dn = NULL, *track = NULL, *base = NULL;
	char	*pw = NULL, *suffix, pidf[1024], err[512];
	struct event *sigterm, *sigint;
	int	ch, fg = 0, ready = -1;

	mmhs_log_open("mmhs-mta", 0);
	while ((ch = getopt(argc, argv, "H:D:w:y:s:t:b:C:K:k:f")) != -1) {
		switch (ch) {
		case 'H': mta_uris = optarg; break;
		case 'D': dn = optarg; break;
		case 'w': pw = mmhs_strdup(optarg); break;
		case 'y': pw = mta_read_pw(optarg); break;
		case 's': m.m_spool = optarg; break;
		case 't': track = optarg; break;
		case 'b': base = optarg; break;
		case 'C': mta_tls_cert_file = optarg; break;
		case 'K': mta_tls_key_file = optarg; break;
		case 'k': break;	/* no keys needed: see above */
		case 'f': fg = 1; break;
		default: mta_usage();
		}
	}
	if (mta_uris == NULL || dn == NULL || pw == NULL || m.m_spool == NULL ||
	    optind != argc || (mta_tls_cert_file == NULL) !=
	    (mta_tls_key_file == NULL))
		mta_usage();
	if (mkdir(m.m_spool, 0700) < 0 && errno != EEXIST)
		mmhs_fatal("%s: %m", m.m_spool);
	signal(SIGPIPE, SIG_IGN);
	if (!fg)
		ready = mmhs_agent_background();

	/* Threads (the cache, queue commits) may wake the loop. */
	if (evthread_use_pthreads() < 0 || (m.m_base = event_base_new()) ==
	    NULL)
		mmhs_fatal("libevent: cannot make the event loop");
	mta_change_ev = event_new(m.m_base, -1, 0, mta_change_wake, &m);
	mta_change_tmr = evtimer_new(m.m_base, mta_changed, &m);
	mta_pump_ev = evtimer_new(m.m_base, mta_pump, &m);

	suffix = base != NULL ? mmhs_strdup(base) : mta_suffix(dn);
	m.m_cache = mta_cache_open(&m, dn, pw, suffix);
	m.m_conf.mc_self_dn = mmhs_strdup(dn);
	if (mta_conf_load(&m, err, sizeof(err)) < 0)
		mmhs_fatal("%s", err);
	mta_open_stores(&m, track);
	if (mta_smtpd_start(&m) < 0)
		mmhs_fatal("cannot start the SMTP server");
	if (mta_deliver_start(&m) < 0)
		mmhs_fatal("cannot start the delivery side");
	snprintf(pidf, sizeof(pidf), "%s/mmhs-mta.pid", m.m_spool);
	mta_pidfile(pidf);

	sigterm = evsignal_new(m.m_base, SIGTERM, mta_on_signal, m.m_base);
	sigint = evsignal_new(m.m_base, SIGINT, mta_on_signal, m.m_base);
	evsignal_add(sigterm, NULL);
	evsignal_add(sigint, NULL);
	mmhs_info("%s: running, directory base \"%s\"", dn, suffix);
	if (ready >= 0) {
		(void) !write(ready, "", 1);
		close(ready);
	}
	event_base_dispatch(m.m_base);

	mta_smtpd_stop(&m);
	mta_deliver_stop(&m);
	mmhs_queue_close(m.m_queue);
	mmhs_track_close(m.m_track);
	mmhs_dircache_close(m.m_cache);
	mta_conf_free(&m.m_conf);
	event_free(sigterm);
	event_free(sigint);
	event_free(mta_pump_ev);
	event_free(mta_change_ev);
	event_free(mta_change_tmr);
	event_base_free(m.m_base);
	unlink(pidf);
	mmhs_free(suffix);
	mmhs_free(pw);
	mmhs_info("stopped");
	return 0;
}
