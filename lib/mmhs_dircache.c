/*
 * mmhs_dircache.c - local LMDB mirror of the directory, kept live by RFC 4533
 *
 * Interface: mmhs_dircache.h; design and operation in doc/dircache.md.
 *
 * Storage.  One LMDB environment in the cache directory with four
 * databases: "entries" (raw 16-byte entryUUID -> serialised entry),
 * "dn" (normalised, lower-cased DN -> entryUUID), "index" (duplicate
 * keys "attr=value", lower-cased, -> entryUUID, for objectClass and the
 * attributes the owner asked for) and "meta" (sync cookie, time of the
 * last synchronisation, search and index signatures).  A change of the
 * search (base, scope, filter, attributes) drops the cookie, so the next
 * refresh is a full one; a change of the index list rebuilds the index
 * (a storage-only open that names no index list adopts the stored one,
 * so a tool can look into a running agent's cache).
 *
 * Synchronisation.  A thread connects to the URIs in order, binds, and
 * runs ldap_sync_init() (refreshAndPersist; it returns when the refresh
 * is done) and then ldap_sync_poll() until the connection is lost.  The
 * whole refresh is one write transaction, so readers see the old cache
 * or the refreshed one, never half; in persist each batch of messages
 * is one transaction.  The cookie is written in the same transaction as
 * the changes it covers, so a restart resumes exactly there.
 *
 * Deletions arrive four ways and all are handled: a delete state in
 * persist or in a refresh's delete phase; a syncIdSet with
 * refreshDeletes TRUE; and a present phase, after which every cached
 * entry not named (as present, add or modify, or in a syncIdSet with
 * refreshDeletes FALSE) is gone.  A refresh without cookie is treated as
 * a present phase.  libldap reports the end of a refresh as "done"
 * whether it was refreshPresent or refreshDelete, so the intermediate
 * message is parsed here to tell them apart.  A server answering
 * e-syncRefreshRequired gets a full refresh without cookie.
 *
 * Errors: open returns NULL with a message; lookups return NULL or -1
 * and warn on a damaged record (they never crash on it: every length is
 * checked); sync errors end the connection, the thread reconnects with
 * back-off (0.2 s doubling to 5 s) trying every URI, and in between the
 * state is MMHS_DC_FROM_CACHE with the reason.
 */

#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>

#include <lber.h>
#include <ldap.h>
#include <lmdb.h>

#include "mmhs_alloc.h"
#include "mmhs_dircache.h"
#include "mmhs_log.h"

typedef struct dc_buf {
	unsigned char *b_data;
	size_t b_len;
	size_t b_size;
} dc_buf_t;

typedef struct dc_change {
	mmhs_dircache_change_t ch_kind;
	unsigned char ch_uuid[16];
	char *ch_dn;
} dc_change_t;

struct mmhs_dircache {
	MDB_env *dc_env;
	MDB_dbi dc_entries, dc_dn, dc_index, dc_meta;
	size_t dc_maxkey;
	mmhs_dircache_conf_t dc_conf;	/* strings below are our copies */
	char **dc_uris, **dc_attrs, **dc_idx;
	char *dc_dir, *dc_base, *dc_filter, *dc_bind_dn, *dc_bind_pw;
	/* shared with the thread, under dc_mu */
	pthread_mutex_t dc_mu;
	pthread_cond_t dc_cv;
	pthread_t dc_thread;
	int dc_started, dc_stop, dc_settled, dc_fd;
	mmhs_dircache_state_t dc_state;
	char dc_reason[MMHS_DC_REASON_LEN];
	/* the writer's: the sync thread, or the storage API's caller */
	MDB_txn *dc_wtxn;
	dc_change_t *dc_changes;
	size_t dc_nchanges, dc_achanges;
	unsigned char *dc_seen;
	size_t dc_nseen, dc_aseen;
	int dc_tracking, dc_had_cookie, dc_ended, dc_failed;
	char *dc_cookie;
	size_t dc_cookie_len;
};

#define DC_META_COOKIE	"cookie"
#define DC_META_TIME	"refreshed"
#define DC_META_SEARCH	"search"
#define DC_META_INDEX	"index"

/* dc_buf_add - append bytes to a growing buffer */
static void
dc_buf_add(dc_buf_t *b, const void *p, size_t n)
{
	if (b->b_len + n > b->b_size) {
		b->b_size = (b->b_len + n) * 2 + 64;
		b->b_data = mmhs_realloc(b->b_data, b->b_size);
	}
	memcpy(b->b_data + b->b_len, p, n);
	b->b_len += n;
}

/* dc_buf_u32 - append a length in host order (the cache is local) */
static void
dc_buf_u32(dc_buf_t *b, size_t v)
{
	uint32_t u = (uint32_t)v;

	dc_buf_add(b, &u, sizeof(u));
}

/* dc_serialise - flatten an entry: dn, attributes, values, each counted */
static void
dc_serialise(dc_buf_t *b, const mmhs_dircache_entry_t *e)
{
	size_t i, j;

	b->b_len = 0;
	dc_buf_u32(b, strlen(e->de_dn));
	dc_buf_add(b, e->de_dn, strlen(e->de_dn));
	dc_buf_u32(b, e->de_nattrs);
	for (i = 0; i < e->de_nattrs; i++) {
		const mmhs_dircache_attr_t *a = &e->de_attrs[i];

		dc_buf_u32(b, strlen(a->da_name));
		dc_buf_add(b, a->da_name, strlen(a->da_name));
		dc_buf_u32(b, a->da_nvals);
		for (j = 0; j < a->da_nvals; j++) {
			dc_buf_u32(b, a->da_lens[j]);
			dc_buf_add(b, a->da_vals[j], a->da_lens[j]);
		}
	}
}

/* dc_get_u32 - read a count, refusing to run past the record */
static int
dc_get_u32(const unsigned char **p, const unsigned char *end, size_t *v)
{
	uint32_t u;

	if ((size_t)(end - *p) < sizeof(u))
		return -1;
	memcpy(&u, *p, sizeof(u));
	*p += sizeof(u);
	*v = u;
	return 0;
}

/* dc_memdup - copy bytes that may hold NULs, adding a terminating one */
static char *
dc_memdup(const void *p, size_t len)
{
	char *s = mmhs_malloc(len + 1);

	memcpy(s, p, len);
	s[len] = 0;
	return s;
}

/* dc_get_str - read a counted string into a new NUL-terminated copy */
static char *
dc_get_str(const unsigned char **p, const unsigned char *end, size_t *len)
{
	char *s;

	if (dc_get_u32(p, end, len) < 0 || (size_t)(end - *p) < *len)
		return NULL;
	s = dc_memdup(*p, *len);
	*p += *len;
	return s;
}

/* dc_parse_attr - read one attribute of a stored entry */
static int
dc_parse_attr(const unsigned char **p, const unsigned char *end,
    mmhs_dircache_attr_t *a)
{
	size_t j, len;

	if ((a->da_name = dc_get_str(p, end, &len)) == NULL ||
	    dc_get_u32(p, end, &a->da_nvals) < 0 ||
	    a->da_nvals > (size_t)(end - *p) / 4)
		return -1;
	a->da_vals = mmhs_calloc(a->da_nvals + 1, sizeof(char *));
	a->da_lens = mmhs_calloc(a->da_nvals + 1, sizeof(size_t));
	for (j = 0; j < a->da_nvals; j++)
		if ((a->da_vals[j] = dc_get_str(p, end, &a->da_lens[j])) ==
		    NULL)
			return -1;
	return 0;
}

