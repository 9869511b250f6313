/* mmhs_cms_verify.c - checking one signature layer of a message
 *
 * Purpose: read a signed-data (opaque or multipart/signed), check the
 * signature over the content, then the signer's chain to a trust anchor
 * of the caller's X509_STORE with validity dates and the CRL of every
 * certificate of the chain, and say which of these failed.  The two
 * steps are apart on purpose: CMS_verify() stops at the first failure
 * and folds them into one error, where a reader must know whether the
 * content was changed (BAD) or the signer is revoked, expired or not
 * trusted.  The ESS attributes are returned as their DER, decoded by
 * the callers with mmhs_ess / mmhs_cms_mlhist_decode.
 *
 * Interface: mmhs_cms.h (mmhs_cms_verify, mmhs_sig_status_name,
 * mmhs_cms_sig_free) and mmhs_cms_int.h (cms_signed_*, cms_chain_check,
 * cms_sig_signer).
 *
 * Error behaviour: see mmhs_cms.h.  Only the first SignerInfo is
 * reported; CMS_verify() still checks every one of them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>

#include "mmhs_alloc.h"
#include "mmhs_text.h"
#include "mmhs_cms_int.h"

static const char *const sig_status_names[] = {
	"ok", "bad signature", "unknown signer", "untrusted", "revoked",
	"expired", "no CRL", "malformed"
};

const char *
mmhs_sig_status_name(enum mmhs_sig_status st)
{
	if ((unsigned) st >= sizeof(sig_status_names) /
	    sizeof(sig_status_names[0]))
		return "unknown status";
	return sig_status_names[st];
}

void
mmhs_cms_sig_free(struct mmhs_cms_sig *sig)
{
	if (sig == NULL)
		return;
	X509_free(sig->cs_signer);
	free(sig->cs_label);
	free(sig->cs_equiv);
	free(sig->cs_mlhist);
	memset(sig, 0, sizeof(*sig));
}

static void
sig_status(struct mmhs_cms_sig *sig, enum mmhs_sig_status st,
    const char *reason, const char *detail)
{
	size_t n, room = sizeof(sig->cs_reason);

	sig->cs_status = st;
	n = strlen(reason);
	if (n >= room)
		n = room - 1;
	memcpy(sig->cs_reason, reason, n);
	if (detail != NULL && detail[0] != '\0' && n + 2 < room) {
		memcpy(sig->cs_reason + n, ": ", 2);
		n += 2;
		while (*detail != '\0' && n + 1 < room)
			sig->cs_reason[n++] = *detail++;
	}
	sig->cs_reason[n] = '\0';
}

void
cms_sig_signer(struct mmhs_cms_sig *sig, X509 *cert)
{
	STACK_OF(OPENSSL_STRING) *mails;
	const char *mail;
	BIO *bio;
	int n;

	X509_free(sig->cs_signer);
	sig->cs_signer = cert;
	sig->cs_signer_subject[0] = sig->cs_signer_mail[0] = '\0';
	if (cert == NULL)
		return;
	if ((bio = BIO_new(BIO_s_mem())) != NULL) {
		X509_NAME_print_ex(bio, X509_get_subject_name(cert), 0,
		    XN_FLAG_RFC2253);
		n = BIO_read(bio, sig->cs_signer_subject,
		    (int) sizeof(sig->cs_signer_subject) - 1);
		sig->cs_signer_subject[n > 0 ? n : 0] = '\0';
		BIO_free(bio);
	}
	if ((mails = X509_get1_email(cert)) != NULL) {
		mail = sk_OPENSSL_STRING_value(mails, 0);
		if (mail != NULL && strlen(mail) < sizeof(sig->cs_signer_mail))
			strcpy(sig->cs_signer_mail, mail);
		X509_email_free(mails);
	}
}

/* subject_of - RFC 2253 subject of cert into buf, "" when none */
static const char *
subject_of(X509 *cert, char *buf, size_t len)
{
	struct mmhs_cms_sig tmp;

	memset(&tmp, 0, sizeof(tmp));
	buf[0] = '\0';
	if (cert == NULL || !X509_up_ref(cert))
		return buf;
	cms_sig_signer(&tmp, cert);
	snprintf(buf, len, "%s", tmp.cs_signer_subject);
	mmhs_cms_sig_free(&tmp);
	return buf;
}

