/* mmhs_pki_key.c - private keys from PKCS#12 files and key directories
 *
 * See mmhs_pki.h.  A key directory holds one file per mail address, the
 * address in lower case: ADDR.p12, or ADDR.p11 naming a key on a token.
 * An address is used as a file name only when it cannot leave the
 * directory (no '/', no leading dot) and is of mail address characters.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <strings.h>
#include <string.h>
#include <sys/stat.h>

#include <openssl/err.h>
#include <openssl/pkcs12.h>

#include "mmhs_pki.h"
#include "mmhs_pki_int.h"

#define PKI_ADDR_MAX	254
#define PKI_LINE_MAX	1024

/* pki_id_clear - free what a half-filled id holds, zero it */
static void
pki_id_clear(struct mmhs_cms_id *id)
{
	EVP_PKEY_free(id->ci_key);
	X509_free(id->ci_cert);
	sk_X509_pop_free(id->ci_chain, X509_free);
	memset(id, 0, sizeof(*id));
}

/* pki_load_p12 - key, certificate and chain of a PKCS#12 file */
static int
pki_load_p12(const char *path, const char *pass, struct mmhs_cms_id *id,
    char *err, size_t errlen)
{
	PKCS12 *p12;
	BIO *b;
	int ok;

	if ((b = BIO_new_file(path, "rb")) == NULL) {
		mmhs_pki_err(err, errlen, "%s: cannot open: %s", path,
		    strerror(errno));
		ERR_clear_error();
		return -1;
	}
	p12 = d2i_PKCS12_bio(b, NULL);
	BIO_free(b);
	if (p12 == NULL) {
		mmhs_pki_err(err, errlen, "%s: not a PKCS#12 file", path);
		ERR_clear_error();
		return -1;
	}
	if (PKCS12_mac_present(p12) &&
	    !PKCS12_verify_mac(p12, pass, pass != NULL ? -1 : 0) &&
	    !(pass == NULL && PKCS12_verify_mac(p12, "", 0))) {
		PKCS12_free(p12);
		mmhs_pki_err(err, errlen, "%s: wrong pass phrase", path);
		ERR_clear_error();
		return -1;
	}
	ok = PKCS12_parse(p12, pass, &id->ci_key, &id->ci_cert, &id->ci_chain);
	PKCS12_free(p12);
	if (!ok) {
		mmhs_pki_err(err, errlen, "%s: %s", path, mmhs_pki_ssl_reason());
		pki_id_clear(id);
		return -1;
	}
	if (id->ci_key == NULL || id->ci_cert == NULL) {
		mmhs_pki_err(err, errlen, "%s: holds no %s", path,
		    id->ci_key == NULL ? "private key" : "certificate");
		pki_id_clear(id);
		return -1;
	}
	if (sk_X509_num(id->ci_chain) == 0) {
		sk_X509_free(id->ci_chain);
		id->ci_chain = NULL;
	}
	return 0;
}

int
mmhs_pki_load_id(const char *ref, const char *pass, struct mmhs_cms_id *id,
    char *err, size_t errlen)
{
	memset(id, 0, sizeof(*id));
	if (ref == NULL || *ref == '\0') {
		mmhs_pki_err(err, errlen, "no key file or PKCS#11 URI given");
		return -1;
	}
	if (strncasecmp(ref, "pkcs11:", 7) == 0)
		return mmhs_pki_p11_load(ref, 1, id, err, errlen);
	if (pki_load_p12(ref, pass, id, err, errlen) < 0)
		return -1;
	if (X509_check_private_key(id->ci_cert, id->ci_key) != 1) {
		mmhs_pki_err(err, errlen, "%s: the key does not match the "
		    "certificate", ref);
		ERR_clear_error();
		pki_id_clear(id);
		return -1;
	}
	return 0;
}

/* pki_addr_file - addr in lower case as a file name, or -1 */
static int
pki_addr_file(const char *addr, char *out, size_t outlen)
{
	size_t i, n = strlen(addr);

	if (n == 0 || n > PKI_ADDR_MAX || n >= outlen || addr[0] == '.' ||
	    strchr(addr, '@') == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if (!isalnum((unsigned char) addr[i]) &&
		    strchr("._+-=@", addr[i]) == NULL)
			return -1;
		out[i] = (char) tolower((unsigned char) addr[i]);
	}
	out[n] = '\0';
	return 0;
}

/* pki_first_line - the first line of path without its end; 0, or -1
 * (errno set; ENOENT when there is no such file) */
static int
pki_first_line(const char *path, char *buf, size_t len)
{
	FILE *f;
	size_t n;

	if ((f = fopen(path, "r")) == NULL)
		return -1;
	if (fgets(buf, (int) len, f) == NULL)
		buf[0] = '\0';
	fclose(f);
	n = strcspn(buf, "\r\n");
	buf[n] = '\0';
	return 0;
}

int
mmhs_pki_key_for(const char *dir, const char *addr, struct mmhs_cms_id *id,
    char *err, size_t errlen)
{
	char name[PKI_ADDR_MAX + 1], path[4096], pass[PKI_LINE_MAX];
	char line[PKI_LINE_MAX];
	const char *pp = NULL;
	struct stat sb;

	memset(id, 0, sizeof(*id));
	if (dir == NULL) {
		mmhs_pki_err(err, errlen, "no key directory (-k) given");
		return -1;
	}
	if (addr == NULL || pki_addr_file(addr, name, sizeof(name)) < 0) {
		mmhs_pki_err(err, errlen, "\"%s\" is not a mail address to "
		    "look a key up by", addr != NULL ? addr : "");
		return -1;
	}
	snprintf(path, sizeof(path), "%s/%s.p12", dir, name);
	if (stat(path, &sb) == 0) {
		snprintf(line, sizeof(line), "%s/%s.pass", dir, name);
		if (pki_first_line(line, pass, sizeof(pass)) == 0)
			pp = pass;
		else {
			snprintf(line, sizeof(line), "%s/passphrase", dir);
			if (pki_first_line(line, pass, sizeof(pass)) == 0)
				pp = pass;
		}
		return mmhs_pki_load_id(path, pp, id, err, errlen);
	}
	snprintf(path, sizeof(path), "%s/%s.p11", dir, name);
	if (pki_first_line(path, line, sizeof(line)) == 0) {
		if (strncasecmp(line, "pkcs11:", 7) != 0) {
			mmhs_pki_err(err, errlen, "%s: not a pkcs11: URI", path);
			return -1;
		}
		return mmhs_pki_load_id(line, NULL, id, err, errlen);
	}
	mmhs_pki_err(err, errlen, "no key for %s in %s (neither %s.p12 nor "
	    "%s.p11)", addr, dir, name, name);
	return -1;
}
