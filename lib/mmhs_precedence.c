/* mmhs_precedence.c - military message precedence and its encodings
 *
 * Purpose: one type for ACP 123 / STANAG 4406 precedence, with its
 * three Internet spellings: the level names, the SMTP MT-PRIORITY
 * parameter (RFC 6710) and the MMHS-Primary-Precedence /
 * MMHS-Copy-Precedence header fields (RFC 6477).
 *
 * Interface: see mmhs_precedence.h.
 *
 * Error behaviour: parsers return -1 and write one line of text into a
 * caller buffer; nothing allocates, logs, exits or keeps state, so the
 * file can be compiled into a slapd overlay.
 *
 * Facts, checked against the RFC texts:
 *
 *	RFC 6477 section 3.8/3.9: the header value is "a non-negative
 *	integer, or one of the six predefined case-insensitive labels"
 *	deferred (0) routine (1) priority (2) immediate (3) flash (4)
 *	override (5), "optionally followed by a comment".  Per ACP 123,
 *	0..15 are reserved for NATO-defined levels and 16..31 for
 *	national use.  Section 4: precedence = (nonneg-integer /
 *	std-precedence) [CFWS], nonneg-integer = "0" / (NZ-DIGIT *DIGIT),
 *	so "07" is not valid.  The RFC sets no upper bound; RFC 6710
 *	appendix A says ACP 123 allows 32 levels.  We refuse 6..15 and
 *	16..31 with their reason and anything larger as undefined; a
 *	national profile can use mmhs_precedence_parse_header_number().
 *
 *	RFC 6710 section 7: priority-value = (["-"] NZDIGIT) / "0", i.e.
 *	-9..9, no "+" and no "-0".  Appendix A (policy "STANAG4406"):
 *	-4 deferred, -2 routine, 0 priority, 2 immediate, 4 flash,
 *	6 override.  Section 5: a server supporting fewer levels "will
 *	internally round up" an unsupported value "to the next higher
 *	supported number (or to the highest supported priority, if the
 *	value is higher than any supported priority)"; its own example
 *	treats values up to -4 as -4 and 5..9 as 6, and section 8 handles
 *	MT-PRIORITY=3 as 4.  So 3 is flash, not immediate.  Section 5 also
 *	says a relay MUST pass on the priority it determined, not the
 *	rounded one: callers relaying a message keep the received number.
 *
 * Name matching folds ASCII case by hand so that the locale cannot
 * change it.
 */

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "mmhs_ascii.h"
#include "mmhs_text.h"
#include "mmhs_precedence.h"

/* Index = enum value. */
static const char *const prec_names[] = {
	"deferred", "routine", "priority", "immediate", "flash", "override"
};

/* MT-PRIORITY per level, index = enum value (RFC 6710 appendix A). */
static const int prec_mt[] = { -4, -2, 0, 2, 4, 6 };

#define PREC_NLEVELS	(sizeof(prec_names) / sizeof(prec_names[0]))

/* Bound on header digits, so the number cannot overflow. */
#define PREC_MAX_DIGITS	9

/* prec_clear_error - start with an empty message */
static void
prec_clear_error(char *err, size_t errlen)
{
	if (err != NULL && errlen > 0)
		err[0] = '\0';
}

