/* The marks that split a number's digit groups apart (brief s25 num25,
 * issue 12, report-adv24 A-1..A-3): by Unicode class, not a list.  A
 * split mark is a code point outside ASCII of general category Pi, Pf
 * (initial and final quotes: « » “ ” „ ‚ ‹ ›), Ps, Pe (opening and
 * closing brackets: 「 」 『 』 【 】 〈 〉 《 》 and their full-width
 * forms), Po (other punctuation: 、 ・ … ‥ ※ ‖) or Pd (dashes outside
 * ASCII: 〜 ⸗ ֊ ᠆ ゠ 〰 ‐ ‑ – —; report-adv25b C-2), and the midline
 * ellipsis U+22EF (category Sm), and the symbols of categories Sm and So
 * (arrows → ⇒ ➔, the broken bar ¦, the fraction slash ⁄, bullets ● ▪,
 * box bars │: report-adv25b C-1; brief s26 num26) other than the
 * operators and units of symbol_excluded below.  ASCII marks keep their own rules in
 * detect_split.c and redact_idparts.c (',' '.' ':' each mean something
 * inside a number).  Left out, our choice (docs/VARIANTS.md, session 25):
 * the marks that end a sentence (。 ｡ ． ! ? and their other scripts'
 * forms: a number after them is another sentence's), and the Po marks a
 * number is written with (‰ ‱ ′ ″ ‴ ٪ ٫ ٬ § ¶: a unit, a decimal sign, a
 * section).  Categories from utf8proc (Unicode's UnicodeData.txt); the
 * exclusions are written by hand. */
#include <string.h>
#include <utf8proc.h>

#include "privacy/detect_int.h"

static int excluded(int cp)
{
    switch (cp) {
    case 0x3002: case 0xFF0E: case 0xFF61:          /* 。 ． ｡ */
    case 0xFF01: case 0xFF1F: case 0x00A1: case 0x00BF: /* ！ ？ ¡ ¿ */
    case 0x203C: case 0x2047: case 0x2048: case 0x2049: /* ‼ ⁇ ⁈ ⁉ */
    case 0x0964: case 0x0965: case 0x061F: case 0x06D4: /* । ॥ ؟ ۔ */
    case 0x2030: case 0x2031: case 0x066A:          /* ‰ ‱ ٪ */
    case 0x2032: case 0x2033: case 0x2034: case 0x2035: case 0x2036: case 0x2037: /* primes */
    case 0x066B: case 0x066C:                       /* ٫ ٬ decimal, thousands */
    case 0x00A7: case 0x00B6:                       /* § ¶ */
        return 1;
    default:
        return 0;
    }
}

/* 1 if the symbol cp (category Sm or So) means something between two
 * numbers and so splits no groups: an operator of arithmetic or
 * comparison ("3 + 4", "1 ± 2", "a ≤ 5": the Mathematical Operators
 * block U+2200..U+22FF and the Latin-1 and Greek ones), or a unit or
 * label written beside a number (° № ℃ © ®: the Letterlike Symbols block
 * U+2100..U+214F).  The operators that are a slash, a bar, a dot or a
 * tilde between groups (∕ ∣ ∙ ⋅ ∼ ⋯) are split marks.  Written by hand
 * from UnicodeData.txt's names (brief s26 num26). */
static int symbol_excluded(int cp)
{
    switch (cp) {
    case 0x2215: case 0x2223: case 0x2219: case 0x22C5: case 0x223C: case 0x22EF:
        return 0;                                   /* ∕ ∣ ∙ ⋅ ∼ ⋯ */
    case 0x00AC: case 0x00B0: case 0x00B1: case 0x00D7: case 0x00F7: /* ¬ ° ± × ÷ */
    case 0x00A9: case 0x00AE: case 0x03F6:                   /* © ® ϶ */
    case 0x207A: case 0x207B: case 0x207C: case 0x208A: case 0x208B: case 0x208C: /* ⁺ ⁻ ⁼ ₊ ₋ ₌ */
    case 0xFB29: case 0xFE62: case 0xFE64: case 0xFE65: case 0xFE66: /* ﬩ ﹢ ﹤ ﹥ ﹦ */
    case 0xFF0B: case 0xFF1C: case 0xFF1D: case 0xFF1E:             /* ＋ ＜ ＝ ＞ */
        return 1;
    default:
        return (cp >= 0x2200 && cp <= 0x22FF) || (cp >= 0x2100 && cp <= 0x214F) ||
               (cp >= 0x2A00 && cp <= 0x2AFF);      /* Supplemental Mathematical Operators */
    }
}

/* 1 if code point cp is a split mark (above). */
static int split_cp(int cp)
{
    if (cp < 0x80 || excluded(cp))
        return 0;
    if (cp == 0x22EF)
        return 1;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PO:
    case UTF8PROC_CATEGORY_PD:
        return 1;
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SO:
        return !symbol_excluded(cp);
    default:
        return 0;
    }
}

int det_split_mark(const char *s, size_t len, size_t at, size_t *n)
{
    int cp = det_cp_at(s, len, at, n);

    return cp >= 0 && split_cp(cp);
}

int det_split_mark_before(const char *s, size_t at, size_t *n)
{
    int cp = det_cp_before(s, at, n);

    return cp >= 0 && split_cp(cp);
}

size_t det_dots(const char *s, size_t len, size_t at)
{
    size_t j = at;

    while (j < len && s[j] == '.')
        j++;
    return j - at >= 2 ? j - at : 0;
}

size_t det_word_ending_marks(const char *s, size_t end, const char *skip, size_t *wstart)
{
    size_t n;

    for (;;) {
        if (end > 0 && s[end - 1] != '\0' && strchr(skip, s[end - 1]) != NULL)
            end--;
        else if (end > 0 && det_split_mark_before(s, end, &n))
            end -= n;
        else
            break;
    }
    return det_word_ending(s, end, "", wstart);
}

int det_split_between(const char *s, size_t a, size_t b)
{
    size_t n;

    for (size_t i = a; i < b; i++)
        if (s[i] == ',' || s[i] == ';' || s[i] == '"' || det_dots(s, b, i) > 0 || det_split_mark(s, b, i, &n))
            return 1;
    return 0;
}
