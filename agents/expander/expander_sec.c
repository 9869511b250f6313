/* expander_sec.c - the S/MIME layers of a message for a list
 *
 * The list is a mail list agent of RFC 2634 section 4.  Its key is the
 * list's mail address in the agent's key directory (-k; lib/mmhs_pki),
 * its certificate the one mmhs-ca published in the list's entry.  From
 * the outside in (4.2.3.1):
 *
 *   - an outer signature carrying an mlExpansionHistory was made by the
 *     list agent before us: its history is checked for this list (a
 *     loop: 550 5.4.6, reported to the return path as the
 *     DL-Expansion-History loop is) and for room (64 records), the
 *     signature verified and removed;
 *   - an outer signature without one over an enveloped layer (triple
 *     wrapping) is the originator's: verified and removed, since the
 *     envelope it covers is about to change;
 *   - an enveloped layer is decrypted with the list's key (550 5.7.5
 *     when the list has none or the message is not encrypted for it);
 *     the content is later encrypted to every member's certificate
 *     (expander_sec_certs), whose own keys can then open it;
 *   - the signature reached then (the originator's inner signature) is
 *     verified and kept byte for byte; its ESS security label (and
 *     equivalent labels) is the label of the list's signature.
 *
 * A signature that does not verify is refused (550 5.7.7): a list
 * that signs over it would vouch for what nobody can check any more.
 * A list without a key sends a signed message as received (logged);
 * a message that is neither signed nor encrypted is not touched.
 * The copy (expander_sec_copy) is signed opaquely (application/pkcs7-mime,
 * which no relay rewrites) with the label and the history with our
 * MLData appended.  Interface: expander.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/x509.h>

#include "mmhs_agent.h"
#include "mmhs_alloc.h"
#include "mmhs_cms.h"
#include "mmhs_lmtpd.h"
#include "mmhs_pki.h"
#include "expander.h"

/* What one examination holds while it walks the layers. */
struct sec_walk {
	struct exp_job *sw_j;
	struct exp_sec *sw_xs;
	X509_STORE *sw_trust;
	X509   *sw_own[2];		/* our key's certificate, the entry's */
	char   *sw_held;		/* the current layer when we own it */
	const char *sw_cur;
	size_t	sw_len;
};

/* sec_dup - a malloc'd copy of DER (NULL stays NULL) */
static unsigned char *
sec_dup(const unsigned char *p, size_t len)
{
	unsigned char *q;

	if (p == NULL)
		return NULL;
	q = mmhs_malloc(len > 0 ? len : 1);
	memcpy(q, p, len);
	return q;
}

/* sec_trust - the site's trust store; an empty one (nothing verifies)
 * when the directory has none, so that histories are still read */
static X509_STORE *
sec_trust(struct exp_job *j, char *note, size_t notelen)
{
	mmhs_dircache_entry_t *self = mmhs_agent_self(j->j_x->x_ag);
	const char *site = self != NULL ? mmhs_dircache_value(self,
	    "mmhsSite") : NULL;
	X509_STORE *st = NULL;
	char	err[300] = "the agent's entry names no mmhsSite";

	if (site != NULL)
		st = mmhs_pki_trust(j->j_x->x_ag->ag_cache, site, err,
		    sizeof(err));
	mmhs_dircache_entry_free(self);
	if (st == NULL) {
		snprintf(note, notelen, "no trust store: %s", err);
		st = X509_STORE_new();
	}
	return st;
}

/* sec_layer - make out the current layer (we own it from now) */
static void
sec_layer(struct sec_walk *w, char *out, size_t len)
{
	mmhs_free(w->sw_held);
	w->sw_held = out;
	w->sw_cur = out;
	w->sw_len = len;
}

/* sec_bad_sig - refuse for a signature that does not verify */
static int
sec_bad_sig(struct sec_walk *w, const struct mmhs_cms_sig *sig,
	const char *which)
{
	expander_reply(w->sw_j, 550, "5.7.7 list %s: the %s signature (%s) "
	    "does not verify: %s: %s", w->sw_j->j_list_addr, which,
	    sig->cs_signer_subject[0] ? sig->cs_signer_subject : "signer "
	    "unknown", mmhs_sig_status_name(sig->cs_status), sig->cs_reason);
	return -1;
}

