/* test_mdn.c - unit tests of the RFC 8098 MDN writer and reader
 *
 * Every MDN written here is read back twice: by lib/mmhs_msg, which
 * must find the multipart/report structure (header fields, two parts of
 * the right types, CRLF lines of at most 78 octets), and by
 * mmhs_mdn_parse_message, which must give back what went in.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmhs_alloc.h"
#include "mmhs_mdn.h"
#include "mmhs_msg.h"
#include "unit.h"

struct buf {
	char   *b_data;
	size_t	b_len;
};

/* sink - collect what the writer writes */
static int
sink(void *ctx, const char *data, size_t len)
{
	struct buf *b = ctx;

	b->b_data = mmhs_realloc(b->b_data, b->b_len + len + 1);
	memcpy(b->b_data + b->b_len, data, len);
	b->b_len += len;
	b->b_data[b->b_len] = '\0';
	return 0;
}

/* What mmhs_msg saw in an MDN. */
struct seen {
	char	s_top[16][2][512];	/* top-level fields: name, value */
	int	s_ntop;
	char	s_ctype[4][64];		/* parts at depth 1 */
	int	s_nparts;
	char	s_notif[2048];		/* body of the second part */
};

static int
seen_event(void *ctx, const struct mmhs_msg_event *ev)
{
	struct seen *s = ctx;
	size_t	n;

	if (ev->ev_type == MMHS_MSG_EV_HEADER && ev->ev_depth == 0 &&
	    s->s_ntop < 16) {
		snprintf(s->s_top[s->s_ntop][0], 512, "%s", ev->ev_name);
		snprintf(s->s_top[s->s_ntop][1], 512, "%s", ev->ev_value);
		s->s_ntop++;
	} else if (ev->ev_type == MMHS_MSG_EV_HEADER_END &&
	    ev->ev_depth == 1 && s->s_nparts < 4)
		snprintf(s->s_ctype[s->s_nparts++], 64, "%s", ev->ev_ctype);
	else if (ev->ev_type == MMHS_MSG_EV_BODY && ev->ev_depth == 1 &&
	    s->s_nparts == 2) {
		n = strlen(s->s_notif);
		if (n + ev->ev_rawlen < sizeof(s->s_notif))
			memcpy(s->s_notif + n, ev->ev_raw, ev->ev_rawlen);
	}
	return 0;
}

/* top - the value of top-level field name, or NULL */
static const char *
top(const struct seen *s, const char *name)
{
	int	i;

	for (i = 0; i < s->s_ntop; i++)
		if (strcasecmp(s->s_top[i][0], name) == 0)
			return s->s_top[i][1];
	return NULL;
}

/* parse - the MDN through mmhs_msg; 0 when it is well formed */
static int
parse(const struct buf *b, struct seen *s)
{
	struct mmhs_msg_parser *mp;
	int	rc;

	memset(s, 0, sizeof(*s));
	mp = mmhs_msg_parser_new(NULL, seen_event, s);
	rc = mmhs_msg_feed(mp, b->b_data, b->b_len) < 0 ||
	    mmhs_msg_finish(mp) < 0 ? -1 : 0;
	if (rc < 0)
		UNIT_CHECK(0, "mmhs_msg: %s", mmhs_msg_error(mp));
	mmhs_msg_parser_free(mp);
	return rc;
}

/* lines_ok - CRLF only, no line over 78 octets, 7-bit */
static int
lines_ok(const struct buf *b)
{
	size_t	i, col = 0;

	for (i = 0; i < b->b_len; i++) {
		if ((unsigned char) b->b_data[i] >= 0x80)
			return 0;
		if (b->b_data[i] == '\n') {
			if (i == 0 || b->b_data[i - 1] != '\r')
				return 0;
			col = 0;
		} else if (b->b_data[i] != '\r' && ++col > 78)
			return 0;
	}
	return col == 0;
}

static struct mmhs_mdn_msg
sample(void)
{
	struct mmhs_mdn_msg mm;

	memset(&mm, 0, sizeof(mm));
	mm.mm_host = "store.mod.westland.example";
	mm.mm_product = "OpenMMHS mmhs-store";
	mm.mm_from = "do.testcell@mod.westland.example";
	mm.mm_to = "anwen.lacey@mod.westland.example";
	mm.mm_final_rcpt = "do.testcell@mod.westland.example";
	mm.mm_orig_rcpt = "rfc822;testcell@mod.westland.example";
	mm.mm_orig_msgid = "<20261128.1@mod.westland.example>";
	mm.mm_orig_subject = "Exercise BLUE WATER: situation report";
	mm.mm_precedence = 4;
	mm.mm_type = MMHS_MDN_DISPLAYED;
	mm.mm_now = 1795000000;
	mm.mm_message_id = "<mdn.1@store.mod.westland.example>";
	mm.mm_boundary = "=_mdn_test";
	return mm;
}

