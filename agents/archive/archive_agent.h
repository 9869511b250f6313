/* archive_agent.h - mmhs-archive: the daemon's state and its parts
 *
 *	archive_main.c	the daemon: bootstrap, LMTP server, timers,
 *			policy table, retention; dispatch of subcommands
 *	archive_msg.c	one message received: its metadata, the append,
 *			the replies and the tracking log line
 *	archive_cmd.c	the subcommands verify, search, export
 *	archive_retain.c	the subcommand purge: retention read from
 *			the directory over LDAP
 */
#ifndef ARCHIVE_AGENT_H
#define ARCHIVE_AGENT_H

#include <stddef.h>
#include <sys/time.h>

#include "mmhs_agent.h"
#include "mmhs_archpol.h"
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

/* archive_cmd.c: argv[1] is a subcommand name: its exit status */
int	arc_cmd_is(const char *name);
int	arc_cmd_main(int argc, char **argv);
/* archive_retain.c: purge from the command line */
int	arc_cmd_purge(int argc, char **argv);

#endif
