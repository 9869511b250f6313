/* store_db.h - the mailboxes of mmhs-store, in one LMDB environment
 *
 * A mailbox belongs to one directory entry (person, role, organisation)
 * and is named by that entry's DN; every function here takes the DN as
 * the directory writes it and normalises it (case, spaces around ',',
 * '=' and '+'), so "CN=Do,O=X" and "cn=do, o=x" are the same mailbox.
 * Mailboxes and folders are created on demand by the first delivery
 * (or move) to them; "Inbox" is the default folder, and any spelling of
 * "inbox" means it.
 *
 * A message has an id, unique and increasing within its mailbox and
 * never reused, a folder, flags, the time it was received, the summary
 * fields clients list and sort by, and the original bytes, returned
 * unchanged by store_db_raw().
 *
 * Layout (store_db.c says more): the summaries, the per-folder sort
 * indexes (date, precedence, classification), the exact per-folder
 * counters and the original bytes are written in one LMDB transaction,
 * so a delivery is either all there or not at all, and 250 is said only
 * after the commit.  The bytes are kept once per distinct content
 * (SHA-256) with a reference count: a message delivered to fifty
 * mailboxes of a list is stored once.
 *
 * Threads: a struct store_db may be used by any number of threads at
 * once.  Reads run in parallel, each in its own read transaction (a
 * consistent snapshot); writes are serialised by LMDB.  Nothing returned
 * points into the database: results are the caller's, freed with the
 * matching _free function.
 *
 * Errors: every function returns STORE_OK (0) or one of enum store_err,
 * with one line of text in err (err may be NULL).  STORE_FULL and
 * STORE_TEMP are transient (disk or map full, I/O error): LMTP answers
 * 452 / 451 and the MTA retries; nothing is half written.
 */
#ifndef STORE_DB_H
#define STORE_DB_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "mmhs_precedence.h"

struct mmhs_agent;
struct mmhs_lmtp_envelope;
struct mmhs_lmtp_reply;

enum store_err {
	STORE_OK = 0,
	STORE_NOTFOUND,		/* no such mailbox or message */
	STORE_INVALID,		/* bad argument (folder name, query) */
	STORE_FULL,		/* disk or LMDB map full: try later */
	STORE_TEMP,		/* other LMDB / I/O error: try later */
	STORE_READONLY		/* opened with STORE_DB_RDONLY */
};

/* Flags of a message. */
#define STORE_F_SEEN		0x01
#define STORE_F_ANSWERED	0x02
#define STORE_F_FLAGGED		0x04
#define STORE_F_DELETED		0x08	/* marked; store_db_expunge removes */
#define STORE_F_INFO		0x10	/* an information copy ("+info") */
#define STORE_F_REDIRECTED	0x20	/* sent on by ffmon */
#define STORE_F_ALL		0x3f

#define STORE_FOLDER_MAX	100	/* bytes of a folder name */
#define STORE_DEF_MAP_SIZE	((size_t)16 << 30)	/* 16 GiB, sparse */

/* "seen" etc. for a single flag bit, NULL otherwise. */
const char *store_flag_name(unsigned flag);
/* The flag named name (any case), 0 when none. */
unsigned store_flag_from_name(const char *name);

/* A folder name is 1..STORE_FOLDER_MAX bytes of UTF-8 without control
 * characters and without leading or trailing spaces: 1 when valid. */
int	store_folder_valid(const char *name);

/* The normalised form of a DN (caller frees). */
char   *store_dn_norm(const char *dn);

/* ---------------------------------------------------------------- */
/* Opening */

#define STORE_DB_RDONLY	0x01	/* tools: no writes, no creation */
#define STORE_DB_NOSYNC	0x02	/* bulk loads in tests and benches only:
				 * commits are not flushed to disk */

struct store_db;

/* Opens (creating unless read-only) the environment in directory dir.
 * map_size 0: STORE_DEF_MAP_SIZE.  NULL and a message on failure. */
struct store_db *store_db_open(const char *dir, int flags, size_t map_size,
	    char *err, size_t errlen);
void	store_db_close(struct store_db *db);

/* ---------------------------------------------------------------- */
/* A message as listed and shown */

