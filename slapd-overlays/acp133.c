/* acp133.c - OpenMMHS slapd overlay: ACP 133 validation and integrity
 *
 * Loaded with "moduleload acp133.la" and configured per database with
 * "overlay acp133" (slapd.conf) or an olcOverlay=acp133 entry of object
 * class olcAcp133Config (cn=config).  See doc/slapo-acp133.5.
 *
 * The directory is the single source of truth for every agent, so this
 * overlay refuses bad data before the backend stores it.  Per operation:
 *
 * add	Every value of a checked attribute (table acp133_vattrs) must
 *	parse in its string form (doc/acp133-string-forms.md, mmhs.schema)
 *	and, for the X.400 forms, be written in the canonical form; a
 *	classification or category NAME must be defined by the security
 *	policy it belongs to.  Entry rules: a security policy entry has
 *	unique levels, NAMEs and OIDs and a policy OID no other policy
 *	entry has; no precedence has two deadlines.  Every DN-valued
 *	project attribute (table acp133_rattrs) must name an existing
 *	entry of this database, of the right object class where the table
 *	says so.  Exceptions (mutual references cannot be ordered): on add
 *	only, a value may name the new entry or an entry below it, and
 *	mmhsPeer and mmhsGuaranteedActionPoint values may name entries not
 *	added yet (agents name each other; escalation chains loop back).
 * modify The values added (add, replace) are checked as on add; the
 *	entry rules are checked on the entry the modification would give.
 *	Forward references are not allowed.
 * delete Refused while another entry names this one in a reference
 *	attribute; the message names the first few of them.
 * modrdn Refused while the entry or an entry below it (up to
 *	ACP133_MAXSUBTREE entries) is referenced: a rename would leave
 *	dangling references, and rewriting them in other entries could not
 *	be done in the same transaction as the rename.
 *
 * Not checked: operations with the relax control, replication
 * (syncrepl consumers, shadow updates), and the reference rules when
 * olcAcp133CheckReferences is FALSE (for bulk migration).
 *
 * Refusals are LDAP errors: invalidAttributeSyntax (21) for a value that
 * does not parse or is not canonical, constraintViolation (19) for a
 * value that parses but breaks a rule (unknown classification, dangling
 * or still-used reference), with "acp133: DN: attribute value "...":
 * reason" as the text.  A refused operation changes nothing.
 */
#include "portable.h"

#include <stdarg.h>
#include <stdio.h>
#include <ac/string.h>

#include "slap.h"
#include "slap-config.h"

#include "mmhs_overlay.h"
#include "mmhs_oraddr.h"
#include "mmhs_precedence.h"
#include "mmhs_dl.h"
#include "mmhs_label.h"

#define ACP133_MSGLEN		1024	/* diagnostic text */
#define ACP133_VALMAX		4096	/* longest value checked */
#define ACP133_NREFS		5	/* referencing entries named */
#define ACP133_MAXSUBTREE	1000	/* entries below a renamed one */

/* Per-database configuration (bi_private). */
typedef struct acp133_info {
	struct berval	ai_policy;	/* default policy DN, or empty */
	struct berval	ai_npolicy;	/* normalized */
	int		ai_checkrefs;	/* reference rules on */
} acp133_info;

/* What a value of an attribute must look like. */
enum acp133_kind {
	AK_ORADDR, AK_ORNAME, AK_PERM, AK_DLPOLICY, AK_PLA, AK_RI, AK_RIINFO,
	AK_PREC, AK_DEADLINE, AK_CLEARANCE, AK_CLASSNAME, AK_CATNAME,
	AK_FILING, AK_LISTEN, AK_MATCHTIME, AK_CLASSDEF,
	AK_CATDEF, AK_EQUIV, AK_CLASSINT
};

static struct acp133_vattr {
	const char	*va_name;
	enum acp133_kind va_kind;
	AttributeDescription *va_ad;	/* NULL: not in this schema */
} acp133_vattrs[] = {
	{ "mhs-or-addresses", AK_ORADDR },
	{ "collective-mhs-or-addresses", AK_ORADDR },
	{ "mhs-dl-members", AK_ORNAME },
	{ "mhs-dl-archive-service", AK_ORNAME },
	{ "mhs-dl-subscription-service", AK_ORNAME },
	{ "aLExemptedAddressProcessor", AK_ORNAME },
	{ "mlMembership", AK_ORNAME },
	{ "mlAdministrators", AK_ORNAME },
	{ "mhs-dl-submit-permissions", AK_PERM },
	{ "mhs-dl-policy", AK_DLPOLICY },
	{ "plaNameACP127", AK_PLA },
	{ "primarySpellingACP127", AK_PLA },
	{ "alternatePLAName", AK_PLA },
	{ "actionAddressees", AK_PLA },
	{ "infoAddressees", AK_PLA },
	{ "additionalAddressees", AK_PLA },
	{ "additionalSecondPartyAddressees", AK_PLA },
	{ "secondPartyAddressees", AK_PLA },
	{ "plaAddressees", AK_PLA },
	{ "allowableOriginators", AK_PLA },
	{ "rI", AK_RI },
	{ "rIInfo", AK_RIINFO },
	{ "mmhsRoutePrecedence", AK_PREC },
	{ "mmhsMatchPrecedence", AK_PREC },
	{ "mmhsDeadline", AK_DEADLINE },
	{ "mmhsClearance", AK_CLEARANCE },
	{ "mmhsDomainCeiling", AK_CLEARANCE },
	{ "mmhsMatchClassification", AK_CLASSNAME },
	{ "mmhsGuardRequiredCategory", AK_CATNAME },
	{ "mmhsFilingRule", AK_FILING },
	{ "mmhsListen", AK_LISTEN },
	{ "mmhsMatchTime", AK_MATCHTIME },
	{ "mmhsClassificationDef", AK_CLASSDEF },
	{ "mmhsCategoryDef", AK_CATDEF },
	{ "mmhsLabelEquivalence", AK_EQUIV },
	{ "entryClassification", AK_CLASSINT },
	{ "nameClassification", AK_CLASSINT },
	{ "rIClassification", AK_CLASSINT },
	{ NULL }
};

/*
 * DN-valued attributes that must name an entry of this database.
 * ra_class: the object class the named entry must have (NULL: any).
 * ra_where: for the reverse search on delete/modrdn, when the attribute
 * is not equality-indexed by the site: the object class of the entries
 * that can hold it, to keep that search on the objectClass index.
 * ra_forward: may name an entry not added yet (on add only).
 */
static struct acp133_rattr {
	const char	*ra_name;
	const char	*ra_class;
	const char	*ra_where;
	int		ra_forward;
	AttributeDescription *ra_ad;
	ObjectClass	*ra_oc;
} acp133_rattrs[] = {
	{ "mmhsMember", NULL, NULL, 0 },
	{ "mmhsNextHop", "mmhsAgent", NULL, 0 },
	{ "mmhsGuaranteedActionPoint", NULL, NULL, 1 },
	{ "mmhsDefaultRole", NULL, NULL, 0 },
	{ "mmhsActionRecipient", NULL, NULL, 0 },
	{ "mmhsInfoRecipient", NULL, NULL, 0 },
	{ "mmhsSite", "mmhsSite", NULL, 0 },
	{ "mmhsReleaseTo", "mmhsPartner", NULL, 0 },
	{ "roleOccupant", NULL, NULL, 0 },
	{ "mmhsPeer", "mmhsAgent", "mmhsAgent", 1 },
	{ "mmhsGateway", "mmhsAgent", "mmhsGuardPolicy", 0 },
	{ "mmhsArchive", "mmhsAgent", "mmhsArchivePolicy", 0 },
	{ "mmhsArchiveSubject", NULL, "mmhsArchivePolicy", 0 },
	{ "mmhsReleaseBase", NULL, "mmhsReleasePolicy", 0 },
	{ "mmhsFFPolicy", "mmhsFFPolicy", "mmhsMailbox", 0 },
	{ "alternateRecipient", NULL, NULL, 0 },
	{ NULL }
};

