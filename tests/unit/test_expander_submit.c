/* test_expander_submit.c - unit tests of the expander's resubmission
 *
 * expander_submit() against a scripted SMTP server on loopback that
 * serves several sessions in turn (the real MTA cannot be made to
 * refuse or break a given transaction on demand): transactions no
 * larger than the batch, a temporary failure before anything was
 * accepted handed back to the caller, retries after a first acceptance
 * of only the recipients not accepted (no member gets two copies), a
 * 5xx to one RCPT kept as it is, a refused MAIL applied to the rest, and
 * the RCPT parameters (NOTIFY, ORCPT as xtext).
 */
#include "config.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "expander.h"
#include "kitnet.h"
#include "unit.h"

#define T_SESSIONS	4

/* A server that plays one script per session, then counts extra
 * connections for a moment. */
struct t_srv {
	int	s_fd, s_port;
	pthread_t s_thread;
	const char *const *s_script[T_SESSIONS + 1];	/* NULL-ended */
	char	s_got[T_SESSIONS][8192];
	int	s_served, s_extra;
};

/* t_session - one scripted session on fd (replies one per client
 * line, the message after a 354) */
static void
t_session(struct t_srv *sv, int fd, const char *const *r)
{
	const char *end;
	char   *in;
	size_t	n, got = 0, room = sizeof(sv->s_got[0]) - 1;

	for (; *r != NULL; r++) {
		if (kitnet_send(fd, *r, strlen(*r)) < 0 || r[1] == NULL)
			break;
		end = strncmp(*r, "354", 3) == 0 ? "\r\n.\r\n" : "\n";
		if ((in = kitnet_read_until(fd, end, room - got, &n)) == NULL)
			break;
		memcpy(sv->s_got[sv->s_served] + got, in, n);
		got += n;
		free(in);
		if (n == 0)
			break;
	}
	sv->s_got[sv->s_served][got] = '\0';
}

/* t_run - the server thread */
static void *
t_run(void *arg)
{
	struct t_srv *sv = arg;
	struct pollfd pfd = { sv->s_fd, POLLIN, 0 };
	int	fd;

	while (sv->s_script[sv->s_served] != NULL) {
		if (poll(&pfd, 1, KITNET_WAIT_MS) <= 0 ||
		    (fd = accept(sv->s_fd, NULL, NULL)) < 0)
			return NULL;
		t_session(sv, fd, sv->s_script[sv->s_served]);
		close(fd);
		sv->s_served++;
	}
	while (poll(&pfd, 1, 300) > 0 && (fd = accept(sv->s_fd, NULL,
	    NULL)) >= 0) {
		sv->s_extra++;
		close(fd);
	}
	return NULL;
}

/* t_start - listen on 127.0.0.1 (any port) and serve the scripts */
static int
t_start(struct t_srv *sv)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof(sin);

	if ((sv->s_fd = socket(AF_INET, SOCK_STREAM, 0)) < 0)
		return -1;
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(sv->s_fd, (struct sockaddr *)&sin, sizeof(sin)) < 0 ||
	    listen(sv->s_fd, 8) < 0 || getsockname(sv->s_fd,
	    (struct sockaddr *)&sin, &len) < 0) {
		close(sv->s_fd);
		return -1;
	}
	sv->s_port = ntohs(sin.sin_port);
	return pthread_create(&sv->s_thread, NULL, t_run, sv) == 0 ? 0 : -1;
}

/* t_stop - wait for the server to end */
static void
t_stop(struct t_srv *sv)
{
	pthread_join(sv->s_thread, NULL);
	close(sv->s_fd);
}

static const char *const ok2[] = { "220 t\r\n", "250 t\r\n",
	"250 2.1.0 ok\r\n", "250 2.1.5 ok\r\n", "250 2.1.5 ok\r\n",
	"354 go\r\n", "250 2.0.0 queued\r\n", "221 bye\r\n", NULL };
static const char *const ok1[] = { "220 t\r\n", "250 t\r\n",
	"250 2.1.0 ok\r\n", "250 2.1.5 ok\r\n", "354 go\r\n",
	"250 2.0.0 queued\r\n", "221 bye\r\n", NULL };

