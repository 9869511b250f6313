/* mmhs_cms_sign.c - signing, encrypting and decrypting whole messages
 *
 * Purpose: the protecting half of mmhs_cms.h.  The MIME entity of the
 * message (mmhs_cms_mime.c) becomes the CMS content, byte for byte and
 * with CMS_BINARY, so OpenSSL never rewrites line ends behind our back:
 * the entity is already canonical (CRLF).  The ESS attributes are
 * checked with their decoders before they go in, so we never sign a
 * label we could not read back.
 *
 * Interface: mmhs_cms.h (mmhs_cms_id_free, mmhs_cms_sign,
 * mmhs_cms_encrypt, mmhs_cms_decrypt).
 *
 * Error behaviour: -1 and one line in err; OpenSSL's error queue is
 * left empty.
 *
 * Facts this rests on:
 *	RFC 2634 2.7	the receipt request is a signed attribute of the
 *			signature that covers the content (the inner one).
 *	RFC 2634 5.4.15	ESSSecurityLabel is a SET: attribute value type
 *			V_ASN1_SET; EquivalentLabels and MLExpansionHistory
 *			are SEQUENCEs.
 *	RFC 8551 2.7	AES-256-CBC is a MUST for receiving agents.
 */
#include "config.h"

#include <limits.h>
#include <string.h>

#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>

#include "mmhs_alloc.h"
#include "mmhs_text.h"
#include "mmhs_ess.h"
#include "mmhs_cms_int.h"

void
mmhs_cms_id_free(struct mmhs_cms_id *id)
{
	if (id == NULL)
		return;
	EVP_PKEY_free(id->ci_key);
	X509_free(id->ci_cert);
	sk_X509_pop_free(id->ci_chain, X509_free);
	memset(id, 0, sizeof(*id));
}

/* cms_add_der_attr - one signed attribute whose value is the DER given */
static int
cms_add_der_attr(CMS_SignerInfo *si, int nid, int type,
    const unsigned char *der, size_t len, const char *what, char *err,
    size_t errlen)
{
	if (der == NULL || len == 0)
		return 0;
	if (!CMS_signed_add1_attr_by_OBJ(si, OBJ_nid2obj(nid), type, der,
	    (int) len))
		return cms_ssl_err(err, errlen, what);
	return 0;
}

/* cms_general_names - a GeneralNames of one rfc822Name, or NULL */
static GENERAL_NAMES *
cms_general_names(const char *addr)
{
	GENERAL_NAMES *gens;
	GENERAL_NAME *gen;
	ASN1_IA5STRING *s;

	if ((gens = GENERAL_NAMES_new()) == NULL)
		return NULL;
	if ((gen = GENERAL_NAME_new()) == NULL ||
	    (s = ASN1_IA5STRING_new()) == NULL) {
		GENERAL_NAME_free(gen);
		GENERAL_NAMES_free(gens);
		return NULL;
	}
	GENERAL_NAME_set0_value(gen, GEN_EMAIL, s);
	if (!ASN1_STRING_set(s, addr, (int) strlen(addr)) ||
	    !sk_GENERAL_NAME_push(gens, gen)) {
		GENERAL_NAME_free(gen);
		GENERAL_NAMES_free(gens);
		return NULL;
	}
	return gens;
}

