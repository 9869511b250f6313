/* mmhs_msg.c - streaming RFC 5322 / MIME message parser
 *
 * Purpose: read a message as it arrives (over SMTP, from a queue file)
 * in chunks of any size and report its structure as events: header
 * fields with their unfolded values, the end of each header section,
 * MIME multipart delimiters and body parts, and body octets.  The body
 * is never held: body octets are passed on from the caller's buffer.
 * The writer (mmhs_msg_writer_*, at the end) passes octets through
 * unchanged and writes new header fields folded at 78 characters.
 *
 * Interface: see mmhs_msg.h.
 *
 * Error behaviour: a broken bound or MIME structure makes feed() or
 * finish() return -1 with "line N: what" in mmhs_msg_error(); the
 * parser then refuses more input.  Memory: one line buffer (the line
 * bound plus 2), one header field (bounded by the header section
 * size), and one level per open multipart (bounded by the depth).
 *
 * Facts this rests on:
 *	RFC 5322 2.1.1  lines at most 998 characters plus CRLF.
 *	RFC 5322 2.2.3  unfolding removes each CRLF that is followed
 *			by WSP; a field is "name:" then the body.
 *	RFC 5322 3.6.8  field-name = 1*ftext, ftext = %d33-57 / %d59-126.
 *	RFC 2046 5.1.1  delimiter = CRLF "--" boundary, the CRLF belongs
 *			to the delimiter; close delimiter adds "--";
 *			transport padding (LWSP) may follow; boundary is
 *			1*70 bchars and does not end in a space.  The
 *			first delimiter may open the body with no CRLF.
 *	RFC 2046 5.1.5  in multipart/digest the default part type is
 *			message/rfc822; elsewhere text/plain (RFC 2045 5.2).
 * Lines end at LF; a CR before it belongs to the line end, so mail
 * from Unix files (bare LF) is read too.  message/rfc822 parts are
 * leaves: their inner structure is not parsed here.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "mmhs_ascii.h"
#include "mmhs_text.h"
#include "mmhs_alloc.h"
#include "mmhs_msg.h"

/* Where an open multipart is. */
enum mp_where { MP_PREAMBLE, MP_INPART, MP_EPILOGUE };

struct mp_level {
	char	lv_boundary[MMHS_MSG_BOUNDARY_MAX + 1];
	size_t	lv_blen;
	unsigned lv_depth;		/* depth of the multipart entity */
	unsigned lv_parts;		/* parts begun */
	int	lv_digest;		/* multipart/digest */
	enum mp_where lv_where;
};

enum mp_state { MP_HEADER, MP_BODY, MP_RAWBODY, MP_FAILED, MP_ENDED };

struct mmhs_msg_parser {
	struct mmhs_msg_limits mp_lim;
	mmhs_msg_event_fn mp_fn;
	void   *mp_ctx;
	enum mp_state mp_state;
	unsigned mp_depth;		/* entity being read */
	struct mp_level *mp_stack;
	unsigned mp_nstack;
	/* line assembly: 2 octets of room in front for a held line end */
	char   *mp_linebuf;
	size_t	mp_linelen;
	int	mp_midline;		/* body line already passed on */
	size_t	mp_midlen;
	int	mp_cr;			/* its last octet, a CR, kept back */
	/* the line end of the last body line, maybe a delimiter's */
	char	mp_held[2];
	size_t	mp_heldlen;
	const char *mp_heldptr;		/* in the current chunk, or NULL */
	/* body octets not yet reported, in the current chunk */
	const char *mp_run;
	size_t	mp_runlen;
	/* header section */
	char   *mp_field;		/* raw octets of the pending field */
	size_t	mp_fieldlen;
	size_t	mp_fieldcap;
	char   *mp_work;		/* name NUL value NUL */
	size_t	mp_workcap;
	unsigned long mp_fieldline;
	size_t	mp_hdrbytes;
	unsigned mp_nfields;
	int	mp_have_ctype;
	char	mp_ctype[MMHS_MSG_CTYPE_MAX];
	char	mp_cboundary[MMHS_MSG_BOUNDARY_MAX + 1];
	char   *mp_scratch;		/* held line end + a delimiter line */
	unsigned long mp_lineno;	/* lines completed */
	unsigned long mp_failline;	/* line to blame instead, 0: current */
	unsigned long mp_ctypeline;	/* line of the Content-Type field */
	unsigned long long mp_offset;
	char	mp_err[256];
};


/* mp_fail - record "line N: what" and refuse further input */
static int __attribute__((format(printf, 2, 3)))
mp_fail(struct mmhs_msg_parser *mp, const char *fmt, ...)
{
	char	what[200];
	va_list	ap;

	if (mp->mp_state == MP_FAILED)
		return -1;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	snprintf(mp->mp_err, sizeof(mp->mp_err), "line %lu: %s",
	    mp->mp_failline != 0 ? mp->mp_failline : mp->mp_lineno + 1, what);
	mp->mp_state = MP_FAILED;
	return -1;
}

/* mp_call - hand one event to the caller */
static int
mp_call(struct mmhs_msg_parser *mp, struct mmhs_msg_event *ev)
{
	if (ev->ev_line == 0)
		ev->ev_line = mp->mp_lineno + 1;
	if (mp->mp_fn != NULL && mp->mp_fn(mp->mp_ctx, ev) != 0)
		return mp_fail(mp, "stopped by the caller");
	return 0;
}

