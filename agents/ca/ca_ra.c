/* ca_ra.c - the RA steps (request, approve, reject), revocation, CRLs
 * and listings of mmhs-ca
 *
 * A request names a directory entry and may bring a PKCS#10 request
 * (the holder's own key), kept as CADIR/requests.d/ID.csr.  Only a
 * pending request can be approved or rejected.  A revocation is only
 * recorded once the CRL that lists it is in the directory.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <openssl/pem.h>

#include "mmhs_alloc.h"
#include "ca.h"

/* RFC 5280 section 5.3.1 CRLReason codes by name (7 is not used) */
static const char *const reasons[] = { "unspecified", "keyCompromise",
    "cACompromise", "affiliationChanged", "superseded",
    "cessationOfOperation", "certificateHold", NULL, "removeFromCRL",
    "privilegeWithdrawn", "aACompromise" };

/* ra_id - a request id from the command line */
static struct ca_req *
ra_id(struct ca *ca, const char *s)
{
	struct ca_req *r;
	char *end;
	unsigned long id = strtoul(s, &end, 10);

	if (*s == '\0' || *end != '\0' || (r = ca_db_req(ca, id)) == NULL)
		ca_die("no request \"%s\" (mmhs-ca list requests)", s);
	if (strcmp(r->cr_state, "pending") != 0)
		ca_die("request %lu is %s, not pending", id, r->cr_state);
	return r;
}

int
ca_cmd_request(struct ca *ca, int argc, char **argv)
{
	const char *dn = NULL, *csr = NULL;
	const struct ca_opt opts[] = { { "--for", &dn }, { "--csr", &csr },
	    { NULL, NULL } };
	char err[CA_LINE_MAX], path[CA_LINE_MAX];
	struct ca_holder h;
	struct ca_req *r;
	unsigned long id = 1;
	EVP_PKEY *pub;
	X509_REQ *req;
	BIO *in, *out;
	size_t i;

	ca_opts(argc, argv, opts, NULL, 0);
	if (dn == NULL)
		ca_die("request: --for DN is required");
	ca_ldap_bind(ca);
	if (ca_ldap_holder(ca, dn, &h, err, sizeof(err)) < 0)
		ca_die("request: %s", err);
	for (i = 0; i < ca->ca_nreqs; i++)
		if (ca->ca_reqs[i].cr_id >= id)
			id = ca->ca_reqs[i].cr_id + 1;
	snprintf(path, sizeof(path), "-");
	if (csr != NULL) {
		if ((pub = ca_cert_csr_key(csr, err, sizeof(err))) == NULL)
			ca_die("request: %s", err);
		EVP_PKEY_free(pub);
		snprintf(path, sizeof(path), "%s/requests.d", ca->ca_dir);
		(void) mkdir(path, 0700);
		snprintf(path, sizeof(path), "%s/requests.d/%lu.csr",
		    ca->ca_dir, id);
		in = BIO_new_file(csr, "r");
		req = in != NULL ? PEM_read_bio_X509_REQ(in, NULL, NULL,
		    NULL) : NULL;
		if (req == NULL && in != NULL && BIO_reset(in) == 0)
			req = d2i_X509_REQ_bio(in, NULL);
		BIO_free(in);
		out = BIO_new(BIO_s_mem());
		if (req == NULL || out == NULL ||
		    !PEM_write_bio_X509_REQ(out, req)) {
			ca_die("request: %s: %s", csr, mmhs_pki_ssl_reason());
		} else {
			char *data;
			long len = BIO_get_mem_data(out, &data);

			if (ca_db_write(path, data, (size_t) len, 0600, err,
			    sizeof(err)) < 0)
				ca_die("request: %s", err);
		}
		X509_REQ_free(req);
		BIO_free(out);
	}
	r = ca_db_add_req(ca);
	r->cr_id = id;
	r->cr_time = time(NULL);
	snprintf(r->cr_state, sizeof(r->cr_state), "pending");
	snprintf(r->cr_dn, sizeof(r->cr_dn), "%s", h.ch_dn);
	snprintf(r->cr_csr, sizeof(r->cr_csr), "%s", path);
	snprintf(r->cr_note, sizeof(r->cr_note), "for %s", h.ch_addr);
	ca_db_save_reqs(ca);
	printf("%lu\n", id);
	return 0;
}

