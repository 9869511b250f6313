/* mmhs_pki_clear.c - clearance in certificates (RFC 5755 section 4.4.6)
 *
 *   SubjectDirectoryAttributes ::= SEQUENCE SIZE (1..MAX) OF Attribute
 *   Attribute ::= SEQUENCE { type OBJECT IDENTIFIER, values SET OF ANY }
 *   Clearance ::= SEQUENCE {
 *     policyId OBJECT IDENTIFIER,
 *     classList ClassList DEFAULT { unclassified },
 *     securityCategories SET OF SecurityCategory OPTIONAL }
 *   ClassList ::= BIT STRING   -- bit n: classification level n
 *   SecurityCategory ::= SEQUENCE {
 *     type [0] IMPLICIT OBJECT IDENTIFIER, value [1] EXPLICIT ANY }
 *
 * The attribute type is id-at-clearance 2.5.4.55; RFC 3281's 2.5.1.5.55
 * is read too (RFC 5755 asks for that).  A clearance holds every level
 * of the policy up to its highest, so every such bit is written and the
 * highest bit set is read back.  Category values are ASN.1 NULL as in
 * the labels (lib/mmhs_ess.h): the policy names categories by OID alone.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/asn1t.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/x509v3.h>

#include "mmhs_pki.h"
#include "mmhs_pki_int.h"

#define OID_CLEARANCE		"2.5.4.55"
#define OID_CLEARANCE_3281	"2.5.1.5.55"

typedef struct {
	ASN1_OBJECT *type;
	ASN1_TYPE *value;
} PKI_SECCAT;

DEFINE_STACK_OF(PKI_SECCAT)

typedef struct {
	ASN1_OBJECT *policy;
	ASN1_BIT_STRING *classes;
	STACK_OF(PKI_SECCAT) *cats;
} PKI_CLEARANCE;

typedef struct {
	ASN1_OBJECT *type;
	STACK_OF(ASN1_TYPE) *values;
} PKI_ATTR;

DEFINE_STACK_OF(PKI_ATTR)

typedef STACK_OF(PKI_ATTR) PKI_SDA;

ASN1_SEQUENCE(PKI_SECCAT) = {
	ASN1_IMP(PKI_SECCAT, type, ASN1_OBJECT, 0),
	ASN1_EXP(PKI_SECCAT, value, ASN1_ANY, 1),
} static_ASN1_SEQUENCE_END(PKI_SECCAT)

ASN1_SEQUENCE(PKI_CLEARANCE) = {
	ASN1_SIMPLE(PKI_CLEARANCE, policy, ASN1_OBJECT),
	ASN1_OPT(PKI_CLEARANCE, classes, ASN1_BIT_STRING),
	ASN1_SET_OF_OPT(PKI_CLEARANCE, cats, PKI_SECCAT),
} static_ASN1_SEQUENCE_END(PKI_CLEARANCE)

ASN1_SEQUENCE(PKI_ATTR) = {
	ASN1_SIMPLE(PKI_ATTR, type, ASN1_OBJECT),
	ASN1_SET_OF(PKI_ATTR, values, ASN1_ANY),
} static_ASN1_SEQUENCE_END(PKI_ATTR)

ASN1_ITEM_TEMPLATE(PKI_SDA) =
	ASN1_EX_TEMPLATE_TYPE(ASN1_TFLG_SEQUENCE_OF, 0, attrs, PKI_ATTR)
static_ASN1_ITEM_TEMPLATE_END(PKI_SDA)

#define PKI_NEW(T)	((T *) ASN1_item_new(ASN1_ITEM_rptr(T)))
#define PKI_FREE(T, v)	ASN1_item_free((ASN1_VALUE *) (v), ASN1_ITEM_rptr(T))

/* clear_is_type - is the attribute type id-at-clearance (either OID)? */
static int
clear_is_type(const ASN1_OBJECT *o)
{
	char buf[64];

	if (OBJ_obj2txt(buf, sizeof(buf), o, 1) <= 0)
		return 0;
	return strcmp(buf, OID_CLEARANCE) == 0 ||
	    strcmp(buf, OID_CLEARANCE_3281) == 0;
}

/* clear_d2i - one Clearance value, DER only; NULL when malformed */
static PKI_CLEARANCE *
clear_d2i(const ASN1_TYPE *v)
{
	const unsigned char *p, *end;
	PKI_CLEARANCE *c;

	if (v->type != V_ASN1_SEQUENCE || v->value.sequence == NULL)
		return NULL;
	p = v->value.sequence->data;
	end = p + v->value.sequence->length;
	c = (PKI_CLEARANCE *) ASN1_item_d2i(NULL, &p,
	    v->value.sequence->length, ASN1_ITEM_rptr(PKI_CLEARANCE));
	if (c != NULL && p != end) {
		PKI_FREE(PKI_CLEARANCE, c);
		return NULL;
	}
	return c;
}

