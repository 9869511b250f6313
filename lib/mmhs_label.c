/* mmhs_label.c - security policies, clearances and label dominance
 *
 * Purpose: parse the '$'-separated security policy values of
 * schema/mmhs.schema (mmhsClassificationDef, mmhsCategoryDef,
 * mmhsLabelEquivalence, mmhsClearance / mmhsDomainCeiling), hold a
 * policy in a fixed-size struct, and decide label dominance, the one
 * access rule every agent applies (profiler, store, guards, gateways).
 *
 * Interface: see mmhs_label.h.
 *
 * Error behaviour: nothing here allocates, logs, exits or keeps state
 * (the acp133 slapd overlay compiles this file in).  A refused value
 * gives -1 and one line of text in the caller's buffer, suitable for an
 * LDAP diagnostic message.
 *
 * Syntax accepted (spaces around '$' are ignored, fields are never
 * empty):
 *
 *	class-def  = level "$" NAME [ "$" marking ]	; level 0..255
 *	cat-def    = NAME "$" kind "$" OID [ "$" marking ]
 *	kind       = "restrictive" / "permissive" / "informative"
 *	equiv      = NAME "$" OID "$" level
 *	clearance  = OID "$" NAME *( "$" NAME )
 *
 * NAME: 1..64 printable ASCII characters (no '$'); marking: 1..128
 * characters, no control characters and no '$'.  Levels are plain
 * decimal without sign or leading zeros.  Case is ignored when names
 * are compared; ctype is not used so the locale cannot change that.
 */

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "mmhs_ascii.h"
#include "mmhs_text.h"
#include "mmhs_label.h"

#define LBL_NFIELD	(MMHS_LABEL_NCLCAT + 2)

/* One field of a '$'-separated value: start and length in the input. */
struct lbl_field {
	const char *lf_ptr;
	size_t	lf_len;
};

/* lbl_eq - compare two strings ignoring ASCII case */
static int
lbl_eq(const char *a, const char *b)
{
	while (*a != '\0' && mmhs_ascii_lower((unsigned char)*a) ==
	    mmhs_ascii_lower((unsigned char)*b)) {
		a++;
		b++;
	}
	return *a == '\0' && *b == '\0';
}

/* lbl_field_is - does a field equal a keyword (any case)? */
static int
lbl_field_is(const struct lbl_field *f, const char *kw)
{
	size_t i;

	if (strlen(kw) != f->lf_len)
		return 0;
	for (i = 0; i < f->lf_len; i++)
		if (mmhs_ascii_lower((unsigned char)f->lf_ptr[i]) != kw[i])
			return 0;
	return 1;
}

/* lbl_split - cut str at '$' into trimmed fields; count or -1 */
static int
lbl_split(const char *str, struct lbl_field *fv, int max, char *err,
    size_t errlen)
{
	const char *p = str, *end;
	int n = 0;

	if (str == NULL || *str == '\0')
		return mmhs_text_error(err, errlen, "empty value");
	for (;;) {
		end = strchr(p, '$');
		if (end == NULL)
			end = p + strlen(p);
		if (n == max)
			return mmhs_text_error(err, errlen, "more than %d fields",
			    max);
		while (p < end && *p == ' ')
			p++;
		fv[n].lf_ptr = p;
		fv[n].lf_len = (size_t)(end - p);
		while (fv[n].lf_len > 0 && p[fv[n].lf_len - 1] == ' ')
			fv[n].lf_len--;
		if (fv[n].lf_len == 0)
			return mmhs_text_error(err, errlen, "field %d is empty",
			    n + 1);
		n++;
		if (*end == '\0')
			return n;
		p = end + 1;
	}
}

/* lbl_copy_name - copy a NAME field, checking length and characters */
static int
lbl_copy_name(const struct lbl_field *f, char *dst, const char *what,
    char *err, size_t errlen)
{
	size_t i;

	if (f->lf_len > MMHS_LABEL_NAME_MAX)
		return mmhs_text_error(err, errlen, "%s \"%.*s\" is longer than %d "
		    "characters", what, (int)f->lf_len, f->lf_ptr,
		    MMHS_LABEL_NAME_MAX);
	for (i = 0; i < f->lf_len; i++) {
		unsigned char c = (unsigned char)f->lf_ptr[i];

		if (c < 0x20 || c > 0x7e)
			return mmhs_text_error(err, errlen, "%s \"%.*s\" has a "
			    "character that is not printable ASCII", what,
			    (int)f->lf_len, f->lf_ptr);
	}
	memcpy(dst, f->lf_ptr, f->lf_len);
	dst[f->lf_len] = '\0';
	return 0;
}

