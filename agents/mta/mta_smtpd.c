/* mta_smtpd.c - the receiving side of mmhs-mta: ESMTP sessions
 *
 * Interface: mta_smtpd_start() listens on every "submit" and "smtp"
 * value of the entry's mmhsListen; mta_smtpd_stop() closes listeners
 * and sessions; mta_smtpd_reload() takes directory changes (limits,
 * peers, routes) into account for new transactions.
 *
 * A session is one bufferevent.  Its read callback takes every
 * complete line from the input and handles it before returning, so the
 * replies to a pipelined group leave together, in order (RFC 2920).
 * Input waits (s_busy) while a message commits: the reply to DATA is
 * sent from the commit's completion only, and what the client sent
 * after the final dot is handled after it.  A session whose client
 * left during a commit is freed by the completion.
 *
 * Errors: a protocol error is a reply; too many of them, a line longer
 * than MMHS_SMTPCMD_LINE_MAX or a timeout end the session with 421 or 500.
 */
#include "config.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include <event2/buffer.h>
#include <event2/bufferevent_ssl.h>
#include <event2/event.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mta_smtpd.h"

static void mta_smtpd_read(struct bufferevent *bev, void *arg);
static void mta_smtpd_event(struct bufferevent *bev, short what, void *arg);

/* mta_smtpd_reply - queue one reply line (or several, with '\n') */
void
mta_smtpd_reply(struct mta_sess *s, const char *fmt, ...)
{
	struct evbuffer *out;
	va_list	ap;

	if (s->s_bev == NULL || s->s_closing)
		return;
	out = bufferevent_get_output(s->s_bev);
	va_start(ap, fmt);
	evbuffer_add_vprintf(out, fmt, ap);
	va_end(ap);
	evbuffer_add(out, "\r\n", 2);
}

/* mta_smtpd_reset - forget the transaction (RSET, after DATA) */
void
mta_smtpd_reset(struct mta_sess *s)
{
	size_t	i;

	for (i = 0; i < s->s_nrcpt; i++) {
		mmhs_free(s->s_rcpt[i].qr_addr);
		mmhs_free(s->s_rcpt[i].qr_orcpt);
	}
	mmhs_free(s->s_rcpt);
	s->s_rcpt = NULL;
	s->s_nrcpt = 0;
	s->s_has_mail = 0;
	mta_smtpd_data_free(s);
}

/* mta_smtpd_free - the session's memory, connection already gone */
static void
mta_smtpd_free(struct mta_sess *s)
{
	struct mta_smtpd *d = s->s_d;

	mta_smtpd_reset(s);
	if (s->s_sasl != NULL)
		sasl_dispose(&s->s_sasl);
	mmhs_free(s->s_sasl_cbs);
	mmhs_free(s->s_auth_dn_try);
	mmhs_free(s->s_auth_user);
	mmhs_free(s->s_auth_dn);
	if (s->s_prev != NULL)
		s->s_prev->s_next = s->s_next;
	else
		d->d_sess = s->s_next;
	if (s->s_next != NULL)
		s->s_next->s_prev = s->s_prev;
	d->d_nsess--;
	mmhs_free(s);
}

/* mta_smtpd_close - end the connection; the memory waits for a commit */
void
mta_smtpd_close(struct mta_sess *s)
{
	if (s->s_linger != NULL) {
		event_free(s->s_linger);
		s->s_linger = NULL;
	}
	if (s->s_bev != NULL) {
		bufferevent_free(s->s_bev);
		s->s_bev = NULL;
	}
	s->s_closing = 1;
	if (!s->s_busy && !s->s_inproc)
		mta_smtpd_free(s);
}

/*
 * mta_smtpd_linger - under TLS, "drained" means our reply reached the
 * socket layer below, encrypted, not the socket: closing then would lose
 * the 221 and the close_notify.  Wait, boundedly, until that layer is
 * empty too.
 */
static void
mta_smtpd_linger(evutil_socket_t fd, short what, void *arg)
{
	struct mta_sess *s = arg;
	struct bufferevent *under;
	struct timeval tv = { 0, MTA_SMTPD_LINGER_TICK_US };

	(void) fd;
	(void) what;
	under = bufferevent_get_underlying(s->s_bev);
	if (under != NULL &&
	    evbuffer_get_length(bufferevent_get_output(under)) > 0 &&
	    ++s->s_linger_ticks < MTA_SMTPD_LINGER_TICKS) {
		evtimer_add(s->s_linger, &tv);
		return;
	}
	mta_smtpd_close(s);
}

