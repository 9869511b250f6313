/* test_smtpcmd.c - unit tests of the SMTP command and parameter parser
 *
 * Table-driven: each accepted MAIL or RCPT argument string is checked
 * field by field, each refused one by the exact reply line the session
 * would send (code, enhanced code and text).
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "mmhs_queue.h"
#include "mmhs_smtpcmd.h"
#include "unit.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const struct {
	const char *v_line;
	enum mmhs_smtpcmd_verb v_verb;
	const char *v_args;
} verb_cases[] = {
	{ "MAIL FROM:<a@b.example>", MMHS_SMTPCMD_MAIL, "FROM:<a@b.example>" },
	{ "mail   from:<>", MMHS_SMTPCMD_MAIL, "from:<>" },
	{ "RCPT TO:<x@y>", MMHS_SMTPCMD_RCPT, "TO:<x@y>" },
	{ "EHLO host.example", MMHS_SMTPCMD_EHLO, "host.example" },
	{ "helo h", MMHS_SMTPCMD_HELO, "h" },
	{ "DATA", MMHS_SMTPCMD_DATA, "" },
	{ "rset", MMHS_SMTPCMD_RSET, "" },
	{ "NOOP x", MMHS_SMTPCMD_NOOP, "x" },
	{ "QUIT", MMHS_SMTPCMD_QUIT, "" },
	{ "VRFY u", MMHS_SMTPCMD_VRFY, "u" },
	{ "HELP", MMHS_SMTPCMD_HELP, "" },
	{ "StartTLS", MMHS_SMTPCMD_STARTTLS, "" },
	{ "AUTH PLAIN", MMHS_SMTPCMD_AUTH, "PLAIN" },
	{ "BDAT 10 LAST", MMHS_SMTPCMD_BDAT, "10 LAST" },
	{ "MAILX FROM:<a@b>", MMHS_SMTPCMD_UNKNOWN, "FROM:<a@b>" },
	{ "MAI", MMHS_SMTPCMD_UNKNOWN, "" },
	{ "", MMHS_SMTPCMD_UNKNOWN, "" },
	{ " MAIL", MMHS_SMTPCMD_UNKNOWN, "MAIL" },
	{ "MAIL\tFROM:<a@b>", MMHS_SMTPCMD_UNKNOWN, "" },
};

/* test_verb - verbs are case-insensitive and whole words only */
static void
test_verb(void)
{
	const char *args;
	enum mmhs_smtpcmd_verb v;
	size_t	i;

	for (i = 0; i < NELEM(verb_cases); i++) {
		v = mmhs_smtpcmd_verb(verb_cases[i].v_line, &args);
		UNIT_CHECK(v == verb_cases[i].v_verb &&
		    strcmp(args, verb_cases[i].v_args) == 0,
		    "verb %zu \"%s\": got %d \"%s\", want %d \"%s\"", i,
		    verb_cases[i].v_line, (int)v, args,
		    (int)verb_cases[i].v_verb,
		    verb_cases[i].v_args);
	}
}

static const struct {
	const char *x_in;
	int	x_rc;
	const char *x_out;
} xtext_cases[] = {
	{ "abc", 3, "abc" },
	{ "a+2Bb", 3, "a+b" },
	{ "+3D", 1, "=" },
	{ "+C3+A9", 2, "\xc3\xa9" },
	{ "", 0, "" },
	{ "+2b", -1, NULL },		/* lower-case hex */
	{ "+2", -1, NULL },		/* truncated hexchar */
	{ "+", -1, NULL },
	{ "a+G1", -1, NULL },
	{ "a=b", -1, NULL },		/* "=" must be encoded */
	{ "a b", -1, NULL },
	{ "a\x7f", -1, NULL },
	{ "+00", -1, NULL },		/* would cut the C string */
	{ "a+0D+0Ab", -1, NULL },	/* CR LF into headers */
	{ "+7F", -1, NULL },
};

