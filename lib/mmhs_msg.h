/* mmhs_msg.h - streaming RFC 5322 / MIME message parser and writer */
#ifndef MMHS_MSG_H
#define MMHS_MSG_H

#include <stddef.h>

/*
 * Bounds.  RFC 5322 section 2.1.1: a line MUST NOT be longer than 998
 * characters plus CRLF, so the default line bound counts 1000 octets
 * with the line end.  RFC 2046 section 5.1.1: a boundary is 1 to 70
 * characters.  The others are ours: large enough for any real military
 * message, small enough that a hostile one cannot exhaust memory.
 */
#define MMHS_MSG_LINE_MAX	1000
#define MMHS_MSG_HEADER_MAX	(256 * 1024)	/* one header section */
#define MMHS_MSG_FIELDS_MAX	1000		/* fields in one section */
#define MMHS_MSG_DEPTH_MAX	16		/* nested multiparts */
#define MMHS_MSG_BOUNDARY_MAX	70
#define MMHS_MSG_CTYPE_MAX	128		/* "type/subtype" kept */
#define MMHS_MSG_FOLD_AT	78		/* RFC 5322 section 2.1.1 */

struct mmhs_msg_limits {
	size_t	ml_line_max;		/* octets per line, line end included */
	size_t	ml_header_max;		/* octets per header section */
	unsigned ml_fields_max;		/* fields per header section */
	unsigned ml_depth_max;		/* multipart nesting */
	int	ml_headers_only;	/* stop parsing after the top header */
};

/*
 * What the parser reports, in input order.  Every input octet belongs
 * to the raw bytes of exactly one event, so writing out the raw bytes of
 * every event (mmhs_msg_write_event) reproduces the input byte for byte.
 * Depth 0 is the message; the parts of a multipart at depth d are at
 * depth d + 1.
 *
 *	HEADER		one field, possibly folded: name, unfolded value
 *	HEADER_END	the empty line ending a header section (raw is
 *			empty when the input ended first); ctype/boundary
 *			tell what follows
 *	BODY		bytes of a leaf body (or, in headers-only mode, the
 *			whole rest of the message, unparsed)
 *	PREAMBLE	bytes of a multipart before its first delimiter
 *	BOUNDARY	a delimiter line with the line end before it, which
 *			RFC 2046 section 5.1.1 attaches to the delimiter;
 *			last = 1 for the close delimiter "--b--"
 *	EPILOGUE	bytes of a multipart after its close delimiter
 *	PART_START	a body part begins (after its BOUNDARY); no raw bytes
 *	PART_END	a body part ended (before the BOUNDARY); no raw bytes
 *	END		mmhs_msg_finish() accepted the message; no raw bytes
 */
enum mmhs_msg_event_type {
	MMHS_MSG_EV_HEADER,
	MMHS_MSG_EV_HEADER_END,
	MMHS_MSG_EV_BODY,
	MMHS_MSG_EV_PREAMBLE,
	MMHS_MSG_EV_BOUNDARY,
	MMHS_MSG_EV_EPILOGUE,
	MMHS_MSG_EV_PART_START,
	MMHS_MSG_EV_PART_END,
	MMHS_MSG_EV_END
};

struct mmhs_msg_event {
	enum mmhs_msg_event_type ev_type;
	unsigned ev_depth;
	unsigned ev_part;		/* PART_*: 1-based index in its multipart */
	unsigned long ev_line;		/* first input line of the event */
	const char *ev_raw;		/* input octets, not NUL-terminated */
	size_t	ev_rawlen;
	const char *ev_name;		/* HEADER: field name */
	const char *ev_value;		/* HEADER: unfolded, outer WSP removed */
	const char *ev_ctype;		/* HEADER_END: lower-case type/subtype */
	const char *ev_boundary;	/* HEADER_END of a multipart, BOUNDARY */
	int	ev_last;		/* BOUNDARY: close delimiter */
};

/*
 * Called for each event; the pointers are valid only during the call.
 * Return 0 to go on, anything else to stop: feed() then returns -1
 * with the error "stopped by the caller".
 */
typedef int (*mmhs_msg_event_fn)(void *ctx, const struct mmhs_msg_event *ev);

struct mmhs_msg_parser;

/* limits may be NULL for the defaults above; zero members also mean
 * the default.  Never returns NULL. */
struct mmhs_msg_parser *mmhs_msg_parser_new(const struct mmhs_msg_limits *lim,
	mmhs_msg_event_fn fn, void *ctx);
void	mmhs_msg_parser_free(struct mmhs_msg_parser *mp);

/*
 * Feed the next len octets, in chunks of any size.  Returns 0, or -1
 * when the message broke a bound or the MIME structure; the parser then
 * refuses more input.  finish() says the input ended; it checks that
 * every multipart was closed and reports END.
 */
int	mmhs_msg_feed(struct mmhs_msg_parser *mp, const char *buf, size_t len);
int	mmhs_msg_finish(struct mmhs_msg_parser *mp);

/* "line N: what", empty before any error. */
const char *mmhs_msg_error(const struct mmhs_msg_parser *mp);

/* Octets fed so far and lines started so far. */
unsigned long long mmhs_msg_offset(const struct mmhs_msg_parser *mp);

/*
 * Writer: sends octets to a sink (a queue file, a socket buffer...).
 * The sink returns 0 or -1; after a -1 every write returns -1.
 */
typedef int (*mmhs_msg_sink_fn)(void *ctx, const char *buf, size_t len);

struct mmhs_msg_writer;

struct mmhs_msg_writer *mmhs_msg_writer_new(mmhs_msg_sink_fn fn, void *ctx);
void	mmhs_msg_writer_free(struct mmhs_msg_writer *mw);

/* Octets unchanged: body data, or the raw bytes of an event. */
int	mmhs_msg_write_raw(struct mmhs_msg_writer *mw, const char *buf,
	size_t len);
int	mmhs_msg_write_event(struct mmhs_msg_writer *mw,
	const struct mmhs_msg_event *ev);

/*
 * A new header field "Name: value" ending in CRLF, folded before white
 * space so that lines stay within 78 characters where the value allows
 * (RFC 5322 section 2.2.3).  Unfolding the result gives value back.
 * Returns -1 (and writes nothing) for a bad name, a value with CR, LF
 * or NUL, or a word that cannot fit in 998 characters.
 */
int	mmhs_msg_write_header(struct mmhs_msg_writer *mw, const char *name,
	const char *value);

/* Text of the last writer error. */
const char *mmhs_msg_writer_error(const struct mmhs_msg_writer *mw);

#endif
