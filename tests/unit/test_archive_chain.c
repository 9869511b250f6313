/* test_archive_chain.c - unit tests of mmhs-archive's store and chain
 *
 * Purpose: records appended to a fresh archive directory verify, read
 * back byte for byte and are found by the index; every kind of damage
 * verify must see is made on the files (an octet changed in a message,
 * in a header, in a hash; a record removed; two records swapped; the
 * last record cut off) and the error names the record; a torn append
 * and an append whose index commit was lost are recovered at open;
 * purge drops exactly the records past their policy's retention, the
 * rest still verifies across the checkpoint, and a checkpoint changed
 * afterwards fails.  Segments are made small so records span several.
 * Interface: run without arguments (TMPDIR picks the place).
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mmhs_alloc.h"
#include "archive.h"
#include "archive_index.h"
#include "unit.h"

#define T_N	12
#define T_T0	1700000000

static char t_dir[512];
static uint64_t t_off[T_N + 1];		/* offset of record i in segment 1 */

/* t_meta - the metadata of test message i */
static void
t_meta(int i, struct arc_meta *m)
{
	char	v[128];

	memset(m, 0, sizeof(*m));
	snprintf(v, sizeof(v), "<%d@test.example>", i);
	arc_meta_add(m, "Message-ID", v);
	arc_meta_add(m, "Originator", i % 2 ? "odd@test.example" :
	    "even@test.example");
	snprintf(v, sizeof(v), "r%d@test.example", i % 3);
	arc_meta_add(m, "Recipient", v);
	arc_meta_add(m, "Recipient", "all@test.example");
	arc_meta_add(m, "SIC", i % 4 == 0 ? "ZAB" : "QQQ");
	arc_meta_add(m, "Precedence", i == 5 ? "flash" : "routine");
	arc_meta_add(m, "Classification", i == 7 ? "SECRET" : "UNCLASSIFIED");
	snprintf(v, sizeof(v), "%d", T_T0 + i * 86400);
	arc_meta_add(m, "Date-Epoch", v);
	/* 1..4: a policy kept 10 days; 5..8: 100 days; 9..: none */
	if (i <= 4)
		arc_meta_add(m, "Policy", "cn=short,ou=p,c=xw");
	else if (i <= 8)
		arc_meta_add(m, "Policy", "cn=long,ou=p,c=xw");
}

/* t_body - the bytes of test message i */
static size_t
t_body(int i, char *buf, size_t len)
{
	return (size_t)snprintf(buf, len, "Message-ID: <%d@test.example>\r\n"
	    "Subject: test %d\r\n\r\nbody of message %d\r\n", i, i, i);
}

/* t_fill - a fresh archive with T_N records; segments of max bytes */
static struct arc_store *
t_fill(uint64_t max)
{
	struct arc_store *s;
	struct arc_meta m;
	unsigned char h[ARC_HASH_LEN];
	char	err[ARC_ERR_LEN], body[256], cmd[600];
	uint64_t recno;
	int	i;

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", t_dir);
	CU_ASSERT_FATAL(system(cmd) == 0);
	CU_ASSERT_FATAL(arc_store_open(&s, t_dir, ARC_OPEN_CREATE, err,
	    sizeof(err)) == 0);
	s->as_seg_max = max;
	t_off[1] = 0;
	for (i = 1; i <= T_N; i++) {
		t_meta(i, &m);
		UNIT_CHECK(arc_store_append(s, m.am_buf, m.am_len, body,
		    t_body(i, body, sizeof(body)), T_T0 + i * 86400, &recno, h,
		    err, sizeof(err)) == 0 && recno == (uint64_t)i,
		    "append %d: %s", i, err);
		if (i < T_N)
			t_off[i + 1] = t_off[i] + ARC_HDR_LEN + m.am_len +
			    t_body(i, body, sizeof(body)) + ARC_HASH_LEN;
		arc_meta_free(&m);
	}
	return s;
}