/* test_displayed - the structure of a "displayed" MDN and its fields */
static void
test_displayed(void)
{
	struct mmhs_mdn_msg mm = sample();
	struct mmhs_mdn_report rep;
	struct buf b = { NULL, 0 };
	struct seen s;
	char	err[256], id[MMHS_MDN_MSGID_MAX + 1];
	const char *v;

	UNIT_CHECK(mmhs_mdn_write(&mm, sink, &b, id, sizeof(id), err,
	    sizeof(err)) == 0, "write: %s", err);
	UNIT_CHECK(strcmp(id, mm.mm_message_id) == 0, "msgid %s", id);
	UNIT_CHECK(lines_ok(&b), "lines: CRLF, 7-bit, <= 78 octets");
	if (parse(&b, &s) < 0)
		goto out;
	v = top(&s, "Content-Type");
	UNIT_CHECK(v != NULL && strstr(v, "multipart/report") == v &&
	    strstr(v, "report-type=disposition-notification") != NULL,
	    "Content-Type %s", v ? v : "(none)");
	UNIT_CHECK((v = top(&s, "To")) && strcmp(v, mm.mm_to) == 0, "To");
	UNIT_CHECK((v = top(&s, "From")) && strcmp(v, mm.mm_from) == 0,
	    "From");
	UNIT_CHECK((v = top(&s, "In-Reply-To")) &&
	    strcmp(v, mm.mm_orig_msgid) == 0, "In-Reply-To");
	v = top(&s, "Subject");
	UNIT_CHECK(v != NULL && strcmp(v, "Displayed: Exercise BLUE WATER: "
	    "situation report") == 0, "Subject %s", v ? v : "(none)");
	v = top(&s, "MMHS-Primary-Precedence");
	UNIT_CHECK(v != NULL && strncmp(v, "4", 1) == 0,
	    "precedence copied: %s", v ? v : "-");
	UNIT_CHECK((v = top(&s, "Auto-Submitted")) &&
	    strcmp(v, "auto-replied") == 0, "Auto-Submitted");
	UNIT_CHECK(top(&s, "Disposition-Notification-To") == NULL,
	    "an MDN never asks for an MDN");
	UNIT_CHECK(s.s_nparts == 2 && strcmp(s.s_ctype[0], "text/plain") ==
	    0 && strcmp(s.s_ctype[1], "message/disposition-notification") == 0,
	    "two parts: %d", s.s_nparts);
	UNIT_CHECK(strstr(s.s_notif, "Disposition: manual-action/"
	    "MDN-sent-manually; displayed\r\n") != NULL,
	    "Disposition line in: %s", s.s_notif);
	UNIT_CHECK(strstr(s.s_notif, "Reporting-UA: store.mod.westland."
	    "example; OpenMMHS mmhs-store\r\n") != NULL, "Reporting-UA");
	UNIT_CHECK(mmhs_mdn_parse_message(b.b_data, b.b_len, &rep, err,
	    sizeof(err)) == 0, "parse back: %s", err);
	UNIT_CHECK(rep.mr_type == MMHS_MDN_DISPLAYED &&
	    !rep.mr_automatic_action && !rep.mr_sent_automatically &&
	    !rep.mr_error, "disposition %s", rep.mr_disposition);
	UNIT_CHECK(strcmp(rep.mr_final_rcpt, "rfc822;do.testcell@mod."
	    "westland.example") == 0, "final %s", rep.mr_final_rcpt);
	UNIT_CHECK(strcmp(rep.mr_orig_rcpt, mm.mm_orig_rcpt) == 0,
	    "orig %s", rep.mr_orig_rcpt);
	UNIT_CHECK(strcmp(rep.mr_orig_msgid, mm.mm_orig_msgid) == 0,
	    "orig msgid %s", rep.mr_orig_msgid);
out:
	mmhs_free(b.b_data);
}

