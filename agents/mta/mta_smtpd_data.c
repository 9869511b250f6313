/* mta_smtpd_data.c - DATA: from the 354 to the 250 with the queue id
 *
 * Lines are dot-unstuffed and kept in one buffer that starts with
 * MTA_SMTPD_RCVD_ROOM octets of head room, where the Received: field
 * is written at the end, so the message is never copied to prepend
 * it.  The top header section goes through lib/mmhs_msg (headers-only
 * mode) and every field through lib/mmhs_mmhs: a malformed or repeated
 * RFC 6477 field refuses the message with 554 5.6.0 and the parser's
 * text.  The RFC 6477 3.8/3.9 presence rules are applied only to a
 * message that carries MMHS fields: plain RFC 5322 mail passes.
 *
 * Precedence: the MAIL parameter MT-PRIORITY when given (RFC 6710,
 * STANAG4406 policy); else MMHS-Primary-Precedence (or Copy-, by
 * mmhs_mmhs_precedence()); else routine.  A raised MT-PRIORITY (> 0)
 * from a client that is neither authenticated nor a peer is lowered
 * to 0 (RFC 6710 4.1 "MUST NOT accept raised priorities from
 * untrusted senders"); the value kept in the envelope for onward relay
 * is the one after that policy.
 *
 * An authenticated submission is then judged by mta_smtpd_sec.c
 * (labels, signatures, clearance) and refused there with its reason,
 * before anything is queued.
 *
 * The commit is mmhs_queue_put_async(); its completion may run in any
 * thread that commits, so it only hands the result to the loop
 * (d_done_ev), which answers 250 with the queue id, writes the
 * tracking lines and wakes the delivery side.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <event2/event.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mmhs_precedence.h"
#include "mta_smtpd.h"

struct mta_done {
	struct mta_done *dn_next;
	struct mta_sess *dn_sess;
	int	dn_status;
	char	dn_id[MMHS_QUEUE_ID_LEN + 1];
};

static time_t mta_data_epoch;

/* mta_data_header - parser events of the top header section */
static int
mta_data_event(void *ctx, const struct mmhs_msg_event *ev)
{
	struct mta_sess *s = ctx;
	char	err[MMHS_SMTPCMD_REPLY_MAX - 16];

	if (ev->ev_depth != 0 || s->s_hdr_done)
		return 0;
	if (ev->ev_type == MMHS_MSG_EV_HEADER) {
		if (strcasecmp(ev->ev_name, "Message-ID") == 0)
			snprintf(s->s_msgid, sizeof(s->s_msgid), "%s",
			    ev->ev_value);
		if (s->s_data_err[0] == '\0' && mmhs_mmhs_add(&s->s_mm,
		    ev->ev_name, ev->ev_value, err, sizeof(err)) < 0)
			snprintf(s->s_data_err, sizeof(s->s_data_err),
			    "554 5.6.0 %s", err);
	} else if (ev->ev_type == MMHS_MSG_EV_HEADER_END) {
		s->s_hdr_done = 1;
		if (s->s_data_err[0] == '\0' && s->s_mm.mm_present != 0 &&
		    mmhs_mmhs_check(&s->s_mm, err, sizeof(err)) < 0)
			snprintf(s->s_data_err, sizeof(s->s_data_err),
			    "554 5.6.0 %s", err);
	}
	return 0;
}

/* mta_smtpd_data_begin - after 354 */
void
mta_smtpd_data_begin(struct mta_sess *s)
{
	struct mmhs_msg_limits lim;

	memset(&lim, 0, sizeof(lim));
	lim.ml_headers_only = 1;
	s->s_in_data = 1;
	s->s_toobig = 0;
	s->s_hdr_done = 0;
	s->s_data_err[0] = '\0';
	s->s_msgid[0] = '\0';
	s->s_datacap = MTA_SMTPD_RCVD_ROOM + 64 * 1024;
	s->s_data = mmhs_malloc(s->s_datacap);
	s->s_datalen = MTA_SMTPD_RCVD_ROOM;
	mmhs_mmhs_free(&s->s_mm);
	mmhs_mmhs_init(&s->s_mm);
	s->s_parser = mmhs_msg_parser_new(&lim, mta_data_event, s);
}

