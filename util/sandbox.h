/* The promise that intake never uses the network, enforced by the kernel:
 * a seccomp filter (Debian's libseccomp) that makes creating a socket fail
 * for the whole process and everything it would start.  The only file that
 * includes <seccomp.h>. */
#ifndef INTAKE_SANDBOX_H
#define INTAKE_SANDBOX_H

#include "util/err.h"

/* Installs the filter on every thread of the process (and, inherited, on
 * any child): socket() and socketpair() fail with EACCES, io_uring_setup
 * (which can open sockets without those calls) with ENOSYS; everything
 * else is allowed.  It sets no_new_privs, and cannot be undone.  Call once
 * at start, after the libraries are loaded and before any input is read.
 * Returns 0, or -1 with e filled (EXIT_INPUT) if the kernel or libseccomp
 * refuses: a process that cannot promise to stay off the network stops. */
int sandbox_no_network(struct err *e);

#endif
