/* store_sse.c - new-message events pushed to clients (server-sent events)
 *
 * GET /api/v1/events keeps its connection open as a text/event-stream
 * (WHATWG HTML, "Server-sent events"): one "event: message" whose data
 * is the message's JSON summary plus "mailbox" and "dn" for each new
 * delivery that matches the client's filters, a comment line every
 * STORE_SSE_HEARTBEAT_S seconds when nothing else was sent (so that
 * proxies keep the connection and a vanished client is noticed: the
 * write fails and libmicrohttpd ends the response), and an
 * "event: overflow" when the client fell STORE_SSE_QUEUE events behind
 * and some were dropped (it should list the mailbox again).
 *
 * store_db calls store_sse_notify in the delivering thread after the
 * commit; that only formats the event once and queues it for every
 * client, under one mutex, never waiting for a client.  Each client's
 * connection thread takes its events from its queue, filters them
 * (mailboxes, precedence, classification, folder), and asks the
 * directory whether the user may still read the mailbox before it sends
 * one: a role taken away stops its events with the next one.  For a
 * client that asked for no mailbox list, the cache first picks the
 * candidates (own mailbox, roles naming the user), so that the
 * directory is not asked about every delivery of the site.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <microhttpd.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "store.h"

#define SSE_MBOX_MAX	32		/* mailboxes one client asks for */

struct sse_event {
	int	ev_refs;		/* under s_mu */
	char   *ev_norm;		/* mailbox DN, normalised */
	char   *ev_dn;			/* as delivered */
	enum mmhs_precedence ev_prec;
	char   *ev_class;		/* "" unmarked */
	char   *ev_folder;
	char   *ev_text;		/* the whole event, ready to send */
	size_t	ev_len;
};

struct sse_client {
	struct store_sse *c_sse;
	char   *c_user;			/* DN as the directory writes it */
	char   *c_user_norm;		/* the same, normalised */
	char   *c_mbox[SSE_MBOX_MAX];	/* normalised; none: every one */
	int	c_nmbox;
	unsigned c_prec_set;		/* 0: any */
	char   *c_class;		/* NULL: any */
	char   *c_folder;		/* NULL: any */
	pthread_cond_t c_cond;
	struct sse_event *c_queue[STORE_SSE_QUEUE];
	size_t	c_head, c_count;
	unsigned long c_dropped;
	char   *c_out;			/* being sent */
	size_t	c_outlen, c_outpos;
	struct timespec c_last;		/* last write, CLOCK_MONOTONIC */
	struct sse_client *c_next;
};

struct store_sse {
	struct store *s_st;
	pthread_mutex_t s_mu;
	struct sse_client *s_clients;
	int	s_stopping;
};

struct store_sse *
store_sse_new(struct store *st)
{
	struct store_sse *sse = mmhs_calloc(1, sizeof(*sse));

	sse->s_st = st;
	pthread_mutex_init(&sse->s_mu, NULL);
	return sse;
}

/* sse_release - drop one reference; under s_mu */
static void
sse_release(struct sse_event *ev)
{
	if (--ev->ev_refs > 0)
		return;
	mmhs_free(ev->ev_norm);
	mmhs_free(ev->ev_dn);
	mmhs_free(ev->ev_class);
	mmhs_free(ev->ev_folder);
	mmhs_free(ev->ev_text);
	mmhs_free(ev);
}

/* sse_event_new - the event for m, formatted once */
static struct sse_event *
sse_event_new(struct store *st, const struct store_msg *m)
{
	struct sse_event *ev;
	json_t	*j = store_json_summary(st, m);
	char	*mail = mmhs_agent_mail_of(&st->st_agent, m->sm_mailbox);
	char	*data;
	size_t	dlen;

	json_object_set_new(j, "mailbox", json_string(mail != NULL ? mail :
	    ""));
	json_object_set_new(j, "dn", json_string(m->sm_mailbox));
	mmhs_free(mail);
	data = json_dumps(j, JSON_COMPACT);	/* one line: no '\n' inside */
	json_decref(j);
	if (data == NULL)
		return NULL;
	ev = mmhs_calloc(1, sizeof(*ev));
	dlen = strlen(data) + 32;
	ev->ev_text = mmhs_malloc(dlen);
	ev->ev_len = (size_t) snprintf(ev->ev_text, dlen,
	    "event: message\ndata: %s\n\n", data);
	free(data);
	ev->ev_norm = store_dn_norm(m->sm_mailbox);
	ev->ev_dn = mmhs_strdup(m->sm_mailbox);
	ev->ev_prec = m->sm_prec;
	ev->ev_class = mmhs_strdup(m->sm_class != NULL ? m->sm_class : "");
	ev->ev_folder = mmhs_strdup(m->sm_folder);
	return ev;
}

