/* A stored attachment read into memory or peeked at, for the steps that
 * look at its bytes before it leaves: the text attachments' redaction
 * (store/attach_text.c) and export's metadata removal
 * (store/export_media.c). One place for both (issue 13). Internal to
 * store/. */
#ifndef INTAKE_STORE_ATTACH_READ_H
#define INTAKE_STORE_ATTACH_READ_H

#include <stddef.h>
#include <stdint.h>

#include "export/media.h"
#include "store/store.h"
#include "util/err.h"

/* Attachment name of record, of size bytes as its row says, read whole
 * (its hash checked) into *buf, sodium_malloc memory of size + 1 bytes
 * (room for a NUL) that the caller frees with secmem_free; *len receives
 * the bytes read. The callers keep size at most MEDIA_MAX_BYTES: nothing
 * is ever written to a file. 0, or -1 with e (the store's error reading
 * it, "damaged" when it holds more than size bytes, out of secure memory;
 * *buf is then NULL). */
int attach_read_whole(unsigned char **buf, size_t *len, struct store *s, const char *record,
                      const char *name, uint64_t size, struct err *e);

/* Attachment name of record (size bytes) as it leaves without
 * --keep-metadata: read whole as attach_read_whole, then its metadata
 * removed in place (media_strip, export/media.h); *buf and *len as
 * attach_read_whole. 0; -1 with e when it cannot be read from the store
 * (the store's own message); -2 with why when its metadata cannot be
 * removed (larger than MEDIA_MAX_BYTES, too large to hold in memory; a
 * type or structure intake refuses): *buf is then NULL. The one test of
 * "cannot remove the metadata" that redact's list of what may not leave
 * (store/attach_text.c) and export's writer (store/export_media.c) share. */
int attach_read_stripped(unsigned char **buf, size_t *len, struct store *s, const char *record,
                         const char *name, uint64_t size, struct err *why, struct err *e);

/* What media_find would say of attachment a (at most MEDIA_MAX_BYTES)
 * from as few of its bytes as tell it, streamed from the store: 1, 0 or
 * -1 with why as media_peek_find; -2 with e if it cannot be read. If
 * head is not NULL, its first MEDIA_PEEK_BYTES bytes are copied there
 * (*nhead of them: fewer in a shorter file). */
int attach_read_peek(struct media_report *rep, unsigned char *head, size_t *nhead,
                     struct store *s, const struct attachment_row *a, struct err *why,
                     struct err *e);

/* 1 if attachment name of record is UTF-8 throughout as mediatext_kind
 * reads it (no NUL), 0 if it is not; streamed from the store in its
 * pieces, so that a file that is not text is never held whole: reading
 * stops at the first byte that is not UTF-8 (the hash is checked only
 * when every byte was read).  Holds at most 3 of its bytes beyond the
 * store's piece (wiped).  -1 with e if it cannot be read or is damaged. */
int attach_read_utf8(struct store *s, const char *record, const char *name, struct err *e);

/* 1 if attachment name of record, whose first bytes head[0..nhead)
 * mediatext_utf16 takes for UTF-16, is UTF-16 text throughout
 * (mediatext_utf16_end), 0 if it is not (random bytes pass the first
 * bytes' test about once in 1,200 files: issue 17); streamed as
 * attach_read_utf8, reading stops at the first code unit that is not
 * text. -1 with e if it cannot be read or is damaged. */
int attach_read_utf16(struct store *s, const char *record, const char *name,
                      const unsigned char *head, size_t nhead, struct err *e);

#endif
