/* test_cms.c - unit tests of lib/mmhs_cms against the openssl command
 *
 * Every protecting operation is checked both ways against openssl cms, a
 * second implementation: what we sign verifies with "openssl cms -verify"
 * and what it signs verifies with ours; the same for encryption, triple
 * wrapping and signed receipts.  The certificates (a CA with a revoked
 * and an expired user, a second CA nobody trusts) are made at start by
 * test_cms_pki.c with openssl ca.  TEST_CMS_KEEP=1 keeps the directory.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/x509v3.h>

#include "mmhs_cms.h"
#include "mmhs_ess.h"
#include "test_cms.h"
#include "unit.h"

const char t_msg[] =
    "From: alice@x.example\r\n"
    "To: bob@x.example\r\n"
    "Subject: Operation order 7\r\n"
    "MMHS-Primary-Precedence: 2\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=us-ascii\r\n"
    "\r\n"
    "Move at dawn.\r\n"
    "From the hill.\r\n";
const char t_entity[] =
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=us-ascii\r\n"
    "\r\n"
    "Move at dawn.\r\n"
    "From the hill.\r\n";

struct mmhs_cms_id t_alice, t_bob, t_carol, t_dave, t_mallory;
X509_STORE *t_store;
unsigned char *t_label, *t_label2;
size_t	t_label_len, t_label2_len;

/* t_make_label - an ESS label of class cls with a privacy mark */
static int
t_make_label(int cls, const char *mark, unsigned char **der, size_t *len)
{
	struct mmhs_ess_label el;
	int rc;

	mmhs_ess_init(&el);
	strcpy(el.el_policy, "1.3.6.1.4.1.99999.1");
	el.el_has_class = 1;
	el.el_class = cls;
	el.el_has_mark = 1;
	strcpy(el.el_mark, mark);
	rc = mmhs_ess_encode(&el, der, len, NULL, 0);
	mmhs_ess_free(&el);
	return rc;
}

int
t_eq(const char *a, size_t alen, const char *b)
{
	return a != NULL && alen == strlen(b) && memcmp(a, b, alen) == 0;
}

/* t_sign - sign t_msg-like text as id; NULL on failure */
char *
t_sign(const struct mmhs_cms_id *id, const struct mmhs_cms_attrs *a,
    enum mmhs_cms_form form, const char *msg, size_t *len)
{
	char err[256] = "", *out = NULL;
	int rc;

	rc = mmhs_cms_sign(id, a, form, msg, strlen(msg), &out, len, err,
	    sizeof(err));
	UNIT_CHECK(rc == 0 && out != NULL, "sign: %s", err);
	return out;
}

/* t_verify - our status for msg (verify must read it) */
enum mmhs_sig_status
t_verify(X509_STORE *st, const char *msg, size_t len,
    struct mmhs_cms_sig *sig, char **out, size_t *outlen)
{
	char err[256] = "";
	int rc;

	rc = mmhs_cms_verify(st, 0, msg, len, sig, out, outlen, err,
	    sizeof(err));
	UNIT_CHECK(rc == 0, "verify: %s", err);
	return rc == 0 ? sig->cs_status : MMHS_SIG_MALFORMED;
}

