/* test_ess.c - unit tests of ESS security labels (lib/mmhs_ess)
 *
 * The DER the decoder is tested on is made by openssl itself, at test
 * time, from the ASN1_generate_nconf files in tests/unit/data/ess
 * (NAME.cnf; bad-*.cnf must be refused).  What we encode must parse
 * with "openssl asn1parse -inform DER".  The data directory is
 * $srcdir/tests/unit/data/ess, else the one of the source tree built.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mmhs_ess.h"
#include "mmhs_label.h"
#include "mmhs_mmhs.h"
#include "unit.h"

#define POLICY	"1.3.6.1.4.1.61035.1.1"
#define CAT_A	"1.3.6.1.4.1.61035.1.2.1"
#define CAT_B	"1.3.6.1.4.1.61035.1.2.7"

static char t_datadir[1024];
static char t_tmp[512];

/* t_read - whole file, malloc'd; NULL if unreadable */
static unsigned char *
t_read(const char *path, size_t *len)
{
	unsigned char *buf = NULL;
	FILE *fp;
	long n;

	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	if (fseek(fp, 0, SEEK_END) == 0 && (n = ftell(fp)) > 0 &&
	    fseek(fp, 0, SEEK_SET) == 0 && (buf = malloc((size_t) n)) != NULL &&
	    fread(buf, 1, (size_t) n, fp) != (size_t) n) {
		free(buf);
		buf = NULL;
	}
	*len = buf != NULL ? (size_t) n : 0;
	fclose(fp);
	return buf;
}

/* t_gen - DER made by openssl from NAME.cnf; NULL (and a failure) if not */
static unsigned char *
t_gen(const char *name, size_t *len)
{
	char cmd[4096];
	unsigned char *der;

	snprintf(cmd, sizeof(cmd), "openssl asn1parse -genconf '%s/%s.cnf' "
	    "-noout -out '%s' >/dev/null 2>&1", t_datadir, name, t_tmp);
	der = system(cmd) == 0 ? t_read(t_tmp, len) : NULL;
	UNIT_CHECK(der != NULL, "openssl could not make %s.cnf", name);
	return der;
}

/* t_asn1parse - openssl's dump of der, or NULL when openssl refuses it */
static char *
t_asn1parse(const unsigned char *der, size_t len)
{
	char cmd[1024], *out = NULL;
	size_t olen = 0, n;
	char buf[512];
	FILE *fp, *mem;

	if ((fp = fopen(t_tmp, "wb")) == NULL)
		return NULL;
	fwrite(der, 1, len, fp);
	fclose(fp);
	snprintf(cmd, sizeof(cmd), "openssl asn1parse -inform DER -in '%s' "
	    "2>&1", t_tmp);
	if ((fp = popen(cmd, "r")) == NULL)
		return NULL;
	mem = open_memstream(&out, &olen);
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		fwrite(buf, 1, n, mem);
	fclose(mem);
	if (pclose(fp) != 0) {
		free(out);
		return NULL;
	}
	return out;
}

