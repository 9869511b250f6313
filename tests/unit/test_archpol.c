/* test_archpol.c - unit tests of the archive policy table (mmhs_archpol)
 *
 * Purpose: a directory cache filled through its storage layer with two
 * archive policies, their subjects (an organisation, a role, a person)
 * and people who are not subjects; the table says which policies cover
 * which address: a subject's mail and O/R addresses (any case, any
 * "+detail", O/R attributes in another order), never an entry below an
 * organisation subject; retention days and archive DNs as the entries
 * say; a subject missing from the directory is counted.
 * Interface: run without arguments (TMPDIR picks the place).
 */
#include "config.h"

#include <ldap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mmhs_alloc.h"
#include "mmhs_archpol.h"
#include "unit.h"

static char t_dir[512];
static mmhs_dircache_t *t_cache;

static const struct {
	const char *e_dn;
	const char *e_av[16];
} t_entries[] = {
	{ "cn=archive-hq,ou=Policies,c=XW", { "objectClass",
	    "mmhsArchivePolicy", "cn", "archive-hq", "mmhsArchive",
	    "CN=Archive,c=XW", "mmhsArchiveSubject", "o=HQ,c=XW",
	    "mmhsArchiveSubject", "cn=Duty Officer,o=HQ,c=XW",
	    "mmhsArchiveSubject", "cn=Nobody,o=HQ,c=XW",
	    "mmhsRetentionDays", "3650", NULL } },
	{ "cn=archive-do,ou=Policies,c=XW", { "objectClass",
	    "mmhsArchivePolicy", "cn", "archive-do", "mmhsArchive",
	    "cn=archive2,c=XW", "mmhsArchiveSubject",
	    "cn=Duty Officer,o=HQ,c=XW", NULL } },
	{ "o=HQ,c=XW", { "objectClass", "organization", "o", "HQ",
	    "mail", "hq@mod.example", NULL } },
	{ "cn=Duty Officer,o=HQ,c=XW", { "objectClass", "organizationalRole",
	    "cn", "Duty Officer", "mail", "do.hq@mod.example",
	    "mhs-or-addresses", "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=HQ/CN=DO/",
	    NULL } },
	{ "cn=Ann Smith,o=HQ,c=XW", { "objectClass", "person", "cn",
	    "Ann Smith", "mail", "ann.smith@mod.example", NULL } },
};

/* t_put - one table row into the cache; 0 or -1 */
static int
t_put(int id, const char *dn, const char *const *av)
{
	mmhs_dircache_entry_t e;
	mmhs_dircache_attr_t a[16];
	unsigned char u[16];
	size_t	i, n = 0;
	int	rc;

	memset(&e, 0, sizeof(e));
	memset(a, 0, sizeof(a));
	e.de_dn = (char *)dn;
	e.de_attrs = a;
	for (i = 0; av[i] != NULL; i += 2) {
		if (n == 0 || strcmp(a[n - 1].da_name, av[i]) != 0) {
			a[n].da_name = (char *)av[i];
			a[n].da_vals = mmhs_calloc(8, sizeof(char *));
			a[n++].da_lens = mmhs_calloc(8, sizeof(size_t));
		}
		a[n - 1].da_vals[a[n - 1].da_nvals] = (char *)av[i + 1];
		a[n - 1].da_lens[a[n - 1].da_nvals++] = strlen(av[i + 1]);
	}
	e.de_nattrs = n;
	memset(u, 0, sizeof(u));
	u[0] = 0xa5;
	u[15] = (unsigned char)id;
	rc = mmhs_dircache_put(t_cache, u, &e);
	for (i = 0; i < n; i++) {
		mmhs_free(a[i].da_vals);
		mmhs_free(a[i].da_lens);
	}
	return rc == 0 ? 0 : -1;
}

static int
t_init(void)
{
	mmhs_dircache_conf_t conf = { 0 };
	char	err[256];
	size_t	i;

	snprintf(t_dir, sizeof(t_dir), "%s/test_archpol.%ld",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (long)getpid());
	conf.dc_dir = t_dir;
	conf.dc_base = "c=XW";
	conf.dc_scope = LDAP_SCOPE_SUBTREE;
	conf.dc_map_size = 16u << 20;
	if ((t_cache = mmhs_dircache_open(&conf, err, sizeof(err))) == NULL)
		return 1;
	for (i = 0; i < sizeof(t_entries) / sizeof(t_entries[0]); i++)
		if (t_put((int)i + 1, t_entries[i].e_dn, t_entries[i].e_av) < 0)
			return 1;
	return 0;
}

