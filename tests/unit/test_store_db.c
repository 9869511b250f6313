/* test_store_db.c - unit tests of the mailbox store (agents/store/store_db)
 *
 * A few thousand generated messages go into a fresh store while the
 * test keeps its own plain model of them (an array); every listing,
 * sorted and filtered, every counter and the ffmon list are compared
 * with what a brute-force scan of the model gives.  Then flags, moves,
 * expunges, a reopen, a read-only open and a full map.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mmhs_alloc.h"
#include "store_db.h"
#include "unit.h"

#define T_MBOX_A	"cn=Operations Officer,o=Joint Force Headquarters,c=XW"
#define T_MBOX_B	"cn=Duty Officer, o=Joint Force Headquarters, c=XW"
#define T_N		3000
#define T_T0		1767225600

struct t_msg {			/* the model of one stored message */
	int	m_live;
	int	m_mbox;		/* 0 A, 1 B */
	uint64_t m_id;
	char	m_folder[32];
	unsigned m_flags;
	int	m_prec, m_level;
	char	m_class[16], m_from[48], m_sic[3][8];
	int	m_nsic;
	time_t	m_date, m_received;
};

static char t_dir[64];
static struct store_db *t_db;
static struct t_msg t_model[T_N + 400];	/* room for later tests */
static size_t t_nmodel;
static unsigned t_rng = 12345;
static int t_notified;

static const char *const t_classes[] = {
	"UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET", "TOP SECRET"
};

static unsigned
t_rand(void)
{
	t_rng = t_rng * 1103515245u + 12345u;
	return (t_rng >> 8) & 0xffffff;
}

static const char *
t_mbox(int which)
{
	return which ? T_MBOX_B : T_MBOX_A;
}

static void
t_notify(void *arg, const struct store_msg *m)
{
	t_notified++;
}

/* t_deliver - one generated message into the store and the model */
static int
t_deliver(int mbox, const char *folder, unsigned flags)
{
	struct t_msg *m = &t_model[t_nmodel];
	const char *sics[3];
	char raw[512], err[256], subject[32];
	struct store_new nm;
	struct store_target t;
	int i, rc;

	if (t_nmodel == sizeof(t_model) / sizeof(*t_model)) {
		UNIT_CHECK(0, "the model is full");
		exit(1);
	}

	memset(m, 0, sizeof(*m));
	m->m_mbox = mbox;
	m->m_prec = (int) (t_rand() % 6);
	m->m_level = (int) (t_rand() % 6) - 1;	/* -1 unmarked */
	if (m->m_level >= 0)
		snprintf(m->m_class, sizeof(m->m_class), "%s",
		    t_classes[m->m_level % 5]);
	snprintf(m->m_from, sizeof(m->m_from), "sender%u@x.example",
	    t_rand() % 20);
	m->m_nsic = (int) (t_rand() % 4);
	for (i = 0; i < m->m_nsic; i++) {
		snprintf(m->m_sic[i], 8, "Z%c%c", 'A' + t_rand() % 4,
		    'A' + t_rand() % 3);
		sics[i] = m->m_sic[i];
	}
	/* Some dates repeat, some are absent: order falls back on id. */
	m->m_received = T_T0 + (time_t) t_nmodel;
	m->m_date = t_rand() % 10 == 0 ? 0 : T_T0 - (time_t) (t_rand() % 500);
	snprintf(m->m_folder, sizeof(m->m_folder), "%s", folder);
	m->m_flags = flags;
	snprintf(raw, sizeof(raw), "From: %s\r\nSubject: n%zu\r\n\r\n"
	    "body %zu\r\n", m->m_from, t_nmodel, t_nmodel);
	memset(&nm, 0, sizeof(nm));
	nm.nm_prec = (enum mmhs_precedence) m->m_prec;
	nm.nm_class = m->m_level >= 0 ? m->m_class : NULL;
	nm.nm_class_level = m->m_level;
	nm.nm_nsic = (size_t) m->m_nsic;
	nm.nm_sic = sics;
	nm.nm_date = m->m_date;
	nm.nm_from = m->m_from;
	snprintf(subject, sizeof(subject), "n%zu", t_nmodel);
	nm.nm_subject = subject;
	nm.nm_type = -1;
	nm.nm_received = m->m_received;
	nm.nm_data = raw;
	nm.nm_len = strlen(raw);
	memset(&t, 0, sizeof(t));
	t.st_mailbox = t_mbox(mbox);
	t.st_folder = folder;
	t.st_flags = flags;
	rc = store_db_deliver(t_db, &nm, &t, 1, err, sizeof(err));
	UNIT_CHECK(rc == STORE_OK, "deliver %zu: %s", t_nmodel, err);
	m->m_id = t.st_id;
	m->m_live = rc == STORE_OK;
	t_nmodel++;
	return rc;
}

