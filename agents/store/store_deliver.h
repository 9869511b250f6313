/* store_deliver.h - the decisions of an LMTP delivery, shared by
 * store_deliver.c (the callbacks) and store_deliver_rules.c (the rules)
 *
 * Both work on the directory entry of the mailbox as the cache has it
 * now, so a changed clearance or filing rule applies to the next
 * message.  Nothing here keeps state between messages.
 */
#ifndef STORE_DELIVER_H
#define STORE_DELIVER_H

#include <stddef.h>

#include "mmhs_agent.h"
#include "mmhs_secmsg.h"
#include "mmhs_summary.h"

#define SDL_RULE_MAX	512	/* bytes of a filing rule we report */

/* What the label check found: the classification NAME ("" unmarked)
 * and level (-1 unmarked) to index the message by. */
struct sdl_label {
	char	lb_class[MMHS_LABEL_NAME_MAX + 1];
	int	lb_level;
};

/* What the security check learnt of one message (store_deliver_sec.c),
 * kept over its recipients. */
struct sdl_sec {
	const char *s_msg;
	size_t	s_len;
	enum mmhs_cms_kind s_kind;
	X509_STORE *s_trust;		/* built when the message is S/MIME */
	int	s_untrusted;		/* ... and the site has no anchors */
	char	s_trust_err[256];
	int	s_have;			/* s_sm, s_rc and s_why are set */
	char	s_oid[MMHS_LABEL_OID_MAX + 1];	/* policy inspected in */
	int	s_rc;
	char	s_why[400];
	struct mmhs_secmsg s_sm;
};

void	sdl_sec_init(struct sdl_sec *s, const char *msg, size_t len);
void	sdl_sec_free(struct sdl_sec *s);

/*
 * May mailbox entry e receive the message of s?  1 yes (and the
 * classification in out), 0 no with the reason in why ("label WESTLAND
 * SECRET is above the clearance CONFIDENTIAL of cn=...", "signature by
 * ... is not accepted: revoked (...)"), -1 when the directory lacks
 * what the check needs (policy, trust store; also in why).
 */
int	sdl_label_check(struct mmhs_agent *ag, const mmhs_dircache_entry_t *e,
	    struct sdl_sec *s, struct sdl_label *out, char *why,
	    size_t whylen);

/* The site of the agent (the parent of its entry). */
const char *sdl_site_dn(const struct mmhs_agent *ag);
/*
 * The keys that open messages of mailbox dn, from the agent's key
 * directory: the mailbox's own (first, when there is one) and, for a
 * role of a profiled organisation, the organisation's: the profiler
 * forwards the organisation's messages to its roles unchanged, still
 * encrypted for the organisation.  Returns how many (0..2) were loaded
 * into ids; why says what was missing.  Free each with
 * mmhs_cms_id_free.  *own is 1 when ids[0] is the mailbox's own key.
 */
int	store_mailbox_keys(struct mmhs_agent *ag, const char *dn,
	    struct mmhs_cms_id ids[2], int *own, char *why, size_t whylen);

/* Does attribute name of e hold value (ASCII case ignored)? */
int	sdl_has_value(const mmhs_dircache_entry_t *e, const char *name,
	    const char *value);
/* The national policy's OID (the site's mmhsDomainCeiling, else e's
 * first mmhsClearance; e may be NULL) into oid; 0 or -1. */
int	sdl_policy_oid(struct mmhs_agent *ag, const mmhs_dircache_entry_t *e,
	    char *oid, size_t len);
/* mmhs_agent_policy as an mmhs_secmsg_policy_fn (arg: the agent). */
int	sdl_policy_fn(void *arg, const char *oid, struct mmhs_policy *p,
	    char *err, size_t errlen);
/* The requirements of the site and of policy oid. */
void	sdl_requirements(struct mmhs_agent *ag, const char *oid,
	    struct mmhs_secreq *rq);

/*
 * The folder the filing rules of e choose for the message: copies the
 * folder into folder and the rule that fired into rule ("" none: the
 * message goes to the Inbox).  Rules that do not parse are skipped with
 * a warning.
 */
void	sdl_file(const mmhs_dircache_entry_t *e, const struct mmhs_summary *su,
	    const struct sdl_label *lb, const char *envelope_from,
	    char *folder, size_t folderlen, char *rule, size_t rulelen);

/* "*" any run, "?" one character, ASCII case ignored: 1 on a match. */
int	sdl_glob(const char *pattern, const char *s);

#endif
