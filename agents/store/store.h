/* store.h - what the files of mmhs-store's client half share
 *
 * mmhs-store keeps the mailboxes (store_db*.c, store_deliver*.c) and
 * serves them: the HTTPS API (store_http*.c), its authentication and
 * access decisions (store_auth*.c), new-message events
 * (store_sse.c) and read / non-read notifications (store_mdn.c).
 * store_main.c wires them: one libevent loop for LMTP and the timers,
 * libmicrohttpd's threads (one per HTTP connection) for the API.
 *
 * Threads: everything reachable from an HTTP request runs in that
 * connection's thread; every module below is safe for that (locks are
 * named where they are).  The directory cache and store_db are safe in
 * any thread.
 */
#ifndef STORE_H
#define STORE_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "mmhs_agent.h"
#include "mmhs_secmsg.h"
#include "store_db.h"

/* Bounds and defaults (mmhsLimit names in the comments). */
#define STORE_HTTP_CONNS	64	/* http-connections */
#define STORE_HTTP_TIMEOUT_S	120	/* idle connection */
#define STORE_HTTP_BODY_MAX	(64 * 1024)	/* request body */
#define STORE_AUTH_TTL_S	60	/* a verified password is trusted */
#define STORE_AUTH_SLOTS	256	/* verified passwords remembered */
#define STORE_LDAP_TIMEOUT_S	3	/* one directory question */
#define STORE_SSE_HEARTBEAT_S	15	/* comment line to idle clients */
#define STORE_SSE_QUEUE		256	/* events waiting per client */
#define STORE_STATUS_EVERY_S	30	/* status into the agent's entry */
#define STORE_MDN_RETRY_S	60	/* mdn-retry: again after a failure */
#define STORE_MDN_TICK_S	2	/* pending notifications looked at */
#define STORE_MDN_GIVEUP_S	(3 * 86400)	/* ... is dropped after */
#define STORE_LIST_MAX		1000	/* messages in one page */

struct store_sse;
struct store_mdn;
struct store_auth;
struct store_access;

struct store {
	struct mmhs_agent st_agent;
	char   *st_dir;			/* -d */
	char   *st_cert_file;		/* -C */
	char   *st_key_file;		/* -K */
	struct store_db *st_db;
	struct store_auth *st_auth;
	struct store_access *st_access;
	struct store_sse *st_sse;
	struct store_mdn *st_mdn;
	void   *st_httpd;		/* struct MHD_Daemon * */
	char	st_host[256];		/* our name, for MDNs and LMTP */
};

/* ---------------------------------------------------------------- */
/* store_http.c: the HTTPS server */

int	store_http_start(struct store *st, const char *uri, char *err,
	    size_t errlen);
void	store_http_stop(struct store *st);

/* One request, as the handlers see it. */
struct store_req {
	struct store *rq_st;
	void   *rq_conn;		/* struct MHD_Connection * */
	const char *rq_method;
	char   *rq_seg[8];		/* path after /api/v1/, decoded */
	int	rq_nseg;
	char   *rq_user;		/* authenticated DN, normalised form */
	char   *rq_user_dn;		/* as the directory writes it */
	const char *rq_body;
	size_t	rq_body_len;
};

/* A query argument, NULL when absent. */
const char *store_req_arg(const struct store_req *rq, const char *name);

