/*
 * test_dircache.c - unit tests of the directory cache's LMDB storage
 *
 * No directory runs here: entries are written with the storage layer
 * (mmhs_dircache_put/del/set_cookie) into a fresh cache directory, then
 * looked up as an agent would.  The sync thread is tested end to end by
 * tests/e2e/t30-dircache.sh.  Exit status is non-zero on any failure.
 */

#include "config.h"

#include <ldap.h>
#include <lmdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"

#include "mmhs_alloc.h"
#include "mmhs_dircache.h"

static char td_dir[256];
static int td_adds, td_mods, td_dels;
static const char *td_index[] = { "mail", "mmhsRouteMatch", NULL };

/* td_change - count the change callbacks */
static void
td_change(void *arg, mmhs_dircache_change_t kind, const char *uuid,
    const char *dn)
{
	if (kind == MMHS_DC_ADD)
		td_adds++;
	else if (kind == MMHS_DC_MODIFY)
		td_mods++;
	else
		td_dels++;
}

/* td_open - a cache in a new directory (or the same one again) */
static mmhs_dircache_t *
td_open(int fresh, const char *const *uris, const char *filter,
    const char *const *index)
{
	mmhs_dircache_conf_t conf = { 0 };
	char err[256], cmd[300];
	mmhs_dircache_t *c;

	if (fresh) {
		snprintf(cmd, sizeof(cmd), "rm -rf %s", td_dir);
		CU_ASSERT_FATAL(system(cmd) == 0);
	}
	conf.dc_dir = td_dir;
	conf.dc_uris = uris;
	conf.dc_base = "c=XW";
	conf.dc_scope = LDAP_SCOPE_SUBTREE;
	conf.dc_filter = filter;
	conf.dc_index = index;
	conf.dc_on_change = td_change;
	conf.dc_map_size = 16u << 20;
	c = mmhs_dircache_open(&conf, err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	td_adds = td_mods = td_dels = 0;
	return c;
}

/* An entry to store: dn, then name/value pairs (NULL-ended). */
typedef struct td_entry {
	int te_id;
	const char *te_dn;
	const char *te_av[12];
} td_entry_t;

static const td_entry_t td_entries[] = {
	{ 1, "cn=local,ou=Routes,c=XW", { "objectClass", "mmhsRoute",
	    "cn", "local", "mmhsRouteMatch", "domain:mod.westland.example",
	    "mmhsNextHop", "cn=store,c=XW", NULL } },
	{ 2, "cn=lists,ou=Routes,c=XW", { "objectClass", "mmhsRoute",
	    "cn", "lists", "mmhsRouteMatch", "domain:lists.westland.example",
	    NULL } },
	{ 3, "cn=Jane Doe,ou=People,c=XW", { "objectClass", "person",
	    "objectClass", "inetOrgPerson", "cn", "Jane Doe",
	    "mail", "Jane.Doe@mod.westland.example", "sn", "Doe", NULL } },
	{ 4, "cn=John Roe,ou=People,c=XW", { "objectClass", "inetOrgPerson",
	    "cn", "John Roe", "mail", "john.roe@mod.westland.example",
	    NULL } },
};
#define TD_NENTRIES (sizeof(td_entries) / sizeof(td_entries[0]))

/* td_uuid - a test UUID from a small number */
static void
td_uuid(int id, unsigned char *u)
{
	memset(u, 0, 16);
	u[0] = 0xab;
	u[15] = (unsigned char)id;
}

/* td_build - an mmhs_dircache_entry_t from a table row (same attribute
 * names next to each other become one attribute) */
static mmhs_dircache_entry_t *
td_build(const char *dn, const char *const *av)
{
	mmhs_dircache_entry_t *e = mmhs_calloc(1, sizeof(*e));
	mmhs_dircache_attr_t *a = NULL;
	size_t i;

	e->de_dn = mmhs_strdup(dn);
	e->de_attrs = mmhs_calloc(12, sizeof(*e->de_attrs));
	for (i = 0; av[i] != NULL; i += 2) {
		if (a == NULL || strcmp(a->da_name, av[i]) != 0) {
			a = &e->de_attrs[e->de_nattrs++];
			a->da_name = mmhs_strdup(av[i]);
			a->da_vals = mmhs_calloc(8, sizeof(char *));
			a->da_lens = mmhs_calloc(8, sizeof(size_t));
		}
		a->da_vals[a->da_nvals] = mmhs_strdup(av[i + 1]);
		a->da_lens[a->da_nvals++] = strlen(av[i + 1]);
	}
	return e;
}

/* td_load - store every table entry */
static void
td_load(mmhs_dircache_t *c)
{
	unsigned char u[16];
	mmhs_dircache_entry_t *e;
	size_t i;

	for (i = 0; i < TD_NENTRIES; i++) {
		td_uuid(td_entries[i].te_id, u);
		e = td_build(td_entries[i].te_dn, td_entries[i].te_av);
		CU_ASSERT(mmhs_dircache_put(c, u, e) == 0);
		mmhs_dircache_entry_free(e);
	}
}

/* test_store_lookup - by DN (normalised), by UUID, values intact */
static void
test_store_lookup(void)
{
	static const struct { const char *dn; int id; } cases[] = {
		{ "cn=local,ou=Routes,c=XW", 1 },
		{ "CN=Local, OU=routes, C=xw", 1 },
		{ "cn=jane doe,ou=people,c=xw", 3 },
		{ "cn=nobody,ou=People,c=XW", 0 },
		{ "not a dn", 0 },
	};
	mmhs_dircache_t *c = td_open(1, NULL, NULL, td_index);
	mmhs_dircache_entry_t *e;
	char text[37];
	unsigned char u[16];
	size_t i;

	td_load(c);
	CU_ASSERT_EQUAL(td_adds, 4);
	CU_ASSERT_EQUAL(mmhs_dircache_count(c), 4);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		e = mmhs_dircache_by_dn(c, cases[i].dn);
		if (cases[i].id == 0) {
			CU_ASSERT_PTR_NULL(e);
			continue;
		}
		CU_ASSERT_PTR_NOT_NULL_FATAL(e);
		td_uuid(cases[i].id, u);
		mmhs_dircache_uuid_text(u, text);
		CU_ASSERT_STRING_EQUAL(e->de_uuid, text);
		mmhs_dircache_entry_free(e);
	}
	e = mmhs_dircache_by_uuid(c, "ab000000-0000-0000-0000-000000000003");
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	CU_ASSERT_STRING_EQUAL(e->de_dn, "cn=Jane Doe,ou=People,c=XW");
	CU_ASSERT_EQUAL(mmhs_dircache_attr(e, "OBJECTCLASS")->da_nvals, 2);
	CU_ASSERT_STRING_EQUAL(mmhs_dircache_value(e, "sn"), "Doe");
	CU_ASSERT_PTR_NULL(mmhs_dircache_value(e, "telephoneNumber"));
	mmhs_dircache_entry_free(e);
	CU_ASSERT_PTR_NULL(mmhs_dircache_by_uuid(c, "not-a-uuid"));
	mmhs_dircache_close(c);
}

