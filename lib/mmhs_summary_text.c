/* mmhs_summary_text.c - addresses and text for mmhs_summary
 *
 * Interface: mmhs_summary_int.h.  Two small decoders that never fail
 * on bad input: a field that holds no usable address gives NULL, and
 * transfer encoding that is broken is decoded as far as it makes sense
 * (an "=" not followed by two hex digits stays as it is, octets outside
 * the base64 alphabet are skipped, as RFC 2045 6.7 and 6.8 advise).
 *
 * Addresses (RFC 5322 3.4): mailbox = name-addr / addr-spec, with
 * name-addr = [display-name] "<" addr-spec ">" and CFWS around every
 * token; group = display-name ":" [mailbox-list] ";".  The obsolete
 * route "<@a,@b:x@y>" of RFC 5322 4.4 is dropped.  The result is the
 * addr-spec with its comments and folding white space removed and
 * quoted strings kept as written.
 */
#include "config.h"

#include <string.h>

#include "mmhs_alloc.h"
#include "mmhs_ascii.h"
#include "mmhs_summary_int.h"

/* su_atext - RFC 5322 atext, and UTF-8 octets (RFC 6532) */
static int
su_atext(int c)
{
	return mmhs_ascii_is_alpha(c) || mmhs_ascii_is_digit(c) || c > 127 ||
	    (c != '\0' && strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL);
}

/* su_dot_atom - 1*atext *("." 1*atext) over s[0..len) */
static int
su_dot_atom(const char *s, size_t len)
{
	size_t	i;

	if (len == 0 || s[0] == '.' || s[len - 1] == '.')
		return 0;
	for (i = 0; i < len; i++)
		if (s[i] == '.' ? s[i + 1] == '.' :
		    !su_atext((unsigned char)s[i]))
			return 0;
	return 1;
}

/* su_local_part - dot-atom, or one quoted-string */
static int
su_local_part(const char *s, size_t len)
{
	size_t	i;

	if (len < 2 || s[0] != '"')
		return su_dot_atom(s, len);
	for (i = 1; i < len - 1; i++)
		if (s[i] == '\\')
			i++;
		else if (s[i] == '"' || (unsigned char)s[i] < 32)
			return 0;
	return i == len - 1 && s[i] == '"';
}

/* su_domain - dot-atom, or a domain literal "[...]" */
static int
su_domain(const char *s)
{
	size_t	len = strlen(s);

	if (len >= 2 && s[0] == '[')
		return s[len - 1] == ']' && strcspn(s + 1, "[]\\") == len - 2;
	return su_dot_atom(s, len);
}

/* su_addr_clean - the addr-spec in s[0..len): CFWS out, checked */
static char *
su_addr_clean(const char *s, size_t len)
{
	char   *out = mmhs_malloc(len + 1), *at;
	size_t	i, o = 0;
	int	quote = 0, comment = 0;

	for (i = 0; i < len; i++) {
		if ((quote || comment) && s[i] == '\\' && i + 1 < len) {
			if (quote) {
				out[o++] = s[i];
				out[o++] = s[i + 1];
			}
			i++;
		} else if (comment) {
			comment += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
		} else if (s[i] == '"') {
			quote = !quote;
			out[o++] = s[i];
		} else if (quote) {
			out[o++] = s[i];
		} else if (s[i] == '(') {
			comment = 1;
		} else if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' &&
		    s[i] != '\n') {
			out[o++] = s[i];
		}
	}
	out[o] = '\0';
	/* the obsolete route ends at the last ':' outside quotes */
	if (out[0] == '@' && (at = strrchr(out, ':')) != NULL)
		memmove(out, at + 1, strlen(at + 1) + 1);
	at = strrchr(out, '@');
	if (quote || comment || at == NULL ||
	    !su_local_part(out, (size_t)(at - out)) || !su_domain(at + 1)) {
		mmhs_free(out);
		return NULL;
	}
	return out;
}

/* su_blank - only white space in s[0..len) */
static int
su_blank(const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' &&
		    s[i] != '\n')
			return 0;
	return 1;
}

