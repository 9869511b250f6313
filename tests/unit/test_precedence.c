/* test_precedence.c - CUnit tests for mmhs_precedence
 *
 * Purpose: check every mapping of the precedence type both ways with
 * tables: level names, the RFC 6710 STANAG4406 MT-PRIORITY policy
 * (including the rounding of in-between values), the MT-PRIORITY
 * parameter syntax, RFC 6477 header field values and the ordering.
 *
 * Interface: run without arguments; CUnit prints every test (verbose
 * mode) and a Run Summary.
 *
 * Error behaviour: exits 1 when any assertion fails or CUnit reports an
 * error.  A failed table row names its input.
 */
#include "config.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#include "mmhs_precedence.h"

/* One row per level: every encoding of it. */
static const struct level {
	enum mmhs_precedence l_prec;
	const char *l_name;
	int	l_mt;			/* RFC 6710 appendix A */
	const char *l_header;		/* our RFC 6477 output */
} levels[] = {
	{ MMHS_PREC_DEFERRED, "deferred", -4, "0 (deferred)" },
	{ MMHS_PREC_ROUTINE, "routine", -2, "1 (routine)" },
	{ MMHS_PREC_PRIORITY, "priority", 0, "2 (priority)" },
	{ MMHS_PREC_IMMEDIATE, "immediate", 2, "3 (immediate)" },
	{ MMHS_PREC_FLASH, "flash", 4, "4 (flash)" },
	{ MMHS_PREC_OVERRIDE, "override", 6, "5 (override)" },
};

#define NLEVELS	(sizeof(levels) / sizeof(levels[0]))

/* test_enum_values - the enum carries the RFC 6477 numbers */
static void
test_enum_values(void)
{
	size_t i;

	for (i = 0; i < NLEVELS; i++)
		UNIT_CHECK((int) levels[i].l_prec == (int) i, "%s is %d",
		    levels[i].l_name, (int) levels[i].l_prec);
	CU_ASSERT_EQUAL(MMHS_PREC_MIN, MMHS_PREC_DEFERRED);
	CU_ASSERT_EQUAL(MMHS_PREC_MAX, MMHS_PREC_OVERRIDE);
	CU_ASSERT_TRUE(mmhs_precedence_valid(0));
	CU_ASSERT_TRUE(mmhs_precedence_valid(5));
	CU_ASSERT_FALSE(mmhs_precedence_valid(-1));
	CU_ASSERT_FALSE(mmhs_precedence_valid(6));
	CU_ASSERT_FALSE(mmhs_precedence_valid(INT_MAX));
	CU_ASSERT_FALSE(mmhs_precedence_valid(INT_MIN));
}

/* test_names - name <-> value in both directions, any case */
static void
test_names(void)
{
	static const struct {
		const char *n_in;
		enum mmhs_precedence n_prec;
	} spellings[] = {
		{ "FLASH", MMHS_PREC_FLASH }, { "Flash", MMHS_PREC_FLASH },
		{ "fLaSh", MMHS_PREC_FLASH },
		{ "DEFERRED", MMHS_PREC_DEFERRED },
		{ "Routine", MMHS_PREC_ROUTINE },
		{ "PRIORITY", MMHS_PREC_PRIORITY },
		{ "Immediate", MMHS_PREC_IMMEDIATE },
		{ "OVERRIDE", MMHS_PREC_OVERRIDE },
	};
	enum mmhs_precedence p;
	const char *name;
	size_t i;

	for (i = 0; i < NLEVELS; i++) {
		name = mmhs_precedence_name(levels[i].l_prec);
		UNIT_CHECK(name != NULL && strcmp(name, levels[i].l_name) == 0,
		    "name of %d is %s", (int) levels[i].l_prec,
		    name ? name : "NULL");
		p = (enum mmhs_precedence) -1;
		UNIT_CHECK(mmhs_precedence_from_name(levels[i].l_name,
		    &p) == 0 && p == levels[i].l_prec, "from_name(%s)",
		    levels[i].l_name);
	}
	for (i = 0; i < sizeof(spellings) / sizeof(spellings[0]); i++) {
		p = (enum mmhs_precedence) -1;
		UNIT_CHECK(mmhs_precedence_from_name(spellings[i].n_in,
		    &p) == 0 && p == spellings[i].n_prec, "from_name(%s)",
		    spellings[i].n_in);
	}
	CU_ASSERT_PTR_NULL(mmhs_precedence_name((enum mmhs_precedence) 6));
	CU_ASSERT_PTR_NULL(mmhs_precedence_name((enum mmhs_precedence) -1));
}

