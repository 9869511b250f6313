/* mmhs_precedence.h - military message precedence and its encodings */
#ifndef MMHS_PRECEDENCE_H
#define MMHS_PRECEDENCE_H

#include <stddef.h>

/*
 * The six ACP 123 / STANAG 4406 precedence levels.  The numeric values
 * are those of the MMHS-Primary-Precedence and MMHS-Copy-Precedence
 * header fields (RFC 6477), so a higher value is more urgent.
 */
enum mmhs_precedence {
	MMHS_PREC_DEFERRED = 0,
	MMHS_PREC_ROUTINE = 1,
	MMHS_PREC_PRIORITY = 2,
	MMHS_PREC_IMMEDIATE = 3,
	MMHS_PREC_FLASH = 4,
	MMHS_PREC_OVERRIDE = 5
};

#define MMHS_PREC_MIN	MMHS_PREC_DEFERRED
#define MMHS_PREC_MAX	MMHS_PREC_OVERRIDE

/* RFC 6710 section 7: MT-PRIORITY values run from -9 to 9. */
#define MMHS_MT_PRIORITY_MIN	(-9)
#define MMHS_MT_PRIORITY_MAX	9

/* What mmhs_precedence_to_mt_priority() gives for a value outside the
 * enum; it is outside -9..9, so no SMTP peer would accept it. */
#define MMHS_MT_PRIORITY_INVALID	10

/* Room for any header value written by mmhs_precedence_format_header(). */
#define MMHS_PREC_HEADER_LEN	32

/* 1 when p is one of the six levels, else 0. */
int mmhs_precedence_valid(int p);

/* Lower-case name ("flash"), or NULL when p is not a level. */
const char *mmhs_precedence_name(enum mmhs_precedence p);

/* Name to level, any case, whole string.  Returns 0 or -1. */
int mmhs_precedence_from_name(const char *name, enum mmhs_precedence *p);

/*
 * STANAG4406 Priority Assignment Policy (RFC 6710 appendix A):
 * deferred -4, routine -2, priority 0, immediate 2, flash 4, override 6.
 */
int mmhs_precedence_to_mt_priority(enum mmhs_precedence p);

/*
 * MT-PRIORITY value to level.  Values between two levels round up to
 * the higher one, values above 6 give override and values below -4
 * give deferred (RFC 6710 section 5).  Outside -9..9: -1 and a message.
 */
int mmhs_precedence_from_mt_priority(int mt, enum mmhs_precedence *p,
	char *err, size_t errlen);

/*
 * Parse the MT-PRIORITY= ESMTP parameter value (RFC 6710 section 7:
 * "0" or an optional "-" and one digit 1-9).  Returns 0 or -1.
 */
int mmhs_precedence_parse_mt_priority(const char *str, int *mt, char *err,
	size_t errlen);

/*
 * Parse the body of an MMHS-Primary-Precedence or MMHS-Copy-Precedence
 * header field (RFC 6477 section 4): a non-negative integer or one of
 * the six names, any case, then optional comments and white space.
 * The _number variant stores any syntactically valid integer (names
 * give 0..5), for callers that handle national values 16..31; the plain
 * variant also requires one of the six defined levels.
 */
int mmhs_precedence_parse_header_number(const char *value,
	unsigned long *num, char *err, size_t errlen);
int mmhs_precedence_parse_header(const char *value,
	enum mmhs_precedence *p, char *err, size_t errlen);

/*
 * Write a header field body, e.g. "4 (flash)": the number for programs,
 * the comment for people.  Returns the length without the NUL, or -1
 * when p is not a level or buf is too small.
 */
int mmhs_precedence_format_header(enum mmhs_precedence p, char *buf,
	size_t len);

/*
 * qsort-style ordering that puts the higher precedence first: negative
 * when a is to be handled before b, 0 when equal, positive otherwise.
 */
int mmhs_precedence_cmp(enum mmhs_precedence a, enum mmhs_precedence b);

#endif
