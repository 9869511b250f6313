/* store_db_list.c - one page of a folder, sorted and filtered
 *
 * A folder has three indexes (date, precedence, classification), each
 * ordered by its key, then date, then id, and each entry carries the
 * digest the filters test.  A listing walks the index of its sort order
 * in the wanted direction, skips entries whose digest fails a filter,
 * and keeps the page [offset, offset + limit).  Two shortcuts keep the
 * common cases independent of the folder's size:
 *
 *  - without filters, or filtering only by precedence and unread, the
 *    total comes from the folder's exact counters, so the walk stops at
 *    the end of the page;
 *  - a precedence filter with a date or precedence sort walks only the
 *    precedence index ranges of the chosen precedences, merged by date
 *    (or one after the other), never the entries of other precedences.
 *
 * Other filters (classification, SIC, originator) must count every
 * match, so they walk the folder's index once; a digest hash that
 * matches is confirmed from the message record.
 */
#include "config.h"

#include <string.h>

#include "mmhs_alloc.h"
#include "store_db_int.h"

#define SDB_LIST_DEF	50
#define SDB_LIST_MAX	1000

struct sdb_src {
	MDB_cursor *s_cur;
	unsigned char s_prefix[SDB_IDX_KEYLEN];
	size_t	s_plen;
	MDB_val	s_k, s_v;
	int	s_valid;
};

struct sdb_walk {
	struct store_db *w_db;
	MDB_txn *w_txn;
	const struct store_query *w_q;
	uint32_t w_mbno;
	int	w_desc;
	size_t	w_cmp;			/* key offset the merge compares from */
	size_t	w_nsrc;
	struct sdb_src w_src[SDB_NPREC];
	uint32_t w_class_hash, w_orig_hash, w_sic_bit;
	int	w_confirm;		/* a hash filter is on */
};

/* sdb_src_check - is the cursor's entry inside the source's range */
static void
sdb_src_check(struct sdb_src *s, int rc)
{
	s->s_valid = rc == 0 && s->s_k.mv_size == SDB_IDX_KEYLEN &&
	    memcmp(s->s_k.mv_data, s->s_prefix, s->s_plen) == 0;
}

/* sdb_src_start - position at the first (last when desc) entry */
static int
sdb_src_start(struct sdb_walk *w, struct sdb_src *s)
{
	unsigned char key[SDB_IDX_KEYLEN];
	int rc;

	if ((rc = mdb_cursor_open(w->w_txn, w->w_db->db_idx, &s->s_cur)) != 0)
		return rc;
	memcpy(key, s->s_prefix, s->s_plen);
	memset(key + s->s_plen, w->w_desc ? 0xff : 0, sizeof(key) - s->s_plen);
	s->s_k.mv_size = sizeof(key);
	s->s_k.mv_data = key;
	rc = mdb_cursor_get(s->s_cur, &s->s_k, &s->s_v, MDB_SET_RANGE);
	if (w->w_desc) {
		if (rc == MDB_NOTFOUND)
			rc = mdb_cursor_get(s->s_cur, &s->s_k, &s->s_v,
			    MDB_LAST);
		else if (rc == 0 &&
		    memcmp(s->s_k.mv_data, key, sizeof(key)) != 0)
			rc = mdb_cursor_get(s->s_cur, &s->s_k, &s->s_v,
			    MDB_PREV);
	}
	if (rc != 0 && rc != MDB_NOTFOUND)
		return rc;
	sdb_src_check(s, rc);
	return 0;
}

static int
sdb_src_next(struct sdb_walk *w, struct sdb_src *s)
{
	int rc = mdb_cursor_get(s->s_cur, &s->s_k, &s->s_v,
	    w->w_desc ? MDB_PREV : MDB_NEXT);

	if (rc != 0 && rc != MDB_NOTFOUND)
		return rc;
	sdb_src_check(s, rc);
	return 0;
}

/* sdb_pick - the source whose entry comes next in the merged order */
static struct sdb_src *
sdb_pick(struct sdb_walk *w)
{
	struct sdb_src *best = NULL;
	size_t i;
	int c;

	for (i = 0; i < w->w_nsrc; i++) {
		struct sdb_src *s = &w->w_src[i];

		if (!s->s_valid)
			continue;
		if (best != NULL) {
			c = memcmp((char *) s->s_k.mv_data + w->w_cmp,
			    (char *) best->s_k.mv_data + w->w_cmp,
			    SDB_IDX_KEYLEN - w->w_cmp);
			if (w->w_desc ? c <= 0 : c >= 0)
				continue;
		}
		best = s;
	}
	return best;
}

