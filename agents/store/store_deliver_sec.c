/* store_deliver_sec.c - the security check of a delivery: signatures,
 * label, the directory's requirements and the mailbox's clearance
 *
 * The message is inspected with lib/mmhs_secmsg once per message (and
 * again only when a recipient's policy differs, or when an enveloped
 * layer no key opened yet can be opened with the key of the next
 * recipient's mailbox, from the agent's key directory).  The key is
 * used only to read the inner label and signatures: what is stored is
 * the message as it came.
 *
 * The label is the signed ESS label, else the SIO-Label (RFC 7444), read
 * in the national policy: the policy of the site's mmhsDomainCeiling
 * (lacking one, that of the mailbox's first clearance).  A message
 * without a label is UNMARKED.  It must be dominated by the mailbox's
 * clearance (mmhsClearance, else its certificate's, else UNCLASSIFIED).
 *
 * A site without trust anchors (no mmhsTrustedCA holding a
 * cACertificate) checks no signature: an S/MIME message counts as
 * unsigned there (the tracking line says signature=unchecked).
 *
 * Refused (0, with the reason for "550 5.7.1"): a signature that does
 * not verify (revoked, unknown signer, tampered ...), a label not
 * dominated, a requirement of the site or policy not met, an SIO-Label
 * contradicting the signed label, a label or S/MIME structure that
 * cannot be read.  A fault of the site (-1, "451 4.3.5": the MTA keeps
 * the message): no policy, a mailbox clearance that does not parse.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mmhs_agent.h"
#include "mmhs_pki.h"
#include "store_deliver.h"

const char *
sdl_site_dn(const struct mmhs_agent *ag)
{
	const char *comma = strchr(ag->ag_dn, ',');

	return comma != NULL ? comma + 1 : ag->ag_dn;
}

int
sdl_policy_fn(void *arg, const char *oid, struct mmhs_policy *p, char *err,
    size_t errlen)
{
	return mmhs_agent_policy(arg, oid, p, err, errlen);
}

void
sdl_requirements(struct mmhs_agent *ag, const char *oid,
    struct mmhs_secreq *rq)
{
	mmhs_dircache_entry_t *site, *pol;

	site = mmhs_dircache_by_dn(ag->ag_cache, sdl_site_dn(ag));
	pol = mmhs_agent_find_one(ag->ag_cache, "mmhsPolicyId", oid);
	mmhs_secreq_from_entries(site, pol, rq);
	mmhs_dircache_entry_free(site);
	mmhs_dircache_entry_free(pol);
}

int
sdl_policy_oid(struct mmhs_agent *ag, const mmhs_dircache_entry_t *e,
    char *oid, size_t len)
{
	mmhs_dircache_entry_t *site;
	const char *v = NULL, *dollar;

	site = mmhs_dircache_by_dn(ag->ag_cache, sdl_site_dn(ag));
	if (site != NULL)
		v = mmhs_dircache_value(site, "mmhsDomainCeiling");
	if (v == NULL && e != NULL)
		v = mmhs_dircache_value(e, "mmhsClearance");
	if (v != NULL && (dollar = strchr(v, '$')) != NULL &&
	    (size_t) (dollar - v) < len) {
		memcpy(oid, v, (size_t) (dollar - v));
		oid[dollar - v] = '\0';
	} else
		v = NULL;
	mmhs_dircache_entry_free(site);
	return v != NULL ? 0 : -1;
}

void
sdl_sec_init(struct sdl_sec *s, const char *msg, size_t len)
{
	memset(s, 0, sizeof(*s));
	s->s_msg = msg;
	s->s_len = len;
	s->s_kind = mmhs_cms_kind(msg, len);
}

void
sdl_sec_free(struct sdl_sec *s)
{
	if (s->s_have)
		mmhs_secmsg_free(&s->s_sm);
	X509_STORE_free(s->s_trust);
	memset(s, 0, sizeof(*s));
}

/* sdl_inspect - (re)inspects with ids; the result stays in s */
static void
sdl_inspect(struct mmhs_agent *ag, struct sdl_sec *s, const char *oid,
    const struct mmhs_cms_id *ids, int nids)
{
	if (s->s_have)
		mmhs_secmsg_free(&s->s_sm);
	s->s_have = 1;
	snprintf(s->s_oid, sizeof(s->s_oid), "%s", oid);
	s->s_why[0] = '\0';
	s->s_rc = mmhs_secmsg_inspect(s->s_trust, ids, nids, sdl_policy_fn,
	    ag, oid, s->s_msg, s->s_len, &s->s_sm, s->s_why,
	    sizeof(s->s_why));
}

/* sdl_parent - the DN above dn (the first RDN cut, escapes kept), or
 * NULL */
static const char *
sdl_parent(const char *dn)
{
	for (; *dn != '\0'; dn++)
		if (*dn == '\\' && dn[1] != '\0')
			dn++;
		else if (*dn == ',')
			return dn + 1;
	return NULL;
}

/* sdl_key_of - the key of entry dn's mail address into *id; 0 or -1 */
static int
sdl_key_of(struct mmhs_agent *ag, const char *dn, struct mmhs_cms_id *id,
    char *why, size_t whylen)
{
	char *mail;
	int rc;

	memset(id, 0, sizeof(*id));
	if ((mail = mmhs_agent_mail_of(ag, dn)) == NULL) {
		snprintf(why, whylen, "%s has no mail address", dn);
		return -1;
	}
	rc = mmhs_pki_key_for(ag->ag_key_dir, mail, id, why, whylen);
	mmhs_free(mail);
	return rc;
}

