/* mta_conf.c - the MTA's settings, from its own directory entry
 *
 * mta_conf_load() reads m->m_conf.mc_self_dn from the directory cache
 * and replaces the rest of m->m_conf: mmhsSite, mmhsListen ("name
 * URI", at most MTA_MAX_LISTEN), mmhsLimit (message-size, recipients,
 * connections; other names are warned about and ignored, as
 * doc/ldif-reference.md asks), mmhsPeer.  Limits left out take the
 * defaults of mta_smtpd.h.  The host name for banners and Received:
 * is the system's (gethostname).
 *
 * Errors: -1 and a message when the entry is not in the cache or a
 * value is malformed; m->m_conf is then unchanged.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mta_smtpd.h"

/* mta_conf_delivery_limit - a limit the delivery side reads itself */
static int
mta_conf_delivery_limit(const char *v)
{
	static const char *const names[] = {
		"retry-", "expiry-", "warn-", "dest-connections=",
		"hop-down=", "inflight=",
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strncmp(v, names[i], strlen(names[i])) == 0)
			return 1;
	return 0;
}

/* mta_conf_limit - one "name=value" */
static int
mta_conf_limit(struct mta_conf *c, const char *v, char *err, size_t errlen)
{
	const char *eq = strchr(v, '=');
	unsigned long long n;
	char	*end;

	if (eq == NULL || eq[1] == '\0') {
		snprintf(err, errlen, "mmhsLimit \"%s\": not name=value", v);
		return -1;
	}
	errno = 0;
	n = strtoull(eq + 1, &end, 10);
	if (*end != '\0' || errno != 0 || n == 0) {
		snprintf(err, errlen, "mmhsLimit \"%s\": not a positive "
		    "number", v);
		return -1;
	}
	if (strncmp(v, "message-size=", 13) == 0)
		c->mc_max_size = n > MMHS_QUEUE_MAX_SIZE ?
		    MMHS_QUEUE_MAX_SIZE : (size_t)n;
	else if (strncmp(v, "recipients=", 11) == 0)
		c->mc_max_rcpt = n > MMHS_QUEUE_MAX_RCPT ?
		    MMHS_QUEUE_MAX_RCPT : (int)n;
	else if (strncmp(v, "connections=", 12) == 0)
		c->mc_max_conn = n > 100000 ? 100000 : (int)n;
	else if (!mta_conf_delivery_limit(v))
		mmhs_warn("mmhsLimit \"%s\": unknown limit, ignored", v);
	return 0;
}

/* mta_conf_listen - one "name URI" */
static int
mta_conf_listen(struct mta_conf *c, const char *v, char *err, size_t errlen)
{
	const char *sp = strchr(v, ' ');
	struct mta_listen *l;

	if (sp == NULL || (size_t)(sp - v) >= MTA_NAME_MAX ||
	    strlen(sp + 1) >= MTA_URI_MAX) {
		snprintf(err, errlen, "mmhsListen \"%s\": not \"name URI\"", v);
		return -1;
	}
	if (c->mc_nlisten >= MTA_MAX_LISTEN) {
		mmhs_warn("mmhsListen \"%s\": more than %d values, ignored", v,
		    MTA_MAX_LISTEN);
		return 0;
	}
	l = &c->mc_listen[c->mc_nlisten++];
	memcpy(l->ml_name, v, (size_t)(sp - v));
	l->ml_name[sp - v] = '\0';
	snprintf(l->ml_uri, sizeof(l->ml_uri), "%s", sp + 1);
	return 0;
}

/* mta_conf_fill - everything but the DN from entry e */
static int
mta_conf_fill(struct mta_conf *c, const mmhs_dircache_entry_t *e, char *err,
	size_t errlen)
{
	const mmhs_dircache_attr_t *a;
	const char *v;
	char	host[256];
	size_t	i;

	if ((v = mmhs_dircache_value(e, "mmhsSite")) != NULL)
		c->mc_site_dn = mmhs_strdup(v);
	if (gethostname(host, sizeof(host)) != 0)
		snprintf(host, sizeof(host), "localhost");
	host[sizeof(host) - 1] = '\0';
	c->mc_hostname = mmhs_strdup(host);
	c->mc_max_size = MTA_SMTPD_DEF_SIZE;
	c->mc_max_rcpt = MTA_SMTPD_DEF_RCPT;
	c->mc_max_conn = MTA_SMTPD_DEF_CONN;
	if ((a = mmhs_dircache_attr(e, "mmhsListen")) != NULL)
		for (i = 0; i < a->da_nvals; i++)
			if (mta_conf_listen(c, a->da_vals[i], err, errlen) < 0)
				return -1;
	if ((a = mmhs_dircache_attr(e, "mmhsLimit")) != NULL)
		for (i = 0; i < a->da_nvals; i++)
			if (mta_conf_limit(c, a->da_vals[i], err, errlen) < 0)
				return -1;
	if ((a = mmhs_dircache_attr(e, "mmhsPeer")) != NULL &&
	    a->da_nvals > 0) {
		c->mc_peers = mmhs_calloc(a->da_nvals, sizeof(char *));
		for (i = 0; i < a->da_nvals; i++)
			c->mc_peers[c->mc_npeers++] =
			    mmhs_strdup(a->da_vals[i]);
	}
	return 0;
}

/* mta_conf_load - (re)read our entry */
int
mta_conf_load(struct mta *m, char *err, size_t errlen)
{
	struct mta_conf c;
	mmhs_dircache_entry_t *e;
	int	rc;

	if (m->m_conf.mc_self_dn == NULL) {
		snprintf(err, errlen, "no DN of our own entry");
		return -1;
	}
	if ((e = mmhs_dircache_by_dn(m->m_cache, m->m_conf.mc_self_dn)) ==
	    NULL) {
		snprintf(err, errlen, "%s: not in the directory (cache)",
		    m->m_conf.mc_self_dn);
		return -1;
	}
	memset(&c, 0, sizeof(c));
	c.mc_self_dn = mmhs_strdup(m->m_conf.mc_self_dn);
	rc = mta_conf_fill(&c, e, err, errlen);
	mmhs_dircache_entry_free(e);
	if (rc < 0) {
		mta_conf_free(&c);
		return -1;
	}
	mta_conf_free(&m->m_conf);
	m->m_conf = c;
	return 0;
}

/* mta_conf_free - what mta_conf_load allocated */
void
mta_conf_free(struct mta_conf *c)
{
	int	i;

	mmhs_free(c->mc_self_dn);
	mmhs_free(c->mc_site_dn);
	mmhs_free(c->mc_hostname);
	for (i = 0; i < c->mc_npeers; i++)
		mmhs_free(c->mc_peers[i]);
	mmhs_free(c->mc_peers);
	memset(c, 0, sizeof(*c));
}
