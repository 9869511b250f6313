/* mmhs_pki_p11.c - keys on PKCS#11 tokens (RFC 7512 URIs, libp11)
 *
 * A URI names a token (token, serial, manufacturer, model) and an object
 * on it (object = the label, id = the CKA_ID, percent-encoded); the
 * query gives the PIN (pin-value, or pin-source: a file whose first line
 * is the PIN) and may give module-path.  Without it the module is
 * MMHS_PKCS11_MODULE, else Debian's SoftHSM2.  A loaded module and its
 * slots stay for the life of the process, shared by every key from it:
 * a private key is only a handle into the token's session.
 */
#include "config.h"

#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libp11.h>
#include <openssl/err.h>

#include "mmhs_pki.h"
#include "mmhs_pki_int.h"

#define P11_DEFAULT_MODULE	"/usr/lib/softhsm/libsofthsm2.so"
#define P11_FIELD_MAX		256
#define P11_ID_MAX		64
#define P11_MODULES		4

struct p11_uri {
	char	pu_token[P11_FIELD_MAX];
	char	pu_serial[P11_FIELD_MAX];
	char	pu_manufacturer[P11_FIELD_MAX];
	char	pu_model[P11_FIELD_MAX];
	char	pu_object[P11_FIELD_MAX];
	unsigned char pu_id[P11_ID_MAX];
	size_t	pu_id_len;
	char	pu_pin[P11_FIELD_MAX];
	int	pu_has_pin;
	char	pu_module[1024];
};

static struct p11_module {
	char   *pm_path;
	PKCS11_CTX *pm_ctx;
	PKCS11_SLOT *pm_slots;
	unsigned int pm_nslots;
} p11_modules[P11_MODULES];
static pthread_mutex_t p11_lock = PTHREAD_MUTEX_INITIALIZER;

/* p11_hex - value of a hex digit, or -1 */
static int
p11_hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* p11_unescape - percent-decode s[0..n) into out; length or -1 */
static long
p11_unescape(const char *s, size_t n, unsigned char *out, size_t outlen)
{
	size_t i, o = 0;
	int h, l;

	for (i = 0; i < n; i++) {
		if (o + 1 >= outlen)
			return -1;
		if (s[i] != '%') {
			out[o++] = (unsigned char) s[i];
			continue;
		}
		if (i + 2 >= n || (h = p11_hex(s[i + 1])) < 0 ||
		    (l = p11_hex(s[i + 2])) < 0)
			return -1;
		out[o++] = (unsigned char) (h << 4 | l);
		i += 2;
	}
	out[o] = '\0';
	return (long) o;
}

/* p11_attr - one name=value of the URI into u; 0 or -1 */
static int
p11_attr(struct p11_uri *u, const char *a, size_t n, int query)
{
	static const struct {
		const char *name;
		size_t	off;
		int	query;
	} fields[] = {
		{ "token", offsetof(struct p11_uri, pu_token), 0 },
		{ "serial", offsetof(struct p11_uri, pu_serial), 0 },
		{ "manufacturer", offsetof(struct p11_uri, pu_manufacturer), 0 },
		{ "model", offsetof(struct p11_uri, pu_model), 0 },
		{ "object", offsetof(struct p11_uri, pu_object), 0 },
		{ "pin-value", offsetof(struct p11_uri, pu_pin), 1 },
		{ "module-path", offsetof(struct p11_uri, pu_module), 1 },
	};
	const char *eq = memchr(a, '=', n);
	size_t i, nl, size;
	long len;
	char *dst;

	if (eq == NULL)
		return n == 0 ? 0 : -1;
	nl = (size_t) (eq - a);
	if (!query && nl == 2 && strncmp(a, "id", 2) == 0) {
		len = p11_unescape(eq + 1, n - nl - 1, u->pu_id,
		    sizeof(u->pu_id));
		if (len < 0)
			return -1;
		u->pu_id_len = (size_t) len;
		return 0;
	}
	if (query && nl == 10 && strncmp(a, "pin-source", 10) == 0) {
		char path[1024];
		FILE *f;

		if (p11_unescape(eq + 1, n - nl - 1, (unsigned char *) path,
		    sizeof(path)) < 0)
			return -1;
		if ((f = fopen(strncmp(path, "file:", 5) == 0 ? path + 5 :
		    path, "r")) == NULL)
			return -1;
		if (fgets(u->pu_pin, sizeof(u->pu_pin), f) == NULL)
			u->pu_pin[0] = '\0';
		fclose(f);
		u->pu_pin[strcspn(u->pu_pin, "\r\n")] = '\0';
		u->pu_has_pin = 1;
		return 0;
	}
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (fields[i].query != query ||
		    strlen(fields[i].name) != nl ||
		    strncmp(fields[i].name, a, nl) != 0)
			continue;
		dst = (char *) u + fields[i].off;
		size = fields[i].off == offsetof(struct p11_uri, pu_module) ?
		    sizeof(u->pu_module) : P11_FIELD_MAX;
		if (p11_unescape(eq + 1, n - nl - 1, (unsigned char *) dst,
		    size) < 0)
			return -1;
		if (fields[i].off == offsetof(struct p11_uri, pu_pin))
			u->pu_has_pin = 1;
		return 0;
	}
	return 0;	/* RFC 7512: unknown attributes are ignored */
}

