/* mmhs_oraddr.h - X.400 O/R addresses in the RFC 2156 std-or-address form */
#ifndef MMHS_ORADDR_H
#define MMHS_ORADDR_H

#include <stddef.h>

/*
 * Upper bounds from X.411 (ub-*).  A field holds at most this many
 * characters plus the terminating NUL.
 */
#define MMHS_ORADDR_C_MAX		3	/* 2 letters or 3 digits */
#define MMHS_ORADDR_ADMD_MAX		16
#define MMHS_ORADDR_PRMD_MAX		16
#define MMHS_ORADDR_O_MAX		64
#define MMHS_ORADDR_OU_MAX		32
#define MMHS_ORADDR_NOU			4
#define MMHS_ORADDR_S_MAX		40
#define MMHS_ORADDR_G_MAX		16
#define MMHS_ORADDR_I_MAX		5
#define MMHS_ORADDR_Q_MAX		3
#define MMHS_ORADDR_CN_MAX		64
#define MMHS_ORADDR_NDDA		4
#define MMHS_ORADDR_DDA_TYPE_MAX	8
#define MMHS_ORADDR_DDA_VALUE_MAX	128

/*
 * Room for the longest canonical string: every value fully escaped
 * ("$x" per character) plus keys and slashes.  A buffer this large never
 * makes mmhs_oraddr_format() fail.
 */
#define MMHS_ORADDR_STRLEN	2048

/* Parse flag: a pattern (DL submit permission, routing rule) may omit C
 * and ADMD; absent attributes then act as wildcards. */
#define MMHS_ORADDR_PATTERN	0x01

/*
 * One domain-defined attribute.  The type is kept upper-cased, because
 * DDA types compare case-insensitively and the canonical form prints
 * them as part of the key.
 */
struct mmhs_oraddr_dda {
	char	od_type[MMHS_ORADDR_DDA_TYPE_MAX + 1];
	char	od_value[MMHS_ORADDR_DDA_VALUE_MAX + 1];
};

/*
 * A parsed O/R address.  An attribute is present when its string is
 * not empty (empty values are refused by the parser).  A blank ADMD is
 * stored as given, i.e. " ".  Values are kept exactly as written, with
 * the '$' escapes removed; comparison ignores case and insignificant
 * spaces.  The struct is plain data: copy it with '=', no cleanup.
 */
struct mmhs_oraddr {
	char	oa_c[MMHS_ORADDR_C_MAX + 1];
	char	oa_admd[MMHS_ORADDR_ADMD_MAX + 1];
	char	oa_prmd[MMHS_ORADDR_PRMD_MAX + 1];
	char	oa_o[MMHS_ORADDR_O_MAX + 1];
	char	oa_ou[MMHS_ORADDR_NOU][MMHS_ORADDR_OU_MAX + 1];
	char	oa_s[MMHS_ORADDR_S_MAX + 1];
	char	oa_g[MMHS_ORADDR_G_MAX + 1];
	char	oa_i[MMHS_ORADDR_I_MAX + 1];
	char	oa_q[MMHS_ORADDR_Q_MAX + 1];
	char	oa_cn[MMHS_ORADDR_CN_MAX + 1];
	struct mmhs_oraddr_dda oa_dda[MMHS_ORADDR_NDDA];
	int	oa_ndda;
};

/*
 * Parse "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=JFC/S=SMITH/" into *addr.
 * flags is 0 or MMHS_ORADDR_PATTERN.  Returns 0, or -1 with a one-line
 * reason in err (truncated to errlen; err may be NULL).  *addr is
 * undefined after a failure.
 */
int mmhs_oraddr_parse(const char *str, int flags, struct mmhs_oraddr *addr,
	char *err, size_t errlen);

/*
 * Write the canonical string (fixed key order, upper-case keys, '$'
 * escapes, leading and trailing '/') with a NUL.  Returns its length
 * without the NUL, or -1 if buf is too small (buf is then unusable).
 */
int mmhs_oraddr_format(const struct mmhs_oraddr *addr, char *buf,
	size_t len);

/* 1 when both name the same O/R address (oRAddressMatch), else 0. */
int mmhs_oraddr_equal(const struct mmhs_oraddr *a,
	const struct mmhs_oraddr *b);

/* 1 when every attribute present in prefix is present and equal in addr. */
int mmhs_oraddr_prefix_match(const struct mmhs_oraddr *prefix,
	const struct mmhs_oraddr *addr);

/* Number of attributes present: the most specific matching route wins. */
int mmhs_oraddr_specificity(const struct mmhs_oraddr *addr);

#endif
