/* mmhs_oraddr.c - X.400 O/R addresses in the RFC 2156 std-or-address form
 *
 * Purpose: parse, print and compare mnemonic O/R addresses written as
 * "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=JFC/S=SMITH/G=JOHN/
 * DDA:RFC-822=john(a)x.example/" for routing tables, DL submit
 * permissions and directory attributes.
 *
 * Interface: see mmhs_oraddr.h.  mmhs_oraddr_parse() fills a fixed-size
 * struct, mmhs_oraddr_format() writes the canonical string into a caller
 * buffer, mmhs_oraddr_equal(), mmhs_oraddr_prefix_match() and
 * mmhs_oraddr_specificity() serve routing.
 *
 * Error behaviour: nothing here allocates, logs, exits or keeps state,
 * because an ACP 133 slapd overlay compiles this file in and slapd's
 * threads share it.  A refused address gives -1 and one line of text in
 * the caller's buffer, suitable for an LDAP diagnostic message.
 *
 * Accepted syntax (the RFC 2156 std-or-address, restricted to the keys
 * this project stores; '$' quotes the next character):
 *
 *	address	= "/" *( key "=" value "/" )
 *	key	= C | ADMD | A | PRMD | P | O | OU1..OU4 | OU | S | G | I |
 *		  Q | GQ | CN | "DDA:" type | "DD." type    (any case)
 *	value	= 1*( printable-string character | "$/" | "$=" | "$$" )
 *
 * "OU" takes the lowest unused OU slot.  "DD." is how RFC 1327/2156
 * gateways spell a domain-defined attribute, "DDA:" the RFC 1685 form
 * that X.400 products show; both are read, "DDA:" is written.  DDA
 * types are limited to letters, digits, '-' and '.', which covers the
 * registered ones (RFC-822, ACP-PLAD) and keeps "DDA:" unambiguous.
 * '$' is not a PrintableString character, but "$$" is accepted and
 * kept so that a value holding '$' survives a round trip.
 *
 * Rules enforced, from X.402/X.411: the X.411 upper bounds; C is two
 * letters (ISO 3166) or three digits (X.121 DCC); OUn needs OU1..OUn-1;
 * G, I and Q need S (they qualify a personal name); no attribute twice;
 * no empty values, and no all-blank values except ADMD, whose single
 * space means "any ADMD in this country".  C and ADMD are mandatory in
 * an address, since X.402 puts both in every mnemonic O/R address;
 * with MMHS_ORADDR_PATTERN they may be left out, but a pattern must
 * still name at least one attribute so that "/" cannot silently grant
 * everyone.  CN is allowed beside S: X.402 lists common-name as an
 * optional attribute of the mnemonic form without excluding a personal
 * name, and we found no rule forbidding the pair, so we keep both.
 *
 * Comparison follows oRAddressMatch for printable strings: ASCII case
 * is ignored, leading and trailing spaces are dropped and inner runs of
 * spaces count as one.  Case folding is done by hand, not with ctype or
 * strcasecmp, so that the locale slapd runs in cannot change a match.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "mmhs_ascii.h"
#include "mmhs_text.h"
#include "mmhs_oraddr.h"

/* The fixed (non-DDA) attributes in canonical order. */
enum oraddr_id {
	ORA_C, ORA_ADMD, ORA_PRMD, ORA_O, ORA_OU1, ORA_OU2, ORA_OU3, ORA_OU4,
	ORA_S, ORA_G, ORA_I, ORA_Q, ORA_CN, ORA_NFIXED
};

/* Pseudo id for the "OU" alias: the next free OU slot. */
#define ORA_OU_NEXT	(-1)

