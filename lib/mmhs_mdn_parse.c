/* mmhs_mdn_parse.c - RFC 8098 message disposition notifications: the reader
 *
 * See mmhs_mdn.h.  The input comes from the network (an MDN some other
 * user agent wrote), so every value is bounded and copied only after its
 * length is checked; nothing is allocated but the MIME parser and one
 * buffer of at most MMHS_MSG_HEADER_MAX octets for the notification part.
 */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "mmhs_alloc.h"
#include "mmhs_mdn.h"
#include "mmhs_text.h"

#define MDN_LINE_MAX	4096		/* one unfolded field */

/* Fields that may appear once; bit numbers in p_seen. */
enum {
	MDN_F_UA, MDN_F_GATEWAY, MDN_F_ORCPT, MDN_F_FINAL, MDN_F_MSGID,
	MDN_F_DISP
};

struct mdn_parse {
	struct mmhs_mdn_report *p_rep;
	char	p_line[MDN_LINE_MAX];
	size_t	p_len;			/* 0: no field pending */
	unsigned p_seen;
	unsigned p_fields;
	char   *p_err;
	size_t	p_errlen;
};

/* mdn_copy - v (vlen octets) into dst, refused when too long */
static int
mdn_copy(struct mdn_parse *p, const char *name, const char *v, size_t vlen,
	char *dst, size_t dstlen)
{
	if (vlen >= dstlen)
		return mmhs_text_error(p->p_err, p->p_errlen, "%s: value "
		    "longer than %zu octets", name, dstlen - 1);
	memcpy(dst, v, vlen);
	dst[vlen] = '\0';
	return 0;
}

/* mdn_typed - "type ; value" as "type;value" */
static int
mdn_typed(struct mdn_parse *p, const char *name, const char *v, size_t vlen,
	char *dst, size_t dstlen)
{
	const char *semi = memchr(v, ';', vlen), *rest;
	size_t	tlen, rlen;

	if (semi == NULL || semi == v)
		return mmhs_text_error(p->p_err, p->p_errlen,
		    "%s: not \"type;address\"", name);
	for (tlen = (size_t) (semi - v); tlen > 0 && (v[tlen - 1] == ' ' ||
	    v[tlen - 1] == '\t'); tlen--)
		;
	for (rest = semi + 1; rest < v + vlen && (*rest == ' ' ||
	    *rest == '\t'); rest++)
		;
	rlen = (size_t) (v + vlen - rest);
	if (tlen == 0 || rlen == 0)
		return mmhs_text_error(p->p_err, p->p_errlen,
		    "%s: empty type or address", name);
	if (tlen + 1 + rlen >= dstlen)
		return mmhs_text_error(p->p_err, p->p_errlen, "%s: value "
		    "longer than %zu octets", name, dstlen - 1);
	memcpy(dst, v, tlen);
	dst[tlen] = ';';
	memcpy(dst + tlen + 1, rest, rlen);
	dst[tlen + 1 + rlen] = '\0';
	return 0;
}

/* mdn_word - the next word of s (letters, digits, '-'), after blanks */
static const char *
mdn_word(const char *s, size_t *len)
{
	const char *w;

	while (*s == ' ' || *s == '\t')
		s++;
	for (w = s; (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
	    (*s >= '0' && *s <= '9') || *s == '-'; s++)
		;
	*len = (size_t) (s - w);
	return w;
}

/* mdn_punct - skip blanks, then c; NULL when c is not there */
static const char *
mdn_punct(const char *s, char c)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return *s == c ? s + 1 : NULL;
}

/* mdn_uncomment - v without RFC 5322 comments, into out */
static int
mdn_uncomment(const char *v, size_t vlen, char *out, size_t outlen)
{
	size_t	n = 0, depth = 0, i;

	for (i = 0; i < vlen; i++) {
		if (v[i] == '\\' && depth > 0 && i + 1 < vlen) {
			i++;
			continue;
		}
		if (v[i] == '(')
			depth++;
		else if (v[i] == ')' && depth > 0)
			depth--;
		else if (depth == 0) {
			if (n + 1 >= outlen)
				return -1;
			out[n++] = v[i];
		}
	}
	out[n] = '\0';
	return depth == 0 ? 0 : -1;
}

