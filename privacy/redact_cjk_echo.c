/* A registered name's word in Chinese characters or katakana, once a mark
 * in the text has shown it is the name (摩根太太, モーガンさん:
 * redact_cjk_titled.c), is that name wherever else the same text writes
 * it, with no mark (report-adv27c H-2: "昨天摩根说了很多。摩根太太也来了。"
 * left 摩根说).  Chinese writes no spaces, so a surname alone is too
 * common a shape to read as a name by itself (three classes of a
 * transcription key: redact_cjk_titled.c); the same characters the text
 * itself marks as the name are not chance.  Only within one text: what
 * one record marks says nothing of another's words. */
#include <stddef.h>
#include <string.h>

#include "privacy/normalise.h"
#include "privacy/redact_int.h"
#include "privacy/transcribe.h"

/* 1 if norm[a..b) overlaps a span of sp. */
static int overlaps(const struct spans *sp, size_t a, size_t b)
{
    for (size_t i = 0; i < sp->n; i++)
        if (sp->s[i].start < b && a < sp->s[i].end)
            return 1;
    return 0;
}

/* 1 if a katakana letter (or the long mark, written '-' in the norm view)
 * touches norm[a..b) on either side: a katakana name is a whole word. */
static int kana_glued(const struct normtext *t, size_t a, size_t b)
{
    int cp;

    if (a > 0) {
        cp = redact_cp_before(t->norm, a);
        if (transcribe_is_katakana(cp) || cp == '-')
            return 1;
    }
    return b < t->normlen && utf8_next(&cp, t->norm + b, t->normlen - b) > 0 &&
           (transcribe_is_katakana(cp) || cp == '-');
}

int redact_cjk_echo(struct spans *sp, size_t from, const struct normtext *t)
{
    size_t n0 = sp->n;
    int cp;

    for (size_t i = from; i < n0; i++) {
        struct span s = sp->s[i];
        size_t len = s.end - s.start, p;
        const char *at;

        if (len == 0 || utf8_next(&cp, t->norm + s.start, len) <= 0)
            continue;
        int kana = transcribe_is_katakana(cp);
        if (!kana && !is_han_cp(cp))
            continue;
        /* One Han character (武 of 武さん: redact_cjk_ja.c) is too often a
         * word to be the name wherever it stands. */
        if (!kana && utf8_next(&cp, t->norm + s.start, len) == (int)len)
            continue;
        for (p = 0; p + len <= t->normlen; p = (size_t)(at - t->norm) + 1) {
            if ((at = memmem(t->norm + p, t->normlen - p, t->norm + s.start, len)) == NULL)
                break;
            size_t a = (size_t)(at - t->norm);
            if (overlaps(sp, a, a + len) || (kana && kana_glued(t, a, a + len)))
                continue;
            struct span e = s;
            e.start = a, e.end = a + len;
            if (redact_span_add(sp, &e) != 0)
                return -1;
        }
    }
    return 0;
}
