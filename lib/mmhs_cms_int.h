/* mmhs_cms_int.h - what the files of lib/mmhs_cms*.c share, nothing more
 *
 * mmhs_cms_mime.c splits a message into the header fields that stay
 * outside (From, To ...), the MIME entity (MIME-Version, Content-* and
 * the body) and writes S/MIME wrappers; mmhs_cms_verify.c checks one
 * signature layer; mmhs_cms_open.c walks every layer.  Buffers come
 * from mmhs_alloc (exit on exhaustion, as everywhere in lib/).
 */
#ifndef MMHS_CMS_INT_H
#define MMHS_CMS_INT_H

#include <stddef.h>

#include <openssl/cms.h>

#include "mmhs_cms.h"
#include "mmhs_msg.h"

/* A growing byte buffer, always NUL-terminated for the caller's ease. */
struct cms_buf {
	char   *b_data;
	size_t	b_len;
	size_t	b_size;
};
void	cms_buf_add(struct cms_buf *b, const void *p, size_t n);
void	cms_buf_str(struct cms_buf *b, const char *s);
void	cms_buf_take(struct cms_buf *b, char **out, size_t *outlen);
void	cms_buf_free(struct cms_buf *b);

/* A message taken apart; every line end is CRLF. */
struct cms_mime {
	char   *cm_canon;		/* the whole message, CRLF */
	size_t	cm_canon_len;
	struct cms_buf cm_outer;	/* other header fields, raw, in order */
	struct cms_buf cm_entity;	/* MIME-Version, Content-*: raw */
	int	cm_content_fields;	/* Content-* fields seen */
	const char *cm_body;		/* in cm_canon */
	size_t	cm_body_len;
	char	cm_type[MMHS_MSG_CTYPE_MAX + 1];	/* lower case, or "" */
	char   *cm_ctype;		/* Content-Type value, or NULL */
	char	cm_cte[32];		/* lower case, or "" */
	char   *cm_subject;		/* Subject value, or NULL */
};

int	cms_mime_split(const char *msg, size_t len, struct cms_mime *m,
	    char *err, size_t errlen);
void	cms_mime_free(struct cms_mime *m);
enum mmhs_cms_kind cms_mime_kind(const struct cms_mime *m);
/* The entity to protect: entity fields (or text/plain), CRLF, body. */
void	cms_mime_entity(const struct cms_mime *m, struct cms_buf *b);
/* A parameter of a Content-Type value; 0, or -1 when absent/too long. */
int	cms_param(const char *value, const char *name, char *buf, size_t len);

/* The DER of an application/pkcs7-mime body (base64 or binary). */
int	cms_body_der(const struct cms_mime *m, unsigned char **der,
	    size_t *len, char *err, size_t errlen);
/* multipart/signed: the signed entity (in m) and the signature DER. */
int	cms_multipart_split(const struct cms_mime *m, const char **content,
	    size_t *clen, unsigned char **der, size_t *dlen, char *err,
	    size_t errlen);

/* A message: outer fields, MIME-Version, the given Content-Type and
 * base64 DER (opaque), or a multipart/signed of entity and signature. */
void	cms_wrap_opaque(const struct cms_mime *m, const char *smime_type,
	    const unsigned char *der, size_t len, char **out, size_t *outlen);
void	cms_wrap_clear(const struct cms_mime *m, const char *entity,
	    size_t elen, const unsigned char *der, size_t len, char **out,
	    size_t *outlen);
/* Opening: outer fields of m, then the inner entity. */
void	cms_unwrap(const struct cms_mime *m, const char *inner, size_t len,
	    char **out, size_t *outlen);

void	cms_base64(struct cms_buf *b, const unsigned char *p, size_t n);

/* err <- "what: OpenSSL's reason"; clears OpenSSL's error queue; -1 */
int	cms_ssl_err(char *err, size_t errlen, const char *what);

/* mmhs_cms_decrypt, but -2 when no id is a recipient */
int	cms_decrypt(const struct mmhs_cms_id *ids, int nids, const char *msg,
	    size_t len, char **out, size_t *outlen, char *err, size_t errlen);

/* One readable signature layer (mmhs_cms_verify.c). */
struct cms_signed {
	struct cms_mime sd_mime;	/* the wrapper */
	CMS_ContentInfo *sd_cms;	/* NULL: signature unreadable */
	const char *sd_content;		/* the signed entity */
	size_t	sd_content_len;
	int	sd_detached;
};
int	cms_signed_read(const char *msg, size_t len, struct cms_signed *sd,
	    char *err, size_t errlen);
void	cms_signed_free(struct cms_signed *sd);
/* The signature of sd checked against trust at now into sig. */
void	cms_signed_check(X509_STORE *trust, time_t now, struct cms_signed *sd,
	    struct mmhs_cms_sig *sig);
/* The chain of cert; sets sig's status and reason. */
void	cms_chain_check(X509_STORE *trust, time_t now, X509 *cert,
	    STACK_OF(X509) *untrusted, struct mmhs_cms_sig *sig);
/* Signer subject, mail address and owned cert into sig. */
void	cms_sig_signer(struct mmhs_cms_sig *sig, X509 *cert);

#endif
