/* test_expander.c - unit tests of the list expander's expansion
 *
 * The expansion (nesting, diamonds, de-duplication, other sites, policy,
 * limits), the nodes kept between messages and the submit permission,
 * over a storage-only directory cache filled with mmhs_dircache_put():
 * the real lookup code, without a directory.  The DL-Expansion-History
 * field is test_expander_hist.c; the agent against slapd is
 * tests/e2e/t53-expander.sh.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ldap.h>

#include "mmhs_alloc.h"
#include "expander.h"
#include "unit.h"

/* ------------------------------------------------------------------ */
/* A directory in a storage-only cache */

#define T_SITE	"cn=main,ou=MMHS,c=XW"
#define T_LIST	"mhs-distribution-list"

struct t_entry {
	const char *te_dn;
	const char *te_av[40];		/* attribute, value, ..., NULL */
};

static const struct t_entry t_dir[] = {
	{ "cn=P1,ou=People,c=XW", { "objectClass", "person",
	    "mail", "p1@x.example",
	    "mhs-or-addresses", "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/CN=P1/",
	    NULL } },
	{ "cn=P2,ou=People,c=XW", { "objectClass", "person",
	    "mail", "p2@x.example", NULL } },
	{ "cn=P3,ou=People,c=XW", { "objectClass", "person",
	    "mail", "P1@X.example", NULL } },	/* P1's address, other case */
	{ "cn=P4,ou=People,c=XW", { "objectClass", "person", NULL } },
	{ "cn=P5,ou=People,c=XW", { "objectClass", "person",
	    "mhs-or-addresses", "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/CN=P5/",
	    NULL } },
	{ "cn=C,ou=Lists,c=XW", { "objectClass", T_LIST,
	    "mail", "c@lists.example",
	    "mhs-or-addresses", "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=DL/CN=C/",
	    "mhs-dl-submit-permissions", "any",
	    "mmhsMember", "CN=P1, ou=People,c=XW",
	    "mmhsMember", "cn=P4,ou=People,c=XW",
	    "mmhsMember", "cn=Gone,ou=People,c=XW",
	    "mmhsSite", T_SITE, NULL } },
	{ "cn=B,ou=Lists,c=XW", { "objectClass", T_LIST,
	    "mail", "b@lists.example",
	    "mhs-dl-submit-permissions", "member-of-dl # "
	    "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=DL/CN=C/",
	    "mmhsMember", "cn=P2,ou=People,c=XW",
	    "mmhsMember", "cn=C,ou=Lists,c=XW",
	    "mmhsSite", T_SITE, NULL } },
	{ "cn=D,ou=Lists,c=XW", { "objectClass", T_LIST,
	    "mail", "d@lists.example",
	    "mhs-dl-submit-permissions", "member-of-group # cn=G,c=XW",
	    "mmhsMember", "cn=C,ou=Lists,c=XW",
	    "mmhsMember", "cn=P3,ou=People,c=XW",
	    "mmhsMember", "cn=P5,ou=People,c=XW",
	    "mmhsSite", T_SITE, NULL } },
	{ "cn=R,ou=Lists,c=XW", { "objectClass", T_LIST,
	    "mail", "r@lists.other.example",
	    "mhs-dl-submit-permissions", "any",
	    "mmhsMember", "cn=P2,ou=People,c=XW",
	    "mmhsSite", "cn=other,ou=MMHS,c=XW", NULL } },
	{ "cn=G2,ou=Lists,c=XW", { "objectClass", T_LIST,
	    "mail", "g2@lists.example",
	    "mhs-dl-submit-permissions", "any",
	    "mmhsMember", "cn=P2,ou=People,c=XW",
	    "mmhsSite", T_SITE, NULL } },
	{ "cn=F,ou=Lists,c=XW", { "objectClass", T_LIST,
	    "mail", "f@lists.example",
	    "mhs-dl-submit-permissions", "any",
	    "mhs-dl-policy", "further-dl-expansion-allowed=FALSE",
	    "mmhsMember", "cn=G2,ou=Lists,c=XW",
	    "mmhsSite", T_SITE, NULL } },
	/* A: a diamond (B and D both hold C), another site's list, a list
	 * that may not expand further, external and X.400 members */
	{ "cn=A,ou=Lists,c=XW", { "objectClass", T_LIST,
	    "mail", "a@lists.example",
	    "mhs-dl-submit-permissions",
	    "individual # /C=XW/ADMD= /PRMD=MOD/O=DEFENCE/CN=P1/",
	    "mhs-dl-submit-permissions",
	    "pattern-match # <ou=Staff,c=XW>",
	    "mhs-dl-submit-permissions", "member-of-dl # <cn=D,ou=Lists,c=XW>",
	    "mmhsMember", "cn=B,ou=Lists,c=XW",
	    "mmhsMember", "cn=D,ou=Lists,c=XW",
	    "mmhsMember", "cn=R,ou=Lists,c=XW",
	    "mmhsMember", "cn=F,ou=Lists,c=XW",
	    "mmhsMember", "cn=p2,ou=people,c=xw",
	    "mmhsExternalMember", "ext@informal.example",
	    "mmhsExternalMember", "p2@X.EXAMPLE",
	    "mhs-dl-members", "/C=XX/ADMD= /PRMD=NATO/O=JFC/CN=J3/",
	    "mhs-dl-members", "<cn=G2,ou=Lists,c=XW>",
	    "mmhsSite", T_SITE, NULL } },
	{ "cn=G,c=XW", { "objectClass", "groupOfNames",
	    "member", "cn=P2,ou=People,c=XW", NULL } },
	{ "cn=Bad,ou=Lists,c=XW", { "objectClass", T_LIST,
	    "mhs-dl-submit-permissions", "sometimes",
	    "mmhsSite", T_SITE, NULL } },
	{ "cn=None,ou=Lists,c=XW", { "objectClass", T_LIST,
	    "mmhsSite", T_SITE, NULL } },
	/* a chain L1 > L2 > L3 for the depth limit */
	{ "cn=L3,ou=Lists,c=XW", { "objectClass", T_LIST,
	    "mmhsMember", "cn=P1,ou=People,c=XW", NULL } },
	{ "cn=L2,ou=Lists,c=XW", { "objectClass", T_LIST,
	    "mmhsMember", "cn=L3,ou=Lists,c=XW", NULL } },
	{ "cn=L1,ou=Lists,c=XW", { "objectClass", T_LIST,
	    "mmhsMember", "cn=L2,ou=Lists,c=XW", NULL } },
};