/* mp_body_type - what body octets at the current place are */
static enum mmhs_msg_event_type
mp_body_type(const struct mmhs_msg_parser *mp)
{
	const struct mp_level *top;

	if (mp->mp_nstack == 0)
		return MMHS_MSG_EV_BODY;
	top = &mp->mp_stack[mp->mp_nstack - 1];
	if (top->lv_depth != mp->mp_depth)
		return MMHS_MSG_EV_BODY;
	return top->lv_where == MP_EPILOGUE ? MMHS_MSG_EV_EPILOGUE :
	    MMHS_MSG_EV_PREAMBLE;
}

/* mp_send_body - report body octets now */
static int
mp_send_body(struct mmhs_msg_parser *mp, const char *buf, size_t len)
{
	struct mmhs_msg_event ev;

	if (len == 0)
		return 0;
	memset(&ev, 0, sizeof(ev));
	ev.ev_type = mp_body_type(mp);
	ev.ev_depth = mp->mp_depth;
	ev.ev_raw = buf;
	ev.ev_rawlen = len;
	return mp_call(mp, &ev);
}

/* mp_flush - report the pending run of body octets */
static int
mp_flush(struct mmhs_msg_parser *mp)
{
	const char *run = mp->mp_run;
	size_t	len = mp->mp_runlen;

	mp->mp_run = NULL;
	mp->mp_runlen = 0;
	return mp_send_body(mp, run, len);
}

/*
 * mp_body - body octets; those in the caller's chunk join the pending
 * run when they follow it, so a chunk of plain lines is one event.
 */
static int
mp_body(struct mmhs_msg_parser *mp, const char *buf, size_t len, int inchunk)
{
	if (len == 0)
		return 0;
	if (inchunk && mp->mp_run != NULL && mp->mp_run + mp->mp_runlen == buf) {
		mp->mp_runlen += len;
		return 0;
	}
	if (mp_flush(mp) < 0)
		return -1;
	if (!inchunk)
		return mp_send_body(mp, buf, len);
	mp->mp_run = buf;
	mp->mp_runlen = len;
	return 0;
}

/* mp_emit - report a structural event, after the body before it */
static int
mp_emit(struct mmhs_msg_parser *mp, struct mmhs_msg_event *ev)
{
	if (mp_flush(mp) < 0)
		return -1;
	return mp_call(mp, ev);
}

/* mp_release_held - the held line end turned out to be body */
static int
mp_release_held(struct mmhs_msg_parser *mp)
{
	size_t	len = mp->mp_heldlen;

	mp->mp_heldlen = 0;
	if (len == 0)
		return 0;
	if (mp->mp_heldptr != NULL)
		return mp_body(mp, mp->mp_heldptr, len, 1);
	return mp_body(mp, mp->mp_held, len, 0);
}

/* mp_open_levels - multiparts whose delimiters can still come */
static unsigned
mp_open_levels(const struct mmhs_msg_parser *mp)
{
	if (mp->mp_nstack == 0)
		return 0;
	return mp->mp_nstack -
	    (mp->mp_stack[mp->mp_nstack - 1].lv_where == MP_EPILOGUE);
}

/* mp_eol_len - length of the line end of a line of n octets */
static size_t
mp_eol_len(const char *line, size_t n)
{
	if (n == 0 || line[n - 1] != '\n')
		return 0;
	return n >= 2 && line[n - 2] == '\r' ? 2 : 1;
}

/* mp_hold - keep a body line end back: a delimiter may own it */
static void
mp_hold(struct mmhs_msg_parser *mp, const char *eol, size_t len, int inchunk)
{
	memcpy(mp->mp_held, eol, len);
	mp->mp_heldlen = len;
	mp->mp_heldptr = inchunk ? eol : NULL;
}

/* mp_is_wsp - RFC 5234 WSP */
static int
mp_is_wsp(int c)
{
	return c == ' ' || c == '\t';
}

/*
 * mp_match - is this line (without its end) a delimiter of an open
 * level?  Returns the level index or -1; *last says close delimiter.
 */
static int
mp_match(const struct mmhs_msg_parser *mp, const char *s, size_t len,
	int *last)
{
	unsigned i, open = mp_open_levels(mp);
	const struct mp_level *lv;
	size_t	k;

	if (len < 3 || s[0] != '-' || s[1] != '-')
		return -1;
	for (i = open; i-- > 0;) {
		lv = &mp->mp_stack[i];
		if (len < 2 + lv->lv_blen ||
		    memcmp(s + 2, lv->lv_boundary, lv->lv_blen) != 0)
			continue;
		k = 2 + lv->lv_blen;
		*last = len >= k + 2 && s[k] == '-' && s[k + 1] == '-';
		if (*last)
			k += 2;
		while (k < len && mp_is_wsp((unsigned char) s[k]))
			k++;
		if (k == len)
			return (int) i;
	}
	return -1;
}

