/* mmhs_mmhs.c - RFC 6477 MMHS header fields and the RFC 7444 SIO-Label
 *
 * Purpose: check the military header fields of a message against their
 * ABNF and keep their values in one structure, so that agents (the MTA
 * reading precedence and label, gateways mapping to P772) work on
 * parsed values, never on text.
 *
 * Interface: see mmhs_mmhs.h.  Feed it the top-level fields reported by
 * the mmhs_msg parser (name and unfolded value), then call check().
 *
 * Error behaviour: every function returns -1 with one line of text in
 * the caller's buffer, "Field-Name: \"value\": what is wrong"; nothing
 * logs or exits.  Lists and strings are bounded (see the header).
 *
 * Grammar implemented (RFC 6477 section 4, checked against the RFC
 * text; ABNF quoted strings are case-insensitive, RFC 5234 2.3):
 *	nonneg-integer = "0" / (NZ-DIGIT *DIGIT)
 *	military-string = 1*69(ps-char)
 *	quoted-military-string = DQUOTE military-string DQUOTE
 *	military-string-sequence = military-string
 *				   *([FWS] ";" [FWS] military-string)
 *	Exempted-Address: [FWS] address-list [FWS]      (RFC 5322)
 *	Extended-Authorisation-Info: [FWS] date-time    (RFC 5322 3.3)
 *	Subject-Indicator-Codes: [FWS] sic *([FWS] ";" [FWS] sic) [FWS]
 *	sic = 3*8(ps-char)
 *	Handling-Instructions, Message-Instructions:
 *		[FWS] military-string-sequence [FWS]
 *	Codress-Message-Indicator: [FWS] nonneg-integer [FWS]
 *	Originator-Reference, Acp127-Message-Identifier, Originator-PLAD:
 *		[FWS] military-string [FWS]
 *	Primary-Precedence, Copy-Precedence: [FWS] precedence
 *	precedence = (nonneg-integer / std-precedence) [CFWS]
 *	MessageType = [FWS] message-type [CFWS]
 *		      [";" [FWS] "identifier" [FWS] "=" [FWS]
 *		       quoted-military-string [FWS]]
 *	message-type = nonneg-integer / "exercise" / "operation" /
 *		       "project" / "drill"                   (0 1 2 3)
 *	Other-Recipients-Indicator-To / -CC:
 *		[FWS] Designator *([FWS] ";" [FWS] Designator) [FWS]
 *	Designator = military-string
 * ps-char is RFC 2156's PrintableString repertoire: A-Z a-z 0-9 space
 * ' ( ) + , - . / : = ?.  Since space is a ps-char, the white space
 * around ";" is taken as FWS, not as part of an item (RFC 6477's own
 * example "SDM; KKZ ; BRL" needs that).  Section 3: no field may appear
 * more than once.  3.8/3.9: Primary-Precedence MUST be present when
 * there are To: recipients, Copy-Precedence with Cc:/Bcc:; we apply
 * that to messages carrying any RFC 6477 field.  Precedence values go
 * through mmhs_precedence (0..5 defined, 6..31 reserved).  Message
 * types 0..127 are NATO's and 128..255 national; we refuse above 255.
 * Exempted-Address: mailboxes (name-addr or addr-spec) separated by
 * commas; groups are refused.
 *
 * SIO-Label (RFC 7444 section 4): parameters per RFC 2231 (sections
 * "label*0=", charsets "marking*=us-ascii'en'A%20B"), each at most once;
 * marking, or type and label together; fgcolor/bgcolor only with
 * marking, "#" 6HEXDIG or one of the 17 named colours (the RFC spells
 * "fuschia"; "fuchsia" is accepted too); label base64 (RFC 4648), and
 * for ":ess" / ":x411" one DER SET.  Unknown parameters are ignored, as
 * the RFC recommends.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "mmhs_ascii.h"
#include "mmhs_text.h"
#include "mmhs_alloc.h"
#include "mmhs_mmhs.h"

#define MM_DIGITS_MAX	9	/* keeps numbers inside unsigned long */

/* mm_is_wsp - RFC 5234 WSP */
static int
mm_is_wsp(int c)
{
	return c == ' ' || c == '\t';
}

/* mm_is_ps - RFC 2156 ps-char (PrintableString) */
static int
mm_is_ps(int c)
{
	return mmhs_ascii_is_alpha(c) || mmhs_ascii_is_digit(c) ||
	    (c != '\0' && strchr(" '()+,-./:=?", c) != NULL);
}

/* mm_skip_wsp - past white space */
static const char *
mm_skip_wsp(const char *p)
{
	while (mm_is_wsp((unsigned char) *p))
		p++;
	return p;
}

/* mm_trim - bounds of s without outer white space */
static void
mm_trim(const char **s, size_t *len)
{
	while (*len > 0 && mm_is_wsp((unsigned char) **s)) {
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && mm_is_wsp((unsigned char) (*s)[*len - 1]))
		(*len)--;
}

/* mm_ps_string - check len ps-chars, min..max of them */
static int
mm_ps_string(const char *s, size_t len, size_t min, size_t max,
	const char *what, char *err, size_t errlen)
{
	size_t	i;

	for (i = 0; i < len; i++)
		if (!mm_is_ps((unsigned char) s[i]))
			return mmhs_text_error(err, errlen, "character '%s%c' (0x%02x) "
			    "is not allowed in a %s (PrintableString only)",
			    s[i] == '\'' ? "\\" : "",
			    s[i] > 32 && s[i] < 127 ? s[i] : '?',
			    (unsigned char) s[i], what);
	if (len < min || len > max)
		return mmhs_text_error(err, errlen, "a %s has %zu to %zu characters, "
		    "not %zu", what, min, max, len);
	return 0;
}

