/* mmhs_lmtpd_int.h - what the files of the LMTP server share
 *
 * mmhs_lmtpd.c		listener, sessions, line reading, DATA
 * mmhs_lmtpd_cmd.c	the commands and their replies
 * Not for agents: they use mmhs_lmtpd.h.
 */
#ifndef MMHS_LMTPD_INT_H
#define MMHS_LMTPD_INT_H

#include <stddef.h>

#include <event2/bufferevent.h>
#include <event2/listener.h>

#include "mmhs_lmtpd.h"

/* Bounds and defaults (each can only make a session end sooner). */
#define LMTPD_DEF_SIZE		((size_t)64 << 20)
#define LMTPD_DEF_RCPT		1000
#define LMTPD_DEF_CONNS		64
#define LMTPD_DEF_TIMEOUT	300	/* s idle (RFC 5321 4.5.3.2) */
#define LMTPD_DATA_LINE_MAX	65536	/* as the MTA: octets of a line */
#define LMTPD_MAX_ERRORS	10	/* bad commands before 421 */
#define LMTPD_OUT_MAX		(256 * 1024)	/* replies not yet read */

enum lmtpd_state {
	LS_LHLO,			/* LHLO not yet seen */
	LS_READY,			/* no transaction */
	LS_MAIL,			/* MAIL accepted */
	LS_DATA,			/* reading the message */
	LS_CLOSING			/* last reply queued */
};

struct lmtpd_sess;

struct mmhs_lmtpd {
	struct event_base *ld_base;
	struct evconnlistener *ld_listener;
	struct mmhs_lmtpd_conf ld_conf;	/* defaults filled in */
	char   *ld_uri;
	char	ld_hostname[256];
	int	ld_port;
	size_t	ld_nsess;
	struct lmtpd_sess *ld_sessions;
};

struct lmtpd_sess {
	struct mmhs_lmtpd *s_ld;
	struct lmtpd_sess *s_next, *s_prev;
	struct bufferevent *s_bev;
	char	s_peer[64];
	char   *s_lhlo;
	enum lmtpd_state s_state;
	unsigned s_errors;
	/* the transaction */
	char   *s_mail_from;
	char   *s_mail_params;
	size_t	s_nrcpt, s_rcpt_cap;
	char  **s_rcpt;
	char  **s_rcpt_params;
	char   *s_data;
	size_t	s_len, s_cap;
	int	s_too_big;		/* over lc_max_size: 552 each */
	int	s_long_line;		/* a line over the bound: 500 each */
	int	s_midline;		/* inside a line cut at the bound */
};

/* mmhs_lmtpd_cmd.c */
void	lmtpd_command(struct lmtpd_sess *s, const char *line);
void	lmtpd_end_of_data(struct lmtpd_sess *s);
void	lmtpd_reset(struct lmtpd_sess *s);

/* mmhs_lmtpd.c */
void	lmtpd_reply(struct lmtpd_sess *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void	lmtpd_close(struct lmtpd_sess *s);

#endif
