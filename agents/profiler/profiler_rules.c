/* profiler_rules.c - compile an organisation's rule set and try it
 *
 * Contract in profiler_rules.h.  A rule is compiled from its directory
 * entry value by value; the first value that does not parse makes the
 * whole rule fail with a reason naming the attribute and the value.
 * The checks are those of the acp133 overlay (which refuses such values
 * at the directory already) plus the ones it has no grammar for: a
 * message type must be a known name or 0..255, a subject or text phrase
 * must have a word in it, a value must not be empty or longer than
 * PROF_VALUE_MAX.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mmhs_alloc.h"
#include "mmhs_ascii.h"
#include "mmhs_text.h"
#include "profiler_rules.h"

/* prof_list_add - append a copy of v */
void
prof_list_add(struct prof_list *l, const char *v)
{
	l->pl_v = mmhs_realloc(l->pl_v, (l->pl_n + 1) * sizeof(char *));
	l->pl_v[l->pl_n++] = mmhs_strdup(v);
}

/* prof_list_free - the strings and the array */
void
prof_list_free(struct prof_list *l)
{
	size_t	i;

	for (i = 0; i < l->pl_n; i++)
		mmhs_free(l->pl_v[i]);
	mmhs_free(l->pl_v);
	l->pl_v = NULL;
	l->pl_n = 0;
}

/* prof_has_word - at least one letter or digit (or non-ASCII byte) */
static int
prof_has_word(const char *v)
{
	for (; *v != '\0'; v++)
		if (mmhs_ascii_is_alpha((unsigned char) *v) ||
		    mmhs_ascii_is_digit((unsigned char) *v) ||
		    (unsigned char) *v >= 0x80)
			return 1;
	return 0;
}

/* prof_order - mmhsRuleOrder as a number */
static int
prof_order(struct prof_rule *pr, const char *v, char *err, size_t errlen)
{
	char   *end;

	errno = 0;
	pr->pr_order = strtol(v, &end, 10);
	if (*end != '\0' || errno != 0)
		return mmhs_text_error(err, errlen, "mmhsRuleOrder \"%s\": "
		    "not an integer", v);
	pr->pr_has_order = 1;
	return 0;
}

/* prof_value - one value of one match or recipient attribute */
static int
prof_value(struct prof_rule *pr, const char *name, const char *v, char *err,
	size_t errlen)
{
	enum mmhs_precedence p;
	struct prof_window w;
	int	t;

	if (strncasecmp(name, "mmhsMatch", 9) != 0 &&
	    strcasecmp(name, "mmhsActionRecipient") != 0 &&
	    strcasecmp(name, "mmhsInfoRecipient") != 0 &&
	    strcasecmp(name, "mmhsRuleOrder") != 0)
		return 0;		/* cn, description, ...: not ours */
	if (*v == '\0' || strlen(v) > PROF_VALUE_MAX)
		return mmhs_text_error(err, errlen, "%s: empty value or longer "
		    "than %d bytes", name, PROF_VALUE_MAX);
	if (strcasecmp(name, "mmhsMatchSIC") == 0)
		prof_list_add(&pr->pr_sic, v);
	else if (strcasecmp(name, "mmhsMatchSubject") == 0 ||
	    strcasecmp(name, "mmhsMatchText") == 0) {
		if (!prof_has_word(v))
			return mmhs_text_error(err, errlen, "%s \"%s\": no word "
			    "in it", name, v);
		prof_list_add(strcasecmp(name, "mmhsMatchText") == 0 ?
		    &pr->pr_text : &pr->pr_subject, v);
	} else if (strcasecmp(name, "mmhsMatchOriginator") == 0)
		prof_list_add(&pr->pr_orig, v);
	else if (strcasecmp(name, "mmhsMatchClassification") == 0)
		prof_list_add(&pr->pr_class, v);
	else if (strcasecmp(name, "mmhsMatchPrecedence") == 0) {
		if (mmhs_precedence_from_name(v, &p) < 0)
			return mmhs_text_error(err, errlen, "mmhsMatchPrecedence "
			    "\"%s\": not a precedence name", v);
		pr->pr_has_prec = 1;
		pr->pr_prec |= 1u << p;
	} else if (strcasecmp(name, "mmhsMatchMessageType") == 0) {
		if ((t = prof_type_parse(v)) < 0)
			return mmhs_text_error(err, errlen, "mmhsMatchMessageType "
			    "\"%s\": not exercise, operation, project, drill "
			    "or 0..255", v);
		pr->pr_has_type = 1;
		pr->pr_type[t / 8] |= (unsigned char) (1u << (t % 8));
	} else if (strcasecmp(name, "mmhsMatchTime") == 0) {
		if (prof_window_parse(v, &w, err, errlen) < 0)
			return -1;
		pr->pr_win = mmhs_realloc(pr->pr_win,
		    (pr->pr_nwin + 1) * sizeof(w));
		pr->pr_win[pr->pr_nwin++] = w;
	} else if (strcasecmp(name, "mmhsActionRecipient") == 0)
		prof_list_add(&pr->pr_action, v);
	else if (strcasecmp(name, "mmhsInfoRecipient") == 0)
		prof_list_add(&pr->pr_info, v);
	else if (strcasecmp(name, "mmhsRuleOrder") == 0)
		return prof_order(pr, v, err, errlen);
	else
		return mmhs_text_error(err, errlen, "%s: a match attribute "
		    "this profiler does not know", name);
	return 0;
}

