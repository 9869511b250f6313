/* mmhs_summary_int.h - what the files of mmhs_summary share
 *
 * mmhs_summary.c	the one pass over the message: fields, label,
 *			the text part chosen
 * mmhs_summary_text.c	addr-spec of a mailbox field, transfer
 *			decoding of the text part
 * Not for agents: they use mmhs_summary.h.
 */
#ifndef MMHS_SUMMARY_INT_H
#define MMHS_SUMMARY_INT_H

#include <stddef.h>

/* Transfer encodings of the text part (RFC 2045 6). */
enum su_cte { SU_CTE_IDENTITY, SU_CTE_QP, SU_CTE_BASE64 };

/*
 * The addr-spec of the first mailbox in an RFC 5322 address field
 * (From, Sender, Disposition-Notification-To), display name, comments,
 * angle brackets, an obsolete route and a group name removed; NULL
 * when there is none ("<>", a group without members, garbage).
 */
char   *su_addr_spec(const char *value);

/*
 * Decode raw[0..len) of the given encoding into a new NUL-ended text
 * of at most max octets: CRLF becomes LF, NUL octets are dropped, and
 * a text cut at max does not end inside a UTF-8 sequence.
 */
char   *su_decode_text(const char *raw, size_t len, enum su_cte cte,
	    size_t max, size_t *outlen);

#endif
