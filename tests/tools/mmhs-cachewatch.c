/*
 * NAME
 *	mmhs-cachewatch - run a directory cache and show what it does
 * SYNOPSIS
 *	mmhs-cachewatch -H URI[,URI...] [-D DN -w PW | -Y] -b BASE -c DIR
 *		[-s base|one|sub] [-f FILTER] [-a ATTR,...] [-x ATTR,...] [-i]
 *	mmhs-cachewatch -c DIR [-x ATTR,...] -l DN | -F ATTR=VALUE | -n
 * DESCRIPTION
 *	The first form keeps the cache in DIR (see mmhs_dircache.h) in sync
 *	with the directory at the URIs, in that order of preference, and
 *	prints one line per event, prefixed by the time in seconds since the
 *	epoch with microseconds:
 *		T state NAME: REASON	(refreshing, persisting, running from
 *					 cache; the reason says connected to
 *					 which URI, refresh done, lost, ...)
 *		T add|modify|delete UUID DN
 *	-x names the attributes to index besides objectClass; -Y binds with
 *	SASL EXTERNAL (ldapi://).  With -i it also reads commands on stdin
 *	and answers from the cache: "dn DN", "find ATTR=VALUE", "count",
 *	"state"; it ends at end of input.  Without -i it ends on SIGTERM
 *	or SIGINT.
 *
 *	The second form opens the cache without any directory and answers
 *	one lookup: the entry of a DN (-l), the DNs of the entries with an
 *	indexed value (-F), or the number of entries (-n).
 * EXIT STATUS
 *	0; 1 when the cache cannot be opened, a lookup finds nothing or the
 *	arguments are wrong.
 */

#include "config.h"

#include <ldap.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "mmhs_alloc.h"
#include "mmhs_dircache.h"
#include "mmhs_log.h"

#define CW_LINE_MAX	4096

static pthread_mutex_t cw_out = PTHREAD_MUTEX_INITIALIZER;

/* cw_print - one timestamped line, whole even with two threads */
static void cw_print(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static void
cw_print(const char *fmt, ...)
{
	struct timeval tv;
	va_list ap;

	gettimeofday(&tv, NULL);
	pthread_mutex_lock(&cw_out);
	printf("%lld.%06ld ", (long long)tv.tv_sec, (long)tv.tv_usec);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	pthread_mutex_unlock(&cw_out);
}

/* cw_change - cache callback: an entry changed */
static void
cw_change(void *arg, mmhs_dircache_change_t kind, const char *uuid,
    const char *dn)
{
	cw_print("%s %s %s", kind == MMHS_DC_ADD ? "add" :
	    kind == MMHS_DC_MODIFY ? "modify" : "delete", uuid, dn);
}

/* cw_state - cache callback: the state changed */
static void
cw_state(void *arg, mmhs_dircache_state_t s, const char *reason)
{
	cw_print("state %s: %s", mmhs_dircache_state_name(s), reason);
}

/* cw_split - a comma-separated list as a NULL-ended array */
static char **
cw_split(const char *s)
{
	char **list, *copy = mmhs_strdup(s), *tok, *save = NULL;
	size_t n = 0;

	list = mmhs_calloc(strlen(s) + 2, sizeof(char *));
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save))
		list[n++] = mmhs_strdup(tok);
	mmhs_free(copy);
	return list;
}

/* cw_free_list - free a list from cw_split */
static void
cw_free_list(char **list)
{
	char **p;

	for (p = list; p != NULL && *p != NULL; p++)
		mmhs_free(*p);
	mmhs_free(list);
}

/* cw_show - print an entry, LDIF-like (values as they are) */
static int
cw_show(void *arg, const mmhs_dircache_entry_t *e)
{
	size_t i, j;

	pthread_mutex_lock(&cw_out);
	if (arg != NULL) {
		printf("%s\n", e->de_dn);
	} else {
		printf("dn: %s\nentryUUID: %s\n", e->de_dn, e->de_uuid);
		for (i = 0; i < e->de_nattrs; i++)
			for (j = 0; j < e->de_attrs[i].da_nvals; j++)
				printf("%s: %s\n", e->de_attrs[i].da_name,
				    e->de_attrs[i].da_vals[j]);
		printf("\n");
	}
	fflush(stdout);
	pthread_mutex_unlock(&cw_out);
	return 0;
}

/* cw_query - answer one lookup; 0 if something was found */
static int
cw_query(mmhs_dircache_t *c, const char *cmd, const char *arg)
{
	mmhs_dircache_entry_t *e;
	char reason[MMHS_DC_REASON_LEN], *copy, *eq;
	long n;

	if (strcmp(cmd, "dn") == 0) {
		if ((e = mmhs_dircache_by_dn(c, arg)) == NULL) {
			cw_print("lookup %s: not found", arg);
			return 1;
		}
		cw_show(NULL, e);
		mmhs_dircache_entry_free(e);
		return 0;
	}
	if (strcmp(cmd, "find") == 0) {
		copy = mmhs_strdup(arg);
		if ((eq = strchr(copy, '=')) == NULL) {
			mmhs_free(copy);
			return 1;
		}
		*eq = 0;
		n = mmhs_dircache_find(c, copy, eq + 1, cw_show, "dn only");
		cw_print("find %s: %ld entries", arg, n);
		mmhs_free(copy);
		return n > 0 ? 0 : 1;
	}
	if (strcmp(cmd, "count") == 0) {
		cw_print("count %ld", mmhs_dircache_count(c));
		return 0;
	}
	if (strcmp(cmd, "state") == 0) {
		n = mmhs_dircache_status(c, reason, sizeof(reason));
		cw_print("state %s: %s",
		    mmhs_dircache_state_name((mmhs_dircache_state_t)n), reason);
		return 0;
	}
	cw_print("unknown command %s", cmd);
	return 1;
}

