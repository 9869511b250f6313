/* ffmon_scan.c - one scan: find the overdue messages, redirect them
 *
 * A scan asks the store for the unread messages (neither seen, deleted
 * nor redirected) received before now minus the shortest deadline of
 * any mmhsFFPolicy entry, page by page, and takes each in turn:
 *
 *	mailbox entry	the store's DN, from the directory cache now; gone:
 *			alert once
 *	deadline	received + the seconds its policy gives its
 *			precedence (ffmon_policy.c); none, or not yet: skip
 *	report		a DSN or MDN (multipart/report) has no deadline:
 *			it asks nobody to act, and a report about a FLASH
 *			message travels at FLASH; recorded, skipped
 *	action point	mmhsGuaranteedActionPoint; none: alert once
 *			("overdue", nothing else can be done; checked again
 *			on each scan, so an action point added later is used)
 *	chain rule	ffmon_verdict() on the redirects recorded for its
 *			Message-ID; a loop: alert once, and skipped for good
 *	redirect	raw bytes fetched, resubmitted (ffmon_send.c), the hop
 *			recorded, the store's mark set, "redirected" logged
 *			and an alert raised
 *
 * "Once" is kept in the state (ffmon_state.c) under "mailbox-DN id":
 * the message stays pending in the store and is seen again on every
 * scan.  A redirect whose send fails is tried again on the next scan;
 * a send done but not marked (store away, crash) is only marked next
 * time (FFMON_MARK_ONLY), so the action point gets one copy.
 *
 * A message without Message-ID is known by a hash of its From:, Date:
 * and Subject: fields (ffmon_msg_key): the key that lets the chain rule
 * recognise the copy in the action point's mailbox.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "mmhs_agent.h"
#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mmhs_track.h"
#include "ffmon.h"

#define SCAN_PAGES_MAX	100	/* pages of 'batch' messages per scan */
#define SCAN_EXTRA_MAX	2048
#define SCAN_PRUNE_EVERY 3600	/* seconds between state prunings */

struct scan_min {
	long	sm_min;
	char	sm_err[FFMON_TEXT_MAX];
};

/* One message being looked at. */
struct scan_msg {
	struct ffmon_pending *m_p;
	char	m_key[FFMON_DN_MAX + 32];	/* "mailbox-DN id" */
	char	m_policy[FFMON_DN_MAX];
	long	m_deadline;
	long	m_late;
	char	*m_msgid;		/* Message-ID or the hash key */
	int	m_real_id;		/* m_msgid is the Message-ID */
	char	*m_raw;
	size_t	m_len;
};

/* scan_policy_min - iterator: shortest deadline of every policy */
static int
scan_policy_min(void *arg, const mmhs_dircache_entry_t *e)
{
	struct scan_min *sm = arg;
	struct ffmon_policy p;
	char	err[FFMON_TEXT_MAX];
	long	m;

	if (ffmon_policy_from_entry(e, &p, err, sizeof(err)) > 0 &&
	    sm->sm_err[0] == '\0')
		snprintf(sm->sm_err, sizeof(sm->sm_err), "%s", err);
	m = ffmon_policy_min(&p);
	if (m != FFMON_NONE && (sm->sm_min == FFMON_NONE || m < sm->sm_min))
		sm->sm_min = m;
	return 0;
}

/* scan_kv - append ' key="value"' (quoted as the tracking log does) */
static void
scan_kv(char *buf, size_t len, const char *key, const char *val)
{
	size_t	pos = strlen(buf);

	if (val == NULL || pos + strlen(key) + 4 >= len)
		return;
	pos += (size_t)snprintf(buf + pos, len - pos, "%s%s=\"",
	    pos > 0 ? " " : "", key);
	for (; *val != '\0' && pos + 3 < len; val++) {
		if (*val == '"' || *val == '\\')
			buf[pos++] = '\\';
		buf[pos++] = (unsigned char)*val < 0x20 ? '?' : *val;
	}
	buf[pos++] = '"';
	buf[pos] = '\0';
}