/* mta_smtpd_drained - what was queued is sent: close (TLS: after
 * close_notify and the lower layer) */
static void
mta_smtpd_drained(struct bufferevent *bev, void *arg)
{
	struct mta_sess *s = arg;
	SSL	*ssl;

	if (!s->s_tls || s->s_linger != NULL) {
		if (s->s_linger == NULL)
			mta_smtpd_close(s);
		return;
	}
	if ((ssl = bufferevent_openssl_get_ssl(bev)) != NULL)
		(void) SSL_shutdown(ssl);
	s->s_linger = evtimer_new(s->s_d->d_m->m_base, mta_smtpd_linger, s);
	if (s->s_linger == NULL) {
		mta_smtpd_close(s);
		return;
	}
	mta_smtpd_linger(-1, 0, s);
}

static void
mta_smtpd_quit(struct mta_sess *s)
{
	bufferevent_disable(s->s_bev, EV_READ);
	bufferevent_setcb(s->s_bev, NULL, mta_smtpd_drained, mta_smtpd_event,
	    s);
	if (evbuffer_get_length(bufferevent_get_output(s->s_bev)) == 0)
		mta_smtpd_drained(s->s_bev, s);
}

/* mta_smtpd_ehlo - the EHLO reply: what this port offers now */
static void
mta_smtpd_ehlo(struct mta_sess *s)
{
	struct mta *m = s->s_d->d_m;
	int	tls = s->s_d->d_ssl != NULL && !s->s_tls;
	int	auth = s->s_d->d_sasl_ok && s->s_tls && s->s_auth_dn == NULL;

	/* AUTH only inside TLS: a password never crosses in clear. */
	mta_smtpd_reply(s, "250-%s Hello %s [%s]\n250-PIPELINING\n"
	    "250-SIZE %zu\n250-8BITMIME\n250-ENHANCEDSTATUSCODES\n250-DSN\n"
	    "250-MT-PRIORITY STANAG4406%s%s%s%s\n250 HELP",
	    m->m_conf.mc_hostname, s->s_helo, s->s_addr,
	    m->m_conf.mc_max_size, tls ? "\n250-STARTTLS" : "",
	    auth ? "\n250-AUTH " : "", auth ? mta_auth_mechs() : "", "");
}

/* mta_smtpd_helo - HELO and EHLO */
static void
mta_smtpd_helo(struct mta_sess *s, const char *args, int esmtp)
{
	if (*args == '\0' || strlen(args) > MTA_SMTPD_HELO_MAX ||
	    strpbrk(args, " \t") != NULL) {
		mta_smtpd_reply(s, "501 5.5.4 Syntax: %s hostname",
		    esmtp ? "EHLO" : "HELO");
		return;
	}
	mta_smtpd_reset(s);
	snprintf(s->s_helo, sizeof(s->s_helo), "%s", args);
	s->s_greeted = 1;
	s->s_esmtp = esmtp;
	if (esmtp)
		mta_smtpd_ehlo(s);
	else
		mta_smtpd_reply(s, "250 %s", s->s_d->d_m->m_conf.mc_hostname);
}

/* mta_smtpd_mail - MAIL FROM */
static void
mta_smtpd_mail(struct mta_sess *s, const char *args)
{
	struct mta_conf *c = &s->s_d->d_m->m_conf;
	char	reply[MMHS_SMTPCMD_REPLY_MAX];

	if (!s->s_greeted) {
		mta_smtpd_reply(s, "503 5.5.1 Send HELO or EHLO first");
		return;
	}
	if (s->s_has_mail) {
		mta_smtpd_reply(s, "503 5.5.1 Nested MAIL command");
		return;
	}
	if (s->s_kind == MTA_PORT_SUBMIT && s->s_auth_dn == NULL) {
		mta_smtpd_reply(s, "530 5.7.0 Authentication required");
		return;
	}
	if (mmhs_smtpcmd_mail(args, &s->s_mail, reply, sizeof(reply)) < 0) {
		mta_smtpd_reply(s, "%s", reply);
		return;
	}
	if (s->s_mail.cm_size > c->mc_max_size) {
		mta_smtpd_reply(s, "552 5.3.4 Message size exceeds fixed "
		    "limit of %zu octets", c->mc_max_size);
		return;
	}
	if (mta_policy_sender(s->s_d, s, s->s_mail.cm_path, reply,
	    sizeof(reply)) < 0) {
		mta_smtpd_reply(s, "%s", reply);
		return;
	}
	s->s_has_mail = 1;
	mta_smtpd_reply(s, "250 2.1.0 Sender <%s> ok", s->s_mail.cm_path);
}

