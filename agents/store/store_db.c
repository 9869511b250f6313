/* store_db.c - opening the mailbox store, names, and the record format
 *
 * The contract is in store_db.h, the layout in store_db_int.h.  This
 * file opens the LMDB environment (MDB_NOTLS: a read transaction may
 * be begun in one libmicrohttpd thread and ended in another), encodes
 * and decodes keys and message records, and maps LMDB errors onto
 * enum store_err: MDB_MAP_FULL and ENOSPC are STORE_FULL (LMTP 452),
 * anything else STORE_TEMP (451), so a delivery that cannot be written
 * is retried by the MTA, never lost.
 *
 * Why the original bytes live in LMDB and not in files: one commit then
 * holds the message, its indexes, its counters and its bytes, so there
 * is no window in which a crash leaves a summary without bytes or a file
 * without a summary, and no per-file fsync and rename; LMDB keeps large
 * values on overflow pages outside the B-tree, so listing never reads
 * them.  Keyed by SHA-256 with a reference count, a copy delivered to
 * many mailboxes is kept once.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "mmhs_alloc.h"
#include "mmhs_ascii.h"
#include "store_db_int.h"

static const char *const sdb_flag_names[] = {
	"seen", "answered", "flagged", "deleted", "info", "redirected"
};

/* store_flag_name - name of one flag bit */
const char *
store_flag_name(unsigned flag)
{
	size_t i;

	for (i = 0; i < sizeof(sdb_flag_names) / sizeof(*sdb_flag_names); i++)
		if (flag == 1u << i)
			return sdb_flag_names[i];
	return NULL;
}

/* store_flag_from_name - bit of a flag name, 0 when unknown */
unsigned
store_flag_from_name(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(sdb_flag_names) / sizeof(*sdb_flag_names); i++)
		if (strcasecmp(name, sdb_flag_names[i]) == 0)
			return 1u << i;
	return 0;
}

/* store_folder_valid - 1..100 bytes, no controls, no outer spaces */
int
store_folder_valid(const char *name)
{
	size_t len, i;

	if (name == NULL || (len = strlen(name)) == 0 || len > STORE_FOLDER_MAX)
		return 0;
	if (name[0] == ' ' || name[len - 1] == ' ')
		return 0;
	for (i = 0; i < len; i++)
		if ((unsigned char) name[i] < 0x20 || name[i] == 0x7f)
			return 0;
	return 1;
}

/* sdb_folder_name - the stored spelling of a folder ("Inbox" for any) */
const char *
sdb_folder_name(const char *folder)
{
	if (folder == NULL || strcasecmp(folder, "inbox") == 0)
		return "Inbox";
	return folder;
}

/*
 * store_dn_norm - lower case, no spaces around the separators
 *
 * Enough for DNs as our directory writes them (attribute types and
 * values in ASCII); an escaped character ("\,") is kept as it is.
 */
char *
store_dn_norm(const char *dn)
{
	char *out = mmhs_malloc(strlen(dn) + 1), *o = out;
	const char *p = dn;

	while (*p == ' ')
		p++;
	for (; *p != '\0'; p++) {
		if (*p == '\\' && p[1] != '\0') {
			*o++ = *p++;
			*o++ = (char) mmhs_ascii_lower((unsigned char) *p);
			continue;
		}
		if (*p == ',' || *p == '=' || *p == '+') {
			while (o > out && o[-1] == ' ')
				o--;
			*o++ = *p;
			while (p[1] == ' ')
				p++;
			continue;
		}
		*o++ = (char) mmhs_ascii_lower((unsigned char) *p);
	}
	while (o > out && o[-1] == ' ' && (o - out < 2 || o[-2] != '\\'))
		o--;
	*o = '\0';
	return out;
}

/* ---------------------------------------------------------------- */

void
sdb_put32(unsigned char *p, uint32_t v)
{
	p[0] = v >> 24; p[1] = v >> 16; p[2] = v >> 8; p[3] = v;
}

void
sdb_put64(unsigned char *p, uint64_t v)
{
	sdb_put32(p, (uint32_t) (v >> 32));
	sdb_put32(p + 4, (uint32_t) v);
}

uint32_t
sdb_get32(const unsigned char *p)
{
	return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16 |
	    (uint32_t) p[2] << 8 | p[3];
}

uint64_t
sdb_get64(const unsigned char *p)
{
	return (uint64_t) sdb_get32(p) << 32 | sdb_get32(p + 4);
}

/* sdb_time_key - a time as an unsigned number in the same order */
uint64_t
sdb_time_key(time_t t)
{
	return (uint64_t) (int64_t) t ^ ((uint64_t) 1 << 63);
}

time_t
sdb_time_from_key(uint64_t k)
{
	return (time_t) (int64_t) (k ^ ((uint64_t) 1 << 63));
}

void
sdb_msg_key(unsigned char *k, uint32_t mbno, uint64_t id)
{
	sdb_put32(k, mbno);
	sdb_put64(k + 4, id);
}

