#include "export/mediatext.h"

#include "util/intl.h"

/* Bytes of the UTF-8 character at b[0..n), or 0 if it is not one
 * (RFC 3629: shortest form, no surrogates, at most U+10FFFF). */
static size_t utf8_char(const unsigned char *b, size_t n)
{
    unsigned c = b[0];
    size_t len;
    unsigned long cp;

    if (c < 0x80)
        return c == 0 ? 0 : 1;
    if (c >= 0xc2 && c <= 0xdf)
        len = 2, cp = c & 0x1f;
    else if (c >= 0xe0 && c <= 0xef)
        len = 3, cp = c & 0x0f;
    else if (c >= 0xf0 && c <= 0xf4)
        len = 4, cp = c & 0x07;
    else
        return 0;
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((b[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (b[i] & 0x3fu);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
        (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return len;
}

enum mediatext_kind mediatext_kind(const unsigned char *buf, size_t len)
{
    size_t at = 0, n;

    for (size_t i = 0; i < len; i += n)
        if ((n = utf8_char(buf + i, len - i)) == 0)
            return MEDIATEXT_NOT_UTF8;
    if (len >= 3 && buf[0] == 0xef && buf[1] == 0xbb && buf[2] == 0xbf)
        at = 3;
    while (at < len && (buf[at] == ' ' || buf[at] == '\t' || buf[at] == '\r' ||
                        buf[at] == '\n' || buf[at] == '\f' || buf[at] == '\v'))
        at++;
    return at < len && buf[at] == '<' ? MEDIATEXT_MARKUP : MEDIATEXT_PLAIN;
}

const char *mediatext_refusal(enum mediatext_kind k)
{
    switch (k) {
    case MEDIATEXT_MARKUP:
        return N_("markup (SVG, XML, HTML) can hide text that intake does not redact");
    case MEDIATEXT_NOT_UTF8:
        return N_("text that is not UTF-8 cannot be redacted (convert it to UTF-8 and "
                  "attach it again)");
    default:
        return NULL;
    }
}