/* sec_label - keep the label of sig (a later, inner one replaces it) */
static void
sec_label(struct exp_sec *xs, const struct mmhs_cms_sig *sig)
{
	if (sig->cs_label == NULL)
		return;
	mmhs_free(xs->xs_label);
	mmhs_free(xs->xs_equiv);
	xs->xs_label = sec_dup(sig->cs_label, sig->cs_label_len);
	xs->xs_label_len = sig->cs_label_len;
	xs->xs_equiv = sec_dup(sig->cs_equiv, sig->cs_equiv_len);
	xs->xs_equiv_len = sig->cs_equiv != NULL ? sig->cs_equiv_len : 0;
}

/* sec_history - the history of a list's outer signature: loop, room */
static int
sec_history(struct sec_walk *w, const struct mmhs_cms_sig *sig)
{
	struct exp_sec *xs = w->sw_xs;
	struct mmhs_cms_mldata *v;
	char	why[400], err[300];
	int	n = 0, rc;

	v = mmhs_calloc(MMHS_CMS_MLHIST_MAX, sizeof(*v));
	if (mmhs_cms_mlhist_decode(sig->cs_mlhist, sig->cs_mlhist_len, v,
	    MMHS_CMS_MLHIST_MAX, &n, err, sizeof(err)) < 0) {
		mmhs_free(v);
		expander_reply(w->sw_j, 554, "5.6.0 list %s: the "
		    "mlExpansionHistory of the outer signature does not "
		    "decode: %s", w->sw_j->j_list_addr, err);
		return -1;
	}
	rc = expander_mlhist_check(v, n, w->sw_own, 2, why, sizeof(why));
	mmhs_cms_mlhist_free(v, n);
	mmhs_free(v);
	if (rc == -2)
		expander_reply(w->sw_j, 550, "5.4.6 routing loop: list %s "
		    "already expanded this message (%s; outer signature by "
		    "%s)", w->sw_j->j_list_addr, why, sig->cs_signer_mail[0] ?
		    sig->cs_signer_mail : sig->cs_signer_subject);
	else if (rc < 0)
		expander_reply(w->sw_j, 550, "5.4.6 list %s: %s",
		    w->sw_j->j_list_addr, why);
	if (rc < 0)
		return rc;
	mmhs_free(xs->xs_mlhist);
	xs->xs_mlhist = sec_dup(sig->cs_mlhist, sig->cs_mlhist_len);
	xs->xs_mlhist_len = sig->cs_mlhist_len;
	xs->xs_nhist = n;
	return 0;
}

/* sec_plain - no key: the message goes as received (a signed one) or
 * is refused (an encrypted one) */
static int
sec_plain(struct sec_walk *w, int encrypted, const char *why)
{
	struct exp_job *j = w->sw_j;

	if (encrypted) {
		expander_reply(j, 550, "5.7.5 list %s cannot decrypt the "
		    "message: %s", j->j_list_addr, why);
		return -1;
	}
	w->sw_xs->xs_kind = EXP_SEC_PLAIN;
	snprintf(w->sw_xs->xs_note, sizeof(w->sw_xs->xs_note), "sent as "
	    "received, not signed by the list: %s", why);
	return 0;
}

/* sec_signed - the current layer is a signature: 1 go on inwards with
 * the layer it covered, 0 done (xs set), -1/-2 refused */
static int
sec_signed(struct sec_walk *w, const char *keyless)
{
	struct exp_sec *xs = w->sw_xs;
	struct mmhs_cms_sig sig;
	enum mmhs_cms_kind inner;
	char	err[300], *out = NULL;
	size_t	outlen = 0;
	int	rc;

	memset(&sig, 0, sizeof(sig));
	if (mmhs_cms_verify(w->sw_trust, 0, w->sw_cur, w->sw_len, &sig, &out,
	    &outlen, err, sizeof(err)) < 0) {
		expander_reply(w->sw_j, 554, "5.6.0 list %s: the signature "
		    "cannot be read: %s", w->sw_j->j_list_addr, err);
		mmhs_cms_sig_free(&sig);
		return -1;
	}
	inner = mmhs_cms_kind(out, outlen);
	if (sig.cs_mlhist != NULL) {
		/* a list's outer signature: ours replaces it */
		if ((rc = sec_history(w, &sig)) < 0)
			goto done;
		rc = 0;
		if (keyless != NULL)
			rc = sec_plain(w, inner == MMHS_CMS_ENVELOPED, keyless);
		else if (sig.cs_status != MMHS_SIG_OK)
			rc = sec_bad_sig(w, &sig, "outer");
		else {
			sec_label(xs, &sig);
			sec_layer(w, out, outlen);
			out = NULL;
			rc = 1;
		}
	} else if (inner == MMHS_CMS_ENVELOPED) {
		/* triple wrapping: the originator's outer signature */
		if (keyless != NULL)
			rc = sec_plain(w, 1, keyless);
		else if (sig.cs_status != MMHS_SIG_OK)
			rc = sec_bad_sig(w, &sig, "outer");
		else {
			sec_label(xs, &sig);
			sec_layer(w, out, outlen);
			out = NULL;
			rc = 1;
		}
	} else {
		/* the originator's signature: kept, signed over */
		if (keyless != NULL)
			rc = sec_plain(w, 0, keyless);
		else if (sig.cs_status != MMHS_SIG_OK)
			rc = sec_bad_sig(w, &sig, "originator's");
		else {
			sec_label(xs, &sig);
			xs->xs_kind = xs->xs_kind == EXP_SEC_REENCRYPT ?
			    EXP_SEC_REENCRYPT : EXP_SEC_SIGN;
			rc = 0;
		}
	}
done:
	mmhs_free(out);
	mmhs_cms_sig_free(&sig);
	return rc;
}

