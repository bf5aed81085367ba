/* The initial of a name word whose first sound is written with two or
 * more letters (brief s43 xini43, report-adv42 L-11..L-13, L-16, L-18,
 * L-53..L-55, P-3): Цой is Tsoi in Latin, and its initial is written Ts.
 * as well as T. ("O.Ts.", "O. Ts."); Jamie is Джейми in Russian, and its
 * initial is written Дж. ("Дж.П.", "Дж. П."), as Russian writes J. Bush
 * "Дж. Буш".  Called by variants.c's name_initials, which makes the
 * initials of a whole name from them. */
#include "privacy/variants_int.h"

#include <string.h>

/* The groups a Latin initial keeps whole, longest first: the Russian
 * readings' (ISO 9 without marks, BGN/PCGN, ICAO 9303: щ shch, ц ts, ч ch,
 * ш sh, ж zh, х kh, ю yu, я ya, е ye, ё yo, as Yu. Gagarin), the Korean
 * aspirates and tense consonant of McCune-Reischauer and the DPRK system
 * (ch, ph, th, kk: Phyongyang) and the English ones written so in
 * initials (Th. Mann, Ch. Darwin, Ph. Sidney).  Cyrillic: дж, the Russian
 * letter pair of English j and g (Джейми, Джордж). */
static const char *const digraphs[] = {
    "shch", "ch", "sh", "zh", "kh", "ts", "yu", "ya", "ye", "yo", "ph", "th", "kk",
    "\xd0\xb4\xd0\xb6",                                             /* дж */
};

size_t variants_digraph_initial(char *out, size_t cap, const char *key, size_t len)
{
    for (size_t i = 0; i < sizeof digraphs / sizeof digraphs[0]; i++) {
        size_t k = strlen(digraphs[i]);
        if (k < len && k < cap && memcmp(key, digraphs[i], k) == 0) {
            memcpy(out, digraphs[i], k), out[k] = '\0';
            return k;
        }
    }
    return 0;
}
