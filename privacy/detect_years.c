/* Years and days of the month written in words, for the date scanner
 * (detect_date.c; issue 12 kind 9, brief i12-num item 5): a year with
 * its thousands or hundreds said ("two thousand and five", "nineteen
 * hundred and seventy-five", Russian "тысяча девятьсот семьдесят пятого",
 * "две тысячи пятого", Mongolian "мянга есөн зуун далан таван") and a
 * Russian day as an ordinal ("четырнадцатого", "двадцать первого").
 * English years said in pairs ("nineteen eighty-five") are read by
 * detect_spoken.c.
 *
 * The words, one table (numbers[] below), written from each language's
 * cardinal numbers: English; Russian cardinals and the stems of its
 * ordinals (перв- 1 ... девяност- 90, read with any case ending: пятого,
 * пятом, пятый), as Russian writes a year or a day in a date; Mongolian
 * cardinals in both forms (таван/тав 5, далан/дал 70, зуун/зуу 100,
 * мянган/мянга 1000).  Words are read as a number is said: units, teens
 * and tens add up, a hundred multiplies what stands before it, a
 * thousand closes a group ("нэг мянга есөн зуун": 1900); "and" may
 * stand between.  Offsets are bytes of the norm view. */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "privacy/detect_int.h"

enum { UNIT, TENS, HUNDREDS, HUNDRED, THOUSAND, AND, ORD };

struct number_word {
    const char *w;
    unsigned short v;
    unsigned char type;         /* ORD: a stem read with any ending; the last word */
};

