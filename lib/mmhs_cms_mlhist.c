/* mmhs_cms_mlhist.c - MLExpansionHistory (RFC 2634 4.2) with OpenSSL ASN.1
 *
 * Purpose: the signed attribute a mail list agent adds to its outer
 * signature, so the next list agent can see where a message has been
 * and refuse a loop (RFC 2634 4.3).  The structures are OpenSSL ASN.1
 * templates; nothing here writes a tag or a length by hand.
 *
 *   MLExpansionHistory ::= SEQUENCE SIZE (1..ub-ml-expansion-history)
 *                          OF MLData			-- ub: 64
 *   MLData ::= SEQUENCE { mailListIdentifier EntityIdentifier,
 *       expansionTime GeneralizedTime, mlReceiptPolicy OPTIONAL }
 *   EntityIdentifier ::= CHOICE { issuerAndSerialNumber
 *       IssuerAndSerialNumber, subjectKeyIdentifier SubjectKeyIdentifier }
 *   MLReceiptPolicy ::= CHOICE { none [0] NULL,
 *       insteadOf [1] SEQUENCE SIZE (1..MAX) OF GeneralNames,
 *       inAdditionTo [2] SEQUENCE SIZE (1..MAX) OF GeneralNames }
 *
 * The ESS module has IMPLICIT TAGS.  RFC 2634 leaves the
 * subjectKeyIdentifier untagged (an OCTET STRING cannot be mistaken for
 * the SEQUENCE); that is what we write.  The [0] IMPLICIT form CMS uses
 * in SignerIdentifier is read as well, since a list agent that copied
 * CMS's type would write it.
 *
 * Interface: mmhs_cms.h (mmhs_cms_mlhist_*, mmhs_cms_mldata_*).
 *
 * Error behaviour: decoding is strict DER (exactly one value that
 * encodes back to the same bytes); -1 and one line in err.
 */
#include "config.h"

#include <string.h>

#include <openssl/asn1t.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>

#include "mmhs_alloc.h"
#include "mmhs_text.h"
#include "mmhs_cms.h"

typedef struct {
	X509_NAME *issuer;
	ASN1_INTEGER *serial;
} MMHS_ISSUER_SERIAL;

ASN1_SEQUENCE(MMHS_ISSUER_SERIAL) = {
	ASN1_SIMPLE(MMHS_ISSUER_SERIAL, issuer, X509_NAME),
	ASN1_SIMPLE(MMHS_ISSUER_SERIAL, serial, ASN1_INTEGER)
} static_ASN1_SEQUENCE_END(MMHS_ISSUER_SERIAL)

#define EID_IAS		0
#define EID_SKI		1
#define EID_SKI0	2

typedef struct {
	int	type;
	union {
		MMHS_ISSUER_SERIAL *ias;
		ASN1_OCTET_STRING *ski;
	} d;
} MMHS_ENTITY_ID;

ASN1_CHOICE(MMHS_ENTITY_ID) = {
	ASN1_SIMPLE(MMHS_ENTITY_ID, d.ias, MMHS_ISSUER_SERIAL),
	ASN1_SIMPLE(MMHS_ENTITY_ID, d.ski, ASN1_OCTET_STRING),
	ASN1_IMP(MMHS_ENTITY_ID, d.ski, ASN1_OCTET_STRING, 0)
} static_ASN1_CHOICE_END(MMHS_ENTITY_ID)

typedef struct {
	int	type;
	union {
		ASN1_NULL *none;
		STACK_OF(GENERAL_NAMES) *names;
	} d;
} MMHS_ML_POLICY;

ASN1_CHOICE(MMHS_ML_POLICY) = {
	ASN1_IMP(MMHS_ML_POLICY, d.none, ASN1_NULL, 0),
	ASN1_IMP_SEQUENCE_OF(MMHS_ML_POLICY, d.names, GENERAL_NAMES, 1),
	ASN1_IMP_SEQUENCE_OF(MMHS_ML_POLICY, d.names, GENERAL_NAMES, 2)
} static_ASN1_CHOICE_END(MMHS_ML_POLICY)

