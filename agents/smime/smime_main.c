/* smime_main.c - mmhs-smime: sign, encrypt, verify, decrypt, receipts
 *
 *	mmhs-smime sign -k KEY [-p PASSFILE] [--label POLICY-OID:CLASS[:CAT...]
 *	    [--privacy-mark TEXT]] [--receipt-request [--receipts-to ADDR]...]
 *	    [--clear] < msg > out
 *	mmhs-smime encrypt -r CERT [-r CERT ...] < msg > out
 *	mmhs-smime verify --ca CA [--crl CRL] [-k KEY ...] [-o FILE] < msg
 *	mmhs-smime decrypt -k KEY [-p PASSFILE] < msg > out
 *	mmhs-smime receipt -k KEY --ca CA [--crl CRL] --from ADDR < msg > rcpt
 *	mmhs-smime verify-receipt --ca CA [--crl CRL] --original FILE < rcpt
 *
 * The user's and the administrator's S/MIME tool, and the tests' way to
 * make and look into messages: one command per run, a whole RFC 5322
 * message in, a whole message (or a report) out, the cryptography all in
 * lib/mmhs_cms and lib/mmhs_pki.  Triple wrapping is three runs in a
 * pipe (sign | encrypt | sign).  Exit 0 success, 1 a signature or a
 * receipt did not verify, 2 usage or bad input.  See doc/mmhs-smime.1.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mmhs_pki.h"
#include "smime.h"

static const char smime_usage[] =
	"usage: mmhs-smime sign -k KEY.p12|pkcs11:URI [-p PASSFILE]\n"
	"           [--label POLICY-OID:CLASS[:CATEGORY-OID...] "
	"[--privacy-mark TEXT]]\n"
	"           [--receipt-request [--receipts-to ADDR]...] [--clear]"
	" < msg > out\n"
	"       mmhs-smime encrypt -r CERT.pem [-r CERT.pem ...] < msg > out\n"
	"       mmhs-smime verify --ca CA.pem [--crl CRL.pem] [-k KEY.p12 ...]"
	" [-p PASSFILE]\n"
	"           [-o FILE] < msg\n"
	"       mmhs-smime decrypt -k KEY.p12 [-p PASSFILE] < msg > out\n"
	"       mmhs-smime receipt -k KEY.p12 [-p PASSFILE] --ca CA.pem "
	"[--crl CRL.pem]\n"
	"           --from ADDR < msg > receipt\n"
	"       mmhs-smime verify-receipt --ca CA.pem [--crl CRL.pem] "
	"--original FILE\n"
	"           < receipt\n";

enum {
	OPT_LABEL = 256, OPT_MARK, OPT_RR, OPT_RTO, OPT_CLEAR, OPT_CA,
	OPT_CRL, OPT_FROM, OPT_ORIG
};

static const struct option smime_longopts[] = {
	{ "label", required_argument, NULL, OPT_LABEL },
	{ "privacy-mark", required_argument, NULL, OPT_MARK },
	{ "receipt-request", no_argument, NULL, OPT_RR },
	{ "receipts-to", required_argument, NULL, OPT_RTO },
	{ "clear", no_argument, NULL, OPT_CLEAR },
	{ "ca", required_argument, NULL, OPT_CA },
	{ "crl", required_argument, NULL, OPT_CRL },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "original", required_argument, NULL, OPT_ORIG },
	{ NULL, 0, NULL, 0 }
};

static void __attribute__((noreturn))
smime_usage_exit(const char *why)
{
	if (why != NULL)
		fprintf(stderr, "mmhs-smime: %s (see mmhs-smime(1))\n", why);
	else
		fputs(smime_usage, stderr);
	exit(SMIME_EXIT_INPUT);
}

/* smime_add - one more file of a repeatable option */
static void
smime_add(const char **v, int *n, int max, const char *arg, const char *opt)
{
	if (*n >= max)
		smime_die("more than %d %s options", max, opt);
	v[(*n)++] = arg;
}

