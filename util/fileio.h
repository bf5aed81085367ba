/* Files written so that a crash, a full disk or an error never leaves a
 * partial file behind, and files read only when they are regular files.
 *
 * Writing: the new file has no name while it is written (O_TMPFILE) and
 * gets its final name only when complete (fsync, link, fsync of the
 * folder). Where the file system cannot do that (FAT, some network and
 * FUSE file systems), the file is written under a hidden temporary name,
 * FILEIO_TMP_PREFIX..., in the same folder, with an flock(2) held while it
 * is written; the next intake that writes into that folder removes every
 * such file or folder whose writer is gone (the lock is free), so a
 * kill -9 leaves no partial file for longer than until the next run. */
#ifndef INTAKE_FILEIO_H
#define INTAKE_FILEIO_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "util/err.h"

/* Hidden names of files and folders being written (see above). */
#define FILEIO_TMP_PREFIX ".intake-tmp-"

struct atomic_file {
    int fd;
    char path[4096];     /* the final name */
    char tmp[4096];      /* the temporary name while writing; "" when the
                          * file has no name (O_TMPFILE) or none is left */
    int overwrite;       /* replace an existing file at commit */
    int anonymous;       /* 1: written with O_TMPFILE, named at commit */
};

/* Opens a new file for writing that becomes path at commit; first removes
 * what earlier, killed writers left in the folder. With overwrite 0 an
 * existing path is refused now and again at commit (never replaced). */
int atomic_open(struct atomic_file *af, const char *path, int overwrite,
                struct err *e);

/* What atomic_open checks before it creates anything: path is not there
 * (unless overwrite) and its folder is.  For a check before a passphrase
 * is asked; 0, or -1 with e (EXIT_INPUT) worded as atomic_open's. */
int file_check_new(const char *path, int overwrite, struct err *e);

/* Writes all of buf, or fails (ENOSPC included) with a clear message. */
int atomic_write(struct atomic_file *af, const void *buf, size_t len,
                 struct err *e);

/* fsyncs the file's bytes without naming it yet: for a caller that must
 * record something durably (a store commit) between the bytes being safe
 * and the file appearing under its name.  0, or -1 with e (EXIT_INPUT);
 * the file stays open and unnamed either way (atomic_abort removes it). */
int atomic_sync(struct atomic_file *af, struct err *e);

/* fsyncs, moves the file into place, fsyncs the folder. On failure the
 * temporary file is removed and nothing is left at path (with overwrite,
 * a failure of the last folder fsync leaves the new file in place and
 * says so). */
int atomic_commit(struct atomic_file *af, struct err *e);

/* A new file without a name (O_TMPFILE, 0600) in $TMPDIR or /tmp, open
 * for reading and writing into *fd: it is gone when closed, whatever
 * happens.  EXIT_INPUT when the file system there cannot make one. */
int temp_file_anonymous(int *fd, struct err *e);

/* Copies everything in from (read from offset 0, with pread) to to.
 * 0, or -1 with e holding the system's words. */
int fd_copy(int to, int from, struct err *e);

/* Removes the temporary file; safe to call after a failed commit. */
void atomic_abort(struct atomic_file *af);

/* Writes buf to path atomically (the helpers above in one call). */
int file_write_atomic(const char *path, const void *buf, size_t len,
                      int overwrite, struct err *e);

/* A new folder that appears as its final name only when complete:
 * created as FILEIO_TMP_PREFIX... beside it, locked while it is filled. */
struct temp_dir {
    char path[4096];     /* the temporary folder, or "" */
    int lock;            /* its descriptor, holding the flock; -1 if none */
    char note[4096];     /* its note (temp_dir_note), or "" */
    int note_lock;       /* the note's descriptor, holding the flock; -1 if none */
};

/* Creates the temporary folder for final (which must not exist; EXIT_INPUT
 * if it does), after removing what killed writers left beside it. */
int temp_dir_open(struct temp_dir *td, const char *final, struct err *e);

/* fsyncs the folder, moves it to final (never over an existing one) and
 * fsyncs final's parent. */
int temp_dir_commit(struct temp_dir *td, const char *final, struct err *e);

/* Removes the temporary folder and the files in it; safe after commit. */
void temp_dir_abort(struct temp_dir *td);

/* Removes from folder dir what killed writers left there (see above). */
void fileio_sweep(const char *dir);

/* Leaves a note of td in folder notes (the store folder), so that a kill
 * while td is filled with decrypted files leaves them only until the next
 * command of that store, wherever td is (fileio_sweep alone finds them only
 * when something is written into the same folder again).  The note is a
 * file FILEIO_TMP_PREFIX "away-" and 16 hex digits, 0600, holding td's
 * absolute path, fsynced, locked while this process runs; temp_dir_commit
 * and temp_dir_abort remove it.  0, or -1 with e (EXIT_INPUT): the caller
 * then aborts td before writing anything into it. */
int temp_dir_note(struct temp_dir *td, const char *notes, struct err *e);

/* For each note in folder notes whose writer is gone: removes what killed
 * writers left in the folder that holds the noted path (fileio_sweep),
 * then the note.  Run before fileio_sweep(notes), which would take the
 * notes away unread. */
void fileio_sweep_noted(const char *notes);

/* Writes all of buf to fd, retrying short writes and EINTR. */
int fd_write_all(int fd, const void *buf, size_t len);

/* Reads up to len bytes from fd, retrying short reads; returns the count
 * read (less than len only at end of file) or -1 on error. */
ssize_t fd_read_full(int fd, void *buf, size_t len);

/* Opens path for reading into *fd only if it is a regular file: a FIFO, a
 * device, a socket or a folder is refused before it is opened, so nothing
 * waits for a writer that never comes (EXIT_INPUT: "PATH is not a regular
 * file: it is a named pipe (FIFO)"). nofollow refuses a symbolic link
 * too. what names the file in messages ("image", "keyslot file"), or NULL
 * for none. */
int file_open_regular(int *fd, const char *path, int nofollow, const char *what,
                      struct err *e);

/* Reads a whole regular file (not a symbolic link) of at most max bytes
 * into a malloc buffer (with a NUL after the data). what names the file
 * in messages. */
int file_read_all(const char *path, size_t max, unsigned char **out,
                  size_t *outlen, const char *what, struct err *e);

/* 1 if a file written at path would land in folder or in any folder under
 * it at any depth (symbolic links and "." resolved: the real folders are
 * compared by device and inode), 0 if not, -1 if path's folder or folder
 * cannot be resolved (then the write itself says why). */
int file_lands_in(const char *path, const char *folder);

/* fsyncs the folder that holds path. */
int fsync_parent(const char *path, struct err *e);

/* Bytes an unprivileged writer may still use on the file system holding
 * dir (statvfs: f_bavail * f_frsize); UINT64_MAX when it cannot be told
 * (statvfs failed, or a file system that keeps no count of its blocks,
 * as ramfs: f_blocks 0), so a caller's check of room up front never refuses
 * on a guess: the write itself still reports a full disk. */
uint64_t fileio_free_bytes(const char *dir);

#endif
