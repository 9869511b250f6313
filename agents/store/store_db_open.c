/* store_db_open.c - opening and closing the store's LMDB environment
 *
 * The environment is the -d directory itself (data.mdb, lock.mdb).
 * Opening read-write creates the directory, the named databases and the
 * version record; opening read-only (mmhs-storectl) needs a store that
 * mmhs-store has created and may run while it delivers: LMDB readers
 * never block the writer.  A store of another record version is refused
 * rather than misread.
 */
#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <sys/stat.h>

#include "mmhs_alloc.h"
#include "store_db_int.h"

#define SDB_MAXDBS	16
#define SDB_MAXREADERS	512	/* HTTP threads and tools at once */

struct sdb_named {
	const char *n_name;
	size_t	n_off;
};

static const struct sdb_named sdb_dbs[] = {
	{ "meta", offsetof(struct store_db, db_meta) },
	{ "mbox", offsetof(struct store_db, db_mbox) },
	{ "mbnum", offsetof(struct store_db, db_mbnum) },
	{ "folder", offsetof(struct store_db, db_folder) },
	{ "fnum", offsetof(struct store_db, db_fnum) },
	{ "msg", offsetof(struct store_db, db_msg) },
	{ "idx", offsetof(struct store_db, db_idx) },
	{ "pend", offsetof(struct store_db, db_pend) },
	{ "blob", offsetof(struct store_db, db_blob) },
	{ "bref", offsetof(struct store_db, db_bref) },
};

/* sdb_open_dbs - open every named database; check or write the version */
static int
sdb_open_dbs(struct store_db *db, const char *dir, char *err, size_t errlen)
{
	MDB_txn *txn;
	MDB_val k = { 7, "version" }, v;
	uint32_t version = SDB_VERSION;
	unsigned flags = db->db_rdonly ? 0 : MDB_CREATE;
	size_t i;
	int rc;

	rc = mdb_txn_begin(db->db_env, NULL, db->db_rdonly ? MDB_RDONLY : 0,
	    &txn);
	if (rc != 0)
		return sdb_error(rc, "begin", err, errlen);
	for (i = 0; i < sizeof(sdb_dbs) / sizeof(*sdb_dbs); i++) {
		MDB_dbi *dbi = (MDB_dbi *) ((char *) db + sdb_dbs[i].n_off);

		rc = mdb_dbi_open(txn, sdb_dbs[i].n_name, flags, dbi);
		if (rc != 0) {
			mdb_txn_abort(txn);
			if (rc == MDB_NOTFOUND)
				return sdb_fail(STORE_NOTFOUND, err, errlen,
				    "%s is not a message store (no %s "
				    "database)", dir, sdb_dbs[i].n_name);
			return sdb_error(rc, "open", err, errlen);
		}
	}
	rc = mdb_get(txn, db->db_meta, &k, &v);
	if (rc == MDB_NOTFOUND && !db->db_rdonly) {
		v.mv_size = sizeof(version);
		v.mv_data = &version;
		rc = mdb_put(txn, db->db_meta, &k, &v, 0);
	} else if (rc == 0 && (v.mv_size != sizeof(version) ||
	    memcmp(v.mv_data, &version, sizeof(version)) != 0)) {
		mdb_txn_abort(txn);
		return sdb_fail(STORE_INVALID, err, errlen,
		    "%s: store record version is not %d", dir, SDB_VERSION);
	}
	if (rc != 0) {
		mdb_txn_abort(txn);
		if (rc == MDB_NOTFOUND)
			return sdb_fail(STORE_NOTFOUND, err, errlen,
			    "%s is not a message store", dir);
		return sdb_error(rc, "open", err, errlen);
	}
	if ((rc = mdb_txn_commit(txn)) != 0)
		return sdb_error(rc, "open", err, errlen);
	return STORE_OK;
}

struct store_db *
store_db_open(const char *dir, int flags, size_t map_size, char *err,
    size_t errlen)
{
	struct store_db *db = mmhs_calloc(1, sizeof(*db));
	unsigned envflags = MDB_NOTLS;
	struct stat st;
	int rc;

	db->db_rdonly = (flags & STORE_DB_RDONLY) != 0;
	if (db->db_rdonly)
		envflags |= MDB_RDONLY;
	if (flags & STORE_DB_NOSYNC)
		envflags |= MDB_NOSYNC;
	if (!db->db_rdonly && mkdir(dir, 0700) != 0 && errno != EEXIST) {
		sdb_fail(STORE_TEMP, err, errlen, "mkdir %s: %s", dir,
		    strerror(errno));
		goto fail;
	}
	if (db->db_rdonly && stat(dir, &st) != 0) {
		sdb_fail(STORE_NOTFOUND, err, errlen, "%s: %s", dir,
		    strerror(errno));
		goto fail;
	}
	if ((rc = mdb_env_create(&db->db_env)) != 0 ||
	    (rc = mdb_env_set_maxdbs(db->db_env, SDB_MAXDBS)) != 0 ||
	    (rc = mdb_env_set_maxreaders(db->db_env, SDB_MAXREADERS)) != 0 ||
	    (rc = mdb_env_set_mapsize(db->db_env,
	    map_size != 0 ? map_size : STORE_DEF_MAP_SIZE)) != 0) {
		sdb_error(rc, "environment", err, errlen);
		goto fail;
	}
	if ((rc = mdb_env_open(db->db_env, dir, envflags, 0600)) != 0) {
		sdb_fail(STORE_TEMP, err, errlen, "%s: %s", dir,
		    rc == ENOENT ? "no message store there" : mdb_strerror(rc));
		goto fail;
	}
	if (sdb_open_dbs(db, dir, err, errlen) != STORE_OK)
		goto fail;
	return db;
fail:
	if (db->db_env != NULL)
		mdb_env_close(db->db_env);
	mmhs_free(db);
	return NULL;
}

void
store_db_close(struct store_db *db)
{
	if (db == NULL)
		return;
	mdb_env_close(db->db_env);
	mmhs_free(db);
}

void
store_db_set_notify(struct store_db *db, store_db_notify_fn fn, void *arg)
{
	db->db_notify = fn;
	db->db_notify_arg = arg;
}
