/* test_queue.c - CUnit tests for the durable queue (mmhs_queue)
 *
 * Purpose: exercise the queue against a real LMDB environment in a
 * temporary directory: put/get round trip and refused envelopes,
 * precedence order and next-attempt times, the reserved-share rule,
 * back-off, deferral and expiry, removal, group commit from many
 * threads and from an event-loop style pump (every callback sees its
 * message committed), and crash safety: a child process that puts
 * messages and reports each acknowledged id through a pipe is killed
 * with SIGKILL at a random moment; after reopening, every acknowledged
 * message must be there and complete.
 *
 * Interface: run without arguments (TMPDIR picks the place of the
 * temporary directories); MMHS_TEST_SEED fixes the random kill times.
 * Prints the lost/duplicated counts and group sizes it saw.
 *
 * Error behaviour: exits non-zero when any assertion fails (unit_main).
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "unit.h"

#include "mmhs_alloc.h"
#include "mmhs_queue.h"

#define T_NOW	((time_t) 1700000000)	/* a fixed "now" for schedules */
#define T_MAP	((size_t) 256 << 20)

/* t_mkdir - a fresh temporary spool directory */
static char *
t_mkdir(void)
{
	const char *tmp = getenv("TMPDIR");
	char	path[512];

	snprintf(path, sizeof(path), "%s/mmhs-queue-XXXXXX",
	    tmp ? tmp : "/tmp");
	if (mkdtemp(path) == NULL) {
		perror("mkdtemp");
		exit(1);
	}
	return mmhs_strdup(path);
}

/* t_rmdir - remove a spool directory and its files */
static void
t_rmdir(char *dir)
{
	char	path[600];
	struct dirent *d;
	DIR	*dp;

	if ((dp = opendir(dir)) != NULL) {
		while ((d = readdir(dp)) != NULL) {
			if (d->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, d->d_name);
			unlink(path);
		}
		closedir(dp);
	}
	rmdir(dir);
	mmhs_free(dir);
}

/* t_open - open a queue in dir with a share rule; fail the test if not */
static struct mmhs_queue *
t_open(const char *dir, unsigned share)
{
	struct mmhs_queue_opts o;
	struct mmhs_queue *q = NULL;
	int	rc;

	memset(&o, 0, sizeof(o));
	o.qo_dir = dir;
	o.qo_mapsize = T_MAP;
	o.qo_share = share;
	o.qo_chunk = 8192;		/* small, so tests cross chunks */
	o.qo_group_ms = 60000;		/* pump only when told */
	rc = mmhs_queue_open(&q, &o);
	UNIT_CHECK(rc == 0 && q != NULL, "open %s: %s", dir,
	    mmhs_queue_strerror(rc));
	return q;
}

/* t_fill - deterministic content derived from a tag */
static void
t_fill(unsigned char *buf, size_t len, unsigned tag)
{
	uint32_t x = tag * 2654435761U + 1;
	size_t	i;

	for (i = 0; i < len; i++) {
		x = x * 1103515245U + 12345U;
		buf[i] = (unsigned char) (x >> 16);
	}
}

/* One envelope for tests: one or more recipients, all PENDING. */
struct t_env {
	struct mmhs_queue_env te_env;
	struct mmhs_queue_rcpt te_rcpt[4];
	char	te_sender[64];
};

/* t_env_init - envelope of precedence p with n recipients */
static struct mmhs_queue_env *
t_env_init(struct t_env *t, enum mmhs_precedence p, size_t n,
	time_t arrival)
{
	static char *addrs[] = {
		"a@x.example", "b@y.example", "c@z.example", "d@x.example"
	};
	size_t	i;

	memset(t, 0, sizeof(*t));
	snprintf(t->te_sender, sizeof(t->te_sender), "s@mil.example");
	t->te_env.qe_sender = t->te_sender;
	t->te_env.qe_prec = p;
	t->te_env.qe_mt_priority = mmhs_precedence_to_mt_priority(p);
	t->te_env.qe_arrival = arrival;
	t->te_env.qe_nrcpt = n;
	t->te_env.qe_rcpt = t->te_rcpt;
	for (i = 0; i < n && i < 4; i++)
		t->te_rcpt[i].qr_addr = addrs[i];
	return &t->te_env;
}

/* t_put - put a small message, return its id in id */
static int
t_put(struct mmhs_queue *q, enum mmhs_precedence p, time_t arrival,
	time_t next, char *id)
{
	struct t_env t;
	struct mmhs_queue_env *e = t_env_init(&t, p, 1, arrival);
	int	rc;

	t.te_rcpt[0].qr_next = next;
	rc = mmhs_queue_put(q, e, "x", 1);
	UNIT_CHECK(rc == 0, "put: %s", mmhs_queue_strerror(rc));
	memcpy(id, e->qe_id, MMHS_QUEUE_ID_LEN + 1);
	return rc;
}

