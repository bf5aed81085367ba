/* File systems that vanish at shutdown (statfs, /proc/self/mounts). */
#include <errno.h>
#include <limits.h>
#include <linux/magic.h>
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/vfs.h>

#include "util/fsinfo.h"

/* The file system type of path (statfs f_type), or 0 when unknown. */
static unsigned long fs_type(const char *path)
{
    struct statfs sf;

    return statfs(path, &sf) == 0 ? (unsigned long)sf.f_type : 0;
}

/* The name of an in-memory file system type, or NULL for any other. */
static const char *memory_kind(unsigned long type, int overlay)
{
    switch (type) {
    case TMPFS_MAGIC: return overlay ? "an overlay on tmpfs" : "tmpfs";
    case RAMFS_MAGIC: return overlay ? "an overlay on ramfs" : "ramfs";
    default: return NULL;
    }
}

/* Into out (PATH_MAX bytes): the real path of path or of the nearest
 * folder above it that exists. */
static int existing_ancestor(char *out, const char *path)
{
    char buf[PATH_MAX];
    char *slash;
    int n = snprintf(buf, sizeof buf, "%s", path);

    if (n < 0 || (size_t)n >= sizeof buf)
        return -1;
    while (realpath(buf, out) == NULL) {
        if (errno != ENOENT && errno != ENOTDIR)
            return -1;
        slash = strrchr(buf, '/');
        if (slash == NULL && strcmp(buf, ".") != 0)
            strcpy(buf, ".");
        else if (slash == buf && buf[1] != '\0')
            buf[1] = '\0';
        else if (slash != NULL && slash != buf)
            *slash = '\0';
        else
            return -1;
    }
    return 0;
}

/* Whether real path p lies in the mount point dir (n bytes long). */
static int under(const char *p, const char *dir, size_t n)
{
    if (strncmp(p, dir, n) != 0)
        return 0;
    return p[n] == '/' || p[n] == '\0' || (n == 1 && dir[0] == '/');
}

/* Into upper (PATH_MAX bytes): the upper folder of the overlay mounted
 * nearest above real path p, the last one listed when mounts are stacked. */
static int overlay_upper(char *upper, const char *p)
{
    char line[16384];   /* an overlay's line names every lower layer */
    struct mntent m, *mp;
    size_t best = 0, n;
    const char *opt;
    int found = 0;
    FILE *f = setmntent("/proc/self/mounts", "r");

    if (f == NULL)
        return -1;
    while ((mp = getmntent_r(f, &m, line, sizeof line)) != NULL) {
        n = strlen(mp->mnt_dir);
        if (n < best || !under(p, mp->mnt_dir, n))
            continue;
        best = n;
        opt = hasmntopt(mp, "upperdir");
        found = 0;
        if (strcmp(mp->mnt_type, "overlay") != 0 || opt == NULL ||
            strncmp(opt, "upperdir=", 9) != 0)
            continue;
        n = strcspn(opt + 9, ",");
        if (n == 0 || n >= PATH_MAX)
            continue;
        memcpy(upper, opt + 9, n);
        upper[n] = '\0';
        found = 1;
    }
    endmntent(f);
    return found ? 0 : -1;
}

const char *fs_volatile_kind(const char *path)
{
    char real[PATH_MAX], upper[PATH_MAX];
    unsigned long type;

    if (existing_ancestor(real, path) != 0)
        return NULL;
    type = fs_type(real);
    if (type == OVERLAYFS_SUPER_MAGIC)
        return overlay_upper(upper, real) == 0 ? memory_kind(fs_type(upper), 1) : NULL;
    return memory_kind(type, 0);
}
