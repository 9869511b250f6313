/* store_mdn_db.c - which notifications were sent, and those still owed
 *
 * The LMDB environment storedir/mdn of store_mdn.c (see its header for
 * the records): "once" is a write transaction that finds no record of
 * the message in done or pending and writes the MDN to pending; an MDN
 * the MTA took moves to done; store_mdn_retry sends again what is due,
 * one record at a time, each read in its own short read transaction so
 * that no transaction stays open while the MTA answers.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "store.h"
#include "store_mdn_int.h"

#define MDN_MAP_SIZE	((size_t) 256 << 20)

struct store_mdn *
store_mdn_open(struct store *st, char *err, size_t errlen)
{
	struct store_mdn *md = mmhs_calloc(1, sizeof(*md));

	pthread_mutex_init(&md->md_mu, NULL);
	char	dir[1024];
	MDB_txn *txn;
	int	rc;

	md->md_st = st;
	snprintf(dir, sizeof(dir), "%s/mdn", st->st_dir);
	if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		goto fail;
	}
	if ((rc = mdb_env_create(&md->md_env)) != 0 ||
	    (rc = mdb_env_set_maxdbs(md->md_env, 2)) != 0 ||
	    (rc = mdb_env_set_mapsize(md->md_env, MDN_MAP_SIZE)) != 0 ||
	    (rc = mdb_env_open(md->md_env, dir, 0, 0600)) != 0 ||
	    (rc = mdb_txn_begin(md->md_env, NULL, 0, &txn)) != 0)
		goto lmdb;
	if ((rc = mdb_dbi_open(txn, "done", MDB_CREATE, &md->md_done)) != 0 ||
	    (rc = mdb_dbi_open(txn, "pending", MDB_CREATE,
	    &md->md_pending)) != 0) {
		mdb_txn_abort(txn);
		goto lmdb;
	}
	if ((rc = mdb_txn_commit(txn)) != 0)
		goto lmdb;
	return md;
lmdb:
	snprintf(err, errlen, "%s: %s", dir, mdb_strerror(rc));
fail:
	if (md->md_env != NULL)
		mdb_env_close(md->md_env);
	pthread_mutex_destroy(&md->md_mu);
	mmhs_free(md);
	return NULL;
}

void
store_mdn_close(struct store_mdn *md)
{
	if (md == NULL)
		return;
	mdb_env_close(md->md_env);
	pthread_mutex_destroy(&md->md_mu);
	mmhs_free(md);
}

long
store_mdn_interval(struct store_mdn *md)
{
	long	s = mmhs_agent_limit(&md->md_st->st_agent, "mdn-retry",
	    STORE_MDN_RETRY_S);

	return s > 0 ? s : STORE_MDN_RETRY_S;
}

/* store_mdn_key - normalised mailbox DN, NUL, id big-endian; its length */
size_t
store_mdn_key(const char *mailbox, uint64_t id, unsigned char *key)
{
	char	*n = store_dn_norm(mailbox);
	size_t	len = n != NULL ? strlen(n) : 0;
	int	i;

	if (len + 9 > MDN_KEY_MAX)
		len = MDN_KEY_MAX - 9;	/* store_db refuses longer DNs */
	memcpy(key, n != NULL ? n : "", len);
	key[len++] = '\0';
	for (i = 7; i >= 0; i--)
		key[len++] = (unsigned char) (id >> (8 * i));
	mmhs_free(n);
	return len;
}

/* store_mdn_finish - pending -> done (sent), or pending removed (given up) */
void
store_mdn_finish(struct store_mdn *md, const unsigned char *key, size_t klen,
	int type, int sent)
{
	MDB_txn *txn;
	MDB_val k = { klen, (void *) key }, v;
	struct { int64_t when; uint8_t type; } d;
	int	rc;

	memset(&d, 0, sizeof(d));
	d.when = (int64_t) time(NULL);
	d.type = (uint8_t) type;
	v.mv_size = sizeof(d);
	v.mv_data = &d;
	if ((rc = mdb_txn_begin(md->md_env, NULL, 0, &txn)) != 0)
		goto fail;
	if (((rc = mdb_del(txn, md->md_pending, &k, NULL)) != 0 &&
	    rc != MDB_NOTFOUND) ||
	    (sent && (rc = mdb_put(txn, md->md_done, &k, &v, 0)) != 0)) {
		mdb_txn_abort(txn);
		goto fail;
	}
	if ((rc = mdb_txn_commit(txn)) == 0)
		return;
fail:
	mmhs_warn("notifications: cannot record one: %s", mdb_strerror(rc));
}

int
store_mdn_is_pending(struct store_mdn *md, const unsigned char *key,
	size_t klen)
{
	MDB_txn *txn;
	MDB_val k = { klen, (void *) key }, v;
	int	yes;

	if (mdb_txn_begin(md->md_env, NULL, MDB_RDONLY, &txn) != 0)
		return 0;
	yes = mdb_get(txn, md->md_pending, &k, &v) == 0;
	mdb_txn_abort(txn);
	return yes;
}

/*
 * store_mdn_claim - record the MDN as pending unless one was done or is
 * pending for this key.  1 claimed, 0 there was one, -1 error.
 */
