/* test_ffmon.c - unit tests of mmhs-ffmon's pure parts
 *
 * Deadlines from policy entries, the choice of policy, the chain rule
 * that ends redirects, the hop records, the store's JSON, the state in
 * LMDB (written, reopened, pruned), the tracking log read back, and the
 * report built from tracking lines, a real DSN (lib/mmhs_dsn) and a
 * real MDN (lib/mmhs_mdn).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mmhs_alloc.h"
#include "mmhs_dsn.h"
#include "mmhs_mdn.h"
#include "mmhs_track.h"
#include "ffmon.h"
#include "unit.h"

#define NEL(a)	(sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------ */
/* Entries built by hand, as the cache returns them */

struct t_attr {
	const char *name;
	const char *vals[6];
};

/* t_entry - an entry of dn with the attributes given (NULL-ended) */
static mmhs_dircache_entry_t *
t_entry(const char *dn, const struct t_attr *attrs, size_t nattrs)
{
	mmhs_dircache_entry_t *e = mmhs_calloc(1, sizeof(*e));
	size_t	i, k;

	e->de_dn = mmhs_strdup(dn);
	e->de_nattrs = nattrs;
	e->de_attrs = mmhs_calloc(nattrs, sizeof(*e->de_attrs));
	for (i = 0; i < nattrs; i++) {
		e->de_attrs[i].da_name = mmhs_strdup(attrs[i].name);
		for (k = 0; attrs[i].vals[k] != NULL; k++)
			;
		e->de_attrs[i].da_nvals = k;
		e->de_attrs[i].da_vals = mmhs_calloc(k, sizeof(char *));
		e->de_attrs[i].da_lens = mmhs_calloc(k, sizeof(size_t));
		for (k = 0; attrs[i].vals[k] != NULL; k++) {
			e->de_attrs[i].da_vals[k] = mmhs_strdup(
			    attrs[i].vals[k]);
			e->de_attrs[i].da_lens[k] = strlen(attrs[i].vals[k]);
		}
	}
	return e;
}

/* ------------------------------------------------------------------ */
/* Deadlines and policies */

static const struct {
	const char *v;
	int	ok;
	enum mmhs_precedence prec;
	long	secs;
} deadline_cases[] = {
	{ "flash$600", 1, MMHS_PREC_FLASH, 600 },
	{ " Flash $ 5 ", 1, MMHS_PREC_FLASH, 5 },
	{ "ROUTINE$21600", 1, MMHS_PREC_ROUTINE, 21600 },
	{ "override$1", 1, MMHS_PREC_OVERRIDE, 1 },
	{ "flash", 0, 0, 0 },
	{ "flash$", 0, 0, 0 },
	{ "$5", 0, 0, 0 },
	{ "flash$0", 0, 0, 0 },
	{ "flash$-5", 0, 0, 0 },
	{ "flash$+5", 0, 0, 0 },
	{ "urgent$5", 0, 0, 0 },
	{ "flash$5$6", 0, 0, 0 },
	{ "flash$5x", 0, 0, 0 },
	{ "flash$99999999999", 0, 0, 0 },
	{ "flash$31622401", 0, 0, 0 },		/* a year and a second */
};

/* test_deadline_parse - the mmhsDeadline grammar */
static void
test_deadline_parse(void)
{
	enum mmhs_precedence p;
	char	err[256];
	long	s;
	size_t	i;
	int	rc;

	for (i = 0; i < NEL(deadline_cases); i++) {
		p = 0;
		s = 0;
		err[0] = '\0';
		rc = ffmon_deadline_parse(deadline_cases[i].v, &p, &s, err,
		    sizeof(err));
		UNIT_CHECK(deadline_cases[i].ok ? rc == 0 &&
		    p == deadline_cases[i].prec && s == deadline_cases[i].secs :
		    rc == -1 && strstr(err, deadline_cases[i].v) != NULL,
		    "\"%s\": rc %d prec %d secs %ld err \"%s\"",
		    deadline_cases[i].v, rc, (int)p, s, err);
	}
}