/* dc_parse - rebuild an entry from its record; NULL if damaged */
static mmhs_dircache_entry_t *
dc_parse(const unsigned char *uuid, const MDB_val *v)
{
	const unsigned char *p = v->mv_data, *end = p + v->mv_size;
	mmhs_dircache_entry_t *e = mmhs_calloc(1, sizeof(*e));
	size_t i, len;

	mmhs_dircache_uuid_text(uuid, e->de_uuid);
	if ((e->de_dn = dc_get_str(&p, end, &len)) == NULL ||
	    dc_get_u32(&p, end, &e->de_nattrs) < 0 ||
	    e->de_nattrs > (size_t)(end - p) / 8)
		goto bad;
	e->de_attrs = mmhs_calloc(e->de_nattrs + 1, sizeof(*e->de_attrs));
	for (i = 0; i < e->de_nattrs; i++)
		if (dc_parse_attr(&p, end, &e->de_attrs[i]) < 0)
			goto bad;
	if (p == end)
		return e;
bad:
	mmhs_warn("dircache: damaged record for entry %s", e->de_uuid);
	mmhs_dircache_entry_free(e);
	return NULL;
}

/* mmhs_dircache_entry_free - release an entry returned by a lookup */
void
mmhs_dircache_entry_free(mmhs_dircache_entry_t *e)
{
	size_t i, j;

	if (e == NULL)
		return;
	for (i = 0; e->de_attrs != NULL && i < e->de_nattrs; i++) {
		mmhs_dircache_attr_t *a = &e->de_attrs[i];

		for (j = 0; a->da_vals != NULL && j < a->da_nvals; j++)
			mmhs_free(a->da_vals[j]);
		mmhs_free(a->da_vals);
		mmhs_free(a->da_lens);
		mmhs_free(a->da_name);
	}
	mmhs_free(e->de_attrs);
	mmhs_free(e->de_dn);
	mmhs_free(e);
}

/* mmhs_dircache_attr - an attribute of an entry by name, or NULL */
const mmhs_dircache_attr_t *
mmhs_dircache_attr(const mmhs_dircache_entry_t *e, const char *name)
{
	size_t i;

	for (i = 0; i < e->de_nattrs; i++)
		if (strcasecmp(e->de_attrs[i].da_name, name) == 0)
			return &e->de_attrs[i];
	return NULL;
}

/* mmhs_dircache_value - the first value of an attribute, or NULL */
const char *
mmhs_dircache_value(const mmhs_dircache_entry_t *e, const char *name)
{
	const mmhs_dircache_attr_t *a = mmhs_dircache_attr(e, name);

	return a != NULL && a->da_nvals > 0 ? a->da_vals[0] : NULL;
}

/* mmhs_dircache_uuid_text - 16 raw bytes to 8-4-4-4-12 hex */
void
mmhs_dircache_uuid_text(const unsigned char *u, char *text)
{
	static const char hex[] = "0123456789abcdef";
	int i;

	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*text++ = '-';
		*text++ = hex[u[i] >> 4];
		*text++ = hex[u[i] & 15];
	}
	*text = 0;
}

/* mmhs_dircache_uuid_parse - 8-4-4-4-12 hex to 16 raw bytes */
int
mmhs_dircache_uuid_parse(const char *text, unsigned char *u)
{
	int i, n = 0, hi = -1, d;

	for (i = 0; text[i] != 0; i++) {
		if (text[i] == '-' && (i == 8 || i == 13 || i == 18 || i == 23))
			continue;
		if (!isxdigit((unsigned char)text[i]) || n == 16)
			return -1;
		d = isdigit((unsigned char)text[i]) ? text[i] - '0' :
		    tolower((unsigned char)text[i]) - 'a' + 10;
		if (hi < 0) {
			hi = d;
		} else {
			u[n++] = (unsigned char)(hi << 4 | d);
			hi = -1;
		}
	}
	return n == 16 && hi < 0 ? 0 : -1;
}

/* dc_lower - ASCII lower-case copy, as the keys are case-insensitive */
static char *
dc_lower(char *s)
{
	char *p;

	for (p = s; *p != 0; p++)
		*p = (char)tolower((unsigned char)*p);
	return s;
}

/* dc_dn_key - the key of a DN: LDAPv3-normalised, lower-cased */
static char *
dc_dn_key(const char *dn)
{
	char *out = NULL, *key;

	if (ldap_dn_normalize(dn, LDAP_DN_FORMAT_LDAP, &out,
	    LDAP_DN_FORMAT_LDAPV3) != LDAP_SUCCESS || out == NULL)
		return dc_lower(mmhs_strdup(dn));
	key = dc_lower(mmhs_strdup(out));
	ldap_memfree(out);
	return key;
}

/* dc_indexed - is this attribute indexed? objectClass always is */
static int
dc_indexed(mmhs_dircache_t *c, const char *attr)
{
	char **p;

	if (strcasecmp(attr, "objectClass") == 0)
		return 1;
	for (p = c->dc_idx; p != NULL && *p != NULL; p++)
		if (strcasecmp(*p, attr) == 0)
			return 1;
	return 0;
}

/* dc_index_key - "attr=value" lower-cased; 0 if too long for a key */
static size_t
dc_index_key(mmhs_dircache_t *c, dc_buf_t *k, const char *attr,
    const char *val, size_t len)
{
	size_t i, alen = strlen(attr);

	if (alen + 1 + len > c->dc_maxkey)
		return 0;
	k->b_len = 0;
	dc_buf_add(k, attr, alen);
	dc_buf_add(k, "=", 1);
	dc_buf_add(k, val, len);
	for (i = 0; i < k->b_len; i++)
		k->b_data[i] = (unsigned char)tolower(k->b_data[i]);
	return k->b_len;
}

/* dc_index_entry - add (add != 0) or remove an entry's index records */
static int
dc_index_entry(mmhs_dircache_t *c, MDB_txn *txn, const unsigned char *uuid,
    const mmhs_dircache_entry_t *e, int add)
{
	dc_buf_t k = { 0 };
	MDB_val key, val = { 16, (void *)uuid };
	char *dn;
	size_t i, j;
	int rc = 0, r;

	dn = dc_dn_key(e->de_dn);
	key.mv_data = dn;
	key.mv_size = strlen(dn);
	if (key.mv_size <= c->dc_maxkey) {
		r = add ? mdb_put(txn, c->dc_dn, &key, &val, 0) :
		    mdb_del(txn, c->dc_dn, &key, NULL);
		if (r != 0 && r != MDB_NOTFOUND)
			rc = r;
	}
	mmhs_free(dn);
	for (i = 0; i < e->de_nattrs && rc == 0; i++) {
		const mmhs_dircache_attr_t *a = &e->de_attrs[i];

		if (!dc_indexed(c, a->da_name))
			continue;
		for (j = 0; j < a->da_nvals && rc == 0; j++) {
			if ((key.mv_size = dc_index_key(c, &k, a->da_name,
			    a->da_vals[j], a->da_lens[j])) == 0)
				continue;
			key.mv_data = k.b_data;
			r = add ? mdb_put(txn, c->dc_index, &key, &val, 0) :
			    mdb_del(txn, c->dc_index, &key, &val);
			if (r != 0 && r != MDB_NOTFOUND && r != MDB_KEYEXIST)
				rc = r;
		}
	}
	mmhs_free(k.b_data);
	return rc;
}

/* dc_note - remember a change, reported once its transaction commits */
static void
dc_note(mmhs_dircache_t *c, mmhs_dircache_change_t kind,
    const unsigned char *uuid, const char *dn)
{
	dc_change_t *ch;

	if (c->dc_conf.dc_on_change == NULL)
		return;
	if (c->dc_nchanges == c->dc_achanges) {
		c->dc_achanges = c->dc_achanges * 2 + 16;
		c->dc_changes = mmhs_realloc(c->dc_changes,
		    c->dc_achanges * sizeof(*c->dc_changes));
	}
	ch = &c->dc_changes[c->dc_nchanges++];
	ch->ch_kind = kind;
	memcpy(ch->ch_uuid, uuid, 16);
	ch->ch_dn = mmhs_strdup(dn);
}

