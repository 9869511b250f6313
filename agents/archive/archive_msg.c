/* archive_msg.c - mmhs-archive: one message received over LMTP
 *
 * Purpose: after the final dot, the message is archived once for all
 * its LMTP recipients: its metadata is made (below), it is appended to
 * the archive (fsync'ed and indexed) and only then does every
 * recipient get "250 2.0.0 archived as record N"; a failure gives 451
 * to every recipient, so the MTA keeps the message and tries again.
 * One "archived" line goes to the tracking log, with the record
 * number, its chain hash and the policies.
 *
 * Metadata ("Name: value" lines, archive_rec.c), in this order:
 *	Message-ID, From, Subject, Date, Date-Epoch	from the header
 *	Originator		the envelope's MAIL FROM
 *	Recipient		each envelope recipient of the message: the
 *				ORCPT the MTA gave each archive copy (its
 *				"rfc822;" or "x400;" type removed), else the
 *				LMTP recipient itself; duplicates once
 *	Precedence		MMHS-Primary-Precedence (or Copy-), else
 *				the MAIL parameter MT-PRIORITY, else routine
 *	Classification		the classification NAME the SIO-Label marking
 *				gives under the site's security policy (the
 *				policy of the site's mmhsDomainCeiling, or
 *				the ESS label's), when it gives one
 *	Marking			the SIO-Label marking, as written
 *	SIC			each MMHS-Subject-Indicator-Codes item
 *	Policy			each policy naming this archive that covers
 *				the originator or a recipient, now
 *	Size, Summary-Error	octets; why the header could not be read
 *				(the message is archived all the same)
 *	Protection		signed, encrypted, or signed,encrypted (the
 *				S/MIME layers met from the outside in)
 *	Archive-Copy-Key, Archive-Copy	for an encrypted message a key of
 *				the key directory opened: the address of the
 *				archive key the copy is encrypted to, and the
 *				copy's octets at the end of the data
 *				(archive_sec.c, archive.h)
 *	Archive-Note		for an encrypted message without a copy: why
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mmhs_precedence.h"
#include "mmhs_smtpcmd.h"
#include "mmhs_track.h"
#include "archive_agent.h"

/* arc_param - the value of NAME= in an ESMTP parameter list, decoded
 * from xtext into buf; 0, or -1 when absent or not valid xtext */
static int
arc_param(const char *params, const char *name, char *buf, size_t len)
{
	size_t	nl = strlen(name);
	const char *p = params, *end;

	while (p != NULL && *p != '\0') {
		while (*p == ' ')
			p++;
		end = strchr(p, ' ');
		if (end == NULL)
			end = p + strlen(p);
		if ((size_t)(end - p) > nl && strncasecmp(p, name, nl) == 0 &&
		    p[nl] == '=')
			return mmhs_smtpcmd_xtext_decode(p + nl + 1,
			    (size_t)(end - p) - nl - 1, buf, len) < 0 ? -1 : 0;
		p = end;
	}
	return -1;
}

/* arc_recipient - the envelope recipient that LMTP recipient i stands for */
static const char *
arc_recipient(const struct mmhs_lmtp_envelope *env, size_t i, char *buf,
	size_t len)
{
	const char *semi;

	if (env->le_rcpt_params == NULL || env->le_rcpt_params[i] == NULL ||
	    arc_param(env->le_rcpt_params[i], "ORCPT", buf, len) < 0 ||
	    (semi = strchr(buf, ';')) == NULL || semi[1] == '\0')
		return env->le_rcpt[i];
	return semi + 1;
}

/* arc_precedence - the name of the message's precedence */
static const char *
arc_precedence(const struct mmhs_lmtp_envelope *env,
	const struct mmhs_summary *su)
{
	enum mmhs_precedence p = MMHS_PREC_ROUTINE;
	char	v[16], *end;
	long	mt;

	if (su != NULL && (su->su_mmhs.mm_present & ((1u <<
	    MMHS_F_PRIMARY_PREC) | (1u << MMHS_F_COPY_PREC))))
		p = su->su_prec;
	else if (arc_param(env->le_mail_params, "MT-PRIORITY", v,
	    sizeof(v)) == 0 && (mt = strtol(v, &end, 10), *end == '\0'))
		(void) mmhs_precedence_from_mt_priority((int)mt, &p, NULL, 0);
	return mmhs_precedence_name(p);
}

