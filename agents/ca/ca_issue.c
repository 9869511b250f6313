/* ca_issue.c - issuing: one holder, every holder, renewal
 *
 * Order of the steps, so that a failure or a crash leaves nothing
 * half-done: the key file is written under a temporary name; the
 * certificate enters the index (its serial is taken); it is published
 * into the holder's entry; only then the key file takes its name and
 * the PEM copies are written.  A refused publication takes the
 * certificate out of the index again and removes the key file.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "mmhs_alloc.h"
#include "mmhs_pki.h"
#include "mmhs_pki_int.h"
#include "ca.h"

/* issue_addr - the holder's address as a file name (lower case) */
static int
issue_addr(const struct ca_holder *h, char *out, size_t len, char *err,
    size_t errlen)
{
	size_t i, n = strlen(h->ch_addr);

	if (n == 0 || n >= len || h->ch_addr[0] == '.' ||
	    strchr(h->ch_addr, '@') == NULL)
		goto bad;
	for (i = 0; i <= n; i++) {
		if (i < n && !isalnum((unsigned char) h->ch_addr[i]) &&
		    strchr("._+-=@", h->ch_addr[i]) == NULL)
			goto bad;
		out[i] = (char) tolower((unsigned char) h->ch_addr[i]);
	}
	return 0;
bad:
	snprintf(err, errlen, "%s: mail \"%s\" cannot name a key file",
	    h->ch_dn, h->ch_addr);
	return -1;
}

/* issue_keydir - the key directory and its pass phrase (made once) */
static int
issue_keydir(const char *dir, char *pass, size_t len, char *err,
    size_t errlen)
{
	char path[CA_LINE_MAX];
	FILE *f;

	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		return -1;
	}
	snprintf(path, sizeof(path), "%s/passphrase", dir);
	if ((f = fopen(path, "r")) != NULL) {
		if (fgets(pass, (int) len, f) == NULL)
			pass[0] = '\0';
		fclose(f);
		pass[strcspn(pass, "\r\n")] = '\0';
		return 0;
	}
	if (ca_db_random_pass(pass, 25) < 0) {
		snprintf(err, errlen, "no random bytes for a pass phrase");
		return -1;
	}
	strcat(pass, "\n");
	if (ca_db_write(path, pass, strlen(pass), 0600, err, errlen) < 0)
		return -1;
	pass[strcspn(pass, "\n")] = '\0';
	return 0;
}

/* issue_files - after publication: key file, p11 reference, PEMs */
static int
issue_files(struct ca *ca, const struct ca_keyout *ko, const char *addr,
    const char *tmpkey, X509 *x, const char *serial, char *err,
    size_t errlen)
{
	char path[CA_LINE_MAX], line[CA_LINE_MAX];

	if (tmpkey != NULL) {
		snprintf(path, sizeof(path), "%s/%s.p12", ko->ko_keydir, addr);
		if (rename(tmpkey, path) != 0) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			return -1;
		}
	}
	if (ko->ko_pkcs11 != NULL && ko->ko_keydir != NULL) {
		snprintf(path, sizeof(path), "%s/%s.p11", ko->ko_keydir, addr);
		snprintf(line, sizeof(line), "%s\n", ko->ko_pkcs11);
		if (ca_db_write(path, line, strlen(line), 0600, err,
		    errlen) < 0)
			return -1;
	}
	snprintf(path, sizeof(path), "%s/issued", ca->ca_dir);
	(void) mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/issued/%s.pem", ca->ca_dir, serial);
	if (ca_cert_write_pem(path, x, err, errlen) < 0)
		return -1;
	snprintf(path, sizeof(path), "%s/certs", ca->ca_dir);
	(void) mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/certs/%s.pem", ca->ca_dir, addr);
	return ca_cert_write_pem(path, x, err, errlen);
}

/* issue_unindex - take the last certificate out of the index again */
static void
issue_unindex(struct ca *ca)
{
	ca->ca_ncerts--;
	ca_db_save_certs(ca);
}

