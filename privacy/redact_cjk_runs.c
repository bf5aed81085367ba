/* A name in Chinese characters read inside a longer transliteration
 * (issue 12, brief s25 ko25, report-adv24 kind 6): 约翰 (John) is the
 * start of 约翰逊 (Johnson), 萨拉 (Sarah) of 萨拉热窝 (Sarajevo).  A
 * replacement of a name whose text is Han characters only, followed at
 * once by characters of the transliteration alphabet, is a part of one
 * longer foreign word: the longest form wins, so the replacement takes
 * the whole run ("约翰逊说" -> "Emily说", not "Emily逊说"); a name
 * that begins a known place's name (萨拉热窝, 约翰内斯堡) is no name: its
 * replacement is dropped.
 *
 * Both tables are WRITTEN BY HAND for intake and want a native reviewer
 * of Chinese: the characters are the commonest of the Xinhua tables for
 * foreign names (英语姓名译名手册's transliteration table), less those
 * that are also common function words after a name (比 than, 可, 大,
 * 的, 和, 在...); the places are a few well known ones that begin with a
 * common given name's transliteration. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/common_words.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"

#define RUN_MAX 8               /* characters a run may add */

static const char translit[] =
    "阿埃艾安昂奥巴拜班邦鲍贝本彼宾波伯博布查达戴丹道德迪蒂丁东杜顿多厄恩尔法凡范菲费芬丰"
    "弗福盖冈戈格古哈海汉豪赫亨洪胡华霍基吉加贾杰捷金卡凯坎康柯科克肯库奎拉莱兰朗劳勒雷"
    "蕾里利莉林琳伦罗洛马玛迈曼梅门蒙米明莫姆穆纳娜奈南内尼宁纽诺帕潘佩彭皮珀普奇乔琼萨"
    "塞桑瑟森沙莎尚舍什斯松苏索塔泰坦汤唐特提汀廷托瓦万威韦维温沃乌西希夏肖谢辛休雅亚扬"
    "耶伊因英尤约詹泽扎兹祖佐逊翰热窝娃莱琪茨"
    /* the same in traditional characters, where they differ */
    "遜頓爾蘭倫羅瑪邁門諾納維溫韋萊傑賈喬瓊薩達貝賓鮑費豐蓋岡漢華紀庫勞裡麗馬彌紐"
    "鬆蘇湯萬烏謝亞揚約詹澤茲熱窩";

/* Runs that are known places or words, not names. */
static const char *const not_names[] = {
    "萨拉热窝", "薩拉熱窩", "约翰内斯堡", "約翰內斯堡", "萨拉戈萨", "萨拉曼卡", "萨拉托加",
    "玛丽亚纳", "安娜堡", "约翰逊维尔",
};

static int han(int cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF);
}

static int translit_cp(const char *s, size_t n)
{
    const char *p = translit;
    size_t len = strlen(translit);

    while ((p = memmem(p, len - (size_t)(p - translit), s, n)) != NULL) {
        if ((size_t)(p - translit) % 3 == 0)
            return 1;
        p++;
    }
    return 0;
}

int redact_cjk_translit(const char *s, size_t n)
{
    return n == 3 && translit_cp(s, n);
}

void redact_cjk_runs(struct spans *sp, const struct normtext *t)
{
    size_t i, j = 0;

    for (i = 0; i < sp->n; i++) {
        struct span *s = &sp->s[i];
        size_t p = s->start, q, added = 0;
        int cp, k, all_han = s->subject > 0 && s->end > s->start;

        while (all_han && p < s->end && (k = utf8_next(&cp, t->norm + p, s->end - p)) > 0) {
            all_han = han(cp);
            p += (size_t)k;
        }
        q = s->end;
        while (all_han && added < RUN_MAX && q < t->normlen &&
               (k = utf8_next(&cp, t->norm + q, t->normlen - q)) == 3 && han(cp) &&
               translit_cp(t->norm + q, 3))
            q += 3, added++;
        if (all_han) {
            int place = 0;
            for (size_t n = 0; n < sizeof not_names / sizeof not_names[0]; n++) {
                size_t len = strlen(not_names[n]);
                if (len > s->end - s->start && len <= t->normlen - s->start &&
                    memcmp(t->norm + s->start, not_names[n], len) == 0)
                    place = 1;
            }
            if (place)
                continue;       /* dropped: a place, no name */
            s->end = q;
        }
        sp->s[j++] = *s;
    }
    sp->n = j;
}

static int by_start(const void *a, const void *b)
{
    const struct span *x = a, *y = b;

    return x->start < y->start ? -1 : x->start > y->start;
}

/* 1 if the norm text [a, b) is one middle dot that joins a name's words
 * (the norm view may write it '-': the original says which); with wide,
 * also one of what else writers put there between the words of a foreign
 * name in Chinese, which Chinese prose never puts between two of its
 * words: a bullet (•, ∙), a full-width full stop (．, not the sentence's
 * 。), a hyphen or a space (亚历山大•库兹涅佐夫, 亚历山大 库兹涅佐夫;
 * report-adv33 L-11, L-15).  Wide is for Han on both sides only: in
 * Latin text a space or hyphen joins any two words. */