static const struct oraddr_field {
	const char *of_key;		/* canonical key */
	size_t	of_off;			/* offset in struct mmhs_oraddr */
	size_t	of_max;			/* X.411 upper bound */
} oraddr_fields[ORA_NFIXED] = {
	{ "C", offsetof(struct mmhs_oraddr, oa_c), MMHS_ORADDR_C_MAX },
	{ "ADMD", offsetof(struct mmhs_oraddr, oa_admd), MMHS_ORADDR_ADMD_MAX },
	{ "PRMD", offsetof(struct mmhs_oraddr, oa_prmd), MMHS_ORADDR_PRMD_MAX },
	{ "O", offsetof(struct mmhs_oraddr, oa_o), MMHS_ORADDR_O_MAX },
	{ "OU1", offsetof(struct mmhs_oraddr, oa_ou[0]), MMHS_ORADDR_OU_MAX },
	{ "OU2", offsetof(struct mmhs_oraddr, oa_ou[1]), MMHS_ORADDR_OU_MAX },
	{ "OU3", offsetof(struct mmhs_oraddr, oa_ou[2]), MMHS_ORADDR_OU_MAX },
	{ "OU4", offsetof(struct mmhs_oraddr, oa_ou[3]), MMHS_ORADDR_OU_MAX },
	{ "S", offsetof(struct mmhs_oraddr, oa_s), MMHS_ORADDR_S_MAX },
	{ "G", offsetof(struct mmhs_oraddr, oa_g), MMHS_ORADDR_G_MAX },
	{ "I", offsetof(struct mmhs_oraddr, oa_i), MMHS_ORADDR_I_MAX },
	{ "GQ", offsetof(struct mmhs_oraddr, oa_q), MMHS_ORADDR_Q_MAX },
	{ "CN", offsetof(struct mmhs_oraddr, oa_cn), MMHS_ORADDR_CN_MAX },
};

/* Every key spelling accepted on input, including aliases. */
static const struct oraddr_key {
	const char *ok_name;
	int	ok_id;
} oraddr_keys[] = {
	{ "C", ORA_C }, { "ADMD", ORA_ADMD }, { "A", ORA_ADMD },
	{ "PRMD", ORA_PRMD }, { "P", ORA_PRMD }, { "O", ORA_O },
	{ "OU1", ORA_OU1 }, { "OU2", ORA_OU2 }, { "OU3", ORA_OU3 },
	{ "OU4", ORA_OU4 }, { "OU", ORA_OU_NEXT }, { "S", ORA_S },
	{ "G", ORA_G }, { "I", ORA_I }, { "Q", ORA_Q }, { "GQ", ORA_Q },
	{ "CN", ORA_CN },
};

#define ORADDR_NKEYS	(sizeof(oraddr_keys) / sizeof(oraddr_keys[0]))

/* Where the value of the attribute being parsed goes. */
struct oraddr_slot {
	char	*os_dst;
	size_t	os_max;
	int	os_blank_ok;		/* all-space value allowed (ADMD) */
	char	os_name[16];		/* key for error messages */
};

/* Output cursor for the formatter. */
struct oraddr_out {
	char	*ou_buf;
	size_t	ou_len;
	size_t	ou_pos;
};

/* oraddr_is_ps_char - character of an X.208 PrintableString, or space */
static int
oraddr_is_ps_char(int c)
{
	if (mmhs_ascii_is_alpha(c) || mmhs_ascii_is_digit(c))
		return 1;
	return c != '\0' && strchr(" '()+,-./:=?", c) != NULL;
}

/* oraddr_quote - copy a key for a message, replacing unprintable bytes */
static void
oraddr_quote(const char *src, size_t n, char *dst, size_t dstlen)
{
	size_t i, room = dstlen - 4;	/* leave space for "..." and NUL */

	for (i = 0; i < n && i < room; i++)
		dst[i] = (src[i] > ' ' && src[i] < 0x7f) ? src[i] : '?';
	if (n > room) {
		memcpy(dst + i, "...", 3);
		i += 3;
	}
	dst[i] = '\0';
}

/* oraddr_field - pointer to fixed attribute id of addr */
static char *
oraddr_field(struct mmhs_oraddr *addr, int id)
{
	return (char *) addr + oraddr_fields[id].of_off;
}

/* oraddr_cfield - read-only pointer to fixed attribute id of addr */
static const char *
oraddr_cfield(const struct mmhs_oraddr *addr, int id)
{
	return (const char *) addr + oraddr_fields[id].of_off;
}

