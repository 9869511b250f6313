/* archive_cmd.c - mmhs-archive: the subcommands
 *
 * SYNOPSIS
 *	mmhs-archive verify -d DIR
 *	mmhs-archive search -d DIR [--from ADDR] [--to ADDR] [--sic SIC]
 *	    [--precedence P] [--classification C] [--message-id ID]
 *	    [--since DATE] [--until DATE]
 *	mmhs-archive export -d DIR [--archive-copy | --readable -k KEYDIR]
 *	    RECORD
 *	mmhs-archive purge -d DIR -H URI [-D DN (-w PW | -y FILE)]
 *	    [-b BASE] [-t TRACKLOG]
 *
 * DESCRIPTION
 *	verify walks the whole chain (archive_chain.c) and compares its end
 *	with the index head: "chain intact, N records ..." and exit 0, or
 *	"verify: " and the first problem, naming the record, and exit 1.
 *	search prints one line per record that meets every criterion
 *	(values without case; dates "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SSZ" or
 *	"@EPOCH", UTC; --until with a day alone means its end): the record
 *	number, then key=value pairs.  export writes record RECORD's
 *	message to standard output as it was received, byte for byte,
 *	after checking the record's own hash; with --archive-copy the copy
 *	of an encrypted message re-encrypted to the archive (as kept), with
 *	--readable the message as it can be read: that copy decrypted with
 *	the archive's key from KEYDIR, or the message itself when it came
 *	unencrypted (archive_sec.c).  purge applies retention
 *	with the mmhsRetentionDays of the policies read from the directory
 *	at URI (archive_purge.c).
 *
 * EXIT STATUS
 *	0 success (search: something found); 1 verification failed,
 *	nothing found, or no such record; 2 usage or an error.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "archive_agent.h"
#include "archive_index.h"

static const char *const arc_cmds[] = { "verify", "search", "export",
	"purge" };

int
arc_cmd_is(const char *name)
{
	size_t	i;

	for (i = 0; i < sizeof(arc_cmds) / sizeof(arc_cmds[0]); i++)
		if (strcmp(name, arc_cmds[i]) == 0)
			return 1;
	return 0;
}

static int
arc_usage(void)
{
	fprintf(stderr, "usage: mmhs-archive verify -d DIR\n"
	    "       mmhs-archive search -d DIR [--from ADDR] [--to ADDR] "
	    "[--sic SIC]\n"
	    "           [--precedence P] [--classification C] "
	    "[--message-id ID]\n"
	    "           [--since DATE] [--until DATE]\n"
	    "       mmhs-archive export -d DIR [--archive-copy | --readable "
	    "-k KEYDIR] RECORD\n"
	    "       mmhs-archive purge -d DIR -H URI [-D DN (-w PW | -y FILE)]"
	    " [-b BASE] [-t TRACKLOG]\n");
	return 2;
}

/* arc_date - "YYYY-MM-DD[THH:MM[:SS][Z]]" or "@EPOCH", UTC; end: a day
 * alone means its last second.  0, or -1. */
static int
arc_date(const char *s, int end, int64_t *out)
{
	struct tm tm;
	char	*e, rest[8] = "";
	long long v;
	int	n;

	if (s[0] == '@') {
		v = strtoll(s + 1, &e, 10);
		*out = v;
		return *e == '\0' && e != s + 1 ? 0 : -1;
	}
	memset(&tm, 0, sizeof(tm));
	n = sscanf(s, "%4d-%2d-%2d%*1[T ]%2d:%2d:%2d%7s", &tm.tm_year,
	    &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec,
	    rest);
	if (n == 5 && strlen(s) == 16)
		n = 6;
	if ((n != 3 || strlen(s) != 10) && n != 6 &&
	    !(n == 7 && strcmp(rest, "Z") == 0))
		return -1;
	if (tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 ||
	    tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 ||
	    tm.tm_sec > 60)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon--;
	*out = (int64_t)timegm(&tm) + (n == 3 && end ? 86399 : 0);
	return 0;
}

/* arc_open_dir - the archive of -d, read-only unless writing */
static struct arc_store *
arc_open_dir(const char *dir, int write)
{
	struct arc_store *s;
	char	err[ARC_ERR_LEN];

	if (dir == NULL) {
		fprintf(stderr, "mmhs-archive: -d DIR is required\n");
		return NULL;
	}
	if (arc_store_open(&s, dir, write ? 0 : ARC_OPEN_RDONLY, err,
	    sizeof(err)) < 0) {
		fprintf(stderr, "mmhs-archive: %s: %s\n", dir, err);
		return NULL;
	}
	return s;
}