/* lbl_copy_marking - copy a display marking field */
static int
lbl_copy_marking(const struct lbl_field *f, char *dst, char *err,
    size_t errlen)
{
	size_t i;

	if (f->lf_len > MMHS_LABEL_MARKING_MAX)
		return mmhs_text_error(err, errlen, "display marking is longer than "
		    "%d characters", MMHS_LABEL_MARKING_MAX);
	for (i = 0; i < f->lf_len; i++)
		if ((unsigned char)f->lf_ptr[i] < 0x20 ||
		    f->lf_ptr[i] == 0x7f)
			return mmhs_text_error(err, errlen, "display marking has a "
			    "control character");
	memcpy(dst, f->lf_ptr, f->lf_len);
	dst[f->lf_len] = '\0';
	return 0;
}

/* lbl_oid_ok - is the text a dotted-decimal OID? */
static int
lbl_oid_ok(const char *s, size_t len)
{
	size_t i, digits = 0;
	int arcs = 1;

	if (len == 0 || len > MMHS_LABEL_OID_MAX)
		return 0;
	for (i = 0; i < len; i++) {
		if (s[i] == '.') {
			if (digits == 0)
				return 0;
			digits = 0;
			arcs++;
		} else if (s[i] >= '0' && s[i] <= '9') {
			if (digits == 1 && s[i - 1] == '0')
				return 0;	/* leading zero */
			digits++;
		} else {
			return 0;
		}
	}
	if (digits == 0 || arcs < 2)
		return 0;
	return s[0] >= '0' && s[0] <= '2' && (s[1] == '.');
}

/* lbl_copy_oid - copy an OID field */
static int
lbl_copy_oid(const struct lbl_field *f, char *dst, const char *what,
    char *err, size_t errlen)
{
	if (!lbl_oid_ok(f->lf_ptr, f->lf_len))
		return mmhs_text_error(err, errlen, "%s \"%.*s\" is not a dotted-"
		    "decimal OID", what, (int)f->lf_len, f->lf_ptr);
	memcpy(dst, f->lf_ptr, f->lf_len);
	dst[f->lf_len] = '\0';
	return 0;
}

/* lbl_level - read a level field (0..MMHS_LABEL_LEVEL_MAX) */
static int
lbl_level(const struct lbl_field *f, int *level, char *err, size_t errlen)
{
	size_t i;
	int v = 0;

	for (i = 0; i < f->lf_len; i++) {
		if (f->lf_ptr[i] < '0' || f->lf_ptr[i] > '9' ||
		    (i == 1 && f->lf_ptr[0] == '0') || i >= 3)
			goto bad;
		v = v * 10 + (f->lf_ptr[i] - '0');
	}
	if (v > MMHS_LABEL_LEVEL_MAX)
		goto bad;
	*level = v;
	return 0;
bad:
	return mmhs_text_error(err, errlen, "level \"%.*s\" is not a number from 0 "
	    "to %d", (int)f->lf_len, f->lf_ptr, MMHS_LABEL_LEVEL_MAX);
}

int
mmhs_label_oid_valid(const char *s)
{
	return s != NULL && lbl_oid_ok(s, strlen(s));
}

int
mmhs_label_parse_class(const char *str, struct mmhs_label_class *c,
    char *err, size_t errlen)
{
	struct lbl_field fv[4];
	int n;

	n = lbl_split(str, fv, 3, err, errlen);
	if (n < 0)
		return -1;
	if (n < 2)
		return mmhs_text_error(err, errlen, "expected level$NAME[$marking]");
	memset(c, 0, sizeof(*c));
	if (lbl_level(&fv[0], &c->lc_level, err, errlen) < 0 ||
	    lbl_copy_name(&fv[1], c->lc_name, "classification name", err,
	    errlen) < 0)
		return -1;
	if (n == 3 && lbl_copy_marking(&fv[2], c->lc_marking, err,
	    errlen) < 0)
		return -1;
	return 0;
}

