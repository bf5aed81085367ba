/* A term that ends in a number ("other:Erdenet Mining Camp 7", "place:
 * Block 12") is written with the number marked or said (issue 12,
 * report-adv15 R-4): "Erdenet Mining Camp No. 7", "Camp #7", "Camp No7",
 * "Camp number 7", "Camp № 7", "Erdenet mining camp seven".  Each of those
 * is another literal of the same term (one placeholder), made here from
 * the term as typed; the key view (normalise.h) takes care of case,
 * spaces and marks between. */
#include "privacy/redact.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/normalise.h"
#include "privacy/redact_int.h"

/* English cardinals 0-20 (what the number of a camp, block, unit or
 * school is said as in English testimony). */
static const char *const cardinal[] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty",
};

/* English ordinals 1-20 ("the seventh shaft": report-adv17a D-13). */
static const char *const ordinal[] = {
    "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth",
};

/* Mongolian ordinals 1-10 (the cardinal and дугаар/дүгээр by vowel
 * harmony, written glued: "хоёрдугаар"; 11-19 are "арван" and these). */
static const char *const mn_ordinal[] = {
    "", "нэгдүгээр", "хоёрдугаар", "гуравдугаар", "дөрөвдүгээр", "тавдугаар", "зургаадугаар",
    "долоодугаар", "наймдугаар", "есдүгээр", "аравдугаар",
};

/* Sino-Korean digits (십이동 for 12동). */
static const char *const sino[] = {
    "", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구",
};

/* Hands the key of the text buf[0..n) to fn. */
int redact_key_emit(const char *buf, size_t n, redact_key_fn fn, void *ctx)
{
    char *key;
    size_t keylen;
    struct err err;
    int rc;

    if (normalise_key(&key, &keylen, buf, n, &err) != 0)
        return -1;
    rc = fn(ctx, key, keylen);
    secmem_free(key);
    return rc;
}

/* Hands the key of buf[0..q) + mark + word to fn (buf holds
 * REDACT_TERM_MAX + 64 bytes). */
static int emit_with(char *buf, size_t q, const char *mark, const char *word, redact_key_fn fn, void *ctx)
{
    size_t m = strlen(mark), n = strlen(word);

    memcpy(buf + q, mark, m), memcpy(buf + q + m, word, n);
    return redact_key_emit(buf, q + m + n, fn, ctx);
}

/* Hands the key of word + " " + text[0..p) to fn ("seventh shaft"). */
static int emit_before(const char *word, const char *text, size_t p, redact_key_fn fn, void *ctx)
{
    char b[REDACT_TERM_MAX + 64];
    size_t n = strlen(word);
    int rc;

    memcpy(b, word, n), b[n] = ' ', memcpy(b + n + 1, text, p);
    rc = redact_key_emit(b, n + 1 + p, fn, ctx);
    sodium_memzero(b, sizeof b);
    return rc;
}

/* Writes v (1-39) as a Roman numeral in out (at least 8 bytes). */
static void roman(unsigned v, char *out)
{
    static const char *const units[] = { "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX" };
    size_t n = 0;

    for (unsigned k = 0; k < v / 10; k++)
        out[n++] = 'X';
    strcpy(out + n, units[v % 10]);
}

/* Writes v (1-99) in Sino-Korean digits in out (at least 16 bytes). */
static void sino_korean(unsigned v, char *out)
{
    out[0] = '\0';
    if (v >= 20)
        strcat(out, sino[v / 10]);
    if (v >= 10)
        strcat(out, "십");
    strcat(out, sino[v % 10]);
}

/* The ordinal suffix of v in English ("st", "nd", "rd", "th"). */
static const char *ord_suffix(unsigned v)
{
    if (v % 100 >= 11 && v % 100 <= 13)
        return "th";
    return v % 10 == 1 ? "st" : v % 10 == 2 ? "nd" : v % 10 == 3 ? "rd" : "th";
}

/* A term that starts with a number ("place:12-р байр", "place:12동"): the
 * Mongolian ordinal spelt out and "дугаар" said ("12 дугаар байр",
 * "арван хоёрдугаар байр", "12-р байр"), Sino-Korean digits (십이동). */