int
store_mdn_claim(struct store_mdn *md, const unsigned char *key, size_t klen,
	const struct mdn_pend *hdr, const char *strs, size_t slen,
	const char *mdn, size_t mdnlen)
{
	MDB_txn *txn;
	MDB_val k = { klen, (void *) key }, v;
	int	rc;

	if ((rc = mdb_txn_begin(md->md_env, NULL, 0, &txn)) != 0)
		goto fail;
	if ((rc = mdb_get(txn, md->md_done, &k, &v)) != MDB_NOTFOUND ||
	    (rc = mdb_get(txn, md->md_pending, &k, &v)) != MDB_NOTFOUND) {
		mdb_txn_abort(txn);
		if (rc == 0)
			return 0;
		goto fail;
	}
	v.mv_size = sizeof(*hdr) + slen + mdnlen;
	if ((rc = mdb_put(txn, md->md_pending, &k, &v, MDB_RESERVE)) != 0) {
		mdb_txn_abort(txn);
		goto fail;
	}
	memcpy(v.mv_data, hdr, sizeof(*hdr));
	memcpy((char *) v.mv_data + sizeof(*hdr), strs, slen);
	memcpy((char *) v.mv_data + sizeof(*hdr) + slen, mdn, mdnlen);
	if ((rc = mdb_txn_commit(txn)) == 0)
		return 1;
fail:
	mmhs_warn("notifications: cannot record one: %s", mdb_strerror(rc));
	return -1;
}

/* mdn_retry_one - a pending record due: copy it out, then try it */
static void
mdn_retry_one(struct store_mdn *md, const MDB_val *k, const MDB_val *v)
{
	struct mdn_pend hdr;
	unsigned char key[MDN_KEY_MAX];
	char	*copy, *rcpt, *msgid, *extra, *end;

	if (k->mv_size > sizeof(key) || v->mv_size < sizeof(hdr))
		return;
	memcpy(&hdr, v->mv_data, sizeof(hdr));
	memcpy(key, k->mv_data, k->mv_size);
	copy = mmhs_malloc(v->mv_size - sizeof(hdr) + 1);
	memcpy(copy, (char *) v->mv_data + sizeof(hdr), v->mv_size -
	    sizeof(hdr));
	copy[v->mv_size - sizeof(hdr)] = '\0';
	end = copy + v->mv_size - sizeof(hdr);
	rcpt = copy;
	msgid = rcpt + strnlen(rcpt, (size_t) (end - rcpt)) + 1;
	extra = msgid < end ? msgid + strnlen(msgid, (size_t) (end - msgid)) +
	    1 : end;
	if (extra < end && (size_t) (end - (extra + strlen(extra) + 1)) ==
	    hdr.p_len)
		store_mdn_attempt(md, key, k->mv_size, &hdr, rcpt, msgid, extra,
		    extra + strlen(extra) + 1);
	else {
		mmhs_warn("notifications: a damaged pending record, dropped");
		store_mdn_finish(md, key, k->mv_size, hdr.p_type, 0);
	}
	mmhs_free(copy);
}

/* mdn_postpone - a record still pending is not due again before the
 * next round (an attempt that settled it removed it) */
static void
mdn_postpone(struct store_mdn *md, MDB_val *k, int64_t now)
{
	MDB_txn *txn;
	MDB_val v, nv;
	struct mdn_pend hdr;
	int	rc;

	if ((rc = mdb_txn_begin(md->md_env, NULL, 0, &txn)) != 0)
		goto fail;
	if ((rc = mdb_get(txn, md->md_pending, k, &v)) != 0 ||
	    v.mv_size < sizeof(hdr)) {
		mdb_txn_abort(txn);
		return;
	}
	nv.mv_size = v.mv_size;
	nv.mv_data = mmhs_malloc(v.mv_size);
	memcpy(nv.mv_data, v.mv_data, v.mv_size);
	memcpy(&hdr, nv.mv_data, sizeof(hdr));
	hdr.p_next = now + store_mdn_interval(md);
	memcpy(nv.mv_data, &hdr, sizeof(hdr));
	rc = mdb_put(txn, md->md_pending, k, &nv, 0);
	mmhs_free(nv.mv_data);
	if (rc != 0) {
		mdb_txn_abort(txn);
		goto fail;
	}
	if ((rc = mdb_txn_commit(txn)) == 0)
		return;
fail:
	mmhs_warn("notifications: cannot postpone one: %s", mdb_strerror(rc));
}

void
store_mdn_retry(struct store_mdn *md)
{
	MDB_txn *txn;
	MDB_cursor *cur;
	MDB_val k, v, kcopy, vcopy;
	struct mdn_pend hdr;
	int64_t	now = (int64_t) time(NULL);
	int	rc, found, rounds = 0;

	/* one due record per read transaction: sending happens outside */
	do {
		found = 0;
		if (mdb_txn_begin(md->md_env, NULL, MDB_RDONLY, &txn) != 0)
			return;
		if (mdb_cursor_open(txn, md->md_pending, &cur) != 0) {
			mdb_txn_abort(txn);
			return;
		}
		for (rc = mdb_cursor_get(cur, &k, &v, MDB_FIRST); rc == 0;
		    rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
			if (v.mv_size < sizeof(hdr))
				continue;
			memcpy(&hdr, v.mv_data, sizeof(hdr));
			if (hdr.p_next > now)
				continue;
			kcopy.mv_size = k.mv_size;
			kcopy.mv_data = mmhs_malloc(k.mv_size);
			memcpy(kcopy.mv_data, k.mv_data, k.mv_size);
			vcopy.mv_size = v.mv_size;
			vcopy.mv_data = mmhs_malloc(v.mv_size);
			memcpy(vcopy.mv_data, v.mv_data, v.mv_size);
			found = 1;
			break;
		}
		mdb_cursor_close(cur);
		mdb_txn_abort(txn);
		if (found) {
			mdn_retry_one(md, &kcopy, &vcopy);
			mdn_postpone(md, &kcopy, now);
			mmhs_free(kcopy.mv_data);
			mmhs_free(vcopy.mv_data);
		}
	} while (found && ++rounds < 1000);
}