static const struct number_word numbers[] = {
    /* English */
    { "one", 1, UNIT }, { "two", 2, UNIT }, { "three", 3, UNIT }, { "four", 4, UNIT },
    { "five", 5, UNIT }, { "six", 6, UNIT }, { "seven", 7, UNIT }, { "eight", 8, UNIT },
    { "nine", 9, UNIT }, { "ten", 10, UNIT }, { "eleven", 11, UNIT }, { "twelve", 12, UNIT },
    { "thirteen", 13, UNIT }, { "fourteen", 14, UNIT }, { "fifteen", 15, UNIT },
    { "sixteen", 16, UNIT }, { "seventeen", 17, UNIT }, { "eighteen", 18, UNIT },
    { "nineteen", 19, UNIT }, { "twenty", 20, TENS }, { "thirty", 30, TENS },
    { "forty", 40, TENS }, { "fifty", 50, TENS }, { "sixty", 60, TENS }, { "seventy", 70, TENS },
    { "eighty", 80, TENS }, { "ninety", 90, TENS }, { "hundred", 100, HUNDRED },
    { "thousand", 1000, THOUSAND }, { "and", 0, AND },
    /* Russian: cardinals */
    { "\xd0\xbe\xd0\xb4\xd0\xbd\xd0\xb0", 1, UNIT },                             /* одна */
    { "\xd0\xb4\xd0\xb2\xd0\xb5", 2, UNIT },                                     /* две */
    { "\xd0\xb4\xd0\xb2\xd0\xb0\xd0\xb4\xd1\x86\xd0\xb0\xd1\x82\xd1\x8c", 20, TENS },   /* двадцать */
    { "\xd1\x82\xd1\x80\xd0\xb8\xd0\xb4\xd1\x86\xd0\xb0\xd1\x82\xd1\x8c", 30, TENS },   /* тридцать */
    { "\xd1\x81\xd0\xbe\xd1\x80\xd0\xbe\xd0\xba", 40, TENS },                           /* сорок */
    { "\xd0\xbf\xd1\x8f\xd1\x82\xd1\x8c\xd0\xb4\xd0\xb5\xd1\x81\xd1\x8f\xd1\x82", 50, TENS }, /* пятьдесят */
    { "\xd1\x88\xd0\xb5\xd1\x81\xd1\x82\xd1\x8c\xd0\xb4\xd0\xb5\xd1\x81\xd1\x8f\xd1\x82", 60, TENS },
    { "\xd1\x81\xd0\xb5\xd0\xbc\xd1\x8c\xd0\xb4\xd0\xb5\xd1\x81\xd1\x8f\xd1\x82", 70, TENS }, /* семьдесят */
    { "\xd0\xb2\xd0\xbe\xd1\x81\xd0\xb5\xd0\xbc\xd1\x8c\xd0\xb4\xd0\xb5\xd1\x81\xd1\x8f\xd1\x82", 80, TENS },
    { "\xd0\xb4\xd0\xb5\xd0\xb2\xd1\x8f\xd0\xbd\xd0\xbe\xd1\x81\xd1\x82\xd0\xbe", 90, TENS },  /* девяносто */
    { "\xd1\x81\xd1\x82\xd0\xbe", 100, HUNDREDS },                                      /* сто */
    { "\xd0\xb4\xd0\xb2\xd0\xb5\xd1\x81\xd1\x82\xd0\xb8", 200, HUNDREDS },              /* двести */
    { "\xd1\x82\xd1\x80\xd0\xb8\xd1\x81\xd1\x82\xd0\xb0", 300, HUNDREDS },              /* триста */
    { "\xd1\x87\xd0\xb5\xd1\x82\xd1\x8b\xd1\x80\xd0\xb5\xd1\x81\xd1\x82\xd0\xb0", 400, HUNDREDS },
    { "\xd0\xbf\xd1\x8f\xd1\x82\xd1\x8c\xd1\x81\xd0\xbe\xd1\x82", 500, HUNDREDS },      /* пятьсот */
    { "\xd1\x88\xd0\xb5\xd1\x81\xd1\x82\xd1\x8c\xd1\x81\xd0\xbe\xd1\x82", 600, HUNDREDS },
    { "\xd1\x81\xd0\xb5\xd0\xbc\xd1\x8c\xd1\x81\xd0\xbe\xd1\x82", 700, HUNDREDS },      /* семьсот */
    { "\xd0\xb2\xd0\xbe\xd1\x81\xd0\xb5\xd0\xbc\xd1\x8c\xd1\x81\xd0\xbe\xd1\x82", 800, HUNDREDS },
    { "\xd0\xb4\xd0\xb5\xd0\xb2\xd1\x8f\xd1\x82\xd1\x8c\xd1\x81\xd0\xbe\xd1\x82", 900, HUNDREDS }, /* девятьсот */
    { "\xd1\x82\xd1\x8b\xd1\x81\xd1\x8f\xd1\x87\xd0\xb0", 1000, THOUSAND },             /* тысяча */
    { "\xd1\x82\xd1\x8b\xd1\x81\xd1\x8f\xd1\x87\xd0\xb8", 1000, THOUSAND },             /* тысячи */
    /* Russian: ordinal stems (any ending) */
    { "\xd0\xbf\xd0\xb5\xd1\x80\xd0\xb2", 1, ORD },                                     /* перв */
    { "\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80", 2, ORD },                                     /* втор */
    { "\xd1\x82\xd1\x80\xd0\xb5\xd1\x82", 3, ORD },                                     /* трет */
    { "\xd1\x87\xd0\xb5\xd1\x82\xd0\xb2\xd0\xb5\xd1\x80\xd1\x82", 4, ORD },             /* четверт */
    { "\xd1\x87\xd0\xb5\xd1\x82\xd0\xb2\xd1\x91\xd1\x80\xd1\x82", 4, ORD },             /* четвёрт */
    { "\xd0\xbf\xd1\x8f\xd1\x82", 5, ORD },                                             /* пят */
    { "\xd1\x88\xd0\xb5\xd1\x81\xd1\x82", 6, ORD },                                     /* шест */
    { "\xd1\x81\xd0\xb5\xd0\xb4\xd1\x8c\xd0\xbc", 7, ORD },                             /* седьм */
    { "\xd0\xb2\xd0\xbe\xd1\x81\xd1\x8c\xd0\xbc", 8, ORD },                             /* восьм */
    { "\xd0\xb4\xd0\xb5\xd0\xb2\xd1\x8f\xd1\x82", 9, ORD },                             /* девят */
    { "\xd0\xb4\xd0\xb5\xd1\x81\xd1\x8f\xd1\x82", 10, ORD },                            /* десят */
    { "\xd0\xbe\xd0\xb4\xd0\xb8\xd0\xbd\xd0\xbd\xd0\xb0\xd0\xb4\xd1\x86\xd0\xb0\xd1\x82", 11, ORD },
    { "\xd0\xb4\xd0\xb2\xd0\xb5\xd0\xbd\xd0\xb0\xd0\xb4\xd1\x86\xd0\xb0\xd1\x82", 12, ORD },
    { "\xd1\x82\xd1\x80\xd0\xb8\xd0\xbd\xd0\xb0\xd0\xb4\xd1\x86\xd0\xb0\xd1\x82", 13, ORD },
    { "\xd1\x87\xd0\xb5\xd1\x82\xd1\x8b\xd1\x80\xd0\xbd\xd0\xb0\xd0\xb4\xd1\x86\xd0\xb0\xd1\x82", 14, ORD },
    { "\xd0\xbf\xd1\x8f\xd1\x82\xd0\xbd\xd0\xb0\xd0\xb4\xd1\x86\xd0\xb0\xd1\x82", 15, ORD },
    { "\xd1\x88\xd0\xb5\xd1\x81\xd1\x82\xd0\xbd\xd0\xb0\xd0\xb4\xd1\x86\xd0\xb0\xd1\x82", 16, ORD },
    { "\xd1\x81\xd0\xb5\xd0\xbc\xd0\xbd\xd0\xb0\xd0\xb4\xd1\x86\xd0\xb0\xd1\x82", 17, ORD },
    { "\xd0\xb2\xd0\xbe\xd1\x81\xd0\xb5\xd0\xbc\xd0\xbd\xd0\xb0\xd0\xb4\xd1\x86\xd0\xb0\xd1\x82", 18, ORD },
    { "\xd0\xb4\xd0\xb5\xd0\xb2\xd1\x8f\xd1\x82\xd0\xbd\xd0\xb0\xd0\xb4\xd1\x86\xd0\xb0\xd1\x82", 19, ORD },
    { "\xd0\xb4\xd0\xb2\xd0\xb0\xd0\xb4\xd1\x86\xd0\xb0\xd1\x82", 20, ORD },            /* двадцат */
    { "\xd1\x82\xd1\x80\xd0\xb8\xd0\xb4\xd1\x86\xd0\xb0\xd1\x82", 30, ORD },            /* тридцат */
    { "\xd1\x81\xd0\xbe\xd1\x80\xd0\xbe\xd0\xba\xd0\xbe\xd0\xb2", 40, ORD },            /* сороков */
    { "\xd0\xbf\xd1\x8f\xd1\x82\xd0\xb8\xd0\xb4\xd0\xb5\xd1\x81\xd1\x8f\xd1\x82", 50, ORD },
    { "\xd1\x88\xd0\xb5\xd1\x81\xd1\x82\xd0\xb8\xd0\xb4\xd0\xb5\xd1\x81\xd1\x8f\xd1\x82", 60, ORD },
    { "\xd1\x81\xd0\xb5\xd0\xbc\xd0\xb8\xd0\xb4\xd0\xb5\xd1\x81\xd1\x8f\xd1\x82", 70, ORD },
    { "\xd0\xb2\xd0\xbe\xd1\x81\xd1\x8c\xd0\xbc\xd0\xb8\xd0\xb4\xd0\xb5\xd1\x81\xd1\x8f\xd1\x82", 80, ORD },
    { "\xd0\xb4\xd0\xb5\xd0\xb2\xd1\x8f\xd0\xbd\xd0\xbe\xd1\x81\xd1\x82", 90, ORD },   /* девяност */
    { "\xd0\xb4\xd0\xb2\xd1\x83\xd1\x85\xd1\x82\xd1\x8b\xd1\x81\xd1\x8f\xd1\x87\xd0\xbd", 2000, ORD },
    /* Ukrainian (brief s28 num28, report-adv27a G-9: "тисяча дев'ятсот
     * сімдесят п'ятому"): the words Russian spells otherwise, cardinals
     * and ordinal stems; the apostrophe is the norm view's ' (word_end). */
    { "\xd0\xb4\xd0\xb2\xd1\x96", 2, UNIT }, /* дві */
    { "\xd1\x82\xd0\xb8\xd1\x81\xd1\x8f\xd1\x87\xd0\xb0", 1000, THOUSAND }, /* тисяча */
    { "\xd1\x82\xd0\xb8\xd1\x81\xd1\x8f\xd1\x87\xd1\x96", 1000, THOUSAND }, /* тисячі */
    { "\xd0\xb4\xd0\xb2\xd1\x96\xd1\x81\xd1\x82\xd1\x96", 200, HUNDREDS }, /* двісті */
    { "\xd1\x87\xd0\xbe\xd1\x82\xd0\xb8\xd1\x80\xd0\xb8\xd1\x81\xd1\x82\xd0\xb0", 400, HUNDREDS }, /* чотириста */
    { "\xd0\xbf'\xd1\x8f\xd1\x82\xd1\x81\xd0\xbe\xd1\x82", 500, HUNDREDS }, /* п'ятсот */
    { "\xd1\x88\xd1\x96\xd1\x81\xd1\x82\xd1\x81\xd0\xbe\xd1\x82", 600, HUNDREDS }, /* шістсот */
    { "\xd1\x81\xd1\x96\xd0\xbc\xd1\x81\xd0\xbe\xd1\x82", 700, HUNDREDS }, /* сімсот */
    { "\xd0\xb2\xd1\x96\xd1\x81\xd1\x96\xd0\xbc\xd1\x81\xd0\xbe\xd1\x82", 800, HUNDREDS }, /* вісімсот */
    { "\xd0\xb4\xd0\xb5\xd0\xb2'\xd1\x8f\xd1\x82\xd1\x81\xd0\xbe\xd1\x82", 900, HUNDREDS }, /* дев'ятсот */
    { "\xd0\xb4\xd0\xb2\xd0\xb0\xd0\xb4\xd1\x86\xd1\x8f\xd1\x82\xd1\x8c", 20, TENS }, /* двадцять */
    { "\xd1\x82\xd1\x80\xd0\xb8\xd0\xb4\xd1\x86\xd1\x8f\xd1\x82\xd1\x8c", 30, TENS }, /* тридцять */
    { "\xd0\xbf'\xd1\x8f\xd1\x82\xd0\xb4\xd0\xb5\xd1\x81\xd1\x8f\xd1\x82", 50, TENS }, /* п'ятдесят */
    { "\xd1\x88\xd1\x96\xd1\x81\xd1\x82\xd0\xb4\xd0\xb5\xd1\x81\xd1\x8f\xd1\x82", 60, TENS }, /* шістдесят */
    { "\xd1\x81\xd1\x96\xd0\xbc\xd0\xb4\xd0\xb5\xd1\x81\xd1\x8f\xd1\x82", 70, TENS }, /* сімдесят */
    { "\xd0\xb2\xd1\x96\xd1\x81\xd1\x96\xd0\xbc\xd0\xb4\xd0\xb5\xd1\x81\xd1\x8f\xd1\x82", 80, TENS }, /* вісімдесят */
    { "\xd0\xb4\xd0\xb5\xd0\xb2'\xd1\x8f\xd0\xbd\xd0\xbe\xd1\x81\xd1\x82\xd0\xbe", 90, TENS }, /* дев'яносто */
    { "\xd0\xbf\xd0\xb5\xd1\x80\xd1\x88", 1, ORD }, /* перш */
    { "\xd0\xb4\xd1\x80\xd1\x83\xd0\xb3\xd0\xb8\xd0\xb9", 2, ORD }, /* другий */
    { "\xd0\xb4\xd1\x80\xd1\x83\xd0\xb3\xd0\xbe\xd0\xbc", 2, ORD }, /* другом */
    { "\xd0\xb4\xd1\x80\xd1\x83\xd0\xb3\xd0\xbe\xd0\xb3", 2, ORD }, /* другог */
    { "\xd0\xbf'\xd1\x8f\xd1\x82", 5, ORD }, /* п'ят */
    { "\xd1\x88\xd0\xbe\xd1\x81\xd1\x82", 6, ORD }, /* шост */
    { "\xd1\x81\xd1\x8c\xd0\xbe\xd0\xbc", 7, ORD }, /* сьом */
    { "\xd0\xb4\xd0\xb5\xd0\xb2'\xd1\x8f\xd1\x82", 9, ORD }, /* дев'ят */
    { "\xd0\xbe\xd0\xb4\xd0\xb8\xd0\xbd\xd0\xb0\xd0\xb4\xd1\x86\xd1\x8f\xd1\x82", 11, ORD }, /* одинадцят */
    { "\xd0\xb4\xd0\xb2\xd0\xb0\xd0\xbd\xd0\xb0\xd0\xb4\xd1\x86\xd1\x8f\xd1\x82", 12, ORD }, /* дванадцят */
    { "\xd1\x82\xd1\x80\xd0\xb8\xd0\xbd\xd0\xb0\xd0\xb4\xd1\x86\xd1\x8f\xd1\x82", 13, ORD }, /* тринадцят */
    { "\xd1\x87\xd0\xbe\xd1\x82\xd0\xb8\xd1\x80\xd0\xbd\xd0\xb0\xd0\xb4\xd1\x86\xd1\x8f\xd1\x82", 14, ORD }, /* чотирнадцят */
    { "\xd0\xbf'\xd1\x8f\xd1\x82\xd0\xbd\xd0\xb0\xd0\xb4\xd1\x86\xd1\x8f\xd1\x82", 15, ORD }, /* п'ятнадцят */
    { "\xd1\x88\xd1\x96\xd1\x81\xd1\x82\xd0\xbd\xd0\xb0\xd0\xb4\xd1\x86\xd1\x8f\xd1\x82", 16, ORD }, /* шістнадцят */
    { "\xd1\x81\xd1\x96\xd0\xbc\xd0\xbd\xd0\xb0\xd0\xb4\xd1\x86\xd1\x8f\xd1\x82", 17, ORD }, /* сімнадцят */
    { "\xd0\xb2\xd1\x96\xd1\x81\xd1\x96\xd0\xbc\xd0\xbd\xd0\xb0\xd0\xb4\xd1\x86\xd1\x8f\xd1\x82", 18, ORD }, /* вісімнадцят */
    { "\xd0\xb4\xd0\xb5\xd0\xb2'\xd1\x8f\xd1\x82\xd0\xbd\xd0\xb0\xd0\xb4\xd1\x86\xd1\x8f\xd1\x82", 19, ORD }, /* дев'ятнадцят */
    { "\xd0\xbf'\xd1\x8f\xd1\x82\xd0\xb4\xd0\xb5\xd1\x81\xd1\x8f\xd1\x82", 50, ORD }, /* п'ятдесят */
    { "\xd1\x88\xd1\x96\xd1\x81\xd1\x82\xd0\xb4\xd0\xb5\xd1\x81\xd1\x8f\xd1\x82", 60, ORD }, /* шістдесят */
    { "\xd1\x81\xd1\x96\xd0\xbc\xd0\xb4\xd0\xb5\xd1\x81\xd1\x8f\xd1\x82", 70, ORD }, /* сімдесят */
    { "\xd0\xb2\xd1\x96\xd1\x81\xd1\x96\xd0\xbc\xd0\xb4\xd0\xb5\xd1\x81\xd1\x8f\xd1\x82", 80, ORD }, /* вісімдесят */
    { "\xd0\xb4\xd0\xb5\xd0\xb2'\xd1\x8f\xd0\xbd\xd0\xbe\xd1\x81\xd1\x82", 90, ORD }, /* дев'яност */
    { "\xd0\xb4\xd0\xb2\xd0\xbe\xd1\x85\xd1\x82\xd0\xb8\xd1\x81\xd1\x8f\xd1\x87\xd0\xbd", 2000, ORD }, /* двохтисячн */
    /* Mongolian: units, tens, hundred, thousand (both forms) */
    { "\xd0\xbd\xd1\x8d\xd0\xb3", 1, UNIT }, { "\xd0\xbd\xd1\x8d\xd0\xb3\xd1\x8d\xd0\xbd", 1, UNIT },
    { "\xd1\x85\xd0\xbe\xd1\x91\xd1\x80", 2, UNIT },
    { "\xd0\xb3\xd1\x83\xd1\x80\xd0\xb0\xd0\xb2", 3, UNIT }, { "\xd0\xb3\xd1\x83\xd1\x80\xd0\xb2\xd0\xb0\xd0\xbd", 3, UNIT },
    { "\xd0\xb4\xd3\xa9\xd1\x80\xd3\xa9\xd0\xb2", 4, UNIT }, { "\xd0\xb4\xd3\xa9\xd1\x80\xd0\xb2\xd3\xa9\xd0\xbd", 4, UNIT },
    { "\xd1\x82\xd0\xb0\xd0\xb2", 5, UNIT }, { "\xd1\x82\xd0\xb0\xd0\xb2\xd0\xb0\xd0\xbd", 5, UNIT },
    { "\xd0\xb7\xd1\x83\xd1\x80\xd0\xb3\xd0\xb0\xd0\xb0", 6, UNIT },
    { "\xd0\xb7\xd1\x83\xd1\x80\xd0\xb3\xd0\xb0\xd0\xb0\xd0\xbd", 6, UNIT },
    { "\xd0\xb4\xd0\xbe\xd0\xbb\xd0\xbe\xd0\xbe", 7, UNIT }, { "\xd0\xb4\xd0\xbe\xd0\xbb\xd0\xbe\xd0\xbe\xd0\xbd", 7, UNIT },
    { "\xd0\xbd\xd0\xb0\xd0\xb9\xd0\xbc", 8, UNIT }, { "\xd0\xbd\xd0\xb0\xd0\xb9\xd0\xbc\xd0\xb0\xd0\xbd", 8, UNIT },
    { "\xd0\xb5\xd1\x81", 9, UNIT }, { "\xd0\xb5\xd1\x81\xd3\xa9\xd0\xbd", 9, UNIT },
    { "\xd0\xb0\xd1\x80\xd0\xb0\xd0\xb2", 10, TENS }, { "\xd0\xb0\xd1\x80\xd0\xb2\xd0\xb0\xd0\xbd", 10, TENS },
    { "\xd1\x85\xd0\xbe\xd1\x80\xd1\x8c", 20, TENS }, { "\xd1\x85\xd0\xbe\xd1\x80\xd0\xb8\xd0\xbd", 20, TENS },
    { "\xd0\xb3\xd1\x83\xd1\x87", 30, TENS }, { "\xd0\xb3\xd1\x83\xd1\x87\xd0\xb8\xd0\xbd", 30, TENS },
    { "\xd0\xb4\xd3\xa9\xd1\x87", 40, TENS }, { "\xd0\xb4\xd3\xa9\xd1\x87\xd0\xb8\xd0\xbd", 40, TENS },
    { "\xd1\x82\xd0\xb0\xd0\xb2\xd1\x8c", 50, TENS }, { "\xd1\x82\xd0\xb0\xd0\xb2\xd0\xb8\xd0\xbd", 50, TENS },
    { "\xd0\xb6\xd0\xb0\xd1\x80", 60, TENS }, { "\xd0\xb6\xd0\xb0\xd1\x80\xd0\xb0\xd0\xbd", 60, TENS },
    { "\xd0\xb4\xd0\xb0\xd0\xbb", 70, TENS }, { "\xd0\xb4\xd0\xb0\xd0\xbb\xd0\xb0\xd0\xbd", 70, TENS },
    { "\xd0\xbd\xd0\xb0\xd1\x8f", 80, TENS }, { "\xd0\xbd\xd0\xb0\xd1\x8f\xd0\xbd", 80, TENS },
    { "\xd0\xb5\xd1\x80", 90, TENS }, { "\xd0\xb5\xd1\x80\xd1\x8d\xd0\xbd", 90, TENS },
    { "\xd0\xb7\xd1\x83\xd1\x83", 100, HUNDRED }, { "\xd0\xb7\xd1\x83\xd1\x83\xd0\xbd", 100, HUNDRED },
    { "\xd0\xbc\xd1\x8f\xd0\xbd\xd0\xb3\xd0\xb0", 1000, THOUSAND },
    { "\xd0\xbc\xd1\x8f\xd0\xbd\xd0\xb3\xd0\xb0\xd0\xbd", 1000, THOUSAND },
};

