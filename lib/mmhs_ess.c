/* mmhs_ess.c - ESS SecurityLabel and EquivalentLabels with OpenSSL ASN.1
 *
 * ESSSecurityLabel is a SET, which OpenSSL's templates do not have.  In
 * DER the components of a SET appear sorted by tag (X.690 10.3), and an
 * untagged CHOICE sorts by the tag of the alternative chosen, so the
 * order is fixed: INTEGER (2), OBJECT IDENTIFIER (6), UTF8String (12),
 * SET OF (17), PrintableString (19).  The label is therefore a SEQUENCE
 * of those five, the privacy mark split in its two alternatives, with
 * the outer tag changed to SET by an IMPLICIT [UNIVERSAL 17] template.
 * OpenSSL itself sorts the components of a SET by their encodings, as
 * for a SET OF, which puts a PrintableString (0x13) before the SET OF
 * categories (0x31); that one other order is accepted when decoding,
 * never written.  Any other order, indefinite lengths and the like are
 * BER, not DER: every decoded value is encoded again (in the positions
 * it was found in) and must give the same bytes.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/asn1.h>
#include <openssl/asn1t.h>
#include <openssl/objects.h>

#include "mmhs_ess.h"

typedef struct {
	ASN1_OBJECT *type;
	ASN1_TYPE *value;
} MMHS_ESS_CAT;

DEFINE_STACK_OF(MMHS_ESS_CAT)

typedef struct {
	ASN1_INTEGER *classification;
	ASN1_OBJECT *policy;
	ASN1_UTF8STRING *mark_utf8;
	ASN1_PRINTABLESTRING *mark_print_early;
	STACK_OF(MMHS_ESS_CAT) *cats;
	ASN1_PRINTABLESTRING *mark_print;
} MMHS_ESS_FIELDS;

DEFINE_STACK_OF(MMHS_ESS_FIELDS)

ASN1_SEQUENCE(MMHS_ESS_CAT) = {
	ASN1_IMP(MMHS_ESS_CAT, type, ASN1_OBJECT, 0),
	ASN1_EXP(MMHS_ESS_CAT, value, ASN1_ANY, 1),
} static_ASN1_SEQUENCE_END(MMHS_ESS_CAT)

ASN1_SEQUENCE(MMHS_ESS_FIELDS) = {
	ASN1_OPT(MMHS_ESS_FIELDS, classification, ASN1_INTEGER),
	ASN1_SIMPLE(MMHS_ESS_FIELDS, policy, ASN1_OBJECT),
	ASN1_OPT(MMHS_ESS_FIELDS, mark_utf8, ASN1_UTF8STRING),
	ASN1_OPT(MMHS_ESS_FIELDS, mark_print_early, ASN1_PRINTABLESTRING),
	ASN1_SET_OF_OPT(MMHS_ESS_FIELDS, cats, MMHS_ESS_CAT),
	ASN1_OPT(MMHS_ESS_FIELDS, mark_print, ASN1_PRINTABLESTRING),
} static_ASN1_SEQUENCE_END(MMHS_ESS_FIELDS)

ASN1_ITEM_TEMPLATE(MMHS_ESS_LABEL) =
	ASN1_EX_TEMPLATE_TYPE(ASN1_TFLG_IMPTAG | ASN1_TFLG_UNIVERSAL,
	    V_ASN1_SET, label, MMHS_ESS_FIELDS)
static_ASN1_ITEM_TEMPLATE_END(MMHS_ESS_LABEL)

ASN1_ITEM_TEMPLATE(MMHS_ESS_EQUIV) =
	ASN1_EX_TEMPLATE_TYPE(ASN1_TFLG_SEQUENCE_OF, 0, labels,
	    MMHS_ESS_LABEL)
static_ASN1_ITEM_TEMPLATE_END(MMHS_ESS_EQUIV)

/* ess_err - the one line of text for a failure; always -1 */
static int __attribute__((format(printf, 3, 4)))
ess_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err != NULL && errlen > 0) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return -1;
}

void
mmhs_ess_init(struct mmhs_ess_label *el)
{
	memset(el, 0, sizeof(*el));
}