/* test_openssl_good - labels made by openssl decode to what they say */
static void
test_openssl_good(void)
{
	struct mmhs_ess_label el;
	struct mmhs_label lb;
	unsigned char *der, *again;
	size_t len, alen;
	char err[256];

	if ((der = t_gen("full", &len)) != NULL) {
		UNIT_CHECK(mmhs_ess_decode(der, len, &el, err, sizeof(err)) == 0,
		    "full: %s", err);
		UNIT_CHECK(strcmp(el.el_policy, POLICY) == 0 &&
		    el.el_has_class && el.el_class == 4 && el.el_has_mark &&
		    !el.el_mark_utf8 && strcmp(el.el_mark, "WESTLAND SECRET") == 0,
		    "full: policy %s class %d mark \"%s\"", el.el_policy,
		    el.el_class, el.el_mark);
		UNIT_CHECK(el.el_ncat == 2 && strcmp(el.el_cat[0].ec_type,
		    CAT_A) == 0 && el.el_cat[0].ec_value_len == 2 &&
		    memcmp(el.el_cat[0].ec_value, "\x05\x00", 2) == 0 &&
		    strcmp(el.el_cat[1].ec_type, CAT_B) == 0 &&
		    el.el_cat[1].ec_value_len == 3 &&
		    memcmp(el.el_cat[1].ec_value, "\x02\x01\x03", 3) == 0,
		    "full: %d categories", el.el_ncat);
		UNIT_CHECK(mmhs_ess_to_label(&el, &lb, err, sizeof(err)) == 0 &&
		    lb.lb_level == 4 && lb.lb_ncat == 2 &&
		    strcmp(lb.lb_cat[1], CAT_B) == 0, "full to_label: %s", err);
		/* ours: the same bytes, but the SET OF (17) before the
		 * PrintableString (19), as X.690 orders a SET by tag */
		UNIT_CHECK(mmhs_ess_encode(&el, &again, &alen, err,
		    sizeof(err)) == 0 && alen == len && again[len - 17] == 0x13 &&
		    memcmp(again, der, 17) == 0, "full re-encoded: %s", err);
		mmhs_ess_free(&el);
		if (again != NULL) {
			UNIT_CHECK(mmhs_ess_decode(again, alen, &el, err,
			    sizeof(err)) == 0 && el.el_ncat == 2 &&
			    strcmp(el.el_mark, "WESTLAND SECRET") == 0,
			    "full, our order: %s", err);
			mmhs_ess_free(&el);
			free(again);
		}
		free(der);
	}
	if ((der = t_gen("utf8", &len)) != NULL) {
		UNIT_CHECK(mmhs_ess_decode(der, len, &el, err, sizeof(err)) == 0 &&
		    el.el_mark_utf8 && el.el_ncat == 0 && el.el_class == 2 &&
		    strcmp(el.el_mark, "RESTREINT \xe2\x80\x93 \xc3\x9c" "BUNG")
		    == 0, "utf8: %s \"%s\"", err, el.el_mark);
		UNIT_CHECK(mmhs_ess_encode(&el, &again, &alen, err,
		    sizeof(err)) == 0 && alen == len &&
		    memcmp(again, der, len) == 0, "utf8 round trip: %s", err);
		mmhs_ess_free(&el);
		free(again);
		free(der);
	}
	if ((der = t_gen("minimal", &len)) != NULL) {
		UNIT_CHECK(mmhs_ess_decode(der, len, &el, err, sizeof(err)) == 0 &&
		    !el.el_has_class && !el.el_has_mark && el.el_ncat == 0 &&
		    strcmp(el.el_policy, "2.16.840.1.101.2.1.8.3.1") == 0,
		    "minimal: %s", err);
		UNIT_CHECK(mmhs_ess_to_label(&el, &lb, err, sizeof(err)) == 0 &&
		    lb.lb_level == 0, "minimal: absent class is 0: %s", err);
		UNIT_CHECK(mmhs_ess_encode(&el, &again, &alen, err,
		    sizeof(err)) == 0 && alen == len &&
		    memcmp(again, der, len) == 0, "minimal round trip: %s", err);
		mmhs_ess_free(&el);
		free(again);
		free(der);
	}
	if ((der = t_gen("class256", &len)) != NULL) {
		UNIT_CHECK(mmhs_ess_decode(der, len, &el, err, sizeof(err)) == 0 &&
		    el.el_class == 256, "class256: %s", err);
		UNIT_CHECK(mmhs_ess_to_label(&el, &lb, err, sizeof(err)) < 0 &&
		    strstr(err, "above 255") != NULL, "class256 to_label: %s",
		    err);
		mmhs_ess_free(&el);
		free(der);
	}
}

/* test_equiv - EquivalentLabels from openssl, and back to the same bytes */
static void
test_equiv(void)
{
	struct mmhs_ess_label *els, one;
	unsigned char *der, *again = NULL;
	size_t len, alen;
	char err[256];
	int n;

	if ((der = t_gen("equiv", &len)) == NULL)
		return;
	UNIT_CHECK(mmhs_ess_equiv_decode(der, len, &els, &n, err,
	    sizeof(err)) == 0 && n == 2 && els[0].el_class == 4 &&
	    strcmp(els[1].el_policy, "1.3.26.1.2.1") == 0 &&
	    strcmp(els[1].el_mark, "NATO SECRET") == 0, "equiv: %s", err);
	if (n == 2) {
		UNIT_CHECK(mmhs_ess_equiv_encode(els, n, &again, &alen, err,
		    sizeof(err)) == 0 && alen == len &&
		    memcmp(again, der, len) == 0, "equiv round trip: %s", err);
		free(again);
	}
	mmhs_ess_equiv_free(els, n);
	/* a single label is not EquivalentLabels, nor the reverse */
	UNIT_CHECK(mmhs_ess_decode(der, len, &one, err, sizeof(err)) < 0,
	    "equiv decoded as one label");
	mmhs_ess_free(&one);
	UNIT_CHECK(mmhs_ess_equiv_encode(els, 0, &again, &alen, err,
	    sizeof(err)) < 0, "empty EquivalentLabels encoded");
	free(der);
}

