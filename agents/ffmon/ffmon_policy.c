/* ffmon_policy.c - fire-and-forget deadlines and the redirect rule
 *
 * Pure functions (no I/O, no globals) over directory entries as the
 * cache returns them, so the unit tests build entries by hand.
 *
 * Policy (doc/ldif-reference.md section 8): a mailbox's deadlines come
 * from the mmhsFFPolicy entry its mmhsFFPolicy attribute names, else
 * from the site default "cn=default,ou=Policies,<site>", the site being
 * the mailbox's mmhsSite (the site whose store holds it) or, without
 * one, the agent's own.  mmhsDeadline values are "precedence$seconds";
 * a precedence the policy does not list has no deadline.  A value that
 * does not parse is reported and skipped, never guessed at; of two
 * values for one precedence the shorter wins (the guarantee errs on the
 * side of acting early).
 *
 * Chains: see ffmon_verdict() in ffmon.h.
 *
 * Messages (read, never changed): the key a message's redirects are
 * recorded under, and whether it is a report.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mmhs_alloc.h"
#include "mmhs_dl.h"
#include "mmhs_summary.h"
#include "mmhs_text.h"
#include "ffmon.h"

#define FFMON_DEFAULT_RDN	"cn=default,ou=Policies,"

/* ffmon_deadline_parse - one mmhsDeadline value */
int
ffmon_deadline_parse(const char *v, enum mmhs_precedence *prec, long *secs,
    char *err, size_t errlen)
{
	const char *dollar = strchr(v, '$'), *p, *e;
	char	name[16], *end;
	size_t	n;
	long	x;

	if (dollar == NULL || strchr(dollar + 1, '$') != NULL) {
		snprintf(err, errlen, "\"%s\": not precedence$seconds", v);
		return -1;
	}
	for (p = v; *p == ' '; p++)
		;
	for (e = dollar; e > p && e[-1] == ' '; e--)
		;
	n = (size_t)(e - p);
	if (n == 0 || n >= sizeof(name)) {
		snprintf(err, errlen, "\"%s\": no precedence name", v);
		return -1;
	}
	memcpy(name, p, n);
	name[n] = '\0';
	if (mmhs_precedence_from_name(name, prec) < 0) {
		snprintf(err, errlen, "\"%s\": \"%s\" is not a precedence", v,
		    name);
		return -1;
	}
	for (p = dollar + 1; *p == ' '; p++)
		;
	errno = 0;
	x = strtol(p, &end, 10);
	while (*end == ' ')
		end++;
	if (!isdigit((unsigned char)*p) || *end != '\0' || errno != 0 ||
	    x <= 0 || x > FFMON_DEADLINE_MAX) {
		snprintf(err, errlen, "\"%s\": seconds must be 1 to %ld", v,
		    FFMON_DEADLINE_MAX);
		return -1;
	}
	*secs = x;
	return 0;
}

/* ffmon_policy_from_entry - the deadlines of a policy entry */
int
ffmon_policy_from_entry(const mmhs_dircache_entry_t *e,
    struct ffmon_policy *p, char *err, size_t errlen)
{
	const mmhs_dircache_attr_t *a;
	enum mmhs_precedence prec;
	char	why[FFMON_TEXT_MAX];
	size_t	i;
	long	secs;
	int	bad = 0;

	for (i = 0; i <= MMHS_PREC_MAX; i++)
		p->fp_secs[i] = FFMON_NONE;
	if (errlen > 0)
		err[0] = '\0';
	if (e == NULL || (a = mmhs_dircache_attr(e, "mmhsDeadline")) == NULL)
		return 0;
	for (i = 0; i < a->da_nvals; i++) {
		if (ffmon_deadline_parse(a->da_vals[i], &prec, &secs, why,
		    sizeof(why)) < 0) {
			if (bad++ == 0)
				snprintf(err, errlen, "%s: mmhsDeadline %s",
				    e->de_dn, why);
			continue;
		}
		if (p->fp_secs[prec] == FFMON_NONE || secs < p->fp_secs[prec])
			p->fp_secs[prec] = secs;
	}
	return bad;
}

/* ffmon_policy_min - the shortest deadline */
long
ffmon_policy_min(const struct ffmon_policy *p)
{
	long	m = FFMON_NONE;
	int	i;

	for (i = 0; i <= MMHS_PREC_MAX; i++)
		if (p->fp_secs[i] != FFMON_NONE &&
		    (m == FFMON_NONE || p->fp_secs[i] < m))
			m = p->fp_secs[i];
	return m;
}

/* ffmon_policy_default_dn - the site default for a mailbox */
int
ffmon_policy_default_dn(const mmhs_dircache_entry_t *mbox, const char *site,
    char *buf, size_t len)
{
	const char *s = mbox != NULL ? mmhs_dircache_value(mbox, "mmhsSite") :
	    NULL;
	int	n;

	if (s == NULL || *s == '\0')
		s = site;
	n = snprintf(buf, len, "%s%s", FFMON_DEFAULT_RDN, s);
	return n < 0 || (size_t)n >= len ? -1 : 0;
}

/* ffmon_policy_dn - which policy entry applies to a mailbox */
int
ffmon_policy_dn(const mmhs_dircache_entry_t *mbox, const char *site,
    char *buf, size_t len)
{
	const char *own = mmhs_dircache_value(mbox, "mmhsFFPolicy");
	int	n;

	if (own != NULL && *own != '\0') {
		n = snprintf(buf, len, "%s", own);
		return n < 0 || (size_t)n >= len ? -1 : 1;
	}
	return ffmon_policy_default_dn(mbox, site, buf, len);
}