void
mmhs_ess_free(struct mmhs_ess_label *el)
{
	int i;

	for (i = 0; i < el->el_ncat; i++)
		free(el->el_cat[i].ec_value);
	mmhs_ess_init(el);
}

/* ess_oid_text - dotted text of obj into buf; 0 or -1 */
static int
ess_oid_text(const ASN1_OBJECT *obj, char *buf, size_t len)
{
	int n;

	n = OBJ_obj2txt(buf, (int) len, obj, 1);
	if (n <= 0 || (size_t) n >= len || !mmhs_label_oid_valid(buf))
		return -1;
	return 0;
}

/* ess_oid_obj - a new object from dotted text, or NULL */
static ASN1_OBJECT *
ess_oid_obj(const char *text)
{
	if (!mmhs_label_oid_valid(text))
		return NULL;
	return OBJ_txt2obj(text, 1);
}

/*
 * ess_mark_check - is the mark a valid PrintableString (utf8 == 0) or
 * UTF-8 text, 1..MMHS_ESS_MARK_MAX characters, without NUL?
 */
static int
ess_mark_check(const unsigned char *s, size_t len, int utf8)
{
	if (len == 0 || memchr(s, '\0', len) != NULL)
		return -1;
	if (ASN1_mbstring_ncopy(NULL, s, (int) len,
	    utf8 ? MBSTRING_UTF8 : MBSTRING_ASC,
	    utf8 ? B_ASN1_UTF8STRING : B_ASN1_PRINTABLESTRING,
	    1, MMHS_ESS_MARK_MAX) < 0)
		return -1;
	return 0;
}

int
mmhs_ess_add_cat(struct mmhs_ess_label *el, const char *type_oid,
    const unsigned char *value, size_t value_len, char *err, size_t errlen)
{
	struct mmhs_ess_cat *c;

	if (el->el_ncat >= MMHS_LABEL_NCLCAT)
		return ess_err(err, errlen, "more than %d security categories",
		    MMHS_LABEL_NCLCAT);
	if (!mmhs_label_oid_valid(type_oid) ||
	    strlen(type_oid) > MMHS_LABEL_OID_MAX)
		return ess_err(err, errlen,
		    "security category type \"%s\" is not an OID", type_oid);
	if (value_len == 0)
		return ess_err(err, errlen,
		    "security category %s has an empty value", type_oid);
	c = &el->el_cat[el->el_ncat];
	if ((c->ec_value = malloc(value_len)) == NULL)
		return ess_err(err, errlen, "out of memory");
	memcpy(c->ec_value, value, value_len);
	c->ec_value_len = value_len;
	strcpy(c->ec_type, type_oid);
	el->el_ncat++;
	return 0;
}

