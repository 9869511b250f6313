/* test_store_deliver.c - unit tests of the store's LMTP delivery
 * (agents/store/store_deliver*.c)
 *
 * The callbacks run against a storage-only directory cache holding the
 * sample site's national policy, its site entry and a few mailboxes as
 * ldif/ writes them, and a fresh store; each case builds an LMTP
 * envelope, calls the callbacks the way mmhs_lmtpd does, and checks the
 * replies, the stored messages (folder, flags, summary) and the
 * tracking log.  The LMTP protocol itself and the path through the MTA
 * are covered by tests/e2e/t50-store.sh.
 */
#include "config.h"

#include <ldap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mmhs_agent.h"
#include "mmhs_alloc.h"
#include "mmhs_lmtpd.h"
#include "mmhs_track.h"
#include "store_db.h"
#include "store_deliver.h"
#include "unit.h"

#define NAT	"2.25.59028202126315117165413111612054445617.6.1"
#define SELF	"cn=store,cn=mod-main,ou=MMHS,c=XW"
#define OPS	"cn=Operations Officer,o=JFHQ,c=XW"
#define CEIN	"cn=Ceinwen Nuttall,o=Test Cell,c=XW"
#define NOCL	"cn=Uncleared,o=Test Cell,c=XW"

struct td_entry {
	const char *te_dn;
	const char *te_av[40];
};

static const struct td_entry td_entries[] = {
	{ "cn=Westland National Policy,ou=Security Policies,ou=MMHS,c=XW", {
	    "objectClass", "mmhsSecurityPolicy",
	    "mmhsPolicyId", NAT,
	    "mmhsClassificationDef", "0$UNMARKED",
	    "mmhsClassificationDef", "1$UNCLASSIFIED",
	    "mmhsClassificationDef", "2$RESTRICTED$WESTLAND RESTRICTED",
	    "mmhsClassificationDef", "3$CONFIDENTIAL$WESTLAND CONFIDENTIAL",
	    "mmhsClassificationDef", "4$SECRET$WESTLAND SECRET",
	    "mmhsClassificationDef", "5$TOP SECRET$WESTLAND TOP SECRET",
	    "mmhsCategoryDef", "REL NATO$permissive$" NAT ".1$REL TO NATO",
	    "mmhsCategoryDef", "WESTLAND EYES ONLY$restrictive$" NAT
		".3$WESTLAND EYES ONLY",
	    NULL } },
	{ "cn=mod-main,ou=MMHS,c=XW", {
	    "objectClass", "mmhsSite",
	    "mmhsDomainCeiling", NAT "$SECRET$WESTLAND EYES ONLY$REL NATO",
	    NULL } },
	{ SELF, {
	    "objectClass", "mmhsAgent",
	    "mmhsAgentType", "store",
	    NULL } },
	{ OPS, {
	    "objectClass", "aCPOrganizationalRole",
	    "objectClass", "mmhsMailbox",
	    "mail", "ops.jfhq@mod.westland.example",
	    "mmhsClearance", NAT "$SECRET$WESTLAND EYES ONLY$REL NATO",
	    "mmhsFilingRule", "originator$*@nato.example$NATO",
	    "mmhsFilingRule", "sic$Z?P$Operations",
	    "mmhsFilingRule", "bogus rule",
	    "mmhsFilingRule", "classification$secret$Secret",
	    "mmhsFilingRule", "precedence$flash$Flash",
	    "mmhsSite", "cn=mod-main, ou=MMHS, c=XW",
	    NULL } },
	{ CEIN, {
	    "objectClass", "aCPOrganizationalPerson",
	    "objectClass", "mmhsMailbox",
	    "mail", "ceinwen.nuttall@mod.westland.example",
	    "mmhsClearance", NAT "$CONFIDENTIAL",
	    "mmhsSite", "cn=mod-main,ou=MMHS,c=XW",
	    NULL } },
	{ NOCL, {
	    "objectClass", "aCPOrganizationalPerson",
	    "objectClass", "mmhsMailbox",
	    "mail", "uncleared@mod.westland.example",
	    NULL } },
	{ "cn=Far Away,o=Deployed,c=XW", {
	    "objectClass", "aCPOrganizationalPerson",
	    "objectClass", "mmhsMailbox",
	    "mail", "far@deployed.westland.example",
	    "mmhsSite", "cn=deployed,ou=MMHS,c=XW",
	    NULL } },
	{ "cn=Not A Mailbox,c=XW", {
	    "objectClass", "person",
	    "mail", "nobox@mod.westland.example",
	    NULL } },
};
#define TD_NENTRIES (sizeof(td_entries) / sizeof(td_entries[0]))

