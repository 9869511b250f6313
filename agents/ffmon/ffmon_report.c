/* ffmon_report.c - what became of a message, recipient by recipient
 *
 * For an originator (and a management tool): every recipient of one
 * message with its state: pending, relayed, delivered, overdue,
 * not-read, read, failed (enum ffmon_rstate), built from facts:
 *
 *	tracking log lines whose msgid is the message's: the MTA's
 *	received / delivered / relayed / deferred / bounced / expired,
 *	the store's filed / refused / read (opened through the API) /
 *	deleted (seen=0: unopened), ffmon's redirected and overdue (the
 *	store's "notified" names the originator, not a recipient: the
 *	"read" or "deleted" before it is the fact);
 *	DSN and MDN messages, which tell what other sites and gateways
 *	did: a DSN counts when the original's Message-ID is its
 *	In-Reply-To, in its References or in the returned header section
 *	(ffmon_track.c); an MDN when its Original-Message-ID is the
 *	message's (lib/mmhs_mdn).
 *
 * A fact replaces a recipient's state only with a stronger one (the
 * enum's order), so the order of the sources does not matter: a
 * message read after it was redirected reads "read", with the redirect
 * kept in its detail.  No I/O here but the printing: the command
 * (files, options) is ffmon_report_cmd.c, and this part is fuzzed
 * (tests/fuzz/fuzz_ffmon.c).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "mmhs_alloc.h"
#include "mmhs_dsn.h"
#include "mmhs_mdn.h"
#include "ffmon.h"

#define REPORT_RCPT_MAX		10000
#define REPORT_DETAIL_MAX	400

struct report_rcpt {
	char	*r_addr;
	enum ffmon_rstate r_state;
	char	r_time[40];
	char	r_detail[REPORT_DETAIL_MAX];
	char	r_redirect[REPORT_DETAIL_MAX];	/* "redirected to ..." */
};

struct ffmon_report {
	char	*rp_msgid;
	char	*rp_from;		/* originator (first received) */
	char	*rp_prec;
	char	rp_submitted[40];
	struct report_rcpt *rp_r;
	size_t	rp_n;
	size_t	rp_facts;
};

static const char *const report_names[] = {
	"pending", "relayed", "delivered", "overdue", "not-read", "read",
	"failed"
};

/* ffmon_rstate_name - one word */
const char *
ffmon_rstate_name(enum ffmon_rstate s)
{
	return (unsigned)s < sizeof(report_names) / sizeof(report_names[0]) ?
	    report_names[s] : "?";
}

struct ffmon_report *
ffmon_report_new(const char *msgid)
{
	struct ffmon_report *r = mmhs_calloc(1, sizeof(*r));

	r->rp_msgid = mmhs_strdup(msgid);
	return r;
}

void
ffmon_report_free(struct ffmon_report *r)
{
	size_t	i;

	if (r == NULL)
		return;
	for (i = 0; i < r->rp_n; i++)
		mmhs_free(r->rp_r[i].r_addr);
	mmhs_free(r->rp_r);
	mmhs_free(r->rp_msgid);
	mmhs_free(r->rp_from);
	mmhs_free(r->rp_prec);
	mmhs_free(r);
}

/* report_find - the recipient addr, added when new (NULL: too many) */
static struct report_rcpt *
report_find(struct ffmon_report *r, const char *addr, int add)
{
	size_t	i;

	if (strncasecmp(addr, "rfc822;", 7) == 0)
		addr += 7;
	for (i = 0; i < r->rp_n; i++)
		if (strcasecmp(r->rp_r[i].r_addr, addr) == 0)
			return &r->rp_r[i];
	if (!add || r->rp_n == REPORT_RCPT_MAX || *addr == '\0')
		return NULL;
	r->rp_r = mmhs_realloc(r->rp_r, (r->rp_n + 1) * sizeof(*r->rp_r));
	memset(&r->rp_r[r->rp_n], 0, sizeof(*r->rp_r));
	r->rp_r[r->rp_n].r_addr = mmhs_strdup(addr);
	return &r->rp_r[r->rp_n++];
}

/* report_fact - one fact about a recipient */
static void
report_fact(struct ffmon_report *r, const char *addr, enum ffmon_rstate s,
    const char *when, const char *detail)
{
	struct report_rcpt *x;
	int	fresh;

	if (addr == NULL || (x = report_find(r, addr, 1)) == NULL)
		return;
	r->rp_facts++;
	fresh = x->r_time[0] == '\0';
	if (!fresh && s < x->r_state)
		return;
	x->r_state = s;
	snprintf(x->r_time, sizeof(x->r_time), "%s", when ? when : "-");
	snprintf(x->r_detail, sizeof(x->r_detail), "%s", detail);
}