void
store_sse_notify(void *arg, const struct store_msg *m)
{
	struct store_sse *sse = arg;
	struct sse_client *c;
	struct sse_event *ev;

	pthread_mutex_lock(&sse->s_mu);
	if (sse->s_clients == NULL || sse->s_stopping) {
		pthread_mutex_unlock(&sse->s_mu);
		return;
	}
	pthread_mutex_unlock(&sse->s_mu);
	if ((ev = sse_event_new(sse->s_st, m)) == NULL)
		return;
	pthread_mutex_lock(&sse->s_mu);
	ev->ev_refs = 1;
	for (c = sse->s_clients; c != NULL; c = c->c_next) {
		if (c->c_count == STORE_SSE_QUEUE) {
			sse_release(c->c_queue[c->c_head]);
			c->c_head = (c->c_head + 1) % STORE_SSE_QUEUE;
			c->c_count--;
			c->c_dropped++;
		}
		ev->ev_refs++;
		c->c_queue[(c->c_head + c->c_count++) % STORE_SSE_QUEUE] = ev;
		pthread_cond_signal(&c->c_cond);
	}
	sse_release(ev);
	pthread_mutex_unlock(&sse->s_mu);
}

/* sse_same_folder - folder names are exact, but "inbox" in any case is
 * the Inbox (store_db.h) */
static int
sse_same_folder(const char *a, const char *b)
{
	if (strcasecmp(a, "inbox") == 0 || strcasecmp(b, "inbox") == 0)
		return strcasecmp(a, b) == 0;
	return strcmp(a, b) == 0;
}

/* sse_wanted - does the client want ev, and may the user read it now? */
static int
sse_wanted(struct sse_client *c, const struct sse_event *ev)
{
	struct store *st = c->c_sse->s_st;
	mmhs_dircache_entry_t *e;
	const mmhs_dircache_attr_t *a;
	size_t	i;
	int	k, hit = 0;
	char	*n;

	if ((c->c_prec_set != 0 && !(c->c_prec_set & (1u << ev->ev_prec))) ||
	    (c->c_class != NULL && strcasecmp(c->c_class, ev->ev_class) != 0) ||
	    (c->c_folder != NULL && !sse_same_folder(c->c_folder,
	    ev->ev_folder)))
		return 0;
	for (k = 0; k < c->c_nmbox && !hit; k++)
		hit = strcmp(c->c_mbox[k], ev->ev_norm) == 0;
	if (c->c_nmbox > 0 && !hit)
		return 0;
	if (c->c_nmbox == 0 && strcmp(c->c_user_norm, ev->ev_norm) != 0) {
		/* the cache picks the candidates, the directory decides */
		if ((e = mmhs_dircache_by_dn(st->st_agent.ag_cache,
		    ev->ev_dn)) == NULL)
			return 0;
		a = mmhs_dircache_attr(e, "roleOccupant");
		for (i = 0; a != NULL && i < a->da_nvals && !hit; i++) {
			n = store_dn_norm(a->da_vals[i]);
			hit = n != NULL && strcmp(n, c->c_user_norm) == 0;
			mmhs_free(n);
		}
		mmhs_dircache_entry_free(e);
		if (!hit)
			return 0;
	}
	return store_access_mailbox(st, c->c_user, ev->ev_dn) == 1;
}

/* sse_set - the next text to send; under s_mu or in the client thread */
static void
sse_set(struct sse_client *c, const char *text, size_t len)
{
	mmhs_free(c->c_out);
	c->c_out = mmhs_strndup(text, len);
	c->c_outlen = len;
	c->c_outpos = 0;
}

/* sse_next - wait for the next thing to send: an event the client
 * wants, an overflow notice, or a heartbeat.  0, or -1 when stopping. */
