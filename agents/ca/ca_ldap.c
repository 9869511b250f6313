/* ca_ldap.c - what mmhs-ca reads from and writes to the directory
 *
 * Holders are entries with a mail address; their certificate goes into
 * userCertificate;binary, replacing the values there (one certificate
 * per holder: the newest).  Entries whose object classes do not allow
 * userCertificate (lists, agents) get the auxiliary class pkiUser
 * (RFC 4523) on the way.  The CA entry gets cACertificate;binary and
 * certificateRevocationList;binary.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <ldap.h>
#include <openssl/x509.h>

#include "mmhs_alloc.h"
#include "mmhs_label.h"
#include "ca.h"

void
ca_ldap_bind(struct ca *ca)
{
	const struct ca_conf *c = &ca->ca_conf;
	struct berval cred;
	struct timeval tv = { 10, 0 };
	char pw[512];
	FILE *f;
	int v = LDAP_VERSION3, rc;

	if ((f = fopen(c->cc_pwfile, "r")) == NULL)
		ca_die("password file %s: %s", c->cc_pwfile, strerror(errno));
	if (fgets(pw, sizeof(pw), f) == NULL)
		pw[0] = '\0';
	fclose(f);
	pw[strcspn(pw, "\r\n")] = '\0';
	if ((rc = ldap_initialize(&ca->ca_ld, c->cc_uri)) != LDAP_SUCCESS)
		ca_die("%s: %s", c->cc_uri, ldap_err2string(rc));
	ldap_set_option(ca->ca_ld, LDAP_OPT_PROTOCOL_VERSION, &v);
	ldap_set_option(ca->ca_ld, LDAP_OPT_NETWORK_TIMEOUT, &tv);
	cred.bv_val = pw;
	cred.bv_len = strlen(pw);
	rc = ldap_sasl_bind_s(ca->ca_ld, c->cc_bind_dn, LDAP_SASL_SIMPLE,
	    &cred, NULL, NULL, NULL);
	memset(pw, 0, sizeof(pw));
	if (rc != LDAP_SUCCESS)
		ca_die("bind to %s as %s: %s", c->cc_uri, c->cc_bind_dn,
		    ldap_err2string(rc));
}

/* ldap_value - the first value of attr in entry m, or "" */
static void
ldap_value(LDAP *ld, LDAPMessage *m, const char *attr, char *buf,
    size_t len)
{
	struct berval **v = ldap_get_values_len(ld, m, attr);

	buf[0] = '\0';
	if (v != NULL && v[0] != NULL)
		snprintf(buf, len, "%.*s", (int) v[0]->bv_len, v[0]->bv_val);
	ldap_value_free_len(v);
}

/* ldap_holder_of - a holder from a search entry; 0, or -1 without mail */
static int
ldap_holder_of(LDAP *ld, LDAPMessage *m, struct ca_holder *h)
{
	char *dn = ldap_get_dn(ld, m);

	memset(h, 0, sizeof(*h));
	snprintf(h->ch_dn, sizeof(h->ch_dn), "%s", dn != NULL ? dn : "");
	ldap_memfree(dn);
	ldap_value(ld, m, "mail", h->ch_addr, sizeof(h->ch_addr));
	ldap_value(ld, m, "mmhsClearance", h->ch_clearance,
	    sizeof(h->ch_clearance));
	return h->ch_addr[0] != '\0' ? 0 : -1;
}

static char *holder_attrs[] = { "mail", "mmhsClearance", NULL };

int
ca_ldap_holder(struct ca *ca, const char *dn, struct ca_holder *h,
    char *err, size_t errlen)
{
	LDAPMessage *res = NULL, *m;
	int rc;

	rc = ldap_search_ext_s(ca->ca_ld, dn, LDAP_SCOPE_BASE, NULL,
	    holder_attrs, 0, NULL, NULL, NULL, 0, &res);
	if (rc != LDAP_SUCCESS || (m = ldap_first_entry(ca->ca_ld, res)) ==
	    NULL) {
		snprintf(err, errlen, "no entry \"%s\" in the directory: %s",
		    dn, rc == LDAP_SUCCESS ? "not found" : ldap_err2string(rc));
		ldap_msgfree(res);
		return -1;
	}
	rc = ldap_holder_of(ca->ca_ld, m, h);
	ldap_msgfree(res);
	if (rc < 0)
		snprintf(err, errlen, "%s has no mail address to certify", dn);
	return rc;
}