/* su_addr_spec - addr-spec of the first mailbox of an address field */
char *
su_addr_spec(const char *value)
{
	const char *p, *start = value, *lt = NULL;
	int	quote = 0, comment = 0;

	for (p = value; *p != '\0'; p++) {
		if ((quote || comment) && *p == '\\' && p[1] != '\0') {
			p++;
			continue;
		}
		if (comment) {
			comment += *p == '(' ? 1 : *p == ')' ? -1 : 0;
			continue;
		}
		if (*p == '"')
			quote = !quote;
		if (quote)
			continue;
		if (*p == '(')
			comment = 1;
		else if (*p == '<' && lt == NULL)
			lt = p;
		else if (*p == '>' && lt != NULL)
			return su_addr_clean(lt + 1, (size_t)(p - lt - 1));
		else if (*p == ':' && lt == NULL)
			start = p + 1;		/* a group's name ends */
		else if ((*p == ',' || *p == ';') && lt == NULL) {
			if (su_blank(start, (size_t)(p - start))) {
				start = p + 1;	/* empty list element */
				continue;
			}
			break;
		}
	}
	if (lt != NULL)
		return NULL;		/* "<" never closed */
	return su_addr_clean(start, (size_t)(p - start));
}

/* su_hex - value of a hex digit (RFC 2045 6.7 wants upper case; lower
 * case is read too, as the RFC advises robust decoders to), or -1 */
static int
su_hex(int c)
{
	if (mmhs_ascii_is_digit(c))
		return c - '0';
	c = mmhs_ascii_upper(c);
	return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* su_qp - quoted-printable (RFC 2045 6.7) into out; its length */
static size_t
su_qp(const char *in, size_t len, char *out)
{
	size_t	i, o = 0, j;
	int	hi, lo;

	for (i = 0; i < len; i++) {
		if (in[i] != '=') {
			out[o++] = in[i];
			continue;
		}
		/* a soft line break: "=", transport padding, line end */
		j = i + 1;
		while (j < len && (in[j] == ' ' || in[j] == '\t'))
			j++;
		if (j < len && (in[j] == '\n' || (in[j] == '\r' &&
		    j + 1 < len && in[j + 1] == '\n'))) {
			i = in[j] == '\r' ? j + 1 : j;
			continue;
		}
		hi = i + 2 < len ? su_hex((unsigned char)in[i + 1]) : -1;
		lo = i + 2 < len ? su_hex((unsigned char)in[i + 2]) : -1;
		if (hi >= 0 && lo >= 0) {
			out[o++] = (char)(hi * 16 + lo);
			i += 2;
		} else
			out[o++] = '=';
	}
	return o;
}

/* su_b64_value - the 6 bits of a base64 character, or -1 */
static int
su_b64_value(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (mmhs_ascii_is_digit(c))
		return c - '0' + 52;
	return c == '+' ? 62 : c == '/' ? 63 : -1;
}

/* su_base64 - base64 (RFC 2045 6.8) into out; its length */
static size_t
su_base64(const char *in, size_t len, char *out)
{
	unsigned long acc = 0;
	size_t	i, o = 0;
	int	v, bits = 0;

	for (i = 0; i < len && in[i] != '='; i++) {
		if ((v = su_b64_value((unsigned char)in[i])) < 0)
			continue;
		acc = (acc << 6 | (unsigned long)v) & 0xffffff;
		if ((bits += 6) >= 8) {
			bits -= 8;
			out[o++] = (char)((acc >> bits) & 0xff);
		}
	}
	return o;
}

/* su_utf8_cut - length of out[0..o) without a final UTF-8 sequence
 * that the cut left incomplete */
static size_t
su_utf8_cut(const char *out, size_t o)
{
	size_t	n = o, need;
	unsigned c;

	while (n > 0 && o - n < 3 && ((unsigned char)out[n - 1] & 0xc0) ==
	    0x80)
		n--;
	if (n == 0 || (c = (unsigned char)out[n - 1]) < 0xc0)
		return o;		/* ASCII, or not UTF-8 anyway */
	need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
	return o - (n - 1) < need ? n - 1 : o;
}

/* su_decode_text - the text part, decoded, normalised and bounded */
char *
su_decode_text(const char *raw, size_t len, enum su_cte cte, size_t max,
	size_t *outlen)
{
	char   *buf = mmhs_malloc(len + 1), *out;
	size_t	n, i, o = 0;

	if (cte == SU_CTE_QP)
		n = su_qp(raw, len, buf);
	else if (cte == SU_CTE_BASE64)
		n = su_base64(raw, len, buf);
	else {
		memcpy(buf, raw, len);
		n = len;
	}
	out = mmhs_malloc((n < max ? n : max) + 1);
	for (i = 0; i < n && o < max; i++) {
		if (buf[i] == '\0' || (buf[i] == '\r' && i + 1 < n &&
		    buf[i + 1] == '\n'))
			continue;
		out[o++] = buf[i];
	}
	if (i < n)
		o = su_utf8_cut(out, o);
	out[o] = '\0';
	mmhs_free(buf);
	*outlen = o;
	return out;
}
