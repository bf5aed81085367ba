/* export/media: each sample of tests/data/media holds the kinds of
 * metadata make.sh planted; media_strip removes them all (media_find then
 * finds none), is idempotent and deterministic, never grows a file; every
 * prefix of every sample and every single flipped byte is handled without
 * a fault (ASan watches); types it cannot strip are refused with their
 * name; the audit check grades what was found. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "export/audit.h"
#include "export/media.h"

#define K(x) (1u << MEDIA_##x)

static const struct {
    const char *file, *format;
    unsigned want;               /* kinds make.sh planted, at least */
} samples[] = {
    { "photo.jpg", "JPEG", K(LOCATION) | K(SERIAL) | K(TIME) | K(AUTHOR) | K(COMMENT) | K(DEVICE) },
    { "trailer.jpg", "JPEG", K(LOCATION) | K(SERIAL) | K(TIME) | K(AUTHOR) | K(OTHER) },
    { "photo.png", "PNG", K(LOCATION) | K(SERIAL) | K(TIME) | K(AUTHOR) | K(COMMENT) | K(DEVICE) },
    { "photo.webp", "WebP", K(LOCATION) | K(SERIAL) | K(TIME) | K(AUTHOR) | K(COMMENT) },
    { "memo.mp3", "MP3", K(TIME) | K(AUTHOR) | K(COMMENT) },
    { "memo.flac", "FLAC", K(TIME) | K(AUTHOR) | K(COMMENT) | K(PICTURE) | K(SOFTWARE) },
    { "memo.ogg", "Ogg Vorbis", K(LOCATION) | K(TIME) | K(AUTHOR) | K(COMMENT) | K(SOFTWARE) },
    { "memo.opus", "Ogg Opus", K(TIME) | K(AUTHOR) | K(COMMENT) | K(SOFTWARE) },
    { "memo.m4a", "MP4", K(LOCATION) | K(TIME) | K(AUTHOR) | K(COMMENT) | K(SOFTWARE) },
    { "memo.wav", "WAV", K(TIME) | K(AUTHOR) | K(COMMENT) | K(SOFTWARE) },
};

static unsigned char *load(const char *name, size_t *len)
{
    char path[512];
    unsigned char *buf = malloc(1 << 16);
    FILE *f;

    snprintf(path, sizeof path, "tests/data/media/%s", name);
    f = fopen(path, "rb");
    assert_non_null(f);
    *len = fread(buf, 1, 1 << 16, f);
    fclose(f);
    assert_true(*len > 0 && *len < (1 << 16));
    return buf;
}

static void strip_removes_everything(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        size_t len, n2;
        unsigned char *b = load(samples[i].file, &len), *again;
        struct media_report before, removed, after;
        struct err e;

        assert_int_equal(media_find(&before, b, len, &e), 0);
        assert_string_equal(before.format, samples[i].format);
        if ((before.kinds & samples[i].want) != samples[i].want)
            fail_msg("%s: found %x, want %x (%s)", samples[i].file, before.kinds,
                     samples[i].want, before.what);
        size_t n = len;
        assert_int_equal(media_strip(b, &n, &removed, &e), 0);
        assert_true(n <= len);
        assert_int_equal(removed.kinds, before.kinds);          /* one walk, one rule */
        assert_string_equal(removed.what, before.what);
        assert_int_equal(media_find(&after, b, n, &e), 0);
        if (after.kinds != 0)
            fail_msg("%s: left %s", samples[i].file, after.what);
        /* Idempotent: stripping what was stripped changes nothing. */
        again = malloc(n);
        memcpy(again, b, n);
        n2 = n;
        assert_int_equal(media_strip(again, &n2, NULL, &e), 0);
        assert_int_equal(n2, n);
        assert_memory_equal(again, b, n);
        free(again);
        free(b);
    }
}

static void strip_is_deterministic(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        size_t len, l1, l2;
        unsigned char *a = load(samples[i].file, &len), *b = malloc(len);
        struct err e;

        memcpy(b, a, len);
        l1 = l2 = len;
        assert_int_equal(media_strip(a, &l1, NULL, &e), 0);
        assert_int_equal(media_strip(b, &l2, NULL, &e), 0);
        assert_int_equal(l1, l2);
        assert_memory_equal(a, b, l1);
        free(a);
        free(b);
    }
}

/* Every prefix and every byte flipped: no fault, and a file that still
 * strips never grows and is left with nothing media_find names. */
