/* mmhs_smtpcmd.c - SMTP command lines and their ESMTP parameters
 *
 * Interface: mmhs_smtpcmd.h.  Every function is pure and bounded: paths
 * longer than MMHS_SMTPCMD_PATH_MAX, xtext that decodes to more than the
 * RFC 3461 limits, unknown or repeated parameters are refused with the
 * reply the session sends (501 for syntax, 555 for a parameter we do
 * not offer, 552 is left to the session which knows the size limit).
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mmhs_precedence.h"
#include "mmhs_queue.h"
#include "mmhs_smtpcmd.h"

static const struct {
	const char *cv_name;
	enum mmhs_smtpcmd_verb cv_verb;
} mmhs_smtpcmd_verbs[] = {
	{ "HELO", MMHS_SMTPCMD_HELO }, { "EHLO", MMHS_SMTPCMD_EHLO },
	{ "MAIL", MMHS_SMTPCMD_MAIL }, { "RCPT", MMHS_SMTPCMD_RCPT },
	{ "DATA", MMHS_SMTPCMD_DATA }, { "RSET", MMHS_SMTPCMD_RSET },
	{ "NOOP", MMHS_SMTPCMD_NOOP }, { "QUIT", MMHS_SMTPCMD_QUIT },
	{ "VRFY", MMHS_SMTPCMD_VRFY }, { "HELP", MMHS_SMTPCMD_HELP },
	{ "STARTTLS", MMHS_SMTPCMD_STARTTLS }, { "AUTH", MMHS_SMTPCMD_AUTH },
	{ "BDAT", MMHS_SMTPCMD_BDAT },
};

/* mmhs_smtpcmd_verb - the verb of a command line */
enum mmhs_smtpcmd_verb
mmhs_smtpcmd_verb(const char *line, const char **args)
{
	size_t	n, i;

	for (n = 0; line[n] != '\0' && line[n] != ' '; n++)
		;
	*args = line + n;
	while (**args == ' ')
		(*args)++;
	for (i = 0; i < sizeof(mmhs_smtpcmd_verbs) /
	    sizeof(mmhs_smtpcmd_verbs[0]); i++)
		if (strlen(mmhs_smtpcmd_verbs[i].cv_name) == n &&
		    strncasecmp(line, mmhs_smtpcmd_verbs[i].cv_name, n) == 0)
			return mmhs_smtpcmd_verbs[i].cv_verb;
	return MMHS_SMTPCMD_UNKNOWN;
}

