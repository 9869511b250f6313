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
#include "mmhs_summary.h"

#define SDL_RULE_MAX	512	/* bytes of a filing rule we report */

/* What the label check found: the classification NAME ("" unmarked)
 * and level (-1 unmarked) to index the message by. */
struct sdl_label {
	char	lb_class[MMHS_LABEL_NAME_MAX + 1];
	int	lb_level;
};

/*
 * May mailbox entry e receive a message with summary su?  1 yes (and
 * the classification in out), 0 no with the reason in why ("label
 * WESTLAND SECRET is above the clearance CONFIDENTIAL of cn=..."),
 * -1 when the directory has no usable policy (also in why).
 */
int	sdl_label_check(struct mmhs_agent *ag, const mmhs_dircache_entry_t *e,
	    const struct mmhs_summary *su, struct sdl_label *out, char *why,
	    size_t whylen);

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