static char t_cachedir[512];
static mmhs_dircache_t *t_cache;

/* t_build - an entry from a table row */
static mmhs_dircache_entry_t *
t_build(const struct t_entry *te)
{
	mmhs_dircache_entry_t *e = mmhs_calloc(1, sizeof(*e));
	mmhs_dircache_attr_t *a;
	size_t	i, j;

	e->de_dn = mmhs_strdup(te->te_dn);
	e->de_attrs = mmhs_calloc(16, sizeof(*e->de_attrs));
	for (i = 0; te->te_av[i] != NULL; i += 2) {
		for (j = 0; j < e->de_nattrs; j++)
			if (strcmp(e->de_attrs[j].da_name, te->te_av[i]) == 0)
				break;
		a = &e->de_attrs[j];
		if (j == e->de_nattrs) {
			e->de_nattrs++;
			a->da_name = mmhs_strdup(te->te_av[i]);
			a->da_vals = mmhs_calloc(12, sizeof(char *));
			a->da_lens = mmhs_calloc(12, sizeof(size_t));
		}
		a->da_vals[a->da_nvals] = mmhs_strdup(te->te_av[i + 1]);
		a->da_lens[a->da_nvals++] = strlen(te->te_av[i + 1]);
	}
	return e;
}

/* t_open - the cache with the table in it */
static int
t_open(void)
{
	static const char *const idx[] = { "mail", "mhs-or-addresses", NULL };
	mmhs_dircache_conf_t conf;
	mmhs_dircache_entry_t *e;
	unsigned char u[16];
	char	err[256];
	size_t	i;

	snprintf(t_cachedir, sizeof(t_cachedir), "%s/test_expander.XXXXXX",
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(t_cachedir) == NULL)
		return -1;
	memset(&conf, 0, sizeof(conf));
	conf.dc_dir = t_cachedir;
	conf.dc_base = "c=XW";
	conf.dc_scope = LDAP_SCOPE_SUBTREE;
	conf.dc_index = idx;
	conf.dc_map_size = 16u << 20;
	if ((t_cache = mmhs_dircache_open(&conf, err, sizeof(err))) == NULL) {
		fprintf(stderr, "cache: %s\n", err);
		return -1;
	}
	for (i = 0; i < sizeof(t_dir) / sizeof(t_dir[0]); i++) {
		memset(u, 0, sizeof(u));
		u[0] = 0x42;
		u[15] = (unsigned char)(i + 1);
		e = t_build(&t_dir[i]);
		if (mmhs_dircache_put(t_cache, u, e) != 0)
			return -1;
		mmhs_dircache_entry_free(e);
	}
	return 0;
}