/* Most words are no number word: a bit per word's first two bytes
 * (ASCII letters and Cyrillic, the scripts of the table) tells at once,
 * before the word is decoded (the walk asks at every Cyrillic word). */
static uint64_t first_bits[4];
static pthread_once_t first_once = PTHREAD_ONCE_INIT;

static unsigned first_key(const char *w)
{
    return ((unsigned)(unsigned char)w[0] * 31u + (unsigned char)w[1]) % 256u;
}

/* The entries of numbers[] by first_key, each bucket in the table's
 * order (bucket h: by_key[key_start[h] .. key_start[h + 1])): lookup
 * reads one bucket instead of the whole table, which was 2.5% of a
 * redaction (brief s29 speed29b); same answers, as the entries it skips
 * cannot share the word's first two bytes. */
#define N_NUMBERS (sizeof numbers / sizeof numbers[0])
static unsigned short key_start[257];
static unsigned short by_key[N_NUMBERS];

static void first_build(void)
{
    unsigned short fill[256];

    for (size_t k = 0; k < N_NUMBERS; k++) {
        unsigned h = first_key(numbers[k].w);
        first_bits[h / 64] |= (uint64_t)1 << (h % 64);
        key_start[h + 1]++;
    }
    for (size_t h = 0; h < 256; h++)
        key_start[h + 1] = (unsigned short)(key_start[h + 1] + key_start[h]), fill[h] = key_start[h];
    for (size_t k = 0; k < N_NUMBERS; k++)
        by_key[fill[first_key(numbers[k].w)]++] = (unsigned short)k;
}

