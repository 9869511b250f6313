/* store_db_write.c - delivering into the store, and the pieces every
 * write transaction is made of
 *
 * store_db_deliver() writes, in one transaction: the original bytes
 * once (or one more reference to identical bytes already stored), and
 * per target mailbox the mailbox and folder when new, the message
 * record, its three index entries, its ffmon entry when unread, and the
 * counters of the folder and the mailbox.  The notify hook runs after
 * the commit, so a client told of a message can always read it.
 */
#include "config.h"

#include <string.h>
#include <time.h>

#include <openssl/evp.h>

#include "mmhs_alloc.h"
#include "store_db_int.h"

/* sdb_mbh_load - the mailbox of dn; created (not yet saved) if asked */
int
sdb_mbh_load(struct store_db *db, MDB_txn *txn, const char *dn, int create,
    struct sdb_mbh *h)
{
	MDB_val v, k = { 12, "next-mailbox" };
	uint32_t next = 1;
	int rc;

	memset(h, 0, sizeof(*h));
	h->h_norm = store_dn_norm(dn);
	if (h->h_norm[0] == '\0' || strlen(h->h_norm) > SDB_DN_MAX)
		return MDB_BAD_VALSIZE;
	rc = sdb_mbox_get(db, txn, h->h_norm, &h->h_mb, &v);
	if (rc == 0) {
		h->h_dn = mmhs_strndup((const char *) v.mv_data +
		    sizeof(h->h_mb), v.mv_size - sizeof(h->h_mb));
		return 0;
	}
	if (rc != MDB_NOTFOUND || !create)
		return rc;
	rc = mdb_get(txn, db->db_meta, &k, &v);
	if (rc == 0 && v.mv_size == sizeof(next))
		memcpy(&next, v.mv_data, sizeof(next));
	else if (rc != MDB_NOTFOUND)
		return rc == 0 ? MDB_CORRUPTED : rc;
	h->h_mb.mb_no = next++;
	h->h_mb.mb_next_id = 1;
	h->h_dn = mmhs_strdup(dn);
	h->h_new = 1;
	v.mv_size = sizeof(next);
	v.mv_data = &next;
	if ((rc = mdb_put(txn, db->db_meta, &k, &v, 0)) != 0)
		return rc;
	{
		unsigned char key[4];
		MDB_val nk = { 4, key };
		MDB_val nv = { strlen(h->h_norm), h->h_norm };

		sdb_put32(key, h->h_mb.mb_no);
		return mdb_put(txn, db->db_mbnum, &nk, &nv, 0);
	}
}

/* sdb_mbh_save - write the mailbox record back */
int
sdb_mbh_save(struct store_db *db, MDB_txn *txn, struct sdb_mbh *h)
{
	size_t dnlen = strlen(h->h_dn);
	MDB_val k = { strlen(h->h_norm), h->h_norm };
	MDB_val v = { sizeof(h->h_mb) + dnlen, NULL };
	int rc;

	if ((rc = mdb_put(txn, db->db_mbox, &k, &v, MDB_RESERVE)) != 0)
		return rc;
	memcpy(v.mv_data, &h->h_mb, sizeof(h->h_mb));
	memcpy((char *) v.mv_data + sizeof(h->h_mb), h->h_dn, dnlen);
	return 0;
}

void
sdb_mbh_free(struct sdb_mbh *h)
{
	mmhs_free(h->h_norm);
	mmhs_free(h->h_dn);
	memset(h, 0, sizeof(*h));
}

int
sdb_folder_put(struct store_db *db, MDB_txn *txn, uint32_t mbno,
    const char *name, const struct sdb_folder *fo)
{
	unsigned char key[4 + STORE_FOLDER_MAX];
	size_t len = strlen(name);
	MDB_val k = { 4 + len, key }, v = { sizeof(*fo), (void *) fo };

	sdb_put32(key, mbno);
	memcpy(key + 4, name, len);
	return mdb_put(txn, db->db_folder, &k, &v, 0);
}

/* sdb_folder_ensure - the folder's counters; a new folder gets the
 * mailbox's next folder number (the caller saves the mailbox) */
