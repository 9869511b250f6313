/* mmhs_cms_mime.c - the MIME side of S/MIME: taking a message apart
 *
 * Purpose: split a message into the header fields that stay on the
 * outside (From, To, Subject, RFC 6477 fields, SIO-Label, Received ...)
 * and the MIME entity that gets protected (MIME-Version, Content-* and
 * the body), and tell what kind of S/MIME layer a message is.  Every
 * line end is first made CRLF (RFC 8551 3.1.1: the canonical form is
 * what is signed), so a message read from a Unix file signs the same
 * as one read from SMTP.  The header is read by lib/mmhs_msg's parser.
 * Also the byte buffer and OpenSSL error text the other files use.
 *
 * Interface: mmhs_cms_int.h, and mmhs_cms_kind() of mmhs_cms.h.
 *
 * Error behaviour: a header the mmhs_msg parser refuses gives -1 and
 * its reason in err.
 *
 * Facts this rests on:
 *	RFC 8551 3.2	application/pkcs7-mime with smime-type
 *			signed-data, enveloped-data; x-pkcs7-mime is the
 *			old name; without smime-type the CMS content type
 *			decides.
 *	RFC 2634 2.4	smime-type=signed-receipt.
 *	RFC 2045 5.1	parameters: token or quoted-string, names in
 *			any case.
 */
#include "config.h"

#include <string.h>

#include <openssl/err.h>

#include "mmhs_alloc.h"
#include "mmhs_ascii.h"
#include "mmhs_text.h"
#include "mmhs_cms_int.h"

void
cms_buf_add(struct cms_buf *b, const void *p, size_t n)
{
	if (b->b_len + n + 1 > b->b_size) {
		b->b_size = (b->b_len + n + 1) * 2;
		b->b_data = mmhs_realloc(b->b_data, b->b_size);
	}
	if (n > 0)
		memcpy(b->b_data + b->b_len, p, n);
	b->b_len += n;
	b->b_data[b->b_len] = '\0';
}

void
cms_buf_str(struct cms_buf *b, const char *s)
{
	cms_buf_add(b, s, strlen(s));
}

void
cms_buf_take(struct cms_buf *b, char **out, size_t *outlen)
{
	if (b->b_data == NULL)
		cms_buf_add(b, "", 0);
	*out = b->b_data;
	*outlen = b->b_len;
	memset(b, 0, sizeof(*b));
}

void
cms_buf_free(struct cms_buf *b)
{
	mmhs_free(b->b_data);
	memset(b, 0, sizeof(*b));
}

int
cms_ssl_err(char *err, size_t errlen, const char *what)
{
	unsigned long e = ERR_peek_last_error();
	const char *reason = e != 0 ? ERR_reason_error_string(e) : NULL;

	ERR_clear_error();
	if (reason == NULL)
		return mmhs_text_error(err, errlen, "%s", what);
	return mmhs_text_error(err, errlen, "%s: %s", what, reason);
}

/* cms_canon - msg with every bare LF made CRLF */
static char *
cms_canon(const char *msg, size_t len, size_t *outlen)
{
	size_t i, n = 0;
	char *out;

	for (i = 0; i < len; i++)
		if (msg[i] == '\n' && (i == 0 || msg[i - 1] != '\r'))
			n++;
	out = mmhs_malloc(len + n + 1);
	for (i = 0, n = 0; i < len; i++) {
		if (msg[i] == '\n' && (i == 0 || msg[i - 1] != '\r'))
			out[n++] = '\r';
		out[n++] = msg[i];
	}
	out[n] = '\0';
	*outlen = n;
	return out;
}

/* cms_lower_token - the leading "type/subtype" of a value, lower case */
static void
cms_lower_token(const char *value, char *buf, size_t len)
{
	size_t n = 0;

	value = mmhs_text_skip_cfws(value);
	while (value != NULL && *value != '\0' && *value != ';' &&
	    *value != ' ' && *value != '\t' && *value != '(' && n + 1 < len)
		buf[n++] = (char) mmhs_ascii_lower((unsigned char) *value++);
	buf[n] = '\0';
}

struct cms_split_ctx {
	struct cms_mime *sc_m;
	size_t	sc_hdrlen;		/* raw octets of the header section */
	int	sc_ended;
};