/* mmhs_smtpcmd_hex - value of an upper-case hex digit, or -1 */
static int
mmhs_smtpcmd_hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* mmhs_smtpcmd_xtext_decode - RFC 3461 section 4 xtext */
int
mmhs_smtpcmd_xtext_decode(const char *in, size_t inlen, char *out,
	size_t outlen)
{
	size_t	i, o = 0;
	int	c, hi, lo;

	/* in need not be NUL-terminated: read only in[0..inlen) */
	for (i = 0; i < inlen; i++) {
		c = (unsigned char)in[i];
		if (c == '+') {
			/* hexchar is "+" and two upper-case hex digits */
			if (i + 2 >= inlen)
				return -1;
			hi = mmhs_smtpcmd_hex((unsigned char)in[i + 1]);
			lo = mmhs_smtpcmd_hex((unsigned char)in[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			c = hi * 16 + lo;
			i += 2;
			/* a NUL cuts the string, a control reaches a header */
			if (c < 32 || c == 127)
				return -1;
		} else if (c < 33 || c > 126 || c == '=') {
			return -1;
		}
		if (o + 1 >= outlen)
			return -1;
		out[o++] = (char)c;
	}
	if (outlen == 0)
		return -1;
	out[o] = '\0';
	return (int)o;
}

/* mmhs_smtpcmd_path - "<path>" after "FROM:" or "TO:"; *rest after it */
static int
mmhs_smtpcmd_path(const char *args, const char *kw, char *path, size_t len,
	const char **rest, char *reply, size_t rlen)
{
	const char *p = args, *end, *at;
	size_t	klen = strlen(kw), n;

	if (strncasecmp(p, kw, klen) != 0) {
		snprintf(reply, rlen, "501 5.5.2 Syntax: %s<address>", kw);
		return -1;
	}
	p += klen;
	while (*p == ' ')		/* tolerated, common in the wild */
		p++;
	if (*p != '<' || (end = strchr(p, '>')) == NULL) {
		snprintf(reply, rlen, "501 5.1.7 Bad address syntax: "
		    "angle brackets required");
		return -1;
	}
	p++;
	/* A source route "@a,@b:" is accepted and ignored (RFC 5321 C). */
	if (*p == '@' && (at = memchr(p, ':', (size_t)(end - p))) != NULL) {
		p = at + 1;
		/* "<@a:>" is no null path, "<@a:@b:x@y>" no route */
		if (p == end || *p == '@') {
			snprintf(reply, rlen, "501 5.1.7 Bad source route");
			return -1;
		}
	}
	n = (size_t)(end - p);
	if (n >= len || n > MMHS_SMTPCMD_PATH_MAX) {
		snprintf(reply, rlen, "501 5.1.7 Address too long");
		return -1;
	}
	for (at = p; at < end; at++)
		if ((unsigned char)*at <= ' ' || *at == '<' ||
		    (unsigned char)*at >= 127) {
			snprintf(reply, rlen, "501 5.1.7 Bad character in "
			    "address");
			return -1;
		}
	memcpy(path, p, n);
	path[n] = '\0';
	if (n > 0 && ((at = strrchr(path, '@')) == NULL || at == path ||
	    at[1] == '\0') && strcasecmp(path, "postmaster") != 0) {
		snprintf(reply, rlen, "501 5.1.3 Address must be "
		    "local@domain");
		return -1;
	}
	/* RFC 5321 4.1.2: parameters are separated from the path by SP */
	if (end[1] != '\0' && end[1] != ' ') {
		snprintf(reply, rlen, "501 5.5.4 Space required after "
		    "%s<address>", kw);
		return -1;
	}
	*rest = end + 1;
	return 0;
}

/* mmhs_smtpcmd_param - next "KEY[=VALUE]"; 0 at the end, 1, or -1 */
static int
mmhs_smtpcmd_param(const char **pp, char *key, size_t klen, const char **val,
	size_t *vlen)
{
	const char *p = *pp, *s, *eq, *c;
	size_t	n;

	while (*p == ' ')
		p++;
	if (*p == '\0')
		return 0;
	for (s = p; *p != '\0' && *p != ' '; p++)
		;
	*pp = p;
	eq = memchr(s, '=', (size_t)(p - s));
	n = (size_t)((eq != NULL ? eq : p) - s);
	if (n == 0 || n >= klen || !isalnum((unsigned char)*s))
		return -1;
	/* RFC 5321 4.1.2: esmtp-keyword and esmtp-value octets; checked
	 * here so that no control octet is echoed in a reply */
	for (c = s; c < s + n; c++)
		if (!isalnum((unsigned char)*c) && *c != '-')
			return -1;
	for (c = eq != NULL ? eq + 1 : p; c < p; c++)
		if ((unsigned char)*c < 33 || (unsigned char)*c > 126 ||
		    *c == '=')
			return -1;
	memcpy(key, s, n);
	key[n] = '\0';
	*val = eq != NULL ? eq + 1 : NULL;
	*vlen = eq != NULL ? (size_t)(p - eq - 1) : 0;
	return 1;
}

/* mmhs_smtpcmd_seen - refuse a repeated parameter; bit in *mask */
static int
mmhs_smtpcmd_seen(unsigned *mask, unsigned bit, const char *key, char *reply,
	size_t rlen)
{
	if (*mask & bit) {
		snprintf(reply, rlen, "501 5.5.4 Duplicate %s parameter", key);
		return -1;
	}
	*mask |= bit;
	return 0;
}

/* mmhs_smtpcmd_mail_param - one MAIL parameter into m */
static int
mmhs_smtpcmd_mail_param(struct mmhs_smtpcmd_mail *m, const char *key,
	const char *val, size_t vlen, unsigned *seen, char *reply, size_t rlen)
{
	char	buf[MMHS_SMTPCMD_XTEXT_MAX + 1], err[128], *end;

	if (val != NULL && vlen < sizeof(buf)) {
		memcpy(buf, val, vlen);
		buf[vlen] = '\0';
	} else if (val != NULL) {
		snprintf(reply, rlen, "501 5.5.4 %s value too long", key);
		return -1;
	} else {
		buf[0] = '\0';
	}
	if (strcasecmp(key, "SIZE") == 0) {
		if (mmhs_smtpcmd_seen(seen, 1, key, reply, rlen) < 0)
			return -1;
		if (val == NULL || vlen == 0 || vlen > 20 ||
		    strspn(buf, "0123456789") != vlen) {
			snprintf(reply, rlen, "501 5.5.4 Bad SIZE value");
			return -1;
		}
		m->cm_size = strtoul(buf, &end, 10);
	} else if (strcasecmp(key, "BODY") == 0) {
		if (mmhs_smtpcmd_seen(seen, 2, key, reply, rlen) < 0)
			return -1;
		if (strcasecmp(buf, "8BITMIME") == 0)
			m->cm_8bit = 1;
		else if (strcasecmp(buf, "7BIT") != 0) {
			snprintf(reply, rlen, "501 5.5.4 BODY must be 7BIT or "
			    "8BITMIME");
			return -1;
		}
	} else if (strcasecmp(key, "RET") == 0) {
		if (mmhs_smtpcmd_seen(seen, 4, key, reply, rlen) < 0)
			return -1;
		if (strcasecmp(buf, "FULL") == 0)
			m->cm_ret = 1;
		else if (strcasecmp(buf, "HDRS") == 0)
			m->cm_ret = 2;
		else {
			snprintf(reply, rlen, "501 5.5.4 RET must be FULL or "
			    "HDRS");
			return -1;
		}
	} else if (strcasecmp(key, "ENVID") == 0) {
		if (mmhs_smtpcmd_seen(seen, 8, key, reply, rlen) < 0)
			return -1;
		if (val == NULL || vlen == 0 ||
		    mmhs_smtpcmd_xtext_decode(val, vlen, m->cm_envid,
		    sizeof(m->cm_envid)) < 0) {
			snprintf(reply, rlen, "501 5.5.4 ENVID is not valid "
			    "xtext of at most %d characters",
			    MMHS_SMTPCMD_ENVID_MAX);
			return -1;
		}
		m->cm_has_envid = 1;
	} else if (strcasecmp(key, "MT-PRIORITY") == 0) {
		if (mmhs_smtpcmd_seen(seen, 16, key, reply, rlen) < 0) {
			/* RFC 6710 4.1: a repeated MT-PRIORITY is 5.5.2 */
			snprintf(reply, rlen, "501 5.5.2 Duplicate "
			    "MT-PRIORITY parameter");
			return -1;
		}
		if (mmhs_precedence_parse_mt_priority(buf, &m->cm_mt, err,
		    sizeof(err)) < 0) {
			snprintf(reply, rlen, "501 5.5.2 MT-PRIORITY: %s",
			    err);
			return -1;
		}
	} else if (strcasecmp(key, "AUTH") == 0) {
		/* RFC 4954 5: accepted, not trusted, not passed on */
		if (mmhs_smtpcmd_seen(seen, 32, key, reply, rlen) < 0)
			return -1;
		if (val == NULL || (strcmp(buf, "<>") != 0 &&
		    (vlen == 0 || mmhs_smtpcmd_xtext_decode(val, vlen, buf,
		    sizeof(buf)) < 0))) {
			snprintf(reply, rlen, "501 5.5.4 AUTH must be <> or "
			    "xtext");
			return -1;
		}
	} else {
		snprintf(reply, rlen, "555 5.5.4 Unsupported MAIL parameter "
		    "%.64s", key);
		return -1;
	}
	return 0;
}

/* mmhs_smtpcmd_mail - MAIL FROM:<path> [params] */
int
mmhs_smtpcmd_mail(const char *args, struct mmhs_smtpcmd_mail *m, char *reply,
	size_t len)
{
	const char *rest, *val;
	char	key[32];
	size_t	vlen;
	unsigned seen = 0;
	int	rc;

	memset(m, 0, sizeof(*m));
	m->cm_mt = MMHS_SMTPCMD_NO_MT;
	if (mmhs_smtpcmd_path(args, "FROM:", m->cm_path, sizeof(m->cm_path),
	    &rest, reply, len) < 0)
		return -1;
	if (strcasecmp(m->cm_path, "postmaster") == 0) {
		snprintf(reply, len, "501 5.1.7 Bad sender address");
		return -1;
	}
	while ((rc = mmhs_smtpcmd_param(&rest, key, sizeof(key), &val,
	    &vlen)) > 0)
		if (mmhs_smtpcmd_mail_param(m, key, val, vlen, &seen, reply,
		    len) < 0)
			return -1;
	if (rc < 0) {
		snprintf(reply, len, "501 5.5.4 Malformed parameter");
		return -1;
	}
	return 0;
}

/* mmhs_smtpcmd_notify - NEVER, or a list of SUCCESS, FAILURE, DELAY */
static int
mmhs_smtpcmd_notify(const char *val, size_t vlen, unsigned *notify)
{
	const char *p = val, *end = val + vlen, *c;
	size_t	n;

	*notify = 0;
	while (p < end) {
		c = memchr(p, ',', (size_t)(end - p));
		n = (size_t)((c != NULL ? c : end) - p);
		if (n == 5 && strncasecmp(p, "NEVER", 5) == 0)
			*notify |= MMHS_NOTIFY_NEVER;
		else if (n == 7 && strncasecmp(p, "SUCCESS", 7) == 0)
			*notify |= MMHS_NOTIFY_SUCCESS;
		else if (n == 7 && strncasecmp(p, "FAILURE", 7) == 0)
			*notify |= MMHS_NOTIFY_FAILURE;
		else if (n == 5 && strncasecmp(p, "DELAY", 5) == 0)
			*notify |= MMHS_NOTIFY_DELAY;
		else
			return -1;
		p += n + (c != NULL);
		if (c != NULL && p == end)
			return -1;
	}
	/* RFC 3461 4.1: NEVER stands alone */
	if (*notify == 0 || ((*notify & MMHS_NOTIFY_NEVER) &&
	    *notify != MMHS_NOTIFY_NEVER))
		return -1;
	return 0;
}

/* mmhs_smtpcmd_orcpt - "addr-type;xtext" into "addr-type;decoded" */
static int
mmhs_smtpcmd_orcpt(const char *val, size_t vlen, char *out, size_t outlen)
{
	const char *semi;
	size_t	tlen, i;

	if (val == NULL || (semi = memchr(val, ';', vlen)) == NULL)
		return -1;
	tlen = (size_t)(semi - val);
	if (tlen == 0 || tlen > 32 || tlen + 2 > outlen)
		return -1;
	for (i = 0; i < tlen; i++)	/* addr-type is an atom */
		if (!isalnum((unsigned char)val[i]) && val[i] != '-')
			return -1;
	memcpy(out, val, tlen + 1);
	if (semi + 1 == val + vlen)
		return -1;
	return mmhs_smtpcmd_xtext_decode(semi + 1, vlen - tlen - 1,
	    out + tlen + 1, outlen - tlen - 1) < 0 ? -1 : 0;
}

/* mmhs_smtpcmd_rcpt - RCPT TO:<path> [params] */
int
mmhs_smtpcmd_rcpt(const char *args, struct mmhs_smtpcmd_rcpt *r, char *reply,
	size_t len)
{
	const char *rest, *val;
	char	key[32];
	size_t	vlen;
	unsigned seen = 0;
	int	rc;

	memset(r, 0, sizeof(*r));
	if (mmhs_smtpcmd_path(args, "TO:", r->cr_path, sizeof(r->cr_path),
	    &rest, reply, len) < 0)
		return -1;
	if (r->cr_path[0] == '\0') {
		snprintf(reply, len, "501 5.1.3 Empty recipient address");
		return -1;
	}
	while ((rc = mmhs_smtpcmd_param(&rest, key, sizeof(key), &val,
	    &vlen)) > 0) {
		if (strcasecmp(key, "NOTIFY") == 0) {
			if (mmhs_smtpcmd_seen(&seen, 1, key, reply, len) < 0)
				return -1;
			if (val == NULL || mmhs_smtpcmd_notify(val, vlen,
			    &r->cr_notify) < 0) {
				snprintf(reply, len, "501 5.5.4 NOTIFY must "
				    "be NEVER or SUCCESS,FAILURE,DELAY");
				return -1;
			}
		} else if (strcasecmp(key, "ORCPT") == 0) {
			if (mmhs_smtpcmd_seen(&seen, 2, key, reply, len) < 0)
				return -1;
			if (mmhs_smtpcmd_orcpt(val, vlen, r->cr_orcpt,
			    sizeof(r->cr_orcpt)) < 0) {
				snprintf(reply, len, "501 5.5.4 ORCPT must be "
				    "addr-type;xtext");
				return -1;
			}
			r->cr_has_orcpt = 1;
		} else {
			snprintf(reply, len, "555 5.5.4 Unsupported RCPT "
			    "parameter %.64s", key);
			return -1;
		}
	}
	if (rc < 0) {
		snprintf(reply, len, "501 5.5.4 Malformed parameter");
		return -1;
	}
	return 0;
}
