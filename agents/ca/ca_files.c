/* ca_files.c - CRLs, PKCS#12 and PEM files, CSRs of mmhs-ca
 *
 * A CRL (RFC 5280 section 5) lists every revoked certificate of the
 * index with its reason (none for "unspecified", as 5.3.1 asks), a CRL
 * number from CADIR/crlnumber and the authority key identifier.
 * Files are written whole with ca_db_write; key files mode 0600.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509v3.h>

#include "mmhs_alloc.h"
#include "ca.h"

/* files_crl_number - the next CRL number (kept in CADIR/crlnumber) */
static long
files_crl_number(struct ca *ca, char *err, size_t errlen)
{
	char *path = ca_db_path(ca, "crlnumber"), buf[32];
	long n = 0;
	FILE *f;

	if ((f = fopen(path, "r")) != NULL) {
		if (fgets(buf, sizeof(buf), f) != NULL)
			n = strtol(buf, NULL, 10);
		fclose(f);
	}
	n++;
	snprintf(buf, sizeof(buf), "%ld\n", n);
	if (ca_db_write(path, buf, strlen(buf), 0600, err, errlen) < 0)
		n = -1;
	free(path);
	return n;
}

/* files_revoked - one index entry as a revoked-certificate entry */
static int
files_revoked(X509_CRL *crl, const struct ca_cert *c)
{
	X509_REVOKED *r = X509_REVOKED_new();
	ASN1_ENUMERATED *reason = NULL;
	ASN1_TIME *t = ASN1_TIME_set(NULL, c->ce_revoked);
	BIGNUM *bn = NULL;
	ASN1_INTEGER *serial = NULL;
	int ok;

	ok = r != NULL && t != NULL && BN_hex2bn(&bn, c->ce_serial) > 0 &&
	    (serial = BN_to_ASN1_INTEGER(bn, NULL)) != NULL &&
	    X509_REVOKED_set_serialNumber(r, serial) &&
	    X509_REVOKED_set_revocationDate(r, t);
	if (ok && c->ce_reason > 0)
		ok = (reason = ASN1_ENUMERATED_new()) != NULL &&
		    ASN1_ENUMERATED_set(reason, c->ce_reason) &&
		    X509_REVOKED_add1_ext_i2d(r, NID_crl_reason, reason, 0, 0);
	if (ok)
		ok = X509_CRL_add0_revoked(crl, r);
	if (!ok)
		X509_REVOKED_free(r);
	ASN1_ENUMERATED_free(reason);
	ASN1_INTEGER_free(serial);
	ASN1_TIME_free(t);
	BN_free(bn);
	return ok ? 0 : -1;
}

X509_CRL *
ca_cert_crl(struct ca *ca, char *err, size_t errlen)
{
	X509 *cacert = ca->ca_id.ci_cert;
	X509_CRL *crl = X509_CRL_new();
	ASN1_INTEGER *num = NULL;
	ASN1_TIME *t = NULL;
	X509_EXTENSION *aki = NULL;
	X509V3_CTX ctx;
	size_t i;
	long n;
	int ok;

	if ((n = files_crl_number(ca, err, errlen)) < 0) {
		X509_CRL_free(crl);
		return NULL;
	}
	ok = crl != NULL && X509_CRL_set_version(crl, 1) &&
	    X509_CRL_set_issuer_name(crl, X509_get_subject_name(cacert)) &&
	    (t = X509_gmtime_adj(NULL, 0)) != NULL &&
	    X509_CRL_set1_lastUpdate(crl, t) &&
	    X509_time_adj_ex(t, ca->ca_conf.cc_crl_days, 0, NULL) != NULL &&
	    X509_CRL_set1_nextUpdate(crl, t);
	for (i = 0; ok && i < ca->ca_ncerts; i++)
		if (ca->ca_certs[i].ce_state == CA_REVOKED)
			ok = files_revoked(crl, &ca->ca_certs[i]) == 0;
	if (ok) {
		X509V3_set_ctx(&ctx, cacert, NULL, NULL, crl, 0);
		ok = (num = ASN1_INTEGER_new()) != NULL &&
		    ASN1_INTEGER_set(num, n) &&
		    X509_CRL_add1_ext_i2d(crl, NID_crl_number, num, 0, 0) &&
		    (aki = X509V3_EXT_conf_nid(NULL, &ctx,
		    NID_authority_key_identifier, "keyid:always")) != NULL &&
		    X509_CRL_add_ext(crl, aki, -1) && X509_CRL_sort(crl) &&
		    X509_CRL_sign(crl, ca->ca_id.ci_key, EVP_sha256()) > 0;
	}
	ASN1_INTEGER_free(num);
	ASN1_TIME_free(t);
	X509_EXTENSION_free(aki);
	if (!ok) {
		snprintf(err, errlen, "cannot make the CRL: %s",
		    mmhs_pki_ssl_reason());
		X509_CRL_free(crl);
		return NULL;
	}
	return crl;
}