/* oraddr_ndda - DDA count, clamped so a damaged struct cannot overrun */
static int
oraddr_ndda(const struct mmhs_oraddr *addr)
{
	if (addr->oa_ndda < 0)
		return 0;
	return addr->oa_ndda > MMHS_ORADDR_NDDA ? MMHS_ORADDR_NDDA :
	    addr->oa_ndda;
}

/* oraddr_slot_fixed - point the slot at fixed attribute id */
static void
oraddr_slot_fixed(struct mmhs_oraddr *addr, int id, struct oraddr_slot *slot)
{
	slot->os_dst = oraddr_field(addr, id);
	slot->os_max = oraddr_fields[id].of_max;
	slot->os_blank_ok = (id == ORA_ADMD);
	snprintf(slot->os_name, sizeof(slot->os_name), "%s",
	    oraddr_fields[id].of_key);
}

/* oraddr_next_ou - id of the first empty OU slot, or -1 */
static int
oraddr_next_ou(const struct mmhs_oraddr *addr)
{
	int i;

	for (i = 0; i < MMHS_ORADDR_NOU; i++)
		if (addr->oa_ou[i][0] == '\0')
			return ORA_OU1 + i;
	return -1;
}

/* oraddr_find_dda - index of the DDA with this type (any case), or -1 */
static int
oraddr_find_dda(const struct mmhs_oraddr *addr, const char *type,
	size_t n)
{
	int i;

	for (i = 0; i < oraddr_ndda(addr); i++)
		if (mmhs_text_ncaseeq(type, n, addr->oa_dda[i].od_type))
			return i;
	return -1;
}

/* oraddr_resolve_dda - add a DDA of the given type and aim the slot at it */
static int
oraddr_resolve_dda(struct mmhs_oraddr *addr, const char *type, size_t n,
	struct oraddr_slot *slot, char *err, size_t errlen)
{
	struct mmhs_oraddr_dda *dda;
	char shown[24];
	size_t i;

	oraddr_quote(type, n, shown, sizeof(shown));
	if (n == 0)
		return mmhs_text_error(err, errlen, "empty DDA type");
	if (n > MMHS_ORADDR_DDA_TYPE_MAX)
		return mmhs_text_error(err, errlen,
		    "DDA type \"%s\" longer than %d characters", shown,
		    MMHS_ORADDR_DDA_TYPE_MAX);
	for (i = 0; i < n; i++)
		if (!mmhs_ascii_is_alpha((unsigned char) type[i]) &&
		    !mmhs_ascii_is_digit((unsigned char) type[i]) &&
		    type[i] != '-' && type[i] != '.')
			return mmhs_text_error(err, errlen,
			    "invalid character in DDA type \"%s\"", shown);
	if (oraddr_find_dda(addr, type, n) >= 0)
		return mmhs_text_error(err, errlen, "duplicate attribute DDA:%s",
		    shown);
	if (addr->oa_ndda >= MMHS_ORADDR_NDDA)
		return mmhs_text_error(err, errlen,
		    "more than %d domain-defined attributes", MMHS_ORADDR_NDDA);
	dda = &addr->oa_dda[addr->oa_ndda++];
	for (i = 0; i < n; i++)
		dda->od_type[i] = (char) mmhs_ascii_upper((unsigned char) type[i]);
	dda->od_type[n] = '\0';
	slot->os_dst = dda->od_value;
	slot->os_max = MMHS_ORADDR_DDA_VALUE_MAX;
	slot->os_blank_ok = 0;
	snprintf(slot->os_name, sizeof(slot->os_name), "DDA:%s",
	    dda->od_type);
	return 0;
}

/* oraddr_resolve - map a key to the place its value goes */
static int
oraddr_resolve(struct mmhs_oraddr *addr, const char *key, size_t n,
	struct oraddr_slot *slot, char *err, size_t errlen)
{
	char shown[40];
	size_t k;
	int id;

