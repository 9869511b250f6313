/* test_secmsg_kit.c - the kit of the lib/mmhs_secmsg unit tests
 *
 * Keys, certificates and CRLs are made at test time by the openssl
 * command (a CA, a signer, a revoked signer, a recipient whose
 * certificate carries a clearance, and a stranger CA); the messages are
 * made with lib/mmhs_cms.  The policies are those of the sample
 * directory (ldif/10-security-policy.ldif), built in code.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/x509.h>

#include "mmhs_ess.h"
#include "mmhs_pki.h"
#include "test_secmsg.h"
#include "unit.h"

static const char *const t_nat[] = {
	"c0$UNMARKED", "c1$UNCLASSIFIED", "c2$RESTRICTED$WESTLAND RESTRICTED",
	"c3$CONFIDENTIAL$WESTLAND CONFIDENTIAL", "c4$SECRET$WESTLAND SECRET",
	"c5$TOP SECRET$WESTLAND TOP SECRET",
	"kREL NATO$permissive$" NAT ".1$REL TO NATO",
	"kWESTLAND EYES ONLY$restrictive$" NAT ".3$WESTLAND EYES ONLY",
	"kCRYPTO$restrictive$" NAT ".4$CRYPTO",
	"eUNCLASSIFIED$" NATO "$1", "eRESTRICTED$" NATO "$2",
	"eCONFIDENTIAL$" NATO "$3", "eSECRET$" NATO "$4",
	"eTOP SECRET$" NATO "$5", NULL
};
static const char *const t_nato[] = {
	"c1$NATO UNCLASSIFIED", "c2$NATO RESTRICTED", "c3$NATO CONFIDENTIAL",
	"c4$NATO SECRET", "c5$COSMIC TOP SECRET",
	"kRELEASABLE TO WESTLAND$permissive$" NATO ".1",
	"kNATO EYES ONLY$restrictive$" NATO ".2", NULL
};

char t_dir[512];
struct mmhs_policy t_pol_nat, t_pol_nato;
X509_STORE *t_trust;		/* CA and its CRL */
X509_STORE *t_trust_none;	/* another CA only: signer unknown */
struct mmhs_cms_id t_alice, t_mallory, t_bob;

/* t_build - a policy from the lines above */
void
t_build(struct mmhs_policy *p, const char *oid, const char *const *v)
{
	int rc = mmhs_policy_init(p, oid, NULL, 0);

	for (; *v != NULL; v++)
		rc |= (*v)[0] == 'c' ? mmhs_policy_add_class(p, *v + 1, NULL, 0) :
		    (*v)[0] == 'k' ? mmhs_policy_add_cat(p, *v + 1, NULL, 0) :
		    mmhs_policy_add_equiv(p, *v + 1, NULL, 0);
	if (rc != 0)
		fprintf(stderr, "policy %s does not build\n", oid);
}

/* t_policy - the mmhs_secmsg_policy_fn of the tests */
int
t_policy(void *arg, const char *oid, struct mmhs_policy *p, char *err,
    size_t errlen)
{
	if (strcmp(oid, NAT) == 0)
		*p = t_pol_nat;
	else if (strcmp(oid, NATO) == 0)
		*p = t_pol_nato;
	else {
		snprintf(err, errlen, "no policy %s", oid);
		return -1;
	}
	return 0;
}

/* t_sh - runs a shell command in the test directory; 0 or -1 */
int
t_sh(const char *fmt, ...)
{
	char cmd[4096], body[3500];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(body, sizeof(body), fmt, ap);
	va_end(ap);
	snprintf(cmd, sizeof(cmd), "cd '%s' && { %s; } >>log 2>&1", t_dir,
	    body);
	return system(cmd) == 0 ? 0 : -1;
}

/* The keys: a CA (and a stranger CA), alice (signs), mallory (signs,
 * revoked), bob (decrypts; his certificate carries a clearance). */
