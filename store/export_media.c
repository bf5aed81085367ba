/* An export's attachments: what metadata each holds and loses
 * (export/media.h), and their blobs as they go into the payload. Split
 * from store/export.c, whose pipeline it shares (store/export_int.h). */
#include "store/export_int.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "crypto/secmem.h"
#include "export/content.h"
#include "export/media.h"
#include "export/mediatext.h"
#include "export/mediatype.h"
#include "store/attach_read.h"
#include "store/db.h"
#include "store/export.h"
#include "util/intl.h"

static const char oom[] = N_("out of memory for the bundle contents");   /* err_set translates */

/* ---- Attachments' metadata (export/media.h) ---- */

static void note(struct audit_attachment *m, const struct media_report *rep)
{
    m->examined = 1;
    m->kinds = rep->kinds;
    snprintf(m->what, sizeof m->what, "%s", rep->what);
}

/* An attachment whose metadata cannot be removed stops the export; for
 * `intake redact` (a show callback) the record may not leave, in
 * redact's words and exit status, as for a type told from its first
 * bytes (store/export.c, texts_block; issue 12 A-11). */
static int refuse(const struct pipeline *p, const struct attachment_row *a,
                  const struct err *why, struct err *e)
{
    if (p->req->show != NULL)
        return err_set(e, EXIT_AUTH, "record %s may not leave the device: cannot remove the "
                       "metadata of attachment '%.100s': %.200s (--keep-metadata sends it as "
                       "stored)", a->record, a->name, why->msg);
    return err_set(e, why->code, "cannot remove the metadata of attachment '%.100s' of "
                   "record %s: %.200s; nothing was exported (--keep-metadata sends "
                   "attachments as stored)", a->name, a->record, why->msg);
}

/* The words the audit reads of attachment a, which leaves as stored
 * (--keep-metadata) and is not a photo or a recording: markup, or bytes
 * behind a magic intake refuses; into *words (sodium_malloc, the caller
 * frees with secmem_free) when they are UTF-8, else *words stays NULL:
 * mediatext_audit_text of plain text, mediatext_words of the rest, as
 * intake audit reads them at headquarters (issue 12 A-17). text: its
 * first bytes are text (media_peek_find said 0): m then gets the
 * metadata check's verdict on all of it (audit_attachment_text). */
static int kept_words(struct pipeline *p, struct audit_attachment *m, int text,
                      const struct attachment_row *a, char **words, struct err *e)
{
    unsigned char *buf;
    enum mediatext_kind k;
    size_t len;
    int r = attach_read_utf8(p->s, a->record, a->name, e);

    /* Not UTF-8 (random bytes of an unknown type, say): no words, and the
     * file is not held whole for nothing (issue 17: export's memory). */
    if (r <= 0)
        return r;
    if (attach_read_whole(&buf, &len, p->s, a->record, a->name, a->size, e) != 0)
        return -1;
    k = mediatext_kind(buf, len);
    /* Text to the peek: the metadata check's one verdict on it, as
     * intake audit gives at headquarters (export/audit.h). */
    if (text)
        audit_attachment_text(m, k);
    if (len == 0)
        k = MEDIATEXT_NOT_UTF8;
    if (k == MEDIATEXT_PLAIN)            /* as store/audit.c, keep_text */
        *words = mediatext_audit_text((const char *)buf, len, NULL);
    else if (k != MEDIATEXT_NOT_UTF8 &&
             (*words = secmem_alloc(MEDIATEXT_WORDS_BYTES(len))) != NULL)
        mediatext_words(*words, buf, len);
    secmem_free(buf);
    return k != MEDIATEXT_NOT_UTF8 && *words == NULL
           ? err_set(e, EXIT_INPUT, "out of secure memory") : 0;
}

