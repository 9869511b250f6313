/* mmhs_pki_int.h - what the files of lib/mmhs_pki* share (not an API) */
#ifndef MMHS_PKI_INT_H
#define MMHS_PKI_INT_H

#include <stddef.h>

#include "mmhs_pki.h"

void	mmhs_pki_err(char *err, size_t errlen, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* The last OpenSSL error as text (thread-local buffer); clears the queue. */

/*
 * PKCS#11 (libp11; module from MMHS_PKCS11_MODULE or the URI's
 * module-path).  _load: the key named by uri and the certificate of the
 * same id or label on the token (need_cert 0: none is fine; mmhs-ca
 * before it made the CA certificate).  The module stays loaded for the
 * life of the process: the key is only a handle into it.  _store puts a
 * certificate (and, when key is not NULL, a private key made outside)
 * on the token under the URI's object label and id.
 */
int	mmhs_pki_p11_load(const char *uri, int need_cert,
	    struct mmhs_cms_id *id, char *err, size_t errlen);
int	mmhs_pki_p11_store(const char *uri, EVP_PKEY *key, X509 *cert,
	    char *err, size_t errlen);

#endif
