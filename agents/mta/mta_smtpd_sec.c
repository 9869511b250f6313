/* mta_smtpd_sec.c - the security checks of an authenticated submission
 *
 * After the final dot of a message from an authenticated user (the
 * submit port requires AUTH; an authenticated client of the relay port
 * is held to the same rules) and before anything is queued, the
 * message is inspected with lib/mmhs_secmsg (mta_sec.c) and refused
 * with one 5.7.x reply line saying why, checked in this order:
 *
 *  1. every signature layer reached verifies (5.7.7 when the content
 *     or attributes were tampered with, 5.7.5 for a revoked, unknown,
 *     untrusted or expired signer);
 *  2. every signer is the sender: the certificate's mail address is
 *     one of the authenticated user's own or of a role they occupy,
 *     the same rule as for MAIL FROM (5.7.1);
 *  3. the label is dominated by the user's clearance
 *     (mmhs_secmsg_cleared with the user's entry) (5.7.1);
 *  4. the directory's requirements are met: mmhsRequireLabel on our
 *     site, mmhsRequireSignature / mmhsRequireEncryption on its
 *     policy (mmhs_secmsg_check) (5.7.1).
 *
 * A refusal writes one tracking line per recipient, event "refused",
 * with the reply as result and reason="..." user=... in the extras.
 * Mail from peers (agents and MTAs that relay) is not inspected here:
 * it was at its own submission, and next hops with a ceiling are
 * guarded by the delivery side.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mmhs_precedence.h"
#include "mta_sec.h"
#include "mta_smtpd.h"

/* mta_sec_oneline - a reason from a certificate or a header stays on
 * the reply's one line */
static void
mta_sec_oneline(char *p)
{
	for (; *p != '\0'; p++)
		if ((unsigned char)*p < ' ' || (unsigned char)*p == 0x7f)
			*p = ' ';
}

