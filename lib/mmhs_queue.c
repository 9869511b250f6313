/* mmhs_queue.c - durable queue: environment, policy and group commit
 *
 * Purpose: open the LMDB environment of a spool directory, hand out
 * queue ids, hold the retry policy per precedence, and run group
 * commit for every change of the queue.
 *
 * Interface: mmhs_queue.h (open, close, policy, back-off, pump);
 * mmhsq_submit() for the other mmhs_queue_*.c files.
 *
 * Group commit.  A change is a struct mmhsq_op appended to one list.
 * Whoever commits (a thread in a synchronous call finding no commit
 * running, or mmhs_queue_pump()) takes the whole list, applies it in
 * one write transaction, commits, and only then marks the ops done and
 * runs the callbacks.  While one commit (and its fsyncs) runs, new ops
 * gather for the next, so the group size follows the load without a
 * timer: one thread pays one commit per op, a hundred share commits.
 * Asynchronous ops wait for a pump (an event loop calls it on a timer
 * of mmhs_queue_pump_timeout() ms) or for any synchronous caller.
 *
 * Durability.  The environment is opened without MDB_NOSYNC and
 * without MDB_NOMETASYNC: LMDB's commit writes the data pages, syncs,
 * writes the meta page and syncs again, so a power cut leaves either
 * the old or the new state.  NOSYNC plus one mdb_env_sync() per group
 * would save one sync but lets the meta page reach the disk before the
 * pages it points to; NOMETASYNC loses the last commit on power loss,
 * after its 250 was sent.  Both are refused; the cost is paid once per
 * group, not per message.
 *
 * Content is stored in LMDB in chunks (qo_chunk octets), not in files:
 * the message and its envelope then commit together, nothing
 * half-written is ever visible, recovery is LMDB's own, and one sync
 * covers a whole group where files need a sync each plus a directory
 * sync (tests/bench/queue.sh measures both).
 *
 * Error behaviour: when the group's transaction fails, each op is
 * retried in a transaction of its own, so that one message too large
 * for the map fails alone (MMHS_QUEUE_EFULL) and the others commit.
 * Ops are validated before they are queued and check before they
 * write, so a refused op (unknown id, busy remove) writes nothing.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mmhs_queue_int.h"

/*
 * Default retry policy: FLASH and above retry within a minute or two
 * and give up in hours, ROUTINE backs off to an hour and lives five
 * days (Postfix's maximal_queue_lifetime).  The MTA overrides these
 * from the directory.
 */
static const struct mmhs_queue_policy mmhsq_def_policy[] = {
	/* deferred */	{ 600, 4 * 3600, 5 * 86400 },
	/* routine */	{ 300, 3600, 5 * 86400 },
	/* priority */	{ 120, 1800, 2 * 86400 },
	/* immediate */	{ 60, 600, 86400 },
	/* flash */	{ 30, 120, 4 * 3600 },
	/* override */	{ 15, 60, 4 * 3600 },
};

/* mmhs_queue_strerror - text of an MMHS_QUEUE_E* code */
const char *
mmhs_queue_strerror(int err)
{
	switch (err) {
	case 0:
		return "success";
	case MMHS_QUEUE_ENOENT:
		return "no such message";
	case MMHS_QUEUE_EINVAL:
		return "invalid argument";
	case MMHS_QUEUE_EFULL:
		return "queue full";
	case MMHS_QUEUE_EIO:
		return "queue I/O error";
	case MMHS_QUEUE_EBUSY:
		return "recipients not final";
	case MMHS_QUEUE_ECORRUPT:
		return "corrupt queue record";
	}
	return "unknown queue error";
}

/* mmhsq_opts_default - fill the options left 0 */
static void
mmhsq_opts_default(struct mmhs_queue_opts *o)
{
	if (o->qo_mapsize == 0)
		o->qo_mapsize = MMHS_QUEUE_DEF_MAPSIZE;
	if (o->qo_group_max == 0)
		o->qo_group_max = MMHS_QUEUE_DEF_GROUP_MAX;
	if (o->qo_group_ms == 0)
		o->qo_group_ms = MMHS_QUEUE_DEF_GROUP_MS;
	if (o->qo_share == 0)
		o->qo_share = MMHS_QUEUE_DEF_SHARE;
	if (o->qo_chunk == 0)
		o->qo_chunk = MMHS_QUEUE_DEF_CHUNK;
}

