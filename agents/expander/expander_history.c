/* expander_history.c - the DL-Expansion-History trace field
 *
 * RFC 2156 carries the X.400 DL-expansion-history in RFC 822 mail as
 * one field per expansion:
 *
 *	DL-Expansion-History: mailbox ";" date-time ";"
 *
 * Each list expander prepends its own field (a trace field, like
 * Received:), so the newest expansion comes first and the content,
 * signed or not, is never touched.  This file finds and parses those
 * fields in the top header section of a message and writes a new one.
 * It reads network input: every length is bounded, every byte checked,
 * and a malformed field is refused with a reason rather than skipped
 * (a skipped field could hide a loop).  Interface: expander.h.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "mmhs_text.h"
#include "expander.h"

static const char *const hist_months[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
};
static const char *const hist_days[] = {
	"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"
};

/* hist_atext - RFC 5322 atext */
static int
hist_atext(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c != '\0' &&
	    strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL);
}

/* hist_cfws - skip CFWS inside [p, end); NULL when a comment is open */
static const char *
hist_cfws(const char *p, const char *end)
{
	int depth;

	while (p < end) {
		if (*p == ' ' || *p == '\t') {
			p++;
			continue;
		}
		if (*p != '(')
			break;
		for (depth = 0; p < end; p++) {
			if (*p == '\\' && p + 1 < end)
				p++;
			else if (*p == '(')
				depth++;
			else if (*p == ')' && --depth == 0)
				break;
		}
		if (p == end)
			return NULL;
		p++;
	}
	return p;
}

/*
 * hist_addr - an addr-spec at *pp (dot-atom or quoted-string, "@",
 * dot-atom or domain-literal) copied into e->he_addr; *pp moves past it
 */
static int
hist_addr(const char **pp, const char *end, struct exp_hist_entry *e,
	char *err, size_t errlen)
{
	const char *p = *pp, *start = p;
	int	at = 0, inq = 0, inlit = 0;
	size_t	n;

	for (; p < end; p++) {
		unsigned char c = (unsigned char)*p;

		if (c < 0x21 && !(inq && c == ' '))
			break;
		if (c >= 0x7f || (inq && c == '\\' && p + 1 < end &&
		    ((unsigned char)p[1] < 0x20 ||
		    (unsigned char)p[1] >= 0x7f)))
			return mmhs_text_error(err, errlen, "8-bit or control "
			    "octet in the list address");
		if (inq) {
			if (c == '\\' && p + 1 < end)
				p++;
			else if (c == '"')
				inq = 0;
		} else if (inlit) {
			if (c == ']')
				inlit = 0;
			else if (c == '[' || c == '\\')
				break;
		} else if (c == '"' && p == start) {
			inq = 1;
		} else if (c == '[' && at && p[-1] == '@') {
			inlit = 1;
		} else if (c == '@') {
			if (at++ || p == start)
				break;
		} else if (c != '.' && !hist_atext(c)) {
			break;
		}
	}
	n = (size_t)(p - start);
	if (inq || inlit)
		return mmhs_text_error(err, errlen, "unterminated quoted "
		    "string or domain literal in the list address");
	if (n == 0)
		return mmhs_text_error(err, errlen, "no list address");
	if (at != 1 || start[n - 1] == '@' || start[n - 1] == '.')
		return mmhs_text_error(err, errlen, "list address \"%.*s\" "
		    "is not local-part@domain", (int)(n > 80 ? 80 : n), start);
	if (n > EXP_HIST_ADDR_MAX)
		return mmhs_text_error(err, errlen, "list address longer "
		    "than %d octets", EXP_HIST_ADDR_MAX);
	memcpy(e->he_addr, start, n);
	e->he_addr[n] = '\0';
	*pp = p;
	return 0;
}

