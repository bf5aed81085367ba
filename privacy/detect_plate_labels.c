/* The words that say a vehicle or its plate, for the plate readers of
 * detect_plate3.c and detect_plate_ru.c (one list for both; moved here
 * from detect_plate3.c in brief s28 num28).  HAND-WRITTEN TABLE: it wants
 * a native reviewer of Malay, Russian, Ukrainian, Korean and Mongolian.
 * Offsets are bytes of the norm view (detect_int.h). */
#include "privacy/detect.h"
#include "privacy/detect_int.h"

#define N(a) (sizeof(a) / sizeof(a)[0])
/* How far back a label may stand in the plate's sentence (bytes). */
#define LABEL_BACK 48

/* Words that say a vehicle or its plate: English, Malay, Russian,
 * Ukrainian, Korean, Mongolian. */
static const struct det_word plate_labels[] = {
    DW("plate", FIT_PREFIX), DW("car", FIT_WORD), DW("cars", FIT_WORD), DW("vehicle", FIT_PREFIX),
    DW("registration", FIT_WORD), DW("licence", FIT_WORD), DW("license", FIT_WORD), DW("taxi", FIT_WORD),
    DW("truck", FIT_WORD), DW("van", FIT_WORD), DW("motorbike", FIT_WORD), DW("motorcycle", FIT_WORD),
    DW("plat", FIT_WORD), DW("kereta", FIT_WORD), DW("kenderaan", FIT_WORD), DW("motosikal", FIT_WORD),
    DW("lori", FIT_WORD), DW("teksi", FIT_WORD), DW("mobil", FIT_WORD), DW("nopol", FIT_WORD),
    DW("\xd0\xbd\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x80", FIT_PREFIX),                  /* номер */
    DW("\xd0\xbc\xd0\xb0\xd1\x88\xd0\xb8\xd0\xbd", FIT_PREFIX),                  /* машин */
    DW("\xd0\xb0\xd0\xb2\xd1\x82\xd0\xbe", FIT_PREFIX),                          /* авто */
    DW("\xeb\xb2\x88\xed\x98\xb8\xed\x8c\x90", FIT_ANY),                         /* 번호판 */
    DW("\xec\xb0\xa8\xeb\x9f\x89", FIT_ANY),                                     /* 차량 */
    DW("\xd0\xb4\xd1\x83\xd0\xb3\xd0\xb0\xd0\xb0\xd1\x80", FIT_PREFIX),          /* дугаар */
    DW("\xd0\xbf\xd1\x80\xd0\xb8\xd1\x86\xd0\xb5\xd0\xbf", FIT_PREFIX),          /* прицеп */
    DW("\xd0\xbf\xd1\x80\xd0\xb8\xd1\x87\xd1\x96\xd0\xbf", FIT_PREFIX),          /* причіп */
    DW("\xd0\xbc\xd0\xbe\xd1\x82\xd0\xbe\xd1\x86\xd0\xb8\xd0\xba\xd0\xbb", FIT_PREFIX), /* мотоцикл */
    DW("\xd1\x82\xd1\x80\xd0\xb0\xd0\xba\xd1\x82\xd0\xbe\xd1\x80", FIT_PREFIX),  /* трактор */
    DW("\xd1\x82\xd0\xb0\xd0\xba\xd1\x81\xd0\xb8", FIT_PREFIX),                  /* такси */
    DW("trailer", FIT_PREFIX),
};

int detect_plate_label_at(const char *s, size_t len, size_t at)
{
    for (size_t k = 0; k < N(plate_labels); k++)
        if (det_word_at(s, len, at, plate_labels[k].w, plate_labels[k].fit))
            return 1;
    return 0;
}

int detect_plate_label_before(const char *s, size_t len, size_t at)
{
    size_t from = at > LABEL_BACK ? at - LABEL_BACK : 0, i;

    for (i = at; i > from; i--)
        if (strchr("!?;", s[i - 1]) != NULL || (s[i - 1] == '.' && i < at && s[i] == ' ' && i >= 4 &&
                                                 det_alpha(s[i - 2]) && det_alpha(s[i - 3]) && det_alpha(s[i - 4])))
            break;
    return det_word_near(s, len, i, at, plate_labels, N(plate_labels));
}

int detect_plate_label_word(const char *w, size_t n)
{
    return det_in_list(plate_labels, N(plate_labels), w, n);
}
