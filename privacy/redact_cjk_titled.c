/* A word of a registered name written in Chinese characters or katakana
 * where the text marks it as a person's name (issue 12, brief s27
 * names27, report-adv26a D-8 and D-20): 摩根先生, 小摩根, 老摩根,
 * モーガンさん, 丹尼尔·摩根 beside the replaced given name (Daniel Morgan),
 * and 金先生, 小金, 老金 for a registered Korean surname (김종수).
 *
 * A foreign name's word is read as Chinese and Japanese transcription
 * hear English: the Korean loanword readings of transcribe_loanword
 * (an r after a vowel and not before one left out: Morgan "mogan", as
 * Xinhua's table writes 摩根 and Japanese モーガン), and the plain
 * spelling; each reading is brought to transcribe_skeleton_cjk's key with
 * runs of one class made one (katakana's key), pinyin's final -ng read as
 * -n (汤 tang of Thom, 朗 lang of Brown; the Xinhua table writes an English
 * final n and ng alike).  Such a key of three classes is too common a
 * shape in Chinese text to be a name by itself (redact_scripts.c replaces
 * from five), so it counts only where a mark says a name stands there:
 * a title after it (先生, さん...), 小 or 老 before it (Chinese familiar
 * address), or a middle dot joining it to a replaced name of the same
 * subject.  A Korean surname's Hanja (金 of 김, by its Unihan readings:
 * hanja.h) with such a title is a `title-name` review flag, as "Mr Kim"
 * and "김 선생님" are; never replaced (金 is also "gold").
 *
 * Brief s28 names28: a reading's v before a vowel is also read w
 * (科瓦连科, コワレンコ for Kovalenko: report-adv27c H-1); a Cyrillic word
 * of a name is read through its Latin letters (romanise_reading), so a
 * name registered only in Cyrillic is found too (report-adv26a D-15); each
 * Latin word is also kept whole (JA_PART) for a window of two to four
 * kanji that reads it through their Japanese readings (田中さん for
 * Tanaka: kanji_ja.h, report-adv27a G-8); and what this file replaces is
 * replaced where the same text writes it again unmarked
 * (redact_cjk_echo.c, report-adv27c H-2).
 *
 * The title tables below are WRITTEN BY HAND for intake and want a native
 * reviewer of Chinese and of Japanese: the commonest titles and words of
 * address written after a surname in Chinese (先生, 女士, 小姐, 太太 and
 * the professions a testimony names: 医生, 老师, 律师, 经理, 老板...,
 * simplified and traditional) and in Japanese (さん, 様, 氏, 君, ちゃん,
 * 先生 and the office titles 社長, 部長), from the author's knowledge of
 * the languages, not copied from a list. */
#include <stdint.h>
#include <string.h>

#include <sodium.h>

#include "crypto/secmem.h"
#include "privacy/common_words.h"
#include "privacy/hanja.h"
#include "privacy/kanji_ja.h"
#include "privacy/normalise.h"
#include "privacy/redact_int.h"
#include "privacy/romanise.h"
#include "privacy/transcribe.h"
#include "privacy/variants.h"
#include "privacy/varlist.h"

/* Classes a key needs: two (KT of Carter) are too many words' shape even
 * after a title, unless the window is long (long_window). */
#define KEY_MIN 3
/* Classes of a key that is read with no mark at all (bare), in Han
 * characters of the transliteration alphabet and in katakana. */
#define BARE_HAN_MIN 3
#define BARE_KANA_MIN 5
/* Characters of a window read. */
#define WINDOW_MAX 6
/* Bytes of a reading. */
#define READ_MAX 96
/* cjk_part.n of a Latin word kept whole to be read through kanji's
 * Japanese readings (Tanaka: 田中; kanji_ja.h). */
#define JA_PART 0xFF

struct cjk_part {
    uint32_t term;
    unsigned char n;            /* classes; 0 for a Korean surname */
    int syl;                    /* the surname's Hangul syllable (n == 0) */
    char s[TRANSCRIBE_SKEL_MAX + 1];
};

