/* mta_deliver_sec.c - mmhs-mta: a next hop's ceiling against the label
 *
 * Purpose: a next hop bound by a domain ceiling (a gateway or a peer
 * MTA with mmhsDomainCeiling, or one of another site that has one)
 * gets only messages whose label the ceiling dominates
 * (mta_sec_ceiling).  The others fail for the recipients routed there
 * with "554 5.7.1 ..." saying why; mta_deliver_done.c turns that into
 * a "bounced" line and a failure DSN whose Diagnostic-Code carries the
 * text.  Each refusal also writes a tracking line, event "refused".
 *
 * The label is read once per message in memory (mta_sec_inspect), and
 * only when a hop with a ceiling is about to get it; what is kept is
 * the label, not the opened layers.  A message whose S/MIME cannot be
 * read is refused for such hops (fail closed), and so is one whose
 * content cannot be read (451: tried again later).
 *
 * Interface (mta_deliver.h): mtd_sec_hop(), mtd_sec_free().
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
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

/* mtd_sec_track - one "refused" line per recipient of j */
static void
mtd_sec_track(struct mtd *d, const struct mtd_job *j, const char *hop,
	const char *text)
{
	const struct mtd_msg *m = j->j_msg;
	struct mmhs_track_event ev;
	char	extra[MTD_REPLY_MAX + 64], q[MTD_REPLY_MAX + 32];
	size_t	i;

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
	for (i = 0; i < j->j_nrcpt; i++) {
		ev.te_to = m->m_env->qe_rcpt[j->j_rcpt[i]].qr_addr;
		(void) mmhs_track_log(d->d_mta->m_track, &ev);
	}
}

/* mtd_sec_hop - may the job's current hop carry its message? */
int
mtd_sec_hop(struct mtd *d, struct mtd_job *j, char *text, size_t len)
{
	struct mtd_msg *m = j->j_msg;
	const char *hop = j->j_hops[j->j_hop];
	char	*ceil, why[MTD_REPLY_MAX - 32];
	int	code = 0;

	if ((ceil = mta_sec_hop_ceiling(d->d_mta, hop)) == NULL)
		return 0;
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
