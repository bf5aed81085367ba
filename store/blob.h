/* Internal to store/: attachment bytes in chunk files beside the database
 * (store/blob.c; docs/FORMAT.md, "Attachment files"; SECURITY.md,
 * "Attachment files").
 *
 * Each attachment is one file, blobs/<name> in the store folder, whose
 * name is BLOB_NAME_CHARS hex digits of random bytes. It is encrypted with
 * ChaCha20-Poly1305 (crypto/bulk.h) under a random key of its own, kept
 * in the attachment's row of the encrypted database and nowhere else: the
 * file is noise without the database, and a wiped database makes every
 * file noise. A file is written whole (and synced, with its folder) before
 * the row that names it is committed; a file no committed row names (a
 * killed attach or migration) is wiped when an intake opens the store
 * alone, and a file whose row is deleted is wiped after the commit (the
 * table blob_gone remembers it until then, across a crash). */
#ifndef INTAKE_STORE_BLOB_H
#define INTAKE_STORE_BLOB_H

#include "store/db.h"

#define BLOB_DIR_NAME "blobs"
#define BLOB_ID_BYTES 16
#define BLOB_NAME_CHARS (2 * BLOB_ID_BYTES)
#define BLOB_KEYBYTES 32
#define BLOB_CHUNK (64u << 10)           /* plaintext bytes per chunk */
#define BLOB_HEAD_BYTES 16               /* "INTAKEBL", version 1, 7 zero bytes */

struct blob_writer;

/* Opens (making it if needed, 0700) the store's blobs folder and holds it
 * shared (flock) until store_close, so that another intake sweeps no file
 * this one is writing. 0, or -1 with e (EXIT_INPUT). */
int blob_dir_open(struct store *s, struct err *e);

/* After the schema is current: if this intake holds the store alone, wipes
 * every file no attachment names; in any case wipes the files of deleted
 * attachments (blob_gone). 0, or -1 with e (EXIT_INPUT) for an error that
 * is not the disk's refusal to remove a file (retried next time). */
int blob_tidy(struct store *s, struct err *e);

/* Wipes (overwrites, syncs, removes) the files blob_gone names, then
 * forgets them; best effort: what fails stays for the next time. */
void blob_sweep_gone(struct store *s);

/* Starts a new file: its name (BLOB_NAME_CHARS + 1 bytes, NUL-terminated)
 * and key (BLOB_KEYBYTES, sodium_malloc memory the caller owns) are
 * written to name and key. *w is freed by blob_finish or blob_discard.
 * 0, or -1 with e (EXIT_INPUT). */
int blob_create(struct blob_writer **w, char *name, unsigned char *key, struct store *s,
                struct err *e);

/* Adds len bytes of buf; memory stays at one chunk. 0, or -1 with e. */
int blob_write(struct blob_writer *w, const unsigned char *buf, size_t len, struct err *e);

/* Writes the last chunk and syncs the file and its folder; frees w
 * whatever happens (the file is removed on failure). 0, or -1 with e. */
int blob_finish(struct blob_writer *w, struct err *e);

/* Frees an unfinished writer and removes its file; NULL allowed. */
void blob_discard(struct blob_writer *w);

/* Passes the size bytes of file name (key: BLOB_KEYBYTES) to fn in pieces
 * of at most BLOB_CHUNK, each authenticated before it is passed. A file
 * missing, cut short, longer, or any chunk failing its tag is EXIT_INPUT
 * "attachment 'label' is damaged in the store"; an I/O error says so. fn
 * as for store_bytes_fn: a positive value stops reading and is returned. */
int blob_read(struct store *s, const char *name, const unsigned char *key, uint64_t size,
              const char *label, store_bytes_fn fn, void *ctx, struct err *e);

/* The path of file name of the store in dir, into out. 0, or -1 with e. */
int blob_path(char *out, size_t outlen, const char *dir, const char *name, struct err *e);

/* 1 if name is a file name blob_create makes (hex digits of the length). */
int blob_name_ok(const char *name);

/* Migration 16 -> 17's step: every attachment's chunks into a file, its
 * row naming the file, the chunks deleted; inside the migration's
 * transaction. 0, or -1 with e. */
int blob_migrate(struct store *s, struct err *e);

/* blob_dir_open, blob_migrate, blob_tidy and blob_sweep_gone, for
 * struct store's files (store/db.h): set by whoever allocates a store. */
extern const struct db_files blob_files;

#endif