typedef struct {
	MMHS_ENTITY_ID *id;
	ASN1_GENERALIZEDTIME *time;
	MMHS_ML_POLICY *policy;
} MMHS_MLDATA;

DEFINE_STACK_OF(MMHS_MLDATA)

ASN1_SEQUENCE(MMHS_MLDATA) = {
	ASN1_SIMPLE(MMHS_MLDATA, id, MMHS_ENTITY_ID),
	ASN1_SIMPLE(MMHS_MLDATA, time, ASN1_GENERALIZEDTIME),
	ASN1_OPT(MMHS_MLDATA, policy, MMHS_ML_POLICY)
} static_ASN1_SEQUENCE_END(MMHS_MLDATA)

ASN1_ITEM_TEMPLATE(MMHS_MLHIST) =
	ASN1_EX_TEMPLATE_TYPE(ASN1_TFLG_SEQUENCE_OF, 0, history, MMHS_MLDATA)
static_ASN1_ITEM_TEMPLATE_END(MMHS_MLHIST)

/* ml_d2i - exactly len bytes of DER as item, or NULL */
static ASN1_VALUE *
ml_d2i(const unsigned char *der, size_t len, const ASN1_ITEM *it,
    const char *what, char *err, size_t errlen)
{
	const unsigned char *p = der;
	unsigned char *again = NULL;
	ASN1_VALUE *v;
	int n;

	if (len == 0 || len > 1L << 20) {
		mmhs_text_error(err, errlen, "%s: empty or too long", what);
		return NULL;
	}
	v = ASN1_item_d2i(NULL, &p, (long) len, it);
	if (v == NULL) {
		ERR_clear_error();
		mmhs_text_error(err, errlen, "%s: not a valid encoding", what);
		return NULL;
	}
	n = ASN1_item_i2d(v, &again, it);
	if (p != der + len || n != (int) len || memcmp(again, der, len) != 0) {
		mmhs_text_error(err, errlen, "%s: not one DER value", what);
		ASN1_item_free(v, it);
		v = NULL;
	}
	OPENSSL_free(again);
	return v;
}

/* ml_i2d - v as item into buf (at most max bytes) or malloc'd; 0/-1 */
static int
ml_i2d(const ASN1_VALUE *v, const ASN1_ITEM *it, unsigned char *buf,
    size_t max, unsigned char **der, size_t *len)
{
	unsigned char *out = NULL;
	int n;

	if ((n = ASN1_item_i2d(v, &out, it)) <= 0) {
		ERR_clear_error();
		return -1;
	}
	if (buf != NULL) {
		if ((size_t) n > max) {
			OPENSSL_free(out);
			return -1;
		}
		memcpy(buf, out, (size_t) n);
	} else {
		*der = mmhs_malloc((size_t) n);
		memcpy(*der, out, (size_t) n);
	}
	*len = (size_t) n;
	OPENSSL_free(out);
	return 0;
}

/* ml_timegm - UTC broken-down time to time_t, without the TZ variable */
static time_t
ml_timegm(const struct tm *tm)
{
	long long y = tm->tm_year + 1900LL, m = tm->tm_mon + 1, era, yoe,
	    doy, doe, days;

	/* days from civil, proleptic Gregorian */
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + tm->tm_mday - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	days = era * 146097 + doe - 719468;
	return (time_t) (days * 86400 + tm->tm_hour * 3600 + tm->tm_min * 60 +
	    tm->tm_sec);
}

void
mmhs_cms_mlhist_free(struct mmhs_cms_mldata *v, int n)
{
	int i;

	for (i = 0; v != NULL && i < n; i++) {
		mmhs_free(v[i].md_policy);
		v[i].md_policy = NULL;
		v[i].md_policy_len = 0;
	}
}

