/* Gates of the number readers (brief s29 speed29b, issue 12: redaction
 * back to 50 MB/s with 10,000 terms; detect_gate.c is the model and holds
 * the address run's).  A number reader that runs at every word of a text
 * can often only match where a mark is near: an ASCII digit, a number
 * word.  A gate is exact: the reader's answers are the same with and
 * without it (bench/redact_diff.sh checks it over every text of
 * tests/data).  Each rule is written from its reader's rule, here and
 * beside the reader; a reader that learns a new form checks its gate.
 *
 * detect_plate_country (detect_plate3.c).  Every plate it reads holds an
 * ASCII digit within its first bytes: Russia's (detect_plate_ru.c) one or
 * two plate letters of two bytes at most, a separator, then digits (or
 * digits first): a digit by at + 5; Malaysia's series, three letters at
 * most and a space or a dash, then digits: by at + 4; a special series,
 * its word and a space, then digits: by at + its longest word + 1;
 * Kuwait's, a digit at at.  The gate: an ASCII digit in s[at, at +
 * reach), reach computed beside the reader from its special words.
 *
 * detect_tail (detect_tail.c).  A cue starts with an ending word of its
 * endings[] or a mask's character ('*', 'x', '#', the first byte of
 * '•'): any other first byte ends the reader before its look-back over
 * the sentence (which now runs only once a cue and its digits are read).
 * A bank's name with its card's digits glued or after a sign (bank_sign,
 * brief s39 bank39: "Kaspi6789", "Сбер-7890", "Halyk №1234") is read
 * before that gate: it first looks at what follows the word (a digit,
 * '-', ' ', '#', '(' or '[') and only then at the word's letters.
 *
 * The number words' tables (detect_spoken.c's spoken[], detect_years.c's
 * numbers[]) are read through an index built once (a hash table, buckets
 * by the first two bytes) instead of a scan of every entry: same
 * entries found, in the same order of preference (rules beside them). */
#include "privacy/detect.h"
#include "privacy/detect_int.h"

int gate_digit_within(const char *s, size_t len, size_t at, size_t reach)
{
    size_t end = reach < len - at ? at + reach : len;

    for (size_t i = at; i < end; i++)
        if (det_digit(s[i]))
            return 1;
    return 0;
}
