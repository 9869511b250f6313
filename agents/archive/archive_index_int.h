/* archive_index_int.h - mmhs-archive: what the index's two files share
 *
 * archive_index.c writes and reads records; archive_search.c searches.
 * Not for other files: they use archive_index.h.
 */
#ifndef ARCHIVE_INDEX_INT_H
#define ARCHIVE_INDEX_INT_H

#include <lmdb.h>

#include "archive_index.h"

#define ARC_LOC_LEN	36
#define ARC_KEY_MAX	(2 + ARC_VALUE_MAX)

struct arc_index {
	MDB_env	*x_env;
	MDB_dbi	x_meta, x_rec, x_keys, x_date;
	MDB_txn	*x_txn;			/* the write transaction, if any */
};

size_t	arc_ix_key(char field, const char *v, size_t len, char *key);
MDB_txn	*arc_ix_rtxn(struct arc_index *ix, int *own);
void	arc_ix_rdone(MDB_txn *txn, int own);
void	arc_ix_datekey(int64_t date, uint64_t recno, unsigned char key[16]);
void	arc_ix_loc_get(const unsigned char *p, struct arc_loc *l);

#endif
