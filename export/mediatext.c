#include "export/mediatext.h"

#include <string.h>
#include <strings.h>

#include "util/intl.h"

/* Bytes of the UTF-8 character at b[0..n) and its code point in *cp, or
 * 0 if it is not one (RFC 3629: shortest form, no surrogates, at most
 * U+10FFFF; NUL is not text). */
static size_t utf8_char(unsigned long *cp, const unsigned char *b, size_t n)
{
    unsigned c = b[0];
    size_t len;

    if (c < 0x80) {
        *cp = c;
        return c == 0 ? 0 : 1;
    }
    if (c >= 0xc2 && c <= 0xdf)
        len = 2, *cp = c & 0x1f;
    else if (c >= 0xe0 && c <= 0xef)
        len = 3, *cp = c & 0x0f;
    else if (c >= 0xf0 && c <= 0xf4)
        len = 4, *cp = c & 0x07;
    else
        return 0;
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((b[i] & 0xc0) != 0x80)
            return 0;
        *cp = (*cp << 6) | (b[i] & 0x3fu);
    }
    if ((len == 3 && *cp < 0x800) || (len == 4 && (*cp < 0x10000 || *cp > 0x10ffff)) ||
        (*cp >= 0xd800 && *cp <= 0xdfff))
        return 0;
    return len;
}

/* Bytes at the start of buf[0..len) that are whole UTF-8 characters. */
static size_t utf8_prefix(const unsigned char *buf, size_t len)
{
    unsigned long cp;
    size_t i = 0, n;

    while (i < len && (n = utf8_char(&cp, buf + i, len - i)) != 0)
        i += n;
    return i;
}

int mediatext_utf8_add(struct mediatext_utf8 *u, const unsigned char *buf, size_t len)
{
    size_t n;

    if (u->bad)
        return 0;
    /* A character begun in the last piece: one byte at a time until it
     * is whole, or 4 bytes that are not one. */
    while (u->ncarry > 0 && len > 0) {
        u->carry[u->ncarry++] = *buf++;
        len--;
        if (utf8_prefix(u->carry, u->ncarry) == u->ncarry)
            u->ncarry = 0;
        else if (u->ncarry == sizeof u->carry)
            return !(u->bad = 1);
    }
    if (u->ncarry > 0)
        return 1;                       /* the piece ended inside it */
    n = utf8_prefix(buf, len);
    if (len - n >= sizeof u->carry)
        return !(u->bad = 1);
    memcpy(u->carry, buf + n, len - n);
    u->ncarry = len - n;
    return 1;
}

int mediatext_utf8_end(struct mediatext_utf8 *u)
{
    int ok = !u->bad && u->ncarry == 0;

    memset(u, 0, sizeof *u);
    return ok;
}

int mediatext_never_text(unsigned char b)
{
    /* file(1), src/encoding.c, text_chars: F for 0x00-0x06, 0x0e-0x1a,
     * 0x1c-0x1f and 0x7f; T for BEL, BS, TAB, LF, VT, FF, CR and ESC. */
    return b <= 0x06 || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f) || b == 0x7f;
}

int mediatext_sniff_add(struct mediatext_sniff *s, const unsigned char *buf, size_t len)
{
    for (size_t i = 0; !s->never && i < len; i++)
        s->never = mediatext_never_text(buf[i]);
    if (!s->u8.bad)
        mediatext_utf8_add(&s->u8, buf, len);
    return !(s->never && s->u8.bad);
}

int mediatext_sniff_end(struct mediatext_sniff *s)
{
    int binary = s->never && (s->u8.bad || s->u8.ncarry > 0);

    memset(s, 0, sizeof *s);
    return binary;
}

int mediatext_binary(const unsigned char *buf, size_t len)
{
    struct mediatext_sniff s;

    memset(&s, 0, sizeof s);
    mediatext_sniff_add(&s, buf, len);
    return mediatext_sniff_end(&s);
}