static char td_dir[256], td_track[300];
static mmhs_dircache_t *td_cache;
static struct mmhs_agent td_ag;
static struct store_deliver td_sd;

static mmhs_dircache_entry_t *
td_build(const struct td_entry *t)
{
	mmhs_dircache_entry_t *e = mmhs_calloc(1, sizeof(*e));
	mmhs_dircache_attr_t *a = NULL;
	size_t i;

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

/* td_put - an entry into the cache under uuid number n */
static int
td_put(size_t n, const struct td_entry *t)
{
	mmhs_dircache_entry_t *e = td_build(t);
	unsigned char u[16];
	int rc;

	memset(u, 0, sizeof(u));
	u[0] = 0x5b;
	u[15] = (unsigned char) (n + 1);
	rc = mmhs_dircache_put(td_cache, u, e);
	mmhs_dircache_entry_free(e);
	return rc;
}

static int
td_init(void)
{
	mmhs_dircache_conf_t conf = { 0 };
	static const char *const index[] = { "mail", "mhs-or-addresses",
	    "mmhsPolicyId", NULL };
	char err[256], sdir[300];
	size_t i;

	snprintf(td_dir, sizeof(td_dir), "%s/test_store_deliver.XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(td_dir) == NULL)
		return 1;
	conf.dc_dir = td_dir;
	conf.dc_base = "c=XW";
	conf.dc_scope = LDAP_SCOPE_SUBTREE;
	conf.dc_index = index;
	conf.dc_map_size = 16u << 20;
	if ((td_cache = mmhs_dircache_open(&conf, err, sizeof(err))) == NULL)
		return 1;
	for (i = 0; i < TD_NENTRIES; i++)
		if (td_put(i, &td_entries[i]) != 0)
			return 1;
	snprintf(td_track, sizeof(td_track), "%s/track.log", td_dir);
	snprintf(sdir, sizeof(sdir), "%s/store", td_dir);
	td_ag.ag_name = "store";
	td_ag.ag_dn = SELF;
	td_ag.ag_cache = td_cache;
	td_ag.ag_track = mmhs_track_open("store", td_track);
	td_sd.sd_agent = &td_ag;
	td_sd.sd_db = store_db_open(sdir, STORE_DB_NOSYNC, 0, err, sizeof(err));
	return td_ag.ag_track == NULL || td_sd.sd_db == NULL;
}

static int
td_cleanup(void)
{
	char cmd[300];

	store_db_close(td_sd.sd_db);
	mmhs_track_close(td_ag.ag_track);
	mmhs_dircache_close(td_cache);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", td_dir);
	return system(cmd) != 0;
}

/* td_lmtp - one transaction as mmhs_lmtpd makes it: RCPT for each, then
 * the message to those accepted; replies[i] for rcpt i either way */
static void
td_lmtp(const char *headers, const char *const *rcpts, size_t n,
    struct mmhs_lmtp_reply *replies)
{
	struct mmhs_lmtp_envelope env;
	struct mmhs_lmtp_reply r[8];
	const char *ok[8], *params[8];
	size_t i, k = 0, map[8];
	char data[2048];

	snprintf(data, sizeof(data), "%s\r\nThe text.\r\n", headers);
	for (i = 0; i < n; i++) {
		memset(&replies[i], 0, sizeof(replies[i]));
		if (store_deliver_rcpt(&td_sd, rcpts[i], "", &replies[i]) ==
		    0) {
			map[k] = i;
			params[k] = "";
			ok[k++] = rcpts[i];
		}
	}
	if (k == 0)
		return;
	memset(&env, 0, sizeof(env));
	env.le_peer = "127.0.0.1";
	env.le_mail_from = "sender@mod.westland.example";
	env.le_mail_params = "";
	env.le_nrcpt = k;
	env.le_rcpt = ok;
	env.le_rcpt_params = params;
	env.le_data = data;
	env.le_len = strlen(data);
	memset(r, 0, sizeof(r));
	store_deliver_message(&td_sd, &env, r);
	for (i = 0; i < k; i++)
		replies[map[i]] = r[i];
}

#define TD_HDR(from, extra) \
	"From: " from "\r\nTo: x@mod.westland.example\r\nSubject: test\r\n" \
	"Date: Sat, 28 Nov 2026 22:00:00 +0000\r\n" \
	"Message-ID: <t@x>\r\n" extra

/* td_last - the newest message of a mailbox folder (0 none) */
static uint64_t
td_last(const char *mbox, const char *folder, struct store_msg *m)
{
	struct store_query q;
	struct store_list l;
	char err[256];
	uint64_t id = 0;

	memset(&q, 0, sizeof(q));
	q.q_folder = folder;
	q.q_desc = 1;
	q.q_limit = 1;
	if (store_db_list(td_sd.sd_db, mbox, &q, &l, err, sizeof(err)) == 0 &&
	    l.sl_count == 1) {
		id = l.sl_msgs[0].sm_id;
		if (m != NULL)
			store_db_get(td_sd.sd_db, mbox, id, m, err, sizeof(err));
	}
	store_list_free(&l);
	return id;
}

static void
test_rcpt(void)
{
	static const struct {
		const char *r_addr;
		int	r_ok;
	} cases[] = {
		{ "ops.jfhq@mod.westland.example", 1 },
		{ "OPS.JFHQ@mod.westland.example", 1 },
		{ "ops.jfhq+info@mod.westland.example", 1 },
		{ "nobody@mod.westland.example", 0 },
		{ "nobox@mod.westland.example", 0 },
		{ "far@deployed.westland.example", 0 },
		{ "uncleared@mod.westland.example", 1 },
	};
	struct mmhs_lmtp_reply r;
	size_t i;
	int rc;

	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		memset(&r, 0, sizeof(r));
		rc = store_deliver_rcpt(&td_sd, cases[i].r_addr, "", &r);
		UNIT_CHECK(cases[i].r_ok ? rc == 0 : (rc != 0 &&
		    r.lr_code == 550 && strncmp(r.lr_text, "5.1.1 ", 6) == 0),
		    "%s: rc %d, %d %s", cases[i].r_addr, rc, r.lr_code,
		    r.lr_text);
	}
}

/* test_filing - each rule kind, criterion order, +info, default Inbox */
static void
test_filing(void)
{
	static const struct {
		const char *f_hdr;
		const char *f_folder;
	} cases[] = {
		{ TD_HDR("a@mod.westland.example", ""), "Inbox" },
		{ TD_HDR("a@mod.westland.example",
		    "MMHS-Primary-Precedence: 4 (flash)\r\n"
		    "MMHS-Subject-Indicator-Codes: ZOP\r\n"), "Flash" },
		{ TD_HDR("b@NATO.example",
		    "MMHS-Subject-Indicator-Codes: AAA; ZOP\r\n"), "Operations" },
		{ TD_HDR("b@nato.example", "MMHS-Primary-Precedence: 1\r\n"),
		    "NATO" },
		{ TD_HDR("c@mod.westland.example",
		    "MMHS-Subject-Indicator-Codes: ZXP\r\n"
		    "SIO-Label: marking=\"WESTLAND SECRET\"\r\n"), "Secret" },
	};
	const char *rcpt[] = { "ops.jfhq@mod.westland.example" };
	struct mmhs_lmtp_reply r;
	struct store_msg m;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		td_lmtp(cases[i].f_hdr, rcpt, 1, &r);
		UNIT_CHECK(r.lr_code == 250 && strstr(r.lr_text,
		    cases[i].f_folder) != NULL, "case %zu: %d %s", i,
		    r.lr_code, r.lr_text);
		UNIT_CHECK(td_last(OPS, cases[i].f_folder, &m) != 0 &&
		    m.sm_flags == 0, "case %zu: not in %s", i,
		    cases[i].f_folder);
		store_msg_free(&m);
	}
	rcpt[0] = "ops.jfhq+info@mod.westland.example";
	td_lmtp(TD_HDR("a@mod.westland.example", ""), rcpt, 1, &r);
	UNIT_CHECK(r.lr_code == 250 && td_last(OPS, "Inbox", &m) != 0 &&
	    m.sm_flags == STORE_F_INFO, "+info: %d %s flags %u", r.lr_code,
	    r.lr_text, m.sm_flags);
	store_msg_free(&m);
}