int
ca_ldap_holders(struct ca *ca, const char *base, ca_holder_fn fn, void *arg)
{
	LDAPMessage *res = NULL, *m;
	struct ca_holder h;
	int rc, n = 0;

	rc = ldap_search_ext_s(ca->ca_ld, base, LDAP_SCOPE_SUBTREE, "(mail=*)",
	    holder_attrs, 0, NULL, NULL, NULL, 0, &res);
	if (rc != LDAP_SUCCESS) {
		ldap_msgfree(res);
		ca_die("search of %s: %s", base, ldap_err2string(rc));
	}
	for (m = ldap_first_entry(ca->ca_ld, res); m != NULL && rc == 0;
	    m = ldap_next_entry(ca->ca_ld, m))
		if (ldap_holder_of(ca->ca_ld, m, &h) == 0) {
			n++;
			rc = fn(ca, &h, arg);
		}
	ldap_msgfree(res);
	return rc < 0 ? -1 : n;
}

int
ca_ldap_exists(struct ca *ca, const char *dn, char *err, size_t errlen)
{
	static char *attrs[] = { "1.1", NULL };
	LDAPMessage *res = NULL;
	int rc;

	rc = ldap_search_ext_s(ca->ca_ld, dn, LDAP_SCOPE_BASE, NULL, attrs, 0,
	    NULL, NULL, NULL, 0, &res);
	ldap_msgfree(res);
	if (rc != LDAP_SUCCESS)
		snprintf(err, errlen, "no entry \"%s\" in the directory: %s",
		    dn, ldap_err2string(rc));
	return rc == LDAP_SUCCESS ? 0 : -1;
}

int
ca_ldap_base(struct ca *ca, char *base, size_t len)
{
	static char *attrs[] = { "namingContexts", NULL };
	LDAPMessage *res = NULL, *m;
	int rc;

	rc = ldap_search_ext_s(ca->ca_ld, "", LDAP_SCOPE_BASE, NULL, attrs, 0,
	    NULL, NULL, NULL, 0, &res);
	base[0] = '\0';
	if (rc == LDAP_SUCCESS && (m = ldap_first_entry(ca->ca_ld, res)) !=
	    NULL)
		ldap_value(ca->ca_ld, m, "namingContexts", base, len);
	ldap_msgfree(res);
	return base[0] != '\0' ? 0 : -1;
}

/* ldap_der - the DER of x (or of crl) as a berval; bv_val OPENSSL_free */
static int
ldap_der(X509 *x, X509_CRL *crl, struct berval *bv)
{
	unsigned char *der = NULL;
	int n = x != NULL ? i2d_X509(x, &der) : i2d_X509_CRL(crl, &der);

	if (n <= 0)
		return -1;
	bv->bv_val = (char *) der;
	bv->bv_len = (ber_len_t) n;
	return 0;
}

/* ldap_modify - apply mods to dn; on an object class violation add the
 * auxiliary class aux and try once more */
static int
ldap_modify(struct ca *ca, const char *dn, LDAPMod **mods, char *aux,
    char *err, size_t errlen)
{
	char *ocv[] = { aux, NULL };
	LDAPMod oc = { LDAP_MOD_ADD, "objectClass", { ocv } };
	LDAPMod *all[8];
	int rc, i;

	rc = ldap_modify_ext_s(ca->ca_ld, dn, mods, NULL, NULL);
	if (rc == LDAP_OBJECT_CLASS_VIOLATION && aux != NULL) {
		for (i = 0; mods[i] != NULL && i < 6; i++)
			all[i] = mods[i];
		all[i++] = &oc;
		all[i] = NULL;
		rc = ldap_modify_ext_s(ca->ca_ld, dn, all, NULL, NULL);
	}
	if (rc != LDAP_SUCCESS) {
		char *info = NULL;

		ldap_get_option(ca->ca_ld, LDAP_OPT_DIAGNOSTIC_MESSAGE, &info);
		snprintf(err, errlen, "publishing into %s: %s%s%s", dn,
		    ldap_err2string(rc), info != NULL && *info != '\0' ?
		    ": " : "", info != NULL ? info : "");
		ldap_memfree(info);
		return -1;
	}
	return 0;
}

int
ca_ldap_publish_cert(struct ca *ca, const char *dn, X509 *x, X509 *old,
    char *err, size_t errlen)
{
	struct berval bv = { 0, NULL }, *vals[] = { &bv, NULL };
	LDAPMod mod = { LDAP_MOD_REPLACE | LDAP_MOD_BVALUES,
	    "userCertificate;binary", { NULL } };
	LDAPMod *mods[] = { &mod, NULL };
	int rc;

	if (x == NULL) {
		mod.mod_op = LDAP_MOD_DELETE | LDAP_MOD_BVALUES;
		x = old;
	}
	if (ldap_der(x, NULL, &bv) < 0) {
		snprintf(err, errlen, "cannot encode the certificate");
		return -1;
	}
	mod.mod_bvalues = vals;
	rc = ldap_modify(ca, dn, mods, "pkiUser", err, errlen);
	if (rc < 0 && (mod.mod_op & LDAP_MOD_DELETE) &&
	    strstr(err, ldap_err2string(LDAP_NO_SUCH_ATTRIBUTE)) != NULL)
		rc = 0;		/* already gone */
	OPENSSL_free(bv.bv_val);
	return rc;
}

