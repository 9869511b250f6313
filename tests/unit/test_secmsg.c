/* test_secmsg.c - unit tests of a message's label, protection and the
 * site's rules (lib/mmhs_secmsg), on messages test_secmsg_kit.c makes
 * with lib/mmhs_cms and keys the openssl command makes
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmhs_cms.h"
#include "mmhs_secmsg.h"
#include "test_secmsg.h"
#include "unit.h"

/* ---------------------------------------------------------------- */

/* test_unsigned_sio - the SIO-Label of a plain message, and dominance */
static void
test_unsigned_sio(void)
{
	struct mmhs_secmsg sm;
	struct t_entry secret, conf, none;
	char *m = t_plain("marking=\"WESTLAND SECRET REL TO NATO\"");
	char why[512] = "";

	t_entry(&secret, NAT "$SECRET$REL NATO", 0);
	t_entry(&conf, NAT "$CONFIDENTIAL$REL NATO", 0);
	t_entry(&none, NULL, 0);
	UNIT_CHECK(t_inspect(t_trust, m, strlen(m), &sm, why,
	    sizeof(why)) == 0, "inspect: %s", why);
	UNIT_CHECK(sm.sm_label_src == MMHS_SECMSG_LABEL_SIO && !sm.sm_signed &&
	    !sm.sm_encrypted && !sm.sm_label_signed, "source %d signed %d",
	    sm.sm_label_src, sm.sm_signed);
	UNIT_CHECK(sm.sm_label.lb_level == 4 && sm.sm_label.lb_ncat == 1 &&
	    strcmp(sm.sm_label.lb_policy, NAT) == 0, "label level %d ncat %d",
	    sm.sm_label.lb_level, sm.sm_label.lb_ncat);
	UNIT_CHECK(strcmp(sm.sm_marking, "WESTLAND SECRET REL TO NATO") == 0,
	    "marking \"%s\"", sm.sm_marking);
	UNIT_CHECK(sm.sm_open.co_inner != NULL &&
	    sm.sm_open.co_inner_len == strlen(m) &&
	    memcmp(sm.sm_open.co_inner, m, strlen(m)) == 0,
	    "the inner message of a plain one is itself");
	UNIT_CHECK(mmhs_secmsg_cleared(&sm, &t_pol_nat, &secret.e, why,
	    sizeof(why)) == 1, "SECRET REL NATO should read it: %s", why);
	UNIT_CHECK(mmhs_secmsg_cleared(&sm, &t_pol_nat, &conf.e, why,
	    sizeof(why)) == 0 && strstr(why, "label WESTLAND SECRET REL TO "
	    "NATO is above the clearance CONFIDENTIAL of cn=bob,o=x") != NULL,
	    "CONFIDENTIAL: %s", why);
	UNIT_CHECK(mmhs_secmsg_cleared(&sm, &t_pol_nat, &none.e, why,
	    sizeof(why)) == 0, "no clearance is UNCLASSIFIED");
	mmhs_secmsg_free(&sm);
	free(m);

	/* Unlabelled: UNMARKED, which an UNCLASSIFIED holder reads. */
	m = t_plain(NULL);
	UNIT_CHECK(t_inspect(t_trust, m, strlen(m), &sm, why,
	    sizeof(why)) == 0 && sm.sm_label_src == MMHS_SECMSG_LABEL_NONE,
	    "unlabelled: %s", why);
	UNIT_CHECK(mmhs_secmsg_cleared(&sm, &t_pol_nat, &none.e, why,
	    sizeof(why)) == 1, "unlabelled to no clearance: %s", why);
	mmhs_secmsg_free(&sm);
	free(m);

	m = t_plain("marking=\"WESTLAND SECRET PURPLE\"");
	UNIT_CHECK(t_inspect(t_trust, m, strlen(m), &sm, why,
	    sizeof(why)) == -1 && strstr(why, "not a marking") != NULL,
	    "an unknown marking: %s", why);
	mmhs_secmsg_free(&sm);
	free(m);
}