	if (n >= 4 && mmhs_text_ncaseeq(key, 4, "DDA:"))
		return oraddr_resolve_dda(addr, key + 4, n - 4, slot, err,
		    errlen);
	if (n >= 3 && mmhs_text_ncaseeq(key, 3, "DD."))
		return oraddr_resolve_dda(addr, key + 3, n - 3, slot, err,
		    errlen);
	for (k = 0; k < ORADDR_NKEYS; k++)
		if (mmhs_text_ncaseeq(key, n, oraddr_keys[k].ok_name))
			break;
	if (k == ORADDR_NKEYS) {
		oraddr_quote(key, n, shown, sizeof(shown));
		return mmhs_text_error(err, errlen,
		    "unknown attribute type \"%s\"", shown);
	}
	id = oraddr_keys[k].ok_id;
	if (id == ORA_OU_NEXT && (id = oraddr_next_ou(addr)) < 0)
		return mmhs_text_error(err, errlen, "more than %d OU attributes",
		    MMHS_ORADDR_NOU);
	if (oraddr_field(addr, id)[0] != '\0')
		return mmhs_text_error(err, errlen, "duplicate attribute %s",
		    oraddr_fields[id].of_key);
	oraddr_slot_fixed(addr, id, slot);
	return 0;
}

/* oraddr_bad_char - message for a character not allowed in a value */
static int
oraddr_bad_char(int c, const char *name, char *err, size_t errlen)
{
	if (c > ' ' && c < 0x7f)
		return mmhs_text_error(err, errlen,
		    "invalid character '%c' in value of %s", c, name);
	return mmhs_text_error(err, errlen,
	    "invalid byte 0x%02x in value of %s", (unsigned) c, name);
}

/* oraddr_decode - copy one value up to its closing '/', removing escapes */
static int
oraddr_decode(const char **pp, const struct oraddr_slot *slot, char *err,
	size_t errlen)
{
	const char *p = *pp;
	size_t n = 0, blanks = 0;
	int c;

	for (;;) {
		c = (unsigned char) *p++;
		if (c == '\0')
			return mmhs_text_error(err, errlen,
			    "missing trailing '/'");
		if (c == '/')
			break;
		if (c == '=')
			return mmhs_text_error(err, errlen,
			    "unescaped '=' in value of %s", slot->os_name);
		if (c == '$') {
			c = (unsigned char) *p++;
			if (c != '/' && c != '=' && c != '$')
				return mmhs_text_error(err, errlen,
				    "bad '$' escape in value of %s",
				    slot->os_name);
		} else if (!oraddr_is_ps_char(c))
			return oraddr_bad_char(c, slot->os_name, err, errlen);
		if (n == slot->os_max)
			return mmhs_text_error(err, errlen,
			    "value of %s longer than %zu characters",
			    slot->os_name, slot->os_max);
		blanks += (c == ' ');
		slot->os_dst[n++] = (char) c;
	}
	slot->os_dst[n] = '\0';
	if (n == 0)
		return mmhs_text_error(err, errlen, "empty value for %s",
		    slot->os_name);
	if (blanks == n && !slot->os_blank_ok)
		return mmhs_text_error(err, errlen, "value of %s is blank",
		    slot->os_name);
	*pp = p;
	return 0;
}

/* oraddr_parse_attr - parse one "key=value/" and store it */
static int
oraddr_parse_attr(const char **pp, struct mmhs_oraddr *addr, char *err,
	size_t errlen)
{
	const char *key = *pp, *p = *pp;
	struct oraddr_slot slot;
	char shown[40];

	while (*p != '\0' && *p != '=' && *p != '/')
		p++;
	if (p == key)
		return mmhs_text_error(err, errlen, "empty attribute type");
	if (*p != '=') {
		oraddr_quote(key, (size_t) (p - key), shown, sizeof(shown));
		return mmhs_text_error(err, errlen,
		    "attribute \"%s\" has no '='", shown);
	}
	if (oraddr_resolve(addr, key, (size_t) (p - key), &slot, err,
	    errlen) < 0)
		return -1;
	p++;
	if (oraddr_decode(&p, &slot, err, errlen) < 0)
		return -1;
	*pp = p;
	return 0;
}