/* Strips the attachment unless m->kept (then *size and hash become those
 * of what leaves) and notes in m the metadata what leaves still holds.
 * Only a file whose walk needs every byte (a photo, a recording) is held
 * in memory whole; plain text, which has no metadata, and a file of a
 * type intake refuses are told from a stream, and *as_stored set when
 * plain text leaves as stored without --keep-metadata; *words as
 * kept_words. */
static int examine(struct pipeline *p, struct audit_attachment *m, const struct attachment_row *a,
                   unsigned char *hash, uint64_t *size, int *as_stored, char **words,
                   struct err *e)
{
    unsigned char *buf, head[MEDIA_PEEK_BYTES];
    struct media_report rep;
    struct err why;
    size_t len, nhead = 0;
    int r, nul;

    *as_stored = 0;
    if (a->size <= MEDIA_MAX_BYTES) {
        r = attach_read_peek(&rep, head, &nhead, p->s, a, &why, e);
        nul = memchr(head, 0, nhead) != NULL;
        sodium_memzero(head, sizeof head);
        if (r == -2)
            return -1;
        if (r == -1 && !m->kept)
            return refuse(p, a, &why, e);
        if (r == -1)
            snprintf(m->what, sizeof m->what, "%.399s", why.msg);
        else if (r == 0)
            note(m, &rep);
        *as_stored = r == 0 && !m->kept;
        /* A NUL among the first bytes: not UTF-8, no words to read (and
         * a large file of a refused type is never held whole for them). */
        if (r != 1)
            return m->kept && !nul ? kept_words(p, m, r == 0, a, words, e) : 0;
    }
    if (!m->kept) {
        if ((r = attach_read_stripped(&buf, &len, p->s, a->record, a->name, a->size, &why, e)) != 0)
            return r == -2 ? refuse(p, a, &why, e) : -1;
        crypto_generichash(hash, ATTACHMENT_HASHBYTES, buf, len, NULL, 0);
        *size = len;
    } else if (a->size > MEDIA_MAX_BYTES) {
        snprintf(m->what, sizeof m->what, "larger than %zu MiB", MEDIA_MAX_BYTES >> 20);
        return 0;
    } else if (attach_read_whole(&buf, &len, p->s, a->record, a->name, a->size, e) != 0) {
        return -1;
    }
    if (media_find(&rep, buf, len, &why) == 0)
        note(m, &rep);
    else
        snprintf(m->what, sizeof m->what, "%.399s", why.msg);
    secmem_free(buf);
    return 0;
}

static struct audit_attachment *media_add(struct pipeline *p, const char *record,
                                          const char *file, struct err *e)
{
    struct audit_attachment *m = realloc(p->media, (p->nmedia + 1) * sizeof *m);

    if (m == NULL) {
        err_set(e, EXIT_INPUT, oom);
        return NULL;
    }
    p->media = m;
    m += p->nmedia++;
    memset(m, 0, sizeof *m);
    snprintf(m->record, sizeof m->record, "%s", record);
    snprintf(m->file, sizeof m->file, "%s", file);
    m->kept = p->req->keep_metadata;
    return m;
}

/* A text attachment leaves as its redacted text (issue 13), whatever
 * --keep-metadata says: its words are testimony, not metadata. The text
 * rides in the list (as the body rides in the record) to be written, and
 * what the audit reads of it ("words": mediatext_audit_text) to be
 * audited; its name is attachment-N.txt, its type text/plain. */
