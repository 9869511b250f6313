/* mta_deliver_done.c - mmhs-mta: what follows a delivery attempt
 *
 * Purpose: when every job of a message has its results, record them
 * (mmhs_queue_mark: delivered, deferred with the back-off of the
 * precedence's policy, failed), write one tracking line per recipient
 * (delivered: LMTP to a local agent; relayed: SMTP to a peer MTA or
 * gateway; deferred; bounced: a 5xx; expired: a 4xx past the
 * message's expiry), send the DSNs and remove the message when every
 * recipient is final.  Also the delivery side's settings from the MTA's
 * own directory entry.
 *
 * DSNs (RFC 3461/3464), to the envelope return path, never to <>:
 *	failure	on 5xx or expiry, unless NOTIFY excludes FAILURE;
 *	delay	once per recipient, when it is deferred and has waited
 *		longer than the warning time of its precedence (short
 *		for FLASH), unless NOTIFY excludes DELAY.  "Once" survives
 *		restarts: the recipient's queue status text then starts
 *		with "[warned] ";
 *	success	with NOTIFY=SUCCESS, on LMTP delivery ("delivered") or
 *		when relayed to a peer that does not offer DSN
 *		("relayed"); a peer that offers DSN reports itself.
 * A DSN is queued as a new message (null return path, precedence and
 * MT-PRIORITY of the original) and routed like any other.  The DSN put
 * is submitted before the original's marks and removal, so a commit
 * never removes the original without its DSN (mta_deliver_rm.c).
 *
 * Settings: mmhsLimit values of our entry (others are the receiving
 * side's): retry-PREC=SECONDS (first retry), retry-max-PREC, expiry-PREC
 * (lifetime), warn-PREC (delay DSN after), dest-connections=N
 * (connections per next hop, one of them kept for FLASH/OVERRIDE),
 * hop-down=SECONDS (how long an unreachable hop is skipped),
 * inflight=N (messages in delivery at once, MTD_MAX_INFLIGHT); PREC is a
 * precedence name.  Read at start and when the directory changes.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mta_deliver.h"
#include "mta_dsn.h"

#define MTD_WARNED	"[warned] "

/* Delay DSN after this long, by precedence (seconds). */
static const unsigned mtd_def_warn[MTD_NPREC] = {
	/* deferred */ 12 * 3600, /* routine */ 4 * 3600,
	/* priority */ 3600, /* immediate */ 1800,
	/* flash */ 300, /* override */ 300
};

/* One kind of DSN being gathered; s_orcpt[k] owns s_r[k].dr_orcpt (the
 * queue holds ORCPT decoded, the DSN wants xtext). */
struct mtd_dsnset {
	struct mmhs_dsn_rcpt *s_r;
	char	**s_orcpt;
	size_t	s_n;
};

/* mtd_track - one tracking line about recipient rcpt of m */
void
mtd_track(struct mtd *d, const struct mtd_msg *m, size_t rcpt,
	const char *event, const char *hop, const char *result)
{
	struct mmhs_track_event ev;

	if (d->d_mta->m_track == NULL)
		return;
	memset(&ev, 0, sizeof(ev));
	ev.te_event = event;
	ev.te_qid = m->m_id;
	ev.te_msgid = m->m_msgid;
	ev.te_prec = mmhs_precedence_name(m->m_env->qe_prec);
	ev.te_from = m->m_env->qe_sender;
	ev.te_to = m->m_env->qe_rcpt[rcpt].qr_addr;
	ev.te_hop = hop;
	ev.te_result = result;
	(void) mmhs_track_log(d->d_mta->m_track, &ev);
}

/* mtd_release_cb - a mark committed: the message may be leased again */
static void
mtd_release_cb(void *arg, int status, const char *id)
{
	(void) status;
	mmhs_queue_release(arg, id);
}

