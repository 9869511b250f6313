/* mmhs_queue_rec.c - keys and records of the LMDB queue
 *
 * Purpose: the on-disk form of envelopes and recipients, so that the
 * rest of the queue deals in C structures only.
 *
 * Interface (mmhs_queue_int.h): mmhsq_*key() build keys, mmhsq_msg_*
 * and mmhsq_rcpt_* write, read and free records.
 *
 * Format: records are typed and self-validating, after the rule for
 * Postfix queue files: a type byte ('M' or 'R'), a version byte, fixed
 * fields big-endian, strings as a u32 length (0xffffffff for NULL) and
 * the octets, then a mandatory 'E'.  Anything else (short, long, bad
 * type, bad enum, over-long string) decodes as MMHS_QUEUE_ECORRUPT.
 *
 * Error behaviour: LMDB failures are logged with mmhs_warn() and mapped
 * to MMHS_QUEUE_EFULL, MMHS_QUEUE_ENOENT or MMHS_QUEUE_EIO.
 */
#include "config.h"

#include <string.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mmhs_queue_int.h"

#define REC_VERSION	1
#define REC_NULL	0xffffffffU

/* Growing output buffer of one record. */
struct rec_buf {
	unsigned char *rb_p;
	size_t	rb_len;
	size_t	rb_cap;
};

/* Bounded input cursor; rd_bad sticks once anything is wrong. */
struct rec_rd {
	const unsigned char *rd_p;
	const unsigned char *rd_end;
	int	rd_bad;
};

/* mmhsq_mdb_error - log an LMDB failure and map it to an error code */
int
mmhsq_mdb_error(const char *what, int rc)
{
	if (rc == MDB_NOTFOUND)
		return MMHS_QUEUE_ENOENT;
	mmhs_warn("queue: %s: %s", what, mdb_strerror(rc));
	if (rc == MDB_MAP_FULL || rc == MDB_TXN_FULL)
		return MMHS_QUEUE_EFULL;
	return MMHS_QUEUE_EIO;
}

/* mmhsq_put64 - store v big-endian */
void
mmhsq_put64(unsigned char *p, uint64_t v)
{
	int	i;

	for (i = 7; i >= 0; i--) {
		p[i] = (unsigned char) (v & 0xff);
		v >>= 8;
	}
}

/* mmhsq_get64 - load a big-endian u64 */
uint64_t
mmhsq_get64(const unsigned char *p)
{
	uint64_t v = 0;
	int	i;

	for (i = 0; i < 8; i++)
		v = (v << 8) | p[i];
	return v;
}

/* mmhsq_rkey - id followed by a big-endian index (rcpt and data keys) */
void
mmhsq_rkey(unsigned char *k, const char *id, uint32_t n)
{
	memcpy(k, id, MMHS_QUEUE_ID_LEN);
	k[MMHS_QUEUE_ID_LEN] = (unsigned char) (n >> 24);
	k[MMHS_QUEUE_ID_LEN + 1] = (unsigned char) (n >> 16);
	k[MMHS_QUEUE_ID_LEN + 2] = (unsigned char) (n >> 8);
	k[MMHS_QUEUE_ID_LEN + 3] = (unsigned char) n;
}

/* mmhsq_readykey - key whose order is precedence desc, time asc, id */
void
mmhsq_readykey(unsigned char *k, enum mmhs_precedence p, int64_t t,
	const char *id)
{
	k[0] = (unsigned char) (255 - p);
	/* Times before 1970 are not expected; clamp so the order holds. */
	mmhsq_put64(k + 1, t < 0 ? 0 : (uint64_t) t);
	memcpy(k + 9, id, MMHS_QUEUE_ID_LEN);
}

/* mmhsq_id_valid - 1 when id has the form we hand out */
int
mmhsq_id_valid(const char *id)
{
	size_t	i;

	if (id == NULL)
		return 0;
	for (i = 0; i < MMHS_QUEUE_ID_LEN; i++)
		if (!((id[i] >= '0' && id[i] <= '9') ||
		    (id[i] >= 'A' && id[i] <= 'F')))
			return 0;
	return id[i] == 0;
}

/* rec_room - make room for n more octets */
static unsigned char *
rec_room(struct rec_buf *b, size_t n)
{
	unsigned char *p;

	if (b->rb_len + n > b->rb_cap) {
		b->rb_cap = (b->rb_len + n) * 2 + 64;
		b->rb_p = mmhs_realloc(b->rb_p, b->rb_cap);
	}
	p = b->rb_p + b->rb_len;
	b->rb_len += n;
	return p;
}

/* rec_u8 - append one octet */
static void
rec_u8(struct rec_buf *b, unsigned v)
{
	*rec_room(b, 1) = (unsigned char) v;
}

/* rec_u32 - append a big-endian u32 */
static void
rec_u32(struct rec_buf *b, uint32_t v)
{
	unsigned char *p = rec_room(b, 4);

	p[0] = (unsigned char) (v >> 24);
	p[1] = (unsigned char) (v >> 16);
	p[2] = (unsigned char) (v >> 8);
	p[3] = (unsigned char) v;
}