/* ess_from_fields - decoded template -> el; 0 or -1 */
static int
ess_from_fields(const MMHS_ESS_FIELDS *f, struct mmhs_ess_label *el,
    char *err, size_t errlen)
{
	const ASN1_STRING *mark;
	MMHS_ESS_CAT *c;
	unsigned char *val;
	int64_t v;
	int i, n;

	if (ess_oid_text(f->policy, el->el_policy, sizeof(el->el_policy)) < 0)
		return ess_err(err, errlen,
		    "security-policy-identifier is not a usable OID");
	if (f->classification != NULL) {
		if (!ASN1_INTEGER_get_int64(&v, f->classification) ||
		    v < 0 || v > MMHS_ESS_CLASS_MAX)
			return ess_err(err, errlen,
			    "security-classification out of range 0..%d",
			    MMHS_ESS_CLASS_MAX);
		el->el_has_class = 1;
		el->el_class = (int) v;
	}
	if ((f->mark_utf8 != NULL) + (f->mark_print != NULL) +
	    (f->mark_print_early != NULL) > 1)
		return ess_err(err, errlen, "more than one privacy-mark");
	mark = f->mark_utf8 != NULL ? f->mark_utf8 : f->mark_print != NULL ?
	    f->mark_print : f->mark_print_early;
	if (mark != NULL) {
		if (ess_mark_check(mark->data, (size_t) mark->length,
		    mark == f->mark_utf8) < 0)
			return ess_err(err, errlen, "privacy-mark is not a valid "
			    "%s of 1..128 characters", mark == f->mark_utf8 ?
			    "UTF8String" : "PrintableString");
		if ((size_t) mark->length >= sizeof(el->el_mark))
			return ess_err(err, errlen, "privacy-mark too long");
		memcpy(el->el_mark, mark->data, (size_t) mark->length);
		el->el_mark[mark->length] = '\0';
		el->el_has_mark = 1;
		el->el_mark_utf8 = mark == f->mark_utf8;
	}
	n = sk_MMHS_ESS_CAT_num(f->cats);
	if (n > MMHS_LABEL_NCLCAT)
		return ess_err(err, errlen, "more than %d security categories",
		    MMHS_LABEL_NCLCAT);
	for (i = 0; i < n; i++) {
		struct mmhs_ess_cat *ec = &el->el_cat[el->el_ncat];
		int len;

		c = sk_MMHS_ESS_CAT_value(f->cats, i);
		if (ess_oid_text(c->type, ec->ec_type, sizeof(ec->ec_type)) < 0)
			return ess_err(err, errlen, "security category type "
			    "is not a usable OID");
		val = NULL;
		if ((len = i2d_ASN1_TYPE(c->value, &val)) <= 0)
			return ess_err(err, errlen, "security category %s: "
			    "value cannot be encoded", ec->ec_type);
		if ((ec->ec_value = malloc((size_t) len)) == NULL) {
			OPENSSL_free(val);
			return ess_err(err, errlen, "out of memory");
		}
		memcpy(ec->ec_value, val, (size_t) len);
		OPENSSL_free(val);
		ec->ec_value_len = (size_t) len;
		el->el_ncat++;
	}
	return 0;
}

/* ess_to_fields - el -> a new template value, or NULL */
static MMHS_ESS_FIELDS *
ess_to_fields(const struct mmhs_ess_label *el, char *err, size_t errlen)
{
	MMHS_ESS_FIELDS *f;
	MMHS_ESS_CAT *c;
	ASN1_STRING *mark;
	const unsigned char *p;
	size_t marklen;
	int i;

	f = (MMHS_ESS_FIELDS *) ASN1_item_new(ASN1_ITEM_rptr(MMHS_ESS_FIELDS));
	if (f == NULL) {
		ess_err(err, errlen, "out of memory");
		return NULL;
	}
	ASN1_OBJECT_free(f->policy);
	if ((f->policy = ess_oid_obj(el->el_policy)) == NULL) {
		ess_err(err, errlen, "security policy \"%s\" is not an OID",
		    el->el_policy);
		goto fail;
	}
	if (el->el_has_class) {
		if (el->el_class < 0 || el->el_class > MMHS_ESS_CLASS_MAX) {
			ess_err(err, errlen, "security-classification out of "
			    "range 0..%d", MMHS_ESS_CLASS_MAX);
			goto fail;
		}
		if ((f->classification = ASN1_INTEGER_new()) == NULL ||
		    !ASN1_INTEGER_set_int64(f->classification, el->el_class))
			goto oom;
	}
	if (el->el_has_mark) {
		marklen = strnlen(el->el_mark, sizeof(el->el_mark));
		if (marklen == sizeof(el->el_mark) ||
		    ess_mark_check((const unsigned char *) el->el_mark,
		    marklen, el->el_mark_utf8) < 0) {
			ess_err(err, errlen, "privacy mark \"%s\" is not a valid "
			    "ESSPrivacyMark", el->el_mark);
			goto fail;
		}
		mark = el->el_mark_utf8 ? ASN1_UTF8STRING_new() :
		    ASN1_PRINTABLESTRING_new();
		if (mark == NULL)
			goto oom;
		if (el->el_mark_utf8)
			f->mark_utf8 = mark;
		else
			f->mark_print = mark;
		if (!ASN1_STRING_set(mark, el->el_mark, (int) marklen))
			goto oom;
	}
	if (el->el_ncat < 0 || el->el_ncat > MMHS_LABEL_NCLCAT) {
		ess_err(err, errlen, "more than %d security categories",
		    MMHS_LABEL_NCLCAT);
		goto fail;
	}
	if (el->el_ncat > 0 && (f->cats = sk_MMHS_ESS_CAT_new_null()) == NULL)
		goto oom;
	for (i = 0; i < el->el_ncat; i++) {
		const struct mmhs_ess_cat *ec = &el->el_cat[i];

		c = (MMHS_ESS_CAT *) ASN1_item_new(
		    ASN1_ITEM_rptr(MMHS_ESS_CAT));
		if (c == NULL)
			goto oom;
		if (!sk_MMHS_ESS_CAT_push(f->cats, c)) {
			ASN1_item_free((ASN1_VALUE *) c,
			    ASN1_ITEM_rptr(MMHS_ESS_CAT));
			goto oom;
		}
		ASN1_OBJECT_free(c->type);
		if ((c->type = ess_oid_obj(ec->ec_type)) == NULL) {
			ess_err(err, errlen, "security category type \"%s\" "
			    "is not an OID", ec->ec_type);
			goto fail;
		}
		p = ec->ec_value;
		ASN1_TYPE_free(c->value);
		c->value = NULL;
		if (ec->ec_value_len == 0 || ec->ec_value_len > 65536 ||
		    d2i_ASN1_TYPE(&c->value, &p, (long) ec->ec_value_len) ==
		    NULL || p != ec->ec_value + ec->ec_value_len) {
			ess_err(err, errlen, "security category %s: the value "
			    "is not one DER value", ec->ec_type);
			goto fail;
		}
	}
	return f;
oom:
	ess_err(err, errlen, "out of memory");
fail:
	ASN1_item_free((ASN1_VALUE *) f, ASN1_ITEM_rptr(MMHS_ESS_FIELDS));
	return NULL;
}

