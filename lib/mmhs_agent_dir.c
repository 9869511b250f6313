/* mmhs_agent_dir.c - the questions every agent asks its directory cache
 *
 * The contract is in mmhs_agent.h.  Everything here reads ag->ag_cache
 * only (one LMDB snapshot per lookup, any thread), so it works the same
 * on a live cache and on a storage-only one filled by a test.  Answers
 * are copies the caller frees.
 *
 * Addresses: a mail address is looked up in the mail index (the cache
 * keys are lower-cased, so case does not matter), first as given, then
 * without a "+detail" in its local part.  A string starting with "/" is
 * an O/R address: it is parsed and looked up in its RFC 2156 canonical
 * form, which is the form the acp133 overlay makes every
 * mhs-or-addresses value take.  Angle brackets around either are
 * ignored.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ldap.h>

#include "mmhs_agent_int.h"
#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mmhs_oraddr.h"

#define AGENT_ADDR_MAX	1024

/* mmhs_agent_dn_norm - a DN that compares with strcmp (caller frees) */
char *
mmhs_agent_dn_norm(const char *dn)
{
	char	*out = NULL, *r, *p;

	if (ldap_dn_normalize(dn, LDAP_DN_FORMAT_LDAP, &out,
	    LDAP_DN_FORMAT_LDAPV3) != LDAP_SUCCESS || out == NULL)
		r = mmhs_strdup(dn);
	else {
		r = mmhs_strdup(out);
		ldap_memfree(out);
	}
	for (p = r; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	return r;
}

/* agent_listen_of - the URI of entry e's mmhsListen value NAME, or NULL
 * (a pointer into e) */
static const char *
agent_listen_of(const mmhs_dircache_entry_t *e, const char *name)
{
	const mmhs_dircache_attr_t *a = mmhs_dircache_attr(e, "mmhsListen");
	size_t	i, n = strlen(name);

	for (i = 0; a != NULL && i < a->da_nvals; i++)
		if (strncasecmp(a->da_vals[i], name, n) == 0 &&
		    a->da_vals[i][n] == ' ')
			return a->da_vals[i] + n + 1 + strspn(a->da_vals[i] +
			    n + 1, " ");
	return NULL;
}

char *
mmhs_agent_listen(struct mmhs_agent *ag, const char *name)
{
	mmhs_dircache_entry_t *e = mmhs_agent_self(ag);
	const char *uri;
	char	*r = NULL;

	if (e == NULL)
		return NULL;
	if ((uri = agent_listen_of(e, name)) != NULL)
		r = mmhs_strdup(uri);
	mmhs_dircache_entry_free(e);
	return r;
}

/* agent_split_uri - "scheme://host:port[/...]" into host and port */
static int
agent_split_uri(const char *uri, char *host, size_t hostlen, int *port,
    char *err, size_t errlen)
{
	const char *h = strstr(uri, "://"), *end, *colon;
	char	*stop;
	long	n;

	if (h == NULL)
		goto bad;
	h += 3;
	if (*h == '[') {		/* [IPv6]:port */
		if ((end = strchr(++h, ']')) == NULL || end[1] != ':')
			goto bad;
		colon = end + 1;
	} else {
		if ((colon = strchr(h, ':')) == NULL)
			goto bad;
		end = colon;
	}
	errno = 0;
	n = strtol(colon + 1, &stop, 10);
	if (end == h || (size_t)(end - h) >= hostlen || errno != 0 ||
	    stop == colon + 1 || (*stop != '\0' && *stop != '/') || n <= 0 ||
	    n > 65535)
		goto bad;
	memcpy(host, h, (size_t)(end - h));
	host[end - h] = '\0';
	*port = (int)n;
	return 0;
bad:
	snprintf(err, errlen, "\"%s\": not scheme://host:port with a "
	    "port assigned", uri);
	return -1;
}

int
mmhs_agent_peer_addr(struct mmhs_agent *ag, const char *type,
    const char *name, char *host, size_t hostlen, int *port, char *err,
    size_t errlen)
{
	mmhs_dircache_entry_t *self = mmhs_agent_self(ag), *pe;
	const mmhs_dircache_attr_t *peers;
	const char *t, *uri;
	size_t	i;
	int	rc = -1, typed = 0;

	if (errlen > 0)
		err[0] = '\0';
	if (self == NULL) {
		snprintf(err, errlen, "own entry %s is not in the cache",
		    ag->ag_dn);
		return -1;
	}
	peers = mmhs_dircache_attr(self, "mmhsPeer");
	for (i = 0; rc < 0 && peers != NULL && i < peers->da_nvals; i++) {
		if ((pe = mmhs_dircache_by_dn(ag->ag_cache,
		    peers->da_vals[i])) == NULL)
			continue;
		if ((t = mmhs_dircache_value(pe, "mmhsAgentType")) != NULL &&
		    strcasecmp(t, type) == 0) {
			typed++;
			if ((uri = agent_listen_of(pe, name)) != NULL)
				rc = agent_split_uri(uri, host, hostlen, port,
				    err, errlen);
		}
		mmhs_dircache_entry_free(pe);
	}
	if (rc < 0 && typed == 0)
		snprintf(err, errlen, "no mmhsPeer of %s has mmhsAgentType %s",
		    ag->ag_dn, type);
	else if (rc < 0 && typed > 0 && err[0] == '\0')
		snprintf(err, errlen, "no %s peer of %s listens as \"%s\"",
		    type, ag->ag_dn, name);
	mmhs_dircache_entry_free(self);
	return rc;
}

long
mmhs_agent_limit(struct mmhs_agent *ag, const char *name, long def)
{
	mmhs_dircache_entry_t *e = mmhs_agent_self(ag);
	const mmhs_dircache_attr_t *a;
	const char *v;
	char	*end;
	size_t	i, n = strlen(name);
	long	r = def, x;

	if (e == NULL)
		return def;
	a = mmhs_dircache_attr(e, "mmhsLimit");
	for (i = 0; a != NULL && i < a->da_nvals; i++) {
		v = a->da_vals[i];
		if (strncasecmp(v, name, n) != 0 || v[n] != '=')
			continue;
		errno = 0;
		x = strtol(v + n + 1, &end, 10);
		if (errno != 0 || end == v + n + 1 || *end != '\0' || x < 0)
			mmhs_warn("%s: mmhsLimit \"%s\": not a number, using "
			    "%ld", ag->ag_dn, v, def);
		else
			r = x;
		break;
	}
	mmhs_dircache_entry_free(e);
	return r;
}

/* agent_first - iterator: note the first entry found */
static int
agent_first(void *arg, const mmhs_dircache_entry_t *e)
{
	memcpy(arg, e->de_uuid, sizeof(e->de_uuid));
	return 1;
}

mmhs_dircache_entry_t *
mmhs_agent_find_one(mmhs_dircache_t *dc, const char *attr, const char *value)
{
	char	uuid[sizeof(((mmhs_dircache_entry_t *)0)->de_uuid)] = "";

	if (mmhs_dircache_find(dc, attr, value, agent_first, uuid) <= 0 ||
	    uuid[0] == '\0')
		return NULL;
	return mmhs_dircache_by_uuid(dc, uuid);
}

/* agent_by_oraddr - the entry of an O/R address, or NULL */
static mmhs_dircache_entry_t *
agent_by_oraddr(struct mmhs_agent *ag, const char *addr)
{
	struct mmhs_oraddr oa;
	char	canon[MMHS_ORADDR_STRLEN];

	if (mmhs_oraddr_parse(addr, 0, &oa, NULL, 0) < 0 ||
	    mmhs_oraddr_format(&oa, canon, sizeof(canon)) < 0)
		return NULL;
	return mmhs_agent_find_one(ag->ag_cache, "mhs-or-addresses", canon);
}

mmhs_dircache_entry_t *
mmhs_agent_entry_for(struct mmhs_agent *ag, const char *addr, char *detail,
    size_t detaillen)
{
	mmhs_dircache_entry_t *e;
	char	a[AGENT_ADDR_MAX], *at, *plus;
	size_t	n;

	if (detail != NULL && detaillen > 0)
		detail[0] = '\0';
	if (addr == NULL || ag->ag_cache == NULL)
		return NULL;
	n = strlen(addr);
	if (n >= 2 && addr[0] == '<' && addr[n - 1] == '>') {
		addr++;
		n -= 2;
	}
	if (n == 0 || n >= sizeof(a))
		return NULL;
	memcpy(a, addr, n);
	a[n] = '\0';
	if (a[0] == '/')
		return agent_by_oraddr(ag, a);
	if ((at = strrchr(a, '@')) == NULL || at == a)
		return NULL;
	if ((e = mmhs_agent_find_one(ag->ag_cache, "mail", a)) != NULL)
		return e;
	/* do+info@x: the plus and what follows up to the @ is the detail */
	if ((plus = memchr(a, '+', (size_t)(at - a))) == NULL || plus == a)
		return NULL;
	*at = '\0';
	if (detail != NULL && detaillen > 0)
		snprintf(detail, detaillen, "%s", plus + 1);
	*at = '@';
	memmove(plus, at, strlen(at) + 1);
	if ((e = mmhs_agent_find_one(ag->ag_cache, "mail", a)) == NULL &&
	    detail != NULL && detaillen > 0)
		detail[0] = '\0';
	return e;
}

char *
mmhs_agent_mail_of(struct mmhs_agent *ag, const char *dn)
{
	mmhs_dircache_entry_t *e;
	const char *m;
	char	*r = NULL;

	if (ag->ag_cache == NULL || dn == NULL ||
	    (e = mmhs_dircache_by_dn(ag->ag_cache, dn)) == NULL)
		return NULL;
	if ((m = mmhs_dircache_value(e, "mail")) != NULL)
		r = mmhs_strdup(m);
	mmhs_dircache_entry_free(e);
	return r;
}

/* agent_policy_fill - a policy from an mmhsSecurityPolicy entry: the
 * classes first (equivalences refer to them), then categories and
 * equivalences, as the acp133 overlay builds it */
static int
agent_policy_fill(const mmhs_dircache_entry_t *e, const char *oid,
    struct mmhs_policy *p, char *err, size_t errlen)
{
	static const char *const attrs[] = { "mmhsClassificationDef",
	    "mmhsCategoryDef", "mmhsLabelEquivalence" };
	const mmhs_dircache_attr_t *a;
	char	why[256];
	size_t	k, i;
	int	rc;

	if (mmhs_policy_init(p, oid, why, sizeof(why)) < 0) {
		snprintf(err, errlen, "%s: %s", e->de_dn, why);
		return -1;
	}
	for (k = 0; k < sizeof(attrs) / sizeof(attrs[0]); k++) {
		if ((a = mmhs_dircache_attr(e, attrs[k])) == NULL)
			continue;
		for (i = 0; i < a->da_nvals; i++) {
			rc = k == 0 ? mmhs_policy_add_class(p, a->da_vals[i],
			    why, sizeof(why)) : k == 1 ?
			    mmhs_policy_add_cat(p, a->da_vals[i], why,
			    sizeof(why)) : mmhs_policy_add_equiv(p,
			    a->da_vals[i], why, sizeof(why));
			if (rc < 0) {
				snprintf(err, errlen, "%s: %s \"%s\": %s",
				    e->de_dn, attrs[k], a->da_vals[i], why);
				return -1;
			}
		}
	}
	return 0;
}

int
mmhs_agent_policy_of(void *dircache, const char *oid, struct mmhs_policy *p,
    char *err, size_t errlen)
{
	mmhs_dircache_entry_t *e;
	int	rc;

	if (oid == NULL || dircache == NULL ||
	    (e = mmhs_agent_find_one(dircache, "mmhsPolicyId", oid)) == NULL) {
		snprintf(err, errlen, "no security policy entry has "
		    "mmhsPolicyId %s", oid ? oid : "(none)");
		return -1;
	}
	rc = agent_policy_fill(e, oid, p, err, errlen);
	mmhs_dircache_entry_free(e);
	return rc;
}

int
mmhs_agent_policy(struct mmhs_agent *ag, const char *oid,
    struct mmhs_policy *p, char *err, size_t errlen)
{
	return mmhs_agent_policy_of(ag->ag_cache, oid, p, err, errlen);
}
