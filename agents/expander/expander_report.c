/* expander_report.c - tell the list owner which members the MTA refused
 *
 * The copies of an expansion carry the owner as return path, so the
 * MTA reports failures after acceptance to the owner by itself.  What
 * it refused while the expander talked to it (a 5xx to RCPT, a 4xx
 * that lasted through the retries, a session that kept breaking) no
 * MTA will report: the expander writes that DSN itself (RFC 3464, one
 * failed recipient block per member, Remote-MTA and Diagnostic-Code
 * the MTA's reply, the copy's header section attached) and submits it
 * to the same MTA with the null return path, at the copy's
 * MT-PRIORITY.  Interface: expander.h.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "mmhs_alloc.h"
#include "mmhs_dsn.h"
#include "mmhs_smtpc.h"
#include "expander.h"

/* A growing buffer as mmhs_msg sink. */
struct rep_buf {
	char   *b_data;
	size_t	b_len, b_cap;
};

/* rep_sink - append to the buffer */
static int
rep_sink(void *ctx, const char *buf, size_t len)
{
	struct rep_buf *b = ctx;

	if (b->b_len + len > b->b_cap) {
		while (b->b_len + len > b->b_cap)
			b->b_cap = b->b_cap ? b->b_cap * 2 : 8192;
		b->b_data = mmhs_realloc(b->b_data, b->b_cap);
	}
	memcpy(b->b_data + b->b_len, buf, len);
	b->b_len += len;
	return 0;
}

/* rep_status - the RFC 3463 status of a reply (text may start with it) */
static void
rep_status(const struct exp_out *o, char *st, size_t len)
{
	size_t	n = strcspn(o->eo_text, " ");

	if (o->eo_code / 100 == 5 || o->eo_code / 100 == 4) {
		if (n < len && n > 0 && o->eo_text[0] == '0' + o->eo_code / 100)
		{
			memcpy(st, o->eo_text, n);
			st[n] = '\0';
			if (mmhs_dsn_status_valid(st))
				return;
		}
		snprintf(st, len, "%c.0.0", (char)('0' + o->eo_code / 100));
	} else {
		snprintf(st, len, "4.4.2");	/* the session kept breaking */
	}
}

/* rep_param - the value of ESMTP parameter name ("ORCPT=") in params,
 * or "" */
static void
rep_param(const char *params, const char *name, char *buf, size_t len)
{
	const char *p = params != NULL ? strstr(params, name) : NULL;

	buf[0] = '\0';
	if (p != NULL && (p == params || p[-1] == ' ')) {
		p += strlen(name);
		snprintf(buf, len, "%.*s", (int)strcspn(p, " "), p);
	}
}

/* expander_report - the DSN about every member not accepted */
int
expander_report(const struct exp_report *rp, const struct exp_send *s,
	const struct exp_out *out, size_t n, char *err, size_t errlen)
{
	struct mmhs_dsn_rcpt *dr;
	struct mmhs_dsn_msg dm;
	struct mmhs_smtpc_rcpt to;
	struct mmhs_smtpc_msg m;
	struct rep_buf b = { NULL, 0, 0 };
	char	(*st)[MMHS_DSN_STATUS_MAX], (*diag)[600], (*orcpt)[600];
	char	from[300], prio[40];
	size_t	i, k = 0;
	int	rc = -1;

	dr = mmhs_calloc(n, sizeof(*dr));
	st = mmhs_calloc(n, sizeof(*st));
	diag = mmhs_calloc(n, sizeof(*diag));
	orcpt = mmhs_calloc(n, sizeof(*orcpt));
	for (i = 0; i < n && k < MMHS_DSN_RCPT_MAX; i++) {
		if (out[i].eo_code / 100 == 2)
			continue;
		rep_status(&out[i], st[k], sizeof(st[k]));
		snprintf(diag[k], sizeof(diag[k]), "%d %s", out[i].eo_code,
		    out[i].eo_text);
		rep_param(out[i].eo_params, "ORCPT=", orcpt[k],
		    sizeof(orcpt[k]));
		dr[k].dr_orcpt = orcpt[k][0] != '\0' ? orcpt[k] : NULL;
		dr[k].dr_final = out[i].eo_addr;
		dr[k].dr_action = MMHS_DSN_FAILED;
		dr[k].dr_status = st[k];
		dr[k].dr_remote_mta = out[i].eo_code != 0 ? s->es_host : NULL;
		dr[k].dr_diag = out[i].eo_code != 0 ? diag[k] : NULL;
		dr[k].dr_last_attempt = time(NULL);
		k++;
	}
	if (k == 0) {
		rc = 0;
		goto done;
	}
	memset(&dm, 0, sizeof(dm));
	dm.dm_reporting_mta = rp->rp_host;
	snprintf(from, sizeof(from), "Mail List Expander <MAILER-DAEMON@%s>",
	    rp->rp_host);
	dm.dm_from = from;
	dm.dm_return_path = rp->rp_owner;
	dm.dm_ret = MMHS_DSN_RET_HDRS;
	dm.dm_arrival = rp->rp_arrival;
	dm.dm_rcpt = dr;
	dm.dm_nrcpt = k;
	if (mmhs_dsn_write_buf(&dm, rp->rp_data, rp->rp_len, rep_sink, &b,
	    NULL, err, errlen) != 0)
		goto done;
	rep_param(rp->rp_mail_params, "MT-PRIORITY=", from, sizeof(from));
	snprintf(prio, sizeof(prio), "%s%.20s", from[0] ? "MT-PRIORITY=" : "",
	    from);
	memset(&to, 0, sizeof(to));
	to.sr_addr = rp->rp_owner;
	memset(&m, 0, sizeof(m));
	m.sm_host = s->es_host;
	m.sm_port = s->es_port;
	m.sm_helo = s->es_helo;
	m.sm_mail_from = "";
	m.sm_mail_params = prio;
	m.sm_rcpt = &to;
	m.sm_nrcpt = 1;
	m.sm_data = b.b_data;
	m.sm_len = b.b_len;
	m.sm_timeout_s = s->es_timeout;
	if (mmhs_smtpc_send(&m, err, errlen) == 1)
		rc = 0;
	else if (to.sr_code != 0)
		snprintf(err, errlen, "%d %s", to.sr_code, to.sr_text);
done:
	mmhs_free(b.b_data);
	mmhs_free(orcpt);
	mmhs_free(diag);
	mmhs_free(st);
	mmhs_free(dr);
	return rc;
}
