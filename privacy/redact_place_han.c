/* A registered place written in Chinese characters by transcription
 * (brief s28 place28, report-adv26a D-10, D-11): 法尔瓦尼亚 for Farwaniya,
 * 波尔塔瓦 for Полтава, 马里乌波尔 for Mariupol, which no gazetteer line
 * lists.  Chinese writes a foreign place's sounds with a small set of
 * characters (the Xinhua agency's tables for foreign names); a run of
 * them is read by each character's Mandarin reading (Unihan's kMandarin,
 * scripts/pinyin.sh, through transcribe_reading) and brought to the
 * consonant skeleton Chinese hears (transcribe_skeleton_cjk), which is
 * compared with the skeletons of the place's Latin and Cyrillic names. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "crypto/secmem.h"
#include "privacy/normalise.h"
#include "privacy/redact_int.h"
#include "privacy/transcribe.h"
#include "privacy/variants.h"

/* Classes a skeleton needs (Farwaniya: PLN), characters a run needs and
 * reads at most. */
#define PH_MIN_CLASSES 3
#define PH_MIN_CHARS 2
#define PH_RUN 10

struct place_han {
    uint32_t term;
    unsigned char n;
    char s[TRANSCRIBE_SKEL_MAX + 1];
};

/* The characters of Chinese transcriptions of foreign place names: the
 * Xinhua agency's syllable tables (外国地名汉字译写通则) as the author knew
 * them, written by hand without network access (it wants a native
 * reviewer), simplified and the commonest traditional forms, with 关 and
 * 峇 of the Malaysian Chinese community's own names (关丹, 哥打峇鲁).
 * Characters common in ordinary Chinese that also transcribe (于, 的, 和)
 * are left out: a run of these alone is read.  第 and 聂 of 第聂伯罗 (Dnipro,
 * the Dnieper; 第比利斯, Tbilisi) since brief s30 cjk30: 第 before a
 * numeral (第一) makes no run, numerals being none of these. */
static const char transcription_chars[] =
    "阿埃艾安昂奥敖巴拜班邦包保贝本比彼边宾波伯博布查察车彻楚茨达代丹当道德登迪蒂丁东"
    "杜敦多厄恩尔法凡范菲费芬丰夫弗福富盖甘冈戈哥格根贡古瓜圭哈海汉豪赫亨洪胡华霍基吉"
    "加贾杰捷金津久喀卡凯坎康考柯科克肯孔库夸奎昆拉莱兰朗劳勒雷里利列林卢鲁伦罗洛马迈"
    "曼芒毛梅门蒙米密莫默姆穆纳乃南瑙内尼涅宁纽努诺欧帕派潘庞佩彭皮珀普齐奇恰钦切乔琼"
    "丘日茹热若萨赛塞桑瑟森沙尚绍舍申什施舒斯松苏索塔泰坦汤陶特滕提廷通图托瓦万旺威韦"
    "维温翁沃乌武西锡希夏谢辛休雅亚扬耶叶伊因英尤约扎泽詹哲卓兹佐关峇第聂聶"
    "爾亞羅維蘭薩賈蘇達頓烏圖諾魯倫齊賽區貝騰羅蓋韋溫麥邁龍蘭瓊喬傑爾";

static int transcription_char(const char *u, size_t k)
{
    char c[5];

    if (k < 2 || k > 4)
        return 0;
    memcpy(c, u, k), c[k] = '\0';
    return strstr(transcription_chars, c) != NULL;
}

static int key_add(struct redactor *r, const char *skel, size_t n)
{
    struct place_han k;

    for (size_t i = 0; i < r->nph; i++)
        if (r->ph[i].term == r->nterms && r->ph[i].n == n && memcmp(r->ph[i].s, skel, n) == 0)
            return 0;
    if (r->nph == r->phcap) {
        size_t cap = r->phcap ? 2 * r->phcap : 8;
        struct place_han *g = secmem_wipe_malloc(cap * sizeof *g);
        if (g == NULL)
            return -1;
        if (r->nph > 0)
            memcpy(g, r->ph, r->nph * sizeof *g);
        secmem_wipe_free(r->ph);
        r->ph = g, r->phcap = cap;
    }
    memset(&k, 0, sizeof k);
    k.term = (uint32_t)r->nterms, k.n = (unsigned char)n;
    memcpy(k.s, skel, n);
    r->ph[r->nph++] = k;
    sodium_memzero(&k, sizeof k);
    return 0;
}

/* The keys of reading rd[0..len): as read, and as Chinese hears it: an
 * initial kh as h (哈尔科夫 for Kharkiv), v as w (瓦 for -va: 波尔塔瓦). */
static int add_reading(struct redactor *r, const char *rd, size_t len)
{
    char w[256], skel[TRANSCRIBE_SKEL_MAX + 1];
    size_t wl, c;
    int rc = 0;

    for (int how = 0; rc == 0 && how < 4; how++) {
        wl = 0;
        for (size_t i = 0; i < len && wl < sizeof w; i++) {
            if ((how & 1) && rd[i] == 'k' && i + 1 < len && rd[i + 1] == 'h' &&
                (i == 0 || rd[i - 1] == ' '))
                continue;
            /* ng before no vowel is one nasal, as pinyin's final ng */
            if (rd[i] == 'g' && i > 0 && rd[i - 1] == 'n' && (i + 1 == len || strchr("aeiouy", rd[i + 1]) == NULL))
                continue;
            w[wl++] = (how & 2) && rd[i] == 'v' ? 'w' : rd[i];
        }
        c = transcribe_skeleton_cjk(skel, sizeof skel, w, wl);
        if (c >= PH_MIN_CLASSES && c <= TRANSCRIBE_SKEL_MAX)
            rc = key_add(r, skel, c);
    }
    sodium_memzero(w, sizeof w);
    sodium_memzero(skel, sizeof skel);
    return rc;
}

