/* archive_retain.c - mmhs-archive purge: retention from the directory
 *
 * SYNOPSIS
 *	mmhs-archive purge -d DIR -H URI [-D DN (-w PW | -y FILE)]
 *	    [-b BASE] [-t TRACKLOG]
 *
 * Purpose: the command-line twin of the daemon's retention run, for an
 * archive whose daemon is stopped or an administrator who will not
 * wait for the next scan-interval.  The mmhsArchivePolicy entries are
 * read from the directory at URI (simple bind as DN, or anonymous),
 * under BASE or else the first naming context of the root DSE; each
 * record is then judged by the policies it was archived under
 * (archive_purge.c).  It takes the archive's exclusive lock, so a
 * running daemon's appends wait for it.  One "purged" line goes to the
 * tracking log when -t is given.
 *
 * Output: "purged N records (S segments rewritten), K kept".
 * Exit status: 0, or 2 with a message (nothing purged then).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <ldap.h>

#include "mmhs_alloc.h"
#include "mmhs_archpol.h"
#include "mmhs_track.h"
#include "archive_agent.h"

struct arc_retain {
	char	**r_dn;			/* normalised policy DNs */
	long	*r_days;
	size_t	r_n;
};

static long
arc_retain_days(void *arg, const char *dn)
{
	struct arc_retain *rt = arg;
	char	*n = mmhs_archpol_dn_norm(dn);
	long	days = -1;
	size_t	i;

	for (i = 0; i < rt->r_n; i++)
		if (strcmp(rt->r_dn[i], n) == 0)
			days = rt->r_days[i];
	mmhs_free(n);
	return days;
}

/* arc_retain_base - the first naming context of the root DSE */
static char *
arc_retain_base(LDAP *ld)
{
	char	*attrs[] = { "namingContexts", NULL }, *base = NULL;
	struct berval **v;
	LDAPMessage *res = NULL, *e;

	if (ldap_search_ext_s(ld, "", LDAP_SCOPE_BASE, "(objectClass=*)",
	    attrs, 0, NULL, NULL, NULL, 0, &res) == LDAP_SUCCESS &&
	    (e = ldap_first_entry(ld, res)) != NULL &&
	    (v = ldap_get_values_len(ld, e, "namingContexts")) != NULL) {
		if (v[0] != NULL)
			base = mmhs_strndup(v[0]->bv_val, v[0]->bv_len);
		ldap_value_free_len(v);
	}
	ldap_msgfree(res);
	return base;
}

/* arc_retain_read - the policies' retention; 0, or -1 and why */
static int
arc_retain_read(LDAP *ld, const char *base, struct arc_retain *rt,
	char *err, size_t errlen)
{
	char	*attrs[] = { "mmhsRetentionDays", NULL }, *dn, *end, num[24];
	struct berval **v;
	LDAPMessage *res = NULL, *e;
	int	rc, n;

	rc = ldap_search_ext_s(ld, base, LDAP_SCOPE_SUBTREE,
	    "(objectClass=mmhsArchivePolicy)", attrs, 0, NULL, NULL, NULL, 0,
	    &res);
	if (rc != LDAP_SUCCESS) {
		snprintf(err, errlen, "search under %s: %s", base,
		    ldap_err2string(rc));
		ldap_msgfree(res);
		return -1;
	}
	n = ldap_count_entries(ld, res);
	rt->r_dn = mmhs_calloc((size_t)n + 1, sizeof(*rt->r_dn));
	rt->r_days = mmhs_calloc((size_t)n + 1, sizeof(*rt->r_days));
	for (e = ldap_first_entry(ld, res); e != NULL;
	    e = ldap_next_entry(ld, e)) {
		if ((dn = ldap_get_dn(ld, e)) == NULL)
			continue;
		rt->r_dn[rt->r_n] = mmhs_archpol_dn_norm(dn);
		ldap_memfree(dn);
		rt->r_days[rt->r_n] = -1;
		if ((v = ldap_get_values_len(ld, e, "mmhsRetentionDays")) !=
		    NULL) {
			if (v[0] != NULL && v[0]->bv_len < sizeof(num)) {
				memcpy(num, v[0]->bv_val, v[0]->bv_len);
				num[v[0]->bv_len] = '\0';
				rt->r_days[rt->r_n] = strtol(num, &end, 10);
				if (*end != '\0' || rt->r_days[rt->r_n] < 0)
					rt->r_days[rt->r_n] = -1;
			}
			ldap_value_free_len(v);
		}
		rt->r_n++;
	}
	ldap_msgfree(res);
	return 0;
}