/* test_ess_signed - the signed label counts, and must match the SIO */
static void
test_ess_signed(void)
{
	struct mmhs_secmsg sm;
	struct mmhs_secreq rq;
	struct t_entry conf, secret;
	char *m, why[512] = "";
	size_t len;

	memset(&rq, 0, sizeof(rq));
	t_entry(&conf, NAT "$CONFIDENTIAL", 0);
	t_entry(&secret, NAT "$SECRET$CRYPTO", 0);
	m = t_signed(&t_alice, NULL, NAT, 4, NAT ".4", MMHS_CMS_OPAQUE, &len);
	if (m == NULL)
		return;
	UNIT_CHECK(t_inspect(t_trust, m, len, &sm, why, sizeof(why)) == 0,
	    "inspect: %s", why);
	UNIT_CHECK(sm.sm_label_src == MMHS_SECMSG_LABEL_ESS && sm.sm_signed &&
	    sm.sm_label_signed && !sm.sm_translated, "source %d signed %d/%d",
	    sm.sm_label_src, sm.sm_signed, sm.sm_label_signed);
	UNIT_CHECK(strcmp(sm.sm_marking, "WESTLAND SECRET CRYPTO") == 0,
	    "marking \"%s\"", sm.sm_marking);
	UNIT_CHECK(mmhs_secmsg_check(&sm, &t_pol_nat, &rq, why,
	    sizeof(why)) == 0, "check: %s", why);
	UNIT_CHECK(mmhs_secmsg_cleared(&sm, &t_pol_nat, &secret.e, why,
	    sizeof(why)) == 1, "SECRET CRYPTO: %s", why);
	UNIT_CHECK(mmhs_secmsg_cleared(&sm, &t_pol_nat, &conf.e, why,
	    sizeof(why)) == 0 && strstr(why, "above the clearance "
	    "CONFIDENTIAL") != NULL, "CONFIDENTIAL: %s", why);
	mmhs_secmsg_free(&sm);
	free(m);

	/* The SIO-Label says the same (in other words): accepted. */
	m = t_signed(&t_alice, "marking=\"SECRET/CRYPTO\"", NAT, 4, NAT ".4",
	    MMHS_CMS_CLEAR, &len);
	UNIT_CHECK(m != NULL && t_inspect(t_trust, m, len, &sm, why,
	    sizeof(why)) == 0 && sm.sm_label_src == MMHS_SECMSG_LABEL_ESS,
	    "a matching SIO-Label: %s", why);
	mmhs_secmsg_free(&sm);
	free(m);
}

/* test_mismatch - an SIO-Label that contradicts the signed label */
static void
test_mismatch(void)
{
	static const char *const sio[] = {
		"marking=\"WESTLAND CONFIDENTIAL\"",
		"marking=\"WESTLAND SECRET\"",		/* category missing */
		"marking=\"WESTLAND SECRET CRYPTO REL TO NATO\"",
	};
	struct mmhs_secmsg sm;
	char *m, why[512];
	size_t i, len;

	for (i = 0; i < sizeof(sio) / sizeof(sio[0]); i++) {
		m = t_signed(&t_alice, sio[i], NAT, 4, NAT ".4", MMHS_CMS_OPAQUE,
		    &len);
		why[0] = '\0';
		UNIT_CHECK(m != NULL && t_inspect(t_trust, m, len, &sm, why,
		    sizeof(why)) == -1 && strstr(why, "does not match the "
		    "signed label WESTLAND SECRET CRYPTO") != NULL,
		    "%s: %s", sio[i], why);
		mmhs_secmsg_free(&sm);
		free(m);
	}
}

