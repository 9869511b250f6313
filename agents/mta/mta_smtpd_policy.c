/* mta_smtpd_policy.c - who may send what, from where, to whom
 *
 * Peers: a client of the relay port is a peer MTA when its address is
 * the host of an mmhsListen URI of an agent named by our mmhsPeer (a
 * literal compare, no DNS: the directory should hold addresses).
 *
 * Senders: an authenticated user may use as MAIL FROM only a mail
 * value of their own entry or of a role whose roleOccupant is their
 * DN (from the cache), else 550 5.7.1.
 *
 * Recipients: each must have a route (lib/mmhs_route over the cache's
 * mmhsRoute entries, as seen by this MTA), else 550 5.1.2.  A
 * recipient whose first next hop is a final agent of this site (store,
 * profiler, expander, archive) is accepted from anyone, as an MX
 * would; anything else (gateways, peer MTAs of other sites, external
 * MTAs) is relaying and needs a peer or an authenticated client, else
 * 554 5.7.1.  The relay decision uses the precedence of the MAIL
 * parameter (routine without it): a route restricted to precedences
 * changes the hop, not the local/relay nature, in the sample.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "mmhs_alloc.h"
#include "mmhs_route.h"
#include "mta_smtpd.h"

/* mta_policy_uri_host - host of "name scheme://host:port"; 0 or -1 */
static int
mta_policy_uri_host(const char *listen, char *host, size_t len)
{
	const char *p = strstr(listen, "://"), *end;

	if (p == NULL)
		return -1;
	p += 3;
	if (*p == '[') {
		p++;
		end = strchr(p, ']');
	} else {
		end = strrchr(p, ':');
	}
	if (end == NULL || (size_t)(end - p) >= len)
		return -1;
	memcpy(host, p, (size_t)(end - p));
	host[end - p] = '\0';
	return 0;
}

/* mta_policy_is_peer - 1 when addr is a listen host of an mmhsPeer */
int
mta_policy_is_peer(struct mta_smtpd *d, const char *addr, char *dn,
	size_t len)
{
	struct mta *m = d->d_m;
	const mmhs_dircache_attr_t *a;
	mmhs_dircache_entry_t *e;
	char	host[MTA_URI_MAX];
	int	i, found = 0;
	size_t	j;

	for (i = 0; i < m->m_conf.mc_npeers && !found; i++) {
		if ((e = mmhs_dircache_by_dn(m->m_cache,
		    m->m_conf.mc_peers[i])) == NULL)
			continue;
		if ((a = mmhs_dircache_attr(e, "mmhsListen")) != NULL)
			for (j = 0; j < a->da_nvals && !found; j++)
				found = mta_policy_uri_host(a->da_vals[j],
				    host, sizeof(host)) == 0 &&
				    strcmp(host, addr) == 0;
		if (found)
			snprintf(dn, len, "%s", e->de_dn);
		mmhs_dircache_entry_free(e);
	}
	return found;
}

/* mta_policy_has_mail - 1 when e has mail value addr */
static int
mta_policy_has_mail(const mmhs_dircache_entry_t *e, const char *addr)
{
	const mmhs_dircache_attr_t *a = mmhs_dircache_attr(e, "mail");
	size_t	i;

	for (i = 0; a != NULL && i < a->da_nvals; i++)
		if (strcasecmp(a->da_vals[i], addr) == 0)
			return 1;
	return 0;
}

struct mta_policy_role {
	const char *pr_addr;
	int	pr_ok;
};

static int
mta_policy_role_cb(void *arg, const mmhs_dircache_entry_t *e)
{
	struct mta_policy_role *pr = arg;

	pr->pr_ok = mta_policy_has_mail(e, pr->pr_addr);
	return pr->pr_ok;
}

/* mta_policy_may_use - 1 when the entry dn may use address addr: a
 * mail value of its own or of a role it occupies */
