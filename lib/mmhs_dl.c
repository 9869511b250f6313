/* mmhs_dl.c - distribution lists: O/R names, submit permissions, DL policy
 *
 * Purpose: parse and print the string forms of doc/acp133-string-forms.md
 * sections 2-4 (O/R name, DL submit permission, DL policy), the value
 * form of the mhsdl overlay's mmhsExpandedRecipient, and decide without
 * a directory whether an originator matches a submit permission.
 *
 * Interface: see mmhs_dl.h.  The address part of an O/R name goes
 * through mmhs_oraddr_parse(); a DN is returned as pointer + length into
 * the input and is not checked beyond "non-empty, closed by the first
 * unescaped '>'": slapd (dnPretty) or libldap (ldap_str2dn) check DNs.
 *
 * Error behaviour: nothing here allocates, logs, exits or keeps state
 * (the mhsdl and acp133 overlays compile this file into slapd).  A
 * refused value gives -1 and one line of text in the caller's buffer.
 * Case folding is done by hand so that slapd's locale cannot change a
 * result.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "mmhs_ascii.h"
#include "mmhs_text.h"
#include "mmhs_dl.h"

/* dl_skip_sp - skip spaces */
static const char *
dl_skip_sp(const char *p)
{
	while (*p == ' ')
		p++;
	return p;
}

/* Output cursor for the formatters; overflow shows as pos >= len. */
struct dl_out {
	char	*do_buf;
	size_t	do_len;
	size_t	do_pos;
};

/* dl_putn - append n bytes */
static void
dl_putn(struct dl_out *out, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (out->do_pos < out->do_len)
			out->do_buf[out->do_pos] = s[i];
		out->do_pos++;
	}
}

/* dl_puts - append a NUL-terminated string */
static void
dl_puts(struct dl_out *out, const char *s)
{
	dl_putn(out, s, strlen(s));
}

/* dl_finish - terminate the output; its length or -1 on overflow */
static int
dl_finish(struct dl_out *out)
{
	if (out->do_buf == NULL || out->do_len == 0)
		return -1;
	if (out->do_pos >= out->do_len) {
		out->do_buf[out->do_len - 1] = '\0';
		return -1;
	}
	out->do_buf[out->do_pos] = '\0';
	return (int) out->do_pos;
}

/* dl_put_addr - append the canonical form of an O/R address */
static void
dl_put_addr(struct dl_out *out, const struct mmhs_oraddr *addr)
{
	char tmp[MMHS_ORADDR_STRLEN];

	if (mmhs_oraddr_format(addr, tmp, sizeof(tmp)) < 0)
		out->do_pos = out->do_len;	/* cannot happen: mark overflow */
	else
		dl_puts(out, tmp);
}

/* ------------------------------------------------------------------ */
/* O/R names */

/*
 * dl_parse_dn - read "<dn>" at p (p at '<'); the DN ends at the first
 * '>' not escaped by '\'.  Sets *end after the '>'.
 */
static int
dl_parse_dn(const char *p, const char **dn, size_t *dnlen, const char **end,
	char *err, size_t errlen)
{
	const char *q = p + 1;

	while (*q != '\0' && *q != '>') {
		if (*q == '\\' && q[1] != '\0')
			q++;
		q++;
	}
	if (*q != '>')
		return mmhs_text_error(err, errlen, "directory name has no closing '>'");
	*dn = p + 1;
	*dnlen = (size_t) (q - (p + 1));
	while (*dnlen > 0 && **dn == ' ') {
		(*dn)++;
		(*dnlen)--;
	}
	while (*dnlen > 0 && (*dn)[*dnlen - 1] == ' ' &&
	    (*dnlen < 2 || (*dn)[*dnlen - 2] != '\\'))
		(*dnlen)--;
	if (*dnlen == 0)
		return mmhs_text_error(err, errlen, "empty directory name \"<>\"");
	if (*dnlen > MMHS_DL_DN_MAX)
		return mmhs_text_error(err, errlen, "directory name longer than %d "
		    "characters", MMHS_DL_DN_MAX);
	*end = q + 1;
	return 0;
}

