/*
 * mmhs-gensite.c - write a large OpenMMHS sample directory as LDIF
 *
 * SYNOPSIS
 *	mmhs-gensite [-p PEOPLE] [-l LISTS] [-m MEMBERS] [-d DEPTH]
 *		[-o ORGS] [-s SEED] > site.ldif
 *
 * DESCRIPTION
 *	Writes to standard output, as LDIF add records in load order (parents
 *	before children, lists after the lists they contain), a national MMHS
 *	directory with the structure of the hand-written sample in ldif/ (see
 *	ldif/README.md), at any size:
 *
 *	- the fixed entries of the sample, the same text without comments:
 *	  c=XW, o=Defence and its containers, the security policies, the site
 *	  cn=mod-main,ou=MMHS,c=XW with its agents, the other sites and their
 *	  peer MTAs, the external MTAs, the fire-and-forget and guard
 *	  policies (ldif/00, 10, 20, 25), the ACP 133 gateway entries (40),
 *	  the routes that name no organisation (60) and the NATO partner and
 *	  release policy (80);
 *	- ORGS organisations under o=Defence, each with its people (PEOPLE in
 *	  total, spread evenly), its roles, its profiling rules and a route of
 *	  its organisational address to the profiler; the first organisation
 *	  is archived and released to NATO like JFHQ in the sample, the last
 *	  one uses the short fire-and-forget deadlines like the Test Cell;
 *	- LISTS distribution lists: one chain of DEPTH lists nested in each
 *	  other (cn=Big List 1 contains cn=Big List 2 ... contains
 *	  cn=Big List DEPTH) whose members add up to MEMBERS distinct people,
 *	  and LISTS - DEPTH small lists of a few members each, some nested in
 *	  earlier ones, with every kind of submit permission.
 *
 *	The output depends only on the options: the same options give the
 *	same LDIF byte for byte.  Load it into an empty database:
 *
 *		mmhs-gensite -p 100000 | slapadd -f slapd.conf -q
 *
 *	Value forms are those of doc/ldif-reference.md and
 *	doc/acp133-string-forms.md.  Demo passwords are clear text.
 *
 * OPTIONS
 *	-p PEOPLE	people (default 100000)
 *	-l LISTS	distribution lists in total (default 10000)
 *	-m MEMBERS	distinct people in the nested chain (default 10000)
 *	-d DEPTH	lists in the nested chain (default 5)
 *	-o ORGS		organisations, 1 to 9999 (default PEOPLE/1000; 0 is
 *			taken as 1)
 *	-s SEED		seed of the pseudo-random choices (default 1)
 *
 * DIAGNOSTICS
 *	Exits 2 on a bad option, 1 when memory or writing fails, 0 otherwise.
 *	MEMBERS larger than PEOPLE is reduced to PEOPLE and LISTS smaller than
 *	DEPTH is raised to DEPTH, with a warning on standard error.
 */

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Names shared with the sample site in ldif/. */
#define GS_DEFENCE	"o=Defence,c=XW"
#define GS_SITE		"cn=mod-main,ou=MMHS,c=XW"
#define GS_POLICIES	"ou=Policies," GS_SITE
#define GS_ROUTES	"ou=Routes," GS_SITE
#define GS_DOMAIN	"mod.westland.example"
#define GS_LISTDOMAIN	"lists." GS_DOMAIN
#define GS_OR		"/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/"
#define GS_POLICY	"2.25.59028202126315117165413111612054445617.6.1"
#define GS_GROUP	"cn=Message Release Officers,ou=Groups," GS_DEFENCE
#define GS_PASSWORD	"Westland-Demo-1"
#define GS_MAX_ORGS	9999	/* organisation codes are U0001..U9999 */
#define GS_MAX_COUNT	100000000UL

/* gs_opts - the command line */
struct gs_opts {
	unsigned long	go_people;
	unsigned long	go_lists;
	unsigned long	go_members;
	unsigned long	go_depth;
	unsigned long	go_orgs;
	uint64_t	go_seed;
};

/* gs_role - a role every organisation has */
struct gs_role {
	const char	*gr_cn;		/* RDN value */
	const char	*gr_code;	/* first label of its mail local part */
	const char	*gr_or;		/* CN= of its O/R address */
	const char	*gr_clear;	/* clearance after the policy OID */
};

/*
 * Roles of each organisation.  The duty officer comes first: the other
 * roles name it as their guaranteed action point and it is the default
 * role of the profiler.
 */
static const struct gs_role gs_roles[] = {
	{ "Duty Officer", "do", "DUTY OFFICER", "SECRET$WESTLAND EYES ONLY" },
	{ "Commander", "comd", "COMMANDER", "TOP SECRET$WESTLAND EYES ONLY" },
	{ "Operations Officer", "ops", "OPS OFFICER",
	  "SECRET$WESTLAND EYES ONLY$REL NATO" },
	{ "Intelligence Officer", "int", "INT OFFICER",
	  "SECRET$WESTLAND EYES ONLY" },
	{ "Logistics Officer", "log", "LOG OFFICER", "SECRET" },
	{ "Signals Officer", "sigs", "SIGNALS OFFICER",
	  "SECRET$WESTLAND EYES ONLY$CRYPTO" },
};
#define GS_NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define GS_ROLE_DO	0
#define GS_ROLE_COMD	1
#define GS_ROLE_OPS	2
#define GS_ROLE_INT	3
#define GS_ROLE_LOG	4
#define GS_ROLE_SIGS	5

static const char *const gs_given[] = {
	"Aled", "Bronwen", "Cai", "Dilys", "Emrys", "Ffion", "Gareth",
	"Heledd", "Idris", "Jac", "Keri", "Llinos", "Madoc", "Nia", "Owain",
	"Pryderi", "Rhian", "Sion", "Tegan", "Urien", "Wyn", "Ynyr", "Alys",
	"Bryn", "Carys", "Dafydd", "Eirlys", "Fflur", "Gwen", "Huw", "Iolo",
	"Lowri", "Mali", "Nye", "Olwen", "Rhys", "Seren", "Tomos", "Angharad",
	"Brychan", "Cerys", "Delyth", "Elen", "Glyn", "Hywel", "Ifan",
	"Mererid", "Morgan",
};
static const char *const gs_surname[] = {
	"Ashdown", "Blackmore", "Carrow", "Denholm", "Eastwood", "Fairley",
	"Garnock", "Holloway", "Inglis", "Jessop", "Kendrick", "Lathom",
	"Marlow", "Norbury", "Oakhurst", "Pendry", "Quayle", "Ravensworth",
	"Selwood", "Thursby", "Upfield", "Varley", "Whitcombe", "Yardley",
	"Allerton", "Brackley", "Coldwell", "Dunmore", "Elstow", "Ferrand",
	"Gresley", "Hartwell", "Ivinson", "Kirkby", "Linford", "Merriman",
	"Nettleton", "Orrell", "Padley", "Redfern", "Sowerby", "Tenby",
	"Underhill", "Wetherby", "Yelland", "Aldous", "Brereton", "Cresswell",
};
static const char *const gs_ranks[] = {
	"Private", "Lance Corporal", "Corporal", "Sergeant", "Staff Sergeant",
	"Warrant Officer", "Second Lieutenant", "Lieutenant", "Captain",
	"Major", "Lieutenant Colonel", "Colonel",
};
static const char *const gs_titles[] = {
	"Staff Officer", "Watchkeeper", "Clerk", "Systems Operator",
	"Analyst", "Planner", "Registry Clerk", "Liaison Officer",
};
static const char *const gs_kinds[] = {
	"Brigade", "Battalion", "Regiment", "Squadron", "Wing", "Flotilla",
	"Logistic Group", "Signal Squadron", "Field Hospital", "Training Centre",
};
static const char *const gs_classes[] = {
	"UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET", "TOP SECRET",
};

/*
 * Fixed entries, the same as in the sample (ldif/00-top, 10-security-policy,
 * 20-site, 25-policies; the gateways of 40-acp133; the routes of 60-routes
 * that name no organisation; 80-partners), without the comments.  When the
 * sample changes, change these with it (ldif/README.md shows the check).
 */