int
mta_policy_may_use(struct mta_smtpd *d, const char *dn, const char *addr)
{
	struct mta_policy_role pr = { addr, 0 };
	mmhs_dircache_entry_t *e;

	if (dn == NULL || *addr == '\0')
		return 0;
	if ((e = mmhs_dircache_by_dn(d->d_m->m_cache, dn)) != NULL) {
		pr.pr_ok = mta_policy_has_mail(e, addr);
		mmhs_dircache_entry_free(e);
	}
	if (!pr.pr_ok)
		(void) mmhs_dircache_find(d->d_m->m_cache, "roleOccupant", dn,
		    mta_policy_role_cb, &pr);
	return pr.pr_ok;
}

/* mta_policy_sender - MAIL FROM of an authenticated user */
int
mta_policy_sender(struct mta_smtpd *d, struct mta_sess *s,
	const char *sender, char *reply, size_t len)
{
	if (s->s_auth_dn == NULL ||
	    mta_policy_may_use(d, s->s_auth_dn, sender))
		return 0;
	snprintf(reply, len, "550 5.7.1 Sender <%s> not permitted: %s may "
	    "send only as their own address or a role they occupy", sender,
	    s->s_auth_user);
	return -1;
}

/* mta_policy_local_hop - 1 for a final agent of our own site */
static int
mta_policy_local_hop(struct mta_smtpd *d, const char *hop)
{
	static const char *const final[] = { "store", "profiler",
	    "expander", "archive" };
	mmhs_dircache_entry_t *e;
	const char *type, *site;
	char	*n1, *n2;
	int	local = 0;
	size_t	i;

	if ((e = mmhs_dircache_by_dn(d->d_m->m_cache, hop)) == NULL)
		return 0;
	type = mmhs_dircache_value(e, "mmhsAgentType");
	site = mmhs_dircache_value(e, "mmhsSite");
	if (type != NULL && site != NULL && d->d_m->m_conf.mc_site_dn !=
	    NULL) {
		n1 = mta_dn_norm(site);
		n2 = mta_dn_norm(d->d_m->m_conf.mc_site_dn);
		for (i = 0; i < sizeof(final) / sizeof(final[0]); i++)
			local |= strcmp(type, final[i]) == 0;
		local &= strcmp(n1, n2) == 0;
		mmhs_free(n1);
		mmhs_free(n2);
	}
	mmhs_dircache_entry_free(e);
	return local;
}

/* mta_policy_rcpt - RCPT TO: routable, and local or allowed to relay */
int
mta_policy_rcpt(struct mta_smtpd *d, struct mta_sess *s, const char *rcpt,
	char *reply, size_t len)
{
	const struct mmhs_route *rt;
	enum mmhs_precedence p = MMHS_PREC_ROUTINE;
	char	err[256];

	if (d->d_routes == NULL || d->d_routes_gen != mta_dir_generation())
		mta_smtpd_reload(d->d_m);
	if (d->d_routes == NULL) {
		snprintf(reply, len, "451 4.3.0 No route table yet, try "
		    "again later");
		return -1;
	}
	if (s->s_mail.cm_mt != MMHS_SMTPCMD_NO_MT)
		(void) mmhs_precedence_from_mt_priority(s->s_mail.cm_mt, &p,
		    NULL, 0);
	rt = mmhs_route_lookup(mta_routes_table(d->d_routes),
	    mta_routes_scope(d->d_routes), rcpt, p, err, sizeof(err));
	if (rt == NULL || rt->rt_nhops == 0) {
		snprintf(reply, len, "550 5.1.2 <%s>: no route (%s)", rcpt,
		    rt == NULL ? err : "no next hop");
		return -1;
	}
	if (mta_policy_local_hop(d, rt->rt_hops[0]) || s->s_peer ||
	    s->s_auth_dn != NULL)
		return 0;
	snprintf(reply, len, "554 5.7.1 <%s>: Relay access denied: not a "
	    "recipient of this site and the client is neither a peer MTA "
	    "nor authenticated", rcpt);
	return -1;
}
