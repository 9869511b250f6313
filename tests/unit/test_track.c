/* test_track.c - unit tests of the message tracking log */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mmhs_track.h"
#include "unit.h"

static const struct {
	struct mmhs_track_event	f_ev;
	const char *f_want;
} format_cases[] = {
	{ { "received", "0005F1C2A3B4C5D6", "<1@x.example>", "flash",
	    "a@x.example", "b@y.example", NULL, NULL, NULL },
	  "agent=mta event=received qid=0005F1C2A3B4C5D6 msgid=<1@x.example> "
	  "prec=flash from=a@x.example to=b@y.example" },
	{ { "delivered", "Q1", NULL, NULL, NULL, "b@y.example",
	    "cn=store,cn=mod-main,ou=MMHS,c=XW", "250 2.0.0 ok", NULL },
	  "agent=mta event=delivered qid=Q1 to=b@y.example "
	  "hop=\"cn=store,cn=mod-main,ou=MMHS,c=XW\" result=\"250 2.0.0 ok\"" },
	{ { "bounced", "Q2", NULL, NULL, "", NULL, NULL,
	    "550 5.1.1 \"no\" such\\user", "attempts=3" },
	  "agent=mta event=bounced qid=Q2 from=\"\" "
	  "result=\"550 5.1.1 \\\"no\\\" such\\\\user\" attempts=3" },
	{ { "deferred", "Q3", NULL, NULL, NULL, NULL, NULL, "a\r\nb", NULL },
	  "agent=mta event=deferred qid=Q3 result=\"a??b\"" },
};

/* test_format - field order, quoting and escapes */
static void
test_format(void)
{
	char buf[512];
	size_t i;
	int n;

	for (i = 0; i < sizeof(format_cases) / sizeof(format_cases[0]); i++) {
		n = mmhs_track_format("mta", &format_cases[i].f_ev, buf,
		    sizeof(buf));
		UNIT_CHECK(n > 0 && strncmp(buf, format_cases[i].f_want,
		    strlen(format_cases[i].f_want)) == 0,
		    "case %zu: got \"%s\", want \"%s\"", i, buf,
		    format_cases[i].f_want);
	}
}

/* test_short_buffer - a line that does not fit is refused, not cut */
static void
test_short_buffer(void)
{
	char buf[16];

	UNIT_CHECK(mmhs_track_format("mta", &format_cases[0].f_ev, buf,
	    sizeof(buf)) == -1, "a 16-byte buffer should be too short");
}

/* test_file - events are appended as whole lines with a UTC time */
static void
test_file(void)
{
	char path[] = "/tmp/test_track.XXXXXX", line[1024];
	struct mmhs_track *tr;
	FILE *fp;
	int fd, n = 0;

	fd = mkstemp(path);
	UNIT_CHECK(fd >= 0, "mkstemp failed");
	if (fd < 0)
		return;
	close(fd);
	tr = mmhs_track_open("mta", path);
	UNIT_CHECK(tr != NULL, "cannot open %s", path);
	if (tr == NULL)
		return;
	UNIT_CHECK(mmhs_track_log(tr, &format_cases[0].f_ev) == 0, "log 1");
	UNIT_CHECK(mmhs_track_log(tr, &format_cases[1].f_ev) == 0, "log 2");
	mmhs_track_close(tr);
	tr = mmhs_track_open("store", path);
	UNIT_CHECK(tr != NULL && mmhs_track_log(tr,
	    &format_cases[2].f_ev) == 0, "log from a second agent");
	mmhs_track_close(tr);
	fp = fopen(path, "r");
	while (fp != NULL && fgets(line, sizeof(line), fp) != NULL) {
		n++;
		UNIT_CHECK(strlen(line) > 25 && line[4] == '-' &&
		    line[10] == 'T' && line[23] == 'Z' && line[24] == ' ' &&
		    line[strlen(line) - 1] == '\n', "line %d: \"%s\"", n, line);
		UNIT_CHECK(strstr(line, n == 3 ? " agent=store " :
		    " agent=mta ") != NULL, "line %d agent: \"%s\"", n, line);
	}
	UNIT_CHECK(n == 3, "%d lines, want 3", n);
	if (fp != NULL)
		fclose(fp);
	unlink(path);
}

static const struct unit_test track_tests[] = {
	{ "format and quoting", test_format },
	{ "short buffer", test_short_buffer },
	{ "appending to a file", test_file },
};

static const struct unit_suite suites[] = {
	UNIT_SUITE("tracking log", track_tests),
};

int
main(void)
{
	return unit_main(suites, sizeof(suites) / sizeof(suites[0]));
}
