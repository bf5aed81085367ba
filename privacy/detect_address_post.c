/* Postcodes of an address (brief s20 addr20, B-11): after their label
 * ("Postcode: SW1A 1AA", "우편번호 04524", "zip 12345", "индекс 210100"),
 * or without it a town's name or two from an address ("London NW1 6XE",
 * "Улаанбаатар-14200", "06236 서울 강남구 ..."): the UK format (Royal
 * Mail's outward and inward codes), five- or six-digit codes (Korea,
 * Mongolia, Russia, the US zip) and the old Korean 135-080; and the town
 * words between.  Offsets in bytes of the norm view. */
#include <stdlib.h>
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"
#include "privacy/detect_address_int.h"

/* A full UK postcode at i (outward code of a letter or two, a digit and
 * maybe a letter or digit; a space; a digit and two letters: A9 9AA, A99
 * 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA); its end, or 0. */
size_t addr_uk_postcode(const char *s, size_t len, size_t i)
{
    size_t a;

    for (a = i; a < len && a - i < 2 && det_alpha(s[a]); a++)
        ;
    if (a == i || a >= len || !det_digit(s[a]) || det_letter_before(s, i))
        return 0;
    a++;
    if (a < len && det_alnum(s[a]))
        a++;
    if (a + 4 <= len && s[a] == ' ' && det_digit(s[a + 1]) && det_alpha(s[a + 2]) && det_alpha(s[a + 3]) &&
        det_ends_word(s, len, a + 4))
        return a + 4;
    return 0;
}

/* A South Korean postcode of the old format at i (six digits in two
 * groups of three, 1988-2015: "135-080"), no digit or letter on either
 * side; its end, or 0 (brief s21 addr21). */
size_t addr_ko_old_postcode(const char *s, size_t len, size_t i)
{
    size_t n;

    if ((i > 0 && (det_alnum(s[i - 1]) || s[i - 1] == '-')) || det_digits(s, len, i) != 3 ||
        i + 7 > len || s[i + 3] != '-' || det_digits(s, len, i + 4) != 3)
        return 0;
    if (i + 7 < len && (det_alnum(s[i + 7]) || s[i + 7] == '-' ||
                        (det_letter_at(s, len, i + 7) && !addr_hangul(det_cp_at(s, len, i + 7, &n)))))
        return 0;
    return i + 7;
}

/* A postcode after its label ("Postcode: SW1A 1AA", "우편번호 04524", "zip
 * 12345", "индекс 210100"): s[i] starts a UK postcode (outward code of a
 * letter or two, a digit and maybe a letter or digit; a space; a digit and
 * two letters) or four to six digits, and a label ends just before it,
 * maybe with ':' and a space; the postcode's end, or 0.  The label stays in
 * the text (it says what was there, like "Phone:").
 * The labels: postcode, post code, postal code, zip, zip code, 우편번호,
 * индекс, почтовый индекс, шуудангийн код (Mongolian: postal code). */
size_t addr_postcode_labelled(const char *s, size_t len, size_t i)
{
    static const char *const labels[] = {
        "postcode", "post code", "postal code", "zip code", "zip", "\xec\x9a\xb0\xed\x8e\xb8\xeb\xb2\x88\xed\x98\xb8",
        "\xd0\xbf\xd0\xbe\xd1\x87\xd1\x82\xd0\xbe\xd0\xb2\xd1\x8b\xd0\xb9 \xd0\xb8\xd0\xbd\xd0\xb4\xd0\xb5\xd0\xba\xd1\x81", "\xd0\xb8\xd0\xbd\xd0\xb4\xd0\xb5\xd0\xba\xd1\x81",
        "\xd1\x88\xd1\x83\xd1\x83\xd0\xb4\xd0\xb0\xd0\xbd\xd0\xb3\xd0\xb8\xd0\xb9\xd0\xbd \xd0\xba\xd0\xbe\xd0\xb4",
        /* The same in Latin letters as typed, and 우편 번호 apart (brief
         * s21 addr21, R-13 "shuudangiin kod 210648"). */
        "shuudangiin kod", "shuudangin kod", "shuudangiin code", "shuudangiin index", "shuudangiin indeks",
        "\xec\x9a\xb0\xed\x8e\xb8 \xeb\xb2\x88\xed\x98\xb8",
    };
    size_t k, j = i, n, l, e;
    int labelled = 0;

    j -= j > 0 && s[j - 1] == ' ';
    j -= j > 0 && s[j - 1] == ':';
    if (j == i)
        return 0;               /* a label and its number are apart */
    /* The number's shape first: it starts with a digit or a letter and
     * is rare, the labels are looked for before every word (they were
     * most of this function's cost, 4% of the redactor's). */
    if ((n = det_digits(s, len, i)) >= 4 && n <= 6 && det_ends_word(s, len, i + n))
        e = i + n;
    else if ((e = addr_ko_old_postcode(s, len, i)) == 0 && (e = addr_uk_postcode(s, len, i)) == 0)
        return 0;
    for (k = 0; k < sizeof labels / sizeof labels[0] && !labelled; k++) {
        l = strlen(labels[k]);
        labelled = l <= j && det_starts(s, len, j - l, labels[k]) &&
                   (j - l == 0 || !det_alpha(s[j - l - 1]));
    }
    return labelled ? e : 0;
}
/* A word of letters (any script, "-" inside: "Khan-Uul") at i; its end,
 * or i if none. */