/* mm_milstr - one military-string field value into out */
static int
mm_milstr(const char *value, char *out, char *err, size_t errlen)
{
	const char *s = value;
	size_t	len = strlen(value);

	mm_trim(&s, &len);
	if (len == 0)
		return mmhs_text_error(err, errlen, "empty value");
	if (mm_ps_string(s, len, 1, MMHS_MMHS_MILSTR_MAX, "military string",
	    err, errlen) < 0)
		return -1;
	memcpy(out, s, len);
	out[len] = '\0';
	return 0;
}

/* mm_list_add - append one item */
static void
mm_list_add(struct mmhs_mmhs_list *l, const char *s, size_t len)
{
	l->ml_items = mmhs_realloc(l->ml_items,
	    (l->ml_count + 1) * sizeof(*l->ml_items));
	l->ml_items[l->ml_count++] = mmhs_strndup(s, len);
}

/* mm_list_free - release a list */
static void
mm_list_free(struct mmhs_mmhs_list *l)
{
	size_t	i;

	for (i = 0; i < l->ml_count; i++)
		mmhs_free(l->ml_items[i]);
	mmhs_free(l->ml_items);
	l->ml_items = NULL;
	l->ml_count = 0;
}

/* mm_seq - ";"-separated ps-char items of min..max characters */
static int
mm_seq(const char *value, size_t min, size_t max, const char *what,
	struct mmhs_mmhs_list *l, char *err, size_t errlen)
{
	const char *p = value, *semi, *s;
	size_t	len;

	for (;;) {
		semi = strchr(p, ';');
		s = p;
		len = semi != NULL ? (size_t) (semi - p) : strlen(p);
		mm_trim(&s, &len);
		if (len == 0)
			return mmhs_text_error(err, errlen, "empty %s in the list "
			    "(item %zu)", what, l->ml_count + 1);
		if (l->ml_count >= MMHS_MMHS_LIST_MAX)
			return mmhs_text_error(err, errlen, "more than %d items",
			    MMHS_MMHS_LIST_MAX);
		if (mm_ps_string(s, len, min, max, what, err, errlen) < 0)
			return -1;
		mm_list_add(l, s, len);
		if (semi == NULL)
			return 0;
		p = semi + 1;
	}
}

/* mm_nonneg - RFC 6477 nonneg-integer at *pp */
static int
mm_nonneg(const char **pp, unsigned long *num, char *err, size_t errlen)
{
	const char *p = *pp;
	unsigned long n = 0;
	int	digits = 0;

	if (!mmhs_ascii_is_digit((unsigned char) *p))
		return mmhs_text_error(err, errlen, "a number is expected");
	if (p[0] == '0' && mmhs_ascii_is_digit((unsigned char) p[1]))
		return mmhs_text_error(err, errlen, "leading zero in a number");
	for (; mmhs_ascii_is_digit((unsigned char) *p); p++) {
		if (++digits > MM_DIGITS_MAX)
			return mmhs_text_error(err, errlen, "number too large");
		n = n * 10 + (unsigned long) (*p - '0');
	}
	*num = n;
	*pp = p;
	return 0;
}

/* RFC 5322 3.3 names. */
static const char *const mm_days[] = {
	"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"
};
static const char *const mm_months[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
};

/* mm_days_from_civil - days since 1970-01-01 of a Gregorian date */
static long
mm_days_from_civil(long y, unsigned m, unsigned d)
{
	long	era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned) (y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long) doe - 719468;
}

/* mm_month_days - days in a month */
static unsigned
mm_month_days(long y, unsigned m)
{
	static const unsigned len[] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return len[m - 1] + (m == 2 && leap);
}

/* mm_num - exactly min..max digits at *pp */
static int
mm_num(const char **pp, int min, int max, long *v)
{
	const char *p = *pp;
	long	n = 0;
	int	k = 0;

	while (k < max && mmhs_ascii_is_digit((unsigned char) *p)) {
		n = n * 10 + (*p++ - '0');
		k++;
	}
	if (k < min || mmhs_ascii_is_digit((unsigned char) *p))
		return -1;
	*v = n;
	*pp = p;
	return 0;
}

/* mm_name3 - one of 3-letter names at *pp, its index */
static int
mm_name3(const char **pp, const char *const *names, int count)
{
	int	i;

	for (i = 0; i < count; i++)
		if (mmhs_text_ncaseeq(*pp, 3, names[i])) {
			*pp += 3;
			return i;
		}
	return -1;
}

struct mm_dt {
	long	y, mon, d, h, min, s, zone;
	int	wday;			/* -1: absent */
};

/* mm_dt_scan - the fields of an RFC 5322 date-time, syntax only */
static const char *
mm_dt_scan(const char *p, struct mm_dt *t)
{
	const char *q;
	long	zh;

	t->wday = -1;
	if (mmhs_ascii_is_alpha((unsigned char) *p)) {
		if ((t->wday = mm_name3(&p, mm_days, 7)) < 0 ||
		    *(p = mm_skip_wsp(p)) != ',')
			return NULL;
		p = mm_skip_wsp(p + 1);
	}
	if (mm_num(&p, 1, 2, &t->d) < 0 || !mm_is_wsp((unsigned char) *p))
		return NULL;
	p = mm_skip_wsp(p);
	if ((t->mon = mm_name3(&p, mm_months, 12) + 1) == 0 ||
	    !mm_is_wsp((unsigned char) *p))
		return NULL;
	p = mm_skip_wsp(p);
	if (mm_num(&p, 4, 4, &t->y) < 0 || !mm_is_wsp((unsigned char) *p))
		return NULL;
	p = mm_skip_wsp(p);
	if (mm_num(&p, 2, 2, &t->h) < 0 || *p++ != ':' ||
	    mm_num(&p, 2, 2, &t->min) < 0)
		return NULL;
	t->s = 0;
	if (*p == ':' && (p++, mm_num(&p, 2, 2, &t->s) < 0))
		return NULL;
	q = mm_skip_wsp(p);
	if (q == p || (*q != '+' && *q != '-'))
		return NULL;
	p = q + 1;
	if (mm_num(&p, 4, 4, &zh) < 0 || zh % 100 > 59)
		return NULL;
	t->zone = (zh / 100 * 60 + zh % 100) * (*q == '-' ? -1 : 1);
	return p;
}

