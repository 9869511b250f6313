/* fuzz_profiler_match.c - libFuzzer target for the profiler's matchers
 * fuzz-sources: agents/profiler/profiler_match.c lib/mmhs_text.c
 *
 * Purpose: the profiler matches rule values against text that comes from
 * the network (SICs, subjects, bodies, originator addresses).  The first
 * byte picks the matcher, the rest is "value\ntext":
 *	p	prof_pattern_match: a string matches itself, "*" matches all
 *	w	prof_words_match: a phrase with a word is found in itself and
 *		in itself between two other words; never reads past len
 *	t	prof_window_parse/holds: a window holds at its first minute
 *		and not at its end
 *	y	prof_type_parse: -1 or 0..255
 *
 * Interface: LLVMFuzzerTestOneInput(); build as build-aux/check-all does
 * (clang -fsanitize=fuzzer,address,undefined -Ilib -I<builddir>).
 *
 * Error behaviour: a broken property calls abort(), which libFuzzer
 * reports as a crash and saves the input.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../agents/profiler/profiler_rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* fuzz_fail - report a broken property and crash */
static void
fuzz_fail(const char *what, const char *v)
{
	fprintf(stderr, "fuzz_profiler_match: %s\nvalue: %s\n", what, v);
	abort();
}

/* fuzz_pattern - no crash; reflexive; "*" matches everything */
static void
fuzz_pattern(const char *p, const char *s)
{
	(void) prof_pattern_match(p, s);
	if (!prof_pattern_match(s, s))
		fuzz_fail("a string does not match itself", s);
	if (!prof_pattern_match("*", s))
		fuzz_fail("\"*\" does not match", s);
}

/* fuzz_has_word - a letter, digit or non-ASCII byte in s */
static int
fuzz_has_word(const char *s)
{
	for (; *s != '\0'; s++)
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || (unsigned char) *s >= 0x80)
			return 1;
	return 0;
}

/* fuzz_words - the phrase is found in itself, also between other words */
static void
fuzz_words(const char *w, const char *text, size_t tlen)
{
	char	*t = malloc(tlen + 1), *around;
	size_t	n = strlen(w);

	/* exactly tlen bytes, so ASan sees any read past the length */
	memcpy(t, text, tlen);
	(void) prof_words_match(w, t, tlen);
	free(t);
	if (!fuzz_has_word(w)) {
		if (prof_words_match(w, w, n))
			fuzz_fail("a phrase without a word matched", w);
		return;
	}
	if (!prof_words_match(w, w, n))
		fuzz_fail("a phrase is not in itself", w);
	around = malloc(n + 4);
	memcpy(around, "a ", 2);
	memcpy(around + 2, w, n);
	memcpy(around + 2 + n, " b", 2);
	if (!prof_words_match(w, around, n + 4))
		fuzz_fail("a phrase is not found between two words", w);
	free(around);
}

/* fuzz_window - a window holds at its start and not at its end */
static void
fuzz_window(const char *v)
{
	struct prof_window w;
	char	err[128];

	if (prof_window_parse(v, &w, err, sizeof(err)) < 0)
		return;
	if (w.pw_start < 0 || w.pw_start >= 1440 || w.pw_end < 0 ||
	    w.pw_end >= 1440 || w.pw_start == w.pw_end)
		fuzz_fail("window bounds out of range", v);
	if (!prof_window_holds(&w, (time_t) w.pw_start * 60) ||
	    prof_window_holds(&w, (time_t) w.pw_end * 60))
		fuzz_fail("window does not hold at its start or holds at its "
		    "end", v);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*buf, *nl, *text;
	int	t;

	if (size < 1)
		return 0;
	buf = malloc(size);
	memcpy(buf, data + 1, size - 1);
	buf[size - 1] = '\0';
	if (strlen(buf) != size - 1) {	/* C strings only */
		free(buf);
		return 0;
	}
	nl = strchr(buf, '\n');
	text = nl != NULL ? nl + 1 : buf + strlen(buf);
	if (nl != NULL)
		*nl = '\0';
	switch (data[0]) {
	case 'p':
		fuzz_pattern(buf, text);
		break;
	case 'w':
		fuzz_words(buf, text, strlen(text));
		break;
	case 't':
		fuzz_window(buf);
		break;
	case 'y':
		if ((t = prof_type_parse(buf)) < -1 || t > 255)
			fuzz_fail("message type out of range", buf);
		break;
	}
	free(buf);
	return 0;
}