/* mp_part_end - the part being read in level i ends */
static int
mp_part_end(struct mmhs_msg_parser *mp, unsigned i)
{
	struct mmhs_msg_event ev;
	struct mp_level *lv = &mp->mp_stack[i];

	if (lv->lv_where != MP_INPART)
		return 0;
	memset(&ev, 0, sizeof(ev));
	ev.ev_type = MMHS_MSG_EV_PART_END;
	ev.ev_depth = lv->lv_depth + 1;
	ev.ev_part = lv->lv_parts;
	return mp_emit(mp, &ev);
}

/* mp_section_reset - a new header section starts */
static void
mp_section_reset(struct mmhs_msg_parser *mp)
{
	mp->mp_state = MP_HEADER;
	mp->mp_fieldlen = 0;
	mp->mp_hdrbytes = 0;
	mp->mp_nfields = 0;
	mp->mp_have_ctype = 0;
	mp->mp_ctype[0] = '\0';
	mp->mp_cboundary[0] = '\0';
}

/*
 * mp_delimiter - a delimiter line of level i: close the parts inside
 * it, report the delimiter (with the held line end) and open the next
 * part or the epilogue.
 */
static int
mp_delimiter(struct mmhs_msg_parser *mp, unsigned i, int last,
	const char *line, size_t n)
{
	struct mmhs_msg_event ev;
	struct mp_level *lv;
	const char *raw = line;
	size_t	rawlen = n;

	/* Inner multiparts left open end here too (RFC 2046 lets the
	 * outer delimiter close them); their parts end first. */
	while (mp->mp_nstack > i + 1) {
		if (mp_part_end(mp, mp->mp_nstack - 1) < 0)
			return -1;
		mp->mp_nstack--;
	}
	if (mp_part_end(mp, i) < 0)
		return -1;
	if (mp->mp_heldlen > 0) {
		if (mp->mp_heldptr != NULL && mp->mp_heldptr +
		    mp->mp_heldlen == line) {
			raw = mp->mp_heldptr;
		} else {
			memcpy(mp->mp_scratch, mp->mp_held, mp->mp_heldlen);
			memcpy(mp->mp_scratch + mp->mp_heldlen, line, n);
			raw = mp->mp_scratch;
		}
		rawlen += mp->mp_heldlen;
		mp->mp_heldlen = 0;
	}
	lv = &mp->mp_stack[i];
	memset(&ev, 0, sizeof(ev));
	ev.ev_type = MMHS_MSG_EV_BOUNDARY;
	ev.ev_depth = lv->lv_depth;
	ev.ev_raw = raw;
	ev.ev_rawlen = rawlen;
	ev.ev_boundary = lv->lv_boundary;
	ev.ev_last = last;
	if (mp_emit(mp, &ev) < 0)
		return -1;
	mp->mp_depth = lv->lv_depth;
	if (last) {
		lv->lv_where = MP_EPILOGUE;
		mp->mp_state = MP_BODY;
		return 0;
	}
	lv->lv_where = MP_INPART;
	lv->lv_parts++;
	memset(&ev, 0, sizeof(ev));
	ev.ev_type = MMHS_MSG_EV_PART_START;
	ev.ev_depth = lv->lv_depth + 1;
	ev.ev_part = lv->lv_parts;
	if (mp_emit(mp, &ev) < 0)
		return -1;
	mp->mp_depth = lv->lv_depth + 1;
	mp_section_reset(mp);
	return 0;
}

/* mp_body_line - one complete body line (n octets with its end) */
static int
mp_body_line(struct mmhs_msg_parser *mp, const char *line, size_t n,
	int inchunk)
{
	size_t	eol = mp_eol_len(line, n);
	int	i, last;

	if (mp_open_levels(mp) == 0) {
		if (mp_release_held(mp) < 0)
			return -1;
		return mp_body(mp, line, n, inchunk);
	}
	if ((i = mp_match(mp, line, n - eol, &last)) >= 0)
		return mp_delimiter(mp, (unsigned) i, last, line, n);
	if (mp_release_held(mp) < 0 || mp_body(mp, line, n - eol, inchunk) < 0)
		return -1;
	mp_hold(mp, line + n - eol, eol, inchunk);
	return 0;
}

/* mp_midline_body - more of a body line already passed on */
static int
mp_midline_body(struct mmhs_msg_parser *mp, const char *buf, size_t n)
{
	size_t	eol = mp_eol_len(buf, n);

	if (mp_open_levels(mp) == 0 || eol == 0)
		return mp_body(mp, buf, n, 1);
	if (mp_body(mp, buf, n - eol, 1) < 0)
		return -1;
	mp_hold(mp, buf + n - eol, eol, 1);
	return 0;
}

/* mp_is_ftext - RFC 5322 field name character */
static int
mp_is_ftext(int c)
{
	return c >= 33 && c <= 126 && c != ':';
}

/* mp_is_tspecial - RFC 2045 tspecials */
static int
mp_is_token(int c)
{
	return c > 32 && c < 127 && strchr("()<>@,;:\\\"/[]?=", c) == NULL;
}

/* mp_is_bchar - RFC 2046 bchars */
static int
mp_is_bchar(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || (c != '\0' && strchr("'()+_,-./:=? ",
	    c) != NULL);
}

/* mp_token - copy a token, lower-cased, into out (size outlen) */
static const char *
mp_token(const char *p, char *out, size_t outlen, size_t *len)
{
	size_t	n = 0;

	for (; mp_is_token((unsigned char) *p); p++) {
		if (n + 1 < outlen)
			out[n] = (char) mmhs_ascii_lower((unsigned char) *p);
		n++;
	}
	if (outlen > 0)
		out[n < outlen ? n : outlen - 1] = '\0';
	*len = n;
	return p;
}