/* test_policy_entry - values of an entry, a bad one, a duplicate */
static void
test_policy_entry(void)
{
	static const struct t_attr a[] = {
		{ "cn", { "short-test", NULL } },
		{ "mmhsDeadline", { "flash$5", "immediate$10", "nonsense",
		    "flash$3", "routine$30", NULL } },
	};
	mmhs_dircache_entry_t *e = t_entry(
	    "cn=short-test,ou=Policies,cn=mod-main,ou=MMHS,c=XW", a, NEL(a));
	struct ffmon_policy p;
	char	err[256];
	int	bad;

	bad = ffmon_policy_from_entry(e, &p, err, sizeof(err));
	UNIT_CHECK(bad == 1 && strstr(err, "nonsense") != NULL &&
	    strstr(err, "cn=short-test") != NULL, "bad %d err \"%s\"", bad,
	    err);
	UNIT_CHECK(p.fp_secs[MMHS_PREC_FLASH] == 3, "flash %ld: the shorter "
	    "of two wins", p.fp_secs[MMHS_PREC_FLASH]);
	UNIT_CHECK(p.fp_secs[MMHS_PREC_IMMEDIATE] == 10 &&
	    p.fp_secs[MMHS_PREC_ROUTINE] == 30, "immediate/routine");
	UNIT_CHECK(p.fp_secs[MMHS_PREC_PRIORITY] == FFMON_NONE &&
	    p.fp_secs[MMHS_PREC_OVERRIDE] == FFMON_NONE,
	    "unlisted precedences have no deadline");
	UNIT_CHECK(ffmon_policy_min(&p) == 3, "min %ld",
	    ffmon_policy_min(&p));
	mmhs_dircache_entry_free(e);
	UNIT_CHECK(ffmon_policy_from_entry(NULL, &p, err, sizeof(err)) == 0 &&
	    ffmon_policy_min(&p) == FFMON_NONE, "no entry: no deadlines");
}

/* test_policy_dn - own policy, the mailbox's site, the agent's site */
static void
test_policy_dn(void)
{
	static const struct t_attr own[] = {
		{ "mmhsFFPolicy", { "cn=short-test,ou=Policies,cn=mod-main,"
		    "ou=MMHS,c=XW", NULL } },
		{ "mmhsSite", { "cn=mod-main,ou=MMHS,c=XW", NULL } },
	};
	static const struct t_attr site[] = {
		{ "mmhsSite", { "cn=1bg,ou=MMHS,c=XW", NULL } },
	};
	mmhs_dircache_entry_t *e1 = t_entry("cn=a,c=XW", own, NEL(own));
	mmhs_dircache_entry_t *e2 = t_entry("cn=b,c=XW", site, NEL(site));
	mmhs_dircache_entry_t *e3 = t_entry("cn=c,c=XW", NULL, 0);
	char	buf[256], tiny[8];
	int	rc;

	rc = ffmon_policy_dn(e1, "cn=x", buf, sizeof(buf));
	UNIT_CHECK(rc == 1 && strcmp(buf, "cn=short-test,ou=Policies,"
	    "cn=mod-main,ou=MMHS,c=XW") == 0, "own: %d %s", rc, buf);
	rc = ffmon_policy_dn(e2, "cn=x", buf, sizeof(buf));
	UNIT_CHECK(rc == 0 && strcmp(buf, "cn=default,ou=Policies,cn=1bg,"
	    "ou=MMHS,c=XW") == 0, "mailbox site: %d %s", rc, buf);
	rc = ffmon_policy_dn(e3, "cn=mod-main,ou=MMHS,c=XW", buf, sizeof(buf));
	UNIT_CHECK(rc == 0 && strcmp(buf, "cn=default,ou=Policies,"
	    "cn=mod-main,ou=MMHS,c=XW") == 0, "agent site: %d %s", rc, buf);
	UNIT_CHECK(ffmon_policy_dn(e3, "cn=mod-main", tiny, sizeof(tiny)) ==
	    -1, "short buffer");
	mmhs_dircache_entry_free(e1);
	mmhs_dircache_entry_free(e2);
	mmhs_dircache_entry_free(e3);
}

/* ------------------------------------------------------------------ */
/* The chain rule */

#define OPS	"cn=Operations Officer,o=MMHS Test Cell,o=Defence,c=XW"
#define DO	"cn=Duty Officer,o=MMHS Test Cell,o=Defence,c=XW"
#define TO	"cn=Test Officer,o=MMHS Test Cell,o=Defence,c=XW"

