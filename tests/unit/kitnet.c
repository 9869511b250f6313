/* kitnet.c - loopback sockets for the protocol kit's unit tests
 *
 * Interface: kitnet.h.  Every wait is bounded by KITNET_WAIT_MS, so a
 * broken client or server fails a test instead of hanging it.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "kitnet.h"

/* kitnet_listen - a socket listening on 127.0.0.1, port 0 for any */
static int
kitnet_listen(int *port)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof(sin);
	int	fd, on = 1;

	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(fd, (struct sockaddr *)&sin, sizeof(sin)) < 0 ||
	    listen(fd, 16) < 0 ||
	    getsockname(fd, (struct sockaddr *)&sin, &len) < 0) {
		close(fd);
		return -1;
	}
	*port = ntohs(sin.sin_port);
	return fd;
}

/* kitnet_free_port - bind to port 0, note the port, let it go */
int
kitnet_free_port(void)
{
	int	fd, port = 0;

	if ((fd = kitnet_listen(&port)) >= 0)
		close(fd);
	return port;
}

/* kitnet_connect - a connected socket to 127.0.0.1:port */
int
kitnet_connect(int port)
{
	struct sockaddr_in sin;
	int	fd;

	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) < 0)
		return -1;
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sin.sin_port = htons((unsigned short)port);
	if (connect(fd, (struct sockaddr *)&sin, sizeof(sin)) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* kitnet_can_connect - something listens on the port */
int
kitnet_can_connect(int port)
{
	int	fd = kitnet_connect(port);

	if (fd < 0)
		return 0;
	close(fd);
	return 1;
}

/* kitnet_send - all of buf */
int
kitnet_send(int fd, const char *buf, size_t len)
{
	ssize_t	n;

	while (len > 0) {
		n = send(fd, buf, len, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* kitnet_read_until - read until end (NULL: until EOF) or a bound */
char *
kitnet_read_until(int fd, const char *end, size_t max, size_t *lenp)
{
	struct pollfd pfd;
	char   *buf = calloc(1, max + 1);
	size_t	len = 0, elen = end != NULL ? strlen(end) : 0;
	ssize_t	n;

	pfd.fd = fd;
	pfd.events = POLLIN;
	while (buf != NULL && len < max) {
		if (end != NULL && len >= elen &&
		    memcmp(buf + len - elen, end, elen) == 0)
			break;
		if (poll(&pfd, 1, KITNET_WAIT_MS) <= 0)
			break;
		n = recv(fd, buf + len, end != NULL ? 1 : max - len, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	if (lenp != NULL)
		*lenp = len;
	return buf;
}

/* kitnet_talk - write and read at once */
char *
kitnet_talk(int fd, const char *input, size_t len, size_t max, size_t *lenp)
{
	struct pollfd pfd;
	char   *buf = calloc(1, max + 1);
	size_t	got = 0, off = 0;
	ssize_t	n;

	pfd.fd = fd;
	while (buf != NULL && got < max) {
		pfd.events = POLLIN | (off < len ? POLLOUT : 0);
		if (poll(&pfd, 1, KITNET_WAIT_MS) <= 0)
			break;
		if ((pfd.revents & POLLOUT) && off < len) {
			n = send(fd, input + off, len - off,
			    MSG_NOSIGNAL | MSG_DONTWAIT);
			if (n < 0 && errno != EAGAIN && errno != EINTR)
				off = len;	/* the peer is gone */
			else if (n > 0)
				off += (size_t)n;
		}
		if (pfd.revents & (POLLIN | POLLHUP | POLLERR)) {
			n = recv(fd, buf + got, max - got, MSG_DONTWAIT);
			if (n == 0 || (n < 0 && errno != EAGAIN &&
			    errno != EINTR))
				break;
			if (n > 0)
				got += (size_t)n;
		}
	}
	if (lenp != NULL)
		*lenp = got;
	return buf;
}


/* kitnet_peer_run - the scripted session */
static void *
kitnet_peer_run(void *arg)
{
	struct kitnet_peer *kp = arg;
	struct pollfd pfd;
	const char *const *r = kp->kp_replies;
	const char *end;
	char   *in;
	size_t	n;
	int	fd;

	pfd.fd = kp->kp_fd;
	pfd.events = POLLIN;
	if (poll(&pfd, 1, KITNET_WAIT_MS) <= 0 ||
	    (fd = accept(kp->kp_fd, NULL, NULL)) < 0)
		return NULL;
	for (; *r != NULL; r++) {
		if (kitnet_send(fd, *r, strlen(*r)) < 0 || r[1] == NULL)
			break;
		/* after a 354 the client sends the message and the dot */
		end = strncmp(*r, "354", 3) == 0 ? "\r\n.\r\n" : "\n";
		in = kitnet_read_until(fd, end, sizeof(kp->kp_got) - 1 -
		    kp->kp_gotlen, &n);
		if (in == NULL)
			break;
		memcpy(kp->kp_got + kp->kp_gotlen, in, n);
		kp->kp_gotlen += n;
		free(in);
		if (n == 0)
			break;
	}
	close(fd);
	return NULL;
}

/* kitnet_peer_start - listen and serve one session in a thread */
int
kitnet_peer_start(struct kitnet_peer *kp, const char *const *replies)
{
	memset(kp, 0, sizeof(*kp));
	kp->kp_replies = replies;
	if ((kp->kp_fd = kitnet_listen(&kp->kp_port)) < 0)
		return -1;
	if (pthread_create(&kp->kp_thread, NULL, kitnet_peer_run, kp) != 0) {
		close(kp->kp_fd);
		return -1;
	}
	return 0;
}

/* kitnet_peer_wait - the session is over */
void
kitnet_peer_wait(struct kitnet_peer *kp)
{
	pthread_join(kp->kp_thread, NULL);
	close(kp->kp_fd);
	kp->kp_got[kp->kp_gotlen] = '\0';
}
