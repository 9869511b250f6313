/* test_msg.c - CUnit tests for the mmhs_msg parser and writer
 *
 * Purpose: golden files (tests/unit/data/msg/NAME.eml parsed into the
 * event listing NAME.ref, or "ERROR line N: ..." for a refused one);
 * the same listing and the same error whatever the chunk sizes; parse
 * then write reproduces every accepted message byte for byte; headers-
 * only mode; each bound with its exact error; header folding.
 *
 * Interface: run without arguments; golden files are found under
 * $srcdir/tests/unit/data/msg, else next to the binary.  With
 * MMHS_REGEN=1 the .ref files are rewritten instead of compared (for
 * a person to review with git diff).
 *
 * Error behaviour: exits 1 when any assertion fails; a failed golden
 * file names itself and its first differing line.
 */
#include "config.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#include "mmhs_alloc.h"
#include "mmhs_msg.h"

int main(int, char **);

static char t_datadir[1024];

/* A growing byte buffer. */
struct t_buf {
	char   *b_data;
	size_t	b_len;
	size_t	b_cap;
};

/* t_add - append bytes */
static void
t_add(struct t_buf *b, const char *s, size_t len)
{
	if (b->b_len + len + 1 > b->b_cap) {
		b->b_cap = (b->b_len + len + 1) * 2;
		b->b_data = mmhs_realloc(b->b_data, b->b_cap);
	}
	memcpy(b->b_data + b->b_len, s, len);
	b->b_len += len;
	b->b_data[b->b_len] = '\0';
}

/* t_printf - append formatted text */
static void __attribute__((format(printf, 2, 3)))
t_printf(struct t_buf *b, const char *fmt, ...)
{
	char	tmp[2048];
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	t_add(b, tmp, (size_t) n < sizeof(tmp) ? (size_t) n : sizeof(tmp) - 1);
}

/* t_quoted - append a value with non-printables escaped */
static void
t_quoted(struct t_buf *b, const char *s)
{
	char	esc[8];

	t_add(b, "\"", 1);
	for (; *s != '\0'; s++) {
		if (*s >= 32 && *s < 127 && *s != '"' && *s != '\\') {
			t_add(b, s, 1);
		} else {
			snprintf(esc, sizeof(esc), "\\x%02x", (unsigned char) *s);
			t_add(b, esc, 4);
		}
	}
	t_add(b, "\"", 1);
}

/* State of one parse: the listing and the written copy. */
struct t_run {
	struct t_buf r_list;
	struct t_buf r_copy;
	struct mmhs_msg_writer *r_writer;
	enum mmhs_msg_event_type r_lasttype;
	unsigned r_lastdepth;
	size_t	r_octets;		/* pending body-like octets */
	int	r_stop_at;		/* stop at this event number, 0 never */
	int	r_events;
};

static const char *const t_names[] = {
	"HEADER", "HEADER_END", "BODY", "PREAMBLE", "BOUNDARY", "EPILOGUE",
	"PART_START", "PART_END", "END"
};

/* t_is_data - events whose octets are merged in the listing */
static int
t_is_data(enum mmhs_msg_event_type t)
{
	return t == MMHS_MSG_EV_BODY || t == MMHS_MSG_EV_PREAMBLE ||
	    t == MMHS_MSG_EV_EPILOGUE;
}

/* t_flush_data - list the merged body-like octets */
static void
t_flush_data(struct t_run *r)
{
	if (r->r_octets == 0)
		return;
	t_printf(&r->r_list, "%s d=%u octets=%zu\n", t_names[r->r_lasttype],
	    r->r_lastdepth, r->r_octets);
	r->r_octets = 0;
}

/* t_event - list one event and copy its octets */
static int
t_event(void *ctx, const struct mmhs_msg_event *ev)
{
	struct t_run *r = ctx;
	struct t_buf *l = &r->r_list;

	if (r->r_stop_at != 0 && ++r->r_events == r->r_stop_at)
		return 1;
	mmhs_msg_write_event(r->r_writer, ev);
	if (t_is_data(ev->ev_type)) {
		if (r->r_octets > 0 && (ev->ev_type != r->r_lasttype ||
		    ev->ev_depth != r->r_lastdepth))
			t_flush_data(r);
		r->r_lasttype = ev->ev_type;
		r->r_lastdepth = ev->ev_depth;
		r->r_octets += ev->ev_rawlen;
		return 0;
	}
	t_flush_data(r);
	t_printf(l, "%s d=%u", t_names[ev->ev_type], ev->ev_depth);
	switch (ev->ev_type) {
	case MMHS_MSG_EV_HEADER:
		t_printf(l, " l=%lu %s ", ev->ev_line, ev->ev_name);
		t_quoted(l, ev->ev_value);
		break;
	case MMHS_MSG_EV_HEADER_END:
		t_printf(l, " %s", ev->ev_ctype != NULL ? ev->ev_ctype : "-");
		if (ev->ev_boundary != NULL)
			t_printf(l, " boundary=\"%s\"", ev->ev_boundary);
		break;
	case MMHS_MSG_EV_BOUNDARY:
		t_printf(l, " l=%lu last=%d octets=%zu", ev->ev_line,
		    ev->ev_last, ev->ev_rawlen);
		break;
	case MMHS_MSG_EV_PART_START:
	case MMHS_MSG_EV_PART_END:
		t_printf(l, " part=%u", ev->ev_part);
		break;
	default:
		break;
	}
	t_add(l, "\n", 1);
	return 0;
}

