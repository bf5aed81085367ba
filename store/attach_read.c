/* Reading a stored attachment whole or peeking at it (store/attach_read.h):
 * moved here from store/export_media.c and store/attach_text.c, which
 * had a copy each. */
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

/* The UTF-8 check of attach_read_utf8, piece by piece: carry holds the
 * start of a character that the next piece ends. */
struct utf8_scan {
    unsigned char carry[4];
    size_t ncarry;
    int bad;
};

static int utf8_sink(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    struct utf8_scan *u = ctx;
    size_t n;

    (void)e;
    while (u->ncarry > 0 && len > 0) {
        u->carry[u->ncarry++] = *buf++;
        len--;
        if (mediatext_utf8_prefix(u->carry, u->ncarry) == u->ncarry)
            u->ncarry = 0;
        else if (u->ncarry == sizeof u->carry)
            return u->bad = 1;                  /* 1: stop reading */
    }
    n = mediatext_utf8_prefix(buf, len);
    if (len - n >= sizeof u->carry)
        return u->bad = 1;
    memcpy(u->carry, buf + n, len - n);
    u->ncarry = len - n;
    return 0;
}

int attach_read_utf8(struct store *s, const char *record, const char *name, struct err *e)
{
    struct utf8_scan u;
    int r;

    memset(&u, 0, sizeof u);
    r = store_attachment_read(s, record, name, 1, utf8_sink, &u, e);
    r = r < 0 ? -1 : !u.bad && u.ncarry == 0;
    sodium_memzero(&u, sizeof u);
    return r;
}
