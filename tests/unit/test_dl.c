/* test_dl.c - CUnit tests of lib/mmhs_dl: O/R names, submit permissions,
 * DL policy, expanded recipients, the submit decision
 *
 * Table-driven: each table row is one input and its expected outcome
 * (canonical form, or the start of the error text).  main() returns
 * non-zero when any assertion fails (tests/unit/unit.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "unit.h"

#include "mmhs_dl.h"

int main(void);

/* One parse/format case: want NULL = must be refused with err prefix. */
struct dl_case {
	const char	*in;
	const char	*want;		/* canonical output, NULL: refused */
	const char	*err;		/* refusal text must contain this */
};

static const struct dl_case orname_cases[] = {
	{ "/C=XX/ADMD= /PRMD=XXMOD/O=HQ/CN=COMMANDING OFFICER/",
	  "/C=XX/ADMD= /PRMD=XXMOD/O=HQ/CN=COMMANDING OFFICER/", NULL },
	{ "/C=XX/ADMD= /PRMD=XXMOD/O=HQ/OU1=SIGNALS/S=SMITH/G=JOHN/ "
	  "<cn=John Smith,ou=signals,o=hq,o=defence,c=xx>",
	  "/C=XX/ADMD= /PRMD=XXMOD/O=HQ/OU1=SIGNALS/S=SMITH/G=JOHN/ "
	  "<cn=John Smith,ou=signals,o=hq,o=defence,c=xx>", NULL },
	{ "  /g=John/S=Smith/o=HQ/prmd=XXMOD/ADMD= /C=XX/    <cn=J,c=xx>  ",
	  "/C=XX/ADMD= /PRMD=XXMOD/O=HQ/S=Smith/G=John/ <cn=J,c=xx>", NULL },
	{ "<cn=All Signals,o=hq,o=defence,c=xx>",
	  "<cn=All Signals,o=hq,o=defence,c=xx>", NULL },
	{ "<cn=a\\>b,c=xx>", "<cn=a\\>b,c=xx>", NULL },
	{ "", NULL, "empty O/R name" },
	{ "cn=x,c=xx", NULL, "starts with '/'" },
	{ "<>", NULL, "empty directory name" },
	{ "<cn=x,c=xx", NULL, "no closing '>'" },
	{ "<cn=x,c=xx> trailing", NULL, "text after" },
	{ "/C=XX/ADMD= /O=HQ/<cn=x>", NULL, "a space must separate" },
	{ "/C=XX/O=HQ/ <cn=x>", NULL, "ADMD" },
};

static const struct dl_case perm_cases[] = {
	{ "individual # /C=XX/ADMD= /PRMD=XXMOD/O=HQ/CN=COMMANDING OFFICER/",
	  "individual # /C=XX/ADMD= /PRMD=XXMOD/O=HQ/CN=COMMANDING OFFICER/",
	  NULL },
	{ "INDIVIDUAL#/C=XX/ADMD= /O=HQ/",
	  "individual # /C=XX/ADMD= /O=HQ/", NULL },
	{ "member-of-dl # <cn=All Signals,o=hq,o=defence,c=xx>",
	  "member-of-dl # <cn=All Signals,o=hq,o=defence,c=xx>", NULL },
	{ "pattern-match # /C=XX/ADMD= /PRMD=XXMOD/",
	  "pattern-match # /C=XX/ADMD= /PRMD=XXMOD/", NULL },
	{ "pattern-match # /O=HQ/", "pattern-match # /O=HQ/", NULL },
	{ "pattern-match # <o=hq,c=xx>", "pattern-match # <o=hq,c=xx>", NULL },
	{ "member-of-group # cn=Commanding Officer,o=hq,o=defence,c=xx",
	  "member-of-group # cn=Commanding Officer,o=hq,o=defence,c=xx",
	  NULL },
	{ "member-of-group # <cn=G,c=xx>  ", "member-of-group # cn=G,c=xx",
	  NULL },
	{ "any", "any", NULL },
	{ "  Any ", "any", NULL },
	{ "any # /O=X/", NULL, "\"any\" takes no value" },
	{ "everyone", NULL, "unknown permission kind" },
	{ "individual", NULL, "needs \" # \"" },
	{ "individual # ", NULL, "needs a value" },
	{ "individual # /O=HQ/", NULL, "C" },
	{ "member-of-group # nobody", NULL, "needs a group DN" },
	{ "pattern-match # /", NULL, "" },
};