/* mta_smtpd_rcpt - RCPT TO */
static void
mta_smtpd_rcpt(struct mta_sess *s, const char *args)
{
	struct mmhs_smtpcmd_rcpt r;
	struct mmhs_queue_rcpt *qr;
	char	reply[MMHS_SMTPCMD_REPLY_MAX];
	size_t	max = (size_t)s->s_d->d_m->m_conf.mc_max_rcpt;

	if (!s->s_has_mail) {
		mta_smtpd_reply(s, "503 5.5.1 Need MAIL before RCPT");
		return;
	}
	if (mmhs_smtpcmd_rcpt(args, &r, reply, sizeof(reply)) < 0) {
		mta_smtpd_reply(s, "%s", reply);
		return;
	}
	if (s->s_nrcpt >= max || s->s_nrcpt >= MMHS_QUEUE_MAX_RCPT) {
		mta_smtpd_reply(s, "452 4.5.3 Too many recipients");
		return;
	}
	if (mta_policy_rcpt(s->s_d, s, r.cr_path, reply, sizeof(reply)) < 0) {
		mta_smtpd_reply(s, "%s", reply);
		return;
	}
	s->s_rcpt = mmhs_realloc(s->s_rcpt, (s->s_nrcpt + 1) * sizeof(*qr));
	qr = &s->s_rcpt[s->s_nrcpt++];
	memset(qr, 0, sizeof(*qr));
	qr->qr_addr = mmhs_strdup(r.cr_path);
	qr->qr_orcpt = r.cr_has_orcpt ? mmhs_strdup(r.cr_orcpt) : NULL;
	qr->qr_notify = r.cr_notify;
	qr->qr_state = MMHS_RCPT_PENDING;
	mta_smtpd_reply(s, "250 2.1.5 Recipient <%s> ok", r.cr_path);
}

/* mta_smtpd_data - DATA: go on only with a sender and recipients */
static void
mta_smtpd_data(struct mta_sess *s, const char *args)
{
	if (*args != '\0') {
		mta_smtpd_reply(s, "501 5.5.4 Syntax: DATA");
		return;
	}
	if (!s->s_has_mail) {
		mta_smtpd_reply(s, "503 5.5.1 Need MAIL command");
		return;
	}
	if (s->s_nrcpt == 0) {
		mta_smtpd_reply(s, "554 5.5.1 No valid recipients");
		return;
	}
	mta_smtpd_data_begin(s);
	bufferevent_set_timeouts(s->s_bev, &(struct timeval){
	    MTA_SMTPD_DATA_TIMEOUT, 0 }, NULL);
	mta_smtpd_reply(s, "354 End data with <CR><LF>.<CR><LF>");
}

/* mta_smtpd_starttls - STARTTLS (RFC 3207) */
static int
mta_smtpd_starttls(struct mta_sess *s, const char *args)
{
	if (*args != '\0') {
		mta_smtpd_reply(s, "501 5.5.4 Syntax: STARTTLS");
		return 0;
	}
	if (s->s_tls || s->s_d->d_ssl == NULL) {
		mta_smtpd_reply(s, "503 5.5.1 TLS not available%s",
		    s->s_tls ? ": already active" : "");
		return 0;
	}
	mta_smtpd_reply(s, "220 2.0.0 Ready to start TLS");
	/* RFC 3207 4.2: forget everything said before TLS */
	mta_smtpd_reset(s);
	s->s_greeted = 0;
	s->s_esmtp = 0;
	if (mta_tls_start(s) < 0) {
		mta_smtpd_close(s);
		return -1;
	}
	return 1;
}