int
ca_ldap_publish_ca(struct ca *ca, X509 *cacert, X509_CRL *crl, char *err,
    size_t errlen)
{
	struct berval cbv = { 0, NULL }, lbv = { 0, NULL };
	struct berval *cvals[] = { &cbv, NULL }, *lvals[] = { &lbv, NULL };
	LDAPMod cmod = { LDAP_MOD_REPLACE | LDAP_MOD_BVALUES,
	    "cACertificate;binary", { NULL } };
	LDAPMod lmod = { LDAP_MOD_REPLACE | LDAP_MOD_BVALUES,
	    "certificateRevocationList;binary", { NULL } };
	LDAPMod *mods[3];
	int n = 0, rc = -1;

	cmod.mod_bvalues = cvals;
	lmod.mod_bvalues = lvals;
	if (cacert != NULL) {
		if (ldap_der(cacert, NULL, &cbv) < 0)
			goto bad;
		mods[n++] = &cmod;
	}
	if (crl != NULL) {
		if (ldap_der(NULL, crl, &lbv) < 0)
			goto bad;
		mods[n++] = &lmod;
	}
	mods[n] = NULL;
	rc = ldap_modify(ca, ca->ca_conf.cc_entry, mods, "pkiCA", err,
	    errlen);
	goto done;
bad:
	snprintf(err, errlen, "cannot encode the CA certificate or CRL");
done:
	OPENSSL_free(cbv.bv_val);
	OPENSSL_free(lbv.bv_val);
	return rc;
}

/* ldap_policy_values - add every value of attr with add() */
static int
ldap_policy_values(LDAP *ld, LDAPMessage *m, const char *attr,
    struct mmhs_policy *p,
    int (*add)(struct mmhs_policy *, const char *, char *, size_t),
    char *err, size_t errlen)
{
	struct berval **v = ldap_get_values_len(ld, m, attr);
	char buf[CA_LINE_MAX];
	int i, rc = 0;

	for (i = 0; v != NULL && v[i] != NULL && rc == 0; i++) {
		snprintf(buf, sizeof(buf), "%.*s", (int) v[i]->bv_len,
		    v[i]->bv_val);
		rc = add(p, buf, err, errlen);
	}
	ldap_value_free_len(v);
	return rc;
}

int
ca_ldap_policy(struct ca *ca, const char *oid, struct mmhs_policy *p,
    char *err, size_t errlen)
{
	static char *attrs[] = { "mmhsClassificationDef", "mmhsCategoryDef",
	    NULL };
	LDAPMessage *res = NULL, *m;
	char filter[256], base[CA_DN_MAX];
	int rc;

	if (!mmhs_label_oid_valid(oid)) {
		snprintf(err, errlen, "\"%s\" is not a policy OID", oid);
		return -1;
	}
	if (ca_ldap_base(ca, base, sizeof(base)) < 0) {
		snprintf(err, errlen, "the directory names no naming context");
		return -1;
	}
	snprintf(filter, sizeof(filter),
	    "(&(objectClass=mmhsSecurityPolicy)(mmhsPolicyId=%s))", oid);
	rc = ldap_search_ext_s(ca->ca_ld, base, LDAP_SCOPE_SUBTREE, filter,
	    attrs, 0, NULL, NULL, NULL, 0, &res);
	if (rc != LDAP_SUCCESS || (m = ldap_first_entry(ca->ca_ld, res)) ==
	    NULL) {
		snprintf(err, errlen, "no security policy %s in the directory",
		    oid);
		ldap_msgfree(res);
		return -1;
	}
	rc = mmhs_policy_init(p, oid, err, errlen) < 0 ||
	    ldap_policy_values(ca->ca_ld, m, "mmhsClassificationDef", p,
	    mmhs_policy_add_class, err, errlen) < 0 ||
	    ldap_policy_values(ca->ca_ld, m, "mmhsCategoryDef", p,
	    mmhs_policy_add_cat, err, errlen) < 0 ? -1 : 0;
	ldap_msgfree(res);
	return rc;
}
