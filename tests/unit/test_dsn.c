/* test_dsn.c - CUnit tests for mmhs_dsn (RFC 3464 DSNs)
 *
 * Purpose: golden files (tests/unit/data/dsn/NAME.ref: the DSN written
 * for a table row, with CRLF as LF and the Date, Message-ID and boundary
 * replaced by DATE, MSGID and BOUNDARY, so the production path that
 * makes them is what is compared); structure of every generated DSN
 * (CRLF lines of at most 998 octets, the boundary only on delimiter
 * lines, three parts of the right types parsed back by mmhs_msg, the
 * status part read back by mmhs_dsn_parse_status, the third part equal
 * to the original or its header section); refusals; streaming in
 * 1-octet reads; reader and sink errors; and the parser's own table.
 *
 * Interface: run without arguments.  The golden files are found under
 * $srcdir/tests/unit/data/dsn, else next to the binary; MMHS_REGEN=1
 * rewrites the .ref files.
 *
 * Error behaviour: exits 1 when any assertion fails; a failed row names
 * its case.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#include "mmhs_alloc.h"
#include "mmhs_dsn.h"
#include "mmhs_msg.h"

#define T_NOW		1700000000	/* Tue, 14 Nov 2023 22:13:20 */
#define T_FROM		"Mail Delivery System <MAILER-DAEMON@mta.hq.example.mil>"

static char t_datadir[1024];

/* ------------------------------------------------------------------ */
/* Growing buffers, sinks and readers */

struct t_buf {
	char   *b_data;
	size_t	b_len;
	size_t	b_cap;
};

/* t_add - append len octets, keep a NUL after them */
static void
t_add(struct t_buf *b, const char *s, size_t len)
{
	if (b->b_len + len + 1 > b->b_cap) {
		b->b_cap = (b->b_len + len + 1) * 2;
		b->b_data = mmhs_realloc(b->b_data, b->b_cap);
	}
	memcpy(b->b_data + b->b_len, s, len);
	b->b_len += len;
	b->b_data[b->b_len] = '\0';
}

/* t_sink - a sink into a t_buf */
static int
t_sink(void *ctx, const char *buf, size_t len)
{
	t_add(ctx, buf, len);
	return 0;
}

/* t_sink_fail - a sink that refuses after 100 octets */
static int
t_sink_fail(void *ctx, const char *buf, size_t len)
{
	size_t *n = ctx;

	(void) buf;
	*n += len;
	return *n > 100 ? -1 : 0;
}

struct t_reader {
	const char *r_data;
	size_t	r_len;
	size_t	r_pos;
	size_t	r_step;		/* octets per read, at most */
	size_t	r_fail_at;	/* fail once r_pos reaches it; 0: never */
};

/* t_read_fn - a reader of r_step octets at a time */
static ssize_t
t_read_fn(void *ctx, char *buf, size_t len)
{
	struct t_reader *r = ctx;
	size_t	n = r->r_len - r->r_pos;

	if (r->r_fail_at > 0 && r->r_pos >= r->r_fail_at)
		return -1;
	if (n > len)
		n = len;
	if (n > r->r_step)
		n = r->r_step;
	memcpy(buf, r->r_data + r->r_pos, n);
	r->r_pos += n;
	return (ssize_t) n;
}

/* t_file - a whole file, NUL-terminated, or NULL */
static char *
t_file(const char *name, size_t *len)
{
	char	path[2048];
	struct t_buf b = { NULL, 0, 0 };
	char	chunk[4096];
	size_t	n;
	FILE   *fp;

	snprintf(path, sizeof(path), "%s/%s", t_datadir, name);
	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	t_add(&b, "", 0);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		t_add(&b, chunk, n);
	fclose(fp);
	*len = b.b_len;
	return b.b_data;
}

/* t_crlf - LF line ends as CRLF, as the DSN carries them */
static char *
t_crlf(const char *s, size_t len, size_t *outlen)
{
	struct t_buf b = { NULL, 0, 0 };
	size_t	i;

	t_add(&b, "", 0);
	for (i = 0; i < len; i++) {
		if (s[i] == '\n' && (i == 0 || s[i - 1] != '\r'))
			t_add(&b, "\r", 1);
		t_add(&b, s + i, 1);
	}
	*outlen = b.b_len;
	return b.b_data;
}

/* ------------------------------------------------------------------ */
/* The cases */

static const struct mmhs_dsn_rcpt t_fail2[] = {
	{ "rfc822;ops+2Bduty@fleet.example.mil", "ops+duty@fleet.example.mil",
	    MMHS_DSN_FAILED, "5.1.1", "mx1.fleet.example.mil",
	    "550 5.1.1 <ops+duty@fleet.example.mil>: Recipient address "
	    "rejected: User unknown in local recipient table", T_NOW - 60, 0 },
	{ NULL, "log@fleet.example.mil", MMHS_DSN_FAILED, "4.4.7", NULL,
	    NULL, T_NOW - 120, 0 },
};

static const struct mmhs_dsn_rcpt t_delay1[] = {
	{ "rfc822;ops@fleet.example.mil", "ops@fleet.example.mil",
	    MMHS_DSN_DELAYED, "4.4.1", "mx1.fleet.example.mil",
	    "421 4.4.1 mx1.fleet.example.mil: connection timed out\r\n",
	    T_NOW - 30, T_NOW + 5 * 86400 },
};

