/* archive_chain.c - mmhs-archive: the hash chain and its verification
 *
 * Purpose: the chain hash of archive.h (SHA-256 through OpenSSL EVP),
 * the segment files of an archive directory, and the walk that reads
 * every record in order and checks it against the one before.
 *
 * What the walk detects, and how it names it:
 *	a changed octet of a record	its hash no longer matches its
 *					content, or its header no longer
 *					parses: "record N: ..."
 *	a record removed		the number after it skips one:
 *					"record N is missing"
 *	records reordered		a number out of sequence, or a
 *					previous-record hash that does not
 *					match
 *	a cut or torn segment		"cut short inside the record
 *					after record N"
 * The end of the chain (a removed last record) is checked against the
 * head kept in the index by the caller (archive_store.c,
 * archive_cmd.c), and against the "archived" lines of the tracking
 * log, which carry each record's chain hash.
 *
 * Error behaviour: -1 and one line naming the first problem; the walk
 * stops there.  Segments are read through mmap, never written here.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "archive.h"

static const char arc_tag[] = "MMHS-ARCHIVE-1";

/* arc_sha256 - SHA-256 of one buffer */
void
arc_sha256(const void *p, size_t len, unsigned char out[ARC_HASH_LEN])
{
	unsigned int n = ARC_HASH_LEN;

	if (EVP_Digest(p, len, out, &n, EVP_sha256(), NULL) != 1)
		mmhs_fatal("SHA-256 is not available from OpenSSL");
}

/* arc_link - the chain hash of one record */
void
arc_link(const unsigned char prev[ARC_HASH_LEN], uint64_t recno, int type,
	int64_t time, const unsigned char md[ARC_HASH_LEN],
	const unsigned char dd[ARC_HASH_LEN], unsigned char out[ARC_HASH_LEN])
{
	unsigned char buf[sizeof(arc_tag) + 3 * ARC_HASH_LEN + 17];
	unsigned char *p = buf;

	memcpy(p, arc_tag, sizeof(arc_tag));	/* with its NUL */
	p += sizeof(arc_tag);
	memcpy(p, prev, ARC_HASH_LEN);
	p += ARC_HASH_LEN;
	arc_put64(p, recno);
	p[8] = (unsigned char)type;
	arc_put64(p + 9, (uint64_t)time);
	p += 17;
	memcpy(p, md, ARC_HASH_LEN);
	memcpy(p + ARC_HASH_LEN, dd, ARC_HASH_LEN);
	p += 2 * ARC_HASH_LEN;
	arc_sha256(buf, (size_t)(p - buf), out);
}

/* arc_hex - a hash as 64 hex digits */
char *
arc_hex(const unsigned char h[ARC_HASH_LEN], char out[65])
{
	static const char hx[] = "0123456789abcdef";
	int	i;

	for (i = 0; i < ARC_HASH_LEN; i++) {
		out[2 * i] = hx[h[i] >> 4];
		out[2 * i + 1] = hx[h[i] & 15];
	}
	out[64] = '\0';
	return out;
}

void
arc_seg_path(const char *dir, uint32_t seg, char *buf, size_t len)
{
	snprintf(buf, len, "%s/seg/%08lu.arc", dir, (unsigned long)seg);
}

