/* mmhs_queue_sched.c - picking the next message, leases, statistics
 *
 * Purpose: the scheduler's view of the queue: which message to attempt
 * next, which are being attempted, and how deep the queue is.
 *
 * Interface: mmhs_queue_next_ready(), mmhs_queue_release(),
 * mmhs_queue_stats(), mmhs_queue_list() (mmhs_queue.h).
 *
 * The rule.  The ready database is ordered by precedence (highest
 * first) and then next attempt time, so the head of each precedence is
 * its longest-waiting due message; a pick looks at the six heads only
 * (plus any leased entries it skips).  Normally the highest due
 * precedence wins.  Anti-starvation by reserved share: when a pick
 * passes over a due message of lower precedence, it is counted; after
 * qo_share - 1 such picks in a row the next one takes the
 * longest-waiting due message among the lower precedences (on equal
 * times the higher precedence).  So a FLASH message waits for at most
 * one lower message per qo_share picks, and under a flood of FLASH the
 * lower precedences still get 1/qo_share of the picks, oldest first:
 * no message waits forever.  Aging (a waiting message counting as one
 * precedence higher after a while) was rejected: with a ROUTINE backlog
 * older than a few steps, a fresh FLASH message would queue behind it.
 *
 * Leases live in memory only: after a restart every message is due
 * again, which is what a crashed attempt needs.  One process owns the
 * queue's scheduling; others may read statistics.
 *
 * Error behaviour: LMDB failures are logged and returned; a record
 * that fails to decode is skipped by stats and list with a warning.
 */
#include "config.h"

#include <string.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mmhs_queue_int.h"

/* A due message at the head of one precedence. */
struct sched_head {
	int	sh_found;
	int64_t	sh_time;
	char	sh_id[MMHS_QUEUE_ID_LEN + 1];
};

/* sched_bucket - hash bucket of an id */
static unsigned
sched_bucket(const char *id)
{
	unsigned h = 5381;
	int	i;

	for (i = 0; i < MMHS_QUEUE_ID_LEN; i++)
		h = h * 33 + (unsigned char) id[i];
	return h % QUEUE_LEASE_BUCKETS;
}

/* sched_leased - 1 when id is leased (q_lease_lock held) */
static int
sched_leased(struct mmhs_queue *q, const char *id)
{
	struct mmhsq_lease *l;

	for (l = q->q_lease[sched_bucket(id)]; l != NULL; l = l->ql_next)
		if (memcmp(l->ql_id, id, MMHS_QUEUE_ID_LEN) == 0)
			return 1;
	return 0;
}

/* sched_lease - lease id (q_lease_lock held) */
static void
sched_lease(struct mmhs_queue *q, const char *id)
{
	struct mmhsq_lease *l = mmhs_calloc(1, sizeof(*l));
	unsigned b = sched_bucket(id);

	memcpy(l->ql_id, id, MMHS_QUEUE_ID_LEN);
	l->ql_next = q->q_lease[b];
	q->q_lease[b] = l;
}

/* mmhsq_lease_drop - end the lease of id, if any */
void
mmhsq_lease_drop(struct mmhs_queue *q, const char *id)
{
	struct mmhsq_lease **lp, *l;

	pthread_mutex_lock(&q->q_lease_lock);
	for (lp = &q->q_lease[sched_bucket(id)]; (l = *lp) != NULL;
	    lp = &l->ql_next)
		if (memcmp(l->ql_id, id, MMHS_QUEUE_ID_LEN) == 0) {
			*lp = l->ql_next;
			mmhs_free(l);
			break;
		}
	pthread_mutex_unlock(&q->q_lease_lock);
}

/* mmhsq_lease_free_all - drop every lease (close) */
void
mmhsq_lease_free_all(struct mmhs_queue *q)
{
	struct mmhsq_lease *l, *next;
	int	b;

	for (b = 0; b < QUEUE_LEASE_BUCKETS; b++) {
		for (l = q->q_lease[b]; l != NULL; l = next) {
			next = l->ql_next;
			mmhs_free(l);
		}
		q->q_lease[b] = NULL;
	}
}

/* mmhs_queue_release - the scheduler is done with id for now */
void
mmhs_queue_release(struct mmhs_queue *q, const char *id)
{
	if (mmhsq_id_valid(id))
		mmhsq_lease_drop(q, id);
}

/* sched_head - first unleased entry of precedence p; due or not */
static int
sched_head(struct mmhs_queue *q, MDB_cursor *c, int p, time_t now,
	struct sched_head *h, int64_t *when)
{
	unsigned char start[QUEUE_READY_LEN];
	const unsigned char *key;
	MDB_val	k = { sizeof(start), start };
	MDB_val	v;
	int64_t	t;
	int	rc;

	memset(start, 0, sizeof(start));
	start[0] = (unsigned char) (255 - p);
	for (rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE); rc == 0;
	    rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		key = k.mv_data;
		if (k.mv_size != QUEUE_READY_LEN || key[0] != 255 - p)
			break;
		if (sched_leased(q, (const char *) key + 9))
			continue;
		t = (int64_t) mmhsq_get64(key + 1);
		if (t > now) {
			if (*when == 0 || t < *when)
				*when = t;
			break;
		}
		h->sh_found = 1;
		h->sh_time = t;
		memcpy(h->sh_id, key + 9, MMHS_QUEUE_ID_LEN);
		h->sh_id[MMHS_QUEUE_ID_LEN] = 0;
		break;
	}
	if (rc != 0 && rc != MDB_NOTFOUND)
		return mmhsq_mdb_error("ready cursor", rc);
	return 0;
}

