/* smime_verify.c - mmhs-smime verify, receipt and verify-receipt
 *
 * verify opens a message layer by layer, from the outside in, and
 * prints each: a signature's status, signer, label, receipt request and
 * mail list expansion history; an enveloped layer is opened with the
 * first -k key it was encrypted for.  Exit 0 only when at least one
 * signature was met, every signature met verified and every layer was
 * opened; otherwise 1 (a layer that cannot be read at all is bad input,
 * 2).  The innermost message reached goes to -o FILE.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmhs_alloc.h"
#include "mmhs_pki.h"
#include "smime.h"

struct smime_walk {
	X509_STORE *sw_trust;
	struct mmhs_cms_id *sw_ids;
	int	sw_nids;
	int	sw_nsig;
	int	sw_failed;		/* a signature failed, a layer closed */
	int	sw_label_layer;		/* innermost signature with a label */
};

/* smime_layer - print and open one layer; 1 opened, 0 innermost, -1 stop */
static int
smime_layer(struct smime_walk *w, int depth, char **msg, size_t *len)
{
	struct mmhs_cms_sig sig;
	char *out = NULL, err[256];
	size_t outlen = 0;
	int rc;

	switch (mmhs_cms_kind(*msg, *len)) {
	case MMHS_CMS_NONE:
		return 0;
	case MMHS_CMS_SIGNED:
		memset(&sig, 0, sizeof(sig));
		if (mmhs_cms_verify(w->sw_trust, 0, *msg, *len, &sig, &out,
		    &outlen, err, sizeof(err)) != 0)
			smime_die("layer %d: signed-data that cannot be read: "
			    "%s", depth, err);
		printf("layer %d: signed\n", depth);
		smime_print_sig(stdout, &sig);
		w->sw_nsig++;
		if (sig.cs_status != MMHS_SIG_OK)
			w->sw_failed = 1;
		if (sig.cs_label != NULL)
			w->sw_label_layer = depth;
		mmhs_cms_sig_free(&sig);
		break;
	case MMHS_CMS_ENVELOPED:
		printf("layer %d: encrypted\n", depth);
		rc = mmhs_cms_decrypt(w->sw_ids, w->sw_nids, *msg, *len, &out,
		    &outlen, err, sizeof(err));
		if (rc != 0) {
			printf("  status: not decrypted (%s)\n", err);
			w->sw_failed = 1;
			return -1;
		}
		printf("  status: decrypted\n");
		break;
	case MMHS_CMS_RECEIPT:
		printf("layer %d: signed receipt (check it with "
		    "verify-receipt)\n", depth);
		w->sw_failed = 1;
		return -1;
	default:
		smime_die("layer %d: a CMS type this tool does not handle "
		    "(certs-only or compressed?)", depth);
	}
	free(*msg);
	*msg = out;
	*len = outlen;
	return 1;
}

int
smime_verify(const struct smime_opts *o)
{
	struct smime_walk w;
	char *msg;
	size_t len;
	int depth, rc = 1;

	memset(&w, 0, sizeof(w));
	w.sw_trust = smime_trust(o);
	w.sw_nids = smime_load_ids(o, &w.sw_ids);
	msg = smime_read_fd(stdin, "standard input", &len);
	for (depth = 1; depth <= MMHS_CMS_LAYERS_MAX &&
	    (rc = smime_layer(&w, depth, &msg, &len)) == 1; depth++)
		;
	if (rc == 1)
		smime_die("more than %d S/MIME layers: refused",
		    MMHS_CMS_LAYERS_MAX);
	if (w.sw_label_layer > 0)
		printf("label of the message: the one of layer %d\n",
		    w.sw_label_layer);
	if (w.sw_nsig == 0 && !w.sw_failed)
		printf("result: NOT verified: the message is not signed\n");
	else
		printf("result: %s\n", w.sw_failed ? "NOT verified" :
		    "verified");
	if (o->so_out != NULL)
		smime_write(o->so_out, msg, len);
	free(msg);
	smime_free_ids(w.sw_ids, w.sw_nids);
	X509_STORE_free(w.sw_trust);
	return w.sw_nsig > 0 && !w.sw_failed ? SMIME_EXIT_OK :
	    SMIME_EXIT_FAILED;
}

/* smime_receipt - the signed receipt a recipient sends back */
int
smime_receipt(const struct smime_opts *o)
{
	X509_STORE *trust = smime_trust(o);
	struct mmhs_cms_id *ids;
	char *msg, *out = NULL, err[256];
	size_t len, outlen = 0;
	int nids;

	if (o->so_from == NULL)
		smime_die("receipt: give --from ADDR, the recipient's address");
	if ((nids = smime_load_ids(o, &ids)) == 0)
		smime_die("receipt: give -k KEY, the recipient's key");
	msg = smime_read_fd(stdin, "standard input", &len);
	if (mmhs_cms_receipt(trust, &ids[0], ids, nids, o->so_from, msg, len,
	    &out, &outlen, err, sizeof(err)) != 0) {
		fprintf(stderr, "mmhs-smime: no receipt: %s\n", err);
		free(msg);
		smime_free_ids(ids, nids);
		X509_STORE_free(trust);
		return SMIME_EXIT_FAILED;
	}
	smime_write(o->so_out, out, outlen);
	free(out);
	free(msg);
	smime_free_ids(ids, nids);
	X509_STORE_free(trust);
	return SMIME_EXIT_OK;
}

/* smime_verify_receipt - does a receipt acknowledge our original? */
int
smime_verify_receipt(const struct smime_opts *o)
{
	X509_STORE *trust = smime_trust(o);
	struct mmhs_cms_sig sig;
	char *rcpt, *orig, err[256];
	size_t rlen, olen;
	int rc;

	if (o->so_original == NULL)
		smime_die("verify-receipt: give --original FILE, the message "
		    "the receipt is for");
	orig = smime_read_file(o->so_original, &olen);
	rcpt = smime_read_fd(stdin, "standard input", &rlen);
	memset(&sig, 0, sizeof(sig));
	if (mmhs_cms_receipt_verify(trust, rcpt, rlen, orig, olen, &sig, err,
	    sizeof(err)) != 0) {
		printf("receipt: NOT verified: %s\n", err);
		rc = SMIME_EXIT_FAILED;
	} else {
		printf("receipt:\n");
		smime_print_sig(stdout, &sig);
		rc = sig.cs_status == MMHS_SIG_OK ? SMIME_EXIT_OK :
		    SMIME_EXIT_FAILED;
		printf("result: %s\n", rc == SMIME_EXIT_OK ? "verified" :
		    "NOT verified");
	}
	mmhs_cms_sig_free(&sig);
	free(rcpt);
	free(orig);
	X509_STORE_free(trust);
	return rc;
}
