/* mmhs_lmtpd_cmd.c - the commands of the LMTP server and their replies
 *
 * Interface: mmhs_lmtpd_int.h.  RFC 2033: LHLO opens the session (HELO
 * and EHLO are refused, so a client that took us for SMTP learns it at
 * once); MAIL and RCPT arguments go through lib/mmhs_smtpcmd, the
 * MTA's parser, and are kept raw for the agent once they passed; DATA
 * needs an accepted recipient (4.2); after the dot every accepted
 * recipient gets its own reply, in RCPT order.
 *
 * What the agent returns is checked: a code outside 200..599 or text
 * with a line end never reaches the client (451 4.3.0 instead, since
 * the fault is ours and the MTA should try again).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "mmhs_alloc.h"
#include "mmhs_lmtpd_int.h"
#include "mmhs_smtpcmd.h"

/* lmtpd_reset - forget the transaction */
void
lmtpd_reset(struct lmtpd_sess *s)
{
	size_t	i;

	for (i = 0; i < s->s_nrcpt; i++) {
		mmhs_free(s->s_rcpt[i]);
		mmhs_free(s->s_rcpt_params[i]);
	}
	s->s_nrcpt = 0;
	mmhs_free(s->s_mail_from);
	mmhs_free(s->s_mail_params);
	s->s_mail_from = s->s_mail_params = NULL;
	s->s_len = 0;
	s->s_too_big = s->s_long_line = s->s_midline = 0;
	if (s->s_cap > ((size_t)1 << 20)) {
		/* do not keep a large message's buffer for the next one */
		mmhs_free(s->s_data);
		s->s_data = NULL;
		s->s_cap = 0;
	}
	if (s->s_state == LS_MAIL || s->s_state == LS_DATA)
		s->s_state = LS_READY;
}

/* lmtpd_error - a refused command; too many end the session */
static void
lmtpd_error(struct lmtpd_sess *s, const char *reply)
{
	lmtpd_reply(s, "%s", reply);
	if (++s->s_errors >= LMTPD_MAX_ERRORS) {
		lmtpd_reply(s, "421 4.7.0 Too many errors");
		lmtpd_close(s);
	}
}

/* lmtpd_params - the raw ESMTP parameters after "<path>" */
static char *
lmtpd_params(const char *args)
{
	const char *p = strchr(args, '>'), *end;

	/* mmhs_smtpcmd accepted args: the path ends at the first '>' */
	p = p != NULL ? p + 1 : args + strlen(args);
	while (*p == ' ')
		p++;
	for (end = p + strlen(p); end > p && end[-1] == ' '; end--)
		;
	return mmhs_strndup(p, (size_t)(end - p));
}

/* lmtpd_lhlo - LHLO domain */
static void
lmtpd_lhlo(struct lmtpd_sess *s, const char *args)
{
	const struct mmhs_lmtpd_conf *c = &s->s_ld->ld_conf;

	if (*args == '\0' || strlen(args) > 255 || strchr(args, ' ')) {
		lmtpd_error(s, "501 5.5.4 Syntax: LHLO hostname");
		return;
	}
	lmtpd_reset(s);
	mmhs_free(s->s_lhlo);
	s->s_lhlo = mmhs_strdup(args);
	s->s_state = LS_READY;
	lmtpd_reply(s, "250-%s\n250-PIPELINING\n250-ENHANCEDSTATUSCODES\n"
	    "250-8BITMIME\n250-SIZE %zu\n250-DSN\n250 MT-PRIORITY STANAG4406",
	    c->lc_hostname, c->lc_max_size);
}

