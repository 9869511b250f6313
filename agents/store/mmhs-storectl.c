/* mmhs-storectl.c - look into the message store of mmhs-store
 *
 *	mmhs-storectl -d DIR mailboxes
 *	mmhs-storectl -d DIR folders MAILBOX-DN
 *	mmhs-storectl -d DIR list MAILBOX-DN [FOLDER] [--sort date|precedence|
 *	    classification] [--asc] [--offset N] [--limit N]
 *	    [--precedence a,b] [--class NAME] [--sic SIC] [--originator ADDR]
 *	    [--unread]
 *	mmhs-storectl -d DIR show MAILBOX-DN ID
 *	mmhs-storectl -d DIR raw MAILBOX-DN ID
 *	mmhs-storectl -d DIR pending EPOCH
 *	mmhs-storectl -d DIR count
 *
 * Opens the store read-only (it may run beside mmhs-store, LMDB readers
 * never block its writer) and prints plain text, one record a line,
 * fields separated by tabs, for people and for test scripts.  Exit 0,
 * 1 when the mailbox or message does not exist, 2 on a usage error,
 * 3 when the store cannot be read.  See doc/mmhs-storectl.8.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "store_db.h"

static const char sctl_usage[] =
	"usage: mmhs-storectl -d DIR mailboxes | folders MAILBOX-DN |\n"
	"           list MAILBOX-DN [FOLDER] [--sort date|precedence|"
	"classification]\n"
	"                [--asc] [--offset N] [--limit N] [--precedence a,b]\n"
	"                [--class NAME] [--sic SIC] [--originator ADDR] "
	"[--unread] |\n"
	"           show MAILBOX-DN ID | raw MAILBOX-DN ID | pending EPOCH |"
	" count\n";

static void
sctl_usage_exit(const char *why)
{
	if (why != NULL)
		fprintf(stderr, "mmhs-storectl: %s\n", why);
	fputs(sctl_usage, stderr);
	exit(2);
}

/* sctl_exit_code - the exit status of a store error */
static int
sctl_fail(int rc, const char *err)
{
	fprintf(stderr, "mmhs-storectl: %s\n", err);
	return rc == STORE_NOTFOUND ? 1 : 3;
}

/* sctl_number - a non-negative decimal argument */
static unsigned long long
sctl_number(const char *s, const char *what)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (*s == '\0' || *s == '-' || *end != '\0' || errno != 0) {
		fprintf(stderr, "mmhs-storectl: %s \"%s\" is not a number\n",
		    what, s);
		exit(2);
	}
	return v;
}

/* sctl_flags - "seen,info" */
static void
sctl_flags(unsigned flags, char *buf, size_t len)
{
	unsigned bit;

	buf[0] = '\0';
	for (bit = 1; bit <= STORE_F_ALL; bit <<= 1)
		if (flags & bit)
			snprintf(buf + strlen(buf), len - strlen(buf), "%s%s",
			    buf[0] != '\0' ? "," : "", store_flag_name(bit));
	if (buf[0] == '\0')
		snprintf(buf, len, "-");
}

static const char *
sctl_or_dash(const char *s)
{
	return s != NULL && s[0] != '\0' ? s : "-";
}

/* sctl_line - a message in one line */
static void
sctl_line(const struct store_msg *m)
{
	char flags[80];

	sctl_flags(m->sm_flags, flags, sizeof(flags));
	printf("%llu\t%s\t%s\t%s\t%s\t%lld\t%s\t%s\n",
	    (unsigned long long) m->sm_id, m->sm_folder, flags,
	    mmhs_precedence_name(m->sm_prec), sctl_or_dash(m->sm_class),
	    (long long) (m->sm_date != 0 ? m->sm_date : m->sm_received),
	    sctl_or_dash(m->sm_from), sctl_or_dash(m->sm_subject));
}

