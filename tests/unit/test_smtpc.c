/* test_smtpc.c - unit tests of the blocking SMTP client
 *
 * Against a real server: Postfix's smtp-sink, started on a free port
 * with the options that make it refuse, drop or delay a command, and
 * capturing each message to a file that is compared with what was
 * sent.  smtp-sink refuses every RCPT or none, and its replies are
 * well formed, so a small scripted peer (test_smtpc_peer.c) covers
 * mixed recipient replies, multi-line replies and broken ones.  When
 * smtp-sink is not installed its suite is not registered and the run
 * says "SKIP" on stderr.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <pwd.h>

#include "mmhs_smtpc.h"
#include "kitnet.h"
#include "test_smtpc.h"
#include "unit.h"

struct sink {
	pid_t	sk_pid;
	int	sk_port;
	char	sk_dir[64];
};

static char sink_prog[256];

/* find_sink - smtp-sink on PATH or in the system's sbin */
static int
find_sink(void)
{
	const char *path = getenv("PATH"), *p, *c;
	char	dirs[4096];

	snprintf(dirs, sizeof(dirs), "%s:/usr/sbin:/usr/local/sbin",
	    path != NULL ? path : "");
	for (p = dirs; *p != '\0'; p = *c ? c + 1 : c) {
		c = strchr(p, ':');
		if (c == NULL)
			c = p + strlen(p);
		snprintf(sink_prog, sizeof(sink_prog), "%.*s/smtp-sink",
		    (int)(c - p), p);
		if (c > p && access(sink_prog, X_OK) == 0)
			return 0;
	}
	return -1;
}

/* nap - 50 ms */
static void
nap(void)
{
	struct timespec ts = { 0, 50 * 1000 * 1000 };

	nanosleep(&ts, NULL);
}

/* sink_start - smtp-sink with extra options (NULL-ended) on a free port */
static int
sink_start(struct sink *sk, const char *opt1, const char *opt2)
{
	char	addr[32], tmpl[128];
	const char *argv[16];
	struct passwd *pw;
	int	n = 0, i, fd;

	memset(sk, 0, sizeof(*sk));
	snprintf(sk->sk_dir, sizeof(sk->sk_dir), "%s/test_smtpc.XXXXXX",
	    P_tmpdir);
	if (mkdtemp(sk->sk_dir) == NULL || chmod(sk->sk_dir, 0777) < 0)
		return -1;
	sk->sk_port = kitnet_free_port();
	snprintf(addr, sizeof(addr), "127.0.0.1:%d", sk->sk_port);
	snprintf(tmpl, sizeof(tmpl), "%s/msg.", sk->sk_dir);
	argv[n++] = sink_prog;
	/* as root, smtp-sink insists on dropping privileges */
	if (geteuid() == 0 && (pw = getpwnam("nobody")) != NULL) {
		argv[n++] = "-u";
		argv[n++] = "nobody";
	}
	argv[n++] = "-d";
	argv[n++] = tmpl;
	if (opt1 != NULL)
		argv[n++] = opt1;
	if (opt2 != NULL)
		argv[n++] = opt2;
	argv[n++] = addr;
	argv[n++] = "16";
	argv[n] = NULL;
	if ((sk->sk_pid = fork()) < 0)
		return -1;
	if (sk->sk_pid == 0) {
		fd = open("/dev/null", O_WRONLY);
		dup2(fd, 1);
		dup2(fd, 2);
		execv(sink_prog, (char *const *)argv);
		_exit(127);
	}
	for (i = 0; i < 200; i++) {
		if (kitnet_can_connect(sk->sk_port))
			return 0;
		nap();
	}
	return -1;
}