/* hist_mailbox - addr-spec, or [phrase] "<" addr-spec ">" */
static int
hist_mailbox(const char **pp, const char *end, struct exp_hist_entry *e,
	char *err, size_t errlen)
{
	const char *p = *pp, *lt = NULL, *q;
	int	inq = 0, depth = 0;

	/* a '<' before the first ';' outside quotes and comments: a
	 * name-addr */
	for (q = p; q < end && (inq || depth || *q != ';'); q++) {
		if ((inq || depth) && *q == '\\' && q + 1 < end)
			q++;
		else if (!depth && *q == '"')
			inq = !inq;
		else if (!inq && *q == '(')
			depth++;
		else if (!inq && depth && *q == ')')
			depth--;
		else if (!inq && !depth && *q == '<') {
			lt = q;
			break;
		}
	}
	if (lt == NULL)
		return hist_addr(pp, end, e, err, errlen);
	p = lt + 1;
	if (hist_addr(&p, end, e, err, errlen) < 0)
		return -1;
	if (p >= end || *p != '>')
		return mmhs_text_error(err, errlen, "\"<\" of the list address "
		    "is not closed by \">\"");
	*pp = p + 1;
	return 0;
}

/* hist_num - 1 to max digits at *pp into *v; -1 when none */
static int
hist_num(const char **pp, const char *end, int max, int *v)
{
	const char *p = *pp;
	int	n = 0;

	*v = 0;
	while (p < end && n < max && *p >= '0' && *p <= '9') {
		*v = *v * 10 + (*p++ - '0');
		n++;
	}
	if (n == 0 || (p < end && *p >= '0' && *p <= '9'))
		return -1;
	*pp = p;
	return n;
}

/* hist_days_from_civil - days since 1970-01-01 of y-m-d (proleptic
 * Gregorian; m 1..12) */
static long
hist_days_from_civil(long y, int m, int d)
{
	long	era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* hist_mday_ok - day d exists in month m (1..12) of year y */
static int
hist_mday_ok(int y, int m, int d)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (d < 1 || d > mdays[m - 1])
		return 0;
	return m != 2 || d < 29 || (y % 4 == 0 && (y % 100 != 0 ||
	    y % 400 == 0));
}

/*
 * hist_date - RFC 5322 date-time in [p, end) into e (text and time):
 * [day-of-week ","] day month year hour ":" minute [":" second] zone,
 * CFWS between the tokens; zone "+hhmm"/"-hhmm", or UT/GMT (obs-zone)
 */
static int
hist_date(const char *p, const char *end, struct exp_hist_entry *e,
	char *err, size_t errlen)
{
	const char *start = p, *last;
	int	day, mon = -1, year, hh, mm, ss = 0, zone = 0, sign, z, i;

	if ((p = hist_cfws(p, end)) == NULL)
		goto bad;
	start = p;
	for (i = 0; end - p >= 3 && i < 7; i++)
		if (mmhs_text_ncaseeq(p, 3, hist_days[i]))
			break;
	if (end - p >= 3 && i < 7) {
		if ((p = hist_cfws(p + 3, end)) == NULL || p == end ||
		    *p != ',')
			goto bad;
		if ((p = hist_cfws(p + 1, end)) == NULL)
			goto bad;
	}
	if (hist_num(&p, end, 2, &day) < 0 || (p = hist_cfws(p, end)) == NULL)
		goto bad;
	for (i = 0; i < 12 && end - p >= 3; i++)
		if (mmhs_text_ncaseeq(p, 3, hist_months[i]))
			mon = i;
	if (mon < 0 || (p = hist_cfws(p + 3, end)) == NULL ||
	    hist_num(&p, end, 4, &year) != 4 ||
	    (p = hist_cfws(p, end)) == NULL ||
	    hist_num(&p, end, 2, &hh) != 2 || p == end || *p++ != ':' ||
	    hist_num(&p, end, 2, &mm) != 2)
		goto bad;
	if (p < end && *p == ':' && (p++, hist_num(&p, end, 2, &ss)) != 2)
		goto bad;
	if ((p = hist_cfws(p, end)) == NULL || p == end)
		goto bad;
	if (*p == '+' || *p == '-') {
		sign = *p++ == '-' ? -1 : 1;
		if (hist_num(&p, end, 4, &z) != 4 || z % 100 > 59)
			goto bad;
		zone = sign * ((z / 100) * 60 + z % 100);
	} else if (end - p >= 3 && mmhs_text_ncaseeq(p, 3, "GMT")) {
		p += 3;
	} else if (end - p >= 2 && mmhs_text_ncaseeq(p, 2, "UT")) {
		p += 2;
	} else {
		goto bad;
	}
	last = p;
	if ((p = hist_cfws(p, end)) == NULL || p != end)
		goto bad;
	if (year < 1900 || !hist_mday_ok(year, mon + 1, day) || hh > 23 ||
	    mm > 59 || ss > 60)
		return mmhs_text_error(err, errlen, "date-time \"%.*s\" is "
		    "out of range", (int)(last - start), start);
	if ((size_t)(last - start) > EXP_HIST_DATE_MAX)
		goto bad;
	memcpy(e->he_date, start, (size_t)(last - start));
	e->he_date[last - start] = '\0';
	e->he_time = (time_t)(hist_days_from_civil(year, mon + 1, day) *
	    86400L + hh * 3600L + mm * 60L + (ss > 59 ? 59 : ss) -
	    zone * 60L);
	return 0;
bad:
	return mmhs_text_error(err, errlen, "\"%.*s\" is not an RFC 5322 "
	    "date-time", (int)(end - start > 80 ? 80 : end - start), start);
}

