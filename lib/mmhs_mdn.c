/* mmhs_mdn.c - RFC 8098 message disposition notifications: the writer
 *
 * See mmhs_mdn.h for the form.  The MDN is written through mmhs_msg's
 * writer, so header fields are folded the same way as everywhere else;
 * everything in it is 7-bit, with CRLF line ends and lines of at most 78
 * octets where the words allow (a Message-ID may be longer, never more
 * than 998).
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

#include "mmhs_mdn.h"
#include "mmhs_precedence.h"
#include "mmhs_text.h"

#define MDN_WRAP	76		/* columns of the human-readable text */

static const char *const mdn_types[] = {
	"displayed", "deleted", "dispatched", "processed"
};

const char *
mmhs_mdn_type_name(enum mmhs_mdn_type t)
{
	if ((unsigned) t >= sizeof(mdn_types) / sizeof(mdn_types[0]))
		return NULL;
	return mdn_types[t];
}

int
mmhs_mdn_type_from_name(const char *name, size_t len, enum mmhs_mdn_type *t)
{
	size_t	i;

	for (i = 0; i < sizeof(mdn_types) / sizeof(mdn_types[0]); i++)
		if (strlen(mdn_types[i]) == len &&
		    mmhs_text_ncaseeq(name, len, mdn_types[i])) {
			*t = (enum mmhs_mdn_type) i;
			return 0;
		}
	return -1;
}

/* mdn_token_ok - 1 for a non-empty run of printable ASCII, no blanks */
static int
mdn_token_ok(const char *s, size_t max)
{
	size_t	n;

	if (s == NULL || *s == '\0')
		return 0;
	for (n = 0; s[n] != '\0'; n++)
		if (n >= max || (unsigned char) s[n] <= 0x20 ||
		    (unsigned char) s[n] >= 0x7f)
			return 0;
	return 1;
}

/* mdn_msgid_ok - "<...>" of printable ASCII */
static int
mdn_msgid_ok(const char *m)
{
	size_t	n;

	if (!mdn_token_ok(m, MMHS_MDN_MSGID_MAX))
		return 0;
	n = strlen(m);
	return n > 2 && m[0] == '<' && m[n - 1] == '>';
}

/* mdn_typed_ok - "type;address" (Original-Recipient as found) */
static int
mdn_typed_ok(const char *v)
{
	const char *semi;
	size_t	n;

	if (v == NULL || (semi = strchr(v, ';')) == NULL || semi == v)
		return 0;
	for (n = 0; v[n] != '\0'; n++)
		if (n > MMHS_MDN_ADDR_MAX + 15 || (unsigned char) v[n] < 0x20 ||
		    (unsigned char) v[n] >= 0x7f)
			return 0;
	return 1;
}

/* mdn_check - the refusals listed in mmhs_mdn.h */
static int
mdn_check(const struct mmhs_mdn_msg *mm, char *err, size_t errlen)
{
	if (!mdn_token_ok(mm->mm_host, MMHS_MDN_HOST_MAX))
		return mmhs_text_error(err, errlen, "bad host name");
	if (mm->mm_product != NULL && (strlen(mm->mm_product) > 60 ||
	    strpbrk(mm->mm_product, "\r\n;") != NULL))
		return mmhs_text_error(err, errlen, "bad product name");
	if (!mdn_token_ok(mm->mm_to, MMHS_MDN_ADDR_MAX))
		return mmhs_text_error(err, errlen, "bad or no To address");
	if (!mdn_token_ok(mm->mm_final_rcpt, MMHS_MDN_ADDR_MAX))
		return mmhs_text_error(err, errlen,
		    "bad or no Final-Recipient address");
	if (mm->mm_from != NULL && !mdn_token_ok(mm->mm_from,
	    MMHS_MDN_ADDR_MAX))
		return mmhs_text_error(err, errlen, "bad From address");
	if (mm->mm_orig_rcpt != NULL && !mdn_typed_ok(mm->mm_orig_rcpt))
		return mmhs_text_error(err, errlen,
		    "bad Original-Recipient value");
	if (mm->mm_orig_msgid != NULL && !mdn_msgid_ok(mm->mm_orig_msgid))
		return mmhs_text_error(err, errlen, "bad original Message-ID");
	if (mm->mm_message_id != NULL && !mdn_msgid_ok(mm->mm_message_id))
		return mmhs_text_error(err, errlen, "bad Message-ID");
	if (mmhs_mdn_type_name(mm->mm_type) == NULL)
		return mmhs_text_error(err, errlen, "unknown disposition type");
	if (mm->mm_automatic_action && !mm->mm_sent_automatically)
		return mmhs_text_error(err, errlen, "automatic-action with "
		    "MDN-sent-manually is meaningless (RFC 8098 3.2.6.1)");
	if (mm->mm_precedence != -1 &&
	    !mmhs_precedence_valid(mm->mm_precedence))
		return mmhs_text_error(err, errlen, "bad precedence %d",
		    mm->mm_precedence);
	if (mm->mm_boundary != NULL && (!mdn_token_ok(mm->mm_boundary,
	    MMHS_MSG_BOUNDARY_MAX) || strpbrk(mm->mm_boundary, "\"\\") !=
	    NULL))
		return mmhs_text_error(err, errlen, "bad boundary");
	return 0;
}