int
ca_cmd_approve(struct ca *ca, int argc, char **argv)
{
	const char *pos[1], *keydir = NULL, *pkcs11 = NULL;
	const struct ca_opt opts[] = { { "--keydir", &keydir },
	    { "--pkcs11", &pkcs11 }, { NULL, NULL } };
	char serial[64];
	struct ca_req *r;

	if (ca_opts(argc, argv, opts, pos, 1) != 1)
		ca_die("approve: which request? (mmhs-ca list requests)");
	r = ra_id(ca, pos[0]);
	ca_issue_request(ca, r, keydir, pkcs11, serial, sizeof(serial));
	snprintf(r->cr_state, sizeof(r->cr_state), "approved");
	snprintf(r->cr_note, sizeof(r->cr_note), "serial %s", serial);
	ca_db_save_reqs(ca);
	printf("%s\n", serial);
	return 0;
}

int
ca_cmd_reject(struct ca *ca, int argc, char **argv)
{
	const char *pos[1], *reason = NULL;
	const struct ca_opt opts[] = { { "--reason", &reason },
	    { NULL, NULL } };
	struct ca_req *r;

	if (ca_opts(argc, argv, opts, pos, 1) != 1)
		ca_die("reject: which request? (mmhs-ca list requests)");
	if (reason == NULL || *reason == '\0')
		ca_die("reject: --reason TEXT is required");
	if (strlen(reason) >= sizeof(r->cr_note) ||
	    strpbrk(reason, "\t\r\n") != NULL)
		ca_die("reject: the reason must be one line of less than %zu "
		    "characters", sizeof(r->cr_note));
	r = ra_id(ca, pos[0]);
	snprintf(r->cr_state, sizeof(r->cr_state), "rejected");
	snprintf(r->cr_note, sizeof(r->cr_note), "%s", reason);
	ca_db_save_reqs(ca);
	printf("request %lu rejected\n", r->cr_id);
	return 0;
}

/* ra_reason - a CRLReason by name or number */
static int
ra_reason(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (reasons[i] != NULL && strcasecmp(s, reasons[i]) == 0)
			return (int) i;
	ca_die("revoke: unknown reason \"%s\" (keyCompromise, "
	    "affiliationChanged, superseded, cessationOfOperation, "
	    "privilegeWithdrawn, ...)", s);
}

/* ra_unpublish - take a revoked certificate out of its holder's entry */
static void
ra_unpublish(struct ca *ca, const struct ca_cert *c)
{
	char path[CA_LINE_MAX], err[CA_LINE_MAX];
	X509 *x = NULL;
	BIO *b;

	snprintf(path, sizeof(path), "%s/issued/%s.pem", ca->ca_dir,
	    c->ce_serial);
	if ((b = BIO_new_file(path, "r")) != NULL)
		x = PEM_read_bio_X509(b, NULL, NULL, NULL);
	BIO_free(b);
	if (x == NULL || ca_ldap_publish_cert(ca, c->ce_dn, NULL, x, err,
	    sizeof(err)) < 0)
		fprintf(stderr, "mmhs-ca: warning: %s stays in %s: %s\n",
		    c->ce_serial, c->ce_dn, x == NULL ? path : err);
	X509_free(x);
}