/* t_hop - a hop record */
static struct ffmon_hop
t_hop(const char *from, const char *to)
{
	struct ffmon_hop h;

	memset(&h, 0, sizeof(h));
	h.h_at = 1000;
	snprintf(h.h_from, sizeof(h.h_from), "%s", from);
	snprintf(h.h_to, sizeof(h.h_to), "%s", to);
	return h;
}

/* test_verdict - each outcome, and the test cell's cycle ends */
static void
test_verdict(void)
{
	struct ffmon_hop h[3];
	enum ffmon_verdict v;

	UNIT_CHECK(ffmon_verdict(OPS, NULL, NULL, 0) == FFMON_NO_AP &&
	    ffmon_verdict(OPS, "", NULL, 0) == FFMON_NO_AP, "no AP");
	UNIT_CHECK(ffmon_verdict(OPS, DO, NULL, 0) == FFMON_REDIRECT,
	    "first redirect");
	UNIT_CHECK(ffmon_verdict(DO, "CN=duty officer, o=MMHS test cell,"
	    "o=defence,c=xw", NULL, 0) == FFMON_LOOP,
	    "its own action point (case and spaces differ)");
	/* ops -> DO done; the copy in DO goes to TO (DO's action point) */
	h[0] = t_hop(OPS, DO);
	UNIT_CHECK(ffmon_verdict(OPS, DO, h, 1) == FFMON_MARK_ONLY,
	    "sent before a restart: mark only");
	UNIT_CHECK(ffmon_verdict(DO, TO, h, 1) == FFMON_REDIRECT,
	    "chain: DO -> TO");
	/* DO -> TO done; TO's action point is DO, which had it */
	h[1] = t_hop(DO, TO);
	v = ffmon_verdict(TO, DO, h, 2);
	UNIT_CHECK(v == FFMON_LOOP, "cycle TO -> DO stops: %s",
	    ffmon_verdict_name(v));
	/* a mailbox that had sent it on is not a target again */
	UNIT_CHECK(ffmon_verdict("cn=x,c=XW", OPS, h, 2) == FFMON_LOOP,
	    "back to the first mailbox");
	UNIT_CHECK(ffmon_verdict("cn=x,c=XW", "cn=y,c=XW", h, 2) ==
	    FFMON_REDIRECT, "unrelated mailboxes");
}

/* test_hops - records written and read back */
static void
test_hops(void)
{
	struct ffmon_hop h[3], back[4];
	char	buf[1024], tiny[16];
	size_t	n;
	int	len;
	const char *bad = "x\tcn=a\tcn=b\n12\tcn=a\n13\tcn=a\tcn=b\tcn=c\n"
	    "14\tcn=a\tcn=b\n";

	h[0] = t_hop(OPS, DO);
	h[1] = t_hop(DO, TO);
	h[1].h_at = 2000;
	len = ffmon_hops_format(h, 2, buf, sizeof(buf));
	UNIT_CHECK(len > 0 && (size_t)len == strlen(buf), "format %d", len);
	n = ffmon_hops_parse(buf, (size_t)len, back, NEL(back));
	UNIT_CHECK(n == 2 && back[1].h_at == 2000 &&
	    strcmp(back[0].h_from, OPS) == 0 && strcmp(back[1].h_to, TO) == 0,
	    "round trip: %zu", n);
	UNIT_CHECK(ffmon_hops_parse(buf, (size_t)len, back, 1) == 1, "max");
	n = ffmon_hops_parse(bad, strlen(bad), back, NEL(back));
	UNIT_CHECK(n == 1 && back[0].h_at == 14, "bad lines skipped: %zu", n);
	UNIT_CHECK(ffmon_hops_format(h, 2, tiny, sizeof(tiny)) == -1,
	    "short buffer");
	h[2] = t_hop("cn=a\tb", DO);
	UNIT_CHECK(ffmon_hops_format(&h[2], 1, buf, sizeof(buf)) == -1,
	    "a tab in a DN is refused");
}

