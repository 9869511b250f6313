/* mmhs_text.c - small text helpers of the parsers in lib/ */
#include <stdarg.h>
#include <stdio.h>

#include "mmhs_ascii.h"
#include "mmhs_text.h"

/* mmhs_text_error - write a message into the caller's buffer, return -1 */
int
mmhs_text_error(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err != NULL && errlen > 0) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return -1;
}

/* mmhs_text_ncaseeq - n bytes of a equal NUL-terminated b, any case */
int
mmhs_text_ncaseeq(const char *a, size_t n, const char *b)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (b[i] == '\0' || mmhs_ascii_lower((unsigned char) a[i]) !=
		    mmhs_ascii_lower((unsigned char) b[i]))
			return 0;
	return b[n] == '\0';
}

/* mmhs_text_skip_cfws - past white space and (nested) comments */
const char *
mmhs_text_skip_cfws(const char *p)
{
	int depth = 0;

	for (; *p != '\0'; p++) {
		if (depth > 0 && *p == '\\' && p[1] != '\0')
			p++;
		else if (*p == '(')
			depth++;
		else if (*p == ')' && depth > 0)
			depth--;
		else if (depth == 0 && *p != ' ' && *p != '\t')
			break;
	}
	return depth > 0 ? NULL : p;
}
