/* archive_bench.c - fill an archive, or a directory of message files,
 * with the same synthetic messages, and time it (tests/bench/archive.sh)
 *
 * usage: archive_bench append DIR FIRST COUNT SYNC
 *	  archive_bench files DIR FIRST COUNT SYNC
 *
 * Message i (FIRST <= i < FIRST + COUNT) is the same in both forms: one
 * of 200 originators, one to three of 1000 recipients, one or two of 50
 * SICs, a precedence (70% routine, 20% priority, 8% immediate, 2% flash),
 * one of four classifications, a Date: one minute after message i - 1
 * from 2026-01-01, Message-ID <i.bench@test.example>, about 1.5 KB of
 * text.  "append" puts it into the archive DIR through the archive's own
 * store (agents/archive), with the metadata the daemon would write;
 * "files" writes it as DIR/i.eml.  SYNC 1: fsync after each record or
 * file (the daemon's durability); SYNC 0: a fast fill, synced once at
 * the end.  Prints "N records in T s: R/s".
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "mmhs_alloc.h"
#include "archive.h"

#define B_T0	1767225600		/* 2026-01-01T00:00:00Z */

static const char *const b_prec[] = { "routine", "priority", "immediate",
	"flash" };
static const char *const b_class[] = { "UNCLASSIFIED", "RESTRICTED",
	"CONFIDENTIAL", "SECRET" };

/* b_rand - a small deterministic generator per message */
static unsigned
b_rand(unsigned long *s)
{
	*s = *s * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(*s >> 33);
}

struct b_msg {
	char	from[64], to[3][64], sic[2][8], msgid[64], date[64];
	int	nto, nsic, prec, cls;
	long	when;
	char	*data;
	size_t	len;
};