/* td_count_dn - iteration callback counting entries */
static int
td_count_dn(void *arg, const mmhs_dircache_entry_t *e)
{
	(*(int *)arg)++;
	return 0;
}

/* test_index - find by objectClass and by declared attributes */
static void
test_index(void)
{
	static const struct { const char *a, *v; long n; } cases[] = {
		{ "objectClass", "mmhsRoute", 2 },
		{ "objectclass", "INETORGPERSON", 2 },
		{ "objectClass", "person", 1 },
		{ "objectClass", "groupOfNames", 0 },
		{ "mail", "jane.doe@mod.westland.example", 1 },
		{ "MAIL", "John.Roe@MOD.westland.example", 1 },
		{ "mmhsRouteMatch", "domain:mod.westland.example", 1 },
		{ "sn", "Doe", -1 },	/* not indexed */
	};
	mmhs_dircache_t *c = td_open(1, NULL, NULL, td_index);
	size_t i;
	int seen;

	td_load(c);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		seen = 0;
		CU_ASSERT_EQUAL(mmhs_dircache_find(c, cases[i].a, cases[i].v,
		    td_count_dn, &seen), cases[i].n);
		CU_ASSERT_EQUAL(seen, cases[i].n < 0 ? 0 : cases[i].n);
	}
	seen = 0;
	CU_ASSERT_EQUAL(mmhs_dircache_foreach(c, td_count_dn, &seen), 4);
	CU_ASSERT_EQUAL(seen, 4);
	mmhs_dircache_close(c);
}

