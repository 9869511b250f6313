/* test_cms.h - the throw-away PKI and file helpers of test_cms
 *
 * test_cms_pki.c makes, in a temporary directory and with the openssl
 * command, a CA "ca" that issues alice, bob, carol (revoked, in the
 * CA's CRL) and dave (expired), and an unrelated CA "rogue" that issues
 * mallory.  Keys are USER.key, certificates USER.pem, CA files ca/ca.pem
 * ca/crl.pem, and both in ca/ca-crl.pem (openssl cms reads CRLs from
 * -CAfile).  Every helper returns -1 / NULL on failure.
 */
#ifndef TEST_CMS_H
#define TEST_CMS_H

#include <stddef.h>

#include <openssl/x509.h>

#include "mmhs_cms.h"

extern char tc_dir[];

int	tc_pki_make(const char *datadir);
void	tc_cleanup(void);
/* A shell command run in tc_dir; its exit status (output to tc.log). */
int	tc_run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int	tc_write(const char *name, const char *data, size_t len);
char   *tc_read(const char *name, size_t *len);
int	tc_id(const char *user, struct mmhs_cms_id *id);
X509   *tc_cert(const char *user);
/* The trust store of "ca": its certificate and, with crl, its CRL. */
X509_STORE *tc_store(int crl);

/* test_cms.c: the parties, the trust store, two labels, helpers */
#include "unit.h"

extern const char t_msg[], t_entity[];
extern struct mmhs_cms_id t_alice, t_bob, t_carol, t_dave, t_mallory;
extern X509_STORE *t_store;
extern unsigned char *t_label, *t_label2;
extern size_t t_label_len, t_label2_len;
int	t_eq(const char *a, size_t alen, const char *b);
char   *t_sign(const struct mmhs_cms_id *id, const struct mmhs_cms_attrs *a,
	    enum mmhs_cms_form form, const char *msg, size_t *len);
enum mmhs_sig_status t_verify(X509_STORE *st, const char *msg, size_t len,
	    struct mmhs_cms_sig *sig, char **out, size_t *outlen);

/* test_cms_ess.c: receipts and the ML expansion history */
extern const struct unit_test cms_ess_tests[3];

#endif