struct store_msg {
	char   *sm_mailbox;		/* mailbox DN, as first delivered */
	uint64_t sm_id;
	char	sm_folder[STORE_FOLDER_MAX + 1];
	unsigned sm_flags;		/* STORE_F_* */
	time_t	sm_received;		/* delivery time, UTC */
	enum mmhs_precedence sm_prec;	/* primary; routine when absent */
	/* Classification NAME of the label under the site policy ("SECRET"),
	 * "" for an unmarked message; its level (-1 unmarked) orders them;
	 * sm_marking is the SIO-Label marking as written ("" none). */
	char   *sm_class;
	int	sm_class_level;
	char   *sm_marking;
	size_t	sm_nsic;		/* MMHS-Subject-Indicator-Codes */
	char  **sm_sic;
	time_t	sm_date;		/* Date: in UTC, 0 absent */
	char   *sm_date_text;		/* Date: as written, "" absent */
	char   *sm_from;		/* From: addr-spec, "" absent */
	char   *sm_subject;		/* "" absent */
	char   *sm_message_id;		/* with <>, "" absent */
	char   *sm_mdn_to;		/* Disposition-Notification-To, "" */
	char   *sm_return_path;		/* envelope MAIL FROM, "" null path */
	int	sm_type;		/* MMHS-Message-Type, -1 absent */
	size_t	sm_size;		/* bytes of the original */
	void   *sm_mem;			/* private */
};

void	store_msg_free(struct store_msg *m);

/* ---------------------------------------------------------------- */
/* Delivery */

/* What the deliverer knows about a new message; strings may be NULL
 * (stored as ""), sics may hold nsic entries. */
struct store_new {
	enum mmhs_precedence nm_prec;
	const char *nm_class;		/* classification NAME, NULL unmarked */
	int	nm_class_level;		/* -1 unmarked */
	const char *nm_marking;
	size_t	nm_nsic;
	const char *const *nm_sic;
	time_t	nm_date;
	const char *nm_date_text;
	const char *nm_from;
	const char *nm_subject;
	const char *nm_message_id;
	const char *nm_mdn_to;
	const char *nm_return_path;
	int	nm_type;		/* -1 absent */
	time_t	nm_received;		/* 0: now */
	const char *nm_data;		/* the original bytes */
	size_t	nm_len;
};

/* One target of a delivery. */
struct store_target {
	const char *st_mailbox;		/* DN */
	const char *st_folder;		/* NULL: Inbox */
	unsigned st_flags;		/* initial flags, e.g. STORE_F_INFO */
	uint64_t st_id;			/* out: the new message's id */
};

/*
 * Stores the message in every target mailbox in one transaction: all
 * or none.  After the commit the notify hook (if set) runs once per
 * target, in the calling thread.
 */
int	store_db_deliver(struct store_db *db, const struct store_new *nm,
	    struct store_target *targets, size_t ntargets, char *err,
	    size_t errlen);

/* Told of each new message after it is committed.  Set before other
 * threads use db; NULL removes it.  The message is valid only during the
 * call. */
typedef void (*store_db_notify_fn)(void *arg, const struct store_msg *m);
void	store_db_set_notify(struct store_db *db, store_db_notify_fn fn,
	    void *arg);

/* ---------------------------------------------------------------- */
/* Reading */

enum store_sort {
	STORE_SORT_DATE = 0,		/* Date: (received when absent), id */
	STORE_SORT_PRECEDENCE,		/* precedence, then date, id */
	STORE_SORT_CLASSIFICATION	/* classification level, date, id */
};

struct store_query {
	const char *q_folder;		/* NULL: Inbox */
	enum store_sort q_sort;
	int	q_desc;			/* 1: highest / newest first */
	size_t	q_offset;
	size_t	q_limit;		/* 0: 50; at most 1000 */
	/* Filters, all of which must hold: */
	unsigned q_prec_set;		/* 1 << enum mmhs_precedence; 0 any */
	const char *q_class;		/* classification NAME, any case */
	const char *q_sic;		/* one of the message's SICs, exact */
	const char *q_originator;	/* sm_from, any case */
	int	q_unread;		/* 1: without STORE_F_SEEN only */
};

