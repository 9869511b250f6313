/* mmhs_pki.c - trust stores and encryption certificates from the directory
 *
 * See mmhs_pki.h.  Certificates and CRLs in the directory are DER values
 * of the ;binary transfer option; the cache keeps an attribute under
 * the name the server returned, so both "attr;binary" and "attr" are
 * read.  A value that does not decode is an error, not skipped: a
 * corrupt anchor or CRL must be seen by the administrator, and failing
 * closed is the only safe reading of it.
 */
#include "config.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs7.h>
#include <openssl/x509v3.h>

#include "mmhs_pki.h"
#include "mmhs_pki_int.h"

/* mmhs_pki_err - one line of text into err (err may be NULL) */
void
mmhs_pki_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* mmhs_pki_ssl_reason - the last OpenSSL error as text, queue cleared */
const char *
mmhs_pki_ssl_reason(void)
{
	static _Thread_local char buf[160];
	unsigned long e = ERR_peek_last_error();

	if (e == 0)
		snprintf(buf, sizeof(buf), "no detail");
	else
		ERR_error_string_n(e, buf, sizeof(buf));
	ERR_clear_error();
	return buf;
}

/* pki_values - the values of attr (as "attr;binary" or "attr") */
static const mmhs_dircache_attr_t *
pki_values(const mmhs_dircache_entry_t *e, const char *attr)
{
	const mmhs_dircache_attr_t *a;
	char name[128];

	snprintf(name, sizeof(name), "%s;binary", attr);
	if ((a = mmhs_dircache_attr(e, name)) != NULL)
		return a;
	return mmhs_dircache_attr(e, attr);
}

/* pki_d2i_cert - one DER certificate value, or NULL */
static X509 *
pki_d2i_cert(const char *val, size_t len)
{
	const unsigned char *p = (const unsigned char *) val;
	X509 *x;

	if (len > LONG_MAX)
		return NULL;
	x = d2i_X509(NULL, &p, (long) len);
	if (x != NULL && p != (const unsigned char *) val + len) {
		X509_free(x);
		return NULL;
	}
	return x;
}

/* pki_add_crls - every CRL value of attr in e to st; 0 or -1 */
static int
pki_add_crls(X509_STORE *st, const mmhs_dircache_entry_t *e,
    const char *attr, char *err, size_t errlen)
{
	const mmhs_dircache_attr_t *a = pki_values(e, attr);
	const unsigned char *p;
	X509_CRL *crl;
	size_t i;
	int rc;

	for (i = 0; a != NULL && i < a->da_nvals; i++) {
		p = (const unsigned char *) a->da_vals[i];
		crl = a->da_lens[i] <= LONG_MAX ?
		    d2i_X509_CRL(NULL, &p, (long) a->da_lens[i]) : NULL;
		if (crl == NULL) {
			mmhs_pki_err(err, errlen, "%s: %s value %zu is not a "
			    "DER CRL", e->de_dn, attr, i + 1);
			ERR_clear_error();
			return -1;
		}
		rc = X509_STORE_add_crl(st, crl);
		X509_CRL_free(crl);
		if (rc != 1) {
			mmhs_pki_err(err, errlen, "%s: %s: %s", e->de_dn, attr,
			    mmhs_pki_ssl_reason());
			return -1;
		}
	}
	return 0;
}

/* pki_add_ca - a CA entry's certificates and CRLs; number of anchors */
static int
pki_add_ca(X509_STORE *st, const mmhs_dircache_entry_t *e, char *err,
    size_t errlen)
{
	const mmhs_dircache_attr_t *a = pki_values(e, "cACertificate");
	X509 *x;
	size_t i;
	int rc;

	for (i = 0; a != NULL && i < a->da_nvals; i++) {
		if ((x = pki_d2i_cert(a->da_vals[i], a->da_lens[i])) == NULL) {
			mmhs_pki_err(err, errlen, "%s: cACertificate value %zu "
			    "is not a DER certificate", e->de_dn, i + 1);
			ERR_clear_error();
			return -1;
		}
		rc = X509_STORE_add_cert(st, x);
		X509_free(x);
		if (rc != 1) {
			mmhs_pki_err(err, errlen, "%s: cACertificate: %s",
			    e->de_dn, mmhs_pki_ssl_reason());
			return -1;
		}
	}
	if (pki_add_crls(st, e, "certificateRevocationList", err,
	    errlen) < 0 ||
	    pki_add_crls(st, e, "authorityRevocationList", err, errlen) < 0)
		return -1;
	return a != NULL ? (int) a->da_nvals : 0;
}

