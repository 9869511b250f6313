/* test_mmhs.c - CUnit tests for the RFC 6477 / RFC 7444 header fields
 *
 * Purpose: each field's grammar with accepted and refused values and
 * the exact error text (tables); whole header blocks from golden files
 * (tests/unit/data/mmhs/NAME.eml -> NAME.ref: the parsed fields, or the
 * first error), read with the mmhs_msg parser in headers-only mode as
 * the MTA does.
 *
 * Interface: run without arguments; golden files under
 * $srcdir/tests/unit/data/mmhs, else next to the binary; MMHS_REGEN=1
 * rewrites the .ref files for review.
 *
 * Error behaviour: exits 1 when any assertion fails.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#include "mmhs_alloc.h"
#include "mmhs_mmhs.h"
#include "mmhs_msg.h"

int main(int, char **);

static char t_datadir[1024];

/* One value: NULL error means accepted. */
static const struct t_val {
	const char *v_name;
	const char *v_value;
	const char *v_error;
} t_vals[] = {
	{ "MMHS-Primary-Precedence", "flash", NULL },
	{ "MMHS-Primary-Precedence", "4 (flash)", NULL },
	{ "MMHS-Primary-Precedence", "9", "MMHS-Primary-Precedence: \"9\": "
	    "precedence 9 is reserved for NATO-defined levels" },
	{ "MMHS-Copy-Precedence", "urgent", "MMHS-Copy-Precedence: "
	    "\"urgent\": unknown precedence name \"urgent\"" },
	{ "MMHS-Copy-Precedence", "07", "MMHS-Copy-Precedence: \"07\": "
	    "leading zero in precedence number" },
	{ "MMHS-Message-Type", "exercise", NULL },
	{ "MMHS-Message-Type", "DRILL (practice) ; identifier = \"D-DAY 2\"",
	    NULL },
	{ "MMHS-Message-Type", "200", NULL },
	{ "MMHS-Message-Type", "256", "MMHS-Message-Type: \"256\": message "
	    "type 256 is not in 0..255 (0-127 NATO, 128-255 national)" },
	{ "MMHS-Message-Type", "war", "MMHS-Message-Type: \"war\": not a "
	    "number nor exercise, operation, project or drill" },
	{ "MMHS-Message-Type", "1; identifier=OPX", "MMHS-Message-Type: "
	    "\"1; identifier=OPX\": the identifier must be a quoted military "
	    "string" },
	{ "MMHS-Message-Type", "1; id=\"X\"", "MMHS-Message-Type: \"1; id=?X?"
	    "\": only the parameter identifier=\"...\" may follow \";\"" },
	{ "MMHS-Subject-Indicator-Codes", "SDM; KKZ ; BRL", NULL },
	{ "MMHS-Subject-Indicator-Codes", "ABCDEFGH", NULL },
	{ "MMHS-Subject-Indicator-Codes", "AB", "MMHS-Subject-Indicator-Codes: "
	    "\"AB\": a SIC has 3 to 8 characters, not 2" },
	{ "MMHS-Subject-Indicator-Codes", "SDM; ABCDEFGHI",
	    "MMHS-Subject-Indicator-Codes: \"SDM; ABCDEFGHI\": a SIC has 3 to "
	    "8 characters, not 9" },
	{ "MMHS-Subject-Indicator-Codes", "SDM;;KKZ",
	    "MMHS-Subject-Indicator-Codes: \"SDM;;KKZ\": empty SIC in the list "
	    "(item 2)" },
	{ "MMHS-Subject-Indicator-Codes", "SD_M", "MMHS-Subject-Indicator-"
	    "Codes: \"SD_M\": character '_' (0x5f) is not allowed in a SIC "
	    "(PrintableString only)" },
	{ "MMHS-Handling-Instructions", "RXFPA ZOV MINDEF", NULL },
	{ "MMHS-Message-Instructions", "MINIMIZE CONSIDERED; NO DISTRIBUTION",
	    NULL },
	{ "MMHS-Message-Instructions", "NO DISTRIBUTION!",
	    "MMHS-Message-Instructions: \"NO DISTRIBUTION!\": character '!' "
	    "(0x21) is not allowed in a military string (PrintableString "
	    "only)" },
	{ "MMHS-Codress-Message-Indicator", "0", NULL },
	{ "MMHS-Codress-Message-Indicator", "-1",
	    "MMHS-Codress-Message-Indicator: \"-1\": a number is expected" },
	{ "MMHS-Codress-Message-Indicator", "1234567890",
	    "MMHS-Codress-Message-Indicator: \"1234567890\": number too large" },
	{ "MMHS-Originator-Reference", "SJ10/41/ORD", NULL },
	{ "MMHS-Originator-Reference", "0123456789012345678901234567890123456"
	    "789012345678901234567890123456789", "MMHS-Originator-Reference: "
	    "\"01234567890123456789012345678901234567890123...\": a military "
	    "string has 1 to 69 characters, not 70" },
	{ "MMHS-Originator-PLAD", "SACLANT", NULL },
	{ "MMHS-Originator-PLAD", "", "MMHS-Originator-PLAD: \"\": empty "
	    "value" },
	{ "MMHS-Acp127-Message-Identifier", "RFHAAB 0041 2251015", NULL },
	{ "MMHS-Other-Recipients-Indicator-To", "CTF 150; CTF 151", NULL },
	{ "MMHS-Other-Recipients-Indicator-CC", "CTF 150;", "MMHS-Other-"
	    "Recipients-Indicator-CC: \"CTF 150;\": empty designator in the "
	    "list (item 2)" },
	{ "MMHS-Extended-Authorisation-Info", "Mon, 09 Aug 2010 15:27:40 +0100",
	    NULL },
	{ "MMHS-Extended-Authorisation-Info", "9 Aug 2010 15:27 -0500", NULL },
	{ "MMHS-Extended-Authorisation-Info", "Tue, 09 Aug 2010 15:27:40 +0100",
	    "MMHS-Extended-Authorisation-Info: \"Tue, 09 Aug 2010 15:27:40 "
	    "+0100\": Tue is not the day of the week of that date (Mon)" },
	{ "MMHS-Extended-Authorisation-Info", "30 Feb 2010 10:00 +0000",
	    "MMHS-Extended-Authorisation-Info: \"30 Feb 2010 10:00 +0000\": "
	    "date or time out of range" },
	{ "MMHS-Extended-Authorisation-Info", "2010-08-09T15:27:40Z",
	    "MMHS-Extended-Authorisation-Info: \"2010-08-09T15:27:40Z\": not "
	    "an RFC 5322 date-time (\"[Day,] DD Mon YYYY HH:MM[:SS] +ZZZZ\")" },
	{ "MMHS-Exempted-Address", "UK SHL CGT Samuals G <graham.samuals@shl."
	    "example.com>, UK SHL Duty Officer <duty@shl.example.com>", NULL },
	{ "MMHS-Exempted-Address", "duty@shl.example.com, \"Doe, J\" "
	    "<j.doe@x.example>", NULL },
	{ "MMHS-Exempted-Address", "Duty Officer", "MMHS-Exempted-Address: "
	    "\"Duty Officer\": \"Duty Officer\" is not a mailbox (RFC 5322 "
	    "name-addr or addr-spec)" },
	{ "MMHS-Exempted-Address", "Staff: a@b.example;",
	    "MMHS-Exempted-Address: \"Staff: a@b.example;\": address groups "
	    "are not supported" },
	{ "SIO-Label", "marking=\"EXAMPLE CONFIDENTIAL\"; fgcolor=black; "
	    "bgcolor=red; type=\":ess\"; label=\"MQYGASkCAQM=\"", NULL },
	{ "SIO-Label", "marking*=us-ascii'en'EXAMPLE%20CONFIDENTIAL; "
	    "fgcolor = black ; bgcolor = red ; type=\":ess\"; label*0=\"MQYG\"; "
	    "label*1=\"ASkCAQM=\"", NULL },
	{ "SIO-Label", "type=\":xml\"; label*0=\"PFNlY0xhYmVs\"; "
	    "label*1=\"Lz4=\";", NULL },
	{ "SIO-Label", "fgcolor=red", "SIO-Label: \"fgcolor=red\": a marking, "
	    "or both type and label, must be given" },
	{ "SIO-Label", "marking=\"S\"; type=\":ess\"", "SIO-Label: "
	    "\"marking=?S?; type=?:ess?\": type and label go together" },
	{ "SIO-Label", "marking=\"S\"; fgcolor=pink", "SIO-Label: \"marking=?S?"
	    "; fgcolor=pink\": fgcolor \"pink\" is neither \"#\" and 6 hex "
	    "digits nor a named colour" },
	{ "SIO-Label", "type=\":ess\"; label=\"MQYGASkCAQ=\"", "SIO-Label: "
	    "\"type=?:ess?; label=?MQYGASkCAQ=?\": label is not base64 (or "
	    "longer than 8192 octets)" },
	{ "SIO-Label", "type=\":ess\"; label=\"MAYGASkCAQM=\"", "SIO-Label: "
	    "\"type=?:ess?; label=?MAYGASkCAQM=?\": label of type \":ess\" is "
	    "not one DER-encoded SET" },
	{ "SIO-Label", "marking=\"A\"; marking=\"B\"", "SIO-Label: \"marking="
	    "?A?; marking=?B?\": parameter \"marking\" given twice" },
	{ "SIO-Label", "type=\":ess\"; label*0=\"MQYG\"; label*2=\"AQM=\"",
	    "SIO-Label: \"type=?:ess?; label*0=?MQYG?; label*2=?AQM=?\": "
	    "parameter \"label\": section 1 missing" },
	{ "SIO-Label", "marking=\"S\" x", "SIO-Label: \"marking=?S? x\": "
	    "\";\" expected between parameters" },
};

