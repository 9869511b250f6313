/* mta_tls.c - STARTTLS for the receiving side (RFC 3207)
 *
 * mta_tls_ctx() makes the server context from -C cert -K key (PEM
 * files); without them it uses SPOOL/tls/cert.pem and key.pem, and
 * when those do not exist it generates a self-signed P-256 certificate
 * there at start (so a test site has TLS with no set-up; a real site
 * gives its own certificate).  NULL when no context can be made: the
 * MTA then does not offer STARTTLS (and so no AUTH).
 *
 * mta_tls_start() puts an OpenSSL filter bufferevent over the session's
 * socket after "220 Ready": the 220 leaves in clear before the first
 * TLS record, and what the client pipelined after STARTTLS is dropped
 * unread (RFC 3207 4.2, the command-injection rule).
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/bufferevent_ssl.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "mmhs_log.h"
#include "mta_smtpd.h"

/* mta_tls_write_pem - write a key or certificate file, mode 0600 */
static int
mta_tls_write_pem(const char *path, EVP_PKEY *key, X509 *crt)
{
	FILE	*fp;
	int	fd, ok;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0 ||
	    (fp = fdopen(fd, "w")) == NULL) {
		if (fd >= 0)
			close(fd);
		mmhs_warn("%s: %m", path);
		return -1;
	}
	ok = key != NULL ? PEM_write_PrivateKey(fp, key, NULL, NULL, 0, NULL,
	    NULL) : PEM_write_X509(fp, crt);
	if (fclose(fp) != 0 || !ok) {
		mmhs_warn("%s: cannot write", path);
		return -1;
	}
	return 0;
}

/* mta_tls_selfsigned - a P-256 key and a one-year certificate */
static int
mta_tls_selfsigned(const char *cert, const char *key)
{
	EVP_PKEY *pk = EVP_EC_gen("P-256");
	X509	*x = X509_new();
	X509_NAME *n;
	char	host[256];
	int	rc = -1;

	if (pk == NULL || x == NULL)
		goto done;
	if (gethostname(host, sizeof(host)) != 0)
		snprintf(host, sizeof(host), "localhost");
	host[sizeof(host) - 1] = '\0';
	ASN1_INTEGER_set(X509_get_serialNumber(x), (long)time(NULL));
	X509_gmtime_adj(X509_getm_notBefore(x), 0);
	X509_gmtime_adj(X509_getm_notAfter(x), 365L * 24 * 3600);
	X509_set_pubkey(x, pk);
	n = X509_get_subject_name(x);
	X509_NAME_add_entry_by_txt(n, "CN", MBSTRING_ASC,
	    (const unsigned char *)host, -1, -1, 0);
	X509_set_issuer_name(x, n);
	if (X509_sign(x, pk, EVP_sha256()) == 0)
		goto done;
	if (mta_tls_write_pem(key, pk, NULL) == 0 &&
	    mta_tls_write_pem(cert, NULL, x) == 0)
		rc = 0;
	mmhs_info("generated a self-signed TLS certificate in %s", cert);
done:
	EVP_PKEY_free(pk);
	X509_free(x);
	return rc;
}

/* mta_tls_ctx - the server context, or NULL */
SSL_CTX *
mta_tls_ctx(const char *cert, const char *key, const char *spool)
{
	char	dcert[1100], dkey[1100], dir[1024];
	SSL_CTX	*ctx;

	if (cert == NULL || key == NULL) {
		snprintf(dir, sizeof(dir), "%s/tls", spool);
		snprintf(dcert, sizeof(dcert), "%s/cert.pem", dir);
		snprintf(dkey, sizeof(dkey), "%s/key.pem", dir);
		cert = dcert;
		key = dkey;
		if (access(cert, R_OK) != 0 || access(key, R_OK) != 0) {
			(void) mkdir(dir, 0700);
			if (mta_tls_selfsigned(cert, key) < 0)
				return NULL;
		}
	}
	if ((ctx = SSL_CTX_new(TLS_server_method())) == NULL)
		return NULL;
	SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
	if (SSL_CTX_use_certificate_chain_file(ctx, cert) != 1 ||
	    SSL_CTX_use_PrivateKey_file(ctx, key, SSL_FILETYPE_PEM) != 1 ||
	    SSL_CTX_check_private_key(ctx) != 1) {
		mmhs_warn("TLS: %s / %s: %s", cert, key,
		    ERR_reason_error_string(ERR_get_error()));
		SSL_CTX_free(ctx);
		return NULL;
	}
	return ctx;
}

/* mta_tls_start - switch the session to TLS after "220 Ready" */
int
mta_tls_start(struct mta_sess *s)
{
	struct bufferevent *under = s->s_bev, *bev;
	SSL	*ssl;

	/* RFC 3207 4.2: nothing sent before the handshake is a command */
	evbuffer_drain(bufferevent_get_input(under),
	    evbuffer_get_length(bufferevent_get_input(under)));
	if ((ssl = SSL_new(s->s_d->d_ssl)) == NULL)
		return -1;
	bev = bufferevent_openssl_filter_new(s->s_d->d_m->m_base, under, ssl,
	    BUFFEREVENT_SSL_ACCEPTING, BEV_OPT_CLOSE_ON_FREE);
	if (bev == NULL) {
		SSL_free(ssl);
		return -1;
	}
	s->s_tls = 1;
	mta_smtpd_sess_cb(s, bev);
	if (s->s_sasl != NULL) {
		sasl_ssf_t ssf = 128;

		(void) sasl_setprop(s->s_sasl, SASL_SSF_EXTERNAL, &ssf);
	}
	return 0;
}
