/* kitnet.h - loopback sockets for the protocol kit's unit tests
 *
 * Free ports, connections with a bound on every wait, and a scripted
 * peer: a thread that accepts one connection on 127.0.0.1, sends its
 * replies one per client line (the whole message after a 354) and
 * records what it read.  It stands in for a server only where no real
 * one can be made to misbehave the way a test needs.
 */
#ifndef KITNET_H
#define KITNET_H

#include <pthread.h>
#include <stddef.h>

#define KITNET_WAIT_MS	10000	/* any single wait of a test */

/* A port on 127.0.0.1 that nothing listened on a moment ago. */
int	kitnet_free_port(void);
/* 1 when something accepts connections on 127.0.0.1:port. */
int	kitnet_can_connect(int port);
/* A connected socket to 127.0.0.1:port, or -1. */
int	kitnet_connect(int port);
/* Send all of buf; 0 or -1. */
int	kitnet_send(int fd, const char *buf, size_t len);
/* Send input while reading what comes back, until the peer closes or
 * KITNET_WAIT_MS of silence (a peer may stop reading until its replies
 * are read); NUL-ended, caller frees. */
char   *kitnet_talk(int fd, const char *input, size_t len, size_t max,
	    size_t *lenp);
/* Read until the text read so far ends with "end", the peer closes,
 * KITNET_WAIT_MS pass without data, or max octets. */
char   *kitnet_read_until(int fd, const char *end, size_t max,
	    size_t *lenp);

struct kitnet_peer {
	int	kp_fd;			/* listening socket */
	int	kp_port;
	pthread_t kp_thread;
	const char *const *kp_replies;	/* NULL-ended; [0] is the greeting */
	char	kp_got[65536];		/* what the client sent */
	size_t	kp_gotlen;
};

int	kitnet_peer_start(struct kitnet_peer *kp, const char *const *replies);
/* Waits for the session to end; kp_got is complete afterwards. */
void	kitnet_peer_wait(struct kitnet_peer *kp);

#endif
