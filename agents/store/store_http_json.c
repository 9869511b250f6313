/* store_http_json.c - messages as the API's JSON (jansson)
 *
 * A summary is what a listing shows of a message (store_msg, from the
 * index); a detail adds what only the original bytes hold: the RFC 6477
 * header fields and the SIO-Label by name as written (unfolded), To,
 * Cc, the text of the first text/plain part, and "security": what signs
 * and encrypts it and where its label comes from, checked when it is
 * read (so a signer revoked since delivery shows as revoked).  Times
 * are seconds since the epoch (UTC), the form clients sort and compare
 * without parsing.  JSON strings must be UTF-8: a value that is not (an 8-bit
 * header some old client wrote) is sent with '?' for its 8-bit octets
 * rather than refused.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mmhs_alloc.h"
#include "mmhs_msg.h"
#include "mmhs_summary.h"
#include "store.h"

#define JSON_FIELDS_MAX	64	/* header fields kept in a detail */

/* json_str - a string (NULL: JSON null), made UTF-8 if it is not */
static json_t *
json_str(const char *s)
{
	json_t	*j;
	char	*copy, *p;

	if (s == NULL)
		return json_null();
	if ((j = json_string(s)) != NULL)
		return j;
	copy = mmhs_strdup(s);
	for (p = copy; *p != '\0'; p++)
		if ((unsigned char) *p >= 0x80 || (unsigned char) *p < 0x20)
			*p = '?';
	j = json_string(copy);
	mmhs_free(copy);
	return j != NULL ? j : json_string("");
}

/* json_opt - "" as null, anything else as a string */
static json_t *
json_opt(const char *s)
{
	return s == NULL || *s == '\0' ? json_null() : json_str(s);
}

/* json_msgtype - RFC 6477 MMHS-Message-Type as a name, or its number */
static json_t *
json_msgtype(int type)
{
	static const char *const names[] = {
		"exercise", "operation", "project", "drill"
	};

	if (type < 0)
		return json_null();
	if ((size_t) type < sizeof(names) / sizeof(names[0]))
		return json_string(names[type]);
	return json_integer(type);
}

json_t *
store_json_summary(struct store *st, const struct store_msg *m)
{
	json_t	*j, *flags, *sics;
	const char *name, *prec;
	unsigned bit;
	size_t	i;

	(void) st;
	flags = json_array();
	for (bit = 1; bit <= STORE_F_ALL; bit <<= 1)
		if ((m->sm_flags & bit) &&
		    (name = store_flag_name(bit)) != NULL)
			json_array_append_new(flags, json_string(name));
	sics = json_array();
	for (i = 0; i < m->sm_nsic; i++)
		json_array_append_new(sics, json_str(m->sm_sic[i]));
	prec = mmhs_precedence_name(m->sm_prec);
	j = json_object();
	json_object_set_new(j, "id", json_integer((json_int_t) m->sm_id));
	json_object_set_new(j, "folder", json_str(m->sm_folder));
	json_object_set_new(j, "flags", flags);
	json_object_set_new(j, "precedence", json_str(prec != NULL ? prec :
	    "routine"));
	json_object_set_new(j, "classification", json_opt(m->sm_class));
	json_object_set_new(j, "marking", json_opt(m->sm_marking));
	json_object_set_new(j, "sic", sics);
	json_object_set_new(j, "date", json_integer((json_int_t)
	    (m->sm_date != 0 ? m->sm_date : m->sm_received)));
	json_object_set_new(j, "date_text", json_opt(m->sm_date_text));
	json_object_set_new(j, "received", json_integer((json_int_t)
	    m->sm_received));
	json_object_set_new(j, "from", json_opt(m->sm_from));
	json_object_set_new(j, "subject", json_str(m->sm_subject != NULL ?
	    m->sm_subject : ""));
	json_object_set_new(j, "message_id", json_opt(m->sm_message_id));
	json_object_set_new(j, "size", json_integer((json_int_t) m->sm_size));
	json_object_set_new(j, "type", json_msgtype(m->sm_type));
	json_object_set_new(j, "receipt_requested", json_boolean(
	    m->sm_mdn_to != NULL && m->sm_mdn_to[0] != '\0'));
	return j;
}

/* What a detail takes from the top-level header section. */
struct json_hdr {
	json_t	*h_fields;
	json_t	*h_to;
	json_t	*h_cc;
	unsigned h_n;
};

/* json_header - MMHS-*, SIO-Label, To and Cc fields */
static int
json_header(void *ctx, const struct mmhs_msg_event *ev)
{
	struct json_hdr *h = ctx;

	if (ev->ev_type != MMHS_MSG_EV_HEADER || ev->ev_depth != 0)
		return 0;
	if (strcasecmp(ev->ev_name, "To") == 0 && h->h_to == NULL)
		h->h_to = json_str(ev->ev_value);
	else if (strcasecmp(ev->ev_name, "Cc") == 0 && h->h_cc == NULL)
		h->h_cc = json_str(ev->ev_value);
	else if ((strncasecmp(ev->ev_name, "MMHS-", 5) == 0 ||
	    strcasecmp(ev->ev_name, "SIO-Label") == 0) &&
	    h->h_n < JSON_FIELDS_MAX &&
	    json_object_get(h->h_fields, ev->ev_name) == NULL) {
		json_object_set_new(h->h_fields, ev->ev_name,
		    json_str(ev->ev_value));
		h->h_n++;
	}
	return 0;
}