/* t_send - run expander_submit on n recipients r0, r1, ... */
static long
t_send(struct t_srv *sv, struct exp_out *out, size_t n, size_t batch,
	char *err, size_t errlen)
{
	static const char msg[] = "DL-Expansion-History: l@x.example ; "
	    "Tue, 1 Jul 2025 10:00:00 +0000 ;\r\nSubject: t\r\n\r\nbody\r\n";
	static char addrs[8][16];
	struct exp_send s;
	size_t	i;

	for (i = 0; i < n; i++) {
		snprintf(addrs[i], sizeof(addrs[i]), "r%zu@x.example", i);
		memset(&out[i], 0, sizeof(out[i]));
		out[i].eo_addr = addrs[i];
		(void)expander_rcpt_params(addrs[i], out[i].eo_params,
		    sizeof(out[i].eo_params));
	}
	memset(&s, 0, sizeof(s));
	s.es_host = "127.0.0.1";
	s.es_port = sv->s_port;
	s.es_helo = "t.test";
	s.es_from = "owner@x.example";
	s.es_params = "MT-PRIORITY=4";
	s.es_data = msg;
	s.es_len = sizeof(msg) - 1;
	s.es_batch = batch;
	s.es_retries = 1;
	s.es_timeout = 10;
	return expander_submit(&s, out, n, err, errlen);
}

/* t_rcpts - how many RCPT lines session k got, and whether rN is one */
static int
t_rcpts(const struct t_srv *sv, int k)
{
	const char *p = sv->s_got[k];
	int	n = 0;

	while ((p = strstr(p, "RCPT TO:<")) != NULL) {
		n++;
		p++;
	}
	return n;
}

/* test_batches - 5 recipients in transactions of 2, 2, 1 */
static void
test_batches(void)
{
	struct t_srv sv = { .s_script = { ok2, ok2, ok1, NULL } };
	struct exp_out out[5];
	char	err[256] = "";
	long	r;

	UNIT_CHECK(t_start(&sv) == 0, "server");
	r = t_send(&sv, out, 5, 2, err, sizeof(err));
	t_stop(&sv);
	UNIT_CHECK(r == 5, "accepted %ld (%s)", r, err);
	UNIT_CHECK(sv.s_served == 3 && sv.s_extra == 0 && t_rcpts(&sv, 0) == 2
	    && t_rcpts(&sv, 1) == 2 && t_rcpts(&sv, 2) == 1,
	    "sessions %d extra %d", sv.s_served, sv.s_extra);
	UNIT_CHECK(strstr(sv.s_got[0], "MAIL FROM:<owner@x.example> "
	    "MT-PRIORITY=4\r\n") != NULL && strstr(sv.s_got[1],
	    "RCPT TO:<r3@x.example> NOTIFY=FAILURE,DELAY "
	    "ORCPT=rfc822;r3@x.example\r\n") != NULL, "commands: %s",
	    sv.s_got[1]);
	UNIT_CHECK(strstr(sv.s_got[2], "\r\nDL-Expansion-History: "
	    "l@x.example ;") != NULL && strstr(sv.s_got[2],
	    "\r\nbody\r\n.\r\n") != NULL, "message: %s", sv.s_got[2]);
}

/* test_tempfail_first - nothing accepted: the caller gets -1 at once */
static void
test_tempfail_first(void)
{
	static const char *const later[] = { "220 t\r\n", "250 t\r\n",
	    "250 2.1.0 ok\r\n", "451 4.3.0 later\r\n", "451 4.3.0 later\r\n",
	    "451 4.3.0 later\r\n", "221 bye\r\n", NULL };
	struct t_srv sv = { .s_script = { later, NULL } };
	struct exp_out out[3];
	char	err[256] = "";
	long	r;

	UNIT_CHECK(t_start(&sv) == 0, "server");
	r = t_send(&sv, out, 3, 10, err, sizeof(err));
	t_stop(&sv);
	UNIT_CHECK(r == -1 && strstr(err, "4.3.0 later") != NULL,
	    "returned %ld (%s)", r, err);
	UNIT_CHECK(sv.s_served == 1 && sv.s_extra == 0, "no retry: %d + %d",
	    sv.s_served, sv.s_extra);
}

