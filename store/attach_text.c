/* A record's text attachments redacted with its rules (issue 13, NEW-4):
 * the same redactor, protected terms, pseudonyms and numbering as the
 * body; their review flags block the record as the body's do. Split from
 * store/privacy.c; reads attachments only through store_attachment_read
 * (their storage is store/attach.c's). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "crypto/secmem.h"
#include "export/media.h"
#include "export/mediatext.h"
#include "export/mediatype.h"
#include "privacy/redact.h"
#include "store/attach_read.h"
#include "store/store.h"

struct texts {
    struct redacted_record *out;
    struct store *s;
    const struct redactor *r;
    size_t seen;                /* attachments met, texts or not */
};

/* 1 if attachment a is text by its first bytes (media_peek_find says
 * 0), 2 if it is UTF-16 (mediatext_utf16): a byte order mark (FF FE, which
 * media_peek_find also takes for an MPEG audio frame, or FE FF), or NUL
 * bytes in one position of its pairs in a file of no type intake knows,
 * and UTF-16 text throughout (attach_read_utf16: random bytes pass the
 * first bytes' test about once in 1,200 files; issue 17);
 * 3 if it is of a type intake cannot strip (why), 0 if it is none of these
 * (a picture or a recording media_peek_find knew by its magic is never
 * read as UTF-16 by its NUL bytes: report-adv35f R-1, a JFIF header of
 * density 1 dpi looked like UTF-16BE), -1 with e if it cannot be read. */
static int is_text(struct store *s, const struct attachment_row *a, struct err *why,
                   struct err *e)
{
    unsigned char head[MEDIA_PEEK_BYTES];
    struct media_report rep;
    size_t nhead = 0;
    int r = attach_read_peek(&rep, head, &nhead, s, a, why, e);

    int u;

    if (r == -2)
        r = -1;
    else if (r != 0 && mediatext_utf16(head, nhead) &&
             (r < 0 || (nhead >= 2 && (head[0] == 0xff || head[0] == 0xfe) && head[1] == (head[0] ^ 1))) &&
             (u = attach_read_utf16(s, a->record, a->name, head, nhead, e)) != 0)
        r = u < 0 ? -1 : 2;
    else
        r = r == 0 ? 1 : r < 0 ? 3 : 0;
    sodium_memzero(head, sizeof head);
    return r;
}

static struct redacted_text *add(struct redacted_record *out, const char *name,
                                 enum text_kind kind, struct err *e)
{
    struct redacted_text *t = realloc(out->texts, (out->ntexts + 1) * sizeof *t);

    if (t == NULL) {
        err_set(e, EXIT_INPUT, "out of memory");
        return NULL;
    }
    out->texts = t;
    t += out->ntexts;
    memset(t, 0, sizeof *t);
    if ((t->name = strdup(name)) == NULL) {
        err_set(e, EXIT_INPUT, "out of memory");
        return NULL;
    }
    t->kind = kind;
    out->ntexts++;
    return t;
}

static enum text_kind kind_of(enum mediatext_kind k)
{
    return k == MEDIATEXT_PLAIN ? TEXT_REDACTED : k == MEDIATEXT_MARKUP ? TEXT_MARKUP
           : k == MEDIATEXT_CONTROL ? TEXT_CONTROL : TEXT_NOT_UTF8;
}

static int take_text(void *ctx, const struct attachment_row *a, struct err *e)
{
    struct texts *x = ctx;
    unsigned char *buf = NULL;
    size_t len;
    struct redacted_text *t;
    enum mediatext_kind k;
    int r, rc = -1;

    struct err why;

    x->seen++;
    if (a->size > MEDIA_MAX_BYTES) {
        err_set(&why, EXIT_INPUT, "larger than %zu MiB, the most intake strips in memory",
                MEDIA_MAX_BYTES >> 20);
        r = 3;
    } else if ((r = is_text(x->s, a, &why, e)) < 0) {
        return -1;
    } else if (r == 0) {
        /* A photo or a recording: what export does to it, done here too,
         * so that one whose metadata cannot be removed (a video MP4) is
         * on the record's list of what may not leave (brief i16-exp). */
        r = attach_read_stripped(&buf, &len, x->s, a->record, a->name, a->size, &why, e);
        secmem_free(buf);
        buf = NULL;
        if (r != -2)
            return r;
        r = 3;
    }
    if (r == 2 || r == 3) {
        if ((t = add(x->out, a->name, r == 2 ? TEXT_NOT_UTF8 : TEXT_UNSTRIPPABLE, e)) == NULL)
            return -1;
        snprintf(t->file, sizeof t->file, "attachment-%zu.%s", x->seen,
                 mediatype_extension(a->type));
        if (r == 3)
            snprintf(t->why, sizeof t->why, "%.199s", why.msg);
        return 0;
    }
    if (attach_read_whole(&buf, &len, x->s, a->record, a->name, a->size, e) != 0)
        return -1;
    k = mediatext_kind(buf, len);
    if ((t = add(x->out, a->name, kind_of(k), e)) == NULL)
        goto out;
    snprintf(t->file, sizeof t->file, "attachment-%zu.%s", x->seen,
             k == MEDIATEXT_PLAIN ? "txt" : mediatype_extension(a->type));
    if (k == MEDIATEXT_PLAIN) {
        if ((t->red = calloc(1, sizeof *t->red)) == NULL) {
            err_set(e, EXIT_INPUT, "out of memory");
            goto out;
        }
        if (redactor_run(t->red, x->r, x->out->ctx, (const char *)buf, len, e) != 0)
            goto out;
        for (size_t i = 0; i < t->red->nflags; i++)
            x->out->unresolved += t->red->flags[i].allowed == 0;
    }
    rc = 0;
out:
    secmem_free(buf);
    return rc;
}

int store_record_redact_texts(struct redacted_record *out, struct store *s,
                              const struct redactor *r, const char *record, struct err *e)
{
    struct texts x = { out, s, r, 0 };

    if (out->ctx == NULL)
        return err_set(e, EXIT_INPUT, "the record was not redacted");
    return store_attachment_each(s, record, take_text, &x, e);
}

const struct redacted_text *store_redacted_text(const struct redacted_record *out,
                                                const char *name)
{
    for (size_t i = 0; out != NULL && i < out->ntexts; i++)
        if (strcmp(out->texts[i].name, name) == 0)
            return &out->texts[i];
    return NULL;
}