/* chain_status - X509 verification error -> our status */
static enum mmhs_sig_status
chain_status(int verr)
{
	switch (verr) {
	case X509_V_ERR_CERT_REVOKED:
		return MMHS_SIG_REVOKED;
	case X509_V_ERR_CERT_HAS_EXPIRED:
	case X509_V_ERR_CERT_NOT_YET_VALID:
	case X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD:
	case X509_V_ERR_ERROR_IN_CERT_NOT_AFTER_FIELD:
		return MMHS_SIG_EXPIRED;
	case X509_V_ERR_UNABLE_TO_GET_CRL:
	case X509_V_ERR_CRL_HAS_EXPIRED:
	case X509_V_ERR_CRL_NOT_YET_VALID:
	case X509_V_ERR_UNABLE_TO_GET_CRL_ISSUER:
	case X509_V_ERR_DIFFERENT_CRL_SCOPE:
	case X509_V_ERR_ERROR_IN_CRL_LAST_UPDATE_FIELD:
	case X509_V_ERR_ERROR_IN_CRL_NEXT_UPDATE_FIELD:
		return MMHS_SIG_NO_CRL;
	default:
		return MMHS_SIG_UNTRUSTED;
	}
}

void
cms_chain_check(X509_STORE *trust, time_t now, X509 *cert,
    STACK_OF(X509) *untrusted, struct mmhs_cms_sig *sig)
{
	X509_STORE_CTX *ctx;
	X509_VERIFY_PARAM *param;
	char subj[256];
	int verr;

	if (trust == NULL) {
		sig_status(sig, MMHS_SIG_UNTRUSTED, "no trust anchors", NULL);
		return;
	}
	if ((ctx = X509_STORE_CTX_new()) == NULL ||
	    !X509_STORE_CTX_init(ctx, trust, cert, untrusted) ||
	    !X509_STORE_CTX_set_default(ctx, "smime_sign")) {
		X509_STORE_CTX_free(ctx);
		ERR_clear_error();
		sig_status(sig, MMHS_SIG_UNTRUSTED, "cannot check the chain",
		    NULL);
		return;
	}
	param = X509_STORE_CTX_get0_param(ctx);
	X509_VERIFY_PARAM_set_flags(param, X509_V_FLAG_CRL_CHECK |
	    X509_V_FLAG_CRL_CHECK_ALL);
	X509_VERIFY_PARAM_set_purpose(param, X509_PURPOSE_SMIME_SIGN);
	if (now != 0)
		X509_VERIFY_PARAM_set_time(param, now);
	if (X509_verify_cert(ctx) == 1) {
		sig_status(sig, MMHS_SIG_OK, "signature verified", NULL);
	} else {
		verr = X509_STORE_CTX_get_error(ctx);
		sig_status(sig, chain_status(verr),
		    X509_verify_cert_error_string(verr), subject_of(
		    X509_STORE_CTX_get_current_cert(ctx), subj, sizeof(subj)));
	}
	X509_STORE_CTX_free(ctx);
	ERR_clear_error();
}

/* attr_der - the DER of the one value of a signed attribute, or NULL */
static unsigned char *
attr_der(CMS_SignerInfo *si, int nid, size_t *len)
{
	X509_ATTRIBUTE *attr;
	ASN1_TYPE *t;
	unsigned char *p = NULL, *copy;
	int idx, n;

	*len = 0;
	if ((idx = CMS_signed_get_attr_by_NID(si, nid, -1)) < 0)
		return NULL;
	attr = CMS_signed_get_attr(si, idx);
	if (X509_ATTRIBUTE_count(attr) != 1 ||
	    (t = X509_ATTRIBUTE_get0_type(attr, 0)) == NULL ||
	    (n = i2d_ASN1_TYPE(t, &p)) <= 0)
		return NULL;
	copy = mmhs_malloc((size_t) n);
	memcpy(copy, p, (size_t) n);
	OPENSSL_free(p);
	*len = (size_t) n;
	return copy;
}