/* p11_parse - an RFC 7512 URI into u; 0 or -1 with the reason */
static int
p11_parse(const char *uri, struct p11_uri *u, char *err, size_t errlen)
{
	const char *p = uri + 7, *end, *q;
	int query = 0;

	memset(u, 0, sizeof(*u));
	q = strchr(p, '?');
	while (*p != '\0') {
		if (!query && q != NULL && p == q) {
			query = 1;
			p++;
			continue;
		}
		end = p + strcspn(p, query ? "&" : ";?");
		if (p11_attr(u, p, (size_t) (end - p), query) < 0) {
			mmhs_pki_err(err, errlen, "PKCS#11 URI: bad or "
			    "unreadable attribute \"%.*s\"", (int) (end - p), p);
			return -1;
		}
		p = *end == ';' || *end == '&' ? end + 1 : end;
	}
	if (u->pu_object[0] == '\0' && u->pu_id_len == 0) {
		mmhs_pki_err(err, errlen, "PKCS#11 URI names no object "
		    "(object= or id=)");
		return -1;
	}
	if (u->pu_module[0] == '\0') {
		const char *m = getenv("MMHS_PKCS11_MODULE");

		snprintf(u->pu_module, sizeof(u->pu_module), "%s",
		    m != NULL && *m != '\0' ? m : P11_DEFAULT_MODULE);
	}
	return 0;
}

/* p11_module - the loaded module of path with its slots, or NULL */
static struct p11_module *
p11_module(const char *path, char *err, size_t errlen)
{
	struct p11_module *m;
	int i;

	for (i = 0; i < P11_MODULES; i++) {
		m = &p11_modules[i];
		if (m->pm_path != NULL && strcmp(m->pm_path, path) == 0)
			return m;
		if (m->pm_path == NULL)
			break;
	}
	if (i == P11_MODULES) {
		mmhs_pki_err(err, errlen, "too many PKCS#11 modules");
		return NULL;
	}
	if ((m->pm_ctx = PKCS11_CTX_new()) == NULL ||
	    PKCS11_CTX_load(m->pm_ctx, path) != 0) {
		mmhs_pki_err(err, errlen, "cannot load PKCS#11 module %s",
		    path);
		goto fail;
	}
	if (PKCS11_enumerate_slots(m->pm_ctx, &m->pm_slots,
	    &m->pm_nslots) != 0) {
		mmhs_pki_err(err, errlen, "%s: cannot list its slots", path);
		PKCS11_CTX_unload(m->pm_ctx);
		goto fail;
	}
	if ((m->pm_path = strdup(path)) == NULL) {
		mmhs_pki_err(err, errlen, "out of memory");
		PKCS11_release_all_slots(m->pm_ctx, m->pm_slots, m->pm_nslots);
		PKCS11_CTX_unload(m->pm_ctx);
		goto fail;
	}
	return m;
fail:
	if (m->pm_ctx != NULL)
		PKCS11_CTX_free(m->pm_ctx);
	memset(m, 0, sizeof(*m));
	ERR_clear_error();
	return NULL;
}

/* p11_match - does the token fit the URI's token attributes? */
static int
p11_match(const PKCS11_TOKEN *t, const struct p11_uri *u)
{
	return t != NULL && t->initialized &&
	    (u->pu_token[0] == '\0' || strcmp(t->label, u->pu_token) == 0) &&
	    (u->pu_serial[0] == '\0' ||
	    strcmp(t->serialnr, u->pu_serial) == 0) &&
	    (u->pu_manufacturer[0] == '\0' ||
	    strcmp(t->manufacturer, u->pu_manufacturer) == 0) &&
	    (u->pu_model[0] == '\0' || strcmp(t->model, u->pu_model) == 0);
}

/* p11_slot - the slot of the URI's token, logged in (read-write) */
static PKCS11_SLOT *
p11_slot(const struct p11_uri *u, char *err, size_t errlen)
{
	struct p11_module *m;
	PKCS11_SLOT *s = NULL;
	unsigned int i;
	int logged = 0;

	if ((m = p11_module(u->pu_module, err, errlen)) == NULL)
		return NULL;
	for (i = 0; i < m->pm_nslots && s == NULL; i++)
		if (p11_match(m->pm_slots[i].token, u))
			s = &m->pm_slots[i];
	if (s == NULL) {
		mmhs_pki_err(err, errlen, "no token \"%s\" in %s", u->pu_token,
		    u->pu_module);
		return NULL;
	}
	if (PKCS11_is_logged_in(s, 0, &logged) == 0 && logged)
		return s;
	if (PKCS11_open_session(s, 1) != 0 && PKCS11_open_session(s, 0) != 0) {
		mmhs_pki_err(err, errlen, "token \"%s\": cannot open a session",
		    s->token->label);
		ERR_clear_error();
		return NULL;
	}
	if (!s->token->loginRequired)
		return s;
	if (!u->pu_has_pin) {
		mmhs_pki_err(err, errlen, "token \"%s\" needs a PIN (pin-value "
		    "or pin-source in the URI)", s->token->label);
		return NULL;
	}
	if (PKCS11_login(s, 0, u->pu_pin) != 0) {
		mmhs_pki_err(err, errlen, "token \"%s\": login refused (wrong "
		    "PIN?)", s->token->label);
		ERR_clear_error();
		return NULL;
	}
	return s;
}

