/* test_profiler_rules.c - unit tests of the profiler's rule engine
 *
 * The building blocks (patterns, words, time windows, message types),
 * rule compilation with every kind of value and the refusal of bad ones,
 * rule-set selection, order and evaluation (first match, AND across
 * attributes, OR within one, the default).  The sample organisations'
 * rules are in test_profiler_sample.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmhs_alloc.h"
#include "profiler_rules.h"
#include "profiler_ldif.h"
#include "unit.h"

/* ------------------------------------------------------------------ */
/* Building blocks */

static void
test_pattern(void)
{
	static const struct { const char *p, *s; int want; } c[] = {
		{ "ZOP", "ZOP", 1 }, { "ZOP", "zop", 1 }, { "ZOP", "ZOPA", 0 },
		{ "ZOP", "ZO", 0 }, { "ZI*", "ZIA", 1 }, { "ZI*", "ZI", 1 },
		{ "ZI*", "AZI", 0 }, { "LG?", "LGA", 1 }, { "LG?", "LG", 0 },
		{ "LG?", "LGAB", 0 }, { "*", "", 1 }, { "", "", 1 },
		{ "", "A", 0 }, { "?", "", 0 },
		{ "*@nato.example", "j3@NATO.example", 1 },
		{ "*@nato.example", "j3@nato.example.org", 0 },
		{ "*.testcell@mod.westland.example",
		  "do.testcell@mod.westland.example", 1 },
		{ "*.testcell@mod.westland.example",
		  "anwen.lacey@mod.westland.example", 0 },
		{ "/C=XX/ADMD= /PRMD=NATO/*",
		  "/C=XX/ADMD= /PRMD=NATO/O=JFC/S=SMITH/", 1 },
		{ "/C=XX/ADMD= /PRMD=NATO/*",
		  "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/", 0 },
		{ "a*b*c", "aXbYbZc", 1 }, { "a*b*c", "aXbYcZ", 0 },
		{ "*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0 },
		{ "x?y", "x\xc3\xa9y", 1 },	/* one UTF-8 character */
		{ "x??y", "x\xc3\xa9y", 0 },
	};
	size_t	i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++)
		UNIT_CHECK(prof_pattern_match(c[i].p, c[i].s) == c[i].want,
		    "pattern \"%s\" on \"%s\": want %d", c[i].p, c[i].s,
		    c[i].want);
}

static void
test_words(void)
{
	static const struct { const char *w, *t; int want; } c[] = {
		{ "TEST", "TEST", 1 }, { "TEST", "test of the system", 1 },
		{ "TEST", "Re: Test", 1 }, { "TEST", "TEST-01 results", 1 },
		{ "TEST", "TESTING", 0 }, { "TEST", "CONTEST", 0 },
		{ "TEST", "", 0 }, { "SITREP", "daily sitrep.", 1 },
		{ "CASEVAC", "line one\r\nrequest CASEVAC now\r\n", 1 },
		{ "OP AMBER", "op-amber sentinel", 1 },
		{ "OP AMBER", "OP  AMBER", 1 }, { "OP AMBER", "OP SENTINEL", 0 },
		{ "OP AMBER", "AMBER OP", 0 }, { "OP AMBER", "OP", 0 },
		{ "OP AMBER", "OP OP AMBER", 1 },
		{ "caf\xc3\xa9", "le caf\xc3\xa9 noir", 1 },
		{ "caf", "le caf\xc3\xa9 noir", 0 },
		{ "!!!", "!!!", 0 },
	};
	size_t	i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++)
		UNIT_CHECK(prof_words_match(c[i].w, c[i].t, strlen(c[i].t)) ==
		    c[i].want, "words \"%s\" in \"%s\": want %d", c[i].w,
		    c[i].t, c[i].want);
	/* the length bounds the text: no reading past it */
	UNIT_CHECK(prof_words_match("TEST", "TESTING", 4) == 1,
	    "a word cut by the length ends there");
	UNIT_CHECK(prof_words_match("TEST", "xx TEST", 5) == 0,
	    "a word past the length is not seen");
}