static const char *const lbl_kinds[] = {
	"restrictive", "permissive", "informative"
};

const char *
mmhs_label_catkind_name(enum mmhs_label_catkind kind)
{
	if ((unsigned)kind >= sizeof(lbl_kinds) / sizeof(lbl_kinds[0]))
		return NULL;
	return lbl_kinds[kind];
}

int
mmhs_label_parse_cat(const char *str, struct mmhs_label_cat *k, char *err,
    size_t errlen)
{
	struct lbl_field fv[5];
	int n;
	unsigned i;

	n = lbl_split(str, fv, 4, err, errlen);
	if (n < 0)
		return -1;
	if (n < 3)
		return mmhs_text_error(err, errlen, "expected NAME$kind$OID[$marking]");
	memset(k, 0, sizeof(*k));
	if (lbl_copy_name(&fv[0], k->lk_name, "category name", err,
	    errlen) < 0)
		return -1;
	for (i = 0; i < sizeof(lbl_kinds) / sizeof(lbl_kinds[0]); i++)
		if (lbl_field_is(&fv[1], lbl_kinds[i]))
			break;
	if (i == sizeof(lbl_kinds) / sizeof(lbl_kinds[0]))
		return mmhs_text_error(err, errlen, "category kind \"%.*s\" is not "
		    "restrictive, permissive or informative",
		    (int)fv[1].lf_len, fv[1].lf_ptr);
	k->lk_kind = (enum mmhs_label_catkind)i;
	if (lbl_copy_oid(&fv[2], k->lk_oid, "category OID", err, errlen) < 0)
		return -1;
	if (n == 4 && lbl_copy_marking(&fv[3], k->lk_marking, err,
	    errlen) < 0)
		return -1;
	return 0;
}

int
mmhs_label_parse_equiv(const char *str, struct mmhs_label_equiv *e,
    char *err, size_t errlen)
{
	struct lbl_field fv[4];
	int n;

	n = lbl_split(str, fv, 3, err, errlen);
	if (n < 0)
		return -1;
	if (n != 3)
		return mmhs_text_error(err, errlen, "expected NAME$partner policy "
		    "OID$partner level");
	memset(e, 0, sizeof(*e));
	if (lbl_copy_name(&fv[0], e->le_name, "classification name", err,
	    errlen) < 0 ||
	    lbl_copy_oid(&fv[1], e->le_policy, "partner policy", err,
	    errlen) < 0 ||
	    lbl_level(&fv[2], &e->le_level, err, errlen) < 0)
		return -1;
	return 0;
}

int
mmhs_clearance_parse(const char *str, struct mmhs_clearance *cl, char *err,
    size_t errlen)
{
	struct lbl_field fv[LBL_NFIELD];
	int n, i, j;

	n = lbl_split(str, fv, MMHS_LABEL_NCLCAT + 2, err, errlen);
	if (n < 0)
		return -1;
	if (n < 2)
		return mmhs_text_error(err, errlen, "expected policy OID$"
		    "CLASSIFICATION[$CATEGORY]...");
	memset(cl, 0, sizeof(*cl));
	if (lbl_copy_oid(&fv[0], cl->cl_policy, "policy", err, errlen) < 0 ||
	    lbl_copy_name(&fv[1], cl->cl_class, "classification name", err,
	    errlen) < 0)
		return -1;
	for (i = 2; i < n; i++) {
		if (lbl_copy_name(&fv[i], cl->cl_cat[cl->cl_ncat],
		    "category name", err, errlen) < 0)
			return -1;
		for (j = 0; j < cl->cl_ncat; j++)
			if (lbl_eq(cl->cl_cat[j], cl->cl_cat[cl->cl_ncat]))
				return mmhs_text_error(err, errlen, "category \"%s\" "
				    "is named twice", cl->cl_cat[j]);
		cl->cl_ncat++;
	}
	return 0;
}

int
mmhs_policy_init(struct mmhs_policy *p, const char *oid, char *err,
    size_t errlen)
{
	memset(p, 0, sizeof(*p));
	if (!mmhs_label_oid_valid(oid))
		return mmhs_text_error(err, errlen, "policy \"%s\" is not a dotted-"
		    "decimal OID", oid == NULL ? "" : oid);
	memcpy(p->sp_oid, oid, strlen(oid) + 1);
	return 0;
}