/*
 * mdn_disposition - RFC 8098 section 3.2.6:
 *	action-mode "/" sending-mode ";" disposition-type
 *	    [ "/" modifier *( "," modifier ) ]
 */
static int
mdn_disposition(struct mdn_parse *p, const char *v, size_t vlen)
{
	struct mmhs_mdn_report *rep = p->p_rep;
	char	buf[MMHS_MDN_DISP_MAX + 1];
	const char *s, *w;
	size_t	n;

	if (mdn_copy(p, "Disposition", v, vlen, rep->mr_disposition,
	    sizeof(rep->mr_disposition)) < 0)
		return -1;
	if (mdn_uncomment(v, vlen, buf, sizeof(buf)) < 0)
		return mmhs_text_error(p->p_err, p->p_errlen,
		    "Disposition: unclosed comment");
	w = mdn_word(buf, &n);
	if (n == 13 && mmhs_text_ncaseeq(w, n, "manual-action"))
		rep->mr_automatic_action = 0;
	else if (n == 16 && mmhs_text_ncaseeq(w, n, "automatic-action"))
		rep->mr_automatic_action = 1;
	else
		return mmhs_text_error(p->p_err, p->p_errlen,
		    "Disposition: unknown action mode");
	if ((s = mdn_punct(w + n, '/')) == NULL)
		return mmhs_text_error(p->p_err, p->p_errlen,
		    "Disposition: no \"/\" after the action mode");
	w = mdn_word(s, &n);
	if (n == 17 && mmhs_text_ncaseeq(w, n, "MDN-sent-manually"))
		rep->mr_sent_automatically = 0;
	else if (n == 22 && mmhs_text_ncaseeq(w, n, "MDN-sent-automatically"))
		rep->mr_sent_automatically = 1;
	else
		return mmhs_text_error(p->p_err, p->p_errlen,
		    "Disposition: unknown sending mode");
	if ((s = mdn_punct(w + n, ';')) == NULL)
		return mmhs_text_error(p->p_err, p->p_errlen,
		    "Disposition: no \";\" before the disposition type");
	w = mdn_word(s, &n);
	if (mmhs_mdn_type_from_name(w, n, &rep->mr_type) < 0)
		return mmhs_text_error(p->p_err, p->p_errlen,
		    "Disposition: unknown disposition type");
	if ((s = mdn_punct(w + n, '/')) != NULL)
		do {
			w = mdn_word(s, &n);
			if (n == 0)
				return mmhs_text_error(p->p_err, p->p_errlen,
				    "Disposition: empty modifier");
			if (n == 5 && mmhs_text_ncaseeq(w, n, "error"))
				rep->mr_error = 1;
		} while ((s = mdn_punct(w + n, ',')) != NULL);
	s = w + n;
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s != '\0')
		return mmhs_text_error(p->p_err, p->p_errlen,
		    "Disposition: unexpected \"%.20s\"", s);
	return 0;
}

/* mdn_once - a field that may appear once */
static int
mdn_once(struct mdn_parse *p, unsigned bit, const char *name)
{
	if (p->p_seen & (1u << bit))
		return mmhs_text_error(p->p_err, p->p_errlen,
		    "%s appears twice", name);
	p->p_seen |= 1u << bit;
	return 0;
}

