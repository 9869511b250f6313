/* mmhs_agent.h - what every small agent does the same way */
#ifndef MMHS_AGENT_H
#define MMHS_AGENT_H

#include <stddef.h>

#include "mmhs_dircache.h"
#include "mmhs_label.h"

/*
 * An agent is started with a bootstrap only (doc/architecture.md):
 *
 *	mmhs-<agent> -H URIs -D own-DN (-w pw | -y pwfile) -c cachedir
 *	    [-b base] [-t tracklog] [-k keydir] [-f] [agent options]
 *
 * and takes everything else from its own entry and the rest of the
 * directory through one mmhs_dircache of the whole base (default: the
 * naming context of the first URI's root DSE).  This module parses the
 * bootstrap, opens and starts the cache, waits for the agent's own
 * entry, and answers the questions every agent asks: where do I listen,
 * where is my peer (the MTA), what are my limits, who is this address,
 * what is the security policy, and writes the agent's status back into
 * its entry (mmhsAgentStatus, mmhsHeartbeat, mmhsStarted,
 * mmhsAgentVersion, mmhsLastError, mmhsQueueDepth).
 *
 * The cache holds every entry of the base with every user attribute the
 * agent may read.  mmhs_dircache_find() works on objectClass and on
 * these attributes (values compared ASCII case-insensitively, exactly
 * as stored otherwise, so look DN values up as the directory writes
 * them): mail, uid, mhs-or-addresses, roleOccupant, member, owner,
 * mhs-dl-members, mmhsMember, mmhsAgentType, mmhsPolicyId, mmhsSite,
 * mmhsActionRecipient, mmhsInfoRecipient, mmhsDefaultRole,
 * mmhsGuaranteedActionPoint, mmhsFFPolicy, mmhsArchive,
 * mmhsArchiveSubject.
 */

struct mmhs_agent {
	const char *ag_name;		/* "store", for logs and tracking */
	char   *ag_uris;		/* as given to -H (space or comma list) */
	char   *ag_dn;			/* -D */
	char   *ag_pw;			/* -w / -y */
	char   *ag_base;		/* -b or the root DSE's naming context */
	char   *ag_cache_dir;		/* -c */
	char   *ag_track_path;		/* -t, NULL: standard error */
	char   *ag_key_dir;		/* -k, private keys (mmhs_pki.h);
					 * NULL: the agent has none */
	int	ag_foreground;		/* -f */
	mmhs_dircache_t *ag_cache;
	struct mmhs_track *ag_track;
	void   *ag_priv;		/* module-internal (LDAP handle etc.) */
};

/*
 * Parses the bootstrap options; an agent's own options are in extra
 * (getopt letters, e.g. "d:C:K:") and go to on_opt.  Exits with usage on
 * error.  Returns optind.
 */
int	mmhs_agent_args(struct mmhs_agent *ag, const char *name, int argc,
	    char **argv, const char *extra,
	    int (*on_opt)(void *arg, int ch, const char *optarg), void *arg,
	    const char *usage_extra);

/* Opens the cache and the tracking log, starts the sync and waits (up
 * to timeout_s) until the agent's own entry is there.  on_change (may
 * be NULL) runs in the cache thread after each change.  Exits on
 * failure with a clear message. */
void	mmhs_agent_start(struct mmhs_agent *ag,
	    mmhs_dircache_change_fn on_change, void *arg, int timeout_s);
void	mmhs_agent_stop(struct mmhs_agent *ag);

/* The agent's own entry, fresh from the cache (caller frees). */
mmhs_dircache_entry_t *mmhs_agent_self(struct mmhs_agent *ag);

/* The URI of the agent's mmhsListen value NAME ("lmtp"), or NULL (caller
 * frees). */
char   *mmhs_agent_listen(struct mmhs_agent *ag, const char *name);

/* The URI on which the agent's peer of mmhsAgentType TYPE (an mmhsPeer of
 * this agent, e.g. "mta") listens as NAME ("smtp"), host and port split;
 * 0, or -1 and a message. */
int	mmhs_agent_peer_addr(struct mmhs_agent *ag, const char *type,
	    const char *name, char *host, size_t hostlen, int *port,
	    char *err, size_t errlen);

/* mmhsLimit "name=value" of the agent's entry as a number, or def. */
long	mmhs_agent_limit(struct mmhs_agent *ag, const char *name, long def);

/*
 * The directory entry an address names: the entry whose mail (case
 * insensitive) or mhs-or-addresses (RFC 2156 canonical form compared)
 * equals addr; a "+detail" subaddress is ignored ("do+info@x" finds
 * "do@x") and returned in detail when wanted.  NULL when there is none.
 */
mmhs_dircache_entry_t *mmhs_agent_entry_for(struct mmhs_agent *ag,
	    const char *addr, char *detail, size_t detaillen);

/* The mail address (first mail value) of the entry DN, or NULL. */
char   *mmhs_agent_mail_of(struct mmhs_agent *ag, const char *dn);

/* Security policy of OID (from the mmhsSecurityPolicy entries); 0 or -1. */
int	mmhs_agent_policy(struct mmhs_agent *ag, const char *oid,
	    struct mmhs_policy *p, char *err, size_t errlen);
/* The first entry of cache dc with attr=value (an indexed attribute),
 * or NULL (caller frees). */
mmhs_dircache_entry_t *mmhs_agent_find_one(mmhs_dircache_t *dc,
	    const char *attr, const char *value);
/* The same from any directory cache (an mmhs_dircache_t *): programs
 * with a cache of their own (the MTA), and mmhs_secmsg_policy_fn. */
int	mmhs_agent_policy_of(void *dircache, const char *oid,
	    struct mmhs_policy *p, char *err, size_t errlen);

/*
 * A display marking (SIO-Label marking="...", e.g. "WESTLAND SECRET REL
 * TO NATO") as a label of policy p: the classification whose display
 * marking or NAME starts it (longest wins), then the categories whose
 * display markings or NAMEs follow, separated by spaces, commas or
 * slashes.  0, or -1 and a reason naming the part not understood.
 */
int	mmhs_label_from_marking(const struct mmhs_policy *p,
	    const char *marking, struct mmhs_label *lb, char *err,
	    size_t errlen);

/*
 * Writes the agent's status into its entry: mmhsAgentStatus (e.g.
 * "running", "alert: ..."), mmhsHeartbeat (now), mmhsLastError (NULL:
 * left as is, "": removed), mmhsQueueDepth (<0: left as is); the first
 * call also writes mmhsStarted and mmhsAgentVersion.  0, or -1 and a
 * warning logged (the directory may be away; agents go on).
 */
int	mmhs_agent_status(struct mmhs_agent *ag, const char *status,
	    const char *last_error, long queue_depth);

/* Forks into the background (new session) before any thread starts;
 * the parent exits 0 once the child writes one byte to the descriptor
 * returned (it is ready), 1 if the child dies first. */
int	mmhs_agent_background(void);

/* Sleeps until SIGTERM/SIGINT is seen; for agents that have no loop. */
int	mmhs_agent_stopping(void);
void	mmhs_agent_signals(void);

#endif
