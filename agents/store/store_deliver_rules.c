/* store_deliver_rules.c - the label check and the filing rules of the
 * store, read live from the mailbox's directory entry
 *
 * Label check.  The message's label is the marking of its SIO-Label
 * (RFC 7444) read as a label of the national policy, the policy of the
 * site's mmhsDomainCeiling (lacking one, that of the mailbox's first
 * clearance); a message without an SIO-Label is UNMARKED (the lowest
 * classification of the policy).  It must be dominated by the mailbox's
 * mmhsClearance for that policy.  A mailbox without such a clearance is
 * treated as cleared for UNCLASSIFIED without categories: it receives
 * nothing labelled above UNCLASSIFIED.  Fails closed: an SIO-Label
 * without a marking, a marking the policy does not define, or no policy
 * at all refuses the message.
 *
 * Filing.  mmhsFilingRule values "criterion$value$folder"
 * (doc/ldif-reference.md) are tried by criterion, in the order
 * precedence, classification, sic, originator, and within a criterion
 * in the order the directory returns them; the first that matches
 * chooses the folder.  precedence compares a precedence name,
 * classification a classification NAME, sic and originator are patterns
 * ("*" any run, "?" one character, no case) against each SIC and the
 * From: address (the envelope sender when there is no From:).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "mmhs_alloc.h"
#include "mmhs_ascii.h"
#include "mmhs_log.h"
#include "store_db.h"
#include "store_deliver.h"

/* sdl_glob - pattern match, "*" and "?", ASCII case ignored */
int
sdl_glob(const char *p, const char *s)
{
	const char *star = NULL, *resume = NULL;

	while (*s != '\0') {
		if (*p == '*') {
			star = p++;
			resume = s;
		} else if (*p == '?' || (*p != '\0' &&
		    mmhs_ascii_lower((unsigned char) *p) ==
		    mmhs_ascii_lower((unsigned char) *s))) {
			p++;
			s++;
		} else if (star != NULL) {
			p = star + 1;
			s = ++resume;
		} else
			return 0;
	}
	while (*p == '*')
		p++;
	return *p == '\0';
}

/* sdl_site_dn - the site of this agent: the parent of its entry */
static const char *
sdl_site_dn(const struct mmhs_agent *ag)
{
	const char *comma = strchr(ag->ag_dn, ',');

	return comma != NULL ? comma + 1 : ag->ag_dn;
}

/* sdl_policy_oid - the national policy's OID into oid; 0 or -1 */
static int
sdl_policy_oid(struct mmhs_agent *ag, const mmhs_dircache_entry_t *e,
    char *oid, size_t len)
{
	mmhs_dircache_entry_t *site;
	const char *v = NULL, *dollar;

	site = mmhs_dircache_by_dn(ag->ag_cache, sdl_site_dn(ag));
	if (site != NULL)
		v = mmhs_dircache_value(site, "mmhsDomainCeiling");
	if (v == NULL)
		v = mmhs_dircache_value(e, "mmhsClearance");
	if (v != NULL && (dollar = strchr(v, '$')) != NULL &&
	    (size_t) (dollar - v) < len) {
		memcpy(oid, v, (size_t) (dollar - v));
		oid[dollar - v] = '\0';
	} else
		v = NULL;
	mmhs_dircache_entry_free(site);
	return v != NULL ? 0 : -1;
}

/* sdl_clearance - the mailbox's clearance under policy p, or the implicit
 * UNCLASSIFIED one; 0, or -1 with why */
static int
sdl_clearance(const mmhs_dircache_entry_t *e, const struct mmhs_policy *p,
    struct mmhs_clearance *cl, char *why, size_t whylen)
{
	const mmhs_dircache_attr_t *a = mmhs_dircache_attr(e, "mmhsClearance");
	const struct mmhs_label_class *lc;
	char err[256];
	size_t i;