/* mta_smtpd_command - one command line; 1 when input must stop */
static int
mta_smtpd_command(struct mta_sess *s, const char *line)
{
	const char *args;
	enum mmhs_smtpcmd_verb v = mmhs_smtpcmd_verb(line, &args);

	switch (v) {
	case MMHS_SMTPCMD_HELO:	mta_smtpd_helo(s, args, 0); break;
	case MMHS_SMTPCMD_EHLO:	mta_smtpd_helo(s, args, 1); break;
	case MMHS_SMTPCMD_MAIL:	mta_smtpd_mail(s, args); break;
	case MMHS_SMTPCMD_RCPT:	mta_smtpd_rcpt(s, args); break;
	case MMHS_SMTPCMD_DATA:	mta_smtpd_data(s, args); break;
	case MMHS_SMTPCMD_RSET:
		mta_smtpd_reset(s);
		mta_smtpd_reply(s, "250 2.0.0 Ok");
		break;
	case MMHS_SMTPCMD_NOOP:	mta_smtpd_reply(s, "250 2.0.0 Ok"); break;
	case MMHS_SMTPCMD_VRFY:
		mta_smtpd_reply(s, "252 2.5.2 Cannot VRFY; send some mail");
		break;
	case MMHS_SMTPCMD_HELP:
		mta_smtpd_reply(s, "214 2.0.0 See RFC 5321; mmhs-mta(8)");
		break;
	case MMHS_SMTPCMD_QUIT:
		mta_smtpd_reply(s, "221 2.0.0 Bye");
		mta_smtpd_quit(s);
		return 1;
	case MMHS_SMTPCMD_STARTTLS:
		return mta_smtpd_starttls(s, args) != 0;
	case MMHS_SMTPCMD_AUTH:
		mta_auth_cmd(s, args);
		return s->s_closing;
	default:
		s->s_errors++;
		mta_smtpd_reply(s, "500 5.5.2 Command unrecognized");
		if (s->s_errors >= MTA_SMTPD_ERRORS_MAX) {
			mta_smtpd_reply(s, "421 4.7.0 Too many errors");
			mta_smtpd_quit(s);
			return 1;
		}
	}
	return 0;
}

/* mta_smtpd_next_line - a line without its end; NULL when none yet */
static char *
mta_smtpd_next_line(struct mta_sess *s, size_t max, size_t *len, int *over)
{
	struct evbuffer *in = bufferevent_get_input(s->s_bev);
	struct evbuffer_ptr p;
	size_t	eol;
	char	*line;

	*over = 0;
	p = evbuffer_search_eol(in, NULL, &eol, EVBUFFER_EOL_CRLF);
	if (p.pos < 0) {
		*over = evbuffer_get_length(in) > max;
		return NULL;
	}
	if ((size_t)p.pos > max) {
		*over = 1;
		return NULL;
	}
	line = mmhs_malloc((size_t)p.pos + 1);
	evbuffer_remove(in, line, (size_t)p.pos);
	line[p.pos] = '\0';
	evbuffer_drain(in, eol);
	*len = (size_t)p.pos;
	return line;
}

/* mta_smtpd_process - handle what the input holds, unless waiting */
void
mta_smtpd_process(struct mta_sess *s)
{
	char	*line;
	size_t	len;
	int	over, stop = 0;

	/* whatever closes the session below, it is freed here, at the end */
	s->s_inproc++;
	while (!stop && !s->s_busy && !s->s_closing && s->s_bev != NULL) {
		line = mta_smtpd_next_line(s, s->s_in_data ?
		    MTA_SMTPD_DATA_LINE_MAX : MMHS_SMTPCMD_LINE_MAX, &len,
		    &over);
		if (line == NULL) {
			if (over) {
				mta_smtpd_reply(s, "500 5.5.6 Line too long");
				mta_smtpd_quit(s);
			}
			break;
		}
		if (s->s_in_data) {
			if (mta_smtpd_data_line(s, line, len) == 1)
				bufferevent_set_timeouts(s->s_bev,
				    &(struct timeval){ MTA_SMTPD_TIMEOUT, 0 },
				    NULL);
		} else if (s->s_auth_step) {
			mta_auth_line(s, line);
			stop = s->s_closing;
		} else if (strlen(line) != len) {
			mta_smtpd_reply(s, "500 5.5.2 NUL in command");
		} else {
			stop = mta_smtpd_command(s, line);
		}
		mmhs_free(line);
	}
	if (--s->s_inproc == 0 && s->s_closing && !s->s_busy)
		mta_smtpd_free(s);
}

