/* expander_msg.c - one message for one or more lists: the decisions
 *
 * expander_message() is the LMTP message callback.  For each recipient
 * (a list address), in this order, each step refusing with its own
 * reply (the MTA turns a 5xx into a DSN to the originator with our
 * text as Diagnostic-Code, a 4xx into a retry):
 *
 *   1. the address names an mhs-distribution-list of the cache
 *      (550 5.1.1), expanded by this site (mmhsSite; 550 5.3.5);
 *   2. the DL-Expansion-History fields parse (554 5.6.0), this list is
 *      not among them and there is room for one more (550 5.4.6: the
 *      loop is reported to the previous list's owner, who is the
 *      return path), and the previous list lets nested lists expand
 *      (further-dl-expansion-allowed; 550 5.7.1);
 *   3. the originator may submit (expander_perm; 550 5.7.1 with the
 *      library's reason).  The originator is the envelope sender; for a
 *      message that another list expanded it is that list (the newest
 *      history entry), as X.400 checks a nested DL's permission against
 *      the DL that passed it on, provided the envelope sender is that
 *      list's owner (the return path an expander writes) - a history
 *      field alone, which anyone can write, proves nothing;
 *   4. the list has an owner with a mail address (550 5.2.4): the
 *      return path of the copies;
 *   4a. the S/MIME layers (expander_sec.c, RFC 2634 section 4): a
 *      loop in the mlExpansionHistory of a list's outer signature
 *      (550 5.4.6, as in step 2), a signature that does not verify
 *      (550 5.7.7), an encrypted message the list cannot decrypt
 *      (550 5.7.5);
 *   5. the expansion stays within mmhsLimit expansion-depth and
 *      recipients (550 5.2.4, expander_expand);
 *   6. the copy, the original (for a signed or encrypted message the
 *      list's signed, re-encrypted form) with one DL-Expansion-History
 *      field prepended, is resubmitted (expander_submit: 451 4.4.1
 *      when nothing could be sent, 550 when the MTA refused every
 *      member);
 *      members the MTA refused are reported to the owner
 *      (expander_report).
 *
 * The parameters of the copies (doc/mmhs-expander.8, "Parameters"):
 * MT-PRIORITY as received, raised (never lowered) to the value of the
 * list's mhs-dl-policy priority; RET from its return-of-content, else
 * as received; BODY as received; no ENVID (the originator's, RFC 3461
 * 6.2.7.3); per member NOTIFY=FAILURE,DELAY and ORCPT.  Every decision
 * is one tracking log line: expanded, refused, loop, skipped.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "mmhs_agent.h"
#include "mmhs_alloc.h"
#include "mmhs_lmtpd.h"
#include "mmhs_log.h"
#include "mmhs_precedence.h"
#include "mmhs_summary.h"
#include "mmhs_track.h"
#include "expander.h"

/* expander_reply - the reply for this recipient */
void
expander_reply(struct exp_job *j, int code, const char *fmt, ...)
{
	va_list	ap;

	j->j_reply->lr_code = code;
	va_start(ap, fmt);
	vsnprintf(j->j_reply->lr_text, sizeof(j->j_reply->lr_text), fmt, ap);
	va_end(ap);
}

/* xm_kv - append key="value" (quoted as the tracking log quotes) */
static void
xm_kv(char *buf, size_t len, const char *key, const char *val)
{
	size_t	off = strlen(buf);

	if (val == NULL || off + strlen(key) + 4 >= len)
		return;
	off += (size_t)snprintf(buf + off, len - off, "%s%s=\"", off ? " " :
	    "", key);
	for (; *val != '\0' && off + 3 < len; val++) {
		if (*val == '"' || *val == '\\')
			buf[off++] = '\\';
		buf[off++] = (unsigned char)*val < 0x20 ? '?' : *val;
	}
	buf[off++] = '"';
	buf[off] = '\0';
}

