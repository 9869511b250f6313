/* archive_index.c - mmhs-archive: the search index in LMDB
 *
 * Purpose: the index of archive_index.h.  Databases of DIR/index:
 *	meta	"head" -> next recno, hash, segment, end (52 octets);
 *		"purging" -> segment being replaced by a purge
 *	rec	recno (8) -> segment 4, offset 8, length 8, received 8,
 *		date 8, then the record's metadata
 *	keys	(dupsort) field letter ':' lower-case value -> recno (8):
 *		f originator and From:, t recipient, s SIC, p precedence,
 *		c classification NAME and marking, m Message-ID
 *	date	date + 2^63 (8) | recno (8) -> nothing
 * Numbers are big-endian, so LMDB's byte order is record order and
 * date order.  Searching is in archive_search.c.
 *
 * Durability: MDB_NOMETASYNC, one sync per commit instead of two.  A
 * system crash may then undo the last commit (LMDB stays consistent);
 * the record is in its fsync'ed segment, after the head, and the next
 * open indexes it again (archive_recover.c).  A purge, whose index
 * change cannot be redone from the segments, syncs with
 * arc_index_sync() before it renames.
 *
 * Error behaviour: -1 with LMDB's text; a write transaction that fails
 * is aborted, so the index never holds half a record.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <lmdb.h>

#include "mmhs_alloc.h"
#include "archive_index.h"
#include "archive_index_int.h"

#define ARC_IX_MAPSIZE	((size_t)16 << 30)
#define ARC_HEAD_LEN	(8 + ARC_HASH_LEN + 4 + 8)

/* Metadata fields indexed, and their key letters. */
static const struct {
	const char *f_name;
	char	f_key;
} arc_fields[] = {
	{ "Originator", 'f' }, { "From", 'f' }, { "Recipient", 't' },
	{ "SIC", 's' }, { "Precedence", 'p' }, { "Classification", 'c' },
	{ "Marking", 'c' }, { "Message-ID", 'm' },
};

/* arc_ix_key - "f:value" in lower case, cut at ARC_VALUE_MAX */
size_t
arc_ix_key(char field, const char *v, size_t len, char *key)
{
	size_t	i;

	if (len > ARC_VALUE_MAX)
		len = ARC_VALUE_MAX;
	key[0] = field;
	key[1] = ':';
	for (i = 0; i < len; i++)
		key[2 + i] = (char)tolower((unsigned char)v[i]);
	return len + 2;
}

int
arc_index_open(struct arc_index **ip, const char *dir, int rdonly, char *err,
	size_t errlen)
{
	struct arc_index *ix = mmhs_calloc(1, sizeof(*ix));
	char	path[4096];
	MDB_txn	*txn = NULL;
	unsigned dbf = rdonly ? 0 : MDB_CREATE;
	int	rc;

	snprintf(path, sizeof(path), "%s/index", dir);
	if (!rdonly && mkdir(path, 0700) < 0 && errno != EEXIST) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		mmhs_free(ix);
		return -1;
	}
	if ((rc = mdb_env_create(&ix->x_env)) != 0 ||
	    (rc = mdb_env_set_maxdbs(ix->x_env, 4)) != 0 ||
	    (rc = mdb_env_set_mapsize(ix->x_env, ARC_IX_MAPSIZE)) != 0 ||
	    (rc = mdb_env_open(ix->x_env, path, MDB_NOTLS | MDB_NOMETASYNC |
	    (rdonly ? MDB_RDONLY : 0), 0600)) != 0 ||
	    (rc = mdb_txn_begin(ix->x_env, NULL, rdonly ? MDB_RDONLY : 0,
	    &txn)) != 0 ||
	    (rc = mdb_dbi_open(txn, "meta", dbf, &ix->x_meta)) != 0 ||
	    (rc = mdb_dbi_open(txn, "rec", dbf, &ix->x_rec)) != 0 ||
	    (rc = mdb_dbi_open(txn, "keys", dbf | MDB_DUPSORT | MDB_DUPFIXED,
	    &ix->x_keys)) != 0 ||
	    (rc = mdb_dbi_open(txn, "date", dbf, &ix->x_date)) != 0 ||
	    (rc = mdb_txn_commit(txn)) != 0) {
		snprintf(err, errlen, "index %s: %s", path, mdb_strerror(rc));
		if (txn != NULL && rc != 0)
			mdb_txn_abort(txn);
		if (ix->x_env != NULL)
			mdb_env_close(ix->x_env);
		mmhs_free(ix);
		return -1;
	}
	*ip = ix;
	return 0;
}