/* ffmon_dn_eq - the same DN, ignoring case and spaces next to separators */
static int
ffmon_dn_eq(const char *a, const char *b)
{
	return mmhs_dl_dn_equal(a, strlen(a), b, strlen(b));
}

/* ffmon_verdict - may the message left in mailbox go to ap? */
enum ffmon_verdict
ffmon_verdict(const char *mailbox, const char *ap,
    const struct ffmon_hop *hops, size_t nhops)
{
	size_t	i;

	if (ap == NULL || *ap == '\0')
		return FFMON_NO_AP;
	for (i = 0; i < nhops; i++)
		if (ffmon_dn_eq(hops[i].h_from, mailbox) &&
		    ffmon_dn_eq(hops[i].h_to, ap))
			return FFMON_MARK_ONLY;
	if (ffmon_dn_eq(mailbox, ap))
		return FFMON_LOOP;
	for (i = 0; i < nhops; i++)
		if (ffmon_dn_eq(hops[i].h_from, ap) ||
		    ffmon_dn_eq(hops[i].h_to, ap))
			return FFMON_LOOP;
	return FFMON_REDIRECT;
}

/* ffmon_verdict_name - for logs */
const char *
ffmon_verdict_name(enum ffmon_verdict v)
{
	switch (v) {
	case FFMON_REDIRECT: return "redirect";
	case FFMON_MARK_ONLY: return "mark";
	case FFMON_NO_AP: return "no action point";
	case FFMON_LOOP: return "loop";
	}
	return "?";
}

/* ffmon_hop_field - copy one tab-separated field; NULL when too long */
static const char *
ffmon_hop_field(const char *p, const char *end, char *out, size_t outlen)
{
	const char *t = memchr(p, '\t', (size_t)(end - p));
	size_t	n;

	if (t == NULL)
		t = end;
	n = (size_t)(t - p);
	if (n == 0 || n >= outlen)
		return NULL;
	memcpy(out, p, n);
	out[n] = '\0';
	return t < end ? t + 1 : t;
}

/* ffmon_hops_parse - the stored text of a Message-ID's hops */
size_t
ffmon_hops_parse(const char *text, size_t len, struct ffmon_hop *hops,
    size_t max)
{
	const char *p = text, *end = text + len, *nl, *q;
	char	num[24], *stop;
	size_t	n = 0;
	long long t;

	for (; p < end && n < max; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if ((q = ffmon_hop_field(p, nl, num, sizeof(num))) == NULL)
			continue;
		t = strtoll(num, &stop, 10);
		if (*stop != '\0' || t < 0 ||
		    (q = ffmon_hop_field(q, nl, hops[n].h_from,
		    sizeof(hops[n].h_from))) == NULL ||
		    ffmon_hop_field(q, nl, hops[n].h_to,
		    sizeof(hops[n].h_to)) == NULL ||
		    memchr(q, '\t', (size_t)(nl - q)) != NULL)
			continue;
		hops[n++].h_at = (time_t)t;
	}
	return n;
}

/* ffmon_hops_format - the text ffmon_hops_parse reads */
int
ffmon_hops_format(const struct ffmon_hop *hops, size_t n, char *buf,
    size_t len)
{
	size_t	i, pos = 0;
	int	k;

	if (len == 0)
		return -1;
	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		if (strpbrk(hops[i].h_from, "\t\n") != NULL ||
		    strpbrk(hops[i].h_to, "\t\n") != NULL)
			return -1;
		k = snprintf(buf + pos, len - pos, "%lld\t%s\t%s\n",
		    (long long)hops[i].h_at, hops[i].h_from, hops[i].h_to);
		if (k < 0 || (size_t)k >= len - pos)
			return -1;
		pos += (size_t)k;
	}
	return (int)pos;
}

/* ffmon_msg_key - the Message-ID, else a hash of From:, Date:, Subject:
 * (FNV-1a 64) in a form that cannot be a Message-ID's */
char *
ffmon_msg_key(const char *raw, size_t len, int *real)
{
	static const char *const fields[] = { "From", "Date", "Subject" };
	unsigned long long h = 0xcbf29ce484222325ULL;
	char	*v, out[64];
	const char *p;
	size_t	i;

	if ((v = mmhs_summary_field(raw, len, "Message-ID")) != NULL &&
	    *v != '\0') {
		*real = 1;
		return v;
	}
	mmhs_free(v);
	*real = 0;
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		v = mmhs_summary_field(raw, len, fields[i]);
		for (p = v != NULL ? v : ""; ; p++) {
			h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
			if (*p == '\0')
				break;
		}
		mmhs_free(v);
	}
	snprintf(out, sizeof(out), "no-message-id %016llx", h);
	return mmhs_strdup(out);
}

/* ffmon_is_report - Content-Type multipart/report (a DSN, an MDN) */
int
ffmon_is_report(const char *raw, size_t len)
{
	char	*ct = mmhs_summary_field(raw, len, "Content-Type");
	const char *v = ct != NULL ? mmhs_text_skip_cfws(ct) : NULL;
	int	yes;

	/* the character after the type: end, blank, ';' or a comment */
	yes = v != NULL && strlen(v) >= 16 &&
	    mmhs_text_ncaseeq(v, 16, "multipart/report") &&
	    (v[16] == '\0' || strchr(" \t;(", v[16]) != NULL);
	mmhs_free(ct);
	return yes;
}
