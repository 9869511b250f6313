/* smime_label.c - mmhs-smime: the label of the command line, and what a
 * signature carried, in words
 *
 * --label POLICY-OID:CLASS[:CATEGORY-OID...] is an ESS security label
 * given by numbers, as it goes on the wire: the tool has no directory,
 * so it neither knows names nor checks the label against a policy (the
 * agents do, on delivery).  Each category's value is ASN.1 NULL, as
 * lib/mmhs_ess writes labels made from a policy.  The encoding is
 * lib/mmhs_ess's.
 *
 * smime_print_sig() writes one "  key: value" line per fact, so people
 * can read it and scripts can grep it; the keys are in doc/mmhs-smime.1.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/pkcs7.h>
#include <openssl/x509.h>

#include "mmhs_alloc.h"
#include "mmhs_ess.h"
#include "mmhs_label.h"
#include "smime.h"

static const unsigned char smime_asn1_null[] = { 0x05, 0x00 };

/* smime_printable - may s be a PrintableString (X.680 41.4)? */
static int
smime_printable(const char *s)
{
	static const char extra[] = " '()+,-./:=?";

	for (; *s != '\0'; s++)
		if (!(*s >= 'A' && *s <= 'Z') && !(*s >= 'a' && *s <= 'z') &&
		    !(*s >= '0' && *s <= '9') && strchr(extra, *s) == NULL)
			return 0;
	return 1;
}

/* smime_label_class - CLASS of the label argument: 0..256 */
static int
smime_label_class(const char *s)
{
	char *end;
	long v;

	v = strtol(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || v > MMHS_ESS_CLASS_MAX)
		smime_die("--label: classification \"%s\" is not a number "
		    "in 0..%d", s, MMHS_ESS_CLASS_MAX);
	return (int)v;
}

void
smime_label_der(const char *spec, const char *mark, unsigned char **der,
    size_t *len)
{
	struct mmhs_ess_label el;
	char *copy = mmhs_strdup(spec), *field, *next, err[256];
	int n = 0;

	mmhs_ess_init(&el);
	for (field = copy; field != NULL; field = next, n++) {
		if ((next = strchr(field, ':')) != NULL)
			*next++ = '\0';
		if (n == 1) {
			el.el_has_class = 1;
			el.el_class = smime_label_class(field);
			continue;
		}
		if (!mmhs_label_oid_valid(field))
			smime_die("--label: \"%s\" is not a dotted OID "
			    "(POLICY-OID:CLASS[:CATEGORY-OID...])", field);
		if (n == 0)
			snprintf(el.el_policy, sizeof(el.el_policy), "%s",
			    field);
		else if (mmhs_ess_add_cat(&el, field, smime_asn1_null,
		    sizeof(smime_asn1_null), err, sizeof(err)) != 0)
			smime_die("--label: %s", err);
	}
	if (n < 2)
		smime_die("--label \"%s\": want POLICY-OID:CLASS"
		    "[:CATEGORY-OID...]", spec);
	if (mark != NULL) {
		el.el_has_mark = 1;
		el.el_mark_utf8 = !smime_printable(mark);
		if (strlen(mark) >= sizeof(el.el_mark))
			smime_die("--privacy-mark: longer than %d characters",
			    MMHS_ESS_MARK_MAX);
		snprintf(el.el_mark, sizeof(el.el_mark), "%s", mark);
	}
	if (mmhs_ess_encode(&el, der, len, err, sizeof(err)) != 0)
		smime_die("--label: %s", err);
	mmhs_ess_free(&el);
	mmhs_free(copy);
}

/* smime_print_ess - the lines of one ESSSecurityLabel */
static void
smime_print_ess(FILE *fp, const char *key, const struct mmhs_ess_label *el)
{
	int i;

	fprintf(fp, "  %s policy: %s\n", key, el->el_policy);
	if (el->el_has_class)
		fprintf(fp, "  %s classification: %d\n", key, el->el_class);
	for (i = 0; i < el->el_ncat; i++)
		fprintf(fp, "  %s category: %s\n", key, el->el_cat[i].ec_type);
	if (el->el_has_mark)
		fprintf(fp, "  %s privacy mark: %s\n", key, el->el_mark);
}