/* scan_track - one tracking line about m */
static void
scan_track(struct ffmon *f, const struct scan_msg *m, const char *event,
    const char *ap_dn, const char *ap_mail, const char *rp,
    const char *result)
{
	struct mmhs_track_event ev;
	char	extra[SCAN_EXTRA_MAX] = "", num[64];

	scan_kv(extra, sizeof(extra), "mailbox", m->m_p->fp_dn);
	scan_kv(extra, sizeof(extra), "id", m->m_p->fp_id);
	scan_kv(extra, sizeof(extra), "ap", ap_mail);
	scan_kv(extra, sizeof(extra), "ap_dn", ap_dn);
	scan_kv(extra, sizeof(extra), "policy", m->m_policy);
	snprintf(num, sizeof(num), "%ld", m->m_deadline);
	scan_kv(extra, sizeof(extra), "deadline", num);
	snprintf(num, sizeof(num), "%ld", m->m_late);
	scan_kv(extra, sizeof(extra), "late", num);
	memset(&ev, 0, sizeof(ev));
	ev.te_event = event;
	ev.te_msgid = m->m_real_id ? m->m_msgid : NULL;
	ev.te_prec = mmhs_precedence_name(m->m_p->fp_prec);
	ev.te_from = rp;
	ev.te_to = m->m_p->fp_mailbox;
	ev.te_result = result;
	ev.te_extra = extra;
	if (mmhs_track_log(f->f_ag->ag_track, &ev) < 0)
		mmhs_warn("tracking log: %m");
}

/* scan_msgid - fetch the message and find its key; -1 if the store
 * failed (f_error says why) */
static int
scan_msgid(struct ffmon *f, struct scan_msg *m)
{
	char	err[FFMON_TEXT_MAX];

	if (m->m_msgid != NULL)
		return 0;
	if (m->m_raw == NULL && ffmon_store_raw(f->f_store, m->m_p,
	    &m->m_raw, &m->m_len, err, sizeof(err)) < 0) {
		snprintf(f->f_error, sizeof(f->f_error), "%s", err);
		return -1;
	}
	if (m->m_p->fp_message_id != NULL && *m->m_p->fp_message_id) {
		m->m_msgid = mmhs_strdup(m->m_p->fp_message_id);
		m->m_real_id = 1;
	} else
		m->m_msgid = ffmon_msg_key(m->m_raw, m->m_len, &m->m_real_id);
	return 0;
}

/* scan_settle - record how a pending message was settled */
static void
scan_settle(struct ffmon *f, const struct scan_msg *m,
    enum ffmon_settled kind)
{
	char	err[FFMON_TEXT_MAX];

	if (ffmon_state_raise(f->f_state, m->m_key, time(NULL), kind, err,
	    sizeof(err)) < 0)
		mmhs_warn("%s: not recorded, may be seen again: %s", m->m_key,
		    err);
}

/* scan_exempt - a report (DSN, MDN): settled without a deadline */
static int
scan_exempt(struct ffmon *f, const struct scan_msg *m)
{
	if (m->m_raw == NULL || !ffmon_is_report(m->m_raw, m->m_len))
		return 0;
	mmhs_info("%s (%s): a report, no deadline", m->m_key,
	    m->m_real_id ? m->m_msgid : "without Message-ID");
	scan_settle(f, m, FFMON_EXEMPT);
	return 1;
}

