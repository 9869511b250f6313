/* mmhs_smtpcmd.h - SMTP command lines and their ESMTP parameters
 *
 * Shared by the MTA's SMTP server and the agents' LMTP server (lmtpd).
 * Pure parsing, no I/O and no allocation: the receiving side splits a
 * command line into its verb and arguments, then MAIL and RCPT
 * arguments into a path and the parameters of the extensions it
 * offers (SIZE, BODY, RET, ENVID, MT-PRIORITY, AUTH; NOTIFY, ORCPT).
 * A refusal comes back as the complete reply line, code and enhanced
 * code included ("501 5.5.4 ..."), so the session only sends it.
 */
#ifndef MMHS_SMTPCMD_H
#define MMHS_SMTPCMD_H

#include <stddef.h>

#define MMHS_SMTPCMD_LINE_MAX	2048	/* RFC 5321 512 + extensions */
#define MMHS_SMTPCMD_PATH_MAX	256	/* RFC 5321 4.5.3.1.3 */
#define MMHS_SMTPCMD_XTEXT_MAX	500	/* decoded ENVID/ORCPT (RFC 3461) */
#define MMHS_SMTPCMD_ENVID_MAX	100	/* RFC 3461 4.4 */
#define MMHS_SMTPCMD_REPLY_MAX	256

enum mmhs_smtpcmd_verb {
	MMHS_SMTPCMD_UNKNOWN = 0,
	MMHS_SMTPCMD_HELO, MMHS_SMTPCMD_EHLO, MMHS_SMTPCMD_MAIL,
	MMHS_SMTPCMD_RCPT, MMHS_SMTPCMD_DATA, MMHS_SMTPCMD_RSET,
	MMHS_SMTPCMD_NOOP, MMHS_SMTPCMD_QUIT, MMHS_SMTPCMD_VRFY,
	MMHS_SMTPCMD_HELP, MMHS_SMTPCMD_STARTTLS, MMHS_SMTPCMD_AUTH,
	MMHS_SMTPCMD_BDAT
};

/* MAIL FROM arguments.  Absent parameters: 0 / "" / MMHS_SMTPCMD_NO_MT. */
#define MMHS_SMTPCMD_NO_MT	100
struct mmhs_smtpcmd_mail {
	char	cm_path[MMHS_SMTPCMD_PATH_MAX + 1];	/* "" for <> */
	unsigned long cm_size;			/* SIZE=, 0 absent */
	int	cm_8bit;			/* BODY=8BITMIME */
	int	cm_ret;				/* 0, 1 FULL, 2 HDRS */
	char	cm_envid[MMHS_SMTPCMD_ENVID_MAX + 1];	/* decoded */
	int	cm_has_envid;
	int	cm_mt;				/* MT-PRIORITY or NO_MT */
};

/* RCPT TO arguments; notify uses the MMHS_NOTIFY_* bits of the queue. */
struct mmhs_smtpcmd_rcpt {
	char	cr_path[MMHS_SMTPCMD_PATH_MAX + 1];
	unsigned cr_notify;
	char	cr_orcpt[MMHS_SMTPCMD_XTEXT_MAX + 64];	/* "type;decoded" */
	int	cr_has_orcpt;
};

/* The verb of line; *args points after it and its blanks. */
enum mmhs_smtpcmd_verb mmhs_smtpcmd_verb(const char *line, const char **args);

/* 0, or -1 with the reply in reply[]. */
int	mmhs_smtpcmd_mail(const char *args, struct mmhs_smtpcmd_mail *m,
	    char *reply, size_t len);
int	mmhs_smtpcmd_rcpt(const char *args, struct mmhs_smtpcmd_rcpt *r,
	    char *reply, size_t len);

/* RFC 3461 4: decode xtext into out (NUL-terminated); length or -1. */
int	mmhs_smtpcmd_xtext_decode(const char *in, size_t inlen, char *out,
	    size_t outlen);

#endif