/* Titles written after a name (Chinese, then Japanese), and Chinese
 * familiar prefixes written before one. */
static const char *const after_titles[] = {
    "先生", "女士", "小姐", "太太", "夫人", "博士", "医生", "醫生", "大夫", "老师", "老師",
    "教授", "律师", "律師", "牧师", "牧師", "经理", "經理", "老板", "老闆", "师傅", "師傅",
    "同志", "さん", "さま", "様", "氏", "君", "くん", "ちゃん", "社長", "部長", "課長",
    "選手", "医師", "殿", "どの", "先輩", "嬢",
};
static const char *const before_titles[] = { "小", "老" };

/* The reading rd[0..len) brought to its key: an n before g and no vowel
 * (pinyin's -ng) read as n, then transcribe_skeleton_cjk, runs of one class
 * made one.  Returns the classes (more than TRANSCRIBE_SKEL_MAX when too
 * long). */
static size_t part_key(char *out, size_t cap, const char *rd, size_t len)
{
    char s[READ_MAX];
    size_t i, o = 0, c;

    for (i = 0; i < len && o < sizeof s; i++) {
        if (rd[i] == 'g' && i > 0 && rd[i - 1] == 'n' &&
            (i + 1 == len || strchr("aeiouy", rd[i + 1]) == NULL))
            continue;
        s[o++] = rd[i];
    }
    if (i < len)
        return TRANSCRIBE_SKEL_MAX + 1;
    c = transcribe_skeleton_cjk(out, cap, s, o);
    sodium_memzero(s, sizeof s);
    return c > TRANSCRIBE_SKEL_MAX ? c : transcribe_collapse(out);
}

static int part_add(struct redactor *r, const struct cjk_part *p)
{
    for (size_t i = 0; i < r->ncjk; i++)
        if (r->cjk[i].term == p->term && r->cjk[i].n == p->n && r->cjk[i].syl == p->syl &&
            strcmp(r->cjk[i].s, p->s) == 0)
            return 0;
    if (r->ncjk == r->cjkcap) {
        size_t cap = r->cjkcap ? 2 * r->cjkcap : 8;
        struct cjk_part *g = secmem_wipe_malloc(cap * sizeof *g);
        if (g == NULL)
            return -1;
        if (r->ncjk > 0)
            memcpy(g, r->cjk, r->ncjk * sizeof *g);
        secmem_wipe_free(r->cjk);
        r->cjk = g, r->cjkcap = cap;
    }
    r->cjk[r->ncjk++] = *p;
    return 0;
}

/* Rewrites each v before a vowel in rd[0..len) as w; 1 if there was one. */
static int v_to_w(char *rd, size_t len)
{
    int any = 0;

    for (size_t i = 0; i + 1 < len; i++)
        if (rd[i] == 'v' && strchr("aeiouy", rd[i + 1]) != NULL)
            rd[i] = 'w', any = 1;
    return any;
}

/* The keys of one Latin word w[0..len) (lower case ASCII) of a name. */
static int word_add(struct redactor *r, const char *w, size_t len)
{
    struct cjk_part p;
    char ld[READ_MAX];
    size_t m, c;
    int rc = 0;

    memset(&p, 0, sizeof p);
    p.term = (uint32_t)r->nterms;
    /* The word itself, for a Japanese name in kanji (report-adv27a G-8). */
    if (len < sizeof p.s) {
        memcpy(p.s, w, len), p.n = JA_PART;
        rc = part_add(r, &p);
        memset(p.s, 0, sizeof p.s), p.n = 0;
    }
    for (int alt = -1; rc == 0 && alt < 4; alt++) {
        if (alt < 0) {
            if (len > sizeof ld)
                break;
            memcpy(ld, w, len), m = len;
        } else if ((m = transcribe_loanword(ld, sizeof ld, w, len, alt)) == 0) {
            continue;
        }
        for (int vw = 0; rc == 0 && vw < 3; vw++) {
            /* A Slavic or German v before a vowel is w in Japanese
             * transcription (Kovalenko: コワレンコ; report-adv27c H-1),
             * which the key leaves out; Chinese is read as heard. */
            if ((vw == 1 && !v_to_w(ld, m)) || (vw == 2 && (m = transcribe_heard_word(ld, m)) == 0))
                continue;
            c = part_key(p.s, sizeof p.s, ld, m);
            if (c >= 2 && c <= TRANSCRIBE_SKEL_MAX) {
                p.n = (unsigned char)c;
                rc = part_add(r, &p);
            }
        }
    }
    sodium_memzero(ld, sizeof ld);
    sodium_memzero(&p, sizeof p);
    return rc;
}

