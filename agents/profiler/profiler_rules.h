/* profiler_rules.h - an organisation's profiling rules, compiled and tried
 *
 * Pure code: no directory, no clock, no I/O.  The caller hands over the
 * organisation's entry and the mmhsProfileRule entries below it (as the
 * directory cache returns them) and, per message, the facts of the
 * message and its time of arrival.  The semantics are those of
 * doc/ldif-reference.md section 7 and doc/mmhs-profiler.8:
 *
 *	- only the rules whose mmhsRuleSet equals (case ignored) the
 *	  organisation's mmhsActiveRuleSet take part; none when the
 *	  organisation has no active set;
 *	- they are tried in ascending mmhsRuleOrder; a rule without one
 *	  comes after every rule that has one; equal orders go by DN;
 *	- a rule matches when every match attribute it has holds (AND),
 *	  an attribute holds when any of its values does (OR), and a rule
 *	  with no match attribute matches everything;
 *	- the first rule that matches decides; when none does, the default
 *	  role (mmhsDefaultRole) gets the message for action.
 *
 * A rule with a value that does not parse is left out as a whole (a
 * rule missing one condition would match more than it says) and its
 * reason is kept in ps_skipped for the agent's log and status.
 */
#ifndef PROFILER_RULES_H
#define PROFILER_RULES_H

#include <stddef.h>
#include <time.h>

#include "mmhs_dircache.h"
#include "mmhs_precedence.h"

#define PROF_NO_TYPE		(-1)	/* message without MMHS-Message-Type */
#define PROF_VALUE_MAX		256	/* longest match value accepted */
#define PROF_ERR_LEN		512

/* A set of strings, owned. */
struct prof_list {
	size_t	pl_n;
	char  **pl_v;
};

/* A time-of-day window in minutes of the UTC day, [start, end); when
 * end < start it wraps past midnight. */
struct prof_window {
	int	pw_start;
	int	pw_end;
};

struct prof_rule {
	char   *pr_dn;
	int	pr_has_order;
	long	pr_order;		/* mmhsRuleOrder */
	struct prof_list pr_sic;	/* patterns */
	struct prof_list pr_subject;	/* words (phrases) */
	struct prof_list pr_text;
	struct prof_list pr_orig;	/* patterns */
	struct prof_list pr_class;	/* classification NAMEs */
	int	pr_has_prec;
	unsigned pr_prec;		/* 1 << enum mmhs_precedence */
	int	pr_has_type;
	unsigned char pr_type[32];	/* bit per message type 0..255 */
	size_t	pr_nwin;
	struct prof_window *pr_win;
	struct prof_list pr_action;	/* role DNs */
	struct prof_list pr_info;
};

/* The rules of one organisation that are in force now. */
struct prof_set {
	char   *ps_org;			/* the organisation's DN */
	char   *ps_name;		/* mmhsActiveRuleSet, NULL if none */
	char   *ps_default;		/* mmhsDefaultRole DN, NULL if none */
	size_t	ps_n, ps_cap;
	struct prof_rule *ps_rules;	/* in the order they are tried */
	struct prof_list ps_skipped;	/* "DN: reason" of rules left out */
};

/* What the rules look at in a message.  Strings need not be owned. */
struct prof_msg {
	const char *const *pm_sic;	/* MMHS-Subject-Indicator-Codes */
	size_t	pm_nsic;
	const char *pm_subject;		/* NULL: none */
	const char *pm_text;		/* NULL: none */
	size_t	pm_text_len;
	const char *const *pm_orig;	/* originator: RFC 5322 and std-or */
	size_t	pm_norig;
	int	pm_type;		/* 0..255, or PROF_NO_TYPE */
	enum mmhs_precedence pm_prec;
	const char *pm_class;		/* classification NAME, NULL: none */
};

/*
 * Compiles the rule set in force from the organisation's entry and its
 * rule entries: init, add each rule (of any rule set: the others are
 * ignored), done; or build over an array.  Never fails: bad rules end
 * up in ps_skipped.  Free with prof_set_free().
 */
void	prof_set_init(struct prof_set *ps, const mmhs_dircache_entry_t *org);
void	prof_set_add(struct prof_set *ps, const mmhs_dircache_entry_t *rule);
void	prof_set_done(struct prof_set *ps);
void	prof_set_build(struct prof_set *ps, const mmhs_dircache_entry_t *org,
	    const mmhs_dircache_entry_t *const *rules, size_t nrules);
void	prof_set_free(struct prof_set *ps);

/* One rule from its entry; 0, or -1 and a reason (rule left as zero). */
int	prof_rule_compile(struct prof_rule *pr, const mmhs_dircache_entry_t *e,
	    char *err, size_t errlen);
void	prof_rule_free(struct prof_rule *pr);

/* The first rule of ps that matches m arriving at time now, or NULL. */
const struct prof_rule *prof_set_eval(const struct prof_set *ps,
	    const struct prof_msg *m, time_t now);
/* 1 when rule pr matches m at time now. */
int	prof_rule_match(const struct prof_rule *pr, const struct prof_msg *m,
	    time_t now);

/* Lists of strings. */
void	prof_list_add(struct prof_list *l, const char *v);
void	prof_list_free(struct prof_list *l);

/* The building blocks, for the tests. */
int	prof_pattern_match(const char *pattern, const char *s);
int	prof_words_match(const char *phrase, const char *text, size_t len);
int	prof_name_eq(const char *a, const char *b);
int	prof_window_parse(const char *s, struct prof_window *w, char *err,
	    size_t errlen);
int	prof_window_holds(const struct prof_window *w, time_t now);
int	prof_type_parse(const char *s);

#endif
