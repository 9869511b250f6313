/* mmhs_dsn.c - RFC 3464 delivery status notifications: write and read
 *
 * Purpose: the MTA's DSN generator (mmhs_dsn_write) and the parser of
 * the message/delivery-status part that the fire-and-forget monitor
 * uses to correlate DSNs (mmhs_dsn_parse_status).
 *
 * Interface: see mmhs_dsn.h.
 *
 * Error behaviour: every function returns -1 with a message in the
 * caller's err buffer; nothing is logged.  Memory: the writer keeps the
 * original's header section (at most MMHS_MSG_HEADER_MAX octets plus
 * one read chunk) and an output buffer; the body passes through in
 * DSN_CHUNK pieces.  The parser keeps the recipients it returns and one
 * unfolded field.
 *
 * Facts this rests on:
 *	RFC 6522 3	multipart/report; report-type=...; first part
 *			human-readable, second machine-readable, third
 *			optional: the original or its headers.
 *	RFC 3464 2.1	message/delivery-status: per-message fields, an
 *			empty line, per-recipient field groups separated by
 *			empty lines.  2.2: Reporting-MTA "dns; host",
 *			Original-Envelope-Id, Arrival-Date.  2.3:
 *			Original-Recipient, Final-Recipient, Action (failed,
 *			delayed, delivered, relayed, expanded), Status,
 *			Remote-MTA, Diagnostic-Code "smtp; reply",
 *			Last-Attempt-Date, Will-Retry-Until.  Values are
 *			RFC 822 header syntax: folding allowed.
 *	RFC 3461 4	xtext: "+" and two upper-case hex digits for any
 *			octet outside 33..126 and for "+" and "=".
 *			4.3: RET says what a *failed* DSN returns.
 *			6.2: never send a DSN to the null return path.
 *	RFC 3463 2	status = class "." subject "." detail, class 2, 4
 *			or 5, subject and detail 1 to 3 digits.
 *	RFC 3834 5	Auto-Submitted: auto-replied.
 *	RFC 2046 5.1.1	the boundary must not start any line of the
 *			content; 1..70 bchars; "=_" cannot occur in
 *			quoted-printable or base64 text.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <unistd.h>

#include "mmhs_alloc.h"
#include "mmhs_dsn.h"
#include "mmhs_msg.h"
#include "mmhs_precedence.h"

#define DSN_CHUNK	8192		/* read and output buffer */
#define DSN_LINE_MAX	998		/* RFC 5322 2.1.1, without CRLF */
#define DSN_WRAP	76		/* human text wraps here */
#define DSN_PREC_MAX	1000000UL	/* precedence numbers kept */

static const char dsn_hex[] = "0123456789ABCDEF";

/* dsn_err - format a message into err and return -1 */
static int __attribute__((format(printf, 3, 4)))
dsn_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list	ap;

	if (err != NULL && errlen > 0) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return -1;
}

/* ------------------------------------------------------------------ */
/* Names, status codes, xtext */

static const char *const dsn_action_names[] = {
	"failed", "delayed", "delivered", "relayed", "expanded"
};

#define DSN_NACTIONS	(sizeof(dsn_action_names) / sizeof(dsn_action_names[0]))

/* mmhs_dsn_action_name - the RFC 3464 word for an action */
const char *
mmhs_dsn_action_name(enum mmhs_dsn_action a)
{
	if ((unsigned) a >= DSN_NACTIONS)
		return NULL;
	return dsn_action_names[a];
}

/* mmhs_dsn_action_from_name - an RFC 3464 word to an action */
int
mmhs_dsn_action_from_name(const char *name, enum mmhs_dsn_action *a)
{
	size_t	i;

	for (i = 0; i < DSN_NACTIONS; i++) {
		if (strcasecmp(name, dsn_action_names[i]) == 0) {
			*a = (enum mmhs_dsn_action) i;
			return 0;
		}
	}
	return -1;
}

/* dsn_digits - skip 1 to 3 digits; NULL when there are none or more */
static const char *
dsn_digits(const char *p)
{
	int	n;

	for (n = 0; *p >= '0' && *p <= '9'; p++)
		if (++n > 3)
			return NULL;
	return n == 0 ? NULL : p;
}

/* mmhs_dsn_status_valid - an RFC 3463 status code, whole string */
int
mmhs_dsn_status_valid(const char *str)
{
	const char *p;

	if (str[0] != '2' && str[0] != '4' && str[0] != '5')
		return 0;
	if (str[1] != '.' || (p = dsn_digits(str + 2)) == NULL || *p != '.')
		return 0;
	return (p = dsn_digits(p + 1)) != NULL && *p == '\0';
}

/* dsn_hexval - value of a hex digit, -1 if none */
static int
dsn_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')	/* liberal: RFC 3461 says upper */
		return c - 'a' + 10;
	return -1;
}

/* mmhs_dsn_xtext_decode - undo RFC 3461 xtext */
ssize_t
mmhs_dsn_xtext_decode(const char *in, char *out, size_t outlen)
{
	size_t	n = 0;
	int	hi, lo;
	unsigned char c;

	for (; *in != '\0'; in++) {
		c = (unsigned char) *in;
		if (c == '+') {
			if ((hi = dsn_hexval(in[1])) < 0 ||
			    (lo = dsn_hexval(in[2])) < 0)
				return -1;
			c = (unsigned char) (hi * 16 + lo);
			in += 2;
		} else if (c < 33 || c > 126 || c == '=') {
			return -1;
		}
		if (n + 1 >= outlen)
			return -1;
		out[n++] = (char) c;
	}
	if (outlen == 0)
		return -1;
	out[n] = '\0';
	return (ssize_t) n;
}

/* ------------------------------------------------------------------ */
/* Output: buffered, CRLF lines of at most 998 octets, boundary check */

struct dsn_out {
	mmhs_msg_sink_fn o_fn;
	void   *o_ctx;
	char	o_buf[DSN_CHUNK];
	size_t	o_len;
	char	o_delim[2 + MMHS_MSG_BOUNDARY_MAX];	/* "--boundary" */
	size_t	o_dlen;
	size_t	o_col;		/* octets in the current line */
	size_t	o_match;	/* of them equal to the delimiter's */
	int	o_cr;		/* last input octet was a CR */
	int	o_failed;
	const char *o_err;
	unsigned long long o_octets;
};

/* dsn_out_flush - hand the buffer to the sink */
static int
dsn_out_flush(struct dsn_out *o)
{
	if (o->o_failed)
		return -1;
	if (o->o_len > 0 && o->o_fn(o->o_ctx, o->o_buf, o->o_len) != 0) {
		o->o_failed = 1;
		o->o_err = "the sink refused the data";
		return -1;
	}
	o->o_octets += o->o_len;
	o->o_len = 0;
	return 0;
}

/* dsn_out_byte - one octet into the buffer, unchanged */
static int
dsn_out_byte(struct dsn_out *o, char c)
{
	if (o->o_len == sizeof(o->o_buf) && dsn_out_flush(o) < 0)
		return -1;
	o->o_buf[o->o_len++] = c;
	return 0;
}

