/* QR codes: see qr.h. */
#include "crypto/qr.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <png.h>
#include <qrencode.h>
#include "crypto/qr_zbar.h"
#include "util/fileio.h"

static int encode(QRcode **q, const char *text, struct err *e)
{
    size_t len = strlen(text);

    if (len == 0 || len > QR_TEXT_MAX)
        return err_set(e, EXIT_INPUT, "cannot make a QR code of %zu bytes "
                       "(1 to %d)", len, QR_TEXT_MAX);
    *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (*q == NULL)
        return err_set(e, EXIT_INPUT, "cannot make a QR code: %s",
                       strerror(errno));
    return 0;
}

/* 1 if the module at (x, y) is dark; the quiet zone around the code
 * (and anything beyond it) is light. */
static int dark(const QRcode *q, int x, int y)
{
    x -= QR_QUIET;
    y -= QR_QUIET;
    if (x < 0 || y < 0 || x >= q->width || y >= q->width)
        return 0;
    return q->data[y * q->width + x] & 1;
}

static int side(const QRcode *q)
{
    return q->width + 2 * QR_QUIET;
}

/* One text line: module rows y and y + 1 as half blocks. */
static void term_line(char *out, const QRcode *q, int y, enum qr_term_style s)
{
    static const char *glyph[4] = { " ", "\xe2\x96\x84", "\xe2\x96\x80",
                                    "\xe2\x96\x88" };   /* ▄ ▀ █ */
    static const char colour[] = "\x1b[30;47m\x1b[38;5;16;48;5;231m";
    int x, invert = s == QR_TERM_LIGHT_INK;

    out[0] = '\0';
    if (s == QR_TERM_COLOUR)
        strcat(out, colour);
    for (x = 0; x < side(q); x++) {
        int top = dark(q, x, y) ^ invert, bottom = dark(q, x, y + 1) ^ invert;
        strcat(out, glyph[top * 2 + bottom]);
    }
    strcat(out, s == QR_TERM_COLOUR ? "\x1b[0m\n" : "\n");
}

int qr_term_size(int *columns, int *lines, const char *text, struct err *e)
{
    QRcode *q;

    if (encode(&q, text, e) != 0)
        return -1;
    *columns = side(q);
    *lines = (side(q) + 1) / 2;
    QRcode_free(q);
    return 0;
}

int qr_write_term(FILE *f, const char *text, enum qr_term_style style,
                  struct err *e)
{
    QRcode *q;
    char *line;
    int y, rc = 0;

    if (encode(&q, text, e) != 0)
        return -1;
    /* 3 bytes a glyph, plus the colour escapes and the newline. */
    line = malloc((size_t)side(q) * 3 + 64);
    if (line == NULL) {
        QRcode_free(q);
        return err_set(e, EXIT_INPUT, "out of memory drawing a QR code");
    }
    for (y = 0; y < side(q) && rc == 0; y += 2) {
        term_line(line, q, y, style);
        if (fputs(line, f) == EOF)
            rc = -1;
    }
    if (fflush(f) != 0 || ferror(f))
        rc = -1;
    free(line);
    QRcode_free(q);
    if (rc != 0)
        return err_set(e, EXIT_INPUT, "cannot write the QR code: %s",
                       strerror(errno));
    return 0;
}

/* The code as grey pixels, 0 dark and 255 light, scale pixels a module. */
static unsigned char *grey_pixels(const QRcode *q, int scale)
{
    int n = side(q) * scale, x, y;
    unsigned char *pix = malloc((size_t)n * (size_t)n);

    if (pix == NULL)
        return NULL;
    for (y = 0; y < n; y++)
        for (x = 0; x < n; x++)
            pix[(size_t)y * (size_t)n + (size_t)x] =
                dark(q, x / scale, y / scale) ? 0 : 255;
    return pix;
}

