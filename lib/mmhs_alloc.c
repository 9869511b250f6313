/* mmhs_alloc.c - memory allocation that succeeds or does not return */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"

/* alloc_check - die when an allocation of len bytes failed */
static void *
alloc_check(void *ptr, size_t len)
{
	if (ptr == NULL && len != 0)
		mmhs_fatal("out of memory allocating %zu bytes", len);
	return ptr;
}

void *
mmhs_malloc(size_t len)
{
	return alloc_check(malloc(len ? len : 1), len);
}

void *
mmhs_calloc(size_t n, size_t len)
{
	if (len != 0 && n > (size_t)-1 / len)
		mmhs_fatal("allocation of %zu x %zu bytes overflows", n, len);
	return alloc_check(calloc(n ? n : 1, len ? len : 1), n * len);
}

void *
mmhs_realloc(void *ptr, size_t len)
{
	return alloc_check(realloc(ptr, len ? len : 1), len);
}

char *
mmhs_strdup(const char *str)
{
	return mmhs_strndup(str, strlen(str));
}

char *
mmhs_strndup(const char *str, size_t len)
{
	char *copy;

	copy = mmhs_malloc(len + 1);
	memcpy(copy, str, len);
	copy[len] = '\0';
	return copy;
}

void
mmhs_free(void *ptr)
{
	free(ptr);
}
