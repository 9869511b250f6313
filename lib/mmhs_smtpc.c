/* mmhs_smtpc.c - a blocking SMTP client for agents that resubmit mail
 *
 * Interface: mmhs_smtpc.h.  One connection per message, every wait
 * bounded by poll() with the caller's timeout (connect, each write,
 * each reply), so a stuck server costs an agent at most that.
 *
 * The dialogue does not use PIPELINING: one command, one reply, which
 * keeps the mapping of replies to recipients obvious.  Replies may be
 * multi-line (RFC 5321 4.2.1); their lines must carry the same code,
 * and their texts are joined with a space in sr_text / err.
 *
 * Data: lines end at LF; each goes out with CRLF, a leading "." is
 * doubled (RFC 5321 4.5.2), a bare LF becomes CRLF (RFC 5321 2.3.8
 * forbids sending it; a server reading lines would see the same line
 * ends) and a message not ending in a line end gets one.  A message
 * with CRLF line ends therefore arrives byte for byte.
 *
 * Results per recipient: the RCPT reply when it was refused, else the
 * reply to the final dot.  A refused MAIL or DATA gives every recipient
 * still waiting that reply's code and text, so an agent can tell
 * temporary (4xx) from permanent (5xx) without reading err; a broken
 * connection or a timeout leaves them at 0 (not known: try again).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "mmhs_ascii.h"
#include "mmhs_smtpc.h"
#include "mmhs_text.h"

#define SMTPC_LINE_MAX		2048	/* one reply line, CRLF included */
#define SMTPC_REPLY_MAX		65536	/* all lines of one reply */
#define SMTPC_OUT_MAX		65536	/* output buffered before a write */

struct smtpc {
	int	sc_fd;
	int	sc_timeout_ms;
	const char *sc_where;		/* "host:port" for messages */
	char	sc_in[SMTPC_LINE_MAX * 2];
	size_t	sc_inlen;
	char	sc_out[SMTPC_OUT_MAX];
	size_t	sc_outlen;
	int	sc_code;		/* last reply */
	int	sc_refused;		/* the server ended the transaction */
	char	sc_text[512];
	char   *sc_err;
	size_t	sc_errlen;
};

/* smtpc_wait - poll one event on the socket within the timeout */
static int
smtpc_wait(struct smtpc *sc, short events, const char *what)
{
	struct pollfd pfd;
	int	rc;

	pfd.fd = sc->sc_fd;
	pfd.events = events;
	do
		rc = poll(&pfd, 1, sc->sc_timeout_ms);
	while (rc < 0 && errno == EINTR);
	if (rc == 0)
		return mmhs_text_error(sc->sc_err, sc->sc_errlen,
		    "%s: timeout after %d s %s", sc->sc_where,
		    sc->sc_timeout_ms / 1000, what);
	if (rc < 0)
		return mmhs_text_error(sc->sc_err, sc->sc_errlen,
		    "%s: poll: %s", sc->sc_where, strerror(errno));
	return 0;
}

/* smtpc_connect - a non-blocking TCP connection, bounded by timeout */
static int
smtpc_connect(struct smtpc *sc, const char *host, int port)
{
	struct addrinfo hints, *res, *ai;
	char	serv[16], why[256] = "no address";
	socklen_t len;
	int	fd, rc, soerr;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	snprintf(serv, sizeof(serv), "%d", port);
	if ((rc = getaddrinfo(host, serv, &hints, &res)) != 0)
		return mmhs_text_error(sc->sc_err, sc->sc_errlen,
		    "%s: %s", sc->sc_where, gai_strerror(rc));
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC,
		    ai->ai_protocol);
		if (fd < 0 || fcntl(fd, F_SETFL, O_NONBLOCK) < 0) {
			snprintf(why, sizeof(why), "socket: %s",
			    strerror(errno));
			if (fd >= 0)
				close(fd);
			continue;
		}
		sc->sc_fd = fd;
		if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
			break;
		soerr = errno;
		if (soerr == EINPROGRESS) {
			if (smtpc_wait(sc, POLLOUT, "connecting") < 0) {
				snprintf(why, sizeof(why), "timeout");
				soerr = ETIMEDOUT;
			} else {
				len = sizeof(soerr);
				if (getsockopt(fd, SOL_SOCKET, SO_ERROR,
				    &soerr, &len) < 0)
					soerr = errno;
			}
			if (soerr == 0)
				break;
		}
		snprintf(why, sizeof(why), "%s", strerror(soerr));
		close(fd);
		sc->sc_fd = -1;
	}
	freeaddrinfo(res);
	if (sc->sc_fd < 0)
		return mmhs_text_error(sc->sc_err, sc->sc_errlen,
		    "connect to %s: %s", sc->sc_where, why);
	return 0;
}

