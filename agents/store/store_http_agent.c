/* store_http_agent.c - the API's endpoints for the store's peer agents
 *
 * ffmon asks for the messages nobody has opened in time, fetches one to
 * send it on, and says so.  store_http_route.c lets only agents named by
 * mmhsPeer of the store's entry reach these handlers, and they act for
 * every mailbox of the store: no per-mailbox access check.  Marking a
 * message redirected twice is refused (409), so that two instances of a
 * monitor cannot both send it on.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mmhs_alloc.h"
#include "mmhs_track.h"
#include "store.h"

/* agent_number - a decimal argument, or def when absent; -1 when bad */
static int
agent_number(struct store_req *rq, const char *name, long long def,
	long long *out)
{
	const char *v = store_req_arg(rq, name);
	char	*end;

	if (v == NULL) {
		*out = def;
		return 0;
	}
	errno = 0;
	*out = strtoll(v, &end, 10);
	return *v == '\0' || *end != '\0' || errno != 0 || *out < 0 ? -1 : 0;
}

/* agent_unread_item - one element of the unread list */
static json_t *
agent_unread_item(struct store_req *rq, const struct store_pending *p)
{
	struct store_msg m;
	const char *prec = mmhs_precedence_name(p->sp_prec);
	char	*mail = mmhs_agent_mail_of(&rq->rq_st->st_agent, p->sp_mailbox);
	char	err[256];
	json_t	*o;

	o = json_pack("{s:s, s:s, s:I, s:s, s:I}", "mailbox", mail != NULL ?
	    mail : "", "dn", p->sp_mailbox, "id", (json_int_t) p->sp_id,
	    "precedence", prec != NULL ? prec : "routine", "received",
	    (json_int_t) p->sp_received);
	mmhs_free(mail);
	memset(&m, 0, sizeof(m));
	/* what a monitor reports with: gone meanwhile is no error */
	if (o != NULL && store_db_get(rq->rq_st->st_db, p->sp_mailbox,
	    p->sp_id, &m, err, sizeof(err)) == STORE_OK) {
		json_object_set_new(o, "message_id", json_string(
		    m.sm_message_id));
		json_object_set_new(o, "return_path", json_string(
		    m.sm_return_path));
	}
	store_msg_free(&m);
	return o;
}

int
store_api_agent_unread(struct store_req *rq)
{
	struct store_pending *p = NULL;
	long long before, limit, offset;
	size_t	n = 0, i;
	json_t	*arr, *o;
	char	err[256];
	int	rc;

	if (agent_number(rq, "delivered_before", (long long) time(NULL),
	    &before) < 0 || agent_number(rq, "limit", 1000, &limit) < 0 ||
	    agent_number(rq, "offset", 0, &offset) < 0 || limit < 1 ||
	    limit > 10000 || offset > 100000)
		return store_reply_error(rq, 400, "bad query: delivered_before="
		    "seconds since the epoch, limit=1..10000, offset=0..100000");
	if ((rc = store_db_unread_before(rq->rq_st->st_db, (time_t) before,
	    (size_t) (offset + limit), &p, &n, err, sizeof(err))) != STORE_OK)
		return store_reply_db(rq, rc, err);
	arr = json_array();
	for (i = (size_t) offset; i < n; i++)
		if ((o = agent_unread_item(rq, &p[i])) != NULL)
			json_array_append_new(arr, o);
	store_pending_free(p, n);
	return store_reply_json(rq, 200, json_pack("{s:o}", "messages", arr));
}

/* agent_target - mailbox and id of /agent/messages/M/ID/... */
static int
agent_target(struct store_req *rq, struct store_mbox *mb, uint64_t *id,
	int *rc)
{
	char	*end;

	errno = 0;
	*id = strtoull(rq->rq_seg[3], &end, 10);
	if (rq->rq_seg[3][0] < '0' || rq->rq_seg[3][0] > '9' ||
	    *end != '\0' || errno != 0) {
		*rc = store_reply_error(rq, 404, "no message %s",
		    rq->rq_seg[3]);
		return -1;
	}
	if (store_mbox_lookup(rq->rq_st, rq->rq_seg[2], mb) < 0) {
		*rc = store_reply_error(rq, 404, "no mailbox %s",
		    rq->rq_seg[2]);
		return -1;
	}
	return 0;
}

int
store_api_agent_raw(struct store_req *rq)
{
	struct store_mbox mb;
	uint64_t id;
	char	*raw = NULL, err[256];
	size_t	len = 0;
	int	rc;

	if (agent_target(rq, &mb, &id, &rc) < 0)
		return rc;
	rc = store_db_raw(rq->rq_st->st_db, mb.mb_dn, id, &raw, &len, err,
	    sizeof(err));
	store_mbox_free(&mb);
	if (rc != STORE_OK)
		return store_reply_db(rq, rc, err);
	return store_reply_bytes(rq, 200, "message/rfc822", raw, len);
}

/* agent_track - "marked" redirected, for the tracking log */
static void
agent_track(struct store_req *rq, const struct store_msg *m,
	const struct store_mbox *mb, const char *to)
{
	struct mmhs_track_event ev;
	char	extra[1024];

	if (rq->rq_st->st_agent.ag_track == NULL)
		return;
	snprintf(extra, sizeof(extra), "flag=redirected mailbox=\"%s\" "
	    "id=%llu by=\"%s\"", mb->mb_dn, (unsigned long long) m->sm_id,
	    rq->rq_user_dn);
	memset(&ev, 0, sizeof(ev));
	ev.te_event = "marked";
	ev.te_msgid = m->sm_message_id[0] != '\0' ? m->sm_message_id : NULL;
	ev.te_prec = mmhs_precedence_name(m->sm_prec);
	ev.te_to = mb->mb_mail[0] != '\0' ? mb->mb_mail : NULL;
	ev.te_hop = to;
	ev.te_extra = extra;
	(void) mmhs_track_log(rq->rq_st->st_agent.ag_track, &ev);
}

int
store_api_agent_redirected(struct store_req *rq)
{
	struct store_mbox mb;
	struct store_msg m;
	uint64_t id;
	unsigned old = 0;
	const char *to;
	json_t	*j;
	char	err[256];
	int	rc;

	if ((j = store_json_body(rq, &rc)) == NULL)
		return rc;
	if ((to = json_string_value(json_object_get(j, "to"))) == NULL ||
	    *to == '\0' || strlen(to) > 1024) {
		json_decref(j);
		return store_reply_error(rq, 400, "\"to\" must be the DN the "
		    "message was sent on to");
	}
	if (agent_target(rq, &mb, &id, &rc) < 0) {
		json_decref(j);
		return rc;
	}
	memset(&m, 0, sizeof(m));
	if ((rc = store_db_flags(rq->rq_st->st_db, mb.mb_dn, id,
	    STORE_F_REDIRECTED, 0, &old, NULL, err, sizeof(err))) != STORE_OK ||
	    (rc = store_db_get(rq->rq_st->st_db, mb.mb_dn, id, &m, err,
	    sizeof(err))) != STORE_OK)
		rc = store_reply_db(rq, rc, err);
	else if (old & STORE_F_REDIRECTED)
		rc = store_reply_error(rq, 409, "message %llu of %s was "
		    "redirected before", (unsigned long long) id, mb.mb_dn);
	else {
		agent_track(rq, &m, &mb, to);
		rc = store_reply_json(rq, 200, store_json_summary(rq->rq_st,
		    &m));
	}
	json_decref(j);
	store_msg_free(&m);
	store_mbox_free(&mb);
	return rc;
}
