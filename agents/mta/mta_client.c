/* mta_client.c - mmhs-mta: one non-blocking SMTP or LMTP client connection
 *
 * Purpose: talk to one next hop over a libevent bufferevent: connect,
 * greeting, EHLO (HELO when EHLO is refused) or LHLO, then any number
 * of transactions, each one message with the recipients of one job:
 * RSET (from the second transaction on), MAIL FROM with SIZE,
 * BODY=8BITMIME when the content has 8-bit octets and the peer offers
 * it, RET/ENVID and NOTIFY/ORCPT when the peer offers DSN, MT-PRIORITY
 * (as received, else the precedence's STANAG 4406 value, RFC 6710)
 * when the peer offers it; RCPT TO per recipient; DATA; the dot-stuffed
 * content with CRLF line ends.  With PIPELINING the commands up to DATA
 * go in one write; without it, one at a time.  LMTP answers once per
 * accepted recipient after the final dot (RFC 2033), SMTP once.
 *
 * Interface (mta_deliver.h): mtc_open() starts connecting and calls
 * mtd_dest_conn_ready() when the session can carry a transaction, or
 * mtd_dest_conn_failed(before_ready = 1) when it cannot (refused,
 * timed out, greeting or hello not 2xx).  mtc_send() runs a transaction
 * and stores every recipient's reply into the message's m_res, then
 * calls mtd_job_done() and mtd_dest_conn_ready().  A session lost in a
 * transaction gives its unanswered recipients a 4xx result (so they are
 * retried), calls mtd_job_done() and mtd_dest_conn_closed().
 *
 * Bounds: reply lines of MTD_LINE_MAX octets, MTD_REPLY_LINES lines per
 * reply, timeouts MTD_CONNECT_TMOUT, MTD_CMD_TMOUT, MTD_DATA_TMOUT.
 * Host names are resolved by the system resolver (blocking; mmhsListen
 * values hold addresses in practice).
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mta_deliver.h"
#include "mta_dsn.h"

/* Session states. */
enum {
	MTC_S_CONNECT, MTC_S_GREET, MTC_S_HELLO, MTC_S_HELO, MTC_S_READY,
	MTC_S_TRANS, MTC_S_QUIT
};

/* Replies awaited in a transaction. */
enum { MTC_R_RSET, MTC_R_MAIL, MTC_R_RCPT, MTC_R_DATA, MTC_R_DOT };

static void mtc_read(struct bufferevent *bev, void *arg);
static void mtc_event(struct bufferevent *bev, short what, void *arg);

/* mtc_timeout - set the read timeout for what is awaited now */
static void
mtc_timeout(struct mtd_conn *c, int secs)
{
	struct timeval tv = { secs, 0 };

	if (secs == 0)
		bufferevent_set_timeouts(c->c_bev, NULL, NULL);
	else
		bufferevent_set_timeouts(c->c_bev, &tv, &tv);
}

/* mtc_open - start a connection to a; the destination counts it */
struct mtd_conn *
mtc_open(struct mtd *d, struct mtd_dest *dest, const struct mtd_addr *a)
{
	struct mtd_conn *c = mmhs_calloc(1, sizeof(*c));

	c->c_d = d;
	c->c_dest = dest;
	c->c_addr = *a;
	c->c_state = MTC_S_CONNECT;
	TAILQ_INSERT_TAIL(&d->d_conns, c, c_all);
	/* deferred callbacks: no callback runs inside mtc_open or inside
	 * a call from the scheduler */
	c->c_bev = bufferevent_socket_new(d->d_mta->m_base, -1,
	    BEV_OPT_CLOSE_ON_FREE | BEV_OPT_DEFER_CALLBACKS);
	if (c->c_bev == NULL)
		mmhs_fatal("mtc_open: bufferevent_socket_new failed");
	bufferevent_setcb(c->c_bev, mtc_read, NULL, mtc_event, c);
	mtc_timeout(c, MTD_CONNECT_TMOUT);
	bufferevent_enable(c->c_bev, EV_READ | EV_WRITE);
	/* a failure is reported through mtc_event */
	(void) bufferevent_socket_connect_hostname(c->c_bev, NULL, AF_UNSPEC,
	    a->a_host, a->a_port);
	return c;
}