/* dc_store - write an entry; returns its change kind, 0 if unchanged */
static int
dc_store(mmhs_dircache_t *c, MDB_txn *txn, const unsigned char *uuid,
    const mmhs_dircache_entry_t *e)
{
	dc_buf_t b = { 0 };
	MDB_val key = { 16, (void *)uuid }, old, val;
	mmhs_dircache_entry_t *prev = NULL;
	int rc, kind = MMHS_DC_ADD;

	dc_serialise(&b, e);
	if ((rc = mdb_get(txn, c->dc_entries, &key, &old)) == 0) {
		if (old.mv_size == b.b_len &&
		    memcmp(old.mv_data, b.b_data, b.b_len) == 0) {
			mmhs_free(b.b_data);
			return 0;
		}
		kind = MMHS_DC_MODIFY;
		if ((prev = dc_parse(uuid, &old)) != NULL)
			rc = dc_index_entry(c, txn, uuid, prev, 0);
		mmhs_dircache_entry_free(prev);
	} else if (rc == MDB_NOTFOUND) {
		rc = 0;
	}
	val.mv_data = b.b_data;
	val.mv_size = b.b_len;
	if (rc == 0)
		rc = mdb_put(txn, c->dc_entries, &key, &val, 0);
	if (rc == 0)
		rc = dc_index_entry(c, txn, uuid, e, 1);
	mmhs_free(b.b_data);
	if (rc != 0) {
		mmhs_warn("dircache: storing %s: %s", e->de_dn,
		    mdb_strerror(rc));
		return -1;
	}
	dc_note(c, kind, uuid, e->de_dn);
	return kind;
}

/* dc_remove - delete an entry; 1 if it was there, 0 if not, -1 error */
static int
dc_remove(mmhs_dircache_t *c, MDB_txn *txn, const unsigned char *uuid)
{
	MDB_val key = { 16, (void *)uuid }, old;
	mmhs_dircache_entry_t *prev;
	int rc;

	if ((rc = mdb_get(txn, c->dc_entries, &key, &old)) == MDB_NOTFOUND)
		return 0;
	if (rc != 0)
		return -1;
	if ((prev = dc_parse(uuid, &old)) != NULL) {
		rc = dc_index_entry(c, txn, uuid, prev, 0);
		dc_note(c, MMHS_DC_DELETE, uuid, prev->de_dn);
		mmhs_dircache_entry_free(prev);
	}
	if (rc == 0)
		rc = mdb_del(txn, c->dc_entries, &key, NULL);
	if (rc != 0) {
		mmhs_warn("dircache: deleting: %s", mdb_strerror(rc));
		return -1;
	}
	return 1;
}

/* dc_meta_put - write one meta record (NULL value deletes it) */
static int
dc_meta_put(mmhs_dircache_t *c, MDB_txn *txn, const char *name,
    const void *v, size_t len)
{
	MDB_val key = { strlen(name), (void *)name }, val = { len, (void *)v };
	int rc;

	rc = v != NULL ? mdb_put(txn, c->dc_meta, &key, &val, 0) :
	    mdb_del(txn, c->dc_meta, &key, NULL);
	return rc == MDB_NOTFOUND ? 0 : rc;
}

/* dc_meta_get - read one meta record as a new string, or NULL */
static char *
dc_meta_get(mmhs_dircache_t *c, MDB_txn *txn, const char *name, size_t *len)
{
	MDB_val key = { strlen(name), (void *)name }, val;

	if (mdb_get(txn, c->dc_meta, &key, &val) != 0)
		return NULL;
	if (len != NULL)
		*len = val.mv_size;
	return dc_memdup(val.mv_data, val.mv_size);
}

/* dc_begin - the writer's transaction, opened on first use */
static MDB_txn *
dc_begin(mmhs_dircache_t *c)
{
	int rc;

	if (c->dc_wtxn == NULL &&
	    (rc = mdb_txn_begin(c->dc_env, NULL, 0, &c->dc_wtxn)) != 0) {
		mmhs_warn("dircache: write transaction: %s", mdb_strerror(rc));
		c->dc_wtxn = NULL;
		c->dc_failed = 1;
	}
	return c->dc_wtxn;
}

/* dc_drop_changes - forget the changes of an aborted transaction */
static void
dc_drop_changes(mmhs_dircache_t *c)
{
	size_t i;

	for (i = 0; i < c->dc_nchanges; i++)
		mmhs_free(c->dc_changes[i].ch_dn);
	c->dc_nchanges = 0;
}

/* dc_abort - abandon the writer's transaction and its changes */
static void
dc_abort(mmhs_dircache_t *c)
{
	if (c->dc_wtxn != NULL)
		mdb_txn_abort(c->dc_wtxn);
	c->dc_wtxn = NULL;
	dc_drop_changes(c);
}

/* dc_commit - commit the writer's transaction, then report its changes */
static int
dc_commit(mmhs_dircache_t *c)
{
	char uuid[37];
	size_t i;
	int rc = 0;

	if (c->dc_wtxn != NULL && (rc = mdb_txn_commit(c->dc_wtxn)) != 0)
		mmhs_warn("dircache: commit: %s", mdb_strerror(rc));
	c->dc_wtxn = NULL;
	for (i = 0; rc == 0 && i < c->dc_nchanges; i++) {
		mmhs_dircache_uuid_text(c->dc_changes[i].ch_uuid, uuid);
		c->dc_conf.dc_on_change(c->dc_conf.dc_arg,
		    c->dc_changes[i].ch_kind, uuid, c->dc_changes[i].ch_dn);
	}
	dc_drop_changes(c);
	return rc == 0 ? 0 : -1;
}

/* mmhs_dircache_put - store an entry in its own transaction */
int
mmhs_dircache_put(mmhs_dircache_t *c, const unsigned char *uuid16,
    const mmhs_dircache_entry_t *e)
{
	MDB_txn *txn = dc_begin(c);

	if (txn == NULL || dc_store(c, txn, uuid16, e) < 0) {
		dc_abort(c);
		return -1;
	}
	return dc_commit(c);
}

/* mmhs_dircache_del - delete an entry in its own transaction */
int
mmhs_dircache_del(mmhs_dircache_t *c, const unsigned char *uuid16)
{
	MDB_txn *txn = dc_begin(c);
	int rc;

	if (txn == NULL || (rc = dc_remove(c, txn, uuid16)) < 0) {
		dc_abort(c);
		return -1;
	}
	return dc_commit(c) < 0 ? -1 : rc;
}

/* mmhs_dircache_set_cookie - store (or with NULL, drop) the sync cookie */
int
mmhs_dircache_set_cookie(mmhs_dircache_t *c, const char *cookie, size_t len)
{
	MDB_txn *txn = dc_begin(c);

	if (txn == NULL || dc_meta_put(c, txn, DC_META_COOKIE, cookie, len)) {
		dc_abort(c);
		return -1;
	}
	return dc_commit(c);
}

/* dc_rtxn - a read transaction for one lookup */
static MDB_txn *
dc_rtxn(mmhs_dircache_t *c)
{
	MDB_txn *txn;
	int rc;

	if ((rc = mdb_txn_begin(c->dc_env, NULL, MDB_RDONLY, &txn)) != 0) {
		mmhs_warn("dircache: read transaction: %s", mdb_strerror(rc));
		return NULL;
	}
	return txn;
}

/* mmhs_dircache_cookie - the stored cookie (caller frees), or NULL */
char *
mmhs_dircache_cookie(mmhs_dircache_t *c, size_t *len)
{
	MDB_txn *txn = dc_rtxn(c);
	char *s;

	if (txn == NULL)
		return NULL;
	s = dc_meta_get(c, txn, DC_META_COOKIE, len);
	mdb_txn_abort(txn);
	return s;
}

