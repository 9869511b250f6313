/* store_db_read.c - reading single messages, folders, mailboxes and the
 * ffmon list out of the store
 *
 * Each call is one read transaction (a snapshot), begun and ended here,
 * so results are consistent with one another: the counters of a folder
 * list are those of one moment.  Results are copied out.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "mmhs_alloc.h"
#include "store_db_int.h"

/* sdb_read - begin a read transaction and find the mailbox */
static int
sdb_read(struct store_db *db, const char *mailbox, MDB_txn **txn,
    struct sdb_mbox *mb, char **dn, char *err, size_t errlen)
{
	char *norm;
	MDB_val v;
	int rc;

	if ((rc = mdb_txn_begin(db->db_env, NULL, MDB_RDONLY, txn)) != 0)
		return sdb_error(rc, "read", err, errlen);
	if (mailbox == NULL)
		return STORE_OK;
	norm = store_dn_norm(mailbox);
	rc = strlen(norm) > SDB_DN_MAX ? MDB_NOTFOUND :
	    sdb_mbox_get(db, *txn, norm, mb, &v);
	mmhs_free(norm);
	if (rc == 0) {
		if (dn != NULL)
			*dn = mmhs_strndup((const char *) v.mv_data +
			    sizeof(*mb), v.mv_size - sizeof(*mb));
		return STORE_OK;
	}
	mdb_txn_abort(*txn);
	if (rc == MDB_NOTFOUND)
		return sdb_fail(STORE_NOTFOUND, err, errlen, "no mailbox %s",
		    mailbox);
	return sdb_error(rc, "read", err, errlen);
}

int
store_db_get(struct store_db *db, const char *mailbox, uint64_t id,
    struct store_msg *m, char *err, size_t errlen)
{
	char folder[STORE_FOLDER_MAX + 1], *dn;
	struct sdb_mbox mb;
	struct sdb_rec r;
	MDB_txn *txn;
	int rc;

	memset(m, 0, sizeof(*m));
	if ((rc = sdb_read(db, mailbox, &txn, &mb, &dn, err, errlen)) != 0)
		return rc;
	rc = sdb_msg_get(db, txn, mb.mb_no, id, &r);
	if (rc == 0)
		rc = sdb_fnum_name(db, txn, mb.mb_no, r.r_hdr.mh_fno, folder);
	if (rc == 0)
		sdb_rec_to_msg(&r, dn, id, folder, m);
	mdb_txn_abort(txn);
	mmhs_free(dn);
	if (rc == MDB_NOTFOUND)
		return sdb_fail(STORE_NOTFOUND, err, errlen,
		    "no message %llu in mailbox %s", (unsigned long long) id,
		    mailbox);
	return rc == 0 ? STORE_OK : sdb_error(rc, "read", err, errlen);
}

int
store_db_raw(struct store_db *db, const char *mailbox, uint64_t id,
    char **data, size_t *len, char *err, size_t errlen)
{
	struct sdb_mbox mb;
	struct sdb_rec r;
	MDB_val k, v;
	MDB_txn *txn;
	int rc;

	*data = NULL;
	*len = 0;
	if ((rc = sdb_read(db, mailbox, &txn, &mb, NULL, err, errlen)) != 0)
		return rc;
	rc = sdb_msg_get(db, txn, mb.mb_no, id, &r);
	if (rc == 0) {
		k.mv_size = SDB_HASH_LEN;
		k.mv_data = r.r_hdr.mh_hash;
		if ((rc = mdb_get(txn, db->db_blob, &k, &v)) == MDB_NOTFOUND)
			rc = MDB_CORRUPTED;	/* a record without bytes */
	}
	if (rc == 0) {
		*len = v.mv_size;
		*data = mmhs_malloc(v.mv_size + 1);
		memcpy(*data, v.mv_data, v.mv_size);
		(*data)[v.mv_size] = '\0';
	}
	mdb_txn_abort(txn);
	if (rc == MDB_NOTFOUND)
		return sdb_fail(STORE_NOTFOUND, err, errlen,
		    "no message %llu in mailbox %s", (unsigned long long) id,
		    mailbox);
	return rc == 0 ? STORE_OK : sdb_error(rc, "read", err, errlen);
}