/* test_xtext - RFC 3461 4 decoding, strict upper-case hexchar */
static void
test_xtext(void)
{
	char	out[64];
	size_t	i;
	int	rc;

	for (i = 0; i < NELEM(xtext_cases); i++) {
		rc = mmhs_smtpcmd_xtext_decode(xtext_cases[i].x_in,
		    strlen(xtext_cases[i].x_in), out, sizeof(out));
		UNIT_CHECK(rc == xtext_cases[i].x_rc && (rc < 0 ||
		    strcmp(out, xtext_cases[i].x_out) == 0),
		    "xtext %zu \"%s\": rc %d", i, xtext_cases[i].x_in, rc);
	}
	/* the output bound counts the NUL */
	UNIT_CHECK(mmhs_smtpcmd_xtext_decode("abcd", 4, out, 5) == 4,
	    "fits in 5");
	UNIT_CHECK(mmhs_smtpcmd_xtext_decode("abcd", 4, out, 4) == -1,
	    "does not fit in 4");
	/* no NUL after the input: only in[0..inlen) is read (ASan) */
	{
		static const char hex[3] = { '+', '4', '1' };

		UNIT_CHECK(mmhs_smtpcmd_xtext_decode(hex, sizeof(hex), out,
		    sizeof(out)) == 1 && strcmp(out, "A") == 0,
		    "unterminated \"+41\"");
	}
	UNIT_CHECK(mmhs_smtpcmd_xtext_decode("", 0, out, 0) == -1,
	    "no room for the NUL");
	/* inlen, not the NUL, ends the input */
	UNIT_CHECK(mmhs_smtpcmd_xtext_decode("ab+41", 3, out,
	    sizeof(out)) == -1,
	    "hexchar cut by inlen");
}

struct mail_case {
	const char *m_args;
	const char *m_reply;		/* NULL: accepted */
	const char *m_path;
	unsigned long m_size;
	int	m_8bit, m_ret, m_has_envid, m_mt;
	const char *m_envid;
};

#define MBAD(a, r)	{ .m_args = (a), .m_reply = (r) }

