/* store_db_change.c - flags, moves and removal of stored messages
 *
 * Each change is one write transaction that takes the message out of
 * its indexes and counters as it was and puts it back as it is now, so
 * the counters stay exact whatever the change: the unread counts follow
 * "seen", the ffmon list follows seen, deleted and redirected, a move
 * carries the message's counts from one folder to the other.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "mmhs_alloc.h"
#include "store_db_int.h"

struct sdb_chg {
	MDB_txn *c_txn;
	struct sdb_mbh c_h;
	unsigned char *c_val;		/* copy of the record, ours */
	size_t	c_len;
	struct sdb_rec c_rec;
	char	c_folder[STORE_FOLDER_MAX + 1];
	struct sdb_folder c_fo;
	uint64_t c_id;
};

/* sdb_chg_end - commit (rc 0) or abort, free, map the error */
static int
sdb_chg_end(struct store_db *db, struct sdb_chg *c, int rc, char *err,
    size_t errlen)
{
	if (c->c_txn != NULL) {
		if (rc == 0)
			rc = mdb_txn_commit(c->c_txn);
		else
			mdb_txn_abort(c->c_txn);
	}
	sdb_mbh_free(&c->c_h);
	mmhs_free(c->c_val);
	if (rc == 0)
		return STORE_OK;
	return sdb_error(rc, "update", err, errlen);
}

/* sdb_chg_begin - a write transaction holding the message; STORE_OK, or
 * an error with everything released */
static int
sdb_chg_begin(struct store_db *db, const char *mailbox, uint64_t id,
    struct sdb_chg *c, char *err, size_t errlen)
{
	unsigned char key[SDB_MSG_KEYLEN];
	MDB_val k = { sizeof(key), key }, v;
	int rc;

	memset(c, 0, sizeof(*c));
	c->c_id = id;
	if (db->db_rdonly)
		return sdb_fail(STORE_READONLY, err, errlen,
		    "store is read-only");
	if ((rc = mdb_txn_begin(db->db_env, NULL, 0, &c->c_txn)) != 0) {
		c->c_txn = NULL;
		return sdb_chg_end(db, c, rc, err, errlen);
	}
	rc = sdb_mbh_load(db, c->c_txn, mailbox, 0, &c->c_h);
	if (rc == 0) {
		sdb_msg_key(key, c->c_h.h_mb.mb_no, id);
		rc = mdb_get(c->c_txn, db->db_msg, &k, &v);
	}
	if (rc == MDB_NOTFOUND || rc == MDB_BAD_VALSIZE) {
		sdb_chg_end(db, c, rc, NULL, 0);
		return sdb_fail(STORE_NOTFOUND, err, errlen,
		    "no message %llu in mailbox %s", (unsigned long long) id,
		    mailbox);
	}
	if (rc != 0)
		return sdb_chg_end(db, c, rc, err, errlen);
	c->c_len = v.mv_size;
	c->c_val = mmhs_malloc(v.mv_size);
	memcpy(c->c_val, v.mv_data, v.mv_size);
	v.mv_data = c->c_val;
	if (sdb_rec_decode(&v, &c->c_rec) != 0)
		return sdb_chg_end(db, c, MDB_CORRUPTED, err, errlen);
	rc = sdb_fnum_name(db, c->c_txn, c->c_h.h_mb.mb_no,
	    c->c_rec.r_hdr.mh_fno, c->c_folder);
	if (rc == 0)
		rc = sdb_folder_get(db, c->c_txn, c->c_h.h_mb.mb_no,
		    c->c_folder, &c->c_fo);
	if (rc != 0)
		return sdb_chg_end(db, c, rc == MDB_NOTFOUND ? MDB_CORRUPTED :
		    rc, err, errlen);
	return STORE_OK;
}

/* sdb_chg_out - take the message out of its indexes and counters */
static int
sdb_chg_out(struct store_db *db, struct sdb_chg *c)
{
	sdb_count(&c->c_fo, &c->c_h.h_mb, c->c_rec.r_hdr.mh_prec,
	    c->c_rec.r_hdr.mh_flags, -1);
	return sdb_index(db, c->c_txn, c->c_h.h_mb.mb_no, &c->c_rec, c->c_id,
	    0);
}

