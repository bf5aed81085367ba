/* export/mediatype.c: types guessed from first bytes, and every type attach
 * can guess has the extension a bundle gives it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "export/mediatype.h"

static const struct { const char *head; size_t len; const char *type, *ext; } files[] = {
    { "\xff\xd8\xff\xe0", 4, "image/jpeg", "jpg" },
    { "\x89PNG\r\n\x1a\n", 8, "image/png", "png" },
    { "GIF89a\x10\0\x10\0\x80\0\0", 13, "image/gif", "gif" },
    { "GIF87a\1\1\1\1\0", 11, "image/gif", "gif" },
    /* No NUL after the magic: every GIF has one (its block terminators),
     * so this is text (issue 12 A-17). */
    { "GIF89a Kim Young-ho lived in Sinuiju.", 37, "text/plain", "txt" },
    { "GIF89a", 6, "text/plain", "txt" },
    { "%PDF-1.7", 8, "application/pdf", "pdf" },
    { "OggS\0\2", 6, "audio/ogg", "ogg" },
    { "fLaC\0\0", 6, "audio/flac", "flac" },
    { "ID3\4\0", 5, "audio/mpeg", "mp3" },
    { "ID3\3\0\0\0\0\0\0fLaC\0", 15, "audio/flac", "flac" },   /* FLAC behind ID3 (L3) */
    { "ID3\3\0\0\0\0\0\2xyfLaC", 16, "audio/flac", "flac" },
    { "ID3\3\0\0\0\0\0\2xy\xff\xfb", 14, "audio/mpeg", "mp3" },
    { "RIFF\0\0\0\0WAVEfmt ", 16, "audio/wav", "wav" },
    { "RIFF\0\0\0\0WEBPVP8 ", 16, "image/webp", "webp" },
    { "\0\0\0\x20" "ftypM4A ", 12, "audio/mp4", "m4a" },
    { "\0\0\0\x20" "ftypisom", 12, "video/mp4", "mp4" },
    { "PK\3\4", 4, "application/zip", "zip" },
    { "Kim spoke.\n", 11, "text/plain", "txt" },
    { "\1\0\2", 3, "application/octet-stream", "bin" },
    { "", 0, "application/octet-stream", "bin" },
    { "RIFF", 4, "text/plain", "txt" },          /* too short for WAVE: no NUL, text */
    /* No NUL, but no text: not UTF-8, and controls no text holds (issue 17). */
    { "Notes: \x93\x02\xc7\x1e\xfa\x81\x05", 14, "application/octet-stream", "bin" },
    { "Caf\xe9 \x93ok\x94\r\n", 11, "text/plain", "txt" },         /* Windows-1252 */
    { "Kim\x01Young-ho", 12, "text/plain", "txt" },                   /* UTF-8, a control */
};

static void test_guess_and_extension(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        const char *type = mediatype_guess((const unsigned char *)files[i].head, files[i].len);

        assert_string_equal(type, files[i].type);
        assert_string_equal(mediatype_extension(type), files[i].ext);
    }
    assert_string_equal(mediatype_extension("model/stl"), "bin");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_guess_and_extension),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