int
store_db_folders(struct store_db *db, const char *mailbox,
    struct store_folder **out, size_t *n, char *err, size_t errlen)
{
	unsigned char key[4];
	MDB_val k = { 4, key }, v;
	struct store_folder *f = NULL, tmp;
	struct sdb_folder fo;
	struct sdb_mbox mb;
	MDB_cursor *cur;
	MDB_txn *txn;
	size_t cnt = 0, cap = 0, len;
	int rc, op = MDB_SET_RANGE;

	*out = NULL;
	*n = 0;
	if ((rc = sdb_read(db, mailbox, &txn, &mb, NULL, err, errlen)) != 0)
		return rc == STORE_NOTFOUND ? STORE_OK : rc;
	sdb_put32(key, mb.mb_no);
	if ((rc = mdb_cursor_open(txn, db->db_folder, &cur)) != 0) {
		mdb_txn_abort(txn);
		return sdb_error(rc, "read", err, errlen);
	}
	while ((rc = mdb_cursor_get(cur, &k, &v, op)) == 0) {
		op = MDB_NEXT;
		if (k.mv_size < 4 || sdb_get32(k.mv_data) != mb.mb_no)
			break;
		len = k.mv_size - 4;
		if (len > STORE_FOLDER_MAX || v.mv_size != sizeof(fo))
			continue;
		memcpy(&fo, v.mv_data, sizeof(fo));
		if (cnt == cap)
			f = mmhs_realloc(f, (cap = cap * 2 + 8) * sizeof(*f));
		memcpy(f[cnt].sf_name, (char *) k.mv_data + 4, len);
		f[cnt].sf_name[len] = '\0';
		f[cnt].sf_total = (size_t) fo.fo_total;
		f[cnt].sf_unread = (size_t) fo.fo_unread;
		/* Inbox first, the others in byte order. */
		if (strcmp(f[cnt].sf_name, "Inbox") == 0 && cnt > 0) {
			tmp = f[cnt];
			memmove(f + 1, f, cnt * sizeof(*f));
			f[0] = tmp;
		}
		cnt++;
	}
	mdb_cursor_close(cur);
	mdb_txn_abort(txn);
	if (rc != 0 && rc != MDB_NOTFOUND) {
		mmhs_free(f);
		return sdb_error(rc, "read", err, errlen);
	}
	*out = f;
	*n = cnt;
	return STORE_OK;
}

int
store_db_mailbox_counts(struct store_db *db, const char *mailbox,
    size_t *total, size_t *unread, char *err, size_t errlen)
{
	struct sdb_mbox mb;
	MDB_txn *txn;
	int rc;

	*total = *unread = 0;
	if ((rc = sdb_read(db, mailbox, &txn, &mb, NULL, err, errlen)) != 0)
		return rc == STORE_NOTFOUND ? STORE_OK : rc;
	*total = (size_t) mb.mb_total;
	*unread = (size_t) mb.mb_unread;
	mdb_txn_abort(txn);
	return STORE_OK;
}

int
store_db_mailboxes(struct store_db *db, struct store_mailbox **out,
    size_t *n, char *err, size_t errlen)
{
	struct store_mailbox *b = NULL;
	struct sdb_mbox mb;
	MDB_cursor *cur;
	MDB_txn *txn;
	MDB_val k, v;
	size_t cnt = 0, cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = sdb_read(db, NULL, &txn, NULL, NULL, err, errlen)) != 0)
		return rc;
	if ((rc = mdb_cursor_open(txn, db->db_mbox, &cur)) != 0) {
		mdb_txn_abort(txn);
		return sdb_error(rc, "read", err, errlen);
	}
	while ((rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) == 0) {
		if (v.mv_size < sizeof(mb))
			continue;
		memcpy(&mb, v.mv_data, sizeof(mb));
		if (cnt == cap)
			b = mmhs_realloc(b, (cap = cap * 2 + 8) * sizeof(*b));
		b[cnt].sb_dn = mmhs_strndup((char *) v.mv_data + sizeof(mb),
		    v.mv_size - sizeof(mb));
		b[cnt].sb_total = (size_t) mb.mb_total;
		b[cnt].sb_unread = (size_t) mb.mb_unread;
		cnt++;
	}
	mdb_cursor_close(cur);
	mdb_txn_abort(txn);
	if (rc != MDB_NOTFOUND) {
		store_mailboxes_free(b, cnt);
		return sdb_error(rc, "read", err, errlen);
	}
	*out = b;
	*n = cnt;
	return STORE_OK;
}

