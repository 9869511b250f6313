/* mmhs_queue.h - durable message queue in LMDB, ordered by precedence */
#ifndef MMHS_QUEUE_H
#define MMHS_QUEUE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "mmhs_dsn.h"
#include "mmhs_precedence.h"

/*
 * One queue is one LMDB environment in a spool directory.  A message is
 * an envelope (return path, DSN parameters, precedence, MT-PRIORITY,
 * times, recipients with their delivery state) and its content; both
 * are written in one transaction, so after a crash a message is either
 * complete or absent.
 *
 * Every change (put, recipient marks, remove) goes through group
 * commit: operations from any number of threads, or from one event loop
 * with many sessions, are applied in one write transaction that is
 * synced to disk once.  A synchronous call returns, and an asynchronous
 * call's callback runs, only after that sync returned: the MTA answers
 * 250 from there.
 *
 * Scheduling: mmhs_queue_next_ready() hands out the due message of the
 * highest precedence, oldest first within a precedence, and leases it
 * in memory until mmhs_queue_release().  Anti-starvation by reserved
 * share: every qo_share-th pick goes to the longest-waiting due message
 * below the highest due precedence, so a FLASH message waits for at
 * most one lower message however large the ROUTINE backlog, and a
 * ROUTINE message is served within a bounded number of picks.
 *
 * Return values: 0 (or a count) on success, else a negative
 * MMHS_QUEUE_E* code; mmhs_queue_strerror() names it.  Environment
 * failures are also logged with mmhs_warn().  Times are seconds since
 * the epoch (time_t); functions that schedule take "now" so that a
 * caller (and a test) decides the clock.
 */

/* Error codes. */
#define MMHS_QUEUE_ENOENT	(-1)	/* no such message / nothing due */
#define MMHS_QUEUE_EINVAL	(-2)	/* bad argument or envelope */
#define MMHS_QUEUE_EFULL	(-3)	/* map size reached: answer 452 */
#define MMHS_QUEUE_EIO		(-4)	/* LMDB or system error */
#define MMHS_QUEUE_EBUSY	(-5)	/* remove: recipients not final */
#define MMHS_QUEUE_ECORRUPT	(-6)	/* a record failed to decode */

/* Bounds (style rule 10: bound every input). */
#define MMHS_QUEUE_ID_LEN	16	/* hex digits of a queue id */
#define MMHS_QUEUE_MAX_RCPT	10000	/* recipients per message */
#define MMHS_QUEUE_MAX_ADDR	1024	/* address, ORCPT, ENVID */
#define MMHS_QUEUE_MAX_STATUS	1024	/* last status text */
/* Content octets. */
#define MMHS_QUEUE_MAX_SIZE	((size_t)256 << 20)

/* Defaults for struct mmhs_queue_opts fields left 0. */
#define MMHS_QUEUE_DEF_MAPSIZE	((size_t)4 << 30)
#define MMHS_QUEUE_DEF_GROUP_MAX	256	/* ops per async group */
#define MMHS_QUEUE_DEF_GROUP_MS	5	/* max wait of an async op */
#define MMHS_QUEUE_DEF_SHARE	10	/* 1 pick in 10 to lower */
#define MMHS_QUEUE_DEF_CHUNK	(64 * 1024)	/* content chunk */

/* Recipient states; DELIVERED and FAILED are final. */
enum mmhs_queue_rstate {
	MMHS_RCPT_PENDING = 0,		/* never tried */
	MMHS_RCPT_DEFERRED = 1,		/* tried, will retry */
	MMHS_RCPT_DELIVERED = 2,
	MMHS_RCPT_FAILED = 3
};
#define MMHS_RCPT_NSTATES	4

/* RFC 3461 NOTIFY flags (0: parameter absent) and RET. */
#define MMHS_NOTIFY_NEVER	0x1
#define MMHS_NOTIFY_SUCCESS	0x2
#define MMHS_NOTIFY_FAILURE	0x4
#define MMHS_NOTIFY_DELAY	0x8

