/* fuzz_mdn.c - libFuzzer target for the MDN reader and writer
 * fuzz-sources: lib/mmhs_mdn.c lib/mmhs_mdn_parse.c lib/mmhs_msg.c lib/mmhs_precedence.c lib/mmhs_text.c lib/mmhs_alloc.c lib/mmhs_log.c
 *
 * Purpose: arbitrary bytes as a message/disposition-notification body
 * (mmhs_mdn_parse_notification), as a whole message
 * (mmhs_mdn_parse_message), and as the original's subject of an MDN.
 * Properties: an accepted notification has a "type;address"
 * Final-Recipient, a Disposition and a known type; a refusal leaves the
 * report empty and says why; a whole message gives 0, 1 or -1 and only 0
 * fills the report; an MDN written for any subject is 7-bit CRLF lines
 * of at most 998 octets (78 where the words allow) and reads back as
 * displayed.
 * Interface: libFuzzer's; the mode is the first input octet.
 * Error behaviour: a broken property aborts.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mmhs_alloc.h"
#include "mmhs_mdn.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fz_buf {
	char   *b_data;
	size_t	b_len;
};

static int
fz_sink(void *ctx, const char *buf, size_t len)
{
	struct fz_buf *b = ctx;

	b->b_data = mmhs_realloc(b->b_data, b->b_len + len + 1);
	memcpy(b->b_data + b->b_len, buf, len);
	b->b_len += len;
	return 0;
}

/* fz_check - the properties of a report that was accepted or not */
static void
fz_check(int rc, const struct mmhs_mdn_report *rep, const char *err)
{
	if (rc == 0) {
		if (strchr(rep->mr_final_rcpt, ';') == NULL ||
		    rep->mr_disposition[0] == '\0' ||
		    mmhs_mdn_type_name(rep->mr_type) == NULL)
			abort();
		return;
	}
	if (rep->mr_final_rcpt[0] != '\0' || rep->mr_disposition[0] != '\0')
		abort();
	if (rc == -1 && err[0] == '\0')
		abort();
}

/* fz_write - an MDN for a hostile subject */
static void
fz_write(const char *data, size_t len)
{
	struct mmhs_mdn_msg mm;
	struct mmhs_mdn_report rep;
	struct fz_buf out = { NULL, 0 };
	char	*subject = mmhs_strndup(data, len), err[256];
	size_t	i, col = 0;

	memset(&mm, 0, sizeof(mm));
	mm.mm_host = "store.example";
	mm.mm_to = "a@b.example";
	mm.mm_final_rcpt = "c@d.example";
	mm.mm_orig_msgid = "<x@y>";
	mm.mm_orig_subject = subject;
	mm.mm_precedence = -1;
	mm.mm_now = 1;
	if (mmhs_mdn_write(&mm, fz_sink, &out, NULL, 0, err,
	    sizeof(err)) < 0)
		abort();
	for (i = 0; i < out.b_len; i++) {
		if ((unsigned char) out.b_data[i] >= 0x80)
			abort();
		if (out.b_data[i] == '\n') {
			if (i == 0 || out.b_data[i - 1] != '\r')
				abort();
			col = 0;
		} else if (out.b_data[i] != '\r' && ++col > 998)
			abort();
	}
	if (mmhs_mdn_parse_message(out.b_data, out.b_len, &rep, err,
	    sizeof(err)) != 0 || rep.mr_type != MMHS_MDN_DISPLAYED)
		abort();
	mmhs_free(out.b_data);
	mmhs_free(subject);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mmhs_mdn_report rep;
	char	err[256];
	int	rc;

	if (size == 0)
		return 0;
	err[0] = '\0';
	switch (data[0] % 3) {
	case 0:
		rc = mmhs_mdn_parse_notification((const char *) data + 1,
		    size - 1, &rep, err, sizeof(err));
		fz_check(rc, &rep, err);
		break;
	case 1:
		rc = mmhs_mdn_parse_message((const char *) data + 1, size - 1,
		    &rep, err, sizeof(err));
		if (rc < -1 || rc > 1)
			abort();
		fz_check(rc, &rep, err);
		break;
	default:
		fz_write((const char *) data + 1, size - 1);
		break;
	}
	return 0;
}