static const char *const gs_fixed_head[] = {
	"dn: c=XW\n"
	"objectClass: country\n"
	"c: XW\n"
	"description: Westland (fictional nation, ISO 3166 user-assigned code XW)\n",
	"dn: o=Defence,c=XW\n"
	"objectClass: aCPOrganization\n"
	"o: Defence\n"
	"description: Westland Ministry of Defence\n",
	"dn: ou=Lists,o=Defence,c=XW\n"
	"objectClass: aCPOrganizationalUnit\n"
	"ou: Lists\n"
	"description: National distribution lists\n",
	"dn: ou=Groups,o=Defence,c=XW\n"
	"objectClass: aCPOrganizationalUnit\n"
	"ou: Groups\n"
	"description: Groups named by member-of-group submit permissions\n",
	"dn: ou=Gateways,o=Defence,c=XW\n"
	"objectClass: aCPOrganizationalUnit\n"
	"ou: Gateways\n"
	"description: ACP 133 messaging gateway entries (what partners and ACP 133 clients see)\n",
	"dn: ou=Routing Indicators,o=Defence,c=XW\n"
	"objectClass: aCPOrganizationalUnit\n"
	"ou: Routing Indicators\n"
	"description: ACP 127 routing indicators of Westland communications centres\n",
	"dn: ou=MMHS,c=XW\n"
	"objectClass: organizationalUnit\n"
	"ou: MMHS\n"
	"description: MMHS sites, agents, routes and policies\n",
	"dn: ou=Security Policies,ou=MMHS,c=XW\n"
	"objectClass: organizationalUnit\n"
	"ou: Security Policies\n",
	"dn: cn=Westland National Policy,ou=Security Policies,ou=MMHS,c=XW\n"
	"objectClass: mmhsSecurityPolicy\n"
	"cn: Westland National Policy\n"
	"mmhsPolicyId: 2.25.59028202126315117165413111612054445617.6.1\n"
	"mmhsClassificationDef: 0$UNMARKED\n"
	"mmhsClassificationDef: 1$UNCLASSIFIED\n"
	"mmhsClassificationDef: 2$RESTRICTED$WESTLAND RESTRICTED\n"
	"mmhsClassificationDef: 3$CONFIDENTIAL$WESTLAND CONFIDENTIAL\n"
	"mmhsClassificationDef: 4$SECRET$WESTLAND SECRET\n"
	"mmhsClassificationDef: 5$TOP SECRET$WESTLAND TOP SECRET\n"
	"mmhsCategoryDef: REL NATO$permissive$2.25.59028202126315117165413111612054445617.6.1.1$REL TO NATO\n"
	"mmhsCategoryDef: REL COALITION$permissive$2.25.59028202126315117165413111612054445617.6.1.2$REL TO COALITION\n"
	"mmhsCategoryDef: WESTLAND EYES ONLY$restrictive$2.25.59028202126315117165413111612054445617.6.1.3$WESTLAND EYES ONLY\n"
	"mmhsCategoryDef: CRYPTO$restrictive$2.25.59028202126315117165413111612054445617.6.1.4$CRYPTO\n"
	"mmhsCategoryDef: EXERCISE$informative$2.25.59028202126315117165413111612054445617.6.1.5$EXERCISE EXERCISE EXERCISE\n"
	"mmhsLabelEquivalence: UNCLASSIFIED$2.25.59028202126315117165413111612054445617.6.2$1\n"
	"mmhsLabelEquivalence: RESTRICTED$2.25.59028202126315117165413111612054445617.6.2$2\n"
	"mmhsLabelEquivalence: CONFIDENTIAL$2.25.59028202126315117165413111612054445617.6.2$3\n"
	"mmhsLabelEquivalence: SECRET$2.25.59028202126315117165413111612054445617.6.2$4\n"
	"mmhsLabelEquivalence: TOP SECRET$2.25.59028202126315117165413111612054445617.6.2$5\n"
	"description: Westland national security policy\n",
	"dn: cn=NATO Policy,ou=Security Policies,ou=MMHS,c=XW\n"
	"objectClass: mmhsSecurityPolicy\n"
	"cn: NATO Policy\n"
	"mmhsPolicyId: 2.25.59028202126315117165413111612054445617.6.2\n"
	"mmhsClassificationDef: 1$NATO UNCLASSIFIED\n"
	"mmhsClassificationDef: 2$NATO RESTRICTED\n"
	"mmhsClassificationDef: 3$NATO CONFIDENTIAL\n"
	"mmhsClassificationDef: 4$NATO SECRET\n"
	"mmhsClassificationDef: 5$COSMIC TOP SECRET\n"
	"mmhsCategoryDef: RELEASABLE TO WESTLAND$permissive$2.25.59028202126315117165413111612054445617.6.2.1\n"
	"mmhsLabelEquivalence: NATO UNCLASSIFIED$2.25.59028202126315117165413111612054445617.6.1$1\n"
	"mmhsLabelEquivalence: NATO RESTRICTED$2.25.59028202126315117165413111612054445617.6.1$2\n"
	"mmhsLabelEquivalence: NATO CONFIDENTIAL$2.25.59028202126315117165413111612054445617.6.1$3\n"
	"mmhsLabelEquivalence: NATO SECRET$2.25.59028202126315117165413111612054445617.6.1$4\n"
	"mmhsLabelEquivalence: COSMIC TOP SECRET$2.25.59028202126315117165413111612054445617.6.1$5\n"
	"description: NATO security policy as seen by Westland (sample OID under the project arc; a real deployment puts NATO's policy OID here)\n",
	"dn: cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsSite\n"
	"cn: mod-main\n"
	"mailDomains: mod.westland.example\n"
	"mailDomains: lists.mod.westland.example\n"
	"mhs-or-addresses: /C=XW/ADMD= /PRMD=MOD/O=DEFENCE/\n"
	"mmhsDomainCeiling: 2.25.59028202126315117165413111612054445617.6.1$SECRET$WESTLAND EYES ONLY$REL NATO\n"
	"description: MOD main MMHS site\n",
	"dn: cn=mta,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsAgent\n"
	"cn: mta\n"
	"mmhsAgentType: mta\n"
	"mmhsSite: cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsListen: submit smtp://127.0.0.1:0\n"
	"mmhsListen: smtp smtp://127.0.0.1:0\n"
	"mmhsLimit: message-size=10485760\n"
	"mmhsLimit: recipients=1000\n"
	"mmhsLimit: connections=200\n"
	"mmhsPeer: cn=mta-a,cn=dlo,ou=MMHS,c=XW\n"
	"mmhsPeer: cn=mta-b,cn=dlo,ou=MMHS,c=XW\n"
	"mmhsPeer: cn=profiler,cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsPeer: cn=expander,cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsPeer: cn=ffmon,cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsPeer: cn=store,cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsPeer: cn=gw-informal,cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsPeer: cn=gw-nato,cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsPeer: cn=gw-tactical,cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsPeer: cn=gw-tactical-sat,cn=mod-main,ou=MMHS,c=XW\n"
	"description: Message transfer agent: submission and relay\n",
	"dn: cn=store,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsAgent\n"
	"cn: store\n"
	"mmhsAgentType: store\n"
	"mmhsSite: cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsListen: lmtp lmtp://127.0.0.1:0\n"
	"mmhsListen: http https://127.0.0.1:0\n"
	"mmhsLimit: mailbox-size=1073741824\n"
	"mmhsPeer: cn=mta,cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsPeer: cn=ffmon,cn=mod-main,ou=MMHS,c=XW\n"
	"description: Message store: mailboxes of people, roles and organisations\n",
	"dn: cn=profiler,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsAgent\n"
	"cn: profiler\n"
	"mmhsAgentType: profiler\n"
	"mmhsSite: cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsListen: lmtp lmtp://127.0.0.1:0\n"
	"mmhsPeer: cn=mta,cn=mod-main,ou=MMHS,c=XW\n"
	"description: Distributes organisational messages to roles\n",
	"dn: cn=expander,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsAgent\n"
	"cn: expander\n"
	"mmhsAgentType: expander\n"
	"mmhsSite: cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsListen: lmtp lmtp://127.0.0.1:0\n"
	"mmhsLimit: expansion-depth=16\n"
	"mmhsLimit: recipients=100000\n"
	"mmhsPeer: cn=mta,cn=mod-main,ou=MMHS,c=XW\n"
	"description: Distribution list expander\n",
	"dn: cn=ffmon,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsAgent\n"
	"cn: ffmon\n"
	"mmhsAgentType: ffmon\n"
	"mmhsSite: cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsLimit: scan-interval=1\n"
	"mmhsPeer: cn=store,cn=mod-main,ou=MMHS,c=XW\n"
	"description: Fire-and-forget monitor\n",
	"dn: cn=archive,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsAgent\n"
	"cn: archive\n"
	"mmhsAgentType: archive\n"
	"mmhsSite: cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsListen: lmtp lmtp://127.0.0.1:0\n"
	"mmhsPeer: cn=mta,cn=mod-main,ou=MMHS,c=XW\n"
	"description: Message archive\n",
	"dn: cn=gw-informal,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsAgent\n"
	"cn: gw-informal\n"
	"mmhsAgentType: gw-informal\n"
	"mmhsSite: cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsListen: lmtp lmtp://127.0.0.1:0\n"
	"mmhsListen: smtp smtp://127.0.0.1:0\n"
	"mmhsLimit: message-size=5242880\n"
	"mmhsPeer: cn=mta,cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsPeer: cn=office-mta,ou=External,ou=MMHS,c=XW\n"
	"mmhsDomainCeiling: 2.25.59028202126315117165413111612054445617.6.1$UNCLASSIFIED\n"
	"mail: postmaster@gw-informal.mod.westland.example\n"
	"description: Gateway to the informal (office) mail system\n",
	"dn: cn=gw-nato,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsAgent\n"
	"cn: gw-nato\n"
	"mmhsAgentType: gw-nato\n"
	"mmhsSite: cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsListen: lmtp lmtp://127.0.0.1:0\n"
	"mmhsListen: smtp smtp://127.0.0.1:0\n"
	"mmhsLimit: message-size=10485760\n"
	"mmhsPeer: cn=mta,cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsPeer: cn=nato-mta,ou=External,ou=MMHS,c=XW\n"
	"mmhsDomainCeiling: 2.25.59028202126315117165413111612054445617.6.2$NATO SECRET\n"
	"mhs-or-addresses: /C=XW/ADMD= /PRMD=MOD/O=DEFENCE/CN=NATO GATEWAY/\n"
	"description: Gateway to NATO\n",
	"dn: cn=gw-tactical,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsAgent\n"
	"cn: gw-tactical\n"
	"mmhsAgentType: gw-tactical\n"
	"mmhsSite: cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsListen: lmtp lmtp://127.0.0.1:0\n"
	"mmhsListen: pmul udp://127.0.0.1:0\n"
	"mmhsLimit: message-size=262144\n"
	"mmhsLimit: emcon-hold=86400\n"
	"mmhsPeer: cn=mta,cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsPeer: cn=gateway,cn=1bg,ou=MMHS,c=XW\n"
	"mmhsPeer: cn=hf-gateway,cn=resolute,ou=MMHS,c=XW\n"
	"mmhsDomainCeiling: 2.25.59028202126315117165413111612054445617.6.1$SECRET$WESTLAND EYES ONLY\n"
	"description: Tactical gateway (ACP 142 over HF/UHF) to deployed units\n",
	"dn: cn=gw-tactical-sat,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsAgent\n"
	"cn: gw-tactical-sat\n"
	"mmhsAgentType: gw-tactical\n"
	"mmhsSite: cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsListen: lmtp lmtp://127.0.0.1:0\n"
	"mmhsListen: pmul udp://127.0.0.1:0\n"
	"mmhsLimit: message-size=1048576\n"
	"mmhsPeer: cn=mta,cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsPeer: cn=satcom-gateway,cn=resolute,ou=MMHS,c=XW\n"
	"mmhsDomainCeiling: 2.25.59028202126315117165413111612054445617.6.1$SECRET$WESTLAND EYES ONLY\n"
	"description: Tactical gateway (ACP 142 over SATCOM) for FLASH and IMMEDIATE\n",
	"dn: cn=dlo,ou=MMHS,c=XW\n"
	"objectClass: mmhsSite\n"
	"cn: dlo\n"
	"mailDomains: dlo.westland.example\n"
	"mhs-or-addresses: /C=XW/ADMD= /PRMD=MOD/O=DLO/\n"
	"mmhsDomainCeiling: 2.25.59028202126315117165413111612054445617.6.1$SECRET$WESTLAND EYES ONLY\n"
	"description: Defence Logistics Organisation MMHS site (another national site)\n",
	"dn: cn=mta-a,cn=dlo,ou=MMHS,c=XW\n"
	"objectClass: mmhsAgent\n"
	"cn: mta-a\n"
	"mmhsAgentType: peer-mta\n"
	"mmhsSite: cn=dlo,ou=MMHS,c=XW\n"
	"mmhsListen: smtp smtp://127.0.0.1:0\n"
	"description: DLO site MTA (primary)\n",
	"dn: cn=mta-b,cn=dlo,ou=MMHS,c=XW\n"
	"objectClass: mmhsAgent\n"
	"cn: mta-b\n"
	"mmhsAgentType: peer-mta\n"
	"mmhsSite: cn=dlo,ou=MMHS,c=XW\n"
	"mmhsListen: smtp smtp://127.0.0.1:0\n"
	"description: DLO site MTA (alternate)\n",
	"dn: cn=1bg,ou=MMHS,c=XW\n"
	"objectClass: mmhsSite\n"
	"cn: 1bg\n"
	"mailDomains: 1bg.tac.westland.example\n"
	"mmhsDomainCeiling: 2.25.59028202126315117165413111612054445617.6.1$SECRET$WESTLAND EYES ONLY\n"
	"description: 1st Battlegroup deployed HQ (tactical)\n",
	"dn: cn=gateway,cn=1bg,ou=MMHS,c=XW\n"
	"objectClass: mmhsAgent\n"
	"cn: gateway\n"
	"mmhsAgentType: peer-mta\n"
	"mmhsSite: cn=1bg,ou=MMHS,c=XW\n"
	"mmhsListen: pmul udp://127.0.0.1:0\n"
	"mmhsLimit: message-size=262144\n"
	"description: 1st Battlegroup tactical gateway endpoint (ACP 142)\n",
	"dn: cn=resolute,ou=MMHS,c=XW\n"
	"objectClass: mmhsSite\n"
	"cn: resolute\n"
	"mailDomains: resolute.tac.westland.example\n"
	"mmhsDomainCeiling: 2.25.59028202126315117165413111612054445617.6.1$SECRET$WESTLAND EYES ONLY\n"
	"description: Frigate WNS Resolute (tactical)\n",
	"dn: cn=hf-gateway,cn=resolute,ou=MMHS,c=XW\n"
	"objectClass: mmhsAgent\n"
	"cn: hf-gateway\n"
	"mmhsAgentType: peer-mta\n"
	"mmhsSite: cn=resolute,ou=MMHS,c=XW\n"
	"mmhsListen: pmul udp://127.0.0.1:0\n"
	"mmhsLimit: message-size=65536\n"
	"description: WNS Resolute HF endpoint (ACP 142)\n",
	"dn: cn=satcom-gateway,cn=resolute,ou=MMHS,c=XW\n"
	"objectClass: mmhsAgent\n"
	"cn: satcom-gateway\n"
	"mmhsAgentType: peer-mta\n"
	"mmhsSite: cn=resolute,ou=MMHS,c=XW\n"
	"mmhsListen: pmul udp://127.0.0.1:0\n"
	"mmhsLimit: message-size=1048576\n"
	"description: WNS Resolute SATCOM endpoint (ACP 142)\n",
	"dn: ou=External,ou=MMHS,c=XW\n"
	"objectClass: organizationalUnit\n"
	"ou: External\n"
	"description: Mail systems outside the MMHS the gateways talk to\n",
	"dn: cn=office-mta,ou=External,ou=MMHS,c=XW\n"
	"objectClass: mmhsAgent\n"
	"cn: office-mta\n"
	"mmhsAgentType: external-mta\n"
	"mmhsListen: smtp smtp://127.0.0.1:0\n"
	"mmhsDomainCeiling: 2.25.59028202126315117165413111612054445617.6.1$UNCLASSIFIED\n"
	"description: Informal office mail system MTA (office.westland.example)\n",
	"dn: cn=nato-mta,ou=External,ou=MMHS,c=XW\n"
	"objectClass: mmhsAgent\n"
	"cn: nato-mta\n"
	"mmhsAgentType: peer-mta\n"
	"mmhsListen: smtp smtp://127.0.0.1:0\n"
	"mmhsDomainCeiling: 2.25.59028202126315117165413111612054445617.6.2$NATO SECRET\n"
	"description: NATO MMHS boundary MTA (nato.example)\n",
	"dn: ou=Policies,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: organizationalUnit\n"
	"ou: Policies\n",
	"dn: cn=default,ou=Policies,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsFFPolicy\n"
	"cn: default\n"
	"mmhsDeadline: flash$600\n"
	"mmhsDeadline: immediate$1800\n"
	"mmhsDeadline: priority$10800\n"
	"mmhsDeadline: routine$21600\n"
	"description: Site default fire-and-forget deadlines\n",
	"dn: cn=short-test,ou=Policies,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsFFPolicy\n"
	"cn: short-test\n"
	"mmhsDeadline: flash$5\n"
	"mmhsDeadline: immediate$10\n"
	"mmhsDeadline: priority$20\n"
	"mmhsDeadline: routine$30\n"
	"description: Short deadlines for tests\n",
	"dn: cn=guard-informal,ou=Policies,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsGuardPolicy\n"
	"cn: guard-informal\n"
	"mmhsGateway: cn=gw-informal,cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsGuardDirection: both\n"
	"mmhsDomainCeiling: 2.25.59028202126315117165413111612054445617.6.1$UNCLASSIFIED\n"
	"mmhsGuardBlockedWord: SECRET\n"
	"mmhsGuardBlockedWord: CONFIDENTIAL\n"
	"mmhsGuardBlockedWord: RESTRICTED\n"
	"mmhsGuardBlockedWord: CODEWORD\n"
	"mmhsGuardAllowedContentType: text/plain\n"
	"mmhsGuardAllowedContentType: text/html\n"
	"mmhsGuardAllowedContentType: application/pdf\n"
	"mmhsGuardAllowedContentType: image/*\n"
	"mmhsGuardMaxSize: 5242880\n"
	"description: Informal gateway: UNCLASSIFIED only, no marked words\n",
	"dn: cn=guard-nato,ou=Policies,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsGuardPolicy\n"
	"cn: guard-nato\n"
	"mmhsGateway: cn=gw-nato,cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsGuardDirection: outbound\n"
	"mmhsDomainCeiling: 2.25.59028202126315117165413111612054445617.6.2$NATO SECRET\n"
	"mmhsGuardRequiredCategory: REL NATO\n"
	"mmhsGuardRequireSignature: TRUE\n"
	"mmhsGuardAllowedContentType: text/plain\n"
	"mmhsGuardAllowedContentType: application/pdf\n"
	"mmhsGuardMaxSize: 10485760\n"
	"description: NATO gateway: up to NATO SECRET, REL NATO, signed\n",
	"dn: cn=guard-tactical,ou=Policies,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsGuardPolicy\n"
	"cn: guard-tactical\n"
	"mmhsGateway: cn=gw-tactical,cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsGuardDirection: outbound\n"
	"mmhsDomainCeiling: 2.25.59028202126315117165413111612054445617.6.1$SECRET$WESTLAND EYES ONLY\n"
	"mmhsGuardAllowedContentType: text/plain\n"
	"mmhsGuardMaxSize: 262144\n"
	"description: Tactical gateway (HF): small text messages only\n",
	"dn: cn=guard-tactical-sat,ou=Policies,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsGuardPolicy\n"
	"cn: guard-tactical-sat\n"
	"mmhsGateway: cn=gw-tactical-sat,cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsGuardDirection: outbound\n"
	"mmhsDomainCeiling: 2.25.59028202126315117165413111612054445617.6.1$SECRET$WESTLAND EYES ONLY\n"
	"mmhsGuardAllowedContentType: text/plain\n"
	"mmhsGuardMaxSize: 1048576\n"
	"description: Tactical gateway (SATCOM): text messages up to 1 MiB\n",
	NULL
};

