/* store_receipt.c - signed receipts (RFC 2634 section 2) of mmhs-store,
 * and what protects a stored message as the API shows it
 *
 * When a message whose signature asks for a signed receipt is first
 * marked seen in a mailbox, the store makes the receipt with the
 * mailbox's own key (mmhs_pki_key_for: the agent's key directory, by
 * the mailbox's mail address; it also opens an encrypted message on
 * the way) and sends it to each receiptsTo address of the request.
 * No key, or a signature that does not verify: no receipt, a warning
 * and a "receipt" line in the tracking log saying why.
 *
 * Sending is that of the MDNs (store_mdn.c, store_mdn_db.c): the
 * receipt is recorded as pending under the MDN key of the message with
 * "R" and the receiptsTo index appended, so that it is made and sent
 * once per message, mailbox and address, sent from the null reverse
 * path with the original's MT-PRIORITY, retried while the MTA does not
 * take it, and logged with event "receipt".
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mmhs_pki.h"
#include "mmhs_secmsg.h"
#include "mmhs_track.h"
#include "store.h"
#include "store_deliver.h"
#include "store_mdn_int.h"

int
store_sec_inspect(struct store *st, const char *mailbox_dn, const char *raw,
    size_t len, struct mmhs_secmsg *sm, char *why, size_t whylen)
{
	struct mmhs_agent *ag = &st->st_agent;
	struct mmhs_cms_id ids[2];
	X509_STORE *trust = NULL;
	enum mmhs_cms_kind kind = mmhs_cms_kind(raw, len);
	char oid[MMHS_LABEL_OID_MAX + 1] = "", err[256];
	int rc, i, n = 0, own;

	if (kind == MMHS_CMS_SIGNED || kind == MMHS_CMS_ENVELOPED) {
		trust = mmhs_pki_trust(ag->ag_cache, sdl_site_dn(ag), err,
		    sizeof(err));
		n = store_mailbox_keys(ag, mailbox_dn, ids, &own, err,
		    sizeof(err));
	}
	if (sdl_policy_oid(ag, NULL, oid, sizeof(oid)) != 0)
		oid[0] = '\0';
	rc = mmhs_secmsg_inspect(trust, n > 0 ? ids : NULL, n, sdl_policy_fn,
	    ag, oid, raw, len, sm, why, whylen);
	for (i = 0; i < n; i++)
		mmhs_cms_id_free(&ids[i]);
	X509_STORE_free(trust);
	return rc;
}

/* rcp_track - a "receipt" line that no receipt went out */
static void
rcp_track(struct store *st, const struct store_msg *m, const char *result)
{
	struct mmhs_track_event ev;
	char extra[700];

	if (st->st_agent.ag_track == NULL)
		return;
	snprintf(extra, sizeof(extra), "mailbox=\"%s\" id=%llu", m->sm_mailbox,
	    (unsigned long long) m->sm_id);
	memset(&ev, 0, sizeof(ev));
	ev.te_event = "receipt";
	ev.te_msgid = m->sm_message_id[0] != '\0' ? m->sm_message_id : NULL;
	ev.te_result = result;
	ev.te_extra = extra;
	(void) mmhs_track_log(st->st_agent.ag_track, &ev);
}

/* rcp_requested - the innermost signature asking for a receipt, or NULL */
static const struct mmhs_cms_sig *
rcp_requested(const struct mmhs_cms_open *co)
{
	int i;

	for (i = co->co_nsig - 1; i >= 0; i--)
		if (co->co_sig[i].cs_receipt_requested)
			return &co->co_sig[i];
	return NULL;
}

/* rcp_queue - record the receipt for receiptsTo address i and send it */
static void
rcp_queue(struct store_mdn *md, const struct store_msg *m, int i,
    const char *to, const char *data, size_t len, const char *user_dn)
{
	unsigned char key[MDN_KEY_MAX];
	struct mdn_pend hdr;
	char strs[1800];
	size_t klen, n1, n2, slen;

	klen = store_mdn_key(m->sm_mailbox, m->sm_id, key);
	if (klen + 2 > MDN_KEY_MAX)
		return;
	key[klen++] = 'R';
	key[klen++] = (unsigned char) i;
	memset(&hdr, 0, sizeof(hdr));
	hdr.p_created = (int64_t) time(NULL);
	hdr.p_next = hdr.p_created + store_mdn_interval(md);
	hdr.p_len = (uint32_t) len;
	hdr.p_type = MDN_TYPE_RECEIPT;
	hdr.p_prec = (int8_t) m->sm_prec;
	/* recipient NUL original Message-ID NUL tracking details NUL */
	n1 = strlen(to) + 1;
	n2 = strlen(m->sm_message_id) + 1;
	if (n1 + n2 + 100 > sizeof(strs))
		return;
	memcpy(strs, to, n1);
	memcpy(strs + n1, m->sm_message_id, n2);
	snprintf(strs + n1 + n2, sizeof(strs) - n1 - n2, "mailbox=\"%s\" "
	    "id=%llu user=\"%s\"", m->sm_mailbox,
	    (unsigned long long) m->sm_id, user_dn);
	slen = n1 + n2 + strlen(strs + n1 + n2) + 1;
	if (store_mdn_claim(md, key, klen, &hdr, strs, slen, data, len) == 1)
		store_mdn_attempt(md, key, klen, &hdr, strs, strs + n1,
		    strs + n1 + n2, data);
}

