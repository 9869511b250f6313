/* mta_dsn.c - mmhs-mta: a DSN message through lib/mmhs_dsn
 *
 * Purpose: turn the plain values of mta_dsn.h into an RFC 3464
 * multipart/report written by mmhs_dsn_write_buf() into memory, which
 * the delivery side then queues like any other message.
 *
 * Interface: mta_dsn_build(), mta_dsn_status() (mta_dsn.h).
 * Error behaviour: -1 with mmhs_dsn's reason in err; nothing is
 * allocated then.
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

/* mta_dsn_build - the DSN of one message for some recipients */
int
mta_dsn_build(const struct mta_dsn_req *q, char **out, size_t *outlen,
	char *err, size_t errlen)
{
	static const enum mmhs_dsn_action act[] = { MMHS_DSN_FAILED,
	    MMHS_DSN_DELAYED, MMHS_DSN_DELIVERED, MMHS_DSN_RELAYED };
	struct mmhs_dsn_rcpt *r;
	struct mmhs_dsn_msg dm;
	struct mta_dsn_buf b = { NULL, 0, 0 };
	char	from[300], envid[3 * MMHS_DSN_ENVID_MAX + 1];
	char	(*ox)[3 * MMHS_DSN_ADDR_MAX + 1];
	size_t	i;
	int	rc;

	r = mmhs_calloc(q->mq_nrcpt ? q->mq_nrcpt : 1, sizeof(*r));
	ox = mmhs_calloc(q->mq_nrcpt ? q->mq_nrcpt : 1, sizeof(*ox));
	for (i = 0; i < q->mq_nrcpt; i++) {
		/* the queue holds ORCPT decoded; the DSN wants xtext */
		if (q->mq_rcpt[i].mr_orcpt != NULL)
			r[i].dr_orcpt = mta_dsn_xtext(q->mq_rcpt[i].mr_orcpt, 1,
			    ox[i], sizeof(ox[i]));
		r[i].dr_final = q->mq_rcpt[i].mr_final;
		r[i].dr_action = act[q->mq_rcpt[i].mr_action];
		r[i].dr_status = q->mq_rcpt[i].mr_status;
		r[i].dr_diag = q->mq_rcpt[i].mr_diag;
		r[i].dr_last_attempt = q->mq_rcpt[i].mr_last;
		r[i].dr_retry_until = q->mq_rcpt[i].mr_until;
	}
	snprintf(from, sizeof(from), "Mail Delivery System <MAILER-DAEMON@%s>",
	    q->mq_host);
	memset(&dm, 0, sizeof(dm));
	dm.dm_reporting_mta = q->mq_host;
	dm.dm_from = from;
	dm.dm_return_path = q->mq_return_path;
	if (q->mq_envid != NULL)
		dm.dm_envid = mta_dsn_xtext(q->mq_envid, 0, envid,
		    sizeof(envid));
	dm.dm_ret = q->mq_ret == MTA_DSN_RET_FULL ? MMHS_DSN_RET_FULL :
	    q->mq_ret == MTA_DSN_RET_HDRS ? MMHS_DSN_RET_HDRS :
	    MMHS_DSN_RET_NONE;
	dm.dm_arrival = q->mq_arrival;
	dm.dm_rcpt = r;
	dm.dm_nrcpt = q->mq_nrcpt;
	rc = mmhs_dsn_write_buf(&dm, q->mq_orig, q->mq_origlen, mta_dsn_sink,
	    &b, NULL, err, errlen);
	mmhs_free(r);
	mmhs_free(ox);
	if (rc != 0) {
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
