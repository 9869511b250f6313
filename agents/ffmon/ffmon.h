/* ffmon.h - mmhs-ffmon, the fire-and-forget monitor: what its files share
 *
 * ffmon_policy.c	deadlines from directory entries, the redirect rule,
 *			message keys (pure: no I/O, unit-tested)
 * ffmon_state.c	what must survive a restart, in -d DIR (LMDB):
 *			the redirects made (per Message-ID) and the alerts
 *			already raised
 * ffmon_store.c	the store's HTTPS agent API (libcurl, jansson)
 * ffmon_scan.c		one scan: overdue messages found, redirected
 * ffmon_send.c		one redirect: the SMTP resubmission and its log
 * ffmon_track.c	the tracking log and DSN/MDN reports, read back
 * ffmon_report.c	the originator's view of one message
 * ffmon_report_cmd.c	the report command (files, options)
 * ffmon_main.c		options, the scan loop, the status in the directory
 *
 * The deadline of a message is the store's "received" time plus the
 * policy's seconds for its precedence: it is computed anew on every scan
 * from the store and the directory, so no agent restart loses it and a
 * changed policy applies at once.
 */
#ifndef FFMON_H
#define FFMON_H

#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "mmhs_dircache.h"
#include "mmhs_precedence.h"

struct mmhs_agent;

/* Bounds and defaults (mmhsLimit names in the comments). */
#define FFMON_DEF_INTERVAL	1	/* scan-interval, seconds */
#define FFMON_DEF_BATCH		1000	/* batch: messages asked per scan */
#define FFMON_DEF_ALERT_HOLD	600	/* alert-hold: seconds an alert stays
					 * the agent's status */
#define FFMON_DEF_HEARTBEAT	30	/* heartbeat: status rewritten after */
#define FFMON_DEF_HISTORY_DAYS	30	/* history-days: redirects kept */
#define FFMON_DEADLINE_MAX	(366L * 24 * 3600)	/* a year */
#define FFMON_DN_MAX		1024
#define FFMON_ADDR_MAX		512
#define FFMON_HOPS_MAX		64	/* redirects remembered per message */
#define FFMON_TEXT_MAX		512	/* status and error texts */

/* ------------------------------------------------------------------ */
/* ffmon_policy.c */

#define FFMON_NONE	(-1L)		/* no deadline for that precedence */

struct ffmon_policy {
	long	fp_secs[MMHS_PREC_MAX + 1];	/* by precedence, FFMON_NONE */
};

/* "precedence$seconds" (spaces next to '$' ignored, any case); 0, or -1
 * and a reason. */
int	ffmon_deadline_parse(const char *v, enum mmhs_precedence *prec,
	    long *secs, char *err, size_t errlen);

/* The deadlines of an mmhsFFPolicy entry (e NULL: none at all).  A bad
 * value is skipped; the number of bad values is returned, the first
 * one's reason in err.  A precedence listed twice keeps the shorter
 * deadline. */
int	ffmon_policy_from_entry(const mmhs_dircache_entry_t *e,
	    struct ffmon_policy *p, char *err, size_t errlen);

/* The smallest deadline of p, FFMON_NONE when it has none. */
long	ffmon_policy_min(const struct ffmon_policy *p);

/* The DN of the policy of mailbox entry mbox: its mmhsFFPolicy, else
 * "cn=default,ou=Policies," and its mmhsSite, else that and site (the
 * agent's own site).  Returns 1 when the mailbox names its own policy,
 * 0 for the default, -1 when buf is too short. */
int	ffmon_policy_dn(const mmhs_dircache_entry_t *mbox, const char *site,
	    char *buf, size_t len);
/* Only the default's DN (mbox may be NULL): 0, or -1 when short. */
int	ffmon_policy_default_dn(const mmhs_dircache_entry_t *mbox,
	    const char *site, char *buf, size_t len);

/* The key a message's redirects are recorded under: its Message-ID
 * (*real = 1), else "no-message-id " and a hash of its From:, Date: and
 * Subject: fields (caller frees). */
char   *ffmon_msg_key(const char *raw, size_t len, int *real);
/* 1 when the message is a report (Content-Type multipart/report): a
 * DSN or MDN has no deadline. */
int	ffmon_is_report(const char *raw, size_t len);

/* One redirect made, as the state keeps it. */
struct ffmon_hop {
	time_t	h_at;
	char	h_from[FFMON_DN_MAX];	/* mailbox the copy was left in */
	char	h_to[FFMON_DN_MAX];	/* its action point */
};

enum ffmon_verdict {
	FFMON_REDIRECT,		/* send to the action point */
	FFMON_MARK_ONLY,	/* sent already (before a restart): mark it */
	FFMON_NO_AP,		/* the mailbox has no action point: alert */
	FFMON_LOOP		/* the action point had it already: alert */
};