/* p11_names - does an object's label and id fit the URI? */
static int
p11_names(const struct p11_uri *u, const char *label,
    const unsigned char *id, size_t id_len)
{
	if (u->pu_object[0] != '\0' &&
	    (label == NULL || strcmp(label, u->pu_object) != 0))
		return 0;
	return u->pu_id_len == 0 || (id_len == u->pu_id_len &&
	    memcmp(id, u->pu_id, id_len) == 0);
}

/* p11_cert - a copy of the certificate of key (same id) or of the URI */
static X509 *
p11_cert(PKCS11_SLOT *s, PKCS11_KEY *key, const struct p11_uri *u)
{
	PKCS11_CERT *certs, *c = PKCS11_find_certificate(key);
	unsigned int i, n;

	if (c == NULL && PKCS11_enumerate_certs(s->token, &certs, &n) == 0)
		for (i = 0; i < n && c == NULL; i++)
			if (p11_names(u, certs[i].label, certs[i].id,
			    certs[i].id_len))
				c = &certs[i];
	return c != NULL && c->x509 != NULL ? X509_dup(c->x509) : NULL;
}

int
mmhs_pki_p11_load(const char *uri, int need_cert, struct mmhs_cms_id *id,
    char *err, size_t errlen)
{
	struct p11_uri u;
	PKCS11_SLOT *s;
	PKCS11_KEY *keys, *key = NULL;
	unsigned int i, n = 0;
	int rc = -1;

	memset(id, 0, sizeof(*id));
	if (p11_parse(uri, &u, err, errlen) < 0)
		return -1;
	pthread_mutex_lock(&p11_lock);
	if ((s = p11_slot(&u, err, errlen)) == NULL)
		goto done;
	if (PKCS11_enumerate_keys(s->token, &keys, &n) != 0)
		n = 0;
	for (i = 0; i < n && key == NULL; i++)
		if (p11_names(&u, keys[i].label, keys[i].id, keys[i].id_len))
			key = &keys[i];
	if (key == NULL) {
		mmhs_pki_err(err, errlen, "token \"%s\" has no private key "
		    "\"%s\"", s->token->label, u.pu_object);
		goto done;
	}
	if ((id->ci_key = PKCS11_get_private_key(key)) == NULL) {
		mmhs_pki_err(err, errlen, "token \"%s\": key \"%s\" cannot be "
		    "used", s->token->label, u.pu_object);
		goto done;
	}
	id->ci_cert = p11_cert(s, key, &u);
	if (id->ci_cert == NULL && need_cert) {
		mmhs_pki_err(err, errlen, "token \"%s\" has no certificate for "
		    "key \"%s\"", s->token->label, u.pu_object);
		EVP_PKEY_free(id->ci_key);
		id->ci_key = NULL;
		goto done;
	}
	rc = 0;
done:
	pthread_mutex_unlock(&p11_lock);
	ERR_clear_error();
	return rc;
}

int
mmhs_pki_p11_store(const char *uri, EVP_PKEY *key, X509 *cert, char *err,
    size_t errlen)
{
	struct p11_uri u;
	PKCS11_SLOT *s;
	char *label;
	int rc = -1;

	if (p11_parse(uri, &u, err, errlen) < 0)
		return -1;
	label = u.pu_object[0] != '\0' ? u.pu_object : NULL;
	pthread_mutex_lock(&p11_lock);
	if ((s = p11_slot(&u, err, errlen)) == NULL)
		goto done;
	if (key != NULL && PKCS11_store_private_key(s->token, key, label,
	    u.pu_id_len > 0 ? u.pu_id : NULL, u.pu_id_len) != 0) {
		mmhs_pki_err(err, errlen, "token \"%s\": cannot store the "
		    "private key", s->token->label);
		goto done;
	}
	if (cert != NULL && PKCS11_store_certificate(s->token, cert, label,
	    u.pu_id_len > 0 ? u.pu_id : NULL, u.pu_id_len, NULL) != 0) {
		mmhs_pki_err(err, errlen, "token \"%s\": cannot store the "
		    "certificate", s->token->label);
		goto done;
	}
	rc = 0;
done:
	pthread_mutex_unlock(&p11_lock);
	ERR_clear_error();
	return rc;
}
