/* store_http_msg.c - the API's mailbox and message endpoints
 *
 * Every handler names its mailbox by the mail address (or DN) in the
 * path, finds the entry in the directory cache (404 when there is no
 * mmhsMailbox entry), and asks store_access_mailbox whether the
 * authenticated user may read it now (403 when not).  Query arguments
 * and bodies are checked before anything is changed: a bad one gets 400
 * and its reason.  Changes that matter to the message's life go to the
 * tracking log: read (first time seen), moved, deleted.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mmhs_track.h"
#include "store.h"

/* Flags a person may set or clear; info and redirected are the store's
 * and ffmon's to say. */
#define MSG_CLIENT_FLAGS (STORE_F_SEEN | STORE_F_ANSWERED | \
	STORE_F_FLAGGED | STORE_F_DELETED)

/* msg_mailbox - the mailbox named by segment seg, if the user may read
 * it; otherwise the error reply is queued and *rc says what to return */
static int
msg_mailbox(struct store_req *rq, int seg, struct store_mbox *mb, int *rc)
{
	int	yes;

	if (store_mbox_lookup(rq->rq_st, rq->rq_seg[seg], mb) < 0) {
		*rc = store_reply_error(rq, 404, "no mailbox %s",
		    rq->rq_seg[seg]);
		return -1;
	}
	if ((yes = store_access_mailbox(rq->rq_st, rq->rq_user_dn,
	    mb->mb_dn)) <= 0) {
		*rc = yes < 0 ? store_reply_error(rq, 503, "the directory "
		    "cannot be asked now") : store_reply_error(rq, 403,
		    "%s may not read %s", rq->rq_user_dn, rq->rq_seg[seg]);
		store_mbox_free(mb);
		return -1;
	}
	return 0;
}

/* msg_id - a message id: decimal digits, no sign, no overflow */
static int
msg_id(const char *s, uint64_t *id)
{
	char	*end;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	*id = strtoull(s, &end, 10);
	return *end != '\0' || errno != 0 ? -1 : 0;
}

/* msg_target - mailbox and message id of /mailboxes/M/messages/ID */
static int
msg_target(struct store_req *rq, struct store_mbox *mb, uint64_t *id,
	int *rc)
{
	if (msg_id(rq->rq_seg[3], id) < 0) {
		*rc = store_reply_error(rq, 404, "no message %s",
		    rq->rq_seg[3]);
		return -1;
	}
	return msg_mailbox(rq, 1, mb, rc);
}

/* msg_track - one line of the tracking log about message m */
static void
msg_track(struct store_req *rq, const char *event, const struct store_msg *m,
	const struct store_mbox *mb, const char *extra)
{
	struct mmhs_track_event ev;
	char	more[1024];
	char	idbuf[32];

	if (rq->rq_st->st_agent.ag_track == NULL)
		return;
	snprintf(idbuf, sizeof(idbuf), "%llu", (unsigned long long) m->sm_id);
	snprintf(more, sizeof(more), "mailbox=\"%s\" id=%s user=\"%s\"%s%s",
	    mb->mb_dn, idbuf, rq->rq_user_dn, extra != NULL ? " " : "",
	    extra != NULL ? extra : "");
	memset(&ev, 0, sizeof(ev));
	ev.te_event = event;
	ev.te_msgid = m->sm_message_id[0] != '\0' ? m->sm_message_id : NULL;
	ev.te_prec = mmhs_precedence_name(m->sm_prec);
	ev.te_to = mb->mb_mail[0] != '\0' ? mb->mb_mail : NULL;
	ev.te_extra = more;
	(void) mmhs_track_log(rq->rq_st->st_agent.ag_track, &ev);
}

int
store_api_mailboxes(struct store_req *rq)
{
	struct store_mbox *mb;
	size_t	total, unread;
	json_t	*arr, *o;
	char	err[256];
	int	n, i;

	if ((n = store_access_list(rq->rq_st, rq->rq_user_dn, &mb)) < 0)
		return store_reply_error(rq, 503, "the directory cannot be "
		    "asked now");
	arr = json_array();
	for (i = 0; i < n; i++) {
		total = unread = 0;
		if (store_db_mailbox_counts(rq->rq_st->st_db, mb[i].mb_dn,
		    &total, &unread, err, sizeof(err)) != STORE_OK)
			mmhs_warn("counting %s: %s", mb[i].mb_dn, err);
		o = json_pack("{s:s, s:s, s:s, s:s, s:I, s:I}",
		    "mailbox", mb[i].mb_mail, "dn", mb[i].mb_dn,
		    "name", mb[i].mb_name, "kind", mb[i].mb_kind,
		    "total", (json_int_t) total, "unread", (json_int_t) unread);
		if (o != NULL)
			json_array_append_new(arr, o);
	}
	store_mbox_list_free(mb, n);
	return store_reply_json(rq, 200, arr);
}