static const struct dl_case policy_cases[] = {
	{ "report-propagation=dl-owner", "report-propagation=dl-owner", NULL },
	{ "further-dl-expansion-allowed=false $ Report-Propagation = DL-OWNER "
	  "$ priority=urgent",
	  "report-propagation=dl-owner $ priority=urgent $ "
	  "further-dl-expansion-allowed=FALSE", NULL },
	{ "report-propagation=previous-dl-or-originator", "", NULL },
	{ "further-dl-expansion-allowed=TRUE", "", NULL },
	{ "requested-delivery-method=replaced:1,3",
	  "requested-delivery-method=replaced:1,3", NULL },
	{ "requested-delivery-method=removed",
	  "requested-delivery-method=removed", NULL },
	{ "token-encryption-algorithm-preference=2.16.840.1.101.3.4.1.2, 1.2.3",
	  "token-encryption-algorithm-preference=2.16.840.1.101.3.4.1.2,1.2.3",
	  NULL },
	{ "proof-of-delivery=neither $ originating-MTA-report=audited-report $ "
	  "originator-report=no-report $ return-of-content="
	  "content-return-requested $ report-from-dl=when-no-propagation $ "
	  "disclosure-of-other-recipients=disclosure-of-other-recipients-"
	  "allowed $ implicit-conversion-prohibited=implicit-conversion-"
	  "prohibited $ conversion-with-loss-prohibited=conversion-with-loss-"
	  "allowed $ originator-requested-alternate-recipient-removed=FALSE",
	  "report-from-dl=when-no-propagation $ originating-MTA-report="
	  "audited-report $ originator-report=no-report $ return-of-content="
	  "content-return-requested $ disclosure-of-other-recipients="
	  "disclosure-of-other-recipients-allowed $ implicit-conversion-"
	  "prohibited=implicit-conversion-prohibited $ conversion-with-loss-"
	  "prohibited=conversion-with-loss-allowed $ originator-requested-"
	  "alternate-recipient-removed=FALSE $ proof-of-delivery=neither",
	  NULL },
	{ "", NULL, "empty DL policy" },
	{ "colour=red", NULL, "unknown field \"colour\"" },
	{ "priority=urgent $ priority=normal", NULL, "given twice" },
	{ "priority=extreme", NULL, "priority: unknown value \"extreme\"" },
	{ "priority", NULL, "has no '='" },
	{ "priority=", NULL, "has no value" },
	{ "further-dl-expansion-allowed=yes", NULL, "not TRUE or FALSE" },
	{ "priority=urgent $", NULL, "empty field" },
	{ "requested-delivery-method=replaced:", NULL, "decimal number" },
	{ "requested-delivery-method=sometimes", NULL, "is not unchanged" },
	{ "token-signature-algorithm-preference=1,1.2", NULL, "two arcs" },
	{ "token-signature-algorithm-preference=1.2.x", NULL, "list of OIDs" },
};

static const struct dl_case rcpt_cases[] = {
	{ "rfc822:a@b.example <cn=A,c=XW>", "rfc822:a@b.example <cn=A,c=XW>",
	  NULL },
	{ "rfc822:a@b.example", "rfc822:a@b.example", NULL },
	{ "x400:/C=XX/ADMD= /O=HQ/ <cn=A,c=XW>",
	  "x400:/C=XX/ADMD= /O=HQ/ <cn=A,c=XW>", NULL },
	{ "remote rfc822:l@dlo.example <cn=L,c=XW>",
	  "remote rfc822:l@dlo.example <cn=L,c=XW>", NULL },
	{ "list x400:/C=XX/ADMD= /O=HQ/", "list x400:/C=XX/ADMD= /O=HQ/",
	  NULL },
	{ "none:<cn=Gone,c=XW>", "none:<cn=Gone,c=XW>", NULL },
	{ "none:", NULL, "needs a directory name" },
	{ "none:x@y <cn=A>", NULL, "takes no address" },
	{ "rfc822: <cn=A>", NULL, "has no address" },
	{ "smtp:a@b", NULL, "unknown recipient kind" },
	{ "a@b", NULL, "no \"kind:\"" },
};

