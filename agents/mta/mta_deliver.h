/* mta_deliver.h - mmhs-mta delivery side: the state its files share
 *
 * The delivery side is these files around one event loop:
 *	mta_deliver.c		scheduler: lease ready messages, route,
 *				group recipients by route into jobs,
 *				collect the results
 *	mta_deliver_dest.c	destinations (one per next-hop agent): their
 *				job queues ordered by precedence, connection
 *				slots, idle connections, alternates
 *	mta_deliver_done.c	per-recipient results: queue marks,
 *				tracking log, DSNs; settings
 *	mta_deliver_rm.c	removal of finished messages by threads
 *	mta_client.c		one SMTP/LMTP client connection
 *	mta_dsn.c		DSN text through lib/mmhs_dsn into memory;
 *				status and xtext helpers
 *	mta_deliver_sec.c	next hops with a domain ceiling get only
 *				the labels it dominates
 * Routes come from mta_route.c (mta_routes_build), rebuilt when
 * mta_dir_generation() moves.
 *
 * Ownership: a message (struct mtd_msg) is leased from the queue while
 * it is in memory and owns its jobs; a job sits on one destination's
 * queue or is carried by one connection; a connection belongs to its
 * destination.  Everything runs in the event loop's thread, except the
 * queue's commit callbacks, which only release leases, and the removal
 * threads of mta_deliver_rm.c, which only call mmhs_queue_remove().
 */
#ifndef MTA_DELIVER_H
#define MTA_DELIVER_H

#include <sys/queue.h>
#include <time.h>

#include "mta.h"
#include "mmhs_route.h"
#include "mmhs_secmsg.h"

/* Bounds and defaults (style rule 10). */
/* Messages leased at once.  Small on purpose: mmhs_queue_next_ready()
 * steps over leased entries, so its cost grows with the leases; the
 * rest of a backlog waits in the queue, in precedence order anyway. */
#define MTD_MAX_INFLIGHT	2000
#define MTD_DEST_CONN	8	/* connections per destination */
#define MTD_IDLE_SECS	5	/* idle connection kept for reuse */
#define MTD_DOWN_SECS	3	/* unreachable hop skipped for */
#define MTD_TICK_MS	1000	/* scheduler's idle re-check */
#define MTD_SHARE	10	/* 1 pick in N to a lower precedence */
#define MTD_REPLY_MAX	512	/* reply text kept per recipient */
#define MTD_LINE_MAX	4096	/* longest reply line accepted */
#define MTD_REPLY_LINES	100	/* lines of one multi-line reply */
#define MTD_CONNECT_TMOUT 30	/* seconds */
#define MTD_CMD_TMOUT	120
#define MTD_DATA_TMOUT	600
#define MTD_HDR_PEEK	8192	/* header octets read for Message-ID */
#define MTD_NPREC	(MMHS_PREC_MAX + 1)

struct mtd_dest;
struct mtd_conn;
struct bufferevent;

/* The outcome of one recipient in one attempt. */
struct mtd_result {
	int	rs_code;		/* SMTP reply code, 0: not tried */
	char	rs_text[MTD_REPLY_MAX];	/* whole reply, one line */
};

/* A leased message. */
struct mtd_msg {
	TAILQ_ENTRY(mtd_msg) m_link;
	char	m_id[MMHS_QUEUE_ID_LEN + 1];
	struct mmhs_queue_env *m_env;
	char	*m_msgid;		/* Message-ID or NULL */
	void	*m_data;		/* content, loaded for sending */
	size_t	m_len;
	int	m_8bit;
	int	m_njobs;		/* jobs not finished */
	int	m_started;		/* jobs handed to a connection */
	struct mtd_result *m_res;	/* per recipient of m_env */
	char	**m_rhop;	/* per recipient: hop that answered */
	unsigned char *m_rkind;		/* per recipient: MTD_K_* */
	struct mmhs_secmsg *m_sec;	/* label, once a hop asked */
	int	m_sec_rc;		/* 0, or -1: unreadable (m_sec_why) */
	char	*m_sec_why;
};

/* How a recipient's result came (for tracking and success DSNs). */
#define MTD_K_NONE	0
#define MTD_K_LMTP	1		/* delivered to a local agent */
#define MTD_K_SMTP	2		/* relayed, peer offered DSN */
#define MTD_K_SMTP_NODSN 3		/* relayed, peer without DSN */

/* The recipients of one message that share a route. */
struct mtd_job {
	TAILQ_ENTRY(mtd_job) j_link;
	struct mtd_msg *j_msg;
	size_t	*j_rcpt;		/* indexes into the envelope */
	size_t	j_nrcpt;
	char	**j_hops;		/* next hops, preferred first */
	size_t	j_nhops;
	size_t	j_hop;			/* the one being tried */
	char	*j_route;		/* route name for the log */
	enum mmhs_precedence j_prec;
	struct timespec j_queued;	/* for the order within a level */
};
TAILQ_HEAD(mtd_jobq, mtd_job);

/* Capabilities a peer announced. */
struct mtd_caps {
	int	c_pipelining;
	int	c_8bitmime;
	int	c_dsn;
	int	c_mtprio;
	int	c_size;
	unsigned long c_size_max;
};

