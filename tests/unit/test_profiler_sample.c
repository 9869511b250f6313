/* test_profiler_sample.c - the sample organisations' rules, evaluated
 *
 * The profiling rules of ldif/30-jfhq.ldif (two rule sets, every kind of
 * match attribute) and ldif/37-testcell.ldif, as the profiler compiles
 * them, tried with messages that each rule, and no rule, should decide;
 * the same messages again after the active rule set is switched.  The
 * tests follow the sample: a changed sample rule fails them.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "profiler_rules.h"
#include "profiler_ldif.h"
#include "unit.h"

static void
t_msg(struct prof_msg *m)
{
	memset(m, 0, sizeof(*m));
	m->pm_type = PROF_NO_TYPE;
	m->pm_prec = MMHS_PREC_ROUTINE;
}

/* t_expect - the rule that decides is cn=want (NULL: none) */
static void
t_expect(const struct prof_set *ps, const struct prof_msg *m, time_t now,
	const char *want, const char *what)
{
	const struct prof_rule *r = prof_set_eval(ps, m, now);
	char	dn[256];

	if (want == NULL) {
		UNIT_CHECK(r == NULL, "%s: want the default role, got %s",
		    what, r ? r->pr_dn : "");
		return;
	}
	snprintf(dn, sizeof(dn), "cn=%s,", want);
	UNIT_CHECK(r != NULL && strncasecmp(r->pr_dn, dn, strlen(dn)) == 0,
	    "%s: want %s, got %s", what, want, r ? r->pr_dn : "(default)");
}

static void
test_sample_jfhq(void)
{
	const char *zop[] = { "ZOP" }, *zia[] = { "ZXX", "ZIA" },
	    *lga[] = { "LGA" }, *lgab[] = { "LGAB" };
	const char *nato[] = { "J3@nato.example" },
	    *natoor[] = { "x@gw.example", "/C=XX/ADMD= /PRMD=NATO/O=JFC/S=SMITH/" },
	    *notnato[] = { "x@nato.example.org" };
	const char *text = "line one\r\nrequest CASEVAC at grid 123\r\n";
	struct t_ldif l;
	struct prof_set ps;
	struct prof_msg m;
	time_t	noon = T_AT(12, 0);

	if (t_ldif_read("30-jfhq.ldif", &l) < 0) {
		UNIT_CHECK(0, "cannot read ldif/30-jfhq.ldif (set srcdir)");
		return;
	}
	t_ldif_set(&ps, &l, JF_ORG, NULL);
	UNIT_CHECK(ps.ps_n == 11 && ps.ps_skipped.pl_n == 0,
	    "peace: 11 rules, got %zu (%zu skipped)", ps.ps_n,
	    ps.ps_skipped.pl_n);
	t_msg(&m);
	t_expect(&ps, &m, noon, NULL, "nothing special");
	m.pm_sic = zop; m.pm_nsic = 1;
	m.pm_subject = "SITREP 42";
	t_expect(&ps, &m, noon, "peace-010-sic-ops", "SIC exact, before 040");
	m.pm_sic = zia; m.pm_nsic = 2;
	t_expect(&ps, &m, noon, "peace-020-sic-intel", "SIC pattern ZI*");
	m.pm_sic = lga; m.pm_nsic = 1;
	t_expect(&ps, &m, noon, "peace-030-sic-log", "SIC pattern LG?");
	m.pm_sic = lgab;
	t_expect(&ps, &m, noon, "peace-040-subject-sitrep", "LGAB is no LG?");
	m.pm_nsic = 0;
	m.pm_subject = "daily sitreps";
	t_expect(&ps, &m, noon, NULL, "SITREPS is not the word SITREP");
	m.pm_subject = "Intrep 7";
	t_expect(&ps, &m, noon, "peace-050-subject-intsum",
	    "second value of mmhsMatchSubject");
	m.pm_subject = "status";
	m.pm_text = text;
	m.pm_text_len = strlen(text);
	t_expect(&ps, &m, noon, "peace-060-text-casevac", "word in the text");
	m.pm_text_len = 10;
	t_expect(&ps, &m, noon, NULL, "the word is past the text kept");
	m.pm_text = NULL;
	m.pm_orig = nato; m.pm_norig = 1;
	t_expect(&ps, &m, noon, "peace-070-originator-nato",
	    "originator pattern, RFC 5322");
	m.pm_orig = natoor; m.pm_norig = 2;
	t_expect(&ps, &m, noon, "peace-070-originator-nato",
	    "originator pattern, std-or");
	m.pm_orig = notnato; m.pm_norig = 1;
	t_expect(&ps, &m, noon, NULL, "not NATO");
	m.pm_class = "top secret";
	t_expect(&ps, &m, noon, "peace-080-classification-ts",
	    "classification, case ignored");
	m.pm_class = "SECRET";
	t_expect(&ps, &m, noon, NULL, "SECRET is not TOP SECRET");
	m.pm_type = 3;
	t_expect(&ps, &m, noon, "peace-090-type-drill", "message type drill");
	m.pm_type = 0;
	t_expect(&ps, &m, noon, NULL, "message type exercise, set peace");
	m.pm_prec = MMHS_PREC_OVERRIDE;
	t_expect(&ps, &m, noon, "peace-100-flash", "override");
	m.pm_prec = MMHS_PREC_IMMEDIATE;
	t_expect(&ps, &m, noon, NULL, "immediate at noon");
	t_expect(&ps, &m, T_AT(23, 30), "peace-110-night-immediate",
	    "immediate at 23:30");
	t_expect(&ps, &m, T_AT(5, 59), "peace-110-night-immediate",
	    "immediate at 05:59");
	t_expect(&ps, &m, T_AT(6, 0), NULL, "immediate at 06:00");
	prof_set_free(&ps);

	/* the same message under the exercise set (one attribute changed) */
	t_ldif_set(&ps, &l, JF_ORG, "exercise");
	UNIT_CHECK(ps.ps_n == 3, "exercise: 3 rules, got %zu", ps.ps_n);
	t_expect(&ps, &m, T_AT(23, 30), "exercise-010-type",
	    "exercise set: type exercise");
	m.pm_type = PROF_NO_TYPE;
	m.pm_sic = zop; m.pm_nsic = 1;
	t_expect(&ps, &m, T_AT(23, 30), "exercise-030-sic-ops",
	    "exercise set: ZOP");
	prof_set_free(&ps);
	t_ldif_free(&l);
}