static void
mta_smtpd_read(struct bufferevent *bev, void *arg)
{
	(void) bev;
	mta_smtpd_process(arg);
}

static void
mta_smtpd_event(struct bufferevent *bev, short what, void *arg)
{
	struct mta_sess *s = arg;

	(void) bev;
	if (what & BEV_EVENT_TIMEOUT) {
		mta_smtpd_reply(s, "421 4.4.2 Timeout, closing");
		mta_smtpd_quit(s);
		return;
	}
	if (what & (BEV_EVENT_EOF | BEV_EVENT_ERROR))
		mta_smtpd_close(s);
}

/* mta_smtpd_sess_cb - install the session's callbacks on a bufferevent */
void
mta_smtpd_sess_cb(struct mta_sess *s, struct bufferevent *bev)
{
	s->s_bev = bev;
	bufferevent_setcb(bev, mta_smtpd_read, NULL, mta_smtpd_event, s);
	bufferevent_set_timeouts(bev, &(struct timeval){ MTA_SMTPD_TIMEOUT,
	    0 }, NULL);
	bufferevent_enable(bev, EV_READ | EV_WRITE);
}

/* mta_smtpd_addr - numeric text of a socket address */
static void
mta_smtpd_addr(const struct sockaddr *sa, char *buf, size_t len)
{
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)
		    (const void *)sa)->sin_addr, buf, (socklen_t)len);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)
		    (const void *)sa)->sin6_addr, buf, (socklen_t)len);
	else
		snprintf(buf, len, "unknown");
}

/* mta_smtpd_accept - a new client on one of our ports */
static void
mta_smtpd_accept(struct evconnlistener *lis, evutil_socket_t fd,
	struct sockaddr *sa, int salen, void *arg)
{
	struct mta_smtpd *d = arg;
	struct mta *m = d->d_m;
	struct bufferevent *bev;
	struct mta_sess *s;
	int	i;

	(void) salen;
	if (d->d_nsess >= m->m_conf.mc_max_conn) {
		/* best effort, never blocking; the client retries later */
		static const char busy[] = "421 4.7.0 Too many connections, "
		    "try again later\r\n";
		(void) !send(fd, busy, sizeof(busy) - 1,
		    MSG_DONTWAIT | MSG_NOSIGNAL);
		evutil_closesocket(fd);
		return;
	}
	bev = bufferevent_socket_new(m->m_base, fd, BEV_OPT_CLOSE_ON_FREE);
	if (bev == NULL) {
		evutil_closesocket(fd);
		return;
	}
	s = mmhs_calloc(1, sizeof(*s));
	s->s_d = d;
	s->s_id = ++d->d_next_id;
	for (i = 0; i < d->d_nlis; i++)
		if (d->d_lis[i] == lis)
			s->s_kind = d->d_lkind[i];
	mta_smtpd_addr(sa, s->s_addr, sizeof(s->s_addr));
	s->s_peer = s->s_kind == MTA_PORT_SMTP &&
	    mta_policy_is_peer(d, s->s_addr, s->s_peer_dn,
	    sizeof(s->s_peer_dn));
	mmhs_mmhs_init(&s->s_mm);
	s->s_next = d->d_sess;
	if (d->d_sess != NULL)
		d->d_sess->s_prev = s;
	d->d_sess = s;
	d->d_nsess++;
	mta_smtpd_sess_cb(s, bev);
	mta_smtpd_reply(s, "220 %s ESMTP OpenMMHS mmhs-mta",
	    m->m_conf.mc_hostname);
}

