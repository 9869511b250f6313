/* store_deliver.c - LMTP delivery into the mailboxes of mmhs-store
 *
 * RCPT: the address (mail or O/R address, a "+detail" ignored) must
 * name an mmhsMailbox entry whose mmhsSite is this store's site (an
 * entry without mmhsSite is taken as ours); else 550 5.1.1.
 *
 * After the data, per recipient, on the entry as the directory has it
 * now: the security check of store_deliver_sec.c (signatures, label,
 * requirements, clearance: 550 5.7.1 with the reason, which the MTA
 * puts into the DSN to the originator; 451 4.3.5 when the directory
 * holds no usable security policy or trust store), then the filing
 * rules choose the folder (store_deliver_rules.c).  The message is
 * stored as it came, also when a key of the mailbox opened it.  The
 * "+info" subaddress files the copy with the info flag.  All the recipients that pass are written in
 * one transaction, then each gets 250 2.1.5, or, when the store cannot
 * write (disk or map full, I/O error), 452 4.3.1 / 451 4.3.0 so that
 * the MTA keeps the message and retries.  Every decision is one line
 * in the tracking log (event "filed" or "refused").
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "mmhs_alloc.h"
#include "mmhs_lmtpd.h"
#include "mmhs_log.h"
#include "mmhs_track.h"
#include "store_db.h"
#include "store_deliver.h"

#define SDL_DETAIL_MAX	64

/* One recipient on its way to the store. */
struct sdl_rcpt {
	mmhs_dircache_entry_t *r_entry;
	char	r_folder[STORE_FOLDER_MAX + 1];
	char	r_rule[SDL_RULE_MAX];
	unsigned r_flags;
	int	r_target;		/* index in the targets, -1 refused */
};

/* sdl_has_value - does attribute name of e hold value (any case) */
int
sdl_has_value(const mmhs_dircache_entry_t *e, const char *name,
    const char *value)
{
	const mmhs_dircache_attr_t *a = mmhs_dircache_attr(e, name);
	size_t i;

	for (i = 0; a != NULL && i < a->da_nvals; i++)
		if (strcasecmp(a->da_vals[i], value) == 0)
			return 1;
	return 0;
}

/* sdl_same_dn - two DNs equal once normalised */
static int
sdl_same_dn(const char *a, const char *b)
{
	char *na = store_dn_norm(a), *nb = store_dn_norm(b);
	int same = strcmp(na, nb) == 0;

	mmhs_free(na);
	mmhs_free(nb);
	return same;
}

/* sdl_mailbox - the mailbox entry of rcpt, or NULL and a 550 reply */
static mmhs_dircache_entry_t *
sdl_mailbox(struct store_deliver *sd, const char *rcpt, unsigned *flags,
    struct mmhs_lmtp_reply *reply)
{
	mmhs_dircache_entry_t *e;
	const char *site, *comma = strchr(sd->sd_agent->ag_dn, ',');
	char detail[SDL_DETAIL_MAX];

	e = mmhs_agent_entry_for(sd->sd_agent, rcpt, detail, sizeof(detail));
	if (e == NULL || !sdl_has_value(e, "objectClass", "mmhsMailbox")) {
		reply->lr_code = 550;
		snprintf(reply->lr_text, sizeof(reply->lr_text),
		    "5.1.1 <%s>: no mailbox has this address", rcpt);
		mmhs_dircache_entry_free(e);
		return NULL;
	}
	site = mmhs_dircache_value(e, "mmhsSite");
	if (site != NULL && comma != NULL && !sdl_same_dn(site, comma + 1)) {
		reply->lr_code = 550;
		snprintf(reply->lr_text, sizeof(reply->lr_text),
		    "5.1.1 <%s>: the mailbox %s is held by site %s, not here",
		    rcpt, e->de_dn, site);
		mmhs_dircache_entry_free(e);
		return NULL;
	}
	if (flags != NULL)
		*flags = strcasecmp(detail, "info") == 0 ? STORE_F_INFO : 0;
	return e;
}

int
store_deliver_rcpt(void *arg, const char *rcpt, const char *params,
    struct mmhs_lmtp_reply *reply)
{
	mmhs_dircache_entry_t *e = sdl_mailbox(arg, rcpt, NULL, reply);

	if (e == NULL)
		return -1;
	mmhs_dircache_entry_free(e);
	return 0;
}