static int one_dot(const struct normtext *t, size_t a, size_t b, int wide)
{
    int cp;
    int n = a < b ? utf8_next(&cp, t->orig + t->ostart[a], t->inlen - t->ostart[a]) : 0;

    if (n <= 0 || (a + 1 < b && t->ostart[b - 1] != t->ostart[a]))
        return 0;
    if (cp == 0xB7 || cp == 0x30FB || cp == 0x2027 || cp == 0xFF65 || cp == 0x2E31)
        return 1;
    return wide && (cp == 0x2022 || cp == 0x2219 || cp == 0xFF0E || cp == '-' || cp == 0x2010 ||
           cp == 0x2011 || cp == 0xFF0D || cp == ' ' || cp == 0x3000);
}

/* 1 if the norm text s[0..n) is one Han character that may be a
 * syllable of a foreign name's transcription: not one of the commonest
 * characters nor a particle (common_words.h: 的, 了, 来, 昨, 说). */
static int name_han(const char *s, size_t n)
{
    int cp;

    return utf8_next(&cp, s, n) == (int)n && han(cp) && !common_han_run(s, n) && !han_particle(s, n);
}

/* The start of the run of name_han characters of t's norm text that ends
 * at b, two to RUN_MAX of them; b where there are fewer or more. */
static size_t han_run_before(const struct normtext *t, size_t b)
{
    size_t p = b, q;
    int k = 0;

    while (p > 0 && k <= RUN_MAX) {
        for (q = p - 1; q > 0 && ((unsigned char)t->norm[q] & 0xC0) == 0x80; q--)
            ;
        if (!name_han(t->norm + q, p - q))
            break;
        p = q, k++;
    }
    return k >= 2 && k <= RUN_MAX ? p : b;
}

/* The end of the run of name_han characters that starts at a, two to
 * RUN_MAX of them; a where there are fewer or more. */
static size_t han_run_after(const struct normtext *t, size_t a)
{
    size_t q = a;
    int k = 0, n, cp;

    while (q < t->normlen && k <= RUN_MAX && (n = utf8_next(&cp, t->norm + q, t->normlen - q)) > 0 &&
           name_han(t->norm + q, (size_t)n))
        q += (size_t)n, k++;
    return k >= 2 && k <= RUN_MAX ? q : a;
}

/* 1 if the span x is a replaced person's name written in Han characters
 * only: not an id or a number in Han digits, which a space or a dot
 * never joins to the next word (tests/cli/leaks-num18.bats D-1: "Номер
 * 七五零三一四一二 号码是..." kept 号码). */
static int han_name(const struct span *x, const struct normtext *t)
{
    size_t p = x->start;
    int cp, k;

    if (x->subject <= 0 || x->review || x->end <= x->start ||
        (x->cat != NAME_CAT && x->cat != TERM_PERSON))
        return 0;
    while (p < x->end && (k = utf8_next(&cp, t->norm + p, x->end - p)) > 0 && han(cp))
        p += (size_t)k;
    return p == x->end;
}

/* A replaced Han name and, across one middle dot, a run of Han
 * characters that are no common ones: the other word of the same foreign
 * name (亚历山大·库兹涅佐夫, the traditional 亚历山大 beside the replaced
 * surname: report-adv32 L-13), which the dot, written between the words of
 * a foreign name only, tells; the span takes it. */
static void join_dot_run(struct span *x, const struct normtext *t)
{
    size_t d, e;
    int cp, n;

    if (!han_name(x, t))
        return;
    for (d = x->start; d > 0 && (d == x->start || ((unsigned char)t->norm[d] & 0xC0) == 0x80);)
        d--;
    if (d < x->start && one_dot(t, d, x->start, 1) && (e = han_run_before(t, d)) < d)
        x->start = e;
    if (x->end < t->normlen && (n = utf8_next(&cp, t->norm + x->end, t->normlen - x->end)) > 0 &&
        one_dot(t, x->end, x->end + (size_t)n, 1) &&
        (e = han_run_after(t, x->end + (size_t)n)) > x->end + (size_t)n)
        x->end = e;
}

void redact_cjk_join_dots(struct spans *sp, const struct normtext *t)
{
    if (sp->n == 0)
        return;
    qsort(sp->s, sp->n, sizeof *sp->s, by_start);
    for (size_t i = 0; i + 1 < sp->n; i++) {
        struct span *x = &sp->s[i], *y = &sp->s[i + 1];
        if (x->subject > 0 && x->subject == y->subject && x->cat == y->cat && !x->review &&
            !y->review && y->start > x->end && one_dot(t, x->end, y->start, 0))
            x->end = y->end > x->end ? y->end : x->end;
    }
    for (size_t i = 0; i < sp->n; i++)
        join_dot_run(&sp->s[i], t);
}