/* cms_split_event - sort the top-level header fields */
static int
cms_split_event(void *arg, const struct mmhs_msg_event *ev)
{
	struct cms_split_ctx *sc = arg;
	struct cms_mime *m = sc->sc_m;
	int content;

	if (ev->ev_depth != 0 || sc->sc_ended)
		return 0;
	if (ev->ev_type == MMHS_MSG_EV_HEADER_END) {
		sc->sc_hdrlen += ev->ev_rawlen;
		sc->sc_ended = 1;
		return 0;
	}
	if (ev->ev_type != MMHS_MSG_EV_HEADER)
		return 0;
	sc->sc_hdrlen += ev->ev_rawlen;
	content = strlen(ev->ev_name) > 8 &&
	    mmhs_text_ncaseeq(ev->ev_name, 8, "content-");
	if (content || mmhs_text_ncaseeq(ev->ev_name, strlen(ev->ev_name),
	    "mime-version")) {
		cms_buf_add(&m->cm_entity, ev->ev_raw, ev->ev_rawlen);
		m->cm_content_fields |= content;
	} else
		cms_buf_add(&m->cm_outer, ev->ev_raw, ev->ev_rawlen);
	if (mmhs_text_ncaseeq(ev->ev_name, strlen(ev->ev_name),
	    "content-type") && m->cm_ctype == NULL) {
		m->cm_ctype = mmhs_strdup(ev->ev_value);
		cms_lower_token(ev->ev_value, m->cm_type, sizeof(m->cm_type));
	} else if (mmhs_text_ncaseeq(ev->ev_name, strlen(ev->ev_name),
	    "content-transfer-encoding") && m->cm_cte[0] == '\0')
		cms_lower_token(ev->ev_value, m->cm_cte, sizeof(m->cm_cte));
	else if (mmhs_text_ncaseeq(ev->ev_name, strlen(ev->ev_name),
	    "subject") && m->cm_subject == NULL)
		m->cm_subject = mmhs_strdup(ev->ev_value);
	return 0;
}

int
cms_mime_split(const char *msg, size_t len, struct cms_mime *m,
    char *err, size_t errlen)
{
	struct mmhs_msg_limits lim;
	struct mmhs_msg_parser *mp;
	struct cms_split_ctx sc;
	int rc;

	memset(m, 0, sizeof(*m));
	memset(&lim, 0, sizeof(lim));
	lim.ml_headers_only = 1;
	memset(&sc, 0, sizeof(sc));
	sc.sc_m = m;
	m->cm_canon = cms_canon(msg, len, &m->cm_canon_len);
	mp = mmhs_msg_parser_new(&lim, cms_split_event, &sc);
	rc = mmhs_msg_feed(mp, m->cm_canon, m->cm_canon_len);
	if (rc == 0)
		rc = mmhs_msg_finish(mp);
	if (rc < 0)
		mmhs_text_error(err, errlen, "message header: %s",
		    mmhs_msg_error(mp));
	mmhs_msg_parser_free(mp);
	if (rc < 0)
		return -1;
	if (sc.sc_hdrlen > m->cm_canon_len)
		return mmhs_text_error(err, errlen, "message header: "
		    "inconsistent length");
	m->cm_body = m->cm_canon + sc.sc_hdrlen;
	m->cm_body_len = m->cm_canon_len - sc.sc_hdrlen;
	return 0;
}

void
cms_mime_free(struct cms_mime *m)
{
	mmhs_free(m->cm_canon);
	cms_buf_free(&m->cm_outer);
	cms_buf_free(&m->cm_entity);
	mmhs_free(m->cm_ctype);
	mmhs_free(m->cm_subject);
	memset(m, 0, sizeof(*m));
}

void
cms_mime_entity(const struct cms_mime *m, struct cms_buf *b)
{
	if (m->cm_entity.b_len > 0)
		cms_buf_add(b, m->cm_entity.b_data, m->cm_entity.b_len);
	if (!m->cm_content_fields)
		cms_buf_str(b, "Content-Type: text/plain\r\n");
	cms_buf_str(b, "\r\n");
	cms_buf_add(b, m->cm_body, m->cm_body_len);
}

/* cms_param_value - one parameter value (token or quoted) at p */
static const char *
cms_param_value(const char *p, char *buf, size_t len, int *fits)
{
	size_t n = 0;

	*fits = 1;
	if (*p == '"') {
		for (p++; *p != '\0' && *p != '"'; p++) {
			if (*p == '\\' && p[1] != '\0')
				p++;
			if (n + 1 < len)
				buf[n++] = *p;
			else
				*fits = 0;
		}
		if (*p == '"')
			p++;
	} else {
		for (; *p != '\0' && *p != ';' && *p != ' ' && *p != '\t' &&
		    *p != '('; p++) {
			if (n + 1 < len)
				buf[n++] = *p;
			else
				*fits = 0;
		}
	}
	buf[n] = '\0';
	return p;
}

