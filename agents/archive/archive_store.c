/* archive_store.c - mmhs-archive: the archive directory as a whole
 *
 * Purpose: open an archive directory (creating it), append a message
 * durably, read a record back.  The segments are the archive; the
 * index is derived from them and holds the chain head.
 *
 * Append: under the exclusive lock, the head is read from the index
 * (a purge by another process may have rewritten the segment: its
 * inode is compared and the segment reopened), the record is written
 * at the end of the segment with one writev and fsync'ed, then indexed
 * with the new head in one LMDB transaction.  Only then does the
 * caller answer 250.  When the write, the fsync or the index fails,
 * the segment is cut back to where it ended, so no record exists that
 * was not acknowledged as archived, and the caller answers 451.
 *
 * Recovery at open: archive_recover.c.
 *
 * Error behaviour: -1 and one line in err; nothing exits here.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "archive.h"
#include "archive_index.h"

/* arc_fsync_dir - make a rename or a new file durable */
int
arc_fsync_dir(const char *dir)
{
	int	fd, rc;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY)) < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* arc_seg_open - open segment seg for appending */
static int
arc_seg_open(struct arc_store *s, uint32_t seg, char *err, size_t errlen)
{
	char	path[4096], dir[4096];
	struct stat st;
	int	fd, created;

	arc_seg_path(s->as_dir, seg, path, sizeof(path));
	created = access(path, F_OK) != 0;
	if ((fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0600)) < 0 ||
	    fstat(fd, &st) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	snprintf(dir, sizeof(dir), "%s/seg", s->as_dir);
	if (created && arc_fsync_dir(dir) < 0) {
		snprintf(err, errlen, "%s: fsync: %s", dir, strerror(errno));
		close(fd);
		return -1;
	}
	if (s->as_segfd >= 0)
		close(s->as_segfd);
	s->as_segfd = fd;
	s->as_seg = seg;
	s->as_seg_ino = (uint64_t)st.st_ino;
	return 0;
}

/* arc_store_head - the index head, or that of an empty archive */
int
arc_store_head(struct arc_store *s, struct arc_head *h, char *err,
	size_t errlen)
{
	int	rc = arc_index_head(s->as_idx, h);

	if (rc < 0) {
		snprintf(err, errlen, "index: the chain head cannot be read");
		return -1;
	}
	if (rc == 1) {
		memset(h, 0, sizeof(*h));
		h->h_next = 1;
		h->h_seg = 1;
	}
	return 0;
}

/* arc_store_loc - the index's view of a record at seg/off */
static void
arc_store_loc(const struct arc_rec *r, uint32_t seg, uint64_t off,
	struct arc_loc *l)
{
	char	v[32], *end;
	long long d;

	l->l_seg = seg;
	l->l_off = off;
	l->l_len = r->r_len;
	l->l_received = r->r_time;
	l->l_date = r->r_time;
	if (arc_meta_get(r->r_meta, r->r_metalen, "Date-Epoch", v,
	    sizeof(v)) > 0 && (d = strtoll(v, &end, 10)) > 0 && *end == '\0')
		l->l_date = d;
}

/* arc_store_index - index one record and move the head past it */
int
arc_store_index(struct arc_store *s, const struct arc_rec *r, uint32_t seg,
	uint64_t off, char *err, size_t errlen)
{
	struct arc_loc loc;
	struct arc_head h;

	arc_store_loc(r, seg, off, &loc);
	h.h_next = r->r_recno + 1;
	memcpy(h.h_hash, r->r_hash, ARC_HASH_LEN);
	h.h_seg = seg;
	h.h_end = off + r->r_len;
	if (arc_index_begin(s->as_idx, err, errlen) < 0)
		return -1;
	if (arc_index_put(s->as_idx, r->r_recno, &loc, r->r_meta,
	    r->r_metalen) < 0 || arc_index_set_head(s->as_idx, &h) < 0) {
		arc_index_abort(s->as_idx);
		snprintf(err, errlen, "index: record %llu cannot be written",
		    (unsigned long long)r->r_recno);
		return -1;
	}
	return arc_index_commit(s->as_idx, err, errlen);
}

/* arc_store_open - open (or create) the archive in dir */
int
arc_store_open(struct arc_store **sp, const char *dir, int flags, char *err,
	size_t errlen)
{
	struct arc_store *s = mmhs_calloc(1, sizeof(*s));
	struct arc_head h;
	char	path[4096];
	int	rdonly = (flags & ARC_OPEN_RDONLY) != 0;

	s->as_dir = mmhs_strdup(dir);
	s->as_lockfd = s->as_segfd = -1;
	s->as_seg_max = ARC_SEG_DEF;
	snprintf(path, sizeof(path), "%s/seg", dir);
	if ((flags & ARC_OPEN_CREATE) && ((mkdir(dir, 0700) < 0 &&
	    errno != EEXIST) || (mkdir(path, 0700) < 0 && errno != EEXIST))) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		goto fail;
	}
	snprintf(path, sizeof(path), "%s/lock", dir);
	if (access(dir, F_OK) < 0 || (s->as_lockfd = open(path, (rdonly ?
	    O_RDONLY : O_RDWR) | O_CREAT, 0600)) < 0) {
		snprintf(err, errlen, "%s: %s", access(dir, F_OK) < 0 ? dir :
		    path, strerror(errno));
		goto fail;
	}
	if (arc_index_open(&s->as_idx, dir, rdonly, err, errlen) < 0)
		goto fail;
	if (!rdonly) {
		if (arc_store_lock(s, 1) < 0) {
			snprintf(err, errlen, "%s: lock: %s", path,
			    strerror(errno));
			goto fail;
		}
		if (arc_store_recover(s, err, errlen) < 0 ||
		    arc_store_head(s, &h, err, errlen) < 0 ||
		    arc_seg_open(s, h.h_seg, err, errlen) < 0) {
			arc_store_unlock(s);
			goto fail;
		}
		arc_store_unlock(s);
	}
	*sp = s;
	return 0;