/* cw_commands - thread: answer commands from stdin; at end of input
 * end the program as SIGTERM would */
static void *
cw_commands(void *arg)
{
	mmhs_dircache_t *c = arg;
	char line[CW_LINE_MAX], *sp;

	while (fgets(line, sizeof(line), stdin) != NULL) {
		line[strcspn(line, "\r\n")] = 0;
		if ((sp = strchr(line, ' ')) != NULL)
			*sp++ = 0;
		cw_query(c, line, sp != NULL ? sp : "");
	}
	kill(getpid(), SIGTERM);
	return NULL;
}

/* cw_usage - say how to call us, and fail */
static void
cw_usage(void)
{
	fprintf(stderr, "usage: mmhs-cachewatch -H URI[,URI...] "
	    "[-D DN -w PW | -Y] -b BASE -c DIR [-s base|one|sub] "
	    "[-f FILTER] [-a ATTRS] [-x ATTRS] [-i]\n"
	    "       mmhs-cachewatch -c DIR [-x ATTRS] -l DN | -F A=V | -n\n");
	exit(1);
}

/* cw_scope - a scope name to its LDAP value */
static int
cw_scope(const char *s)
{
	if (strcmp(s, "base") == 0)
		return LDAP_SCOPE_BASE;
	if (strcmp(s, "one") == 0)
		return LDAP_SCOPE_ONELEVEL;
	if (strcmp(s, "sub") == 0)
		return LDAP_SCOPE_SUBTREE;
	cw_usage();
	return -1;
}

int
main(int argc, char **argv)
{
	mmhs_dircache_conf_t conf = { 0 };
	mmhs_dircache_t *c;
	char err[256], *query = NULL, *arg = NULL;
	char **uris = NULL, **attrs = NULL, **idx = NULL;
	int ch, interactive = 0, rc = 0, sig;
	sigset_t set;
	pthread_t cmd;

	mmhs_log_open("mmhs-cachewatch", 0);
	conf.dc_scope = LDAP_SCOPE_SUBTREE;
	while ((ch = getopt(argc, argv, "H:D:w:Yb:c:s:f:a:x:il:F:n")) != -1) {
		switch (ch) {
		case 'H': cw_free_list(uris); uris = cw_split(optarg); break;
		case 'D': conf.dc_bind_dn = optarg; break;
		case 'w': conf.dc_bind_pw = optarg; break;
		case 'Y': conf.dc_sasl_external = 1; break;
		case 'b': conf.dc_base = optarg; break;
		case 'c': conf.dc_dir = optarg; break;
		case 's': conf.dc_scope = cw_scope(optarg); break;
		case 'f': conf.dc_filter = optarg; break;
		case 'a': cw_free_list(attrs); attrs = cw_split(optarg); break;
		case 'x': cw_free_list(idx); idx = cw_split(optarg); break;
		case 'i': interactive = 1; break;
		case 'l': query = "dn"; arg = optarg; break;
		case 'F': query = "find"; arg = optarg; break;
		case 'n': query = "count"; arg = ""; break;
		default: cw_usage();
		}
	}
	if (conf.dc_dir == NULL || optind != argc ||
	    (query == NULL && (uris == NULL || conf.dc_base == NULL)))
		cw_usage();
	/* a lookup never touches the directory */
	conf.dc_uris = query == NULL ? (const char *const *)uris : NULL;
	conf.dc_attrs = (const char *const *)attrs;
	conf.dc_index = (const char *const *)idx;
	conf.dc_on_change = cw_change;
	conf.dc_on_state = cw_state;
	c = mmhs_dircache_open(&conf, err, sizeof(err));
	cw_free_list(uris);	/* the cache keeps its own copies */
	cw_free_list(attrs);
	cw_free_list(idx);
	if (c == NULL)
		mmhs_fatal("%s", err);
	if (query != NULL) {
		rc = cw_query(c, query, arg);
		mmhs_dircache_close(c);
		return rc;
	}
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);	/* the cache thread too */
	if (mmhs_dircache_start(c) < 0)
		mmhs_fatal("cannot start the cache");
	if (interactive && pthread_create(&cmd, NULL, cw_commands, c) != 0)
		mmhs_fatal("cannot start the command thread");
	sigwait(&set, &sig);
	mmhs_dircache_close(c);
	fflush(stdout);
	if (interactive)	/* the command thread may sit in fgets() */
		_exit(0);
	return 0;
}