/* sdl_track - one line in the tracking log */
static void
sdl_track(struct store_deliver *sd, const char *event,
    const struct mmhs_lmtp_envelope *env, const struct mmhs_summary *su,
    size_t i, const struct mmhs_lmtp_reply *reply, const char *extra)
{
	struct mmhs_track_event ev;
	char result[600];

	memset(&ev, 0, sizeof(ev));
	snprintf(result, sizeof(result), "%d %s", reply->lr_code,
	    reply->lr_text);
	ev.te_event = event;
	ev.te_msgid = su != NULL ? su->su_message_id : NULL;
	ev.te_prec = su != NULL ? mmhs_precedence_name(su->su_prec) : NULL;
	ev.te_from = env->le_mail_from;
	ev.te_to = env->le_rcpt[i];
	ev.te_result = result;
	ev.te_extra = extra;
	if (sd->sd_agent->ag_track != NULL)
		mmhs_track_log(sd->sd_agent->ag_track, &ev);
}

/* sdl_refuse - reply for recipient i and log it */
static void
sdl_refuse(struct store_deliver *sd, const struct mmhs_lmtp_envelope *env,
    const struct mmhs_summary *su, size_t i, struct mmhs_lmtp_reply *r,
    int code, const char *status, const char *why)
{
	r->lr_code = code;
	snprintf(r->lr_text, sizeof(r->lr_text), "%s %s", status, why);
	sdl_track(sd, "refused", env, su, i, r, NULL);
}

/* sdl_new - the summary as the store keeps it */
static void
sdl_new(struct store_new *nm, const struct mmhs_lmtp_envelope *env,
    const struct mmhs_summary *su, const struct sdl_label *lb)
{
	const struct mmhs_mmhs *mm = &su->su_mmhs;

	memset(nm, 0, sizeof(*nm));
	nm->nm_prec = su->su_prec;
	nm->nm_class = lb->lb_class[0] != '\0' ? lb->lb_class : NULL;
	nm->nm_class_level = lb->lb_level;
	nm->nm_marking = mm->mm_label.sl_marking;
	nm->nm_nsic = mm->mm_sics.ml_count;
	nm->nm_sic = (const char *const *) mm->mm_sics.ml_items;
	nm->nm_date = su->su_time;
	nm->nm_date_text = su->su_date;
	nm->nm_from = su->su_from;
	nm->nm_subject = su->su_subject;
	nm->nm_message_id = su->su_message_id;
	nm->nm_mdn_to = su->su_mdn_to;
	nm->nm_return_path = env->le_mail_from;
	nm->nm_type = (mm->mm_present & (1u << MMHS_F_MSG_TYPE)) ?
	    (int) mm->mm_type.mt_type : -1;
	nm->nm_data = env->le_data;
	nm->nm_len = env->le_len;
}

/* sdl_decide - label and filing of recipient i; 1 accepted, 0 refused */
static int
sdl_decide(struct store_deliver *sd, const struct mmhs_lmtp_envelope *env,
    const struct mmhs_summary *su, struct sdl_sec *sec, size_t i,
    struct sdl_rcpt *rc, struct sdl_label *lb,
    struct mmhs_lmtp_reply *reply)
{
	char why[400];
	int ok;

	rc->r_entry = sdl_mailbox(sd, env->le_rcpt[i], &rc->r_flags, reply);
	if (rc->r_entry == NULL) {
		sdl_track(sd, "refused", env, su, i, reply, NULL);
		return 0;
	}
	ok = sdl_label_check(sd->sd_agent, rc->r_entry, sec, lb, why,
	    sizeof(why));
	if (ok < 0) {
		/* The directory lacks the policy: a fault of the site, not of
		 * the message; the MTA keeps it until that is mended. */
		mmhs_warn("%s: %s", env->le_rcpt[i], why);
		sdl_refuse(sd, env, su, i, reply, 451, "4.3.5", why);
		return 0;
	}
	if (ok == 0) {
		sdl_refuse(sd, env, su, i, reply, 550, "5.7.1", why);
		return 0;
	}
	sdl_file(rc->r_entry, su, lb, env->le_mail_from, rc->r_folder,
	    sizeof(rc->r_folder), rc->r_rule, sizeof(rc->r_rule));
	return 1;
}

/* sdl_quote - value as a quoted tracking log value ("\"" and "\\"
 * escaped, controls dropped), into buf */
static const char *
sdl_quote(const char *v, char *buf, size_t len)
{
	size_t o = 0;

	if (len < 3)
		return "\"\"";
	buf[o++] = '"';
	for (; *v != '\0' && o + 3 < len; v++) {
		if ((unsigned char) *v < 0x20)
			continue;
		if (*v == '"' || *v == '\\')
			buf[o++] = '\\';
		buf[o++] = *v;
	}
	buf[o++] = '"';
	buf[o] = '\0';
	return buf;
}

/* sdl_sec_extra - what protected the message, for the tracking line
 * ("" for a message neither signed nor encrypted) */
