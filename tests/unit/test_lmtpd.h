/* test_lmtpd.h - the LMTP server under test, in a thread of its own
 *
 * test_lmtpd.c runs mmhs_lmtpd on a private event_base in a thread, as
 * an agent would run it, with callbacks that record every envelope
 * and answer by the recipient's local part: "refuse*" is refused at
 * RCPT (550), "later*" gets 452 after the dot, "broken*" gets a reply
 * the server must not pass on; everything else 250.
 * test_lmtpd_raw.c drives it with raw, pipelined input.
 */
#ifndef TEST_LMTPD_H
#define TEST_LMTPD_H

#include <stddef.h>

struct tl_msg {				/* one message as the agent saw it */
	char   *m_lhlo, *m_from, *m_mail_params, *m_peer;
	size_t	m_nrcpt;
	char   *m_rcpt[8], *m_rcpt_params[8];
	char   *m_data;
	size_t	m_len;
};

/* Start a server (0 for the defaults); its port. */
int	tl_start(size_t max_size, size_t max_rcpt, size_t max_conns,
	    int timeout_s);
void	tl_stop(void);
/* Messages the callback saw since tl_start, and the n-th of them. */
size_t	tl_count(void);
const struct tl_msg *tl_get(size_t n);

/* Send input on a new connection (NULL: none), read until the server
 * closes or KITNET_WAIT_MS of silence; the transcript, caller frees. */
char   *tl_session(int port, const char *input, size_t len);
/* The reply codes of a transcript, one per final reply line, as
 * "220 250 250 354 250 221". */
void	tl_codes(const char *transcript, char *out, size_t outlen);

void	test_raw_pipelined(void);
void	test_raw_bad_commands(void);
void	test_raw_long_lines(void);
void	test_raw_oversize(void);
void	test_raw_limits(void);
void	test_raw_timeout(void);
void	test_raw_flood(void);

#endif
