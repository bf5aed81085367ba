/* Files written so that a crash, a full disk or an error never leaves a
 * partial file behind: a temporary name in the same folder (O_EXCL,
 * O_NOFOLLOW, 0600), fsync, rename, fsync of the folder. */
#ifndef INTAKE_FILEIO_H
#define INTAKE_FILEIO_H

#include <stddef.h>
#include <sys/types.h>

#include "util/err.h"

struct atomic_file {
    int fd;
    char path[4096];     /* the final name */
    char tmp[4096];      /* the temporary name while writing */
    int overwrite;       /* replace an existing file at commit */
};

/* Opens a temporary file next to path for writing. With overwrite 0 an
 * existing path is refused now and again at commit (link(2), not rename). */
int atomic_open(struct atomic_file *af, const char *path, int overwrite,
                struct err *e);

/* Writes all of buf, or fails (ENOSPC included) with a clear message. */
int atomic_write(struct atomic_file *af, const void *buf, size_t len,
                 struct err *e);

/* fsyncs, moves the file into place, fsyncs the folder. On failure the
 * temporary file is removed and nothing is left at path. */
int atomic_commit(struct atomic_file *af, struct err *e);

/* Removes the temporary file; safe to call after a failed commit. */
void atomic_abort(struct atomic_file *af);

/* Writes buf to path atomically (the helpers above in one call). */
int file_write_atomic(const char *path, const void *buf, size_t len,
                      int overwrite, struct err *e);

/* Writes all of buf to fd, retrying short writes and EINTR. */
int fd_write_all(int fd, const void *buf, size_t len);

/* Reads up to len bytes from fd, retrying short reads; returns the count
 * read (less than len only at end of file) or -1 on error. */
ssize_t fd_read_full(int fd, void *buf, size_t len);

/* Reads a whole file of at most max bytes into a malloc buffer (with a
 * NUL after the data). what names the file in messages. */
int file_read_all(const char *path, size_t max, unsigned char **out,
                  size_t *outlen, const char *what, struct err *e);

/* fsyncs the folder that holds path. */
int fsync_parent(const char *path, struct err *e);

#endif