/* test_msg_key - Message-ID, or a stable hash that is no Message-ID */
static void
test_msg_key(void)
{
	const char *with = "From: a@x\r\nMessage-ID: <k@x>\r\n\r\nb\r\n";
	const char *without = "From: a@x\r\nDate: d\r\nSubject: s\r\n"
	    "\r\nb\r\n";
	/* the same fields behind an added trace field: the same key */
	const char *copy = "Received: from x by y\r\nFrom: a@x\r\n"
	    "Date: d\r\nSubject: s\r\n\r\nb\r\n";
	const char *other = "From: a@x\r\nDate: d\r\nSubject: t\r\n"
	    "\r\nb\r\n";
	char	*k1, *k2, *k3, *k4;
	int	real = -1;

	k1 = ffmon_msg_key(with, strlen(with), &real);
	UNIT_CHECK(real == 1 && strcmp(k1, "<k@x>") == 0, "Message-ID: %s",
	    k1);
	k2 = ffmon_msg_key(without, strlen(without), &real);
	UNIT_CHECK(real == 0 && strncmp(k2, "no-message-id ", 14) == 0,
	    "hash key: %s", k2);
	k3 = ffmon_msg_key(copy, strlen(copy), &real);
	k4 = ffmon_msg_key(other, strlen(other), &real);
	UNIT_CHECK(strcmp(k2, k3) == 0 && strcmp(k2, k4) != 0,
	    "stable across trace fields, differs with the subject");
	mmhs_free(k1);
	mmhs_free(k2);
	mmhs_free(k3);
	mmhs_free(k4);
}

/* test_is_report - DSNs and MDNs have no deadline */
static void
test_is_report(void)
{
	static const struct {
		const char *m;
		int	yes;
	} c[] = {
		{ "Content-Type: multipart/report; report-type=delivery-"
		    "status;\r\n boundary=b\r\n\r\n", 1 },
		{ "Content-Type: Multipart/Report;report-type=disposition-"
		    "notification\r\n\r\n", 1 },
		{ "Content-Type: (c) multipart/report\r\n\r\n", 1 },
		{ "Content-Type: multipart/reports\r\n\r\n", 0 },
		{ "Content-Type: multipart/mixed; boundary=b\r\n\r\n", 0 },
		{ "Subject: multipart/report\r\n\r\n", 0 },
		{ "\r\n", 0 },
	};
	size_t	i;

	for (i = 0; i < NEL(c); i++)
		UNIT_CHECK(ffmon_is_report(c[i].m, strlen(c[i].m)) == c[i].yes,
		    "case %zu", i);
}

/* ------------------------------------------------------------------ */
/* The store's JSON */

/* test_store_json - the unread list */
static void
test_store_json(void)
{
	static const char good[] = "{\"messages\":["
	    "{\"mailbox\":\"ops.testcell@mod.westland.example\",\"dn\":\""
	    OPS "\",\"id\":7,\"precedence\":\"flash\",\"received\":1000},"
	    "{\"mailbox\":\"a@b\",\"dn\":\"cn=a\",\"id\":\"12\","
	    "\"precedence\":2,\"received\":\"2026-11-28T22:00:05.250Z\","
	    "\"return_path\":\"\",\"message_id\":\"<m@x>\"},"
	    "{\"mailbox\":\"c@d\",\"dn\":\"cn=c\",\"id\":1,"
	    "\"received\":5}]}";
	static const char *const bad[] = {
		"not json", "{}", "{\"messages\":{}}",
		"{\"messages\":[{\"dn\":\"cn=a\",\"id\":1,\"received\":1}]}",
		"{\"messages\":[{\"mailbox\":\"a\",\"dn\":\"cn=a\",\"id\":1,"
		    "\"received\":\"yesterday\"}]}",
		"{\"messages\":[{\"mailbox\":\"a\",\"dn\":\"cn=a\",\"id\":1,"
		    "\"received\":1,\"precedence\":\"urgent\"}]}",
		"{\"messages\":[{\"mailbox\":\"a\",\"dn\":\"cn=a\",\"id\":1,"
		    "\"received\":1,\"precedence\":9}]}",
	};
	struct ffmon_pending *p;
	char	err[256];
	size_t	n, i;
	int	rc;

	rc = ffmon_store_parse_unread(good, strlen(good), &p, &n, err,
	    sizeof(err));
	UNIT_CHECK(rc == 0 && n == 3, "good list: %d %zu %s", rc, n, err);
	if (rc == 0 && n == 3) {
		UNIT_CHECK(strcmp(p[0].fp_id, "7") == 0 &&
		    p[0].fp_prec == MMHS_PREC_FLASH &&
		    p[0].fp_received == 1000 && p[0].fp_return_path == NULL &&
		    strcmp(p[0].fp_dn, OPS) == 0, "first entry");
		UNIT_CHECK(strcmp(p[1].fp_id, "12") == 0 &&
		    p[1].fp_prec == MMHS_PREC_PRIORITY &&
		    p[1].fp_received == 1795903205 &&
		    strcmp(p[1].fp_return_path, "") == 0 &&
		    strcmp(p[1].fp_message_id, "<m@x>") == 0,
		    "second entry: received %lld",
		    (long long)p[1].fp_received);
		UNIT_CHECK(p[2].fp_prec == MMHS_PREC_ROUTINE,
		    "no precedence: routine");
	}
	ffmon_pending_free(p, n);
	for (i = 0; i < NEL(bad); i++) {
		err[0] = '\0';
		rc = ffmon_store_parse_unread(bad[i], strlen(bad[i]), &p, &n,
		    err, sizeof(err));
		UNIT_CHECK(rc == -1 && p == NULL && n == 0 && err[0] != '\0',
		    "bad %zu refused: %d \"%s\"", i, rc, err);
		ffmon_pending_free(p, n);
	}
}

