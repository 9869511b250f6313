/* mta_deliver_sec.c - mmhs-mta: a next hop's ceiling, and a mailbox's
 * clearance, against the label
 *
 * Purpose: a next hop bound by a domain ceiling (a gateway or a peer
 * MTA with mmhsDomainCeiling, or one of another site that has one)
 * gets only messages whose label the ceiling dominates
 * (mta_sec_ceiling).  The others fail for the recipients routed there
 * with "554 5.7.1 ..." saying why; mta_deliver_done.c turns that into
 * a "bounced" line and a failure DSN whose Diagnostic-Code carries the
 * text.  Each refusal also writes a tracking line, event "refused".
 *
 * A job for the site's store: each recipient that is an mmhsMailbox
 * whose clearance (mmhs_secmsg_cleared: entry, else certificate, else
 * UNCLASSIFIED) does not dominate the label fails here with "550 5.7.1"
 * and the reason, and is not handed to the store; the store checks again
 * at delivery (it also reads encrypted labels the MTA cannot).  A label
 * the MTA cannot read is left to the store.
 *
 * The label is read once per message in memory (mta_sec_inspect), and
 * only when a hop with a ceiling or the store is about to get it; what is kept is
 * the label, not the opened layers.  A message whose S/MIME cannot be
 * read is refused for such hops (fail closed), and so is one whose
 * content cannot be read (451: tried again later).
 *
 * Interface (mta_deliver.h): mtd_sec_hop(), mtd_sec_free().
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "mmhs_agent.h"
#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mmhs_smtpcmd.h"
#include "mta_deliver.h"
#include "mta_sec.h"

/* mtd_sec_label - read m's label once; 0, or -1 (m_sec_why says why) */
static int
mtd_sec_label(struct mtd *d, struct mtd_msg *m)
{
	struct mmhs_secmsg sm;
	char	why[MTD_REPLY_MAX - 64];

	if (m->m_sec != NULL || m->m_sec_why != NULL)
		return m->m_sec_rc;
	m->m_sec_rc = mta_sec_inspect(d->d_mta, m->m_data, m->m_len, &sm,
	    why, sizeof(why));
	if (m->m_sec_rc < 0)
		m->m_sec_why = mmhs_strdup(why);
	else {
		/* keep the label only: the opened layers are large */
		m->m_sec = mmhs_calloc(1, sizeof(*m->m_sec));
		m->m_sec->sm_label_src = sm.sm_label_src;
		m->m_sec->sm_label_signed = sm.sm_label_signed;
		m->m_sec->sm_translated = sm.sm_translated;
		m->m_sec->sm_label = sm.sm_label;
		memcpy(m->m_sec->sm_marking, sm.sm_marking,
		    sizeof(sm.sm_marking));
	}
	mmhs_secmsg_free(&sm);
	return m->m_sec_rc;
}

/* mtd_sec_track_one - a "refused" line for recipient r of m */
static void
mtd_sec_track_one(struct mtd *d, const struct mtd_msg *m, size_t r,
	const char *hop, const char *text)
{
	struct mmhs_track_event ev;
	char	extra[MTD_REPLY_MAX + 64], q[MTD_REPLY_MAX + 32];

	if (d->d_mta->m_track == NULL)
		return;
	snprintf(extra, sizeof(extra), "reason=%s",
	    mta_sec_quote(strlen(text) > 10 ? text + 10 : text, q,
	    sizeof(q)));
	memset(&ev, 0, sizeof(ev));
	ev.te_event = "refused";
	ev.te_qid = m->m_id;
	ev.te_msgid = m->m_msgid;
	ev.te_prec = mmhs_precedence_name(m->m_env->qe_prec);
	ev.te_from = m->m_env->qe_sender;
	ev.te_hop = hop;
	ev.te_result = text;
	ev.te_extra = extra;
	ev.te_to = m->m_env->qe_rcpt[r].qr_addr;
	(void) mmhs_track_log(d->d_mta->m_track, &ev);
}

/* mtd_sec_track - one "refused" line per recipient of j */
static void
mtd_sec_track(struct mtd *d, const struct mtd_job *j, const char *hop,
	const char *text)
{
	size_t	i;

	for (i = 0; i < j->j_nrcpt; i++)
		mtd_sec_track_one(d, j->j_msg, j->j_rcpt[i], hop, text);
}

/* mtd_sec_mailbox - the mmhsMailbox entry of address addr (a subaddress
 * "+detail" is the same mailbox), or NULL */