/* t_close - remove the cache */
static int
t_close(void)
{
	char	cmd[600];

	mmhs_dircache_close(t_cache);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", t_cachedir);
	return system(cmd) == 0 ? 0 : -1;
}

static const struct exp_lookup t_lookup = {
	expander_dir_get, expander_dir_put, NULL
};

/* t_expand - expand dn; the recipients in overlay form, one a line */
static int
t_expand(const char *dn, int depth, size_t max, char *out, size_t len,
	struct exp_result *res)
{
	struct exp_lookup lk = t_lookup;
	char   *key = expander_dn_key(T_SITE), buf[1024];
	size_t	i, off = 0;
	int	rc;

	lk.el_arg = t_cache;
	rc = expander_expand(&lk, dn, key, depth, max, res);
	mmhs_free(key);
	out[0] = '\0';
	for (i = 0; i < res->xr_n; i++) {
		if (expander_rcpt_format(&res->xr_rcpt[i], buf,
		    sizeof(buf)) < 0)
			return -1;
		off += (size_t)snprintf(out + off, len - off, "%s\n", buf);
	}
	return rc;
}

/* test_expand_nested - order, diamond, de-duplication, other site,
 * policy, dangling and address-less members, X.400 members */
static void
test_expand_nested(void)
{
	static const char want[] =
	    "rfc822:p2@x.example <cn=P2,ou=People,c=XW>\n"
	    "rfc822:p1@x.example <cn=P1,ou=People,c=XW>\n"
	    "none:<cn=P4,ou=People,c=XW>\n"
	    "none:<cn=Gone,ou=People,c=XW>\n"
	    "x400:/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/CN=P5/ "
	    "<cn=P5,ou=People,c=XW>\n"
	    "remote rfc822:r@lists.other.example <cn=R,ou=Lists,c=XW>\n"
	    "list rfc822:g2@lists.example <cn=G2,ou=Lists,c=XW>\n"
	    "rfc822:ext@informal.example\n"
	    "x400:/C=XX/ADMD= /PRMD=NATO/O=JFC/CN=J3/\n";
	struct exp_result res;
	char	out[4096];

	UNIT_CHECK(t_expand("cn=A,ou=Lists,c=XW", 16, 1000, out, sizeof(out),
	    &res) == 0, "expand A: %s", res.xr_why);
	UNIT_CHECK(strcmp(out, want) == 0, "A expands to\n%swant\n%s", out,
	    want);
	/* A, B, C, D and F (G2 in F is not expanded); met again: C
	 * through D, P2 by DN, P3 and the external p2@ by address, G2
	 * through mhs-dl-members */
	UNIT_CHECK(res.xr_lists == 5, "%zu lists", res.xr_lists);
	UNIT_CHECK(res.xr_dups == 5, "%zu duplicates", res.xr_dups);
	expander_result_free(&res);
}

