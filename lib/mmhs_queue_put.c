/* mmhs_queue_put.c - storing and reading messages of the queue
 *
 * Purpose: put a message (envelope, recipients, content) in one
 * transaction, and read it back: envelope, content by offset or whole.
 *
 * Interface: mmhs_queue_put(), mmhs_queue_put_async(),
 * mmhs_queue_get(), mmhs_queue_env_free(), mmhs_queue_read(),
 * mmhs_queue_content() (mmhs_queue.h); mmhsq_env_load() and
 * mmhsq_apply_put() for the other queue files.
 *
 * Error behaviour: an envelope outside the bounds of mmhs_queue.h is
 * refused with MMHS_QUEUE_EINVAL before anything is queued, so that
 * the group commit only meets environment failures.  Readers see
 * committed messages only (an LMDB read transaction).
 */
#include "config.h"

#include <string.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mmhs_queue_int.h"

/* put_str_ok - optional string within bounds */
static int
put_str_ok(const char *s, size_t max)
{
	return s == NULL || strlen(s) <= max;
}

/* mmhsq_env_check - refuse an envelope we could not store or read */
int
mmhsq_env_check(const struct mmhs_queue_env *e, size_t len)
{
	const struct mmhs_queue_rcpt *r;
	size_t	i;

	if (e == NULL || e->qe_sender == NULL || len > MMHS_QUEUE_MAX_SIZE ||
	    !put_str_ok(e->qe_sender, MMHS_QUEUE_MAX_ADDR) ||
	    !put_str_ok(e->qe_envid, MMHS_QUEUE_MAX_ADDR) ||
	    !mmhs_precedence_valid(e->qe_prec) || e->qe_ret > MMHS_DSN_RET_HDRS ||
	    (e->qe_mt_priority != MMHS_QUEUE_NO_MT_PRIORITY &&
	    (e->qe_mt_priority < MMHS_MT_PRIORITY_MIN ||
	    e->qe_mt_priority > MMHS_MT_PRIORITY_MAX)) ||
	    e->qe_nrcpt == 0 || e->qe_nrcpt > MMHS_QUEUE_MAX_RCPT ||
	    e->qe_rcpt == NULL)
		return MMHS_QUEUE_EINVAL;
	for (i = 0; i < e->qe_nrcpt; i++) {
		r = &e->qe_rcpt[i];
		if (r->qr_addr == NULL || r->qr_state != MMHS_RCPT_PENDING ||
		    !put_str_ok(r->qr_addr, MMHS_QUEUE_MAX_ADDR) ||
		    !put_str_ok(r->qr_orcpt, MMHS_QUEUE_MAX_ADDR) ||
		    !put_str_ok(r->qr_status, MMHS_QUEUE_MAX_STATUS))
			return MMHS_QUEUE_EINVAL;
	}
	return 0;
}

/* mmhsq_env_default - arrival, expiry and first attempt times */
void
mmhsq_env_default(struct mmhs_queue *q, struct mmhs_queue_env *e)
{
	struct mmhs_queue_policy pol;
	size_t	i;

	if (e->qe_arrival == 0)
		e->qe_arrival = time(NULL);
	if (e->qe_expiry == 0) {
		mmhs_queue_get_policy(q, e->qe_prec, &pol);
		e->qe_expiry = e->qe_arrival + pol.qp_expiry;
	}
	for (i = 0; i < e->qe_nrcpt; i++)
		if (e->qe_rcpt[i].qr_next == 0)
			e->qe_rcpt[i].qr_next = e->qe_arrival;
}

/* put_strdup - mmhs_strdup that passes NULL through */
static char *
put_strdup(const char *s)
{
	return s == NULL ? NULL : mmhs_strdup(s);
}

