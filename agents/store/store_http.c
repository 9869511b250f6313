/* store_http.c - the HTTPS server of mmhs-store (libmicrohttpd)
 *
 * One listening socket on the "http" mmhsListen URI (https only: the API
 * carries passwords and classified text, there is no plain-text mode),
 * TLS with the certificate and key of -C and -K, one thread per
 * connection (an event stream blocks its thread between events, which
 * is what makes this simplest to trust), at most mmhsLimit
 * "http-connections" connections.  Every request is authenticated
 * (HTTP Basic against the directory, store_auth.c) before the URL table
 * (store_http_route.c) sees it; a request body is read whole, bounded by
 * STORE_HTTP_BODY_MAX.  Errors are JSON {"error": "text"}.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <microhttpd.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "store.h"

#define HTTP_REALM	"OpenMMHS store"
#define HTTP_PREFIX	"/api/v1/"

struct store_http {
	struct MHD_Daemon *h_daemon;
	char   *h_cert;			/* PEM, kept while the daemon runs */
	char   *h_key;
	size_t	h_keylen;
};

/* What one request collects between the handler's calls. */
struct http_ctx {
	char   *hc_body;
	size_t	hc_len;
	int	hc_too_big;
};

/* http_read_file - a whole PEM file, NUL-ended (caller frees) */
static char *
http_read_file(const char *path, size_t *lenp, char *err, size_t errlen)
{
	FILE	*fp = fopen(path, "r");
	char	*buf = NULL;
	size_t	len = 0, n;

	if (fp == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	do {
		buf = mmhs_realloc(buf, len + 4096 + 1);
		n = fread(buf + len, 1, 4096, fp);
		len += n;
	} while (n > 0 && len < 1024 * 1024);
	buf[len] = '\0';
	if (ferror(fp) || len == 0 || len >= 1024 * 1024) {
		snprintf(err, errlen, "%s: %s", path, ferror(fp) ?
		    strerror(errno) : "empty or too large for a PEM file");
		fclose(fp);
		mmhs_free(buf);
		return NULL;
	}
	fclose(fp);
	if (lenp != NULL)
		*lenp = len;
	return buf;
}

/* http_addr - "https://host:port" as a socket address */
static int
http_addr(const char *uri, struct sockaddr_storage *ss, socklen_t *sslen,
	char *err, size_t errlen)
{
	struct addrinfo hints, *ai = NULL;
	char	host[256], port[16];
	const char *h, *colon;
	int	rc;

	if (strncmp(uri, "https://", 8) != 0) {
		snprintf(err, errlen, "%s: not an https:// URI", uri);
		return -1;
	}
	h = uri + 8;
	if (*h == '[') {
		colon = strstr(h, "]:");
		h++;
	} else
		colon = strrchr(h, ':');
	if (colon == NULL || colon == h || (size_t) (colon - h) >=
	    sizeof(host) || strlen(colon + 1 + (*colon == ']')) >=
	    sizeof(port)) {
		snprintf(err, errlen, "%s: not https://host:port", uri);
		return -1;
	}
	memcpy(host, h, (size_t) (colon - h));
	host[colon - h] = '\0';
	snprintf(port, sizeof(port), "%s", colon + 1 + (*colon == ']'));
	port[strcspn(port, "/")] = '\0';
	memset(&hints, 0, sizeof(hints));
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_NUMERICSERV | AI_PASSIVE;
	if ((rc = getaddrinfo(host, port, &hints, &ai)) != 0) {
		snprintf(err, errlen, "%s: %s", uri, gai_strerror(rc));
		return -1;
	}
	memcpy(ss, ai->ai_addr, ai->ai_addrlen);
	*sslen = ai->ai_addrlen;
	freeaddrinfo(ai);
	return 0;
}

/* http_log - libmicrohttpd's complaints, into ours: about clients that
 * broke off a handshake or a request, so information, not warnings */
static void
http_log(void *cls, const char *fmt, va_list ap)
{
	char	buf[512];
	size_t	n;

	(void) cls;
	vsnprintf(buf, sizeof(buf), fmt, ap);
	n = strlen(buf);
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	mmhs_info("https: %s", buf);
}

/* ---------------------------------------------------------------- */
/* Replies */

const char *
store_req_arg(const struct store_req *rq, const char *name)
{
	return MHD_lookup_connection_value(rq->rq_conn, MHD_GET_ARGUMENT_KIND,
	    name);
}

/* http_queue - send a response made from a buffer that freefn frees */
static int
http_queue(struct MHD_Connection *conn, unsigned status, const char *ctype,
	char *data, size_t len, void (*freefn)(void *), int auth)
{
	struct MHD_Response *resp;
	enum MHD_Result rc;

	resp = MHD_create_response_from_buffer_with_free_callback(len, data,
	    freefn);
	if (resp == NULL) {
		freefn(data);
		return MHD_NO;
	}
	(void) MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
	    ctype);
	(void) MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL,
	    "no-store");
	if (auth)
		rc = MHD_queue_basic_auth_fail_response(conn, HTTP_REALM, resp);
	else
		rc = MHD_queue_response(conn, status, resp);
	MHD_destroy_response(resp);
	return rc;
}