/* test_sign_opaque - ours, with label and receipt request, with openssl */
static void
test_sign_opaque(void)
{
	struct mmhs_cms_attrs a;
	struct mmhs_cms_sig sig;
	char *s, *out = NULL, *v;
	size_t len, outlen, vlen;

	memset(&a, 0, sizeof(a));
	a.ca_label = t_label;
	a.ca_label_len = t_label_len;
	a.ca_receipt_request = 1;
	if ((s = t_sign(&t_alice, &a, MMHS_CMS_OPAQUE, t_msg, &len)) == NULL)
		return;
	UNIT_CHECK(strncmp(s, "From: alice@x.example\r\nTo: bob@x.example\r\n"
	    "Subject: Operation order 7\r\nMMHS-Primary-Precedence: 2\r\n"
	    "MIME-Version: 1.0\r\n", 111) == 0 && strstr(s,
	    "smime-type=signed-data") != NULL, "outer header: %.300s", s);
	UNIT_CHECK(mmhs_cms_kind(s, len) == MMHS_CMS_SIGNED, "kind");
	UNIT_CHECK(t_verify(t_store, s, len, &sig, &out, &outlen) ==
	    MMHS_SIG_OK, "status %s (%s)", mmhs_sig_status_name(
	    sig.cs_status), sig.cs_reason);
	UNIT_CHECK(t_eq(out, outlen, t_msg), "opened: %s", out);
	UNIT_CHECK(sig.cs_label_len == t_label_len && memcmp(sig.cs_label,
	    t_label, t_label_len) == 0, "label not given back");
	UNIT_CHECK(sig.cs_receipt_requested && sig.cs_nreceipts_to == 1 &&
	    strcmp(sig.cs_receipts_to[0], "alice@x.example") == 0,
	    "receipt request: %d %d", sig.cs_receipt_requested,
	    sig.cs_nreceipts_to);
	UNIT_CHECK(strcmp(sig.cs_signer_mail, "alice@x.example") == 0 &&
	    strstr(sig.cs_signer_subject, "CN=alice") != NULL,
	    "signer \"%s\" \"%s\"", sig.cs_signer_subject, sig.cs_signer_mail);
	mmhs_cms_sig_free(&sig);
	free(out);
	tc_write("signed.eml", s, len);
	UNIT_CHECK(tc_run("openssl cms -verify -CAfile ca/ca.pem -in "
	    "signed.eml -out signed.out") == 0, "openssl cms -verify failed");
	v = tc_read("signed.out", &vlen);
	UNIT_CHECK(t_eq(v, vlen, t_entity), "openssl's content: %s", v);
	free(v);
	UNIT_CHECK(tc_run("openssl cms -cmsout -print -in signed.eml "
	    ">signed.print") == 0, "openssl cms -cmsout -print failed");
	v = tc_read("signed.print", &vlen);
	UNIT_CHECK(v != NULL && strstr(v, "id-smime-aa-securityLabel") &&
	    strstr(v, "id-smime-aa-receiptRequest"),
	    "openssl does not print the ESS attributes");
	free(v);
	free(s);
}

/* test_sign_clear - multipart/signed both ways, and tampering */
static void
test_sign_clear(void)
{
	struct mmhs_cms_sig sig;
	char *s, *out = NULL, *v, *p;
	size_t len, outlen, vlen;

	if ((s = t_sign(&t_alice, NULL, MMHS_CMS_CLEAR, t_msg, &len)) == NULL)
		return;
	UNIT_CHECK(strstr(s, "multipart/signed") != NULL, "not clear-signed");
	UNIT_CHECK(t_verify(t_store, s, len, &sig, &out, &outlen) ==
	    MMHS_SIG_OK, "status %s (%s)", mmhs_sig_status_name(
	    sig.cs_status), sig.cs_reason);
	UNIT_CHECK(t_eq(out, outlen, t_msg), "opened: %s", out);
	UNIT_CHECK(sig.cs_label == NULL && !sig.cs_receipt_requested,
	    "attributes out of nothing");
	mmhs_cms_sig_free(&sig);
	free(out);
	tc_write("clear.eml", s, len);
	UNIT_CHECK(tc_run("openssl cms -verify -CAfile ca/ca.pem -in "
	    "clear.eml -out clear.out") == 0, "openssl cms -verify failed");
	v = tc_read("clear.out", &vlen);
	UNIT_CHECK(t_eq(v, vlen, t_entity), "openssl's content: %s", v);
	free(v);
	p = strstr(s, "Move at dawn");
	memcpy(p, "Move at dusk", 12);
	UNIT_CHECK(t_verify(t_store, s, len, &sig, &out, &outlen) ==
	    MMHS_SIG_BAD, "tampered: status %s", mmhs_sig_status_name(
	    sig.cs_status));
	UNIT_CHECK(out != NULL && strstr(out, "dusk") != NULL,
	    "no opened message for a failed signature");
	mmhs_cms_sig_free(&sig);
	free(out);
	tc_write("tampered.eml", s, len);
	UNIT_CHECK(tc_run("openssl cms -verify -CAfile ca/ca.pem -in "
	    "tampered.eml -out /dev/null") != 0,
	    "openssl accepts the tampered message");
	free(s);
}