static int
sse_next(struct sse_client *c)
{
	struct store_sse *sse = c->c_sse;
	struct sse_event *ev;
	struct timespec until;
	char	note[96];
	int	rc, timed_out;

	for (;;) {
		pthread_mutex_lock(&sse->s_mu);
		until = c->c_last;
		until.tv_sec += STORE_SSE_HEARTBEAT_S;
		timed_out = 0;
		while (!sse->s_stopping && c->c_count == 0 &&
		    c->c_dropped == 0 && !timed_out)
			timed_out = pthread_cond_timedwait(&c->c_cond,
			    &sse->s_mu, &until) != 0;
		if (sse->s_stopping) {
			pthread_mutex_unlock(&sse->s_mu);
			return -1;
		}
		if (c->c_dropped > 0) {
			rc = snprintf(note, sizeof(note), "event: overflow\n"
			    "data: {\"dropped\":%lu}\n\n", c->c_dropped);
			c->c_dropped = 0;
			pthread_mutex_unlock(&sse->s_mu);
			sse_set(c, note, (size_t) rc);
			return 0;
		}
		if (c->c_count == 0) {
			pthread_mutex_unlock(&sse->s_mu);
			sse_set(c, ": heartbeat\n\n", 13);
			return 0;
		}
		ev = c->c_queue[c->c_head];
		c->c_head = (c->c_head + 1) % STORE_SSE_QUEUE;
		c->c_count--;
		pthread_mutex_unlock(&sse->s_mu);
		/* the event is not freed before its last release */
		rc = sse_wanted(c, ev);
		if (rc)
			sse_set(c, ev->ev_text, ev->ev_len);
		pthread_mutex_lock(&sse->s_mu);
		sse_release(ev);
		pthread_mutex_unlock(&sse->s_mu);
		if (rc)
			return 0;
	}
}

/* sse_read - libmicrohttpd's content reader: blocks in the connection's
 * own thread until there is something to send */
static ssize_t
sse_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct sse_client *c = cls;
	size_t	n;

	(void) pos;
	if (c->c_outpos == c->c_outlen && sse_next(c) < 0)
		return MHD_CONTENT_READER_END_OF_STREAM;
	n = c->c_outlen - c->c_outpos;
	if (n > max)
		n = max;
	memcpy(buf, c->c_out + c->c_outpos, n);
	c->c_outpos += n;
	clock_gettime(CLOCK_MONOTONIC, &c->c_last);
	return (ssize_t) n;
}

/* sse_client_free - the client's memory (its events released under s_mu) */
static void
sse_client_free(struct sse_client *c)
{
	int	k;

	for (k = 0; k < c->c_nmbox; k++)
		mmhs_free(c->c_mbox[k]);
	mmhs_free(c->c_user);
	mmhs_free(c->c_user_norm);
	mmhs_free(c->c_class);
	mmhs_free(c->c_folder);
	mmhs_free(c->c_out);
	pthread_cond_destroy(&c->c_cond);
	mmhs_free(c);
}

/* sse_gone - libmicrohttpd is done with the response: the connection
 * closed, the client went away, or the server stops */
static void
sse_gone(void *cls)
{
	struct sse_client *c = cls, **pp;
	struct store_sse *sse = c->c_sse;

	pthread_mutex_lock(&sse->s_mu);
	for (pp = &sse->s_clients; *pp != NULL; pp = &(*pp)->c_next)
		if (*pp == c) {
			*pp = c->c_next;
			break;
		}
	while (c->c_count > 0) {
		sse_release(c->c_queue[c->c_head]);
		c->c_head = (c->c_head + 1) % STORE_SSE_QUEUE;
		c->c_count--;
	}
	pthread_mutex_unlock(&sse->s_mu);
	sse_client_free(c);
}

