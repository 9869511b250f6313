/* store_mdn.c - read and non-read notifications of mmhs-store (RFC 8098)
 *
 * A message whose originator asked for a notification
 * (Disposition-Notification-To) gets one MDN per mailbox: "displayed"
 * when it is first marked seen, "deleted" when it is removed before
 * anyone saw it.  Displayed is "manual-action/MDN-sent-manually": the
 * reader's client marked it seen, and an MMHS client shows the reader
 * that a receipt was asked for (ACP 123 receipt notifications are owed,
 * not optional).  Deleted is "manual-action/MDN-sent-automatically":
 * the user deleted it, the store reports that on its own (RFC 8098
 * section 4: automatic-action is for what the user agent does without
 * the user, which the store never does).  The Return-Path check of RFC
 * 8098 section 2.1 is not made: the MTA authenticates originators at
 * submission, and after list expansion the return path is the list
 * owner's by design.  An MDN is never sent for an MDN.
 *
 * "Once" is kept in an LMDB environment of its own (storedir/mdn):
 *
 *	done	mailbox DN (normalised) NUL id (8, big-endian) -> when, type
 *	pending	the same key -> struct mdn_pend + recipient NUL original
 *		Message-ID NUL the MDN's bytes
 *
 * The MDN is written to pending in the same write transaction that
 * checks done and pending, so two requests cannot both send one, then
 * sent to the MTA's smtp listener from the null reverse path with the
 * original's MT-PRIORITY; once the MTA took it, pending becomes done.
 * What the MTA does not take now stays pending and is tried again every
 * mmhsLimit "mdn-retry" seconds (default STORE_MDN_RETRY_S; also after a
 * restart), and dropped with a warning
 * after STORE_MDN_GIVEUP_S or at once on a 5xx.  Every MDN sent is a
 * "notified" line in the tracking log.  Signed receipts
 * (store_receipt.c) travel the same way, as event "receipt".
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mmhs_mdn.h"
#include "mmhs_smtpc.h"
#include "mmhs_summary.h"
#include "mmhs_track.h"
#include "store.h"
#include "store_mdn_int.h"

#define MDN_SMTP_TIMEOUT_S 20

/* mdn_track - one line of the tracking log */
static void
mdn_track(struct store_mdn *md, const char *event, const char *msgid,
	const char *to, const char *result, const char *extra)
{
	struct mmhs_track_event ev;

	if (md->md_st->st_agent.ag_track == NULL)
		return;
	memset(&ev, 0, sizeof(ev));
	ev.te_event = event;
	ev.te_msgid = msgid != NULL && *msgid != '\0' ? msgid : NULL;
	ev.te_from = "";
	ev.te_to = to;
	ev.te_result = result;
	ev.te_extra = extra;
	(void) mmhs_track_log(md->md_st->st_agent.ag_track, &ev);
}

/* ---------------------------------------------------------------- */
/* Writing the MDN */

struct mdn_buf {
	char   *b_data;
	size_t	b_len;
};

static int
mdn_sink(void *ctx, const char *data, size_t len)
{
	struct mdn_buf *b = ctx;

	b->b_data = mmhs_realloc(b->b_data, b->b_len + len);
	memcpy(b->b_data + b->b_len, data, len);
	b->b_len += len;
	return 0;
}

/* mdn_orig_rcpt - the original's Original-Recipient, if well formed */
static char *
mdn_orig_rcpt(const char *raw, size_t len)
{
	char	*v = raw != NULL ? mmhs_summary_field(raw, len,
	    "Original-Recipient") : NULL;
	const char *p;

	for (p = v; p != NULL && *p != '\0'; p++)
		if ((unsigned char) *p < 0x20 || (unsigned char) *p >= 0x7f)
			break;
	if (v != NULL && (*p != '\0' || strchr(v, ';') == NULL ||
	    strlen(v) > MMHS_MDN_ADDR_MAX)) {
		mmhs_free(v);
		v = NULL;
	}
	return v;
}

/* mdn_is_mdn - is the original itself a disposition notification? */
static int
mdn_is_mdn(const char *raw, size_t len)
{
	char	*ct = raw != NULL ? mmhs_summary_field(raw, len,
	    "Content-Type") : NULL;
	int	yes = ct != NULL && strstr(ct, "disposition-notification") !=
	    NULL;

	mmhs_free(ct);
	return yes;
}

