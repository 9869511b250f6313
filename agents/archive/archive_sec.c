/* archive_sec.c - mmhs-archive: a copy of encrypted messages it can read
 *
 * Purpose: an archived message must stay readable after its
 * recipients' keys expire or are revoked.  So the archive keeps, next
 * to the message as received, its content re-encrypted to the archive's
 * own certificate (archive.h: "Archive-Copy").  That is key escrow, by
 * policy: the archive's key directory (-k) holds the private keys of
 * the organisations and roles whose traffic the archive policies
 * cover, and any of them that opens a message is used.
 *
 *	arc_sec_copy	for one message: its outer signed layers are
 *			opened (signatures checked against the site's
 *			trust store, as the store will), its enveloped
 *			layer decrypted with any key of the key directory
 *			that is among its recipients, and the result (an
 *			inner signature stays inside, still verifiable)
 *			encrypted to the certificate of the archive's own
 *			key: the key directory's key of the archive
 *			entry's mail address.  When that cannot be done
 *			(no key opens it, no own key) the message is
 *			archived as received with a note saying why.
 *	arc_sec_readable	for export: the copy decrypted with the
 *			archive's key from a key directory.
 *
 * The key directory is read once and again whenever its modification
 * time moves (a key added or removed), not per message: opening a
 * PKCS#12 file costs a key derivation.
 *
 * Error behaviour: nothing here refuses a message; notes are one line.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "mmhs_pki.h"
#include "archive_agent.h"

#define ARC_KEYS_MAX	4096	/* keys read from one directory */

struct arc_keyring {
	struct timespec kr_mtime;
	int	kr_n;
	struct mmhs_cms_id *kr_ids;
	char  **kr_addr;
};

/* arc_keys_free - drop the keys read */
void
arc_keys_free(struct arc_keyring *kr)
{
	int	i;

	if (kr == NULL)
		return;
	for (i = 0; i < kr->kr_n; i++) {
		mmhs_cms_id_free(&kr->kr_ids[i]);
		mmhs_free(kr->kr_addr[i]);
	}
	mmhs_free(kr->kr_ids);
	mmhs_free(kr->kr_addr);
	mmhs_free(kr);
}

/* arc_keys_add - the key of the file name, when it names one */
static void
arc_keys_add(struct arc_keyring *kr, const char *dir, const char *name)
{
	size_t	n = strlen(name);
	char	addr[MMHS_CMS_ADDR_MAX], err[256];

	if (n < 5 || n - 4 >= sizeof(addr) || (strcmp(name + n - 4,
	    ".p12") != 0 && strcmp(name + n - 4, ".p11") != 0) ||
	    kr->kr_n >= ARC_KEYS_MAX)
		return;
	memcpy(addr, name, n - 4);
	addr[n - 4] = '\0';
	if (kr->kr_n > 0 && strcmp(kr->kr_addr[kr->kr_n - 1], addr) == 0)
		return;		/* ADDR.p11 and ADDR.p12: one key */
	kr->kr_ids = mmhs_realloc(kr->kr_ids, (size_t)(kr->kr_n + 1) *
	    sizeof(*kr->kr_ids));
	kr->kr_addr = mmhs_realloc(kr->kr_addr, (size_t)(kr->kr_n + 1) *
	    sizeof(*kr->kr_addr));
	if (mmhs_pki_key_for(dir, addr, &kr->kr_ids[kr->kr_n], err,
	    sizeof(err)) < 0) {
		mmhs_warn("key directory %s: %s: %s", dir, name, err);
		return;
	}
	kr->kr_addr[kr->kr_n++] = mmhs_strdup(addr);
}

/* arc_keys_cmp - file names in order, so ADDR.p11 meets ADDR.p12 */
static int
arc_keys_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* arc_keys - the keys of the agent's key directory, read again when it
 * changed; NULL when there is none */
static struct arc_keyring *
arc_keys(struct arc_agent *aa)
{
	const char *dir = aa->aa_ag.ag_key_dir;
	struct arc_keyring *kr = aa->aa_keys;
	struct dirent *de;
	struct stat st;
	char  **names = NULL;
	size_t	n = 0, i;
	DIR    *d;

	if (dir == NULL || stat(dir, &st) < 0)
		return NULL;
	if (kr != NULL && kr->kr_mtime.tv_sec == st.st_mtim.tv_sec &&
	    kr->kr_mtime.tv_nsec == st.st_mtim.tv_nsec)
		return kr;
	if ((d = opendir(dir)) == NULL) {
		mmhs_warn("key directory %s: %m", dir);
		return kr;
	}
	while ((de = readdir(d)) != NULL && n < ARC_KEYS_MAX) {
		names = mmhs_realloc(names, (n + 1) * sizeof(*names));
		names[n++] = mmhs_strdup(de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), arc_keys_cmp);
	arc_keys_free(kr);
	kr = aa->aa_keys = mmhs_calloc(1, sizeof(*kr));
	kr->kr_mtime = st.st_mtim;
	for (i = 0; i < n; i++) {
		arc_keys_add(kr, dir, names[i]);
		mmhs_free(names[i]);
	}
	mmhs_free(names);
	mmhs_info("key directory %s: %d key%s", dir, kr->kr_n,
	    kr->kr_n == 1 ? "" : "s");
	return kr;
}