/* expander_track - one tracking log line for this recipient */
void
expander_track(const struct exp_job *j, const char *event, const char *to,
	const char *result, const char *extra)
{
	struct mmhs_track_event ev;
	enum mmhs_precedence p;
	char	list[1100] = "";

	memset(&ev, 0, sizeof(ev));
	ev.te_event = event;
	ev.te_msgid = j->j_msgid;
	if (j->j_has_mt && mmhs_precedence_from_mt_priority(j->j_mt, &p,
	    NULL, 0) == 0)
		ev.te_prec = mmhs_precedence_name(p);
	ev.te_from = j->j_env->le_mail_from;
	ev.te_to = to;
	ev.te_result = result;
	if (j->j_list != NULL)
		xm_kv(list, sizeof(list), "list", j->j_list->de_dn);
	if (extra != NULL && extra[0] != '\0')
		snprintf(list + strlen(list), sizeof(list) - strlen(list),
		    "%s%s", list[0] ? " " : "", extra);
	ev.te_extra = list[0] ? list : NULL;
	if (mmhs_track_log(j->j_x->x_ag->ag_track, &ev) < 0)
		mmhs_warn("tracking log: %m");
}

/* xm_refuse - reply and log a refusal (event refused or loop) */
static void
xm_refuse(struct exp_job *j, const char *event)
{
	char	res[600];

	snprintf(res, sizeof(res), "%d %s", j->j_reply->lr_code,
	    j->j_reply->lr_text);
	expander_track(j, event, j->j_rcpt, res, NULL);
}

/* xm_site_key - the key of our mmhsSite (caller frees), NULL: none */
static char *
xm_site_key(struct exp_job *j)
{
	mmhs_dircache_entry_t *self = mmhs_agent_self(j->j_x->x_ag);
	const char *v;
	char   *k = NULL;

	if (self != NULL && (v = mmhs_dircache_value(self, "mmhsSite")) != NULL)
		k = expander_dn_key(v);
	mmhs_dircache_entry_free(self);
	return k;
}

/* xm_list - step 1: the list and its site */
static int
xm_list(struct exp_job *j, const char *site_key)
{
	const char *site, *mail;
	char   *k;
	int	other;

	j->j_list = mmhs_agent_entry_for(j->j_x->x_ag, j->j_rcpt, NULL, 0);
	if (j->j_list == NULL || !expander_is_list(j->j_list)) {
		mmhs_dircache_entry_free(j->j_list);
		j->j_list = NULL;
		expander_reply(j, 550, "5.1.1 %s: no distribution list has "
		    "this address", j->j_rcpt);
		return -1;
	}
	mail = mmhs_dircache_value(j->j_list, "mail");
	j->j_list_addr = mail != NULL ? mail : j->j_rcpt;
	site = mmhs_dircache_value(j->j_list, "mmhsSite");
	if (site == NULL || site_key == NULL)
		return 0;
	k = expander_dn_key(site);
	other = strcmp(k, site_key) != 0;
	mmhs_free(k);
	if (!other)
		return 0;
	expander_reply(j, 550, "5.3.5 list %s is expanded by site %s, not this "
	    "one: a route sends its address to the wrong expander",
	    j->j_list->de_dn, site);
	return -1;
}

/* xm_prev - the list that expanded the message last, if the envelope
 * sender is its owner (caller frees), else NULL */
static mmhs_dircache_entry_t *
xm_prev(struct exp_job *j)
{
	mmhs_dircache_entry_t *p;
	const char *owner;
	char   *mail;
	int	ok;

	if (j->j_hist->eh_n == 0 || (p = mmhs_agent_entry_for(j->j_x->x_ag,
	    j->j_hist->eh_e[0].he_addr, NULL, 0)) == NULL)
		return NULL;
	owner = mmhs_dircache_value(p, "owner");
	mail = owner != NULL ? mmhs_agent_mail_of(j->j_x->x_ag, owner) : NULL;
	ok = expander_is_list(p) && mail != NULL &&
	    strcasecmp(mail, j->j_env->le_mail_from) == 0;
	mmhs_free(mail);
	if (!ok) {
		mmhs_dircache_entry_free(p);
		return NULL;
	}
	return p;
}