static const char *const gs_fixed_gateways[] = {
	"dn: cn=Informal Mail Gateway,ou=Gateways,o=Defence,c=XW\n"
	"objectClass: messagingGateway\n"
	"cn: Informal Mail Gateway\n"
	"gatewayType: 2.16.840.1.101.2.2.5.7\n"
	"mailDomains: office.westland.example\n"
	"maxMessageSize: 5242880\n"
	"active: TRUE\n"
	"guard: cn=guard-informal,ou=Policies,cn=mod-main,ou=MMHS,c=XW\n"
	"seeAlso: cn=gw-informal,cn=mod-main,ou=MMHS,c=XW\n"
	"description: MMHS to the informal office mail system (UNCLASSIFIED)\n",
	"dn: cn=NATO Gateway,ou=Gateways,o=Defence,c=XW\n"
	"objectClass: messagingGateway\n"
	"cn: NATO Gateway\n"
	"gatewayType: 2.16.840.1.101.2.2.5.6\n"
	"mailDomains: nato.example\n"
	"maxMessageSize: 10485760\n"
	"active: TRUE\n"
	"guard: cn=guard-nato,ou=Policies,cn=mod-main,ou=MMHS,c=XW\n"
	"seeAlso: cn=gw-nato,cn=mod-main,ou=MMHS,c=XW\n"
	"publish: TRUE\n"
	"aCPPublishTo: NATO\n"
	"description: MMHS to NATO (up to NATO SECRET, REL NATO, signed)\n",
	"dn: cn=Tactical Gateway,ou=Gateways,o=Defence,c=XW\n"
	"objectClass: messagingGateway\n"
	"cn: Tactical Gateway\n"
	"gatewayType: 2.16.840.1.101.2.2.5.3\n"
	"mailDomains: 1bg.tac.westland.example\n"
	"mailDomains: resolute.tac.westland.example\n"
	"maxMessageSize: 262144\n"
	"active: TRUE\n"
	"guard: cn=guard-tactical,ou=Policies,cn=mod-main,ou=MMHS,c=XW\n"
	"seeAlso: cn=gw-tactical,cn=mod-main,ou=MMHS,c=XW\n"
	"seeAlso: cn=gw-tactical-sat,cn=mod-main,ou=MMHS,c=XW\n"
	"description: MMHS to deployed units (HF/UHF and SATCOM bearers)\n",
	NULL
};

