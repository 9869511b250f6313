/* ffmon_store.c - mmhs-ffmon's client of the store's HTTPS agent API
 *
 * Three requests (doc/store-api.md, "agent endpoints"), authenticated
 * with HTTP Basic as the agent's own DN, over TLS checked against the
 * CA file of -A (the host name is checked too: the store's certificate
 * names 127.0.0.1 in the sample site):
 *
 *	GET  /api/v1/agent/unread?delivered_before=EPOCH&limit=N[&offset=N]
 *	GET  /api/v1/agent/messages/{mbox}/{id}/raw
 *	POST /api/v1/agent/messages/{mbox}/{id}/redirected  {"to":"dn"}
 *
 * One curl handle, reused so the TLS session and connection are kept
 * between requests.  Every request is bounded (connect and total
 * timeouts, a size limit on answers); an error, a status other than
 * 2xx or an answer that is not what the contract says returns -1 with
 * one line of text (the store's {"error"} when it sent one).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <curl/curl.h>
#include <jansson.h>

#include "mmhs_alloc.h"
#include "ffmon.h"

#define STORE_CONNECT_TIMEOUT_S	5
#define STORE_TIMEOUT_S		60
#define STORE_ANSWER_MAX	((size_t)64 << 20)	/* a raw message */

struct ffmon_store {
	CURL   *s_curl;
	char   *s_base;			/* "https://127.0.0.1:port" */
	char   *s_ca;
	char   *s_user;
	char   *s_pw;
};

struct store_buf {
	char   *b_data;
	size_t	b_len;
	size_t	b_cap;
	int	b_over;
};

/* store_write - curl's write callback: collect the answer, bounded */
static size_t
store_write(char *ptr, size_t size, size_t nmemb, void *arg)
{
	struct store_buf *b = arg;
	size_t	n = size * nmemb;

	if (b->b_len + n > STORE_ANSWER_MAX) {
		b->b_over = 1;
		return 0;
	}
	if (b->b_len + n + 1 > b->b_cap) {
		b->b_cap = (b->b_len + n + 1) * 2;
		b->b_data = mmhs_realloc(b->b_data, b->b_cap);
	}
	memcpy(b->b_data + b->b_len, ptr, n);
	b->b_len += n;
	b->b_data[b->b_len] = '\0';
	return n;
}

/* ffmon_store_new - a client; the base URL is set per scan */
struct ffmon_store *
ffmon_store_new(const char *ca, const char *user, const char *pw)
{
	struct ffmon_store *s = mmhs_calloc(1, sizeof(*s));

	s->s_ca = ca != NULL ? mmhs_strdup(ca) : NULL;
	s->s_user = mmhs_strdup(user);
	s->s_pw = mmhs_strdup(pw);
	return s;
}

/* ffmon_store_free - the client and its connection */
void
ffmon_store_free(struct ffmon_store *s)
{
	if (s == NULL)
		return;
	if (s->s_curl != NULL)
		curl_easy_cleanup(s->s_curl);
	mmhs_free(s->s_base);
	mmhs_free(s->s_ca);
	mmhs_free(s->s_user);
	mmhs_free(s->s_pw);
	mmhs_free(s);
}

/* ffmon_store_set_base - where the store listens (from the directory) */
void
ffmon_store_set_base(struct ffmon_store *s, const char *base)
{
	if (s->s_base != NULL && strcmp(s->s_base, base) == 0)
		return;
	mmhs_free(s->s_base);
	s->s_base = mmhs_strdup(base);
}

/* store_error - the text of an error answer */
static void
store_error(long status, const struct store_buf *b, char *err,
    size_t errlen)
{
	json_t	*j = NULL, *e;

	if (b->b_data != NULL)
		j = json_loadb(b->b_data, b->b_len, 0, NULL);
	if (j != NULL && (e = json_object_get(j, "error")) != NULL &&
	    json_is_string(e))
		snprintf(err, errlen, "store: HTTP %ld: %s", status,
		    json_string_value(e));
	else
		snprintf(err, errlen, "store: HTTP %ld", status);
	json_decref(j);
}