/* mp_param_value - a token or quoted-string, unquoted, into out */
static const char *
mp_param_value(const char *p, char *out, size_t outlen, size_t *len)
{
	size_t	n = 0;

	if (*p != '"') {
		for (; mp_is_token((unsigned char) *p); p++)
			if (n < outlen - 1)
				out[n++] = *p;
			else
				n = outlen;
	} else {
		for (p++; *p != '"'; p++) {
			if (*p == '\0')
				return NULL;
			if (*p == '\\' && p[1] != '\0')
				p++;
			if (n < outlen - 1)
				out[n++] = *p;
			else
				n = outlen;
		}
		p++;
	}
	out[n < outlen ? n : outlen - 1] = '\0';
	*len = n;
	return p;
}

/* mp_check_boundary - RFC 2046 5.1.1 boundary syntax */
static int
mp_check_boundary(struct mmhs_msg_parser *mp, const char *b, size_t len)
{
	size_t	i;

	if (len == 0 || len > MMHS_MSG_BOUNDARY_MAX)
		return mp_fail(mp, "Content-Type: boundary must be 1 to %d "
		    "characters", MMHS_MSG_BOUNDARY_MAX);
	for (i = 0; i < len; i++)
		if (!mp_is_bchar((unsigned char) b[i]))
			return mp_fail(mp, "Content-Type: character 0x%02x not "
			    "allowed in a boundary", (unsigned char) b[i]);
	if (b[len - 1] == ' ')
		return mp_fail(mp, "Content-Type: boundary ends in a space");
	return 0;
}

/* mp_skip_cfws - past CFWS; an unclosed comment runs to the end of the
 * field value, which the callers then find empty */
static const char *
mp_skip_cfws(const char *p)
{
	const char *q = mmhs_text_skip_cfws(p);

	return q != NULL ? q : p + strlen(p);
}

/* mp_ctype_params - the parameters after type/subtype; keeps boundary */
static int
mp_ctype_params(struct mmhs_msg_parser *mp, const char *p)
{
	char	attr[32], val[MMHS_MSG_BOUNDARY_MAX + 2];
	size_t	alen, vlen;

	for (;;) {
		p = mp_skip_cfws(p);
		if (*p == '\0')
			return 0;
		if (*p != ';')
			return mp_fail(mp, "Content-Type: \";\" expected before "
			    "a parameter");
		p = mp_skip_cfws(p + 1);
		if (*p == '\0')
			return 0;	/* a trailing ";" is common and harmless */
		p = mp_skip_cfws(mp_token(p, attr, sizeof(attr), &alen));
		if (alen == 0 || *p != '=')
			return mp_fail(mp, "Content-Type: malformed parameter");
		p = mp_skip_cfws(p + 1);
		p = mp_param_value(p, val, sizeof(val), &vlen);
		if (p == NULL)
			return mp_fail(mp, "Content-Type: unterminated quoted "
			    "string");
		if (strcmp(attr, "boundary") != 0)
			continue;
		if (mp_check_boundary(mp, val, vlen) < 0)
			return -1;
		memcpy(mp->mp_cboundary, val, vlen + 1);
	}
}

/* mp_ctype - RFC 2045 Content-Type: type/subtype and the boundary */
static int
mp_ctype(struct mmhs_msg_parser *mp, const char *value)
{
	char	type[MMHS_MSG_CTYPE_MAX], sub[MMHS_MSG_CTYPE_MAX];
	const char *p;
	size_t	tlen, slen;

	if (mp->mp_have_ctype)
		return mp_fail(mp, "second Content-Type field in one header");
	mp->mp_have_ctype = 1;
	p = mp_token(mp_skip_cfws(value), type, sizeof(type), &tlen);
	p = mp_skip_cfws(p);
	if (tlen == 0 || *p != '/')
		return mp_fail(mp, "Content-Type: type/subtype expected");
	p = mp_token(mp_skip_cfws(p + 1), sub, sizeof(sub), &slen);
	if (slen == 0)
		return mp_fail(mp, "Content-Type: subtype missing");
	if (tlen + slen + 2 > sizeof(mp->mp_ctype))
		return mp_fail(mp, "Content-Type: type/subtype longer than %zu "
		    "characters", sizeof(mp->mp_ctype) - 2);
	memcpy(mp->mp_ctype, type, tlen);
	mp->mp_ctype[tlen] = '/';
	memcpy(mp->mp_ctype + tlen + 1, sub, slen + 1);
	return mp_ctype_params(mp, p);
}