/* mdn_build - the MDN for m; 0, or -1 and a warning */
static int
mdn_build(struct store_mdn *md, const struct store_msg *m, const char *raw,
	size_t len, enum mmhs_mdn_type type, struct mdn_buf *out)
{
	struct mmhs_mdn_msg mm;
	char	*mail = mmhs_agent_mail_of(&md->md_st->st_agent, m->sm_mailbox);
	char	*orcpt = mdn_orig_rcpt(raw, len), err[256];
	const char *id = m->sm_message_id;
	int	rc;

	memset(&mm, 0, sizeof(mm));
	mm.mm_host = md->md_st->st_host;
	mm.mm_product = "OpenMMHS mmhs-store " PACKAGE_VERSION;
	mm.mm_from = mail;
	mm.mm_to = m->sm_mdn_to;
	mm.mm_final_rcpt = mail;
	mm.mm_orig_rcpt = orcpt;
	mm.mm_orig_msgid = id[0] == '<' && id[strlen(id) - 1] == '>' ? id :
	    NULL;
	mm.mm_orig_subject = m->sm_subject;
	mm.mm_precedence = (int) m->sm_prec;
	mm.mm_type = type;
	mm.mm_sent_automatically = type != MMHS_MDN_DISPLAYED;
	rc = mail == NULL ? -1 : mmhs_mdn_write(&mm, mdn_sink, out, NULL, 0,
	    err, sizeof(err));
	if (rc < 0)
		mmhs_warn("no %s notification for message %llu of %s to %s: %s",
		    mmhs_mdn_type_name(type), (unsigned long long) m->sm_id,
		    m->sm_mailbox, m->sm_mdn_to, mail == NULL ?
		    "the mailbox has no mail address" : err);
	mmhs_free(mail);
	mmhs_free(orcpt);
	return rc;
}

/* ---------------------------------------------------------------- */
/* Sending */

/* mdn_send - one pending MDN to the MTA: 1 taken, 0 try later, -1 the
 * MTA refused it for good; reply says what the MTA said */
static int
mdn_send(struct store_mdn *md, const char *rcpt, int prec, const char *data,
	size_t len, char *reply, size_t replylen)
{
	struct mmhs_smtpc_rcpt r;
	struct mmhs_smtpc_msg sm;
	char	host[256], params[32];
	int	port, rc;

	if (mmhs_agent_peer_addr(&md->md_st->st_agent, "mta", "smtp", host,
	    sizeof(host), &port, reply, replylen) < 0)
		return 0;
	snprintf(params, sizeof(params), "MT-PRIORITY=%d",
	    mmhs_precedence_to_mt_priority((enum mmhs_precedence) prec));
	memset(&r, 0, sizeof(r));
	r.sr_addr = rcpt;
	memset(&sm, 0, sizeof(sm));
	sm.sm_host = host;
	sm.sm_port = port;
	sm.sm_helo = md->md_st->st_host;
	sm.sm_mail_from = "";
	sm.sm_mail_params = mmhs_precedence_valid(prec) ? params : NULL;
	sm.sm_rcpt = &r;
	sm.sm_nrcpt = 1;
	sm.sm_data = data;
	sm.sm_len = len;
	sm.sm_timeout_s = MDN_SMTP_TIMEOUT_S;
	rc = mmhs_smtpc_send(&sm, reply, replylen);
	if (rc == 1) {
		snprintf(reply, replylen, "%d %s", r.sr_code, r.sr_text);
		return 1;
	}
	if (rc == 0)
		snprintf(reply, replylen, "%d %s", r.sr_code, r.sr_text);
	return rc == 0 && r.sr_code >= 500 ? -1 : 0;
}

/* mdn_takeoff - mark key as being sent; 0 when it already is */
static int
mdn_takeoff(struct store_mdn *md, const unsigned char *key, size_t klen,
	struct mdn_flight *f)
{
	struct mdn_flight *o;

	pthread_mutex_lock(&md->md_mu);
	for (o = md->md_flying; o != NULL; o = o->f_next)
		if (o->f_klen == klen && memcmp(o->f_key, key, klen) == 0) {
			pthread_mutex_unlock(&md->md_mu);
			return 0;
		}
	memcpy(f->f_key, key, klen);
	f->f_klen = klen;
	f->f_next = md->md_flying;
	md->md_flying = f;
	pthread_mutex_unlock(&md->md_mu);
	return 1;
}

/* mdn_land - the attempt is over */
static void
mdn_land(struct store_mdn *md, struct mdn_flight *f)
{
	struct mdn_flight **pp;

	pthread_mutex_lock(&md->md_mu);
	for (pp = &md->md_flying; *pp != NULL; pp = &(*pp)->f_next)
		if (*pp == f) {
			*pp = f->f_next;
			break;
		}
	pthread_mutex_unlock(&md->md_mu);
}