/* mtc_free - release a connection's resources */
static void
mtc_free(struct mtd_conn *c)
{
	TAILQ_REMOVE(&c->c_d->d_conns, c, c_all);
	if (c->c_idle != NULL)
		event_free(c->c_idle);
	if (c->c_bev != NULL)
		bufferevent_free(c->c_bev);
	mmhs_free(c->c_res);
	mmhs_free(c->c_want);
	mmhs_free(c);
}

/* mtc_printf - queue one command line */
static void
mtc_printf(struct mtd_conn *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void
mtc_printf(struct mtd_conn *c, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	evbuffer_add_vprintf(bufferevent_get_output(c->c_bev), fmt, ap);
	va_end(ap);
}

/* mtc_unanswered - give every recipient still without a reply the text */
static void
mtc_unanswered(struct mtd_conn *c, int code, const char *text)
{
	struct mtd_job *j = c->c_job;
	size_t	i;

	for (i = 0; i < j->j_nrcpt; i++) {
		if (c->c_res[i].rs_code != 0)
			continue;
		c->c_res[i].rs_code = code;
		snprintf(c->c_res[i].rs_text, sizeof(c->c_res[i].rs_text),
		    "%s", text);
	}
}

/* mtc_finish - hand the job's results to the scheduler */
static void
mtc_finish(struct mtd_conn *c)
{
	struct mtd_job *j = c->c_job;
	struct mtd_msg *m = j->j_msg;
	size_t	i, r;
	int	kind;

	kind = c->c_addr.a_lmtp ? MTD_K_LMTP :
	    c->c_caps.c_dsn ? MTD_K_SMTP : MTD_K_SMTP_NODSN;
	for (i = 0; i < j->j_nrcpt; i++) {
		r = j->j_rcpt[i];
		m->m_res[r] = c->c_res[i];
		m->m_rkind[r] = (unsigned char) kind;
		mmhs_free(m->m_rhop[r]);
		m->m_rhop[r] = mmhs_strdup(j->j_hops[j->j_hop]);
	}
	c->c_job = NULL;
	c->c_used++;
	mtd_job_done(c->c_d, j);
}

/* mtc_fail - the session broke: report, then close */
static void
mtc_fail(struct mtd_conn *c, const char *why)
{
	char	text[MTD_REPLY_MAX];
	int	before_ready = c->c_state < MTC_S_READY;

	snprintf(text, sizeof(text), "421 4.4.2 %s:%d %s", c->c_addr.a_host,
	    c->c_addr.a_port, why);
	bufferevent_disable(c->c_bev, EV_READ | EV_WRITE);
	if (c->c_job != NULL) {
		mtc_unanswered(c, 421, text);
		mtc_finish(c);
	}
	if (before_ready)
		mtd_dest_conn_failed(c, text, 1);
	else
		mtd_dest_conn_closed(c);
	mtc_free(c);
}

/* mtc_close - end a connection (QUIT first when asked) */
void
mtc_close(struct mtd_conn *c, int quit)
{
	if (quit && c->c_state == MTC_S_READY) {
		/* QUIT goes out best effort; nothing waits for its reply */
		mtc_printf(c, "QUIT\r\n");
		(void) evbuffer_write(bufferevent_get_output(c->c_bev),
		    bufferevent_getfd(c->c_bev));
	}
	mtc_free(c);
}

/* mtc_idle_cb - an idle connection's time is up */
static void
mtc_idle_cb(evutil_socket_t fd, short what, void *arg)
{
	struct mtd_conn *c = arg;

	(void) fd;
	(void) what;
	mtd_dest_conn_closed(c);
	mtc_close(c, 1);
}

/* mtc_idle - keep the connection for reuse for secs, then QUIT */
void
mtc_idle(struct mtd_conn *c, unsigned secs)
{
	struct timeval tv = { (time_t) secs, 0 };

	if (c->c_idle == NULL)
		c->c_idle = evtimer_new(c->c_d->d_mta->m_base, mtc_idle_cb, c);
	evtimer_add(c->c_idle, &tv);
	mtc_timeout(c, 0);
}

/* mtc_caps_line - one line of an EHLO reply */
static void
mtc_caps_line(struct mtd_caps *k, const char *kw)
{
	if (strncasecmp(kw, "PIPELINING", 10) == 0 && kw[10] == '\0')
		k->c_pipelining = 1;
	else if (strcasecmp(kw, "8BITMIME") == 0)
		k->c_8bitmime = 1;
	else if (strcasecmp(kw, "DSN") == 0)
		k->c_dsn = 1;
	else if (strncasecmp(kw, "MT-PRIORITY", 11) == 0 &&
	    (kw[11] == '\0' || kw[11] == ' '))
		k->c_mtprio = 1;
	else if (strncasecmp(kw, "SIZE", 4) == 0 &&
	    (kw[4] == '\0' || kw[4] == ' ')) {
		k->c_size = 1;
		k->c_size_max = kw[4] ? strtoul(kw + 5, NULL, 10) : 0;
	}
}

/* mtc_hello - send EHLO, LHLO or HELO */
static void
mtc_hello(struct mtd_conn *c, int helo)
{
	const char *me = c->c_d->d_mta->m_conf.mc_hostname;

	if (me == NULL || *me == '\0')
		me = "localhost";
	memset(&c->c_caps, 0, sizeof(c->c_caps));
	mtc_printf(c, "%s %s\r\n", helo ? "HELO" : c->c_addr.a_lmtp ?
	    "LHLO" : "EHLO", me);
	c->c_state = helo ? MTC_S_HELO : MTC_S_HELLO;
	mtc_timeout(c, MTD_CMD_TMOUT);
}

/* mtc_mail - MAIL FROM with the parameters the peer understands */
static void
mtc_mail(struct mtd_conn *c, const struct mtd_msg *m)
{
	const struct mmhs_queue_env *e = m->m_env;
	const struct mtd_caps *k = &c->c_caps;
	char	x[3 * MMHS_QUEUE_MAX_ADDR + 1];
	int	mt;

	mtc_printf(c, "MAIL FROM:<%s>", e->qe_sender);
	if (k->c_size)
		mtc_printf(c, " SIZE=%zu", m->m_len);
	if (m->m_8bit && k->c_8bitmime)
		mtc_printf(c, " BODY=8BITMIME");
	if (k->c_dsn && e->qe_ret != MMHS_DSN_RET_NONE)
		mtc_printf(c, " RET=%s", e->qe_ret == MMHS_DSN_RET_HDRS ?
		    "HDRS" : "FULL");
	if (k->c_dsn && e->qe_envid != NULL && *e->qe_envid &&
	    mta_dsn_xtext(e->qe_envid, 0, x, sizeof(x)) != NULL)
		mtc_printf(c, " ENVID=%s", x);
	if (k->c_mtprio) {
		mt = e->qe_mt_priority;
		if (mt < MMHS_MT_PRIORITY_MIN || mt > MMHS_MT_PRIORITY_MAX)
			mt = mmhs_precedence_to_mt_priority(e->qe_prec);
		mtc_printf(c, " MT-PRIORITY=%d", mt);
	}
	mtc_printf(c, "\r\n");
}

/* mtc_rcpt - RCPT TO with NOTIFY and ORCPT when the peer offers DSN */
static void
mtc_rcpt(struct mtd_conn *c, const struct mmhs_queue_rcpt *r)
{
	static const struct {
		unsigned f;
		const char *name;
	} nt[] = {
		{ MMHS_NOTIFY_SUCCESS, "SUCCESS" },
		{ MMHS_NOTIFY_FAILURE, "FAILURE" },
		{ MMHS_NOTIFY_DELAY, "DELAY" },
	};
	const char *sep = "";
	char	x[3 * MMHS_QUEUE_MAX_ADDR + 1];
	size_t	i;

	mtc_printf(c, "RCPT TO:<%s>", r->qr_addr);
	if (c->c_caps.c_dsn && r->qr_notify != 0) {
		mtc_printf(c, " NOTIFY=");
		if (r->qr_notify & MMHS_NOTIFY_NEVER)
			mtc_printf(c, "NEVER");
		else
			for (i = 0; i < sizeof(nt) / sizeof(nt[0]); i++)
				if (r->qr_notify & nt[i].f) {
					mtc_printf(c, "%s%s", sep, nt[i].name);
					sep = ",";
				}
	}
	if (c->c_caps.c_dsn && r->qr_orcpt != NULL && *r->qr_orcpt &&
	    mta_dsn_xtext(r->qr_orcpt, 1, x, sizeof(x)) != NULL)
		mtc_printf(c, " ORCPT=%s", x);
	mtc_printf(c, "\r\n");
}

/* mtc_command - queue command number i of the transaction */
static void
mtc_command(struct mtd_conn *c, size_t i)
{
	struct mtd_job *j = c->c_job;

	switch (c->c_want[i]) {
	case MTC_R_RSET:
		mtc_printf(c, "RSET\r\n");
		break;
	case MTC_R_MAIL:
		mtc_mail(c, j->j_msg);
		break;
	case MTC_R_RCPT:
		/* the RCPT wants follow MAIL (and RSET) in recipient order */
		mtc_rcpt(c, &j->j_msg->m_env->qe_rcpt[j->j_rcpt[i -
		    (c->c_used ? 2 : 1)]]);
		break;
	case MTC_R_DATA:
		mtc_printf(c, "DATA\r\n");
		break;
	default:
		break;
	}
}

/* mtc_send - run one transaction for job j */
void
mtc_send(struct mtd_conn *c, struct mtd_job *j)
{
	size_t	n = 0, i;

	c->c_job = j;
	c->c_state = MTC_S_TRANS;
	mmhs_free(c->c_res);
	c->c_res = mmhs_calloc(j->j_nrcpt, sizeof(*c->c_res));
	mmhs_free(c->c_want);
	/* RSET, MAIL, RCPTs, DATA, and one per recipient after the dot */
	c->c_want = mmhs_calloc(2 * j->j_nrcpt + 4, sizeof(int));
	if (c->c_used)
		c->c_want[n++] = MTC_R_RSET;
	c->c_want[n++] = MTC_R_MAIL;
	for (i = 0; i < j->j_nrcpt; i++)
		c->c_want[n++] = MTC_R_RCPT;
	c->c_want[n++] = MTC_R_DATA;
	c->c_nwant = n;
	c->c_iwant = 0;
	c->c_rcpt_i = 0;
	c->c_accepted = 0;
	c->c_data_i = 0;
	c->c_rcode = 0;
	if (c->c_idle != NULL)
		evtimer_del(c->c_idle);
	if (c->c_caps.c_pipelining) {
		for (i = 0; i < n; i++)
			mtc_command(c, i);
	} else
		mtc_command(c, 0);
	mtc_timeout(c, MTD_CMD_TMOUT);
}

/* mtc_content - the dot-stuffed content with CRLF line ends, then "." */
static void
mtc_content(struct mtd_conn *c)
{
	struct evbuffer *out = bufferevent_get_output(c->c_bev);
	const char *p = c->c_job->j_msg->m_data, *end, *nl;
	size_t	len;

	end = p + c->c_job->j_msg->m_len;
	while (p < end) {
		nl = memchr(p, '\n', (size_t) (end - p));
		len = nl ? (size_t) (nl - p) : (size_t) (end - p);
		if (len > 0 && p[len - 1] == '\r')
			len--;
		if (*p == '.')
			evbuffer_add(out, ".", 1);
		evbuffer_add(out, p, len);
		evbuffer_add(out, "\r\n", 2);
		p = nl ? nl + 1 : end;
	}
	evbuffer_add(out, ".\r\n", 3);
	mtc_timeout(c, MTD_DATA_TMOUT);
}

/* mtc_set - the reply for recipient i of the job */
static void
mtc_set(struct mtd_conn *c, size_t i, int code, const char *text)
{
	c->c_res[i].rs_code = code;
	snprintf(c->c_res[i].rs_text, sizeof(c->c_res[i].rs_text), "%s", text);
}

/* mtc_after_data - the DATA reply came: send content or give up */
static int
mtc_after_data(struct mtd_conn *c, int code, const char *text)
{
	size_t	i, n;

	if (code == 354 && c->c_accepted > 0) {
		mtc_content(c);
		n = c->c_addr.a_lmtp ? c->c_accepted : 1;
		for (i = 0; i < n; i++)
			c->c_want[c->c_nwant++] = MTC_R_DOT;
		return 0;
	}
	if (code == 354) {
		/* pipelined, nobody accepted, yet 354: end the empty data;
		 * what the peer then says cannot be matched, so close */
		evbuffer_add(bufferevent_get_output(c->c_bev), ".\r\n", 3);
		return -1;
	}
	mtc_unanswered(c, code, text);
	return 0;
}

/* mtc_after_dot - a reply after the dot: all (SMTP) or the next (LMTP) */
static void
mtc_after_dot(struct mtd_conn *c, int code, const char *text)
{
	size_t	i, k = 0;

	for (i = 0; i < c->c_job->j_nrcpt; i++) {
		if (c->c_res[i].rs_code != 0)
			continue;
		mtc_set(c, i, code, text);
		if (c->c_addr.a_lmtp && ++k == 1)
			return;
	}
}

/* mtc_trans_reply - one reply of a transaction; -1: close the session */
static int
mtc_trans_reply(struct mtd_conn *c, int code, const char *text)
{
	int	want = c->c_want[c->c_iwant++];

	switch (want) {
	case MTC_R_MAIL:
		c->c_rcode = code;
		if (code / 100 != 2) {
			mtc_unanswered(c, code, text);
			if (!c->c_caps.c_pipelining)
				c->c_nwant = c->c_iwant;	/* no RCPTs */
		}
		break;
	case MTC_R_RCPT:
		if (c->c_rcode / 100 == 2 && code / 100 != 2)
			mtc_set(c, c->c_rcpt_i, code, text);
		else if (c->c_rcode / 100 == 2)
			c->c_accepted++;
		c->c_rcpt_i++;
		if (!c->c_caps.c_pipelining && c->c_rcpt_i ==
		    c->c_job->j_nrcpt && c->c_accepted == 0)
			c->c_nwant = c->c_iwant;	/* no DATA */
		break;
	case MTC_R_DATA:
		if (c->c_rcode / 100 != 2)
			break;
		if (mtc_after_data(c, code, text) != 0)
			return -1;
		break;
	case MTC_R_DOT:
		mtc_after_dot(c, code, text);
		break;
	default:
		break;
	}
	if (code == 421)
		return -1;
	if (c->c_iwant < c->c_nwant) {
		if (!c->c_caps.c_pipelining && want != MTC_R_DATA &&
		    want != MTC_R_DOT)
			mtc_command(c, c->c_iwant);
		return 0;
	}
	mtc_unanswered(c, 451, "451 4.3.0 no reply for this recipient");
	c->c_state = MTC_S_READY;
	mtc_finish(c);
	mtd_dest_conn_ready(c);
	return 1;
}

/* mtc_reply - one complete reply; returns -1 when c was freed, 1 when
 * it was handed back to its destination, 0 to read on */
static int
mtc_reply(struct mtd_conn *c, int code, const char *text)
{
	char	why[MTD_REPLY_MAX + 32];
	int	rc;

	switch (c->c_state) {
	case MTC_S_GREET:
		if (code / 100 != 2)
			break;
		mtc_hello(c, 0);
		return 0;
	case MTC_S_HELLO:
		if (code / 100 == 5 && !c->c_addr.a_lmtp) {
			mtc_hello(c, 1);
			return 0;
		}
		/* FALLTHROUGH */
	case MTC_S_HELO:
		if (code / 100 != 2)
			break;
		c->c_state = MTC_S_READY;
		mtd_dest_conn_ready(c);
		return 1;
	case MTC_S_TRANS:
		if ((rc = mtc_trans_reply(c, code, text)) >= 0)
			return rc;
		mtc_fail(c, "closed after an unexpected reply");
		return -1;
	default:
		/* an idle session got a reply: the peer is closing */
		break;
	}
	snprintf(why, sizeof(why), "said: %s", text);
	mtc_fail(c, why);
	return -1;
}

/* mtc_line - one reply line; returns -1 when c was freed */
static int
mtc_line(struct mtd_conn *c, const char *line, size_t len)
{
	size_t	have;
	int	code;

	if (len < 3 || !isdigit((unsigned char) line[0]) ||
	    !isdigit((unsigned char) line[1]) ||
	    !isdigit((unsigned char) line[2]) ||
	    (len > 3 && line[3] != ' ' && line[3] != '-')) {
		mtc_fail(c, "sent a malformed reply");
		return -1;
	}
	code = atoi(line);
	if (c->c_state == MTC_S_HELLO && c->c_rlines > 0 && len > 4)
		mtc_caps_line(&c->c_caps, line + 4);
	have = strlen(c->c_reply);
	if (c->c_rlines == 0)
		snprintf(c->c_reply, sizeof(c->c_reply), "%.*s", (int) len,
		    line);
	else if (have + 2 < sizeof(c->c_reply) && len > 4)
		snprintf(c->c_reply + have, sizeof(c->c_reply) - have,
		    " %.*s", (int) (len - 4), line + 4);
	if (++c->c_rlines > MTD_REPLY_LINES) {
		mtc_fail(c, "sent too long a reply");
		return -1;
	}
	if (len > 3 && line[3] == '-')
		return 0;
	c->c_rlines = 0;
	return mtc_reply(c, code, c->c_reply);
}

/* mtc_read - replies arrived */
static void
mtc_read(struct bufferevent *bev, void *arg)
{
	struct mtd_conn *c = arg;
	struct evbuffer *in = bufferevent_get_input(bev);
	size_t	len;
	char	*line;
	int	rc;

	for (;;) {
		line = evbuffer_readln(in, &len, EVBUFFER_EOL_CRLF);
		if (line == NULL) {
			if (evbuffer_get_length(in) > MTD_LINE_MAX)
				mtc_fail(c, "sent an overlong line");
			return;
		}
		if (len > MTD_LINE_MAX) {
			free(line);
			mtc_fail(c, "sent an overlong line");
			return;
		}
		rc = mtc_line(c, line, len);
		free(line);
		if (rc != 0)	/* c freed, or handed on: stop here */
			return;
	}
}

/* mtc_event - connected, closed, failed or timed out */
static void
mtc_event(struct bufferevent *bev, short what, void *arg)
{
	struct mtd_conn *c = arg;

	(void) bev;
	if (what & BEV_EVENT_CONNECTED) {
		c->c_state = MTC_S_GREET;
		mtc_timeout(c, MTD_CMD_TMOUT);
		return;
	}
	if (c->c_state == MTC_S_READY && c->c_job == NULL) {
		/* an idle connection closed by the peer */
		mtd_dest_conn_closed(c);
		mtc_free(c);
		return;
	}
	mtc_fail(c, (what & BEV_EVENT_TIMEOUT) ? "timed out" :
	    (what & BEV_EVENT_EOF) ? "closed the connection" :
	    c->c_state == MTC_S_CONNECT ? "refused the connection" :
	    "connection error");
}
