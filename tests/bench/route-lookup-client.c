/* route-lookup-client.c - LDAP round trips per second (benchmark)
 *
 * usage: route-lookup-client URI BINDDN PW N exop OID VALUE
 *        route-lookup-client URI BINDDN PW N search BASE-DN
 * Binds once, then sends N route lookup extended operations or N
 * base-scope searches of one entry, one after the other on the same
 * connection, and prints the rate.  Built by route-lookup.sh with $CC.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ldap.h>

/* now - monotonic seconds */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	LDAP *ld;
	struct berval cred, val, *data;
	LDAPMessage *res;
	char *oid;
	int v3 = LDAP_VERSION3, rc;
	long n, i;
	double t0, t1;

	if (argc < 7)
		return 2;
	if (ldap_initialize(&ld, argv[1]) != LDAP_SUCCESS)
		return 1;
	ldap_set_option(ld, LDAP_OPT_PROTOCOL_VERSION, &v3);
	ber_str2bv(argv[3], 0, 0, &cred);
	if (ldap_sasl_bind_s(ld, argv[2], LDAP_SASL_SIMPLE, &cred, NULL, NULL,
	    NULL) != LDAP_SUCCESS)
		return 1;
	n = atol(argv[4]);
	t0 = now();
	for (i = 0; i < n; i++) {
		if (strcmp(argv[5], "exop") == 0) {
			ber_str2bv(argv[7], 0, 0, &val);
			oid = NULL;
			data = NULL;
			rc = ldap_extended_operation_s(ld, argv[6], &val, NULL,
			    NULL, &oid, &data);
			ldap_memfree(oid);
			ber_bvfree(data);
		} else {
			rc = ldap_search_ext_s(ld, argv[6], LDAP_SCOPE_BASE,
			    "(objectClass=*)", NULL, 0, NULL, NULL, NULL, 0,
			    &res);
			ldap_msgfree(res);
		}
		if (rc != LDAP_SUCCESS) {
			fprintf(stderr, "request %ld: %s\n", i,
			    ldap_err2string(rc));
			return 1;
		}
	}
	t1 = now();
	printf("%.0f\n", n / (t1 - t0));
	ldap_unbind_ext_s(ld, NULL, NULL);
	return 0;
}