/* json_security - the "security" object of a detail */
static json_t *
json_security(struct store *st, const struct store_msg *m, const char *raw,
	size_t len)
{
	static const char *const src[] = { "none", "ess", "sio" };
	const struct mmhs_cms_sig *sig = NULL;
	struct mmhs_secmsg sm;
	const char *status = "none";
	char	why[400];
	json_t	*j = json_object();
	int	i, rc;

	rc = store_sec_inspect(st, m->sm_mailbox, raw, len, &sm, why,
	    sizeof(why));
	/* the innermost signer; the first signature that failed */
	for (i = 0; rc == 0 && i < sm.sm_open.co_nsig; i++) {
		sig = &sm.sm_open.co_sig[i];
		if (i == 0 || strcmp(status, "ok") == 0)
			status = mmhs_sig_status_name(sig->cs_status);
	}
	json_object_set_new(j, "signed", json_boolean(rc == 0 && sm.sm_signed));
	json_object_set_new(j, "signer", sig == NULL ? json_null() :
	    json_str(sig->cs_signer_mail[0] != '\0' ? sig->cs_signer_mail :
	    sig->cs_signer_subject));
	if (rc == 0 && sm.sm_signed && sm.sm_unchecked &&
	    strcmp(status, "bad signature") != 0)
		status = "unchecked";	/* the site has no trust anchors */
	json_object_set_new(j, "signature", json_str(status));
	json_object_set_new(j, "encrypted", json_boolean(rc == 0 &&
	    sm.sm_encrypted));
	json_object_set_new(j, "decrypted", json_boolean(rc == 0 &&
	    sm.sm_open.co_decrypted));
	json_object_set_new(j, "label_source", json_str(rc == 0 ?
	    src[sm.sm_label_src] : "none"));
	json_object_set_new(j, "label", rc == 0 && sm.sm_marking[0] != '\0' ?
	    json_str(sm.sm_marking) : json_null());
	json_object_set_new(j, "translated", json_boolean(rc == 0 &&
	    sm.sm_translated));
	if (rc != 0)
		json_object_set_new(j, "error", json_str(why));
	mmhs_secmsg_free(&sm);
	return j;
}

json_t *
store_json_detail(struct store *st, const struct store_msg *m,
	const char *raw, size_t len)
{
	struct mmhs_msg_limits lim;
	struct mmhs_msg_parser *mp;
	struct mmhs_summary su;
	struct json_hdr h;
	json_t	*j = store_json_summary(st, m);
	char	err[256];

	memset(&h, 0, sizeof(h));
	h.h_fields = json_object();
	memset(&lim, 0, sizeof(lim));
	lim.ml_headers_only = 1;
	mp = mmhs_msg_parser_new(&lim, json_header, &h);
	/* a broken header section still shows what came before the break */
	(void) mmhs_msg_feed(mp, raw, len);
	mmhs_msg_parser_free(mp);
	json_object_set_new(j, "fields", h.h_fields);
	json_object_set_new(j, "to", h.h_to != NULL ? h.h_to : json_null());
	json_object_set_new(j, "cc", h.h_cc != NULL ? h.h_cc : json_null());
	json_object_set_new(j, "return_path", json_str(m->sm_return_path));
	json_object_set_new(j, "receipt_to", json_opt(m->sm_mdn_to));
	memset(&su, 0, sizeof(su));
	if (mmhs_summary_parse(&su, raw, len, err, sizeof(err)) == 0)
		json_object_set_new(j, "text", json_str(su.su_text != NULL ?
		    su.su_text : ""));
	else
		json_object_set_new(j, "text", json_null());
	mmhs_summary_free(&su);
	json_object_set_new(j, "security", json_security(st, m, raw, len));
	return j;
}

json_t *
store_json_body(struct store_req *rq, int *rc)
{
	json_error_t jerr;
	json_t	*j;

	if (rq->rq_body == NULL || rq->rq_body_len == 0) {
		*rc = store_reply_error(rq, 400, "a JSON object is expected "
		    "in the request body");
		return NULL;
	}
	j = json_loadb(rq->rq_body, rq->rq_body_len, JSON_REJECT_DUPLICATES,
	    &jerr);
	if (j == NULL) {
		*rc = store_reply_error(rq, 400, "bad JSON at line %d: %s",
		    jerr.line, jerr.text);
		return NULL;
	}
	if (!json_is_object(j)) {
		json_decref(j);
		*rc = store_reply_error(rq, 400, "the body must be a JSON "
		    "object");
		return NULL;
	}
	return j;
}