static slap_overinst acp133_ovl;

/* Schema elements resolved at db_open. */
static AttributeDescription *acp133_ad_policyid, *acp133_ad_classdef,
    *acp133_ad_catdef, *acp133_ad_equiv, *acp133_ad_deadline;
static ObjectClass *acp133_oc_policy;

/* Per-operation state: the diagnostic and the last policy loaded. */
typedef struct acp133_ctx {
	Operation	*ac_op;
	slap_overinst	*ac_on;
	acp133_info	*ac_ai;
	struct berval	*ac_dn;		/* entry being written */
	int		ac_isadd;
	char		ac_msg[ACP133_MSGLEN];
	int		ac_havepol;	/* ac_pol holds ac_polid */
	int		ac_polrc;	/* LDAP_SUCCESS, or why not loaded */
	char		ac_polid[MMHS_LABEL_OID_MAX + 1];
	struct mmhs_policy *ac_pol;
} acp133_ctx;

/* acp133_fail - write the diagnostic; returns rc */
static int __attribute__((format(printf, 3, 4)))
acp133_fail(acp133_ctx *ac, int rc, const char *fmt, ...)
{
	va_list ap;
	int n;

	n = snprintf(ac->ac_msg, sizeof(ac->ac_msg), "acp133: %s: ",
	    ac->ac_dn->bv_val);
	if (n < 0 || (size_t)n >= sizeof(ac->ac_msg))
		return rc;
	va_start(ap, fmt);
	vsnprintf(ac->ac_msg + n, sizeof(ac->ac_msg) - n, fmt, ap);
	va_end(ap);
	return rc;
}

/* acp133_vfail - refuse one value of one attribute */
static int
acp133_vfail(acp133_ctx *ac, int rc, AttributeDescription *ad,
    struct berval *v, const char *why)
{
	return acp133_fail(ac, rc, "%s value \"%.*s\": %s",
	    ad->ad_cname.bv_val, (int)(v->bv_len > 200 ? 200 : v->bv_len),
	    v->bv_val, why);
}

/* ------------------------------------------------------------------ */
/* Internal searches (straight to the backend: other overlays, e.g. a
 * partner view, must not hide entries from the checks) */

typedef void (acp133_entry_fn)(Operation *op, Entry *e, void *arg);

struct acp133_sarg {
	acp133_entry_fn	*sa_fn;
	void		*sa_arg;
	int		sa_count;
};

/* acp133_search_cb - hand each entry found to the caller's function */
static int
acp133_search_cb(Operation *op, SlapReply *rs)
{
	struct acp133_sarg *sa = op->o_callback->sc_private;

	if (rs->sr_type == REP_SEARCH) {
		sa->sa_count++;
		if (sa->sa_fn != NULL)
			sa->sa_fn(op, rs->sr_entry, sa->sa_arg);
	}
	return 0;
}

/* acp133_search - internal search as the rootdn; LDAP result code */
static int
acp133_search(Operation *op, slap_overinst *on, struct berval *base,
    int scope, const char *fstr, AttributeName *attrs, int limit,
    acp133_entry_fn *fn, void *arg, int *count)
{
	Operation o = *op;
	SlapReply r = { REP_RESULT };
	slap_callback cb = { 0 };
	struct acp133_sarg sa = { fn, arg, 0 };
	BackendInfo *bi = op->o_bd->bd_info;
	int rc;

	cb.sc_response = acp133_search_cb;
	cb.sc_private = &sa;
	o.o_tag = LDAP_REQ_SEARCH;
	o.o_callback = &cb;
	o.o_req_dn = *base;
	o.o_req_ndn = *base;
	o.o_dn = op->o_bd->be_rootdn;
	o.o_ndn = op->o_bd->be_rootndn;
	o.o_managedsait = SLAP_CONTROL_CRITICAL;
	o.ors_scope = scope;
	o.ors_deref = LDAP_DEREF_NEVER;
	o.ors_slimit = limit > 0 ? limit : SLAP_NO_LIMIT;
	o.ors_tlimit = SLAP_NO_LIMIT;
	o.ors_limit = NULL;
	o.ors_attrsonly = 0;
	o.ors_attrs = attrs;
	ber_str2bv(fstr, 0, 0, &o.ors_filterstr);
	o.ors_filter = str2filter_x(&o, fstr);
	if (o.ors_filter == NULL)
		return LDAP_OTHER;
	o.o_bd->bd_info = (BackendInfo *)on->on_info->oi_orig;
	rc = o.o_bd->bd_info->bi_op_search(&o, &r);
	op->o_bd->bd_info = bi;
	filter_free_x(&o, o.ors_filter, 1);
	if (count != NULL)
		*count = sa.sa_count;
	if (rc == LDAP_SIZELIMIT_EXCEEDED || r.sr_err == LDAP_SIZELIMIT_EXCEEDED
	    || r.sr_err == LDAP_NO_SUCH_OBJECT)
		return LDAP_SUCCESS;
	return rc != LDAP_SUCCESS ? rc : r.sr_err;
}

/* acp133_escape - a value escaped for a filter, on the op's memory */
static char *
acp133_escape(Operation *op, struct berval *v)
{
	struct berval esc;

	if (filter_escape_value_x(v, &esc, op->o_tmpmemctx) != 0)
		return NULL;
	return esc.bv_val;
}

/* ------------------------------------------------------------------ */
/* Security policies */

/* acp133_policy_from_entry - build a policy from an entry's values;
 * on failure the diagnostic names the attribute and value */
static int
acp133_policy_from_entry(acp133_ctx *ac, Entry *e, struct mmhs_policy *p)
{
	static AttributeDescription **const order[] = {
		&acp133_ad_classdef, &acp133_ad_catdef, &acp133_ad_equiv
	};
	char err[256];
	Attribute *a;
	unsigned i, k;
	int rc;

	a = attr_find(e->e_attrs, acp133_ad_policyid);
	if (a == NULL || mmhs_policy_init(p, a->a_vals[0].bv_val, err,
	    sizeof(err)) < 0)
		return acp133_fail(ac, LDAP_CONSTRAINT_VIOLATION, "security "
		    "policy entry %s has no valid mmhsPolicyId",
		    e->e_name.bv_val);
	for (k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
		if (*order[k] == NULL ||
		    (a = attr_find(e->e_attrs, *order[k])) == NULL)
			continue;
		for (i = 0; i < a->a_numvals; i++) {
			rc = k == 0 ? mmhs_policy_add_class(p,
			    a->a_vals[i].bv_val, err, sizeof(err)) :
			    k == 1 ? mmhs_policy_add_cat(p,
			    a->a_vals[i].bv_val, err, sizeof(err)) :
			    mmhs_policy_add_equiv(p, a->a_vals[i].bv_val,
			    err, sizeof(err));
			if (rc < 0)
				return acp133_vfail(ac,
				    LDAP_CONSTRAINT_VIOLATION, a->a_desc,
				    &a->a_vals[i], err);
		}
	}
	return LDAP_SUCCESS;
}

struct acp133_polsearch {
	acp133_ctx	*ps_ac;
	struct mmhs_policy *ps_pol;
	int		ps_rc;
	int		ps_n;
	const char	*ps_name;	/* find-a-name mode: NAME sought */
	int		ps_cat;		/* ... as a category (else class) */
	int		ps_found;
};

/* acp133_polsearch_cb - load a policy entry, or look for a NAME in it */
static void
acp133_polsearch_cb(Operation *op, Entry *e, void *arg)
{
	struct acp133_polsearch *ps = arg;
	char msg[ACP133_MSGLEN];

	ps->ps_n++;
	if (ps->ps_name == NULL) {
		if (ps->ps_n == 1)
			ps->ps_rc = acp133_policy_from_entry(ps->ps_ac, e,
			    ps->ps_pol);
		return;
	}
	memcpy(msg, ps->ps_ac->ac_msg, sizeof(msg));
	if (acp133_policy_from_entry(ps->ps_ac, e, ps->ps_pol) ==
	    LDAP_SUCCESS && (ps->ps_cat ? mmhs_policy_cat(ps->ps_pol,
	    ps->ps_name) != NULL : mmhs_policy_class(ps->ps_pol,
	    ps->ps_name) != NULL))
		ps->ps_found = 1;
	memcpy(ps->ps_ac->ac_msg, msg, sizeof(msg));
}

