/* test_pki.c - unit tests of lib/mmhs_pki*: trust stores, encryption
 * certificates, key directories, clearance in certificates
 *
 * The certificates, CRLs and the PKCS#12 file in tests/unit/data/pki/
 * were made by mmhs-ca on the sample site (tests/e2e/t60-ca.sh makes
 * the same): ca.pem, owain.pem (SECRET), owain-renewed.pem (a later
 * one, whose key is in the PKCS#12 file, pass phrase in "passphrase"),
 * tegan.pem (CONFIDENTIAL, REL NATO; revoked in crl-revoked.pem).
 * More files are made here with the openssl command.  Chains are
 * verified at a fixed time inside their validity, so the files do not
 * age.  The policy is the sample site's, read from ldif/.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "mmhs_alloc.h"
#include "mmhs_pki.h"
#include "unit.h"

#define DATA	TOP_SRCDIR "/tests/unit/data/pki/"
#define NAT	"2.25.59028202126315117165413111612054445617.6.1"
#define OWAIN	"owain.eastwood@mod.westland.example"

static char tp_dir[] = "/tmp/test_pki.XXXXXX";

/* tp_cert - a PEM certificate file of DATA */
static X509 *
tp_cert(const char *name)
{
	char path[512];
	X509 *x = NULL;
	FILE *f;

	snprintf(path, sizeof(path), "%s%s", name[0] == '/' ? "" : DATA, name);
	if ((f = fopen(path, "r")) != NULL) {
		x = PEM_read_X509(f, NULL, NULL, NULL);
		fclose(f);
	}
	UNIT_CHECK(x != NULL, "cannot read %s", path);
	return x;
}

/* tp_id_free - until mmhs_cms_id_free is linked in every build */
static void
tp_id_free(struct mmhs_cms_id *id)
{
	EVP_PKEY_free(id->ci_key);
	X509_free(id->ci_cert);
	sk_X509_pop_free(id->ci_chain, X509_free);
	memset(id, 0, sizeof(*id));
}

/* tp_verify - X509_verify_cert of x against st at time t */
static int
tp_verify(X509_STORE *st, X509 *x, time_t t)
{
	X509_STORE_CTX *ctx = X509_STORE_CTX_new();
	int rc;

	X509_STORE_CTX_init(ctx, st, x, NULL);
	X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(ctx), t);
	rc = X509_verify_cert(ctx) == 1 ? X509_V_OK :
	    X509_STORE_CTX_get_error(ctx);
	X509_STORE_CTX_free(ctx);
	return rc;
}

/* tp_when - a time when every fixture is valid (an hour after the
 * renewed certificate began) */
static time_t
tp_when(void)
{
	X509 *x = tp_cert("owain-renewed.pem");
	struct tm tm;
	time_t t;

	ASN1_TIME_to_tm(X509_get0_notBefore(x), &tm);
	t = timegm(&tm) + 3600;
	X509_free(x);
	return t;
}

/* test_trust_files - anchors and CRLs from PEM files */
static void
test_trust_files(void)
{
	const char *ca[] = { DATA "ca.pem", NULL };
	const char *empty[] = { DATA "crl-empty.pem", NULL };
	const char *revoked[] = { DATA "crl-revoked.pem", NULL };
	const char *notcrl[] = { DATA "ca.pem", NULL };
	const char *missing[] = { DATA "nonexistent.pem", NULL };
	X509 *owain = tp_cert("owain.pem"), *tegan = tp_cert("tegan.pem");
	X509_STORE *st;
	time_t t = tp_when();
	char err[256];
	int rc;

	st = mmhs_pki_trust_files(ca, empty, err, sizeof(err));
	UNIT_CHECK(st != NULL, "trust_files: %s", err);
	rc = tp_verify(st, owain, t);
	UNIT_CHECK(rc == X509_V_OK, "owain with the empty CRL: %s",
	    X509_verify_cert_error_string(rc));
	X509_STORE_free(st);

	st = mmhs_pki_trust_files(ca, revoked, err, sizeof(err));
	rc = tp_verify(st, tegan, t);
	UNIT_CHECK(rc == X509_V_ERR_CERT_REVOKED, "tegan: %s",
	    X509_verify_cert_error_string(rc));
	UNIT_CHECK(tp_verify(st, owain, t) == X509_V_OK, "owain revoked?");
	X509_STORE_free(st);

	st = mmhs_pki_trust_files(ca, NULL, err, sizeof(err));
	rc = tp_verify(st, owain, t);
	UNIT_CHECK(rc == X509_V_ERR_UNABLE_TO_GET_CRL, "no CRL: %s",
	    X509_verify_cert_error_string(rc));
	X509_STORE_free(st);

	UNIT_CHECK(mmhs_pki_trust_files(missing, NULL, err, sizeof(err)) ==
	    NULL && strstr(err, "nonexistent.pem") != NULL, "missing: %s", err);
	UNIT_CHECK(mmhs_pki_trust_files(ca, notcrl, err, sizeof(err)) ==
	    NULL && strstr(err, "no CRL") != NULL, "not a CRL: %s", err);
	UNIT_CHECK(mmhs_pki_trust_files(NULL, NULL, err, sizeof(err)) ==
	    NULL, "no anchors accepted");
	X509_free(owain);
	X509_free(tegan);
}