static const char *const gs_fixed_routes_head[] = {
	"dn: ou=Routes,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: organizationalUnit\n"
	"ou: Routes\n",
	"dn: cn=local,ou=Routes,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsRoute\n"
	"cn: local\n"
	"mmhsRouteMatch: domain:mod.westland.example\n"
	"mmhsNextHop: cn=store,cn=mod-main,ou=MMHS,c=XW\n"
	"description: Local mailboxes go to the store\n",
	"dn: cn=local-or,ou=Routes,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsRoute\n"
	"cn: local-or\n"
	"mmhsRouteMatch: or:/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/\n"
	"mmhsNextHop: cn=store,cn=mod-main,ou=MMHS,c=XW\n"
	"description: Local O/R addresses go to the store\n",
	"dn: cn=lists,ou=Routes,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsRoute\n"
	"cn: lists\n"
	"mmhsRouteMatch: domain:lists.mod.westland.example\n"
	"mmhsNextHop: cn=expander,cn=mod-main,ou=MMHS,c=XW\n"
	"description: Every list address is in lists.mod.westland.example\n",
	"dn: cn=lists-or,ou=Routes,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsRoute\n"
	"cn: lists-or\n"
	"mmhsRouteMatch: or:/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=DL/\n"
	"mmhsNextHop: cn=expander,cn=mod-main,ou=MMHS,c=XW\n"
	"description: Every list O/R address has OU1=DL\n",
	NULL
};