/* rec_u64 - append a big-endian u64 */
static void
rec_u64(struct rec_buf *b, uint64_t v)
{
	mmhsq_put64(rec_room(b, 8), v);
}

/* rec_str - append a length-prefixed string or the NULL mark */
static void
rec_str(struct rec_buf *b, const char *s)
{
	size_t	len;

	if (s == NULL) {
		rec_u32(b, REC_NULL);
		return;
	}
	len = strlen(s);
	rec_u32(b, (uint32_t) len);
	memcpy(rec_room(b, len), s, len);
}

/* rd_take - next n octets, or NULL (and rd_bad) when the record ends */
static const unsigned char *
rd_take(struct rec_rd *r, size_t n)
{
	const unsigned char *p = r->rd_p;

	if (r->rd_bad || (size_t) (r->rd_end - r->rd_p) < n) {
		r->rd_bad = 1;
		return NULL;
	}
	r->rd_p += n;
	return p;
}

/* rd_u8 - read one octet */
static unsigned
rd_u8(struct rec_rd *r)
{
	const unsigned char *p = rd_take(r, 1);

	return p ? p[0] : 0;
}

/* rd_u32 - read a big-endian u32 */
static uint32_t
rd_u32(struct rec_rd *r)
{
	const unsigned char *p = rd_take(r, 4);

	if (p == NULL)
		return 0;
	return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16) |
	    ((uint32_t) p[2] << 8) | p[3];
}

/* rd_u64 - read a big-endian u64 */
static uint64_t
rd_u64(struct rec_rd *r)
{
	const unsigned char *p = rd_take(r, 8);

	return p ? mmhsq_get64(p) : 0;
}

/* rd_str - read a string (NUL inside refused) bounded by max */
static char *
rd_str(struct rec_rd *r, size_t max)
{
	uint32_t len = rd_u32(r);
	const unsigned char *p;

	if (r->rd_bad || len == REC_NULL)
		return NULL;
	if (len > max || (p = rd_take(r, len)) == NULL ||
	    memchr(p, 0, len) != NULL) {
		r->rd_bad = 1;
		return NULL;
	}
	return mmhs_strndup((const char *) p, len);
}

/* rd_end - the record must end with 'E' and nothing after it */
static int
rd_end(struct rec_rd *r)
{
	if (rd_u8(r) != 'E' || r->rd_p != r->rd_end)
		r->rd_bad = 1;
	return r->rd_bad ? MMHS_QUEUE_ECORRUPT : 0;
}

/* rec_store - put a finished record under key */
static int
rec_store(MDB_txn *txn, MDB_dbi dbi, const void *key, size_t klen,
	struct rec_buf *b)
{
	MDB_val	k = { klen, (void *) key };
	MDB_val	v;
	int	rc;

	rec_u8(b, 'E');
	v.mv_size = b->rb_len;
	v.mv_data = b->rb_p;
	rc = mdb_put(txn, dbi, &k, &v, 0);
	mmhs_free(b->rb_p);
	return rc ? mmhsq_mdb_error("put record", rc) : 0;
}

/* mmhsq_msg_write - store the envelope record of id */
int
mmhsq_msg_write(MDB_txn *txn, MDB_dbi dbi, const char *id,
	const struct mmhsq_msg *m)
{
	struct rec_buf b = { NULL, 0, 0 };

	rec_u8(&b, 'M');
	rec_u8(&b, REC_VERSION);
	rec_u8(&b, m->qm_prec);
	rec_u8(&b, (unsigned) (m->qm_mt + 128));
	rec_u8(&b, m->qm_ret);
	rec_u64(&b, m->qm_size);
	rec_u32(&b, m->qm_chunk);
	rec_u64(&b, (uint64_t) m->qm_arrival);
	rec_u64(&b, (uint64_t) m->qm_expiry);
	rec_u32(&b, m->qm_nrcpt);
	rec_u64(&b, (uint64_t) m->qm_ready);
	rec_str(&b, m->qm_sender);
	rec_str(&b, m->qm_envid);
	return rec_store(txn, dbi, id, MMHS_QUEUE_ID_LEN, &b);
}

/* mmhsq_msg_read - load and check the envelope record of id */
int
mmhsq_msg_read(MDB_txn *txn, MDB_dbi dbi, const char *id,
	struct mmhsq_msg *m)
{
	MDB_val	k = { MMHS_QUEUE_ID_LEN, (void *) id };
	MDB_val	v;
	struct rec_rd r;
	int	rc;