static int may_start(const char *s, size_t len, size_t at)
{
    unsigned h;

    if (at + 2 > len)
        return 0;
    (void)pthread_once(&first_once, first_build);
    h = first_key(s + at);
    return (int)(first_bits[h / 64] >> (h % 64) & 1);
}

/* The end of the word at at (letters of any script, and an apostrophe
 * between two letters: Ukrainian "дев'ятсот"), or at. */
static size_t word_end(const char *s, size_t len, size_t at)
{
    size_t n, start = at;
    int cp;

    while ((cp = det_cp_at(s, len, at, &n)) >= 0 &&
           ((is_word_cp(cp) && !(cp >= '0' && cp <= '9')) ||
            (cp == '\'' && at > start && det_letter_at(s, len, at + 1))))
        at += n;
    return at;
}

/* The number word s[a, b): a whole word, or an ordinal stem with an ending
 * of three letters at most (four after a soft sign) (the longest stem wins: восьмидесят before
 * восьм); NULL if none. */
static const struct number_word *lookup(const char *s, size_t a, size_t b)
{
    const struct number_word *best = NULL;
    size_t k, n, bestn = 0, h;

    if (b - a < 2)
        return NULL;
    h = first_key(s + a);       /* may_start built the buckets */
    for (size_t j = key_start[h]; j < key_start[h + 1]; j++) {
        k = by_key[j];
        if (numbers[k].w[0] != s[a] || numbers[k].w[1] != s[a + 1])
            continue;
        n = strlen(numbers[k].w);
        if (n > b - a || memcmp(numbers[k].w, s + a, n) != 0)
            continue;
        if (n == b - a && numbers[k].type != ORD)
            return &numbers[k];
        /* третьего, третьему, третього: a soft sign before the case
         * ending makes it four letters (report-adv52 L-41, L-42) */
        if (numbers[k].type == ORD && (b - a - n <= 6 || (b - a - n <= 8 && memcmp(s + a + n, "\xd1\x8c", 2) == 0)) &&
            n > bestn)
            best = &numbers[k], bestn = n;
    }
    return best;
}