/* The norm view name[0..len): its Latin words (not a Korean name's), or a
 * Hangul name's surname syllable. */
static int add_norm(struct redactor *r, const char *name, size_t len)
{
    char w[8][32];
    size_t wl[8] = { 0 }, nw = 0, i = 0;
    int cp, n, inword = 0, latin = 1, syl[4] = { 0 }, nsyl = 0, rc = 0;

    while (i < len && (n = utf8_next(&cp, name + i, len - i)) > 0) {
        i += (size_t)n;
        if (cp >= 'a' && cp <= 'z') {
            if (!inword && nw == 8)
                return 0;
            if (!inword)
                nw++, inword = 1;
            if (wl[nw - 1] < sizeof w[0])
                w[nw - 1][wl[nw - 1]++] = (char)cp;
            continue;
        }
        /* A Cyrillic word read by its Latin letters (Коваленко, Файзал of a
         * name registered only in Cyrillic: report-adv26a D-15, 法扎尔先生). */
        if (is_cyrillic_cp(cp)) {
            char rd[8];
            int m = romanise_reading(rd, sizeof rd, cp, 1);
            if (m < 0)
                return 0;
            if (!inword && nw == 8)
                return 0;
            if (!inword)
                nw++, inword = 1;
            for (int j = 0; j < m; j++)
                if (wl[nw - 1] < sizeof w[0])
                    w[nw - 1][wl[nw - 1]++] = rd[j];
            continue;
        }
        inword = 0;
        if (cp >= 0xAC00 && cp <= 0xD7A3) {
            if (nsyl < 4)
                syl[nsyl] = cp;
            nsyl++;
        } else if (cp != ' ' && cp != '-' && cp != '\'' && cp != '.') {
            latin = 0;
        }
    }
    if (nsyl >= 2 && nsyl <= 4 && nw == 0) {
        const char *s = name;
        while (s < name + len && ((unsigned char)*s < 0xEA || (unsigned char)*s > 0xED))
            s++;        /* the first Hangul syllable's bytes (U+AC00..U+D7A3) */
        if (s + 3 <= name + len && variants_is_surname(s, 3)) {
            struct cjk_part p;
            memset(&p, 0, sizeof p);
            p.term = (uint32_t)r->nterms, p.syl = syl[0];
            rc = part_add(r, &p);
        }
        return rc;
    }
    if (!latin || nsyl > 0 || nw == 0 || variants_is_surname(w[0], wl[0]) ||
        variants_is_surname(w[nw - 1], wl[nw - 1]))
        return 0;
    for (i = 0; rc == 0 && i < nw; i++)
        if (wl[i] >= 3 && wl[i] < sizeof w[0])
            rc = word_add(r, w[i], wl[i]);
    sodium_memzero(w, sizeof w);
    return rc;
}

int redact_cjk_titled_add(struct redactor *r, const char *name, size_t len)
{
    char *norm;
    size_t nlen;
    int rc;

    if (normalise_norm(&norm, &nlen, name, len, NULL) != 0)
        return -1;
    rc = add_norm(r, norm, nlen);
    secmem_free(norm);
    return rc;
}

void redact_cjk_titled_free(struct redactor *r)
{
    secmem_wipe_free(r->cjk);
    r->cjk = NULL, r->ncjk = r->cjkcap = 0;
}

static int katakana(int cp)
{
    return transcribe_is_katakana(cp);
}