/* xm_history - step 2: no loop (-2), room for us, nesting allowed */
static int
xm_history(struct exp_job *j, const mmhs_dircache_entry_t *prev)
{
	const mmhs_dircache_attr_t *mails;
	struct mmhs_dl_policy pol;
	const char *v;
	char	text[400];
	size_t	i;
	int	at = expander_hist_find(j->j_hist, j->j_rcpt);

	if (j->j_hist_err != NULL) {
		expander_reply(j, 554, "5.6.0 %s", j->j_hist_err);
		return -1;
	}
	mails = mmhs_dircache_attr(j->j_list, "mail");
	for (i = 0; at < 0 && mails != NULL && i < mails->da_nvals; i++)
		at = expander_hist_find(j->j_hist, mails->da_vals[i]);
	expander_hist_text(j->j_hist, text, sizeof(text));
	if (at >= 0) {
		expander_reply(j, 550, "5.4.6 routing loop: list %s already "
		    "expanded this message (history: %s)", j->j_list_addr,
		    text);
		return -2;
	}
	if (j->j_hist->eh_n >= EXP_HIST_MAX) {
		expander_reply(j, 550, "5.4.6 list %s: the message was "
		    "expanded %d times already, the most an expansion history "
		    "holds (history: %s)", j->j_list_addr, EXP_HIST_MAX, text);
		return -1;
	}
	mmhs_dl_policy_init(&pol);
	if (prev != NULL && (v = mmhs_dircache_value(prev,
	    "mhs-dl-policy")) != NULL && mmhs_dl_policy_parse(v, &pol, NULL,
	    0) == 0 && !pol.pl_further_dl_expansion_allowed) {
		expander_reply(j, 550, "5.7.1 list %s may not be expanded: it "
		    "was reached through list %s, whose mhs-dl-policy says "
		    "further-dl-expansion-allowed=FALSE", j->j_list_addr,
		    prev->de_dn);
		return -1;
	}
	return 0;
}

/* xm_permission - step 3 */
static int
xm_permission(struct exp_job *j, const mmhs_dircache_entry_t *prev)
{
	const char *orig = prev != NULL ? prev->de_dn : j->j_env->le_mail_from;
	char	why[1024];
	int	rc;

	rc = expander_perm(j->j_x->x_ag->ag_cache, j->j_list, orig, j->j_depth,
	    why, sizeof(why));
	if (rc > 0)
		return 0;
	expander_reply(j, 550, "5.7.1 %s%s", rc < 0 ? "submit permission not "
	    "decidable: " : "", why);
	return -1;
}

/* xm_owner - step 4: the return path of the copies */
static int
xm_owner(struct exp_job *j)
{
	const char *owner = mmhs_dircache_value(j->j_list, "owner");

	if (owner != NULL)
		j->j_owner = mmhs_agent_mail_of(j->j_x->x_ag, owner);
	if (j->j_owner != NULL)
		return 0;
	expander_reply(j, 550, "5.2.4 list %s has %s: its copies need one as "
	    "return path", j->j_list->de_dn, owner == NULL ? "no owner" :
	    "an owner without a mail address");
	return -1;
}

/* xm_param - the value of ESMTP parameter name in the MAIL params */
static const char *
xm_param(const char *params, const char *name, char *buf, size_t len)
{
	const char *p = params;
	size_t	n = strlen(name);

	while (p != NULL && *p != '\0') {
		p += strspn(p, " ");
		if (strncasecmp(p, name, n) == 0 && p[n] == '=') {
			snprintf(buf, len, "%.*s", (int)strcspn(p + n + 1, " "),
			    p + n + 1);
			return buf;
		}
		p += strcspn(p, " ");
	}
	return NULL;
}

/* xm_params - the MAIL parameters of the copies */
static void
xm_params(struct exp_job *j)
{
	static const int prio_mt[] = { 0, 0, -4, 4 };	/* RFC 6710 B */
	struct mmhs_dl_policy pol;
	const char *v, *ret = NULL, *params = j->j_env->le_mail_params;
	char	buf[64], rbuf[16];
	size_t	off = 0;

	mmhs_dl_policy_init(&pol);
	if ((v = mmhs_dircache_value(j->j_list, "mhs-dl-policy")) != NULL &&
	    mmhs_dl_policy_parse(v, &pol, NULL, 0) < 0)
		mmhs_dl_policy_init(&pol);
	if (xm_param(params, "MT-PRIORITY", buf, sizeof(buf)) != NULL &&
	    mmhs_precedence_parse_mt_priority(buf, &j->j_mt, NULL, 0) == 0)
		j->j_has_mt = 1;
	if (pol.pl_priority != MMHS_DL_PRIO_UNCHANGED &&
	    (!j->j_has_mt || j->j_mt < prio_mt[pol.pl_priority])) {
		j->j_mt = prio_mt[pol.pl_priority];
		j->j_has_mt = 1;
	}
	if (pol.pl_return_of_content == MMHS_DL_ROC_REQUESTED)
		ret = "FULL";
	else if (pol.pl_return_of_content == MMHS_DL_ROC_NOT_REQUESTED)
		ret = "HDRS";
	else
		ret = xm_param(params, "RET", rbuf, sizeof(rbuf));
	j->j_params[0] = '\0';
	if (xm_param(params, "BODY", buf, sizeof(buf)) != NULL)
		off += (size_t)snprintf(j->j_params + off,
		    sizeof(j->j_params) - off, "BODY=%s", buf);
	if (ret != NULL)
		off += (size_t)snprintf(j->j_params + off,
		    sizeof(j->j_params) - off, "%sRET=%s", off ? " " : "", ret);
	if (j->j_has_mt)
		snprintf(j->j_params + off, sizeof(j->j_params) - off,
		    "%sMT-PRIORITY=%d", off ? " " : "", j->j_mt);
}

