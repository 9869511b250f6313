/* mta_deliver.c - mmhs-mta: the delivery scheduler
 *
 * Purpose: take ready messages from the durable queue in precedence
 * order (mmhs_queue_next_ready: highest first, with its anti-starvation
 * share), route each due recipient with lib/mmhs_route over the route
 * table of mta_route.c, group the recipients of a message by route into
 * jobs and hand each job to the destination of the route's preferred
 * next hop (mta_deliver_dest.c); when every job of a message has its
 * results, mta_deliver_done.c marks the queue, writes the DSNs and the
 * tracking log, and removes the message once every recipient is final.
 *
 * Interface (mta.h): mta_deliver_start(), mta_deliver_wakeup() (after
 * each message committed by the receiving side), mta_deliver_stop().
 * The scheduler also runs on a timer: at the queue's next retry time,
 * and at least every MTD_TICK_MS.  The route table is rebuilt when
 * mta_dir_generation() moves (checked every 250 ms and before each
 * scheduling round), so an ldapmodify of a route applies to the next
 * message without a restart.
 *
 * Messages in memory are leased in the queue; at most d_max_inflight
 * are (beyond that the scheduler waits for some to finish).  The
 * content is read only when a job starts.  Error behaviour: queue
 * errors are logged and the message's lease released, so it is tried
 * again at its next retry time; nothing here exits.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <event2/event.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mta_deliver.h"

/* mtd_routes_refresh - rebuild the route table if the directory moved */
static void
mtd_routes_refresh(struct mtd *d, int force)
{
	struct mta_routes *r;
	unsigned long gen = mta_dir_generation();
	char	err[256];

	if (!force && gen == d->d_gen)
		return;
	d->d_gen = gen;
	if ((r = mta_routes_build(d->d_mta, err, sizeof(err))) == NULL) {
		mmhs_warn("routes not rebuilt, the previous table stays: %s",
		    err);
		return;
	}
	if (d->d_routes != NULL)
		mta_routes_free(d->d_routes);
	d->d_routes = r;
	mtd_conf_reload(d);
}

/* mtd_gencheck_cb - the periodic look at the directory generation */
static void
mtd_gencheck_cb(evutil_socket_t fd, short what, void *arg)
{
	(void) fd;
	(void) what;
	mtd_routes_refresh(arg, 0);
}

/* mtd_tick_cb - the scheduler's timer */
static void
mtd_tick_cb(evutil_socket_t fd, short what, void *arg)
{
	(void) fd;
	(void) what;
	mtd_schedule(arg);
}

/* mtd_tick_in - run the scheduler again in ms milliseconds */
static void
mtd_tick_in(struct mtd *d, long ms)
{
	struct timeval tv = { ms / 1000, (ms % 1000) * 1000 };

	evtimer_del(d->d_tick);
	evtimer_add(d->d_tick, &tv);
}

/* mtd_job_free - release a job (its message is not touched) */
void
mtd_job_free(struct mtd_job *j)
{
	size_t	i;

	for (i = 0; i < j->j_nhops; i++)
		mmhs_free(j->j_hops[i]);
	mmhs_free(j->j_hops);
	mmhs_free(j->j_rcpt);
	mmhs_free(j->j_route);
	mmhs_free(j);
}

/* mtd_msg_free - release a message from memory (not from the queue) */
static void
mtd_msg_free(struct mtd *d, struct mtd_msg *m)
{
	size_t	i;

	TAILQ_REMOVE(&d->d_msgs, m, m_link);
	d->d_nmsgs--;
	for (i = 0; i < m->m_env->qe_nrcpt; i++)
		mmhs_free(m->m_rhop[i]);
	mmhs_free(m->m_rhop);
	mmhs_free(m->m_rkind);
	mtd_sec_free(m);
	mmhs_free(m->m_res);
	mmhs_free(m->m_data);
	mmhs_free(m->m_msgid);
	mmhs_queue_env_free(m->m_env);
	mmhs_free(m);
}