/* t_sink - the writer's sink: the copy */
static int
t_sink(void *ctx, const char *buf, size_t len)
{
	t_add(ctx, buf, len);
	return 0;
}

/* t_parse - parse data in chunks of chunk octets; listing in r */
static int
t_parse(const char *data, size_t len, size_t chunk,
	const struct mmhs_msg_limits *lim, struct t_run *r)
{
	struct mmhs_msg_parser *mp;
	size_t	off, n;
	int	rc = 0;

	memset(r, 0, sizeof(*r));
	t_add(&r->r_list, "", 0);
	t_add(&r->r_copy, "", 0);
	r->r_writer = mmhs_msg_writer_new(t_sink, &r->r_copy);
	mp = mmhs_msg_parser_new(lim, t_event, r);
	for (off = 0; off < len && rc == 0; off += n) {
		n = len - off < chunk ? len - off : chunk;
		rc = mmhs_msg_feed(mp, data + off, n);
	}
	if (rc == 0)
		rc = mmhs_msg_finish(mp);
	t_flush_data(r);
	if (rc < 0)
		t_printf(&r->r_list, "ERROR %s\n", mmhs_msg_error(mp));
	mmhs_msg_parser_free(mp);
	mmhs_msg_writer_free(r->r_writer);
	return rc;
}

/* t_run_free - release a run */
static void
t_run_free(struct t_run *r)
{
	mmhs_free(r->r_list.b_data);
	mmhs_free(r->r_copy.b_data);
}

/* t_read - a whole file, or NULL */
static char *
t_read(const char *path, size_t *len)
{
	FILE   *fp = fopen(path, "rb");
	struct t_buf b = { NULL, 0, 0 };
	char	tmp[8192];
	size_t	n;

	if (fp == NULL)
		return NULL;
	t_add(&b, "", 0);
	while ((n = fread(tmp, 1, sizeof(tmp), fp)) > 0)
		t_add(&b, tmp, n);
	fclose(fp);
	*len = b.b_len;
	return b.b_data;
}

/* t_first_diff - line number where two texts differ */
static int
t_first_diff(const char *a, const char *b)
{
	int	line = 1;

	for (; *a != '\0' && *a == *b; a++, b++)
		if (*a == '\n')
			line++;
	return line;
}

/* t_golden_one - one .eml: listing, chunking, round trip */
static int
t_golden_one(const char *dir, const char *name)
{
	static const size_t chunks[] = { 1, 2, 3, 7, 64, 1000, 4096 };
	char	path[2048], *eml, *ref;
	size_t	elen, rlen, i;
	struct t_run whole, part;
	FILE   *fp;
	int	rc;

	snprintf(path, sizeof(path), "%s/%s.eml", dir, name);
	if ((eml = t_read(path, &elen)) == NULL)
		return 0;
	rc = t_parse(eml, elen, elen + 1, NULL, &whole);
	snprintf(path, sizeof(path), "%s/%s.ref", dir, name);
	if (getenv("MMHS_REGEN") != NULL && (fp = fopen(path, "w")) != NULL) {
		fputs(whole.r_list.b_data, fp);
		fclose(fp);
	}
	ref = t_read(path, &rlen);
	UNIT_CHECK(ref != NULL, "%s: no .ref file", name);
	if (ref != NULL)
		UNIT_CHECK(strcmp(ref, whole.r_list.b_data) == 0,
		    "%s.ref differs at line %d", name, t_first_diff(ref,
		    whole.r_list.b_data));
	if (rc == 0)
		UNIT_CHECK(whole.r_copy.b_len == elen &&
		    memcmp(whole.r_copy.b_data, eml, elen) == 0,
		    "%s: parse+write is not byte-identical", name);
	for (i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
		t_parse(eml, elen, chunks[i], NULL, &part);
		/* A refused message may have passed on some body first,
		 * as much as the chunks allowed: compare the error. */
		if (rc < 0)
			UNIT_CHECK(strcmp(strstr(part.r_list.b_data, "ERROR"),
			    strstr(whole.r_list.b_data, "ERROR")) == 0,
			    "%s: chunks of %zu give %s", name, chunks[i],
			    strstr(part.r_list.b_data, "ERROR"));
		else
			UNIT_CHECK(strcmp(part.r_list.b_data,
			    whole.r_list.b_data) == 0, "%s: chunks of %zu give "
			    "another listing (line %d)", name, chunks[i],
			    t_first_diff(part.r_list.b_data,
			    whole.r_list.b_data));
		if (rc == 0)
			UNIT_CHECK(part.r_copy.b_len == elen &&
			    memcmp(part.r_copy.b_data, eml, elen) == 0,
			    "%s: chunks of %zu: copy differs", name, chunks[i]);
		t_run_free(&part);
	}
	t_run_free(&whole);
	mmhs_free(ref);
	mmhs_free(eml);
	return rc == 0 ? 1 : 2;
}