static const struct mmhs_dsn_rcpt t_success3[] = {
	{ "rfc822;ops@fleet.example.mil", "ops@fleet.example.mil",
	    MMHS_DSN_DELIVERED, "2.0.0", NULL, NULL, 0, 0 },
	{ NULL, "log@fleet.example.mil", MMHS_DSN_RELAYED, "2.0.0",
	    "gw.nato.example.int", "250 2.0.0 Ok: queued as 9F1C2", 0, 0 },
	{ "x400;/C+3DXW/ADMD+3D+20/PRMD+3DMOD/O+3DFLEET/S+3DOPS/",
	    "dl-ops@fleet.example.mil",
	    MMHS_DSN_EXPANDED, "2.0.0", NULL, NULL, 0, 0 },
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const struct t_case {
	const char *c_name;		/* .ref file */
	const char *c_orig;		/* .eml file */
	enum mmhs_dsn_ret c_ret;
	const char *c_envid;
	const struct mmhs_dsn_rcpt *c_rcpt;
	size_t	c_nrcpt;
	int	c_full;			/* expect message/rfc822 */
} t_cases[] = {
	{ "fail-full", "orig.eml", MMHS_DSN_RET_FULL, "QQ+2B1234-xyz",
	    t_fail2, NELEM(t_fail2), 1 },
	{ "fail-hdrs", "orig.eml", MMHS_DSN_RET_HDRS, "QQ+2B1234-xyz",
	    t_fail2, NELEM(t_fail2), 0 },
	{ "fail-default", "flash.eml", MMHS_DSN_RET_NONE, NULL,
	    t_fail2 + 1, 1, 1 },
	{ "delay", "orig.eml", MMHS_DSN_RET_FULL, "ENV-77", t_delay1,
	    NELEM(t_delay1), 0 },
	{ "success", "orig.eml", MMHS_DSN_RET_NONE, "ENV-78", t_success3,
	    NELEM(t_success3), 0 },
};

/* t_msg - the DSN description of a case */
static void
t_msg(const struct t_case *c, struct mmhs_dsn_msg *dm)
{
	memset(dm, 0, sizeof(*dm));
	dm->dm_reporting_mta = "mta.hq.example.mil";
	dm->dm_from = T_FROM;
	dm->dm_return_path = "j.smith@hq.example.mil";
	dm->dm_envid = c->c_envid;
	dm->dm_ret = c->c_ret;
	dm->dm_arrival = T_NOW - 3600;
	dm->dm_rcpt = c->c_rcpt;
	dm->dm_nrcpt = c->c_nrcpt;
}

/* ------------------------------------------------------------------ */
/* Reading a DSN back */

struct t_parts {
	char	p_ctype[4][MMHS_MSG_CTYPE_MAX + 1];	/* 0: top */
	struct t_buf p_body[4];
	char	p_boundary[MMHS_MSG_BOUNDARY_MAX + 1];
	char	p_date[64];
	char	p_msgid[MMHS_DSN_MSGID_MAX + 1];
	char	p_prec[64];
	unsigned p_nparts;
	unsigned p_cur;
	int	p_ok;
};

/* t_event - collect part types and bodies */
static int
t_event(void *ctx, const struct mmhs_msg_event *ev)
{
	struct t_parts *p = ctx;

	switch (ev->ev_type) {
	case MMHS_MSG_EV_HEADER:
		if (ev->ev_depth != 0)
			break;
		if (strcasecmp(ev->ev_name, "Date") == 0)
			snprintf(p->p_date, sizeof(p->p_date), "%s",
			    ev->ev_value);
		else if (strcasecmp(ev->ev_name, "Message-ID") == 0)
			snprintf(p->p_msgid, sizeof(p->p_msgid), "%s",
			    ev->ev_value);
		else if (strcasecmp(ev->ev_name,
		    "MMHS-Primary-Precedence") == 0)
			snprintf(p->p_prec, sizeof(p->p_prec), "%s",
			    ev->ev_value);
		break;
	case MMHS_MSG_EV_HEADER_END:
		if (ev->ev_depth == 0 && ev->ev_boundary != NULL)
			snprintf(p->p_boundary, sizeof(p->p_boundary), "%s",
			    ev->ev_boundary);
		if (p->p_cur < 4)
			snprintf(p->p_ctype[p->p_cur], sizeof(p->p_ctype[0]),
			    "%s", ev->ev_ctype);
		break;
	case MMHS_MSG_EV_PART_START:
		if (ev->ev_depth == 1)
			p->p_cur = ++p->p_nparts;
		break;
	case MMHS_MSG_EV_BODY:
		if (p->p_cur > 0 && p->p_cur < 4)
			t_add(&p->p_body[p->p_cur], ev->ev_raw, ev->ev_rawlen);
		break;
	case MMHS_MSG_EV_END:
		p->p_ok = 1;
		break;
	default:
		break;
	}
	return 0;
}

/* t_parts_free - the collected bodies */
static void
t_parts_free(struct t_parts *p)
{
	int	i;

	for (i = 0; i < 4; i++)
		mmhs_free(p->p_body[i].b_data);
}

/* t_parse - a DSN through mmhs_msg; 0 when the parser accepted it */
static int
t_parse(const char *dsn, size_t len, struct t_parts *p)
{
	struct mmhs_msg_parser *mp;
	int	rc;

	memset(p, 0, sizeof(*p));
	for (rc = 0; rc < 4; rc++)
		t_add(&p->p_body[rc], "", 0);
	mp = mmhs_msg_parser_new(NULL, t_event, p);
	rc = mmhs_msg_feed(mp, dsn, len);
	if (rc == 0)
		rc = mmhs_msg_finish(mp);
	mmhs_msg_parser_free(mp);
	return rc;
}

/*
 * t_structure - CRLF everywhere, lines of at most 998 octets, and the
 * delimiter only on the four delimiter lines.
 */
static void
t_structure(const char *name, const char *dsn, size_t len,
	const char *boundary)
{
	size_t	i, ls = 0, blen = strlen(boundary);
	unsigned delims = 0, bad_eol = 0, long_lines = 0;

	for (i = 0; i < len; i++) {
		if (dsn[i] == '\n' && (i == 0 || dsn[i - 1] != '\r'))
			bad_eol++;
		if (dsn[i] == '\r' && (i + 1 == len || dsn[i + 1] != '\n'))
			bad_eol++;
		if (dsn[i] != '\n')
			continue;
		if (i - ls > 999)		/* 998 + CR */
			long_lines++;
		if (i - ls >= 2 + blen && dsn[ls] == '-' && dsn[ls + 1] == '-'
		    && memcmp(dsn + ls + 2, boundary, blen) == 0)
			delims++;
		ls = i + 1;
	}
	UNIT_CHECK(ls == len, "%s: does not end in CRLF", name);
	UNIT_CHECK(bad_eol == 0, "%s: %u bare CR or LF", name, bad_eol);
	UNIT_CHECK(long_lines == 0, "%s: %u lines over 998", name, long_lines);
	UNIT_CHECK(delims == 4, "%s: %u lines start with the delimiter, not 4",
	    name, delims);
}

/* t_replace - every occurrence of from in b by to */
static void
t_replace(struct t_buf *b, const char *from, const char *to)
{
	struct t_buf out = { NULL, 0, 0 };
	size_t	flen = strlen(from);
	const char *s = b->b_data, *hit;

	if (flen == 0)
		return;
	t_add(&out, "", 0);
	while ((hit = strstr(s, from)) != NULL) {
		t_add(&out, s, (size_t) (hit - s));
		t_add(&out, to, strlen(to));
		s = hit + flen;
	}
	t_add(&out, s, strlen(s));
	mmhs_free(b->b_data);
	*b = out;
}

/* t_status_back - part 2 read back equals what the case asked for */
static void
t_status_back(const struct t_case *c, const struct t_parts *p)
{
	struct mmhs_dsn_report rep;
	const struct mmhs_dsn_rcpt *r;
	char	err[256], want[600];
	size_t	i;

	if (mmhs_dsn_parse_status(p->p_body[2].b_data, p->p_body[2].b_len,
	    &rep, err, sizeof(err)) < 0) {
		UNIT_CHECK(0, "%s: status part not parsed: %s", c->c_name, err);
		return;
	}
	UNIT_CHECK(strcmp(rep.rp_reporting_mta, "dns;mta.hq.example.mil") == 0,
	    "%s: Reporting-MTA %s", c->c_name, rep.rp_reporting_mta);
	UNIT_CHECK(rep.rp_nrcpt == c->c_nrcpt, "%s: %zu recipients read back",
	    c->c_name, rep.rp_nrcpt);
	for (i = 0; i < rep.rp_nrcpt && i < c->c_nrcpt; i++) {
		r = c->c_rcpt + i;
		snprintf(want, sizeof(want), "rfc822;%s", r->dr_final);
		UNIT_CHECK(strcmp(rep.rp_rcpt[i].ds_final, want) == 0 &&
		    rep.rp_rcpt[i].ds_action == r->dr_action &&
		    strcmp(rep.rp_rcpt[i].ds_status, r->dr_status) == 0 &&
		    (r->dr_orcpt != NULL) == (rep.rp_rcpt[i].ds_orig[0] != 0)
		    && (r->dr_diag != NULL) == (rep.rp_rcpt[i].ds_diag[0] != 0),
		    "%s: recipient %zu read back differs", c->c_name, i + 1);
	}
	mmhs_dsn_report_free(&rep);
}

/* t_third - part 3 is the original, or its header section */
static void
t_third(const struct t_case *c, const struct t_parts *p, const char *orig,
	size_t olen)
{
	size_t	clen;
	char   *crlf = t_crlf(orig, olen, &clen);
	char   *hend = strstr(crlf, "\r\n\r\n");

	UNIT_CHECK(strcmp(p->p_ctype[3], c->c_full ? "message/rfc822" :
	    "text/rfc822-headers") == 0, "%s: part 3 is %s", c->c_name,
	    p->p_ctype[3]);
	if (c->c_full)
		UNIT_CHECK(p->p_body[3].b_len == clen &&
		    memcmp(p->p_body[3].b_data, crlf, clen) == 0,
		    "%s: part 3 is not the original", c->c_name);
	else if (hend != NULL)
		UNIT_CHECK(p->p_body[3].b_len == (size_t) (hend - crlf) + 2 &&
		    memcmp(p->p_body[3].b_data, crlf, (size_t) (hend - crlf) +
		    2) == 0, "%s: part 3 is not the header section",
		    c->c_name);
	mmhs_free(crlf);
}

/* t_golden_one - one case: structure, parts, status, golden file */
static void
t_golden_one(const struct t_case *c)
{
	struct mmhs_dsn_msg dm;
	struct mmhs_dsn_result res;
	struct t_buf out = { NULL, 0, 0 };
	struct t_parts p;
	char	err[256], path[2048], *orig, *ref;
	size_t	olen, rlen;
	FILE   *fp;

	if ((orig = t_file(c->c_orig, &olen)) == NULL) {
		UNIT_CHECK(0, "%s: cannot read %s in %s", c->c_name, c->c_orig,
		    t_datadir);
		return;
	}
	t_msg(c, &dm);
	t_add(&out, "", 0);
	if (mmhs_dsn_write_buf(&dm, orig, olen, t_sink, &out, &res, err,
	    sizeof(err)) < 0) {
		UNIT_CHECK(0, "%s: refused: %s", c->c_name, err);
		goto done;
	}
	UNIT_CHECK(res.dw_octets == out.b_len,
	    "%s: %llu octets said, %zu written", c->c_name, res.dw_octets,
	    out.b_len);
	UNIT_CHECK(t_parse(out.b_data, out.b_len, &p) == 0 && p.p_ok,
	    "%s: mmhs_msg does not accept the DSN", c->c_name);
	UNIT_CHECK(strcmp(p.p_ctype[0], "multipart/report") == 0 &&
	    p.p_nparts == 3 && strcmp(p.p_ctype[1], "text/plain") == 0 &&
	    strcmp(p.p_ctype[2], "message/delivery-status") == 0,
	    "%s: parts %u: %s %s %s", c->c_name, p.p_nparts, p.p_ctype[0],
	    p.p_ctype[1], p.p_ctype[2]);
	UNIT_CHECK(strcmp(p.p_msgid, res.dw_message_id) == 0,
	    "%s: Message-ID %s but %s reported", c->c_name, p.p_msgid,
	    res.dw_message_id);
	t_structure(c->c_name, out.b_data, out.b_len, p.p_boundary);
	t_status_back(c, &p);
	t_third(c, &p, orig, olen);
	/* the variable parts, then LF for the file */
	t_replace(&out, p.p_boundary, "BOUNDARY");
	t_replace(&out, p.p_date, "DATE");
	t_replace(&out, p.p_msgid, "MSGID");
	t_replace(&out, "\r\n", "\n");
	t_parts_free(&p);
	snprintf(path, sizeof(path), "%s/%s.ref", t_datadir, c->c_name);
	if (getenv("MMHS_REGEN") != NULL && (fp = fopen(path, "w")) != NULL) {
		fputs(out.b_data, fp);
		fclose(fp);
	}
	snprintf(path, sizeof(path), "%s.ref", c->c_name);
	ref = t_file(path, &rlen);
	UNIT_CHECK(ref != NULL && strcmp(ref, out.b_data) == 0,
	    "%s: differs from %s.ref", c->c_name, c->c_name);
	mmhs_free(ref);
done:
	mmhs_free(orig);
	mmhs_free(out.b_data);
}

/* test_golden - every case of t_cases */
static void
test_golden(void)
{
	size_t	i;

	for (i = 0; i < NELEM(t_cases); i++)
		t_golden_one(&t_cases[i]);
}

/* ------------------------------------------------------------------ */
/* Refusals */

static const struct mmhs_dsn_rcpt t_mixed[] = {
	{ NULL, "a@b.example", MMHS_DSN_FAILED, "5.0.0", NULL, NULL, 0, 0 },
	{ NULL, "c@d.example", MMHS_DSN_DELAYED, "4.0.0", NULL, NULL, 0, 0 },
};

static const struct t_refusal {
	const char *f_what;
	const char *f_return_path;
	const char *f_final;
	enum mmhs_dsn_action f_action;
	const char *f_status;
	const char *f_orcpt;
	const char *f_envid;
	const char *f_boundary;
	const char *f_msgid;
	const char *f_err;		/* expected in the message */
} t_refusals[] = {
	{ "empty return path", "", "a@b", MMHS_DSN_FAILED, "5.1.1", NULL,
	    NULL, NULL, NULL, "null return path" },
	{ "<> return path", "<>", "a@b", MMHS_DSN_FAILED, "5.1.1", NULL,
	    NULL, NULL, NULL, "null return path" },
	{ "NULL return path", NULL, "a@b", MMHS_DSN_FAILED, "5.1.1", NULL,
	    NULL, NULL, NULL, "null return path" },
	{ "return path with LF", "a@b\n", "a@b", MMHS_DSN_FAILED, "5.1.1",
	    NULL, NULL, NULL, NULL, "return path" },
	{ "8-bit recipient", "x@y", "\xc3\xa9@b", MMHS_DSN_FAILED, "5.1.1",
	    NULL, NULL, NULL, NULL, "recipient 1: the address" },
	{ "empty recipient", "x@y", "", MMHS_DSN_FAILED, "5.1.1", NULL,
	    NULL, NULL, NULL, "recipient 1: the address" },
	{ "bad status", "x@y", "a@b", MMHS_DSN_FAILED, "5.1", NULL, NULL,
	    NULL, NULL, "not an RFC 3463 code" },
	{ "class 3 status", "x@y", "a@b", MMHS_DSN_FAILED, "3.1.1", NULL,
	    NULL, NULL, NULL, "not an RFC 3463 code" },
	{ "failed with 2.x.x", "x@y", "a@b", MMHS_DSN_FAILED, "2.0.0", NULL,
	    NULL, NULL, NULL, "for action failed" },
	{ "delayed with 5.x.x", "x@y", "a@b", MMHS_DSN_DELAYED, "5.0.0",
	    NULL, NULL, NULL, NULL, "for action delayed" },
	{ "delivered with 4.x.x", "x@y", "a@b", MMHS_DSN_DELIVERED, "4.0.0",
	    NULL, NULL, NULL, NULL, "for action delivered" },
	{ "bad action", "x@y", "a@b", (enum mmhs_dsn_action) 9, "5.0.0",
	    NULL, NULL, NULL, NULL, "bad action" },
	{ "ORCPT without type", "x@y", "a@b", MMHS_DSN_FAILED, "5.0.0",
	    "a@b", NULL, NULL, NULL, "ORCPT" },
	{ "ORCPT bad xtext", "x@y", "a@b", MMHS_DSN_FAILED, "5.0.0",
	    "rfc822;a+4@b", NULL, NULL, NULL, "ORCPT" },
	{ "ORCPT with =", "x@y", "a@b", MMHS_DSN_FAILED, "5.0.0",
	    "rfc822;a=b", NULL, NULL, NULL, "ORCPT" },
	{ "ENVID bad xtext", "x@y", "a@b", MMHS_DSN_FAILED, "5.0.0", NULL,
	    "a+ZZb", NULL, NULL, "ENVID" },
	{ "ENVID too long", "x@y", "a@b", MMHS_DSN_FAILED, "5.0.0", NULL,
	    "0123456789012345678901234567890123456789012345678901234567890123"
	    "4567890123456789012345678901234567890", NULL, NULL, "ENVID" },
	{ "boundary with space", "x@y", "a@b", MMHS_DSN_FAILED, "5.0.0",
	    NULL, NULL, "a b", NULL, "bad boundary" },
	{ "boundary of 71", "x@y", "a@b", MMHS_DSN_FAILED, "5.0.0", NULL,
	    NULL, "01234567890123456789012345678901234567890123456789"
	    "012345678901234567890", NULL, "bad boundary" },
	{ "Message-ID without <>", "x@y", "a@b", MMHS_DSN_FAILED, "5.0.0",
	    NULL, NULL, NULL, "a@b", "bad Message-ID" },
};

/* test_refusals - each row refused with its message, nothing written */
static void
test_refusals(void)
{
	const struct t_refusal *f;
	struct mmhs_dsn_rcpt r;
	struct mmhs_dsn_msg dm;
	struct t_buf out = { NULL, 0, 0 };
	char	err[256];
	size_t	i;
	int	rc;

	t_add(&out, "", 0);
	for (i = 0; i < NELEM(t_refusals); i++) {
		f = &t_refusals[i];
		t_msg(&t_cases[0], &dm);
		memset(&r, 0, sizeof(r));
		r.dr_final = f->f_final;
		r.dr_action = f->f_action;
		r.dr_status = f->f_status;
		r.dr_orcpt = f->f_orcpt;
		dm.dm_return_path = f->f_return_path;
		dm.dm_envid = f->f_envid;
		dm.dm_boundary = f->f_boundary;
		dm.dm_message_id = f->f_msgid;
		dm.dm_rcpt = &r;
		dm.dm_nrcpt = 1;
		out.b_len = 0;
		err[0] = '\0';
		rc = mmhs_dsn_write_buf(&dm, "S: x\r\n\r\nb\r\n", 11, t_sink,
		    &out, NULL, err, sizeof(err));
		UNIT_CHECK(rc < 0 && strstr(err, f->f_err) != NULL &&
		    out.b_len == 0, "%s: rc %d, \"%s\", %zu octets written",
		    f->f_what, rc, err, out.b_len);
	}
	/* whole-DSN rules */
	t_msg(&t_cases[0], &dm);
	dm.dm_rcpt = t_mixed;
	dm.dm_nrcpt = 2;
	rc = mmhs_dsn_write_buf(&dm, "", 0, t_sink, &out, NULL, err,
	    sizeof(err));
	UNIT_CHECK(rc < 0 && strstr(err, "cannot mix") != NULL, "mixed: %s",
	    err);
	dm.dm_nrcpt = 0;
	rc = mmhs_dsn_write_buf(&dm, "", 0, t_sink, &out, NULL, err,
	    sizeof(err));
	UNIT_CHECK(rc < 0 && strstr(err, "0 recipients") != NULL, "none: %s",
	    err);
	dm.dm_nrcpt = MMHS_DSN_RCPT_MAX + 1;
	rc = mmhs_dsn_write_buf(&dm, "", 0, t_sink, &out, NULL, err,
	    sizeof(err));
	UNIT_CHECK(rc < 0 && strstr(err, "recipients") != NULL, "too many: %s",
	    err);
	t_msg(&t_cases[0], &dm);
	dm.dm_from = "MAILER-DAEMON\r\nBcc: x@y";
	rc = mmhs_dsn_write_buf(&dm, "", 0, t_sink, &out, NULL, err,
	    sizeof(err));
	UNIT_CHECK(rc < 0 && strstr(err, "From:") != NULL, "From: %s", err);
	dm.dm_from = T_FROM;
	dm.dm_reporting_mta = "mta example";
	rc = mmhs_dsn_write_buf(&dm, "", 0, t_sink, &out, NULL, err,
	    sizeof(err));
	UNIT_CHECK(rc < 0 && strstr(err, "reporting MTA") != NULL, "MTA: %s",
	    err);
	UNIT_CHECK(out.b_len == 0, "refused DSNs wrote %zu octets", out.b_len);
	mmhs_free(out.b_data);
}

/* ------------------------------------------------------------------ */
/* Content handling */

/* t_write - one failure DSN of orig with RET=FULL; 0 or -1 */
static int
t_write(const char *orig, size_t olen, const char *boundary,
	struct t_buf *out, struct mmhs_dsn_result *res, char *err,
	size_t errlen)
{
	struct mmhs_dsn_msg dm;

	t_msg(&t_cases[0], &dm);
	dm.dm_boundary = boundary;
	out->b_len = 0;
	t_add(out, "", 0);
	return mmhs_dsn_write_buf(&dm, orig, olen, t_sink, out, res, err,
	    errlen);
}

/* test_collision - an injected boundary found in the content fails */
static void
test_collision(void)
{
	static const struct {
		const char *k_orig;
		int	k_rc;
	} rows[] = {
		{ "Subject: a\r\n\r\n--XyZ\r\n", -1 },
		{ "Subject: a\r\n\r\n--XyZ--\r\n", -1 },
		{ "Subject: a\r\n\r\nbody\n--XyZzy", -1 },	/* a prefix */
		{ "Subject: a\r\n\r\n --XyZ\r\n", 0 },	/* not at the start */
		{ "Subject: a\r\n\r\n--XyY\r\n", 0 },
		{ "Subject: a\r\n\r\n-\r\n--XY\r\n", 0 },
		{ "--XyZ: header\r\n\r\nbody\r\n", -1 },	/* header too */
	};
	struct t_buf out = { NULL, 0, 0 };
	char	err[256];
	size_t	i;
	int	rc;

	for (i = 0; i < NELEM(rows); i++) {
		err[0] = '\0';
		rc = t_write(rows[i].k_orig, strlen(rows[i].k_orig), "XyZ",
		    &out, NULL, err, sizeof(err));
		UNIT_CHECK(rc == rows[i].k_rc && (rc == 0 || strstr(err,
		    "boundary occurs") != NULL), "row %zu: rc %d: %s", i, rc,
		    err);
	}
	/* a subject holding the boundary: it is not at a line start */
	rc = t_write("Subject: --XyZ\r\n\r\n", 18, "XyZ", &out, NULL, err,
	    sizeof(err));
	UNIT_CHECK(rc == 0, "boundary in the Subject refused: %s", err);
	mmhs_free(out.b_data);
}

/* test_line_ends - bare LF, bare CR and long lines are made safe */
static void
test_line_ends(void)
{
	struct t_buf orig = { NULL, 0, 0 }, out = { NULL, 0, 0 };
	struct t_parts p;
	char	err[256], line[3000];
	int	rc;

	t_add(&orig, "Subject: unix\n\nlf only\nbare\rcr\r\n", 32);
	memset(line, 'x', sizeof(line));
	t_add(&orig, line, sizeof(line));
	t_add(&orig, "\nend", 4);		/* no final line end */
	rc = t_write(orig.b_data, orig.b_len, NULL, &out, NULL, err,
	    sizeof(err));
	UNIT_CHECK(rc == 0, "refused: %s", err);
	if (rc == 0) {
		UNIT_CHECK(t_parse(out.b_data, out.b_len, &p) == 0,
		    "not parsed");
		t_structure("line ends", out.b_data, out.b_len, p.p_boundary);
		UNIT_CHECK(strstr(p.p_body[3].b_data,
		    "lf only\r\nbare\r\ncr\r\n") != NULL,
		    "line ends not made CRLF");
		UNIT_CHECK(p.p_body[3].b_len == 36 + 3000 + 3 * 2 + 2 + 3 + 2,
		    "long line: part 3 of %zu octets", p.p_body[3].b_len);
		t_parts_free(&p);
	}
	mmhs_free(orig.b_data);
	mmhs_free(out.b_data);
}

/* test_precedence - the original's precedence travels with the DSN */
static void
test_precedence(void)
{
	static const struct {
		const char *q_orig;
		const char *q_field;	/* "" when none is expected */
		int	q_num;
	} rows[] = {
		{ "MMHS-Primary-Precedence: flash\r\n\r\n", "4 (flash)", 4 },
		{ "mmhs-primary-precedence:  0 (deferred)\r\n\r\n",
		    "0 (deferred)", 0 },
		{ "MMHS-Primary-Precedence: 20\r\n\r\n", "20", 20 },
		{ "MMHS-Primary-Precedence: 5\r\nMMHS-Primary-Precedence: 1\r\n"
		    "\r\n", "5 (override)", 5 },
		{ "MMHS-Primary-Precedence: urgent\r\n\r\n", "", -1 },
		{ "MMHS-Copy-Precedence: 4\r\n\r\n", "", -1 },
		{ "Subject: none\r\n\r\nMMHS-Primary-Precedence: 4\r\n", "",
		    -1 },
		{ "MMHS-Primary-Precedence:\r\n 2\r\n\r\n", "2 (priority)", 2 },
	};
	struct mmhs_dsn_result res;
	struct t_buf out = { NULL, 0, 0 };
	struct t_parts p;
	char	err[256];
	size_t	i;

	for (i = 0; i < NELEM(rows); i++) {
		if (t_write(rows[i].q_orig, strlen(rows[i].q_orig), NULL,
		    &out, &res, err, sizeof(err)) < 0) {
			UNIT_CHECK(0, "row %zu refused: %s", i, err);
			continue;
		}
		UNIT_CHECK(t_parse(out.b_data, out.b_len, &p) == 0,
		    "row %zu: not parsed", i);
		UNIT_CHECK(strcmp(p.p_prec, rows[i].q_field) == 0 &&
		    res.dw_precedence == rows[i].q_num, "row %zu: \"%s\" %d",
		    i, p.p_prec, res.dw_precedence);
		t_parts_free(&p);
	}
	mmhs_free(out.b_data);
}

/* test_unique - generated Message-IDs and boundaries differ; injected
 * ones are used */
static void
test_unique(void)
{
	struct mmhs_dsn_msg dm;
	struct t_buf a = { NULL, 0, 0 }, b = { NULL, 0, 0 };
	struct t_parts pa, pb;
	char	err[256];

	t_msg(&t_cases[0], &dm);
	t_add(&a, "", 0);
	t_add(&b, "", 0);
	UNIT_CHECK(mmhs_dsn_write_buf(&dm, "", 0, t_sink, &a, NULL, err,
	    sizeof(err)) == 0 && mmhs_dsn_write_buf(&dm, "", 0, t_sink, &b,
	    NULL, err, sizeof(err)) == 0, "refused: %s", err);
	t_parse(a.b_data, a.b_len, &pa);
	t_parse(b.b_data, b.b_len, &pb);
	UNIT_CHECK(strcmp(pa.p_msgid, pb.p_msgid) != 0 && strstr(pa.p_msgid,
	    "@mta.hq.example.mil>") != NULL, "Message-IDs %s %s",
	    pa.p_msgid, pb.p_msgid);
	UNIT_CHECK(strcmp(pa.p_boundary, pb.p_boundary) != 0 &&
	    strncmp(pa.p_boundary, "=_", 2) == 0, "boundaries %s %s",
	    pa.p_boundary, pb.p_boundary);
	t_parts_free(&pa);
	t_parts_free(&pb);
	dm.dm_now = T_NOW;
	dm.dm_message_id = "<fixed.1@mta.hq.example.mil>";
	dm.dm_boundary = "fixed-boundary";
	a.b_len = 0;
	UNIT_CHECK(mmhs_dsn_write_buf(&dm, "", 0, t_sink, &a, NULL, err,
	    sizeof(err)) == 0, "refused: %s", err);
	t_parse(a.b_data, a.b_len, &pa);
	UNIT_CHECK(strcmp(pa.p_msgid, dm.dm_message_id) == 0 &&
	    strcmp(pa.p_boundary, "fixed-boundary") == 0 &&
	    strcmp(pa.p_date, "Tue, 14 Nov 2023 22:13:20 +0000") == 0,
	    "injected: %s %s %s", pa.p_msgid, pa.p_boundary, pa.p_date);
	t_parts_free(&pa);
	UNIT_CHECK(strstr(a.b_data, "Content-Transfer-Encoding") == NULL,
	    "a 7bit original got a Content-Transfer-Encoding");
	dm.dm_8bit = 1;
	a.b_len = 0;
	UNIT_CHECK(mmhs_dsn_write_buf(&dm, "", 0, t_sink, &a, NULL, err,
	    sizeof(err)) == 0 && strstr(a.b_data, "Content-Type: "
	    "message/rfc822\r\nContent-Transfer-Encoding: 8bit\r\n") !=
	    NULL, "8BITMIME original: no 8bit on part 3");
	mmhs_free(a.b_data);
	mmhs_free(b.b_data);
}

/* ------------------------------------------------------------------ */
/* Streaming and errors */

/* t_big - an original of about size octets: header, then body lines */
static void
t_big(struct t_buf *b, size_t size)
{
	static const char line[] = "The quick brown fox jumps over the lazy "
	    "dog 0123456789.\r\n";

	b->b_len = 0;
	t_add(b, "Subject: big\r\nMessage-ID: <big@x.example>\r\n\r\n", 46);
	while (b->b_len < size)
		t_add(b, line, sizeof(line) - 1);
}

/* test_streaming - 1-octet reads give the same DSN; RET=HDRS stops
 * reading after the header section */
static void
test_streaming(void)
{
	struct mmhs_dsn_msg dm;
	struct t_buf big = { NULL, 0, 0 }, whole = { NULL, 0, 0 };
	struct t_buf small = { NULL, 0, 0 };
	struct t_reader rd;
	char	err[256];

	t_big(&big, 300000);
	t_msg(&t_cases[0], &dm);
	dm.dm_now = T_NOW;
	dm.dm_boundary = "stream";
	dm.dm_message_id = "<s@x.example>";
	t_add(&whole, "", 0);
	t_add(&small, "", 0);
	UNIT_CHECK(mmhs_dsn_write_buf(&dm, big.b_data, big.b_len, t_sink,
	    &whole, NULL, err, sizeof(err)) == 0, "buffer: %s", err);
	memset(&rd, 0, sizeof(rd));
	rd.r_data = big.b_data;
	rd.r_len = big.b_len;
	rd.r_step = 1;
	UNIT_CHECK(mmhs_dsn_write(&dm, t_read_fn, &rd, t_sink, &small, NULL,
	    err, sizeof(err)) == 0, "1-octet reads: %s", err);
	UNIT_CHECK(whole.b_len == small.b_len && memcmp(whole.b_data,
	    small.b_data, whole.b_len) == 0, "1-octet reads give another DSN");
	UNIT_CHECK(rd.r_pos == big.b_len, "read %zu of %zu", rd.r_pos,
	    big.b_len);
	/* headers only: the reader is not drained */
	dm.dm_ret = MMHS_DSN_RET_HDRS;
	rd.r_pos = 0;
	rd.r_step = 100;
	small.b_len = 0;
	UNIT_CHECK(mmhs_dsn_write(&dm, t_read_fn, &rd, t_sink, &small, NULL,
	    err, sizeof(err)) == 0, "HDRS: %s", err);
	UNIT_CHECK(rd.r_pos <= 200, "HDRS read %zu octets", rd.r_pos);
	UNIT_CHECK(small.b_len < 4000, "HDRS DSN of %zu octets", small.b_len);
	mmhs_free(big.b_data);
	mmhs_free(whole.b_data);
	mmhs_free(small.b_data);
}

/* test_errors - reader and sink failures are reported */
static void
test_errors(void)
{
	struct mmhs_dsn_msg dm;
	struct t_buf big = { NULL, 0, 0 }, out = { NULL, 0, 0 };
	struct t_reader rd;
	char	err[256];
	size_t	sunk = 0;
	int	rc;

	t_big(&big, 50000);
	t_msg(&t_cases[0], &dm);
	memset(&rd, 0, sizeof(rd));
	rd.r_data = big.b_data;
	rd.r_len = big.b_len;
	rd.r_step = 4096;
	rd.r_fail_at = 20000;		/* in the body */
	t_add(&out, "", 0);
	rc = mmhs_dsn_write(&dm, t_read_fn, &rd, t_sink, &out, NULL, err,
	    sizeof(err));
	UNIT_CHECK(rc < 0 && strstr(err, "reading the original") != NULL,
	    "body read error: %d %s", rc, err);
	rd.r_pos = 0;
	rd.r_fail_at = 10;		/* in the header section */
	rd.r_step = 10;
	rc = mmhs_dsn_write(&dm, t_read_fn, &rd, t_sink, &out, NULL, err,
	    sizeof(err));
	UNIT_CHECK(rc < 0 && strstr(err, "reading the original") != NULL,
	    "header read error: %d %s", rc, err);
	rc = mmhs_dsn_write_buf(&dm, big.b_data, big.b_len, t_sink_fail,
	    &sunk, NULL, err, sizeof(err));
	UNIT_CHECK(rc < 0 && strstr(err, "sink") != NULL, "sink error: %d %s",
	    rc, err);
	mmhs_free(big.b_data);
	mmhs_free(out.b_data);
}

/* test_big_header - a header section past the bound is cut at a line */
static void
test_big_header(void)
{
	struct mmhs_dsn_msg dm;
	struct t_buf orig = { NULL, 0, 0 }, out = { NULL, 0, 0 };
	struct t_parts p;
	char	err[256];

	t_add(&orig, "Subject: many fields\r\n", 22);
	while (orig.b_len < MMHS_MSG_HEADER_MAX + 50000)
		t_add(&orig, "X-Filler: 0123456789012345678901234567890\r\n",
		    43);
	t_add(&orig, "\r\nbody\r\n", 8);
	t_msg(&t_cases[1], &dm);	/* RET=HDRS */
	t_add(&out, "", 0);
	UNIT_CHECK(mmhs_dsn_write_buf(&dm, orig.b_data, orig.b_len, t_sink,
	    &out, NULL, err, sizeof(err)) == 0, "refused: %s", err);
	UNIT_CHECK(t_parse(out.b_data, out.b_len, &p) == 0, "not parsed");
	UNIT_CHECK(p.p_body[3].b_len <= MMHS_MSG_HEADER_MAX + 8192 &&
	    p.p_body[3].b_len > MMHS_MSG_HEADER_MAX - 100 &&
	    p.p_body[3].b_data[p.p_body[3].b_len - 1] == '\n' &&
	    strstr(p.p_body[3].b_data, "body") == NULL,
	    "part 3 of %zu octets", p.p_body[3].b_len);
	t_parts_free(&p);
	mmhs_free(orig.b_data);
	mmhs_free(out.b_data);
}

/* ------------------------------------------------------------------ */
/* The parser */

static const struct t_pcase {
	const char *q_what;
	const char *q_in;
	const char *q_err;		/* NULL: accepted */
	size_t	q_nrcpt;
	const char *q_final1;		/* first recipient, when accepted */
	const char *q_status1;
	const char *q_diag1;
} t_pcases[] = {
	{ "minimal", "Reporting-MTA: dns; a.example\r\n\r\n"
	    "Final-Recipient: rfc822; x@y\r\nAction: failed\r\n"
	    "Status: 5.1.1\r\n", NULL, 1, "rfc822;x@y", "5.1.1", "" },
	{ "LF, folding, comments, case", "reporting-mta:dns;a\n\n"
	    "FINAL-RECIPIENT: RFC822 ;\n\tx@y\nACTION: Delayed (later)\n"
	    "status: 4.4.1 (no answer)\nDiagnostic-Code: smtp; 421 try\n"
	    "  again\nX-Unknown: whatever\n\n\n", NULL, 1, "RFC822;x@y",
	    "4.4.1", "smtp; 421 try  again" },
	{ "two recipients, empty lines around",
	    "\r\nReporting-MTA: dns; a\r\nOriginal-Envelope-Id: E1\r\n\r\n"
	    "Original-Recipient: rfc822;o@y\r\nFinal-Recipient: rfc822;x@y\r\n"
	    "Action: delivered\r\nStatus: 2.0.0\r\n \t \r\n"
	    "Final-Recipient: rfc822;z@y\r\nAction: relayed\r\n"
	    "Status: 2.0.0\r\n\r\n", NULL, 2, "rfc822;x@y", "2.0.0", "" },
	{ "no Reporting-MTA", "Arrival-Date: x\r\n\r\nFinal-Recipient: "
	    "rfc822;x\r\nAction: failed\r\nStatus: 5.0.0\r\n",
	    "no Reporting-MTA", 0, NULL, NULL, NULL },
	{ "no recipient", "Reporting-MTA: dns; a\r\n", "no per-recipient",
	    0, NULL, NULL, NULL },
	{ "missing Status", "Reporting-MTA: dns; a\r\n\r\nFinal-Recipient: "
	    "rfc822;x\r\nAction: failed\r\n", "lacks", 0, NULL, NULL, NULL },
	{ "bad Status", "Reporting-MTA: dns; a\r\n\r\nFinal-Recipient: "
	    "rfc822;x\r\nAction: failed\r\nStatus: 5.1\r\n", "not x.y.z", 0,
	    NULL, NULL, NULL },
	{ "bad Action", "Reporting-MTA: dns; a\r\n\r\nFinal-Recipient: "
	    "rfc822;x\r\nAction: bounced\r\nStatus: 5.1.1\r\n",
	    "unknown Action", 0, NULL, NULL, NULL },
	{ "twice", "Reporting-MTA: dns; a\r\n\r\nFinal-Recipient: "
	    "rfc822;x\r\nAction: failed\r\nAction: failed\r\n", "twice", 0,
	    NULL, NULL, NULL },
	{ "untyped", "Reporting-MTA: dns; a\r\n\r\nFinal-Recipient: x@y\r\n",
	    "type;value", 0, NULL, NULL, NULL },
	{ "no field", "Reporting-MTA: dns; a\r\n\r\njunk\r\n", "line 3: not "
	    "a field", 0, NULL, NULL, NULL },
	{ "continuation first", " x\r\n", "continuation", 0, NULL, NULL,
	    NULL },
	{ "NUL", "Reporting-MTA: dns; a\0b\r\n", "NUL", 0, NULL, NULL, NULL },
	{ "empty", "", "no per-recipient", 0, NULL, NULL, NULL },
};

/* test_parse - table of accepted and refused status parts */
static void
test_parse(void)
{
	const struct t_pcase *q;
	struct mmhs_dsn_report rep;
	char	err[256];
	size_t	i, len;
	int	rc;

	for (i = 0; i < NELEM(t_pcases); i++) {
		q = &t_pcases[i];
		len = strlen(q->q_in);
		if (strcmp(q->q_what, "NUL") == 0)
			len = 25;
		err[0] = '\0';
		rc = mmhs_dsn_parse_status(q->q_in, len, &rep, err,
		    sizeof(err));
		if (q->q_err != NULL) {
			UNIT_CHECK(rc < 0 && strstr(err, q->q_err) != NULL &&
			    rep.rp_nrcpt == 0 && rep.rp_rcpt == NULL,
			    "%s: rc %d \"%s\"", q->q_what, rc, err);
			continue;
		}
		UNIT_CHECK(rc == 0 && rep.rp_nrcpt == q->q_nrcpt,
		    "%s: rc %d %s", q->q_what, rc, err);
		if (rc == 0 && rep.rp_nrcpt > 0)
			UNIT_CHECK(strcmp(rep.rp_rcpt[0].ds_final,
			    q->q_final1) == 0 &&
			    strcmp(rep.rp_rcpt[0].ds_status,
			    q->q_status1) == 0 && strcmp(rep.rp_rcpt[0].ds_diag,
			    q->q_diag1) == 0, "%s: \"%s\" \"%s\" \"%s\"",
			    q->q_what, rep.rp_rcpt[0].ds_final,
			    rep.rp_rcpt[0].ds_status, rep.rp_rcpt[0].ds_diag);
		mmhs_dsn_report_free(&rep);
	}
}

/* test_parse_bounds - too long values and too many recipients */
static void
test_parse_bounds(void)
{
	struct t_buf in = { NULL, 0, 0 };
	struct mmhs_dsn_report rep;
	char	err[256], addr[MMHS_DSN_ADDR_MAX + 2];
	size_t	i;
	int	rc;

	memset(addr, 'a', sizeof(addr) - 1);
	addr[sizeof(addr) - 1] = '\0';
	t_add(&in, "Reporting-MTA: dns; a\r\n\r\nFinal-Recipient: rfc822;", 49);
	t_add(&in, addr + 8, strlen(addr + 8));	/* exactly the maximum */
	t_add(&in, "\r\nAction: failed\r\nStatus: 5.0.0\r\n", 33);
	rc = mmhs_dsn_parse_status(in.b_data, in.b_len, &rep, err,
	    sizeof(err));
	UNIT_CHECK(rc == 0, "longest address refused: %s", err);
	mmhs_dsn_report_free(&rep);
	in.b_len = 0;
	t_add(&in, "Reporting-MTA: dns; a\r\n\r\nFinal-Recipient: rfc822;", 49);
	t_add(&in, addr + 7, strlen(addr + 7));	/* one more */
	t_add(&in, "\r\nAction: failed\r\nStatus: 5.0.0\r\n", 33);
	rc = mmhs_dsn_parse_status(in.b_data, in.b_len, &rep, err,
	    sizeof(err));
	UNIT_CHECK(rc < 0 && strstr(err, "longer than") != NULL, "long: %s",
	    err);
	in.b_len = 0;
	t_add(&in, "Reporting-MTA: dns; a\r\n", 23);
	for (i = 0; i <= MMHS_DSN_RCPT_MAX; i++)
		t_add(&in, "\r\nFinal-Recipient: rfc822;x@y\r\nAction: failed\r\n"
		    "Status: 5.0.0\r\n", 62);
	rc = mmhs_dsn_parse_status(in.b_data, in.b_len, &rep, err,
	    sizeof(err));
	UNIT_CHECK(rc < 0 && strstr(err, "more than") != NULL, "many: %s", err);
	in.b_len = 0;
	t_add(&in, "Reporting-MTA: dns; a\r\nX-Long: x\r\n", 34);
	while (in.b_len < MMHS_MSG_HEADER_MAX + 10)
		t_add(&in, " folded folded folded\r\n", 23);
	rc = mmhs_dsn_parse_status(in.b_data, in.b_len, &rep, err,
	    sizeof(err));
	UNIT_CHECK(rc < 0 && strstr(err, "block longer") != NULL, "block: %s",
	    err);
	mmhs_free(in.b_data);
}

/* ------------------------------------------------------------------ */
/* Small functions */

/* test_small - status codes, actions, xtext */
static void
test_small(void)
{
	static const struct {
		const char *s_in;
		int	s_ok;
	} st[] = {
		{ "2.0.0", 1 }, { "4.4.7", 1 }, { "5.123.999", 1 },
		{ "5.1", 0 }, { "5.1.1.", 0 }, { "3.1.1", 0 }, { "5.1234.1", 0 },
		{ "5..1", 0 }, { "", 0 }, { "5.1.1 ", 0 }, { "55.1.1", 0 },
	};
	static const struct {
		const char *x_in;
		const char *x_out;	/* NULL: refused */
	} xt[] = {
		{ "abc", "abc" }, { "a+2Bb", "a+b" }, { "a+3Db", "a=b" },
		{ "+20", " " }, { "a+2bb", "a+b" }, { "a+2", NULL },
		{ "a+", NULL }, { "a=b", NULL }, { "a b", NULL },
		{ "a+GGb", NULL }, { "", "" },
	};
	enum mmhs_dsn_action a;
	char	out[16];
	size_t	i;
	ssize_t	n;

	for (i = 0; i < NELEM(st); i++)
		UNIT_CHECK(mmhs_dsn_status_valid(st[i].s_in) == st[i].s_ok,
		    "status \"%s\"", st[i].s_in);
	for (i = 0; i < NELEM(xt); i++) {
		n = mmhs_dsn_xtext_decode(xt[i].x_in, out, sizeof(out));
		UNIT_CHECK(xt[i].x_out == NULL ? n < 0 : (n >= 0 &&
		    strcmp(out, xt[i].x_out) == 0), "xtext \"%s\"",
		    xt[i].x_in);
	}
	UNIT_CHECK(mmhs_dsn_xtext_decode("abcd", out, 4) < 0, "xtext overflow");
	for (i = 0; i <= MMHS_DSN_EXPANDED; i++)
		UNIT_CHECK(mmhs_dsn_action_from_name(mmhs_dsn_action_name(
		    (enum mmhs_dsn_action) i), &a) == 0 && a == i,
		    "action %zu", i);
	UNIT_CHECK(mmhs_dsn_action_name((enum mmhs_dsn_action) 5) == NULL &&
	    mmhs_dsn_action_from_name("bounced", &a) < 0 &&
	    mmhs_dsn_action_from_name("FAILED", &a) == 0 &&
	    a == MMHS_DSN_FAILED, "action names");
}

/* ------------------------------------------------------------------ */

/* t_find_data - the golden directory */
static void
t_find_data(void)
{
	const char *src = getenv("srcdir");
	DIR    *d;

	if (src != NULL) {
		snprintf(t_datadir, sizeof(t_datadir),
		    "%s/tests/unit/data/dsn", src);
		return;
	}
	snprintf(t_datadir, sizeof(t_datadir), "tests/unit/data/dsn");
	if ((d = opendir(t_datadir)) != NULL) {
		closedir(d);
		return;
	}
	snprintf(t_datadir, sizeof(t_datadir), "../tests/unit/data/dsn");
}

static const struct unit_test write_tests[] = {
	{ "golden files and structure", test_golden },
	{ "refusals", test_refusals },
	{ "boundary collision", test_collision },
	{ "line ends and long lines", test_line_ends },
	{ "precedence copied", test_precedence },
	{ "unique and injected values", test_unique },
	{ "streaming", test_streaming },
	{ "reader and sink errors", test_errors },
	{ "header section bound", test_big_header },
};

static const struct unit_test parse_tests[] = {
	{ "status part table", test_parse },
	{ "status part bounds", test_parse_bounds },
	{ "codes, actions, xtext", test_small },
};

static const struct unit_suite suites[] = {
	UNIT_SUITE("dsn write", write_tests),
	UNIT_SUITE("dsn parse", parse_tests),
};

int	main(void);

int
main(void)
{
	t_find_data();
	return unit_main(suites, sizeof(suites) / sizeof(suites[0]));
}