void
arc_index_close(struct arc_index *ix)
{
	if (ix == NULL)
		return;
	if (ix->x_txn != NULL)
		mdb_txn_abort(ix->x_txn);
	mdb_env_close(ix->x_env);
	mmhs_free(ix);
}

int
arc_index_sync(struct arc_index *ix)
{
	return mdb_env_sync(ix->x_env, 1) == 0 ? 0 : -1;
}

int
arc_index_nosync(struct arc_index *ix, int on)
{
	if (mdb_env_set_flags(ix->x_env, MDB_NOSYNC, on) != 0)
		return -1;
	return on ? 0 : mdb_env_sync(ix->x_env, 1) == 0 ? 0 : -1;
}

/* arc_ix_rtxn - the write transaction, or a new read one (*own) */
MDB_txn *
arc_ix_rtxn(struct arc_index *ix, int *own)
{
	MDB_txn	*txn;

	*own = 0;
	if (ix->x_txn != NULL)
		return ix->x_txn;
	if (mdb_txn_begin(ix->x_env, NULL, MDB_RDONLY, &txn) != 0)
		return NULL;
	*own = 1;
	return txn;
}

void
arc_ix_rdone(MDB_txn *txn, int own)
{
	if (own)
		mdb_txn_abort(txn);
}

int
arc_index_head(struct arc_index *ix, struct arc_head *h)
{
	MDB_val	k = { 4, "head" }, v;
	MDB_txn	*txn;
	const unsigned char *p;
	int	own, rc;

	if ((txn = arc_ix_rtxn(ix, &own)) == NULL)
		return -1;
	rc = mdb_get(txn, ix->x_meta, &k, &v);
	if (rc == 0 && v.mv_size == ARC_HEAD_LEN) {
		p = v.mv_data;
		h->h_next = arc_get64(p);
		memcpy(h->h_hash, p + 8, ARC_HASH_LEN);
		p += 8 + ARC_HASH_LEN;
		h->h_seg = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
		    (uint32_t)p[2] << 8 | p[3];
		h->h_end = arc_get64(p + 4);
	}
	arc_ix_rdone(txn, own);
	if (rc == MDB_NOTFOUND)
		return 1;
	return rc == 0 && v.mv_size == ARC_HEAD_LEN ? 0 : -1;
}

int
arc_index_purging(struct arc_index *ix, uint32_t *seg)
{
	MDB_val	k = { 7, "purging" }, v;
	MDB_txn	*txn;
	int	own, rc;

	if ((txn = arc_ix_rtxn(ix, &own)) == NULL)
		return -1;
	if ((rc = mdb_get(txn, ix->x_meta, &k, &v)) == 0 && v.mv_size == 4)
		memcpy(seg, v.mv_data, 4);
	arc_ix_rdone(txn, own);
	return rc == 0 ? 1 : rc == MDB_NOTFOUND ? 0 : -1;
}

int
arc_index_begin(struct arc_index *ix, char *err, size_t errlen)
{
	int	rc;

	if ((rc = mdb_txn_begin(ix->x_env, NULL, 0, &ix->x_txn)) != 0) {
		ix->x_txn = NULL;
		snprintf(err, errlen, "index: %s", mdb_strerror(rc));
		return -1;
	}
	return 0;
}

int
arc_index_commit(struct arc_index *ix, char *err, size_t errlen)
{
	int	rc = mdb_txn_commit(ix->x_txn);

	ix->x_txn = NULL;
	if (rc != 0) {
		snprintf(err, errlen, "index commit: %s", mdb_strerror(rc));
		return -1;
	}
	return 0;
}