/* check_refusal - err must contain want */
static void
check_refusal(const char *in, const char *err, const char *want)
{
	if (strstr(err, want) == NULL)
		fprintf(stderr, "input \"%s\": error \"%s\" lacks \"%s\"\n", in,
		    err, want);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, want));
}

/* check_output - formatted output must equal want */
static void
check_output(const char *in, int n, const char *buf, const char *want)
{
	if (n < 0 || strcmp(buf, want) != 0)
		fprintf(stderr, "input \"%s\": got \"%s\" (%d), want \"%s\"\n",
		    in, buf, n, want);
	CU_ASSERT(n == (int) strlen(want));
	CU_ASSERT_STRING_EQUAL(buf, want);
}

/* test_orname - O/R name parse and canonical format */
static void
test_orname(void)
{
	struct mmhs_orname name;
	char buf[MMHS_DL_STRLEN], err[256];
	size_t i;
	int rc;

	for (i = 0; i < sizeof(orname_cases) / sizeof(orname_cases[0]); i++) {
		const struct dl_case *c = &orname_cases[i];

		rc = mmhs_orname_parse(c->in, 0, &name, err, sizeof(err));
		if (c->want == NULL) {
			CU_ASSERT_EQUAL(rc, -1);
			check_refusal(c->in, err, c->err);
			continue;
		}
		CU_ASSERT_EQUAL_FATAL(rc, 0);
		check_output(c->in, mmhs_orname_format(&name, buf, sizeof(buf)),
		    buf, c->want);
	}
	/* the DN is a slice of the input */
	CU_ASSERT_EQUAL(mmhs_orname_parse("<cn=x,c=y>", 0, &name, NULL, 0), 0);
	CU_ASSERT_EQUAL(name.on_dnlen, 8);
	CU_ASSERT_EQUAL(strncmp(name.on_dn, "cn=x,c=y", 8), 0);
	CU_ASSERT_EQUAL(name.on_has_addr, 0);
	/* a pattern may omit C and ADMD */
	CU_ASSERT_EQUAL(mmhs_orname_parse("/O=HQ/", MMHS_ORADDR_PATTERN, &name,
	    NULL, 0), 0);
	/* a buffer too small */
	CU_ASSERT_EQUAL(mmhs_orname_parse("<cn=x,c=y>", 0, &name, NULL, 0), 0);
	CU_ASSERT_EQUAL(mmhs_orname_format(&name, buf, 5), -1);
}

/* test_perm - submit permission parse and canonical format */
static void
test_perm(void)
{
	struct mmhs_dl_perm perm;
	char buf[MMHS_DL_STRLEN], err[256];
	size_t i;
	int rc;

	for (i = 0; i < sizeof(perm_cases) / sizeof(perm_cases[0]); i++) {
		const struct dl_case *c = &perm_cases[i];

		rc = mmhs_dl_perm_parse(c->in, &perm, err, sizeof(err));
		if (c->want == NULL) {
			CU_ASSERT_EQUAL(rc, -1);
			check_refusal(c->in, err, c->err);
			continue;
		}
		CU_ASSERT_EQUAL_FATAL(rc, 0);
		check_output(c->in, mmhs_dl_perm_format(&perm, buf,
		    sizeof(buf)), buf, c->want);
	}
	CU_ASSERT_STRING_EQUAL(mmhs_dl_perm_kind_name(MMHS_DL_PERM_PATTERN),
	    "pattern-match");
}