/* ------------------------------------------------------------------ */
/* The state */

/* test_state - hops and alerts survive a reopen; pruning */
static void
test_state(void)
{
	char	dir[] = "test_ffmon_state.XXXXXX", err[256], cmd[128];
	const char *keep[] = { "cn=a 2" };
	struct ffmon_state *st;
	struct ffmon_hop h, back[4];
	size_t	n;

	if (mkdtemp(dir) == NULL) {
		UNIT_CHECK(0, "mkdtemp failed");
		return;
	}
	st = ffmon_state_open(dir, err, sizeof(err));
	UNIT_CHECK(st != NULL, "open: %s", err);
	if (st == NULL)
		return;
	h = t_hop(OPS, DO);
	h.h_at = time(NULL);
	UNIT_CHECK(ffmon_state_add_hop(st, "<m1@x>", &h, err,
	    sizeof(err)) == 0, "add hop: %s", err);
	h = t_hop(DO, TO);
	h.h_at = 100;			/* long ago */
	UNIT_CHECK(ffmon_state_add_hop(st, "<m1@x>", &h, err,
	    sizeof(err)) == 0 && ffmon_state_add_hop(st, "<old@x>", &h, err,
	    sizeof(err)) == 0, "add hops: %s", err);
	UNIT_CHECK(ffmon_state_raise(st, "cn=a 1", 50, FFMON_ALERTED, err,
	    sizeof(err)) == 0 && ffmon_state_raise(st, "cn=a 2", 50,
	    FFMON_EXEMPT, err, sizeof(err)) == 0, "raise: %s", err);
	ffmon_state_close(st);
	st = ffmon_state_open(dir, err, sizeof(err));
	UNIT_CHECK(st != NULL, "reopen: %s", err);
	if (st == NULL)
		return;
	n = ffmon_state_hops(st, "<m1@x>", back, NEL(back));
	UNIT_CHECK(n == 2 && strcmp(back[0].h_from, OPS) == 0 &&
	    strcmp(back[1].h_to, TO) == 0, "hops after reopen: %zu", n);
	UNIT_CHECK(ffmon_state_hops(st, "<none@x>", back, NEL(back)) == 0,
	    "unknown message");
	UNIT_CHECK(ffmon_state_alerted(st, "cn=a 1") == FFMON_ALERTED &&
	    ffmon_state_alerted(st, "cn=a 2") == FFMON_EXEMPT &&
	    ffmon_state_alerted(st, "cn=a 1") != FFMON_STOPPED &&
	    ffmon_state_alerted(st, "cn=a 3") == 0, "settled after reopen");
	UNIT_CHECK(ffmon_state_prune(st, keep, NEL(keep), 1000) == 2,
	    "prune: one alert, one old hop list");
	UNIT_CHECK(!ffmon_state_alerted(st, "cn=a 1") &&
	    ffmon_state_alerted(st, "cn=a 2"), "the kept alert stays");
	UNIT_CHECK(ffmon_state_hops(st, "<old@x>", back, NEL(back)) == 0 &&
	    ffmon_state_hops(st, "<m1@x>", back, NEL(back)) == 2,
	    "a list with a recent hop stays whole");
	ffmon_state_close(st);
	UNIT_CHECK(ffmon_state_open("/nonexistent/dir/x", err,
	    sizeof(err)) == NULL && err[0] != '\0', "bad dir: %s", err);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	(void) !system(cmd);
}

