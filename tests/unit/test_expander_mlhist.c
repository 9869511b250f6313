/* test_expander_mlhist.c - unit tests of the list's mlExpansionHistory
 *
 * expander_mlhist_check() and expander_mlhist_next() (RFC 2634 4.2.1)
 * on certificates made here with OpenSSL (with a subjectKeyIdentifier,
 * and without one, so that both EntityIdentifier forms are met) and on
 * the DER lib/mmhs_cms writes and reads: a list finds itself in a
 * history (a loop) whichever record names it, and only itself; the
 * 64th record is the last; the next history is the old one with the
 * list's record appended; a malformed or full history is refused.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "mmhs_cms.h"
#include "expander.h"
#include "unit.h"

#define T0	1751364000	/* Tue, 1 Jul 2025 10:00:00 +0000 */

static X509 *cert_a, *cert_b, *cert_c, *cert_noski;

/* mk_cert - a self-signed certificate for cn (with a subjectKeyIdentifier
 * when ski) */
static X509 *
mk_cert(const char *cn, long serial, int ski)
{
	EVP_PKEY *k = EVP_EC_gen("P-256");
	X509   *c = X509_new();
	X509_NAME *nm;
	X509V3_CTX ctx;
	X509_EXTENSION *ext;

	if (k == NULL || c == NULL)
		return NULL;
	X509_set_version(c, 2);
	ASN1_INTEGER_set(X509_get_serialNumber(c), serial);
	X509_gmtime_adj(X509_getm_notBefore(c), 0);
	X509_gmtime_adj(X509_getm_notAfter(c), 86400);
	X509_set_pubkey(c, k);
	nm = X509_get_subject_name(c);
	X509_NAME_add_entry_by_txt(nm, "CN", MBSTRING_ASC,
	    (const unsigned char *)cn, -1, -1, 0);
	X509_set_issuer_name(c, nm);
	if (ski) {
		X509V3_set_ctx(&ctx, c, c, NULL, NULL, 0);
		ext = X509V3_EXT_conf_nid(NULL, &ctx, NID_subject_key_identifier,
		    "hash");
		X509_add_ext(c, ext, -1);
		X509_EXTENSION_free(ext);
	}
	X509_sign(c, k, EVP_sha256());
	EVP_PKEY_free(k);
	return c;
}

static int
mh_init(void)
{
	cert_a = mk_cert("list-a", 1, 1);
	cert_b = mk_cert("list-b", 2, 1);
	cert_c = mk_cert("list-c", 3, 1);
	cert_noski = mk_cert("list-noski", 4, 0);
	return cert_a && cert_b && cert_c && cert_noski ? 0 : -1;
}

static void
mh_clean(void)
{
	X509_free(cert_a);
	X509_free(cert_b);
	X509_free(cert_c);
	X509_free(cert_noski);
}

/* hist - the history of the records for certs[0..n) */
static int
hist(X509 *const *certs, int n, struct mmhs_cms_mldata *v)
{
	char	err[256];
	int	i;

	for (i = 0; i < n; i++)
		if (mmhs_cms_mldata_for(certs[i], T0 + i, &v[i], err,
		    sizeof(err)) < 0)
			return -1;
	return 0;
}

/* test_check_loop - a list finds itself whichever record names it */
static void
test_check_loop(void)
{
	struct mmhs_cms_mldata v[3];
	X509   *chain[3] = { cert_a, cert_noski, cert_b };
	X509   *own[2];
	char	why[400];
	int	rc;

	memset(v, 0, sizeof(v));
	UNIT_CHECK(hist(chain, 3, v) == 0, "records made");
	own[0] = cert_c;
	own[1] = NULL;
	rc = expander_mlhist_check(v, 3, own, 2, why, sizeof(why));
	UNIT_CHECK(rc == 0, "C is not in A, noski, B: %d %s", rc, why);
	own[1] = cert_b;
	rc = expander_mlhist_check(v, 3, own, 2, why, sizeof(why));
	UNIT_CHECK(rc == -2 && strstr(why, "record 3 of 3") != NULL,
	    "B (second own certificate) is record 3: %d %s", rc, why);
	own[0] = cert_a;
	own[1] = NULL;
	rc = expander_mlhist_check(v, 3, own, 2, why, sizeof(why));
	UNIT_CHECK(rc == -2 && strstr(why, "record 1 of 3") != NULL &&
	    strstr(why, "2025-07-01 10:00:00Z") != NULL,
	    "A is record 1, with its time: %d %s", rc, why);
	own[0] = cert_noski;
	rc = expander_mlhist_check(v, 3, own, 1, why, sizeof(why));
	UNIT_CHECK(rc == -2 && strstr(why, "record 2 of 3") != NULL,
	    "without subjectKeyIdentifier (issuerAndSerialNumber): %d %s",
	    rc, why);
	rc = expander_mlhist_check(v, 0, own, 1, why, sizeof(why));
	UNIT_CHECK(rc == 0, "empty history: %d %s", rc, why);
	mmhs_cms_mlhist_free(v, 3);
}