/* The rule that ends chains of redirects: a message is never redirected
 * to its own mailbox nor to a mailbox it has been redirected from or to
 * before (hops of its Message-ID), so each Message-ID is redirected at
 * most once per mailbox and every chain ends.  A hop from mailbox to ap
 * already there means the send happened and only the store's mark is
 * missing.  DNs compare without case and spaces. */
enum ffmon_verdict ffmon_verdict(const char *mailbox, const char *ap,
	    const struct ffmon_hop *hops, size_t nhops);
const char *ffmon_verdict_name(enum ffmon_verdict v);

/* The hops of one Message-ID, as text: one "time<TAB>from<TAB>to" line
 * each.  parse returns the number of hops read (at most max; bad lines
 * are skipped); format returns the length, or -1 when len is short. */
size_t	ffmon_hops_parse(const char *text, size_t len, struct ffmon_hop *hops,
	    size_t max);
int	ffmon_hops_format(const struct ffmon_hop *hops, size_t n, char *buf,
	    size_t len);

/* ------------------------------------------------------------------ */
/* ffmon_state.c: LMDB in -d DIR */

struct ffmon_state;

struct ffmon_state *ffmon_state_open(const char *dir, char *err,
	    size_t errlen);
void	ffmon_state_close(struct ffmon_state *st);
/* The hops of msgid (at most max), 0 when none. */
size_t	ffmon_state_hops(struct ffmon_state *st, const char *msgid,
	    struct ffmon_hop *hops, size_t max);
/* Appends a hop to msgid's list, durably; 0 or -1 and err. */
int	ffmon_state_add_hop(struct ffmon_state *st, const char *msgid,
	    const struct ffmon_hop *hop, char *err, size_t errlen);
/* Pending messages settled once and for all, by key "mailbox-DN id":
 * an alert raised (nothing else can be done) or a report exempt from
 * deadlines.  alerted returns the kind recorded, 0 for none; raise
 * records one (durably). */
enum ffmon_settled {
	FFMON_ALERTED = 1,	/* no action point (checked again) */
	FFMON_STOPPED,		/* the chain rule stopped it: for good */
	FFMON_EXEMPT		/* a report: no deadline */
};
int	ffmon_state_alerted(struct ffmon_state *st, const char *key);
int	ffmon_state_raise(struct ffmon_state *st, const char *key, time_t at,
	    enum ffmon_settled kind, char *err, size_t errlen);
/* Forgets alerts whose key is not in keep[] (the complete list of
 * pending messages of a scan), and hop lists whose newest hop is older
 * than 'before'.  Returns the number of records removed, -1 on error. */
long	ffmon_state_prune(struct ffmon_state *st, const char *const *keep,
	    size_t nkeep, time_t before);

/* ------------------------------------------------------------------ */
/* ffmon_store.c: the store's agent endpoints */

struct ffmon_pending {
	char   *fp_mailbox;		/* the mailbox's mail address */
	char   *fp_dn;			/* its entry's DN */
	char   *fp_id;			/* message id in the mailbox */
	enum mmhs_precedence fp_prec;	/* ROUTINE when the store gave none */
	time_t	fp_received;
	char   *fp_return_path;		/* NULL: the store did not say */
	char   *fp_message_id;		/* NULL: the store did not say */
};

struct ffmon_store;

/* ca: file of the CA to trust (NULL: the system's); user/pw: the
 * agent's DN and password (HTTP Basic).  The base URL
 * ("https://host:port", from the store's mmhsListen "http") is set
 * before each scan. */
struct ffmon_store *ffmon_store_new(const char *ca, const char *user,
	    const char *pw);
void	ffmon_store_free(struct ffmon_store *s);
void	ffmon_store_set_base(struct ffmon_store *s, const char *base);

/* Unread messages received before 'before', oldest first, at most
 * limit, after skipping offset of them.  0 and *out (free with
 * ffmon_pending_free), or -1 and err. */
int	ffmon_store_unread(struct ffmon_store *s, time_t before, long limit,
	    long offset, struct ffmon_pending **out, size_t *n, char *err,
	    size_t errlen);
int	ffmon_store_raw(struct ffmon_store *s, const struct ffmon_pending *p,
	    char **data, size_t *len, char *err, size_t errlen);
int	ffmon_store_mark(struct ffmon_store *s, const struct ffmon_pending *p,
	    const char *to_dn, char *err, size_t errlen);
void	ffmon_pending_free(struct ffmon_pending *p, size_t n);

/* The JSON of GET /api/v1/agent/unread (pure, for tests too). */
int	ffmon_store_parse_unread(const char *json, size_t len,
	    struct ffmon_pending **out, size_t *n, char *err, size_t errlen);

/* ------------------------------------------------------------------ */
/* The agent (ffmon_main.c, ffmon_scan.c, ffmon_send.c) */