/* test_bad_names - near misses are not names */
static void
test_bad_names(void)
{
	static const char *bad[] = {
		"", "flash ", " flash", "flas", "flashy", "urgent", "normal",
		"0", "4", "flash\n", "rout ine", "flash\xff",
	};
	enum mmhs_precedence p = MMHS_PREC_ROUTINE;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		UNIT_CHECK(mmhs_precedence_from_name(bad[i], &p) == -1,
		    "\"%s\" taken as a name", bad[i]);
	CU_ASSERT_EQUAL(p, MMHS_PREC_ROUTINE);
	CU_ASSERT_EQUAL(mmhs_precedence_from_name(NULL, &p), -1);
	CU_ASSERT_EQUAL(mmhs_precedence_from_name("flash", NULL), -1);
}

/* test_to_mt_priority - RFC 6710 appendix A, level -> MT-PRIORITY */
static void
test_to_mt_priority(void)
{
	size_t i;
	int mt;

	for (i = 0; i < NLEVELS; i++) {
		mt = mmhs_precedence_to_mt_priority(levels[i].l_prec);
		UNIT_CHECK(mt == levels[i].l_mt, "%s -> %d, want %d",
		    levels[i].l_name, mt, levels[i].l_mt);
	}
	CU_ASSERT_EQUAL(mmhs_precedence_to_mt_priority(
	    (enum mmhs_precedence) 6), MMHS_MT_PRIORITY_INVALID);
	CU_ASSERT_EQUAL(mmhs_precedence_to_mt_priority(
	    (enum mmhs_precedence) -1), MMHS_MT_PRIORITY_INVALID);
}

/*
 * Every MT-PRIORITY value.  In-between values round up to the next
 * level, beyond the ends they clamp (RFC 6710 sections 5 and 8).
 */
static const struct mt_case {
	int	m_mt;
	enum mmhs_precedence m_prec;
} mt_cases[] = {
	{ -9, MMHS_PREC_DEFERRED }, { -8, MMHS_PREC_DEFERRED },
	{ -7, MMHS_PREC_DEFERRED }, { -6, MMHS_PREC_DEFERRED },
	{ -5, MMHS_PREC_DEFERRED }, { -4, MMHS_PREC_DEFERRED },
	{ -3, MMHS_PREC_ROUTINE }, { -2, MMHS_PREC_ROUTINE },
	{ -1, MMHS_PREC_PRIORITY }, { 0, MMHS_PREC_PRIORITY },
	{ 1, MMHS_PREC_IMMEDIATE }, { 2, MMHS_PREC_IMMEDIATE },
	{ 3, MMHS_PREC_FLASH }, { 4, MMHS_PREC_FLASH },
	{ 5, MMHS_PREC_OVERRIDE }, { 6, MMHS_PREC_OVERRIDE },
	{ 7, MMHS_PREC_OVERRIDE }, { 8, MMHS_PREC_OVERRIDE },
	{ 9, MMHS_PREC_OVERRIDE },
};

