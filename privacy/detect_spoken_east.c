/* More rows of the spoken-number reader's table (detect_spoken.c, whose
 * file is full): the Ukrainian and Belarusian number words (report-adv27a
 * G-1: "нуль шістдесят сім один два три ..." was read by no rule while
 * its Russian was).  Hand-written, wants a native reviewer; from the
 * cardinal numbers of the standard grammars (Ukrainian: Український
 * правопис 2019, § 106-107 on numerals; Belarusian: Беларуская граматыка,
 * 1985, the cardinals).  The words are in the norm view: lower case, an
 * apostrophe as '\'' (detect_spoken.c reads "п'ять" as one word); words
 * the Russian rows already hold (нуль, один, одна, два, три, сто, тысяча,
 * сорок, триста) are not repeated.  Teens are TEEN, tens TENS (their
 * value in tens), hundreds HUND, thousands THOUS. */
#include "privacy/detect_spoken.h"

const struct spoken_word spoken_east[] = {
    /* Ukrainian digits */
    { "дві", DIGIT, 2 }, { "чотири", DIGIT, 4 }, { "п'ять", DIGIT, 5 }, { "шість", DIGIT, 6 },
    { "сім", DIGIT, 7 }, { "вісім", DIGIT, 8 }, { "дев'ять", DIGIT, 9 },
    /* Ukrainian teens and tens */
    { "десять", TEEN, 10 }, { "одинадцять", TEEN, 11 }, { "дванадцять", TEEN, 12 },
    { "тринадцять", TEEN, 13 }, { "чотирнадцять", TEEN, 14 }, { "п'ятнадцять", TEEN, 15 },
    { "шістнадцять", TEEN, 16 }, { "сімнадцять", TEEN, 17 }, { "вісімнадцять", TEEN, 18 },
    { "дев'ятнадцять", TEEN, 19 }, { "двадцять", TENS, 2 }, { "тридцять", TENS, 3 },
    { "п'ятдесят", TENS, 5 }, { "шістдесят", TENS, 6 }, { "сімдесят", TENS, 7 },
    { "вісімдесят", TENS, 8 }, { "дев'яносто", TENS, 9 },
    /* Ukrainian hundreds and thousands */
    { "двісті", HUND, 2 }, { "чотириста", HUND, 4 }, { "п'ятсот", HUND, 5 },
    { "шістсот", HUND, 6 }, { "сімсот", HUND, 7 }, { "вісімсот", HUND, 8 },
    { "дев'ятсот", HUND, 9 }, { "тисячі", THOUS, 0 }, { "тисяч", THOUS, 0 },
    { "тисяча", THOUS, 0 },
    /* Belarusian digits */
    { "адзін", DIGIT, 1 }, { "адна", DIGIT, 1 }, { "дзве", DIGIT, 2 }, { "тры", DIGIT, 3 },
    { "чатыры", DIGIT, 4 }, { "пяць", DIGIT, 5 }, { "шэсць", DIGIT, 6 }, { "сем", DIGIT, 7 },
    { "восем", DIGIT, 8 }, { "дзевяць", DIGIT, 9 },
    /* Belarusian teens and tens */
    { "дзесяць", TEEN, 10 }, { "адзінаццаць", TEEN, 11 }, { "дванаццаць", TEEN, 12 },
    { "трынаццаць", TEEN, 13 }, { "чатырнаццаць", TEEN, 14 }, { "пятнаццаць", TEEN, 15 },
    { "шаснаццаць", TEEN, 16 }, { "сямнаццаць", TEEN, 17 }, { "васямнаццаць", TEEN, 18 },
    { "дзевятнаццаць", TEEN, 19 }, { "дваццаць", TENS, 2 }, { "трыццаць", TENS, 3 },
    { "сорак", TENS, 4 }, { "пяцьдзесят", TENS, 5 }, { "шэсцьдзесят", TENS, 6 },
    { "семдзесят", TENS, 7 }, { "восемдзесят", TENS, 8 }, { "дзевяноста", TENS, 9 },
    /* Belarusian hundreds */
    { "дзвесце", HUND, 2 }, { "трыста", HUND, 3 }, { "чатырыста", HUND, 4 },
    { "пяцьсот", HUND, 5 }, { "шэсцьсот", HUND, 6 }, { "сямсот", HUND, 7 },
    { "васямсот", HUND, 8 }, { "дзевяцьсот", HUND, 9 },
};

const size_t spoken_east_n = sizeof spoken_east / sizeof spoken_east[0];
