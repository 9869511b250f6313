/* mta_archive.c - the archive as one more recipient of covered messages
 *
 * Purpose: when the MTA accepts a message (submission or relay) whose
 * envelope originator or any envelope recipient is covered by an
 * mmhsArchivePolicy (lib/mmhs_archpol: a subject's own addresses), the
 * message is queued with extra recipients for the policy's archive
 * agent, delivered over LMTP like any other local agent.
 *
 * The archive's address: the address: route whose first next hop is
 * the policy's mmhsArchive agent (60-routes.ldif:
 * address:archive@mod.westland.example -> cn=archive), so the normal
 * routing delivers it; the first such address in text order when there
 * are several.  A policy whose archive has no such route archives
 * nothing, with a warning each time the table is rebuilt.
 *
 * The copies: one archive recipient per envelope recipient of the
 * message, each with ORCPT naming that recipient ("rfc822;addr", or
 * "x400;addr" for an O/R address), so that the archive learns the
 * whole envelope through standard RFC 3461 parameters; all of them go
 * to the archive in one LMTP transaction, and the archive stores the
 * message once.  NOTIFY=NEVER: a delay or failure of the archive never
 * makes a DSN to the originator.  The message's bytes are not changed
 * and the Received: field names only the real recipients (it is
 * written from the session's recipients, before this runs), so the
 * archive copy does not show in the message.  When the copies would
 * pass MMHS_QUEUE_MAX_RCPT, those that fit are added and a warning
 * says the archived envelope is short.
 *
 * The policy table is rebuilt when mta_dir_generation() moves, so an
 * ldapadd of a policy applies to the next message without a restart.
 * Runs in the event loop's thread only.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "mmhs_alloc.h"
#include "mmhs_archpol.h"
#include "mmhs_log.h"
#include "mta.h"

static struct mmhs_archpol_table *mta_arch_table;
static char **mta_arch_addr;		/* per policy: archive address */
static unsigned long mta_arch_gen;
static int mta_arch_built;

struct mta_arch_route {
	const char *ar_agent;		/* normalised archive DN */
	char	*ar_addr;		/* best address so far */
};

/* mta_arch_route_cb - an address: route to the archive agent */
static int
mta_arch_route_cb(void *arg, const mmhs_dircache_entry_t *e)
{
	struct mta_arch_route *ar = arg;
	const mmhs_dircache_attr_t *a;
	const char *match, *hop;
	char	*n;
	size_t	i;

	match = mmhs_dircache_value(e, "mmhsRouteMatch");
	if (match == NULL || strncmp(match, "address:", 8) != 0 ||
	    (a = mmhs_dircache_attr(e, "mmhsNextHop")) == NULL)
		return 0;
	for (i = 0; i < a->da_nvals; i++) {
		hop = a->da_vals[i];
		if (a->da_nvals > 1 && strncmp(hop, "{0}", 3) != 0)
			continue;
		if (hop[0] == '{' && strchr(hop, '}') != NULL)
			hop = strchr(hop, '}') + 1;
		n = mmhs_archpol_dn_norm(hop);
		if (strcmp(n, ar->ar_agent) == 0 && (ar->ar_addr == NULL ||
		    strcmp(match + 8, ar->ar_addr) < 0)) {
			mmhs_free(ar->ar_addr);
			ar->ar_addr = mmhs_strdup(match + 8);
		}
		mmhs_free(n);
	}
	return 0;
}

/* mta_arch_clear - drop the table */
static void
mta_arch_clear(void)
{
	size_t	i;

	if (mta_arch_table != NULL) {
		for (i = 0; i < mmhs_archpol_count(mta_arch_table); i++)
			mmhs_free(mta_arch_addr[i]);
		mmhs_archpol_free(mta_arch_table);
	}
	mmhs_free(mta_arch_addr);
	mta_arch_table = NULL;
	mta_arch_addr = NULL;
}

/* mta_arch_refresh - rebuild when the directory moved */
static void
mta_arch_refresh(struct mta *m)
{
	struct mmhs_archpol_table *t;
	struct mta_arch_route ar;
	char	err[256];
	size_t	i, n, missing;

	if (mta_arch_built && mta_arch_gen == mta_dir_generation())
		return;
	mta_arch_gen = mta_dir_generation();
	if ((t = mmhs_archpol_build(m->m_cache, &missing, err,
	    sizeof(err))) == NULL) {
		mmhs_warn("archive policies not rebuilt, the previous table "
		    "stays: %s", err);
		return;
	}
	mta_arch_clear();
	mta_arch_built = 1;
	mta_arch_table = t;
	n = mmhs_archpol_count(t);
	mta_arch_addr = mmhs_calloc(n + 1, sizeof(*mta_arch_addr));
	for (i = 0; i < n; i++) {
		ar.ar_agent = mmhs_archpol_get(t, i)->ap_archive;
		ar.ar_addr = NULL;
		(void) mmhs_dircache_find(m->m_cache, "objectClass",
		    "mmhsRoute", mta_arch_route_cb, &ar);
		if ((mta_arch_addr[i] = ar.ar_addr) == NULL)
			mmhs_warn("archive policy %s: no address: route leads "
			    "to its archive %s; nothing is archived by it",
			    mmhs_archpol_get(t, i)->ap_dn, ar.ar_agent);
	}
	if (missing > 0)
		mmhs_warn("archive policies: %zu subject(s) not in the "
		    "directory cover nothing", missing);
}

