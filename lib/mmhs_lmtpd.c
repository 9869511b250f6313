/* mmhs_lmtpd.c - the LMTP server every local agent receives mail with
 *
 * Interface: mmhs_lmtpd.h; the commands are in mmhs_lmtpd_cmd.c.
 * One bufferevent per session on the agent's own event_base.  Input is
 * taken a line at a time as long as whole lines are there, so a
 * pipelining client gets its replies in order and in one write; a
 * client that sends without reading its replies is paused once
 * LMTPD_OUT_MAX octets wait for it.
 *
 * Bounds: a command line longer than MMHS_SMTPCMD_LINE_MAX gets 500
 * and the session ends (no way to find the next command for sure); a
 * message line longer than LMTPD_DATA_LINE_MAX, or a message over
 * lc_max_size, is read to its end and discarded, and every recipient
 * gets the refusal (nothing reaches the agent); lc_max_conns sessions
 * at once, more get 421; an idle session gets 421 after lc_timeout_s.
 *
 * The message is kept with CRLF line ends (a bare LF line end counts
 * as a line end, as in the MTA), and dot-unstuffed (RFC 5321 4.5.2).
 */
#include "config.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/event.h>

#include "mmhs_alloc.h"
#include "mmhs_lmtpd_int.h"
#include "mmhs_smtpc.h"
#include "mmhs_smtpcmd.h"
#include "mmhs_text.h"

static void lmtpd_read(struct bufferevent *, void *);

/* lmtpd_free_sess - the session and its connection are gone */
static void
lmtpd_free_sess(struct lmtpd_sess *s)
{
	struct mmhs_lmtpd *ld = s->s_ld;

	lmtpd_reset(s);
	if (s->s_prev != NULL)
		s->s_prev->s_next = s->s_next;
	else
		ld->ld_sessions = s->s_next;
	if (s->s_next != NULL)
		s->s_next->s_prev = s->s_prev;
	ld->ld_nsess--;
	bufferevent_free(s->s_bev);
	mmhs_free(s->s_lhlo);
	mmhs_free(s->s_rcpt);
	mmhs_free(s->s_rcpt_params);
	mmhs_free(s->s_data);
	mmhs_free(s);
}

/* lmtpd_reply - queue one reply; "\n" separates the lines of a
 * multi-line reply */
void
lmtpd_reply(struct lmtpd_sess *s, const char *fmt, ...)
{
	struct evbuffer *out = bufferevent_get_output(s->s_bev);
	char	buf[2048], *p, *nl;
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	for (p = buf; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
		evbuffer_add(out, p, (size_t)(nl - p));
		evbuffer_add(out, "\r\n", 2);
	}
	evbuffer_add(out, p, strlen(p));
	evbuffer_add(out, "\r\n", 2);
}

/* lmtpd_close - no more input; the session ends once replies are out */
void
lmtpd_close(struct lmtpd_sess *s)
{
	s->s_state = LS_CLOSING;
	bufferevent_disable(s->s_bev, EV_READ);
}

/* lmtpd_grow - room for n more octets of message */
static void
lmtpd_grow(struct lmtpd_sess *s, size_t n)
{
	if (s->s_len + n <= s->s_cap)
		return;
	while (s->s_cap < s->s_len + n)
		s->s_cap = s->s_cap == 0 ? 65536 : s->s_cap * 2;
	s->s_data = mmhs_realloc(s->s_data, s->s_cap);
}

/* lmtpd_data_line - one message line of n octets, its end eol octets */
static void
lmtpd_data_line(struct lmtpd_sess *s, struct evbuffer *in, size_t n,
	size_t eol)
{
	char	first = '\0';
	int	midline = s->s_midline;
	size_t	skip;

	s->s_midline = 0;
	if (n > 0)
		evbuffer_copyout(in, &first, 1);
	if (!midline && n == 1 && first == '.') {
		evbuffer_drain(in, n + eol);
		lmtpd_grow(s, 1);	/* agents get a NUL after it */
		s->s_data[s->s_len] = '\0';
		lmtpd_end_of_data(s);
		return;
	}
	skip = !midline && first == '.';
	if (n - skip + 2 > s->s_ld->ld_conf.lc_max_size - s->s_len)
		s->s_too_big = 1;
	if (s->s_too_big || s->s_long_line || midline) {
		evbuffer_drain(in, n + eol);
		return;
	}
	lmtpd_grow(s, n - skip + 2);
	evbuffer_drain(in, skip);
	evbuffer_remove(in, s->s_data + s->s_len, n - skip);
	s->s_len += n - skip;
	memcpy(s->s_data + s->s_len, "\r\n", 2);
	s->s_len += 2;
	evbuffer_drain(in, eol);
}

/* lmtpd_too_long - a line over the bound: the end of a session, or of
 * a message */