static const struct mail_case mail_cases[] = {
	/* accepted */
	{ "FROM:<a@b.example>", NULL, "a@b.example", 0, 0, 0, 0,
	    MMHS_SMTPCMD_NO_MT, "" },
	{ "from: <a@b.example>", NULL, "a@b.example", 0, 0, 0, 0,
	    MMHS_SMTPCMD_NO_MT, "" },
	{ "FROM:<>", NULL, "", 0, 0, 0, 0, MMHS_SMTPCMD_NO_MT, "" },
	{ "FROM:<> SIZE=0", NULL, "", 0, 0, 0, 0, MMHS_SMTPCMD_NO_MT, "" },
	{ "FROM:<a@b> SIZE=1000 BODY=8BITMIME RET=HDRS ENVID=QQ+2B1 "
	    "MT-PRIORITY=-9 AUTH=<>", NULL, "a@b", 1000, 1, 2, 1, -9,
	    "QQ+1" },
	{ "FROM:<a@b>  size=12   body=7bit ret=full mt-priority=0  ", NULL,
	    "a@b", 12, 0, 1, 0, 0, "" },
	{ "FROM:<a@b> MT-PRIORITY=9", NULL, "a@b", 0, 0, 0, 0, 9, "" },
	{ "FROM:<a@b> MT-PRIORITY=3", NULL, "a@b", 0, 0, 0, 0, 3, "" },
	{ "FROM:<a@b> SIZE=18446744073709551615", NULL, "a@b", ULONG_MAX,
	    0, 0, 0, MMHS_SMTPCMD_NO_MT, "" },
	/* overflow saturates: the session refuses it as too big (552) */
	{ "FROM:<a@b> SIZE=99999999999999999999", NULL, "a@b", ULONG_MAX,
	    0, 0, 0, MMHS_SMTPCMD_NO_MT, "" },
	{ "FROM:<@r1.example,@r2.example:a@b>", NULL, "a@b", 0, 0, 0, 0,
	    MMHS_SMTPCMD_NO_MT, "" },
	{ "FROM:<\"a.b\"@c>", NULL, "\"a.b\"@c", 0, 0, 0, 0,
	    MMHS_SMTPCMD_NO_MT, "" },
	{ "FROM:<a@b> AUTH=someone+40example", NULL, "a@b", 0, 0, 0, 0,
	    MMHS_SMTPCMD_NO_MT, "" },
	/* paths */
	MBAD("TO:<a@b>", "501 5.5.2 Syntax: FROM:<address>"),
	MBAD("", "501 5.5.2 Syntax: FROM:<address>"),
	MBAD("FROM:a@b",
	    "501 5.1.7 Bad address syntax: angle brackets required"),
	MBAD("FROM:<a@b",
	    "501 5.1.7 Bad address syntax: angle brackets required"),
	MBAD("FROM:", "501 5.1.7 Bad address syntax: angle brackets required"),
	MBAD("FROM:<a b@c>", "501 5.1.7 Bad character in address"),
	MBAD("FROM:<\"a b\"@c>", "501 5.1.7 Bad character in address"),
	MBAD("FROM:<a<@c>", "501 5.1.7 Bad character in address"),
	MBAD("FROM:<a\x01@c>", "501 5.1.7 Bad character in address"),
	MBAD("FROM:<a\xc3\xa9@c>", "501 5.1.7 Bad character in address"),
	MBAD("FROM:<ab>", "501 5.1.3 Address must be local@domain"),
	MBAD("FROM:<@b>", "501 5.1.3 Address must be local@domain"),
	MBAD("FROM:<a@>", "501 5.1.3 Address must be local@domain"),
	MBAD("FROM:<@r:>", "501 5.1.7 Bad source route"),
	MBAD("FROM:<@r1:@r2:a@b>", "501 5.1.7 Bad source route"),
	MBAD("FROM:<postmaster>", "501 5.1.7 Bad sender address"),
	MBAD("FROM:<a@b>SIZE=1",
	    "501 5.5.4 Space required after FROM:<address>"),
	MBAD("FROM:<a@b>>", "501 5.5.4 Space required after FROM:<address>"),
	/* SIZE */
	MBAD("FROM:<a@b> SIZE=", "501 5.5.4 Bad SIZE value"),
	MBAD("FROM:<a@b> SIZE", "501 5.5.4 Bad SIZE value"),
	MBAD("FROM:<a@b> SIZE=12k", "501 5.5.4 Bad SIZE value"),
	MBAD("FROM:<a@b> SIZE=-1", "501 5.5.4 Bad SIZE value"),
	MBAD("FROM:<a@b> SIZE=+1", "501 5.5.4 Bad SIZE value"),
	MBAD("FROM:<a@b> SIZE=123456789012345678901",
	    "501 5.5.4 Bad SIZE value"),
	MBAD("FROM:<a@b> SIZE=1 SIZE=1", "501 5.5.4 Duplicate SIZE parameter"),
	/* BODY, RET */
	MBAD("FROM:<a@b> BODY=BINARYMIME",
	    "501 5.5.4 BODY must be 7BIT or 8BITMIME"),
	MBAD("FROM:<a@b> BODY", "501 5.5.4 BODY must be 7BIT or 8BITMIME"),
	MBAD("FROM:<a@b> BODY=7BIT body=7BIT",
	    "501 5.5.4 Duplicate body parameter"),
	MBAD("FROM:<a@b> RET=ALL", "501 5.5.4 RET must be FULL or HDRS"),
	MBAD("FROM:<a@b> RET=", "501 5.5.4 RET must be FULL or HDRS"),
	MBAD("FROM:<a@b> RET=FULL RET=HDRS",
	    "501 5.5.4 Duplicate RET parameter"),
	/* ENVID */
	MBAD("FROM:<a@b> ENVID=", "501 5.5.4 ENVID is not valid xtext of at "
	    "most 100 characters"),
	MBAD("FROM:<a@b> ENVID", "501 5.5.4 ENVID is not valid xtext of at "
	    "most 100 characters"),
	MBAD("FROM:<a@b> ENVID=a+2b", "501 5.5.4 ENVID is not valid xtext of "
	    "at most 100 characters"),
	MBAD("FROM:<a@b> ENVID=a+0A", "501 5.5.4 ENVID is not valid xtext of "
	    "at most 100 characters"),
	MBAD("FROM:<a@b> ENVID=a ENVID=b",
	    "501 5.5.4 Duplicate ENVID parameter"),
	/* MT-PRIORITY, RFC 6710 7: "0" / ["-"] %d49-57 */
	MBAD("FROM:<a@b> MT-PRIORITY=10", "501 5.5.2 MT-PRIORITY: MT-PRIORITY "
	    "must be 0 or an optional '-' and one digit 1-9"),
	MBAD("FROM:<a@b> MT-PRIORITY=-10", "501 5.5.2 MT-PRIORITY: MT-PRIORITY "
	    "must be 0 or an optional '-' and one digit 1-9"),
	MBAD("FROM:<a@b> MT-PRIORITY=-0", "501 5.5.2 MT-PRIORITY: MT-PRIORITY "
	    "must be 0 or an optional '-' and one digit 1-9"),
	MBAD("FROM:<a@b> MT-PRIORITY=+1", "501 5.5.2 MT-PRIORITY: MT-PRIORITY "
	    "must be 0 or an optional '-' and one digit 1-9"),
	MBAD("FROM:<a@b> MT-PRIORITY=01", "501 5.5.2 MT-PRIORITY: MT-PRIORITY "
	    "must be 0 or an optional '-' and one digit 1-9"),
	MBAD("FROM:<a@b> MT-PRIORITY=", "501 5.5.2 MT-PRIORITY: MT-PRIORITY "
	    "must be 0 or an optional '-' and one digit 1-9"),
	MBAD("FROM:<a@b> MT-PRIORITY", "501 5.5.2 MT-PRIORITY: MT-PRIORITY "
	    "must be 0 or an optional '-' and one digit 1-9"),
	MBAD("FROM:<a@b> MT-PRIORITY=a", "501 5.5.2 MT-PRIORITY: MT-PRIORITY "
	    "must be 0 or an optional '-' and one digit 1-9"),
	MBAD("FROM:<a@b> MT-PRIORITY=1 MT-PRIORITY=1",
	    "501 5.5.2 Duplicate MT-PRIORITY parameter"),
	/* AUTH, unknown and malformed parameters */
	MBAD("FROM:<a@b> AUTH=<> AUTH=<>",
	    "501 5.5.4 Duplicate AUTH parameter"),
	MBAD("FROM:<a@b> AUTH", "501 5.5.4 AUTH must be <> or xtext"),
	MBAD("FROM:<a@b> AUTH=", "501 5.5.4 AUTH must be <> or xtext"),
	MBAD("FROM:<a@b> AUTH=a+2b", "501 5.5.4 AUTH must be <> or xtext"),
	MBAD("FROM:<a@b> SMTPUTF8", "555 5.5.4 Unsupported MAIL parameter "
	    "SMTPUTF8"),
	MBAD("FROM:<a@b> NOTIFY=NEVER", "555 5.5.4 Unsupported MAIL parameter "
	    "NOTIFY"),
	MBAD("FROM:<a@b> =1", "501 5.5.4 Malformed parameter"),
	MBAD("FROM:<a@b> -X=1", "501 5.5.4 Malformed parameter"),
	MBAD("FROM:<a@b> X_Y=1", "501 5.5.4 Malformed parameter"),
	MBAD("FROM:<a@b> X\x01=1", "501 5.5.4 Malformed parameter"),
	MBAD("FROM:<a@b> X=\x01", "501 5.5.4 Malformed parameter"),
	MBAD("FROM:<a@b> X=\xff", "501 5.5.4 Malformed parameter"),
	MBAD("FROM:<a@b> SIZE=1=2", "501 5.5.4 Malformed parameter"),
	MBAD("FROM:<a@b> ABCDEFGHIJABCDEFGHIJABCDEFGHIJAB=1",
	    "501 5.5.4 Malformed parameter"),
	MBAD("FROM:<a@b> ABCDEFGHIJABCDEFGHIJABCDEFGHIJA=1",
	    "555 5.5.4 Unsupported MAIL parameter "
	    "ABCDEFGHIJABCDEFGHIJABCDEFGHIJA"),
};

