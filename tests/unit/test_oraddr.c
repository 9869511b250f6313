/* test_oraddr.c - CUnit tests for mmhs_oraddr (RFC 2156 O/R addresses)
 *
 * Purpose: pin down the parser, the canonical formatter and the routing
 * comparisons with tables: golden input -> canonical strings, refused
 * inputs with the expected message, X.411 length bounds generated per
 * attribute, prefix matches, specificity and equality.
 *
 * Interface: run without arguments; CUnit prints every test (verbose
 * mode) and a Run Summary.
 *
 * Error behaviour: exits 1 when any assertion fails or CUnit reports an
 * error, so "make check" fails.  A failed table row names its input.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "unit.h"

#include "mmhs_oraddr.h"

#define PAT	MMHS_ORADDR_PATTERN

/* The example from the design brief, already canonical. */
#define EXAMPLE	"/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=JFC/OU2=J3/S=SMITH" \
		"/G=JOHN/I=K/CN=OPS OFFICER/DDA:RFC-822=john(a)x.example/"

/* t_parse - parse or fail the test with the parser's message */
static int
t_parse(const char *str, int flags, struct mmhs_oraddr *addr, unsigned line)
{
	char err[256];
	int rc;

	rc = mmhs_oraddr_parse(str, flags, addr, err, sizeof(err));
	unit_check(rc == 0, __FILE__, line, "parse \"%s\" failed: %s", str,
	    err);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Golden table: input -> canonical form */

static const struct golden {
	const char *g_in;
	int	g_flags;
	const char *g_out;
} golden[] = {
	{ EXAMPLE, 0, EXAMPLE },
	/* keys in any case and order, aliases A and P */
	{ "/s=Smith/c=gb/a= /p=MOD/o=Army/", 0,
	    "/C=gb/ADMD= /PRMD=MOD/O=Army/S=Smith/" },
	{ "/Cn=Duty Officer/Admd=ICAO/C=XX/", 0,
	    "/C=XX/ADMD=ICAO/CN=Duty Officer/" },
	/* "OU" takes the next free slot */
	{ "/C=XW/ADMD= /OU=A/OU=B/OU=C/OU=D/", 0,
	    "/C=XW/ADMD= /OU1=A/OU2=B/OU3=C/OU4=D/" },
	{ "/C=XW/ADMD= /OU2=B/OU1=A/", 0, "/C=XW/ADMD= /OU1=A/OU2=B/" },
	{ "/C=XW/ADMD= /OU1=A/OU=B/ou=C/", 0,
	    "/C=XW/ADMD= /OU1=A/OU2=B/OU3=C/" },
	{ "/C=XW/ADMD= /OU3=C/OU=A/OU=B/", 0,
	    "/C=XW/ADMD= /OU1=A/OU2=B/OU3=C/" },
	/* generation qualifier alias */
	{ "/C=XW/ADMD= /S=SMITH/Q=JR/", 0, "/C=XW/ADMD= /S=SMITH/GQ=JR/" },
	{ "/C=XW/ADMD= /Q=3RD/G=JOHN/I=JK/S=SMITH/", 0,
	    "/C=XW/ADMD= /S=SMITH/G=JOHN/I=JK/GQ=3RD/" },
	/* RFC 2156 DD. spelling and lower-case DDA types */
	{ "/DD.RFC-822=user(a)host/O=uknet/PRMD=uk.ac/ADMD=gold 400/C=GB/",
	    0, "/C=GB/ADMD=gold 400/PRMD=uk.ac/O=uknet"
	    "/DDA:RFC-822=user(a)host/" },
	{ "/C=XW/ADMD= /dda:rfc-822=a(a)b/", 0,
	    "/C=XW/ADMD= /DDA:RFC-822=a(a)b/" },
	/* DDAs keep their order; up to four */
	{ "/C=XW/ADMD= /DDA:B=2/DDA:A=1/DD.C=3/DDA:ACP-PLAD=HQ/", 0,
	    "/C=XW/ADMD= /DDA:B=2/DDA:A=1/DDA:C=3/DDA:ACP-PLAD=HQ/" },
	/* '$' escapes and every printable-string punctuation mark */
	{ "/C=XW/ADMD= /O=A$/B$=C$$D/", 0, "/C=XW/ADMD= /O=A$/B$=C$$D/" },
	{ "/C=XW/ADMD= /O=$/$/$=$=$$$$/", 0,
	    "/C=XW/ADMD= /O=$/$/$=$=$$$$/" },
	{ "/C=XW/ADMD= /O=a'()+,-.:?z/", 0, "/C=XW/ADMD= /O=a'()+,-.:?z/" },
	{ "/C=XW/ADMD= /DDA:X400.ID=a$=b$/c/", 0,
	    "/C=XW/ADMD= /DDA:X400.ID=a$=b$/c/" },
	/* numeric country, blank and named ADMD */
	{ "/C=234/ADMD=BT/PRMD=X/", 0, "/C=234/ADMD=BT/PRMD=X/" },
	{ "/C=xw/ADMD=   /", 0, "/C=xw/ADMD=   /" },
	/* spaces inside values are kept as written */
	{ "/C=XW/ADMD= /O= Big  Org /", 0, "/C=XW/ADMD= /O= Big  Org /" },
	/* CN and a personal name together */
	{ "/C=XW/ADMD= /S=SMITH/CN=John Smith/", 0,
	    "/C=XW/ADMD= /S=SMITH/CN=John Smith/" },
	/* patterns: C and ADMD may be absent */
	{ "/PRMD=NATO/", PAT, "/PRMD=NATO/" },
	{ "/C=XX/ADMD= /PRMD=NATO/", PAT, "/C=XX/ADMD= /PRMD=NATO/" },
	{ "/ou=JFC/o=DEFENCE/", PAT, "/O=DEFENCE/OU1=JFC/" },
	{ "/DDA:RFC-822=x(a)y/", PAT, "/DDA:RFC-822=x(a)y/" },
	{ "/C=XW/", PAT, "/C=XW/" },
	/* a full address is also a valid pattern */
	{ EXAMPLE, PAT, EXAMPLE },
};

/* test_golden - every golden row gives its canonical form */
static void
test_golden(void)
{
	struct mmhs_oraddr addr;
	char out[MMHS_ORADDR_STRLEN];
	size_t i;
	int n;

	for (i = 0; i < sizeof(golden) / sizeof(golden[0]); i++) {
		if (t_parse(golden[i].g_in, golden[i].g_flags, &addr,
		    __LINE__) < 0)
			continue;
		n = mmhs_oraddr_format(&addr, out, sizeof(out));
		UNIT_CHECK(n >= 0 && strcmp(out, golden[i].g_out) == 0,
		    "\"%s\" formatted as \"%s\", want \"%s\"",
		    golden[i].g_in, n >= 0 ? out : "(error)", golden[i].g_out);
		UNIT_CHECK(n == (int) strlen(golden[i].g_out),
		    "\"%s\": length %d", golden[i].g_in, n);
	}
}

/* test_round_trip - parse(format(parse(x))) is the same address */
static void
test_round_trip(void)
{
	struct mmhs_oraddr a, b;
	char once[MMHS_ORADDR_STRLEN], twice[MMHS_ORADDR_STRLEN];
	size_t i;

	for (i = 0; i < sizeof(golden) / sizeof(golden[0]); i++) {
		if (t_parse(golden[i].g_in, golden[i].g_flags, &a,
		    __LINE__) < 0)
			continue;
		mmhs_oraddr_format(&a, once, sizeof(once));
		if (t_parse(once, golden[i].g_flags, &b, __LINE__) < 0)
			continue;
		mmhs_oraddr_format(&b, twice, sizeof(twice));
		UNIT_CHECK(strcmp(once, twice) == 0,
		    "\"%s\" -> \"%s\" -> \"%s\"", golden[i].g_in, once, twice);
		UNIT_CHECK(mmhs_oraddr_equal(&a, &b), "\"%s\" not equal after "
		    "round trip", golden[i].g_in);
		UNIT_CHECK(memcmp(&a, &b, sizeof(a)) == 0,
		    "\"%s\" struct changed by round trip", golden[i].g_in);
	}
}

/* test_fields - values land in the right fields, escapes removed */
static void
test_fields(void)
{
	struct mmhs_oraddr a;

	if (t_parse(EXAMPLE, 0, &a, __LINE__) < 0)
		return;
	CU_ASSERT_STRING_EQUAL(a.oa_c, "XW");
	CU_ASSERT_STRING_EQUAL(a.oa_admd, " ");
	CU_ASSERT_STRING_EQUAL(a.oa_prmd, "MOD");
	CU_ASSERT_STRING_EQUAL(a.oa_o, "DEFENCE");
	CU_ASSERT_STRING_EQUAL(a.oa_ou[0], "JFC");
	CU_ASSERT_STRING_EQUAL(a.oa_ou[1], "J3");
	CU_ASSERT_STRING_EQUAL(a.oa_ou[2], "");
	CU_ASSERT_STRING_EQUAL(a.oa_s, "SMITH");
	CU_ASSERT_STRING_EQUAL(a.oa_g, "JOHN");
	CU_ASSERT_STRING_EQUAL(a.oa_i, "K");
	CU_ASSERT_STRING_EQUAL(a.oa_q, "");
	CU_ASSERT_STRING_EQUAL(a.oa_cn, "OPS OFFICER");
	CU_ASSERT_EQUAL(a.oa_ndda, 1);
	CU_ASSERT_STRING_EQUAL(a.oa_dda[0].od_type, "RFC-822");
	CU_ASSERT_STRING_EQUAL(a.oa_dda[0].od_value, "john(a)x.example");

	if (t_parse("/C=XW/ADMD= /O=A$/B$=C$$D/dda:acp-plad=X/", 0, &a,
	    __LINE__) < 0)
		return;
	CU_ASSERT_STRING_EQUAL(a.oa_o, "A/B=C$D");
	CU_ASSERT_STRING_EQUAL(a.oa_dda[0].od_type, "ACP-PLAD");
}

/* ------------------------------------------------------------------ */
/* Refused inputs and the message each must give */

static const struct refused {
	const char *r_in;
	int	r_flags;
	const char *r_msg;		/* substring of the message */
} refused[] = {
	{ "", 0, "missing leading '/'" },
	{ "C=XW/ADMD= /", 0, "missing leading '/'" },
	{ " /C=XW/ADMD= /", 0, "missing leading '/'" },
	{ "/C=XW/ADMD= ", 0, "missing trailing '/'" },
	{ "/C=XW/ADMD= /O=X", 0, "missing trailing '/'" },
	{ "/C=XW/ADMD= /X=1/", 0, "unknown attribute type \"X\"" },
	{ "/C=XW/ADMD= /X400=1/", 0, "unknown attribute type \"X400\"" },
	{ "/C=XW/ADMD= /OU5=1/", 0, "unknown attribute type \"OU5\"" },
	{ "/C=XW/ADMD= /DDA.X=1/", 0, "unknown attribute type \"DDA.X\"" },
	{ "/ C=XW/ADMD= /", 0, "unknown attribute type \"?C\"" },
	/* long keys are cut short in the message */
	{ "/C=XW/ADMD= /ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefgh=1/", 0,
	    "type \"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789...\"" },
	{ "/C=XW/ADMD= /O/", 0, "attribute \"O\" has no '='" },
	{ "/C=XW/ADMD= /O", 0, "attribute \"O\" has no '='" },
	{ "/C=XW/ADMD= //", 0, "empty attribute type" },
	{ "//C=XW/ADMD= /", 0, "empty attribute type" },
	{ "/C=XW/ADMD= /=X/", 0, "empty attribute type" },
	{ "/C=XW/ADMD= /OU3=A/OU1=B/", 0, "OU3 present without OU2" },
	{ "/C=XW/ADMD= /OU2=A/", 0, "OU2 present without OU1" },
	{ "/C=XW/ADMD= /OU1=A/OU2=B/OU4=D/", 0, "OU4 present without OU3" },
	{ "/O=X/OU2=A/", PAT, "OU2 present without OU1" },
	{ "/C=XW/ADMD= /OU=A/OU=B/OU=C/OU=D/OU=E/", 0,
	    "more than 4 OU attributes" },
	{ "/C=XW/ADMD= /G=JOHN/", 0, "G present without S" },
	{ "/C=XW/ADMD= /I=K/", 0, "I present without S" },
	{ "/C=XW/ADMD= /Q=JR/", 0, "GQ present without S" },
	{ "/G=JOHN/", PAT, "G present without S" },
	{ "/C=XW/ADMD= /S=A/S=B/", 0, "duplicate attribute S" },
	{ "/C=XW/A= /ADMD=X/", 0, "duplicate attribute ADMD" },
	{ "/C=XW/ADMD= /P=X/prmd=Y/", 0, "duplicate attribute PRMD" },
	{ "/C=XW/ADMD= /S=X/GQ=1/Q=2/", 0, "duplicate attribute GQ" },
	{ "/C=XW/ADMD= /OU1=A/OU1=B/", 0, "duplicate attribute OU1" },
	{ "/C=XW/ADMD= /OU=A/OU1=B/", 0, "duplicate attribute OU1" },
	{ "/C=XW/C=XX/ADMD= /", 0, "duplicate attribute C" },
	{ "/C=XW/ADMD= /DDA:X=1/dda:x=2/", 0, "duplicate attribute DDA:x" },
	{ "/C=XW/ADMD= /DD.X=1/DDA:X=2/", 0, "duplicate attribute DDA:X" },
	{ "/C=X/ADMD= /", 0, "C must be 2 letters or 3 digits" },
	{ "/C=X1/ADMD= /", 0, "C must be 2 letters or 3 digits" },
	{ "/C=12/ADMD= /", 0, "C must be 2 letters or 3 digits" },
	{ "/C=ABC/ADMD= /", 0, "C must be 2 letters or 3 digits" },
	{ "/C=1A2/ADMD= /", 0, "C must be 2 letters or 3 digits" },
	{ "/C= XW/ADMD= /", 0, "C must be 2 letters or 3 digits" },
	{ "/C=X/", PAT, "C must be 2 letters or 3 digits" },
	{ "/ADMD= /O=X/", 0, "C is required" },
	{ "/", 0, "C is required" },
	{ "/C=XW/O=X/", 0, "ADMD is required" },
	{ "/", PAT, "pattern has no attributes" },
	{ "/C=XW/ADMD= /O=/", 0, "empty value for O" },
	{ "/C=/ADMD= /", 0, "empty value for C" },
	{ "/C=XW/ADMD=/", 0, "empty value for ADMD" },
	{ "/C=XW/ADMD= /O= /", 0, "value of O is blank" },
	{ "/C=XW/ADMD= /PRMD=   /", 0, "value of PRMD is blank" },
	{ "/C=XW/ADMD= /O=A=B/", 0, "unescaped '=' in value of O" },
	{ "/C=XW/ADMD= /O=A$B/", 0, "bad '$' escape in value of O" },
	{ "/C=XW/ADMD= /O=A$ /", 0, "bad '$' escape in value of O" },
	{ "/C=XW/ADMD= /O=A$", 0, "bad '$' escape in value of O" },
	{ "/C=XW/ADMD= /O=A@B/", 0, "invalid character '@' in value of O" },
	{ "/C=XW/ADMD= /O=A_B/", 0, "invalid character '_' in value of O" },
	{ "/C=XW/ADMD= /S=A!B/", 0, "invalid character '!' in value of S" },
	{ "/C=XW/ADMD= /O=A*B/", 0, "invalid character '*' in value of O" },
	{ "/C=XW/ADMD= /O=A\tB/", 0, "invalid byte 0x09 in value of O" },
	{ "/C=XW/ADMD= /O=A\nB/", 0, "invalid byte 0x0a in value of O" },
	{ "/C=XW/ADMD= /O=caf\xc3\xa9/", 0,
	    "invalid byte 0xc3 in value of O" },
	{ "/C=XW/ADMD= /DDA:=x/", 0, "empty DDA type" },
	{ "/C=XW/ADMD= /DD.=x/", 0, "empty DDA type" },
	{ "/C=XW/ADMD= /DDA:ABCDEFGHI=x/", 0,
	    "DDA type \"ABCDEFGHI\" longer than 8 characters" },
	{ "/C=XW/ADMD= /DDA:A B=x/", 0, "invalid character in DDA type" },
	{ "/C=XW/ADMD= /DDA:A:B=x/", 0, "invalid character in DDA type" },
	{ "/C=XW/ADMD= /DDA:X=/", 0, "empty value for DDA:X" },
	{ "/C=XW/ADMD= /DDA:X=a@b/", 0, "invalid character '@' in value "
	    "of DDA:X" },
	{ "/C=XW/ADMD= /DDA:A=1/DDA:B=2/DDA:C=3/DDA:D=4/DDA:E=5/", 0,
	    "more than 4 domain-defined attributes" },
};

/* test_refused - every bad input fails with the expected message */
static void
test_refused(void)
{
	struct mmhs_oraddr addr;
	char err[256];
	size_t i;
	int rc;

	for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		strcpy(err, "(untouched)");
		rc = mmhs_oraddr_parse(refused[i].r_in, refused[i].r_flags,
		    &addr, err, sizeof(err));
		UNIT_CHECK(rc == -1, "\"%s\" accepted, want \"%s\"",
		    refused[i].r_in, refused[i].r_msg);
		UNIT_CHECK(rc == 0 || strstr(err, refused[i].r_msg) != NULL,
		    "\"%s\": message \"%s\", want \"%s\"", refused[i].r_in,
		    err, refused[i].r_msg);
	}
}