/* b_gen - message i */
static void
b_gen(unsigned long i, struct b_msg *m)
{
	unsigned long s = i * 2654435761UL + 7;
	unsigned r, k;
	struct tm tm;
	time_t	t;
	size_t	cap = 4096, o;

	snprintf(m->from, sizeof(m->from), "user%03u@mod.westland.example",
	    b_rand(&s) % 200);
	m->nto = 1 + (int)(b_rand(&s) % 3);
	for (k = 0; k < (unsigned)m->nto; k++)
		snprintf(m->to[k], sizeof(m->to[k]),
		    "r%04u@mod.westland.example", b_rand(&s) % 1000);
	m->nsic = 1 + (int)(b_rand(&s) % 2);
	for (k = 0; k < (unsigned)m->nsic; k++)
		snprintf(m->sic[k], sizeof(m->sic[k]), "S%02u", b_rand(&s) % 50);
	r = b_rand(&s) % 100;
	m->prec = r < 70 ? 0 : r < 90 ? 1 : r < 98 ? 2 : 3;
	m->cls = (int)(b_rand(&s) % 4);
	snprintf(m->msgid, sizeof(m->msgid), "<%lu.bench@test.example>", i);
	m->when = B_T0 + (long)i * 60;
	t = (time_t)m->when;
	gmtime_r(&t, &tm);
	strftime(m->date, sizeof(m->date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
	m->data = mmhs_malloc(cap);
	o = (size_t)snprintf(m->data, cap, "From: %s\r\nTo: %s%s%s%s%s\r\n"
	    "Date: %s\r\nSubject: bench message %lu\r\nMessage-ID: %s\r\n"
	    "MMHS-Primary-Precedence: %s\r\nMMHS-Subject-Indicator-Codes: "
	    "%s%s%s\r\nSIO-Label: marking=\"%s\"\r\n\r\n", m->from, m->to[0],
	    m->nto > 1 ? ", " : "", m->nto > 1 ? m->to[1] : "",
	    m->nto > 2 ? ", " : "", m->nto > 2 ? m->to[2] : "", m->date, i,
	    m->msgid, b_prec[m->prec], m->sic[0], m->nsic > 1 ? ";" : "",
	    m->nsic > 1 ? m->sic[1] : "", b_class[m->cls]);
	for (k = 0; k < 20; k++)
		o += (size_t)snprintf(m->data + o, cap - o, "Line %02u of "
		    "message %lu: the quick brown fox jumps over the dog.\r\n",
		    k, i);
	m->len = o;
}

/* b_meta - the metadata the daemon writes for it */
static void
b_meta(const struct b_msg *m, struct arc_meta *am)
{
	char	num[32];
	int	k;

	memset(am, 0, sizeof(*am));
	arc_meta_add(am, "Message-ID", m->msgid);
	arc_meta_add(am, "From", m->from);
	arc_meta_add(am, "Date", m->date);
	snprintf(num, sizeof(num), "%ld", m->when);
	arc_meta_add(am, "Date-Epoch", num);
	arc_meta_add(am, "Originator", m->from);
	for (k = 0; k < m->nto; k++)
		arc_meta_add(am, "Recipient", m->to[k]);
	arc_meta_add(am, "Precedence", b_prec[m->prec]);
	arc_meta_add(am, "Classification", b_class[m->cls]);
	for (k = 0; k < m->nsic; k++)
		arc_meta_add(am, "SIC", m->sic[k]);
	arc_meta_add(am, "Policy", "cn=bench,ou=policies,c=xw");
	snprintf(num, sizeof(num), "%zu", m->len);
	arc_meta_add(am, "Size", num);
}

/* b_file - message m as DIR/i.eml */
static int
b_file(const char *dir, unsigned long i, const struct b_msg *m, int sync)
{
	char	path[4096];
	int	fd, ok;

	snprintf(path, sizeof(path), "%s/%lu.eml", dir, i);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0)
		return -1;
	ok = write(fd, m->data, m->len) == (ssize_t)m->len &&
	    (!sync || fsync(fd) == 0);
	return close(fd) == 0 && ok ? 0 : -1;
}

int
main(int argc, char **argv)
{
	struct arc_store *s = NULL;
	struct arc_meta am;
	struct b_msg m;
	struct timespec t0, t1;
	unsigned char h[ARC_HASH_LEN];
	char	err[ARC_ERR_LEN];
	unsigned long first, count, i;
	uint64_t recno;
	int	files, sync;
	double	secs;

	if (argc != 6 || (strcmp(argv[1], "append") != 0 &&
	    strcmp(argv[1], "files") != 0)) {
		fprintf(stderr, "usage: archive_bench append|files DIR FIRST "
		    "COUNT SYNC\n");
		return 2;
	}
	files = strcmp(argv[1], "files") == 0;
	first = strtoul(argv[3], NULL, 10);
	count = strtoul(argv[4], NULL, 10);
	sync = atoi(argv[5]);
	if (files ? mkdir(argv[2], 0700) < 0 && errno != EEXIST :
	    arc_store_open(&s, argv[2], ARC_OPEN_CREATE, err, sizeof(err)) < 0 ||
	    (!sync && arc_store_nosync(s, 1) < 0)) {
		fprintf(stderr, "archive_bench: %s: %s\n", argv[2],
		    files ? strerror(errno) : err);
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = first; i < first + count; i++) {
		b_gen(i, &m);
		if (files) {
			if (b_file(argv[2], i, &m, sync) < 0) {
				fprintf(stderr, "archive_bench: file %lu: %s\n", i,
				    strerror(errno));
				return 1;
			}
		} else {
			b_meta(&m, &am);
			if (arc_store_append(s, am.am_buf, am.am_len, m.data,
			    m.len, (time_t)m.when, &recno, h, err,
			    sizeof(err)) < 0) {
				fprintf(stderr, "archive_bench: %lu: %s\n", i, err);
				return 1;
			}
			arc_meta_free(&am);
		}
		mmhs_free(m.data);
	}
	if (files ? !sync && system("sync") != 0 :
	    !sync && arc_store_nosync(s, 0) < 0)
		fprintf(stderr, "archive_bench: final sync failed\n");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	arc_store_close(s);
	secs = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("%lu records in %.2f s: %.0f/s\n", count, secs, count / secs);
	return 0;
}