/* test_expand_limits - depth, size, not a list */
static void
test_expand_limits(void)
{
	struct exp_result res;
	char	out[4096];

	UNIT_CHECK(t_expand("cn=L1,ou=Lists,c=XW", 3, 1000, out, sizeof(out),
	    &res) == 0 && res.xr_n == 1, "depth 3: %s", res.xr_why);
	expander_result_free(&res);
	UNIT_CHECK(t_expand("cn=L1,ou=Lists,c=XW", 2, 1000, out, sizeof(out),
	    &res) < 0 && res.xr_status == EXP_TOO_DEEP &&
	    strstr(res.xr_why, "cn=L1,ou=Lists,c=XW -> cn=L2,ou=Lists,c=XW "
	    "-> cn=L3,ou=Lists,c=XW") != NULL, "depth 2: %s", res.xr_why);
	expander_result_free(&res);
	UNIT_CHECK(t_expand("cn=A,ou=Lists,c=XW", 16, 5, out, sizeof(out),
	    &res) < 0 && res.xr_status == EXP_TOO_MANY &&
	    strstr(res.xr_why, "more than 5") != NULL, "size: %s",
	    res.xr_why);
	expander_result_free(&res);
	UNIT_CHECK(t_expand("cn=P1,ou=People,c=XW", 16, 5, out, sizeof(out),
	    &res) < 0 && res.xr_status == EXP_NOT_LIST, "person");
	expander_result_free(&res);
	UNIT_CHECK(t_expand("cn=Nobody,c=XW", 16, 5, out, sizeof(out),
	    &res) < 0 && res.xr_status == EXP_NOT_LIST, "absent");
	expander_result_free(&res);
}

/* test_nodes - kept nodes give the same expansion; a change or a full
 * table empties the table */
