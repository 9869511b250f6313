/* test_archive_copy.c - unit tests of the archive's second data part
 *
 * Purpose: a message record may end with the archive's re-encrypted
 * copy of the message ("Archive-Copy: N", archive.h).  Checked here:
 * a record without the field (every record written before) reads as
 * the message alone; one with it splits at the right octet; lengths
 * that are not digits, zero, as long as the data or longer, or too
 * long to be a number are refused with a reason naming the record; and
 * records of both kinds appended to a real archive directory verify,
 * read back and split, so the chain and verify are unchanged.
 * Interface: run without arguments (TMPDIR picks the place).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mmhs_alloc.h"
#include "archive.h"
#include "unit.h"

#define T_T0	1700000000

/* t_rec - a record over meta and data, as a parse would leave it */
static void
t_rec(struct arc_rec *r, const char *meta, const char *data)
{
	memset(r, 0, sizeof(*r));
	r->r_type = ARC_TYPE_MSG;
	r->r_recno = 7;
	r->r_meta = meta;
	r->r_metalen = (uint32_t)strlen(meta);
	r->r_data = (const unsigned char *)data;
	r->r_datalen = strlen(data);
}

static void
test_parts_old(void)
{
	struct arc_rec r;
	struct arc_parts p;
	char	err[256];

	t_rec(&r, "Message-ID: <1@t>\nSize: 5\n", "hello");
	CU_ASSERT(arc_rec_parts(&r, &p, err, sizeof(err)) == 0);
	CU_ASSERT(p.p_orig == r.r_data);
	CU_ASSERT(p.p_orig_len == 5);
	CU_ASSERT(p.p_copy == NULL);
	CU_ASSERT(p.p_copy_len == 0);
}

static void
test_parts_copy(void)
{
	struct arc_rec r;
	struct arc_parts p;
	char	err[256];

	t_rec(&r, "Size: 5\nArchive-Copy-Key: a@t\nArchive-Copy: 4\n",
	    "helloCOPY");
	CU_ASSERT(arc_rec_parts(&r, &p, err, sizeof(err)) == 0);
	CU_ASSERT(p.p_orig_len == 5);
	CU_ASSERT(memcmp(p.p_orig, "hello", 5) == 0);
	CU_ASSERT(p.p_copy_len == 4);
	CU_ASSERT(p.p_copy != NULL && memcmp(p.p_copy, "COPY", 4) == 0);
}

static void
test_parts_bad(void)
{
	static const char *const bad[] = {
		"Archive-Copy: 0\n",		/* nothing */
		"Archive-Copy: 9\n",		/* all of the data */
		"Archive-Copy: 10\n",		/* more than the data */
		"Archive-Copy: 4x\n",		/* not digits */
		"Archive-Copy: -4\n",
		"Archive-Copy: 1000000000000\n",	/* 13 digits */
		"Archive-Copy: 99999999999999999999999999999\n",
	};
	struct arc_rec r;
	struct arc_parts p;
	char	err[256];
	size_t	i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		t_rec(&r, bad[i], "helloCOPY");
		err[0] = '\0';
		UNIT_CHECK(arc_rec_parts(&r, &p, err, sizeof(err)) < 0 &&
		    strstr(err, "record 7") != NULL, "\"%s\" accepted or "
		    "no reason (\"%s\")", bad[i], err);
	}
}

/* t_append - one record of meta and data; its number */
static uint64_t
t_append(struct arc_store *s, const char *meta, const char *data,
	size_t len, int i)
{
	unsigned char h[ARC_HASH_LEN];
	char	err[ARC_ERR_LEN];
	uint64_t recno = 0;

	if (arc_store_append(s, meta, strlen(meta), data, len, T_T0 + i,
	    &recno, h, err, sizeof(err)) < 0)
		fprintf(stderr, "append: %s\n", err);
	return recno;
}

static void
test_store_roundtrip(void)
{
	static const char copy[] = "-----ENCRYPTED TO THE ARCHIVE-----";
	char	dir[512], err[ARC_ERR_LEN], cmd[600], data[256];
	struct arc_store *s = NULL;
	struct arc_walk w;
	struct arc_rec r;
	struct arc_parts p;
	unsigned char *buf;
	uint64_t a, b;
	const char *tmp = getenv("TMPDIR");

	snprintf(dir, sizeof(dir), "%s/test_archive_copy.%ld",
	    tmp != NULL ? tmp : ".", (long)getpid());
	if (arc_store_open(&s, dir, ARC_OPEN_CREATE, err, sizeof(err)) < 0) {
		UNIT_CHECK(0, "open %s: %s", dir, err);
		return;
	}
	a = t_append(s, "Message-ID: <old@t>\n", "From: a@t\r\n\r\nold\r\n",
	    18, 1);
	snprintf(data, sizeof(data), "From: a@t\r\n\r\nsecret\r\n%s", copy);
	snprintf(cmd, sizeof(cmd), "Message-ID: <new@t>\nArchive-Copy: %zu\n",
	    strlen(copy));
	b = t_append(s, cmd, data, strlen(data), 2);
	CU_ASSERT(a == 1 && b == 2);
	CU_ASSERT(arc_store_verify(s, &w, err, sizeof(err)) == 0);
	CU_ASSERT(w.w_records == 2);

	if (arc_store_read(s, 1, &buf, &r, err, sizeof(err)) == 0) {
		CU_ASSERT(arc_rec_parts(&r, &p, err, sizeof(err)) == 0);
		CU_ASSERT(p.p_copy == NULL && p.p_orig_len == 18);
		mmhs_free(buf);
	} else
		UNIT_CHECK(0, "read 1: %s", err);
	if (arc_store_read(s, 2, &buf, &r, err, sizeof(err)) < 0) {
		UNIT_CHECK(0, "read 2: %s", err);
		arc_store_close(s);
		return;
	}
	CU_ASSERT(arc_rec_check(&r, r.r_prev, err, sizeof(err)) == 0);
	CU_ASSERT(arc_rec_parts(&r, &p, err, sizeof(err)) == 0);
	CU_ASSERT(p.p_orig_len == strlen(data) - strlen(copy));
	CU_ASSERT(memcmp(p.p_orig, "From: a@t\r\n\r\nsecret\r\n",
	    (size_t)p.p_orig_len) == 0);
	CU_ASSERT(p.p_copy_len == strlen(copy) &&
	    memcmp(p.p_copy, copy, strlen(copy)) == 0);
	mmhs_free(buf);
	arc_store_close(s);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	CU_ASSERT(system(cmd) == 0);
}

static const struct unit_test copy_tests[] = {
	{ "a record without Archive-Copy is the message", test_parts_old },
	{ "Archive-Copy splits message and copy", test_parts_copy },
	{ "malformed Archive-Copy lengths refused", test_parts_bad },
	{ "records with and without a copy verify and read",
	    test_store_roundtrip },
};

static const struct unit_suite suites[] = {
	UNIT_SUITE("archive copy", copy_tests),
};

int
main(void)
{
	return unit_main(suites, sizeof(suites) / sizeof(suites[0]));
}
