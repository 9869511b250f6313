/* mta_auth.c - SMTP AUTH (RFC 4954) through Cyrus SASL
 *
 * Mechanisms PLAIN and LOGIN, offered and accepted only inside TLS
 * (538 5.7.11 before STARTTLS, on every port).  Cyrus SASL runs the
 * mechanism; the password is checked by our SASL_CB_SERVER_USERDB_
 * CHECKPASS callback, which finds the user's entry in the directory
 * cache (by mail, then uid, then the local part of an address as uid)
 * and makes an LDAP simple bind as that DN with the password given, so
 * the directory's own password policy decides.  That bind blocks the
 * event loop for at most MTA_SMTPD_BIND_TIMEOUT seconds: acceptable in
 * this version (a few submissions per second); a later one moves it to
 * a worker thread.
 *
 * After MTA_SMTPD_AUTH_MAX failures the session ends with 421.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <ldap.h>
#include <sasl/saslutil.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mta_smtpd.h"

#define MTA_AUTH_B64_MAX	4096

/* mta_auth_fn - a SASL callback pointer without cast warnings */
typedef int (*mta_auth_fn_t)(void);
#define MTA_AUTH_FN(f)	((mta_auth_fn_t)(void (*)(void))(f))

/* mta_auth_getopt - our SASL options: no config file needed */
static int
mta_auth_getopt(void *ctx, const char *plugin, const char *option,
	const char **result, unsigned *len)
{
	(void) ctx;
	(void) plugin;
	if (strcmp(option, "mech_list") == 0)
		*result = "PLAIN LOGIN";
	else if (strcmp(option, "log_level") == 0)
		*result = "1";
	else
		return SASL_FAIL;
	if (len != NULL)
		*len = (unsigned)strlen(*result);
	return SASL_OK;
}

static sasl_callback_t mta_auth_global[] = {
	{ SASL_CB_GETOPT, MTA_AUTH_FN(mta_auth_getopt), NULL },
	{ SASL_CB_LIST_END, NULL, NULL }
};

/* mta_auth_init - once per process */
int
mta_auth_init(void)
{
	int	rc = sasl_server_init(mta_auth_global, "mmhs-mta");

	if (rc != SASL_OK) {
		mmhs_warn("SASL: %s: AUTH disabled", sasl_errstring(rc, NULL,
		    NULL));
		return -1;
	}
	return 0;
}

void
mta_auth_fini(void)
{
	(void) sasl_server_done();
}

const char *
mta_auth_mechs(void)
{
	return "PLAIN LOGIN";
}

struct mta_auth_find {
	char	*af_dn;
};

static int
mta_auth_find_cb(void *arg, const mmhs_dircache_entry_t *e)
{
	struct mta_auth_find *af = arg;

	af->af_dn = mmhs_strdup(e->de_dn);
	return 1;
}

/* mta_auth_dn - the entry a login name means, or NULL */
static char *
mta_auth_dn(mmhs_dircache_t *c, const char *user)
{
	struct mta_auth_find af = { NULL };
	char	local[MMHS_SMTPCMD_PATH_MAX + 1];
	const char *at;

	(void) mmhs_dircache_find(c, "mail", user, mta_auth_find_cb, &af);
	if (af.af_dn == NULL)
		(void) mmhs_dircache_find(c, "uid", user, mta_auth_find_cb,
		    &af);
	if (af.af_dn == NULL && (at = strrchr(user, '@')) != NULL &&
	    (size_t)(at - user) < sizeof(local)) {
		memcpy(local, user, (size_t)(at - user));
		local[at - user] = '\0';
		(void) mmhs_dircache_find(c, "uid", local, mta_auth_find_cb,
		    &af);
	}
	return af.af_dn;
}

