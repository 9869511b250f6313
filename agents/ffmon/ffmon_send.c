/* ffmon_send.c - one redirect: the message resubmitted to the action point
 *
 * The message goes to the MTA's "smtp" listener exactly as the store
 * keeps it: byte for byte, no trace field added.  The MTA adds its own
 * Received: (which names the action point), the store marks the
 * original "redirected" and the tracking log says from which mailbox,
 * to which action point and why; a field of ours would tell the action
 * point nothing that the MMHS fields and those do not, and an unchanged
 * copy is the one the originator signed and may ask a receipt for.
 *
 * The return path is the originator's (the store's envelope sender when
 * its API gives it, else Return-Path:, Sender:, From: of the message):
 * a redirect is the fire-and-forget service delivering the originator's
 * message, as X.400 redirection and RFC 5321 section 3.4 forwarding keep
 * the originator, so a failure or success report about the copy reaches
 * the one who asked for reports, and a null return path (a report left
 * unread) stays null, so a redirect can never cause a report loop.
 * MT-PRIORITY is the precedence's (RFC 6710, STANAG 4406 policy); BODY=
 * 8BITMIME when the message holds octets above 127.
 *
 * The MTA: an mmhsPeer of ours of type "mta", else the mta agent of our
 * site that names us among its mmhsPeer (it accepts our mail: the
 * sample site's way of saying it).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "mmhs_agent.h"
#include "mmhs_alloc.h"
#include "mmhs_dl.h"
#include "mmhs_smtpc.h"
#include "mmhs_summary.h"
#include "ffmon.h"

#define SEND_TIMEOUT_S	60

struct send_find {
	const char *sf_self;		/* our DN */
	const char *sf_site;
	char	sf_uri[FFMON_ADDR_MAX];
};

/* send_dn_eq - the same DN */
static int
send_dn_eq(const char *a, const char *b)
{
	return a != NULL && b != NULL &&
	    mmhs_dl_dn_equal(a, strlen(a), b, strlen(b));
}

/* send_mta_of - iterator: an mta of our site with us as its peer */
static int
send_mta_of(void *arg, const mmhs_dircache_entry_t *e)
{
	struct send_find *sf = arg;
	const mmhs_dircache_attr_t *a = mmhs_dircache_attr(e, "mmhsPeer");
	const mmhs_dircache_attr_t *l = mmhs_dircache_attr(e, "mmhsListen");
	size_t	i;
	int	ours = 0;

	if (!send_dn_eq(mmhs_dircache_value(e, "mmhsSite"), sf->sf_site))
		return 0;
	for (i = 0; a != NULL && i < a->da_nvals; i++)
		ours |= send_dn_eq(a->da_vals[i], sf->sf_self);
	for (i = 0; ours && l != NULL && i < l->da_nvals; i++)
		if (strncasecmp(l->da_vals[i], "smtp ", 5) == 0) {
			snprintf(sf->sf_uri, sizeof(sf->sf_uri), "%s",
			    l->da_vals[i] + 5 + strspn(l->da_vals[i] + 5,
			    " "));
			return 1;
		}
	return 0;
}

/* send_mta - host and port of the MTA's smtp listener */
static int
send_mta(struct ffmon *f, char *host, size_t hostlen, int *port, char *err,
    size_t errlen)
{
	struct send_find sf;

	if (mmhs_agent_peer_addr(f->f_ag, "mta", "smtp", host, hostlen, port,
	    err, errlen) == 0)
		return 0;
	memset(&sf, 0, sizeof(sf));
	sf.sf_self = f->f_ag->ag_dn;
	sf.sf_site = f->f_site;
	(void) mmhs_dircache_find(f->f_ag->ag_cache, "mmhsAgentType", "mta",
	    send_mta_of, &sf);
	if (sf.sf_uri[0] == '\0') {
		snprintf(err, errlen, "no MTA to resubmit to: no mmhsPeer of "
		    "type mta, and no mta of site %s names %s as its peer",
		    f->f_site, f->f_ag->ag_dn);
		return -1;
	}
	if (mmhs_smtpc_parse_uri(sf.sf_uri, host, hostlen, port) < 0 ||
	    *port <= 0) {
		snprintf(err, errlen, "MTA smtp listener \"%s\": no host:port",
		    sf.sf_uri);
		return -1;
	}
	return 0;
}

/* send_addr_spec - the address in a field value: inside <>, else the
 * value without comments and outer spaces (caller frees) */
static char *
send_addr_spec(const char *v)
{
	const char *lt = strchr(v, '<'), *gt;
	char	*r, *o;
	int	depth = 0;

	if (lt != NULL && (gt = strchr(lt, '>')) != NULL)
		return mmhs_strndup(lt + 1, (size_t)(gt - lt - 1));
	r = o = mmhs_malloc(strlen(v) + 1);
	for (; *v != '\0'; v++) {
		if (*v == '(')
			depth++;
		else if (*v == ')' && depth > 0)
			depth--;
		else if (depth == 0 && *v != ' ' && *v != '\t')
			*o++ = *v;
	}
	*o = '\0';
	return r;
}

/* ffmon_return_path - whom reports about the redirected copy go to */
char *
ffmon_return_path(const struct ffmon_pending *p, const char *raw,
    size_t len)
{
	static const char *const fields[] = { "Return-Path", "Sender",
	    "From" };
	char	*v, *r;
	size_t	i;

	if (p != NULL && p->fp_return_path != NULL)
		return mmhs_strdup(p->fp_return_path);
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if ((v = mmhs_summary_field(raw, len, fields[i])) == NULL)
			continue;
		r = send_addr_spec(v);
		mmhs_free(v);
		if (*r != '\0' || i == 0)	/* "<>": the null path */
			return r;
		mmhs_free(r);
	}
	return mmhs_strdup("");
}

/* send_8bit - does the message hold an octet above 127? */
static int
send_8bit(const char *raw, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++)
		if ((unsigned char)raw[i] & 0x80)
			return 1;
	return 0;
}

/* ffmon_send - the resubmission */
int
ffmon_send(struct ffmon *f, const char *raw, size_t len, const char *rp,
    enum mmhs_precedence prec, const char *ap_mail, char *err,
    size_t errlen)
{
	struct mmhs_smtpc_rcpt r;
	struct mmhs_smtpc_msg m;
	char	host[256], params[64], why[FFMON_TEXT_MAX];
	int	port, n;

	if (send_mta(f, host, sizeof(host), &port, err, errlen) < 0)
		return -1;
	snprintf(params, sizeof(params), "MT-PRIORITY=%d%s",
	    mmhs_precedence_to_mt_priority(prec),
	    send_8bit(raw, len) ? " BODY=8BITMIME" : "");
	memset(&r, 0, sizeof(r));
	r.sr_addr = ap_mail;
	memset(&m, 0, sizeof(m));
	m.sm_host = host;
	m.sm_port = port;
	m.sm_mail_from = rp;
	m.sm_mail_params = params;
	m.sm_rcpt = &r;
	m.sm_nrcpt = 1;
	m.sm_data = raw;
	m.sm_len = len;
	m.sm_timeout_s = SEND_TIMEOUT_S;
	n = mmhs_smtpc_send(&m, why, sizeof(why));
	if (n == 1)
		return 0;
	if (n < 0)
		snprintf(err, errlen, "MTA %s:%d: %s", host, port, why);
	else
		snprintf(err, errlen, "MTA %s:%d refused <%s>: %d %s", host,
		    port, ap_mail, r.sr_code, r.sr_text);
	return -1;
}