static const char *const gs_fixed_routes_tail[] = {
	"dn: cn=dlo,ou=Routes,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsRoute\n"
	"cn: dlo\n"
	"mmhsRouteMatch: domain:dlo.westland.example\n"
	"mmhsNextHop: {0}cn=mta-a,cn=dlo,ou=MMHS,c=XW\n"
	"mmhsNextHop: {1}cn=mta-b,cn=dlo,ou=MMHS,c=XW\n"
	"description: DLO site, alternate MTA when the first is down\n",
	"dn: cn=dlo-or,ou=Routes,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsRoute\n"
	"cn: dlo-or\n"
	"mmhsRouteMatch: or:/C=XW/ADMD= /PRMD=MOD/O=DLO/\n"
	"mmhsNextHop: {0}cn=mta-a,cn=dlo,ou=MMHS,c=XW\n"
	"mmhsNextHop: {1}cn=mta-b,cn=dlo,ou=MMHS,c=XW\n"
	"description: DLO site by O/R address\n",
	"dn: cn=informal,ou=Routes,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsRoute\n"
	"cn: informal\n"
	"mmhsRouteMatch: domain:office.westland.example\n"
	"mmhsNextHop: cn=gw-informal,cn=mod-main,ou=MMHS,c=XW\n"
	"description: Informal office mail system\n",
	"dn: cn=nato,ou=Routes,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsRoute\n"
	"cn: nato\n"
	"mmhsRouteMatch: domain:nato.example\n"
	"mmhsNextHop: cn=gw-nato,cn=mod-main,ou=MMHS,c=XW\n"
	"description: NATO by domain\n",
	"dn: cn=nato-or,ou=Routes,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsRoute\n"
	"cn: nato-or\n"
	"mmhsRouteMatch: or:/C=XX/ADMD= /PRMD=NATO/\n"
	"mmhsNextHop: cn=gw-nato,cn=mod-main,ou=MMHS,c=XW\n"
	"description: NATO by O/R address\n",
	"dn: cn=1bg,ou=Routes,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsRoute\n"
	"cn: 1bg\n"
	"mmhsRouteMatch: domain:1bg.tac.westland.example\n"
	"mmhsNextHop: cn=gw-tactical,cn=mod-main,ou=MMHS,c=XW\n"
	"description: 1st Battlegroup (deployed)\n",
	"dn: cn=1bg-or,ou=Routes,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsRoute\n"
	"cn: 1bg-or\n"
	"mmhsRouteMatch: or:/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=1BG/\n"
	"mmhsNextHop: cn=gw-tactical,cn=mod-main,ou=MMHS,c=XW\n"
	"description: 1st Battlegroup by O/R address\n",
	"dn: cn=resolute,ou=Routes,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsRoute\n"
	"cn: resolute\n"
	"mmhsRouteMatch: domain:resolute.tac.westland.example\n"
	"mmhsNextHop: cn=gw-tactical,cn=mod-main,ou=MMHS,c=XW\n"
	"description: WNS Resolute over HF\n",
	"dn: cn=resolute-urgent,ou=Routes,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsRoute\n"
	"cn: resolute-urgent\n"
	"mmhsRouteMatch: domain:resolute.tac.westland.example\n"
	"mmhsNextHop: {0}cn=gw-tactical-sat,cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsNextHop: {1}cn=gw-tactical,cn=mod-main,ou=MMHS,c=XW\n"
	"mmhsRoutePrecedence: flash\n"
	"mmhsRoutePrecedence: immediate\n"
	"description: WNS Resolute FLASH and IMMEDIATE over SATCOM, HF as alternate\n",
	"dn: cn=resolute-or,ou=Routes,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsRoute\n"
	"cn: resolute-or\n"
	"mmhsRouteMatch: or:/C=XW/ADMD= /PRMD=MOD/O=DEFENCE/OU1=RESOLUTE/\n"
	"mmhsNextHop: cn=gw-tactical,cn=mod-main,ou=MMHS,c=XW\n"
	"description: WNS Resolute by O/R address\n",
	"dn: cn=default,ou=Routes,cn=mod-main,ou=MMHS,c=XW\n"
	"objectClass: mmhsRoute\n"
	"cn: default\n"
	"mmhsRouteMatch: default\n"
	"mmhsNextHop: cn=gw-informal,cn=mod-main,ou=MMHS,c=XW\n"
	"description: Anything else leaves by the informal gateway (its guard passes UNCLASSIFIED only)\n",
	NULL
};

static const char *const gs_fixed_partners[] = {
	"dn: ou=Partners,ou=MMHS,c=XW\n"
	"objectClass: organizationalUnit\n"
	"ou: Partners\n",
	"dn: cn=NATO,ou=Partners,ou=MMHS,c=XW\n"
	"objectClass: mmhsPartner\n"
	"cn: NATO\n"
	"userPassword: NATO-Demo-1\n"
	"mailDomains: nato.example\n"
	"mmhsDomainCeiling: 2.25.59028202126315117165413111612054445617.6.2$NATO SECRET\n"
	"description: NATO directory: binds as this entry to read the released subset\n",
	"dn: cn=release-to-nato,ou=Partners,ou=MMHS,c=XW\n"
	"objectClass: mmhsReleasePolicy\n"
	"cn: release-to-nato\n"
	"mmhsReleaseTo: cn=NATO,ou=Partners,ou=MMHS,c=XW\n"
	"mmhsReleaseBase: o=Defence,c=XW\n"
	"mmhsReleaseScope: sub\n"
	"mmhsReleaseFilter: (&(aCPPublishTo=NATO)(publish=TRUE)(|(objectClass=aCPOrganization)(objectClass=aCPOrganizationalRole)(objectClass=mhs-distribution-list)(objectClass=messagingGateway)))\n"
	"mmhsReleaseAttribute: objectClass\n"
	"mmhsReleaseAttribute: cn\n"
	"mmhsReleaseAttribute: o\n"
	"mmhsReleaseAttribute: ou\n"
	"mmhsReleaseAttribute: mail\n"
	"mmhsReleaseAttribute: mhs-or-addresses\n"
	"mmhsReleaseAttribute: mailDomains\n"
	"mmhsReleaseAttribute: gatewayType\n"
	"mmhsReleaseAttribute: plaNameACP127\n"
	"mmhsReleaseAttribute: rI\n"
	"mmhsReleaseAttribute: description\n"
	"description: Organisations, roles, lists and gateways marked for NATO\n",
	NULL
};

static struct gs_opts gs_opt;
static uint64_t gs_state;	/* state of gs_rand() */

/* gs_mix - splitmix64 finaliser: a well mixed 64-bit function of x */
static uint64_t
gs_mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/* gs_hash - stateless pseudo-random value for item i of kind k */
static uint64_t
gs_hash(uint64_t k, uint64_t i)
{
	return gs_mix(gs_mix(gs_opt.go_seed ^ (k << 56)) ^ i);
}

/* gs_rand - next value of the seeded sequence, uniform enough in [0, n) */
static unsigned long
gs_rand(unsigned long n)
{
	gs_state += 0x9e3779b97f4a7c15ULL;
	return n != 0 ? (unsigned long)(gs_mix(gs_state) % n) : 0;
}

/* gs_emit_fixed - write a NULL-terminated array of entries */
static void
gs_emit_fixed(const char *const *entries)
{
	for (; *entries != NULL; entries++)
		printf("%s\n", *entries);
}

/* gs_org_first - index of the first person of organisation o */
static unsigned long
gs_org_first(unsigned long o)
{
	return (unsigned long)((uint64_t)o * gs_opt.go_people / gs_opt.go_orgs);
}

/* gs_org_of - organisation of person p (inverse of gs_org_first) */
static unsigned long
gs_org_of(unsigned long p)
{
	unsigned long o = (unsigned long)((uint64_t)p * gs_opt.go_orgs /
	    gs_opt.go_people);

	while (o > 0 && gs_org_first(o) > p)
		o--;
	while (o + 1 < gs_opt.go_orgs && gs_org_first(o + 1) <= p)
		o++;
	return o;
}

/* gs_org_name - RDN value of organisation o, e.g. "12th Battalion" */
static void
gs_org_name(unsigned long o, char *buf, size_t len)
{
	unsigned long n = o + 1;
	const char *sfx = "th";

	if (n % 100 < 11 || n % 100 > 13) {
		if (n % 10 == 1)
			sfx = "st";
		else if (n % 10 == 2)
			sfx = "nd";
		else if (n % 10 == 3)
			sfx = "rd";
	}
	snprintf(buf, len, "%lu%s %s", n, sfx,
	    gs_kinds[o % GS_NELEM(gs_kinds)]);
}