/* The Mongolian ordinal suffix glued to a cardinal, both vowel
 * harmonies ("тавдугаар" fifth, "наймдугаар", "есдүгээр"; "наян
 * тавдугаар онд": report-adv32 L-18): its length if s[a, b) ends in one,
 * else 0.  Read only on a unit after tens of twenty or more (a year's two
 * digits): the months' ordinals ("арван нэгдүгээр сар") stay
 * detect_dob.c's. */
static size_t mn_ordinal_suffix(const char *s, size_t a, size_t b)
{
    static const char *const sfx[] = { "\xd0\xb4\xd1\x83\xd0\xb3\xd0\xb0\xd0\xb0\xd1\x80", "\xd0\xb4\xd2\xaf\xd0\xb3\xd1\x8d\xd1\x8d\xd1\x80" };

    for (size_t k = 0; k < sizeof sfx / sizeof sfx[0]; k++) {
        size_t n = strlen(sfx[k]);
        if (b - a > n && memcmp(s + b - n, sfx[k], n) == 0)
            return n;
    }
    return 0;
}

/* Reads the number said in words at at: its value in *v, *big set when a
 * hundred or a thousand was said, *ord when it ends in an ordinal; its
 * end, or at. */
static size_t read_number(const char *s, size_t len, size_t at, unsigned *v, int *big, int *ord)
{
    const struct number_word *w;
    size_t p = at, b, end = at;
    unsigned total = 0, cur = 0;
    int words = 0;

    *big = *ord = 0, *v = 0;
    while (may_start(s, len, p) && (b = word_end(s, len, p)) > p) {
        size_t sfx = 0;
        if ((w = lookup(s, p, b)) == NULL &&
            (words == 0 || cur < 20 || (sfx = mn_ordinal_suffix(s, p, b)) == 0 || (w = lookup(s, p, b - sfx)) == NULL ||
             w->type != UNIT))
            break;
        if (w->type == AND && (words == 0 || !*big))
            break;
        switch (w->type) {
        case UNIT: case TENS: case ORD: case HUNDREDS:
            cur += w->v;
            break;
        case HUNDRED:
            cur = (cur ? cur : 1) * 100, *big = 1;
            break;
        case THOUSAND:
            total += (cur ? cur : 1) * 1000, cur = 0, *big = 1;
            break;
        default:
            break;
        }
        *big |= w->type == HUNDREDS;
        words++;
        if (w->type != AND)
            end = b, *v = total + cur;
        if (w->type == ORD || sfx != 0) {
            *ord = 1;
            break;
        }
        if (b + 1 >= len || (s[b] != ' ' && s[b] != '-'))
            break;
        p = b + 1;
    }
    return end;
}