static void
lmtpd_too_long(struct lmtpd_sess *s, struct evbuffer *in, size_t drain,
	int midline)
{
	if (s->s_state != LS_DATA) {
		lmtpd_reply(s, "500 5.5.6 Line longer than %d octets",
		    MMHS_SMTPCMD_LINE_MAX);
		lmtpd_close(s);
		return;
	}
	s->s_long_line = 1;
	s->s_midline = midline;
	evbuffer_drain(in, drain);
}

/* lmtpd_line - handle the next whole line; 0 when there is none */
static int
lmtpd_line(struct lmtpd_sess *s, struct evbuffer *in)
{
	struct evbuffer_ptr eol;
	char	line[MMHS_SMTPCMD_LINE_MAX + 1];
	size_t	eollen = 0, n, max;

	max = s->s_state == LS_DATA ? LMTPD_DATA_LINE_MAX :
	    MMHS_SMTPCMD_LINE_MAX;
	eol = evbuffer_search_eol(in, NULL, &eollen, EVBUFFER_EOL_CRLF);
	if (eol.pos < 0) {
		if ((n = evbuffer_get_length(in)) > max)
			lmtpd_too_long(s, in, n, 1);
		return 0;
	}
	n = (size_t)eol.pos;
	if (n > max) {
		lmtpd_too_long(s, in, n + eollen, 0);
		return s->s_state != LS_CLOSING;
	}
	if (s->s_state == LS_DATA) {
		lmtpd_data_line(s, in, n, eollen);
		return 1;
	}
	evbuffer_remove(in, line, n);
	evbuffer_drain(in, eollen);
	line[n] = '\0';
	if (strlen(line) != n) {
		lmtpd_reply(s, "500 5.5.2 NUL octet in a command");
		if (++s->s_errors >= LMTPD_MAX_ERRORS) {
			lmtpd_reply(s, "421 4.7.0 Too many errors");
			lmtpd_close(s);
		}
		return 1;
	}
	lmtpd_command(s, line);
	return 1;
}

/* lmtpd_read - whole lines, in order, while the client reads replies */
static void
lmtpd_read(struct bufferevent *bev, void *arg)
{
	struct lmtpd_sess *s = arg;
	struct evbuffer *in = bufferevent_get_input(bev);

	while (s->s_state != LS_CLOSING) {
		if (evbuffer_get_length(bufferevent_get_output(bev)) >
		    LMTPD_OUT_MAX) {
			bufferevent_disable(bev, EV_READ);
			return;		/* lmtpd_write resumes */
		}
		if (!lmtpd_line(s, in))
			break;
	}
}

/* lmtpd_write - replies are out: end a closing session, or resume */
static void
lmtpd_write(struct bufferevent *bev, void *arg)
{
	struct lmtpd_sess *s = arg;

	if (s->s_state == LS_CLOSING) {
		lmtpd_free_sess(s);
		return;
	}
	if (!(bufferevent_get_enabled(bev) & EV_READ)) {
		bufferevent_enable(bev, EV_READ);
		lmtpd_read(bev, s);
	}
}

/* lmtpd_event - end of file, error or timeout */
static void
lmtpd_event(struct bufferevent *bev, short what, void *arg)
{
	struct lmtpd_sess *s = arg;

	if ((what & BEV_EVENT_TIMEOUT) && (what & BEV_EVENT_READING) &&
	    s->s_state != LS_CLOSING) {
		lmtpd_reply(s, "421 4.4.2 %s Idle timeout, closing",
		    s->s_ld->ld_hostname);
		lmtpd_close(s);
		return;
	}
	lmtpd_free_sess(s);
}

/* lmtpd_accept - a new session, or 421 past the connection limit */
static void
lmtpd_accept(struct evconnlistener *l, evutil_socket_t fd,
	struct sockaddr *sa, int salen, void *arg)
{
	struct mmhs_lmtpd *ld = arg;
	struct lmtpd_sess *s;
	struct timeval tv = { (time_t)ld->ld_conf.lc_timeout_s, 0 };
	const void *addr;

	s = mmhs_calloc(1, sizeof(*s));
	s->s_ld = ld;
	s->s_bev = bufferevent_socket_new(ld->ld_base, fd,
	    BEV_OPT_CLOSE_ON_FREE);
	if (s->s_bev == NULL) {
		evutil_closesocket(fd);
		mmhs_free(s);
		return;
	}
	addr = sa->sa_family == AF_INET6 ?
	    (const void *)&((struct sockaddr_in6 *)sa)->sin6_addr :
	    (const void *)&((struct sockaddr_in *)sa)->sin_addr;
	if (inet_ntop(sa->sa_family, addr, s->s_peer, sizeof(s->s_peer)) ==
	    NULL)
		snprintf(s->s_peer, sizeof(s->s_peer), "unknown");
	s->s_next = ld->ld_sessions;
	if (s->s_next != NULL)
		s->s_next->s_prev = s;
	ld->ld_sessions = s;
	bufferevent_setcb(s->s_bev, lmtpd_read, lmtpd_write, lmtpd_event, s);
	bufferevent_set_timeouts(s->s_bev, &tv, &tv);
	bufferevent_enable(s->s_bev, EV_READ | EV_WRITE);
	if (ld->ld_nsess++ >= ld->ld_conf.lc_max_conns) {
		lmtpd_reply(s, "421 4.7.0 %s Too many connections, try again "
		    "later", ld->ld_hostname);
		lmtpd_close(s);
		return;
	}
	lmtpd_reply(s, "220 %s LMTP server ready", ld->ld_hostname);
}