int
ca_issue_one(struct ca *ca, const struct ca_holder *h,
    const struct ca_keyout *ko, char *serial, size_t slen, char *err,
    size_t errlen)
{
	char addr[CA_ADDR_MAX], pass[128], tmpkey[CA_LINE_MAX];
	EVP_PKEY *key = NULL;
	struct ca_cert *c;
	X509 *x = NULL;
	int have_tmp = 0, rc = -1;

	if (issue_addr(h, addr, sizeof(addr), err, errlen) < 0)
		return -1;
	if (ko->ko_key != NULL) {
		if (EVP_PKEY_up_ref(ko->ko_key))
			key = ko->ko_key;
	} else if (ko->ko_csr != NULL)
		key = ca_cert_csr_key(ko->ko_csr, err, errlen);
	else if (ko->ko_keydir == NULL && ko->ko_pkcs11 == NULL)
		snprintf(err, errlen, "no key: give --keydir, --pkcs11 or --csr");
	else if ((key = ca_cert_newkey()) == NULL)
		snprintf(err, errlen, "cannot make an RSA key: %s",
		    mmhs_pki_ssl_reason());
	if (key == NULL)
		return -1;
	ca_db_next_serial(ca, serial, slen);
	if ((x = ca_cert_issue(ca, h, key, serial, err, errlen)) == NULL)
		goto done;
	if (ko->ko_csr == NULL && ko->ko_pkcs11 == NULL) {
		if (issue_keydir(ko->ko_keydir, pass, sizeof(pass), err,
		    errlen) < 0)
			goto done;
		snprintf(tmpkey, sizeof(tmpkey), "%s/.%s.p12.new",
		    ko->ko_keydir, addr);
		if (ca_cert_write_p12(tmpkey, pass, key, x, ca->ca_id.ci_cert,
		    h->ch_addr, err, errlen) < 0)
			goto done;
		have_tmp = 1;
	}
	if (ko->ko_keydir != NULL && ko->ko_pkcs11 != NULL &&
	    issue_keydir(ko->ko_keydir, pass, sizeof(pass), err, errlen) < 0)
		goto done;
	c = ca_db_add_cert(ca);
	snprintf(c->ce_serial, sizeof(c->ce_serial), "%s", serial);
	c->ce_state = CA_VALID;
	c->ce_not_after = time(NULL) + (time_t) ca->ca_conf.cc_days * 86400;
	snprintf(c->ce_addr, sizeof(c->ce_addr), "%s", addr);
	snprintf(c->ce_dn, sizeof(c->ce_dn), "%s", h->ch_dn);
	ca_db_save_certs(ca);
	if (ko->ko_pkcs11 != NULL && mmhs_pki_p11_store(ko->ko_pkcs11, key,
	    x, err, errlen) < 0) {
		issue_unindex(ca);
		goto done;
	}
	if (ca_ldap_publish_cert(ca, h->ch_dn, x, NULL, err, errlen) < 0) {
		issue_unindex(ca);
		goto done;
	}
	rc = issue_files(ca, ko, addr, have_tmp ? tmpkey : NULL, x, serial,
	    err, errlen);
	have_tmp = rc < 0 && have_tmp;
done:
	if (have_tmp)
		unlink(tmpkey);
	EVP_PKEY_free(key);
	X509_free(x);
	return rc;
}

/* issue_keyout - the key options shared by issue, renew and approve */
static void
issue_keyout(struct ca *ca, struct ca_keyout *ko, const char *keydir,
    const char *csr, const char *pkcs11, char **own)
{
	memset(ko, 0, sizeof(*ko));
	if (csr != NULL && (keydir != NULL || pkcs11 != NULL))
		ca_die("--csr brings the holder's own key: no --keydir or "
		    "--pkcs11 with it");
	ko->ko_csr = csr;
	ko->ko_pkcs11 = pkcs11;
	ko->ko_keydir = keydir;
	if (csr == NULL && pkcs11 == NULL && keydir == NULL)
		ko->ko_keydir = *own = ca_db_path(ca, "keys");
}

