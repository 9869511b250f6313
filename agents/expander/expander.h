/* expander.h - mmhs-expander, the mail list expansion agent: its parts
 *
 * A message for a distribution list arrives over LMTP; the expander
 * checks the originator's submit permission, refuses a message that
 * this list expanded already (the DL-Expansion-History trace fields),
 * expands the members from the directory cache and resubmits the
 * message, with one more trace field prepended and nothing else
 * changed, to the MTA with the list owner as return path
 * (doc/mmhs-expander.8).  The parts:
 *
 *   expander_history.c  the DL-Expansion-History field: parse, find,
 *                       format (network input: fuzzed)
 *   expander_expand.c   the expansion over a lookup interface: nested
 *                       lists, de-duplication, depth and size limits
 *   expander_dir.c      that lookup over the directory cache, and DN keys
 *   expander_nodes.c    the nodes kept between messages, until the
 *                       directory changes
 *   expander_perm.c     the submit permission, decided from the cache
 *                       as the mhsdl overlay decides it in slapd
 *   expander_submit.c   resubmission in batches with lib/mmhs_smtpc
 *   expander_report.c   the DSN to the owner for members the MTA refused
 *   expander_mlhist.c   RFC 2634's mlExpansionHistory: loops, the next one
 *   expander_sec.c      the S/MIME layers of a list's message: what the
 *                       list strips, decrypts, re-encrypts and signs
 *   expander_msg.c      one message: the decisions per list recipient
 *   expander_send.c     one list: expand, copy, resubmit, report, log
 *   expander_main.c     bootstrap, LMTP server, status
 *   expander_probe.c    a tool running the decisions without sending,
 *                       for the tests and the measurements
 */
#ifndef EXPANDER_H
#define EXPANDER_H

#include <stddef.h>
#include <time.h>

#include <openssl/x509.h>

#include "mmhs_cms.h"
#include "mmhs_dircache.h"
#include "mmhs_dl.h"

/* ------------------------------------------------------------------ */
/* DL-Expansion-History (expander_history.c)
 *
 * RFC 2156 maps the X.400 DL-expansion-history to one trace field per
 * expansion, "DL-Expansion-History: mailbox ; date-time ;" (the list's
 * address and the time it expanded the message).  Each expander
 * prepends its field, so the newest comes first.  Reading accepts a
 * mailbox as addr-spec or "phrase <addr-spec>", CFWS between the
 * tokens, and the final ";" missing; the date-time must be RFC 5322's.
 */

#define EXP_HIST_FIELD		"DL-Expansion-History"
#define EXP_HIST_MAX		64	/* RFC 2634 ub-ml-expansion-history */
#define EXP_HIST_ADDR_MAX	320	/* RFC 5321 local-part@domain */
#define EXP_HIST_VALUE_MAX	1024	/* one unfolded field body */
#define EXP_HIST_DATE_MAX	64

struct exp_hist_entry {
	char	he_addr[EXP_HIST_ADDR_MAX + 1];	/* addr-spec, as written */
	char	he_date[EXP_HIST_DATE_MAX + 1];	/* date-time, as written */
	time_t	he_time;			/* the same as UTC */
};

struct exp_hist {
	size_t	eh_n;				/* newest first */
	struct exp_hist_entry eh_e[EXP_HIST_MAX];
};

/* Every DL-Expansion-History field of the message's top header section
 * (the fields before the first empty line).  0, or -1 and a reason (a
 * malformed field, more than EXP_HIST_MAX of them, a header section
 * that does not end). */
int	expander_hist_parse(const char *msg, size_t len, struct exp_hist *h,
	    char *err, size_t errlen);
/* One field body ("a@b ; Tue, 1 Jul 2025 10:00:00 +0000 ;"). */
int	expander_hist_parse_value(const char *val, size_t len,
	    struct exp_hist_entry *e, char *err, size_t errlen);
