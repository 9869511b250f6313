/* ffmon_state.c - what mmhs-ffmon must remember across restarts
 *
 * Deadlines need no memory: the store keeps each message's received
 * time and the directory the policies.  Two things do, kept in an LMDB
 * environment in -d DIR:
 *
 *	"hops"	  Message-ID -> the redirects made of it (ffmon_hops_format
 *		  text), so chains end (ffmon_verdict) even after a restart
 *		  and a send whose store mark was lost is not sent twice;
 *	"alerts"  "mailbox-DN id" -> time and kind: the overdue messages
 *		  that could not be redirected and were reported once
 *		  already, and the reports exempt from deadlines.
 *
 * Every change is its own committed transaction (LMDB syncs on commit),
 * made before the action it records is considered done.  Single
 * process, single thread: the scan thread is the only user.
 *
 * Errors: -1 and a message; a read that fails is treated as "nothing
 * recorded" by the callers' rules, which then err towards alerting.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <lmdb.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "ffmon.h"

#define FFMON_STATE_MAP		((size_t)256 << 20)	/* sparse */
#define FFMON_KEY_MAX		480	/* LMDB's default key bound is 511 */

struct ffmon_state {
	MDB_env *st_env;
	MDB_dbi	st_hops;
	MDB_dbi	st_alerts;
};

/* ffmon_state_open - open (creating) the environment in dir */
struct ffmon_state *
ffmon_state_open(const char *dir, char *err, size_t errlen)
{
	struct ffmon_state *st = mmhs_calloc(1, sizeof(*st));
	MDB_txn *txn = NULL;
	int	rc;

	if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		mmhs_free(st);
		return NULL;
	}
	if ((rc = mdb_env_create(&st->st_env)) != 0 ||
	    (rc = mdb_env_set_maxdbs(st->st_env, 2)) != 0 ||
	    (rc = mdb_env_set_mapsize(st->st_env, FFMON_STATE_MAP)) != 0 ||
	    (rc = mdb_env_open(st->st_env, dir, MDB_NOTLS, 0600)) != 0 ||
	    (rc = mdb_txn_begin(st->st_env, NULL, 0, &txn)) != 0 ||
	    (rc = mdb_dbi_open(txn, "hops", MDB_CREATE, &st->st_hops)) != 0 ||
	    (rc = mdb_dbi_open(txn, "alerts", MDB_CREATE,
	    &st->st_alerts)) != 0 ||
	    (rc = mdb_txn_commit(txn)) != 0) {
		snprintf(err, errlen, "%s: %s", dir, mdb_strerror(rc));
		if (txn != NULL && rc != 0)
			mdb_txn_abort(txn);
		if (st->st_env != NULL)
			mdb_env_close(st->st_env);
		mmhs_free(st);
		return NULL;
	}
	return st;
}

/* ffmon_state_close - close the environment */
void
ffmon_state_close(struct ffmon_state *st)
{
	if (st == NULL)
		return;
	mdb_env_close(st->st_env);
	mmhs_free(st);
}

/* ffmon_state_key - key of a string; 0 if too long for LMDB */
static int
ffmon_state_key(MDB_val *k, const char *s)
{
	k->mv_size = strlen(s);
	k->mv_data = (void *)s;
	return k->mv_size > 0 && k->mv_size <= FFMON_KEY_MAX;
}

/* ffmon_state_hops - the redirects recorded for msgid */
size_t
ffmon_state_hops(struct ffmon_state *st, const char *msgid,
    struct ffmon_hop *hops, size_t max)
{
	MDB_txn *txn;
	MDB_val	k, v;
	size_t	n = 0;

	if (!ffmon_state_key(&k, msgid) ||
	    mdb_txn_begin(st->st_env, NULL, MDB_RDONLY, &txn) != 0)
		return 0;
	if (mdb_get(txn, st->st_hops, &k, &v) == 0)
		n = ffmon_hops_parse(v.mv_data, v.mv_size, hops, max);
	mdb_txn_abort(txn);
	return n;
}

/* ffmon_state_add_hop - one more redirect of msgid, committed */
int
ffmon_state_add_hop(struct ffmon_state *st, const char *msgid,
    const struct ffmon_hop *hop, char *err, size_t errlen)
{
	struct ffmon_hop *hops = mmhs_calloc(FFMON_HOPS_MAX, sizeof(*hops));
	size_t	n, cap = FFMON_HOPS_MAX * (2 * FFMON_DN_MAX + 24);
	char	*buf = mmhs_malloc(cap);
	MDB_txn *txn = NULL;
	MDB_val	k, v;
	int	rc = -1, len;

	if (!ffmon_state_key(&k, msgid)) {
		snprintf(err, errlen, "Message-ID too long to record");
		goto out;
	}
	n = ffmon_state_hops(st, msgid, hops, FFMON_HOPS_MAX);
	if (n == FFMON_HOPS_MAX)	/* forget the oldest */
		memmove(hops, hops + 1, --n * sizeof(*hops));
	hops[n++] = *hop;
	if ((len = ffmon_hops_format(hops, n, buf, cap)) < 0) {
		snprintf(err, errlen, "hop not recordable");
		goto out;
	}
	v.mv_data = buf;
	v.mv_size = (size_t)len;
	if ((rc = mdb_txn_begin(st->st_env, NULL, 0, &txn)) != 0 ||
	    (rc = mdb_put(txn, st->st_hops, &k, &v, 0)) != 0 ||
	    (rc = mdb_txn_commit(txn)) != 0) {
		snprintf(err, errlen, "state: %s", mdb_strerror(rc));
		if (txn != NULL && rc != 0)
			mdb_txn_abort(txn);
		rc = -1;
	}
out:
	mmhs_free(buf);
	mmhs_free(hops);
	return rc;
}