/* ess_i2d - encode v as item into a malloc'd buffer; 0 or -1 */
static int
ess_i2d(const ASN1_VALUE *v, const ASN1_ITEM *it, unsigned char **der,
    size_t *len, char *err, size_t errlen)
{
	unsigned char *out = NULL;
	int n;

	if ((n = ASN1_item_i2d(v, &out, it)) <= 0)
		return ess_err(err, errlen, "cannot encode the label");
	if ((*der = malloc((size_t) n)) == NULL) {
		OPENSSL_free(out);
		return ess_err(err, errlen, "out of memory");
	}
	memcpy(*der, out, (size_t) n);
	OPENSSL_free(out);
	*len = (size_t) n;
	return 0;
}

/*
 * ess_d2i - decode exactly len bytes as item, and only if they are the
 * DER encoding of what they decode to; the value or NULL
 */
static ASN1_VALUE *
ess_d2i(const unsigned char *der, size_t len, const ASN1_ITEM *it,
    const char *what, char *err, size_t errlen)
{
	const unsigned char *p = der;
	unsigned char *again = NULL;
	ASN1_VALUE *v;
	int n;

	if (len == 0 || len > 1L << 20) {
		ess_err(err, errlen, "%s: empty or too long", what);
		return NULL;
	}
	if ((v = ASN1_item_d2i(NULL, &p, (long) len, it)) == NULL) {
		ess_err(err, errlen, "%s: not a valid encoding", what);
		return NULL;
	}
	if (p != der + len) {
		ess_err(err, errlen, "%s: bytes after the end", what);
		goto fail;
	}
	n = ASN1_item_i2d(v, &again, it);
	if (n != (int) len || memcmp(again, der, len) != 0) {
		ess_err(err, errlen, "%s: not DER (BER, or out of order)",
		    what);
		goto fail;
	}
	OPENSSL_free(again);
	return v;
fail:
	OPENSSL_free(again);
	ASN1_item_free(v, it);
	return NULL;
}

int
mmhs_ess_decode(const unsigned char *der, size_t len,
    struct mmhs_ess_label *el, char *err, size_t errlen)
{
	MMHS_ESS_FIELDS *f;
	int rc;

