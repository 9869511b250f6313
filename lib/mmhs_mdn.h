/* mmhs_mdn.h - RFC 8098 message disposition notifications: write and read */
#ifndef MMHS_MDN_H
#define MMHS_MDN_H

#include <stddef.h>
#include <time.h>

#include "mmhs_msg.h"

/*
 * A mailbox that displays (or deletes unread) a message whose originator
 * asked for a notification (Disposition-Notification-To) sends one MDN:
 * a multipart/report; report-type=disposition-notification (RFC 6522)
 * with
 *
 *	1. text/plain				what happened, for a person
 *	2. message/disposition-notification	RFC 8098 section 3.2 fields
 *
 * and no third part: the originator has the message, and a label or a
 * signature of the original has no business travelling back.  The MDN
 * goes from the null reverse path (RFC 8098 section 2.1; the sender does
 * that) and carries the original's MMHS-Primary-Precedence so that it
 * travels at the original's precedence, as the DSNs do.
 *
 * Refused (-1 with a message in err, nothing guaranteed written): a
 * missing To or Final-Recipient, an address or host name that is empty,
 * too long, or holds control, space or non-ASCII octets, a Message-ID
 * that is not "<...>", an unknown type, automatic-action with
 * MDN-sent-manually (RFC 8098 section 3.2.6.1: meaningless), a sink
 * error.  Made safe, not refused: the original's subject is cut to
 * MMHS_MDN_SUBJECT_MAX and control or 8-bit octets in it become '?'.
 */

#define MMHS_MDN_ADDR_MAX	500	/* an address, as ORCPT in RFC 3461 */
#define MMHS_MDN_HOST_MAX	255	/* RFC 1035 */
#define MMHS_MDN_MSGID_MAX	(MMHS_MDN_HOST_MAX + 64)
#define MMHS_MDN_SUBJECT_MAX	200
#define MMHS_MDN_UA_MAX		(MMHS_MDN_HOST_MAX + 64)
#define MMHS_MDN_DISP_MAX	200	/* a Disposition value kept */
#define MMHS_MDN_FIELDS_MAX	64	/* fields in a notification */

/* RFC 8098 section 3.2.6.2 */
enum mmhs_mdn_type {
	MMHS_MDN_DISPLAYED,
	MMHS_MDN_DELETED,
	MMHS_MDN_DISPATCHED,
	MMHS_MDN_PROCESSED
};

/* One MDN.  The last three members are for tests: 0/NULL in agents. */
struct mmhs_mdn_msg {
	const char *mm_host;		/* our host name: Reporting-UA and the
					 * Message-ID's right side */
	const char *mm_product;		/* Reporting-UA product, "OpenMMHS" */
	const char *mm_from;		/* From: address, the mailbox */
	const char *mm_to;		/* the Disposition-Notification-To */
	const char *mm_final_rcpt;	/* the mailbox address (rfc822) */
	const char *mm_orig_rcpt;	/* the original's Original-Recipient
					 * value ("rfc822;a@b"), or NULL */
	const char *mm_orig_msgid;	/* "<x@y>", or NULL */
	const char *mm_orig_subject;	/* or NULL */
	int	mm_precedence;		/* MMHS-Primary-Precedence to copy,
					 * -1: none */
	enum mmhs_mdn_type mm_type;
	int	mm_automatic_action;	/* automatic-action, else manual */
	int	mm_sent_automatically;	/* MDN-sent-automatically, else
					 * MDN-sent-manually */
	time_t	mm_now;			/* Date:, 0: time(NULL) */
	const char *mm_message_id;	/* "<x@y>", NULL: generated */
	const char *mm_boundary;	/* NULL: generated */
};

/*
 * Write one MDN to sink.  msgid (may be NULL) receives its Message-ID.
 * Returns 0, or -1 with err set; after -1 the sink may hold a partial
 * MDN that the caller discards.
 */
int	mmhs_mdn_write(const struct mmhs_mdn_msg *mm, mmhs_msg_sink_fn sink,
	void *ctx, char *msgid, size_t msgidlen, char *err, size_t errlen);

/* "displayed", ...; NULL outside the enum.  from_name: any case. */
const char *mmhs_mdn_type_name(enum mmhs_mdn_type t);
int	mmhs_mdn_type_from_name(const char *name, size_t len,
	enum mmhs_mdn_type *t);

/* ------------------------------------------------------------------ */
/* Reading an MDN back (the originator's side: ffmon, tests). */

/* Every text member is NUL-terminated, "" when the field was absent. */
struct mmhs_mdn_report {
	char	mr_reporting_ua[MMHS_MDN_UA_MAX + 1];
	char	mr_orig_rcpt[MMHS_MDN_ADDR_MAX + 16];	/* "rfc822;a@b" */
	char	mr_final_rcpt[MMHS_MDN_ADDR_MAX + 16];	/* "rfc822;a@b" */
	char	mr_orig_msgid[MMHS_MDN_MSGID_MAX + 1];
	char	mr_disposition[MMHS_MDN_DISP_MAX + 1];	/* as found */
	enum mmhs_mdn_type mr_type;
	int	mr_automatic_action;
	int	mr_sent_automatically;
	int	mr_error;		/* the "error" modifier was there */
};

/*
 * Parse len octets of message/disposition-notification content (RFC
 * 8098 section 3.1: one block of fields, folded or not, LF or CRLF).
 * Final-Recipient and a Disposition of RFC 8098 section 3.2.6 grammar
 * (comments allowed, case ignored) are required; Final-Recipient and
 * Original-Recipient become "type;value" with the blanks around ';'
 * removed; unknown fields are skipped; a field given twice, an overlong
 * value or more than MMHS_MDN_FIELDS_MAX fields are refused.  Returns 0
 * with rep filled, or -1 with err and rep zeroed.
 */
int	mmhs_mdn_parse_notification(const char *buf, size_t len,
	struct mmhs_mdn_report *rep, char *err, size_t errlen);

/*
 * The same on a whole message: it must be a multipart/report with
 * report-type=disposition-notification whose message/disposition-
 * notification part (the first at depth 1) parses.  Returns 0 with rep
 * filled, 1 when the message is well formed but no MDN, -1 with err when
 * it is not well-formed MIME, or claims to be an MDN and is broken.
 */
int	mmhs_mdn_parse_message(const char *data, size_t len,
	struct mmhs_mdn_report *rep, char *err, size_t errlen);

#endif