static int
t_fini(void)
{
	char	cmd[600];

	mmhs_dircache_close(t_cache);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", t_dir);
	return system(cmd) != 0;
}

/* t_cover - the policies covering addr as "0,1" */
static const char *
t_cover(const struct mmhs_archpol_table *t, const char *addr)
{
	static char got[64];
	unsigned char hit[8] = { 0 };
	size_t	i;

	got[0] = '\0';
	(void) mmhs_archpol_cover(t, addr, hit);
	for (i = 0; i < mmhs_archpol_count(t); i++)
		if (hit[i])
			snprintf(got + strlen(got), sizeof(got) - strlen(got),
			    "%s%zu", got[0] ? "," : "", i);
	return got;
}

/* test_cover - who is covered by which policy */
static void
test_cover(void)
{
	static const struct {
		const char *addr, *want;
	} c[] = {
		{ "hq@mod.example", "1" },		/* archive-hq sorts 2nd */
		{ "HQ@MOD.EXAMPLE", "1" },
		{ "do.hq@mod.example", "0,1" },
		{ "do.hq+info@mod.example", "0,1" },
		{ "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=HQ/CN=DO/", "0,1" },
		{ "/c=xw/admd= /prmd=mod/o=defence/ou1=hq/cn=do/", "0,1" },
		{ "ann.smith@mod.example", "" },	/* below o=HQ: not covered */
		{ "hq@other.example", "" },
		{ "no-at-sign", "" },
		{ "/not an O/R address", "" },
	};
	struct mmhs_archpol_table *t;
	char	err[256];
	size_t	i, missing = 0;

	t = mmhs_archpol_build(t_cache, &missing, err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(t);
	CU_ASSERT(mmhs_archpol_count(t) == 2);
	UNIT_CHECK(missing == 1, "%zu missing subjects, want 1", missing);
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++)
		UNIT_CHECK(strcmp(t_cover(t, c[i].addr), c[i].want) == 0,
		    "%s: want \"%s\", got \"%s\"", c[i].addr, c[i].want,
		    t_cover(t, c[i].addr));
	mmhs_archpol_free(t);
}

/* test_fields - DNs normalised, retention, lookup by any spelling */
static void
test_fields(void)
{
	struct mmhs_archpol_table *t;
	const struct mmhs_archpol *p;
	char	err[256];

	t = mmhs_archpol_build(t_cache, NULL, err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(t);
	p = mmhs_archpol_get(t, 1);
	UNIT_CHECK(p != NULL && strcmp(p->ap_dn,
	    "cn=archive-hq,ou=policies,c=xw") == 0 &&
	    strcmp(p->ap_archive, "cn=archive,c=xw") == 0 && p->ap_days == 3650,
	    "policy 1: %s %s %ld", p ? p->ap_dn : "-", p ? p->ap_archive : "-",
	    p ? p->ap_days : 0);
	p = mmhs_archpol_get(t, 0);
	CU_ASSERT(p != NULL && p->ap_days == -1);
	CU_ASSERT(mmhs_archpol_get(t, 2) == NULL);
	CU_ASSERT(mmhs_archpol_find(t, "CN=Archive-HQ, ou=Policies, c=XW") == 1);
	CU_ASSERT(mmhs_archpol_find(t, "cn=nosuch,c=XW") == -1);
	mmhs_archpol_free(t);
}

static const struct unit_test t_tests[] = {
	{ "which policies cover an address", test_cover },
	{ "policy fields", test_fields },
};

int
main(void)
{
	static const struct unit_suite suites[] = {
		UNIT_SUITE("archpol", t_tests),
	};
	int	rc;

	if (t_init() != 0) {
		fprintf(stderr, "test_archpol: cannot open a cache in %s\n",
		    t_dir);
		return 99;
	}
	rc = unit_main(suites, 1);
	return t_fini() != 0 ? 1 : rc;
}
