/* test_expander_hist.c - unit tests of the DL-Expansion-History field
 *
 * expander_hist_parse_value() on accepted forms and refusals,
 * expander_hist_parse() on the fields of a whole message (top header
 * section only, folded, any case, LF or CRLF, at most EXP_HIST_MAX),
 * expander_hist_find(), expander_hist_text() and expander_hist_format()
 * read back.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expander.h"
#include "unit.h"

static const struct {
	const char *hv_in;
	const char *hv_addr;		/* NULL: must be refused */
	long	hv_time;
} hist_values[] = {
	{ "jfhq-all@lists.mod.westland.example ; Tue, 1 Jul 2025 10:00:00 "
	  "+0000 ;", "jfhq-all@lists.mod.westland.example", 1751364000 },
	{ "a@b.example; Tue, 01 Jul 2025 12:00 +0200", "a@b.example",
	  1751364000 },
	{ " All Staff <a@b.example> (the list) ; 1 Jul 2025 10:00:00 GMT ;",
	  "a@b.example", 1751364000 },
	{ "\"odd list\"@b.example;(c)1 jul 2025 (x) 05:00:00 -0500;",
	  "\"odd list\"@b.example", 1751364000 },
	{ "a@[127.0.0.1] ; Tue, 1 Jul 2025 10:00:00 UT", "a@[127.0.0.1]",
	  1751364000 },
	{ "a@b.example ; Wed, 29 Feb 2024 00:00:00 +0000", "a@b.example",
	  1709164800 },
	{ "a@b.example Tue, 1 Jul 2025 10:00:00 +0000", NULL, 0 },
	{ "ab.example ; Tue, 1 Jul 2025 10:00:00 +0000", NULL, 0 },
	{ "a@b.example ; Tue, 1 Jux 2025 10:00:00 +0000", NULL, 0 },
	{ "a@b.example ; Tue, 29 Feb 2025 10:00:00 +0000", NULL, 0 },
	{ "a@b.example ; Tue, 1 Jul 2025 24:00:00 +0000", NULL, 0 },
	{ "a@b.example ; Tue, 1 Jul 2025 10:00:00 +0000 ; more", NULL, 0 },
	{ "a@b.example ; Tue, 1 Jul 2025 10:00:00", NULL, 0 },
	{ "a@b.example ; Tue, 1 Jul 25 10:00:00 +0000", NULL, 0 },
	{ "a@b.example (open ; Tue, 1 Jul 2025 10:00:00 +0000", NULL, 0 },
	{ "a\xc3\xa9@b.example ; Tue, 1 Jul 2025 10:00:00 +0000", NULL, 0 },
	{ "List <a@b.example ; Tue, 1 Jul 2025 10:00:00 +0000", NULL, 0 },
	{ "", NULL, 0 },
	{ ";", NULL, 0 },
};

/* test_hist_value - one field body: accepted forms and refusals */
static void
test_hist_value(void)
{
	struct exp_hist_entry e;
	char	err[256];
	size_t	i;
	int	rc;

	for (i = 0; i < sizeof(hist_values) / sizeof(hist_values[0]); i++) {
		err[0] = '\0';
		rc = expander_hist_parse_value(hist_values[i].hv_in,
		    strlen(hist_values[i].hv_in), &e, err, sizeof(err));
		if (hist_values[i].hv_addr == NULL) {
			UNIT_CHECK(rc < 0 && err[0] != '\0', "case %zu "
			    "\"%s\": accepted", i, hist_values[i].hv_in);
			continue;
		}
		UNIT_CHECK(rc == 0 && strcmp(e.he_addr,
		    hist_values[i].hv_addr) == 0 &&
		    (long)e.he_time == hist_values[i].hv_time,
		    "case %zu \"%s\": rc %d addr \"%s\" time %ld (%s)", i,
		    hist_values[i].hv_in, rc, e.he_addr, (long)e.he_time, err);
	}
}

/* test_hist_message - fields of the top header section only, folded,
 * any case, LF or CRLF, newest first */
