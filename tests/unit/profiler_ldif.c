/* profiler_ldif.c - directory entries for the profiler's unit tests
 *
 * Contract in profiler_ldif.h.  The LDIF reader knows what the
 * sample uses: comments, continuation lines, "name: value" (no base64).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mmhs_alloc.h"
#include "profiler_ldif.h"
#include "unit.h"

/* t_attr_add - append a value to attribute name of e */
void
t_attr_add(mmhs_dircache_entry_t *e, const char *name, const char *v,
	size_t len)
{
	mmhs_dircache_attr_t *a = NULL;
	size_t	i;

	for (i = 0; i < e->de_nattrs; i++)
		if (strcasecmp(e->de_attrs[i].da_name, name) == 0)
			a = &e->de_attrs[i];
	if (a == NULL) {
		e->de_attrs = mmhs_realloc(e->de_attrs,
		    (e->de_nattrs + 1) * sizeof(*a));
		a = &e->de_attrs[e->de_nattrs++];
		memset(a, 0, sizeof(*a));
		a->da_name = mmhs_strdup(name);
	}
	a->da_vals = mmhs_realloc(a->da_vals, (a->da_nvals + 1) * sizeof(char *));
	a->da_lens = mmhs_realloc(a->da_lens, (a->da_nvals + 1) * sizeof(size_t));
	a->da_vals[a->da_nvals] = mmhs_malloc(len + 1);
	memcpy(a->da_vals[a->da_nvals], v, len);
	a->da_vals[a->da_nvals][len] = '\0';
	a->da_lens[a->da_nvals++] = len;
}

/* t_line - one "name: value" line into e (the dn line names it) */
static void
t_line(mmhs_dircache_entry_t *e, const char *line)
{
	const char *colon = strchr(line, ':'), *v;
	char	name[64];

	if (colon == NULL || (size_t) (colon - line) >= sizeof(name))
		return;
	memcpy(name, line, (size_t) (colon - line));
	name[colon - line] = '\0';
	for (v = colon + 1; *v == ' '; v++)
		;
	if (strcasecmp(name, "dn") == 0)
		e->de_dn = mmhs_strdup(v);
	else
		t_attr_add(e, name, v, strlen(v));
}

/* t_entry - an entry from "dn: ...\nname: value\n..." */
mmhs_dircache_entry_t *
t_entry(const char *text)
{
	mmhs_dircache_entry_t *e = mmhs_calloc(1, sizeof(*e));
	char   *copy = mmhs_strdup(text), *line, *save = NULL;

	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		t_line(e, line);
	mmhs_free(copy);
	return e;
}

/* t_ldif_flush - the lines gathered so far become one entry */
static void
t_ldif_flush(struct t_ldif *l, char **buf, size_t *len)
{
	if (*len > 0 && strncmp(*buf, "dn:", 3) == 0) {
		l->tl_e = mmhs_realloc(l->tl_e, (l->tl_n + 1) * sizeof(void *));
		l->tl_e[l->tl_n++] = t_entry(*buf);
	}
	*len = 0;
	(*buf)[0] = '\0';
}

/* t_ldif_read - every entry of ldif/NAME; 0 or -1 */
int
t_ldif_read(const char *name, struct t_ldif *l)
{
	const char *src = getenv("srcdir");
	char	path[1024], line[4096], *buf;
	size_t	len = 0, cap = 65536, n;
	FILE   *fp;

	memset(l, 0, sizeof(*l));
	snprintf(path, sizeof(path), "%s/ldif/%s", src ? src : "..", name);
	if ((fp = fopen(path, "r")) == NULL) {
		snprintf(path, sizeof(path), "ldif/%s", name);
		if ((fp = fopen(path, "r")) == NULL)
			return -1;
	}
	buf = mmhs_malloc(cap);
	buf[0] = '\0';
	while (fgets(line, sizeof(line), fp) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#')
			continue;
		if (line[0] == '\0') {
			t_ldif_flush(l, &buf, &len);
			continue;
		}
		n = strlen(line);
		if (len + n + 2 >= cap)
			buf = mmhs_realloc(buf, cap *= 2);
		if (line[0] == ' ' && len > 0) {	/* continuation */
			len--;				/* drop the '\n' */
			memcpy(buf + len, line + 1, n - 1);
			len += n - 1;
		} else {
			memcpy(buf + len, line, n);
			len += n;
		}
		buf[len++] = '\n';
		buf[len] = '\0';
	}
	t_ldif_flush(l, &buf, &len);
	mmhs_free(buf);
	fclose(fp);
	return 0;
}

void
t_ldif_free(struct t_ldif *l)
{
	size_t	i;

	for (i = 0; i < l->tl_n; i++)
		mmhs_dircache_entry_free(l->tl_e[i]);
	mmhs_free(l->tl_e);
}

/* t_ldif_find - the entry of dn, or NULL */
mmhs_dircache_entry_t *
t_ldif_find(struct t_ldif *l, const char *dn)
{
	size_t	i;

	for (i = 0; i < l->tl_n; i++)
		if (strcasecmp(l->tl_e[i]->de_dn, dn) == 0)
			return l->tl_e[i];
	return NULL;
}

/* t_ldif_set - the rule set of organisation org in file l, with the
 * active set replaced by active (NULL: as in the file) */
void
t_ldif_set(struct prof_set *ps, struct t_ldif *l, const char *org,
	const char *active)
{
	const mmhs_dircache_entry_t **rules;
	mmhs_dircache_entry_t *o = t_ldif_find(l, org);
	mmhs_dircache_attr_t *a;
	char   *saved = NULL;
	size_t	i, n = 0;
	const char *oc;

	memset(ps, 0, sizeof(*ps));
	UNIT_CHECK(o != NULL, "no entry %s in the sample", org);
	if (o == NULL)
		return;
	rules = mmhs_calloc(l->tl_n, sizeof(*rules));
	for (i = 0; i < l->tl_n; i++)
		if ((oc = mmhs_dircache_value(l->tl_e[i], "objectClass")) &&
		    strcasecmp(oc, "mmhsProfileRule") == 0)
			rules[n++] = l->tl_e[i];
	a = (mmhs_dircache_attr_t *) mmhs_dircache_attr(o, "mmhsActiveRuleSet");
	if (active != NULL && a != NULL) {
		saved = a->da_vals[0];
		a->da_vals[0] = (char *) active;
	}
	prof_set_build(ps, o, rules, n);
	if (saved != NULL)
		a->da_vals[0] = saved;
	mmhs_free(rules);
}