/* tp_der - the DER of a PEM certificate or CRL file of DATA */
static char *
tp_der(const char *name, int crl, size_t *len)
{
	char path[512];
	unsigned char *der = NULL;
	X509_CRL *c = NULL;
	X509 *x = NULL;
	FILE *f;
	int n = -1;

	snprintf(path, sizeof(path), "%s%s", DATA, name);
	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	if (crl && (c = PEM_read_X509_CRL(f, NULL, NULL, NULL)) != NULL)
		n = i2d_X509_CRL(c, &der);
	else if (!crl && (x = PEM_read_X509(f, NULL, NULL, NULL)) != NULL)
		n = i2d_X509(x, &der);
	fclose(f);
	X509_CRL_free(c);
	X509_free(x);
	*len = n > 0 ? (size_t) n : 0;
	return (char *) der;
}

/* tp_entry - an entry of one attribute with n values (taken over) */
static mmhs_dircache_entry_t *
tp_entry(const char *dn, const char *attr, char **vals, size_t *lens,
    size_t n)
{
	mmhs_dircache_entry_t *e = mmhs_calloc(1, sizeof(*e));
	mmhs_dircache_attr_t *a;
	size_t i;

	e->de_dn = mmhs_strdup(dn);
	if (attr == NULL)
		return e;
	e->de_nattrs = 1;
	e->de_attrs = a = mmhs_calloc(1, sizeof(*a));
	a->da_name = mmhs_strdup(attr);
	a->da_nvals = n;
	a->da_vals = mmhs_calloc(n + 1, sizeof(char *));
	a->da_lens = mmhs_calloc(n + 1, sizeof(size_t));
	for (i = 0; i < n; i++) {
		a->da_vals[i] = mmhs_malloc(lens[i] + 1);
		memcpy(a->da_vals[i], vals[i], lens[i]);
		a->da_vals[i][lens[i]] = '\0';
		a->da_lens[i] = lens[i];
	}
	return e;
}

/* tp_put - store an entry in the cache (uuid from its number) */
static void
tp_put(mmhs_dircache_t *dc, int n, mmhs_dircache_entry_t *e)
{
	unsigned char u[16] = { 0 };

	u[15] = (unsigned char) n;
	UNIT_CHECK(mmhs_dircache_put(dc, u, e) == 0, "put %s", e->de_dn);
	mmhs_dircache_entry_free(e);
}

