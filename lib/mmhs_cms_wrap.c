/* mmhs_cms_wrap.c - S/MIME bodies: base64, multipart/signed, wrappers
 *
 * Purpose: find the CMS object in an application/pkcs7-mime body or the
 * two parts of a multipart/signed, and write the wrappers around a CMS
 * object (the outer header fields of the message stay, in order).
 *
 * Interface: mmhs_cms_int.h.
 *
 * Error behaviour: a body that is not base64 or a multipart/signed
 * without its two parts and close delimiter give -1 and one line in err.
 *
 * Facts this rests on:
 *	RFC 8551 3.2	application/pkcs7-mime; smime-type; name=smime.p7m.
 *	RFC 8551 3.5	multipart/signed; protocol pkcs7-signature;
 *			micalg sha-256; the first part is signed as is.
 *	RFC 2046 5.1.1	the CRLF before a delimiter belongs to it;
 *			transport padding may follow a delimiter.
 *	RFC 2045 6.8	base64 lines of at most 76 characters.
 */
#include "config.h"

#include <string.h>

#include <openssl/rand.h>

#include "mmhs_alloc.h"
#include "mmhs_text.h"
#include "mmhs_cms_int.h"

static const char cms_b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void
cms_base64(struct cms_buf *b, const unsigned char *p, size_t n)
{
	char line[80];
	size_t i, col = 0;
	unsigned v;

	for (i = 0; i < n; i += 3) {
		v = (unsigned) p[i] << 16;
		if (i + 1 < n)
			v |= (unsigned) p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		line[col++] = cms_b64[(v >> 18) & 63];
		line[col++] = cms_b64[(v >> 12) & 63];
		line[col++] = i + 1 < n ? cms_b64[(v >> 6) & 63] : '=';
		line[col++] = i + 2 < n ? cms_b64[v & 63] : '=';
		if (col == 76 || i + 3 >= n) {
			line[col++] = '\r';
			line[col++] = '\n';
			cms_buf_add(b, line, col);
			col = 0;
		}
	}
}

/* cms_unbase64 - decode, skipping white space; 0 or -1 */
static int
cms_unbase64(const char *s, size_t n, unsigned char **out, size_t *outlen)
{
	unsigned char *o = mmhs_malloc(n / 4 * 3 + 3);
	unsigned v = 0;
	size_t i, k = 0, bits = 0, pad = 0;
	const char *q;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')
			continue;
		if (s[i] == '=') {
			pad++;
			continue;
		}
		if (pad > 0 || s[i] == '\0' ||
		    (q = strchr(cms_b64, s[i])) == NULL)
			goto bad;
		v = (v << 6) | (unsigned) (q - cms_b64);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			o[k++] = (unsigned char) (v >> bits);
		}
	}
	if (pad > 2 || bits >= 6 || k == 0)
		goto bad;
	*out = o;
	*outlen = k;
	return 0;
bad:
	mmhs_free(o);
	return -1;
}

int
cms_body_der(const struct cms_mime *m, unsigned char **der, size_t *len,
    char *err, size_t errlen)
{
	if (strcmp(m->cm_cte, "base64") == 0) {
		if (cms_unbase64(m->cm_body, m->cm_body_len, der, len) < 0)
			return mmhs_text_error(err, errlen,
			    "S/MIME body is not valid base64");
		return 0;
	}
	if (m->cm_cte[0] != '\0' && strcmp(m->cm_cte, "binary") != 0)
		return mmhs_text_error(err, errlen, "S/MIME body in "
		    "Content-Transfer-Encoding %s", m->cm_cte);
	if (m->cm_body_len == 0)
		return mmhs_text_error(err, errlen, "S/MIME body is empty");
	*der = mmhs_malloc(m->cm_body_len);
	memcpy(*der, m->cm_body, m->cm_body_len);
	*len = m->cm_body_len;
	return 0;
}

/*
 * cms_delim - if a delimiter line "--B" (close: "--B--") starts at p,
 * the offset just past its line end (or the end of the body); else 0
 */
static size_t
cms_delim(const char *p, size_t n, const char *bnd, int *close)
{
	size_t bl = strlen(bnd), i;

	if (n < bl + 2 || p[0] != '-' || p[1] != '-' ||
	    memcmp(p + 2, bnd, bl) != 0)
		return 0;
	i = bl + 2;
	*close = n - i >= 2 && p[i] == '-' && p[i + 1] == '-';
	if (*close)
		i += 2;
	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	if (i == n)
		return i;
	if (n - i >= 2 && p[i] == '\r' && p[i + 1] == '\n')
		return i + 2;
	return 0;
}

/* cms_next_delim - offset of the CRLF before the next delimiter, or -1 */
static long
cms_next_delim(const char *body, size_t n, size_t from, const char *bnd,
    size_t *after, int *close)
{
	size_t i, k;

	for (i = from; i + 1 < n; i++) {
		if (body[i] != '\r' || body[i + 1] != '\n')
			continue;
		if ((k = cms_delim(body + i + 2, n - i - 2, bnd, close)) > 0) {
			*after = i + 2 + k;
			return (long) i;
		}
	}
	return -1;
}

