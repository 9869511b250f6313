/* mmhs_track.c - the message tracking log shared by every agent
 *
 * See mmhs_track.h for the line format.  A line longer than the buffer
 * is cut and ends in "...", never split into two writes.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "mmhs_alloc.h"
#include "mmhs_track.h"

#define TRACK_LINE_MAX	4096	/* below PIPE_BUF-like atomic sizes */

struct mmhs_track {
	char	*tr_agent;
	int	tr_fd;
	int	tr_own_fd;
};

/* track_needs_quotes - a value that would not read back as one token */
static int
track_needs_quotes(const char *v)
{
	if (*v == '\0')
		return 1;
	for (; *v != '\0'; v++)
		if (*v == ' ' || *v == '"' || *v == '\\' || *v == '=' ||
		    (unsigned char) *v < 0x20)
			return 1;
	return 0;
}

/* track_put - append text to buf at *pos; 0 if it all fitted */
static int
track_put(char *buf, size_t len, size_t *pos, const char *text, size_t n)
{
	if (*pos + n >= len)
		return -1;
	memcpy(buf + *pos, text, n);
	*pos += n;
	buf[*pos] = '\0';
	return 0;
}

/* track_field - append " key=value", quoting the value when needed */
static int
track_field(char *buf, size_t len, size_t *pos, const char *key,
    const char *val)
{
	char esc[2];

	if (val == NULL)
		return 0;
	if (track_put(buf, len, pos, " ", 1) < 0 ||
	    track_put(buf, len, pos, key, strlen(key)) < 0 ||
	    track_put(buf, len, pos, "=", 1) < 0)
		return -1;
	if (!track_needs_quotes(val))
		return track_put(buf, len, pos, val, strlen(val));
	if (track_put(buf, len, pos, "\"", 1) < 0)
		return -1;
	for (; *val != '\0'; val++) {
		if (*val == '"' || *val == '\\') {
			esc[0] = '\\';
			esc[1] = *val;
			if (track_put(buf, len, pos, esc, 2) < 0)
				return -1;
		} else if ((unsigned char) *val < 0x20) {
			if (track_put(buf, len, pos, "?", 1) < 0)
				return -1;
		} else if (track_put(buf, len, pos, val, 1) < 0)
			return -1;
	}
	return track_put(buf, len, pos, "\"", 1);
}

/* mmhs_track_format - the line for one event, without time and newline */
int
mmhs_track_format(const char *agent, const struct mmhs_track_event *ev,
    char *buf, size_t len)
{
	size_t pos = 0;

	if (len == 0)
		return -1;
	buf[0] = '\0';
	if (track_put(buf, len, &pos, "agent=", 6) < 0 ||
	    track_put(buf, len, &pos, agent, strlen(agent)) < 0 ||
	    track_field(buf, len, &pos, "event", ev->te_event) < 0 ||
	    track_field(buf, len, &pos, "qid", ev->te_qid) < 0 ||
	    track_field(buf, len, &pos, "msgid", ev->te_msgid) < 0 ||
	    track_field(buf, len, &pos, "prec", ev->te_prec) < 0 ||
	    track_field(buf, len, &pos, "from", ev->te_from) < 0 ||
	    track_field(buf, len, &pos, "to", ev->te_to) < 0 ||
	    track_field(buf, len, &pos, "hop", ev->te_hop) < 0 ||
	    track_field(buf, len, &pos, "result", ev->te_result) < 0)
		return -1;
	if (ev->te_extra != NULL && (track_put(buf, len, &pos, " ", 1) < 0 ||
	    track_put(buf, len, &pos, ev->te_extra, strlen(ev->te_extra)) < 0))
		return -1;
	return (int) pos;
}

/* mmhs_track_open - append to path (or standard error) as agent */
struct mmhs_track *
mmhs_track_open(const char *agent, const char *path)
{
	struct mmhs_track *tr;
	int fd = STDERR_FILENO;

	if (path != NULL && strcmp(path, "-") != 0) {
		fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
		if (fd < 0)
			return NULL;
	}
	tr = mmhs_calloc(1, sizeof(*tr));
	tr->tr_agent = mmhs_strdup(agent);
	tr->tr_fd = fd;
	tr->tr_own_fd = fd != STDERR_FILENO;
	return tr;
}

/* mmhs_track_close - close the log */
void
mmhs_track_close(struct mmhs_track *tr)
{
	if (tr == NULL)
		return;
	if (tr->tr_own_fd)
		close(tr->tr_fd);
	mmhs_free(tr->tr_agent);
	mmhs_free(tr);
}

/* mmhs_track_log - write one event as one line with one write(2) */
int
mmhs_track_log(struct mmhs_track *tr, const struct mmhs_track_event *ev)
{
	char line[TRACK_LINE_MAX];
	struct timeval tv;
	struct tm tm;
	size_t pos;
	int n;
	ssize_t w;

	gettimeofday(&tv, NULL);
	gmtime_r(&tv.tv_sec, &tm);
	pos = strftime(line, sizeof(line), "%Y-%m-%dT%H:%M:%S", &tm);
	pos += snprintf(line + pos, sizeof(line) - pos, ".%03dZ ",
	    (int) (tv.tv_usec / 1000));
	n = mmhs_track_format(tr->tr_agent, ev, line + pos,
	    sizeof(line) - pos - 1);
	if (n < 0) {
		/* cut, but keep it one line that says so */
		pos = sizeof(line) - 5;
		memcpy(line + pos, "...", 3);
		pos += 3;
	} else
		pos += (size_t) n;
	line[pos++] = '\n';
	do
		w = write(tr->tr_fd, line, pos);
	while (w < 0 && errno == EINTR);
	return w == (ssize_t) pos ? 0 : -1;
}
