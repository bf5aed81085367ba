/* Attaching a file to a record (README, "Sending testimony to
 * headquarters"): the file's name, media type and location flag are read
 * from the file itself, its bytes streamed into the store in one
 * transaction, and, when asked, the original removed only after the
 * stored copy has been read back and checked. */
#ifndef INTAKE_STORE_ATTACH_H
#define INTAKE_STORE_ATTACH_H

#include <sys/stat.h>

#include "store/store.h"
#include "util/err.h"

/* A file about to be attached. */
struct attach_source {
    int fd;                              /* -1 when closed */
    struct stat st;                      /* at opening; checked before removal */
    const char *path;                    /* as given (not copied) */
    char name[ATTACHMENT_NAME_MAX + 1];  /* the file's base name */
    const char *type;                    /* media type from its first bytes */
    int gps;                             /* a photo holding a location (EXIF GPS) */
};

/* Opens path (a regular file), names it after its base name and reads
 * its first EXIF_SCAN_BYTES bytes (into sodium_malloc memory, wiped) for
 * the type and the location flag. EXIT_INPUT if it cannot be opened or
 * read, is no regular file (a FIFO is refused without waiting), or its
 * name is longer than ATTACHMENT_NAME_MAX bytes. With remove (the original
 * is to be removed afterwards) a symbolic link, and a file with other hard
 * links, are refused too: removing that name would keep the recording.
 * Close src whatever happens. */
int attach_source_open(struct attach_source *src, const char *path, int remove,
                       struct err *e);

/* Closes the file; a closed src is fine. */
void attach_source_close(struct attach_source *src);

/* Streams the file into the store as an attachment of record, in one
 * transaction (memory stays at one ATTACHMENT_CHUNK bytes, in sodium_malloc
 * memory), and logs it; hash receives the BLAKE2b-256 of the bytes stored
 * (ATTACHMENT_HASHBYTES). EXIT_INPUT, with nothing stored, for an unknown
 * record, a name the record already has, bytes it already has under
 * another name (adv16 B-2), a read error, or a disk without
 * about twice the file's size free (checked first), or a file that
 * changed while it was read (its size, modification or change time not
 * what attach_source_open saw, or fewer or more bytes read than its size:
 * "FILE changed while it was read ...; nothing was attached"). */
int store_attach(unsigned char *hash, struct store *s, const char *record,
                 const struct attach_source *src, struct err *e);

/* Removes the original after store_attach: reads the stored copy back,
 * compares its hash with hash, checks the file did not change meanwhile
 * (inode, size, modification and change times, still its only name, and
 * its bytes, read again through src->fd, still hash to hash), unlinks it
 * and syncs its folder. src must still be open.
 * EXIT_INPUT, with the file kept, when any check fails. */
int store_attach_remove_source(struct store *s, const char *record,
                               const struct attach_source *src,
                               const unsigned char *hash, struct err *e);

#endif