/* test_policy - DL policy parse, defaults and canonical format */
static void
test_policy(void)
{
	struct mmhs_dl_policy pol;
	char buf[4096], err[256];
	size_t i;
	int rc;

	for (i = 0; i < sizeof(policy_cases) / sizeof(policy_cases[0]); i++) {
		const struct dl_case *c = &policy_cases[i];

		rc = mmhs_dl_policy_parse(c->in, &pol, err, sizeof(err));
		if (c->want == NULL) {
			CU_ASSERT_EQUAL(rc, -1);
			check_refusal(c->in, err, c->err);
			continue;
		}
		CU_ASSERT_EQUAL_FATAL(rc, 0);
		check_output(c->in, mmhs_dl_policy_format(&pol, buf,
		    sizeof(buf)), buf, c->want);
	}
	mmhs_dl_policy_init(&pol);
	CU_ASSERT_EQUAL(pol.pl_further_dl_expansion_allowed, 1);
	CU_ASSERT_EQUAL(pol.pl_orig_alt_recipient_removed, 1);
	CU_ASSERT_EQUAL(pol.pl_report_propagation,
	    MMHS_DL_RP_PREVIOUS_DL_OR_ORIGINATOR);
	CU_ASSERT_EQUAL(pol.pl_proof_of_delivery, MMHS_DL_POD_DL_MEMBERS);
	CU_ASSERT_EQUAL(mmhs_dl_policy_parse("further-dl-expansion-allowed="
	    "FALSE $ priority=non-urgent", &pol, NULL, 0), 0);
	CU_ASSERT_EQUAL(pol.pl_further_dl_expansion_allowed, 0);
	CU_ASSERT_EQUAL(pol.pl_priority, MMHS_DL_PRIO_NON_URGENT);
	CU_ASSERT_EQUAL(pol.pl_report_from_dl, MMHS_DL_RFD_WHENEVER_REQUESTED);
	CU_ASSERT_EQUAL(mmhs_dl_policy_parse("requested-delivery-method="
	    "replaced:4,7", &pol, NULL, 0), 0);
	CU_ASSERT_EQUAL(pol.pl_rdm, MMHS_DL_RDM_REPLACED);
	CU_ASSERT_EQUAL(pol.pl_nrdm, 2);
	CU_ASSERT_EQUAL(pol.pl_rdm_values[1], 7);
}

/* test_recipient - expanded recipient parse and format */
static void
test_recipient(void)
{
	struct mmhs_dl_recipient r;
	char buf[MMHS_DL_STRLEN], err[256];
	size_t i;
	int rc;

	for (i = 0; i < sizeof(rcpt_cases) / sizeof(rcpt_cases[0]); i++) {
		const struct dl_case *c = &rcpt_cases[i];

		rc = mmhs_dl_recipient_parse(c->in, &r, err, sizeof(err));
		if (c->want == NULL) {
			CU_ASSERT_EQUAL(rc, -1);
			check_refusal(c->in, err, c->err);
			continue;
		}
		CU_ASSERT_EQUAL_FATAL(rc, 0);
		check_output(c->in, mmhs_dl_recipient_format(&r, buf,
		    sizeof(buf)), buf, c->want);
	}
	CU_ASSERT_EQUAL(mmhs_dl_recipient_parse("remote rfc822:l@x <cn=L>", &r,
	    NULL, 0), 0);
	CU_ASSERT_EQUAL(r.dr_flags, MMHS_DL_RCPT_REMOTE);
	CU_ASSERT_EQUAL(r.dr_kind, MMHS_DL_RCPT_RFC822);
	CU_ASSERT_EQUAL(r.dr_addrlen, 3);
	CU_ASSERT_EQUAL(r.dr_dnlen, 4);
}

/* test_dn - DN comparison without a directory */
static void
test_dn(void)
{
	static const struct {
		const char *a, *b;
		int equal, within;
	} cases[] = {
		{ "cn=A,o=HQ,c=XX", "cn=a,o=hq,c=xx", 1, 1 },
		{ "cn = A , o=HQ", "cn=a,o=hq", 1, 1 },
		{ "cn=A B,o=HQ", "cn=a  b,o=hq", 0, 0 },
		{ "cn=A,o=HQ,c=XX", "o=hq,c=xx", 0, 1 },
		{ "cn=A,o=HQ,c=XX", "c=xx", 0, 1 },
		{ "cn=A,o=HQX,c=XX", "o=hq,c=xx", 0, 0 },
		{ "o=hq,c=xx", "cn=A,o=HQ,c=XX", 0, 0 },
		{ "cn=a\\,o=hq,c=xx", "o=hq,c=xx", 0, 0 },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		CU_ASSERT_EQUAL(mmhs_dl_dn_equal(cases[i].a, strlen(cases[i].a),
		    cases[i].b, strlen(cases[i].b)), cases[i].equal);
		CU_ASSERT_EQUAL(mmhs_dl_dn_within(cases[i].a,
		    strlen(cases[i].a), cases[i].b, strlen(cases[i].b)),
		    cases[i].within);
	}
}

/* Membership answers for the decision tests. */
struct member_answer {
	int	ma_dl;		/* answer for member-of-dl */
	int	ma_group;	/* answer for member-of-group */
	int	ma_calls;
};