/* mmhs_dircache_refreshed - when the cache was last known in sync */
time_t
mmhs_dircache_refreshed(mmhs_dircache_t *c)
{
	MDB_txn *txn = dc_rtxn(c);
	char *s;
	time_t t = 0;

	if (txn == NULL)
		return 0;
	if ((s = dc_meta_get(c, txn, DC_META_TIME, NULL)) != NULL)
		t = (time_t)strtoll(s, NULL, 10);
	mmhs_free(s);
	mdb_txn_abort(txn);
	return t;
}

/* dc_fetch - read and parse the entry of a UUID in a transaction */
static mmhs_dircache_entry_t *
dc_fetch(mmhs_dircache_t *c, MDB_txn *txn, const unsigned char *uuid)
{
	MDB_val key = { 16, (void *)uuid }, val;

	if (mdb_get(txn, c->dc_entries, &key, &val) != 0)
		return NULL;
	return dc_parse(uuid, &val);
}

/* mmhs_dircache_by_uuid - the entry of an entryUUID, or NULL */
mmhs_dircache_entry_t *
mmhs_dircache_by_uuid(mmhs_dircache_t *c, const char *uuid)
{
	unsigned char u[16];
	MDB_txn *txn;
	mmhs_dircache_entry_t *e;

	if (mmhs_dircache_uuid_parse(uuid, u) < 0 || (txn = dc_rtxn(c)) == NULL)
		return NULL;
	e = dc_fetch(c, txn, u);
	mdb_txn_abort(txn);
	return e;
}

/* mmhs_dircache_by_dn - the entry of a DN, or NULL */
mmhs_dircache_entry_t *
mmhs_dircache_by_dn(mmhs_dircache_t *c, const char *dn)
{
	char *k = dc_dn_key(dn);
	MDB_val key = { strlen(k), k }, val;
	MDB_txn *txn;
	mmhs_dircache_entry_t *e = NULL;

	if ((txn = dc_rtxn(c)) != NULL) {
		if (key.mv_size <= c->dc_maxkey &&
		    mdb_get(txn, c->dc_dn, &key, &val) == 0 &&
		    val.mv_size == 16)
			e = dc_fetch(c, txn, val.mv_data);
		mdb_txn_abort(txn);
	}
	mmhs_free(k);
	return e;
}

/* mmhs_dircache_find - call fn for each entry with attr=value; -1 if
 * attr is not indexed */
long
mmhs_dircache_find(mmhs_dircache_t *c, const char *attr, const char *value,
    mmhs_dircache_iter_fn fn, void *arg)
{
	dc_buf_t k = { 0 };
	MDB_val key, val;
	MDB_txn *txn;
	MDB_cursor *cur;
	mmhs_dircache_entry_t *e;
	long n = 0;
	int rc, stop = 0;

	if (!dc_indexed(c, attr))
		return -1;
	if ((key.mv_size = dc_index_key(c, &k, attr, value,
	    strlen(value))) == 0 || (txn = dc_rtxn(c)) == NULL) {
		mmhs_free(k.b_data);
		return 0;
	}
	key.mv_data = k.b_data;
	if (mdb_cursor_open(txn, c->dc_index, &cur) == 0) {
		for (rc = mdb_cursor_get(cur, &key, &val, MDB_SET); rc == 0 &&
		    !stop; rc = mdb_cursor_get(cur, &key, &val, MDB_NEXT_DUP)) {
			if (val.mv_size != 16 ||
			    (e = dc_fetch(c, txn, val.mv_data)) == NULL)
				continue;
			n++;
			stop = fn != NULL && fn(arg, e);
			mmhs_dircache_entry_free(e);
		}
		mdb_cursor_close(cur);
	}
	mdb_txn_abort(txn);
	mmhs_free(k.b_data);
	return n;
}

/* mmhs_dircache_foreach - call fn for every entry in UUID order */
long
mmhs_dircache_foreach(mmhs_dircache_t *c, mmhs_dircache_iter_fn fn,
    void *arg)
{
	MDB_txn *txn = dc_rtxn(c);
	MDB_cursor *cur;
	MDB_val key, val;
	mmhs_dircache_entry_t *e;
	long n = 0;
	int rc, stop = 0;

	if (txn == NULL)
		return -1;
	if (mdb_cursor_open(txn, c->dc_entries, &cur) == 0) {
		for (rc = mdb_cursor_get(cur, &key, &val, MDB_FIRST); rc == 0 &&
		    !stop; rc = mdb_cursor_get(cur, &key, &val, MDB_NEXT)) {
			if (key.mv_size != 16 ||
			    (e = dc_parse(key.mv_data, &val)) == NULL)
				continue;
			n++;
			stop = fn != NULL && fn(arg, e);
			mmhs_dircache_entry_free(e);
		}
		mdb_cursor_close(cur);
	}
	mdb_txn_abort(txn);
	return n;
}

/* mmhs_dircache_count - number of cached entries */
long
mmhs_dircache_count(mmhs_dircache_t *c)
{
	MDB_txn *txn = dc_rtxn(c);
	MDB_stat st;
	long n = -1;

	if (txn == NULL)
		return -1;
	if (mdb_stat(txn, c->dc_entries, &st) == 0)
		n = (long)st.ms_entries;
	mdb_txn_abort(txn);
	return n;
}

/* dc_reindex - rebuild the index after the list of attributes changed */
static int
dc_reindex(mmhs_dircache_t *c, MDB_txn *txn)
{
	MDB_cursor *cur;
	MDB_val key, val;
	mmhs_dircache_entry_t *e;
	int rc;

	if ((rc = mdb_drop(txn, c->dc_index, 0)) != 0 ||
	    (rc = mdb_cursor_open(txn, c->dc_entries, &cur)) != 0)
		return rc;
	for (rc = mdb_cursor_get(cur, &key, &val, MDB_FIRST); rc == 0;
	    rc = mdb_cursor_get(cur, &key, &val, MDB_NEXT)) {
		if (key.mv_size != 16 || (e = dc_parse(key.mv_data, &val)) ==
		    NULL)
			continue;
		rc = dc_index_entry(c, txn, key.mv_data, e, 1);
		mmhs_dircache_entry_free(e);
		if (rc != 0)
			break;
	}
	mdb_cursor_close(cur);
	return rc == MDB_NOTFOUND ? 0 : rc;
}

/* dc_join - one string of a list, for the signatures */
static void
dc_join(dc_buf_t *b, char **list)
{
	for (; list != NULL && *list != NULL; list++) {
		dc_buf_add(b, *list, strlen(*list));
		dc_buf_add(b, "\n", 1);
	}
}

/* dc_split_list - a list stored by dc_join back as a NULL-ended list */
static char **
dc_split_list(const char *buf, size_t len)
{
	char **out;
	size_t n = 0, i, start = 0, k = 0;

	for (i = 0; i < len; i++)
		if (buf[i] == '\n')
			n++;
	out = mmhs_calloc(n + 1, sizeof(char *));
	for (i = 0; i < len; i++)
		if (buf[i] == '\n') {
			out[k] = mmhs_malloc(i - start + 1);
			memcpy(out[k], buf + start, i - start);
			out[k++][i - start] = '\0';
			start = i + 1;
		}
	return out;
}

/* dc_check_meta - drop the cookie if the search changed, reindex if the
 * index list changed */
