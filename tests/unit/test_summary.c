/* test_summary.c - unit tests of the one-pass message summary
 *
 * Golden files: every tests/unit/data/summary/NAME.eml is summarised
 * and rendered (one "key: value" line per member, the text last) and
 * compared with NAME.ref, or "ERROR ..." for a refused message.  With
 * MMHS_REGEN=1 the .ref files are rewritten instead (for a person to
 * review with git diff).  Then the addr-spec forms one by one, the
 * text bound with a UTF-8 cut, and mmhs_summary_field().
 *
 * Interface: run without arguments; golden files under
 * $srcdir/tests/unit/data/summary, else found from the binary.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmhs_alloc.h"
#include "mmhs_summary.h"
#include "unit.h"

static char t_datadir[1024];

/* t_read - a whole file; NULL if it cannot be read */
static char *
t_read(const char *path, size_t *lenp)
{
	FILE   *fp = fopen(path, "rb");
	char   *buf;
	long	len;

	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	len = ftell(fp);
	rewind(fp);
	buf = mmhs_malloc((size_t)len + 1);
	if (fread(buf, 1, (size_t)len, fp) != (size_t)len) {
		fclose(fp);
		mmhs_free(buf);
		return NULL;
	}
	buf[len] = '\0';
	fclose(fp);
	*lenp = (size_t)len;
	return buf;
}

/* t_put - s with controls other than LF as \xNN ("-" for NULL) */
static void
t_put(FILE *fp, const char *key, const char *s, size_t len)
{
	size_t	i;

	fprintf(fp, "%s: ", key);
	if (s == NULL)
		fputc('-', fp);
	for (i = 0; s != NULL && i < len; i++)
		if (((unsigned char)s[i] < 32 && s[i] != '\n') || s[i] == 127)
			fprintf(fp, "\\x%02x", (unsigned char)s[i]);
		else
			fputc(s[i], fp);
	fputc('\n', fp);
}

/* t_render - the summary as text into a memory stream */
static void
t_render(FILE *fp, const struct mmhs_summary *su)
{
	const struct mmhs_mmhs_list *l = &su->su_mmhs.mm_sics;
	const char *s[] = { su->su_message_id, su->su_from, su->su_sender,
	    su->su_mdn_to, su->su_subject, su->su_date, su->su_content_type,
	    su->su_class, su->su_policy };
	const char *k[] = { "message_id", "from", "sender", "mdn_to",
	    "subject", "date", "content_type", "class", "policy" };
	size_t	i;

	for (i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		t_put(fp, k[i], s[i], s[i] != NULL ? strlen(s[i]) : 0);
	fprintf(fp, "time: %lld\nprec: %s\nsize: %zu\nsics:",
	    (long long)su->su_time, mmhs_precedence_name(su->su_prec),
	    su->su_size);
	for (i = 0; i < l->ml_count; i++)
		fprintf(fp, " %s", l->ml_items[i]);
	fprintf(fp, "\nmsgtype: %u\n", su->su_mmhs.mm_type.mt_type);
	fprintf(fp, "text_len: %zu\n", su->su_text_len);
	t_put(fp, "text", su->su_text, su->su_text_len);
}

/* t_golden_one - summarise NAME.eml, compare with NAME.ref */
static void
t_golden_one(const char *name, int *good, int *bad)
{
	struct mmhs_summary su;
	char	path[1200], err[512], *data, *ref, *got = NULL;
	size_t	len, reflen, gotlen = 0;
	FILE   *fp;
	int	rc;

	snprintf(path, sizeof(path), "%s/%s.eml", t_datadir, name);
	data = t_read(path, &len);
	UNIT_CHECK(data != NULL, "cannot read %s", path);
	if (data == NULL)
		return;
	fp = open_memstream(&got, &gotlen);
	rc = mmhs_summary_parse(&su, data, len, err, sizeof(err));
	if (rc < 0)
		fprintf(fp, "ERROR %s\n", err);
	else
		t_render(fp, &su);
	fclose(fp);
	*(rc < 0 ? bad : good) += 1;
	mmhs_summary_free(&su);
	snprintf(path, sizeof(path), "%s/%s.ref", t_datadir, name);
	if (getenv("MMHS_REGEN") != NULL && (fp = fopen(path, "w")) != NULL) {
		fwrite(got, 1, gotlen, fp);
		fclose(fp);
	}
	ref = t_read(path, &reflen);
	UNIT_CHECK(ref != NULL && reflen == gotlen && memcmp(ref, got,
	    gotlen) == 0, "%s: got\n%s\nwant\n%s", name, got,
	    ref != NULL ? ref : "(no .ref file)");
	mmhs_free(ref);
	free(got);
	mmhs_free(data);
}

/* t_cmp - qsort of names */
static int
t_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* test_golden - every .eml of data/summary */
static void
test_golden(void)
{
	DIR    *d = opendir(t_datadir);
	struct dirent *de;
	char   *names[256];
	size_t	n = 0, i, len;
	int	good = 0, bad = 0;

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
		t_golden_one(names[i], &good, &bad);
		mmhs_free(names[i]);
	}
	printf("\n  golden: %d summarised, %d refused\n", good, bad);
	UNIT_CHECK(good >= 8 && bad >= 3, "only %d/%d golden messages",
	    good, bad);
}