/* sctl_prec_set - "flash,immediate" as a set of bits */
static unsigned
sctl_prec_set(const char *list)
{
	char buf[256], *tok, *save = NULL;
	enum mmhs_precedence p;
	unsigned set = 0;

	snprintf(buf, sizeof(buf), "%s", list);
	for (tok = strtok_r(buf, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		if (mmhs_precedence_from_name(tok, &p) != 0)
			sctl_usage_exit("unknown precedence");
		set |= 1u << p;
	}
	return set;
}

static int
sctl_list(struct store_db *db, int argc, char **argv)
{
	struct store_query q;
	struct store_list l;
	char err[512];
	int i, rc;

	memset(&q, 0, sizeof(q));
	q.q_desc = 1;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (a[0] != '-' && q.q_folder == NULL) {
			q.q_folder = a;
			continue;
		}
		if (strcmp(a, "--asc") == 0) {
			q.q_desc = 0;
			continue;
		}
		if (strcmp(a, "--unread") == 0) {
			q.q_unread = 1;
			continue;
		}
		if (v == NULL)
			sctl_usage_exit("option without its value");
		i++;
		if (strcmp(a, "--sort") == 0)
			q.q_sort = strcmp(v, "date") == 0 ? STORE_SORT_DATE :
			    strcmp(v, "precedence") == 0 ?
			    STORE_SORT_PRECEDENCE :
			    strcmp(v, "classification") == 0 ?
			    STORE_SORT_CLASSIFICATION :
			    (sctl_usage_exit("unknown sort"), 0);
		else if (strcmp(a, "--limit") == 0)
			q.q_limit = sctl_number(v, "limit");
		else if (strcmp(a, "--offset") == 0)
			q.q_offset = sctl_number(v, "offset");
		else if (strcmp(a, "--precedence") == 0)
			q.q_prec_set = sctl_prec_set(v);
		else if (strcmp(a, "--class") == 0)
			q.q_class = v;
		else if (strcmp(a, "--sic") == 0)
			q.q_sic = v;
		else if (strcmp(a, "--originator") == 0)
			q.q_originator = v;
		else
			sctl_usage_exit("unknown option");
	}
	if ((rc = store_db_list(db, argv[0], &q, &l, err, sizeof(err))) != 0)
		return sctl_fail(rc, err);
	printf("total\t%zu\n", l.sl_total);
	for (i = 0; i < (int) l.sl_count; i++)
		sctl_line(&l.sl_msgs[i]);
	store_list_free(&l);
	return 0;
}

static int
sctl_show(struct store_db *db, const char *mbox, const char *id)
{
	struct store_msg m;
	char err[512], flags[80];
	size_t i;
	int rc;

	rc = store_db_get(db, mbox, sctl_number(id, "id"), &m, err,
	    sizeof(err));
	if (rc != 0)
		return sctl_fail(rc, err);
	sctl_flags(m.sm_flags, flags, sizeof(flags));
	printf("mailbox\t%s\nid\t%llu\nfolder\t%s\nflags\t%s\n"
	    "received\t%lld\nprecedence\t%s\nclassification\t%s\n"
	    "marking\t%s\n", m.sm_mailbox, (unsigned long long) m.sm_id,
	    m.sm_folder, flags, (long long) m.sm_received,
	    mmhs_precedence_name(m.sm_prec), sctl_or_dash(m.sm_class),
	    sctl_or_dash(m.sm_marking));
	for (i = 0; i < m.sm_nsic; i++)
		printf("sic\t%s\n", m.sm_sic[i]);
	printf("date\t%s\nfrom\t%s\nsubject\t%s\nmessage-id\t%s\n"
	    "mdn-to\t%s\nreturn-path\t%s\ntype\t%d\nsize\t%zu\n",
	    sctl_or_dash(m.sm_date_text), sctl_or_dash(m.sm_from),
	    sctl_or_dash(m.sm_subject), sctl_or_dash(m.sm_message_id),
	    sctl_or_dash(m.sm_mdn_to), sctl_or_dash(m.sm_return_path),
	    m.sm_type, m.sm_size);
	store_msg_free(&m);
	return 0;
}

static int
sctl_raw(struct store_db *db, const char *mbox, const char *id)
{
	char err[512], *data;
	size_t len;
	int rc;

	rc = store_db_raw(db, mbox, sctl_number(id, "id"), &data, &len, err,
	    sizeof(err));
	if (rc != 0)
		return sctl_fail(rc, err);
	rc = fwrite(data, 1, len, stdout) == len ? 0 : 3;
	mmhs_free(data);
	return rc;
}