/* mail_check - one row of mail_cases */
static void
mail_check(size_t i, const struct mail_case *c)
{
	struct mmhs_smtpcmd_mail m;
	char	reply[MMHS_SMTPCMD_REPLY_MAX] = "";
	int	rc;

	rc = mmhs_smtpcmd_mail(c->m_args, &m, reply, sizeof(reply));
	if (c->m_reply != NULL) {
		UNIT_CHECK(rc == -1 && strcmp(reply, c->m_reply) == 0,
		    "mail %zu \"%s\": rc %d \"%s\", want \"%s\"", i, c->m_args,
		    rc, reply, c->m_reply);
		return;
	}
	UNIT_CHECK(rc == 0, "mail %zu \"%s\": refused \"%s\"", i, c->m_args,
	    reply);
	if (rc != 0)
		return;
	UNIT_CHECK(strcmp(m.cm_path, c->m_path) == 0, "mail %zu path \"%s\"",
	    i, m.cm_path);
	UNIT_CHECK(m.cm_size == c->m_size, "mail %zu size %lu", i, m.cm_size);
	UNIT_CHECK(m.cm_8bit == c->m_8bit, "mail %zu 8bit %d", i, m.cm_8bit);
	UNIT_CHECK(m.cm_ret == c->m_ret, "mail %zu ret %d", i, m.cm_ret);
	UNIT_CHECK(m.cm_has_envid == c->m_has_envid &&
	    strcmp(m.cm_envid, c->m_envid) == 0, "mail %zu envid %d \"%s\"", i,
	    m.cm_has_envid, m.cm_envid);
	UNIT_CHECK(m.cm_mt == c->m_mt, "mail %zu mt %d", i, m.cm_mt);
}

