/* mmhs_log.c - diagnostics for OpenMMHS programs
 *
 * See mmhs_log.h for the severities.  Logging never allocates, so it is
 * safe to call from the out-of-memory path of mmhs_alloc.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "mmhs_log.h"

static const char *log_progname = "mmhs";
static int log_syslog;

/* mmhs_log_open - name the program in every line, optionally use syslog */
void
mmhs_log_open(const char *progname, int use_syslog)
{
	const char *slash;

	if (progname != NULL) {
		slash = strrchr(progname, '/');
		log_progname = slash ? slash + 1 : progname;
	}
	log_syslog = use_syslog;
	if (log_syslog)
		openlog(log_progname, LOG_PID, LOG_MAIL);
}

/* mmhs_progname - the name given to mmhs_log_open */
const char *
mmhs_progname(void)
{
	return log_progname;
}

/* log_emit - write one line at a severity */
static void
log_emit(int prio, const char *tag, const char *fmt, va_list ap)
{
	char line[2048];

	vsnprintf(line, sizeof(line), fmt, ap);
	fprintf(stderr, "%s: %s%s\n", log_progname, tag, line);
	if (log_syslog)
		syslog(prio, "%s%s", tag, line);
}

void
mmhs_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_emit(LOG_INFO, "", fmt, ap);
	va_end(ap);
}

void
mmhs_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_emit(LOG_WARNING, "warning: ", fmt, ap);
	va_end(ap);
}

void
mmhs_fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_emit(LOG_CRIT, "fatal: ", fmt, ap);
	va_end(ap);
	exit(1);
}

void
mmhs_panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_emit(LOG_CRIT, "panic: ", fmt, ap);
	va_end(ap);
	abort();
}
