/* store_http_route.c - the URL table of the store's API
 *
 * Paths are matched segment by segment after /api/v1/ ("*" matches one
 * segment: a mailbox address or a message id); the first row whose
 * pattern matches decides, and a path that matches with another method
 * gets 405 with an Allow list.  The agent endpoints are refused (403)
 * here, before their handlers, to anyone but the store's own peers.
 * doc/store-api.md describes every row.
 */
#include "config.h"

#include <string.h>

#include <microhttpd.h>

#include "store.h"

struct route {
	const char *r_method;
	const char *r_path[6];		/* NULL-ended */
	int	(*r_fn)(struct store_req *);
	int	r_agent;		/* only for the store's peers */
};

static const struct route routes[] = {
	{ "GET", { "mailboxes", NULL }, store_api_mailboxes, 0 },
	{ "GET", { "mailboxes", "*", "folders", NULL }, store_api_folders, 0 },
	{ "GET", { "mailboxes", "*", "messages", NULL }, store_api_list, 0 },
	{ "GET", { "mailboxes", "*", "messages", "*", NULL },
	    store_api_message, 0 },
	{ "DELETE", { "mailboxes", "*", "messages", "*", NULL },
	    store_api_delete, 0 },
	{ "GET", { "mailboxes", "*", "messages", "*", "raw", NULL },
	    store_api_raw, 0 },
	{ "POST", { "mailboxes", "*", "messages", "*", "flags", NULL },
	    store_api_flags, 0 },
	{ "POST", { "mailboxes", "*", "messages", "*", "move", NULL },
	    store_api_move, 0 },
	{ "GET", { "events", NULL }, store_api_events, 0 },
	{ "GET", { "agent", "unread", NULL }, store_api_agent_unread, 1 },
	{ "GET", { "agent", "messages", "*", "*", "raw", NULL },
	    store_api_agent_raw, 1 },
	{ "POST", { "agent", "messages", "*", "*", "redirected", NULL },
	    store_api_agent_redirected, 1 },
};

/* route_match - does the request's path fit the pattern? */
static int
route_match(const struct store_req *rq, const struct route *r)
{
	int	i;

	for (i = 0; r->r_path[i] != NULL; i++)
		if (i >= rq->rq_nseg || (strcmp(r->r_path[i], "*") != 0 &&
		    strcmp(r->r_path[i], rq->rq_seg[i]) != 0))
			return 0;
	return i == rq->rq_nseg;
}

/* route_not_allowed - 405 with the methods the path has */
static int
route_not_allowed(struct store_req *rq)
{
	struct MHD_Response *resp;
	char	allow[64] = "", body[] = "{\"error\":\"method not allowed\"}\n";
	size_t	i;
	int	rc;

	for (i = 0; i < sizeof(routes) / sizeof(routes[0]); i++)
		if (route_match(rq, &routes[i]) && strstr(allow,
		    routes[i].r_method) == NULL) {
			if (allow[0] != '\0')
				strcat(allow, ", ");
			strcat(allow, routes[i].r_method);
		}
	resp = MHD_create_response_from_buffer(sizeof(body) - 1, body,
	    MHD_RESPMEM_MUST_COPY);
	if (resp == NULL)
		return MHD_NO;
	(void) MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, allow);
	(void) MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
	    "application/json");
	rc = MHD_queue_response(rq->rq_conn, MHD_HTTP_METHOD_NOT_ALLOWED,
	    resp);
	MHD_destroy_response(resp);
	return rc;
}

int
store_route(struct store_req *rq)
{
	size_t	i;
	int	path_known = 0, peer;

	for (i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
		if (!route_match(rq, &routes[i]))
			continue;
		if (strcmp(routes[i].r_method, rq->rq_method) != 0) {
			path_known = 1;
			continue;
		}
		if (routes[i].r_agent) {
			if ((peer = store_access_peer(rq->rq_st,
			    rq->rq_user_dn)) < 0)
				return store_reply_error(rq, 503, "the "
				    "directory cannot be asked now");
			if (peer == 0)
				return store_reply_error(rq, 403, "only the "
				    "store's peer agents may use this");
		}
		return routes[i].r_fn(rq);
	}
	if (path_known)
		return route_not_allowed(rq);
	return store_reply_error(rq, 404, "no such resource");
}