/* The code point of the original text that norm byte p comes from. */
static int orig_cp(const struct normtext *t, size_t p)
{
    int cp;

    return utf8_next(&cp, t->orig + t->ostart[p], t->inlen - t->ostart[p]) > 0 ? cp : -1;
}

/* The script of the window's letter cp at norm byte p: 1 Han, 2 katakana,
 * 0 neither.  The norm view writes the long mark ー, and the middle dot ・
 * too, as '-' (norm_is_dash): the original says which.  A Chinese
 * particle (han_particle: 被, 和, 的) is no letter of a window: it is never
 * a syllable of a foreign name, so a window beside a name's dot stops
 * before it (萨沙·沃尔科夫|被抓了, 娜塔莎|和|娜塔莉娅·奥尔洛娃;
 * report-adv34 O-5, O-6, O-10). */
static int cjk_script(const struct normtext *t, size_t p, int cp)
{
    if (cp == '-')
        return normtext_long_mark(t, p) ? 2 : 0;
    if (is_han_cp(cp))
        return han_particle(t->norm + p, p + 3 <= t->normlen ? 3 : 0) ? 0 : 1;
    return katakana(cp) ? 2 : 0;
}

/* Length in bytes of a title of tab at norm byte p, or 0. */
static size_t title_at(const struct normtext *t, size_t p, const char *const *tab, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(tab[i]);
        if (p + k <= t->normlen && memcmp(t->norm + p, tab[i], k) == 0)
            return k;
    }
    return 0;
}

/* 1 if cp is a middle dot that joins a name's words. */
static int name_dot(int cp)
{
    return cp == 0xB7 || cp == 0x30FB || cp == 0x2027 || cp == 0xFF65 || cp == 0x2E31;
}

/* The start of the code point that ends at norm byte p (p > 0). */
static size_t back(const struct normtext *t, size_t p)
{
    do
        p--;
    while (p > 0 && ((unsigned char)t->norm[p] & 0xC0) == 0x80);
    return p;
}

/* The subject of a replaced name in sp that ends at norm byte p (or starts
 * there, with starts), or 0. */
static long span_subject(const struct spans *sp, size_t p, int starts)
{
    for (size_t i = 0; i < sp->n; i++)
        if (sp->s[i].subject > 0 && !sp->s[i].review && (starts ? sp->s[i].start : sp->s[i].end) == p)
            return sp->s[i].subject;
    return 0;
}

/* The key of the window norm[a..b) (letters of one script), or classes 0. */
static size_t window_key(char *skel, size_t cap, const struct normtext *t, size_t a, size_t b)
{
    char rd[READ_MAX] = { 0 };
    size_t used = 0, c;
    int cp, n, m;

    while (a < b && (n = utf8_next(&cp, t->norm + a, b - a)) > 0) {
        if (cp == '-')
            m = 0;              /* ー */
        else if ((m = transcribe_reading_heard(rd + used, sizeof rd - used, cp)) < 0)
            return 0;
        used += (size_t)m, a += (size_t)n;
    }
    c = part_key(skel, cap, rd, used);
    sodium_memzero(rd, sizeof rd);
    return c > TRANSCRIBE_SKEL_MAX ? 0 : c;
}

/* The Latin word of r (JA_PART) that the window norm[a..b) of two to four
 * Han characters reads in Japanese (田中: Tanaka), of subject subject when
 * not 0, or NULL.  One character alone is too often a word. */
static const struct cjk_part *match_ja(const struct redactor *r, const struct normtext *t,
                                       size_t a, size_t b, long subject)
{
    int cps[4], cp, n;
    size_t k = 0;

    while (a < b && (n = utf8_next(&cp, t->norm + a, b - a)) > 0 && is_han_cp(cp) && k < 4)
        cps[k++] = cp, a += (size_t)n;
    if (a < b || k < 2)
        return NULL;
    for (size_t i = 0; i < r->ncjk; i++)
        if (r->cjk[i].n == JA_PART &&
            (subject == 0 || r->terms[r->cjk[i].term].subject == subject) &&
            kanji_ja_spells(cps, k, r->cjk[i].s, strlen(r->cjk[i].s)))
            return &r->cjk[i];
    return NULL;
}

