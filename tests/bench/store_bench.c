/* store_bench.c - fill a store mailbox and time folder listings on it
 *
 *	store_bench fill STOREDIR MAILDIR N
 *		delivers N generated messages into one mailbox
 *		("cn=Bench,o=Defence,c=XW", folder Inbox) straight through
 *		the store_db API (no LMTP, commits not synced: a bulk load),
 *		and writes the same bytes as a Maildir (new/ unread,
 *		cur/ ":2,S" read) for the comparison with a server that
 *		has no indexes.  About 30 % are left unread.
 *	store_bench query STOREDIR REPEAT
 *		runs each listing of tests/bench/store-list.sh REPEAT times
 *		and prints "name median-ms total first-id" per listing.
 *
 * The messages carry what an MMHS message carries: MMHS-Primary-
 * Precedence (routine 60 %, priority 25 %, immediate 10 %, flash 4 %,
 * override 1 %), an SIO-Label marking of the national policy, one to
 * three SICs of 50, one originator of 200, a Date over 30 days, and
 * about 1.5 KB of text.  A fixed seed makes every run the same.
 * Errors print a message and exit 1.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "mmhs_alloc.h"
#include "store_db.h"

#define SB_MAILBOX	"cn=Bench,o=Defence,c=XW"
#define SB_T0		1767225600	/* first Date: of the run */

static uint64_t sb_rng = 0x9e3779b97f4a7c15ull;

static uint32_t
sb_rand(void)
{
	sb_rng ^= sb_rng << 13;
	sb_rng ^= sb_rng >> 7;
	sb_rng ^= sb_rng << 17;
	return (uint32_t) (sb_rng >> 16);
}

static void
sb_die(const char *what, const char *err)
{
	fprintf(stderr, "store_bench: %s: %s\n", what, err);
	exit(1);
}

static const char *const sb_prec[] = {
	"deferred", "routine", "priority", "immediate", "flash", "override"
};
static const char *const sb_class[] = {
	"UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET", "TOP SECRET"
};

/* sb_pick_prec - the precedence mix of a busy headquarters */
static int
sb_pick_prec(void)
{
	uint32_t r = sb_rand() % 100;

	return r < 60 ? 1 : r < 85 ? 2 : r < 95 ? 3 : r < 99 ? 4 : 5;
}

static int
sb_pick_class(void)
{
	uint32_t r = sb_rand() % 100;

	return r < 40 ? 0 : r < 65 ? 1 : r < 85 ? 2 : r < 97 ? 3 : 4;
}

/* sb_message - one message's bytes and summary */
static size_t
sb_message(unsigned long i, char *buf, size_t len, struct store_new *nm,
    char sics[3][8], const char **sicp, char *from, char *msgid,
    char *subject, char *date)
{
	int prec = sb_pick_prec(), cls = sb_pick_class(), nsic, k;
	time_t t = SB_T0 + (time_t) (sb_rand() % (30 * 86400));
	char marking[64], siclist[32] = "";
	struct tm tm;
	size_t n;

	nsic = 1 + (int) (sb_rand() % 3);
	for (k = 0; k < nsic; k++) {
		snprintf(sics[k], 8, "Z%c%c", 'A' + (int) (sb_rand() % 10),
		    'A' + (int) (sb_rand() % 5));
		sicp[k] = sics[k];
		snprintf(siclist + strlen(siclist), sizeof(siclist) -
		    strlen(siclist), "%s%s", k ? "; " : "", sics[k]);
	}
	snprintf(from, 64, "officer%03u@unit%u.westland.example",
	    sb_rand() % 200, sb_rand() % 7);
	snprintf(msgid, 64, "<bench.%lu@mod.westland.example>", i);
	snprintf(subject, 96, "Report %lu on sector %u", i, sb_rand() % 90);
	snprintf(marking, sizeof(marking), "%s%s", cls == 0 ? "" : "WESTLAND ",
	    sb_class[cls]);
	gmtime_r(&t, &tm);
	strftime(date, 40, "%a, %d %b %Y %H:%M:%S +0000", &tm);
	n = (size_t) snprintf(buf, len,
	    "Date: %s\r\nFrom: %s\r\nTo: ops.jfhq@mod.westland.example\r\n"
	    "Subject: %s\r\nMessage-ID: %s\r\n"
	    "MMHS-Primary-Precedence: %d (%s)\r\n"
	    "MMHS-Subject-Indicator-Codes: %s\r\n"
	    "SIO-Label: marking=\"%s\"\r\n\r\n", date, from, subject, msgid,
	    prec, sb_prec[prec], siclist, marking);
	while (n < 1500 && n + 80 < len)
		n += (size_t) snprintf(buf + n, len - n, "Line %zu of the "
		    "situation report, nothing to add beyond routine.\r\n", n);
	memset(nm, 0, sizeof(*nm));
	nm->nm_prec = (enum mmhs_precedence) prec;
	nm->nm_class = sb_class[cls];
	nm->nm_class_level = cls + 1;
	nm->nm_marking = marking;
	nm->nm_nsic = (size_t) nsic;
	nm->nm_sic = sicp;
	nm->nm_date = t;
	nm->nm_date_text = date;
	nm->nm_from = from;
	nm->nm_subject = subject;
	nm->nm_message_id = msgid;
	nm->nm_return_path = from;
	nm->nm_type = -1;
	nm->nm_received = SB_T0 + 30 * 86400 + (time_t) i;
	nm->nm_data = buf;
	nm->nm_len = n;
	return n;
}

