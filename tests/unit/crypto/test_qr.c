/* crypto/qr: each drawing reads back to the same text (through our reader
 * and through zbarimg), and bad images are refused cleanly. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/testutil.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jpeglib.h>
#include <png.h>

#include "crypto/qr.h"
#include "util/fileio.h"

static const char CARD[] = "INTAKE1QYP6ZPAL708PP0SAWRW33E6TCZVK0EXKXZD62R2LRHWGVEQJ25CMS4ESSQ9TXS8UKXXW2YG7M2WHQHU38Z95REZ5FJ73QWA9JSKMYGE7ZP8YWNEQDPJKZER3W4SHYAR9WFES9M6AUA";
static const char SN[] = "INTAKE-SN1:173672176973603512759980910527318248040613616351748346289838";
static char dir[] = "/tmp/intake-qr-XXXXXX";

static void path_of(char *out, size_t outlen, const char *name)
{
    assert_true((size_t)snprintf(out, outlen, "%s/%s", dir, name) < outlen);
}

static void expect_scan_error(const char *name, const char *msg)
{
    char p[256], text[QR_TEXT_MAX + 1];
    struct err e;

    path_of(p, sizeof p, name);
    err_clear(&e);
    if (qr_scan_file(text, sizeof text, p, &e) != -1 || e.code != EXIT_INPUT ||
        strstr(e.msg, msg) == NULL)
        fail_msg("%s: expected \"%s\", got \"%s\"", name, msg, e.msg);
}

static unsigned char *read_grey(const char *path, unsigned *w, unsigned *h)
{
    png_image img;
    unsigned char *pix;

    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    assert_true(png_image_begin_read_from_file(&img, path));
    img.format = PNG_FORMAT_GRAY;
    pix = malloc(PNG_IMAGE_SIZE(img));
    assert_non_null(pix);
    assert_true(png_image_finish_read(&img, NULL, pix, 0, NULL));
    *w = img.width;
    *h = img.height;
    return pix;
}

static void write_grey(const char *path, const unsigned char *pix, unsigned w,
                       unsigned h)
{
    png_image img;

    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    img.width = w;
    img.height = h;
    img.format = PNG_FORMAT_GRAY;
    assert_true(png_image_write_to_file(&img, path, 0, pix, 0, NULL));
}

static void test_png_round_trip(void **state)
{
    char p[256], text[QR_TEXT_MAX + 1];
    struct stat st;
    struct err e;
    unsigned w, h;

    (void)state;
    path_of(p, sizeof p, "card.png");
    assert_int_equal(qr_write_png(p, 0, CARD, &e), 0);
    assert_int_equal(stat(p, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(qr_scan_file(text, sizeof text, p, &e), 0);
    assert_string_equal(text, CARD);
    /* 145 upper-case characters: version 6 (41 modules) in alphanumeric
     * mode; byte mode would need version 8 (49 modules). */
    free(read_grey(p, &w, &h));
    assert_int_equal(w, (41 + 2 * QR_QUIET) * QR_PNG_SCALE);
    assert_int_equal(h, w);
    assert_int_equal(qr_write_png(p, 0, SN, &e), -1);
    assert_non_null(strstr(e.msg, "already exists"));
    assert_int_equal(qr_write_png(p, 1, SN, &e), 0);
    assert_int_equal(qr_scan_file(text, sizeof text, p, &e), 0);
    assert_string_equal(text, SN);
    assert_int_equal(qr_scan_file(text, sizeof SN - 1, p, &e), -1);
    assert_non_null(strstr(e.msg, "does not hold text intake reads"));
}