size_t det_short_year_words(const char *s, size_t len, size_t at, unsigned *v)
{
    size_t end;
    int big, ord;

    if (at >= len || (unsigned char)s[at] < 0x80 || det_letter_before(s, at))
        return 0;
    end = read_number(s, len, at, v, &big, &ord);
    return end > at && ord && !big && *v >= 10 && *v <= 99 ? end : 0;
}

size_t det_year_words(const char *s, size_t len, size_t at, unsigned *v)
{
    size_t end;
    int big, ord;

    if (at >= len || det_digit(s[at]) || det_letter_before(s, at))
        return 0;
    end = read_number(s, len, at, v, &big, &ord);
    return end > at && big && *v >= 1900 && *v <= 2099 ? end : 0;
}

size_t det_mn_short_year(const char *s, size_t len, size_t at, unsigned *v, int *glued)
{
    static const char d[] = "\xd0\xb4";                                  /* д */
    const struct number_word *w;
    size_t end, p, b;
    int big, ord;

    *glued = 0;
    if (at >= len || (unsigned char)s[at] < 0x80 || det_letter_before(s, at) || !may_start(s, len, at))
        return 0;
    end = read_number(s, len, at, v, &big, &ord);
    if (big || ord)
        return 0;
    /* the last word with the locative -д glued: "наян долоонд", "ерэнд" */
    p = end == at ? at : end + 1;
    if ((end == at || (end < len && s[end] == ' ')) && may_start(s, len, p) && (b = word_end(s, len, p)) > p + 2 &&
        memcmp(s + b - 2, d, 2) == 0 && (w = lookup(s, p, b - 2)) != NULL &&
        ((end == at && w->type == TENS) || (end > at && w->type == UNIT && *v % 10 == 0 && w->v < 10)))
        *v += w->v, end = b, *glued = 1;
    return end > at && *v >= 20 && *v <= 99 ? end : 0;
}

