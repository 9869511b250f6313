/* ca_cert.c - keys, certificates, CRLs and PKCS#12 files of mmhs-ca
 *
 * Profile (RFC 5280, RFC 8550): RSA-2048, SHA-256; end entities get
 * keyUsage digitalSignature, nonRepudiation, keyEncipherment, extended
 * key usage emailProtection, the mail address as rfc822Name, subject and
 * authority key identifiers and, for entries with mmhsClearance, the
 * RFC 5755 clearance in subjectDirectoryAttributes.  The subject is the
 * holder's directory DN, most significant RDN first as X.509 wants.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <ldap.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include "mmhs_pki.h"
#include "ca.h"

EVP_PKEY *
ca_cert_newkey(void)
{
	return EVP_RSA_gen(2048);
}

/* cert_nid - the NID of an LDAP attribute type in a DN, or NID_undef */
static int
cert_nid(const struct berval *type)
{
	static const struct { const char *ldap, *x509; } names[] = {
		{ "cn", "CN" }, { "ou", "OU" }, { "o", "O" }, { "c", "C" },
		{ "l", "L" }, { "st", "ST" }, { "dc", "DC" }, { "uid", "UID" },
		{ "street", "street" }, { "serialNumber", "serialNumber" },
		{ "title", "title" },
	};
	char buf[128];
	size_t i;

	if (type->bv_len >= sizeof(buf))
		return NID_undef;
	memcpy(buf, type->bv_val, type->bv_len);
	buf[type->bv_len] = '\0';
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcasecmp(buf, names[i].ldap) == 0)
			return OBJ_txt2nid(names[i].x509);
	return OBJ_txt2nid(buf);	/* dotted OIDs */
}

/* cert_name - an LDAP DN as an X.509 Name, or NULL */
static X509_NAME *
cert_name(const char *dn, char *err, size_t errlen)
{
	LDAPDN ldn = NULL;
	X509_NAME *name;
	LDAPAVA *ava;
	int i, j, n, nid;

	if (ldap_str2dn(dn, &ldn, LDAP_DN_FORMAT_LDAPV3) != LDAP_SUCCESS ||
	    ldn == NULL) {
		snprintf(err, errlen, "\"%s\" is not a DN", dn);
		return NULL;
	}
	for (n = 0; ldn[n] != NULL; n++)
		;
	if ((name = X509_NAME_new()) == NULL)
		goto fail;
	for (i = n - 1; i >= 0; i--)
		for (j = 0; (ava = ldn[i][j]) != NULL; j++) {
			if ((nid = cert_nid(&ava->la_attr)) == NID_undef) {
				snprintf(err, errlen, "%s: attribute \"%.*s\" "
				    "has no X.509 name", dn,
				    (int) ava->la_attr.bv_len,
				    ava->la_attr.bv_val);
				goto fail;
			}
			if (!X509_NAME_add_entry_by_NID(name, nid,
			    nid == NID_countryName ? MBSTRING_ASC :
			    MBSTRING_UTF8,
			    (unsigned char *) ava->la_value.bv_val,
			    (int) ava->la_value.bv_len, -1, j == 0 ? 0 : -1)) {
				snprintf(err, errlen, "%s: \"%.*s\" does not fit "
				    "an X.509 name: %s", dn,
				    (int) ava->la_value.bv_len,
				    ava->la_value.bv_val, mmhs_pki_ssl_reason());
				goto fail;
			}
		}
	ldap_dnfree(ldn);
	return name;
fail:
	ldap_dnfree(ldn);
	X509_NAME_free(name);
	return NULL;
}

/* cert_ext - add an extension in openssl.cnf notation */
static int
cert_ext(X509 *x, X509V3_CTX *ctx, int nid, const char *value)
{
	X509_EXTENSION *ext = X509V3_EXT_conf_nid(NULL, ctx, nid, value);
	int ok = ext != NULL && X509_add_ext(x, ext, -1);

	X509_EXTENSION_free(ext);
	return ok ? 0 : -1;
}

/* cert_frame - version, serial, validity, subject, issuer, key */
static X509 *
cert_frame(const char *serial_hex, int days, X509_NAME *subject,
    X509_NAME *issuer, EVP_PKEY *pub)
{
	X509 *x = X509_new();
	BIGNUM *bn = NULL;
	int ok;

	ok = x != NULL && X509_set_version(x, 2) &&
	    BN_hex2bn(&bn, serial_hex) > 0 &&
	    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(x)) != NULL &&
	    X509_gmtime_adj(X509_getm_notBefore(x), 0) != NULL &&
	    X509_time_adj_ex(X509_getm_notAfter(x), days, 0, NULL) != NULL &&
	    X509_set_subject_name(x, subject) &&
	    X509_set_issuer_name(x, issuer) && X509_set_pubkey(x, pub);
	BN_free(bn);
	if (!ok) {
		X509_free(x);
		return NULL;
	}
	return x;
}