/* A connection's address, from the hop's mmhsListen. */
struct mtd_addr {
	int	a_lmtp;
	char	a_host[256];
	int	a_port;
};

struct mtd_dest {
	TAILQ_ENTRY(mtd_dest) d_link;
	char	*d_dn;
	struct mtd_jobq d_jobs[MTD_NPREC];
	unsigned long d_njobs;
	int	d_nconn;		/* open or opening */
	int	d_nbusy;		/* carrying a job or opening */
	int	d_maxconn;
	time_t	d_down_until;
	char	d_down_why[MTD_REPLY_MAX];
	unsigned d_picks;
	TAILQ_HEAD(, mtd_conn) d_idle;
};

/* One client connection (mta_client.c drives it). */
struct mtd_conn {
	TAILQ_ENTRY(mtd_conn) c_link;	/* on d_idle while idle */
	TAILQ_ENTRY(mtd_conn) c_all;	/* on d_conns */
	struct mtd *c_d;
	struct mtd_dest *c_dest;
	struct mtd_addr c_addr;
	struct bufferevent *c_bev;
	struct event *c_idle;
	int	c_state;		/* MTC_S_* in mta_client.c */
	int	c_idle_now;
	int	c_used;			/* transactions done */
	struct mtd_caps c_caps;
	struct mtd_job *c_next;		/* claimed while connecting */
	struct mtd_job *c_job;		/* carried now */
	struct mtd_result *c_res;	/* per recipient of c_job */
	/* replies awaited, in order: MTC_R_* codes */
	int	*c_want;
	size_t	c_nwant, c_iwant, c_rcpt_i, c_accepted, c_data_i;
	char	c_reply[MTD_REPLY_MAX];	/* reply being read */
	int	c_rcode;
	int	c_rlines;
};

/* The delivery side's private state (struct mta's m_deliver). */
struct mtd {
	struct mta *d_mta;
	struct event *d_tick;
	struct event *d_pump;
	int	d_stopping;
	TAILQ_HEAD(, mtd_msg) d_msgs;
	unsigned long d_nmsgs;
	TAILQ_HEAD(, mtd_dest) d_dests;
	TAILQ_HEAD(, mtd_conn) d_conns;
	struct mta_routes *d_routes;
	unsigned long d_gen;		/* mta_dir_generation() seen */
	struct event *d_gencheck;
	unsigned d_warn[MTD_NPREC];	/* delay DSN after (seconds) */
	unsigned d_down_secs;
	int	d_maxconn;
	unsigned long d_max_inflight;
	struct mtd_rm *d_rm;		/* mta_deliver_rm.c */
};

/* mta_deliver.c */
void	mtd_job_done(struct mtd *d, struct mtd_job *j);
void	mtd_schedule(struct mtd *d);
void	mtd_pump_soon(struct mtd *d);

/* mta_deliver_dest.c */
struct mtd_dest *mtd_dest_get(struct mtd *d, const char *dn);
void	mtd_dest_add(struct mtd *d, struct mtd_job *j);
void	mtd_dest_conn_ready(struct mtd_conn *c);
void	mtd_dest_conn_failed(struct mtd_conn *c, const char *why,
	    int before_ready);
void	mtd_dest_conn_closed(struct mtd_conn *c);
void	mtd_dest_free_all(struct mtd *d);
int	mtd_dest_addr(struct mtd *d, const char *dn, struct mtd_addr *a,
	    char *err, size_t errlen);
void	mtd_job_free(struct mtd_job *j);
void	mtd_job_local_fail(struct mtd *d, struct mtd_job *j, int code,
	    const char *text);
int	mtd_job_start(struct mtd *d, struct mtd_job *j);
int	mtd_msg_load(struct mtd *d, struct mtd_msg *m, char *text,
	    size_t len);

/* mta_deliver_done.c */
void	mtd_done_message(struct mtd *d, struct mtd_msg *m);
void	mtd_track(struct mtd *d, const struct mtd_msg *m, size_t rcpt,
	    const char *event, const char *hop, const char *result);
void	mtd_conf_reload(struct mtd *d);

/* mta_deliver_sec.c: 0 when the job's current hop may carry its
 * message, else the reply code of its local failure and the text */
int	mtd_sec_hop(struct mtd *d, struct mtd_job *j, char *text, size_t len);
void	mtd_sec_free(struct mtd_msg *m);

/* mta_deliver_sec.c: 0 when the job's current hop may carry its
 * message, else the reply code of its local failure and the text */
int	mtd_sec_hop(struct mtd *d, struct mtd_job *j, char *text, size_t len);
void	mtd_sec_free(struct mtd_msg *m);

/* mta_deliver_rm.c */
void	mtd_rm_start(struct mtd *d);
void	mtd_rm_add(struct mtd *d, const char *id);
void	mtd_rm_stop(struct mtd *d);

/* mta_client.c */
struct mtd_conn *mtc_open(struct mtd *d, struct mtd_dest *dest,
	    const struct mtd_addr *a);
void	mtc_send(struct mtd_conn *c, struct mtd_job *j);
void	mtc_idle(struct mtd_conn *c, unsigned secs);
void	mtc_close(struct mtd_conn *c, int quit);

#endif