/* xm_one - every step for one list recipient */
static void
xm_one(struct exp_job *j, const char *site_key)
{
	mmhs_dircache_entry_t *prev = NULL;
	struct exp_sec xs;
	int	rc = 0;

	j->j_depth = (int)mmhs_agent_limit(j->j_x->x_ag, "expansion-depth",
	    EXP_DEF_DEPTH);
	j->j_max = mmhs_agent_limit(j->j_x->x_ag, "recipients", EXP_DEF_RCPTS);
	memset(&xs, 0, sizeof(xs));
	if (xm_list(j, site_key) < 0) {
		xm_refuse(j, "refused");
		return;
	}
	xm_params(j);
	prev = j->j_hist_err == NULL ? xm_prev(j) : NULL;
	if ((rc = xm_history(j, prev)) < 0 || xm_permission(j, prev) < 0 ||
	    xm_owner(j) < 0 || (rc = expander_sec_check(j, &xs)) < 0)
		xm_refuse(j, rc == -2 ? "loop" : "refused");
	else {
		j->j_sec = &xs;
		expander_send(j);
		j->j_sec = NULL;
	}
	expander_sec_free(&xs);
	mmhs_dircache_entry_free(prev);
}

/* expander_rcpt - the LMTP RCPT callback: step 1 at once, so that a
 * message for no list of ours is not even transferred */
int
expander_rcpt(void *arg, const char *rcpt, const char *params,
	struct mmhs_lmtp_reply *reply)
{
	static const struct exp_hist none;
	struct mmhs_lmtp_envelope env;
	struct exp_job j;
	char   *site_key;
	int	rc;

	(void)params;
	memset(&env, 0, sizeof(env));
	env.le_mail_from = "";
	memset(&j, 0, sizeof(j));
	j.j_x = arg;
	j.j_env = &env;
	j.j_hist = &none;
	j.j_rcpt = rcpt;
	j.j_reply = reply;
	site_key = xm_site_key(&j);
	if ((rc = xm_list(&j, site_key)) < 0)
		xm_refuse(&j, "refused");
	mmhs_free(site_key);
	mmhs_dircache_entry_free(j.j_list);
	return rc;
}

/* expander_message - the LMTP message callback */
void
expander_message(void *arg, const struct mmhs_lmtp_envelope *env,
	struct mmhs_lmtp_reply *replies)
{
	struct expander *x = arg;
	struct exp_hist *h = mmhs_malloc(sizeof(*h));
	char	herr[512], *msgid, *site_key;
	struct exp_job j;
	size_t	i;
	int	hrc;

	hrc = expander_hist_parse(env->le_data, env->le_len, h, herr,
	    sizeof(herr));
	msgid = mmhs_summary_field(env->le_data, env->le_len, "Message-ID");
	for (i = 0; i < env->le_nrcpt; i++) {
		memset(&j, 0, sizeof(j));
		j.j_x = x;
		j.j_env = env;
		j.j_hist = h;
		j.j_hist_err = hrc < 0 ? herr : NULL;
		j.j_msgid = msgid;
		j.j_rcpt = env->le_rcpt[i];
		j.j_reply = &replies[i];
		site_key = xm_site_key(&j);
		j.j_site_key = site_key;
		xm_one(&j, site_key);
		mmhs_free(site_key);
		mmhs_free(j.j_owner);
		mmhs_dircache_entry_free(j.j_list);
	}
	mmhs_free(msgid);
	mmhs_free(h);
}
