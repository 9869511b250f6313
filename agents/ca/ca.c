/* ca.c - mmhs-ca: main, options and the table of commands
 *
 *	mmhs-ca -d CADIR COMMAND [ARGS]
 *
 * Every command works on the CA directory CADIR (ca.h) and, but for
 * list, on the directory server named at init.  See doc/mmhs-ca.8.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ca.h"

static const char usage[] =
"usage: mmhs-ca -d CADIR COMMAND ...\n"
"  init --subject DN -H URI -D BINDDN -y PWFILE --entry CA-ENTRY-DN\n"
"       [--days N] [--cert-days N] [--pkcs11 URI]\n"
"  request --for DN [--csr FILE]\n"
"  approve ID [--keydir DIR | --pkcs11 URI [--keydir DIR]]\n"
"  reject ID --reason TEXT\n"
"  issue --for DN [--keydir DIR | --csr FILE]\n"
"  issue-all [--keydir DIR] [--base DN] [--key-pool DIR]\n"
"  revoke SERIAL|--for DN [--reason R]\n"
"  crl\n"
"  renew --for DN [--keydir DIR | --csr FILE]\n"
"  list [certs|requests]\n";

static const struct {
	const char *name;
	int	(*fn)(struct ca *, int, char **);
	int	create;
} commands[] = {
	{ "init", ca_cmd_init, 1 },
	{ "request", ca_cmd_request, 0 },
	{ "approve", ca_cmd_approve, 0 },
	{ "reject", ca_cmd_reject, 0 },
	{ "issue", ca_cmd_issue, 0 },
	{ "issue-all", ca_cmd_issue_all, 0 },
	{ "revoke", ca_cmd_revoke, 0 },
	{ "crl", ca_cmd_crl, 0 },
	{ "renew", ca_cmd_renew, 0 },
	{ "list", ca_cmd_list, 0 },
};

void
ca_die(const char *fmt, ...)
{
	va_list ap;

	fputs("mmhs-ca: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* ca_opts - a command's "--name value" options and its positional
 * arguments (argv[0] is the command); dies on anything else */
int
ca_opts(int argc, char **argv, const struct ca_opt *opts, const char **pos,
    int maxpos)
{
	const struct ca_opt *o;
	int i, npos = 0;

	for (i = 1; i < argc; i++) {
		if (argv[i][0] != '-' || argv[i][1] == '\0') {
			if (npos == maxpos)
				ca_die("%s: unexpected argument \"%s\"", argv[0],
				    argv[i]);
			pos[npos++] = argv[i];
			continue;
		}
		for (o = opts; o->co_name != NULL; o++)
			if (strcmp(o->co_name, argv[i]) == 0)
				break;
		if (o->co_name == NULL)
			ca_die("%s: unknown option %s\n%s", argv[0], argv[i],
			    usage);
		if (i + 1 == argc)
			ca_die("%s: %s needs a value", argv[0], argv[i]);
		*o->co_val = argv[++i];
	}
	return npos;
}

int
main(int argc, char **argv)
{
	const char *dir = NULL;
	struct ca ca;
	size_t i;
	int c, rc;

	while ((c = getopt(argc, argv, "+d:h")) != -1) {
		switch (c) {
		case 'd': dir = optarg; break;
		default: fputs(usage, stderr); return c == 'h' ? 0 : 1;
		}
	}
	argc -= optind;
	argv += optind;
	if (dir == NULL || argc < 1) {
		fputs(usage, stderr);
		return 1;
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[0], commands[i].name) == 0)
			break;
	if (i == sizeof(commands) / sizeof(commands[0]))
		ca_die("unknown command \"%s\"\n%s", argv[0], usage);
	memset(&ca, 0, sizeof(ca));
	ca_db_open(&ca, dir, commands[i].create);
	rc = commands[i].fn(&ca, argc, argv);
	ca_db_close(&ca);
	return rc == 0 ? 0 : 1;
}