int
sdb_folder_ensure(struct store_db *db, MDB_txn *txn, struct sdb_mbh *h,
    const char *name, struct sdb_folder *fo)
{
	unsigned char key[8];
	MDB_val k = { 8, key }, v = { strlen(name), (void *) name };
	int rc;

	rc = sdb_folder_get(db, txn, h->h_mb.mb_no, name, fo);
	if (rc != MDB_NOTFOUND)
		return rc;
	memset(fo, 0, sizeof(*fo));
	fo->fo_no = ++h->h_mb.mb_next_fno;
	sdb_put32(key, h->h_mb.mb_no);
	sdb_put32(key + 4, fo->fo_no);
	if ((rc = mdb_put(txn, db->db_fnum, &k, &v, 0)) != 0)
		return rc;
	return sdb_folder_put(db, txn, h->h_mb.mb_no, name, fo);
}

/* sdb_count - add (sign 1) or take away (-1) a message in the counters */
void
sdb_count(struct sdb_folder *fo, struct sdb_mbox *mb, unsigned prec,
    unsigned flags, int sign)
{
	uint64_t d = (uint64_t) (int64_t) sign;
	int unread = (flags & STORE_F_SEEN) == 0;

	if (prec >= SDB_NPREC)
		prec = MMHS_PREC_ROUTINE;
	if (fo != NULL) {
		fo->fo_total += d;
		fo->fo_ptotal[prec] += d;
		if (unread) {
			fo->fo_unread += d;
			fo->fo_punread[prec] += d;
		}
	}
	if (mb != NULL) {
		mb->mb_total += d;
		if (unread)
			mb->mb_unread += d;
	}
}

/* sdb_index - put (add) or delete the index and ffmon entries of r */
int
sdb_index(struct store_db *db, MDB_txn *txn, uint32_t mbno,
    const struct sdb_rec *r, uint64_t id, int add)
{
	static const char kinds[] = { 'd', 'p', 'c' };
	unsigned char key[SDB_IDX_KEYLEN], pkey[SDB_PEND_KEYLEN];
	uint8_t prec = (uint8_t) r->r_hdr.mh_prec;
	struct sdb_digest dg;
	MDB_val k, v;
	size_t i;
	int rc;

	sdb_digest(r, &dg);
	for (i = 0; i < sizeof(kinds); i++) {
		sdb_idx_key(key, mbno, r->r_hdr.mh_fno, kinds[i], &r->r_hdr,
		    id);
		k.mv_size = sizeof(key);
		k.mv_data = key;
		v.mv_size = sizeof(dg);
		v.mv_data = &dg;
		rc = add ? mdb_put(txn, db->db_idx, &k, &v, 0) :
		    mdb_del(txn, db->db_idx, &k, NULL);
		if (rc != 0 && !(rc == MDB_NOTFOUND && !add))
			return rc;
	}
	if (!sdb_pending(r->r_hdr.mh_flags))
		return 0;
	sdb_pend_key(pkey, (time_t) r->r_hdr.mh_received, mbno, id);
	k.mv_size = sizeof(pkey);
	k.mv_data = pkey;
	v.mv_size = 1;
	v.mv_data = &prec;
	rc = add ? mdb_put(txn, db->db_pend, &k, &v, 0) :
	    mdb_del(txn, db->db_pend, &k, NULL);
	return rc == MDB_NOTFOUND && !add ? 0 : rc;
}

/* sdb_blob_ref - change the reference count of the bytes with this hash
 * by delta; the first reference stores data, the last one removes it */
int
sdb_blob_ref(struct store_db *db, MDB_txn *txn, const unsigned char *hash,
    int delta, const char *data, size_t len)
{
	MDB_val k = { SDB_HASH_LEN, (void *) hash }, v;
	uint64_t refs = 0;
	int rc;

	rc = mdb_get(txn, db->db_bref, &k, &v);
	if (rc == 0 && v.mv_size == sizeof(refs))
		memcpy(&refs, v.mv_data, sizeof(refs));
	else if (rc != MDB_NOTFOUND)
		return rc == 0 ? MDB_CORRUPTED : rc;
	if (delta < 0 && refs <= (uint64_t) -delta) {
		if ((rc = mdb_del(txn, db->db_bref, &k, NULL)) != 0 &&
		    rc != MDB_NOTFOUND)
			return rc;
		rc = mdb_del(txn, db->db_blob, &k, NULL);
		return rc == MDB_NOTFOUND ? 0 : rc;
	}
	if (refs == 0 && delta > 0) {
		v.mv_size = len;
		if ((rc = mdb_put(txn, db->db_blob, &k, &v, MDB_RESERVE)) != 0)
			return rc;
		memcpy(v.mv_data, data, len);
	}
	refs += (uint64_t) (int64_t) delta;
	v.mv_size = sizeof(refs);
	v.mv_data = &refs;
	return mdb_put(txn, db->db_bref, &k, &v, 0);
}

