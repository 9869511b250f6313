/* archive_search.c - mmhs-archive: searching the index
 *
 * Purpose: arc_index_search() of archive_index.h.  The criterion with
 * the fewest records is walked in record order (its duplicates are
 * big-endian record numbers) and every other criterion is checked with
 * one MDB_GET_BOTH probe, so the cost follows the rarest criterion, not
 * the size of the archive.  With dates only (or nothing) the date
 * database is walked over the range, in date order.  The whole search
 * is one read transaction: a consistent snapshot while the daemon
 * appends.
 *
 * Error behaviour: -1 when LMDB cannot give a transaction or cursor.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "archive_index_int.h"

struct arc_crit {
	char	c_key[ARC_KEY_MAX + 2];
	size_t	c_len;
	size_t	c_count;
};

/* arc_ix_crits - the equality criteria of q as keys; their number */
static size_t
arc_ix_crits(const struct arc_query *q, struct arc_crit *c)
{
	const struct {
		const char *v;
		char	f;
	} in[] = {
		{ q->q_from, 'f' }, { q->q_to, 't' }, { q->q_sic, 's' },
		{ q->q_prec, 'p' }, { q->q_class, 'c' }, { q->q_msgid, 'm' },
	};
	char	id[ARC_VALUE_MAX + 3];
	const char *v;
	size_t	i, n = 0;

	for (i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
		if ((v = in[i].v) == NULL)
			continue;
		if (in[i].f == 'm' && v[0] != '<') {
			snprintf(id, sizeof(id), "<%s>", v);
			v = id;
		}
		c[n].c_len = arc_ix_key(in[i].f, v, strlen(v), c[n].c_key);
		n++;
	}
	return n;
}

/* arc_ix_emit - a candidate: the dates, then the callback */
static int
arc_ix_emit(struct arc_index *ix, MDB_txn *txn, const struct arc_query *q,
	const unsigned char rk[8], arc_found_fn fn, void *arg, long *n)
{
	MDB_val	k = { 8, (void *)rk }, v;
	struct arc_loc loc;

	if (mdb_get(txn, ix->x_rec, &k, &v) != 0 || v.mv_size < ARC_LOC_LEN)
		return 0;		/* dropped by a purge meanwhile */
	arc_ix_loc_get(v.mv_data, &loc);
	if ((q->q_has_since && loc.l_date < q->q_since) ||
	    (q->q_has_until && loc.l_date > q->q_until))
		return 0;
	(*n)++;
	return fn(arg, arc_get64(rk), &loc, (const char *)v.mv_data +
	    ARC_LOC_LEN, v.mv_size - ARC_LOC_LEN);
}

/* arc_ix_by_keys - walk the rarest key, probe the others */
static int
arc_ix_by_keys(struct arc_index *ix, MDB_txn *txn, const struct arc_query *q,
	struct arc_crit *c, size_t nc, arc_found_fn fn, void *arg, long *n)
{
	MDB_cursor *cur, *probe;
	MDB_val	k, d, pk, pd;
	size_t	i, best = 0, cnt;
	int	rc, ok, stop = 0;

	if (mdb_cursor_open(txn, ix->x_keys, &cur) != 0 ||
	    mdb_cursor_open(txn, ix->x_keys, &probe) != 0)
		return -1;
	for (i = 0; i < nc; i++) {
		k.mv_size = c[i].c_len;
		k.mv_data = c[i].c_key;
		if (mdb_cursor_get(cur, &k, &d, MDB_SET) != 0 ||
		    mdb_cursor_count(cur, &cnt) != 0)
			cnt = 0;
		if ((c[i].c_count = cnt) < c[best].c_count)
			best = i;
	}
	k.mv_size = c[best].c_len;
	k.mv_data = c[best].c_key;
	for (rc = c[best].c_count == 0 ? MDB_NOTFOUND :
	    mdb_cursor_get(cur, &k, &d, MDB_SET); rc == 0 && !stop;
	    rc = mdb_cursor_get(cur, &k, &d, MDB_NEXT_DUP)) {
		for (i = 0, ok = 1; i < nc && ok; i++) {
			if (i == best)
				continue;
			pk.mv_size = c[i].c_len;
			pk.mv_data = c[i].c_key;
			pd = d;
			ok = mdb_cursor_get(probe, &pk, &pd, MDB_GET_BOTH) == 0;
		}
		if (ok && d.mv_size == 8)
			stop = arc_ix_emit(ix, txn, q, d.mv_data, fn, arg, n);
	}
	mdb_cursor_close(probe);
	mdb_cursor_close(cur);
	return 0;
}

/* arc_ix_by_date - walk the date range (every record without one) */
static int
arc_ix_by_date(struct arc_index *ix, MDB_txn *txn, const struct arc_query *q,
	arc_found_fn fn, void *arg, long *n)
{
	unsigned char from[16];
	MDB_cursor *cur;
	MDB_val	k, d;
	int	rc, stop = 0;

	if (mdb_cursor_open(txn, ix->x_date, &cur) != 0)
		return -1;
	arc_ix_datekey(q->q_has_since ? q->q_since : INT64_MIN, 0, from);
	k.mv_size = sizeof(from);
	k.mv_data = from;
	for (rc = mdb_cursor_get(cur, &k, &d, MDB_SET_RANGE); rc == 0 && !stop;
	    rc = mdb_cursor_get(cur, &k, &d, MDB_NEXT)) {
		if (k.mv_size != 16)
			continue;
		if (q->q_has_until && (int64_t)(arc_get64(k.mv_data) ^
		    (UINT64_C(1) << 63)) > q->q_until)
			break;
		stop = arc_ix_emit(ix, txn, q, (unsigned char *)k.mv_data + 8,
		    fn, arg, n);
	}
	mdb_cursor_close(cur);
	return 0;
}

/* arc_index_search - every record meeting all criteria */
long
arc_index_search(struct arc_index *ix, const struct arc_query *q,
	arc_found_fn fn, void *arg, char *err, size_t errlen)
{
	struct arc_crit c[6];
	MDB_txn	*txn;
	size_t	nc = arc_ix_crits(q, c);
	long	n = 0;
	int	own, rc;

	if ((txn = arc_ix_rtxn(ix, &own)) == NULL) {
		snprintf(err, errlen, "index: cannot begin a read");
		return -1;
	}
	rc = nc > 0 ? arc_ix_by_keys(ix, txn, q, c, nc, fn, arg, &n) :
	    arc_ix_by_date(ix, txn, q, fn, arg, &n);
	arc_ix_rdone(txn, own);
	if (rc < 0) {
		snprintf(err, errlen, "index: cannot open a cursor");
		return -1;
	}
	return n;
}