static mmhs_dircache_entry_t *
mtd_sec_mailbox(mmhs_dircache_t *c, const char *addr)
{
	mmhs_dircache_entry_t *e;
	const mmhs_dircache_attr_t *oc;
	char	a[MMHS_SMTPCMD_PATH_MAX + 1], *plus, *at;
	size_t	i;

	snprintf(a, sizeof(a), "%s", addr);
	if ((at = strrchr(a, '@')) != NULL && (plus = memchr(a, '+',
	    (size_t)(at - a))) != NULL)
		memmove(plus, at, strlen(at) + 1);
	if ((e = mmhs_agent_find_one(c, "mail", a)) == NULL)
		return NULL;
	oc = mmhs_dircache_attr(e, "objectClass");
	for (i = 0; oc != NULL && i < oc->da_nvals; i++)
		if (strcasecmp(oc->da_vals[i], "mmhsMailbox") == 0)
			return e;
	mmhs_dircache_entry_free(e);
	return NULL;
}

/*
 * mtd_sec_rcpts - a job for the store: recipients whose clearance does
 * not dominate the label fail here, with the reason (the store would
 * refuse them too; the MTA does not hand it what it must not hold).
 * The others stay in the job.  0, or the code when none is left.
 */
static int
mtd_sec_rcpts(struct mtd *d, struct mtd_job *j, char *text, size_t len)
{
	struct mtd_msg *m = j->j_msg;
	struct mmhs_policy *p;
	mmhs_dircache_entry_t *e;
	char	oid[MMHS_LABEL_OID_MAX + 1], why[MTD_REPLY_MAX - 32];
	size_t	i, r, kept = 0;

	if (m->m_sec->sm_label_src == MMHS_SECMSG_LABEL_NONE ||
	    mta_sec_site_policy(d->d_mta, oid, sizeof(oid), why,
	    sizeof(why)) != 0)
		return 0;	/* the store decides on what we cannot read */
	p = mmhs_malloc(sizeof(*p));
	if (mta_sec_policy(d->d_mta, oid, p, why, sizeof(why)) != 0) {
		mmhs_free(p);
		return 0;
	}
	for (i = 0; i < j->j_nrcpt; i++) {
		r = j->j_rcpt[i];
		e = mtd_sec_mailbox(d->d_mta->m_cache,
		    m->m_env->qe_rcpt[r].qr_addr);
		if (e == NULL || mmhs_secmsg_cleared(m->m_sec, p, e, why,
		    sizeof(why)) != 0) {
			j->j_rcpt[kept++] = r;	/* cleared, or the store's */
			mmhs_dircache_entry_free(e);
			continue;
		}
		mmhs_dircache_entry_free(e);
		m->m_res[r].rs_code = 550;
		snprintf(m->m_res[r].rs_text, sizeof(m->m_res[r].rs_text),
		    "550 5.7.1 %s", why);
		mmhs_free(m->m_rhop[r]);
		m->m_rhop[r] = mmhs_strdup(j->j_hops[j->j_hop]);
		mmhs_info("%s: %s: %s", m->m_id, m->m_env->qe_rcpt[r].qr_addr,
		    m->m_res[r].rs_text);
		mtd_sec_track_one(d, m, r, j->j_hops[j->j_hop],
		    m->m_res[r].rs_text);
	}
	mmhs_free(p);
	j->j_nrcpt = kept;
	if (kept > 0)
		return 0;
	snprintf(text, len, "550 5.7.1 no recipient is cleared for the "
	    "label");
	return 550;
}

/* mtd_sec_hop - may the job's current hop carry its message? */
int
mtd_sec_hop(struct mtd *d, struct mtd_job *j, char *text, size_t len)
{
	struct mtd_msg *m = j->j_msg;
	const char *hop = j->j_hops[j->j_hop];
	char	*ceil, why[MTD_REPLY_MAX - 32];
	int	code = 0;

	if ((ceil = mta_sec_hop_ceiling(d->d_mta, hop)) == NULL) {
		if (!mta_sec_hop_is_store(d->d_mta, hop) ||
		    mtd_msg_load(d, m, text, len) != 0 ||
		    mtd_sec_label(d, m) < 0)
			return 0;	/* the store reads it itself */
		return mtd_sec_rcpts(d, j, text, len);
	}
	if (mtd_msg_load(d, m, text, len) != 0) {
		mmhs_free(ceil);
		return 451;
	}
	if (mtd_sec_label(d, m) < 0) {
		snprintf(text, len, "554 5.7.1 Not relayed to %s: the label "
		    "cannot be read: %s", hop, m->m_sec_why);
		code = 554;
	} else if (mta_sec_ceiling(d->d_mta, hop, ceil, m->m_sec, why,
	    sizeof(why)) != 1) {
		snprintf(text, len, "554 5.7.1 Not relayed: %s", why);
		code = 554;
	}
	mmhs_free(ceil);
	if (code != 0) {
		mmhs_info("%s: %s", m->m_id, text);
		mtd_sec_track(d, j, hop, text);
	}
	return code;
}

/* mtd_sec_free - what mtd_sec_hop kept about m */
void
mtd_sec_free(struct mtd_msg *m)
{
	mmhs_free(m->m_sec);
	mmhs_free(m->m_sec_why);
	m->m_sec = NULL;
	m->m_sec_why = NULL;
}