/* t_cmp - qsort of names */
static int
t_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* test_golden - every .eml under data/msg */
static void
test_golden(void)
{
	DIR    *d = opendir(t_datadir);
	struct dirent *de;
	char   *names[512];
	size_t	n = 0, i, len;
	int	good = 0, bad = 0, rc;

	UNIT_CHECK(d != NULL, "cannot open %s", t_datadir);
	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL && n < 512) {
		len = strlen(de->d_name);
		if (len > 4 && strcmp(de->d_name + len - 4, ".eml") == 0)
			names[n++] = mmhs_strndup(de->d_name, len - 4);
	}
	closedir(d);
	qsort(names, n, sizeof(names[0]), t_cmp);
	for (i = 0; i < n; i++) {
		rc = t_golden_one(t_datadir, names[i]);
		good += rc == 1;
		bad += rc == 2;
		mmhs_free(names[i]);
	}
	printf("\n  golden: %d accepted, %d refused\n", good, bad);
	UNIT_CHECK(good >= 10, "only %d accepted golden messages", good);
	UNIT_CHECK(bad >= 10, "only %d refused golden messages", bad);
}

/* Bounds: each with a small limit and the exact error. */
static const struct t_bound {
	const char *b_what;
	struct mmhs_msg_limits b_lim;
	const char *b_input;
	const char *b_error;		/* NULL: accepted */
} t_bounds[] = {
	{ "line limit 20, header", { 20, 0, 0, 0, 0 },
	    "Subject: 0123456789abcdef\r\n\r\nx\r\n",
	    "line 1: line longer than 20 octets (RFC 5322 2.1.1 limit with "
	    "CRLF)" },
	{ "line limit 20, body", { 20, 0, 0, 0, 0 },
	    "A: b\r\n\r\nshort\r\n0123456789abcdefghij\r\n",
	    "line 4: line longer than 20 octets (RFC 5322 2.1.1 limit with "
	    "CRLF)" },
	{ "line limit 20, exactly 20 with CRLF", { 20, 0, 0, 0, 0 },
	    "A: b\r\n\r\n0123456789abcdef\r\n", NULL },
	{ "header section 30 octets", { 0, 30, 0, 0, 0 },
	    "A: 0123456789\r\nB: 0123456789\r\nC: x\r\n\r\n",
	    "line 3: header section longer than 30 octets" },
	{ "3 header fields", { 0, 0, 3, 0, 0 },
	    "A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n",
	    "line 4: more than 3 header fields" },
	{ "depth 1", { 0, 0, 0, 1, 0 },
	    "Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\n"
	    "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\n"
	    "x\r\n--b--\r\n--a--\r\n",
	    "line 5: multipart nested deeper than 1 levels" },
	{ "depth 2 is enough", { 0, 0, 0, 2, 0 },
	    "Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\n"
	    "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\n"
	    "x\r\n--b--\r\n--a--\r\n", NULL },
	{ "line limit 50 in a part, CR LF split by chunks", { 50, 0, 0, 0, 0 },
	    "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\n"
	    "0123456789012345678901234567890123456789012345678\r\n--b--\r\n",
	    "line 5: line longer than 50 octets (RFC 5322 2.1.1 limit with "
	    "CRLF)" },
	{ "line limit 50 in a part, 50 octets pass", { 50, 0, 0, 0, 0 },
	    "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\n"
	    "012345678901234567890123456789012345678901234567\r\n--b--\r\n",
	    NULL },
	{ "headers only: no MIME checks on the body", { 0, 0, 0, 0, 1 },
	    "Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\n", NULL },
};