/* ---------------------------------------------------------------- */

/* sdb_put_str - one length-prefixed string of a record; NULL is "" */
static unsigned char *
sdb_put_str(unsigned char *p, const char *s, size_t max)
{
	uint32_t len = s == NULL ? 0 : (uint32_t) strnlen(s, max);

	/* Never cut inside a UTF-8 sequence. */
	if (s != NULL && len == max)
		while (len > 0 && ((unsigned char) s[len] & 0xc0) == 0x80)
			len--;
	memcpy(p, &len, 4);
	if (len > 0)
		memcpy(p + 4, s, len);
	return p + 4 + len;
}

/* sdb_rec_build - the record of nm (fno and flags patched per target);
 * caller frees */
static unsigned char *
sdb_rec_build(const struct store_new *nm, const unsigned char *hash,
    size_t *lenp)
{
	const char *str[SDB_NSTR];
	struct sdb_msghdr h;
	size_t nsic = nm->nm_nsic < SDB_NSIC_MAX ? nm->nm_nsic : SDB_NSIC_MAX;
	size_t need = sizeof(h) + (SDB_NSTR + nsic) * (4 + SDB_FIELD_MAX), i;
	unsigned char *buf = mmhs_malloc(need), *p;

	memset(&h, 0, sizeof(h));
	h.mh_version = SDB_VERSION;
	h.mh_class_level = nm->nm_class == NULL || nm->nm_class[0] == '\0' ?
	    -1 : nm->nm_class_level;
	h.mh_type = nm->nm_type;
	h.mh_prec = (uint32_t) nm->nm_prec <= MMHS_PREC_MAX ?
	    (uint32_t) nm->nm_prec : MMHS_PREC_ROUTINE;
	h.mh_nsic = (uint32_t) nsic;
	h.mh_received = nm->nm_received != 0 ? nm->nm_received : time(NULL);
	h.mh_date = nm->nm_date;
	h.mh_size = nm->nm_len;
	memcpy(h.mh_hash, hash, SDB_HASH_LEN);
	memcpy(buf, &h, sizeof(h));
	str[SDB_S_CLASS] = h.mh_class_level < 0 ? NULL : nm->nm_class;
	str[SDB_S_MARKING] = nm->nm_marking;
	str[SDB_S_DATE] = nm->nm_date_text;
	str[SDB_S_FROM] = nm->nm_from;
	str[SDB_S_SUBJECT] = nm->nm_subject;
	str[SDB_S_MSGID] = nm->nm_message_id;
	str[SDB_S_MDN] = nm->nm_mdn_to;
	str[SDB_S_RPATH] = nm->nm_return_path;
	p = buf + sizeof(h);
	for (i = 0; i < SDB_NSTR; i++)
		p = sdb_put_str(p, str[i], SDB_FIELD_MAX);
	for (i = 0; i < nsic; i++)
		p = sdb_put_str(p, nm->nm_sic[i], SDB_FIELD_MAX);
	*lenp = (size_t) (p - buf);
	return buf;
}