struct store_list {
	size_t	sl_total;		/* messages matching, all pages */
	size_t	sl_count;		/* in sl_msgs */
	struct store_msg *sl_msgs;
};

/* One page of a folder.  An unknown mailbox or folder is an empty list,
 * not an error. */
int	store_db_list(struct store_db *db, const char *mailbox,
	    const struct store_query *q, struct store_list *out, char *err,
	    size_t errlen);
void	store_list_free(struct store_list *l);

int	store_db_get(struct store_db *db, const char *mailbox, uint64_t id,
	    struct store_msg *m, char *err, size_t errlen);

/* The original bytes (caller frees *data). */
int	store_db_raw(struct store_db *db, const char *mailbox, uint64_t id,
	    char **data, size_t *len, char *err, size_t errlen);

struct store_folder {
	char	sf_name[STORE_FOLDER_MAX + 1];
	size_t	sf_total;
	size_t	sf_unread;
};

/* The folders of a mailbox by name (Inbox first); an unknown mailbox
 * has none.  Caller frees *out. */
int	store_db_folders(struct store_db *db, const char *mailbox,
	    struct store_folder **out, size_t *n, char *err, size_t errlen);

struct store_mailbox {
	char   *sb_dn;			/* as first delivered */
	size_t	sb_total;
	size_t	sb_unread;
};

/* Totals of one mailbox (zeros, STORE_OK, when it has none yet). */
int	store_db_mailbox_counts(struct store_db *db, const char *mailbox,
	    size_t *total, size_t *unread, char *err, size_t errlen);
/* Every mailbox, by normalised DN.  Free with store_mailboxes_free. */
int	store_db_mailboxes(struct store_db *db, struct store_mailbox **out,
	    size_t *n, char *err, size_t errlen);
void	store_mailboxes_free(struct store_mailbox *mb, size_t n);

/* ---------------------------------------------------------------- */
/* Changing */

/* Adds then removes flags (STORE_F_*); the flags before and after go to
 * old / new (either may be NULL), so a caller sees whether "seen" was
 * set now (MDN "displayed"). */
int	store_db_flags(struct store_db *db, const char *mailbox, uint64_t id,
	    unsigned add, unsigned remove, unsigned *old_flags,
	    unsigned *new_flags, char *err, size_t errlen);

/* Files the message into folder (created when new). */
int	store_db_move(struct store_db *db, const char *mailbox, uint64_t id,
	    const char *folder, char *err, size_t errlen);

/* Removes the message for good; its flags before go to old_flags (may be
 * NULL; unread with a receipt asked: MDN "deleted"). */
int	store_db_expunge(struct store_db *db, const char *mailbox, uint64_t id,
	    unsigned *old_flags, char *err, size_t errlen);

/* ---------------------------------------------------------------- */
/* For ffmon: messages neither seen, deleted nor redirected, received
 * before 'before', oldest first, at most limit (0: 1000). */

struct store_pending {
	char   *sp_mailbox;		/* DN as first delivered */
	uint64_t sp_id;
	enum mmhs_precedence sp_prec;
	time_t	sp_received;
};

int	store_db_unread_before(struct store_db *db, time_t before,
	    size_t limit, struct store_pending **out, size_t *n, char *err,
	    size_t errlen);
void	store_pending_free(struct store_pending *p, size_t n);

/* Mailboxes, messages and distinct originals (bytes kept once) in the
 * whole store (mmhs-storectl count). */
int	store_db_count(struct store_db *db, size_t *mailboxes,
	    size_t *messages, size_t *originals, char *err, size_t errlen);

/* ---------------------------------------------------------------- */
/* LMTP delivery (store_deliver.c): the callbacks for mmhs_lmtpd_conf,
 * with lc_arg pointing at a struct store_deliver the caller fills. */

struct store_deliver {
	struct mmhs_agent *sd_agent;	/* directory cache, tracking log */
	struct store_db *sd_db;
};

int	store_deliver_rcpt(void *arg, const char *rcpt, const char *params,
	    struct mmhs_lmtp_reply *reply);
void	store_deliver_message(void *arg, const struct mmhs_lmtp_envelope *env,
	    struct mmhs_lmtp_reply *replies);

#endif
