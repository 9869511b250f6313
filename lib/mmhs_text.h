/* mmhs_text.h - small text helpers of the parsers in lib/
 *
 * For code that reports errors into a caller's buffer and compares
 * protocol keywords without regard to case.  Nothing here allocates,
 * logs or keeps state, so parsers compiled into slapd modules use it too.
 */
#ifndef MMHS_TEXT_H
#define MMHS_TEXT_H

#include <stddef.h>

/* Format a message into err (if any) and return -1. */
int	mmhs_text_error(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* 1 if the n bytes at a equal the string b, ignoring ASCII case. */
int	mmhs_text_ncaseeq(const char *a, size_t n, const char *b);

/* Skip RFC 5322 CFWS (white space and nested comments); NULL if a
 * comment is not closed. */
const char *mmhs_text_skip_cfws(const char *p);

#endif
