/* test_agent.c - unit tests of lib/mmhs_agent (the directory questions)
 * and lib/mmhs_label_marking
 *
 * The agent's questions are asked of a storage-only directory cache
 * (no sync thread) with the agent's own index, filled through
 * mmhs_dircache_put with entries as the sample site writes them
 * (ldif/10-security-policy.ldif, 20-site.ldif, 37-testcell.ldif).  The
 * security policy the markings are read with is built by
 * mmhs_agent_policy() from that cache.  The bootstrap and the status
 * writer need a directory: tests/e2e/t45-agents.sh covers them.
 */
#include "config.h"

#include <ldap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mmhs_agent_int.h"
#include "mmhs_alloc.h"
#include "unit.h"

#define NAT	"2.25.59028202126315117165413111612054445617.6.1"
#define NATO	"2.25.59028202126315117165413111612054445617.6.2"
#define SELF	"cn=ffmon,cn=mod-main,ou=MMHS,c=XW"

static char ta_dir[256];
static mmhs_dircache_t *ta_cache;
static struct mmhs_agent ta_ag;
static struct mmhs_policy ta_pol;

/* An entry: dn, then attribute/value pairs, NULL-ended. */
struct ta_entry {
	const char *te_dn;
	const char *te_av[40];
};

static const struct ta_entry ta_entries[] = {
	{ "cn=Westland National Policy,ou=Security Policies,ou=MMHS,c=XW", {
	    "objectClass", "mmhsSecurityPolicy",
	    "cn", "Westland National Policy",
	    "mmhsPolicyId", NAT,
	    "mmhsClassificationDef", "0$UNMARKED",
	    "mmhsClassificationDef", "1$UNCLASSIFIED",
	    "mmhsClassificationDef", "2$RESTRICTED$WESTLAND RESTRICTED",
	    "mmhsClassificationDef", "3$CONFIDENTIAL$WESTLAND CONFIDENTIAL",
	    "mmhsClassificationDef", "4$SECRET$WESTLAND SECRET",
	    "mmhsClassificationDef", "5$TOP SECRET$WESTLAND TOP SECRET",
	    "mmhsCategoryDef", "REL NATO$permissive$" NAT ".1$REL TO NATO",
	    "mmhsCategoryDef", "REL COALITION$permissive$" NAT
	    ".2$REL TO COALITION",
	    "mmhsCategoryDef", "WESTLAND EYES ONLY$restrictive$" NAT
	    ".3$WESTLAND EYES ONLY",
	    "mmhsCategoryDef", "CRYPTO$restrictive$" NAT ".4$CRYPTO",
	    "mmhsCategoryDef", "EXERCISE$informative$" NAT
	    ".5$EXERCISE EXERCISE EXERCISE",
	    "mmhsLabelEquivalence", "SECRET$" NATO "$4",
	    NULL } },
	{ "cn=Broken Policy,ou=Security Policies,ou=MMHS,c=XW", {
	    "objectClass", "mmhsSecurityPolicy",
	    "mmhsPolicyId", "1.2.3.4",
	    "mmhsClassificationDef", "1$LOW",
	    "mmhsClassificationDef", "1$ALSO LOW",
	    NULL } },
	{ "cn=Anwen Lacey,ou=People,o=MMHS Test Cell,o=Defence,c=XW", {
	    "objectClass", "aCPOrganizationalPerson",
	    "objectClass", "mmhsMailbox",
	    "cn", "Anwen Lacey",
	    "uid", "anwen.lacey",
	    "mail", "anwen.lacey@mod.westland.example",
	    "mhs-or-addresses",
	    "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=TESTCELL/S=LACEY/G=ANWEN/",
	    NULL } },
	{ "cn=Duty Officer,o=MMHS Test Cell,o=Defence,c=XW", {
	    "objectClass", "aCPOrganizationalRole",
	    "objectClass", "mmhsMailbox",
	    "cn", "Duty Officer",
	    "mail", "do.testcell@mod.westland.example",
	    "mhs-or-addresses",
	    "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=TESTCELL/CN=DUTY OFFICER/",
	    NULL } },
	{ "cn=Plus Mailbox,o=MMHS Test Cell,o=Defence,c=XW", {
	    "objectClass", "mmhsMailbox",
	    "mail", "odd+name@mod.westland.example",
	    NULL } },
	{ "cn=mta,cn=mod-main,ou=MMHS,c=XW", {
	    "objectClass", "mmhsAgent",
	    "cn", "mta",
	    "mmhsAgentType", "mta",
	    "mmhsListen", "submit smtp://127.0.0.1:2587",
	    "mmhsListen", "smtp smtp://127.0.0.1:2525",
	    NULL } },
	{ "cn=store,cn=mod-main,ou=MMHS,c=XW", {
	    "objectClass", "mmhsAgent",
	    "cn", "store",
	    "mmhsAgentType", "store",
	    "mmhsListen", "lmtp lmtp://127.0.0.1:0",
	    "mmhsListen", "http https://[::1]:8443/",
	    NULL } },
	{ SELF, {
	    "objectClass", "mmhsAgent",
	    "cn", "ffmon",
	    "mmhsAgentType", "ffmon",
	    "mmhsListen", "lmtp lmtp://127.0.0.1:2424",
	    "mmhsLimit", "scan-interval=7",
	    "mmhsLimit", "batch=many",
	    "mmhsPeer", "cn=store,cn=mod-main,ou=MMHS,c=XW",
	    "mmhsPeer", "cn=MTA,cn=mod-main,ou=MMHS,c=XW",
	    "mmhsPeer", "cn=gone,cn=mod-main,ou=MMHS,c=XW",
	    NULL } },
};
#define TA_NENTRIES (sizeof(ta_entries) / sizeof(ta_entries[0]))