/* lmtpd_mail - MAIL FROM:<path> [params] */
static void
lmtpd_mail(struct lmtpd_sess *s, const char *args)
{
	struct mmhs_smtpcmd_mail m;
	char	reply[MMHS_SMTPCMD_REPLY_MAX];

	if (s->s_state == LS_LHLO) {
		lmtpd_error(s, "503 5.5.1 Send LHLO first");
		return;
	}
	if (s->s_state == LS_MAIL) {
		lmtpd_error(s, "503 5.5.1 Nested MAIL command");
		return;
	}
	if (mmhs_smtpcmd_mail(args, &m, reply, sizeof(reply)) < 0) {
		lmtpd_error(s, reply);
		return;
	}
	if (m.cm_size > s->s_ld->ld_conf.lc_max_size) {
		lmtpd_reply(s, "552 5.3.4 Message size exceeds the limit of "
		    "%zu octets", s->s_ld->ld_conf.lc_max_size);
		return;
	}
	s->s_mail_from = mmhs_strdup(m.cm_path);
	s->s_mail_params = lmtpd_params(args);
	s->s_state = LS_MAIL;
	lmtpd_reply(s, "250 2.1.0 Sender <%s> ok", m.cm_path);
}

/* lmtpd_agent_reply - a refusal or result from the agent, checked */
static void
lmtpd_agent_reply(struct lmtpd_sess *s, const struct mmhs_lmtp_reply *r,
	int lo, int hi)
{
	if (r->lr_code < lo || r->lr_code > hi ||
	    memchr(r->lr_text, '\0', sizeof(r->lr_text)) == NULL ||
	    strpbrk(r->lr_text, "\r\n") != NULL)
		lmtpd_reply(s, "451 4.3.0 Internal error in the agent");
	else
		lmtpd_reply(s, "%d %s", r->lr_code, r->lr_text);
}

/* lmtpd_add_rcpt - keep an accepted recipient */
static void
lmtpd_add_rcpt(struct lmtpd_sess *s, const char *addr, char *params)
{
	if (s->s_nrcpt == s->s_rcpt_cap) {
		s->s_rcpt_cap = s->s_rcpt_cap == 0 ? 8 : s->s_rcpt_cap * 2;
		s->s_rcpt = mmhs_realloc(s->s_rcpt, s->s_rcpt_cap *
		    sizeof(*s->s_rcpt));
		s->s_rcpt_params = mmhs_realloc(s->s_rcpt_params,
		    s->s_rcpt_cap * sizeof(*s->s_rcpt_params));
	}
	s->s_rcpt[s->s_nrcpt] = mmhs_strdup(addr);
	s->s_rcpt_params[s->s_nrcpt++] = params;
}

/* lmtpd_rcpt - RCPT TO:<path> [params], then the agent's say */
static void
lmtpd_rcpt(struct lmtpd_sess *s, const char *args)
{
	const struct mmhs_lmtpd_conf *c = &s->s_ld->ld_conf;
	struct mmhs_smtpcmd_rcpt r;
	struct mmhs_lmtp_reply lr;
	char	reply[MMHS_SMTPCMD_REPLY_MAX], *params;

	if (s->s_state != LS_MAIL) {
		lmtpd_error(s, "503 5.5.1 Need MAIL before RCPT");
		return;
	}
	if (mmhs_smtpcmd_rcpt(args, &r, reply, sizeof(reply)) < 0) {
		lmtpd_error(s, reply);
		return;
	}
	if (s->s_nrcpt >= c->lc_max_rcpt) {
		lmtpd_reply(s, "452 4.5.3 Too many recipients");
		return;
	}
	params = lmtpd_params(args);
	memset(&lr, 0, sizeof(lr));
	if (c->lc_on_rcpt != NULL &&
	    c->lc_on_rcpt(c->lc_arg, r.cr_path, params, &lr) != 0) {
		lmtpd_agent_reply(s, &lr, 400, 599);
		mmhs_free(params);
		return;
	}
	lmtpd_add_rcpt(s, r.cr_path, params);
	lmtpd_reply(s, "250 2.1.5 Recipient <%s> ok", r.cr_path);
}

