/* mmhs_agent_int.h - what the files of lib/mmhs_agent share, nobody else
 *
 * mmhs_agent.c (bootstrap, cache, signals), mmhs_agent_dir.c (questions
 * to the cache) and mmhs_agent_status.c (status written to the
 * directory) keep their private state in ag->ag_priv.
 */
#ifndef MMHS_AGENT_INT_H
#define MMHS_AGENT_INT_H

#include <pthread.h>
#include <time.h>

#include "mmhs_agent.h"

/* Bounds of the status writer: it must never hold an agent up long. */
#define MMHS_AGENT_STATUS_TIMEOUT_MS	2000	/* connect, bind, modify */
#define MMHS_AGENT_STATUS_BACKOFF_S	10	/* after a failure */
#define MMHS_AGENT_STATUS_MAX		1024	/* status / error text */

struct mmhs_agent_priv {
	pthread_mutex_t ap_mu;		/* the status writer's connection */
	void	*ap_ld;			/* LDAP *, NULL: not connected */
	int	ap_started_written;	/* mmhsStarted / version done */
	time_t	ap_started;		/* when mmhs_agent_start ran */
	time_t	ap_retry_at;		/* no connection attempt before */
	int	ap_failing;		/* warned about the current failure */
};

/* The attributes the cache indexes (NULL-ended), listed in mmhs_agent.h;
 * tests open storage-only caches with it. */
extern const char *const mmhs_agent_index[];

/* The private part, made on first use. */
struct mmhs_agent_priv *mmhs_agent_priv(struct mmhs_agent *ag);

/* mmhs_agent_status.c: drop the status connection. */
void	mmhs_agent_status_close(struct mmhs_agent *ag);

/* mmhs_agent_dir.c: a DN that compares with strcmp (caller frees). */
char	*mmhs_agent_dn_norm(const char *dn);

#endif