/* mp_unfold - name NUL value NUL from the pending field's raw octets */
static int
mp_unfold(struct mmhs_msg_parser *mp, const char **name, const char **value)
{
	const char *raw = mp->mp_field, *colon;
	size_t	len = mp->mp_fieldlen, i, n = 0, start;
	char   *w;

	if (mp->mp_workcap < len + 2) {
		mp->mp_workcap = len + 2;
		mp->mp_work = mmhs_realloc(mp->mp_work, mp->mp_workcap);
	}
	w = mp->mp_work;
	colon = memchr(raw, ':', len);
	memcpy(w, raw, (size_t) (colon - raw));
	n = (size_t) (colon - raw);
	w[n++] = '\0';
	start = n;
	for (i = (size_t) (colon - raw) + 1; i < len; i++) {
		if (raw[i] == '\r' || raw[i] == '\n')
			continue;	/* unfolding: every line end goes */
		if (n == start && mp_is_wsp((unsigned char) raw[i]))
			continue;
		w[n++] = raw[i];
	}
	while (n > start && mp_is_wsp((unsigned char) w[n - 1]))
		n--;
	w[n] = '\0';
	*name = w;
	*value = w + start;
	return 0;
}

/* mp_strcaseeq - ASCII case-insensitive equality */
static int
mp_strcaseeq(const char *a, const char *b)
{
	for (; *a != '\0' && mmhs_ascii_lower((unsigned char) *a) ==
	    mmhs_ascii_lower((unsigned char) *b); a++, b++)
		;
	return *a == '\0' && *b == '\0';
}

/* mp_field_flush - report the pending header field */
static int
mp_field_flush(struct mmhs_msg_parser *mp)
{
	struct mmhs_msg_event ev;
	const char *name, *value;

	if (mp->mp_fieldlen == 0)
		return 0;
	mp_unfold(mp, &name, &value);
	memset(&ev, 0, sizeof(ev));
	ev.ev_type = MMHS_MSG_EV_HEADER;
	ev.ev_depth = mp->mp_depth;
	ev.ev_line = mp->mp_fieldline;
	ev.ev_raw = mp->mp_field;
	ev.ev_rawlen = mp->mp_fieldlen;
	ev.ev_name = name;
	ev.ev_value = value;
	mp->mp_fieldlen = 0;
	if (mp_strcaseeq(name, "content-type") &&
	    !(mp->mp_lim.ml_headers_only && mp->mp_depth == 0)) {
		/* the field ended one line ago: blame its first line */
		mp->mp_failline = mp->mp_ctypeline = mp->mp_fieldline;
		if (mp_ctype(mp, value) < 0)
			return -1;
		mp->mp_failline = 0;
	}
	return mp_emit(mp, &ev);
}

/* mp_field_add - append a line to the pending field */
static void
mp_field_add(struct mmhs_msg_parser *mp, const char *line, size_t n)
{
	if (mp->mp_fieldlen + n > mp->mp_fieldcap) {
		mp->mp_fieldcap = (mp->mp_fieldlen + n) * 2;
		mp->mp_field = mmhs_realloc(mp->mp_field, mp->mp_fieldcap);
	}
	memcpy(mp->mp_field + mp->mp_fieldlen, line, n);
	mp->mp_fieldlen += n;
}

/* mp_default_ctype - RFC 2045 5.2 and RFC 2046 5.1.5 defaults */
static const char *
mp_default_ctype(const struct mmhs_msg_parser *mp)
{
	const struct mp_level *top;

	if (mp->mp_nstack > 0) {
		top = &mp->mp_stack[mp->mp_nstack - 1];
		if (top->lv_depth + 1 == mp->mp_depth && top->lv_digest)
			return "message/rfc822";
	}
	return "text/plain";
}

/* mp_hdr_end - the header section ended with raw (the empty line) */
static int
mp_hdr_end(struct mmhs_msg_parser *mp, const char *raw, size_t rawlen)
{
	struct mmhs_msg_event ev;
	struct mp_level *lv;

	if (mp_field_flush(mp) < 0)
		return -1;
	memset(&ev, 0, sizeof(ev));
	ev.ev_type = MMHS_MSG_EV_HEADER_END;
	ev.ev_depth = mp->mp_depth;
	ev.ev_raw = raw;
	ev.ev_rawlen = rawlen;
	ev.ev_ctype = mp->mp_have_ctype ? mp->mp_ctype : mp_default_ctype(mp);
	mp->mp_state = MP_BODY;
	if (mp->mp_lim.ml_headers_only && mp->mp_depth == 0) {
		ev.ev_ctype = NULL;	/* not examined in this mode */
		mp->mp_state = MP_RAWBODY;
		return mp_emit(mp, &ev);
	}
	if (strncmp(ev.ev_ctype, "multipart/", 10) == 0) {
		if (mp->mp_cboundary[0] == '\0') {
			mp->mp_failline = mp->mp_ctypeline;
			return mp_fail(mp, "Content-Type: %s without a boundary "
			    "parameter", ev.ev_ctype);
		}
		if (mp->mp_nstack >= mp->mp_lim.ml_depth_max)
			return mp_fail(mp, "multipart nested deeper than %u "
			    "levels", mp->mp_lim.ml_depth_max);
		lv = &mp->mp_stack[mp->mp_nstack++];
		memset(lv, 0, sizeof(*lv));
		lv->lv_blen = strlen(mp->mp_cboundary);
		memcpy(lv->lv_boundary, mp->mp_cboundary, lv->lv_blen + 1);
		lv->lv_depth = mp->mp_depth;
		lv->lv_digest = strcmp(ev.ev_ctype, "multipart/digest") == 0;
		lv->lv_where = MP_PREAMBLE;
		ev.ev_boundary = lv->lv_boundary;
	}
	return mp_emit(mp, &ev);
}