/* pki_store_new - an empty store that checks the CRLs of every link */
static X509_STORE *
pki_store_new(void)
{
	X509_STORE *st = X509_STORE_new();

	if (st != NULL)
		X509_STORE_set_flags(st, X509_V_FLAG_CRL_CHECK |
		    X509_V_FLAG_CRL_CHECK_ALL);
	return st;
}

X509_STORE *
mmhs_pki_trust(mmhs_dircache_t *dc, const char *site_dn, char *err,
    size_t errlen)
{
	mmhs_dircache_entry_t *site, *ca;
	const mmhs_dircache_attr_t *names;
	X509_STORE *st = NULL;
	size_t i;
	int n, anchors = 0;

	if ((site = mmhs_dircache_by_dn(dc, site_dn)) == NULL) {
		mmhs_pki_err(err, errlen, "no site entry %s in the directory",
		    site_dn);
		return NULL;
	}
	names = mmhs_dircache_attr(site, "mmhsTrustedCA");
	if (names == NULL || names->da_nvals == 0) {
		mmhs_pki_err(err, errlen, "site %s names no mmhsTrustedCA",
		    site_dn);
		goto fail;
	}
	if ((st = pki_store_new()) == NULL) {
		mmhs_pki_err(err, errlen, "out of memory");
		goto fail;
	}
	for (i = 0; i < names->da_nvals; i++) {
		if ((ca = mmhs_dircache_by_dn(dc, names->da_vals[i])) == NULL) {
			mmhs_pki_err(err, errlen, "trusted CA %s of site %s is "
			    "not in the directory", names->da_vals[i], site_dn);
			goto fail;
		}
		n = pki_add_ca(st, ca, err, errlen);
		mmhs_dircache_entry_free(ca);
		if (n < 0)
			goto fail;
		anchors += n;
	}
	if (anchors == 0) {
		mmhs_pki_err(err, errlen, "no trusted CA of site %s holds a "
		    "cACertificate", site_dn);
		goto fail;
	}
	mmhs_dircache_entry_free(site);
	return st;
fail:
	X509_STORE_free(st);
	mmhs_dircache_entry_free(site);
	return NULL;
}

/* pki_load_pem - every certificate or CRL of a PEM file into st */
static int
pki_load_pem(X509_STORE *st, const char *path, int want_crl, char *err,
    size_t errlen)
{
	STACK_OF(X509_INFO) *infos;
	X509_INFO *xi;
	BIO *b;
	int i, n = 0, rc = 0;

	if ((b = BIO_new_file(path, "r")) == NULL) {
		mmhs_pki_err(err, errlen, "%s: cannot open: %s", path,
		    mmhs_pki_ssl_reason());
		return -1;
	}
	infos = PEM_X509_INFO_read_bio(b, NULL, NULL, NULL);
	BIO_free(b);
	if (infos == NULL) {
		mmhs_pki_err(err, errlen, "%s: not PEM: %s", path,
		    mmhs_pki_ssl_reason());
		return -1;
	}
	for (i = 0; i < sk_X509_INFO_num(infos) && rc == 0; i++) {
		xi = sk_X509_INFO_value(infos, i);
		if (!want_crl && xi->x509 != NULL) {
			rc = X509_STORE_add_cert(st, xi->x509) == 1 ? 0 : -1;
			n++;
		} else if (want_crl && xi->crl != NULL) {
			rc = X509_STORE_add_crl(st, xi->crl) == 1 ? 0 : -1;
			n++;
		}
	}
	sk_X509_INFO_pop_free(infos, X509_INFO_free);
	if (rc == 0 && n == 0) {
		mmhs_pki_err(err, errlen, "%s: no %s in it", path,
		    want_crl ? "CRL" : "certificate");
		return -1;
	}
	if (rc < 0)
		mmhs_pki_err(err, errlen, "%s: %s", path, mmhs_pki_ssl_reason());
	return rc;
}

