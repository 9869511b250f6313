/* mmhs_mmhs.h - RFC 6477 MMHS header fields and the RFC 7444 SIO-Label */
#ifndef MMHS_MMHS_H
#define MMHS_MMHS_H

#include <stddef.h>
#include <time.h>

#include "mmhs_precedence.h"

#define MMHS_MMHS_MILSTR_MAX	69	/* RFC 6477: military-string */
#define MMHS_MMHS_SIC_MIN	3	/* RFC 6477: sic = 3*8(ps-char) */
#define MMHS_MMHS_SIC_MAX	8
#define MMHS_MMHS_LIST_MAX	64	/* ours: items in one list field */
#define MMHS_MMHS_LABEL_MAX	8192	/* ours: decoded SIO-Label label */
#define MMHS_MMHS_ERR_LEN	256	/* room for any error text */

/* The fields, one bit each in mm_present. */
enum mmhs_mmhs_field {
	MMHS_F_EXEMPTED_ADDRESS,
	MMHS_F_EXT_AUTH_INFO,
	MMHS_F_SICS,
	MMHS_F_HANDLING,
	MMHS_F_MSG_INSTRUCTIONS,
	MMHS_F_CODRESS,
	MMHS_F_ORIG_REF,
	MMHS_F_PRIMARY_PREC,
	MMHS_F_COPY_PREC,
	MMHS_F_MSG_TYPE,
	MMHS_F_ORI_TO,
	MMHS_F_ORI_CC,
	MMHS_F_ACP127_ID,
	MMHS_F_PLAD,
	MMHS_F_SIO_LABEL,
	MMHS_F_COUNT
};

/* A list field: items with the separators and outer FWS removed. */
struct mmhs_mmhs_list {
	size_t	ml_count;
	char  **ml_items;
};

/* MMHS-Message-Type: 0..255 (exercise 0, operation 1, project 2,
 * drill 3) and the optional identifier="...". */
struct mmhs_mmhs_msgtype {
	unsigned mt_type;
	int	mt_has_id;
	char	mt_id[MMHS_MMHS_MILSTR_MAX + 1];
};

/* RFC 7444 SIO-Label, RFC 2231 continuations and charsets decoded. */
struct mmhs_siolabel {
	char   *sl_marking;		/* NULL when absent */
	char	sl_fgcolor[8];		/* "" when absent; "#rrggbb" or name */
	char	sl_bgcolor[8];
	char   *sl_type;		/* ":ess", ":x411", ":xml", a URI, NULL */
	unsigned char *sl_label;	/* base64-decoded, e.g. DER ESS label */
	size_t	sl_label_len;
};

struct mmhs_mmhs {
	unsigned mm_present;		/* 1 << enum mmhs_mmhs_field */
	int	mm_have_to;		/* To: seen (for the 3.8 rule) */
	int	mm_have_cc;		/* Cc: or Bcc: seen (3.9) */
	struct mmhs_mmhs_list mm_exempted;	/* addresses */
	char	mm_auth_info[64];	/* date-time as received */
	time_t	mm_auth_time;		/* the same, UTC */
	struct mmhs_mmhs_list mm_sics;
	struct mmhs_mmhs_list mm_handling;
	struct mmhs_mmhs_list mm_instructions;
	unsigned long mm_codress;
	char	mm_orig_ref[MMHS_MMHS_MILSTR_MAX + 1];
	enum mmhs_precedence mm_primary;
	enum mmhs_precedence mm_copy;
	struct mmhs_mmhs_msgtype mm_type;
	struct mmhs_mmhs_list mm_ori_to;
	struct mmhs_mmhs_list mm_ori_cc;
	char	mm_acp127_id[MMHS_MMHS_MILSTR_MAX + 1];
	char	mm_plad[MMHS_MMHS_MILSTR_MAX + 1];
	struct mmhs_siolabel mm_label;
};

void	mmhs_mmhs_init(struct mmhs_mmhs *mm);
void	mmhs_mmhs_free(struct mmhs_mmhs *mm);

/* Header field name of a field ("MMHS-Primary-Precedence"). */
const char *mmhs_mmhs_field_name(enum mmhs_mmhs_field f);

/*
 * One top-level header field (name and unfolded value, as from the
 * mmhs_msg parser).  Returns 1 for a field that is not ours (To, Cc
 * and Bcc are noted), 0 when stored, -1 with "Name: what" in err for
 * a value that breaks the RFC grammar or a second instance (RFC 6477
 * section 3 and RFC 7444 section 4: each at most once).
 */
int	mmhs_mmhs_add(struct mmhs_mmhs *mm, const char *name, const char *value,
	char *err, size_t errlen);

/*
 * Checks over the whole header block, after the last add(): RFC 6477
 * 3.8 (Primary-Precedence MUST be present with To: recipients) and 3.9
 * (Copy-Precedence with Cc:/Bcc:).  Returns 0 or -1 with err.
 */
int	mmhs_mmhs_check(const struct mmhs_mmhs *mm, char *err, size_t errlen);

/*
 * Validate one value without storing it: the per-field check, for
 * tools and for the directory overlays' input checks.  Unknown names
 * give -1.
 */
int	mmhs_mmhs_validate(const char *name, const char *value, char *err,
	size_t errlen);

/*
 * The precedence that orders the message: Primary-Precedence, else
 * Copy-Precedence when there are no primary recipients (the MMHS
 * profile's rule for MT-Priority), else routine.
 */
enum mmhs_precedence mmhs_mmhs_precedence(const struct mmhs_mmhs *mm);

/* Parse an SIO-Label value into sl (freed by mmhs_siolabel_free). */
int	mmhs_siolabel_parse(const char *value, struct mmhs_siolabel *sl,
	char *err, size_t errlen);
void	mmhs_siolabel_free(struct mmhs_siolabel *sl);

#endif