/* sig_receipt_request - receiptsTo of a receipt request; -1: malformed */
static int
sig_receipt_request(CMS_SignerInfo *si, struct mmhs_cms_sig *sig)
{
	STACK_OF(GENERAL_NAMES) *rlist, *rto;
	CMS_ReceiptRequest *rr = NULL;
	ASN1_STRING *rid;
	GENERAL_NAMES *gens;
	GENERAL_NAME *gen;
	ASN1_IA5STRING *mail;
	int i, j, allorfirst, rc;

	if ((rc = CMS_get1_ReceiptRequest(si, &rr)) <= 0) {
		ERR_clear_error();
		return rc == 0 ? 0 : -1;
	}
	CMS_ReceiptRequest_get0_values(rr, &rid, &allorfirst, &rlist, &rto);
	sig->cs_receipt_requested = 1;
	for (i = 0; i < sk_GENERAL_NAMES_num(rto); i++) {
		gens = sk_GENERAL_NAMES_value(rto, i);
		for (j = 0; j < sk_GENERAL_NAME_num(gens); j++) {
			gen = sk_GENERAL_NAME_value(gens, j);
			if (gen->type != GEN_EMAIL ||
			    sig->cs_nreceipts_to >= MMHS_CMS_RECEIPTS_TO_MAX)
				continue;
			mail = gen->d.rfc822Name;
			if (mail->length <= 0 ||
			    mail->length >= MMHS_CMS_ADDR_MAX ||
			    memchr(mail->data, '\0', (size_t) mail->length))
				continue;
			memcpy(sig->cs_receipts_to[sig->cs_nreceipts_to],
			    mail->data, (size_t) mail->length);
			sig->cs_receipts_to[sig->cs_nreceipts_to++]
			    [mail->length] = '\0';
		}
	}
	CMS_ReceiptRequest_free(rr);
	return 0;
}

int
cms_signed_read(const char *msg, size_t len, struct cms_signed *sd,
    char *err, size_t errlen)
{
	const unsigned char *p;
	unsigned char *der = NULL;
	size_t dlen;
	int rc = -1;

	memset(sd, 0, sizeof(*sd));
	if (cms_mime_split(msg, len, &sd->sd_mime, err, errlen) < 0)
		return -1;
	if (cms_mime_kind(&sd->sd_mime) != MMHS_CMS_SIGNED)
		return mmhs_text_error(err, errlen, "not a signed message");
	if (strcmp(sd->sd_mime.cm_type, "multipart/signed") == 0) {
		sd->sd_detached = 1;
		if (cms_multipart_split(&sd->sd_mime, &sd->sd_content,
		    &sd->sd_content_len, &der, &dlen, err, errlen) < 0) {
			if (sd->sd_content == NULL)
				return -1;
			/* content readable, signature not: MALFORMED */
			return 0;
		}
	} else if (cms_body_der(&sd->sd_mime, &der, &dlen, err, errlen) < 0)
		return -1;
	p = der;
	sd->sd_cms = d2i_CMS_ContentInfo(NULL, &p, (long) dlen);
	if (sd->sd_cms == NULL || p != der + dlen ||
	    OBJ_obj2nid(CMS_get0_type(sd->sd_cms)) != NID_pkcs7_signed) {
		CMS_ContentInfo_free(sd->sd_cms);
		sd->sd_cms = NULL;
		ERR_clear_error();
		mmhs_text_error(err, errlen, "not a readable CMS signed-data");
		rc = sd->sd_detached ? 0 : -1;
		goto done;
	}
	if (!sd->sd_detached) {
		ASN1_OCTET_STRING **os = CMS_get0_content(sd->sd_cms);

		if (os == NULL || *os == NULL) {
			mmhs_text_error(err, errlen,
			    "signed-data without its content");
			goto done;
		}
		sd->sd_content = (const char *) ASN1_STRING_get0_data(*os);
		sd->sd_content_len = (size_t) ASN1_STRING_length(*os);
	}
	rc = 0;
done:
	mmhs_free(der);
	return rc;
}