/* arc_retain_ldap - bind and read; 0, or -1 and why */
static int
arc_retain_ldap(const char *uri, const char *dn, const char *pw,
	const char *base, struct arc_retain *rt, char *err, size_t errlen)
{
	struct timeval tv = { 10, 0 };
	struct berval cred = { 0, NULL };
	LDAP	*ld = NULL;
	char	*b = NULL;
	int	rc, v3 = LDAP_VERSION3;

	if ((rc = ldap_initialize(&ld, uri)) != LDAP_SUCCESS) {
		snprintf(err, errlen, "%s: %s", uri, ldap_err2string(rc));
		return -1;
	}
	(void) ldap_set_option(ld, LDAP_OPT_PROTOCOL_VERSION, &v3);
	(void) ldap_set_option(ld, LDAP_OPT_NETWORK_TIMEOUT, &tv);
	(void) ldap_set_option(ld, LDAP_OPT_TIMEOUT, &tv);
	if (pw != NULL) {
		cred.bv_val = (char *)pw;
		cred.bv_len = strlen(pw);
	}
	if ((rc = ldap_sasl_bind_s(ld, dn, LDAP_SASL_SIMPLE, &cred, NULL,
	    NULL, NULL)) != LDAP_SUCCESS) {
		snprintf(err, errlen, "%s: bind%s%s: %s", uri, dn ? " as " : "",
		    dn ? dn : "", ldap_err2string(rc));
		ldap_unbind_ext_s(ld, NULL, NULL);
		return -1;
	}
	if (base == NULL && (base = b = arc_retain_base(ld)) == NULL) {
		snprintf(err, errlen, "%s: no naming context; give -b BASE",
		    uri);
		ldap_unbind_ext_s(ld, NULL, NULL);
		return -1;
	}
	rc = arc_retain_read(ld, base, rt, err, errlen);
	mmhs_free(b);
	ldap_unbind_ext_s(ld, NULL, NULL);
	return rc;
}

/* arc_retain_pw - the first line of a password file, or NULL */
static char *
arc_retain_pw(const char *path)
{
	char	buf[512];
	FILE	*f = fopen(path, "r");

	if (f == NULL)
		return NULL;
	if (fgets(buf, sizeof(buf), f) == NULL)
		buf[0] = '\0';
	fclose(f);
	buf[strcspn(buf, "\r\n")] = '\0';
	return mmhs_strdup(buf);
}

/* arc_retain_track - the "purged" line */
static void
arc_retain_track(const char *path, const struct arc_purge_stats *st)
{
	struct mmhs_track_event ev;
	struct mmhs_track *tr;
	char	extra[128];

	if (path == NULL || (tr = mmhs_track_open("archive", path)) == NULL)
		return;
	snprintf(extra, sizeof(extra), "purged=%llu kept=%llu segments=%u",
	    (unsigned long long)st->ps_dropped, (unsigned long long)st->ps_kept,
	    st->ps_segments);
	memset(&ev, 0, sizeof(ev));
	ev.te_event = "purged";
	ev.te_extra = extra;
	(void) mmhs_track_log(tr, &ev);
	mmhs_track_close(tr);
}

/* arc_cmd_purge - options, retention, purge */
int
arc_cmd_purge(int argc, char **argv)
{
	const char *dir = NULL, *uri = NULL, *dn = NULL, *base = NULL;
	const char *track = NULL;
	struct arc_retain rt = { NULL, NULL, 0 };
	struct arc_purge_stats st;
	struct arc_store *s = NULL;
	char	err[ARC_ERR_LEN], *pw = NULL;
	size_t	i;
	int	ch, rc = 2;

	optind = 1;
	while ((ch = getopt(argc, argv, "d:H:D:w:y:b:t:")) != -1)
		switch (ch) {
		case 'd': dir = optarg; break;
		case 'H': uri = optarg; break;
		case 'D': dn = optarg; break;
		case 'w': mmhs_free(pw); pw = mmhs_strdup(optarg); break;
		case 'y':
			mmhs_free(pw);
			if ((pw = arc_retain_pw(optarg)) == NULL) {
				fprintf(stderr, "mmhs-archive: %s: %m\n", optarg);
				return 2;
			}
			break;
		case 'b': base = optarg; break;
		case 't': track = optarg; break;
		default: goto usage;
		}
	if (dir == NULL || uri == NULL || optind != argc)
		goto usage;
	if (arc_retain_ldap(uri, dn, pw, base, &rt, err, sizeof(err)) < 0)
		fprintf(stderr, "mmhs-archive: purge: %s\n", err);
	else if (arc_store_open(&s, dir, 0, err, sizeof(err)) < 0)
		fprintf(stderr, "mmhs-archive: %s: %s\n", dir, err);
	else if (arc_purge(s, time(NULL), arc_retain_days, &rt, &st, err,
	    sizeof(err)) < 0)
		fprintf(stderr, "mmhs-archive: purge: %s\n", err);
	else {
		printf("purged %llu records (%u segments rewritten), %llu kept\n",
		    (unsigned long long)st.ps_dropped, st.ps_segments,
		    (unsigned long long)st.ps_kept);
		arc_retain_track(track, &st);
		rc = 0;
	}
	arc_store_close(s);
	for (i = 0; i < rt.r_n; i++)
		mmhs_free(rt.r_dn[i]);
	mmhs_free(rt.r_dn);
	mmhs_free(rt.r_days);
	mmhs_free(pw);
	return rc;
usage:
	mmhs_free(pw);
	fprintf(stderr, "usage: mmhs-archive purge -d DIR -H URI [-D DN "
	    "(-w PW | -y FILE)] [-b BASE] [-t TRACKLOG]\n");
	return 2;
}