/* sink_stop - end smtp-sink and remove its directory */
static void
sink_stop(struct sink *sk)
{
	char	path[512];
	struct dirent *de;
	DIR    *d;

	if (sk->sk_pid > 0) {
		kill(sk->sk_pid, SIGTERM);
		waitpid(sk->sk_pid, NULL, 0);
	}
	if ((d = opendir(sk->sk_dir)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (de->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s", sk->sk_dir,
			    de->d_name);
			unlink(path);
		}
		closedir(d);
	}
	rmdir(sk->sk_dir);
}

/* sink_dump - the one captured message, complete; NULL if none */
static char *
sink_dump(struct sink *sk, int wait)
{
	char	path[512], *buf = NULL;
	struct dirent *de;
	DIR    *d;
	FILE   *fp;
	long	len;
	int	i;

	for (i = 0; i < (wait ? 200 : 1); i++, free(buf), buf = NULL, nap()) {
		path[0] = '\0';
		if ((d = opendir(sk->sk_dir)) == NULL)
			return NULL;
		while ((de = readdir(d)) != NULL)
			if (strncmp(de->d_name, "msg.", 4) == 0)
				snprintf(path, sizeof(path), "%s/%s",
				    sk->sk_dir, de->d_name);
		closedir(d);
		if (path[0] == '\0' || (fp = fopen(path, "r")) == NULL)
			continue;
		fseek(fp, 0, SEEK_END);
		len = ftell(fp);
		rewind(fp);
		buf = calloc(1, (size_t)len + 1);
		if (buf != NULL && fread(buf, 1, (size_t)len, fp) !=
		    (size_t)len)
			len = 0;
		fclose(fp);
		/* the dump ends with an empty line once complete */
		if (buf != NULL && len >= 2 && buf[len - 1] == '\n' &&
		    buf[len - 2] == '\n')
			return buf;
	}
	return NULL;
}

/* dump_body - the message in a dump (after smtp-sink's Received:) */
static const char *
dump_body(const char *dump)
{
	const char *p = strstr(dump, "\nReceived: ");
	int	i;

	for (i = 0; p != NULL && i < 3; i++)
		p = strchr(p + 1, '\n');
	return p != NULL ? p + 1 : NULL;
}

/* lf_copy - s with every CRLF as LF and a final LF, as a dump has it */
static char *
lf_copy(const char *s, size_t len)
{
	char   *out = malloc(len + 3);
	size_t	i, o = 0;

	for (i = 0; i < len; i++)
		if (!(s[i] == '\r' && i + 1 < len && s[i + 1] == '\n'))
			out[o++] = s[i];
	if (o == 0 || out[o - 1] != '\n')
		out[o++] = '\n';
	out[o++] = '\n';		/* the dump's closing empty line */
	out[o] = '\0';
	return out;
}

static const char msg_dots[] =
    "From: a@a.example\r\nSubject: dots\r\n\r\n"
    ".leading dot\r\n..two dots\r\n.\r\nthe line above was one dot\r\n"
    "last line without a line end";

/* setup - a message to two recipients with ESMTP parameters */
static void
setup(struct mmhs_smtpc_msg *m, struct mmhs_smtpc_rcpt *r, int port,
	const char *data, size_t len)
{
	memset(m, 0, sizeof(*m));
	memset(r, 0, 2 * sizeof(*r));
	r[0].sr_addr = "r1@b.example";
	r[0].sr_params = "NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;r1@b.example";
	r[1].sr_addr = "r2@b.example";
	m->sm_host = "127.0.0.1";
	m->sm_port = port;
	m->sm_helo = "agent.a.example";
	m->sm_mail_from = "sender@a.example";
	m->sm_mail_params = "RET=HDRS MT-PRIORITY=4";
	m->sm_rcpt = r;
	m->sm_nrcpt = 2;
	m->sm_data = data;
	m->sm_len = len;
	m->sm_timeout_s = 10;
}

