/* mmhs_archpol.h - archive policies: whose traffic is archived, and where */
#ifndef MMHS_ARCHPOL_H
#define MMHS_ARCHPOL_H

#include <stddef.h>

#include "mmhs_dircache.h"

/*
 * A table of the mmhsArchivePolicy entries of a directory cache, built
 * once per cache generation and then read without locks (the MTA, which
 * adds the archive as a recipient, and the archive agent, which records
 * the policies of each message and applies their retention, share it).
 *
 * Subjects: an mmhsArchiveSubject names one entry (organisation, role or
 * person) and covers that entry's own addresses only: its mail values
 * and its mhs-or-addresses.  An organisation subject does not cover the
 * roles and people below it; a policy names each of them (70-archive.ldif
 * does).  This keeps a policy an explicit list an auditor can read, and
 * a message to a person of a large organisation is not archived by
 * accident.
 *
 * Matching: an RFC 5321 address without its "+detail" subaddress and
 * without case ("do.jfhq+info@x" is "do.jfhq@x"); an O/R address (it
 * begins with '/') by its canonical RFC 2156 form, without case.
 *
 * DNs kept here are LDAPv3-normalised and lower-cased, so that strcmp
 * compares them (mmhs_archpol_dn_norm()).  Build errors: NULL and a
 * message when the cache cannot be searched; a subject that is not in
 * the cache is counted in *nmissing and covers nothing.
 */

struct mmhs_archpol {
	char	*ap_dn;			/* the policy entry, normalised */
	char	*ap_archive;		/* mmhsArchive, normalised */
	long	ap_days;		/* mmhsRetentionDays; -1 absent */
};

struct mmhs_archpol_table;

struct mmhs_archpol_table *mmhs_archpol_build(mmhs_dircache_t *c,
	    size_t *nmissing, char *err, size_t errlen);
void	mmhs_archpol_free(struct mmhs_archpol_table *t);

size_t	mmhs_archpol_count(const struct mmhs_archpol_table *t);
const struct mmhs_archpol *mmhs_archpol_get(const struct mmhs_archpol_table *t,
	    size_t i);
/* The index of the policy DN (any spelling), or -1. */
long	mmhs_archpol_find(const struct mmhs_archpol_table *t, const char *dn);

/* Sets hit[i] = 1 for every policy i that covers addr (hit has
 * mmhs_archpol_count() elements); returns how many cover it. */
size_t	mmhs_archpol_cover(const struct mmhs_archpol_table *t,
	    const char *addr, unsigned char *hit);

/* A DN that compares with strcmp (caller frees with mmhs_free). */
char	*mmhs_archpol_dn_norm(const char *dn);

#endif