/* sdb_idx_key - key of a message in index kind ('d', 'p', 'c') */
void
sdb_idx_key(unsigned char *k, uint32_t mbno, uint32_t fno, int kind,
    const struct sdb_msghdr *h, uint64_t id)
{
	unsigned major = 0;
	time_t date = h->mh_date != 0 ? (time_t) h->mh_date :
	    (time_t) h->mh_received;

	if (kind == 'p')
		major = h->mh_prec;
	else if (kind == 'c')
		major = (unsigned) (h->mh_class_level + 1);
	sdb_put32(k, mbno);
	sdb_put32(k + 4, fno);
	k[8] = (unsigned char) kind;
	k[9] = (unsigned char) (major >> 8);
	k[10] = (unsigned char) major;
	sdb_put64(k + 11, sdb_time_key(date));
	sdb_put64(k + 19, id);
}

void
sdb_pend_key(unsigned char *k, time_t received, uint32_t mbno, uint64_t id)
{
	sdb_put64(k, sdb_time_key(received));
	sdb_put32(k + 8, mbno);
	sdb_put64(k + 12, id);
}

/* sdb_hash_ci - FNV-1a of an ASCII-case-folded string */
uint32_t
sdb_hash_ci(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char) mmhs_ascii_lower((unsigned char) s[i]);
		h *= 16777619u;
	}
	return h;
}

/* sdb_sic_bit - the bit of a SIC in the digest's 32-bit Bloom filter */
uint32_t
sdb_sic_bit(const char *s, size_t len)
{
	return 1u << (sdb_hash_ci(s, len) & 31);
}

/* sdb_pending - does ffmon still watch a message with these flags */
int
sdb_pending(unsigned flags)
{
	return (flags & (STORE_F_SEEN | STORE_F_DELETED |
	    STORE_F_REDIRECTED)) == 0;
}

void
sdb_digest(const struct sdb_rec *r, struct sdb_digest *d)
{
	uint32_t i;

	memset(d, 0, sizeof(*d));
	d->dg_flags = (uint8_t) r->r_hdr.mh_flags;
	d->dg_prec = (uint8_t) r->r_hdr.mh_prec;
	d->dg_class = (uint16_t) (r->r_hdr.mh_class_level + 1);
	d->dg_class_hash = sdb_hash_ci(r->r_str[SDB_S_CLASS],
	    r->r_len[SDB_S_CLASS]);
	d->dg_orig_hash = sdb_hash_ci(r->r_str[SDB_S_FROM],
	    r->r_len[SDB_S_FROM]);
	for (i = 0; i < r->r_nsic; i++)
		d->dg_sic_bloom |= sdb_sic_bit(r->r_sic[i], r->r_siclen[i]);
}

/* sdb_rec_decode - a msg value into r; 0, or -1 when it is damaged */
int
sdb_rec_decode(const MDB_val *v, struct sdb_rec *r)
{
	const unsigned char *p = v->mv_data, *end = p + v->mv_size;
	uint32_t i, n, len;

	if (v->mv_size < sizeof(r->r_hdr))
		return -1;
	memcpy(&r->r_hdr, p, sizeof(r->r_hdr));
	p += sizeof(r->r_hdr);
	if (r->r_hdr.mh_version != SDB_VERSION ||
	    r->r_hdr.mh_nsic > SDB_NSIC_MAX)
		return -1;
	n = SDB_NSTR + r->r_hdr.mh_nsic;
	for (i = 0; i < n; i++) {
		if (end - p < 4)
			return -1;
		memcpy(&len, p, 4);
		p += 4;
		if ((size_t) (end - p) < len)
			return -1;
		if (i < SDB_NSTR) {
			r->r_str[i] = (const char *) p;
			r->r_len[i] = len;
		} else {
			r->r_sic[i - SDB_NSTR] = (const char *) p;
			r->r_siclen[i - SDB_NSTR] = len;
		}
		p += len;
	}
	r->r_nsic = r->r_hdr.mh_nsic;
	return 0;
}

/* sdb_copy - append len bytes and a NUL at *pp, return the start */
static char *
sdb_copy(char **pp, const char *s, size_t len)
{
	char *start = *pp;

	memcpy(start, s, len);
	start[len] = '\0';
	*pp = start + len + 1;
	return start;
}

/* sdb_rec_to_msg - a record as the caller's struct store_msg, in one
 * allocation (sm_mem) */