/* test_modify - a changed entry is re-indexed; an unchanged one is not
 * reported; a renamed one moves in the DN index */
static void
test_modify(void)
{
	static const char *const moved[] = { "objectClass", "mmhsRoute",
	    "cn", "local2", "mmhsRouteMatch", "domain:new.westland.example",
	    NULL };
	mmhs_dircache_t *c = td_open(1, NULL, NULL, td_index);
	mmhs_dircache_entry_t *e;
	unsigned char u[16];

	td_load(c);
	td_uuid(1, u);
	e = td_build(td_entries[0].te_dn, td_entries[0].te_av);
	CU_ASSERT(mmhs_dircache_put(c, u, e) == 0);
	mmhs_dircache_entry_free(e);
	CU_ASSERT_EQUAL(td_mods, 0);
	e = td_build("cn=local2,ou=Routes,c=XW", moved);
	CU_ASSERT(mmhs_dircache_put(c, u, e) == 0);
	mmhs_dircache_entry_free(e);
	CU_ASSERT_EQUAL(td_mods, 1);
	CU_ASSERT_EQUAL(mmhs_dircache_count(c), 4);
	CU_ASSERT_EQUAL(mmhs_dircache_find(c, "mmhsRouteMatch",
	    "domain:mod.westland.example", NULL, NULL), 0);
	CU_ASSERT_EQUAL(mmhs_dircache_find(c, "mmhsRouteMatch",
	    "domain:new.westland.example", NULL, NULL), 1);
	CU_ASSERT_PTR_NULL(mmhs_dircache_by_dn(c, "cn=local,ou=Routes,c=XW"));
	e = mmhs_dircache_by_dn(c, "cn=local2,ou=Routes,c=XW");
	CU_ASSERT_PTR_NOT_NULL(e);
	mmhs_dircache_entry_free(e);
	mmhs_dircache_close(c);
}

/* test_delete - a deleted entry leaves every database */
static void
test_delete(void)
{
	mmhs_dircache_t *c = td_open(1, NULL, NULL, td_index);
	unsigned char u[16];

	td_load(c);
	td_uuid(3, u);
	CU_ASSERT_EQUAL(mmhs_dircache_del(c, u), 1);
	CU_ASSERT_EQUAL(mmhs_dircache_del(c, u), 0);
	CU_ASSERT_EQUAL(td_dels, 1);
	CU_ASSERT_EQUAL(mmhs_dircache_count(c), 3);
	CU_ASSERT_PTR_NULL(mmhs_dircache_by_dn(c,
	    "cn=Jane Doe,ou=People,c=XW"));
	CU_ASSERT_EQUAL(mmhs_dircache_find(c, "mail",
	    "jane.doe@mod.westland.example", NULL, NULL), 0);
	CU_ASSERT_EQUAL(mmhs_dircache_find(c, "objectClass", "person",
	    NULL, NULL), 0);
	CU_ASSERT_EQUAL(mmhs_dircache_find(c, "objectClass", "inetOrgPerson",
	    NULL, NULL), 1);
	mmhs_dircache_close(c);
}