/* mm_date_time - RFC 5322 date-time to UTC seconds, ranges checked */
static int
mm_date_time(const char *value, time_t *when, char *err, size_t errlen)
{
	struct mm_dt t;
	const char *p;
	long	days;
	int	wday;

	if ((p = mm_dt_scan(mm_skip_wsp(value), &t)) == NULL)
		return mmhs_text_error(err, errlen, "not an RFC 5322 date-time "
		    "(\"[Day,] DD Mon YYYY HH:MM[:SS] +ZZZZ\")");
	if ((p = mmhs_text_skip_cfws(p)) == NULL || *p != '\0')
		return mmhs_text_error(err, errlen, "text after the date-time");
	if (t.y < 1900 || t.d < 1 || t.d > (long) mm_month_days(t.y,
	    (unsigned) t.mon) || t.h > 23 || t.min > 59 || t.s > 60)
		return mmhs_text_error(err, errlen, "date or time out of range");
	days = mm_days_from_civil(t.y, (unsigned) t.mon, (unsigned) t.d);
	wday = (int) ((days % 7 + 11) % 7);	/* 1970-01-01 was a Thursday */
	if (t.wday >= 0 && t.wday != wday)
		return mmhs_text_error(err, errlen, "%s is not the day of the week "
		    "of that date (%s)", mm_days[t.wday], mm_days[wday]);
	*when = (time_t) (days * 86400 + t.h * 3600 + t.min * 60 + t.s -
	    t.zone * 60);
	return 0;
}

/* mm_is_atext - RFC 5322 atext */
static int
mm_is_atext(int c)
{
	return mmhs_ascii_is_alpha(c) || mmhs_ascii_is_digit(c) ||
	    (c != '\0' && strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL) || c > 127;
}

/* mm_dot_atom - RFC 5322 dot-atom-text over s[0..len) */
static int
mm_dot_atom(const char *s, size_t len)
{
	size_t	i;

	if (len == 0 || s[0] == '.' || s[len - 1] == '.')
		return 0;
	for (i = 0; i < len; i++)
		if (s[i] == '.' ? s[i + 1] == '.' :
		    !mm_is_atext((unsigned char) s[i]))
			return 0;
	return 1;
}

/* mm_addr_spec - local-part "@" domain, the common forms */
static int
mm_addr_spec(const char *s, size_t len)
{
	const char *at = NULL;
	size_t	i;

	for (i = len; i-- > 0;)
		if (s[i] == '@') {
			at = s + i;
			break;
		}
	if (at == NULL)
		return 0;
	i = (size_t) (at - s);
	if (!(mm_dot_atom(s, i) || (i >= 2 && s[0] == '"' && s[i - 1] == '"')))
		return 0;
	s = at + 1;
	len -= i + 1;
	return mm_dot_atom(s, len) || (len >= 2 && s[0] == '[' &&
	    s[len - 1] == ']');
}

/* mm_mailbox - name-addr or addr-spec */
static int
mm_mailbox(const char *s, size_t len, char *err, size_t errlen)
{
	const char *lt;

	mm_trim(&s, &len);
	if (len == 0)
		return mmhs_text_error(err, errlen, "empty address in the list");
	lt = memchr(s, '<', len);
	if (lt == NULL ? !mm_addr_spec(s, len) : (s[len - 1] != '>' ||
	    !mm_addr_spec(lt + 1, (size_t) (s + len - 1 - lt - 1))))
		return mmhs_text_error(err, errlen, "\"%.*s\" is not a mailbox "
		    "(RFC 5322 name-addr or addr-spec)", (int) (len > 60 ? 60 :
		    len), s);
	return 0;
}

/* mm_address_list - RFC 5322 address-list of mailboxes */
static int
mm_address_list(const char *value, struct mmhs_mmhs_list *l, char *err,
	size_t errlen)
{
	const char *p, *start = value, *s;
	int	inquote = 0, angle = 0, comment = 0;
	size_t	len;

	for (p = value;; p++) {
		if (inquote && *p == '\\' && p[1] != '\0') {
			p++;
			continue;
		}
		if (*p == '"' && !comment)
			inquote = !inquote;
		else if (!inquote && *p == '(')
			comment++;
		else if (!inquote && *p == ')' && comment > 0)
			comment--;
		else if (!inquote && !comment && (*p == '<' || *p == '>'))
			angle = *p == '<';
		else if (!inquote && !comment && !angle && (*p == ':' ||
		    *p == ';'))
			return mmhs_text_error(err, errlen, "address groups are not "
			    "supported");
		if (*p != '\0' && (*p != ',' || inquote || angle || comment))
			continue;
		if (inquote || comment)
			return mmhs_text_error(err, errlen, "unbalanced quotes or "
			    "parentheses");
		if (mm_mailbox(start, (size_t) (p - start), err, errlen) < 0)
			return -1;
		if (l->ml_count >= MMHS_MMHS_LIST_MAX)
			return mmhs_text_error(err, errlen, "more than %d addresses",
			    MMHS_MMHS_LIST_MAX);
		s = start;
		len = (size_t) (p - start);
		mm_trim(&s, &len);
		mm_list_add(l, s, len);
		if (*p == '\0')
			return 0;
		start = p + 1;
	}
}

static const char *const mm_type_names[] = {
	"exercise", "operation", "project", "drill"
};

