/* Numbers that are no phone number by what stands around them
 * (report-adv17a D-41): a sum of money ("88 776 655 tugrik", "$1,250,000",
 * "₩3,000,000", "1 250 000 төгрөг"), a part of a larger amount ("Salary
 * 1 200 000 (2023)": the scan that starts at "200" is inside the amount)
 * and a reference of a year and a number ("Invoice 2024-000123", "Case
 * 2023-12345": detect_phone.c reads the groups, these the text).
 *
 * The currency words and signs: the currencies of the testimonies
 * (Mongolian tögrög, Korean won, Russian rouble, US dollar, Chinese yuan;
 * ISO 4217 codes MNT KRW RUB USD CNY EUR) as written in English,
 * Mongolian, Korean and Russian, and the signs ₮ ₩ $ € £ ¥ ₽. */
#include <string.h>

#include "privacy/detect_int.h"

static const char *const currency_after[] = {
    "tugrik", "tögrög", "togrog", "tugrug", "mnt", "won", "krw", "rub", "usd", "cny", "eur",
    "dollar", "yuan", "rouble", "ruble",
    "\xd1\x82\xd3\xa9\xd0\xb3", "\xd1\x82\xd0\xbe\xd0\xb3",     /* төг(рөг), тог */
    "\xd1\x80\xd1\x83\xd0\xb1", "\xd0\xb4\xd0\xbe\xd0\xbb\xd0\xbb", /* руб(лей), долл(ар) */
    "\xd0\xb2\xd0\xbe\xd0\xbd", "\xd1\x8e\xd0\xb0\xd0\xbd\xd1\x8c", /* вон, юань */
    "\xec\x9b\x90", "\xeb\x8b\xac\xeb\x9f\xac", "\xec\x9c\x84\xec\x95\x88", /* 원 달러 위안 */
    "\xe2\x82\xae", "\xe2\x82\xa9", "$", "\xe2\x82\xac", "\xc2\xa3", "\xc2\xa5", "\xe2\x82\xbd",
};

static const char *const currency_before[] = {
    "$", "\xe2\x82\xae", "\xe2\x82\xa9", "\xe2\x82\xac", "\xc2\xa3", "\xc2\xa5", "\xe2\x82\xbd",
    "usd", "mnt", "krw", "rub", "cny", "eur",
};

int det_money_around(const char *s, size_t len, size_t at, size_t end)
{
    size_t i = end, k, n;

    while (i < len && s[i] == ' ' && i - end < 2)
        i++;
    for (k = 0; k < sizeof currency_after / sizeof currency_after[0]; k++)
        if (det_starts(s, len, i, currency_after[k]))
            return 1;
    i = at;
    while (i > 0 && s[i - 1] == ' ' && at - i < 2)
        i--;
    for (k = 0; k < sizeof currency_before / sizeof currency_before[0]; k++) {
        n = strlen(currency_before[k]);
        if (i >= n && memcmp(s + i - n, currency_before[k], n) == 0)
            return 1;
    }
    return 0;
}

int det_inside_amount(const char *s, size_t at, size_t first_digits, char sep)
{
    size_t i = at, d = 0;

    if (first_digits != 3 || sep != ' ' || at < 2 || s[at - 1] != ' ')
        return 0;
    for (i = at - 1; i > 0 && det_digit(s[i - 1]); i--)
        d++;
    return d >= 1 && d <= 3;
}