/* scan_once - an overdue message nothing can be done for: say it once */
static void
scan_once(struct ffmon *f, struct scan_msg *m, const char *ap_dn,
    const char *why, enum ffmon_settled kind)
{
	if (ffmon_state_alerted(f->f_state, m->m_key) != 0) {
		f->f_overdue++;
		return;
	}
	(void) scan_msgid(f, m);	/* for the log; the store may be away */
	if (scan_exempt(f, m))
		return;
	f->f_overdue++;
	scan_track(f, m, "overdue", ap_dn, NULL, NULL, why);
	ffmon_alert(f, "%s message %s, id %s in %s, overdue by %ld s, not "
	    "redirected: %s", mmhs_precedence_name(m->m_p->fp_prec),
	    m->m_real_id ? m->m_msgid : "without Message-ID", m->m_p->fp_id,
	    m->m_p->fp_mailbox, m->m_late, why);
	scan_settle(f, m, kind);
}

/* scan_deadline - the message's deadline, FFMON_NONE without one */
static long
scan_deadline(struct ffmon *f, const mmhs_dircache_entry_t *mbox,
    struct scan_msg *m)
{
	struct ffmon_policy p;
	mmhs_dircache_entry_t *pe;
	char	err[FFMON_TEXT_MAX];
	int	own;

	own = ffmon_policy_dn(mbox, f->f_site, m->m_policy,
	    sizeof(m->m_policy));
	pe = own >= 0 ? mmhs_dircache_by_dn(f->f_ag->ag_cache, m->m_policy) :
	    NULL;
	if (pe == NULL && own == 1) {
		/* a dangling mmhsFFPolicy: the site default, and say so */
		snprintf(f->f_error, sizeof(f->f_error), "%.200s: "
		    "mmhsFFPolicy %.200s is not in the directory; site "
		    "default used", mbox->de_dn, m->m_policy);
		if (ffmon_policy_default_dn(mbox, f->f_site, m->m_policy,
		    sizeof(m->m_policy)) == 0)
			pe = mmhs_dircache_by_dn(f->f_ag->ag_cache,
			    m->m_policy);
	}
	(void) ffmon_policy_from_entry(pe, &p, err, sizeof(err));
	mmhs_dircache_entry_free(pe);
	return p.fp_secs[m->m_p->fp_prec];
}

/* scan_redirect - send m to the action point ap (a DN, address ap_mail) */
static int
scan_redirect(struct ffmon *f, struct scan_msg *m, const char *ap,
    const char *ap_mail, enum ffmon_verdict v)
{
	struct ffmon_hop hop;
	char	*rp = NULL, err[FFMON_TEXT_MAX], res[FFMON_TEXT_MAX];

	if (v == FFMON_REDIRECT) {
		rp = ffmon_return_path(m->m_p, m->m_raw, m->m_len);
		if (ffmon_send(f, m->m_raw, m->m_len, rp, m->m_p->fp_prec,
		    ap_mail, err, sizeof(err)) < 0) {
			snprintf(f->f_error, sizeof(f->f_error), "redirect of "
			    "%.100s %.20s to %.100s: %.250s",
			    m->m_p->fp_mailbox, m->m_p->fp_id, ap_mail, err);
			f->f_overdue++;
			goto out;
		}
		memset(&hop, 0, sizeof(hop));
		hop.h_at = time(NULL);
		snprintf(hop.h_from, sizeof(hop.h_from), "%s", m->m_p->fp_dn);
		snprintf(hop.h_to, sizeof(hop.h_to), "%s", ap);
		if (ffmon_state_add_hop(f->f_state, m->m_msgid, &hop, err,
		    sizeof(err)) < 0)
			mmhs_warn("%s: redirect to %s not recorded: %s",
			    m->m_msgid, ap, err);
		snprintf(res, sizeof(res), "redirected to %s", ap_mail);
		scan_track(f, m, "redirected", ap, ap_mail, rp, res);
		f->f_redirected++;
		ffmon_alert(f, "%s message %s in %s not opened within %ld s: "
		    "redirected to %s, %ld s late",
		    mmhs_precedence_name(m->m_p->fp_prec), m->m_msgid,
		    m->m_p->fp_mailbox, m->m_deadline, ap_mail, m->m_late);
	}
	if (ffmon_store_mark(f->f_store, m->m_p, ap, err, sizeof(err)) < 0) {
		snprintf(f->f_error, sizeof(f->f_error), "redirected %.100s "
		    "%.20s, but not marked: %.300s", m->m_p->fp_mailbox,
		    m->m_p->fp_id, err);
		mmhs_free(rp);
		return -1;
	}
out:
	mmhs_free(rp);
	return 0;
}

