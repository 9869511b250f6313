/* mmhs_cms.h - S/MIME messages (RFC 8551) with ESS (RFC 2634), on OpenSSL CMS
 *
 * Everything works on whole RFC 5322 messages (header and body; CRLF or
 * LF line ends, output uses CRLF).  Signing or encrypting takes the
 * message's MIME entity (its Content-* header fields, or text/plain when
 * there are none, and the body) as the CMS content, and writes a message
 * with the same other header fields (From, To, Subject, RFC 6477 fields,
 * SIO-Label, Received ...) in the same order, MIME-Version: 1.0, and an
 * application/pkcs7-mime body in base64 (or, for clear-signing, a
 * multipart/signed with an application/pkcs7-signature part).  Opening
 * a layer is the inverse: the result is the other header fields of the
 * wrapper followed by the inner entity, so after opening every layer
 * the original message comes back byte for byte in its entity.
 *
 * ESS signed attributes (RFC 2634): the security label (id-aa 2), the
 * equivalent labels (id-aa 9), the receipt request (id-aa 1) and the
 * mail list expansion history (id-aa 3) are written with and read from
 * OpenSSL's ASN.1 templates, never by hand.  Labels are DER as
 * lib/mmhs_ess.h writes and reads them.
 *
 * Algorithms: RSA or EC keys, SHA-256, AES-256-CBC content encryption
 * (what gpgsm and every S/MIME client read).  Certificates for chain
 * building and the trust anchors and CRLs come from an X509_STORE the
 * caller builds (lib/mmhs_pki.h); verification checks the chain, the
 * validity dates and revocation (CRL of every certificate in the chain)
 * and reports each failure by its own status.  Nothing logs or exits;
 * failures return -1 with one line of text in err (err may be NULL).
 * Output buffers are malloc'd (the caller frees them).
 */
#ifndef MMHS_CMS_H
#define MMHS_CMS_H

#include <stddef.h>
#include <time.h>

#include <openssl/x509.h>

/* A signer or a decrypter: private key, its certificate, more certs to
 * send along (may be NULL).  The struct owns what it points to. */
struct mmhs_cms_id {
	EVP_PKEY *ci_key;
	X509   *ci_cert;
	STACK_OF(X509) *ci_chain;
};
void	mmhs_cms_id_free(struct mmhs_cms_id *id);	/* clears too */

/* Signed attributes to write; every member may be 0/NULL. */
#define MMHS_CMS_RECEIPTS_TO_MAX 8
struct mmhs_cms_attrs {
	const unsigned char *ca_label;	/* ESSSecurityLabel DER */
	size_t	ca_label_len;
	const unsigned char *ca_equiv;	/* EquivalentLabels DER */
	size_t	ca_equiv_len;
	int	ca_receipt_request;	/* 1: signed receipts from all
					 * recipients (allOrFirstTier all) */
	const char *ca_receipts_to[MMHS_CMS_RECEIPTS_TO_MAX + 1];
					/* NULL-ended mail addresses; none:
					 * the signer's own address */
	const unsigned char *ca_mlhist;	/* MLExpansionHistory DER */
	size_t	ca_mlhist_len;
};

enum mmhs_cms_form {
	MMHS_CMS_OPAQUE = 0,	/* application/pkcs7-mime; smime-type=signed-data */
	MMHS_CMS_CLEAR		/* multipart/signed, detached signature */
};

/* What the outermost layer of a message is (from its Content-Type). */
enum mmhs_cms_kind {
	MMHS_CMS_NONE = 0,	/* not S/MIME */
	MMHS_CMS_SIGNED,	/* signed-data, opaque or multipart/signed */
	MMHS_CMS_ENVELOPED,	/* enveloped-data */
	MMHS_CMS_RECEIPT,	/* smime-type=signed-receipt */
	MMHS_CMS_OTHER		/* pkcs7 we do not handle (certs-only ...) */
};
enum mmhs_cms_kind mmhs_cms_kind(const char *msg, size_t len);

int	mmhs_cms_sign(const struct mmhs_cms_id *signer,
	    const struct mmhs_cms_attrs *attrs, enum mmhs_cms_form form,
	    const char *msg, size_t len, char **out, size_t *outlen,
	    char *err, size_t errlen);

/* Encrypts for every certificate in rcpts (at least one). */
int	mmhs_cms_encrypt(STACK_OF(X509) *rcpts, const char *msg, size_t len,
	    char **out, size_t *outlen, char *err, size_t errlen);

/*
 * Decrypts an enveloped-data message with the first id whose certificate
 * is among its recipients; -1 "not encrypted for any of our keys" when
 * none is.
 */
int	mmhs_cms_decrypt(const struct mmhs_cms_id *ids, int nids,
	    const char *msg, size_t len, char **out, size_t *outlen,
	    char *err, size_t errlen);

/* The result of checking one signature layer. */
enum mmhs_sig_status {
	MMHS_SIG_OK = 0,
	MMHS_SIG_BAD,		/* content or attributes tampered with */
	MMHS_SIG_UNKNOWN_SIGNER,	/* no certificate for the signer */
	MMHS_SIG_UNTRUSTED,	/* chain does not reach a trust anchor */
	MMHS_SIG_REVOKED,	/* a certificate of the chain is revoked */
	MMHS_SIG_EXPIRED,	/* outside a certificate's validity */
	MMHS_SIG_NO_CRL,	/* revocation status unknown: no CRL */
	MMHS_SIG_MALFORMED	/* not a CMS signed-data we can read */
};
const char *mmhs_sig_status_name(enum mmhs_sig_status st);