/* smtpc_flush - write out the buffered octets */
static int
smtpc_flush(struct smtpc *sc)
{
	size_t	off = 0;
	ssize_t	n;

	while (off < sc->sc_outlen) {
		n = send(sc->sc_fd, sc->sc_out + off, sc->sc_outlen - off,
		    MSG_NOSIGNAL);
		if (n > 0) {
			off += (size_t)n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
			return mmhs_text_error(sc->sc_err, sc->sc_errlen,
			    "%s: write: %s", sc->sc_where, strerror(errno));
		if (smtpc_wait(sc, POLLOUT, "sending") < 0)
			return -1;
	}
	sc->sc_outlen = 0;
	return 0;
}

/* smtpc_put - append octets to the output, flushing when full */
static int
smtpc_put(struct smtpc *sc, const char *buf, size_t len)
{
	size_t	n;

	while (len > 0) {
		if (sc->sc_outlen == sizeof(sc->sc_out) && smtpc_flush(sc) < 0)
			return -1;
		n = sizeof(sc->sc_out) - sc->sc_outlen;
		if (n > len)
			n = len;
		memcpy(sc->sc_out + sc->sc_outlen, buf, n);
		sc->sc_outlen += n;
		buf += n;
		len -= n;
	}
	return 0;
}

/* smtpc_line - the next reply line (CRLF or LF removed) into line */
static int
smtpc_line(struct smtpc *sc, char *line, size_t size, const char *what)
{
	char   *nl;
	size_t	n;
	ssize_t	r;

	for (;;) {
		nl = memchr(sc->sc_in, '\n', sc->sc_inlen);
		if (nl != NULL)
			break;
		if (sc->sc_inlen >= size)
			return mmhs_text_error(sc->sc_err, sc->sc_errlen,
			    "%s: reply line too long %s", sc->sc_where, what);
		if (smtpc_wait(sc, POLLIN, what) < 0)
			return -1;
		r = recv(sc->sc_fd, sc->sc_in + sc->sc_inlen,
		    sizeof(sc->sc_in) - sc->sc_inlen, 0);
		if (r < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (r <= 0)
			return mmhs_text_error(sc->sc_err, sc->sc_errlen,
			    "%s: connection lost %s%s%s", sc->sc_where, what,
			    r < 0 ? ": " : "", r < 0 ? strerror(errno) : "");
		sc->sc_inlen += (size_t)r;
	}
	n = (size_t)(nl - sc->sc_in);
	if (n >= size)
		return mmhs_text_error(sc->sc_err, sc->sc_errlen,
		    "%s: reply line too long %s", sc->sc_where, what);
	memcpy(line, sc->sc_in, n);
	line[n > 0 && line[n - 1] == '\r' ? n - 1 : n] = '\0';
	sc->sc_inlen -= n + 1;
	memmove(sc->sc_in, nl + 1, sc->sc_inlen);
	return 0;
}

/* smtpc_reply - read one (multi-line) reply into sc_code / sc_text */
static int
smtpc_reply(struct smtpc *sc, const char *what)
{
	char	line[SMTPC_LINE_MAX];
	size_t	total = 0, tlen = 0;
	int	code, more;

	sc->sc_code = 0;
	sc->sc_text[0] = '\0';
	do {
		if (smtpc_line(sc, line, sizeof(line), what) < 0)
			return -1;
		total += strlen(line);
		if (!mmhs_ascii_is_digit(line[0]) || line[0] < '2' ||
		    line[0] > '5' || !mmhs_ascii_is_digit(line[1]) ||
		    !mmhs_ascii_is_digit(line[2]) || (line[3] != '\0' &&
		    line[3] != ' ' && line[3] != '-'))
			return mmhs_text_error(sc->sc_err, sc->sc_errlen,
			    "%s: malformed reply %s: \"%.80s\"", sc->sc_where,
			    what, line);
		code = (line[0] - '0') * 100 + (line[1] - '0') * 10 +
		    (line[2] - '0');
		if (sc->sc_code != 0 && code != sc->sc_code)
			return mmhs_text_error(sc->sc_err, sc->sc_errlen,
			    "%s: reply lines with codes %d and %d %s",
			    sc->sc_where, sc->sc_code, code, what);
		if (total > SMTPC_REPLY_MAX)
			return mmhs_text_error(sc->sc_err, sc->sc_errlen,
			    "%s: reply too long %s", sc->sc_where, what);
		sc->sc_code = code;
		more = line[3] == '-';
		if (line[3] != '\0' && tlen + 1 < sizeof(sc->sc_text))
			tlen += (size_t)snprintf(sc->sc_text + tlen,
			    sizeof(sc->sc_text) - tlen, "%s%s",
			    tlen > 0 ? " " : "", line + 4);
		if (tlen >= sizeof(sc->sc_text))
			tlen = sizeof(sc->sc_text) - 1;
	} while (more);
	return 0;
}

/* smtpc_cmd - send one command line, read its reply */
static int
smtpc_cmd(struct smtpc *sc, const char *verb, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int
smtpc_cmd(struct smtpc *sc, const char *verb, const char *fmt, ...)
{
	char	line[SMTPC_LINE_MAX], what[64];
	va_list	ap;
	int	n;

	snprintf(what, sizeof(what), "waiting for the reply to %s", verb);

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line) - 2, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(line) - 2)
		return mmhs_text_error(sc->sc_err, sc->sc_errlen,
		    "%s: %s command too long", sc->sc_where, verb);
	if (strpbrk(line, "\r\n") != NULL)
		return mmhs_text_error(sc->sc_err, sc->sc_errlen,
		    "%s: line end inside the %s command", sc->sc_where, verb);
	memcpy(line + n, "\r\n", 2);
	if (smtpc_put(sc, line, (size_t)n + 2) < 0 || smtpc_flush(sc) < 0)
		return -1;
	return smtpc_reply(sc, what);
}

/* smtpc_data - the message, dot-stuffed, with CRLF line ends */
static int
smtpc_data(struct smtpc *sc, const char *data, size_t len)
{
	const char *p = data, *end = data + len, *nl;
	size_t	n;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		n = (size_t)((nl != NULL ? nl : end) - p);
		if (nl != NULL && n > 0 && p[n - 1] == '\r')
			n--;
		if ((*p == '.' && smtpc_put(sc, ".", 1) < 0) ||
		    smtpc_put(sc, p, n) < 0 || smtpc_put(sc, "\r\n", 2) < 0)
			return -1;
		p = nl != NULL ? nl + 1 : end;
	}
	if (smtpc_put(sc, ".\r\n", 3) < 0 || smtpc_flush(sc) < 0)
		return -1;
	return smtpc_reply(sc, "waiting for the reply to the message");
}