/* mm_msgtype_id - [";" [FWS] "identifier" [FWS] "=" [FWS] qms [FWS]] */
static int
mm_msgtype_id(const char *p, struct mmhs_mmhs_msgtype *mt, char *err,
	size_t errlen)
{
	const char *q;

	p = mm_skip_wsp(p + 1);
	if (!mmhs_text_ncaseeq(p, 10, "identifier"))
		return mmhs_text_error(err, errlen, "only the parameter "
		    "identifier=\"...\" may follow \";\"");
	p = mm_skip_wsp(p + 10);
	if (*p != '=')
		return mmhs_text_error(err, errlen, "\"=\" expected after identifier");
	p = mm_skip_wsp(p + 1);
	if (*p != '"' || (q = strchr(p + 1, '"')) == NULL)
		return mmhs_text_error(err, errlen, "the identifier must be a quoted "
		    "military string");
	if (mm_ps_string(p + 1, (size_t) (q - p - 1), 1, MMHS_MMHS_MILSTR_MAX,
	    "military string", err, errlen) < 0)
		return -1;
	if (*mm_skip_wsp(q + 1) != '\0')
		return mmhs_text_error(err, errlen, "text after the identifier");
	memcpy(mt->mt_id, p + 1, (size_t) (q - p - 1));
	mt->mt_id[q - p - 1] = '\0';
	mt->mt_has_id = 1;
	return 0;
}

/* mm_msgtype - MMHS-Message-Type value */
static int
mm_msgtype(const char *value, struct mmhs_mmhs_msgtype *mt, char *err,
	size_t errlen)
{
	const char *p = mm_skip_wsp(value), *q;
	unsigned long n = 0;
	unsigned i;

	memset(mt, 0, sizeof(*mt));
	if (mmhs_ascii_is_digit((unsigned char) *p)) {
		if (mm_nonneg(&p, &n, err, errlen) < 0)
			return -1;
		if (n > 255)
			return mmhs_text_error(err, errlen, "message type %lu is not in "
			    "0..255 (0-127 NATO, 128-255 national)", n);
	} else {
		for (q = p; mmhs_ascii_is_alpha((unsigned char) *q); q++)
			;
		for (i = 0; i < 4; i++)
			if (mmhs_text_ncaseeq(p, (size_t) (q - p), mm_type_names[i]))
				break;
		if (i == 4)
			return mmhs_text_error(err, errlen, "not a number nor exercise, "
			    "operation, project or drill");
		n = i;
		p = q;
	}
	mt->mt_type = (unsigned) n;
	if ((p = mmhs_text_skip_cfws(p)) == NULL)
		return mmhs_text_error(err, errlen, "unterminated comment");
	if (*p == '\0')
		return 0;
	if (*p != ';')
		return mmhs_text_error(err, errlen, "unexpected text after the type");
	return mm_msgtype_id(p, mt, err, errlen);
}

/*
 * SIO-Label parameters.  RFC 2231 sections of one parameter are kept
 * by number and joined at the end.
 */
#define SL_SECTIONS	64	/* ours: sections of one parameter */

enum sl_param { SL_MARKING, SL_FGCOLOR, SL_BGCOLOR, SL_TYPE, SL_LABEL,
	SL_NPARAMS };

static const char *const sl_names[SL_NPARAMS] = {
	"marking", "fgcolor", "bgcolor", "type", "label"
};

struct sl_parts {
	char   *sp_sect[SL_NPARAMS][SL_SECTIONS];
	int	sp_ext[SL_NPARAMS][SL_SECTIONS];
	int	sp_plain[SL_NPARAMS];	/* given without a section number */
};

/* sl_parts_free - release collected sections */
static void
sl_parts_free(struct sl_parts *sp)
{
	int	i, k;

	for (i = 0; i < SL_NPARAMS; i++)
		for (k = 0; k < SL_SECTIONS; k++)
			mmhs_free(sp->sp_sect[i][k]);
}

/* sl_is_attr - RFC 2231 attribute-char */
static int
sl_is_attr(int c)
{
	return c > 32 && c < 127 && strchr("()<>@,;:\\\"/[]?=*'%", c) == NULL;
}

/* sl_value - token (ext: with ' and %) or quoted-string, copied */
static const char *
sl_value(const char *p, int ext, char **out)
{
	const char *s = p;
	char   *o;

	if (*p != '"') {
		while (sl_is_attr((unsigned char) *p) || (ext && (*p == '\'' ||
		    *p == '%')))
			p++;
		if (p == s)
			return NULL;
		*out = mmhs_strndup(s, (size_t) (p - s));
		return p;
	}
	o = *out = mmhs_malloc(strlen(p) + 1);
	for (p++; *p != '"'; p++) {
		if (*p == '\0') {
			mmhs_free(*out);
			*out = NULL;
			return NULL;
		}
		if (*p == '\\' && p[1] != '\0')
			p++;
		*o++ = *p;
	}
	*o = '\0';
	return p + 1;
}

/* sl_section - "*N" after an attribute name: N, or -1 if none */
static const char *
sl_section(const char *p, long *sect, int *ext)
{
	*sect = -1;
	*ext = 0;
	if (*p == '*' && mmhs_ascii_is_digit((unsigned char) p[1])) {
		p++;
		if ((*p == '0' && mmhs_ascii_is_digit((unsigned char) p[1])) ||
		    mm_num(&p, 1, 2, sect) < 0)
			return NULL;
	}
	if (*p == '*') {
		*ext = 1;
		p++;
	}
	return p;
}

