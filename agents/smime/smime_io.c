/* smime_io.c - mmhs-smime: messages, keys, certificates and trust from files
 *
 * Every function here either succeeds or ends the program with one line
 * on stderr and exit status SMIME_EXIT_INPUT: the tool is run once per
 * message, so there is nothing to recover and nothing to half-write.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "mmhs_alloc.h"
#include "mmhs_pki.h"
#include "smime.h"

void
smime_die(const char *fmt, ...)
{
	va_list ap;

	fputs("mmhs-smime: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(SMIME_EXIT_INPUT);
}

/* smime_read_fd - all of a stream; an empty one is bad input */
char *
smime_read_fd(FILE *fp, const char *what, size_t *len)
{
	size_t cap = 65536, n = 0, got;
	char *buf = mmhs_malloc(cap + 1);

	while ((got = fread(buf + n, 1, cap - n, fp)) > 0) {
		n += got;
		if (n == cap) {
			cap *= 2;
			buf = mmhs_realloc(buf, cap + 1);
		}
	}
	if (ferror(fp))
		smime_die("cannot read %s: %s", what, strerror(errno));
	if (n == 0)
		smime_die("%s is empty: no message to work on", what);
	buf[n] = '\0';
	*len = n;
	return buf;
}

char *
smime_read_file(const char *path, size_t *len)
{
	FILE *fp;
	char *buf;

	if ((fp = fopen(path, "rb")) == NULL)
		smime_die("cannot open %s: %s", path, strerror(errno));
	buf = smime_read_fd(fp, path, len);
	fclose(fp);
	return buf;
}

/* smime_write - to path, or to stdout when path is NULL or "-" */
void
smime_write(const char *path, const char *buf, size_t len)
{
	FILE *fp = stdout;

	if (path != NULL && strcmp(path, "-") != 0 &&
	    (fp = fopen(path, "wb")) == NULL)
		smime_die("cannot create %s: %s", path, strerror(errno));
	if (fwrite(buf, 1, len, fp) != len || fflush(fp) != 0)
		smime_die("cannot write %s: %s", fp == stdout ? "the output" :
		    path, strerror(errno));
	if (fp != stdout && fclose(fp) != 0)
		smime_die("cannot write %s: %s", path, strerror(errno));
}

/* smime_pass - the first line of the pass phrase file, or NULL */
static char *
smime_pass(const char *path)
{
	size_t len;
	char *buf;

	if (path == NULL)
		return NULL;
	buf = smime_read_file(path, &len);
	buf[strcspn(buf, "\r\n")] = '\0';
	return buf;
}

/* smime_load_ids - every -k key, with the pass phrase of -p */
int
smime_load_ids(const struct smime_opts *o, struct mmhs_cms_id **ids)
{
	char err[256], *pass = smime_pass(o->so_passfile);
	int i;

	*ids = mmhs_calloc(o->so_nkeys > 0 ? o->so_nkeys : 1, sizeof(**ids));
	for (i = 0; i < o->so_nkeys; i++)
		if (mmhs_pki_load_id(o->so_keys[i], pass, &(*ids)[i], err,
		    sizeof(err)) != 0)
			smime_die("key %s: %s", o->so_keys[i], err);
	if (pass != NULL) {
		OPENSSL_cleanse(pass, strlen(pass));
		mmhs_free(pass);
	}
	return o->so_nkeys;
}

void
smime_free_ids(struct mmhs_cms_id *ids, int n)
{
	int i;

	for (i = 0; i < n; i++)
		mmhs_cms_id_free(&ids[i]);
	mmhs_free(ids);
}

/* smime_load_file_certs - the certificates of one PEM (or DER) file */
static void
smime_load_file_certs(const char *path, STACK_OF(X509) *sk)
{
	FILE *fp;
	X509 *x;
	int n = 0;

	if ((fp = fopen(path, "rb")) == NULL)
		smime_die("cannot open %s: %s", path, strerror(errno));
	while ((x = PEM_read_X509(fp, NULL, NULL, NULL)) != NULL) {
		sk_X509_push(sk, x);
		n++;
	}
	if (n == 0) {
		rewind(fp);
		if ((x = d2i_X509_fp(fp, NULL)) != NULL) {
			sk_X509_push(sk, x);
			n++;
		}
	}
	fclose(fp);
	ERR_clear_error();
	if (n == 0)
		smime_die("%s holds no certificate (PEM or DER)", path);
}

STACK_OF(X509) *
smime_load_certs(const char *const *paths, int n)
{
	STACK_OF(X509) *sk = sk_X509_new_null();
	int i;

	if (sk == NULL)
		smime_die("out of memory");
	for (i = 0; i < n; i++)
		smime_load_file_certs(paths[i], sk);
	return sk;
}

/* smime_trust - the anchors of --ca and the CRLs of --crl */
X509_STORE *
smime_trust(const struct smime_opts *o)
{
	const char *ca[SMIME_NFILES + 1], *crl[SMIME_NFILES + 1];
	X509_STORE *st;
	char err[256];
	int i;

	if (o->so_nca == 0)
		smime_die("no trust anchor: give --ca CA.pem");
	for (i = 0; i < o->so_nca; i++)
		ca[i] = o->so_ca[i];
	ca[i] = NULL;
	for (i = 0; i < o->so_ncrl; i++)
		crl[i] = o->so_crl[i];
	crl[i] = NULL;
	st = mmhs_pki_trust_files(ca, o->so_ncrl > 0 ? crl : NULL, err,
	    sizeof(err));
	if (st == NULL)
		smime_die("trust anchors: %s", err);
	return st;
}
