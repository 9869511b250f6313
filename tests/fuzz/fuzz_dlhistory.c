/* fuzz_dlhistory.c - libFuzzer target for the DL-Expansion-History parser
 * fuzz-sources: agents/expander/expander_history.c lib/mmhs_text.c
 *
 * Purpose: arbitrary bytes as a whole message for expander_hist_parse()
 * (the expander runs it on every message it receives) and as one field
 * body for expander_hist_parse_value().
 * Properties: no crash, no read beyond the input (the input is copied
 * into a buffer of its exact size); an accepted history has at most
 * EXP_HIST_MAX entries, each with a printable local-part@domain address
 * of at most EXP_HIST_ADDR_MAX octets, a date-time text of at most
 * EXP_HIST_DATE_MAX and a time after 1900; every accepted entry, written
 * back with expander_hist_format() and read again, gives the same
 * address and time; expander_hist_find() finds each entry's address; a
 * refusal comes with a reason.
 * Interface: libFuzzer's.
 * Error behaviour: a broken property aborts.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../agents/expander/expander.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* fuzz_fail - report a broken property and crash */
static void
fuzz_fail(const char *what, const struct exp_hist_entry *e)
{
	fprintf(stderr, "fuzz_dlhistory: %s (address \"%s\", date \"%s\")\n",
	    what, e != NULL ? e->he_addr : "", e != NULL ? e->he_date : "");
	abort();
}

/* fuzz_entry - one accepted entry */
static void
fuzz_entry(const struct exp_hist_entry *e)
{
	struct exp_hist back;
	char	field[EXP_HIST_ADDR_MAX + 128], err[256];
	const char *p;
	int	n;

	if (e->he_addr[0] == '\0' || strlen(e->he_addr) > EXP_HIST_ADDR_MAX ||
	    strchr(e->he_addr, '@') == NULL ||
	    strlen(e->he_date) > EXP_HIST_DATE_MAX)
		fuzz_fail("entry out of bounds", e);
	for (p = e->he_addr; *p != '\0'; p++)
		if ((unsigned char)*p < ' ' || (unsigned char)*p > '~')
			fuzz_fail("unprintable address", e);
	if (e->he_time < -2208988800LL)	/* 1900-01-01 */
		fuzz_fail("time before 1900", e);
	n = expander_hist_format(e->he_addr, e->he_time, field, sizeof(field));
	if (n < 0)
		fuzz_fail("an accepted address cannot be written", e);
	if (expander_hist_parse(field, (size_t)n, &back, err,
	    sizeof(err)) < 0 || back.eh_n != 1)
		fuzz_fail("a written field does not read back", e);
	if (strcmp(back.eh_e[0].he_addr, e->he_addr) != 0 ||
	    back.eh_e[0].he_time != e->he_time)
		fuzz_fail("a written field reads back different", e);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct exp_hist h;
	struct exp_hist_entry e;
	char	err[512], *buf;
	size_t	i;

	buf = malloc(size > 0 ? size : 1);
	if (buf == NULL)
		return 0;
	memcpy(buf, data, size);
	err[0] = '\0';
	if (expander_hist_parse(buf, size, &h, err, sizeof(err)) == 0) {
		if (h.eh_n > EXP_HIST_MAX)
			fuzz_fail("too many entries", NULL);
		for (i = 0; i < h.eh_n; i++) {
			fuzz_entry(&h.eh_e[i]);
			if (expander_hist_find(&h, h.eh_e[i].he_addr) > (int)i)
				fuzz_fail("find misses an entry", &h.eh_e[i]);
		}
		(void)expander_hist_text(&h, err, sizeof(err));
	} else if (err[0] == '\0') {
		fuzz_fail("refusal without a reason", NULL);
	}
	err[0] = '\0';
	if (expander_hist_parse_value(buf, size, &e, err, sizeof(err)) == 0)
		fuzz_entry(&e);
	else if (err[0] == '\0')
		fuzz_fail("field refusal without a reason", NULL);
	free(buf);
	return 0;
}
