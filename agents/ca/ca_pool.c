/* ca_pool.c - pre-made keys for test and demo sites (issue-all --key-pool)
 *
 * Making 120-odd RSA keys is nearly all of the time it takes to certify
 * the sample site, and a test suite starts many sites.  A key pool is a
 * directory of private keys, key-0001.pem, key-0002.pem, ..., that any
 * number of sites may share: the holder whose address is the Nth of the
 * site's sorted addresses (lower case, each counted once) gets key N, so
 * a site gets the same key per address every time and no key serves
 * two addresses of one site.  Keys missing from the pool are made and
 * added under an exclusive flock(2) on DIR/lock (the lock flock(1)
 * takes), so sites started together fill the pool once; a key file
 * appears whole (temporary file, rename) and never changes, so reading
 * needs no lock.  Keys are shared between sites: a pool is a test aid,
 * never for a real site (doc/mmhs-ca.8).
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/pem.h>

#include "mmhs_alloc.h"
#include "ca.h"

/* pool_path - DIR/key-NNNN.pem of key number n (from 1) */
static void
pool_path(const char *dir, size_t n, char *buf, size_t len)
{
	snprintf(buf, len, "%s/key-%04zu.pem", dir, n);
}

/* pool_write - one new key into the pool, whole or not at all */
static int
pool_write(const char *path, EVP_PKEY *key, char *err, size_t errlen)
{
	BIO *b = BIO_new(BIO_s_mem());
	char *data;
	long len;
	int rc = -1;

	if (b != NULL && PEM_write_bio_PrivateKey(b, key, NULL, NULL, 0, NULL,
	    NULL) == 1 && (len = BIO_get_mem_data(b, &data)) > 0)
		rc = ca_db_write(path, data, (size_t) len, 0600, err, errlen);
	else
		snprintf(err, errlen, "%s: %s", path, mmhs_pki_ssl_reason());
	BIO_free(b);
	return rc;
}

/* pool_fill - make the keys of numbers[0..n) that the pool lacks;
 * called with the pool locked */
static int
pool_fill(const char *dir, const size_t *numbers, size_t n, char *err,
    size_t errlen)
{
	char path[CA_LINE_MAX];
	size_t *missing, nmissing = 0, i;
	EVP_PKEY **keys;
	int rc = 0;

	missing = mmhs_calloc(n > 0 ? n : 1, sizeof(*missing));
	for (i = 0; i < n; i++) {
		pool_path(dir, numbers[i], path, sizeof(path));
		if (access(path, F_OK) != 0)
			missing[nmissing++] = numbers[i];
	}
	if (nmissing == 0) {
		free(missing);
		return 0;
	}
	if ((keys = ca_keys_make(nmissing)) == NULL) {
		snprintf(err, errlen, "cannot make %zu RSA keys: %s", nmissing,
		    mmhs_pki_ssl_reason());
		free(missing);
		return -1;
	}
	for (i = 0; i < nmissing; i++) {
		pool_path(dir, missing[i], path, sizeof(path));
		if (rc == 0 && pool_write(path, keys[i], err, errlen) < 0)
			rc = -1;
		EVP_PKEY_free(keys[i]);
	}
	free(keys);
	free(missing);
	return rc;
}

/* pool_locked_fill - pool_fill under DIR/lock (made when missing) */
static int
pool_locked_fill(const char *dir, const size_t *numbers, size_t n,
    char *err, size_t errlen)
{
	char path[CA_LINE_MAX];
	int fd, rc;

	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		snprintf(err, errlen, "key pool %s: %s", dir, strerror(errno));
		return -1;
	}
	snprintf(path, sizeof(path), "%s/lock", dir);
	if ((fd = open(path, O_RDWR | O_CREAT, 0600)) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	while ((rc = flock(fd, LOCK_EX)) != 0 && errno == EINTR)
		;
	if (rc != 0)
		snprintf(err, errlen, "%s: cannot lock: %s", path,
		    strerror(errno));
	else
		rc = pool_fill(dir, numbers, n, err, errlen);
	close(fd);		/* releases the lock */
	return rc;
}

