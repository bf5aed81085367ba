/* Kana as the key view reads them (kana.h).  Tables from the Unicode
 * Hiragana (U+3040-U+309F) and Katakana (U+30A0-U+30FF) blocks. */
#include "privacy/kana.h"

int kana_key(int cp)
{
    if (cp >= 0x3041 && cp <= 0x3096)
        cp += 0x60;
    else if (!(cp >= 0x30A1 && cp <= 0x30FA))
        return 0;
    switch (cp) {
    case 0x30C2: return 0x30B8;         /* ヂ ジ */
    case 0x30C5: return 0x30BA;         /* ヅ ズ */
    case 0x30F0: return 0x30A4;         /* ヰ イ */
    case 0x30F1: return 0x30A8;         /* ヱ エ */
    case 0x30F2: return 0x30AA;         /* ヲ オ */
    default: return cp;
    }
}

/* 1 if the katakana cp ends in the vowel o or u. */
static int o_or_u(int cp)
{
    static const int ou[] = {
        0x30A5, 0x30A6, 0x30A9, 0x30AA,                 /* ゥ ウ ォ オ */
        0x30AF, 0x30B0, 0x30B3, 0x30B4,                 /* ク グ コ ゴ */
        0x30B9, 0x30BA, 0x30BD, 0x30BE,                 /* ス ズ ソ ゾ */
        0x30C4, 0x30C5, 0x30C8, 0x30C9,                 /* ツ ヅ ト ド */
        0x30CC, 0x30CE,                                 /* ヌ ノ */
        0x30D5, 0x30D6, 0x30D7, 0x30DB, 0x30DC, 0x30DD, /* フ ブ プ ホ ボ ポ */
        0x30E0, 0x30E2,                                 /* ム モ */
        0x30E5, 0x30E6, 0x30E7, 0x30E8,                 /* ュ ユ ョ ヨ */
        0x30EB, 0x30ED, 0x30F4,                         /* ル ロ ヴ */
    };
    for (unsigned i = 0; i < sizeof ou / sizeof ou[0]; i++)
        if (ou[i] == cp)
            return 1;
    return 0;
}

int kana_long_vowel(int prev, int cp)
{
    return cp == 0x30A6 && o_or_u(prev);
}