/* http_json_text - j as compact JSON with a line end (j is consumed;
 * the text is jansson's, freed with free) */
static char *
http_json_text(json_t *j, size_t *len)
{
	char	*text = json_dumps(j, JSON_COMPACT), *out;

	json_decref(j);
	if (text == NULL)
		return NULL;
	*len = strlen(text);
	if ((out = realloc(text, *len + 2)) == NULL) {
		free(text);
		return NULL;
	}
	out[(*len)++] = '\n';
	out[*len] = '\0';
	return out;
}

int
store_reply_json(struct store_req *rq, unsigned status, json_t *j)
{
	size_t	len;
	char	*text;

	if (j == NULL || (text = http_json_text(j, &len)) == NULL)
		return store_reply_error(rq, 500, "cannot encode the answer");
	return http_queue(rq->rq_conn, status, "application/json", text, len,
	    free, 0);
}

/* http_error - {"error": text}, and the WWW-Authenticate for 401 */
static int
http_error(struct MHD_Connection *conn, unsigned status, const char *text)
{
	size_t	len;
	char	*body;

	body = http_json_text(json_pack("{s:s}", "error", text), &len);
	if (body == NULL)
		return MHD_NO;
	return http_queue(conn, status, "application/json", body, len, free,
	    status == 401);
}

int
store_reply_error(struct store_req *rq, unsigned status, const char *fmt, ...)
{
	char	text[512];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (status >= 500)
		mmhs_warn("%s %s: %s", rq->rq_method, rq->rq_nseg > 0 ?
		    rq->rq_seg[0] : "/", text);
	return http_error(rq->rq_conn, status, text);
}

int
store_reply_bytes(struct store_req *rq, unsigned status, const char *ctype,
	char *data, size_t len)
{
	return http_queue(rq->rq_conn, status, ctype, data, len, mmhs_free, 0);
}

int
store_reply_db(struct store_req *rq, int rc, const char *err)
{
	switch (rc) {
	case STORE_NOTFOUND:
		return store_reply_error(rq, 404, "%s", err);
	case STORE_INVALID:
		return store_reply_error(rq, 400, "%s", err);
	case STORE_FULL:
	case STORE_TEMP:
		return store_reply_error(rq, 503, "try again later: %s", err);
	default:
		return store_reply_error(rq, 500, "%s", err);
	}
}

/* ---------------------------------------------------------------- */
/* Requests */

/* http_split - the path after /api/v1/ into segments; -1 if it is not
 * one of ours */
static int
http_split(struct store_req *rq, char *path)
{
	char	*p, *slash;

	if (strncmp(path, HTTP_PREFIX, strlen(HTTP_PREFIX)) != 0)
		return -1;
	for (p = path + strlen(HTTP_PREFIX); *p != '\0'; p = slash + 1) {
		if (rq->rq_nseg == (int) (sizeof(rq->rq_seg) /
		    sizeof(rq->rq_seg[0])))
			return -1;
		rq->rq_seg[rq->rq_nseg++] = p;
		if ((slash = strchr(p, '/')) == NULL)
			break;
		*slash = '\0';
		if (slash[1] == '\0')	/* a trailing slash is forgiven */
			break;
	}
	for (int i = 0; i < rq->rq_nseg; i++)
		if (rq->rq_seg[i][0] == '\0')
			return -1;
	return rq->rq_nseg > 0 ? 0 : -1;
}

/* http_serve - authenticate, then the URL table */
static int
http_serve(struct store *st, struct MHD_Connection *conn, const char *url,
	const char *method, struct http_ctx *hc)
{
	struct store_req rq;
	char	*user, *pw = NULL, *path, why[256];
	int	rc, unavailable;

	user = MHD_basic_auth_get_username_password(conn, &pw);
	if (user == NULL || pw == NULL) {
		MHD_free(user);
		MHD_free(pw);
		return http_error(conn, 401, "authentication required");
	}
	memset(&rq, 0, sizeof(rq));
	rq.rq_user_dn = store_auth_check(st->st_auth, user, pw, &unavailable,
	    why, sizeof(why));
	explicit_bzero(pw, strlen(pw));
	if (rq.rq_user_dn == NULL) {
		mmhs_info("https: %s refused: %s", user, why);
		MHD_free(user);
		MHD_free(pw);
		if (unavailable)
			return http_error(conn, 503, "the directory cannot "
			    "check passwords now");
		return http_error(conn, 401, "wrong user name or password");
	}
	MHD_free(user);
	MHD_free(pw);
	rq.rq_st = st;
	rq.rq_conn = conn;
	rq.rq_method = method;
	rq.rq_user = store_dn_norm(rq.rq_user_dn);
	rq.rq_body = hc->hc_body;
	rq.rq_body_len = hc->hc_len;
	path = mmhs_strdup(url);
	if (http_split(&rq, path) < 0)
		rc = store_reply_error(&rq, 404, "no such resource");
	else if (hc->hc_too_big)
		rc = store_reply_error(&rq, 400, "request body longer than %d "
		    "bytes", STORE_HTTP_BODY_MAX);
	else
		rc = store_route(&rq);
	mmhs_free(path);
	mmhs_free(rq.rq_user);
	mmhs_free(rq.rq_user_dn);
	return rc;
}