/* ml_from - one decoded MLData into md; 0 or -1 */
static int
ml_from(const MMHS_MLDATA *d, struct mmhs_cms_mldata *md, int i, char *err,
    size_t errlen)
{
	struct tm tm;

	memset(md, 0, sizeof(*md));
	if (ml_i2d((ASN1_VALUE *) d->id, ASN1_ITEM_rptr(MMHS_ENTITY_ID),
	    md->md_id, sizeof(md->md_id), NULL, &md->md_id_len) < 0)
		return mmhs_text_error(err, errlen, "MLData %d: list "
		    "identifier longer than %zu octets", i + 1,
		    sizeof(md->md_id));
	if (!ASN1_TIME_to_tm(d->time, &tm)) {
		ERR_clear_error();
		return mmhs_text_error(err, errlen, "MLData %d: bad "
		    "expansionTime", i + 1);
	}
	md->md_time = ml_timegm(&tm);
	if (d->policy != NULL && ml_i2d((ASN1_VALUE *) d->policy,
	    ASN1_ITEM_rptr(MMHS_ML_POLICY), NULL, 0, &md->md_policy,
	    &md->md_policy_len) < 0)
		return mmhs_text_error(err, errlen, "MLData %d: bad "
		    "mlReceiptPolicy", i + 1);
	return 0;
}

int
mmhs_cms_mlhist_decode(const unsigned char *der, size_t len,
    struct mmhs_cms_mldata *v, int max, int *n, char *err, size_t errlen)
{
	STACK_OF(MMHS_MLDATA) *sk;
	int i, count, rc = 0;

	*n = 0;
	sk = (STACK_OF(MMHS_MLDATA) *) ml_d2i(der, len,
	    ASN1_ITEM_rptr(MMHS_MLHIST), "MLExpansionHistory", err, errlen);
	if (sk == NULL)
		return -1;
	count = sk_MMHS_MLDATA_num(sk);
	if (count < 1 || count > MMHS_CMS_MLHIST_MAX)
		rc = mmhs_text_error(err, errlen, "MLExpansionHistory: not "
		    "1..%d entries", MMHS_CMS_MLHIST_MAX);
	else if (count > max)
		rc = mmhs_text_error(err, errlen, "MLExpansionHistory: %d "
		    "entries, room for %d", count, max);
	for (i = 0; rc == 0 && i < count; i++) {
		*n = i + 1;
		rc = ml_from(sk_MMHS_MLDATA_value(sk, i), &v[i], i, err,
		    errlen);
	}
	ASN1_item_free((ASN1_VALUE *) sk, ASN1_ITEM_rptr(MMHS_MLHIST));
	return rc;
}

/* ml_to - md as a new MLData, or NULL */
static MMHS_MLDATA *
ml_to(const struct mmhs_cms_mldata *md, int i, char *err, size_t errlen)
{
	MMHS_MLDATA *d;

	d = (MMHS_MLDATA *) ASN1_item_new(ASN1_ITEM_rptr(MMHS_MLDATA));
	if (d == NULL) {
		mmhs_text_error(err, errlen, "out of memory");
		return NULL;
	}
	ASN1_item_free((ASN1_VALUE *) d->id, ASN1_ITEM_rptr(MMHS_ENTITY_ID));
	d->id = (MMHS_ENTITY_ID *) ml_d2i(md->md_id, md->md_id_len,
	    ASN1_ITEM_rptr(MMHS_ENTITY_ID), "EntityIdentifier", err, errlen);
	if (d->id == NULL)
		goto fail;
	if (ASN1_GENERALIZEDTIME_set(d->time, md->md_time) == NULL) {
		mmhs_text_error(err, errlen, "MLData %d: time not "
		    "representable", i + 1);
		goto fail;
	}
	if (md->md_policy != NULL && (d->policy = (MMHS_ML_POLICY *) ml_d2i(
	    md->md_policy, md->md_policy_len, ASN1_ITEM_rptr(MMHS_ML_POLICY),
	    "MLReceiptPolicy", err, errlen)) == NULL)
		goto fail;
	return d;
fail:
	ERR_clear_error();
	ASN1_item_free((ASN1_VALUE *) d, ASN1_ITEM_rptr(MMHS_MLDATA));
	return NULL;
}