/* mmhs_orname_parse - parse "addr", "addr <dn>" or "<dn>" */
int
mmhs_orname_parse(const char *str, int flags, struct mmhs_orname *name,
	char *err, size_t errlen)
{
	char abuf[MMHS_ORADDR_STRLEN];
	const char *p, *lt, *end;
	size_t alen;

	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if (name == NULL)
		return mmhs_text_error(err, errlen, "no result structure");
	memset(name, 0, sizeof(*name));
	if (str == NULL)
		return mmhs_text_error(err, errlen, "no O/R name");
	p = dl_skip_sp(str);
	if (*p == '\0')
		return mmhs_text_error(err, errlen, "empty O/R name");
	if (*p != '/' && *p != '<')
		return mmhs_text_error(err, errlen, "an O/R name starts with '/' "
		    "(O/R address) or '<' (directory name)");
	lt = strchr(p, '<');	/* '<' is not a PrintableString character */
	if (*p == '/') {
		alen = lt != NULL ? (size_t) (lt - p) : strlen(p);
		while (alen > 0 && p[alen - 1] == ' ')
			alen--;
		if (alen >= sizeof(abuf))
			return mmhs_text_error(err, errlen, "O/R address too long");
		if (lt != NULL && alen == (size_t) (lt - p))
			return mmhs_text_error(err, errlen, "a space must separate "
			    "the O/R address from \"<\"");
		memcpy(abuf, p, alen);
		abuf[alen] = '\0';
		if (mmhs_oraddr_parse(abuf, flags, &name->on_addr, err,
		    errlen) < 0)
			return -1;
		name->on_has_addr = 1;
	}
	if (lt != NULL) {
		if (dl_parse_dn(lt, &name->on_dn, &name->on_dnlen, &end, err,
		    errlen) < 0)
			return -1;
		end = dl_skip_sp(end);
		if (*end != '\0')
			return mmhs_text_error(err, errlen, "text after the directory "
			    "name's closing '>'");
	}
	return 0;
}

/* dl_put_orname - append the canonical form of an O/R name */
static void
dl_put_orname(struct dl_out *out, const struct mmhs_orname *name)
{
	if (name->on_has_addr)
		dl_put_addr(out, &name->on_addr);
	if (name->on_dn != NULL) {
		if (name->on_has_addr)
			dl_puts(out, " ");
		dl_puts(out, "<");
		dl_putn(out, name->on_dn, name->on_dnlen);
		dl_puts(out, ">");
	}
}

/* mmhs_orname_format - canonical "addr <dn>" */
int
mmhs_orname_format(const struct mmhs_orname *name, char *buf, size_t len)
{
	struct dl_out out = { buf, len, 0 };

	if (name == NULL || (!name->on_has_addr && name->on_dn == NULL))
		return -1;
	dl_put_orname(&out, name);
	return dl_finish(&out);
}

/* ------------------------------------------------------------------ */
/* DNs without a directory */

/*
 * dl_dn_next - next significant character of a DN, lower-cased: spaces
 * around ',', '+', '=' and at the end are skipped (the caller skips the
 * leading ones); other spaces count.  Returns -1 at the
 * end.  *pp / *np advance.
 */
static int
dl_dn_next(const char **pp, size_t *np)
{
	const char *p = *pp;
	size_t n = *np, k;
	int c;

	if (n == 0) {
		*pp = p;
		*np = 0;
		return -1;
	}
	c = (unsigned char) *p;
	if (c == '\\' && n > 1) {
		/* escaped character: keep the escape, fold the next one */
		*pp = p + 1;
		*np = n - 1;
		return '\\';
	}
	p++;
	n--;
	if (c == ',' || c == '+' || c == '=') {
		while (n > 0 && *p == ' ') {
			p++;
			n--;
		}
	} else if (n > 0 && *p == ' ') {
		/* spaces before a separator or the end are not significant */
		for (k = 0; k < n && p[k] == ' '; k++)
			;
		if (k == n || p[k] == ',' || p[k] == '+' || p[k] == '=') {
			p += k;
			n -= k;
		}
	}
	*pp = p;
	*np = n;
	return mmhs_ascii_lower(c);
}

/* mmhs_dl_dn_equal - DNs equal, ignoring case and insignificant spaces */
int
mmhs_dl_dn_equal(const char *a, size_t alen, const char *b, size_t blen)
{
	int ca, cb;

	if (a == NULL || b == NULL)
		return 0;
	for (; alen > 0 && *a == ' '; a++, alen--)
		;
	for (; blen > 0 && *b == ' '; b++, blen--)
		;
	for (;;) {
		ca = dl_dn_next(&a, &alen);
		cb = dl_dn_next(&b, &blen);
		if (ca != cb)
			return 0;
		if (ca == -1)
			return 1;
	}
}