/* prof_rule_compile - one rule from its entry */
int
prof_rule_compile(struct prof_rule *pr, const mmhs_dircache_entry_t *e,
	char *err, size_t errlen)
{
	const mmhs_dircache_attr_t *a;
	size_t	i, j;

	memset(pr, 0, sizeof(*pr));
	for (i = 0; i < e->de_nattrs; i++) {
		a = &e->de_attrs[i];
		for (j = 0; j < a->da_nvals; j++)
			if (strlen(a->da_vals[j]) != a->da_lens[j]) {
				prof_rule_free(pr);
				return mmhs_text_error(err, errlen, "%s: a value "
				    "with a NUL byte", a->da_name);
			} else if (prof_value(pr, a->da_name, a->da_vals[j],
			    err, errlen) < 0) {
				prof_rule_free(pr);
				return -1;
			}
	}
	pr->pr_dn = mmhs_strdup(e->de_dn);
	return 0;
}

/* prof_rule_free - what compile allocated */
void
prof_rule_free(struct prof_rule *pr)
{
	mmhs_free(pr->pr_dn);
	prof_list_free(&pr->pr_sic);
	prof_list_free(&pr->pr_subject);
	prof_list_free(&pr->pr_text);
	prof_list_free(&pr->pr_orig);
	prof_list_free(&pr->pr_class);
	prof_list_free(&pr->pr_action);
	prof_list_free(&pr->pr_info);
	mmhs_free(pr->pr_win);
	memset(pr, 0, sizeof(*pr));
}

/* prof_rule_cmp - ascending order, absent last, then by DN */
static int
prof_rule_cmp(const void *va, const void *vb)
{
	const struct prof_rule *a = va, *b = vb;

	if (a->pr_has_order != b->pr_has_order)
		return a->pr_has_order ? -1 : 1;
	if (a->pr_order != b->pr_order)
		return a->pr_order < b->pr_order ? -1 : 1;
	return strcasecmp(a->pr_dn, b->pr_dn);
}

/* prof_set_skip - note a rule left out */
static void
prof_set_skip(struct prof_set *ps, const char *dn, const char *why)
{
	size_t	n = strlen(dn) + strlen(why) + 3;
	char   *s = mmhs_malloc(n);

	snprintf(s, n, "%s: %s", dn, why);
	prof_list_add(&ps->ps_skipped, s);
	mmhs_free(s);
}

/* prof_set_init - an empty set for organisation org */
void
prof_set_init(struct prof_set *ps, const mmhs_dircache_entry_t *org)
{
	const char *v;

	memset(ps, 0, sizeof(*ps));
	ps->ps_org = mmhs_strdup(org->de_dn);
	if ((v = mmhs_dircache_value(org, "mmhsActiveRuleSet")) != NULL)
		ps->ps_name = mmhs_strdup(v);
	if ((v = mmhs_dircache_value(org, "mmhsDefaultRole")) != NULL)
		ps->ps_default = mmhs_strdup(v);
}

/* prof_set_add - one rule entry of the organisation (any rule set) */
void
prof_set_add(struct prof_set *ps, const mmhs_dircache_entry_t *rule)
{
	const char *v = mmhs_dircache_value(rule, "mmhsRuleSet");
	char	err[PROF_ERR_LEN];

	if (ps->ps_name == NULL || v == NULL || !prof_name_eq(v, ps->ps_name))
		return;
	if (ps->ps_n == ps->ps_cap) {
		ps->ps_cap = ps->ps_cap ? 2 * ps->ps_cap : 16;
		ps->ps_rules = mmhs_realloc(ps->ps_rules,
		    ps->ps_cap * sizeof(struct prof_rule));
	}
	if (prof_rule_compile(&ps->ps_rules[ps->ps_n], rule, err,
	    sizeof(err)) < 0)
		prof_set_skip(ps, rule->de_dn, err);
	else
		ps->ps_n++;
}