/* ------------------------------------------------------------------ */
/* The tracking log read back */

/* t_line - a tracking line as lib/mmhs_track writes it */
static void
t_line(char *buf, size_t len, const char *agent,
    const struct mmhs_track_event *ev)
{
	int	n = snprintf(buf, len, "2026-11-28T22:00:00.123Z ");

	UNIT_CHECK(mmhs_track_format(agent, ev, buf + n, len - (size_t)n) > 0,
	    "format");
	strcat(buf, "\n");
}

/* test_track_parse - mmhs_track_format, read back */
static void
test_track_parse(void)
{
	struct mmhs_track_event ev;
	struct ffmon_track_line *tl = mmhs_malloc(sizeof(*tl));
	char	line[2048];
	static const char *const bad[] = {
		"", "no time here", "2026-11-28T22:00:00.123Z",
		"2026-11-28T22:00:00.123Z novalue",
		"2026-11-28T22:00:00.123Z a=\"unterminated",
		"2026-11-28T22:00:00.123Z a=\"x\"b=c",
	};
	size_t	i;

	memset(&ev, 0, sizeof(ev));
	ev.te_event = "redirected";
	ev.te_msgid = "<1@x>";
	ev.te_to = "ops@x";
	ev.te_result = "redirected to \"do\" \\ now";
	ev.te_extra = "mailbox=\"" OPS "\" deadline=5";
	t_line(line, sizeof(line), "ffmon", &ev);
	UNIT_CHECK(ffmon_track_parse(line, tl) == 0, "parse \"%s\"", line);
	UNIT_CHECK(strcmp(tl->tl_time, "2026-11-28T22:00:00.123Z") == 0 &&
	    strcmp(ffmon_track_get(tl, "agent"), "ffmon") == 0 &&
	    strcmp(ffmon_track_get(tl, "msgid"), "<1@x>") == 0 &&
	    strcmp(ffmon_track_get(tl, "result"),
	    "redirected to \"do\" \\ now") == 0 &&
	    strcmp(ffmon_track_get(tl, "mailbox"), OPS) == 0 &&
	    strcmp(ffmon_track_get(tl, "deadline"), "5") == 0 &&
	    ffmon_track_get(tl, "hop") == NULL, "values");
	for (i = 0; i < NEL(bad); i++)
		UNIT_CHECK(ffmon_track_parse(bad[i], tl) == -1,
		    "bad line %zu refused", i);
	mmhs_free(tl);
}

/* ------------------------------------------------------------------ */
/* The report */

/* t_feed - one tracking line into the report */
static int
t_feed(struct ffmon_report *r, const char *agent, const char *event,
    const char *msgid, const char *to, const char *hop, const char *result,
    const char *extra)
{
	struct mmhs_track_event ev;
	char	line[2048];

	memset(&ev, 0, sizeof(ev));
	ev.te_event = event;
	ev.te_msgid = msgid;
	ev.te_from = "anwen.lacey@x";
	ev.te_prec = "flash";
	ev.te_to = to;
	ev.te_hop = hop;
	ev.te_result = result;
	ev.te_extra = extra;
	t_line(line, sizeof(line), agent, &ev);
	return ffmon_report_line(r, line);
}

struct t_buf {
	char	*b;
	size_t	n;
};

/* t_sink - collect written octets */
static int
t_sink(void *ctx, const char *buf, size_t len)
{
	struct t_buf *o = ctx;

	o->b = mmhs_realloc(o->b, o->n + len + 1);
	memcpy(o->b + o->n, buf, len);
	o->n += len;
	o->b[o->n] = '\0';
	return 0;
}

