/* mmhs_dl.h - distribution lists: O/R names, submit permissions, DL policy
 *
 * String forms: doc/acp133-string-forms.md sections 2 (O/R name),
 * 3 (DL submit permission) and 4 (DL policy), plus the value form of the
 * mhsdl overlay's mmhsExpandedRecipient attribute (doc/slapo-mhsdl.5).
 *
 * Usable inside slapd and by the agents: nothing here allocates, logs,
 * exits or keeps global state.  Parsers fill caller structs; text that
 * is not copied (DNs, recipient addresses) is returned as pointer +
 * length INTO THE INPUT STRING, which must outlive the struct.  Every
 * failure returns -1 and writes one line of text into err (truncated to
 * errlen; err may be NULL), fit for an LDAP diagnostic message.
 * Formatters return the length written (without the NUL) or -1 when the
 * buffer is too small.
 */
#ifndef MMHS_DL_H
#define MMHS_DL_H

#include <stddef.h>

#include "mmhs_oraddr.h"

/* Room for any canonical O/R name / permission / recipient whose DN is
 * at most MMHS_DL_DN_MAX characters. */
#define MMHS_DL_DN_MAX		1024
#define MMHS_DL_STRLEN		(MMHS_ORADDR_STRLEN + MMHS_DL_DN_MAX + 64)

/* ------------------------------------------------------------------ */
/* O/R name (section 2): std-or-address [ SP "<" dn ">" ] / "<" dn ">" */

struct mmhs_orname {
	int		on_has_addr;	/* 1 when on_addr is set */
	struct mmhs_oraddr on_addr;
	const char	*on_dn;		/* into the input, not NUL-terminated; */
	size_t		on_dnlen;	/* NULL/0 when there is no DN */
};

/*
 * Parse an O/R name.  flags: 0, or MMHS_ORADDR_PATTERN for a pattern
 * (the address part may then omit C and ADMD).  Spaces around the whole
 * value and before "<" are allowed; the DN must be non-empty and end at
 * the first unescaped ">", with nothing after it.  The DN text is not
 * otherwise checked (the caller, e.g. slapd's dnPretty, does that).
 */
int mmhs_orname_parse(const char *str, int flags, struct mmhs_orname *name,
	char *err, size_t errlen);

/* Canonical form: canonical address, one space, "<dn>" as given. */
int mmhs_orname_format(const struct mmhs_orname *name, char *buf,
	size_t len);

/*
 * DN comparison without a directory: ASCII case is ignored, spaces
 * around ',', '+' and '=' and at both ends are ignored.  Callers inside
 * slapd pass normalized DNs (dnNormalize) on both sides for exactness.
 * mmhs_dl_dn_within(): 1 when dn equals base or lies below it.
 */
int mmhs_dl_dn_equal(const char *a, size_t alen, const char *b, size_t blen);
int mmhs_dl_dn_within(const char *dn, size_t dnlen, const char *base,
	size_t baselen);

/* ------------------------------------------------------------------ */
/* DL submit permission (section 3) */

enum mmhs_dl_perm_kind {
	MMHS_DL_PERM_INDIVIDUAL = 0,	/* "individual # or-name" */
	MMHS_DL_PERM_MEMBER_OF_DL,	/* "member-of-dl # or-name" */
	MMHS_DL_PERM_PATTERN,		/* "pattern-match # or-pattern" */
	MMHS_DL_PERM_MEMBER_OF_GROUP,	/* "member-of-group # dn" */
	MMHS_DL_PERM_ANY		/* "any" */
};

struct mmhs_dl_perm {
	enum mmhs_dl_perm_kind dp_kind;
	struct mmhs_orname dp_name;	/* unused for ANY; DN only for GROUP */
};

int mmhs_dl_perm_parse(const char *str, struct mmhs_dl_perm *perm,
	char *err, size_t errlen);
/* Canonical form, " # " separator; an empty pattern is written "any". */
int mmhs_dl_perm_format(const struct mmhs_dl_perm *perm, char *buf,
	size_t len);
/* "individual", "member-of-dl", ... */
const char *mmhs_dl_perm_kind_name(enum mmhs_dl_perm_kind kind);