/* sec_decrypt - the current layer is enveloped: open it with our key */
static int
sec_decrypt(struct sec_walk *w, const char *keyless)
{
	struct exp_job *j = w->sw_j;
	char	err[300], *out = NULL;
	size_t	outlen = 0;

	if (keyless != NULL)
		return sec_plain(w, 1, keyless);
	if (w->sw_xs->xs_kind == EXP_SEC_REENCRYPT) {
		expander_reply(j, 554, "5.6.0 list %s: an enveloped layer "
		    "inside an enveloped layer", j->j_list_addr);
		return -1;
	}
	if (mmhs_cms_decrypt(&w->sw_xs->xs_id, 1, w->sw_cur, w->sw_len, &out,
	    &outlen, err, sizeof(err)) < 0) {
		expander_reply(j, 550, "5.7.5 list %s cannot decrypt the "
		    "message: %s", j->j_list_addr, err);
		return -1;
	}
	sec_layer(w, out, outlen);
	w->sw_xs->xs_kind = EXP_SEC_REENCRYPT;
	return 1;
}

/* sec_walk - every layer from the outside in */
static int
sec_walk(struct sec_walk *w, const char *keyless)
{
	enum mmhs_cms_kind k;
	int	rc, layers;

	for (layers = 0; layers < MMHS_CMS_LAYERS_MAX; layers++) {
		k = mmhs_cms_kind(w->sw_cur, w->sw_len);
		if (k == MMHS_CMS_SIGNED)
			rc = sec_signed(w, keyless);
		else if (k == MMHS_CMS_ENVELOPED)
			rc = sec_decrypt(w, keyless);
		else if (layers == 0)
			return 0;	/* not S/MIME, or a receipt: as is */
		else {
			/* under a list's signature, no originator's one */
			if (w->sw_xs->xs_kind != EXP_SEC_REENCRYPT)
				w->sw_xs->xs_kind = EXP_SEC_SIGN;
			rc = 0;
		}
		if (rc <= 0)
			return rc;
	}
	expander_reply(w->sw_j, 554, "5.6.0 list %s: more than %d S/MIME "
	    "layers", w->sw_j->j_list_addr, MMHS_CMS_LAYERS_MAX);
	return -1;
}

/* expander_sec_check - what the list does with the message's layers */
int
expander_sec_check(struct exp_job *j, struct exp_sec *xs)
{
	struct mmhs_agent *ag = j->j_x->x_ag;
	struct sec_walk w;
	char	keyless[400], err[300], tnote[300] = "";
	int	rc;

	memset(xs, 0, sizeof(*xs));
	if (mmhs_cms_kind(j->j_env->le_data, j->j_env->le_len) ==
	    MMHS_CMS_NONE)
		return 0;
	memset(&w, 0, sizeof(w));
	w.sw_j = j;
	w.sw_xs = xs;
	w.sw_cur = j->j_env->le_data;
	w.sw_len = j->j_env->le_len;
	if (ag->ag_key_dir == NULL)
		snprintf(keyless, sizeof(keyless), "the expander has no key "
		    "directory (-k)");
	else if (mmhs_pki_key_for(ag->ag_key_dir, j->j_list_addr, &xs->xs_id,
	    err, sizeof(err)) < 0)
		snprintf(keyless, sizeof(keyless), "list %s has no key: %s",
		    j->j_list_addr, err);
	else
		keyless[0] = '\0';
	xs->xs_have_key = keyless[0] == '\0';
	w.sw_own[0] = xs->xs_have_key ? xs->xs_id.ci_cert : NULL;
	w.sw_own[1] = mmhs_pki_entry_cert(j->j_list, time(NULL), err,
	    sizeof(err));
	w.sw_trust = sec_trust(j, tnote, sizeof(tnote));
	rc = sec_walk(&w, xs->xs_have_key ? NULL : keyless);
	if (rc == 0 && xs->xs_kind != EXP_SEC_PLAIN) {
		xs->xs_body = w.sw_held != NULL ? w.sw_held : mmhs_malloc(
		    w.sw_len > 0 ? w.sw_len : 1);
		if (w.sw_held == NULL)
			memcpy(xs->xs_body, w.sw_cur, w.sw_len);
		xs->xs_len = w.sw_len;
		w.sw_held = NULL;
		snprintf(xs->xs_note, sizeof(xs->xs_note), "%s%s%s",
		    xs->xs_kind == EXP_SEC_REENCRYPT ? "re-encrypted and "
		    "signed by the list" : "signed by the list", tnote[0] ?
		    "; " : "", tnote);
	}
	mmhs_free(w.sw_held);
	X509_free(w.sw_own[1]);
	X509_STORE_free(w.sw_trust);
	return rc;
}