static void
test_window(void)
{
	static const struct { const char *w; int h, m, want; } c[] = {
		{ "08:00-17:00", 8, 0, 1 }, { "08:00-17:00", 16, 59, 1 },
		{ "08:00-17:00", 17, 0, 0 }, { "08:00-17:00", 7, 59, 0 },
		{ "18:00-06:00", 18, 0, 1 }, { "18:00-06:00", 23, 59, 1 },
		{ "18:00-06:00", 0, 0, 1 }, { "18:00-06:00", 5, 59, 1 },
		{ "18:00-06:00", 6, 0, 0 }, { "18:00-06:00", 17, 59, 0 },
		{ "18:00-06:00", 12, 0, 0 }, { "23:59-00:01", 0, 0, 1 },
		{ "00:00-23:59", 23, 59, 0 }, { "00:00-23:59", 0, 0, 1 },
	};
	static const char *const bad[] = {
		"24:00-06:00", "12:60-13:00", "8:00-17:00", "08:00 - 17:00",
		"08:00-17:00 ", "08.00-17.00", "10:00-10:00", "", "08:00",
	};
	struct prof_window w;
	char	err[256];
	size_t	i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		UNIT_CHECK(prof_window_parse(c[i].w, &w, err, sizeof(err)) == 0,
		    "window \"%s\" refused: %s", c[i].w, err);
		UNIT_CHECK(prof_window_holds(&w, T_AT(c[i].h, c[i].m)) ==
		    c[i].want, "window %s at %02d:%02d: want %d", c[i].w,
		    c[i].h, c[i].m, c[i].want);
		/* the date does not matter, only the time of day */
		UNIT_CHECK(prof_window_holds(&w, T_AT(c[i].h, c[i].m) +
		    86400L * 365) == c[i].want, "window %s a year later",
		    c[i].w);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err[0] = '\0';
		UNIT_CHECK(prof_window_parse(bad[i], &w, err, sizeof(err)) < 0 &&
		    strstr(err, "mmhsMatchTime") != NULL,
		    "window \"%s\" accepted (or no reason: %s)", bad[i], err);
	}
}

static void
test_type(void)
{
	UNIT_CHECK(prof_type_parse("exercise") == 0, "exercise");
	UNIT_CHECK(prof_type_parse("Operation") == 1, "operation");
	UNIT_CHECK(prof_type_parse("PROJECT") == 2, "project");
	UNIT_CHECK(prof_type_parse("drill") == 3, "drill");
	UNIT_CHECK(prof_type_parse("17") == 17, "national 17");
	UNIT_CHECK(prof_type_parse("255") == 255, "255");
	UNIT_CHECK(prof_type_parse("256") == -1, "256");
	UNIT_CHECK(prof_type_parse("drills") == -1, "drills");
	UNIT_CHECK(prof_type_parse("") == -1, "empty");
	UNIT_CHECK(prof_type_parse("-1") == -1, "-1");
	UNIT_CHECK(prof_name_eq("TOP SECRET", " top  secret ") == 1, "name eq");
	UNIT_CHECK(prof_name_eq("TOP SECRET", "TOPSECRET") == 0, "name ne");
	UNIT_CHECK(prof_name_eq("peace", "peace2") == 0, "prefix is not eq");
}

/* ------------------------------------------------------------------ */
/* Compiling rules */

static void
test_compile_kinds(void)
{
	mmhs_dircache_entry_t *e = t_entry("dn: cn=r," TC_ORG "\n"
	    "objectClass: mmhsProfileRule\ncn: r\nmmhsRuleSet: peace\n"
	    "mmhsRuleOrder: -5\nmmhsMatchSIC: ZOP\nmmhsMatchSIC: ZI*\n"
	    "mmhsMatchSubject: SITREP\nmmhsMatchText: CASEVAC\n"
	    "mmhsMatchOriginator: *@nato.example\n"
	    "mmhsMatchMessageType: drill\nmmhsMatchMessageType: 17\n"
	    "mmhsMatchPrecedence: FLASH\nmmhsMatchPrecedence: override\n"
	    "mmhsMatchClassification: TOP SECRET\n"
	    "mmhsMatchTime: 18:00-06:00\nmmhsMatchTime: 12:00-13:00\n"
	    "mmhsActionRecipient: cn=A," TC_ORG "\n"
	    "mmhsInfoRecipient: cn=B," TC_ORG "\n"
	    "mmhsInfoRecipient: cn=C," TC_ORG "\n"
	    "description: a long description is not a match value "
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	    "\n");
	struct prof_rule r;
	char	err[PROF_ERR_LEN] = "";
	int	rc;

	rc = prof_rule_compile(&r, e, err, sizeof(err));
	UNIT_CHECK(rc == 0, "compile: %s", err);
	if (rc == 0) {
		UNIT_CHECK(r.pr_has_order && r.pr_order == -5, "order %ld",
		    r.pr_order);
		UNIT_CHECK(r.pr_sic.pl_n == 2 && r.pr_subject.pl_n == 1 &&
		    r.pr_text.pl_n == 1 && r.pr_orig.pl_n == 1 &&
		    r.pr_class.pl_n == 1 && r.pr_nwin == 2 &&
		    r.pr_action.pl_n == 1 && r.pr_info.pl_n == 2,
		    "value counts");
		UNIT_CHECK(r.pr_has_prec && r.pr_prec == ((1u <<
		    MMHS_PREC_FLASH) | (1u << MMHS_PREC_OVERRIDE)), "prec");
		UNIT_CHECK(r.pr_has_type && r.pr_type[0] == 0x08 &&
		    r.pr_type[2] == 0x02, "types drill and 17");
		UNIT_CHECK(strcmp(r.pr_dn, "cn=r," TC_ORG) == 0, "dn");
		prof_rule_free(&r);
	}
	mmhs_dircache_entry_free(e);
}

