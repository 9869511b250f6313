/* mta_deliver_dest.c - mmhs-mta: destinations, delivery slots, reuse
 *
 * Purpose: one destination per next-hop agent (its DN).  It holds the
 * jobs waiting for it in one FIFO per precedence and the connections
 * to it, and decides which job the next free connection carries.
 *
 * Slots (how FLASH overtakes a ROUTINE backlog): a destination has at
 * most d_maxconn connections; jobs below FLASH may keep at most
 * d_maxconn - 1 of them busy, so one slot is always free for FLASH and
 * OVERRIDE.  A connection that finishes a transaction takes the
 * highest job waiting, but leaves a lower one alone when that would
 * take the reserved slot: it goes idle instead, and the next FLASH
 * message finds a connected, idle session.  Within the allowed slots,
 * every MTD_SHARE-th pick goes to the oldest job below the highest
 * waiting precedence, so ROUTINE is never starved forever.
 *
 * Reuse: an idle connection is kept for MTD_IDLE_SECS and then closed
 * with QUIT; new jobs take idle connections before new ones are opened.
 * The address is resolved from the hop's mmhsListen for each new
 * connection, so an ldapmodify of mmhsListen takes effect for the next
 * connection; an idle connection to an address no longer listed is not
 * reused.
 *
 * Alternates: when a connection cannot be set up (no usable mmhsListen,
 * refused, timed out, greeting or hello refused), the destination is
 * skipped for d_down_secs and every job waiting for it moves to its
 * route's next hop; a job with no hop left gets a 4xx result (retried
 * by the queue's back-off).
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

/* mtd_dest_get - the destination of a next hop, created on first use */
struct mtd_dest *
mtd_dest_get(struct mtd *d, const char *dn)
{
	struct mtd_dest *t;
	int	p;

	TAILQ_FOREACH(t, &d->d_dests, d_link)
		if (strcasecmp(t->d_dn, dn) == 0)
			return t;
	t = mmhs_calloc(1, sizeof(*t));
	t->d_dn = mmhs_strdup(dn);
	for (p = 0; p < MTD_NPREC; p++)
		TAILQ_INIT(&t->d_jobs[p]);
	TAILQ_INIT(&t->d_idle);
	t->d_maxconn = d->d_maxconn;
	TAILQ_INSERT_TAIL(&d->d_dests, t, d_link);
	return t;
}

/* mtd_dest_addr - where a hop listens: its lmtp port, else smtp */
int
mtd_dest_addr(struct mtd *d, const char *dn, struct mtd_addr *a, char *err,
	size_t errlen)
{
	mmhs_dircache_entry_t *e;
	const mmhs_dircache_attr_t *at;
	const char *uri = NULL, *v, *hp, *colon;
	size_t	i;
	int	lmtp = 0;

	if ((e = mmhs_dircache_by_dn(d->d_mta->m_cache, dn)) == NULL) {
		snprintf(err, errlen, "next hop %s is not in the directory",
		    dn);
		return -1;
	}
	if ((at = mmhs_dircache_attr(e, "mmhsListen")) != NULL)
		for (i = 0; i < at->da_nvals; i++) {
			v = at->da_vals[i];
			if (strncasecmp(v, "lmtp ", 5) == 0) {
				uri = v + 5, lmtp = 1;
				break;
			}
			if (strncasecmp(v, "smtp ", 5) == 0 && uri == NULL)
				uri = v + 5;
		}
	memset(a, 0, sizeof(*a));
	if (uri == NULL || (hp = strstr(uri, "://")) == NULL ||
	    (colon = strrchr(hp + 3, ':')) == NULL ||
	    (size_t) (colon - hp - 3) >= sizeof(a->a_host) ||
	    (a->a_port = atoi(colon + 1)) <= 0 || a->a_port > 65535) {
		snprintf(err, errlen, "next hop %s has no usable lmtp or smtp "
		    "mmhsListen", dn);
		mmhs_dircache_entry_free(e);
		return -1;
	}
	a->a_lmtp = lmtp || strncasecmp(uri, "lmtp:", 5) == 0;
	hp += 3;
	if (*hp == '[')		/* [v6]:port */
		hp++, colon -= colon[-1] == ']';
	memcpy(a->a_host, hp, (size_t) (colon - hp));
	mmhs_dircache_entry_free(e);
	return 0;
}