/* oraddr_check_country - C is 2 letters (ISO 3166) or 3 digits (X.121) */
static int
oraddr_check_country(const char *c)
{
	if (strlen(c) == 2)
		return mmhs_ascii_is_alpha((unsigned char) c[0]) &&
		    mmhs_ascii_is_alpha((unsigned char) c[1]);
	return strlen(c) == 3 && mmhs_ascii_is_digit((unsigned char) c[0]) &&
	    mmhs_ascii_is_digit((unsigned char) c[1]) &&
	    mmhs_ascii_is_digit((unsigned char) c[2]);
}

/* oraddr_check - rules that involve more than one attribute */
static int
oraddr_check(const struct mmhs_oraddr *addr, int flags, char *err,
	size_t errlen)
{
	int i;

	for (i = 1; i < MMHS_ORADDR_NOU; i++)
		if (addr->oa_ou[i][0] != '\0' && addr->oa_ou[i - 1][0] == '\0')
			return mmhs_text_error(err, errlen,
			    "OU%d present without OU%d", i + 1, i);
	if (addr->oa_s[0] == '\0') {
		for (i = ORA_G; i <= ORA_Q; i++)
			if (oraddr_cfield(addr, i)[0] != '\0')
				return mmhs_text_error(err, errlen,
				    "%s present without S",
				    oraddr_fields[i].of_key);
	}
	if (addr->oa_c[0] != '\0' && !oraddr_check_country(addr->oa_c))
		return mmhs_text_error(err, errlen,
		    "C must be 2 letters or 3 digits");
	if (flags & MMHS_ORADDR_PATTERN) {
		if (mmhs_oraddr_specificity(addr) == 0)
			return mmhs_text_error(err, errlen,
			    "pattern has no attributes");
		return 0;
	}
	if (addr->oa_c[0] == '\0')
		return mmhs_text_error(err, errlen, "C is required");
	if (addr->oa_admd[0] == '\0')
		return mmhs_text_error(err, errlen,
		    "ADMD is required (write \"ADMD= \" for a blank ADMD)");
	return 0;
}

/* mmhs_oraddr_parse - parse an std-or-address string into *addr */
int
mmhs_oraddr_parse(const char *str, int flags, struct mmhs_oraddr *addr,
	char *err, size_t errlen)
{
	const char *p;

	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if (addr == NULL)
		return mmhs_text_error(err, errlen, "no result structure");
	memset(addr, 0, sizeof(*addr));
	if (str == NULL)
		return mmhs_text_error(err, errlen, "no O/R address");
	if (str[0] != '/')
		return mmhs_text_error(err, errlen, "missing leading '/'");
	p = str + 1;
	while (*p != '\0')
		if (oraddr_parse_attr(&p, addr, err, errlen) < 0)
			return -1;
	return oraddr_check(addr, flags, err, errlen);
}

/* oraddr_putc - append one byte, remembering overflow as pos > len */
static void
oraddr_putc(struct oraddr_out *out, int c)
{
	if (out->ou_pos < out->ou_len)
		out->ou_buf[out->ou_pos] = (char) c;
	out->ou_pos++;
}

/* oraddr_puts - append a string verbatim */
static void
oraddr_puts(struct oraddr_out *out, const char *s)
{
	while (*s != '\0')
		oraddr_putc(out, (unsigned char) *s++);
}

/* oraddr_put_attr - append "key=value/" with '/', '=' and '$' escaped */
static void
oraddr_put_attr(struct oraddr_out *out, const char *prefix, const char *key,
	const char *value)
{
	oraddr_puts(out, prefix);
	oraddr_puts(out, key);
	oraddr_putc(out, '=');
	for (; *value != '\0'; value++) {
		if (*value == '/' || *value == '=' || *value == '$')
			oraddr_putc(out, '$');
		oraddr_putc(out, (unsigned char) *value);
	}
	oraddr_putc(out, '/');
}

