/* archive_index.h - mmhs-archive: the LMDB index of DIR/index
 *
 * The index is derived from the segments: where each record is, its
 * metadata, the search keys, and the chain head (the number and hash
 * of the last record, where it ends), which the chain's walk is
 * compared against.  Writes are one transaction each, synced by LMDB.
 */
#ifndef ARCHIVE_INDEX_H
#define ARCHIVE_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "archive.h"

struct arc_head {
	uint64_t h_next;		/* number of the next record */
	unsigned char h_hash[ARC_HASH_LEN];	/* chain hash of the last */
	uint32_t h_seg;			/* segment of the last record */
	uint64_t h_end;			/* where that segment ends */
};

struct arc_loc {
	uint32_t l_seg;
	uint64_t l_off;
	uint64_t l_len;
	int64_t	l_received;
	int64_t	l_date;			/* Date: or, absent, received */
};

/* Search criteria; NULL or has_* 0: not a criterion.  Values compare
 * without case; Message-ID with or without its <>. */
struct arc_query {
	const char *q_from, *q_to, *q_sic, *q_prec, *q_class, *q_msgid;
	int64_t	q_since, q_until;	/* on l_date, inclusive */
	int	q_has_since, q_has_until;
};

typedef int (*arc_found_fn)(void *arg, uint64_t recno,
	    const struct arc_loc *loc, const char *meta, size_t metalen);

struct arc_index;

int	arc_index_open(struct arc_index **ip, const char *dir, int rdonly,
	    char *err, size_t errlen);
void	arc_index_close(struct arc_index *ix);

/* Everything committed, on disk (commits skip the meta page's sync). */
int	arc_index_sync(struct arc_index *ix);
/* Commits without sync (on), or synced again and from now on (off). */
int	arc_index_nosync(struct arc_index *ix, int on);

/* 0 and the head, 1 for an empty archive, -1 on error. */
int	arc_index_head(struct arc_index *ix, struct arc_head *h);
/* A marker of an unfinished purge of segment seg: 1 set, 0 none. */
int	arc_index_purging(struct arc_index *ix, uint32_t *seg);

/* One write transaction at a time, ended by commit or abort. */
int	arc_index_begin(struct arc_index *ix, char *err, size_t errlen);
int	arc_index_put(struct arc_index *ix, uint64_t recno,
	    const struct arc_loc *loc, const char *meta, size_t metalen);
int	arc_index_drop(struct arc_index *ix, uint64_t recno);
int	arc_index_move(struct arc_index *ix, uint64_t recno, uint64_t off);
int	arc_index_set_head(struct arc_index *ix, const struct arc_head *h);
int	arc_index_set_purging(struct arc_index *ix, int on, uint32_t seg);
int	arc_index_commit(struct arc_index *ix, char *err, size_t errlen);
void	arc_index_abort(struct arc_index *ix);

/* Location and metadata of a record (*meta: caller frees); 1 when the
 * index has no such record. */
int	arc_index_get(struct arc_index *ix, uint64_t recno, struct arc_loc *loc,
	    char **meta, size_t *metalen);
/* Every record that meets all criteria, in record order; the count or
 * -1. */
long	arc_index_search(struct arc_index *ix, const struct arc_query *q,
	    arc_found_fn fn, void *arg, char *err, size_t errlen);

#endif
