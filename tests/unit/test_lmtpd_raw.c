/* test_lmtpd_raw.c - the LMTP server driven with raw, pipelined input
 *
 * Each test sends a whole dialogue at once (RFC 2920 lets a client
 * send MAIL, RCPT and DATA without waiting; sending the message too is
 * more than a client may do, and the server must still get it right),
 * reads the transcript until the server closes, and checks the reply
 * codes in order and what reached the agent.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kitnet.h"
#include "mmhs_alloc.h"
#include "test_lmtpd.h"
#include "unit.h"

/* tl_expect - run one session, compare its reply codes */
static char *
tl_expect(int port, const char *input, size_t len, const char *want)
{
	char	codes[4096], *t = tl_session(port, input, len);

	tl_codes(t, codes, sizeof(codes));
	UNIT_CHECK(strcmp(codes, want) == 0, "codes \"%s\", want \"%s\"; "
	    "transcript:\n%.3000s", codes, want, t);
	return t;
}

/* test_raw_pipelined - everything in one write, replies in order */
void
test_raw_pipelined(void)
{
	static const char in[] =
	    "LHLO client.example\r\n"
	    "MAIL FROM:<s@a.example> BODY=8BITMIME MT-PRIORITY=4  "
	    "RET=HDRS ENVID=id+2B1\r\n"
	    "RCPT TO:<one@b.example> NOTIFY=SUCCESS,FAILURE "
	    "ORCPT=rfc822;one@b.example\r\n"
	    "RCPT TO:<refuse@b.example>\r\n"
	    "RCPT TO:<later@b.example>\r\n"
	    "RCPT TO:<broken@b.example>\r\n"
	    "DATA\r\n"
	    "Subject: pipelined\r\n\r\n..dot\r\nbare LF\n.\r\n"
	    "MAIL FROM:<>\r\nRCPT TO:<two@b.example>\r\nRSET\r\n"
	    "DATA\r\nNOOP\r\nQUIT\r\n";
	const struct tl_msg *m;
	char   *t;
	int	port = tl_start(0, 0, 0, 0);

	t = tl_expect(port, in, strlen(in), "220 250 250 250 550 250 250 "
	    "354 250 452 451 250 250 250 503 250 221");
	UNIT_CHECK(strstr(t, "250-PIPELINING\r\n250-ENHANCEDSTATUSCODES\r\n"
	    "250-8BITMIME\r\n250-SIZE 67108864\r\n250-DSN\r\n"
	    "250 MT-PRIORITY STANAG4406\r\n") != NULL &&
	    strstr(t, "550 5.1.1 <refuse@b.example> refused here\r\n") &&
	    strstr(t, "250 2.1.5 delivered to one@b.example\r\n452 4.2.2 "
	    "mailbox full\r\n451 4.3.0 Internal error in the agent\r\n") &&
	    strstr(t, "injected") == NULL, "transcript:\n%s", t);
	m = tl_get(0);
	UNIT_CHECK(tl_count() == 1 && m != NULL && m->m_nrcpt == 3 &&
	    strcmp(m->m_mail_params, "BODY=8BITMIME MT-PRIORITY=4  RET=HDRS "
	    "ENVID=id+2B1") == 0 && strcmp(m->m_rcpt_params[0],
	    "NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;one@b.example") == 0 &&
	    strcmp(m->m_rcpt_params[1], "") == 0 &&
	    strcmp(m->m_rcpt[2], "broken@b.example") == 0,
	    "envelope: params \"%s\"", m ? m->m_mail_params : "");
	UNIT_CHECK(m != NULL && m->m_len == 37 && strcmp(m->m_data,
	    "Subject: pipelined\r\n\r\n.dot\r\nbare LF\r\n") == 0,
	    "data \"%s\"", m ? m->m_data : "");
	mmhs_free(t);
	tl_stop();
}

