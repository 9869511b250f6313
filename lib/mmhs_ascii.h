/* mmhs_ascii.h - ASCII character classes that ignore the locale
 *
 * Protocol text (header fields, O/R addresses, SMTP commands) is ASCII
 * whatever locale a program runs in; <ctype.h> would change its answers
 * with setlocale(), and slapd sets one.  Header-only so that code
 * compiled into slapd modules can use it too.
 */
#ifndef MMHS_ASCII_H
#define MMHS_ASCII_H

static inline int
mmhs_ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static inline int
mmhs_ascii_upper(int c)
{
	return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

static inline int
mmhs_ascii_is_alpha(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static inline int
mmhs_ascii_is_digit(int c)
{
	return c >= '0' && c <= '9';
}

#endif
