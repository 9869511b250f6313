/* fuzz_dsn.c - libFuzzer target for the DSN writer and status parser
 * fuzz-sources: lib/mmhs_dsn.c lib/mmhs_msg.c lib/mmhs_precedence.c lib/mmhs_text.c lib/mmhs_alloc.c lib/mmhs_log.c
 *
 * Purpose: arbitrary bytes as a message/delivery-status body for
 * mmhs_dsn_parse_status(), and as the original message of a DSN.
 * Properties: an accepted status body gives 1..MMHS_DSN_RCPT_MAX
 * recipients, each with a valid Status, a known Action and a
 * Final-Recipient; a refusal leaves the report empty.  A DSN of any
 * original is CRLF lines of at most 998 octets, parsed by mmhs_msg into
 * three parts, and its status part parses back; or it is refused only
 * because the (injected, short) boundary occurs in the original.
 * Interface: libFuzzer's; the mode is the first input octet.
 * Error behaviour: a broken property aborts.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mmhs_alloc.h"
#include "mmhs_dsn.h"
#include "mmhs_msg.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fz_buf {
	char   *b_data;
	size_t	b_len;
};

/* fz_sink - collect the DSN */
static int
fz_sink(void *ctx, const char *buf, size_t len)
{
	struct fz_buf *b = ctx;

	b->b_data = mmhs_realloc(b->b_data, b->b_len + len + 1);
	memcpy(b->b_data + b->b_len, buf, len);
	b->b_len += len;
	return 0;
}

struct fz_parts {
	unsigned p_parts;
	unsigned p_cur;
	struct fz_buf p_status;
};

/* fz_event - count top-level parts, keep the second one's body */
static int
fz_event(void *ctx, const struct mmhs_msg_event *ev)
{
	struct fz_parts *p = ctx;

	if (ev->ev_type == MMHS_MSG_EV_PART_START && ev->ev_depth == 1)
		p->p_cur = ++p->p_parts;
	if (ev->ev_type == MMHS_MSG_EV_BODY && p->p_cur == 2)
		fz_sink(&p->p_status, ev->ev_raw, ev->ev_rawlen);
	return 0;
}

/* fz_parse - the status body property */
static void
fz_parse(const char *buf, size_t len)
{
	struct mmhs_dsn_report rep;
	char	err[256];
	size_t	i;

	if (mmhs_dsn_parse_status(buf, len, &rep, err, sizeof(err)) < 0) {
		if (rep.rp_nrcpt != 0 || rep.rp_rcpt != NULL || err[0] == '\0')
			abort();
		return;
	}
	if (rep.rp_nrcpt == 0 || rep.rp_nrcpt > MMHS_DSN_RCPT_MAX)
		abort();
	for (i = 0; i < rep.rp_nrcpt; i++)
		if (!mmhs_dsn_status_valid(rep.rp_rcpt[i].ds_status) ||
		    mmhs_dsn_action_name(rep.rp_rcpt[i].ds_action) == NULL ||
		    strchr(rep.rp_rcpt[i].ds_final, ';') == NULL)
			abort();
	mmhs_dsn_report_free(&rep);
}

/* fz_check_lines - CRLF only, at most 998 octets per line */
static void
fz_check_lines(const char *s, size_t len)
{
	size_t	i, ls = 0;

	for (i = 0; i < len; i++) {
		if ((s[i] == '\n') != (i > 0 && s[i - 1] == '\r' &&
		    s[i] == '\n') || (s[i] == '\r' && (i + 1 == len ||
		    s[i + 1] != '\n')))
			abort();
		if (s[i] == '\n') {
			if (i - ls > 999)
				abort();
			ls = i + 1;
		}
	}
	if (ls != len)
		abort();
}

/* fz_write - the DSN property */
static void
fz_write(const char *orig, size_t len, int hdrs)
{
	static const struct mmhs_dsn_rcpt r = {
		"rfc822;a+40b.example", "a@b.example", MMHS_DSN_FAILED,
		"5.1.1", "mx.b.example", "550 no", 1, 0
	};
	struct mmhs_dsn_msg dm;
	struct fz_buf out = { NULL, 0 };
	struct fz_parts p;
	struct mmhs_msg_parser *mp;
	char	err[256];

	memset(&dm, 0, sizeof(dm));
	dm.dm_reporting_mta = "mta.example";
	dm.dm_from = "MAILER-DAEMON@mta.example";
	dm.dm_return_path = "x@y.example";
	dm.dm_ret = hdrs ? MMHS_DSN_RET_HDRS : MMHS_DSN_RET_FULL;
	dm.dm_rcpt = &r;
	dm.dm_nrcpt = 1;
	dm.dm_now = 1;
	dm.dm_boundary = "Zq";	/* short, so inputs can hit it */
	if (mmhs_dsn_write_buf(&dm, orig, len, fz_sink, &out, NULL, err,
	    sizeof(err)) < 0) {
		if (strcmp(err, "the boundary occurs in the content") != 0)
			abort();
		mmhs_free(out.b_data);
		return;
	}
	fz_check_lines(out.b_data, out.b_len);
	memset(&p, 0, sizeof(p));
	mp = mmhs_msg_parser_new(NULL, fz_event, &p);
	if (mmhs_msg_feed(mp, out.b_data, out.b_len) < 0 ||
	    mmhs_msg_finish(mp) < 0 || p.p_parts != 3)
		abort();
	mmhs_msg_parser_free(mp);
	fz_parse(p.p_status.b_data, p.p_status.b_len);
	mmhs_free(p.p_status.b_data);
	mmhs_free(out.b_data);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	switch (data[0] % 3) {
	case 0:
		fz_parse((const char *) data + 1, size - 1);
		break;
	default:
		fz_write((const char *) data + 1, size - 1, data[0] % 3 == 2);
		break;
	}
	return 0;
}
