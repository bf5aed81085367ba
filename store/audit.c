/* The audit of a received bundle (store/audit.h): the origin check, which
 * needs this store's contacts, then export/manifest's checks and the
 * attachment metadata check on each attachment's bytes. */
#include "store/audit.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "crypto/secmem.h"
#include "export/manifest.h"
#include "export/media.h"
#include "export/mediatext.h"
#include "store/db.h"
#include "store/import.h"
#include "store/tombstone.h"
#include "util/day.h"

/* Where the attachment being read stands. */
enum blob_state {
    BLOB_PEEK,                  /* its first bytes tell its type (media_peek); none kept */
    BLOB_HOLD,                  /* a type whose walk needs every byte: held in buf */
    BLOB_WORDS,                 /* a type intake refuses, examined: held in buf for its
                                 * words, if it is UTF-8 (keep_text) */
    BLOB_DONE                   /* examined already, or too large to: the rest is skipped */
};

/* What the bundle holds, kept until its signature is verified. */
struct collected {
    json_t *header, *records;
    size_t attachments;
    struct audit_attachment *media;      /* the metadata found in each attachment */
    enum blob_state state;
    struct media_peek pk;                /* the attachment's first bytes */
    unsigned char *buf;                  /* BLOB_HOLD: the attachment (sodium_malloc) */
    size_t have, cap;                    /* bytes read of it; its size */
    struct audit_text *texts;            /* the text attachments (issue 13): their */
    size_t ntexts;                       /* words, sodium_malloc, checked as bodies */
};

static int on_header(void *ctx, json_t *doc, struct err *e)
{
    struct collected *c = ctx;

    (void)e;
    c->header = json_incref(doc);
    return 0;
}

static int on_record(void *ctx, json_t *rec, struct err *e)
{
    struct collected *c = ctx;

    return json_array_append(c->records, rec) == 0 ? 0
           : err_set(e, EXIT_INPUT, "out of memory reading the bundle");
}

/* Each attachment is read piece by piece: its first bytes tell its type
 * (media_peek_add), plain text (nothing to strip) is read through without
 * being kept, and only a type whose walk needs the whole file (images,
 * audio, media_peek_find) is held (at most MEDIA_MAX_BYTES, in wiped
 * memory) until its end, then examined and let go. */
static int on_blob(void *ctx, json_t *head, struct err *e)
{
    struct collected *c = ctx;
    struct audit_attachment *m = realloc(c->media, (c->attachments + 1) * sizeof *m);
    json_int_t size = json_integer_value(json_object_get(head, "size"));
    const char *kept = json_string_value(json_object_get(head, "metadata"));

    if (m == NULL)
        return err_set(e, EXIT_INPUT, "out of memory reading the bundle");
    c->media = m;
    m += c->attachments++;
    memset(m, 0, sizeof *m);
    snprintf(m->record, sizeof m->record, "%s", json_string_value(json_object_get(head, "record")));
    snprintf(m->file, sizeof m->file, "%s", json_string_value(json_object_get(head, "file")));
    m->kept = kept != NULL && strcmp(kept, "kept") == 0;
    c->have = 0;
    c->cap = (size_t)size;
    c->state = BLOB_PEEK;
    sodium_memzero(&c->pk, sizeof c->pk);
    if ((uint64_t)size > MEDIA_MAX_BYTES) {
        snprintf(m->what, sizeof m->what, "larger than %zu MiB", MEDIA_MAX_BYTES >> 20);
        c->state = BLOB_DONE;
    } else if ((c->buf = secmem_alloc(c->cap + 1)) == NULL) {
        return err_set(e, EXIT_INPUT, "out of secure memory");
    }
    return 0;
}

/* Keeps the words of the attachment just read (c->buf[0..have)) for the
 * residual checks: plain UTF-8 as mediatext_audit_text reads it (a
 * table's cells together, issue 12 A-23); other valid UTF-8 (markup, text
 * with controls, text behind a magic intake refuses, as kept with
 * --keep-metadata) as mediatext_words reads it (issue 12 A-17); bytes
 * that are not UTF-8 not at all. A text attachment that is not plain
 * (refused is 0: it is text to the peek) is noted as not examined, why
 * it is not text intake redacts: the metadata check FAILs it (WARN when
 * kept). */