static int
dc_check_meta(mmhs_dircache_t *c, MDB_txn *txn)
{
	dc_buf_t b = { 0 };
	char *old;
	size_t len = 0;
	int rc = 0;

	old = dc_meta_get(c, txn, DC_META_INDEX, &len);
	/*
	 * A reader that names no index (storage only, no sync: a tool
	 * looking into a running agent's cache) adopts the stored list:
	 * rebuilding it would take the agent's own lookups away.
	 */
	if (c->dc_uris == NULL && c->dc_idx == NULL && old != NULL)
		c->dc_idx = dc_split_list(old, len);
	dc_join(&b, c->dc_idx);
	if (old == NULL || len != b.b_len || memcmp(old, b.b_data, len)) {
		if ((rc = dc_reindex(c, txn)) == 0)
			rc = dc_meta_put(c, txn, DC_META_INDEX, b.b_data,
			    b.b_len);
	}
	mmhs_free(old);
	if (c->dc_uris != NULL && rc == 0) {
		b.b_len = 0;
		dc_buf_add(&b, c->dc_base, strlen(c->dc_base));
		dc_buf_add(&b, "\n", 1);
		dc_buf_add(&b, &c->dc_conf.dc_scope, sizeof(int));
		dc_buf_add(&b, c->dc_filter, strlen(c->dc_filter));
		dc_buf_add(&b, "\n", 1);
		dc_join(&b, c->dc_attrs);
		old = dc_meta_get(c, txn, DC_META_SEARCH, &len);
		if (old == NULL || len != b.b_len || memcmp(old, b.b_data, len))
			if ((rc = dc_meta_put(c, txn, DC_META_COOKIE, NULL, 0))
			    == 0)
				rc = dc_meta_put(c, txn, DC_META_SEARCH,
				    b.b_data, b.b_len);
		mmhs_free(old);
	}
	mmhs_free(b.b_data);
	return rc;
}

/* dc_copy_list - our own copy of a NULL-ended list (NULL stays NULL) */
static char **
dc_copy_list(const char *const *list)
{
	char **out;
	size_t n = 0, i;

	if (list == NULL)
		return NULL;
	while (list[n] != NULL)
		n++;
	out = mmhs_calloc(n + 1, sizeof(char *));
	for (i = 0; i < n; i++)
		out[i] = mmhs_strdup(list[i]);
	return out;
}

/* dc_free_list - free a list from dc_copy_list */
static void
dc_free_list(char **list)
{
	char **p;

	for (p = list; p != NULL && *p != NULL; p++)
		mmhs_free(*p);
	mmhs_free(list);
}

/* dc_open_env - create the directory and open the environment and dbs */
static int
dc_open_env(mmhs_dircache_t *c, char *err, size_t errlen)
{
	MDB_txn *txn;
	int rc;

	if (mkdir(c->dc_dir, 0700) < 0 && errno != EEXIST) {
		snprintf(err, errlen, "%s: %s", c->dc_dir, strerror(errno));
		return -1;
	}
	if ((rc = mdb_env_create(&c->dc_env)) != 0 ||
	    (rc = mdb_env_set_maxdbs(c->dc_env, 4)) != 0 ||
	    (rc = mdb_env_set_mapsize(c->dc_env, c->dc_conf.dc_map_size ?
	    c->dc_conf.dc_map_size : MMHS_DC_DEF_MAP_SIZE)) != 0 ||
	    (rc = mdb_env_open(c->dc_env, c->dc_dir, MDB_NOTLS, 0600)) != 0 ||
	    (rc = mdb_txn_begin(c->dc_env, NULL, 0, &txn)) != 0)
		goto fail;
	c->dc_maxkey = (size_t)mdb_env_get_maxkeysize(c->dc_env);
	if ((rc = mdb_dbi_open(txn, "entries", MDB_CREATE, &c->dc_entries)) ||
	    (rc = mdb_dbi_open(txn, "dn", MDB_CREATE, &c->dc_dn)) ||
	    (rc = mdb_dbi_open(txn, "index", MDB_CREATE | MDB_DUPSORT |
	    MDB_DUPFIXED, &c->dc_index)) ||
	    (rc = mdb_dbi_open(txn, "meta", MDB_CREATE, &c->dc_meta)) ||
	    (rc = dc_check_meta(c, txn))) {
		mdb_txn_abort(txn);
		goto fail;
	}
	c->dc_cookie = dc_meta_get(c, txn, DC_META_COOKIE, &c->dc_cookie_len);
	if ((rc = mdb_txn_commit(txn)) == 0)
		return 0;
fail:
	snprintf(err, errlen, "%s: %s", c->dc_dir, mdb_strerror(rc));
	return -1;
}

/* mmhs_dircache_open - open (creating) the cache; no sync until start */
mmhs_dircache_t *
mmhs_dircache_open(const mmhs_dircache_conf_t *conf, char *err, size_t errlen)
{
	mmhs_dircache_t *c = mmhs_calloc(1, sizeof(*c));

	c->dc_conf = *conf;
	c->dc_dir = mmhs_strdup(conf->dc_dir);
	c->dc_uris = conf->dc_uris != NULL && conf->dc_uris[0] != NULL ?
	    dc_copy_list(conf->dc_uris) : NULL;
	c->dc_attrs = dc_copy_list(conf->dc_attrs);
	c->dc_idx = dc_copy_list(conf->dc_index);
	c->dc_base = mmhs_strdup(conf->dc_base != NULL ? conf->dc_base : "");
	c->dc_filter = mmhs_strdup(conf->dc_filter != NULL ?
	    conf->dc_filter : "(objectClass=*)");
	c->dc_bind_dn = conf->dc_bind_dn ? mmhs_strdup(conf->dc_bind_dn) : 0;
	c->dc_bind_pw = conf->dc_bind_pw ? mmhs_strdup(conf->dc_bind_pw) : 0;
	c->dc_fd = -1;
	pthread_mutex_init(&c->dc_mu, NULL);
	pthread_cond_init(&c->dc_cv, NULL);
	snprintf(c->dc_reason, sizeof(c->dc_reason), "not started");
	if (dc_open_env(c, err, errlen) < 0) {
		mmhs_dircache_close(c);
		return NULL;
	}
	return c;
}

/* mmhs_dircache_close - stop the thread and release everything */
void
mmhs_dircache_close(mmhs_dircache_t *c)
{
	if (c == NULL)
		return;
	pthread_mutex_lock(&c->dc_mu);
	c->dc_stop = 1;
	if (c->dc_fd >= 0)	/* wakes the thread out of ldap_result() */
		shutdown(c->dc_fd, SHUT_RDWR);
	pthread_cond_broadcast(&c->dc_cv);
	pthread_mutex_unlock(&c->dc_mu);
	if (c->dc_started)
		pthread_join(c->dc_thread, NULL);
	dc_abort(c);
	if (c->dc_env != NULL)
		mdb_env_close(c->dc_env);
	pthread_mutex_destroy(&c->dc_mu);
	pthread_cond_destroy(&c->dc_cv);
	dc_free_list(c->dc_uris);
	dc_free_list(c->dc_attrs);
	dc_free_list(c->dc_idx);
	mmhs_free(c->dc_changes);
	mmhs_free(c->dc_seen);
	mmhs_free(c->dc_cookie);
	mmhs_free(c->dc_dir);
	mmhs_free(c->dc_base);
	mmhs_free(c->dc_filter);
	mmhs_free(c->dc_bind_dn);
	mmhs_free(c->dc_bind_pw);
	mmhs_free(c);
}

/* mmhs_dircache_state_name - a state's name for logs */
const char *
mmhs_dircache_state_name(mmhs_dircache_state_t s)
{
	switch (s) {
	case MMHS_DC_IDLE:
		return "idle";
	case MMHS_DC_REFRESHING:
		return "refreshing";
	case MMHS_DC_PERSISTING:
		return "persisting";
	case MMHS_DC_FROM_CACHE:
		return "running from cache";
	}
	return "unknown";
}

/* mmhs_dircache_status - the state and a copy of its reason */
mmhs_dircache_state_t
mmhs_dircache_status(mmhs_dircache_t *c, char *reason, size_t len)
{
	mmhs_dircache_state_t s;

	pthread_mutex_lock(&c->dc_mu);
	s = c->dc_state;
	if (reason != NULL && len > 0)
		snprintf(reason, len, "%s", c->dc_reason);
	pthread_mutex_unlock(&c->dc_mu);
	return s;
}

