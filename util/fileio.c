#include "util/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

int fd_write_all(int fd, const void *buf, size_t len)
{
    const unsigned char *p = buf;

    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

ssize_t fd_read_full(int fd, void *buf, size_t len)
{
    unsigned char *p = buf;
    size_t got = 0;

    while (got < len) {
        ssize_t n = read(fd, p + got, len - got);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (n == 0)
            break;
        got += (size_t)n;
    }
    return (ssize_t)got;
}

static int parent_dir(char *out, size_t outlen, const char *path)
{
    char copy[4096];
    int n;

    n = snprintf(copy, sizeof copy, "%s", path);
    if (n < 0 || (size_t)n >= sizeof copy)
        return -1;
    n = snprintf(out, outlen, "%s", dirname(copy));
    if (n < 0 || (size_t)n >= outlen)
        return -1;
    return 0;
}

int fsync_parent(const char *path, struct err *e)
{
    char dir[4096];
    int fd, rc;

    if (parent_dir(dir, sizeof dir, path) != 0)
        return err_set(e, EXIT_INPUT, "path too long: %s", path);
    fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return err_set(e, EXIT_INPUT, "cannot open folder %s: %s", dir,
                       strerror(errno));
    rc = fsync(fd);
    close(fd);
    if (rc != 0)
        return err_set(e, EXIT_INPUT, "cannot sync folder %s: %s", dir,
                       strerror(errno));
    return 0;
}

int atomic_open(struct atomic_file *af, const char *path, int overwrite,
                struct err *e)
{
    char dir[4096];
    unsigned char rnd[8];
    char hex[2 * sizeof rnd + 1];
    int n;

    af->fd = -1;
    af->tmp[0] = '\0';
    af->overwrite = overwrite;
    n = snprintf(af->path, sizeof af->path, "%s", path);
    if (n < 0 || (size_t)n >= sizeof af->path)
        return err_set(e, EXIT_INPUT, "path too long: %s", path);
    if (!overwrite && access(path, F_OK) == 0)
        return err_set(e, EXIT_INPUT,
                       "%s already exists; choose another name", path);
    if (parent_dir(dir, sizeof dir, path) != 0)
        return err_set(e, EXIT_INPUT, "path too long: %s", path);
    randombytes_buf(rnd, sizeof rnd);
    sodium_bin2hex(hex, sizeof hex, rnd, sizeof rnd);
    n = snprintf(af->tmp, sizeof af->tmp, "%s/.intake-tmp-%s", dir, hex);
    if (n < 0 || (size_t)n >= sizeof af->tmp)
        return err_set(e, EXIT_INPUT, "path too long: %s", path);
    af->fd = open(af->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                  0600);
    if (af->fd < 0) {
        int saved = errno;
        af->tmp[0] = '\0';
        return err_set(e, EXIT_INPUT, "cannot create a file in %s: %s", dir,
                       strerror(saved));
    }
    return 0;
}

int atomic_write(struct atomic_file *af, const void *buf, size_t len,
                 struct err *e)
{
    if (fd_write_all(af->fd, buf, len) != 0)
        return err_set(e, EXIT_INPUT, "cannot write %s: %s", af->path,
                       strerror(errno));
    return 0;
}

void atomic_abort(struct atomic_file *af)
{
    if (af->fd >= 0) {
        close(af->fd);
        af->fd = -1;
    }
    if (af->tmp[0] != '\0') {
        (void)unlink(af->tmp);
        af->tmp[0] = '\0';
    }
}

int atomic_commit(struct atomic_file *af, struct err *e)
{
    int rc;

    if (fsync(af->fd) != 0) {
        err_set(e, EXIT_INPUT, "cannot sync %s: %s", af->path, strerror(errno));
        atomic_abort(af);
        return -1;
    }
    rc = close(af->fd);
    af->fd = -1;
    if (rc != 0) {
        err_set(e, EXIT_INPUT, "cannot write %s: %s", af->path, strerror(errno));
        atomic_abort(af);
        return -1;
    }
    if (af->overwrite) {
        rc = rename(af->tmp, af->path);
    } else {
        /* link(2) fails if the name appeared meanwhile: never overwrite. */
        rc = link(af->tmp, af->path);
        if (rc == 0)
            (void)unlink(af->tmp);
    }
    if (rc != 0) {
        int saved = errno;
        err_set(e, EXIT_INPUT, saved == EEXIST
                ? "%s already exists; choose another name"
                : "cannot move the new file to %s: %s",
                af->path, strerror(saved));
        atomic_abort(af);
        return -1;
    }
    af->tmp[0] = '\0';
    return fsync_parent(af->path, e);
}

int file_write_atomic(const char *path, const void *buf, size_t len,
                      int overwrite, struct err *e)
{
    struct atomic_file af;

    if (atomic_open(&af, path, overwrite, e) != 0)
        return -1;
    if (atomic_write(&af, buf, len, e) != 0) {
        atomic_abort(&af);
        return -1;
    }
    return atomic_commit(&af, e);
}

int file_read_all(const char *path, size_t max, unsigned char **out,
                  size_t *outlen, const char *what, struct err *e)
{
    struct stat st;
    unsigned char *buf;
    ssize_t n;
    int fd;

    *out = NULL;
    *outlen = 0;
    fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return err_set(e, EXIT_INPUT, "cannot open %s %s: %s", what, path,
                       strerror(errno));
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return err_set(e, EXIT_INPUT, "%s %s is not a regular file", what, path);
    }
    if ((unsigned long long)st.st_size > (unsigned long long)max) {
        close(fd);
        return err_set(e, EXIT_INPUT, "%s %s is too large (more than %zu bytes)",
                       what, path, max);
    }
    buf = malloc((size_t)st.st_size + 1);
    if (buf == NULL) {
        close(fd);
        return err_set(e, EXIT_INPUT, "out of memory reading %s", path);
    }
    n = fd_read_full(fd, buf, (size_t)st.st_size);
    close(fd);
    if (n < 0 || n != st.st_size) {
        free(buf);
        return err_set(e, EXIT_INPUT, "cannot read %s %s", what, path);
    }
    buf[n] = '\0';
    *out = buf;
    *outlen = (size_t)n;
    return 0;
}