/* arc_msg_meta - the metadata of one message */
void
arc_msg_meta(struct arc_meta *m, const struct mmhs_lmtp_envelope *env,
	const struct mmhs_summary *su, const char *sumerr, const char *cls,
	const char *const *policies, size_t npol)
{
	char	buf[MMHS_SMTPCMD_XTEXT_MAX + 64], num[32];
	char	**seen;
	const char *r;
	size_t	i, j, nseen = 0;

	memset(m, 0, sizeof(*m));
	if (su != NULL && su->su_message_id != NULL)
		arc_meta_add(m, "Message-ID", su->su_message_id);
	if (su != NULL && su->su_from != NULL)
		arc_meta_add(m, "From", su->su_from);
	if (su != NULL && su->su_subject != NULL)
		arc_meta_add(m, "Subject", su->su_subject);
	if (su != NULL && su->su_date != NULL)
		arc_meta_add(m, "Date", su->su_date);
	if (su != NULL && su->su_time > 0) {
		snprintf(num, sizeof(num), "%lld", (long long)su->su_time);
		arc_meta_add(m, "Date-Epoch", num);
	}
	arc_meta_add(m, "Originator", env->le_mail_from);
	seen = mmhs_calloc(env->le_nrcpt + 1, sizeof(*seen));
	for (i = 0; i < env->le_nrcpt; i++) {
		r = arc_recipient(env, i, buf, sizeof(buf));
		for (j = 0; j < nseen && strcasecmp(seen[j], r) != 0; j++)
			;
		if (j < nseen)
			continue;
		arc_meta_add(m, "Recipient", r);
		seen[nseen++] = mmhs_strdup(r);
	}
	for (j = 0; j < nseen; j++)
		mmhs_free(seen[j]);
	mmhs_free(seen);
	arc_meta_add(m, "Precedence", arc_precedence(env, su));
	if (cls != NULL)
		arc_meta_add(m, "Classification", cls);
	if (su != NULL && su->su_class != NULL)
		arc_meta_add(m, "Marking", su->su_class);
	for (i = 0; su != NULL && i < su->su_mmhs.mm_sics.ml_count; i++)
		arc_meta_add(m, "SIC", su->su_mmhs.mm_sics.ml_items[i]);
	for (i = 0; i < npol; i++)
		arc_meta_add(m, "Policy", policies[i]);
	snprintf(num, sizeof(num), "%zu", env->le_len);
	arc_meta_add(m, "Size", num);
	if (sumerr != NULL)
		arc_meta_add(m, "Summary-Error", sumerr);
}

/* arc_msg_policy_oid - the site's security policy (of its
 * mmhsDomainCeiling) into oid; 0 or -1 */
static int
arc_msg_policy_oid(struct arc_agent *aa, char *oid, size_t len)
{
	mmhs_dircache_entry_t *self, *site = NULL;
	const char *v = NULL, *dollar;
	int	rc = -1;

	if ((self = mmhs_agent_self(&aa->aa_ag)) != NULL &&
	    (v = mmhs_dircache_value(self, "mmhsSite")) != NULL)
		site = mmhs_dircache_by_dn(aa->aa_ag.ag_cache, v);
	if (site != NULL &&
	    (v = mmhs_dircache_value(site, "mmhsDomainCeiling")) != NULL &&
	    (dollar = strchr(v, '$')) != NULL && (size_t)(dollar - v) < len) {
		memcpy(oid, v, (size_t)(dollar - v));
		oid[dollar - v] = '\0';
		rc = 0;
	}
	mmhs_dircache_entry_free(site);
	mmhs_dircache_entry_free(self);
	return rc;
}

/* arc_msg_class - the classification NAME of the message's marking, or
 * NULL when there is none or the policy does not know it */