/* http_access - libmicrohttpd's handler: called for the header, for
 * each piece of the body, and once more at its end */
static enum MHD_Result
http_access(void *cls, struct MHD_Connection *conn, const char *url,
	const char *method, const char *version, const char *upload,
	size_t *upload_size, void **con_cls)
{
	struct http_ctx *hc = *con_cls;

	(void) version;
	if (hc == NULL) {
		*con_cls = mmhs_calloc(1, sizeof(*hc));
		return MHD_YES;
	}
	if (*upload_size > 0) {
		if (hc->hc_len + *upload_size > STORE_HTTP_BODY_MAX)
			hc->hc_too_big = 1;
		else {
			hc->hc_body = mmhs_realloc(hc->hc_body, hc->hc_len +
			    *upload_size + 1);
			memcpy(hc->hc_body + hc->hc_len, upload, *upload_size);
			hc->hc_len += *upload_size;
			hc->hc_body[hc->hc_len] = '\0';
		}
		*upload_size = 0;
		return MHD_YES;
	}
	return http_serve(cls, conn, url, method, hc) == MHD_YES ? MHD_YES :
	    MHD_NO;
}

/* http_done - the request is over: free what it collected */
static void
http_done(void *cls, struct MHD_Connection *conn, void **con_cls,
	enum MHD_RequestTerminationCode toe)
{
	struct http_ctx *hc = *con_cls;

	(void) cls;
	(void) conn;
	(void) toe;
	if (hc != NULL) {
		mmhs_free(hc->hc_body);
		mmhs_free(hc);
		*con_cls = NULL;
	}
}

/* ---------------------------------------------------------------- */

int
store_http_start(struct store *st, const char *uri, char *err, size_t errlen)
{
	struct store_http *h;
	struct sockaddr_storage ss;
	socklen_t sslen;
	unsigned flags = MHD_USE_TLS | MHD_USE_THREAD_PER_CONNECTION |
	    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG;
	long	conns;

	if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
		snprintf(err, errlen, "libmicrohttpd was built without TLS");
		return -1;
	}
	if (http_addr(uri, &ss, &sslen, err, errlen) < 0)
		return -1;
	if (ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	h = mmhs_calloc(1, sizeof(*h));
	if ((h->h_cert = http_read_file(st->st_cert_file, NULL, err,
	    errlen)) == NULL || (h->h_key = http_read_file(st->st_key_file,
	    &h->h_keylen, err, errlen)) == NULL)
		goto fail;
	conns = mmhs_agent_limit(&st->st_agent, "http-connections",
	    STORE_HTTP_CONNS);
	h->h_daemon = MHD_start_daemon(flags, 0, NULL, NULL, http_access, st,
	    MHD_OPTION_EXTERNAL_LOGGER, http_log, NULL,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *) &ss,
	    MHD_OPTION_HTTPS_MEM_CERT, h->h_cert,
	    MHD_OPTION_HTTPS_MEM_KEY, h->h_key,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned) (conns > 0 ? conns :
	    STORE_HTTP_CONNS),
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned) STORE_HTTP_TIMEOUT_S,
	    MHD_OPTION_NOTIFY_COMPLETED, http_done, NULL,
	    MHD_OPTION_END);
	if (h->h_daemon == NULL) {
		snprintf(err, errlen, "libmicrohttpd cannot listen there "
		    "(address in use, or a bad certificate or key)");
		goto fail;
	}
	st->st_httpd = h;
	mmhs_info("HTTPS on %s (port %u)", uri, MHD_get_daemon_info(
	    h->h_daemon, MHD_DAEMON_INFO_BIND_PORT)->port);
	return 0;
fail:
	mmhs_free(h->h_cert);
	if (h->h_key != NULL)
		explicit_bzero(h->h_key, h->h_keylen);
	mmhs_free(h->h_key);
	mmhs_free(h);
	return -1;
}

void
store_http_stop(struct store *st)
{
	struct store_http *h = st->st_httpd;

	if (h == NULL)
		return;
	MHD_stop_daemon(h->h_daemon);
	mmhs_free(h->h_cert);
	explicit_bzero(h->h_key, h->h_keylen);
	mmhs_free(h->h_key);
	mmhs_free(h);
	st->st_httpd = NULL;
}
