/* lmtpd_bench.c - mmhs_lmtpd as a sink, for tests/bench/lmtpd.sh
 *
 * usage: lmtpd_bench [-s] COUNT
 *
 * Listens on 127.0.0.1 (a free port, printed on the first line of
 * stdout), accepts every recipient and message, and exits a second
 * after COUNT messages were delivered to its callback.  With -s each message also
 * goes through mmhs_summary_parse(), the work every agent starts with.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <event2/event.h>

#include "mmhs_lmtpd.h"
#include "mmhs_summary.h"

static struct event_base *lb_base;
static long lb_left;
static int lb_summary;
static unsigned long long lb_octets;

/* lb_message - count, summarise if asked, stop after the last */
static void
lb_message(void *arg, const struct mmhs_lmtp_envelope *env,
	struct mmhs_lmtp_reply *r)
{
	struct mmhs_summary su;
	char	err[256];
	size_t	i;
	int	ok = 1;

	if (lb_summary) {
		ok = mmhs_summary_parse(&su, env->le_data, env->le_len, err,
		    sizeof(err)) == 0;
		mmhs_summary_free(&su);
	}
	lb_octets += env->le_len;
	for (i = 0; i < env->le_nrcpt; i++) {
		r[i].lr_code = ok ? 250 : 554;
		snprintf(r[i].lr_text, sizeof(r[i].lr_text), ok ? "2.0.0 ok" :
		    "5.6.0 %s", err);
	}
	/* the last replies must still go out: stop a second later */
	if (--lb_left == 0)
		event_base_loopexit(lb_base, &(struct timeval){ 1, 0 });
}

int
main(int argc, char **argv)
{
	struct mmhs_lmtpd_conf lc;
	struct mmhs_lmtpd *ld;
	char	err[256];

	if (argc > 1 && strcmp(argv[1], "-s") == 0) {
		lb_summary = 1;
		argv++;
		argc--;
	}
	if (argc != 2 || (lb_left = atol(argv[1])) <= 0) {
		fprintf(stderr, "usage: lmtpd_bench [-s] COUNT\n");
		return 2;
	}
	lb_base = event_base_new();
	memset(&lc, 0, sizeof(lc));
	lc.lc_uri = "lmtp://127.0.0.1:0";
	lc.lc_max_conns = 256;
	lc.lc_on_message = lb_message;
	if ((ld = mmhs_lmtpd_new(lb_base, &lc, err, sizeof(err))) == NULL) {
		fprintf(stderr, "lmtpd_bench: %s\n", err);
		return 1;
	}
	printf("%d\n", mmhs_lmtpd_port(ld));
	fflush(stdout);
	event_base_dispatch(lb_base);
	fprintf(stderr, "lmtpd_bench: %llu octets\n", lb_octets);
	mmhs_lmtpd_free(ld);
	event_base_free(lb_base);
	return 0;
}
