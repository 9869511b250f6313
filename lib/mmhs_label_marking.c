/* mmhs_label_marking.c - a security label from its display marking
 *
 * mmhs_label_from_marking() (declared in mmhs_agent.h) reads the text a
 * person sees on a message, e.g. the marking="..." of an RFC 7444
 * SIO-Label or a "WESTLAND SECRET REL TO NATO" typed into a client, as
 * a label of one security policy:
 *
 *	marking    = sep* classification *(sep+ category) sep*
 *	sep        = SP / HTAB / "," / "/"
 *
 * The classification is the one whose display marking or NAME starts
 * the text; the categories are those whose display markings or NAMEs
 * follow.  Where several fit at the same place the longest wins, so
 * "WESTLAND TOP SECRET" is TOP SECRET and not a SECRET followed by
 * garbage.  Words compare ASCII case-insensitively and a space in a
 * marking matches any run of spaces and tabs.  A phrase must end at a
 * separator or at the end: "SECRETS" is not SECRET.  Categories are
 * stored by NAME, each once.
 *
 * Pure: nothing allocates, logs or keeps state (like mmhs_label.c, so
 * a slapd module may compile it in).  Errors: -1 and one line in err
 * naming the part not understood; *lb is then undefined.
 */
#include <stdio.h>
#include <string.h>

#include "mmhs_agent.h"
#include "mmhs_ascii.h"
#include "mmhs_label.h"
#include "mmhs_text.h"

/* mark_is_sep - a separator between the parts of a marking */
static int
mark_is_sep(int c)
{
	return c == ' ' || c == '\t' || c == ',' || c == '/';
}

/* mark_is_space - white space inside a multi-word phrase */
static int
mark_is_space(int c)
{
	return c == ' ' || c == '\t';
}

/* mark_match - how many bytes of s the phrase takes, or 0 when it does
 * not start s or does not end at a separator */
static size_t
mark_match(const char *s, const char *phrase)
{
	const char *p = s;

	if (*phrase == '\0')
		return 0;
	while (*phrase != '\0') {
		if (*phrase == ' ') {
			if (!mark_is_space((unsigned char)*p))
				return 0;
			while (mark_is_space((unsigned char)*p))
				p++;
			while (*phrase == ' ')
				phrase++;
			continue;
		}
		if (mmhs_ascii_lower((unsigned char)*p) !=
		    mmhs_ascii_lower((unsigned char)*phrase))
			return 0;
		p++;
		phrase++;
	}
	if (*p != '\0' && !mark_is_sep((unsigned char)*p))
		return 0;
	return (size_t)(p - s);
}

/* mark_longer - the longer match of a NAME and a marking, into *best */
static int
mark_longer(const char *s, const char *name, const char *marking,
    size_t *best)
{
	size_t	a = mark_match(s, name), b = mark_match(s, marking);

	if (b > a)
		a = b;
	if (a <= *best)
		return 0;
	*best = a;
	return 1;
}

/* mark_skip - past the separators */
static const char *
mark_skip(const char *s)
{
	while (mark_is_sep((unsigned char)*s))
		s++;
	return s;
}

/* mark_add_cat - record a category once */
static int
mark_add_cat(struct mmhs_label *lb, const struct mmhs_label_cat *k,
    char *err, size_t errlen)
{
	int	i;

	for (i = 0; i < lb->lb_ncat; i++)
		if (strcmp(lb->lb_cat[i], k->lk_name) == 0)
			return 0;
	if (lb->lb_ncat >= MMHS_LABEL_NCLCAT)
		return mmhs_text_error(err, errlen, "more than %d categories",
		    MMHS_LABEL_NCLCAT);
	snprintf(lb->lb_cat[lb->lb_ncat++], sizeof(lb->lb_cat[0]), "%s",
	    k->lk_name);
	return 0;
}

int
mmhs_label_from_marking(const struct mmhs_policy *p, const char *marking,
    struct mmhs_label *lb, char *err, size_t errlen)
{
	const struct mmhs_label_class *cls = NULL;
	const struct mmhs_label_cat *cat;
	const char *s;
	size_t	best;
	int	i;

	if (p == NULL || marking == NULL || lb == NULL)
		return mmhs_text_error(err, errlen, "no policy or marking");
	memset(lb, 0, sizeof(*lb));
	snprintf(lb->lb_policy, sizeof(lb->lb_policy), "%s", p->sp_oid);
	s = mark_skip(marking);
	if (*s == '\0')
		return mmhs_text_error(err, errlen, "empty marking");
	best = 0;
	for (i = 0; i < p->sp_nclass; i++)
		if (mark_longer(s, p->sp_class[i].lc_name,
		    p->sp_class[i].lc_marking, &best))
			cls = &p->sp_class[i];
	if (cls == NULL)
		return mmhs_text_error(err, errlen, "marking \"%s\" does not "
		    "start with a classification of policy %s", marking,
		    p->sp_oid);
	lb->lb_level = cls->lc_level;
	for (s = mark_skip(s + best); *s != '\0'; s = mark_skip(s + best)) {
		best = 0;
		cat = NULL;
		for (i = 0; i < p->sp_ncat; i++)
			if (mark_longer(s, p->sp_cat[i].lk_name,
			    p->sp_cat[i].lk_marking, &best))
				cat = &p->sp_cat[i];
		if (cat == NULL)
			return mmhs_text_error(err, errlen, "marking \"%s\": "
			    "\"%.64s\" is not a category of policy %s",
			    marking, s, p->sp_oid);
		if (mark_add_cat(lb, cat, err, errlen) < 0)
			return -1;
	}
	return 0;
}