static void
sdl_sec_extra(const struct sdl_sec *sec, char *buf, size_t len)
{
	const struct mmhs_secmsg *sm = &sec->s_sm;
	static const char *const src[] = { "none", "ess", "sio" };

	buf[0] = '\0';
	if (!sec->s_have || sec->s_rc != 0 || (!sm->sm_signed &&
	    !sm->sm_encrypted && !sec->s_untrusted))
		return;
	snprintf(buf, len, " signed=%d encrypted=%d decrypted=%d label=%s%s",
	    sm->sm_signed, sm->sm_encrypted, sm->sm_open.co_decrypted,
	    src[sm->sm_label_src], sec->s_untrusted ?
	    " signature=unchecked" : "");
}

/* sdl_done - the replies and tracking lines after the write */
static void
sdl_done(struct store_deliver *sd, const struct mmhs_lmtp_envelope *env,
    const struct mmhs_summary *su, const struct sdl_sec *sec,
    struct sdl_rcpt *rc,
    const struct store_target *t, int err, const char *errtext,
    struct mmhs_lmtp_reply *replies)
{
	char extra[2400], qdn[800], qfolder[2 * STORE_FOLDER_MAX + 3],
	    qrule[2 * SDL_RULE_MAX + 3], secx[300];
	size_t i;

	sdl_sec_extra(sec, secx, sizeof(secx));

	for (i = 0; i < env->le_nrcpt; i++) {
		struct mmhs_lmtp_reply *r = &replies[i];

		if (rc[i].r_target < 0)
			continue;
		if (err != STORE_OK) {
			sdl_refuse(sd, env, su, i, r, err == STORE_FULL ? 452 :
			    451, err == STORE_FULL ? "4.3.1" : "4.3.0",
			    errtext);
			continue;
		}
		r->lr_code = 250;
		snprintf(r->lr_text, sizeof(r->lr_text), "2.1.5 filed in %s "
		    "as %llu", rc[i].r_folder,
		    (unsigned long long) t[rc[i].r_target].st_id);
		snprintf(extra, sizeof(extra), "mailbox=%s folder=%s id=%llu"
		    "%s%s%s%s", sdl_quote(rc[i].r_entry->de_dn, qdn,
		    sizeof(qdn)),
		    sdl_quote(rc[i].r_folder, qfolder, sizeof(qfolder)),
		    (unsigned long long) t[rc[i].r_target].st_id,
		    rc[i].r_rule[0] != '\0' ? " rule=" : "",
		    rc[i].r_rule[0] != '\0' ? sdl_quote(rc[i].r_rule, qrule,
		    sizeof(qrule)) : "",
		    (rc[i].r_flags & STORE_F_INFO) ? " flags=info" : "", secx);
		sdl_track(sd, "filed", env, su, i, r, extra);
	}
}

void
store_deliver_message(void *arg, const struct mmhs_lmtp_envelope *env,
    struct mmhs_lmtp_reply *replies)
{
	struct store_deliver *sd = arg;
	struct mmhs_summary su;
	struct sdl_rcpt *rc;
	struct store_target *t;
	struct sdl_label lb, lbi;
	struct sdl_sec sec;
	struct store_new nm;
	char err[400];
	size_t i, n = 0;
	int st = STORE_OK;

	memset(&su, 0, sizeof(su));
	if (mmhs_summary_parse(&su, env->le_data, env->le_len, err,
	    sizeof(err)) != 0) {
		for (i = 0; i < env->le_nrcpt; i++)
			sdl_refuse(sd, env, NULL, i, &replies[i], 550, "5.6.0",
			    err);
		mmhs_summary_free(&su);
		return;
	}
	rc = mmhs_calloc(env->le_nrcpt, sizeof(*rc));
	t = mmhs_calloc(env->le_nrcpt, sizeof(*t));
	memset(&lb, 0, sizeof(lb));
	sdl_sec_init(&sec, env->le_data, env->le_len);
	for (i = 0; i < env->le_nrcpt; i++) {
		rc[i].r_target = -1;
		if (!sdl_decide(sd, env, &su, &sec, i, &rc[i], &lbi,
		    &replies[i]))
			continue;
		lb = lbi;	/* the same message: the same label each time */
		rc[i].r_target = (int) n;
		t[n].st_mailbox = rc[i].r_entry->de_dn;
		t[n].st_folder = rc[i].r_folder;
		t[n].st_flags = rc[i].r_flags;
		n++;
	}
	if (n > 0) {
		sdl_new(&nm, env, &su, &lb);
		st = store_db_deliver(sd->sd_db, &nm, t, n, err, sizeof(err));
		if (st != STORE_OK)
			mmhs_warn("delivery of %s: %s",
			    su.su_message_id != NULL ? su.su_message_id :
			    "(no Message-ID)", err);
		sdl_done(sd, env, &su, &sec, rc, t, st, err, replies);
	}
	sdl_sec_free(&sec);
	for (i = 0; i < env->le_nrcpt; i++)
		mmhs_dircache_entry_free(rc[i].r_entry);
	mmhs_free(rc);
	mmhs_free(t);
	mmhs_summary_free(&su);
}