/* test_cookie - the cookie survives a reopen; a new search drops it */
static void
test_cookie(void)
{
	static const char *const uris[] = { "ldap://127.0.0.1:1/", NULL };
	static const char ck[] = "rid=000,csn=20240101000000.000000Z#000000";
	mmhs_dircache_t *c = td_open(1, uris, "(objectClass=*)", td_index);
	char *got;
	size_t len = 0;

	CU_ASSERT_PTR_NULL(mmhs_dircache_cookie(c, &len));
	CU_ASSERT(mmhs_dircache_set_cookie(c, ck, strlen(ck)) == 0);
	mmhs_dircache_close(c);
	c = td_open(0, uris, "(objectClass=*)", td_index);
	got = mmhs_dircache_cookie(c, &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(got);
	CU_ASSERT_EQUAL(len, strlen(ck));
	CU_ASSERT_STRING_EQUAL(got, ck);
	mmhs_free(got);
	mmhs_dircache_close(c);
	c = td_open(0, uris, "(objectClass=mmhsRoute)", td_index);
	CU_ASSERT_PTR_NULL(mmhs_dircache_cookie(c, &len));
	CU_ASSERT(mmhs_dircache_set_cookie(c, ck, strlen(ck)) == 0);
	CU_ASSERT(mmhs_dircache_set_cookie(c, NULL, 0) == 0);
	CU_ASSERT_PTR_NULL(mmhs_dircache_cookie(c, &len));
	CU_ASSERT_EQUAL(mmhs_dircache_status(c, NULL, 0), MMHS_DC_IDLE);
	mmhs_dircache_close(c);
}

/* test_reindex - entries survive a reopen; a new index list is built */
static void
test_reindex(void)
{
	static const char *const only_mail[] = { "mail", NULL };
	mmhs_dircache_t *c = td_open(1, NULL, NULL, only_mail);

	td_load(c);
	CU_ASSERT_EQUAL(mmhs_dircache_find(c, "mmhsRouteMatch",
	    "domain:mod.westland.example", NULL, NULL), -1);
	mmhs_dircache_close(c);
	c = td_open(0, NULL, NULL, td_index);
	CU_ASSERT_EQUAL(mmhs_dircache_count(c), 4);
	CU_ASSERT_EQUAL(mmhs_dircache_find(c, "mmhsRouteMatch",
	    "domain:mod.westland.example", NULL, NULL), 1);
	CU_ASSERT_EQUAL(mmhs_dircache_find(c, "mail",
	    "john.roe@mod.westland.example", NULL, NULL), 1);
	mmhs_dircache_close(c);
}

/* test_binary - values with NUL bytes and long values round-trip */
static void
test_binary(void)
{
	static const char bin[] = { 'a', 0, 'b', (char)0xff, 0 };
	mmhs_dircache_t *c = td_open(1, NULL, NULL, td_index);
	mmhs_dircache_entry_t *e = td_build("cn=bin,c=XW", (const char *[]){
	    "objectClass", "device", "mail", "x", NULL });
	const mmhs_dircache_attr_t *a;
	unsigned char u[16];
	char *big = mmhs_malloc(2000);

	memset(big, 'm', 1999);
	big[1999] = 0;
	mmhs_free(e->de_attrs[1].da_vals[0]);
	e->de_attrs[1].da_vals[0] = big;	/* longer than an LMDB key */
	e->de_attrs[1].da_lens[0] = 1999;
	mmhs_free(e->de_attrs[0].da_vals[0]);
	e->de_attrs[0].da_vals[0] = mmhs_malloc(sizeof(bin));
	memcpy(e->de_attrs[0].da_vals[0], bin, sizeof(bin));
	e->de_attrs[0].da_lens[0] = sizeof(bin);
	td_uuid(9, u);
	CU_ASSERT(mmhs_dircache_put(c, u, e) == 0);
	mmhs_dircache_entry_free(e);
	e = mmhs_dircache_by_dn(c, "cn=bin,c=XW");
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	a = mmhs_dircache_attr(e, "objectClass");
	CU_ASSERT_EQUAL(a->da_lens[0], sizeof(bin));
	CU_ASSERT(memcmp(a->da_vals[0], bin, sizeof(bin)) == 0);
	CU_ASSERT_EQUAL(strlen(mmhs_dircache_value(e, "mail")), 1999);
	mmhs_dircache_entry_free(e);
	mmhs_dircache_close(c);
}

/* test_damaged - a corrupt record is refused, not trusted */
static void
test_damaged(void)
{
	mmhs_dircache_t *c = td_open(1, NULL, NULL, td_index);
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	unsigned char u[16], junk[] = { 0xff, 0xff, 0xff, 0x7f, 'x' };
	MDB_val key = { 16, u }, val = { sizeof(junk), junk };

	td_load(c);
	mmhs_dircache_close(c);
	td_uuid(2, u);
	CU_ASSERT_FATAL(mdb_env_create(&env) == 0);
	mdb_env_set_maxdbs(env, 4);
	CU_ASSERT_FATAL(mdb_env_open(env, td_dir, 0, 0600) == 0);
	CU_ASSERT_FATAL(mdb_txn_begin(env, NULL, 0, &txn) == 0);
	CU_ASSERT_FATAL(mdb_dbi_open(txn, "entries", 0, &dbi) == 0);
	CU_ASSERT(mdb_put(txn, dbi, &key, &val, 0) == 0);
	CU_ASSERT(mdb_txn_commit(txn) == 0);
	mdb_env_close(env);
	c = td_open(0, NULL, NULL, td_index);
	CU_ASSERT_PTR_NULL(mmhs_dircache_by_uuid(c,
	    "ab000000-0000-0000-0000-000000000002"));
	CU_ASSERT_PTR_NULL(mmhs_dircache_by_dn(c, "cn=lists,ou=Routes,c=XW"));
	CU_ASSERT_EQUAL(mmhs_dircache_foreach(c, NULL, NULL), 3);
	mmhs_dircache_close(c);
}

/* test_uuid - text form round trip and refusals */
static void
test_uuid(void)
{
	static const struct { const char *in; int ok; } cases[] = {
		{ "96bb8124-7fbf-1041-8e40-991ab465dafb", 1 },
		{ "96BB81247FBF10418E40991AB465DAFB", 1 },
		{ "96bb8124-7fbf-1041-8e40-991ab465daf", 0 },
		{ "96bb8124-7fbf-1041-8e40-991ab465dafbb", 0 },
		{ "96bb8124-7fbf-1041-8e40-991ab465dafg", 0 },
		{ "", 0 },
	};
	unsigned char u[16];
	char text[37];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		CU_ASSERT_EQUAL(mmhs_dircache_uuid_parse(cases[i].in, u) == 0,
		    cases[i].ok);
		if (!cases[i].ok)
			continue;
		mmhs_dircache_uuid_text(u, text);
		CU_ASSERT_STRING_EQUAL(text,
		    "96bb8124-7fbf-1041-8e40-991ab465dafb");
	}
}

static const struct unit_test td_tests[] = {
	{ "store and look up by DN and UUID", test_store_lookup },
	{ "index by objectClass and attributes", test_index },
	{ "modify, unchanged and rename", test_modify },
	{ "delete", test_delete },
	{ "sync cookie", test_cookie },
	{ "index rebuilt when the list changes", test_reindex },
	{ "binary and long values", test_binary },
	{ "damaged record", test_damaged },
	{ "UUID text form", test_uuid },
};

static const struct unit_suite suites[] = {
	UNIT_SUITE("dircache", td_tests),
};

int main(void);

/* main - run the suite in a fresh cache directory, then remove it */
int
main(void)
{
	char cmd[300];
	int rc;

	snprintf(td_dir, sizeof(td_dir), "%s/test_dircache.%ld",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (long)getpid());
	rc = unit_main(suites, sizeof(suites) / sizeof(suites[0]));
	snprintf(cmd, sizeof(cmd), "rm -rf %s", td_dir);
	if (system(cmd) != 0)
		rc = 1;
	return rc;
}
