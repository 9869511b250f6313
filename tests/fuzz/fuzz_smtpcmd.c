/* fuzz_smtpcmd.c - libFuzzer target for the SMTP command parser
 * fuzz-sources: lib/mmhs_smtpcmd.c lib/mmhs_precedence.c lib/mmhs_text.c
 *
 * Purpose: arbitrary bytes (cut at the first NUL and at MMHS_SMTPCMD_LINE_MAX,
 * as the session cuts a line) as a command line for mmhs_smtpcmd_verb(), and
 * its arguments and the whole line for mmhs_smtpcmd_mail() and
 * mmhs_smtpcmd_rcpt(); the raw bytes for mmhs_smtpcmd_xtext_decode().
 * Properties: an accepted MAIL or RCPT has a path of at most
 * MMHS_SMTPCMD_PATH_MAX printable octets, parameter values in their ranges
 * (MT-PRIORITY -9..9, RET 0..2, NOTIFY NEVER alone, ORCPT "type;..."),
 * decoded xtext without control octets; a refusal is a 501 or 555 reply
 * with an enhanced code, shorter than MMHS_SMTPCMD_REPLY_MAX and printable.
 * Interface: libFuzzer's.
 * Error behaviour: a broken property aborts.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmhs_queue.h"
#include "mmhs_smtpcmd.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* fuzz_fail - report a broken property and crash */
static void
fuzz_fail(const char *what, const char *input)
{
	fprintf(stderr, "fuzz_smtpcmd: %s\ninput: %s\n", what, input);
	abort();
}

/* fuzz_printable - s holds only octets 32..126 */
static int
fuzz_printable(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 32 || (unsigned char)*s > 126)
			return 0;
	return 1;
}

/* fuzz_reply - a refusal the session can send as it is */
static void
fuzz_reply(const char *input, const char *reply)
{
	size_t	n = strnlen(reply, MMHS_SMTPCMD_REPLY_MAX);

	if (n >= MMHS_SMTPCMD_REPLY_MAX || n < 10)
		fuzz_fail("reply length", input);
	if ((strncmp(reply, "501 5.", 6) != 0 &&
	    strncmp(reply, "555 5.", 6) != 0) || !fuzz_printable(reply))
		fuzz_fail("reply not a printable 501/555", input);
}

/* fuzz_path - an accepted path */
static void
fuzz_path(const char *input, const char *path)
{
	if (strlen(path) > MMHS_SMTPCMD_PATH_MAX || !fuzz_printable(path) ||
	    strchr(path, ' ') != NULL || strchr(path, '<') != NULL ||
	    strchr(path, '>') != NULL)
		fuzz_fail("bad accepted path", input);
}

/* fuzz_mail - MAIL arguments */
static void
fuzz_mail(const char *input, const char *args)
{
	struct mmhs_smtpcmd_mail m;
	char	reply[MMHS_SMTPCMD_REPLY_MAX];

	if (mmhs_smtpcmd_mail(args, &m, reply, sizeof(reply)) < 0) {
		fuzz_reply(input, reply);
		return;
	}
	fuzz_path(input, m.cm_path);
	if (m.cm_ret < 0 || m.cm_ret > 2 || (m.cm_8bit != 0 && m.cm_8bit != 1))
		fuzz_fail("RET or BODY out of range", input);
	if (m.cm_mt != MMHS_SMTPCMD_NO_MT && (m.cm_mt < -9 || m.cm_mt > 9))
		fuzz_fail("MT-PRIORITY out of range", input);
	if (strlen(m.cm_envid) > MMHS_SMTPCMD_ENVID_MAX ||
	    (!m.cm_has_envid && m.cm_envid[0] != '\0') ||
	    (m.cm_has_envid && m.cm_envid[0] == '\0'))
		fuzz_fail("bad ENVID", input);
	for (const char *p = m.cm_envid; *p != '\0'; p++)
		if ((unsigned char)*p < 32 || *p == 127)
			fuzz_fail("control octet in ENVID", input);
}

/* fuzz_rcpt - RCPT arguments */
static void
fuzz_rcpt(const char *input, const char *args)
{
	struct mmhs_smtpcmd_rcpt r;
	char	reply[MMHS_SMTPCMD_REPLY_MAX];
	unsigned all = MMHS_NOTIFY_SUCCESS | MMHS_NOTIFY_FAILURE |
	    MMHS_NOTIFY_DELAY;

	if (mmhs_smtpcmd_rcpt(args, &r, reply, sizeof(reply)) < 0) {
		fuzz_reply(input, reply);
		return;
	}
	fuzz_path(input, r.cr_path);
	if (r.cr_path[0] == '\0')
		fuzz_fail("empty recipient accepted", input);
	if (r.cr_notify != 0 && r.cr_notify != MMHS_NOTIFY_NEVER &&
	    (r.cr_notify & ~all) != 0)
		fuzz_fail("NOTIFY=NEVER combined", input);
	if (r.cr_has_orcpt != (r.cr_orcpt[0] != '\0') ||
	    (r.cr_has_orcpt && strchr(r.cr_orcpt, ';') == NULL))
		fuzz_fail("bad ORCPT", input);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	line[MMHS_SMTPCMD_LINE_MAX + 1];
	char	out[MMHS_SMTPCMD_XTEXT_MAX + 1];
	const char *args;
	size_t	n = size < MMHS_SMTPCMD_LINE_MAX ? size :
	    MMHS_SMTPCMD_LINE_MAX;
	int	rc;

	memcpy(line, data, n);
	line[n] = '\0';
	switch (mmhs_smtpcmd_verb(line, &args)) {
	case MMHS_SMTPCMD_MAIL:	fuzz_mail(line, args); break;
	case MMHS_SMTPCMD_RCPT:	fuzz_rcpt(line, args); break;
	default:		break;
	}
	if (args < line || args > line + strlen(line))
		fuzz_fail("args outside the line", line);
	fuzz_mail(line, line);
	fuzz_rcpt(line, line);
	rc = mmhs_smtpcmd_xtext_decode((const char *)data, size, out,
	    sizeof(out));
	if (rc > (int)size || (rc >= 0 && (size_t)rc != strlen(out)))
		fuzz_fail("xtext length", line);
	return 0;
}