/* mta_smtpd_listen - one "name smtp://host:port" value */
static int
mta_smtpd_listen(struct mta_smtpd *d, const struct mta_listen *l)
{
	struct evutil_addrinfo hints, *ai = NULL;
	char	host[MTA_URI_MAX], *port;
	const char *h;
	enum mta_port_kind kind;

	if (strcmp(l->ml_name, "submit") == 0)
		kind = MTA_PORT_SUBMIT;
	else if (strcmp(l->ml_name, "smtp") == 0)
		kind = MTA_PORT_SMTP;
	else
		return 0;
	if (strncasecmp(l->ml_uri, "smtp://", 7) != 0) {
		mmhs_warn("mmhsListen %s %s: not an smtp:// URI, ignored",
		    l->ml_name, l->ml_uri);
		return 0;
	}
	snprintf(host, sizeof(host), "%s", l->ml_uri + 7);
	host[strcspn(host, "/")] = '\0';
	if ((port = strrchr(host, ':')) == NULL) {
		mmhs_warn("mmhsListen %s: no port", l->ml_uri);
		return -1;
	}
	*port++ = '\0';
	h = host;
	if (h[0] == '[') {			/* [v6]:port */
		h++;
		host[strcspn(host, "]")] = '\0';
	}
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = EVUTIL_AI_PASSIVE | EVUTIL_AI_NUMERICSERV;
	if (evutil_getaddrinfo(h, port, &hints, &ai) != 0 || ai == NULL) {
		mmhs_warn("mmhsListen %s: cannot resolve", l->ml_uri);
		return -1;
	}
	d->d_lis[d->d_nlis] = evconnlistener_new_bind(d->d_m->m_base,
	    mta_smtpd_accept, d, LEV_OPT_CLOSE_ON_FREE | LEV_OPT_REUSEABLE,
	    128, ai->ai_addr, (int)ai->ai_addrlen);
	evutil_freeaddrinfo(ai);
	if (d->d_lis[d->d_nlis] == NULL) {
		mmhs_warn("mmhsListen %s: cannot listen: %m", l->ml_uri);
		return -1;
	}
	d->d_lkind[d->d_nlis++] = kind;
	mmhs_info("listening on %s (%s)", l->ml_uri, l->ml_name);
	return 0;
}

/* mta_smtpd_start - listen on the ports of our entry */
int
mta_smtpd_start(struct mta *m)
{
	struct mta_smtpd *d = mmhs_calloc(1, sizeof(*d));
	char	err[256];
	int	i;

	d->d_m = m;
	m->m_smtpd = d;
	if ((d->d_ssl = mta_tls_ctx(mta_tls_cert_file, mta_tls_key_file,
	    m->m_spool)) == NULL)
		mmhs_warn("STARTTLS disabled: no usable certificate");
	d->d_sasl_ok = mta_auth_init() == 0;
	if ((d->d_routes = mta_routes_build(m, err, sizeof(err))) == NULL)
		mmhs_warn("routes: %s", err);
	d->d_routes_gen = mta_dir_generation();
	if (mta_smtpd_data_init(d) < 0)
		return -1;
	for (i = 0; i < m->m_conf.mc_nlisten; i++)
		if (mta_smtpd_listen(d, &m->m_conf.mc_listen[i]) < 0)
			return -1;
	if (d->d_nlis == 0) {
		mmhs_warn("%s: no submit or smtp port in mmhsListen",
		    m->m_conf.mc_self_dn);
		return -1;
	}
	return 0;
}

/* mta_smtpd_reload - the directory changed: take the new routes */
void
mta_smtpd_reload(struct mta *m)
{
	struct mta_smtpd *d = m->m_smtpd;
	struct mta_routes *r;
	char	err[256];

	if (d == NULL)
		return;
	if ((r = mta_routes_build(m, err, sizeof(err))) == NULL) {
		mmhs_warn("routes: %s; keeping the previous table", err);
		return;
	}
	mta_routes_free(d->d_routes);
	d->d_routes = r;
	d->d_routes_gen = mta_dir_generation();
}

/* mta_smtpd_stop - close ports and sessions */
void
mta_smtpd_stop(struct mta *m)
{
	struct mta_smtpd *d = m->m_smtpd;
	int	i;

	if (d == NULL)
		return;
	for (i = 0; i < d->d_nlis; i++)
		evconnlistener_free(d->d_lis[i]);
	/* Commit what waits and answer it before the sessions go. */
	(void) mmhs_queue_pump(m->m_queue, 1);
	mta_smtpd_data_done(d);
	while (d->d_sess != NULL) {
		d->d_sess->s_busy = 0;
		mta_smtpd_close(d->d_sess);
	}
	mta_smtpd_data_fini(d);
	if (d->d_ssl != NULL)
		SSL_CTX_free(d->d_ssl);
	mta_routes_free(d->d_routes);
	if (d->d_sasl_ok)
		mta_auth_fini();
	mmhs_free(d);
	m->m_smtpd = NULL;
}
