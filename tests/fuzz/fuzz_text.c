/* libFuzzer: the text rules applied to outside bytes (util/text.c).
 * text_terminal_safe must give valid UTF-8 of printable characters only
 * (nothing a terminal obeys, nothing invisible or reordering), within the
 * buffer, at every buffer size; text_normal_form must agree with itself:
 * NFC is stable, NFC of the NFD is the NFC, and text that is not UTF-8 has
 * no normal form. */
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_safe(const char *s, size_t len, size_t outlen)
{
    char out[1024];
    size_t n = text_terminal_safe(out, outlen, s, len), i = 0;

    if (outlen == 0)
        return;
    if (n >= outlen || out[n] != '\0' || strlen(out) != n)
        abort();
    while (i < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)out + i,
                                              (utf8proc_ssize_t)(n - i), &cp);
        utf8proc_category_t c;

        if (k <= 0)
            abort();
        c = utf8proc_category(cp);
        if (cp < 0x20 || cp == 0x7f || c == UTF8PROC_CATEGORY_CC || c == UTF8PROC_CATEGORY_CF ||
            c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP || c == UTF8PROC_CATEGORY_CN ||
            c == UTF8PROC_CATEGORY_CO || c == UTF8PROC_CATEGORY_CS)
            abort();
        i += (size_t)k;
    }
}

static void check_forms(const char *s, size_t len)
{
    char *nfc, *nfd, *again;
    size_t nfclen, nfdlen, againlen;
    struct err e;
    int valid = 1, rc = text_normal_form(&nfc, &nfclen, s, len, TEXT_NFC, &e);

    for (size_t i = 0; i < len && valid;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        valid = k > 0;
        i += k > 0 ? (size_t)k : 0;
    }

    if (rc < 0)
        abort();
    if (rc == 1) {
        if (valid || nfc != NULL)
            abort();
        return;
    }
    if (text_normal_form(&nfd, &nfdlen, s, len, TEXT_NFD, &e) != 0 ||
        text_normal_form(&again, &againlen, nfd, nfdlen, TEXT_NFC, &e) != 0)
        abort();
    if (againlen != nfclen || memcmp(again, nfc, nfclen) != 0)
        abort();
    sodium_free(again);
    if (text_normal_form(&again, &againlen, nfc, nfclen, TEXT_NFC, &e) != 0 ||
        againlen != nfclen || memcmp(again, nfc, nfclen) != 0)
        abort();
    sodium_free(again);
    sodium_free(nfd);
    sodium_free(nfc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;

    if (!ready && sodium_init() < 0)
        abort();
    ready = 1;
    if (size > 4096)
        return 0;
    check_safe((const char *)data, size, 1024);
    check_safe((const char *)data, size, size % 64);
    check_forms((const char *)data, size);
    return 0;
}