/* gs_org_dn - DN of organisation o */
static void
gs_org_dn(unsigned long o, char *buf, size_t len)
{
	char name[64];

	gs_org_name(o, name, sizeof(name));
	snprintf(buf, len, "o=%s," GS_DEFENCE, name);
}

/* gs_role_dn - DN of role r of organisation o */
static void
gs_role_dn(unsigned long o, size_t r, char *buf, size_t len)
{
	char org[128];

	gs_org_dn(o, org, sizeof(org));
	snprintf(buf, len, "cn=%s,%s", gs_roles[r].gr_cn, org);
}

/* gs_person_names - given name and surname of person p */
static void
gs_person_names(unsigned long p, const char **given, const char **sn)
{
	uint64_t h = gs_hash(1, p);

	*given = gs_given[h % GS_NELEM(gs_given)];
	*sn = gs_surname[(h >> 20) % GS_NELEM(gs_surname)];
}

/* gs_person_dn - DN of person p; the number keeps the RDN unique */
static void
gs_person_dn(unsigned long p, char *buf, size_t len)
{
	const char *given, *sn;
	char org[128];

	gs_person_names(p, &given, &sn);
	gs_org_dn(gs_org_of(p), org, sizeof(org));
	snprintf(buf, len, "cn=%s %s %06lu,ou=People,%s", given, sn, p + 1,
	    org);
}

/* gs_case - copy s to buf in upper (up != 0) or lower case */
static const char *
gs_case(const char *s, int up, char *buf, size_t len)
{
	size_t i;

	for (i = 0; s[i] != '\0' && i + 1 < len; i++) {
		if (up && s[i] >= 'a' && s[i] <= 'z')
			buf[i] = (char)(s[i] - 'a' + 'A');
		else if (!up && s[i] >= 'A' && s[i] <= 'Z')
			buf[i] = (char)(s[i] - 'A' + 'a');
		else
			buf[i] = s[i];
	}
	buf[i] = '\0';
	return buf;
}

/* gs_list_dn - DN of small list l, under its owner organisation */
static void
gs_list_dn(unsigned long l, char *buf, size_t len)
{
	char org[128];

	gs_org_dn(l % gs_opt.go_orgs, org, sizeof(org));
	snprintf(buf, len, "cn=List %06lu,ou=Lists,%s", l + 1, org);
}

/* gs_clearance - a person's clearance: the policy, a level, categories */
static void
gs_clearance(uint64_t h, char *buf, size_t len)
{
	/* 10% UNCLASSIFIED, 20% RESTRICTED, 30% CONFIDENTIAL, 30% SECRET,
	 * 10% TOP SECRET; most of the cleared are WESTLAND EYES ONLY. */
	static const unsigned char level[10] = { 0, 1, 1, 2, 2, 2, 3, 3, 3, 4 };
	unsigned lv = level[h % 10];

	snprintf(buf, len, GS_POLICY "$%s%s%s", gs_classes[lv],
	    lv >= 2 && (h >> 8) % 4 != 0 ? "$WESTLAND EYES ONLY" : "",
	    lv >= 2 && (h >> 12) % 3 == 0 ? "$REL NATO" : "");
}

/* gs_is_test_org - the last organisation plays the sample's Test Cell */
static int
gs_is_test_org(unsigned long o)
{
	return gs_opt.go_orgs > 1 && o == gs_opt.go_orgs - 1;
}

/* gs_emit_person - person p of organisation o */
static void
gs_emit_person(unsigned long p, unsigned long o)
{
	const char *given, *sn;
	char dn[256], clr[160], lg[32], ls[32], ug[32], us[32];
	uint64_t h = gs_hash(2, p);

	gs_person_names(p, &given, &sn);
	gs_person_dn(p, dn, sizeof(dn));
	gs_clearance(h, clr, sizeof(clr));
	gs_case(given, 0, lg, sizeof(lg));
	gs_case(sn, 0, ls, sizeof(ls));
	printf("dn: %s\nobjectClass: aCPOrganizationalPerson\n"
	    "objectClass: mmhsMailbox\n"
	    "cn: %s %s %06lu\ncn: %s %s\nsn: %s\ngivenName: %s\n"
	    "uid: %s.%s.%06lu\nmail: %s.%s.%06lu@" GS_DOMAIN "\n"
	    "mhs-or-addresses: " GS_OR "OU1=U%04lu/S=%s/G=%s/DDA:ID=%06lu/\n"
	    "userPassword: " GS_PASSWORD "\ntitle: %s\nrank: %s\n"
	    "serviceNumber: XW-U%04lu-%06lu\nnationality: XW\n"
	    "mmhsClearance: %s\n",
	    dn, given, sn, p + 1, given, sn, sn, given, lg, ls, p + 1,
	    lg, ls, p + 1, o + 1, gs_case(sn, 1, us, sizeof(us)),
	    gs_case(given, 1, ug, sizeof(ug)), p + 1,
	    gs_titles[(h >> 16) % GS_NELEM(gs_titles)],
	    gs_ranks[(h >> 24) % GS_NELEM(gs_ranks)], o + 1, p + 1, clr);
	if (gs_is_test_org(o))
		printf("mmhsFFPolicy: cn=short-test," GS_POLICIES "\n");
	printf("mmhsSite: " GS_SITE "\n\n");
}

/* gs_emit_role - role r of organisation o */
static void
gs_emit_role(unsigned long o, size_t r)
{
	char dn[192], buf[192];
	unsigned long first = gs_org_first(o), last = gs_org_first(o + 1);

	gs_role_dn(o, r, dn, sizeof(dn));
	printf("dn: %s\nobjectClass: aCPOrganizationalRole\n"
	    "objectClass: mmhsMailbox\ncn: %s\nmail: %s.u%04lu@" GS_DOMAIN "\n"
	    "mhs-or-addresses: " GS_OR "OU1=U%04lu/CN=%s/\n",
	    dn, gs_roles[r].gr_cn, gs_roles[r].gr_code, o + 1, o + 1,
	    gs_roles[r].gr_or);
	if (first + r < last) {
		gs_person_dn(first + r, buf, sizeof(buf));
		printf("roleOccupant: %s\n", buf);
	}
	printf("mmhsClearance: " GS_POLICY "$%s\n", gs_roles[r].gr_clear);

	/* duty officers escalate to the first organisation's, whose own
	 * escalates to its commander, the test organisation's to its own
	 * operations officer; other roles to their duty officer */
	if (r != GS_ROLE_DO)
		gs_role_dn(o, GS_ROLE_DO, buf, sizeof(buf));
	else if (gs_is_test_org(o))
		gs_role_dn(o, GS_ROLE_OPS, buf, sizeof(buf));
	else if (o != 0)
		gs_role_dn(0, GS_ROLE_DO, buf, sizeof(buf));
	else
		gs_role_dn(0, GS_ROLE_COMD, buf, sizeof(buf));
	printf("mmhsGuaranteedActionPoint: %s\n", buf);
	if (gs_is_test_org(o))
		printf("mmhsFFPolicy: cn=short-test," GS_POLICIES "\n");
	printf("mmhsSite: " GS_SITE "\n");
	if (o == 0 && (r == GS_ROLE_OPS || r == GS_ROLE_DO))
		printf("publish: TRUE\naCPPublishTo: NATO\n");
	printf("\n");
}

/*
 * gs_emit_rule - one profiling rule of the organisation org; its rule set
 * is the start of cn up to the first '-' ("peace-010-sic-ops": peace);
 * info < 0: no info recipient
 */
static void
gs_emit_rule(const char *org, const char *cn, int order, const char *match,
    size_t act, int info)
{
	printf("dn: cn=%s,%s\nobjectClass: mmhsProfileRule\ncn: %s\n"
	    "mmhsRuleSet: %.*s\nmmhsRuleOrder: %d\n%s"
	    "mmhsActionRecipient: cn=%s,%s\n", cn, org, cn,
	    (int)strcspn(cn, "-"), cn, order, match, gs_roles[act].gr_cn, org);
	if (info >= 0)
		printf("mmhsInfoRecipient: cn=%s,%s\n", gs_roles[info].gr_cn, org);
	printf("\n");
}