static void
sb_maildir_put(const char *maildir, unsigned long i, int seen,
    const char *buf, size_t len)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s/%lu.bench%s", maildir,
	    seen ? "cur" : "new", i, seen ? ":2,S" : "");
	if ((f = fopen(path, "wb")) == NULL || fwrite(buf, 1, len, f) != len ||
	    fclose(f) != 0)
		sb_die(path, "cannot write");
}

static void
sb_fill(const char *dir, const char *maildir, unsigned long n)
{
	char buf[4096], sics[3][8], from[64], msgid[64], subject[96],
	    date[40], err[512], sub[4096];
	const char *sicp[3];
	struct store_new nm;
	struct store_target t;
	struct store_db *db;
	unsigned long i;
	size_t len;
	int seen;

	if ((db = store_db_open(dir, STORE_DB_NOSYNC, 0, err,
	    sizeof(err))) == NULL)
		sb_die(dir, err);
	mkdir(maildir, 0700);
	snprintf(sub, sizeof(sub), "%s/new", maildir);
	mkdir(sub, 0700);
	snprintf(sub, sizeof(sub), "%s/cur", maildir);
	mkdir(sub, 0700);
	snprintf(sub, sizeof(sub), "%s/tmp", maildir);
	mkdir(sub, 0700);
	for (i = 1; i <= n; i++) {
		len = sb_message(i, buf, sizeof(buf), &nm, sics, sicp, from,
		    msgid, subject, date);
		seen = sb_rand() % 100 >= 30;
		memset(&t, 0, sizeof(t));
		t.st_mailbox = SB_MAILBOX;
		t.st_flags = seen ? STORE_F_SEEN : 0;
		if (store_db_deliver(db, &nm, &t, 1, err, sizeof(err)) != 0)
			sb_die("deliver", err);
		sb_maildir_put(maildir, i, seen, buf, len);
	}
	store_db_close(db);
}

static double
sb_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
sb_cmp_double(const void *a, const void *b)
{
	double x = *(const double *) a, y = *(const double *) b;

	return x < y ? -1 : x > y;
}

/* sb_time - median time of one listing over repeat runs */
static void
sb_time(struct store_db *db, const char *name, const struct store_query *q,
    int repeat)
{
	double *ms = mmhs_calloc((size_t) repeat, sizeof(double)), t0;
	struct store_list l;
	char err[512];
	size_t total = 0;
	unsigned long long first = 0;
	int r;

	for (r = 0; r < repeat; r++) {
		t0 = sb_now_ms();
		if (store_db_list(db, SB_MAILBOX, q, &l, err, sizeof(err)) != 0)
			sb_die(name, err);
		ms[r] = sb_now_ms() - t0;
		total = l.sl_total;
		first = l.sl_count > 0 ? l.sl_msgs[0].sm_id : 0;
		store_list_free(&l);
	}
	qsort(ms, (size_t) repeat, sizeof(double), sb_cmp_double);
	printf("%s %.4f %zu %llu\n", name, ms[repeat / 2], total, first);
	mmhs_free(ms);
}

static void
sb_query(const char *dir, int repeat)
{
	struct store_query q;
	struct store_db *db;
	size_t total, unread;
	char err[512];
	double *ms, t0;
	int r;

	if ((db = store_db_open(dir, STORE_DB_RDONLY, 0, err,
	    sizeof(err))) == NULL)
		sb_die(dir, err);
	memset(&q, 0, sizeof(q));
	q.q_limit = 50;
	q.q_desc = 1;
	q.q_sort = STORE_SORT_PRECEDENCE;
	sb_time(db, "sort-precedence", &q, repeat);
	q.q_sort = STORE_SORT_CLASSIFICATION;
	sb_time(db, "sort-classification", &q, repeat);
	q.q_sort = STORE_SORT_DATE;
	sb_time(db, "sort-date", &q, repeat);
	q.q_prec_set = 1u << MMHS_PREC_FLASH | 1u << MMHS_PREC_IMMEDIATE;
	sb_time(db, "filter-flash-immediate", &q, repeat);
	q.q_prec_set = 0;
	q.q_sic = "ZAA";
	sb_time(db, "filter-sic", &q, repeat);
	q.q_sic = NULL;
	q.q_unread = 1;
	sb_time(db, "filter-unread", &q, repeat);
	q.q_unread = 0;
	q.q_offset = 50000;
	sb_time(db, "sort-date-offset-50000", &q, repeat);
	ms = mmhs_calloc((size_t) repeat, sizeof(double));
	for (r = 0; r < repeat; r++) {
		t0 = sb_now_ms();
		if (store_db_mailbox_counts(db, SB_MAILBOX, &total, &unread,
		    err, sizeof(err)) != 0)
			sb_die("count", err);
		ms[r] = sb_now_ms() - t0;
	}
	qsort(ms, (size_t) repeat, sizeof(double), sb_cmp_double);
	printf("count-unread %.4f %zu 0\n", ms[repeat / 2], unread);
	mmhs_free(ms);
	store_db_close(db);
}

int
main(int argc, char **argv)
{
	if (argc == 5 && strcmp(argv[1], "fill") == 0)
		sb_fill(argv[2], argv[3], strtoul(argv[4], NULL, 10));
	else if (argc == 4 && strcmp(argv[1], "query") == 0)
		sb_query(argv[2], atoi(argv[3]) > 0 ? atoi(argv[3]) : 1);
	else {
		fprintf(stderr, "usage: store_bench fill STOREDIR MAILDIR N | "
		    "query STOREDIR REPEAT\n");
		return 1;
	}
	return 0;
}