/* acp133_policy_get - the policy with this OID into ac->ac_pol */
static int
acp133_policy_get(acp133_ctx *ac, const char *oid)
{
	struct acp133_polsearch ps = { ac, NULL, LDAP_SUCCESS, 0 };
	char filter[MMHS_LABEL_OID_MAX + 64];
	int rc;

	if (ac->ac_havepol && strcmp(ac->ac_polid, oid) == 0)
		return ac->ac_polrc;
	if (ac->ac_pol == NULL)
		ac->ac_pol = ac->ac_op->o_tmpalloc(sizeof(*ac->ac_pol),
		    ac->ac_op->o_tmpmemctx);
	ps.ps_pol = ac->ac_pol;
	snprintf(filter, sizeof(filter),
	    "(&(objectClass=mmhsSecurityPolicy)(mmhsPolicyId=%s))", oid);
	rc = acp133_search(ac->ac_op, ac->ac_on,
	    &ac->ac_op->o_bd->be_nsuffix[0], LDAP_SCOPE_SUBTREE, filter,
	    NULL, 1, acp133_polsearch_cb, &ps, NULL);
	if (rc == LDAP_SUCCESS && ps.ps_n == 0)
		rc = LDAP_NO_SUCH_OBJECT;
	else if (rc == LDAP_SUCCESS)
		rc = ps.ps_rc;
	ac->ac_havepol = 1;
	ac->ac_polrc = rc;
	snprintf(ac->ac_polid, sizeof(ac->ac_polid), "%s", oid);
	return rc;
}

/* acp133_default_name - is NAME a classification (or category) of the
 * site's policy?  The policy is olcAcp133DefaultPolicy, else any
 * security policy entry.  1 yes, 0 no, -1 internal error. */
static int
acp133_default_name(acp133_ctx *ac, const char *name, int cat)
{
	struct acp133_polsearch ps = { ac, NULL, LDAP_SUCCESS, 0, name, cat,
	    0 };
	Operation *op = ac->ac_op;
	struct berval *base = &op->o_bd->be_nsuffix[0];
	int rc, scope = LDAP_SCOPE_SUBTREE;

	if (ac->ac_pol == NULL)
		ac->ac_pol = op->o_tmpalloc(sizeof(*ac->ac_pol),
		    op->o_tmpmemctx);
	ac->ac_havepol = 0;	/* ac_pol gets overwritten */
	ps.ps_pol = ac->ac_pol;
	if (!BER_BVISEMPTY(&ac->ac_ai->ai_npolicy)) {
		base = &ac->ac_ai->ai_npolicy;
		scope = LDAP_SCOPE_BASE;
	}
	rc = acp133_search(op, ac->ac_on, base, scope,
	    "(objectClass=mmhsSecurityPolicy)", NULL, 0, acp133_polsearch_cb,
	    &ps, NULL);
	if (rc != LDAP_SUCCESS)
		return -1;
	return ps.ps_found;
}

/* acp133_default_desc - how the diagnostic names the site's policy */
static const char *
acp133_default_desc(acp133_ctx *ac)
{
	return BER_BVISEMPTY(&ac->ac_ai->ai_policy) ?
	    "any security policy entry" : ac->ac_ai->ai_policy.bv_val;
}

/* ------------------------------------------------------------------ */
/* Value syntaxes that have no parser in lib/ */

/* acp133_upper_ok - ACP 127 teletypewriter character (ITA2 set) */
static int
acp133_ita2(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    strchr(" -?:().,'/+=", c) != NULL;
}

/* acp133_pla - an ACP 127 plain language address (PLA) */
static int
acp133_pla(const char *s, size_t len, char *err, size_t errlen)
{
	size_t i;

	if (len < 1 || len > 55) {
		snprintf(err, errlen, "a plain language address has 1 to 55 "
		    "characters");
		return -1;
	}
	if (s[0] == ' ' || s[len - 1] == ' ') {
		snprintf(err, errlen, "leading or trailing space");
		return -1;
	}
	for (i = 0; i < len; i++)
		if (s[i] == '\0' || !acp133_ita2((unsigned char)s[i])) {
			snprintf(err, errlen, "character '%c' is not allowed: "
			    "ACP 127 addresses use upper-case letters, digits, "
			    "space and - ? : ( ) . , ' / + =", s[i]);
			return -1;
		}
	return 0;
}

/* acp133_ri - an ACP 127 routing indicator: 4 to 7 upper-case letters,
 * the first R or Q (ACP 121 / FS-1037C) */
static int
acp133_ri(const char *s, size_t len, char *err, size_t errlen)
{
	size_t i;

	if (len < 4 || len > 7) {
		snprintf(err, errlen, "a routing indicator has 4 to 7 "
		    "letters");
		return -1;
	}
	for (i = 0; i < len; i++)
		if (s[i] < 'A' || s[i] > 'Z') {
			snprintf(err, errlen, "a routing indicator has only "
			    "upper-case letters A-Z");
			return -1;
		}
	if (s[0] != 'R' && s[0] != 'Q') {
		snprintf(err, errlen, "a routing indicator starts with R or "
		    "Q");
		return -1;
	}
	return 0;
}

/* acp133_fields - split at '$' in place; spaces around fields dropped */
static int
acp133_fields(char *s, char **fv, int max)
{
	int n = 0;
	char *p, *end;

	for (p = s;; p = end + 1) {
		end = strchr(p, '$');
		if (n == max)
			return -1;
		if (end != NULL)
			*end = '\0';
		while (*p == ' ')
			p++;
		fv[n] = p;
		p += strlen(p);
		while (p > fv[n] && p[-1] == ' ')
			*--p = '\0';
		n++;
		if (end == NULL)
			return n;
	}
}

/* acp133_riinfo - RIParameters: rI$rIType$minimize$sHD$classification */
static int
acp133_riinfo(char *s, char *err, size_t errlen)
{
	char *fv[5];
	int n;

	n = acp133_fields(s, fv, 5);
	if (n < 0) {
		snprintf(err, errlen, "more than 5 fields");
		return -1;
	}
	if (acp133_ri(fv[0], strlen(fv[0]), err, errlen) < 0)
		return -1;
	if (n > 1 && *fv[1] != '\0' && strcmp(fv[1], "normal") != 0 &&
	    strcmp(fv[1], "off-line") != 0 &&
	    strcmp(fv[1], "partTimeTerminal") != 0) {
		snprintf(err, errlen, "rIType \"%s\" is not normal, off-line "
		    "or partTimeTerminal", fv[1]);
		return -1;
	}
	if (n > 2 && *fv[2] != '\0' && strcmp(fv[2], "TRUE") != 0 &&
	    strcmp(fv[2], "FALSE") != 0) {
		snprintf(err, errlen, "minimize \"%s\" is not TRUE or FALSE",
		    fv[2]);
		return -1;
	}
	if (n > 3 && *fv[3] != '\0' && acp133_pla(fv[3], strlen(fv[3]), err,
	    errlen) < 0)
		return -1;
	if (n > 4 && *fv[4] != '\0' && (fv[4][0] < '0' || fv[4][0] > '5' ||
	    fv[4][1] != '\0')) {
		snprintf(err, errlen, "classification \"%s\" is not 0 to 5",
		    fv[4]);
		return -1;
	}
	return 0;
}