/* Responses; each returns the value the access handler returns. */
int	store_reply_json(struct store_req *rq, unsigned status, json_t *j);
int	store_reply_error(struct store_req *rq, unsigned status,
	    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int	store_reply_bytes(struct store_req *rq, unsigned status,
	    const char *ctype, char *data, size_t len);	/* takes data */
/* A store_db error as an HTTP error. */
int	store_reply_db(struct store_req *rq, int rc, const char *err);

/* store_http_route.c: the URL table */
int	store_route(struct store_req *rq);

/* store_http_msg.c: the person endpoints */
int	store_api_mailboxes(struct store_req *rq);
int	store_api_folders(struct store_req *rq);
int	store_api_list(struct store_req *rq);
int	store_api_message(struct store_req *rq);
int	store_api_raw(struct store_req *rq);
int	store_api_flags(struct store_req *rq);
int	store_api_move(struct store_req *rq);
int	store_api_delete(struct store_req *rq);

/* store_http_agent.c: the agent endpoints */
int	store_api_agent_unread(struct store_req *rq);
int	store_api_agent_raw(struct store_req *rq);
int	store_api_agent_redirected(struct store_req *rq);

/* store_http_json.c: messages as JSON */
json_t *store_json_summary(struct store *st, const struct store_msg *m);
json_t *store_json_detail(struct store *st, const struct store_msg *m,
	    const char *raw, size_t len);
/* A JSON body of the request as an object; NULL after an error reply
 * was queued (*rc holds the handler's return value). */
json_t *store_json_body(struct store_req *rq, int *rc);

/* ---------------------------------------------------------------- */
/* store_auth.c: who is asking */

struct store_auth *store_auth_new(struct store *st);
void	store_auth_free(struct store_auth *au);

/*
 * Basic credentials -> the entry's DN (caller frees), after a simple
 * bind as that DN succeeded now or within STORE_AUTH_TTL_S.  NULL and
 * a reason for the log (never for the client) when the user is unknown
 * or ambiguous, the password is empty or wrong, or (*unavailable set)
 * the directory cannot be asked.
 */
char   *store_auth_check(struct store_auth *au, const char *user,
	    const char *password, int *unavailable, char *why,
	    size_t whylen);

/* ---------------------------------------------------------------- */
/* store_auth_access.c: what the user may read, asked of the directory
 * at every request (never cached: a role taken away is gone at once) */

struct store_access *store_access_new(struct store *st);
void	store_access_free(struct store_access *ac);

/* A mailbox: the directory entry and how clients name it. */
struct store_mbox {
	char   *mb_dn;			/* as the directory writes it */
	char   *mb_mail;		/* its first mail value, "" none */
	char   *mb_name;		/* cn, o or ou */
	const char *mb_kind;		/* "person", "role", "organization" */
};

void	store_mbox_free(struct store_mbox *mb);

/* The mailbox a client names by mail address (or DN): 0, or -1 when
 * the directory has no mmhsMailbox entry for it. */
int	store_mbox_lookup(struct store *st, const char *name,
	    struct store_mbox *mb);

/* 1 when user_dn may read mailbox mb_dn now, 0 when not, -1 when the
 * directory (and the cache) cannot say. */
int	store_access_mailbox(struct store *st, const char *user_dn,
	    const char *mbox_dn);

/* The user's own mailbox and those of the roles naming the user as
 * roleOccupant now.  Returns the count (>= 0) with *out to free with
 * store_mbox_list_free, or -1 when the directory cannot say. */
int	store_access_list(struct store *st, const char *user_dn,
	    struct store_mbox **out);
void	store_mbox_list_free(struct store_mbox *mb, int n);

/* 1 when dn is an agent named by mmhsPeer of the store's own entry. */
int	store_access_peer(struct store *st, const char *dn);

/* ---------------------------------------------------------------- */
/* store_sse.c: new-message events */

struct store_sse *store_sse_new(struct store *st);
/* Wakes every client so that it ends, and waits for none. */
void	store_sse_stop(struct store_sse *sse);
void	store_sse_free(struct store_sse *sse);
/* store_db's notify hook: one new message (any thread). */
void	store_sse_notify(void *arg, const struct store_msg *m);
/* GET /api/v1/events */
int	store_api_events(struct store_req *rq);

/* ---------------------------------------------------------------- */
/* store_mdn.c: read and non-read notifications (RFC 8098) */

struct store_mdn *store_mdn_open(struct store *st, char *err,
	    size_t errlen);
void	store_mdn_close(struct store_mdn *md);
/* Sends what the MTA did not take before, when it is due; from a timer
 * every STORE_MDN_TICK_S. */
void	store_mdn_retry(struct store_mdn *md);
/* Seconds between attempts: mmhsLimit mdn-retry, or STORE_MDN_RETRY_S. */
long	store_mdn_interval(struct store_mdn *md);

/*
 * A message was first marked seen (type displayed) or removed unread
 * (deleted): send the notification it asked for, once per message and
 * mailbox.  m is the message as it was; raw its bytes (NULL when not at
 * hand: then read from the store).  Never fails the request: problems
 * go to the log, and a notification the MTA did not take to the retry
 * list.
 */
void	store_mdn_event(struct store_mdn *md, const struct store_msg *m,
	    const char *raw, size_t rawlen, int deleted, const char *user_dn);

/* ---------------------------------------------------------------- */
/* store_receipt.c: signed receipts (RFC 2634) */

/*
 * A message was first marked seen: when a signature of it asks for a
 * signed receipt, make it with the mailbox's key and send it to the
 * receiptsTo addresses, once per message and mailbox (retried like
 * MDNs).  Never fails the request: problems go to the log.
 */
void	store_receipt_event(struct store_mdn *md, const struct store_msg *m,
	    const char *user_dn);

/* The signatures, encryption and label of a stored message of mailbox
 * mailbox_dn, checked now (the site's trust store, the mailbox's keys
 * for an encrypted one): mmhs_secmsg_inspect's result. */
int	store_sec_inspect(struct store *st, const char *mailbox_dn,
	    const char *raw, size_t len, struct mmhs_secmsg *sm, char *why,
	    size_t whylen);

#endif