/* test_from_mt_priority - all 19 MT-PRIORITY values -> level */
static void
test_from_mt_priority(void)
{
	enum mmhs_precedence p;
	char err[128];
	size_t i;
	int rc;

	CU_ASSERT_EQUAL(sizeof(mt_cases) / sizeof(mt_cases[0]), 19);
	for (i = 0; i < sizeof(mt_cases) / sizeof(mt_cases[0]); i++) {
		p = (enum mmhs_precedence) -1;
		rc = mmhs_precedence_from_mt_priority(mt_cases[i].m_mt, &p, err,
		    sizeof(err));
		UNIT_CHECK(rc == 0 && p == mt_cases[i].m_prec,
		    "MT-PRIORITY %d -> rc %d level %d, want %d (%s)",
		    mt_cases[i].m_mt, rc, (int) p, (int) mt_cases[i].m_prec,
		    err);
	}
}

/* test_mt_round_trip - level -> MT-PRIORITY -> same level */
static void
test_mt_round_trip(void)
{
	enum mmhs_precedence p;
	size_t i;
	int rc;

	for (i = 0; i < NLEVELS; i++) {
		rc = mmhs_precedence_from_mt_priority(
		    mmhs_precedence_to_mt_priority(levels[i].l_prec), &p,
		    NULL, 0);
		UNIT_CHECK(rc == 0 && p == levels[i].l_prec,
		    "%s does not round trip through MT-PRIORITY",
		    levels[i].l_name);
	}
}

/* test_mt_out_of_range - values outside -9..9 are refused */
static void
test_mt_out_of_range(void)
{
	static const int bad[] = { -10, 10, 11, -100, 100, INT_MIN, INT_MAX };
	enum mmhs_precedence p = MMHS_PREC_FLASH;
	char err[128], want[64];
	size_t i;
	int rc;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		rc = mmhs_precedence_from_mt_priority(bad[i], &p, err,
		    sizeof(err));
		snprintf(want, sizeof(want), "MT-PRIORITY %d outside -9..9",
		    bad[i]);
		UNIT_CHECK(rc == -1 && strcmp(err, want) == 0,
		    "%d: rc %d \"%s\"", bad[i], rc, err);
	}
	CU_ASSERT_EQUAL(p, MMHS_PREC_FLASH);
	CU_ASSERT_EQUAL(mmhs_precedence_from_mt_priority(0, NULL, err,
	    sizeof(err)), -1);
}

/* test_parse_mt_priority - the ESMTP parameter syntax, good and bad */
static void
test_parse_mt_priority(void)
{
	static const char *bad[] = {
		"", "+1", "-0", "10", "-10", "01", "-", "1 ", " 1", "a", "1a",
		"--1", "0x1", "9\n", "\xd9\xa3",
	};
	char str[8], err[128];
	size_t i;
	int mt, v;

	for (v = -9; v <= 9; v++) {
		snprintf(str, sizeof(str), "%d", v);
		mt = 99;
		UNIT_CHECK(mmhs_precedence_parse_mt_priority(str, &mt, err,
		    sizeof(err)) == 0 && mt == v, "\"%s\" -> %d (%s)", str, mt,
		    err);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		mt = 99;
		UNIT_CHECK(mmhs_precedence_parse_mt_priority(bad[i], &mt, err,
		    sizeof(err)) == -1 && mt == 99 &&
		    strstr(err, "MT-PRIORITY must be") != NULL,
		    "\"%s\" accepted or wrong message \"%s\"", bad[i], err);
	}
	CU_ASSERT_EQUAL(mmhs_precedence_parse_mt_priority(NULL, &mt, err,
	    sizeof(err)), -1);
	CU_ASSERT_EQUAL(mmhs_precedence_parse_mt_priority("1", NULL, err,
	    sizeof(err)), -1);
}