static const char *const t_folders[] = { "Inbox", "Flash", "Archive" };

/* test_fill - thousands of messages in two mailboxes and three folders */
static void
test_fill(void)
{
	char err[256];
	size_t i;

	snprintf(t_dir, sizeof(t_dir), "test_store_db.%ld", (long) getpid());
	t_db = store_db_open(t_dir, STORE_DB_NOSYNC, 0, err, sizeof(err));
	UNIT_CHECK(t_db != NULL, "open: %s", err);
	if (t_db == NULL)
		exit(1);
	store_db_set_notify(t_db, t_notify, NULL);
	for (i = 0; i < T_N; i++)
		t_deliver((int) (t_rand() % 4 == 0), t_folders[t_rand() % 3],
		    t_rand() % 3 == 0 ? STORE_F_SEEN : 0);
	UNIT_CHECK(t_notified == T_N, "notified %d times", t_notified);
	for (i = 1; i < T_N; i++)
		if (t_model[i].m_mbox == t_model[i - 1].m_mbox)
			UNIT_CHECK(t_model[i].m_id > t_model[i - 1].m_id,
			    "ids must increase (%zu)", i);
}

/* ---------------------------------------------------------------- */
/* The model's answer to a query */

static const struct store_query *t_cmp_q;

static int
t_sortkey(const struct t_msg *m, int sort)
{
	return sort == STORE_SORT_PRECEDENCE ? m->m_prec :
	    sort == STORE_SORT_CLASSIFICATION ? m->m_level + 1 : 0;
}

static int
t_cmp(const void *a, const void *b)
{
	const struct t_msg *x = *(const struct t_msg *const *) a;
	const struct t_msg *y = *(const struct t_msg *const *) b;
	time_t dx = x->m_date ? x->m_date : x->m_received;
	time_t dy = y->m_date ? y->m_date : y->m_received;
	int kx = t_sortkey(x, t_cmp_q->q_sort), ky = t_sortkey(y,
	    t_cmp_q->q_sort), c;

	c = kx != ky ? (kx < ky ? -1 : 1) : dx != dy ? (dx < dy ? -1 : 1) :
	    x->m_id != y->m_id ? (x->m_id < y->m_id ? -1 : 1) : 0;
	return t_cmp_q->q_desc ? -c : c;
}

static int
t_matches(const struct t_msg *m, int mbox, const struct store_query *q)
{
	int i, ok;

	if (!m->m_live || m->m_mbox != mbox ||
	    strcmp(m->m_folder, q->q_folder ? q->q_folder : "Inbox") != 0)
		return 0;
	if (q->q_unread && (m->m_flags & STORE_F_SEEN))
		return 0;
	if (q->q_prec_set && !(q->q_prec_set & (1u << m->m_prec)))
		return 0;
	if (q->q_class && strcasecmp(q->q_class, m->m_class) != 0)
		return 0;
	if (q->q_originator && strcasecmp(q->q_originator, m->m_from) != 0)
		return 0;
	if (q->q_sic == NULL)
		return 1;
	for (ok = 0, i = 0; i < m->m_nsic; i++)
		ok |= strcasecmp(q->q_sic, m->m_sic[i]) == 0;
	return ok;
}

