/* unit.c - registration, run and verdict of a CUnit test binary */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "unit.h"

/* unit_check - one assertion with a formatted failure message */
void
unit_check(int ok, const char *file, unsigned line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (ok) {
		CU_assertImplementation(CU_TRUE, line, "ok", file, "",
		    CU_FALSE);
		return;
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	CU_assertImplementation(CU_FALSE, line, msg, file, "", CU_FALSE);
}

/* unit_add - register one suite and its tests */
static int
unit_add(const struct unit_suite *s)
{
	CU_pSuite suite;
	size_t i;

	if ((suite = CU_add_suite(s->us_name, NULL, NULL)) == NULL)
		return -1;
	for (i = 0; i < s->us_ntests; i++)
		if (CU_add_test(suite, s->us_tests[i].ut_name,
		    s->us_tests[i].ut_func) == NULL)
			return -1;
	return 0;
}

/* unit_main - run the suites verbosely; 1 on any failure, else 0 */
int
unit_main(const struct unit_suite *suites, size_t nsuites)
{
	size_t i;
	int rc = 0;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 1;
	for (i = 0; i < nsuites; i++) {
		if (unit_add(&suites[i]) < 0) {
			CU_cleanup_registry();
			return 1;
		}
	}
	CU_basic_set_mode(CU_BRM_VERBOSE);
	if (CU_basic_run_tests() != CUE_SUCCESS ||
	    CU_get_number_of_failures() > 0 ||
	    CU_get_number_of_suites_failed() > 0 ||
	    CU_get_error() != CUE_SUCCESS)
		rc = 1;
	CU_cleanup_registry();
	return rc;
}