/* pool_read - key number n; an RSA-2048 key or an error naming it */
static EVP_PKEY *
pool_read(const char *dir, size_t n, char *err, size_t errlen)
{
	char path[CA_LINE_MAX];
	EVP_PKEY *key = NULL;
	FILE *f;

	pool_path(dir, n, path, sizeof(path));
	if ((f = fopen(path, "r")) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	key = PEM_read_PrivateKey(f, NULL, NULL, NULL);
	fclose(f);
	if (key == NULL || EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA ||
	    EVP_PKEY_get_bits(key) != 2048) {
		snprintf(err, errlen, "%s: not an RSA-2048 private key in PEM "
		    "(remove it to have it made again)", path);
		ERR_clear_error();
		EVP_PKEY_free(key);
		return NULL;
	}
	return key;
}

/* pool_addr_cmp - addresses in the order that numbers the keys */
static int
pool_addr_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* pool_lower - an address in lower case (the key file's name) */
static char *
pool_lower(const char *addr)
{
	char *s = mmhs_strdup(addr), *p;

	for (p = s; *p != '\0'; p++)
		*p = (char) tolower((unsigned char) *p);
	return s;
}

/* pool_numbers - the key number of each holder to certify: its
 * address's place among the site's sorted distinct addresses */
static size_t *
pool_numbers(char **all, size_t nall, const struct ca_holder *todo,
    size_t ntodo)
{
	char **sorted, **hit, *a;
	size_t *numbers, i, n = 0;

	sorted = mmhs_calloc(nall > 0 ? nall : 1, sizeof(*sorted));
	for (i = 0; i < nall; i++)
		sorted[i] = pool_lower(all[i]);
	qsort(sorted, nall, sizeof(*sorted), pool_addr_cmp);
	for (i = 0; i < nall; i++) {
		if (n > 0 && strcmp(sorted[n - 1], sorted[i]) == 0)
			free(sorted[i]);
		else
			sorted[n++] = sorted[i];
	}
	numbers = mmhs_calloc(ntodo > 0 ? ntodo : 1, sizeof(*numbers));
	for (i = 0; i < ntodo; i++) {
		a = pool_lower(todo[i].ch_addr);
		hit = bsearch(&a, sorted, n, sizeof(*sorted), pool_addr_cmp);
		numbers[i] = hit != NULL ? (size_t) (hit - sorted) + 1 :
		    n + i + 1;	/* not listed: after every listed one */
		free(a);
	}
	for (i = 0; i < n; i++)
		free(sorted[i]);
	free(sorted);
	return numbers;
}

/* pool_distinct - no key serves two numbers (a pool copied by hand
 * could hold one key twice: two holders would share it) */
static int
pool_distinct(const char *dir, EVP_PKEY **keys, const size_t *numbers,
    size_t n, char *err, size_t errlen)
{
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (numbers[i] != numbers[j] &&
			    EVP_PKEY_eq(keys[i], keys[j]) == 1) {
				snprintf(err, errlen, "key pool %s: key-%04zu.pem "
				    "and key-%04zu.pem are the same key", dir,
				    numbers[i], numbers[j]);
				return -1;
			}
	return 0;
}

EVP_PKEY **
ca_pool_keys(const char *dir, char **all, size_t nall,
    const struct ca_holder *todo, size_t ntodo, char *err, size_t errlen)
{
	EVP_PKEY **keys;
	size_t *numbers, i;
	int rc;

	numbers = pool_numbers(all, nall, todo, ntodo);
	if (pool_locked_fill(dir, numbers, ntodo, err, errlen) < 0) {
		free(numbers);
		return NULL;
	}
	keys = mmhs_calloc(ntodo > 0 ? ntodo : 1, sizeof(*keys));
	for (rc = 0, i = 0; rc == 0 && i < ntodo; i++)
		if ((keys[i] = pool_read(dir, numbers[i], err, errlen)) == NULL)
			rc = -1;
	if (rc == 0)
		rc = pool_distinct(dir, keys, numbers, ntodo, err, errlen);
	free(numbers);
	if (rc == 0)
		return keys;
	for (i = 0; i < ntodo; i++)
		EVP_PKEY_free(keys[i]);
	free(keys);
	return NULL;
}
