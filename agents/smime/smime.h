/* smime.h - mmhs-smime, the S/MIME tool: what its parts share
 *
 * The commands (smime_main.c, smime_verify.c) work on a whole message
 * read from standard input and write a whole message to standard output
 * (or -o FILE); all cryptography is lib/mmhs_cms and lib/mmhs_pki.  The
 * helpers here never return on failure: they print one line
 * "mmhs-smime: ..." and exit with SMIME_EXIT_INPUT (bad input, a file or
 * key that cannot be used) so a caller loses nothing silently.
 */
#ifndef SMIME_H
#define SMIME_H

#include <stddef.h>
#include <stdio.h>

#include "mmhs_cms.h"

#define SMIME_EXIT_OK		0
#define SMIME_EXIT_FAILED	1	/* a signature or receipt failed */
#define SMIME_EXIT_INPUT	2	/* usage, bad input, unusable file */

#define SMIME_NFILES		16	/* -k, -r, --ca, --crl of one command */

/* The command line, as parsed by smime_main.c. */
struct smime_opts {
	const char *so_keys[SMIME_NFILES];	/* -k: .p12 or pkcs11: URI */
	int	so_nkeys;
	const char *so_passfile;		/* -p */
	const char *so_rcpts[SMIME_NFILES];	/* -r: certificates */
	int	so_nrcpts;
	const char *so_ca[SMIME_NFILES];	/* --ca */
	int	so_nca;
	const char *so_crl[SMIME_NFILES];	/* --crl */
	int	so_ncrl;
	const char *so_label;		/* POLICY-OID:CLASS[:CATOID...] */
	const char *so_mark;		/* --privacy-mark */
	int	so_receipt_request;
	const char *so_receipts_to[MMHS_CMS_RECEIPTS_TO_MAX + 1];
	int	so_nreceipts_to;
	int	so_clear;
	const char *so_from;		/* receipt: our address */
	const char *so_original;	/* verify-receipt: the original */
	const char *so_out;		/* -o: where the result goes */
};

/* smime_io.c */
void	smime_die(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2), noreturn));
char   *smime_read_fd(FILE *fp, const char *what, size_t *len);
char   *smime_read_file(const char *path, size_t *len);
void	smime_write(const char *path, const char *buf, size_t len);
int	smime_load_ids(const struct smime_opts *o, struct mmhs_cms_id **ids);
void	smime_free_ids(struct mmhs_cms_id *ids, int n);
STACK_OF(X509) *smime_load_certs(const char *const *paths, int n);
X509_STORE *smime_trust(const struct smime_opts *o);

/* smime_label.c */
void	smime_label_der(const char *spec, const char *mark,
	    unsigned char **der, size_t *len);
void	smime_print_sig(FILE *fp, const struct mmhs_cms_sig *sig);

/* smime_verify.c */
int	smime_verify(const struct smime_opts *o);
int	smime_receipt(const struct smime_opts *o);
int	smime_verify_receipt(const struct smime_opts *o);

#endif