/* clear_to_struct - c as a clearance of p into cl; 0 or -1 */
static int
clear_to_struct(const PKI_CLEARANCE *c, const struct mmhs_policy *p,
    struct mmhs_clearance *cl, char *err, size_t errlen)
{
	const struct mmhs_label_class *k = NULL;
	const struct mmhs_label_cat *cat;
	char oid[MMHS_LABEL_OID_MAX + 1];
	int i, level = 1;	/* DEFAULT { unclassified } */

	if (c->classes != NULL) {
		level = -1;
		for (i = 0; i < c->classes->length * 8; i++)
			if (ASN1_BIT_STRING_get_bit(c->classes, i))
				level = i;
	}
	if (level < 0 || (k = mmhs_policy_class_level(p, level)) == NULL) {
		mmhs_pki_err(err, errlen, "certificate clearance: level %d is "
		    "not a classification of policy %s", level, p->sp_oid);
		return -1;
	}
	memset(cl, 0, sizeof(*cl));
	snprintf(cl->cl_policy, sizeof(cl->cl_policy), "%s", p->sp_oid);
	snprintf(cl->cl_class, sizeof(cl->cl_class), "%s", k->lc_name);
	for (i = 0; i < sk_PKI_SECCAT_num(c->cats); i++) {
		if (OBJ_obj2txt(oid, sizeof(oid),
		    sk_PKI_SECCAT_value(c->cats, i)->type, 1) <= 0 ||
		    (cat = mmhs_policy_cat(p, oid)) == NULL) {
			mmhs_pki_err(err, errlen, "certificate clearance: "
			    "category %s is not one of policy %s", oid,
			    p->sp_oid);
			return -1;
		}
		if (cl->cl_ncat == MMHS_LABEL_NCLCAT) {
			mmhs_pki_err(err, errlen, "certificate clearance: more "
			    "than %d categories", MMHS_LABEL_NCLCAT);
			return -1;
		}
		snprintf(cl->cl_cat[cl->cl_ncat++], sizeof(cl->cl_cat[0]),
		    "%s", cat->lk_name);
	}
	return 0;
}

/* clear_find - the clearance of policy p among the attributes; 1, 0
 * (no clearance attribute at all) or -1 */
static int
clear_find(PKI_SDA *sda, const struct mmhs_policy *p,
    struct mmhs_clearance *cl, char *err, size_t errlen)
{
	PKI_CLEARANCE *c;
	PKI_ATTR *a;
	char oid[MMHS_LABEL_OID_MAX + 1];
	int i, j, seen = 0, rc;

	for (i = 0; i < sk_PKI_ATTR_num(sda); i++) {
		a = sk_PKI_ATTR_value(sda, i);
		if (!clear_is_type(a->type))
			continue;
		for (j = 0; j < sk_ASN1_TYPE_num(a->values); j++) {
			if ((c = clear_d2i(sk_ASN1_TYPE_value(a->values,
			    j))) == NULL) {
				mmhs_pki_err(err, errlen, "certificate "
				    "clearance: malformed Clearance");
				return -1;
			}
			seen++;
			if (OBJ_obj2txt(oid, sizeof(oid), c->policy, 1) > 0 &&
			    strcmp(oid, p->sp_oid) == 0) {
				rc = clear_to_struct(c, p, cl, err, errlen);
				PKI_FREE(PKI_CLEARANCE, c);
				return rc < 0 ? -1 : 1;
			}
			PKI_FREE(PKI_CLEARANCE, c);
		}
	}
	if (seen > 0) {
		mmhs_pki_err(err, errlen, "certificate clearance is not of "
		    "policy %s", p->sp_oid);
		return -1;
	}
	return 0;
}

int
mmhs_pki_cert_clearance(X509 *cert, const struct mmhs_policy *p,
    struct mmhs_clearance *cl, char *err, size_t errlen)
{
	const ASN1_OCTET_STRING *v;
	const unsigned char *d;
	PKI_SDA *sda;
	int pos, rc;

	pos = X509_get_ext_by_NID(cert, NID_subject_directory_attributes, -1);
	if (pos < 0)
		return 0;
	v = X509_EXTENSION_get_data(X509_get_ext(cert, pos));
	d = v->data;
	sda = (PKI_SDA *) ASN1_item_d2i(NULL, &d, v->length,
	    ASN1_ITEM_rptr(PKI_SDA));
	if (sda == NULL || d != v->data + v->length) {
		mmhs_pki_err(err, errlen, "malformed subjectDirectoryAttributes");
		ASN1_item_free((ASN1_VALUE *) sda, ASN1_ITEM_rptr(PKI_SDA));
		ERR_clear_error();
		return -1;
	}
	rc = clear_find(sda, p, cl, err, errlen);
	ASN1_item_free((ASN1_VALUE *) sda, ASN1_ITEM_rptr(PKI_SDA));
	ERR_clear_error();
	return rc;
}