static const struct {
	const char *a_field;
	const char *a_want;		/* NULL: no address */
} addr_cases[] = {
	{ "a@b.example", "a@b.example" },
	{ "  a@b.example  ", "a@b.example" },
	{ "Anwen Lacey <anwen@b.example>", "anwen@b.example" },
	{ "\"Lacey, Anwen\" <anwen@b.example>", "anwen@b.example" },
	{ "\"a <x@y> b\" <real@b.example>", "real@b.example" },
	{ "anwen@b.example (Anwen (the) Lacey)", "anwen@b.example" },
	{ "(c) anwen @ b.example (c2)", "anwen@b.example" },
	{ "<anwen@b.example>", "anwen@b.example" },
	{ "< anwen@b.example >", "anwen@b.example" },
	{ "=?utf-8?q?Lac=C3=A9y?= <l@b.example>", "l@b.example" },
	{ "\"quoted local\"@b.example", "\"quoted local\"@b.example" },
	{ "\"x\\\"y\"@b.example", "\"x\\\"y\"@b.example" },
	{ "x@[192.0.2.1]", "x@[192.0.2.1]" },
	{ "<@r1.example,@r2.example:x@b.example>", "x@b.example" },
	{ "first@b.example, second@b.example", "first@b.example" },
	{ "One <one@b.example>, Two <two@b.example>", "one@b.example" },
	{ ", , late@b.example", "late@b.example" },
	{ "Team: m1@b.example, m2@b.example;", "m1@b.example" },
	{ "Undisclosed recipients:;", NULL },
	{ "<>", NULL },
	{ "", NULL },
	{ "no address here", NULL },
	{ "Name <unclosed@b.example", NULL },
	{ "local-only", NULL },
	{ "@b.example", NULL },
	{ "a@", NULL },
	{ "a@b@c", NULL },
	{ "\"unterminated@b.example", NULL },
	{ "a@b.example (open comment", NULL },
};

