/* test_lmtpd.c - unit tests of the LMTP server
 *
 * The server runs as agents run it: on its own event_base, here in a
 * thread.  Real clients drive it: swaks (LMTP, with and without
 * PIPELINING, and as an SMTP client that must be turned away) here,
 * raw pipelined input over a socket in test_lmtpd_raw.c.  What the
 * agent's callbacks saw is compared with what was sent.
 */
#include "config.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <event2/event.h>
#include <event2/thread.h>

#include "kitnet.h"
#include "mmhs_alloc.h"
#include "mmhs_lmtpd.h"
#include "test_lmtpd.h"
#include "unit.h"

#define TL_MAX_MSGS	64

static pthread_mutex_t tl_lock = PTHREAD_MUTEX_INITIALIZER;

static struct {
	pthread_t t_thread;
	struct event_base *t_base;
	struct mmhs_lmtpd *t_ld;
	struct tl_msg t_msgs[TL_MAX_MSGS];
	size_t	t_nmsgs;
} tl;

/* tl_on_rcpt - "refuse*" is refused */
static int
tl_on_rcpt(void *arg, const char *rcpt, const char *params,
	struct mmhs_lmtp_reply *r)
{
	if (strncmp(rcpt, "refuse", 6) != 0)
		return 0;
	r->lr_code = 550;
	snprintf(r->lr_text, sizeof(r->lr_text), "5.1.1 <%s> refused here",
	    rcpt);
	return -1;
}

/* tl_on_message - record the envelope, answer per recipient */
static void
tl_on_message(void *arg, const struct mmhs_lmtp_envelope *env,
	struct mmhs_lmtp_reply *r)
{
	struct tl_msg *m;
	size_t	i;

	pthread_mutex_lock(&tl_lock);
	if (tl.t_nmsgs < TL_MAX_MSGS) {
		m = &tl.t_msgs[tl.t_nmsgs++];
		m->m_lhlo = mmhs_strdup(env->le_lhlo);
		m->m_peer = mmhs_strdup(env->le_peer);
		m->m_from = mmhs_strdup(env->le_mail_from);
		m->m_mail_params = mmhs_strdup(env->le_mail_params);
		for (i = 0; i < env->le_nrcpt && i < 8; i++) {
			m->m_rcpt[i] = mmhs_strdup(env->le_rcpt[i]);
			m->m_rcpt_params[i] =
			    mmhs_strdup(env->le_rcpt_params[i]);
		}
		m->m_nrcpt = i;
		m->m_data = mmhs_strndup(env->le_data, env->le_len);
		m->m_len = env->le_len;
	}
	pthread_mutex_unlock(&tl_lock);
	for (i = 0; i < env->le_nrcpt; i++) {
		if (strncmp(env->le_rcpt[i], "later", 5) == 0) {
			r[i].lr_code = 452;
			snprintf(r[i].lr_text, sizeof(r[i].lr_text),
			    "4.2.2 mailbox full");
		} else if (strncmp(env->le_rcpt[i], "broken", 6) == 0) {
			r[i].lr_code = 250;
			snprintf(r[i].lr_text, sizeof(r[i].lr_text),
			    "2.0.0 ok\r\n250 injected");
		} else {
			r[i].lr_code = 250;
			snprintf(r[i].lr_text, sizeof(r[i].lr_text),
			    "2.1.5 delivered to %s", env->le_rcpt[i]);
		}
	}
}

/* tl_run - the server's thread */
static void *
tl_run(void *arg)
{
	event_base_dispatch(tl.t_base);
	return NULL;
}

/* tl_start - a server with these bounds on 127.0.0.1, any port */
int
tl_start(size_t max_size, size_t max_rcpt, size_t max_conns, int timeout_s)
{
	struct mmhs_lmtpd_conf lc;
	char	err[256];

	memset(&lc, 0, sizeof(lc));
	lc.lc_uri = "lmtp://127.0.0.1:0";
	lc.lc_hostname = "lmtpd.test.example";
	lc.lc_max_size = max_size;
	lc.lc_max_rcpt = max_rcpt;
	lc.lc_max_conns = max_conns;
	lc.lc_timeout_s = timeout_s;
	lc.lc_on_rcpt = tl_on_rcpt;
	lc.lc_on_message = tl_on_message;
	tl.t_base = event_base_new();
	tl.t_ld = mmhs_lmtpd_new(tl.t_base, &lc, err, sizeof(err));
	UNIT_CHECK(tl.t_ld != NULL, "mmhs_lmtpd_new: %s", err);
	if (tl.t_ld == NULL)
		return -1;
	pthread_create(&tl.t_thread, NULL, tl_run, NULL);
	return mmhs_lmtpd_port(tl.t_ld);
}

