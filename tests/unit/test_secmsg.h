/* test_secmsg.h - what the unit tests of lib/mmhs_secmsg share with
 * their kit (test_secmsg_kit.c: keys made by the openssl command, the
 * sample policies, messages made with lib/mmhs_cms, hand-made entries)
 */
#ifndef TEST_SECMSG_H
#define TEST_SECMSG_H

#include <stddef.h>

#include "mmhs_cms.h"
#include "mmhs_dircache.h"
#include "mmhs_secmsg.h"

#define NAT	"2.25.59028202126315117165413111612054445617.6.1"
#define NATO	"2.25.59028202126315117165413111612054445617.6.2"

extern char t_dir[512];
extern struct mmhs_policy t_pol_nat, t_pol_nato;
extern X509_STORE *t_trust;		/* the CA and its CRL */
extern X509_STORE *t_trust_none;	/* another CA: our signers unknown */
extern struct mmhs_cms_id t_alice, t_mallory, t_bob;

/* An entry made by hand: DN, mmhsClearance, userCertificate;binary. */
struct t_entry {
	mmhs_dircache_entry_t e;
	mmhs_dircache_attr_t a[2];
	char   *v[2];
	size_t	l[2];
	unsigned char *der;
};

/* The policies, built from the sample's values. */
void	t_build(struct mmhs_policy *p, const char *oid,
	    const char *const *v);
void	t_build_all(void);
/* mmhs_secmsg_policy_fn over the two policies. */
int	t_policy(void *arg, const char *oid, struct mmhs_policy *p,
	    char *err, size_t errlen);
/* A shell command run in t_dir; 0 or -1. */
int	t_sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Makes the keys and trust stores in t_dir; 0 or -1. */
int	t_keys(void);
/* A plain message (malloc'd) with an SIO-Label field when sio is set. */
char   *t_plain(const char *sio);
/* An ESS label's DER of policy oid, level and one category (or NULL). */
unsigned char *t_label_der(const char *oid, int level, const char *cat,
	    size_t *len);
/* t_plain(sio) signed by id with an ESS label (oid NULL: none). */
char   *t_signed(const struct mmhs_cms_id *id, const char *sio,
	    const char *oid, int level, const char *cat,
	    enum mmhs_cms_form form, size_t *len);
/* mmhs_secmsg_inspect with trust, bob's key and the national policy. */
int	t_inspect(X509_STORE *trust, const char *msg, size_t len,
	    struct mmhs_secmsg *sm, char *why, size_t whylen);
/* An entry cn=bob,o=x with the clearance (NULL none) and, when
 * with_cert, bob's certificate. */
void	t_entry(struct t_entry *te, const char *clearance, int with_cert);

#endif