static const struct {
	const char *bc_in;
	const char *bc_codes;
} bad_cases[] = {
	{ "MAIL FROM:<a@b.example>\r\nQUIT\r\n", "220 503 221" },
	{ "HELO x\r\nEHLO x\r\nQUIT\r\n", "220 500 500 221" },
	{ "LHLO\r\nLHLO a b\r\nQUIT\r\n", "220 501 501 221" },
	{ "LHLO x\r\nRCPT TO:<a@b.example>\r\nDATA\r\nQUIT\r\n",
	  "220 250 503 503 221" },
	{ "LHLO x\r\nMAIL FROM:<a@b.example> FOO=bar\r\n"
	  "MAIL FROM:a@b.example\r\nMAIL FROM:<a@b.example> SIZE=x\r\n"
	  "MAIL FROM:<a@b.example> SIZE=99999999999\r\nQUIT\r\n",
	  "220 250 555 501 501 552 221" },
	{ "LHLO x\r\nMAIL FROM:<a@b.example>\r\nMAIL FROM:<a@b.example>\r\n"
	  "RCPT TO:<no domain>\r\nRCPT TO:<>\r\nRCPT TO:<a@b> NOTIFY=BAD\r\n"
	  "DATA\r\nQUIT\r\n", "220 250 250 503 501 501 501 503 221" },
	{ "LHLO x\r\nFOO\r\nVRFY a\r\nSTARTTLS\r\nBDAT 10 LAST\r\n"
	  "QUIT\r\n", "220 250 500 502 502 502 221" },
	{ "LHLO x\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<refuse@b.example>\r\n"
	  "DATA\r\nDATA x\r\nQUIT\r\n", "220 250 250 550 503 503 221" },
	{ "LHLO x\r\nX\r\nX\r\nX\r\nX\r\nX\r\nX\r\nX\r\nX\r\nX\r\nX\r\n"
	  "NOOP\r\n", "220 250 500 500 500 500 500 500 500 500 500 500 421" },
};

/* test_raw_bad_commands - each refusal, and nothing delivered */
void
test_raw_bad_commands(void)
{
	static const char nul[] = "LHLO x\r\nNO\0OP\r\nMAIL FROM:<a\0@b>\r\n"
	    "QUIT\r\n";
	size_t	i;
	int	port = tl_start(0, 0, 0, 0);

	for (i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++)
		mmhs_free(tl_expect(port, bad_cases[i].bc_in,
		    strlen(bad_cases[i].bc_in), bad_cases[i].bc_codes));
	mmhs_free(tl_expect(port, nul, sizeof(nul) - 1,
	    "220 250 500 500 221"));
	UNIT_CHECK(tl_count() == 0, "%zu messages reached the agent",
	    tl_count());
	tl_stop();
}

/* tl_big - "prefix" + n octets of c + "suffix", caller frees */
static char *
tl_big(const char *prefix, size_t n, int c, const char *suffix,
	size_t *lenp)
{
	size_t	p = strlen(prefix), s = strlen(suffix);
	char   *b = mmhs_malloc(p + n + s + 1);

	memcpy(b, prefix, p);
	memset(b + p, c, n);
	memcpy(b + p + n, suffix, s + 1);
	*lenp = p + n + s;
	return b;
}

/* test_raw_long_lines - command lines end the session; a message line
 * refuses the message and the session goes on */
void
test_raw_long_lines(void)
{
	char   *in;
	size_t	len;
	int	port = tl_start(0, 0, 0, 0);

	in = tl_big("LHLO x\r\nNOOP ", 3000, 'a', "\r\nNOOP\r\n", &len);
	mmhs_free(tl_expect(port, in, len, "220 250 500"));
	mmhs_free(in);
	/* no line end at all: refused as soon as the bound is passed */
	in = tl_big("LHLO x\r\n", 5000, 'a', "", &len);
	mmhs_free(tl_expect(port, in, len, "220 250 500"));
	mmhs_free(in);
	in = tl_big("LHLO x\r\nMAIL FROM:<a@b.example>\r\n"
	    "RCPT TO:<one@b.example>\r\nRCPT TO:<two@b.example>\r\nDATA\r\n"
	    "Subject: long\r\n\r\n", 200000, '.', "\r\n.\r\n"
	    "MAIL FROM:<a@b.example>\r\nRCPT TO:<one@b.example>\r\nDATA\r\n"
	    "Subject: short\r\n\r\nok\r\n.\r\nQUIT\r\n", &len);
	mmhs_free(tl_expect(port, in, len,
	    "220 250 250 250 250 354 500 500 250 250 354 250 221"));
	mmhs_free(in);
	UNIT_CHECK(tl_count() == 1 && strcmp(tl_get(0)->m_data,
	    "Subject: short\r\n\r\nok\r\n") == 0,
	    "%zu messages, want only the short one", tl_count());
	tl_stop();
}

