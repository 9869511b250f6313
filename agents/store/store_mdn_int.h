/* store_mdn_int.h - what store_mdn.c and store_mdn_db.c share, nobody else */
#ifndef STORE_MDN_INT_H
#define STORE_MDN_INT_H

#include <stddef.h>
#include <stdint.h>
#include <pthread.h>

#include <lmdb.h>

#include "store.h"

#define MDN_KEY_MAX	512

/* p_type of a pending signed receipt (store_receipt.c); the others are
 * enum mmhs_mdn_type. */
#define MDN_TYPE_RECEIPT	200

/* A pending MDN being sent now: the retry timer leaves it alone. */
struct mdn_flight {
	unsigned char f_key[MDN_KEY_MAX];
	size_t	f_klen;
	struct mdn_flight *f_next;
};

struct store_mdn {
	struct store *md_st;
	MDB_env *md_env;
	MDB_dbi md_done, md_pending;
	pthread_mutex_t md_mu;		/* md_flying */
	struct mdn_flight *md_flying;
};

/* A pending MDN's header; strings and bytes follow. */
struct mdn_pend {
	int64_t	p_created;
	int64_t	p_next;			/* not tried before */
	uint32_t p_len;			/* bytes of the MDN */
	uint8_t	p_type;			/* enum mmhs_mdn_type */
	int8_t	p_prec;			/* enum mmhs_precedence */
	uint16_t p_pad;
};

/* store_mdn_db.c */
size_t	store_mdn_key(const char *mailbox, uint64_t id, unsigned char *key);
int	store_mdn_claim(struct store_mdn *md, const unsigned char *key,
	    size_t klen, const struct mdn_pend *hdr, const char *strs,
	    size_t slen, const char *mdn, size_t mdnlen);
/* 1 when key is still in pending */
int	store_mdn_is_pending(struct store_mdn *md, const unsigned char *key,
	    size_t klen);
void	store_mdn_finish(struct store_mdn *md, const unsigned char *key,
	    size_t klen, int type, int sent);

/* store_mdn.c: send one pending MDN (or signed receipt) and record the
 * outcome */
void	store_mdn_attempt(struct store_mdn *md, const unsigned char *key,
	    size_t klen, const struct mdn_pend *hdr, const char *rcpt,
	    const char *msgid, const char *extra, const char *data);

#endif