/* test_openssl_signs - openssl cms -sign output, both forms */
static void
test_openssl_signs(void)
{
	static const char *const forms[] = { "-nodetach", "" };
	struct mmhs_cms_sig sig;
	char *s, *out = NULL;
	size_t len, outlen, i;

	tc_write("ent.txt", "Content-Type: text/plain\n\nHello from "
	    "openssl\n", 45);
	for (i = 0; i < 2; i++) {
		UNIT_CHECK(tc_run("openssl cms -sign -in ent.txt -signer "
		    "alice.pem -inkey alice.key -from alice@x.example -to "
		    "bob@x.example -subject Test -receipt_request_all "
		    "-receipt_request_to bob@x.example %s -out os.eml",
		    forms[i]) == 0, "openssl cms -sign %s failed", forms[i]);
		if ((s = tc_read("os.eml", &len)) == NULL)
			continue;
		UNIT_CHECK(t_verify(t_store, s, len, &sig, &out, &outlen) ==
		    MMHS_SIG_OK, "%s: status %s (%s)", forms[i],
		    mmhs_sig_status_name(sig.cs_status), sig.cs_reason);
		UNIT_CHECK(sig.cs_receipt_requested && sig.cs_nreceipts_to ==
		    1 && strcmp(sig.cs_receipts_to[0], "bob@x.example") == 0,
		    "%s: receipt request not read", forms[i]);
		UNIT_CHECK(out != NULL && strstr(out, "To: bob@x.example\r\n")
		    && strstr(out, "\r\nContent-Type: text/plain\r\n\r\n"
		    "Hello from openssl\r\n") != NULL, "%s: opened: %s",
		    forms[i], out);
		mmhs_cms_sig_free(&sig);
		free(out);
		free(s);
	}
	/* without the signer's certificate in the message */
	UNIT_CHECK(tc_run("openssl cms -sign -in ent.txt -signer alice.pem "
	    "-inkey alice.key -nocerts -nodetach -out nocert.eml") == 0,
	    "openssl cms -sign -nocerts failed");
	if ((s = tc_read("nocert.eml", &len)) != NULL) {
		UNIT_CHECK(t_verify(t_store, s, len, &sig, &out, &outlen) ==
		    MMHS_SIG_UNKNOWN_SIGNER, "no cert: status %s",
		    mmhs_sig_status_name(sig.cs_status));
		mmhs_cms_sig_free(&sig);
		free(out);
		free(s);
	}
}

/* test_encrypt - ours to openssl and back; wrong keys */
static void
test_encrypt(void)
{
	STACK_OF(X509) *rc = sk_X509_new_null();
	struct mmhs_cms_id ids[2], wrong;
	char err[256] = "", *e, *out = NULL, *v;
	size_t elen, outlen, vlen;

	sk_X509_push(rc, t_bob.ci_cert);
	UNIT_CHECK(mmhs_cms_encrypt(rc, t_msg, strlen(t_msg), &e, &elen,
	    err, sizeof(err)) == 0, "encrypt: %s", err);
	sk_X509_free(rc);
	if (e == NULL)
		return;
	UNIT_CHECK(mmhs_cms_kind(e, elen) == MMHS_CMS_ENVELOPED &&
	    strstr(e, "Move") == NULL, "not enveloped");
	tc_write("enc.eml", e, elen);
	UNIT_CHECK(tc_run("openssl cms -decrypt -recip bob.pem -inkey bob.key "
	    "-in enc.eml -out enc.out") == 0, "openssl cms -decrypt failed");
	v = tc_read("enc.out", &vlen);
	UNIT_CHECK(t_eq(v, vlen, t_entity), "openssl decrypted: %s", v);
	free(v);
	ids[0] = t_alice;
	ids[1] = t_bob;
	UNIT_CHECK(mmhs_cms_decrypt(ids, 2, e, elen, &out, &outlen, err,
	    sizeof(err)) == 0 && t_eq(out, outlen, t_msg), "decrypt: %s", err);
	free(out);
	UNIT_CHECK(mmhs_cms_decrypt(&t_alice, 1, e, elen, &out, &outlen, err,
	    sizeof(err)) == -1 && out == NULL &&
	    strstr(err, "not encrypted for any of our keys") != NULL,
	    "alice decrypts bob's message: \"%s\"", err);
	wrong.ci_cert = t_bob.ci_cert;
	wrong.ci_key = t_alice.ci_key;
	wrong.ci_chain = NULL;
	UNIT_CHECK(mmhs_cms_decrypt(&wrong, 1, e, elen, &out, &outlen, err,
	    sizeof(err)) == -1 && strstr(err, "decryption") != NULL,
	    "wrong key: \"%s\"", err);
	free(e);
	UNIT_CHECK(tc_run("openssl cms -encrypt -aes256 -in ent.txt -from "
	    "alice@x.example -subject Secret -out oenc.eml bob.pem") == 0,
	    "openssl cms -encrypt failed");
	if ((e = tc_read("oenc.eml", &elen)) == NULL)
		return;
	UNIT_CHECK(mmhs_cms_decrypt(&t_bob, 1, e, elen, &out, &outlen, err,
	    sizeof(err)) == 0 && out != NULL && strstr(out, "Subject: Secret"
	    "\r\nContent-Type: text/plain\r\n\r\nHello from openssl\r\n") !=
	    NULL, "decrypt openssl's: %s %s", err, out);
	free(out);
	free(e);
}