int mediatext_control(unsigned long cp)
{
    return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' && cp != '\f') ||
           (cp >= 0x7f && cp <= 0x9f);
}

/* 1 if cp shows as nothing or as a space: ASCII white space, Unicode's
 * space separators (Zs) and its Default_Ignorable_Code_Point characters
 * (DerivedCoreProperties.txt, Unicode 15: soft hyphen, zero-width and
 * joiner characters, bidi marks and controls, word joiner and invisible
 * operators, Hangul fillers, variation selectors, the BOM, tags). */
static int invisible(unsigned long cp)
{
    static const unsigned long r[][2] = {
        { 0x09, 0x0d }, { 0x20, 0x20 }, { 0xa0, 0xa0 }, { 0xad, 0xad }, { 0x34f, 0x34f },
        { 0x61c, 0x61c }, { 0x115f, 0x1160 }, { 0x1680, 0x1680 }, { 0x17b4, 0x17b5 },
        { 0x180b, 0x180f }, { 0x2000, 0x200f }, { 0x2028, 0x202f }, { 0x205f, 0x206f },
        { 0x3000, 0x3000 }, { 0x3164, 0x3164 }, { 0xfe00, 0xfe0f }, { 0xfeff, 0xfeff },
        { 0xffa0, 0xffa0 }, { 0xfff0, 0xfff8 }, { 0x1bca0, 0x1bca3 }, { 0x1d173, 0x1d17a },
        { 0xe0000, 0xe0fff },
    };

    for (size_t i = 0; i < sizeof r / sizeof r[0]; i++)
        if (cp >= r[i][0] && cp <= r[i][1])
            return 1;
    return 0;
}

static int letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The bytes of the tag's opening at b[0..n) ("<" then a name, "</" then
 * a name, "<!" or "<?"), or 0 if b does not open a tag: a '<' followed
 * by a space, a digit or punctuation is prose ("a < b", "<3"). */
static size_t tag_open(const unsigned char *b, size_t n)
{
    if (n < 2 || b[0] != '<')
        return 0;
    if (letter(b[1]) || b[1] == '!' || b[1] == '?')
        return 2;
    return n >= 3 && b[1] == '/' && letter(b[2]) ? 3 : 0;
}

size_t mediatext_tag(const unsigned char *b, size_t n)
{
    size_t at = tag_open(b, n);

    if (at == 0)
        return 0;
    for (; at < n && b[at] != '<'; at++)
        if (b[at] == '>')
            return at + 1;
    return 0;
}

enum mediatext_kind mediatext_kind(const unsigned char *buf, size_t len)
{
    size_t first = len, n;
    int control = 0, tag = 0;
    unsigned long cp;

    for (size_t i = 0; i < len; i += n) {
        if ((n = utf8_char(&cp, buf + i, len - i)) == 0)
            return MEDIATEXT_NOT_UTF8;
        control |= mediatext_control(cp);
        if (first == len && !invisible(cp))
            first = i;
        if (cp == '<' && !tag)
            tag = mediatext_tag(buf + i, len - i) > 0 ||
                  (i == first && tag_open(buf + i, len - i) > 0);
    }
    /* RTF ("{\\rtf1"; report adv12 A-12): its letters are escapes (\\u44608?,
     * \\'b1 in the document's code page) and its {\\info} group is metadata. */
    if (first + 5 <= len && memcmp(buf + first, "{\\rtf", 5) == 0)
        tag = 1;
    return control ? MEDIATEXT_CONTROL : tag ? MEDIATEXT_MARKUP : MEDIATEXT_PLAIN;
}

/* The length of the terminal control sequence at b[0..n) (ECMA-48: ESC
 * '[' or the C1 CSI, parameter and intermediate bytes, a final byte; ESC
 * and one byte; ESC ']' or OSC up to BEL or ST), or 0 if none starts
 * there. */