static const char t_script[] =
	"set -e\n"
	"export MAIL=nobody@x.example\n"
	"cat >ca.cnf <<'E'\n"
	"[req]\ndistinguished_name=dn\n[dn]\n"
	"[ca]\ndefault_ca=d\n[d]\ndatabase=index.txt\ncrlnumber=crlnum\n"
	"default_md=sha256\ndefault_crl_days=30\n"
	"[v3ca]\nbasicConstraints=critical,CA:TRUE\n"
	"keyUsage=keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n"
	"[user]\nbasicConstraints=CA:FALSE\n"
	"keyUsage=digitalSignature,nonRepudiation,keyEncipherment\n"
	"extendedKeyUsage=emailProtection\nsubjectAltName=email:$ENV::MAIL\n"
	"E\n"
	": >index.txt; echo 01 >crlnum\n"
	"for ca in ca other; do\n"
	"  openssl req -x509 -newkey rsa:2048 -nodes -keyout $ca.key "
	"-out $ca.pem -days 30 -subj \"/CN=Test $ca CA\" -config ca.cnf "
	"-extensions v3ca\n"
	"done\n"
	"for u in alice mallory bob; do\n"
	"  openssl req -newkey rsa:2048 -nodes -keyout $u.key -out $u.csr "
	"-subj \"/CN=$u\"\n"
	"  ext=user; [ $u = bob ] && { cp ca.cnf bob.cnf;"
	" printf '[bob]\\nbasicConstraints=CA:FALSE\\n"
	"keyUsage=digitalSignature,keyEncipherment\\n"
	"subjectAltName=email:bob@x.example\\n"
	"2.5.29.9=DER:%s\\n' >>bob.cnf; }\n"
	"  MAIL=$u@x.example openssl x509 -req -in $u.csr -CA ca.pem "
	"-CAkey ca.key -set_serial 0x$(openssl rand -hex 8) -days 30 "
	"-out $u.pem -extfile $([ $u = bob ] && echo bob.cnf || echo ca.cnf) "
	"-extensions $([ $u = bob ] && echo bob || echo user)\n"
	"  openssl pkcs12 -export -inkey $u.key -in $u.pem -certfile ca.pem "
	"-passout pass: -out $u.p12\n"
	"done\n"
	"openssl ca -config ca.cnf -keyfile ca.key -cert ca.pem "
	"-revoke mallory.pem\n"
	"openssl ca -config ca.cnf -keyfile ca.key -cert ca.pem -gencrl "
	"-out crl.pem\n"
	"openssl ca -config ca.cnf -keyfile other.key -cert other.pem "
	"-gencrl -out other-crl.pem\n";

/* t_hex - der as hex into out */
static void
t_hex(const unsigned char *der, size_t len, char *out)
{
	size_t i;

	for (i = 0; i < len; i++)
		sprintf(out + 2 * i, "%02X", der[i]);
	out[2 * len] = '\0';
}

/* t_keys - makes the keys; 0 or -1 */
int
t_keys(void)
{
	struct mmhs_clearance cl;
	unsigned char *der = NULL;
	char path[1024], path2[1024], hex[4096], err[256];
	const char *anchors[2] = { path, NULL }, *crls[2] = { path2, NULL };
	size_t len = 0;
	FILE *fp;

	if (mmhs_clearance_parse(NAT "$CONFIDENTIAL$WESTLAND EYES ONLY", &cl,
	    err, sizeof(err)) != 0 || mmhs_pki_clearance_der(&t_pol_nat, &cl,
	    &der, &len, err, sizeof(err)) != 0 || len * 2 >= sizeof(hex)) {
		fprintf(stderr, "clearance DER: %s\n", err);
		free(der);
		return -1;
	}
	t_hex(der, len, hex);
	free(der);
	snprintf(path, sizeof(path), "%s/mk.sh", t_dir);
	if ((fp = fopen(path, "w")) == NULL)
		return -1;
	fprintf(fp, t_script, hex);
	fclose(fp);
	if (t_sh("sh -e mk.sh") != 0) {
		fprintf(stderr, "openssl failed: see %s/log\n", t_dir);
		return -1;
	}
	snprintf(path, sizeof(path), "%s/ca.pem", t_dir);
	snprintf(path2, sizeof(path2), "%s/crl.pem", t_dir);
	t_trust = mmhs_pki_trust_files(anchors, crls, err, sizeof(err));
	snprintf(path, sizeof(path), "%s/other.pem", t_dir);
	snprintf(path2, sizeof(path2), "%s/other-crl.pem", t_dir);
	t_trust_none = mmhs_pki_trust_files(anchors, crls, err, sizeof(err));
	if (t_trust == NULL || t_trust_none == NULL) {
		fprintf(stderr, "trust: %s\n", err);
		return -1;
	}
	snprintf(path, sizeof(path), "%s/alice.p12", t_dir);
	if (mmhs_pki_load_id(path, "", &t_alice, err, sizeof(err)) != 0)
		return -1;
	snprintf(path, sizeof(path), "%s/mallory.p12", t_dir);
	if (mmhs_pki_load_id(path, "", &t_mallory, err, sizeof(err)) != 0)
		return -1;
	snprintf(path, sizeof(path), "%s/bob.p12", t_dir);
	if (mmhs_pki_load_id(path, "", &t_bob, err, sizeof(err)) != 0) {
		fprintf(stderr, "bob.p12: %s\n", err);
		return -1;
	}
	return 0;
}

