/* mta_cmd.h - SMTP command lines and their ESMTP parameters
 *
 * Pure parsing, no I/O and no allocation: the receiving side splits a
 * command line into its verb and arguments, then MAIL and RCPT
 * arguments into a path and the parameters of the extensions it
 * offers (SIZE, BODY, RET, ENVID, MT-PRIORITY, AUTH; NOTIFY, ORCPT).
 * A refusal comes back as the complete reply line, code and enhanced
 * code included ("501 5.5.4 ..."), so the session only sends it.
 */
#ifndef MTA_CMD_H
#define MTA_CMD_H

#include <stddef.h>

#define MTA_CMD_LINE_MAX	2048	/* RFC 5321 512 + extensions */
#define MTA_CMD_PATH_MAX	256	/* RFC 5321 4.5.3.1.3 */
#define MTA_CMD_XTEXT_MAX	500	/* decoded ENVID/ORCPT (RFC 3461) */
#define MTA_CMD_ENVID_MAX	100	/* RFC 3461 4.4 */
#define MTA_CMD_REPLY_MAX	256

enum mta_cmd_verb {
	MTA_CMD_UNKNOWN = 0,
	MTA_CMD_HELO, MTA_CMD_EHLO, MTA_CMD_MAIL, MTA_CMD_RCPT,
	MTA_CMD_DATA, MTA_CMD_RSET, MTA_CMD_NOOP, MTA_CMD_QUIT,
	MTA_CMD_VRFY, MTA_CMD_HELP, MTA_CMD_STARTTLS, MTA_CMD_AUTH,
	MTA_CMD_BDAT
};

/* MAIL FROM arguments.  Absent parameters: 0 / "" / MTA_CMD_NO_MT. */
#define MTA_CMD_NO_MT	100
struct mta_cmd_mail {
	char	cm_path[MTA_CMD_PATH_MAX + 1];	/* "" for <> */
	unsigned long cm_size;			/* SIZE=, 0 absent */
	int	cm_8bit;			/* BODY=8BITMIME */
	int	cm_ret;				/* 0, 1 FULL, 2 HDRS */
	char	cm_envid[MTA_CMD_ENVID_MAX + 1];	/* decoded */
	int	cm_has_envid;
	int	cm_mt;				/* MT-PRIORITY or NO_MT */
};

/* RCPT TO arguments; notify uses the MMHS_NOTIFY_* bits of the queue. */
struct mta_cmd_rcpt {
	char	cr_path[MTA_CMD_PATH_MAX + 1];
	unsigned cr_notify;
	char	cr_orcpt[MTA_CMD_XTEXT_MAX + 64];	/* "type;decoded" */
	int	cr_has_orcpt;
};

/* The verb of line; *args points after it and its blanks. */
enum mta_cmd_verb mta_cmd_verb(const char *line, const char **args);

/* 0, or -1 with the reply in reply[]. */
int	mta_cmd_mail(const char *args, struct mta_cmd_mail *m, char *reply,
	    size_t len);
int	mta_cmd_rcpt(const char *args, struct mta_cmd_rcpt *r, char *reply,
	    size_t len);

/* RFC 3461 4: decode xtext into out (NUL-terminated); length or -1. */
int	mta_cmd_xtext_decode(const char *in, size_t inlen, char *out,
	    size_t outlen);

#endif