/* ta_build - an entry from a table row */
static mmhs_dircache_entry_t *
ta_build(const struct ta_entry *t)
{
	mmhs_dircache_entry_t *e = mmhs_calloc(1, sizeof(*e));
	mmhs_dircache_attr_t *a = NULL;
	size_t	i;

	e->de_dn = mmhs_strdup(t->te_dn);
	e->de_attrs = mmhs_calloc(20, sizeof(*e->de_attrs));
	for (i = 0; t->te_av[i] != NULL; i += 2) {
		if (a == NULL || strcmp(a->da_name, t->te_av[i]) != 0) {
			a = &e->de_attrs[e->de_nattrs++];
			a->da_name = mmhs_strdup(t->te_av[i]);
			a->da_vals = mmhs_calloc(20, sizeof(char *));
			a->da_lens = mmhs_calloc(20, sizeof(size_t));
		}
		a->da_vals[a->da_nvals] = mmhs_strdup(t->te_av[i + 1]);
		a->da_lens[a->da_nvals++] = strlen(t->te_av[i + 1]);
	}
	return e;
}

static int
ta_init(void)
{
	mmhs_dircache_conf_t conf = { 0 };
	mmhs_dircache_entry_t *e;
	unsigned char u[16];
	char	err[256];
	size_t	i;

	snprintf(ta_dir, sizeof(ta_dir), "%s/test_agent.XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(ta_dir) == NULL)
		return 1;
	conf.dc_dir = ta_dir;
	conf.dc_base = "c=XW";
	conf.dc_scope = LDAP_SCOPE_SUBTREE;
	conf.dc_index = mmhs_agent_index;
	conf.dc_map_size = 16u << 20;
	if ((ta_cache = mmhs_dircache_open(&conf, err, sizeof(err))) == NULL)
		return 1;
	for (i = 0; i < TA_NENTRIES; i++) {
		memset(u, 0, sizeof(u));
		u[0] = 0x5a;
		u[15] = (unsigned char)(i + 1);
		e = ta_build(&ta_entries[i]);
		if (mmhs_dircache_put(ta_cache, u, e) != 0)
			return 1;
		mmhs_dircache_entry_free(e);
	}
	ta_ag.ag_name = "ffmon";
	ta_ag.ag_dn = SELF;
	ta_ag.ag_cache = ta_cache;
	return mmhs_agent_policy(&ta_ag, NAT, &ta_pol, err, sizeof(err)) < 0;
}

static int
ta_cleanup(void)
{
	char	cmd[300];

	mmhs_dircache_close(ta_cache);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", ta_dir);
	return system(cmd) != 0;
}

/* ------------------------------------------------------------------
 * Markings */

static const struct {
	const char *m_text;
	int	m_level;
	const char *m_cats;	/* NAMEs joined by '|' */
} good_markings[] = {
	{ "WESTLAND SECRET", 4, "" },
	{ "SECRET", 4, "" },
	{ "  westland   secret  ", 4, "" },
	{ "WESTLAND TOP SECRET", 5, "" },
	{ "TOP SECRET", 5, "" },
	{ "UNCLASSIFIED", 1, "" },
	{ "WESTLAND SECRET REL TO NATO", 4, "REL NATO" },
	{ "CONFIDENTIAL WESTLAND EYES ONLY", 3, "WESTLAND EYES ONLY" },
	{ "SECRET REL NATO", 4, "REL NATO" },
	{ "WESTLAND SECRET/REL TO NATO, REL TO COALITION", 4,
	    "REL NATO|REL COALITION" },
	{ "SECRET CRYPTO CRYPTO", 4, "CRYPTO" },
	{ "UNCLASSIFIED EXERCISE EXERCISE EXERCISE", 1, "EXERCISE" },
	{ "WESTLAND RESTRICTED\tEXERCISE", 2, "EXERCISE" },
};

static const struct {
	const char *b_text;
	const char *b_why;	/* in the error text */
} bad_markings[] = {
	{ "", "empty" },
	{ " , / ", "empty" },
	{ "SECRETS", "does not start with a classification" },
	{ "REL TO NATO", "does not start with a classification" },
	{ "WESTLAND", "does not start with a classification" },
	{ "TOP", "does not start with a classification" },
	{ "WESTLAND SECRET REL TO MARS", "\"REL TO MARS\" is not a category" },
	{ "WESTLAND SECRET REL TO NATOX", "\"REL TO NATOX\" is not" },
	{ "SECRET WESTLAND EYES", "\"WESTLAND EYES\" is not a category" },
	{ "SECRET CRYPTO SECRET", "\"SECRET\" is not a category" },
};

/* ta_cats - the label's categories joined by '|' */
static void
ta_cats(const struct mmhs_label *lb, char *buf, size_t len)
{
	int	i;

	buf[0] = '\0';
	for (i = 0; i < lb->lb_ncat; i++)
		snprintf(buf + strlen(buf), len - strlen(buf), "%s%s",
		    i ? "|" : "", lb->lb_cat[i]);
}

static void
test_marking_good(void)
{
	struct mmhs_label lb;
	char	err[256], cats[512];
	size_t	i;
	int	rc;

	for (i = 0; i < sizeof(good_markings) / sizeof(good_markings[0]);
	    i++) {
		err[0] = '\0';
		rc = mmhs_label_from_marking(&ta_pol, good_markings[i].m_text,
		    &lb, err, sizeof(err));
		UNIT_CHECK(rc == 0, "\"%s\": refused: %s",
		    good_markings[i].m_text, err);
		if (rc != 0)
			continue;
		ta_cats(&lb, cats, sizeof(cats));
		UNIT_CHECK(lb.lb_level == good_markings[i].m_level &&
		    strcmp(cats, good_markings[i].m_cats) == 0 &&
		    strcmp(lb.lb_policy, NAT) == 0,
		    "\"%s\": level %d cats \"%s\", want %d \"%s\"",
		    good_markings[i].m_text, lb.lb_level, cats,
		    good_markings[i].m_level, good_markings[i].m_cats);
	}
}

static void
test_marking_bad(void)
{
	struct mmhs_label lb;
	char	err[256];
	size_t	i;
	int	rc;

	for (i = 0; i < sizeof(bad_markings) / sizeof(bad_markings[0]);
	    i++) {
		err[0] = '\0';
		rc = mmhs_label_from_marking(&ta_pol, bad_markings[i].b_text,
		    &lb, err, sizeof(err));
		UNIT_CHECK(rc == -1 && strstr(err, bad_markings[i].b_why) !=
		    NULL, "\"%s\": rc %d err \"%s\", want \"%s\"",
		    bad_markings[i].b_text, rc, err, bad_markings[i].b_why);
	}
	UNIT_CHECK(mmhs_label_from_marking(&ta_pol, NULL, &lb, err,
	    sizeof(err)) == -1, "a NULL marking must be refused");
}

/* test_marking_dominance - the labels read work with the dominance rules */
static void
test_marking_dominance(void)
{
	struct mmhs_clearance secret, weo, conf;
	struct mmhs_label lb;
	char	err[256];

	CU_ASSERT_FATAL(mmhs_clearance_parse(NAT "$SECRET", &secret, err,
	    sizeof(err)) == 0);
	CU_ASSERT_FATAL(mmhs_clearance_parse(NAT "$SECRET$WESTLAND EYES ONLY",
	    &weo, err, sizeof(err)) == 0);
	CU_ASSERT_FATAL(mmhs_clearance_parse(NAT "$CONFIDENTIAL", &conf, err,
	    sizeof(err)) == 0);
	CU_ASSERT_FATAL(mmhs_label_from_marking(&ta_pol,
	    "WESTLAND SECRET WESTLAND EYES ONLY", &lb, err, sizeof(err)) == 0);
	UNIT_CHECK(mmhs_label_dominates(&ta_pol, &weo, &lb) == 1,
	    "SECRET + WEO clearance should see SECRET WEO");
	UNIT_CHECK(mmhs_label_dominates(&ta_pol, &secret, &lb) == 0,
	    "SECRET without WEO should not see SECRET WEO");
	CU_ASSERT_FATAL(mmhs_label_from_marking(&ta_pol, "WESTLAND SECRET",
	    &lb, err, sizeof(err)) == 0);
	UNIT_CHECK(mmhs_label_dominates(&ta_pol, &conf, &lb) == 0,
	    "CONFIDENTIAL should not see SECRET");
}

/* ------------------------------------------------------------------
 * Policies */

static void
test_policy(void)
{
	struct mmhs_policy p;
	char	err[256];

	UNIT_CHECK(ta_pol.sp_nclass == 6 && ta_pol.sp_ncat == 5 &&
	    ta_pol.sp_nequiv == 1, "national policy: %d classes %d cats "
	    "%d equivalences", ta_pol.sp_nclass, ta_pol.sp_ncat,
	    ta_pol.sp_nequiv);
	UNIT_CHECK(mmhs_policy_class(&ta_pol, "SECRET") != NULL &&
	    strcmp(mmhs_policy_class(&ta_pol, "SECRET")->lc_marking,
	    "WESTLAND SECRET") == 0, "SECRET's marking");
	err[0] = '\0';
	UNIT_CHECK(mmhs_agent_policy(&ta_ag, "1.2.3.99", &p, err,
	    sizeof(err)) == -1 && strstr(err, "1.2.3.99") != NULL,
	    "unknown policy: \"%s\"", err);
	err[0] = '\0';
	UNIT_CHECK(mmhs_agent_policy(&ta_ag, "1.2.3.4", &p, err,
	    sizeof(err)) == -1 && strstr(err, "ALSO LOW") != NULL &&
	    strstr(err, "Broken Policy") != NULL,
	    "broken policy: \"%s\"", err);
}

/* ------------------------------------------------------------------
 * Addresses */

static const struct {
	const char *a_addr;
	const char *a_dn;	/* NULL: none */
	const char *a_detail;
} addr_cases[] = {
	{ "anwen.lacey@mod.westland.example",
	    "cn=Anwen Lacey,ou=People,o=MMHS Test Cell,o=Defence,c=XW", "" },
	{ "Anwen.Lacey@MOD.Westland.Example",
	    "cn=Anwen Lacey,ou=People,o=MMHS Test Cell,o=Defence,c=XW", "" },
	{ "<anwen.lacey@mod.westland.example>",
	    "cn=Anwen Lacey,ou=People,o=MMHS Test Cell,o=Defence,c=XW", "" },
	{ "do.testcell+info@mod.westland.example",
	    "cn=Duty Officer,o=MMHS Test Cell,o=Defence,c=XW", "info" },
	{ "DO.TESTCELL+Action@mod.westland.example",
	    "cn=Duty Officer,o=MMHS Test Cell,o=Defence,c=XW", "Action" },
	{ "odd+name@mod.westland.example",
	    "cn=Plus Mailbox,o=MMHS Test Cell,o=Defence,c=XW", "" },
	{ "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=TESTCELL/S=LACEY/G=ANWEN/",
	    "cn=Anwen Lacey,ou=People,o=MMHS Test Cell,o=Defence,c=XW", "" },
	{ "/G=ANWEN/S=LACEY/OU1=TESTCELL/O=DEFENCE/PRMD=MOD/ADMD= /C=XW/",
	    "cn=Anwen Lacey,ou=People,o=MMHS Test Cell,o=Defence,c=XW", "" },
	{ "/c=xw/admd= /prmd=mod/o=defence/ou1=testcell/cn=duty officer/",
	    "cn=Duty Officer,o=MMHS Test Cell,o=Defence,c=XW", "" },
	{ "/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=TESTCELL/S=NOBODY/", NULL, "" },
	{ "/C=XW/NOT AN ADDRESS", NULL, "" },
	{ "nobody+info@mod.westland.example", NULL, "" },
	{ "+info@mod.westland.example", NULL, "" },
	{ "anwen.lacey", NULL, "" },
	{ "@mod.westland.example", NULL, "" },
	{ "", NULL, "" },
	{ "<>", NULL, "" },
};

static void
test_entry_for(void)
{
	mmhs_dircache_entry_t *e;
	char	detail[64];
	size_t	i;
	int	ok;

	for (i = 0; i < sizeof(addr_cases) / sizeof(addr_cases[0]); i++) {
		strcpy(detail, "junk");
		e = mmhs_agent_entry_for(&ta_ag, addr_cases[i].a_addr, detail,
		    sizeof(detail));
		ok = addr_cases[i].a_dn == NULL ? e == NULL : e != NULL &&
		    strcmp(e->de_dn, addr_cases[i].a_dn) == 0;
		UNIT_CHECK(ok && strcmp(detail, addr_cases[i].a_detail) == 0,
		    "\"%s\": got %s detail \"%s\", want %s \"%s\"",
		    addr_cases[i].a_addr, e ? e->de_dn : "none", detail,
		    addr_cases[i].a_dn ? addr_cases[i].a_dn : "none",
		    addr_cases[i].a_detail);
		mmhs_dircache_entry_free(e);
	}
	e = mmhs_agent_entry_for(&ta_ag, "do.testcell+info@mod.westland."
	    "example", NULL, 0);
	UNIT_CHECK(e != NULL, "detail NULL must work too");
	mmhs_dircache_entry_free(e);
}

static void
test_mail_of(void)
{
	char	*m;

	m = mmhs_agent_mail_of(&ta_ag,
	    "CN=Duty Officer, O=MMHS Test Cell,o=Defence,c=XW");
	UNIT_CHECK(m != NULL && strcmp(m, "do.testcell@mod.westland.example")
	    == 0, "mail of the duty officer: %s", m ? m : "none");
	mmhs_free(m);
	UNIT_CHECK(mmhs_agent_mail_of(&ta_ag, SELF) == NULL,
	    "an entry without mail has none");
	UNIT_CHECK(mmhs_agent_mail_of(&ta_ag, "cn=nobody,c=XW") == NULL,
	    "no entry, no mail");
}

/* ------------------------------------------------------------------
 * The agent's own entry */

static void
test_self(void)
{
	char	*u, host[64], err[256];
	int	port = 0;

	u = mmhs_agent_listen(&ta_ag, "lmtp");
	UNIT_CHECK(u != NULL && strcmp(u, "lmtp://127.0.0.1:2424") == 0,
	    "listen lmtp: %s", u ? u : "none");
	mmhs_free(u);
	UNIT_CHECK(mmhs_agent_listen(&ta_ag, "lmt") == NULL,
	    "a prefix of a name is not the name");
	UNIT_CHECK(mmhs_agent_limit(&ta_ag, "scan-interval", 60) == 7,
	    "scan-interval");
	UNIT_CHECK(mmhs_agent_limit(&ta_ag, "scan", 60) == 60,
	    "a prefix of a limit is not the limit");
	UNIT_CHECK(mmhs_agent_limit(&ta_ag, "batch", 5) == 5,
	    "a malformed limit gives the default");

	UNIT_CHECK(mmhs_agent_peer_addr(&ta_ag, "mta", "smtp", host,
	    sizeof(host), &port, err, sizeof(err)) == 0 &&
	    strcmp(host, "127.0.0.1") == 0 && port == 2525,
	    "mta smtp: %s port %d (%s)", host, port, err);
	UNIT_CHECK(mmhs_agent_peer_addr(&ta_ag, "MTA", "submit", host,
	    sizeof(host), &port, err, sizeof(err)) == 0 && port == 2587,
	    "mta submit: port %d (%s)", port, err);
	UNIT_CHECK(mmhs_agent_peer_addr(&ta_ag, "store", "http", host,
	    sizeof(host), &port, err, sizeof(err)) == 0 &&
	    strcmp(host, "::1") == 0 && port == 8443,
	    "store http: %s port %d (%s)", host, port, err);
	err[0] = '\0';
	UNIT_CHECK(mmhs_agent_peer_addr(&ta_ag, "store", "lmtp", host,
	    sizeof(host), &port, err, sizeof(err)) == -1 &&
	    strstr(err, "port assigned") != NULL,
	    "port 0 is not an address: %s", err);
	err[0] = '\0';
	UNIT_CHECK(mmhs_agent_peer_addr(&ta_ag, "mta", "pmul", host,
	    sizeof(host), &port, err, sizeof(err)) == -1 &&
	    strstr(err, "\"pmul\"") != NULL, "no such listener: %s", err);
	err[0] = '\0';
	UNIT_CHECK(mmhs_agent_peer_addr(&ta_ag, "archive", "lmtp", host,
	    sizeof(host), &port, err, sizeof(err)) == -1 &&
	    strstr(err, "mmhsAgentType archive") != NULL,
	    "no such peer: %s", err);
}

static const struct unit_test marking_tests[] = {
	{ "good markings", test_marking_good },
	{ "bad markings", test_marking_bad },
	{ "labels and dominance", test_marking_dominance },
};

static const struct unit_test dir_tests[] = {
	{ "policy from the cache", test_policy },
	{ "entry for an address", test_entry_for },
	{ "mail of a DN", test_mail_of },
	{ "own entry: listen, limits, peers", test_self },
};

int
main(void)
{
	static const struct unit_suite suites[] = {
		UNIT_SUITE("marking", marking_tests),
		UNIT_SUITE("directory", dir_tests),
	};
	int	rc;

	if (ta_init() != 0) {
		fprintf(stderr, "test_agent: cannot set up the cache in %s\n",
		    ta_dir);
		return 99;
	}
	rc = unit_main(suites, sizeof(suites) / sizeof(suites[0]));
	if (ta_cleanup() != 0)
		rc = 1;
	return rc;
}