/* test_error_buffer - NULL, tiny and exact message buffers are safe */
static void
test_error_buffer(void)
{
	struct mmhs_oraddr addr;
	char err[8];

	CU_ASSERT_EQUAL(mmhs_oraddr_parse("x", 0, &addr, NULL, 0), -1);
	CU_ASSERT_EQUAL(mmhs_oraddr_parse("x", 0, &addr, err, 0), -1);
	memset(err, 'Z', sizeof(err));
	CU_ASSERT_EQUAL(mmhs_oraddr_parse("x", 0, &addr, err, 5), -1);
	CU_ASSERT_STRING_EQUAL(err, "miss");
	CU_ASSERT_EQUAL(err[5], 'Z');
	CU_ASSERT_EQUAL(mmhs_oraddr_parse(NULL, 0, &addr, err, sizeof(err)),
	    -1);
	CU_ASSERT_EQUAL(mmhs_oraddr_parse("/C=XW/ADMD= /", 0, NULL, err,
	    sizeof(err)), -1);
	strcpy(err, "old");
	CU_ASSERT_EQUAL(mmhs_oraddr_parse("/C=XW/ADMD= /", 0, &addr, err,
	    sizeof(err)), 0);
	CU_ASSERT_STRING_EQUAL(err, "");
}

/* ------------------------------------------------------------------ */
/* X.411 bounds: exactly at the bound is accepted, one more is refused */