/* arc_own_key - the archive's own key in kr and its address; NULL and
 * why when there is none */
static const struct mmhs_cms_id *
arc_own_key(struct arc_agent *aa, const struct arc_keyring *kr,
	char *addr, size_t addrlen, char *why, size_t whylen)
{
	mmhs_dircache_entry_t *self = mmhs_agent_self(&aa->aa_ag);
	const char *mail = self != NULL ? mmhs_dircache_value(self, "mail") :
	    NULL;
	int	i;

	snprintf(addr, addrlen, "%s", mail != NULL ? mail : "");
	mmhs_dircache_entry_free(self);
	if (addr[0] == '\0') {
		snprintf(why, whylen, "the archive entry has no mail address "
		    "to find its own key by");
		return NULL;
	}
	for (i = 0; kr != NULL && i < kr->kr_n; i++)
		if (strcasecmp(kr->kr_addr[i], addr) == 0)
			return &kr->kr_ids[i];
	snprintf(why, whylen, "no key of the archive (%.200s) in the key "
	    "directory", addr);
	return NULL;
}

/* arc_trust - the site's trust store, or NULL and why */
static X509_STORE *
arc_trust(struct arc_agent *aa, char *why, size_t whylen)
{
	mmhs_dircache_entry_t *self = mmhs_agent_self(&aa->aa_ag);
	const char *site = self != NULL ? mmhs_dircache_value(self,
	    "mmhsSite") : NULL;
	X509_STORE *st = NULL;

	if (site == NULL)
		snprintf(why, whylen, "no mmhsSite in the archive entry");
	else
		st = mmhs_pki_trust(aa->aa_ag.ag_cache, site, why, whylen);
	mmhs_dircache_entry_free(self);
	return st;
}

/* arc_sec_peel - open the signed layers around the enveloped one and
 * decrypt it with kr: 1 and *out, 0 when no enveloped layer was met, -1
 * and why in as_note; as_signed and as_encrypted say what was met */
static int
arc_sec_peel(struct arc_agent *aa, const struct arc_keyring *kr,
	const char *msg, size_t len, char **out, size_t *outlen,
	struct arc_sec *as)
{
	struct mmhs_cms_sig sig;
	X509_STORE *trust = NULL;
	char   *cur = NULL, *next;
	size_t	curlen = len, nlen;
	int	depth, rc = 0;
	enum mmhs_cms_kind k;

	for (depth = 0; depth < MMHS_CMS_LAYERS_MAX; depth++) {
		k = mmhs_cms_kind(cur != NULL ? cur : msg, curlen);
		if (k == MMHS_CMS_ENVELOPED) {
			as->as_encrypted = 1;
			if (kr == NULL || kr->kr_n == 0) {
				snprintf(as->as_note, sizeof(as->as_note),
				    "encrypted; no key directory to open it");
				rc = -1;
			} else if (mmhs_cms_decrypt(kr->kr_ids, kr->kr_n,
			    cur != NULL ? cur : msg, curlen, out, outlen,
			    as->as_note, sizeof(as->as_note)) < 0)
				rc = -1;
			else
				rc = 1;
			break;
		}
		if (k != MMHS_CMS_SIGNED)
			break;
		as->as_signed = 1;
		if (trust == NULL && (trust = arc_trust(aa, as->as_note,
		    sizeof(as->as_note))) == NULL) {
			rc = -1;
			break;
		}
		memset(&sig, 0, sizeof(sig));
		if (mmhs_cms_verify(trust, 0, cur != NULL ? cur : msg, curlen,
		    &sig, &next, &nlen, as->as_note,
		    sizeof(as->as_note)) < 0) {
			mmhs_cms_sig_free(&sig);
			rc = -1;
			break;
		}
		mmhs_cms_sig_free(&sig);
		mmhs_free(cur);
		cur = next;
		curlen = nlen;
	}
	if (rc < 0 && as->as_encrypted)
		mmhs_info("encrypted message not opened: %s", as->as_note);
	mmhs_free(cur);
	X509_STORE_free(trust);
	return rc;
}

/* arc_sec_copy - the archive's readable copy of msg, if it needs one */
void
arc_sec_copy(struct arc_agent *aa, const char *msg, size_t len,
	struct arc_sec *as)
{
	struct arc_keyring *kr;
	const struct mmhs_cms_id *own;
	STACK_OF(X509) *to;
	char	*plain = NULL, why[300];
	size_t	plainlen = 0;