static int png_to_memory(unsigned char **png, size_t *len,
                         const unsigned char *pix, int n)
{
    png_image img;
    png_alloc_size_t size = 0;

    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    img.width = (png_uint_32)n;
    img.height = (png_uint_32)n;
    img.format = PNG_FORMAT_GRAY;
    if (!png_image_write_to_memory(&img, NULL, &size, 0, pix, 0, NULL))
        return -1;
    *png = malloc(size);
    if (*png == NULL)
        return -1;
    if (!png_image_write_to_memory(&img, *png, &size, 0, pix, 0, NULL)) {
        free(*png);
        *png = NULL;
        return -1;
    }
    *len = size;
    return 0;
}

int qr_png(unsigned char **png, size_t *len, const char *text, struct err *e)
{
    QRcode *q;
    unsigned char *pix;
    int rc;

    *png = NULL;
    *len = 0;
    if (encode(&q, text, e) != 0)
        return -1;
    pix = grey_pixels(q, QR_PNG_SCALE);
    rc = pix == NULL ? -1 : png_to_memory(png, len, pix, side(q) * QR_PNG_SCALE);
    free(pix);
    QRcode_free(q);
    return rc == 0 ? 0 : err_set(e, EXIT_INPUT, "cannot make a PNG image of the QR code");
}

int qr_write_png(const char *path, int overwrite, const char *text,
                 struct err *e)
{
    unsigned char *png;
    size_t len;
    int rc = qr_png(&png, &len, text, e);

    if (rc == 0)
        rc = file_write_atomic(path, png, len, overwrite, e);
    free(png);
    return rc;
}

struct buf {
    char *p;
    size_t len, cap;
};

static int buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int buf_printf(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= b->cap - b->len)
        return -1;
    b->len += (size_t)n;
    return 0;
}

/* One "M x y h run v1 h -run z" square strip per run of dark modules. */
static int svg_path(struct buf *b, const QRcode *q)
{
    int x, y, run, rc = 0;

    for (y = 0; y < side(q) && rc == 0; y++)
        for (x = 0; x < side(q) && rc == 0; x += run > 0 ? run : 1) {
            for (run = 0; dark(q, x + run, y); run++)
                ;
            if (run > 0)
                rc = buf_printf(b, "M%d %dh%dv1h-%dz", x, y, run, run);
        }
    return rc;
}

static int svg_text(struct buf *b, const QRcode *q)
{
    int n = side(q);

    if (buf_printf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
                   "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
                   "shape-rendering=\"crispEdges\">\n"
                   "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n"
                   "<path fill=\"#000000\" d=\"", n, n, n * QR_PNG_SCALE,
                   n * QR_PNG_SCALE, n, n) != 0 ||
        svg_path(b, q) != 0 || buf_printf(b, "\"/>\n</svg>\n") != 0)
        return -1;
    return 0;
}

int qr_svg(char **svg, size_t *len, const char *text, struct err *e)
{
    QRcode *q;
    struct buf b;
    int rc;

    *svg = NULL;
    *len = 0;
    if (encode(&q, text, e) != 0)
        return -1;
    /* Each module starts at most one strip of at most 24 characters. */
    b.cap = 512 + (size_t)side(q) * (size_t)side(q) * 24;
    b.len = 0;
    b.p = malloc(b.cap);
    rc = b.p == NULL ? -1 : svg_text(&b, q);
    QRcode_free(q);
    if (rc != 0) {
        free(b.p);
        return err_set(e, EXIT_INPUT, "cannot make an SVG image of the QR code");
    }
    *svg = b.p;
    *len = b.len;
    return 0;
}

int qr_write_svg(const char *path, int overwrite, const char *text,
                 struct err *e)
{
    char *svg;
    size_t len;
    int rc = qr_svg(&svg, &len, text, e);

    if (rc == 0)
        rc = file_write_atomic(path, svg, len, overwrite, e);
    free(svg);
    return rc;
}

struct grey {
    unsigned char *pix;
    unsigned width, height;
};