/* t_check_query - store_db_list against the model */
static void
t_check_query(int mbox, const struct store_query *q, const char *what)
{
	const struct t_msg **want = mmhs_calloc(t_nmodel + 1, sizeof(*want));
	struct store_list l;
	size_t n = 0, i, limit = q->q_limit ? q->q_limit : 50;
	char err[256];
	int rc;

	for (i = 0; i < t_nmodel; i++)
		if (t_matches(&t_model[i], mbox, q))
			want[n++] = &t_model[i];
	t_cmp_q = q;
	qsort(want, n, sizeof(*want), t_cmp);
	rc = store_db_list(t_db, t_mbox(mbox), q, &l, err, sizeof(err));
	UNIT_CHECK(rc == STORE_OK, "%s: %s", what, err);
	UNIT_CHECK(l.sl_total == n, "%s: total %zu, want %zu", what,
	    l.sl_total, n);
	for (i = 0; i < limit && q->q_offset + i < n; i++) {
		const struct t_msg *w = want[q->q_offset + i];

		if (i >= l.sl_count) {
			UNIT_CHECK(0, "%s: page has %zu, want more", what,
			    l.sl_count);
			break;
		}
		UNIT_CHECK(l.sl_msgs[i].sm_id == w->m_id &&
		    l.sl_msgs[i].sm_flags == w->m_flags &&
		    strcmp(l.sl_msgs[i].sm_folder, w->m_folder) == 0,
		    "%s: row %zu is id %llu, want %llu", what, i,
		    (unsigned long long) l.sl_msgs[i].sm_id,
		    (unsigned long long) w->m_id);
	}
	UNIT_CHECK(l.sl_count == i, "%s: page has %zu, want %zu", what,
	    l.sl_count, i);
	store_list_free(&l);
	mmhs_free(want);
}

/* t_check_all - many queries on both mailboxes and every folder */
static void
t_check_all(const char *stage)
{
	static const unsigned precs[] = { 0, 1u << 4, 1u << 4 | 1u << 3,
	    0x3f };
	struct store_query q;
	char what[160];
	int mbox, f, sort, desc;
	size_t p;

	for (mbox = 0; mbox < 2; mbox++)
	for (f = 0; f < 3; f++)
	for (sort = 0; sort < 3; sort++)
	for (desc = 0; desc < 2; desc++)
	for (p = 0; p < sizeof(precs) / sizeof(*precs); p++) {
		memset(&q, 0, sizeof(q));
		q.q_folder = t_folders[f];
		q.q_sort = (enum store_sort) sort;
		q.q_desc = desc;
		q.q_prec_set = precs[p];
		q.q_offset = (size_t) (t_rand() % 3) * 37;
		q.q_limit = 1 + t_rand() % 60;
		snprintf(what, sizeof(what), "%s mbox %d %s sort %d desc %d "
		    "prec %#x", stage, mbox, q.q_folder, sort, desc, precs[p]);
		t_check_query(mbox, &q, what);
		q.q_unread = 1;
		t_check_query(mbox, &q, what);
		q.q_unread = 0;
		q.q_prec_set = 0;
		q.q_sic = p == 0 ? "ZAA" : p == 1 ? "zbb" : NULL;
		q.q_class = p == 2 ? "secret" : NULL;
		q.q_originator = p == 3 ? "SENDER7@x.example" : NULL;
		t_check_query(mbox, &q, what);
	}
}