/* report_hop_name - "cn=store,cn=..." -> "store" for the detail */
static void
report_hop_name(const char *hop, char *buf, size_t len)
{
	size_t	n;

	if (hop == NULL) {
		snprintf(buf, len, "?");
		return;
	}
	if (strncasecmp(hop, "cn=", 3) == 0)
		hop += 3;
	n = strcspn(hop, ",");
	snprintf(buf, len, "%.*s", (int)n, hop);
}

/* report_track_fact - what one tracking line says */
static void
report_track_fact(struct ffmon_report *r, const struct ffmon_track_line *t)
{
	const char *ev = ffmon_track_get(t, "event");
	const char *to = ffmon_track_get(t, "to");
	const char *res = ffmon_track_get(t, "result");
	const char *agent = ffmon_track_get(t, "agent"), *seen;
	char	d[REPORT_DETAIL_MAX], hop[128];
	struct report_rcpt *x;

	if (ev == NULL || agent == NULL)
		return;
	res = res != NULL ? res : "";
	report_hop_name(ffmon_track_get(t, "hop"), hop, sizeof(hop));
	if (strcmp(ev, "received") == 0) {
		if (r->rp_from == NULL && ffmon_track_get(t, "from") != NULL) {
			r->rp_from = mmhs_strdup(ffmon_track_get(t, "from"));
			snprintf(r->rp_submitted, sizeof(r->rp_submitted),
			    "%s", t->tl_time);
		}
		if (r->rp_prec == NULL && ffmon_track_get(t, "prec") != NULL)
			r->rp_prec = mmhs_strdup(ffmon_track_get(t, "prec"));
		report_fact(r, to, FFMON_R_PENDING, t->tl_time, "accepted");
	} else if (strcmp(ev, "deferred") == 0) {
		snprintf(d, sizeof(d), "deferred: %s", res);
		report_fact(r, to, FFMON_R_PENDING, t->tl_time, d);
	} else if (strcmp(ev, "delivered") == 0) {
		snprintf(d, sizeof(d), "delivered to %s", hop);
		report_fact(r, to, FFMON_R_DELIVERED, t->tl_time, d);
	} else if (strcmp(ev, "relayed") == 0) {
		snprintf(d, sizeof(d), "relayed to %s", hop);
		report_fact(r, to, FFMON_R_RELAYED, t->tl_time, d);
	} else if (strcmp(ev, "bounced") == 0 || strcmp(ev, "expired") == 0 ||
	    strcmp(ev, "refused") == 0) {
		snprintf(d, sizeof(d), "%s: %s", ev, res);
		report_fact(r, to, FFMON_R_FAILED, t->tl_time, d);
	} else if (strcmp(ev, "filed") == 0) {
		snprintf(d, sizeof(d), "filed in %s",
		    ffmon_track_get(t, "folder") ? ffmon_track_get(t,
		    "folder") : "the mailbox");
		report_fact(r, to, FFMON_R_DELIVERED, t->tl_time, d);
	} else if (strcmp(ev, "read") == 0 && strcmp(agent, "store") == 0) {
		report_fact(r, to, FFMON_R_READ, t->tl_time, "opened");
	} else if (strcmp(ev, "deleted") == 0 &&
	    strcmp(agent, "store") == 0) {
		seen = ffmon_track_get(t, "seen");
		report_fact(r, to, seen != NULL && strcmp(seen, "1") == 0 ?
		    FFMON_R_READ : FFMON_R_NOT_READ, t->tl_time, seen != NULL &&
		    strcmp(seen, "1") == 0 ? "opened, then deleted" :
		    "deleted unopened");
	} else if (strcmp(ev, "redirected") == 0 ||
	    strcmp(ev, "overdue") == 0) {
		snprintf(d, sizeof(d), "not opened within %s s; %s%s",
		    ffmon_track_get(t, "deadline") ? ffmon_track_get(t,
		    "deadline") : "?", strcmp(ev, "overdue") == 0 ?
		    "not redirected: " : "", res);
		report_fact(r, to, FFMON_R_OVERDUE, t->tl_time, d);
		if (to != NULL && (x = report_find(r, to, 0)) != NULL)
			snprintf(x->r_redirect, sizeof(x->r_redirect), "%s",
			    d);
	}
}

/* ffmon_report_line - a tracking log line */
int
ffmon_report_line(struct ffmon_report *r, const char *line)
{
	struct ffmon_track_line *t = mmhs_malloc(sizeof(*t));
	const char *id;
	int	ours = 0;

	if (ffmon_track_parse(line, t) == 0 &&
	    (id = ffmon_track_get(t, "msgid")) != NULL &&
	    strcmp(id, r->rp_msgid) == 0) {
		report_track_fact(r, t);
		ours = 1;
	}
	mmhs_free(t);
	return ours;
}

