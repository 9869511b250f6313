/* mmhs_cms_open.c - every S/MIME layer of a message, and signed receipts
 *
 * Purpose: open a message from the outside in (RFC 2634 1.1: a triple
 * wrapped message is signed, encrypted, signed), checking each
 * signature and decrypting with the keys given, so that an agent sees
 * the innermost message and the label of the innermost signature; and
 * the receipts of RFC 2634 section 2, which belong to the signature
 * that asked for one (the inner one) and are checked against the
 * original message by the originator.
 *
 * Interface: mmhs_cms.h (mmhs_cms_open, mmhs_cms_open_free,
 * mmhs_cms_receipt, mmhs_cms_receipt_verify).
 *
 * Error behaviour: -1 and one line in err when a layer cannot be read;
 * a failed signature is a status, not an error.  The number of layers
 * is bounded by MMHS_CMS_LAYERS_MAX, so a message nested a thousand
 * times costs a thousand times nothing.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/cms.h>
#include <openssl/err.h>

#include "mmhs_alloc.h"
#include "mmhs_text.h"
#include "mmhs_cms_int.h"

/* Called for each signature layer; may take sd->sd_cms. */
typedef void (*cms_layer_fn)(void *arg, struct cms_signed *sd,
    const struct mmhs_cms_sig *sig);

/* cms_walk - mmhs_cms_open, telling fn about every signature */
static int
cms_walk(X509_STORE *trust, time_t now, const struct mmhs_cms_id *ids,
    int nids, const char *msg, size_t len, struct mmhs_cms_open *co,
    cms_layer_fn fn, void *arg, char *err, size_t errlen)
{
	struct cms_signed sd;
	enum mmhs_cms_kind kind;
	struct mmhs_cms_sig *sig;
	char *cur, *next;
	size_t curlen, nextlen;
	int i, layers = 0, rc;

	memset(co, 0, sizeof(*co));
	cur = mmhs_malloc(len + 1);
	memcpy(cur, msg, len);
	cur[len] = '\0';
	curlen = len;
	for (;;) {
		kind = mmhs_cms_kind(cur, curlen);
		if (kind != MMHS_CMS_SIGNED && kind != MMHS_CMS_ENVELOPED)
			break;
		if (++layers > MMHS_CMS_LAYERS_MAX) {
			mmhs_text_error(err, errlen, "more than %d S/MIME "
			    "layers", MMHS_CMS_LAYERS_MAX);
			goto fail;
		}
		if (kind == MMHS_CMS_ENVELOPED) {
			co->co_encrypted = 1;
			co->co_decrypted = 0;
			if (nids == 0)
				break;
			rc = cms_decrypt(ids, nids, cur, curlen, &next,
			    &nextlen, err, errlen);
			if (rc == -2)
				break;
			if (rc < 0)
				goto fail;
			co->co_decrypted = 1;
		} else {
			if (cms_signed_read(cur, curlen, &sd, err, errlen) < 0) {
				cms_signed_free(&sd);
				goto fail;
			}
			sig = &co->co_sig[co->co_nsig++];
			cms_signed_check(trust, now, &sd, sig);
			if (fn != NULL)
				fn(arg, &sd, sig);
			cms_unwrap(&sd.sd_mime, sd.sd_content,
			    sd.sd_content_len, &next, &nextlen);
			cms_signed_free(&sd);
		}
		mmhs_free(cur);
		cur = next;
		curlen = nextlen;
	}
	co->co_inner = cur;
	co->co_inner_len = curlen;
	co->co_sig_ok = co->co_nsig > 0;
	for (i = 0; i < co->co_nsig; i++) {
		if (co->co_sig[i].cs_status != MMHS_SIG_OK)
			co->co_sig_ok = 0;
		if (co->co_sig[i].cs_label != NULL)
			co->co_label = &co->co_sig[i];
	}
	return 0;
fail:
	mmhs_free(cur);
	mmhs_cms_open_free(co);
	return -1;
}

int
mmhs_cms_open(X509_STORE *trust, time_t now, const struct mmhs_cms_id *ids,
    int nids, const char *msg, size_t len, struct mmhs_cms_open *co,
    char *err, size_t errlen)
{
	return cms_walk(trust, now, ids, nids, msg, len, co, NULL, NULL, err,
	    errlen);
}

void
mmhs_cms_open_free(struct mmhs_cms_open *co)
{
	int i;

	if (co == NULL)
		return;
	for (i = 0; i < co->co_nsig && i < MMHS_CMS_LAYERS_MAX; i++)
		mmhs_cms_sig_free(&co->co_sig[i]);
	mmhs_free(co->co_inner);
	memset(co, 0, sizeof(*co));
}

/* The innermost signature that asked for a receipt. */
struct cms_rr {
	CMS_ContentInfo *rr_cms;
	int	rr_layer;
};