/* cms_add_receipt_request - receipts from all, to the addresses given */
static int
cms_add_receipt_request(CMS_SignerInfo *si, const struct mmhs_cms_id *id,
    const struct mmhs_cms_attrs *a, char *err, size_t errlen)
{
	STACK_OF(GENERAL_NAMES) *to;
	CMS_ReceiptRequest *rr;
	GENERAL_NAMES *gens;
	struct mmhs_cms_sig self;
	const char *addr;
	int i, rc;

	memset(&self, 0, sizeof(self));
	if ((to = sk_GENERAL_NAMES_new_null()) == NULL)
		return mmhs_text_error(err, errlen, "out of memory");
	for (i = 0; i == 0 || (i < MMHS_CMS_RECEIPTS_TO_MAX &&
	    a->ca_receipts_to[i] != NULL); i++) {
		if ((addr = a->ca_receipts_to[i]) == NULL) {
			cms_sig_signer(&self, X509_dup(id->ci_cert));
			addr = self.cs_signer_mail;
		}
		if (addr[0] == '\0' || strchr(addr, '@') == NULL) {
			rc = mmhs_text_error(err, errlen, "receipt request: "
			    "no mail address to send receipts to");
			goto done;
		}
		if ((gens = cms_general_names(addr)) == NULL ||
		    !sk_GENERAL_NAMES_push(to, gens)) {
			GENERAL_NAMES_free(gens);
			rc = mmhs_text_error(err, errlen, "out of memory");
			goto done;
		}
	}
	/* NULL identifier: OpenSSL draws 32 random octets */
	rr = CMS_ReceiptRequest_create0(NULL, -1, 0, NULL, to);
	if (rr == NULL) {
		rc = cms_ssl_err(err, errlen, "receipt request");
		goto done;
	}
	to = NULL;
	rc = CMS_add1_ReceiptRequest(si, rr) ? 0 :
	    cms_ssl_err(err, errlen, "receipt request");
	CMS_ReceiptRequest_free(rr);
done:
	sk_GENERAL_NAMES_pop_free(to, GENERAL_NAMES_free);
	mmhs_cms_sig_free(&self);
	return rc;
}

/* cms_check_attrs - every DER attribute decodes before it is signed */
static int
cms_check_attrs(const struct mmhs_cms_attrs *a, char *err, size_t errlen)
{
	struct mmhs_cms_mldata v[MMHS_CMS_MLHIST_MAX];
	struct mmhs_ess_label el, *els;
	int n, rc = 0;

	if (a->ca_label != NULL) {
		rc = mmhs_ess_decode(a->ca_label, a->ca_label_len, &el, err,
		    errlen);
		mmhs_ess_free(&el);
	}
	if (rc == 0 && a->ca_equiv != NULL) {
		rc = mmhs_ess_equiv_decode(a->ca_equiv, a->ca_equiv_len, &els,
		    &n, err, errlen);
		mmhs_ess_equiv_free(els, n);
	}
	if (rc == 0 && a->ca_mlhist != NULL) {
		rc = mmhs_cms_mlhist_decode(a->ca_mlhist, a->ca_mlhist_len, v,
		    MMHS_CMS_MLHIST_MAX, &n, err, errlen);
		mmhs_cms_mlhist_free(v, n);
	}
	return rc;
}

/* cms_signed_der - the signed-data of content, DER in *der */
static int
cms_signed_der(const struct mmhs_cms_id *id, const struct mmhs_cms_attrs *a,
    int detached, const char *content, size_t clen, unsigned char **der,
    int *dlen, char *err, size_t errlen)
{
	unsigned flags = CMS_PARTIAL | CMS_BINARY | (detached ? CMS_DETACHED : 0);
	CMS_ContentInfo *cms;
	CMS_SignerInfo *si;
	BIO *in;
	int i, rc = -1;

	*der = NULL;
	if ((cms = CMS_sign(NULL, NULL, NULL, NULL, flags)) == NULL)
		return cms_ssl_err(err, errlen, "cannot sign");
	si = CMS_add1_signer(cms, id->ci_cert, id->ci_key, EVP_sha256(), flags);
	if (si == NULL) {
		cms_ssl_err(err, errlen, "signer key or certificate");
		goto done;
	}
	for (i = 0; i < sk_X509_num(id->ci_chain); i++)
		if (!CMS_add1_cert(cms, sk_X509_value(id->ci_chain, i))) {
			cms_ssl_err(err, errlen, "chain certificate");
			goto done;
		}
	if (a != NULL && (cms_add_der_attr(si, NID_id_smime_aa_securityLabel,
	    V_ASN1_SET, a->ca_label, a->ca_label_len, "security label", err,
	    errlen) < 0 || cms_add_der_attr(si,
	    NID_id_smime_aa_equivalentLabels, V_ASN1_SEQUENCE, a->ca_equiv,
	    a->ca_equiv_len, "equivalent labels", err, errlen) < 0 ||
	    cms_add_der_attr(si, NID_id_smime_aa_mlExpandHistory,
	    V_ASN1_SEQUENCE, a->ca_mlhist, a->ca_mlhist_len,
	    "ML expansion history", err, errlen) < 0 ||
	    (a->ca_receipt_request &&
	    cms_add_receipt_request(si, id, a, err, errlen) < 0)))
		goto done;
	in = BIO_new_mem_buf(content, (int) clen);
	if (in == NULL || !CMS_final(cms, in, NULL, flags)) {
		BIO_free(in);
		cms_ssl_err(err, errlen, "signing failed");
		goto done;
	}
	BIO_free(in);
	if ((*dlen = i2d_CMS_ContentInfo(cms, der)) <= 0) {
		cms_ssl_err(err, errlen, "cannot encode the signed-data");
		goto done;
	}
	rc = 0;
done:
	CMS_ContentInfo_free(cms);
	return rc;
}

