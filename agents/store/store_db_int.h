/* store_db_int.h - the record layout of store_db, shared by its files only
 *
 * Named LMDB databases of the environment (integers big-endian in keys,
 * so that LMDB's byte order is the numeric order; values are the native
 * structs below, copied in and out with memcpy because LMDB does not
 * align them):
 *
 *	meta	"version" -> u32; "next-mailbox" -> u32
 *	mbox	normalised DN -> struct sdb_mbox + DN as first delivered
 *	mbnum	mailbox number (4) -> normalised DN
 *	folder	mailbox (4) + name -> struct sdb_folder (counters)
 *	fnum	mailbox (4) + folder number (4) -> name
 *	msg	mailbox (4) + id (8) -> struct sdb_msghdr + strings
 *	idx	mailbox (4) + folder (4) + kind (1) + major (2) + date (8)
 *		+ id (8) -> struct sdb_digest; kinds 'd' date (major 0),
 *		'p' precedence, 'c' classification level + 1
 *	pend	received (8) + mailbox (4) + id (8) -> precedence (1): the
 *		messages neither seen, deleted nor redirected (ffmon)
 *	blob	SHA-256 (32) -> the original bytes
 *	bref	SHA-256 (32) -> u64 number of messages holding it
 *
 * The digest in each index value repeats what filters test (flags,
 * precedence, hashes of the classification, the originator and the
 * SICs), so a filtered listing walks one index without reading the
 * messages; a hash that matches is confirmed from the record.
 */
#ifndef STORE_DB_INT_H
#define STORE_DB_INT_H

#include <stdint.h>

#include <lmdb.h>

#include "store_db.h"

#define SDB_VERSION	1
#define SDB_DN_MAX	480	/* bytes of a normalised DN (LMDB keys: 511) */
#define SDB_FIELD_MAX	2048	/* bytes kept of one summary string */
#define SDB_NSIC_MAX	64
#define SDB_NPREC	(MMHS_PREC_MAX + 1)
#define SDB_NSTR	8	/* strings of a record before the SICs */
#define SDB_HASH_LEN	32
#define SDB_IDX_KEYLEN	27
#define SDB_PEND_KEYLEN	20
#define SDB_MSG_KEYLEN	12

enum sdb_str {
	SDB_S_CLASS, SDB_S_MARKING, SDB_S_DATE, SDB_S_FROM, SDB_S_SUBJECT,
	SDB_S_MSGID, SDB_S_MDN, SDB_S_RPATH
};

struct store_db {
	MDB_env *db_env;
	MDB_dbi db_meta, db_mbox, db_mbnum, db_folder, db_fnum, db_msg,
		db_idx, db_pend, db_blob, db_bref;
	int	db_rdonly;
	store_db_notify_fn db_notify;
	void   *db_notify_arg;
};

struct sdb_mbox {
	uint32_t mb_no;
	uint32_t mb_next_fno;
	uint64_t mb_next_id;
	uint64_t mb_total;
	uint64_t mb_unread;
};

struct sdb_folder {
	uint32_t fo_no;
	uint32_t fo_pad;
	uint64_t fo_total;
	uint64_t fo_unread;
	uint64_t fo_ptotal[SDB_NPREC];	/* per precedence */
	uint64_t fo_punread[SDB_NPREC];
};

struct sdb_digest {
	uint8_t	dg_flags;
	uint8_t	dg_prec;
	uint16_t dg_class;		/* level + 1, 0 unmarked */
	uint32_t dg_class_hash;
	uint32_t dg_orig_hash;
	uint32_t dg_sic_bloom;
};

struct sdb_msghdr {
	uint32_t mh_version;
	uint32_t mh_fno;
	uint32_t mh_flags;
	int32_t	mh_class_level;
	int32_t	mh_type;
	uint32_t mh_prec;
	uint32_t mh_nsic;
	uint32_t mh_pad;
	int64_t	mh_received;
	int64_t	mh_date;
	uint64_t mh_size;
	uint8_t	mh_hash[SDB_HASH_LEN];
};

