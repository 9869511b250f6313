/* queue_bench.c - how fast messages become durable, three ways
 *
 * Purpose: measure acknowledged puts per second of N concurrent
 * producers, each putting messages of one size back to back, with
 *	pertxn	the LMDB queue committing (and syncing) every message alone
 *	group	the LMDB queue with group commit (the default)
 *	files	one file per message: write, fsync, close, rename (what
 *		Postfix does for a queue file), no LMDB at all
 *
 * Interface: queue_bench MODE SIZE PRODUCERS SECONDS DIR; prints one
 * line "msgs seconds commits ops" (commits/ops only for the queue).
 * QUEUE_BENCH_CHUNK sets the queue's content chunk size.
 * Built and run by tests/bench/queue.sh.
 *
 * Error behaviour: any failure prints a message and exits 1.
 */
#include "config.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mmhs_alloc.h"
#include "mmhs_queue.h"

#define QB_MAX_PRODUCERS	1000

static volatile int qb_stop;
static struct mmhs_queue *qb_q;
static const char *qb_mode, *qb_dir;
static size_t qb_size;
static unsigned char *qb_data;

struct qb_producer {
	int	qp_n;
	unsigned long qp_msgs;
};

/* qb_die - report and exit */
static void
qb_die(const char *what)
{
	perror(what);
	exit(1);
}

/* qb_put_file - one message as a queue file, durable before return */
static void
qb_put_file(struct qb_producer *p)
{
	char	tmp[512], path[512];
	int	fd;

	snprintf(tmp, sizeof(tmp), "%s/t%d.%lu", qb_dir, p->qp_n, p->qp_msgs);
	snprintf(path, sizeof(path), "%s/q%d.%lu", qb_dir, p->qp_n,
	    p->qp_msgs);
	if ((fd = open(tmp, O_CREAT | O_EXCL | O_WRONLY, 0600)) < 0)
		qb_die(tmp);
	if (write(fd, qb_data, qb_size) != (ssize_t) qb_size ||
	    fsync(fd) != 0 || close(fd) != 0 || rename(tmp, path) != 0)
		qb_die(path);
}

/* qb_put_queue - one message through the queue */
static void
qb_put_queue(struct qb_producer *p)
{
	struct mmhs_queue_rcpt r;
	struct mmhs_queue_env e;
	char	sender[64];

	memset(&e, 0, sizeof(e));
	memset(&r, 0, sizeof(r));
	snprintf(sender, sizeof(sender), "p%d-%lu@bench.example", p->qp_n,
	    p->qp_msgs);
	r.qr_addr = "rcpt@bench.example";
	e.qe_sender = sender;
	e.qe_prec = (enum mmhs_precedence) (p->qp_msgs % 6);
	e.qe_mt_priority = MMHS_QUEUE_NO_MT_PRIORITY;
	e.qe_nrcpt = 1;
	e.qe_rcpt = &r;
	if (mmhs_queue_put(qb_q, &e, qb_data, qb_size) != 0) {
		fprintf(stderr, "queue_bench: put failed\n");
		exit(1);
	}
}

/* qb_run - a producer: put until told to stop */
static void *
qb_run(void *arg)
{
	struct qb_producer *p = arg;

	while (!qb_stop) {
		if (strcmp(qb_mode, "files") == 0)
			qb_put_file(p);
		else
			qb_put_queue(p);
		p->qp_msgs++;
	}
	return NULL;
}

/* qb_now - monotonic seconds */
static double
qb_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

/* main - run one cell of the table */
int
main(int argc, char **argv)
{
	static struct qb_producer prod[QB_MAX_PRODUCERS];
	static pthread_t th[QB_MAX_PRODUCERS];
	struct mmhs_queue_opts o;
	struct mmhs_queue_stats st;
	unsigned long total = 0;
	double	t0, t1;
	int	n, i, secs;
	size_t	j;

	if (argc != 6) {
		fprintf(stderr, "usage: queue_bench pertxn|group|files SIZE "
		    "PRODUCERS SECONDS DIR\n");
		return 1;
	}
	qb_mode = argv[1];
	qb_size = (size_t) strtoul(argv[2], NULL, 10);
	n = atoi(argv[3]);
	secs = atoi(argv[4]);
	qb_dir = argv[5];
	if (n < 1 || n > QB_MAX_PRODUCERS || secs < 1)
		return 1;
	qb_data = mmhs_malloc(qb_size + 1);
	for (j = 0; j < qb_size; j++)
		qb_data[j] = (unsigned char) ("abcdefghij\n"[j % 11]);
	memset(&o, 0, sizeof(o));
	memset(&st, 0, sizeof(st));
	o.qo_dir = qb_dir;
	o.qo_mapsize = (size_t) 16 << 30;
	o.qo_per_op_commit = strcmp(qb_mode, "pertxn") == 0;
	if (getenv("QUEUE_BENCH_CHUNK") != NULL)
		o.qo_chunk = (unsigned) atoi(getenv("QUEUE_BENCH_CHUNK"));
	if (strcmp(qb_mode, "files") != 0 && mmhs_queue_open(&qb_q, &o) != 0)
		return 1;
	t0 = qb_now();
	for (i = 0; i < n; i++) {
		prod[i].qp_n = i;
		pthread_create(&th[i], NULL, qb_run, &prod[i]);
	}
	sleep((unsigned) secs);
	qb_stop = 1;
	for (i = 0; i < n; i++) {
		pthread_join(th[i], NULL);
		total += prod[i].qp_msgs;
	}
	t1 = qb_now();
	if (qb_q != NULL) {
		(void) mmhs_queue_stats(qb_q, &st);
		mmhs_queue_close(qb_q);
	}
	printf("%lu %.3f %lu %lu\n", total, t1 - t0, st.qs_commits,
	    st.qs_ops);
	mmhs_free(qb_data);
	return 0;
}
