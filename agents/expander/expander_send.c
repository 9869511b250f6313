/* expander_send.c - expand a list that passed the checks and resubmit
 *
 * Steps 5 and 6 of expander_msg.c for one list: the expansion from the
 * directory cache (expander_expand over expander_nodes), the copy (one
 * DL-Expansion-History field prepended to the original octets, nothing
 * else changed: a signature over the content stays valid; for a signed
 * or encrypted message the list's own form, expander_sec.c, where the
 * members without a certificate to encrypt to are reported to the
 * owner with those the MTA refused), the
 * resubmission to the MTA's smtp listener with the owner as return
 * path (expander_submit) in transactions no larger than the MTA's
 * recipients limit, the owner's report on members the MTA refused
 * (expander_report), the reply to the MTA and the tracking log lines:
 * one "expanded" per list, one "skipped" per member without an RFC 5322
 * address (an X.400 member: no O/R-to-RFC 822 mapping here yet; an
 * entry without address or a dangling DN), one "failed" per member the
 * MTA refused.  Interface: expander.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <openssl/x509.h>

#include "mmhs_agent.h"
#include "mmhs_alloc.h"
#include "mmhs_lmtpd.h"
#include "mmhs_log.h"
#include "expander.h"

/* send_mta_batch - the recipients limit of our MTA peer's entry, so
 * that no transaction goes beyond it */
static size_t
send_mta_batch(struct mmhs_agent *ag)
{
	mmhs_dircache_entry_t *self = mmhs_agent_self(ag), *pe;
	const mmhs_dircache_attr_t *peers, *lim;
	const char *t;
	size_t	i, j, batch = 0;
	long	v;

	peers = self != NULL ? mmhs_dircache_attr(self, "mmhsPeer") : NULL;
	for (i = 0; batch == 0 && peers != NULL && i < peers->da_nvals; i++) {
		if ((pe = mmhs_dircache_by_dn(ag->ag_cache,
		    peers->da_vals[i])) == NULL)
			continue;
		t = mmhs_dircache_value(pe, "mmhsAgentType");
		lim = mmhs_dircache_attr(pe, "mmhsLimit");
		for (j = 0; t != NULL && strcasecmp(t, "mta") == 0 &&
		    lim != NULL && j < lim->da_nvals; j++)
			if (strncmp(lim->da_vals[j], "recipients=", 11) == 0 &&
			    (v = atol(lim->da_vals[j] + 11)) > 0)
				batch = (size_t)v;
		mmhs_dircache_entry_free(pe);
	}
	mmhs_dircache_entry_free(self);
	return batch > 0 ? batch : EXP_DEF_BATCH;
}

/* send_outs - the members to send to (RFC 5322 addresses); the others
 * are logged as skipped.  Returns the count, *skipped the others */
static size_t
send_outs(struct exp_job *j, const struct exp_result *res,
	struct exp_out *out, size_t *skipped)
{
	const struct exp_rcpt *r;
	size_t	i, n = 0;
	char	val[1200];

	*skipped = 0;
	for (i = 0; i < res->xr_n; i++) {
		r = &res->xr_rcpt[i];
		if (r->er_kind != MMHS_DL_RCPT_RFC822) {
			(*skipped)++;
			if (expander_rcpt_format(r, val, sizeof(val)) < 0)
				snprintf(val, sizeof(val), "(too long)");
			expander_track(j, "skipped", r->er_addr != NULL ?
			    r->er_addr : r->er_dn, r->er_kind ==
			    MMHS_DL_RCPT_X400 ? "no RFC 5322 address for this "
			    "X.400 member" : "no address in the directory",
			    NULL);
			continue;
		}
		out[n].eo_addr = r->er_addr;
		if (expander_rcpt_params(r->er_addr, out[n].eo_params,
		    sizeof(out[n].eo_params)) < 0) {
			(*skipped)++;
			expander_track(j, "skipped", r->er_addr, "address too "
			    "long", NULL);
			continue;
		}
		n++;
	}
	return n;
}

/* send_copy - the original, or the list's signed (re-encrypted) form,
 * with our history field in front (caller frees); NULL and err when it
 * cannot be made */
