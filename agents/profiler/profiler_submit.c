/* profiler_submit.c - hand the unchanged message to the chosen roles
 *
 * One SMTP transaction per organisation recipient, to the "smtp"
 * listener of our MTA peer (mmhsPeer of type mta), with lib/mmhs_smtpc:
 * the message bytes exactly as received, the original MAIL FROM as the
 * return path, and of the envelope what still means something:
 *
 *	MAIL	BODY, RET, ENVID and SMTPUTF8 as received; MT-PRIORITY as
 *		received, else the one of the message's precedence (RFC
 *		6710 STANAG 4406 policy); SIZE and AUTH are left out
 *	RCPT	NOTIFY as the organisation's RCPT had it (the roles stand
 *		in for the organisation, as an alias's targets do, RFC
 *		3461 6.2.7.3); ORCPT as received, else the organisation's
 *		address, so reports name the address the originator used
 *
 * The reply to the MTA for the organisation recipient:
 *	250	every copy accepted, or some accepted and the others refused
 *		for good (each refusal is in the tracking log)
 *	451	the MTA could not be reached or refused some copy for now:
 *		the MTA retries the organisation later (copies that were
 *		accepted this time may then arrive twice)
 *	5xx	every copy refused for good: the MTA's first refusal
 *	554	nothing to deliver to: no rule and no default role, or a
 *		forwarding loop (more than PROF_MAX_HOPS Received: fields)
 * and one "profiled" line in the tracking log with the organisation,
 * the rule set, the rule that fired (or "default" and why), the action
 * and information addresses, how the message was read (protected=,
 * label=, read=, sig=: profiler_sec.c), and delays=D/S: milliseconds
 * spent on the decision (opening the layers, message summary, directory,
 * rules, roles) and on the resubmission (the MTA's SMTP dialogue, its
 * queue commit included).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mmhs_smtpc.h"
#include "mmhs_track.h"
#include "profiler.h"

#define PROF_MAX_HOPS		50	/* Received: fields (Postfix's limit) */
#define PROF_PARAMS_MAX		1024
#define PROF_EXTRA_MAX		3000	/* track line room for key=value */

/* prof_param - the value of NAME= in a parameter list, into buf; 0/-1 */
static int
prof_param(const char *params, const char *name, char *buf, size_t len)
{
	size_t	n = strlen(name), v;
	const char *p;

	for (p = params; p != NULL && *p != '\0'; ) {
		p += strspn(p, " ");
		v = strcspn(p, " ");
		if (v > n && strncasecmp(p, name, n) == 0 && p[n] == '=') {
			if (v - n - 1 >= len)
				return -1;
			memcpy(buf, p + n + 1, v - n - 1);
			buf[v - n - 1] = '\0';
			return 0;
		}
		p += v;
	}
	return -1;
}

/* prof_append - " NAME=value" (or " NAME" when value is NULL) */
static void
prof_append(char *buf, size_t len, const char *name, const char *value)
{
	size_t	pos = strlen(buf);

	snprintf(buf + pos, len - pos, "%s%s%s%s", pos ? " " : "", name,
	    value ? "=" : "", value ? value : "");
}