/* mmhsq_env_copy - deep copy of an envelope */
struct mmhs_queue_env *
mmhsq_env_copy(const struct mmhs_queue_env *e)
{
	struct mmhs_queue_env *c = mmhs_malloc(sizeof(*c));
	struct mmhs_queue_rcpt *r;
	size_t	i;

	*c = *e;
	c->qe_sender = put_strdup(e->qe_sender);
	c->qe_envid = put_strdup(e->qe_envid);
	c->qe_rcpt = mmhs_calloc(e->qe_nrcpt, sizeof(*c->qe_rcpt));
	for (i = 0; i < e->qe_nrcpt; i++) {
		r = &c->qe_rcpt[i];
		*r = e->qe_rcpt[i];
		r->qr_addr = put_strdup(r->qr_addr);
		r->qr_orcpt = put_strdup(r->qr_orcpt);
		r->qr_status = put_strdup(r->qr_status);
	}
	return c;
}

/* mmhs_queue_env_free - release an envelope from get or the queue */
void
mmhs_queue_env_free(struct mmhs_queue_env *e)
{
	size_t	i;

	if (e == NULL)
		return;
	for (i = 0; e->qe_rcpt != NULL && i < e->qe_nrcpt; i++)
		mmhsq_rcpt_clear(&e->qe_rcpt[i]);
	mmhs_free(e->qe_rcpt);
	mmhs_free(e->qe_sender);
	mmhs_free(e->qe_envid);
	mmhs_free(e);
}

/* put_content - write the content in chunks under id */
static int
put_content(struct mmhs_queue *q, MDB_txn *txn, const char *id,
	const unsigned char *data, size_t len)
{
	unsigned char key[QUEUE_KEY_LEN];
	MDB_val	k = { sizeof(key), key };
	MDB_val	v;
	size_t	off, n;
	uint32_t i = 0;
	int	rc;

	for (off = 0; off < len; off += n, i++) {
		n = len - off < q->q_opts.qo_chunk ? len - off :
		    q->q_opts.qo_chunk;
		mmhsq_rkey(key, id, i);
		v.mv_size = n;
		/* RESERVE: LMDB gives the page, we copy once into it. */
		if ((rc = mdb_put(txn, q->q_data, &k, &v, MDB_RESERVE)) != 0)
			return mmhsq_mdb_error("put content", rc);
		memcpy(v.mv_data, data + off, n);
	}
	return 0;
}

/* mmhsq_apply_put - write one message inside the group's transaction */
int
mmhsq_apply_put(struct mmhs_queue *q, MDB_txn *txn, struct mmhsq_op *op)
{
	const struct mmhs_queue_env *e = op->op_env;
	struct mmhsq_msg m;
	unsigned char rk[QUEUE_READY_LEN];
	MDB_val	k = { sizeof(rk), rk };
	MDB_val	v = { 0, "" };
	size_t	i;
	int	rc;

	memset(&m, 0, sizeof(m));
	m.qm_prec = e->qe_prec;
	m.qm_mt = e->qe_mt_priority;
	m.qm_ret = e->qe_ret;
	m.qm_size = op->op_len;
	m.qm_chunk = q->q_opts.qo_chunk;
	m.qm_arrival = e->qe_arrival;
	m.qm_expiry = e->qe_expiry;
	m.qm_nrcpt = (uint32_t) e->qe_nrcpt;
	m.qm_ready = e->qe_rcpt[0].qr_next;
	m.qm_sender = e->qe_sender;
	m.qm_envid = e->qe_envid;
	for (i = 0; i < e->qe_nrcpt; i++) {
		if (e->qe_rcpt[i].qr_next < m.qm_ready)
			m.qm_ready = e->qe_rcpt[i].qr_next;
		if ((rc = mmhsq_rcpt_write(txn, q->q_rcpt, op->op_id,
		    (uint32_t) i, &e->qe_rcpt[i])) != 0)
			return rc;
	}
	if ((rc = put_content(q, txn, op->op_id, op->op_data,
	    op->op_len)) != 0)
		return rc;
	mmhsq_readykey(rk, m.qm_prec, m.qm_ready, op->op_id);
	if ((rc = mdb_put(txn, q->q_ready, &k, &v, 0)) != 0)
		return mmhsq_mdb_error("put ready", rc);
	return mmhsq_msg_write(txn, q->q_msg, op->op_id, &m);
}