static void damaged_files_are_safe(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        size_t len;
        unsigned char *b = load(samples[i].file, &len);

        for (size_t cut = 0; cut <= len; cut += 1 + cut / 64) {
            for (int flip = 0; flip < 2; flip++) {
                unsigned char *c = malloc(cut ? cut : 1);
                struct media_report r;
                struct err e;
                size_t n = cut;

                memcpy(c, b, cut);
                if (flip && cut > 0)
                    c[randombytes_uniform((uint32_t)cut)] ^= (unsigned char)(1 + randombytes_uniform(255));
                (void)media_find(&r, c, cut, &e);
                if (media_strip(c, &n, NULL, &e) == 0) {
                    assert_true(n <= cut);
                    assert_int_equal(media_find(&r, c, n, &e), 0);
                    if (r.kinds != 0)
                        fail_msg("%s cut at %zu: left %s", samples[i].file, cut, r.what);
                }
                free(c);
            }
        }
        free(b);
    }
}

static void refused_types(void **state)
{
    static const struct { const char *bytes; size_t len; const char *msg; } cases[] = {
        { "%PDF-1.4\n", 9, "a PDF document: intake cannot remove its metadata" },
        { "GIF89a\1\0\1\0", 10, "a GIF image: intake cannot remove its metadata" },
        { "PK\3\4\0\0\0\0", 8, "a ZIP archive (or an office document): intake cannot remove its metadata" },
        { "\0\0\0\030ftypheic\0\0\0\0mif1heic", 24,
          "a HEIF/HEIC or AVIF image: intake cannot remove its metadata" },
        { "\0\1\2\3", 4, "a file of unknown type: intake cannot remove its metadata" },
        { "\xff\xd8\xff\xe1\0\x10" "Exif", 10, "JPEG: a segment runs past the end of the file" },
        { "RIFF\4\0\0\0WAVE", 12, "WAV: no 'fmt ' or no 'data' chunk" },
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        unsigned char b[64];
        size_t n = cases[i].len;
        struct err e;

        memcpy(b, cases[i].bytes, n);
        assert_int_equal(media_strip(b, &n, NULL, &e), -1);
        assert_int_equal(e.code, EXIT_INPUT);
        assert_string_equal(e.msg, cases[i].msg);
    }
}

/* Two Ogg files one after the other (a chained Ogg, issue 13 NEW-5):
 * refused by strip and find alike, never cut after the first stream. */
static void chained_ogg_is_refused(void **state)
{
    static const char *const pairs[][2] = {
        { "memo.ogg", "memo.ogg" }, { "memo.ogg", "memo.opus" }, { "memo.opus", "memo.ogg" },
    };
    (void)state;
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        size_t la, lb, n;
        unsigned char *a = load(pairs[i][0], &la), *b = load(pairs[i][1], &lb);
        unsigned char *c = malloc(la + lb);
        struct media_report r;
        struct err e;

        memcpy(c, a, la);
        memcpy(c + la, b, lb);
        assert_int_equal(media_find(&r, c, la + lb, &e), -1);
        assert_non_null(strstr(e.msg, ": more than one logical stream (chained)"));
        n = la + lb;
        assert_int_equal(media_strip(c, &n, NULL, &e), -1);
        assert_non_null(strstr(e.msg, ": more than one logical stream (chained)"));
        free(a), free(b), free(c);
    }
}

/* A FLAC file behind an ID3v2 tag (issue 13 L3): both the tag and the
 * Vorbis comments go; what is left starts with fLaC. */
static void flac_behind_id3(void **state)
{
    size_t lm, lf, tag, n;
    unsigned char *m = load("memo.mp3", &lm), *f = load("memo.flac", &lf), *c;
    struct media_report r;
    struct err e;

    (void)state;
    assert_memory_equal(m, "ID3", 3);
    tag = 10 + ((size_t)m[6] << 21 | (size_t)m[7] << 14 | (size_t)m[8] << 7 | m[9]);
    c = malloc(tag + lf);
    memcpy(c, m, tag);
    memcpy(c + tag, f, lf);
    n = tag + lf;
    assert_int_equal(media_strip(c, &n, &r, &e), 0);
    assert_string_equal(r.format, "FLAC");
    assert_memory_equal(c, "fLaC", 4);
    assert_true(n < lf);
    assert_int_equal(media_find(&r, c, n, &e), 0);
    assert_int_equal(r.kinds, 0);
    free(m), free(f), free(c);
}

static void text_passes_unchanged(void **state)
{
    unsigned char b[] = "notes from the interview\n";
    size_t n = sizeof b - 1;
    struct media_report r;
    struct err e;

    (void)state;
    assert_int_equal(media_strip(b, &n, &r, &e), 0);
    assert_int_equal(n, sizeof b - 1);
    assert_int_equal(r.kinds, 0);
    assert_string_equal(r.format, "text");
}

