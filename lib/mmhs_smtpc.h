/* mmhs_smtpc.h - a blocking SMTP client for agents that resubmit mail */
#ifndef MMHS_SMTPC_H
#define MMHS_SMTPC_H

#include <stddef.h>

/*
 * One transaction, one connection: EHLO, MAIL FROM with the caller's
 * ESMTP parameters (MT-PRIORITY, RET, ENVID, BODY), one RCPT per
 * recipient (with its parameters, e.g. NOTIFY and ORCPT), DATA with
 * dot-stuffing, QUIT.  The message goes byte for byte as given (it must
 * end in CRLF; a missing final CRLF is added).  Each recipient gets the
 * server's reply to its RCPT, or to the DATA when RCPT was accepted.
 * Agents are small and sequential: a blocking client with a timeout per
 * reply is simpler to trust than another event loop.
 */

struct mmhs_smtpc_rcpt {
	const char *sr_addr;		/* without <> */
	const char *sr_params;		/* NULL or "" for none */
	int	sr_code;		/* out: final reply code, 0 not tried */
	char	sr_text[512];		/* out: reply text */
};

struct mmhs_smtpc_msg {
	const char *sm_host;		/* "127.0.0.1" */
	int	sm_port;
	const char *sm_helo;		/* NULL: gethostname */
	const char *sm_mail_from;	/* without <>; "" null reverse path */
	const char *sm_mail_params;	/* NULL or "" for none */
	struct mmhs_smtpc_rcpt *sm_rcpt;
	size_t	sm_nrcpt;
	const char *sm_data;
	size_t	sm_len;
	int	sm_timeout_s;		/* per reply; 0: 60 */
};

/*
 * Returns the number of recipients that got a 2xx after DATA (0 when
 * every one was refused), or -1 and a message in err when the session
 * itself failed (connect, greeting, EHLO, MAIL, DATA refused, timeout):
 * then every sr_code is 0 or 4xx/5xx as far as it got.  A refusal of
 * the session, MAIL or DATA is copied to each recipient not refused at
 * its RCPT; after a lost connection or a timeout no recipient keeps a
 * 2xx (0: outcome unknown, try again).
 */
int	mmhs_smtpc_send(struct mmhs_smtpc_msg *m, char *err, size_t errlen);

/* "smtp://host:port" or "lmtp://host:port" or "host:port" ("[::1]:25"
 * for IPv6) -> host, port; port 0 (any, for a listener) is accepted. */
int	mmhs_smtpc_parse_uri(const char *uri, char *host, size_t hostlen,
	    int *port);

#endif
