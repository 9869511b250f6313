/* mmhs_dsn.h - RFC 3464 delivery status notifications: write and read */
#ifndef MMHS_DSN_H
#define MMHS_DSN_H

#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#include "mmhs_msg.h"

/*
 * An MTA calls mmhs_dsn_write() once per DSN: one original message, one
 * return path, and the recipients it chose to report together (all of
 * one message with the same kind of Action).  The DSN is a
 * multipart/report; report-type=delivery-status (RFC 6522) with
 *
 *	1. text/plain			what happened to whom, and why
 *	2. message/delivery-status	RFC 3464 fields
 *	3. message/rfc822		the original (failed and RET is not HDRS)
 *	   text/rfc822-headers		its header section (RET=HDRS, delays
 *					and successes: RFC 3461 section 4.3
 *					asks for the content on failure only)
 *
 * The original message is read through a callback and copied in chunks,
 * never held whole: only its header section (bounded by
 * MMHS_MSG_HEADER_MAX) is kept, to take the Subject, the Message-ID
 * (References, In-Reply-To) and MMHS-Primary-Precedence (copied so the
 * DSN travels at the original's precedence, RFC 6477).
 *
 * Bounds and refusals (-1 with a message in err, nothing guaranteed
 * written): an empty or "<>" return path (no DSN to the null path,
 * RFC 3461 section 6.2), no recipient or more than MMHS_DSN_RCPT_MAX,
 * recipients mixing failure, delay and success, a Status that is not
 * RFC 3463 x.y.z or does not fit the Action (failed 4 or 5, delayed 4,
 * delivered/relayed/expanded 2), addresses or host names that are
 * empty, too long, or hold control or non-ASCII octets, bad xtext, a
 * read or sink error, and the boundary appearing at a line start in the
 * content (only possible with an injected boundary: the default one
 * carries 128 random bits).
 *
 * What the DSN carries is made safe, not refused: diagnostic text is
 * cut to MMHS_DSN_DIAG_MAX, control and 8-bit octets become '?'; the
 * copied original gets CRLF line ends and lines over 998 octets are
 * broken (RFC 5322 section 2.1.1) - such a message was already broken.
 */

#define MMHS_DSN_RCPT_MAX	1000	/* recipients in one DSN */
#define MMHS_DSN_ADDR_MAX	500	/* RFC 3461 section 4.2: ORCPT */
#define MMHS_DSN_HOST_MAX	255	/* RFC 1035 */
#define MMHS_DSN_ENVID_MAX	100	/* RFC 3461 section 4.4 */
#define MMHS_DSN_DIAG_MAX	900	/* Diagnostic-Code text kept */
#define MMHS_DSN_FROM_MAX	500	/* the From: field value */
#define MMHS_DSN_SUBJECT_MAX	200	/* original Subject quoted */
#define MMHS_DSN_STATUS_MAX	12	/* "5.123.123" and NUL */
#define MMHS_DSN_MSGID_MAX	(MMHS_DSN_HOST_MAX + 64)
#define MMHS_DSN_BOUNDARY_LEN	40	/* of the generated boundary */

enum mmhs_dsn_action {
	MMHS_DSN_FAILED,
	MMHS_DSN_DELAYED,
	MMHS_DSN_DELIVERED,
	MMHS_DSN_RELAYED,
	MMHS_DSN_EXPANDED
};

/* RFC 3461 section 4.3; NONE when MAIL FROM carried no RET. */
enum mmhs_dsn_ret {
	MMHS_DSN_RET_NONE,
	MMHS_DSN_RET_FULL,
	MMHS_DSN_RET_HDRS
};

/* One reported recipient.  Times of 0 leave the field out. */
struct mmhs_dsn_rcpt {
	const char *dr_orcpt;		/* ORCPT= as received ("rfc822;a+40b"),
					 * xtext; NULL: no Original-Recipient */
	const char *dr_final;		/* RCPT TO address, no brackets */
	enum mmhs_dsn_action dr_action;
	const char *dr_status;		/* RFC 3463 "5.1.1" */
	const char *dr_remote_mta;	/* host that answered, or NULL */
	const char *dr_diag;		/* its SMTP reply "550 5.1.1 no such
					 * user", or NULL */
	time_t	dr_last_attempt;	/* Last-Attempt-Date */
	time_t	dr_retry_until;		/* Will-Retry-Until (delayed only) */
};

