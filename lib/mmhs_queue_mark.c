/* mmhs_queue_mark.c - delivery results, retry schedule, removal
 *
 * Purpose: record what happened to recipients (delivered, deferred,
 * failed), schedule retries by the precedence's back-off, turn a retry
 * past the message's expiry into a failure, and remove messages.
 *
 * Interface: mmhs_queue_mark(), mmhs_queue_mark_async(),
 * mmhs_queue_remove() (mmhs_queue.h).
 *
 * Semantics: a final recipient (delivered or failed) stays final: a
 * later mark of it is ignored, so a duplicate report after a retry
 * race cannot resurrect it.  Every mark of a non-final recipient counts
 * an attempt.  The message's ready key moves to the earliest next
 * attempt of its non-final recipients, and disappears when none is
 * left; the message itself stays until mmhs_queue_remove(), so that
 * the MTA can still read it to write the DSN.
 *
 * Error behaviour: unknown id MMHS_QUEUE_ENOENT, a recipient index or
 * state out of range MMHS_QUEUE_EINVAL, both before anything is
 * written; environment failures as in mmhs_queue.c.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mmhs_queue_int.h"

#define MARK_EXPIRED	"expired: "

/* mark_final - 1 for the two states that end a recipient */
static int
mark_final(enum mmhs_queue_rstate s)
{
	return s == MMHS_RCPT_DELIVERED || s == MMHS_RCPT_FAILED;
}

/* mark_set_status - replace the last status text (bounded) */
static void
mark_set_status(struct mmhs_queue_rcpt *r, const char *prefix,
	const char *status)
{
	size_t	len;

	mmhs_free(r->qr_status);
	r->qr_status = NULL;
	if (status == NULL && prefix == NULL)
		return;
	len = strlen(prefix ? prefix : "") + strlen(status ? status : "");
	if (len > MMHS_QUEUE_MAX_STATUS)
		len = MMHS_QUEUE_MAX_STATUS;
	r->qr_status = mmhs_malloc(len + 1);
	snprintf(r->qr_status, len + 1, "%s%s", prefix ? prefix : "",
	    status ? status : "");
}

/* mark_one - apply one result to recipient r */
static void
mark_one(const struct mmhs_queue_policy *pol, const struct mmhsq_msg *m,
	struct mmhs_queue_rcpt *r, const struct mmhs_queue_mark *mk,
	time_t now)
{
	time_t	next;

	r->qr_attempts++;
	if (mk->qm_state != MMHS_RCPT_DEFERRED) {
		r->qr_state = mk->qm_state;
		mark_set_status(r, NULL, mk->qm_status);
		return;
	}
	next = mk->qm_next ? mk->qm_next :
	    now + (time_t) mmhs_queue_backoff(pol, r->qr_attempts);
	if (next > m->qm_expiry) {
		r->qr_state = MMHS_RCPT_FAILED;
		mark_set_status(r, MARK_EXPIRED, mk->qm_status);
		return;
	}
	r->qr_state = MMHS_RCPT_DEFERRED;
	r->qr_next = next;
	mark_set_status(r, NULL, mk->qm_status);
}

/* mark_rescan - non-final count and their earliest next attempt */
static int
mark_rescan(struct mmhs_queue *q, MDB_txn *txn, const char *id,
	uint32_t nrcpt, int64_t *ready)
{
	struct mmhs_queue_rcpt r;
	uint32_t i;
	int	rc, left = 0;

	*ready = -1;
	for (i = 0; i < nrcpt; i++) {
		if ((rc = mmhsq_rcpt_read(txn, q->q_rcpt, id, i, &r)) != 0)
			return rc;
		if (!mark_final(r.qr_state)) {
			left++;
			if (*ready < 0 || r.qr_next < *ready)
				*ready = r.qr_next;
		}
		mmhsq_rcpt_clear(&r);
	}
	return left;
}