/* put_op - a put op with a fresh id */
static struct mmhsq_op *
put_op(struct mmhs_queue *q)
{
	struct mmhsq_op *op = mmhsq_op_new();

	op->op_apply = mmhsq_apply_put;
	pthread_mutex_lock(&q->q_lock);
	mmhsq_new_id(q, op->op_id);
	pthread_mutex_unlock(&q->q_lock);
	return op;
}

/* mmhs_queue_put - store a message, return after it is on disk */
int
mmhs_queue_put(struct mmhs_queue *q, struct mmhs_queue_env *env,
	const void *data, size_t len)
{
	struct mmhsq_op *op;
	int	rc;

	if ((rc = mmhsq_env_check(env, len)) != 0 ||
	    (data == NULL && len > 0))
		return MMHS_QUEUE_EINVAL;
	mmhsq_env_default(q, env);
	op = put_op(q);
	/* The caller waits, so its env and data live long enough. */
	op->op_borrowed = 1;
	op->op_sync = 1;
	op->op_env = env;
	op->op_data = (void *) data;
	op->op_len = len;
	memcpy(env->qe_id, op->op_id, sizeof(env->qe_id));
	env->qe_size = len;
	return mmhsq_submit(q, op);
}

/* mmhs_queue_put_async - store a message, cb(arg, status, id) later */
int
mmhs_queue_put_async(struct mmhs_queue *q, const struct mmhs_queue_env *env,
	const void *data, size_t len, mmhs_queue_cb cb, void *arg)
{
	struct mmhsq_op *op;
	int	rc;

	if ((rc = mmhsq_env_check(env, len)) != 0 ||
	    (data == NULL && len > 0))
		return MMHS_QUEUE_EINVAL;
	op = put_op(q);
	op->op_env = mmhsq_env_copy(env);
	mmhsq_env_default(q, op->op_env);
	memcpy(op->op_env->qe_id, op->op_id, sizeof(op->op_env->qe_id));
	op->op_data = mmhs_malloc(len ? len : 1);
	if (len > 0)
		memcpy(op->op_data, data, len);
	op->op_len = len;
	op->op_cb = cb;
	op->op_arg = arg;
	return mmhsq_submit(q, op);
}

/* mmhsq_env_load - envelope and recipients of id inside txn */
int
mmhsq_env_load(struct mmhs_queue *q, MDB_txn *txn, const char *id,
	struct mmhs_queue_env **envp, struct mmhsq_msg *mp)
{
	struct mmhs_queue_env *e;
	struct mmhsq_msg m;
	uint32_t i;
	int	rc;

	*envp = NULL;
	if ((rc = mmhsq_msg_read(txn, q->q_msg, id, &m)) != 0)
		return rc;
	e = mmhs_calloc(1, sizeof(*e));
	memcpy(e->qe_id, id, MMHS_QUEUE_ID_LEN);
	e->qe_sender = m.qm_sender;
	e->qe_envid = m.qm_envid;
	e->qe_ret = m.qm_ret;
	e->qe_size = m.qm_size;
	e->qe_prec = m.qm_prec;
	e->qe_mt_priority = m.qm_mt;
	e->qe_arrival = m.qm_arrival;
	e->qe_expiry = m.qm_expiry;
	e->qe_rcpt = mmhs_calloc(m.qm_nrcpt ? m.qm_nrcpt : 1,
	    sizeof(*e->qe_rcpt));
	e->qe_nrcpt = m.qm_nrcpt;
	if (mp != NULL) {
		*mp = m;
		mp->qm_sender = mp->qm_envid = NULL;
	}
	for (i = 0; i < m.qm_nrcpt; i++)
		if ((rc = mmhsq_rcpt_read(txn, q->q_rcpt, id, i,
		    &e->qe_rcpt[i])) != 0) {
			mmhs_queue_env_free(e);
			return rc;
		}
	*envp = e;
	return 0;
}