/* test_roundtrip - every envelope field and the content come back */
static void
test_roundtrip(void)
{
	char	*dir = t_mkdir();
	struct mmhs_queue *q = t_open(dir, 0);
	struct mmhs_queue_env *e, *g = NULL;
	struct t_env t;
	size_t	len = 100 * 1024 + 17, got, off, i;
	unsigned char *data = mmhs_malloc(len), buf[3001], *back;
	void	*whole;
	int	rc;

	if (q == NULL)
		return;
	t_fill(data, len, 7);
	e = t_env_init(&t, MMHS_PREC_IMMEDIATE, 3, 0);
	e->qe_envid = "ENV-1";
	e->qe_ret = MMHS_DSN_RET_HDRS;
	e->qe_mt_priority = 3;		/* as received, not rounded */
	t.te_rcpt[1].qr_orcpt = "rfc822;b@y.example";
	t.te_rcpt[1].qr_notify = MMHS_NOTIFY_FAILURE | MMHS_NOTIFY_DELAY;
	UNIT_CHECK(mmhs_queue_put(q, e, data, len) == 0, "put");
	UNIT_CHECK(strlen(e->qe_id) == MMHS_QUEUE_ID_LEN, "id %s", e->qe_id);
	UNIT_CHECK(e->qe_arrival > 0 && e->qe_expiry == e->qe_arrival + 86400,
	    "immediate expiry defaults to one day");
	rc = mmhs_queue_get(q, e->qe_id, &g);
	UNIT_CHECK(rc == 0 && g != NULL, "get: %s", mmhs_queue_strerror(rc));
	if (g != NULL) {
		UNIT_CHECK(strcmp(g->qe_id, e->qe_id) == 0, "id");
		UNIT_CHECK(strcmp(g->qe_sender, "s@mil.example") == 0,
		    "sender");
		UNIT_CHECK(g->qe_envid && strcmp(g->qe_envid, "ENV-1") == 0,
		    "envid");
		UNIT_CHECK(g->qe_ret == MMHS_DSN_RET_HDRS, "ret");
		UNIT_CHECK(g->qe_size == len, "size %zu", g->qe_size);
		UNIT_CHECK(g->qe_prec == MMHS_PREC_IMMEDIATE, "prec");
		UNIT_CHECK(g->qe_mt_priority == 3, "mt %d", g->qe_mt_priority);
		UNIT_CHECK(g->qe_arrival == e->qe_arrival, "arrival");
		UNIT_CHECK(g->qe_expiry == e->qe_expiry, "expiry");
		UNIT_CHECK(g->qe_nrcpt == 3, "nrcpt");
		for (i = 0; i < 3 && g->qe_nrcpt == 3; i++) {
			UNIT_CHECK(strcmp(g->qe_rcpt[i].qr_addr,
			    t.te_rcpt[i].qr_addr) == 0, "rcpt %zu", i);
			UNIT_CHECK(g->qe_rcpt[i].qr_state ==
			    MMHS_RCPT_PENDING && g->qe_rcpt[i].qr_attempts == 0 &&
			    g->qe_rcpt[i].qr_next == e->qe_arrival,
			    "rcpt %zu state", i);
		}
		UNIT_CHECK(g->qe_rcpt[0].qr_orcpt == NULL, "no orcpt");
		UNIT_CHECK(g->qe_rcpt[1].qr_orcpt != NULL &&
		    strcmp(g->qe_rcpt[1].qr_orcpt, "rfc822;b@y.example") == 0,
		    "orcpt");
		UNIT_CHECK(g->qe_rcpt[1].qr_notify == (MMHS_NOTIFY_FAILURE |
		    MMHS_NOTIFY_DELAY), "notify");
		mmhs_queue_env_free(g);
	}
	/* Stream in odd-sized pieces across the 8 KB chunks. */
	back = mmhs_malloc(len);
	for (off = 0; off < len; off += got) {
		rc = mmhs_queue_read(q, e->qe_id, off, buf, sizeof(buf), &got);
		if (rc != 0 || got == 0)
			break;
		memcpy(back + off, buf, got);
	}
	UNIT_CHECK(off == len && memcmp(back, data, len) == 0,
	    "streamed content");
	UNIT_CHECK(mmhs_queue_read(q, e->qe_id, len, buf, sizeof(buf),
	    &got) == 0 && got == 0, "read at end gives 0");
	rc = mmhs_queue_content(q, e->qe_id, &whole, &got);
	UNIT_CHECK(rc == 0 && got == len && memcmp(whole, data, len) == 0,
	    "whole content");
	mmhs_free(whole);
	UNIT_CHECK(mmhs_queue_get(q, "00000000000000AA",
	    &g) == MMHS_QUEUE_ENOENT, "unknown id");
	UNIT_CHECK(mmhs_queue_get(q, "nonsense", &g) == MMHS_QUEUE_EINVAL,
	    "malformed id");
	mmhs_free(back);
	mmhs_free(data);
	mmhs_queue_close(q);
	t_rmdir(dir);
}