static void
smime_parse(int argc, char **argv, struct smime_opts *o)
{
	int ch;

	while ((ch = getopt_long(argc, argv, "k:p:r:o:", smime_longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'k':
			smime_add(o->so_keys, &o->so_nkeys, SMIME_NFILES,
			    optarg, "-k");
			break;
		case 'p': o->so_passfile = optarg; break;
		case 'r':
			smime_add(o->so_rcpts, &o->so_nrcpts, SMIME_NFILES,
			    optarg, "-r");
			break;
		case 'o': o->so_out = optarg; break;
		case OPT_LABEL: o->so_label = optarg; break;
		case OPT_MARK: o->so_mark = optarg; break;
		case OPT_RR: o->so_receipt_request = 1; break;
		case OPT_RTO:
			smime_add(o->so_receipts_to, &o->so_nreceipts_to,
			    MMHS_CMS_RECEIPTS_TO_MAX, optarg, "--receipts-to");
			break;
		case OPT_CLEAR: o->so_clear = 1; break;
		case OPT_CA:
			smime_add(o->so_ca, &o->so_nca, SMIME_NFILES, optarg,
			    "--ca");
			break;
		case OPT_CRL:
			smime_add(o->so_crl, &o->so_ncrl, SMIME_NFILES, optarg,
			    "--crl");
			break;
		case OPT_FROM: o->so_from = optarg; break;
		case OPT_ORIG: o->so_original = optarg; break;
		default: smime_usage_exit(NULL);
		}
	}
	if (optind != argc)
		smime_usage_exit("unexpected arguments after the options");
	if (o->so_mark != NULL && o->so_label == NULL)
		smime_usage_exit("--privacy-mark goes with --label");
	if (o->so_nreceipts_to > 0 && !o->so_receipt_request)
		smime_usage_exit("--receipts-to goes with --receipt-request");
}

static int
smime_sign(const struct smime_opts *o)
{
	struct mmhs_cms_attrs attrs;
	struct mmhs_cms_id *ids;
	unsigned char *label = NULL;
	char *msg, *out = NULL, err[256];
	size_t len, outlen = 0, labellen = 0;
	int i, nids;

	if (o->so_nkeys != 1)
		smime_usage_exit("sign: give exactly one -k KEY");
	memset(&attrs, 0, sizeof(attrs));
	if (o->so_label != NULL) {
		smime_label_der(o->so_label, o->so_mark, &label, &labellen);
		attrs.ca_label = label;
		attrs.ca_label_len = labellen;
	}
	attrs.ca_receipt_request = o->so_receipt_request;
	for (i = 0; i < o->so_nreceipts_to; i++)
		attrs.ca_receipts_to[i] = o->so_receipts_to[i];
	nids = smime_load_ids(o, &ids);
	msg = smime_read_fd(stdin, "standard input", &len);
	if (mmhs_cms_sign(&ids[0], &attrs, o->so_clear ? MMHS_CMS_CLEAR :
	    MMHS_CMS_OPAQUE, msg, len, &out, &outlen, err, sizeof(err)) != 0)
		smime_die("sign: %s", err);
	smime_write(o->so_out, out, outlen);
	free(out);
	free(msg);
	free(label);
	smime_free_ids(ids, nids);
	return SMIME_EXIT_OK;
}

static int
smime_encrypt(const struct smime_opts *o)
{
	STACK_OF(X509) *rcpts;
	char *msg, *out = NULL, err[256];
	size_t len, outlen = 0;

	if (o->so_nrcpts == 0)
		smime_usage_exit("encrypt: give -r CERT for each recipient");
	rcpts = smime_load_certs(o->so_rcpts, o->so_nrcpts);
	msg = smime_read_fd(stdin, "standard input", &len);
	if (mmhs_cms_encrypt(rcpts, msg, len, &out, &outlen, err,
	    sizeof(err)) != 0)
		smime_die("encrypt: %s", err);
	smime_write(o->so_out, out, outlen);
	free(out);
	free(msg);
	sk_X509_pop_free(rcpts, X509_free);
	return SMIME_EXIT_OK;
}

/* smime_decrypt - opens the outermost layer, which must be enveloped */
static int
smime_decrypt(const struct smime_opts *o)
{
	struct mmhs_cms_id *ids;
	char *msg, *out = NULL, err[256];
	size_t len, outlen = 0;
	int nids;

	if ((nids = smime_load_ids(o, &ids)) == 0)
		smime_usage_exit("decrypt: give -k KEY");
	msg = smime_read_fd(stdin, "standard input", &len);
	if (mmhs_cms_kind(msg, len) != MMHS_CMS_ENVELOPED)
		smime_die("decrypt: the outermost layer is not encrypted "
		    "(for a signed message use verify -k KEY -o FILE)");
	if (mmhs_cms_decrypt(ids, nids, msg, len, &out, &outlen, err,
	    sizeof(err)) != 0)
		smime_die("decrypt: %s", err);
	smime_write(o->so_out, out, outlen);
	free(out);
	free(msg);
	smime_free_ids(ids, nids);
	return SMIME_EXIT_OK;
}

int
main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(const struct smime_opts *);
	} cmds[] = {
		{ "sign", smime_sign }, { "encrypt", smime_encrypt },
		{ "verify", smime_verify }, { "decrypt", smime_decrypt },
		{ "receipt", smime_receipt },
		{ "verify-receipt", smime_verify_receipt },
	};
	struct smime_opts o;
	size_t i;

	mmhs_log_open("mmhs-smime", 0);
	if (argc < 2)
		smime_usage_exit(NULL);
	memset(&o, 0, sizeof(o));
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		if (strcmp(argv[1], cmds[i].name) != 0)
			continue;
		smime_parse(argc - 1, argv + 1, &o);
		return cmds[i].run(&o);
	}
	smime_usage_exit("unknown command");
}