/* sl_store - keep one parameter section */
static int
sl_store(struct sl_parts *sp, const char *attr, size_t alen, long sect,
	int ext, char *val, char *err, size_t errlen)
{
	int	i;

	for (i = 0; i < SL_NPARAMS; i++)
		if (mmhs_text_ncaseeq(attr, alen, sl_names[i]))
			break;
	if (i == SL_NPARAMS) {
		mmhs_free(val);		/* RFC 7444: ignore unknown ones */
		return 0;
	}
	if (sect >= SL_SECTIONS)
		return mmhs_free(val), mmhs_text_error(err, errlen, "parameter \"%s\" "
		    "has more than %d sections", sl_names[i], SL_SECTIONS);
	if (sp->sp_sect[i][sect < 0 ? 0 : sect] != NULL ||
	    (sect < 0 && sp->sp_sect[i][1] != NULL) ||
	    (sect >= 0 && sp->sp_plain[i]))
		return mmhs_free(val), mmhs_text_error(err, errlen, "parameter \"%s\" "
		    "given twice", sl_names[i]);
	sp->sp_plain[i] = sect < 0;
	sp->sp_sect[i][sect < 0 ? 0 : sect] = val;
	sp->sp_ext[i][sect < 0 ? 0 : sect] = ext;
	return 0;
}

/* sl_collect - split the value into parameters */
static int
sl_collect(const char *value, struct sl_parts *sp, char *err, size_t errlen)
{
	const char *p = value, *attr;
	size_t	alen;
	long	sect;
	int	ext;
	char   *val;

	for (;;) {
		if ((p = mmhs_text_skip_cfws(p)) == NULL)
			return mmhs_text_error(err, errlen, "unterminated comment");
		if (*p == '\0')
			return 0;
		for (attr = p; sl_is_attr((unsigned char) *p); p++)
			;
		alen = (size_t) (p - attr);
		if (alen == 0 || (p = sl_section(p, &sect, &ext)) == NULL)
			return mmhs_text_error(err, errlen, "malformed parameter name");
		if ((p = mmhs_text_skip_cfws(p)) == NULL || *p != '=')
			return mmhs_text_error(err, errlen, "\"=\" expected after "
			    "\"%.*s\"", (int) (alen > 20 ? 20 : alen), attr);
		if ((p = mmhs_text_skip_cfws(p + 1)) == NULL ||
		    (p = sl_value(p, ext, &val)) == NULL)
			return mmhs_text_error(err, errlen, "malformed value of \"%.*s\"",
			    (int) (alen > 20 ? 20 : alen), attr);
		if (sl_store(sp, attr, alen, sect, ext, val, err, errlen) < 0)
			return -1;
		if ((p = mmhs_text_skip_cfws(p)) == NULL)
			return mmhs_text_error(err, errlen, "unterminated comment");
		if (*p != '\0' && *p++ != ';')
			return mmhs_text_error(err, errlen, "\";\" expected between "
			    "parameters");
	}
}