/* smtpc_sp - the blank before parameters, if any */
static const char *
smtpc_sp(const char *params)
{
	return params != NULL && params[0] != '\0' ? " " : "";
}

/* smtpc_settle - recipients not refused at RCPT get the last reply */
static void
smtpc_settle(struct smtpc *sc, struct mmhs_smtpc_msg *m)
{
	size_t	i;

	for (i = 0; i < m->sm_nrcpt; i++)
		if (m->sm_rcpt[i].sr_code == 0 ||
		    m->sm_rcpt[i].sr_code / 100 == 2) {
			m->sm_rcpt[i].sr_code = sc->sc_code;
			snprintf(m->sm_rcpt[i].sr_text,
			    sizeof(m->sm_rcpt[i].sr_text), "%s", sc->sc_text);
		}
}

/* smtpc_unknown - after a broken session no acceptance stands */
static void
smtpc_unknown(struct mmhs_smtpc_msg *m)
{
	size_t	i;

	for (i = 0; i < m->sm_nrcpt; i++)
		if (m->sm_rcpt[i].sr_code / 100 == 2) {
			m->sm_rcpt[i].sr_code = 0;
			m->sm_rcpt[i].sr_text[0] = '\0';
		}
}

/* smtpc_refused - a reply that ends the transaction, as err */
static int
smtpc_refused(struct smtpc *sc, const char *what)
{
	sc->sc_refused = 1;
	return mmhs_text_error(sc->sc_err, sc->sc_errlen,
	    "%s refused %s: %d %s", sc->sc_where, what, sc->sc_code,
	    sc->sc_text);
}