static const struct {
	const char *b_name;
	const char *b_err;
} bad_cases[] = {
	{ "bad-class257", "out of range 0..256" },
	{ "bad-classneg", "out of range 0..256" },
	{ "bad-sequence", "not a valid encoding" },
	{ "bad-nopolicy", "not a valid encoding" },
	{ "bad-cattag", "not a valid encoding" },
	{ "bad-printable", "PrintableString" },
	{ "bad-order", "not a valid encoding" },
	{ "bad-longmark", "PrintableString of 1..128" },
	{ "bad-toomanycats", "more than 32 security categories" },
};

/* test_openssl_bad - malformed labels made by openssl are refused */
static void
test_openssl_bad(void)
{
	struct mmhs_ess_label el;
	unsigned char *der;
	size_t i, len;
	char err[256];

	for (i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		if ((der = t_gen(bad_cases[i].b_name, &len)) == NULL)
			continue;
		err[0] = '\0';
		UNIT_CHECK(mmhs_ess_decode(der, len, &el, err, sizeof(err)) < 0 &&
		    strstr(err, bad_cases[i].b_err) != NULL,
		    "%s: \"%s\"", bad_cases[i].b_name, err);
		mmhs_ess_free(&el);
		free(der);
	}
}

/* test_not_der - trailing bytes, truncation and BER forms are refused */
static void
test_not_der(void)
{
	/* SET { INTEGER 4, OID 1.2.3 } in BER: indefinite, long length */
	static const unsigned char indef[] = { 0x31, 0x80, 0x02, 0x01, 0x04,
	    0x06, 0x02, 0x2a, 0x03, 0x00, 0x00 };
	static const unsigned char longlen[] = { 0x31, 0x81, 0x07, 0x02, 0x01,
	    0x04, 0x06, 0x02, 0x2a, 0x03 };
	static const unsigned char padint[] = { 0x31, 0x08, 0x02, 0x02, 0x00,
	    0x04, 0x06, 0x02, 0x2a, 0x03 };
	static const unsigned char good[] = { 0x31, 0x07, 0x02, 0x01, 0x04,
	    0x06, 0x02, 0x2a, 0x03 };
	struct mmhs_ess_label el;
	unsigned char *der, *longer;
	size_t len, cut;
	char err[256];

	UNIT_CHECK(mmhs_ess_decode(good, sizeof(good), &el, err,
	    sizeof(err)) == 0 && strcmp(el.el_policy, "1.2.3") == 0,
	    "good: %s", err);
	mmhs_ess_free(&el);
	UNIT_CHECK(mmhs_ess_decode(indef, sizeof(indef), &el, err,
	    sizeof(err)) < 0 && strstr(err, "not DER") != NULL,
	    "indefinite: %s", err);
	mmhs_ess_free(&el);
	UNIT_CHECK(mmhs_ess_decode(longlen, sizeof(longlen), &el, err,
	    sizeof(err)) < 0 && strstr(err, "not DER") != NULL,
	    "long length: %s", err);
	mmhs_ess_free(&el);
	UNIT_CHECK(mmhs_ess_decode(padint, sizeof(padint), &el, err,
	    sizeof(err)) < 0, "padded INTEGER accepted");
	mmhs_ess_free(&el);
	if ((der = t_gen("full", &len)) == NULL)
		return;
	longer = malloc(len + 1);
	memcpy(longer, der, len);
	longer[len] = 0x00;
	UNIT_CHECK(mmhs_ess_decode(longer, len + 1, &el, err,
	    sizeof(err)) < 0 && strstr(err, "bytes after the end") != NULL,
	    "trailing byte: %s", err);
	mmhs_ess_free(&el);
	for (cut = 0; cut < len; cut++) {
		UNIT_CHECK(mmhs_ess_decode(der, cut, &el, err, sizeof(err)) < 0,
		    "truncated to %zu accepted", cut);
		mmhs_ess_free(&el);
	}
	free(longer);
	free(der);
}