/* mdn_random_hex - 2 * n hex digits of kernel randomness */
static int
mdn_random_hex(char *out, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char rnd[16];
	size_t	got = 0, i;
	ssize_t	r;

	if (n > sizeof(rnd))
		return -1;
	while (got < n) {
		r = getrandom(rnd + got, n - got, 0);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		got += (size_t) r;
	}
	for (i = 0; i < n; i++) {
		out[2 * i] = hex[rnd[i] >> 4];
		out[2 * i + 1] = hex[rnd[i] & 15];
	}
	out[2 * n] = '\0';
	return 0;
}

/* mdn_date - RFC 5322 date-time in UTC, whatever the locale */
static void
mdn_date(time_t t, char *buf, size_t len)
{
	static const char *const day[] = {
		"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"
	};
	static const char *const mon[] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun",
		"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
	};
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL)
		memset(&tm, 0, sizeof(tm));
	snprintf(buf, len, "%s, %02d %s %04d %02d:%02d:%02d +0000",
	    day[tm.tm_wday % 7], tm.tm_mday, mon[tm.tm_mon % 12],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* mdn_clean - the subject made 7-bit and cut */
static void
mdn_clean(const char *in, char *out, size_t outlen)
{
	size_t	n = 0;

	for (; in != NULL && *in != '\0' && n + 1 < outlen; in++)
		out[n++] = (unsigned char) *in < 0x20 ||
		    (unsigned char) *in >= 0x7f ? '?' : *in;
	out[n] = '\0';
}

struct mdn_gen {
	const struct mmhs_mdn_msg *g_mm;
	struct mmhs_msg_writer *g_w;
	char	g_delim[MMHS_MSG_BOUNDARY_MAX + 3];	/* "--" boundary */
	char	g_msgid[MMHS_MDN_MSGID_MAX + 1];
	char	g_subject[MMHS_MDN_SUBJECT_MAX + 1];
};

/* mdn_raw - a NUL-terminated string as it is */
static int
mdn_raw(struct mdn_gen *g, const char *s)
{
	return mmhs_msg_write_raw(g->g_w, s, strlen(s));
}

/* mdn_field - a header field, left out when v is NULL */
static int
mdn_field(struct mdn_gen *g, const char *name, const char *v)
{
	if (v == NULL)
		return 0;
	return mmhs_msg_write_header(g->g_w, name, v);
}

/* mdn_wrap - text as lines of at most MDN_WRAP columns where it can */
static int
mdn_wrap(struct mdn_gen *g, const char *text)
{
	const char *p = text, *word;
	size_t	col = 0, n;

	while (*p != '\0') {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		for (word = p; *p != '\0' && *p != ' '; p++)
			;
		n = (size_t) (p - word);
		if (col > 0 && col + 1 + n > MDN_WRAP) {
			if (mdn_raw(g, "\r\n") < 0)
				return -1;
			col = 0;
		}
		if ((col > 0 && mdn_raw(g, " ") < 0) ||
		    mmhs_msg_write_raw(g->g_w, word, n) < 0)
			return -1;
		col += (col > 0) + n;
	}
	return mdn_raw(g, "\r\n");
}

/* mdn_top - the MDN's own header section and its preamble */
static int
mdn_top(struct mdn_gen *g)
{
	static const char *const what[] = {
		"Displayed", "Deleted unread", "Dispatched", "Processed"
	};
	const struct mmhs_mdn_msg *mm = g->g_mm;
	char	buf[MMHS_MDN_SUBJECT_MAX + 2 * MMHS_MSG_BOUNDARY_MAX];
	char	date[40], prec[MMHS_PREC_HEADER_LEN];

	mdn_date(mm->mm_now != 0 ? mm->mm_now : time(NULL), date,
	    sizeof(date));
	snprintf(buf, sizeof(buf), "%s: %s", what[mm->mm_type],
	    g->g_subject[0] != '\0' ? g->g_subject : "(no subject)");
	if (mdn_field(g, "From", mm->mm_from != NULL ? mm->mm_from :
	    mm->mm_final_rcpt) < 0 ||
	    mdn_field(g, "To", mm->mm_to) < 0 ||
	    mdn_field(g, "Subject", buf) < 0 ||
	    mdn_field(g, "Date", date) < 0 ||
	    mdn_field(g, "Message-ID", g->g_msgid) < 0 ||
	    mdn_field(g, "In-Reply-To", mm->mm_orig_msgid) < 0 ||
	    mdn_field(g, "References", mm->mm_orig_msgid) < 0 ||
	    mdn_field(g, "Auto-Submitted", "auto-replied") < 0)
		return -1;
	if (mm->mm_precedence >= 0 && (mmhs_precedence_format_header(
	    (enum mmhs_precedence) mm->mm_precedence, prec,
	    sizeof(prec)) < 0 ||
	    mdn_field(g, "MMHS-Primary-Precedence", prec) < 0))
		return -1;
	snprintf(buf, sizeof(buf), "multipart/report; "
	    "report-type=disposition-notification; boundary=\"%s\"",
	    g->g_delim + 2);
	if (mdn_field(g, "MIME-Version", "1.0") < 0 ||
	    mdn_field(g, "Content-Type", buf) < 0)
		return -1;
	return mdn_raw(g, "\r\nThis is a MIME-encapsulated message "
	    "disposition notification.\r\n");
}

/* mdn_part - the delimiter and header section of one part */
static int
mdn_part(struct mdn_gen *g, const char *ctype, const char *desc)
{
	if (mdn_raw(g, "\r\n") < 0 || mdn_raw(g, g->g_delim) < 0 ||
	    mdn_raw(g, "\r\n") < 0 ||
	    mdn_field(g, "Content-Type", ctype) < 0 ||
	    mdn_field(g, "Content-Transfer-Encoding", "7bit") < 0 ||
	    mdn_field(g, "Content-Description", desc) < 0)
		return -1;
	return mdn_raw(g, "\r\n");
}

/* mdn_text - part 1, for a person */
static int
mdn_text(struct mdn_gen *g)
{
	static const char *const what[] = {
		"has been displayed by the recipient.  This is no guarantee "
		    "that it has been read or understood.",
		"has been deleted without being displayed.",
		"has been sent on without being displayed.",
		"has been processed without being displayed."
	};
	const struct mmhs_mdn_msg *mm = g->g_mm;
	char	text[2048];

	snprintf(text, sizeof(text), "The message %s%s%s%s%s sent to %s %s",
	    mm->mm_orig_msgid != NULL ? mm->mm_orig_msgid : "",
	    mm->mm_orig_msgid != NULL ? " " : "",
	    g->g_subject[0] != '\0' ? "with the subject \"" : "",
	    g->g_subject, g->g_subject[0] != '\0' ? "\"" : "",
	    mm->mm_final_rcpt, what[mm->mm_type]);
	if (mdn_part(g, "text/plain; charset=us-ascii", "Notification") < 0)
		return -1;
	return mdn_wrap(g, text);
}

/* mdn_status - part 2, for a program */
static int
mdn_status(struct mdn_gen *g)
{
	const struct mmhs_mdn_msg *mm = g->g_mm;
	char	buf[MMHS_MDN_UA_MAX + MMHS_MDN_ADDR_MAX + 32];

	if (mdn_part(g, "message/disposition-notification", NULL) < 0)
		return -1;
	snprintf(buf, sizeof(buf), "%s; %s", mm->mm_host,
	    mm->mm_product != NULL ? mm->mm_product : "OpenMMHS");
	if (mdn_field(g, "Reporting-UA", buf) < 0 ||
	    mdn_field(g, "Original-Recipient", mm->mm_orig_rcpt) < 0)
		return -1;
	snprintf(buf, sizeof(buf), "rfc822;%s", mm->mm_final_rcpt);
	if (mdn_field(g, "Final-Recipient", buf) < 0 ||
	    mdn_field(g, "Original-Message-ID", mm->mm_orig_msgid) < 0)
		return -1;
	snprintf(buf, sizeof(buf), "%s/%s; %s",
	    mm->mm_automatic_action ? "automatic-action" : "manual-action",
	    mm->mm_sent_automatically ? "MDN-sent-automatically" :
	    "MDN-sent-manually", mmhs_mdn_type_name(mm->mm_type));
	if (mdn_field(g, "Disposition", buf) < 0)
		return -1;
	return mdn_raw(g, "\r\n") < 0 || mdn_raw(g, g->g_delim) < 0 ||
	    mdn_raw(g, "--\r\n") < 0 ? -1 : 0;
}

/* mdn_unique - the boundary and the Message-ID, injected or made */
static int
mdn_unique(struct mdn_gen *g, char *err, size_t errlen)
{
	const struct mmhs_mdn_msg *mm = g->g_mm;
	char	rnd[2 * 16 + 1];

	if (mm->mm_boundary != NULL)
		snprintf(g->g_delim, sizeof(g->g_delim), "--%s",
		    mm->mm_boundary);
	else if (mdn_random_hex(rnd, 16) < 0)
		return mmhs_text_error(err, errlen, "no random numbers: %s",
		    strerror(errno));
	else	/* "=_" cannot occur in quoted-printable or base64 text */
		snprintf(g->g_delim, sizeof(g->g_delim), "--=_mdn_%s", rnd);
	if (mm->mm_message_id != NULL) {
		snprintf(g->g_msgid, sizeof(g->g_msgid), "%s",
		    mm->mm_message_id);
		return 0;
	}
	if (mdn_random_hex(rnd, 12) < 0)
		return mmhs_text_error(err, errlen, "no random numbers: %s",
		    strerror(errno));
	snprintf(g->g_msgid, sizeof(g->g_msgid), "<%lld.%s.mdn@%s>",
	    (long long) (mm->mm_now != 0 ? mm->mm_now : time(NULL)), rnd,
	    mm->mm_host);
	return 0;
}

int
mmhs_mdn_write(const struct mmhs_mdn_msg *mm, mmhs_msg_sink_fn sink,
	void *ctx, char *msgid, size_t msgidlen, char *err, size_t errlen)
{
	struct mdn_gen g;
	int	rc;

	if (mdn_check(mm, err, errlen) < 0)
		return -1;
	memset(&g, 0, sizeof(g));
	g.g_mm = mm;
	mdn_clean(mm->mm_orig_subject, g.g_subject, sizeof(g.g_subject));
	if (mdn_unique(&g, err, errlen) < 0)
		return -1;
	g.g_w = mmhs_msg_writer_new(sink, ctx);
	rc = mdn_top(&g) < 0 || mdn_text(&g) < 0 || mdn_status(&g) < 0 ?
	    -1 : 0;
	if (rc < 0)
		mmhs_text_error(err, errlen, "writing the MDN: %s",
		    mmhs_msg_writer_error(g.g_w));
	else if (msgid != NULL)
		snprintf(msgid, msgidlen, "%s", g.g_msgid);
	mmhs_msg_writer_free(g.g_w);
	return rc;
}
