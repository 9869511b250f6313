/* archive.h - mmhs-archive: the record format, the chain, the index
 *
 * The archive is a directory DIR:
 *
 *	DIR/seg/NNNNNNNN.arc	segment files of records, numbered from 1,
 *				appended to and never changed in place
 *				(purge replaces a segment whole, by rename)
 *	DIR/index/		LMDB: the chain head and the search index
 *	DIR/lock		flock(2): exclusive to append or purge,
 *				shared to verify or export
 *
 * A record (all integers big-endian):
 *
 *	magic "MAR1" | type 1 | zero 3 | recno 8 | time 8 | metalen 4 |
 *	datalen 8 | prev 32 | meta | data | hash 32
 *
 * Type 'M', a message: time is when it was received, meta its
 * metadata ("Name: value" lines, archive_rec.c), data the message as
 * received, byte for byte.  prev is the chain hash of the record before
 * (zeros before record 1) and hash its own chain hash:
 *
 *	link(prev, recno, type, time, md, dd) = SHA-256("MMHS-ARCHIVE-1" NUL
 *	    | prev | recno | type | time | md | dd)
 *	md = SHA-256(meta), dd = SHA-256(data)
 *
 * The data of a message record may hold a second part: when the
 * message came encrypted and a key of the archive's key directory
 * opened it, the archive also keeps its content re-encrypted to the
 * archive's own certificate (archive_sec.c), appended to the message
 * as received.  The metadata line "Archive-Copy: N" then says that the
 * last N octets of data are that copy; without it (every record
 * written before, and messages that came unencrypted) data is the
 * message alone.  The chain covers both parts like any data, so verify
 * is unchanged and a record reads the same as before.
 *
 * Type 'C', a checkpoint left by purge in place of a run of records:
 * recno is the first record dropped, time when, meta says why
 * (informative, not chained), data holds one ARC_CKPT_ENT-octet entry
 * per dropped record (recno, type, time, md, dd) and hash is the chain
 * hash of the last one.  Verification recomputes the chain through the
 * entries, so the records on both sides of a purge stay linked and a
 * checkpoint cannot hide a record it does not name.
 */
#ifndef ARCHIVE_H
#define ARCHIVE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define ARC_MAGIC	"MAR1"
#define ARC_HDR_LEN	68
#define ARC_HASH_LEN	32
#define ARC_TRAILER_LEN	ARC_HASH_LEN
#define ARC_TYPE_MSG	'M'
#define ARC_TYPE_CKPT	'C'
#define ARC_CKPT_ENT	(8 + 1 + 8 + 2 * ARC_HASH_LEN)

/* Bounds (style rule 10). */
#define ARC_META_MAX	((size_t)1 << 20)	/* metadata octets */
#define ARC_DATA_MAX	((uint64_t)256 << 20)	/* message octets */
#define ARC_SEG_DEF	((uint64_t)256 << 20)	/* segment size to roll at */
#define ARC_VALUE_MAX	400			/* indexed value octets */
#define ARC_ERR_LEN	512

/* A parsed record; pointers into the caller's buffer. */
struct arc_rec {
	int	r_type;
	uint64_t r_recno;
	int64_t	r_time;
	uint32_t r_metalen;
	uint64_t r_datalen;
	const unsigned char *r_prev;
	const char *r_meta;
	const unsigned char *r_data;
	const unsigned char *r_hash;
	uint64_t r_len;			/* octets on disk */
};

/* One entry of a checkpoint's data. */
struct arc_ckpt_ent {
	uint64_t ce_recno;
	int	ce_type;
	int64_t	ce_time;
	unsigned char ce_md[ARC_HASH_LEN];
	unsigned char ce_dd[ARC_HASH_LEN];
};

/* archive_rec.c: the format, without I/O or hashing */
void	arc_put64(unsigned char *p, uint64_t v);
uint64_t arc_get64(const unsigned char *p);
void	arc_rec_header(unsigned char hdr[ARC_HDR_LEN], int type,
	    uint64_t recno, int64_t time, uint32_t metalen, uint64_t datalen,
	    const unsigned char prev[ARC_HASH_LEN]);
/* Record fields from the header alone (hdr has ARC_HDR_LEN octets):
 * 0, or -1 and why. */
int	arc_rec_header_parse(const unsigned char *hdr, struct arc_rec *r,
	    char *err, size_t errlen);
/* One record at buf: 1 and r, 0 when len is too short for all of it,
 * -1 and why when it is malformed. */
int	arc_rec_parse(const unsigned char *buf, size_t len, struct arc_rec *r,
	    char *err, size_t errlen);
/* Entry i of a checkpoint (0 <= i < r_datalen / ARC_CKPT_ENT). */
void	arc_ckpt_get(const struct arc_rec *r, size_t i,
	    struct arc_ckpt_ent *e);
void	arc_ckpt_put(unsigned char *p, const struct arc_ckpt_ent *e);

/* Metadata: "Name: value\n" lines, values without control octets. */
struct arc_meta {
	char	*am_buf;
	size_t	am_len, am_cap;
};
void	arc_meta_add(struct arc_meta *m, const char *name, const char *value);
void	arc_meta_free(struct arc_meta *m);
/* Iterate: 1 and the next field, 0 at the end, -1 on a malformed line. */
int	arc_meta_next(const char **p, const char *end, const char **name,
	    size_t *namelen, const char **value, size_t *valuelen);