/* dsn_out_eol - end the current line */
static int
dsn_out_eol(struct dsn_out *o)
{
	o->o_col = 0;
	o->o_match = 0;
	if (dsn_out_byte(o, '\r') < 0)
		return -1;
	return dsn_out_byte(o, '\n');
}

/*
 * dsn_out_text - content octets: any line end becomes CRLF, a line
 * reaching 998 octets is broken, a line starting with the delimiter
 * fails the DSN (it would end the part early).
 */
static int
dsn_out_text(struct dsn_out *o, const char *buf, size_t len)
{
	size_t	i;
	char	c;

	for (i = 0; i < len; i++) {
		c = buf[i];
		if (c == '\n' && o->o_cr) {
			o->o_cr = 0;
			continue;
		}
		o->o_cr = c == '\r';
		if (c == '\r' || c == '\n') {
			if (dsn_out_eol(o) < 0)
				return -1;
			continue;
		}
		if (o->o_col == DSN_LINE_MAX && dsn_out_eol(o) < 0)
			return -1;
		if (o->o_match == o->o_col && o->o_col < o->o_dlen &&
		    c == o->o_delim[o->o_col] && ++o->o_match == o->o_dlen) {
			o->o_failed = 1;
			o->o_err = "the boundary occurs in the content";
			return -1;
		}
		o->o_col++;
		if (dsn_out_byte(o, c) < 0)
			return -1;
	}
	return 0;
}

/* dsn_out_sink - mmhs_msg writer sink into the content filter */
static int
dsn_out_sink(void *ctx, const char *buf, size_t len)
{
	return dsn_out_text(ctx, buf, len);
}

/* dsn_out_delim - end the current line, then a (close) delimiter */
static int
dsn_out_delim(struct dsn_out *o, int last)
{
	size_t	i;

	if (o->o_col > 0 && dsn_out_eol(o) < 0)
		return -1;
	if (dsn_out_eol(o) < 0)
		return -1;
	for (i = 0; i < o->o_dlen; i++)
		if (dsn_out_byte(o, o->o_delim[i]) < 0)
			return -1;
	if (last && (dsn_out_byte(o, '-') < 0 || dsn_out_byte(o, '-') < 0))
		return -1;
	o->o_cr = 0;
	return dsn_out_eol(o);
}

/* dsn_out_printf - formatted content, bounded by one line */
static int __attribute__((format(printf, 2, 3)))
dsn_out_printf(struct dsn_out *o, const char *fmt, ...)
{
	char	buf[2 * DSN_LINE_MAX];
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t) n >= sizeof(buf)) {
		o->o_failed = 1;
		o->o_err = "internal: a generated line is too long";
		return -1;
	}
	return dsn_out_text(o, buf, (size_t) n);
}

/* ------------------------------------------------------------------ */
/* Checking what the caller gave */

/* Which subject line and which third part. */
enum dsn_kind { DSN_KIND_FAILURE, DSN_KIND_DELAY, DSN_KIND_SUCCESS };

/* dsn_printable - 1 when s is 1..max octets within lo..126 */
static int
dsn_printable(const char *s, size_t max, int lo)
{
	size_t	n;

	if (s == NULL)
		return 0;
	for (n = 0; s[n] != '\0'; n++)
		if ((unsigned char) s[n] < lo || (unsigned char) s[n] > 126 ||
		    n >= max)
			return 0;
	return n > 0;
}

/* dsn_kind_of - the kind an action belongs to */
static enum dsn_kind
dsn_kind_of(enum mmhs_dsn_action a)
{
	if (a == MMHS_DSN_FAILED)
		return DSN_KIND_FAILURE;
	if (a == MMHS_DSN_DELAYED)
		return DSN_KIND_DELAY;
	return DSN_KIND_SUCCESS;
}

/* dsn_status_fits - the status class an action allows */
static int
dsn_status_fits(enum mmhs_dsn_action a, const char *status)
{
	switch (dsn_kind_of(a)) {
	case DSN_KIND_FAILURE:
		return status[0] == '4' || status[0] == '5';
	case DSN_KIND_DELAY:
		return status[0] == '4';
	default:
		return status[0] == '2';
	}
}

/*
 * dsn_orcpt - ORCPT "addr-type;xtext" to the Original-Recipient value:
 * decoded when that gives printable ASCII, else left as xtext.
 */
static int
dsn_orcpt(const char *orcpt, char *out, size_t outlen)
{
	char	dec[MMHS_DSN_ADDR_MAX + 1];
	const char *semi;
	size_t	tlen, i;

	if (!dsn_printable(orcpt, MMHS_DSN_ADDR_MAX + 1, 33) ||
	    (semi = strchr(orcpt, ';')) == NULL || semi == orcpt)
		return -1;
	tlen = (size_t) (semi - orcpt);
	for (i = 0; i < tlen; i++)
		if (!(orcpt[i] == '-' || (orcpt[i] >= '0' && orcpt[i] <= '9') ||
		    ((orcpt[i] | 0x20) >= 'a' && (orcpt[i] | 0x20) <= 'z')))
			return -1;
	if (mmhs_dsn_xtext_decode(semi + 1, dec, sizeof(dec)) <= 0)
		return -1;
	if (!dsn_printable(dec, sizeof(dec), 32))
		snprintf(out, outlen, "%s", orcpt);
	else
		snprintf(out, outlen, "%.*s;%s", (int) tlen, orcpt, dec);
	return 0;
}

/* dsn_check_rcpt - one recipient; its kind in *kind */
static int
dsn_check_rcpt(const struct mmhs_dsn_rcpt *r, size_t i,
	enum dsn_kind *kind, char *err, size_t errlen)
{
	char	tmp[MMHS_DSN_ADDR_MAX + 1];

	if (!dsn_printable(r->dr_final, MMHS_DSN_ADDR_MAX + 1, 32))
		return dsn_err(err, errlen, "recipient %zu: the address is "
		    "empty, longer than %d or not printable ASCII", i + 1,
		    MMHS_DSN_ADDR_MAX);
	if (mmhs_dsn_action_name(r->dr_action) == NULL)
		return dsn_err(err, errlen, "recipient %zu: bad action %d",
		    i + 1, (int) r->dr_action);
	if (r->dr_status == NULL || !mmhs_dsn_status_valid(r->dr_status) ||
	    !dsn_status_fits(r->dr_action, r->dr_status))
		return dsn_err(err, errlen, "recipient %zu: status \"%s\" is "
		    "not an RFC 3463 code for action %s", i + 1,
		    r->dr_status == NULL ? "" : r->dr_status,
		    mmhs_dsn_action_name(r->dr_action));
	if (r->dr_orcpt != NULL && dsn_orcpt(r->dr_orcpt, tmp,
	    sizeof(tmp)) < 0)
		return dsn_err(err, errlen, "recipient %zu: ORCPT is not "
		    "addr-type;xtext of at most %d octets", i + 1,
		    MMHS_DSN_ADDR_MAX);
	if (r->dr_remote_mta != NULL && !dsn_printable(r->dr_remote_mta,
	    MMHS_DSN_HOST_MAX + 1, 33))
		return dsn_err(err, errlen, "recipient %zu: bad remote MTA "
		    "name", i + 1);
	*kind = dsn_kind_of(r->dr_action);
	return 0;
}