static char *
send_copy(struct exp_job *j, STACK_OF(X509) *certs, size_t *len,
	char *err, size_t errlen)
{
	char	field[EXP_HIST_ADDR_MAX + 128], *copy, *body = NULL;
	const char *data = j->j_env->le_data;
	size_t	dlen = j->j_env->le_len;
	int	n;

	n = expander_hist_format(j->j_list_addr, time(NULL), field,
	    sizeof(field));
	if (n < 0) {
		snprintf(err, errlen, "its address cannot be written into a "
		    "%s field", EXP_HIST_FIELD);
		return NULL;
	}
	if (j->j_sec != NULL && j->j_sec->xs_kind != EXP_SEC_PLAIN) {
		if (expander_sec_copy(j->j_sec, certs, &body, &dlen, err,
		    errlen) < 0)
			return NULL;
		data = body;
	}
	*len = (size_t)n + dlen;
	copy = mmhs_malloc(*len);
	memcpy(copy, field, (size_t)n);
	memcpy(copy + n, data, dlen);
	free(body);
	return copy;
}

/* send_sec_text - the security part of the "expanded" line's extra */
static void
send_sec_text(const struct exp_job *j, char *buf, size_t len)
{
	static const char *const kind[] = { "none", "signed", "reencrypted" };
	const struct exp_sec *xs = j->j_sec;
	size_t	off, i;

	if (xs == NULL || (xs->xs_kind == EXP_SEC_PLAIN &&
	    xs->xs_note[0] == '\0')) {
		buf[0] = '\0';
		return;
	}
	off = (size_t)snprintf(buf, len, " security=%s mlhist=%d note=\"",
	    kind[xs->xs_kind], xs->xs_kind == EXP_SEC_PLAIN ? xs->xs_nhist :
	    xs->xs_nhist + 1);
	for (i = 0; xs->xs_note[i] != '\0' && off + 2 < len; i++)
		buf[off++] = xs->xs_note[i] == '"' || xs->xs_note[i] == '\\' ||
		    (unsigned char)xs->xs_note[i] < 0x20 ? '\'' :
		    xs->xs_note[i];
	snprintf(buf + off, len - off, "\"");
}

/* send_done - reply, report to the owner and log after the submission */
static void
send_done(struct exp_job *j, const struct exp_send *s,
	const struct exp_result *res, struct exp_out *out, size_t n,
	size_t nocert, size_t skipped, long accepted, const char *err)
{
	struct exp_report rp;
	char	extra[1400], sec[750], res_text[600], rerr[512], note[240];
	size_t	i, failed = n - (size_t)(accepted > 0 ? accepted : 0);

	if (accepted < 0) {
		expander_reply(j, 451, "4.4.1 list %s: cannot resubmit to the "
		    "MTA: %s", j->j_list_addr, err);
	} else if (accepted == 0) {
		expander_reply(j, 550, "5.2.4 list %s: the MTA refused every "
		    "member, the first with: %d %s", j->j_list_addr,
		    out[0].eo_code, out[0].eo_text);
	} else {
		rp.rp_host = j->j_x->x_host;
		rp.rp_owner = s->es_from;
		rp.rp_mail_params = s->es_params;
		rp.rp_data = s->es_data;
		rp.rp_len = s->es_len;
		rp.rp_arrival = time(NULL);
		if (failed > 0 && expander_report(&rp, s, out, n, rerr,
		    sizeof(rerr)) < 0)
			mmhs_warn("list %s: no report to the owner %s: %s",
			    j->j_list_addr, s->es_from, rerr);
		snprintf(note, sizeof(note), "%s", "");
		if (failed > nocert)
			snprintf(note, sizeof(note), "; %zu refused by the "
			    "MTA, reported to the owner", failed - nocert);
		if (nocert > 0)
			snprintf(note + strlen(note), sizeof(note) -
			    strlen(note), "; %zu without a certificate to "
			    "encrypt to, reported to the owner", nocert);
		if (skipped > 0)
			snprintf(note + strlen(note), sizeof(note) -
			    strlen(note), "; %zu without a mail address",
			    skipped);
		expander_reply(j, 250, "2.1.5 list %s expanded to %ld "
		    "recipients%s", j->j_list_addr, accepted, note);
	}
	for (i = 0; i < n && accepted >= 0; i++)
		if (out[i].eo_code / 100 != 2) {
			snprintf(res_text, sizeof(res_text), "%d %s",
			    out[i].eo_code, out[i].eo_text);
			expander_track(j, "failed", out[i].eo_addr, res_text,
			    NULL);
		}
	send_sec_text(j, sec, sizeof(sec));
	snprintf(extra, sizeof(extra), "members=%zu lists=%zu duplicates=%zu "
	    "accepted=%ld refused=%zu skipped=%zu owner=%s history=%zu%s",
	    res->xr_n, res->xr_lists, res->xr_dups, accepted > 0 ? accepted :
	    0, accepted >= 0 ? failed : 0, skipped, s->es_from,
	    j->j_hist->eh_n, sec);
	snprintf(res_text, sizeof(res_text), "%d %s", j->j_reply->lr_code,
	    j->j_reply->lr_text);
	expander_track(j, accepted > 0 ? "expanded" : accepted < 0 ?
	    "deferred" : "refused", j->j_rcpt, res_text, extra);
}