fail:
	arc_store_close(s);
	return -1;
}

void
arc_store_close(struct arc_store *s)
{
	if (s == NULL)
		return;
	if (s->as_segfd >= 0)
		close(s->as_segfd);
	if (s->as_lockfd >= 0)
		close(s->as_lockfd);
	arc_index_close(s->as_idx);
	mmhs_free(s->as_dir);
	mmhs_free(s);
}

int
arc_store_lock(struct arc_store *s, int exclusive)
{
	int	rc;

	while ((rc = flock(s->as_lockfd, exclusive ? LOCK_EX : LOCK_SH)) < 0 &&
	    errno == EINTR)
		;
	return rc;
}

void
arc_store_unlock(struct arc_store *s)
{
	(void) flock(s->as_lockfd, LOCK_UN);
}

/* arc_store_current - the head's segment open (reopened after a purge
 * replaced it, rolled over when full), and nothing after the head */
static int
arc_store_current(struct arc_store *s, struct arc_head *h, char *err,
	size_t errlen)
{
	char	path[4096];
	struct stat st;

	arc_seg_path(s->as_dir, h->h_seg, path, sizeof(path));
	if ((h->h_seg != s->as_seg || stat(path, &st) < 0 ||
	    (uint64_t)st.st_ino != s->as_seg_ino) &&
	    arc_seg_open(s, h->h_seg, err, errlen) < 0)
		return -1;
	if (h->h_end >= s->as_seg_max && h->h_next > 1) {
		if (arc_seg_open(s, h->h_seg + 1, err, errlen) < 0)
			return -1;
		h->h_seg++;
		h->h_end = 0;
	}
	if (fstat(s->as_segfd, &st) < 0 || (uint64_t)st.st_size != h->h_end) {
		snprintf(err, errlen, "segment %08lu does not end where the "
		    "index says (%llu octets, head at %llu): restart the "
		    "archive to recover", (unsigned long)h->h_seg,
		    (unsigned long long)st.st_size,
		    (unsigned long long)h->h_end);
		return -1;
	}
	return 0;
}