/* clear_build - the Clearance of cl as a template value, or NULL */
static PKI_CLEARANCE *
clear_build(const struct mmhs_policy *p, const struct mmhs_clearance *cl,
    char *err, size_t errlen)
{
	const struct mmhs_label_class *k = mmhs_policy_class(p, cl->cl_class);
	const struct mmhs_label_cat *cat;
	PKI_CLEARANCE *c;
	PKI_SECCAT *sc;
	int i;

	if ((c = PKI_NEW(PKI_CLEARANCE)) == NULL ||
	    (c->policy = OBJ_txt2obj(p->sp_oid, 1)) == NULL ||
	    (c->classes = ASN1_BIT_STRING_new()) == NULL)
		goto oom;
	for (i = 0; i < p->sp_nclass; i++)
		if (p->sp_class[i].lc_level <= k->lc_level &&
		    !ASN1_BIT_STRING_set_bit(c->classes,
		    p->sp_class[i].lc_level, 1))
			goto oom;
	for (i = 0; i < cl->cl_ncat; i++) {
		cat = mmhs_policy_cat(p, cl->cl_cat[i]);
		if ((c->cats == NULL &&
		    (c->cats = sk_PKI_SECCAT_new_null()) == NULL) ||
		    (sc = PKI_NEW(PKI_SECCAT)) == NULL)
			goto oom;
		if (!sk_PKI_SECCAT_push(c->cats, sc)) {
			PKI_FREE(PKI_SECCAT, sc);
			goto oom;
		}
		/* the template made sc->value already (not OPTIONAL) */
		if ((sc->type = OBJ_txt2obj(cat->lk_oid, 1)) == NULL ||
		    (sc->value == NULL && (sc->value = ASN1_TYPE_new()) ==
		    NULL))
			goto oom;
		ASN1_TYPE_set(sc->value, V_ASN1_NULL, NULL);
	}
	return c;
oom:
	mmhs_pki_err(err, errlen, "cannot build the clearance: %s",
	    mmhs_pki_ssl_reason());
	PKI_FREE(PKI_CLEARANCE, c);
	return NULL;
}

/* clear_wrap - the SubjectDirectoryAttributes holding c, as DER */
static int
clear_wrap(PKI_CLEARANCE *c, unsigned char **der, size_t *len)
{
	PKI_SDA *sda = sk_PKI_ATTR_new_null();
	PKI_ATTR *a = PKI_NEW(PKI_ATTR);
	ASN1_STRING *seq = ASN1_STRING_new();
	ASN1_TYPE *t = ASN1_TYPE_new();
	unsigned char *inner = NULL;
	int n, rc = -1;

	*der = NULL;
	if (sda == NULL || a == NULL || seq == NULL || t == NULL)
		goto done;
	if ((n = ASN1_item_i2d((ASN1_VALUE *) c, &inner,
	    ASN1_ITEM_rptr(PKI_CLEARANCE))) <= 0 ||
	    !ASN1_STRING_set(seq, inner, n))
		goto done;
	ASN1_TYPE_set(t, V_ASN1_SEQUENCE, seq);
	seq = NULL;
	if ((a->type = OBJ_txt2obj(OID_CLEARANCE, 1)) == NULL ||
	    (a->values == NULL &&
	    (a->values = sk_ASN1_TYPE_new_null()) == NULL) ||
	    !sk_ASN1_TYPE_push(a->values, t))
		goto done;
	t = NULL;
	if (!sk_PKI_ATTR_push(sda, a))
		goto done;
	a = NULL;
	if ((n = ASN1_item_i2d((ASN1_VALUE *) sda, der,
	    ASN1_ITEM_rptr(PKI_SDA))) <= 0)
		goto done;
	*len = (size_t) n;
	rc = 0;
done:
	OPENSSL_free(inner);
	ASN1_STRING_free(seq);
	ASN1_TYPE_free(t);
	PKI_FREE(PKI_ATTR, a);
	ASN1_item_free((ASN1_VALUE *) sda, ASN1_ITEM_rptr(PKI_SDA));
	return rc;
}

int
mmhs_pki_clearance_der(const struct mmhs_policy *p,
    const struct mmhs_clearance *cl, unsigned char **der, size_t *len,
    char *err, size_t errlen)
{
	PKI_CLEARANCE *c;
	unsigned char *ossl = NULL;
	int rc;

	*der = NULL;
	*len = 0;
	if (mmhs_clearance_check(p, cl, err, errlen) < 0)
		return -1;
	if ((c = clear_build(p, cl, err, errlen)) == NULL)
		return -1;
	rc = clear_wrap(c, &ossl, len);
	PKI_FREE(PKI_CLEARANCE, c);
	if (rc == 0 && (*der = malloc(*len)) != NULL)
		memcpy(*der, ossl, *len);
	OPENSSL_free(ossl);
	if (rc < 0 || *der == NULL) {
		mmhs_pki_err(err, errlen, "cannot encode the clearance: %s",
		    mmhs_pki_ssl_reason());
		*len = 0;
		return -1;
	}
	return 0;
}