/* dc_set_state - record a state, wake waiters, tell the owner */
static void dc_set_state(mmhs_dircache_t *, mmhs_dircache_state_t,
	const char *, ...) __attribute__((format(printf, 3, 4)));

static void
dc_set_state(mmhs_dircache_t *c, mmhs_dircache_state_t s, const char *fmt,
    ...)
{
	char reason[MMHS_DC_REASON_LEN];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	pthread_mutex_lock(&c->dc_mu);
	if (c->dc_state == s && strcmp(c->dc_reason, reason) == 0) {
		pthread_mutex_unlock(&c->dc_mu);	/* a retry, no news */
		return;
	}
	c->dc_state = s;
	memcpy(c->dc_reason, reason, sizeof(reason));
	if (s == MMHS_DC_PERSISTING || s == MMHS_DC_FROM_CACHE)
		c->dc_settled = 1;
	pthread_cond_broadcast(&c->dc_cv);
	pthread_mutex_unlock(&c->dc_mu);
	if (c->dc_conf.dc_on_state != NULL)
		c->dc_conf.dc_on_state(c->dc_conf.dc_arg, s, reason);
	else
		mmhs_info("directory cache: %s: %s",
		    mmhs_dircache_state_name(s), reason);
}

/* mmhs_dircache_wait - wait until the cache is live or known offline */
mmhs_dircache_state_t
mmhs_dircache_wait(mmhs_dircache_t *c, int timeout_ms)
{
	struct timespec ts;
	mmhs_dircache_state_t s;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += timeout_ms / 1000;
	ts.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&c->dc_mu);
	while (!c->dc_settled && c->dc_started &&
	    pthread_cond_timedwait(&c->dc_cv, &c->dc_mu, &ts) == 0)
		;
	s = c->dc_state;
	pthread_mutex_unlock(&c->dc_mu);
	return s;
}


/* --------------------------------------------------------------------
 * Synchronisation: everything below runs in the cache thread.
 */

/* dc_stopping - has close() asked the thread to end? */
static int
dc_stopping(mmhs_dircache_t *c)
{
	int s;

	pthread_mutex_lock(&c->dc_mu);
	s = c->dc_stop;
	pthread_mutex_unlock(&c->dc_mu);
	return s;
}

/* dc_set_fd - publish the LDAP socket so close() can wake the thread */
static void
dc_set_fd(mmhs_dircache_t *c, int fd)
{
	pthread_mutex_lock(&c->dc_mu);
	c->dc_fd = fd;
	if (c->dc_stop && fd >= 0)
		shutdown(fd, SHUT_RDWR);
	pthread_mutex_unlock(&c->dc_mu);
}

/* dc_sleep - wait for the back-off delay, or until close() */
static void
dc_sleep(mmhs_dircache_t *c, int ms)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += ms / 1000;
	ts.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&c->dc_mu);
	while (!c->dc_stop &&
	    pthread_cond_timedwait(&c->dc_cv, &c->dc_mu, &ts) == 0)
		;
	pthread_mutex_unlock(&c->dc_mu);
}

/* dc_seen_add - remember a UUID named during a refresh */
static void
dc_seen_add(mmhs_dircache_t *c, const void *uuid)
{
	if (!c->dc_tracking)
		return;
	if (c->dc_nseen == c->dc_aseen) {
		c->dc_aseen = c->dc_aseen * 2 + 256;
		c->dc_seen = mmhs_realloc(c->dc_seen, c->dc_aseen * 16);
	}
	memcpy(c->dc_seen + 16 * c->dc_nseen++, uuid, 16);
}

/* dc_uuid_cmp - order raw UUIDs for qsort and bsearch */
static int
dc_uuid_cmp(const void *a, const void *b)
{
	return memcmp(a, b, 16);
}

/* dc_delete_unseen - end of a present phase: what was not named is gone */
static void
dc_delete_unseen(mmhs_dircache_t *c)
{
	MDB_txn *txn = dc_begin(c);
	MDB_cursor *cur;
	MDB_val key, val;
	dc_buf_t gone = { 0 };
	size_t i;
	int rc;

	c->dc_tracking = 0;
	if (txn == NULL || mdb_cursor_open(txn, c->dc_entries, &cur) != 0) {
		c->dc_failed = 1;
		return;
	}
	qsort(c->dc_seen, c->dc_nseen, 16, dc_uuid_cmp);
	for (rc = mdb_cursor_get(cur, &key, &val, MDB_FIRST); rc == 0;
	    rc = mdb_cursor_get(cur, &key, &val, MDB_NEXT))
		if (key.mv_size == 16 && bsearch(key.mv_data, c->dc_seen,
		    c->dc_nseen, 16, dc_uuid_cmp) == NULL)
			dc_buf_add(&gone, key.mv_data, 16);
	mdb_cursor_close(cur);
	for (i = 0; i < gone.b_len; i += 16)
		if (dc_remove(c, txn, gone.b_data + i) < 0)
			c->dc_failed = 1;
	mmhs_free(gone.b_data);
	c->dc_nseen = 0;
}

/* dc_attr_from_msg - one attribute of a search entry, values bounded */
static void
dc_attr_from_msg(LDAP *ld, LDAPMessage *msg, const char *name,
    mmhs_dircache_attr_t *at)
{
	struct berval **vals = ldap_get_values_len(ld, msg, name);
	size_t nv = (size_t)ldap_count_values_len(vals), j;

	at->da_name = mmhs_strdup(name);
	at->da_vals = mmhs_calloc(nv + 1, sizeof(char *));
	at->da_lens = mmhs_calloc(nv + 1, sizeof(size_t));
	for (j = 0; j < nv; j++) {
		if (vals[j]->bv_len > MMHS_DC_MAX_VALUE) {
			mmhs_warn("dircache: %s value of %lu bytes ignored",
			    name, (unsigned long)vals[j]->bv_len);
			continue;
		}
		at->da_vals[at->da_nvals] = dc_memdup(vals[j]->bv_val,
		    vals[j]->bv_len);
		at->da_lens[at->da_nvals++] = vals[j]->bv_len;
	}
	ldap_value_free_len(vals);
}

/* dc_entry_from_msg - the entry carried by a search result entry */
static mmhs_dircache_entry_t *
dc_entry_from_msg(LDAP *ld, LDAPMessage *msg)
{
	mmhs_dircache_entry_t *e;
	BerElement *ber = NULL;
	char *a, *dn;
	size_t cap = 0;

	if ((dn = ldap_get_dn(ld, msg)) == NULL)
		return NULL;
	e = mmhs_calloc(1, sizeof(*e));
	e->de_dn = mmhs_strdup(dn);
	ldap_memfree(dn);
	for (a = ldap_first_attribute(ld, msg, &ber); a != NULL;
	    a = ldap_next_attribute(ld, msg, ber)) {
		if (e->de_nattrs == cap) {
			cap = cap * 2 + 8;
			e->de_attrs = mmhs_realloc(e->de_attrs,
			    cap * sizeof(*e->de_attrs));
		}
		memset(&e->de_attrs[e->de_nattrs], 0, sizeof(*e->de_attrs));
		dc_attr_from_msg(ld, msg, a, &e->de_attrs[e->de_nattrs++]);
		ldap_memfree(a);
	}
	ber_free(ber, 0);
	return e;
}

/* dc_sync_entry - ldap_sync callback: an entry added, changed, present
 * or deleted */