/* test_mail - MAIL FROM paths and parameters */
static void
test_mail(void)
{
	size_t	i;

	for (i = 0; i < NELEM(mail_cases); i++)
		mail_check(i, &mail_cases[i]);
}

struct rcpt_case {
	const char *r_args;
	const char *r_reply;		/* NULL: accepted */
	const char *r_path;
	unsigned r_notify;
	int	r_has_orcpt;
	const char *r_orcpt;
};

#define N_S	MMHS_NOTIFY_SUCCESS
#define N_F	MMHS_NOTIFY_FAILURE
#define N_D	MMHS_NOTIFY_DELAY
#define NOTIFY_ERR "501 5.5.4 NOTIFY must be NEVER or SUCCESS,FAILURE,DELAY"
#define ORCPT_ERR "501 5.5.4 ORCPT must be addr-type;xtext"

#define RBAD(a, r)	{ .r_args = (a), .r_reply = (r) }

static const struct rcpt_case rcpt_cases[] = {
	{ "TO:<u@d>", NULL, "u@d", 0, 0, "" },
	{ "to: <u@d>", NULL, "u@d", 0, 0, "" },
	{ "TO:<postmaster>", NULL, "postmaster", 0, 0, "" },
	{ "TO:<PostMaster>", NULL, "PostMaster", 0, 0, "" },
	{ "TO:<@r.example:u@d>", NULL, "u@d", 0, 0, "" },
	{ "TO:<\"x\"@d>", NULL, "\"x\"@d", 0, 0, "" },
	{ "TO:<u@d> NOTIFY=NEVER", NULL, "u@d", MMHS_NOTIFY_NEVER, 0, "" },
	{ "TO:<u@d> notify=success,Failure,DELAY", NULL, "u@d",
	    N_S | N_F | N_D, 0, "" },
	{ "TO:<u@d> NOTIFY=DELAY", NULL, "u@d", N_D, 0, "" },
	{ "TO:<u@d> NOTIFY=FAILURE,FAILURE", NULL, "u@d", N_F, 0, "" },
	{ "TO:<u@d> ORCPT=rfc822;u+2Bx@d NOTIFY=SUCCESS", NULL, "u@d", N_S,
	    1, "rfc822;u+x@d" },
	{ "TO:<u@d> ORCPT=utf-8;caf+C3+A9@d", NULL, "u@d", 0, 1,
	    "utf-8;caf\xc3\xa9@d" },
	/* paths */
	RBAD("TO:<>", "501 5.1.3 Empty recipient address"),
	RBAD("FROM:<u@d>", "501 5.5.2 Syntax: TO:<address>"),
	RBAD("TO:u@d", "501 5.1.7 Bad address syntax: angle brackets required"),
	RBAD("TO:<@r.example:>", "501 5.1.7 Bad source route"),
	RBAD("TO:<u>", "501 5.1.3 Address must be local@domain"),
	RBAD("TO:<a b@d>", "501 5.1.7 Bad character in address"),
	RBAD("TO:<u@d>X", "501 5.5.4 Space required after TO:<address>"),
	/* NOTIFY, RFC 3461 4.1 */
	RBAD("TO:<u@d> NOTIFY=NEVER,SUCCESS", NOTIFY_ERR),
	RBAD("TO:<u@d> NOTIFY=DELAY,NEVER", NOTIFY_ERR),
	RBAD("TO:<u@d> NOTIFY=", NOTIFY_ERR),
	RBAD("TO:<u@d> NOTIFY", NOTIFY_ERR),
	RBAD("TO:<u@d> NOTIFY=SUCCESS,", NOTIFY_ERR),
	RBAD("TO:<u@d> NOTIFY=,SUCCESS", NOTIFY_ERR),
	RBAD("TO:<u@d> NOTIFY=SUCCESS,,DELAY", NOTIFY_ERR),
	RBAD("TO:<u@d> NOTIFY=ALWAYS", NOTIFY_ERR),
	RBAD("TO:<u@d> NOTIFY=SUCCES", NOTIFY_ERR),
	RBAD("TO:<u@d> NOTIFY=DELAY NOTIFY=DELAY",
	    "501 5.5.4 Duplicate NOTIFY parameter"),
	/* ORCPT */
	RBAD("TO:<u@d> ORCPT=rfc822", ORCPT_ERR),
	RBAD("TO:<u@d> ORCPT", ORCPT_ERR),
	RBAD("TO:<u@d> ORCPT=;u@d", ORCPT_ERR),
	RBAD("TO:<u@d> ORCPT=rfc822;", ORCPT_ERR),
	RBAD("TO:<u@d> ORCPT=rfc_822;u@d", ORCPT_ERR),
	RBAD("TO:<u@d> ORCPT=rfc822;u+2b@d", ORCPT_ERR),
	RBAD("TO:<u@d> ORCPT=rfc822;u+00@d", ORCPT_ERR),
	{ "TO:<u@d> ORCPT=rfc822;a;b", NULL, "u@d", 0, 1, "rfc822;a;b" },
	RBAD("TO:<u@d> ORCPT=abcdefghijabcdefghijabcdefghijabc;u@d", ORCPT_ERR),
	RBAD("TO:<u@d> ORCPT=rfc822;a ORCPT=rfc822;a",
	    "501 5.5.4 Duplicate ORCPT parameter"),
	/* other parameters */
	RBAD("TO:<u@d> SIZE=1", "555 5.5.4 Unsupported RCPT parameter SIZE"),
	RBAD("TO:<u@d> MT-PRIORITY=1",
	    "555 5.5.4 Unsupported RCPT parameter MT-PRIORITY"),
	RBAD("TO:<u@d> =x", "501 5.5.4 Malformed parameter"),
};

