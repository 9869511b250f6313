/* store_auth.c - who is asking: HTTP Basic credentials checked by the directory
 *
 * The user name is a uid, a mail address or a DN; the directory cache
 * turns it into exactly one entry (none or several: refused).  The
 * password is then checked by the directory itself, with a simple bind
 * as that entry on a connection of its own (the store never sees or
 * keeps anyone's password hash).  An empty password is refused before
 * the bind: RFC 4513 section 5.1.2 makes a bind with a DN and no
 * password an unauthenticated bind that succeeds.
 *
 * A successful check is remembered for STORE_AUTH_TTL_S, keyed by the
 * DN and a SHA-256 of a per-process random salt, the DN and the
 * password, so that a client paging through a mailbox does not cost a
 * bind per request and the memory of the process holds no password.  A
 * password changed in the directory is still accepted until its slot
 * expires; a failed check is never remembered.  Access decisions are
 * not made here and not cached anywhere (store_auth_access.c).
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include <ldap.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "store.h"

#define AUTH_HASH_LEN	32

struct auth_slot {
	char   *as_dn;			/* as the directory writes it */
	unsigned char as_hash[AUTH_HASH_LEN];
	time_t	as_until;		/* 0: empty */
};

struct store_auth {
	struct store *au_st;
	pthread_mutex_t au_mu;
	unsigned char au_salt[16];
	struct auth_slot au_slot[STORE_AUTH_SLOTS];
};

struct store_auth *
store_auth_new(struct store *st)
{
	struct store_auth *au = mmhs_calloc(1, sizeof(*au));

	au->au_st = st;
	pthread_mutex_init(&au->au_mu, NULL);
	if (getrandom(au->au_salt, sizeof(au->au_salt), 0) !=
	    (ssize_t) sizeof(au->au_salt))
		mmhs_fatal("no random numbers for the password cache: %m");
	return au;
}

void
store_auth_free(struct store_auth *au)
{
	size_t	i;

	if (au == NULL)
		return;
	for (i = 0; i < STORE_AUTH_SLOTS; i++)
		mmhs_free(au->au_slot[i].as_dn);
	pthread_mutex_destroy(&au->au_mu);
	OPENSSL_cleanse(au, sizeof(*au));
	mmhs_free(au);
}

/* auth_hash - SHA-256 of salt, DN, NUL, password */
static int
auth_hash(const struct store_auth *au, const char *dn, const char *pw,
	unsigned char *out)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	unsigned n = 0;
	int	ok;

	ok = ctx != NULL && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) &&
	    EVP_DigestUpdate(ctx, au->au_salt, sizeof(au->au_salt)) &&
	    EVP_DigestUpdate(ctx, dn, strlen(dn) + 1) &&
	    EVP_DigestUpdate(ctx, pw, strlen(pw)) &&
	    EVP_DigestFinal_ex(ctx, out, &n) && n == AUTH_HASH_LEN;
	EVP_MD_CTX_free(ctx);
	return ok ? 0 : -1;
}

/* auth_remembered - a live slot for dn and this password? */
static int
auth_remembered(struct store_auth *au, const char *dn,
	const unsigned char *hash)
{
	time_t	now = time(NULL);
	size_t	i;
	int	yes = 0;

	pthread_mutex_lock(&au->au_mu);
	for (i = 0; i < STORE_AUTH_SLOTS && !yes; i++)
		yes = au->au_slot[i].as_until > now &&
		    CRYPTO_memcmp(au->au_slot[i].as_hash, hash,
		    AUTH_HASH_LEN) == 0 &&
		    strcmp(au->au_slot[i].as_dn, dn) == 0;
	pthread_mutex_unlock(&au->au_mu);
	return yes;
}

/* auth_remember - keep a verified password's hash, in the oldest slot */
static void
auth_remember(struct store_auth *au, const char *dn,
	const unsigned char *hash)
{
	struct auth_slot *s = &au->au_slot[0];
	size_t	i;

	pthread_mutex_lock(&au->au_mu);
	for (i = 1; i < STORE_AUTH_SLOTS; i++)
		if (au->au_slot[i].as_until < s->as_until)
			s = &au->au_slot[i];
	mmhs_free(s->as_dn);
	s->as_dn = mmhs_strdup(dn);
	memcpy(s->as_hash, hash, AUTH_HASH_LEN);
	s->as_until = time(NULL) + STORE_AUTH_TTL_S;
	pthread_mutex_unlock(&au->au_mu);
}

