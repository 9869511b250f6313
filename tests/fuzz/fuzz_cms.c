/* fuzz_cms.c - libFuzzer target for lib/mmhs_cms (S/MIME layers, ML history)
 * fuzz-sources: lib/mmhs_cms_mime.c lib/mmhs_cms_wrap.c lib/mmhs_cms_sign.c lib/mmhs_cms_verify.c lib/mmhs_cms_open.c lib/mmhs_cms_mlhist.c lib/mmhs_msg.c lib/mmhs_ess.c lib/mmhs_ess_conv.c lib/mmhs_label.c lib/mmhs_text.c lib/mmhs_alloc.c lib/mmhs_log.c -lcrypto
 *
 * Purpose: arbitrary bytes as a whole message for mmhs_cms_kind(),
 * mmhs_cms_open() and mmhs_cms_verify() with an empty trust store (what
 * an agent does with every message it receives), and as DER for
 * mmhs_cms_mlhist_decode().
 * Properties: no crash, no read beyond the input (copied into a buffer
 * of its exact size), no leak; with nothing trusted no signature is OK
 * and co_sig_ok stays 0; at most MMHS_CMS_LAYERS_MAX layers; co_label is
 * NULL or one of co_sig[]; a message that is not S/MIME comes back
 * byte for byte; verify gives an opened message exactly when it returns
 * 0; every status has a name; an accepted history has 1..64 entries and
 * encodes back to the same bytes; a refusal comes with a reason.
 * Interface: libFuzzer's.
 * Error behaviour: a broken property aborts.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmhs_cms.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static X509_STORE *fz_store;

static void
fz_open(const char *msg, size_t len)
{
	struct mmhs_cms_open co;
	char err[256] = "";
	int i;

	if (mmhs_cms_open(fz_store, 0, NULL, 0, msg, len, &co, err,
	    sizeof(err)) < 0) {
		if (err[0] == '\0' || co.co_inner != NULL)
			abort();
		mmhs_cms_open_free(&co);
		return;
	}
	if (co.co_inner == NULL || co.co_sig_ok ||
	    co.co_nsig < 0 || co.co_nsig > MMHS_CMS_LAYERS_MAX)
		abort();
	if (co.co_label != NULL && (co.co_label < co.co_sig ||
	    co.co_label >= co.co_sig + co.co_nsig ||
	    co.co_label->cs_label == NULL))
		abort();
	for (i = 0; i < co.co_nsig; i++)
		if (co.co_sig[i].cs_status == MMHS_SIG_OK ||
		    strcmp(mmhs_sig_status_name(co.co_sig[i].cs_status),
		    "unknown status") == 0 || co.co_sig[i].cs_reason[0] == '\0')
			abort();
	if (co.co_nsig == 0 && !co.co_encrypted &&
	    (co.co_inner_len != len || memcmp(co.co_inner, msg, len) != 0))
		abort();
	mmhs_cms_open_free(&co);
}

static void
fz_verify(const char *msg, size_t len)
{
	struct mmhs_cms_sig sig;
	char err[256] = "", *out = NULL;
	size_t outlen = 0;

	if (mmhs_cms_verify(fz_store, 0, msg, len, &sig, &out, &outlen, err,
	    sizeof(err)) < 0) {
		if (out != NULL || err[0] == '\0')
			abort();
		mmhs_cms_sig_free(&sig);
		return;
	}
	if (out == NULL || sig.cs_status == MMHS_SIG_OK)
		abort();
	free(out);
	mmhs_cms_sig_free(&sig);
}

static void
fz_mlhist(const unsigned char *der, size_t len)
{
	struct mmhs_cms_mldata v[MMHS_CMS_MLHIST_MAX];
	unsigned char *again = NULL;
	char err[256] = "";
	size_t alen;
	int n = 0;

	if (mmhs_cms_mlhist_decode(der, len, v, MMHS_CMS_MLHIST_MAX, &n, err,
	    sizeof(err)) < 0) {
		if (err[0] == '\0')
			abort();
		mmhs_cms_mlhist_free(v, n);
		return;
	}
	if (n < 1 || n > MMHS_CMS_MLHIST_MAX)
		abort();
	/* a time before 1970 or past 9999 may not come back: skip those */
	if (mmhs_cms_mlhist_encode(v, n, &again, &alen, err,
	    sizeof(err)) == 0 && (alen != len || memcmp(again, der, len) != 0))
		abort();
	free(again);
	mmhs_cms_mlhist_free(v, n);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *msg;

	if (fz_store == NULL && (fz_store = X509_STORE_new()) == NULL)
		abort();
	if ((msg = malloc(size > 0 ? size : 1)) == NULL)
		return 0;
	memcpy(msg, data, size);
	(void) mmhs_cms_kind(msg, size);
	fz_open(msg, size);
	fz_verify(msg, size);
	fz_mlhist((const unsigned char *) msg, size);
	free(msg);
	return 0;
}
