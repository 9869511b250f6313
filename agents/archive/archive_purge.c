/* archive_purge.c - mmhs-archive: retention
 *
 * Purpose: remove the records whose retention has passed, so that what
 * is left still verifies.  A message record is past its retention when
 * every policy it was archived under (its Policy: lines) has an
 * mmhsRetentionDays and the longest of them, counted from the record's
 * received time, has passed.  A record with no policy, or with a policy
 * that has no mmhsRetentionDays or is no longer in the directory, is
 * kept: removal needs a policy that says so.
 *
 * How: the whole chain is verified first (a damaged archive is not
 * purged: its damage would be laundered into a checkpoint).  Then each
 * segment holding such records is written anew beside the old one
 * (NNNNNNNN.arc.new), each run of removed records (with any checkpoint
 * next to it) replaced by one checkpoint record that carries, per
 * removed record, its number, received time and the digests of its
 * metadata and message; the chain hash runs through those entries, so
 * verify still links the records on both sides, and a checkpoint
 * cannot drop a record it does not name.  The index is then changed in
 * one transaction (records dropped, the others moved, the head's end
 * if it is the last segment) together with a mark naming the segment;
 * then the new file is renamed over the old and the mark cleared.  A
 * crash before the index commit leaves the old segment (the .new file
 * is removed at the next open); after it, the next open completes the
 * rename (archive_recover.c).
 *
 * Everything runs under the archive's exclusive lock, so the daemon's
 * appends wait and then reopen the replaced segment.
 *
 * Error behaviour: -1 and one line; segments already done stay done.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mmhs_alloc.h"
#include "archive.h"
#include "archive_index.h"

struct arc_pg {
	struct arc_store *pg_s;
	time_t	pg_now;
	arc_days_fn pg_days;
	void	*pg_arg;
	int	pg_fd;			/* the .new file */
	uint64_t pg_off;		/* its length so far */
	int	pg_err;
	/* the run of removed records being gathered */
	unsigned char *pg_run;		/* checkpoint entries */
	size_t	pg_nrun, pg_runcap;
	unsigned char pg_prev[ARC_HASH_LEN], pg_last[ARC_HASH_LEN];
	uint64_t pg_first;
	/* what the index must learn: records dropped, records moved */
	struct arc_vec {
		uint64_t *v_a;
		size_t	v_n, v_cap;
	} pg_drop, pg_keep, pg_keepoff;
};

/* arc_pg_expired - whether a message record's retention has passed */
static int
arc_pg_expired(struct arc_pg *pg, const struct arc_rec *r)
{
	const char *p = r->r_meta, *n, *v;
	char	dn[1024];
	size_t	nl, vl;
	long	days, most = -1;

	while (arc_meta_next(&p, r->r_meta + r->r_metalen, &n, &nl, &v,
	    &vl) > 0) {
		if (nl != 6 || strncmp(n, "Policy", 6) != 0)
			continue;
		if (vl >= sizeof(dn))
			return 0;
		memcpy(dn, v, vl);
		dn[vl] = '\0';
		if ((days = pg->pg_days(pg->pg_arg, dn)) < 0)
			return 0;
		if (days > most)
			most = days;
	}
	return most >= 0 && (int64_t)r->r_time + (int64_t)most * 86400 <=
	    (int64_t)pg->pg_now;
}

/* arc_pg_write - octets to the .new file */
static void
arc_pg_write(struct arc_pg *pg, const void *p, size_t len)
{
	ssize_t	w;

	while (len > 0 && !pg->pg_err) {
		if ((w = write(pg->pg_fd, p, len)) < 0) {
			if (errno != EINTR)
				pg->pg_err = errno;
			continue;
		}
		p = (const char *)p + w;
		len -= (size_t)w;
		pg->pg_off += (uint64_t)w;
	}
}

/* arc_pg_flush - the gathered run as one checkpoint record */
static void
arc_pg_flush(struct arc_pg *pg)
{
	unsigned char hdr[ARC_HDR_LEN];
	char	meta[128];
	int	n;

	if (pg->pg_nrun == 0)
		return;
	n = snprintf(meta, sizeof(meta), "Purged: %llu-%llu\nPurged-At: "
	    "%lld\n", (unsigned long long)pg->pg_first,
	    (unsigned long long)(pg->pg_first + pg->pg_nrun - 1),
	    (long long)pg->pg_now);
	arc_rec_header(hdr, ARC_TYPE_CKPT, pg->pg_first, pg->pg_now,
	    (uint32_t)n, (uint64_t)pg->pg_nrun * ARC_CKPT_ENT, pg->pg_prev);
	arc_pg_write(pg, hdr, sizeof(hdr));
	arc_pg_write(pg, meta, (size_t)n);
	arc_pg_write(pg, pg->pg_run, pg->pg_nrun * ARC_CKPT_ENT);
	arc_pg_write(pg, pg->pg_last, ARC_HASH_LEN);
	pg->pg_nrun = 0;
}