/* smtpc_hello - greeting and EHLO (HELO when EHLO is not known and
 * no ESMTP parameter has to be sent) */
static int
smtpc_hello(struct smtpc *sc, const struct mmhs_smtpc_msg *m)
{
	char	name[256];
	size_t	i;
	int	esmtp = m->sm_mail_params != NULL && m->sm_mail_params[0];

	if (smtpc_reply(sc, "waiting for the greeting") < 0)
		return -1;
	if (sc->sc_code != 220)
		return smtpc_refused(sc, "the session");
	if (m->sm_helo != NULL)
		snprintf(name, sizeof(name), "%s", m->sm_helo);
	else if (gethostname(name, sizeof(name)) < 0 || name[0] == '\0')
		snprintf(name, sizeof(name), "localhost");
	name[sizeof(name) - 1] = '\0';
	if (smtpc_cmd(sc, "EHLO", "EHLO %s", name) < 0)
		return -1;
	if (sc->sc_code / 100 == 2)
		return 0;
	for (i = 0; i < m->sm_nrcpt; i++)
		if (m->sm_rcpt[i].sr_params != NULL &&
		    m->sm_rcpt[i].sr_params[0] != '\0')
			esmtp = 1;
	if (sc->sc_code / 100 != 5 || esmtp)
		return smtpc_refused(sc, "EHLO");
	if (smtpc_cmd(sc, "HELO", "HELO %s", name) < 0)
		return -1;
	return sc->sc_code / 100 == 2 ? 0 : smtpc_refused(sc, "HELO");
}

/* smtpc_session - from the greeting to the reply after the dot */
static int
smtpc_session(struct smtpc *sc, struct mmhs_smtpc_msg *m)
{
	struct mmhs_smtpc_rcpt *r;
	size_t	i, accepted = 0;

	if (smtpc_hello(sc, m) < 0)
		return -1;
	if (smtpc_cmd(sc, "MAIL FROM", "MAIL FROM:<%s>%s%s",
	    m->sm_mail_from, smtpc_sp(m->sm_mail_params),
	    m->sm_mail_params != NULL ? m->sm_mail_params : "") < 0)
		return -1;
	if (sc->sc_code / 100 != 2)
		return smtpc_refused(sc, "MAIL FROM");
	for (i = 0; i < m->sm_nrcpt; i++) {
		r = &m->sm_rcpt[i];
		if (smtpc_cmd(sc, "RCPT TO", "RCPT TO:<%s>%s%s",
		    r->sr_addr, smtpc_sp(r->sr_params),
		    r->sr_params != NULL ? r->sr_params : "") < 0)
			return -1;
		r->sr_code = sc->sc_code;
		snprintf(r->sr_text, sizeof(r->sr_text), "%s", sc->sc_text);
		if (sc->sc_code / 100 == 2)
			accepted++;
	}
	if (accepted == 0)
		return 0;
	if (smtpc_cmd(sc, "DATA", "DATA") < 0)
		return -1;
	if (sc->sc_code != 354)
		return smtpc_refused(sc, "DATA");
	if (smtpc_data(sc, m->sm_data, m->sm_len) < 0)
		return -1;
	smtpc_settle(sc, m);
	return sc->sc_code / 100 == 2 ? (int)accepted : 0;
}