/* gs_emit_org - organisation o with its people, roles and rules */
static void
gs_emit_org(unsigned long o)
{
	char name[64], dn[128], duty[192];
	unsigned long p;
	size_t r;

	gs_org_name(o, name, sizeof(name));
	gs_org_dn(o, dn, sizeof(dn));
	gs_role_dn(o, GS_ROLE_DO, duty, sizeof(duty));
	printf("dn: %s\nobjectClass: aCPOrganization\nobjectClass: mmhsMailbox\n"
	    "objectClass: mmhsProfiledOrganization\no: %s\n"
	    "mail: u%04lu@" GS_DOMAIN "\nmhs-or-addresses: " GS_OR "OU1=U%04lu/\n"
	    "mmhsActiveRuleSet: peace\nmmhsDefaultRole: %s\n"
	    "mmhsGuaranteedActionPoint: %s\n",
	    dn, name, o + 1, o + 1, duty, duty);
	if (gs_is_test_org(o))
		printf("mmhsFFPolicy: cn=short-test," GS_POLICIES "\n");
	printf("mmhsSite: " GS_SITE "\nplaNameACP127: U%04lu WESTLAND\n", o + 1);
	if (o == 0)
		printf("publish: TRUE\naCPPublishTo: NATO\n");
	printf("description: %s (generated)\n\n", name);

	printf("dn: ou=People,%s\nobjectClass: aCPOrganizationalUnit\n"
	    "ou: People\ndescription: People of %s\n\n", dn, name);
	for (p = gs_org_first(o); p < gs_org_first(o + 1); p++)
		gs_emit_person(p, o);
	for (r = 0; r < GS_NELEM(gs_roles); r++)
		gs_emit_role(o, r);

	gs_emit_rule(dn, "peace-010-sic-ops", 10, "mmhsMatchSIC: ZOP\n",
	    GS_ROLE_OPS, GS_ROLE_COMD);
	gs_emit_rule(dn, "peace-020-sic-intel", 20, "mmhsMatchSIC: ZI*\n",
	    GS_ROLE_INT, -1);
	gs_emit_rule(dn, "peace-030-subject-logstat", 30,
	    "mmhsMatchSubject: LOGSTAT\n", GS_ROLE_LOG, -1);
	gs_emit_rule(dn, "peace-040-flash", 40, "mmhsMatchPrecedence: flash\n",
	    GS_ROLE_DO, GS_ROLE_COMD);
	if (o == 0) {
		gs_emit_rule(dn, "exercise-010-type", 10,
		    "mmhsMatchMessageType: exercise\n", GS_ROLE_OPS, GS_ROLE_DO);
		gs_emit_rule(dn, "exercise-020-flash", 20,
		    "mmhsMatchPrecedence: flash\n", GS_ROLE_DO, GS_ROLE_COMD);
	}

	printf("dn: ou=Lists,%s\nobjectClass: aCPOrganizationalUnit\n"
	    "ou: Lists\ndescription: Distribution lists owned by %s\n\n",
	    dn, name);
}

/* gs_emit_ri - the routing indicator entry of the first organisation */
static void
gs_emit_ri(void)
{
	char org[128];

	gs_org_dn(0, org, sizeof(org));
	printf("dn: cn=RXWUAAA,ou=Routing Indicators," GS_DEFENCE "\n"
	    "objectClass: aCPRoutingIndicator\ncn: RXWUAAA\nrI: RXWUAAA\n"
	    "associatedOrganization: %s\n"
	    "description: Communications centre of the first organisation\n\n",
	    org);
}

/* gs_emit_group - the group named by member-of-group permissions */
static void
gs_emit_group(void)
{
	char dn[192];
	unsigned long o;

	printf("dn: " GS_GROUP "\nobjectClass: aCPGroupOfNames\n"
	    "cn: Message Release Officers\n");
	/* the commanders of the first organisations: the person who holds
	 * the role where there is one, else the role */
	for (o = 0; o < gs_opt.go_orgs && o < 20; o++) {
		if (gs_org_first(o) + GS_ROLE_COMD < gs_org_first(o + 1))
			gs_person_dn(gs_org_first(o) + GS_ROLE_COMD, dn, sizeof(dn));
		else
			gs_role_dn(o, GS_ROLE_COMD, dn, sizeof(dn));
		printf("member: %s\n", dn);
	}
	printf("description: Officers who may release messages to national "
	    "lists\n\n");
}

/* gs_emit_list_head - the attributes every list has */
static void
gs_emit_list_head(const char *dn, const char *cn, const char *mail,
    const char *orcn, const char *owner)
{
	printf("dn: %s\nobjectClass: mhs-distribution-list\n"
	    "objectClass: mmhsList\ncn: %s\nmail: %s@" GS_LISTDOMAIN "\n"
	    "mhs-or-addresses: " GS_OR "OU1=DL/CN=%s/\nowner: %s\n"
	    "mmhsSite: " GS_SITE "\n", dn, cn, mail, orcn, owner);
}

/*
 * gs_emit_chain - the chain of nested big lists
 *
 * MEMBERS distinct people, drawn by a partial Fisher-Yates shuffle, are
 * split evenly over DEPTH lists; list k also has list k+1 as a member.
 * The innermost list is written first, so every list follows the lists
 * it contains.
 */
static int
gs_emit_chain(void)
{
	unsigned long *perm, i, j, k, t, d = gs_opt.go_depth;
	unsigned long m = gs_opt.go_members;
	char dn[256], next[128], owner[192], mail[32], cn[32], orcn[32];

	if (d == 0)
		return 0;
	perm = malloc((gs_opt.go_people ? gs_opt.go_people : 1) *
	    sizeof(*perm));
	if (perm == NULL) {
		fprintf(stderr, "mmhs-gensite: out of memory\n");
		return -1;
	}
	for (i = 0; i < gs_opt.go_people; i++)
		perm[i] = i;
	for (i = 0; i < m; i++) {
		j = i + gs_rand(gs_opt.go_people - i);
		t = perm[i];
		perm[i] = perm[j];
		perm[j] = t;
	}
	gs_role_dn(0, GS_ROLE_SIGS, owner, sizeof(owner));
	for (k = d; k >= 1; k--) {
		snprintf(cn, sizeof(cn), "Big List %lu", k);
		snprintf(dn, sizeof(dn), "cn=%s,ou=Lists," GS_DEFENCE, cn);
		snprintf(mail, sizeof(mail), "big-list-%lu", k);
		snprintf(orcn, sizeof(orcn), "BIG LIST %lu", k);
		gs_emit_list_head(dn, cn, mail, orcn, owner);
		printf("mhs-dl-submit-permissions: member-of-group # " GS_GROUP "\n"
		    "mhs-dl-policy: report-propagation=dl-owner\n");
		if (k < d)
			printf("mmhsMember: %s\n", next);
		for (i = (k - 1) * m / d; i < k * m / d; i++) {
			gs_person_dn(perm[i], dn, sizeof(dn));
			printf("mmhsMember: %s\n", dn);
		}
		printf("description: Level %lu of the nested chain\n\n", k);
		snprintf(next, sizeof(next), "cn=%s,ou=Lists," GS_DEFENCE, cn);
	}
	free(perm);
	return 0;
}

/* gs_emit_permission - the submit permission of small list l */
static void
gs_emit_permission(unsigned long l, unsigned long o)
{
	char buf[192];

	printf("mhs-dl-submit-permissions: ");
	switch (l % 6) {
	case 0:
		printf("any\n");
		break;
	case 1:
		printf("individual # " GS_OR "OU1=U%04lu/CN=OPS OFFICER/\n",
		    o + 1);
		break;
	case 2:	/* only its members: the list's own O/R name */
		printf("member-of-dl # " GS_OR "OU1=DL/CN=LIST %06lu/\n", l + 1);
		break;
	case 3:	/* members of the previous list (l >= 3), named by DN */
		gs_list_dn(l - 1, buf, sizeof(buf));
		printf("member-of-dl # <%s>\n", buf);
		break;
	case 4:
		printf("pattern-match # " GS_OR "OU1=U%04lu/\n", o + 1);
		break;
	default:
		printf("member-of-group # " GS_GROUP "\n");
		break;
	}
}