/* test_partner - a NATO label, translated by mmhsLabelEquivalence */
static void
test_partner(void)
{
	struct mmhs_secmsg sm;
	struct t_entry secret, conf;
	char *m, why[512] = "";
	size_t len;

	t_entry(&secret, NAT "$SECRET", 0);
	t_entry(&conf, NAT "$CONFIDENTIAL", 0);
	m = t_signed(&t_alice, NULL, NATO, 4, NATO ".1", MMHS_CMS_OPAQUE,
	    &len);
	UNIT_CHECK(m != NULL && t_inspect(t_trust, m, len, &sm, why,
	    sizeof(why)) == 0, "inspect: %s", why);
	UNIT_CHECK(sm.sm_translated && strcmp(sm.sm_label.lb_policy, NAT) == 0 &&
	    sm.sm_label.lb_level == 4 && sm.sm_label.lb_ncat == 0,
	    "translated %d policy %s level %d ncat %d", sm.sm_translated,
	    sm.sm_label.lb_policy, sm.sm_label.lb_level, sm.sm_label.lb_ncat);
	UNIT_CHECK(mmhs_secmsg_cleared(&sm, &t_pol_nat, &secret.e, why,
	    sizeof(why)) == 1, "SECRET reads NATO SECRET: %s", why);
	UNIT_CHECK(mmhs_secmsg_cleared(&sm, &t_pol_nat, &conf.e, why,
	    sizeof(why)) == 0, "CONFIDENTIAL does not read NATO SECRET");
	mmhs_secmsg_free(&sm);
	free(m);

	/* A restrictive NATO category has no Westland equivalent. */
	m = t_signed(&t_alice, NULL, NATO, 4, NATO ".2", MMHS_CMS_OPAQUE,
	    &len);
	UNIT_CHECK(m != NULL && t_inspect(t_trust, m, len, &sm, why,
	    sizeof(why)) == -1 && strstr(why, "NATO EYES ONLY") != NULL,
	    "restrictive partner category: %s", why);
	mmhs_secmsg_free(&sm);
	free(m);

	/* A level without an equivalence. */
	m = t_signed(&t_alice, NULL, NATO, 7, NULL, MMHS_CMS_OPAQUE, &len);
	UNIT_CHECK(m != NULL && t_inspect(t_trust, m, len, &sm, why,
	    sizeof(why)) == -1 && strstr(why, "no equivalent") != NULL,
	    "level 7: %s", why);
	mmhs_secmsg_free(&sm);
	free(m);

	/* A NATO display marking in the SIO-Label. */
	m = t_plain("marking=\"NATO CONFIDENTIAL\"");
	UNIT_CHECK(t_inspect(t_trust, m, strlen(m), &sm, why,
	    sizeof(why)) == 0 && sm.sm_translated &&
	    sm.sm_label.lb_level == 3 && strcmp(sm.sm_label.lb_policy,
	    NAT) == 0, "NATO CONFIDENTIAL marking: %s", why);
	UNIT_CHECK(mmhs_secmsg_cleared(&sm, &t_pol_nat, &conf.e, why,
	    sizeof(why)) == 1, "CONFIDENTIAL reads it: %s", why);
	mmhs_secmsg_free(&sm);
	free(m);
}

