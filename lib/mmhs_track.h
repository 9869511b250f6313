/* mmhs_track.h - the message tracking log shared by every agent
 *
 * One line per event in a message's life (received, routed, relayed,
 * delivered, deferred, bounced, expired, expanded, profiled, ...), as
 * space-separated key=value pairs after an ISO 8601 UTC time:
 *
 *   2026-11-28T22:00:00.123Z agent=mta event=received qid=0005F1C2A3B4C5D6
 *     msgid=<x@y> prec=flash from=a@b.example to=c@d.example
 *     hop=cn=store,cn=mod-main,ou=MMHS,c=XW result="250 2.0.0 ok"
 *
 * (one line in the file).  Values with spaces, quotes or '=' are quoted
 * with backslash escapes; absent fields are left out.  Every agent of a
 * site may append to the same file: each line is one write(2) on a file
 * opened with O_APPEND, so lines of different processes never mix, and
 * grep qid= or msgid= follows a message across agents.
 */
#ifndef MMHS_TRACK_H
#define MMHS_TRACK_H

#include <stddef.h>

struct mmhs_track;

struct mmhs_track_event {
	const char *te_event;		/* received, delivered, ... */
	const char *te_qid;		/* queue id in this agent */
	const char *te_msgid;		/* Message-ID, with <> */
	const char *te_prec;		/* precedence name */
	const char *te_from;		/* return path */
	const char *te_to;		/* recipient */
	const char *te_hop;		/* next hop (agent DN or host) */
	const char *te_result;		/* reply or reason */
	const char *te_extra;		/* more key=value pairs, preformatted */
};

/* path NULL or "-": standard error.  NULL on failure, errno set. */
struct mmhs_track *mmhs_track_open(const char *agent, const char *path);
void	mmhs_track_close(struct mmhs_track *tr);
int	mmhs_track_log(struct mmhs_track *tr, const struct mmhs_track_event *ev);

/* Format one line (without the time) into buf; length or -1 if short. */
int	mmhs_track_format(const char *agent, const struct mmhs_track_event *ev,
	    char *buf, size_t len);

#endif