/* t_check_counts - folders and mailbox totals against the model */
static void
t_check_counts(const char *stage)
{
	struct store_folder *f;
	size_t n, i, j, total, unread, mt, mu;
	char err[256];
	int mbox;

	for (mbox = 0; mbox < 2; mbox++) {
		UNIT_CHECK(store_db_folders(t_db, t_mbox(mbox), &f, &n, err,
		    sizeof(err)) == STORE_OK, "%s folders: %s", stage, err);
		mt = mu = 0;
		for (i = 0; i < n; i++) {
			total = unread = 0;
			for (j = 0; j < t_nmodel; j++) {
				const struct t_msg *m = &t_model[j];

				if (!m->m_live || m->m_mbox != mbox ||
				    strcmp(m->m_folder, f[i].sf_name) != 0)
					continue;
				total++;
				unread += !(m->m_flags & STORE_F_SEEN);
			}
			UNIT_CHECK(f[i].sf_total == total &&
			    f[i].sf_unread == unread, "%s %d %s: %zu/%zu, want "
			    "%zu/%zu", stage, mbox, f[i].sf_name, f[i].sf_total,
			    f[i].sf_unread, total, unread);
			mt += total;
			mu += unread;
		}
		UNIT_CHECK(n > 0 && strcmp(f[0].sf_name, "Inbox") == 0,
		    "%s: Inbox first", stage);
		mmhs_free(f);
		store_db_mailbox_counts(t_db, t_mbox(mbox), &total, &unread,
		    err, sizeof(err));
		UNIT_CHECK(total == mt && unread == mu, "%s mailbox %d: "
		    "%zu/%zu, want %zu/%zu", stage, mbox, total, unread, mt, mu);
	}
}

/* t_check_pending - the ffmon list against the model */
static void
t_check_pending(const char *stage, time_t before)
{
	struct store_pending *p;
	size_t n, i, k = 0;
	char err[256];

	UNIT_CHECK(store_db_unread_before(t_db, before, 1000, &p, &n, err,
	    sizeof(err)) == STORE_OK, "%s pending: %s", stage, err);
	for (i = 0; i < t_nmodel && k < 1000; i++) {
		const struct t_msg *m = &t_model[i];

		if (!m->m_live || m->m_received >= before || (m->m_flags &
		    (STORE_F_SEEN | STORE_F_DELETED | STORE_F_REDIRECTED)))
			continue;
		if (k >= n) {
			UNIT_CHECK(0, "%s pending: %zu, want more", stage, n);
			break;
		}
		UNIT_CHECK(p[k].sp_id == m->m_id && p[k].sp_received ==
		    m->m_received && (int) p[k].sp_prec == m->m_prec &&
		    strcmp(p[k].sp_mailbox, t_mbox(m->m_mbox)) == 0,
		    "%s pending %zu: id %llu, want %llu", stage, k,
		    (unsigned long long) p[k].sp_id,
		    (unsigned long long) m->m_id);
		k++;
	}
	UNIT_CHECK(n == k, "%s pending: %zu, want %zu", stage, n, k);
	store_pending_free(p, n);
}

static void
test_list(void)
{
	t_check_all("fresh");
	t_check_counts("fresh");
	t_check_pending("fresh", T_T0 + 700);
}