static int leading_forms(const char *text, size_t len, redact_key_fn fn, void *ctx)
{
    char buf[REDACT_TERM_MAX + 64], num[8], word[64];
    size_t d = 0, w, n;
    unsigned v;
    int rc = 0;

    while (d < len && text[d] >= '0' && text[d] <= '9')
        d++;
    if (d == 0 || d > 2 || d == len || len > REDACT_TERM_MAX)
        return 0;
    memcpy(num, text, d), num[d] = '\0';
    v = (unsigned)atoi(num);
    if (v == 0)
        return 0;
    w = d;
    /* The Mongolian ordinal mark: "-р", " дугаар", " дүгээр". */
    if (len - w > 3 && memcmp(text + w, "-р ", 4) == 0)
        w += 4;
    else if (len - w > 13 && (memcmp(text + w, " дугаар ", 14) == 0 || memcmp(text + w, " дүгээр ", 14) == 0))
        w += 14;
    else if (w == d && (unsigned char)text[w] >= 0xEA && (unsigned char)text[w] <= 0xED && v < 100) {
        /* A Korean word glued after the number: 12동, 3층. */
        sino_korean(v, word);
        n = strlen(word);
        memcpy(buf, word, n), memcpy(buf + n, text + d, len - d);
        return redact_key_emit(buf, n + len - d, fn, ctx);
    } else
        return 0;
    /* "12 дугаар байр", "12-р байр", "арван хоёрдугаар байр" */
    {
        const char *const marks[] = { " дугаар ", " дүгээр ", "-р ", "-р " };
        for (size_t k = 0; k < 3 && rc == 0; k++) {
            n = 0;
            memcpy(buf, num, d), n = d;
            memcpy(buf + n, marks[k], strlen(marks[k])), n += strlen(marks[k]);
            memcpy(buf + n, text + w, len - w), n += len - w;
            rc = redact_key_emit(buf, n, fn, ctx);
        }
        if (rc == 0 && v <= 19) {
            word[0] = '\0';
            if (v > 10)
                strcpy(word, "арван ");
            strcat(word, mn_ordinal[v > 10 ? v - 10 : v]);
            n = strlen(word);
            memcpy(buf, word, n), buf[n++] = ' ';
            memcpy(buf + n, text + w, len - w), n += len - w;
            rc = redact_key_emit(buf, n, fn, ctx);
        }
    }
    return rc;
}

int redact_number_forms(const char *text, size_t len, redact_key_fn fn, void *ctx)
{
    /* What stands between the words and the number; "" glues it
     * ("ErdenetMiningCamp7", "Camp7": the key view reads a digit glued to
     * letters as the letter it looks like, so the glued form has a key of
     * its own). */
    static const char *const marks[] = { " No. ", " No ", " #", " No", " number ", " Nr. ", " N\xc2\xb0", "" };
    /* Where the number is said in words ("shaft seven", "shaft number
     * seven", "barrack no. twelve"). */
    static const char *const said[] = { " ", " number ", " No. " };
    char buf[REDACT_TERM_MAX + 64], num[8], word[24];
    size_t e = len, d, p, plural;
    unsigned v;
    int rc = 0;

    while (e > 0 && text[e - 1] == ' ')
        e--;
    for (d = e; d > 0 && text[d - 1] >= '0' && text[d - 1] <= '9'; d--)
        ;
    /* A word, a space, and one to four digits: "Camp 7", not "A7" or "2024". */
    if (d == e || e - d > 4 || d < 2 || text[d - 1] != ' ' || len > REDACT_TERM_MAX)
        return leading_forms(text, len, fn, ctx);
    for (p = d - 1; p > 0 && (text[p - 1] == ' ' || text[p - 1] == '#'); p--)
        ;
    if (p == 0)
        return 0;
    memcpy(num, text + d, e - d), num[e - d] = '\0';
    v = (unsigned)atoi(num);
    memcpy(buf, text, p);
    /* The words as typed, and their plural ("Barracks 12"). */
    for (plural = 0; plural < 2 && rc == 0; plural++) {
        size_t q = p;
        if (plural) {
            if (text[p - 1] == 's' || !((text[p - 1] >= 'a' && text[p - 1] <= 'z') ||
                                        (text[p - 1] >= 'A' && text[p - 1] <= 'Z')))
                break;
            buf[q++] = 's';
            rc = emit_with(buf, q, " ", num, fn, ctx);
        }
        for (size_t k = 0; !plural && k < sizeof marks / sizeof marks[0] && rc == 0; k++)
            rc = emit_with(buf, q, marks[k], num, fn, ctx);
        if (v < sizeof cardinal / sizeof cardinal[0] && num[0] != '0')
            for (size_t k = 0; k < sizeof said / sizeof said[0] && rc == 0; k++)
                rc = emit_with(buf, q, said[k], cardinal[v], fn, ctx);
    }
    if (rc != 0 || num[0] == '0' || v == 0)
        goto done;
    /* Ordinals after ("Shaft 7th") and before ("the 7th shaft", "the
     * seventh shaft"), and a Roman numeral ("Shaft VII"). */
    snprintf(word, sizeof word, "%u%s", v, ord_suffix(v));
    rc = emit_with(buf, p, " ", word, fn, ctx);
    if (rc == 0)
        rc = emit_before(word, text, p, fn, ctx);
    if (rc == 0 && v < sizeof ordinal / sizeof ordinal[0])
        rc = emit_before(ordinal[v], text, p, fn, ctx);
    if (rc == 0 && v < 40) {
        roman(v, word);
        rc = emit_with(buf, p, " ", word, fn, ctx);
    }
done:
    sodium_memzero(buf, sizeof buf);
    return rc;
}