int
mmhs_cms_sign(const struct mmhs_cms_id *signer,
    const struct mmhs_cms_attrs *attrs, enum mmhs_cms_form form,
    const char *msg, size_t len, char **out, size_t *outlen,
    char *err, size_t errlen)
{
	struct cms_buf entity = { NULL, 0, 0 };
	struct cms_mime m;
	unsigned char *der = NULL;
	int dlen = 0, rc = -1;

	*out = NULL;
	*outlen = 0;
	if (signer == NULL || signer->ci_key == NULL || signer->ci_cert == NULL)
		return mmhs_text_error(err, errlen, "no signing key");
	if (len > INT_MAX / 2)
		return mmhs_text_error(err, errlen, "message too large");
	if (attrs != NULL && cms_check_attrs(attrs, err, errlen) < 0)
		return -1;
	if (cms_mime_split(msg, len, &m, err, errlen) < 0)
		goto done;
	cms_mime_entity(&m, &entity);
	if (cms_signed_der(signer, attrs, form == MMHS_CMS_CLEAR,
	    entity.b_data, entity.b_len, &der, &dlen, err, errlen) < 0)
		goto done;
	if (form == MMHS_CMS_CLEAR)
		cms_wrap_clear(&m, entity.b_data, entity.b_len, der,
		    (size_t) dlen, out, outlen);
	else
		cms_wrap_opaque(&m, "signed-data", der, (size_t) dlen, out,
		    outlen);
	rc = 0;
done:
	OPENSSL_free(der);
	cms_buf_free(&entity);
	cms_mime_free(&m);
	return rc;
}

int
mmhs_cms_encrypt(STACK_OF(X509) *rcpts, const char *msg, size_t len,
    char **out, size_t *outlen, char *err, size_t errlen)
{
	struct cms_buf entity = { NULL, 0, 0 };
	CMS_ContentInfo *cms = NULL;
	unsigned char *der = NULL;
	struct cms_mime m;
	BIO *in = NULL;
	int dlen, rc = -1;

	*out = NULL;
	*outlen = 0;
	if (sk_X509_num(rcpts) < 1)
		return mmhs_text_error(err, errlen, "no recipient certificate");
	if (len > INT_MAX / 2)
		return mmhs_text_error(err, errlen, "message too large");
	if (cms_mime_split(msg, len, &m, err, errlen) < 0)
		goto done;
	cms_mime_entity(&m, &entity);
	if ((in = BIO_new_mem_buf(entity.b_data, (int) entity.b_len)) == NULL ||
	    (cms = CMS_encrypt(rcpts, in, EVP_aes_256_cbc(), CMS_BINARY)) ==
	    NULL) {
		cms_ssl_err(err, errlen, "encryption failed");
		goto done;
	}
	if ((dlen = i2d_CMS_ContentInfo(cms, &der)) <= 0) {
		cms_ssl_err(err, errlen, "cannot encode the enveloped-data");
		goto done;
	}
	cms_wrap_opaque(&m, "enveloped-data", der, (size_t) dlen, out, outlen);
	rc = 0;
done:
	BIO_free(in);
	CMS_ContentInfo_free(cms);
	OPENSSL_free(der);
	cms_buf_free(&entity);
	cms_mime_free(&m);
	return rc;
}