/* t_same - both NULL or equal */
static int
t_same(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

/* test_addr - the addr-spec of From-like fields */
static void
test_addr(void)
{
	struct mmhs_summary su;
	char	msg[512], err[256];
	size_t	i;
	int	rc;

	for (i = 0; i < sizeof(addr_cases) / sizeof(addr_cases[0]); i++) {
		snprintf(msg, sizeof(msg), "From: %s\r\nSender: %s\r\n"
		    "Disposition-Notification-To: %s\r\n\r\n",
		    addr_cases[i].a_field, addr_cases[i].a_field,
		    addr_cases[i].a_field);
		rc = mmhs_summary_parse(&su, msg, strlen(msg), err,
		    sizeof(err));
		UNIT_CHECK(rc == 0, "case %zu: %s", i, err);
		UNIT_CHECK(t_same(su.su_from, addr_cases[i].a_want) &&
		    t_same(su.su_sender, addr_cases[i].a_want) &&
		    t_same(su.su_mdn_to, addr_cases[i].a_want),
		    "case %zu \"%s\": got \"%s\", want \"%s\"", i,
		    addr_cases[i].a_field, su.su_from ? su.su_from : "(null)",
		    addr_cases[i].a_want ? addr_cases[i].a_want : "(null)");
		mmhs_summary_free(&su);
	}
}

/* test_text_bound - a long text stops at the bound, whole characters */
static void
test_text_bound(void)
{
	struct mmhs_summary su;
	char	err[256], *msg;
	size_t	len, i, n, hlen;
	int	rc;

	/* lines of "x" and 499 "é" (two octets each): 65 lines and 536
	 * octets of the next make the bound, which falls inside an "é" */
	len = 2 * MMHS_SUMMARY_TEXT_MAX + 2000;
	msg = mmhs_malloc(len + 1);
	hlen = (size_t)snprintf(msg, len, "Subject: long\r\n\r\n");
	for (i = hlen; i + 1001 <= len; i += 1001) {
		msg[i] = 'x';
		for (n = 0; n < 499; n++)
			memcpy(msg + i + 1 + 2 * n, "\xc3\xa9", 2);
		memcpy(msg + i + 999, "\r\n", 2);
	}
	rc = mmhs_summary_parse(&su, msg, i, err, sizeof(err));
	UNIT_CHECK(rc == 0, "long text: %s", err);
	UNIT_CHECK(rc != 0 || (su.su_text_len == MMHS_SUMMARY_TEXT_MAX - 1 &&
	    strlen(su.su_text) == su.su_text_len &&
	    (unsigned char)su.su_text[su.su_text_len - 1] == 0xa9),
	    "text of %zu octets, want %d ending in a whole character",
	    su.su_text_len, MMHS_SUMMARY_TEXT_MAX - 1);
	UNIT_CHECK(su.su_size == i, "size %zu, want %zu", su.su_size, i);
	mmhs_summary_free(&su);
	mmhs_free(msg);
}

/* test_field - mmhs_summary_field reads the top header section only */
static void
test_field(void)
{
	static const char msg[] = "Subject: folded\r\n\tsubject\r\n"
	    "X-Two: first\r\nX-Two: second\r\nContent-Type: multipart/mixed;"
	    " boundary=b\r\n\r\n--b\r\nX-Part: inner\r\n\r\nbody\r\n--b--\r\n";
	char   *v;

	v = mmhs_summary_field(msg, strlen(msg), "subject");
	UNIT_CHECK(v != NULL && strcmp(v, "folded\tsubject") == 0,
	    "Subject: \"%s\"", v ? v : "(null)");
	mmhs_free(v);
	v = mmhs_summary_field(msg, strlen(msg), "X-Two");
	UNIT_CHECK(v != NULL && strcmp(v, "first") == 0, "X-Two: \"%s\"",
	    v ? v : "(null)");
	mmhs_free(v);
	v = mmhs_summary_field(msg, strlen(msg), "X-Part");
	UNIT_CHECK(v == NULL, "a part's field was returned: \"%s\"", v);
	mmhs_free(v);
	v = mmhs_summary_field("", 0, "Subject");
	UNIT_CHECK(v == NULL, "field of an empty message");
	mmhs_free(v);
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
		    "%s/tests/unit/data/summary", src);
		return;
	}
	snprintf(bindir, sizeof(bindir), "%.*s",
	    slash != NULL ? (int)(slash - argv0) : 1,
	    slash != NULL ? argv0 : ".");
	snprintf(t_datadir, sizeof(t_datadir), "%s/data/summary", bindir);
	if ((d = opendir(t_datadir)) != NULL) {
		closedir(d);
		return;
	}
	snprintf(t_datadir, sizeof(t_datadir),
	    "%s/../../../tests/unit/data/summary", bindir);
}

static const struct unit_test summary_tests[] = {
	{ "golden files", test_golden },
	{ "addr-spec forms", test_addr },
	{ "text bound", test_text_bound },
	{ "one field", test_field },
};

static const struct unit_suite suites[] = {
	UNIT_SUITE("summary", summary_tests),
};

int
main(int argc, char **argv)
{
	(void)argc;
	t_find_data(argv[0]);
	return unit_main(suites, sizeof(suites) / sizeof(suites[0]));
}