/* auth_bind - 1: the directory took the password, 0: it did not, -1: it
 * could not be asked (why says so) */
static int
auth_bind(struct store *st, const char *dn, const char *pw, char *why,
	size_t whylen)
{
	LDAP	*ld = NULL;
	struct berval cred;
	struct timeval tv = { STORE_LDAP_TIMEOUT_S, 0 };
	int	v3 = LDAP_VERSION3, rc;

	if ((rc = ldap_initialize(&ld, st->st_agent.ag_uris)) !=
	    LDAP_SUCCESS) {
		snprintf(why, whylen, "directory: %s", ldap_err2string(rc));
		return -1;
	}
	ldap_set_option(ld, LDAP_OPT_PROTOCOL_VERSION, &v3);
	ldap_set_option(ld, LDAP_OPT_NETWORK_TIMEOUT, &tv);
	ldap_set_option(ld, LDAP_OPT_TIMEOUT, &tv);
	cred.bv_val = (char *) pw;
	cred.bv_len = strlen(pw);
	rc = ldap_sasl_bind_s(ld, dn, LDAP_SASL_SIMPLE, &cred, NULL, NULL,
	    NULL);
	ldap_unbind_ext_s(ld, NULL, NULL);
	if (rc == LDAP_SUCCESS)
		return 1;
	snprintf(why, whylen, "bind as %s: %s", dn, ldap_err2string(rc));
	return rc == LDAP_INVALID_CREDENTIALS || rc ==
	    LDAP_INAPPROPRIATE_AUTH || rc == LDAP_UNWILLING_TO_PERFORM ? 0 : -1;
}

struct auth_find {
	char   *af_dn;
	int	af_n;
};

static int
auth_found(void *arg, const mmhs_dircache_entry_t *e)
{
	struct auth_find *af = arg;

	if (af->af_n++ == 0)
		af->af_dn = mmhs_strdup(e->de_dn);
	return af->af_n > 1;
}

/* auth_user_dn - uid, mail or DN -> the one entry's DN (caller frees) */
static char *
auth_user_dn(struct store *st, const char *user, char *why, size_t whylen)
{
	mmhs_dircache_entry_t *e;
	struct auth_find af = { NULL, 0 };
	char	*dn = NULL;

	if (strchr(user, '=') != NULL)
		e = mmhs_dircache_by_dn(st->st_agent.ag_cache, user);
	else if (strchr(user, '@') != NULL)
		e = mmhs_agent_entry_for(&st->st_agent, user, NULL, 0);
	else {
		(void) mmhs_dircache_find(st->st_agent.ag_cache, "uid", user,
		    auth_found, &af);
		if (af.af_n == 1)
			return af.af_dn;
		mmhs_free(af.af_dn);
		snprintf(why, whylen, af.af_n == 0 ? "no entry with uid %s" :
		    "several entries with uid %s", user);
		return NULL;
	}
	if (e == NULL) {
		snprintf(why, whylen, "no entry for %s", user);
		return NULL;
	}
	dn = mmhs_strdup(e->de_dn);
	mmhs_dircache_entry_free(e);
	return dn;
}

char *
store_auth_check(struct store_auth *au, const char *user,
	const char *password, int *unavailable, char *why, size_t whylen)
{
	unsigned char hash[AUTH_HASH_LEN];
	char	*dn;
	int	ok;

	*unavailable = 0;
	if (*user == '\0' || *password == '\0') {
		snprintf(why, whylen, "empty user name or password");
		return NULL;
	}
	if ((dn = auth_user_dn(au->au_st, user, why, whylen)) == NULL)
		return NULL;
	if (auth_hash(au, dn, password, hash) < 0) {
		snprintf(why, whylen, "SHA-256 failed");
		mmhs_free(dn);
		return NULL;
	}
	if (auth_remembered(au, dn, hash))
		return dn;
	if ((ok = auth_bind(au->au_st, dn, password, why, whylen)) <= 0) {
		if (ok < 0) {
			mmhs_warn("cannot check a password: %s", why);
			*unavailable = 1;
		}
		mmhs_free(dn);
		return NULL;
	}
	auth_remember(au, dn, hash);
	return dn;
}