/* rcpt_check - one row of rcpt_cases */
static void
rcpt_check(size_t i, const struct rcpt_case *c)
{
	struct mmhs_smtpcmd_rcpt r;
	char	reply[MMHS_SMTPCMD_REPLY_MAX] = "";
	int	rc;

	rc = mmhs_smtpcmd_rcpt(c->r_args, &r, reply, sizeof(reply));
	if (c->r_reply != NULL) {
		UNIT_CHECK(rc == -1 && strcmp(reply, c->r_reply) == 0,
		    "rcpt %zu \"%s\": rc %d \"%s\", want \"%s\"", i, c->r_args,
		    rc, reply, c->r_reply);
		return;
	}
	UNIT_CHECK(rc == 0, "rcpt %zu \"%s\": refused \"%s\"", i, c->r_args,
	    reply);
	if (rc != 0)
		return;
	UNIT_CHECK(strcmp(r.cr_path, c->r_path) == 0, "rcpt %zu path \"%s\"",
	    i, r.cr_path);
	UNIT_CHECK(r.cr_notify == c->r_notify, "rcpt %zu notify %#x", i,
	    r.cr_notify);
	UNIT_CHECK(r.cr_has_orcpt == c->r_has_orcpt &&
	    strcmp(r.cr_orcpt, c->r_orcpt) == 0, "rcpt %zu orcpt %d \"%s\"", i,
	    r.cr_has_orcpt, r.cr_orcpt);
}