void
arc_index_abort(struct arc_index *ix)
{
	if (ix->x_txn != NULL)
		mdb_txn_abort(ix->x_txn);
	ix->x_txn = NULL;
}

/* arc_ix_keys - put (or delete) the keys of one record's metadata */
static int
arc_ix_keys(struct arc_index *ix, const unsigned char rk[8], const char *meta,
	size_t metalen, int del)
{
	const char *p = meta, *n, *v;
	char	key[ARC_KEY_MAX];
	MDB_val	k, d = { 8, (void *)rk };
	size_t	nl, vl, i;
	int	rc;

	while (arc_meta_next(&p, meta + metalen, &n, &nl, &v, &vl) > 0)
		for (i = 0; i < sizeof(arc_fields) / sizeof(arc_fields[0]); i++) {
			if (nl != strlen(arc_fields[i].f_name) ||
			    strncmp(n, arc_fields[i].f_name, nl) != 0 || vl == 0)
				continue;
			k.mv_size = arc_ix_key(arc_fields[i].f_key, v, vl, key);
			k.mv_data = key;
			rc = del ? mdb_del(ix->x_txn, ix->x_keys, &k, &d) :
			    mdb_put(ix->x_txn, ix->x_keys, &k, &d, 0);
			if (rc != 0 && !(del && rc == MDB_NOTFOUND))
				return -1;
		}
	return 0;
}

/* arc_ix_datekey - date + 2^63 | recno */
void
arc_ix_datekey(int64_t date, uint64_t recno, unsigned char key[16])
{
	arc_put64(key, (uint64_t)date ^ (UINT64_C(1) << 63));
	arc_put64(key + 8, recno);
}

static void
arc_ix_loc_put(unsigned char *p, const struct arc_loc *l)
{
	p[0] = (unsigned char)(l->l_seg >> 24);
	p[1] = (unsigned char)(l->l_seg >> 16);
	p[2] = (unsigned char)(l->l_seg >> 8);
	p[3] = (unsigned char)l->l_seg;
	arc_put64(p + 4, l->l_off);
	arc_put64(p + 12, l->l_len);
	arc_put64(p + 20, (uint64_t)l->l_received);
	arc_put64(p + 28, (uint64_t)l->l_date);
}

void
arc_ix_loc_get(const unsigned char *p, struct arc_loc *l)
{
	l->l_seg = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
	l->l_off = arc_get64(p + 4);
	l->l_len = arc_get64(p + 12);
	l->l_received = (int64_t)arc_get64(p + 20);
	l->l_date = (int64_t)arc_get64(p + 28);
}

int
arc_index_put(struct arc_index *ix, uint64_t recno, const struct arc_loc *loc,
	const char *meta, size_t metalen)
{
	unsigned char rk[8], dk[16];
	MDB_val	k = { 8, rk }, v, dkey = { 16, dk }, empty = { 0, NULL };

	arc_put64(rk, recno);
	v.mv_size = ARC_LOC_LEN + metalen;
	if (mdb_put(ix->x_txn, ix->x_rec, &k, &v, MDB_RESERVE) != 0)
		return -1;
	arc_ix_loc_put(v.mv_data, loc);
	memcpy((char *)v.mv_data + ARC_LOC_LEN, meta, metalen);
	arc_ix_datekey(loc->l_date, recno, dk);
	if (mdb_put(ix->x_txn, ix->x_date, &dkey, &empty, 0) != 0)
		return -1;
	return arc_ix_keys(ix, rk, meta, metalen, 0);
}