/* acp133_listen - "name scheme://host[:port][/path]" */
static int
acp133_listen(const char *s, char *err, size_t errlen)
{
	const char *p = s, *host, *colon, *end;
	unsigned long port;
	char *stop;

	while ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
	    *p == '-')
		p++;
	if (p == s || *p != ' ') {
		snprintf(err, errlen, "expected \"name URI\": a port name of "
		    "lower-case letters, digits and '-', one space, a URI");
		return -1;
	}
	s = ++p;
	while ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
	    *p == '+' || *p == '.' || *p == '-')
		p++;
	if (p == s || strncmp(p, "://", 3) != 0) {
		snprintf(err, errlen, "the URI must be scheme://host[:port]");
		return -1;
	}
	host = p + 3;
	end = host + strcspn(host, "/?#");
	if (*host == '[') {
		colon = memchr(host, ']', end - host);
		if (colon == NULL) {
			snprintf(err, errlen, "unterminated IPv6 address");
			return -1;
		}
		colon++;
		if (colon < end && *colon != ':') {
			snprintf(err, errlen, "bad text after the IPv6 "
			    "address");
			return -1;
		}
	} else {
		colon = memchr(host, ':', end - host);
		if (colon == NULL)
			colon = end;
	}
	if (colon == host) {
		snprintf(err, errlen, "the URI has no host");
		return -1;
	}
	if (colon < end) {
		port = strtoul(colon + 1, &stop, 10);
		if (stop == colon + 1 || stop != end || port > 65535) {
			snprintf(err, errlen, "the port is not a number from "
			    "0 to 65535");
			return -1;
		}
	}
	for (p = host; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7f) {
			snprintf(err, errlen, "the URI has a space or control "
			    "character");
			return -1;
		}
	return 0;
}

/* acp133_hhmm - "HH:MM" into minutes, or -1 */
static int
acp133_hhmm(const char *s)
{
	int h, m;

	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' ||
	    s[2] != ':' || s[3] < '0' || s[3] > '5' || s[4] < '0' ||
	    s[4] > '9')
		return -1;
	h = (s[0] - '0') * 10 + s[1] - '0';
	m = (s[3] - '0') * 10 + s[4] - '0';
	return h > 23 ? -1 : h * 60 + m;
}

/* acp133_matchtime - "HH:MM-HH:MM" (UTC; may wrap past midnight) */
static int
acp133_matchtime(const char *s, char *err, size_t errlen)
{
	int a, b;

	if (strlen(s) != 11 || s[5] != '-' || (a = acp133_hhmm(s)) < 0 ||
	    (b = acp133_hhmm(s + 6)) < 0) {
		snprintf(err, errlen, "expected HH:MM-HH:MM (00:00 to 23:59)");
		return -1;
	}
	if (a == b) {
		snprintf(err, errlen, "the window is empty: start and end "
		    "are equal");
		return -1;
	}
	return 0;
}

/* acp133_seconds - decimal 1..2147483647 */
static int
acp133_seconds(const char *s)
{
	unsigned long v;
	char *end;

	if (*s < '1' || *s > '9')
		return 0;
	v = strtoul(s, &end, 10);
	return *end == '\0' && v <= 2147483647UL;
}

/* ------------------------------------------------------------------ */
/* One value */

/* acp133_canon - refuse when the value is not the canonical text */
static int
acp133_canon(acp133_ctx *ac, AttributeDescription *ad, struct berval *v,
    const char *canon, int len)
{
	char why[ACP133_MSGLEN / 2];

	if (len < 0)
		return acp133_vfail(ac, LDAP_INVALID_SYNTAX, ad, v,
		    "too long to print in canonical form");
	if ((size_t)len == v->bv_len && memcmp(canon, v->bv_val, len) == 0)
		return LDAP_SUCCESS;
	snprintf(why, sizeof(why), "not in canonical form, write \"%s\"",
	    canon);
	return acp133_vfail(ac, LDAP_INVALID_SYNTAX, ad, v, why);
}

/* acp133_check_value - check one value of a checked attribute */
static int
acp133_check_value(acp133_ctx *ac, struct acp133_vattr *va,
    struct berval *v)
{
	AttributeDescription *ad = va->va_ad;
	char err[512], buf[MMHS_DL_STRLEN], copy[ACP133_VALMAX];
	char *fv[3];
	struct mmhs_oraddr oa;
	struct mmhs_orname on;
	struct mmhs_dl_perm perm;
	struct mmhs_dl_policy dlp;
	struct mmhs_clearance cl;
	union {
		struct mmhs_label_class c;
		struct mmhs_label_cat k;
		struct mmhs_label_equiv e;
	} def;
	enum mmhs_precedence prec;
	const char *s = v->bv_val;
	int rc, n;

