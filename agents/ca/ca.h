/* ca.h - mmhs-ca, the site's command-line CA and RA (see doc/mmhs-ca.8)
 *
 * The CA directory (-d) is the CA's whole state: ca.conf (directory
 * URI, bind DN and password file, the CA entry, the PKCS#11 URI of the
 * key when it is on a token), ca.pem and ca.p12 (or the token), the
 * certificate index, the request list, issued/SERIAL.pem, certs/ADDR.pem
 * (the current certificate of each address) and crl.pem.  Every file is
 * replaced whole (temporary file, fsync, rename), and a run holds an
 * exclusive lock on CADIR/lock, so a crash or a second run never leaves
 * a half-written state.  Failures print one line and exit 1.
 */
#ifndef CA_H
#define CA_H

#include <stddef.h>
#include <time.h>

#include <ldap.h>
#include <openssl/x509.h>

#include "mmhs_cms.h"
#include "mmhs_pki.h"
#include "mmhs_label.h"

#define CA_LINE_MAX	4096
#define CA_DN_MAX	1024
#define CA_ADDR_MAX	256

struct ca_conf {
	char	cc_uri[CA_LINE_MAX];
	char	cc_bind_dn[CA_DN_MAX];
	char	cc_pwfile[CA_LINE_MAX];
	char	cc_entry[CA_DN_MAX];	/* the CA's directory entry */
	char	cc_pkcs11[CA_LINE_MAX];	/* "" : key in ca.p12 */
	int	cc_days;		/* end-entity validity */
	int	cc_crl_days;		/* nextUpdate of the CRLs */
};

/* One certificate of the index. */
enum ca_cert_state { CA_VALID = 'V', CA_REVOKED = 'R' };
struct ca_cert {
	char	ce_serial[64];		/* hex, as openssl prints it */
	int	ce_state;
	time_t	ce_not_after;
	time_t	ce_revoked;
	int	ce_reason;		/* CRL reason code */
	char	ce_addr[CA_ADDR_MAX];
	char	ce_dn[CA_DN_MAX];
};

/* One request of the RA. */
struct ca_req {
	unsigned long cr_id;
	char	cr_state[16];		/* pending approved rejected */
	time_t	cr_time;
	char	cr_dn[CA_DN_MAX];
	char	cr_csr[CA_LINE_MAX];	/* CSR file kept in CADIR, or "-" */
	char	cr_note[512];		/* serial issued, or why rejected */
};

struct ca {
	const char *ca_dir;
	struct ca_conf ca_conf;
	LDAP   *ca_ld;
	struct mmhs_cms_id ca_id;	/* the CA's key and certificate */
	struct ca_cert *ca_certs;
	size_t	ca_ncerts;
	struct ca_req *ca_reqs;
	size_t	ca_nreqs;
	int	ca_lock_fd;
};

/* An entry to certify, as read from the directory. */
struct ca_holder {
	char	ch_dn[CA_DN_MAX];
	char	ch_addr[CA_ADDR_MAX];
	char	ch_clearance[CA_LINE_MAX];	/* "" when none */
};

/* ca.c */
struct ca_opt {
	const char *co_name;		/* "--for" */
	const char **co_val;		/* set when given */
};
int	ca_opts(int argc, char **argv, const struct ca_opt *opts,
	    const char **pos, int maxpos);
void	ca_die(const char *fmt, ...) __attribute__((format(printf, 1, 2),
	    noreturn));

/* ca_db.c - the CA directory */
void	ca_db_open(struct ca *ca, const char *dir, int create);
void	ca_db_close(struct ca *ca);
int	ca_db_write(const char *path, const void *data, size_t len, int mode,
	    char *err, size_t errlen);
void	ca_db_save_conf(struct ca *ca);
void	ca_db_save_certs(struct ca *ca);
void	ca_db_save_reqs(struct ca *ca);
struct ca_cert *ca_db_cert(struct ca *ca, const char *serial);
struct ca_cert *ca_db_current(struct ca *ca, const char *dn, time_t now);
struct ca_cert *ca_db_add_cert(struct ca *ca);
struct ca_req *ca_db_req(struct ca *ca, unsigned long id);
struct ca_req *ca_db_add_req(struct ca *ca);
void	ca_db_next_serial(struct ca *ca, char *buf, size_t len);
void	ca_db_load_key(struct ca *ca);
char   *ca_db_path(const struct ca *ca, const char *name);
int	ca_db_random_pass(char *buf, size_t len);

