/* fuzz_ffmon.c - libFuzzer target for mmhs-ffmon's report readers
 * fuzz-sources: agents/ffmon/ffmon_report.c agents/ffmon/ffmon_track.c lib/mmhs_dsn.c lib/mmhs_mdn.c lib/mmhs_mdn_parse.c lib/mmhs_msg.c lib/mmhs_precedence.c lib/mmhs_text.c lib/mmhs_alloc.c lib/mmhs_log.c
 *
 * Purpose: what the report reads comes from elsewhere: tracking log
 * lines (any agent), and DSNs and MDNs that other sites and gateways
 * wrote.  Mode 0 (first octet even): the rest, split at newlines, as
 * tracking lines; mode 1: the rest as a DSN or MDN message about
 * "<fz@x>".
 * Properties: a parsed line has 1..FFMON_TRACK_FIELDS pairs, each key
 * non-empty without '=', ' ' or '"', values without newline, all inside
 * the line's buffer; a line is "about" the message exactly when its
 * msgid value is "<fz@x>"; a DSN part found is at most
 * MMHS_MSG_HEADER_MAX octets; every recipient's state is one of the
 * enum; printing works.
 * Interface: libFuzzer's.  Error behaviour: a broken property aborts.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmhs_alloc.h"
#include "mmhs_msg.h"
#include "../../agents/ffmon/ffmon.h"

#define FZ_ID	"<fz@x>"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* fz_line - one tracking line and its properties */
static void
fz_line(struct ffmon_report *r, const char *line)
{
	struct ffmon_track_line *t = mmhs_malloc(sizeof(*t));
	const char *end = t->tl_buf + sizeof(t->tl_buf), *id;
	size_t	i;
	int	about;

	if (ffmon_track_parse(line, t) == 0) {
		if (t->tl_n == 0 || t->tl_n > FFMON_TRACK_FIELDS)
			abort();
		for (i = 0; i < t->tl_n; i++)
			if (t->tl_key[i] < t->tl_buf || t->tl_key[i] >= end ||
			    t->tl_val[i] < t->tl_buf || t->tl_val[i] >= end ||
			    t->tl_key[i][0] == '\0' ||
			    strpbrk(t->tl_key[i], "= \"\n") != NULL ||
			    strchr(t->tl_val[i], '\n') != NULL)
				abort();
		id = ffmon_track_get(t, "msgid");
		about = id != NULL && strcmp(id, FZ_ID) == 0;
	} else
		about = 0;
	if (ffmon_report_line(r, line) != about)
		abort();
	mmhs_free(t);
}

/* fz_states - every recipient has a state of the enum */
static void
fz_states(struct ffmon_report *r, const char *probe)
{
	int	s = ffmon_report_state(r, probe);

	if (s < -1 || s > FFMON_R_FAILED)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ffmon_report *r;
	char	*buf, *p, *nl, err[256], *status = NULL;
	size_t	slen = 0;
	FILE	*null;
	int	rc;

	if (size < 1)
		return 0;
	buf = mmhs_malloc(size);
	memcpy(buf, data + 1, size - 1);
	buf[size - 1] = '\0';
	r = ffmon_report_new(FZ_ID);
	if ((data[0] & 1) == 0) {
		for (p = buf; p < buf + size - 1; p = nl + 1) {
			if ((nl = strchr(p, '\n')) == NULL)
				nl = buf + size - 1;
			*nl = '\0';
			fz_line(r, p);
		}
	} else {
		rc = ffmon_report_dsn_part(buf, size - 1, FZ_ID, &status,
		    &slen, err, sizeof(err));
		if (rc < -1 || rc > 1 || (rc == 1 && (status == NULL ||
		    slen > MMHS_MSG_HEADER_MAX)) || (rc != 1 && status != NULL))
			abort();
		mmhs_free(status);
		rc = ffmon_report_message(r, buf, size - 1, err, sizeof(err));
		if (rc < -1 || rc > 1 || (rc == -1 && err[0] == '\0'))
			abort();
	}
	fz_states(r, "a@b");
	if ((null = fopen("/dev/null", "w")) != NULL) {
		ffmon_report_print(r, null);
		fclose(null);
	}
	ffmon_report_free(r);
	mmhs_free(buf);
	return 0;
}