int
cms_multipart_split(const struct cms_mime *m, const char **content,
    size_t *clen, unsigned char **der, size_t *dlen, char *err,
    size_t errlen)
{
	const char *body = m->cm_body;
	size_t n = m->cm_body_len, start, after, sigstart;
	char bnd[MMHS_MSG_BOUNDARY_MAX + 1];
	struct cms_mime part;
	long end, sigend;
	int close, rc;

	if (cms_param(m->cm_ctype, "boundary", bnd, sizeof(bnd)) < 0 ||
	    bnd[0] == '\0')
		return mmhs_text_error(err, errlen,
		    "multipart/signed without a usable boundary");
	if ((start = cms_delim(body, n, bnd, &close)) > 0 && !close)
		;
	else if ((end = cms_next_delim(body, n, 0, bnd, &start, &close)) < 0
	    || close)
		return mmhs_text_error(err, errlen,
		    "multipart/signed: no first part");
	if ((end = cms_next_delim(body, n, start, bnd, &sigstart, &close)) < 0
	    || close || start > (size_t) end)
		return mmhs_text_error(err, errlen,
		    "multipart/signed: no signature part");
	if ((sigend = cms_next_delim(body, n, sigstart, bnd, &after, &close))
	    < 0 || !close)
		return mmhs_text_error(err, errlen,
		    "multipart/signed: not two parts and a close delimiter");
	*content = body + start;
	*clen = (size_t) end - start;
	if (cms_mime_split(body + sigstart, (size_t) sigend - sigstart, &part,
	    err, errlen) < 0) {
		cms_mime_free(&part);
		return -1;
	}
	if (strcmp(part.cm_type, "application/pkcs7-signature") != 0 &&
	    strcmp(part.cm_type, "application/x-pkcs7-signature") != 0)
		rc = mmhs_text_error(err, errlen, "multipart/signed: second "
		    "part is %s", part.cm_type[0] ? part.cm_type : "untyped");
	else
		rc = cms_body_der(&part, der, dlen, err, errlen);
	cms_mime_free(&part);
	return rc;
}

void
cms_wrap_opaque(const struct cms_mime *m, const char *smime_type,
    const unsigned char *der, size_t len, char **out, size_t *outlen)
{
	struct cms_buf b = { NULL, 0, 0 };

	cms_buf_add(&b, m->cm_outer.b_data, m->cm_outer.b_len);
	cms_buf_str(&b, "MIME-Version: 1.0\r\n"
	    "Content-Type: application/pkcs7-mime; smime-type=");
	cms_buf_str(&b, smime_type);
	cms_buf_str(&b, ";\r\n\tname=smime.p7m\r\n"
	    "Content-Transfer-Encoding: base64\r\n"
	    "Content-Disposition: attachment; filename=smime.p7m\r\n\r\n");
	cms_base64(&b, der, len);
	cms_buf_take(&b, out, outlen);
}

void
cms_wrap_clear(const struct cms_mime *m, const char *entity, size_t elen,
    const unsigned char *der, size_t len, char **out, size_t *outlen)
{
	struct cms_buf b = { NULL, 0, 0 };
	unsigned char rnd[16];
	char bnd[48];
	size_t i;

	/* random, so it cannot occur in the entity by chance */
	if (RAND_bytes(rnd, sizeof(rnd)) != 1)
		memset(rnd, 0x5a, sizeof(rnd));
	memcpy(bnd, "----MMHS-", 9);
	for (i = 0; i < sizeof(rnd); i++) {
		bnd[9 + 2 * i] = "0123456789ABCDEF"[rnd[i] >> 4];
		bnd[10 + 2 * i] = "0123456789ABCDEF"[rnd[i] & 15];
	}
	bnd[9 + 2 * sizeof(rnd)] = '\0';
	cms_buf_add(&b, m->cm_outer.b_data, m->cm_outer.b_len);
	cms_buf_str(&b, "MIME-Version: 1.0\r\nContent-Type: multipart/signed; "
	    "protocol=\"application/pkcs7-signature\";\r\n\tmicalg=sha-256; "
	    "boundary=\"");
	cms_buf_str(&b, bnd);
	cms_buf_str(&b, "\"\r\n\r\nThis is an S/MIME signed message\r\n\r\n--");
	cms_buf_str(&b, bnd);
	cms_buf_str(&b, "\r\n");
	cms_buf_add(&b, entity, elen);
	cms_buf_str(&b, "\r\n--");
	cms_buf_str(&b, bnd);
	cms_buf_str(&b, "\r\nContent-Type: application/pkcs7-signature; "
	    "name=smime.p7s\r\nContent-Transfer-Encoding: base64\r\n"
	    "Content-Disposition: attachment; filename=smime.p7s\r\n\r\n");
	cms_base64(&b, der, len);
	cms_buf_str(&b, "\r\n--");
	cms_buf_str(&b, bnd);
	cms_buf_str(&b, "--\r\n");
	cms_buf_take(&b, out, outlen);
}

void
cms_unwrap(const struct cms_mime *m, const char *inner, size_t len,
    char **out, size_t *outlen)
{
	struct cms_buf b = { NULL, 0, 0 };

	cms_buf_add(&b, m->cm_outer.b_data, m->cm_outer.b_len);
	cms_buf_add(&b, inner, len);
	cms_buf_take(&b, out, outlen);
}
