/* mmhs_queue_int.h - private parts shared by the mmhs_queue*.c files
 *
 * Not for callers of the queue.  Library-wide symbols of these files
 * carry the prefix mmhsq_ so that they cannot meet an agent's own
 * queue_* names at link time.
 */
#ifndef MMHS_QUEUE_INT_H
#define MMHS_QUEUE_INT_H

#include <pthread.h>
#include <lmdb.h>

#include "mmhs_queue.h"

/*
 * Databases of the environment (keys are big-endian so that LMDB's
 * byte order is numeric order):
 *
 *	msg	id -> envelope record (no recipients)
 *	rcpt	id . u32 index -> recipient record
 *	data	id . u32 chunk -> content octets
 *	ready	u8 (255 - precedence) . u64 next attempt . id -> ""
 *		one key per message with recipients not final, at the
 *		earliest next attempt of those recipients
 *	meta	"lastid" -> u64, so ids stay unique across restarts
 */
#define QUEUE_KEY_LEN	(MMHS_QUEUE_ID_LEN + 4)
#define QUEUE_READY_LEN	(1 + 8 + MMHS_QUEUE_ID_LEN)
#define QUEUE_LEASE_BUCKETS	256

/* Envelope fields kept in the msg record. */
struct mmhsq_msg {
	enum mmhs_precedence qm_prec;
	int	qm_mt;
	enum mmhs_dsn_ret qm_ret;
	uint64_t qm_size;
	uint32_t qm_chunk;		/* content chunk size used */
	int64_t	qm_arrival;
	int64_t	qm_expiry;
	uint32_t qm_nrcpt;
	int64_t	qm_ready;		/* ready key time, -1: none */
	char	*qm_sender;
	char	*qm_envid;
};

/* A change waiting for group commit. */
struct mmhsq_op {
	int	(*op_apply)(struct mmhs_queue *, MDB_txn *,
		    struct mmhsq_op *);
	mmhs_queue_cb op_cb;
	void	*op_arg;
	int	op_status;
	int	op_done;
	int	op_sync;		/* a thread waits for it */
	struct timespec op_t0;		/* enqueued (monotonic) */
	char	op_id[MMHS_QUEUE_ID_LEN + 1];
	struct mmhs_queue_env *op_env;	/* put: own copy */
	void	*op_data;
	size_t	op_len;
	struct mmhs_queue_mark *op_marks;	/* mark: own copy */
	size_t	op_nmarks;
	time_t	op_now;
	int	op_force;		/* remove */
	int	op_borrowed;		/* put: env, data not ours */
	struct mmhsq_op *op_next;
};

struct mmhsq_lease {
	char	ql_id[MMHS_QUEUE_ID_LEN + 1];
	struct mmhsq_lease *ql_next;
};

struct mmhs_queue {
	MDB_env	*q_env;
	MDB_dbi	q_msg, q_rcpt, q_data, q_ready, q_meta;
	struct mmhs_queue_opts q_opts;
	struct mmhs_queue_policy q_policy[MMHS_PREC_MAX + 1];

	pthread_mutex_t q_lock;		/* ops list, ids, commit state */
	pthread_cond_t q_cond;		/* a commit finished */
	struct mmhsq_op *q_head, **q_tail;
	unsigned q_npending;
	int	q_committing;
	uint64_t q_lastid;
	unsigned long q_ncommits;	/* statistics */
	unsigned long q_nops;

	pthread_mutex_t q_lease_lock;	/* leases and share counter */
	struct mmhsq_lease *q_lease[QUEUE_LEASE_BUCKETS];
	unsigned q_passed;		/* picks that passed over lower */
};

/* mmhs_queue_rec.c: keys and records */
void	mmhsq_put64(unsigned char *p, uint64_t v);
uint64_t mmhsq_get64(const unsigned char *p);
void	mmhsq_rkey(unsigned char *k, const char *id, uint32_t n);
void	mmhsq_readykey(unsigned char *k, enum mmhs_precedence p, int64_t t,
	const char *id);
int	mmhsq_id_valid(const char *id);
int	mmhsq_msg_write(MDB_txn *txn, MDB_dbi dbi, const char *id,
	const struct mmhsq_msg *m);
int	mmhsq_msg_read(MDB_txn *txn, MDB_dbi dbi, const char *id,
	struct mmhsq_msg *m);
void	mmhsq_msg_free(struct mmhsq_msg *m);
int	mmhsq_rcpt_write(MDB_txn *txn, MDB_dbi dbi, const char *id,
	uint32_t n, const struct mmhs_queue_rcpt *r);
int	mmhsq_rcpt_decode(const MDB_val *v, struct mmhs_queue_rcpt *r);
int	mmhsq_rcpt_read(MDB_txn *txn, MDB_dbi dbi, const char *id,
	uint32_t n, struct mmhs_queue_rcpt *r);
void	mmhsq_rcpt_clear(struct mmhs_queue_rcpt *r);
int	mmhsq_mdb_error(const char *what, int rc);

/* mmhs_queue.c: group commit */
int	mmhsq_submit(struct mmhs_queue *q, struct mmhsq_op *op);
struct mmhsq_op *mmhsq_op_new(void);
void	mmhsq_op_free(struct mmhsq_op *op);
void	mmhsq_new_id(struct mmhs_queue *q, char *id);

/* mmhs_queue_ops.c: changes applied inside the group's transaction */
int	mmhsq_apply_put(struct mmhs_queue *, MDB_txn *, struct mmhsq_op *);
void	mmhsq_env_default(struct mmhs_queue *q, struct mmhs_queue_env *e);
int	mmhsq_env_check(const struct mmhs_queue_env *e, size_t len);
struct mmhs_queue_env *mmhsq_env_copy(const struct mmhs_queue_env *e);
int	mmhsq_env_load(struct mmhs_queue *q, MDB_txn *txn, const char *id,
	struct mmhs_queue_env **envp, struct mmhsq_msg *mp);

/* mmhs_queue_sched.c: leases */
void	mmhsq_lease_drop(struct mmhs_queue *q, const char *id);
void	mmhsq_lease_free_all(struct mmhs_queue *q);

#endif