/* test_bounds - each bound refuses with its exact error */
static void
test_bounds(void)
{
	const struct t_bound *b;
	struct t_run r;
	size_t	i, len, chunk;
	const char *e;
	int	rc;

	/* every chunk size: a line end split across feeds is the hard case */
	for (i = 0; i < sizeof(t_bounds) / sizeof(t_bounds[0]); i++)
	    for (chunk = 1; chunk <= 64; chunk++) {
		b = &t_bounds[i];
		len = strlen(b->b_input);
		rc = t_parse(b->b_input, len, chunk, &b->b_lim, &r);
		e = strstr(r.r_list.b_data, "ERROR ");
		if (b->b_error == NULL) {
			UNIT_CHECK(rc == 0, "%s (chunks of %zu): refused: %s",
			    b->b_what, chunk, e != NULL ? e : "?");
			UNIT_CHECK(r.r_copy.b_len == len, "%s: copy differs",
			    b->b_what);
		} else {
			UNIT_CHECK(rc < 0 && e != NULL && strncmp(e + 6,
			    b->b_error, strlen(b->b_error)) == 0,
			    "%s (chunks of %zu): got %s", b->b_what, chunk,
			    e != NULL ? e : "no error");
		}
		t_run_free(&r);
	    }
}

/* test_headers_only - the body is passed on whole and unparsed */
static void
test_headers_only(void)
{
	static const char msg[] = "From: a@example.mil\r\n"
	    "MMHS-Primary-Precedence: flash\r\nContent-Type: multipart/mixed;"
	    "\r\n boundary=zz\r\n\r\n--zz\r\nnot parsed\r\n";
	struct mmhs_msg_limits lim = { 0, 0, 0, 0, 1 };
	struct t_run r;
	int	rc;

	rc = t_parse(msg, sizeof(msg) - 1, 4, &lim, &r);
	UNIT_CHECK(rc == 0, "headers-only refused");
	UNIT_CHECK(strcmp(r.r_list.b_data,
	    "HEADER d=0 l=1 From \"a@example.mil\"\n"
	    "HEADER d=0 l=2 MMHS-Primary-Precedence \"flash\"\n"
	    "HEADER d=0 l=3 Content-Type \"multipart/mixed; boundary=zz\"\n"
	    "HEADER_END d=0 -\n"
	    "BODY d=0 octets=18\n"
	    "END d=0\n") == 0, "headers-only listing:\n%s", r.r_list.b_data);
	UNIT_CHECK(r.r_copy.b_len == sizeof(msg) - 1 && memcmp(r.r_copy.b_data,
	    msg, sizeof(msg) - 1) == 0, "headers-only copy differs");
	t_run_free(&r);
}

/* test_stop - a handler can stop the parse */
static void
test_stop(void)
{
	struct mmhs_msg_parser *mp;
	struct t_run r;

	memset(&r, 0, sizeof(r));
	r.r_writer = mmhs_msg_writer_new(t_sink, &r.r_copy);
	r.r_stop_at = 2;
	mp = mmhs_msg_parser_new(NULL, t_event, &r);
	UNIT_CHECK(mmhs_msg_feed(mp, "A: 1\r\nB: 2\r\nC: 3\r\n", 18) == -1,
	    "stop ignored");
	UNIT_CHECK(strcmp(mmhs_msg_error(mp),
	    "line 3: stopped by the caller") == 0, "stop error: %s",
	    mmhs_msg_error(mp));
	UNIT_CHECK(mmhs_msg_feed(mp, "x", 1) == -1, "input taken after a stop");
	mmhs_msg_parser_free(mp);
	mmhs_msg_writer_free(r.r_writer);
	t_run_free(&r);
}

/* Folding: the field written, or NULL for a refusal. */
static const struct t_fold {
	const char *f_name;
	const char *f_value;
	const char *f_out;
} t_folds[] = {
	{ "Subject", "short", "Subject: short\r\n" },
	{ "Subject", "", "Subject: \r\n" },
	{ "MMHS-Subject-Indicator-Codes",
	    "SDM; KKZ; BRL; AAA; BBB; CCC; DDD; EEE; FFF; GGG; HHH; III; JJJ",
	    "MMHS-Subject-Indicator-Codes: SDM; KKZ; BRL; AAA; BBB; CCC; DDD; "
	    "EEE; FFF;\r\n GGG; HHH; III; JJJ\r\n" },
	{ "X-Long", "a b  c", "X-Long: a b  c\r\n" },
	{ "X-Trailing",
	    "0123456789 0123456789 0123456789 0123456789 0123456789 0123456 ",
	    "X-Trailing: 0123456789 0123456789 0123456789 0123456789 "
	    "0123456789 0123456 \r\n" },
	{ "Bad Name", "x", NULL },
	{ "X-Inject", "a\r\nBcc: x@y", NULL },
};