size_t det_day_words(const char *s, size_t len, size_t at, unsigned *v)
{
    size_t end;
    int big, ord;

    if (at >= len || (unsigned char)s[at] < 0x80 || det_letter_before(s, at))
        return 0;
    end = read_number(s, len, at, v, &big, &ord);
    return end > at && ord && !big && *v >= 1 && *v <= 31 ? end : 0;
}

int detect_number_words_start(const char *s, size_t len, size_t at)
{
    size_t i = at, k;
    unsigned v;
    int big, ord;

    if (det_alpha(s[at])) {
        /* "two thousand", "nineteen hundred", "one thousand nine hundred" */
        for (k = 0; k < 2; k++) {
            while (i < len && det_alpha(s[i]))
                i++;
            if (i + 1 >= len || (s[i] != ' ' && s[i] != '-'))
                return 0;
            i++;
            if (det_starts(s, len, i, "thousand") || det_starts(s, len, i, "hundred"))
                return det_year_words(s, len, at, &v) != 0;
        }
        return 0;
    }
    /* One reading for all: a year (hundreds or thousands said), a
     * Russian ordinal day, or a two-digit year said as an ordinal
     * (det_short_year_words: "в марте восемьдесят пятого", detect_birth.c). */
    if ((unsigned char)s[at] < 0x80 || det_letter_before(s, at) ||
        read_number(s, len, at, &v, &big, &ord) == at)
        return 0;
    return big ? v >= 1900 && v <= 2099 : ord && v >= 1 && v <= 99;
}