/* sse_filters - the query of GET /events into c; -1 and a reply queued */
static int
sse_filters(struct store_req *rq, struct sse_client *c, int *rc)
{
	struct store_mbox mb;
	const char *v;
	char	*copy, *tok, *sp;
	enum mmhs_precedence p;
	int	yes;

	if ((v = store_req_arg(rq, "precedence")) != NULL) {
		copy = mmhs_strdup(v);
		for (tok = strtok_r(copy, ", ", &sp); tok != NULL;
		    tok = strtok_r(NULL, ", ", &sp)) {
			if (mmhs_precedence_from_name(tok, &p) < 0) {
				mmhs_free(copy);
				*rc = store_reply_error(rq, 400, "unknown "
				    "precedence %s", v);
				return -1;
			}
			c->c_prec_set |= 1u << p;
		}
		mmhs_free(copy);
	}
	if ((v = store_req_arg(rq, "classification")) != NULL && *v != '\0')
		c->c_class = mmhs_strdup(v);
	if ((v = store_req_arg(rq, "folder")) != NULL) {
		if (!store_folder_valid(v)) {
			*rc = store_reply_error(rq, 400, "bad folder name");
			return -1;
		}
		c->c_folder = mmhs_strdup(v);
	}
	if ((v = store_req_arg(rq, "mailbox")) == NULL)
		return 0;
	copy = mmhs_strdup(v);
	for (tok = strtok_r(copy, ", ", &sp); tok != NULL;
	    tok = strtok_r(NULL, ", ", &sp)) {
		if (c->c_nmbox == SSE_MBOX_MAX) {
			*rc = store_reply_error(rq, 400, "more than %d "
			    "mailboxes", SSE_MBOX_MAX);
			break;
		}
		if (store_mbox_lookup(rq->rq_st, tok, &mb) < 0) {
			*rc = store_reply_error(rq, 404, "no mailbox %s", tok);
			break;
		}
		yes = store_access_mailbox(rq->rq_st, rq->rq_user_dn,
		    mb.mb_dn);
		c->c_mbox[c->c_nmbox++] = store_dn_norm(mb.mb_dn);
		store_mbox_free(&mb);
		if (yes != 1) {
			*rc = yes < 0 ? store_reply_error(rq, 503, "the "
			    "directory cannot be asked now") :
			    store_reply_error(rq, 403, "%s may not read %s",
			    rq->rq_user_dn, tok);
			break;
		}
	}
	mmhs_free(copy);
	return tok == NULL ? 0 : -1;
}

int
store_api_events(struct store_req *rq)
{
	struct store_sse *sse = rq->rq_st->st_sse;
	struct MHD_Response *resp;
	struct sse_client *c;
	pthread_condattr_t ca;
	static const char hello[] = ": ready\n\n";
	int	rc;

	c = mmhs_calloc(1, sizeof(*c));
	c->c_sse = sse;
	c->c_user = mmhs_strdup(rq->rq_user_dn);
	c->c_user_norm = mmhs_strdup(rq->rq_user != NULL ? rq->rq_user : "");
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&c->c_cond, &ca);
	pthread_condattr_destroy(&ca);
	clock_gettime(CLOCK_MONOTONIC, &c->c_last);
	if (sse_filters(rq, c, &rc) < 0) {
		sse_client_free(c);
		return rc;
	}
	sse_set(c, hello, sizeof(hello) - 1);
	resp = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 4096,
	    sse_read, c, sse_gone);
	if (resp == NULL) {
		sse_client_free(c);
		return store_reply_error(rq, 500, "cannot start the stream");
	}
	pthread_mutex_lock(&sse->s_mu);
	c->c_next = sse->s_clients;
	sse->s_clients = c;
	pthread_mutex_unlock(&sse->s_mu);
	(void) MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
	    "text/event-stream");
	(void) MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL,
	    "no-store");
	rc = MHD_queue_response(rq->rq_conn, 200, resp);
	MHD_destroy_response(resp);	/* sse_gone runs when it is done */
	return rc;
}

void
store_sse_stop(struct store_sse *sse)
{
	struct sse_client *c;

	if (sse == NULL)
		return;
	pthread_mutex_lock(&sse->s_mu);
	sse->s_stopping = 1;
	for (c = sse->s_clients; c != NULL; c = c->c_next)
		pthread_cond_signal(&c->c_cond);
	pthread_mutex_unlock(&sse->s_mu);
}

void
store_sse_free(struct store_sse *sse)
{
	if (sse == NULL)
		return;
	if (sse->s_clients != NULL)
		mmhs_warn("event streams still open at exit");
	pthread_mutex_destroy(&sse->s_mu);
	mmhs_free(sse);
}