/* dsn_boundary_ok - RFC 2046 bchars without space, 1..70 */
static int
dsn_boundary_ok(const char *b)
{
	size_t	i;

	for (i = 0; b[i] != '\0'; i++)
		if (i >= MMHS_MSG_BOUNDARY_MAX || !((b[i] >= '0' &&
		    b[i] <= '9') || ((b[i] | 0x20) >= 'a' &&
		    (b[i] | 0x20) <= 'z') || strchr("'()+_,-./:=?", b[i])))
			return 0;
	return i > 0;
}

/* dsn_msgid_ok - "<left@right>", printable, bounded */
static int
dsn_msgid_ok(const char *m)
{
	size_t	n;

	if (!dsn_printable(m, MMHS_DSN_MSGID_MAX + 1, 33))
		return 0;
	n = strlen(m);
	return n >= 5 && m[0] == '<' && m[n - 1] == '>' &&
	    strchr(m, '@') != NULL && strchr(m + 1, '<') == NULL &&
	    strchr(m, '>') == m + n - 1;
}

/* dsn_check - everything about dm that can be refused up front */
static int
dsn_check(const struct mmhs_dsn_msg *dm, enum dsn_kind *kind, char *err,
	size_t errlen)
{
	char	tmp[MMHS_DSN_ENVID_MAX + 1];
	enum dsn_kind k = DSN_KIND_FAILURE;
	size_t	i;

	if (dm->dm_return_path == NULL || dm->dm_return_path[0] == '\0' ||
	    strcmp(dm->dm_return_path, "<>") == 0)
		return dsn_err(err, errlen, "no DSN to the null return path");
	if (!dsn_printable(dm->dm_return_path, MMHS_DSN_ADDR_MAX + 1, 32))
		return dsn_err(err, errlen, "the return path is longer than "
		    "%d or not printable ASCII", MMHS_DSN_ADDR_MAX);
	if (!dsn_printable(dm->dm_reporting_mta, MMHS_DSN_HOST_MAX + 1, 33))
		return dsn_err(err, errlen, "bad reporting MTA host name");
	if (!dsn_printable(dm->dm_from, MMHS_DSN_FROM_MAX + 1, 32))
		return dsn_err(err, errlen, "the From: value is empty, longer "
		    "than %d or not printable ASCII", MMHS_DSN_FROM_MAX);
	if (dm->dm_envid != NULL && (strlen(dm->dm_envid) >
	    MMHS_DSN_ENVID_MAX || mmhs_dsn_xtext_decode(dm->dm_envid, tmp,
	    sizeof(tmp)) < 0))
		return dsn_err(err, errlen, "ENVID is not xtext of at most %d "
		    "octets", MMHS_DSN_ENVID_MAX);
	if (dm->dm_nrcpt == 0 || dm->dm_nrcpt > MMHS_DSN_RCPT_MAX ||
	    dm->dm_rcpt == NULL)
		return dsn_err(err, errlen, "%zu recipients: 1 to %d allowed",
		    dm->dm_nrcpt, MMHS_DSN_RCPT_MAX);
	for (i = 0; i < dm->dm_nrcpt; i++) {
		if (dsn_check_rcpt(dm->dm_rcpt + i, i, &k, err, errlen) < 0)
			return -1;
		if (i > 0 && k != *kind)
			return dsn_err(err, errlen, "recipient %zu: one DSN "
			    "cannot mix failures, delays and successes", i + 1);
		*kind = k;
	}
	if (dm->dm_boundary != NULL && !dsn_boundary_ok(dm->dm_boundary))
		return dsn_err(err, errlen, "bad boundary");
	if (dm->dm_message_id != NULL && !dsn_msgid_ok(dm->dm_message_id))
		return dsn_err(err, errlen, "bad Message-ID");
	return 0;
}

/* ------------------------------------------------------------------ */
/* Unique values and dates */

/* dsn_random_hex - 2 * n hex digits of kernel randomness into out */
static int
dsn_random_hex(char *out, size_t n)
{
	unsigned char rnd[32];
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
		out[2 * i] = dsn_hex[rnd[i] >> 4];
		out[2 * i + 1] = dsn_hex[rnd[i] & 15];
	}
	out[2 * n] = '\0';
	return 0;
}

/* dsn_date - RFC 5322 date-time in UTC, independent of the locale */
static void
dsn_date(time_t t, char *buf, size_t len)
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

/* ------------------------------------------------------------------ */
/* The original's header section */

struct dsn_gen {
	const struct mmhs_dsn_msg *g_dm;
	enum dsn_kind g_kind;
	int	g_full;			/* third part is message/rfc822 */
	struct dsn_out g_out;
	struct mmhs_msg_writer *g_w;
	mmhs_dsn_read_fn g_rd;
	void   *g_rdctx;
	char   *g_hbuf;			/* header section and what followed */
	size_t	g_hlen;			/* octets read into g_hbuf */
	size_t	g_hcut;			/* end of the header lines */
	int	g_eof;
	char	g_subject[MMHS_DSN_SUBJECT_MAX + 1];
	char	g_orig_id[MMHS_DSN_MSGID_MAX + 1];
	long	g_prec;			/* -1: none */
	char	g_msgid[MMHS_DSN_MSGID_MAX + 1];
	char	g_date[40];
};

/*
 * dsn_header_end - find the empty line ending the header section in
 * buf; *cut is where it starts.  Returns 1 when found.
 */
static int
dsn_header_end(const char *buf, size_t len, size_t *cut)
{
	size_t	ls = 0;
	const char *lf;

	while (ls < len && (lf = memchr(buf + ls, '\n', len - ls)) != NULL) {
		if ((size_t) (lf - buf) == ls || ((size_t) (lf - buf) == ls + 1
		    && buf[ls] == '\r')) {
			*cut = ls;
			return 1;
		}
		ls = (size_t) (lf - buf) + 1;
	}
	*cut = ls;		/* after the last complete line */
	return 0;
}

/* dsn_read_header - read until the header section ended or is too big */
static int
dsn_read_header(struct dsn_gen *g, char *err, size_t errlen)
{
	ssize_t	n;

	g->g_hbuf = mmhs_malloc(MMHS_MSG_HEADER_MAX + DSN_CHUNK);
	for (;;) {
		if (dsn_header_end(g->g_hbuf, g->g_hlen, &g->g_hcut))
			return 0;
		if (g->g_hlen >= MMHS_MSG_HEADER_MAX)
			return 0;	/* cut: copy what ends in a line end */
		n = g->g_rd(g->g_rdctx, g->g_hbuf + g->g_hlen, DSN_CHUNK);
		if (n < 0 || n > DSN_CHUNK)
			return dsn_err(err, errlen, "reading the original "
			    "message failed");
		if (n == 0) {
			g->g_eof = 1;
			g->g_hcut = g->g_hlen;	/* all header, maybe no LF */
			return 0;
		}
		g->g_hlen += (size_t) n;
	}
}