/* t_verify - verify; 0 ok, else -1 with the reason in err */
static int
t_verify(struct arc_walk *w, char *err, size_t len)
{
	struct arc_store *s;
	int	rc;

	if (arc_store_open(&s, t_dir, ARC_OPEN_RDONLY, err, len) < 0)
		return -1;
	rc = arc_store_verify(s, w, err, len);
	arc_store_close(s);
	return rc;
}

/* t_seg - segment 1 into memory */
static unsigned char *
t_seg(size_t *len)
{
	char	path[600];
	unsigned char *buf;
	FILE	*f;

	arc_seg_path(t_dir, 1, path, sizeof(path));
	f = fopen(path, "rb");
	CU_ASSERT_FATAL(f != NULL);
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	rewind(f);
	buf = mmhs_malloc(*len + 1);
	CU_ASSERT_FATAL(fread(buf, 1, *len, f) == *len);
	fclose(f);
	return buf;
}

static void
t_seg_write(const unsigned char *buf, size_t len)
{
	char	path[600];
	FILE	*f;

	arc_seg_path(t_dir, 1, path, sizeof(path));
	f = fopen(path, "wb");
	CU_ASSERT_FATAL(f != NULL);
	CU_ASSERT_FATAL(fwrite(buf, 1, len, f) == len);
	fclose(f);
}

/* test_append_verify - the chain of a fresh archive is whole */
static void
test_append_verify(void)
{
	struct arc_store *s = t_fill(ARC_SEG_DEF);
	struct arc_walk w;
	char	err[ARC_ERR_LEN];

	arc_store_close(s);
	UNIT_CHECK(t_verify(&w, err, sizeof(err)) == 0, "verify: %s", err);
	UNIT_CHECK(w.w_records == T_N && w.w_next == T_N + 1 &&
	    w.w_purged == 0, "%llu records, next %llu",
	    (unsigned long long)w.w_records, (unsigned long long)w.w_next);
}

/* test_read_back - every record's message comes back byte for byte */
static void
test_read_back(void)
{
	struct arc_store *s = t_fill(600);	/* several segments */
	struct arc_rec r;
	struct arc_walk w;
	unsigned char *buf;
	char	err[ARC_ERR_LEN], body[256];
	uint32_t *segs;
	size_t	nsegs, n;
	int	i;

	for (i = 1; i <= T_N; i++) {
		n = t_body(i, body, sizeof(body));
		UNIT_CHECK(arc_store_read(s, (uint64_t)i, &buf, &r, err,
		    sizeof(err)) == 0 && r.r_datalen == n &&
		    memcmp(r.r_data, body, n) == 0 &&
		    arc_rec_check(&r, r.r_prev, err, sizeof(err)) == 0,
		    "record %d: %s", i, err);
		mmhs_free(buf);
	}
	UNIT_CHECK(arc_store_read(s, T_N + 1, &buf, &r, err, sizeof(err)) < 0 &&
	    strstr(err, "no record") != NULL, "a record not there: %s", err);
	arc_store_close(s);
	CU_ASSERT(arc_seg_list(t_dir, &segs, &nsegs, err, sizeof(err)) == 0);
	UNIT_CHECK(nsegs > 2, "600-octet segments: %zu segments", nsegs);
	mmhs_free(segs);
	UNIT_CHECK(t_verify(&w, err, sizeof(err)) == 0 && w.w_records == T_N,
	    "verify over segments: %s", err);
}

/* Damage done to segment 1, and the text verify must give. */
static const struct {
	const char *d_name;
	int	d_rec;			/* record to damage */
	int	d_what;			/* 0 byte, 1 remove, 2 swap, 3 cut */
	size_t	d_at;			/* octet within the record (byte) */
	const char *d_want;
} t_damage[] = {
	{ "an octet of a message", 5, 0, 0, "record 5: content does not match" },
	{ "an octet of the metadata", 3, 0, ARC_HDR_LEN + 2,
	    "record 3: content does not match" },
	{ "the received time", 4, 0, 20, "record 4: content does not match" },
	{ "the stored hash", 6, 0, (size_t)-1, "record 6: content does not" },
	{ "the previous-record hash", 7, 0, 40, "record 7: its previous" },
	{ "the record number", 8, 0, 15, "record 8 is missing" },
	{ "the magic", 2, 0, 1, "record 2: segment 00000001 offset" },
	{ "the metadata length", 9, 0, 27, "record 9: segment 00000001" },
	{ "a record removed", 4, 1, 0, "record 4 is missing" },
	{ "two records swapped", 6, 2, 0, "record 6 is missing" },
	{ "the last record cut off", T_N, 3, 0, "record 12 is missing" },
};