static void
test_hist_message(void)
{
	static const char msg[] =
	    "DL-Expansion-History: b@lists.example ;\r\n"
	    "\tTue, 1 Jul 2025 10:05:00 +0000 ;\r\n"
	    "Received: from x\r\n"
	    " by y\r\n"
	    "dl-expansion-history : a@lists.example ; Tue, 1 Jul 2025 "
	    "10:00:00 +0000 ;\n"
	    "DL-Expansion-History-Other: not@ours.example\r\n"
	    "Subject: test\r\n"
	    "\r\n"
	    "DL-Expansion-History: c@lists.example ; Tue, 1 Jul 2025 "
	    "10:00:00 +0000 ;\r\n";
	struct exp_hist h;
	char	err[256], text[512];

	UNIT_CHECK(expander_hist_parse(msg, sizeof(msg) - 1, &h, err,
	    sizeof(err)) == 0, "parse: %s", err);
	UNIT_CHECK(h.eh_n == 2, "%zu entries, want 2", h.eh_n);
	if (h.eh_n != 2)
		return;
	UNIT_CHECK(strcmp(h.eh_e[0].he_addr, "b@lists.example") == 0 &&
	    h.eh_e[0].he_time == 1751364300, "first: %s %ld",
	    h.eh_e[0].he_addr, (long)h.eh_e[0].he_time);
	UNIT_CHECK(strcmp(h.eh_e[1].he_addr, "a@lists.example") == 0,
	    "second: %s", h.eh_e[1].he_addr);
	UNIT_CHECK(expander_hist_find(&h, "A@Lists.Example") == 1 &&
	    expander_hist_find(&h, "b@lists.example") == 0 &&
	    expander_hist_find(&h, "c@lists.example") == -1 &&
	    expander_hist_find(&h, "a@lists.exampl") == -1, "find");
	expander_hist_text(&h, text, sizeof(text));
	UNIT_CHECK(strcmp(text, "b@lists.example (Tue, 1 Jul 2025 10:05:00 "
	    "+0000), a@lists.example (Tue, 1 Jul 2025 10:00:00 +0000)") == 0,
	    "text: %s", text);
	/* a message without history, and one that is all header */
	UNIT_CHECK(expander_hist_parse("Subject: x\r\n\r\nbody", 18, &h, err,
	    sizeof(err)) == 0 && h.eh_n == 0, "no history");
	UNIT_CHECK(expander_hist_parse("Subject: x", 10, &h, err,
	    sizeof(err)) == 0 && h.eh_n == 0, "no body");
}

/* test_hist_refused - a malformed field, and one field too many */
static void
test_hist_refused(void)
{
	static const char bad[] = "Subject: x\r\nDL-Expansion-History: "
	    "a@b.example ; yesterday ;\r\n\r\n";
	char	err[256], *msg, *p;
	struct exp_hist h;
	size_t	i;

	UNIT_CHECK(expander_hist_parse(bad, sizeof(bad) - 1, &h, err,
	    sizeof(err)) < 0 && strstr(err, "field 1") != NULL &&
	    strstr(err, "date-time") != NULL, "malformed: %s", err);
	msg = p = malloc((EXP_HIST_MAX + 1) * 80 + 16);
	for (i = 0; i <= EXP_HIST_MAX; i++)
		p += sprintf(p, "DL-Expansion-History: l%zu@b.example ; 1 Jul "
		    "2025 10:00:00 +0000 ;\r\n", i);
	p += sprintf(p, "\r\nbody\r\n");
	UNIT_CHECK(expander_hist_parse(msg, (size_t)(p - msg), &h, err,
	    sizeof(err)) < 0 && strstr(err, "more than") != NULL,
	    "too many: %s", err);
	free(msg);
}

/* test_hist_format - written fields read back; folding; refusals */
static void
test_hist_format(void)
{
	static const char *const addrs[] = { "a@b.example",
	    "all-defence-staff-of-every-command@lists.mod.westland.example" };
	struct exp_hist h;
	char	buf[512], err[256];
	size_t	i;
	int	n;

	for (i = 0; i < 2; i++) {
		n = expander_hist_format(addrs[i], 1751364000, buf,
		    sizeof(buf));
		UNIT_CHECK(n > 0 && buf[n - 2] == '\r' && buf[n - 1] == '\n',
		    "format %s: %d", addrs[i], n);
		if (n <= 0)
			continue;
		UNIT_CHECK(strstr(buf, "Tue, 01 Jul 2025 10:00:00 +0000 ;")
		    != NULL, "date in %s", buf);
		/* folded before the date when the line would be long */
		UNIT_CHECK((strstr(buf, ";\r\n Tue") != NULL) == (i == 1) &&
		    (i == 1 || strlen(buf) <= 80), "fold: %s", buf);
		UNIT_CHECK(expander_hist_parse(buf, (size_t)n, &h, err,
		    sizeof(err)) == 0 && h.eh_n == 1 &&
		    strcmp(h.eh_e[0].he_addr, addrs[i]) == 0 &&
		    h.eh_e[0].he_time == 1751364000, "read back %s: %s", buf,
		    err);
	}
	UNIT_CHECK(expander_hist_format("a b@c.example", 0, buf,
	    sizeof(buf)) < 0, "space");
	UNIT_CHECK(expander_hist_format("abc.example", 0, buf,
	    sizeof(buf)) < 0, "no @");
	UNIT_CHECK(expander_hist_format("a@b.example\r\nX: y", 0, buf,
	    sizeof(buf)) < 0, "CRLF injection");
	UNIT_CHECK(expander_hist_format("a@b.example", 0, buf, 20) < 0,
	    "short buffer");
}

static const struct unit_test hist_tests[] = {
	{ "field values", test_hist_value },
	{ "fields of a message", test_hist_message },
	{ "refusals", test_hist_refused },
	{ "format and read back", test_hist_format },
};

int
main(void)
{
	static const struct unit_suite suites[] = {
		UNIT_SUITE("DL-Expansion-History", hist_tests),
	};

	return unit_main(suites, sizeof(suites) / sizeof(suites[0]));
}
