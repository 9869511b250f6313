/* store_auth_access.c - what a user may read, asked of the directory now
 *
 * A person reads the mailbox of their own entry and those of the roles
 * whose roleOccupant names them.  That is asked of the directory itself
 * at every request, on one connection bound as the store, never
 * remembered: an administrator who takes a role away with ldapmodify
 * has taken the access away for the next request (the cache would see
 * the change only once replication has carried it).  When no directory
 * answers, the decision is taken from the directory cache, the last
 * state the store saw, and the log says so (agents go on without the
 * directory, doc/architecture.md).
 *
 * The agent endpoints are for the agents named by mmhsPeer of the
 * store's own entry: configuration, read from the cache like every
 * agent reads its own entry.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <ldap.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "store.h"

struct store_access {
	struct store *ac_st;
	pthread_mutex_t ac_mu;		/* ac_ld: one question at a time */
	LDAP   *ac_ld;			/* bound as the store, NULL: none */
};

struct store_access *
store_access_new(struct store *st)
{
	struct store_access *ac = mmhs_calloc(1, sizeof(*ac));

	ac->ac_st = st;
	pthread_mutex_init(&ac->ac_mu, NULL);
	return ac;
}

void
store_access_free(struct store_access *ac)
{
	if (ac == NULL)
		return;
	if (ac->ac_ld != NULL)
		ldap_unbind_ext_s(ac->ac_ld, NULL, NULL);
	pthread_mutex_destroy(&ac->ac_mu);
	mmhs_free(ac);
}

/* access_connect - a connection bound as the store; under ac_mu */
static int
access_connect(struct store_access *ac)
{
	struct mmhs_agent *ag = &ac->ac_st->st_agent;
	struct timeval tv = { STORE_LDAP_TIMEOUT_S, 0 };
	struct berval cred;
	int	v3 = LDAP_VERSION3, rc;

	if (ac->ac_ld != NULL)
		return 0;
	if ((rc = ldap_initialize(&ac->ac_ld, ag->ag_uris)) != LDAP_SUCCESS) {
		ac->ac_ld = NULL;
		return -1;
	}
	ldap_set_option(ac->ac_ld, LDAP_OPT_PROTOCOL_VERSION, &v3);
	ldap_set_option(ac->ac_ld, LDAP_OPT_NETWORK_TIMEOUT, &tv);
	ldap_set_option(ac->ac_ld, LDAP_OPT_TIMEOUT, &tv);
	cred.bv_val = ag->ag_pw;
	cred.bv_len = strlen(ag->ag_pw);
	rc = ldap_sasl_bind_s(ac->ac_ld, ag->ag_dn, LDAP_SASL_SIMPLE, &cred,
	    NULL, NULL, NULL);
	if (rc != LDAP_SUCCESS) {
		mmhs_warn("access checks: bind as %s: %s", ag->ag_dn,
		    ldap_err2string(rc));
		ldap_unbind_ext_s(ac->ac_ld, NULL, NULL);
		ac->ac_ld = NULL;
		return -1;
	}
	return 0;
}

/*
 * access_search - one search, reconnecting once when the connection
 * went away; under ac_mu.  Returns the LDAP result code (NO_SUCH_OBJECT
 * is an answer), or -1 when no directory answers.
 */
static int
access_search(struct store_access *ac, const char *base, int scope,
	const char *filter, char **attrs, LDAPMessage **res)
{
	struct timeval tv = { STORE_LDAP_TIMEOUT_S, 0 };
	int	rc, tries;

	for (tries = 0; tries < 2; tries++) {
		*res = NULL;
		if (access_connect(ac) < 0)
			return -1;
		rc = ldap_search_ext_s(ac->ac_ld, base, scope, filter, attrs, 0,
		    NULL, NULL, &tv, 0, res);
		if (rc == LDAP_SUCCESS || rc == LDAP_NO_SUCH_OBJECT)
			return rc;
		ldap_msgfree(*res);
		*res = NULL;
		ldap_unbind_ext_s(ac->ac_ld, NULL, NULL);
		ac->ac_ld = NULL;
		if (rc != LDAP_SERVER_DOWN && rc != LDAP_CONNECT_ERROR &&
		    rc != LDAP_TIMEOUT)
			return rc;
	}
	return -1;
}

/* access_occupant_filter - (&(objectClass=mmhsMailbox)(roleOccupant=dn)) */
static char *
access_occupant_filter(const char *user_dn)
{
	struct berval in, out = { 0, NULL };
	char	*f;
	size_t	len;

	in.bv_val = (char *) user_dn;
	in.bv_len = strlen(user_dn);
	if (ldap_bv2escaped_filter_value(&in, &out) != 0)
		return NULL;
	len = out.bv_len + 64;
	f = mmhs_malloc(len);
	snprintf(f, len, "(&(objectClass=mmhsMailbox)(roleOccupant=%s))",
	    out.bv_val);
	ber_memfree(out.bv_val);
	return f;
}

/* access_same_dn - two DNs naming the same entry */
static int
access_same_dn(const char *a, const char *b)
{
	char	*na = store_dn_norm(a), *nb = store_dn_norm(b);
	int	same = na != NULL && nb != NULL && strcmp(na, nb) == 0;

	mmhs_free(na);
	mmhs_free(nb);
	return same;
}