int
mmhs_policy_add_class(struct mmhs_policy *p, const char *str, char *err,
    size_t errlen)
{
	struct mmhs_label_class c;
	const struct mmhs_label_class *old;

	if (mmhs_label_parse_class(str, &c, err, errlen) < 0)
		return -1;
	if ((old = mmhs_policy_class_level(p, c.lc_level)) != NULL)
		return mmhs_text_error(err, errlen, "level %d is already the level "
		    "of %s", c.lc_level, old->lc_name);
	if ((old = mmhs_policy_class(p, c.lc_name)) != NULL)
		return mmhs_text_error(err, errlen, "classification %s is already "
		    "defined with level %d", c.lc_name, old->lc_level);
	if (p->sp_nclass == MMHS_LABEL_NCLASS)
		return mmhs_text_error(err, errlen, "more than %d classifications",
		    MMHS_LABEL_NCLASS);
	p->sp_class[p->sp_nclass++] = c;
	return 0;
}

int
mmhs_policy_add_cat(struct mmhs_policy *p, const char *str, char *err,
    size_t errlen)
{
	struct mmhs_label_cat k;
	const struct mmhs_label_cat *old;

	if (mmhs_label_parse_cat(str, &k, err, errlen) < 0)
		return -1;
	if ((old = mmhs_policy_cat(p, k.lk_name)) != NULL)
		return mmhs_text_error(err, errlen, "category %s is already defined",
		    k.lk_name);
	if ((old = mmhs_policy_cat(p, k.lk_oid)) != NULL)
		return mmhs_text_error(err, errlen, "category OID %s is already the "
		    "OID of %s", k.lk_oid, old->lk_name);
	if (p->sp_ncat == MMHS_LABEL_NCAT)
		return mmhs_text_error(err, errlen, "more than %d categories",
		    MMHS_LABEL_NCAT);
	p->sp_cat[p->sp_ncat++] = k;
	return 0;
}

int
mmhs_policy_add_equiv(struct mmhs_policy *p, const char *str, char *err,
    size_t errlen)
{
	struct mmhs_label_equiv e;
	int i;

	if (mmhs_label_parse_equiv(str, &e, err, errlen) < 0)
		return -1;
	if (mmhs_policy_class(p, e.le_name) == NULL)
		return mmhs_text_error(err, errlen, "classification %s is not "
		    "defined by this policy", e.le_name);
	if (strcmp(e.le_policy, p->sp_oid) == 0)
		return mmhs_text_error(err, errlen, "an equivalence must name "
		    "another policy, not this one");
	for (i = 0; i < p->sp_nequiv; i++)
		if (lbl_eq(p->sp_equiv[i].le_name, e.le_name) &&
		    strcmp(p->sp_equiv[i].le_policy, e.le_policy) == 0)
			return mmhs_text_error(err, errlen, "classification %s "
			    "already has an equivalent in policy %s",
			    e.le_name, e.le_policy);
	if (p->sp_nequiv == MMHS_LABEL_NEQUIV)
		return mmhs_text_error(err, errlen, "more than %d equivalences",
		    MMHS_LABEL_NEQUIV);
	p->sp_equiv[p->sp_nequiv++] = e;
	return 0;
}

const struct mmhs_label_class *
mmhs_policy_class(const struct mmhs_policy *p, const char *name)
{
	int i;

	for (i = 0; i < p->sp_nclass; i++)
		if (lbl_eq(p->sp_class[i].lc_name, name))
			return &p->sp_class[i];
	return NULL;
}

const struct mmhs_label_class *
mmhs_policy_class_level(const struct mmhs_policy *p, int level)
{
	int i;

	for (i = 0; i < p->sp_nclass; i++)
		if (p->sp_class[i].lc_level == level)
			return &p->sp_class[i];
	return NULL;
}

const struct mmhs_label_cat *
mmhs_policy_cat(const struct mmhs_policy *p, const char *name_or_oid)
{
	int i;

	for (i = 0; i < p->sp_ncat; i++)
		if (lbl_eq(p->sp_cat[i].lk_name, name_or_oid) ||
		    strcmp(p->sp_cat[i].lk_oid, name_or_oid) == 0)
			return &p->sp_cat[i];
	return NULL;
}

