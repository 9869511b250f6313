/* mmhs_agent_status.c - an agent writes its status into its own entry
 *
 * mmhs_agent_status() (contract in mmhs_agent.h) is one LDAP modify of
 * the agent's own entry, bound as that entry (the directory's ACL lets
 * an entry write itself), on a connection of its own that is opened on
 * first use and kept.  Every step (connect, bind, modify) waits at most
 * MMHS_AGENT_STATUS_TIMEOUT_MS; after a failure the connection is
 * dropped and no new one is tried for MMHS_AGENT_STATUS_BACKOFF_S, so
 * an agent whose directory is away loses at most a few seconds once,
 * not on every call.  The first failure of a series is logged, and so
 * is the recovery; the calls in between return -1 quietly.
 *
 * Values: mmhsHeartbeat and mmhsStarted are GeneralizedTime in UTC,
 * mmhsQueueDepth an INTEGER, the texts DirectoryStrings: control
 * characters become spaces, bytes that are not UTF-8 become '?', and
 * they are cut at MMHS_AGENT_STATUS_MAX bytes (slapd refuses a value
 * that is not valid UTF-8, and a status write must not fail on text
 * that came from a peer).  A thread-safe function: one mutex around
 * the connection.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

#include <ldap.h>

#include "mmhs_agent_int.h"
#include "mmhs_log.h"

#define STATUS_NMODS	6

/* status_utf8_len - length of the UTF-8 sequence at s, 0 if invalid */
static size_t
status_utf8_len(const unsigned char *s)
{
	size_t	n, i;

	if (s[0] < 0x80)
		return 1;
	n = s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : s[0] >= 0xe0 ? 3 :
	    s[0] >= 0xc2 && s[0] <= 0xdf ? 2 : 0;
	for (i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return n;
}

/* status_clean - text into a valid DirectoryString value */
static void
status_clean(const char *in, char *out, size_t outlen)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t	o = 0, n;

	while (*s != '\0' && o + 1 < outlen) {
		n = status_utf8_len(s);
		if (n == 0 || o + n >= outlen) {
			out[o++] = '?';
			s++;
		} else if (n == 1) {
			out[o++] = *s < 0x20 || *s == 0x7f ? ' ' : (char)*s;
			s++;
		} else {
			memcpy(out + o, s, n);
			o += n;
			s += n;
		}
	}
	out[o] = '\0';
}

/* status_time - a time as GeneralizedTime */
static void
status_time(time_t t, char *buf, size_t len)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, len, "%Y%m%d%H%M%SZ", &tm);
}

/* status_wait - the result of msgid within the timeout; LDAP code */
static int
status_wait(LDAP *ld, int msgid, char *why, size_t whylen)
{
	struct timeval tv = { MMHS_AGENT_STATUS_TIMEOUT_MS / 1000,
	    (MMHS_AGENT_STATUS_TIMEOUT_MS % 1000) * 1000 };
	LDAPMessage *res = NULL;
	char	*text = NULL;
	int	rc, err = LDAP_OTHER;

	rc = ldap_result(ld, msgid, LDAP_MSG_ALL, &tv, &res);
	if (rc <= 0) {
		snprintf(why, whylen, "%s", rc == 0 ? "no answer in time" :
		    ldap_err2string(rc));
		if (rc == 0)
			(void) ldap_abandon_ext(ld, msgid, NULL, NULL);
		return rc == 0 ? LDAP_TIMEOUT : LDAP_SERVER_DOWN;
	}
	if (ldap_parse_result(ld, res, &err, NULL, &text, NULL, NULL, 1) !=
	    LDAP_SUCCESS)
		err = LDAP_OTHER;
	if (err != LDAP_SUCCESS)
		snprintf(why, whylen, "%s%s%s", ldap_err2string(err),
		    text != NULL && *text ? ": " : "", text ? text : "");
	ldap_memfree(text);
	return err;
}

/* status_connect - a connection bound as the agent, or NULL */
static LDAP *
status_connect(struct mmhs_agent *ag, char *why, size_t whylen)
{
	struct timeval tv = { MMHS_AGENT_STATUS_TIMEOUT_MS / 1000,
	    (MMHS_AGENT_STATUS_TIMEOUT_MS % 1000) * 1000 };
	struct berval cred;
	LDAP	*ld = NULL;
	int	v3 = LDAP_VERSION3, rc, msgid;

	if ((rc = ldap_initialize(&ld, ag->ag_uris)) != LDAP_SUCCESS) {
		snprintf(why, whylen, "%s: %s", ag->ag_uris,
		    ldap_err2string(rc));
		return NULL;
	}
	ldap_set_option(ld, LDAP_OPT_PROTOCOL_VERSION, &v3);
	ldap_set_option(ld, LDAP_OPT_NETWORK_TIMEOUT, &tv);
	ldap_set_option(ld, LDAP_OPT_TIMEOUT, &tv);
	ldap_set_option(ld, LDAP_OPT_REFERRALS, LDAP_OPT_OFF);
	cred.bv_val = ag->ag_pw;
	cred.bv_len = strlen(ag->ag_pw);
	rc = ldap_sasl_bind(ld, ag->ag_dn, LDAP_SASL_SIMPLE, &cred, NULL,
	    NULL, &msgid);
	if (rc == LDAP_SUCCESS)
		rc = status_wait(ld, msgid, why, whylen);
	else
		snprintf(why, whylen, "%s", ldap_err2string(rc));
	if (rc != LDAP_SUCCESS) {
		ldap_unbind_ext_s(ld, NULL, NULL);
		return NULL;
	}
	return ld;
}

