#include "util/sandbox.h"

#include <errno.h>
#include <seccomp.h>
#include <string.h>

int sandbox_no_network(struct err *e)
{
    scmp_filter_ctx f = seccomp_init(SCMP_ACT_ALLOW);
    int rc;

    if (f == NULL)
        return err_set(e, EXIT_INPUT, "cannot set up the network filter (libseccomp)");
    /* TSYNC: threads a library may already have started get it too. */
    rc = seccomp_attr_set(f, SCMP_FLTATR_CTL_TSYNC, 1);
    if (rc == 0)
        rc = seccomp_rule_add(f, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(socket), 0);
    if (rc == 0)
        rc = seccomp_rule_add(f, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(socketpair), 0);
    if (rc == 0)
        rc = seccomp_rule_add(f, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(io_uring_setup), 0);
    if (rc == 0)
        rc = seccomp_load(f);
    seccomp_release(f);
    if (rc != 0)
        return err_set(e, EXIT_INPUT, "cannot install the filter that keeps intake off the network: %s",
                       strerror(-rc));
    return 0;
}
