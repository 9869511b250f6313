/* test_cms_pki.c - a throw-away PKI for test_cms, made with openssl(1)
 *
 * The certificates come from the real openssl ca, not from our code, so
 * that the tests check our CMS against certificates and CRLs as another
 * implementation writes them.  See test_cms.h.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include <openssl/pem.h>

#include "test_cms.h"

char	tc_dir[512];
static char tc_cnf[600];

int
tc_run(const char *fmt, ...)
{
	char cmd[4096];
	va_list ap;
	int n, rc;

	n = snprintf(cmd, sizeof(cmd), "cd '%s' && (", tc_dir);
	va_start(ap, fmt);
	vsnprintf(cmd + n, sizeof(cmd) - (size_t) n, fmt, ap);
	va_end(ap);
	n = (int) strlen(cmd);
	snprintf(cmd + n, sizeof(cmd) - (size_t) n, ") >>tc.log 2>&1");
	rc = system(cmd);
	return rc == -1 || !WIFEXITED(rc) ? -1 : WEXITSTATUS(rc);
}

int
tc_write(const char *name, const char *data, size_t len)
{
	char path[1024];
	FILE *fp;
	int rc;

	snprintf(path, sizeof(path), "%s/%s", tc_dir, name);
	if ((fp = fopen(path, "wb")) == NULL)
		return -1;
	rc = fwrite(data, 1, len, fp) == len ? 0 : -1;
	return fclose(fp) == 0 ? rc : -1;
}

char *
tc_read(const char *name, size_t *len)
{
	char path[1024], *buf = NULL;
	size_t n = 0, cap = 0, got;
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", tc_dir, name);
	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	do {
		if (n + 4096 + 1 > cap) {
			cap = (n + 4096 + 1) * 2;
			buf = realloc(buf, cap);
			if (buf == NULL)
				break;
		}
		got = fread(buf + n, 1, 4096, fp);
		n += got;
	} while (got > 0);
	fclose(fp);
	if (buf != NULL)
		buf[n] = '\0';
	*len = n;
	return buf;
}

/* tc_ca - a CA in directory name */
static int
tc_ca(const char *name)
{
	return tc_run("mkdir -p %s/newcerts && : >%s/index.txt && "
	    "echo 01 >%s/serial && echo 01 >%s/crlnumber && "
	    "CMS_TEST_CA=%s openssl req -config '%s' -x509 -new "
	    "-newkey rsa:2048 -nodes -keyout %s/ca.key -out %s/ca.pem "
	    "-subj '/CN=Test CA %s' -days 3650 -extensions ca_ext",
	    name, name, name, name, name, tc_cnf, name, name, name);
}

/* tc_user - key and certificate of user from ca; dates may be NULL */
static int
tc_user(const char *ca, const char *user, const char *start,
    const char *end)
{
	char dates[128] = "";

	if (start != NULL)
		snprintf(dates, sizeof(dates), "-startdate %s -enddate %s",
		    start, end);
	return tc_run("openssl req -config '%s' -new -newkey rsa:2048 -nodes "
	    "-keyout %s.key -out %s.csr "
	    "-subj '/CN=%s/emailAddress=%s@x.example' && "
	    "CMS_TEST_CA=%s openssl ca -config '%s' -batch -notext %s "
	    "-in %s.csr -out %s.pem",
	    tc_cnf, user, user, user, user, ca, tc_cnf, dates, user, user);
}

int
tc_pki_make(const char *datadir)
{
	snprintf(tc_dir, sizeof(tc_dir), "%s/test_cms.XXXXXX",
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : P_tmpdir);
	snprintf(tc_cnf, sizeof(tc_cnf), "%s/ca.cnf", datadir);
	if (mkdtemp(tc_dir) == NULL)
		return -1;
	/* openssl req reads the CA section too */
	setenv("CMS_TEST_CA", "ca", 1);
	if (tc_ca("ca") != 0 || tc_ca("rogue") != 0 ||
	    tc_user("ca", "alice", NULL, NULL) != 0 ||
	    tc_user("ca", "bob", NULL, NULL) != 0 ||
	    tc_user("ca", "carol", NULL, NULL) != 0 ||
	    tc_user("ca", "dave", "20200101000000Z", "20200201000000Z") != 0 ||
	    tc_user("rogue", "mallory", NULL, NULL) != 0)
		return -1;
	return tc_run("CMS_TEST_CA=ca openssl ca -config '%s' "
	    "-revoke carol.pem && CMS_TEST_CA=ca openssl ca -config '%s' "
	    "-gencrl -out ca/crl.pem && cat ca/ca.pem ca/crl.pem >ca/ca-crl.pem",
	    tc_cnf, tc_cnf) == 0 ? 0 : -1;
}

void
tc_cleanup(void)
{
	if (tc_dir[0] != '\0' && getenv("TEST_CMS_KEEP") == NULL)
		tc_run("cd / && rm -rf '%s'", tc_dir);
}

X509 *
tc_cert(const char *user)
{
	char path[1024];
	X509 *x = NULL;
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s.pem", tc_dir, user);
	if ((fp = fopen(path, "r")) != NULL) {
		x = PEM_read_X509(fp, NULL, NULL, NULL);
		fclose(fp);
	}
	return x;
}

int
tc_id(const char *user, struct mmhs_cms_id *id)
{
	char path[1024];
	FILE *fp;

	memset(id, 0, sizeof(*id));
	snprintf(path, sizeof(path), "%s/%s.key", tc_dir, user);
	if ((fp = fopen(path, "r")) != NULL) {
		id->ci_key = PEM_read_PrivateKey(fp, NULL, NULL, NULL);
		fclose(fp);
	}
	id->ci_cert = tc_cert(user);
	if (id->ci_key == NULL || id->ci_cert == NULL) {
		mmhs_cms_id_free(id);
		return -1;
	}
	return 0;
}

X509_STORE *
tc_store(int crl)
{
	X509_STORE *st = X509_STORE_new();
	char ca[1024], crlf[1024];

	snprintf(ca, sizeof(ca), "%s/ca/ca.pem", tc_dir);
	snprintf(crlf, sizeof(crlf), "%s/ca/crl.pem", tc_dir);
	if (st == NULL || X509_STORE_load_file(st, ca) != 1 ||
	    (crl && X509_STORE_load_file(st, crlf) != 1)) {
		X509_STORE_free(st);
		return NULL;
	}
	return st;
}