/* t_damage_one - case c done to a fresh archive; verify's text */
static void
t_damage_one(size_t c, char *err, size_t errlen)
{
	struct arc_store *s = t_fill(ARC_SEG_DEF);
	struct arc_walk w;
	unsigned char *buf, *out;
	size_t	len, r0, r1, r2, n = 0;
	int	k = t_damage[c].d_rec;

	arc_store_close(s);
	buf = t_seg(&len);
	r0 = (size_t)t_off[k];
	r1 = k < T_N ? (size_t)t_off[k + 1] : len;
	r2 = k + 1 < T_N ? (size_t)t_off[k + 2] : len;
	out = mmhs_malloc(len + 1);
	switch (t_damage[c].d_what) {
	case 0:
		buf[t_damage[c].d_at == (size_t)-1 ? r1 - 1 :
		    t_damage[c].d_at == 0 ? r1 - ARC_HASH_LEN - 5 :
		    r0 + t_damage[c].d_at] ^= 0x20;
		memcpy(out, buf, n = len);
		break;
	case 1:
		memcpy(out, buf, r0);
		memcpy(out + r0, buf + r1, len - r1);
		n = len - (r1 - r0);
		break;
	case 2:
		memcpy(out, buf, r0);
		memcpy(out + r0, buf + r1, r2 - r1);
		memcpy(out + r0 + (r2 - r1), buf + r0, r1 - r0);
		memcpy(out + r2, buf + r2, len - r2);
		n = len;
		break;
	case 3:
		memcpy(out, buf, n = r0);
		break;
	}
	t_seg_write(out, n);
	mmhs_free(buf);
	mmhs_free(out);
	err[0] = '\0';
	if (t_verify(&w, err, errlen) == 0)
		snprintf(err, errlen, "verify passed");
}

/* test_tamper - each kind of damage is found and named */
static void
test_tamper(void)
{
	char	err[ARC_ERR_LEN];
	size_t	i;

	for (i = 0; i < sizeof(t_damage) / sizeof(t_damage[0]); i++) {
		t_damage_one(i, err, sizeof(err));
		UNIT_CHECK(strstr(err, t_damage[i].d_want) != NULL,
		    "%s: want \"%s\", got \"%s\"", t_damage[i].d_name,
		    t_damage[i].d_want, err);
	}
}

/* test_torn_tail - a torn append is cut at open; the chain goes on */
static void
test_torn_tail(void)
{
	struct arc_store *s = t_fill(ARC_SEG_DEF);
	struct arc_walk w;
	unsigned char *buf, h[ARC_HASH_LEN];
	char	err[ARC_ERR_LEN];
	uint64_t recno;
	size_t	len;

	arc_store_close(s);
	buf = t_seg(&len);
	/* the first 100 octets of record 12 again: a crash mid-write */
	buf = mmhs_realloc(buf, len + 100);
	memcpy(buf + len, buf + t_off[T_N], 100);
	t_seg_write(buf, len + 100);
	mmhs_free(buf);
	UNIT_CHECK(arc_store_open(&s, t_dir, 0, err, sizeof(err)) == 0,
	    "open after a torn append: %s", err);
	UNIT_CHECK(arc_store_append(s, "A: b\n", 5, "x", 1, T_T0, &recno, h,
	    err, sizeof(err)) == 0 && recno == T_N + 1, "append: %s", err);
	arc_store_close(s);
	UNIT_CHECK(t_verify(&w, err, sizeof(err)) == 0 &&
	    w.w_records == T_N + 1, "verify: %s", err);
}

