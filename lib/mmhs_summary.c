/* mmhs_summary.c - what agents need to know about a message, in one pass
 *
 * Interface: mmhs_summary.h.  The message goes once through lib/mmhs_msg
 * (the whole structure, so the first text/plain part can be found) and
 * every top-level field through lib/mmhs_mmhs.  The input is only read.
 *
 * Choices:
 *  - the first instance of From, Sender, Subject, Date, Message-ID and
 *    Disposition-Notification-To counts (RFC 5322 3.6 allows one);
 *  - an RFC 6477 field that breaks its grammar, or comes twice, fails
 *    the summary with mmhs_mmhs's text: the MTA refuses such a message
 *    at the door, so an agent that sees one is being fed around it;
 *  - the top header section must be whole and within the bounds of
 *    mmhs_msg; a body that breaks a bound or the MIME structure later
 *    (a long line, a missing close delimiter) is summarised as far as
 *    it was read, since the fields are what agents decide on;
 *  - the text part is the first text/plain part not marked
 *    "Content-Disposition: attachment", at any depth; its transfer
 *    encoding is undone, its charset is not converted;
 *  - su_time uses mmhs_mmhs's date-time parser (the one of
 *    Extended-Authorisation-Info), so both read dates alike;
 *  - su_policy is the security-policy-identifier OID of an ":ess" or
 *    ":x411" label (both are a SET holding it, RFC 2634 5.4, X.411).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "mmhs_alloc.h"
#include "mmhs_msg.h"
#include "mmhs_summary.h"
#include "mmhs_summary_int.h"
#include "mmhs_text.h"

/* Raw octets of the text part kept: quoted-printable may triple it. */
#define SU_RAW_MAX	(3 * MMHS_SUMMARY_TEXT_MAX + 1024)

/* Lines: a text part need not keep to RFC 5322's 998 octets (8BITMIME
 * text often has a paragraph per line); the bound is that of a message
 * line in the MTA and in lmtpd, so whatever arrived can be read. */
#define SU_LINE_MAX	(64 * 1024)

enum su_text_state { SU_TEXT_LOOKING, SU_TEXT_READING, SU_TEXT_DONE };

struct su_ctx {
	struct mmhs_summary *c_su;
	char	c_err[MMHS_MMHS_ERR_LEN + 64];
	int	c_failed;		/* a field was refused */
	int	c_top_done;		/* the top header section ended */
	enum su_cte c_cte;		/* of the section being read */
	int	c_attachment;
	enum su_text_state c_text;
	enum su_cte c_text_cte;
	char   *c_raw;
	size_t	c_rawlen, c_rawcap;
};

/* su_set - keep the first value of a field */
static void
su_set(char **slot, char *value)
{
	if (*slot == NULL)
		*slot = value;
	else
		mmhs_free(value);
}

/* su_msgid - "<...>" of a Message-ID value, else the value as written
 * (a malformed id is still what a person would search for) */
static char *
su_msgid(const char *value)
{
	const char *lt = strchr(value, '<'), *gt;

	if (lt != NULL && (gt = strchr(lt, '>')) != NULL)
		return mmhs_strndup(lt, (size_t)(gt - lt + 1));
	return mmhs_strdup(value);
}

/* su_date_time - Date: as UTC seconds, 0 when it does not parse */
static time_t
su_date_time(const char *value)
{
	struct mmhs_mmhs tmp;
	time_t	t = 0;

	mmhs_mmhs_init(&tmp);
	if (mmhs_mmhs_add(&tmp, mmhs_mmhs_field_name(MMHS_F_EXT_AUTH_INFO),
	    value, NULL, 0) == 0)
		t = tmp.mm_auth_time;
	mmhs_mmhs_free(&tmp);
	return t;
}

/* su_top_field - one field of the top header section */
static int
su_top_field(struct su_ctx *c, const char *name, const char *value)
{
	struct mmhs_summary *su = c->c_su;
	char	err[MMHS_MMHS_ERR_LEN];

	if (strcasecmp(name, "Message-ID") == 0)
		su_set(&su->su_message_id, su_msgid(value));
	else if (strcasecmp(name, "From") == 0 && su->su_from == NULL)
		su->su_from = su_addr_spec(value);
	else if (strcasecmp(name, "Sender") == 0 && su->su_sender == NULL)
		su->su_sender = su_addr_spec(value);
	else if (strcasecmp(name, "Disposition-Notification-To") == 0 &&
	    su->su_mdn_to == NULL)
		su->su_mdn_to = su_addr_spec(value);
	else if (strcasecmp(name, "Subject") == 0)
		su_set(&su->su_subject, mmhs_strdup(value));
	else if (strcasecmp(name, "Date") == 0 && su->su_date == NULL) {
		su->su_date = mmhs_strdup(value);
		su->su_time = su_date_time(value);
	}
	if (mmhs_mmhs_add(&su->su_mmhs, name, value, err, sizeof(err)) < 0) {
		snprintf(c->c_err, sizeof(c->c_err), "%s", err);
		c->c_failed = 1;
		return -1;
	}
	return 0;
}