/* test_fold - written fields: exact bytes, lines <= 78, refusals */
static void
test_fold(void)
{
	const struct t_fold *f;
	struct mmhs_msg_writer *mw;
	struct t_buf out;
	size_t	i;
	int	rc;

	for (i = 0; i < sizeof(t_folds) / sizeof(t_folds[0]); i++) {
		f = &t_folds[i];
		memset(&out, 0, sizeof(out));
		t_add(&out, "", 0);
		mw = mmhs_msg_writer_new(t_sink, &out);
		rc = mmhs_msg_write_header(mw, f->f_name, f->f_value);
		if (f->f_out == NULL)
			UNIT_CHECK(rc < 0 && out.b_len == 0, "%s: accepted",
			    f->f_name);
		else
			UNIT_CHECK(rc == 0 && strcmp(out.b_data, f->f_out) == 0,
			    "%s: wrote [%s]", f->f_name, out.b_data);
		mmhs_msg_writer_free(mw);
		mmhs_free(out.b_data);
	}
}

/* test_fold_roundtrip - long values fold within 78 and parse back */
static void
test_fold_roundtrip(void)
{
	struct mmhs_msg_writer *mw;
	struct t_buf out, val, want;
	struct t_run r;
	char   *p, *nl;
	int	i, w;

	for (w = 1; w <= 40; w += 3) {
		memset(&out, 0, sizeof(out));
		memset(&val, 0, sizeof(val));
		memset(&want, 0, sizeof(want));
		t_add(&val, "", 0);
		for (i = 0; i < 60; i++)
			t_printf(&val, "%s%.*s", i ? " " : "", w,
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ");
		mw = mmhs_msg_writer_new(t_sink, &out);
		UNIT_CHECK(mmhs_msg_write_header(mw, "X-Test", val.b_data) == 0,
		    "width %d refused", w);
		t_add(&out, "\r\n", 2);
		for (p = out.b_data; (nl = strstr(p, "\r\n")) != NULL;
		    p = nl + 2)
			UNIT_CHECK(nl - p <= 78, "width %d: line of %d", w,
			    (int) (nl - p));
		t_parse(out.b_data, out.b_len, 4096, NULL, &r);
		t_add(&want, "", 0);
		t_add(&want, "HEADER d=0 l=1 X-Test ", 22);
		t_quoted(&want, val.b_data);
		UNIT_CHECK(strncmp(r.r_list.b_data, want.b_data,
		    want.b_len) == 0, "width %d: parsed back as %.100s", w,
		    r.r_list.b_data);
		t_run_free(&r);
		mmhs_msg_writer_free(mw);
		mmhs_free(out.b_data);
		mmhs_free(val.b_data);
		mmhs_free(want.b_data);
	}
}

/* t_find_data - the golden directory */
static void
t_find_data(const char *argv0)
{
	const char *src = getenv("srcdir");
	char	bindir[900];
	const char *slash = strrchr(argv0, '/');
	DIR    *d;

	if (src != NULL) {
		snprintf(t_datadir, sizeof(t_datadir),
		    "%s/tests/unit/data/msg", src);
		return;
	}
	snprintf(bindir, sizeof(bindir), "%.*s",
	    slash != NULL ? (int) (slash - argv0) : 1,
	    slash != NULL ? argv0 : ".");
	snprintf(t_datadir, sizeof(t_datadir), "%s/data/msg", bindir);
	if ((d = opendir(t_datadir)) != NULL) {
		closedir(d);
		return;
	}
	snprintf(t_datadir, sizeof(t_datadir),
	    "%s/../../../tests/unit/data/msg", bindir);
}

static const struct unit_test msg_tests[] = {
	{ "golden files", test_golden },
	{ "bounds", test_bounds },
	{ "headers only", test_headers_only },
	{ "handler stops", test_stop },
	{ "folding", test_fold },
	{ "folding round trip", test_fold_roundtrip },
};

static const struct unit_suite suites[] = {
	UNIT_SUITE("msg", msg_tests),
};

/* main - find the golden files, run the suite; non-zero on any failure */
int
main(int argc, char **argv)
{
	(void) argc;
	t_find_data(argv[0]);
	return unit_main(suites, sizeof(suites) / sizeof(suites[0]));
}
