/* fuzz_precedence.c - libFuzzer target for mmhs_precedence
 * fuzz-sources: lib/mmhs_precedence.c lib/mmhs_text.c
 *
 * Purpose: feed arbitrary bytes to the RFC 6477 header parser, the
 * MT-PRIORITY parameter parser and the name lookup.  Whatever parses
 * must format and parse back to the same level; MT-PRIORITY values
 * must map to a level whose own value maps back to it, rounding up.
 *
 * Interface: LLVMFuzzerTestOneInput(); build with
 *	clang -g -O1 -fsanitize=fuzzer,address,undefined -Ilib \
 *	    tests/fuzz/fuzz_precedence.c lib/mmhs_precedence.c
 * (plus -I for a config.h).
 *
 * Error behaviour: any broken property calls abort(), which libFuzzer
 * reports as a crash and saves the input.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmhs_precedence.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* fuzz_fail - report a broken property and crash */
static void
fuzz_fail(const char *what, const char *input)
{
	fprintf(stderr, "fuzz_precedence: %s\ninput: %s\n", what, input);
	abort();
}

/* fuzz_level - a level's own encodings must all lead back to it */
static void
fuzz_level(enum mmhs_precedence p, const char *input)
{
	enum mmhs_precedence q;
	char buf[MMHS_PREC_HEADER_LEN];

	if (!mmhs_precedence_valid((int) p))
		fuzz_fail("parser produced an invalid level", input);
	if (mmhs_precedence_format_header(p, buf, sizeof(buf)) < 0 ||
	    mmhs_precedence_parse_header(buf, &q, NULL, 0) != 0 || q != p)
		fuzz_fail("header round trip", input);
	if (mmhs_precedence_from_name(mmhs_precedence_name(p), &q) != 0 ||
	    q != p)
		fuzz_fail("name round trip", input);
	if (mmhs_precedence_from_mt_priority(
	    mmhs_precedence_to_mt_priority(p), &q, NULL, 0) != 0 || q != p)
		fuzz_fail("MT-PRIORITY round trip", input);
}

/* fuzz_header - RFC 6477 field body */
static void
fuzz_header(const char *input)
{
	enum mmhs_precedence p;
	unsigned long n;
	char err[128];
	int raw, cooked;

	raw = mmhs_precedence_parse_header_number(input, &n, err,
	    sizeof(err));
	if (raw != 0 && err[0] == '\0')
		fuzz_fail("number refusal without message", input);
	cooked = mmhs_precedence_parse_header(input, &p, err, sizeof(err));
	if (cooked != 0 && err[0] == '\0')
		fuzz_fail("header refusal without message", input);
	/* the two parsers must agree on which values are levels */
	if ((cooked == 0) != (raw == 0 && n <= MMHS_PREC_MAX))
		fuzz_fail("header parsers disagree", input);
	if (cooked == 0) {
		if ((unsigned long) p != n)
			fuzz_fail("header parsers give different values",
			    input);
		fuzz_level(p, input);
	}
}

/* fuzz_mt - MT-PRIORITY parameter value */
static void
fuzz_mt(const char *input)
{
	enum mmhs_precedence p;
	char err[128];
	int mt, back;

	if (mmhs_precedence_parse_mt_priority(input, &mt, err,
	    sizeof(err)) != 0)
		return;
	if (mt < MMHS_MT_PRIORITY_MIN || mt > MMHS_MT_PRIORITY_MAX)
		fuzz_fail("MT-PRIORITY out of range accepted", input);
	if (mmhs_precedence_from_mt_priority(mt, &p, err, sizeof(err)) != 0)
		fuzz_fail("valid MT-PRIORITY refused", input);
	back = mmhs_precedence_to_mt_priority(p);
	/* rounding goes up, except above the highest level (override) */
	if (back < mt && p != MMHS_PREC_OVERRIDE)
		fuzz_fail("MT-PRIORITY rounded down", input);
	fuzz_level(p, input);
}

/* LLVMFuzzerTestOneInput - libFuzzer entry point */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum mmhs_precedence p;
	char *input;

	if ((input = malloc(size + 1)) == NULL)
		return 0;
	memcpy(input, data, size);
	input[size] = '\0';
	fuzz_header(input);
	fuzz_mt(input);
	if (mmhs_precedence_from_name(input, &p) == 0)
		fuzz_level(p, input);
	free(input);
	return 0;
}