/* mmhsq_open_dbs - open (create) the databases, read the last id */
static int
mmhsq_open_dbs(struct mmhs_queue *q)
{
	static const char *const names[] = {
		"msg", "rcpt", "data", "ready", "meta"
	};
	MDB_dbi	*dbis[] = {
		&q->q_msg, &q->q_rcpt, &q->q_data, &q->q_ready, &q->q_meta
	};
	MDB_txn	*txn;
	MDB_val	k = { 6, "lastid" };
	MDB_val	v;
	size_t	i;
	int	rc;

	if ((rc = mdb_txn_begin(q->q_env, NULL, 0, &txn)) != 0)
		return mmhsq_mdb_error("begin", rc);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if ((rc = mdb_dbi_open(txn, names[i], MDB_CREATE,
		    dbis[i])) != 0) {
			mdb_txn_abort(txn);
			return mmhsq_mdb_error(names[i], rc);
		}
	if (mdb_get(txn, q->q_meta, &k, &v) == 0 && v.mv_size == 8)
		q->q_lastid = mmhsq_get64(v.mv_data);
	if ((rc = mdb_txn_commit(txn)) != 0)
		return mmhsq_mdb_error("commit", rc);
	return 0;
}

/* mmhs_queue_open - open the queue in o->qo_dir */
int
mmhs_queue_open(struct mmhs_queue **qp, const struct mmhs_queue_opts *o)
{
	struct mmhs_queue *q;
	int	rc, dead, p;

	*qp = NULL;
	if (o == NULL || o->qo_dir == NULL)
		return MMHS_QUEUE_EINVAL;
	q = mmhs_calloc(1, sizeof(*q));
	q->q_opts = *o;
	mmhsq_opts_default(&q->q_opts);
	q->q_opts.qo_dir = NULL;
	for (p = MMHS_PREC_MIN; p <= MMHS_PREC_MAX; p++)
		q->q_policy[p] = mmhsq_def_policy[p];
	q->q_tail = &q->q_head;
	pthread_mutex_init(&q->q_lock, NULL);
	pthread_cond_init(&q->q_cond, NULL);
	pthread_mutex_init(&q->q_lease_lock, NULL);
	if ((rc = mdb_env_create(&q->q_env)) != 0 ||
	    (rc = mdb_env_set_mapsize(q->q_env, q->q_opts.qo_mapsize)) != 0 ||
	    (rc = mdb_env_set_maxdbs(q->q_env, 8)) != 0 ||
	    (rc = mdb_env_set_maxreaders(q->q_env, 1024)) != 0 ||
	    (rc = mdb_env_open(q->q_env, o->qo_dir, MDB_NOTLS, 0600)) != 0) {
		mmhs_warn("queue: open %s: %s", o->qo_dir, mdb_strerror(rc));
		mmhs_queue_close(q);
		return rc == ENOENT || rc == EACCES ? MMHS_QUEUE_EINVAL :
		    MMHS_QUEUE_EIO;
	}
	/* A killed process leaves its reader slots; free them. */
	(void) mdb_reader_check(q->q_env, &dead);
	if ((rc = mmhsq_open_dbs(q)) != 0) {
		mmhs_queue_close(q);
		return rc;
	}
	*qp = q;
	return 0;
}

/* mmhs_queue_close - commit what waits, release everything */
void
mmhs_queue_close(struct mmhs_queue *q)
{
	if (q == NULL)
		return;
	if (q->q_env != NULL) {
		if (q->q_head != NULL)
			(void) mmhs_queue_pump(q, 1);
		mdb_env_close(q->q_env);
	}
	mmhsq_lease_free_all(q);
	pthread_mutex_destroy(&q->q_lock);
	pthread_cond_destroy(&q->q_cond);
	pthread_mutex_destroy(&q->q_lease_lock);
	mmhs_free(q);
}

/* mmhs_queue_set_policy - replace the retry policy of a precedence */
void
mmhs_queue_set_policy(struct mmhs_queue *q, enum mmhs_precedence p,
	const struct mmhs_queue_policy *pol)
{
	if (!mmhs_precedence_valid(p) || pol == NULL)
		return;
	pthread_mutex_lock(&q->q_lock);
	q->q_policy[p] = *pol;
	pthread_mutex_unlock(&q->q_lock);
}