static void
mta_sec_line(char *reply, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* mta_sec_line - printf into a reply */
static void
mta_sec_line(char *reply, size_t len, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(reply, len, fmt, ap);
	va_end(ap);
}

/* mta_sec_signers - every signer of sm is the authenticated user */
static int
mta_sec_signers(struct mta_sess *s, const struct mmhs_secmsg *sm,
	char *reply, size_t len)
{
	const struct mmhs_cms_sig *sig;
	int	i;

	for (i = 0; i < sm->sm_open.co_nsig; i++) {
		sig = &sm->sm_open.co_sig[i];
		if (sig->cs_signer_mail[0] == '\0') {
			mta_sec_line(reply, len, "554 5.7.1 Signer %s has no "
			    "mail address: cannot tell it is the sender",
			    sig->cs_signer_subject);
			return -1;
		}
		if (!mta_policy_may_use(s->s_d, s->s_auth_dn,
		    sig->cs_signer_mail)) {
			mta_sec_line(reply, len, "554 5.7.1 Signed by <%s>, "
			    "not by the sender: %s may sign only as their own "
			    "address or a role they occupy",
			    sig->cs_signer_mail, s->s_auth_user);
			return -1;
		}
	}
	return 0;
}

/* mta_sec_cleared - the label is dominated by the user's clearance */
static int
mta_sec_cleared(struct mta_sess *s, const struct mmhs_secmsg *sm,
	char *reply, size_t len)
{
	struct mta *m = s->s_d->d_m;
	struct mmhs_policy *p;
	mmhs_dircache_entry_t *ue;
	char	why[384];
	int	rc;

	if (sm->sm_label_src == MMHS_SECMSG_LABEL_NONE)
		return 0;
	p = mmhs_malloc(sizeof(*p));
	if (mta_sec_policy(m, sm->sm_label.lb_policy, p, why,
	    sizeof(why)) < 0) {
		mta_sec_line(reply, len, "554 5.7.1 Label %s not accepted: %s",
		    sm->sm_marking, why);
		mmhs_free(p);
		return -1;
	}
	if ((ue = mmhs_dircache_by_dn(m->m_cache, s->s_auth_dn)) == NULL) {
		mta_sec_line(reply, len, "451 4.3.0 The entry of %s is not in "
		    "the directory, try again later", s->s_auth_user);
		mmhs_free(p);
		return -1;
	}
	rc = mmhs_secmsg_cleared(sm, p, ue, why, sizeof(why));
	mmhs_dircache_entry_free(ue);
	mmhs_free(p);
	if (rc == 1)
		return 0;
	mta_sec_line(reply, len, rc == 0 ? "554 5.7.1 Label above the "
	    "clearance of %s: %s" : "554 5.7.1 The clearance of %s cannot "
	    "be read: %s", s->s_auth_user, why);
	return -1;
}

/* mta_sec_required - the directory's requirements of our site */
static int
mta_sec_required(struct mta_sess *s, const struct mmhs_secmsg *sm,
	char *reply, size_t len)
{
	struct mmhs_secreq rq;
	struct mmhs_policy *p = mmhs_malloc(sizeof(*p));
	char	why[384];
	int	rc = 0;

	/* a site without a policy has no requirements to meet */
	if (mta_sec_requirements(s->s_d->d_m, &rq, p, why, sizeof(why)) ==
	    0 && mmhs_secmsg_check(sm, p, &rq, why, sizeof(why)) < 0) {
		mta_sec_line(reply, len, "554 5.7.1 Message refused by the "
		    "security policy: %s", why);
		rc = -1;
	}
	mmhs_free(p);
	return rc;
}

/* mta_sec_track - one "refused" line per recipient */
static void
mta_sec_track(struct mta_sess *s, const char *reply)
{
	struct mta *m = s->s_d->d_m;
	struct mmhs_track_event ev;
	char	extra[1024], q[640];
	const char *why = strlen(reply) > 10 ? reply + 10 : reply;
	size_t	i;

	if (m->m_track == NULL)
		return;
	snprintf(extra, sizeof(extra), "reason=%s client=[%s] user=%s",
	    mta_sec_quote(why, q, sizeof(q)), s->s_addr, s->s_auth_user);
	memset(&ev, 0, sizeof(ev));
	ev.te_event = "refused";
	ev.te_msgid = s->s_msgid[0] != '\0' ? s->s_msgid : NULL;
	ev.te_from = s->s_mail.cm_path;
	ev.te_result = reply;
	ev.te_extra = extra;
	for (i = 0; i < s->s_nrcpt; i++) {
		ev.te_to = s->s_rcpt[i].qr_addr;
		if (mmhs_track_log(m->m_track, &ev) < 0)
			mmhs_warn("tracking log: %m");
	}
}

/* mta_smtpd_sec_check - 0 to queue the message, -1 refused (reply) */
int
mta_smtpd_sec_check(struct mta_sess *s, char *reply, size_t len)
{
	struct mmhs_secmsg sm;
	char	why[384];
	int	rc = -1;

	if (s->s_auth_dn == NULL || s->s_peer)
		return 0;
	if (mta_sec_inspect(s->s_d->d_m, s->s_data + MTA_SMTPD_RCVD_ROOM,
	    s->s_datalen - MTA_SMTPD_RCVD_ROOM, &sm, why, sizeof(why)) < 0)
		mta_sec_line(reply, len, "554 5.7.1 Message refused: %s", why);
	else if (mta_sec_signatures(&sm, reply, len) == 0 &&
	    mta_sec_signers(s, &sm, reply, len) == 0 &&
	    mta_sec_cleared(s, &sm, reply, len) == 0 &&
	    mta_sec_required(s, &sm, reply, len) == 0)
		rc = 0;
	mmhs_secmsg_free(&sm);
	if (rc < 0) {
		mta_sec_oneline(reply);
		mmhs_info("session %lu: %s refused: %s", s->s_id,
		    s->s_msgid[0] != '\0' ? s->s_msgid : "message", reply);
		mta_sec_track(s, reply);
	}
	return rc;
}
