/* Reading a stored attachment whole, stripped of its metadata, or peeking
 * at it (store/attach_read.h): moved here from store/export_media.c and
 * store/attach_text.c, which had a copy each. */
#include "store/attach_read.h"

#include <string.h>

#include <sodium.h>

#include "crypto/secmem.h"
#include "export/mediatext.h"

struct fill {
    unsigned char *buf;
    size_t have, cap;
};

static int fill_sink(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    struct fill *f = ctx;

    if (len > f->cap - f->have)
        return err_set(e, EXIT_INPUT, "an attachment is damaged in the store (longer "
                       "than its size)");
    memcpy(f->buf + f->have, buf, len);
    f->have += len;
    return 0;
}

int attach_read_whole(unsigned char **buf, size_t *len, struct store *s, const char *record,
                      const char *name, uint64_t size, struct err *e)
{
    struct fill f = { NULL, 0, (size_t)size };

    *buf = NULL;
    if ((f.buf = secmem_alloc(f.cap + 1)) == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    if (store_attachment_read(s, record, name, 1, fill_sink, &f, e) != 0) {
        secmem_free(f.buf);
        return -1;
    }
    *buf = f.buf;
    *len = f.have;
    return 0;
}

static int peek_sink(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    (void)e;
    return media_peek_add(ctx, buf, len) ? 0 : 1;        /* 1: enough is read */
}

int attach_read_peek(struct media_report *rep, unsigned char *head, size_t *nhead,
                     struct store *s, const struct attachment_row *a, struct err *why,
                     struct err *e)
{
    struct media_peek pk;
    int r;

    memset(&pk, 0, sizeof pk);
    r = store_attachment_read(s, a->record, a->name, 0, peek_sink, &pk, e) < 0 ? -2
        : media_peek_find(rep, &pk, a->size, why);
    if (head != NULL) {
        memcpy(head, pk.head, pk.nhead);
        *nhead = pk.nhead;
    }
    sodium_memzero(&pk, sizeof pk);
    return r;
}

static int utf8_sink(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    (void)e;
    return mediatext_utf8_add(ctx, buf, len) ? 0 : 1;     /* 1: stop reading */
}

int attach_read_utf8(struct store *s, const char *record, const char *name, struct err *e)
{
    struct mediatext_utf8 u;
    int r;

    memset(&u, 0, sizeof u);
    r = store_attachment_read(s, record, name, 1, utf8_sink, &u, e);
    return mediatext_utf8_end(&u) && r >= 0 ? 1 : r < 0 ? -1 : 0;
}

static int utf16_sink(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    (void)e;
    return mediatext_utf16_add(ctx, buf, len) ? 0 : 1;    /* 1: stop reading */
}

int attach_read_utf16(struct store *s, const char *record, const char *name,
                      const unsigned char *head, size_t nhead, struct err *e)
{
    struct mediatext_utf16 u;
    int r;

    if (!mediatext_utf16_start(&u, head, nhead))
        return 0;
    r = store_attachment_read(s, record, name, 1, utf16_sink, &u, e);
    return mediatext_utf16_end(&u) && r >= 0 ? 1 : r < 0 ? -1 : 0;
}

int attach_read_stripped(unsigned char **buf, size_t *len, struct store *s, const char *record,
                         const char *name, uint64_t size, struct err *why, struct err *e)
{
    *buf = NULL;
    if (size > MEDIA_MAX_BYTES) {
        err_set(why, EXIT_INPUT, "larger than %zu MiB, the most intake strips in memory",
                MEDIA_MAX_BYTES >> 20);
        return -2;
    }
    if (attach_read_whole(buf, len, s, record, name, size, e) != 0)
        return -1;
    if (media_strip(*buf, len, NULL, why) != 0) {
        secmem_free(*buf);
        *buf = NULL;
        return -2;
    }
    return 0;
}