/*
 * dsn_clean - a copy safe for one header or text line: controls become
 * spaces, 8-bit octets '?', outer spaces go; too long: cut at a space.
 */
static void
dsn_clean(const char *in, char *out, size_t outlen)
{
	size_t	i, n, sp = 0;

	in += strspn(in, " \t\r\n");
	n = strlen(in);
	for (i = 0; i < n && i + 1 < outlen; i++) {
		out[i] = (unsigned char) in[i] < 32 ? ' ' :
		    (unsigned char) in[i] > 126 ? '?' : in[i];
		if (out[i] == ' ')
			sp = i;
	}
	if (i < n && sp > 0)
		i = sp;
	while (i > 0 && out[i - 1] == ' ')
		i--;
	out[i] = '\0';
}

/* dsn_header_field - keep the first Subject, Message-ID, precedence */
static int
dsn_header_field(void *ctx, const struct mmhs_msg_event *ev)
{
	struct dsn_gen *g = ctx;
	unsigned long num;

	if (ev->ev_type != MMHS_MSG_EV_HEADER)
		return ev->ev_type == MMHS_MSG_EV_HEADER_END;
	if (strcasecmp(ev->ev_name, "Subject") == 0 && g->g_subject[0] == 0)
		dsn_clean(ev->ev_value, g->g_subject, sizeof(g->g_subject));
	else if (strcasecmp(ev->ev_name, "Message-ID") == 0 &&
	    g->g_orig_id[0] == '\0' && dsn_msgid_ok(ev->ev_value))
		snprintf(g->g_orig_id, sizeof(g->g_orig_id), "%s",
		    ev->ev_value);
	else if (strcasecmp(ev->ev_name, "MMHS-Primary-Precedence") == 0 &&
	    g->g_prec < 0 && mmhs_precedence_parse_header_number(ev->ev_value,
	    &num, NULL, 0) == 0 && num <= DSN_PREC_MAX)
		g->g_prec = (long) num;
	return 0;
}

/* dsn_scan_header - the fields the DSN reuses; a broken header loses
 * the fields after the break, nothing more */
static void
dsn_scan_header(struct dsn_gen *g)
{
	struct mmhs_msg_limits lim;
	struct mmhs_msg_parser *mp;
	size_t	cut = g->g_hcut;

	memset(&lim, 0, sizeof(lim));
	lim.ml_headers_only = 1;
	mp = mmhs_msg_parser_new(&lim, dsn_header_field, g);
	if (mmhs_msg_feed(mp, g->g_hbuf, cut) == 0) {
		if (cut > 0 && g->g_hbuf[cut - 1] != '\n')
			(void) mmhs_msg_feed(mp, "\r\n", 2);
		(void) mmhs_msg_feed(mp, "\r\n", 2);
	}
	mmhs_msg_parser_free(mp);
}

/* ------------------------------------------------------------------ */
/* Part 1: what happened, in words */

/* RFC 3463 section 3: subject.detail in plain words. */
static const struct dsn_words {
	const char *w_code;
	const char *w_text;
} dsn_words[] = {
	{ "1.1", "the mailbox does not exist" },
	{ "1.2", "the destination system does not exist" },
	{ "1.3", "the recipient address is not valid" },
	{ "1.4", "the recipient address is ambiguous" },
	{ "1.6", "the mailbox has moved" },
	{ "1.7", "the sender address is not valid" },
	{ "1.8", "the sender's system is not valid" },
	{ "2.1", "the mailbox is disabled" },
	{ "2.2", "the mailbox is full" },
	{ "2.3", "the message is larger than the mailbox accepts" },
	{ "2.4", "a distribution list could not be expanded" },
	{ "3.1", "the receiving mail system is full" },
	{ "3.2", "the receiving system does not accept messages now" },
	{ "3.3", "the receiving system lacks a feature the message needs" },
	{ "3.4", "the message is too big for the receiving system" },
	{ "3.5", "the receiving system is misconfigured" },
	{ "4.1", "the receiving system did not answer" },
	{ "4.2", "the connection broke" },
	{ "4.3", "a directory or name server failed" },
	{ "4.4", "there is no route to the destination" },
	{ "4.5", "the mail system is congested" },
	{ "4.6", "the message was in a routing loop" },
	{ "4.7", "the delivery time limit expired" },
	{ "5.1", "the receiving system refused a command" },
	{ "5.2", "the receiving system reported a syntax error" },
	{ "5.3", "the message had too many recipients" },
	{ "5.4", "the receiving system refused a parameter" },
	{ "5.5", "of a protocol version mismatch" },
	{ "6.1", "the receiving system does not support this content" },
	{ "6.2", "the content needed a conversion that is prohibited" },
	{ "6.3", "the content needed a conversion that is not possible" },
	{ "6.5", "converting the content failed" },
	{ "7.1", "delivery was not authorized" },
	{ "7.2", "expanding the distribution list was not permitted" },
	{ "7.3", "a security conversion was required but not possible" },
	{ "7.4", "the security features are not supported" },
	{ "7.5", "a cryptographic operation failed" },
	{ "7.6", "the cryptographic algorithm is not supported" },
	{ "7.7", "the message failed its integrity check" },
};

/* RFC 3463 section 3: subject alone. */
static const char *const dsn_subjects[] = {
	"of an unspecified error", "of an addressing problem",
	"of a mailbox problem", "of a mail system problem",
	"of a network or routing problem", "of a mail protocol problem",
	"of a content problem", "of a security or policy problem"
};

/* dsn_why - plain words for a status code */
static const char *
dsn_why(const char *status)
{
	const char *sd = status + 2;	/* "subject.detail" */
	size_t	i;

	for (i = 0; i < sizeof(dsn_words) / sizeof(dsn_words[0]); i++)
		if (strcmp(sd, dsn_words[i].w_code) == 0)
			return dsn_words[i].w_text;
	if (sd[0] >= '0' && sd[0] <= '7' && sd[1] == '.')
		return dsn_subjects[sd[0] - '0'];
	return dsn_subjects[0];
}

/* dsn_wrap - text as words wrapped at DSN_WRAP, every line indented */
static int
dsn_wrap(struct dsn_out *o, const char *text, int indent)
{
	size_t	w;

	for (;;) {
		text += strspn(text, " ");
		if (*text == '\0')
			break;
		w = strcspn(text, " ");
		if (o->o_col > (size_t) indent && o->o_col + 1 + w > DSN_WRAP &&
		    dsn_out_eol(o) < 0)
			return -1;
		if (dsn_out_printf(o, "%*s%.*s", o->o_col == 0 ? indent : 1,
		    "", (int) w, text) < 0)
			return -1;
		text += w;
	}
	return o->o_col > 0 ? dsn_out_eol(o) : 0;
}

