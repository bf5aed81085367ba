/* libFuzzer: any bytes as an attachment of a received bundle, examined
 * for metadata (export/media.h): read only, never written. The same bytes
 * fed to a media_peek, in pieces whose size the first byte picks, tell
 * what media_find tells (export decides from them what to hold whole).
 * The bytes are also told as text (export/mediatext.h), whole and in
 * pieces. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "export/media.h"
#include "crypto/secmem.h"
#include "export/mediatext.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* media_peek_find agrees with media_find's result rc, error e or report r. */
static void check_peek(const uint8_t *data, size_t size, int rc, const struct media_report *r,
                       const struct err *e)
{
    struct media_peek pk;
    struct media_report pr;
    struct err pe;
    size_t step = size > 0 ? (size_t)data[0] % 23 + 1 : 1, fed = 0;
    int p;

    memset(&pk, 0, sizeof pk);
    while (fed < size) {
        size_t n = size - fed < step ? size - fed : step;

        fed += n;
        if (!media_peek_add(&pk, data + fed - n, n))
            break;
    }
    p = media_peek_find(&pr, &pk, size, &pe);
    if ((p == -1 && (rc != -1 || strcmp(pe.msg, e->msg) != 0)) ||
        (p == 0 && (rc != 0 || fed != size || r->kinds != 0 || strcmp(pr.format, "text") != 0)))
        abort();
}

/* What the audit reads of a text (issue 12 ): the
 * views of any bytes are UTF-8 without controls, within their bound; a
 * UTF-8 text's reading as a table holds the text first. */
static void check_words(const uint8_t *data, size_t size)
{
    char *w = malloc(MEDIATEXT_WORDS_BYTES(size)), *t;
    size_t n, m;
    enum mediatext_kind k;

    if (w == NULL)
        abort();
    n = mediatext_words(w, data, size);
    k = mediatext_kind((const unsigned char *)w, n);
    if (n >= MEDIATEXT_WORDS_BYTES(size) || w[n] != '\0' || strlen(w) != n ||
        k == MEDIATEXT_NOT_UTF8 || k == MEDIATEXT_CONTROL)
        abort();
    free(w);
    if (mediatext_kind(data, size) == MEDIATEXT_NOT_UTF8)
        return;
    if ((t = mediatext_audit_text((const char *)data, size, &m)) == NULL)
        abort();
    if (strlen(t) != m || m < size || memcmp(t, data, size) != 0 ||
        mediatext_kind((const unsigned char *)t, m) == MEDIATEXT_NOT_UTF8)
        abort();
    secmem_free(t);
}

/* The piecewise UTF-8 check (issue 17: export tells a kept file's
 * text from a stream) agrees with mediatext_kind, in pieces whose size
 * the last byte picks. */
static void check_utf8_pieces(const uint8_t *data, size_t size)
{
    struct mediatext_utf8 u;
    size_t step = size > 0 ? (size_t)data[size - 1] % 7 + 1 : 1, fed = 0;

    memset(&u, 0, sizeof u);
    while (fed < size) {
        size_t n = size - fed < step ? size - fed : step;

        (void)mediatext_utf8_add(&u, data + fed, n);
        fed += n;
    }
    if (mediatext_utf8_end(&u) != (mediatext_kind(data, size) != MEDIATEXT_NOT_UTF8))
        abort();
}

/* Whether bytes are text at all (issue 17: random bytes were refused as
 * text that is not UTF-8), and whether UTF-16 is so throughout: in pieces
 * whose size the last byte picks, as whole. */
static void check_sniff_pieces(const uint8_t *data, size_t size)
{
    struct mediatext_sniff s;
    struct mediatext_utf16 u, w;
    size_t step = size > 0 ? (size_t)data[size - 1] % 11 + 1 : 1, fed = 0;
    int more = 1, whole16;

    memset(&s, 0, sizeof s);
    mediatext_utf16_start(&u, data, size < 16 ? size : 16);
    mediatext_utf16_start(&w, data, size < 16 ? size : 16);
    mediatext_utf16_add(&w, data, size);
    whole16 = mediatext_utf16_end(&w);
    while (fed < size) {
        size_t n = size - fed < step ? size - fed : step;

        if (more)
            more = mediatext_sniff_add(&s, data + fed, n);
        (void)mediatext_utf16_add(&u, data + fed, n);
        fed += n;
    }
    if (mediatext_sniff_end(&s) != mediatext_binary(data, size) ||
        mediatext_utf16_end(&u) != whole16 ||
        (mediatext_binary(data, size) && mediatext_kind(data, size) != MEDIATEXT_NOT_UTF8))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct media_report r;
    struct err e;
    char kinds[200];
    int rc;

    if (sodium_init() < 0)
        abort();
    if ((rc = media_find(&r, data, size, &e)) == 0) {
        media_kinds_text(kinds, sizeof kinds, r.kinds);
        if (r.format == NULL || strlen(r.what) >= sizeof r.what)
            abort();
    }
    check_peek(data, size, rc, &r, &e);
    /* A text attachment (issue 13): what is redacted or called markup
     * holds no NUL byte (redactor_run takes it as a C string). */
    if (mediatext_kind(data, size) != MEDIATEXT_NOT_UTF8 && size > 0 &&
        memchr(data, 0, size) != NULL)
        abort();
    check_words(data, size);
    check_utf8_pieces(data, size);
    check_sniff_pieces(data, size);
    return 0;
}