/* su_section_field - fields every header section may carry */
static void
su_section_field(struct su_ctx *c, const char *name, const char *value)
{
	const char *v;

	if (strcasecmp(name, "Content-Transfer-Encoding") == 0) {
		v = mmhs_text_skip_cfws(value);
		if (v == NULL)
			return;
		if (strncasecmp(v, "quoted-printable", 16) == 0)
			c->c_cte = SU_CTE_QP;
		else if (strncasecmp(v, "base64", 6) == 0)
			c->c_cte = SU_CTE_BASE64;
	} else if (strcasecmp(name, "Content-Disposition") == 0) {
		v = mmhs_text_skip_cfws(value);
		c->c_attachment = v != NULL &&
		    strncasecmp(v, "attachment", 10) == 0;
	}
}

/* su_header_end - the end of a header section: choose the text part */
static void
su_header_end(struct su_ctx *c, const struct mmhs_msg_event *ev)
{
	if (!c->c_top_done) {
		c->c_top_done = 1;
		c->c_su->su_content_type = mmhs_strdup(ev->ev_ctype);
	}
	if (c->c_text == SU_TEXT_LOOKING && !c->c_attachment &&
	    strcmp(ev->ev_ctype, "text/plain") == 0) {
		c->c_text = SU_TEXT_READING;
		c->c_text_cte = c->c_cte;
	}
	c->c_cte = SU_CTE_IDENTITY;
	c->c_attachment = 0;
}

/* su_text_body - keep raw octets of the text part, up to a bound */
static void
su_text_body(struct su_ctx *c, const char *raw, size_t len)
{
	if (len > SU_RAW_MAX - c->c_rawlen)
		len = SU_RAW_MAX - c->c_rawlen;
	if (len == 0)
		return;
	if (c->c_rawlen + len > c->c_rawcap) {
		c->c_rawcap = c->c_rawlen + len > 2 * c->c_rawcap ?
		    c->c_rawlen + len : 2 * c->c_rawcap;
		c->c_raw = mmhs_realloc(c->c_raw, c->c_rawcap);
	}
	memcpy(c->c_raw + c->c_rawlen, raw, len);
	c->c_rawlen += len;
}

/* su_event - one parser event */
static int
su_event(void *arg, const struct mmhs_msg_event *ev)
{
	struct su_ctx *c = arg;

	if (c->c_text == SU_TEXT_READING && ev->ev_type != MMHS_MSG_EV_BODY)
		c->c_text = SU_TEXT_DONE;
	switch (ev->ev_type) {
	case MMHS_MSG_EV_HEADER:
		if (ev->ev_depth == 0 && !c->c_top_done &&
		    su_top_field(c, ev->ev_name, ev->ev_value) < 0)
			return -1;
		su_section_field(c, ev->ev_name, ev->ev_value);
		break;
	case MMHS_MSG_EV_HEADER_END:
		su_header_end(c, ev);
		break;
	case MMHS_MSG_EV_BODY:
		if (c->c_text == SU_TEXT_READING)
			su_text_body(c, ev->ev_raw, ev->ev_rawlen);
		break;
	default:
		break;
	}
	return 0;
}

/* su_der_len - a DER length at b[*i]; -1 when broken or past end */
static long
su_der_len(const unsigned char *b, size_t len, size_t *i)
{
	size_t	n, v = 0;

	if (*i >= len)
		return -1;
	if (b[*i] < 0x80)
		v = b[(*i)++];
	else {
		n = b[(*i)++] & 0x7f;
		if (n == 0 || n > 3)
			return -1;
		while (n-- > 0) {
			if (*i >= len)
				return -1;
			v = v << 8 | b[(*i)++];
		}
	}
	return v > len - *i ? -1 : (long)v;
}

/* su_oid - dotted text of DER OID contents b[0..len) */
static char *
su_oid(const unsigned char *b, size_t len)
{
	char   *out = mmhs_malloc(len * 4 + 24);
	unsigned long long v = 0;
	size_t	i, o = 0;
	int	first = 1;

	for (i = 0; i < len; i++) {
		if (v == 0 && b[i] == 0x80)	/* not minimal */
			break;
		v = v << 7 | (b[i] & 0x7f);
		if (v > (1ULL << 56))
			break;
		if (b[i] & 0x80)
			continue;
		if (first)
			o += (size_t)sprintf(out + o, "%d.%llu", v < 40 ? 0 :
			    v < 80 ? 1 : 2, v < 80 ? v % 40 : v - 80);
		else
			o += (size_t)sprintf(out + o, ".%llu", v);
		first = 0;
		v = 0;
	}
	if (i < len || len == 0 || (b[len - 1] & 0x80)) {
		mmhs_free(out);
		return NULL;
	}
	return out;
}

