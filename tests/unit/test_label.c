/* test_label.c - CUnit tests for mmhs_label (policies, clearances, dominance)
 *
 * Purpose: pin down the parsers of the security policy values, the
 * policy builder's uniqueness rules, clearance checking and, above all,
 * mmhs_label_dominates(), with tables: each row is an input and the
 * expected outcome (and, for refusals, a part of the message).
 *
 * Interface: run without arguments; CUnit prints every test (verbose
 * mode) and a Run Summary.
 *
 * Error behaviour: exits 1 when any assertion fails or CUnit reports an
 * error, so "make check" fails.  A failed table row names its input.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "unit.h"

#include "mmhs_label.h"

#define POL	"2.25.59028202126315117165413111612054445617.6.1"
#define NATO	"2.25.59028202126315117165413111612054445617.6.2"

/* One parser row: input, 0 or -1, text the message must contain. */
struct prow {
	const char *in;
	int	rc;
	const char *msg;
};

static const struct prow class_rows[] = {
	{ "0$UNMARKED", 0, NULL },
	{ "5$TOP SECRET$WESTLAND TOP SECRET", 0, NULL },
	{ " 3 $ CONFIDENTIAL ", 0, NULL },
	{ "255$MAX", 0, NULL },
	{ "256$TOO HIGH", -1, "not a number from 0 to 255" },
	{ "-1$NEG", -1, "not a number" },
	{ "03$LEADING", -1, "not a number" },
	{ "x$NAME", -1, "not a number" },
	{ "3", -1, "expected level$NAME" },
	{ "3$", -1, "field 2 is empty" },
	{ "$SECRET", -1, "field 1 is empty" },
	{ "3$A$B$C", -1, "more than 3 fields" },
	{ "", -1, "empty value" },
	{ "3$NAME$", -1, "field 3 is empty" },
	{ "3$" "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
	    -1, "longer than 64" },
	{ "3$SECR\tET", -1, "not printable ASCII" },
};

static const struct prow cat_rows[] = {
	{ "REL NATO$permissive$" POL ".1$REL TO NATO", 0, NULL },
	{ "CRYPTO$RESTRICTIVE$" POL ".4", 0, NULL },
	{ "EXERCISE$informative$1.2.3", 0, NULL },
	{ "X$secret$1.2", -1, "not restrictive, permissive or informative" },
	{ "X$permissive$1", -1, "not a dotted-decimal OID" },
	{ "X$permissive$1..2", -1, "not a dotted-decimal OID" },
	{ "X$permissive$3.2", -1, "not a dotted-decimal OID" },
	{ "X$permissive$1.02", -1, "not a dotted-decimal OID" },
	{ "X$permissive$1.2.", -1, "not a dotted-decimal OID" },
	{ "X$permissive", -1, "expected NAME$kind$OID" },
	{ "X$permissive$1.2$M$extra", -1, "more than 4 fields" },
};

static const struct prow equiv_rows[] = {
	{ "SECRET$" NATO "$4", 0, NULL },
	{ "SECRET$" NATO, -1, "expected NAME$partner policy OID" },
	{ "SECRET$notanoid$4", -1, "not a dotted-decimal OID" },
	{ "SECRET$" NATO "$four", -1, "not a number" },
};

static const struct prow clear_rows[] = {
	{ POL "$SECRET", 0, NULL },
	{ POL "$TOP SECRET$WESTLAND EYES ONLY$REL NATO", 0, NULL },
	{ POL " $ SECRET $ CRYPTO", 0, NULL },
	{ POL, -1, "expected policy OID$CLASSIFICATION" },
	{ "SECRET$" POL, -1, "not a dotted-decimal OID" },
	{ POL "$SECRET$CRYPTO$crypto", -1, "named twice" },
	{ POL "$SECRET$$CRYPTO", -1, "field 3 is empty" },
};