/* access_names - does attribute attr of e hold a DN naming dn? */
static int
access_names(const mmhs_dircache_entry_t *e, const char *attr, const char *dn)
{
	const mmhs_dircache_attr_t *a = mmhs_dircache_attr(e, attr);
	size_t	i;

	for (i = 0; a != NULL && i < a->da_nvals; i++)
		if (access_same_dn(a->da_vals[i], dn))
			return 1;
	return 0;
}

/* ---------------------------------------------------------------- */
/* Mailboxes */

/* access_kind - person, role or organization from the object classes */
static const char *
access_kind(char **oc, size_t n)
{
	static const char *const kinds[] = { "role", "person",
	    "organization" };
	static const char *const ends[][3] = {
		{ "role", NULL, NULL },
		{ "person", NULL, NULL },
		{ "organization", "organizationalunit", "unit" },
	};
	size_t	k, i, j, len, elen;

	for (k = 0; k < 3; k++)
		for (i = 0; i < n; i++)
			for (j = 0; j < 3 && ends[k][j] != NULL; j++) {
				len = strlen(oc[i]);
				elen = strlen(ends[k][j]);
				if (len >= elen && strcasecmp(oc[i] + len -
				    elen, ends[k][j]) == 0)
					return kinds[k];
			}
	return "organization";
}

void
store_mbox_free(struct store_mbox *mb)
{
	mmhs_free(mb->mb_dn);
	mmhs_free(mb->mb_mail);
	mmhs_free(mb->mb_name);
	memset(mb, 0, sizeof(*mb));
}

void
store_mbox_list_free(struct store_mbox *mb, int n)
{
	int	i;

	for (i = 0; i < n; i++)
		store_mbox_free(&mb[i]);
	mmhs_free(mb);
}

/* access_is_mailbox - has the entry the object class mmhsMailbox? */
static int
access_is_mailbox(char **oc, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (strcasecmp(oc[i], "mmhsMailbox") == 0)
			return 1;
	return 0;
}

/* access_mbox_cache - a mailbox from a cached entry; -1: no mailbox */
static int
access_mbox_cache(const mmhs_dircache_entry_t *e, struct store_mbox *mb)
{
	const mmhs_dircache_attr_t *oc = mmhs_dircache_attr(e, "objectClass");
	const char *v;

	memset(mb, 0, sizeof(*mb));
	if (oc == NULL || !access_is_mailbox(oc->da_vals, oc->da_nvals))
		return -1;
	mb->mb_dn = mmhs_strdup(e->de_dn);
	v = mmhs_dircache_value(e, "mail");
	mb->mb_mail = mmhs_strdup(v != NULL ? v : "");
	if ((v = mmhs_dircache_value(e, "cn")) == NULL &&
	    (v = mmhs_dircache_value(e, "o")) == NULL)
		v = mmhs_dircache_value(e, "ou");
	mb->mb_name = mmhs_strdup(v != NULL ? v : "");
	mb->mb_kind = access_kind(oc->da_vals, oc->da_nvals);
	return 0;
}

int
store_mbox_lookup(struct store *st, const char *name, struct store_mbox *mb)
{
	mmhs_dircache_entry_t *e;
	int	rc;

	memset(mb, 0, sizeof(*mb));
	if (strchr(name, '=') != NULL)
		e = mmhs_dircache_by_dn(st->st_agent.ag_cache, name);
	else
		e = mmhs_agent_entry_for(&st->st_agent, name, NULL, 0);
	if (e == NULL)
		return -1;
	rc = access_mbox_cache(e, mb);
	mmhs_dircache_entry_free(e);
	return rc;
}

/* access_mbox_ldap - a mailbox from a search result entry */
static void
access_mbox_ldap(LDAP *ld, LDAPMessage *e, struct store_mbox *mb)
{
	static const char *const names[] = { "cn", "o", "ou" };
	struct berval **v;
	char	*dn = ldap_get_dn(ld, e), **oc;
	size_t	i, n;

	memset(mb, 0, sizeof(*mb));
	mb->mb_dn = mmhs_strdup(dn != NULL ? dn : "");
	ldap_memfree(dn);
	v = ldap_get_values_len(ld, e, "mail");
	mb->mb_mail = v != NULL && v[0] != NULL ? mmhs_strndup(v[0]->bv_val,
	    v[0]->bv_len) : mmhs_strdup("");
	ldap_value_free_len(v);
	for (i = 0; i < 3 && mb->mb_name == NULL; i++) {
		v = ldap_get_values_len(ld, e, names[i]);
		if (v != NULL && v[0] != NULL)
			mb->mb_name = mmhs_strndup(v[0]->bv_val, v[0]->bv_len);
		ldap_value_free_len(v);
	}
	if (mb->mb_name == NULL)
		mb->mb_name = mmhs_strdup("");
	v = ldap_get_values_len(ld, e, "objectClass");
	n = v != NULL ? (size_t) ldap_count_values_len(v) : 0;
	oc = mmhs_calloc(n + 1, sizeof(*oc));
	for (i = 0; i < n; i++)
		oc[i] = mmhs_strndup(v[i]->bv_val, v[i]->bv_len);
	mb->mb_kind = access_kind(oc, n);
	for (i = 0; i < n; i++)
		mmhs_free(oc[i]);
	mmhs_free(oc);
	ldap_value_free_len(v);
}