/* status_mod - one replace in mods[*n]; vals NULL or {value, NULL} */
static void
status_mod(LDAPMod *mods, char ***valp, int *n, const char *type,
    char *value)
{
	LDAPMod *m = &mods[*n];

	m->mod_op = LDAP_MOD_REPLACE;
	m->mod_type = (char *)type;
	if (value != NULL) {
		valp[*n][0] = value;
		valp[*n][1] = NULL;
		m->mod_values = valp[*n];
	} else
		m->mod_values = NULL;		/* replace by nothing: remove */
	(*n)++;
}

/* status_modify - the modify itself; LDAP code */
static int
status_modify(struct mmhs_agent *ag, LDAP *ld, const char *status,
    const char *last_error, long depth, int first, char *why, size_t whylen)
{
	struct mmhs_agent_priv *ap = ag->ag_priv;
	LDAPMod	mods[STATUS_NMODS], *modp[STATUS_NMODS + 1];
	char	*vals[STATUS_NMODS][2], **valp[STATUS_NMODS];
	char	st[MMHS_AGENT_STATUS_MAX], le[MMHS_AGENT_STATUS_MAX];
	char	now[32], started[32], qd[32], version[128];
	int	n = 0, i, rc, msgid;

	for (i = 0; i < STATUS_NMODS; i++)
		valp[i] = vals[i];
	status_clean(status, st, sizeof(st));
	status_time(time(NULL), now, sizeof(now));
	status_mod(mods, valp, &n, "mmhsAgentStatus", st);
	status_mod(mods, valp, &n, "mmhsHeartbeat", now);
	if (last_error != NULL) {
		status_clean(last_error, le, sizeof(le));
		status_mod(mods, valp, &n, "mmhsLastError", *le ? le : NULL);
	}
	if (depth >= 0) {
		snprintf(qd, sizeof(qd), "%ld", depth);
		status_mod(mods, valp, &n, "mmhsQueueDepth", qd);
	}
	if (first) {
		status_time(ap->ap_started, started, sizeof(started));
		snprintf(version, sizeof(version), "mmhs-%s %s", ag->ag_name,
		    PACKAGE_VERSION);
		status_mod(mods, valp, &n, "mmhsStarted", started);
		status_mod(mods, valp, &n, "mmhsAgentVersion", version);
	}
	for (i = 0; i < n; i++)
		modp[i] = &mods[i];
	modp[n] = NULL;
	rc = ldap_modify_ext(ld, ag->ag_dn, modp, NULL, NULL, &msgid);
	if (rc != LDAP_SUCCESS) {
		snprintf(why, whylen, "%s", ldap_err2string(rc));
		return rc;
	}
	return status_wait(ld, msgid, why, whylen);
}

int
mmhs_agent_status(struct mmhs_agent *ag, const char *status,
    const char *last_error, long queue_depth)
{
	struct mmhs_agent_priv *ap;
	char	why[512] = "";
	time_t	now = time(NULL);
	int	rc;

	if (status == NULL || *status == '\0' || ag->ag_dn == NULL ||
	    ag->ag_uris == NULL || ag->ag_pw == NULL)
		return -1;
	ap = mmhs_agent_priv(ag);
	pthread_mutex_lock(&ap->ap_mu);
	if (ap->ap_ld == NULL && now < ap->ap_retry_at) {
		pthread_mutex_unlock(&ap->ap_mu);
		return -1;
	}
	if (ap->ap_ld == NULL)
		ap->ap_ld = status_connect(ag, why, sizeof(why));
	rc = ap->ap_ld == NULL ? LDAP_SERVER_DOWN : status_modify(ag,
	    ap->ap_ld, status, last_error, queue_depth,
	    !ap->ap_started_written, why, sizeof(why));
	if (rc == LDAP_SUCCESS) {
		ap->ap_started_written = 1;
		if (ap->ap_failing)
			mmhs_info("status written to %s again", ag->ag_dn);
		ap->ap_failing = 0;
	} else {
		if (!ap->ap_failing)
			mmhs_warn("cannot write the status to %s: %s; "
			    "going on", ag->ag_dn, why);
		ap->ap_failing = 1;
		ap->ap_retry_at = now + MMHS_AGENT_STATUS_BACKOFF_S;
		if (ap->ap_ld != NULL)
			ldap_unbind_ext_s(ap->ap_ld, NULL, NULL);
		ap->ap_ld = NULL;
	}
	pthread_mutex_unlock(&ap->ap_mu);
	return rc == LDAP_SUCCESS ? 0 : -1;
}

/* mmhs_agent_status_close - drop the status connection */
void
mmhs_agent_status_close(struct mmhs_agent *ag)
{
	struct mmhs_agent_priv *ap = ag->ag_priv;

	if (ap == NULL)
		return;
	pthread_mutex_lock(&ap->ap_mu);
	if (ap->ap_ld != NULL)
		ldap_unbind_ext_s(ap->ap_ld, NULL, NULL);
	ap->ap_ld = NULL;
	pthread_mutex_unlock(&ap->ap_mu);
}