/* test_requirements - mmhsRequireLabel / Signature / Encryption */
static void
test_requirements(void)
{
	struct mmhs_secmsg sm;
	struct mmhs_secreq rq;
	struct t_entry site, pol;
	STACK_OF(X509) *rcpts;
	char *m, *enc = NULL, why[512] = "";
	size_t len, enclen;

	/* From the entries. */
	t_entry(&site, NULL, 0);
	site.v[0] = "TRUE";
	site.l[0] = 4;
	site.a[0].da_name = "mmhsRequireLabel";
	site.a[0].da_nvals = 1;
	site.a[0].da_vals = &site.v[0];
	site.a[0].da_lens = &site.l[0];
	site.e.de_nattrs = 1;
	t_entry(&pol, NULL, 0);
	pol.v[0] = "SECRET";
	pol.l[0] = 6;
	pol.a[0].da_name = "mmhsRequireSignature";
	pol.a[0].da_nvals = 1;
	pol.a[0].da_vals = &pol.v[0];
	pol.a[0].da_lens = &pol.l[0];
	pol.e.de_nattrs = 1;
	mmhs_secreq_from_entries(&site.e, &pol.e, &rq);
	UNIT_CHECK(rq.sr_require_label && strcmp(rq.sr_sign_from, "SECRET") ==
	    0 && rq.sr_encrypt_from[0] == '\0', "from entries: %d \"%s\" "
	    "\"%s\"", rq.sr_require_label, rq.sr_sign_from, rq.sr_encrypt_from);
	mmhs_secreq_from_entries(NULL, NULL, &rq);
	UNIT_CHECK(!rq.sr_require_label && rq.sr_sign_from[0] == '\0',
	    "no entries, no requirements");

	/* Label required. */
	rq.sr_require_label = 1;
	m = t_plain(NULL);
	UNIT_CHECK(t_inspect(t_trust, m, strlen(m), &sm, why, sizeof(why)) ==
	    0 && mmhs_secmsg_check(&sm, &t_pol_nat, &rq, why, sizeof(why)) ==
	    -1 && strstr(why, "requires one") != NULL, "unlabelled: %s", why);
	mmhs_secmsg_free(&sm);
	free(m);

	/* Signature required from SECRET on. */
	memset(&rq, 0, sizeof(rq));
	snprintf(rq.sr_sign_from, sizeof(rq.sr_sign_from), "SECRET");
	m = t_plain("marking=\"WESTLAND SECRET\"");
	UNIT_CHECK(t_inspect(t_trust, m, strlen(m), &sm, why, sizeof(why)) ==
	    0 && mmhs_secmsg_check(&sm, &t_pol_nat, &rq, why, sizeof(why)) ==
	    -1 && strstr(why, "must be signed") != NULL, "unsigned SECRET: %s",
	    why);
	mmhs_secmsg_free(&sm);
	free(m);
	m = t_plain("marking=\"WESTLAND CONFIDENTIAL\"");
	UNIT_CHECK(t_inspect(t_trust, m, strlen(m), &sm, why, sizeof(why)) ==
	    0 && mmhs_secmsg_check(&sm, &t_pol_nat, &rq, why, sizeof(why)) ==
	    0, "unsigned CONFIDENTIAL: %s", why);
	mmhs_secmsg_free(&sm);
	free(m);
	/* Signed, but the label only in the SIO-Label: not enough. */
	m = t_signed(&t_alice, "marking=\"WESTLAND SECRET\"", NULL, 0, NULL,
	    MMHS_CMS_CLEAR, &len);
	UNIT_CHECK(m != NULL && t_inspect(t_trust, m, len, &sm, why,
	    sizeof(why)) == 0 && sm.sm_signed && !sm.sm_label_signed &&
	    mmhs_secmsg_check(&sm, &t_pol_nat, &rq, why, sizeof(why)) == -1,
	    "signed, label unsigned: %s", why);
	mmhs_secmsg_free(&sm);
	free(m);
	m = t_signed(&t_alice, NULL, NAT, 4, NULL, MMHS_CMS_OPAQUE, &len);
	UNIT_CHECK(m != NULL && t_inspect(t_trust, m, len, &sm, why,
	    sizeof(why)) == 0 && mmhs_secmsg_check(&sm, &t_pol_nat, &rq, why,
	    sizeof(why)) == 0, "signed SECRET: %s", why);
	mmhs_secmsg_free(&sm);

	/* Encryption required from SECRET on. */
	snprintf(rq.sr_encrypt_from, sizeof(rq.sr_encrypt_from), "SECRET");
	UNIT_CHECK(t_inspect(t_trust, m, len, &sm, why, sizeof(why)) == 0 &&
	    mmhs_secmsg_check(&sm, &t_pol_nat, &rq, why, sizeof(why)) == -1 &&
	    strstr(why, "must be encrypted") != NULL, "not encrypted: %s",
	    why);
	mmhs_secmsg_free(&sm);
	rcpts = sk_X509_new_null();
	sk_X509_push(rcpts, t_bob.ci_cert);
	UNIT_CHECK(m != NULL && mmhs_cms_encrypt(rcpts, m, len, &enc, &enclen,
	    why, sizeof(why)) == 0, "encrypt: %s", why);
	sk_X509_free(rcpts);
	UNIT_CHECK(enc != NULL && t_inspect(t_trust, enc, enclen, &sm, why,
	    sizeof(why)) == 0 && sm.sm_encrypted && sm.sm_signed &&
	    sm.sm_label_src == MMHS_SECMSG_LABEL_ESS && mmhs_secmsg_check(&sm,
	    &t_pol_nat, &rq, why, sizeof(why)) == 0,
	    "signed, labelled, encrypted: %s", why);
	mmhs_secmsg_free(&sm);
	/* Without the key the inner signature cannot be seen. */
	UNIT_CHECK(enc != NULL && mmhs_secmsg_inspect(t_trust, NULL, 0,
	    t_policy, NULL, NAT, enc, enclen, &sm, why, sizeof(why)) == 0 &&
	    sm.sm_encrypted && !sm.sm_signed &&
	    sm.sm_label_src == MMHS_SECMSG_LABEL_NONE,
	    "encrypted, no key: %s", why);
	mmhs_secmsg_free(&sm);

	snprintf(rq.sr_encrypt_from, sizeof(rq.sr_encrypt_from), "PURPLE");
	UNIT_CHECK(t_inspect(t_trust, m, len, &sm, why, sizeof(why)) == 0 &&
	    mmhs_secmsg_check(&sm, &t_pol_nat, &rq, why, sizeof(why)) == -1 &&
	    strstr(why, "PURPLE") != NULL, "undefined rule class: %s", why);
	mmhs_secmsg_free(&sm);
	free(enc);
	free(m);
}