/* t_full - a label with every field, built through the API */
static void
t_full(struct mmhs_ess_label *el, int utf8)
{
	static const unsigned char seq[] = { 0x30, 0x03, 0x0a, 0x01, 0x02 };

	mmhs_ess_init(el);
	strcpy(el->el_policy, POLICY);
	el->el_has_class = 1;
	el->el_class = 5;
	el->el_has_mark = 1;
	el->el_mark_utf8 = utf8;
	strcpy(el->el_mark, utf8 ? "TR\xc3\x88S SECRET" : "TOP SECRET (X)");
	mmhs_ess_add_cat(el, CAT_B, (const unsigned char *) "\x05\x00", 2,
	    NULL, 0);
	mmhs_ess_add_cat(el, CAT_A, seq, sizeof(seq), NULL, 0);
}

/* test_encode - our DER decodes back, and openssl reads it */
static void
test_encode(void)
{
	struct mmhs_ess_label el, back;
	unsigned char *der;
	size_t len;
	char err[256], *dump;
	int utf8;

	for (utf8 = 0; utf8 <= 1; utf8++) {
		t_full(&el, utf8);
		UNIT_CHECK(mmhs_ess_encode(&el, &der, &len, err,
		    sizeof(err)) == 0, "encode %d: %s", utf8, err);
		if (der == NULL)
			continue;
		UNIT_CHECK(mmhs_ess_decode(der, len, &back, err,
		    sizeof(err)) == 0 && back.el_class == 5 &&
		    back.el_mark_utf8 == utf8 &&
		    strcmp(back.el_mark, el.el_mark) == 0 &&
		    back.el_ncat == 2, "decode %d: %s", utf8, err);
		/* SET OF sorts by encoding: CAT_B's is the shorter */
		UNIT_CHECK(back.el_ncat == 2 && strcmp(back.el_cat[0].ec_type,
		    CAT_B) == 0 && strcmp(back.el_cat[1].ec_type, CAT_A) == 0 &&
		    back.el_cat[1].ec_value_len == 5 &&
		    memcmp(back.el_cat[1].ec_value, "\x30\x03\x0a\x01\x02", 5)
		    == 0, "categories %d", utf8);
		dump = t_asn1parse(der, len);
		UNIT_CHECK(dump != NULL && strstr(dump, "cons: SET") != NULL &&
		    strstr(dump, ":" POLICY) != NULL && strstr(dump, utf8 ?
		    "UTF8STRING" : "PRINTABLESTRING   :TOP SECRET (X)") != NULL &&
		    strstr(dump, "ENUMERATED") != NULL &&
		    strstr(dump, "error") == NULL,
		    "openssl asn1parse %d:\n%s", utf8, dump ? dump : "refused");
		free(dump);
		mmhs_ess_free(&back);
		mmhs_ess_free(&el);
		free(der);
	}
}