/* sdb_has - does the record hold the string (case-insensitive) */
static int
sdb_streq(const char *a, size_t alen, const char *b)
{
	return strlen(b) == alen && strncasecmp(a, b, alen) == 0;
}

/* sdb_match - 1 when the entry passes every filter */
static int
sdb_match(struct sdb_walk *w, const MDB_val *k, const MDB_val *v)
{
	const struct store_query *q = w->w_q;
	struct sdb_digest dg;
	struct sdb_rec r;
	uint32_t i;

	if (v->mv_size != sizeof(dg))
		return 0;
	memcpy(&dg, v->mv_data, sizeof(dg));
	if ((q->q_unread && (dg.dg_flags & STORE_F_SEEN)) ||
	    (q->q_prec_set != 0 && !(q->q_prec_set & (1u << dg.dg_prec))) ||
	    (q->q_class != NULL && dg.dg_class_hash != w->w_class_hash) ||
	    (q->q_originator != NULL && dg.dg_orig_hash != w->w_orig_hash) ||
	    (q->q_sic != NULL && !(dg.dg_sic_bloom & w->w_sic_bit)))
		return 0;
	if (!w->w_confirm)
		return 1;
	if (sdb_msg_get(w->w_db, w->w_txn, w->w_mbno,
	    sdb_get64((unsigned char *) k->mv_data + 19), &r) != 0)
		return 0;
	if (q->q_class != NULL && !sdb_streq(r.r_str[SDB_S_CLASS],
	    r.r_len[SDB_S_CLASS], q->q_class))
		return 0;
	if (q->q_originator != NULL && !sdb_streq(r.r_str[SDB_S_FROM],
	    r.r_len[SDB_S_FROM], q->q_originator))
		return 0;
	if (q->q_sic == NULL)
		return 1;
	for (i = 0; i < r.r_nsic; i++)
		if (sdb_streq(r.r_sic[i], r.r_siclen[i], q->q_sic))
			return 1;
	return 0;
}

/* sdb_plan - the sources to walk, and the total when counters know it */
static void
sdb_plan(struct sdb_walk *w, uint32_t fno, const struct sdb_folder *fo,
    int *known, size_t *total)
{
	const struct store_query *q = w->w_q;
	unsigned set = q->q_prec_set & ((1u << SDB_NPREC) - 1);
	int kind = q->q_sort == STORE_SORT_PRECEDENCE ? 'p' :
	    q->q_sort == STORE_SORT_CLASSIFICATION ? 'c' : 'd';
	unsigned p;

	*known = q->q_class == NULL && q->q_sic == NULL &&
	    q->q_originator == NULL;
	*total = 0;
	for (p = 0; p < SDB_NPREC; p++)
		if (set == 0 || (set & (1u << p)))
			*total += (size_t) (q->q_unread ? fo->fo_punread[p] :
			    fo->fo_ptotal[p]);
	w->w_nsrc = 0;
	if (set != 0 && kind != 'c') {
		w->w_cmp = kind == 'p' ? 9 : 11;
		for (p = 0; p < SDB_NPREC; p++) {
			struct sdb_src *s;

			if (!(set & (1u << p)))
				continue;
			s = &w->w_src[w->w_nsrc++];
			sdb_put32(s->s_prefix, w->w_mbno);
			sdb_put32(s->s_prefix + 4, fno);
			s->s_prefix[8] = 'p';
			s->s_prefix[9] = 0;
			s->s_prefix[10] = (unsigned char) p;
			s->s_plen = 11;
		}
		return;
	}
	w->w_nsrc = 1;
	w->w_cmp = 9;
	sdb_put32(w->w_src[0].s_prefix, w->w_mbno);
	sdb_put32(w->w_src[0].s_prefix + 4, fno);
	w->w_src[0].s_prefix[8] = (unsigned char) kind;
	w->w_src[0].s_plen = 9;
}