static int
sctl_mailboxes(struct store_db *db)
{
	struct store_mailbox *mb;
	char err[512];
	size_t n, i;
	int rc;

	if ((rc = store_db_mailboxes(db, &mb, &n, err, sizeof(err))) != 0)
		return sctl_fail(rc, err);
	for (i = 0; i < n; i++)
		printf("%s\t%zu\t%zu\n", mb[i].sb_dn, mb[i].sb_total,
		    mb[i].sb_unread);
	store_mailboxes_free(mb, n);
	return 0;
}

static int
sctl_folders(struct store_db *db, const char *mbox)
{
	struct store_folder *f;
	char err[512];
	size_t n, i;
	int rc;

	if ((rc = store_db_folders(db, mbox, &f, &n, err, sizeof(err))) != 0)
		return sctl_fail(rc, err);
	for (i = 0; i < n; i++)
		printf("%s\t%zu\t%zu\n", f[i].sf_name, f[i].sf_total,
		    f[i].sf_unread);
	mmhs_free(f);
	return 0;
}

static int
sctl_pending(struct store_db *db, const char *before)
{
	struct store_pending *p;
	char err[512];
	size_t n, i;
	int rc;

	rc = store_db_unread_before(db, (time_t) sctl_number(before, "time"),
	    1000, &p, &n, err, sizeof(err));
	if (rc != 0)
		return sctl_fail(rc, err);
	for (i = 0; i < n; i++)
		printf("%lld\t%s\t%llu\t%s\n", (long long) p[i].sp_received,
		    p[i].sp_mailbox, (unsigned long long) p[i].sp_id,
		    mmhs_precedence_name(p[i].sp_prec));
	store_pending_free(p, n);
	return 0;
}

static int
sctl_count(struct store_db *db)
{
	size_t mb, msgs, orig;
	char err[512];
	int rc;

	if ((rc = store_db_count(db, &mb, &msgs, &orig, err, sizeof(err))) != 0)
		return sctl_fail(rc, err);
	printf("mailboxes\t%zu\nmessages\t%zu\noriginals\t%zu\n", mb, msgs,
	    orig);
	return 0;
}

int
main(int argc, char **argv)
{
	const char *dir = NULL, *cmd;
	struct store_db *db;
	char err[512];
	int ch, rc, n;

	mmhs_log_open("mmhs-storectl", 0);
	while ((ch = getopt(argc, argv, "+d:h")) != -1) {
		if (ch == 'd')
			dir = optarg;
		else
			sctl_usage_exit(NULL);
	}
	argc -= optind;
	argv += optind;
	if (dir == NULL || argc < 1)
		sctl_usage_exit(dir == NULL ? "-d DIR is needed" : NULL);
	cmd = argv[0];
	n = argc - 1;
	if (!((strcmp(cmd, "mailboxes") == 0 && n == 0) ||
	    (strcmp(cmd, "count") == 0 && n == 0) ||
	    (strcmp(cmd, "folders") == 0 && n == 1) ||
	    (strcmp(cmd, "pending") == 0 && n == 1) ||
	    (strcmp(cmd, "list") == 0 && n >= 1) ||
	    ((strcmp(cmd, "show") == 0 || strcmp(cmd, "raw") == 0) && n == 2)))
		sctl_usage_exit("unknown command or wrong arguments");
	if ((db = store_db_open(dir, STORE_DB_RDONLY, 0, err,
	    sizeof(err))) == NULL) {
		fprintf(stderr, "mmhs-storectl: %s\n", err);
		return 3;
	}
	if (strcmp(cmd, "mailboxes") == 0)
		rc = sctl_mailboxes(db);
	else if (strcmp(cmd, "count") == 0)
		rc = sctl_count(db);
	else if (strcmp(cmd, "folders") == 0)
		rc = sctl_folders(db, argv[1]);
	else if (strcmp(cmd, "pending") == 0)
		rc = sctl_pending(db, argv[1]);
	else if (strcmp(cmd, "list") == 0)
		rc = sctl_list(db, argc - 1, argv + 1);
	else if (strcmp(cmd, "show") == 0)
		rc = sctl_show(db, argv[1], argv[2]);
	else
		rc = sctl_raw(db, argv[1], argv[2]);
	store_db_close(db);
	return rc;
}