static size_t escape(const unsigned char *b, size_t n)
{
    size_t at;

    if (n >= 2 && b[0] == 0x1b && b[1] == '[')
        at = 2;
    else if (n >= 2 && b[0] == 0xc2 && b[1] == 0x9b)
        at = 2;
    else if ((n >= 2 && b[0] == 0x1b && b[1] == ']') || (n >= 2 && b[0] == 0xc2 && b[1] == 0x9d)) {
        for (at = 2; at < n; at++)
            if (b[at] == 0x07)
                return at + 1;
            else if (b[at] == 0x1b && at + 1 < n && b[at + 1] == '\\')
                return at + 2;
        return n;
    } else if (n >= 2 && b[0] == 0x1b && b[1] >= 0x20 && b[1] < 0x7f)
        return 2;
    else
        return 0;
    while (at < n && b[at] >= 0x20 && b[at] <= 0x3f)
        at++;
    return at < n && b[at] >= 0x40 && b[at] <= 0x7e ? at + 1 : at;
}

/* The bytes of a namespace declaration at b[0..n) (" xmlns" or
 * " xmlns:x", '=', a quoted value), or 0. */
static size_t xmlns(const unsigned char *b, size_t n)
{
    size_t at = 6;
    unsigned char q;

    if (n < 9 || (b[0] != ' ' && b[0] != '\t' && b[0] != '\n' && b[0] != '\r') ||
        strncasecmp((const char *)b + 1, "xmlns", 5) != 0)
        return 0;
    while (at < n && b[at] != '=' && b[at] != '>' && b[at] != ' ')
        at++;
    if (at + 1 >= n || b[at] != '=' || (b[at + 1] != '"' && b[at + 1] != '\''))
        return 0;
    q = b[at + 1];
    for (at += 2; at < n && b[at] != q; at++)
        ;
    return at < n ? at + 1 : 0;
}

/* The tag b[0..n) as MEDIATEXT_VIEW_TEXT keeps it, into out: whole, less
 * its namespace declarations; a DOCTYPE not at all. They name the format
 * (a URL), not anything the text says. */
static size_t copy_tag(char *out, const unsigned char *b, size_t n)
{
    size_t w = 0, k;
    unsigned long cp;

    if (n >= 9 && strncasecmp((const char *)b, "<!DOCTYPE", 9) == 0)
        return 0;
    for (size_t i = 0; i < n; i += k) {
        if ((k = xmlns(b + i, n - i)) > 0)
            continue;
        if ((k = utf8_char(&cp, b + i, n - i)) == 0)
            k = 1;                       /* not text: dropped, as outside tags */
        else if (!mediatext_control(cp)) {
            memcpy(out + w, b + i, k);
            w += k;
        }
    }
    return w;
}

size_t mediatext_view(char *out, const unsigned char *in, size_t len, enum mediatext_view how)
{
    size_t w = 0, n, k;
    unsigned long cp;

    for (size_t i = 0; i < len; i += n) {
        if ((k = escape(in + i, len - i)) > 0) {
            n = k;
            continue;
        }
        if ((k = mediatext_tag(in + i, len - i)) > 0) {
            if (how == MEDIATEXT_VIEW_TEXT)
                w += copy_tag(out + w, in + i, k);
            else if (how == MEDIATEXT_VIEW_SPACED)
                out[w++] = ' ';
            n = k;
            continue;
        }
        if ((n = utf8_char(&cp, in + i, len - i)) == 0)
            n = 1;                       /* not text: dropped */
        else if (!mediatext_control(cp)) {
            memcpy(out + w, in + i, n);
            w += n;
        }
    }
    out[w] = '\0';
    return w;
}

size_t mediatext_words(char *out, const unsigned char *in, size_t len)
{
    size_t w = mediatext_view(out, in, len, MEDIATEXT_VIEW_TEXT);

    out[w++] = '\n';
    w += mediatext_view(out + w, in, len, MEDIATEXT_VIEW_JOINED);
    out[w++] = '\n';
    w += mediatext_view(out + w, in, len, MEDIATEXT_VIEW_SPACED);
    return w;
}