/* test_check_full - the 64th record is the last */
static void
test_check_full(void)
{
	struct mmhs_cms_mldata *v;
	X509   *own[1] = { cert_c };
	char	why[400], err[256];
	int	i, rc;

	v = calloc(MMHS_CMS_MLHIST_MAX, sizeof(*v));
	for (i = 0; i < MMHS_CMS_MLHIST_MAX; i++)
		UNIT_CHECK(mmhs_cms_mldata_for(i % 2 ? cert_a : cert_b, T0 + i,
		    &v[i], err, sizeof(err)) == 0, "record %d: %s", i, err);
	rc = expander_mlhist_check(v, MMHS_CMS_MLHIST_MAX - 1, own, 1, why,
	    sizeof(why));
	UNIT_CHECK(rc == 0, "63 records: room for one: %d %s", rc, why);
	rc = expander_mlhist_check(v, MMHS_CMS_MLHIST_MAX, own, 1, why,
	    sizeof(why));
	UNIT_CHECK(rc == -1 && strstr(why, "64 records") != NULL,
	    "64 records: full: %d %s", rc, why);
	own[0] = cert_a;
	rc = expander_mlhist_check(v, MMHS_CMS_MLHIST_MAX, own, 1, why,
	    sizeof(why));
	UNIT_CHECK(rc == -2, "a loop is named before fullness: %d %s", rc,
	    why);
	mmhs_cms_mlhist_free(v, MMHS_CMS_MLHIST_MAX);
	free(v);
}

/* test_next - the old history with the list's record appended */
static void
test_next(void)
{
	struct mmhs_cms_mldata v[4];
	unsigned char *d1 = NULL, *d2 = NULL, *d3 = NULL;
	size_t	l1, l2, l3;
	char	err[256];
	int	n = 0, rc;
	time_t	now = time(NULL);

	memset(v, 0, sizeof(v));
	rc = expander_mlhist_next(NULL, 0, cert_a, T0, &d1, &l1, err,
	    sizeof(err));
	UNIT_CHECK(rc == 0 && d1 != NULL, "first history: %s", err);
	rc = expander_mlhist_next(d1, l1, cert_noski, now, &d2, &l2, err,
	    sizeof(err));
	UNIT_CHECK(rc == 0 && d2 != NULL && l2 > l1, "second: %s", err);
	UNIT_CHECK(d2 != NULL && mmhs_cms_mlhist_decode(d2, l2, v, 4, &n, err,
	    sizeof(err)) == 0 && n == 2, "decodes to 2 records: %d %s", n,
	    err);
	UNIT_CHECK(n == 2 && mmhs_cms_mldata_names(&v[0], cert_a) &&
	    !mmhs_cms_mldata_names(&v[0], cert_noski) && v[0].md_time == T0,
	    "record 1 is A's, at its time");
	UNIT_CHECK(n == 2 && mmhs_cms_mldata_names(&v[1], cert_noski) &&
	    !mmhs_cms_mldata_names(&v[1], cert_a) && v[1].md_time == now,
	    "record 2, appended, is the second list's, at its time");
	mmhs_cms_mlhist_free(v, n);
	rc = expander_mlhist_next((const unsigned char *)"\x30\x03\x02\x01",
	    4, cert_b, now, &d3, &l3, err, sizeof(err));
	UNIT_CHECK(rc < 0 && d3 == NULL && strstr(err, "does not decode"),
	    "malformed history refused: %s", err);
	free(d1);
	free(d2);
}

/* test_next_full - no 65th record */
static void
test_next_full(void)
{
	unsigned char *d = NULL, *nd = NULL;
	size_t	l = 0, nl;
	char	err[256];
	int	i, ok = 1;

	for (i = 0; i < MMHS_CMS_MLHIST_MAX && ok; i++) {
		ok = expander_mlhist_next(d, l, i % 2 ? cert_a : cert_b,
		    T0 + i, &nd, &nl, err, sizeof(err)) == 0;
		free(d);
		d = nd;
		l = nl;
	}
	UNIT_CHECK(ok, "64 records written: %s", err);
	nd = NULL;
	UNIT_CHECK(ok && expander_mlhist_next(d, l, cert_c, T0, &nd, &nl, err,
	    sizeof(err)) < 0 && nd == NULL && strstr(err, "full") != NULL,
	    "a 65th refused: %s", ok ? err : "");
	free(d);
}

static const struct unit_test mlhist_tests[] = {
	{ "loop: a list finds itself", test_check_loop },
	{ "the 64th record is the last", test_check_full },
	{ "next history: appended", test_next },
	{ "next history: full", test_next_full },
};

int
main(void)
{
	static const struct unit_suite suites[] = {
		UNIT_SUITE("mlExpansionHistory", mlhist_tests),
	};
	int	rc;

	if (mh_init() < 0) {
		fprintf(stderr, "cannot make test certificates\n");
		return 1;
	}
	rc = unit_main(suites, sizeof(suites) / sizeof(suites[0]));
	mh_clean();
	return rc;
}