static void
test_nodes(void)
{
	struct exp_lookup lk = { expander_nodes_get, expander_nodes_put, NULL };
	struct exp_nodes *xn = expander_nodes_new(t_cache, 1000);
	struct exp_result a, b;
	struct exp_node *n1, *n2;
	char   *key = expander_dn_key(T_SITE), out[4096], uuid[37];
	size_t	i, kept;

	lk.el_arg = xn;
	UNIT_CHECK(t_expand("cn=A,ou=Lists,c=XW", 16, 1000, out, sizeof(out),
	    &a) == 0, "direct");
	UNIT_CHECK(expander_nodes_begin(xn) == 0, "empty at first");
	UNIT_CHECK(expander_expand(&lk, "cn=A,ou=Lists,c=XW", key, 16, 1000,
	    &b) == 0 && b.xr_n == a.xr_n, "first through the table");
	expander_result_free(&b);
	kept = expander_nodes_begin(xn);
	UNIT_CHECK(kept > 10, "%zu nodes kept", kept);
	UNIT_CHECK(expander_expand(&lk, "cn=A,ou=Lists,c=XW", key, 16, 1000,
	    &b) == 0 && b.xr_n == a.xr_n && b.xr_dups == a.xr_dups,
	    "again from the table");
	for (i = 0; i < a.xr_n && i < b.xr_n; i++)
		UNIT_CHECK((a.xr_rcpt[i].er_addr == NULL) ==
		    (b.xr_rcpt[i].er_addr == NULL) && (a.xr_rcpt[i].er_addr ==
		    NULL || strcmp(a.xr_rcpt[i].er_addr,
		    b.xr_rcpt[i].er_addr) == 0), "recipient %zu differs", i);
	expander_result_free(&b);
	expander_result_free(&a);
	n1 = expander_nodes_get(xn, "cn=P1,ou=People,c=XW");
	n2 = expander_nodes_get(xn, "cn=P1,ou=People,c=XW");
	UNIT_CHECK(n1 == n2 && n1->en_uuid[0] != '\0', "one node per DN");
	snprintf(uuid, sizeof(uuid), "%s", n1->en_uuid);
	expander_nodes_put(xn, n1);
	expander_nodes_put(xn, n2);
	/* P1 is kept twice now: as "CN=P1, ou=People" (from C) and as
	 * "cn=P1,ou=People" */
	kept = expander_nodes_begin(xn);
	/* a change elsewhere keeps the nodes; the entry's own drops it,
	 * by UUID (a rename reports the new DN) or by DN (an addition) */
	expander_nodes_changed(xn, "00000000-0000-0000-0000-000000000000",
	    "cn=agent,c=XW");
	UNIT_CHECK(expander_nodes_begin(xn) == kept, "unrelated change");
	expander_nodes_changed(xn, uuid, "cn=P1 renamed,ou=People,c=XW");
	UNIT_CHECK(expander_nodes_begin(xn) == kept - 2, "by UUID");
	n1 = expander_nodes_get(xn, "cn=P1,ou=People,c=XW");
	UNIT_CHECK(n1 != NULL && expander_nodes_begin(xn) == kept - 1,
	    "read again");
	kept--;
	expander_nodes_changed(xn, "00000000-0000-0000-0000-000000000001",
	    "CN=Gone, ou=People,c=XW");
	UNIT_CHECK(expander_nodes_begin(xn) == kept - 1, "absent DN by key");
	for (i = 0; i < 17; i++)
		expander_nodes_changed(xn,
		    "00000000-0000-0000-0000-000000000000", "cn=agent,c=XW");
	UNIT_CHECK(expander_nodes_begin(xn) == 0, "many changes empty it");
	expander_nodes_free(xn);
	/* a table of 2: full after two, emptied by the next begin */
	xn = expander_nodes_new(t_cache, 2);
	(void)expander_nodes_begin(xn);
	for (i = 0; i < 3; i++)
		expander_nodes_put(xn, expander_nodes_get(xn, i == 0 ?
		    "cn=P1,ou=People,c=XW" : i == 1 ? "cn=P2,ou=People,c=XW" :
		    "cn=P3,ou=People,c=XW"));
	UNIT_CHECK(expander_nodes_begin(xn) == 0, "full table emptied");
	expander_nodes_free(xn);
	mmhs_free(key);
}

/* ------------------------------------------------------------------ */
/* Submit permission */