void
cms_signed_free(struct cms_signed *sd)
{
	CMS_ContentInfo_free(sd->sd_cms);
	cms_mime_free(&sd->sd_mime);
	memset(sd, 0, sizeof(*sd));
}

/* sig_attrs - the ESS attributes of si into sig; -1: one is malformed */
static int
sig_attrs(CMS_SignerInfo *si, struct mmhs_cms_sig *sig)
{
	sig->cs_label = attr_der(si, NID_id_smime_aa_securityLabel,
	    &sig->cs_label_len);
	sig->cs_equiv = attr_der(si, NID_id_smime_aa_equivalentLabels,
	    &sig->cs_equiv_len);
	sig->cs_mlhist = attr_der(si, NID_id_smime_aa_mlExpandHistory,
	    &sig->cs_mlhist_len);
	return sig_receipt_request(si, sig);
}

void
cms_signed_check(X509_STORE *trust, time_t now, struct cms_signed *sd,
    struct mmhs_cms_sig *sig)
{
	STACK_OF(CMS_SignerInfo) *sis;
	STACK_OF(X509) *certs;
	CMS_SignerInfo *si;
	X509 *signer = NULL;
	BIO *dcont = NULL;
	unsigned long e;
	int ok;

	memset(sig, 0, sizeof(*sig));
	if (sd->sd_cms == NULL || (sis = CMS_get0_SignerInfos(sd->sd_cms)) ==
	    NULL || sk_CMS_SignerInfo_num(sis) < 1) {
		sig_status(sig, MMHS_SIG_MALFORMED, "no readable signature",
		    NULL);
		return;
	}
	si = sk_CMS_SignerInfo_value(sis, 0);
	if (sd->sd_detached)
		dcont = BIO_new_mem_buf(sd->sd_content,
		    (int) sd->sd_content_len);
	ok = CMS_verify(sd->sd_cms, NULL, NULL, dcont, NULL,
	    CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY);
	e = ERR_peek_last_error();
	BIO_free(dcont);
	ERR_clear_error();
	CMS_SignerInfo_get0_algs(si, NULL, &signer, NULL, NULL);
	if (signer != NULL && X509_up_ref(signer))
		cms_sig_signer(sig, signer);
	if (sig_attrs(si, sig) < 0) {
		sig_status(sig, MMHS_SIG_MALFORMED,
		    "receipt request cannot be read", NULL);
		return;
	}
	if (!ok) {
		if (signer == NULL)
			sig_status(sig, MMHS_SIG_UNKNOWN_SIGNER,
			    "no certificate for the signer", NULL);
		else if (ERR_GET_LIB(e) == ERR_LIB_CMS &&
		    (ERR_GET_REASON(e) == CMS_R_CONTENT_VERIFY_ERROR ||
		    ERR_GET_REASON(e) == CMS_R_VERIFICATION_FAILURE))
			sig_status(sig, MMHS_SIG_BAD, "content or signed "
			    "attributes changed after signing",
			    sig->cs_signer_subject);
		else
			sig_status(sig, MMHS_SIG_BAD, "signature does not verify",
			    e != 0 ? ERR_reason_error_string(e) : NULL);
		return;
	}
	certs = CMS_get1_certs(sd->sd_cms);
	cms_chain_check(trust, now, signer, certs, sig);
	sk_X509_pop_free(certs, X509_free);
}

int
mmhs_cms_verify(X509_STORE *trust, time_t now, const char *msg,
    size_t len, struct mmhs_cms_sig *sig, char **out, size_t *outlen,
    char *err, size_t errlen)
{
	struct cms_signed sd;

	memset(sig, 0, sizeof(*sig));
	*out = NULL;
	*outlen = 0;
	if (cms_signed_read(msg, len, &sd, err, errlen) < 0) {
		cms_signed_free(&sd);
		return -1;
	}
	cms_signed_check(trust, now, &sd, sig);
	cms_unwrap(&sd.sd_mime, sd.sd_content, sd.sd_content_len, out, outlen);
	cms_signed_free(&sd);
	return 0;
}