/* store_request - one request; body NULL: GET.  0 and the answer, or -1
 * (*status: the HTTP status, 0 when there was no answer) */
static int
store_request(struct ffmon_store *s, const char *path, const char *body,
    struct store_buf *b, long *status, char *err, size_t errlen)
{
	struct curl_slist *hdr = NULL;
	char	url[4096];
	CURLcode rc;

	memset(b, 0, sizeof(*b));
	*status = 0;
	if (s->s_base == NULL) {
		snprintf(err, errlen, "store: address unknown");
		return -1;
	}
	snprintf(url, sizeof(url), "%s%s", s->s_base, path);
	if (s->s_curl == NULL && (s->s_curl = curl_easy_init()) == NULL) {
		snprintf(err, errlen, "store: curl_easy_init failed");
		return -1;
	}
	curl_easy_reset(s->s_curl);
	curl_easy_setopt(s->s_curl, CURLOPT_URL, url);
	curl_easy_setopt(s->s_curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(s->s_curl, CURLOPT_CONNECTTIMEOUT,
	    (long)STORE_CONNECT_TIMEOUT_S);
	curl_easy_setopt(s->s_curl, CURLOPT_TIMEOUT, (long)STORE_TIMEOUT_S);
	curl_easy_setopt(s->s_curl, CURLOPT_PROTOCOLS_STR, "https");
	if (s->s_ca != NULL)
		curl_easy_setopt(s->s_curl, CURLOPT_CAINFO, s->s_ca);
	curl_easy_setopt(s->s_curl, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
	curl_easy_setopt(s->s_curl, CURLOPT_USERNAME, s->s_user);
	curl_easy_setopt(s->s_curl, CURLOPT_PASSWORD, s->s_pw);
	curl_easy_setopt(s->s_curl, CURLOPT_WRITEFUNCTION, store_write);
	curl_easy_setopt(s->s_curl, CURLOPT_WRITEDATA, b);
	if (body != NULL) {
		hdr = curl_slist_append(hdr, "Content-Type: application/json");
		curl_easy_setopt(s->s_curl, CURLOPT_HTTPHEADER, hdr);
		curl_easy_setopt(s->s_curl, CURLOPT_POSTFIELDS, body);
	}
	rc = curl_easy_perform(s->s_curl);
	curl_slist_free_all(hdr);
	if (rc != CURLE_OK) {
		snprintf(err, errlen, "store %s: %s", s->s_base, b->b_over ?
		    "answer too large" : curl_easy_strerror(rc));
		goto fail;
	}
	curl_easy_getinfo(s->s_curl, CURLINFO_RESPONSE_CODE, status);
	if (*status < 200 || *status > 299) {
		store_error(*status, b, err, errlen);
		goto fail;
	}
	return 0;
fail:
	mmhs_free(b->b_data);
	memset(b, 0, sizeof(*b));
	return -1;
}

/* store_path - "/api/v1/agent/messages/{mbox}/{id}/what", escaped */
static int
store_path(struct ffmon_store *s, const struct ffmon_pending *p,
    const char *what, char *buf, size_t len)
{
	char	*mb, *id;
	int	n;

	mb = curl_easy_escape(s->s_curl, p->fp_mailbox, 0);
	id = curl_easy_escape(s->s_curl, p->fp_id, 0);
	n = mb != NULL && id != NULL ? snprintf(buf, len,
	    "/api/v1/agent/messages/%s/%s/%s", mb, id, what) : -1;
	curl_free(mb);
	curl_free(id);
	return n < 0 || (size_t)n >= len ? -1 : 0;
}

/* ffmon_pending_free - what ffmon_store_parse_unread made */
void
ffmon_pending_free(struct ffmon_pending *p, size_t n)
{
	size_t	i;

	for (i = 0; p != NULL && i < n; i++) {
		mmhs_free(p[i].fp_mailbox);
		mmhs_free(p[i].fp_dn);
		mmhs_free(p[i].fp_id);
		mmhs_free(p[i].fp_return_path);
		mmhs_free(p[i].fp_message_id);
	}
	mmhs_free(p);
}

/* store_time - "received": epoch seconds, or ISO 8601 UTC text
 * ("2026-11-28T22:00:00Z", fractions of a second allowed) */
static int
store_time(json_t *v, time_t *t)
{
	struct tm tm;
	const char *s;
	int	n = 0;

	if (json_is_integer(v) && json_integer_value(v) >= 0) {
		*t = (time_t)json_integer_value(v);
		return 0;
	}
	if (!json_is_string(v))
		return -1;
	s = json_string_value(v);
	memset(&tm, 0, sizeof(tm));
	if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &n) != 6 ||
	    n != 19)
		return -1;
	s += n;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			;
	if (strcmp(s, "Z") != 0 && strcmp(s, "+00:00") != 0)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	*t = timegm(&tm);
	return 0;
}