static void test_svg_written_and_well_formed(void **state)
{
    char p[256];
    unsigned char *svg;
    size_t len;
    struct err e;
    const char *path;

    (void)state;
    path_of(p, sizeof p, "card.svg");
    assert_int_equal(qr_write_svg(p, 0, CARD, &e), 0);
    assert_int_equal(file_read_all(p, 1 << 20, &svg, &len, "svg", &e), 0);
    assert_memory_equal(svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ", 44);
    assert_non_null(strstr((char *)svg, "viewBox=\"0 0 49 49\" width=\"392\""));
    assert_non_null(strstr((char *)svg, "<rect width=\"49\" height=\"49\" fill=\"#ffffff\"/>"));
    path = strstr((char *)svg, "<path fill=\"#000000\" d=\"M4 4h7v1h-7z");
    assert_non_null(path);                  /* the finder's top edge */
    assert_null(strstr(path + 1, "<path"));
    assert_string_equal((char *)svg + len - 12, "z\"/>\n</svg>\n");
    free(svg);
    assert_int_equal(qr_write_svg(p, 0, CARD, &e), -1);
    assert_non_null(strstr(e.msg, "already exists"));
}

/* Paints module (x, y) as a 4 x 4 pixel square, 16 pixels in. */
static void module(unsigned char *pix, unsigned x, unsigned y, unsigned char v)
{
    unsigned i;

    for (i = 0; i < 16; i++)
        pix[(16 + 4 * y + i / 4) * 800 + 16 + 4 * x + i % 4] = v;
}

/* The drawing of style s turned back into modules, as a PNG image. */
static void term_to_png(const char *png, const char *text, enum qr_term_style s,
                        unsigned *lines)
{
    char *out = NULL, *line, *save = NULL;
    size_t len = 0, n;
    static unsigned char pix[800 * 800];
    unsigned y = 0, x, invert = s == QR_TERM_LIGHT_INK;
    FILE *f = open_memstream(&out, &len);
    struct err e;

    assert_non_null(f);
    assert_int_equal(qr_write_term(f, text, s, &e), 0);
    fclose(f);
    memset(pix, 255, sizeof pix);
    for (line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save), y += 2) {
        if (s == QR_TERM_COLOUR) {
            static const char colour[] = "\x1b[30;47m\x1b[38;5;16;48;5;231m";
            assert_memory_equal(line, colour, sizeof colour - 1);
            line += sizeof colour - 1;
            assert_string_equal(line + strlen(line) - 4, "\x1b[0m");
            line[strlen(line) - 4] = '\0';
        }
        assert_null(strchr(line, '\x1b'));
        for (x = 0; *line; x++, line += n) {
            int top, bot;
            n = *line == ' ' ? 1 : 3;
            assert_true(n == 1 || (memcmp(line, "\xe2\x96", 2) == 0 &&
                        (line[2] == '\x80' || line[2] == '\x84' || line[2] == '\x88')));
            top = n == 3 && line[2] != '\x84';
            bot = n == 3 && line[2] != '\x80';
            module(pix, x, y, (top ^ invert) ? 0 : 255);
            module(pix, x, y + 1, (bot ^ invert) ? 0 : 255);
        }
        assert_int_equal(x, 49);            /* 41 modules and the quiet zone */
    }
    *lines = y / 2;
    free(out);
    write_grey(png, pix, 800, 800);
}

static void test_terminal_styles_read_back(void **state)
{
    static const enum qr_term_style styles[] = { QR_TERM_COLOUR,
        QR_TERM_DARK_INK, QR_TERM_LIGHT_INK };
    char p[256], text[QR_TEXT_MAX + 1];
    unsigned lines, i;
    struct err e;

    (void)state;
    path_of(p, sizeof p, "term.png");
    for (i = 0; i < 3; i++) {
        unlink(p);
        term_to_png(p, CARD, styles[i], &lines);
        assert_int_equal(lines, 25);        /* 49 module rows, two a line */
        if (qr_scan_file(text, sizeof text, p, &e) != 0)
            fail_msg("style %u: %s", i, e.msg);
        assert_string_equal(text, CARD);
    }
}

static void test_terminal_quiet_zone(void **state)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    struct err e;
    char blank[50];

    (void)state;
    assert_int_equal(qr_write_term(f, SN, QR_TERM_DARK_INK, &e), 0);
    fclose(f);
    memset(blank, ' ', 49);
    blank[49] = '\n';
    /* 71 characters: version 3 (29 modules) plus 8: 37 columns, 19 lines. */
    assert_memory_equal(out, blank + 12, 38);         /* rows 0-1 blank */
    assert_memory_equal(out + 38, blank + 12, 38);    /* rows 2-3 blank */
    assert_memory_equal(out + 76, "    \xe2\x96\x88", 7); /* finder, column 4 */
    assert_memory_equal(out + len - 38, blank + 12, 38); /* last line blank */
    assert_non_null(strstr(out, "\xe2\x96\x80"));
    assert_non_null(strstr(out, "\xe2\x96\x84"));
    free(out);
}