/* ------------------------------------------------------------------ */
/* Submit decision (no directory: membership comes from a callback) */

/* The originator: an O/R address, a DN, or both (NULL/0 when unknown). */
struct mmhs_dl_originator {
	const struct mmhs_oraddr *do_addr;
	const char	*do_dn;
	size_t		do_dnlen;
};

/*
 * Membership answer for MEMBER_OF_DL (is the originator a member,
 * transitively, of the list named by name?) and MEMBER_OF_GROUP (is the
 * originator's DN a member/uniqueMember of the group name->on_dn?).
 * Returns 1 yes, 0 no, -1 on failure (then it may write err).
 */
typedef int (*mmhs_dl_member_fn)(void *arg, enum mmhs_dl_perm_kind kind,
	const struct mmhs_orname *name,
	const struct mmhs_dl_originator *orig, char *err, size_t errlen);

/*
 * Does orig match one permission?  1 yes, 0 no, -1 error (callback
 * failed, or a membership kind without a callback).
 *   individual:  every part present in both the permission's O/R name
 *                and the originator (address, DN) is equal, and at
 *                least one part is compared;
 *   pattern:     every address attribute present in the pattern equals
 *                the originator's (prefix match; needs an originator
 *                address when the pattern has one), and a DN in the
 *                pattern contains the originator's DN (equal or below);
 *   any:         always.
 */
int mmhs_dl_perm_match(const struct mmhs_dl_perm *perm,
	const struct mmhs_dl_originator *orig, mmhs_dl_member_fn fn,
	void *arg, char *err, size_t errlen);

/*
 * Evaluate all the values of mhs-dl-submit-permissions (nvals may be 0:
 * refused, the attribute is mandatory).  Returns 1 allowed (why names
 * the value that granted), 0 refused (why says so), -1 when a value does
 * not parse or a callback fails (why has the reason).  why may be NULL.
 */
int mmhs_dl_submit_allowed(const char *const *vals, size_t nvals,
	const struct mmhs_dl_originator *orig, mmhs_dl_member_fn fn,
	void *arg, char *why, size_t whylen);

/* ------------------------------------------------------------------ */
/* DL policy (section 4).  Every enum has its default as value 0. */

enum mmhs_dl_report_propagation {
	MMHS_DL_RP_PREVIOUS_DL_OR_ORIGINATOR = 0, MMHS_DL_RP_DL_OWNER,
	MMHS_DL_RP_BOTH_PREVIOUS_AND_OWNER
};
enum mmhs_dl_report_from_dl {
	MMHS_DL_RFD_WHENEVER_REQUESTED = 0, MMHS_DL_RFD_WHEN_NO_PROPAGATION
};
enum mmhs_dl_mta_report {
	MMHS_DL_MR_UNCHANGED = 0, MMHS_DL_MR_REPORT,
	MMHS_DL_MR_NON_DELIVERY_REPORT, MMHS_DL_MR_AUDITED_REPORT
};
enum mmhs_dl_orig_report {
	MMHS_DL_OR_UNCHANGED = 0, MMHS_DL_OR_NO_REPORT, MMHS_DL_OR_REPORT,
	MMHS_DL_OR_NON_DELIVERY_REPORT
};
enum mmhs_dl_return_of_content {
	MMHS_DL_ROC_UNCHANGED = 0, MMHS_DL_ROC_NOT_REQUESTED,
	MMHS_DL_ROC_REQUESTED
};
enum mmhs_dl_priority {
	MMHS_DL_PRIO_UNCHANGED = 0, MMHS_DL_PRIO_NORMAL,
	MMHS_DL_PRIO_NON_URGENT, MMHS_DL_PRIO_URGENT
};
enum mmhs_dl_disclosure {
	MMHS_DL_DISC_UNCHANGED = 0, MMHS_DL_DISC_PROHIBITED,
	MMHS_DL_DISC_ALLOWED
};
enum mmhs_dl_conversion {	/* implicit-conversion, conversion-with-loss */
	MMHS_DL_CONV_UNCHANGED = 0, MMHS_DL_CONV_ALLOWED,
	MMHS_DL_CONV_PROHIBITED
};
enum mmhs_dl_proof_of_delivery {
	MMHS_DL_POD_DL_MEMBERS = 0, MMHS_DL_POD_DL_EXPANSION_POINT,
	MMHS_DL_POD_BOTH, MMHS_DL_POD_NEITHER
};
enum mmhs_dl_rdm {
	MMHS_DL_RDM_UNCHANGED = 0, MMHS_DL_RDM_REMOVED, MMHS_DL_RDM_REPLACED
};