/* Feeds b[0..len) to a media_peek in pieces of step bytes until it has
 * enough; what media_peek_find says then agrees with media_find on the
 * whole file: the same error, the same report for text, or "walk it"
 * (1) for a container media_find walks. Returns the bytes fed. */
static size_t peek_agrees(const unsigned char *b, size_t len, size_t step)
{
    struct media_report whole, head;
    struct media_peek pk;
    struct err e1, e2;
    size_t fed = 0;
    int r1, r2;

    memset(&pk, 0, sizeof pk);
    while (fed < len) {
        size_t n = len - fed < step ? len - fed : step;
        int more = media_peek_add(&pk, b + fed, n);

        fed += n;
        if (!more)
            break;
    }
    r1 = media_find(&whole, b, len, &e1);
    r2 = media_peek_find(&head, &pk, len, &e2);
    if (r2 != 1)                             /* a walker may name it closer */
        assert_string_equal(head.format, whole.format);
    if (r2 == -1) {
        assert_int_equal(r1, -1);
        assert_string_equal(e2.msg, e1.msg);
    } else if (r2 == 0) {
        assert_int_equal(r1, 0);
        assert_string_equal(head.format, "text");
        assert_int_equal(head.kinds, whole.kinds);
        assert_string_equal(head.what, whole.what);
        assert_int_equal(fed, len);          /* text is text to its last byte */
    } else {
        assert_int_equal(r2, 1);
    }
    return fed;
}

static void peek_tells_what_find_tells(void **state)
{
    static const size_t steps[] = { 1, 5, 16, 4096, 1 << 16 };
    size_t big = 3u << 16;
    unsigned char *b = malloc(big);

    (void)state;
    assert_non_null(b);
    for (size_t s = 0; s < sizeof steps / sizeof steps[0]; s++) {
        for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
            size_t len;
            unsigned char *f = load(samples[i].file, &len);

            /* a container is known from its first bytes */
            assert_true(peek_agrees(f, len, steps[s]) < MEDIA_PEEK_BYTES + steps[s]);
            free(f);
        }
        memset(b, 'a', big);                 /* text, then text with a late NUL */
        assert_int_equal(peek_agrees(b, big, steps[s]), big);
        b[big - 1] = '\0';
        assert_int_equal(peek_agrees(b, big, steps[s]), big);
        b[big - 1] = 'a';
        b[70000] = '\0';                    /* stops once the NUL is seen */
        assert_true(peek_agrees(b, big, steps[s]) < big);
        memcpy(b, "%PDF-1.4\n", 9);          /* refused from its first bytes */
        assert_true(peek_agrees(b, big, steps[s]) < MEDIA_PEEK_BYTES + steps[s]);
        for (size_t n = 0; n <= 20; n++)     /* short files, an empty one too */
            peek_agrees((const unsigned char *)"GIF89a\1\0\1\0 text \xff\xd8", n, steps[s]);
    }
    free(b);
}

/* Text behind a GIF magic (no NUL byte: no GIF has none) is text, from
 * its first bytes and whole; a GIF whose first NUL comes late is still
 * named a GIF (issue 12 A-17). */
static void gif_magic_without_nul_is_text(void **state)
{
    static const char text[] = "GIF89a Kim Young-ho lived in Sinuiju.";
    unsigned char b[64];
    size_t n = sizeof text - 1;
    struct media_peek pk;
    struct media_report r;
    struct err e;

    (void)state;
    memcpy(b, text, n);
    assert_int_equal(media_strip(b, &n, &r, &e), 0);
    assert_int_equal(n, sizeof text - 1);
    memset(&pk, 0, sizeof pk);
    media_peek_add(&pk, (const unsigned char *)text, sizeof text - 1);
    assert_int_equal(media_peek_find(&r, &pk, sizeof text - 1, &e), 0);
    memset(&pk, 0, sizeof pk);
    media_peek_add(&pk, (const unsigned char *)"GIF89a\xff\x01\x01\x01\x80\x01\x01\x01"
                   "\x01\x01\x01\x01\x01\x01\x01\x01\x01\0", 25);
    assert_int_equal(media_peek_find(&r, &pk, 25, &e), -1);
    assert_string_equal(e.msg, "a GIF image: intake cannot remove its metadata");
}

/* Issue 17: random bytes with no NUL (seeded, 4 KiB) were "text" to the
 * peek and to media_find, so export read them as text and refused them
 * as "text that is not UTF-8"; they are a file of unknown type, from the
 * peek and whole alike, in any pieces. Text in a code page stays text. */