/* Index of the entry whose address equals addr (ASCII case ignored),
 * or -1. */
int	expander_hist_find(const struct exp_hist *h, const char *addr);
/* The entries as "a@b (date), c@d (date)" for a diagnostic; buf. */
char   *expander_hist_text(const struct exp_hist *h, char *buf, size_t len);
/* The whole field with CRLF for list address addr at time t; length,
 * or -1 when addr is not an addr-spec we write or buf is short. */
int	expander_hist_format(const char *addr, time_t t, char *buf,
	    size_t len);

/* ------------------------------------------------------------------ */
/* Expansion (expander_expand.c) */

enum exp_item_type { EXP_IT_DIR, EXP_IT_EXT, EXP_IT_X400 };

/* One member value of a list. */
struct exp_item {
	enum exp_item_type ei_type;
	char   *ei_val;		/* DIR: DN as written; EXT: RFC 5322 address;
				 * X400: canonical O/R address */
	char   *ei_dn;		/* X400: its DN, or NULL */
};

#define EXP_ND_ABSENT	0x01	/* no entry of that DN */
#define EXP_ND_LIST	0x02	/* an mhs-distribution-list */

/* One entry, as the expansion sees it. */
struct exp_node {
	char   *en_key;		/* expander_dn_key() of its DN */
	char   *en_dn;		/* the entry's DN, or the DN asked for */
	int	en_flags;
	enum mmhs_dl_rcpt_kind en_kind;
	char   *en_addr;	/* first mail, else first mhs-or-addresses */
	char   *en_site_key;	/* list: key of mmhsSite, NULL: none */
	int	en_further;	/* list: further-dl-expansion-allowed */
	size_t	en_nitems;	/* list: mmhsMember, mmhsExternalMember, */
	struct exp_item *en_items;	/* then mhs-dl-members, in order */
	char	en_uuid[37];	/* entryUUID, "" when absent */
	void   *en_priv;	/* the lookup's */
};

/* Where nodes come from: get never returns NULL (an absent DN is a
 * node with EXP_ND_ABSENT); each get is followed by one put. */
struct exp_lookup {
	struct exp_node *(*el_get)(void *arg, const char *dn);
	void	(*el_put)(void *arg, struct exp_node *nd);
	void   *el_arg;
};

/* One final recipient.  Flags as lib/mmhs_dl.h: MMHS_DL_RCPT_REMOTE a
 * list of another site, MMHS_DL_RCPT_LIST a nested list its parent's
 * policy does not let us expand: both are sent to the list's address. */
struct exp_rcpt {
	int	er_flags;
	enum mmhs_dl_rcpt_kind er_kind;
	char   *er_addr;	/* NULL for MMHS_DL_RCPT_NONE */
	char   *er_dn;		/* entry DN, NULL for an external member */
};

enum exp_status { EXP_OK = 0, EXP_TOO_DEEP, EXP_TOO_MANY, EXP_NOT_LIST };

struct exp_result {
	enum exp_status xr_status;
	char	xr_why[1024];	/* the reason when not EXP_OK */
	struct exp_rcpt *xr_rcpt;
	size_t	xr_n, xr_cap;
	size_t	xr_lists;	/* lists expanded, the top one included */
	size_t	xr_dups;	/* members met again and left out */
	void   *xr_arena;	/* where the recipients' strings are */
};

/*
 * Expand list dn: every member, nested lists of this site (site_key)
 * recursively, each entry once and each address once (in the order of
 * the mhsdl overlay's mmhsExpandedRecipient, doc/slapo-mhsdl.5).  A
 * list whose mmhsSite is another site is a REMOTE recipient; the
 * members of a list whose policy says further-dl-expansion-allowed=FALSE
 * that are lists are LIST recipients.  Refuses (xr_status, xr_why) a
 * nesting deeper than max_depth lists (the top list is level 1) and
 * more than max_rcpts recipients.  Returns 0 (res filled, free it with
 * expander_result_free) or -1 when not EXP_OK.
 */