/* test_change - flags, moves and expunges keep everything exact */
static void
test_change(void)
{
	unsigned old, now, add, rm;
	char err[256];
	size_t i;
	int rc;

	for (i = 0; i < t_nmodel; i += 3) {
		struct t_msg *m = &t_model[i];

		add = 1u << (t_rand() % 6);
		rm = t_rand() % 2 ? STORE_F_SEEN : 0;
		rc = store_db_flags(t_db, t_mbox(m->m_mbox), m->m_id, add, rm,
		    &old, &now, err, sizeof(err));
		UNIT_CHECK(rc == STORE_OK && old == m->m_flags &&
		    now == ((old | add) & ~rm), "flags %zu: %s", i, err);
		m->m_flags = (m->m_flags | add) & ~rm;
	}
	for (i = 1; i < t_nmodel; i += 7) {
		struct t_msg *m = &t_model[i];
		const char *to = i % 2 ? "Operations" : "inbox";

		rc = store_db_move(t_db, t_mbox(m->m_mbox), m->m_id, to, err,
		    sizeof(err));
		UNIT_CHECK(rc == STORE_OK, "move %zu: %s", i, err);
		snprintf(m->m_folder, sizeof(m->m_folder), "%s",
		    i % 2 ? "Operations" : "Inbox");
	}
	for (i = 2; i < t_nmodel; i += 11) {
		struct t_msg *m = &t_model[i];

		rc = store_db_expunge(t_db, t_mbox(m->m_mbox), m->m_id, &old,
		    err, sizeof(err));
		UNIT_CHECK(rc == STORE_OK && old == m->m_flags, "expunge %zu: "
		    "%s", i, err);
		m->m_live = 0;
		rc = store_db_flags(t_db, t_mbox(m->m_mbox), m->m_id,
		    STORE_F_SEEN, 0, NULL, NULL, err, sizeof(err));
		UNIT_CHECK(rc == STORE_NOTFOUND, "flags after expunge: %d", rc);
	}
	t_check_all("changed");
	t_check_counts("changed");
	t_check_pending("changed", T_T0 + 2000);
	UNIT_CHECK(store_db_move(t_db, T_MBOX_A, t_model[0].m_id, " bad",
	    err, sizeof(err)) == STORE_INVALID, "leading space is refused");
	UNIT_CHECK(store_db_move(t_db, T_MBOX_A, t_model[0].m_id, "a\tb",
	    err, sizeof(err)) == STORE_INVALID, "control char is refused");
	UNIT_CHECK(store_db_flags(t_db, "cn=nobody,c=XW", 1, STORE_F_SEEN, 0,
	    NULL, NULL, err, sizeof(err)) == STORE_NOTFOUND,
	    "unknown mailbox");
}

/* test_raw_dedup - bytes come back unchanged, and are kept once */
static void
test_raw_dedup(void)
{
	static const char raw[] = "From: a@b\r\nSubject: same\r\n\r\n"
	    "the same bytes to three mailboxes\r\n";
	struct store_target t[3];
	struct store_new nm;
	struct store_msg m;
	size_t mb0, msgs0, orig0, mb, msgs, orig, len;
	char err[256], *data;

	store_db_count(t_db, &mb0, &msgs0, &orig0, err, sizeof(err));
	memset(&nm, 0, sizeof(nm));
	nm.nm_data = raw;
	nm.nm_len = sizeof(raw) - 1;
	nm.nm_type = 2;
	nm.nm_class_level = -1;
	nm.nm_subject = "same";
	memset(t, 0, sizeof(t));
	t[0].st_mailbox = T_MBOX_A;
	t[1].st_mailbox = "CN=Operations Officer,O=Joint Force Headquarters,"
	    "C=XW";			/* the same mailbox, spelt otherwise */
	t[1].st_flags = STORE_F_INFO;
	t[2].st_mailbox = "cn=New Mailbox,c=XW";
	t[2].st_folder = "Fresh";
	UNIT_CHECK(store_db_deliver(t_db, &nm, t, 3, err, sizeof(err)) ==
	    STORE_OK, "deliver 3: %s", err);
	UNIT_CHECK(t[1].st_id == t[0].st_id + 1 && t[2].st_id == 1,
	    "ids %llu %llu %llu", (unsigned long long) t[0].st_id,
	    (unsigned long long) t[1].st_id, (unsigned long long) t[2].st_id);
	store_db_count(t_db, &mb, &msgs, &orig, err, sizeof(err));
	UNIT_CHECK(mb == mb0 + 1 && msgs == msgs0 + 3 && orig == orig0 + 1,
	    "count %zu %zu %zu after %zu %zu %zu", mb, msgs, orig, mb0, msgs0,
	    orig0);
	UNIT_CHECK(store_db_get(t_db, T_MBOX_A, t[1].st_id, &m, err,
	    sizeof(err)) == STORE_OK && m.sm_flags == STORE_F_INFO &&
	    m.sm_type == 2 && strcmp(m.sm_subject, "same") == 0 &&
	    m.sm_class_level == -1 && strcmp(m.sm_class, "") == 0 &&
	    strcmp(m.sm_mailbox, T_MBOX_A) == 0 && m.sm_size == nm.nm_len,
	    "get: %s", err);
	store_msg_free(&m);
	UNIT_CHECK(store_db_expunge(t_db, T_MBOX_A, t[0].st_id, NULL, err,
	    sizeof(err)) == STORE_OK, "expunge: %s", err);
	UNIT_CHECK(store_db_raw(t_db, "cn=new mailbox,c=xw", 1, &data, &len,
	    err, sizeof(err)) == STORE_OK && len == nm.nm_len &&
	    memcmp(data, raw, len) == 0, "raw after one expunge: %s", err);
	mmhs_free(data);
	store_db_expunge(t_db, T_MBOX_A, t[1].st_id, NULL, err, sizeof(err));
	store_db_expunge(t_db, "cn=New Mailbox,c=XW", 1, NULL, err,
	    sizeof(err));
	store_db_count(t_db, &mb, &msgs, &orig, err, sizeof(err));
	UNIT_CHECK(msgs == msgs0 && orig == orig0, "all references gone: "
	    "%zu %zu", msgs, orig);
	UNIT_CHECK(store_db_raw(t_db, T_MBOX_A, t[0].st_id, &data, &len, err,
	    sizeof(err)) == STORE_NOTFOUND, "raw of an expunged message");
}