/* Characters of the Xinhua tables for foreign names that the table of
 * redact_cjk_runs.c leaves out as too common a word after a name (连 of
 * 科瓦连科, 惠 of 惠特克, 夫 of 彼得罗夫, 根 of 摩根; brief s29 cjk29), simplified
 * and traditional.  WRITTEN BY HAND from the author's knowledge of the
 * tables; wants a native reviewer of Chinese.  甫 of 舍甫琴科 and 聂 of
 * 聂斯托尔 (brief s30 cjk30). */
static const char translit_more[] = "连連惠列夫得根摩丽麗琴钦欽申勃怀懷契甫聂聶";

/* Runs of the transliteration alphabet that are the Chinese names of
 * countries, cities and regions a testimony of work abroad names, and
 * loanwords, never read with no mark (乌克兰 reads KLN, as Colin does).
 * WRITTEN BY HAND for intake (brief s29 cjk29); wants a native reviewer
 * of Chinese. */
static const char *const translit_words[] = {
    "乌克兰", "烏克蘭", "俄罗斯", "俄羅斯", "哈萨克斯坦", "马来西亚", "馬來西亞", "印度尼西亚",
    "巴基斯坦", "阿拉伯", "迪拜", "科威特", "卡塔尔", "莫斯科", "基辅", "克里米亚", "澳大利亚",
    "加拿大", "意大利", "阿尔卑斯", "英格兰", "西班牙", "阿根廷", "巴西", "菲律宾", "柬埔寨",
    "乌兰巴托", "哈尔科夫", "顿涅茨克", "马里乌波尔", "敖德萨", "利沃夫", "明斯克", "塔什干",
    "阿拉木图", "比什凯克", "杜尚别", "阿富汗", "伊拉克", "伊朗", "叙利亚", "土耳其",
    "伊斯坦布尔", "黎巴嫩", "以色列", "埃及", "利比亚", "阿曼", "阿联酋", "巴林", "尼泊尔",
    "孟加拉", "斯里兰卡", "缅甸", "老挝", "蒙古", "布里亚特", "图瓦", "吉尔吉斯", "塔吉克",
    "乌兹别克", "土库曼", "格鲁吉亚", "亚美尼亚", "阿塞拜疆", "白俄罗斯", "摩尔多瓦",
    "罗马尼亚", "保加利亚", "波兰", "德国", "法国", "英国", "美国", "日本", "韩国", "朝鲜",
    "巧克力", "沙发", "咖啡", "马拉松", "奥林匹克", "可口可乐", "麦克风", "布丁", "汉堡",
    "伏特加", "吉他", "卡拉", "巴士", "的士", "摩托", "迪斯科", "沙拉", "巴黎", "伦敦", "柏林",
};

/* 1 if the run norm[a..b) holds a word of translit_words. */
static int translit_word(const struct normtext *t, size_t a, size_t b)
{
    for (size_t i = 0; i < sizeof translit_words / sizeof translit_words[0]; i++)
        if (memmem(t->norm + a, b - a, translit_words[i], strlen(translit_words[i])) != NULL)
            return 1;
    return 0;
}

/* 1 if the Han character s[0..3) (bytes) is a letter of the Chinese
 * transliteration alphabet. */
static int translit_han(const char *s)
{
    const char *p = translit_more;
    size_t len = sizeof translit_more - 1;

    if (redact_cjk_translit(s, 3))
        return 1;
    while ((p = memmem(p, len - (size_t)(p - translit_more), s, 3)) != NULL) {
        if ((size_t)(p - translit_more) % 3 == 0)
            return 1;
        p++;
    }
    return 0;
}

/* 1 if the window norm[a..b) is long enough for a key of two classes
 * (Whitaker: 惠特克 huiteke, ホイッテカー, both TK): three Han characters or
 * more, each of the transliteration alphabet, or a katakana word of four
 * letters or more, the long mark and the small tsu not counted. */