	mmhs_ess_init(el);
	f = (MMHS_ESS_FIELDS *) ess_d2i(der, len,
	    ASN1_ITEM_rptr(MMHS_ESS_LABEL), "ESSSecurityLabel", err, errlen);
	if (f == NULL)
		return -1;
	rc = ess_from_fields(f, el, err, errlen);
	ASN1_item_free((ASN1_VALUE *) f, ASN1_ITEM_rptr(MMHS_ESS_LABEL));
	return rc;
}

int
mmhs_ess_encode(const struct mmhs_ess_label *el, unsigned char **der,
    size_t *len, char *err, size_t errlen)
{
	MMHS_ESS_FIELDS *f;
	int rc;

	if ((f = ess_to_fields(el, err, errlen)) == NULL)
		return -1;
	rc = ess_i2d((ASN1_VALUE *) f, ASN1_ITEM_rptr(MMHS_ESS_LABEL), der,
	    len, err, errlen);
	ASN1_item_free((ASN1_VALUE *) f, ASN1_ITEM_rptr(MMHS_ESS_LABEL));
	return rc;
}

void
mmhs_ess_equiv_free(struct mmhs_ess_label *els, int n)
{
	int i;

	if (els == NULL)
		return;
	for (i = 0; i < n; i++)
		mmhs_ess_free(&els[i]);
	free(els);
}

int
mmhs_ess_equiv_decode(const unsigned char *der, size_t len,
    struct mmhs_ess_label **els, int *n, char *err, size_t errlen)
{
	STACK_OF(MMHS_ESS_FIELDS) *sk;
	int i, count, rc = 0;

	*els = NULL;
	*n = 0;
	sk = (STACK_OF(MMHS_ESS_FIELDS) *) ess_d2i(der, len,
	    ASN1_ITEM_rptr(MMHS_ESS_EQUIV), "EquivalentLabels", err, errlen);
	if (sk == NULL)
		return -1;
	count = sk_MMHS_ESS_FIELDS_num(sk);
	if (count < 1 || count > MMHS_ESS_NEQUIV) {
		rc = ess_err(err, errlen, "EquivalentLabels: not 1..%d labels",
		    MMHS_ESS_NEQUIV);
		goto done;
	}
	if ((*els = calloc((size_t) count, sizeof(**els))) == NULL) {
		rc = ess_err(err, errlen, "out of memory");
		goto done;
	}
	for (i = 0; i < count && rc == 0; i++) {
		*n = i + 1;
		rc = ess_from_fields(sk_MMHS_ESS_FIELDS_value(sk, i),
		    &(*els)[i], err, errlen);
	}
done:
	ASN1_item_free((ASN1_VALUE *) sk, ASN1_ITEM_rptr(MMHS_ESS_EQUIV));
	return rc;
}

int
mmhs_ess_equiv_encode(const struct mmhs_ess_label *els, int n,
    unsigned char **der, size_t *len, char *err, size_t errlen)
{
	STACK_OF(MMHS_ESS_FIELDS) *sk;
	MMHS_ESS_FIELDS *f;
	int i, rc = -1;

	if (n < 1 || n > MMHS_ESS_NEQUIV)
		return ess_err(err, errlen, "EquivalentLabels: not 1..%d labels",
		    MMHS_ESS_NEQUIV);
	if ((sk = sk_MMHS_ESS_FIELDS_new_null()) == NULL)
		return ess_err(err, errlen, "out of memory");
	for (i = 0; i < n; i++) {
		if ((f = ess_to_fields(&els[i], err, errlen)) == NULL)
			goto done;
		if (!sk_MMHS_ESS_FIELDS_push(sk, f)) {
			ASN1_item_free((ASN1_VALUE *) f,
			    ASN1_ITEM_rptr(MMHS_ESS_LABEL));
			ess_err(err, errlen, "out of memory");
			goto done;
		}
	}
	rc = ess_i2d((ASN1_VALUE *) sk, ASN1_ITEM_rptr(MMHS_ESS_EQUIV), der,
	    len, err, errlen);
done:
	ASN1_item_free((ASN1_VALUE *) sk, ASN1_ITEM_rptr(MMHS_ESS_EQUIV));
	return rc;
}