/* expander_sec_certs - members with a certificate first */
size_t
expander_sec_certs(struct exp_job *j, struct exp_out *out, size_t n,
	STACK_OF(X509) *certs)
{
	mmhs_dircache_entry_t *e;
	struct exp_out tmp;
	X509   *c;
	char	err[300];
	size_t	i, m = 0;

	for (i = 0; i < n; i++) {
		e = mmhs_agent_entry_for(j->j_x->x_ag, out[i].eo_addr, NULL, 0);
		c = NULL;
		if (e == NULL)
			snprintf(err, sizeof(err), "no directory entry has "
			    "this address");
		else
			c = mmhs_pki_entry_cert(e, time(NULL), err,
			    sizeof(err));
		mmhs_dircache_entry_free(e);
		if (c == NULL) {
			out[i].eo_code = 550;
			snprintf(out[i].eo_text, sizeof(out[i].eo_text),
			    "5.7.5 not sent: no certificate to encrypt to: %s",
			    err);
			continue;
		}
		if (sk_X509_push(certs, c) <= 0) {
			X509_free(c);
			out[i].eo_code = 451;
			snprintf(out[i].eo_text, sizeof(out[i].eo_text),
			    "4.3.0 out of memory");
			continue;
		}
		if (i != m) {
			tmp = out[m];
			out[m] = out[i];
			out[i] = tmp;
		}
		m++;
	}
	return m;
}

/* expander_sec_copy - encrypt (maybe) and sign */
int
expander_sec_copy(const struct exp_sec *xs, STACK_OF(X509) *certs,
	char **out, size_t *outlen, char *err, size_t errlen)
{
	struct mmhs_cms_attrs at;
	unsigned char *hist = NULL;
	size_t	hlen = 0, len = xs->xs_len;
	const char *content = xs->xs_body;
	char   *env = NULL, e[300];
	int	rc = -1;

	*out = NULL;
	if (xs->xs_kind == EXP_SEC_REENCRYPT) {
		if (mmhs_cms_encrypt(certs, xs->xs_body, xs->xs_len, &env, &len,
		    e, sizeof(e)) < 0) {
			snprintf(err, errlen, "cannot encrypt to the members: "
			    "%s", e);
			return -1;
		}
		content = env;
	}
	if (expander_mlhist_next(xs->xs_mlhist, xs->xs_mlhist_len,
	    xs->xs_id.ci_cert, time(NULL), &hist, &hlen, err, errlen) < 0)
		goto done;
	memset(&at, 0, sizeof(at));
	at.ca_label = xs->xs_label;
	at.ca_label_len = xs->xs_label_len;
	at.ca_equiv = xs->xs_equiv;
	at.ca_equiv_len = xs->xs_equiv_len;
	at.ca_mlhist = hist;
	at.ca_mlhist_len = hlen;
	if (mmhs_cms_sign(&xs->xs_id, &at, MMHS_CMS_OPAQUE, content, len, out,
	    outlen, e, sizeof(e)) < 0) {
		snprintf(err, errlen, "cannot sign as the list: %s", e);
		goto done;
	}
	rc = 0;
done:
	free(hist);
	free(env);
	return rc;
}

/* expander_sec_free - and clear */
void
expander_sec_free(struct exp_sec *xs)
{
	mmhs_cms_id_free(&xs->xs_id);
	mmhs_free(xs->xs_body);
	mmhs_free(xs->xs_mlhist);
	mmhs_free(xs->xs_label);
	mmhs_free(xs->xs_equiv);
	memset(xs, 0, sizeof(*xs));
}
