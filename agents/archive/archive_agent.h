/* archive_agent.h - mmhs-archive: the daemon's state and its parts
 *
 *	archive_main.c	the daemon: bootstrap, LMTP server, timers,
 *			policy table, retention; dispatch of subcommands
 *	archive_msg.c	one message received: its metadata, the append,
 *			the replies and the tracking log line
 *	archive_cmd.c	the subcommands verify, search, export
 *	archive_retain.c	the subcommand purge: retention read from
 *			the directory over LDAP
 *	archive_sec.c	encrypted messages: the copy re-encrypted to the
 *			archive's own key, and reading it back
 */
#ifndef ARCHIVE_AGENT_H
#define ARCHIVE_AGENT_H

#include <stddef.h>
#include <sys/time.h>

#include "mmhs_agent.h"
#include "mmhs_archpol.h"
#include "mmhs_cms.h"
#include "mmhs_lmtpd.h"
#include "mmhs_summary.h"
#include "archive.h"

#define ARC_START_WAIT_S	600	/* own entry in the cache */
#define ARC_HEARTBEAT_S		60
#define ARC_PURGE_FIRST_S	10	/* first retention run after start */
#define ARC_PURGE_DEF_S		86400	/* mmhsLimit scan-interval default */
#define ARC_MAX_RCPT		10000	/* the MTA's MMHS_QUEUE_MAX_RCPT */

struct arc_agent {
	struct mmhs_agent aa_ag;
	const char *aa_dir;			/* -d */
	char	*aa_self;			/* own DN, normalised */
	struct arc_store *aa_store;
	struct event_base *aa_base;
	struct mmhs_lmtpd *aa_lmtpd;
	struct event *aa_purge_ev;		/* retention timer */
	struct timeval aa_purge_every;
	struct mmhs_archpol_table *aa_pol;	/* see arc_policies() */
	unsigned long aa_pol_gen;
	char	*aa_last_error;
	struct arc_keyring *aa_keys;		/* see archive_sec.c */
};

/* What archive_sec.c made of one message. */
struct arc_sec {
	int	as_signed;		/* a signed layer was met */
	int	as_encrypted;		/* an enveloped layer was met */
	char	*as_copy;		/* re-encrypted to the archive, NULL */
	size_t	as_copy_len;
	char	as_key[MMHS_CMS_ADDR_MAX];	/* whose key opens the copy */
	char	as_note[ARC_ERR_LEN];	/* why there is no copy */
};

/* archive_main.c: the policy table, rebuilt when the cache changed */
const struct mmhs_archpol_table *arc_policies(struct arc_agent *aa);

/* archive_msg.c */
void	arc_on_message(void *arg, const struct mmhs_lmtp_envelope *env,
	    struct mmhs_lmtp_reply *replies);
/* The metadata of one message (exposed for the unit test). */
void	arc_msg_meta(struct arc_meta *m, const struct mmhs_lmtp_envelope *env,
	    const struct mmhs_summary *su, const char *sumerr, const char *cls,
	    const char *const *policies, size_t npol);

/* archive_sec.c */
void	arc_sec_copy(struct arc_agent *aa, const char *msg, size_t len,
	    struct arc_sec *as);
void	arc_sec_meta(struct arc_meta *m, const struct arc_sec *as);
void	arc_sec_free(struct arc_sec *as);
void	arc_keys_free(struct arc_keyring *kr);
int	arc_sec_readable(const struct arc_rec *r, const char *keydir,
	    char **out, size_t *outlen, char *err, size_t errlen);

/* archive_cmd.c: argv[1] is a subcommand name: its exit status */
int	arc_cmd_is(const char *name);
int	arc_cmd_main(int argc, char **argv);
/* archive_retain.c: purge from the command line */
int	arc_cmd_purge(int argc, char **argv);

#endif