static void random_bytes_are_no_text(void **state)
{
    static const char latin1[] = "Caf\xe9 near the river, Fran\xe7ois said.\r\n";
    static const size_t steps[] = { 1, 7, 4096 };
    unsigned char b[4096];
    struct media_peek pk;
    struct media_report r;
    struct err e;

    (void)state;
    for (unsigned seed = 1; seed <= 100; seed++) {
        unsigned x = seed;

        for (size_t i = 0; i < sizeof b; i++) {
            x ^= x << 13, x ^= x >> 17, x ^= x << 5;
            b[i] = (unsigned char)(x >> 24) ? (unsigned char)(x >> 24) : 'x';
        }
        memcpy(b, "Notes: ", 7);                 /* first bytes of text, and no magic */
        memset(&pk, 0, sizeof pk);
        media_peek_add(&pk, b, sizeof b);
        if (media_peek_find(&r, &pk, sizeof b, &e) != -1)
            fail_msg("seed %u: random bytes taken for text", seed);
        assert_string_equal(e.msg, "a file of unknown type: intake cannot remove its metadata");
        assert_int_equal(media_find(&r, b, sizeof b, &e), -1);
        for (size_t s = 0; s < sizeof steps / sizeof steps[0]; s++)
            peek_agrees(b, sizeof b, steps[s]);
    }
    memset(&pk, 0, sizeof pk);
    media_peek_add(&pk, (const unsigned char *)latin1, sizeof latin1 - 1);
    assert_int_equal(media_peek_find(&r, &pk, sizeof latin1 - 1, &e), 0);
    assert_string_equal(r.format, "text");
    peek_agrees((const unsigned char *)latin1, sizeof latin1 - 1, 5);
}

static void video_tracks_are_refused(void **state)
{
    /* ftyp, then a moov with one trak whose handler is 'vide'. */
    static const unsigned char mp4[] = {
        0, 0, 0, 16, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 0, 0,
        0, 0, 0, 52, 'm', 'o', 'o', 'v',
        0, 0, 0, 44, 't', 'r', 'a', 'k',
        0, 0, 0, 36, 'm', 'd', 'i', 'a',
        0, 0, 0, 28, 'h', 'd', 'l', 'r', 0, 0, 0, 0, 0, 0, 0, 0, 'v', 'i', 'd', 'e',
        0, 0, 0, 0, 0, 0, 0, 0,
    };
    unsigned char b[sizeof mp4];
    size_t n = sizeof b;
    struct err e;

    (void)state;
    memcpy(b, mp4, n);
    assert_int_equal(media_strip(b, &n, NULL, &e), -1);
    assert_string_equal(e.msg, "MP4: a track that is not sound (video or other): intake "
                               "strips audio-only MP4");
}

static void audit_grades(void **state)
{
    struct audit_attachment a[3] = {
        { "r1", "attachment-1.jpg", 0, 1, 0, "" },
        { "r1", "attachment-2.jpg", 1, 1, K(LOCATION), "EXIF GPS" },
        { "r1", "attachment-3.pdf", 0, 0, 0, "a PDF document" },
    };
    struct audit_report r = { 0 };
    struct err e;

    (void)state;
    assert_int_equal(audit_attachments(&r, a, 1, &e), 0);
    assert_int_equal(audit_verdict(&r), AUDIT_PASS);
    audit_report_free(&r);
    assert_int_equal(audit_attachments(&r, a, 2, &e), 0);       /* kept: WARN */
    assert_int_equal(audit_verdict(&r), AUDIT_WARN);
    assert_string_equal(r.checks[0].items[0].text, "location (EXIF GPS)");
    assert_string_equal(r.checks[0].items[0].note, "kept with --keep-metadata");
    audit_report_free(&r);
    a[1].kept = 0;                                               /* claimed removed: FAIL */
    assert_int_equal(audit_attachments(&r, a, 2, &e), 0);
    assert_int_equal(audit_verdict(&r), AUDIT_FAIL);
    audit_report_free(&r);
    assert_int_equal(audit_attachments(&r, a + 2, 1, &e), 0);   /* not examined: FAIL */
    assert_int_equal(audit_verdict(&r), AUDIT_FAIL);
    assert_string_equal(r.checks[0].items[0].text, "not examined: a PDF document");
    audit_report_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(strip_removes_everything),
        cmocka_unit_test(strip_is_deterministic),
        cmocka_unit_test(damaged_files_are_safe),
        cmocka_unit_test(refused_types),
        cmocka_unit_test(text_passes_unchanged),
        cmocka_unit_test(chained_ogg_is_refused),
        cmocka_unit_test(flac_behind_id3),
        cmocka_unit_test(peek_tells_what_find_tells),
        cmocka_unit_test(gif_magic_without_nul_is_text),
        cmocka_unit_test(video_tracks_are_refused),
        cmocka_unit_test(random_bytes_are_no_text),
        cmocka_unit_test(audit_grades),
    };

    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