/* mmhs_queue_get_policy - current retry policy of a precedence */
void
mmhs_queue_get_policy(struct mmhs_queue *q, enum mmhs_precedence p,
	struct mmhs_queue_policy *pol)
{
	if (!mmhs_precedence_valid(p))
		p = MMHS_PREC_ROUTINE;
	pthread_mutex_lock(&q->q_lock);
	*pol = q->q_policy[p];
	pthread_mutex_unlock(&q->q_lock);
}

/* mmhs_queue_backoff - min * 2^(attempts-1), capped at max */
unsigned
mmhs_queue_backoff(const struct mmhs_queue_policy *pol, unsigned attempts)
{
	unsigned long d = pol->qp_retry_min;
	unsigned i;

	for (i = 1; i < attempts && d < pol->qp_retry_max; i++)
		d *= 2;
	if (d > pol->qp_retry_max)
		d = pol->qp_retry_max;
	return (unsigned) d;
}

/* mmhsq_now_us - wall clock in microseconds */
static uint64_t
mmhsq_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t) ts.tv_sec * 1000000 + (uint64_t) ts.tv_nsec / 1000;
}

/*
 * mmhsq_new_id - unique id that sorts in arrival order: microseconds
 * since the epoch, bumped past the last one handed out (the clock may
 * step back; the last id survives restarts in the meta database).
 * Called with q_lock held.
 */
void
mmhsq_new_id(struct mmhs_queue *q, char *id)
{
	uint64_t now = mmhsq_now_us();

	q->q_lastid = now > q->q_lastid ? now : q->q_lastid + 1;
	snprintf(id, MMHS_QUEUE_ID_LEN + 1, "%016llX",
	    (unsigned long long) q->q_lastid);
}

/* mmhsq_op_new - an empty op */
struct mmhsq_op *
mmhsq_op_new(void)
{
	struct mmhsq_op *op = mmhs_calloc(1, sizeof(*op));

	clock_gettime(CLOCK_MONOTONIC, &op->op_t0);
	return op;
}

/* mmhsq_op_free - release an op and what it owns */
void
mmhsq_op_free(struct mmhsq_op *op)
{
	size_t	i;

	if (!op->op_borrowed) {
		if (op->op_env != NULL)
			mmhs_queue_env_free(op->op_env);
		mmhs_free(op->op_data);
	}
	for (i = 0; op->op_marks != NULL && i < op->op_nmarks; i++)
		mmhs_free((void *) op->op_marks[i].qm_status);
	mmhs_free(op->op_marks);
	mmhs_free(op);
}

/* mmhsq_txn_run - apply ops in one transaction and commit it */
static int
mmhsq_txn_run(struct mmhs_queue *q, struct mmhsq_op *ops, int one)
{
	unsigned char lastid[8];
	MDB_val	k = { 6, "lastid" };
	MDB_val	v = { sizeof(lastid), lastid };
	MDB_txn	*txn;
	struct mmhsq_op *op;
	int	rc;

	if ((rc = mdb_txn_begin(q->q_env, NULL, 0, &txn)) != 0)
		return mmhsq_mdb_error("begin", rc);
	for (op = ops; op != NULL; op = one ? NULL : op->op_next) {
		op->op_status = op->op_apply(q, txn, op);
		if (op->op_status == MMHS_QUEUE_EFULL ||
		    op->op_status == MMHS_QUEUE_EIO ||
		    op->op_status == MMHS_QUEUE_ECORRUPT) {
			mdb_txn_abort(txn);
			return op->op_status;
		}
	}
	pthread_mutex_lock(&q->q_lock);
	mmhsq_put64(lastid, q->q_lastid);
	pthread_mutex_unlock(&q->q_lock);
	if ((rc = mdb_put(txn, q->q_meta, &k, &v, 0)) != 0) {
		mdb_txn_abort(txn);
		return mmhsq_mdb_error("put lastid", rc);
	}
	if ((rc = mdb_txn_commit(txn)) != 0)
		return mmhsq_mdb_error("commit", rc);
	return 0;
}

/* mmhsq_commit_list - commit a taken list; ops get their status */
static void
mmhsq_commit_list(struct mmhs_queue *q, struct mmhsq_op *ops)
{
	struct mmhsq_op *op;
	int	rc;

	if ((rc = mmhsq_txn_run(q, ops, 0)) == 0)
		return;
	if (ops->op_next == NULL) {
		ops->op_status = rc;
		return;
	}
	/* Isolate the op that failed: each alone. */
	for (op = ops; op != NULL; op = op->op_next)
		if ((rc = mmhsq_txn_run(q, op, 1)) != 0)
			op->op_status = rc;
}