/* expander_send - expand, resubmit, report, reply */
void
expander_send(struct exp_job *j)
{
	struct mmhs_agent *ag = j->j_x->x_ag;
	struct exp_lookup lk = { expander_nodes_get, expander_nodes_put, NULL };
	struct exp_result res;
	struct exp_send s;
	struct exp_out *out;
	char	host[256], err[512], res_text[1100];
	STACK_OF(X509) *certs = NULL;
	char   *copy = NULL;
	size_t	n, m, skipped, len = 0;
	long	accepted;
	int	port;

	lk.el_arg = j->j_x->x_nodes;
	(void)expander_nodes_begin(j->j_x->x_nodes);
	if (expander_expand(&lk, j->j_list->de_dn, j->j_site_key, j->j_depth,
	    (size_t)j->j_max, &res) < 0) {
		expander_reply(j, 550, "5.2.4 %s", res.xr_why);
		snprintf(res_text, sizeof(res_text), "550 5.2.4 %s",
		    res.xr_why);
		expander_track(j, "refused", j->j_rcpt, res_text, NULL);
		expander_result_free(&res);
		return;
	}
	out = mmhs_calloc(res.xr_n + 1, sizeof(*out));
	n = m = send_outs(j, &res, out, &skipped);
	if (n > 0 && j->j_sec != NULL && j->j_sec->xs_kind ==
	    EXP_SEC_REENCRYPT) {
		certs = sk_X509_new_null();
		m = certs != NULL ? expander_sec_certs(j, out, n, certs) : 0;
	}
	if (n == 0) {
		expander_reply(j, 550, "5.2.4 list %s has no member with a "
		    "mail address (%zu without)", j->j_list_addr, skipped);
	} else if (m == 0) {
		expander_reply(j, 550, "5.7.5 list %s: no member has a "
		    "certificate to encrypt to (the first: %s)",
		    j->j_list_addr, out[0].eo_text);
	} else if ((copy = send_copy(j, certs, &len, err,
	    sizeof(err))) == NULL) {
		expander_reply(j, 550, "5.3.5 list %s: %s", j->j_list_addr,
		    err);
	} else if (mmhs_agent_peer_addr(ag, "mta", "smtp", host, sizeof(host),
	    &port, err, sizeof(err)) < 0) {
		expander_reply(j, 451, "4.3.5 list %s: no MTA to resubmit to: "
		    "%s", j->j_list_addr, err);
	} else {
		memset(&s, 0, sizeof(s));
		s.es_host = host;
		s.es_port = port;
		s.es_helo = j->j_x->x_host;
		s.es_from = j->j_owner;
		s.es_params = j->j_params;
		s.es_data = copy;
		s.es_len = len;
		s.es_batch = send_mta_batch(ag);
		s.es_retries = EXP_RETRIES;
		s.es_timeout = EXP_SMTP_TIMEOUT;
		accepted = expander_submit(&s, out, m, err, sizeof(err));
		send_done(j, &s, &res, out, n, n - m,
		    skipped, accepted, err);
		goto done;
	}
	snprintf(res_text, sizeof(res_text), "%d %s", j->j_reply->lr_code,
	    j->j_reply->lr_text);
	expander_track(j, j->j_reply->lr_code / 100 == 4 ? "deferred" :
	    "refused", j->j_rcpt, res_text, NULL);
done:
	if (certs != NULL)
		sk_X509_pop_free(certs, X509_free);
	mmhs_free(copy);
	mmhs_free(out);
	expander_result_free(&res);
}