	err[0] = '\0';
	if (v->bv_len >= sizeof(copy) || strlen(s) != v->bv_len)
		return acp133_vfail(ac, LDAP_INVALID_SYNTAX, ad, v,
		    "value too long or with a NUL character");
	switch (va->va_kind) {
	case AK_ORADDR:
		if (mmhs_oraddr_parse(s, 0, &oa, err, sizeof(err)) < 0)
			break;
		return acp133_canon(ac, ad, v, buf,
		    mmhs_oraddr_format(&oa, buf, sizeof(buf)));
	case AK_ORNAME:
		if (mmhs_orname_parse(s, 0, &on, err, sizeof(err)) < 0)
			break;
		return acp133_canon(ac, ad, v, buf,
		    mmhs_orname_format(&on, buf, sizeof(buf)));
	case AK_PERM:
		if (mmhs_dl_perm_parse(s, &perm, err, sizeof(err)) < 0)
			break;
		return acp133_canon(ac, ad, v, buf,
		    mmhs_dl_perm_format(&perm, buf, sizeof(buf)));
	case AK_DLPOLICY:
		mmhs_dl_policy_init(&dlp);
		if (mmhs_dl_policy_parse(s, &dlp, err, sizeof(err)) < 0)
			break;
		n = mmhs_dl_policy_format(&dlp, buf, sizeof(buf));
		if (n == 0)
			return acp133_vfail(ac, LDAP_INVALID_SYNTAX, ad, v,
			    "every field has its default: omit the "
			    "attribute");
		return acp133_canon(ac, ad, v, buf, n);
	case AK_PLA:
		if (acp133_pla(s, v->bv_len, err, sizeof(err)) < 0)
			break;
		return LDAP_SUCCESS;
	case AK_RI:
		if (acp133_ri(s, v->bv_len, err, sizeof(err)) < 0)
			break;
		return LDAP_SUCCESS;
	case AK_RIINFO:
		memcpy(copy, s, v->bv_len + 1);
		if (acp133_riinfo(copy, err, sizeof(err)) < 0)
			break;
		return LDAP_SUCCESS;
	case AK_PREC:
		if (mmhs_precedence_from_name(s, &prec) == 0)
			return LDAP_SUCCESS;
		snprintf(err, sizeof(err), "not a precedence (override, "
		    "flash, immediate, priority, routine, deferred)");
		break;
	case AK_DEADLINE:
		memcpy(copy, s, v->bv_len + 1);
		n = acp133_fields(copy, fv, 2);
		if (n != 2) {
			snprintf(err, sizeof(err), "expected precedence$"
			    "seconds");
		} else if (mmhs_precedence_from_name(fv[0], &prec) < 0) {
			snprintf(err, sizeof(err), "\"%s\" is not a "
			    "precedence", fv[0]);
		} else if (!acp133_seconds(fv[1])) {
			snprintf(err, sizeof(err), "\"%s\" is not a number of "
			    "seconds from 1 to 2147483647", fv[1]);
		} else {
			return LDAP_SUCCESS;
		}
		break;
	case AK_CLEARANCE:
		if (mmhs_clearance_parse(s, &cl, err, sizeof(err)) < 0)
			break;
		rc = acp133_policy_get(ac, cl.cl_policy);
		if (rc == LDAP_NO_SUCH_OBJECT) {
			snprintf(err, sizeof(err), "no security policy entry "
			    "has mmhsPolicyId %s", cl.cl_policy);
			return acp133_vfail(ac, LDAP_CONSTRAINT_VIOLATION, ad,
			    v, err);
		}
		if (rc != LDAP_SUCCESS)
			return acp133_fail(ac, rc, "cannot read security "
			    "policy %s (error %d)", cl.cl_policy, rc);
		if (mmhs_clearance_check(ac->ac_pol, &cl, err,
		    sizeof(err)) < 0)
			return acp133_vfail(ac, LDAP_CONSTRAINT_VIOLATION, ad,
			    v, err);
		return LDAP_SUCCESS;
	case AK_CLASSNAME:
	case AK_CATNAME:
		rc = acp133_default_name(ac, s, va->va_kind == AK_CATNAME);
		if (rc < 0)
			return acp133_fail(ac, LDAP_OTHER, "cannot read the "
			    "security policy");
		if (rc > 0)
			return LDAP_SUCCESS;
		snprintf(err, sizeof(err), "no such %s in %s",
		    va->va_kind == AK_CATNAME ? "category" : "classification",
		    acp133_default_desc(ac));
		return acp133_vfail(ac, LDAP_CONSTRAINT_VIOLATION, ad, v, err);
	case AK_FILING:
		memcpy(copy, s, v->bv_len + 1);
		n = acp133_fields(copy, fv, 3);
		if (n != 3 || *fv[0] == '\0' || *fv[1] == '\0' ||
		    *fv[2] == '\0') {
			snprintf(err, sizeof(err), "expected criterion$value$"
			    "folder");
			break;
		}
		if (strcasecmp(fv[0], "precedence") == 0) {
			if (mmhs_precedence_from_name(fv[1], &prec) == 0)
				return LDAP_SUCCESS;
			snprintf(err, sizeof(err), "\"%s\" is not a "
			    "precedence", fv[1]);
			break;
		}
		if (strcasecmp(fv[0], "classification") == 0) {
			rc = acp133_default_name(ac, fv[1], 0);
			if (rc < 0)
				return acp133_fail(ac, LDAP_OTHER, "cannot "
				    "read the security policy");
			if (rc > 0)
				return LDAP_SUCCESS;
			snprintf(err, sizeof(err), "no classification \"%s\" "
			    "in %s", fv[1], acp133_default_desc(ac));
			return acp133_vfail(ac, LDAP_CONSTRAINT_VIOLATION, ad,
			    v, err);
		}
		if (strcasecmp(fv[0], "sic") == 0 ||
		    strcasecmp(fv[0], "originator") == 0)
			return LDAP_SUCCESS;
		snprintf(err, sizeof(err), "criterion \"%s\" is not "
		    "precedence, classification, sic or originator", fv[0]);
		break;
	case AK_LISTEN:
		if (acp133_listen(s, err, sizeof(err)) < 0)
			break;
		return LDAP_SUCCESS;
	case AK_MATCHTIME:
		if (acp133_matchtime(s, err, sizeof(err)) < 0)
			break;
		return LDAP_SUCCESS;
	case AK_CLASSDEF:
		if (mmhs_label_parse_class(s, &def.c, err, sizeof(err)) < 0)
			break;
		return LDAP_SUCCESS;
	case AK_CATDEF:
		if (mmhs_label_parse_cat(s, &def.k, err, sizeof(err)) < 0)
			break;
		return LDAP_SUCCESS;
	case AK_EQUIV:
		if (mmhs_label_parse_equiv(s, &def.e, err, sizeof(err)) < 0)
			break;
		return LDAP_SUCCESS;
	case AK_CLASSINT:
		if (v->bv_len == 1 && s[0] >= '0' && s[0] <= '5')
			return LDAP_SUCCESS;
		return acp133_vfail(ac, LDAP_CONSTRAINT_VIOLATION, ad, v,
		    "a classification is 0 (unmarked) to 5 (top-secret)");
	}
	return acp133_vfail(ac, LDAP_INVALID_SYNTAX, ad, v, err);
}

/* acp133_vattr - the checked attribute this description is, or NULL */
static struct acp133_vattr *
acp133_vattr(AttributeDescription *ad)
{
	struct acp133_vattr *va;

	for (va = acp133_vattrs; va->va_name != NULL; va++)
		if (va->va_ad != NULL && va->va_ad == ad)
			return va;
	return NULL;
}