/* mmhs_oraddr_format - write the canonical string form of addr */
int
mmhs_oraddr_format(const struct mmhs_oraddr *addr, char *buf, size_t len)
{
	struct oraddr_out out = { buf, len, 0 };
	const char *value;
	int i;

	if (addr == NULL || buf == NULL || len == 0)
		return -1;
	oraddr_putc(&out, '/');
	for (i = 0; i < ORA_NFIXED; i++) {
		value = oraddr_cfield(addr, i);
		if (value[0] != '\0')
			oraddr_put_attr(&out, "", oraddr_fields[i].of_key,
			    value);
	}
	for (i = 0; i < oraddr_ndda(addr); i++)
		oraddr_put_attr(&out, "DDA:", addr->oa_dda[i].od_type,
		    addr->oa_dda[i].od_value);
	if (out.ou_pos >= len) {
		buf[len - 1] = '\0';
		return -1;
	}
	buf[out.ou_pos] = '\0';
	return (int) out.ou_pos;
}

/*
 * oraddr_squeezed - next character of a value as oRAddressMatch sees it
 *
 * Returns the lower-cased character, ' ' for a run of spaces followed
 * by more text, or 0 at the end; trailing spaces read as the end.
 * Leading spaces must have been skipped by the caller.
 */
static int
oraddr_squeezed(const char **pp)
{
	const char *p = *pp;

	if (*p == ' ') {
		while (*p == ' ')
			p++;
		*pp = p;
		return *p == '\0' ? 0 : ' ';
	}
	if (*p == '\0')
		return 0;
	*pp = p + 1;
	return mmhs_ascii_lower((unsigned char) *p);
}

/* oraddr_value_eq - printable-string match: any case, spaces squeezed */
static int
oraddr_value_eq(const char *a, const char *b)
{
	int ca, cb;

	while (*a == ' ')
		a++;
	while (*b == ' ')
		b++;
	do {
		ca = oraddr_squeezed(&a);
		cb = oraddr_squeezed(&b);
		if (ca != cb)
			return 0;
	} while (ca != 0);
	return 1;
}

/* oraddr_dda_in - 1 when addr has a DDA equal to dda */
static int
oraddr_dda_in(const struct mmhs_oraddr_dda *dda,
	const struct mmhs_oraddr *addr)
{
	int i;

	i = oraddr_find_dda(addr, dda->od_type, strlen(dda->od_type));
	return i >= 0 && oraddr_value_eq(dda->od_value,
	    addr->oa_dda[i].od_value);
}

/* mmhs_oraddr_prefix_match - every attribute of prefix is equal in addr */
int
mmhs_oraddr_prefix_match(const struct mmhs_oraddr *prefix,
	const struct mmhs_oraddr *addr)
{
	const char *want, *have;
	int i;

	if (prefix == NULL || addr == NULL)
		return 0;
	for (i = 0; i < ORA_NFIXED; i++) {
		want = oraddr_cfield(prefix, i);
		have = oraddr_cfield(addr, i);
		if (want[0] != '\0' &&
		    (have[0] == '\0' || !oraddr_value_eq(want, have)))
			return 0;
	}
	for (i = 0; i < oraddr_ndda(prefix); i++)
		if (!oraddr_dda_in(&prefix->oa_dda[i], addr))
			return 0;
	return 1;
}

/*
 * mmhs_oraddr_equal - same attributes present, with equal values
 *
 * Equal addresses have the same specificity and each is a prefix of
 * the other, which is exactly that definition.
 */
int
mmhs_oraddr_equal(const struct mmhs_oraddr *a, const struct mmhs_oraddr *b)
{
	return mmhs_oraddr_specificity(a) == mmhs_oraddr_specificity(b) &&
	    mmhs_oraddr_prefix_match(a, b) && mmhs_oraddr_prefix_match(b, a);
}

/* mmhs_oraddr_specificity - number of attributes present */
int
mmhs_oraddr_specificity(const struct mmhs_oraddr *addr)
{
	int i, n = 0;

	if (addr == NULL)
		return 0;
	for (i = 0; i < ORA_NFIXED; i++)
		n += oraddr_cfield(addr, i)[0] != '\0';
	return n + oraddr_ndda(addr);
}
