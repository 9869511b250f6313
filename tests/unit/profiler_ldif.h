/* profiler_ldif.h - directory entries for the profiler's unit tests
 *
 * Entries are built from LDIF text ("dn: ...\nname: value\n...") or
 * read from the sample files in ldif/ ($srcdir/ldif, else ../ldif or
 * ./ldif), as the directory cache would hand them to the profiler.
 */
#ifndef PROFILER_LDIF_H
#define PROFILER_LDIF_H

#include <stddef.h>

#include "mmhs_dircache.h"
#include "profiler_rules.h"

#define T_DAY0	1728000000L		/* a midnight, UTC */
#define T_AT(h, m)	((time_t) (T_DAY0 + (h) * 3600L + (m) * 60L))
#define TC_ORG	"o=MMHS Test Cell,o=Defence,c=XW"
#define JF_ORG	"o=Joint Force Headquarters,o=Defence,c=XW"

/* The entries of an LDIF file. */
struct t_ldif {
	size_t	tl_n;
	mmhs_dircache_entry_t **tl_e;
};

/* One value (len bytes, NULs allowed) appended to attribute name. */
void	t_attr_add(mmhs_dircache_entry_t *e, const char *name, const char *v,
	    size_t len);
/* An entry from LDIF text; free with mmhs_dircache_entry_free. */
mmhs_dircache_entry_t *t_entry(const char *text);
/* Every entry of ldif/NAME; 0 or -1. */
int	t_ldif_read(const char *name, struct t_ldif *l);
void	t_ldif_free(struct t_ldif *l);
mmhs_dircache_entry_t *t_ldif_find(struct t_ldif *l, const char *dn);
/* The rule set of organisation org in l, its active set replaced by
 * active (NULL: as in the file). */
void	t_ldif_set(struct prof_set *ps, struct t_ldif *l, const char *org,
	    const char *active);

#endif
