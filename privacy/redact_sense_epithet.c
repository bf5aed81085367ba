/* Words that read as a name registered in Arabic or Persian letters but
 * are, by the words around them, something else (brief s51 arab51, issue
 * 12; report-adv50 O-3..O-5): a month's name beside a number or the
 * word "month"; a name of God that the subject's name holds after عبد
 * "servant of", met without that عبد; a prophet's epithet after the
 * prophet's name.  Asked by redact_unread_latin.c (latin_file) of a Latin
 * or Cyrillic word it reads as such a name.  The tables are written by
 * the author from the sources named at each and want a native reviewer. */
#include <string.h>

#include <utf8proc.h>

#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "util/text.h"

#define SENSE_WORD 48       /* bytes of a word compared, lower case */

/* 1 if the byte c ends or splits a word here (ASCII only: a non-ASCII
 * byte is taken as a letter's). */
static int word_byte(unsigned char c)
{
    return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'';
}

/* t->norm[a..b) in lower case, the Turkish dotless ı and dotted İ as i, into out
 * (SENSE_WORD bytes); its length, 0
 * if it does not fit. */
static size_t lower(char *out, const struct normtext *t, size_t a, size_t b)
{
    size_t n = 0;
    int cp, k;

    for (size_t at = a; at < b; at += (size_t)k) {
        if ((k = utf8_next(&cp, t->norm + at, b - at)) <= 0 || n + 5 >= SENSE_WORD)
            return 0;
        cp = cp == 0x131 || cp == 0x130 ? 'i' : utf8proc_tolower(cp);     /* Turkish ı İ */
        n += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out + n);
    }
    out[n] = '\0';
    return n;
}

/* The word before norm byte p, over spaces and hyphens (at most three
 * bytes): [*a, *b); 0 if none. */
static int before(size_t *a, size_t *b, const struct normtext *t, size_t p)
{
    size_t q = p;

    while (q > 0 && p - q < 3 && (t->norm[q - 1] == ' ' || t->norm[q - 1] == '-'))
        q--;
    if (q == p || q == 0 || !word_byte((unsigned char)t->norm[q - 1]))
        return 0;
    *b = q;
    while (q > 0 && word_byte((unsigned char)t->norm[q - 1]))
        q--;
    *a = q;
    return 1;
}

/* The word after norm byte p, over spaces (at most two): [*a, *b). */
static int after(size_t *a, size_t *b, const struct normtext *t, size_t p)
{
    size_t q = p;

    while (q < t->normlen && q - p < 2 && t->norm[q] == ' ')
        q++;
    if (q == p || q >= t->normlen || !word_byte((unsigned char)t->norm[q]))
        return 0;
    *a = q;
    while (q < t->normlen && word_byte((unsigned char)t->norm[q]))
        q++;
    *b = q;
    return 1;
}

/* 1 if w is one of the space-separated words of list. */
static int in_words(const char *w, size_t n, const char *list)
{
    while (*list != '\0') {
        size_t m = strcspn(list, " ");
        if (m == n && memcmp(list, w, n) == 0)
            return 1;
        list += m + (list[m] == ' ');
    }
    return 0;
}

/* The months that are also given names, lower case: the Turkish Kasım
 * (November; Türk Dil Kurumu, Yazım Kılavuzu); the months of the Hijri
 * calendar in their Arabic, Turkish, Persian, French and Russian
 * spellings (Muharram, Safar, Rajab/Recep, Sha'ban/Şaban, Ramadan/
 * Ramazan, Shawwal/Şevval); the Solar Hijri months that are names (Mehr,
 * Aban, Azar, Bahman, Khordad, Tir: Iran's official calendar, 1925). */
static const char months[] =
    "kasim muharram muharrem moharram safar safer rajab recep receb radjab rejeb "
    "shaban sha'ban \xc5\x9f" "aban chaabane chaban ramadan ramazan ramzan ramadhan ramadane "
    "shawwal \xc5\x9f" "evval chawwal mehr aban azar \xc3\xa2zar bahman khordad tir "
    "\xd0\xbc\xd1\x83\xd1\x85\xd0\xb0\xd1\x80\xd1\x80\xd0\xb0\xd0\xbc "             /* мухаррам */
    "\xd1\x80\xd0\xb0\xd0\xb4\xd0\xb6\xd0\xb0\xd0\xb1 "                             /* раджаб */
    "\xd1\x88\xd0\xb0\xd0\xb1\xd0\xb0\xd0\xbd \xd1\x88\xd0\xb0\xd0\xb0\xd0\xb1\xd0\xb0\xd0\xbd " /* шабан шаабан */
    "\xd1\x80\xd0\xb0\xd0\xbc\xd0\xb0\xd0\xb4\xd0\xb0\xd0\xbd "                     /* рамадан */
    "\xd1\x80\xd0\xb0\xd0\xbc\xd0\xb0\xd0\xb7\xd0\xb0\xd0\xbd";                     /* рамазан */

