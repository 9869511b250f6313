/* mmhs_label.h - security policies, clearances and label dominance */
#ifndef MMHS_LABEL_H
#define MMHS_LABEL_H

#include <stddef.h>

/*
 * A security policy is held in the directory as one mmhsSecurityPolicy
 * entry (schema/mmhs.schema): mmhsPolicyId, and multi-valued
 * mmhsClassificationDef "level$NAME[$marking]", mmhsCategoryDef
 * "NAME$kind$OID[$marking]" and mmhsLabelEquivalence
 * "NAME$partner-policy-OID$partner-level".  A clearance (or a domain
 * ceiling) is "policy-OID$CLASSIFICATION[$CATEGORY]...", naming the
 * classification and the categories by NAME.
 *
 * Everything here works on caller-owned, fixed-size structs: nothing
 * allocates, logs, exits or keeps state (slapd overlays compile this
 * file in).  Failures return -1 and one line of text in err (truncated
 * to errlen; err may be NULL).  Names compare ASCII case-insensitively.
 */

#define MMHS_LABEL_NAME_MAX	64	/* classification / category NAME */
#define MMHS_LABEL_MARKING_MAX	128	/* display marking */
#define MMHS_LABEL_OID_MAX	128	/* dotted-decimal OID */
#define MMHS_LABEL_LEVEL_MAX	255	/* ESS classification upper bound */
#define MMHS_LABEL_NCLASS	32	/* classifications per policy */
#define MMHS_LABEL_NCAT		64	/* categories per policy */
#define MMHS_LABEL_NEQUIV	64	/* equivalences per policy */
#define MMHS_LABEL_NCLCAT	32	/* categories in a clearance or label */

enum mmhs_label_catkind {
	MMHS_CAT_RESTRICTIVE,	/* the reader needs all of them */
	MMHS_CAT_PERMISSIVE,	/* the reader needs one of them, if any */
	MMHS_CAT_INFORMATIVE	/* no access rule: shown only */
};

struct mmhs_label_class {
	int	lc_level;
	char	lc_name[MMHS_LABEL_NAME_MAX + 1];
	char	lc_marking[MMHS_LABEL_MARKING_MAX + 1];	/* "" if none */
};

struct mmhs_label_cat {
	char	lk_name[MMHS_LABEL_NAME_MAX + 1];
	enum mmhs_label_catkind lk_kind;
	char	lk_oid[MMHS_LABEL_OID_MAX + 1];
	char	lk_marking[MMHS_LABEL_MARKING_MAX + 1];	/* "" if none */
};

struct mmhs_label_equiv {
	char	le_name[MMHS_LABEL_NAME_MAX + 1];	/* our classification */
	char	le_policy[MMHS_LABEL_OID_MAX + 1];	/* partner policy */
	int	le_level;				/* partner level */
};

/* One policy; fill with mmhs_policy_init() and the _add functions. */
struct mmhs_policy {
	char	sp_oid[MMHS_LABEL_OID_MAX + 1];
	int	sp_nclass;
	struct mmhs_label_class sp_class[MMHS_LABEL_NCLASS];
	int	sp_ncat;
	struct mmhs_label_cat sp_cat[MMHS_LABEL_NCAT];
	int	sp_nequiv;
	struct mmhs_label_equiv sp_equiv[MMHS_LABEL_NEQUIV];
};

/* A clearance or domain ceiling: policy, highest class, categories held. */
struct mmhs_clearance {
	char	cl_policy[MMHS_LABEL_OID_MAX + 1];
	char	cl_class[MMHS_LABEL_NAME_MAX + 1];
	int	cl_ncat;
	char	cl_cat[MMHS_LABEL_NCLCAT][MMHS_LABEL_NAME_MAX + 1];
};

/*
 * A security label as agents see it (ESS SecurityLabel reduced to what
 * access control uses): policy OID, classification level, categories
 * by NAME or by category OID.
 */
struct mmhs_label {
	char	lb_policy[MMHS_LABEL_OID_MAX + 1];
	int	lb_level;
	int	lb_ncat;
	char	lb_cat[MMHS_LABEL_NCLCAT][MMHS_LABEL_OID_MAX + 1];
};

/* 1 when s is a dotted-decimal OID (at least two arcs), else 0. */
int mmhs_label_oid_valid(const char *s);

/* Parsers of single values; 0 or -1 with a reason. */
int mmhs_label_parse_class(const char *str, struct mmhs_label_class *c,
	char *err, size_t errlen);
int mmhs_label_parse_cat(const char *str, struct mmhs_label_cat *k,
	char *err, size_t errlen);
int mmhs_label_parse_equiv(const char *str, struct mmhs_label_equiv *e,
	char *err, size_t errlen);
int mmhs_clearance_parse(const char *str, struct mmhs_clearance *cl,
	char *err, size_t errlen);

/* "restrictive" etc., or NULL. */
const char *mmhs_label_catkind_name(enum mmhs_label_catkind kind);

/*
 * Building a policy.  _init checks the OID.  _add_class refuses a
 * second class with the same level or NAME, _add_cat one with the same
 * NAME or OID, _add_equiv an equivalence whose NAME is not a class of
 * this policy (so add every class first), that names the policy itself,
 * or that maps the same NAME to the same partner policy twice.
 */
int mmhs_policy_init(struct mmhs_policy *p, const char *oid, char *err,
	size_t errlen);
int mmhs_policy_add_class(struct mmhs_policy *p, const char *str,
	char *err, size_t errlen);
int mmhs_policy_add_cat(struct mmhs_policy *p, const char *str, char *err,
	size_t errlen);
int mmhs_policy_add_equiv(struct mmhs_policy *p, const char *str,
	char *err, size_t errlen);

/* Lookups; NULL when absent.  _cat matches the NAME or the OID. */
const struct mmhs_label_class *mmhs_policy_class(const struct mmhs_policy *p,
	const char *name);
const struct mmhs_label_class *mmhs_policy_class_level(
	const struct mmhs_policy *p, int level);
const struct mmhs_label_cat *mmhs_policy_cat(const struct mmhs_policy *p,
	const char *name_or_oid);

/*
 * Is the clearance well-formed for policy p: same policy OID, its
 * classification and every category defined by p?  0 or -1.
 */
int mmhs_clearance_check(const struct mmhs_policy *p,
	const struct mmhs_clearance *cl, char *err, size_t errlen);

/*
 * Dominance: 1 when a holder of clearance cl (or a domain with ceiling
 * cl) may see a message with label lb under policy p, else 0.  Fails
 * closed: a policy mismatch, a classification or category the policy
 * does not define gives 0.  Rules: lb's level <= the level of cl's
 * classification; every restrictive category of lb is held by cl; when
 * lb carries permissive categories, cl holds at least one of them;
 * informative categories are ignored.  _explain says why not.
 */
int mmhs_label_dominates(const struct mmhs_policy *p,
	const struct mmhs_clearance *cl, const struct mmhs_label *lb);
int mmhs_label_dominates_explain(const struct mmhs_policy *p,
	const struct mmhs_clearance *cl, const struct mmhs_label *lb,
	char *err, size_t errlen);

#endif