/* test_empty - a message without content is fine */
static void
test_empty(void)
{
	char	*dir = t_mkdir();
	struct mmhs_queue *q = t_open(dir, 0);
	struct t_env t;
	struct mmhs_queue_env *e = t_env_init(&t, MMHS_PREC_ROUTINE, 1, 0);
	void	*data;
	size_t	len = 1;

	if (q == NULL)
		return;
	e->qe_mt_priority = MMHS_QUEUE_NO_MT_PRIORITY;
	UNIT_CHECK(mmhs_queue_put(q, e, NULL, 0) == 0, "put empty");
	UNIT_CHECK(mmhs_queue_content(q, e->qe_id, &data, &len) == 0 &&
	    len == 0, "empty content");
	mmhs_free(data);
	mmhs_queue_close(q);
	t_rmdir(dir);
}

/* Envelope defects that put must refuse. */
enum t_bad { B_NORCPT, B_PREC, B_MT, B_SENDER, B_STATE, B_ADDR, B_LONG };

/* test_refused - invalid envelopes are refused, nothing is stored */
static void
test_refused(void)
{
	static const struct { enum t_bad b; const char *name; } rows[] = {
		{ B_NORCPT, "no recipient" }, { B_PREC, "precedence 9" },
		{ B_MT, "MT-PRIORITY 12" }, { B_SENDER, "NULL sender" },
		{ B_STATE, "recipient not pending" },
		{ B_ADDR, "recipient without address" },
		{ B_LONG, "over-long address" },
	};
	char	*dir = t_mkdir(), longaddr[MMHS_QUEUE_MAX_ADDR + 2];
	struct mmhs_queue *q = t_open(dir, 0);
	struct mmhs_queue_stats st;
	struct mmhs_queue_env *e;
	struct t_env t;
	size_t	i;

	if (q == NULL)
		return;
	memset(longaddr, 'a', sizeof(longaddr) - 1);
	longaddr[sizeof(longaddr) - 1] = 0;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		e = t_env_init(&t, MMHS_PREC_FLASH, 2, 0);
		switch (rows[i].b) {
		case B_NORCPT: e->qe_nrcpt = 0; break;
		case B_PREC: e->qe_prec = 9; break;
		case B_MT: e->qe_mt_priority = 12; break;
		case B_SENDER: e->qe_sender = NULL; break;
		case B_STATE: t.te_rcpt[1].qr_state = MMHS_RCPT_FAILED; break;
		case B_ADDR: t.te_rcpt[1].qr_addr = NULL; break;
		case B_LONG: t.te_rcpt[0].qr_addr = longaddr; break;
		}
		UNIT_CHECK(mmhs_queue_put(q, e, "x", 1) == MMHS_QUEUE_EINVAL,
		    "%s refused by put", rows[i].name);
		UNIT_CHECK(mmhs_queue_put_async(q, e, "x", 1, NULL, NULL) ==
		    MMHS_QUEUE_EINVAL, "%s refused by put_async", rows[i].name);
	}
	UNIT_CHECK(mmhs_queue_stats(q, &st) == 0, "stats");
	for (i = 0; i <= MMHS_PREC_MAX; i++)
		UNIT_CHECK(st.qs_msgs[i] == 0, "nothing stored at %zu", i);
	mmhs_queue_close(q);
	t_rmdir(dir);
}

/* test_order - FLASH before a ROUTINE backlog; times respected */
static void
test_order(void)
{
	char	*dir = t_mkdir(), ids[40][MMHS_QUEUE_ID_LEN + 1];
	char	flash[MMHS_QUEUE_ID_LEN + 1], later[MMHS_QUEUE_ID_LEN + 1];
	char	id[MMHS_QUEUE_ID_LEN + 1];
	struct mmhs_queue *q = t_open(dir, 1000);	/* no share here */
	time_t	when;
	int	i, rc;

	if (q == NULL)
		return;
	for (i = 0; i < 40; i++)
		t_put(q, MMHS_PREC_ROUTINE, T_NOW - 100 + i, 0, ids[i]);
	t_put(q, MMHS_PREC_FLASH, T_NOW, 0, flash);
	/* A FLASH not yet due must not be picked before its time. */
	t_put(q, MMHS_PREC_FLASH, T_NOW, T_NOW + 50, later);
	rc = mmhs_queue_next_ready(q, T_NOW, id, &when);
	UNIT_CHECK(rc == 0 && strcmp(id, flash) == 0,
	    "FLASH overtakes 40 ROUTINE (got %s)", id);
	for (i = 0; i < 40; i++) {
		rc = mmhs_queue_next_ready(q, T_NOW, id, &when);
		UNIT_CHECK(rc == 0 && strcmp(id, ids[i]) == 0,
		    "ROUTINE %d in arrival order", i);
	}
	rc = mmhs_queue_next_ready(q, T_NOW, id, &when);
	UNIT_CHECK(rc == MMHS_QUEUE_ENOENT && when == T_NOW + 50,
	    "nothing due, next at +50 (rc %d when %lld)", rc,
	    (long long) when);
	/* A released message is due again; leased ones are skipped. */
	mmhs_queue_release(q, ids[3]);
	rc = mmhs_queue_next_ready(q, T_NOW, id, &when);
	UNIT_CHECK(rc == 0 && strcmp(id, ids[3]) == 0, "released is due again");
	rc = mmhs_queue_next_ready(q, T_NOW + 50, id, &when);
	UNIT_CHECK(rc == 0 && strcmp(id, later) == 0,
	    "later FLASH at its time");
	mmhs_queue_close(q);
	/* Leases do not survive a restart: all due again, FLASH first. */
	q = t_open(dir, 1000);
	rc = mmhs_queue_next_ready(q, T_NOW + 50, id, &when);
	UNIT_CHECK(rc == 0 && strcmp(id, flash) == 0,
	    "after reopen FLASH first");
	mmhs_queue_close(q);
	t_rmdir(dir);
}