/* mta_auth_bind - LDAP simple bind as dn; 0 when the password is right */
static int
mta_auth_bind(const char *dn, const char *pass, unsigned passlen)
{
	LDAP	*ld = NULL;
	struct berval cred;
	struct timeval tv = { MTA_SMTPD_BIND_TIMEOUT, 0 };
	int	v3 = LDAP_VERSION3, rc;

	if (passlen == 0)	/* an unauthenticated bind would succeed */
		return -1;
	if ((rc = ldap_initialize(&ld, mta_ldap_uris())) != LDAP_SUCCESS)
		return -1;
	ldap_set_option(ld, LDAP_OPT_PROTOCOL_VERSION, &v3);
	ldap_set_option(ld, LDAP_OPT_NETWORK_TIMEOUT, &tv);
	ldap_set_option(ld, LDAP_OPT_TIMEOUT, &tv);
	cred.bv_val = (char *)pass;
	cred.bv_len = passlen;
	rc = ldap_sasl_bind_s(ld, dn, LDAP_SASL_SIMPLE, &cred, NULL, NULL,
	    NULL);
	ldap_unbind_ext_s(ld, NULL, NULL);
	if (rc != LDAP_SUCCESS && rc != LDAP_INVALID_CREDENTIALS)
		mmhs_warn("AUTH: bind as %s: %s", dn, ldap_err2string(rc));
	return rc == LDAP_SUCCESS ? 0 : -1;
}

/* mta_auth_checkpass - SASL's password check, against the directory */
static int
mta_auth_checkpass(sasl_conn_t *conn, void *ctx, const char *user,
	const char *pass, unsigned passlen, struct propctx *props)
{
	struct mta_sess *s = ctx;
	char	*dn;

	(void) conn;
	(void) props;
	if ((dn = mta_auth_dn(s->s_d->d_m->m_cache, user)) == NULL)
		return SASL_NOUSER;
	if (mta_auth_bind(dn, pass, passlen) < 0) {
		mmhs_free(dn);
		return SASL_BADAUTH;
	}
	mmhs_free(s->s_auth_dn_try);
	s->s_auth_dn_try = dn;
	return SASL_OK;
}

/* mta_auth_sess - the session's SASL connection */
int
mta_auth_sess(struct mta_sess *s)
{
	sasl_security_properties_t sp;
	int	rc;

	if (s->s_sasl != NULL)
		return 0;
	s->s_sasl_cbs = mmhs_calloc(2, sizeof(sasl_callback_t));
	s->s_sasl_cbs[0].id = SASL_CB_SERVER_USERDB_CHECKPASS;
	s->s_sasl_cbs[0].proc = MTA_AUTH_FN(mta_auth_checkpass);
	s->s_sasl_cbs[0].context = s;
	s->s_sasl_cbs[1].id = SASL_CB_LIST_END;
	rc = sasl_server_new("smtp", s->s_d->d_m->m_conf.mc_hostname, NULL,
	    NULL, NULL, s->s_sasl_cbs, 0, &s->s_sasl);
	if (rc != SASL_OK)
		return -1;
	memset(&sp, 0, sizeof(sp));
	sp.maxbufsize = 0;		/* no security layer: TLS protects */
	sp.max_ssf = 0;
	(void) sasl_setprop(s->s_sasl, SASL_SEC_PROPS, &sp);
	return 0;
}

/* mta_auth_result - after sasl_server_start or _step */
static void
mta_auth_result(struct mta_sess *s, int rc, const char *out,
	unsigned outlen)
{
	char	b64[MTA_AUTH_B64_MAX];
	const void *user = NULL;
	unsigned len;

	if (rc == SASL_CONTINUE) {
		if (sasl_encode64(out, outlen, b64, sizeof(b64), &len) !=
		    SASL_OK) {
			rc = SASL_FAIL;
		} else {
			s->s_auth_step = 1;
			mta_smtpd_reply(s, "334 %s", b64);
			return;
		}
	}
	s->s_auth_step = 0;
	if (rc == SASL_OK && s->s_auth_dn_try != NULL &&
	    sasl_getprop(s->s_sasl, SASL_USERNAME, &user) == SASL_OK &&
	    user != NULL) {
		s->s_auth_user = mmhs_strdup(user);
		s->s_auth_dn = s->s_auth_dn_try;
		s->s_auth_dn_try = NULL;
		mmhs_info("session %lu: [%s] authenticated as %s (%s)",
		    s->s_id, s->s_addr, s->s_auth_user, s->s_auth_dn);
		mta_smtpd_reply(s, "235 2.7.0 Authentication successful");
		return;
	}
	mmhs_free(s->s_auth_dn_try);
	s->s_auth_dn_try = NULL;
	if (rc == SASL_NOMECH) {
		mta_smtpd_reply(s, "504 5.5.4 Unrecognized authentication "
		    "type");
		return;
	}
	mmhs_info("session %lu: [%s] authentication failed: %s", s->s_id,
	    s->s_addr, sasl_errstring(rc, NULL, NULL));
	mta_smtpd_reply(s, "535 5.7.8 Authentication credentials invalid");
	if (++s->s_auth_fail >= MTA_SMTPD_AUTH_MAX) {
		mta_smtpd_reply(s, "421 4.7.0 Too many failed "
		    "authentications");
		mta_smtpd_close(s);
	}
}