/* files_bio_write - the contents of a memory BIO to path */
static int
files_bio_write(BIO *b, const char *path, int mode, char *err,
    size_t errlen)
{
	char *data;
	long len = BIO_get_mem_data(b, &data);

	if (len <= 0) {
		snprintf(err, errlen, "%s: nothing to write: %s", path,
		    mmhs_pki_ssl_reason());
		return -1;
	}
	return ca_db_write(path, data, (size_t) len, mode, err, errlen);
}

int
ca_cert_write_p12(const char *path, const char *pass, EVP_PKEY *key,
    X509 *x, X509 *cacert, const char *name, char *err, size_t errlen)
{
	STACK_OF(X509) *chain = sk_X509_new_null();
	PKCS12 *p12 = NULL;
	BIO *b = BIO_new(BIO_s_mem());
	int rc = -1;

	if (chain == NULL || b == NULL || !sk_X509_push(chain, cacert))
		goto done;
	/* OpenSSL 3's defaults: PBES2 with AES-256, a SHA-256 MAC */
	p12 = PKCS12_create(pass, name, key, x, chain, 0, 0, 0, 0, 0);
	if (p12 == NULL || i2d_PKCS12_bio(b, p12) != 1)
		goto done;
	rc = files_bio_write(b, path, 0600, err, errlen);
done:
	if (rc < 0 && (p12 == NULL || chain == NULL))
		snprintf(err, errlen, "%s: cannot make the PKCS#12 file: %s",
		    path, mmhs_pki_ssl_reason());
	PKCS12_free(p12);
	sk_X509_free(chain);
	BIO_free(b);
	return rc;
}

int
ca_cert_write_pem(const char *path, X509 *x, char *err, size_t errlen)
{
	BIO *b = BIO_new(BIO_s_mem());
	int rc = -1;

	if (b != NULL && PEM_write_bio_X509(b, x))
		rc = files_bio_write(b, path, 0644, err, errlen);
	else
		snprintf(err, errlen, "%s: %s", path, mmhs_pki_ssl_reason());
	BIO_free(b);
	return rc;
}

/* files_crl_pem - the CRL to CADIR/crl.pem */
static int
files_crl_pem(struct ca *ca, X509_CRL *crl, char *err, size_t errlen)
{
	BIO *b = BIO_new(BIO_s_mem());
	char *path = ca_db_path(ca, "crl.pem");
	int rc = -1;

	if (b != NULL && PEM_write_bio_X509_CRL(b, crl))
		rc = files_bio_write(b, path, 0644, err, errlen);
	else
		snprintf(err, errlen, "%s: %s", path, mmhs_pki_ssl_reason());
	BIO_free(b);
	free(path);
	return rc;
}

/* ca_publish_crl - a new CRL into the CA entry and CADIR/crl.pem */
int
ca_publish_crl(struct ca *ca, char *err, size_t errlen)
{
	X509_CRL *crl = ca_cert_crl(ca, err, errlen);
	int rc;

	if (crl == NULL)
		return -1;
	rc = ca_ldap_publish_ca(ca, NULL, crl, err, errlen) < 0 ||
	    files_crl_pem(ca, crl, err, errlen) < 0 ? -1 : 0;
	X509_CRL_free(crl);
	return rc;
}

EVP_PKEY *
ca_cert_csr_key(const char *path, char *err, size_t errlen)
{
	X509_REQ *req = NULL;
	EVP_PKEY *pub = NULL;
	BIO *b;

	if ((b = BIO_new_file(path, "r")) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		ERR_clear_error();
		return NULL;
	}
	req = PEM_read_bio_X509_REQ(b, NULL, NULL, NULL);
	if (req == NULL) {
		(void) BIO_reset(b);
		req = d2i_X509_REQ_bio(b, NULL);
	}
	BIO_free(b);
	if (req == NULL) {
		snprintf(err, errlen, "%s: not a certificate request (PKCS#10)",
		    path);
		ERR_clear_error();
		return NULL;
	}
	if ((pub = X509_REQ_get_pubkey(req)) == NULL ||
	    X509_REQ_verify(req, pub) != 1) {
		snprintf(err, errlen, "%s: the request's signature does not "
		    "verify", path);
		EVP_PKEY_free(pub);
		pub = NULL;
	} else if (EVP_PKEY_get_base_id(pub) == EVP_PKEY_RSA &&
	    EVP_PKEY_get_bits(pub) < 2048) {
		snprintf(err, errlen, "%s: a %d-bit RSA key is too weak (2048 "
		    "or more)", path, EVP_PKEY_get_bits(pub));
		EVP_PKEY_free(pub);
		pub = NULL;
	}
	X509_REQ_free(req);
	ERR_clear_error();
	return pub;
}