static void test_text_limits(void **state)
{
    char big[QR_TEXT_MAX + 2], p[256];
    struct err e;

    (void)state;
    memset(big, 'A', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_int_equal(qr_write_term(stdout, big, QR_TERM_COLOUR, &e), -1);
    assert_string_equal(e.msg, "cannot make a QR code of 1025 bytes (1 to 1024)");
    assert_int_equal(qr_write_term(stdout, "", QR_TERM_COLOUR, &e), -1);
    path_of(p, sizeof p, "none.png");
    assert_int_equal(qr_write_png(p, 0, "", &e), -1);
    assert_int_equal(access(p, F_OK), -1);
}

static void write_jpeg(const char *path, const unsigned char *pix, unsigned w,
                       unsigned h, int quality)
{
    struct jpeg_compress_struct c;
    struct jpeg_error_mgr m;
    FILE *f = fopen(path, "wb");
    unsigned y;

    assert_non_null(f);
    c.err = jpeg_std_error(&m);
    jpeg_create_compress(&c);
    jpeg_stdio_dest(&c, f);
    c.image_width = w;
    c.image_height = h;
    c.input_components = 1;
    c.in_color_space = JCS_GRAYSCALE;
    jpeg_set_defaults(&c);
    jpeg_set_quality(&c, quality, TRUE);
    jpeg_start_compress(&c, TRUE);
    for (y = 0; y < h; y++) {
        JSAMPROW row = (JSAMPROW)(pix + (size_t)y * w);
        jpeg_write_scanlines(&c, &row, 1);
    }
    jpeg_finish_compress(&c);
    jpeg_destroy_compress(&c);
    fclose(f);
}

static void test_jpeg_round_trip_and_huge(void **state)
{
    char p[256], j[256], text[QR_TEXT_MAX + 1];
    unsigned char *pix, *buf, white = 255;
    unsigned w, h;
    size_t len, i;
    struct err e;

    (void)state;
    path_of(p, sizeof p, "card.png");
    path_of(j, sizeof j, "card.jpg");
    pix = read_grey(p, &w, &h);
    write_jpeg(j, pix, w, h, 60);
    free(pix);
    assert_int_equal(qr_scan_file(text, sizeof text, j, &e), 0);
    assert_string_equal(text, SN);          /* card.png was overwritten */
    path_of(j, sizeof j, "huge.jpg");
    write_jpeg(j, &white, 1, 1, 90);
    assert_int_equal(file_read_all(j, 1 << 20, &buf, &len, "jpeg", &e), 0);
    for (i = 0; i + 8 < len; i++)
        if (buf[i] == 0xff && buf[i + 1] == 0xc0) {    /* SOF0 */
            memcpy(buf + i + 5, "\xfd\xe8\xfd\xe8", 4); /* 65000 x 65000 */
            break;
        }
    assert_true(i + 8 < len);
    assert_int_equal(file_write_atomic(j, buf, len, 1, &e), 0);
    free(buf);
    expect_scan_error("huge.jpg", "huge.jpg is too large (65000 x 65000 pixels; at most 40 million)");
    assert_int_equal(file_write_atomic(j, "\xff\xd8\xff\xe0junk", 8, 1, &e), 0);
    expect_scan_error("huge.jpg", "is not a readable JPEG image");
}

static uint32_t crc32_of(const unsigned char *p, size_t n)
{
    uint32_t c = 0xffffffffu;
    size_t i;
    int k;

    for (i = 0; i < n; i++)
        for (c ^= p[i], k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
    return c ^ 0xffffffffu;
}

static void put_crc(unsigned char *at, const unsigned char *from, size_t n)
{
    uint32_t c = crc32_of(from, n);

    at[0] = (unsigned char)(c >> 24);
    at[1] = (unsigned char)(c >> 16);
    at[2] = (unsigned char)(c >> 8);
    at[3] = (unsigned char)c;
}

/* A PNG signature, an IHDR declaring 100000 x 100000 grey pixels and an
 * empty IDAT. */
static void write_huge_png(const char *path)
{
    unsigned char b[45] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
        0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0,
        8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 'I', 'D', 'A', 'T' };
    struct err e;

    put_crc(b + 29, b + 12, 17);
    put_crc(b + 41, b + 37, 4);
    assert_int_equal(file_write_atomic(path, b, sizeof b, 1, &e), 0);
}

static void test_bad_images(void **state)
{
    char p[256], q[256];
    unsigned char *pix, *two;
    unsigned char blank[100 * 100];
    unsigned w, h, y;
    struct err e;

    (void)state;
    path_of(p, sizeof p, "text.png");
    assert_int_equal(file_write_atomic(p, "hello, not an image\n", 20, 0, &e), 0);
    expect_scan_error("text.png", "text.png is not a PNG or JPEG image");
    path_of(p, sizeof p, "empty.png");
    assert_int_equal(file_write_atomic(p, "", 0, 0, &e), 0);
    expect_scan_error("empty.png", "empty.png is not a PNG or JPEG image");
    expect_scan_error("missing.png", "cannot open image");
    path_of(p, sizeof p, "blank.png");
    memset(blank, 255, sizeof blank);
    write_grey(p, blank, 100, 100);
    expect_scan_error("blank.png", "no QR code found in");
    path_of(p, sizeof p, "huge.png");
    write_huge_png(p);
    expect_scan_error("huge.png", "huge.png is too large (100000 x 100000 pixels; at most 40 million)");
    path_of(q, sizeof q, "card.png");
    pix = read_grey(q, &w, &h);
    assert_int_equal(file_write_atomic(p, pix, 60, 1, &e), 0);
    expect_scan_error("huge.png", "is not a PNG or JPEG image");
    two = malloc((size_t)w * 2 * h);
    for (y = 0; y < h; y++) {               /* the same code twice, side by side */
        memcpy(two + (size_t)y * 2 * w, pix + (size_t)y * w, w);
        memcpy(two + (size_t)y * 2 * w + w, pix + (size_t)y * w, w);
    }
    path_of(p, sizeof p, "two.png");
    write_grey(p, two, 2 * w, h);
    expect_scan_error("two.png", "two.png holds 2 QR codes; crop it to the one to read");
    free(two);
    free(pix);
}

/* A light-on-dark code, as a dark terminal's screenshot shows it. */
static void test_inverted_png(void **state)
{
    char p[256], text[QR_TEXT_MAX + 1];
    unsigned char *pix;
    unsigned w, h;
    size_t i;
    struct err e;

    (void)state;
    path_of(p, sizeof p, "card.png");
    pix = read_grey(p, &w, &h);
    for (i = 0; i < (size_t)w * h; i++)
        pix[i] = (unsigned char)(255 - pix[i]);
    path_of(p, sizeof p, "inverted.png");
    write_grey(p, pix, w, h);
    free(pix);
    assert_int_equal(qr_scan_file(text, sizeof text, p, &e), 0);
    assert_string_equal(text, SN);
}

static void test_truncated_png(void **state)
{
    char p[256];
    unsigned char *buf;
    size_t len;
    struct err e;

    (void)state;
    path_of(p, sizeof p, "card.png");
    assert_int_equal(file_read_all(p, 1 << 20, &buf, &len, "png", &e), 0);
    path_of(p, sizeof p, "cut.png");
    assert_int_equal(file_write_atomic(p, buf, len / 2, 0, &e), 0);
    free(buf);
    expect_scan_error("cut.png", "cut.png is not a readable PNG image");
}

static int have(const char *tool)
{
    char path[4096], exe[4200];
    const char *env = getenv("PATH");

    if (env == NULL || snprintf(path, sizeof path, "%s", env) >= (int)sizeof path)
        return 0;
    for (char *d = strtok(path, ":"); d != NULL; d = strtok(NULL, ":")) {
        snprintf(exe, sizeof exe, "%s/%s", d, tool);
        if (access(exe, X_OK) == 0)
            return 1;
    }
    return 0;
}

/* zbarimg, a scanner we did not write, reads our PNG and our SVG. */
static void expect_zbarimg(const char *cmd, const char *want)
{
    char got[QR_TEXT_MAX + 2];
    FILE *f = popen(cmd, "r");

    assert_non_null(f);
    assert_non_null(fgets(got, sizeof got, f));
    assert_int_equal(pclose(f), 0);
    got[strcspn(got, "\n")] = '\0';
    assert_string_equal(got, want);
}

static void test_zbarimg_reads_png_and_svg(void **state)
{
    char cmd[1024], text[QR_TEXT_MAX + 1], p[256];
    struct err e;

    (void)state;
    if (!have("zbarimg") || !have("rsvg-convert"))
        skip();
    path_of(p, sizeof p, "z.png");
    assert_int_equal(qr_write_png(p, 0, CARD, &e), 0);
    snprintf(cmd, sizeof cmd, "zbarimg --nodbus --quiet --raw '%s'", p);
    expect_zbarimg(cmd, CARD);
    path_of(p, sizeof p, "z.svg");
    assert_int_equal(qr_write_svg(p, 0, SN, &e), 0);
    snprintf(cmd, sizeof cmd, "rsvg-convert -o '%s/z-svg.png' '%s' && "
             "zbarimg --nodbus --quiet --raw '%s/z-svg.png'", dir, p, dir);
    expect_zbarimg(cmd, SN);
    path_of(p, sizeof p, "z-svg.png");
    assert_int_equal(qr_scan_file(text, sizeof text, p, &e), 0);
    assert_string_equal(text, SN);
}

static int setup(void **state)
{
    (void)state;
    return mkdtemp(dir) == NULL ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    return remove_tree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_png_round_trip),
        cmocka_unit_test(test_svg_written_and_well_formed),
        cmocka_unit_test(test_terminal_styles_read_back),
        cmocka_unit_test(test_terminal_quiet_zone),
        cmocka_unit_test(test_text_limits),
        cmocka_unit_test(test_jpeg_round_trip_and_huge),
        cmocka_unit_test(test_bad_images),
        cmocka_unit_test(test_inverted_png),
        cmocka_unit_test(test_truncated_png),
        cmocka_unit_test(test_zbarimg_reads_png_and_svg),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