/* store_str - a string member copied, or NULL */
static char *
store_str(json_t *o, const char *name)
{
	json_t	*v = json_object_get(o, name);

	return json_is_string(v) ? mmhs_strdup(json_string_value(v)) : NULL;
}

/* store_item - one element of "messages"; 0 or -1 and err */
static int
store_item(json_t *o, struct ffmon_pending *p, char *err, size_t errlen)
{
	json_t	*id = json_object_get(o, "id"), *pr;
	json_int_t x;
	char	num[32];

	memset(p, 0, sizeof(*p));
	p->fp_mailbox = store_str(o, "mailbox");
	p->fp_dn = store_str(o, "dn");
	if (json_is_integer(id)) {
		snprintf(num, sizeof(num), "%lld",
		    (long long)json_integer_value(id));
		p->fp_id = mmhs_strdup(num);
	} else
		p->fp_id = store_str(o, "id");
	p->fp_return_path = store_str(o, "return_path");
	p->fp_message_id = store_str(o, "message_id");
	p->fp_prec = MMHS_PREC_ROUTINE;	/* absent: routine, as the store */
	pr = json_object_get(o, "precedence");
	if (json_is_string(pr)) {
		if (mmhs_precedence_from_name(json_string_value(pr),
		    &p->fp_prec) < 0) {
			snprintf(err, errlen, "precedence \"%s\" unknown",
			    json_string_value(pr));
			return -1;
		}
	} else if (json_is_integer(pr)) {
		x = json_integer_value(pr);
		if (x < MMHS_PREC_MIN || x > MMHS_PREC_MAX) {
			snprintf(err, errlen, "precedence %lld unknown",
			    (long long)x);
			return -1;
		}
		p->fp_prec = (enum mmhs_precedence)x;
	}
	if (p->fp_mailbox == NULL || p->fp_dn == NULL || p->fp_id == NULL ||
	    store_time(json_object_get(o, "received"), &p->fp_received) < 0) {
		snprintf(err, errlen, "an entry lacks mailbox, dn, id or "
		    "received");
		return -1;
	}
	return 0;
}

/* ffmon_store_parse_unread - the answer of GET /api/v1/agent/unread */
int
ffmon_store_parse_unread(const char *json, size_t len,
    struct ffmon_pending **out, size_t *n, char *err, size_t errlen)
{
	json_error_t je;
	json_t	*j, *a;
	struct ffmon_pending *p = NULL;
	char	why[256];
	size_t	i, k = 0;
	int	rc = -1;