/* issue_record - the request record of a one-step issue (the audit) */
static void
issue_record(struct ca *ca, const char *dn, const char *what,
    const char *serial)
{
	struct ca_req *r;
	unsigned long id = 1;
	size_t i;

	for (i = 0; i < ca->ca_nreqs; i++)
		if (ca->ca_reqs[i].cr_id >= id)
			id = ca->ca_reqs[i].cr_id + 1;
	r = ca_db_add_req(ca);
	r->cr_id = id;
	r->cr_time = time(NULL);
	snprintf(r->cr_state, sizeof(r->cr_state), "approved");
	snprintf(r->cr_dn, sizeof(r->cr_dn), "%s", dn);
	snprintf(r->cr_csr, sizeof(r->cr_csr), "-");
	snprintf(r->cr_note, sizeof(r->cr_note), "%s serial %s", what, serial);
	ca_db_save_reqs(ca);
}

/* issue_for - issue or renew for one DN given on the command line */
static int
issue_for(struct ca *ca, int argc, char **argv, int renew)
{
	const char *dn = NULL, *keydir = NULL, *csr = NULL;
	const struct ca_opt opts[] = { { "--for", &dn },
	    { "--keydir", &keydir }, { "--csr", &csr }, { NULL, NULL } };
	char err[CA_LINE_MAX], serial[64], *own = NULL;
	struct ca_keyout ko;
	struct ca_holder h;
	struct ca_cert *cur;
	size_t i;
	int known = 0;

	ca_opts(argc, argv, opts, NULL, 0);
	if (dn == NULL)
		ca_die("%s: --for DN is required", argv[0]);
	ca_db_load_key(ca);
	ca_ldap_bind(ca);
	if (ca_ldap_holder(ca, dn, &h, err, sizeof(err)) < 0)
		ca_die("%s", err);
	cur = ca_db_current(ca, h.ch_dn, time(NULL));
	for (i = 0; i < ca->ca_ncerts; i++)
		known |= strcasecmp(ca->ca_certs[i].ce_dn, h.ch_dn) == 0;
	if (!renew && cur != NULL)
		ca_die("%s already holds certificate %s (renew or revoke it)",
		    h.ch_dn, cur->ce_serial);
	if (renew && !known)
		ca_die("%s was never certified here (issue first)", h.ch_dn);
	issue_keyout(ca, &ko, keydir, csr, NULL, &own);
	ko.ko_replace = renew;
	if (ca_issue_one(ca, &h, &ko, serial, sizeof(serial), err,
	    sizeof(err)) < 0)
		ca_die("%s", err);
	issue_record(ca, h.ch_dn, renew ? "renewed," : "issued,", serial);
	printf("%s %s %s\n", serial, h.ch_addr, h.ch_dn);
	free(own);
	return 0;
}

int
ca_cmd_issue(struct ca *ca, int argc, char **argv)
{
	return issue_for(ca, argc, argv, 0);
}

int
ca_cmd_renew(struct ca *ca, int argc, char **argv)
{
	return issue_for(ca, argc, argv, 1);
}

struct issue_all {
	struct ca_holder *ia_todo;
	size_t	ia_ntodo;
	int	ia_had;
	char  **ia_addrs;		/* every holder's, for --key-pool */
	size_t	ia_naddrs;
};

/* issue_all_one - note a holder without a valid certificate */
static int
issue_all_one(struct ca *ca, const struct ca_holder *h, void *arg)
{
	struct issue_all *ia = arg;

	ia->ia_addrs = mmhs_realloc(ia->ia_addrs,
	    (ia->ia_naddrs + 1) * sizeof(*ia->ia_addrs));
	ia->ia_addrs[ia->ia_naddrs++] = mmhs_strdup(h->ch_addr);
	if (ca_db_current(ca, h->ch_dn, time(NULL)) != NULL) {
		ia->ia_had++;
		return 0;
	}
	ia->ia_todo = mmhs_realloc(ia->ia_todo,
	    (ia->ia_ntodo + 1) * sizeof(*ia->ia_todo));
	ia->ia_todo[ia->ia_ntodo++] = *h;
	return 0;
}

/* issue_all_keys - the keys of the holders to certify: made on every
 * CPU at once, or taken from a key pool (ca_pool.c) */