/* t_open - mmhs_cms_open that must succeed */
static int
t_open(const struct mmhs_cms_id *ids, int nids, const char *msg,
    size_t len, struct mmhs_cms_open *co)
{
	char err[256] = "";
	int rc;

	rc = mmhs_cms_open(t_store, 0, ids, nids, msg, len, co, err,
	    sizeof(err));
	UNIT_CHECK(rc == 0, "open: %s", err);
	return rc;
}

/* test_triple - sign, encrypt, sign (RFC 2634 1.1) */
static void
test_triple(void)
{
	STACK_OF(X509) *rc = sk_X509_new_null();
	struct mmhs_cms_attrs a;
	struct mmhs_cms_open co;
	char err[256] = "", *in, *e = NULL, *tw, *v;
	size_t inlen, elen = 0, twlen, vlen;

	memset(&a, 0, sizeof(a));
	a.ca_label = t_label;
	a.ca_label_len = t_label_len;
	a.ca_receipt_request = 1;
	if ((in = t_sign(&t_alice, &a, MMHS_CMS_OPAQUE, t_msg, &inlen)) == NULL)
		return;
	sk_X509_push(rc, t_bob.ci_cert);
	UNIT_CHECK(mmhs_cms_encrypt(rc, in, inlen, &e, &elen, err,
	    sizeof(err)) == 0, "encrypt: %s", err);
	sk_X509_free(rc);
	a.ca_label = t_label2;
	a.ca_label_len = t_label2_len;
	a.ca_receipt_request = 0;
	if (e == NULL || (tw = t_sign(&t_alice, &a, MMHS_CMS_OPAQUE, e,
	    &twlen)) == NULL) {
		free(in);
		free(e);
		return;
	}
	if (t_open(&t_bob, 1, tw, twlen, &co) == 0) {
		UNIT_CHECK(co.co_nsig == 2 && co.co_encrypted &&
		    co.co_decrypted && co.co_sig_ok, "nsig %d enc %d dec %d "
		    "ok %d", co.co_nsig, co.co_encrypted, co.co_decrypted,
		    co.co_sig_ok);
		UNIT_CHECK(co.co_label == &co.co_sig[1] &&
		    co.co_label->cs_label_len == t_label_len &&
		    memcmp(co.co_label->cs_label, t_label, t_label_len) == 0,
		    "the label is not the inner signature's");
		UNIT_CHECK(co.co_sig[1].cs_receipt_requested &&
		    !co.co_sig[0].cs_receipt_requested, "receipt request");
		UNIT_CHECK(t_eq(co.co_inner, co.co_inner_len, t_msg),
		    "inner message: %s", co.co_inner);
		mmhs_cms_open_free(&co);
	}
	/* without the key: the outer signature and its label only */
	if (t_open(NULL, 0, tw, twlen, &co) == 0) {
		UNIT_CHECK(co.co_nsig == 1 && co.co_encrypted &&
		    !co.co_decrypted && co.co_label == &co.co_sig[0] &&
		    co.co_label->cs_label_len == t_label2_len,
		    "keyless open: nsig %d dec %d", co.co_nsig,
		    co.co_decrypted);
		UNIT_CHECK(mmhs_cms_kind(co.co_inner, co.co_inner_len) ==
		    MMHS_CMS_ENVELOPED, "keyless inner is not the envelope");
		mmhs_cms_open_free(&co);
	}
	tc_write("triple.eml", tw, twlen);
	UNIT_CHECK(tc_run("openssl cms -verify -CAfile ca/ca.pem -in triple.eml"
	    " | openssl cms -decrypt -recip bob.pem -inkey bob.key"
	    " | openssl cms -verify -CAfile ca/ca.pem -out triple.out") == 0,
	    "openssl cannot open the triple wrap");
	v = tc_read("triple.out", &vlen);
	UNIT_CHECK(t_eq(v, vlen, t_entity), "openssl's inner content: %s", v);
	free(v);
	tc_write("inner.eml", in, inlen);
	free(in);
	free(e);
	free(tw);
}