int
mmhs_clearance_check(const struct mmhs_policy *p,
    const struct mmhs_clearance *cl, char *err, size_t errlen)
{
	int i;

	if (strcmp(p->sp_oid, cl->cl_policy) != 0)
		return mmhs_text_error(err, errlen, "policy %s is not policy %s",
		    cl->cl_policy, p->sp_oid);
	if (mmhs_policy_class(p, cl->cl_class) == NULL)
		return mmhs_text_error(err, errlen, "classification \"%s\" is not "
		    "defined by policy %s", cl->cl_class, p->sp_oid);
	for (i = 0; i < cl->cl_ncat; i++)
		if (mmhs_policy_cat(p, cl->cl_cat[i]) == NULL)
			return mmhs_text_error(err, errlen, "category \"%s\" is not "
			    "defined by policy %s", cl->cl_cat[i], p->sp_oid);
	return 0;
}

/* lbl_holds - does the clearance hold category k? */
static int
lbl_holds(const struct mmhs_policy *p, const struct mmhs_clearance *cl,
    const struct mmhs_label_cat *k)
{
	int i;

	for (i = 0; i < cl->cl_ncat; i++)
		if (mmhs_policy_cat(p, cl->cl_cat[i]) == k)
			return 1;
	return 0;
}

int
mmhs_label_dominates_explain(const struct mmhs_policy *p,
    const struct mmhs_clearance *cl, const struct mmhs_label *lb,
    char *err, size_t errlen)
{
	const struct mmhs_label_class *c;
	const struct mmhs_label_cat *k;
	int i, npermissive = 0, shared = 0;

	if (p == NULL || cl == NULL || lb == NULL) {
		mmhs_text_error(err, errlen, "no policy, clearance or label");
		return 0;
	}
	if (strcmp(lb->lb_policy, p->sp_oid) != 0 ||
	    strcmp(cl->cl_policy, p->sp_oid) != 0) {
		mmhs_text_error(err, errlen, "label policy %s, clearance policy %s "
		    "and policy %s differ", lb->lb_policy, cl->cl_policy,
		    p->sp_oid);
		return 0;
	}
	if ((c = mmhs_policy_class(p, cl->cl_class)) == NULL) {
		mmhs_text_error(err, errlen, "clearance classification \"%s\" is "
		    "not defined", cl->cl_class);
		return 0;
	}
	if (mmhs_policy_class_level(p, lb->lb_level) == NULL) {
		mmhs_text_error(err, errlen, "label level %d is not defined",
		    lb->lb_level);
		return 0;
	}
	if (lb->lb_level > c->lc_level) {
		mmhs_text_error(err, errlen, "label level %d is above %s (%d)",
		    lb->lb_level, c->lc_name, c->lc_level);
		return 0;
	}
	for (i = 0; i < cl->cl_ncat; i++)
		if (mmhs_policy_cat(p, cl->cl_cat[i]) == NULL) {
			mmhs_text_error(err, errlen, "clearance category \"%s\" is "
			    "not defined", cl->cl_cat[i]);
			return 0;
		}
	for (i = 0; i < lb->lb_ncat; i++) {
		if ((k = mmhs_policy_cat(p, lb->lb_cat[i])) == NULL) {
			mmhs_text_error(err, errlen, "label category \"%s\" is not "
			    "defined", lb->lb_cat[i]);
			return 0;
		}
		switch (k->lk_kind) {
		case MMHS_CAT_RESTRICTIVE:
			if (!lbl_holds(p, cl, k)) {
				mmhs_text_error(err, errlen, "restrictive category "
				    "%s is not held", k->lk_name);
				return 0;
			}
			break;
		case MMHS_CAT_PERMISSIVE:
			npermissive++;
			shared += lbl_holds(p, cl, k);
			break;
		case MMHS_CAT_INFORMATIVE:
			break;
		}
	}
	if (npermissive > 0 && shared == 0) {
		mmhs_text_error(err, errlen, "none of the label's %d permissive "
		    "categories is held", npermissive);
		return 0;
	}
	return 1;
}

int
mmhs_label_dominates(const struct mmhs_policy *p,
    const struct mmhs_clearance *cl, const struct mmhs_label *lb)
{
	return mmhs_label_dominates_explain(p, cl, lb, NULL, 0);
}
