/* Patronymic suffixes (patronymic.h).  From the declension tables of
 * Russian and Ukrainian grammar: the masculine -ич declines as a hard
 * consonant noun (-ича, -ичу, -ичем, -иче, plural -ичи, -ичей, -ичам), the
 * feminine -на as a noun in -а (-ны, -не, -ну, -ной, -ною; Ukrainian -ни,
 * -ні, -ною).  The Latin suffixes are the usual transliterations of the
 * same (BGN/PCGN, passport and Ukrainian national systems). */
#include <string.h>

#include "privacy/patronymic.h"

/* The suffixes, each with the endings it takes ("" for none). */
static const struct {
    const char *suffix, *const *endings;
} suffixes[] = {
#define MASC (const char *const[]){ "", "а", "у", "ем", "е", "и", "ей", "ам", "ами", "ах", "ові", 0 }
#define FEM (const char *const[]){ "а", "ы", "е", "у", "ой", "ою", "и", "і", 0 }
#define LMASC (const char *const[]){ "", "a", "u", "em", "e", "i", 0 }
#define LFEM (const char *const[]){ "a", "y", "e", "u", "oy", "oj", "i", 0 }
    { "ович", MASC }, { "евич", MASC }, { "ьич", MASC }, { "ич", MASC },
    { "овн", FEM }, { "евн", FEM }, { "ичн", FEM }, { "івн", FEM }, { "ївн", FEM },
    { "ovich", LMASC }, { "evich", LMASC }, { "ovych", LMASC }, { "evych", LMASC },
    { "ovitch", LMASC }, { "ovic", LMASC }, { "ich", LMASC },
    { "ovn", LFEM }, { "evn", LFEM }, { "ivn", LFEM }, { "ichn", LFEM },
#undef MASC
#undef FEM
#undef LMASC
#undef LFEM
};

/* Letters in w[0..n) (UTF-8). */
static size_t letters(const char *w, size_t n)
{
    size_t k = 0;

    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)w[i] & 0xC0) != 0x80;
    return k;
}

size_t patronymic_suffix_at(const char *w, size_t len)
{
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        size_t sn = strlen(suffixes[i].suffix);
        for (const char *const *e = suffixes[i].endings; *e != NULL; e++) {
            size_t en = strlen(*e), at;
            if (sn + en >= len)
                continue;
            at = len - sn - en;
            if (memcmp(w + at, suffixes[i].suffix, sn) == 0 && memcmp(w + at + sn, *e, en) == 0 &&
                letters(w, at) >= 3)
                return at;
        }
    }
    return 0;
}