/* mp_field_start - check a line that begins a new field */
static int
mp_field_start(struct mmhs_msg_parser *mp, const char *line, size_t clen)
{
	size_t	i;

	for (i = 0; i < clen && mp_is_ftext((unsigned char) line[i]); i++)
		;
	if (i == clen || line[i] != ':')
		return mp_fail(mp, "not a header field: no \"name:\" at the "
		    "start of the line");
	if (i == 0)
		return mp_fail(mp, "header field with an empty name");
	if (++mp->mp_nfields > mp->mp_lim.ml_fields_max)
		return mp_fail(mp, "more than %u header fields",
		    mp->mp_lim.ml_fields_max);
	return 0;
}

/* mp_hdr_line - one line of a header section */
static int
mp_hdr_line(struct mmhs_msg_parser *mp, const char *line, size_t n)
{
	size_t	clen = n - mp_eol_len(line, n);

	mp->mp_hdrbytes += n;
	if (mp->mp_hdrbytes > mp->mp_lim.ml_header_max)
		return mp_fail(mp, "header section longer than %zu octets",
		    mp->mp_lim.ml_header_max);
	if (memchr(line, '\0', clen) != NULL)
		return mp_fail(mp, "NUL octet in a header field");
	if (clen == 0)
		return mp_hdr_end(mp, line, n);
	if (mp_is_wsp((unsigned char) line[0])) {
		if (mp->mp_fieldlen == 0)
			return mp_fail(mp, "continuation line without a header "
			    "field before it");
		mp_field_add(mp, line, n);
		return 0;
	}
	if (mp_field_flush(mp) < 0 || mp_field_start(mp, line, clen) < 0)
		return -1;
	mp->mp_fieldline = mp->mp_lineno + 1;
	mp_field_add(mp, line, n);
	return 0;
}

/* mp_line - one complete line (or the unterminated last one) */
static int
mp_line(struct mmhs_msg_parser *mp, const char *line, size_t n, int inchunk)
{
	int	rc;

	if (mp->mp_state == MP_HEADER)
		rc = mp_hdr_line(mp, line, n);
	else
		rc = mp_body_line(mp, line, n, inchunk);
	if (n > 0 && line[n - 1] == '\n')
		mp->mp_lineno++;
	return rc;
}

/* mp_may_be_delimiter - could a partial body line start a delimiter? */
static int
mp_may_be_delimiter(const struct mmhs_msg_parser *mp, const char *s, size_t n)
{
	if (mp_open_levels(mp) == 0)
		return 0;
	return s[0] == '-' && (n < 2 || s[1] == '-');
}

/* mp_too_long - the current line broke the line bound */
static int
mp_too_long(struct mmhs_msg_parser *mp)
{
	return mp_fail(mp, "line longer than %zu octets (RFC 5322 2.1.1 "
	    "limit with CRLF)", mp->mp_lim.ml_line_max);
}

/* mp_feed_buffered - go on with a line begun in an earlier chunk */
static size_t
mp_feed_buffered(struct mmhs_msg_parser *mp, const char *p, size_t left)
{
	const char *lf = memchr(p, '\n', left);
	size_t	n = lf != NULL ? (size_t) (lf - p) + 1 : left;
	char   *line = mp->mp_linebuf + 2;

	if (mp->mp_linelen + n > mp->mp_lim.ml_line_max) {
		mp_too_long(mp);
		return left;
	}
	memcpy(line + mp->mp_linelen, p, n);
	mp->mp_linelen += n;
	if (lf != NULL) {
		n = mp->mp_linelen;
		mp->mp_linelen = 0;
		mp_line(mp, line, n, 0);
	}
	return lf != NULL ? (size_t) (lf - p) + 1 : left;
}

/*
 * mp_partial_body - the start of a body line that does not end in this
 * chunk.  A CR at its end is kept back: with the LF of the next chunk
 * it makes a line end that a delimiter may own.
 */
static int
mp_partial_body(struct mmhs_msg_parser *mp, const char *p, size_t n)
{
	if (n > 0 && p[n - 1] == '\r' && mp_open_levels(mp) > 0) {
		mp->mp_cr = 1;
		n--;
	}
	return mp_body(mp, p, n, 1);
}

/* mp_kept_cr - what the CR kept back turned out to be */
static size_t
mp_kept_cr(struct mmhs_msg_parser *mp, const char *p)
{
	mp->mp_cr = 0;
	if (*p != '\n') {
		mp_body(mp, "\r", 1, 0);
		return 0;
	}
	mp->mp_midline = 0;
	mp->mp_lineno++;
	mp_hold(mp, "\r\n", 2, 0);
	return 1;
}

/* mp_feed_midline - go on with a body line already passed on */
static size_t
mp_feed_midline(struct mmhs_msg_parser *mp, const char *p, size_t left)
{
	const char *lf;
	size_t	n;

	if (mp->mp_cr && *p == '\n' && mp->mp_midlen + 1 >
	    mp->mp_lim.ml_line_max) {
		mp_too_long(mp);
		return left;
	}
	if (mp->mp_cr && mp_kept_cr(mp, p) == 1)
		return 1;
	lf = memchr(p, '\n', left);
	n = lf != NULL ? (size_t) (lf - p) + 1 : left;
	if (mp->mp_midlen + n > mp->mp_lim.ml_line_max) {
		mp_too_long(mp);
		return left;
	}
	mp->mp_midlen += n;
	if (lf == NULL) {
		mp_partial_body(mp, p, n);
		return n;
	}
	mp->mp_midline = 0;
	mp->mp_lineno++;
	mp_midline_body(mp, p, n);
	return n;
}