/* An "alerts" value. */
struct state_settled {
	long long ss_at;
	int	ss_kind;
};

/* ffmon_state_alerted - how was this message settled, 0 if not */
int
ffmon_state_alerted(struct ffmon_state *st, const char *key)
{
	struct state_settled ss;
	MDB_txn *txn;
	MDB_val	k, v;
	int	kind = 0;

	if (!ffmon_state_key(&k, key) ||
	    mdb_txn_begin(st->st_env, NULL, MDB_RDONLY, &txn) != 0)
		return 0;
	if (mdb_get(txn, st->st_alerts, &k, &v) == 0) {
		kind = FFMON_ALERTED;
		if (v.mv_size == sizeof(ss)) {
			memcpy(&ss, v.mv_data, sizeof(ss));
			kind = ss.ss_kind;
		}
	}
	mdb_txn_abort(txn);
	return kind;
}

/* ffmon_state_raise - remember that a message was settled */
int
ffmon_state_raise(struct ffmon_state *st, const char *key, time_t at,
    enum ffmon_settled kind, char *err, size_t errlen)
{
	struct state_settled ss;
	MDB_txn *txn = NULL;
	MDB_val	k, v;
	int	rc;

	if (!ffmon_state_key(&k, key)) {
		snprintf(err, errlen, "alert key too long to record");
		return -1;
	}
	memset(&ss, 0, sizeof(ss));
	ss.ss_at = (long long)at;
	ss.ss_kind = (int)kind;
	v.mv_data = &ss;
	v.mv_size = sizeof(ss);
	if ((rc = mdb_txn_begin(st->st_env, NULL, 0, &txn)) != 0 ||
	    (rc = mdb_put(txn, st->st_alerts, &k, &v, 0)) != 0 ||
	    (rc = mdb_txn_commit(txn)) != 0) {
		snprintf(err, errlen, "state: %s", mdb_strerror(rc));
		if (txn != NULL && rc != 0)
			mdb_txn_abort(txn);
		return -1;
	}
	return 0;
}

/* ffmon_state_kept - is key (k bytes) one of keep[]? */
static int
ffmon_state_kept(const MDB_val *k, const char *const *keep, size_t nkeep)
{
	size_t	i;

	for (i = 0; i < nkeep; i++)
		if (strlen(keep[i]) == k->mv_size &&
		    memcmp(keep[i], k->mv_data, k->mv_size) == 0)
			return 1;
	return 0;
}

/* ffmon_state_newest - time of the newest hop in a stored list */
static time_t
ffmon_state_newest(const MDB_val *v)
{
	struct ffmon_hop *hops = mmhs_calloc(FFMON_HOPS_MAX, sizeof(*hops));
	size_t	i, n = ffmon_hops_parse(v->mv_data, v->mv_size, hops,
	    FFMON_HOPS_MAX);
	time_t	t = 0;

	for (i = 0; i < n; i++)
		if (hops[i].h_at > t)
			t = hops[i].h_at;
	mmhs_free(hops);
	return t;
}

/* ffmon_state_prune - forget what can no longer matter */
long
ffmon_state_prune(struct ffmon_state *st, const char *const *keep,
    size_t nkeep, time_t before)
{
	MDB_txn *txn = NULL;
	MDB_cursor *cur = NULL;
	MDB_val	k, v;
	long	gone = 0;
	int	rc, op;

	if ((rc = mdb_txn_begin(st->st_env, NULL, 0, &txn)) != 0)
		goto fail;
	if ((rc = mdb_cursor_open(txn, st->st_alerts, &cur)) != 0)
		goto fail;
	for (op = MDB_FIRST; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0;
	    op = MDB_NEXT)
		if (!ffmon_state_kept(&k, keep, nkeep) &&
		    mdb_cursor_del(cur, 0) == 0)
			gone++;
	mdb_cursor_close(cur);
	if ((rc = mdb_cursor_open(txn, st->st_hops, &cur)) != 0)
		goto fail;
	for (op = MDB_FIRST; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0;
	    op = MDB_NEXT)
		if (ffmon_state_newest(&v) < before &&
		    mdb_cursor_del(cur, 0) == 0)
			gone++;
	mdb_cursor_close(cur);
	cur = NULL;
	if ((rc = mdb_txn_commit(txn)) != 0) {
		txn = NULL;
		goto fail;
	}
	return gone;
fail:
	mmhs_warn("state: pruning: %s", mdb_strerror(rc));
	if (txn != NULL)
		mdb_txn_abort(txn);
	return -1;
}