/* The words for "month" a month's name stands beside: Turkish ay and
 * its case forms, English, French, Persian (mah), Russian (месяц). */
static const char month_words[] =
    "ay ayi ayinda ayinin ayina ayindan ayda aydan "
    "month mois mah m\xc3\xa2h maah "
    "\xd0\xbc\xd0\xb5\xd1\x81\xd1\x8f\xd1\x86 \xd0\xbc\xd0\xb5\xd1\x81\xd1\x8f\xd1\x86\xd0\xb0 "
    "\xd0\xbc\xd0\xb5\xd1\x81\xd1\x8f\xd1\x86\xd0\xb5";

static int digits_at(const struct normtext *t, size_t a, size_t b)
{
    return a < b && t->norm[a] >= '0' && t->norm[a] <= '9' && t->norm[b - 1] >= '0' && t->norm[b - 1] <= '9';
}

/* A number right before or after norm [a, b), over one space. */
static int number_beside(const struct normtext *t, size_t a, size_t b)
{
    size_t q;

    if (a >= 2 && t->norm[a - 1] == ' ' && t->norm[a - 2] >= '0' && t->norm[a - 2] <= '9')
        return 1;
    q = b;
    if (q + 1 < t->normlen && t->norm[q] == ' ' && digits_at(t, q + 1, q + 2))
        return 1;
    return 0;
}

int redact_sense_month(const struct normtext *t, size_t a, size_t b)
{
    char w[SENSE_WORD], o[SENSE_WORD];
    size_t n = lower(w, t, a, b), pa, pb, m;

    if (n == 0 || !in_words(w, n, months))
        return 0;
    if (number_beside(t, a, b))
        return 1;
    if (after(&pa, &pb, t, b) && (m = lower(o, t, pa, pb)) > 0 && in_words(o, m, month_words))
        return 1;
    /* "the month of Ramadan", "le mois de Ramadan", "в месяц Рамадан" */
    if (before(&pa, &pb, t, a) && (m = lower(o, t, pa, pb)) > 0 &&
        (in_words(o, m, month_words) || in_words(o, m, "of de du")) &&
        (in_words(o, m, month_words) || (before(&pa, &pb, t, pa) && (m = lower(o, t, pa, pb)) > 0 &&
                                         in_words(o, m, month_words))))
        return 1;
    return 0;
}

/* عبد "servant of" as Latin and Cyrillic write it before a name of God,
 * alone or with the article run in (Abd, Abdul, Abdel, Abdur, Abdol:
 * Schimmel, Islamic Names, 1989, ch. 2). */
static const char abd_words[] =
    "abd abdul abdel abdal abdol abdur abdar abder abdu abdou "
    "\xd0\xb0\xd0\xb1\xd0\xb4 \xd0\xb0\xd0\xb1\xd0\xb4\xd1\x83\xd0\xbb "            /* абд абдул */
    "\xd0\xb0\xd0\xb1\xd0\xb4\xd0\xb5\xd0\xbb\xd1\x8c \xd0\xb0\xd0\xb1\xd0\xb4\xd1\x83\xd0\xbb\xd1\x8c " /* абдель абдуль */
    "\xd0\xb0\xd0\xb1\xd0\xb4\xd1\x83\xd1\x80 \xd0\xb0\xd0\xb1\xd0\xb4\xd1\x83";  /* абдур абду */

/* The Arabic article before a name of God (al-, ar-, ...), Latin and
 * Cyrillic. */
static const char article_words[] =
    "al el ul ar er ur as es us ash ad ed az an en at "
    "\xd0\xb0\xd0\xbb\xd1\x8c \xd0\xb0\xd0\xbb \xd1\x8d\xd0\xbb\xd1\x8c \xd0\xb0\xd1\x80 "
    "\xd0\xb0\xd1\x81 \xd0\xb0\xd0\xb4";

int redact_sense_god_name(const struct normtext *t, size_t a)
{
    char o[SENSE_WORD];
    size_t pa, pb, m;

    if (!before(&pa, &pb, t, a) || (m = lower(o, t, pa, pb)) == 0)
        return 1;
    if (in_words(o, m, article_words) && (!before(&pa, &pb, t, pa) || (m = lower(o, t, pa, pb)) == 0))
        return 1;
    return !in_words(o, m, abd_words);
}

