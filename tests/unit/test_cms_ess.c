/* test_cms_ess.c - signed receipts and MLExpansionHistory of lib/mmhs_cms
 *
 * Receipts are checked against openssl cms -sign_receipt and
 * -verify_receipt; the expansion history round-trips through our codec
 * and a signature, and broken encodings are refused.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <openssl/x509v3.h>

#include "mmhs_cms.h"
#include "test_cms.h"

/* t_receipt - our receipt by bob for msg; NULL on failure */
static char *
t_receipt(const struct mmhs_cms_id *ids, int nids, const char *msg,
    size_t len, size_t *rlen, char *err, size_t errlen)
{
	char *r = NULL;

	err[0] = '\0';
	if (mmhs_cms_receipt(t_store, &t_bob, ids, nids, "bob@x.example", msg,
	    len, &r, rlen, err, errlen) < 0)
		return NULL;
	return r;
}

/* test_receipts - ours made and checked, openssl checks ours */
static void
test_receipts(void)
{
	struct mmhs_cms_attrs a;
	struct mmhs_cms_sig sig;
	char err[256], *s, *other, *r, *inner, *tw;
	size_t len, olen, rlen, ilen, twlen;

	memset(&a, 0, sizeof(a));
	a.ca_receipt_request = 1;
	if ((s = t_sign(&t_alice, &a, MMHS_CMS_CLEAR, t_msg, &len)) == NULL)
		return;
	r = t_receipt(NULL, 0, s, len, &rlen, err, sizeof(err));
	UNIT_CHECK(r != NULL, "receipt: %s", err);
	if (r == NULL) {
		free(s);
		return;
	}
	UNIT_CHECK(mmhs_cms_kind(r, rlen) == MMHS_CMS_RECEIPT && strstr(r,
	    "To: alice@x.example\r\n") != NULL && strstr(r,
	    "Subject: Signed receipt: Operation order 7\r\n") != NULL &&
	    strncmp(r, "From: bob@x.example\r\n", 21) == 0,
	    "receipt message: %.400s", r);
	err[0] = '\0';
	UNIT_CHECK(mmhs_cms_receipt_verify(t_store, r, rlen, s, len, &sig, err,
	    sizeof(err)) == 0 && sig.cs_status == MMHS_SIG_OK &&
	    strcmp(sig.cs_signer_mail, "bob@x.example") == 0,
	    "receipt_verify: %s %s", err, sig.cs_reason);
	mmhs_cms_sig_free(&sig);
	tc_write("rorig.eml", s, len);
	tc_write("receipt.eml", r, rlen);
	UNIT_CHECK(tc_run("openssl cms -verify_receipt receipt.eml -in "
	    "rorig.eml -CAfile ca/ca.pem") == 0,
	    "openssl cms -verify_receipt refuses our receipt");
	/* the receipt does not acknowledge another message */
	if ((other = t_sign(&t_alice, &a, MMHS_CMS_OPAQUE, t_msg, &olen))) {
		UNIT_CHECK(mmhs_cms_receipt_verify(t_store, r, rlen, other,
		    olen, &sig, err, sizeof(err)) == 0 &&
		    sig.cs_status == MMHS_SIG_BAD, "receipt for another "
		    "message: %s", mmhs_sig_status_name(sig.cs_status));
		mmhs_cms_sig_free(&sig);
		free(other);
	}
	free(r);
	/* no request, no receipt */
	if ((other = t_sign(&t_alice, NULL, MMHS_CMS_OPAQUE, t_msg, &olen))) {
		UNIT_CHECK(t_receipt(NULL, 0, other, olen, &rlen, err,
		    sizeof(err)) == NULL && strstr(err, "receipt") != NULL,
		    "receipt without a request: \"%s\"", err);
		free(other);
	}
	free(s);
	/* triple wrapped: the inner signature asked; bob decrypts */
	inner = tc_read("inner.eml", &ilen);
	tw = tc_read("triple.eml", &twlen);
	if (inner != NULL && tw != NULL) {
		r = t_receipt(&t_bob, 1, tw, twlen, &rlen, err, sizeof(err));
		UNIT_CHECK(r != NULL, "receipt for the triple wrap: %s", err);
		UNIT_CHECK(r != NULL && mmhs_cms_receipt_verify(t_store, r,
		    rlen, inner, ilen, &sig, err, sizeof(err)) == 0 &&
		    sig.cs_status == MMHS_SIG_OK, "triple receipt: %s",
		    sig.cs_reason);
		mmhs_cms_sig_free(&sig);
		free(r);
		r = t_receipt(NULL, 0, tw, twlen, &rlen, err, sizeof(err));
		UNIT_CHECK(r == NULL, "receipt from the outer signature");
		free(r);
	}
	free(inner);
	free(tw);
}

/* test_openssl_receipt - openssl cms -sign_receipt checked by us */
static void
test_openssl_receipt(void)
{
	struct mmhs_cms_sig sig;
	char err[256] = "", *orig, *r;
	size_t olen, rlen;

	UNIT_CHECK(tc_run("openssl cms -sign_receipt -in rorig.eml -signer "
	    "bob.pem -inkey bob.key -out oreceipt.eml") == 0,
	    "openssl cms -sign_receipt failed");
	orig = tc_read("rorig.eml", &olen);
	r = tc_read("oreceipt.eml", &rlen);
	if (orig != NULL && r != NULL) {
		UNIT_CHECK(mmhs_cms_kind(r, rlen) == MMHS_CMS_RECEIPT,
		    "openssl's receipt kind %d", mmhs_cms_kind(r, rlen));
		UNIT_CHECK(mmhs_cms_receipt_verify(t_store, r, rlen, orig,
		    olen, &sig, err, sizeof(err)) == 0 &&
		    sig.cs_status == MMHS_SIG_OK, "openssl's receipt: %s %s",
		    err, sig.cs_reason);
		mmhs_cms_sig_free(&sig);
	}
	free(orig);
	free(r);
}

