/* fuzz_oraddr.c - libFuzzer target for mmhs_oraddr
 * fuzz-sources: lib/mmhs_oraddr.c lib/mmhs_text.c
 *
 * Purpose: feed arbitrary bytes to mmhs_oraddr_parse(), as address and
 * as pattern.  Whatever parses must format, parse again to an equal
 * address, and format to the same string (the canonical form is a
 * fixed point).  A refusal must leave a message.
 *
 * Interface: LLVMFuzzerTestOneInput(); build with
 *	clang -g -O1 -fsanitize=fuzzer,address,undefined -Ilib \
 *	    tests/fuzz/fuzz_oraddr.c lib/mmhs_oraddr.c
 * (plus -I for a config.h) and run with tests/fuzz/corpus/oraddr as a
 * read-only seed directory after a scratch corpus directory.
 *
 * Error behaviour: any broken property calls abort(), which libFuzzer
 * reports as a crash and saves the input.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmhs_oraddr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* fuzz_fail - report a broken property and crash */
static void
fuzz_fail(const char *what, const char *input, const char *detail)
{
	fprintf(stderr, "fuzz_oraddr: %s\ninput: %s\ndetail: %s\n", what,
	    input, detail);
	abort();
}

/* fuzz_round_trip - canonical form must be stable and mean the same */
static void
fuzz_round_trip(const char *input, int flags, const struct mmhs_oraddr *a)
{
	struct mmhs_oraddr b;
	char once[MMHS_ORADDR_STRLEN], twice[MMHS_ORADDR_STRLEN];
	char err[256];
	int n, m;

	n = mmhs_oraddr_format(a, once, sizeof(once));
	if (n < 0 || (size_t) n != strlen(once))
		fuzz_fail("format failed or wrong length", input, "");
	if (mmhs_oraddr_format(a, twice, (size_t) n) != -1 ||
	    strlen(twice) >= (size_t) n)
		fuzz_fail("short buffer not refused", input, once);
	if (mmhs_oraddr_parse(once, flags, &b, err, sizeof(err)) != 0)
		fuzz_fail("canonical form refused", once, err);
	m = mmhs_oraddr_format(&b, twice, sizeof(twice));
	if (m != n || strcmp(once, twice) != 0)
		fuzz_fail("canonical form not stable", once, twice);
	if (!mmhs_oraddr_equal(a, &b) || !mmhs_oraddr_equal(&b, a))
		fuzz_fail("round trip not equal", input, once);
	if (!mmhs_oraddr_prefix_match(a, &b) ||
	    !mmhs_oraddr_prefix_match(&b, a))
		fuzz_fail("round trip not a prefix of itself", input, once);
	if (mmhs_oraddr_specificity(a) != mmhs_oraddr_specificity(&b) ||
	    mmhs_oraddr_specificity(a) < 1)
		fuzz_fail("specificity changed", input, once);
	if (memcmp(a, &b, sizeof(b)) != 0)
		fuzz_fail("struct changed by round trip", input, once);
}

/* fuzz_one - parse with one set of flags and check what comes out */
static void
fuzz_one(const char *input, int flags)
{
	struct mmhs_oraddr a;
	char err[256];

	err[0] = 'X';
	if (mmhs_oraddr_parse(input, flags, &a, err, sizeof(err)) == 0) {
		if (err[0] != '\0')
			fuzz_fail("success left a message", input, err);
		fuzz_round_trip(input, flags, &a);
		return;
	}
	if (err[0] == '\0' || memchr(err, '\0', sizeof(err)) == NULL)
		fuzz_fail("refusal without message", input, "");
}

/* LLVMFuzzerTestOneInput - libFuzzer entry point */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *input;

	if ((input = malloc(size + 1)) == NULL)
		return 0;
	memcpy(input, data, size);
	input[size] = '\0';
	fuzz_one(input, 0);
	fuzz_one(input, MMHS_ORADDR_PATTERN);
	free(input);
	return 0;
}