int
store_api_folders(struct store_req *rq)
{
	struct store_folder *f = NULL;
	struct store_mbox mb;
	size_t	n = 0, i;
	json_t	*arr;
	char	err[256];
	int	rc;

	if (msg_mailbox(rq, 1, &mb, &rc) < 0)
		return rc;
	rc = store_db_folders(rq->rq_st->st_db, mb.mb_dn, &f, &n, err,
	    sizeof(err));
	store_mbox_free(&mb);
	if (rc != STORE_OK)
		return store_reply_db(rq, rc, err);
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, json_pack("{s:s, s:I, s:I}",
		    "folder", f[i].sf_name, "total", (json_int_t) f[i].sf_total,
		    "unread", (json_int_t) f[i].sf_unread));
	mmhs_free(f);
	return store_reply_json(rq, 200, arr);
}

/* msg_number - a non-negative decimal argument, or def when absent */
static int
msg_number(struct store_req *rq, const char *name, size_t def, size_t max,
	size_t *out)
{
	const char *v = store_req_arg(rq, name);
	uint64_t n;

	if (v == NULL) {
		*out = def;
		return 0;
	}
	if (msg_id(v, &n) < 0 || n > max)
		return -1;
	*out = (size_t) n;
	return 0;
}

/* msg_precedences - "flash,immediate" as a set of bits */
static int
msg_precedences(const char *v, unsigned *set)
{
	enum mmhs_precedence p;
	char	*copy = mmhs_strdup(v), *tok, *sp;
	int	rc = 0;

	*set = 0;
	for (tok = strtok_r(copy, ", ", &sp); tok != NULL;
	    tok = strtok_r(NULL, ", ", &sp)) {
		if (mmhs_precedence_from_name(tok, &p) < 0) {
			rc = -1;
			break;
		}
		*set |= 1u << p;
	}
	mmhs_free(copy);
	return rc == 0 && *set != 0 ? 0 : -1;
}

/* msg_query - the listing's arguments; -1 and a 400 queued when bad */
static int
msg_query(struct store_req *rq, struct store_query *q, int *rc)
{
	const char *v;

	memset(q, 0, sizeof(*q));
	q->q_folder = store_req_arg(rq, "folder");
	if (q->q_folder != NULL && !store_folder_valid(q->q_folder))
		goto bad_folder;
	v = store_req_arg(rq, "sort");
	if (v == NULL || strcmp(v, "date") == 0)
		q->q_sort = STORE_SORT_DATE;
	else if (strcmp(v, "precedence") == 0)
		q->q_sort = STORE_SORT_PRECEDENCE;
	else if (strcmp(v, "classification") == 0)
		q->q_sort = STORE_SORT_CLASSIFICATION;
	else
		goto bad;
	v = store_req_arg(rq, "order");
	if (v != NULL && strcmp(v, "asc") != 0 && strcmp(v, "desc") != 0)
		goto bad;
	q->q_desc = v == NULL || strcmp(v, "desc") == 0;
	if (msg_number(rq, "offset", 0, (size_t) 1 << 40, &q->q_offset) < 0 ||
	    msg_number(rq, "limit", 50, STORE_LIST_MAX, &q->q_limit) < 0 ||
	    q->q_limit == 0)
		goto bad;
	if ((v = store_req_arg(rq, "precedence")) != NULL &&
	    msg_precedences(v, &q->q_prec_set) < 0)
		goto bad;
	q->q_class = store_req_arg(rq, "classification");
	q->q_sic = store_req_arg(rq, "sic");
	q->q_originator = store_req_arg(rq, "originator");
	v = store_req_arg(rq, "unread");
	if (v != NULL && strcmp(v, "1") != 0 && strcmp(v, "0") != 0 &&
	    strcmp(v, "true") != 0 && strcmp(v, "false") != 0)
		goto bad;
	q->q_unread = v != NULL && (strcmp(v, "1") == 0 ||
	    strcmp(v, "true") == 0);
	return 0;
bad_folder:
	*rc = store_reply_error(rq, 400, "bad folder name");
	return -1;
bad:
	*rc = store_reply_error(rq, 400, "bad query: sort=date|precedence|"
	    "classification, order=asc|desc, offset>=0, limit=1..%d, "
	    "precedence=name[,name...], unread=0|1", STORE_LIST_MAX);
	return -1;
}