/* test_reopen - everything survives close and open; ids go on */
static void
test_reopen(void)
{
	struct store_db *ro;
	char err[256];
	uint64_t last = 0;
	size_t i;

	store_db_close(t_db);
	t_db = store_db_open(t_dir, 0, 0, err, sizeof(err));
	UNIT_CHECK(t_db != NULL, "reopen: %s", err);
	if (t_db == NULL)
		exit(1);
	t_check_all("reopened");
	t_check_counts("reopened");
	t_check_pending("reopened", T_T0 + T_N);
	for (i = 0; i < t_nmodel; i++)
		if (t_model[i].m_mbox == 0 && t_model[i].m_id > last)
			last = t_model[i].m_id;
	t_deliver(0, "Inbox", 0);
	UNIT_CHECK(t_model[t_nmodel - 1].m_id > last + 2, "id %llu after %llu "
	    "and two expunged", (unsigned long long) t_model[t_nmodel - 1].m_id,
	    (unsigned long long) last);
	ro = store_db_open(t_dir, STORE_DB_RDONLY, 0, err, sizeof(err));
	UNIT_CHECK(ro != NULL, "read-only open: %s", err);
	if (ro != NULL) {
		UNIT_CHECK(store_db_flags(ro, T_MBOX_A, 1, STORE_F_SEEN, 0,
		    NULL, NULL, err, sizeof(err)) == STORE_READONLY,
		    "read-only");
		store_db_close(ro);
	}
	UNIT_CHECK(store_db_open("no-such-store-dir", STORE_DB_RDONLY, 0, err,
	    sizeof(err)) == NULL, "read-only open of nothing must fail");
}

/* test_full - a full map refuses cleanly and keeps what it had */
static void
test_full(void)
{
	char dir[80], err[256], *big = mmhs_malloc(200000);
	struct store_target t;
	struct store_new nm;
	struct store_db *db;
	size_t i, total = 0, unread = 0, ok = 0;
	int rc = STORE_OK;

	snprintf(dir, sizeof(dir), "%s.full", t_dir);
	db = store_db_open(dir, STORE_DB_NOSYNC, 2 << 20, err, sizeof(err));
	UNIT_CHECK(db != NULL, "small store: %s", err);
	if (db == NULL)
		return;
	memset(&nm, 0, sizeof(nm));
	nm.nm_data = big;
	nm.nm_len = 200000;
	nm.nm_class_level = -1;
	for (i = 0; i < 40 && rc == STORE_OK; i++) {
		memset(big, 'a' + (int) i, 200000);
		memset(&t, 0, sizeof(t));
		t.st_mailbox = T_MBOX_A;
		if ((rc = store_db_deliver(db, &nm, &t, 1, err, sizeof(err))) ==
		    STORE_OK)
			ok++;
	}
	UNIT_CHECK(rc == STORE_FULL, "a 2 MiB map fills up (rc %d: %s)", rc,
	    err);
	store_db_mailbox_counts(db, T_MBOX_A, &total, &unread, err,
	    sizeof(err));
	UNIT_CHECK(total == ok && unread == ok, "%zu stored, counted %zu",
	    ok, total);
	store_db_close(db);
	mmhs_free(big);
}