/* arc_cmd_verify - walk and compare */
static int
arc_cmd_verify(const char *dir)
{
	struct arc_store *s = arc_open_dir(dir, 0);
	struct arc_walk w;
	char	err[ARC_ERR_LEN], hex[65];
	int	rc;

	if (s == NULL)
		return 2;
	(void) arc_store_lock(s, 0);
	rc = arc_store_verify(s, &w, err, sizeof(err));
	arc_store_unlock(s);
	arc_store_close(s);
	if (rc < 0) {
		printf("verify: %s\n", err);
		return 1;
	}
	printf("chain intact, %llu records", (unsigned long long)w.w_records);
	if (w.w_purged > 0)
		printf(" (and %llu purged)", (unsigned long long)w.w_purged);
	printf(", head %s\n", w.w_next > 1 ? arc_hex(w.w_head, hex) : "-");
	return 0;
}

/* arc_iso - epoch as ISO 8601 UTC */
static const char *
arc_iso(int64_t t, char *buf, size_t len)
{
	struct tm tm;
	time_t	tt = (time_t)t;

	gmtime_r(&tt, &tm);
	strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}

/* arc_print_field - " key=value" (values of NAME joined by ','),
 * quoted when they hold a space or a quote */
static void
arc_print_field(const char *meta, size_t len, const char *name,
	const char *key)
{
	const char *p = meta, *n, *v;
	size_t	nl, vl, i;
	int	first = 1, quote = 0;

	while (arc_meta_next(&p, meta + len, &n, &nl, &v, &vl) > 0)
		if (nl == strlen(name) && strncmp(n, name, nl) == 0)
			for (i = 0; i < vl && !quote; i++)
				quote = v[i] == ' ' || v[i] == '"';
	p = meta;
	while (arc_meta_next(&p, meta + len, &n, &nl, &v, &vl) > 0) {
		if (nl != strlen(name) || strncmp(n, name, nl) != 0)
			continue;
		if (first)
			printf(" %s=%s", key, quote ? "\"" : "");
		else
			putchar(',');
		if (!quote)
			(void) fwrite(v, 1, vl, stdout);
		for (i = 0; quote && i < vl; i++) {
			if (v[i] == '"' || v[i] == '\\')
				putchar('\\');
			putchar(v[i]);
		}
		first = 0;
	}
	if (!first && quote)
		putchar('"');
}

static int
arc_found(void *arg, uint64_t recno, const struct arc_loc *loc,
	const char *meta, size_t metalen)
{
	char	a[32], b[32];

	(void) arg;
	printf("%llu received=%s date=%s", (unsigned long long)recno,
	    arc_iso(loc->l_received, a, sizeof(a)),
	    arc_iso(loc->l_date, b, sizeof(b)));
	arc_print_field(meta, metalen, "Originator", "from");
	arc_print_field(meta, metalen, "Recipient", "to");
	arc_print_field(meta, metalen, "Message-ID", "msgid");
	arc_print_field(meta, metalen, "Precedence", "prec");
	arc_print_field(meta, metalen, "Classification", "class");
	arc_print_field(meta, metalen, "Marking", "marking");
	arc_print_field(meta, metalen, "SIC", "sic");
	arc_print_field(meta, metalen, "Policy", "policy");
	arc_print_field(meta, metalen, "Subject", "subject");
	arc_print_field(meta, metalen, "Protection", "protected");
	arc_print_field(meta, metalen, "Archive-Copy-Key", "copykey");
	putchar('\n');
	return 0;
}