/* arc_pg_run_add - one removed record (or checkpoint entry) */
static void
arc_pg_run_add(struct arc_pg *pg, const struct arc_rec *r,
	const struct arc_ckpt_ent *e)
{
	if (pg->pg_nrun == 0) {
		memcpy(pg->pg_prev, r->r_prev, ARC_HASH_LEN);
		pg->pg_first = e->ce_recno;
	}
	if (pg->pg_nrun == pg->pg_runcap) {
		pg->pg_runcap = pg->pg_runcap ? 2 * pg->pg_runcap : 64;
		pg->pg_run = mmhs_realloc(pg->pg_run, pg->pg_runcap *
		    ARC_CKPT_ENT);
	}
	arc_ckpt_put(pg->pg_run + pg->pg_nrun++ * ARC_CKPT_ENT, e);
	memcpy(pg->pg_last, r->r_hash, ARC_HASH_LEN);
}

static void
arc_pg_note(struct arc_vec *v, uint64_t x)
{
	if (v->v_n == v->v_cap) {
		v->v_cap = v->v_cap ? 2 * v->v_cap : 64;
		v->v_a = mmhs_realloc(v->v_a, v->v_cap * sizeof(*v->v_a));
	}
	v->v_a[v->v_n++] = x;
}

/* arc_pg_record - one record of the old segment into the new one */
static void
arc_pg_record(struct arc_pg *pg, const struct arc_rec *r,
	const unsigned char *raw)
{
	struct arc_ckpt_ent e;
	size_t	i;

	if (r->r_type == ARC_TYPE_CKPT) {
		for (i = 0; i < r->r_datalen / ARC_CKPT_ENT; i++) {
			arc_ckpt_get(r, i, &e);
			arc_pg_run_add(pg, r, &e);
		}
		return;
	}
	if (arc_pg_expired(pg, r)) {
		e.ce_recno = r->r_recno;
		e.ce_type = r->r_type;
		e.ce_time = r->r_time;
		arc_sha256(r->r_meta, r->r_metalen, e.ce_md);
		arc_sha256(r->r_data, (size_t)r->r_datalen, e.ce_dd);
		arc_pg_run_add(pg, r, &e);
		arc_pg_note(&pg->pg_drop, r->r_recno);
		return;
	}
	arc_pg_flush(pg);
	arc_pg_note(&pg->pg_keep, r->r_recno);
	arc_pg_note(&pg->pg_keepoff, pg->pg_off);
	arc_pg_write(pg, raw, (size_t)r->r_len);
}


/* arc_pg_index - the index learns the new segment, with the mark */
static int
arc_pg_index(struct arc_pg *pg, uint32_t seg, char *err, size_t errlen)
{
	struct arc_index *ix = pg->pg_s->as_idx;
	struct arc_head h;
	size_t	i;
	int	bad = 0;

	if (arc_store_head(pg->pg_s, &h, err, errlen) < 0 ||
	    arc_index_begin(ix, err, errlen) < 0)
		return -1;
	bad |= arc_index_set_purging(ix, 1, seg);
	for (i = 0; i < pg->pg_drop.v_n && !bad; i++)
		bad |= arc_index_drop(ix, pg->pg_drop.v_a[i]);
	for (i = 0; i < pg->pg_keep.v_n && !bad; i++)
		bad |= arc_index_move(ix, pg->pg_keep.v_a[i],
		    pg->pg_keepoff.v_a[i]);
	if (h.h_seg == seg && h.h_next > 1) {
		h.h_end = pg->pg_off;
		bad |= arc_index_set_head(ix, &h);
	}
	if (bad) {
		arc_index_abort(ix);
		snprintf(err, errlen, "index: segment %08lu cannot be updated",
		    (unsigned long)seg);
		return -1;
	}
	if (arc_index_commit(ix, err, errlen) < 0)
		return -1;
	if (arc_index_sync(ix) < 0) {
		snprintf(err, errlen, "index: cannot sync");
		return -1;
	}
	return 0;
}

/* arc_pg_swap - the new segment into place, then the mark cleared */
static int
arc_pg_swap(struct arc_pg *pg, const char *path, const char *tmp,
	char *err, size_t errlen)
{
	struct arc_index *ix = pg->pg_s->as_idx;
	char	dir[4096];

	snprintf(dir, sizeof(dir), "%s/seg", pg->pg_s->as_dir);
	if (rename(tmp, path) < 0 || arc_fsync_dir(dir) < 0) {
		snprintf(err, errlen, "%s: %s (the next open completes it)",
		    tmp, strerror(errno));
		return -1;
	}
	if (arc_index_begin(ix, err, errlen) < 0)
		return -1;
	if (arc_index_set_purging(ix, 0, 0) < 0) {
		arc_index_abort(ix);
		snprintf(err, errlen, "index: the purge mark cannot be cleared");
		return -1;
	}
	return arc_index_commit(ix, err, errlen);
}