static int too_large(unsigned long long w, unsigned long long h,
                     const char *what, struct err *e)
{
    if (w * h <= QR_IMAGE_MAX_PIXELS)
        return 0;
    return err_set(e, EXIT_INPUT, "%s is too large (%llu x %llu pixels; at "
                   "most %u million); crop or shrink it", what, w, h,
                   QR_IMAGE_MAX_PIXELS / 1000000u);
}

/* PNG through libpng's simplified API: any PNG as 8-bit grey, with
 * transparency laid over white (a transparent screenshot stays light). */
static int load_png(struct grey *g, const unsigned char *buf, size_t len,
                    const char *what, struct err *e)
{
    png_image img;
    png_color white = { 255, 255, 255 };

    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&img, buf, len))
        return err_set(e, EXIT_INPUT, "%s is not a readable PNG image (%s)",
                       what, img.message);
    if (too_large(img.width, img.height, what, e) != 0) {
        png_image_free(&img);
        return -1;
    }
    img.format = PNG_FORMAT_GRAY;
    g->width = img.width;
    g->height = img.height;
    g->pix = malloc((size_t)img.width * img.height);
    if (g->pix == NULL) {
        png_image_free(&img);
        return err_set(e, EXIT_INPUT, "out of memory reading %s", what);
    }
    if (!png_image_finish_read(&img, &white, g->pix, 0, NULL)) {
        free(g->pix);
        g->pix = NULL;
        return err_set(e, EXIT_INPUT, "%s is not a readable PNG image (%s)",
                       what, img.message);
    }
    return 0;
}

struct jpeg_fail {
    struct jpeg_error_mgr mgr;
    jmp_buf jump;
    char msg[JMSG_LENGTH_MAX];
};

static void jpeg_error_exit(j_common_ptr c)
{
    struct jpeg_fail *f = (struct jpeg_fail *)(void *)c->err;

    (*c->err->format_message)(c, f->msg);
    longjmp(f->jump, 1);
}

/* Library code never prints: libjpeg's warnings are dropped. */
static void jpeg_silent(j_common_ptr c)
{
    (void)c;
}

static void jpeg_rows(struct jpeg_decompress_struct *d, unsigned char *pix)
{
    while (d->output_scanline < d->output_height) {
        JSAMPROW row = pix + (size_t)d->output_scanline * d->output_width;
        (void)jpeg_read_scanlines(d, &row, 1);
    }
}

static int load_jpeg(struct grey *g, const unsigned char *buf, size_t len,
                     const char *what, struct err *e)
{
    struct jpeg_decompress_struct d;
    struct jpeg_fail f;
    unsigned char *volatile pix = NULL;

    d.err = jpeg_std_error(&f.mgr);
    f.mgr.error_exit = jpeg_error_exit;
    f.mgr.output_message = jpeg_silent;
    if (setjmp(f.jump) != 0) {
        jpeg_destroy_decompress(&d);
        free(pix);
        return err_set(e, EXIT_INPUT, "%s is not a readable JPEG image (%s)",
                       what, f.msg);
    }
    jpeg_create_decompress(&d);
    jpeg_mem_src(&d, buf, (unsigned long)len);
    (void)jpeg_read_header(&d, TRUE);
    if (too_large(d.image_width, d.image_height, what, e) != 0) {
        jpeg_destroy_decompress(&d);
        return -1;
    }
    d.out_color_space = JCS_GRAYSCALE;
    (void)jpeg_start_decompress(&d);
    pix = malloc((size_t)d.output_width * d.output_height);
    if (pix == NULL) {
        jpeg_destroy_decompress(&d);
        return err_set(e, EXIT_INPUT, "out of memory reading %s", what);
    }
    jpeg_rows(&d, pix);
    (void)jpeg_finish_decompress(&d);
    jpeg_destroy_decompress(&d);
    g->pix = pix;
    g->width = d.output_width;
    g->height = d.output_height;
    return 0;
}

