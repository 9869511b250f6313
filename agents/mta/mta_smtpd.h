/* mta_smtpd.h - the receiving side of mmhs-mta: what its files share
 *
 * mta_smtpd.c	listeners, sessions, the command state machine
 * mta_smtpd_data.c	DATA: dot-unstuffing, MMHS header checks, the
 *			Received: field, the durable commit, the 250
 * mta_smtpd_policy.c	who may send what where: peers, sender rules
 *			of authenticated users, relay decision by route
 * mta_smtpd_sec.c	labels and signatures of authenticated
 *			submissions (over mta_sec.c)
 * mta_tls.c	STARTTLS (OpenSSL through libevent's filter)
 * mta_auth.c	AUTH PLAIN and LOGIN (Cyrus SASL, password checked by
 *			an LDAP simple bind as the user's entry)
 * lib/mmhs_smtpcmd.c	command and parameter parsing (pure, shared with
 *			the agents' LMTP server)
 */
#ifndef MTA_SMTPD_H
#define MTA_SMTPD_H

#include <stddef.h>

#include <event2/bufferevent.h>
#include <event2/listener.h>
#include <openssl/ssl.h>
#include <sasl/sasl.h>

#include "mmhs_mmhs.h"
#include "mmhs_msg.h"
#include "mmhs_smtpcmd.h"
#include "mta.h"

/* Bounds and defaults (style rule 10). */
#define MTA_SMTPD_TIMEOUT	300	/* s per command (RFC 5321 4.5.3.2) */
#define MTA_SMTPD_DATA_TIMEOUT	180	/* s between data blocks */
#define MTA_SMTPD_LINGER_TICK_US 10000	/* TLS close: poll the lower layer */
#define MTA_SMTPD_LINGER_TICKS	200	/* at most 2 s */
#define MTA_SMTPD_DATA_LINE_MAX	65536	/* octets of one DATA line */
#define MTA_SMTPD_DEF_SIZE	((size_t)10 << 20)
#define MTA_SMTPD_DEF_RCPT	1000
#define MTA_SMTPD_DEF_CONN	200
#define MTA_SMTPD_RCVD_ROOM	2048	/* head room for Received: */
#define MTA_SMTPD_HELO_MAX	255
#define MTA_SMTPD_ERRORS_MAX	20	/* bad commands before 421 */
#define MTA_SMTPD_AUTH_MAX	3	/* failed AUTH before 421 */
#define MTA_SMTPD_BIND_TIMEOUT	3	/* s: LDAP bind that checks a password */
#define MTA_SMTPD_MSGID_MAX	250

enum mta_port_kind { MTA_PORT_SMTP = 0, MTA_PORT_SUBMIT = 1 };

struct mta_smtpd;

struct mta_sess {
	struct mta_smtpd *s_d;
	struct bufferevent *s_bev;
	struct mta_sess *s_next, *s_prev;	/* all sessions */
	unsigned long s_id;
	enum mta_port_kind s_kind;
	char	s_addr[64];			/* client IP, text */
	char	s_helo[MTA_SMTPD_HELO_MAX + 1];
	int	s_greeted;			/* HELO or EHLO seen */
	int	s_esmtp;
	int	s_tls;
	int	s_peer;				/* a peer MTA */
	char	s_peer_dn[MTA_URI_MAX];
	int	s_errors;
	/* AUTH */
	sasl_conn_t *s_sasl;
	sasl_callback_t *s_sasl_cbs;		/* its callbacks, ours */
	char	*s_auth_dn_try;			/* checked, not yet done */
	int	s_auth_step;			/* inside an AUTH exchange */
	int	s_auth_fail;
	char	*s_auth_user;			/* as given */
	char	*s_auth_dn;			/* the entry it bound as */
	/* the transaction */
	int	s_has_mail;
	struct mmhs_smtpcmd_mail s_mail;
	struct mmhs_queue_rcpt *s_rcpt;
	size_t	s_nrcpt;
	unsigned s_txn;
	/* DATA */
	int	s_in_data;
	char	*s_data;			/* RCVD_ROOM + message */
	size_t	s_datalen, s_datacap;
	int	s_toobig;
	char	s_data_err[MMHS_SMTPCMD_REPLY_MAX];
	struct mmhs_msg_parser *s_parser;
	int	s_hdr_done;
	struct mmhs_mmhs s_mm;
	char	s_msgid[MTA_SMTPD_MSGID_MAX + 1];
	enum mmhs_precedence s_prec;		/* of the message committed */
	/* a commit in flight: input waits; the session outlives a close */
	int	s_busy;
	int	s_closing;
	int	s_inproc;			/* inside mta_smtpd_process */
	struct event *s_linger;			/* TLS: waiting for the last bytes */
	int	s_linger_ticks;
};

struct mta_smtpd {
	struct mta *d_m;
	struct evconnlistener *d_lis[MTA_MAX_LISTEN];
	enum mta_port_kind d_lkind[MTA_MAX_LISTEN];
	int	d_nlis;
	struct mta_sess *d_sess;
	int	d_nsess;
	unsigned long d_next_id;
	SSL_CTX	*d_ssl;
	int	d_sasl_ok;
	struct mta_routes *d_routes;
	unsigned long d_routes_gen;
	/* commits completed, handed from the committing thread */
	struct event *d_done_ev;
	void	*d_done;			/* list, under d_lock */
	void	*d_lock;
};

/* mta_smtpd.c */
void	mta_smtpd_reply(struct mta_sess *s, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	mta_smtpd_reset(struct mta_sess *s);
void	mta_smtpd_process(struct mta_sess *s);
void	mta_smtpd_close(struct mta_sess *s);
void	mta_smtpd_sess_cb(struct mta_sess *s, struct bufferevent *bev);

/* mta_smtpd_data.c */
void	mta_smtpd_data_begin(struct mta_sess *s);
int	mta_smtpd_data_line(struct mta_sess *s, const char *line, size_t len);
void	mta_smtpd_data_free(struct mta_sess *s);
int	mta_smtpd_data_init(struct mta_smtpd *d);
void	mta_smtpd_data_fini(struct mta_smtpd *d);
void	mta_smtpd_data_done(struct mta_smtpd *d);

/* mta_smtpd_policy.c */
int	mta_policy_is_peer(struct mta_smtpd *d, const char *addr, char *dn,
	    size_t len);
int	mta_policy_sender(struct mta_smtpd *d, struct mta_sess *s,
	    const char *sender, char *reply, size_t len);
int	mta_policy_rcpt(struct mta_smtpd *d, struct mta_sess *s,
	    const char *rcpt, char *reply, size_t len);
int	mta_policy_may_use(struct mta_smtpd *d, const char *dn,
	    const char *addr);

/* mta_smtpd_sec.c: 0 to queue, -1 refused (a one-line reply in reply) */
#define MTA_SMTPD_SEC_REPLY_MAX	510	/* RFC 5321 4.5.3.1.5, without CRLF */
int	mta_smtpd_sec_check(struct mta_sess *s, char *reply, size_t len);

/* mta_tls.c */
SSL_CTX	*mta_tls_ctx(const char *cert, const char *key, const char *spool);
int	mta_tls_start(struct mta_sess *s);

/* mta_auth.c */
int	mta_auth_init(void);
void	mta_auth_fini(void);
int	mta_auth_sess(struct mta_sess *s);
void	mta_auth_cmd(struct mta_sess *s, const char *args);
void	mta_auth_line(struct mta_sess *s, const char *line);
const char *mta_auth_mechs(void);

/* options given on the command line (mta.c) */
extern const char *mta_tls_cert_file, *mta_tls_key_file;

#endif