/* prof_set_done - put the rules in the order they are tried */
void
prof_set_done(struct prof_set *ps)
{
	if (ps->ps_n > 1)
		qsort(ps->ps_rules, ps->ps_n, sizeof(struct prof_rule),
		    prof_rule_cmp);
}

/* prof_set_build - the three above over an array of rule entries */
void
prof_set_build(struct prof_set *ps, const mmhs_dircache_entry_t *org,
	const mmhs_dircache_entry_t *const *rules, size_t nrules)
{
	size_t	i;

	prof_set_init(ps, org);
	for (i = 0; i < nrules; i++)
		prof_set_add(ps, rules[i]);
	prof_set_done(ps);
}

/* prof_set_free - everything build made */
void
prof_set_free(struct prof_set *ps)
{
	size_t	i;

	for (i = 0; i < ps->ps_n; i++)
		prof_rule_free(&ps->ps_rules[i]);
	mmhs_free(ps->ps_rules);
	mmhs_free(ps->ps_org);
	mmhs_free(ps->ps_name);
	mmhs_free(ps->ps_default);
	prof_list_free(&ps->ps_skipped);
	memset(ps, 0, sizeof(*ps));
}

/* prof_any_pattern - some pattern of l matches some string of v */
static int
prof_any_pattern(const struct prof_list *l, const char *const *v, size_t n)
{
	size_t	i, j;

	for (i = 0; i < l->pl_n; i++)
		for (j = 0; j < n; j++)
			if (v[j] != NULL && prof_pattern_match(l->pl_v[i], v[j]))
				return 1;
	return 0;
}

/* prof_any_words - some phrase of l is in text */
static int
prof_any_words(const struct prof_list *l, const char *text, size_t len)
{
	size_t	i;

	if (text == NULL)
		return 0;
	for (i = 0; i < l->pl_n; i++)
		if (prof_words_match(l->pl_v[i], text, len))
			return 1;
	return 0;
}

/* prof_any_name - some name of l equals name */
static int
prof_any_name(const struct prof_list *l, const char *name)
{
	size_t	i;

	if (name == NULL)
		return 0;
	for (i = 0; i < l->pl_n; i++)
		if (prof_name_eq(l->pl_v[i], name))
			return 1;
	return 0;
}

/* prof_any_window - now is in some window of the rule */
static int
prof_any_window(const struct prof_rule *pr, time_t now)
{
	size_t	i;

	for (i = 0; i < pr->pr_nwin; i++)
		if (prof_window_holds(&pr->pr_win[i], now))
			return 1;
	return 0;
}

/* prof_rule_match - every condition the rule has holds */
int
prof_rule_match(const struct prof_rule *pr, const struct prof_msg *m,
	time_t now)
{
	if (pr->pr_sic.pl_n > 0 &&
	    !prof_any_pattern(&pr->pr_sic, m->pm_sic, m->pm_nsic))
		return 0;
	if (pr->pr_subject.pl_n > 0 && !prof_any_words(&pr->pr_subject,
	    m->pm_subject, m->pm_subject ? strlen(m->pm_subject) : 0))
		return 0;
	if (pr->pr_text.pl_n > 0 &&
	    !prof_any_words(&pr->pr_text, m->pm_text, m->pm_text_len))
		return 0;
	if (pr->pr_orig.pl_n > 0 &&
	    !prof_any_pattern(&pr->pr_orig, m->pm_orig, m->pm_norig))
		return 0;
	if (pr->pr_class.pl_n > 0 && !prof_any_name(&pr->pr_class, m->pm_class))
		return 0;
	if (pr->pr_has_prec && (!mmhs_precedence_valid((int) m->pm_prec) ||
	    !(pr->pr_prec & (1u << m->pm_prec))))
		return 0;
	if (pr->pr_has_type && (m->pm_type < 0 || m->pm_type > 255 ||
	    !(pr->pr_type[m->pm_type / 8] & (1u << (m->pm_type % 8)))))
		return 0;
	if (pr->pr_nwin > 0 && !prof_any_window(pr, now))
		return 0;
	return 1;
}

/* prof_set_eval - the rule that decides, NULL for the default role */
const struct prof_rule *
prof_set_eval(const struct prof_set *ps, const struct prof_msg *m,
	time_t now)
{
	size_t	i;

	for (i = 0; i < ps->ps_n; i++)
		if (prof_rule_match(&ps->ps_rules[i], m, now))
			return &ps->ps_rules[i];
	return NULL;
}