/* mtd_ts_lt - whether time a is before time b */
static int
mtd_ts_lt(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec ||
	    (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

/* mtd_urgent - precedences that may take the reserved slot */
static int
mtd_urgent(enum mmhs_precedence p)
{
	return p >= MMHS_PREC_FLASH;
}

/* mtd_slots - busy connections a job of precedence p may join */
static int
mtd_slots(const struct mtd_dest *t, enum mmhs_precedence p)
{
	if (mtd_urgent(p) || t->d_maxconn < 2)
		return t->d_maxconn;
	return t->d_maxconn - 1;
}

/* mtd_pick - the job to carry next with `busy` other slots in use */
static struct mtd_job *
mtd_pick(struct mtd_dest *t, int busy)
{
	struct mtd_job *j, *top = NULL, *old = NULL;
	int	p;

	for (p = MMHS_PREC_MAX; p >= MMHS_PREC_MIN; p--) {
		if ((j = TAILQ_FIRST(&t->d_jobs[p])) == NULL)
			continue;
		if (top == NULL)
			top = j;
		else if (old == NULL || mtd_ts_lt(&j->j_queued,
		    &old->j_queued))
			old = j;
	}
	if (top == NULL)
		return NULL;
	if (old != NULL && busy < mtd_slots(t, old->j_prec) &&
	    ++t->d_picks % MTD_SHARE == 0)
		return old;
	if (busy < mtd_slots(t, top->j_prec))
		return top;
	return NULL;
}

/* mtd_unqueue - take j off its destination's queue */
static void
mtd_unqueue(struct mtd_dest *t, struct mtd_job *j)
{
	TAILQ_REMOVE(&t->d_jobs[j->j_prec], j, j_link);
	t->d_njobs--;
}

/* mtd_carry - connection c carries job j (c counted busy already) */
static void
mtd_carry(struct mtd *d, struct mtd_conn *c, struct mtd_job *j)
{
	if (mtd_job_start(d, j) != 0) {
		/* the job got a local failure; the session is still good */
		mtd_dest_conn_ready(c);
		return;
	}
	mtc_send(c, j);
}

/* mtd_same_addr - whether an idle connection still goes where the
 * directory says */
static int
mtd_same_addr(const struct mtd_addr *a, const struct mtd_addr *b)
{
	return a->a_lmtp == b->a_lmtp && a->a_port == b->a_port &&
	    strcmp(a->a_host, b->a_host) == 0;
}

/* mtd_dest_down - the hop cannot be reached: reroute what waits */
static void
mtd_dest_down(struct mtd *d, struct mtd_dest *t, const char *why)
{
	struct mtd_job *j;
	int	p;

	t->d_down_until = time(NULL) + d->d_down_secs;
	snprintf(t->d_down_why, sizeof(t->d_down_why), "%s", why);
	mmhs_warn("delivery to %s deferred: %s", t->d_dn, why);
	for (p = MMHS_PREC_MAX; p >= MMHS_PREC_MIN; p--)
		while ((j = TAILQ_FIRST(&t->d_jobs[p])) != NULL) {
			mtd_unqueue(t, j);
			mtd_dest_add(d, j);
		}
}

/* mtd_dest_run - start what the free slots allow */
static void
mtd_dest_run(struct mtd *d, struct mtd_dest *t)
{
	struct mtd_conn *c;
	struct mtd_job *j;
	struct mtd_addr a;
	char	err[MTD_REPLY_MAX];

	while (!d->d_stopping && (j = mtd_pick(t, t->d_nbusy)) != NULL) {
		if (mtd_dest_addr(d, t->d_dn, &a, err, sizeof(err)) != 0) {
			mtd_dest_down(d, t, err);
			return;
		}
		while ((c = TAILQ_FIRST(&t->d_idle)) != NULL &&
		    !mtd_same_addr(&c->c_addr, &a)) {
			TAILQ_REMOVE(&t->d_idle, c, c_link);
			t->d_nconn--;
			mtc_close(c, 1);
		}
		mtd_unqueue(t, j);
		t->d_nbusy++;
		if (c != NULL) {
			TAILQ_REMOVE(&t->d_idle, c, c_link);
			c->c_idle_now = 0;
			mtd_carry(d, c, j);
			continue;
		}
		t->d_nconn++;
		c = mtc_open(d, t, &a);
		c->c_next = j;
	}
}

/* mtd_dest_add - queue a job at the destination of its current hop */
void
mtd_dest_add(struct mtd *d, struct mtd_job *j)
{
	struct mtd_dest *t;
	char	text[MTD_REPLY_MAX + 32];
	int	code;

	for (;;) {
		t = mtd_dest_get(d, j->j_hops[j->j_hop]);
		if (t->d_down_until <= time(NULL))
			break;
		if (j->j_hop + 1 >= j->j_nhops) {
			snprintf(text, sizeof(text), "%s", t->d_down_why);
			mtd_job_local_fail(d, j, 421, text);
			return;
		}
		j->j_hop++;
	}
	if ((code = mtd_sec_hop(d, j, text, sizeof(text))) != 0) {
		mtd_job_local_fail(d, j, code, text);
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &j->j_queued);
	TAILQ_INSERT_TAIL(&t->d_jobs[j->j_prec], j, j_link);
	t->d_njobs++;
	mtd_dest_run(d, t);
}

/* mtd_dest_conn_ready - a connection can carry a transaction */
void
mtd_dest_conn_ready(struct mtd_conn *c)
{
	struct mtd *d = c->c_d;
	struct mtd_dest *t = c->c_dest;
	struct mtd_job *j;

	if ((j = c->c_next) != NULL) {
		c->c_next = NULL;
		mtd_carry(d, c, j);
		return;
	}
	if (!d->d_stopping && (j = mtd_pick(t, t->d_nbusy - 1)) != NULL) {
		mtd_unqueue(t, j);
		mtd_carry(d, c, j);
		return;
	}
	t->d_nbusy--;
	c->c_idle_now = 1;
	TAILQ_INSERT_HEAD(&t->d_idle, c, c_link);
	mtc_idle(c, MTD_IDLE_SECS);
}

/* mtd_dest_conn_failed - a connection could not be set up */
void
mtd_dest_conn_failed(struct mtd_conn *c, const char *why, int before_ready)
{
	struct mtd *d = c->c_d;
	struct mtd_dest *t = c->c_dest;
	struct mtd_job *j = c->c_next;

	(void) before_ready;
	c->c_next = NULL;
	t->d_nbusy--;
	t->d_nconn--;
	if (j != NULL) {
		/* back at the head of its level, for the alternate */
		TAILQ_INSERT_HEAD(&t->d_jobs[j->j_prec], j, j_link);
		t->d_njobs++;
	}
	mtd_dest_down(d, t, why);
}

/* mtd_dest_conn_closed - a ready connection ended */
void
mtd_dest_conn_closed(struct mtd_conn *c)
{
	struct mtd_dest *t = c->c_dest;

	if (c->c_idle_now) {
		TAILQ_REMOVE(&t->d_idle, c, c_link);
		c->c_idle_now = 0;
	} else
		t->d_nbusy--;
	t->d_nconn--;
	if (t->d_njobs > 0)
		mtd_dest_run(c->c_d, t);
}

/* mtd_dest_free_all - at stop: close idle connections, drop jobs */
void
mtd_dest_free_all(struct mtd *d)
{
	struct mtd_dest *t;
	struct mtd_conn *c;
	struct mtd_job *j;
	int	p;

	while ((t = TAILQ_FIRST(&d->d_dests)) != NULL) {
		while ((c = TAILQ_FIRST(&t->d_idle)) != NULL) {
			TAILQ_REMOVE(&t->d_idle, c, c_link);
			mtc_close(c, 1);
		}
		for (p = 0; p < MTD_NPREC; p++)
			while ((j = TAILQ_FIRST(&t->d_jobs[p])) != NULL) {
				TAILQ_REMOVE(&t->d_jobs[p], j, j_link);
				mtd_job_free(j);
			}
		TAILQ_REMOVE(&d->d_dests, t, d_link);
		mmhs_free(t->d_dn);
		mmhs_free(t);
	}
}