/* test_share - lower precedence gets 1 pick in qo_share */
static void
test_share(void)
{
	char	*dir = t_mkdir(), id[MMHS_QUEUE_ID_LEN + 1];
	char	routine[3][MMHS_QUEUE_ID_LEN + 1], prio[MMHS_QUEUE_ID_LEN + 1];
	struct mmhs_queue *q = t_open(dir, 4);
	char	seq[40];
	int	i, j, rc;

	if (q == NULL)
		return;
	for (i = 0; i < 3; i++)
		t_put(q, MMHS_PREC_ROUTINE, T_NOW - 1000 + i, 0, routine[i]);
	t_put(q, MMHS_PREC_PRIORITY, T_NOW - 500, 0, prio);
	for (i = 0; i < 20; i++)
		t_put(q, MMHS_PREC_FLASH, T_NOW, 0, id);
	/* Expected: 3 FLASH then the oldest lower one, and so on. */
	for (i = 0; i < 24; i++) {
		rc = mmhs_queue_next_ready(q, T_NOW, id, NULL);
		UNIT_CHECK(rc == 0, "pick %d", i);
		seq[i] = 'F';
		for (j = 0; j < 3; j++)
			if (strcmp(id, routine[j]) == 0)
				seq[i] = (char) ('0' + j);
		if (strcmp(id, prio) == 0)
			seq[i] = 'P';
	}
	seq[24] = 0;
	UNIT_CHECK(strcmp(seq, "FFF0FFF1FFF2FFFPFFFFFFFF") == 0,
	    "share order %s", seq);
	mmhs_queue_close(q);
	t_rmdir(dir);
}

/* test_backoff - the policy function, table-driven */
static void
test_backoff(void)
{
	static const struct { unsigned min, max, att, want; } rows[] = {
		{ 30, 30, 1, 30 }, { 30, 30, 9, 30 },
		{ 300, 3600, 1, 300 }, { 300, 3600, 2, 600 },
		{ 300, 3600, 4, 2400 }, { 300, 3600, 5, 3600 },
		{ 300, 3600, 100000, 3600 }, { 300, 3600, 0, 300 },
	};
	struct mmhs_queue_policy pol;
	size_t	i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		pol.qp_retry_min = rows[i].min;
		pol.qp_retry_max = rows[i].max;
		pol.qp_expiry = 0;
		UNIT_CHECK(mmhs_queue_backoff(&pol,
		    rows[i].att) == rows[i].want, "backoff(%u,%u,%u)",
		    rows[i].min, rows[i].max, rows[i].att);
	}
}

/* t_mark1 - mark recipient r of id; returns the queue's answer */
static int
t_mark1(struct mmhs_queue *q, const char *id, size_t r,
	enum mmhs_queue_rstate s, const char *status, time_t now)
{
	struct mmhs_queue_mark m;

	memset(&m, 0, sizeof(m));
	m.qm_rcpt = r;
	m.qm_state = s;
	m.qm_status = status;
	return mmhs_queue_mark(q, id, &m, 1, now);
}

/* t_rcpt - state of recipient r of id */
static void
t_rcpt(struct mmhs_queue *q, const char *id, size_t r,
	struct mmhs_queue_rcpt *out, char *status, size_t len)
{
	struct mmhs_queue_env *e;

	memset(out, 0, sizeof(*out));
	status[0] = 0;
	if (mmhs_queue_get(q, id, &e) != 0 || r >= e->qe_nrcpt) {
		UNIT_CHECK(0, "get %s", id);
		return;
	}
	*out = e->qe_rcpt[r];
	snprintf(status, len, "%s", out->qr_status ? out->qr_status : "");
	out->qr_addr = out->qr_orcpt = out->qr_status = NULL;
	mmhs_queue_env_free(e);
}