/* Header field bodies that must parse (RFC 6477 sections 3.8, 3.9, 4). */
static const struct hdr_ok {
	const char *h_in;
	enum mmhs_precedence h_prec;
} hdr_ok[] = {
	{ "0", MMHS_PREC_DEFERRED }, { "1", MMHS_PREC_ROUTINE },
	{ "2", MMHS_PREC_PRIORITY }, { "3", MMHS_PREC_IMMEDIATE },
	{ "4", MMHS_PREC_FLASH }, { "5", MMHS_PREC_OVERRIDE },
	{ "deferred", MMHS_PREC_DEFERRED }, { "routine", MMHS_PREC_ROUTINE },
	{ "priority", MMHS_PREC_PRIORITY },
	{ "immediate", MMHS_PREC_IMMEDIATE }, { "flash", MMHS_PREC_FLASH },
	{ "override", MMHS_PREC_OVERRIDE },
	/* the RFC's own examples */
	{ "0 (Deferred)", MMHS_PREC_DEFERRED }, { "FLASH", MMHS_PREC_FLASH },
	{ "2 (priority)", MMHS_PREC_PRIORITY },
	{ "Priority", MMHS_PREC_PRIORITY },
	/* white space, folding and comments */
	{ "  3  ", MMHS_PREC_IMMEDIATE }, { "\t4\t", MMHS_PREC_FLASH },
	{ "4(flash)", MMHS_PREC_FLASH }, { "Override(x)", MMHS_PREC_OVERRIDE },
	{ "2 (a (nested) comment)", MMHS_PREC_PRIORITY },
	{ "1 (with \\) quoted)", MMHS_PREC_ROUTINE },
	{ "1 (with \\( quoted)", MMHS_PREC_ROUTINE },
	{ "routine\r\n (folded)", MMHS_PREC_ROUTINE },
	{ "\r\n 5", MMHS_PREC_OVERRIDE },
	{ "override (x) (y) ", MMHS_PREC_OVERRIDE },
	{ "0 ()", MMHS_PREC_DEFERRED },
};

/* test_header_ok - valid field bodies give their level */
static void
test_header_ok(void)
{
	enum mmhs_precedence p;
	char err[128];
	size_t i;
	int rc;

	for (i = 0; i < sizeof(hdr_ok) / sizeof(hdr_ok[0]); i++) {
		p = (enum mmhs_precedence) -1;
		rc = mmhs_precedence_parse_header(hdr_ok[i].h_in, &p, err,
		    sizeof(err));
		UNIT_CHECK(rc == 0 && p == hdr_ok[i].h_prec,
		    "\"%s\" -> rc %d level %d, want %d (%s)", hdr_ok[i].h_in,
		    rc, (int) p, (int) hdr_ok[i].h_prec, err);
	}
}

/* Header field bodies that must be refused, with the message. */
static const struct hdr_bad {
	const char *b_in;
	const char *b_msg;
} hdr_bad[] = {
	{ "", "empty precedence value" },
	{ "   ", "empty precedence value" },
	{ "(comment only)", "precedence must be a number or a name" },
	{ "-1", "precedence must be a number or a name" },
	{ "+1", "precedence must be a number or a name" },
	{ "\"flash\"", "precedence must be a number or a name" },
	{ "07", "leading zero in precedence number" },
	{ "00", "leading zero in precedence number" },
	{ "6", "precedence 6 is reserved for NATO-defined levels" },
	{ "7", "precedence 7 is reserved for NATO-defined levels" },
	{ "15", "precedence 15 is reserved for NATO-defined levels" },
	{ "16", "precedence 16 is reserved for national use" },
	{ "31", "precedence 31 is reserved for national use" },
	{ "32", "precedence 32 is not defined (ACP 123 uses 0..31)" },
	{ "239", "precedence 239 is not defined" },
	{ "240", "precedence 240 is not defined" },
	{ "999999999", "precedence 999999999 is not defined" },
	{ "1234567890", "precedence number too large" },
	{ "99999999999999999999999", "precedence number too large" },
	{ "urgent", "unknown precedence name \"urgent\"" },
	{ "flas", "unknown precedence name \"flas\"" },
	{ "abcdefghijklmnopqrstuvwxyz",
	    "unknown precedence name \"abcdefghijklmno...\"" },
	{ "flash4", "unexpected text after precedence" },
	{ "4flash", "unexpected text after precedence" },
	{ "4 5", "unexpected text after precedence" },
	{ "flash routine", "unexpected text after precedence" },
	{ "flash;", "unexpected text after precedence" },
	{ "4 )", "unexpected text after precedence" },
	{ "4 (x) y", "unexpected text after precedence" },
	{ "4.0", "unexpected text after precedence" },
	{ "4 (unclosed", "unterminated comment" },
	{ "4 ((nested)", "unterminated comment" },
	{ "4 (x\\", "unterminated comment" },
	{ "flash-override", "unexpected text after precedence" },
};

