/* fuzz_mmhs.c - libFuzzer target for the RFC 6477 fields and SIO-Label - fuzz-sources: lib/mmhs_mmhs.c lib/mmhs_precedence.c lib/mmhs_msg.c lib/mmhs_log.c lib/mmhs_alloc.c lib/mmhs_text.c */
/*
 * Purpose: arbitrary values for every MMHS header field and the
 * SIO-Label, and arbitrary header blocks read as the MTA reads them.
 * Properties: a refusal always comes with a message naming the field;
 * validate() and add() agree; a parsed ":ess" label is one DER SET.
 *
 * Interface: LLVMFuzzerTestOneInput(); build with
 *	clang -g -O1 -fsanitize=fuzzer,address,undefined -I lib -I BUILD \
 *	    tests/fuzz/fuzz_mmhs.c lib/mmhs_mmhs.c lib/mmhs_precedence.c \
 *	    lib/mmhs_msg.c lib/mmhs_log.c lib/mmhs_alloc.c
 * The first octet picks the field; the rest is its value, and also a
 * whole header block.
 *
 * Error behaviour: a broken property calls abort().
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmhs_mmhs.h"
#include "mmhs_msg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* fz_fail - report a broken property and crash */
static void
fz_fail(const char *what, const char *input)
{
	fprintf(stderr, "fuzz_mmhs: %s\ninput: %s\n", what, input);
	abort();
}

/* fz_header - top-level fields into the structure */
static int
fz_header(void *ctx, const struct mmhs_msg_event *ev)
{
	char	err[MMHS_MMHS_ERR_LEN];

	if (ev->ev_type != MMHS_MSG_EV_HEADER || ev->ev_depth != 0)
		return 0;
	err[0] = '\0';
	if (mmhs_mmhs_add(ctx, ev->ev_name, ev->ev_value, err,
	    sizeof(err)) < 0) {
		if (err[0] == '\0')
			fz_fail("refusal without a message", ev->ev_value);
		return 1;
	}
	return 0;
}

/* fz_value - one value for one field */
static void
fz_value(enum mmhs_mmhs_field f, const char *value)
{
	struct mmhs_mmhs mm;
	const char *name = mmhs_mmhs_field_name(f);
	char	err[MMHS_MMHS_ERR_LEN];
	int	v, a;

	err[0] = '\0';
	v = mmhs_mmhs_validate(name, value, err, sizeof(err));
	if (v < 0 && strncmp(err, name, strlen(name)) != 0)
		fz_fail("error does not name the field", value);
	mmhs_mmhs_init(&mm);
	a = mmhs_mmhs_add(&mm, name, value, err, sizeof(err));
	if (a != v)
		fz_fail("validate and add disagree", value);
	if (a == 0 && f == MMHS_F_SIO_LABEL && mm.mm_label.sl_type != NULL &&
	    strcmp(mm.mm_label.sl_type, ":ess") == 0 &&
	    (mm.mm_label.sl_label_len < 2 || mm.mm_label.sl_label[0] != 0x31))
		fz_fail("accepted :ess label is not a SET", value);
	if (a == 0 && mmhs_mmhs_add(&mm, name, value, err, sizeof(err)) != -1)
		fz_fail("second instance accepted", value);
	mmhs_mmhs_free(&mm);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mmhs_msg_limits lim = { 0, 0, 0, 0, 1 };
	struct mmhs_msg_parser *mp;
	struct mmhs_mmhs mm;
	char   *value, err[MMHS_MMHS_ERR_LEN];

	if (size < 1 || size > 65536)
		return 0;
	value = malloc(size);
	if (value == NULL)
		return 0;
	memcpy(value, data + 1, size - 1);
	value[size - 1] = '\0';
	fz_value((enum mmhs_mmhs_field) (data[0] % MMHS_F_COUNT), value);
	mmhs_mmhs_init(&mm);
	mp = mmhs_msg_parser_new(&lim, fz_header, &mm);
	if (mmhs_msg_feed(mp, (const char *) data + 1, size - 1) == 0 &&
	    mmhs_msg_finish(mp) == 0)
		(void) mmhs_mmhs_check(&mm, err, sizeof(err));
	mmhs_msg_parser_free(mp);
	mmhs_mmhs_free(&mm);
	free(value);
	return 0;
}