/*
 * mmhsq_lead - with q_lock held and no commit running: take the list
 * (one op in per-op mode), commit it, wake the waiters, run callbacks.
 * Returns with q_lock held and the number of ops committed.
 */
static int
mmhsq_lead(struct mmhs_queue *q)
{
	struct mmhsq_op *ops = q->q_head, *op, *next;
	struct mmhsq_op *async = NULL, **atail = &async;
	int	n = 0;

	if (ops == NULL)
		return 0;
	if (q->q_opts.qo_per_op_commit) {
		q->q_head = ops->op_next;
		ops->op_next = NULL;
	} else
		q->q_head = NULL;
	if (q->q_head == NULL)
		q->q_tail = &q->q_head;
	q->q_committing = 1;
	pthread_mutex_unlock(&q->q_lock);
	mmhsq_commit_list(q, ops);
	pthread_mutex_lock(&q->q_lock);
	/* A waiter frees its op once it sees op_done (after we unlock):
	 * keep only the async ops, which are ours. */
	for (op = ops; op != NULL; op = next) {
		next = op->op_next;
		q->q_npending--;
		n++;
		if (op->op_sync)
			op->op_done = 1;
		else {
			op->op_next = NULL;
			*atail = op;
			atail = &op->op_next;
		}
	}
	q->q_committing = 0;
	q->q_ncommits++;
	q->q_nops += n;
	pthread_cond_broadcast(&q->q_cond);
	pthread_mutex_unlock(&q->q_lock);
	for (op = async; op != NULL; op = next) {
		next = op->op_next;
		if (op->op_cb != NULL)
			op->op_cb(op->op_arg, op->op_status, op->op_id);
		mmhsq_op_free(op);
	}
	pthread_mutex_lock(&q->q_lock);
	return n;
}

/*
 * mmhsq_submit - queue op.  Synchronous ops (op_sync) return their
 * status after their commit, leading a commit when none runs; others
 * return 0 at once and belong to the queue from then on.
 */
int
mmhsq_submit(struct mmhs_queue *q, struct mmhsq_op *op)
{
	int	status;

	pthread_mutex_lock(&q->q_lock);
	op->op_next = NULL;
	*q->q_tail = op;
	q->q_tail = &op->op_next;
	q->q_npending++;
	if (!op->op_sync) {
		pthread_mutex_unlock(&q->q_lock);
		return 0;
	}
	while (!op->op_done) {
		if (!q->q_committing)
			(void) mmhsq_lead(q);
		else
			pthread_cond_wait(&q->q_cond, &q->q_lock);
	}
	pthread_mutex_unlock(&q->q_lock);
	status = op->op_status;
	mmhsq_op_free(op);
	return status;
}

/* mmhsq_age_ms - milliseconds since t0 (monotonic) */
static long
mmhsq_age_ms(const struct timespec *t0)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t0->tv_sec) * 1000 +
	    (now.tv_nsec - t0->tv_nsec) / 1000000;
}

/* mmhs_queue_pump_timeout - ms until the pump is due, -1: idle */
int
mmhs_queue_pump_timeout(struct mmhs_queue *q)
{
	long	left;

	pthread_mutex_lock(&q->q_lock);
	if (q->q_head == NULL)
		left = -1;
	else if (q->q_npending >= q->q_opts.qo_group_max)
		left = 0;
	else {
		left = (long) q->q_opts.qo_group_ms -
		    mmhsq_age_ms(&q->q_head->op_t0);
		if (left < 0)
			left = 0;
	}
	pthread_mutex_unlock(&q->q_lock);
	return (int) left;
}

/* mmhs_queue_pump - commit waiting async ops when due (or force) */
int
mmhs_queue_pump(struct mmhs_queue *q, int force)
{
	int	n = 0;

	pthread_mutex_lock(&q->q_lock);
	if (!force && q->q_head != NULL &&
	    q->q_npending < q->q_opts.qo_group_max &&
	    mmhsq_age_ms(&q->q_head->op_t0) < (long) q->q_opts.qo_group_ms) {
		pthread_mutex_unlock(&q->q_lock);
		return 0;
	}
	while (q->q_head != NULL) {
		if (q->q_committing)
			pthread_cond_wait(&q->q_cond, &q->q_lock);
		else
			n += mmhsq_lead(q);
	}
	pthread_mutex_unlock(&q->q_lock);
	return n;
}