static const char *
arc_msg_class(struct arc_agent *aa, const struct mmhs_summary *su,
	char *buf, size_t len)
{
	const struct mmhs_label_class *lc;
	struct mmhs_policy *p;
	struct mmhs_label lb;
	char	oid[MMHS_LABEL_OID_MAX + 1], err[256];
	const char *name = NULL;

	if (su == NULL || su->su_class == NULL)
		return NULL;
	if (su->su_policy != NULL)
		snprintf(oid, sizeof(oid), "%s", su->su_policy);
	else if (arc_msg_policy_oid(aa, oid, sizeof(oid)) < 0)
		return NULL;
	p = mmhs_malloc(sizeof(*p));
	if (mmhs_agent_policy(&aa->aa_ag, oid, p, err, sizeof(err)) == 0 &&
	    mmhs_label_from_marking(p, su->su_class, &lb, err,
	    sizeof(err)) == 0 &&
	    (lc = mmhs_policy_class_level(p, lb.lb_level)) != NULL) {
		snprintf(buf, len, "%s", lc->lc_name);
		name = buf;
	}
	mmhs_free(p);
	return name;
}

/* arc_msg_policies - the policies naming us that cover the envelope */
static size_t
arc_msg_policies(struct arc_agent *aa, const struct mmhs_lmtp_envelope *env,
	const char ***out)
{
	const struct mmhs_archpol_table *t = arc_policies(aa);
	const struct mmhs_archpol *p;
	char	buf[MMHS_SMTPCMD_XTEXT_MAX + 64];
	unsigned char *hit;
	size_t	n, i, k = 0;

	*out = NULL;
	if (t == NULL || (n = mmhs_archpol_count(t)) == 0)
		return 0;
	hit = mmhs_calloc(n, 1);
	if (env->le_mail_from[0] != '\0')
		(void) mmhs_archpol_cover(t, env->le_mail_from, hit);
	for (i = 0; i < env->le_nrcpt; i++)
		(void) mmhs_archpol_cover(t, arc_recipient(env, i, buf,
		    sizeof(buf)), hit);
	*out = mmhs_calloc(n, sizeof(**out));
	for (i = 0; i < n; i++) {
		p = mmhs_archpol_get(t, i);
		if (hit[i] && strcmp(p->ap_archive, aa->aa_self) == 0)
			(*out)[k++] = p->ap_dn;
	}
	mmhs_free(hit);
	return k;
}

/* arc_msg_note - note="..." (quotes and backslashes escaped) */
static void
arc_msg_note(char *extra, size_t len, const char *note)
{
	size_t	pos = strlen(extra);

	if (pos + 16 >= len)
		return;
	pos += (size_t)snprintf(extra + pos, len - pos, " note=\"");
	for (; *note != '\0' && pos + 3 < len; note++) {
		if (*note == '"' || *note == '\\')
			extra[pos++] = '\\';
		extra[pos++] = *note;
	}
	extra[pos++] = '"';
	extra[pos] = '\0';
}

/* arc_msg_track - the "archived" line */
static void
arc_msg_track(struct arc_agent *aa, const struct mmhs_summary *su,
	const struct mmhs_lmtp_envelope *env, uint64_t recno,
	const unsigned char hash[ARC_HASH_LEN], const char *const *pol,
	size_t npol, const struct arc_sec *as, const char *result)
{
	struct mmhs_track_event ev;
	char	qid[32], hex[65], *extra;
	size_t	len = 256 + sizeof(as->as_note), i;

	for (i = 0; i < npol; i++)
		len += strlen(pol[i]) + 1;
	extra = mmhs_malloc(len);
	snprintf(extra, len, "record=%llu hash=%s policy=\"",
	    (unsigned long long)recno, arc_hex(hash, hex));
	for (i = 0; i < npol; i++)
		snprintf(extra + strlen(extra), len - strlen(extra), "%s%s",
		    i > 0 ? ";" : "", pol[i]);
	snprintf(extra + strlen(extra), len - strlen(extra), "\"");
	if (as->as_encrypted)
		snprintf(extra + strlen(extra), len - strlen(extra),
		    " encrypted=yes copy=%s", as->as_copy != NULL ? "yes" :
		    "no");
	if (as->as_encrypted && as->as_copy != NULL)
		snprintf(extra + strlen(extra), len - strlen(extra),
		    " copykey=%s", as->as_key);
	else if (as->as_encrypted)
		arc_msg_note(extra, len, as->as_note);
	snprintf(qid, sizeof(qid), "%llu", (unsigned long long)recno);
	memset(&ev, 0, sizeof(ev));
	ev.te_event = "archived";
	ev.te_qid = qid;
	ev.te_msgid = su != NULL ? su->su_message_id : NULL;
	ev.te_from = env->le_mail_from;
	ev.te_result = result;
	ev.te_extra = extra;
	if (aa->aa_ag.ag_track != NULL &&
	    mmhs_track_log(aa->aa_ag.ag_track, &ev) < 0)
		mmhs_warn("tracking log: %m");
	mmhs_free(extra);
}

