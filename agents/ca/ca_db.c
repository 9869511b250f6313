/* ca_db.c - the CA directory: configuration, index, requests, CA key
 *
 * Text files of one record a line, fields separated by tabs (DNs and
 * notes never hold a tab: ca_db_save_* refuse one).  A line that does
 * not read is an error naming the file and line: the database is never
 * guessed at.  Each save rewrites the file whole, see ca_db_write.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/rand.h>

#include "mmhs_alloc.h"
#include "mmhs_pki.h"
#include "ca.h"

char *
ca_db_path(const struct ca *ca, const char *name)
{
	size_t n = strlen(ca->ca_dir) + strlen(name) + 2;
	char *p = mmhs_malloc(n);

	snprintf(p, n, "%s/%s", ca->ca_dir, name);
	return p;
}

int
ca_db_write(const char *path, const void *data, size_t len, int mode,
    char *err, size_t errlen)
{
	char tmp[CA_LINE_MAX];
	const char *p = data;
	ssize_t w;
	int fd;

	snprintf(tmp, sizeof(tmp), "%s.tmp.%ld", path, (long) getpid());
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, mode)) < 0) {
		snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
		return -1;
	}
	while (len > 0) {
		if ((w = write(fd, p, len)) < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		p += w;
		len -= (size_t) w;
	}
	if (fsync(fd) != 0 || close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	if (rename(tmp, path) != 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
fail:
	snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	return -1;
}

/* db_save - write the text of a memory stream to CADIR/name */
static void
db_save(struct ca *ca, const char *name, char *buf, size_t len)
{
	char err[CA_LINE_MAX];
	char *path = ca_db_path(ca, name);

	if (ca_db_write(path, buf, len, 0600, err, sizeof(err)) < 0)
		ca_die("cannot save %s", err);
	free(path);
	free(buf);
}

/* db_fields - split a line at tabs; the number of fields */
static int
db_fields(char *line, char **f, int max)
{
	int n = 0;

	line[strcspn(line, "\r\n")] = '\0';
	while (n < max) {
		f[n++] = line;
		if ((line = strchr(line, '\t')) == NULL)
			break;
		*line++ = '\0';
	}
	return line == NULL ? n : -1;
}

/* db_copy - a field into a fixed buffer; -1 when it does not fit */
static int
db_copy(char *dst, size_t len, const char *src)
{
	return snprintf(dst, len, "%s", src) < (int) len ? 0 : -1;
}

/* db_read - call fn for each line of CADIR/name (absent: none) */
static void
db_read(struct ca *ca, const char *name,
    int (*fn)(struct ca *, char **, int))
{
	char line[3 * CA_LINE_MAX], *f[8];
	char *path = ca_db_path(ca, name);
	FILE *fp;
	int lineno = 0, n;

	if ((fp = fopen(path, "r")) == NULL) {
		if (errno != ENOENT)
			ca_die("%s: %s", path, strerror(errno));
		free(path);
		return;
	}
	while (fgets(line, sizeof(line), fp) != NULL) {
		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		if ((n = db_fields(line, f, 8)) < 0 || fn(ca, f, n) < 0)
			ca_die("%s line %d: malformed, fix or restore it", path,
			    lineno);
	}
	fclose(fp);
	free(path);
}

/* db_conf_line - "name value" of ca.conf (the value may hold tabs) */
static int
db_conf_line(struct ca *ca, char **f, int n)
{
	struct ca_conf *c = &ca->ca_conf;
	char *v;

	if (n != 1 || (v = strchr(f[0], ' ')) == NULL)
		return -1;
	*v++ = '\0';
	if (strcmp(f[0], "uri") == 0)
		return db_copy(c->cc_uri, sizeof(c->cc_uri), v);
	if (strcmp(f[0], "bind-dn") == 0)
		return db_copy(c->cc_bind_dn, sizeof(c->cc_bind_dn), v);
	if (strcmp(f[0], "pwfile") == 0)
		return db_copy(c->cc_pwfile, sizeof(c->cc_pwfile), v);
	if (strcmp(f[0], "entry") == 0)
		return db_copy(c->cc_entry, sizeof(c->cc_entry), v);
	if (strcmp(f[0], "pkcs11") == 0)
		return db_copy(c->cc_pkcs11, sizeof(c->cc_pkcs11), v);
	if (strcmp(f[0], "days") == 0)
		return (c->cc_days = atoi(v)) > 0 ? 0 : -1;
	if (strcmp(f[0], "crl-days") == 0)
		return (c->cc_crl_days = atoi(v)) > 0 ? 0 : -1;
	return -1;
}