int redact_place_han_add(struct redactor *r, const char *name, size_t len)
{
    char *norm, rd[256];
    size_t i = 0, used = 0, nl, first = 0;
    int cp, n, m, rc = 0;

    if (normalise_norm(&norm, &nl, name, len, NULL) != 0)
        return -1;
    while (i < nl && (n = utf8_next(&cp, norm + i, nl - i)) > 0) {
        i += (size_t)n;
        if (cp == ' ' || cp == '-') {
            /* An Arabic article (Al Farwaniya): the name after it too. */
            if (first == 0 && used == 2 && (rd[0] == 'a' || rd[0] == 'e') && rd[1] == 'l')
                first = used;
            continue;
        }
        if (!((cp >= 'a' && cp <= 'z') || is_cyrillic_cp(cp)) ||
            (m = transcribe_reading(rd + used, sizeof rd - used, cp)) < 0) {
            used = 0;           /* Han, Hangul: the gazetteer's own names */
            break;
        }
        used += (size_t)m;
    }
    secmem_free(norm);
    if (used > 0)
        rc = add_reading(r, rd, used);
    if (rc == 0 && first > 0 && used > first)
        rc = add_reading(r, rd + first, used - first);
    sodium_memzero(rd, sizeof rd);
    return rc;
}

void redact_place_han_free(struct redactor *r)
{
    secmem_wipe_free(r->ph);
    r->ph = NULL, r->nph = r->phcap = 0;
}

static const struct place_han *key_find(const struct redactor *r, const char *skel, size_t n)
{
    for (size_t i = 0; i < r->nph; i++)
        if (r->ph[i].n == n && memcmp(r->ph[i].s, skel, n) == 0)
            return &r->ph[i];
    return NULL;
}

/* The run of transcription characters t->norm[a..b) (ch: the start of
 * each, nch of them): the longest window ending at b whose reading is a
 * key, filed into sp.  0, or -1 out of memory. */
static int scan_run(struct spans *sp, const struct redactor *r, const struct normtext *t,
                    const size_t *ch, size_t nch, size_t b)
{
    char rd[PH_RUN * 8], skel[TRANSCRIBE_SKEL_MAX + 1];
    size_t from = nch > PH_RUN ? nch - PH_RUN : 0;
    int rc = 0;

    for (size_t s = from; s + PH_MIN_CHARS <= nch; s++) {
        size_t used = 0, c;
        int cp, k, m = 0;
        for (size_t j = s; j < nch && m >= 0; j++) {
            size_t e = j + 1 < nch ? ch[j + 1] : b;
            if ((k = utf8_next(&cp, t->norm + ch[j], e - ch[j])) <= 0 ||
                (m = transcribe_reading(rd + used, sizeof rd - used - 1, cp)) < 0)
                break;
            /* Pinyin q is an affricate, as ch (切 qie: 穆卡切沃 for
             * Mukachevo), not the skeleton's K. */
            for (size_t q = used; q < used + (size_t)m; q++)
                if (rd[q] == 'q') {
                    memmove(rd + q + 2, rd + q + 1, used + (size_t)m - q - 1);
                    rd[q] = 'c', rd[q + 1] = 'h', m++;
                    break;
                }
            /* A final ng is one nasal (宁 ning: n), as the keys read it. */
            if (m >= 2 && rd[used + (size_t)m - 1] == 'g' && rd[used + (size_t)m - 2] == 'n')
                m--;
            used += (size_t)m;
        }
        if (m < 0 || used == 0)
            continue;
        c = transcribe_skeleton_cjk(skel, sizeof skel, rd, used);
        /* Two characters read as three classes are too often a word
         * (安宁 for a place of the gazetteer: ko22): four there. */
        if (c < PH_MIN_CLASSES + (nch - s == PH_MIN_CHARS))
            continue;
        const struct place_han *ph = c <= TRANSCRIBE_SKEL_MAX ? key_find(r, skel, c) : NULL;
        if (ph != NULL) {
            const struct term *tm = &r->terms[ph->term];
            struct span sn = { ch[s], b, tm->cat, RULE_VARIANT, tm->subject, ph->term, 0, 0, 0 };
            rc = redact_span_add(sp, &sn);
            break;              /* the longest */
        }
    }
    sodium_memzero(rd, sizeof rd);
    sodium_memzero(skel, sizeof skel);
    return rc;
}

int redact_find_place_han(struct spans *sp, const struct redactor *r, const struct normtext *t)
{
    size_t ch[64], nch = 0, p = 0;
    int cp, k, rc = 0;

    if (r->nph == 0)
        return 0;
    while (rc == 0 && p <= t->normlen) {
        k = p < t->normlen ? utf8_next(&cp, t->norm + p, t->normlen - p) : 0;
        if (k > 0 && is_han_cp(cp) && transcription_char(t->norm + p, (size_t)k)) {
            if (nch == sizeof ch / sizeof ch[0])
                memmove(ch, ch + 1, (--nch) * sizeof *ch);
            ch[nch++] = p;
            p += (size_t)k;
            continue;
        }
        /* The run ends here: read it. */
        if (nch >= PH_MIN_CHARS)
            rc = scan_run(sp, r, t, ch, nch, p);
        nch = 0;
        if (k <= 0)
            break;
        p += (size_t)k;
    }
    return rc;
}