static int long_window(const struct normtext *t, size_t a, size_t b)
{
    size_t han = 0, kana = 0;
    int cp, n;

    for (; a < b && (n = utf8_next(&cp, t->norm + a, b - a)) > 0; a += (size_t)n) {
        if (is_han_cp(cp)) {
            if (n != 3 || !translit_han(t->norm + a))
                return 0;
            han++;
        } else if (cp != '-' && cp != 0x30C3) {
            kana++;
        }
    }
    return (han >= 3 && kana == 0) || (kana >= 4 && han == 0);
}

/* The key of r that the window norm[a..b) reads, of subject subject when
 * not 0, or NULL. */
static const struct cjk_part *match(const struct redactor *r, const struct normtext *t, size_t a,
                                    size_t b, long subject)
{
    char skel[TRANSCRIBE_SKEL_MAX + 1];
    size_t c = window_key(skel, sizeof skel, t, a, b);
    const struct cjk_part *ja = match_ja(r, t, a, b, subject);

    if (ja != NULL)
        return ja;
    if (c < 2 || (c < KEY_MIN && !long_window(t, a, b)))
        return NULL;
    for (size_t i = 0; i < r->ncjk; i++)
        if (r->cjk[i].n == c && strcmp(r->cjk[i].s, skel) == 0 &&
            (subject == 0 || r->terms[r->cjk[i].term].subject == subject))
            return &r->cjk[i];
    return NULL;
}

/* 1 if Han character cp is read as the Korean surname syllable syl. */
static int reads_surname(int cp, int syl)
{
    int rd[16];
    size_t n;

    if (hanja_reading(cp) == syl)
        return 1;
    n = hanja_readers(rd, sizeof rd / sizeof rd[0], syl);
    for (size_t i = 0; i < n; i++)
        if (hanja_reading(cp) == rd[i])
            return 1;
    return 0;
}

static int file(struct spans *sp, struct spans *flags, const struct redactor *r,
                const struct cjk_part *k, size_t a, size_t b, size_t fa, size_t fb)
{
    const struct term *tm = &r->terms[k->term];
    struct span s = { a, b, 0, RULE_VARIANT, tm->subject, k->term, 0, 0, 0 };

    if (k->n == 0) {            /* a surname's Hanja: a flag over title and name */
        if (flags == NULL)
            return 0;
        s.start = fa, s.end = fb, s.cat = FLAG_TITLE_NAME, s.review = 1;
        return redact_span_add(flags, &s);
    }
    s.cat = tm->cat == NAME_CAT ? CAT_PSEUDONYM : tm->cat;
    return redact_span_add(sp, &s);
}

/* The window of Han characters or of a whole katakana word that ends at
 * norm byte b (before a title at b, or a dot) and reads a key: its start,
 * the longest that does; *k the key.  0 with *k NULL if none. */
static size_t window_before(const struct redactor *r, const struct normtext *t, size_t b,
                            long subject, const struct cjk_part **k)
{
    size_t a = b, best = b;
    int cp, sc = 0;

    *k = NULL;
    for (int i = 0; i < WINDOW_MAX && a > 0; i++) {
        size_t q = back(t, a);
        if (utf8_next(&cp, t->norm + q, a - q) <= 0 || cjk_script(t, q, cp) == 0 ||
            (sc != 0 && cjk_script(t, q, cp) != sc))
            break;
        sc = cjk_script(t, q, cp), a = q;
        if (sc == 2) {          /* katakana: the whole word only */
            continue;
        }
        const struct cjk_part *m = match(r, t, a, b, subject);
        if (m != NULL)
            *k = m, best = a;
    }
    if (sc == 2) {
        if (a > 0 && utf8_next(&cp, t->norm + back(t, a), a - back(t, a)) > 0 &&
            cjk_script(t, back(t, a), cp) == 2)
            return b;
        *k = match(r, t, a, b, subject), best = a;
    }
    return *k != NULL ? best : b;
}