/* db_cert_line - serial state not-after revoked reason addr dn */
static int
db_cert_line(struct ca *ca, char **f, int n)
{
	struct ca_cert *c;

	if (n != 7 || (f[1][0] != CA_VALID && f[1][0] != CA_REVOKED))
		return -1;
	c = ca_db_add_cert(ca);
	c->ce_state = f[1][0];
	c->ce_not_after = (time_t) strtoll(f[2], NULL, 10);
	c->ce_revoked = (time_t) strtoll(f[3], NULL, 10);
	c->ce_reason = atoi(f[4]);
	return db_copy(c->ce_serial, sizeof(c->ce_serial), f[0]) < 0 ||
	    db_copy(c->ce_addr, sizeof(c->ce_addr), f[5]) < 0 ||
	    db_copy(c->ce_dn, sizeof(c->ce_dn), f[6]) < 0 ? -1 : 0;
}

/* db_req_line - id state time dn csr note */
static int
db_req_line(struct ca *ca, char **f, int n)
{
	struct ca_req *r;

	if (n != 6)
		return -1;
	r = ca_db_add_req(ca);
	r->cr_id = strtoul(f[0], NULL, 10);
	r->cr_time = (time_t) strtoll(f[2], NULL, 10);
	return r->cr_id == 0 ||
	    db_copy(r->cr_state, sizeof(r->cr_state), f[1]) < 0 ||
	    db_copy(r->cr_dn, sizeof(r->cr_dn), f[3]) < 0 ||
	    db_copy(r->cr_csr, sizeof(r->cr_csr), f[4]) < 0 ||
	    db_copy(r->cr_note, sizeof(r->cr_note), f[5]) < 0 ? -1 : 0;
}

void
ca_db_open(struct ca *ca, const char *dir, int create)
{
	struct stat sb;
	char *path;

	ca->ca_dir = dir;
	ca->ca_lock_fd = -1;
	if (create && mkdir(dir, 0700) != 0 && errno != EEXIST)
		ca_die("cannot create %s: %s", dir, strerror(errno));
	path = ca_db_path(ca, "lock");
	if ((ca->ca_lock_fd = open(path, O_RDWR | O_CREAT, 0600)) < 0)
		ca_die("%s: %s", create ? path : dir, errno == ENOENT ?
		    "no such CA directory" : strerror(errno));
	if (flock(ca->ca_lock_fd, LOCK_EX) != 0)
		ca_die("%s: cannot lock: %s", path, strerror(errno));
	free(path);
	path = ca_db_path(ca, "ca.conf");
	if (create && stat(path, &sb) == 0)
		ca_die("%s already holds a CA", dir);
	free(path);
	ca->ca_conf.cc_days = 365;
	ca->ca_conf.cc_crl_days = 30;
	if (create)
		return;
	db_read(ca, "ca.conf", db_conf_line);
	if (ca->ca_conf.cc_uri[0] == '\0' || ca->ca_conf.cc_entry[0] == '\0')
		ca_die("%s holds no CA (mmhs-ca -d %s init ...)", dir, dir);
	db_read(ca, "index", db_cert_line);
	db_read(ca, "requests", db_req_line);
}

void
ca_db_close(struct ca *ca)
{
	free(ca->ca_certs);
	free(ca->ca_reqs);
	EVP_PKEY_free(ca->ca_id.ci_key);
	X509_free(ca->ca_id.ci_cert);
	sk_X509_pop_free(ca->ca_id.ci_chain, X509_free);
	if (ca->ca_ld != NULL)
		ldap_unbind_ext_s(ca->ca_ld, NULL, NULL);
	if (ca->ca_lock_fd >= 0)
		close(ca->ca_lock_fd);
}

/* db_no_tab - refuse a value that would break the line format */
static const char *
db_no_tab(const char *v)
{
	if (strpbrk(v, "\t\r\n") != NULL)
		ca_die("\"%s\": tabs and line ends are not allowed", v);
	return v;
}

void
ca_db_save_conf(struct ca *ca)
{
	const struct ca_conf *c = &ca->ca_conf;
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	fprintf(m, "# mmhs-ca configuration (see mmhs-ca(8))\n");
	fprintf(m, "uri %s\nbind-dn %s\npwfile %s\nentry %s\n",
	    db_no_tab(c->cc_uri), db_no_tab(c->cc_bind_dn),
	    db_no_tab(c->cc_pwfile), db_no_tab(c->cc_entry));
	if (c->cc_pkcs11[0] != '\0')
		fprintf(m, "pkcs11 %s\n", db_no_tab(c->cc_pkcs11));
	fprintf(m, "days %d\ncrl-days %d\n", c->cc_days, c->cc_crl_days);
	fclose(m);
	db_save(ca, "ca.conf", buf, len);
}

void
ca_db_save_certs(struct ca *ca)
{
	const struct ca_cert *c;
	char *buf = NULL;
	size_t i, len = 0;
	FILE *m = open_memstream(&buf, &len);

	fprintf(m, "# serial state not-after revoked reason address entry\n");
	for (i = 0; i < ca->ca_ncerts; i++) {
		c = &ca->ca_certs[i];
		fprintf(m, "%s\t%c\t%lld\t%lld\t%d\t%s\t%s\n", c->ce_serial,
		    c->ce_state, (long long) c->ce_not_after,
		    (long long) c->ce_revoked, c->ce_reason,
		    db_no_tab(c->ce_addr), db_no_tab(c->ce_dn));
	}
	fclose(m);
	db_save(ca, "index", buf, len);
}

