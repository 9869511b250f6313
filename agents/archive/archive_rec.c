/* archive_rec.c - mmhs-archive: the record format and the metadata text
 *
 * Purpose: encode and decode the records of archive.h, and the
 * "Name: value" lines of their metadata.  No I/O and no hashing here:
 * this is the code that reads bytes which may be damaged or forged
 * (verify walks whatever is on disk), so it is small, bounded and
 * fuzzed (tests/fuzz/fuzz_archive_record.c).
 *
 * Error behaviour: a malformed record or line is refused with a reason
 * that says which field is wrong; nothing is read outside the buffer
 * and nothing is allocated by the parsers.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "mmhs_alloc.h"
#include "archive.h"

/* arc_put64 - a big-endian 64-bit integer */
void
arc_put64(unsigned char *p, uint64_t v)
{
	int	i;

	for (i = 7; i >= 0; i--, v >>= 8)
		p[i] = (unsigned char)(v & 0xff);
}

uint64_t
arc_get64(const unsigned char *p)
{
	uint64_t v = 0;
	int	i;

	for (i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return v;
}

static void
arc_put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

static uint32_t
arc_get32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

/* arc_rec_header - the ARC_HDR_LEN octets before meta and data */
void
arc_rec_header(unsigned char hdr[ARC_HDR_LEN], int type, uint64_t recno,
	int64_t time, uint32_t metalen, uint64_t datalen,
	const unsigned char prev[ARC_HASH_LEN])
{
	memcpy(hdr, ARC_MAGIC, 4);
	hdr[4] = (unsigned char)type;
	hdr[5] = hdr[6] = hdr[7] = 0;
	arc_put64(hdr + 8, recno);
	arc_put64(hdr + 16, (uint64_t)time);
	arc_put32(hdr + 24, metalen);
	arc_put64(hdr + 28, datalen);
	memcpy(hdr + 36, prev, ARC_HASH_LEN);
}

/* arc_rec_header_parse - the fields of a header, checked */
int
arc_rec_header_parse(const unsigned char *hdr, struct arc_rec *r, char *err,
	size_t errlen)
{
	memset(r, 0, sizeof(*r));
	if (memcmp(hdr, ARC_MAGIC, 4) != 0) {
		snprintf(err, errlen, "no record magic");
		return -1;
	}
	r->r_type = hdr[4];
	if (r->r_type != ARC_TYPE_MSG && r->r_type != ARC_TYPE_CKPT) {
		snprintf(err, errlen, "unknown record type 0x%02x", hdr[4]);
		return -1;
	}
	if (hdr[5] != 0 || hdr[6] != 0 || hdr[7] != 0) {
		snprintf(err, errlen, "reserved octets not zero");
		return -1;
	}
	r->r_recno = arc_get64(hdr + 8);
	r->r_time = (int64_t)arc_get64(hdr + 16);
	r->r_metalen = arc_get32(hdr + 24);
	r->r_datalen = arc_get64(hdr + 28);
	r->r_prev = hdr + 36;
	if (r->r_recno == 0) {
		snprintf(err, errlen, "record number 0");
		return -1;
	}
	if (r->r_metalen > ARC_META_MAX) {
		snprintf(err, errlen, "metadata length %lu over the limit",
		    (unsigned long)r->r_metalen);
		return -1;
	}
	if (r->r_datalen > ARC_DATA_MAX) {
		snprintf(err, errlen, "data length %llu over the limit",
		    (unsigned long long)r->r_datalen);
		return -1;
	}
	if (r->r_type == ARC_TYPE_CKPT && (r->r_datalen == 0 ||
	    r->r_datalen % ARC_CKPT_ENT != 0)) {
		snprintf(err, errlen, "checkpoint data of %llu octets is not "
		    "whole entries", (unsigned long long)r->r_datalen);
		return -1;
	}
	r->r_len = ARC_HDR_LEN + (uint64_t)r->r_metalen + r->r_datalen +
	    ARC_TRAILER_LEN;
	return 0;
}

/* arc_rec_parse - one whole record at buf */
int
arc_rec_parse(const unsigned char *buf, size_t len, struct arc_rec *r,
	char *err, size_t errlen)
{
	const char *p, *end, *name, *value;
	size_t	nl, vl;
	int	rc;

	if (len < ARC_HDR_LEN)
		return 0;
	if (arc_rec_header_parse(buf, r, err, errlen) < 0)
		return -1;
	if (len < r->r_len)
		return 0;
	r->r_meta = (const char *)buf + ARC_HDR_LEN;
	r->r_data = buf + ARC_HDR_LEN + r->r_metalen;
	r->r_hash = r->r_data + r->r_datalen;
	p = r->r_meta;
	end = p + r->r_metalen;
	while ((rc = arc_meta_next(&p, end, &name, &nl, &value, &vl)) > 0)
		;
	if (rc < 0) {
		snprintf(err, errlen, "malformed metadata at octet %zu",
		    (size_t)(p - r->r_meta));
		return -1;
	}
	return 1;
}

/* arc_rec_parts - the message and the archive's copy in r's data */
int
arc_rec_parts(const struct arc_rec *r, struct arc_parts *p, char *err,
	size_t errlen)
{
	char	v[24];
	uint64_t n = 0;
	int	len, i;

	memset(p, 0, sizeof(*p));
	p->p_orig = r->r_data;
	p->p_orig_len = r->r_datalen;
	if ((len = arc_meta_get(r->r_meta, r->r_metalen, "Archive-Copy", v,
	    sizeof(v))) == 0)
		return 0;
	for (i = 0; i < len && len <= 12; i++) {
		if (v[i] < '0' || v[i] > '9')
			break;
		n = n * 10 + (uint64_t)(v[i] - '0');
	}
	if (len < 0 || len > 12 || i < len || n == 0 || n >= r->r_datalen) {
		snprintf(err, errlen, "record %llu: Archive-Copy \"%s\" is not "
		    "a length within its %llu octets of data",
		    (unsigned long long)r->r_recno, len < 0 ? "(too long)" : v,
		    (unsigned long long)r->r_datalen);
		return -1;
	}
	p->p_orig_len = r->r_datalen - n;
	p->p_copy = r->r_data + p->p_orig_len;
	p->p_copy_len = n;
	return 0;
}

/* arc_ckpt_get - entry i of a checkpoint */
void
arc_ckpt_get(const struct arc_rec *r, size_t i, struct arc_ckpt_ent *e)
{
	const unsigned char *p = r->r_data + i * ARC_CKPT_ENT;

	e->ce_recno = arc_get64(p);
	e->ce_type = p[8];
	e->ce_time = (int64_t)arc_get64(p + 9);
	memcpy(e->ce_md, p + 17, ARC_HASH_LEN);
	memcpy(e->ce_dd, p + 17 + ARC_HASH_LEN, ARC_HASH_LEN);
}

void
arc_ckpt_put(unsigned char *p, const struct arc_ckpt_ent *e)
{
	arc_put64(p, e->ce_recno);
	p[8] = (unsigned char)e->ce_type;
	arc_put64(p + 9, (uint64_t)e->ce_time);
	memcpy(p + 17, e->ce_md, ARC_HASH_LEN);
	memcpy(p + 17 + ARC_HASH_LEN, e->ce_dd, ARC_HASH_LEN);
}

/* arc_meta_add - one "Name: value" line; control octets become '?' */
void
arc_meta_add(struct arc_meta *m, const char *name, const char *value)
{
	size_t	need = strlen(name) + 2 + strlen(value) + 1, i;
	char	*p;

	if (m->am_len + need > m->am_cap) {
		m->am_cap = (m->am_len + need) * 2 + 256;
		m->am_buf = mmhs_realloc(m->am_buf, m->am_cap);
	}
	p = m->am_buf + m->am_len;
	p += sprintf(p, "%s: ", name);
	for (i = 0; value[i] != '\0'; i++)
		*p++ = (unsigned char)value[i] < 0x20 ||
		    value[i] == 0x7f ? '?' : value[i];
	*p++ = '\n';
	m->am_len = (size_t)(p - m->am_buf);
}

void
arc_meta_free(struct arc_meta *m)
{
	mmhs_free(m->am_buf);
	memset(m, 0, sizeof(*m));
}

/* arc_meta_next - the next field: NAME ": " VALUE "\n", NAME printable
 * without ':' or space, VALUE without control octets */
int
arc_meta_next(const char **pp, const char *end, const char **name,
	size_t *namelen, const char **value, size_t *valuelen)
{
	const char *p = *pp, *nl, *colon;

	if (p >= end)
		return 0;
	if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL ||
	    (colon = memchr(p, ':', (size_t)(nl - p))) == NULL ||
	    colon == p || colon + 1 >= nl || colon[1] != ' ')
		return -1;
	for (*name = p; p < colon; p++)
		if (*p <= ' ' || *p > '~')
			return -1;
	for (*value = colon + 2, p = *value; p < nl; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return -1;
	*namelen = (size_t)(colon - *name);
	*valuelen = (size_t)(nl - *value);
	*pp = nl + 1;
	return 1;
}

/* arc_meta_get - the first value of name */
int
arc_meta_get(const char *meta, size_t len, const char *name, char *buf,
	size_t buflen)
{
	const char *p = meta, *n, *v;
	size_t	nl, vl;

	buf[0] = '\0';
	while (arc_meta_next(&p, meta + len, &n, &nl, &v, &vl) > 0)
		if (nl == strlen(name) && strncasecmp(n, name, nl) == 0) {
			if (vl >= buflen)
				return -1;
			memcpy(buf, v, vl);
			buf[vl] = '\0';
			return (int)vl;
		}
	return 0;
}