/* mta_auth_decode - base64 of a client response; length or -1 */
static int
mta_auth_decode(const char *in, char *out, size_t outlen)
{
	unsigned len;

	if (strcmp(in, "=") == 0) {	/* RFC 4954: empty initial response */
		out[0] = '\0';
		return 0;
	}
	if (sasl_decode64(in, (unsigned)strlen(in), out, (unsigned)outlen,
	    &len) != SASL_OK)
		return -1;
	return (int)len;
}

/* mta_auth_cmd - AUTH mechanism [initial-response] */
void
mta_auth_cmd(struct mta_sess *s, const char *args)
{
	char	mech[32], in[MTA_AUTH_B64_MAX];
	const char *init, *out = NULL;
	unsigned outlen = 0;
	size_t	n;
	int	len = -1, rc;

	if (!s->s_greeted || !s->s_esmtp) {
		mta_smtpd_reply(s, "503 5.5.1 Send EHLO first");
		return;
	}
	if (s->s_auth_dn != NULL || s->s_has_mail) {
		mta_smtpd_reply(s, "503 5.5.1 %s", s->s_auth_dn != NULL ?
		    "Already authenticated" : "AUTH not allowed during a "
		    "mail transaction");
		return;
	}
	if (!s->s_tls) {
		mta_smtpd_reply(s, "538 5.7.11 Encryption required for "
		    "requested authentication mechanism: use STARTTLS");
		return;
	}
	if (!s->s_d->d_sasl_ok || mta_auth_sess(s) < 0) {
		mta_smtpd_reply(s, "454 4.7.0 Temporary authentication "
		    "failure");
		return;
	}
	n = strcspn(args, " ");
	if (n == 0 || n >= sizeof(mech)) {
		mta_smtpd_reply(s, "501 5.5.4 Syntax: AUTH mechanism");
		return;
	}
	memcpy(mech, args, n);
	mech[n] = '\0';
	init = args[n] == ' ' ? args + n + 1 : NULL;
	if (init != NULL && (len = mta_auth_decode(init, in,
	    sizeof(in))) < 0) {
		mta_smtpd_reply(s, "501 5.5.2 Cannot decode the initial "
		    "response");
		return;
	}
	rc = sasl_server_start(s->s_sasl, mech, init != NULL ? in : NULL,
	    init != NULL ? (unsigned)len : 0, &out, &outlen);
	mta_auth_result(s, rc, out, outlen);
}

/* mta_auth_line - a client response inside an AUTH exchange */
void
mta_auth_line(struct mta_sess *s, const char *line)
{
	char	in[MTA_AUTH_B64_MAX];
	const char *out = NULL;
	unsigned outlen = 0;
	int	len, rc;

	if (strcmp(line, "*") == 0) {
		s->s_auth_step = 0;
		mta_smtpd_reply(s, "501 5.0.0 AUTH aborted");
		return;
	}
	if ((len = mta_auth_decode(line, in, sizeof(in))) < 0) {
		s->s_auth_step = 0;
		mta_smtpd_reply(s, "501 5.5.2 Cannot decode the response");
		return;
	}
	rc = sasl_server_step(s->s_sasl, in, (unsigned)len, &out, &outlen);
	mta_auth_result(s, rc, out, outlen);
}
