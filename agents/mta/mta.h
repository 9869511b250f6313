/* mta.h - mmhs-mta: the state its parts share
 *
 * mmhs-mta is one process around one libevent loop.  It is started with
 * a bootstrap only (its LDAP URIs, the DN of its own mmhsAgent entry and
 * the password of that entry, a spool directory) and takes everything
 * else from the directory through its directory cache: its listen
 * addresses and limits from its own entry, its peers, routes and agents.
 *
 * The receiving side (mta_smtpd.c and what it uses) accepts SMTP on the
 * ports of the entry's mmhsListen values and commits each message to the
 * durable queue before answering 250; after each commit it calls
 * mta_deliver_wakeup().  The delivery side (mta_deliver.c and what it
 * uses) takes ready messages from the queue in precedence order, routes
 * each recipient with lib/mmhs_route over the cache, delivers by SMTP or
 * LMTP, retries and sends DSNs.  Both log to the tracking log.
 */
#ifndef MTA_H
#define MTA_H

#include <stddef.h>

#include <event2/event.h>

#include "mmhs_dircache.h"
#include "mmhs_queue.h"
#include "mmhs_track.h"

#define MTA_MAX_LISTEN	8
#define MTA_NAME_MAX	32
#define MTA_URI_MAX	256

/* One mmhsListen value: "submit smtp://127.0.0.1:2587". */
struct mta_listen {
	char	ml_name[MTA_NAME_MAX];	/* submit, smtp */
	char	ml_uri[MTA_URI_MAX];
};

/* The MTA's own directory entry, reloaded when it changes. */
struct mta_conf {
	char	*mc_self_dn;		/* our mmhsAgent entry */
	char	*mc_site_dn;		/* mmhsSite */
	char	*mc_hostname;		/* for banners and Received: */
	struct mta_listen mc_listen[MTA_MAX_LISTEN];
	int	mc_nlisten;
	size_t	mc_max_size;		/* mmhsLimit message-size */
	int	mc_max_rcpt;		/* mmhsLimit recipients */
	int	mc_max_conn;		/* mmhsLimit connections */
	char	**mc_peers;		/* mmhsPeer DNs */
	int	mc_npeers;
};

struct mta {
	struct event_base *m_base;
	struct mmhs_queue *m_queue;
	mmhs_dircache_t *m_cache;
	struct mmhs_track *m_track;
	struct mta_conf m_conf;
	const char *m_spool;
	void	*m_smtpd;		/* receiving side's private state */
	void	*m_deliver;		/* delivery side's private state */
};

/* mta_conf.c: read our entry from the cache (0, or -1 with err) */
int	mta_conf_load(struct mta *m, char *err, size_t errlen);
void	mta_conf_free(struct mta_conf *c);

/* mta_smtpd.c: listen on the submit and smtp ports of the entry */
int	mta_smtpd_start(struct mta *m);
void	mta_smtpd_stop(struct mta *m);

/* mta_deliver.c: the scheduler and the SMTP/LMTP client */
int	mta_deliver_start(struct mta *m);
void	mta_deliver_wakeup(struct mta *m);
void	mta_deliver_stop(struct mta *m);

/*
 * Shared helpers of the receiving engineer's files, for both sides.
 *
 * mta.c: the -H URI list as given (for parts that open their own LDAP
 * connection); a queue pump for asynchronous queue operations (call
 * after each *_async: it runs mmhs_queue_pump() from the loop on the
 * timer mmhs_queue_pump_timeout() asks for); a counter that grows each
 * time the directory cache reported changes (rebuild what you derived
 * from the cache when it moved; mta_conf is already reloaded then).
 */
const char *mta_ldap_uris(void);
void	mta_queue_kick(struct mta *m);
unsigned long mta_dir_generation(void);

/* mta_smtpd.c: the directory changed (limits, peers, routes) */
void	mta_smtpd_reload(struct mta *m);

/*
 * mta_route.c: the route table of lib/mmhs_route built from the cache's
 * mmhsRoute entries (site routes, and our own routes below our entry as
 * rt_scope = our DN).  Next hops are the DNs without their "{n}"
 * prefix, lower-cased, in preference order.  mta_routes_lookup() also
 * gives the first next hop's entry type ("store", "peer-mta", ...).
 */
struct mta_routes;
struct mmhs_route_table;
struct mta_routes *mta_routes_build(struct mta *m, char *err, size_t errlen);
void	mta_routes_free(struct mta_routes *r);
const struct mmhs_route_table *mta_routes_table(const struct mta_routes *r);
const char *mta_routes_scope(const struct mta_routes *r);
/* A DN LDAPv3-normalised and lower-cased (free with mmhs_free). */
char	*mta_dn_norm(const char *dn);

/*
 * mta_archive.c: mmhs_queue_put_async(), with the archive agents of the
 * archive policies that cover the envelope added as recipients.
 */
int	mta_archive_put_async(struct mta *m, const struct mmhs_queue_env *env,
	    const void *data, size_t len, mmhs_queue_cb cb, void *arg);

#endif
