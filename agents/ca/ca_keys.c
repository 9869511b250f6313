/* ca_keys.c - many RSA keys at once, one thread per CPU
 *
 * Making an RSA-2048 key takes a few hundred milliseconds of one CPU;
 * for a whole site (issue-all) that is nearly all of the work, and the
 * keys do not depend on each other.  OpenSSL 3's key generation is
 * thread-safe.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "mmhs_alloc.h"
#include "ca.h"

#define KEYS_THREADS_MAX	16

struct keys_job {
	EVP_PKEY **kj_keys;
	size_t	kj_n;
	size_t	kj_next;		/* next key to make, under kj_lock */
	int	kj_failed;
	pthread_mutex_t kj_lock;
};

/* keys_worker - make keys until none is left */
static void *
keys_worker(void *arg)
{
	struct keys_job *j = arg;
	EVP_PKEY *k;
	size_t i;

	for (;;) {
		pthread_mutex_lock(&j->kj_lock);
		i = j->kj_failed ? j->kj_n : j->kj_next++;
		pthread_mutex_unlock(&j->kj_lock);
		if (i >= j->kj_n)
			return NULL;
		k = ca_cert_newkey();
		pthread_mutex_lock(&j->kj_lock);
		j->kj_keys[i] = k;
		j->kj_failed |= k == NULL;
		pthread_mutex_unlock(&j->kj_lock);
	}
}

EVP_PKEY **
ca_keys_make(size_t n)
{
	pthread_t th[KEYS_THREADS_MAX];
	struct keys_job j;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t i, nth;

	nth = cpus < 1 ? 1 : cpus > KEYS_THREADS_MAX ? KEYS_THREADS_MAX :
	    (size_t) cpus;
	if (nth > n)
		nth = n;
	j.kj_keys = mmhs_calloc(n, sizeof(*j.kj_keys));
	j.kj_n = n;
	j.kj_next = 0;
	j.kj_failed = 0;
	pthread_mutex_init(&j.kj_lock, NULL);
	for (i = 0; i < nth; i++)
		if (pthread_create(&th[i], NULL, keys_worker, &j) != 0)
			break;
	nth = i;
	keys_worker(&j);	/* this thread works too */
	for (i = 0; i < nth; i++)
		pthread_join(th[i], NULL);
	pthread_mutex_destroy(&j.kj_lock);
	if (j.kj_failed) {
		for (i = 0; i < n; i++)
			EVP_PKEY_free(j.kj_keys[i]);
		free(j.kj_keys);
		return NULL;
	}
	return j.kj_keys;
}
