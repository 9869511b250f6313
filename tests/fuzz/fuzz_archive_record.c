/* fuzz_archive_record.c - libFuzzer target for mmhs-archive's record parser
 * fuzz-sources: agents/archive/archive_rec.c lib/mmhs_alloc.c lib/mmhs_log.c
 *
 * Purpose: arbitrary bytes as the contents of a segment file, read the way
 * verify and recovery read one (a segment may be damaged or forged):
 * arc_rec_parse() from offset 0 record after record, the metadata lines of
 * each record with arc_meta_next() and arc_meta_get(), the entries of each
 * checkpoint with arc_ckpt_get(), the original and the archive's copy of
 * each message record with arc_rec_parts().  The input is copied into a buffer of its
 * exact size, so AddressSanitizer sees any read past the end.
 * Properties: a record parsed whole lies inside the input (r_len octets
 * from where it starts, meta, data and hash in that order), its type is
 * 'M' or 'C', its number is not 0, a checkpoint's data is whole entries;
 * a metadata line has a non-empty name of visible octets and a value
 * without control octets; a parse that asks for more bytes does so only
 * when the record's length runs past the input; arc_rec_header() of the
 * parsed fields gives back the same header octets; the parts of a
 * record are refused with a reason or lie inside its data, the original
 * first and the copy right after it, together exactly the data.
 * Interface: libFuzzer's.
 * Error behaviour: a broken property aborts.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../agents/archive/archive.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fuzz_fail(const char *what, size_t off)
{
	fprintf(stderr, "fuzz_archive_record: %s (record at offset %zu)\n",
	    what, off);
	abort();
}

/* fuzz_meta - every line of one record's metadata */
static void
fuzz_meta(const struct arc_rec *r, size_t off)
{
	const char *p = r->r_meta, *end = r->r_meta + r->r_metalen, *n, *v;
	char	buf[64];
	size_t	nl, vl, i;
	int	rc;

	while ((rc = arc_meta_next(&p, end, &n, &nl, &v, &vl)) > 0) {
		if (nl == 0 || n < r->r_meta || v + vl > end || p > end)
			fuzz_fail("metadata line outside the record", off);
		for (i = 0; i < nl; i++)
			if (n[i] <= ' ' || n[i] > '~' || n[i] == ':')
				fuzz_fail("bad octet in a field name", off);
		for (i = 0; i < vl; i++)
			if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f)
				fuzz_fail("control octet in a value", off);
	}
	if (rc < 0)
		fuzz_fail("a parsed record with malformed metadata", off);
	if (arc_meta_get(r->r_meta, r->r_metalen, "Recipient", buf,
	    sizeof(buf)) >= (int)sizeof(buf))
		fuzz_fail("arc_meta_get overran its buffer", off);
}

/* fuzz_parts - the original and the copy of a message record */
static void
fuzz_parts(const struct arc_rec *r, size_t off)
{
	struct arc_parts p;
	char	err[ARC_ERR_LEN] = "";
	const unsigned char *d = (const unsigned char *)r->r_data;

	if (arc_rec_parts(r, &p, err, sizeof(err)) != 0) {
		if (err[0] == '\0')
			fuzz_fail("parts refused without a reason", off);
		return;
	}
	if (p.p_orig != d || p.p_orig_len > r->r_datalen)
		fuzz_fail("original outside the record's data", off);
	if (p.p_copy == NULL ? p.p_orig_len != r->r_datalen :
	    p.p_copy != d + p.p_orig_len ||
	    p.p_orig_len + p.p_copy_len != r->r_datalen)
		fuzz_fail("original and copy are not the data", off);
}

/* fuzz_record - properties of one record parsed whole */
static void
fuzz_record(const unsigned char *base, size_t size, size_t off,
	const struct arc_rec *r)
{
	unsigned char hdr[ARC_HDR_LEN];
	struct arc_ckpt_ent e;
	size_t	i;

	if (r->r_len > size - off || r->r_len < ARC_HDR_LEN + ARC_HASH_LEN)
		fuzz_fail("record length outside the input", off);
	if ((const unsigned char *)r->r_meta != base + off + ARC_HDR_LEN ||
	    r->r_data != base + off + ARC_HDR_LEN + r->r_metalen ||
	    r->r_hash + ARC_HASH_LEN != base + off + r->r_len)
		fuzz_fail("fields not where the layout puts them", off);
	if ((r->r_type != ARC_TYPE_MSG && r->r_type != ARC_TYPE_CKPT) ||
	    r->r_recno == 0)
		fuzz_fail("type or number accepted that cannot be", off);
	arc_rec_header(hdr, r->r_type, r->r_recno, r->r_time, r->r_metalen,
	    r->r_datalen, r->r_prev);
	if (memcmp(hdr, base + off, ARC_HDR_LEN) != 0)
		fuzz_fail("header does not encode back to itself", off);
	fuzz_meta(r, off);
	if (r->r_type != ARC_TYPE_CKPT) {
		fuzz_parts(r, off);
		return;
	}
	if (r->r_datalen == 0 || r->r_datalen % ARC_CKPT_ENT != 0)
		fuzz_fail("checkpoint data not whole entries", off);
	for (i = 0; i < r->r_datalen / ARC_CKPT_ENT; i++)
		arc_ckpt_get(r, i, &e);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char *buf = malloc(size ? size : 1);
	char	err[ARC_ERR_LEN];
	struct arc_rec r;
	size_t	off = 0;
	int	rc;

	if (buf == NULL)
		return 0;
	memcpy(buf, data, size);
	while (off < size) {
		rc = arc_rec_parse(buf + off, size - off, &r, err, sizeof(err));
		if (rc < 0) {
			if (strnlen(err, sizeof(err)) == 0)
				fuzz_fail("refusal without a reason", off);
			break;
		}
		if (rc == 0) {
			if (size - off >= ARC_HDR_LEN && r.r_len <= size - off)
				fuzz_fail("asked for more bytes than it needs", off);
			break;
		}
		fuzz_record(buf, size, off, &r);
		off += (size_t)r.r_len;
	}
	free(buf);
	return 0;
}