/* test_encode_refused - what cannot be a valid label is not encoded */
static void
test_encode_refused(void)
{
	struct mmhs_ess_label el;
	unsigned char *der = NULL;
	size_t len;
	char err[256], oid[64];
	int i;

	t_full(&el, 0);
	strcpy(el.el_policy, "1");
	UNIT_CHECK(mmhs_ess_encode(&el, &der, &len, err, sizeof(err)) < 0 &&
	    strstr(err, "not an OID") != NULL, "policy \"1\": %s", err);
	strcpy(el.el_policy, POLICY);
	el.el_class = 257;
	UNIT_CHECK(mmhs_ess_encode(&el, &der, &len, err, sizeof(err)) < 0 &&
	    strstr(err, "out of range") != NULL, "class 257: %s", err);
	el.el_class = -1;
	UNIT_CHECK(mmhs_ess_encode(&el, &der, &len, err, sizeof(err)) < 0,
	    "class -1 encoded");
	el.el_class = 3;
	strcpy(el.el_mark, "a@b");
	UNIT_CHECK(mmhs_ess_encode(&el, &der, &len, err, sizeof(err)) < 0 &&
	    strstr(err, "ESSPrivacyMark") != NULL, "mark a@b: %s", err);
	el.el_mark_utf8 = 1;
	strcpy(el.el_mark, "\xc3(");
	UNIT_CHECK(mmhs_ess_encode(&el, &der, &len, err, sizeof(err)) < 0,
	    "bad UTF-8 encoded");
	el.el_mark[0] = '\0';
	UNIT_CHECK(mmhs_ess_encode(&el, &der, &len, err, sizeof(err)) < 0,
	    "empty mark encoded");
	strcpy(el.el_mark, "OK");
	el.el_cat[0].ec_value_len = 1;	/* a cut value */
	UNIT_CHECK(mmhs_ess_encode(&el, &der, &len, err, sizeof(err)) < 0 &&
	    strstr(err, "not one DER value") != NULL, "cut value: %s", err);
	el.el_cat[0].ec_value_len = 2;
	UNIT_CHECK(mmhs_ess_encode(&el, &der, &len, err, sizeof(err)) == 0,
	    "repaired: %s", err);
	free(der);
	for (i = 2; i < MMHS_LABEL_NCLCAT; i++) {
		snprintf(oid, sizeof(oid), "1.2.3.%d", i);
		UNIT_CHECK(mmhs_ess_add_cat(&el, oid, (const unsigned char *)
		    "\x05\x00", 2, err, sizeof(err)) == 0, "cat %d: %s", i, err);
	}
	UNIT_CHECK(mmhs_ess_add_cat(&el, "1.2.4", (const unsigned char *)
	    "\x05\x00", 2, err, sizeof(err)) < 0 &&
	    strstr(err, "more than 32") != NULL, "33rd category: %s", err);
	UNIT_CHECK(mmhs_ess_add_cat(&el, "x", (const unsigned char *) "\x05\x00",
	    2, err, sizeof(err)) < 0, "category x added");
	mmhs_ess_free(&el);
}

/* t_policy - restrictive ALPHA, permissive BRAVO, as in the directory */
static void
t_policy(struct mmhs_policy *p)
{
	char err[256];

	UNIT_CHECK(mmhs_policy_init(p, POLICY, err, sizeof(err)) == 0 &&
	    mmhs_policy_add_class(p, "3$CONFIDENTIAL", err, sizeof(err)) == 0 &&
	    mmhs_policy_add_class(p, "4$SECRET", err, sizeof(err)) == 0 &&
	    mmhs_policy_add_cat(p, "ALPHA$restrictive$" CAT_A, err,
	    sizeof(err)) == 0 && mmhs_policy_add_cat(p, "BRAVO$permissive$"
	    CAT_B, err, sizeof(err)) == 0, "policy: %s", err);
}

/* t_dom - does clearance str dominate lb under p? */
static int
t_dom(const struct mmhs_policy *p, const char *str,
    const struct mmhs_label *lb)
{
	struct mmhs_clearance cl;
	char err[256];

	UNIT_CHECK(mmhs_clearance_parse(str, &cl, err, sizeof(err)) == 0,
	    "clearance %s: %s", str, err);
	return mmhs_label_dominates(p, &cl, lb);
}