	*out = NULL;
	*n = 0;
	if ((j = json_loadb(json, len, 0, &je)) == NULL) {
		snprintf(err, errlen, "store: unread list: %s", je.text);
		return -1;
	}
	if (!json_is_array(a = json_object_get(j, "messages"))) {
		snprintf(err, errlen, "store: unread list: no \"messages\"");
		goto out;
	}
	p = mmhs_calloc(json_array_size(a) + 1, sizeof(*p));
	for (i = 0; i < json_array_size(a); i++) {
		if (store_item(json_array_get(a, i), &p[k], why,
		    sizeof(why)) < 0) {
			snprintf(err, errlen, "store: unread list, entry %zu: "
			    "%s", i, why);
			ffmon_pending_free(p, k + 1);
			p = NULL;
			k = 0;
			goto out;
		}
		k++;
	}
	rc = 0;
out:
	json_decref(j);
	*out = p;
	*n = k;
	return rc;
}

/* ffmon_store_unread - the messages that may be overdue */
int
ffmon_store_unread(struct ffmon_store *s, time_t before, long limit,
    long offset, struct ffmon_pending **out, size_t *n, char *err,
    size_t errlen)
{
	struct store_buf b;
	char	path[160];
	long	status;
	int	rc;

	*out = NULL;
	*n = 0;
	if (offset > 0)
		snprintf(path, sizeof(path), "/api/v1/agent/unread?"
		    "delivered_before=%lld&limit=%ld&offset=%ld",
		    (long long)before, limit, offset);
	else
		snprintf(path, sizeof(path), "/api/v1/agent/unread?"
		    "delivered_before=%lld&limit=%ld", (long long)before,
		    limit);
	if (store_request(s, path, NULL, &b, &status, err, errlen) < 0)
		return -1;
	rc = ffmon_store_parse_unread(b.b_data, b.b_len, out, n, err, errlen);
	mmhs_free(b.b_data);
	return rc;
}

/* ffmon_store_raw - the original bytes of a pending message */
int
ffmon_store_raw(struct ffmon_store *s, const struct ffmon_pending *p,
    char **data, size_t *len, char *err, size_t errlen)
{
	struct store_buf b;
	char	path[2048];
	long	status;

	if (s->s_curl == NULL && (s->s_curl = curl_easy_init()) == NULL) {
		snprintf(err, errlen, "store: curl_easy_init failed");
		return -1;
	}
	if (store_path(s, p, "raw", path, sizeof(path)) < 0) {
		snprintf(err, errlen, "store: mailbox or id too long");
		return -1;
	}
	if (store_request(s, path, NULL, &b, &status, err, errlen) < 0)
		return -1;
	if (b.b_len == 0) {
		snprintf(err, errlen, "store: empty message");
		mmhs_free(b.b_data);
		return -1;
	}
	*data = b.b_data;
	*len = b.b_len;
	return 0;
}

/* ffmon_store_mark - flag the message "redirected" to to_dn */
int
ffmon_store_mark(struct ffmon_store *s, const struct ffmon_pending *p,
    const char *to_dn, char *err, size_t errlen)
{
	struct store_buf b;
	json_t	*j;
	char	path[2048], *body;
	long	status;
	int	rc;

	if (s->s_curl == NULL && (s->s_curl = curl_easy_init()) == NULL) {
		snprintf(err, errlen, "store: curl_easy_init failed");
		return -1;
	}
	if (store_path(s, p, "redirected", path, sizeof(path)) < 0) {
		snprintf(err, errlen, "store: mailbox or id too long");
		return -1;
	}
	j = json_pack("{s:s}", "to", to_dn);
	body = j != NULL ? json_dumps(j, JSON_COMPACT) : NULL;
	json_decref(j);
	if (body == NULL) {
		snprintf(err, errlen, "store: cannot encode the DN as JSON");
		return -1;
	}
	rc = store_request(s, path, body, &b, &status, err, errlen);
	free(body);
	mmhs_free(b.b_data);
	/* 409: marked already (a mark whose answer was lost): done */
	return rc == 0 || status == 409 ? 0 : -1;
}
