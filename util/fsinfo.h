/* Whether a folder lives on a file system that keeps nothing across a
 * shutdown, for `intake init`'s warning (issue 19). */
#ifndef INTAKE_FSINFO_H
#define INTAKE_FSINFO_H

/* Names the file system that holds path (or, when path does not exist
 * yet, the nearest folder above it that does) when that file system lives
 * in memory and is erased at shutdown: "tmpfs", "ramfs", or "an overlay on
 * tmpfs" / "an overlay on ramfs" (a live system such as Tails without
 * Persistent Storage: its writable layer is in memory, found through the
 * overlay's upperdir in /proc/self/mounts). Returns a static string, or
 * NULL when the file system keeps its data or cannot be told (a path that
 * cannot be resolved, an overlay whose upper folder is out of sight): a
 * warning, never a refusal, hangs on it. Magic numbers from
 * <linux/magic.h>. */
const char *fs_volatile_kind(const char *path);

#endif