/* mark_move_ready - replace the message's ready key */
static int
mark_move_ready(struct mmhs_queue *q, MDB_txn *txn, const char *id,
	struct mmhsq_msg *m, int64_t ready)
{
	unsigned char rk[QUEUE_READY_LEN];
	MDB_val	k = { sizeof(rk), rk };
	MDB_val	v = { 0, "" };
	int	rc;

	if (m->qm_ready >= 0) {
		mmhsq_readykey(rk, m->qm_prec, m->qm_ready, id);
		rc = mdb_del(txn, q->q_ready, &k, NULL);
		if (rc != 0 && rc != MDB_NOTFOUND)
			return mmhsq_mdb_error("del ready", rc);
	}
	m->qm_ready = ready;
	if (ready < 0)
		return 0;
	mmhsq_readykey(rk, m->qm_prec, ready, id);
	if ((rc = mdb_put(txn, q->q_ready, &k, &v, 0)) != 0)
		return mmhsq_mdb_error("put ready", rc);
	return 0;
}

/* mark_apply - the marks of one op inside the group's transaction */
static int
mark_apply(struct mmhs_queue *q, MDB_txn *txn, struct mmhsq_op *op)
{
	struct mmhs_queue_policy pol;
	struct mmhs_queue_rcpt r;
	struct mmhsq_msg m;
	int64_t	ready;
	size_t	i;
	int	rc, left;

	if ((rc = mmhsq_msg_read(txn, q->q_msg, op->op_id, &m)) != 0)
		return rc;
	for (i = 0; i < op->op_nmarks; i++)
		if (op->op_marks[i].qm_rcpt >= m.qm_nrcpt) {
			mmhsq_msg_free(&m);
			return MMHS_QUEUE_EINVAL;
		}
	mmhs_queue_get_policy(q, m.qm_prec, &pol);
	for (i = 0; i < op->op_nmarks; i++) {
		rc = mmhsq_rcpt_read(txn, q->q_rcpt, op->op_id,
		    (uint32_t) op->op_marks[i].qm_rcpt, &r);
		if (rc == 0 && !mark_final(r.qr_state)) {
			mark_one(&pol, &m, &r, &op->op_marks[i], op->op_now);
			rc = mmhsq_rcpt_write(txn, q->q_rcpt, op->op_id,
			    (uint32_t) op->op_marks[i].qm_rcpt, &r);
		}
		mmhsq_rcpt_clear(&r);
		if (rc != 0)
			goto done;
	}
	if ((left = mark_rescan(q, txn, op->op_id, m.qm_nrcpt, &ready)) < 0) {
		rc = left;
		goto done;
	}
	if ((rc = mark_move_ready(q, txn, op->op_id, &m, ready)) == 0 &&
	    (rc = mmhsq_msg_write(txn, q->q_msg, op->op_id, &m)) == 0)
		rc = left;
done:
	mmhsq_msg_free(&m);
	return rc;
}

/* mark_op - validated copy of the marks */
static struct mmhsq_op *
mark_op(const char *id, const struct mmhs_queue_mark *mk, size_t n,
	time_t now)
{
	struct mmhsq_op *op;
	size_t	i;

	if (!mmhsq_id_valid(id) || mk == NULL || n == 0 ||
	    n > MMHS_QUEUE_MAX_RCPT)
		return NULL;
	for (i = 0; i < n; i++)
		if (mk[i].qm_state != MMHS_RCPT_DELIVERED &&
		    mk[i].qm_state != MMHS_RCPT_DEFERRED &&
		    mk[i].qm_state != MMHS_RCPT_FAILED)
			return NULL;
	op = mmhsq_op_new();
	op->op_apply = mark_apply;
	memcpy(op->op_id, id, MMHS_QUEUE_ID_LEN + 1);
	/* Our own copies: an async caller need not keep its strings. */
	op->op_marks = mmhs_malloc(n * sizeof(*mk));
	memcpy(op->op_marks, mk, n * sizeof(*mk));
	for (i = 0; i < n; i++)
		if (mk[i].qm_status != NULL)
			op->op_marks[i].qm_status = mmhs_strndup(
			    mk[i].qm_status,
			    strnlen(mk[i].qm_status, MMHS_QUEUE_MAX_STATUS));
	op->op_nmarks = n;
	op->op_now = now;
	return op;
}