/* "No MT-PRIORITY parameter was received." */
#define MMHS_QUEUE_NO_MT_PRIORITY	MMHS_MT_PRIORITY_INVALID

struct mmhs_queue_rcpt {
	char	*qr_addr;		/* forward path, required */
	char	*qr_orcpt;		/* RFC 3461 ORCPT or NULL */
	unsigned qr_notify;		/* MMHS_NOTIFY_* */
	enum mmhs_queue_rstate qr_state;	/* put: must be PENDING */
	unsigned qr_attempts;
	time_t	qr_next;		/* next try; put: 0 = arrival */
	char	*qr_status;		/* last status text or NULL */
};

struct mmhs_queue_env {
	char	qe_id[MMHS_QUEUE_ID_LEN + 1];	/* set by put */
	char	*qe_sender;		/* return path, "" for <> */
	char	*qe_envid;		/* RFC 3461 ENVID or NULL */
	enum mmhs_dsn_ret qe_ret;
	size_t	qe_size;		/* content octets, set by put */
	enum mmhs_precedence qe_prec;
	int	qe_mt_priority;		/* as received, or none */
	time_t	qe_arrival;		/* put: 0 = now */
	time_t	qe_expiry;		/* put: 0 = arrival + policy */
	size_t	qe_nrcpt;
	struct mmhs_queue_rcpt *qe_rcpt;
};

/* Retry policy of one precedence: exponential from min to max. */
struct mmhs_queue_policy {
	unsigned qp_retry_min;		/* seconds after first failure */
	unsigned qp_retry_max;		/* ceiling of the back-off */
	unsigned qp_expiry;		/* lifetime from arrival */
};

struct mmhs_queue_opts {
	const char *qo_dir;		/* spool directory, must exist */
	size_t	qo_mapsize;		/* LMDB map: max queue bytes */
	unsigned qo_group_max;		/* pump: commit at so many ops */
	unsigned qo_group_ms;		/* or when the oldest waited */
	unsigned qo_share;		/* anti-starvation: 1 pick in N */
	unsigned qo_chunk;		/* content chunk size */
	int	qo_per_op_commit;	/* bench only: no group commit */
};

/* One recipient result for mmhs_queue_mark(). */
struct mmhs_queue_mark {
	size_t	qm_rcpt;		/* index into qe_rcpt */
	enum mmhs_queue_rstate qm_state;	/* DELIVERED DEFERRED FAILED */
	const char *qm_status;		/* status text, may be NULL */
	time_t	qm_next;		/* DEFERRED: 0 = by policy */
};

/* Statistics for status reports and queue depth. */
struct mmhs_queue_stats {
	unsigned long qs_msgs[MMHS_PREC_MAX + 1];
	unsigned long qs_rcpts[MMHS_PREC_MAX + 1][MMHS_RCPT_NSTATES];
	unsigned long qs_bytes;
	unsigned long qs_commits;	/* since open: group commits ... */
	unsigned long qs_ops;		/* ... and the ops they carried */
};

struct mmhs_queue;

/*
 * Completion of an asynchronous operation, called after the commit
 * (and its sync) returned, in the thread that ran the commit.  status:
 * put 0, mark the number of recipients not yet final, or an error.
 */
typedef void (*mmhs_queue_cb)(void *arg, int status, const char *id);

const char *mmhs_queue_strerror(int err);

/* Open (creating if needed) the queue; opts NULL fields get defaults. */
int mmhs_queue_open(struct mmhs_queue **qp, const struct mmhs_queue_opts *o);
/* Commit what is pending, then close. */
void mmhs_queue_close(struct mmhs_queue *q);

/* Policy per precedence; defaults in mmhs_queue.c. */
void mmhs_queue_set_policy(struct mmhs_queue *q, enum mmhs_precedence p,
	const struct mmhs_queue_policy *pol);