static int keep_text(struct collected *c, int refused, struct err *e)
{
    struct audit_attachment *m = &c->media[c->attachments - 1];
    enum mediatext_kind k = mediatext_kind(c->buf, c->have);
    struct audit_text *t;
    char *words = NULL;

    if (!refused)
        audit_attachment_text(m, k);
    if (k == MEDIATEXT_NOT_UTF8 || (refused && k == MEDIATEXT_PLAIN && c->have == 0))
        return 0;
    if (k != MEDIATEXT_PLAIN) {
        if ((words = secmem_alloc(MEDIATEXT_WORDS_BYTES(c->have))) == NULL)
            return err_set(e, EXIT_INPUT, "out of secure memory");
        mediatext_words(words, c->buf, c->have);
    } else if ((words = mediatext_audit_text((const char *)c->buf, c->have, NULL)) == NULL) {
        return err_set(e, EXIT_INPUT, "out of secure memory");
    }
    if ((t = realloc(c->texts, (c->ntexts + 1) * sizeof *t)) == NULL) {
        secmem_free(words);
        return err_set(e, EXIT_INPUT, "out of memory reading the bundle");
    }
    c->texts = t;
    t[c->ntexts].record = strdup(m->record);
    t[c->ntexts].file = m->file;
    t[c->ntexts].text = words;
    c->ntexts++;
    if (t[c->ntexts - 1].record == NULL)
        return err_set(e, EXIT_INPUT, "out of memory reading the bundle");
    return 0;
}

static void texts_free(struct collected *c)
{
    for (size_t i = 0; i < c->ntexts; i++) {
        free((void *)c->texts[i].record);
        secmem_free((void *)c->texts[i].text);
    }
    free(c->texts);
    c->texts = NULL;
    c->ntexts = 0;
}

/* What media_find (or media_peek_find) said of the current attachment:
 * rc 0 with rep, or -1 with why. */
static void examined(struct collected *c, int rc, const struct media_report *rep,
                     const struct err *why)
{
    struct audit_attachment *m = &c->media[c->attachments - 1];

    if (rc == 0) {
        m->examined = 1;
        m->kinds = rep->kinds;
        snprintf(m->what, sizeof m->what, "%s", rep->what);
    } else {
        snprintf(m->what, sizeof m->what, "%.399s", why->msg);
    }
    sodium_memzero(&c->pk, sizeof c->pk);
    c->state = BLOB_DONE;
}

/* The first bytes told the type (media_peek_add said no more can change
 * it) after seen bytes before buf[0..len): examines what needs no more,
 * or starts holding the file.  Those seen bytes are fewer than
 * MEDIA_PEEK_BYTES (a type is told by the first ones, the peek keeps
 * them); 0, or -1 with e when out of secure memory. */
static int peeked(struct collected *c, size_t seen, const unsigned char *buf, size_t len,
                  struct err *e)
{
    struct media_report rep;
    struct err why;
    int rc = media_peek_find(&rep, &c->pk, c->cap, &why);

    (void)buf, (void)len, (void)e;
    if (rc < 0 && c->buf != NULL && seen <= c->pk.nhead && !c->pk.nul) {
        examined(c, rc, &rep, &why);
        c->state = BLOB_WORDS;           /* buf holds every byte since the first */
        return 0;
    }
    if (rc <= 0) {
        examined(c, rc, &rep, &why);
        secmem_free(c->buf);
        c->buf = NULL;
        return 0;
    }
    if (seen > c->pk.nhead) {            /* media.c's promise broken: never guess */
        err_set(&why, EXIT_INPUT, "the attachment's type was told late");
        examined(c, -1, &rep, &why);
        secmem_free(c->buf);
        c->buf = NULL;
        return 0;
    }
    sodium_memzero(&c->pk, sizeof c->pk);   /* buf holds every byte since the first */
    c->state = BLOB_HOLD;
    return 0;
}