#define MMHS_CMS_ADDR_MAX	256
struct mmhs_cms_sig {
	enum mmhs_sig_status cs_status;
	char	cs_reason[256];		/* "certificate revoked: CN=..." */
	X509   *cs_signer;		/* owned; NULL when unknown */
	char	cs_signer_subject[256];	/* RFC 2253 form */
	char	cs_signer_mail[MMHS_CMS_ADDR_MAX];	/* rfc822Name or
					 * emailAddress of the cert, or "" */
	unsigned char *cs_label;	/* ESSSecurityLabel DER, or NULL */
	size_t	cs_label_len;
	unsigned char *cs_equiv;	/* EquivalentLabels DER, or NULL */
	size_t	cs_equiv_len;
	int	cs_receipt_requested;
	char	cs_receipts_to[MMHS_CMS_RECEIPTS_TO_MAX][MMHS_CMS_ADDR_MAX];
	int	cs_nreceipts_to;
	unsigned char *cs_mlhist;	/* MLExpansionHistory DER, or NULL */
	size_t	cs_mlhist_len;
};
void	mmhs_cms_sig_free(struct mmhs_cms_sig *sig);	/* clears too */

/*
 * Checks the outermost signature of msg against trust at time now (0:
 * the current time).  Returns 0 when the message was a signed-data or
 * multipart/signed that could be read: sig says whether it verified
 * (cs_status) and what it carried, and *out is the opened message
 * (also for a failed signature, so a caller can report on it; it must
 * not be delivered as if it were signed).  Returns -1 when msg is not a
 * signed message or cannot be read (*out is NULL).
 */
int	mmhs_cms_verify(X509_STORE *trust, time_t now, const char *msg,
	    size_t len, struct mmhs_cms_sig *sig, char **out, size_t *outlen,
	    char *err, size_t errlen);

/*
 * Every layer from the outside in, as far as the keys in ids reach:
 * signatures are checked, enveloped layers decrypted with ids (nids may
 * be 0).  co_inner is the innermost message reached.  The label that
 * counts is the one of the innermost signature reached that carries one
 * (co_label points into co_sig[]; NULL when no signature has a label).
 * Returns 0 (also when a signature fails: look at co_sig[].cs_status)
 * or -1 when a layer cannot be read at all.
 */
#define MMHS_CMS_LAYERS_MAX	6
struct mmhs_cms_open {
	int	co_nsig;
	struct mmhs_cms_sig co_sig[MMHS_CMS_LAYERS_MAX];  /* outer first */
	int	co_encrypted;		/* an enveloped layer was met */
	int	co_decrypted;		/* ... and opened */
	int	co_sig_ok;		/* at least one signature, and every
					 * one reached verified (0 unsigned) */
	const struct mmhs_cms_sig *co_label;
	char   *co_inner;
	size_t	co_inner_len;
};
int	mmhs_cms_open(X509_STORE *trust, time_t now,
	    const struct mmhs_cms_id *ids, int nids, const char *msg,
	    size_t len, struct mmhs_cms_open *co, char *err, size_t errlen);
void	mmhs_cms_open_free(struct mmhs_cms_open *co);

/*
 * Signed receipts (RFC 2634 section 2).  _receipt makes the receipt
 * message (smime-type=signed-receipt, From: from, To: the request's
 * receiptsTo, Subject: "Signed receipt: <subject>") for the innermost
 * signature of msg that requested one, signed by the recipient id;
 * ids/nids open enveloped layers on the way.  -1 when no signature
 * requested a receipt, or it does not verify (no receipt for a message
 * whose signature fails).  _receipt_verify checks a receipt against the
 * original message it acknowledges (the originator keeps it).
 */
int	mmhs_cms_receipt(X509_STORE *trust, const struct mmhs_cms_id *rcpt,
	    const struct mmhs_cms_id *ids, int nids, const char *from,
	    const char *msg, size_t len, char **out, size_t *outlen,
	    char *err, size_t errlen);
int	mmhs_cms_receipt_verify(X509_STORE *trust, const char *receipt,
	    size_t rlen, const char *orig, size_t olen,
	    struct mmhs_cms_sig *sig, char *err, size_t errlen);

/*
 * Mail list expansion history (RFC 2634 section 4.2):
 *   MLExpansionHistory ::= SEQUENCE SIZE (1..64) OF MLData
 *   MLData ::= SEQUENCE { mailListIdentifier EntityIdentifier,
 *       expansionTime GeneralizedTime, mlReceiptPolicy OPTIONAL }
 * md_id is the DER of the EntityIdentifier, a CHOICE of
 * issuerAndSerialNumber or subjectKeyIdentifier (untagged as RFC 2634
 * writes it; a [0]-tagged key identifier is read too).  A receipt
 * policy is read and kept as DER.
 */
#define MMHS_CMS_MLHIST_MAX	64
struct mmhs_cms_mldata {
	unsigned char md_id[1024];
	size_t	md_id_len;
	time_t	md_time;
	unsigned char *md_policy;	/* MLReceiptPolicy DER or NULL */
	size_t	md_policy_len;
};
int	mmhs_cms_mlhist_decode(const unsigned char *der, size_t len,
	    struct mmhs_cms_mldata *v, int max, int *n, char *err,
	    size_t errlen);
int	mmhs_cms_mlhist_encode(const struct mmhs_cms_mldata *v, int n,
	    unsigned char **der, size_t *len, char *err, size_t errlen);
void	mmhs_cms_mlhist_free(struct mmhs_cms_mldata *v, int n);
/* The MLData of the list agent holding cert (subjectKeyIdentifier when
 * the cert has one) expanding at when. */
int	mmhs_cms_mldata_for(X509 *cert, time_t when,
	    struct mmhs_cms_mldata *md, char *err, size_t errlen);
/* 1 when md names cert (by either form), else 0. */
int	mmhs_cms_mldata_names(const struct mmhs_cms_mldata *md, X509 *cert);

#endif
