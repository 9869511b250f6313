/* expander_mlhist.c - RFC 2634's mlExpansionHistory, as a list reads
 * and writes it
 *
 * A mail list agent that expands a signed or encrypted message signs
 * the copies itself (RFC 2634 section 4.2), and its signature carries
 * the expansion history: the history of the list agent before it (the
 * outer signature it removed) with one MLData of its own appended,
 * naming the list by its certificate.  The history is also how loops
 * are found: a list that finds itself in it has expanded the message
 * before (4.2.1); a history of ub-ml-expansion-history (64) records
 * has no room for one more.  The DER and the certificate matching are
 * lib/mmhs_cms's; the decisions are here.  Interface: expander.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mmhs_alloc.h"
#include "mmhs_cms.h"
#include "expander.h"

/* mh_time - a record's expansion time for a diagnostic */
static void
mh_time(time_t t, char *buf, size_t len)
{
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, len, "%Y-%m-%d %H:%M:%SZ", &tm) == 0)
		snprintf(buf, len, "(time unknown)");
}

/* expander_mlhist_check - loop and room */
int
expander_mlhist_check(const struct mmhs_cms_mldata *v, int n,
	X509 *const *own, int nown, char *why, size_t whylen)
{
	char	when[40];
	int	i, k;

	for (i = 0; i < n; i++)
		for (k = 0; k < nown; k++) {
			if (own[k] == NULL || !mmhs_cms_mldata_names(&v[i],
			    own[k]))
				continue;
			mh_time(v[i].md_time, when, sizeof(when));
			snprintf(why, whylen, "record %d of %d of the "
			    "mlExpansionHistory names this list's certificate "
			    "(expanded at %s)", i + 1, n, when);
			return -2;
		}
	if (n >= MMHS_CMS_MLHIST_MAX) {
		snprintf(why, whylen, "the mlExpansionHistory holds %d "
		    "records, the most RFC 2634 allows "
		    "(ub-ml-expansion-history)", n);
		return -1;
	}
	snprintf(why, whylen, "%d earlier expansions", n);
	return 0;
}

/* expander_mlhist_next - prev and our record */
int
expander_mlhist_next(const unsigned char *prev, size_t prevlen, X509 *cert,
	time_t when, unsigned char **der, size_t *len, char *err,
	size_t errlen)
{
	struct mmhs_cms_mldata *v;
	char	e[256];
	int	n = 0, rc = -1;

	*der = NULL;
	*len = 0;
	v = mmhs_calloc(MMHS_CMS_MLHIST_MAX, sizeof(*v));
	if (prev != NULL && mmhs_cms_mlhist_decode(prev, prevlen, v,
	    MMHS_CMS_MLHIST_MAX, &n, e, sizeof(e)) < 0) {
		snprintf(err, errlen, "the mlExpansionHistory received does "
		    "not decode: %s", e);
		n = 0;
		goto done;
	}
	if (n >= MMHS_CMS_MLHIST_MAX) {
		snprintf(err, errlen, "the mlExpansionHistory is full (%d "
		    "records)", n);
		goto done;
	}
	if (mmhs_cms_mldata_for(cert, when, &v[n], e, sizeof(e)) < 0) {
		snprintf(err, errlen, "no MLData for the list's certificate: "
		    "%s", e);
		goto done;
	}
	n++;
	if (mmhs_cms_mlhist_encode(v, n, der, len, e, sizeof(e)) < 0) {
		snprintf(err, errlen, "cannot encode the mlExpansionHistory: "
		    "%s", e);
		goto done;
	}
	rc = 0;
done:
	mmhs_cms_mlhist_free(v, n);
	mmhs_free(v);
	return rc;
}