static int on_blob_data(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    struct collected *c = ctx;
    size_t seen = c->have;

    if (len > c->cap - c->have)            /* content.c checks sizes; never trust it twice */
        return err_set(e, EXIT_INPUT, "malformed bundle contents: an attachment longer "
                       "than its header");
    c->have += len;
    if (c->state != BLOB_DONE && c->buf != NULL)
        memcpy(c->buf + seen, buf, len);
    if (c->state == BLOB_PEEK && !media_peek_add(&c->pk, buf, len))
        return peeked(c, seen, buf, len, e);
    return 0;
}

static int on_blob_end(void *ctx, struct err *e)
{
    struct collected *c = ctx;
    struct media_report rep;
    struct err why;
    int rc;

    (void)e;
    if (c->state == BLOB_PEEK) {
        /* Plain text read through, or a file shorter than the bytes that
         * tell a type (then all of it is in the peek). */
        int text;

        rc = media_peek_find(&rep, &c->pk, c->have, &why);
        text = rc == 0;
        if (rc > 0)
            rc = c->have <= c->pk.nhead ? media_find(&rep, c->pk.head, c->have, &why)
                                        : err_set(&why, EXIT_INPUT, "the attachment's type was told late");
        examined(c, rc, &rep, &why);
        if (c->buf != NULL && (text || rc < 0) && keep_text(c, !text, e) != 0)
            return -1;
        secmem_free(c->buf);
        c->buf = NULL;
    } else if (c->state == BLOB_WORDS) {
        rc = keep_text(c, 1, e);
        secmem_free(c->buf);
        c->buf = NULL;
        c->state = BLOB_DONE;
        if (rc != 0)
            return -1;
    } else if (c->state == BLOB_HOLD) {
        examined(c, media_find(&rep, c->buf, c->have, &why), &rep, &why);
        secmem_free(c->buf);
        c->buf = NULL;
    }
    return 0;
}

static int read_collect(struct collected *c, struct bundle_info *info, struct store *s,
                        const char *path, struct err *e)
{
    struct content_handler h = { on_header, on_record, on_blob, on_blob_data, on_blob_end, c };
    struct opened_bundle b;
    int rc;

    rc = store_bundle_open(&b, s, path, e) == 0 && store_bundle_read(&b, &h, info, e) == 0
         ? 0 : -1;
    store_bundle_close(&b);
    return rc;
}

/* origin: the signature, commitment, chunks and padding were verified by
 * bundle_read; the sender must be a known contact. */
static int check_origin(struct audit_report *rep, struct store *s, const struct bundle_info *info,
                        const struct collected *c, struct err *e)
{
    char name[CONTACT_NAME_MAX + 1] = "";
    char key[2 * crypto_sign_PUBLICKEYBYTES + 1], head[2 * LOG_HASHBYTES + 1] = "";
    json_t *lh = json_object_get(c->header, "log_head");
    long long seq = (long long)json_integer_value(json_object_get(lh, "seq"));
    int level, verified = 0, c_ok;

    if (store_contact_by_sign_pk(name, sizeof name, &verified, s, info->sender_pk, e) != 0)
        return -1;
    sodium_bin2hex(key, sizeof key, info->sender_pk, sizeof info->sender_pk);
    snprintf(head, sizeof head, "%s", json_is_string(json_object_get(lh, "hash"))
             ? json_string_value(json_object_get(lh, "hash")) : "none");
    level = name[0] == '\0' ? AUDIT_FAIL : verified ? AUDIT_PASS : AUDIT_WARN;
    /* One whole sentence per case, so each is translated whole (util/intl.h). */
    if (name[0] == '\0')
        c_ok = audit_check_add(rep, "origin", level, 1, e,
                               "signed by an UNKNOWN key %s (add their card with 'intake contact add'); signature, key commitment, %zu recipient(s), every chunk and the padding verified; %zu attachment(s); sender's log head at export: entry %lld, %s",
                               key, info->nrecipients, c->attachments, seq, head);
    else if (verified)
        c_ok = audit_check_add(rep, "origin", level, 1, e,
                               "signed by contact '%s' (safety number compared); signature, key commitment, %zu recipient(s), every chunk and the padding verified; %zu attachment(s); sender's log head at export: entry %lld, %s",
                               name, info->nrecipients, c->attachments, seq, head);
    else
        c_ok = audit_check_add(rep, "origin", level, 1, e,
                               "signed by contact '%s' (NOT verified: compare safety numbers with 'intake contact verify'); signature, key commitment, %zu recipient(s), every chunk and the padding verified; %zu attachment(s); sender's log head at export: entry %lld, %s",
                               name, info->nrecipients, c->attachments, seq, head);
    if (c_ok < 0)
        return -1;
    return 0;
}