/* A record read back: the header and pointers into the LMDB value
 * (valid while its transaction lives). */
struct sdb_rec {
	struct sdb_msghdr r_hdr;
	const char *r_str[SDB_NSTR];
	uint32_t r_len[SDB_NSTR];
	uint32_t r_nsic;
	const char *r_sic[SDB_NSIC_MAX];
	uint32_t r_siclen[SDB_NSIC_MAX];
};

/* store_db.c: encoding and errors */
void	sdb_put32(unsigned char *p, uint32_t v);
void	sdb_put64(unsigned char *p, uint64_t v);
uint32_t sdb_get32(const unsigned char *p);
uint64_t sdb_get64(const unsigned char *p);
uint64_t sdb_time_key(time_t t);
time_t	sdb_time_from_key(uint64_t k);
void	sdb_msg_key(unsigned char *k, uint32_t mbno, uint64_t id);
void	sdb_idx_key(unsigned char *k, uint32_t mbno, uint32_t fno, int kind,
	    const struct sdb_msghdr *h, uint64_t id);
void	sdb_pend_key(unsigned char *k, time_t received, uint32_t mbno,
	    uint64_t id);
uint32_t sdb_hash_ci(const char *s, size_t len);
uint32_t sdb_sic_bit(const char *s, size_t len);
int	sdb_pending(unsigned flags);
void	sdb_digest(const struct sdb_rec *r, struct sdb_digest *d);
int	sdb_rec_decode(const MDB_val *v, struct sdb_rec *r);
void	sdb_rec_to_msg(const struct sdb_rec *r, const char *mailbox,
	    uint64_t id, const char *folder, struct store_msg *m);
int	sdb_error(int rc, const char *what, char *err, size_t errlen);
int	sdb_fail(int code, char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
const char *sdb_folder_name(const char *folder);

/* store_db.c: lookups inside a transaction (MDB_NOTFOUND when absent) */
int	sdb_mbox_get(struct store_db *db, MDB_txn *txn, const char *norm,
	    struct sdb_mbox *mb, MDB_val *val);
int	sdb_folder_get(struct store_db *db, MDB_txn *txn, uint32_t mbno,
	    const char *name, struct sdb_folder *fo);
int	sdb_fnum_name(struct store_db *db, MDB_txn *txn, uint32_t mbno,
	    uint32_t fno, char *name);
int	sdb_msg_get(struct store_db *db, MDB_txn *txn, uint32_t mbno,
	    uint64_t id, struct sdb_rec *r);

/* store_db_write.c: pieces of a write transaction */
struct sdb_mbh {			/* a mailbox loaded for change */
	char   *h_norm;
	char   *h_dn;
	struct sdb_mbox h_mb;
	int	h_new;
};

int	sdb_mbh_load(struct store_db *db, MDB_txn *txn, const char *dn,
	    int create, struct sdb_mbh *h);
int	sdb_mbh_save(struct store_db *db, MDB_txn *txn, struct sdb_mbh *h);
void	sdb_mbh_free(struct sdb_mbh *h);
int	sdb_folder_ensure(struct store_db *db, MDB_txn *txn,
	    struct sdb_mbh *h, const char *name, struct sdb_folder *fo);
int	sdb_folder_put(struct store_db *db, MDB_txn *txn, uint32_t mbno,
	    const char *name, const struct sdb_folder *fo);
void	sdb_count(struct sdb_folder *fo, struct sdb_mbox *mb, unsigned prec,
	    unsigned flags, int sign);
int	sdb_index(struct store_db *db, MDB_txn *txn, uint32_t mbno,
	    const struct sdb_rec *r, uint64_t id, int add);
int	sdb_blob_ref(struct store_db *db, MDB_txn *txn,
	    const unsigned char *hash, int delta, const char *data,
	    size_t len);

#endif
