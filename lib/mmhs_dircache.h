/* mmhs_dircache.h - local LMDB mirror of the directory, kept live by RFC 4533 */
#ifndef MMHS_DIRCACHE_H
#define MMHS_DIRCACHE_H

#include <stddef.h>
#include <time.h>

/*
 * An agent mirrors the entries it needs (base, scope, filter, attributes)
 * into an LMDB environment in its cache directory and reads that on its
 * hot path; a background thread keeps it up to date with libldap's
 * ldap_sync_* (refreshAndPersist), failing over between the URIs given
 * and resuming from the stored sync cookie.  With no directory reachable
 * the agent goes on with the last cache, and the state says so.
 *
 * Threads: lookups may run in any thread at any time (each is one LMDB
 * read transaction, a consistent snapshot).  The change and state
 * callbacks run in the cache thread, after the change is committed: keep
 * them short (rebuild a table, or wake the agent's event loop).
 * Entries returned are the caller's, freed with mmhs_dircache_entry_free.
 * See doc/dircache.md.
 */

typedef struct mmhs_dircache mmhs_dircache_t;

/* States; reasons are human text for the agent's log and status. */
typedef enum {
	MMHS_DC_IDLE = 0,	/* opened, sync not started */
	MMHS_DC_REFRESHING,	/* connected, initial or resumed refresh */
	MMHS_DC_PERSISTING,	/* refreshed, receiving changes live */
	MMHS_DC_FROM_CACHE	/* no directory answers: last cache used */
} mmhs_dircache_state_t;

typedef enum {
	MMHS_DC_ADD = 1,
	MMHS_DC_MODIFY,
	MMHS_DC_DELETE
} mmhs_dircache_change_t;

typedef void (*mmhs_dircache_change_fn)(void *arg, mmhs_dircache_change_t,
	const char *uuid, const char *dn);
typedef void (*mmhs_dircache_state_fn)(void *arg, mmhs_dircache_state_t,
	const char *reason);

typedef struct mmhs_dircache_conf {
	const char *dc_dir;		/* cache directory (created) */
	const char *const *dc_uris;	/* NULL-ended, in order of preference;
					 * NULL: storage only, no sync */
	const char *dc_bind_dn;		/* simple bind; NULL: anonymous */
	const char *dc_bind_pw;
	int dc_sasl_external;		/* SASL EXTERNAL (ldapi://) instead */
	const char *dc_base;
	int dc_scope;			/* LDAP_SCOPE_SUBTREE etc. */
	const char *dc_filter;		/* NULL: (objectClass=*) */
	const char *const *dc_attrs;	/* NULL: all user attributes */
	const char *const *dc_index;	/* attributes to index (objectClass
					 * always is) */
	mmhs_dircache_change_fn dc_on_change;
	mmhs_dircache_state_fn dc_on_state;
	void *dc_arg;			/* passed to both callbacks */
	size_t dc_map_size;		/* 0: MMHS_DC_DEF_MAP_SIZE */
} mmhs_dircache_conf_t;

/* Bounds and defaults. */
#define MMHS_DC_DEF_MAP_SIZE	((size_t)1 << 30)
#define MMHS_DC_BACKOFF_MIN_MS	200
#define MMHS_DC_BACKOFF_MAX_MS	5000
#define MMHS_DC_NET_TIMEOUT_S	3
#define MMHS_DC_MAX_VALUE	(16u << 20)	/* one attribute value */
#define MMHS_DC_REASON_LEN	512

/* An entry as stored: values are NUL-terminated, lengths are exact. */
typedef struct mmhs_dircache_attr {
	char *da_name;
	size_t da_nvals;
	char **da_vals;
	size_t *da_lens;
} mmhs_dircache_attr_t;

typedef struct mmhs_dircache_entry {
	char de_uuid[37];
	char *de_dn;
	size_t de_nattrs;
	mmhs_dircache_attr_t *de_attrs;
} mmhs_dircache_entry_t;

/* Returns non-zero to stop an iteration. */
typedef int (*mmhs_dircache_iter_fn)(void *arg,
	const mmhs_dircache_entry_t *);

/* Lifecycle.  open returns NULL and a message in err on failure. */
mmhs_dircache_t *mmhs_dircache_open(const mmhs_dircache_conf_t *conf,
	char *err, size_t errlen);
int mmhs_dircache_start(mmhs_dircache_t *);
mmhs_dircache_state_t mmhs_dircache_wait(mmhs_dircache_t *, int timeout_ms);
void mmhs_dircache_close(mmhs_dircache_t *);

/* State, cookie and age of the cache. */
mmhs_dircache_state_t mmhs_dircache_status(mmhs_dircache_t *,
	char *reason, size_t len);
const char *mmhs_dircache_state_name(mmhs_dircache_state_t);
time_t mmhs_dircache_refreshed(mmhs_dircache_t *);

/* Lookups (the hot path). */
mmhs_dircache_entry_t *mmhs_dircache_by_dn(mmhs_dircache_t *, const char *dn);
mmhs_dircache_entry_t *mmhs_dircache_by_uuid(mmhs_dircache_t *,
	const char *uuid);
long mmhs_dircache_find(mmhs_dircache_t *, const char *attr,
	const char *value, mmhs_dircache_iter_fn, void *arg);
long mmhs_dircache_foreach(mmhs_dircache_t *, mmhs_dircache_iter_fn,
	void *arg);
long mmhs_dircache_count(mmhs_dircache_t *);

/* Entries. */
const mmhs_dircache_attr_t *mmhs_dircache_attr(
	const mmhs_dircache_entry_t *, const char *name);
const char *mmhs_dircache_value(const mmhs_dircache_entry_t *,
	const char *name);
void mmhs_dircache_entry_free(mmhs_dircache_entry_t *);

/*
 * Storage layer, used by the sync thread and by tests; not while the
 * thread runs.  uuid16 is the raw 16-byte entryUUID.
 */
int mmhs_dircache_put(mmhs_dircache_t *, const unsigned char *uuid16,
	const mmhs_dircache_entry_t *);
int mmhs_dircache_del(mmhs_dircache_t *, const unsigned char *uuid16);
int mmhs_dircache_set_cookie(mmhs_dircache_t *, const char *cookie,
	size_t len);
char *mmhs_dircache_cookie(mmhs_dircache_t *, size_t *len);
int mmhs_dircache_uuid_parse(const char *text, unsigned char *uuid16);
void mmhs_dircache_uuid_text(const unsigned char *uuid16, char *text);

#endif