#define MMHS_DL_RDM_MAX		16	/* values in "replaced:n,n,..." */
#define MMHS_DL_OIDLIST_MAX	256	/* chars of "oid,oid,..." */

struct mmhs_dl_policy {
	enum mmhs_dl_report_propagation	pl_report_propagation;	/* 0 */
	enum mmhs_dl_report_from_dl	pl_report_from_dl;	/* 1 */
	enum mmhs_dl_mta_report		pl_originating_mta_report; /* 2 */
	enum mmhs_dl_orig_report	pl_originator_report;	/* 3 */
	enum mmhs_dl_return_of_content	pl_return_of_content;	/* 4 */
	enum mmhs_dl_priority		pl_priority;		/* 5 */
	enum mmhs_dl_disclosure		pl_disclosure;		/* 6 */
	enum mmhs_dl_conversion		pl_implicit_conversion;	/* 7 */
	enum mmhs_dl_conversion		pl_conversion_with_loss; /* 8 */
	int	pl_further_dl_expansion_allowed;	/* 9: 1 TRUE (default) */
	int	pl_orig_alt_recipient_removed;		/* 10: 1 TRUE (default) */
	enum mmhs_dl_proof_of_delivery	pl_proof_of_delivery;	/* 11 */
	enum mmhs_dl_rdm		pl_rdm;			/* 12 */
	int	pl_rdm_values[MMHS_DL_RDM_MAX];	/* when pl_rdm == REPLACED */
	int	pl_nrdm;
	char	pl_token_encryption[MMHS_DL_OIDLIST_MAX + 1];	/* 13, "" absent */
	char	pl_token_signature[MMHS_DL_OIDLIST_MAX + 1];	/* 14, "" absent */
};

/* Every field at its default (what a missing attribute means). */
void mmhs_dl_policy_init(struct mmhs_dl_policy *pol);
/* Parse "name=value $ name=value ..."; fields not given keep defaults. */
int mmhs_dl_policy_parse(const char *str, struct mmhs_dl_policy *pol,
	char *err, size_t errlen);
/* Canonical form: non-default fields in tag order, " $ "; "" when all
 * fields are at their default (the attribute should then be omitted). */
int mmhs_dl_policy_format(const struct mmhs_dl_policy *pol, char *buf,
	size_t len);

/* ------------------------------------------------------------------ */
/* Expanded recipient: one value of the overlay's mmhsExpandedRecipient
 *
 *	recipient = [ flag SP ] kind ":" address [ SP "<" dn ">" ]
 *	flag      = "remote"   ; a list of another site: forward, don't expand
 *	          / "list"     ; a nested list not expanded (DL policy)
 *	kind      = "rfc822" / "x400" / "none"   ; none: no address (empty)
 */

#define MMHS_DL_RCPT_REMOTE	0x01
#define MMHS_DL_RCPT_LIST	0x02

enum mmhs_dl_rcpt_kind {
	MMHS_DL_RCPT_RFC822 = 0, MMHS_DL_RCPT_X400, MMHS_DL_RCPT_NONE
};

struct mmhs_dl_recipient {
	int		dr_flags;
	enum mmhs_dl_rcpt_kind dr_kind;
	const char	*dr_addr;	/* not NUL-terminated */
	size_t		dr_addrlen;
	const char	*dr_dn;		/* NULL/0 when none */
	size_t		dr_dnlen;
};

int mmhs_dl_recipient_parse(const char *str, struct mmhs_dl_recipient *r,
	char *err, size_t errlen);
int mmhs_dl_recipient_format(const struct mmhs_dl_recipient *r, char *buf,
	size_t len);

#endif