static const struct bound {
	const char *b_key;		/* key as written */
	const char *b_name;		/* name in the message */
	const char *b_before;		/* attributes the key depends on */
	size_t	b_max;
	char	b_fill;
} bounds[] = {
	{ "C", "C", "/ADMD= /", MMHS_ORADDR_C_MAX, '7' },
	{ "ADMD", "ADMD", "/C=XW/", MMHS_ORADDR_ADMD_MAX, 'A' },
	{ "A", "ADMD", "/C=XW/", MMHS_ORADDR_ADMD_MAX, 'A' },
	{ "PRMD", "PRMD", "/C=XW/ADMD= /", MMHS_ORADDR_PRMD_MAX, 'P' },
	{ "O", "O", "/C=XW/ADMD= /", MMHS_ORADDR_O_MAX, 'O' },
	{ "OU1", "OU1", "/C=XW/ADMD= /", MMHS_ORADDR_OU_MAX, 'U' },
	{ "OU4", "OU4", "/C=XW/ADMD= /OU=1/OU=2/OU=3/", MMHS_ORADDR_OU_MAX,
	    'U' },
	{ "OU", "OU2", "/C=XW/ADMD= /OU=1/", MMHS_ORADDR_OU_MAX, 'U' },
	{ "S", "S", "/C=XW/ADMD= /", MMHS_ORADDR_S_MAX, 'S' },
	{ "G", "G", "/C=XW/ADMD= /S=X/", MMHS_ORADDR_G_MAX, 'G' },
	{ "I", "I", "/C=XW/ADMD= /S=X/", MMHS_ORADDR_I_MAX, 'I' },
	{ "Q", "GQ", "/C=XW/ADMD= /S=X/", MMHS_ORADDR_Q_MAX, 'Q' },
	{ "CN", "CN", "/C=XW/ADMD= /", MMHS_ORADDR_CN_MAX, 'N' },
	{ "DDA:RFC-822", "DDA:RFC-822", "/C=XW/ADMD= /",
	    MMHS_ORADDR_DDA_VALUE_MAX, 'd' },
	/* escapes count as one character each */
	{ "O", "O", "/C=XW/ADMD= /", MMHS_ORADDR_O_MAX, '/' },
	{ "DDA:X", "DDA:X", "/C=XW/ADMD= /", MMHS_ORADDR_DDA_VALUE_MAX, '$' },
};