/* test_defer_expire - FLASH back-off 30/60/120 then expiry */
static void
test_defer_expire(void)
{
	static const struct { time_t at; int state; time_t next; } steps[] = {
		{ T_NOW, MMHS_RCPT_DEFERRED, T_NOW + 30 },
		{ T_NOW + 30, MMHS_RCPT_DEFERRED, T_NOW + 90 },
		{ T_NOW + 90, MMHS_RCPT_DEFERRED, T_NOW + 210 },
		{ T_NOW + 210, MMHS_RCPT_FAILED, 0 },
	};
	struct mmhs_queue_policy pol = { 30, 120, 300 };
	char	*dir = t_mkdir(), id[MMHS_QUEUE_ID_LEN + 1], st[200];
	char	got[MMHS_QUEUE_ID_LEN + 1];
	struct mmhs_queue *q = t_open(dir, 0);
	struct mmhs_queue_rcpt r;
	struct t_env t;
	struct mmhs_queue_env *e;
	size_t	i;
	int	rc;

	if (q == NULL)
		return;
	mmhs_queue_set_policy(q, MMHS_PREC_FLASH, &pol);
	e = t_env_init(&t, MMHS_PREC_FLASH, 2, T_NOW);
	UNIT_CHECK(mmhs_queue_put(q, e, "x", 1) == 0 &&
	    e->qe_expiry == T_NOW + 300, "put with policy expiry");
	memcpy(id, e->qe_id, sizeof(id));
	UNIT_CHECK(t_mark1(q, id, 1, MMHS_RCPT_DELIVERED, "250 ok", T_NOW) == 1,
	    "one delivered, one left");
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		rc = mmhs_queue_next_ready(q, steps[i].at, got, NULL);
		UNIT_CHECK(rc == 0 && strcmp(got, id) == 0, "due at step %zu",
		    i);
		if (i > 0) {
			mmhs_queue_release(q, id);
			rc = mmhs_queue_next_ready(q, steps[i].at - 1, got,
			    NULL);
			UNIT_CHECK(rc == MMHS_QUEUE_ENOENT,
			    "not due 1 s early");
		}
		rc = t_mark1(q, id, 0, MMHS_RCPT_DEFERRED, "451 busy",
		    steps[i].at);
		mmhs_queue_release(q, id);
		UNIT_CHECK(rc == (steps[i].state == MMHS_RCPT_FAILED ? 0 : 1),
		    "left after step %zu: %d", i, rc);
		t_rcpt(q, id, 0, &r, st, sizeof(st));
		UNIT_CHECK((int) r.qr_state == steps[i].state &&
		    r.qr_attempts == i + 1, "step %zu state %d attempts %u",
		    i, r.qr_state, r.qr_attempts);
		if (steps[i].state == MMHS_RCPT_DEFERRED)
			UNIT_CHECK(r.qr_next == steps[i].next &&
			    strcmp(st, "451 busy") == 0, "step %zu next", i);
		else
			UNIT_CHECK(strcmp(st, "expired: 451 busy") == 0,
			    "expired status '%s'", st);
	}
	UNIT_CHECK(mmhs_queue_next_ready(q, T_NOW + 100000, got, NULL) ==
	    MMHS_QUEUE_ENOENT, "final message no longer scheduled");
	/* Final recipients stay final. */
	UNIT_CHECK(t_mark1(q, id, 1, MMHS_RCPT_DEFERRED, "x", T_NOW) == 0,
	    "mark of final recipient ignored");
	t_rcpt(q, id, 1, &r, st, sizeof(st));
	UNIT_CHECK(r.qr_state == MMHS_RCPT_DELIVERED && strcmp(st,
	    "250 ok") == 0, "delivered stays delivered");
	UNIT_CHECK(t_mark1(q, id, 2, MMHS_RCPT_FAILED, "x", T_NOW) ==
	    MMHS_QUEUE_EINVAL, "recipient index out of range");
	UNIT_CHECK(mmhs_queue_remove(q, id, 0) == 0, "remove");
	UNIT_CHECK(mmhs_queue_get(q, id, &e) == MMHS_QUEUE_ENOENT, "gone");
	UNIT_CHECK(t_mark1(q, id, 0, MMHS_RCPT_FAILED, "x", T_NOW) ==
	    MMHS_QUEUE_ENOENT, "mark of removed message");
	mmhs_queue_close(q);
	t_rmdir(dir);
}

/* test_remove_busy - remove refuses non-final, force removes all */
static void
test_remove_busy(void)
{
	char	*dir = t_mkdir(), id[MMHS_QUEUE_ID_LEN + 1];
	char	got[MMHS_QUEUE_ID_LEN + 1];
	struct mmhs_queue *q = t_open(dir, 0);
	struct mmhs_queue_stats st;
	struct mmhs_queue_env *e;
	struct t_env t;
	unsigned char *big = mmhs_calloc(1, 50000);
	void	*data;
	size_t	len;

	if (q == NULL)
		return;
	e = t_env_init(&t, MMHS_PREC_PRIORITY, 3, T_NOW);
	UNIT_CHECK(mmhs_queue_put(q, e, big, 50000) == 0, "put");
	memcpy(id, e->qe_id, sizeof(id));
	UNIT_CHECK(t_mark1(q, id, 0, MMHS_RCPT_FAILED, "550 no", T_NOW) == 2,
	    "one failed");
	UNIT_CHECK(mmhs_queue_remove(q, id, 0) == MMHS_QUEUE_EBUSY, "busy");
	UNIT_CHECK(mmhs_queue_stats(q, &st) == 0 &&
	    st.qs_msgs[MMHS_PREC_PRIORITY] == 1 &&
	    st.qs_rcpts[MMHS_PREC_PRIORITY][MMHS_RCPT_FAILED] == 1 &&
	    st.qs_rcpts[MMHS_PREC_PRIORITY][MMHS_RCPT_PENDING] == 2 &&
	    st.qs_bytes == 50000, "stats by precedence and state");
	UNIT_CHECK(mmhs_queue_remove(q, id, 1) == 0, "forced remove");
	UNIT_CHECK(mmhs_queue_content(q, id, &data, &len) == MMHS_QUEUE_ENOENT,
	    "content gone");
	UNIT_CHECK(mmhs_queue_next_ready(q, T_NOW, got, NULL) ==
	    MMHS_QUEUE_ENOENT, "ready entry gone");
	UNIT_CHECK(mmhs_queue_stats(q, &st) == 0 &&
	    st.qs_msgs[MMHS_PREC_PRIORITY] == 0 && st.qs_bytes == 0,
	    "queue empty");
	mmhs_free(big);
	mmhs_queue_close(q);
	t_rmdir(dir);
}

