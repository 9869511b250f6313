/* fuzz_summary.c - libFuzzer target for the one-pass message summary
 * fuzz-sources: lib/mmhs_summary.c lib/mmhs_summary_text.c lib/mmhs_msg.c lib/mmhs_mmhs.c lib/mmhs_precedence.c lib/mmhs_log.c lib/mmhs_alloc.c lib/mmhs_text.c
 *
 * Purpose: arbitrary bytes as a message for mmhs_summary_parse() (the
 * store, profiler, archive and ffmon all call it on what arrives over
 * LMTP), and for mmhs_summary_field().
 * Properties: a refusal has a reason; an accepted summary has a text
 * (never NULL) of su_text_len octets, no NUL inside, at most
 * MMHS_SUMMARY_TEXT_MAX; su_size is the input's length; addresses have
 * an "@" with something on both sides and no blank outside quotes;
 * a Message-ID holding "<...>" is just that; freeing twice is
 * harmless.
 * Interface: libFuzzer's.
 * Error behaviour: a broken property aborts.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmhs_alloc.h"
#include "mmhs_summary.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* fuzz_fail - report a broken property and crash */
static void
fuzz_fail(const char *what)
{
	fprintf(stderr, "fuzz_summary: %s\n", what);
	abort();
}

/* fuzz_addr - an addr-spec: local@domain, nothing blank unquoted */
static void
fuzz_addr(const char *a)
{
	const char *at;

	if (a == NULL)
		return;
	at = strrchr(a, '@');
	if (at == NULL || at == a || at[1] == '\0')
		fuzz_fail("address without local part or domain");
	if (a[0] != '"' && strpbrk(a, " \t\r\n") != NULL)
		fuzz_fail("blank in an unquoted address");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mmhs_summary su;
	char	err[512] = "", *v;
	size_t	n;

	if (mmhs_summary_parse(&su, (const char *)data, size, err,
	    sizeof(err)) < 0) {
		if (err[0] == '\0')
			fuzz_fail("refused without a reason");
	} else {
		if (su.su_text == NULL || strlen(su.su_text) != su.su_text_len ||
		    su.su_text_len > MMHS_SUMMARY_TEXT_MAX)
			fuzz_fail("text length");
		if (su.su_size != size)
			fuzz_fail("size");
		fuzz_addr(su.su_from);
		fuzz_addr(su.su_sender);
		fuzz_addr(su.su_mdn_to);
		n = su.su_message_id != NULL ? strlen(su.su_message_id) : 0;
		if (n > 0 && su.su_message_id[0] == '<' &&
		    strchr(su.su_message_id, '>') != NULL &&
		    strchr(su.su_message_id, '>') != su.su_message_id + n - 1)
			fuzz_fail("Message-ID with text after \">\"");
		if (su.su_content_type == NULL)
			fuzz_fail("no content type");
	}
	mmhs_summary_free(&su);
	mmhs_summary_free(&su);
	v = mmhs_summary_field((const char *)data, size, "Subject");
	mmhs_free(v);
	return 0;
}