/* The prophets' epithets compounded with God (laqab: Khalil Allah of
 * Ibrahim, Kalim Allah of Musa, Ruh Allah of Isa, Safi Allah of Adam,
 * Naji Allah of Nuh, Dhabih Allah of Ismail, Habib Allah and Rasul Allah
 * of Muhammad; Encyclopaedia of Islam, 2nd ed., s.v. "Ibrāhīm", "Mūsā",
 * "ʿĪsā"): each line the prophet's name in the spellings of Arabic,
 * Turkish, Persian, French, English and Russian, a bar, the epithet's
 * first word (its stem before -ullah, -ulla, -улла). */
static const char *const epithets[] = {
    "ibrahim ebrahim brahim abraham ibrohim \xd0\xb8\xd0\xb1\xd1\x80\xd0\xb0\xd0\xb3\xd0\xb8\xd0\xbc "
    "\xd0\xb8\xd0\xb1\xd1\x80\xd0\xb0\xd1\x85\xd0\xb8\xd0\xbc \xd0\xb8\xd0\xb1\xd1\x80\xd0\xbe\xd2\xb3\xd0\xb8\xd0\xbc"
    "|khalil halil xalil khalel \xd1\x85\xd0\xb0\xd0\xbb\xd0\xb8\xd0\xbb",
    "musa mousa moussa moses \xd0\xbc\xd1\x83\xd1\x81\xd0\xb0|kalim kelim \xd0\xba\xd0\xb0\xd0\xbb\xd0\xb8\xd0\xbc",
    "isa issa eesa jesus \xd0\xb8\xd1\x81\xd0\xb0|ruh rouh \xd1\x80\xd1\x83\xd1\x85",
    "adam \xd0\xb0\xd0\xb4\xd0\xb0\xd0\xbc|safi safiy safiyy",
    "nuh nouh noah \xd0\xbd\xd1\x83\xd1\x85|naji najiy neci",
    "ismail isma'il ismael \xd0\xb8\xd1\x81\xd0\xbc\xd0\xb0\xd0\xb8\xd0\xbb|dhabih zabih zebih \xd0\xb7\xd0\xb0\xd0\xb1\xd0\xb8\xd1\x85",
    "muhammad mohammad mohammed muhammed mehmet \xd0\xbc\xd1\x83\xd1\x85\xd0\xb0\xd0\xbc\xd0\xbc\xd0\xb0\xd0\xb4"
    "|habib rasul rasoul resul \xd1\x85\xd0\xb0\xd0\xb1\xd0\xb8\xd0\xb1 \xd1\x80\xd0\xb0\xd1\x81\xd1\x83\xd0\xbb",
};

/* The compounds' endings, as god_endings of redact_unread_latin.c reads
 * them, in lower case. */
static const char *const god_tails[] = {
    "ullah", "allah", "ollah", "ulloh", "ullo", "ulla", "olla", "illah",
    "\xd1\x83\xd0\xbb\xd0\xbb\xd0\xb0\xd1\x85", "\xd1\x83\xd0\xbb\xd0\xbb\xd0\xb0",
    "\xd1\x83\xd0\xbb\xd0\xbb\xd0\xbe",
};

int redact_sense_epithet(const struct normtext *t, size_t a, size_t b)
{
    char w[SENSE_WORD], o[SENSE_WORD], prophet[SENSE_WORD * 4];
    size_t n = lower(w, t, a, b), pa, pb, m;

    if (n == 0 || !before(&pa, &pb, t, a) || (m = lower(o, t, pa, pb)) == 0)
        return 0;
    for (size_t g = 0; g < sizeof god_tails / sizeof god_tails[0]; g++) {
        size_t gl = strlen(god_tails[g]);
        if (n <= gl || memcmp(w + n - gl, god_tails[g], gl) != 0)
            continue;
        for (size_t e = 0; e < sizeof epithets / sizeof epithets[0]; e++) {
            const char *bar = strchr(epithets[e], '|');
            size_t pl = (size_t)(bar - epithets[e]);
            if (pl >= sizeof prophet)
                continue;
            memcpy(prophet, epithets[e], pl);
            prophet[pl] = '\0';
            if (in_words(o, m, prophet) && in_words(w, n - gl, bar + 1))
                return 1;
        }
    }
    return 0;
}