/* test_rcpt - RCPT TO paths and DSN parameters */
static void
test_rcpt(void)
{
	size_t	i;

	for (i = 0; i < NELEM(rcpt_cases); i++)
		rcpt_check(i, &rcpt_cases[i]);
}

/* long_path - "FROM:<" or "TO:<", n octets of local@d, ">" and tail */
static void
long_path(char *buf, size_t len, const char *kw, size_t n, const char *tail)
{
	size_t	k = strlen(kw);

	memcpy(buf, kw, k);
	buf[k++] = '<';
	memset(buf + k, 'a', n - 2);
	buf[k + n - 2] = '@';
	buf[k + n - 1] = 'd';
	snprintf(buf + k + n, len - k - n, ">%s", tail);
}

/* test_bounds - the longest path, ENVID and ORCPT pass, one more fails */
static void
test_bounds(void)
{
	char	line[MMHS_SMTPCMD_LINE_MAX + 1], reply[MMHS_SMTPCMD_REPLY_MAX];
	char	v[700];
	struct mmhs_smtpcmd_mail m;
	struct mmhs_smtpcmd_rcpt r;

	long_path(line, sizeof(line), "FROM:", MMHS_SMTPCMD_PATH_MAX, "");
	UNIT_CHECK(mmhs_smtpcmd_mail(line, &m, reply, sizeof(reply)) == 0 &&
	    strlen(m.cm_path) == MMHS_SMTPCMD_PATH_MAX,
	    "256-octet path refused");
	long_path(line, sizeof(line), "FROM:", MMHS_SMTPCMD_PATH_MAX + 1, "");
	UNIT_CHECK(mmhs_smtpcmd_mail(line, &m, reply, sizeof(reply)) == -1 &&
	    strcmp(reply, "501 5.1.7 Address too long") == 0,
	    "257-octet path: \"%s\"", reply);
	long_path(line, sizeof(line), "TO:", MMHS_SMTPCMD_PATH_MAX + 1, "");
	UNIT_CHECK(mmhs_smtpcmd_rcpt(line, &r, reply, sizeof(reply)) == -1 &&
	    strcmp(reply, "501 5.1.7 Address too long") == 0,
	    "257-octet rcpt: \"%s\"", reply);
	long_path(line, sizeof(line), "TO:", 1500, "");
	UNIT_CHECK(mmhs_smtpcmd_rcpt(line, &r, reply, sizeof(reply)) == -1 &&
	    strcmp(reply, "501 5.1.7 Address too long") == 0,
	    "1500-octet rcpt: \"%s\"", reply);

	memset(v, 'e', MMHS_SMTPCMD_ENVID_MAX);
	v[MMHS_SMTPCMD_ENVID_MAX] = '\0';
	snprintf(line, sizeof(line), "FROM:<a@b> ENVID=%s", v);
	UNIT_CHECK(mmhs_smtpcmd_mail(line, &m, reply, sizeof(reply)) == 0 &&
	    strcmp(m.cm_envid, v) == 0, "100-octet ENVID refused: %s", reply);
	snprintf(line, sizeof(line), "FROM:<a@b> ENVID=%se", v);
	UNIT_CHECK(mmhs_smtpcmd_mail(line, &m, reply, sizeof(reply)) == -1 &&
	    strncmp(reply, "501 5.5.4 ENVID is not valid", 28) == 0,
	    "101-octet ENVID: \"%s\"", reply);
	memset(v, 'e', 500);
	v[500] = '\0';
	snprintf(line, sizeof(line), "FROM:<a@b> AUTH=%s", v);
	UNIT_CHECK(mmhs_smtpcmd_mail(line, &m, reply, sizeof(reply)) == 0,
	    "500-octet AUTH refused: \"%s\"", reply);
	memset(v, 'e', 501);
	v[501] = '\0';
	snprintf(line, sizeof(line), "FROM:<a@b> AUTH=%s", v);
	UNIT_CHECK(mmhs_smtpcmd_mail(line, &m, reply, sizeof(reply)) == -1 &&
	    strcmp(reply, "501 5.5.4 AUTH value too long") == 0,
	    "501-octet AUTH: \"%s\"", reply);

	/* ORCPT: 7 octets of "rfc822;" and the decoded rest fill 564 */
	memset(v, 'o', sizeof(r.cr_orcpt) - 8);
	v[sizeof(r.cr_orcpt) - 8] = '\0';
	snprintf(line, sizeof(line), "TO:<u@d> ORCPT=rfc822;%s", v);
	UNIT_CHECK(mmhs_smtpcmd_rcpt(line, &r, reply, sizeof(reply)) == 0 &&
	    strlen(r.cr_orcpt) == sizeof(r.cr_orcpt) - 1,
	    "longest ORCPT refused: %s", reply);
	snprintf(line, sizeof(line), "TO:<u@d> ORCPT=rfc822;%so", v);
	UNIT_CHECK(mmhs_smtpcmd_rcpt(line, &r, reply, sizeof(reply)) == -1 &&
	    strcmp(reply, ORCPT_ERR) == 0, "ORCPT one too long: \"%s\"",
	    reply);
}

/* test_short_reply - a small reply buffer is cut, never overrun */
static void
test_short_reply(void)
{
	struct mmhs_smtpcmd_mail m;
	char	reply[12];

	memset(reply, 'x', sizeof(reply));
	UNIT_CHECK(mmhs_smtpcmd_mail("FROM:<a b@c>", &m, reply, 8) == -1 &&
	    strcmp(reply, "501 5.1") == 0 && reply[8] == 'x',
	    "short reply \"%.12s\"", reply);
}

static const struct unit_test cmd_tests[] = {
	{ "verb", test_verb },
	{ "xtext", test_xtext },
	{ "mail", test_mail },
	{ "rcpt", test_rcpt },
	{ "bounds", test_bounds },
	{ "short reply", test_short_reply },
};

static const struct unit_suite suites[] = {
	UNIT_SUITE("smtpcmd", cmd_tests),
};

int
main(void)
{
	return unit_main(suites, NELEM(suites));
}
