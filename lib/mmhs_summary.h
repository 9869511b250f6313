/* mmhs_summary.h - what agents need to know about a message, in one pass */
#ifndef MMHS_SUMMARY_H
#define MMHS_SUMMARY_H

#include <stddef.h>
#include <time.h>

#include "mmhs_mmhs.h"
#include "mmhs_precedence.h"

/*
 * The store (indexes), the profiler (rules), the archive (search) and
 * ffmon all look at the same things: the RFC 5322 fields, the RFC 6477
 * fields and the security label.  mmhs_summary_parse() reads the message
 * with lib/mmhs_msg (top-level header section, and the text of the first
 * text/plain part for word rules) and never changes it.  For an S/MIME
 * message (application/pkcs7-mime or multipart/signed) the summary takes
 * the outer header fields; the text is that of the signed content when it
 * is readable (multipart/signed), else empty.
 */

#define MMHS_SUMMARY_TEXT_MAX	(64 * 1024)	/* text kept for word rules */

struct mmhs_summary {
	char   *su_message_id;		/* with <>, NULL when absent */
	char   *su_from;		/* addr-spec of From: (first), NULL */
	char   *su_sender;		/* addr-spec of Sender:, NULL */
	char   *su_subject;		/* unfolded, RFC 2047 words as is */
	char   *su_date;		/* Date: as written */
	time_t	su_time;		/* Date: as UTC, 0 when absent/bad */
	char   *su_mdn_to;		/* addr-spec of
					 * Disposition-Notification-To, NULL */
	char   *su_content_type;	/* "type/subtype", lower case */
	struct mmhs_mmhs su_mmhs;	/* RFC 6477 fields, SIO-Label decoded */
	/* mmhs_mmhs_precedence(): Primary-Precedence, else Copy- when
	 * there are no To: recipients, else ROUTINE */
	enum mmhs_precedence su_prec;
	/* su_class: the whole SIO-Label marking as given ("NATO SECRET",
	 * "SECRET REL TO XW"), NULL without one; an agent maps it to a
	 * policy with mmhs_label_from_marking().  su_policy: the
	 * security-policy-identifier OID of an ":ess" (or ":x411") label
	 * ("1.3.26.1.3.1"), else NULL. */
	char   *su_class;
	char   *su_policy;
	/* The first text/plain part that is not an attachment, transfer
	 * encoding undone, charset not converted, CRLF as LF, NUL octets
	 * dropped, at most MMHS_SUMMARY_TEXT_MAX octets cut at a whole
	 * UTF-8 character; "" when there is none (never NULL). */
	char   *su_text;
	size_t	su_text_len;
	size_t	su_size;		/* bytes of the whole message */
};

/* 0, or -1 and a reason: a malformed top header section, or an RFC
 * 6477 / SIO-Label field that breaks its grammar or comes twice.  A
 * body that breaks MIME later is summarised as far as it was read.
 * After -1 the summary is empty (freeing it again is harmless). */
int	mmhs_summary_parse(struct mmhs_summary *su, const char *data,
	    size_t len, char *err, size_t errlen);
void	mmhs_summary_free(struct mmhs_summary *su);

/* The value of the first top-level field NAME (unfolded, caller frees),
 * NULL when absent. */
char   *mmhs_summary_field(const char *data, size_t len, const char *name);

#endif