/* t_bound_input - build prefix + key=value/ with n copies of fill */
static void
t_bound_input(const struct bound *b, size_t n, char *buf, size_t len)
{
	size_t pos, i;

	pos = (size_t) snprintf(buf, len, "%s%s=", b->b_before, b->b_key);
	for (i = 0; i < n && pos + 3 < len; i++) {
		if (b->b_fill == '/' || b->b_fill == '=' || b->b_fill == '$')
			buf[pos++] = '$';
		buf[pos++] = b->b_fill;
	}
	buf[pos++] = '/';
	buf[pos] = '\0';
}

/* test_bounds - each bound accepted exactly, refused one beyond */
static void
test_bounds(void)
{
	struct mmhs_oraddr addr, again;
	char in[1024], err[256], want[128], out[MMHS_ORADDR_STRLEN];
	size_t i;
	int rc;

	for (i = 0; i < sizeof(bounds) / sizeof(bounds[0]); i++) {
		t_bound_input(&bounds[i], bounds[i].b_max, in, sizeof(in));
		rc = mmhs_oraddr_parse(in, 0, &addr, err, sizeof(err));
		UNIT_CHECK(rc == 0, "%s at %zu chars refused: %s",
		    bounds[i].b_key, bounds[i].b_max, err);
		if (rc == 0) {
			mmhs_oraddr_format(&addr, out, sizeof(out));
			UNIT_CHECK(mmhs_oraddr_parse(out, 0, &again, err,
			    sizeof(err)) == 0 && mmhs_oraddr_equal(&addr,
			    &again), "%s at bound: \"%s\" does not reparse",
			    bounds[i].b_key, out);
		}
		t_bound_input(&bounds[i], bounds[i].b_max + 1, in, sizeof(in));
		rc = mmhs_oraddr_parse(in, 0, &addr, err, sizeof(err));
		snprintf(want, sizeof(want), "value of %s longer than %zu "
		    "characters", bounds[i].b_name, bounds[i].b_max);
		UNIT_CHECK(rc == -1 && strstr(err, want) != NULL,
		    "%s at %zu chars: rc %d \"%s\", want \"%s\"",
		    bounds[i].b_key, bounds[i].b_max + 1, rc, err, want);
	}
}