int	expander_expand(const struct exp_lookup *lk, const char *dn,
	    const char *site_key, int max_depth, size_t max_rcpts,
	    struct exp_result *res);
void	expander_result_free(struct exp_result *res);
/* The node's or recipient's value in the overlay's form (lib/mmhs_dl.h
 * "Expanded recipient"); length or -1. */
int	expander_rcpt_format(const struct exp_rcpt *r, char *buf, size_t len);

/* ------------------------------------------------------------------ */
/* The directory cache as lookup (expander_dir.c) */

/* The key DNs are compared by: LDAPv3-normalised and lower-cased, as
 * the cache keys them (caller frees). */
char   *expander_dn_key(const char *dn);
/* 1 when the entry is an mhs-distribution-list. */
int	expander_is_list(const mmhs_dircache_entry_t *e);
/* el_get/el_put over a cache (el_arg: the mmhs_dircache_t). */
struct exp_node *expander_dir_get(void *cache, const char *dn);
void	expander_dir_put(void *cache, struct exp_node *nd);
void	expander_node_free(struct exp_node *nd);
/* The DN (caller frees) of the first entry whose attr equals value
 * (ASCII case ignored), lists only when lists is set; NULL if none.
 * attr should be indexed in the cache; else every entry is read. */
char   *expander_dir_find(mmhs_dircache_t *c, const char *attr,
	    const char *value, int lists);

/* The nodes kept between expansions (expander_nodes.c): el_get/el_put
 * over a table (el_arg) that reads misses from the cache. */
struct exp_nodes;
struct exp_nodes *expander_nodes_new(mmhs_dircache_t *c, size_t max);
void	expander_nodes_free(struct exp_nodes *xn);
/* Entry uuid, at dn, changed (added, modified, renamed, deleted): any
 * thread, e.g. the cache's change callback. */
void	expander_nodes_changed(struct exp_nodes *xn, const char *uuid,
	    const char *dn);
/* Before each expansion (the expanding thread): drops the nodes the
 * changes noted since concern (all of them after many changes, or when
 * the table is full); returns the count of nodes kept. */
size_t	expander_nodes_begin(struct exp_nodes *xn);
/* Forget every node (the expanding thread). */
void	expander_nodes_clear(struct exp_nodes *xn);
struct exp_node *expander_nodes_get(void *xn, const char *dn);
void	expander_nodes_put(void *xn, struct exp_node *nd);

/* ------------------------------------------------------------------ */
/* Submit permission (expander_perm.c) */

/*
 * May orig submit to list (an entry of c)?  orig is what the mhsdl
 * overlay's submit-permission operation takes: an O/R name ("/C=../",
 * "/../ <dn>", "<dn>"), a DN or an RFC 5322 address.  The data are
 * gathered from c as the overlay gathers them from slapd, and the
 * decision is lib/mmhs_dl's, so both answer alike.  member-of-dl
 * follows nested lists to max_depth.  Returns 1 (why names the value
 * that granted), 0 (why says why not) or -1 (why: a value does not
 * parse or the originator is malformed).
 */
int	expander_perm(mmhs_dircache_t *c, const mmhs_dircache_entry_t *list,
	    const char *orig, int max_depth, char *why, size_t whylen);

/* ------------------------------------------------------------------ */
/* Resubmission (expander_submit.c) */

struct exp_out {
	const char *eo_addr;
	char	eo_params[600];		/* NOTIFY=... ORCPT=rfc822;... */
	int	eo_code;		/* final reply; 0: none */
	char	eo_text[512];
};

struct exp_send {
	const char *es_host;
	int	es_port;
	const char *es_helo;
	const char *es_from;		/* the owner's address */
	const char *es_params;		/* MAIL parameters */
	const char *es_data;		/* trace field + original */
	size_t	es_len;
	size_t	es_batch;		/* recipients per transaction */
	int	es_retries;		/* after a first success */
	int	es_timeout;
};