/* mtd_dsn_add - one recipient into a DSN being gathered */
static void
mtd_dsn_add(struct mtd_dsnset *s, const struct mmhs_queue_rcpt *r,
	enum mmhs_dsn_action action, const char *status, const char *diag,
	time_t last, time_t until)
{
	struct mmhs_dsn_rcpt *x = &s->s_r[s->s_n];
	char	ox[3 * MMHS_DSN_ADDR_MAX + 1];

	/* an ORCPT too long for a DSN is left out, not the DSN */
	if (r->qr_orcpt != NULL &&
	    mta_dsn_xtext(r->qr_orcpt, 1, ox, sizeof(ox)) != NULL)
		x->dr_orcpt = s->s_orcpt[s->s_n] = mmhs_strdup(ox);
	x->dr_final = r->qr_addr;
	x->dr_action = action;
	x->dr_status = status;
	x->dr_diag = diag;
	x->dr_last_attempt = last;
	x->dr_retry_until = until;
	s->s_n++;
}

/* mtd_dsnset_init - room for n recipients */
static void
mtd_dsnset_init(struct mtd_dsnset *s, size_t n)
{
	s->s_r = mmhs_calloc(n, sizeof(*s->s_r));
	s->s_orcpt = mmhs_calloc(n, sizeof(*s->s_orcpt));
	s->s_n = 0;
}

/* mtd_dsnset_free - what mtd_dsnset_init and mtd_dsn_add allocated */
static void
mtd_dsnset_free(struct mtd_dsnset *s)
{
	size_t	k;

	for (k = 0; k < s->s_n; k++)
		mmhs_free(s->s_orcpt[k]);
	mmhs_free(s->s_orcpt);
	mmhs_free(s->s_r);
}

/* mtd_dsn_send - queue one DSN about m */
static void
mtd_dsn_send(struct mtd *d, struct mtd_msg *m, const struct mtd_dsnset *s,
	const char *kind)
{
	const struct mmhs_queue_env *e = m->m_env;
	struct mmhs_queue_env de;
	struct mmhs_queue_rcpt dr;
	struct mmhs_dsn_msg dm;
	const char *host = d->d_mta->m_conf.mc_hostname;
	char	*out = NULL, err[256], from[300];
	char	envid[3 * MMHS_DSN_ENVID_MAX + 1];
	size_t	outlen = 0;
	int	rc;

	if (s->s_n == 0)
		return;
	if (m->m_data == NULL && (rc = mmhs_queue_content(d->d_mta->m_queue,
	    m->m_id, &m->m_data, &m->m_len)) != 0) {
		m->m_data = NULL;
		mmhs_warn("%s: no %s DSN, content unreadable: %s", m->m_id,
		    kind, mmhs_queue_strerror(rc));
		return;
	}
	memset(&dm, 0, sizeof(dm));
	dm.dm_reporting_mta = host != NULL && *host ? host : "localhost";
	snprintf(from, sizeof(from), "Mail Delivery System <MAILER-DAEMON@%s>",
	    dm.dm_reporting_mta);
	dm.dm_from = from;
	dm.dm_return_path = e->qe_sender;
	if (e->qe_envid != NULL)	/* decoded in the queue, xtext here */
		dm.dm_envid = mta_dsn_xtext(e->qe_envid, 0, envid,
		    sizeof(envid));
	dm.dm_ret = e->qe_ret;
	dm.dm_arrival = e->qe_arrival;
	dm.dm_rcpt = s->s_r;
	dm.dm_nrcpt = s->s_n;
	if (mta_dsn_build(&dm, m->m_data, m->m_len, &out, &outlen, err,
	    sizeof(err)) != 0) {
		mmhs_warn("%s: no %s DSN: %s", m->m_id, kind, err);
		return;
	}
	memset(&de, 0, sizeof(de));
	memset(&dr, 0, sizeof(dr));
	dr.qr_addr = e->qe_sender;
	dr.qr_state = MMHS_RCPT_PENDING;
	de.qe_sender = "";
	de.qe_prec = e->qe_prec;
	de.qe_mt_priority = e->qe_mt_priority;
	de.qe_nrcpt = 1;
	de.qe_rcpt = &dr;
	rc = mmhs_queue_put_async(d->d_mta->m_queue, &de, out, outlen, NULL,
	    NULL);
	if (rc != 0)
		mmhs_warn("%s: %s DSN not queued: %s", m->m_id, kind,
		    mmhs_queue_strerror(rc));
	else
		mtd_track(d, m, 0, "dsn", NULL, kind);
	mmhs_free(out);
}