/* fake_member - a membership callback with fixed answers */
static int
fake_member(void *arg, enum mmhs_dl_perm_kind kind,
	const struct mmhs_orname *name, const struct mmhs_dl_originator *orig,
	char *err, size_t errlen)
{
	struct member_answer *ma = arg;

	ma->ma_calls++;
	if (kind == MMHS_DL_PERM_MEMBER_OF_GROUP && name->on_dn == NULL)
		return -1;
	if ((kind == MMHS_DL_PERM_MEMBER_OF_DL ? ma->ma_dl : ma->ma_group) < 0)
		snprintf(err, errlen, "lookup failed");
	return kind == MMHS_DL_PERM_MEMBER_OF_DL ? ma->ma_dl : ma->ma_group;
}

/* test_match - one permission against an originator */
static void
test_match(void)
{
	static const struct {
		const char *perm;
		const char *addr;	/* NULL: originator has none */
		const char *dn;		/* NULL: originator has none */
		int dl, group;		/* membership answers */
		int want;
	} cases[] = {
		{ "any", NULL, NULL, 0, 0, 1 },
		{ "individual # /C=XX/ADMD= /O=HQ/CN=CO/", "/C=XX/ADMD= /O=HQ/"
		  "CN=co/", NULL, 0, 0, 1 },
		{ "individual # /C=XX/ADMD= /O=HQ/CN=CO/", "/C=XX/ADMD= /O=HQ/"
		  "CN=XO/", NULL, 0, 0, 0 },
		{ "individual # /C=XX/ADMD= /O=HQ/CN=CO/", NULL, "cn=co,c=xx",
		  0, 0, 0 },
		{ "individual # <cn=CO,c=XX>", NULL, "cn=co,c=xx", 0, 0, 1 },
		{ "individual # <cn=CO,c=XX>", "/C=XX/ADMD= /O=HQ/", NULL, 0, 0,
		  0 },
		{ "individual # /C=XX/ADMD= /O=HQ/CN=CO/ <cn=CO,c=XX>",
		  "/C=XX/ADMD= /O=HQ/CN=CO/", "cn=xo,c=xx", 0, 0, 0 },
		{ "individual # /C=XX/ADMD= /O=HQ/CN=CO/ <cn=CO,c=XX>",
		  "/C=XX/ADMD= /O=HQ/CN=CO/", "cn=co,c=xx", 0, 0, 1 },
		{ "pattern-match # /C=XX/ADMD= /O=HQ/", "/C=XX/ADMD= /O=HQ/"
		  "OU1=J3/S=SMITH/", NULL, 0, 0, 1 },
		{ "pattern-match # /C=XX/ADMD= /O=HQ/", "/C=XX/ADMD= /O=NAVY/"
		  "S=SMITH/", NULL, 0, 0, 0 },
		{ "pattern-match # /O=HQ/", NULL, "cn=a,c=xx", 0, 0, 0 },
		{ "pattern-match # <o=hq,c=xx>", NULL, "cn=A,ou=x,o=HQ,c=XX", 0,
		  0, 1 },
		{ "pattern-match # <o=hq,c=xx>", NULL, "cn=A,o=navy,c=XX", 0, 0,
		  0 },
		{ "member-of-dl # <cn=L,c=xx>", NULL, "cn=a,c=xx", 1, 0, 1 },
		{ "member-of-dl # <cn=L,c=xx>", NULL, "cn=a,c=xx", 0, 1, 0 },
		{ "member-of-group # cn=G,c=xx", NULL, "cn=a,c=xx", 0, 1, 1 },
		{ "member-of-group # cn=G,c=xx", NULL, "cn=a,c=xx", 1, 0, 0 },
		{ "member-of-group # cn=G,c=xx", NULL, "cn=a,c=xx", 0, -1, -1 },
	};
	struct mmhs_dl_perm perm;
	struct mmhs_oraddr addr;
	struct mmhs_dl_originator orig;
	struct member_answer ma;
	char err[256];
	size_t i;
	int rc;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		CU_ASSERT_EQUAL_FATAL(mmhs_dl_perm_parse(cases[i].perm, &perm,
		    NULL, 0), 0);
		memset(&orig, 0, sizeof(orig));
		if (cases[i].addr != NULL) {
			CU_ASSERT_EQUAL_FATAL(mmhs_oraddr_parse(cases[i].addr,
			    0, &addr, NULL, 0), 0);
			orig.do_addr = &addr;
		}
		if (cases[i].dn != NULL) {
			orig.do_dn = cases[i].dn;
			orig.do_dnlen = strlen(cases[i].dn);
		}
		ma.ma_dl = cases[i].dl;
		ma.ma_group = cases[i].group;
		ma.ma_calls = 0;
		rc = mmhs_dl_perm_match(&perm, &orig, fake_member, &ma, err,
		    sizeof(err));
		if (rc != cases[i].want)
			fprintf(stderr, "case %zu \"%s\": got %d want %d\n", i,
			    cases[i].perm, rc, cases[i].want);
		CU_ASSERT_EQUAL(rc, cases[i].want);
	}
	/* membership kinds need a callback */
	CU_ASSERT_EQUAL(mmhs_dl_perm_parse("member-of-dl # <cn=L>", &perm,
	    NULL, 0), 0);
	memset(&orig, 0, sizeof(orig));
	CU_ASSERT_EQUAL(mmhs_dl_perm_match(&perm, &orig, NULL, NULL, err,
	    sizeof(err)), -1);
	check_refusal("member-of-dl", err, "needs a membership lookup");
}