/* mtd_job_done - a job has every recipient's result */
void
mtd_job_done(struct mtd *d, struct mtd_job *j)
{
	struct mtd_msg *m = j->j_msg;

	mtd_job_free(j);
	if (--m->m_njobs > 0)
		return;
	if (!d->d_stopping)
		mtd_done_message(d, m);
	else
		mmhs_queue_release(d->d_mta->m_queue, m->m_id);
	mtd_msg_free(d, m);
	mtd_tick_in(d, 0);
}

/* mtd_job_local_fail - give a job's recipients a result made here */
void
mtd_job_local_fail(struct mtd *d, struct mtd_job *j, int code,
	const char *text)
{
	struct mtd_msg *m = j->j_msg;
	size_t	i, r;

	for (i = 0; i < j->j_nrcpt; i++) {
		r = j->j_rcpt[i];
		m->m_res[r].rs_code = code;
		snprintf(m->m_res[r].rs_text, sizeof(m->m_res[r].rs_text),
		    "%s", text);
		mmhs_free(m->m_rhop[r]);
		m->m_rhop[r] = mmhs_strdup(j->j_hops[j->j_hop]);
	}
	mtd_job_done(d, j);
}

/* mtd_has_8bit - whether the content needs BODY=8BITMIME */
static int
mtd_has_8bit(const unsigned char *p, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++)
		if (p[i] & 0x80)
			return 1;
	return 0;
}

/* mtd_msg_load - read m's content if it is not in memory yet; 0, or
 * -1 with a 451 reply in text */
int
mtd_msg_load(struct mtd *d, struct mtd_msg *m, char *text, size_t len)
{
	int	rc;

	if (m->m_data != NULL)
		return 0;
	rc = mmhs_queue_content(d->d_mta->m_queue, m->m_id, &m->m_data,
	    &m->m_len);
	if (rc != 0) {
		m->m_data = NULL;
		snprintf(text, len, "451 4.3.0 queue read error: %s",
		    mmhs_queue_strerror(rc));
		mmhs_warn("%s: %s", m->m_id, text);
		return -1;
	}
	m->m_8bit = mtd_has_8bit(m->m_data, m->m_len);
	return 0;
}

/* mtd_job_start - load what a job needs to be sent; -1: failed here */
int
mtd_job_start(struct mtd *d, struct mtd_job *j)
{
	struct mtd_msg *m = j->j_msg;
	char	text[MTD_REPLY_MAX];

	if (mtd_msg_load(d, m, text, sizeof(text)) != 0) {
		mtd_job_local_fail(d, j, 451, text);
		return -1;
	}
	m->m_started++;
	return 0;
}

/* mtd_peek_msgid - the Message-ID of the header, for the log */
static char *
mtd_peek_msgid(struct mtd *d, const char *id)
{
	char	buf[MTD_HDR_PEEK + 1], *p, *e, *eol;
	size_t	got = 0;

	if (mmhs_queue_read(d->d_mta->m_queue, id, 0, buf, MTD_HDR_PEEK,
	    &got) != 0)
		return NULL;
	buf[got] = '\0';
	for (p = buf; *p != '\0' && *p != '\r' && *p != '\n'; p = eol + 1) {
		if ((eol = strchr(p, '\n')) == NULL)
			break;
		if (strncasecmp(p, "Message-ID:", 11) != 0)
			continue;
		p += 11;
		while (*p == ' ' || *p == '\t')
			p++;
		for (e = p; e < eol && *e != '\r' && *e != ' '; e++)
			;
		return e > p ? mmhs_strndup(p, (size_t) (e - p)) : NULL;
	}
	return NULL;
}