/* ---- days of the month in English words ----
 * Here beside the years and Russian days in words, not in detect_date.c:
 * detect_spoken.c reads an address's ordinals ("third khoroo") with them,
 * and detect_date.c reads spoken years with detect_spoken.c, so the two
 * would call each other (scripts/layers.sh). */

static const char *const en_ordinals[] = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth",
};

size_t det_day_ordinal_at(const char *s, size_t len, size_t at, unsigned *v)
{
    size_t n, i = at;
    int k;

    *v = 0;
    /* Asked at every Latin word: every word read below (en_ordinals,
     * twenty, thirty, thirtieth) starts with e, f, n, s or t. */
    if (at >= len || (s[at] != 'e' && s[at] != 'f' && s[at] != 'n' && s[at] != 's' && s[at] != 't'))
        return 0;
    if (det_starts(s, len, at, "thirtieth") && det_ends_word(s, len, at + 9))
        return *v = 30, at + 9;
    if (det_starts(s, len, at, "twenty") || det_starts(s, len, at, "thirty")) {
        *v = s[at + 1] == 'w' ? 20 : 30;
        i = at + 6;
        if (i + 1 >= len || (s[i] != '-' && s[i] != ' '))
            return 0;
        i++;
    }
    for (k = 0; k < 20; k++)
        if (s[i] == en_ordinals[k][0] && det_word_at(s, len, i, en_ordinals[k], FIT_WORD))
            break;
    if (k == 20 || (*v != 0 && k > 8) || *v + (unsigned)k + 1 > 31)
        return 0;
    n = strlen(en_ordinals[k]);
    *v += (unsigned)k + 1;
    return i + n;
}

size_t detect_day_word_end(const char *s, size_t len, size_t at, unsigned *v)
{
    return det_letter_before(s, at) ? 0 : det_day_ordinal_at(s, len, at, v);
}

int detect_day_word(const char *s, size_t len, size_t at)
{
    unsigned v;

    return !det_letter_before(s, at) && det_day_ordinal_at(s, len, at, &v) != 0;
}