/* test_header_bad - refused field bodies and their messages */
static void
test_header_bad(void)
{
	enum mmhs_precedence p;
	char err[128];
	size_t i;
	int rc;

	for (i = 0; i < sizeof(hdr_bad) / sizeof(hdr_bad[0]); i++) {
		p = MMHS_PREC_ROUTINE;
		strcpy(err, "(untouched)");
		rc = mmhs_precedence_parse_header(hdr_bad[i].b_in, &p, err,
		    sizeof(err));
		UNIT_CHECK(rc == -1 && p == MMHS_PREC_ROUTINE &&
		    strstr(err, hdr_bad[i].b_msg) != NULL,
		    "\"%s\": rc %d message \"%s\", want \"%s\"",
		    hdr_bad[i].b_in, rc, err, hdr_bad[i].b_msg);
	}
	CU_ASSERT_EQUAL(mmhs_precedence_parse_header(NULL, &p, err,
	    sizeof(err)), -1);
	CU_ASSERT_EQUAL(mmhs_precedence_parse_header("4", NULL, err,
	    sizeof(err)), -1);
	CU_ASSERT_EQUAL(mmhs_precedence_parse_header("x", &p, NULL, 0), -1);
}

/* test_header_number - the raw variant keeps national values */
static void
test_header_number(void)
{
	static const struct {
		const char *in;
		unsigned long num;
	} ok[] = {
		{ "0", 0 }, { "5", 5 }, { "16 (national)", 16 }, { "31", 31 },
		{ "239", 239 }, { "999999999", 999999999UL },
		{ "override", 5 }, { "Deferred (x)", 0 },
	};
	unsigned long n;
	char err[128];
	size_t i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		n = 12345;
		UNIT_CHECK(mmhs_precedence_parse_header_number(ok[i].in, &n,
		    err, sizeof(err)) == 0 && n == ok[i].num,
		    "\"%s\" -> %lu (%s)", ok[i].in, n, err);
	}
	CU_ASSERT_EQUAL(mmhs_precedence_parse_header_number("07", &n, err,
	    sizeof(err)), -1);
	CU_ASSERT_EQUAL(mmhs_precedence_parse_header_number("1 x", &n, err,
	    sizeof(err)), -1);
	CU_ASSERT_EQUAL(mmhs_precedence_parse_header_number("1", NULL, err,
	    sizeof(err)), -1);
}

/* test_format_header - "N (name)", and it parses back */
static void
test_format_header(void)
{
	enum mmhs_precedence p;
	char buf[MMHS_PREC_HEADER_LEN];
	size_t i;
	int n;

	for (i = 0; i < NLEVELS; i++) {
		n = mmhs_precedence_format_header(levels[i].l_prec, buf,
		    sizeof(buf));
		UNIT_CHECK(n == (int) strlen(levels[i].l_header) &&
		    strcmp(buf, levels[i].l_header) == 0, "%s formatted as "
		    "\"%s\"", levels[i].l_name, buf);
		UNIT_CHECK(mmhs_precedence_parse_header(buf, &p, NULL,
		    0) == 0 && p == levels[i].l_prec,
		    "\"%s\" does not parse back", buf);
	}
	CU_ASSERT_EQUAL(mmhs_precedence_format_header(MMHS_PREC_FLASH, buf,
	    10), 9);
	CU_ASSERT_STRING_EQUAL(buf, "4 (flash)");
	CU_ASSERT_EQUAL(mmhs_precedence_format_header(MMHS_PREC_FLASH, buf,
	    9), -1);
	CU_ASSERT_STRING_EQUAL(buf, "");
	CU_ASSERT_EQUAL(mmhs_precedence_format_header(MMHS_PREC_FLASH, buf,
	    0), -1);
	CU_ASSERT_EQUAL(mmhs_precedence_format_header(MMHS_PREC_FLASH, NULL,
	    10), -1);
	CU_ASSERT_EQUAL(mmhs_precedence_format_header(
	    (enum mmhs_precedence) 6, buf, sizeof(buf)), -1);
}