/* test_deliver - envelope, parameters and dot-stuffed data arrive */
static void
test_deliver(void)
{
	struct mmhs_smtpc_msg m;
	struct mmhs_smtpc_rcpt r[2];
	struct sink sk;
	char	err[512] = "", *dump, *want;
	const char *body;
	int	rc;

	UNIT_CHECK(sink_start(&sk, NULL, NULL) == 0, "smtp-sink start");
	setup(&m, r, sk.sk_port, msg_dots, strlen(msg_dots));
	rc = mmhs_smtpc_send(&m, err, sizeof(err));
	UNIT_CHECK(rc == 2, "rc %d, want 2 (%s)", rc, err);
	UNIT_CHECK(r[0].sr_code == 250 && r[1].sr_code == 250 &&
	    strstr(r[0].sr_text, "2.0.0") != NULL, "codes %d %d \"%s\"",
	    r[0].sr_code, r[1].sr_code, r[0].sr_text);
	dump = sink_dump(&sk, 1);
	UNIT_CHECK(dump != NULL, "no message captured");
	if (dump != NULL) {
		UNIT_CHECK(strstr(dump, "\nX-Helo-Args: agent.a.example\n") &&
		    strstr(dump, "\nX-Mail-Args: <sender@a.example> RET=HDRS "
		    "MT-PRIORITY=4\n") && strstr(dump, "\nX-Rcpt-Args: "
		    "<r1@b.example> NOTIFY=SUCCESS,FAILURE "
		    "ORCPT=rfc822;r1@b.example\n"
		    "X-Rcpt-Args: <r2@b.example>\n"),
		    "envelope in the dump:\n%s", dump);
		want = lf_copy(msg_dots, strlen(msg_dots));
		body = dump_body(dump);
		UNIT_CHECK(body != NULL && strcmp(body, want) == 0,
		    "body differs:\n%s\nwant:\n%s", body ? body : "", want);
		free(want);
	}
	free(dump);
	sink_stop(&sk);
}

/* test_large - 2 MiB across many writes, lines of dots included */
static void
test_large(void)
{
	struct mmhs_smtpc_msg m;
	struct mmhs_smtpc_rcpt r[2];
	struct sink sk;
	char	err[512] = "", *data, *dump, *want;
	const char *body;
	size_t	len = 0, cap = 2 * 1024 * 1024 + 4096;
	unsigned i;
	int	rc;

	data = malloc(cap);
	len = (size_t)snprintf(data, cap, "Subject: large\r\n\r\n");
	for (i = 0; len + 200 < cap - 4096; i++)
		len += (size_t)snprintf(data + len, cap - len,
		    "%s%u line of the large message, %.*s\r\n",
		    i % 7 == 0 ? "." : "", i, (int)(i % 97), "xxxxxxxxxxxxxxxx"
		    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
		    "xxxxxxxxxxxxxxxxxxxxxxxxxx");
	UNIT_CHECK(sink_start(&sk, NULL, NULL) == 0, "smtp-sink start");
	setup(&m, r, sk.sk_port, data, len);
	rc = mmhs_smtpc_send(&m, err, sizeof(err));
	UNIT_CHECK(rc == 2, "rc %d, want 2 (%s)", rc, err);
	dump = sink_dump(&sk, 1);
	want = lf_copy(data, len);
	body = dump != NULL ? dump_body(dump) : NULL;
	UNIT_CHECK(body != NULL && strcmp(body, want) == 0,
	    "large body differs (%zu octets sent)", len);
	free(want);
	free(dump);
	free(data);
	sink_stop(&sk);
}

