/* test_smtpc_peer.c - the SMTP client against a scripted peer
 *
 * What smtp-sink cannot be made to do: accept one recipient and refuse
 * another, answer in multi-line replies with bare LF line ends, or
 * send replies that break RFC 5321 4.2 (bad code, codes that change
 * within one reply, a line without end).  The client must map each
 * reply to its recipient, and refuse a broken reply without claiming
 * any delivery.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "kitnet.h"
#include "mmhs_smtpc.h"
#include "test_smtpc.h"
#include "unit.h"

static const char *const mixed_script[] = {
	"220-peer.example first line\r\n220 second line\r\n",
	"250-peer.example\n250-PIPELINING\n250 DSN\n",	/* EHLO, bare LF */
	"250 2.1.0 sender ok\r\n",			/* MAIL */
	"550-5.1.1 no such\r\n550 5.1.1 user here\r\n",	/* RCPT 1 */
	"250 2.1.5 ok\r\n",				/* RCPT 2 */
	"451 4.3.0 try later\r\n",			/* RCPT 3 */
	"354 go ahead\r\n",				/* DATA */
	"250 2.0.0 queued as X1\r\n",			/* the dot */
	"221 2.0.0 bye\r\n",				/* QUIT */
	NULL
};

/* test_peer_mixed - each recipient gets its own reply */
void
test_peer_mixed(void)
{
	struct kitnet_peer kp;
	struct mmhs_smtpc_rcpt r[3];
	struct mmhs_smtpc_msg m;
	char	err[256] = "";
	int	rc;

	UNIT_CHECK(kitnet_peer_start(&kp, mixed_script) == 0, "peer");
	memset(&m, 0, sizeof(m));
	memset(r, 0, sizeof(r));
	r[0].sr_addr = "no@b.example";
	r[1].sr_addr = "yes@b.example";
	r[1].sr_params = "NOTIFY=NEVER";
	r[2].sr_addr = "later@b.example";
	m.sm_host = "127.0.0.1";
	m.sm_port = kp.kp_port;
	m.sm_helo = "agent.example";
	m.sm_mail_from = "";
	m.sm_rcpt = r;
	m.sm_nrcpt = 3;
	m.sm_data = "Subject: s\r\n\r\n.x\r\n";
	m.sm_len = strlen(m.sm_data);
	m.sm_timeout_s = 5;
	rc = mmhs_smtpc_send(&m, err, sizeof(err));
	kitnet_peer_wait(&kp);
	UNIT_CHECK(rc == 1, "rc %d, want 1 (%s)", rc, err);
	UNIT_CHECK(r[0].sr_code == 550 && strcmp(r[0].sr_text,
	    "5.1.1 no such 5.1.1 user here") == 0, "rcpt 1: %d \"%s\"",
	    r[0].sr_code, r[0].sr_text);
	UNIT_CHECK(r[1].sr_code == 250 && strcmp(r[1].sr_text,
	    "2.0.0 queued as X1") == 0, "rcpt 2: %d \"%s\"", r[1].sr_code,
	    r[1].sr_text);
	UNIT_CHECK(r[2].sr_code == 451, "rcpt 3: %d", r[2].sr_code);
	UNIT_CHECK(strcmp(kp.kp_got, "EHLO agent.example\r\n"
	    "MAIL FROM:<>\r\nRCPT TO:<no@b.example>\r\n"
	    "RCPT TO:<yes@b.example> NOTIFY=NEVER\r\n"
	    "RCPT TO:<later@b.example>\r\nDATA\r\n"
	    "Subject: s\r\n\r\n..x\r\n.\r\nQUIT\r\n") == 0,
	    "the peer read:\n%s", kp.kp_got);
}

static const struct {
	const char *bc_reply;		/* reply to MAIL */
	const char *bc_err;
} broken_cases[] = {
	{ "25O ok\r\n", "malformed reply" },
	{ "250-a\r\n251 b\r\n", "codes 250 and 251" },
	{ "250ok\r\n", "malformed reply" },
	{ "650 no such class\r\n", "malformed reply" },
	{ "\r\n", "malformed reply" },
	{ "250 no line end", "connection lost" },
};

/* test_peer_broken - a broken reply fails the session, claims nothing */
void
test_peer_broken(void)
{
	const char *script[4];
	struct kitnet_peer kp;
	struct mmhs_smtpc_rcpt r[1];
	struct mmhs_smtpc_msg m;
	char	err[256], longline[3000];
	const char *want;
	size_t	i, nbroken = sizeof(broken_cases) / sizeof(broken_cases[0]);
	int	rc;

	memset(longline, 'x', sizeof(longline));
	memcpy(longline, "250 ", 4);
	memcpy(longline + sizeof(longline) - 3, "\r\n", 3);
	for (i = 0; i <= nbroken; i++) {
		script[0] = "220 peer\r\n";
		script[1] = "250 peer\r\n";
		script[2] = i < nbroken ? broken_cases[i].bc_reply : longline;
		script[3] = NULL;
		UNIT_CHECK(kitnet_peer_start(&kp, script) == 0, "peer");
		memset(&m, 0, sizeof(m));
		memset(r, 0, sizeof(r));
		r[0].sr_addr = "a@b.example";
		m.sm_host = "127.0.0.1";
		m.sm_port = kp.kp_port;
		m.sm_mail_from = "s@a.example";
		m.sm_rcpt = r;
		m.sm_nrcpt = 1;
		m.sm_data = "\r\n";
		m.sm_len = 2;
		m.sm_timeout_s = 5;
		err[0] = '\0';
		rc = mmhs_smtpc_send(&m, err, sizeof(err));
		kitnet_peer_wait(&kp);
		want = i < nbroken ? broken_cases[i].bc_err :
		    "reply line too long";
		UNIT_CHECK(rc == -1 && r[0].sr_code == 0 &&
		    strstr(err, want) != NULL,
		    "case %zu: rc %d code %d err \"%s\"", i, rc, r[0].sr_code,
		    err);
	}
}