/* test_values - each field's grammar, exact errors */
static void
test_values(void)
{
	const struct t_val *v;
	char	err[MMHS_MMHS_ERR_LEN];
	size_t	i;
	int	rc;

	for (i = 0; i < sizeof(t_vals) / sizeof(t_vals[0]); i++) {
		v = &t_vals[i];
		err[0] = '\0';
		rc = mmhs_mmhs_validate(v->v_name, v->v_value, err, sizeof(err));
		if (v->v_error == NULL)
			UNIT_CHECK(rc == 0, "%s: %s refused: %s", v->v_name,
			    v->v_value, err);
		else
			UNIT_CHECK(rc < 0 && strcmp(err, v->v_error) == 0,
			    "%s: %s: got [%s]", v->v_name, v->v_value,
			    rc < 0 ? err : "accepted");
	}
}

/* test_label_bytes - the DER label is kept as bytes */
static void
test_label_bytes(void)
{
	static const unsigned char der[] = {
		0x31, 0x06, 0x06, 0x01, 0x29, 0x02, 0x01, 0x03
	};
	struct mmhs_siolabel sl;
	char	err[MMHS_MMHS_ERR_LEN];

	UNIT_CHECK(mmhs_siolabel_parse("marking*=us-ascii'en'NATO%20SECRET; "
	    "type=\":ess\"; label*0=\"MQYG\"; label*1=\"ASkCAQM=\"", &sl, err,
	    sizeof(err)) == 0, "refused: %s", err);
	UNIT_CHECK(sl.sl_label_len == sizeof(der) && memcmp(sl.sl_label, der,
	    sizeof(der)) == 0, "label bytes differ");
	UNIT_CHECK(sl.sl_marking != NULL && strcmp(sl.sl_marking,
	    "NATO SECRET") == 0, "marking %s",
	    sl.sl_marking != NULL ? sl.sl_marking : "NULL");
	UNIT_CHECK(strcmp(sl.sl_type, ":ess") == 0, "type %s", sl.sl_type);
	mmhs_siolabel_free(&sl);
}