/* sdb_walk - the ids of the page into ids; the total into *total */
static int
sdb_walk(struct sdb_walk *w, int known, size_t *total, uint64_t *ids,
    size_t *nids)
{
	const struct store_query *q = w->w_q;
	size_t limit = q->q_limit == 0 ? SDB_LIST_DEF :
	    q->q_limit > SDB_LIST_MAX ? SDB_LIST_MAX : q->q_limit;
	size_t i, seen = 0;
	struct sdb_src *s;
	int rc = 0;

	*nids = 0;
	for (i = 0; i < w->w_nsrc && rc == 0; i++)
		rc = sdb_src_start(w, &w->w_src[i]);
	while (rc == 0 && (s = sdb_pick(w)) != NULL) {
		if (known && (*nids == limit || seen >= *total))
			break;
		if (sdb_match(w, &s->s_k, &s->s_v)) {
			if (seen >= q->q_offset && *nids < limit)
				ids[(*nids)++] = sdb_get64(
				    (unsigned char *) s->s_k.mv_data + 19);
			seen++;
		}
		rc = sdb_src_next(w, s);
	}
	if (!known)
		*total = seen;
	return rc;
}

/* sdb_page - the records of the page's ids */
static int
sdb_page(struct sdb_walk *w, const char *dn, const char *folder,
    const uint64_t *ids, size_t n, struct store_list *out)
{
	struct sdb_rec r;
	size_t i;
	int rc;

	out->sl_msgs = mmhs_calloc(n > 0 ? n : 1, sizeof(*out->sl_msgs));
	for (i = 0; i < n; i++) {
		if ((rc = sdb_msg_get(w->w_db, w->w_txn, w->w_mbno, ids[i],
		    &r)) != 0)
			return rc == MDB_NOTFOUND ? MDB_CORRUPTED : rc;
		sdb_rec_to_msg(&r, dn, ids[i], folder, &out->sl_msgs[i]);
		out->sl_count++;
	}
	return 0;
}

int
store_db_list(struct store_db *db, const char *mailbox,
    const struct store_query *q, struct store_list *out, char *err,
    size_t errlen)
{
	const char *folder = sdb_folder_name(q->q_folder);
	struct sdb_walk w;
	struct sdb_folder fo;
	struct sdb_mbox mb;
	MDB_val v;
	uint64_t ids[SDB_LIST_MAX];
	size_t nids = 0, i;
	char *norm, *dn = NULL;
	int rc, known;

	memset(out, 0, sizeof(*out));
	memset(&w, 0, sizeof(w));
	w.w_db = db;
	w.w_q = q;
	w.w_desc = q->q_desc;
	if (q->q_class != NULL)
		w.w_class_hash = sdb_hash_ci(q->q_class, strlen(q->q_class));
	if (q->q_originator != NULL)
		w.w_orig_hash = sdb_hash_ci(q->q_originator,
		    strlen(q->q_originator));
	if (q->q_sic != NULL)
		w.w_sic_bit = sdb_sic_bit(q->q_sic, strlen(q->q_sic));
	w.w_confirm = q->q_class != NULL || q->q_originator != NULL ||
	    q->q_sic != NULL;
	if ((rc = mdb_txn_begin(db->db_env, NULL, MDB_RDONLY, &w.w_txn)) != 0)
		return sdb_error(rc, "list", err, errlen);
	norm = store_dn_norm(mailbox);
	rc = strlen(norm) > SDB_DN_MAX ? MDB_NOTFOUND :
	    sdb_mbox_get(db, w.w_txn, norm, &mb, &v);
	mmhs_free(norm);
	if (rc == 0) {
		dn = mmhs_strndup((char *) v.mv_data + sizeof(mb),
		    v.mv_size - sizeof(mb));
		w.w_mbno = mb.mb_no;
		rc = sdb_folder_get(db, w.w_txn, mb.mb_no, folder, &fo);
	}
	if (rc == 0) {
		sdb_plan(&w, fo.fo_no, &fo, &known, &out->sl_total);
		rc = sdb_walk(&w, known, &out->sl_total, ids, &nids);
	}
	if (rc == 0)
		rc = sdb_page(&w, dn, folder, ids, nids, out);
	for (i = 0; i < w.w_nsrc; i++)
		if (w.w_src[i].s_cur != NULL)
			mdb_cursor_close(w.w_src[i].s_cur);
	mdb_txn_abort(w.w_txn);
	mmhs_free(dn);
	if (rc == MDB_NOTFOUND) {	/* no such mailbox or folder: empty */
		out->sl_total = 0;
		return STORE_OK;
	}
	if (rc != 0) {
		store_list_free(out);
		return sdb_error(rc, "list", err, errlen);
	}
	return STORE_OK;
}

void
store_list_free(struct store_list *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->sl_count; i++)
		store_msg_free(&l->sl_msgs[i]);
	mmhs_free(l->sl_msgs);
	memset(l, 0, sizeof(*l));
}