/* mta_smtpd_data_free - drop the DATA state */
void
mta_smtpd_data_free(struct mta_sess *s)
{
	mmhs_free(s->s_data);
	s->s_data = NULL;
	s->s_datalen = s->s_datacap = 0;
	if (s->s_parser != NULL)
		mmhs_msg_parser_free(s->s_parser);
	s->s_parser = NULL;
	mmhs_mmhs_free(&s->s_mm);
	mmhs_mmhs_init(&s->s_mm);
	s->s_in_data = 0;
}

/* mta_data_append - one unstuffed line and its CRLF */
static void
mta_data_append(struct mta_sess *s, const char *line, size_t len)
{
	size_t	max = s->s_d->d_m->m_conf.mc_max_size;
	char	*at;

	if (s->s_toobig)
		return;
	if (s->s_datalen - MTA_SMTPD_RCVD_ROOM + len + 2 > max) {
		/* read on to the dot, keep nothing: 552 at the end */
		s->s_toobig = 1;
		return;
	}
	while (s->s_datalen + len + 2 > s->s_datacap) {
		s->s_datacap *= 2;
		s->s_data = mmhs_realloc(s->s_data, s->s_datacap);
	}
	at = s->s_data + s->s_datalen;
	memcpy(at, line, len);
	memcpy(at + len, "\r\n", 2);
	s->s_datalen += len + 2;
	if (!s->s_hdr_done && s->s_parser != NULL &&
	    mmhs_msg_feed(s->s_parser, at, len + 2) < 0 &&
	    s->s_data_err[0] == '\0')
		snprintf(s->s_data_err, sizeof(s->s_data_err),
		    "554 5.6.0 %s", mmhs_msg_error(s->s_parser));
}

/* mta_data_prec - the message's precedence and MT-PRIORITY to keep */
static enum mmhs_precedence
mta_data_prec(struct mta_sess *s, int *mt)
{
	enum mmhs_precedence p = MMHS_PREC_ROUTINE;

	*mt = MMHS_QUEUE_NO_MT_PRIORITY;
	if (s->s_mail.cm_mt != MMHS_SMTPCMD_NO_MT) {
		*mt = s->s_mail.cm_mt;
		if (*mt > 0 && !s->s_peer && s->s_auth_dn == NULL)
			*mt = 0;
		(void) mmhs_precedence_from_mt_priority(*mt, &p, NULL, 0);
	} else if (s->s_mm.mm_present & ((1u << MMHS_F_PRIMARY_PREC) |
	    (1u << MMHS_F_COPY_PREC))) {
		p = mmhs_mmhs_precedence(&s->s_mm);
	}
	return p;
}

/* mta_data_proto - the "with" protocol of RFC 3848 */
static const char *
mta_data_proto(const struct mta_sess *s)
{
	if (!s->s_esmtp)
		return "SMTP";
	if (s->s_tls)
		return s->s_auth_dn != NULL ? "ESMTPSA" : "ESMTPS";
	return s->s_auth_dn != NULL ? "ESMTPA" : "ESMTP";
}

