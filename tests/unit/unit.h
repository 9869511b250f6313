/* unit.h - what every CUnit test binary of OpenMMHS shares
 *
 * A test file lists its tests in tables of struct unit_test, groups them
 * in struct unit_suite and lets unit_main() run them: it exits non-zero
 * when any assertion, suite or CUnit call failed (CUnit's own return
 * codes do not say so).  UNIT_CHECK() is an assertion whose failure text
 * is formatted, so a table-driven test says which row broke.
 */
#ifndef UNIT_H
#define UNIT_H

#include <stddef.h>

#include <CUnit/Basic.h>

struct unit_test {
	const char *ut_name;
	CU_TestFunc ut_func;
};

struct unit_suite {
	const char *us_name;
	const struct unit_test *us_tests;
	size_t	us_ntests;
};

#define UNIT_SUITE(name, tests) \
	{ (name), (tests), sizeof(tests) / sizeof((tests)[0]) }

void unit_check(int ok, const char *file, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
int unit_main(const struct unit_suite *suites, size_t nsuites);

#define UNIT_CHECK(ok, ...) unit_check((ok), __FILE__, __LINE__, __VA_ARGS__)

#endif