/* t_copy - cp -a for the index (a lost commit, simulated) */
static void
t_copy(const char *from, const char *to)
{
	char	cmd[4 * sizeof(t_dir) + 64];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s/%s' && cp -a '%s/%s' '%s/%s'",
	    t_dir, to, t_dir, from, t_dir, to);
	CU_ASSERT_FATAL(system(cmd) == 0);
}

/* test_lost_index - records fsync'ed but not indexed are indexed at
 * open; a segment shorter than the index says makes open refuse */
static void
test_lost_index(void)
{
	struct arc_store *s = t_fill(ARC_SEG_DEF);
	struct arc_loc loc;
	struct arc_walk w;
	unsigned char h[ARC_HASH_LEN], *buf;
	char	err[ARC_ERR_LEN];
	uint64_t recno;
	size_t	len;

	arc_store_close(s);
	t_copy("index", "index.old");
	CU_ASSERT_FATAL(arc_store_open(&s, t_dir, 0, err, sizeof(err)) == 0);
	CU_ASSERT(arc_store_append(s, "A: b\n", 5, "x", 1, T_T0, &recno, h,
	    err, sizeof(err)) == 0);
	CU_ASSERT(arc_store_append(s, "A: c\n", 5, "y", 1, T_T0, &recno, h,
	    err, sizeof(err)) == 0);
	arc_store_close(s);
	t_copy("index.old", "index");
	UNIT_CHECK(arc_store_open(&s, t_dir, 0, err, sizeof(err)) == 0,
	    "open: %s", err);
	UNIT_CHECK(arc_index_get(s->as_idx, T_N + 2, &loc, NULL, NULL) == 0,
	    "record %d indexed again at open", T_N + 2);
	arc_store_close(s);
	UNIT_CHECK(t_verify(&w, err, sizeof(err)) == 0 &&
	    w.w_records == T_N + 2, "verify: %s", err);
	/* now the last two records disappear from the segment */
	buf = t_seg(&len);
	t_seg_write(buf, (size_t)t_off[T_N]);
	mmhs_free(buf);
	UNIT_CHECK(arc_store_open(&s, t_dir, 0, err, sizeof(err)) < 0 &&
	    strstr(err, "records were removed") != NULL,
	    "open of a cut archive: %s", err);
}

/* t_days - retention of the test policies */
static long
t_days(void *arg, const char *dn)
{
	(void) arg;
	if (strcmp(dn, "cn=short,ou=p,c=xw") == 0)
		return 10;
	if (strcmp(dn, "cn=long,ou=p,c=xw") == 0)
		return 100;
	return -1;
}

/* t_found - search callback: remember the record numbers */
static int
t_found(void *arg, uint64_t recno, const struct arc_loc *loc,
	const char *meta, size_t metalen)
{
	char	*got = arg;

	(void) loc;
	(void) meta;
	(void) metalen;
	sprintf(got + strlen(got), "%s%llu", *got ? "," : "",
	    (unsigned long long)recno);
	return 0;
}

/* t_search - the record numbers a query finds, as "1,2,3" */
static const char *
t_search(struct arc_store *s, const struct arc_query *q)
{
	static char got[1024];
	char	err[ARC_ERR_LEN];

	got[0] = '\0';
	if (arc_index_search(s->as_idx, q, t_found, got, err, sizeof(err)) < 0)
		snprintf(got, sizeof(got), "error: %s", err);
	return got;
}

/* test_search - each criterion, and criteria together */
static void
test_search(void)
{
	struct arc_store *s = t_fill(700);
	const struct {
		struct arc_query q;
		const char *want;
	} c[] = {
		{ { .q_from = "ODD@test.example" }, "1,3,5,7,9,11" },
		{ { .q_to = "r1@test.example" }, "1,4,7,10" },
		{ { .q_sic = "zab" }, "4,8,12" },
		{ { .q_prec = "flash" }, "5" },
		{ { .q_class = "secret" }, "7" },
		{ { .q_msgid = "3@test.example" }, "3" },
		{ { .q_msgid = "<11@test.example>" }, "11" },
		{ { .q_from = "odd@test.example", .q_to = "r1@test.example" },
		    "1,7" },
		{ { .q_since = T_T0 + 3 * 86400, .q_has_since = 1,
		    .q_until = T_T0 + 5 * 86400, .q_has_until = 1 }, "3,4,5" },
		{ { .q_to = "all@test.example", .q_since = T_T0 + 10 * 86400,
		    .q_has_since = 1 }, "10,11,12" },
		{ { .q_sic = "nosuch" }, "" },
	};
	size_t	i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++)
		UNIT_CHECK(strcmp(t_search(s, &c[i].q), c[i].want) == 0,
		    "query %zu: want \"%s\", got \"%s\"", i, c[i].want,
		    t_search(s, &c[i].q));
	arc_store_close(s);
}