/* tl_stop - end the loop, free the server and what was recorded */
void
tl_stop(void)
{
	size_t	i, j;

	if (tl.t_ld == NULL)
		return;
	/* an event, unlike loopbreak, is not lost when the loop has not
	 * started yet */
	event_base_loopexit(tl.t_base, NULL);
	pthread_join(tl.t_thread, NULL);
	mmhs_lmtpd_free(tl.t_ld);
	event_base_free(tl.t_base);
	tl.t_ld = NULL;
	for (i = 0; i < tl.t_nmsgs; i++) {
		struct tl_msg *m = &tl.t_msgs[i];

		mmhs_free(m->m_lhlo);
		mmhs_free(m->m_peer);
		mmhs_free(m->m_from);
		mmhs_free(m->m_mail_params);
		mmhs_free(m->m_data);
		for (j = 0; j < m->m_nrcpt; j++) {
			mmhs_free(m->m_rcpt[j]);
			mmhs_free(m->m_rcpt_params[j]);
		}
	}
	memset(tl.t_msgs, 0, sizeof(tl.t_msgs));
	tl.t_nmsgs = 0;
}

/* tl_count - messages delivered to the callback */
size_t
tl_count(void)
{
	size_t	n;

	pthread_mutex_lock(&tl_lock);
	n = tl.t_nmsgs;
	pthread_mutex_unlock(&tl_lock);
	return n;
}

/* tl_get - one recorded message */
const struct tl_msg *
tl_get(size_t n)
{
	return n < tl_count() ? &tl.t_msgs[n] : NULL;
}

/* tl_session - one connection: send, then read the transcript */
char *
tl_session(int port, const char *input, size_t len)
{
	char   *out;
	int	fd = kitnet_connect(port);

	if (fd < 0)
		return mmhs_strdup("");
	out = kitnet_talk(fd, input, input != NULL ? len : 0, 4 << 20, NULL);
	close(fd);
	return out;
}

/* tl_codes - the code of each last line of a reply */
void
tl_codes(const char *t, char *out, size_t outlen)
{
	const char *p;
	size_t	o = 0;

	out[0] = '\0';
	for (p = t; *p != '\0'; p = strchr(p, '\n') ? strchr(p, '\n') + 1 :
	    p + strlen(p))
		if (strlen(p) >= 4 && p[3] == ' ' && o + 5 < outlen)
			o += (size_t)snprintf(out + o, outlen - o, "%s%.3s",
			    o > 0 ? " " : "", p);
}

/* tl_swaks - run swaks with these arguments; its exit status and
 * output (caller frees) */