static void
test_compile_bad(void)
{
	static const struct { const char *line, *why; } c[] = {
		{ "mmhsMatchPrecedence: urgent", "mmhsMatchPrecedence" },
		{ "mmhsMatchMessageType: war", "mmhsMatchMessageType" },
		{ "mmhsMatchTime: 25:00-01:00", "mmhsMatchTime" },
		{ "mmhsMatchTime: 10:00-10:00", "empty window" },
		{ "mmhsMatchSubject: !!!", "no word" },
		{ "mmhsMatchText: --", "no word" },
		{ "mmhsRuleOrder: ten", "mmhsRuleOrder" },
		{ "mmhsMatchSIC: ", "empty" },
		{ "mmhsMatchColour: red", "does not know" },
	};
	mmhs_dircache_entry_t *e;
	struct prof_rule r;
	char	text[256], err[PROF_ERR_LEN];
	size_t	i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		snprintf(text, sizeof(text), "dn: cn=bad,%s\nmmhsRuleSet: "
		    "peace\nmmhsMatchSIC: ZOP\n%s\n", TC_ORG, c[i].line);
		e = t_entry(text);
		err[0] = '\0';
		UNIT_CHECK(prof_rule_compile(&r, e, err, sizeof(err)) < 0 &&
		    strstr(err, c[i].why) != NULL, "\"%s\": want a refusal "
		    "saying \"%s\", got \"%s\"", c[i].line, c[i].why, err);
		UNIT_CHECK(r.pr_dn == NULL && r.pr_sic.pl_n == 0,
		    "a refused rule is left empty");
		mmhs_dircache_entry_free(e);
	}
	/* a value with a NUL byte inside */
	e = t_entry("dn: cn=nul," TC_ORG "\nmmhsRuleSet: peace\n");
	t_attr_add(e, "mmhsMatchSIC", "ZO\0P", 4);
	UNIT_CHECK(prof_rule_compile(&r, e, err, sizeof(err)) < 0 &&
	    strstr(err, "NUL") != NULL, "NUL in a value: %s", err);
	mmhs_dircache_entry_free(e);
}

/* ------------------------------------------------------------------ */
/* Rule sets: selection, order, skipped rules, evaluation */

static const char *const t_set_rules[] = {
	"dn: cn=z-noorder," TC_ORG "\nmmhsRuleSet: peace\n"
	    "mmhsActionRecipient: cn=Last," TC_ORG "\n",
	"dn: cn=b-20," TC_ORG "\nmmhsRuleSet: Peace \nmmhsRuleOrder: 20\n"
	    "mmhsMatchSIC: ZOP\nmmhsActionRecipient: cn=B20," TC_ORG "\n",
	"dn: cn=a-20," TC_ORG "\nmmhsRuleSet: peace\nmmhsRuleOrder: 20\n"
	    "mmhsMatchSIC: ZOP\nmmhsActionRecipient: cn=A20," TC_ORG "\n",
	"dn: cn=c-10," TC_ORG "\nmmhsRuleSet: peace\nmmhsRuleOrder: 10\n"
	    "mmhsMatchSIC: ZOP\nmmhsMatchPrecedence: flash\n"
	    "mmhsActionRecipient: cn=C10," TC_ORG "\n",
	"dn: cn=x-bad," TC_ORG "\nmmhsRuleSet: peace\nmmhsRuleOrder: 1\n"
	    "mmhsMatchPrecedence: urgent\n",
	"dn: cn=ex-1," TC_ORG "\nmmhsRuleSet: exercise\nmmhsRuleOrder: 1\n"
	    "mmhsActionRecipient: cn=Ex," TC_ORG "\n",
};