static const struct {
	const char *pc_list;
	const char *pc_orig;
	int	pc_want;
	const char *pc_why;		/* in the reason */
} perm_cases[] = {
	/* individual by O/R address: P1 by mail, DN and O/R name */
	{ "cn=A,ou=Lists,c=XW", "p1@x.example", 1, "granted by \"individual" },
	{ "cn=A,ou=Lists,c=XW", "cn=P1,ou=People,c=XW", 1, "individual" },
	{ "cn=A,ou=Lists,c=XW", "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/CN=P1/", 1,
	  "individual" },
	/* pattern-match by DN subtree */
	{ "cn=A,ou=Lists,c=XW", "cn=Anyone,ou=Staff,c=XW", 1, "pattern" },
	{ "cn=A,ou=Lists,c=XW", "cn=Anyone,ou=Other,c=XW", 0,
	  "no mhs-dl-submit-permissions value matches the originator "
	  "(3 checked)" },
	/* member-of-dl through D > C (P4 has no address: by DN) */
	{ "cn=A,ou=Lists,c=XW", "cn=P4,ou=People,c=XW", 1, "member-of-dl" },
	{ "cn=A,ou=Lists,c=XW", "cn=P5,ou=People,c=XW", 1, "member-of-dl" },
	{ "cn=A,ou=Lists,c=XW", "p2@x.example", 0, "may not submit" },
	/* member-of-dl naming the list by O/R address */
	{ "cn=B,ou=Lists,c=XW", "CN=P1,OU=People,C=XW", 1, "member-of-dl" },
	{ "cn=B,ou=Lists,c=XW", "p2@x.example", 0, "may not" },
	/* member-of-group */
	{ "cn=D,ou=Lists,c=XW", "p2@x.example", 1, "member-of-group" },
	{ "cn=D,ou=Lists,c=XW", "p1@x.example", 0, "may not" },
	{ "cn=D,ou=Lists,c=XW", "unknown@nowhere.example", 0, "may not" },
	{ "cn=C,ou=Lists,c=XW", "unknown@nowhere.example", 1, "\"any\"" },
	{ "cn=None,ou=Lists,c=XW", "p1@x.example", 0,
	  "no mhs-dl-submit-permissions" },
	{ "cn=Bad,ou=Lists,c=XW", "p1@x.example", -1, "sometimes" },
	{ "cn=A,ou=Lists,c=XW", "nonsense", -1, "not an O/R name" },
	{ "cn=A,ou=Lists,c=XW", "/C=XW/garbage", -1, "originator" },
};

/* test_perm - every permission kind and originator form */
static void
test_perm(void)
{
	mmhs_dircache_entry_t *l;
	char	why[1024];
	size_t	i;
	int	rc;

	for (i = 0; i < sizeof(perm_cases) / sizeof(perm_cases[0]); i++) {
		l = mmhs_dircache_by_dn(t_cache, perm_cases[i].pc_list);
		UNIT_CHECK(l != NULL, "case %zu: no list", i);
		if (l == NULL)
			continue;
		rc = expander_perm(t_cache, l, perm_cases[i].pc_orig, 16, why,
		    sizeof(why));
		UNIT_CHECK(rc == perm_cases[i].pc_want &&
		    strstr(why, perm_cases[i].pc_why) != NULL,
		    "case %zu %s by %s: %d (%s)", i, perm_cases[i].pc_list,
		    perm_cases[i].pc_orig, rc, why);
		mmhs_dircache_entry_free(l);
	}
}

/* test_dir_find - by indexed attribute, lists only, any case */
static void
test_dir_find(void)
{
	char   *dn;

	dn = expander_dir_find(t_cache, "mail", "B@LISTS.example", 1);
	UNIT_CHECK(dn != NULL && strcmp(dn, "cn=B,ou=Lists,c=XW") == 0,
	    "list by mail: %s", dn ? dn : "(none)");
	mmhs_free(dn);
	dn = expander_dir_find(t_cache, "mail", "p2@x.example", 1);
	UNIT_CHECK(dn == NULL, "a person is no list");
	mmhs_free(dn);
	/* not indexed: found by reading every entry */
	dn = expander_dir_find(t_cache, "mmhsExternalMember",
	    "ext@informal.example", 0);
	UNIT_CHECK(dn != NULL && strcmp(dn, "cn=A,ou=Lists,c=XW") == 0,
	    "scan: %s", dn ? dn : "(none)");
	mmhs_free(dn);
}

static const struct unit_test dir_tests[] = {
	{ "nested expansion", test_expand_nested },
	{ "limits", test_expand_limits },
	{ "nodes kept", test_nodes },
	{ "submit permission", test_perm },
	{ "find", test_dir_find },
};

int
main(void)
{
	static const struct unit_suite suites[] = {
		UNIT_SUITE("expansion and permission", dir_tests),
	};
	int	rc;

	if (t_open() < 0) {
		fprintf(stderr, "test_expander: cannot fill the cache\n");
		return 1;
	}
	rc = unit_main(suites, sizeof(suites) / sizeof(suites[0]));
	if (t_close() < 0)
		rc = 1;
	return rc;
}