int
store_api_list(struct store_req *rq)
{
	struct store_query q;
	struct store_list l;
	struct store_mbox mb;
	json_t	*arr, *o;
	char	err[256];
	size_t	i;
	int	rc;

	if (msg_query(rq, &q, &rc) < 0 || msg_mailbox(rq, 1, &mb, &rc) < 0)
		return rc;
	memset(&l, 0, sizeof(l));
	rc = store_db_list(rq->rq_st->st_db, mb.mb_dn, &q, &l, err,
	    sizeof(err));
	if (rc != STORE_OK) {
		store_mbox_free(&mb);
		return store_reply_db(rq, rc, err);
	}
	arr = json_array();
	for (i = 0; i < l.sl_count; i++)
		json_array_append_new(arr, store_json_summary(rq->rq_st,
		    &l.sl_msgs[i]));
	o = json_pack("{s:s, s:s, s:I, s:I, s:I, s:o}", "mailbox",
	    mb.mb_mail, "folder", q.q_folder != NULL ? q.q_folder : "Inbox",
	    "total", (json_int_t) l.sl_total, "offset",
	    (json_int_t) q.q_offset, "limit", (json_int_t) q.q_limit,
	    "messages", arr);
	store_list_free(&l);
	store_mbox_free(&mb);
	return store_reply_json(rq, 200, o);
}

int
store_api_message(struct store_req *rq)
{
	struct store_msg m;
	struct store_mbox mb;
	uint64_t id;
	char	*raw = NULL, err[256];
	size_t	len = 0;
	int	rc;

	if (msg_target(rq, &mb, &id, &rc) < 0)
		return rc;
	memset(&m, 0, sizeof(m));
	if ((rc = store_db_get(rq->rq_st->st_db, mb.mb_dn, id, &m, err,
	    sizeof(err))) != STORE_OK || (rc = store_db_raw(rq->rq_st->st_db,
	    mb.mb_dn, id, &raw, &len, err, sizeof(err))) != STORE_OK) {
		store_msg_free(&m);
		store_mbox_free(&mb);
		return store_reply_db(rq, rc, err);
	}
	rc = store_reply_json(rq, 200, store_json_detail(rq->rq_st, &m, raw,
	    len));
	mmhs_free(raw);
	store_msg_free(&m);
	store_mbox_free(&mb);
	return rc;
}

int
store_api_raw(struct store_req *rq)
{
	struct store_mbox mb;
	uint64_t id;
	char	*raw = NULL, err[256];
	size_t	len = 0;
	int	rc;

	if (msg_target(rq, &mb, &id, &rc) < 0)
		return rc;
	rc = store_db_raw(rq->rq_st->st_db, mb.mb_dn, id, &raw, &len, err,
	    sizeof(err));
	store_mbox_free(&mb);
	if (rc != STORE_OK)
		return store_reply_db(rq, rc, err);
	return store_reply_bytes(rq, 200, "message/rfc822", raw, len);
}

/* msg_flag_list - the flags named in j[key] (an array, may be absent) */
static int
msg_flag_list(json_t *j, const char *key, unsigned *out, char *bad,
	size_t badlen)
{
	json_t	*arr = json_object_get(j, key), *v;
	size_t	i;
	unsigned f;

	*out = 0;
	if (arr == NULL)
		return 0;
	if (!json_is_array(arr)) {
		snprintf(bad, badlen, "\"%s\" must be an array of flag names",
		    key);
		return -1;
	}
	json_array_foreach(arr, i, v) {
		f = json_is_string(v) ? store_flag_from_name(
		    json_string_value(v)) : 0;
		if ((f & MSG_CLIENT_FLAGS) == 0) {
			snprintf(bad, badlen, "\"%s\": a client may set or "
			    "clear seen, answered, flagged and deleted only",
			    key);
			return -1;
		}
		*out |= f;
	}
	return 0;
}