/* mmhs_queue_mark - record results; returns recipients left */
int
mmhs_queue_mark(struct mmhs_queue *q, const char *id,
	const struct mmhs_queue_mark *m, size_t n, time_t now)
{
	struct mmhsq_op *op;

	if ((op = mark_op(id, m, n, now)) == NULL)
		return MMHS_QUEUE_EINVAL;
	op->op_sync = 1;
	return mmhsq_submit(q, op);
}

/* mmhs_queue_mark_async - record results, cb(arg, left, id) later */
int
mmhs_queue_mark_async(struct mmhs_queue *q, const char *id,
	const struct mmhs_queue_mark *m, size_t n, time_t now,
	mmhs_queue_cb cb, void *arg)
{
	struct mmhsq_op *op;

	if ((op = mark_op(id, m, n, now)) == NULL)
		return MMHS_QUEUE_EINVAL;
	op->op_cb = cb;
	op->op_arg = arg;
	return mmhsq_submit(q, op);
}

/* remove_range - delete keys id.0 .. id.(n-1) of dbi */
static int
remove_range(MDB_txn *txn, MDB_dbi dbi, const char *id, uint64_t n)
{
	unsigned char key[QUEUE_KEY_LEN];
	MDB_val	k = { sizeof(key), key };
	uint64_t i;
	int	rc;

	for (i = 0; i < n; i++) {
		mmhsq_rkey(key, id, (uint32_t) i);
		rc = mdb_del(txn, dbi, &k, NULL);
		if (rc != 0 && rc != MDB_NOTFOUND)
			return mmhsq_mdb_error("del", rc);
	}
	return 0;
}

/* remove_apply - delete a message inside the group's transaction */
static int
remove_apply(struct mmhs_queue *q, MDB_txn *txn, struct mmhsq_op *op)
{
	MDB_val	k = { MMHS_QUEUE_ID_LEN, op->op_id };
	struct mmhsq_msg m;
	int	rc;

	if ((rc = mmhsq_msg_read(txn, q->q_msg, op->op_id, &m)) != 0)
		return rc;
	mmhsq_msg_free(&m);
	if (m.qm_ready >= 0 && !op->op_force)
		return MMHS_QUEUE_EBUSY;
	if ((rc = mark_move_ready(q, txn, op->op_id, &m, -1)) != 0 ||
	    (rc = remove_range(txn, q->q_rcpt, op->op_id, m.qm_nrcpt)) != 0 ||
	    (rc = remove_range(txn, q->q_data, op->op_id,
	    (m.qm_size + m.qm_chunk - 1) / m.qm_chunk)) != 0)
		return rc;
	if ((rc = mdb_del(txn, q->q_msg, &k, NULL)) != 0)
		return mmhsq_mdb_error("del envelope", rc);
	return 0;
}

/* mmhs_queue_remove - delete a message whose recipients are final */
int
mmhs_queue_remove(struct mmhs_queue *q, const char *id, int force)
{
	struct mmhsq_op *op;
	int	rc;

	if (!mmhsq_id_valid(id))
		return MMHS_QUEUE_EINVAL;
	op = mmhsq_op_new();
	op->op_apply = remove_apply;
	memcpy(op->op_id, id, MMHS_QUEUE_ID_LEN + 1);
	op->op_force = force;
	op->op_sync = 1;
	rc = mmhsq_submit(q, op);
	if (rc == 0)
		mmhsq_lease_drop(q, id);
	return rc;
}