/* prec_is_wsp - white space of a (possibly still folded) header body */
static int
prec_is_wsp(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* prec_lookup - level named by n bytes at s, any case, or -1 */
static int
prec_lookup(const char *s, size_t n)
{
	size_t i, k;

	for (i = 0; i < PREC_NLEVELS; i++) {
		if (strlen(prec_names[i]) != n)
			continue;
		for (k = 0; k < n; k++)
			if (mmhs_ascii_lower((unsigned char) s[k]) !=
			    prec_names[i][k])
				break;
		if (k == n)
			return (int) i;
	}
	return -1;
}

/* mmhs_precedence_valid - is p one of the six levels */
int
mmhs_precedence_valid(int p)
{
	return p >= MMHS_PREC_MIN && p <= MMHS_PREC_MAX;
}

/* mmhs_precedence_name - lower-case name of a level */
const char *
mmhs_precedence_name(enum mmhs_precedence p)
{
	return mmhs_precedence_valid((int) p) ? prec_names[p] : NULL;
}

/* mmhs_precedence_from_name - level for a name, any case */
int
mmhs_precedence_from_name(const char *name, enum mmhs_precedence *p)
{
	int i;

	if (name == NULL || p == NULL)
		return -1;
	if ((i = prec_lookup(name, strlen(name))) < 0)
		return -1;
	*p = (enum mmhs_precedence) i;
	return 0;
}

/* mmhs_precedence_to_mt_priority - STANAG4406 policy value of a level */
int
mmhs_precedence_to_mt_priority(enum mmhs_precedence p)
{
	return mmhs_precedence_valid((int) p) ? prec_mt[p] :
	    MMHS_MT_PRIORITY_INVALID;
}

/* mmhs_precedence_from_mt_priority - level for an MT-PRIORITY, rounding up */
int
mmhs_precedence_from_mt_priority(int mt, enum mmhs_precedence *p,
	char *err, size_t errlen)
{
	size_t i;

	prec_clear_error(err, errlen);
	if (mt < MMHS_MT_PRIORITY_MIN || mt > MMHS_MT_PRIORITY_MAX)
		return mmhs_text_error(err, errlen,
		    "MT-PRIORITY %d outside %d..%d", mt,
		    MMHS_MT_PRIORITY_MIN, MMHS_MT_PRIORITY_MAX);
	if (p == NULL)
		return mmhs_text_error(err, errlen, "no result variable");
	for (i = 0; i < PREC_NLEVELS - 1; i++)
		if (mt <= prec_mt[i])
			break;
	*p = (enum mmhs_precedence) i;
	return 0;
}

/* mmhs_precedence_parse_mt_priority - syntax of the ESMTP parameter */
int
mmhs_precedence_parse_mt_priority(const char *str, int *mt, char *err,
	size_t errlen)
{
	const char *s = str;
	int neg = 0;

	prec_clear_error(err, errlen);
	if (str == NULL || mt == NULL)
		return mmhs_text_error(err, errlen, "no MT-PRIORITY value");
	if (s[0] == '0' && s[1] == '\0') {
		*mt = 0;
		return 0;
	}
	if (s[0] == '-') {
		neg = 1;
		s++;
	}
	if (s[0] < '1' || s[0] > '9' || s[1] != '\0')
		return mmhs_text_error(err, errlen,
		    "MT-PRIORITY must be 0 or an optional '-' and one digit"
		    " 1-9");
	*mt = neg ? -(s[0] - '0') : s[0] - '0';
	return 0;
}

/*
 * prec_skip_comment - step over one RFC 5322 comment starting at '('
 *
 * Comments nest and may hold quoted pairs; ctext is not checked
 * further, since the text is only for people.
 */
static int
prec_skip_comment(const char **pp, char *err, size_t errlen)
{
	const char *p = *pp;
	int depth = 0;

	do {
		switch (*p) {
		case '\0':
			return mmhs_text_error(err, errlen, "unterminated comment");
		case '(':
			depth++;
			break;
		case ')':
			depth--;
			break;
		case '\\':
			if (p[1] == '\0')
				return mmhs_text_error(err, errlen,
				    "unterminated comment");
			p++;
			break;
		}
		p++;
	} while (depth > 0);
	*pp = p;
	return 0;
}

/* prec_skip_cfws - step over white space and comments to the end */
static int
prec_skip_cfws(const char *p, char *err, size_t errlen)
{
	for (;;) {
		while (prec_is_wsp((unsigned char) *p))
			p++;
		if (*p == '\0')
			return 0;
		if (*p != '(')
			return mmhs_text_error(err, errlen,
			    "unexpected text after precedence");
		if (prec_skip_comment(&p, err, errlen) < 0)
			return -1;
	}
}

/* prec_scan_number - RFC 6477 nonneg-integer at *pp */
static int
prec_scan_number(const char **pp, unsigned long *num, char *err,
	size_t errlen)
{
	const char *p = *pp;
	unsigned long n = 0;
	int digits = 0;

	if (p[0] == '0' && mmhs_ascii_is_digit((unsigned char) p[1]))
		return mmhs_text_error(err, errlen,
		    "leading zero in precedence number");
	for (; mmhs_ascii_is_digit((unsigned char) *p); p++) {
		if (++digits > PREC_MAX_DIGITS)
			return mmhs_text_error(err, errlen,
			    "precedence number too large");
		n = n * 10 + (unsigned long) (*p - '0');
	}
	*num = n;
	*pp = p;
	return 0;
}

/* prec_scan_name - one of the six names at *pp, as its number */
static int
prec_scan_name(const char **pp, unsigned long *num, char *err,
	size_t errlen)
{
	const char *p = *pp;
	char shown[16];
	int level;

	while (mmhs_ascii_is_alpha((unsigned char) *p))
		p++;
	if ((level = prec_lookup(*pp, (size_t) (p - *pp))) < 0) {
		snprintf(shown, sizeof(shown), "%.*s", (int) (p - *pp), *pp);
		return mmhs_text_error(err, errlen,
		    "unknown precedence name \"%s%s\"", shown,
		    (size_t) (p - *pp) >= sizeof(shown) ? "..." : "");
	}
	*num = (unsigned long) level;
	*pp = p;
	return 0;
}

/* mmhs_precedence_parse_header_number - RFC 6477 field body to a number */
int
mmhs_precedence_parse_header_number(const char *value, unsigned long *num,
	char *err, size_t errlen)
{
	const char *p = value;
	int rc;

	prec_clear_error(err, errlen);
	if (value == NULL || num == NULL)
		return mmhs_text_error(err, errlen, "no precedence value");
	while (prec_is_wsp((unsigned char) *p))
		p++;
	if (mmhs_ascii_is_digit((unsigned char) *p))
		rc = prec_scan_number(&p, num, err, errlen);
	else if (mmhs_ascii_is_alpha((unsigned char) *p))
		rc = prec_scan_name(&p, num, err, errlen);
	else
		rc = mmhs_text_error(err, errlen,
		    *p == '\0' ? "empty precedence value" :
		    "precedence must be a number or a name");
	if (rc < 0)
		return -1;
	return prec_skip_cfws(p, err, errlen);
}

/* mmhs_precedence_parse_header - RFC 6477 field body to a defined level */
int
mmhs_precedence_parse_header(const char *value, enum mmhs_precedence *p,
	char *err, size_t errlen)
{
	unsigned long n;

	if (mmhs_precedence_parse_header_number(value, &n, err, errlen) < 0)
		return -1;
	if (p == NULL)
		return mmhs_text_error(err, errlen, "no result variable");
	if (n <= MMHS_PREC_MAX) {
		*p = (enum mmhs_precedence) n;
		return 0;
	}
	if (n <= 15)
		return mmhs_text_error(err, errlen,
		    "precedence %lu is reserved for NATO-defined levels", n);
	if (n <= 31)
		return mmhs_text_error(err, errlen,
		    "precedence %lu is reserved for national use", n);
	return mmhs_text_error(err, errlen,
	    "precedence %lu is not defined (ACP 123 uses 0..31)", n);
}

/* mmhs_precedence_format_header - "N (name)" for the header fields */
int
mmhs_precedence_format_header(enum mmhs_precedence p, char *buf,
	size_t len)
{
	int n;

	if (!mmhs_precedence_valid((int) p) || buf == NULL || len == 0)
		return -1;
	n = snprintf(buf, len, "%d (%s)", (int) p, prec_names[p]);
	if (n < 0 || (size_t) n >= len) {
		buf[0] = '\0';
		return -1;
	}
	return n;
}

/* mmhs_precedence_cmp - higher precedence sorts first */
int
mmhs_precedence_cmp(enum mmhs_precedence a, enum mmhs_precedence b)
{
	return (int) b - (int) a;
}