/* a refusal or failure case: sink options and what must come back */
static const struct {
	const char *fc_opt1, *fc_opt2;
	int	fc_rc;
	int	fc_code0, fc_code1;
	const char *fc_err;		/* in err when fc_rc is -1 */
} fail_cases[] = {
	{ "-f", "RCPT", 0, 500, 500, NULL },		/* every RCPT */
	{ "-r", "MAIL", -1, 450, 450, "refused MAIL FROM: 450" },
	{ "-f", "DATA", -1, 500, 500, "refused DATA: 500" },
	{ "-f", ".", 0, 500, 500, NULL },		/* after the dot */
	{ "-r", ".", 0, 450, 450, NULL },
	{ "-q", "DATA", -1, 0, 0, "connection lost" },	/* never 250 */
	{ "-q", ".", -1, 0, 0, "connection lost" },
	{ "-Q", "RCPT", -1, 421, 0, "connection lost" },
	{ "-Q", "CONNECT", -1, 421, 421, "refused the session: 421" },
	{ "-e", NULL, -1, 500, 500, "refused EHLO: 500" },
	{ "-W", "MAIL:3", -1, 0, 0, "timeout after 1 s waiting for the "
	    "reply to MAIL FROM" },
};

/* test_failures - each refusal reaches the right recipients */
static void
test_failures(void)
{
	struct mmhs_smtpc_msg m;
	struct mmhs_smtpc_rcpt r[2];
	struct sink sk;
	char	err[512], *dump;
	size_t	i;
	int	rc;

	for (i = 0; i < sizeof(fail_cases) / sizeof(fail_cases[0]); i++) {
		UNIT_CHECK(sink_start(&sk, fail_cases[i].fc_opt1,
		    fail_cases[i].fc_opt2) == 0, "case %zu: start", i);
		setup(&m, r, sk.sk_port, msg_dots, strlen(msg_dots));
		m.sm_timeout_s = 1;
		err[0] = '\0';
		rc = mmhs_smtpc_send(&m, err, sizeof(err));
		UNIT_CHECK(rc == fail_cases[i].fc_rc &&
		    r[0].sr_code == fail_cases[i].fc_code0 &&
		    r[1].sr_code == fail_cases[i].fc_code1,
		    "case %zu (%s %s): rc %d codes %d %d, want %d %d %d (%s)",
		    i, fail_cases[i].fc_opt1, fail_cases[i].fc_opt2 ?
		    fail_cases[i].fc_opt2 : "", rc, r[0].sr_code, r[1].sr_code,
		    fail_cases[i].fc_rc, fail_cases[i].fc_code0,
		    fail_cases[i].fc_code1, err);
		UNIT_CHECK(fail_cases[i].fc_err == NULL ||
		    strstr(err, fail_cases[i].fc_err) != NULL,
		    "case %zu: err \"%s\", want \"%s\"", i, err,
		    fail_cases[i].fc_err);
		/* nothing is delivered after a refusal before the dot */
		if (rc < 0 && strcmp(fail_cases[i].fc_opt2 != NULL ?
		    fail_cases[i].fc_opt2 : "", ".") != 0) {
			dump = sink_dump(&sk, 0);
			UNIT_CHECK(dump == NULL, "case %zu: a message was "
			    "captured", i);
			free(dump);
		}
		sink_stop(&sk);
	}
}

/* test_helo - a server without ESMTP gets HELO when no parameter is
 * to be sent */
static void
test_helo(void)
{
	struct mmhs_smtpc_msg m;
	struct mmhs_smtpc_rcpt r[2];
	struct sink sk;
	char	err[512] = "", *dump;
	int	rc;

	UNIT_CHECK(sink_start(&sk, "-e", NULL) == 0, "smtp-sink start");
	setup(&m, r, sk.sk_port, msg_dots, strlen(msg_dots));
	m.sm_mail_params = NULL;
	r[0].sr_params = "";
	rc = mmhs_smtpc_send(&m, err, sizeof(err));
	UNIT_CHECK(rc == 2, "rc %d, want 2 (%s)", rc, err);
	dump = sink_dump(&sk, 1);
	UNIT_CHECK(dump != NULL && strstr(dump, "\nX-Client-Proto: SMTP\n"),
	    "HELO session not captured");
	free(dump);
	sink_stop(&sk);
}