static EVP_PKEY **
issue_all_keys(struct issue_all *ia, const char *pool)
{
	char err[CA_LINE_MAX];
	EVP_PKEY **keys;

	if (pool != NULL) {
		if ((keys = ca_pool_keys(pool, ia->ia_addrs, ia->ia_naddrs,
		    ia->ia_todo, ia->ia_ntodo, err, sizeof(err))) == NULL)
			ca_die("%s", err);
		return keys;
	}
	if ((keys = ca_keys_make(ia->ia_ntodo)) == NULL)
		ca_die("cannot make %zu RSA keys: %s", ia->ia_ntodo,
		    mmhs_pki_ssl_reason());
	return keys;
}

/*
 * issue-all: the holders are listed first and their keys made together
 * on every CPU (RSA key generation is nearly all of the time) or taken
 * from a key pool, then certified one by one; a holder that fails is
 * reported and the others go on.
 */
int
ca_cmd_issue_all(struct ca *ca, int argc, char **argv)
{
	const char *keydir = NULL, *base = NULL, *pool = NULL;
	const struct ca_opt opts[] = { { "--keydir", &keydir },
	    { "--base", &base }, { "--key-pool", &pool }, { NULL, NULL } };
	char nc[CA_DN_MAX], err[CA_LINE_MAX], serial[64], *own = NULL;
	struct ca_keyout ko;
	struct issue_all ia;
	EVP_PKEY **keys = NULL;
	size_t i;
	int issued = 0, failed = 0;

	ca_opts(argc, argv, opts, NULL, 0);
	ca_db_load_key(ca);
	ca_ldap_bind(ca);
	if (base == NULL) {
		if (ca_ldap_base(ca, nc, sizeof(nc)) < 0)
			ca_die("the directory names no naming context: give "
			    "--base");
		base = nc;
	}
	memset(&ia, 0, sizeof(ia));
	issue_keyout(ca, &ko, keydir, NULL, NULL, &own);
	ca_ldap_holders(ca, base, issue_all_one, &ia);
	if (ia.ia_ntodo > 0)
		keys = issue_all_keys(&ia, pool);
	for (i = 0; i < ia.ia_ntodo; i++) {
		ko.ko_key = keys[i];
		if (ca_issue_one(ca, &ia.ia_todo[i], &ko, serial,
		    sizeof(serial), err, sizeof(err)) < 0) {
			fprintf(stderr, "mmhs-ca: %s\n", err);
			failed++;
		} else
			issued++;
		EVP_PKEY_free(keys[i]);
	}
	printf("issued %d, already certified %d, failed %d\n", issued,
	    ia.ia_had, failed);
	free(keys);
	free(ia.ia_todo);
	for (i = 0; i < ia.ia_naddrs; i++)
		free(ia.ia_addrs[i]);
	free(ia.ia_addrs);
	free(own);
	return failed > 0 ? 1 : 0;
}

/* ca_issue_request - approve: the RA's request becomes a certificate */
int
ca_issue_request(struct ca *ca, struct ca_req *r, const char *keydir,
    const char *pkcs11, char *serial, size_t slen)
{
	char err[CA_LINE_MAX], *own = NULL;
	struct ca_keyout ko;
	struct ca_holder h;
	const char *csr = strcmp(r->cr_csr, "-") != 0 ? r->cr_csr : NULL;

	if (csr != NULL && (keydir != NULL || pkcs11 != NULL))
		ca_die("request %lu brings its own key (a CSR): no --keydir "
		    "or --pkcs11", r->cr_id);
	ca_db_load_key(ca);
	ca_ldap_bind(ca);
	if (ca_ldap_holder(ca, r->cr_dn, &h, err, sizeof(err)) < 0)
		ca_die("request %lu: %s", r->cr_id, err);
	if (ca_db_current(ca, h.ch_dn, time(NULL)) != NULL)
		ca_die("request %lu: %s already holds a valid certificate",
		    r->cr_id, h.ch_dn);
	issue_keyout(ca, &ko, keydir, csr, pkcs11, &own);
	if (ca_issue_one(ca, &h, &ko, serial, slen, err, sizeof(err)) < 0)
		ca_die("request %lu: %s", r->cr_id, err);
	free(own);
	return 0;
}
