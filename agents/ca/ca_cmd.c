/* ca_cmd.c - the commands of mmhs-ca but issuing: init, the RA steps
 * (request, approve, reject), revoke, crl and list
 *
 * Each checks all its input (arguments, the directory entry, the
 * request's state) before it changes anything, and dies with one line
 * when something is wrong.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <openssl/pem.h>
#include <openssl/pkcs12.h>

#include "mmhs_alloc.h"
#include "mmhs_pki.h"
#include "mmhs_pki_int.h"
#include "ca.h"

/* cmd_days - a positive number of days */
static int
cmd_days(const char *opt, const char *v)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (*v == '\0' || *end != '\0' || n <= 0 || n > 36500)
		ca_die("%s \"%s\": not a number of days (1..36500)", opt, v);
	return (int) n;
}

/* cmd_copy - into a conf field, or die */
static void
cmd_copy(char *dst, size_t len, const char *what, const char *v)
{
	if (v == NULL || *v == '\0')
		ca_die("init: %s is required", what);
	if (snprintf(dst, len, "%s", v) >= (int) len)
		ca_die("init: %s is too long", what);
}

/* cmd_unlink - undo the files of a failed init */
static void
cmd_unlink(struct ca *ca)
{
	static const char *files[] = { "ca.p12", "ca.pass", "ca.pem",
	    "crlnumber", "crl.pem" };
	size_t i;
	char *p;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		p = ca_db_path(ca, files[i]);
		unlink(p);
		free(p);
	}
}

/* cmd_ca_key - the new CA's key: made here, or found on the token */
static EVP_PKEY *
cmd_ca_key(const char *pkcs11)
{
	struct mmhs_cms_id id;
	char err[CA_LINE_MAX];
	EVP_PKEY *key;

	if (pkcs11 == NULL) {
		if ((key = ca_cert_newkey()) == NULL)
			ca_die("cannot make an RSA key: %s", mmhs_pki_ssl_reason());
		return key;
	}
	if (mmhs_pki_p11_load(pkcs11, 0, &id, err, sizeof(err)) < 0)
		ca_die("init: %s (make the key on the token first, e.g. with "
		    "pkcs11-tool --keypairgen --key-type rsa:2048)", err);
	if (id.ci_cert != NULL)
		ca_die("init: the token already holds a certificate for this "
		    "key: is it another CA's?");
	return id.ci_key;
}

/* cmd_store_key - ca.p12 with a new pass phrase in ca.pass, or the
 * certificate onto the token next to its key */
static int
cmd_store_key(struct ca *ca, EVP_PKEY *key, X509 *x, char *err,
    size_t errlen)
{
	char pass[64], *p12, *pf;
	int rc;

	if (ca->ca_conf.cc_pkcs11[0] != '\0')
		return mmhs_pki_p11_store(ca->ca_conf.cc_pkcs11, NULL, x, err,
		    errlen);
	if (ca_db_random_pass(pass, 33) < 0) {
		snprintf(err, errlen, "no random bytes for a pass phrase");
		return -1;
	}
	strcat(pass, "\n");
	p12 = ca_db_path(ca, "ca.p12");
	pf = ca_db_path(ca, "ca.pass");
	rc = ca_db_write(pf, pass, strlen(pass), 0600, err, errlen);
	pass[strcspn(pass, "\n")] = '\0';
	if (rc == 0) {
		STACK_OF(X509) *none = NULL;
		PKCS12 *p = PKCS12_create(pass, "CA", key, x, none, 0, 0, 0,
		    0, 0);
		BIO *b = BIO_new(BIO_s_mem());
		char *data;
		long len;

		rc = -1;
		if (p != NULL && b != NULL && i2d_PKCS12_bio(b, p) == 1 &&
		    (len = BIO_get_mem_data(b, &data)) > 0)
			rc = ca_db_write(p12, data, (size_t) len, 0600, err,
			    errlen);
		else
			snprintf(err, errlen, "ca.p12: %s", mmhs_pki_ssl_reason());
		PKCS12_free(p);
		BIO_free(b);
	}
	free(p12);
	free(pf);
	return rc;
}

int
ca_cmd_init(struct ca *ca, int argc, char **argv)
{
	const char *subject = NULL, *uri = NULL, *binddn = NULL, *pwf = NULL;
	const char *entry = NULL, *days = NULL, *cdays = NULL, *p11 = NULL;
	const struct ca_opt opts[] = { { "--subject", &subject },
	    { "-H", &uri }, { "-D", &binddn }, { "-y", &pwf },
	    { "--entry", &entry }, { "--days", &days },
	    { "--cert-days", &cdays }, { "--pkcs11", &p11 }, { NULL, NULL } };
	struct ca_conf *c = &ca->ca_conf;
	char err[CA_LINE_MAX], abspw[PATH_MAX], *pem;
	EVP_PKEY *key;
	X509 *x;

	ca_opts(argc, argv, opts, NULL, 0);
	cmd_copy(c->cc_uri, sizeof(c->cc_uri), "-H URI", uri);
	cmd_copy(c->cc_bind_dn, sizeof(c->cc_bind_dn), "-D BINDDN", binddn);
	cmd_copy(c->cc_entry, sizeof(c->cc_entry), "--entry DN", entry);
	if (subject == NULL)
		ca_die("init: --subject DN is required");
	if (pwf == NULL || realpath(pwf, abspw) == NULL)
		ca_die("init: -y PWFILE: %s", pwf == NULL ? "is required" :
		    strerror(errno));
	cmd_copy(c->cc_pwfile, sizeof(c->cc_pwfile), "-y PWFILE", abspw);
	if (p11 != NULL)
		cmd_copy(c->cc_pkcs11, sizeof(c->cc_pkcs11), "--pkcs11", p11);
	if (cdays != NULL)
		c->cc_days = cmd_days("--cert-days", cdays);
	ca_ldap_bind(ca);
	if (ca_ldap_exists(ca, c->cc_entry, err, sizeof(err)) < 0)
		ca_die("init: %s", err);
	key = cmd_ca_key(p11);
	x = ca_cert_selfsigned(key, subject, days != NULL ?
	    cmd_days("--days", days) : 3650, err, sizeof(err));
	if (x == NULL) {
		EVP_PKEY_free(key);
		ca_die("init: %s", err);
	}
	ca->ca_id.ci_key = key;
	ca->ca_id.ci_cert = x;
	pem = ca_db_path(ca, "ca.pem");
	if (cmd_store_key(ca, key, x, err, sizeof(err)) < 0 ||
	    ca_cert_write_pem(pem, x, err, sizeof(err)) < 0 ||
	    ca_ldap_publish_ca(ca, x, NULL, err, sizeof(err)) < 0 ||
	    ca_publish_crl(ca, err, sizeof(err)) < 0) {
		cmd_unlink(ca);
		ca_die("init: %s", err);
	}
	ca_db_save_conf(ca);
	printf("CA \"%s\" in %s: certificate %s, published in %s\n", subject,
	    ca->ca_dir, pem, c->cc_entry);
	free(pem);
	return 0;
}