void
ca_db_save_reqs(struct ca *ca)
{
	const struct ca_req *r;
	char *buf = NULL;
	size_t i, len = 0;
	FILE *m = open_memstream(&buf, &len);

	fprintf(m, "# id state time entry csr note\n");
	for (i = 0; i < ca->ca_nreqs; i++) {
		r = &ca->ca_reqs[i];
		fprintf(m, "%lu\t%s\t%lld\t%s\t%s\t%s\n", r->cr_id, r->cr_state,
		    (long long) r->cr_time, db_no_tab(r->cr_dn),
		    db_no_tab(r->cr_csr), db_no_tab(r->cr_note));
	}
	fclose(m);
	db_save(ca, "requests", buf, len);
}

struct ca_cert *
ca_db_cert(struct ca *ca, const char *serial)
{
	size_t i;

	for (i = 0; i < ca->ca_ncerts; i++)
		if (strcasecmp(ca->ca_certs[i].ce_serial, serial) == 0)
			return &ca->ca_certs[i];
	return NULL;
}

/* ca_db_current - the latest valid, unrevoked certificate of dn */
struct ca_cert *
ca_db_current(struct ca *ca, const char *dn, time_t now)
{
	struct ca_cert *c, *best = NULL;
	size_t i;

	for (i = 0; i < ca->ca_ncerts; i++) {
		c = &ca->ca_certs[i];
		if (c->ce_state == CA_VALID && c->ce_not_after > now &&
		    strcasecmp(c->ce_dn, dn) == 0)
			best = c;
	}
	return best;
}

struct ca_cert *
ca_db_add_cert(struct ca *ca)
{
	struct ca_cert *c;

	ca->ca_certs = mmhs_realloc(ca->ca_certs,
	    (ca->ca_ncerts + 1) * sizeof(*ca->ca_certs));
	c = &ca->ca_certs[ca->ca_ncerts++];
	memset(c, 0, sizeof(*c));
	return c;
}

struct ca_req *
ca_db_req(struct ca *ca, unsigned long id)
{
	size_t i;

	for (i = 0; i < ca->ca_nreqs; i++)
		if (ca->ca_reqs[i].cr_id == id)
			return &ca->ca_reqs[i];
	return NULL;
}

struct ca_req *
ca_db_add_req(struct ca *ca)
{
	struct ca_req *r;

	ca->ca_reqs = mmhs_realloc(ca->ca_reqs,
	    (ca->ca_nreqs + 1) * sizeof(*ca->ca_reqs));
	r = &ca->ca_reqs[ca->ca_nreqs++];
	memset(r, 0, sizeof(*r));
	return r;
}

/* ca_db_next_serial - one more than the highest serial issued */
void
ca_db_next_serial(struct ca *ca, char *buf, size_t len)
{
	unsigned long long v, max = 0;
	size_t i;

	for (i = 0; i < ca->ca_ncerts; i++)
		if ((v = strtoull(ca->ca_certs[i].ce_serial, NULL, 16)) > max)
			max = v;
	snprintf(buf, len, "%02llX", max + 1);
	if (strlen(buf) % 2 == 1)
		snprintf(buf, len, "0%llX", max + 1);
}

int
ca_db_random_pass(char *buf, size_t len)
{
	static const char set[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnop"
	    "qrstuvwxyz23456789";
	unsigned char r[64];
	size_t i;

	if (len < 2 || len - 1 > sizeof(r) || RAND_bytes(r, (int) (len - 1))
	    != 1)
		return -1;
	for (i = 0; i < len - 1; i++)
		buf[i] = set[r[i] % (sizeof(set) - 1)];
	buf[len - 1] = '\0';
	return 0;
}

/* ca_db_load_key - the CA's key and certificate into ca->ca_id */
void
ca_db_load_key(struct ca *ca)
{
	char err[CA_LINE_MAX], pass[256];
	char *p12 = ca_db_path(ca, "ca.p12"), *pf = ca_db_path(ca, "ca.pass");
	FILE *f;

	if (ca->ca_conf.cc_pkcs11[0] != '\0') {
		if (mmhs_pki_load_id(ca->ca_conf.cc_pkcs11, NULL, &ca->ca_id,
		    err, sizeof(err)) < 0)
			ca_die("CA key: %s", err);
	} else {
		if ((f = fopen(pf, "r")) == NULL)
			ca_die("%s: %s", pf, strerror(errno));
		if (fgets(pass, sizeof(pass), f) == NULL)
			pass[0] = '\0';
		fclose(f);
		pass[strcspn(pass, "\r\n")] = '\0';
		if (mmhs_pki_load_id(p12, pass, &ca->ca_id, err,
		    sizeof(err)) < 0)
			ca_die("CA key: %s", err);
	}
	free(p12);
	free(pf);
}