/* mmhs_dl_dn_within - dn equals base or is below it */
int
mmhs_dl_dn_within(const char *dn, size_t dnlen, const char *base,
	size_t baselen)
{
	const char *p;
	size_t n;

	if (dn == NULL || base == NULL)
		return 0;
	if (mmhs_dl_dn_equal(dn, dnlen, base, baselen))
		return 1;
	/* try every unescaped ',' of dn as the start of base */
	for (p = dn, n = dnlen; n > 0; p++, n--) {
		if (*p == '\\') {
			if (n > 1) {
				p++;
				n--;
			}
			continue;
		}
		if (*p == ',' && mmhs_dl_dn_equal(p + 1, n - 1, base, baselen))
			return 1;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Submit permissions */

static const char *const dl_perm_names[] = {
	"individual", "member-of-dl", "pattern-match", "member-of-group", "any"
};

/* mmhs_dl_perm_kind_name - keyword of a permission kind */
const char *
mmhs_dl_perm_kind_name(enum mmhs_dl_perm_kind kind)
{
	if ((unsigned) kind > MMHS_DL_PERM_ANY)
		return "?";
	return dl_perm_names[kind];
}

/* mmhs_dl_perm_parse - parse one mhs-dl-submit-permissions value */
int
mmhs_dl_perm_parse(const char *str, struct mmhs_dl_perm *perm, char *err,
	size_t errlen)
{
	const char *p, *kw, *end;
	size_t kwlen;
	int k;

	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if (perm == NULL)
		return mmhs_text_error(err, errlen, "no result structure");
	memset(perm, 0, sizeof(*perm));
	if (str == NULL)
		return mmhs_text_error(err, errlen, "no submit permission");
	kw = dl_skip_sp(str);
	for (p = kw; *p != '\0' && *p != ' ' && *p != '#'; p++)
		;
	kwlen = (size_t) (p - kw);
	for (k = 0; k <= MMHS_DL_PERM_ANY; k++)
		if (mmhs_text_ncaseeq(kw, kwlen, dl_perm_names[k]))
			break;
	if (k > MMHS_DL_PERM_ANY)
		return mmhs_text_error(err, errlen, "unknown permission kind \"%.*s\" "
		    "(individual, member-of-dl, pattern-match, "
		    "member-of-group, any)", (int) (kwlen > 40 ? 40 : kwlen),
		    kw);
	perm->dp_kind = (enum mmhs_dl_perm_kind) k;
	p = dl_skip_sp(p);
	if (perm->dp_kind == MMHS_DL_PERM_ANY) {
		if (*p != '\0')
			return mmhs_text_error(err, errlen, "\"any\" takes no value");
		return 0;
	}
	if (*p != '#')
		return mmhs_text_error(err, errlen, "\"%s\" needs \" # \" and a value",
		    dl_perm_names[k]);
	p = dl_skip_sp(p + 1);
	if (*p == '\0')
		return mmhs_text_error(err, errlen, "\"%s\" needs a value after '#'",
		    dl_perm_names[k]);
	if (perm->dp_kind == MMHS_DL_PERM_MEMBER_OF_GROUP) {
		/* dn / "<" dn ">" */
		if (*p == '<') {
			if (dl_parse_dn(p, &perm->dp_name.on_dn,
			    &perm->dp_name.on_dnlen, &end, err, errlen) < 0)
				return -1;
			if (*dl_skip_sp(end) != '\0')
				return mmhs_text_error(err, errlen, "text after the "
				    "group name's closing '>'");
		} else {
			size_t n = strlen(p);

			while (n > 0 && p[n - 1] == ' ' &&
			    (n < 2 || p[n - 2] != '\\'))
				n--;
			if (strchr(p, '=') == NULL)
				return mmhs_text_error(err, errlen, "member-of-group "
				    "needs a group DN");
			if (n > MMHS_DL_DN_MAX)
				return mmhs_text_error(err, errlen, "group DN longer "
				    "than %d characters", MMHS_DL_DN_MAX);
			perm->dp_name.on_dn = p;
			perm->dp_name.on_dnlen = n;
		}
		return 0;
	}
	if (mmhs_orname_parse(p, perm->dp_kind == MMHS_DL_PERM_PATTERN ?
	    MMHS_ORADDR_PATTERN : 0, &perm->dp_name, err, errlen) < 0)
		return -1;
	return 0;
}

/* mmhs_dl_perm_format - canonical "kind # value" */
int
mmhs_dl_perm_format(const struct mmhs_dl_perm *perm, char *buf, size_t len)
{
	struct dl_out out = { buf, len, 0 };

	if (perm == NULL || (unsigned) perm->dp_kind > MMHS_DL_PERM_ANY)
		return -1;
	if (perm->dp_kind == MMHS_DL_PERM_ANY ||
	    (perm->dp_kind == MMHS_DL_PERM_PATTERN &&
	    (!perm->dp_name.on_has_addr ||
	    mmhs_oraddr_specificity(&perm->dp_name.on_addr) == 0) &&
	    perm->dp_name.on_dn == NULL)) {
		dl_puts(&out, "any");
		return dl_finish(&out);
	}
	dl_puts(&out, dl_perm_names[perm->dp_kind]);
	dl_puts(&out, " # ");
	if (perm->dp_kind == MMHS_DL_PERM_MEMBER_OF_GROUP) {
		if (perm->dp_name.on_dn == NULL)
			return -1;
		dl_putn(&out, perm->dp_name.on_dn, perm->dp_name.on_dnlen);
	} else {
		if (!perm->dp_name.on_has_addr && perm->dp_name.on_dn == NULL)
			return -1;
		dl_put_orname(&out, &perm->dp_name);
	}
	return dl_finish(&out);
}

/* dl_match_individual - the originator's O/R name equals the permission's */
static int
dl_match_individual(const struct mmhs_orname *n,
	const struct mmhs_dl_originator *o)
{
	int compared = 0;

	if (n->on_has_addr && o->do_addr != NULL) {
		if (!mmhs_oraddr_equal(&n->on_addr, o->do_addr))
			return 0;
		compared++;
	}
	if (n->on_dn != NULL && o->do_dn != NULL) {
		if (!mmhs_dl_dn_equal(n->on_dn, n->on_dnlen, o->do_dn,
		    o->do_dnlen))
			return 0;
		compared++;
	}
	return compared > 0;
}

/* dl_match_pattern - every part present in the pattern matches */
static int
dl_match_pattern(const struct mmhs_orname *n,
	const struct mmhs_dl_originator *o)
{
	if (n->on_has_addr && mmhs_oraddr_specificity(&n->on_addr) > 0) {
		if (o->do_addr == NULL ||
		    !mmhs_oraddr_prefix_match(&n->on_addr, o->do_addr))
			return 0;
	}
	if (n->on_dn != NULL) {
		if (o->do_dn == NULL || !mmhs_dl_dn_within(o->do_dn,
		    o->do_dnlen, n->on_dn, n->on_dnlen))
			return 0;
	}
	return 1;
}

/* mmhs_dl_perm_match - does orig match one permission value? */
int
mmhs_dl_perm_match(const struct mmhs_dl_perm *perm,
	const struct mmhs_dl_originator *orig, mmhs_dl_member_fn fn,
	void *arg, char *err, size_t errlen)
{
	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if (perm == NULL || orig == NULL)
		return mmhs_text_error(err, errlen, "no permission or originator");
	switch (perm->dp_kind) {
	case MMHS_DL_PERM_ANY:
		return 1;
	case MMHS_DL_PERM_INDIVIDUAL:
		return dl_match_individual(&perm->dp_name, orig);
	case MMHS_DL_PERM_PATTERN:
		return dl_match_pattern(&perm->dp_name, orig);
	case MMHS_DL_PERM_MEMBER_OF_DL:
	case MMHS_DL_PERM_MEMBER_OF_GROUP:
		if (fn == NULL)
			return mmhs_text_error(err, errlen, "%s needs a membership "
			    "lookup", dl_perm_names[perm->dp_kind]);
		return fn(arg, perm->dp_kind, &perm->dp_name, orig, err,
		    errlen);
	}
	return mmhs_text_error(err, errlen, "unknown permission kind");
}

/* mmhs_dl_submit_allowed - evaluate all submit permission values */
int
mmhs_dl_submit_allowed(const char *const *vals, size_t nvals,
	const struct mmhs_dl_originator *orig, mmhs_dl_member_fn fn,
	void *arg, char *why, size_t whylen)
{
	struct mmhs_dl_perm perm;
	char err[256];
	size_t i;
	int rc;

	if (why != NULL && whylen > 0)
		why[0] = '\0';
	if (nvals == 0)
		return mmhs_text_error(why, whylen, "no mhs-dl-submit-permissions: "
		    "nobody may submit") + 1;
	for (i = 0; i < nvals; i++) {
		if (mmhs_dl_perm_parse(vals[i], &perm, err, sizeof(err)) < 0)
			return mmhs_text_error(why, whylen, "mhs-dl-submit-permissions "
			    "value \"%s\": %s", vals[i], err);
		rc = mmhs_dl_perm_match(&perm, orig, fn, arg, err, sizeof(err));
		if (rc < 0)
			return mmhs_text_error(why, whylen, "mhs-dl-submit-permissions "
			    "value \"%s\": %s", vals[i], err);
		if (rc > 0) {
			if (why != NULL && whylen > 0)
				snprintf(why, whylen, "granted by \"%s\"",
				    vals[i]);
			return 1;
		}
	}
	if (why != NULL && whylen > 0)
		snprintf(why, whylen, "no mhs-dl-submit-permissions value "
		    "matches the originator (%zu checked)", nvals);
	return 0;
}

/* ------------------------------------------------------------------ */
/* DL policy */

enum dl_pol_type { POL_ENUM, POL_BOOL, POL_RDM, POL_OIDS };

static const char *const dl_rp_vals[] = { "previous-dl-or-originator",
	"dl-owner", "both-previous-and-owner", NULL };
static const char *const dl_rfd_vals[] = { "whenever-requested",
	"when-no-propagation", NULL };
static const char *const dl_mr_vals[] = { "unchanged", "report",
	"non-delivery-report", "audited-report", NULL };
static const char *const dl_or_vals[] = { "unchanged", "no-report",
	"report", "non-delivery-report", NULL };
static const char *const dl_roc_vals[] = { "unchanged",
	"content-return-not-requested", "content-return-requested", NULL };
static const char *const dl_prio_vals[] = { "unchanged", "normal",
	"non-urgent", "urgent", NULL };
static const char *const dl_disc_vals[] = { "unchanged",
	"disclosure-of-other-recipients-prohibited",
	"disclosure-of-other-recipients-allowed", NULL };
static const char *const dl_ic_vals[] = { "unchanged",
	"implicit-conversion-allowed", "implicit-conversion-prohibited", NULL };
static const char *const dl_cwl_vals[] = { "unchanged",
	"conversion-with-loss-allowed", "conversion-with-loss-prohibited",
	NULL };
static const char *const dl_pod_vals[] = { "dl-members",
	"dl-expansion-point", "both", "neither", NULL };

static const struct dl_pol_field {
	const char	*pf_name;
	enum dl_pol_type pf_type;
	const char *const *pf_vals;	/* POL_ENUM: default first */
	size_t		pf_off;		/* in struct mmhs_dl_policy */
} dl_pol_fields[] = {
	{ "report-propagation", POL_ENUM, dl_rp_vals,
	    offsetof(struct mmhs_dl_policy, pl_report_propagation) },
	{ "report-from-dl", POL_ENUM, dl_rfd_vals,
	    offsetof(struct mmhs_dl_policy, pl_report_from_dl) },
	{ "originating-MTA-report", POL_ENUM, dl_mr_vals,
	    offsetof(struct mmhs_dl_policy, pl_originating_mta_report) },
	{ "originator-report", POL_ENUM, dl_or_vals,
	    offsetof(struct mmhs_dl_policy, pl_originator_report) },
	{ "return-of-content", POL_ENUM, dl_roc_vals,
	    offsetof(struct mmhs_dl_policy, pl_return_of_content) },
	{ "priority", POL_ENUM, dl_prio_vals,
	    offsetof(struct mmhs_dl_policy, pl_priority) },
	{ "disclosure-of-other-recipients", POL_ENUM, dl_disc_vals,
	    offsetof(struct mmhs_dl_policy, pl_disclosure) },
	{ "implicit-conversion-prohibited", POL_ENUM, dl_ic_vals,
	    offsetof(struct mmhs_dl_policy, pl_implicit_conversion) },
	{ "conversion-with-loss-prohibited", POL_ENUM, dl_cwl_vals,
	    offsetof(struct mmhs_dl_policy, pl_conversion_with_loss) },
	{ "further-dl-expansion-allowed", POL_BOOL, NULL,
	    offsetof(struct mmhs_dl_policy, pl_further_dl_expansion_allowed) },
	{ "originator-requested-alternate-recipient-removed", POL_BOOL, NULL,
	    offsetof(struct mmhs_dl_policy, pl_orig_alt_recipient_removed) },
	{ "proof-of-delivery", POL_ENUM, dl_pod_vals,
	    offsetof(struct mmhs_dl_policy, pl_proof_of_delivery) },
	{ "requested-delivery-method", POL_RDM, NULL,
	    offsetof(struct mmhs_dl_policy, pl_rdm) },
	{ "token-encryption-algorithm-preference", POL_OIDS, NULL,
	    offsetof(struct mmhs_dl_policy, pl_token_encryption) },
	{ "token-signature-algorithm-preference", POL_OIDS, NULL,
	    offsetof(struct mmhs_dl_policy, pl_token_signature) },
};
#define DL_NPOL	(sizeof(dl_pol_fields) / sizeof(dl_pol_fields[0]))

/* dl_pol_int - the int (enum or boolean) field of a policy */
static int *
dl_pol_int(struct mmhs_dl_policy *pol, const struct dl_pol_field *f)
{
	return (int *) (void *) ((char *) pol + f->pf_off);
}

/* dl_pol_cint - read-only variant */
static int
dl_pol_cint(const struct mmhs_dl_policy *pol, const struct dl_pol_field *f)
{
	return *(const int *) (const void *) ((const char *) pol + f->pf_off);
}

/* mmhs_dl_policy_init - all defaults */
void
mmhs_dl_policy_init(struct mmhs_dl_policy *pol)
{
	memset(pol, 0, sizeof(*pol));
	pol->pl_further_dl_expansion_allowed = 1;
	pol->pl_orig_alt_recipient_removed = 1;
}

/* dl_parse_rdm - "unchanged", "removed" or "replaced:n,n,..." */
static int
dl_parse_rdm(const char *v, size_t n, struct mmhs_dl_policy *pol, char *err,
	size_t errlen)
{
	size_t i;
	long num;

	if (mmhs_text_ncaseeq(v, n, "unchanged")) {
		pol->pl_rdm = MMHS_DL_RDM_UNCHANGED;
		return 0;
	}
	if (mmhs_text_ncaseeq(v, n, "removed")) {
		pol->pl_rdm = MMHS_DL_RDM_REMOVED;
		return 0;
	}
	if (n < 9 || !mmhs_text_ncaseeq(v, 9, "replaced:"))
		return mmhs_text_error(err, errlen, "requested-delivery-method: "
		    "\"%.*s\" is not unchanged, removed or replaced:n[,n...]",
		    (int) (n > 60 ? 60 : n), v);
	pol->pl_rdm = MMHS_DL_RDM_REPLACED;
	pol->pl_nrdm = 0;
	i = 9;
	for (;;) {
		if (i >= n || v[i] < '0' || v[i] > '9')
			return mmhs_text_error(err, errlen, "requested-delivery-method:"
			    " expected a decimal number after \"%.*s\"",
			    (int) i, v);
		num = 0;
		while (i < n && v[i] >= '0' && v[i] <= '9') {
			num = num * 10 + (v[i] - '0');
			if (num > 255)
				return mmhs_text_error(err, errlen,
				    "requested-delivery-method: value too "
				    "large");
			i++;
		}
		if (pol->pl_nrdm >= MMHS_DL_RDM_MAX)
			return mmhs_text_error(err, errlen, "requested-delivery-method:"
			    " more than %d values", MMHS_DL_RDM_MAX);
		pol->pl_rdm_values[pol->pl_nrdm++] = (int) num;
		if (i == n)
			return 0;
		if (v[i] != ',')
			return mmhs_text_error(err, errlen, "requested-delivery-method:"
			    " unexpected '%c'", v[i]);
		i++;
	}
}

/* dl_parse_oids - "oid,oid,..." into dst, canonical (no spaces) */
static int
dl_parse_oids(const char *name, const char *v, size_t n, char *dst,
	char *err, size_t errlen)
{
	size_t i, o = 0;
	int need_digit = 1, arcs = 0;

	for (i = 0; i < n; i++) {
		char c = v[i];

		if (c == ' ')
			continue;
		if (c >= '0' && c <= '9') {
			need_digit = 0;
		} else if ((c == '.' || c == ',') && !need_digit) {
			if (c == '.')
				arcs++;
			else if (arcs == 0)
				return mmhs_text_error(err, errlen, "%s: an OID needs "
				    "at least two arcs", name);
			else
				arcs = 0;
			need_digit = 1;
		} else {
			return mmhs_text_error(err, errlen, "%s: \"%.*s\" is not a "
			    "comma-separated list of OIDs", name,
			    (int) (n > 60 ? 60 : n), v);
		}
		if (o >= MMHS_DL_OIDLIST_MAX)
			return mmhs_text_error(err, errlen, "%s: longer than %d "
			    "characters", name, MMHS_DL_OIDLIST_MAX);
		dst[o++] = c;
	}
	if (need_digit || arcs == 0)
		return mmhs_text_error(err, errlen, "%s: \"%.*s\" is not a "
		    "comma-separated list of OIDs", name,
		    (int) (n > 60 ? 60 : n), v);
	dst[o] = '\0';
	return 0;
}

/* mmhs_dl_policy_parse - parse a mhs-dl-policy value */
int
mmhs_dl_policy_parse(const char *str, struct mmhs_dl_policy *pol, char *err,
	size_t errlen)
{
	const struct dl_pol_field *f;
	const char *p, *name, *eq, *v, *end;
	size_t nlen, vlen, k;
	unsigned seen = 0;
	int j;

	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if (pol == NULL)
		return mmhs_text_error(err, errlen, "no result structure");
	mmhs_dl_policy_init(pol);
	if (str == NULL)
		return mmhs_text_error(err, errlen, "no DL policy");
	p = dl_skip_sp(str);
	if (*p == '\0')
		return mmhs_text_error(err, errlen, "empty DL policy");
	for (;;) {
		end = strchr(p, '$');
		if (end == NULL)
			end = p + strlen(p);
		eq = memchr(p, '=', (size_t) (end - p));
		if (eq == NULL)
			return mmhs_text_error(err, errlen, "field \"%.*s\" has no "
			    "'='", (int) (end - p > 60 ? 60 : end - p), p);
		name = p;
		nlen = (size_t) (eq - p);
		while (nlen > 0 && name[nlen - 1] == ' ')
			nlen--;
		v = dl_skip_sp(eq + 1);
		vlen = v < end ? (size_t) (end - v) : 0;
		while (vlen > 0 && v[vlen - 1] == ' ')
			vlen--;
		for (k = 0; k < DL_NPOL; k++)
			if (mmhs_text_ncaseeq(name, nlen, dl_pol_fields[k].pf_name))
				break;
		if (k == DL_NPOL)
			return mmhs_text_error(err, errlen, "unknown field \"%.*s\"",
			    (int) (nlen > 60 ? 60 : nlen), name);
		f = &dl_pol_fields[k];
		if (seen & (1u << k))
			return mmhs_text_error(err, errlen, "field %s given twice",
			    f->pf_name);
		seen |= 1u << k;
		if (vlen == 0)
			return mmhs_text_error(err, errlen, "field %s has no value",
			    f->pf_name);
		switch (f->pf_type) {
		case POL_ENUM:
			for (j = 0; f->pf_vals[j] != NULL; j++)
				if (mmhs_text_ncaseeq(v, vlen, f->pf_vals[j]))
					break;
			if (f->pf_vals[j] == NULL)
				return mmhs_text_error(err, errlen, "%s: unknown value "
				    "\"%.*s\"", f->pf_name,
				    (int) (vlen > 60 ? 60 : vlen), v);
			*dl_pol_int(pol, f) = j;
			break;
		case POL_BOOL:
			if (mmhs_text_ncaseeq(v, vlen, "TRUE"))
				*dl_pol_int(pol, f) = 1;
			else if (mmhs_text_ncaseeq(v, vlen, "FALSE"))
				*dl_pol_int(pol, f) = 0;
			else
				return mmhs_text_error(err, errlen, "%s: \"%.*s\" is "
				    "not TRUE or FALSE", f->pf_name,
				    (int) (vlen > 60 ? 60 : vlen), v);
			break;
		case POL_RDM:
			if (dl_parse_rdm(v, vlen, pol, err, errlen) < 0)
				return -1;
			break;
		case POL_OIDS:
			if (dl_parse_oids(f->pf_name, v, vlen,
			    (char *) pol + f->pf_off, err, errlen) < 0)
				return -1;
			break;
		}
		if (*end == '\0')
			return 0;
		p = dl_skip_sp(end + 1);
		if (*p == '\0')
			return mmhs_text_error(err, errlen, "empty field after '$'");
	}
}

/* mmhs_dl_policy_format - canonical form (non-default fields only) */
int
mmhs_dl_policy_format(const struct mmhs_dl_policy *pol, char *buf,
	size_t len)
{
	struct dl_out out = { buf, len, 0 };
	const struct dl_pol_field *f;
	const char *s;
	char num[16];
	size_t k;
	int v, i, first = 1;

	if (pol == NULL)
		return -1;
	for (k = 0; k < DL_NPOL; k++) {
		f = &dl_pol_fields[k];
		s = NULL;
		switch (f->pf_type) {
		case POL_ENUM:
			v = dl_pol_cint(pol, f);
			if (v < 0 || v >= 4 || f->pf_vals[v] == NULL)
				return -1;
			if (v != 0)
				s = f->pf_vals[v];
			break;
		case POL_BOOL:
			if (dl_pol_cint(pol, f) == 0)
				s = "FALSE";
			break;
		case POL_RDM:
			if (pol->pl_rdm == MMHS_DL_RDM_REMOVED)
				s = "removed";
			else if (pol->pl_rdm == MMHS_DL_RDM_REPLACED)
				s = "replaced:";
			break;
		case POL_OIDS:
			s = (const char *) pol + f->pf_off;
			if (*s == '\0')
				s = NULL;
			break;
		}
		if (s == NULL)
			continue;
		if (!first)
			dl_puts(&out, " $ ");
		first = 0;
		dl_puts(&out, f->pf_name);
		dl_puts(&out, "=");
		dl_puts(&out, s);
		if (f->pf_type == POL_RDM &&
		    pol->pl_rdm == MMHS_DL_RDM_REPLACED) {
			if (pol->pl_nrdm <= 0)
				return -1;
			for (i = 0; i < pol->pl_nrdm; i++) {
				snprintf(num, sizeof(num), "%s%d",
				    i > 0 ? "," : "", pol->pl_rdm_values[i]);
				dl_puts(&out, num);
			}
		}
	}
	return dl_finish(&out);
}

/* ------------------------------------------------------------------ */
/* Expanded recipients */

static const char *const dl_rcpt_kinds[] = { "rfc822", "x400", "none" };

/* mmhs_dl_recipient_parse - parse one mmhsExpandedRecipient value */
int
mmhs_dl_recipient_parse(const char *str, struct mmhs_dl_recipient *r,
	char *err, size_t errlen)
{
	const char *p, *colon, *lt, *end;
	size_t n;
	int k;

	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if (r == NULL)
		return mmhs_text_error(err, errlen, "no result structure");
	memset(r, 0, sizeof(*r));
	if (str == NULL)
		return mmhs_text_error(err, errlen, "no recipient");
	p = dl_skip_sp(str);
	if (strncmp(p, "remote ", 7) == 0) {
		r->dr_flags |= MMHS_DL_RCPT_REMOTE;
		p = dl_skip_sp(p + 7);
	} else if (strncmp(p, "list ", 5) == 0) {
		r->dr_flags |= MMHS_DL_RCPT_LIST;
		p = dl_skip_sp(p + 5);
	}
	colon = strchr(p, ':');
	if (colon == NULL)
		return mmhs_text_error(err, errlen, "recipient has no \"kind:\"");
	for (k = 0; k < 3; k++)
		if (mmhs_text_ncaseeq(p, (size_t) (colon - p), dl_rcpt_kinds[k]))
			break;
	if (k == 3)
		return mmhs_text_error(err, errlen, "unknown recipient kind \"%.*s\"",
		    (int) (colon - p > 20 ? 20 : colon - p), p);
	r->dr_kind = (enum mmhs_dl_rcpt_kind) k;
	p = colon + 1;
	/* rfc822 and x400 addresses never contain '<' */
	lt = strchr(p, '<');
	n = lt != NULL ? (size_t) (lt - p) : strlen(p);
	while (n > 0 && p[n - 1] == ' ')
		n--;
	r->dr_addr = p;
	r->dr_addrlen = n;
	if ((r->dr_kind == MMHS_DL_RCPT_NONE) != (n == 0))
		return mmhs_text_error(err, errlen, r->dr_kind == MMHS_DL_RCPT_NONE ?
		    "kind none takes no address" : "recipient has no address");
	if (lt != NULL) {
		if (dl_parse_dn(lt, &r->dr_dn, &r->dr_dnlen, &end, err,
		    errlen) < 0)
			return -1;
		if (*dl_skip_sp(end) != '\0')
			return mmhs_text_error(err, errlen, "text after the "
			    "directory name's closing '>'");
	} else if (r->dr_kind == MMHS_DL_RCPT_NONE) {
		return mmhs_text_error(err, errlen, "kind none needs a directory name");
	}
	return 0;
}

/* mmhs_dl_recipient_format - "[flag ]kind:address[ <dn>]" */
int
mmhs_dl_recipient_format(const struct mmhs_dl_recipient *r, char *buf,
	size_t len)
{
	struct dl_out out = { buf, len, 0 };

	if (r == NULL || (unsigned) r->dr_kind > MMHS_DL_RCPT_NONE)
		return -1;
	if (r->dr_flags & MMHS_DL_RCPT_REMOTE)
		dl_puts(&out, "remote ");
	else if (r->dr_flags & MMHS_DL_RCPT_LIST)
		dl_puts(&out, "list ");
	dl_puts(&out, dl_rcpt_kinds[r->dr_kind]);
	dl_puts(&out, ":");
	if (r->dr_addr != NULL)
		dl_putn(&out, r->dr_addr, r->dr_addrlen);
	if (r->dr_dn != NULL) {
		if (r->dr_addrlen > 0)
			dl_puts(&out, " ");
		dl_puts(&out, "<");
		dl_putn(&out, r->dr_dn, r->dr_dnlen);
		dl_puts(&out, ">");
	}
	return dl_finish(&out);
}