/* mmhs_smtpc_send - one message to one server */
int
mmhs_smtpc_send(struct mmhs_smtpc_msg *m, char *err, size_t errlen)
{
	struct smtpc *sc;
	char	where[300];
	size_t	i;
	int	rc;

	for (i = 0; i < m->sm_nrcpt; i++) {
		m->sm_rcpt[i].sr_code = 0;
		m->sm_rcpt[i].sr_text[0] = '\0';
	}
	if (m->sm_nrcpt == 0)
		return mmhs_text_error(err, errlen, "no recipient");
	if (m->sm_mail_from == NULL || m->sm_host == NULL ||
	    m->sm_port <= 0 || m->sm_port > 65535)
		return mmhs_text_error(err, errlen, "no sender, host or port");
	sc = calloc(1, sizeof(*sc));
	if (sc == NULL)
		return mmhs_text_error(err, errlen, "out of memory");
	snprintf(where, sizeof(where), "%s:%d", m->sm_host, m->sm_port);
	sc->sc_fd = -1;
	sc->sc_where = where;
	sc->sc_timeout_ms = (m->sm_timeout_s > 0 ? m->sm_timeout_s : 60) *
	    1000;
	sc->sc_err = err;
	sc->sc_errlen = errlen;
	rc = smtpc_connect(sc, m->sm_host, m->sm_port);
	if (rc == 0)
		rc = smtpc_session(sc, m);
	if (sc->sc_refused)
		smtpc_settle(sc, m);
	else if (rc < 0)
		smtpc_unknown(m);
	if (sc->sc_fd >= 0) {
		/* the outcome is decided: QUIT is a courtesy whose
		 * failure changes nothing, not even err */
		sc->sc_err = NULL;
		sc->sc_errlen = 0;
		if (rc >= 0 || sc->sc_refused)
			(void) smtpc_cmd(sc, "QUIT", "QUIT");
		close(sc->sc_fd);
	}
	free(sc);
	return rc;
}

/* mmhs_smtpc_parse_uri - "[scheme://]host:port[/]" */
int
mmhs_smtpc_parse_uri(const char *uri, char *host, size_t hostlen, int *port)
{
	const char *p = uri, *h, *he, *colon;
	char   *end;
	long	v;

	if (strncmp(p, "smtp://", 7) == 0 || strncmp(p, "lmtp://", 7) == 0)
		p += 7;
	if (*p == '[') {
		h = p + 1;
		if ((he = strchr(h, ']')) == NULL || he[1] != ':')
			return -1;
		colon = he + 1;
	} else {
		h = p;
		if ((colon = strrchr(p, ':')) == NULL ||
		    memchr(p, ':', (size_t)(colon - p)) != NULL)
			return -1;
		he = colon;
	}
	if (he == h || (size_t)(he - h) >= hostlen ||
	    !mmhs_ascii_is_digit(colon[1]))
		return -1;
	errno = 0;
	v = strtol(colon + 1, &end, 10);
	if (errno != 0 || v < 0 || v > 65535 ||
	    (*end != '\0' && strcmp(end, "/") != 0))
		return -1;
	memcpy(host, h, (size_t)(he - h));
	host[he - h] = '\0';
	*port = (int)v;
	return 0;
}
