/* test_smtpc.h - the SMTP client tests kept in test_smtpc_peer.c */
#ifndef TEST_SMTPC_H
#define TEST_SMTPC_H

void	test_peer_mixed(void);
void	test_peer_broken(void);

#endif