/* test_submit - all the values of mhs-dl-submit-permissions */
static void
test_submit(void)
{
	static const char *const vals[] = {
		"individual # /C=XX/ADMD= /O=HQ/CN=CO/",
		"member-of-dl # <cn=L,c=xx>",
		"pattern-match # /C=XX/ADMD= /O=JFC/",
	};
	static const char *const bad[] = { "any", "nonsense # x" };
	struct mmhs_dl_originator orig;
	struct mmhs_oraddr addr;
	struct member_answer ma = { 0, 0, 0 };
	char why[512];

	memset(&orig, 0, sizeof(orig));
	CU_ASSERT_EQUAL(mmhs_oraddr_parse("/C=XX/ADMD= /O=JFC/S=X/", 0, &addr,
	    NULL, 0), 0);
	orig.do_addr = &addr;
	CU_ASSERT_EQUAL(mmhs_dl_submit_allowed(vals, 3, &orig, fake_member,
	    &ma, why, sizeof(why)), 1);
	CU_ASSERT_STRING_EQUAL(why, "granted by \"pattern-match # /C=XX/"
	    "ADMD= /O=JFC/\"");
	CU_ASSERT_EQUAL(ma.ma_calls, 1);

	CU_ASSERT_EQUAL(mmhs_oraddr_parse("/C=XX/ADMD= /O=NAVY/S=X/", 0, &addr,
	    NULL, 0), 0);
	CU_ASSERT_EQUAL(mmhs_dl_submit_allowed(vals, 3, &orig, fake_member,
	    &ma, why, sizeof(why)), 0);
	CU_ASSERT_STRING_EQUAL(why, "no mhs-dl-submit-permissions value "
	    "matches the originator (3 checked)");
	ma.ma_dl = 1;
	CU_ASSERT_EQUAL(mmhs_dl_submit_allowed(vals, 3, &orig, fake_member,
	    &ma, why, sizeof(why)), 1);

	CU_ASSERT_EQUAL(mmhs_dl_submit_allowed(vals, 0, &orig, fake_member,
	    &ma, why, sizeof(why)), 0);
	check_refusal("no values", why, "nobody may submit");
	/* the first value grants before the bad one is read */
	CU_ASSERT_EQUAL(mmhs_dl_submit_allowed(bad, 2, &orig, NULL, NULL, why,
	    sizeof(why)), 1);
	CU_ASSERT_EQUAL(mmhs_dl_submit_allowed(bad + 1, 1, &orig, NULL, NULL,
	    why, sizeof(why)), -1);
	check_refusal("bad value", why, "value \"nonsense # x\": unknown "
	    "permission kind");
}

static const struct unit_test dl_tests[] = {
	{ "O/R name parse/format", test_orname },
	{ "submit permission parse/format", test_perm },
	{ "DL policy parse/format", test_policy },
	{ "expanded recipient parse/format", test_recipient },
	{ "DN comparison", test_dn },
	{ "permission match", test_match },
	{ "submit decision", test_submit },
};

/* main - run the suite; non-zero exit when any assertion failed */
int
main(void)
{
	static const struct unit_suite suites[] = {
		UNIT_SUITE("mmhs_dl", dl_tests),
	};

	return unit_main(suites, sizeof(suites) / sizeof(suites[0]));
}
