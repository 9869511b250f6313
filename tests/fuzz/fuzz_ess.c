/* fuzz_ess.c - libFuzzer target for mmhs_ess (ESS security labels)
 * fuzz-sources: lib/mmhs_ess.c lib/mmhs_ess_conv.c lib/mmhs_label.c lib/mmhs_text.c -lcrypto
 *
 * Purpose: feed arbitrary bytes to mmhs_ess_decode() and
 * mmhs_ess_equiv_decode().  Whatever decodes must encode, decode again
 * to the same label and encode to the same bytes (our DER is a fixed
 * point), and input that is already in our order must come back
 * byte-identical.  A refusal must leave a message.
 *
 * Interface: LLVMFuzzerTestOneInput(); build as build-aux/check-all
 * does, with the sources above and -lcrypto, and run with
 * tests/fuzz/corpus/ess as the seed directory.
 *
 * Error behaviour: any broken property calls abort(), which libFuzzer
 * reports as a crash and saves the input.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmhs_ess.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* fuzz_fail - report a broken property and crash */
static void
fuzz_fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_ess: %s: %s\n", what, detail);
	abort();
}

/* fuzz_same - do two decoded labels say the same? */
static int
fuzz_same(const struct mmhs_ess_label *a, const struct mmhs_ess_label *b)
{
	int i;

	if (strcmp(a->el_policy, b->el_policy) != 0 ||
	    a->el_has_class != b->el_has_class || a->el_class != b->el_class ||
	    a->el_has_mark != b->el_has_mark ||
	    a->el_mark_utf8 != b->el_mark_utf8 ||
	    strcmp(a->el_mark, b->el_mark) != 0 || a->el_ncat != b->el_ncat)
		return 0;
	for (i = 0; i < a->el_ncat; i++)
		if (strcmp(a->el_cat[i].ec_type, b->el_cat[i].ec_type) != 0 ||
		    a->el_cat[i].ec_value_len != b->el_cat[i].ec_value_len ||
		    memcmp(a->el_cat[i].ec_value, b->el_cat[i].ec_value,
		    a->el_cat[i].ec_value_len) != 0)
			return 0;
	return 1;
}

/* fuzz_label - one label: its encoding is a fixed point */
static void
fuzz_label(const uint8_t *data, size_t size, const struct mmhs_ess_label *el)
{
	struct mmhs_ess_label back;
	struct mmhs_label lb;
	unsigned char *der, *again;
	size_t len, alen;
	char err[256];

	if (mmhs_ess_encode(el, &der, &len, err, sizeof(err)) < 0)
		fuzz_fail("decoded label not encoded", err);
	if (mmhs_ess_decode(der, len, &back, err, sizeof(err)) < 0)
		fuzz_fail("our encoding refused", err);
	if (!fuzz_same(el, &back))
		fuzz_fail("round trip changed the label", el->el_policy);
	if (mmhs_ess_encode(&back, &again, &alen, err, sizeof(err)) < 0 ||
	    alen != len || memcmp(der, again, len) != 0)
		fuzz_fail("encoding not stable", el->el_policy);
	/* only a PrintableString mark may move (before -> after the SET) */
	if (data != NULL && (len != size || (memcmp(der, data, size) != 0 &&
	    !(el->el_has_mark && !el->el_mark_utf8 && el->el_ncat > 0))))
		fuzz_fail("accepted input is not our DER", el->el_policy);
	err[0] = '\0';
	if (mmhs_ess_to_label(el, &lb, err, sizeof(err)) < 0 && err[0] == '\0')
		fuzz_fail("to_label refusal without a message", "");
	mmhs_ess_free(&back);
	free(der);
	free(again);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mmhs_ess_label el, *els;
	char err[256];
	int i, n;

	err[0] = '\0';
	if (mmhs_ess_decode(data, size, &el, err, sizeof(err)) == 0)
		fuzz_label(data, size, &el);
	else if (err[0] == '\0')
		fuzz_fail("refusal without a message", "label");
	mmhs_ess_free(&el);
	err[0] = '\0';
	if (mmhs_ess_equiv_decode(data, size, &els, &n, err,
	    sizeof(err)) == 0) {
		for (i = 0; i < n; i++)
			fuzz_label(NULL, 0, &els[i]);
	} else if (err[0] == '\0')
		fuzz_fail("refusal without a message", "EquivalentLabels");
	mmhs_ess_equiv_free(els, n);
	return 0;
}