/* ca_ldap.c - the directory */
void	ca_ldap_bind(struct ca *ca);
int	ca_ldap_holder(struct ca *ca, const char *dn, struct ca_holder *h,
	    char *err, size_t errlen);
typedef int (*ca_holder_fn)(struct ca *ca, const struct ca_holder *h,
	    void *arg);
int	ca_ldap_holders(struct ca *ca, const char *base, ca_holder_fn fn,
	    void *arg);
int	ca_ldap_publish_cert(struct ca *ca, const char *dn, X509 *x,
	    X509 *old, char *err, size_t errlen);
int	ca_ldap_publish_ca(struct ca *ca, X509 *cacert, X509_CRL *crl,
	    char *err, size_t errlen);
int	ca_ldap_policy(struct ca *ca, const char *oid, struct mmhs_policy *p,
	    char *err, size_t errlen);
int	ca_ldap_exists(struct ca *ca, const char *dn, char *err,
	    size_t errlen);
int	ca_ldap_base(struct ca *ca, char *base, size_t len);

/* ca_cert.c - keys, certificates, CRLs */
EVP_PKEY *ca_cert_newkey(void);
X509   *ca_cert_selfsigned(EVP_PKEY *key, const char *subject, int days,
	    char *err, size_t errlen);
X509   *ca_cert_issue(struct ca *ca, const struct ca_holder *h,
	    EVP_PKEY *pub, const char *serial, char *err, size_t errlen);
X509_CRL *ca_cert_crl(struct ca *ca, char *err, size_t errlen);
int	ca_cert_write_p12(const char *path, const char *pass, EVP_PKEY *key,
	    X509 *x, X509 *cacert, const char *name, char *err, size_t errlen);
int	ca_cert_write_pem(const char *path, X509 *x, char *err,
	    size_t errlen);
EVP_PKEY *ca_cert_csr_key(const char *path, char *err, size_t errlen);

/* ca_keys.c - n RSA keys made on every CPU at once; NULL on failure */
EVP_PKEY **ca_keys_make(size_t n);

/* ca_pool.c - the keys of the holders todo[0..ntodo) from the key pool
 * DIR (made there when missing), numbered by their places among the
 * site's addresses all[0..nall); NULL with err set on failure */
EVP_PKEY **ca_pool_keys(const char *dir, char **all, size_t nall,
	    const struct ca_holder *todo, size_t ntodo, char *err,
	    size_t errlen);

/* ca_cmd.c, ca_ra.c, ca_issue.c - the commands */
int	ca_cmd_init(struct ca *ca, int argc, char **argv);
int	ca_cmd_request(struct ca *ca, int argc, char **argv);
int	ca_cmd_approve(struct ca *ca, int argc, char **argv);
int	ca_cmd_reject(struct ca *ca, int argc, char **argv);
int	ca_cmd_issue(struct ca *ca, int argc, char **argv);
int	ca_cmd_issue_all(struct ca *ca, int argc, char **argv);
int	ca_cmd_revoke(struct ca *ca, int argc, char **argv);
int	ca_cmd_crl(struct ca *ca, int argc, char **argv);
int	ca_cmd_renew(struct ca *ca, int argc, char **argv);
int	ca_cmd_list(struct ca *ca, int argc, char **argv);

/* ca_issue.c - issue for one holder (the key made here unless csr) */
struct ca_keyout {
	const char *ko_keydir;		/* NULL: no key file (CSR) */
	const char *ko_pkcs11;		/* token URI for the key, or NULL */
	const char *ko_csr;		/* CSR file: the holder's own key */
	int	ko_replace;		/* renew: revoke-free replacement */
	EVP_PKEY *ko_key;		/* made beforehand (issue-all), or
					 * NULL: made here */
};
int	ca_issue_one(struct ca *ca, const struct ca_holder *h,
	    const struct ca_keyout *ko, char *serial, size_t slen, char *err,
	    size_t errlen);
int	ca_issue_request(struct ca *ca, struct ca_req *r, const char *keydir,
	    const char *pkcs11, char *serial, size_t slen);
int	ca_publish_crl(struct ca *ca, char *err, size_t errlen);

#endif
