/* mmhs_log.h - diagnostics for OpenMMHS programs */
#ifndef MMHS_LOG_H
#define MMHS_LOG_H

#include <stdarg.h>

/*
 * Three severities, as in Postfix's msg(3): mmhs_warn() reports and goes
 * on; mmhs_fatal() reports and exits non-zero (mail stays queued, a
 * supervisor restarts the agent); mmhs_panic() is for broken invariants and
 * aborts for a core.  mmhs_info() is for normal events.  Lines go to
 * stderr prefixed with the program name, and also to syslog once
 * mmhs_log_open() asked for it.
 */
void mmhs_log_open(const char *progname, int use_syslog);
const char *mmhs_progname(void);
void mmhs_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void mmhs_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void mmhs_fatal(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));
void mmhs_panic(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));

#endif
