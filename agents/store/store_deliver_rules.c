/* store_deliver_rules.c - the filing rules of the store, read live
 * from the mailbox's directory entry (the label check is in
 * store_deliver_sec.c)
 *
 * mmhsFilingRule values "criterion$value$folder"
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