/* One DSN.  The last three members are for tests: 0/NULL in agents. */
struct mmhs_dsn_msg {
	const char *dm_reporting_mta;	/* our host name: Reporting-MTA and
					 * the Message-ID's right side */
	const char *dm_from;		/* From: value, e.g. "Mail Delivery
					 * System <MAILER-DAEMON@host>" */
	const char *dm_return_path;	/* MAIL FROM address: To: */
	const char *dm_envid;		/* ENVID= as received (xtext) or NULL */
	enum mmhs_dsn_ret dm_ret;
	int	dm_8bit;		/* original came with BODY=8BITMIME:
					 * part 3 says 8bit, send the DSN
					 * with BODY=8BITMIME too */
	time_t	dm_arrival;		/* Arrival-Date, 0: left out */
	const struct mmhs_dsn_rcpt *dm_rcpt;
	size_t	dm_nrcpt;
	time_t	dm_now;			/* Date:, 0: time(NULL) */
	const char *dm_message_id;	/* "<x@y>", NULL: generated */
	const char *dm_boundary;	/* NULL: generated */
};

/* What was written, for the caller's queue record.  */
struct mmhs_dsn_result {
	char	dw_message_id[MMHS_DSN_MSGID_MAX + 1];
	int	dw_precedence;		/* copied MMHS-Primary-Precedence
					 * number, -1 when none */
	unsigned long long dw_octets;	/* written to the sink */
};

/*
 * Reads up to len octets of the original message into buf.  Returns the
 * count, 0 at its end, -1 on error (the DSN is then abandoned).
 */
typedef ssize_t (*mmhs_dsn_read_fn)(void *ctx, char *buf, size_t len);

/*
 * Write one DSN to sink (mmhs_msg_sink_fn: 0 or -1).  res may be NULL.
 * Returns 0, or -1 with err set; after -1 the sink holds a partial DSN
 * that the caller discards.
 */
int	mmhs_dsn_write(const struct mmhs_dsn_msg *dm, mmhs_dsn_read_fn rd,
	void *rdctx, mmhs_msg_sink_fn sink, void *sinkctx,
	struct mmhs_dsn_result *res, char *err, size_t errlen);

/* The same with the original in memory. */
int	mmhs_dsn_write_buf(const struct mmhs_dsn_msg *dm, const char *orig,
	size_t origlen, mmhs_msg_sink_fn sink, void *sinkctx,
	struct mmhs_dsn_result *res, char *err, size_t errlen);

/* "failed" ... "expanded"; NULL outside the enum. */
const char *mmhs_dsn_action_name(enum mmhs_dsn_action a);
/* Any case, whole string.  Returns 0 or -1. */
int	mmhs_dsn_action_from_name(const char *name, enum mmhs_dsn_action *a);

/* 1 when str is an RFC 3463 status "c.sss.ddd" with c 2, 4 or 5. */
int	mmhs_dsn_status_valid(const char *str);

/*
 * Decode RFC 3461 section 4 xtext ("+XX" hex escapes; lower-case hex
 * is accepted too) into out (NUL-terminated).  Returns the decoded length, or -1 for bad
 * xtext or when out is too small.  Also the check for ENVID/ORCPT.
 */
ssize_t	mmhs_dsn_xtext_decode(const char *in, char *out, size_t outlen);

/* ------------------------------------------------------------------ */
/* Reading a DSN back: the body of its message/delivery-status part. */

/* Every member is NUL-terminated, "" when the field was absent. */
struct mmhs_dsn_status {
	enum mmhs_dsn_action ds_action;
	char	ds_status[MMHS_DSN_STATUS_MAX];
	char	ds_final[MMHS_DSN_ADDR_MAX + 1];	/* "rfc822;a@b" */
	char	ds_orig[MMHS_DSN_ADDR_MAX + 1];		/* as found */
	char	ds_diag[MMHS_DSN_DIAG_MAX + 1];		/* "smtp; 550 ..." */
};

struct mmhs_dsn_report {
	char	rp_reporting_mta[MMHS_DSN_HOST_MAX + 16];	/* "dns;h" */
	char	rp_envid[MMHS_DSN_ENVID_MAX + 1];
	size_t	rp_nrcpt;
	struct mmhs_dsn_status *rp_rcpt;	/* rp_nrcpt entries */
};

/*
 * Parse len octets of message/delivery-status content (RFC 3464
 * section 2.1: a per-message block, then one block per recipient,
 * blocks separated by empty lines; fields may be folded; LF or CRLF).
 * Field values are unfolded and stripped of outer white space;
 * Reporting-MTA, Final-Recipient and Original-Recipient become
 * "type;value" (white space around the ';' removed), Action and Status
 * keep their first word (a comment after it is dropped), other values
 * are kept as found.  Every recipient block needs Final-Recipient, Action and a
 * valid Status; unknown fields are skipped; an overlong value is
 * refused, not cut.  At most MMHS_DSN_RCPT_MAX recipients and
 * MMHS_MSG_HEADER_MAX octets per block.  Returns 0 with rep filled
 * (free with mmhs_dsn_report_free), or -1 with err and rep empty.
 */
int	mmhs_dsn_parse_status(const char *buf, size_t len,
	struct mmhs_dsn_report *rep, char *err, size_t errlen);
void	mmhs_dsn_report_free(struct mmhs_dsn_report *rep);

#endif