/* ---------------------------------------------------------------- */
/* Decisions */

int
store_access_mailbox(struct store *st, const char *user_dn,
	const char *mbox_dn)
{
	struct store_access *ac = st->st_access;
	mmhs_dircache_entry_t *e;
	LDAPMessage *res;
	char	*filter, *attrs[] = { LDAP_NO_ATTRS, NULL };
	int	rc, yes;

	if (access_same_dn(user_dn, mbox_dn))
		return 1;
	if ((filter = access_occupant_filter(user_dn)) == NULL)
		return -1;
	pthread_mutex_lock(&ac->ac_mu);
	rc = access_search(ac, mbox_dn, LDAP_SCOPE_BASE, filter, attrs, &res);
	yes = rc == LDAP_SUCCESS && ldap_count_entries(ac->ac_ld, res) > 0;
	ldap_msgfree(res);
	pthread_mutex_unlock(&ac->ac_mu);
	mmhs_free(filter);
	if (rc == LDAP_SUCCESS || rc == LDAP_NO_SUCH_OBJECT)
		return yes;
	mmhs_warn("access of %s to %s: the directory does not answer (%s), "
	    "deciding from the cache", user_dn, mbox_dn, rc < 0 ?
	    "no connection" : ldap_err2string(rc));
	if ((e = mmhs_dircache_by_dn(st->st_agent.ag_cache, mbox_dn)) == NULL)
		return 0;
	yes = access_names(e, "roleOccupant", user_dn);
	mmhs_dircache_entry_free(e);
	return yes;
}

/* The roles from the cache, when the directory is away. */
struct access_collect {
	const char *c_user;
	struct store_mbox *c_mb;
	int	c_n;
};

static int
access_collect(void *arg, const mmhs_dircache_entry_t *e)
{
	struct access_collect *c = arg;
	struct store_mbox mb;

	if (access_names(e, "roleOccupant", c->c_user) &&
	    access_mbox_cache(e, &mb) == 0) {
		c->c_mb = mmhs_realloc(c->c_mb, (size_t) (c->c_n + 1) *
		    sizeof(*c->c_mb));
		c->c_mb[c->c_n++] = mb;
	}
	return 0;
}

int
store_access_list(struct store *st, const char *user_dn,
	struct store_mbox **out)
{
	struct store_access *ac = st->st_access;
	struct access_collect c = { user_dn, NULL, 0 };
	struct store_mbox own;
	mmhs_dircache_entry_t *e;
	LDAPMessage *res, *m;
	char	*filter, *attrs[] = { "mail", "cn", "o", "ou", "objectClass",
	    NULL };
	int	rc;

	if ((e = mmhs_dircache_by_dn(st->st_agent.ag_cache, user_dn)) !=
	    NULL) {
		if (access_mbox_cache(e, &own) == 0) {
			c.c_mb = mmhs_malloc(sizeof(*c.c_mb));
			c.c_mb[c.c_n++] = own;
		}
		mmhs_dircache_entry_free(e);
	}
	if ((filter = access_occupant_filter(user_dn)) == NULL)
		goto fail;
	pthread_mutex_lock(&ac->ac_mu);
	rc = access_search(ac, st->st_agent.ag_base, LDAP_SCOPE_SUBTREE,
	    filter, attrs, &res);
	for (m = rc == LDAP_SUCCESS ? ldap_first_entry(ac->ac_ld, res) : NULL;
	    m != NULL; m = ldap_next_entry(ac->ac_ld, m)) {
		c.c_mb = mmhs_realloc(c.c_mb, (size_t) (c.c_n + 1) *
		    sizeof(*c.c_mb));
		access_mbox_ldap(ac->ac_ld, m, &c.c_mb[c.c_n++]);
	}
	ldap_msgfree(res);
	pthread_mutex_unlock(&ac->ac_mu);
	mmhs_free(filter);
	if (rc != LDAP_SUCCESS) {
		mmhs_warn("mailboxes of %s: the directory does not answer "
		    "(%s), listing from the cache", user_dn, rc < 0 ?
		    "no connection" : ldap_err2string(rc));
		if (mmhs_dircache_find(st->st_agent.ag_cache, "roleOccupant",
		    user_dn, access_collect, &c) < 0)
			goto fail;
	}
	*out = c.c_mb;
	return c.c_n;
fail:
	store_mbox_list_free(c.c_mb, c.c_n);
	*out = NULL;
	return -1;
}

int
store_access_peer(struct store *st, const char *dn)
{
	mmhs_dircache_entry_t *self = mmhs_agent_self(&st->st_agent);
	int	yes;

	if (self == NULL)
		return 0;
	yes = access_names(self, "mmhsPeer", dn);
	mmhs_dircache_entry_free(self);
	return yes;
}