/* arc_cmd_search - the records meeting every criterion */
static int
arc_cmd_search(const char *dir, const struct arc_query *q)
{
	struct arc_store *s = arc_open_dir(dir, 0);
	struct timespec t0, t1;
	char	err[ARC_ERR_LEN];
	long	n;

	if (s == NULL)
		return 2;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	n = arc_index_search(s->as_idx, q, arc_found, NULL, err, sizeof(err));
	(void) fflush(stdout);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	arc_store_close(s);
	if (n < 0) {
		fprintf(stderr, "mmhs-archive: search: %s\n", err);
		return 2;
	}
	fprintf(stderr, "%ld record%s in %.1f ms\n", n, n == 1 ? "" : "s",
	    (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
	return n > 0 ? 0 : 1;
}

/* What export writes. */
enum arc_export {
	ARC_EXPORT_ORIG = 0,	/* the message as received */
	ARC_EXPORT_COPY,	/* the archive's re-encrypted copy */
	ARC_EXPORT_READABLE	/* that copy decrypted */
};

/* arc_export_out - the octets export writes of record r: 0, or -1 and
 * why; *fre is what the caller frees */
static int
arc_export_out(const struct arc_rec *r, enum arc_export what,
	const char *keydir, const void **out, size_t *outlen, char **fre,
	char *err, size_t errlen)
{
	struct arc_parts p;

	*fre = NULL;
	if (arc_rec_parts(r, &p, err, errlen) < 0)
		return -1;
	switch (what) {
	case ARC_EXPORT_ORIG:
		*out = p.p_orig;
		*outlen = (size_t)p.p_orig_len;
		return 0;
	case ARC_EXPORT_COPY:
		if (p.p_copy == NULL) {
			snprintf(err, errlen, "record %llu has no archive copy "
			    "(it came unencrypted, or no key opened it)",
			    (unsigned long long)r->r_recno);
			return -1;
		}
		*out = p.p_copy;
		*outlen = (size_t)p.p_copy_len;
		return 0;
	default:
		if (arc_sec_readable(r, keydir, fre, outlen, err, errlen) < 0)
			return -1;
		*out = *fre;
		return 0;
	}
}

/* arc_cmd_export - one record's message, byte for byte */
static int
arc_cmd_export(const char *dir, const char *id, enum arc_export what,
	const char *keydir)
{
	struct arc_store *s;
	struct arc_rec r;
	unsigned char *buf;
	const void *out;
	char	err[ARC_ERR_LEN], *end, *fre = NULL;
	unsigned long long recno = strtoull(id, &end, 10);
	size_t	outlen;
	int	rc = 1;

	if (*end != '\0' || recno == 0 || id[0] == '-') {
		fprintf(stderr, "mmhs-archive: \"%s\" is not a record number\n",
		    id);
		return 2;
	}
	if ((s = arc_open_dir(dir, 0)) == NULL)
		return 2;
	(void) arc_store_lock(s, 0);
	if (arc_store_read(s, recno, &buf, &r, err, sizeof(err)) < 0)
		fprintf(stderr, "mmhs-archive: %s\n", err);
	else if (arc_rec_check(&r, r.r_prev, err, sizeof(err)) < 0)
		fprintf(stderr, "mmhs-archive: %s; run verify\n", err);
	else if (arc_export_out(&r, what, keydir, &out, &outlen, &fre, err,
	    sizeof(err)) < 0)
		fprintf(stderr, "mmhs-archive: %s\n", err);
	else if (fwrite(out, 1, outlen, stdout) != outlen ||
	    fflush(stdout) != 0) {
		fprintf(stderr, "mmhs-archive: standard output: %m\n");
		rc = 2;
	} else
		rc = 0;
	arc_store_unlock(s);
	mmhs_free(fre);
	mmhs_free(buf);
	arc_store_close(s);
	return rc;
}

/* arc_cmd_main - parse a subcommand's options and run it */
int
arc_cmd_main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' },
		{ "sic", required_argument, NULL, 'S' },
		{ "precedence", required_argument, NULL, 'P' },
		{ "classification", required_argument, NULL, 'C' },
		{ "message-id", required_argument, NULL, 'M' },
		{ "since", required_argument, NULL, 's' },
		{ "until", required_argument, NULL, 'u' },
		{ "archive-copy", no_argument, NULL, 'A' },
		{ "readable", no_argument, NULL, 'R' },
		{ NULL, 0, NULL, 0 }
	};
	const char *cmd = argv[0], *dir = NULL, *keydir = NULL;
	enum arc_export what = ARC_EXPORT_ORIG;
	struct arc_query q;
	int	ch;

	mmhs_log_open("mmhs-archive", 0);
	if (strcmp(cmd, "purge") == 0)
		return arc_cmd_purge(argc, argv);
	memset(&q, 0, sizeof(q));
	optind = 1;
	while ((ch = getopt_long(argc, argv, "d:k:", lo, NULL)) != -1)
		switch (ch) {
		case 'd': dir = optarg; break;
		case 'k': keydir = optarg; break;
		case 'A':
		case 'R':
			if (what != ARC_EXPORT_ORIG)
				return arc_usage();
			what = ch == 'A' ? ARC_EXPORT_COPY :
			    ARC_EXPORT_READABLE;
			break;
		case 'F': q.q_from = optarg; break;
		case 'T': q.q_to = optarg; break;
		case 'S': q.q_sic = optarg; break;
		case 'P': q.q_prec = optarg; break;
		case 'C': q.q_class = optarg; break;
		case 'M': q.q_msgid = optarg; break;
		case 's':
		case 'u':
			if (arc_date(optarg, ch == 'u', ch == 's' ? &q.q_since :
			    &q.q_until) < 0) {
				fprintf(stderr, "mmhs-archive: bad date \"%s\"\n",
				    optarg);
				return 2;
			}
			*(ch == 's' ? &q.q_has_since : &q.q_has_until) = 1;
			break;
		default:
			return arc_usage();
		}
	if (strcmp(cmd, "search") != 0 && (q.q_from || q.q_to || q.q_sic ||
	    q.q_prec || q.q_class || q.q_msgid || q.q_has_since ||
	    q.q_has_until))
		return arc_usage();
	if (strcmp(cmd, "export") != 0 && (keydir != NULL ||
	    what != ARC_EXPORT_ORIG))
		return arc_usage();
	if (strcmp(cmd, "export") == 0)
		return optind + 1 == argc ? arc_cmd_export(dir, argv[optind],
		    what, keydir) : arc_usage();
	if (optind != argc)
		return arc_usage();
	return strcmp(cmd, "verify") == 0 ? arc_cmd_verify(dir) :
	    arc_cmd_search(dir, &q);
}