struct ffmon {
	struct mmhs_agent *f_ag;
	const char *f_dir;		/* -d */
	const char *f_ca;		/* -A */
	char	f_site[FFMON_DN_MAX];	/* our site (mmhsSite or parent) */
	struct ffmon_state *f_state;
	struct ffmon_store *f_store;
	/* what the status says */
	char	f_alert[FFMON_TEXT_MAX];	/* latest alert, "" none */
	time_t	f_alert_at;
	char	f_error[FFMON_TEXT_MAX];	/* this scan's trouble, "" */
	unsigned long f_redirected;	/* since start */
	unsigned long f_alerts;
	long	f_overdue;		/* overdue and not redirected now */
	time_t	f_pruned;		/* state last pruned */
};

/* One scan; 0, or -1 when the store or the MTA could not be asked
 * (f_error says why). */
int	ffmon_scan(struct ffmon *f, time_t now);

/* A new alert: the tracking log line is the caller's; this sets the
 * status text. */
void	ffmon_alert(struct ffmon *f, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* Resubmits raw unchanged to the action point's address ap_mail over
 * SMTP to the MTA's smtp listener, with return path rp and the
 * MT-PRIORITY of prec.  0, or -1 and err (nothing was accepted). */
int	ffmon_send(struct ffmon *f, const char *raw, size_t len,
	    const char *rp, enum mmhs_precedence prec, const char *ap_mail,
	    char *err, size_t errlen);

/* The return path a redirect gets: the store's envelope sender when it
 * said, else the message's Return-Path:, Sender: or From: (caller
 * frees; "" for the null path). */
char   *ffmon_return_path(const struct ffmon_pending *p, const char *raw,
	    size_t len);

/* ------------------------------------------------------------------ */
/* ffmon_track.c: reading the tracking log back */

#define FFMON_TRACK_FIELDS	48

struct ffmon_track_line {
	char	tl_time[40];		/* "2026-11-28T22:00:00.123Z" */
	size_t	tl_n;
	const char *tl_key[FFMON_TRACK_FIELDS];
	const char *tl_val[FFMON_TRACK_FIELDS];	/* unquoted */
	char	tl_buf[4096];
};

/* One line of lib/mmhs_track's format (time, then key=value pairs,
 * values maybe quoted with backslash escapes).  0, or -1 when the line
 * is not of that form. */
int	ffmon_track_parse(const char *line, struct ffmon_track_line *tl);
/* The value of key, NULL when absent. */
const char *ffmon_track_get(const struct ffmon_track_line *tl,
	    const char *key);

/* The message/delivery-status content of the DSN in data when the DSN is
 * about msgid (caller frees *status): 1; 0 when it is no DSN or about
 * another message; -1 and err when it is not well-formed MIME. */
int	ffmon_report_dsn_part(const char *data, size_t len,
	    const char *msgid, char **status, size_t *slen, char *err,
	    size_t errlen);

/* ------------------------------------------------------------------ */
/* ffmon_report.c: the originator's view of one message */

/* States of a recipient, weakest first: a later fact replaces the state
 * only with a stronger one. */
enum ffmon_rstate {
	FFMON_R_PENDING,	/* accepted, nothing final yet (deferred) */
	FFMON_R_RELAYED,	/* handed to another site or gateway */
	FFMON_R_DELIVERED,	/* in the mailbox (or to a list/profiler) */
	FFMON_R_OVERDUE,	/* past its deadline unread (redirected) */
	FFMON_R_NOT_READ,	/* deleted unread (MDN "deleted") */
	FFMON_R_READ,		/* opened (MDN "displayed") */
	FFMON_R_FAILED		/* refused or bounced (DSN "failed") */
};

struct ffmon_report;

struct ffmon_report *ffmon_report_new(const char *msgid);
void	ffmon_report_free(struct ffmon_report *r);
/* A tracking log line; lines about other messages are ignored.  1 when
 * it was about this one. */
int	ffmon_report_line(struct ffmon_report *r, const char *line);
/* A DSN or MDN message: 1 when it reports on this message (its facts
 * taken), 0 when it does not, -1 and err when it is not readable. */
int	ffmon_report_message(struct ffmon_report *r, const char *data,
	    size_t len, char *err, size_t errlen);
/* The state of one recipient (-1: not known) and the report's count. */
int	ffmon_report_state(const struct ffmon_report *r, const char *addr);
size_t	ffmon_report_count(const struct ffmon_report *r);
const char *ffmon_rstate_name(enum ffmon_rstate s);
/* The report as text (doc/mmhs-ffmon.8, REPORT). */
void	ffmon_report_print(const struct ffmon_report *r, FILE *fp);

/* The report command; argv[word] is the word "report". */
int	ffmon_report_main(int argc, char **argv, int word);

#endif