#define T_THREADS	32
#define T_PER_THREAD	25

struct t_thr {
	struct mmhs_queue *tt_q;
	int	tt_n;
	int	tt_fail;
	char	tt_ids[T_PER_THREAD][MMHS_QUEUE_ID_LEN + 1];
};

/* t_producer - synchronous puts of 2 KB tagged messages */
static void *
t_producer(void *arg)
{
	struct t_thr *t = arg;
	unsigned char buf[2048];
	struct t_env te;
	struct mmhs_queue_env *e;
	int	i;

	for (i = 0; i < T_PER_THREAD; i++) {
		e = t_env_init(&te, MMHS_PREC_ROUTINE, 1, 0);
		snprintf(te.te_sender, sizeof(te.te_sender), "t%d-%d@x",
		    t->tt_n, i);
		t_fill(buf, sizeof(buf), (unsigned) (t->tt_n * 1000 + i));
		if (mmhs_queue_put(t->tt_q, e, buf, sizeof(buf)) != 0)
			t->tt_fail++;
		memcpy(t->tt_ids[i], e->qe_id, MMHS_QUEUE_ID_LEN + 1);
	}
	return NULL;
}

/* t_check_msg - the message id holds tag's content */
static int
t_check_msg(struct mmhs_queue *q, const char *id, unsigned tag, size_t len)
{
	unsigned char *want = mmhs_malloc(len);
	void	*data = NULL;
	size_t	got = 0;
	int	ok;

	t_fill(want, len, tag);
	ok = mmhs_queue_content(q, id, &data, &got) == 0 && got == len &&
	    memcmp(data, want, len) == 0;
	mmhs_free(data);
	mmhs_free(want);
	return ok;
}

/* test_group_threads - concurrent synchronous puts all committed */
static void
test_group_threads(void)
{
	static struct t_thr t[T_THREADS];
	pthread_t th[T_THREADS];
	char	*dir = t_mkdir();
	struct mmhs_queue *q = t_open(dir, 0);
	struct mmhs_queue_stats st;
	int	i, j, bad = 0;

	if (q == NULL)
		return;
	for (i = 0; i < T_THREADS; i++) {
		memset(&t[i], 0, sizeof(t[i]));
		t[i].tt_q = q;
		t[i].tt_n = i;
		pthread_create(&th[i], NULL, t_producer, &t[i]);
	}
	for (i = 0; i < T_THREADS; i++) {
		pthread_join(th[i], NULL);
		UNIT_CHECK(t[i].tt_fail == 0, "thread %d failures", i);
	}
	UNIT_CHECK(mmhs_queue_stats(q, &st) == 0 &&
	    st.qs_msgs[MMHS_PREC_ROUTINE] == T_THREADS * T_PER_THREAD,
	    "all %d stored", T_THREADS * T_PER_THREAD);
	printf("\n    group commit, %d threads: %lu ops in %lu commits\n",
	    T_THREADS, st.qs_ops, st.qs_commits);
	mmhs_queue_close(q);
	/* Reopen: everything acknowledged is there, intact. */
	q = t_open(dir, 0);
	for (i = 0; i < T_THREADS && q != NULL; i++)
		for (j = 0; j < T_PER_THREAD; j++)
			if (!t_check_msg(q, t[i].tt_ids[j],
			    (unsigned) (i * 1000 + j), 2048))
				bad++;
	UNIT_CHECK(bad == 0, "%d messages bad after reopen", bad);
	mmhs_queue_close(q);
	t_rmdir(dir);
}

/* State shared with the async callbacks. */
struct t_async {
	struct mmhs_queue *ta_q;
	int	ta_calls;
	int	ta_visible;		/* committed when called */
	int	ta_errors;
};

/* t_async_cb - a put completed: it must be readable already */
static void
t_async_cb(void *arg, int status, const char *id)
{
	struct t_async *a = arg;
	struct mmhs_queue_env *e;

	a->ta_calls++;
	if (status != 0) {
		a->ta_errors++;
		return;
	}
	/* A fresh read transaction sees only committed data. */
	if (mmhs_queue_get(a->ta_q, id, &e) == 0) {
		a->ta_visible++;
		mmhs_queue_env_free(e);
	}
}