/* run_prow - run one parser table */
static void
run_prow(const struct prow *rows, size_t n,
    int (*parse)(const char *, void *, char *, size_t), void *out)
{
	char err[256];
	size_t i;
	int rc;

	for (i = 0; i < n; i++) {
		err[0] = '\0';
		rc = parse(rows[i].in, out, err, sizeof(err));
		UNIT_CHECK(rc == rows[i].rc, "\"%s\": rc %d, want %d "
		    "(%s)", rows[i].in, rc, rows[i].rc, err);
		if (rows[i].msg != NULL)
			UNIT_CHECK(strstr(err, rows[i].msg) != NULL,
			    "\"%s\": message \"%s\" lacks \"%s\"", rows[i].in,
			    err, rows[i].msg);
	}
}

/* parse adapters with a void * output */
static int
p_class(const char *s, void *o, char *e, size_t l)
{
	return mmhs_label_parse_class(s, o, e, l);
}

static int
p_cat(const char *s, void *o, char *e, size_t l)
{
	return mmhs_label_parse_cat(s, o, e, l);
}

static int
p_equiv(const char *s, void *o, char *e, size_t l)
{
	return mmhs_label_parse_equiv(s, o, e, l);
}

static int
p_clear(const char *s, void *o, char *e, size_t l)
{
	return mmhs_clearance_parse(s, o, e, l);
}

#define NROWS(t)	(sizeof(t) / sizeof((t)[0]))

/* test_parse_class - classification definitions */
static void
test_parse_class(void)
{
	struct mmhs_label_class c;

	run_prow(class_rows, NROWS(class_rows), p_class, &c);
	CU_ASSERT_EQUAL(mmhs_label_parse_class(" 3 $ CONFIDENTIAL $ W C ",
	    &c, NULL, 0), 0);
	CU_ASSERT_EQUAL(c.lc_level, 3);
	CU_ASSERT_STRING_EQUAL(c.lc_name, "CONFIDENTIAL");
	CU_ASSERT_STRING_EQUAL(c.lc_marking, "W C");
}

/* test_parse_cat - category definitions */
static void
test_parse_cat(void)
{
	struct mmhs_label_cat k;

	run_prow(cat_rows, NROWS(cat_rows), p_cat, &k);
	CU_ASSERT_EQUAL(mmhs_label_parse_cat("CRYPTO$Restrictive$1.2.3", &k,
	    NULL, 0), 0);
	CU_ASSERT_EQUAL(k.lk_kind, MMHS_CAT_RESTRICTIVE);
	CU_ASSERT_STRING_EQUAL(k.lk_oid, "1.2.3");
	CU_ASSERT_STRING_EQUAL(k.lk_marking, "");
	CU_ASSERT_STRING_EQUAL(mmhs_label_catkind_name(MMHS_CAT_PERMISSIVE),
	    "permissive");
}

/* test_parse_equiv - label equivalences */
static void
test_parse_equiv(void)
{
	struct mmhs_label_equiv e;

	run_prow(equiv_rows, NROWS(equiv_rows), p_equiv, &e);
	CU_ASSERT_EQUAL(mmhs_label_parse_equiv("SECRET$1.2$4", &e, NULL, 0),
	    0);
	CU_ASSERT_EQUAL(e.le_level, 4);
}

/* test_parse_clearance - clearances and ceilings */
static void
test_parse_clearance(void)
{
	struct mmhs_clearance cl;
	char many[1200];
	int i;

	run_prow(clear_rows, NROWS(clear_rows), p_clear, &cl);
	CU_ASSERT_EQUAL(mmhs_clearance_parse(POL "$SECRET$A$B", &cl, NULL,
	    0), 0);
	CU_ASSERT_EQUAL(cl.cl_ncat, 2);
	CU_ASSERT_STRING_EQUAL(cl.cl_cat[1], "B");
	/* 32 categories fit, 33 do not */
	snprintf(many, sizeof(many), "1.2$S");
	for (i = 0; i < MMHS_LABEL_NCLCAT; i++)
		snprintf(many + strlen(many), sizeof(many) - strlen(many),
		    "$C%d", i);
	CU_ASSERT_EQUAL(mmhs_clearance_parse(many, &cl, NULL, 0), 0);
	strcat(many, "$ONEMORE");
	CU_ASSERT_EQUAL(mmhs_clearance_parse(many, &cl, NULL, 0), -1);
}

/* The sample national policy, built through the policy API. */
static struct mmhs_policy pol;