/* lmtpd_data - DATA: the message follows */
static void
lmtpd_data(struct lmtpd_sess *s, const char *args)
{
	if (s->s_state != LS_MAIL) {
		lmtpd_error(s, "503 5.5.1 Need MAIL command");
		return;
	}
	if (s->s_nrcpt == 0) {
		/* RFC 2033 4.2 */
		lmtpd_error(s, "503 5.5.1 No valid recipients");
		return;
	}
	if (*args != '\0') {
		lmtpd_error(s, "501 5.5.4 Syntax: DATA");
		return;
	}
	s->s_state = LS_DATA;
	s->s_len = 0;
	lmtpd_reply(s, "354 End data with <CR><LF>.<CR><LF>");
}

/* lmtpd_end_of_data - the dot: one reply per accepted recipient */
void
lmtpd_end_of_data(struct lmtpd_sess *s)
{
	const struct mmhs_lmtpd_conf *c = &s->s_ld->ld_conf;
	struct mmhs_lmtp_envelope env;
	struct mmhs_lmtp_reply *r;
	size_t	i;

	if (s->s_too_big || s->s_long_line) {
		for (i = 0; i < s->s_nrcpt; i++)
			lmtpd_reply(s, s->s_too_big ? "552 5.3.4 Message "
			    "exceeds the size limit of %zu octets" : "500 "
			    "5.5.6 Message line longer than %zu octets",
			    s->s_too_big ? c->lc_max_size :
			    (size_t)LMTPD_DATA_LINE_MAX);
		lmtpd_reset(s);
		return;
	}
	memset(&env, 0, sizeof(env));
	env.le_peer = s->s_peer;
	env.le_lhlo = s->s_lhlo;
	env.le_mail_from = s->s_mail_from;
	env.le_mail_params = s->s_mail_params;
	env.le_nrcpt = s->s_nrcpt;
	env.le_rcpt = (const char *const *)s->s_rcpt;
	env.le_rcpt_params = (const char *const *)s->s_rcpt_params;
	env.le_data = s->s_data;
	env.le_len = s->s_len;
	r = mmhs_calloc(s->s_nrcpt, sizeof(*r));
	for (i = 0; i < s->s_nrcpt; i++) {
		r[i].lr_code = 451;
		snprintf(r[i].lr_text, sizeof(r[i].lr_text),
		    "4.3.0 No reply from the agent");
	}
	c->lc_on_message(c->lc_arg, &env, r);
	for (i = 0; i < s->s_nrcpt; i++)
		lmtpd_agent_reply(s, &r[i], 200, 599);
	mmhs_free(r);
	lmtpd_reset(s);
}

/* lmtpd_command - one command line */
void
lmtpd_command(struct lmtpd_sess *s, const char *line)
{
	const char *args;

	if (strncasecmp(line, "LHLO", 4) == 0 && (line[4] == ' ' ||
	    line[4] == '\0')) {
		for (args = line + 4; *args == ' '; args++)
			;
		lmtpd_lhlo(s, args);
		return;
	}
	switch (mmhs_smtpcmd_verb(line, &args)) {
	case MMHS_SMTPCMD_HELO:
	case MMHS_SMTPCMD_EHLO:
		lmtpd_error(s, "500 5.5.1 This is an LMTP server (RFC 2033): "
		    "use LHLO");
		break;
	case MMHS_SMTPCMD_MAIL:	lmtpd_mail(s, args); break;
	case MMHS_SMTPCMD_RCPT:	lmtpd_rcpt(s, args); break;
	case MMHS_SMTPCMD_DATA:	lmtpd_data(s, args); break;
	case MMHS_SMTPCMD_RSET:
		lmtpd_reset(s);
		lmtpd_reply(s, "250 2.0.0 Ok");
		break;
	case MMHS_SMTPCMD_NOOP:	lmtpd_reply(s, "250 2.0.0 Ok"); break;
	case MMHS_SMTPCMD_QUIT:
		lmtpd_reply(s, "221 2.0.0 %s closing", s->s_ld->ld_hostname);
		lmtpd_close(s);
		break;
	case MMHS_SMTPCMD_UNKNOWN:
		lmtpd_error(s, "500 5.5.2 Command unknown");
		break;
	default:
		lmtpd_error(s, "502 5.5.1 Command not implemented");
		break;
	}
}