void
store_mailboxes_free(struct store_mailbox *mb, size_t n)
{
	size_t i;

	for (i = 0; mb != NULL && i < n; i++)
		mmhs_free(mb[i].sb_dn);
	mmhs_free(mb);
}

/* sdb_dn_of - the DN as delivered of mailbox number mbno (caller frees) */
static char *
sdb_dn_of(struct store_db *db, MDB_txn *txn, uint32_t mbno)
{
	unsigned char key[4];
	MDB_val k = { 4, key }, v;
	struct sdb_mbox mb;
	char *norm, *dn = NULL;

	sdb_put32(key, mbno);
	if (mdb_get(txn, db->db_mbnum, &k, &v) != 0)
		return NULL;
	norm = mmhs_strndup(v.mv_data, v.mv_size);
	if (sdb_mbox_get(db, txn, norm, &mb, &v) == 0)
		dn = mmhs_strndup((char *) v.mv_data + sizeof(mb),
		    v.mv_size - sizeof(mb));
	mmhs_free(norm);
	return dn;
}

int
store_db_unread_before(struct store_db *db, time_t before, size_t limit,
    struct store_pending **out, size_t *n, char *err, size_t errlen)
{
	struct store_pending *p = NULL;
	MDB_cursor *cur;
	MDB_txn *txn;
	MDB_val k, v;
	uint32_t mbno, last = 0;
	char *dn = NULL;
	size_t cnt = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (limit == 0 || limit > 1000)
		limit = 1000;
	if ((rc = sdb_read(db, NULL, &txn, NULL, NULL, err, errlen)) != 0)
		return rc;
	if ((rc = mdb_cursor_open(txn, db->db_pend, &cur)) != 0) {
		mdb_txn_abort(txn);
		return sdb_error(rc, "read", err, errlen);
	}
	p = mmhs_calloc(limit, sizeof(*p));
	while (cnt < limit &&
	    (rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) == 0) {
		if (k.mv_size != SDB_PEND_KEYLEN || v.mv_size != 1)
			continue;
		p[cnt].sp_received = sdb_time_from_key(sdb_get64(k.mv_data));
		if (p[cnt].sp_received >= before)
			break;
		mbno = sdb_get32((unsigned char *) k.mv_data + 8);
		if (dn == NULL || mbno != last) {
			mmhs_free(dn);
			if ((dn = sdb_dn_of(db, txn, mbno)) == NULL)
				continue;
			last = mbno;
		}
		p[cnt].sp_mailbox = mmhs_strdup(dn);
		p[cnt].sp_id = sdb_get64((unsigned char *) k.mv_data + 12);
		p[cnt].sp_prec = *(unsigned char *) v.mv_data;
		cnt++;
	}
	mmhs_free(dn);
	mdb_cursor_close(cur);
	mdb_txn_abort(txn);
	if (rc != 0 && rc != MDB_NOTFOUND) {
		store_pending_free(p, cnt);
		return sdb_error(rc, "read", err, errlen);
	}
	*out = p;
	*n = cnt;
	return STORE_OK;
}

void
store_pending_free(struct store_pending *p, size_t n)
{
	size_t i;

	for (i = 0; p != NULL && i < n; i++)
		mmhs_free(p[i].sp_mailbox);
	mmhs_free(p);
}

int
store_db_count(struct store_db *db, size_t *mailboxes, size_t *messages,
    size_t *originals, char *err, size_t errlen)
{
	MDB_stat st[3];
	MDB_txn *txn;
	int rc;

	if ((rc = sdb_read(db, NULL, &txn, NULL, NULL, err, errlen)) != 0)
		return rc;
	if ((rc = mdb_stat(txn, db->db_mbox, &st[0])) == 0 &&
	    (rc = mdb_stat(txn, db->db_msg, &st[1])) == 0)
		rc = mdb_stat(txn, db->db_blob, &st[2]);
	mdb_txn_abort(txn);
	if (rc != 0)
		return sdb_error(rc, "read", err, errlen);
	*mailboxes = st[0].ms_entries;
	*messages = st[1].ms_entries;
	*originals = st[2].ms_entries;
	return STORE_OK;
}