/* test_block - duplicates, the 3.8/3.9 presence rules, precedence */
static void
test_block(void)
{
	struct mmhs_mmhs mm;
	char	err[MMHS_MMHS_ERR_LEN];

	mmhs_mmhs_init(&mm);
	UNIT_CHECK(mmhs_mmhs_add(&mm, "To", "a@b.example", err,
	    sizeof(err)) == 1, "To is not ours");
	UNIT_CHECK(mmhs_mmhs_add(&mm, "mmhs-copy-precedence", "flash", err,
	    sizeof(err)) == 0, "copy refused: %s", err);
	UNIT_CHECK(mmhs_mmhs_add(&mm, "MMHS-Copy-Precedence", "routine", err,
	    sizeof(err)) == -1 && strcmp(err, "MMHS-Copy-Precedence: the field "
	    "appears more than once") == 0, "duplicate: %s", err);
	UNIT_CHECK(mmhs_mmhs_check(&mm, err, sizeof(err)) == -1 && strcmp(err,
	    "MMHS-Primary-Precedence: missing; RFC 6477 3.8 requires it when "
	    "there are To: recipients") == 0, "check: %s", err);
	UNIT_CHECK(mmhs_mmhs_precedence(&mm) == MMHS_PREC_FLASH,
	    "copy precedence not used without a primary one");
	UNIT_CHECK(mmhs_mmhs_add(&mm, "MMHS-Primary-Precedence", "2", err,
	    sizeof(err)) == 0, "primary refused: %s", err);
	UNIT_CHECK(mmhs_mmhs_check(&mm, err, sizeof(err)) == 0, "check: %s",
	    err);
	UNIT_CHECK(mmhs_mmhs_precedence(&mm) == MMHS_PREC_PRIORITY, "primary "
	    "precedence not used");
	mmhs_mmhs_free(&mm);
	UNIT_CHECK(mmhs_mmhs_add(&mm, "Cc", "x@y.example", err,
	    sizeof(err)) == 1 && mmhs_mmhs_check(&mm, err, sizeof(err)) == 0,
	    "informal message refused: %s", err);
	mmhs_mmhs_free(&mm);
}