/* arc_store_write - the record's octets, all of them, then fsync */
static int
arc_store_write(struct arc_store *s, struct iovec *iov, int n, uint64_t end,
	char *err, size_t errlen)
{
	ssize_t	w;

	while (n > 0) {
		if ((w = writev(s->as_segfd, iov, n)) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (; n > 0 && (size_t)w >= iov->iov_len; iov++, n--)
			w -= (ssize_t)iov->iov_len;
		if (n > 0) {
			iov->iov_base = (char *)iov->iov_base + w;
			iov->iov_len -= (size_t)w;
		}
	}
	if (n == 0 && (s->as_nosync || fsync(s->as_segfd) == 0))
		return 0;
	snprintf(err, errlen, "segment %08lu: write: %s", (unsigned long)s->as_seg,
	    strerror(errno));
	if (ftruncate(s->as_segfd, (off_t)end) < 0 || fsync(s->as_segfd) < 0)
		mmhs_warn("segment %08lu: cannot cut a failed append: %m",
		    (unsigned long)s->as_seg);
	return -1;
}

/* arc_store_append - one message, durably, indexed */
int
arc_store_append(struct arc_store *s, const char *meta, size_t metalen,
	const void *data, size_t len, time_t now, uint64_t *recno,
	unsigned char hash[ARC_HASH_LEN], char *err, size_t errlen)
{
	unsigned char hdr[ARC_HDR_LEN], md[ARC_HASH_LEN], dd[ARC_HASH_LEN];
	unsigned char hh[ARC_HASH_LEN];
	struct iovec iov[4];
	struct arc_head h;
	struct arc_rec r;
	int	rc = -1;

	if (metalen > ARC_META_MAX || len > ARC_DATA_MAX) {
		snprintf(err, errlen, "message of %zu octets over the limit",
		    len);
		return -1;
	}
	if (arc_store_lock(s, 1) < 0) {
		snprintf(err, errlen, "lock: %s", strerror(errno));
		return -1;
	}
	if (arc_store_head(s, &h, err, errlen) < 0 ||
	    arc_store_current(s, &h, err, errlen) < 0)
		goto out;
	arc_sha256(meta, metalen, md);
	arc_sha256(data, len, dd);
	arc_link(h.h_hash, h.h_next, ARC_TYPE_MSG, now, md, dd, hh);
	arc_rec_header(hdr, ARC_TYPE_MSG, h.h_next, now, (uint32_t)metalen,
	    len, h.h_hash);
	iov[0].iov_base = hdr;
	iov[0].iov_len = sizeof(hdr);
	iov[1].iov_base = (void *)meta;
	iov[1].iov_len = metalen;
	iov[2].iov_base = (void *)data;
	iov[2].iov_len = len;
	iov[3].iov_base = hh;
	iov[3].iov_len = sizeof(hh);
	if (arc_store_write(s, iov, 4, h.h_end, err, errlen) < 0)
		goto out;
	if (arc_rec_header_parse(hdr, &r, err, errlen) < 0)
		goto out;
	r.r_meta = meta;
	r.r_data = data;
	r.r_hash = hh;
	if (arc_store_index(s, &r, h.h_seg, h.h_end, err, errlen) < 0) {
		if (ftruncate(s->as_segfd, (off_t)h.h_end) < 0 ||
		    fsync(s->as_segfd) < 0)
			mmhs_warn("segment %08lu: cannot cut an unindexed "
			    "record: %m", (unsigned long)h.h_seg);
		goto out;
	}
	*recno = h.h_next;
	memcpy(hash, hh, ARC_HASH_LEN);
	rc = 0;
out:
	arc_store_unlock(s);
	return rc;
}

/* arc_store_read - record recno from its segment, parsed */
int
arc_store_read(struct arc_store *s, uint64_t recno, unsigned char **buf,
	struct arc_rec *r, char *err, size_t errlen)
{
	char	path[4096], why[ARC_ERR_LEN];
	struct arc_loc loc;
	int	fd, rc;

	*buf = NULL;
	if ((rc = arc_index_get(s->as_idx, recno, &loc, NULL, NULL)) != 0) {
		snprintf(err, errlen, rc > 0 ? "no record %llu in the archive "
		    "(never archived, or purged)" : "index: record %llu cannot "
		    "be read", (unsigned long long)recno);
		return -1;
	}
	arc_seg_path(s->as_dir, loc.l_seg, path, sizeof(path));
	if (loc.l_len > ARC_DATA_MAX + ARC_META_MAX + ARC_HDR_LEN +
	    ARC_TRAILER_LEN || (fd = open(path, O_RDONLY)) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	*buf = mmhs_malloc((size_t)loc.l_len);
	rc = pread(fd, *buf, (size_t)loc.l_len, (off_t)loc.l_off) ==
	    (ssize_t)loc.l_len ? arc_rec_parse(*buf, (size_t)loc.l_len, r,
	    why, sizeof(why)) : 0;
	close(fd);
	if (rc != 1 || r->r_recno != recno || r->r_type != ARC_TYPE_MSG ||
	    r->r_len != loc.l_len) {
		snprintf(err, errlen, "record %llu: not where the index says "
		    "(segment %08lu offset %llu)%s%s; run verify",
		    (unsigned long long)recno, (unsigned long)loc.l_seg,
		    (unsigned long long)loc.l_off, rc < 0 ? ": " : "",
		    rc < 0 ? why : "");
		mmhs_free(*buf);
		*buf = NULL;
		return -1;
	}
	return 0;
}

/* arc_store_verify - walk the chain, then compare its end with the
 * index head (a removed last record leaves the chain whole) */
int
arc_store_verify(struct arc_store *s, struct arc_walk *w, char *err,
	size_t errlen)
{
	char	a[65], b[65];
	struct arc_head h;

	if (arc_chain_walk(s->as_dir, w, NULL, NULL, err, errlen) < 0 ||
	    arc_store_head(s, &h, err, errlen) < 0)
		return -1;
	if (w->w_next < h.h_next) {
		snprintf(err, errlen, "record %llu is missing: the chain ends "
		    "after record %llu but the index says record %llu was "
		    "archived", (unsigned long long)w->w_next,
		    (unsigned long long)(w->w_next - 1),
		    (unsigned long long)(h.h_next - 1));
		return -1;
	}
	if (w->w_next > h.h_next || (h.h_next > 1 &&
	    memcmp(w->w_head, h.h_hash, ARC_HASH_LEN) != 0)) {
		snprintf(err, errlen, "record %llu: the chain ends with hash "
		    "%.16s... but the index head is record %llu with %.16s...",
		    (unsigned long long)(w->w_next - 1), arc_hex(w->w_head, a),
		    (unsigned long long)(h.h_next - 1), arc_hex(h.h_hash, b));
		return -1;
	}
	return 0;
}

/* arc_store_nosync - the bench's fast fill, and the sync after it */
int
arc_store_nosync(struct arc_store *s, int on)
{
	s->as_nosync = on;
	if (arc_index_nosync(s->as_idx, on) < 0)
		return -1;
	return on || s->as_segfd < 0 ? 0 : fsync(s->as_segfd);
}