/* gs_emit_small_lists - the many small lists, some nested in others */
static void
gs_emit_small_lists(void)
{
	static const char *const policy[] = {
		"report-propagation=dl-owner",
		"further-dl-expansion-allowed=FALSE",
		"report-propagation=both-previous-and-owner $ priority=urgent",
	};
	unsigned long n = gs_opt.go_lists - gs_opt.go_depth, l, o, i, cnt;
	unsigned long first, span, start;
	char dn[256], cn[32], mail[32], orcn[32], owner[192], buf[256];

	for (l = 0; l < n; l++) {
		o = l % gs_opt.go_orgs;
		first = gs_org_first(o);
		span = gs_org_first(o + 1) - first;
		gs_list_dn(l, dn, sizeof(dn));
		snprintf(cn, sizeof(cn), "List %06lu", l + 1);
		snprintf(mail, sizeof(mail), "list-%06lu", l + 1);
		snprintf(orcn, sizeof(orcn), "LIST %06lu", l + 1);
		gs_role_dn(o, GS_ROLE_SIGS, owner, sizeof(owner));
		gs_emit_list_head(dn, cn, mail, orcn, owner);
		gs_emit_permission(l, o);
		if (l % 7 == 0)
			printf("mhs-dl-policy: %s\n", policy[(l / 7) % 3]);

		/* a run of consecutive people of the owner organisation */
		cnt = 3 + gs_rand(18);
		if (cnt > span)
			cnt = span;
		start = gs_rand(span);
		for (i = 0; i < cnt; i++) {
			gs_person_dn(first + (start + i) % span, buf, sizeof(buf));
			printf("mmhsMember: %s\n", buf);
		}
		if (gs_rand(4) == 0) {
			gs_role_dn(o, GS_ROLE_OPS, buf, sizeof(buf));
			printf("mmhsMember: %s\n", buf);
		}
		if (l > 0 && gs_rand(5) == 0) {
			/* a list written earlier: no cycle can arise */
			gs_list_dn(l - 1 - gs_rand(l < 50 ? l : 50), buf,
			    sizeof(buf));
			printf("mmhsMember: %s\n", buf);
		}
		if (gs_rand(10) == 0)
			printf("mmhsExternalMember: liaison-%06lu@"
			    "office.westland.example\n", l + 1);
		printf("\n");
	}
}

/* gs_emit_routes - the routes, one per organisation to the profiler */
static void
gs_emit_routes(void)
{
	char name[64];
	unsigned long o;

	gs_emit_fixed(gs_fixed_routes_head);
	for (o = 0; o < gs_opt.go_orgs; o++) {
		gs_org_name(o, name, sizeof(name));
		printf("dn: cn=org-u%04lu," GS_ROUTES "\nobjectClass: mmhsRoute\n"
		    "cn: org-u%04lu\nmmhsRouteMatch: address:u%04lu@" GS_DOMAIN "\n"
		    "mmhsNextHop: cn=profiler," GS_SITE "\n"
		    "description: %s organisational messages\n\n",
		    o + 1, o + 1, o + 1, name);
	}
	gs_emit_fixed(gs_fixed_routes_tail);
}

/* gs_emit_archive - archive policy of the first organisation */
static void
gs_emit_archive(void)
{
	char dn[192];
	size_t r;

	printf("dn: cn=archive-u0001," GS_POLICIES "\n"
	    "objectClass: mmhsArchivePolicy\ncn: archive-u0001\n"
	    "mmhsArchive: cn=archive," GS_SITE "\n");
	gs_org_dn(0, dn, sizeof(dn));
	printf("mmhsArchiveSubject: %s\n", dn);
	for (r = 0; r < GS_NELEM(gs_roles); r++) {
		gs_role_dn(0, r, dn, sizeof(dn));
		printf("mmhsArchiveSubject: %s\n", dn);
	}
	printf("mmhsRetentionDays: 3650\n"
	    "description: Traffic of the first organisation, kept ten years\n\n");
}

/* gs_number - parse a decimal option value no larger than max */
static int
gs_number(const char *s, unsigned long long max, unsigned long long *v)
{
	char *end;

	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	*v = strtoull(s, &end, 10);
	return (errno != 0 || *end != '\0' || *v > max) ? -1 : 0;
}

/* gs_usage - say how to call the program, exit 2 */
static void
gs_usage(void)
{
	fprintf(stderr, "usage: mmhs-gensite [-p PEOPLE] [-l LISTS] "
	    "[-m MEMBERS] [-d DEPTH] [-o ORGS] [-s SEED]\n");
	exit(2);
}

/* gs_options - parse the command line into gs_opt, apply the defaults */
static void
gs_options(int argc, char **argv)
{
	unsigned long long v, max;
	int i, orgs_set = 0;

	gs_opt.go_people = 100000;
	gs_opt.go_lists = 10000;
	gs_opt.go_members = 10000;
	gs_opt.go_depth = 5;
	gs_opt.go_seed = 1;
	for (i = 1; i < argc; i += 2) {
		const char *a = argv[i];

		if (a[0] != '-' || a[1] == '\0' || a[2] != '\0' || i + 1 >= argc)
			gs_usage();
		max = a[1] == 's' ? UINT64_MAX :
		    a[1] == 'o' ? GS_MAX_ORGS : GS_MAX_COUNT;
		if (gs_number(argv[i + 1], max, &v) != 0)
			gs_usage();
		switch (a[1]) {
		case 'p': gs_opt.go_people = (unsigned long)v; break;
		case 'l': gs_opt.go_lists = (unsigned long)v; break;
		case 'm': gs_opt.go_members = (unsigned long)v; break;
		case 'd': gs_opt.go_depth = (unsigned long)v; break;
		case 'o': gs_opt.go_orgs = (unsigned long)v; orgs_set = 1; break;
		case 's': gs_opt.go_seed = (uint64_t)v; break;
		default: gs_usage();
		}
	}
	if (!orgs_set)
		gs_opt.go_orgs = gs_opt.go_people / 1000;
	if (gs_opt.go_orgs > GS_MAX_ORGS)
		gs_opt.go_orgs = GS_MAX_ORGS;
	if (gs_opt.go_orgs == 0)
		gs_opt.go_orgs = 1;
	if (gs_opt.go_members > gs_opt.go_people) {
		fprintf(stderr, "mmhs-gensite: warning: members reduced from "
		    "%lu to %lu, the number of people\n", gs_opt.go_members,
		    gs_opt.go_people);
		gs_opt.go_members = gs_opt.go_people;
	}
	if (gs_opt.go_lists < gs_opt.go_depth) {
		fprintf(stderr, "mmhs-gensite: warning: lists raised from %lu "
		    "to the depth %lu\n", gs_opt.go_lists, gs_opt.go_depth);
		gs_opt.go_lists = gs_opt.go_depth;
	}
}

int
main(int argc, char **argv)
{
	static char obuf[1 << 16];
	unsigned long o;

	gs_options(argc, argv);
	gs_state = gs_mix(gs_opt.go_seed);
	setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));

	printf("# Generated by mmhs-gensite -p %lu -l %lu -m %lu -d %lu "
	    "-o %lu -s %llu\n# Demo passwords are clear text.\n\n",
	    gs_opt.go_people, gs_opt.go_lists, gs_opt.go_members,
	    gs_opt.go_depth, gs_opt.go_orgs,
	    (unsigned long long)gs_opt.go_seed);
	gs_emit_fixed(gs_fixed_head);		/* ldif/00 .. 25 */
	for (o = 0; o < gs_opt.go_orgs; o++)	/* ldif/30 .. 37 */
		gs_emit_org(o);
	gs_emit_fixed(gs_fixed_gateways);	/* ldif/40 */
	gs_emit_ri();
	gs_emit_group();			/* ldif/50 */
	if (gs_emit_chain() != 0)
		return 1;
	gs_emit_small_lists();
	gs_emit_routes();			/* ldif/60 */
	gs_emit_archive();			/* ldif/70 */
	gs_emit_fixed(gs_fixed_partners);	/* ldif/80 */

	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "mmhs-gensite: write error: %s\n",
		    strerror(errno));
		return 1;
	}
	return 0;
}