/* mp_feed_line - a line starting at p, complete or the chunk's tail */
static size_t
mp_feed_line(struct mmhs_msg_parser *mp, const char *p, size_t left)
{
	const char *lf = memchr(p, '\n', left);
	size_t	n = lf != NULL ? (size_t) (lf - p) + 1 : left;

	if (n > mp->mp_lim.ml_line_max) {
		mp_too_long(mp);
		return left;
	}
	if (lf != NULL) {
		mp_line(mp, p, n, 1);
		return n;
	}
	if (mp->mp_state == MP_HEADER || mp_may_be_delimiter(mp, p, n)) {
		memcpy(mp->mp_linebuf + 2, p, n);
		mp->mp_linelen = n;
		return n;
	}
	if (mp_release_held(mp) < 0)
		return n;
	mp->mp_midline = 1;
	mp->mp_midlen = n;
	mp_partial_body(mp, p, n);
	return n;
}

/* mmhs_msg_feed - the next chunk of the message */
int
mmhs_msg_feed(struct mmhs_msg_parser *mp, const char *buf, size_t len)
{
	size_t	used, off = 0;

	if (mp->mp_state == MP_FAILED)
		return -1;
	if (mp->mp_state == MP_ENDED)
		return mp_fail(mp, "input after the end of the message");
	mp->mp_heldptr = NULL;
	while (off < len && mp->mp_state != MP_FAILED) {
		if (mp->mp_state == MP_RAWBODY) {
			if (mp_release_held(mp) < 0 ||
			    mp_body(mp, buf + off, len - off, 1) < 0)
				break;
			off = len;
		} else if (mp->mp_linelen > 0) {
			off += mp_feed_buffered(mp, buf + off, len - off);
		} else if (mp->mp_midline) {
			off += mp_feed_midline(mp, buf + off, len - off);
		} else {
			off += mp_feed_line(mp, buf + off, len - off);
		}
	}
	used = off;
	mp->mp_offset += used;
	if (mp->mp_state != MP_FAILED)
		mp_flush(mp);
	mp->mp_heldptr = NULL;
	return mp->mp_state == MP_FAILED ? -1 : 0;
}

/* mmhs_msg_finish - the input ended */
int
mmhs_msg_finish(struct mmhs_msg_parser *mp)
{
	struct mmhs_msg_event ev;
	size_t	n;
	unsigned open;

	if (mp->mp_state == MP_FAILED)
		return -1;
	if (mp->mp_state == MP_ENDED)
		return 0;
	if (mp->mp_linelen > 0) {
		n = mp->mp_linelen;
		mp->mp_linelen = 0;
		if (mp_line(mp, mp->mp_linebuf + 2, n, 0) < 0)
			return -1;
	}
	if (mp->mp_cr) {
		mp->mp_cr = 0;
		if (mp_body(mp, "\r", 1, 0) < 0)
			return -1;
	}
	if (mp->mp_state == MP_HEADER && mp_hdr_end(mp, "", 0) < 0)
		return -1;
	if (mp_release_held(mp) < 0 || mp_flush(mp) < 0)
		return -1;
	if ((open = mp_open_levels(mp)) > 0)
		return mp_fail(mp, "message ends inside a multipart (boundary "
		    "\"%s\"): close delimiter missing",
		    mp->mp_stack[open - 1].lv_boundary);
	memset(&ev, 0, sizeof(ev));
	ev.ev_type = MMHS_MSG_EV_END;
	if (mp_emit(mp, &ev) < 0)
		return -1;
	mp->mp_state = MP_ENDED;
	return 0;
}

/* mmhs_msg_parser_new - a parser with its bounds and event handler */
struct mmhs_msg_parser *
mmhs_msg_parser_new(const struct mmhs_msg_limits *lim, mmhs_msg_event_fn fn,
	void *ctx)
{
	struct mmhs_msg_parser *mp = mmhs_calloc(1, sizeof(*mp));
	struct mmhs_msg_limits *l = &mp->mp_lim;

	if (lim != NULL)
		*l = *lim;
	if (l->ml_line_max < 4)
		l->ml_line_max = l->ml_line_max == 0 ? MMHS_MSG_LINE_MAX : 4;
	if (l->ml_header_max == 0)
		l->ml_header_max = MMHS_MSG_HEADER_MAX;
	if (l->ml_fields_max == 0)
		l->ml_fields_max = MMHS_MSG_FIELDS_MAX;
	if (l->ml_depth_max == 0)
		l->ml_depth_max = MMHS_MSG_DEPTH_MAX;
	mp->mp_fn = fn;
	mp->mp_ctx = ctx;
	mp->mp_stack = mmhs_calloc(l->ml_depth_max, sizeof(*mp->mp_stack));
	mp->mp_linebuf = mmhs_malloc(l->ml_line_max + 2);
	mp->mp_scratch = mmhs_malloc(l->ml_line_max + 2);
	mp_section_reset(mp);
	return mp;
}