/* scan_overdue - an overdue message with an action point */
static int
scan_overdue(struct ffmon *f, struct scan_msg *m, const char *ap)
{
	struct ffmon_hop *hops;
	enum ffmon_verdict v;
	char	why[FFMON_TEXT_MAX + FFMON_DN_MAX], *ap_mail;
	size_t	n;
	int	rc = 0;

	if ((ap_mail = mmhs_agent_mail_of(f->f_ag, ap)) == NULL) {
		snprintf(why, sizeof(why), "action point %s has no mail "
		    "address in the directory", ap);
		scan_once(f, m, ap, why, FFMON_ALERTED);
		return 0;
	}
	if (scan_msgid(f, m) < 0) {
		mmhs_free(ap_mail);
		return -1;
	}
	if (scan_exempt(f, m)) {
		mmhs_free(ap_mail);
		return 0;
	}
	hops = mmhs_calloc(FFMON_HOPS_MAX, sizeof(*hops));
	n = ffmon_state_hops(f->f_state, m->m_msgid, hops, FFMON_HOPS_MAX);
	v = ffmon_verdict(m->m_p->fp_dn, ap, hops, n);
	mmhs_free(hops);
	if (v == FFMON_LOOP) {
		snprintf(why, sizeof(why), "its action point %s had it "
		    "already", ap);
		scan_once(f, m, ap, why, FFMON_STOPPED);
	} else
		rc = scan_redirect(f, m, ap, ap_mail, v);
	mmhs_free(ap_mail);
	return rc;
}

/* scan_one - one pending message; -1 when the store failed */
static int
scan_one(struct ffmon *f, struct ffmon_pending *p, time_t now)
{
	struct scan_msg m;
	mmhs_dircache_entry_t *mbox;
	const char *ap;
	int	rc = 0;

	memset(&m, 0, sizeof(m));
	m.m_p = p;
	snprintf(m.m_key, sizeof(m.m_key), "%s %s", p->fp_dn, p->fp_id);
	switch (ffmon_state_alerted(f->f_state, m.m_key)) {
	case FFMON_EXEMPT:
		return 0;
	case FFMON_STOPPED:
		f->f_overdue++;		/* for good: nothing to look at */
		return 0;
	}
	if ((mbox = mmhs_dircache_by_dn(f->f_ag->ag_cache, p->fp_dn)) ==
	    NULL) {
		scan_once(f, &m, NULL, "the mailbox's entry is not in the "
		    "directory", FFMON_ALERTED);
		goto out;
	}
	m.m_deadline = scan_deadline(f, mbox, &m);
	if (m.m_deadline != FFMON_NONE &&
	    p->fp_received + m.m_deadline <= now) {
		m.m_late = (long)(now - p->fp_received - m.m_deadline);
		ap = mmhs_dircache_value(mbox, "mmhsGuaranteedActionPoint");
		if (ap == NULL || *ap == '\0')
			scan_once(f, &m, NULL, "the mailbox has no "
			    "mmhsGuaranteedActionPoint", FFMON_ALERTED);
		else
			rc = scan_overdue(f, &m, ap);
	}
	mmhs_dircache_entry_free(mbox);
out:
	mmhs_free(m.m_raw);
	mmhs_free(m.m_msgid);
	return rc;
}