static int
dc_sync_entry(ldap_sync_t *ls, LDAPMessage *msg, struct berval *uuid,
    ldap_sync_refresh_t phase)
{
	mmhs_dircache_t *c = ls->ls_private;
	mmhs_dircache_entry_t *e;
	MDB_txn *txn;

	if (uuid == NULL || uuid->bv_len != 16) {
		mmhs_warn("dircache: entry without entryUUID ignored");
		return LDAP_SUCCESS;
	}
	if ((txn = dc_begin(c)) == NULL)
		return LDAP_OTHER;
	switch (phase) {
	case LDAP_SYNC_CAPI_PRESENT:
		dc_seen_add(c, uuid->bv_val);
		break;
	case LDAP_SYNC_CAPI_ADD:
	case LDAP_SYNC_CAPI_MODIFY:
		dc_seen_add(c, uuid->bv_val);
		e = dc_entry_from_msg(ls->ls_ld, msg);
		if (e == NULL || dc_store(c, txn,
		    (unsigned char *)uuid->bv_val, e) < 0)
			c->dc_failed = 1;
		mmhs_dircache_entry_free(e);
		break;
	case LDAP_SYNC_CAPI_DELETE:
		if (dc_remove(c, txn, (unsigned char *)uuid->bv_val) < 0)
			c->dc_failed = 1;
		break;
	default:
		break;
	}
	return LDAP_SUCCESS;
}

/* dc_info_tag - which syncInfo message this is (libldap does not say
 * whether a finished refresh was refreshPresent or refreshDelete) */
static ber_tag_t
dc_info_tag(LDAP *ld, LDAPMessage *msg)
{
	char *oid = NULL;
	struct berval *data = NULL;
	BerElement *ber;
	ber_len_t len;
	ber_tag_t tag = LBER_DEFAULT;

	if (ldap_parse_intermediate(ld, msg, &oid, &data, NULL, 0) ==
	    LDAP_SUCCESS && data != NULL && (ber = ber_init(data)) != NULL) {
		tag = ber_peek_tag(ber, &len);
		ber_free(ber, 1);
	}
	ldap_memfree(oid);
	ber_bvfree(data);
	return tag;
}

/* dc_sync_intermediate - ldap_sync callback: syncIdSet, end of a phase */
static int
dc_sync_intermediate(ldap_sync_t *ls, LDAPMessage *msg, BerVarray uuids,
    ldap_sync_refresh_t phase)
{
	mmhs_dircache_t *c = ls->ls_private;
	MDB_txn *txn;
	size_t i;

	if ((txn = dc_begin(c)) == NULL)
		return LDAP_OTHER;
	switch (phase) {
	case LDAP_SYNC_CAPI_PRESENTS_IDSET:
		for (i = 0; uuids != NULL && uuids[i].bv_val != NULL; i++)
			if (uuids[i].bv_len == 16)
				dc_seen_add(c, uuids[i].bv_val);
		break;
	case LDAP_SYNC_CAPI_DELETES_IDSET:
		for (i = 0; uuids != NULL && uuids[i].bv_val != NULL; i++)
			if (uuids[i].bv_len == 16 && dc_remove(c, txn,
			    (unsigned char *)uuids[i].bv_val) < 0)
				c->dc_failed = 1;
		break;
	default:
		if (c->dc_tracking && (dc_info_tag(ls->ls_ld, msg) ==
		    LDAP_TAG_SYNC_REFRESH_PRESENT || (!c->dc_had_cookie &&
		    phase == LDAP_SYNC_CAPI_DONE)))
			dc_delete_unseen(c);
		if (phase == LDAP_SYNC_CAPI_DONE)
			c->dc_tracking = 0;
		break;
	}
	return LDAP_SUCCESS;
}

/* dc_sync_result - ldap_sync callback: the server ended the search */
static int
dc_sync_result(ldap_sync_t *ls, LDAPMessage *msg, int refresh_deletes)
{
	mmhs_dircache_t *c = ls->ls_private;

	c->dc_ended = 1;
	return LDAP_SUCCESS;
}

/* dc_ber_strdup - a copy libldap may free; out of memory is fatal */
static char *
dc_ber_strdup(const char *s)
{
	char *p = ber_strdup(s);

	if (p == NULL)
		mmhs_fatal("dircache: out of memory");
	return p;
}

/* dc_sync_setup - fill libldap's sync structure for our search */
static void
dc_sync_setup(mmhs_dircache_t *c, ldap_sync_t *ls, LDAP *ld)
{
	size_t n = 0, i;

	ldap_sync_initialize(ls);
	ls->ls_base = dc_ber_strdup(c->dc_base);
	ls->ls_scope = c->dc_conf.dc_scope;
	ls->ls_filter = dc_ber_strdup(c->dc_filter);
	if (c->dc_attrs != NULL) {
		while (c->dc_attrs[n] != NULL)
			n++;
		if ((ls->ls_attrs = ber_memcalloc(n + 1, sizeof(char *))) ==
		    NULL)
			mmhs_fatal("dircache: out of memory");
		for (i = 0; i < n; i++)
			ls->ls_attrs[i] = dc_ber_strdup(c->dc_attrs[i]);
	}
	if (c->dc_cookie != NULL) {
		if ((ls->ls_cookie.bv_val = ber_memalloc(c->dc_cookie_len +
		    1)) == NULL)
			mmhs_fatal("dircache: out of memory");
		memcpy(ls->ls_cookie.bv_val, c->dc_cookie, c->dc_cookie_len);
		ls->ls_cookie.bv_val[c->dc_cookie_len] = 0;
		ls->ls_cookie.bv_len = c->dc_cookie_len;
	}
	ls->ls_timeout = 1;	/* poll wakes each second: close() is quick */
	ls->ls_search_entry = dc_sync_entry;
	ls->ls_intermediate = dc_sync_intermediate;
	ls->ls_search_result = dc_sync_result;
	ls->ls_private = c;
	ls->ls_ld = ld;
}

/* dc_commit_batch - commit what a batch of messages changed, with the
 * cookie that covers it */
static int
dc_commit_batch(mmhs_dircache_t *c, ldap_sync_t *ls)
{
	struct berval *ck = &ls->ls_cookie;
	char now[32];
	MDB_txn *txn;

	if (ck->bv_val != NULL && (c->dc_cookie == NULL ||
	    ck->bv_len != c->dc_cookie_len ||
	    memcmp(ck->bv_val, c->dc_cookie, ck->bv_len) != 0)) {
		if ((txn = dc_begin(c)) == NULL || dc_meta_put(c, txn,
		    DC_META_COOKIE, ck->bv_val, ck->bv_len) != 0)
			return -1;
		mmhs_free(c->dc_cookie);
		c->dc_cookie = dc_memdup(ck->bv_val, ck->bv_len);
		c->dc_cookie_len = ck->bv_len;
	}
	if (c->dc_wtxn == NULL)
		return 0;
	snprintf(now, sizeof(now), "%lld", (long long)time(NULL));
	if (dc_meta_put(c, c->dc_wtxn, DC_META_TIME, now, strlen(now)) != 0)
		return -1;
	return dc_commit(c);
}

/* dc_touch - the cache was in sync until now (connection lost) */
static void
dc_touch(mmhs_dircache_t *c)
{
	char now[32];
	MDB_txn *txn = dc_begin(c);

	snprintf(now, sizeof(now), "%lld", (long long)time(NULL));
	if (txn == NULL || dc_meta_put(c, txn, DC_META_TIME, now,
	    strlen(now)) != 0)
		dc_abort(c);
	else
		dc_commit(c);
}

/* dc_ld_error - the last error of a connection, as text */
static const char *
dc_ld_error(LDAP *ld, int rc)
{
	if (rc == -1 || rc == 0)
		ldap_get_option(ld, LDAP_OPT_RESULT_CODE, &rc);
	return ldap_err2string(rc);
}

