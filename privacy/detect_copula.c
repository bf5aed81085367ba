/* The one table of copulas the pattern detectors read (session 41,
 * bank41: detect_label.c's copula between a label and its value and
 * detect_tail.c's copula between a card's digits and the card's word
 * were two tables; they are this one).  Offsets and words are bytes of
 * the norm view (detect_int.h: lower case). */
#include <string.h>

#include "privacy/detect_int.h"

#define N(a) (sizeof(a) / sizeof(a)[0])

/* Copulas ("ID is 1101...", "IC adalah 850314...": report-adv27c H-12;
 * "Kaspi: 6789 была её карта", "Halyk: 3321 was her card": report-adv39
 * L-30).  HAND-WRITTEN: English is, was, are; Malay adalah, ialah;
 * Russian это, был, была, было, были; Ukrainian це, був, була, було,
 * були; Kazakh болатын, еді (report-adv40 L-136: "Jusan: 1234 еді."); Mongolian
 * байсан. */
static const struct det_word copulas[] = {
    DW("is", FIT_WORD), DW("was", FIT_WORD), DW("are", FIT_WORD), DW("adalah", FIT_WORD),
    DW("ialah", FIT_WORD), DW("\xd1\x8d\xd1\x82\xd0\xbe", FIT_WORD),               /* это */
    DW("\xd0\xb1\xd1\x8b\xd0\xbb", FIT_PREFIX),                                   /* был(а, о, и) */
    DW("\xd0\xb1\xd1\x83\xd0\xbb", FIT_PREFIX),                                   /* була, було, були */
    DW("\xd0\xb1\xd1\x83\xd0\xb2", FIT_WORD), DW("\xd1\x86\xd0\xb5", FIT_WORD),   /* був це */
    DW("\xd0\xb1\xd0\xbe\xd0\xbb\xd0\xb0\xd1\x82\xd1\x8b\xd0\xbd", FIT_WORD),    /* болатын */
    DW("\xd0\xb1\xd0\xb0\xd0\xb9\xd1\x81\xd0\xb0\xd0\xbd", FIT_WORD),            /* байсан */
    DW("\xd0\xb5\xd0\xb4\xd1\x96", FIT_WORD),                                /* еді */
};

int det_copula(const char *w, size_t n)
{
    return det_in_list(copulas, N(copulas), w, n);
}