/* Reading one golden message. */
struct t_msg {
	struct mmhs_mmhs m_mm;
	char	m_err[MMHS_MMHS_ERR_LEN];
	int	m_failed;
};

/* t_header - give each top-level field to mmhs_mmhs, as the MTA does */
static int
t_header(void *ctx, const struct mmhs_msg_event *ev)
{
	struct t_msg *m = ctx;

	if (ev->ev_type != MMHS_MSG_EV_HEADER || ev->ev_depth != 0)
		return 0;
	if (mmhs_mmhs_add(&m->m_mm, ev->ev_name, ev->ev_value, m->m_err,
	    sizeof(m->m_err)) < 0) {
		m->m_failed = 1;
		return 1;
	}
	return 0;
}

/* t_list - "a|b|c" into out */
static void
t_list(FILE *out, const char *what, const struct mmhs_mmhs_list *l)
{
	size_t	i;

	if (l->ml_count == 0)
		return;
	fprintf(out, "%s", what);
	for (i = 0; i < l->ml_count; i++)
		fprintf(out, "%s%s", i ? "|" : " ", l->ml_items[i]);
	fprintf(out, "\n");
}

/* t_dump - the parsed fields as text */
static void
t_dump(FILE *out, const struct mmhs_mmhs *mm)
{
	const struct mmhs_siolabel *sl = &mm->mm_label;
	unsigned p = mm->mm_present;
	size_t	i;

	if (p & (1u << MMHS_F_PRIMARY_PREC))
		fprintf(out, "primary %s\n", mmhs_precedence_name(mm->mm_primary));
	if (p & (1u << MMHS_F_COPY_PREC))
		fprintf(out, "copy %s\n", mmhs_precedence_name(mm->mm_copy));
	if (p & (1u << MMHS_F_MSG_TYPE))
		fprintf(out, "type %u%s%s%s\n", mm->mm_type.mt_type,
		    mm->mm_type.mt_has_id ? " id=\"" : "", mm->mm_type.mt_id,
		    mm->mm_type.mt_has_id ? "\"" : "");
	if (p & (1u << MMHS_F_EXT_AUTH_INFO))
		fprintf(out, "authorised %lld\n", (long long) mm->mm_auth_time);
	if (p & (1u << MMHS_F_CODRESS))
		fprintf(out, "codress %lu\n", mm->mm_codress);
	if (p & (1u << MMHS_F_ORIG_REF))
		fprintf(out, "orig-ref %s\n", mm->mm_orig_ref);
	if (p & (1u << MMHS_F_ACP127_ID))
		fprintf(out, "acp127-id %s\n", mm->mm_acp127_id);
	if (p & (1u << MMHS_F_PLAD))
		fprintf(out, "plad %s\n", mm->mm_plad);
	t_list(out, "exempted", &mm->mm_exempted);
	t_list(out, "sics", &mm->mm_sics);
	t_list(out, "handling", &mm->mm_handling);
	t_list(out, "instructions", &mm->mm_instructions);
	t_list(out, "ori-to", &mm->mm_ori_to);
	t_list(out, "ori-cc", &mm->mm_ori_cc);
	if (p & (1u << MMHS_F_SIO_LABEL)) {
		fprintf(out, "label marking=%s fg=%s bg=%s type=%s bytes=",
		    sl->sl_marking ? sl->sl_marking : "-", sl->sl_fgcolor,
		    sl->sl_bgcolor, sl->sl_type ? sl->sl_type : "-");
		for (i = 0; i < sl->sl_label_len && i < 32; i++)
			fprintf(out, "%02x", sl->sl_label[i]);
		fprintf(out, "\n");
	}
	fprintf(out, "effective %s mt-priority %d\n",
	    mmhs_precedence_name(mmhs_mmhs_precedence(mm)),
	    mmhs_precedence_to_mt_priority(mmhs_mmhs_precedence(mm)));
}

/* t_read - a whole file into a NUL-terminated buffer, or NULL */
static char *
t_read(const char *path, size_t *len)
{
	FILE   *fp = fopen(path, "rb");
	char   *buf;
	long	n;

	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = mmhs_malloc((size_t) n + 1);
	*len = fread(buf, 1, (size_t) n, fp);
	buf[*len] = '\0';
	fclose(fp);
	return buf;
}