/*
 * Send es_data to every out[i] in transactions of at most es_batch
 * recipients.  While nothing was accepted a failure ends at once (the
 * MTA may retry the whole expansion: returns -1, err says why);
 * afterwards recipients that got a 4xx or a failed session are tried
 * again es_retries times, so that no member gets two copies.  Returns
 * the number of recipients accepted (eo_code 2xx); the others keep
 * their last reply (eo_code 0: never answered).
 */
long	expander_submit(const struct exp_send *s, struct exp_out *out,
	    size_t n, char *err, size_t errlen);
/* "NOTIFY=FAILURE,DELAY ORCPT=rfc822;xtext(addr)" into buf; -1 short. */
int	expander_rcpt_params(const char *addr, char *buf, size_t len);

/* ------------------------------------------------------------------ */
/* Report to the owner (expander_report.c) */

struct exp_report {
	const char *rp_host;		/* Reporting-MTA, our host name */
	const char *rp_owner;		/* return path of the copies */
	const char *rp_mail_params;	/* MT-PRIORITY of the copies */
	const char *rp_data;		/* the copy as sent */
	size_t	rp_len;
	time_t	rp_arrival;
};

/* A failure DSN (RFC 3464) to the owner naming every out[i] that was
 * not accepted, sent through the same MTA.  0, or -1 and err. */
int	expander_report(const struct exp_report *rp, const struct exp_send *s,
	    const struct exp_out *out, size_t n, char *err, size_t errlen);

/* ------------------------------------------------------------------ */
/* mlExpansionHistory (expander_mlhist.c, RFC 2634 section 4.2.1)
 *
 * The signed attribute a mail list agent writes into its outer
 * signature: one MLData per expansion, the oldest first, each naming
 * the list agent by its certificate (EntityIdentifier).  The history
 * a list reads is the one of the outer signature it strips. */

/* May the list holding one of the certificates own[0..nown) (NULL
 * entries ignored) expand a message with history v[0..n)?  0 yes;
 * -2 a record names the list (a loop), -1 the history is full
 * (ub-ml-expansion-history, 64); why says which record or why. */
int	expander_mlhist_check(const struct mmhs_cms_mldata *v, int n,
	    X509 *const *own, int nown, char *why, size_t whylen);
/* The history a list agent with cert writes at when: prev (DER; NULL
 * for none) with its own MLData appended.  0 (*der malloc'd), or -1
 * and err (prev malformed or full, cert without a usable name). */
int	expander_mlhist_next(const unsigned char *prev, size_t prevlen,
	    X509 *cert, time_t when, unsigned char **der, size_t *len,
	    char *err, size_t errlen);

/* ------------------------------------------------------------------ */
/* The S/MIME layers of a list's message (expander_sec.c) */

enum exp_sec_kind {
	EXP_SEC_PLAIN = 0,	/* sent as received */
	EXP_SEC_SIGN,		/* xs_body gets the list's outer signature */
	EXP_SEC_REENCRYPT	/* xs_body is encrypted to the members, then
				 * signed by the list */
};

struct exp_sec {
	enum exp_sec_kind xs_kind;
	int	xs_have_key;
	struct mmhs_cms_id xs_id;	/* the list's key */
	char   *xs_body;		/* see exp_sec_kind; NULL for PLAIN */
	size_t	xs_len;
	unsigned char *xs_mlhist;	/* the history read, DER, or NULL */
	size_t	xs_mlhist_len;
	int	xs_nhist;		/* its records */
	unsigned char *xs_label;	/* ESSSecurityLabel DER, or NULL */
	size_t	xs_label_len;
	unsigned char *xs_equiv;	/* EquivalentLabels DER, or NULL */
	size_t	xs_equiv_len;
	char	xs_note[600];		/* for the tracking log */
};

struct exp_job;

