/* mmhs_lmtpd.h - the LMTP server every local agent receives mail with */
#ifndef MMHS_LMTPD_H
#define MMHS_LMTPD_H

#include <stddef.h>

struct event_base;

/*
 * RFC 2033 LMTP on a libevent loop: LHLO, MAIL, RCPT, DATA, RSET, NOOP,
 * QUIT, with PIPELINING, ENHANCEDSTATUSCODES, 8BITMIME, SIZE, DSN and
 * MT-PRIORITY advertised.  After the final dot the agent's message
 * callback runs once, synchronously, and fills one reply per accepted
 * recipient; the server sends them in order (one per RCPT, as LMTP
 * wants).  Commands are parsed by the same code as the MTA's SMTP
 * server.  Bad input gets a 5xx reply and never reaches the callback:
 * a message over lc_max_size (or with a line over 64 KiB) is read to
 * its end, discarded, and refused for every recipient (552 / 500).
 * lc_uri and lc_hostname are copied; a port of 0 binds any free port.
 * Zero the whole conf (memset) before filling it in.
 */

struct mmhs_lmtp_envelope {
	const char *le_peer;		/* client address, "127.0.0.1" */
	const char *le_lhlo;		/* LHLO argument */
	const char *le_mail_from;	/* reverse path without <>; "" null */
	const char *le_mail_params;	/* ESMTP params of MAIL, as sent ("" none),
					 * e.g. "BODY=8BITMIME MT-PRIORITY=4 RET=HDRS" */
	size_t	le_nrcpt;		/* accepted recipients */
	const char *const *le_rcpt;	/* addresses without <> */
	const char *const *le_rcpt_params; /* per recipient ("" none), e.g.
					 * "NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;a@b" */
	const char *le_data;		/* message, dot-unstuffed, CRLF ends,
					 * a NUL after le_len octets */
	size_t	le_len;
};

/* One reply: an SMTP code and text starting with an enhanced status,
 * e.g. 250 "2.1.5 delivered to Inbox" or 550 "5.7.1 label above ...". */
struct mmhs_lmtp_reply {
	int	lr_code;
	char	lr_text[512];
};

/* Called at RCPT: 0 to accept, or fill reply with a 4xx/5xx refusal. */
typedef int (*mmhs_lmtp_rcpt_fn)(void *arg, const char *rcpt,
	const char *params, struct mmhs_lmtp_reply *reply);

/* Called after the dot: fill replies[0 .. env->le_nrcpt - 1]. */
typedef void (*mmhs_lmtp_msg_fn)(void *arg,
	const struct mmhs_lmtp_envelope *env, struct mmhs_lmtp_reply *replies);

struct mmhs_lmtpd_conf {
	const char *lc_uri;		/* "lmtp://127.0.0.1:2003" (or host:port) */
	const char *lc_hostname;	/* for the banner; NULL: gethostname */
	size_t	lc_max_size;		/* bytes; 0: 64 MiB */
	size_t	lc_max_rcpt;		/* 0: 1000 */
	size_t	lc_max_conns;		/* 0: 64 */
	mmhs_lmtp_rcpt_fn lc_on_rcpt;	/* NULL: accept every recipient */
	mmhs_lmtp_msg_fn lc_on_message;
	void   *lc_arg;
	int	lc_timeout_s;		/* idle session, 421 after; 0: 300 */
};

struct mmhs_lmtpd;

/* Binds and listens; NULL and a message in err on failure. */
struct mmhs_lmtpd *mmhs_lmtpd_new(struct event_base *base,
	const struct mmhs_lmtpd_conf *conf, char *err, size_t errlen);
/* The port actually bound (useful with port 0). */
int	mmhs_lmtpd_port(const struct mmhs_lmtpd *ld);
void	mmhs_lmtpd_free(struct mmhs_lmtpd *ld);

#endif