/* report_dsn_fact - the recipients of a parsed delivery-status part */
static void
report_dsn_fact(struct ffmon_report *r, const struct mmhs_dsn_report *rep)
{
	static const enum ffmon_rstate st[] = {
		[MMHS_DSN_FAILED] = FFMON_R_FAILED,
		[MMHS_DSN_DELAYED] = FFMON_R_PENDING,
		[MMHS_DSN_DELIVERED] = FFMON_R_DELIVERED,
		[MMHS_DSN_RELAYED] = FFMON_R_RELAYED,
		[MMHS_DSN_EXPANDED] = FFMON_R_DELIVERED,
	};
	const struct mmhs_dsn_status *s;
	char	d[REPORT_DETAIL_MAX];
	size_t	i;

	for (i = 0; i < rep->rp_nrcpt; i++) {
		s = &rep->rp_rcpt[i];
		snprintf(d, sizeof(d), "DSN from %.100s: %s %s%s%.200s",
		    rep->rp_reporting_mta, mmhs_dsn_action_name(s->ds_action),
		    s->ds_status, s->ds_diag[0] ? " " : "", s->ds_diag);
		report_fact(r, s->ds_orig[0] != '\0' ? s->ds_orig :
		    s->ds_final, st[s->ds_action], "(DSN)", d);
	}
}

/* ffmon_report_message - a DSN or MDN file */
int
ffmon_report_message(struct ffmon_report *r, const char *data, size_t len,
    char *err, size_t errlen)
{
	struct mmhs_mdn_report mdn;
	struct mmhs_dsn_report dsn;
	char	*status = NULL, d[REPORT_DETAIL_MAX];
	size_t	slen = 0;
	int	rc;

	rc = mmhs_mdn_parse_message(data, len, &mdn, err, errlen);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		if (strcmp(mdn.mr_orig_msgid, r->rp_msgid) != 0)
			return 0;
		snprintf(d, sizeof(d), "MDN: %s", mdn.mr_disposition);
		report_fact(r, mdn.mr_orig_rcpt[0] != '\0' ? mdn.mr_orig_rcpt :
		    mdn.mr_final_rcpt, mdn.mr_type == MMHS_MDN_DELETED ?
		    FFMON_R_NOT_READ : mdn.mr_type == MMHS_MDN_DISPLAYED ?
		    FFMON_R_READ : FFMON_R_DELIVERED, "(MDN)", d);
		return 1;
	}
	rc = ffmon_report_dsn_part(data, len, r->rp_msgid, &status, &slen,
	    err, errlen);
	if (rc <= 0)
		return rc;
	rc = mmhs_dsn_parse_status(status, slen, &dsn, err, errlen);
	mmhs_free(status);
	if (rc < 0)
		return -1;
	report_dsn_fact(r, &dsn);
	mmhs_dsn_report_free(&dsn);
	return 1;
}

/* ffmon_report_state - for tests and callers */
int
ffmon_report_state(const struct ffmon_report *r, const char *addr)
{
	size_t	i;

	for (i = 0; i < r->rp_n; i++)
		if (strcasecmp(r->rp_r[i].r_addr, addr) == 0)
			return (int)r->rp_r[i].r_state;
	return -1;
}

size_t
ffmon_report_count(const struct ffmon_report *r)
{
	return r->rp_n;
}

/* ffmon_report_print - the table */
void
ffmon_report_print(const struct ffmon_report *r, FILE *fp)
{
	const struct report_rcpt *x;
	size_t	i;

	fprintf(fp, "# message %s\n", r->rp_msgid);
	fprintf(fp, "# originator %s\n", r->rp_from != NULL ?
	    (*r->rp_from ? r->rp_from : "<>") : "-");
	fprintf(fp, "# precedence %s\n", r->rp_prec ? r->rp_prec : "-");
	fprintf(fp, "# submitted %s\n", r->rp_submitted[0] ?
	    r->rp_submitted : "-");
	fprintf(fp, "# recipient\tstate\tsince\tdetail\n");
	for (i = 0; i < r->rp_n; i++) {
		x = &r->rp_r[i];
		fprintf(fp, "%s\t%s\t%s\t%s%s%s%s\n", x->r_addr,
		    ffmon_rstate_name(x->r_state), x->r_time, x->r_detail,
		    x->r_redirect[0] && x->r_state != FFMON_R_OVERDUE ?
		    " (" : "", x->r_state != FFMON_R_OVERDUE ?
		    x->r_redirect : "", x->r_redirect[0] &&
		    x->r_state != FFMON_R_OVERDUE ? ")" : "");
	}
}
