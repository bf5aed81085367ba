/* Korean road and administrative words in Latin letters, as parts of an
 * address (detect_address_part.c reads the numbers around them).  Moved
 * here from detect_address_part.c in session 53 (a file past 1,000
 * lines); no rule changed.  Pure functions over the norm view; no
 * allocation, no errors. */
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"
#include "privacy/detect_address_int.h"

/* A Korean road in Latin letters at i (Revised Romanization, as road
 * name addresses are signposted: "Sejong-daero", "Teheran-ro",
 * "Bongeunsa-ro 68-gil", "Toegyero"): a word ending in "-ro", "-daero" or
 * "-gil", or glued "daero"); its end, or 0. */
size_t addr_ko_latin_road(const char *s, size_t len, size_t i)
{
    size_t e = i, w;

    while (e < len && det_alpha(s[e]))
        e++;
    w = e - i;
    if (w >= 2 && e + 1 < len && s[e] == '-' && (det_starts(s, len, e + 1, "ro") || det_starts(s, len, e + 1, "daero") ||
                                               det_starts(s, len, e + 1, "gil"))) {
        e = detect_letters(s, len, e + 1);
        return (det_starts(s, len, e - 2, "ro") || det_starts(s, len, e - 3, "gil")) && !det_letter_at(s, len, e) ? e : 0;
    }
    return w >= 6 && det_starts(s, len, e - 5, "daero") && !det_letter_at(s, len, e) ? e : 0;
}

/* A Korean administrative word in Latin letters at i (Revised
 * Romanization and McCune-Reischauer as typed: "Yeoksam-dong",
 * "Munho-ri", "Gangnam-gu", "Sinam-guyok", "Yangpyeong-gun", "Seojong-
 * myeon"): a word of two letters or more, a dash and the unit; its end,
 * or 0.  *lot: 1 for a village's word (dong, ri, ni, ga), before its
 * land lot number (brief s21 addr21, R-13). */
size_t addr_ko_latin_admin(const char *s, size_t len, size_t i, int *lot)
{
    static const char *const villages[] = { "dong", "ri", "ni", "ga" };
    static const char *const admin[] = { "guyok", "kuyok", "gu", "ku", "gun", "kun", "si", "shi",
                                         "eup", "up", "myeon", "myon", "do" };
    size_t e = i, k, m;

    while (e < len && det_alpha(s[e]))
        e++;
    if (e - i < 2 || e + 1 >= len || s[e] != '-')
        return 0;
    for (k = 0; k < sizeof villages / sizeof villages[0]; k++)
        if (det_starts(s, len, e + 1, villages[k]) && !det_letter_at(s, len, m = e + 1 + strlen(villages[k])))
            return *lot = 1, m;
    for (k = 0; k < sizeof admin / sizeof admin[0]; k++)
        if (det_starts(s, len, e + 1, admin[k]) && !det_letter_at(s, len, m = e + 1 + strlen(admin[k])))
            return *lot = 0, m;
    return 0;
}

/* 1 if a district's, a county's or a city's word in Latin letters
 * (ko_latin_admin, not a village) ends just before i, after ", " or " ". */
int addr_ko_latin_admin_before(const char *s, size_t len, size_t i)
{
    size_t j = i, w;
    int lot;

    j -= j > 0 && s[j - 1] == ' ';
    j -= j > 0 && s[j - 1] == ',';
    if (j == i)
        return 0;
    for (w = j; w > 0 && (det_alpha(s[w - 1]) || s[w - 1] == '-'); w--)
        ;
    return w < j && !det_letter_before(s, w) && addr_ko_latin_admin(s, len, w, &lot) == j && !lot;
}