static const char *const pol_classes[] = {
	"0$UNMARKED", "1$UNCLASSIFIED", "2$RESTRICTED$WESTLAND RESTRICTED",
	"3$CONFIDENTIAL", "4$SECRET", "5$TOP SECRET"
};
static const char *const pol_cats[] = {
	"REL NATO$permissive$" POL ".1",
	"REL COALITION$permissive$" POL ".2",
	"WESTLAND EYES ONLY$restrictive$" POL ".3",
	"CRYPTO$restrictive$" POL ".4",
	"EXERCISE$informative$" POL ".5",
};

/* build_policy - fill pol; 0 or -1 */
static int
build_policy(void)
{
	size_t i;

	if (mmhs_policy_init(&pol, POL, NULL, 0) < 0)
		return -1;
	for (i = 0; i < NROWS(pol_classes); i++)
		if (mmhs_policy_add_class(&pol, pol_classes[i], NULL, 0) < 0)
			return -1;
	for (i = 0; i < NROWS(pol_cats); i++)
		if (mmhs_policy_add_cat(&pol, pol_cats[i], NULL, 0) < 0)
			return -1;
	return mmhs_policy_add_equiv(&pol, "SECRET$" NATO "$4", NULL, 0);
}

/* test_policy_build - uniqueness rules of the policy builder */
static void
test_policy_build(void)
{
	static const struct {
		int	kind;		/* 0 class, 1 cat, 2 equiv */
		const char *in;
		const char *msg;	/* NULL: accepted */
	} rows[] = {
		{ 0, "4$SECRET AGAIN", "level 4 is already the level of SECRET" },
		{ 0, "6$secret", "classification secret is already defined" },
		{ 0, "6$COSMIC", NULL },
		{ 1, "crypto$restrictive$1.9", "category crypto is already" },
		{ 1, "NEW$restrictive$" POL ".4", "already the OID of CRYPTO" },
		{ 1, "NEW$restrictive$" POL ".9", NULL },
		{ 2, "NOSUCH$" NATO "$1", "not defined by this policy" },
		{ 2, "SECRET$" POL "$1", "must name another policy" },
		{ 2, "secret$" NATO "$3", "already has an equivalent" },
		{ 2, "TOP SECRET$" NATO "$5", NULL },
	};
	char err[256];
	size_t i;
	int rc;

	CU_ASSERT_EQUAL_FATAL(build_policy(), 0);
	CU_ASSERT_EQUAL(mmhs_policy_init(&pol, "nope", err, sizeof(err)), -1);
	CU_ASSERT_EQUAL_FATAL(build_policy(), 0);
	for (i = 0; i < NROWS(rows); i++) {
		err[0] = '\0';
		rc = rows[i].kind == 0 ? mmhs_policy_add_class(&pol,
		    rows[i].in, err, sizeof(err)) : rows[i].kind == 1 ?
		    mmhs_policy_add_cat(&pol, rows[i].in, err, sizeof(err)) :
		    mmhs_policy_add_equiv(&pol, rows[i].in, err, sizeof(err));
		UNIT_CHECK(rc == (rows[i].msg ? -1 : 0), "\"%s\": rc "
		    "%d (%s)", rows[i].in, rc, err);
		if (rows[i].msg != NULL)
			UNIT_CHECK(strstr(err, rows[i].msg) != NULL,
			    "\"%s\": message \"%s\" lacks \"%s\"", rows[i].in,
			    err, rows[i].msg);
	}
	CU_ASSERT_EQUAL(pol.sp_nclass, 7);
	CU_ASSERT_EQUAL(pol.sp_ncat, 6);
	CU_ASSERT_EQUAL(pol.sp_nequiv, 2);
	CU_ASSERT_PTR_NOT_NULL(mmhs_policy_class(&pol, "top secret"));
	CU_ASSERT_PTR_NOT_NULL(mmhs_policy_class_level(&pol, 2));
	CU_ASSERT_PTR_NULL(mmhs_policy_class_level(&pol, 9));
	CU_ASSERT_PTR_NOT_NULL(mmhs_policy_cat(&pol, POL ".3"));
	CU_ASSERT_PTR_NULL(mmhs_policy_cat(&pol, "1.2.3"));
}