/* As window_before, for the window that starts at norm byte a: its end. */
static size_t window_after(const struct redactor *r, const struct normtext *t, size_t a,
                           long subject, const struct cjk_part **k)
{
    size_t b = a, best = a;
    int cp, sc = 0, n;

    *k = NULL;
    for (int i = 0; i < WINDOW_MAX && b < t->normlen; i++) {
        if ((n = utf8_next(&cp, t->norm + b, t->normlen - b)) <= 0 || cjk_script(t, b, cp) == 0 ||
            (sc != 0 && cjk_script(t, b, cp) != sc))
            break;
        sc = cjk_script(t, b, cp), b += (size_t)n;
        if (sc == 2)
            continue;
        const struct cjk_part *m = match(r, t, a, b, subject);
        if (m != NULL)
            *k = m, best = b;
    }
    if (sc == 2) {
        if (b < t->normlen && utf8_next(&cp, t->norm + b, t->normlen - b) > 0 &&
            cjk_script(t, b, cp) == 2)
            return a;
        *k = match(r, t, a, b, subject), best = b;
    }
    return *k != NULL ? best : a;
}

/* A surname's Hanja: the one Han character norm[a..b) read as a
 * registered Korean surname, or NULL. */
static const struct cjk_part *surname_at(const struct redactor *r, const struct normtext *t,
                                         size_t a, size_t b)
{
    int cp;

    if (utf8_next(&cp, t->norm + a, b - a) != (int)(b - a) || !is_han_cp(cp))
        return NULL;
    for (size_t i = 0; i < r->ncjk; i++)
        if (r->cjk[i].n == 0 && reads_surname(cp, r->cjk[i].syl))
            return &r->cjk[i];
    return NULL;
}

size_t redact_cjk_title_at(const struct normtext *t, size_t p)
{
    return title_at(t, p, after_titles, sizeof after_titles / sizeof after_titles[0]);
}

const char *redact_cjk_ja_word(const struct redactor *r, size_t i, size_t *term)
{
    if (i >= r->ncjk || r->cjk[i].n != JA_PART)
        return NULL;
    *term = r->cjk[i].term;
    return r->cjk[i].s;
}

/* The key of the run norm[a..b) read with no mark, or NULL: a run of
 * Han characters needs BARE_HAN_MIN classes, a katakana word
 * BARE_KANA_MIN.  *shared is 1 when another subject's key is the same
 * (report-adv29c K-19: the run reads either person's name). */
static const struct cjk_part *bare_match(const struct redactor *r, const struct normtext *t,
                                         size_t a, size_t b, int han, int *shared)
{
    char skel[TRANSCRIBE_SKEL_MAX + 1];
    size_t c = window_key(skel, sizeof skel, t, a, b);

    if (c < (han ? BARE_HAN_MIN : BARE_KANA_MIN))
        return NULL;
    for (size_t i = 0; i < r->ncjk; i++)
        if (r->cjk[i].n == c && strcmp(r->cjk[i].s, skel) == 0) {
            *shared = 0;
            for (size_t j = i + 1; j < r->ncjk; j++)
                if (r->cjk[j].n == c && strcmp(r->cjk[j].s, skel) == 0 &&
                    r->terms[r->cjk[j].term].subject != r->terms[r->cjk[i].term].subject)
                    *shared = 1;
            return &r->cjk[i];
        }
    return NULL;
}

/* A word of a registered name with no mark at all (brief s29 cjk29,
 * report-adv28c J-3, J-4: 科瓦连科。后来科瓦连科, 谢尔盖来了): a whole run of
 * three to WINDOW_MAX Han characters of the transliteration alphabet
 * (translit_han) that reads a key of BARE_HAN_MIN classes or more, or a
 * whole katakana word of three letters or more that reads one of
 * BARE_KANA_MIN.  Chinese text runs such characters together rarely but
 * in a foreign name; ordinary words hold others (来, 了, 说). */