/* mdn_field - the pending unfolded field */
static int
mdn_field(struct mdn_parse *p)
{
	struct mmhs_mdn_report *rep = p->p_rep;
	char   *colon = memchr(p->p_line, ':', p->p_len), *v, *end;
	size_t	nlen;

	if (++p->p_fields > MMHS_MDN_FIELDS_MAX)
		return mmhs_text_error(p->p_err, p->p_errlen,
		    "more than %d fields", MMHS_MDN_FIELDS_MAX);
	if (colon == NULL || colon == p->p_line)
		return mmhs_text_error(p->p_err, p->p_errlen,
		    "a line that is no field: \"%.40s\"", p->p_line);
	nlen = (size_t) (colon - p->p_line);
	for (v = colon + 1; *v == ' ' || *v == '\t'; v++)
		;
	for (end = p->p_line + p->p_len; end > v && (end[-1] == ' ' ||
	    end[-1] == '\t'); end--)
		;
#define IS(n)	(nlen == sizeof(n) - 1 && mmhs_text_ncaseeq(p->p_line, nlen, n))
	if (IS("Reporting-UA"))
		return mdn_once(p, MDN_F_UA, "Reporting-UA") < 0 ? -1 :
		    mdn_copy(p, "Reporting-UA", v, (size_t) (end - v),
		    rep->mr_reporting_ua, sizeof(rep->mr_reporting_ua));
	if (IS("MDN-Gateway"))
		return mdn_once(p, MDN_F_GATEWAY, "MDN-Gateway");
	if (IS("Original-Recipient"))
		return mdn_once(p, MDN_F_ORCPT, "Original-Recipient") < 0 ?
		    -1 : mdn_typed(p, "Original-Recipient", v,
		    (size_t) (end - v), rep->mr_orig_rcpt,
		    sizeof(rep->mr_orig_rcpt));
	if (IS("Final-Recipient"))
		return mdn_once(p, MDN_F_FINAL, "Final-Recipient") < 0 ? -1 :
		    mdn_typed(p, "Final-Recipient", v, (size_t) (end - v),
		    rep->mr_final_rcpt, sizeof(rep->mr_final_rcpt));
	if (IS("Original-Message-ID"))
		return mdn_once(p, MDN_F_MSGID, "Original-Message-ID") < 0 ?
		    -1 : mdn_copy(p, "Original-Message-ID", v,
		    (size_t) (end - v), rep->mr_orig_msgid,
		    sizeof(rep->mr_orig_msgid));
	if (IS("Disposition"))
		return mdn_once(p, MDN_F_DISP, "Disposition") < 0 ? -1 :
		    mdn_disposition(p, v, (size_t) (end - v));
#undef IS
	return 0;	/* Error, Failure, Warning, extension fields */
}

/* mdn_line - one line (without its end): a field, or a fold of one */
static int
mdn_line(struct mdn_parse *p, const char *s, size_t n)
{
	if (n > 0 && (s[0] == ' ' || s[0] == '\t')) {
		if (p->p_len == 0)
			return mmhs_text_error(p->p_err, p->p_errlen,
			    "a continuation line without a field");
		if (p->p_len + n >= sizeof(p->p_line))
			return mmhs_text_error(p->p_err, p->p_errlen,
			    "a field longer than %d octets", MDN_LINE_MAX);
		memcpy(p->p_line + p->p_len, s, n);
		p->p_len += n;
		p->p_line[p->p_len] = '\0';
		return 0;
	}
	if (p->p_len > 0 && mdn_field(p) < 0)
		return -1;
	p->p_len = 0;
	if (n == 0)
		return 0;	/* blank lines between or after: harmless */
	if (n >= sizeof(p->p_line))
		return mmhs_text_error(p->p_err, p->p_errlen,
		    "a field longer than %d octets", MDN_LINE_MAX);
	memcpy(p->p_line, s, n);
	p->p_len = n;
	p->p_line[n] = '\0';
	return 0;
}

int
mmhs_mdn_parse_notification(const char *buf, size_t len,
	struct mmhs_mdn_report *rep, char *err, size_t errlen)
{
	struct mdn_parse p;
	const char *s = buf, *end = buf + len, *nl;
	size_t	n;

	memset(rep, 0, sizeof(*rep));
	memset(&p, 0, sizeof(p));
	p.p_rep = rep;
	p.p_err = err;
	p.p_errlen = errlen;
	while (s < end) {
		nl = memchr(s, '\n', (size_t) (end - s));
		n = (size_t) ((nl != NULL ? nl : end) - s);
		if (memchr(s, '\0', n) != NULL)
			goto bad_nul;
		if (mdn_line(&p, s, n > 0 && s[n - 1] == '\r' ? n - 1 : n) < 0)
			goto fail;
		s += n + (nl != NULL);
	}
	if (mdn_line(&p, "", 0) < 0)
		goto fail;
	if (!(p.p_seen & (1u << MDN_F_FINAL))) {
		mmhs_text_error(err, errlen, "no Final-Recipient");
		goto fail;
	}
	if (!(p.p_seen & (1u << MDN_F_DISP))) {
		mmhs_text_error(err, errlen, "no Disposition");
		goto fail;
	}
	return 0;
bad_nul:
	mmhs_text_error(err, errlen, "a NUL octet");
fail:
	memset(rep, 0, sizeof(*rep));
	return -1;
}