/* test_label - clearance, the implicit UNCLASSIFIED, live changes */
static void
test_label(void)
{
	const char *both[] = { "ceinwen.nuttall@mod.westland.example",
	    "ops.jfhq@mod.westland.example" };
	const char *uncl[] = { "uncleared@mod.westland.example" };
	struct td_entry raised = td_entries[4];
	struct mmhs_lmtp_reply r[2];
	struct store_msg m;
	uint64_t before = td_last(OPS, "Secret", NULL);

	td_lmtp(TD_HDR("a@mod.westland.example",
	    "SIO-Label: marking=\"WESTLAND SECRET\"\r\n"), both, 2, r);
	UNIT_CHECK(r[0].lr_code == 550 && strstr(r[0].lr_text,
	    "5.7.1 label WESTLAND SECRET is above the clearance CONFIDENTIAL "
	    "of " CEIN) == r[0].lr_text, "refusal: %d %s", r[0].lr_code,
	    r[0].lr_text);
	UNIT_CHECK(r[1].lr_code == 250 && td_last(OPS, "Secret", &m) > before,
	    "the cleared one gets it: %d %s", r[1].lr_code, r[1].lr_text);
	UNIT_CHECK(strcmp(m.sm_class, "SECRET") == 0 && m.sm_class_level == 4
	    && strcmp(m.sm_marking, "WESTLAND SECRET") == 0, "class %s %d",
	    m.sm_class, m.sm_class_level);
	store_msg_free(&m);
	td_lmtp(TD_HDR("a@mod.westland.example",
	    "SIO-Label: marking=\"WESTLAND SECRET\"\r\n"), uncl, 1, r);
	UNIT_CHECK(r[0].lr_code == 550, "no clearance, SECRET: %d %s",
	    r[0].lr_code, r[0].lr_text);
	td_lmtp(TD_HDR("a@mod.westland.example",
	    "SIO-Label: marking=\"UNCLASSIFIED\"\r\n"), uncl, 1, r);
	UNIT_CHECK(r[0].lr_code == 250, "no clearance, UNCLASSIFIED: %d %s",
	    r[0].lr_code, r[0].lr_text);
	td_lmtp(TD_HDR("a@mod.westland.example", ""), uncl, 1, r);
	UNIT_CHECK(r[0].lr_code == 250 && td_last(NOCL, "Inbox", &m) != 0 &&
	    m.sm_class_level == -1, "no clearance, unlabelled: %d %s",
	    r[0].lr_code, r[0].lr_text);
	store_msg_free(&m);
	td_lmtp(TD_HDR("a@mod.westland.example",
	    "SIO-Label: marking=\"WESTLAND SECRET REL TO MARS\"\r\n"), both + 1,
	    1, r);
	UNIT_CHECK(r[0].lr_code == 550 && strstr(r[0].lr_text, "not a "
	    "marking") != NULL, "unknown marking: %d %s", r[0].lr_code,
	    r[0].lr_text);
	/* The directory changes: the next message sees the new clearance. */
	raised.te_av[7] = NAT "$SECRET";
	UNIT_CHECK(strcmp(raised.te_av[6], "mmhsClearance") == 0 &&
	    td_put(4, &raised) == 0, "raise the clearance");
	td_lmtp(TD_HDR("a@mod.westland.example",
	    "SIO-Label: marking=\"WESTLAND SECRET\"\r\n"), both, 1, r);
	UNIT_CHECK(r[0].lr_code == 250, "after the raise: %d %s", r[0].lr_code,
	    r[0].lr_text);
}