/* acp133_check_values - check every value of one attribute */
static int
acp133_check_values(acp133_ctx *ac, AttributeDescription *ad,
    BerVarray vals)
{
	struct acp133_vattr *va = acp133_vattr(ad);
	int rc;

	if (va == NULL || vals == NULL)
		return LDAP_SUCCESS;
	for (; !BER_BVISNULL(vals); vals++)
		if ((rc = acp133_check_value(ac, va, vals)) != LDAP_SUCCESS)
			return rc;
	return LDAP_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* Entry rules */

struct acp133_dup {
	struct berval	*du_self;
	int		du_n;
};

/* acp133_dup_cb - count policy entries other than the one written */
static void
acp133_dup_cb(Operation *op, Entry *e, void *arg)
{
	struct acp133_dup *du = arg;

	if (!dn_match(&e->e_nname, du->du_self))
		du->du_n++;
}

/* acp133_check_entry - rules on the whole (resulting) entry */
static int
acp133_check_entry(acp133_ctx *ac, Entry *e, int policy_changed)
{
	Attribute *a;
	char filter[MMHS_LABEL_OID_MAX + 64];
	enum mmhs_precedence prec, seen[MMHS_PREC_MAX + 1];
	char copy[ACP133_VALMAX], *fv[2];
	struct acp133_dup du = { &e->e_nname, 0 };
	unsigned i, j;
	int rc;

	if (acp133_oc_policy != NULL &&
	    is_entry_objectclass_or_sub(e, acp133_oc_policy)) {
		if (ac->ac_pol == NULL)
			ac->ac_pol = ac->ac_op->o_tmpalloc(sizeof(*ac->ac_pol),
			    ac->ac_op->o_tmpmemctx);
		ac->ac_havepol = 0;
		rc = acp133_policy_from_entry(ac, e, ac->ac_pol);
		if (rc != LDAP_SUCCESS)
			return rc;
		if (policy_changed) {
			snprintf(filter, sizeof(filter), "(&(objectClass="
			    "mmhsSecurityPolicy)(mmhsPolicyId=%s))",
			    ac->ac_pol->sp_oid);
			rc = acp133_search(ac->ac_op, ac->ac_on,
			    &ac->ac_op->o_bd->be_nsuffix[0],
			    LDAP_SCOPE_SUBTREE, filter, slap_anlist_no_attrs,
			    0, acp133_dup_cb, &du, NULL);
			if (rc != LDAP_SUCCESS)
				return acp133_fail(ac, rc, "cannot search "
				    "security policies (error %d)", rc);
			if (du.du_n > 0)
				return acp133_fail(ac,
				    LDAP_CONSTRAINT_VIOLATION, "mmhsPolicyId "
				    "%s is already the OID of another "
				    "security policy entry",
				    ac->ac_pol->sp_oid);
		}
	}
	if (acp133_ad_deadline != NULL &&
	    (a = attr_find(e->e_attrs, acp133_ad_deadline)) != NULL) {
		for (i = 0, j = 0; i < a->a_numvals; i++) {
			if (a->a_vals[i].bv_len >= sizeof(copy))
				continue;
			memcpy(copy, a->a_vals[i].bv_val,
			    a->a_vals[i].bv_len + 1);
			if (acp133_fields(copy, fv, 2) != 2 ||
			    mmhs_precedence_from_name(fv[0], &prec) < 0)
				continue;
			for (rc = 0; (unsigned)rc < j; rc++)
				if (seen[rc] == prec)
					return acp133_vfail(ac,
					    LDAP_CONSTRAINT_VIOLATION,
					    a->a_desc, &a->a_vals[i], "this "
					    "precedence already has a "
					    "deadline");
			if (j <= MMHS_PREC_MAX)
				seen[j++] = prec;
		}
	}
	return LDAP_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* References */

/* acp133_rattr - the reference attribute this description is, or NULL */
static struct acp133_rattr *
acp133_rattr(AttributeDescription *ad)
{
	struct acp133_rattr *ra;

	for (ra = acp133_rattrs; ra->ra_name != NULL; ra++)
		if (ra->ra_ad != NULL && ra->ra_ad == ad)
			return ra;
	return NULL;
}

/* acp133_unorder - the value without an X-ORDERED "{n}" prefix */
static void
acp133_unorder(struct berval *in, struct berval *out)
{
	char *p = in->bv_val, *end = in->bv_val + in->bv_len;

	*out = *in;
	if (p == end || *p != '{')
		return;
	for (p++; p < end && *p >= '0' && *p <= '9'; p++)
		;
	if (p < end && *p == '}' && p > in->bv_val + 1) {
		out->bv_val = p + 1;
		out->bv_len = end - out->bv_val;
	}
}

/* acp133_check_ref - does one (normalized) DN value name an entry? */
static int
acp133_check_ref(acp133_ctx *ac, struct acp133_rattr *ra,
    struct berval *val, struct berval *onval)
{
	Operation *op = ac->ac_op;
	Entry *e = NULL;
	struct berval nvbuf, *nval = &nvbuf;
	int rc, wrong;

	acp133_unorder(onval, nval);

	if (!dnIsSuffix(nval, &op->o_bd->be_nsuffix[0]))
		return acp133_vfail(ac, LDAP_CONSTRAINT_VIOLATION, ra->ra_ad,
		    val, "names no entry of this directory (outside its "
		    "suffix)");
	if (ac->ac_isadd && dnIsSuffix(nval, &op->o_req_ndn))
		return LDAP_SUCCESS;	/* the new entry or below it */
	rc = overlay_entry_get_ov(op, nval, NULL, NULL, 0, &e, ac->ac_on);
	if (rc != LDAP_SUCCESS || e == NULL) {
		if (ac->ac_isadd && ra->ra_forward)
			return LDAP_SUCCESS;
		return acp133_vfail(ac, LDAP_CONSTRAINT_VIOLATION, ra->ra_ad,
		    val, "no such entry");
	}
	wrong = ra->ra_oc != NULL && !is_entry_objectclass_or_sub(e,
	    ra->ra_oc);
	overlay_entry_release_ov(op, e, 0, ac->ac_on);
	if (wrong) {
		char why[128];

		snprintf(why, sizeof(why), "the entry named is not an %s",
		    ra->ra_class);
		return acp133_vfail(ac, LDAP_CONSTRAINT_VIOLATION, ra->ra_ad,
		    val, why);
	}
	return LDAP_SUCCESS;
}

/* acp133_check_refs - check the values of one reference attribute */
static int
acp133_check_refs(acp133_ctx *ac, AttributeDescription *ad,
    BerVarray vals, BerVarray nvals)
{
	struct acp133_rattr *ra;
	unsigned i;
	int rc;

	if (!ac->ac_ai->ai_checkrefs || vals == NULL ||
	    (ra = acp133_rattr(ad)) == NULL)
		return LDAP_SUCCESS;
	if (nvals == NULL)
		nvals = vals;
	for (i = 0; !BER_BVISNULL(&vals[i]); i++)
		if ((rc = acp133_check_ref(ac, ra, &vals[i], &nvals[i])) !=
		    LDAP_SUCCESS)
			return rc;
	return LDAP_SUCCESS;
}

struct acp133_users {
	struct berval	*us_ndn;	/* the DN referenced */
	char		*us_buf;
	size_t		us_len;
	int		us_n;
};

/* acp133_users_cb - note "DN (attribute)" of a referencing entry */
static void
acp133_users_cb(Operation *op, Entry *e, void *arg)
{
	struct acp133_users *us = arg;
	struct acp133_rattr *ra;
	Attribute *a;
	size_t used;
	unsigned i;

	if (++us->us_n > ACP133_NREFS)
		return;
	for (ra = acp133_rattrs; ra->ra_name != NULL; ra++) {
		if (ra->ra_ad == NULL ||
		    (a = attr_find(e->e_attrs, ra->ra_ad)) == NULL)
			continue;
		for (i = 0; i < a->a_numvals; i++) {
			struct berval nv;

			acp133_unorder(&a->a_nvals[i], &nv);
			if (!dn_match(&nv, us->us_ndn))
				continue;
			used = strlen(us->us_buf);
			snprintf(us->us_buf + used, us->us_len - used,
			    "%s%s (%s)", used ? "; " : "", e->e_name.bv_val,
			    ra->ra_name);
			break;
		}
	}
}

/* acp133_users - entries that reference ndn: count, text in buf */
static int
acp133_users(acp133_ctx *ac, struct berval *ndn, char *buf, size_t len,
    int *count)
{
	Operation *op = ac->ac_op;
	struct acp133_users us = { ndn, buf, len, 0 };
	struct acp133_rattr *ra;
	AttributeName *an;
	char *esc, *filter, *p;
	size_t flen;
	int rc, n = 0;

	esc = acp133_escape(op, ndn);
	if (esc == NULL)
		return LDAP_OTHER;
	for (ra = acp133_rattrs; ra->ra_name != NULL; ra++)
		n++;
	flen = 8 + n * (strlen(esc) + 80);
	filter = op->o_tmpalloc(flen, op->o_tmpmemctx);
	an = op->o_tmpcalloc(n + 1, sizeof(*an), op->o_tmpmemctx);
	p = filter + sprintf(filter, "(|");
	n = 0;
	for (ra = acp133_rattrs; ra->ra_name != NULL; ra++) {
		if (ra->ra_ad == NULL)
			continue;
		an[n].an_name = ra->ra_ad->ad_cname;
		an[n++].an_desc = ra->ra_ad;
		if (ra->ra_where != NULL)
			p += sprintf(p, "(&(objectClass=%s)(%s=%s))",
			    ra->ra_where, ra->ra_name, esc);
		else
			p += sprintf(p, "(%s=%s)", ra->ra_name, esc);
	}
	sprintf(p, ")");
	BER_BVZERO(&an[n].an_name);
	buf[0] = '\0';
	rc = acp133_search(op, ac->ac_on, &op->o_bd->be_nsuffix[0],
	    LDAP_SCOPE_SUBTREE, filter, an, ACP133_NREFS + 1,
	    acp133_users_cb, &us, NULL);
	op->o_tmpfree(an, op->o_tmpmemctx);
	op->o_tmpfree(filter, op->o_tmpmemctx);
	op->o_tmpfree(esc, op->o_tmpmemctx);
	*count = us.us_n;
	return rc;
}

/* acp133_refused_users - refuse because ndn is still referenced */
static int
acp133_refused_users(acp133_ctx *ac, struct berval *ndn, const char *what,
    int *refused)
{
	char buf[ACP133_MSGLEN / 2];
	int rc, n;

	*refused = 0;
	rc = acp133_users(ac, ndn, buf, sizeof(buf), &n);
	if (rc != LDAP_SUCCESS)
		return acp133_fail(ac, LDAP_OTHER, "cannot search for "
		    "references (error %d)", rc);
	if (n == 0)
		return LDAP_SUCCESS;
	*refused = 1;
	if (dn_match(ndn, &ac->ac_op->o_req_ndn))
		return acp133_fail(ac, LDAP_CONSTRAINT_VIOLATION, "cannot %s: "
		    "still named by %s%s", what, buf, n > ACP133_NREFS ?
		    "; and more" : "");
	return acp133_fail(ac, LDAP_CONSTRAINT_VIOLATION, "cannot %s: %s "
	    "below it is still named by %s%s", what, ndn->bv_val, buf,
	    n > ACP133_NREFS ? "; and more" : "");
}

struct acp133_subtree {
	Operation	*st_op;
	BerVarray	st_dns;
	int		st_n;
};

/* acp133_subtree_cb - collect the DNs of a subtree */
static void
acp133_subtree_cb(Operation *op, Entry *e, void *arg)
{
	struct acp133_subtree *st = arg;

	st->st_n++;
	ber_bvarray_add_x(&st->st_dns, &e->e_nname, NULL);
	/* the entry's DN belongs to the backend: keep a copy */
	ber_dupbv_x(&st->st_dns[st->st_n - 1], &e->e_nname,
	    st->st_op->o_tmpmemctx);
}

/* ------------------------------------------------------------------ */
/* Operations */

/* acp133_skip - operations that are not checked */
static int
acp133_skip(Operation *op)
{
	return get_relax(op) || be_shadow_update(op) ||
	    SLAPD_SYNC_IS_SYNCCONN(op->o_connid);
}

/* acp133_ctx_init - per-operation state */
static void
acp133_ctx_init(acp133_ctx *ac, Operation *op, slap_overinst *on, int isadd)
{
	memset(ac, 0, sizeof(*ac));
	ac->ac_op = op;
	ac->ac_on = on;
	ac->ac_ai = on->on_bi.bi_private;
	ac->ac_dn = &op->o_req_dn;
	ac->ac_isadd = isadd;
}

/* acp133_done - free the state; send the refusal when rc says so */
static int
acp133_done(acp133_ctx *ac, SlapReply *rs, int rc)
{
	Operation *op = ac->ac_op;

	if (ac->ac_pol != NULL)
		op->o_tmpfree(ac->ac_pol, op->o_tmpmemctx);
	if (rc == LDAP_SUCCESS)
		return SLAP_CB_CONTINUE;
	Debug(LDAP_DEBUG_TRACE, "%s\n", ac->ac_msg);
	op->o_bd->bd_info = (BackendInfo *)ac->ac_on->on_info;
	send_ldap_error(op, rs, rc, ac->ac_msg);
	return rs->sr_err;
}

/* acp133_add - check a new entry */
static int
acp133_add(Operation *op, SlapReply *rs)
{
	slap_overinst *on = (slap_overinst *)op->o_bd->bd_info;
	Entry *e = op->ora_e;
	acp133_ctx ac;
	Attribute *a;
	int rc = LDAP_SUCCESS;

	if (acp133_skip(op))
		return SLAP_CB_CONTINUE;
	acp133_ctx_init(&ac, op, on, 1);
	for (a = e->e_attrs; a != NULL && rc == LDAP_SUCCESS; a = a->a_next)
		rc = acp133_check_values(&ac, a->a_desc, a->a_vals);
	if (rc == LDAP_SUCCESS)
		rc = acp133_check_entry(&ac, e, 1);
	for (a = e->e_attrs; a != NULL && rc == LDAP_SUCCESS; a = a->a_next)
		rc = acp133_check_refs(&ac, a->a_desc, a->a_vals, a->a_nvals);
	return acp133_done(&ac, rs, rc);
}

/* acp133_modify - check the values added and the resulting entry */
static int
acp133_modify(Operation *op, SlapReply *rs)
{
	slap_overinst *on = (slap_overinst *)op->o_bd->bd_info;
	Modifications *ml;
	Entry *e = NULL, *dup;
	acp133_ctx ac;
	const char *text;
	char textbuf[SLAP_TEXT_BUFLEN];
	int rc = LDAP_SUCCESS, entry_rules = 0, policy_changed = 0;

	if (acp133_skip(op))
		return SLAP_CB_CONTINUE;
	acp133_ctx_init(&ac, op, on, 0);
	for (ml = op->orm_modlist; ml != NULL && rc == LDAP_SUCCESS;
	    ml = ml->sml_next) {
		AttributeDescription *ad = ml->sml_desc;

		if (ad == acp133_ad_policyid || ad == acp133_ad_classdef ||
		    ad == acp133_ad_catdef || ad == acp133_ad_equiv ||
		    ad == acp133_ad_deadline ||
		    ad == slap_schema.si_ad_objectClass)
			entry_rules = 1;
		if (ad == acp133_ad_policyid)
			policy_changed = 1;
		switch (ml->sml_op) {
		case LDAP_MOD_ADD:
		case LDAP_MOD_REPLACE:
		case SLAP_MOD_SOFTADD:
		case SLAP_MOD_ADD_IF_NOT_PRESENT:
			rc = acp133_check_values(&ac, ad, ml->sml_values);
			if (rc == LDAP_SUCCESS)
				rc = acp133_check_refs(&ac, ad,
				    ml->sml_values, ml->sml_nvalues);
			break;
		default:
			break;
		}
	}
	if (rc != LDAP_SUCCESS || !entry_rules)
		return acp133_done(&ac, rs, rc);

	/* the entry as it would be after the modification */
	if (overlay_entry_get_ov(op, &op->o_req_ndn, NULL, NULL, 0, &e, on) !=
	    LDAP_SUCCESS || e == NULL)
		return acp133_done(&ac, rs, LDAP_SUCCESS); /* backend says */
	dup = entry_dup(e);
	overlay_entry_release_ov(op, e, 0, on);
	for (ml = op->orm_modlist; ml != NULL; ml = ml->sml_next) {
		Modification *m = &ml->sml_mod;

		switch (m->sm_op) {
		case LDAP_MOD_ADD:
			rc = modify_add_values(dup, m, get_permissiveModify(op),
			    &text, textbuf, sizeof(textbuf));
			break;
		case SLAP_MOD_SOFTADD:
		case SLAP_MOD_ADD_IF_NOT_PRESENT:
			rc = modify_add_values(dup, m, 1, &text, textbuf,
			    sizeof(textbuf));
			break;
		case LDAP_MOD_DELETE:
		case SLAP_MOD_SOFTDEL:
			rc = modify_delete_values(dup, m,
			    get_permissiveModify(op) ||
			    m->sm_op == SLAP_MOD_SOFTDEL,
			    &text, textbuf, sizeof(textbuf));
			break;
		case LDAP_MOD_REPLACE:
			rc = modify_replace_values(dup, m,
			    get_permissiveModify(op), &text, textbuf,
			    sizeof(textbuf));
			break;
		default:
			rc = LDAP_SUCCESS;
			break;
		}
		if (rc != LDAP_SUCCESS) {
			/* the backend will refuse it with its own text */
			entry_free(dup);
			return acp133_done(&ac, rs, LDAP_SUCCESS);
		}
	}
	rc = acp133_check_entry(&ac, dup, policy_changed);
	entry_free(dup);
	return acp133_done(&ac, rs, rc);
}

/* acp133_delete - refuse while the entry is referenced */
static int
acp133_delete(Operation *op, SlapReply *rs)
{
	slap_overinst *on = (slap_overinst *)op->o_bd->bd_info;
	acp133_ctx ac;
	int rc, refused;

	if (acp133_skip(op))
		return SLAP_CB_CONTINUE;
	acp133_ctx_init(&ac, op, on, 0);
	if (!ac.ac_ai->ai_checkrefs)
		return SLAP_CB_CONTINUE;
	rc = acp133_refused_users(&ac, &op->o_req_ndn, "delete", &refused);
	return acp133_done(&ac, rs, rc);
}

/* acp133_modrdn - refuse while the entry or one below it is referenced */
static int
acp133_modrdn(Operation *op, SlapReply *rs)
{
	slap_overinst *on = (slap_overinst *)op->o_bd->bd_info;
	struct acp133_subtree st = { op, NULL, 0 };
	acp133_ctx ac;
	int rc, i, refused = 0;

	if (acp133_skip(op))
		return SLAP_CB_CONTINUE;
	acp133_ctx_init(&ac, op, on, 0);
	if (!ac.ac_ai->ai_checkrefs)
		return SLAP_CB_CONTINUE;
	rc = acp133_search(op, on, &op->o_req_ndn, LDAP_SCOPE_SUBTREE,
	    "(objectClass=*)", slap_anlist_no_attrs, ACP133_MAXSUBTREE + 1,
	    acp133_subtree_cb, &st, NULL);
	if (rc != LDAP_SUCCESS)
		rc = acp133_fail(&ac, LDAP_OTHER, "cannot list the entries "
		    "to rename (error %d)", rc);
	else if (st.st_n > ACP133_MAXSUBTREE)
		rc = acp133_fail(&ac, LDAP_UNWILLING_TO_PERFORM, "cannot "
		    "rename: more than %d entries below it to check for "
		    "references; set olcAcp133CheckReferences FALSE for this "
		    "change", ACP133_MAXSUBTREE);
	for (i = 0; rc == LDAP_SUCCESS && !refused && i < st.st_n; i++)
		rc = acp133_refused_users(&ac, &st.st_dns[i], "rename",
		    &refused);
	for (i = 0; i < st.st_n; i++)
		op->o_tmpfree(st.st_dns[i].bv_val, op->o_tmpmemctx);
	ber_memfree(st.st_dns);
	return acp133_done(&ac, rs, rc);
}

/* ------------------------------------------------------------------ */
/* Database hooks */

/* acp133_db_init - allocate the configuration */
static int
acp133_db_init(BackendDB *be, ConfigReply *cr)
{
	slap_overinst *on = (slap_overinst *)be->bd_info;
	acp133_info *ai;

	ai = ch_calloc(1, sizeof(*ai));
	ai->ai_checkrefs = 1;
	on->on_bi.bi_private = ai;
	return 0;
}

/* acp133_db_destroy - free the configuration */
static int
acp133_db_destroy(BackendDB *be, ConfigReply *cr)
{
	slap_overinst *on = (slap_overinst *)be->bd_info;
	acp133_info *ai = on->on_bi.bi_private;

	if (ai != NULL) {
		ch_free(ai->ai_policy.bv_val);
		ch_free(ai->ai_npolicy.bv_val);
		ch_free(ai);
		on->on_bi.bi_private = NULL;
	}
	return 0;
}

/* acp133_ad - an attribute description by name, or NULL */
static AttributeDescription *
acp133_ad(const char *name)
{
	AttributeDescription *ad = NULL;
	const char *text;

	if (slap_str2ad(name, &ad, &text) != LDAP_SUCCESS)
		return NULL;
	return ad;
}

/* acp133_db_open - resolve the schema elements the checks use */
static int
acp133_db_open(BackendDB *be, ConfigReply *cr)
{
	struct acp133_vattr *va;
	struct acp133_rattr *ra;

	for (va = acp133_vattrs; va->va_name != NULL; va++)
		va->va_ad = acp133_ad(va->va_name);
	for (ra = acp133_rattrs; ra->ra_name != NULL; ra++) {
		ra->ra_ad = acp133_ad(ra->ra_name);
		ra->ra_oc = ra->ra_class != NULL ? oc_find(ra->ra_class) :
		    NULL;
		if (ra->ra_where != NULL && oc_find(ra->ra_where) == NULL)
			ra->ra_where = NULL;
	}
	acp133_ad_policyid = acp133_ad("mmhsPolicyId");
	acp133_ad_classdef = acp133_ad("mmhsClassificationDef");
	acp133_ad_catdef = acp133_ad("mmhsCategoryDef");
	acp133_ad_equiv = acp133_ad("mmhsLabelEquivalence");
	acp133_ad_deadline = acp133_ad("mmhsDeadline");
	acp133_oc_policy = oc_find("mmhsSecurityPolicy");
	if (acp133_ad_policyid == NULL || acp133_oc_policy == NULL)
		Debug(LDAP_DEBUG_ANY, "acp133: mmhs.schema is not loaded: "
		    "security policy checks are off\n");
	return 0;
}

/* ------------------------------------------------------------------ */
/* Configuration */

enum { ACP133_DEFAULT_POLICY = 1 };

/* acp133_cf_gen - olcAcp133DefaultPolicy: emit, delete, set */
static int
acp133_cf_gen(ConfigArgs *c)
{
	slap_overinst *on = (slap_overinst *)c->bi;
	acp133_info *ai = on->on_bi.bi_private;

	switch (c->op) {
	case SLAP_CONFIG_EMIT:
		if (BER_BVISEMPTY(&ai->ai_policy))
			return 1;
		value_add_one(&c->rvalue_vals, &ai->ai_policy);
		value_add_one(&c->rvalue_nvals, &ai->ai_npolicy);
		return 0;
	case LDAP_MOD_DELETE:
		ch_free(ai->ai_policy.bv_val);
		ch_free(ai->ai_npolicy.bv_val);
		BER_BVZERO(&ai->ai_policy);
		BER_BVZERO(&ai->ai_npolicy);
		return 0;
	default:
		ch_free(ai->ai_policy.bv_val);
		ch_free(ai->ai_npolicy.bv_val);
		ai->ai_policy = c->value_dn;
		ai->ai_npolicy = c->value_ndn;
		return 0;
	}
}

static ConfigTable acp133_cfg[] = {
	{ "acp133-default-policy", "dn", 2, 2, 0,
	    ARG_MAGIC|ARG_QUOTE|ARG_DN|ACP133_DEFAULT_POLICY, acp133_cf_gen,
	    "( 2.25.59028202126315117165413111612054445617.3.1.1 "
	    "NAME 'olcAcp133DefaultPolicy' "
	    "DESC 'Security policy entry whose classification and category "
	    "NAMEs unqualified values use' "
	    "EQUALITY distinguishedNameMatch "
	    "SYNTAX OMsDN SINGLE-VALUE )", NULL, { NULL } },
	{ "acp133-check-references", "TRUE|FALSE", 2, 2, 0,
	    ARG_ON_OFF|ARG_OFFSET, (void *)offsetof(acp133_info, ai_checkrefs),
	    "( 2.25.59028202126315117165413111612054445617.3.1.2 "
	    "NAME 'olcAcp133CheckReferences' "
	    "DESC 'Check DN references and referential integrity "
	    "(default TRUE; FALSE for bulk migration)' "
	    "EQUALITY booleanMatch "
	    "SYNTAX OMsBoolean SINGLE-VALUE )", NULL, { NULL } },
	{ NULL, NULL, 0, 0, 0, ARG_IGNORED, NULL, NULL, NULL, { NULL } }
};

static ConfigOCs acp133_ocs[] = {
	{ "( 2.25.59028202126315117165413111612054445617.4.1 "
	    "NAME 'olcAcp133Config' "
	    "DESC 'OpenMMHS acp133 overlay configuration' "
	    "SUP olcOverlayConfig "
	    "MAY ( olcAcp133DefaultPolicy $ olcAcp133CheckReferences ) )",
	    Cft_Overlay, acp133_cfg, NULL, NULL, NULL, NULL },
	{ NULL, 0, NULL, NULL, NULL, NULL, NULL }
};

/* acp133_initialize - register the overlay and its configuration schema */
static int
acp133_initialize(void)
{
	int rc;

	if (!mmhs_overlay_version_ok("acp133"))
		return -1;
	acp133_ovl.on_bi.bi_type = "acp133";
	acp133_ovl.on_bi.bi_flags = SLAPO_BFLAG_SINGLE;
	acp133_ovl.on_bi.bi_db_init = acp133_db_init;
	acp133_ovl.on_bi.bi_db_open = acp133_db_open;
	acp133_ovl.on_bi.bi_db_destroy = acp133_db_destroy;
	acp133_ovl.on_bi.bi_op_add = acp133_add;
	acp133_ovl.on_bi.bi_op_modify = acp133_modify;
	acp133_ovl.on_bi.bi_op_delete = acp133_delete;
	acp133_ovl.on_bi.bi_op_modrdn = acp133_modrdn;
	acp133_ovl.on_bi.bi_cf_ocs = acp133_ocs;
	rc = config_register_schema(acp133_cfg, acp133_ocs);
	if (rc != 0)
		return rc;
	return overlay_register(&acp133_ovl);
}

int
init_module(int argc, char *argv[])
{
	return acp133_initialize();
}