X509_STORE *
mmhs_pki_trust_files(const char *const *anchors, const char *const *crls,
    char *err, size_t errlen)
{
	X509_STORE *st;
	const char *const *f;

	if (anchors == NULL || anchors[0] == NULL) {
		mmhs_pki_err(err, errlen, "no trust anchor file given");
		return NULL;
	}
	if ((st = pki_store_new()) == NULL) {
		mmhs_pki_err(err, errlen, "out of memory");
		return NULL;
	}
	for (f = anchors; *f != NULL; f++)
		if (pki_load_pem(st, *f, 0, err, errlen) < 0)
			goto fail;
	for (f = crls; f != NULL && *f != NULL; f++)
		if (pki_load_pem(st, *f, 1, err, errlen) < 0)
			goto fail;
	return st;
fail:
	X509_STORE_free(st);
	return NULL;
}

/* pki_better - is x fit to encrypt to at now, and newer than best? */
static int
pki_better(X509 *x, X509 *best, time_t now)
{
	time_t t = now;

	if (X509_cmp_time(X509_get0_notBefore(x), &t) > 0 ||
	    X509_cmp_time(X509_get0_notAfter(x), &t) < 0)
		return 0;
	if (!(X509_get_key_usage(x) & KU_KEY_ENCIPHERMENT))
		return 0;
	return best == NULL ||
	    ASN1_TIME_compare(X509_get0_notBefore(x),
	    X509_get0_notBefore(best)) > 0;
}

/* pki_consider - keep x in *best if it is the better one; else free it */
static void
pki_consider(X509 *x, X509 **best, time_t now, int *seen)
{
	(*seen)++;
	if (pki_better(x, *best, now)) {
		X509_free(*best);
		*best = x;
	} else
		X509_free(x);
}

/* pki_smime_certs - the certificates of a userSMIMECertificate value
 * (RFC 2798: a PKCS#7 signed-data; a bare certificate is read too) */
static void
pki_smime_certs(const char *val, size_t len, X509 **best, time_t now,
    int *seen)
{
	const unsigned char *p = (const unsigned char *) val;
	STACK_OF(X509) *certs = NULL;
	PKCS7 *p7;
	X509 *x;
	int i;

	if ((x = pki_d2i_cert(val, len)) != NULL) {
		pki_consider(x, best, now, seen);
		return;
	}
	ERR_clear_error();
	if (len > LONG_MAX || (p7 = d2i_PKCS7(NULL, &p, (long) len)) == NULL) {
		ERR_clear_error();
		return;
	}
	if (PKCS7_type_is_signed(p7) && p7->d.sign != NULL)
		certs = p7->d.sign->cert;
	for (i = 0; i < sk_X509_num(certs); i++) {
		x = sk_X509_value(certs, i);
		X509_up_ref(x);
		pki_consider(x, best, now, seen);
	}
	PKCS7_free(p7);
}

X509 *
mmhs_pki_entry_cert(const mmhs_dircache_entry_t *e, time_t now, char *err,
    size_t errlen)
{
	const mmhs_dircache_attr_t *a;
	X509 *best = NULL, *x;
	size_t i;
	int seen = 0;

	if (now == 0)
		now = time(NULL);
	a = pki_values(e, "userCertificate");
	for (i = 0; a != NULL && i < a->da_nvals; i++) {
		if ((x = pki_d2i_cert(a->da_vals[i], a->da_lens[i])) == NULL) {
			ERR_clear_error();
			continue;
		}
		pki_consider(x, &best, now, &seen);
	}
	a = pki_values(e, "userSMIMECertificate");
	for (i = 0; a != NULL && i < a->da_nvals; i++)
		pki_smime_certs(a->da_vals[i], a->da_lens[i], &best, now,
		    &seen);
	if (best == NULL && seen == 0)
		mmhs_pki_err(err, errlen, "%s has no certificate", e->de_dn);
	else if (best == NULL)
		mmhs_pki_err(err, errlen, "none of the %d certificates of %s "
		    "is valid now for encryption", seen, e->de_dn);
	return best;
}