/* scan_store_base - the store's URL, from its mmhsListen "http" */
static int
scan_store_base(struct ffmon *f)
{
	char	host[256], url[300], err[FFMON_TEXT_MAX];
	int	port;

	if (mmhs_agent_peer_addr(f->f_ag, "store", "http", host, sizeof(host),
	    &port, err, sizeof(err)) < 0) {
		snprintf(f->f_error, sizeof(f->f_error), "store: %.400s",
		    err);
		return -1;
	}
	snprintf(url, sizeof(url), strchr(host, ':') != NULL ?
	    "https://[%s]:%d" : "https://%s:%d", host, port);
	ffmon_store_set_base(f->f_store, url);
	return 0;
}

/* scan_page - one page of pending messages; the keys go to keep */
static int
scan_page(struct ffmon *f, struct ffmon_pending *p, size_t n, time_t now,
    char ***keep, size_t *nkeep)
{
	char	key[FFMON_DN_MAX + 32];
	size_t	i;
	int	rc = 0;

	*keep = mmhs_realloc(*keep, (*nkeep + n + 1) * sizeof(**keep));
	for (i = 0; i < n; i++) {
		snprintf(key, sizeof(key), "%s %s", p[i].fp_dn, p[i].fp_id);
		(*keep)[(*nkeep)++] = mmhs_strdup(key);
		if (rc == 0 && scan_one(f, &p[i], now) < 0)
			rc = -1;	/* the store failed: the rest waits */
	}
	return rc;
}

/* ffmon_scan - see the head of this file */
int
ffmon_scan(struct ffmon *f, time_t now)
{
	struct scan_min sm = { FFMON_NONE, "" };
	struct ffmon_pending *p;
	char	**keep = NULL, err[FFMON_TEXT_MAX];
	char	first[FFMON_DN_MAX + 32], key[FFMON_DN_MAX + 32];
	size_t	n, nkeep = 0, i;
	long	batch, offset = 0;
	int	pages = 0, rc = 0, complete = 0;

	f->f_error[0] = '\0';
	f->f_overdue = 0;
	first[0] = '\0';
	(void) mmhs_dircache_find(f->f_ag->ag_cache, "objectClass",
	    "mmhsFFPolicy", scan_policy_min, &sm);
	if (sm.sm_err[0] != '\0')
		snprintf(f->f_error, sizeof(f->f_error), "%s", sm.sm_err);
	if (sm.sm_min == FFMON_NONE)
		return 0;		/* no deadline anywhere */
	if (scan_store_base(f) < 0)
		return -1;
	batch = mmhs_agent_limit(f->f_ag, "batch", FFMON_DEF_BATCH);
	if (batch <= 0 || batch > FFMON_DEF_BATCH)
		batch = FFMON_DEF_BATCH;
	while (pages++ < SCAN_PAGES_MAX) {
		if (ffmon_store_unread(f->f_store, now - sm.sm_min + 1, batch,
		    offset, &p, &n, err, sizeof(err)) < 0) {
			snprintf(f->f_error, sizeof(f->f_error), "%s", err);
			rc = -1;
			break;
		}
		if (n > 0 && offset > 0) {
			snprintf(key, sizeof(key), "%s %s", p[0].fp_dn,
			    p[0].fp_id);
			if (strcmp(key, first) == 0) {
				/* the store ignores offset: no more pages */
				ffmon_pending_free(p, n);
				break;
			}
		}
		rc = scan_page(f, p, n, now, &keep, &nkeep);
		if (offset == 0 && nkeep > 0)
			snprintf(first, sizeof(first), "%s", keep[0]);
		ffmon_pending_free(p, n);
		if (rc < 0)
			break;
		if ((long)n < batch) {
			complete = 1;
			break;
		}
		offset += (long)n;
	}
	if (complete && now - f->f_pruned >= SCAN_PRUNE_EVERY) {
		f->f_pruned = now;
		(void) ffmon_state_prune(f->f_state, (const char *const *)keep,
		    nkeep, now - 86400L * mmhs_agent_limit(f->f_ag,
		    "history-days", FFMON_DEF_HISTORY_DAYS));
	}
	for (i = 0; i < nkeep; i++)
		mmhs_free(keep[i]);
	mmhs_free(keep);
	return rc;
}
