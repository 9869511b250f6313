/* mmhs_alloc.h - memory allocation that succeeds or does not return */
#ifndef MMHS_ALLOC_H
#define MMHS_ALLOC_H

#include <stddef.h>

/*
 * On exhaustion these log a fatal error and exit, so callers carry no
 * out-of-memory branches (Postfix's mymalloc(3)).  mmhs_free(NULL) is
 * allowed.  Not for code that runs inside slapd: overlays use ch_malloc
 * and the operation's memory context.
 */
void *mmhs_malloc(size_t len);
void *mmhs_calloc(size_t n, size_t len);
void *mmhs_realloc(void *ptr, size_t len);
char *mmhs_strdup(const char *str);
char *mmhs_strndup(const char *str, size_t len);
void mmhs_free(void *ptr);

#endif