/* test_dda_type_bound - an 8-character DDA type is the longest allowed */
static void
test_dda_type_bound(void)
{
	struct mmhs_oraddr addr;
	char err[256];

	CU_ASSERT_EQUAL(mmhs_oraddr_parse("/C=XW/ADMD= /DDA:ABCDEFGH=x/", 0,
	    &addr, err, sizeof(err)), 0);
	CU_ASSERT_STRING_EQUAL(addr.oa_dda[0].od_type, "ABCDEFGH");
	CU_ASSERT_EQUAL(mmhs_oraddr_parse("/C=XW/ADMD= /DDA:ABCDEFGHI=x/", 0,
	    &addr, err, sizeof(err)), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "longer than 8 characters"));
}

/* t_fill - n copies of c, escaped, into buf */
static char *
t_fill(char *buf, int c, size_t n)
{
	size_t i, pos = 0;

	for (i = 0; i < n; i++) {
		buf[pos++] = '$';
		buf[pos++] = (char) c;
	}
	buf[pos] = '\0';
	return buf;
}

/* test_largest - every field full of escapes fits MMHS_ORADDR_STRLEN */
static void
test_largest(void)
{
	struct mmhs_oraddr a, b;
	/* 16 values of up to 299 bytes and the keys: sized so that gcc
	 * can see snprintf cannot truncate */
	char in[16 * 300 + 256], out[MMHS_ORADDR_STRLEN], v[7][300];
	int n;

	snprintf(in, sizeof(in), "/C=123/ADMD=%s/PRMD=%s/O=%s/OU1=%s/OU2=%s"
	    "/OU3=%s/OU4=%s/S=%s/G=%s/I=%s/GQ=%s/CN=%s/DDA:AAAAAAA1=%s"
	    "/DDA:AAAAAAA2=%s/DDA:AAAAAAA3=%s/DDA:AAAAAAA4=%s/",
	    t_fill(v[0], '$', 16), v[0], t_fill(v[1], '/', 64),
	    t_fill(v[2], '=', 32), v[2], v[2], v[2], t_fill(v[3], '$', 40),
	    v[0], t_fill(v[4], '/', 5), t_fill(v[5], '=', 3), v[1],
	    t_fill(v[6], '$', 128), v[6], v[6], v[6]);
	if (t_parse(in, 0, &a, __LINE__) < 0)
		return;
	n = mmhs_oraddr_format(&a, out, sizeof(out));
	CU_ASSERT(n > 0 && n < MMHS_ORADDR_STRLEN);
	CU_ASSERT_STRING_EQUAL(out, in);
	if (t_parse(out, 0, &b, __LINE__) < 0)
		return;
	CU_ASSERT(mmhs_oraddr_equal(&a, &b));
	CU_ASSERT_EQUAL(mmhs_oraddr_specificity(&a), 17);
}