int
store_api_flags(struct store_req *rq)
{
	struct store_mbox mb;
	struct store_msg m;
	uint64_t id;
	unsigned add, del, old = 0, now = 0;
	json_t	*j;
	char	err[256];
	int	rc;

	if ((j = store_json_body(rq, &rc)) == NULL)
		return rc;
	if (msg_flag_list(j, "add", &add, err, sizeof(err)) < 0 ||
	    msg_flag_list(j, "remove", &del, err, sizeof(err)) < 0) {
		json_decref(j);
		return store_reply_error(rq, 400, "%s", err);
	}
	json_decref(j);
	if (msg_target(rq, &mb, &id, &rc) < 0)
		return rc;
	memset(&m, 0, sizeof(m));
	if ((rc = store_db_flags(rq->rq_st->st_db, mb.mb_dn, id, add, del,
	    &old, &now, err, sizeof(err))) != STORE_OK ||
	    (rc = store_db_get(rq->rq_st->st_db, mb.mb_dn, id, &m, err,
	    sizeof(err))) != STORE_OK) {
		store_mbox_free(&mb);
		store_msg_free(&m);
		return store_reply_db(rq, rc, err);
	}
	if (!(old & STORE_F_SEEN) && (now & STORE_F_SEEN)) {
		msg_track(rq, "read", &m, &mb, NULL);
		if (m.sm_mdn_to[0] != '\0')
			store_mdn_event(rq->rq_st->st_mdn, &m, NULL, 0, 0,
			    rq->rq_user_dn);
		store_receipt_event(rq->rq_st->st_mdn, &m, rq->rq_user_dn);
	}
	rc = store_reply_json(rq, 200, store_json_summary(rq->rq_st, &m));
	store_msg_free(&m);
	store_mbox_free(&mb);
	return rc;
}

int
store_api_move(struct store_req *rq)
{
	struct store_mbox mb;
	struct store_msg m;
	uint64_t id;
	const char *folder;
	json_t	*j;
	char	err[256], extra[STORE_FOLDER_MAX + 32];
	int	rc;

	if ((j = store_json_body(rq, &rc)) == NULL)
		return rc;
	folder = json_string_value(json_object_get(j, "folder"));
	if (folder == NULL || !store_folder_valid(folder)) {
		json_decref(j);
		return store_reply_error(rq, 400, "\"folder\" must be a folder "
		    "name: 1 to %d bytes of UTF-8, no control characters, no "
		    "spaces at either end", STORE_FOLDER_MAX);
	}
	memset(&m, 0, sizeof(m));
	if (msg_target(rq, &mb, &id, &rc) < 0) {
		json_decref(j);
		return rc;
	}
	if ((rc = store_db_move(rq->rq_st->st_db, mb.mb_dn, id, folder, err,
	    sizeof(err))) != STORE_OK || (rc = store_db_get(rq->rq_st->st_db,
	    mb.mb_dn, id, &m, err, sizeof(err))) != STORE_OK) {
		json_decref(j);
		store_mbox_free(&mb);
		store_msg_free(&m);
		return store_reply_db(rq, rc, err);
	}
	json_decref(j);
	snprintf(extra, sizeof(extra), "folder=\"%s\"", m.sm_folder);
	msg_track(rq, "moved", &m, &mb, extra);
	rc = store_reply_json(rq, 200, store_json_summary(rq->rq_st, &m));
	store_msg_free(&m);
	store_mbox_free(&mb);
	return rc;
}

int
store_api_delete(struct store_req *rq)
{
	struct store_mbox mb;
	struct store_msg m;
	uint64_t id;
	unsigned old = 0;
	char	*raw = NULL, err[256];
	size_t	len = 0;
	int	rc, owed;

	if (msg_target(rq, &mb, &id, &rc) < 0)
		return rc;
	memset(&m, 0, sizeof(m));
	if ((rc = store_db_get(rq->rq_st->st_db, mb.mb_dn, id, &m, err,
	    sizeof(err))) != STORE_OK)
		goto fail;
	/* the notification needs the original, which is about to go */
	owed = m.sm_mdn_to[0] != '\0' && !(m.sm_flags & STORE_F_SEEN);
	if (owed && (rc = store_db_raw(rq->rq_st->st_db, mb.mb_dn, id, &raw,
	    &len, err, sizeof(err))) != STORE_OK)
		goto fail;
	if ((rc = store_db_expunge(rq->rq_st->st_db, mb.mb_dn, id, &old, err,
	    sizeof(err))) != STORE_OK)
		goto fail;
	msg_track(rq, "deleted", &m, &mb, (old & STORE_F_SEEN) ? "seen=1" :
	    "seen=0");
	if (owed && !(old & STORE_F_SEEN))
		store_mdn_event(rq->rq_st->st_mdn, &m, raw, len, 1,
		    rq->rq_user_dn);
	mmhs_free(raw);
	store_msg_free(&m);
	store_mbox_free(&mb);
	return store_reply_json(rq, 200, json_pack("{s:I, s:b}", "id",
	    (json_int_t) id, "deleted", 1));
fail:
	mmhs_free(raw);
	store_msg_free(&m);
	store_mbox_free(&mb);
	return store_reply_db(rq, rc, err);
}