/* mtd_wants - whether NOTIFY asks for this kind (0: the default) */
static int
mtd_wants(unsigned notify, unsigned flag)
{
	if (notify & MMHS_NOTIFY_NEVER)
		return 0;
	if (notify == 0)
		return flag != MMHS_NOTIFY_SUCCESS;
	return (notify & flag) != 0;
}

/* Per-message work space of mtd_done_message(). */
struct mtd_done {
	struct mmhs_queue_mark *dn_mk;
	size_t	dn_nmk;
	char	(*dn_status)[MMHS_DSN_STATUS_MAX];
	char	**dn_text;
	struct mtd_dsnset dn_fail, dn_delay, dn_succ;
	struct mmhs_queue_policy dn_pol;
	time_t	dn_now;
	int	dn_left;
	int	dn_dsn;		/* a return path to report to */
};

/* mtd_done_ok - a recipient accepted by the next hop */
static void
mtd_done_ok(struct mtd *d, struct mtd_msg *m, size_t i, struct mtd_done *w)
{
	const struct mmhs_queue_rcpt *r = &m->m_env->qe_rcpt[i];
	const struct mtd_result *res = &m->m_res[i];
	int	lmtp = m->m_rkind[i] == MTD_K_LMTP;

	w->dn_mk[w->dn_nmk].qm_state = MMHS_RCPT_DELIVERED;
	mtd_track(d, m, i, lmtp ? "delivered" : "relayed", m->m_rhop[i],
	    res->rs_text);
	if (w->dn_dsn && (r->qr_notify & MMHS_NOTIFY_SUCCESS) &&
	    !(r->qr_notify & MMHS_NOTIFY_NEVER) &&
	    (lmtp || m->m_rkind[i] == MTD_K_SMTP_NODSN))
		mtd_dsn_add(&w->dn_succ, r, lmtp ? MMHS_DSN_DELIVERED :
		    MMHS_DSN_RELAYED, mta_dsn_status(res->rs_code,
		    res->rs_text, w->dn_status[i], MMHS_DSN_STATUS_MAX),
		    res->rs_text, w->dn_now, 0);
}

/* mtd_done_fail - a recipient failed (5xx), or expired (4.4.7) */
static void
mtd_done_fail(struct mtd *d, struct mtd_msg *m, size_t i,
	struct mtd_done *w, int expired)
{
	const struct mmhs_queue_rcpt *r = &m->m_env->qe_rcpt[i];
	const struct mtd_result *res = &m->m_res[i];

	w->dn_mk[w->dn_nmk].qm_state = MMHS_RCPT_FAILED;
	if (expired) {
		w->dn_text[i] = mmhs_malloc(MTD_REPLY_MAX + 16);
		snprintf(w->dn_text[i], MTD_REPLY_MAX + 16, "expired: %s",
		    res->rs_text);
		w->dn_mk[w->dn_nmk].qm_status = w->dn_text[i];
		snprintf(w->dn_status[i], MMHS_DSN_STATUS_MAX, "4.4.7");
	} else
		mta_dsn_status(res->rs_code, res->rs_text, w->dn_status[i],
		    MMHS_DSN_STATUS_MAX);
	mtd_track(d, m, i, expired ? "expired" : "bounced", m->m_rhop[i],
	    res->rs_text);
	if (w->dn_dsn && mtd_wants(r->qr_notify, MMHS_NOTIFY_FAILURE))
		mtd_dsn_add(&w->dn_fail, r, MMHS_DSN_FAILED, w->dn_status[i],
		    res->rs_text, w->dn_now, 0);
}

/* mtd_done_defer - a recipient to be tried again */
static void
mtd_done_defer(struct mtd *d, struct mtd_msg *m, size_t i,
	struct mtd_done *w)
{
	const struct mmhs_queue_env *e = m->m_env;
	const struct mmhs_queue_rcpt *r = &e->qe_rcpt[i];
	const struct mtd_result *res = &m->m_res[i];
	int	warned, warn;