/* ------------------------------------------------------------------ */
/* A whole message */

struct mdn_walk {
	int	w_report;		/* top: multipart/report, MDN kind */
	int	w_in;		/* inside the notification part's body */
	int	w_done;		/* that part was seen */
	char   *w_body;
	size_t	w_len;
	int	w_toolong;
};

/* mdn_is_report - a Content-Type value saying multipart/report with
 * report-type=disposition-notification */
static int
mdn_is_report(const char *v)
{
	const char *p;
	size_t	n;

	v = mmhs_text_skip_cfws(v);
	if (v == NULL || strlen(v) < 16 || !mmhs_text_ncaseeq(v, 16,
	    "multipart/report"))
		return 0;
	for (p = v + 16; (p = strchr(p, ';')) != NULL; ) {
		p = mmhs_text_skip_cfws(p + 1);
		if (p == NULL)
			return 0;
		if (!mmhs_text_ncaseeq(p, 11, "report-type"))
			continue;
		p = mmhs_text_skip_cfws(p + 11);
		if (p == NULL || *p != '=')
			return 0;
		p = mmhs_text_skip_cfws(p + 1);
		if (p == NULL)
			return 0;
		p += *p == '"';
		n = strlen("disposition-notification");
		return mmhs_text_ncaseeq(p, n, "disposition-notification") &&
		    (p[n] == '\0' || p[n] == '"' || p[n] == ';' ||
		    p[n] == ' ' || p[n] == '\t' || p[n] == '(');
	}
	return 0;
}

/* mdn_walk_event - find the top Content-Type and the notification body */
static int
mdn_walk_event(void *ctx, const struct mmhs_msg_event *ev)
{
	struct mdn_walk *w = ctx;

	if (ev->ev_type == MMHS_MSG_EV_HEADER && ev->ev_depth == 0 &&
	    strcasecmp(ev->ev_name, "Content-Type") == 0)
		w->w_report = mdn_is_report(ev->ev_value);
	else if (ev->ev_type == MMHS_MSG_EV_HEADER_END && ev->ev_depth == 1 &&
	    w->w_report && !w->w_done && ev->ev_ctype != NULL &&
	    strcmp(ev->ev_ctype, "message/disposition-notification") == 0)
		w->w_in = 1;
	else if (ev->ev_type == MMHS_MSG_EV_BODY && w->w_in) {
		if (w->w_len + ev->ev_rawlen > MMHS_MSG_HEADER_MAX) {
			w->w_toolong = 1;
			return 0;
		}
		w->w_body = mmhs_realloc(w->w_body, w->w_len +
		    ev->ev_rawlen + 1);
		memcpy(w->w_body + w->w_len, ev->ev_raw, ev->ev_rawlen);
		w->w_len += ev->ev_rawlen;
	} else if (ev->ev_type == MMHS_MSG_EV_PART_END && w->w_in) {
		w->w_in = 0;
		w->w_done = 1;
	}
	return 0;
}

int
mmhs_mdn_parse_message(const char *data, size_t len,
	struct mmhs_mdn_report *rep, char *err, size_t errlen)
{
	struct mmhs_msg_parser *mp;
	struct mdn_walk w;
	int	rc;

	memset(rep, 0, sizeof(*rep));
	memset(&w, 0, sizeof(w));
	mp = mmhs_msg_parser_new(NULL, mdn_walk_event, &w);
	if (mmhs_msg_feed(mp, data, len) < 0 || mmhs_msg_finish(mp) < 0)
		rc = mmhs_text_error(err, errlen, "not a well-formed "
		    "message: %s", mmhs_msg_error(mp));
	else if (!w.w_report)
		rc = 1;
	else if (!w.w_done)
		rc = mmhs_text_error(err, errlen, "a disposition-notification "
		    "report without its message/disposition-notification part");
	else if (w.w_toolong)
		rc = mmhs_text_error(err, errlen, "the notification part is "
		    "longer than %d octets", MMHS_MSG_HEADER_MAX);
	else
		rc = mmhs_mdn_parse_notification(w.w_body, w.w_len, rep, err,
		    errlen);
	mmhs_msg_parser_free(mp);
	mmhs_free(w.w_body);
	return rc;
}