/* Copies the text of the only QR code zbar found into out. */
static int one_symbol(char *out, size_t outlen, const struct qr_zbar *z,
                      const zbar_image_t *img, const char *what, struct err *e)
{
    const zbar_symbol_t *s, *found = NULL;
    unsigned n = 0, len;

    for (s = z->image_first_symbol(img); s; s = z->symbol_next(s))
        if (z->symbol_get_type(s) == ZBAR_QRCODE) {
            found = s;
            n++;
        }
    if (n == 0)
        return err_set(e, EXIT_INPUT, "no QR code found in %s; photograph "
                       "it closer, flat and well lit", what);
    if (n > 1)
        return err_set(e, EXIT_INPUT, "%s holds %u QR codes; crop it to the "
                       "one to read", what, n);
    len = z->symbol_get_data_length(found);
    if (len >= outlen || memchr(z->symbol_get_data(found), '\0', len))
        return err_set(e, EXIT_INPUT, "the QR code in %s does not hold "
                       "text intake reads", what);
    memcpy(out, z->symbol_get_data(found), len);
    out[len] = '\0';
    return 0;
}

static int scan_grey(char *out, size_t outlen, const struct grey *g,
                     const char *what, struct err *e)
{
    const struct qr_zbar *z;
    zbar_image_scanner_t *sc;
    zbar_image_t *img;
    int rc = -1;

    if (qr_zbar_get(&z, e) != 0)
        return -1;
    sc = z->image_scanner_create();
    img = z->image_create();
    if (sc == NULL || img == NULL ||
        z->image_scanner_set_config(sc, 0, ZBAR_CFG_ENABLE, 0) != 0 ||
        z->image_scanner_set_config(sc, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1) != 0) {
        err_set(e, EXIT_INPUT, "cannot start the QR code reader");
        goto out;
    }
    /* Also read light-on-dark codes (a dark terminal's screenshot). */
    (void)z->image_scanner_set_config(sc, 0, ZBAR_CFG_TEST_INVERTED, 1);
    z->image_set_format(img, zbar_fourcc('Y', '8', '0', '0'));
    z->image_set_size(img, g->width, g->height);
    z->image_set_data(img, g->pix, (unsigned long)g->width * g->height, NULL);
    if (z->scan_image(sc, img) < 0)
        err_set(e, EXIT_INPUT, "cannot read QR codes in %s", what);
    else
        rc = one_symbol(out, outlen, z, img, what, e);
out:
    if (img != NULL)
        z->image_destroy(img);
    if (sc != NULL)
        z->image_scanner_destroy(sc);
    return rc;
}

int qr_scan_image(char *out, size_t outlen, const unsigned char *img,
                  size_t len, const char *what, struct err *e)
{
    static const unsigned char png_magic[8] = { 0x89, 'P', 'N', 'G', '\r',
                                                '\n', 0x1a, '\n' };
    static const unsigned char jpeg_magic[3] = { 0xff, 0xd8, 0xff };
    struct grey g = { NULL, 0, 0 };
    int rc;

    if (len >= sizeof png_magic && memcmp(img, png_magic, sizeof png_magic) == 0)
        rc = load_png(&g, img, len, what, e);
    else if (len >= sizeof jpeg_magic && memcmp(img, jpeg_magic, sizeof jpeg_magic) == 0)
        rc = load_jpeg(&g, img, len, what, e);
    else
        return err_set(e, EXIT_INPUT, "%s is not a PNG or JPEG image", what);
    if (rc != 0)
        return -1;
    rc = scan_grey(out, outlen, &g, what, e);
    free(g.pix);
    return rc;
}

int qr_scan_file(char *out, size_t outlen, const char *path, struct err *e)
{
    unsigned char *buf;
    size_t len;
    int rc;

    if (file_read_all(path, QR_IMAGE_MAX_BYTES, &buf, &len, "image", e) != 0)
        return -1;
    rc = qr_scan_image(out, outlen, buf, len, path, e);
    free(buf);
    return rc;
}