/* test_status - revoked, expired, untrusted, no CRL, no trust */
static void
test_status(void)
{
	static const struct {
		struct mmhs_cms_id *sc_id;
		int	sc_crl;
		enum mmhs_sig_status sc_want;
		const char *sc_reason;
	} cases[] = {
		{ &t_alice, 1, MMHS_SIG_OK, "verified" },
		{ &t_carol, 1, MMHS_SIG_REVOKED, "revoked" },
		{ &t_dave, 1, MMHS_SIG_EXPIRED, "expired" },
		{ &t_mallory, 1, MMHS_SIG_UNTRUSTED, "issuer" },
		{ &t_alice, 0, MMHS_SIG_NO_CRL, "CRL" },
	};
	struct mmhs_cms_sig sig;
	X509_STORE *nocrl = tc_store(0);
	char *s, *out;
	size_t i, len, outlen;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		s = t_sign(cases[i].sc_id, NULL, i % 2 ? MMHS_CMS_CLEAR :
		    MMHS_CMS_OPAQUE, t_msg, &len);
		if (s == NULL)
			continue;
		UNIT_CHECK(t_verify(cases[i].sc_crl ? t_store : nocrl, s, len,
		    &sig, &out, &outlen) == cases[i].sc_want && strstr(
		    sig.cs_reason, cases[i].sc_reason) != NULL,
		    "case %zu: %s (%s)", i, mmhs_sig_status_name(
		    sig.cs_status), sig.cs_reason);
		UNIT_CHECK(t_eq(out, outlen, t_msg), "case %zu: opened", i);
		mmhs_cms_sig_free(&sig);
		free(out);
		/* the peer, with the same CRL, must agree */
		tc_write("status.eml", s, len);
		UNIT_CHECK(!cases[i].sc_crl || (tc_run("openssl cms -verify "
		    "-CAfile ca/ca-crl.pem -crl_check_all -in status.eml "
		    "-out /dev/null") == 0) == (cases[i].sc_want ==
		    MMHS_SIG_OK), "case %zu: openssl disagrees", i);
		if (i == 0) {
			UNIT_CHECK(t_verify(NULL, s, len, &sig, &out, &outlen)
			    == MMHS_SIG_UNTRUSTED, "no trust store: %s",
			    mmhs_sig_status_name(sig.cs_status));
			mmhs_cms_sig_free(&sig);
			free(out);
		}
		free(s);
	}
	X509_STORE_free(nocrl);
}

/* test_forms - LF input, no Content-Type, kinds */
static void
test_forms(void)
{
	static const char lf[] = "From: a@x.example\nSubject: x\n\nline 1\n"
	    "line 2\n";
	static const char want[] = "From: a@x.example\r\nSubject: x\r\n"
	    "Content-Type: text/plain\r\n\r\nline 1\r\nline 2\r\n";
	struct mmhs_cms_open co;
	char *s;
	size_t len;

	UNIT_CHECK(mmhs_cms_kind(t_msg, strlen(t_msg)) == MMHS_CMS_NONE,
	    "plain message is S/MIME");
	if ((s = t_sign(&t_alice, NULL, MMHS_CMS_CLEAR, lf, &len)) == NULL)
		return;
	if (t_open(NULL, 0, s, len, &co) == 0) {
		UNIT_CHECK(co.co_nsig == 1 && co.co_sig_ok && !co.co_encrypted
		    && co.co_label == NULL && t_eq(co.co_inner,
		    co.co_inner_len, want), "LF message opened as: %s",
		    co.co_inner);
		mmhs_cms_open_free(&co);
	}
	free(s);
	if (t_open(NULL, 0, t_msg, strlen(t_msg), &co) == 0) {
		UNIT_CHECK(co.co_nsig == 0 && !co.co_sig_ok &&
		    t_eq(co.co_inner, co.co_inner_len, t_msg),
		    "unsigned message opened wrong");
		mmhs_cms_open_free(&co);
	}
}