X509 *
ca_cert_selfsigned(EVP_PKEY *key, const char *subject, int days, char *err,
    size_t errlen)
{
	unsigned char r[8];
	char serial[2 * sizeof(r) + 1];
	X509_NAME *name;
	X509V3_CTX ctx;
	X509 *x = NULL;
	size_t i;

	if ((name = cert_name(subject, err, errlen)) == NULL)
		return NULL;
	if (RAND_bytes(r, sizeof(r)) != 1)
		goto fail;
	r[0] &= 0x7f;
	r[0] |= 0x10;
	for (i = 0; i < sizeof(r); i++)
		snprintf(serial + 2 * i, 3, "%02X", r[i]);
	if ((x = cert_frame(serial, days, name, name, key)) == NULL)
		goto fail;
	X509V3_set_ctx(&ctx, x, x, NULL, NULL, 0);
	if (cert_ext(x, &ctx, NID_basic_constraints, "critical,CA:TRUE") < 0 ||
	    cert_ext(x, &ctx, NID_key_usage,
	    "critical,keyCertSign,cRLSign") < 0 ||
	    cert_ext(x, &ctx, NID_subject_key_identifier, "hash") < 0 ||
	    cert_ext(x, &ctx, NID_authority_key_identifier,
	    "keyid:always") < 0 ||
	    X509_sign(x, key, EVP_sha256()) <= 0)
		goto fail;
	X509_NAME_free(name);
	return x;
fail:
	snprintf(err, errlen, "cannot make the CA certificate: %s",
	    mmhs_pki_ssl_reason());
	X509_NAME_free(name);
	X509_free(x);
	return NULL;
}

/* cert_clearance - the clearance extension of holder h, if any */
static int
cert_clearance(struct ca *ca, X509 *x, const struct ca_holder *h,
    char *err, size_t errlen)
{
	struct mmhs_clearance cl;
	struct mmhs_policy *p;
	ASN1_OCTET_STRING *os = NULL;
	X509_EXTENSION *ext = NULL;
	unsigned char *der = NULL;
	size_t len;
	int rc = -1;

	if (h->ch_clearance[0] == '\0')
		return 0;
	p = calloc(1, sizeof(*p));
	if (p == NULL || mmhs_clearance_parse(h->ch_clearance, &cl, err,
	    errlen) < 0 ||
	    ca_ldap_policy(ca, cl.cl_policy, p, err, errlen) < 0 ||
	    mmhs_pki_clearance_der(p, &cl, &der, &len, err, errlen) < 0)
		goto done;
	if ((os = ASN1_OCTET_STRING_new()) == NULL ||
	    !ASN1_OCTET_STRING_set(os, der, (int) len) ||
	    (ext = X509_EXTENSION_create_by_NID(NULL,
	    NID_subject_directory_attributes, 0, os)) == NULL ||
	    !X509_add_ext(x, ext, -1)) {
		snprintf(err, errlen, "cannot add the clearance: %s",
		    mmhs_pki_ssl_reason());
		goto done;
	}
	rc = 0;
done:
	if (rc < 0 && h->ch_clearance[0] != '\0') {
		char why[CA_LINE_MAX];

		snprintf(why, sizeof(why), "%s", err);
		snprintf(err, errlen, "%s: mmhsClearance: %s", h->ch_dn, why);
	}
	X509_EXTENSION_free(ext);
	ASN1_OCTET_STRING_free(os);
	free(der);
	free(p);
	return rc;
}

X509 *
ca_cert_issue(struct ca *ca, const struct ca_holder *h, EVP_PKEY *pub,
    const char *serial, char *err, size_t errlen)
{
	X509 *cacert = ca->ca_id.ci_cert, *x = NULL;
	X509_NAME *name;
	X509V3_CTX ctx;
	char san[CA_ADDR_MAX + 8];

	if (strpbrk(h->ch_addr, ", \t") != NULL) {
		snprintf(err, errlen, "%s: \"%s\" is not a mail address",
		    h->ch_dn, h->ch_addr);
		return NULL;
	}
	if ((name = cert_name(h->ch_dn, err, errlen)) == NULL)
		return NULL;
	x = cert_frame(serial, ca->ca_conf.cc_days, name,
	    X509_get_subject_name(cacert), pub);
	X509_NAME_free(name);
	if (x == NULL)
		goto fail;
	/* nothing the CA signs outlives the CA */
	if (ASN1_TIME_compare(X509_get0_notAfter(x),
	    X509_get0_notAfter(cacert)) > 0 &&
	    !X509_set1_notAfter(x, X509_get0_notAfter(cacert)))
		goto fail;
	snprintf(san, sizeof(san), "email:%s", h->ch_addr);
	X509V3_set_ctx(&ctx, cacert, x, NULL, NULL, 0);
	if (cert_ext(x, &ctx, NID_basic_constraints, "CA:FALSE") < 0 ||
	    cert_ext(x, &ctx, NID_key_usage, "critical,digitalSignature,"
	    "nonRepudiation,keyEncipherment") < 0 ||
	    cert_ext(x, &ctx, NID_ext_key_usage, "emailProtection") < 0 ||
	    cert_ext(x, &ctx, NID_subject_alt_name, san) < 0 ||
	    cert_ext(x, &ctx, NID_subject_key_identifier, "hash") < 0 ||
	    cert_ext(x, &ctx, NID_authority_key_identifier, "keyid:always") < 0)
		goto fail;
	if (cert_clearance(ca, x, h, err, errlen) < 0) {
		X509_free(x);
		return NULL;
	}
	if (X509_sign(x, ca->ca_id.ci_key, EVP_sha256()) <= 0)
		goto fail;
	return x;
fail:
	snprintf(err, errlen, "%s: cannot make the certificate: %s", h->ch_dn,
	    mmhs_pki_ssl_reason());
	X509_free(x);
	return NULL;
}