static int bare(struct spans *sp, struct spans *flags, const struct redactor *r,
                const struct normtext *t)
{
    int shared = 0;

    size_t p = 0, q, k;
    int cp, n, m, rc = 0;

    while (rc == 0 && p < t->normlen) {
        if ((n = utf8_next(&cp, t->norm + p, t->normlen - p)) <= 0)
            break;
        int sc = cjk_script(t, p, cp);
        int han = sc == 1 && n == 3 && translit_han(t->norm + p);
        if (!han && sc != 2) {
            p += (size_t)n;
            continue;
        }
        for (q = p, k = 0; q < t->normlen; q += (size_t)m, k++) {
            if ((m = utf8_next(&cp, t->norm + q, t->normlen - q)) <= 0)
                break;
            if (han ? !(is_han_cp(cp) && m == 3 && translit_han(t->norm + q))
                    : cjk_script(t, q, cp) != 2)
                break;
        }
        const struct cjk_part *hit = NULL;
        if (k >= 3 && (!han || (k <= WINDOW_MAX && !translit_word(t, p, q))))
            hit = bare_match(r, t, p, q, han, &shared);
        if (hit != NULL && shared && flags != NULL) {
            struct span f = { p, q, FLAG_TRANSCRIPTION, RULE_VARIANT, r->terms[hit->term].subject,
                              hit->term, 0, 1, 0 };
            rc = redact_span_add(flags, &f);
        } else if (hit != NULL && !shared) {
            rc = file(sp, NULL, r, hit, p, q, 0, 0);
        }
        p = q > p ? q : p + (size_t)n;
    }
    return rc;
}

int redact_cjk_titled(struct spans *sp, struct spans *flags, const struct redactor *r,
                      const struct normtext *t)
{
    const size_t na = sizeof after_titles / sizeof after_titles[0];
    const size_t nb = sizeof before_titles / sizeof before_titles[0];
    const struct cjk_part *k;
    size_t p, q;
    int cp, n, rc = 0;

    size_t n0 = sp->n;

    if (r->ncjk == 0)
        return 0;
    for (p = 0; rc == 0 && p < t->normlen; p += (size_t)n) {
        if ((n = utf8_next(&cp, t->norm + p, t->normlen - p)) <= 0)
            break;
        size_t k1 = title_at(t, p, after_titles, na), k2;
        /* 摩根先生, モーガンさん: the window before the title */
        if (k1 > 0 && p > 0) {
            q = window_before(r, t, p, 0, &k);
            if (k != NULL)
                rc = file(sp, flags, r, k, q, p, q, p + k1);
            else if (p >= 3 && (k = surname_at(r, t, back(t, p), p)) != NULL)
                rc = file(sp, flags, r, k, back(t, p), p, back(t, p), p + k1);
        }
        /* 小摩根, 老金: the window after the prefix */
        if (rc == 0 && (k2 = title_at(t, p, before_titles, nb)) > 0) {
            q = window_after(r, t, p + k2, 0, &k);
            if (k != NULL && k->n > 0)
                rc = file(sp, flags, r, k, p + k2, q, p, q);
            else if (p + k2 + 3 <= t->normlen &&
                     (k = surname_at(r, t, p + k2, p + k2 + 3)) != NULL)
                rc = file(sp, flags, r, k, p + k2, p + k2 + 3, p, p + k2 + 3);
        }
        /* 丹尼尔·摩根 (Tom·摩根): a window beside a dot and a replaced name
         * of the same subject on the dot's other side. */
        if (rc == 0 && name_dot(cp == '-' ? orig_cp(t, p) : cp)) {
            long subj;
            if (p > 0 && (subj = span_subject(sp, p, 0)) > 0) {
                q = window_after(r, t, p + (size_t)n, subj, &k);
                if (k != NULL && k->n > 0)
                    rc = file(sp, flags, r, k, p + (size_t)n, q, 0, 0);
            }
            if (rc == 0 && p > 0 && (subj = span_subject(sp, p + (size_t)n, 1)) > 0) {
                q = window_before(r, t, p, subj, &k);
                if (k != NULL && k->n > 0)
                    rc = file(sp, flags, r, k, q, p, 0, 0);
            }
        }
    }
    if (rc == 0)
        rc = bare(sp, flags, r, t);
    return rc == 0 ? redact_cjk_echo(sp, n0, t) : rc;
}