/* test_deleted - the non-read notification, sent automatically */
static void
test_deleted(void)
{
	struct mmhs_mdn_msg mm = sample();
	struct mmhs_mdn_report rep;
	struct buf b = { NULL, 0 };
	char	err[256];

	mm.mm_type = MMHS_MDN_DELETED;
	mm.mm_sent_automatically = 1;
	mm.mm_orig_rcpt = NULL;
	mm.mm_precedence = -1;
	UNIT_CHECK(mmhs_mdn_write(&mm, sink, &b, NULL, 0, err,
	    sizeof(err)) == 0, "write: %s", err);
	UNIT_CHECK(strstr(b.b_data, "Disposition: manual-action/"
	    "MDN-sent-automatically; deleted\r\n") != NULL, "Disposition");
	UNIT_CHECK(strstr(b.b_data, "MMHS-Primary-Precedence") == NULL &&
	    strstr(b.b_data, "Original-Recipient") == NULL,
	    "absent fields left out");
	UNIT_CHECK(mmhs_mdn_parse_message(b.b_data, b.b_len, &rep, err,
	    sizeof(err)) == 0 && rep.mr_type == MMHS_MDN_DELETED &&
	    rep.mr_sent_automatically && rep.mr_orig_rcpt[0] == '\0',
	    "parse back: %s", err);
	mmhs_free(b.b_data);
}

/* test_generated - Message-ID and boundary differ between two MDNs */
static void
test_generated(void)
{
	struct mmhs_mdn_msg mm = sample();
	struct buf a = { NULL, 0 }, b = { NULL, 0 };
	char	ida[MMHS_MDN_MSGID_MAX + 1], idb[MMHS_MDN_MSGID_MAX + 1];
	char	err[256];
	struct seen s;

	mm.mm_message_id = NULL;
	mm.mm_boundary = NULL;
	mm.mm_now = 0;
	UNIT_CHECK(mmhs_mdn_write(&mm, sink, &a, ida, sizeof(ida), err,
	    sizeof(err)) == 0 && mmhs_mdn_write(&mm, sink, &b, idb,
	    sizeof(idb), err, sizeof(err)) == 0, "write: %s", err);
	UNIT_CHECK(strcmp(ida, idb) != 0 && ida[0] == '<' &&
	    strstr(ida, "@store.mod.westland.example>") != NULL,
	    "ids %s %s", ida, idb);
	UNIT_CHECK(parse(&a, &s) == 0 && s.s_nparts == 2, "structure");
	UNIT_CHECK(strcmp(strstr(a.b_data, "boundary="), strstr(b.b_data,
	    "boundary=")) != 0, "boundaries differ");
	mmhs_free(a.b_data);
	mmhs_free(b.b_data);
}

/* test_subject - a hostile subject is made safe and cut, not refused */
static void
test_subject(void)
{
	struct mmhs_mdn_msg mm = sample();
	struct buf b = { NULL, 0 };
	char	subject[600], err[256];
	struct seen s;
	const char *v;

	memset(subject, 'x', sizeof(subject) - 1);
	subject[sizeof(subject) - 1] = '\0';
	memcpy(subject, "caf\xc3\xa9\x01 ", 7);
	mm.mm_orig_subject = subject;
	UNIT_CHECK(mmhs_mdn_write(&mm, sink, &b, NULL, 0, err,
	    sizeof(err)) == 0, "write: %s", err);
	UNIT_CHECK(parse(&b, &s) == 0, "structure");
	v = top(&s, "Subject");
	UNIT_CHECK(v != NULL && strncmp(v, "Displayed: caf??? xxx", 21) ==
	    0 && strlen(v) == strlen("Displayed: ") + MMHS_MDN_SUBJECT_MAX,
	    "subject %s", v ? v : "(none)");
	mmhs_free(b.b_data);
}