void mmhs_queue_get_policy(struct mmhs_queue *q, enum mmhs_precedence p,
	struct mmhs_queue_policy *pol);
/* Delay before attempt number attempts+1 after attempts failures. */
unsigned mmhs_queue_backoff(const struct mmhs_queue_policy *pol,
	unsigned attempts);

/*
 * Store a message durably.  The queue copies env and data; on success
 * env->qe_id, qe_size and the defaulted times are filled in.  The sync
 * form blocks until committed (sharing the commit with concurrent
 * callers); the async form returns at once and calls cb later (from
 * mmhs_queue_pump() or a concurrent synchronous call).
 */
int mmhs_queue_put(struct mmhs_queue *q, struct mmhs_queue_env *env,
	const void *data, size_t len);
int mmhs_queue_put_async(struct mmhs_queue *q,
	const struct mmhs_queue_env *env, const void *data, size_t len,
	mmhs_queue_cb cb, void *arg);

/*
 * Commit the pending asynchronous operations when qo_group_max are
 * waiting or the oldest waited qo_group_ms, or at once when force.
 * Returns the number committed.  mmhs_queue_pump_timeout(): ms until a
 * pump is due, -1 when nothing waits (for the event loop's timer).
 */
int mmhs_queue_pump(struct mmhs_queue *q, int force);
int mmhs_queue_pump_timeout(struct mmhs_queue *q);

/* Envelope of a message (free with mmhs_queue_env_free). */
int mmhs_queue_get(struct mmhs_queue *q, const char *id,
	struct mmhs_queue_env **envp);
void mmhs_queue_env_free(struct mmhs_queue_env *env);
/* Read content from offset off; *got = 0 at the end. */
int mmhs_queue_read(struct mmhs_queue *q, const char *id, size_t off,
	void *buf, size_t len, size_t *got);
/* Whole content in one allocation (free with mmhs_free). */
int mmhs_queue_content(struct mmhs_queue *q, const char *id, void **data,
	size_t *len);

/*
 * The next due message not leased (see above); leases it.  Returns 0
 * and the id, or MMHS_QUEUE_ENOENT when nothing unleased is due; then
 * *when (may be NULL) receives the earliest future attempt of an
 * unleased message, 0 when there is none, and the scheduler sleeps
 * until then (or until a put).  On success *when is now.  A lease ends
 * with mmhs_queue_release() (or remove); leases are in memory, so
 * after a restart every message is due again.
 */
int mmhs_queue_next_ready(struct mmhs_queue *q, time_t now,
	char id[MMHS_QUEUE_ID_LEN + 1], time_t *when);
void mmhs_queue_release(struct mmhs_queue *q, const char *id);

/*
 * Record delivery results of some recipients in one commit.  DEFERRED
 * counts an attempt and schedules the next by the precedence's policy
 * (or qm_next); a recipient whose next attempt would fall after the
 * message's expiry becomes FAILED with "expired" prefixed to its
 * status, so the MTA sends its DSN.  Returns the number of recipients
 * not yet final, or an error.
 */
int mmhs_queue_mark(struct mmhs_queue *q, const char *id,
	const struct mmhs_queue_mark *m, size_t n, time_t now);
int mmhs_queue_mark_async(struct mmhs_queue *q, const char *id,
	const struct mmhs_queue_mark *m, size_t n, time_t now,
	mmhs_queue_cb cb, void *arg);

/* Remove a message; MMHS_QUEUE_EBUSY unless all recipients are final
 * or force is set. */
int mmhs_queue_remove(struct mmhs_queue *q, const char *id, int force);

/* Queue depth by precedence and recipient state. */
int mmhs_queue_stats(struct mmhs_queue *q, struct mmhs_queue_stats *st);
/* Call fn for every message in id (arrival) order; fn returns non-zero
 * to stop.  The envelope is valid only during the call. */
int mmhs_queue_list(struct mmhs_queue *q,
	int (*fn)(void *arg, const struct mmhs_queue_env *env), void *arg);

#endif