/* mmhs_msg_parser_free - release a parser */
void
mmhs_msg_parser_free(struct mmhs_msg_parser *mp)
{
	if (mp == NULL)
		return;
	mmhs_free(mp->mp_stack);
	mmhs_free(mp->mp_linebuf);
	mmhs_free(mp->mp_scratch);
	mmhs_free(mp->mp_field);
	mmhs_free(mp->mp_work);
	mmhs_free(mp);
}

/* mmhs_msg_error - the last error */
const char *
mmhs_msg_error(const struct mmhs_msg_parser *mp)
{
	return mp->mp_err;
}

/* mmhs_msg_offset - octets fed */
unsigned long long
mmhs_msg_offset(const struct mmhs_msg_parser *mp)
{
	return mp->mp_offset;
}

/*
 * The writer.  Messages pass through services byte for byte: raw
 * octets go to the sink unchanged, and only fields a service adds are
 * formatted here.
 */
struct mmhs_msg_writer {
	mmhs_msg_sink_fn mw_fn;
	void   *mw_ctx;
	int	mw_failed;
	char	mw_err[128];
};

/* mmhs_msg_writer_new - a writer to a sink */
struct mmhs_msg_writer *
mmhs_msg_writer_new(mmhs_msg_sink_fn fn, void *ctx)
{
	struct mmhs_msg_writer *mw = mmhs_calloc(1, sizeof(*mw));

	mw->mw_fn = fn;
	mw->mw_ctx = ctx;
	return mw;
}

/* mmhs_msg_writer_free - release a writer */
void
mmhs_msg_writer_free(struct mmhs_msg_writer *mw)
{
	mmhs_free(mw);
}

/* mmhs_msg_writer_error - the last writer error */
const char *
mmhs_msg_writer_error(const struct mmhs_msg_writer *mw)
{
	return mw->mw_err;
}

/* mw_fail - record a writer error */
static int
mw_fail(struct mmhs_msg_writer *mw, const char *what)
{
	snprintf(mw->mw_err, sizeof(mw->mw_err), "%s", what);
	return -1;
}

/* mmhs_msg_write_raw - octets unchanged */
int
mmhs_msg_write_raw(struct mmhs_msg_writer *mw, const char *buf, size_t len)
{
	if (mw->mw_failed)
		return -1;
	if (len == 0)
		return 0;
	if (mw->mw_fn(mw->mw_ctx, buf, len) != 0) {
		mw->mw_failed = 1;
		return mw_fail(mw, "the sink refused the data");
	}
	return 0;
}

/* mmhs_msg_write_event - the raw octets of a parser event */
int
mmhs_msg_write_event(struct mmhs_msg_writer *mw,
	const struct mmhs_msg_event *ev)
{
	return mmhs_msg_write_raw(mw, ev->ev_raw, ev->ev_rawlen);
}

/* mw_unit_len - a run of WSP and the word after it: the folding unit */
static size_t
mw_unit_len(const char *s)
{
	const char *p = s;

	while (mp_is_wsp((unsigned char) *p))
		p++;
	while (*p != '\0' && !mp_is_wsp((unsigned char) *p))
		p++;
	return (size_t) (p - s);
}

/*
 * mw_fold - "name: value" folded into out: a line break goes before
 * the white space of a unit that would pass column 78, never before
 * trailing white space (a line of only WSP is not allowed).
 */
static int
mw_fold(const char *name, const char *value, char *out, size_t *outlen)
{
	size_t	n, col, u;
	const char *p;

	n = (size_t) sprintf(out, "%s: ", name);
	col = n;
	for (p = value; *p != '\0'; p += u) {
		u = mw_unit_len(p);
		if (col + u > MMHS_MSG_FOLD_AT && col > strlen(name) + 2 &&
		    mp_is_wsp((unsigned char) *p) &&
		    p[strspn(p, " \t")] != '\0') {
			memcpy(out + n, "\r\n", 2);
			n += 2;
			col = 0;
		}
		memcpy(out + n, p, u);
		n += u;
		col += u;
		if (col > MMHS_MSG_LINE_MAX - 2)
			return -1;
	}
	memcpy(out + n, "\r\n", 2);
	*outlen = n + 2;
	return 0;
}

/* mmhs_msg_write_header - a new field, folded */
int
mmhs_msg_write_header(struct mmhs_msg_writer *mw, const char *name,
	const char *value)
{
	size_t	i, nlen, vlen, len;
	char   *out;
	int	rc;

	if (mw->mw_failed)
		return -1;
	nlen = strlen(name);
	for (i = 0; i < nlen && mp_is_ftext((unsigned char) name[i]); i++)
		;
	if (nlen == 0 || i < nlen || nlen > MMHS_MSG_LINE_MAX / 2)
		return mw_fail(mw, "bad header field name");
	if (strpbrk(value, "\r\n") != NULL)
		return mw_fail(mw, "CR or LF in a header field value");
	vlen = strlen(value);
	/* each fold adds 2 octets before one WSP: at most 3 per octet */
	out = mmhs_malloc(nlen + 2 + vlen * 3 + 3);
	if (mw_fold(name, value, out, &len) < 0)
		rc = mw_fail(mw, "a word of the value does not fit in 998 "
		    "characters");
	else
		rc = mmhs_msg_write_raw(mw, out, len);
	mmhs_free(out);
	return rc;
}