	warned = r->qr_status != NULL && strncmp(r->qr_status, MTD_WARNED,
	    strlen(MTD_WARNED)) == 0;
	warn = !warned && w->dn_dsn &&
	    mtd_wants(r->qr_notify, MMHS_NOTIFY_DELAY) &&
	    w->dn_now - e->qe_arrival >= (time_t) d->d_warn[e->qe_prec];
	w->dn_mk[w->dn_nmk].qm_state = MMHS_RCPT_DEFERRED;
	w->dn_text[i] = mmhs_malloc(MTD_REPLY_MAX + 16);
	snprintf(w->dn_text[i], MTD_REPLY_MAX + 16, "%s%s",
	    warned || warn ? MTD_WARNED : "", res->rs_text);
	w->dn_mk[w->dn_nmk].qm_status = w->dn_text[i];
	w->dn_left++;
	mtd_track(d, m, i, "deferred", m->m_rhop[i], res->rs_text);
	if (warn) {
		mta_dsn_status(res->rs_code, res->rs_text, w->dn_status[i],
		    MMHS_DSN_STATUS_MAX);
		if (w->dn_status[i][0] != '4')
			w->dn_status[i][0] = '4';
		mtd_dsn_add(&w->dn_delay, r, MMHS_DSN_DELAYED, w->dn_status[i],
		    res->rs_text, w->dn_now, e->qe_expiry);
	}
}

/* mtd_done_one - classify one recipient's result */
static void
mtd_done_one(struct mtd *d, struct mtd_msg *m, size_t i, struct mtd_done *w)
{
	const struct mmhs_queue_env *e = m->m_env;
	const struct mtd_result *res = &m->m_res[i];
	struct mmhs_queue_mark *mk = &w->dn_mk[w->dn_nmk];
	time_t	next;

	mk->qm_rcpt = i;
	mk->qm_status = res->rs_text;
	if (res->rs_code / 100 == 2)
		mtd_done_ok(d, m, i, w);
	else if (res->rs_code / 100 == 5)
		mtd_done_fail(d, m, i, w, 0);
	else {
		next = w->dn_now + (time_t) mmhs_queue_backoff(&w->dn_pol,
		    e->qe_rcpt[i].qr_attempts + 1);
		if (next > e->qe_expiry || w->dn_now >= e->qe_expiry)
			mtd_done_fail(d, m, i, w, 1);
		else
			mtd_done_defer(d, m, i, w);
	}
	w->dn_nmk++;
}

/* mtd_done_message - record, report and maybe remove message m */
void
mtd_done_message(struct mtd *d, struct mtd_msg *m)
{
	const struct mmhs_queue_env *e = m->m_env;
	struct mmhs_queue *q = d->d_mta->m_queue;
	struct mtd_done w;
	size_t	i, n = e->qe_nrcpt;
	int	rc;

	memset(&w, 0, sizeof(w));
	w.dn_now = time(NULL);
	w.dn_dsn = e->qe_sender != NULL && *e->qe_sender != '\0';
	mmhs_queue_get_policy(q, e->qe_prec, &w.dn_pol);
	w.dn_mk = mmhs_calloc(n, sizeof(*w.dn_mk));
	w.dn_status = mmhs_calloc(n, sizeof(*w.dn_status));
	w.dn_text = mmhs_calloc(n, sizeof(char *));
	mtd_dsnset_init(&w.dn_fail, n);
	mtd_dsnset_init(&w.dn_delay, n);
	mtd_dsnset_init(&w.dn_succ, n);
	for (i = 0; i < n; i++) {
		if (m->m_res[i].rs_code != 0)
			mtd_done_one(d, m, i, &w);
		else if (e->qe_rcpt[i].qr_state != MMHS_RCPT_DELIVERED &&
		    e->qe_rcpt[i].qr_state != MMHS_RCPT_FAILED)
			w.dn_left++;	/* not due in this round */
	}
	/* DSNs first: their puts commit with (or before) the marks */
	mtd_dsn_send(d, m, &w.dn_fail, "failure");
	mtd_dsn_send(d, m, &w.dn_delay, "delay");
	mtd_dsn_send(d, m, &w.dn_succ, "success");
	if (w.dn_nmk == 0)
		mmhs_queue_release(q, m->m_id);
	else if (w.dn_left > 0) {
		rc = mmhs_queue_mark_async(q, m->m_id, w.dn_mk, w.dn_nmk,
		    w.dn_now, mtd_release_cb, q);
		if (rc != 0) {
			mmhs_warn("%s: mark: %s", m->m_id,
			    mmhs_queue_strerror(rc));
			mmhs_queue_release(q, m->m_id);
		}
		mtd_pump_soon(d);
	} else {
		/* the removal threads' commit carries this mark too */
		rc = mmhs_queue_mark_async(q, m->m_id, w.dn_mk, w.dn_nmk,
		    w.dn_now, NULL, NULL);
		if (rc == 0)
			mtd_rm_add(d, m->m_id);
		else {
			mmhs_warn("%s: mark: %s", m->m_id,
			    mmhs_queue_strerror(rc));
			mmhs_queue_release(q, m->m_id);
		}
		mtd_pump_soon(d);
	}
	for (i = 0; i < n; i++)
		mmhs_free(w.dn_text[i]);
	mmhs_free(w.dn_text);
	mmhs_free(w.dn_status);
	mmhs_free(w.dn_mk);
	mtd_dsnset_free(&w.dn_fail);
	mtd_dsnset_free(&w.dn_delay);
	mtd_dsnset_free(&w.dn_succ);
}