/* The first value of NAME into buf ("" when absent): its length or -1. */
int	arc_meta_get(const char *meta, size_t len, const char *name,
	    char *buf, size_t buflen);

/* The parts of a message record's data (pointers into it). */
struct arc_parts {
	const unsigned char *p_orig;	/* the message as received */
	uint64_t p_orig_len;
	const unsigned char *p_copy;	/* the archive's copy, or NULL */
	uint64_t p_copy_len;
};
/* 0, or -1 and why when "Archive-Copy" is malformed or too long. */
int	arc_rec_parts(const struct arc_rec *r, struct arc_parts *p, char *err,
	    size_t errlen);

/* archive_chain.c: hashes, segments, the walk and its verification */
void	arc_link(const unsigned char prev[ARC_HASH_LEN], uint64_t recno,
	    int type, int64_t time, const unsigned char md[ARC_HASH_LEN],
	    const unsigned char dd[ARC_HASH_LEN],
	    unsigned char out[ARC_HASH_LEN]);
void	arc_sha256(const void *p, size_t len, unsigned char out[ARC_HASH_LEN]);
char	*arc_hex(const unsigned char h[ARC_HASH_LEN], char out[65]);
/* DIR/seg/NNNNNNNN.arc into buf */
void	arc_seg_path(const char *dir, uint32_t seg, char *buf, size_t len);
/* Segment numbers present, ascending (caller frees *segs). */
int	arc_seg_list(const char *dir, uint32_t **segs, size_t *nsegs,
	    char *err, size_t errlen);

/* What a walk of the chain saw. */
struct arc_walk {
	uint64_t w_records;		/* message records present */
	uint64_t w_purged;		/* records dropped by checkpoints */
	uint64_t w_next;		/* number the next record gets */
	unsigned char w_head[ARC_HASH_LEN];	/* chain hash of the last */
	uint32_t w_seg;			/* last segment */
	uint64_t w_end;			/* its length */
};
/* Called for each record in order (may be NULL); non-zero stops. */
typedef int (*arc_walk_fn)(void *arg, const struct arc_rec *r,
	    uint32_t seg, uint64_t off);
/* Walks and verifies every segment: 0, or -1 and the first problem,
 * naming the record. */
int	arc_chain_walk(const char *dir, struct arc_walk *w, arc_walk_fn fn,
	    void *arg, char *err, size_t errlen);
/* Verifies one message record against prev (its own hash and link). */
int	arc_rec_check(const struct arc_rec *r,
	    const unsigned char prev[ARC_HASH_LEN], char *err, size_t errlen);

/* archive_store.c: the archive directory as a whole */
struct arc_index;
struct arc_store {
	char	*as_dir;
	int	as_lockfd;
	int	as_segfd;		/* segment being appended to */
	uint32_t as_seg;
	uint64_t as_seg_ino;		/* its inode, to see a purge's rename */
	uint64_t as_seg_max;		/* roll to a new segment past this */
	struct arc_index *as_idx;
	int	as_nosync;		/* bench fill only: no fsync, and a
					 * crash loses records; see
					 * arc_store_nosync() */
};
#define ARC_OPEN_CREATE	0x1
#define ARC_OPEN_RDONLY	0x2
int	arc_store_open(struct arc_store **sp, const char *dir, int flags,
	    char *err, size_t errlen);
void	arc_store_close(struct arc_store *s);
int	arc_store_lock(struct arc_store *s, int exclusive);
void	arc_store_unlock(struct arc_store *s);
/* Append one message durably (fsync) and index it: 0 with its number
 * and chain hash, or -1 and why (nothing is half-written). */
int	arc_store_append(struct arc_store *s, const char *meta, size_t metalen,
	    const void *data, size_t len, time_t now, uint64_t *recno,
	    unsigned char hash[ARC_HASH_LEN], char *err, size_t errlen);
/* The chain walked and its end compared with the index head: 0 with
 * what was seen, or -1 and the first problem, naming the record. */
int	arc_store_verify(struct arc_store *s, struct arc_walk *w, char *err,
	    size_t errlen);
/* Bench fill only: appends without fsync (on) or with it again, after
 * syncing what was written (off).  Never in the daemon. */
int	arc_store_nosync(struct arc_store *s, int on);
/* Read record recno into *buf (caller frees) and parse it into r. */
int	arc_store_read(struct arc_store *s, uint64_t recno,
	    unsigned char **buf, struct arc_rec *r, char *err, size_t errlen);

/* Shared by archive_store.c, archive_recover.c and archive_purge.c. */
struct arc_head;
int	arc_fsync_dir(const char *dir);
int	arc_store_head(struct arc_store *s, struct arc_head *h, char *err,
	    size_t errlen);
int	arc_store_index(struct arc_store *s, const struct arc_rec *r,
	    uint32_t seg, uint64_t off, char *err, size_t errlen);
int	arc_store_recover(struct arc_store *s, char *err, size_t errlen);

/* archive_purge.c: retention.  days_of() gives the retention days of a
 * policy DN: >= 0, or -1 for "kept" (no mmhsRetentionDays, or a policy
 * the directory no longer has). */
typedef long (*arc_days_fn)(void *arg, const char *policy_dn);
struct arc_purge_stats {
	uint64_t ps_dropped;		/* records removed now */
	uint64_t ps_kept;		/* message records left */
	unsigned ps_segments;		/* segments rewritten */
};
int	arc_purge(struct arc_store *s, time_t now, arc_days_fn days_of,
	    void *arg, struct arc_purge_stats *st, char *err, size_t errlen);

#endif