	memset(as, 0, sizeof(*as));
	if (mmhs_cms_kind(msg, len) == MMHS_CMS_NONE)
		return;
	kr = arc_keys(aa);
	if (arc_sec_peel(aa, kr, msg, len, &plain, &plainlen, as) <= 0)
		return;
	if ((own = arc_own_key(aa, kr, as->as_key, sizeof(as->as_key), why,
	    sizeof(why))) == NULL) {
		snprintf(as->as_note, sizeof(as->as_note), "decrypted, but not "
		    "re-encrypted: %s", why);
	} else {
		to = sk_X509_new_null();
		if (to == NULL || !sk_X509_push(to, own->ci_cert) ||
		    mmhs_cms_encrypt(to, plain, plainlen, &as->as_copy,
		    &as->as_copy_len, why, sizeof(why)) < 0)
			snprintf(as->as_note, sizeof(as->as_note), "not "
			    "re-encrypted to %.200s: %.250s", as->as_key, why);
		sk_X509_free(to);
	}
	if (as->as_copy == NULL)
		mmhs_warn("encrypted message: %s", as->as_note);
	mmhs_free(plain);
}

/* arc_sec_meta - what arc_sec_copy found, as metadata lines */
void
arc_sec_meta(struct arc_meta *m, const struct arc_sec *as)
{
	char	num[32];

	if (as->as_signed || as->as_encrypted)
		arc_meta_add(m, "Protection", as->as_signed &&
		    as->as_encrypted ? "signed,encrypted" : as->as_encrypted ?
		    "encrypted" : "signed");
	if (as->as_copy != NULL) {
		snprintf(num, sizeof(num), "%zu", as->as_copy_len);
		arc_meta_add(m, "Archive-Copy-Key", as->as_key);
		arc_meta_add(m, "Archive-Copy", num);
	} else if (as->as_encrypted && as->as_note[0] != '\0')
		arc_meta_add(m, "Archive-Note", as->as_note);
}

void
arc_sec_free(struct arc_sec *as)
{
	mmhs_free(as->as_copy);
	memset(as, 0, sizeof(*as));
}

/* arc_sec_readable - record r's message as it can be read: the copy
 * decrypted with the archive key from keydir, or the message itself
 * when it came unencrypted; 0, or -1 and why */
int
arc_sec_readable(const struct arc_rec *r, const char *keydir, char **out,
	size_t *outlen, char *err, size_t errlen)
{
	struct mmhs_cms_id id;
	struct arc_parts p;
	char	addr[MMHS_CMS_ADDR_MAX], note[ARC_ERR_LEN], why[256];
	int	rc;

	*out = NULL;
	if (arc_rec_parts(r, &p, err, errlen) < 0)
		return -1;
	if (p.p_copy == NULL) {
		if (mmhs_cms_kind((const char *)p.p_orig, (size_t)p.p_orig_len)
		    != MMHS_CMS_ENVELOPED) {
			*out = mmhs_malloc((size_t)p.p_orig_len + 1);
			memcpy(*out, p.p_orig, (size_t)p.p_orig_len);
			*outlen = (size_t)p.p_orig_len;
			return 0;
		}
		(void) arc_meta_get(r->r_meta, r->r_metalen, "Archive-Note",
		    note, sizeof(note));
		snprintf(err, errlen, "record %llu came encrypted and the "
		    "archive holds no copy it can read%s%s",
		    (unsigned long long)r->r_recno, note[0] ? ": " : "", note);
		return -1;
	}
	if (keydir == NULL) {
		snprintf(err, errlen, "-k KEYDIR (with the archive's key) is "
		    "required to read record %llu",
		    (unsigned long long)r->r_recno);
		return -1;
	}
	if (arc_meta_get(r->r_meta, r->r_metalen, "Archive-Copy-Key", addr,
	    sizeof(addr)) <= 0 ||
	    mmhs_pki_key_for(keydir, addr, &id, why, sizeof(why)) < 0) {
		snprintf(err, errlen, "record %llu: no archive key %s in "
		    "%s%s%s",
		    (unsigned long long)r->r_recno, addr, keydir,
		    addr[0] ? ": " : "", addr[0] ? why : "");
		return -1;
	}
	rc = mmhs_cms_decrypt(&id, 1, (const char *)p.p_copy,
	    (size_t)p.p_copy_len, out, outlen, why, sizeof(why));
	mmhs_cms_id_free(&id);
	if (rc < 0)
		snprintf(err, errlen, "record %llu: the archive copy does not "
		    "decrypt with the key of %s: %s",
		    (unsigned long long)r->r_recno, addr, why);
	return rc;
}
