/* mmhs_ess_conv.c - ESS security labels to and from struct mmhs_label
 *
 * The bridge between the DER form (mmhs_ess.c) and what access control
 * decides on (mmhs_label.c): see mmhs_ess.h for the mapping.  Only the
 * public API of both is used here.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "mmhs_ess.h"
#include "mmhs_mmhs.h"

/* conv_err - the one line of text for a failure; always -1 */
static int __attribute__((format(printf, 3, 4)))
conv_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err != NULL && errlen > 0) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return -1;
}

int
mmhs_ess_to_label(const struct mmhs_ess_label *el, struct mmhs_label *lb,
    char *err, size_t errlen)
{
	int i;

	memset(lb, 0, sizeof(*lb));
	if (!mmhs_label_oid_valid(el->el_policy))
		return conv_err(err, errlen, "security policy \"%s\" is not an "
		    "OID", el->el_policy);
	if (el->el_has_class && el->el_class > MMHS_LABEL_LEVEL_MAX)
		return conv_err(err, errlen, "security-classification above "
		    "%d", MMHS_LABEL_LEVEL_MAX);
	if (el->el_ncat < 0 || el->el_ncat > MMHS_LABEL_NCLCAT)
		return conv_err(err, errlen, "more than %d security categories",
		    MMHS_LABEL_NCLCAT);
	strcpy(lb->lb_policy, el->el_policy);
	lb->lb_level = el->el_has_class ? el->el_class : 0;
	for (i = 0; i < el->el_ncat; i++)
		strcpy(lb->lb_cat[i], el->el_cat[i].ec_type);
	lb->lb_ncat = el->el_ncat;
	return 0;
}

int
mmhs_ess_from_label(const struct mmhs_policy *p, const struct mmhs_label *lb,
    struct mmhs_ess_label *el, char *err, size_t errlen)
{
	static const unsigned char null_der[] = { 0x05, 0x00 };
	const struct mmhs_label_cat *k;
	const char *oid;
	int i;

	mmhs_ess_init(el);
	if (!mmhs_label_oid_valid(lb->lb_policy))
		return conv_err(err, errlen, "security policy \"%s\" is not an "
		    "OID", lb->lb_policy);
	if (lb->lb_level < 0 || lb->lb_level > MMHS_LABEL_LEVEL_MAX)
		return conv_err(err, errlen, "label level out of range");
	strcpy(el->el_policy, lb->lb_policy);
	el->el_has_class = 1;
	el->el_class = lb->lb_level;
	for (i = 0; i < lb->lb_ncat; i++) {
		oid = lb->lb_cat[i];
		if (!mmhs_label_oid_valid(oid)) {
			k = p != NULL ? mmhs_policy_cat(p, oid) : NULL;
			if (k == NULL)
				return conv_err(err, errlen, "category \"%s\" "
				    "is neither an OID nor in the policy", oid);
			oid = k->lk_oid;
		}
		if (mmhs_ess_add_cat(el, oid, null_der, sizeof(null_der),
		    err, errlen) < 0)
			return -1;
	}
	return 0;
}

int
mmhs_ess_from_siolabel(const struct mmhs_siolabel *sl,
    struct mmhs_ess_label *el, char *err, size_t errlen)
{
	mmhs_ess_init(el);
	if (sl->sl_type == NULL || strcmp(sl->sl_type, ":ess") != 0)
		return conv_err(err, errlen, "SIO-Label type is \"%s\", not "
		    "\":ess\"", sl->sl_type != NULL ? sl->sl_type : "");
	if (sl->sl_label == NULL || sl->sl_label_len == 0)
		return conv_err(err, errlen, "SIO-Label has no label");
	return mmhs_ess_decode(sl->sl_label, sl->sl_label_len, el, err,
	    errlen);
}