/* put_read_txn - begin a read transaction */
static int
put_read_txn(struct mmhs_queue *q, MDB_txn **txn)
{
	int	rc;

	if ((rc = mdb_txn_begin(q->q_env, NULL, MDB_RDONLY, txn)) != 0)
		return mmhsq_mdb_error("begin read", rc);
	return 0;
}

/* mmhs_queue_get - envelope and recipients of id */
int
mmhs_queue_get(struct mmhs_queue *q, const char *id,
	struct mmhs_queue_env **envp)
{
	MDB_txn	*txn;
	int	rc;

	*envp = NULL;
	if (!mmhsq_id_valid(id))
		return MMHS_QUEUE_EINVAL;
	if ((rc = put_read_txn(q, &txn)) != 0)
		return rc;
	rc = mmhsq_env_load(q, txn, id, envp, NULL);
	mdb_txn_abort(txn);
	return rc;
}

/* put_copy_out - copy content from off into buf within txn */
static int
put_copy_out(struct mmhs_queue *q, MDB_txn *txn, const char *id,
	const struct mmhsq_msg *m, size_t off, unsigned char *buf,
	size_t len, size_t *got)
{
	unsigned char key[QUEUE_KEY_LEN];
	MDB_val	k = { sizeof(key), key };
	MDB_val	v;
	size_t	in, n;
	int	rc;

	*got = 0;
	while (*got < len && off < m->qm_size) {
		mmhsq_rkey(key, id, (uint32_t) (off / m->qm_chunk));
		in = off % m->qm_chunk;
		if ((rc = mdb_get(txn, q->q_data, &k, &v)) != 0 ||
		    v.mv_size <= in) {
			mmhs_warn("queue: %s: content chunk %zu missing",
			    id, off / m->qm_chunk);
			return MMHS_QUEUE_ECORRUPT;
		}
		n = v.mv_size - in < len - *got ? v.mv_size - in : len - *got;
		memcpy(buf + *got, (unsigned char *) v.mv_data + in, n);
		*got += n;
		off += n;
	}
	return 0;
}

/* mmhs_queue_read - up to len octets of content from off */
int
mmhs_queue_read(struct mmhs_queue *q, const char *id, size_t off,
	void *buf, size_t len, size_t *got)
{
	struct mmhsq_msg m;
	MDB_txn	*txn;
	int	rc;

	*got = 0;
	if (!mmhsq_id_valid(id) || buf == NULL)
		return MMHS_QUEUE_EINVAL;
	if ((rc = put_read_txn(q, &txn)) != 0)
		return rc;
	if ((rc = mmhsq_msg_read(txn, q->q_msg, id, &m)) == 0) {
		rc = put_copy_out(q, txn, id, &m, off, buf, len, got);
		mmhsq_msg_free(&m);
	}
	mdb_txn_abort(txn);
	return rc;
}

/* mmhs_queue_content - the whole content in one allocation */
int
mmhs_queue_content(struct mmhs_queue *q, const char *id, void **data,
	size_t *len)
{
	struct mmhsq_msg m;
	MDB_txn	*txn;
	size_t	got = 0;
	int	rc;

	*data = NULL;
	*len = 0;
	if (!mmhsq_id_valid(id))
		return MMHS_QUEUE_EINVAL;
	if ((rc = put_read_txn(q, &txn)) != 0)
		return rc;
	if ((rc = mmhsq_msg_read(txn, q->q_msg, id, &m)) == 0) {
		*data = mmhs_malloc(m.qm_size + 1);
		rc = put_copy_out(q, txn, id, &m, 0, *data, m.qm_size, &got);
		if (rc == 0 && got != m.qm_size)
			rc = MMHS_QUEUE_ECORRUPT;
		mmhsq_msg_free(&m);
	}
	mdb_txn_abort(txn);
	if (rc != 0) {
		mmhs_free(*data);
		*data = NULL;
		return rc;
	}
	*len = got;
	return 0;
}