/* mtd_job_for - the job of m for route rt, created on first use */
static struct mtd_job *
mtd_job_for(struct mtd_job **jobs, size_t *njobs,
	const struct mmhs_route *rt, struct mtd_msg *m)
{
	struct mtd_job *j;
	size_t	i;

	for (i = 0; i < *njobs; i++)
		if (strcmp(jobs[i]->j_route, rt->rt_name) == 0)
			return jobs[i];
	j = mmhs_calloc(1, sizeof(*j));
	j->j_msg = m;
	j->j_prec = m->m_env->qe_prec;
	j->j_route = mmhs_strdup(rt->rt_name);
	j->j_nhops = rt->rt_nhops;
	j->j_hops = mmhs_calloc(rt->rt_nhops, sizeof(char *));
	for (i = 0; i < rt->rt_nhops; i++)
		j->j_hops[i] = mmhs_strdup(rt->rt_hops[i]);
	j->j_rcpt = mmhs_calloc(m->m_env->qe_nrcpt, sizeof(size_t));
	jobs[(*njobs)++] = j;
	return j;
}

/* mtd_route_rcpts - jobs for the due recipients of m (others: results) */
static size_t
mtd_route_rcpts(struct mtd *d, struct mtd_msg *m, time_t now,
	struct mtd_job **jobs)
{
	const struct mmhs_queue_env *e = m->m_env;
	const struct mmhs_route *rt;
	struct mtd_job *j;
	size_t	i, n = 0;
	char	err[256];

	for (i = 0; i < e->qe_nrcpt; i++) {
		if (e->qe_rcpt[i].qr_state == MMHS_RCPT_DELIVERED ||
		    e->qe_rcpt[i].qr_state == MMHS_RCPT_FAILED ||
		    e->qe_rcpt[i].qr_next > now)
			continue;
		if (now >= e->qe_expiry) {
			m->m_res[i].rs_code = 450;
			snprintf(m->m_res[i].rs_text, MTD_REPLY_MAX,
			    "450 4.4.7 message expired in the queue");
			continue;
		}
		rt = d->d_routes == NULL ? NULL :
		    mmhs_route_lookup(mta_routes_table(d->d_routes),
		    mta_routes_scope(d->d_routes), e->qe_rcpt[i].qr_addr,
		    e->qe_prec, err, sizeof(err));
		if (rt == NULL || rt->rt_nhops == 0) {
			m->m_res[i].rs_code = 554;
			snprintf(m->m_res[i].rs_text, MTD_REPLY_MAX,
			    "554 5.4.4 unable to route: %s",
			    d->d_routes == NULL ? "no route table" : err);
			continue;
		}
		j = mtd_job_for(jobs, &n, rt, m);
		j->j_rcpt[j->j_nrcpt++] = i;
		mtd_track(d, m, i, "routed", rt->rt_hops[0], NULL);
	}
	return n;
}

/* mtd_take - bring leased message id into delivery */
static void
mtd_take(struct mtd *d, const char *id, time_t now)
{
	struct mmhs_queue_env *env = NULL;
	struct mtd_job **jobs;
	struct mtd_msg *m;
	size_t	n, i;
	int	rc;

	if ((rc = mmhs_queue_get(d->d_mta->m_queue, id, &env)) != 0) {
		mmhs_warn("%s: cannot read envelope: %s", id,
		    mmhs_queue_strerror(rc));
		mmhs_queue_release(d->d_mta->m_queue, id);
		return;
	}
	m = mmhs_calloc(1, sizeof(*m));
	memcpy(m->m_id, id, sizeof(m->m_id));
	m->m_env = env;
	m->m_res = mmhs_calloc(env->qe_nrcpt, sizeof(*m->m_res));
	m->m_rhop = mmhs_calloc(env->qe_nrcpt, sizeof(char *));
	m->m_rkind = mmhs_calloc(env->qe_nrcpt, 1);
	m->m_msgid = mtd_peek_msgid(d, id);
	TAILQ_INSERT_TAIL(&d->d_msgs, m, m_link);
	d->d_nmsgs++;
	jobs = mmhs_calloc(env->qe_nrcpt + 1, sizeof(*jobs));
	n = mtd_route_rcpts(d, m, now, jobs);
	/* one extra count: a job finishing inside mtd_dest_add must not
	 * finish the message while jobs are still being handed out */
	m->m_njobs = (int) n + 1;
	for (i = 0; i < n; i++)
		mtd_dest_add(d, jobs[i]);
	mmhs_free(jobs);
	if (--m->m_njobs == 0) {
		mtd_done_message(d, m);
		mtd_msg_free(d, m);
	}
}