/* Readers in parallel with a writer: every snapshot is consistent. */
static volatile int t_writing;

static void *
t_reader(void *arg)
{
	struct store_query q;
	struct store_list l;
	size_t last = 0, i;
	char err[256];
	long bad = 0;

	memset(&q, 0, sizeof(q));
	q.q_desc = 1;
	q.q_sort = STORE_SORT_PRECEDENCE;
	while (t_writing) {
		if (store_db_list(t_db, T_MBOX_B, &q, &l, err,
		    sizeof(err)) != STORE_OK || l.sl_total < last) {
			bad++;
			break;
		}
		last = l.sl_total;
		for (i = 1; i < l.sl_count; i++)
			bad += l.sl_msgs[i].sm_prec > l.sl_msgs[i - 1].sm_prec;
		store_list_free(&l);
	}
	return (void *) bad;
}

/* test_threads - four readers list while the writer delivers */
static void
test_threads(void)
{
	pthread_t th[4];
	void *bad;
	size_t i;

	t_writing = 1;
	for (i = 0; i < 4; i++)
		pthread_create(&th[i], NULL, t_reader, NULL);
	for (i = 0; i < 300; i++)
		t_deliver(1, "Inbox", 0);
	t_writing = 0;
	for (i = 0; i < 4; i++) {
		pthread_join(th[i], &bad);
		UNIT_CHECK(bad == NULL, "reader %zu saw %ld bad pages", i,
		    (long) bad);
	}
	t_check_counts("threads");
	t_check_all("threads");
}

static void
test_names(void)
{
	char *n = store_dn_norm("  CN=Do  Officer , O=X\\, Y+UID=a ,C=XW ");

	UNIT_CHECK(strcmp(n, "cn=do  officer,o=x\\, y+uid=a,c=xw") == 0,
	    "norm: \"%s\"", n);
	mmhs_free(n);
	UNIT_CHECK(store_folder_valid("Top Secret") &&
	    !store_folder_valid("") && !store_folder_valid("x ") &&
	    store_folder_valid("Ärger"), "folder names");
	UNIT_CHECK(store_flag_from_name("Redirected") == STORE_F_REDIRECTED &&
	    strcmp(store_flag_name(STORE_F_INFO), "info") == 0 &&
	    store_flag_from_name("bogus") == 0 &&
	    store_flag_name(3) == NULL, "flag names");
}

static void
test_cleanup(void)
{
	char cmd[256];

	store_db_close(t_db);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s' '%s.full'", t_dir, t_dir);
	UNIT_CHECK(system(cmd) == 0, "cleanup");
}

static const struct unit_test store_tests[] = {
	{ "names", test_names },
	{ "deliver thousands", test_fill },
	{ "list, sort, filter, count", test_list },
	{ "flags, move, expunge", test_change },
	{ "raw and deduplication", test_raw_dedup },
	{ "reopen", test_reopen },
	{ "readers beside the writer", test_threads },
	{ "full map", test_full },
	{ "cleanup", test_cleanup },
};

int
main(void)
{
	static const struct unit_suite suites[] = {
		UNIT_SUITE("store_db", store_tests),
	};

	return unit_main(suites, sizeof(suites) / sizeof(suites[0]));
}