/* test_track - the decisions are in the tracking log */
static void
test_track(void)
{
	char line[2048];
	int filed = 0, refused = 0, rule = 0;
	FILE *f = fopen(td_track, "r");

	UNIT_CHECK(f != NULL, "tracking log %s", td_track);
	if (f == NULL)
		return;
	while (fgets(line, sizeof(line), f) != NULL) {
		filed += strstr(line, "event=filed") != NULL;
		refused += strstr(line, "event=refused") != NULL &&
		    strstr(line, "5.7.1") != NULL;
		rule += strstr(line, "rule=\"sic$Z?P$Operations\"") != NULL &&
		    strstr(line, "folder=\"Operations\"") != NULL;
	}
	fclose(f);
	UNIT_CHECK(filed >= 9 && refused >= 3 && rule == 1, "filed %d, "
	    "refused %d, rule %d", filed, refused, rule);
}

/* test_full - a store that cannot take the message answers 452 */
static void
test_full(void)
{
	static const char *const rcpt[] = { "ops.jfhq@mod.westland.example" };
	static const char *const params[] = { "" };
	struct store_db *full, *saved = td_sd.sd_db;
	struct mmhs_lmtp_envelope env;
	struct mmhs_lmtp_reply r;
	size_t len = 3u << 20;
	char dir[300], err[256], *data = mmhs_malloc(len);

	snprintf(dir, sizeof(dir), "%s/full", td_dir);
	full = store_db_open(dir, STORE_DB_NOSYNC, 1u << 20, err, sizeof(err));
	UNIT_CHECK(full != NULL, "small store: %s", err);
	if (full == NULL)
		return;
	snprintf(data, len, "%s\r\n", TD_HDR("a@mod.westland.example", ""));
	memset(data + strlen(data), 'x', len - strlen(data));
	memset(&env, 0, sizeof(env));
	env.le_mail_from = "sender@mod.westland.example";
	env.le_nrcpt = 1;
	env.le_rcpt = rcpt;
	env.le_rcpt_params = params;
	env.le_data = data;
	env.le_len = len;
	memset(&r, 0, sizeof(r));
	td_sd.sd_db = full;
	store_deliver_message(&td_sd, &env, &r);
	td_sd.sd_db = saved;
	UNIT_CHECK(r.lr_code == 452 && strncmp(r.lr_text, "4.3.1 ", 6) == 0,
	    "a full store: %d %s", r.lr_code, r.lr_text);
	store_db_close(full);
	mmhs_free(data);
}

static void
test_glob(void)
{
	UNIT_CHECK(sdl_glob("*@nato.example", "A@NATO.example") &&
	    !sdl_glob("*@nato.example", "a@nato.example.org") &&
	    sdl_glob("Z?P", "zop") && !sdl_glob("Z?P", "ZP") &&
	    sdl_glob("*", "") && sdl_glob("a*b*c", "aXXbYYc") &&
	    !sdl_glob("a*b*c", "aXXbYY"), "glob");
}

static const struct unit_test deliver_tests[] = {
	{ "patterns", test_glob },
	{ "RCPT", test_rcpt },
	{ "filing rules", test_filing },
	{ "labels and clearances", test_label },
	{ "tracking log", test_track },
	{ "store full", test_full },
};

int
main(void)
{
	static const struct unit_suite suites[] = {
		UNIT_SUITE("store delivery", deliver_tests),
	};
	int rc;

	if (td_init() != 0) {
		fprintf(stderr, "test_store_deliver: setup failed\n");
		return 99;
	}
	rc = unit_main(suites, sizeof(suites) / sizeof(suites[0]));
	return td_cleanup() != 0 ? 1 : rc;
}