/* test_bad_signatures - tampered, revoked and unknown signers */
static void
test_bad_signatures(void)
{
	struct mmhs_secreq rq;
	struct mmhs_secmsg sm;
	char *m, *p, why[512] = "", want[128];
	size_t len;

	memset(&rq, 0, sizeof(rq));
	m = t_signed(&t_alice, NULL, NAT, 3, NULL, MMHS_CMS_CLEAR, &len);
	if (m == NULL)
		return;
	p = strstr(m, "The body of the orders.");
	UNIT_CHECK(p != NULL, "the clear-signed body is in the message");
	if (p != NULL)
		p[4] = 'B';
	snprintf(want, sizeof(want), ": %s (",
	    mmhs_sig_status_name(MMHS_SIG_BAD));
	UNIT_CHECK(t_inspect(t_trust, m, len, &sm, why, sizeof(why)) == 0 &&
	    mmhs_secmsg_check(&sm, &t_pol_nat, &rq, why, sizeof(why)) == -1 &&
	    strstr(why, want) != NULL, "tampered: %s", why);
	mmhs_secmsg_free(&sm);
	free(m);

	m = t_signed(&t_mallory, NULL, NAT, 3, NULL, MMHS_CMS_OPAQUE, &len);
	snprintf(want, sizeof(want), "signature by mallory@x.example is not "
	    "accepted: %s", mmhs_sig_status_name(MMHS_SIG_REVOKED));
	UNIT_CHECK(m != NULL && t_inspect(t_trust, m, len, &sm, why,
	    sizeof(why)) == 0 && !sm.sm_label_signed &&
	    mmhs_secmsg_check(&sm, &t_pol_nat, &rq, why, sizeof(why)) == -1 &&
	    strstr(why, want) != NULL, "revoked: %s", why);
	mmhs_secmsg_free(&sm);
	free(m);

	m = t_signed(&t_alice, NULL, NAT, 3, NULL, MMHS_CMS_OPAQUE, &len);
	UNIT_CHECK(m != NULL && t_inspect(t_trust_none, m, len, &sm, why,
	    sizeof(why)) == 0 && mmhs_secmsg_check(&sm, &t_pol_nat, &rq, why,
	    sizeof(why)) == -1 && strstr(why, "alice@x.example") != NULL,
	    "signer of a CA we do not trust: %s", why);
	mmhs_secmsg_free(&sm);
	/* no trust store: read, the signed label restricts, nothing
	 * verified, the unknown signer alone is not a refusal */
	UNIT_CHECK(m != NULL && mmhs_secmsg_inspect(NULL, NULL, 0, t_policy,
	    NULL, NAT, m, len, &sm, why, sizeof(why)) == 0 && sm.sm_signed &&
	    sm.sm_unchecked && !sm.sm_label_signed &&
	    sm.sm_label_src == MMHS_SECMSG_LABEL_ESS &&
	    sm.sm_label.lb_level == 3, "no trust store: unchecked: %s", why);
	memset(&rq, 0, sizeof(rq));
	UNIT_CHECK(mmhs_secmsg_check(&sm, &t_pol_nat, &rq, why,
	    sizeof(why)) == 0, "no trust store: not refused: %s", why);
	snprintf(rq.sr_sign_from, sizeof(rq.sr_sign_from), "RESTRICTED");
	UNIT_CHECK(mmhs_secmsg_check(&sm, &t_pol_nat, &rq, why,
	    sizeof(why)) == -1 && strstr(why, "must be signed") != NULL,
	    "no trust store: a signed label is never proven: %s", why);
	mmhs_secmsg_free(&sm);
	free(m);
}