/* test_purge - retention drops the right records; the rest verifies */
static void
test_purge(void)
{
	struct arc_store *s = t_fill(900);
	struct arc_purge_stats st;
	struct arc_query all = { .q_to = "all@test.example" };
	struct arc_walk w;
	struct arc_rec r;
	unsigned char *buf, *seg;
	char	err[ARC_ERR_LEN];
	size_t	len;

	/* at day 20: 1..4 (10 days) are past, 5..8 (100 days) are not */
	UNIT_CHECK(arc_purge(s, T_T0 + 20 * 86400, t_days, NULL, &st, err,
	    sizeof(err)) == 0 && st.ps_dropped == 4 && st.ps_kept == T_N - 4,
	    "purge: %s (%llu dropped)", err,
	    (unsigned long long)st.ps_dropped);
	UNIT_CHECK(strcmp(t_search(s, &all), "5,6,7,8,9,10,11,12") == 0,
	    "index after purge: %s", t_search(s, &all));
	UNIT_CHECK(arc_store_read(s, 2, &buf, &r, err, sizeof(err)) < 0,
	    "record 2 is gone");
	UNIT_CHECK(arc_store_read(s, 9, &buf, &r, err, sizeof(err)) == 0 &&
	    r.r_datalen > 11 && memcmp(r.r_data + r.r_datalen - 11,
	    "message 9\r\n", 11) == 0,
	    "record 9 read after its segment moved: %s", err);
	mmhs_free(buf);
	/* a second purge at day 200 drops 5..8, merging the checkpoints */
	UNIT_CHECK(arc_purge(s, T_T0 + 200 * 86400, t_days, NULL, &st, err,
	    sizeof(err)) == 0 && st.ps_dropped == 4, "purge 2: %s", err);
	arc_store_close(s);
	UNIT_CHECK(t_verify(&w, err, sizeof(err)) == 0 &&
	    w.w_records == T_N - 8 && w.w_purged == 8 && w.w_next == T_N + 1,
	    "verify after purge: %s", err);
	/* a changed octet in the checkpoint's entries is found */
	seg = t_seg(&len);
	CU_ASSERT_FATAL(arc_rec_header_parse(seg, &r, err, sizeof(err)) == 0 &&
	    r.r_type == ARC_TYPE_CKPT);
	seg[ARC_HDR_LEN + r.r_metalen + ARC_CKPT_ENT + 20] ^= 1;
	t_seg_write(seg, len);
	mmhs_free(seg);
	UNIT_CHECK(t_verify(&w, err, sizeof(err)) < 0 &&
	    strstr(err, "checkpoint") != NULL, "damaged checkpoint: %s", err);
}

static const struct unit_test t_tests[] = {
	{ "append and verify", test_append_verify },
	{ "read back over segments", test_read_back },
	{ "tampering is found and named", test_tamper },
	{ "a torn append is cut at open", test_torn_tail },
	{ "a lost index commit is recovered", test_lost_index },
	{ "search by each criterion", test_search },
	{ "purge keeps the chain verifiable", test_purge },
};

int
main(void)
{
	static const struct unit_suite suites[] = {
		UNIT_SUITE("archive", t_tests),
	};
	char	cmd[600];
	int	rc;

	snprintf(t_dir, sizeof(t_dir), "%s/test_archive.%ld",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (long)getpid());
	rc = unit_main(suites, 1);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", t_dir);
	if (system(cmd) != 0)
		rc = 1;
	return rc;
}
