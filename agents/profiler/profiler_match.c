/* profiler_match.c - the comparisons profiling rules are made of
 *
 * Pure functions over caller strings; nothing allocates.  Case is
 * ignored for ASCII letters only (the rules and the RFC 6477 fields are
 * ASCII; other bytes compare as they are).
 *
 *	prof_pattern_match	"*" any run, "?" one character (one UTF-8
 *				sequence), everything else itself
 *	prof_words_match	the words of a phrase appear in the text as
 *				whole words, one after the other; a word is
 *				a run of ASCII letters and digits and of
 *				non-ASCII bytes, anything else separates
 *	prof_name_eq		caseIgnoreMatch: case and insignificant
 *				spaces ignored
 *	prof_window_*		"HH:MM-HH:MM" UTC, [start, end), wraps when
 *				end < start; start = end is refused (as the
 *				acp133 overlay does)
 *	prof_type_parse		exercise 0, operation 1, project 2, drill 3,
 *				or a number 0..255 (RFC 6477 national types)
 */
#include "config.h"

#include <string.h>

#include "mmhs_ascii.h"
#include "mmhs_text.h"
#include "profiler_rules.h"

#define PROF_DAY_S	86400

/* prof_lower - one byte, ASCII folded */
static int
prof_lower(const char *p)
{
	return mmhs_ascii_lower((unsigned char) *p);
}

/* prof_char_len - bytes of the UTF-8 sequence at s (1 for bad ones) */
static size_t
prof_char_len(const char *s)
{
	size_t n = 1;

	if ((unsigned char) s[0] < 0xc0)
		return 1;
	while (n < 4 && ((unsigned char) s[n] & 0xc0) == 0x80)
		n++;
	return n;
}

/* prof_pattern_match - 1 when s matches pattern (whole string) */
int
prof_pattern_match(const char *p, const char *s)
{
	const char *star = NULL, *resume = NULL;

	while (*s != '\0') {
		if (*p == '*') {
			star = p++;
			resume = s;
		} else if (*p == '?') {
			p++;
			s += prof_char_len(s);
		} else if (*p != '\0' && prof_lower(p) == prof_lower(s)) {
			p++;
			s++;
		} else if (star != NULL) {
			/* let the last "*" take one more byte and retry */
			p = star + 1;
			s = ++resume;
		} else
			return 0;
	}
	while (*p == '*')
		p++;
	return *p == '\0';
}

/* prof_word_char - part of a word */
static int
prof_word_char(int c)
{
	return mmhs_ascii_is_alpha(c) || mmhs_ascii_is_digit(c) || c >= 0x80;
}

/* prof_word_len - length of the word at p (0 when p is no word) */
static size_t
prof_word_len(const char *p, const char *end)
{
	const char *q = p;

	while (q < end && prof_word_char((unsigned char) *q))
		q++;
	return (size_t) (q - p);
}

/* prof_next_word - start of the next word at or after p, or end */
static const char *
prof_next_word(const char *p, const char *end)
{
	while (p < end && !prof_word_char((unsigned char) *p))
		p++;
	return p;
}

/* prof_word_eq - two words of the same length, case ignored */
static int
prof_word_eq(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (prof_lower(a + i) != prof_lower(b + i))
			return 0;
	return 1;
}

/* prof_phrase_at - the phrase's words start at text word t */
static int
prof_phrase_at(const char *ph, const char *phend, const char *t,
	const char *end)
{
	size_t pn, tn;

	for (ph = prof_next_word(ph, phend); ph < phend;
	    ph = prof_next_word(ph + pn, phend)) {
		t = prof_next_word(t, end);
		pn = prof_word_len(ph, phend);
		tn = prof_word_len(t, end);
		if (pn != tn || !prof_word_eq(ph, t, pn))
			return 0;
		t += tn;
	}
	return 1;
}

/* prof_words_match - 1 when the phrase's words are in text[0..len) */
int
prof_words_match(const char *phrase, const char *text, size_t len)
{
	const char *phend = phrase + strlen(phrase), *end = text + len;
	const char *t;

	if (prof_next_word(phrase, phend) == phend)
		return 0;
	for (t = prof_next_word(text, end); t < end;
	    t = prof_next_word(t + prof_word_len(t, end), end))
		if (prof_phrase_at(phrase, phend, t, end))
			return 1;
	return 0;
}

/* prof_skip_sp - past spaces */
static const char *
prof_skip_sp(const char *p)
{
	while (*p == ' ')
		p++;
	return p;
}

/* prof_name_eq - caseIgnoreMatch of two directory strings */
int
prof_name_eq(const char *a, const char *b)
{
	a = prof_skip_sp(a);
	b = prof_skip_sp(b);
	while (*a != '\0' && *b != '\0') {
		if (*a == ' ' && *b == ' ') {
			a = prof_skip_sp(a);
			b = prof_skip_sp(b);
			continue;
		}
		if (prof_lower(a) != prof_lower(b))
			return 0;
		a++;
		b++;
	}
	return *prof_skip_sp(a) == '\0' && *prof_skip_sp(b) == '\0';
}

/* prof_hhmm - "HH:MM" to minutes of the day, -1 when malformed */
static int
prof_hhmm(const char *s)
{
	int	h, m;

	if (!mmhs_ascii_is_digit((unsigned char) s[0]) ||
	    !mmhs_ascii_is_digit((unsigned char) s[1]) || s[2] != ':' ||
	    !mmhs_ascii_is_digit((unsigned char) s[3]) ||
	    !mmhs_ascii_is_digit((unsigned char) s[4]))
		return -1;
	h = (s[0] - '0') * 10 + s[1] - '0';
	m = (s[3] - '0') * 10 + s[4] - '0';
	return h > 23 || m > 59 ? -1 : h * 60 + m;
}

/* prof_window_parse - "HH:MM-HH:MM" */
int
prof_window_parse(const char *s, struct prof_window *w, char *err,
	size_t errlen)
{
	if (strlen(s) != 11 || s[5] != '-' ||
	    (w->pw_start = prof_hhmm(s)) < 0 ||
	    (w->pw_end = prof_hhmm(s + 6)) < 0)
		return mmhs_text_error(err, errlen, "mmhsMatchTime \"%s\": "
		    "not HH:MM-HH:MM (00:00 to 23:59)", s);
	if (w->pw_start == w->pw_end)
		return mmhs_text_error(err, errlen, "mmhsMatchTime \"%s\": "
		    "empty window (start equals end)", s);
	return 0;
}

/* prof_window_holds - 1 when now (UTC) falls in the window */
int
prof_window_holds(const struct prof_window *w, time_t now)
{
	long	sec = (long) (now % PROF_DAY_S);
	int	m;

	if (sec < 0)
		sec += PROF_DAY_S;
	m = (int) (sec / 60);
	if (w->pw_start < w->pw_end)
		return m >= w->pw_start && m < w->pw_end;
	return m >= w->pw_start || m < w->pw_end;
}

/* prof_type_parse - a message type name or number, -1 when neither */
int
prof_type_parse(const char *s)
{
	static const char *const names[] = {
		"exercise", "operation", "project", "drill"
	};
	size_t	i;
	int	v = 0;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (mmhs_text_ncaseeq(s, strlen(s), names[i]))
			return (int) i;
	if (*s == '\0' || strlen(s) > 3)
		return -1;
	for (; *s != '\0'; s++) {
		if (!mmhs_ascii_is_digit((unsigned char) *s))
			return -1;
		v = v * 10 + *s - '0';
	}
	return v > 255 ? -1 : v;
}
