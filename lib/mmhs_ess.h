/* mmhs_ess.h - ESS security labels (RFC 2634 section 5.4.15) in DER
 *
 *   ESSSecurityLabel ::= SET {
 *     security-policy-identifier OBJECT IDENTIFIER,
 *     security-classification INTEGER (0..256) OPTIONAL,
 *     privacy-mark ESSPrivacyMark OPTIONAL,	-- PrintableString | UTF8String
 *     security-categories SET OF SecurityCategory OPTIONAL }
 *   SecurityCategory ::= SEQUENCE {
 *     type [0] IMPLICIT OBJECT IDENTIFIER, value [1] EXPLICIT ANY }
 *   EquivalentLabels ::= SEQUENCE OF ESSSecurityLabel
 *
 * Decoding is strict DER: the input must be exactly one value (no
 * trailing bytes) that re-encodes to the same bytes, the classification
 * must be in 0..256, the privacy mark a valid PrintableString or UTF-8
 * string of at most MMHS_ESS_MARK_MAX characters, and there may be at most
 * MMHS_LABEL_NCLCAT categories.  The components are in X.690 tag order
 * (SET OF categories before a PrintableString mark); the order OpenSSL's
 * SET-of-ANY sort writes (the mark first) is also read.  Every failure
 * returns -1 and one line of text in err (err may be NULL).  Memory
 * comes from malloc; nothing logs or exits.
 */
#ifndef MMHS_ESS_H
#define MMHS_ESS_H

#include <stddef.h>

#include "mmhs_label.h"

#define MMHS_ESS_MARK_MAX	128	/* ub-privacy-mark-length */
#define MMHS_ESS_CLASS_MAX	256	/* ub-integer-options */
#define MMHS_ESS_NEQUIV		16	/* labels in EquivalentLabels */

struct mmhs_ess_cat {
	char	ec_type[MMHS_LABEL_OID_MAX + 1];	/* dotted OID */
	unsigned char *ec_value;	/* DER of the value, without [1] */
	size_t	ec_value_len;
};

struct mmhs_ess_label {
	char	el_policy[MMHS_LABEL_OID_MAX + 1];	/* dotted OID */
	int	el_has_class;
	int	el_class;				/* 0..256 */
	int	el_has_mark;
	int	el_mark_utf8;		/* 1: UTF8String, 0: PrintableString */
	char	el_mark[4 * MMHS_ESS_MARK_MAX + 1];	/* UTF-8 */
	int	el_ncat;
	struct mmhs_ess_cat el_cat[MMHS_LABEL_NCLCAT];
};

struct mmhs_siolabel;

/* An empty label (no policy); mmhs_ess_free() releases the values. */
void	mmhs_ess_init(struct mmhs_ess_label *el);
void	mmhs_ess_free(struct mmhs_ess_label *el);

/* Adds a category; value is DER (copied).  0 or -1. */
int	mmhs_ess_add_cat(struct mmhs_ess_label *el, const char *type_oid,
	    const unsigned char *value, size_t value_len, char *err,
	    size_t errlen);

/* DER -> el (initialised here; free it even on failure). */
int	mmhs_ess_decode(const unsigned char *der, size_t len,
	    struct mmhs_ess_label *el, char *err, size_t errlen);

/* el -> *der (malloc'd, *len bytes); the same checks as decoding. */
int	mmhs_ess_encode(const struct mmhs_ess_label *el, unsigned char **der,
	    size_t *len, char *err, size_t errlen);

/*
 * EquivalentLabels: decode sets *els to a malloc'd array of *n labels
 * (at most MMHS_ESS_NEQUIV, at least one); free with
 * mmhs_ess_equiv_free(*els, *n), also after a failure.
 */
int	mmhs_ess_equiv_decode(const unsigned char *der, size_t len,
	    struct mmhs_ess_label **els, int *n, char *err, size_t errlen);
int	mmhs_ess_equiv_encode(const struct mmhs_ess_label *els, int n,
	    unsigned char **der, size_t *len, char *err, size_t errlen);
void	mmhs_ess_equiv_free(struct mmhs_ess_label *els, int n);

/*
 * To the label agents decide on: policy, level (an absent
 * classification is 0, "unmarked"; above MMHS_LABEL_LEVEL_MAX is an
 * error) and the categories by their type OID, which
 * mmhs_label_dominates() looks up in the policy.  The values are not
 * looked at: the policy names categories by OID alone.
 */
int	mmhs_ess_to_label(const struct mmhs_ess_label *el,
	    struct mmhs_label *lb, char *err, size_t errlen);

/*
 * Back to ESS: the classification is always present; a category given
 * by NAME becomes its OID through p (p may be NULL when every category
 * is an OID); each value is ASN.1 NULL.  el is initialised here.
 */
int	mmhs_ess_from_label(const struct mmhs_policy *p,
	    const struct mmhs_label *lb, struct mmhs_ess_label *el,
	    char *err, size_t errlen);

/* The ESS label of an RFC 7444 SIO-Label with type ":ess". */
int	mmhs_ess_from_siolabel(const struct mmhs_siolabel *sl,
	    struct mmhs_ess_label *el, char *err, size_t errlen);

#endif