/* dsn_text_rcpt - one recipient's paragraph */
static int
dsn_text_rcpt(struct dsn_out *o, const struct mmhs_dsn_rcpt *r)
{
	char	buf[3 * MMHS_DSN_HOST_MAX + MMHS_DSN_ADDR_MAX];
	char	diag[MMHS_DSN_DIAG_MAX + 1], date[40];
	const char *who = r->dr_final, *st = r->dr_status;
	const char *mta = r->dr_remote_mta;

	switch (r->dr_action) {
	case MMHS_DSN_FAILED:
		snprintf(buf, sizeof(buf), "<%s>: not delivered, because %s "
		    "(status %s).", who, dsn_why(st), st);
		break;
	case MMHS_DSN_DELAYED:
		dsn_date(r->dr_retry_until, date, sizeof(date));
		snprintf(buf, sizeof(buf), "<%s>: not delivered yet, because "
		    "%s (status %s).  The mail system will keep trying%s%s.",
		    who, dsn_why(st), st, r->dr_retry_until ? " until " : "",
		    r->dr_retry_until ? date : "");
		break;
	case MMHS_DSN_RELAYED:
		snprintf(buf, sizeof(buf), "<%s>: passed on to %s, which "
		    "sends no delivery notifications (status %s).", who,
		    mta != NULL ? mta : "a mail system", st);
		break;
	case MMHS_DSN_EXPANDED:
		snprintf(buf, sizeof(buf), "<%s>: delivered to a distribution "
		    "list, which passed it on to its members (status %s).",
		    who, st);
		break;
	default:
		snprintf(buf, sizeof(buf), "<%s>: delivered (status %s).",
		    who, st);
		break;
	}
	if (dsn_wrap(o, buf, 0) < 0)
		return -1;
	if (r->dr_diag != NULL) {
		dsn_clean(r->dr_diag, diag, sizeof(diag));
		snprintf(buf, sizeof(buf), "%s said: %s", mta != NULL ? mta :
		    "The other mail system", diag);
		if (dsn_wrap(o, buf, 4) < 0)
			return -1;
	}
	return 0;
}