/* test_raw_oversize - 552 for each recipient, then the next message */
void
test_raw_oversize(void)
{
	char   *in;
	size_t	len;
	int	port = tl_start(4096, 0, 0, 0);

	/* 4096 octets fit exactly; the 552 says the limit */
	in = tl_big("LHLO x\r\nMAIL FROM:<a@b.example>\r\n"
	    "RCPT TO:<one@b.example>\r\nDATA\r\n", 4094, 'x', "\r\n.\r\n"
	    "MAIL FROM:<a@b.example>\r\nRCPT TO:<one@b.example>\r\n"
	    "RCPT TO:<two@b.example>\r\nDATA\r\n", &len);
	in = mmhs_realloc(in, len + 20000);
	memset(in + len, 'y', 4095);
	memcpy(in + len + 4095, "\r\n.\r\nQUIT\r\n", 11);
	len += 4095 + 11;
	mmhs_free(tl_expect(port, in, len,
	    "220 250 250 250 354 250 250 250 250 354 552 552 221"));
	mmhs_free(in);
	UNIT_CHECK(tl_count() == 1 && tl_get(0)->m_len == 4096,
	    "%zu messages", tl_count());
	in = tl_big("LHLO x\r\nMAIL FROM:<a@b.example> SIZE=4097\r\n"
	    "MAIL FROM:<a@b.example> SIZE=4096\r\nQUIT\r\n", 0, 0, "", &len);
	mmhs_free(tl_expect(port, in, len, "220 250 552 250 221"));
	mmhs_free(in);
	tl_stop();
}

/* test_raw_limits - recipients per message, sessions at once */
void
test_raw_limits(void)
{
	static const char in[] = "LHLO x\r\nMAIL FROM:<a@b.example>\r\n"
	    "RCPT TO:<r1@b.example>\r\nRCPT TO:<r2@b.example>\r\n"
	    "RCPT TO:<r3@b.example>\r\nQUIT\r\n";
	char   *t, *g1, *g2;
	int	port = tl_start(0, 2, 2, 0), fd1, fd2;

	mmhs_free(tl_expect(port, in, strlen(in),
	    "220 250 250 250 250 452 221"));
	fd1 = kitnet_connect(port);
	fd2 = kitnet_connect(port);
	g1 = kitnet_read_until(fd1, "\r\n", 512, NULL);
	g2 = kitnet_read_until(fd2, "\r\n", 512, NULL);
	t = tl_expect(port, NULL, 0, "421");
	UNIT_CHECK(strncmp(g1, "220 ", 4) == 0 && strncmp(g2, "220 ", 4) == 0
	    && strstr(t, "Too many connections") != NULL, "third: %s", t);
	mmhs_free(t);
	mmhs_free(g1);
	mmhs_free(g2);
	close(fd1);
	close(fd2);
	tl_stop();
}

/* test_raw_timeout - an idle session is closed with 421 */
void
test_raw_timeout(void)
{
	int	port = tl_start(0, 0, 0, 1);

	mmhs_free(tl_expect(port, "LHLO x\r\n", 8, "220 250 421"));
	tl_stop();
}

/* test_raw_flood - replies pile up unread; none is lost */
void
test_raw_flood(void)
{
	char   *in, *t, *p;
	size_t	len, i, n = 0, count = 40000;
	int	port = tl_start(0, 0, 0, 0);

	in = mmhs_malloc(count * 6 + 16);
	memcpy(in, "LHLO x\r\n", 8);
	for (i = 0, len = 8; i < count; i++, len += 6)
		memcpy(in + len, "NOOP\r\n", 6);
	memcpy(in + len, "QUIT\r\n", 6);
	len += 6;
	t = tl_session(port, in, len);
	for (p = t; (p = strstr(p, "250 2.0.0 Ok\r\n")) != NULL; p++)
		n++;
	UNIT_CHECK(n == count && strstr(t, "221 2.0.0") != NULL,
	    "%zu replies to %zu NOOPs", n, count);
	mmhs_free(t);
	mmhs_free(in);
	tl_stop();
}