	for (i = 0; a != NULL && i < a->da_nvals; i++) {
		if (mmhs_clearance_parse(a->da_vals[i], cl, err,
		    sizeof(err)) != 0) {
			mmhs_warn("%s: mmhsClearance \"%s\": %s", e->de_dn,
			    a->da_vals[i], err);
			continue;
		}
		if (strcmp(cl->cl_policy, p->sp_oid) == 0)
			return 0;
	}
	memset(cl, 0, sizeof(*cl));
	snprintf(cl->cl_policy, sizeof(cl->cl_policy), "%s", p->sp_oid);
	if ((lc = mmhs_policy_class(p, "UNCLASSIFIED")) == NULL &&
	    (lc = mmhs_policy_class_level(p, 1)) == NULL) {
		snprintf(why, whylen, "%s has no clearance and policy %s has "
		    "no UNCLASSIFIED", e->de_dn, p->sp_oid);
		return -1;
	}
	snprintf(cl->cl_class, sizeof(cl->cl_class), "%s", lc->lc_name);
	return 0;
}

/* sdl_unmarked - the label of a message without one */
static void
sdl_unmarked(const struct mmhs_policy *p, struct mmhs_label *lb)
{
	const struct mmhs_label_class *lc = mmhs_policy_class(p, "UNMARKED");
	int i, low = 0;

	memset(lb, 0, sizeof(*lb));
	snprintf(lb->lb_policy, sizeof(lb->lb_policy), "%s", p->sp_oid);
	if (lc == NULL)
		for (i = 0; i < p->sp_nclass; i++)
			if (i == 0 || p->sp_class[i].lc_level < low)
				low = p->sp_class[i].lc_level;
	lb->lb_level = lc != NULL ? lc->lc_level : low;
}

/* sdl_check_policy - the check once the policy is loaded */
static int
sdl_check_policy(const mmhs_dircache_entry_t *e, const struct mmhs_policy *p,
    const struct mmhs_summary *su, struct sdl_label *out, char *why,
    size_t whylen)
{
	const char *marking = su->su_mmhs.mm_label.sl_marking;
	int labelled = (su->su_mmhs.mm_present & (1u << MMHS_F_SIO_LABEL)) != 0;
	const struct mmhs_label_class *lc;
	struct mmhs_clearance cl;
	struct mmhs_label lb;
	char err[256];

	if (labelled && marking == NULL) {
		snprintf(why, whylen, "the SIO-Label has no marking, so it "
		    "cannot be checked against the clearance of %s", e->de_dn);
		return 0;
	}
	if (!labelled)
		sdl_unmarked(p, &lb);
	else if (mmhs_label_from_marking(p, marking, &lb, err,
	    sizeof(err)) != 0) {
		snprintf(why, whylen, "label %s is not a marking of policy %s: "
		    "%s", marking, p->sp_oid, err);
		return 0;
	}
	if (sdl_clearance(e, p, &cl, why, whylen) != 0)
		return -1;
	if (mmhs_label_dominates_explain(p, &cl, &lb, err, sizeof(err)) != 1) {
		snprintf(why, whylen, "label %s is above the clearance %s of "
		    "%s (%s)", labelled ? marking : "UNMARKED", cl.cl_class,
		    e->de_dn, err);
		return 0;
	}
	out->lb_class[0] = '\0';
	out->lb_level = -1;
	lc = labelled ? mmhs_policy_class_level(p, lb.lb_level) : NULL;
	if (lc != NULL) {
		snprintf(out->lb_class, sizeof(out->lb_class), "%s",
		    lc->lc_name);
		out->lb_level = lb.lb_level;
	}
	return 1;
}

int
sdl_label_check(struct mmhs_agent *ag, const mmhs_dircache_entry_t *e,
    const struct mmhs_summary *su, struct sdl_label *out, char *why,
    size_t whylen)
{
	struct mmhs_policy *p;
	char oid[MMHS_LABEL_OID_MAX + 1], err[256];
	int rc;

	if (sdl_policy_oid(ag, e, oid, sizeof(oid)) != 0) {
		snprintf(why, whylen, "no security policy: neither the site "
		    "%s nor %s names one", sdl_site_dn(ag), e->de_dn);
		return -1;
	}
	p = mmhs_malloc(sizeof(*p));
	if (mmhs_agent_policy(ag, oid, p, err, sizeof(err)) != 0) {
		snprintf(why, whylen, "security policy %s: %s", oid, err);
		rc = -1;
	} else
		rc = sdl_check_policy(e, p, su, out, why, whylen);
	mmhs_free(p);
	return rc;
}