/* arc_pg_segment - purge one segment (nothing when nothing expired) */
static int
arc_pg_segment(struct arc_pg *pg, uint32_t seg, const unsigned char *base,
	uint64_t size, char *err, size_t errlen)
{
	char	path[4096], tmp[4200], why[ARC_ERR_LEN];
	struct arc_rec r;
	uint64_t off;
	int	any = 0, rc;

	for (off = 0; off < size && !any; off += r.r_len)
		if (arc_rec_parse(base + off, (size_t)(size - off), &r, why,
		    sizeof(why)) != 1)
			return 0;	/* verified before: cannot happen */
		else
			any = r.r_type == ARC_TYPE_MSG && arc_pg_expired(pg, &r);
	if (!any)
		return 0;
	arc_seg_path(pg->pg_s->as_dir, seg, path, sizeof(path));
	snprintf(tmp, sizeof(tmp), "%s.new", path);
	if ((pg->pg_fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0) {
		snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
		return -1;
	}
	pg->pg_off = 0;
	pg->pg_err = 0;
	pg->pg_nrun = 0;
	for (off = 0; off < size; off += r.r_len) {
		(void) arc_rec_parse(base + off, (size_t)(size - off), &r, why,
		    sizeof(why));
		arc_pg_record(pg, &r, base + off);
	}
	arc_pg_flush(pg);
	if (pg->pg_err == 0 && fsync(pg->pg_fd) < 0)
		pg->pg_err = errno;
	close(pg->pg_fd);
	if (pg->pg_err != 0) {
		snprintf(err, errlen, "%s: %s", tmp, strerror(pg->pg_err));
		(void) unlink(tmp);
		return -1;
	}
	if ((rc = arc_pg_index(pg, seg, err, errlen)) < 0) {
		(void) unlink(tmp);
		return -1;
	}
	return arc_pg_swap(pg, path, tmp, err, errlen) < 0 ? -1 : 1;
}

/* arc_pg_map - a segment's octets (NULL and *size 0 when empty) */
static const unsigned char *
arc_pg_map(const char *dir, uint32_t seg, uint64_t *size, char *err,
	size_t errlen)
{
	char	path[4096];
	struct stat st;
	void	*p = NULL;
	int	fd;

	arc_seg_path(dir, seg, path, sizeof(path));
	if ((fd = open(path, O_RDONLY)) < 0 || fstat(fd, &st) < 0 ||
	    (st.st_size > 0 && (p = mmap(NULL, (size_t)st.st_size, PROT_READ,
	    MAP_PRIVATE, fd, 0)) == MAP_FAILED)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		*size = (uint64_t)-1;
		return NULL;
	}
	close(fd);
	*size = (uint64_t)st.st_size;
	return p;
}

/* arc_purge - every segment, under the exclusive lock */
int
arc_purge(struct arc_store *s, time_t now, arc_days_fn days_of, void *arg,
	struct arc_purge_stats *st, char *err, size_t errlen)
{
	struct arc_pg pg;
	struct arc_walk w;
	struct arc_head h;
	const unsigned char *base;
	uint32_t *segs = NULL;
	uint64_t size;
	size_t	nsegs = 0, i;
	int	rc = -1, done;

	memset(st, 0, sizeof(*st));
	memset(&pg, 0, sizeof(pg));
	pg.pg_s = s;
	pg.pg_now = now;
	pg.pg_days = days_of;
	pg.pg_arg = arg;
	if (arc_store_lock(s, 1) < 0) {
		snprintf(err, errlen, "lock: %s", strerror(errno));
		return -1;
	}
	if (arc_store_recover(s, err, errlen) < 0 ||
	    arc_chain_walk(s->as_dir, &w, NULL, NULL, err, errlen) < 0 ||
	    arc_store_head(s, &h, err, errlen) < 0 ||
	    arc_seg_list(s->as_dir, &segs, &nsegs, err, errlen) < 0)
		goto out;
	if (w.w_next != h.h_next || (h.h_next > 1 &&
	    memcmp(w.w_head, h.h_hash, ARC_HASH_LEN) != 0)) {
		snprintf(err, errlen, "the chain ends before record %llu but "
		    "the index head is record %llu: run verify",
		    (unsigned long long)w.w_next,
		    (unsigned long long)h.h_next);
		goto out;
	}
	for (i = 0; i < nsegs; i++) {
		if ((base = arc_pg_map(s->as_dir, segs[i], &size, err,
		    errlen)) == NULL && size != 0)
			goto out;
		pg.pg_drop.v_n = pg.pg_keep.v_n = pg.pg_keepoff.v_n = 0;
		done = arc_pg_segment(&pg, segs[i], base, size, err, errlen);
		if (base != NULL)
			munmap((void *)base, (size_t)size);
		if (done < 0)
			goto out;
		st->ps_dropped += pg.pg_drop.v_n;
		st->ps_segments += done;
	}
	st->ps_kept = w.w_records - st->ps_dropped;
	rc = 0;
out:
	arc_store_unlock(s);
	mmhs_free(segs);
	mmhs_free(pg.pg_run);
	mmhs_free(pg.pg_drop.v_a);
	mmhs_free(pg.pg_keep.v_a);
	mmhs_free(pg.pg_keepoff.v_a);
	return rc;
}