/* test_trust_dircache - the site's trusted CAs from the cache */
static void
test_trust_dircache(void)
{
	static const char *site = "cn=site,c=XW", *cadn = "cn=CA,c=XW";
	mmhs_dircache_conf_t conf;
	mmhs_dircache_t *dc;
	mmhs_dircache_entry_t *e;
	X509 *owain = tp_cert("owain.pem"), *tegan = tp_cert("tegan.pem");
	X509_STORE *st;
	char err[256], dir[300], *v[1], *crl, *cert;
	size_t len[1], crllen, certlen;
	char *ca_dn = (char *) cadn;
	size_t ca_dn_len = strlen(cadn);
	time_t t = tp_when();
	int rc;

	snprintf(dir, sizeof(dir), "%s/cache", tp_dir);
	memset(&conf, 0, sizeof(conf));
	conf.dc_dir = dir;
	conf.dc_base = "c=XW";
	dc = mmhs_dircache_open(&conf, err, sizeof(err));
	UNIT_CHECK(dc != NULL, "dircache: %s", err);
	if (dc == NULL)
		return;
	UNIT_CHECK(mmhs_pki_trust(dc, site, err, sizeof(err)) == NULL &&
	    strstr(err, "no site entry") != NULL, "no site: %s", err);
	tp_put(dc, 1, tp_entry(site, "mmhsTrustedCA", &ca_dn, &ca_dn_len, 1));
	UNIT_CHECK(mmhs_pki_trust(dc, site, err, sizeof(err)) == NULL &&
	    strstr(err, "not in the directory") != NULL, "no CA: %s", err);

	v[0] = "garbage";
	len[0] = 7;
	tp_put(dc, 2, tp_entry(cadn, "cACertificate;binary", v, len, 1));
	UNIT_CHECK(mmhs_pki_trust(dc, site, err, sizeof(err)) == NULL &&
	    strstr(err, "not a DER certificate") != NULL, "bad DER: %s", err);

	cert = tp_der("ca.pem", 0, &certlen);
	crl = tp_der("crl-revoked.pem", 1, &crllen);
	e = tp_entry(cadn, "cACertificate;binary", &cert, &certlen, 1);
	e->de_attrs = mmhs_realloc(e->de_attrs, 2 * sizeof(*e->de_attrs));
	e->de_nattrs = 2;
	{
		mmhs_dircache_entry_t *c = tp_entry(cadn,
		    "certificateRevocationList;binary", &crl, &crllen, 1);

		e->de_attrs[1] = c->de_attrs[0];
		c->de_nattrs = 0;
		free(c->de_attrs);
		c->de_attrs = NULL;
		mmhs_dircache_entry_free(c);
	}
	tp_put(dc, 2, e);
	st = mmhs_pki_trust(dc, site, err, sizeof(err));
	UNIT_CHECK(st != NULL, "trust: %s", err);
	if (st != NULL) {
		rc = tp_verify(st, tegan, t);
		UNIT_CHECK(rc == X509_V_ERR_CERT_REVOKED, "tegan: %s",
		    X509_verify_cert_error_string(rc));
		rc = tp_verify(st, owain, t);
		UNIT_CHECK(rc == X509_V_OK, "owain: %s",
		    X509_verify_cert_error_string(rc));
		X509_STORE_free(st);
	}
	OPENSSL_free(cert);
	OPENSSL_free(crl);
	X509_free(owain);
	X509_free(tegan);
	mmhs_dircache_close(dc);
}

/* test_entry_cert - the newest certificate fit for encryption */
static void
test_entry_cert(void)
{
	char *v[3], err[256];
	size_t len[3];
	mmhs_dircache_entry_t *e;
	X509 *x, *renewed = tp_cert("owain-renewed.pem");
	time_t t = tp_when();

	v[0] = tp_der("owain.pem", 0, &len[0]);
	v[1] = tp_der("owain-renewed.pem", 0, &len[1]);
	v[2] = tp_der("ca.pem", 0, &len[2]);
	e = tp_entry("cn=Owain", "userCertificate;binary", v, len, 3);
	x = mmhs_pki_entry_cert(e, t, err, sizeof(err));
	UNIT_CHECK(x != NULL && X509_cmp(x, renewed) == 0,
	    "the renewed certificate is not chosen: %s", x ? "" : err);
	X509_free(x);
	x = mmhs_pki_entry_cert(e, t - 10L * 365 * 86400, err, sizeof(err));
	UNIT_CHECK(x == NULL && strstr(err, "valid now") != NULL,
	    "a time before every certificate: %s", err);
	mmhs_dircache_entry_free(e);

	e = tp_entry("cn=CA", "userCertificate;binary", &v[2], &len[2], 1);
	x = mmhs_pki_entry_cert(e, t, err, sizeof(err));
	UNIT_CHECK(x == NULL && strstr(err, "none of the 1") != NULL,
	    "a CA certificate cannot encrypt: %s", err);
	mmhs_dircache_entry_free(e);
	e = tp_entry("cn=Nobody", NULL, NULL, NULL, 0);
	x = mmhs_pki_entry_cert(e, t, err, sizeof(err));
	UNIT_CHECK(x == NULL && strstr(err, "has no certificate") != NULL,
	    "no certificate: %s", err);
	mmhs_dircache_entry_free(e);
	OPENSSL_free(v[0]);
	OPENSSL_free(v[1]);
	OPENSSL_free(v[2]);
	X509_free(renewed);
}