/* sdb_chg_in - put the changed header back: record, indexes, counters */
static int
sdb_chg_in(struct store_db *db, struct sdb_chg *c)
{
	unsigned char key[SDB_MSG_KEYLEN];
	MDB_val k = { sizeof(key), key }, v = { c->c_len, c->c_val };
	int rc;

	memcpy(c->c_val, &c->c_rec.r_hdr, sizeof(c->c_rec.r_hdr));
	sdb_msg_key(key, c->c_h.h_mb.mb_no, c->c_id);
	if ((rc = mdb_put(c->c_txn, db->db_msg, &k, &v, 0)) != 0)
		return rc;
	sdb_count(&c->c_fo, &c->c_h.h_mb, c->c_rec.r_hdr.mh_prec,
	    c->c_rec.r_hdr.mh_flags, 1);
	if ((rc = sdb_index(db, c->c_txn, c->c_h.h_mb.mb_no, &c->c_rec,
	    c->c_id, 1)) != 0)
		return rc;
	if ((rc = sdb_folder_put(db, c->c_txn, c->c_h.h_mb.mb_no, c->c_folder,
	    &c->c_fo)) != 0)
		return rc;
	return sdb_mbh_save(db, c->c_txn, &c->c_h);
}

int
store_db_flags(struct store_db *db, const char *mailbox, uint64_t id,
    unsigned add, unsigned remove, unsigned *old_flags, unsigned *new_flags,
    char *err, size_t errlen)
{
	struct sdb_chg c;
	unsigned before, after;
	int rc;

	if ((add | remove) & ~STORE_F_ALL)
		return sdb_fail(STORE_INVALID, err, errlen, "unknown flag");
	if ((rc = sdb_chg_begin(db, mailbox, id, &c, err, errlen)) != STORE_OK)
		return rc;
	before = c.c_rec.r_hdr.mh_flags;
	after = (before | add) & ~remove & STORE_F_ALL;
	if (old_flags != NULL)
		*old_flags = before;
	if (new_flags != NULL)
		*new_flags = after;
	if (after == before)
		return sdb_chg_end(db, &c, 0, err, errlen);
	if ((rc = sdb_chg_out(db, &c)) == 0) {
		c.c_rec.r_hdr.mh_flags = after;
		rc = sdb_chg_in(db, &c);
	}
	return sdb_chg_end(db, &c, rc, err, errlen);
}

int
store_db_move(struct store_db *db, const char *mailbox, uint64_t id,
    const char *folder, char *err, size_t errlen)
{
	const char *name = sdb_folder_name(folder);
	struct sdb_chg c;
	int rc;

	if (!store_folder_valid(name))
		return sdb_fail(STORE_INVALID, err, errlen,
		    "bad folder name \"%s\"", folder);
	if ((rc = sdb_chg_begin(db, mailbox, id, &c, err, errlen)) != STORE_OK)
		return rc;
	if (strcmp(name, c.c_folder) == 0)
		return sdb_chg_end(db, &c, 0, err, errlen);
	if ((rc = sdb_chg_out(db, &c)) == 0)
		rc = sdb_folder_put(db, c.c_txn, c.c_h.h_mb.mb_no, c.c_folder,
		    &c.c_fo);
	if (rc == 0)
		rc = sdb_folder_ensure(db, c.c_txn, &c.c_h, name, &c.c_fo);
	if (rc == 0) {
		snprintf(c.c_folder, sizeof(c.c_folder), "%s", name);
		c.c_rec.r_hdr.mh_fno = c.c_fo.fo_no;
		rc = sdb_chg_in(db, &c);
	}
	return sdb_chg_end(db, &c, rc, err, errlen);
}

int
store_db_expunge(struct store_db *db, const char *mailbox, uint64_t id,
    unsigned *old_flags, char *err, size_t errlen)
{
	unsigned char key[SDB_MSG_KEYLEN];
	MDB_val k = { sizeof(key), key };
	struct sdb_chg c;
	int rc;

	if ((rc = sdb_chg_begin(db, mailbox, id, &c, err, errlen)) != STORE_OK)
		return rc;
	if (old_flags != NULL)
		*old_flags = c.c_rec.r_hdr.mh_flags;
	sdb_msg_key(key, c.c_h.h_mb.mb_no, id);
	if ((rc = sdb_chg_out(db, &c)) == 0)
		rc = mdb_del(c.c_txn, db->db_msg, &k, NULL);
	if (rc == 0)
		rc = sdb_blob_ref(db, c.c_txn, c.c_rec.r_hdr.mh_hash, -1,
		    NULL, 0);
	if (rc == 0)
		rc = sdb_folder_put(db, c.c_txn, c.c_h.h_mb.mb_no, c.c_folder,
		    &c.c_fo);
	if (rc == 0)
		rc = sdb_mbh_save(db, c.c_txn, &c.c_h);
	return sdb_chg_end(db, &c, rc, err, errlen);
}