static int list_text(struct pipeline *p, const struct attachment_row *a,
                     const struct redacted_text *t, struct err *e)
{
    char file[48], hex[2 * ATTACHMENT_HASHBYTES + 1], stored[2 * ATTACHMENT_HASHBYTES + 1];
    unsigned char hash[ATTACHMENT_HASHBYTES];
    struct audit_attachment *m;
    size_t nwords;
    char *words;
    int rc;

    snprintf(file, sizeof file, "attachment-%zu.txt", ++p->nfiles);
    if ((m = media_add(p, a->record, file, e)) == NULL)
        return -1;
    m->kept = 0;
    m->examined = 1;
    crypto_generichash(hash, sizeof hash, (const unsigned char *)t->red->text, t->red->len,
                       NULL, 0);
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    sodium_bin2hex(stored, sizeof stored, a->hash, sizeof hash);
    if ((words = mediatext_audit_text(t->red->text, t->red->len, &nwords)) == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    rc = json_array_append_new(p->cur, json_pack("{s:s, s:s, s:I, s:s, s:b, s:s, s:s, s:I, s:b, "
                               "s:s, s:s%, s:s%}", "file", file, "type", "text/plain",
                               "size", (json_int_t)t->red->len, "blake2b", hex, "gps", 0,
                               "metadata", "removed", "name", a->name, "stored",
                               (json_int_t)a->size, "as_stored", 0, "stored_blake2b", stored,
                               "text", t->red->text, t->red->len, "words", words, nwords));
    secmem_free(words);
    return rc != 0 ? err_set(e, EXIT_INPUT, oom) : 0;
}

/* The record's attachments, named attachment-N.ext: a file name can
 * identify a person. The stored name and size are kept to read the bytes;
 * size and hash are those of what leaves. */
int export_list_attachment(void *ctx, const struct attachment_row *a, struct err *e)
{
    struct pipeline *p = ctx;
    char file[48], hex[2 * ATTACHMENT_HASHBYTES + 1], stored[2 * ATTACHMENT_HASHBYTES + 1];
    unsigned char hash[ATTACHMENT_HASHBYTES];
    const struct redacted_text *t;
    struct audit_attachment *m;
    uint64_t size = a->size;
    char *words = NULL;
    int gps, as_stored, rc;

    if ((t = store_redacted_text(p->rr, a->name)) != NULL && t->kind == TEXT_REDACTED)
        return list_text(p, a, t, e);
    snprintf(file, sizeof file, "attachment-%zu.%s", ++p->nfiles, mediatype_extension(a->type));
    memcpy(hash, a->hash, sizeof hash);
    if ((m = media_add(p, a->record, file, e)) == NULL ||
        examine(p, m, a, hash, &size, &as_stored, &words, e) != 0) {
        secmem_free(words);
        return -1;
    }
    gps = (m->kinds & (1u << MEDIA_LOCATION)) != 0 || (m->kept && a->gps);
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    sodium_bin2hex(stored, sizeof stored, a->hash, sizeof hash);
    /* "words": what the audit reads of it (store/export.c, leaving_texts). */
    rc = json_array_append_new(p->cur, json_pack("{s:s, s:s, s:I, s:s, s:b, s:s, s:s, s:I, s:b, "
                               "s:s, s:s?}", "file", file, "type", a->type, "size",
                               (json_int_t)size, "blake2b", hex, "gps", gps,
                               "metadata", m->kept ? "kept" : "removed",
                               "name", a->name, "stored", (json_int_t)a->size,
                               "as_stored", as_stored, "stored_blake2b", stored,
                               "words", words));
    secmem_free(words);
    return rc != 0 ? err_set(e, EXIT_INPUT, oom) : 0;
}

/* ---- The bundle ---- */

static int blob_sink(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    return payload_item_write(ctx, buf, len, e);
}

/* An attachment's blob read from the store as it goes out, hashed to be
 * checked against what the audit saw. */
struct checked {
    struct payload_writer *pw;
    crypto_generichash_state h;
};

static int checked_sink(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    struct checked *c = ctx;

    crypto_generichash_update(&c->h, buf, len);
    return payload_item_write(c->pw, buf, len, e);
}

/* The blob of an attachment stripped of its metadata: stripped again (the
 * result is a function of the stored bytes) and checked against the hash
 * the audit saw and the signature will cover; plain text (as_stored)
 * streamed, and checked the same way once written (a mismatch fails the
 * export, and the bundle is not kept). */
static int write_stripped(struct pipeline *p, struct payload_writer *pw, const char *record,
                          const json_t *a, struct err *e)
{
    unsigned char *buf = NULL, want[ATTACHMENT_HASHBYTES], got[ATTACHMENT_HASHBYTES];
    const char *name = json_string_value(json_object_get(a, "name"));
    uint64_t size = (uint64_t)json_integer_value(json_object_get(a, "size"));
    struct checked c = { .pw = pw };
    size_t len;
    int rc;

    if (sodium_hex2bin(want, sizeof want, json_string_value(json_object_get(a, "blake2b")),
                       2 * sizeof want, NULL, NULL, NULL) != 0)
        return err_set(e, EXIT_INPUT, "attachment '%s' is damaged in the store", name);
    if (json_is_string(json_object_get(a, "text"))) {
        const json_t *t = json_object_get(a, "text");

        crypto_generichash(got, sizeof got, (const unsigned char *)json_string_value(t),
                           json_string_length(t), NULL, 0);
        if (sodium_memcmp(got, want, sizeof got) != 0)
            return err_set(e, EXIT_INPUT, "attachment '%s' changed during the export; nothing "
                           "was exported", name);
        return payload_item_begin(pw, PAYLOAD_BLOB, json_string_length(t), e) == 0 &&
               payload_item_write(pw, (const unsigned char *)json_string_value(t),
                                  json_string_length(t), e) == 0 ? 0 : -1;
    }
    if (json_is_true(json_object_get(a, "as_stored"))) {
        crypto_generichash_init(&c.h, NULL, 0, sizeof got);
        if (payload_item_begin(pw, PAYLOAD_BLOB, size, e) != 0 ||
            store_attachment_read(p->s, record, name, 0, checked_sink, &c, e) != 0)
            return -1;
        crypto_generichash_final(&c.h, got, sizeof got);
        sodium_memzero(&c, sizeof c);
    } else {
        if (attach_read_stripped(&buf, &len, p->s, record, name,
                          (uint64_t)json_integer_value(json_object_get(a, "stored")), e, e) != 0)
            return -1;
        crypto_generichash(got, sizeof got, buf, len, NULL, 0);
    }
    if (sodium_memcmp(got, want, sizeof got) != 0)
        rc = err_set(e, EXIT_INPUT, "attachment '%s' changed during the export; nothing was "
                     "exported", name);
    else
        rc = buf == NULL || (payload_item_begin(pw, PAYLOAD_BLOB, len, e) == 0 &&
                             payload_item_write(pw, buf, len, e) == 0) ? 0 : -1;
    secmem_free(buf);
    return rc;
}

int export_write_attachments(struct pipeline *p, struct payload_writer *pw, const char *record,
                             json_t *atts, struct err *e)
{
    size_t i;
    json_t *a;

    json_array_foreach(atts, i, a) {
        json_t *head = json_pack("{s:s, s:O, s:O, s:O, s:O, s:O}", "record", record,
                                 "file", json_object_get(a, "file"), "type",
                                 json_object_get(a, "type"), "size", json_object_get(a, "size"),
                                 "blake2b", json_object_get(a, "blake2b"),
                                 "metadata", json_object_get(a, "metadata"));
        const char *name = json_string_value(json_object_get(a, "name"));
        int kept = strcmp(json_string_value(json_object_get(a, "metadata")), "kept") == 0;
        int rc = head == NULL ? err_set(e, EXIT_INPUT, oom)
                              : content_put_json(pw, PAYLOAD_ATTACHMENT, head, e);

        json_decref(head);
        if (rc == 0 && (!kept || json_is_string(json_object_get(a, "text"))))
            rc = write_stripped(p, pw, record, a, e);
        else if (rc == 0)
            rc = payload_item_begin(pw, PAYLOAD_BLOB,
                                    (uint64_t)json_integer_value(json_object_get(a, "size")), e) != 0 ||
                 store_attachment_read(p->s, record, name, 0, blob_sink, pw, e) != 0 ? -1 : 0;
        if (rc != 0)
            return -1;
    }
    return 0;
}