/* tp_sh - run a shell command, 0 when it succeeded */
static int
tp_sh(const char *fmt, ...)
{
	char cmd[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	return system(cmd) == 0 ? 0 : -1;
}

/* tp_write - a one-line file */
static void
tp_write(const char *path, const char *line)
{
	FILE *f = fopen(path, "w");

	if (f != NULL) {
		fprintf(f, "%s\n", line);
		fclose(f);
	}
}

/* test_key_for - PKCS#12 files of a key directory */
static void
test_key_for(void)
{
	struct mmhs_cms_id id;
	char keys[300], path[400], err[256];
	X509 *owain = tp_cert("owain-renewed.pem");	/* the key file's */

	snprintf(keys, sizeof(keys), "%s/keys", tp_dir);
	UNIT_CHECK(tp_sh("mkdir %s && cp %s" OWAIN ".p12 %spassphrase %s",
	    keys, DATA, DATA, keys) == 0, "cannot fill %s", keys);
	UNIT_CHECK(mmhs_pki_key_for(keys, "Owain.Eastwood@MOD.westland.example",
	    &id, err, sizeof(err)) == 0, "key_for: %s", err);
	UNIT_CHECK(id.ci_key != NULL && id.ci_cert != NULL &&
	    X509_cmp(id.ci_cert, owain) == 0 &&
	    X509_check_private_key(id.ci_cert, id.ci_key) == 1,
	    "not owain's key and certificate");
	UNIT_CHECK(sk_X509_num(id.ci_chain) == 1, "the CA is not in the chain");
	tp_id_free(&id);

	snprintf(path, sizeof(path), "%s/" OWAIN ".pass", keys);
	tp_write(path, "not the pass phrase");
	UNIT_CHECK(mmhs_pki_key_for(keys, OWAIN, &id, err, sizeof(err)) < 0 &&
	    strstr(err, "wrong pass phrase") != NULL, "wrong pass: %s", err);
	UNIT_CHECK(id.ci_key == NULL && id.ci_cert == NULL, "id not clear");
	unlink(path);

	/* the openssl command's own PKCS#12, its pass phrase in ADDR.pass */
	UNIT_CHECK(tp_sh("openssl pkcs12 -in %s/" OWAIN ".p12 -passin file:"
	    "%s/passphrase -nodes -out %s/owain.pem 2>/dev/null && "
	    "openssl pkcs12 -export -in %s/owain.pem -passout pass:s3cret "
	    "-out %s/x@y.example.p12", keys, keys, tp_dir, tp_dir, keys) == 0,
	    "openssl pkcs12 -export failed");
	snprintf(path, sizeof(path), "%s/x@y.example.pass", keys);
	tp_write(path, "s3cret");
	UNIT_CHECK(mmhs_pki_key_for(keys, "x@y.example", &id, err,
	    sizeof(err)) == 0 && X509_cmp(id.ci_cert, owain) == 0,
	    "openssl's PKCS#12: %s", err);
	tp_id_free(&id);

	UNIT_CHECK(mmhs_pki_key_for(keys, "../etc@x", &id, err,
	    sizeof(err)) < 0 && strstr(err, "not a mail address") != NULL,
	    "a path in the address: %s", err);
	UNIT_CHECK(mmhs_pki_key_for(keys, "nobody@y.example", &id, err,
	    sizeof(err)) < 0 && strstr(err, "no key for") != NULL,
	    "missing key: %s", err);
	UNIT_CHECK(mmhs_pki_key_for(NULL, OWAIN, &id, err, sizeof(err)) < 0,
	    "no key directory accepted");
	snprintf(path, sizeof(path), "%s/p@y.example.p11", keys);
	tp_write(path, "/not/a/uri");
	UNIT_CHECK(mmhs_pki_key_for(keys, "p@y.example", &id, err,
	    sizeof(err)) < 0 && strstr(err, "pkcs11:") != NULL,
	    "a .p11 file without a URI: %s", err);
	tp_write(path, "pkcs11:token=none");
	UNIT_CHECK(mmhs_pki_key_for(keys, "p@y.example", &id, err,
	    sizeof(err)) < 0 && strstr(err, "names no object") != NULL,
	    "a URI without an object: %s", err);
	UNIT_CHECK(mmhs_pki_load_id(DATA "ca.pem", NULL, &id, err,
	    sizeof(err)) < 0 && strstr(err, "not a PKCS#12") != NULL,
	    "a PEM file as PKCS#12: %s", err);
	X509_free(owain);
}

/* tp_policy - the sample site's national policy from ldif/ */
static int
tp_policy(struct mmhs_policy *p)
{
	char line[512], err[256];
	FILE *f = fopen(TOP_SRCDIR "/ldif/10-security-policy.ldif", "r");
	int in = 0, rc = 0;

	if (f == NULL || mmhs_policy_init(p, NAT, err, sizeof(err)) < 0)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL && rc == 0) {
		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, "mmhsPolicyId: ", 14) == 0)
			in = strcmp(line + 14, NAT) == 0;
		else if (in && strncmp(line, "mmhsClassificationDef: ", 23) == 0)
			rc = mmhs_policy_add_class(p, line + 23, err,
			    sizeof(err));
		else if (in && strncmp(line, "mmhsCategoryDef: ", 17) == 0)
			rc = mmhs_policy_add_cat(p, line + 17, err, sizeof(err));
	}
	fclose(f);
	return rc;
}