/* mta_data_received - write Received: into the head room; its start */
static char *
mta_data_received(struct mta_sess *s, int mt, char *txid)
{
	char	buf[MTA_SMTPD_RCVD_ROOM], date[64];
	char	forc[MMHS_SMTPCMD_PATH_MAX + 16];
	char	pri[48];
	struct tm tm;
	time_t	now = time(NULL);
	int	n;

	gmtime_r(&now, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
	forc[0] = pri[0] = '\0';
	if (s->s_nrcpt == 1)
		snprintf(forc, sizeof(forc), "\r\n\tfor <%s>",
		    s->s_rcpt[0].qr_addr);
	/* RFC 6710 section 7: the PRIORITY clause of the Received field */
	if (mt != MMHS_QUEUE_NO_MT_PRIORITY)
		snprintf(pri, sizeof(pri), "\r\n\tPRIORITY %d", mt);
	n = snprintf(buf, sizeof(buf), "Received: from %s ([%s])\r\n\tby %s "
	    "(OpenMMHS mmhs-mta) with %s id %s%s%s;\r\n\t%s\r\n", s->s_helo,
	    s->s_addr, s->s_d->d_m->m_conf.mc_hostname, mta_data_proto(s),
	    txid, forc, pri, date);
	if (n < 0 || (size_t)n >= sizeof(buf))
		mmhs_panic("Received: field longer than its room");
	memcpy(s->s_data + MTA_SMTPD_RCVD_ROOM - n, buf, (size_t)n);
	return s->s_data + MTA_SMTPD_RCVD_ROOM - n;
}

static void mta_data_committed(void *arg, int status, const char *id);

/* mta_data_commit - the envelope and content into the queue */
static void
mta_data_commit(struct mta_sess *s)
{
	struct mta *m = s->s_d->d_m;
	struct mmhs_queue_env env;
	char	txid[48], *start;
	int	mt, rc;

	memset(&env, 0, sizeof(env));
	env.qe_sender = s->s_mail.cm_path;
	env.qe_envid = s->s_mail.cm_has_envid ? s->s_mail.cm_envid : NULL;
	env.qe_ret = s->s_mail.cm_ret == 1 ? MMHS_DSN_RET_FULL :
	    s->s_mail.cm_ret == 2 ? MMHS_DSN_RET_HDRS : MMHS_DSN_RET_NONE;
	env.qe_prec = s->s_prec = mta_data_prec(s, &mt);
	env.qe_mt_priority = mt;
	env.qe_nrcpt = s->s_nrcpt;
	env.qe_rcpt = s->s_rcpt;
	snprintf(txid, sizeof(txid), "%lX.%lX.%X", (unsigned long)
	    mta_data_epoch, s->s_id, ++s->s_txn);
	start = mta_data_received(s, mt, txid);
	s->s_busy = 1;
	bufferevent_disable(s->s_bev, EV_READ);
	rc = mta_archive_put_async(m, &env, start,
	    (size_t)(s->s_data + s->s_datalen - start), mta_data_committed,
	    s);
	if (rc < 0) {
		s->s_busy = 0;
		bufferevent_enable(s->s_bev, EV_READ);
		mmhs_warn("session %lu: queue: %s", s->s_id,
		    mmhs_queue_strerror(rc));
		mta_smtpd_reply(s, "451 4.3.0 Queue error, try again later");
		mta_smtpd_reset(s);
		return;
	}
	/* the queue copied the content: free it now, not after the sync */
	mta_smtpd_data_free(s);
	mta_queue_kick(m);
}

/* mta_smtpd_data_line - one DATA line; 1 after the final dot */
int
mta_smtpd_data_line(struct mta_sess *s, const char *line, size_t len)
{
	char	reply[MTA_SMTPD_SEC_REPLY_MAX + 1];

	if (len == 1 && line[0] == '.') {
		if (!s->s_hdr_done && s->s_parser != NULL &&
		    mmhs_msg_finish(s->s_parser) < 0 &&
		    s->s_data_err[0] == '\0')
			snprintf(s->s_data_err, sizeof(s->s_data_err),
			    "554 5.6.0 %s", mmhs_msg_error(s->s_parser));
		s->s_in_data = 0;
		if (s->s_toobig) {
			mta_smtpd_reply(s, "552 5.3.4 Message size exceeds "
			    "fixed limit of %zu octets",
			    s->s_d->d_m->m_conf.mc_max_size);
			mta_smtpd_reset(s);
		} else if (s->s_data_err[0] != '\0') {
			mta_smtpd_reply(s, "%s", s->s_data_err);
			mta_smtpd_reset(s);
		} else if (mta_smtpd_sec_check(s, reply, sizeof(reply)) < 0) {
			mta_smtpd_reply(s, "%s", reply);
			mta_smtpd_reset(s);
		} else {
			mta_data_commit(s);
		}
		return 1;
	}
	if (line[0] == '.') {		/* RFC 5321 4.5.2 */
		line++;
		len--;
	}
	mta_data_append(s, line, len);
	return 0;
}

/* mta_data_track - one "received" line per recipient */
static void
mta_data_track(struct mta_sess *s, const char *id, const char *result)
{
	struct mta *m = s->s_d->d_m;
	struct mmhs_track_event ev;
	char	extra[512];
	size_t	i;

	if (m->m_track == NULL)
		return;
	snprintf(extra, sizeof(extra), "client=[%s] proto=%s port=%s%s%s",
	    s->s_addr, mta_data_proto(s), s->s_kind == MTA_PORT_SUBMIT ?
	    "submit" : "smtp", s->s_auth_user != NULL ? " user=" : "",
	    s->s_auth_user != NULL ? s->s_auth_user : "");
	memset(&ev, 0, sizeof(ev));
	ev.te_event = "received";
	ev.te_qid = id;
	ev.te_msgid = s->s_msgid[0] != '\0' ? s->s_msgid : NULL;
	ev.te_from = s->s_mail.cm_path;
	ev.te_result = result;
	ev.te_extra = extra;
	ev.te_prec = mmhs_precedence_name(s->s_prec);
	for (i = 0; i < s->s_nrcpt; i++) {
		ev.te_to = s->s_rcpt[i].qr_addr;
		if (mmhs_track_log(m->m_track, &ev) < 0)
			mmhs_warn("tracking log: %m");
	}
}

/* mta_data_committed - completion, in the committing thread */
static void
mta_data_committed(void *arg, int status, const char *id)
{
	struct mta_sess *s = arg;
	struct mta_smtpd *d = s->s_d;
	struct mta_done *dn = mmhs_calloc(1, sizeof(*dn)), **pp;

	dn->dn_sess = s;
	dn->dn_status = status;
	snprintf(dn->dn_id, sizeof(dn->dn_id), "%s", id != NULL ? id : "");
	pthread_mutex_lock(d->d_lock);
	for (pp = (struct mta_done **)&d->d_done; *pp != NULL;
	    pp = &(*pp)->dn_next)
		;
	*pp = dn;
	pthread_mutex_unlock(d->d_lock);
	event_active(d->d_done_ev, EV_READ, 0);
}

/* mta_data_answer - the reply to one committed (or failed) message */
static void
mta_data_answer(struct mta_sess *s, int status, const char *id)
{
	char	reply[MMHS_SMTPCMD_REPLY_MAX];

	s->s_busy = 0;
	if (status == 0) {
		snprintf(reply, sizeof(reply), "250 2.0.0 Ok: queued as %s",
		    id);
		mta_data_track(s, id, reply);
		mta_deliver_wakeup(s->s_d->d_m);
	} else {
		mmhs_warn("session %lu: queue: %s", s->s_id,
		    mmhs_queue_strerror(status));
		snprintf(reply, sizeof(reply), status == MMHS_QUEUE_EFULL ?
		    "452 4.3.1 Insufficient system storage" :
		    "451 4.3.0 Queue error, try again later");
	}
	mta_smtpd_reply(s, "%s", reply);
	mta_smtpd_reset(s);
	if (s->s_closing) {
		mta_smtpd_close(s);
		return;
	}
	bufferevent_enable(s->s_bev, EV_READ);
	mta_smtpd_process(s);
}

/* mta_smtpd_data_done - answer every completed commit */
void
mta_smtpd_data_done(struct mta_smtpd *d)
{
	struct mta_done *dn, *next;

	pthread_mutex_lock(d->d_lock);
	dn = d->d_done;
	d->d_done = NULL;
	pthread_mutex_unlock(d->d_lock);
	for (; dn != NULL; dn = next) {
		next = dn->dn_next;
		mta_data_answer(dn->dn_sess, dn->dn_status, dn->dn_id);
		mmhs_free(dn);
	}
}

static void
mta_data_done_ev(evutil_socket_t fd, short what, void *arg)
{
	(void) fd;
	(void) what;
	mta_smtpd_data_done(arg);
}

/* mta_smtpd_data_init - the hand-over from committing threads */
int
mta_smtpd_data_init(struct mta_smtpd *d)
{
	pthread_mutex_t *lk = mmhs_malloc(sizeof(*lk));

	pthread_mutex_init(lk, NULL);
	d->d_lock = lk;
	d->d_done = NULL;
	d->d_done_ev = event_new(d->d_m->m_base, -1, 0, mta_data_done_ev, d);
	mta_data_epoch = time(NULL);
	return d->d_done_ev != NULL ? 0 : -1;
}

/* mta_smtpd_data_fini - after the last commit was answered */
void
mta_smtpd_data_fini(struct mta_smtpd *d)
{
	if (d->d_done_ev != NULL)
		event_free(d->d_done_ev);
	if (d->d_lock != NULL) {
		pthread_mutex_destroy(d->d_lock);
		mmhs_free(d->d_lock);
	}
}