/* t_build - the set above with the active set name */
static void
t_build(struct prof_set *ps, const char *active)
{
	mmhs_dircache_entry_t *org, *r[sizeof(t_set_rules) /
	    sizeof(t_set_rules[0])];
	char	text[256];
	size_t	i, n = sizeof(r) / sizeof(r[0]);

	snprintf(text, sizeof(text), "dn: %s\nmmhsDefaultRole: cn=Duty "
	    "Officer,%s\n%s%s\n", TC_ORG, TC_ORG, active ?
	    "mmhsActiveRuleSet: " : "", active ? active : "");
	org = t_entry(text);
	for (i = 0; i < n; i++)
		r[i] = t_entry(t_set_rules[i]);
	prof_set_build(ps, org, (const mmhs_dircache_entry_t *const *) r, n);
	for (i = 0; i < n; i++)
		mmhs_dircache_entry_free(r[i]);
	mmhs_dircache_entry_free(org);
}

static void
test_set_order(void)
{
	static const char *const want[] = {
		"cn=c-10,", "cn=a-20,", "cn=b-20,", "cn=z-noorder,"
	};
	struct prof_set ps;
	size_t	i;

	t_build(&ps, "PEACE");
	UNIT_CHECK(ps.ps_n == 4, "4 rules of set peace, got %zu", ps.ps_n);
	for (i = 0; i < ps.ps_n && i < 4; i++)
		UNIT_CHECK(strncmp(ps.ps_rules[i].pr_dn, want[i],
		    strlen(want[i])) == 0, "rule %zu is %s, want %s", i,
		    ps.ps_rules[i].pr_dn, want[i]);
	UNIT_CHECK(ps.ps_skipped.pl_n == 1 && strstr(ps.ps_skipped.pl_v[0],
	    "cn=x-bad") != NULL && strstr(ps.ps_skipped.pl_v[0],
	    "urgent") != NULL, "the bad rule is skipped with its reason");
	UNIT_CHECK(ps.ps_default != NULL && strncmp(ps.ps_default,
	    "cn=Duty Officer,", 16) == 0, "default role");
	prof_set_free(&ps);

	t_build(&ps, "exercise");
	UNIT_CHECK(ps.ps_n == 1 && ps.ps_skipped.pl_n == 0,
	    "set exercise: 1 rule, none skipped");
	prof_set_free(&ps);
	t_build(&ps, "operations");
	UNIT_CHECK(ps.ps_n == 0, "a set without rules");
	prof_set_free(&ps);
	t_build(&ps, NULL);
	UNIT_CHECK(ps.ps_n == 0 && ps.ps_name == NULL,
	    "no active set: no rules");
	prof_set_free(&ps);
}

static void
test_set_eval(void)
{
	const char *zop[] = { "ZOP" }, *zxy[] = { "ZXY" };
	struct prof_msg m;
	struct prof_set ps;
	const struct prof_rule *r;

	memset(&m, 0, sizeof(m));
	m.pm_type = PROF_NO_TYPE;
	m.pm_prec = MMHS_PREC_FLASH;
	m.pm_sic = zop;
	m.pm_nsic = 1;
	t_build(&ps, "peace");
	r = prof_set_eval(&ps, &m, T_AT(12, 0));
	UNIT_CHECK(r && strncmp(r->pr_dn, "cn=c-10,", 8) == 0,
	    "flash ZOP: the lowest order wins (AND holds)");
	m.pm_prec = MMHS_PREC_ROUTINE;
	r = prof_set_eval(&ps, &m, T_AT(12, 0));
	UNIT_CHECK(r && strncmp(r->pr_dn, "cn=a-20,", 8) == 0,
	    "routine ZOP: one condition of c-10 fails; a-20 before b-20");
	m.pm_sic = zxy;
	r = prof_set_eval(&ps, &m, T_AT(12, 0));
	UNIT_CHECK(r && strncmp(r->pr_dn, "cn=z-noorder,", 13) == 0,
	    "a rule without match attributes matches everything");
	prof_set_free(&ps);
	t_build(&ps, "operations");
	UNIT_CHECK(prof_set_eval(&ps, &m, T_AT(12, 0)) == NULL,
	    "no rule: NULL (the default role)");
	prof_set_free(&ps);
}

/* A message for the sample's rules. */
static const struct unit_test blocks[] = {
	{ "patterns", test_pattern },
	{ "words", test_words },
	{ "time windows", test_window },
	{ "message types and names", test_type },
};
static const struct unit_test rules[] = {
	{ "compile every kind", test_compile_kinds },
	{ "refuse bad values", test_compile_bad },
	{ "set selection and order", test_set_order },
	{ "set evaluation", test_set_eval },
};
static const struct unit_suite suites[] = {
	UNIT_SUITE("profiler building blocks", blocks),
	UNIT_SUITE("profiler rules", rules),
};

int
main(void)
{
	return unit_main(suites, sizeof(suites) / sizeof(suites[0]));
}