/* expander_hist_parse_value - one unfolded field body */
int
expander_hist_parse_value(const char *val, size_t len,
	struct exp_hist_entry *e, char *err, size_t errlen)
{
	const char *p = val, *end = val + len, *semi;

	memset(e, 0, sizeof(*e));
	if (memchr(val, '\0', len) != NULL)
		return mmhs_text_error(err, errlen, "NUL octet in the field");
	if ((p = hist_cfws(p, end)) == NULL)
		return mmhs_text_error(err, errlen, "unclosed comment");
	if (hist_mailbox(&p, end, e, err, errlen) < 0)
		return -1;
	if ((p = hist_cfws(p, end)) == NULL || p == end || *p != ';')
		return mmhs_text_error(err, errlen, "no \";\" after the list "
		    "address %s", e->he_addr);
	p++;
	/* the date-time ends at the final ";" (optional) */
	for (semi = p; semi < end && *semi != ';'; semi++)
		;
	if (hist_date(p, semi, e, err, errlen) < 0)
		return -1;
	if (semi < end && ((p = hist_cfws(semi + 1, end)) == NULL || p != end))
		return mmhs_text_error(err, errlen, "text after the final "
		    "\";\"");
	return 0;
}

/* hist_is_field - does the line at p (n octets) start our field?  The
 * body starts at *body */
static int
hist_is_field(const char *p, size_t n, const char **body)
{
	size_t	k = sizeof(EXP_HIST_FIELD) - 1;

	if (n <= k || !mmhs_text_ncaseeq(p, k, EXP_HIST_FIELD))
		return 0;
	while (k < n && (p[k] == ' ' || p[k] == '\t'))	/* obs-optional */
		k++;
	if (k == n || p[k] != ':')
		return 0;
	*body = p + k + 1;
	return 1;
}

/* hist_line_end - end of the line at p (at its LF, or end) */
static const char *
hist_line_end(const char *p, const char *end)
{
	const char *lf = memchr(p, '\n', (size_t)(end - p));

	return lf != NULL ? lf : end;
}

/*
 * hist_field - unfold the field that starts at line p (its body at
 * body) into val; *next: the first line after it
 */
