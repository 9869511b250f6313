/* mta_deliver_rm.c - mmhs-mta: removal of finished messages off the loop
 *
 * Purpose: mmhs_queue_remove() is synchronous: it returns after its
 * commit was synced to disk (milliseconds).  Called from the event loop
 * once per delivered message it would stall receiving and delivery
 * alike.  So removals go to a small pool of threads; since the queue
 * commits the operations of all waiting threads together (group
 * commit), MTD_RM_THREADS removals share one sync, and the marks that
 * precede them (submitted earlier, asynchronously) ride in the same
 * commit.
 *
 * Interface (mta_deliver.h): mtd_rm_start(), mtd_rm_add(),
 * mtd_rm_stop() (drains what is pending, then joins).  At start, a
 * message whose recipients are all final (a crash between its marks
 * and its removal) is removed too.
 *
 * Error behaviour: a failed removal is logged; the message stays on
 * disk with every recipient final, and the next start removes it.
 */
#include "config.h"

#include <pthread.h>
#include <string.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mta_deliver.h"

#define MTD_RM_THREADS	8

struct mtd_rm {
	pthread_mutex_t r_lock;
	pthread_cond_t r_cond;
	char	(*r_ids)[MMHS_QUEUE_ID_LEN + 1];
	size_t	r_head, r_n, r_cap;
	int	r_stop;
	struct mmhs_queue *r_q;
	pthread_t r_th[MTD_RM_THREADS];
	int	r_nth;
};

/* mtd_rm_main - a removal thread */
static void *
mtd_rm_main(void *arg)
{
	struct mtd_rm *r = arg;
	char	id[MMHS_QUEUE_ID_LEN + 1];
	int	rc;

	pthread_mutex_lock(&r->r_lock);
	for (;;) {
		while (r->r_n == 0 && !r->r_stop)
			pthread_cond_wait(&r->r_cond, &r->r_lock);
		if (r->r_n == 0)
			break;
		memcpy(id, r->r_ids[r->r_head], sizeof(id));
		r->r_head = (r->r_head + 1) % r->r_cap;
		r->r_n--;
		pthread_mutex_unlock(&r->r_lock);
		if ((rc = mmhs_queue_remove(r->r_q, id, 0)) != 0)
			mmhs_warn("%s: not removed: %s", id,
			    mmhs_queue_strerror(rc));
		pthread_mutex_lock(&r->r_lock);
	}
	pthread_mutex_unlock(&r->r_lock);
	return NULL;
}

/* mtd_rm_add - remove message id soon */
void
mtd_rm_add(struct mtd *d, const char *id)
{
	struct mtd_rm *r = d->d_rm;
	size_t	i, cap;
	char	(*ids)[MMHS_QUEUE_ID_LEN + 1];

	pthread_mutex_lock(&r->r_lock);
	if (r->r_n == r->r_cap) {
		cap = r->r_cap ? 2 * r->r_cap : 1024;
		ids = mmhs_calloc(cap, sizeof(*ids));
		for (i = 0; i < r->r_n; i++)
			memcpy(ids[i], r->r_ids[(r->r_head + i) % r->r_cap],
			    sizeof(ids[i]));
		mmhs_free(r->r_ids);
		r->r_ids = ids;
		r->r_cap = cap;
		r->r_head = 0;
	}
	memcpy(r->r_ids[(r->r_head + r->r_n) % r->r_cap], id,
	    MMHS_QUEUE_ID_LEN + 1);
	r->r_n++;
	pthread_cond_signal(&r->r_cond);
	pthread_mutex_unlock(&r->r_lock);
}

/* mtd_rm_final - mmhs_queue_list: queue the removal of finished ones */
static int
mtd_rm_final(void *arg, const struct mmhs_queue_env *e)
{
	size_t	i;

	for (i = 0; i < e->qe_nrcpt; i++)
		if (e->qe_rcpt[i].qr_state != MMHS_RCPT_DELIVERED &&
		    e->qe_rcpt[i].qr_state != MMHS_RCPT_FAILED)
			return 0;
	mtd_rm_add(arg, e->qe_id);
	return 0;
}

/* mtd_rm_start - start the removal threads */
void
mtd_rm_start(struct mtd *d)
{
	struct mtd_rm *r = mmhs_calloc(1, sizeof(*r));
	int	i;

	pthread_mutex_init(&r->r_lock, NULL);
	pthread_cond_init(&r->r_cond, NULL);
	r->r_q = d->d_mta->m_queue;
	d->d_rm = r;
	for (i = 0; i < MTD_RM_THREADS; i++)
		if (pthread_create(&r->r_th[i], NULL, mtd_rm_main, r) == 0)
			r->r_nth++;
	if (r->r_nth == 0)
		mmhs_fatal("mtd_rm_start: cannot create a thread");
	(void) mmhs_queue_list(r->r_q, mtd_rm_final, d);
}

/* mtd_rm_stop - finish the pending removals and end the threads */
void
mtd_rm_stop(struct mtd *d)
{
	struct mtd_rm *r = d->d_rm;
	int	i;

	if (r == NULL)
		return;
	pthread_mutex_lock(&r->r_lock);
	r->r_stop = 1;
	pthread_cond_broadcast(&r->r_cond);
	pthread_mutex_unlock(&r->r_lock);
	for (i = 0; i < r->r_nth; i++)
		pthread_join(r->r_th[i], NULL);
	pthread_mutex_destroy(&r->r_lock);
	pthread_cond_destroy(&r->r_cond);
	mmhs_free(r->r_ids);
	mmhs_free(r);
	d->d_rm = NULL;
}
