/* The spoken-number reader's main word table (detect_spoken.c reads
 * with it; split from that file): English, Mongolian in Cyrillic and in
 * Latin letters, Russian, Korean, Malay and the wider net of other
 * languages, with the dash, slash, dot and point words.  Where each
 * language's words come from is said in detect_spoken.c's header and in
 * the comments of the rows below.  The words are in the norm view (lower
 * case, no marks, an apostrophe as '\''); static, never freed. */
#include "privacy/detect_spoken.h"

const struct spoken_word spoken_words[] = {
    /* English */
    { "zero", DIGIT, 0 }, { "oh", DIGIT, 0 }, { "one", DIGIT, 1 }, { "two", DIGIT, 2 },
    { "three", DIGIT, 3 }, { "four", DIGIT, 4 }, { "five", DIGIT, 5 }, { "six", DIGIT, 6 },
    { "seven", DIGIT, 7 }, { "eight", DIGIT, 8 }, { "nine", DIGIT, 9 }, { "niner", DIGIT, 9 },
    { "ten", TEEN, 10 }, { "eleven", TEEN, 11 }, { "twelve", TEEN, 12 },
    { "thirteen", TEEN, 13 }, { "fourteen", TEEN, 14 }, { "fifteen", TEEN, 15 },
    { "sixteen", TEEN, 16 }, { "seventeen", TEEN, 17 }, { "eighteen", TEEN, 18 },
    { "nineteen", TEEN, 19 }, { "twenty", TENS, 2 }, { "thirty", TENS, 3 },
    { "forty", TENS, 4 }, { "fifty", TENS, 5 }, { "sixty", TENS, 6 }, { "seventy", TENS, 7 },
    { "eighty", TENS, 8 }, { "ninety", TENS, 9 }, { "double", MULT, 2 }, { "triple", MULT, 3 },
    /* Mongolian, Cyrillic */
    { "тэг", DIGIT, 0 }, { "нэг", DIGIT, 1 }, { "хоёр", DIGIT, 2 }, { "гурав", DIGIT, 3 },
    { "гурван", DIGIT, 3 }, { "дөрөв", DIGIT, 4 }, { "дөрвөн", DIGIT, 4 }, { "тав", DIGIT, 5 },
    { "таван", DIGIT, 5 }, { "зургаа", DIGIT, 6 }, { "зургаан", DIGIT, 6 }, { "долоо", DIGIT, 7 },
    { "долоон", DIGIT, 7 }, { "найм", DIGIT, 8 }, { "найман", DIGIT, 8 }, { "ес", DIGIT, 9 },
    { "есөн", DIGIT, 9 }, { "арав", TEEN, 10 }, { "арван", TENS, 1 }, { "хорь", TENS, 2 },
    { "хорин", TENS, 2 }, { "гуч", TENS, 3 }, { "гучин", TENS, 3 }, { "дөч", TENS, 4 },
    { "дөчин", TENS, 4 }, { "тавь", TENS, 5 }, { "тавин", TENS, 5 }, { "жар", TENS, 6 },
    { "жаран", TENS, 6 }, { "дал", TENS, 7 }, { "далан", TENS, 7 }, { "ная", TENS, 8 },
    { "наян", TENS, 8 }, { "ер", TENS, 9 }, { "ерэн", TENS, 9 },
    /* Mongolian, Latin letters */
    { "teg", DIGIT, 0 }, { "neg", DIGIT, 1 }, { "khoyor", DIGIT, 2 }, { "hoyor", DIGIT, 2 },
    { "khoyr", DIGIT, 2 }, { "hoyr", DIGIT, 2 }, { "gurav", DIGIT, 3 }, { "gurvan", DIGIT, 3 },
    { "dorov", DIGIT, 4 }, { "durvu", DIGIT, 4 }, { "dorvon", DIGIT, 4 }, { "tav", DIGIT, 5 },
    { "tavan", DIGIT, 5 }, { "zurgaa", DIGIT, 6 }, { "doloo", DIGIT, 7 }, { "naim", DIGIT, 8 },
    { "naym", DIGIT, 8 }, { "yes", DIGIT, 9 }, { "yos", DIGIT, 9 }, { "yesun", DIGIT, 9 },
    { "arav", TEEN, 10 }, { "arvan", TENS, 1 }, { "yeren", TENS, 9 },
    /* Malay (brief s26 malay26, report-adv25a B-1..B-3; hand-written,
     * wants a native reviewer): the standard cardinals of Dewan Bahasa dan
     * Pustaka's Tatabahasa Dewan, kosong and sifar 0, satu 1, dua 2, tiga
     * 3, empat 4, lima 5, enam 6, tujuh 7, lapan 8, sembilan 9; the
     * Indonesian delapan 8 (nol 0 is in the wider net below); sepuluh 10,
     * sebelas 11; inside a run, belas (teens: "empat belas" 14) and
     * puluh (tens: "dua puluh" 20) after a digit, ratus 100 and ribu
     * 1000 after one as the other languages' hundreds and thousands
     * (report-adv51 L-3: a MyKad said "... dua empat belas lima ..."). */
    { "kosong", DIGIT, 0 }, { "sifar", DIGIT, 0 }, { "satu", DIGIT, 1 }, { "dua", DIGIT, 2 },
    { "tiga", DIGIT, 3 }, { "empat", DIGIT, 4 }, { "lima", DIGIT, 5 }, { "enam", DIGIT, 6 },
    { "tujuh", DIGIT, 7 }, { "lapan", DIGIT, 8 }, { "delapan", DIGIT, 8 },
    { "sembilan", DIGIT, 9 }, { "sepuluh", TEEN, 10 }, { "sebelas", TEEN, 11 },
    { "belas", MSTEEN, 0 }, { "puluh", MSTENS, 0 }, { "ratus", HUND, 0 }, { "ribu", THOUS, 0 },
    /* Russian */
    { "ноль", DIGIT, 0 }, { "нуль", DIGIT, 0 }, { "один", DIGIT, 1 }, { "одна", DIGIT, 1 },
    { "два", DIGIT, 2 }, { "две", DIGIT, 2 }, { "три", DIGIT, 3 }, { "четыре", DIGIT, 4 },
    { "пять", DIGIT, 5 }, { "шесть", DIGIT, 6 }, { "семь", DIGIT, 7 }, { "восемь", DIGIT, 8 },
    { "девять", DIGIT, 9 },
    /* Kazakh (brief s44 lead44; adv42 L-34, L-35, adv41 L-81: "пәтер
     * отыз бес"): the cardinals of Kazakh grammar, нөл 0, бір 1, екі 2,
     * үш 3, төрт 4, бес 5, алты 6, жеті 7, сегіз 8, тоғыз 9, and the
     * tens жиырма 20, отыз 30, қырық 40, елу 50, алпыс 60, жетпіс 70,
     * сексен 80, тоқсан 90 (a compound is tens then units, "отыз бес"
     * 35, as in Mongolian).  он 10 (the Russian "he") and жүз 100
     * ("face") only inside a run (below). */
    { "нөл", DIGIT, 0 }, { "бір", DIGIT, 1 }, { "екі", DIGIT, 2 }, { "үш", DIGIT, 3 },
    { "төрт", DIGIT, 4 }, { "бес", DIGIT, 5 }, { "алты", DIGIT, 6 }, { "жеті", DIGIT, 7 },
    { "сегіз", DIGIT, 8 }, { "тоғыз", DIGIT, 9 }, { "жиырма", TENS, 2 }, { "отыз", TENS, 3 },
    { "қырық", TENS, 4 }, { "елу", TENS, 5 }, { "алпыс", TENS, 6 }, { "жетпіс", TENS, 7 },
    { "сексен", TENS, 8 }, { "тоқсан", TENS, 9 },
    /* жүз 100 and он 10 inside a run only (KZHUND, KZTEN: "сегіз жеті
     * жүз бір ...", a phone of Kazakhstan's plan, adv44 L-38, L-98) */
    { "жүз", KZHUND, 0 }, { "он", KZTEN, 1 },
    /* Russian teens, tens, hundreds and thousands */
    { "десять", TEEN, 10 }, { "одиннадцать", TEEN, 11 }, { "двенадцать", TEEN, 12 },
    { "тринадцать", TEEN, 13 }, { "четырнадцать", TEEN, 14 }, { "пятнадцать", TEEN, 15 },
    { "шестнадцать", TEEN, 16 }, { "семнадцать", TEEN, 17 }, { "восемнадцать", TEEN, 18 },
    { "девятнадцать", TEEN, 19 }, { "двадцать", TENS, 2 }, { "тридцать", TENS, 3 },
    { "сорок", TENS, 4 }, { "пятьдесят", TENS, 5 }, { "шестьдесят", TENS, 6 },
    { "семьдесят", TENS, 7 }, { "восемьдесят", TENS, 8 }, { "девяносто", TENS, 9 },
    { "сто", HUND, 1 }, { "двести", HUND, 2 }, { "триста", HUND, 3 }, { "четыреста", HUND, 4 },
    { "пятьсот", HUND, 5 }, { "шестьсот", HUND, 6 }, { "семьсот", HUND, 7 },
    { "восемьсот", HUND, 8 }, { "девятьсот", HUND, 9 }, { "тысяча", THOUS, 0 },
    { "тысячи", THOUS, 0 }, { "тысяч", THOUS, 0 },
    /* Place words: a hundred, a thousand (Mongolian зуу(н), мянга(н); English;
     * Mongolian in Latin letters) */
    { "зуу", HUND, 0 }, { "зуун", HUND, 0 }, { "мянга", THOUS, 0 }, { "мянган", THOUS, 0 },
    { "hundred", HUND, 0 }, { "thousand", THOUS, 0 }, { "zuu", HUND, 0 }, { "zuun", HUND, 0 },
    { "myanga", THOUS, 0 }, { "myangan", THOUS, 0 },
    /* A dash said between the parts of a number */
    { "dash", DASH, 0 }, { "hyphen", DASH, 0 }, { "minus", DASH, 0 }, { "тире", DASH, 0 },
    { "дефис", DASH, 0 }, { "다시", DASH, 0 },
    /* The separator words, one table for every language (report-adv12
     * Korean 대시, 하이픈 (dash, hyphen as loan words), 빼기 (minus),
     * 슬래시 (slash); Mongolian зураас (line, dash), хасах (minus); Russian
     * слэш, слеш, черта; English slash, stroke, bar; German Strich */
    { "\xeb\x8c\x80\xec\x8b\x9c", DASH, 0 }, { "\xed\x95\x98\xec\x9d\xb4\xed\x94\x88", DASH, 0 },
    { "\xeb\xb9\xbc\xea\xb8\xb0", DASH, 0 }, { "\xec\x8a\xac\xeb\x9e\x98\xec\x8b\x9c", DASH, 0 },
    { "зураас", DASH, 0 }, { "хасах", DASH, 0 }, { "слэш", DASH, 0 }, { "слеш", DASH, 0 },
    { "черта", DASH, 0 }, { "slash", DASH, 0 }, { "stroke", DASH, 0 }, { "bar", DASH, 0 },
    { "strich", DASH, 0 },
    { "point", POINT, 0 }, { "точка", POINT, 0 }, { "цэг", POINT, 0 }, { "\xec\xa0\x90", POINT, 0 },   /* 점 */
    /* An IPv4 address said with "dot" between its numbers (report-adv19b
     * B-20: "one nine two dot one six eight dot four dot seventeen"); 닷. */
    { "dot", POINT, 0 }, { "\xeb\x8b\xb7", POINT, 0 },
    { "longitude", LON, 0 }, { "lon", LON, 0 }, { "lng", LON, 0 }, { "уртраг", LON, 0 },
    { "долгота", LON, 0 }, { "долготы", LON, 0 }, { "\xea\xb2\xbd\xeb\x8f\x84", LON, 0 }, /* 경도 */
    { "\xeb\x8f\x99\xea\xb2\xbd", LON, 0 }, { "\xec\x84\x9c\xea\xb2\xbd", LON, 0 },   /* 동경, 서경 */
    { "north", HEMI, 'n' }, { "south", HEMI, 's' }, { "east", HEMI, 'e' }, { "west", HEMI, 'w' },
    /* The wider net (report-adv12 A-9; WEAK_RUN): Russian in Latin
     * letters (GOST 7.79 B and the usual phone typing), German, French,
     * Spanish, Mandarin in pinyin without tones (yao for 1, as phone
     * numbers are read; shi, ten, left out), Japanese on readings in
     * romaji (the katakana forms are in kana_digits below) */
    { "nol", WDIGIT, 0 }, { "nul", WDIGIT, 0 }, { "odin", WDIGIT, 1 }, { "odna", WDIGIT, 1 },
    { "dva", WDIGIT, 2 }, { "dve", WDIGIT, 2 }, { "tri", WDIGIT, 3 }, { "chetyre", WDIGIT, 4 },
    { "chetire", WDIGIT, 4 }, { "pyat", WDIGIT, 5 }, { "pjat", WDIGIT, 5 }, { "shest", WDIGIT, 6 },
    { "sem", WDIGIT, 7 }, { "vosem", WDIGIT, 8 }, { "devyat", WDIGIT, 9 }, { "devjat", WDIGIT, 9 },
    { "null", WDIGIT, 0 }, { "eins", WDIGIT, 1 }, { "zwei", WDIGIT, 2 }, { "zwo", WDIGIT, 2 },
    { "drei", WDIGIT, 3 }, { "vier", WDIGIT, 4 }, { "funf", WDIGIT, 5 },
    { "fuenf", WDIGIT, 5 }, { "sechs", WDIGIT, 6 }, { "sieben", WDIGIT, 7 }, { "acht", WDIGIT, 8 },
    { "neun", WDIGIT, 9 },
    { "un", WDIGIT, 1 }, { "deux", WDIGIT, 2 }, { "trois", WDIGIT, 3 },
    { "quatre", WDIGIT, 4 }, { "cinq", WDIGIT, 5 }, { "sept", WDIGIT, 7 }, { "huit", WDIGIT, 8 },
    { "neuf", WDIGIT, 9 },
    { "cero", WDIGIT, 0 }, { "uno", WDIGIT, 1 }, { "dos", WDIGIT, 2 }, { "tres", WDIGIT, 3 },
    { "cuatro", WDIGIT, 4 }, { "cinco", WDIGIT, 5 }, { "seis", WDIGIT, 6 }, { "siete", WDIGIT, 7 },
    { "ocho", WDIGIT, 8 }, { "nueve", WDIGIT, 9 },
    { "ling", WDIGIT, 0 }, { "yao", WDIGIT, 1 }, { "yi", WDIGIT, 1 }, { "er", WDIGIT, 2 },
    { "san", WDIGIT, 3 }, { "si", WDIGIT, 4 }, { "wu", WDIGIT, 5 }, { "liu", WDIGIT, 6 },
    { "qi", WDIGIT, 7 }, { "ba", WDIGIT, 8 }, { "jiu", WDIGIT, 9 },
    { "rei", WDIGIT, 0 }, { "maru", WDIGIT, 0 }, { "ichi", WDIGIT, 1 }, { "ni", WDIGIT, 2 },
    { "yon", WDIGIT, 4 }, { "shi", WDIGIT, 4 }, { "go", WDIGIT, 5 }, { "roku", WDIGIT, 6 },
    { "nana", WDIGIT, 7 }, { "shichi", WDIGIT, 7 }, { "hachi", WDIGIT, 8 }, { "kyu", WDIGIT, 9 },
    { "kyuu", WDIGIT, 9 }, { "ku", WDIGIT, 9 },
    /* Report-adv17a D-3, D-38: British "nought", "nil" (0); "o" (0, as
     * "fifty-five o three"; 5 in Korean in Latin letters); Russian "раз"
     * (1, as digits are dictated); Mongolian in Latin letters as typed
     * without a Cyrillic keyboard (durvun, es); Korean in Latin letters
     * (Revised Romanization and the usual typing): Sino-Korean gong yeong
     * 0, il 1, i 2, sam 3, sa 4, o 5, yuk 6, chil 7, pal 8, gu 9; native
     * hana, dul, set, net, daseot, yeoseot, ilgop, yeodeol, ahop. */
    { "nought", DIGIT, 0 }, { "naught", DIGIT, 0 }, { "nil", WDIGIT, 0 }, { "o", WDIGIT, 0 },
    { "\xd1\x80\xd0\xb0\xd0\xb7", WDIGIT, 1 }, { "durvun", WDIGIT, 4 }, { "durvon", WDIGIT, 4 },
    { "es", WDIGIT, 9 }, { "zurgaan", WDIGIT, 6 }, { "doloon", WDIGIT, 7 }, { "naiman", WDIGIT, 8 },
    { "gong", KWORD, 0 }, { "yeong", KWORD, 0 }, { "young", KWORD, 0 }, { "il", KWORD, 1 },
    { "i", KDIGIT, 2 }, { "ee", KDIGIT, 2 }, { "sam", KWORD, 3 }, { "sa", KWORD, 4 },
    { "yuk", KWORD, 6 }, { "yug", KWORD, 6 }, { "ryuk", KWORD, 6 }, { "chil", KWORD, 7 },
    { "pal", KWORD, 8 }, { "gu", KWORD, 9 }, { "hana", KWORD, 1 }, { "dul", KWORD, 2 },
    { "set", KWORD, 3 }, { "net", KWORD, 4 }, { "daseot", KWORD, 5 },
    { "yeoseot", KWORD, 6 }, { "ilgop", KWORD, 7 }, { "yeodeol", KWORD, 8 },
    { "ahop", KWORD, 9 },
};

const size_t spoken_words_n = sizeof spoken_words / sizeof spoken_words[0];