/* test_report_track - states from tracking lines, any order */
static void
test_report_track(void)
{
	struct ffmon_report *r = ffmon_report_new("<1@x>");
	const char *store = "cn=store,cn=mod-main,ou=MMHS,c=XW";

	/* the strongest state wins: feed a late fact first */
	UNIT_CHECK(t_feed(r, "ffmon", "redirected", "<1@x>", "a@x", NULL,
	    "redirected to do@x", "deadline=5") == 1, "ours");
	UNIT_CHECK(t_feed(r, "mta", "received", "<2@x>", "a@x", NULL, "250",
	    NULL) == 0, "another message ignored");
	t_feed(r, "mta", "received", "<1@x>", "a@x", NULL, "250", NULL);
	t_feed(r, "mta", "received", "<1@x>", "b@x", NULL, "250", NULL);
	t_feed(r, "mta", "received", "<1@x>", "c@x", NULL, "250", NULL);
	t_feed(r, "mta", "received", "<1@x>", "d@y", NULL, "250", NULL);
	t_feed(r, "mta", "received", "<1@x>", "e@x", NULL, "250", NULL);
	t_feed(r, "mta", "delivered", "<1@x>", "a@x", store, "250", NULL);
	t_feed(r, "store", "filed", "<1@x>", "a@x", NULL, "250",
	    "mailbox=\"cn=a\" folder=Inbox id=1");
	t_feed(r, "mta", "delivered", "<1@x>", "b@x", store, "250", NULL);
	t_feed(r, "mta", "bounced", "<1@x>", "c@x", store,
	    "550 5.7.1 clearance", NULL);
	t_feed(r, "mta", "relayed", "<1@x>", "d@y", "mta-a.dlo", "250",
	    NULL);
	t_feed(r, "mta", "received", "<1@x>", "f@x", NULL, "250", NULL);
	t_feed(r, "store", "filed", "<1@x>", "f@x", NULL, "250", NULL);
	t_feed(r, "store", "read", "<1@x>", "e@x", NULL, NULL,
	    "mailbox=\"cn=e\" id=3");
	/* the MDN sent goes to the originator: no recipient of its own */
	t_feed(r, "store", "notified", "<1@x>", "orig@x", NULL, "250",
	    "disposition=displayed mailbox=\"cn=e\" id=3");
	t_feed(r, "store", "deleted", "<1@x>", "f@x", NULL, NULL,
	    "mailbox=\"cn=f\" id=4 seen=0");
	UNIT_CHECK(ffmon_report_state(r, "a@x") == FFMON_R_OVERDUE,
	    "a overdue: %d", ffmon_report_state(r, "a@x"));
	UNIT_CHECK(ffmon_report_state(r, "b@x") == FFMON_R_DELIVERED, "b");
	UNIT_CHECK(ffmon_report_state(r, "c@x") == FFMON_R_FAILED, "c");
	UNIT_CHECK(ffmon_report_state(r, "d@y") == FFMON_R_RELAYED, "d");
	UNIT_CHECK(ffmon_report_state(r, "E@X") == FFMON_R_READ, "e read");
	UNIT_CHECK(ffmon_report_state(r, "f@x") == FFMON_R_NOT_READ,
	    "f deleted unread");
	UNIT_CHECK(ffmon_report_state(r, "z@x") == -1 &&
	    ffmon_report_state(r, "orig@x") == -1, "unknown");
	UNIT_CHECK(ffmon_report_count(r) == 6, "6 recipients: %zu",
	    ffmon_report_count(r));
	ffmon_report_free(r);
}