/* mta_arch_orcpt - "rfc822;addr" or "x400;addr" (caller frees) */
static char *
mta_arch_orcpt(const char *addr)
{
	size_t	len = strlen(addr) + 8;
	char	*o = mmhs_malloc(len);

	snprintf(o, len, "%s;%s", addr[0] == '/' ? "x400" : "rfc822", addr);
	return o;
}

/* mta_arch_copies - the envelope with the archive recipients added;
 * 0 when no policy covers the message */
static size_t
mta_arch_copies(const struct mmhs_queue_env *env, unsigned char *hit,
	struct mmhs_queue_rcpt **out)
{
	struct mmhs_queue_rcpt *r;
	size_t	npol = mmhs_archpol_count(mta_arch_table), i, j, n, nnew;
	int	covered = 0;

	if (env->qe_sender[0] != '\0')
		covered |= mmhs_archpol_cover(mta_arch_table, env->qe_sender,
		    hit) > 0;
	for (i = 0; i < env->qe_nrcpt; i++)
		covered |= mmhs_archpol_cover(mta_arch_table,
		    env->qe_rcpt[i].qr_addr, hit) > 0;
	if (!covered)
		return 0;
	/* one set of copies per distinct archive address */
	for (i = 0; i < npol; i++)
		for (j = i + 1; hit[i] && j < npol; j++)
			if (hit[j] && mta_arch_addr[i] != NULL &&
			    mta_arch_addr[j] != NULL &&
			    strcmp(mta_arch_addr[i], mta_arch_addr[j]) == 0)
				hit[j] = 0;
	for (i = 0, n = env->qe_nrcpt; i < npol; i++)
		if (hit[i] && mta_arch_addr[i] != NULL)
			n += env->qe_nrcpt;
	r = mmhs_calloc(n < MMHS_QUEUE_MAX_RCPT ? n : MMHS_QUEUE_MAX_RCPT,
	    sizeof(*r));
	memcpy(r, env->qe_rcpt, env->qe_nrcpt * sizeof(*r));
	n = env->qe_nrcpt;
	for (i = 0; i < npol; i++) {
		if (!hit[i] || mta_arch_addr[i] == NULL)
			continue;
		nnew = env->qe_nrcpt;
		if (n + nnew > MMHS_QUEUE_MAX_RCPT) {
			mmhs_warn("archive copy for %s: %zu recipients do not "
			    "fit, the archived envelope is short",
			    mta_arch_addr[i], n + nnew - MMHS_QUEUE_MAX_RCPT);
			nnew = MMHS_QUEUE_MAX_RCPT - n;
		}
		for (j = 0; j < nnew; j++, n++) {
			r[n].qr_addr = mta_arch_addr[i];
			r[n].qr_orcpt = mta_arch_orcpt(env->qe_rcpt[j].qr_addr);
			r[n].qr_notify = MMHS_NOTIFY_NEVER;
		}
	}
	*out = r;
	return n;
}

/* mta_archive_put_async - mmhs_queue_put_async() with archive copies */
int
mta_archive_put_async(struct mta *m, const struct mmhs_queue_env *env,
	const void *data, size_t len, mmhs_queue_cb cb, void *arg)
{
	struct mmhs_queue_env copy;
	struct mmhs_queue_rcpt *r = NULL;
	unsigned char *hit;
	size_t	n = 0, i;
	int	rc;

	mta_arch_refresh(m);
	if (mta_arch_table != NULL && mmhs_archpol_count(mta_arch_table) > 0) {
		hit = mmhs_calloc(mmhs_archpol_count(mta_arch_table), 1);
		n = mta_arch_copies(env, hit, &r);
		mmhs_free(hit);
	}
	if (n <= env->qe_nrcpt) {
		mmhs_free(r);
		return mmhs_queue_put_async(m->m_queue, env, data, len, cb,
		    arg);
	}
	copy = *env;
	copy.qe_rcpt = r;
	copy.qe_nrcpt = n;
	/* the queue copies the envelope before it returns */
	rc = mmhs_queue_put_async(m->m_queue, &copy, data, len, cb, arg);
	for (i = env->qe_nrcpt; i < n; i++)
		mmhs_free(r[i].qr_orcpt);
	mmhs_free(r);
	return rc;
}