/* arc_index_drop - a record and its keys (absent: nothing to do) */
int
arc_index_drop(struct arc_index *ix, uint64_t recno)
{
	unsigned char rk[8], dk[16];
	MDB_val	k = { 8, rk }, v, dkey = { 16, dk };
	struct arc_loc loc;
	int	rc;

	arc_put64(rk, recno);
	if ((rc = mdb_get(ix->x_txn, ix->x_rec, &k, &v)) == MDB_NOTFOUND)
		return 0;
	if (rc != 0 || v.mv_size < ARC_LOC_LEN)
		return -1;
	arc_ix_loc_get(v.mv_data, &loc);
	if (arc_ix_keys(ix, rk, (const char *)v.mv_data + ARC_LOC_LEN,
	    v.mv_size - ARC_LOC_LEN, 1) < 0)
		return -1;
	arc_ix_datekey(loc.l_date, recno, dk);
	rc = mdb_del(ix->x_txn, ix->x_date, &dkey, NULL);
	if (rc != 0 && rc != MDB_NOTFOUND)
		return -1;
	return mdb_del(ix->x_txn, ix->x_rec, &k, NULL) == 0 ? 0 : -1;
}

/* arc_index_move - a record's new offset in its (rewritten) segment */
int
arc_index_move(struct arc_index *ix, uint64_t recno, uint64_t off)
{
	unsigned char rk[8], *copy;
	MDB_val	k = { 8, rk }, v, nv;
	int	rc;

	arc_put64(rk, recno);
	if (mdb_get(ix->x_txn, ix->x_rec, &k, &v) != 0 ||
	    v.mv_size < ARC_LOC_LEN)
		return -1;
	/* a value read is LMDB's memory: write a changed copy */
	copy = mmhs_malloc(v.mv_size);
	memcpy(copy, v.mv_data, v.mv_size);
	arc_put64(copy + 4, off);
	nv.mv_size = v.mv_size;
	nv.mv_data = copy;
	rc = mdb_put(ix->x_txn, ix->x_rec, &k, &nv, 0);
	mmhs_free(copy);
	return rc == 0 ? 0 : -1;
}

int
arc_index_set_head(struct arc_index *ix, const struct arc_head *h)
{
	unsigned char buf[ARC_HEAD_LEN], *p = buf;
	MDB_val	k = { 4, "head" }, v = { sizeof(buf), buf };

	arc_put64(p, h->h_next);
	memcpy(p + 8, h->h_hash, ARC_HASH_LEN);
	p += 8 + ARC_HASH_LEN;
	p[0] = (unsigned char)(h->h_seg >> 24);
	p[1] = (unsigned char)(h->h_seg >> 16);
	p[2] = (unsigned char)(h->h_seg >> 8);
	p[3] = (unsigned char)h->h_seg;
	arc_put64(p + 4, h->h_end);
	return mdb_put(ix->x_txn, ix->x_meta, &k, &v, 0) == 0 ? 0 : -1;
}

int
arc_index_set_purging(struct arc_index *ix, int on, uint32_t seg)
{
	MDB_val	k = { 7, "purging" }, v = { 4, &seg };
	int	rc;

	if (on)
		return mdb_put(ix->x_txn, ix->x_meta, &k, &v, 0) == 0 ? 0 : -1;
	rc = mdb_del(ix->x_txn, ix->x_meta, &k, NULL);
	return rc == 0 || rc == MDB_NOTFOUND ? 0 : -1;
}

int
arc_index_get(struct arc_index *ix, uint64_t recno, struct arc_loc *loc,
	char **meta, size_t *metalen)
{
	unsigned char rk[8];
	MDB_val	k = { 8, rk }, v;
	MDB_txn	*txn;
	int	own, rc;

	if ((txn = arc_ix_rtxn(ix, &own)) == NULL)
		return -1;
	arc_put64(rk, recno);
	rc = mdb_get(txn, ix->x_rec, &k, &v);
	if (rc == 0 && v.mv_size >= ARC_LOC_LEN) {
		arc_ix_loc_get(v.mv_data, loc);
		if (meta != NULL) {
			*metalen = v.mv_size - ARC_LOC_LEN;
			*meta = mmhs_malloc(*metalen + 1);
			memcpy(*meta, (char *)v.mv_data + ARC_LOC_LEN, *metalen);
			(*meta)[*metalen] = '\0';
		}
	}
	arc_ix_rdone(txn, own);
	if (rc == MDB_NOTFOUND)
		return 1;
	return rc == 0 && v.mv_size >= ARC_LOC_LEN ? 0 : -1;
}
