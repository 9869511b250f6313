/* fuzz_label_marking.c - libFuzzer target for mmhs_label_from_marking
 * fuzz-sources: lib/mmhs_label_marking.c lib/mmhs_label.c lib/mmhs_text.c
 *
 * Purpose: a display marking arrives from the network (the marking of
 * an SIO-Label header field, RFC 7444), so feed arbitrary bytes to
 * mmhs_label_from_marking() under the sample national policy
 * (ldif/10-security-policy.ldif).  A marking that is read must give a
 * level and categories the policy defines, each category once; written
 * back from the policy's own markings it must read to the same label.
 * A refusal must leave a message.
 *
 * Interface: LLVMFuzzerTestOneInput(); build as build-aux/check-all
 * does (clang -fsanitize=fuzzer,address,undefined with the sources
 * above) and run with tests/fuzz/corpus/label_marking as seeds.
 *
 * Error behaviour: any broken property calls abort(), which libFuzzer
 * reports as a crash and saves the input.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmhs_agent.h"
#include "mmhs_label.h"

#define NAT	"2.25.59028202126315117165413111612054445617.6.1"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const fuzz_classes[] = {
	"0$UNMARKED", "1$UNCLASSIFIED", "2$RESTRICTED$WESTLAND RESTRICTED",
	"3$CONFIDENTIAL$WESTLAND CONFIDENTIAL", "4$SECRET$WESTLAND SECRET",
	"5$TOP SECRET$WESTLAND TOP SECRET",
};
static const char *const fuzz_cats[] = {
	"REL NATO$permissive$" NAT ".1$REL TO NATO",
	"REL COALITION$permissive$" NAT ".2$REL TO COALITION",
	"WESTLAND EYES ONLY$restrictive$" NAT ".3$WESTLAND EYES ONLY",
	"CRYPTO$restrictive$" NAT ".4$CRYPTO",
	"EXERCISE$informative$" NAT ".5$EXERCISE EXERCISE EXERCISE",
};

/* fuzz_fail - report a broken property and crash */
static void
fuzz_fail(const char *what, const char *input, const char *detail)
{
	fprintf(stderr, "fuzz_label_marking: %s\ninput: %s\ndetail: %s\n",
	    what, input, detail);
	abort();
}

/* fuzz_policy - the sample national policy, built once */
static const struct mmhs_policy *
fuzz_policy(void)
{
	static struct mmhs_policy p;
	static int done;
	size_t	i;

	if (done)
		return &p;
	if (mmhs_policy_init(&p, NAT, NULL, 0) < 0)
		abort();
	for (i = 0; i < sizeof(fuzz_classes) / sizeof(fuzz_classes[0]); i++)
		if (mmhs_policy_add_class(&p, fuzz_classes[i], NULL, 0) < 0)
			abort();
	for (i = 0; i < sizeof(fuzz_cats) / sizeof(fuzz_cats[0]); i++)
		if (mmhs_policy_add_cat(&p, fuzz_cats[i], NULL, 0) < 0)
			abort();
	done = 1;
	return &p;
}

/* fuzz_check - the label read is one the policy defines */
static void
fuzz_check(const struct mmhs_policy *p, const char *input,
    const struct mmhs_label *lb)
{
	int	i, j;

	if (strcmp(lb->lb_policy, p->sp_oid) != 0)
		fuzz_fail("label of another policy", input, lb->lb_policy);
	if (mmhs_policy_class_level(p, lb->lb_level) == NULL)
		fuzz_fail("level not defined", input, "");
	if (lb->lb_ncat < 0 || lb->lb_ncat > MMHS_LABEL_NCLCAT)
		fuzz_fail("category count out of range", input, "");
	for (i = 0; i < lb->lb_ncat; i++) {
		if (mmhs_policy_cat(p, lb->lb_cat[i]) == NULL)
			fuzz_fail("category not defined", input, lb->lb_cat[i]);
		for (j = 0; j < i; j++)
			if (strcmp(lb->lb_cat[i], lb->lb_cat[j]) == 0)
				fuzz_fail("category twice", input,
				    lb->lb_cat[i]);
	}
}

/* fuzz_round_trip - written with the policy's markings, read the same */
static void
fuzz_round_trip(const struct mmhs_policy *p, const char *input,
    const struct mmhs_label *lb)
{
	const struct mmhs_label_class *c = mmhs_policy_class_level(p,
	    lb->lb_level);
	const struct mmhs_label_cat *k;
	struct mmhs_label again;
	char	text[4096], err[256];
	size_t	n;
	int	i;

	n = (size_t)snprintf(text, sizeof(text), "%s", *c->lc_marking ?
	    c->lc_marking : c->lc_name);
	for (i = 0; i < lb->lb_ncat && n < sizeof(text); i++) {
		k = mmhs_policy_cat(p, lb->lb_cat[i]);
		n += (size_t)snprintf(text + n, sizeof(text) - n, " %s",
		    *k->lk_marking ? k->lk_marking : k->lk_name);
	}
	if (mmhs_label_from_marking(p, text, &again, err, sizeof(err)) < 0)
		fuzz_fail("own marking refused", input, err);
	if (again.lb_level != lb->lb_level || again.lb_ncat != lb->lb_ncat)
		fuzz_fail("own marking reads differently", input, text);
	for (i = 0; i < lb->lb_ncat; i++)
		if (strcmp(again.lb_cat[i], lb->lb_cat[i]) != 0)
			fuzz_fail("own marking reads differently", input,
			    text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct mmhs_policy *p = fuzz_policy();
	struct mmhs_label lb;
	char	*input, err[256];

	if ((input = malloc(size + 1)) == NULL)
		return 0;
	memcpy(input, data, size);
	input[size] = '\0';
	err[0] = '\0';
	if (mmhs_label_from_marking(p, input, &lb, err, sizeof(err)) == 0) {
		fuzz_check(p, input, &lb);
		fuzz_round_trip(p, input, &lb);
	} else if (err[0] == '\0')
		fuzz_fail("refused without a message", input, "");
	free(input);
	return 0;
}