/* t_golden_one - one .eml against its .ref; 1 accepted, 2 refused */
static int
t_golden_one(const char *name)
{
	struct mmhs_msg_limits lim = { 0, 0, 0, 0, 1 };
	struct mmhs_msg_parser *mp;
	struct t_msg m;
	char	path[2048], *eml, *got, *ref;
	size_t	elen, glen, rlen;
	FILE   *out;
	int	ok;

	snprintf(path, sizeof(path), "%s/%s.eml", t_datadir, name);
	if ((eml = t_read(path, &elen)) == NULL)
		return 0;
	memset(&m, 0, sizeof(m));
	mmhs_mmhs_init(&m.m_mm);
	mp = mmhs_msg_parser_new(&lim, t_header, &m);
	ok = mmhs_msg_feed(mp, eml, elen) == 0 && mmhs_msg_finish(mp) == 0 &&
	    mmhs_mmhs_check(&m.m_mm, m.m_err, sizeof(m.m_err)) == 0;
	out = open_memstream(&got, &glen);
	if (ok)
		t_dump(out, &m.m_mm);
	else
		fprintf(out, "ERROR %s\n", m.m_failed || m.m_err[0] ? m.m_err :
		    mmhs_msg_error(mp));
	fclose(out);
	snprintf(path, sizeof(path), "%s/%s.ref", t_datadir, name);
	if (getenv("MMHS_REGEN") != NULL && (out = fopen(path, "w")) != NULL) {
		fputs(got, out);
		fclose(out);
	}
	ref = t_read(path, &rlen);
	UNIT_CHECK(ref != NULL && strcmp(ref, got) == 0, "%s: got\n%s", name,
	    got);
	mmhs_msg_parser_free(mp);
	mmhs_mmhs_free(&m.m_mm);
	free(got);
	mmhs_free(ref);
	mmhs_free(eml);
	return ok ? 1 : 2;
}

/* t_cmp - qsort of names */
static int
t_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* test_golden - every .eml under data/mmhs */
static void
test_golden(void)
{
	DIR    *d = opendir(t_datadir);
	struct dirent *de;
	char   *names[256];
	size_t	n = 0, i, len;
	int	good = 0, bad = 0, rc;

	UNIT_CHECK(d != NULL, "cannot open %s", t_datadir);
	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL && n < 256) {
		len = strlen(de->d_name);
		if (len > 4 && strcmp(de->d_name + len - 4, ".eml") == 0)
			names[n++] = mmhs_strndup(de->d_name, len - 4);
	}
	closedir(d);
	qsort(names, n, sizeof(names[0]), t_cmp);
	for (i = 0; i < n; i++) {
		rc = t_golden_one(names[i]);
		good += rc == 1;
		bad += rc == 2;
		mmhs_free(names[i]);
	}
	printf("\n  golden: %d accepted, %d refused\n", good, bad);
	UNIT_CHECK(good >= 5 && bad >= 5, "too few golden files: %d/%d", good,
	    bad);
}

/* t_find_data - the golden directory */
static void
t_find_data(const char *argv0)
{
	const char *src = getenv("srcdir"), *slash = strrchr(argv0, '/');
	char	bindir[900];
	DIR    *d;

	if (src != NULL) {
		snprintf(t_datadir, sizeof(t_datadir),
		    "%s/tests/unit/data/mmhs", src);
		return;
	}
	snprintf(bindir, sizeof(bindir), "%.*s",
	    slash != NULL ? (int) (slash - argv0) : 1,
	    slash != NULL ? argv0 : ".");
	snprintf(t_datadir, sizeof(t_datadir), "%s/data/mmhs", bindir);
	if ((d = opendir(t_datadir)) != NULL) {
		closedir(d);
		return;
	}
	snprintf(t_datadir, sizeof(t_datadir),
	    "%s/../../../tests/unit/data/mmhs", bindir);
}

static const struct unit_test mmhs_tests[] = {
	{ "field values", test_values },
	{ "label bytes", test_label_bytes },
	{ "header block", test_block },
	{ "golden files", test_golden },
};

static const struct unit_suite suites[] = {
	UNIT_SUITE("mmhs", mmhs_tests),
};

/* main - find the golden files, run the suite; non-zero on any failure */
int
main(int argc, char **argv)
{
	(void) argc;
	t_find_data(argv[0]);
	return unit_main(suites, sizeof(suites) / sizeof(suites[0]));
}