/* cms_read_enveloped - the enveloped-data of msg into *cms; 0 or -1 */
static int
cms_read_enveloped(const struct cms_mime *m, CMS_ContentInfo **cms,
    char *err, size_t errlen)
{
	const unsigned char *p;
	unsigned char *der;
	size_t len;

	*cms = NULL;
	if (cms_mime_kind(m) != MMHS_CMS_ENVELOPED)
		return mmhs_text_error(err, errlen, "not an encrypted message");
	if (cms_body_der(m, &der, &len, err, errlen) < 0)
		return -1;
	p = der;
	*cms = d2i_CMS_ContentInfo(NULL, &p, (long) len);
	if (*cms == NULL || p != der + len ||
	    OBJ_obj2nid(CMS_get0_type(*cms)) != NID_pkcs7_enveloped) {
		CMS_ContentInfo_free(*cms);
		*cms = NULL;
		mmhs_free(der);
		ERR_clear_error();
		return mmhs_text_error(err, errlen,
		    "not a readable CMS enveloped-data");
	}
	mmhs_free(der);
	return 0;
}

int
mmhs_cms_decrypt(const struct mmhs_cms_id *ids, int nids, const char *msg,
    size_t len, char **out, size_t *outlen, char *err, size_t errlen)
{
	return cms_decrypt(ids, nids, msg, len, out, outlen, err, errlen) < 0 ?
	    -1 : 0;
}

/*
 * cms_is_recipient - does the enveloped-data name cert?  Asked before
 * CMS_decrypt(), whose failure for a key that is not a recipient does
 * not always leave a reason to tell it from a wrong key.
 */
static int
cms_is_recipient(CMS_ContentInfo *cms, X509 *cert)
{
	STACK_OF(CMS_RecipientInfo) *ris = CMS_get0_RecipientInfos(cms);
	STACK_OF(CMS_RecipientEncryptedKey) *reks;
	CMS_RecipientInfo *ri;
	int i, j;

	for (i = 0; i < sk_CMS_RecipientInfo_num(ris); i++) {
		ri = sk_CMS_RecipientInfo_value(ris, i);
		switch (CMS_RecipientInfo_type(ri)) {
		case CMS_RECIPINFO_TRANS:
			if (CMS_RecipientInfo_ktri_cert_cmp(ri, cert) == 0)
				return 1;
			break;
		case CMS_RECIPINFO_AGREE:
			reks = CMS_RecipientInfo_kari_get0_reks(ri);
			for (j = 0; j < sk_CMS_RecipientEncryptedKey_num(reks);
			    j++)
				if (CMS_RecipientEncryptedKey_cert_cmp(
				    sk_CMS_RecipientEncryptedKey_value(reks, j),
				    cert) == 0)
					return 1;
			break;
		}
	}
	return 0;
}

int
cms_decrypt(const struct mmhs_cms_id *ids, int nids, const char *msg,
    size_t len, char **out, size_t *outlen, char *err, size_t errlen)
{
	CMS_ContentInfo *cms = NULL;
	struct cms_mime m;
	BIO *mem;
	BUF_MEM *bm;
	int i, rc = -1;

	*out = NULL;
	*outlen = 0;
	if (cms_mime_split(msg, len, &m, err, errlen) < 0 ||
	    cms_read_enveloped(&m, &cms, err, errlen) < 0)
		goto done;
	rc = -2;
	mmhs_text_error(err, errlen, "not encrypted for any of our keys");
	for (i = 0; i < nids; i++) {
		if (ids[i].ci_key == NULL || ids[i].ci_cert == NULL ||
		    !cms_is_recipient(cms, ids[i].ci_cert))
			continue;
		if ((mem = BIO_new(BIO_s_mem())) == NULL)
			break;
		if (CMS_decrypt(cms, ids[i].ci_key, ids[i].ci_cert, NULL, mem,
		    CMS_BINARY)) {
			BIO_get_mem_ptr(mem, &bm);
			cms_unwrap(&m, bm->data, bm->length, out, outlen);
			BIO_free(mem);
			rc = 0;
			break;
		}
		BIO_free(mem);
		cms_ssl_err(err, errlen, "decryption with our key failed "
		    "(wrong key for the certificate, or damaged message)");
		rc = -1;
		break;
	}
done:
	CMS_ContentInfo_free(cms);
	cms_mime_free(&m);
	return rc;
}