/* test_refused - what the writer will not write */
static void
test_refused(void)
{
	static const struct {
		int	r_field;
		const char *r_value;
		const char *r_why;
	} cases[] = {
		{ 0, NULL, "To" },
		{ 0, "a b@x.example", "To" },
		{ 0, "caf\xc3\xa9@x.example", "To" },
		{ 1, NULL, "Final-Recipient" },
		{ 2, "no-brackets@x", "original Message-ID" },
		{ 3, "", "host" },
		{ 4, "rfc822 a@b", "Original-Recipient" },
	};
	struct mmhs_mdn_msg mm;
	struct buf b = { NULL, 0 };
	char	err[256];
	size_t	i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		mm = sample();
		switch (cases[i].r_field) {
		case 0: mm.mm_to = cases[i].r_value; break;
		case 1: mm.mm_final_rcpt = cases[i].r_value; break;
		case 2: mm.mm_orig_msgid = cases[i].r_value; break;
		case 3: mm.mm_host = cases[i].r_value; break;
		case 4: mm.mm_orig_rcpt = cases[i].r_value; break;
		}
		err[0] = '\0';
		UNIT_CHECK(mmhs_mdn_write(&mm, sink, &b, NULL, 0, err,
		    sizeof(err)) == -1 && strstr(err, cases[i].r_why) != NULL,
		    "case %zu: err \"%s\"", i, err);
	}
	mm = sample();
	mm.mm_automatic_action = 1;
	UNIT_CHECK(mmhs_mdn_write(&mm, sink, &b, NULL, 0, err,
	    sizeof(err)) == -1 && strstr(err, "meaningless") != NULL,
	    "automatic-action/MDN-sent-manually: %s", err);
	mm = sample();
	mm.mm_type = (enum mmhs_mdn_type) 9;
	UNIT_CHECK(mmhs_mdn_write(&mm, sink, &b, NULL, 0, err,
	    sizeof(err)) == -1, "unknown type");
	UNIT_CHECK(b.b_len == 0, "nothing written on refusal");
	mmhs_free(b.b_data);
}

/* test_parse_forms - notifications as other user agents write them */
static void
test_parse_forms(void)
{
	static const char folded[] =
	    "reporting-ua: mua.nato.example;\n Some Client 2.0\n"
	    "Final-Recipient: RFC822 ; ops@nato.example\n"
	    "X-Extension: ignored\n"
	    "Original-Message-ID: <a@b>\n"
	    "DISPOSITION: Automatic-Action (by a rule) / MDN-Sent-"
	    "Automatically;\n\tDeleted/error, expired\n\n\n";
	struct mmhs_mdn_report rep;
	char	err[256];

	UNIT_CHECK(mmhs_mdn_parse_notification(folded, sizeof(folded) - 1,
	    &rep, err, sizeof(err)) == 0, "folded: %s", err);
	UNIT_CHECK(rep.mr_type == MMHS_MDN_DELETED && rep.mr_automatic_action &&
	    rep.mr_sent_automatically && rep.mr_error, "disposition %s",
	    rep.mr_disposition);
	UNIT_CHECK(strcmp(rep.mr_final_rcpt, "RFC822;ops@nato.example") == 0,
	    "final %s", rep.mr_final_rcpt);
	UNIT_CHECK(strcmp(rep.mr_reporting_ua, "mua.nato.example; Some "
	    "Client 2.0") == 0, "ua %s", rep.mr_reporting_ua);
	UNIT_CHECK(strcmp(rep.mr_orig_msgid, "<a@b>") == 0, "msgid");
}

/* test_parse_refused - broken notifications, and rep left empty */
static void
test_parse_refused(void)
{
#define FR	"Final-Recipient: rfc822;a@b\r\n"
#define DISP	"Disposition: manual-action/MDN-sent-manually; "
	static const char *const cases[] = {
		DISP "displayed\r\n",
		FR,
		FR "Final-Recipient: rfc822;c@d\r\n" DISP "displayed\r\n",
		"Final-Recipient: a@b\r\n" DISP "displayed\r\n",
		FR "Disposition: by-hand/MDN-sent-manually; displayed\r\n",
		FR DISP "read\r\n",
		FR "Disposition: manual-action MDN-sent-manually; displayed\r\n",
		FR DISP "displayed x\r\n",
		FR DISP "displayed/\r\n",
		FR "Disposition: manual-action/MDN-sent-manually (; "
		    "displayed\r\n",
		" folded first\r\n",
		"no colon here\r\n",
	};
	struct mmhs_mdn_report rep;
	char	err[256], big[6000];
	size_t	i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		memset(&rep, 'x', sizeof(rep));
		err[0] = '\0';
		UNIT_CHECK(mmhs_mdn_parse_notification(cases[i],
		    strlen(cases[i]), &rep, err, sizeof(err)) == -1 &&
		    err[0] != '\0' && rep.mr_final_rcpt[0] == '\0' &&
		    rep.mr_disposition[0] == '\0', "case %zu accepted", i);
	}
	snprintf(big, sizeof(big), "Final-Recipient: rfc822;%0*d\r\n"
	    DISP "displayed\r\n", MMHS_MDN_ADDR_MAX + 20, 1);
	UNIT_CHECK(mmhs_mdn_parse_notification(big, strlen(big), &rep, err,
	    sizeof(err)) == -1 && strstr(err, "longer") != NULL,
	    "overlong address: %s", err);
	UNIT_CHECK(mmhs_mdn_parse_notification("Final-Recipient: rfc822;a@b"
	    "\0x\r\n", 31, &rep, err, sizeof(err)) == -1, "NUL refused");