/* test_retry_rest - accepted, then a broken session: only the rest is
 * sent again */
static void
test_retry_rest(void)
{
	static const char *const broken[] = { "220 t\r\n", "250 t\r\n",
	    "250 2.1.0 ok\r\n", NULL };
	struct t_srv sv = { .s_script = { ok2, broken, ok2, NULL } };
	struct exp_out out[4];
	char	err[256] = "";
	long	r;

	UNIT_CHECK(t_start(&sv) == 0, "server");
	r = t_send(&sv, out, 4, 2, err, sizeof(err));
	t_stop(&sv);
	UNIT_CHECK(r == 4, "accepted %ld (%s)", r, err);
	UNIT_CHECK(sv.s_served == 3 && sv.s_extra == 0, "sessions %d + %d",
	    sv.s_served, sv.s_extra);
	UNIT_CHECK(strstr(sv.s_got[2], "<r2@x.example>") != NULL &&
	    strstr(sv.s_got[2], "<r3@x.example>") != NULL &&
	    strstr(sv.s_got[2], "<r0@x.example>") == NULL &&
	    strstr(sv.s_got[2], "<r1@x.example>") == NULL,
	    "the retry sends the rest only: %s", sv.s_got[2]);
}

/* test_refusals - a 5xx to one RCPT stays; a refused MAIL answers the
 * rest */
static void
test_refusals(void)
{
	static const char *const one5[] = { "220 t\r\n", "250 t\r\n",
	    "250 2.1.0 ok\r\n", "250 2.1.5 ok\r\n", "550 5.1.1 no such\r\n",
	    "250 2.1.5 ok\r\n", "354 go\r\n", "250 2.0.0 queued\r\n",
	    "221 bye\r\n", NULL };
	static const char *const nomail[] = { "220 t\r\n", "250 t\r\n",
	    "554 5.7.1 not from you\r\n", "221 bye\r\n", NULL };
	struct t_srv sv = { .s_script = { one5, NULL } };
	struct t_srv sv2 = { .s_script = { ok2, nomail, NULL } };
	struct exp_out out[5];
	char	err[256] = "";
	long	r;

	UNIT_CHECK(t_start(&sv) == 0, "server");
	r = t_send(&sv, out, 3, 10, err, sizeof(err));
	t_stop(&sv);
	UNIT_CHECK(r == 2 && out[1].eo_code == 550 && strcmp(out[1].eo_text,
	    "5.1.1 no such") == 0 && out[2].eo_code == 250 &&
	    sv.s_extra == 0, "one refused: %ld, %d %s", r, out[1].eo_code,
	    out[1].eo_text);
	UNIT_CHECK(t_start(&sv2) == 0, "server");
	r = t_send(&sv2, out, 5, 2, err, sizeof(err));
	t_stop(&sv2);
	UNIT_CHECK(r == 2 && out[2].eo_code == 554 && out[4].eo_code == 554 &&
	    strstr(out[4].eo_text, "not from you") != NULL &&
	    sv2.s_served == 2 && sv2.s_extra == 0, "MAIL refused: %ld, %d %s, "
	    "%d + %d sessions", r, out[4].eo_code, out[4].eo_text,
	    sv2.s_served, sv2.s_extra);
}

/* test_params - ORCPT is xtext */
static void
test_params(void)
{
	char	buf[128];

	UNIT_CHECK(expander_rcpt_params("a+b=c@x.example", buf,
	    sizeof(buf)) > 0 && strcmp(buf, "NOTIFY=FAILURE,DELAY "
	    "ORCPT=rfc822;a+2Bb+3Dc@x.example") == 0, "xtext: %s", buf);
	UNIT_CHECK(expander_rcpt_params("a@x.example", buf, 20) < 0, "short");
}

static const struct unit_test submit_tests[] = {
	{ "batches", test_batches },
	{ "temporary failure before any acceptance", test_tempfail_first },
	{ "retry of the rest only", test_retry_rest },
	{ "refusals", test_refusals },
	{ "RCPT parameters", test_params },
};

int
main(void)
{
	static const struct unit_suite suites[] = {
		UNIT_SUITE("resubmission", submit_tests),
	};

	return unit_main(suites, sizeof(suites) / sizeof(suites[0]));
}