/* test_clearance - mmhs-ca's certificates, and our DER in a certificate
 * the openssl command makes */
static void
test_clearance(void)
{
	struct mmhs_policy *p = mmhs_calloc(1, sizeof(*p));
	struct mmhs_policy *other = mmhs_calloc(1, sizeof(*other));
	struct mmhs_clearance cl, in;
	X509 *x;
	unsigned char *der = NULL;
	char err[256], hex[1024], path[400];
	size_t len, i;

	UNIT_CHECK(tp_policy(p) == 0, "cannot read the sample policy");
	x = tp_cert("owain.pem");
	UNIT_CHECK(mmhs_pki_cert_clearance(x, p, &cl, err, sizeof(err)) == 1 &&
	    strcmp(cl.cl_class, "SECRET") == 0 && cl.cl_ncat == 0,
	    "owain: %s", err);
	mmhs_policy_init(other, "1.2.3.4", NULL, 0);
	UNIT_CHECK(mmhs_pki_cert_clearance(x, other, &cl, err, sizeof(err)) ==
	    -1 && strstr(err, "not of policy") != NULL, "other: %s", err);
	X509_free(x);
	x = tp_cert("tegan.pem");
	UNIT_CHECK(mmhs_pki_cert_clearance(x, p, &cl, err, sizeof(err)) == 1 &&
	    strcmp(cl.cl_class, "CONFIDENTIAL") == 0 && cl.cl_ncat == 1 &&
	    strcmp(cl.cl_cat[0], "REL NATO") == 0, "tegan: %s", err);
	X509_free(x);
	x = tp_cert("ca.pem");
	UNIT_CHECK(mmhs_pki_cert_clearance(x, p, &cl, err, sizeof(err)) == 0,
	    "the CA certificate has no clearance");
	X509_free(x);

	UNIT_CHECK(mmhs_clearance_parse(NAT "$TOP SECRET$WESTLAND EYES ONLY"
	    "$CRYPTO", &in, err, sizeof(err)) == 0, "parse: %s", err);
	UNIT_CHECK(mmhs_pki_clearance_der(p, &in, &der, &len, err,
	    sizeof(err)) == 0, "der: %s", err);
	for (i = 0; i < len && 2 * i + 2 < sizeof(hex); i++)
		snprintf(hex + 2 * i, 3, "%02X", der[i]);
	snprintf(path, sizeof(path), "%s/ext.cnf", tp_dir);
	{
		char conf[1400];

		snprintf(conf, sizeof(conf), "[req]\ndistinguished_name = d\n"
		    "prompt = no\n[d]\nCN = cleared\n[x]\n"
		    "subjectDirectoryAttributes = DER:%s", hex);
		tp_write(path, conf);
	}
	UNIT_CHECK(tp_sh("cd %s && openssl req -x509 -newkey rsa:2048 -nodes "
	    "-keyout k.pem -out c.pem -days 1 -config ext.cnf -extensions x "
	    "2>/dev/null", tp_dir) == 0, "openssl req -x509 failed");
	snprintf(path, sizeof(path), "%s/c.pem", tp_dir);
	x = tp_cert(path);
	UNIT_CHECK(x != NULL && mmhs_pki_cert_clearance(x, p, &cl, err,
	    sizeof(err)) == 1 && strcmp(cl.cl_class, "TOP SECRET") == 0 &&
	    cl.cl_ncat == 2 && strcmp(cl.cl_cat[0], "WESTLAND EYES ONLY") == 0
	    && strcmp(cl.cl_cat[1], "CRYPTO") == 0,
	    "round trip through openssl: %s", err);
	X509_free(x);
	free(der);

	snprintf(in.cl_class, sizeof(in.cl_class), "ULTRA");
	UNIT_CHECK(mmhs_pki_clearance_der(p, &in, &der, &len, err,
	    sizeof(err)) < 0, "an unknown classification was encoded");
	free(p);
	free(other);
}

static const struct unit_test pki_tests[] = {
	{ "trust from PEM files", test_trust_files },
	{ "trust from the directory cache", test_trust_dircache },
	{ "an entry's encryption certificate", test_entry_cert },
	{ "keys from a key directory", test_key_for },
	{ "clearance in certificates", test_clearance },
};

static const struct unit_suite suites[] = {
	UNIT_SUITE("pki", pki_tests),
};

int
main(void)
{
	int rc;

	if (mkdtemp(tp_dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	rc = unit_main(suites, sizeof(suites) / sizeof(suites[0]));
	tp_sh("rm -rf %s", tp_dir);
	return rc;
}