/* dsn_text - part 1 */
static int
dsn_text(struct dsn_gen *g)
{
	const struct mmhs_dsn_msg *dm = g->g_dm;
	struct dsn_out *o = &g->g_out;
	char	buf[MMHS_DSN_HOST_MAX + 3 * MMHS_DSN_SUBJECT_MAX];
	char	subj[MMHS_DSN_SUBJECT_MAX + 8] = "";
	const char *s = dm->dm_nrcpt > 1 ? "s" : "";
	size_t	i;

	if (g->g_subject[0] != '\0')
		snprintf(subj, sizeof(subj), " \"%s\"", g->g_subject);
	snprintf(buf, sizeof(buf), "This is the mail system at host %s.",
	    dm->dm_reporting_mta);
	if (dsn_wrap(o, buf, 0) < 0 || dsn_out_eol(o) < 0)
		return -1;
	if (g->g_kind == DSN_KIND_FAILURE)
		snprintf(buf, sizeof(buf), "Your message%s could not be "
		    "delivered to the recipient%s below.  %s is attached.",
		    subj, s, g->g_full ? "The message" : "Its header section");
	else if (g->g_kind == DSN_KIND_DELAY)
		snprintf(buf, sizeof(buf), "Your message%s has not yet been "
		    "delivered to the recipient%s below.  You need not send it "
		    "again.  Its header section is attached.", subj, s);
	else
		snprintf(buf, sizeof(buf), "Your message%s has reached the "
		    "recipient%s below, as you asked to be told.  Its header "
		    "section is attached.", subj, s);
	if (dsn_wrap(o, buf, 0) < 0 || dsn_out_eol(o) < 0)
		return -1;
	for (i = 0; i < dm->dm_nrcpt; i++)
		if ((i > 0 && dsn_out_eol(o) < 0) ||
		    dsn_text_rcpt(o, dm->dm_rcpt + i) < 0)
			return -1;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Part 2: message/delivery-status */

/* dsn_field - one field, folded by the writer; skipped when v is NULL */
static int
dsn_field(struct dsn_gen *g, const char *name, const char *v)
{
	if (v == NULL)
		return 0;
	return mmhs_msg_write_header(g->g_w, name, v);
}

/* dsn_field_date - a date field; skipped when t is 0 */
static int
dsn_field_date(struct dsn_gen *g, const char *name, time_t t)
{
	char	date[40];

	if (t == 0)
		return 0;
	dsn_date(t, date, sizeof(date));
	return dsn_field(g, name, date);
}

/* dsn_status_rcpt - one recipient's group of fields */
static int
dsn_status_rcpt(struct dsn_gen *g, const struct mmhs_dsn_rcpt *r)
{
	char	buf[MMHS_DSN_ADDR_MAX + MMHS_DSN_DIAG_MAX + 16];
	char	diag[MMHS_DSN_DIAG_MAX + 1];

	if (dsn_out_eol(&g->g_out) < 0)
		return -1;
	if (r->dr_orcpt != NULL) {
		(void) dsn_orcpt(r->dr_orcpt, buf, sizeof(buf));
		if (dsn_field(g, "Original-Recipient", buf) < 0)
			return -1;
	}
	snprintf(buf, sizeof(buf), "rfc822;%s", r->dr_final);
	if (dsn_field(g, "Final-Recipient", buf) < 0 ||
	    dsn_field(g, "Action", mmhs_dsn_action_name(r->dr_action)) < 0 ||
	    dsn_field(g, "Status", r->dr_status) < 0)
		return -1;
	if (r->dr_remote_mta != NULL) {
		snprintf(buf, sizeof(buf), "dns; %s", r->dr_remote_mta);
		if (dsn_field(g, "Remote-MTA", buf) < 0)
			return -1;
	}
	if (r->dr_diag != NULL) {
		dsn_clean(r->dr_diag, diag, sizeof(diag));
		snprintf(buf, sizeof(buf), "smtp; %s", diag);
		if (dsn_field(g, "Diagnostic-Code", buf) < 0)
			return -1;
	}
	if (dsn_field_date(g, "Last-Attempt-Date", r->dr_last_attempt) < 0)
		return -1;
	if (r->dr_action == MMHS_DSN_DELAYED &&
	    dsn_field_date(g, "Will-Retry-Until", r->dr_retry_until) < 0)
		return -1;
	return 0;
}

/* dsn_status - part 2 */
static int
dsn_status(struct dsn_gen *g)
{
	const struct mmhs_dsn_msg *dm = g->g_dm;
	char	buf[MMHS_DSN_HOST_MAX + 16], envid[MMHS_DSN_ENVID_MAX + 1];
	size_t	i;

	snprintf(buf, sizeof(buf), "dns; %s", dm->dm_reporting_mta);
	if (dsn_field(g, "Reporting-MTA", buf) < 0)
		return -1;
	if (dm->dm_envid != NULL) {
		if (mmhs_dsn_xtext_decode(dm->dm_envid, envid,
		    sizeof(envid)) < 0 || !dsn_printable(envid, sizeof(envid),
		    32))
			snprintf(envid, sizeof(envid), "%s", dm->dm_envid);
		if (dsn_field(g, "Original-Envelope-Id", envid) < 0)
			return -1;
	}
	if (dsn_field_date(g, "Arrival-Date", dm->dm_arrival) < 0)
		return -1;
	for (i = 0; i < dm->dm_nrcpt; i++)
		if (dsn_status_rcpt(g, dm->dm_rcpt + i) < 0)
			return -1;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Part 3 and the whole */

/* dsn_original - part 3: the header section, or all of the original */
static int
dsn_original(struct dsn_gen *g, char *err, size_t errlen)
{
	struct dsn_out *o = &g->g_out;
	ssize_t	n;

	if (!g->g_full)
		return dsn_out_text(o, g->g_hbuf, g->g_hcut);
	if (dsn_out_text(o, g->g_hbuf, g->g_hlen) < 0)
		return -1;
	while (!g->g_eof) {
		n = g->g_rd(g->g_rdctx, g->g_hbuf, DSN_CHUNK);
		if (n < 0 || n > DSN_CHUNK)
			return dsn_err(err, errlen, "reading the original "
			    "message failed");
		if (n == 0)
			g->g_eof = 1;
		else if (dsn_out_text(o, g->g_hbuf, (size_t) n) < 0)
			return -1;
	}
	return 0;
}

/* dsn_part - a delimiter and a part's header section */
static int
dsn_part(struct dsn_gen *g, const char *ctype, const char *cte,
	const char *desc)
{
	if (dsn_out_delim(&g->g_out, 0) < 0 ||
	    dsn_field(g, "Content-Type", ctype) < 0 ||
	    dsn_field(g, "Content-Transfer-Encoding", cte) < 0 ||
	    dsn_field(g, "Content-Description", desc) < 0)
		return -1;
	return dsn_out_eol(&g->g_out);
}

/* dsn_top - the DSN's own header section */
static int
dsn_top(struct dsn_gen *g)
{
	static const char *const what[] = {
		"Delivery failure", "Delivery delayed", "Delivered"
	};
	const struct mmhs_dsn_msg *dm = g->g_dm;
	char	buf[MMHS_DSN_SUBJECT_MAX + 2 * MMHS_MSG_BOUNDARY_MAX];
	char	prec[MMHS_PREC_HEADER_LEN];
	const char *id = g->g_orig_id[0] != '\0' ? g->g_orig_id : NULL;

	snprintf(buf, sizeof(buf), "%s: %s", what[g->g_kind],
	    g->g_subject[0] != '\0' ? g->g_subject : "(no subject)");
	if (dsn_field(g, "From", dm->dm_from) < 0 ||
	    dsn_field(g, "To", dm->dm_return_path) < 0 ||
	    dsn_field(g, "Subject", buf) < 0 ||
	    dsn_field(g, "Date", g->g_date) < 0 ||
	    dsn_field(g, "Message-ID", g->g_msgid) < 0 ||
	    dsn_field(g, "In-Reply-To", id) < 0 ||
	    dsn_field(g, "References", id) < 0 ||
	    dsn_field(g, "Auto-Submitted", "auto-replied") < 0)
		return -1;
	if (g->g_prec >= 0) {
		if (!mmhs_precedence_valid((int) g->g_prec) ||
		    mmhs_precedence_format_header((enum mmhs_precedence)
		    g->g_prec, prec, sizeof(prec)) < 0)
			snprintf(prec, sizeof(prec), "%ld", g->g_prec);
		if (dsn_field(g, "MMHS-Primary-Precedence", prec) < 0)
			return -1;
	}
	snprintf(buf, sizeof(buf), "multipart/report; "
	    "report-type=delivery-status; boundary=\"%s\"",
	    g->g_out.o_delim + 2);
	if (dsn_field(g, "MIME-Version", "1.0") < 0 ||
	    dsn_field(g, "Content-Type", buf) < 0 || dsn_out_eol(&g->g_out) < 0)
		return -1;
	return dsn_out_printf(&g->g_out, "This is a MIME-encapsulated "
	    "delivery status notification.\r\n");
}

/* dsn_unique - the Date, Message-ID and boundary, injected or made */
static int
dsn_unique(struct dsn_gen *g, char *err, size_t errlen)
{
	const struct mmhs_dsn_msg *dm = g->g_dm;
	struct dsn_out *o = &g->g_out;
	char	rnd[2 * 16 + 1];

	dsn_date(dm->dm_now != 0 ? dm->dm_now : time(NULL), g->g_date,
	    sizeof(g->g_date));
	memcpy(o->o_delim, "--", 2);
	if (dm->dm_boundary != NULL) {
		o->o_dlen = 2 + strlen(dm->dm_boundary);
		memcpy(o->o_delim + 2, dm->dm_boundary, o->o_dlen - 2);
	} else {
		/* "=_" cannot occur in quoted-printable or base64 text */
		if (dsn_random_hex(rnd, 16) < 0)
			return dsn_err(err, errlen, "no random numbers: %s",
			    strerror(errno));
		o->o_dlen = (size_t) snprintf(o->o_delim, sizeof(o->o_delim),
		    "--=_dsn_%s", rnd);
	}
	if (dm->dm_message_id != NULL) {
		snprintf(g->g_msgid, sizeof(g->g_msgid), "%s",
		    dm->dm_message_id);
		return 0;
	}
	if (dsn_random_hex(rnd, 12) < 0)
		return dsn_err(err, errlen, "no random numbers: %s",
		    strerror(errno));
	snprintf(g->g_msgid, sizeof(g->g_msgid), "<%lld.%s.dsn@%s>",
	    (long long) (dm->dm_now != 0 ? dm->dm_now : time(NULL)), rnd,
	    dm->dm_reporting_mta);
	return 0;
}

/* dsn_body - everything after the checks */
static int
dsn_body(struct dsn_gen *g, char *err, size_t errlen)
{
	static const char *const desc[] = {
		"Undelivered message", "Delayed message headers",
		"Delivered message headers"
	};
	const char *cte = g->g_dm->dm_8bit ? "8bit" : NULL;

	if (dsn_unique(g, err, errlen) < 0 ||
	    dsn_read_header(g, err, errlen) < 0)
		return -1;
	dsn_scan_header(g);
	if (dsn_top(g) < 0 ||
	    dsn_part(g, "text/plain; charset=us-ascii", NULL,
	    "Notification") < 0 || dsn_text(g) < 0 ||
	    dsn_part(g, "message/delivery-status", NULL,
	    "Delivery report") < 0 || dsn_status(g) < 0 ||
	    dsn_part(g, g->g_full ? "message/rfc822" : "text/rfc822-headers",
	    cte, g->g_full ? desc[0] : desc[g->g_kind]) < 0 ||
	    dsn_original(g, err, errlen) < 0 ||
	    dsn_out_delim(&g->g_out, 1) < 0 || dsn_out_flush(&g->g_out) < 0)
		return -1;
	return 0;
}

/* mmhs_dsn_write - one DSN from a reader to a sink */
int
mmhs_dsn_write(const struct mmhs_dsn_msg *dm, mmhs_dsn_read_fn rd,
	void *rdctx, mmhs_msg_sink_fn sink, void *sinkctx,
	struct mmhs_dsn_result *res, char *err, size_t errlen)
{
	struct dsn_gen *g;
	int	rc;

	if (err != NULL && errlen > 0)
		err[0] = '\0';
	g = mmhs_calloc(1, sizeof(*g));
	if (dsn_check(dm, &g->g_kind, err, errlen) < 0) {
		mmhs_free(g);
		return -1;
	}
	g->g_dm = dm;
	g->g_full = g->g_kind == DSN_KIND_FAILURE &&
	    dm->dm_ret != MMHS_DSN_RET_HDRS;
	g->g_rd = rd;
	g->g_rdctx = rdctx;
	g->g_prec = -1;
	g->g_out.o_fn = sink;
	g->g_out.o_ctx = sinkctx;
	g->g_w = mmhs_msg_writer_new(dsn_out_sink, &g->g_out);
	rc = dsn_body(g, err, errlen);
	if (rc < 0 && (err == NULL || errlen == 0 || err[0] == '\0'))
		(void) dsn_err(err, errlen, "%s", g->g_out.o_err != NULL ?
		    g->g_out.o_err : mmhs_msg_writer_error(g->g_w));
	if (rc == 0 && res != NULL) {
		snprintf(res->dw_message_id, sizeof(res->dw_message_id), "%s",
		    g->g_msgid);
		res->dw_precedence = (int) g->g_prec;
		res->dw_octets = g->g_out.o_octets;
	}
	mmhs_msg_writer_free(g->g_w);
	mmhs_free(g->g_hbuf);
	mmhs_free(g);
	return rc;
}

struct dsn_membuf {
	const char *mb_buf;
	size_t	mb_left;
};

/* dsn_mem_read - reader over a buffer */
static ssize_t
dsn_mem_read(void *ctx, char *buf, size_t len)
{
	struct dsn_membuf *mb = ctx;

	if (len > mb->mb_left)
		len = mb->mb_left;
	memcpy(buf, mb->mb_buf, len);
	mb->mb_buf += len;
	mb->mb_left -= len;
	return (ssize_t) len;
}

/* mmhs_dsn_write_buf - one DSN with the original in memory */
int
mmhs_dsn_write_buf(const struct mmhs_dsn_msg *dm, const char *orig,
	size_t origlen, mmhs_msg_sink_fn sink, void *sinkctx,
	struct mmhs_dsn_result *res, char *err, size_t errlen)
{
	struct dsn_membuf mb;

	mb.mb_buf = orig;
	mb.mb_left = origlen;
	return mmhs_dsn_write(dm, dsn_mem_read, &mb, sink, sinkctx, res, err,
	    errlen);
}

/* ------------------------------------------------------------------ */
/* Reading a message/delivery-status body */

/* Fields seen in the current block. */
#define DSN_SEEN_FINAL	0x01
#define DSN_SEEN_ORIG	0x02
#define DSN_SEEN_ACTION	0x04
#define DSN_SEEN_STATUS	0x08
#define DSN_SEEN_DIAG	0x10
#define DSN_SEEN_MTA	0x20
#define DSN_SEEN_ENVID	0x40

struct dsn_parse {
	struct mmhs_dsn_report *p_rep;
	unsigned long p_line;
	unsigned p_block;		/* 0: per-message, then recipients */
	int	p_inblock;
	size_t	p_blocklen;
	unsigned p_seen;
	struct mmhs_dsn_status p_cur;
	char	p_name[64];		/* current field, "" when none */
	char   *p_val;
	size_t	p_vlen;
	char   *p_err;
	size_t	p_errlen;
};

/* dsn_p_err - "line N: what" */
static int __attribute__((format(printf, 2, 3)))
dsn_p_err(struct dsn_parse *p, const char *fmt, ...)
{
	char	what[200];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	return dsn_err(p->p_err, p->p_errlen, "line %lu: %s", p->p_line,
	    what);
}

/* dsn_p_copy - v into a member of size len, refused when too long */
static int
dsn_p_copy(struct dsn_parse *p, const char *v, size_t vlen, char *dst,
	size_t len)
{
	if (vlen >= len)
		return dsn_p_err(p, "%s longer than %zu", p->p_name, len - 1);
	memcpy(dst, v, vlen);
	dst[vlen] = '\0';
	return 0;
}

/* dsn_p_typed - "type ; value" as "type;value" */
static int
dsn_p_typed(struct dsn_parse *p, const char *v, size_t vlen, char *dst,
	size_t len)
{
	const char *semi = memchr(v, ';', vlen);
	size_t	tlen, rest;

	if (semi == NULL || semi == v)
		return dsn_p_err(p, "%s has no type;value", p->p_name);
	for (tlen = (size_t) (semi - v); tlen > 0 && (v[tlen - 1] == ' ' ||
	    v[tlen - 1] == '\t'); tlen--)
		;
	for (semi++; semi < v + vlen && (*semi == ' ' || *semi == '\t');
	    semi++)
		;
	rest = vlen - (size_t) (semi - v);
	if (tlen == 0 || rest == 0)
		return dsn_p_err(p, "%s has no type;value", p->p_name);
	if (tlen + 1 + rest >= len)
		return dsn_p_err(p, "%s longer than %zu", p->p_name, len - 1);
	memcpy(dst, v, tlen);
	dst[tlen] = ';';
	memcpy(dst + tlen + 1, semi, rest);
	dst[tlen + 1 + rest] = '\0';
	return 0;
}

/* dsn_p_token - the first word, before white space or a comment */
static size_t
dsn_p_token(const char *v, size_t vlen)
{
	size_t	n;

	for (n = 0; n < vlen && v[n] != ' ' && v[n] != '\t' && v[n] != '(';
	    n++)
		;
	return n;
}

/* dsn_p_once - note a field; a second one in the block is refused */
static int
dsn_p_once(struct dsn_parse *p, unsigned bit)
{
	if (p->p_seen & bit)
		return dsn_p_err(p, "%s twice in one block", p->p_name);
	p->p_seen |= bit;
	return 0;
}

/* dsn_p_rcpt_field - a field of a per-recipient block */
static int
dsn_p_rcpt_field(struct dsn_parse *p, const char *v, size_t vlen)
{
	struct mmhs_dsn_status *c = &p->p_cur;
	char	tok[MMHS_DSN_STATUS_MAX];
	size_t	n = dsn_p_token(v, vlen);

	if (strcasecmp(p->p_name, "Final-Recipient") == 0)
		return dsn_p_once(p, DSN_SEEN_FINAL) < 0 ? -1 :
		    dsn_p_typed(p, v, vlen, c->ds_final, sizeof(c->ds_final));
	if (strcasecmp(p->p_name, "Original-Recipient") == 0)
		return dsn_p_once(p, DSN_SEEN_ORIG) < 0 ? -1 :
		    dsn_p_typed(p, v, vlen, c->ds_orig, sizeof(c->ds_orig));
	if (strcasecmp(p->p_name, "Diagnostic-Code") == 0)
		return dsn_p_once(p, DSN_SEEN_DIAG) < 0 ? -1 :
		    dsn_p_copy(p, v, vlen, c->ds_diag, sizeof(c->ds_diag));
	if (strcasecmp(p->p_name, "Status") == 0) {
		if (dsn_p_once(p, DSN_SEEN_STATUS) < 0 ||
		    dsn_p_copy(p, v, n, tok, sizeof(tok)) < 0)
			return -1;
		if (!mmhs_dsn_status_valid(tok))
			return dsn_p_err(p, "Status \"%s\" is not x.y.z", tok);
		memcpy(c->ds_status, tok, sizeof(tok));
		return 0;
	}
	if (strcasecmp(p->p_name, "Action") == 0) {
		if (dsn_p_once(p, DSN_SEEN_ACTION) < 0 ||
		    dsn_p_copy(p, v, n, tok, sizeof(tok)) < 0)
			return -1;
		if (mmhs_dsn_action_from_name(tok, &c->ds_action) < 0)
			return dsn_p_err(p, "unknown Action \"%s\"", tok);
		return 0;
	}
	return 0;
}

/* dsn_p_field - the complete current field, unfolded */
static int
dsn_p_field(struct dsn_parse *p)
{
	struct mmhs_dsn_report *rep = p->p_rep;
	const char *v = p->p_val;
	size_t	vlen = p->p_vlen;

	if (p->p_name[0] == '\0')
		return 0;
	while (vlen > 0 && (*v == ' ' || *v == '\t'))
		v++, vlen--;
	while (vlen > 0 && (v[vlen - 1] == ' ' || v[vlen - 1] == '\t'))
		vlen--;
	if (p->p_block > 0)
		return dsn_p_rcpt_field(p, v, vlen);
	if (strcasecmp(p->p_name, "Reporting-MTA") == 0)
		return dsn_p_once(p, DSN_SEEN_MTA) < 0 ? -1 :
		    dsn_p_typed(p, v, vlen, rep->rp_reporting_mta,
		    sizeof(rep->rp_reporting_mta));
	if (strcasecmp(p->p_name, "Original-Envelope-Id") == 0)
		return dsn_p_once(p, DSN_SEEN_ENVID) < 0 ? -1 :
		    dsn_p_copy(p, v, vlen, rep->rp_envid,
		    sizeof(rep->rp_envid));
	return 0;
}

/* dsn_p_block_end - check and keep the block that just ended */
static int
dsn_p_block_end(struct dsn_parse *p)
{
	struct mmhs_dsn_report *rep = p->p_rep;
	const unsigned need = DSN_SEEN_FINAL | DSN_SEEN_ACTION |
	    DSN_SEEN_STATUS;

	if (dsn_p_field(p) < 0)
		return -1;
	p->p_name[0] = '\0';
	if (!p->p_inblock)
		return 0;
	if (p->p_block == 0 && !(p->p_seen & DSN_SEEN_MTA))
		return dsn_p_err(p, "no Reporting-MTA in the per-message "
		    "fields");
	if (p->p_block > 0) {
		if ((p->p_seen & need) != need)
			return dsn_p_err(p, "recipient %u lacks Final-Recipient"
			    ", Action or Status", p->p_block);
		if (rep->rp_nrcpt >= MMHS_DSN_RCPT_MAX)
			return dsn_p_err(p, "more than %d recipients",
			    MMHS_DSN_RCPT_MAX);
		rep->rp_rcpt = mmhs_realloc(rep->rp_rcpt,
		    (rep->rp_nrcpt + 1) * sizeof(*rep->rp_rcpt));
		rep->rp_rcpt[rep->rp_nrcpt++] = p->p_cur;
	}
	memset(&p->p_cur, 0, sizeof(p->p_cur));
	p->p_block++;
	p->p_inblock = 0;
	p->p_blocklen = 0;
	p->p_seen = 0;
	return 0;
}

/* dsn_p_line - one line, without its line end */
static int
dsn_p_line(struct dsn_parse *p, const char *s, size_t n)
{
	const char *colon;
	size_t	i;

	if (memchr(s, '\0', n) != NULL)
		return dsn_p_err(p, "NUL octet");
	for (i = 0; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
		;
	if (i == n)		/* empty: the block ends */
		return dsn_p_block_end(p);
	if ((p->p_blocklen += n + 2) > MMHS_MSG_HEADER_MAX)
		return dsn_p_err(p, "block longer than %d octets",
		    MMHS_MSG_HEADER_MAX);
	if (s[0] == ' ' || s[0] == '\t') {
		if (p->p_name[0] == '\0')
			return dsn_p_err(p, "continuation line without a "
			    "field");
		memcpy(p->p_val + p->p_vlen, s, n);
		p->p_vlen += n;
		return 0;
	}
	if (dsn_p_field(p) < 0)
		return -1;
	colon = memchr(s, ':', n);
	for (i = 0; colon != NULL && s + i < colon; i++)
		if ((unsigned char) s[i] < 33 || (unsigned char) s[i] > 126)
			break;
	if (colon == NULL || i == 0 || s + i < colon ||
	    i >= sizeof(p->p_name))
		return dsn_p_err(p, "not a field");
	memcpy(p->p_name, s, i);
	p->p_name[i] = '\0';
	p->p_vlen = n - i - 1;
	memcpy(p->p_val, colon + 1, p->p_vlen);
	p->p_inblock = 1;
	return 0;
}

/* mmhs_dsn_parse_status - per-message and per-recipient fields */
int
mmhs_dsn_parse_status(const char *buf, size_t len,
	struct mmhs_dsn_report *rep, char *err, size_t errlen)
{
	struct dsn_parse p;
	const char *s = buf, *end = buf + len, *lf;
	size_t	n;
	int	rc = 0;

	memset(rep, 0, sizeof(*rep));
	memset(&p, 0, sizeof(p));
	p.p_rep = rep;
	p.p_err = err;
	p.p_errlen = errlen;
	p.p_val = mmhs_malloc(MMHS_MSG_HEADER_MAX);
	while (rc == 0 && s < end) {
		p.p_line++;
		lf = memchr(s, '\n', (size_t) (end - s));
		n = (size_t) ((lf != NULL ? lf : end) - s);
		rc = dsn_p_line(&p, s, n > 0 && s[n - 1] == '\r' ? n - 1 : n);
		s += n + (lf != NULL);
	}
	if (rc == 0)
		rc = dsn_p_block_end(&p);
	if (rc == 0 && rep->rp_nrcpt == 0)
		rc = dsn_p_err(&p, "no per-recipient fields");
	mmhs_free(p.p_val);
	if (rc < 0)
		mmhs_dsn_report_free(rep);
	return rc;
}

/* mmhs_dsn_report_free - the recipients; rep itself is the caller's */
void
mmhs_dsn_report_free(struct mmhs_dsn_report *rep)
{
	mmhs_free(rep->rp_rcpt);
	memset(rep, 0, sizeof(*rep));
}