int
cms_param(const char *value, const char *name, char *buf, size_t len)
{
	const char *p = value, *attr;
	size_t alen;
	int fits, match;

	if (value == NULL || len == 0)
		return -1;
	while (*p != '\0' && *p != ';')
		p++;
	while (*p == ';') {
		if ((p = mmhs_text_skip_cfws(p + 1)) == NULL)
			return -1;
		attr = p;
		while (*p != '\0' && *p != '=' && *p != ';' && *p != ' ' &&
		    *p != '\t')
			p++;
		alen = (size_t) (p - attr);
		if ((p = mmhs_text_skip_cfws(p)) == NULL)
			return -1;
		if (*p != '=')
			continue;
		if ((p = mmhs_text_skip_cfws(p + 1)) == NULL)
			return -1;
		match = mmhs_text_ncaseeq(attr, alen, name);
		p = cms_param_value(p, buf, len, &fits);
		if (match)
			return fits ? 0 : -1;
		while (*p != '\0' && *p != ';')
			p++;
	}
	buf[0] = '\0';
	return -1;
}

/* cms_kind_der - the kind of a pkcs7-mime body without smime-type */
static enum mmhs_cms_kind
cms_kind_der(const struct cms_mime *m)
{
	const unsigned char *p;
	unsigned char *der;
	CMS_ContentInfo *cms;
	enum mmhs_cms_kind k = MMHS_CMS_OTHER;
	size_t len;

	if (cms_body_der(m, &der, &len, NULL, 0) < 0)
		return MMHS_CMS_OTHER;
	p = der;
	if ((cms = d2i_CMS_ContentInfo(NULL, &p, (long) len)) != NULL) {
		switch (OBJ_obj2nid(CMS_get0_type(cms))) {
		case NID_pkcs7_signed:
			k = OBJ_obj2nid(CMS_get0_eContentType(cms)) ==
			    NID_id_smime_ct_receipt ? MMHS_CMS_RECEIPT :
			    MMHS_CMS_SIGNED;
			break;
		case NID_pkcs7_enveloped:
			k = MMHS_CMS_ENVELOPED;
			break;
		}
		CMS_ContentInfo_free(cms);
	}
	ERR_clear_error();
	mmhs_free(der);
	return k;
}

enum mmhs_cms_kind
cms_mime_kind(const struct cms_mime *m)
{
	char v[64];
	size_t i;

	if (strcmp(m->cm_type, "multipart/signed") == 0) {
		if (cms_param(m->cm_ctype, "protocol", v, sizeof(v)) < 0)
			return MMHS_CMS_NONE;
		for (i = 0; v[i] != '\0'; i++)
			v[i] = (char) mmhs_ascii_lower((unsigned char) v[i]);
		return strcmp(v, "application/pkcs7-signature") == 0 ||
		    strcmp(v, "application/x-pkcs7-signature") == 0 ?
		    MMHS_CMS_SIGNED : MMHS_CMS_NONE;
	}
	if (strcmp(m->cm_type, "application/pkcs7-signature") == 0 ||
	    strcmp(m->cm_type, "application/x-pkcs7-signature") == 0)
		return MMHS_CMS_OTHER;
	if (strcmp(m->cm_type, "application/pkcs7-mime") != 0 &&
	    strcmp(m->cm_type, "application/x-pkcs7-mime") != 0)
		return MMHS_CMS_NONE;
	if (cms_param(m->cm_ctype, "smime-type", v, sizeof(v)) < 0)
		return cms_kind_der(m);
	for (i = 0; v[i] != '\0'; i++)
		v[i] = (char) mmhs_ascii_lower((unsigned char) v[i]);
	if (strcmp(v, "signed-data") == 0)
		return MMHS_CMS_SIGNED;
	if (strcmp(v, "enveloped-data") == 0)
		return MMHS_CMS_ENVELOPED;
	if (strcmp(v, "signed-receipt") == 0)
		return MMHS_CMS_RECEIPT;
	return MMHS_CMS_OTHER;
}

enum mmhs_cms_kind
mmhs_cms_kind(const char *msg, size_t len)
{
	struct cms_mime m;
	enum mmhs_cms_kind k = MMHS_CMS_NONE;

	if (cms_mime_split(msg, len, &m, NULL, 0) == 0)
		k = cms_mime_kind(&m);
	cms_mime_free(&m);
	return k;
}