/* dc_refresh - run the refresh; a stale cookie gets a full one */
static int
dc_refresh(mmhs_dircache_t *c, ldap_sync_t *ls, const char *uri)
{
	int rc, tries;

	for (tries = 0; ; tries++) {
		c->dc_had_cookie = ls->ls_cookie.bv_val != NULL;
		c->dc_tracking = 1;
		c->dc_nseen = 0;
		c->dc_ended = c->dc_failed = 0;
		dc_set_state(c, MMHS_DC_REFRESHING, "connected to %s, %s",
		    uri, c->dc_had_cookie ? "resuming from the stored cookie" :
		    "full refresh");
		rc = ldap_sync_init(ls, LDAP_SYNC_REFRESH_AND_PERSIST);
		if (rc != LDAP_SYNC_REFRESH_REQUIRED || tries > 0)
			return rc;
		dc_abort(c);
		ber_memfree(ls->ls_cookie.bv_val);
		ls->ls_cookie.bv_val = NULL;
		ls->ls_cookie.bv_len = 0;
	}
}

/* dc_run - refresh then persist on one connection until it ends */
static void
dc_run(mmhs_dircache_t *c, LDAP *ld, const char *uri, char *why,
    size_t whylen, int *live)
{
	ldap_sync_t ls;
	int rc;

	dc_sync_setup(c, &ls, ld);
	rc = dc_refresh(c, &ls, uri);
	if (rc != LDAP_SUCCESS || c->dc_failed || c->dc_ended ||
	    dc_commit_batch(c, &ls) < 0) {
		snprintf(why, whylen, "%s: refresh failed: %s", uri,
		    c->dc_failed ? "cache write error" : dc_ld_error(ld, rc));
		goto out;
	}
	*live = 1;
	dc_set_state(c, MMHS_DC_PERSISTING, "connected to %s, refresh done "
	    "(%ld entries), persisting", uri, mmhs_dircache_count(c));
	while (!dc_stopping(c)) {
		rc = ldap_sync_poll(&ls);
		if (rc != 0 || c->dc_failed || c->dc_ended ||
		    dc_commit_batch(c, &ls) < 0)
			break;
	}
	snprintf(why, whylen, "lost %s: %s", uri, c->dc_failed ?
	    "cache write error" : c->dc_ended ? "server ended the search" :
	    dc_ld_error(ld, rc));
out:
	dc_abort(c);
	dc_set_fd(c, -1);
	ldap_sync_destroy(&ls, 0);	/* unbinds ld */
}

/* dc_connect - connect and bind to one URI; NULL with the reason */
static LDAP *
dc_connect(mmhs_dircache_t *c, const char *uri, char *why, size_t whylen)
{
	LDAP *ld = NULL;
	struct timeval tv = { MMHS_DC_NET_TIMEOUT_S, 0 };
	struct berval cred = { 0, NULL };
	int rc, v3 = LDAP_VERSION3, idle = 10, probes = 3, intvl = 2, fd = -1;
	char *diag = NULL;

	if ((rc = ldap_initialize(&ld, uri)) != LDAP_SUCCESS) {
		snprintf(why, whylen, "%s: %s", uri, ldap_err2string(rc));
		return NULL;
	}
	ldap_set_option(ld, LDAP_OPT_PROTOCOL_VERSION, &v3);
	ldap_set_option(ld, LDAP_OPT_NETWORK_TIMEOUT, &tv);
	ldap_set_option(ld, LDAP_OPT_TIMEOUT, &tv);
	ldap_set_option(ld, LDAP_OPT_REFERRALS, LDAP_OPT_OFF);
	ldap_set_option(ld, LDAP_OPT_X_KEEPALIVE_IDLE, &idle);
	ldap_set_option(ld, LDAP_OPT_X_KEEPALIVE_PROBES, &probes);
	ldap_set_option(ld, LDAP_OPT_X_KEEPALIVE_INTERVAL, &intvl);
	if (c->dc_conf.dc_sasl_external) {
		cred.bv_val = "";	/* an empty initial response, not none:
					 * saves the server's empty challenge */
		rc = ldap_sasl_bind_s(ld, NULL, "EXTERNAL", &cred, NULL, NULL,
		    NULL);
	} else {
		cred.bv_val = c->dc_bind_pw;
		cred.bv_len = c->dc_bind_pw != NULL ? strlen(c->dc_bind_pw) : 0;
		rc = ldap_sasl_bind_s(ld, c->dc_bind_dn, LDAP_SASL_SIMPLE,
		    &cred, NULL, NULL, NULL);
	}
	if (rc != LDAP_SUCCESS) {
		ldap_get_option(ld, LDAP_OPT_DIAGNOSTIC_MESSAGE, &diag);
		snprintf(why, whylen, "%s: %s%s%s", uri, ldap_err2string(rc),
		    diag != NULL && *diag ? ": " : "", diag != NULL ? diag : "");
		ldap_memfree(diag);
		ldap_unbind_ext_s(ld, NULL, NULL);
		return NULL;
	}
	ldap_get_option(ld, LDAP_OPT_DESC, &fd);
	dc_set_fd(c, fd);
	return ld;
}

/* dc_append - add one reason to the list of a round's failures */
static void
dc_append(char *all, size_t size, const char *why)
{
	size_t n = strlen(all), w = strlen(why);

	if (n > 0 && n + 2 < size) {
		memcpy(all + n, "; ", 2);
		n += 2;
	}
	if (w > size - 1 - n)
		w = size - 1 - n;
	memcpy(all + n, why, w);
	all[n + w] = 0;
}

/* dc_offline - no directory: say so, and what the cache is */
static void
dc_offline(mmhs_dircache_t *c, const char *why)
{
	time_t t = mmhs_dircache_refreshed(c);
	char when[32] = "never";
	struct tm tm;

	if (t != 0 && gmtime_r(&t, &tm) != NULL)
		strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	dc_set_state(c, MMHS_DC_FROM_CACHE, "%s; running from cache "
	    "(%ld entries, last synchronised %s)", why, mmhs_dircache_count(c),
	    when);
}

/* dc_main - the cache thread: connect, sync, fail over, back off */
static void *
dc_main(void *arg)
{
	mmhs_dircache_t *c = arg;
	char why[MMHS_DC_REASON_LEN], all[MMHS_DC_REASON_LEN];
	int backoff = MMHS_DC_BACKOFF_MIN_MS, i, live;
	LDAP *ld;

	while (!dc_stopping(c)) {
		all[0] = 0;
		live = 0;
		for (i = 0; c->dc_uris[i] != NULL && !dc_stopping(c); i++) {
			ld = dc_connect(c, c->dc_uris[i], why, sizeof(why));
			if (ld != NULL)
				dc_run(c, ld, c->dc_uris[i], why, sizeof(why),
				    &live);
			dc_append(all, sizeof(all), why);
			if (ld != NULL)
				break;
		}
		if (dc_stopping(c))
			break;
		if (live) {
			backoff = MMHS_DC_BACKOFF_MIN_MS;
			dc_touch(c);
		}
		dc_offline(c, all);
		dc_sleep(c, backoff);
		if (!live && (backoff *= 2) > MMHS_DC_BACKOFF_MAX_MS)
			backoff = MMHS_DC_BACKOFF_MAX_MS;
	}
	return NULL;
}

/* mmhs_dircache_start - start the cache thread (needs URIs) */
int
mmhs_dircache_start(mmhs_dircache_t *c)
{
	int rc;

	if (c->dc_uris == NULL || c->dc_started)
		return -1;
	pthread_mutex_lock(&c->dc_mu);
	c->dc_started = 1;
	rc = pthread_create(&c->dc_thread, NULL, dc_main, c);
	if (rc != 0)
		c->dc_started = 0;
	pthread_mutex_unlock(&c->dc_mu);
	if (rc != 0)
		mmhs_warn("dircache: cannot start thread: %s", strerror(rc));
	return rc == 0 ? 0 : -1;
}
