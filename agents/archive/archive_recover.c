/* archive_recover.c - mmhs-archive: what open does after a crash
 *
 * Purpose: recovery at open (for writers).  A purge interrupted after its index
 * commit is finished (the marked segment's ".new" file renamed into
 * place); a ".new" file without a mark is an abandoned purge and is
 * removed.  Records after the index head that link to it (a crash
 * between fsync and index commit) are indexed; a torn last record
 * (never acknowledged) is cut off.  Anything else after the head, or a
 * segment shorter than the head says, is damage: open refuses, naming
 * the segment, and verify tells more.
 *
 * Error behaviour: -1 and one line in err, naming the segment.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mmhs_alloc.h"
#include "mmhs_log.h"
#include "archive.h"
#include "archive_index.h"

/* arc_store_finish_purge - complete or forget an interrupted purge */
static int
arc_store_finish_purge(struct arc_store *s, char *err, size_t errlen)
{
	char	path[4096], tmp[4200], dir[4096];
	uint32_t seg, *segs;
	size_t	nsegs, i;
	int	rc;

	snprintf(dir, sizeof(dir), "%s/seg", s->as_dir);
	if ((rc = arc_index_purging(s->as_idx, &seg)) == 1) {
		arc_seg_path(s->as_dir, seg, path, sizeof(path));
		snprintf(tmp, sizeof(tmp), "%s.new", path);
		if (access(tmp, F_OK) == 0 && (rename(tmp, path) < 0 ||
		    arc_fsync_dir(dir) < 0)) {
			snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
			return -1;
		}
		if (arc_index_begin(s->as_idx, err, errlen) < 0)
			return -1;
		if (arc_index_set_purging(s->as_idx, 0, 0) < 0) {
			arc_index_abort(s->as_idx);
			snprintf(err, errlen, "index: cannot clear the purge mark");
			return -1;
		}
		if (arc_index_commit(s->as_idx, err, errlen) < 0)
			return -1;
	} else if (rc < 0) {
		snprintf(err, errlen, "index: cannot read the purge mark");
		return -1;
	}
	if (arc_seg_list(s->as_dir, &segs, &nsegs, err, errlen) < 0)
		return -1;
	for (i = 0; i < nsegs; i++) {
		arc_seg_path(s->as_dir, segs[i], path, sizeof(path));
		snprintf(tmp, sizeof(tmp), "%s.new", path);
		(void) unlink(tmp);
	}
	mmhs_free(segs);
	return 0;
}


/* arc_store_tail - records of one segment after off: index or cut */
static int
arc_store_tail(struct arc_store *s, int fd, uint32_t seg, uint64_t off,
	uint64_t size, struct arc_head *h, char *err, size_t errlen)
{
	unsigned char *buf = mmhs_malloc((size_t)(size - off));
	char	why[ARC_ERR_LEN];
	struct arc_rec r;
	uint64_t at = 0;
	int	prc, rc = 0;

	if (pread(fd, buf, (size_t)(size - off), (off_t)off) !=
	    (ssize_t)(size - off)) {
		snprintf(err, errlen, "segment %08lu: read: %s",
		    (unsigned long)seg, strerror(errno));
		mmhs_free(buf);
		return -1;
	}
	while (rc == 0 && off + at < size) {
		prc = arc_rec_parse(buf + at, (size_t)(size - off - at), &r,
		    why, sizeof(why));
		if (prc == 0) {		/* torn, never acknowledged */
			if (ftruncate(fd, (off_t)(off + at)) < 0 ||
			    fsync(fd) < 0) {
				snprintf(err, errlen, "segment %08lu: cannot cut "
				    "a torn record: %s", (unsigned long)seg,
				    strerror(errno));
				rc = -1;
			} else
				mmhs_warn("segment %08lu: a torn record after "
				    "record %llu cut off (never acknowledged)",
				    (unsigned long)seg,
				    (unsigned long long)(h->h_next - 1));
			break;
		}
		if (prc < 0 || r.r_type != ARC_TYPE_MSG ||
		    r.r_recno != h->h_next ||
		    arc_rec_check(&r, h->h_hash, why, sizeof(why)) < 0) {
			snprintf(err, errlen, "segment %08lu offset %llu: after "
			    "record %llu, data that does not continue the chain"
			    " (%s); run verify", (unsigned long)seg,
			    (unsigned long long)(off + at),
			    (unsigned long long)(h->h_next - 1),
			    prc < 0 ? why : "not the next record");
			rc = -1;
		} else if ((rc = arc_store_index(s, &r, seg, off + at, err,
		    errlen)) == 0) {
			h->h_next = r.r_recno + 1;
			memcpy(h->h_hash, r.r_hash, ARC_HASH_LEN);
			at += r.r_len;
		}
	}
	mmhs_free(buf);
	return rc;
}

/* arc_store_tail_all - bring the index up to the segments' end */
static int
arc_store_tail_all(struct arc_store *s, char *err, size_t errlen)
{
	char	path[4096];
	struct arc_head h;
	struct stat st;
	uint32_t seg;
	uint64_t start;
	int	fd, rc = 0;

	if (arc_store_head(s, &h, err, errlen) < 0)
		return -1;
	for (seg = h.h_seg; rc == 0; seg++) {
		arc_seg_path(s->as_dir, seg, path, sizeof(path));
		if ((fd = open(path, O_RDWR)) < 0) {
			if (errno == ENOENT && (seg > h.h_seg || h.h_next == 1))
				break;
			snprintf(err, errlen, "%s: %s (the index head is in "
			    "it); run verify", path, strerror(errno));
			return -1;
		}
		start = seg == h.h_seg ? h.h_end : 0;
		if (fstat(fd, &st) < 0) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			rc = -1;
		} else if ((uint64_t)st.st_size < start) {
			snprintf(err, errlen, "segment %08lu is %llu octets but "
			    "the index says record %llu ends at %llu: records "
			    "were removed; run verify", (unsigned long)seg,
			    (unsigned long long)st.st_size,
			    (unsigned long long)(h.h_next - 1),
			    (unsigned long long)start);
			rc = -1;
		} else if ((uint64_t)st.st_size > start)
			rc = arc_store_tail(s, fd, seg, start,
			    (uint64_t)st.st_size, &h, err, errlen);
		close(fd);
	}
	return rc;
}

/* arc_store_recover - an interrupted purge, then the tail */
int
arc_store_recover(struct arc_store *s, char *err, size_t errlen)
{
	if (arc_store_finish_purge(s, err, errlen) < 0)
		return -1;
	return arc_store_tail_all(s, err, errlen);
}