int
ca_cmd_revoke(struct ca *ca, int argc, char **argv)
{
	const char *pos[1], *dn = NULL, *why = NULL;
	const struct ca_opt opts[] = { { "--for", &dn }, { "--reason", &why },
	    { NULL, NULL } };
	char err[CA_LINE_MAX];
	struct ca_cert *c;
	size_t i, n = 0, *done;
	int npos, reason;

	npos = ca_opts(argc, argv, opts, pos, 1);
	if ((npos == 1) == (dn != NULL))
		ca_die("revoke: give a serial or --for DN");
	reason = why != NULL ? ra_reason(why) : 0;
	if (npos == 1) {
		if ((c = ca_db_cert(ca, pos[0])) == NULL)
			ca_die("revoke: no certificate with serial %s", pos[0]);
		if (c->ce_state == CA_REVOKED)
			ca_die("revoke: %s is already revoked", c->ce_serial);
	}
	done = mmhs_calloc(ca->ca_ncerts + 1, sizeof(*done));
	for (i = 0; i < ca->ca_ncerts; i++) {
		c = &ca->ca_certs[i];
		if (c->ce_state != CA_VALID || (npos == 1 ?
		    strcasecmp(c->ce_serial, pos[0]) != 0 :
		    strcasecmp(c->ce_dn, dn) != 0))
			continue;
		c->ce_state = CA_REVOKED;
		c->ce_revoked = time(NULL);
		c->ce_reason = reason;
		done[n++] = i;
	}
	if (n == 0)
		ca_die("revoke: %s holds no unrevoked certificate", dn);
	ca_db_load_key(ca);
	ca_ldap_bind(ca);
	if (ca_publish_crl(ca, err, sizeof(err)) < 0)
		ca_die("revoke: nothing revoked: %s", err);
	ca_db_save_certs(ca);
	for (i = 0; i < n; i++) {
		c = &ca->ca_certs[done[i]];
		ra_unpublish(ca, c);
		printf("revoked %s %s\n", c->ce_serial, c->ce_dn);
	}
	free(done);
	return 0;
}

int
ca_cmd_crl(struct ca *ca, int argc, char **argv)
{
	char err[CA_LINE_MAX];

	ca_opts(argc, argv, (const struct ca_opt[]) { { NULL, NULL } }, NULL,
	    0);
	ca_db_load_key(ca);
	ca_ldap_bind(ca);
	if (ca_publish_crl(ca, err, sizeof(err)) < 0)
		ca_die("crl: %s", err);
	printf("CRL published in %s and %s/crl.pem\n", ca->ca_conf.cc_entry,
	    ca->ca_dir);
	return 0;
}

/* ra_time - a time as UTC text */
static const char *
ra_time(time_t t, char *buf, size_t len)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}

int
ca_cmd_list(struct ca *ca, int argc, char **argv)
{
	const char *pos[1] = { "certs" };
	const struct ca_cert *c;
	const struct ca_req *r;
	char t[32];
	size_t i;

	ca_opts(argc, argv, (const struct ca_opt[]) { { NULL, NULL } }, pos,
	    1);
	if (strcmp(pos[0], "certs") == 0) {
		for (i = 0; i < ca->ca_ncerts; i++) {
			c = &ca->ca_certs[i];
			printf("%s\t%s\t%s\t%s\t%s\n", c->ce_serial,
			    c->ce_state == CA_VALID ? (c->ce_not_after >
			    time(NULL) ? "valid" : "expired") : "revoked",
			    ra_time(c->ce_not_after, t, sizeof(t)),
			    c->ce_addr, c->ce_dn);
		}
	} else if (strcmp(pos[0], "requests") == 0) {
		for (i = 0; i < ca->ca_nreqs; i++) {
			r = &ca->ca_reqs[i];
			printf("%lu\t%s\t%s\t%s\t%s\n", r->cr_id, r->cr_state,
			    ra_time(r->cr_time, t, sizeof(t)), r->cr_dn,
			    r->cr_note);
		}
	} else
		ca_die("list: certs or requests, not \"%s\"", pos[0]);
	return 0;
}