void
sdb_rec_to_msg(const struct sdb_rec *r, const char *mailbox, uint64_t id,
    const char *folder, struct store_msg *m)
{
	size_t need = strlen(mailbox) + 1, i;
	char *p, **sic;
	char *s[SDB_NSTR];

	for (i = 0; i < SDB_NSTR; i++)
		need += r->r_len[i] + 1;
	for (i = 0; i < r->r_nsic; i++)
		need += r->r_siclen[i] + 1;
	need += (r->r_nsic + 1) * sizeof(char *);
	sic = mmhs_malloc(need);
	p = (char *) (sic + r->r_nsic + 1);
	memset(m, 0, sizeof(*m));
	m->sm_mem = sic;
	m->sm_mailbox = sdb_copy(&p, mailbox, strlen(mailbox));
	for (i = 0; i < SDB_NSTR; i++)
		s[i] = sdb_copy(&p, r->r_str[i], r->r_len[i]);
	for (i = 0; i < r->r_nsic; i++)
		sic[i] = sdb_copy(&p, r->r_sic[i], r->r_siclen[i]);
	sic[r->r_nsic] = NULL;
	m->sm_id = id;
	snprintf(m->sm_folder, sizeof(m->sm_folder), "%s", folder);
	m->sm_flags = r->r_hdr.mh_flags;
	m->sm_received = (time_t) r->r_hdr.mh_received;
	m->sm_prec = (enum mmhs_precedence) r->r_hdr.mh_prec;
	m->sm_class = s[SDB_S_CLASS];
	m->sm_class_level = r->r_hdr.mh_class_level;
	m->sm_marking = s[SDB_S_MARKING];
	m->sm_nsic = r->r_nsic;
	m->sm_sic = sic;
	m->sm_date = (time_t) r->r_hdr.mh_date;
	m->sm_date_text = s[SDB_S_DATE];
	m->sm_from = s[SDB_S_FROM];
	m->sm_subject = s[SDB_S_SUBJECT];
	m->sm_message_id = s[SDB_S_MSGID];
	m->sm_mdn_to = s[SDB_S_MDN];
	m->sm_return_path = s[SDB_S_RPATH];
	m->sm_type = r->r_hdr.mh_type;
	m->sm_size = (size_t) r->r_hdr.mh_size;
}

void
store_msg_free(struct store_msg *m)
{
	if (m == NULL)
		return;
	mmhs_free(m->sm_mem);
	memset(m, 0, sizeof(*m));
}

/* sdb_fail - a message into err, return code */
int
sdb_fail(int code, char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err != NULL && errlen > 0) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return code;
}

/* sdb_error - an LMDB failure as a store error */
int
sdb_error(int rc, const char *what, char *err, size_t errlen)
{
	int code = STORE_TEMP;

	if (rc == MDB_MAP_FULL || rc == ENOSPC || rc == EDQUOT)
		code = STORE_FULL;
	else if (rc == EACCES || rc == EROFS)
		code = STORE_READONLY;
	return sdb_fail(code, err, errlen, "store %s: %s", what,
	    mdb_strerror(rc));
}

/* ---------------------------------------------------------------- */

int
sdb_mbox_get(struct store_db *db, MDB_txn *txn, const char *norm,
    struct sdb_mbox *mb, MDB_val *val)
{
	MDB_val k = { strlen(norm), (void *) norm }, v;
	int rc;

	if ((rc = mdb_get(txn, db->db_mbox, &k, &v)) != 0)
		return rc;
	if (v.mv_size < sizeof(*mb))
		return MDB_CORRUPTED;
	memcpy(mb, v.mv_data, sizeof(*mb));
	if (val != NULL)
		*val = v;
	return 0;
}

int
sdb_folder_get(struct store_db *db, MDB_txn *txn, uint32_t mbno,
    const char *name, struct sdb_folder *fo)
{
	unsigned char key[4 + STORE_FOLDER_MAX];
	size_t len = strlen(name);
	MDB_val k = { 4 + len, key }, v;
	int rc;

	if (len > STORE_FOLDER_MAX)
		return MDB_NOTFOUND;
	sdb_put32(key, mbno);
	memcpy(key + 4, name, len);
	if ((rc = mdb_get(txn, db->db_folder, &k, &v)) != 0)
		return rc;
	if (v.mv_size != sizeof(*fo))
		return MDB_CORRUPTED;
	memcpy(fo, v.mv_data, sizeof(*fo));
	return 0;
}

/* sdb_fnum_name - name of folder number fno into name (STORE_FOLDER_MAX+1) */
int
sdb_fnum_name(struct store_db *db, MDB_txn *txn, uint32_t mbno,
    uint32_t fno, char *name)
{
	unsigned char key[8];
	MDB_val k = { 8, key }, v;
	int rc;

	sdb_put32(key, mbno);
	sdb_put32(key + 4, fno);
	if ((rc = mdb_get(txn, db->db_fnum, &k, &v)) != 0)
		return rc;
	if (v.mv_size > STORE_FOLDER_MAX)
		return MDB_CORRUPTED;
	memcpy(name, v.mv_data, v.mv_size);
	name[v.mv_size] = '\0';
	return 0;
}

int
sdb_msg_get(struct store_db *db, MDB_txn *txn, uint32_t mbno, uint64_t id,
    struct sdb_rec *r)
{
	unsigned char key[SDB_MSG_KEYLEN];
	MDB_val k = { sizeof(key), key }, v;
	int rc;

	sdb_msg_key(key, mbno, id);
	if ((rc = mdb_get(txn, db->db_msg, &k, &v)) != 0)
		return rc;
	return sdb_rec_decode(&v, r) == 0 ? 0 : MDB_CORRUPTED;
}