static int
arc_u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* arc_seg_list - the segment numbers in DIR/seg, ascending */
int
arc_seg_list(const char *dir, uint32_t **segs, size_t *nsegs, char *err,
	size_t errlen)
{
	char	path[4096], *end;
	struct dirent *de;
	size_t	n = 0, cap = 16;
	unsigned long v;
	DIR	*d;

	snprintf(path, sizeof(path), "%s/seg", dir);
	if ((d = opendir(path)) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	*segs = mmhs_calloc(cap, sizeof(**segs));
	while ((de = readdir(d)) != NULL) {
		v = strtoul(de->d_name, &end, 10);
		if (strlen(de->d_name) != 12 || strcmp(end, ".arc") != 0 ||
		    v == 0 || v > 99999999)
			continue;
		if (n == cap)
			*segs = mmhs_realloc(*segs, (cap *= 2) * sizeof(**segs));
		(*segs)[n++] = (uint32_t)v;
	}
	closedir(d);
	qsort(*segs, n, sizeof(**segs), arc_u32_cmp);
	*nsegs = n;
	return 0;
}

/* arc_rec_check - a message record's own hash and link to prev */
int
arc_rec_check(const struct arc_rec *r, const unsigned char prev[ARC_HASH_LEN],
	char *err, size_t errlen)
{
	unsigned char md[ARC_HASH_LEN], dd[ARC_HASH_LEN], h[ARC_HASH_LEN];

	if (memcmp(r->r_prev, prev, ARC_HASH_LEN) != 0) {
		snprintf(err, errlen, "record %llu: its previous-record hash "
		    "does not match the chain before it (a record removed, "
		    "reordered or changed)", (unsigned long long)r->r_recno);
		return -1;
	}
	arc_sha256(r->r_meta, r->r_metalen, md);
	arc_sha256(r->r_data, (size_t)r->r_datalen, dd);
	arc_link(prev, r->r_recno, r->r_type, r->r_time, md, dd, h);
	if (memcmp(h, r->r_hash, ARC_HASH_LEN) != 0) {
		snprintf(err, errlen, "record %llu: content does not match its "
		    "hash (changed after it was archived)",
		    (unsigned long long)r->r_recno);
		return -1;
	}
	return 0;
}

/* arc_ckpt_check - a checkpoint: the chain through its entries */
static int
arc_ckpt_check(const struct arc_rec *r, struct arc_walk *w, char *err,
	size_t errlen)
{
	struct arc_ckpt_ent e;
	unsigned char h[ARC_HASH_LEN];
	size_t	i, n = (size_t)(r->r_datalen / ARC_CKPT_ENT);

	if (memcmp(r->r_prev, w->w_head, ARC_HASH_LEN) != 0) {
		snprintf(err, errlen, "checkpoint at record %llu: its previous"
		    "-record hash does not match the chain before it",
		    (unsigned long long)r->r_recno);
		return -1;
	}
	memcpy(h, w->w_head, ARC_HASH_LEN);
	for (i = 0; i < n; i++) {
		arc_ckpt_get(r, i, &e);
		if (e.ce_recno != w->w_next + i || e.ce_type != ARC_TYPE_MSG) {
			snprintf(err, errlen, "checkpoint at record %llu: entry "
			    "%zu names record %llu, not %llu",
			    (unsigned long long)r->r_recno, i,
			    (unsigned long long)e.ce_recno,
			    (unsigned long long)(w->w_next + i));
			return -1;
		}
		arc_link(h, e.ce_recno, e.ce_type, e.ce_time, e.ce_md,
		    e.ce_dd, h);
	}
	if (memcmp(h, r->r_hash, ARC_HASH_LEN) != 0) {
		snprintf(err, errlen, "checkpoint of records %llu-%llu: the "
		    "chain through its entries does not give its hash",
		    (unsigned long long)r->r_recno,
		    (unsigned long long)(r->r_recno + n - 1));
		return -1;
	}
	memcpy(w->w_head, h, ARC_HASH_LEN);
	w->w_purged += n;
	w->w_next += n;
	return 0;
}

/* arc_walk_rec - one record in its place in the chain */
static int
arc_walk_rec(const struct arc_rec *r, struct arc_walk *w, char *err,
	size_t errlen)
{
	if (r->r_recno > w->w_next) {
		snprintf(err, errlen, "record %llu is missing (record %llu "
		    "follows record %llu)", (unsigned long long)w->w_next,
		    (unsigned long long)r->r_recno,
		    (unsigned long long)(w->w_next - 1));
		return -1;
	}
	if (r->r_recno < w->w_next) {
		snprintf(err, errlen, "record %llu is out of order (it follows "
		    "record %llu)", (unsigned long long)r->r_recno,
		    (unsigned long long)(w->w_next - 1));
		return -1;
	}
	if (r->r_type == ARC_TYPE_CKPT)
		return arc_ckpt_check(r, w, err, errlen);
	if (arc_rec_check(r, w->w_head, err, errlen) < 0)
		return -1;
	memcpy(w->w_head, r->r_hash, ARC_HASH_LEN);
	w->w_records++;
	w->w_next++;
	return 0;
}

/* arc_walk_seg - every record of one segment */
static int
arc_walk_seg(const char *dir, uint32_t seg, struct arc_walk *w,
	arc_walk_fn fn, void *arg, char *err, size_t errlen)
{
	char	path[4096], why[ARC_ERR_LEN];
	const unsigned char *base = NULL;
	struct arc_rec r;
	struct stat st;
	uint64_t off = 0;
	int	fd, rc = 0, prc;

	arc_seg_path(dir, seg, path, sizeof(path));
	if ((fd = open(path, O_RDONLY)) < 0 || fstat(fd, &st) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (st.st_size > 0 && (base = mmap(NULL, (size_t)st.st_size,
	    PROT_READ, MAP_PRIVATE, fd, 0)) == MAP_FAILED) {
		snprintf(err, errlen, "%s: mmap: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	close(fd);
	while (rc == 0 && off < (uint64_t)st.st_size) {
		prc = arc_rec_parse(base + off, (size_t)st.st_size - off, &r,
		    why, sizeof(why));
		if (prc <= 0) {
			snprintf(err, errlen, "record %llu: segment %08lu offset "
			    "%llu: %s", (unsigned long long)w->w_next,
			    (unsigned long)seg, (unsigned long long)off,
			    prc == 0 ? "cut short inside the record" : why);
			rc = -1;
		} else if ((rc = arc_walk_rec(&r, w, err, errlen)) == 0) {
			if (fn != NULL && fn(arg, &r, seg, off) != 0)
				rc = 1;
			off += r.r_len;
		}
	}
	if (base != NULL)
		munmap((void *)base, (size_t)st.st_size);
	w->w_seg = seg;
	w->w_end = off;
	return rc;
}

/* arc_chain_walk - every segment in order */
int
arc_chain_walk(const char *dir, struct arc_walk *w, arc_walk_fn fn, void *arg,
	char *err, size_t errlen)
{
	uint32_t *segs;
	size_t	nsegs, i;
	int	rc = 0;

	memset(w, 0, sizeof(*w));
	w->w_next = 1;
	if (arc_seg_list(dir, &segs, &nsegs, err, errlen) < 0)
		return -1;
	for (i = 0; i < nsegs && rc == 0; i++)
		rc = arc_walk_seg(dir, segs[i], w, fn, arg, err, errlen);
	mmhs_free(segs);
	return rc < 0 ? -1 : 0;
}