/* t_ias - an IssuerAndSerialNumber EntityIdentifier of cert into md */
static void
t_ias(X509 *cert, struct mmhs_cms_mldata *md)
{
	unsigned char name[512], serial[64], *p;
	int nl, sl;

	p = name;
	nl = i2d_X509_NAME(X509_get_issuer_name(cert), &p);
	p = serial;
	sl = i2d_ASN1_INTEGER((ASN1_INTEGER *) X509_get0_serialNumber(cert),
	    &p);
	p = md->md_id;
	ASN1_put_object(&p, 1, nl + sl, V_ASN1_SEQUENCE, V_ASN1_UNIVERSAL);
	memcpy(p, name, (size_t) nl);
	memcpy(p + nl, serial, (size_t) sl);
	md->md_id_len = (size_t) (p - md->md_id) + (size_t) (nl + sl);
}

/* test_mlhist - codec round trip, names, signing, broken encodings */
static void
test_mlhist(void)
{
	static const unsigned char none[] = { 0x80, 0x00 };
	static const unsigned char empty[] = { 0x30, 0x00 };
	struct mmhs_cms_mldata in[2], out[MMHS_CMS_MLHIST_MAX];
	struct mmhs_cms_attrs a;
	struct mmhs_cms_sig sig;
	unsigned char *der = NULL, *big;
	char err[256] = "", *s, *o;
	size_t len, slen, olen;
	int n = 0, i;

	UNIT_CHECK(mmhs_cms_mldata_for(t_alice.ci_cert, 1700000000, &in[0],
	    err, sizeof(err)) == 0 && in[0].md_id[0] == 0x04, "mldata_for: %s",
	    err);
	memset(&in[1], 0, sizeof(in[1]));
	t_ias(t_bob.ci_cert, &in[1]);
	in[1].md_time = 1700000060;
	in[1].md_policy = (unsigned char *) none;
	in[1].md_policy_len = sizeof(none);
	UNIT_CHECK(mmhs_cms_mlhist_encode(in, 2, &der, &len, err,
	    sizeof(err)) == 0, "encode: %s", err);
	if (der == NULL)
		return;
	tc_write("mlhist.der", (const char *) der, len);
	UNIT_CHECK(mmhs_cms_mlhist_decode(der, len, out, MMHS_CMS_MLHIST_MAX,
	    &n, err, sizeof(err)) == 0 && n == 2, "decode: %s", err);
	for (i = 0; i < n && i < 2; i++)
		UNIT_CHECK(out[i].md_id_len == in[i].md_id_len &&
		    memcmp(out[i].md_id, in[i].md_id, in[i].md_id_len) == 0 &&
		    out[i].md_time == in[i].md_time, "entry %d differs", i);
	UNIT_CHECK(n == 2 && out[0].md_policy == NULL &&
	    out[1].md_policy_len == 2 && memcmp(out[1].md_policy, none, 2) ==
	    0, "receipt policy not kept");
	UNIT_CHECK(n == 2 && mmhs_cms_mldata_names(&out[0], t_alice.ci_cert)
	    && !mmhs_cms_mldata_names(&out[0], t_bob.ci_cert) &&
	    mmhs_cms_mldata_names(&out[1], t_bob.ci_cert) &&
	    !mmhs_cms_mldata_names(&out[1], t_alice.ci_cert),
	    "mldata_names");
	mmhs_cms_mlhist_free(out, n);
	UNIT_CHECK(mmhs_cms_mlhist_decode(der, len - 1, out, 4, &n, err,
	    sizeof(err)) == -1, "truncated history accepted");
	mmhs_cms_mlhist_free(out, n);
	UNIT_CHECK(mmhs_cms_mlhist_decode(der, len, out, 1, &n, err,
	    sizeof(err)) == -1, "two entries into room for one");
	mmhs_cms_mlhist_free(out, n);
	UNIT_CHECK(mmhs_cms_mlhist_decode(empty, 2, out, 4, &n, err,
	    sizeof(err)) == -1, "empty history accepted");
	big = malloc(len + 1);
	memcpy(big, der, len);
	big[len] = 0;
	UNIT_CHECK(mmhs_cms_mlhist_decode(big, len + 1, out, 4, &n, err,
	    sizeof(err)) == -1, "trailing byte accepted");
	mmhs_cms_mlhist_free(out, n);
	free(big);
	/* carried by a signature (what a list agent's outer one does) */
	memset(&a, 0, sizeof(a));
	a.ca_mlhist = der;
	a.ca_mlhist_len = len;
	if ((s = t_sign(&t_alice, &a, MMHS_CMS_OPAQUE, t_msg, &slen))) {
		UNIT_CHECK(t_verify(t_store, s, slen, &sig, &o, &olen) ==
		    MMHS_SIG_OK && sig.cs_mlhist_len == len &&
		    memcmp(sig.cs_mlhist, der, len) == 0,
		    "history not carried by the signature");
		mmhs_cms_sig_free(&sig);
		free(o);
		free(s);
	}
	a.ca_mlhist_len = len - 1;
	UNIT_CHECK(mmhs_cms_sign(&t_alice, &a, MMHS_CMS_OPAQUE, t_msg,
	    strlen(t_msg), &s, &slen, err, sizeof(err)) == -1,
	    "signed a broken history");
	free(der);
}

const struct unit_test cms_ess_tests[3] = {
	{ "signed receipts", test_receipts },
	{ "openssl cms -sign_receipt", test_openssl_receipt },
	{ "ML expansion history", test_mlhist },
};