static void
smime_print_labels(FILE *fp, const struct mmhs_cms_sig *sig)
{
	struct mmhs_ess_label el, *els = NULL;
	char err[256];
	int i, n = 0;

	if (sig->cs_label != NULL) {
		if (mmhs_ess_decode(sig->cs_label, sig->cs_label_len, &el,
		    err, sizeof(err)) == 0)
			smime_print_ess(fp, "label", &el);
		else
			fprintf(fp, "  label: unreadable: %s\n", err);
		mmhs_ess_free(&el);
	}
	if (sig->cs_equiv == NULL)
		return;
	if (mmhs_ess_equiv_decode(sig->cs_equiv, sig->cs_equiv_len, &els, &n,
	    err, sizeof(err)) != 0)
		fprintf(fp, "  equivalent label: unreadable: %s\n", err);
	else
		for (i = 0; i < n; i++)
			smime_print_ess(fp, "equivalent label", &els[i]);
	mmhs_ess_equiv_free(els, n);
}

/* smime_print_entity - an EntityIdentifier (RFC 2634 section 4.2) */
static void
smime_print_entity(FILE *fp, const unsigned char *der, size_t len)
{
	const unsigned char *p = der;
	PKCS7_ISSUER_AND_SERIAL *ias;
	size_t i;

	/* a key identifier: an OCTET STRING as RFC 2634 writes it, or
	 * [0]-tagged as some implementations do (short lengths only:
	 * identifiers are 20 or 32 octets) */
	if (len > 2 && (der[0] == 0x04 || der[0] == 0x80) &&
	    der[1] == len - 2) {
		fputs("subjectKeyIdentifier ", fp);
		for (i = 2; i < len; i++)
			fprintf(fp, "%02X", der[i]);
		return;
	}
	if ((ias = d2i_PKCS7_ISSUER_AND_SERIAL(NULL, &p, (long)len)) == NULL) {
		fputs("(unreadable identifier)", fp);
		return;
	}
	fputs("issuer ", fp);
	X509_NAME_print_ex_fp(fp, ias->issuer, 0, XN_FLAG_RFC2253);
	fputs(" serial ", fp);
	for (i = 0; i < (size_t)ias->serial->length; i++)
		fprintf(fp, "%02X", ias->serial->data[i]);
	PKCS7_ISSUER_AND_SERIAL_free(ias);
}

static void
smime_print_mlhist(FILE *fp, const struct mmhs_cms_sig *sig)
{
	struct mmhs_cms_mldata md[MMHS_CMS_MLHIST_MAX];
	char err[256], when[32];
	struct tm tm;
	int i, n = 0;

	if (sig->cs_mlhist == NULL)
		return;
	if (mmhs_cms_mlhist_decode(sig->cs_mlhist, sig->cs_mlhist_len, md,
	    MMHS_CMS_MLHIST_MAX, &n, err, sizeof(err)) != 0) {
		fprintf(fp, "  ml expansion: unreadable: %s\n", err);
		mmhs_cms_mlhist_free(md, n);
		return;
	}
	for (i = 0; i < n; i++) {
		gmtime_r(&md[i].md_time, &tm);
		strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
		fprintf(fp, "  ml expansion: %s by ", when);
		smime_print_entity(fp, md[i].md_id, md[i].md_id_len);
		fprintf(fp, "%s\n", md[i].md_policy != NULL ?
		    " (with a receipt policy)" : "");
	}
	mmhs_cms_mlhist_free(md, n);
}

void
smime_print_sig(FILE *fp, const struct mmhs_cms_sig *sig)
{
	int i;

	fprintf(fp, "  status: %s", mmhs_sig_status_name(sig->cs_status));
	if (sig->cs_reason[0] != '\0')
		fprintf(fp, " (%s)", sig->cs_reason);
	fputc('\n', fp);
	fprintf(fp, "  signer: %s\n", sig->cs_signer_subject[0] != '\0' ?
	    sig->cs_signer_subject : "(unknown)");
	if (sig->cs_signer_mail[0] != '\0')
		fprintf(fp, "  signer mail: %s\n", sig->cs_signer_mail);
	smime_print_labels(fp, sig);
	if (sig->cs_receipt_requested) {
		fputs("  receipt request: yes; receipts to:", fp);
		for (i = 0; i < sig->cs_nreceipts_to; i++)
			fprintf(fp, "%s %s", i > 0 ? "," : "",
			    sig->cs_receipts_to[i]);
		fputc('\n', fp);
	}
	smime_print_mlhist(fp, sig);
}
