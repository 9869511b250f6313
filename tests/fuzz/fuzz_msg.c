/* fuzz_msg.c - libFuzzer target for the mmhs_msg parser and writer - fuzz-sources: lib/mmhs_msg.c lib/mmhs_log.c lib/mmhs_alloc.c lib/mmhs_text.c */
/*
 * Purpose: feed arbitrary messages to the streaming parser under small
 * bounds, in two different chunkings.  Properties: both chunkings
 * accept or refuse alike, with the same error text; an accepted message
 * written back from its events is byte-identical; headers-only mode
 * also reproduces it; a header value written with folding parses back
 * to the same value.
 *
 * Interface: LLVMFuzzerTestOneInput(); build with
 *	clang -g -O1 -fsanitize=fuzzer,address,undefined -I lib -I BUILD \
 *	    tests/fuzz/fuzz_msg.c lib/mmhs_msg.c lib/mmhs_log.c \
 *	    lib/mmhs_alloc.c
 * The first input octet picks the chunk size, the second the bounds.
 *
 * Error behaviour: a broken property calls abort(), which libFuzzer
 * reports as a crash and saves the input.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmhs_msg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fz_copy {
	char   *c_buf;
	size_t	c_len;
	size_t	c_cap;
	struct mmhs_msg_writer *c_w;
	char	c_value[4096];		/* last top-level header value */
	int	c_have_value;
};

/* fz_fail - report a broken property and crash */
static void
fz_fail(const char *what)
{
	fprintf(stderr, "fuzz_msg: %s\n", what);
	abort();
}

/* fz_sink - append written octets */
static int
fz_sink(void *ctx, const char *buf, size_t len)
{
	struct fz_copy *c = ctx;

	if (c->c_len + len > c->c_cap) {
		c->c_cap = (c->c_len + len) * 2;
		if ((c->c_buf = realloc(c->c_buf, c->c_cap)) == NULL)
			fz_fail("out of memory");
	}
	memcpy(c->c_buf + c->c_len, buf, len);
	c->c_len += len;
	return 0;
}

/* fz_event - write every event's octets back; keep a header value */
static int
fz_event(void *ctx, const struct mmhs_msg_event *ev)
{
	struct fz_copy *c = ctx;

	if (ev->ev_type == MMHS_MSG_EV_HEADER && ev->ev_depth == 0 &&
	    strlen(ev->ev_value) < sizeof(c->c_value)) {
		memcpy(c->c_value, ev->ev_value, strlen(ev->ev_value) + 1);
		c->c_have_value = 1;
	}
	return mmhs_msg_write_event(c->c_w, ev);
}

/* fz_parse - one parse; returns 0/-1 and the error text */
static int
fz_parse(const char *data, size_t size, size_t chunk,
	const struct mmhs_msg_limits *lim, struct fz_copy *c, char *err,
	size_t errlen)
{
	struct mmhs_msg_parser *mp;
	size_t	off, n;
	int	rc = 0;

	memset(c, 0, sizeof(*c));
	c->c_w = mmhs_msg_writer_new(fz_sink, c);
	mp = mmhs_msg_parser_new(lim, fz_event, c);
	for (off = 0; off < size && rc == 0; off += n) {
		n = size - off < chunk ? size - off : chunk;
		rc = mmhs_msg_feed(mp, data + off, n);
	}
	if (rc == 0)
		rc = mmhs_msg_finish(mp);
	snprintf(err, errlen, "%s", mmhs_msg_error(mp));
	mmhs_msg_parser_free(mp);
	mmhs_msg_writer_free(c->c_w);
	return rc;
}

/* fz_refold - a value written as a field must parse back the same */
static void
fz_refold(const char *value)
{
	struct fz_copy out, back;
	char	err[300];
	size_t	len = strlen(value);

	if (len == 0 || value[0] == ' ' || value[0] == '\t' ||
	    value[len - 1] == ' ' || value[len - 1] == '\t')
		return;		/* outer white space is not part of a value */
	memset(&out, 0, sizeof(out));
	out.c_w = mmhs_msg_writer_new(fz_sink, &out);
	if (mmhs_msg_write_header(out.c_w, "X-Fuzz", value) == 0) {
		fz_parse(out.c_buf, out.c_len, 4096, NULL, &back, err,
		    sizeof(err));
		if (!back.c_have_value || strcmp(back.c_value, value) != 0)
			fz_fail("folded value does not parse back");
		free(back.c_buf);
	}
	mmhs_msg_writer_free(out.c_w);
	free(out.c_buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mmhs_msg_limits lim;
	struct fz_copy a, b;
	char	ea[300], eb[300];
	const char *msg;
	size_t	len, chunk;
	int	ra, rb;

	if (size < 2)
		return 0;
	chunk = (size_t) (data[0] % 17) + 1;
	memset(&lim, 0, sizeof(lim));
	lim.ml_line_max = data[1] & 1 ? 80 : 0;
	lim.ml_depth_max = (unsigned) (data[1] >> 1 & 3) + 1;
	lim.ml_fields_max = data[1] & 8 ? 20 : 0;
	msg = (const char *) data + 2;
	len = size - 2;
	ra = fz_parse(msg, len, len + 1, &lim, &a, ea, sizeof(ea));
	rb = fz_parse(msg, len, chunk, &lim, &b, eb, sizeof(eb));
	if (ra != rb || strcmp(ea, eb) != 0) {
		fprintf(stderr, "whole: %d \"%s\"\nchunks of %zu: %d \"%s\"\n",
		    ra, ea, chunk, rb, eb);
		fz_fail("chunking changes the outcome");
	}
	if (ra == 0 && (a.c_len != len || memcmp(a.c_buf, msg, len) != 0 ||
	    b.c_len != len || memcmp(b.c_buf, msg, len) != 0))
		fz_fail("accepted message not reproduced byte for byte");
	if (ra == 0 && a.c_have_value)
		fz_refold(a.c_value);
	free(a.c_buf);
	free(b.c_buf);
	lim.ml_headers_only = 1;
	if (fz_parse(msg, len, chunk, &lim, &a, ea, sizeof(ea)) == 0 &&
	    (a.c_len != len || memcmp(a.c_buf, msg, len) != 0))
		fz_fail("headers-only copy differs");
	free(a.c_buf);
	return 0;
}