/* sdb_deliver_one - one target inside the delivery transaction */
static int
sdb_deliver_one(struct store_db *db, MDB_txn *txn, unsigned char *rec,
    size_t reclen, struct store_target *t)
{
	const char *folder = sdb_folder_name(t->st_folder);
	unsigned char key[SDB_MSG_KEYLEN];
	struct sdb_mbh h;
	struct sdb_folder fo;
	struct sdb_msghdr *hp = (struct sdb_msghdr *) rec;
	struct sdb_rec r;
	MDB_val k = { sizeof(key), key }, v = { reclen, rec };
	uint32_t fl = t->st_flags & STORE_F_ALL;
	int rc;

	if ((rc = sdb_mbh_load(db, txn, t->st_mailbox, 1, &h)) != 0 ||
	    (rc = sdb_folder_ensure(db, txn, &h, folder, &fo)) != 0)
		goto done;
	/* rec is our own malloc'd buffer, suitably aligned for the header. */
	hp->mh_fno = fo.fo_no;
	hp->mh_flags = fl;
	t->st_id = h.h_mb.mb_next_id++;
	sdb_msg_key(key, h.h_mb.mb_no, t->st_id);
	if ((rc = mdb_put(txn, db->db_msg, &k, &v, MDB_NOOVERWRITE)) != 0)
		goto done;
	if (sdb_rec_decode(&v, &r) != 0) {
		rc = MDB_CORRUPTED;
		goto done;
	}
	if ((rc = sdb_index(db, txn, h.h_mb.mb_no, &r, t->st_id, 1)) != 0)
		goto done;
	sdb_count(&fo, &h.h_mb, hp->mh_prec, fl, 1);
	if ((rc = sdb_folder_put(db, txn, h.h_mb.mb_no, folder, &fo)) == 0)
		rc = sdb_mbh_save(db, txn, &h);
done:
	sdb_mbh_free(&h);
	return rc;
}

/* sdb_notify - tell the hook of each committed target */
static void
sdb_notify(struct store_db *db, unsigned char *rec, size_t reclen,
    const struct store_target *t, size_t n)
{
	struct sdb_msghdr *hp = (struct sdb_msghdr *) rec;
	MDB_val v = { reclen, rec };
	struct store_msg m;
	struct sdb_rec r;
	size_t i;

	for (i = 0; i < n; i++) {
		hp->mh_flags = t[i].st_flags & STORE_F_ALL;
		if (sdb_rec_decode(&v, &r) != 0)
			return;
		sdb_rec_to_msg(&r, t[i].st_mailbox, t[i].st_id,
		    sdb_folder_name(t[i].st_folder), &m);
		db->db_notify(db->db_notify_arg, &m);
		store_msg_free(&m);
	}
}

int
store_db_deliver(struct store_db *db, const struct store_new *nm,
    struct store_target *targets, size_t ntargets, char *err, size_t errlen)
{
	unsigned char hash[SDB_HASH_LEN], *rec;
	unsigned int hlen = 0;
	size_t reclen, i;
	MDB_txn *txn;
	int rc;

	if (db->db_rdonly)
		return sdb_fail(STORE_READONLY, err, errlen,
		    "store is read-only");
	if (ntargets == 0 || ntargets > 100000 || nm->nm_data == NULL)
		return sdb_fail(STORE_INVALID, err, errlen,
		    "nothing to deliver");
	for (i = 0; i < ntargets; i++)
		if (!store_folder_valid(sdb_folder_name(targets[i].st_folder)))
			return sdb_fail(STORE_INVALID, err, errlen,
			    "bad folder name \"%s\"", targets[i].st_folder);
	if (!EVP_Digest(nm->nm_data, nm->nm_len, hash, &hlen, EVP_sha256(),
	    NULL) || hlen != SDB_HASH_LEN)
		return sdb_fail(STORE_TEMP, err, errlen, "SHA-256 failed");
	rec = sdb_rec_build(nm, hash, &reclen);
	if ((rc = mdb_txn_begin(db->db_env, NULL, 0, &txn)) != 0) {
		mmhs_free(rec);
		return sdb_error(rc, "deliver", err, errlen);
	}
	rc = sdb_blob_ref(db, txn, hash, (int) ntargets, nm->nm_data,
	    nm->nm_len);
	for (i = 0; rc == 0 && i < ntargets; i++)
		rc = sdb_deliver_one(db, txn, rec, reclen, &targets[i]);
	if (rc == MDB_BAD_VALSIZE) {
		mdb_txn_abort(txn);
		mmhs_free(rec);
		return sdb_fail(STORE_INVALID, err, errlen,
		    "bad mailbox name \"%s\"", targets[i - 1].st_mailbox);
	}
	if (rc != 0)
		mdb_txn_abort(txn);
	else
		rc = mdb_txn_commit(txn);
	if (rc != 0) {
		mmhs_free(rec);
		return sdb_error(rc, "deliver", err, errlen);
	}
	if (db->db_notify != NULL)
		sdb_notify(db, rec, reclen, targets, ntargets);
	mmhs_free(rec);
	return STORE_OK;
}
