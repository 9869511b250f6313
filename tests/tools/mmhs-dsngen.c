/* mmhs-dsngen.c - write one DSN for the given arguments to stdout
 *
 * Purpose: lets shell tests and people look at what mmhs_dsn_write()
 * produces and feed it to other tools (python3's email package in
 * tests/e2e/t05-dsn-format.sh).
 *
 * Interface:
 *	mmhs-dsngen [-t] [-H host] [-f from] [-e envid] [-r full|hdrs]
 *	    [-R remote-mta] [-d diagnostic] [-a arrival-time]
 *	    -s return-path original-file action:status:address[:orcpt]...
 * The original is read from the file ("-": stdin) in chunks as the
 * MTA reads its queue file.  -R and -d apply to every recipient.  -t
 * fixes Date, Message-ID and boundary for comparisons.
 *
 * Error behaviour: a usage error exits 2, a refused DSN exits 1 with
 * mmhs_dsn's message on stderr (stdout then holds a partial DSN).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "mmhs_alloc.h"
#include "mmhs_dsn.h"
#include "mmhs_log.h"

/* dsngen_read - read(2) as an mmhs_dsn_read_fn */
static ssize_t
dsngen_read(void *ctx, char *buf, size_t len)
{
	int	fd = *(int *) ctx;
	ssize_t	n;

	while ((n = read(fd, buf, len)) < 0 && errno == EINTR)
		;
	return n;
}

/* dsngen_write - stdout as an mmhs_msg_sink_fn */
static int
dsngen_write(void *ctx, const char *buf, size_t len)
{
	return fwrite(buf, 1, len, ctx) == len ? 0 : -1;
}

/* dsngen_usage - say how, exit 2 */
static void
dsngen_usage(void)
{
	fprintf(stderr, "usage: mmhs-dsngen [-t] [-H host] [-f from] "
	    "[-e envid] [-r full|hdrs] [-R remote-mta] [-d diagnostic] "
	    "[-a arrival-time] -s return-path original-file "
	    "action:status:address[:orcpt]...\n");
	exit(2);
}

/* dsngen_rcpt - "action:status:address[:orcpt]" into r */
static void
dsngen_rcpt(char *arg, struct mmhs_dsn_rcpt *r)
{
	char   *action = arg, *status, *addr, *orcpt;

	if ((status = strchr(action, ':')) == NULL ||
	    (addr = strchr(status + 1, ':')) == NULL)
		dsngen_usage();
	*status++ = '\0';
	*addr++ = '\0';
	if ((orcpt = strchr(addr, ':')) != NULL)
		*orcpt++ = '\0';
	if (mmhs_dsn_action_from_name(action, &r->dr_action) < 0)
		dsngen_usage();
	r->dr_status = status;
	r->dr_final = addr;
	r->dr_orcpt = orcpt;
}

int
main(int argc, char **argv)
{
	struct mmhs_dsn_msg dm;
	struct mmhs_dsn_rcpt *r;
	const char *remote = NULL, *diag = NULL;
	char	err[512];
	int	c, fd, i;
	size_t	n;

	mmhs_log_open("mmhs-dsngen", 0);
	memset(&dm, 0, sizeof(dm));
	dm.dm_reporting_mta = "mta.example.mil";
	dm.dm_from = "Mail Delivery System <MAILER-DAEMON@mta.example.mil>";
	while ((c = getopt(argc, argv, "tH:f:e:r:R:d:a:s:")) != -1) {
		switch (c) {
		case 't':
			dm.dm_now = 1700000000;
			dm.dm_message_id = "<test.dsn@mta.example.mil>";
			dm.dm_boundary = "=_test-boundary";
			break;
		case 'H':
			dm.dm_reporting_mta = optarg;
			break;
		case 'f':
			dm.dm_from = optarg;
			break;
		case 'e':
			dm.dm_envid = optarg;
			break;
		case 'r':
			if (strcasecmp(optarg, "full") == 0)
				dm.dm_ret = MMHS_DSN_RET_FULL;
			else if (strcasecmp(optarg, "hdrs") == 0)
				dm.dm_ret = MMHS_DSN_RET_HDRS;
			else
				dsngen_usage();
			break;
		case 'R':
			remote = optarg;
			break;
		case 'd':
			diag = optarg;
			break;
		case 'a':
			dm.dm_arrival = (time_t) strtoll(optarg, NULL, 10);
			break;
		case 's':
			dm.dm_return_path = optarg;
			break;
		default:
			dsngen_usage();
		}
	}
	if (argc - optind < 2)
		dsngen_usage();
	n = (size_t) (argc - optind - 1);
	r = mmhs_calloc(n, sizeof(*r));
	for (i = 0; (size_t) i < n; i++) {
		dsngen_rcpt(argv[optind + 1 + i], r + i);
		r[i].dr_remote_mta = remote;
		r[i].dr_diag = diag;
	}
	dm.dm_rcpt = r;
	dm.dm_nrcpt = n;
	if (strcmp(argv[optind], "-") == 0)
		fd = 0;
	else if ((fd = open(argv[optind], O_RDONLY)) < 0)
		mmhs_fatal("open %s: %m", argv[optind]);
	if (mmhs_dsn_write(&dm, dsngen_read, &fd, dsngen_write, stdout, NULL,
	    err, sizeof(err)) < 0 || fflush(stdout) != 0) {
		fprintf(stderr, "mmhs-dsngen: %s\n", err[0] ? err :
		    "write error");
		return 1;
	}
	mmhs_free(r);
	return 0;
}
