#include "privacy/hanja.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/transcribe.h"

/* build/gen/unihan_data.c (scripts/unihan.sh): sorted by the first column. */
extern const uint16_t unihan_first[][2], unihan_readers[][2], unihan_other[][2];
extern const size_t unihan_first_count, unihan_readers_count, unihan_other_count;

/* The first row of tab[0..n) whose first column is at least cp. */
static size_t lower(const uint16_t (*tab)[2], size_t n, int cp)
{
    size_t lo = 0, hi = n, mid;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        if (tab[mid][0] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int hanja_reading(int cp)
{
    size_t i;

    if (cp < 0x3400 || cp > 0xFFFF)
        return 0;
    i = lower(unihan_first, unihan_first_count, cp);
    return i < unihan_first_count && unihan_first[i][0] == cp ? unihan_first[i][1] : 0;
}

size_t hanja_readings(int *out, size_t max, int cp)
{
    size_t i, n = 0;
    int first = hanja_reading(cp);

    if (first == 0 || max == 0)
        return 0;
    out[n++] = first;
    for (i = lower(unihan_other, unihan_other_count, cp);
         i < unihan_other_count && unihan_other[i][0] == cp && n < max; i++)
        out[n++] = unihan_other[i][1];
    return n;
}

size_t hanja_readers(int *out, size_t max, int syl)
{
    size_t i, n = 0;

    if (syl < 0xAC00 || syl > 0xD7A3)
        return 0;
    for (i = lower(unihan_readers, unihan_readers_count, syl);
         i < unihan_readers_count && unihan_readers[i][0] == syl && n < max; i++)
        out[n++] = unihan_readers[i][1];
    return n;
}

/* Characters the Chinese press writes Korean given names with by their
 * sound where the name is a native Korean word with no Hanja (나라 金娜拉,
 * 보라 宝拉, 하나 哈娜, 소라 素拉; 나 as 娜 or 纳: 金纳拉, report-adv32
 * L-10): the commonest of the Xinhua tables
 * for foreign names (英语姓名译名手册's table, the characters
 * redact_cjk_runs.c lists) that read a Korean syllable's sound.  WRITTEN
 * BY HAND for intake; wants a native reviewer of Chinese. */
static const char sound_chars[] = "娜纳拉那达妮丽莉露鲁雅娅阿哈莎沙瑟素苏宝";

/* 1 if the pinyin py[0..n) is the Revised Romanisation rr[0..m) of a
 * Hangul syllable as Chinese hears it: r as l (라 ra: 拉 la), o as uo
 * (로 ro: 罗 luo). */
static int sounds_as(const char *py, size_t n, const char *rr, size_t m)
{
    size_t i = 0, j = 0;

    while (i < n && j < m) {
        char c = rr[j] == 'r' ? 'l' : rr[j];
        if (py[i] == 'u' && c == 'o' && i + 1 < n && py[i + 1] == 'o')
            i++;
        if (py[i] != c)
            return 0;
        i++, j++;
    }
    return i == n && j == m;
}

size_t hanja_sound_readers(int *out, size_t max, int syl)
{
    char rr[16], py[16];
    int m = transcribe_reading(rr, sizeof rr, syl), n, cp;
    size_t k = 0;

    if (syl < 0xAC00 || syl > 0xD7A3 || m <= 0)
        return 0;
    for (const char *p = sound_chars; *p != '\0' && k < max; p += 3) {
        cp = (p[0] & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F);
        int h = hanja_reading(cp);
        if (h != 0 && h != syl && (n = transcribe_reading(py, sizeof py, cp)) > 0 &&
            sounds_as(py, (size_t)n, rr, (size_t)m))
            out[k++] = h;
    }
    return k;
}