/* test_group_async - event-loop style: callbacks only after commit */
static void
test_group_async(void)
{
	char	*dir = t_mkdir();
	struct mmhs_queue *q = t_open(dir, 0);
	struct mmhs_queue_stats st;
	struct t_async a = { NULL, 0, 0, 0 };
	struct mmhs_queue_env *e;
	struct t_env t;
	int	i, n;

	if (q == NULL)
		return;
	a.ta_q = q;
	UNIT_CHECK(mmhs_queue_pump_timeout(q) == -1, "idle pump timeout -1");
	for (i = 0; i < 100; i++) {
		e = t_env_init(&t, MMHS_PREC_IMMEDIATE, 2, 0);
		UNIT_CHECK(mmhs_queue_put_async(q, e, "body", 4, t_async_cb,
		    &a) == 0, "put_async %d", i);
	}
	/* Not yet due (qo_group_ms 60 s, 100 < group_max): no callback. */
	UNIT_CHECK(mmhs_queue_pump(q, 0) == 0 && a.ta_calls == 0,
	    "no callback before commit");
	UNIT_CHECK(mmhs_queue_pump_timeout(q) > 0, "pump due later");
	UNIT_CHECK(mmhs_queue_stats(q, &st) == 0 &&
	    st.qs_msgs[MMHS_PREC_IMMEDIATE] == 0, "not visible before commit");
	n = mmhs_queue_pump(q, 1);
	UNIT_CHECK(n == 100, "pump committed %d", n);
	UNIT_CHECK(a.ta_calls == 100 && a.ta_visible == 100 && a.ta_errors == 0,
	    "callbacks %d visible %d errors %d", a.ta_calls, a.ta_visible,
	    a.ta_errors);
	UNIT_CHECK(mmhs_queue_stats(q, &st) == 0 && st.qs_commits == 1,
	    "100 puts in one commit (%lu)", st.qs_commits);
	/* group_max reached: the pump commits without force. */
	for (i = 0; i < MMHS_QUEUE_DEF_GROUP_MAX; i++) {
		e = t_env_init(&t, MMHS_PREC_IMMEDIATE, 1, 0);
		(void) mmhs_queue_put_async(q, e, "b", 1, t_async_cb, &a);
	}
	UNIT_CHECK(mmhs_queue_pump_timeout(q) == 0, "pump due at group_max");
	UNIT_CHECK(mmhs_queue_pump(q, 0) == MMHS_QUEUE_DEF_GROUP_MAX,
	    "pump at group_max");
	UNIT_CHECK(a.ta_visible == 100 + MMHS_QUEUE_DEF_GROUP_MAX, "visible");
	mmhs_queue_close(q);
	t_rmdir(dir);
}

#define T_CRASH_ROUNDS	5
#define T_CRASH_THREADS	8
#define T_CRASH_MAX	20000

/* One producer thread of the child process. */
struct t_child {
	struct mmhs_queue *tc_q;
	int	tc_fd;
	unsigned tc_base;
};

/* t_child_thread - put tagged messages forever, report each ack */
static void *
t_child_thread(void *arg)
{
	struct t_child *c = arg;
	unsigned char buf[3000];
	char	line[64];
	struct t_env te;
	struct mmhs_queue_env *e;
	unsigned i, tag;
	size_t	len;

	for (i = 0;; i++) {
		tag = c->tc_base + i;
		len = 500 + tag % 2500;
		e = t_env_init(&te, (enum mmhs_precedence) (tag % 6), 2, 0);
		snprintf(te.te_sender, sizeof(te.te_sender), "tag%u@x", tag);
		t_fill(buf, len, tag);
		if (mmhs_queue_put(c->tc_q, e, buf, len) != 0)
			_exit(3);
		/* One write per ack: atomic on a pipe (< PIPE_BUF). */
		snprintf(line, sizeof(line), "%s %u\n", e->qe_id, tag);
		if (write(c->tc_fd, line, strlen(line)) < 0)
			_exit(4);
	}
	return NULL;
}

/* t_child - the process that is killed */
static void
t_child(const char *dir, int fd, unsigned round)
{
	static struct t_child c[T_CRASH_THREADS];
	pthread_t th;
	struct mmhs_queue_opts o;
	struct mmhs_queue *q;
	int	i;

	memset(&o, 0, sizeof(o));
	o.qo_dir = dir;
	o.qo_mapsize = T_MAP;
	if (mmhs_queue_open(&q, &o) != 0)
		_exit(2);
	for (i = 0; i < T_CRASH_THREADS; i++) {
		c[i].tc_q = q;
		c[i].tc_fd = fd;
		c[i].tc_base = round * 10000000U + (unsigned) i * 1000000U;
		pthread_create(&th, NULL, t_child_thread, &c[i]);
	}
	for (;;)
		pause();
}

/* One acknowledged message as the parent heard of it. */
struct t_ack {
	char	ta_id[MMHS_QUEUE_ID_LEN + 1];
	unsigned ta_tag;
};

/* t_read_acks - read ack lines until EOF */
static int
t_read_acks(FILE *fp, struct t_ack *acks, int n)
{
	char	line[128];

	while (fgets(line, sizeof(line), fp) != NULL && n < T_CRASH_MAX)
		if (sscanf(line, "%16s %u", acks[n].ta_id, &acks[n].ta_tag) == 2)
			n++;
	return n;
}

