/* mmhs_pki.h - trust anchors, CRLs, certificates and keys for the agents
 *
 * The directory decides whom a site trusts: its mmhsSite entry names
 * CA entries with mmhsTrustedCA; each CA entry holds cACertificate;binary
 * (the anchor), certificateRevocationList;binary (and
 * authorityRevocationList;binary).  People, roles, lists, agents and
 * gateways hold their certificates in userCertificate;binary (mmhs-ca
 * publishes both).  A trust store is built fresh from the agent's
 * directory cache for each message (a few DER decodes), so a CRL or
 * anchor changed in the directory counts from the next message on.
 *
 * Private keys never go into the directory: an agent is given a key
 * directory (-k) holding, per mail address, ADDR.p12 (PKCS#12; pass
 * phrase in ADDR.pass, else in the file "passphrase", else none) or
 * ADDR.p11 (one line: a PKCS#11 URI, RFC 7512, of a key on a token such
 * as SoftHSM2, with pin-value or pin-source; the module comes from
 * MMHS_PKCS11_MODULE, default Debian's libsofthsm2.so).
 *
 * Nothing logs or exits; -1 or NULL with one line of text in err.
 */
#ifndef MMHS_PKI_H
#define MMHS_PKI_H

#include <stddef.h>
#include <time.h>

#include <openssl/x509.h>

#include "mmhs_cms.h"
#include "mmhs_dircache.h"
#include "mmhs_label.h"

/*
 * The trust store of site site_dn: its anchors and CRLs, with CRL
 * checking of the whole chain on (a certificate without a CRL from its
 * issuer fails as MMHS_SIG_NO_CRL).  Every userCertificate in the cache
 * is not loaded: signers send theirs; _entry_cert finds one by entry.
 * The caller frees the store (X509_STORE_free).
 */
X509_STORE *mmhs_pki_trust(mmhs_dircache_t *dc, const char *site_dn,
	    char *err, size_t errlen);

/* The same from PEM files (tools, tests); crls may be NULL. */
X509_STORE *mmhs_pki_trust_files(const char *const *anchors,
	    const char *const *crls, char *err, size_t errlen);

/*
 * The certificate to encrypt to for a directory entry: of its
 * userCertificate;binary and userSMIMECertificate;binary values, the one
 * valid at now with the latest notBefore whose key usage allows key
 * encipherment.  NULL and a reason when there is none.  Caller frees.
 */
X509   *mmhs_pki_entry_cert(const mmhs_dircache_entry_t *e, time_t now,
	    char *err, size_t errlen);

/*
 * A private key and its certificate from ref: a PKCS#12 file (pass may
 * be NULL) or a "pkcs11:" URI.  id is cleared first.
 */
int	mmhs_pki_load_id(const char *ref, const char *pass,
	    struct mmhs_cms_id *id, char *err, size_t errlen);

/* The key of mail address addr in key directory dir (see above). */
int	mmhs_pki_key_for(const char *dir, const char *addr,
	    struct mmhs_cms_id *id, char *err, size_t errlen);

/*
 * The clearance a certificate carries (RFC 5755 Clearance in the
 * subjectDirectoryAttributes extension; policyId, classList bits as
 * levels of policy p, security categories by OID) as a clearance of p.
 * 1 found, 0 the certificate has none, -1 malformed or not of p.
 */
int	mmhs_pki_cert_clearance(X509 *cert, const struct mmhs_policy *p,
	    struct mmhs_clearance *cl, char *err, size_t errlen);

/* The newest OpenSSL error as one line ("no detail" when there is
 * none); clears the thread's error queue. */
const char *mmhs_pki_ssl_reason(void);

/* The DER of the clearance extension value for mmhs-ca to write. */
int	mmhs_pki_clearance_der(const struct mmhs_policy *p,
	    const struct mmhs_clearance *cl, unsigned char **der,
	    size_t *len, char *err, size_t errlen);

#endif