static void
cms_rr_layer(void *arg, struct cms_signed *sd, const struct mmhs_cms_sig *sig)
{
	struct cms_rr *rr = arg;

	rr->rr_layer++;
	if (!sig->cs_receipt_requested || sd->sd_cms == NULL)
		return;
	CMS_ContentInfo_free(rr->rr_cms);
	rr->rr_cms = sd->sd_cms;
	sd->sd_cms = NULL;
	rr->rr_layer = 0;
}

/* cms_sink - mmhs_msg writer output into a cms_buf */
static int
cms_sink(void *ctx, const char *buf, size_t len)
{
	cms_buf_add(ctx, buf, len);
	return 0;
}

/* cms_receipt_header - From, To, Subject, Date of the receipt */
static int
cms_receipt_header(const char *from, const struct mmhs_cms_sig *sig,
    const char *subject, struct cms_buf *hdr, char *err, size_t errlen)
{
	struct mmhs_msg_writer *mw = mmhs_msg_writer_new(cms_sink, hdr);
	struct cms_buf v = { NULL, 0, 0 };
	char date[64];
	time_t now = time(NULL);
	struct tm tm;
	int i, rc;

	for (i = 0; i < sig->cs_nreceipts_to; i++) {
		if (i > 0)
			cms_buf_str(&v, ", ");
		cms_buf_str(&v, sig->cs_receipts_to[i]);
	}
	gmtime_r(&now, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
	cms_buf_str(&v, "");
	rc = mmhs_msg_write_header(mw, "From", from);
	if (rc == 0)
		rc = mmhs_msg_write_header(mw, "To", v.b_data);
	cms_buf_free(&v);
	cms_buf_str(&v, "Signed receipt: ");
	cms_buf_str(&v, subject != NULL ? subject : "");
	if (rc == 0)
		rc = mmhs_msg_write_header(mw, "Subject", v.b_data);
	if (rc == 0)
		rc = mmhs_msg_write_header(mw, "Date", date);
	if (rc < 0)
		mmhs_text_error(err, errlen, "receipt header: %s",
		    mmhs_msg_writer_error(mw));
	cms_buf_free(&v);
	mmhs_msg_writer_free(mw);
	return rc;
}

int
mmhs_cms_receipt(X509_STORE *trust, const struct mmhs_cms_id *rcpt,
    const struct mmhs_cms_id *ids, int nids, const char *from,
    const char *msg, size_t len, char **out, size_t *outlen,
    char *err, size_t errlen)
{
	struct cms_rr rr = { NULL, 0 };
	struct cms_buf hdr = { NULL, 0, 0 };
	const struct mmhs_cms_sig *sig;
	struct mmhs_cms_open co;
	CMS_ContentInfo *rcms = NULL;
	unsigned char *der = NULL;
	struct cms_mime orig, m;
	int dlen, rc = -1;

	*out = NULL;
	*outlen = 0;
	memset(&m, 0, sizeof(m));
	memset(&orig, 0, sizeof(orig));
	if (rcpt == NULL || rcpt->ci_key == NULL || rcpt->ci_cert == NULL)
		return mmhs_text_error(err, errlen, "no key to sign a receipt");
	if (cms_walk(trust, 0, ids, nids, msg, len, &co, cms_rr_layer, &rr,
	    err, errlen) < 0) {
		CMS_ContentInfo_free(rr.rr_cms);
		return -1;
	}
	if (rr.rr_cms == NULL) {
		mmhs_text_error(err, errlen, "no signature asks for a receipt");
		goto done;
	}
	sig = &co.co_sig[co.co_nsig - 1 - rr.rr_layer];
	if (sig->cs_status != MMHS_SIG_OK) {
		mmhs_text_error(err, errlen, "no receipt for a signature that "
		    "fails: %s", sig->cs_reason);
		goto done;
	}
	if (sig->cs_nreceipts_to == 0) {
		mmhs_text_error(err, errlen, "receipt request names no mail "
		    "address");
		goto done;
	}
	rcms = CMS_sign_receipt(sk_CMS_SignerInfo_value(
	    CMS_get0_SignerInfos(rr.rr_cms), 0), rcpt->ci_cert, rcpt->ci_key,
	    rcpt->ci_chain, CMS_BINARY);
	if (rcms == NULL || (dlen = i2d_CMS_ContentInfo(rcms, &der)) <= 0) {
		cms_ssl_err(err, errlen, "cannot sign the receipt");
		goto done;
	}
	if (cms_mime_split(msg, len, &orig, err, errlen) < 0 ||
	    cms_receipt_header(from, sig, orig.cm_subject, &hdr, err,
	    errlen) < 0)
		goto done;
	cms_buf_str(&hdr, "\r\n");
	if (cms_mime_split(hdr.b_data, hdr.b_len, &m, err, errlen) < 0)
		goto done;
	cms_wrap_opaque(&m, "signed-receipt", der, (size_t) dlen, out, outlen);
	rc = 0;
done:
	OPENSSL_free(der);
	CMS_ContentInfo_free(rcms);
	CMS_ContentInfo_free(rr.rr_cms);
	cms_buf_free(&hdr);
	cms_mime_free(&orig);
	cms_mime_free(&m);
	mmhs_cms_open_free(&co);
	return rc;
}

/* cms_read_receipt - the signed-data of a receipt message, or NULL */
static CMS_ContentInfo *
cms_read_receipt(const char *msg, size_t len, char *err, size_t errlen)
{
	CMS_ContentInfo *cms = NULL;
	const unsigned char *p;
	unsigned char *der = NULL;
	struct cms_mime m;
	size_t dlen;

	if (cms_mime_split(msg, len, &m, err, errlen) == 0) {
		if (cms_mime_kind(&m) != MMHS_CMS_RECEIPT)
			mmhs_text_error(err, errlen, "not a signed receipt");
		else if (cms_body_der(&m, &der, &dlen, err, errlen) == 0) {
			p = der;
			cms = d2i_CMS_ContentInfo(NULL, &p, (long) dlen);
			if (cms == NULL || p != der + dlen) {
				CMS_ContentInfo_free(cms);
				cms = NULL;
				ERR_clear_error();
				mmhs_text_error(err, errlen,
				    "receipt is not a readable CMS");
			}
		}
	}
	mmhs_free(der);
	cms_mime_free(&m);
	return cms;
}

/* cms_receipt_match - check rcms against the signature of one layer:
 * 1 it acknowledges it (sig says how it verified), 0 another one */
static int
cms_receipt_match(X509_STORE *trust, CMS_ContentInfo *rcms,
    CMS_ContentInfo *ocms, struct mmhs_cms_sig *sig)
{
	STACK_OF(X509) *certs;
	X509 *signer = NULL;
	unsigned long e;
	int ok;

	ok = CMS_verify_receipt(rcms, ocms, NULL, NULL,
	    CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY);
	e = ERR_peek_last_error();
	ERR_clear_error();
	if (!ok && ERR_GET_LIB(e) == ERR_LIB_CMS &&
	    ERR_GET_REASON(e) == CMS_R_NO_MATCHING_SIGNATURE)
		return 0;
	mmhs_cms_sig_free(sig);
	CMS_SignerInfo_get0_algs(sk_CMS_SignerInfo_value(
	    CMS_get0_SignerInfos(rcms), 0), NULL, &signer, NULL, NULL);
	if (signer != NULL && X509_up_ref(signer))
		cms_sig_signer(sig, signer);
	if (!ok) {
		sig->cs_status = signer == NULL ? MMHS_SIG_UNKNOWN_SIGNER :
		    MMHS_SIG_BAD;
		snprintf(sig->cs_reason, sizeof(sig->cs_reason),
		    "receipt does not verify: %s", e != 0 ?
		    ERR_reason_error_string(e) : "unknown reason");
		return 1;
	}
	certs = CMS_get1_certs(rcms);
	cms_chain_check(trust, 0, signer, certs, sig);
	sk_X509_pop_free(certs, X509_free);
	return 1;
}

int
mmhs_cms_receipt_verify(X509_STORE *trust, const char *receipt,
    size_t rlen, const char *orig, size_t olen, struct mmhs_cms_sig *sig,
    char *err, size_t errlen)
{
	CMS_ContentInfo *rcms;
	struct cms_signed sd;
	char *cur, *next;
	size_t curlen, nextlen;
	int layer, found = 0;

	memset(sig, 0, sizeof(*sig));
	if ((rcms = cms_read_receipt(receipt, rlen, err, errlen)) == NULL)
		return -1;
	cur = mmhs_strndup(orig, olen);
	curlen = olen;
	for (layer = 0; !found && layer < MMHS_CMS_LAYERS_MAX; layer++) {
		memset(&sd, 0, sizeof(sd));
		if (mmhs_cms_kind(cur, curlen) != MMHS_CMS_SIGNED ||
		    cms_signed_read(cur, curlen, &sd, NULL, 0) < 0 ||
		    sd.sd_cms == NULL) {
			cms_signed_free(&sd);
			break;
		}
		found = cms_receipt_match(trust, rcms, sd.sd_cms, sig);
		cms_unwrap(&sd.sd_mime, sd.sd_content, sd.sd_content_len,
		    &next, &nextlen);
		cms_signed_free(&sd);
		mmhs_free(cur);
		cur = next;
		curlen = nextlen;
	}
	mmhs_free(cur);
	CMS_ContentInfo_free(rcms);
	if (!found) {
		sig->cs_status = MMHS_SIG_BAD;
		snprintf(sig->cs_reason, sizeof(sig->cs_reason), "receipt does "
		    "not acknowledge a signature of this message");
	}
	return 0;
}