/* ------------------------------------------------------------------ */
/* Formatter buffer handling */

/* test_format_buffer - exact fit works, one byte less fails */
static void
test_format_buffer(void)
{
	struct mmhs_oraddr addr;
	char out[MMHS_ORADDR_STRLEN];
	size_t need = strlen(EXAMPLE);

	if (t_parse(EXAMPLE, 0, &addr, __LINE__) < 0)
		return;
	CU_ASSERT_EQUAL(mmhs_oraddr_format(&addr, out, need + 1),
	    (int) need);
	CU_ASSERT_STRING_EQUAL(out, EXAMPLE);
	memset(out, 'Z', sizeof(out));
	CU_ASSERT_EQUAL(mmhs_oraddr_format(&addr, out, need), -1);
	CU_ASSERT_EQUAL(out[need - 1], '\0');
	CU_ASSERT_EQUAL(out[need], 'Z');
	CU_ASSERT_EQUAL(mmhs_oraddr_format(&addr, out, 1), -1);
	CU_ASSERT_EQUAL(out[0], '\0');
	CU_ASSERT_EQUAL(mmhs_oraddr_format(&addr, out, 0), -1);
	CU_ASSERT_EQUAL(mmhs_oraddr_format(&addr, NULL, 10), -1);
	CU_ASSERT_EQUAL(mmhs_oraddr_format(NULL, out, sizeof(out)), -1);
	memset(&addr, 0, sizeof(addr));
	CU_ASSERT_EQUAL(mmhs_oraddr_format(&addr, out, sizeof(out)), 1);
	CU_ASSERT_STRING_EQUAL(out, "/");
}

/* ------------------------------------------------------------------ */
/* Routing comparisons */

static const struct prefix_case {
	const char *p_prefix;		/* parsed as a pattern */
	const char *p_addr;
	int	p_match;
} prefix_cases[] = {
	{ "/C=XX/ADMD= /PRMD=NATO/", "/C=XX/ADMD= /PRMD=NATO/O=HQ/S=X/", 1 },
	{ "/C=XX/ADMD= /PRMD=NATO/", "/C=XX/ADMD= /PRMD=MOD/O=HQ/", 0 },
	{ "/C=XX/ADMD= /PRMD=NATO/", "/C=XX/ADMD= /O=HQ/", 0 },
	{ "/C=XX/ADMD= /PRMD=NATO/", "/C=YY/ADMD= /PRMD=NATO/", 0 },
	{ "/PRMD=nato/", "/C=XX/ADMD= /PRMD=NATO/", 1 },
	{ "/PRMD=nato/", "/C=YY/ADMD=BT/PRMD=Nato/S=X/", 1 },
	{ "/C=xx/ADMD= /", "/C=XX/ADMD=   /PRMD=X/", 1 },
	{ "/C=XX/ADMD=BT/", "/C=XX/ADMD= /", 0 },
	{ "/C=XX/ADMD= /", "/C=XX/ADMD=BT/", 0 },
	{ "/O=DEFENCE/OU1=JFC/", EXAMPLE, 1 },
	{ "/O=DEFENCE/OU1=JFC/OU2=J3/", EXAMPLE, 1 },
	{ "/O=DEFENCE/OU1=J3/", EXAMPLE, 0 },
	{ "/O=DEFENCE/OU1=JFC/OU2=J3/OU3=X/", EXAMPLE, 0 },
	{ "/DDA:RFC-822=john(a)x.example/", EXAMPLE, 1 },
	{ "/dda:rfc-822=JOHN(A)X.EXAMPLE/", EXAMPLE, 1 },
	{ "/DDA:RFC-822=jane(a)x.example/", EXAMPLE, 0 },
	{ "/DDA:ACP-PLAD=HQ/", EXAMPLE, 0 },
	{ "/S=SMITH/G=JOHN/", EXAMPLE, 1 },
	{ "/S=SMITH/G=JANE/", EXAMPLE, 0 },
	{ "/S=SMITH/Q=JR/", EXAMPLE, 0 },
	{ "/O=Big Org/", "/C=XW/ADMD= /O=  big   ORG /", 1 },
	{ "/O=BigOrg/", "/C=XW/ADMD= /O=Big Org/", 0 },
	{ "/O=Big/", "/C=XW/ADMD= /O=Big Org/", 0 },
	{ "/CN=OPS OFFICER/", EXAMPLE, 1 },
	{ EXAMPLE, EXAMPLE, 1 },
	{ EXAMPLE, "/C=XW/ADMD= /PRMD=MOD/", 0 },
};