/* ---------------------------------------------------------------- */

/* t_plain - a message with an optional SIO-Label field */
char *
t_plain(const char *sio)
{
	char *m = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&m, &n);

	fprintf(fp, "From: alice@x.example\r\nTo: bob@x.example\r\n"
	    "Subject: orders\r\nMessage-ID: <1@x.example>\r\n");
	if (sio != NULL)
		fprintf(fp, "SIO-Label: %s\r\n", sio);
	fprintf(fp, "\r\nThe body of the orders.\r\n");
	fclose(fp);
	return m;
}

/* t_label_der - the ESS label DER of policy oid, level, categories */
unsigned char *
t_label_der(const char *oid, int level, const char *cat, size_t *len)
{
	struct mmhs_ess_label el;
	unsigned char *der = NULL;
	struct mmhs_label lb;

	memset(&lb, 0, sizeof(lb));
	snprintf(lb.lb_policy, sizeof(lb.lb_policy), "%s", oid);
	lb.lb_level = level;
	if (cat != NULL)
		snprintf(lb.lb_cat[lb.lb_ncat++], sizeof(lb.lb_cat[0]), "%s",
		    cat);
	if (mmhs_ess_from_label(NULL, &lb, &el, NULL, 0) != 0 ||
	    mmhs_ess_encode(&el, &der, len, NULL, 0) != 0)
		der = NULL;
	mmhs_ess_free(&el);
	UNIT_CHECK(der != NULL, "label %s level %d does not encode", oid, level);
	return der;
}

/* t_signed - the message (SIO-Label sio) signed by id with an ESS
 * label of oid/level/cat (oid NULL: no label) */
char *
t_signed(const struct mmhs_cms_id *id, const char *sio, const char *oid,
    int level, const char *cat, enum mmhs_cms_form form, size_t *len)
{
	struct mmhs_cms_attrs at;
	unsigned char *der = NULL;
	char *m = t_plain(sio), *out = NULL, err[256] = "";

	memset(&at, 0, sizeof(at));
	if (oid != NULL) {
		der = t_label_der(oid, level, cat, &at.ca_label_len);
		at.ca_label = der;
	}
	if (mmhs_cms_sign(id, &at, form, m, strlen(m), &out, len, err,
	    sizeof(err)) != 0)
		out = NULL;
	UNIT_CHECK(out != NULL, "signing failed: %s", err);
	free(der);
	free(m);
	return out;
}

/* t_inspect - inspects msg with bob's key as decrypter; the rc */
int
t_inspect(X509_STORE *trust, const char *msg, size_t len,
    struct mmhs_secmsg *sm, char *why, size_t whylen)
{
	return mmhs_secmsg_inspect(trust, &t_bob, 1, t_policy, NULL, NAT, msg,
	    len, sm, why, whylen);
}

/* t_entry - an entry made by hand (see test_secmsg.h) */
void
t_entry(struct t_entry *te, const char *clearance, int with_cert)
{
	unsigned char *p;
	int n;

	memset(te, 0, sizeof(*te));
	te->e.de_dn = "cn=bob,o=x";
	te->e.de_attrs = te->a;
	if (clearance != NULL) {
		te->v[0] = (char *) clearance;
		te->l[0] = strlen(clearance);
		te->a[0].da_name = "mmhsClearance";
		te->a[0].da_nvals = 1;
		te->a[0].da_vals = &te->v[0];
		te->a[0].da_lens = &te->l[0];
		te->e.de_nattrs++;
	}
	if (with_cert && (n = i2d_X509(t_bob.ci_cert, NULL)) > 0) {
		te->der = p = malloc((size_t) n);
		i2d_X509(t_bob.ci_cert, &p);
		te->v[1] = (char *) te->der;
		te->l[1] = (size_t) n;
		te->a[te->e.de_nattrs].da_name = "userCertificate;binary";
		te->a[te->e.de_nattrs].da_nvals = 1;
		te->a[te->e.de_nattrs].da_vals = &te->v[1];
		te->a[te->e.de_nattrs].da_lens = &te->l[1];
		te->e.de_nattrs++;
	}
}

void
t_build_all(void)
{
	t_build(&t_pol_nat, NAT, t_nat);
	t_build(&t_pol_nato, NATO, t_nato);
}