/* Senders of all stored messages: each tag is put once. */
struct t_senders {
	char	**ts_v;
	int	ts_n;
};

/* t_sender_fn - mmhs_queue_list callback collecting senders */
static int
t_sender_fn(void *arg, const struct mmhs_queue_env *e)
{
	struct t_senders *s = arg;

	s->ts_v = mmhs_realloc(s->ts_v, (size_t) (s->ts_n + 1) *
	    sizeof(*s->ts_v));
	s->ts_v[s->ts_n++] = mmhs_strdup(e->qe_sender);
	return 0;
}

/* t_strcmp - qsort comparison of strings */
static int
t_strcmp(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* t_count_dups - stored messages whose tag occurs more than once */
static int
t_count_dups(struct mmhs_queue *q, int *total)
{
	struct t_senders s = { NULL, 0 };
	int	i, dups = 0;

	UNIT_CHECK(mmhs_queue_list(q, t_sender_fn, &s) == 0, "list");
	if (s.ts_n > 0)
		qsort(s.ts_v, (size_t) s.ts_n, sizeof(*s.ts_v), t_strcmp);
	for (i = 0; i < s.ts_n; i++) {
		if (i > 0 && strcmp(s.ts_v[i], s.ts_v[i - 1]) == 0)
			dups++;
		if (i > 0)
			mmhs_free(s.ts_v[i - 1]);
	}
	if (s.ts_n > 0)
		mmhs_free(s.ts_v[s.ts_n - 1]);
	mmhs_free(s.ts_v);
	*total = s.ts_n;
	return dups;
}

/* test_crash - kill -9 during puts; every ack survives */
static void
test_crash(void)
{
	static struct t_ack acks[T_CRASH_MAX];
	char	*dir = t_mkdir();
	const char *seedstr = getenv("MMHS_TEST_SEED");
	unsigned seed = seedstr ? (unsigned) atoi(seedstr) :
	    (unsigned) time(NULL) ^ (unsigned) getpid();
	struct mmhs_queue *q;
	struct mmhs_queue_env *e;
	int	fds[2], round, nacks = 0, lost = 0, total, dups, i, status;
	pid_t	pid;
	FILE	*fp;

	srand(seed);
	for (round = 0; round < T_CRASH_ROUNDS; round++) {
		if (pipe(fds) != 0 || (pid = fork()) < 0) {
			UNIT_CHECK(0, "pipe/fork: %s", strerror(errno));
			break;
		}
		if (pid == 0) {
			close(fds[0]);
			t_child(dir, fds[1], (unsigned) round);
		}
		close(fds[1]);
		usleep(50000 + (useconds_t) (rand() % 400) * 1000);
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		UNIT_CHECK(WIFSIGNALED(status), "child killed, not exited (%d)",
		    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		fp = fdopen(fds[0], "r");
		nacks = t_read_acks(fp, acks, nacks);
		fclose(fp);
	}
	q = t_open(dir, 0);
	for (i = 0; i < nacks && q != NULL; i++) {
		if (mmhs_queue_get(q, acks[i].ta_id, &e) != 0) {
			lost++;
			continue;
		}
		if (e->qe_nrcpt != 2 || e->qe_size != 500 + acks[i].ta_tag % 2500
		    || !t_check_msg(q, acks[i].ta_id, acks[i].ta_tag,
		    e->qe_size))
			lost++;
		mmhs_queue_env_free(e);
	}
	total = 0;
	dups = q != NULL ? t_count_dups(q, &total) : 0;
	printf("\n    crash: seed %u, %d rounds, %d acknowledged, %d lost, "
	    "%d duplicated, %d stored\n", seed, T_CRASH_ROUNDS, nacks, lost,
	    dups, total);
	UNIT_CHECK(nacks > 0, "the child acknowledged something");
	UNIT_CHECK(lost == 0, "%d acknowledged messages lost", lost);
	UNIT_CHECK(dups == 0, "%d duplicated", dups);
	mmhs_queue_close(q);
	t_rmdir(dir);
}

static const struct unit_test store_tests[] = {
	{ "put/get round trip", test_roundtrip },
	{ "empty content", test_empty },
	{ "invalid envelopes refused", test_refused },
	{ "remove and statistics", test_remove_busy },
};

static const struct unit_test sched_tests[] = {
	{ "FLASH first, next attempt respected", test_order },
	{ "reserved share for lower precedence", test_share },
	{ "back-off function", test_backoff },
	{ "deferral and expiry", test_defer_expire },
};

static const struct unit_test commit_tests[] = {
	{ "concurrent synchronous puts", test_group_threads },
	{ "asynchronous puts and pump", test_group_async },
	{ "kill -9 during puts", test_crash },
};

static const struct unit_suite suites[] = {
	UNIT_SUITE("queue store", store_tests),
	UNIT_SUITE("queue scheduling", sched_tests),
	UNIT_SUITE("queue group commit and crash", commit_tests),
};

/* main - run all suites, exit 1 on any failure */
int
main(void)
{
	return unit_main(suites, sizeof(suites) / sizeof(suites[0]));
}