size_t addr_town_word(const char *s, size_t len, size_t i)
{
    size_t x = detect_letters(s, len, i);

    while (x > i && x + 1 < len && s[x] == '-' && !det_digit(s[x + 1]) && det_letter_at(s, len, x + 1))
        x = detect_letters(s, len, x + 1);
    return x;
}

/* A postcode without its label after an address ending at i (B-11): one
 * to three words of a town between ("London NW1 6XE", "Ulaanbaatar
 * 14200", "Улаанбаатар-14200") and a full UK postcode, or five or six
 * digits ending the clause (end, punctuation); a UK postcode may also
 * follow the address at once.  Its end and start in *start, or 0. */
size_t addr_postcode_after(const char *s, size_t len, size_t i, size_t *start)
{
    size_t j = i, e, n;
    int words, c;

    j += j < len && s[j] == ',';
    j += j < len && s[j] == ' ';
    for (words = 0; words <= 3; words++) {
        /* а/я 123, 123456 Москва: six digits, then the town in Cyrillic
         * (the Russian order; report-adv21 A-6; "House 7, 100000
         * workers" stays). */
        if (words == 0 && (n = det_digits(s, len, j)) == 6 && !det_letter_before(s, j) && j + 7 < len &&
            s[j + 6] == ' ' && (c = det_cp_at(s, len, j + 7, &n)) >= 0x400 && c <= 0x4FF)
            return *start = j, j + 6;
        if ((e = addr_uk_postcode(s, len, j)) != 0 || (e = addr_ko_old_postcode(s, len, j)) != 0 ||
            (words > 0 && (n = det_digits(s, len, j)) >= 5 && n <= 6 && !det_letter_before(s, j) &&
             (j + n >= len || s[j + n] == '.' || s[j + n] == ',' || s[j + n] == ';' || s[j + n] == ')') &&
             (e = j + n) != 0))
            return *start = j, e;
        if ((e = addr_town_word(s, len, j)) == j || e >= len)
            return 0;
        j = e + (s[e] == ',');
        if (j >= len || (s[j] != ' ' && s[j] != '-'))
            return 0;
        j++;
    }
    return 0;
}

/* A postcode without its label before an address starting at i, one to
 * three words of a town and a district between: five or six digits,
 * maybe in brackets, at the start of the text or after a space or a
 * bracket ("06236 서울 강남구 테헤란로 152", "(06236) 서울 ..."; B-11).
 * Its end and start in *start, or 0. */
size_t addr_postcode_before(const char *s, size_t i, size_t *start)
{
    size_t j = i, e, d, n;
    int words;

    for (words = 0; words <= 3; words++) {
        while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == ','))
            j--;
        e = j - (j > 0 && s[j - 1] == ')');
        for (d = e; d > 0 && det_digit(s[d - 1]); d--)
            ;
        if (words > 0 && e - d >= 5 && e - d <= 6 && (d == 0 || s[d - 1] == ' ' || s[d - 1] == '('))
            return *start = d, e;
        /* 135-080 (the old Korean format) */
        if (words > 0 && e - d == 3 && d >= 4 && addr_ko_old_postcode(s, e, d - 4) == e &&
            (d == 4 || s[d - 5] == ' ' || s[d - 5] == '('))
            return *start = d - 4, e;
        if (j == i && words > 0)
            return 0;
        for (d = j; d > 0 && det_letter_before(s, d) && !det_digit(s[d - 1]); d -= n)
            det_cp_before(s, d, &n);
        if (d == j || (d > 0 && s[d - 1] != ' '))
            return 0;
        j = d;
    }
    return 0;
}