/* su_policy - the policy OID in an ESS or X.411 label SET */
static char *
su_policy(const struct mmhs_siolabel *sl)
{
	const unsigned char *b = sl->sl_label;
	size_t	len = sl->sl_label_len, i = 1, end;
	long	n;

	if (sl->sl_type == NULL || b == NULL || len < 2 || b[0] != 0x31 ||
	    (strcmp(sl->sl_type, ":ess") != 0 &&
	    strcmp(sl->sl_type, ":x411") != 0) ||
	    (n = su_der_len(b, len, &i)) < 0)
		return NULL;
	end = i + (size_t)n;
	while (i < end) {
		if ((b[i] & 0x1f) == 0x1f)	/* high tag number: not ours */
			return NULL;
		if (b[i++] == 0x06) {
			if ((n = su_der_len(b, end, &i)) < 0)
				return NULL;
			return su_oid(b + i, (size_t)n);
		}
		if ((n = su_der_len(b, end, &i)) < 0)
			return NULL;
		i += (size_t)n;
	}
	return NULL;
}

/* su_finish - what follows from the whole header section */
static void
su_finish(struct su_ctx *c)
{
	struct mmhs_summary *su = c->c_su;
	const struct mmhs_siolabel *sl = &su->su_mmhs.mm_label;

	su->su_prec = mmhs_mmhs_precedence(&su->su_mmhs);
	if (sl->sl_marking != NULL)
		su->su_class = mmhs_strdup(sl->sl_marking);
	su->su_policy = su_policy(sl);
	if (c->c_raw != NULL)
		su->su_text = su_decode_text(c->c_raw, c->c_rawlen,
		    c->c_text_cte, MMHS_SUMMARY_TEXT_MAX, &su->su_text_len);
	else
		su->su_text = mmhs_strdup("");
}

/* mmhs_summary_parse - the summary of data[0..len) */
int
mmhs_summary_parse(struct mmhs_summary *su, const char *data, size_t len,
	char *err, size_t errlen)
{
	struct mmhs_msg_limits lim = { SU_LINE_MAX, 0, 0, 0, 0 };
	struct mmhs_msg_parser *mp;
	struct su_ctx c;
	int	rc;

	memset(su, 0, sizeof(*su));
	mmhs_mmhs_init(&su->su_mmhs);
	memset(&c, 0, sizeof(c));
	c.c_su = su;
	su->su_size = len;
	mp = mmhs_msg_parser_new(&lim, su_event, &c);
	rc = mmhs_msg_feed(mp, data, len);
	if (rc == 0)
		rc = mmhs_msg_finish(mp);
	if (c.c_failed)
		mmhs_text_error(err, errlen, "%s", c.c_err);
	else if (rc < 0 && !c.c_top_done)
		mmhs_text_error(err, errlen, "header section: %s",
		    mmhs_msg_error(mp));
	mmhs_msg_parser_free(mp);
	if (c.c_failed || !c.c_top_done) {
		mmhs_free(c.c_raw);
		mmhs_summary_free(su);
		return -1;
	}
	su_finish(&c);
	mmhs_free(c.c_raw);
	return 0;
}

/* mmhs_summary_free - release what parse allocated */
void
mmhs_summary_free(struct mmhs_summary *su)
{
	mmhs_free(su->su_message_id);
	mmhs_free(su->su_from);
	mmhs_free(su->su_sender);
	mmhs_free(su->su_subject);
	mmhs_free(su->su_date);
	mmhs_free(su->su_mdn_to);
	mmhs_free(su->su_content_type);
	mmhs_free(su->su_class);
	mmhs_free(su->su_policy);
	mmhs_free(su->su_text);
	mmhs_mmhs_free(&su->su_mmhs);
	memset(su, 0, sizeof(*su));
	mmhs_mmhs_init(&su->su_mmhs);
}

struct su_field {
	const char *f_name;
	char   *f_value;
};

/* su_field_event - the first top-level field of that name, then stop */
static int
su_field_event(void *arg, const struct mmhs_msg_event *ev)
{
	struct su_field *f = arg;

	if (ev->ev_type == MMHS_MSG_EV_HEADER_END)
		return 1;
	if (ev->ev_type == MMHS_MSG_EV_HEADER &&
	    strcasecmp(ev->ev_name, f->f_name) == 0) {
		f->f_value = mmhs_strdup(ev->ev_value);
		return 1;
	}
	return 0;
}

/* mmhs_summary_field - one top-level field value */
char *
mmhs_summary_field(const char *data, size_t len, const char *name)
{
	struct mmhs_msg_limits lim = { 0, 0, 0, 0, 1 };
	struct mmhs_msg_parser *mp;
	struct su_field f = { name, NULL };

	mp = mmhs_msg_parser_new(&lim, su_field_event, &f);
	if (mmhs_msg_feed(mp, data, len) == 0)
		(void) mmhs_msg_finish(mp);
	mmhs_msg_parser_free(mp);
	return f.f_value;
}