/* test_bad_input - unreadable layers are errors with a reason */
static void
test_bad_input(void)
{
	static const char *const bad[] = {
		"Content-Type: application/pkcs7-mime; smime-type=signed-data"
		"\r\nContent-Transfer-Encoding: base64\r\n\r\n!!not base64\r\n",
		"Content-Type: application/pkcs7-mime; smime-type=signed-data"
		"\r\nContent-Transfer-Encoding: base64\r\n\r\nAAECAwQF\r\n",
		"Content-Type: application/pkcs7-mime; smime-type=enveloped-"
		"data\r\nContent-Transfer-Encoding: base64\r\n\r\nMAA=\r\n",
		"Content-Type: multipart/signed; protocol=\"application/pkcs7-"
		"signature\"; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain"
		"\r\n\r\nhello\r\n--b--\r\n",
	};
	struct mmhs_cms_open co;
	struct mmhs_cms_sig sig;
	struct mmhs_cms_id *ids = &t_bob;
	char err[256], *out;
	size_t i, outlen;
	int rc;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err[0] = '\0';
		rc = mmhs_cms_open(t_store, 0, ids, 1, bad[i], strlen(bad[i]),
		    &co, err, sizeof(err));
		UNIT_CHECK(rc == -1 && err[0] != '\0' && co.co_inner == NULL,
		    "case %zu: open rc %d err \"%s\"", i, rc, err);
		mmhs_cms_open_free(&co);
		if (i == 2)
			continue;
		err[0] = '\0';
		rc = mmhs_cms_verify(t_store, 0, bad[i], strlen(bad[i]), &sig,
		    &out, &outlen, err, sizeof(err));
		UNIT_CHECK(rc == -1 && out == NULL && err[0] != '\0',
		    "case %zu: verify rc %d err \"%s\"", i, rc, err);
		mmhs_cms_sig_free(&sig);
	}
}

static const struct unit_test cms_tests[] = {
	{ "opaque signature with ESS attributes", test_sign_opaque },
	{ "clear signature and tampering", test_sign_clear },
	{ "openssl cms -sign output", test_openssl_signs },
	{ "encryption both ways, wrong keys", test_encrypt },
	{ "triple wrapping", test_triple },
	{ "revoked, expired, untrusted, no CRL", test_status },
	{ "line ends, defaults, kinds", test_forms },
	{ "unreadable layers", test_bad_input },
};

static const struct unit_suite suites[] = {
	UNIT_SUITE("S/MIME", cms_tests),
	UNIT_SUITE("receipts and ML history", cms_ess_tests),
};

int
main(void)
{
	const char *src = getenv("srcdir");
	char data[1024];
	int rc = 1;

	snprintf(data, sizeof(data), "%s/tests/unit/data/cms",
	    src != NULL ? src : TOP_SRCDIR);
	if (tc_pki_make(data) < 0) {
		fprintf(stderr, "test_cms: cannot make the test PKI in %s "
		    "(see tc.log there)\n", tc_dir);
		return 1;
	}
	if (tc_id("alice", &t_alice) < 0 || tc_id("bob", &t_bob) < 0 ||
	    tc_id("carol", &t_carol) < 0 || tc_id("dave", &t_dave) < 0 ||
	    tc_id("mallory", &t_mallory) < 0 ||
	    (t_store = tc_store(1)) == NULL ||
	    t_make_label(3, "SECRET", &t_label, &t_label_len) < 0 ||
	    t_make_label(1, "RESTRICTED", &t_label2, &t_label2_len) < 0)
		fprintf(stderr, "test_cms: cannot load the test PKI\n");
	else
		rc = unit_main(suites, sizeof(suites) / sizeof(suites[0]));
	mmhs_cms_id_free(&t_alice);
	mmhs_cms_id_free(&t_bob);
	mmhs_cms_id_free(&t_carol);
	mmhs_cms_id_free(&t_dave);
	mmhs_cms_id_free(&t_mallory);
	X509_STORE_free(t_store);
	free(t_label);
	free(t_label2);
	tc_cleanup();
	return rc;
}