/* test_clearance_check - names must exist in the policy */
static void
test_clearance_check(void)
{
	static const struct prow rows[] = {
		{ POL "$SECRET$CRYPTO$REL NATO", 0, NULL },
		{ POL "$secret$crypto", 0, NULL },
		{ POL "$UNMARKED", 0, NULL },
		{ POL "$SEKRET", -1, "classification \"SEKRET\" is not defined" },
		{ POL "$SECRET$NOFORN", -1, "category \"NOFORN\" is not defined" },
		{ NATO "$SECRET", -1, "is not policy" },
	};
	struct mmhs_clearance cl;
	char err[256];
	size_t i;
	int rc;

	CU_ASSERT_EQUAL_FATAL(build_policy(), 0);
	for (i = 0; i < NROWS(rows); i++) {
		err[0] = '\0';
		rc = mmhs_clearance_parse(rows[i].in, &cl, err, sizeof(err));
		if (rc == 0)
			rc = mmhs_clearance_check(&pol, &cl, err,
			    sizeof(err));
		UNIT_CHECK(rc == rows[i].rc, "\"%s\": rc %d (%s)",
		    rows[i].in, rc, err);
		if (rows[i].msg != NULL)
			UNIT_CHECK(strstr(err, rows[i].msg) != NULL,
			    "\"%s\": \"%s\" lacks \"%s\"", rows[i].in, err,
			    rows[i].msg);
	}
}

/* One dominance row: clearance, label policy, level, categories. */
struct drow {
	const char *clearance;
	const char *policy;
	int	level;
	const char *cats[4];
	int	want;
	const char *why;	/* part of the explanation when want is 0 */
};

static const struct drow dom_rows[] = {
	/* levels */
	{ POL "$SECRET", POL, 4, { NULL }, 1, NULL },
	{ POL "$SECRET", POL, 3, { NULL }, 1, NULL },
	{ POL "$SECRET", POL, 0, { NULL }, 1, NULL },
	{ POL "$SECRET", POL, 5, { NULL }, 0, "above SECRET" },
	{ POL "$UNMARKED", POL, 1, { NULL }, 0, "above UNMARKED" },
	{ POL "$TOP SECRET", POL, 5, { NULL }, 1, NULL },
	{ POL "$TOP SECRET", POL, 7, { NULL }, 0, "level 7 is not defined" },
	/* restrictive: all must be held */
	{ POL "$SECRET$CRYPTO", POL, 4, { "CRYPTO" }, 1, NULL },
	{ POL "$SECRET", POL, 4, { "CRYPTO" }, 0, "CRYPTO is not held" },
	{ POL "$SECRET$CRYPTO", POL, 4, { "CRYPTO", "WESTLAND EYES ONLY" },
	    0, "WESTLAND EYES ONLY is not held" },
	{ POL "$SECRET$CRYPTO$WESTLAND EYES ONLY", POL, 4,
	    { "CRYPTO", "WESTLAND EYES ONLY" }, 1, NULL },
	{ POL "$SECRET$crypto", POL, 4, { POL ".4" }, 1, NULL },
	/* permissive: one shared is enough */
	{ POL "$SECRET$REL NATO", POL, 4, { "REL NATO", "REL COALITION" }, 1,
	    NULL },
	{ POL "$SECRET$REL COALITION", POL, 4, { "REL NATO",
	    "REL COALITION" }, 1, NULL },
	{ POL "$SECRET", POL, 4, { "REL NATO" }, 0, "permissive" },
	{ POL "$SECRET$CRYPTO", POL, 4, { "REL NATO" }, 0, "permissive" },
	{ POL "$SECRET$REL NATO", POL, 4, { NULL }, 1, NULL },
	/* mixed */
	{ POL "$SECRET$REL NATO$CRYPTO", POL, 3, { "REL NATO", "CRYPTO",
	    "EXERCISE" }, 1, NULL },
	{ POL "$SECRET$REL NATO", POL, 3, { "REL NATO", "CRYPTO" }, 0,
	    "CRYPTO is not held" },
	{ POL "$SECRET$CRYPTO", POL, 3, { "REL NATO", "CRYPTO" }, 0,
	    "permissive" },
	{ POL "$CONFIDENTIAL$REL NATO$CRYPTO", POL, 4, { "REL NATO" }, 0,
	    "above CONFIDENTIAL" },
	/* informative: no rule */
	{ POL "$SECRET", POL, 2, { "EXERCISE" }, 1, NULL },
	/* fail closed */
	{ POL "$SECRET", NATO, 2, { NULL }, 0, "differ" },
	{ NATO "$SECRET", POL, 2, { NULL }, 0, "differ" },
	{ POL "$SECRET", POL, 2, { "NOFORN" }, 0, "\"NOFORN\" is not defined" },
	{ POL "$SEKRET", POL, 2, { NULL }, 0, "\"SEKRET\" is not defined" },
	{ POL "$SECRET$NOFORN", POL, 2, { NULL }, 0,
	    "clearance category \"NOFORN\"" },
};