static void
test_sample_testcell(void)
{
	const char *dofrom[] = { "do.testcell@mod.westland.example" },
	    *anwen[] = { "anwen.lacey@mod.westland.example" };
	struct t_ldif l;
	struct prof_set ps;
	struct prof_msg m;
	const struct prof_rule *r;

	if (t_ldif_read("37-testcell.ldif", &l) < 0) {
		UNIT_CHECK(0, "cannot read ldif/37-testcell.ldif (set srcdir)");
		return;
	}
	t_ldif_set(&ps, &l, TC_ORG, NULL);
	UNIT_CHECK(ps.ps_n == 2 && ps.ps_default != NULL &&
	    strcasecmp(ps.ps_default, "cn=Duty Officer," TC_ORG) == 0,
	    "test cell: 2 rules and the duty officer as default");
	t_msg(&m);
	m.pm_subject = "Test message 1";
	m.pm_orig = dofrom; m.pm_norig = 1;
	t_expect(&ps, &m, T_AT(12, 0), "peace-010-subject-test",
	    "first matching rule wins");
	m.pm_subject = "Routine admin";
	r = prof_set_eval(&ps, &m, T_AT(12, 0));
	UNIT_CHECK(r != NULL && r->pr_action.pl_n == 1 &&
	    r->pr_info.pl_n == 1 && strncasecmp(r->pr_action.pl_v[0],
	    "cn=Operations Officer,", 22) == 0 &&
	    strncasecmp(r->pr_info.pl_v[0], "cn=Duty Officer,", 16) == 0,
	    "originator rule: ops for action, duty officer for info");
	m.pm_orig = anwen;
	t_expect(&ps, &m, T_AT(12, 0), NULL, "a person: default role");
	prof_set_free(&ps);
	t_ldif_free(&l);
}

static const struct unit_test sample_tests[] = {
	{ "sample JFHQ rules", test_sample_jfhq },
	{ "sample Test Cell rules", test_sample_testcell },
};
static const struct unit_suite suites[] = {
	UNIT_SUITE("profiler sample rules", sample_tests),
};

int
main(void)
{
	return unit_main(suites, sizeof(suites) / sizeof(suites[0]));
}