/* The checks over the content; a malformed manifest is a consistency FAIL. */
static int check_content(struct audit_report *rep, const struct collected *c, size_t k,
                         struct err *e)
{
    char day[DAY_BYTES];

    day_consent(day);
    if (manifest_audit_texts(rep, c->header, c->records, c->texts, c->ntexts, day, k, e) == 0)
        return audit_attachments(rep, c->media, c->attachments, e);
    if (e == NULL || e->code != EXIT_INPUT)
        return -1;
    /* Signed but inconsistent with itself: the manifest disagrees. */
    return audit_check_add(rep, "consistency", AUDIT_FAIL, json_array_size(c->records), e,
                           "%s", e->msg) < 0 ? -1 : 0;
}

/* here (adv16b N4), for a bundle this store imported before: a record
 * this store refuses now (a tombstone: withdrawn or deleted at the
 * source) FAILs, one whose subject's scope here is
 * newer WARNs (db_record_standing); added only when one does, so the
 * report of any other bundle is unchanged. */
static int check_here(struct audit_report *rep, struct store *s, const struct bundle_info *info,
                      const struct collected *c, struct err *e)
{
    size_t i, bad = 0;
    json_t *rec;
    char note[600];
    int at = -1, rc, seen = 0;

    /* Only a bundle imported before: one not yet imported may carry the
     * notices that let its records in (import says what it refuses). */
    if (store_import_seen(&seen, s, info->hash, sizeof info->hash, e) != 0)
        return -1;
    json_array_foreach(seen ? c->records : NULL, i, rec) {
        json_t *id = json_object_get(rec, "id");

        rc = db_record_standing(note, sizeof note, s, info->sender_pk, rec, e);
        if (rc < 0)
            return -1;
        if (rc == 0)
            continue;
        if (at < 0 && (at = audit_check_add(rep, "here", AUDIT_PASS, json_array_size(c->records),
                                            e, "%s", "")) < 0)
            return -1;
        bad += rc == 1;
        if (audit_item_add(rep, at, rc == 1 ? AUDIT_FAIL : AUDIT_WARN, json_string_value(id), NULL,
                           rc == 1 ? "refused" : "scope", NULL, 0, note, e) != 0)
            return -1;
    }
    if (at >= 0)
        audit_check_reason(rep, at, "%zu record(s) this store refuses (withdrawn or deleted at "
                           "the source), %zu with a newer consent scope here: do not use them "
                           "as this bundle has them", bad, rep->checks[at].nitems - bad);
    return 0;
}

int store_audit(struct audit_report *rep, struct store *s, const char *path, size_t k,
                struct err *e)
{
    struct collected c = { NULL, json_array(), 0, NULL, BLOB_DONE, { { 0 }, 0, 0, 0, { { { 0 }, 0, 0 }, 0 } }, NULL, 0, 0,
                           NULL, 0 };
    struct bundle_info info;
    int rc = -1;

    if (c.records == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    if (read_collect(&c, &info, s, path, e) != 0) {
        /* Nothing in it can be trusted: origin fails, nothing else is read. */
        if (e != NULL && e->code == EXIT_AUTH &&
            audit_check_add(rep, "origin", AUDIT_FAIL, 1, e, "%s", e->msg) >= 0)
            rc = 0;
    } else if (check_origin(rep, s, &info, &c, e) == 0 && check_content(rep, &c, k, e) == 0 &&
               check_here(rep, s, &info, &c, e) == 0) {
        memcpy(rep->bundle, info.hash, sizeof rep->bundle);
        rep->hashed = 1;
        rc = 0;
    }
    json_decref(c.header);
    json_decref(c.records);
    secmem_free(c.buf);
    sodium_memzero(&c.pk, sizeof c.pk);
    texts_free(&c);
    free(c.media);
    return rc;
}