/* test_prefix_match - routing prefixes match attribute by attribute */
static void
test_prefix_match(void)
{
	struct mmhs_oraddr prefix, addr;
	size_t i;
	int got;

	for (i = 0; i < sizeof(prefix_cases) / sizeof(prefix_cases[0]); i++) {
		if (t_parse(prefix_cases[i].p_prefix, PAT, &prefix,
		    __LINE__) < 0 ||
		    t_parse(prefix_cases[i].p_addr, 0, &addr, __LINE__) < 0)
			continue;
		got = mmhs_oraddr_prefix_match(&prefix, &addr);
		UNIT_CHECK(got == prefix_cases[i].p_match,
		    "prefix \"%s\" vs \"%s\": %d, want %d",
		    prefix_cases[i].p_prefix, prefix_cases[i].p_addr, got,
		    prefix_cases[i].p_match);
	}
	CU_ASSERT_EQUAL(mmhs_oraddr_prefix_match(NULL, &addr), 0);
	CU_ASSERT_EQUAL(mmhs_oraddr_prefix_match(&addr, NULL), 0);
}

static const struct spec_case {
	const char *s_in;
	int	s_flags;
	int	s_count;
} spec_cases[] = {
	{ EXAMPLE, 0, 11 },
	{ "/C=XW/ADMD= /", 0, 2 },
	{ "/PRMD=NATO/", PAT, 1 },
	{ "/C=XX/ADMD= /PRMD=NATO/", PAT, 3 },
	{ "/C=XW/ADMD= /OU=A/OU=B/OU=C/OU=D/", 0, 6 },
	{ "/C=XW/ADMD= /DDA:A=1/DDA:B=2/DDA:C=3/DDA:D=4/", 0, 6 },
	{ "/C=XW/ADMD= /S=X/G=Y/I=Z/Q=JR/CN=X Y/", 0, 7 },
};

/* test_specificity - count of attributes present */
static void
test_specificity(void)
{
	struct mmhs_oraddr addr;
	size_t i;
	int got;

	for (i = 0; i < sizeof(spec_cases) / sizeof(spec_cases[0]); i++) {
		if (t_parse(spec_cases[i].s_in, spec_cases[i].s_flags, &addr,
		    __LINE__) < 0)
			continue;
		got = mmhs_oraddr_specificity(&addr);
		UNIT_CHECK(got == spec_cases[i].s_count, "\"%s\": %d, want %d",
		    spec_cases[i].s_in, got, spec_cases[i].s_count);
	}
	CU_ASSERT_EQUAL(mmhs_oraddr_specificity(NULL), 0);
}

/* test_most_specific_route - the routing use: longest matching prefix */
static void
test_most_specific_route(void)
{
	static const char *routes[] = {
		"/C=XW/",
		"/C=XW/ADMD= /PRMD=MOD/",
		"/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=JFC/",
		"/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=NAVY/",
		"/C=XX/ADMD= /PRMD=NATO/",
	};
	static const struct {
		const char *addr;
		int	route;
	} want[] = {
		{ EXAMPLE, 2 },
		{ "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=NAVY/S=X/", 3 },
		{ "/C=XW/ADMD= /PRMD=MOD/O=RAF/", 1 },
		{ "/C=XW/ADMD=BT/", 0 },
		{ "/C=XX/ADMD= /PRMD=NATO/O=SHAPE/", 4 },
		{ "/C=XY/ADMD= /", -1 },
	};
	struct mmhs_oraddr route, addr;
	size_t r, i;
	int best, best_spec, spec;

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		if (t_parse(want[i].addr, 0, &addr, __LINE__) < 0)
			continue;
		best = -1;
		best_spec = -1;
		for (r = 0; r < sizeof(routes) / sizeof(routes[0]); r++) {
			if (t_parse(routes[r], PAT, &route, __LINE__) < 0)
				continue;
			spec = mmhs_oraddr_specificity(&route);
			if (mmhs_oraddr_prefix_match(&route, &addr) &&
			    spec > best_spec) {
				best = (int) r;
				best_spec = spec;
			}
		}
		UNIT_CHECK(best == want[i].route,
		    "\"%s\" routed by %d, want %d", want[i].addr, best,
		    want[i].route);
	}
}

