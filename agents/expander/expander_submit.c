/* expander_submit.c - resubmit an expanded message to the MTA
 *
 * The copy goes to the MTA's smtp listener with lib/mmhs_smtpc, in
 * transactions of at most es_batch recipients (the MTA's own
 * recipients limit), one connection each.  The rule that decides the
 * retries is "no member gets two copies":
 *
 *   - as long as no recipient was accepted, a temporary failure (a 4xx,
 *     or a session that broke) ends the submission at once: the caller
 *     answers the MTA with a 4xx and the MTA retries the whole
 *     expansion later, with its own back-off;
 *   - once a transaction was accepted, that answer is no longer
 *     possible: recipients that got a 4xx, or whose session broke, are
 *     tried again in new transactions, es_retries times with 1, 2, 4 ...
 *     seconds between (the agent is sequential; the MTA waits up to 600
 *     seconds for the reply to the dot);
 *   - a refusal of the whole transaction with a 5xx (MAIL or DATA)
 *     answers every recipient left the same way, without trying.
 *
 * What stays unaccepted is the caller's to report (expander_report.c).
 * Interface: expander.h.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "mmhs_alloc.h"
#include "mmhs_smtpc.h"
#include "expander.h"

/* expander_rcpt_params - NOTIFY and ORCPT (xtext, RFC 3461 4) of addr */
int
expander_rcpt_params(const char *addr, char *buf, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t	off;
	int	n;

	n = snprintf(buf, len, "NOTIFY=FAILURE,DELAY ORCPT=rfc822;");
	if (n < 0 || (size_t)n >= len)
		return -1;
	off = (size_t)n;
	for (; *addr != '\0'; addr++) {
		unsigned char c = (unsigned char)*addr;

		if (off + 4 > len)
			return -1;
		if (c < '!' || c > '~' || c == '+' || c == '=') {
			buf[off++] = '+';
			buf[off++] = hex[c >> 4];
			buf[off++] = hex[c & 15];
		} else {
			buf[off++] = (char)c;
		}
	}
	buf[off] = '\0';
	return (int)off;
}

/* submit_pending - is out[i] still to be sent (never answered, 4xx)? */
static int
submit_pending(const struct exp_out *o)
{
	return o->eo_code == 0 || o->eo_code / 100 == 4;
}

/*
 * submit_batch - one transaction for the k recipients idx[0..k-1];
 * returns the number accepted, -2 when the MTA refused the whole
 * transaction permanently (the reply is in every out[idx[i]])
 */
static long
submit_batch(const struct exp_send *s, struct exp_out *out,
	const size_t *idx, size_t k, struct mmhs_smtpc_rcpt *rc, char *err,
	size_t errlen)
{
	struct mmhs_smtpc_msg m;
	size_t	i;
	long	accepted = 0;
	int	r, whole5 = 1;

	for (i = 0; i < k; i++) {
		memset(&rc[i], 0, sizeof(rc[i]));
		rc[i].sr_addr = out[idx[i]].eo_addr;
		rc[i].sr_params = out[idx[i]].eo_params;
	}
	memset(&m, 0, sizeof(m));
	m.sm_host = s->es_host;
	m.sm_port = s->es_port;
	m.sm_helo = s->es_helo;
	m.sm_mail_from = s->es_from;
	m.sm_mail_params = s->es_params;
	m.sm_rcpt = rc;
	m.sm_nrcpt = k;
	m.sm_data = s->es_data;
	m.sm_len = s->es_len;
	m.sm_timeout_s = s->es_timeout;
	r = mmhs_smtpc_send(&m, err, errlen);
	for (i = 0; i < k; i++) {
		out[idx[i]].eo_code = rc[i].sr_code;
		snprintf(out[idx[i]].eo_text, sizeof(out[idx[i]].eo_text),
		    "%s", rc[i].sr_code == 0 && r < 0 ? err : rc[i].sr_text);
		if (rc[i].sr_code / 100 == 2)
			accepted++;
		if (rc[i].sr_code / 100 != 5)
			whole5 = 0;
	}
	return r < 0 && whole5 ? -2 : accepted;
}

/* submit_refuse_rest - the MTA refused the transaction: every pending
 * recipient gets that reply */
static void
submit_refuse_rest(struct exp_out *out, size_t n, const struct exp_out *why)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (submit_pending(&out[i])) {
			out[i].eo_code = why->eo_code;
			snprintf(out[i].eo_text, sizeof(out[i].eo_text), "%s",
			    why->eo_text);
		}
}

/* expander_submit - send the copy to every recipient of out */
long
expander_submit(const struct exp_send *s, struct exp_out *out, size_t n,
	char *err, size_t errlen)
{
	struct mmhs_smtpc_rcpt *rc;
	size_t	*idx, i, j, k, batch = s->es_batch > 0 ? s->es_batch : 100;
	long	accepted = 0, r;
	int	pass;

	for (i = 0; i < n; i++) {
		out[i].eo_code = 0;
		out[i].eo_text[0] = '\0';
	}
	idx = mmhs_calloc(batch, sizeof(*idx));
	rc = mmhs_calloc(batch, sizeof(*rc));
	for (pass = 0; pass <= s->es_retries; pass++) {
		if (pass > 0)
			sleep(1u << (pass - 1));
		for (i = 0; i < n; ) {
			for (k = 0; i < n && k < batch; i++)
				if (submit_pending(&out[i]))
					idx[k++] = i;
			if (k == 0)
				break;
			r = submit_batch(s, out, idx, k, rc, err, errlen);
			if (r == -2) {
				submit_refuse_rest(out, n, &out[idx[0]]);
				goto done;
			}
			accepted += r;
			if (accepted > 0)
				continue;
			for (j = 0; j < k && !submit_pending(&out[idx[j]]); j++)
				;
			if (j < k) {
				/* nothing sent yet: the MTA may retry */
				snprintf(err, errlen, "%s",
				    out[idx[j]].eo_text);
				accepted = -1;
				goto done;
			}
		}
		for (i = 0; i < n && !submit_pending(&out[i]); i++)
			;
		if (i == n)
			break;
	}
done:
	mmhs_free(idx);
	mmhs_free(rc);
	return accepted;
}