/* prof_mail_params - what of the MAIL parameters goes on */
static void
prof_mail_params(const char *in, enum mmhs_precedence prec, char *out,
	size_t len)
{
	static const char *const keep[] = {
		"BODY", "RET", "ENVID", "SMTPUTF8", "MT-PRIORITY"
	};
	const char *p;
	size_t	i, n, k, pos = 0;
	int	mt = 0;

	out[0] = '\0';
	for (p = in; p != NULL && *(p += strspn(p, " ")) != '\0'; p += n) {
		n = strcspn(p, " ");
		k = strcspn(p, "= ");
		for (i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
			if (k == strlen(keep[i]) &&
			    strncasecmp(p, keep[i], k) == 0 && pos + n + 2 < len) {
				pos += (size_t) snprintf(out + pos, len - pos,
				    "%s%.*s", pos ? " " : "", (int) n, p);
				mt |= i == 4;
			}
	}
	if (!mt)
		snprintf(out + pos, len - pos, "%sMT-PRIORITY=%d", pos ? " " : "",
		    mmhs_precedence_to_mt_priority(prec));
}

/* prof_xtext - RFC 3461 xtext of s */
static void
prof_xtext(const char *s, char *out, size_t len)
{
	size_t	o = 0;

	for (; *s != '\0' && o + 4 < len; s++) {
		if (*s < '!' || *s > '~' || *s == '+' || *s == '=')
			o += (size_t) snprintf(out + o, len - o, "+%02X",
			    (unsigned char) *s);
		else
			out[o++] = *s;
	}
	out[o] = '\0';
}

/* prof_rcpt_params - NOTIFY and ORCPT for the copies */
static void
prof_rcpt_params(const struct prof_decision *d, char *out, size_t len)
{
	char	v[600], x[512];

	out[0] = '\0';
	if (prof_param(d->pd_rcpt_params, "NOTIFY", v, sizeof(v)) == 0)
		prof_append(out, len, "NOTIFY", v);
	if (prof_param(d->pd_rcpt_params, "ORCPT", v, sizeof(v)) < 0) {
		prof_xtext(d->pd_org_addr, x, sizeof(x));
		snprintf(v, sizeof(v), "rfc822;%s", x);
	}
	prof_append(out, len, "ORCPT", v);
}

/* prof_hops - Received: fields in the header section */
static int
prof_hops(const char *data, size_t len)
{
	const char *p = data, *end = data + len, *nl;
	int	n = 0;

	while (p < end && *p != '\r' && *p != '\n') {
		if (end - p > 9 && strncasecmp(p, "Received:", 9) == 0)
			n++;
		if ((nl = memchr(p, '\n', (size_t) (end - p))) == NULL)
			break;
		p = nl + 1;
	}
	return n;
}

/* prof_kv - append key="value" to the tracking line's extra part */
static void
prof_kv(char *buf, size_t len, const char *key, const char *val)
{
	size_t	pos = strlen(buf);

	if (val == NULL || pos + strlen(key) + 4 >= len)
		return;
	pos += (size_t) snprintf(buf + pos, len - pos, "%s%s=\"", pos ? " " :
	    "", key);
	for (; *val != '\0' && pos + 3 < len; val++) {
		if (*val == '"' || *val == '\\')
			buf[pos++] = '\\';
		buf[pos++] = (unsigned char) *val < 0x20 ? '?' : *val;
	}
	buf[pos++] = '"';
	buf[pos] = '\0';
}

/* prof_track_sec - how the message was read: protected= (none, signed,
 * encrypted, signed,encrypted), label= (ess, sio, none), and when it
 * applies read=outer with why, sig= with the failure and its reason,
 * and why a signed label was not used */
static void
prof_track_sec(char *extra, size_t len, const struct prof_decision *d)
{
	const struct prof_sec *s = d->pd_sec;
	const char *signer;
	size_t	pos = strlen(extra);

	if (s == NULL)
		return;
	snprintf(extra + pos, len - pos, "%sprotected=%s label=%s",
	    pos ? " " : "", prof_sec_protected(s), d->pd_label);
	if (s->ps_kind == MMHS_CMS_NONE)
		return;
	pos = strlen(extra);
	snprintf(extra + pos, len - pos, " read=%s", s->ps_inner ? "inner" :
	    "outer");
	prof_kv(extra, len, "unread", s->ps_inner ? NULL : s->ps_why);
	if (s->ps_signed) {
		pos = strlen(extra);
		snprintf(extra + pos, len - pos, " sig=%s",
		    s->ps_sig_failed == NULL ? "ok" :
		    mmhs_sig_status_name(s->ps_sig_failed->cs_status));
		prof_kv(extra, len, "sigerr", s->ps_sig_failed == NULL ? NULL :
		    s->ps_sig_failed->cs_reason);
		signer = s->ps_co.co_sig[s->ps_co.co_nsig -
		    1].cs_signer_subject;
		prof_kv(extra, len, "signer", signer[0] ? signer : NULL);
	}
	if (s->ps_label != NULL && strcmp(s->ps_label, "ess-unverified") == 0)
		prof_kv(extra, len, "labelerr", "signed label not used: its "
		    "signature failed");
	else if (s->ps_label_why[0] != '\0')
		prof_kv(extra, len, "labelerr", s->ps_label_why);
}

/* prof_addrs - the addresses of the action (info = 0) or info copies */
static void
prof_addrs(const struct prof_decision *d, int info, char *out, size_t len)
{
	size_t	i, pos = 0;

	out[0] = '\0';
	for (i = 0; i < d->pd_ncopy; i++)
		if (d->pd_copy[i].pc_info == info && pos < len)
			pos += (size_t) snprintf(out + pos, len - pos, "%s%s",
			    pos ? "," : "", d->pd_copy[i].pc_addr);
}

/* prof_track - the "profiled" line */
static void
prof_track(struct profiler *pf, const struct mmhs_lmtp_envelope *env,
	const struct mmhs_summary *su, const struct prof_decision *d,
	const struct mmhs_lmtp_reply *reply, const char *refused,
	double submit_ms)
{
	struct mmhs_track_event ev;
	char	extra[PROF_EXTRA_MAX], addrs[1024], result[600], delays[64];
	size_t	i, pos;

	extra[0] = '\0';
	prof_kv(extra, sizeof(extra), "org", d->pd_org);
	prof_kv(extra, sizeof(extra), "ruleset", d->pd_set ? d->pd_set : "");
	prof_kv(extra, sizeof(extra), "rule", d->pd_rule ? d->pd_rule :
	    "default");
	prof_kv(extra, sizeof(extra), "default", d->pd_why);
	prof_addrs(d, 0, addrs, sizeof(addrs));
	prof_kv(extra, sizeof(extra), "action", addrs);
	prof_addrs(d, 1, addrs, sizeof(addrs));
	prof_kv(extra, sizeof(extra), "info", addrs);
	for (i = 0; i < d->pd_unresolved.pl_n; i++)
		prof_kv(extra, sizeof(extra), "unresolved",
		    d->pd_unresolved.pl_v[i]);
	prof_kv(extra, sizeof(extra), "refused", refused);
	prof_track_sec(extra, sizeof(extra), d);
	pos = strlen(extra);
	snprintf(delays, sizeof(delays), " delays=%.2f/%.2f", d->pd_decide_ms,
	    submit_ms);
	if (pos + strlen(delays) < sizeof(extra))
		memcpy(extra + pos, delays, strlen(delays) + 1);
	snprintf(result, sizeof(result), "%d %s", reply->lr_code,
	    reply->lr_text);
	memset(&ev, 0, sizeof(ev));
	ev.te_event = "profiled";
	ev.te_msgid = su != NULL ? su->su_message_id : NULL;
	ev.te_prec = su != NULL ? mmhs_precedence_name(su->su_prec) : NULL;
	ev.te_from = env->le_mail_from;
	ev.te_to = d->pd_org_addr;
	ev.te_result = result;
	ev.te_extra = extra;
	if (mmhs_track_log(pf->pf_ag.ag_track, &ev) < 0)
		mmhs_warn("tracking log: %m");
}

/* prof_reply - fill an LMTP reply */
static void
prof_reply(struct mmhs_lmtp_reply *r, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void
prof_reply(struct mmhs_lmtp_reply *r, int code, const char *fmt, ...)
{
	va_list	ap;

	r->lr_code = code;
	va_start(ap, fmt);
	vsnprintf(r->lr_text, sizeof(r->lr_text), fmt, ap);
	va_end(ap);
}

/* prof_fold - the organisation's reply from the copies' replies */
static void
prof_fold(const struct prof_decision *d, struct mmhs_smtpc_rcpt *rc,
	int rv, const char *err, struct mmhs_lmtp_reply *reply,
	char *refused, size_t rlen)
{
	size_t	i, ok = 0, temp = 0, pos = 0;
	const struct mmhs_smtpc_rcpt *first = NULL;

	refused[0] = '\0';
	for (i = 0; i < d->pd_ncopy; i++) {
		if (rc[i].sr_code >= 200 && rc[i].sr_code < 300) {
			ok++;
			continue;
		}
		if (rc[i].sr_code < 500)
			temp++;
		else if (first == NULL)
			first = &rc[i];
		if (rc[i].sr_code != 0 && pos < rlen)
			pos += (size_t) snprintf(refused + pos, rlen - pos,
			    "%s%s: %d %s", pos ? "; " : "", rc[i].sr_addr,
			    rc[i].sr_code, rc[i].sr_text);
	}
	if (rv < 0 && ok == 0)
		prof_reply(reply, 451, "4.4.1 resubmission to the MTA failed: "
		    "%s", err);
	else if (temp > 0)
		prof_reply(reply, 451, "4.4.1 %zu of %zu role copies refused "
		    "for now by the MTA; try again", temp, d->pd_ncopy);
	else if (ok > 0)
		prof_reply(reply, 250, "2.1.5 profiled by %s: %zu role "
		    "cop%s resubmitted", d->pd_rule ? d->pd_rule :
		    "the default role", ok, ok == 1 ? "y" : "ies");
	else
		prof_reply(reply, first->sr_code, "%.400s (the MTA, for the "
		    "role copy to %s)", first->sr_text, first->sr_addr);
}

/* prof_submit - resubmit for one organisation recipient, fill reply */
void
prof_submit(struct profiler *pf, const struct mmhs_lmtp_envelope *env,
	const struct mmhs_summary *su, struct prof_decision *d,
	struct mmhs_lmtp_reply *reply)
{
	struct mmhs_smtpc_rcpt rc[PROF_MAX_ROLES];
	struct mmhs_smtpc_msg m;
	char	host[256], err[512], mparams[PROF_PARAMS_MAX],
		rparams[PROF_PARAMS_MAX], refused[1024] = "";
	int	port, hops, rv;
	size_t	i;
	struct timespec t0;
	double	submit_ms = 0;

	if (d->pd_ncopy == 0) {
		prof_reply(reply, 554, "5.3.5 %s: %s and no default role "
		    "(mmhsDefaultRole) with a mail address; nothing delivered",
		    d->pd_org, d->pd_why ? d->pd_why : "no role resolves");
		goto done;
	}
	if ((hops = prof_hops(env->le_data, env->le_len)) > PROF_MAX_HOPS) {
		prof_reply(reply, 554, "5.4.6 forwarding loop: %d Received: "
		    "fields", hops);
		goto done;
	}
	if (mmhs_agent_peer_addr(&pf->pf_ag, "mta", "smtp", host,
	    sizeof(host), &port, err, sizeof(err)) < 0) {
		prof_reply(reply, 451, "4.3.5 no MTA to resubmit to: %s", err);
		goto done;
	}
	prof_mail_params(env->le_mail_params, su->su_prec, mparams,
	    sizeof(mparams));
	prof_rcpt_params(d, rparams, sizeof(rparams));
	memset(rc, 0, sizeof(rc));
	for (i = 0; i < d->pd_ncopy; i++) {
		rc[i].sr_addr = d->pd_copy[i].pc_addr;
		rc[i].sr_params = rparams;
	}
	memset(&m, 0, sizeof(m));
	m.sm_host = host;
	m.sm_port = port;
	m.sm_mail_from = env->le_mail_from;
	m.sm_mail_params = mparams;
	m.sm_rcpt = rc;
	m.sm_nrcpt = d->pd_ncopy;
	m.sm_data = env->le_data;
	m.sm_len = env->le_len;
	m.sm_timeout_s = pf->pf_timeout_s;
	err[0] = '\0';
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rv = mmhs_smtpc_send(&m, err, sizeof(err));
	submit_ms = prof_ms_since(&t0);
	prof_fold(d, rc, rv, err, reply, refused, sizeof(refused));
done:
	prof_track(pf, env, su, d, reply, refused[0] ? refused : NULL,
	    submit_ms);
}