/* mtd_limit - apply one of our mmhsLimit values if it is ours */
static void
mtd_limit(struct mtd *d, const char *v)
{
	struct mmhs_queue_policy pol;
	enum mmhs_precedence p;
	const char *eq = strchr(v, '=');
	char	name[64];
	unsigned long n;
	unsigned *field = NULL;
	size_t	len;

	if (eq == NULL || (len = (size_t) (eq - v)) >= sizeof(name))
		return;
	n = strtoul(eq + 1, NULL, 10);
	if (strncmp(v, "dest-connections=", 17) == 0 && n >= 1 && n <= 1000) {
		d->d_maxconn = (int) n;
		return;
	}
	if (strncmp(v, "inflight=", 9) == 0 && n >= 10 && n <= 1000000) {
		d->d_max_inflight = n;
		return;
	}
	if (strncmp(v, "hop-down=", 9) == 0 && n <= 3600) {
		d->d_down_secs = (unsigned) n;
		return;
	}
	memcpy(name, v, len);
	name[len] = '\0';
#define MTD_PFX(s)	(strncmp(name, s, strlen(s)) == 0 && \
	mmhs_precedence_from_name(name + strlen(s), &p) == 0)
	if (MTD_PFX("warn-")) {
		d->d_warn[p] = (unsigned) n;
		return;
	}
	if (!MTD_PFX("retry-max-") && !MTD_PFX("retry-") &&
	    !MTD_PFX("expiry-"))
		return;
	mmhs_queue_get_policy(d->d_mta->m_queue, p, &pol);
	field = strncmp(name, "retry-max-", 10) == 0 ? &pol.qp_retry_max :
	    strncmp(name, "retry-", 6) == 0 ? &pol.qp_retry_min :
	    &pol.qp_expiry;
#undef MTD_PFX
	if (n == 0 || n > 365UL * 86400)
		return;
	*field = (unsigned) n;
	if (pol.qp_retry_max < pol.qp_retry_min)
		pol.qp_retry_max = pol.qp_retry_min;
	mmhs_queue_set_policy(d->d_mta->m_queue, p, &pol);
}

/* mtd_conf_reload - the delivery settings from our directory entry */
void
mtd_conf_reload(struct mtd *d)
{
	const mmhs_dircache_attr_t *a;
	mmhs_dircache_entry_t *e;
	const char *self = d->d_mta->m_conf.mc_self_dn;
	struct mtd_dest *t;
	size_t	i;

	memcpy(d->d_warn, mtd_def_warn, sizeof(d->d_warn));
	d->d_maxconn = MTD_DEST_CONN;
	d->d_down_secs = MTD_DOWN_SECS;
	d->d_max_inflight = MTD_MAX_INFLIGHT;
	if (self == NULL || d->d_mta->m_cache == NULL ||
	    (e = mmhs_dircache_by_dn(d->d_mta->m_cache, self)) == NULL)
		return;
	if ((a = mmhs_dircache_attr(e, "mmhsLimit")) != NULL)
		for (i = 0; i < a->da_nvals; i++)
			mtd_limit(d, a->da_vals[i]);
	mmhs_dircache_entry_free(e);
	TAILQ_FOREACH(t, &d->d_dests, d_link)
		t->d_maxconn = d->d_maxconn;
}