int
store_mailbox_keys(struct mmhs_agent *ag, const char *dn,
    struct mmhs_cms_id ids[2], int *own, char *why, size_t whylen)
{
	mmhs_dircache_entry_t *org;
	const char *parent;
	char err[256];
	int n = 0, profiled;

	*own = 0;
	if (ag->ag_key_dir == NULL) {
		snprintf(why, whylen, "the store has no key directory (-k)");
		return 0;
	}
	if (sdl_key_of(ag, dn, &ids[n], why, whylen) == 0) {
		*own = 1;
		n++;
	}
	if ((parent = sdl_parent(dn)) == NULL ||
	    (org = mmhs_dircache_by_dn(ag->ag_cache, parent)) == NULL)
		return n;
	profiled = sdl_has_value(org, "objectClass",
	    "mmhsProfiledOrganization");
	mmhs_dircache_entry_free(org);
	if (profiled && sdl_key_of(ag, parent, &ids[n], err,
	    sizeof(err)) == 0)
		n++;
	return n;
}

/* sdl_try_key - an enveloped layer not opened yet: with the keys of
 * mailbox e (store_mailbox_keys), if the key directory has them */
static void
sdl_try_key(struct mmhs_agent *ag, const mmhs_dircache_entry_t *e,
    struct sdl_sec *s)
{
	struct mmhs_cms_id ids[2];
	char err[256];
	int i, n, own;

	if (ag->ag_key_dir == NULL || s->s_rc != 0 ||
	    !s->s_sm.sm_encrypted || s->s_sm.sm_open.co_decrypted)
		return;
	if ((n = store_mailbox_keys(ag, e->de_dn, ids, &own, err,
	    sizeof(err))) == 0) {
		mmhs_info("%s: no key to read the encrypted message: %s",
		    e->de_dn, err);
		return;
	}
	sdl_inspect(ag, s, s->s_oid, ids, n);
	for (i = 0; i < n; i++)
		mmhs_cms_id_free(&ids[i]);
}

/* sdl_prepare - the inspection for a recipient of policy oid */
static void
sdl_prepare(struct mmhs_agent *ag, const mmhs_dircache_entry_t *e,
    struct sdl_sec *s, const char *oid)
{
	if ((s->s_kind == MMHS_CMS_SIGNED || s->s_kind == MMHS_CMS_ENVELOPED) &&
	    s->s_trust == NULL && !s->s_untrusted) {
		s->s_trust = mmhs_pki_trust(ag->ag_cache, sdl_site_dn(ag),
		    s->s_trust_err, sizeof(s->s_trust_err));
		if (s->s_trust == NULL) {
			s->s_untrusted = 1;
			mmhs_info("signatures not checked: %s", s->s_trust_err);
		}
	}
	if (!s->s_have || strcmp(s->s_oid, oid) != 0)
		sdl_inspect(ag, s, oid, NULL, 0);
	sdl_try_key(ag, e, s);
}

/* sdl_out - the classification to index the message by */
static void
sdl_out(const struct mmhs_secmsg *sm, const struct mmhs_policy *p,
    struct sdl_label *out)
{
	const struct mmhs_label_class *lc = NULL;

	out->lb_class[0] = '\0';
	out->lb_level = -1;
	if (sm->sm_label_src != MMHS_SECMSG_LABEL_NONE &&
	    strcmp(sm->sm_label.lb_policy, p->sp_oid) == 0)
		lc = mmhs_policy_class_level(p, sm->sm_label.lb_level);
	if (lc != NULL) {
		snprintf(out->lb_class, sizeof(out->lb_class), "%s",
		    lc->lc_name);
		out->lb_level = lc->lc_level;
	}
}

/* sdl_check_policy - the check once the policy is loaded */
static int
sdl_check_policy(struct mmhs_agent *ag, const mmhs_dircache_entry_t *e,
    const struct mmhs_policy *p, struct sdl_sec *s, struct sdl_label *out,
    char *why, size_t whylen)
{
	struct mmhs_secreq rq;
	int rc;

	sdl_prepare(ag, e, s, p->sp_oid);
	if (s->s_rc != 0) {
		snprintf(why, whylen, "%s", s->s_why);
		return 0;
	}
	sdl_requirements(ag, p->sp_oid, &rq);
	if (mmhs_secmsg_check(&s->s_sm, p, &rq, why, whylen) != 0)
		return 0;
	if ((rc = mmhs_secmsg_cleared(&s->s_sm, p, e, why, whylen)) != 1)
		return rc;
	sdl_out(&s->s_sm, p, out);
	return 1;
}

int
sdl_label_check(struct mmhs_agent *ag, const mmhs_dircache_entry_t *e,
    struct sdl_sec *s, struct sdl_label *out, char *why, size_t whylen)
{
	struct mmhs_policy *p;
	char oid[MMHS_LABEL_OID_MAX + 1], err[256];
	int rc;

	if (sdl_policy_oid(ag, e, oid, sizeof(oid)) != 0) {
		snprintf(why, whylen, "no security policy: neither the site "
		    "%s nor %s names one", sdl_site_dn(ag), e->de_dn);
		return -1;
	}
	p = mmhs_malloc(sizeof(*p));
	if (mmhs_agent_policy(ag, oid, p, err, sizeof(err)) != 0) {
		snprintf(why, whylen, "security policy %s: %s", oid, err);
		rc = -1;
	} else
		rc = sdl_check_policy(ag, e, p, s, out, why, whylen);
	mmhs_free(p);
	return rc;
}