/* sl_hex - value of a hex digit or -1 */
static int
sl_hex(int c)
{
	if (mmhs_ascii_is_digit(c))
		return c - '0';
	c = mmhs_ascii_lower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* sl_join - one parameter from its sections, RFC 2231 decoded */
static int
sl_join(struct sl_parts *sp, int i, char **out, char *err, size_t errlen)
{
	size_t	total = 1, n = 0;
	const char *s;
	char   *o;
	int	k, m, hi, lo;

	for (k = 0; k < SL_SECTIONS && sp->sp_sect[i][k] != NULL; k++)
		total += strlen(sp->sp_sect[i][k]);
	for (m = k; k < SL_SECTIONS; k++)
		if (sp->sp_sect[i][k] != NULL)
			return mmhs_text_error(err, errlen, "parameter \"%s\": section "
			    "%d missing", sl_names[i], m);
	if (total == 1 && sp->sp_sect[i][0] == NULL)
		return 0;
	o = *out = mmhs_malloc(total);
	for (k = 0; k < SL_SECTIONS && sp->sp_sect[i][k] != NULL; k++) {
		s = sp->sp_sect[i][k];
		if (sp->sp_ext[i][k] && k == 0) {
			/* charset'language'text: the bytes are kept as is */
			if ((s = strchr(s, '\'')) == NULL ||
			    (s = strchr(s + 1, '\'')) == NULL)
				return mmhs_text_error(err, errlen, "parameter \"%s\": "
				    "charset'language' missing", sl_names[i]);
			s++;
		}
		for (; *s != '\0'; s++) {
			if (sp->sp_ext[i][k] && *s == '%') {
				if ((hi = sl_hex((unsigned char) s[1])) < 0 ||
				    (lo = sl_hex((unsigned char) s[2])) < 0 ||
				    hi + lo == 0)
					return mmhs_text_error(err, errlen, "parameter "
					    "\"%s\": bad %%-escape", sl_names[i]);
				o[n++] = (char) (hi * 16 + lo);
				s += 2;
			} else {
				o[n++] = *s;
			}
		}
	}
	o[n] = '\0';
	return 0;
}

/* RFC 7444 named-color, with the RFC's own spelling of fuchsia. */
static const char *const sl_colors[] = {
	"aqua", "black", "blue", "fuschia", "fuchsia", "gray", "green",
	"lime", "maroon", "navy", "olive", "purple", "red", "silver", "teal",
	"white", "yellow", "orange"
};

/* sl_color - color = "#" 6HEXDIG / named-color, into out[8] */
static int
sl_color(const char *name, const char *v, char *out, char *err,
	size_t errlen)
{
	size_t	i, len = strlen(v);

	if (len == 7 && v[0] == '#') {
		for (i = 1; i < 7 && sl_hex((unsigned char) v[i]) >= 0; i++)
			;
		if (i == 7) {
			memcpy(out, v, 8);
			return 0;
		}
	}
	for (i = 0; i < sizeof(sl_colors) / sizeof(sl_colors[0]); i++)
		if (mmhs_text_ncaseeq(v, len, sl_colors[i])) {
			memcpy(out, sl_colors[i], strlen(sl_colors[i]) + 1);
			return 0;
		}
	return mmhs_text_error(err, errlen, "%s \"%.20s\" is neither \"#\" and 6 hex "
	    "digits nor a named colour", name, v);
}

/* sl_b64 - value of a base64 character or -1 */
static int
sl_b64(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (mmhs_ascii_is_digit(c))
		return c - '0' + 52;
	return c == '+' ? 62 : c == '/' ? 63 : -1;
}

/* sl_base64 - RFC 4648 section 4, padding required, no white space */
static int
sl_base64(const char *s, unsigned char **out, size_t *outlen)
{
	size_t	len = strlen(s), i, n = 0;
	unsigned long acc;
	int	pad = 0, k, v;

	if (len == 0 || len % 4 != 0 || len / 4 * 3 > MMHS_MMHS_LABEL_MAX)
		return -1;
	*out = mmhs_malloc(len / 4 * 3);
	for (i = 0; i < len; i += 4) {
		acc = 0;
		for (k = 0; k < 4; k++) {
			if (s[i + k] == '=' && i + 4 == len && k >= 2 &&
			    (k == 3 || s[i + 3] == '=')) {
				pad++;
				v = 0;
			} else if ((v = sl_b64((unsigned char) s[i + k])) < 0 ||
			    pad > 0) {
				mmhs_free(*out);
				*out = NULL;
				return -1;
			}
			acc = acc << 6 | (unsigned long) v;
		}
		(*out)[n++] = (unsigned char) (acc >> 16);
		(*out)[n++] = (unsigned char) (acc >> 8);
		(*out)[n++] = (unsigned char) acc;
	}
	*outlen = n - (size_t) pad;
	return 0;
}

/* sl_der_set - one DER/BER SET with a definite length, nothing after */
static int
sl_der_set(const unsigned char *b, size_t len)
{
	size_t	hdr = 2, body = 0, k, nlen;

	if (len < 2 || b[0] != 0x31)
		return 0;
	if (b[1] < 0x80) {
		body = b[1];
	} else {
		nlen = b[1] & 0x7f;
		if (nlen == 0 || nlen > 4 || len < 2 + nlen)
			return 0;
		for (k = 0; k < nlen; k++)
			body = body << 8 | b[2 + k];
		hdr += nlen;
	}
	return hdr + body == len;
}

/* sl_check - the RFC 7444 section 4 rules over the parsed label */
static int
sl_check(struct mmhs_siolabel *sl, const char *label, char *err,
	size_t errlen)
{
	if (sl->sl_marking == NULL && (sl->sl_type == NULL || label == NULL))
		return mmhs_text_error(err, errlen, "a marking, or both type and "
		    "label, must be given");
	if ((sl->sl_type == NULL) != (label == NULL))
		return mmhs_text_error(err, errlen, "type and label go together");
	if (sl->sl_marking == NULL && (sl->sl_fgcolor[0] != '\0' ||
	    sl->sl_bgcolor[0] != '\0'))
		return mmhs_text_error(err, errlen, "fgcolor and bgcolor need a "
		    "marking");
	if (label == NULL)
		return 0;
	if (sl_base64(label, &sl->sl_label, &sl->sl_label_len) < 0)
		return mmhs_text_error(err, errlen, "label is not base64 (or longer "
		    "than %d octets)", MMHS_MMHS_LABEL_MAX);
	if ((strcmp(sl->sl_type, ":ess") == 0 ||
	    strcmp(sl->sl_type, ":x411") == 0) &&
	    !sl_der_set(sl->sl_label, sl->sl_label_len))
		return mmhs_text_error(err, errlen, "label of type \"%s\" is not one "
		    "DER-encoded SET", sl->sl_type);
	if (sl->sl_type[0] != ':' && strchr(sl->sl_type, ':') == NULL)
		return mmhs_text_error(err, errlen, "type \"%.40s\" is not \":ess\", "
		    "\":x411\", \":xml\" or a URI", sl->sl_type);
	if (sl->sl_type[0] == ':' && strcmp(sl->sl_type, ":xml") != 0 &&
	    strcmp(sl->sl_type, ":ess") != 0 &&
	    strcmp(sl->sl_type, ":x411") != 0)
		return mmhs_text_error(err, errlen, "unknown label type \"%.40s\"",
		    sl->sl_type);
	return 0;
}

/* mmhs_siolabel_free - release a parsed label */
void
mmhs_siolabel_free(struct mmhs_siolabel *sl)
{
	mmhs_free(sl->sl_marking);
	mmhs_free(sl->sl_type);
	mmhs_free(sl->sl_label);
	memset(sl, 0, sizeof(*sl));
}

/* mmhs_siolabel_parse - RFC 7444 SIO-Label value */
int
mmhs_siolabel_parse(const char *value, struct mmhs_siolabel *sl, char *err,
	size_t errlen)
{
	struct sl_parts sp;
	char   *v[SL_NPARAMS] = { NULL };
	int	i, rc = -1;

	memset(sl, 0, sizeof(*sl));
	memset(&sp, 0, sizeof(sp));
	if (sl_collect(value, &sp, err, errlen) < 0)
		goto done;
	for (i = 0; i < SL_NPARAMS; i++)
		if (sl_join(&sp, i, &v[i], err, errlen) < 0)
			goto done;
	if ((v[SL_FGCOLOR] != NULL && sl_color("fgcolor", v[SL_FGCOLOR],
	    sl->sl_fgcolor, err, errlen) < 0) || (v[SL_BGCOLOR] != NULL &&
	    sl_color("bgcolor", v[SL_BGCOLOR], sl->sl_bgcolor, err,
	    errlen) < 0))
		goto done;
	sl->sl_marking = v[SL_MARKING];
	sl->sl_type = v[SL_TYPE];
	v[SL_MARKING] = v[SL_TYPE] = NULL;
	rc = sl_check(sl, v[SL_LABEL], err, errlen);
done:
	for (i = 0; i < SL_NPARAMS; i++)
		mmhs_free(v[i]);
	sl_parts_free(&sp);
	if (rc < 0)
		mmhs_siolabel_free(sl);
	return rc;
}

/* Field parsers: value in, stored into mm, detail text out. */

/* mm_f_exempted - 3.1 */
static int
mm_f_exempted(struct mmhs_mmhs *mm, const char *v, char *err, size_t errlen)
{
	return mm_address_list(v, &mm->mm_exempted, err, errlen);
}

/* mm_f_auth_info - 3.2 */
static int
mm_f_auth_info(struct mmhs_mmhs *mm, const char *v, char *err, size_t errlen)
{
	if (strlen(v) >= sizeof(mm->mm_auth_info))
		return mmhs_text_error(err, errlen, "date-time longer than %zu "
		    "characters", sizeof(mm->mm_auth_info) - 1);
	if (mm_date_time(v, &mm->mm_auth_time, err, errlen) < 0)
		return -1;
	memcpy(mm->mm_auth_info, v, strlen(v) + 1);
	return 0;
}

/* mm_f_sics - 3.3 */
static int
mm_f_sics(struct mmhs_mmhs *mm, const char *v, char *err, size_t errlen)
{
	return mm_seq(v, MMHS_MMHS_SIC_MIN, MMHS_MMHS_SIC_MAX, "SIC",
	    &mm->mm_sics, err, errlen);
}

/* mm_f_handling - 3.4 */
static int
mm_f_handling(struct mmhs_mmhs *mm, const char *v, char *err, size_t errlen)
{
	return mm_seq(v, 1, MMHS_MMHS_MILSTR_MAX, "military string",
	    &mm->mm_handling, err, errlen);
}

/* mm_f_instructions - 3.5 */
static int
mm_f_instructions(struct mmhs_mmhs *mm, const char *v, char *err,
	size_t errlen)
{
	return mm_seq(v, 1, MMHS_MMHS_MILSTR_MAX, "military string",
	    &mm->mm_instructions, err, errlen);
}

/* mm_f_codress - 3.6 */
static int
mm_f_codress(struct mmhs_mmhs *mm, const char *v, char *err, size_t errlen)
{
	const char *p = mm_skip_wsp(v);

	if (mm_nonneg(&p, &mm->mm_codress, err, errlen) < 0)
		return -1;
	if (*mm_skip_wsp(p) != '\0')
		return mmhs_text_error(err, errlen, "text after the number");
	return 0;
}

/* mm_f_orig_ref - 3.7 */
static int
mm_f_orig_ref(struct mmhs_mmhs *mm, const char *v, char *err, size_t errlen)
{
	return mm_milstr(v, mm->mm_orig_ref, err, errlen);
}

/* mm_f_primary - 3.8 */
static int
mm_f_primary(struct mmhs_mmhs *mm, const char *v, char *err, size_t errlen)
{
	return mmhs_precedence_parse_header(v, &mm->mm_primary, err, errlen);
}

/* mm_f_copy - 3.9 */
static int
mm_f_copy(struct mmhs_mmhs *mm, const char *v, char *err, size_t errlen)
{
	return mmhs_precedence_parse_header(v, &mm->mm_copy, err, errlen);
}

/* mm_f_msgtype - 3.10 */
static int
mm_f_msgtype(struct mmhs_mmhs *mm, const char *v, char *err, size_t errlen)
{
	return mm_msgtype(v, &mm->mm_type, err, errlen);
}

/* mm_f_ori_to - 3.11 */
static int
mm_f_ori_to(struct mmhs_mmhs *mm, const char *v, char *err, size_t errlen)
{
	return mm_seq(v, 1, MMHS_MMHS_MILSTR_MAX, "designator",
	    &mm->mm_ori_to, err, errlen);
}

/* mm_f_ori_cc - 3.12 */
static int
mm_f_ori_cc(struct mmhs_mmhs *mm, const char *v, char *err, size_t errlen)
{
	return mm_seq(v, 1, MMHS_MMHS_MILSTR_MAX, "designator",
	    &mm->mm_ori_cc, err, errlen);
}

/* mm_f_acp127 - 3.13 */
static int
mm_f_acp127(struct mmhs_mmhs *mm, const char *v, char *err, size_t errlen)
{
	return mm_milstr(v, mm->mm_acp127_id, err, errlen);
}

/* mm_f_plad - 3.14 */
static int
mm_f_plad(struct mmhs_mmhs *mm, const char *v, char *err, size_t errlen)
{
	return mm_milstr(v, mm->mm_plad, err, errlen);
}

/* mm_f_siolabel - RFC 7444 section 4 */
static int
mm_f_siolabel(struct mmhs_mmhs *mm, const char *v, char *err, size_t errlen)
{
	return mmhs_siolabel_parse(v, &mm->mm_label, err, errlen);
}

/* Index = enum mmhs_mmhs_field. */
static const struct mm_def {
	const char *d_name;
	int	(*d_parse)(struct mmhs_mmhs *, const char *, char *, size_t);
} mm_defs[MMHS_F_COUNT] = {
	{ "MMHS-Exempted-Address", mm_f_exempted },
	{ "MMHS-Extended-Authorisation-Info", mm_f_auth_info },
	{ "MMHS-Subject-Indicator-Codes", mm_f_sics },
	{ "MMHS-Handling-Instructions", mm_f_handling },
	{ "MMHS-Message-Instructions", mm_f_instructions },
	{ "MMHS-Codress-Message-Indicator", mm_f_codress },
	{ "MMHS-Originator-Reference", mm_f_orig_ref },
	{ "MMHS-Primary-Precedence", mm_f_primary },
	{ "MMHS-Copy-Precedence", mm_f_copy },
	{ "MMHS-Message-Type", mm_f_msgtype },
	{ "MMHS-Other-Recipients-Indicator-To", mm_f_ori_to },
	{ "MMHS-Other-Recipients-Indicator-CC", mm_f_ori_cc },
	{ "MMHS-Acp127-Message-Identifier", mm_f_acp127 },
	{ "MMHS-Originator-PLAD", mm_f_plad },
	{ "SIO-Label", mm_f_siolabel },
};

/* mm_lookup - field index of a header name, or -1 */
static int
mm_lookup(const char *name)
{
	int	i;

	for (i = 0; i < MMHS_F_COUNT; i++)
		if (mmhs_text_ncaseeq(name, strlen(name), mm_defs[i].d_name))
			return i;
	return -1;
}

/* mm_shown - a value as quoted in an error: bounded, printable */
static void
mm_shown(const char *value, char *out, size_t outlen)
{
	size_t	i;

	for (i = 0; i + 1 < outlen && value[i] != '\0'; i++)
		out[i] = value[i] >= 32 && value[i] < 127 && value[i] != '"' ?
		    value[i] : '?';
	out[i] = '\0';
	if (value[i] != '\0' && i >= 3)
		memcpy(out + i - 3, "...", 3);
}

/* mm_parse - one field by index, error as "Name: \"value\": what" */
static int
mm_parse(struct mmhs_mmhs *mm, int f, const char *value, char *err,
	size_t errlen)
{
	char	what[MMHS_MMHS_ERR_LEN], shown[48];

	what[0] = '\0';
	if (mm_defs[f].d_parse(mm, value, what, sizeof(what)) == 0)
		return 0;
	mm_shown(value, shown, sizeof(shown));
	return mmhs_text_error(err, errlen, "%s: \"%s\": %s", mm_defs[f].d_name,
	    shown, what);
}

/* mmhs_mmhs_init - an empty set of fields */
void
mmhs_mmhs_init(struct mmhs_mmhs *mm)
{
	memset(mm, 0, sizeof(*mm));
	mm->mm_primary = MMHS_PREC_ROUTINE;
	mm->mm_copy = MMHS_PREC_ROUTINE;
}

/* mmhs_mmhs_free - release what the fields hold */
void
mmhs_mmhs_free(struct mmhs_mmhs *mm)
{
	mm_list_free(&mm->mm_exempted);
	mm_list_free(&mm->mm_sics);
	mm_list_free(&mm->mm_handling);
	mm_list_free(&mm->mm_instructions);
	mm_list_free(&mm->mm_ori_to);
	mm_list_free(&mm->mm_ori_cc);
	mmhs_siolabel_free(&mm->mm_label);
	mmhs_mmhs_init(mm);
}

/* mmhs_mmhs_field_name - header name of a field */
const char *
mmhs_mmhs_field_name(enum mmhs_mmhs_field f)
{
	return (unsigned) f < MMHS_F_COUNT ? mm_defs[f].d_name : NULL;
}

/* mmhs_mmhs_add - one top-level header field */
int
mmhs_mmhs_add(struct mmhs_mmhs *mm, const char *name, const char *value,
	char *err, size_t errlen)
{
	int	f = mm_lookup(name);

	if (f < 0) {
		if (mmhs_text_ncaseeq(name, strlen(name), "to"))
			mm->mm_have_to = 1;
		else if (mmhs_text_ncaseeq(name, strlen(name), "cc") ||
		    mmhs_text_ncaseeq(name, strlen(name), "bcc"))
			mm->mm_have_cc = 1;
		return 1;
	}
	if (mm->mm_present & (1u << f))
		return mmhs_text_error(err, errlen, "%s: the field appears more than "
		    "once", mm_defs[f].d_name);
	if (mm_parse(mm, f, value, err, errlen) < 0)
		return -1;
	mm->mm_present |= 1u << f;
	return 0;
}

/* mmhs_mmhs_check - rules over the whole header block */
int
mmhs_mmhs_check(const struct mmhs_mmhs *mm, char *err, size_t errlen)
{
	unsigned rfc6477 = mm->mm_present & ~(1u << MMHS_F_SIO_LABEL);

	if (rfc6477 == 0)
		return 0;
	if (mm->mm_have_to && !(mm->mm_present & (1u << MMHS_F_PRIMARY_PREC)))
		return mmhs_text_error(err, errlen, "MMHS-Primary-Precedence: missing; "
		    "RFC 6477 3.8 requires it when there are To: recipients");
	if (mm->mm_have_cc && !(mm->mm_present & (1u << MMHS_F_COPY_PREC)))
		return mmhs_text_error(err, errlen, "MMHS-Copy-Precedence: missing; "
		    "RFC 6477 3.9 requires it when there are Cc: or Bcc: "
		    "recipients");
	return 0;
}

/* mmhs_mmhs_validate - check one value without keeping it */
int
mmhs_mmhs_validate(const char *name, const char *value, char *err,
	size_t errlen)
{
	struct mmhs_mmhs mm;
	int	f = mm_lookup(name), rc;

	if (f < 0)
		return mmhs_text_error(err, errlen, "%s: not an MMHS header field",
		    name);
	mmhs_mmhs_init(&mm);
	rc = mm_parse(&mm, f, value, err, errlen);
	mmhs_mmhs_free(&mm);
	return rc;
}

/* mmhs_mmhs_precedence - the precedence that orders the message */
enum mmhs_precedence
mmhs_mmhs_precedence(const struct mmhs_mmhs *mm)
{
	if (mm->mm_present & (1u << MMHS_F_PRIMARY_PREC))
		return mm->mm_primary;
	if (mm->mm_present & (1u << MMHS_F_COPY_PREC))
		return mm->mm_copy;
	return MMHS_PREC_ROUTINE;
}