/* test_report_mdn_dsn - facts from a real MDN and a real DSN */
static void
test_report_mdn_dsn(void)
{
	struct ffmon_report *r = ffmon_report_new("<1@x>");
	struct mmhs_mdn_msg mm;
	struct mmhs_dsn_msg dm;
	struct mmhs_dsn_rcpt dr;
	struct t_buf o = { NULL, 0 };
	const char *orig = "From: anwen.lacey@x\r\nMessage-ID: <1@x>\r\n"
	    "Subject: s\r\n\r\nbody\r\n";
	char	err[256];
	int	rc;

	t_feed(r, "mta", "received", "<1@x>", "f@y", NULL, "250", NULL);
	t_feed(r, "mta", "relayed", "<1@x>", "f@y", "mta-a", "250", NULL);
	t_feed(r, "mta", "received", "<1@x>", "g@y", NULL, "250", NULL);
	memset(&mm, 0, sizeof(mm));
	mm.mm_host = "dlo.example";
	mm.mm_product = "OpenMMHS";
	mm.mm_from = "f@y";
	mm.mm_to = "anwen.lacey@x";
	mm.mm_final_rcpt = "f@y";
	mm.mm_orig_msgid = "<1@x>";
	mm.mm_precedence = -1;
	mm.mm_type = MMHS_MDN_DISPLAYED;
	rc = mmhs_mdn_write(&mm, t_sink, &o, NULL, 0, err, sizeof(err));
	UNIT_CHECK(rc == 0, "MDN written: %s", err);
	rc = ffmon_report_message(r, o.b, o.n, err, sizeof(err));
	UNIT_CHECK(rc == 1 && ffmon_report_state(r, "f@y") == FFMON_R_READ,
	    "MDN: %d %s", rc, err);
	mm.mm_orig_msgid = "<other@x>";
	o.n = 0;
	(void) mmhs_mdn_write(&mm, t_sink, &o, NULL, 0, err, sizeof(err));
	UNIT_CHECK(ffmon_report_message(r, o.b, o.n, err, sizeof(err)) == 0,
	    "an MDN about another message");
	memset(&dm, 0, sizeof(dm));
	memset(&dr, 0, sizeof(dr));
	dr.dr_final = "g@y";
	dr.dr_action = MMHS_DSN_FAILED;
	dr.dr_status = "5.1.1";
	dr.dr_diag = "550 5.1.1 no such user";
	dm.dm_reporting_mta = "mta.dlo.example";
	dm.dm_from = "MAILER-DAEMON@mta.dlo.example";
	dm.dm_return_path = "anwen.lacey@x";
	dm.dm_ret = MMHS_DSN_RET_HDRS;
	dm.dm_rcpt = &dr;
	dm.dm_nrcpt = 1;
	o.n = 0;
	rc = mmhs_dsn_write_buf(&dm, orig, strlen(orig), t_sink, &o, NULL,
	    err, sizeof(err));
	UNIT_CHECK(rc == 0, "DSN written: %s", err);
	rc = ffmon_report_message(r, o.b, o.n, err, sizeof(err));
	UNIT_CHECK(rc == 1 && ffmon_report_state(r, "g@y") == FFMON_R_FAILED,
	    "DSN: %d %s", rc, err);
	UNIT_CHECK(ffmon_report_message(r, "From: a\r\n\r\nhi\r\n", 16, err,
	    sizeof(err)) == 0, "a plain message is no report");
	UNIT_CHECK(ffmon_report_message(r, "Content-Type: multipart/mixed; "
	    "boundary=b\r\n\r\n--b\r\n\r\nx\r\n", 55, err, sizeof(err)) == -1,
	    "broken MIME refused");
	mmhs_free(o.b);
	ffmon_report_free(r);
}

static const struct unit_test policy_tests[] = {
	{ "mmhsDeadline grammar", test_deadline_parse },
	{ "policy from an entry", test_policy_entry },
	{ "which policy applies", test_policy_dn },
	{ "chain rule", test_verdict },
	{ "hop records", test_hops },
	{ "message keys", test_msg_key },
	{ "reports", test_is_report },
};

static const struct unit_test io_tests[] = {
	{ "store JSON", test_store_json },
	{ "state in LMDB", test_state },
	{ "tracking log read back", test_track_parse },
};

static const struct unit_test report_tests[] = {
	{ "states from the tracking log", test_report_track },
	{ "states from an MDN and a DSN", test_report_mdn_dsn },
};

static const struct unit_suite suites[] = {
	UNIT_SUITE("ffmon policy", policy_tests),
	UNIT_SUITE("ffmon store and state", io_tests),
	UNIT_SUITE("ffmon report", report_tests),
};

int
main(void)
{
	return unit_main(suites, sizeof(suites) / sizeof(suites[0]));
}