static int
tl_swaks(char **out, const char *const *args)
{
	char	cmd[4096] = "swaks --hide-informational";
	const char *const *a;
	size_t	n = strlen(cmd), len = 0;
	FILE   *fp;
	int	st;

	for (a = args; *a != NULL; a++)
		n += (size_t)snprintf(cmd + n, sizeof(cmd) - n, " '%s'", *a);
	snprintf(cmd + n, sizeof(cmd) - n, " 2>&1");
	*out = mmhs_calloc(1, 1 << 20);
	if ((fp = popen(cmd, "r")) == NULL)
		return -1;
	while (len < (1 << 20) - 1 && (n = fread(*out + len, 1,
	    (1 << 20) - 1 - len, fp)) > 0)
		len += n;
	st = pclose(fp);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* swaks sends the file's lines with CRLF, dot-stuffed, and a line end
 * of its own before the dot */
static const char swaks_file[] =
    "From: Anwen Lacey <anwen.lacey@mod.westland.example>\n"
    "To: do.testcell@mod.westland.example\n"
    "Subject: through swaks\n\n"
    ".a line with a leading dot\n"
    "..two\n"
    "last line";
static const char swaks_msg[] =
    "From: Anwen Lacey <anwen.lacey@mod.westland.example>\r\n"
    "To: do.testcell@mod.westland.example\r\n"
    "Subject: through swaks\r\n\r\n"
    ".a line with a leading dot\r\n"
    "..two\r\n"
    "last line\r\n";

/* test_swaks - an LMTP client delivers to two recipients */
static void
test_swaks(void)
{
	char	path[128], portbuf[16], *out = NULL;
	const struct tl_msg *m;
	FILE   *fp;
	int	port, rc, pipeline;

	snprintf(path, sizeof(path), "%s/test_lmtpd.XXXXXX", P_tmpdir);
	rc = mkstemp(path);
	UNIT_CHECK(rc >= 0, "mkstemp");
	close(rc);
	fp = fopen(path, "w");
	fputs(swaks_file, fp);
	fclose(fp);
	for (pipeline = 0; pipeline < 2; pipeline++) {
		const char *args[] = { "--protocol", "LMTP", "--server",
		    "127.0.0.1", "--port", portbuf, "--helo", "agent.example",
		    "--from", "sender@a.example", "--to",
		    "one@b.example,later@b.example", "--data", NULL,
		    pipeline ? "--pipeline" : NULL, NULL };
		char	data[160];

		snprintf(data, sizeof(data), "@%s", path);
		args[13] = data;
		port = tl_start(0, 0, 0, 0);
		snprintf(portbuf, sizeof(portbuf), "%d", port);
		rc = tl_swaks(&out, args);
		/* swaks fails the run when any recipient failed */
		UNIT_CHECK(strstr(out, "<-  250 2.1.5 delivered to "
		    "one@b.example") != NULL && strstr(out,
		    "<** 452 4.2.2 mailbox full") != NULL,
		    "pipeline %d: rc %d, swaks said:\n%s", pipeline, rc, out);
		UNIT_CHECK(!pipeline || strstr(out, "PIPELINING") != NULL,
		    "no PIPELINING advertised");
		m = tl_get(0);
		UNIT_CHECK(tl_count() == 1 && m != NULL &&
		    strcmp(m->m_lhlo, "agent.example") == 0 &&
		    strcmp(m->m_from, "sender@a.example") == 0 &&
		    strcmp(m->m_peer, "127.0.0.1") == 0 && m->m_nrcpt == 2 &&
		    strcmp(m->m_rcpt[1], "later@b.example") == 0,
		    "pipeline %d: envelope not as sent", pipeline);
		UNIT_CHECK(m != NULL && strcmp(m->m_data, swaks_msg) == 0,
		    "pipeline %d: data differs:\n%s", pipeline,
		    m != NULL ? m->m_data : "");
		mmhs_free(out);
		tl_stop();
	}
	unlink(path);
}

/* test_swaks_smtp - an SMTP client is told to use LHLO */
static void
test_swaks_smtp(void)
{
	char	portbuf[16], *out = NULL;
	const char *args[] = { "--server", "127.0.0.1", "--port", portbuf,
	    "--from", "a@a.example", "--to", "b@b.example", NULL };
	int	port, rc;

	port = tl_start(0, 0, 0, 0);
	snprintf(portbuf, sizeof(portbuf), "%d", port);
	rc = tl_swaks(&out, args);
	UNIT_CHECK(rc != 0 && strstr(out, "500 5.5.1 This is an LMTP server "
	    "(RFC 2033): use LHLO") != NULL && tl_count() == 0,
	    "rc %d, swaks said:\n%s", rc, out);
	mmhs_free(out);
	tl_stop();
}

/* test_bad_uri - the server refuses what it cannot listen on */
static void
test_bad_uri(void)
{
	struct mmhs_lmtpd_conf lc;
	struct event_base *base = event_base_new();
	char	err[256] = "";
	int	port;

	memset(&lc, 0, sizeof(lc));
	lc.lc_on_message = tl_on_message;
	lc.lc_uri = "lmtp://127.0.0.1";
	UNIT_CHECK(mmhs_lmtpd_new(base, &lc, err, sizeof(err)) == NULL &&
	    strstr(err, "not lmtp://host:port") != NULL, "err \"%s\"", err);
	lc.lc_uri = "lmtp://192.0.2.1:2003";	/* not ours (RFC 5737) */
	UNIT_CHECK(mmhs_lmtpd_new(base, &lc, err, sizeof(err)) == NULL &&
	    strstr(err, "cannot listen") != NULL, "a foreign address: \"%s\"",
	    err);
	port = tl_start(0, 0, 0, 0);
	snprintf(err, sizeof(err), "lmtp://127.0.0.1:%d", port);
	lc.lc_uri = mmhs_strdup(err);
	UNIT_CHECK(mmhs_lmtpd_new(base, &lc, err, sizeof(err)) == NULL &&
	    strstr(err, "cannot listen") != NULL, "a port in use: \"%s\"",
	    err);
	mmhs_free((char *)lc.lc_uri);
	tl_stop();
	event_base_free(base);
}

static const struct unit_test swaks_tests[] = {
	{ "swaks delivers, with and without PIPELINING", test_swaks },
	{ "swaks as an SMTP client is refused", test_swaks_smtp },
	{ "listener errors", test_bad_uri },
};

static const struct unit_test raw_tests[] = {
	{ "pipelined transaction, per-recipient replies", test_raw_pipelined },
	{ "bad commands never reach the agent", test_raw_bad_commands },
	{ "lines over the bounds", test_raw_long_lines },
	{ "oversize message", test_raw_oversize },
	{ "recipient and connection limits", test_raw_limits },
	{ "idle timeout", test_raw_timeout },
	{ "a client that does not read", test_raw_flood },
};

int
main(void)
{
	static const struct unit_suite suites[] = {
		UNIT_SUITE("lmtpd with raw input", raw_tests),
		UNIT_SUITE("lmtpd with swaks", swaks_tests),
	};

	signal(SIGPIPE, SIG_IGN);
	evthread_use_pthreads();
	if (system("swaks --version > /dev/null 2>&1") != 0) {
		fprintf(stderr, "SKIP: swaks is not installed; the tests "
		    "with it did not run\n");
		return unit_main(suites, 1);
	}
	return unit_main(suites, 2);
}