/* arc_msg_fail - every recipient gets 451 with why */
static void
arc_msg_fail(struct arc_agent *aa, const struct mmhs_lmtp_envelope *env,
	struct mmhs_lmtp_reply *replies, const char *why)
{
	size_t	i;

	mmhs_warn("from <%s>: not archived: %s", env->le_mail_from, why);
	if (aa->aa_last_error == NULL || strcmp(aa->aa_last_error, why) != 0) {
		mmhs_free(aa->aa_last_error);
		aa->aa_last_error = mmhs_strdup(why);
		(void) mmhs_agent_status(&aa->aa_ag, "running", why, -1);
	}
	for (i = 0; i < env->le_nrcpt; i++) {
		replies[i].lr_code = 451;
		snprintf(replies[i].lr_text, sizeof(replies[i].lr_text),
		    "4.3.0 not archived: %.400s", why);
	}
}

/* arc_append - the message, and the archive's copy after it (archive.h) */
static int
arc_append(struct arc_agent *aa, const struct arc_meta *m,
	const struct mmhs_lmtp_envelope *env, const struct arc_sec *as,
	uint64_t *recno, unsigned char hash[ARC_HASH_LEN], char *err,
	size_t errlen)
{
	char	*data;
	int	rc;

	if (as->as_copy == NULL)
		return arc_store_append(aa->aa_store, m->am_buf, m->am_len,
		    env->le_data, env->le_len, time(NULL), recno, hash, err,
		    errlen);
	data = mmhs_malloc(env->le_len + as->as_copy_len);
	memcpy(data, env->le_data, env->le_len);
	memcpy(data + env->le_len, as->as_copy, as->as_copy_len);
	rc = arc_store_append(aa->aa_store, m->am_buf, m->am_len, data,
	    env->le_len + as->as_copy_len, time(NULL), recno, hash, err,
	    errlen);
	mmhs_free(data);
	return rc;
}

/* arc_on_message - after the dot: archive once, answer everyone */
void
arc_on_message(void *arg, const struct mmhs_lmtp_envelope *env,
	struct mmhs_lmtp_reply *replies)
{
	struct arc_agent *aa = arg;
	struct mmhs_summary su;
	struct arc_meta m;
	struct arc_sec as;
	const char **pol;
	unsigned char hash[ARC_HASH_LEN];
	char	sumerr[256], err[ARC_ERR_LEN], text[128], cls[128];
	uint64_t recno;
	size_t	npol, i;
	int	sumok;

	memset(&su, 0, sizeof(su));
	sumok = mmhs_summary_parse(&su, env->le_data, env->le_len, sumerr,
	    sizeof(sumerr)) == 0;
	npol = arc_msg_policies(aa, env, &pol);
	arc_msg_meta(&m, env, sumok ? &su : NULL, sumok ? NULL : sumerr,
	    arc_msg_class(aa, sumok ? &su : NULL, cls, sizeof(cls)), pol, npol);
	arc_sec_copy(aa, env->le_data, env->le_len, &as);
	arc_sec_meta(&m, &as);
	if (arc_append(aa, &m, env, &as, &recno, hash, err, sizeof(err)) < 0) {
		arc_msg_fail(aa, env, replies, err);
	} else {
		snprintf(text, sizeof(text), "2.0.0 archived as record %llu%s",
		    (unsigned long long)recno, as.as_copy != NULL ?
		    ", with a copy readable by the archive" : "");
		for (i = 0; i < env->le_nrcpt; i++) {
			replies[i].lr_code = 250;
			snprintf(replies[i].lr_text, sizeof(replies[i].lr_text),
			    "%s", text);
		}
		arc_msg_track(aa, sumok ? &su : NULL, env, recno, hash, pol,
		    npol, &as, text);
	}
	arc_sec_free(&as);
	arc_meta_free(&m);
	mmhs_free(pol);
	mmhs_summary_free(&su);
}