/* test_clearance_sources - mmhsClearance first, else the certificate */
static void
test_clearance_sources(void)
{
	struct mmhs_secmsg sm;
	struct t_entry cert_only, both, broken;
	char *m, why[512] = "";

	t_entry(&cert_only, NULL, 1);
	t_entry(&both, NAT "$TOP SECRET$WESTLAND EYES ONLY", 1);
	t_entry(&broken, NAT "$PURPLE", 1);
	m = t_plain("marking=\"WESTLAND SECRET\"");
	UNIT_CHECK(t_inspect(t_trust, m, strlen(m), &sm, why,
	    sizeof(why)) == 0, "inspect: %s", why);
	UNIT_CHECK(mmhs_secmsg_cleared(&sm, &t_pol_nat, &cert_only.e, why,
	    sizeof(why)) == 0 && strstr(why, "clearance CONFIDENTIAL") != NULL,
	    "the certificate says CONFIDENTIAL: %s", why);
	UNIT_CHECK(mmhs_secmsg_cleared(&sm, &t_pol_nat, &both.e, why,
	    sizeof(why)) == 1, "the entry's TOP SECRET wins: %s", why);
	UNIT_CHECK(mmhs_secmsg_cleared(&sm, &t_pol_nat, &broken.e, why,
	    sizeof(why)) == -1 && strstr(why, "PURPLE") != NULL,
	    "a broken mmhsClearance: %s", why);
	mmhs_secmsg_free(&sm);
	free(m);
	m = t_plain("marking=\"WESTLAND CONFIDENTIAL WESTLAND EYES ONLY\"");
	UNIT_CHECK(t_inspect(t_trust, m, strlen(m), &sm, why,
	    sizeof(why)) == 0 && mmhs_secmsg_cleared(&sm, &t_pol_nat,
	    &cert_only.e, why, sizeof(why)) == 1,
	    "CONFIDENTIAL EYES ONLY by the certificate: %s", why);
	mmhs_secmsg_free(&sm);
	free(m);
	free(cert_only.der);
	free(both.der);
	free(broken.der);
}

static const struct unit_test secmsg_tests[] = {
	{ "unsigned with an SIO-Label", test_unsigned_sio },
	{ "signed with an ESS label", test_ess_signed },
	{ "SIO-Label contradicting the signed label", test_mismatch },
	{ "partner label translated", test_partner },
	{ "requirements", test_requirements },
	{ "failed signatures", test_bad_signatures },
	{ "clearance from entry or certificate", test_clearance_sources },
};

static const struct unit_suite suites[] = {
	UNIT_SUITE("secure messages", secmsg_tests),
};

int
main(void)
{
	int rc;

	t_build_all();
	snprintf(t_dir, sizeof(t_dir), "%s/test_secmsg.XXXXXX",
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : P_tmpdir);
	if (mkdtemp(t_dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	if (t_keys() != 0)
		return 1;
	rc = unit_main(suites, sizeof(suites) / sizeof(suites[0]));
	mmhs_cms_id_free(&t_alice);
	mmhs_cms_id_free(&t_mallory);
	mmhs_cms_id_free(&t_bob);
	X509_STORE_free(t_trust);
	X509_STORE_free(t_trust_none);
	t_sh("rm -rf '%s'", t_dir);
	return rc;
}
