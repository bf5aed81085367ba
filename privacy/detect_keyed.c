/* A phone number right after its label or key, in any grouping
 * (report-adv17a D-31): "tel": "2-34-56", "utas: 23 45 67".  The phone
 * scanner (detect_phone.c) reads a run of small groups ("2-34-56") as no
 * number, which is right in prose (scores, dates) but not after the word
 * that says what the value is: a phone word of detect_phone.c
 * (detect_phone_word) ending right before the value, past ':', '=', '"',
 * '\'', '#', '.' and spaces (JSON, YAML, key: value).  The value: 6 to 15
 * digits in groups joined by one '-', '.' or ' ', ending the word; 5
 * after a key's ':', '=' or quote (a small town's "2-34-56").  Kind
 * phone.  Offsets are bytes of the norm view (detect_int.h). */
#include "privacy/detect.h"
#include "privacy/detect_int.h"

#define KEYED_MIN 5
#define KEYED_MAX 15

size_t detect_scan_keyed_phone(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    size_t i = at, nd = 0, g, a, we;
    int keyed;

    (void)start;
    if (!det_digit(s[at]) || at == 0 || (we = det_word_ending(s, at, " :=\"'#.", &a)) == 0 ||
        we == at || !detect_phone_word(s + a, we - a))
        return 0;
    for (;;) {
        g = det_digits(s, len, i);
        nd += g, i += g;
        if (nd > KEYED_MAX || !(i + 1 < len && (s[i] == '-' || s[i] == '.' || s[i] == ' ') && det_digit(s[i + 1])))
            break;
        i++;
    }
    /* Spaces alone between the word and the value: six digits. */
    keyed = s[at - 1] != ' ' || (at >= 2 && s[at - 2] != '\0' && strchr(":=\"'", s[at - 2]) != NULL);
    if (nd < (keyed ? KEYED_MIN : KEYED_MIN + 1) || nd > KEYED_MAX || !det_ends_word(s, len, i) ||
        det_letter_at(s, len, i))
        return 0;
    *kind = DETECT_PHONE;
    return i;
}