/* store_mdn_attempt - send one pending MDN and record the outcome */
void
store_mdn_attempt(struct store_mdn *md, const unsigned char *key, size_t klen,
	const struct mdn_pend *hdr, const char *rcpt, const char *msgid,
	const char *extra, const char *data)
{
	struct mdn_flight f;
	int	receipt = hdr->p_type == MDN_TYPE_RECEIPT;
	const char *what = receipt ? "signed receipt" : "notification";
	char	reply[600];
	int	rc;

	if (klen > sizeof(f.f_key) || !mdn_takeoff(md, key, klen, &f))
		return;
	/* the retry timer's copy may be older than another's success */
	if (!store_mdn_is_pending(md, key, klen)) {
		mdn_land(md, &f);
		return;
	}
	reply[0] = '\0';
	rc = mdn_send(md, rcpt, hdr->p_prec, data, hdr->p_len, reply,
	    sizeof(reply));
	if (rc == 1) {
		store_mdn_finish(md, key, klen, hdr->p_type, 1);
		mdn_track(md, receipt ? "receipt" : "notified", msgid, rcpt,
		    reply, extra);
	} else if (rc < 0 || time(NULL) - hdr->p_created >
	    STORE_MDN_GIVEUP_S) {
		store_mdn_finish(md, key, klen, hdr->p_type, 0);
		mmhs_warn("%s to %s about %s given up: %s", what, rcpt,
		    msgid, reply);
		mdn_track(md, receipt ? "receipt-failed" : "notify-failed",
		    msgid, rcpt, reply, extra);
	} else {
		mmhs_warn("%s to %s about %s deferred: %s", what, rcpt,
		    msgid, reply);
		mdn_track(md, receipt ? "receipt-deferred" : "notify-deferred",
		    msgid, rcpt, reply, extra);
	}
	mdn_land(md, &f);
}

void
store_mdn_event(struct store_mdn *md, const struct store_msg *m,
	const char *raw, size_t rawlen, int deleted, const char *user_dn)
{
	enum mmhs_mdn_type type = deleted ? MMHS_MDN_DELETED :
	    MMHS_MDN_DISPLAYED;
	unsigned char key[MDN_KEY_MAX];
	struct mdn_pend hdr;
	struct mdn_buf b = { NULL, 0 };
	char	*mine = NULL, *strs = NULL, err[256];
	size_t	klen, slen, len = rawlen, n1, n2;

	if (m->sm_mdn_to == NULL || m->sm_mdn_to[0] == '\0')
		return;
	if (raw == NULL && store_db_raw(md->md_st->st_db, m->sm_mailbox,
	    m->sm_id, &mine, &len, err, sizeof(err)) == STORE_OK)
		raw = mine;
	if (mdn_is_mdn(raw, len) || mdn_build(md, m, raw, len, type, &b) < 0)
		goto out;
	klen = store_mdn_key(m->sm_mailbox, m->sm_id, key);
	memset(&hdr, 0, sizeof(hdr));
	hdr.p_created = (int64_t) time(NULL);
	hdr.p_next = hdr.p_created + store_mdn_interval(md);
	hdr.p_len = (uint32_t) b.b_len;
	hdr.p_type = (uint8_t) type;
	hdr.p_prec = (int8_t) m->sm_prec;
	/* recipient NUL original Message-ID NUL tracking details NUL */
	n1 = strlen(m->sm_mdn_to) + 1;
	n2 = strlen(m->sm_message_id) + 1;
	slen = n1 + n2 + 1024;
	strs = mmhs_malloc(slen);
	memcpy(strs, m->sm_mdn_to, n1);
	memcpy(strs + n1, m->sm_message_id, n2);
	slen = n1 + n2 + 1 + (size_t) snprintf(strs + n1 + n2, 1024,
	    "disposition=%s mailbox=\"%s\" id=%llu user=\"%s\"",
	    mmhs_mdn_type_name(type), m->sm_mailbox,
	    (unsigned long long) m->sm_id, user_dn);
	if (slen > n1 + n2 + 1024)
		slen = n1 + n2 + 1024;
	strs[slen - 1] = '\0';
	if (store_mdn_claim(md, key, klen, &hdr, strs, slen, b.b_data,
	    b.b_len) == 1)
		store_mdn_attempt(md, key, klen, &hdr, strs, strs + n1,
		    strs + n1 + n2, b.b_data);
out:
	mmhs_free(strs);
	mmhs_free(b.b_data);
	mmhs_free(mine);
}