	memset(m, 0, sizeof(*m));
	if ((rc = mdb_get(txn, dbi, &k, &v)) != 0)
		return mmhsq_mdb_error("get envelope", rc);
	r.rd_p = v.mv_data;
	r.rd_end = r.rd_p + v.mv_size;
	r.rd_bad = 0;
	if (rd_u8(&r) != 'M' || rd_u8(&r) != REC_VERSION)
		r.rd_bad = 1;
	m->qm_prec = rd_u8(&r);
	m->qm_mt = (int) rd_u8(&r) - 128;
	m->qm_ret = rd_u8(&r);
	m->qm_size = rd_u64(&r);
	m->qm_chunk = rd_u32(&r);
	m->qm_arrival = (int64_t) rd_u64(&r);
	m->qm_expiry = (int64_t) rd_u64(&r);
	m->qm_nrcpt = rd_u32(&r);
	m->qm_ready = (int64_t) rd_u64(&r);
	m->qm_sender = rd_str(&r, MMHS_QUEUE_MAX_ADDR);
	m->qm_envid = rd_str(&r, MMHS_QUEUE_MAX_ADDR);
	if (!mmhs_precedence_valid(m->qm_prec) || m->qm_ret > MMHS_DSN_RET_HDRS ||
	    m->qm_chunk == 0 || m->qm_nrcpt > MMHS_QUEUE_MAX_RCPT)
		r.rd_bad = 1;
	if (rd_end(&r) != 0) {
		mmhs_warn("queue: %.*s: corrupt envelope record",
		    MMHS_QUEUE_ID_LEN, id);
		mmhsq_msg_free(m);
		return MMHS_QUEUE_ECORRUPT;
	}
	return 0;
}

/* mmhsq_msg_free - release the strings of a msg record */
void
mmhsq_msg_free(struct mmhsq_msg *m)
{
	mmhs_free(m->qm_sender);
	mmhs_free(m->qm_envid);
	m->qm_sender = m->qm_envid = NULL;
}

/* mmhsq_rcpt_write - store recipient n of id */
int
mmhsq_rcpt_write(MDB_txn *txn, MDB_dbi dbi, const char *id, uint32_t n,
	const struct mmhs_queue_rcpt *rc)
{
	struct rec_buf b = { NULL, 0, 0 };
	unsigned char key[QUEUE_KEY_LEN];

	rec_u8(&b, 'R');
	rec_u8(&b, REC_VERSION);
	rec_u8(&b, rc->qr_state);
	rec_u32(&b, rc->qr_attempts);
	rec_u64(&b, (uint64_t) rc->qr_next);
	rec_u32(&b, rc->qr_notify);
	rec_str(&b, rc->qr_addr);
	rec_str(&b, rc->qr_orcpt);
	rec_str(&b, rc->qr_status);
	mmhsq_rkey(key, id, n);
	return rec_store(txn, dbi, key, sizeof(key), &b);
}

/* mmhsq_rcpt_decode - recipient record to structure (strings owned) */
int
mmhsq_rcpt_decode(const MDB_val *v, struct mmhs_queue_rcpt *rc)
{
	struct rec_rd r;

	memset(rc, 0, sizeof(*rc));
	r.rd_p = v->mv_data;
	r.rd_end = r.rd_p + v->mv_size;
	r.rd_bad = 0;
	if (rd_u8(&r) != 'R' || rd_u8(&r) != REC_VERSION)
		r.rd_bad = 1;
	rc->qr_state = rd_u8(&r);
	rc->qr_attempts = rd_u32(&r);
	rc->qr_next = (time_t) rd_u64(&r);
	rc->qr_notify = rd_u32(&r);
	rc->qr_addr = rd_str(&r, MMHS_QUEUE_MAX_ADDR);
	rc->qr_orcpt = rd_str(&r, MMHS_QUEUE_MAX_ADDR);
	rc->qr_status = rd_str(&r, MMHS_QUEUE_MAX_STATUS);
	if (rc->qr_state >= MMHS_RCPT_NSTATES || rc->qr_addr == NULL)
		r.rd_bad = 1;
	if (rd_end(&r) != 0) {
		mmhsq_rcpt_clear(rc);
		return MMHS_QUEUE_ECORRUPT;
	}
	return 0;
}

/* mmhsq_rcpt_read - load recipient n of id */
int
mmhsq_rcpt_read(MDB_txn *txn, MDB_dbi dbi, const char *id, uint32_t n,
	struct mmhs_queue_rcpt *r)
{
	unsigned char key[QUEUE_KEY_LEN];
	MDB_val	k = { sizeof(key), key };
	MDB_val	v;
	int	rc;

	mmhsq_rkey(key, id, n);
	if ((rc = mdb_get(txn, dbi, &k, &v)) != 0) {
		memset(r, 0, sizeof(*r));
		if (rc == MDB_NOTFOUND) {
			mmhs_warn("queue: %.*s: recipient %u missing",
			    MMHS_QUEUE_ID_LEN, id, (unsigned) n);
			return MMHS_QUEUE_ECORRUPT;
		}
		return mmhsq_mdb_error("get recipient", rc);
	}
	if ((rc = mmhsq_rcpt_decode(&v, r)) != 0)
		mmhs_warn("queue: %.*s: corrupt recipient %u",
		    MMHS_QUEUE_ID_LEN, id, (unsigned) n);
	return rc;
}

/* mmhsq_rcpt_clear - release the strings of a recipient */
void
mmhsq_rcpt_clear(struct mmhs_queue_rcpt *r)
{
	mmhs_free(r->qr_addr);
	mmhs_free(r->qr_orcpt);
	mmhs_free(r->qr_status);
	r->qr_addr = r->qr_orcpt = r->qr_status = NULL;
}