/*
 * Examine the layers of the job's message for its list (RFC 2634
 * 4.2): a loop in the mlExpansionHistory of the outer signature
 * (-2, reply 550 5.4.6), an outer signature by a list that is removed,
 * an enveloped layer decrypted with the list's key, the label to copy.
 * 0 (xs says what to do), or -1/-2 with the job's reply set.  Free xs
 * with expander_sec_free in every case.
 */
int	expander_sec_check(struct exp_job *j, struct exp_sec *xs);
/* For EXP_SEC_REENCRYPT: the certificate of each out[i] into certs;
 * the members without one are moved to the end of out with a 550
 * reply (reported to the owner as not sent).  Returns the count of
 * members with a certificate (the first ones of out). */
size_t	expander_sec_certs(struct exp_job *j, struct exp_out *out, size_t n,
	    STACK_OF(X509) *certs);
/* The message the list sends (before its DL-Expansion-History field):
 * xs_body encrypted to certs when EXP_SEC_REENCRYPT, then signed with
 * the list's key, label and history.  0, or -1 and err. */
int	expander_sec_copy(const struct exp_sec *xs, STACK_OF(X509) *certs,
	    char **out, size_t *outlen, char *err, size_t errlen);
void	expander_sec_free(struct exp_sec *xs);

/* ------------------------------------------------------------------ */
/* The agent (expander_main.c) and one message (expander_msg.c) */

#define EXP_DEF_DEPTH		32	/* mmhsLimit expansion-depth */
#define EXP_DEF_RCPTS		100000	/* mmhsLimit recipients */
#define EXP_DEF_BATCH		100	/* without the MTA's recipients= */
#define EXP_RETRIES		3	/* after a first acceptance */
#define EXP_SMTP_TIMEOUT	120	/* seconds per reply */
#define EXP_DEF_NODES		1000000	/* mmhsLimit cached-entries */

struct mmhs_agent;
struct mmhs_lmtp_envelope;
struct mmhs_lmtp_reply;

struct expander {
	struct mmhs_agent *x_ag;
	struct exp_nodes *x_nodes;	/* the lists and members read */
	char	x_host[256];		/* our host name: EHLO, Reporting-MTA */
};

/* One list recipient of one message. */
struct exp_job {
	struct expander *j_x;
	const struct mmhs_lmtp_envelope *j_env;
	const struct exp_hist *j_hist;
	const char *j_hist_err;		/* NULL: the history parsed */
	const char *j_msgid;
	const char *j_rcpt;
	struct mmhs_lmtp_reply *j_reply;
	mmhs_dircache_entry_t *j_list;
	const char *j_list_addr;	/* what our history field names */
	char   *j_owner;		/* the owner's address */
	int	j_depth;		/* mmhsLimit expansion-depth */
	long	j_max;			/* mmhsLimit recipients */
	int	j_mt, j_has_mt;		/* MT-PRIORITY of the copies */
	char	j_params[200];		/* MAIL parameters of the copies */
	const char *j_site_key;		/* expander_dn_key of our mmhsSite */
	struct exp_sec *j_sec;		/* the S/MIME layers (expander_sec) */
};

/* The LMTP RCPT callback: a list of this site, or a refusal. */
int	expander_rcpt(void *arg, const char *rcpt, const char *params,
	    struct mmhs_lmtp_reply *reply);
/* The LMTP message callback: one reply per recipient (a list). */
void	expander_message(void *arg, const struct mmhs_lmtp_envelope *env,
	    struct mmhs_lmtp_reply *replies);
/* Set the job's reply. */
void	expander_reply(struct exp_job *j, int code, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* One tracking log line about the job (list="DN" added to extra). */
void	expander_track(const struct exp_job *j, const char *event,
	    const char *to, const char *result, const char *extra);
/* Steps 5 and 6 of expander_msg.c: expand, resubmit, report, reply
 * (expander_send.c). */
void	expander_send(struct exp_job *j);

#endif