static int
hist_field(const char *p, const char *body, const char *end, char *val,
	size_t *vlen, const char **next, char *err, size_t errlen)
{
	const char *le = hist_line_end(p, end), *s = body;
	size_t	n = 0, k;

	for (;;) {
		k = (size_t)(le - s);
		if (k > 0 && s[k - 1] == '\r')
			k--;
		if (n + k > EXP_HIST_VALUE_MAX)
			return mmhs_text_error(err, errlen, "%s field longer "
			    "than %d octets", EXP_HIST_FIELD,
			    EXP_HIST_VALUE_MAX);
		memcpy(val + n, s, k);
		n += k;
		if (le == end || le + 1 == end || (le[1] != ' ' &&
		    le[1] != '\t'))
			break;
		s = le + 1;
		le = hist_line_end(s, end);
	}
	*vlen = n;
	*next = le == end ? end : le + 1;
	return 0;
}

/* expander_hist_parse - every history field of the top header section */
int
expander_hist_parse(const char *msg, size_t len, struct exp_hist *h,
	char *err, size_t errlen)
{
	const char *p = msg, *end = msg + len, *le, *body, *next = NULL;
	char	val[EXP_HIST_VALUE_MAX], why[256];
	size_t	vlen = 0;

	h->eh_n = 0;
	while (p < end) {
		le = hist_line_end(p, end);
		if (le == p || (le == p + 1 && *p == '\r'))
			break;			/* the empty line */
		if (!hist_is_field(p, (size_t)(le - p), &body)) {
			p = le == end ? end : le + 1;
			continue;
		}
		if (h->eh_n == EXP_HIST_MAX)
			return mmhs_text_error(err, errlen, "more than %d %s "
			    "fields", EXP_HIST_MAX, EXP_HIST_FIELD);
		if (hist_field(p, body, end, val, &vlen, &next, err,
		    errlen) < 0)
			return -1;
		if (expander_hist_parse_value(val, vlen, &h->eh_e[h->eh_n],
		    why, sizeof(why)) < 0)
			return mmhs_text_error(err, errlen, "malformed %s "
			    "field %zu: %s", EXP_HIST_FIELD, h->eh_n + 1, why);
		h->eh_n++;
		p = next;
	}
	return 0;
}

/* expander_hist_find - the entry of addr, or -1 */
int
expander_hist_find(const struct exp_hist *h, const char *addr)
{
	size_t	i, n = strlen(addr);

	for (i = 0; i < h->eh_n; i++)
		if (strlen(h->eh_e[i].he_addr) == n &&
		    mmhs_text_ncaseeq(h->eh_e[i].he_addr, n, addr))
			return (int)i;
	return -1;
}

/* expander_hist_text - "a@b (date), c@d (date)" for a diagnostic */
char *
expander_hist_text(const struct exp_hist *h, char *buf, size_t len)
{
	size_t	i, off = 0;
	int	n;

	if (len == 0)
		return buf;
	buf[0] = '\0';
	for (i = 0; i < h->eh_n && off < len; i++) {
		n = snprintf(buf + off, len - off, "%s%s (%s)", i ? ", " : "",
		    h->eh_e[i].he_addr, h->eh_e[i].he_date);
		if (n < 0)
			break;
		off += (size_t)n;
	}
	return buf;
}

/*
 * expander_hist_format - the field for addr at t, folded before the
 * date when the line would pass 78 characters (RFC 5322 2.1.1)
 */
int
expander_hist_format(const char *addr, time_t t, char *buf, size_t len)
{
	struct exp_hist_entry e;
	const char *p = addr;
	char	date[EXP_HIST_DATE_MAX];
	struct tm tm;
	int	n;

	/* only what we can read back ourselves */
	if (hist_addr(&p, addr + strlen(addr), &e, NULL, 0) < 0 || *p != '\0')
		return -1;
	if (gmtime_r(&t, &tm) == NULL)
		return -1;
	snprintf(date, sizeof(date), "%s, %02d %s %04d %02d:%02d:%02d +0000",
	    hist_days[tm.tm_wday], tm.tm_mday, hist_months[tm.tm_mon],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	n = snprintf(buf, len, "%s: %s ;%s%s ;\r\n", EXP_HIST_FIELD, addr,
	    sizeof(EXP_HIST_FIELD) + strlen(addr) + strlen(date) + 6 > 78 ?
	    "\r\n " : " ", date);
	return n < 0 || (size_t)n >= len ? -1 : n;
}