/* test_dominance - an ESS label from openssl against clearances */
static void
test_dominance(void)
{
	struct mmhs_policy p;
	struct mmhs_ess_label el, el2;
	struct mmhs_label lb, lb2, named;
	unsigned char *der, *der2 = NULL;
	size_t len, len2;
	char err[256];

	t_policy(&p);
	if ((der = t_gen("full", &len)) == NULL)
		return;
	UNIT_CHECK(mmhs_ess_decode(der, len, &el, err, sizeof(err)) == 0 &&
	    mmhs_ess_to_label(&el, &lb, err, sizeof(err)) == 0, "%s", err);
	UNIT_CHECK(t_dom(&p, POLICY "$SECRET$ALPHA$BRAVO", &lb) == 1,
	    "SECRET ALPHA BRAVO refused");
	UNIT_CHECK(t_dom(&p, POLICY "$SECRET$BRAVO", &lb) == 0,
	    "restrictive ALPHA not needed");
	UNIT_CHECK(t_dom(&p, POLICY "$SECRET$ALPHA", &lb) == 0,
	    "permissive BRAVO not needed");
	UNIT_CHECK(t_dom(&p, POLICY "$CONFIDENTIAL$ALPHA$BRAVO", &lb) == 0,
	    "CONFIDENTIAL saw SECRET");
	/* names -> OIDs through the policy, and the same decisions */
	memset(&named, 0, sizeof(named));
	strcpy(named.lb_policy, POLICY);
	named.lb_level = 4;
	named.lb_ncat = 2;
	strcpy(named.lb_cat[0], "alpha");
	strcpy(named.lb_cat[1], CAT_B);
	UNIT_CHECK(mmhs_ess_from_label(&p, &named, &el2, err,
	    sizeof(err)) == 0 && mmhs_ess_encode(&el2, &der2, &len2, err,
	    sizeof(err)) == 0, "from_label: %s", err);
	mmhs_ess_free(&el2);
	UNIT_CHECK(der2 != NULL && mmhs_ess_decode(der2, len2, &el2, err,
	    sizeof(err)) == 0 && mmhs_ess_to_label(&el2, &lb2, err,
	    sizeof(err)) == 0 && lb2.lb_ncat == 2 &&
	    strcmp(lb2.lb_cat[0], CAT_A) == 0, "from_label back: %s", err);
	UNIT_CHECK(t_dom(&p, POLICY "$SECRET$ALPHA$BRAVO", &lb2) == 1 &&
	    t_dom(&p, POLICY "$SECRET$BRAVO", &lb2) == 0, "named label");
	mmhs_ess_free(&el2);
	strcpy(named.lb_cat[0], "CHARLIE");
	UNIT_CHECK(mmhs_ess_from_label(&p, &named, &el2, err,
	    sizeof(err)) < 0 && strstr(err, "CHARLIE") != NULL,
	    "unknown category: %s", err);
	UNIT_CHECK(mmhs_ess_from_label(NULL, &named, &el2, err,
	    sizeof(err)) < 0, "name without a policy");
	mmhs_ess_free(&el2);
	free(der2);
	mmhs_ess_free(&el);
	free(der);
}

/* test_siolabel - the label of an RFC 7444 SIO-Label header field */
static void
test_siolabel(void)
{
	struct mmhs_siolabel sl;
	struct mmhs_ess_label el;
	unsigned char *der;
	size_t len;
	char err[256];

	if ((der = t_gen("full", &len)) == NULL)
		return;
	memset(&sl, 0, sizeof(sl));
	sl.sl_type = ":ess";
	sl.sl_label = der;
	sl.sl_label_len = len;
	UNIT_CHECK(mmhs_ess_from_siolabel(&sl, &el, err, sizeof(err)) == 0 &&
	    el.el_class == 4, "sio :ess: %s", err);
	mmhs_ess_free(&el);
	sl.sl_type = ":x411";
	UNIT_CHECK(mmhs_ess_from_siolabel(&sl, &el, err, sizeof(err)) < 0 &&
	    strstr(err, ":x411") != NULL, "sio :x411: %s", err);
	sl.sl_type = NULL;
	UNIT_CHECK(mmhs_ess_from_siolabel(&sl, &el, err, sizeof(err)) < 0,
	    "sio without type");
	free(der);
}

static const struct unit_test ess_tests[] = {
	{ "labels made by openssl", test_openssl_good },
	{ "EquivalentLabels", test_equiv },
	{ "malformed labels made by openssl", test_openssl_bad },
	{ "trailing bytes, truncation, BER", test_not_der },
	{ "encoding, read back by openssl", test_encode },
	{ "encoding refused", test_encode_refused },
	{ "dominance of ESS labels", test_dominance },
	{ "SIO-Label :ess", test_siolabel },
};

static const struct unit_suite suites[] = {
	UNIT_SUITE("ESS security labels", ess_tests),
};

int
main(void)
{
	const char *src = getenv("srcdir");
	int fd, rc;

	snprintf(t_datadir, sizeof(t_datadir), "%s/tests/unit/data/ess",
	    src != NULL ? src : TOP_SRCDIR);
	snprintf(t_tmp, sizeof(t_tmp), "%s/test_ess.XXXXXX",
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : P_tmpdir);
	if ((fd = mkstemp(t_tmp)) < 0) {
		perror("mkstemp");
		return 1;
	}
	close(fd);
	rc = unit_main(suites, sizeof(suites) / sizeof(suites[0]));
	unlink(t_tmp);
	return rc;
}
