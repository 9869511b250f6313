/* mta_dsn.h - mmhs-mta: a DSN message from plain values
 *
 * The delivery side describes a DSN with these plain values and gets
 * the whole message back in memory, ready to be queued; mta_dsn.c maps
 * them onto lib/mmhs_dsn.  (Written while lib/mmhs_queue.h and
 * lib/mmhs_dsn.h could not be included together; now they can, and the
 * delivery side could fill struct mmhs_dsn_msg itself.)
 */
#ifndef MTA_DSN_H
#define MTA_DSN_H

#include <stddef.h>
#include <time.h>

enum { MTA_DSN_FAILED, MTA_DSN_DELAYED, MTA_DSN_DELIVERED, MTA_DSN_RELAYED };
enum { MTA_DSN_RET_NONE, MTA_DSN_RET_FULL, MTA_DSN_RET_HDRS };

struct mta_dsn_rcpt {
	const char *mr_orcpt;		/* ORCPT as received, or NULL */
	const char *mr_final;		/* the recipient address */
	int	mr_action;		/* MTA_DSN_* */
	const char *mr_status;		/* "5.1.1" */
	const char *mr_diag;		/* the reply, or NULL */
	time_t	mr_last;		/* last attempt, 0: none */
	time_t	mr_until;		/* delayed: retried until */
};

struct mta_dsn_req {
	const char *mq_host;		/* Reporting-MTA */
	const char *mq_return_path;	/* where the DSN goes */
	const char *mq_envid;		/* or NULL */
	int	mq_ret;			/* MTA_DSN_RET_* */
	time_t	mq_arrival;
	const struct mta_dsn_rcpt *mq_rcpt;
	size_t	mq_nrcpt;
	const char *mq_orig;		/* the original message */
	size_t	mq_origlen;
};

/* Write the DSN into *out (free with mmhs_free).  0, or -1 with err. */
int	mta_dsn_build(const struct mta_dsn_req *q, char **out,
	    size_t *outlen, char *err, size_t errlen);

/* The RFC 3463 status in a reply ("550 5.1.1 ..."), else one made from
 * the reply code; into buf (12 octets).  Returns buf. */
#define MMHS_DSN_STATUS_LEN	12

char	*mta_dsn_status(int code, const char *reply, char *buf, size_t len);

/* RFC 3461 xtext of in ("+XX" for '+', '=', and octets outside '!'..'~');
 * for ORCPT only the part after the ';' when orcpt.  Into out; returns
 * out, or NULL when it does not fit. */
char	*mta_dsn_xtext(const char *in, int orcpt, char *out, size_t len);

#endif
