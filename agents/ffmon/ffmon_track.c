/* ffmon_track.c - the tracking log read back, for the report
 *
 * lib/mmhs_track writes one line per event: an ISO 8601 UTC time, a
 * space, then "key=value" pairs separated by single spaces, a value
 * being quoted ("...") with backslash escapes when it holds a space, a
 * quote, a backslash or '=' (te_extra is preformatted by the agents in
 * the same form).  This is the reverse: the pairs in order, values
 * unquoted into the line's own buffer.  A line that is cut ("...") or
 * not of this form is refused; the report skips it.
 *
 * Also the DSN side of the report: the message/delivery-status part of
 * a DSN that reports on a given message (the MDN side is lib/mmhs_mdn).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "mmhs_alloc.h"
#include "mmhs_msg.h"
#include "ffmon.h"

/* track_value - read one value at p into *o; returns the end or NULL */
static const char *
track_value(const char *p, char **o, const char *oend)
{
	if (*p != '"') {
		while (*p != '\0' && *p != ' ' && *p != '\n' && *o < oend)
			*(*o)++ = *p++;
		return *o < oend ? p : NULL;
	}
	for (p++; *p != '"'; p++) {
		if (*p == '\0' || *p == '\n' || *o >= oend)
			return NULL;
		if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
			p++;
		*(*o)++ = *p;
	}
	return p + 1;
}

/* ffmon_track_parse - one line into its pairs */
int
ffmon_track_parse(const char *line, struct ffmon_track_line *tl)
{
	const char *p = line, *sp = strchr(line, ' ');
	char	*o = tl->tl_buf, *oend = tl->tl_buf + sizeof(tl->tl_buf) - 1;
	size_t	n;

	tl->tl_n = 0;
	if (sp == NULL || (n = (size_t)(sp - line)) < 20 ||
	    n >= sizeof(tl->tl_time) || line[4] != '-' || line[10] != 'T')
		return -1;
	memcpy(tl->tl_time, line, n);
	tl->tl_time[n] = '\0';
	for (p = sp + 1; *p != '\0' && *p != '\n'; ) {
		if (tl->tl_n == FFMON_TRACK_FIELDS)
			return -1;
		tl->tl_key[tl->tl_n] = o;
		while (*p != '=' && *p != ' ' && *p != '\0' && *p != '\n' &&
		    *p != '"' && o < oend)
			*o++ = *p++;
		if (*p != '=' || o == tl->tl_key[tl->tl_n] || o >= oend)
			return -1;
		*o++ = '\0';
		tl->tl_val[tl->tl_n] = o;
		if ((p = track_value(p + 1, &o, oend)) == NULL || o >= oend)
			return -1;
		*o++ = '\0';
		tl->tl_n++;
		if (*p == ' ')
			p++;
		else if (*p != '\0' && *p != '\n')
			return -1;
	}
	return tl->tl_n > 0 ? 0 : -1;
}

/* ffmon_track_get - a value by key (the first) */
const char *
ffmon_track_get(const struct ffmon_track_line *tl, const char *key)
{
	size_t	i;

	for (i = 0; i < tl->tl_n; i++)
		if (strcmp(tl->tl_key[i], key) == 0)
			return tl->tl_val[i];
	return NULL;
}

/* ------------------------------------------------------------------
 * A DSN read back: its message/delivery-status part, and whether it is
 * about a given Message-ID (In-Reply-To, References, or the Message-ID
 * field of the returned message or header section).
 */

struct dsn_walk {
	const char *w_msgid;
	int	w_about;
	int	w_part;			/* 1 status, 2 returned headers */
	int	w_in_hdr;		/* in the returned header section */
	char   *w_status;
	size_t	w_len;
	int	w_toolong;
	char	w_line[1024];		/* a returned header line */
	size_t	w_linelen;
};

/* dsn_names - a field value naming msgid */
static int
dsn_names(const char *value, const char *msgid)
{
	return value != NULL && strstr(value, msgid) != NULL;
}