static const struct equal_case {
	const char *e_a;
	const char *e_b;
	int	e_equal;
} equal_cases[] = {
	{ EXAMPLE, EXAMPLE, 1 },
	{ EXAMPLE, "/dda:rfc-822=JOHN(A)X.EXAMPLE/cn=ops  officer/i=k/g=john"
	    "/s=smith/ou=jfc/ou=j3/o=defence/p=mod/a=   /c=xw/", 1 },
	{ "/C=XW/ADMD= /S=SMITH/", "/C=xw/ADMD=   /S=smith/", 1 },
	{ "/C=XW/ADMD= /O=Big Org/", "/C=XW/ADMD= /O=Big  Org/", 1 },
	{ "/C=XW/ADMD= /O=Big Org/", "/C=XW/ADMD= /O= Big Org  /", 1 },
	{ "/C=XW/ADMD= /O=Big Org/", "/C=XW/ADMD= /O=BigOrg/", 0 },
	{ "/C=XW/ADMD= /O=Big Org/", "/C=XW/ADMD= /O=Big Org2/", 0 },
	{ "/C=XW/ADMD= /O=Big/", "/C=XW/ADMD= /O=Big Org/", 0 },
	{ "/C=XW/ADMD= /", "/C=XW/ADMD= /PRMD=X/", 0 },
	{ "/C=XW/ADMD= /PRMD=X/", "/C=XW/ADMD= /", 0 },
	{ "/C=XW/ADMD= /", "/C=XW/ADMD=BT/", 0 },
	{ "/C=XW/ADMD= /OU1=A/OU2=B/", "/C=XW/ADMD= /OU1=B/OU2=A/", 0 },
	{ "/C=XW/ADMD= /DDA:A=1/DDA:B=2/", "/C=XW/ADMD= /DDA:B=2/DDA:A=1/",
	    1 },
	{ "/C=XW/ADMD= /DDA:A=1/", "/C=XW/ADMD= /DD.a=1/", 1 },
	{ "/C=XW/ADMD= /DDA:A=1/", "/C=XW/ADMD= /DDA:A=2/", 0 },
	{ "/C=XW/ADMD= /DDA:A=1/", "/C=XW/ADMD= /DDA:B=1/", 0 },
	{ "/C=XW/ADMD= /DDA:A=1/", "/C=XW/ADMD= /DDA:A=1/DDA:B=1/", 0 },
	{ "/C=XW/ADMD= /S=X/G=A/", "/C=XW/ADMD= /S=X/I=A/", 0 },
	{ "/C=XW/ADMD= /O=A$/B/", "/C=XW/ADMD= /O=a$/b/", 1 },
	{ "/C=XW/ADMD= /O=A$/B/", "/C=XW/ADMD= /O=A$=B/", 0 },
};

/* test_equal - oRAddressMatch: case and insignificant spaces ignored */
static void
test_equal(void)
{
	struct mmhs_oraddr a, b;
	size_t i;
	int ab, ba;

	for (i = 0; i < sizeof(equal_cases) / sizeof(equal_cases[0]); i++) {
		if (t_parse(equal_cases[i].e_a, 0, &a, __LINE__) < 0 ||
		    t_parse(equal_cases[i].e_b, 0, &b, __LINE__) < 0)
			continue;
		ab = mmhs_oraddr_equal(&a, &b);
		ba = mmhs_oraddr_equal(&b, &a);
		UNIT_CHECK(ab == equal_cases[i].e_equal && ba == ab,
		    "\"%s\" == \"%s\": %d/%d, want %d", equal_cases[i].e_a,
		    equal_cases[i].e_b, ab, ba, equal_cases[i].e_equal);
	}
}

/* ------------------------------------------------------------------ */

static const struct unit_test parse_tests[] = {
	{ "golden input -> canonical", test_golden },
	{ "parse/format round trip", test_round_trip },
	{ "values land in their fields", test_fields },
	{ "refused inputs and messages", test_refused },
	{ "error buffer handling", test_error_buffer },
	{ "X.411 bounds per attribute", test_bounds },
	{ "DDA type bound", test_dda_type_bound },
	{ "largest address fits", test_largest },
	{ "format buffer sizes", test_format_buffer },
};

static const struct unit_test route_tests[] = {
	{ "prefix match", test_prefix_match },
	{ "specificity", test_specificity },
	{ "most specific route wins", test_most_specific_route },
	{ "equality (oRAddressMatch)", test_equal },
};

static const struct unit_suite suites[] = {
	UNIT_SUITE("oraddr parse/format", parse_tests),
	UNIT_SUITE("oraddr routing", route_tests),
};

int
main(void)
{
	return unit_main(suites, sizeof(suites) / sizeof(suites[0]));
}