/* sched_choose - apply the reserved-share rule to the heads */
static int
sched_choose(struct mmhs_queue *q, const struct sched_head *h)
{
	int	p, top = -1, low = -1;

	for (p = MMHS_PREC_MAX; p >= MMHS_PREC_MIN; p--) {
		if (!h[p].sh_found)
			continue;
		if (top < 0)
			top = p;
		else if (low < 0 || h[p].sh_time < h[low].sh_time)
			low = p;
	}
	if (top < 0 || low < 0)
		return top;
	if (q->q_passed + 1 >= q->q_opts.qo_share) {
		q->q_passed = 0;
		return low;
	}
	q->q_passed++;
	return top;
}

/* mmhs_queue_next_ready - lease the message to attempt next */
int
mmhs_queue_next_ready(struct mmhs_queue *q, time_t now,
	char id[MMHS_QUEUE_ID_LEN + 1], time_t *when)
{
	struct sched_head h[MMHS_PREC_MAX + 1];
	MDB_txn	*txn = NULL;
	MDB_cursor *c;
	int64_t	next = 0;
	int	p, rc;

	memset(h, 0, sizeof(h));
	id[0] = 0;
	pthread_mutex_lock(&q->q_lease_lock);
	if ((rc = mdb_txn_begin(q->q_env, NULL, MDB_RDONLY, &txn)) != 0 ||
	    (rc = mdb_cursor_open(txn, q->q_ready, &c)) != 0) {
		if (txn != NULL && rc != 0)
			mdb_txn_abort(txn);
		pthread_mutex_unlock(&q->q_lease_lock);
		return mmhsq_mdb_error("ready scan", rc);
	}
	for (p = MMHS_PREC_MAX; p >= MMHS_PREC_MIN && rc == 0; p--)
		rc = sched_head(q, c, p, now, &h[p], &next);
	mdb_cursor_close(c);
	mdb_txn_abort(txn);
	if (rc == 0 && (p = sched_choose(q, h)) >= 0) {
		sched_lease(q, h[p].sh_id);
		memcpy(id, h[p].sh_id, MMHS_QUEUE_ID_LEN + 1);
		next = now;
	} else if (rc == 0)
		rc = MMHS_QUEUE_ENOENT;
	pthread_mutex_unlock(&q->q_lease_lock);
	if (when != NULL)
		*when = (time_t) next;
	return rc;
}

/* sched_count - add one message to the statistics */
static void
sched_count(struct mmhs_queue_stats *st, const struct mmhs_queue_env *e)
{
	size_t	i;

	st->qs_msgs[e->qe_prec]++;
	st->qs_bytes += e->qe_size;
	for (i = 0; i < e->qe_nrcpt; i++)
		st->qs_rcpts[e->qe_prec][e->qe_rcpt[i].qr_state]++;
}

/* sched_stats_fn - mmhs_queue_list callback of mmhs_queue_stats */
static int
sched_stats_fn(void *arg, const struct mmhs_queue_env *e)
{
	sched_count(arg, e);
	return 0;
}

/* mmhs_queue_stats - messages and recipients by precedence, state */
int
mmhs_queue_stats(struct mmhs_queue *q, struct mmhs_queue_stats *st)
{
	memset(st, 0, sizeof(*st));
	pthread_mutex_lock(&q->q_lock);
	st->qs_commits = q->q_ncommits;
	st->qs_ops = q->q_nops;
	pthread_mutex_unlock(&q->q_lock);
	return mmhs_queue_list(q, sched_stats_fn, st);
}

/* mmhs_queue_list - every message in id order, in one snapshot */
int
mmhs_queue_list(struct mmhs_queue *q,
	int (*fn)(void *arg, const struct mmhs_queue_env *env), void *arg)
{
	struct mmhs_queue_env *e;
	char	id[MMHS_QUEUE_ID_LEN + 1];
	MDB_txn	*txn = NULL;
	MDB_cursor *c;
	MDB_val	k, v;
	int	rc, stop = 0;

	if ((rc = mdb_txn_begin(q->q_env, NULL, MDB_RDONLY, &txn)) != 0 ||
	    (rc = mdb_cursor_open(txn, q->q_msg, &c)) != 0) {
		if (txn != NULL)
			mdb_txn_abort(txn);
		return mmhsq_mdb_error("list", rc);
	}
	for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0 && !stop;
	    rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		if (k.mv_size != MMHS_QUEUE_ID_LEN)
			continue;
		memcpy(id, k.mv_data, MMHS_QUEUE_ID_LEN);
		id[MMHS_QUEUE_ID_LEN] = 0;
		if (mmhsq_env_load(q, txn, id, &e, NULL) != 0) {
			mmhs_warn("queue: %s: skipped in list", id);
			continue;
		}
		stop = fn(arg, e);
		mmhs_queue_env_free(e);
	}
	mdb_cursor_close(c);
	mdb_txn_abort(txn);
	return rc == 0 || rc == MDB_NOTFOUND ? 0 :
	    mmhsq_mdb_error("list cursor", rc);
}
