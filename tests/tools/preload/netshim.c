/* Test shim (LD_PRELOAD): a library inside intake that tries the network.
 * It stands in for libzbar's zbar_scan_image, which intake calls while
 * scanning a QR code (contact add --scan): first it opens a TCP socket and
 * connects to 127.0.0.1 port 9 (this machine only), writing what happened
 * to the file named by $NETSHIM_OUT ("socket: <error>" or "connect:
 * <result>"), then it hands over to the real function.  Used by
 * tests/cli/sandbox.bats, with zbarimg as the control that shows the shim
 * does reach the network where nothing forbids it. */
#include <arpa/inet.h>
#include <dlfcn.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void try_network(void)
{
    const char *path = getenv("NETSHIM_OUT");
    struct sockaddr_in a;
    FILE *f;
    int fd;

    if (path == NULL || (f = fopen(path, "a")) == NULL)
        return;
    fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        fprintf(f, "socket: %s\n", strerror(errno));
    } else {
        memset(&a, 0, sizeof a);
        a.sin_family = AF_INET;
        a.sin_port = htons(9);
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        fprintf(f, "connect: %s\n", connect(fd, (struct sockaddr *)&a, sizeof a) == 0
                ? "connected" : strerror(errno));
        close(fd);
    }
    fclose(f);
}

int zbar_scan_image(void *scanner, void *image)
{
    int (*real)(void *, void *) = (int (*)(void *, void *))dlsym(RTLD_NEXT, "zbar_scan_image");

    try_network();
    return real != NULL ? real(scanner, image) : -1;
}
