/* profiler.h - mmhs-profiler, the profiling user agent: shared state
 *
 * profiler_main.c	bootstrap, LMTP server, one decision per
 *			organisation recipient, status
 * profiler_dir.c	directory questions: the organisation an address
 *			names, its rules, the facts of a message (originator
 *			O/R addresses, classification NAME), role addresses
 * profiler_submit.c	resubmission of the unchanged message to the
 *			chosen roles, the reply to the MTA, the tracking log
 * profiler_rules.c	the rules themselves (pure; profiler_rules.h)
 * profiler_sec.c	opening signed and encrypted messages to read them
 */
#ifndef PROFILER_H
#define PROFILER_H

#include <stddef.h>
#include <time.h>

#include "mmhs_agent.h"
#include "mmhs_cms.h"
#include "mmhs_lmtpd.h"
#include "mmhs_summary.h"
#include "profiler_rules.h"

#define PROF_TIMEOUT_S		60	/* per SMTP reply from the MTA */
#define PROF_MAX_ORIG		8	/* originator forms looked at */
#define PROF_MAX_ROLES		64	/* copies per organisation message */

struct profiler {
	struct mmhs_agent pf_ag;
	struct event_base *pf_base;
	struct mmhs_lmtpd *pf_lmtpd;
	int	pf_timeout_s;		/* mmhsLimit smtp-timeout= */
	char   *pf_last_error;		/* last one written to the entry */
};

/* What the rules see of one message; prof_facts_free() frees. */
struct prof_facts {
	struct prof_msg pf_msg;
	const char *pf_orig[PROF_MAX_ORIG];
	char   *pf_own[PROF_MAX_ORIG + 1];	/* strings owned here */
	size_t	pf_nown;
	const char *pf_sumerr;		/* NULL, or why the summary failed */
};

/* How a message was read (profiler_sec.c); prof_sec_free() frees. */
struct prof_sec {
	enum mmhs_cms_kind ps_kind;	/* of the outermost layer */
	struct mmhs_cms_open ps_co;	/* the layers, when ps_opened */
	int	ps_opened;
	int	ps_inner;		/* ps_msg is the inner message */
	int	ps_signed;
	int	ps_encrypted;
	const struct mmhs_cms_sig *ps_sig_failed;	/* first failure */
	const char *ps_label;		/* "ess", "ess-unverified", NULL */
	char	ps_class[MMHS_LABEL_NAME_MAX + 1];	/* of the ESS label */
	char	ps_label_why[300];	/* why the ESS label was not used */
	char	ps_nokey[300];		/* why no key of the organisation */
	char	ps_why[300];		/* why only the outer header is read */
	const char *ps_msg;		/* what the rules read */
	size_t	ps_len;
};

/* One copy to resubmit: a role's address, for action or information. */
struct prof_copy {
	char   *pc_dn;
	char   *pc_addr;		/* with "+info" for information */
	int	pc_info;
};

/* The decision for one organisation recipient. */
struct prof_decision {
	const char *pd_org_addr;	/* the RCPT as received */
	const char *pd_rcpt_params;
	char   *pd_org;			/* organisation DN */
	char   *pd_set;			/* active rule set, NULL */
	char   *pd_rule;		/* DN, or NULL: default role */
	char   *pd_why;			/* why the default, NULL otherwise */
	size_t	pd_ncopy;
	struct prof_copy pd_copy[PROF_MAX_ROLES];
	struct prof_list pd_unresolved;	/* "DN: why" */
	const struct prof_sec *pd_sec;	/* how the message was read */
	const char *pd_label;		/* "ess", "sio", "none" ... */
	double	pd_decide_ms;		/* reading, rules, roles */
};

/* profiler_main.c: milliseconds since t0 (CLOCK_MONOTONIC) */
double	prof_ms_since(const struct timespec *t0);

/* profiler_dir.c */
mmhs_dircache_entry_t *prof_dir_org(struct profiler *pf, const char *addr,
	    char *err, size_t errlen);
void	prof_dir_set(struct profiler *pf, const mmhs_dircache_entry_t *org,
	    struct prof_set *ps);
void	prof_dir_facts(struct profiler *pf, const struct mmhs_summary *su,
	    const char *mail_from, struct prof_facts *f);
void	prof_facts_free(struct prof_facts *f);
void	prof_dir_copies(struct profiler *pf, const struct prof_set *ps,
	    const struct prof_rule *r, struct prof_decision *d);
void	prof_decision_free(struct prof_decision *d);

/* profiler_sec.c */
void	prof_sec_open(struct profiler *pf, const mmhs_dircache_entry_t *org,
	    const char *msg, size_t len, struct prof_sec *ps);
void	prof_sec_free(struct prof_sec *ps);
const char *prof_sec_protected(const struct prof_sec *ps);

/* profiler_submit.c */
void	prof_submit(struct profiler *pf, const struct mmhs_lmtp_envelope *env,
	    const struct mmhs_summary *su, struct prof_decision *d,
	    struct mmhs_lmtp_reply *reply);

#endif