/* mtd_schedule - take what is due, as far as the limits allow */
void
mtd_schedule(struct mtd *d)
{
	char	id[MMHS_QUEUE_ID_LEN + 1];
	time_t	now = time(NULL), when = 0;
	long	ms = MTD_TICK_MS;
	int	n, rc;

	if (d->d_stopping)
		return;
	mtd_routes_refresh(d, 0);
	for (n = 0; n < 512; n++) {
		if (d->d_nmsgs >= d->d_max_inflight)
			break;
		rc = mmhs_queue_next_ready(d->d_mta->m_queue, now, id, &when);
		if (rc == MMHS_QUEUE_ENOENT) {
			if (when > now && (when - now) * 1000 < ms)
				ms = (long) (when - now) * 1000;
			break;
		}
		if (rc != 0) {
			mmhs_warn("mtd_schedule: next_ready: %s",
			    mmhs_queue_strerror(rc));
			break;
		}
		mtd_take(d, id, now);
	}
	if (n == 512)
		ms = 0;	/* more is due: go on after other events */
	mtd_tick_in(d, ms);
}

/* mtd_pump_soon - asynchronous queue operations were submitted */
void
mtd_pump_soon(struct mtd *d)
{
	mta_queue_kick(d->d_mta);
}

/* mta_deliver_start - set up the delivery side and start scheduling */
int
mta_deliver_start(struct mta *m)
{
	struct mtd *d = mmhs_calloc(1, sizeof(*d));
	struct timeval tv = { 0, 250000 };

	d->d_mta = m;
	TAILQ_INIT(&d->d_msgs);
	TAILQ_INIT(&d->d_dests);
	TAILQ_INIT(&d->d_conns);
	m->m_deliver = d;
	mtd_conf_reload(d);
	mtd_routes_refresh(d, 1);
	mtd_rm_start(d);
	d->d_tick = evtimer_new(m->m_base, mtd_tick_cb, d);
	d->d_gencheck = event_new(m->m_base, -1, EV_PERSIST, mtd_gencheck_cb,
	    d);
	if (d->d_tick == NULL || d->d_gencheck == NULL)
		mmhs_fatal("mta_deliver_start: cannot create timers");
	evtimer_add(d->d_gencheck, &tv);
	mtd_tick_in(d, 0);
	return 0;
}

/* mta_deliver_wakeup - a message was queued: schedule soon */
void
mta_deliver_wakeup(struct mta *m)
{
	struct mtd *d = m->m_deliver;

	/* from the loop, after other ready events: many puts, one round */
	if (d != NULL && !d->d_stopping)
		mtd_tick_in(d, 0);
}

/* mta_deliver_stop - close connections, release leases, free */
void
mta_deliver_stop(struct mta *m)
{
	struct mtd *d = m->m_deliver;
	struct mtd_conn *c;
	struct mtd_msg *g;

	if (d == NULL)
		return;
	d->d_stopping = 1;
	/* busy connections: their jobs are dropped, the queue keeps the
	 * messages and a restart delivers them again */
	while ((c = TAILQ_FIRST(&d->d_conns)) != NULL) {
		if (c->c_idle_now)
			TAILQ_REMOVE(&c->c_dest->d_idle, c, c_link);
		if (c->c_job != NULL)
			mtd_job_free(c->c_job);
		if (c->c_next != NULL)
			mtd_job_free(c->c_next);
		mtc_close(c, c->c_idle_now);
	}
	mtd_dest_free_all(d);
	while ((g = TAILQ_FIRST(&d->d_msgs)) != NULL) {
		mmhs_queue_release(m->m_queue, g->m_id);
		mtd_msg_free(d, g);
	}
	mtd_rm_stop(d);
	event_free(d->d_tick);
	event_free(d->d_gencheck);
	if (d->d_routes != NULL)
		mta_routes_free(d->d_routes);
	mmhs_free(d);
	m->m_deliver = NULL;
}