/* ---------------------------------------------------------------- */

/* sdl_rule_matches - does rule value (criterion already known) match */
static int
sdl_rule_matches(const char *crit, const char *value,
    const struct mmhs_summary *su, const struct sdl_label *lb,
    const char *originator)
{
	enum mmhs_precedence p;
	size_t i;

	if (strcmp(crit, "precedence") == 0)
		return mmhs_precedence_from_name(value, &p) == 0 &&
		    p == su->su_prec;
	if (strcmp(crit, "classification") == 0)
		return lb->lb_class[0] != '\0' &&
		    strcasecmp(value, lb->lb_class) == 0;
	if (strcmp(crit, "sic") == 0) {
		for (i = 0; i < su->su_mmhs.mm_sics.ml_count; i++)
			if (sdl_glob(value, su->su_mmhs.mm_sics.ml_items[i]))
				return 1;
		return 0;
	}
	return originator != NULL && originator[0] != '\0' &&
	    sdl_glob(value, originator);
}

/* sdl_rule_split - "criterion$value$folder" into its parts; 0 or -1 */
static int
sdl_rule_split(char *rule, char **crit, char **value, char **folder)
{
	char *d1, *d2;

	if ((d1 = strchr(rule, '$')) == NULL ||
	    (d2 = strchr(d1 + 1, '$')) == NULL)
		return -1;
	*d1 = *d2 = '\0';
	*crit = rule;
	*value = d1 + 1;
	*folder = d2 + 1;
	if (**value == '\0' || !store_folder_valid(*folder))
		return -1;
	return 0;
}

static const char *const sdl_order[] = {
	"precedence", "classification", "sic", "originator"
};

/* sdl_criterion - index of a criterion in the order they are tried */
static int
sdl_criterion(const char *crit)
{
	size_t c;

	for (c = 0; c < sizeof(sdl_order) / sizeof(*sdl_order); c++)
		if (strcasecmp(crit, sdl_order[c]) == 0)
			return (int) c;
	return -1;
}

void
sdl_file(const mmhs_dircache_entry_t *e, const struct mmhs_summary *su,
    const struct sdl_label *lb, const char *envelope_from, char *folder,
    size_t folderlen, char *rule, size_t rulelen)
{
	const mmhs_dircache_attr_t *a = mmhs_dircache_attr(e, "mmhsFilingRule");
	const char *orig = su->su_from != NULL ? su->su_from : envelope_from;
	char *crit, *value, *fold, *copy;
	size_t c, i;

	snprintf(folder, folderlen, "Inbox");
	rule[0] = '\0';
	for (c = 0; a != NULL && c < sizeof(sdl_order) / sizeof(*sdl_order);
	    c++) {
		for (i = 0; i < a->da_nvals; i++) {
			copy = mmhs_strdup(a->da_vals[i]);
			if (sdl_rule_split(copy, &crit, &value, &fold) != 0) {
				if (c == 0)
					mmhs_warn("%s: mmhsFilingRule \"%s\" "
					    "is not criterion$value$folder: "
					    "ignored", e->de_dn,
					    a->da_vals[i]);
			} else if (c == 0 && sdl_criterion(crit) < 0) {
				mmhs_warn("%s: mmhsFilingRule \"%s\": unknown "
				    "criterion: ignored", e->de_dn,
				    a->da_vals[i]);
			} else if (strcasecmp(crit, sdl_order[c]) == 0 &&
			    sdl_rule_matches(sdl_order[c], value, su, lb,
			    orig)) {
				snprintf(folder, folderlen, "%s", fold);
				snprintf(rule, rulelen, "%s", a->da_vals[i]);
				mmhs_free(copy);
				return;
			}
			mmhs_free(copy);
		}
	}
}