/* lmtpd_listen - bind the URI's address */
static int
lmtpd_listen(struct mmhs_lmtpd *ld, char *err, size_t errlen)
{
	struct addrinfo hints, *res;
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	char	host[256], serv[16];
	int	port, rc;

	if (mmhs_smtpc_parse_uri(ld->ld_uri, host, sizeof(host), &port) < 0)
		return mmhs_text_error(err, errlen, "\"%s\" is not "
		    "lmtp://host:port", ld->ld_uri);
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	snprintf(serv, sizeof(serv), "%d", port);
	if ((rc = getaddrinfo(host, serv, &hints, &res)) != 0)
		return mmhs_text_error(err, errlen, "%s: %s", host,
		    gai_strerror(rc));
	ld->ld_listener = evconnlistener_new_bind(ld->ld_base, lmtpd_accept,
	    ld, LEV_OPT_CLOSE_ON_FREE | LEV_OPT_REUSEABLE |
	    LEV_OPT_CLOSE_ON_EXEC, -1, res->ai_addr, (int)res->ai_addrlen);
	freeaddrinfo(res);
	if (ld->ld_listener == NULL)
		return mmhs_text_error(err, errlen, "cannot listen on %s: %s",
		    ld->ld_uri, evutil_socket_error_to_string(
		    EVUTIL_SOCKET_ERROR()));
	if (getsockname(evconnlistener_get_fd(ld->ld_listener),
	    (struct sockaddr *)&ss, &len) < 0)
		return mmhs_text_error(err, errlen, "getsockname failed");
	ld->ld_port = ntohs(ss.ss_family == AF_INET6 ?
	    ((struct sockaddr_in6 *)&ss)->sin6_port :
	    ((struct sockaddr_in *)&ss)->sin_port);
	return 0;
}

/* mmhs_lmtpd_new - bind and listen */
struct mmhs_lmtpd *
mmhs_lmtpd_new(struct event_base *base, const struct mmhs_lmtpd_conf *conf,
	char *err, size_t errlen)
{
	struct mmhs_lmtpd *ld;

	if (conf->lc_uri == NULL || conf->lc_on_message == NULL) {
		mmhs_text_error(err, errlen, "no URI or no message callback");
		return NULL;
	}
	ld = mmhs_calloc(1, sizeof(*ld));
	ld->ld_base = base;
	ld->ld_conf = *conf;
	ld->ld_uri = mmhs_strdup(conf->lc_uri);
	ld->ld_conf.lc_uri = ld->ld_uri;
	if (conf->lc_hostname != NULL)
		snprintf(ld->ld_hostname, sizeof(ld->ld_hostname), "%s",
		    conf->lc_hostname);
	else if (gethostname(ld->ld_hostname, sizeof(ld->ld_hostname)) < 0)
		snprintf(ld->ld_hostname, sizeof(ld->ld_hostname),
		    "localhost");
	ld->ld_hostname[sizeof(ld->ld_hostname) - 1] = '\0';
	ld->ld_conf.lc_hostname = ld->ld_hostname;
	if (ld->ld_conf.lc_max_size == 0)
		ld->ld_conf.lc_max_size = LMTPD_DEF_SIZE;
	if (ld->ld_conf.lc_max_rcpt == 0)
		ld->ld_conf.lc_max_rcpt = LMTPD_DEF_RCPT;
	if (ld->ld_conf.lc_max_conns == 0)
		ld->ld_conf.lc_max_conns = LMTPD_DEF_CONNS;
	if (ld->ld_conf.lc_timeout_s <= 0)
		ld->ld_conf.lc_timeout_s = LMTPD_DEF_TIMEOUT;
	if (lmtpd_listen(ld, err, errlen) < 0) {
		mmhs_lmtpd_free(ld);
		return NULL;
	}
	return ld;
}

/* mmhs_lmtpd_port - the port bound */
int
mmhs_lmtpd_port(const struct mmhs_lmtpd *ld)
{
	return ld->ld_port;
}

/* mmhs_lmtpd_free - close the listener and every session */
void
mmhs_lmtpd_free(struct mmhs_lmtpd *ld)
{
	if (ld == NULL)
		return;
	while (ld->ld_sessions != NULL)
		lmtpd_free_sess(ld->ld_sessions);
	if (ld->ld_listener != NULL)
		evconnlistener_free(ld->ld_listener);
	mmhs_free(ld->ld_uri);
	mmhs_free(ld);
}