/* rcp_make - the receipt for raw, made with the mailbox's key; the
 * requesting signature's receiptsTo into to[] */
static int
rcp_make(struct store *st, const struct store_msg *m, const char *raw,
    size_t len, char **out, size_t *outlen,
    char to[][MMHS_CMS_ADDR_MAX], int *nto)
{
	struct mmhs_cms_open co;
	struct mmhs_cms_id ids[2];
	const struct mmhs_cms_sig *req;
	X509_STORE *trust;
	char *mail, why[400] = "", err[300], result[800];
	int i, n, own, rc = -1;

	*nto = 0;
	if ((trust = mmhs_pki_trust(st->st_agent.ag_cache,
	    sdl_site_dn(&st->st_agent), err, sizeof(err))) == NULL) {
		mmhs_warn("signed receipt for message %llu of %s: %s",
		    (unsigned long long) m->sm_id, m->sm_mailbox, err);
		return -1;
	}
	n = store_mailbox_keys(&st->st_agent, m->sm_mailbox, ids, &own, why,
	    sizeof(why));
	if (mmhs_cms_open(trust, 0, n > 0 ? ids : NULL, n, raw, len, &co, err,
	    sizeof(err)) != 0)
		goto out;
	if ((req = rcp_requested(&co)) == NULL) {
		if (co.co_encrypted && !co.co_decrypted)
			mmhs_info("message %llu of %s: encrypted for keys the "
			    "store does not hold, so a receipt request cannot "
			    "be seen", (unsigned long long) m->sm_id,
			    m->sm_mailbox);
		goto out;
	}
	for (i = 0; i < req->cs_nreceipts_to; i++)
		snprintf(to[(*nto)++], MMHS_CMS_ADDR_MAX, "%s",
		    req->cs_receipts_to[i]);
	mail = mmhs_agent_mail_of(&st->st_agent, m->sm_mailbox);
	if (!own)
		snprintf(result, sizeof(result), "not sent: no key of the "
		    "mailbox: %s", why);
	else if (*nto == 0)
		snprintf(result, sizeof(result), "not sent: the request names "
		    "no receiptsTo");
	else if (mmhs_cms_receipt(trust, &ids[0], ids, n, mail != NULL ?
	    mail : "", raw, len, out, outlen, err, sizeof(err)) != 0)
		snprintf(result, sizeof(result), "not made: %s", err);
	else
		rc = 0;
	if (rc != 0) {
		mmhs_warn("no signed receipt for message %llu of %s: %s",
		    (unsigned long long) m->sm_id, m->sm_mailbox, result);
		rcp_track(st, m, result);
	}
	mmhs_free(mail);
out:
	mmhs_cms_open_free(&co);
	for (i = 0; i < n; i++)
		mmhs_cms_id_free(&ids[i]);
	X509_STORE_free(trust);
	return rc;
}

void
store_receipt_event(struct store_mdn *md, const struct store_msg *m,
    const char *user_dn)
{
	struct store *st = md->md_st;
	char to[MMHS_CMS_RECEIPTS_TO_MAX][MMHS_CMS_ADDR_MAX];
	char *raw = NULL, *out = NULL, err[256];
	size_t len = 0, outlen = 0;
	enum mmhs_cms_kind kind;
	int i, j, nto;

	if (store_db_raw(st->st_db, m->sm_mailbox, m->sm_id, &raw, &len, err,
	    sizeof(err)) != STORE_OK)
		return;
	kind = mmhs_cms_kind(raw, len);
	if ((kind == MMHS_CMS_SIGNED || kind == MMHS_CMS_ENVELOPED) &&
	    rcp_make(st, m, raw, len, &out, &outlen, to, &nto) == 0) {
		for (i = 0; i < nto; i++) {
			for (j = 0; j < i; j++)
				if (strcasecmp(to[i], to[j]) == 0)
					break;
			if (j == i)
				rcp_queue(md, m, i, to[i], out, outlen,
				    user_dn);
		}
	}
	mmhs_free(out);
	mmhs_free(raw);
}