int
mmhs_cms_mlhist_encode(const struct mmhs_cms_mldata *v, int n,
    unsigned char **der, size_t *len, char *err, size_t errlen)
{
	STACK_OF(MMHS_MLDATA) *sk;
	MMHS_MLDATA *d;
	int i, rc = -1;

	*der = NULL;
	*len = 0;
	if (n < 1 || n > MMHS_CMS_MLHIST_MAX)
		return mmhs_text_error(err, errlen, "MLExpansionHistory: not "
		    "1..%d entries", MMHS_CMS_MLHIST_MAX);
	if ((sk = sk_MMHS_MLDATA_new_null()) == NULL)
		return mmhs_text_error(err, errlen, "out of memory");
	for (i = 0; i < n; i++) {
		if ((d = ml_to(&v[i], i, err, errlen)) == NULL)
			goto done;
		if (!sk_MMHS_MLDATA_push(sk, d)) {
			ASN1_item_free((ASN1_VALUE *) d,
			    ASN1_ITEM_rptr(MMHS_MLDATA));
			mmhs_text_error(err, errlen, "out of memory");
			goto done;
		}
	}
	if (ml_i2d((ASN1_VALUE *) sk, ASN1_ITEM_rptr(MMHS_MLHIST), NULL, 0,
	    der, len) < 0)
		mmhs_text_error(err, errlen, "cannot encode the history");
	else
		rc = 0;
done:
	ASN1_item_free((ASN1_VALUE *) sk, ASN1_ITEM_rptr(MMHS_MLHIST));
	return rc;
}

int
mmhs_cms_mldata_for(X509 *cert, time_t when, struct mmhs_cms_mldata *md,
    char *err, size_t errlen)
{
	const ASN1_OCTET_STRING *ski = X509_get0_subject_key_id(cert);
	MMHS_ENTITY_ID *id;
	int rc = 0;

	memset(md, 0, sizeof(*md));
	md->md_time = when;
	id = (MMHS_ENTITY_ID *) ASN1_item_new(ASN1_ITEM_rptr(MMHS_ENTITY_ID));
	if (id == NULL)
		return mmhs_text_error(err, errlen, "out of memory");
	if (ski != NULL) {
		id->type = EID_SKI;
		id->d.ski = ASN1_OCTET_STRING_dup(ski);
		if (id->d.ski == NULL)
			rc = -1;
	} else {
		id->type = EID_IAS;
		id->d.ias = (MMHS_ISSUER_SERIAL *) ASN1_item_new(
		    ASN1_ITEM_rptr(MMHS_ISSUER_SERIAL));
		if (id->d.ias == NULL || !X509_NAME_set(&id->d.ias->issuer,
		    X509_get_issuer_name(cert)) ||
		    !ASN1_STRING_copy(id->d.ias->serial,
		    X509_get0_serialNumber(cert)))
			rc = -1;
	}
	if (rc == 0 && ml_i2d((ASN1_VALUE *) id,
	    ASN1_ITEM_rptr(MMHS_ENTITY_ID), md->md_id, sizeof(md->md_id),
	    NULL, &md->md_id_len) < 0)
		rc = -1;
	ASN1_item_free((ASN1_VALUE *) id, ASN1_ITEM_rptr(MMHS_ENTITY_ID));
	ERR_clear_error();
	if (rc < 0)
		return mmhs_text_error(err, errlen, "cannot make the list "
		    "agent's identifier");
	return 0;
}

int
mmhs_cms_mldata_names(const struct mmhs_cms_mldata *md, X509 *cert)
{
	const ASN1_OCTET_STRING *ski;
	MMHS_ENTITY_ID *id;
	int match = 0;

	id = (MMHS_ENTITY_ID *) ml_d2i(md->md_id, md->md_id_len,
	    ASN1_ITEM_rptr(MMHS_ENTITY_ID), "EntityIdentifier", NULL, 0);
	if (id == NULL)
		return 0;
	if (id->type == EID_IAS)
		match = X509_NAME_cmp(id->d.ias->issuer,
		    X509_get_issuer_name(cert)) == 0 &&
		    ASN1_INTEGER_cmp(id->d.ias->serial,
		    X509_get0_serialNumber(cert)) == 0;
	else if ((ski = X509_get0_subject_key_id(cert)) != NULL)
		match = ASN1_OCTET_STRING_cmp(id->d.ski, ski) == 0;
	ASN1_item_free((ASN1_VALUE *) id, ASN1_ITEM_rptr(MMHS_ENTITY_ID));
	ERR_clear_error();
	return match;
}