/* test_dominates - the access rule */
static void
test_dominates(void)
{
	struct mmhs_clearance cl;
	struct mmhs_label lb;
	char err[256];
	size_t i;
	int j, got;

	CU_ASSERT_EQUAL_FATAL(build_policy(), 0);
	for (i = 0; i < NROWS(dom_rows); i++) {
		const struct drow *r = &dom_rows[i];

		if (mmhs_clearance_parse(r->clearance, &cl, err,
		    sizeof(err)) < 0) {
			UNIT_CHECK(0, "row %zu: %s", i, err);
			continue;
		}
		memset(&lb, 0, sizeof(lb));
		snprintf(lb.lb_policy, sizeof(lb.lb_policy), "%s", r->policy);
		lb.lb_level = r->level;
		for (j = 0; j < 4 && r->cats[j] != NULL; j++)
			snprintf(lb.lb_cat[lb.lb_ncat++], sizeof(lb.lb_cat[0]),
			    "%s", r->cats[j]);
		err[0] = '\0';
		got = mmhs_label_dominates_explain(&pol, &cl, &lb, err,
		    sizeof(err));
		UNIT_CHECK(got == r->want, "row %zu (%s, level %d): "
		    "got %d want %d (%s)", i, r->clearance, r->level, got,
		    r->want, err);
		UNIT_CHECK(mmhs_label_dominates(&pol, &cl, &lb) == got,
		    "row %zu: plain and explained results differ", i);
		if (r->why != NULL)
			UNIT_CHECK(strstr(err, r->why) != NULL,
			    "row %zu: \"%s\" lacks \"%s\"", i, err, r->why);
	}
	CU_ASSERT_EQUAL(mmhs_label_dominates(NULL, &cl, &lb), 0);
}

/* test_oid - dotted-decimal OIDs */
static void
test_oid(void)
{
	static const struct {
		const char *in;
		int	want;
	} rows[] = {
		{ "1.2", 1 }, { "2.25.0", 1 }, { POL, 1 }, { "0.9.2342", 1 },
		{ "1", 0 }, { "3.1", 0 }, { "1.", 0 }, { ".1", 0 },
		{ "1..2", 0 }, { "1.2a", 0 }, { "1.02", 0 }, { "", 0 },
		{ "12.1", 0 },
	};
	size_t i;

	for (i = 0; i < NROWS(rows); i++)
		UNIT_CHECK(mmhs_label_oid_valid(rows[i].in) == rows[i].want,
		    "OID \"%s\"", rows[i].in);
	CU_ASSERT_EQUAL(mmhs_label_oid_valid(NULL), 0);
}

static const struct unit_test label_tests[] = {
	{ "parse classification", test_parse_class },
	{ "parse category", test_parse_cat },
	{ "parse equivalence", test_parse_equiv },
	{ "parse clearance", test_parse_clearance },
	{ "policy builder", test_policy_build },
	{ "clearance check", test_clearance_check },
	{ "dominance", test_dominates },
	{ "OIDs", test_oid },
};

static const struct unit_suite suites[] = {
	UNIT_SUITE("mmhs_label", label_tests),
};

int main(void);

/* main - run the suite; non-zero exit on any failure */
int
main(void)
{
	return unit_main(suites, sizeof(suites) / sizeof(suites[0]));
}
