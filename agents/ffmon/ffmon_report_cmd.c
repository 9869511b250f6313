/* ffmon_report_cmd.c - mmhs-ffmon's report command
 *
 *	mmhs-ffmon [-t tracklog] [-d statedir] report [-m file]... MESSAGE-ID
 *
 * Feeds ffmon_report.c with every line of the tracking log (-t, default
 * standard input) and every DSN or MDN file (-m, raw RFC 5322, at most
 * 64 MiB each), prints the table, then the redirects recorded for the
 * message in statedir (-d; nothing when it does not exist).  The
 * agent's bootstrap options are accepted and ignored, so the agent's
 * own command line with "report ID" added works.  Exit 0 when anything
 * was known about the message, 1 when nothing, 2 on errors (a file not
 * readable, a report not well-formed MIME: the rest is still used).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "ffmon.h"

#define REPORT_FILE_MAX		((size_t)64 << 20)

/* report_file - read a whole file, bounded (caller frees) */
static char *
report_file(const char *path, size_t *len)
{
	FILE	*fp = fopen(path, "rb");
	char	*buf = NULL;
	size_t	cap = 0, n;

	*len = 0;
	if (fp == NULL)
		return NULL;
	do {
		if (*len + 65536 + 1 > cap)
			buf = mmhs_realloc(buf, cap = (*len + 65536 + 1) * 2);
		n = fread(buf + *len, 1, 65536, fp);
		*len += n;
	} while (n > 0 && *len <= REPORT_FILE_MAX);
	if (ferror(fp) || *len > REPORT_FILE_MAX) {
		errno = ferror(fp) ? errno : EFBIG;
		fclose(fp);
		mmhs_free(buf);
		return NULL;
	}
	fclose(fp);
	buf[*len] = '\0';
	return buf;
}

/* report_track - feed every line of the tracking log */
static int
report_track(struct ffmon_report *r, const char *path)
{
	FILE	*fp = path == NULL || strcmp(path, "-") == 0 ? stdin :
	    fopen(path, "r");
	char	*line = NULL;
	size_t	cap = 0;

	if (fp == NULL) {
		mmhs_warn("%s: %m", path);
		return -1;
	}
	while (getline(&line, &cap, fp) > 0)
		(void) ffmon_report_line(r, line);
	free(line);
	if (fp != stdin)
		fclose(fp);
	return 0;
}

/* report_hops - the redirects recorded in the state directory */
static size_t
report_hops(const char *dir, const char *msgid, FILE *out)
{
	struct ffmon_hop *hops;
	struct ffmon_state *st;
	struct stat sb;
	char	err[FFMON_TEXT_MAX], when[32];
	size_t	i, n;

	if (dir == NULL || stat(dir, &sb) < 0)
		return 0;
	if ((st = ffmon_state_open(dir, err, sizeof(err))) == NULL) {
		mmhs_warn("%s", err);
		return 0;
	}
	hops = mmhs_calloc(FFMON_HOPS_MAX, sizeof(*hops));
	n = ffmon_state_hops(st, msgid, hops, FFMON_HOPS_MAX);
	for (i = 0; i < n; i++) {
		strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ",
		    gmtime(&hops[i].h_at));
		fprintf(out, "# redirect %s %s -> %s\n", when, hops[i].h_from,
		    hops[i].h_to);
	}
	mmhs_free(hops);
	ffmon_state_close(st);
	return n;
}

/* ffmon_report_main - mmhs-ffmon ... report [-m file]... MESSAGE-ID */
int
ffmon_report_main(int argc, char **argv, int word)
{
	struct ffmon_report *r;
	const char *track = NULL, *dir = NULL, **files;
	char	**av = mmhs_calloc((size_t)argc + 1, sizeof(*av)), *data;
	char	err[FFMON_TEXT_MAX];
	size_t	len, nfiles = 0, nhops;
	int	ac = 0, i, ch, rc = 0, found;

	mmhs_log_open("mmhs-ffmon", 0);
	files = mmhs_calloc((size_t)argc, sizeof(*files));
	for (i = 0; i < argc; i++)	/* the command word out of the way */
		if (i != word)
			av[ac++] = argv[i];
	while ((ch = getopt(ac, av, "t:d:m:H:D:w:y:c:b:A:f")) != -1) {
		if (ch == 't')
			track = optarg;
		else if (ch == 'd')
			dir = optarg;
		else if (ch == 'm')
			files[nfiles++] = optarg;
		else if (ch == '?' || ch == ':')
			rc = 2;
	}
	if (rc != 0 || optind != ac - 1)
		mmhs_fatal("usage: mmhs-ffmon [-t tracklog] [-d statedir] "
		    "report [-m dsn-or-mdn-file]... MESSAGE-ID");
	r = ffmon_report_new(av[optind]);
	if (report_track(r, track) < 0)
		rc = 2;
	for (i = 0; i < (int)nfiles; i++) {
		if ((data = report_file(files[i], &len)) == NULL) {
			mmhs_warn("%s: %m", files[i]);
			rc = 2;
		} else if (ffmon_report_message(r, data, len, err,
		    sizeof(err)) < 0) {
			mmhs_warn("%s: %s", files[i], err);
			rc = 2;
		}
		mmhs_free(data);
	}
	ffmon_report_print(r, stdout);
	nhops = report_hops(dir, av[optind], stdout);
	found = ffmon_report_count(r) > 0 || nhops > 0;
	ffmon_report_free(r);
	mmhs_free(files);
	mmhs_free(av);
	return rc != 0 ? rc : found ? 0 : 1;
}
