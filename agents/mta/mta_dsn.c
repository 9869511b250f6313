/* mta_dsn.c - mmhs-mta: a DSN message through lib/mmhs_dsn
 *
 * Purpose: have mmhs_dsn_write_buf() write an RFC 3464 multipart/report
 * into memory, which the delivery side then queues like any other
 * message; and the status and xtext helpers the DSN fields need.
 *
 * Interface: mta_dsn_build(), mta_dsn_status(), mta_dsn_xtext()
 * (mta_dsn.h).
 * Error behaviour: mta_dsn_build() returns -1 with mmhs_dsn's reason in
 * err and allocates nothing then; a DSN over MTA_DSN_MAX is refused.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "mmhs_alloc.h"
#include "mmhs_dsn.h"
#include "mta_dsn.h"

#define MTA_DSN_MAX	((size_t)64 << 20)	/* a DSN in memory */

struct mta_dsn_buf {
	char	*b_data;
	size_t	b_len, b_size;
};

/* mta_dsn_sink - append to the memory buffer */
static int
mta_dsn_sink(void *ctx, const char *buf, size_t len)
{
	struct mta_dsn_buf *b = ctx;

	if (b->b_len + len > MTA_DSN_MAX)
		return -1;
	if (b->b_len + len > b->b_size) {
		b->b_size = (b->b_len + len) * 2 + 4096;
		b->b_data = mmhs_realloc(b->b_data, b->b_size);
	}
	memcpy(b->b_data + b->b_len, buf, len);
	b->b_len += len;
	return 0;
}

/* mta_dsn_build - the DSN dm, written into memory */
int
mta_dsn_build(const struct mmhs_dsn_msg *dm, const char *orig,
	size_t origlen, char **out, size_t *outlen, char *err, size_t errlen)
{
	struct mta_dsn_buf b = { NULL, 0, 0 };

	if (mmhs_dsn_write_buf(dm, orig, origlen, mta_dsn_sink, &b, NULL,
	    err, errlen) != 0) {
		mmhs_free(b.b_data);
		return -1;
	}
	*out = b.b_data;
	*outlen = b.b_len;
	return 0;
}

/* mta_dsn_status - the enhanced status of a reply, or one made up */
char *
mta_dsn_status(int code, const char *reply, char *buf, size_t len)
{
	const char *p = reply;
	size_t	n;

	if (p != NULL && strlen(p) > 4 && isdigit((unsigned char) p[0]))
		p += 4;
	if (p != NULL && (p[0] == '2' || p[0] == '4' || p[0] == '5') &&
	    p[1] == '.') {
		n = strcspn(p, " \t");
		if (n < len) {
			snprintf(buf, len, "%.*s", (int) n, p);
			if (mmhs_dsn_status_valid(buf))
				return buf;
		}
	}
	snprintf(buf, len, "%d.0.0", code / 100 == 2 ? 2 :
	    code / 100 == 5 ? 5 : 4);
	return buf;
}

/* mta_dsn_xtext - encode a decoded ENVID or ORCPT for the wire */
char *
mta_dsn_xtext(const char *in, int orcpt, char *out, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *) in;
	const char *semi;
	size_t	o = 0;

	if (orcpt && (semi = strchr(in, ';')) != NULL) {
		if ((size_t) (semi - in) + 1 >= len)
			return NULL;
		memcpy(out, in, (size_t) (semi - in) + 1);
		o = (size_t) (semi - in) + 1;
		p = (const unsigned char *) semi + 1;
	}
	for (; *p != '\0'; p++) {
		if (o + 4 > len)
			return NULL;
		if (*p < '!' || *p > '~' || *p == '+' || *p == '=') {
			out[o++] = '+';
			out[o++] = hex[*p >> 4];
			out[o++] = hex[*p & 15];
		} else
			out[o++] = (char) *p;
	}
	out[o] = '\0';
	return out;
}