/* test_refused_connect - nothing listens */
static void
test_refused_connect(void)
{
	struct mmhs_smtpc_msg m;
	struct mmhs_smtpc_rcpt r[2];
	char	err[512] = "";

	setup(&m, r, kitnet_free_port(), msg_dots, strlen(msg_dots));
	UNIT_CHECK(mmhs_smtpc_send(&m, err, sizeof(err)) == -1 &&
	    strstr(err, "connect to 127.0.0.1:") != NULL && r[0].sr_code == 0,
	    "err \"%s\"", err);
	m.sm_nrcpt = 0;
	UNIT_CHECK(mmhs_smtpc_send(&m, err, sizeof(err)) == -1 &&
	    strstr(err, "no recipient") != NULL, "no recipient: \"%s\"", err);
}

static const struct {
	const char *uc_uri;
	int	uc_rc;
	const char *uc_host;
	int	uc_port;
} uri_cases[] = {
	{ "smtp://127.0.0.1:25", 0, "127.0.0.1", 25 },
	{ "lmtp://127.0.0.1:2003", 0, "127.0.0.1", 2003 },
	{ "lmtp://127.0.0.1:2003/", 0, "127.0.0.1", 2003 },
	{ "mx.example:587", 0, "mx.example", 587 },
	{ "smtp://[::1]:25", 0, "::1", 25 },
	{ "[::1]:65535", 0, "::1", 65535 },
	{ "smtp://127.0.0.1", -1, NULL, 0 },
	{ "smtp://127.0.0.1:", -1, NULL, 0 },
	{ "lmtp://127.0.0.1:0", 0, "127.0.0.1", 0 },
	{ "smtp://127.0.0.1:65536", -1, NULL, 0 },
	{ "smtp://127.0.0.1:25x", -1, NULL, 0 },
	{ "smtp://127.0.0.1:-25", -1, NULL, 0 },
	{ "smtp://:25", -1, NULL, 0 },
	{ "::1:25", -1, NULL, 0 },
	{ "[::1]25", -1, NULL, 0 },
	{ "[::1:25", -1, NULL, 0 },
	{ "http://h:80", -1, NULL, 0 },
	{ "", -1, NULL, 0 },
};

/* test_uri - host and port of a listener URI */
static void
test_uri(void)
{
	char	host[64], small[4];
	size_t	i;
	int	port, rc;

	for (i = 0; i < sizeof(uri_cases) / sizeof(uri_cases[0]); i++) {
		port = 0;
		rc = mmhs_smtpc_parse_uri(uri_cases[i].uc_uri, host,
		    sizeof(host), &port);
		UNIT_CHECK(rc == uri_cases[i].uc_rc && (rc < 0 ||
		    (strcmp(host, uri_cases[i].uc_host) == 0 &&
		    port == uri_cases[i].uc_port)), "\"%s\": rc %d %s %d",
		    uri_cases[i].uc_uri, rc, rc == 0 ? host : "", port);
	}
	UNIT_CHECK(mmhs_smtpc_parse_uri("abcd:25", small, sizeof(small),
	    &port) == -1, "host longer than the buffer accepted");
}

static const struct unit_test sink_tests[] = {
	{ "envelope, parameters, dot-stuffing", test_deliver },
	{ "a 2 MiB message", test_large },
	{ "refusals, drops, timeout", test_failures },
	{ "HELO without parameters", test_helo },
};

static const struct unit_test local_tests[] = {
	{ "connection refused", test_refused_connect },
	{ "listener URIs", test_uri },
	{ "mixed and multi-line replies", test_peer_mixed },
	{ "broken replies", test_peer_broken },
};

int
main(void)
{
	struct unit_suite suites[2] = {
		UNIT_SUITE("smtpc alone", local_tests),
		UNIT_SUITE("smtpc to smtp-sink", sink_tests),
	};

	signal(SIGPIPE, SIG_IGN);
	if (find_sink() < 0) {
		fprintf(stderr, "SKIP: smtp-sink (Postfix) is not installed; "
		    "the tests against it did not run\n");
		return unit_main(suites, 1);
	}
	return unit_main(suites, 2);
}