/* t_qsort_cmp - qsort adapter for mmhs_precedence_cmp */
static int
t_qsort_cmp(const void *a, const void *b)
{
	return mmhs_precedence_cmp(*(const enum mmhs_precedence *) a,
	    *(const enum mmhs_precedence *) b);
}

/* test_ordering - higher precedence first */
static void
test_ordering(void)
{
	enum mmhs_precedence queue[] = {
		MMHS_PREC_ROUTINE, MMHS_PREC_FLASH, MMHS_PREC_DEFERRED,
		MMHS_PREC_OVERRIDE, MMHS_PREC_PRIORITY, MMHS_PREC_IMMEDIATE,
		MMHS_PREC_FLASH,
	};
	static const enum mmhs_precedence sorted[] = {
		MMHS_PREC_OVERRIDE, MMHS_PREC_FLASH, MMHS_PREC_FLASH,
		MMHS_PREC_IMMEDIATE, MMHS_PREC_PRIORITY, MMHS_PREC_ROUTINE,
		MMHS_PREC_DEFERRED,
	};
	size_t i;

	CU_ASSERT(mmhs_precedence_cmp(MMHS_PREC_FLASH, MMHS_PREC_ROUTINE) < 0);
	CU_ASSERT(mmhs_precedence_cmp(MMHS_PREC_ROUTINE, MMHS_PREC_FLASH) > 0);
	CU_ASSERT(mmhs_precedence_cmp(MMHS_PREC_FLASH, MMHS_PREC_FLASH) == 0);
	CU_ASSERT(mmhs_precedence_cmp(MMHS_PREC_OVERRIDE,
	    MMHS_PREC_DEFERRED) < 0);
	qsort(queue, sizeof(queue) / sizeof(queue[0]), sizeof(queue[0]),
	    t_qsort_cmp);
	for (i = 0; i < sizeof(queue) / sizeof(queue[0]); i++)
		UNIT_CHECK(queue[i] == sorted[i], "position %zu: %d, want %d",
		    i, (int) queue[i], (int) sorted[i]);
}

static const struct unit_test name_tests[] = {
	{ "enum carries RFC 6477 numbers", test_enum_values },
	{ "names both ways", test_names },
	{ "near-miss names refused", test_bad_names },
	{ "ordering: higher first", test_ordering },
};

static const struct unit_test mt_tests[] = {
	{ "level -> MT-PRIORITY", test_to_mt_priority },
	{ "MT-PRIORITY -> level, all 19", test_from_mt_priority },
	{ "level round trip", test_mt_round_trip },
	{ "MT-PRIORITY out of range", test_mt_out_of_range },
	{ "MT-PRIORITY parameter syntax", test_parse_mt_priority },
};

static const struct unit_test header_tests[] = {
	{ "valid header values", test_header_ok },
	{ "invalid header values", test_header_bad },
	{ "raw header numbers", test_header_number },
	{ "header formatting", test_format_header },
};

static const struct unit_suite suites[] = {
	UNIT_SUITE("precedence names", name_tests),
	UNIT_SUITE("precedence MT-PRIORITY (RFC 6710)", mt_tests),
	UNIT_SUITE("precedence header (RFC 6477)", header_tests),
};

int
main(void)
{
	return unit_main(suites, sizeof(suites) / sizeof(suites[0]));
}