/* The byte order of the UTF-16 text head[0..n) begins (1 little-endian,
 * 2 big-endian), or 0 if its first bytes are not UTF-16 (mediatext_utf16). */
static int utf16_order(const unsigned char *head, size_t n)
{
    size_t zero[2] = { 0, 0 }, pairs = n / 2;

    if (n >= 2 && head[0] == 0xff && head[1] == 0xfe)
        return 1;
    if (n >= 2 && head[0] == 0xfe && head[1] == 0xff)
        return 2;
    if (pairs < 4)
        return 0;
    for (size_t i = 0; i < 2 * pairs; i += 2) {
        if (head[i] == 0 && head[i + 1] == 0)
            return 0;
        zero[0] += head[i] == 0, zero[1] += head[i + 1] == 0;
    }
    /* The high byte of ASCII letters, spaces and line breaks is 0 (in one
     * position of each pair: UTF-16BE's first, UTF-16LE's second). */
    return zero[0] == 0 && 4 * zero[1] >= pairs ? 1 : zero[1] == 0 && 4 * zero[0] >= pairs ? 2 : 0;
}

int mediatext_utf16(const unsigned char *head, size_t n)
{
    return utf16_order(head, n) != 0;
}

int mediatext_utf16_start(struct mediatext_utf16 *u, const unsigned char *head, size_t n)
{
    memset(u, 0, sizeof *u);
    u->order = utf16_order(head, n);
    return u->order != 0;
}

/* 0 once the code unit c makes the text so far not UTF-16 text. */
static int utf16_unit(struct mediatext_utf16 *u, unsigned c)
{
    if (u->high != 0 && (c < 0xdc00 || c > 0xdfff))
        return !(u->bad = 1);               /* a high surrogate alone */
    if (u->high != 0) {
        u->high = 0;
        return 1;
    }
    if (c >= 0xdc00 && c <= 0xdfff)
        return !(u->bad = 1);               /* a low surrogate alone */
    if (c >= 0xd800 && c <= 0xdbff)
        u->high = c;
    else if (c < 0x80 && mediatext_never_text((unsigned char)c))
        return !(u->bad = 1);
    return 1;
}

int mediatext_utf16_add(struct mediatext_utf16 *u, const unsigned char *buf, size_t len)
{
    size_t i = 0;

    if (u->bad || u->order == 0)
        return 0;
    if (u->nodd && len > 0) {
        unsigned c = u->order == 1 ? u->odd | (unsigned)buf[0] << 8
                                   : (unsigned)u->odd << 8 | buf[0];

        u->nodd = 0;
        i = 1;
        if (!utf16_unit(u, c))
            return 0;
    }
    for (; i + 1 < len; i += 2) {
        unsigned c = u->order == 1 ? buf[i] | (unsigned)buf[i + 1] << 8
                                   : (unsigned)buf[i] << 8 | buf[i + 1];

        if (!utf16_unit(u, c))
            return 0;
    }
    if (i < len) {
        u->odd = buf[i];
        u->nodd = 1;
    }
    return 1;
}

int mediatext_utf16_end(struct mediatext_utf16 *u)
{
    int ok = u->order != 0 && !u->bad && !u->nodd && u->high == 0;

    memset(u, 0, sizeof *u);
    return ok;
}

const char *mediatext_refusal(enum mediatext_kind k)
{
    switch (k) {
    case MEDIATEXT_MARKUP:
        return N_("markup (SVG, XML, HTML, RTF) can hide text that intake does not redact");
    case MEDIATEXT_NOT_UTF8:
        return N_("text that is not UTF-8 cannot be redacted (convert it to UTF-8 and "
                  "attach it again)");
    case MEDIATEXT_CONTROL:
        return N_("text with control characters (terminal colour codes, ESC, C0) cannot "
                  "be redacted: a name can hide between them (remove them and attach it "
                  "again)");
    default:
        return NULL;
    }
}