/* dsn_returned_line - one line of the returned header section */
static void
dsn_returned_line(struct dsn_walk *w)
{
	const char *v;

	w->w_line[w->w_linelen] = '\0';
	if (w->w_linelen == 0 || strcmp(w->w_line, "\r") == 0)
		w->w_in_hdr = 0;	/* the empty line: its end */
	else if (strncasecmp(w->w_line, "Message-ID:", 11) == 0) {
		v = w->w_line + 11;
		v += strspn(v, " \t");
		if (strncmp(v, w->w_msgid, strlen(w->w_msgid)) == 0)
			w->w_about = 1;
	}
	w->w_linelen = 0;
}

/* dsn_returned - bytes of the returned message, line by line */
static void
dsn_returned(struct dsn_walk *w, const char *p, size_t n)
{
	for (; n > 0 && w->w_in_hdr; p++, n--) {
		if (*p == '\n')
			dsn_returned_line(w);
		else if (w->w_linelen + 1 < sizeof(w->w_line))
			w->w_line[w->w_linelen++] = *p;
	}
}

/* dsn_event - the parser's callback */
static int
dsn_event(void *ctx, const struct mmhs_msg_event *ev)
{
	struct dsn_walk *w = ctx;

	if (ev->ev_type == MMHS_MSG_EV_HEADER && ev->ev_depth == 0 &&
	    (strcasecmp(ev->ev_name, "In-Reply-To") == 0 ||
	    strcasecmp(ev->ev_name, "References") == 0))
		w->w_about |= dsn_names(ev->ev_value, w->w_msgid);
	else if (ev->ev_type == MMHS_MSG_EV_HEADER_END && ev->ev_depth == 1 &&
	    ev->ev_ctype != NULL) {
		if (strcmp(ev->ev_ctype, "message/delivery-status") == 0 &&
		    w->w_status == NULL)
			w->w_part = 1;
		else if (strcmp(ev->ev_ctype, "message/rfc822") == 0 ||
		    strcmp(ev->ev_ctype, "text/rfc822-headers") == 0) {
			w->w_part = 2;
			w->w_in_hdr = 1;
		}
	} else if (ev->ev_type == MMHS_MSG_EV_BODY && w->w_part == 1) {
		if (w->w_len + ev->ev_rawlen > MMHS_MSG_HEADER_MAX) {
			w->w_toolong = 1;
			return 0;
		}
		w->w_status = mmhs_realloc(w->w_status, w->w_len +
		    ev->ev_rawlen + 1);
		memcpy(w->w_status + w->w_len, ev->ev_raw, ev->ev_rawlen);
		w->w_len += ev->ev_rawlen;
	} else if (ev->ev_type == MMHS_MSG_EV_BODY && w->w_part == 2)
		dsn_returned(w, ev->ev_raw, ev->ev_rawlen);
	else if (ev->ev_type == MMHS_MSG_EV_PART_END)
		w->w_part = 0;
	return 0;
}

/* ffmon_report_dsn_part - the delivery-status of a DSN about msgid */
int
ffmon_report_dsn_part(const char *data, size_t len, const char *msgid,
    char **status, size_t *slen, char *err, size_t errlen)
{
	struct mmhs_msg_parser *mp;
	struct dsn_walk w;
	int	rc = 0;

	memset(&w, 0, sizeof(w));
	w.w_msgid = msgid;
	mp = mmhs_msg_parser_new(NULL, dsn_event, &w);
	if (mmhs_msg_feed(mp, data, len) < 0 || mmhs_msg_finish(mp) < 0) {
		snprintf(err, errlen, "not a well-formed message: %s",
		    mmhs_msg_error(mp));
		rc = -1;
	} else if (w.w_toolong) {
		snprintf(err, errlen, "the delivery-status part is longer "
		    "than %d octets", MMHS_MSG_HEADER_MAX);
		rc = -1;
	} else if (w.w_status != NULL && w.w_about) {
		*status = w.w_status;
		*slen = w.w_len;
		w.w_status = NULL;
		rc = 1;
	}
	mmhs_msg_parser_free(mp);
	mmhs_free(w.w_status);
	return rc;
}