#undef FR
#undef DISP
}

/* test_parse_message - what is and is not an MDN */
static void
test_parse_message(void)
{
	static const char plain[] = "From: a@b\r\nSubject: hi\r\n\r\nbody\r\n";
	static const char dsn[] = "Content-Type: multipart/report; "
	    "report-type=delivery-status; boundary=x\r\n\r\n--x\r\n"
	    "Content-Type: text/plain\r\n\r\nhi\r\n--x--\r\n";
	static const char nopart[] = "Content-Type: multipart/report; "
	    "report-type=\"disposition-notification\"; boundary=x\r\n\r\n"
	    "--x\r\n"
	    "Content-Type: text/plain\r\n\r\nhi\r\n--x--\r\n";
	static const char broken[] = "Content-Type: multipart/report; "
	    "report-type=disposition-notification; boundary=x\r\n\r\n--x\r\n"
	    "Content-Type: message/disposition-notification\r\n\r\n"
	    "Final-Recipient: rfc822;a@b\r\n--x--\r\n";
	static const char unclosed[] = "Content-Type: multipart/mixed; "
	    "boundary=x\r\n\r\n--x\r\n\r\nbody\r\n";
	struct mmhs_mdn_report rep;
	char	err[256];

	UNIT_CHECK(mmhs_mdn_parse_message(plain, sizeof(plain) - 1, &rep,
	    err, sizeof(err)) == 1, "a plain message is no MDN");
	UNIT_CHECK(mmhs_mdn_parse_message(dsn, sizeof(dsn) - 1, &rep, err,
	    sizeof(err)) == 1, "a DSN is no MDN");
	UNIT_CHECK(mmhs_mdn_parse_message(nopart, sizeof(nopart) - 1, &rep,
	    err, sizeof(err)) == -1 && strstr(err, "without") != NULL,
	    "report without notification part: %s", err);
	UNIT_CHECK(mmhs_mdn_parse_message(broken, sizeof(broken) - 1, &rep,
	    err, sizeof(err)) == -1 && strstr(err, "Disposition") != NULL,
	    "notification without Disposition: %s", err);
	UNIT_CHECK(mmhs_mdn_parse_message(unclosed, sizeof(unclosed) - 1,
	    &rep, err, sizeof(err)) == -1, "broken MIME");
}

/* test_type_names - both directions, any case */
static void
test_type_names(void)
{
	enum mmhs_mdn_type t;

	UNIT_CHECK(strcmp(mmhs_mdn_type_name(MMHS_MDN_PROCESSED),
	    "processed") == 0, "name");
	UNIT_CHECK(mmhs_mdn_type_name((enum mmhs_mdn_type) 4) == NULL,
	    "out of range");
	UNIT_CHECK(mmhs_mdn_type_from_name("DISPATCHED", 10, &t) == 0 &&
	    t == MMHS_MDN_DISPATCHED, "from name");
	UNIT_CHECK(mmhs_mdn_type_from_name("displayedx", 10, &t) == -1 &&
	    mmhs_mdn_type_from_name("display", 7, &t) == -1, "whole word");
}

static const struct unit_test write_tests[] = {
	{ "displayed", test_displayed },
	{ "deleted", test_deleted },
	{ "generated ids", test_generated },
	{ "subject made safe", test_subject },
	{ "refused", test_refused },
};
static const struct unit_test read_tests[] = {
	{ "other writers' forms", test_parse_forms },
	{ "refused", test_parse_refused },
	{ "whole messages", test_parse_message },
	{ "type names", test_type_names },
};
static const struct unit_suite suites[] = {
	UNIT_SUITE("mdn write", write_tests),
	UNIT_SUITE("mdn read", read_tests),
};

int
main(void)
{
	return unit_main(suites, sizeof(suites) / sizeof(suites[0]));
}
