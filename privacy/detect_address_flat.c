/* A flat's number written before the flat's word (moved here from
 * detect_address_part.c and detect_address.c, session 48): after an
 * ordinal's ending ("42-й квартире", "17th квартире" for one said) or
 * dictated digit by digit ("1 0 7 кв.", "4 2 пәтерде", "3 0 2 号室").  A
 * cardinal before the flat's word is a count ("две квартиры", "16
 * квартир") and is not read.  The flat's words are the ones of
 * detect_address_part.c's tables, in the case forms that no count takes:
 * Russian and Ukrainian grammar (a numeral 2-4 governs the genitive
 * singular, 5 and more the genitive plural, 1 the nominative), Kazakh
 * (a plural -лер); they want a native reviewer.
 * Session 49 (numi49; report-adv48 L-20..L-25, adv46 L-12, L-37): a
 * room's number, after the room's word (digits, spaced or not, or said:
 * the view writes them as digits) or as an ordinal before it, where the
 * sentence holds a word of a stay (addr_room_dwelt, which
 * detect_address_forms.c's room-and-floor rule shares); and a flat's
 * number dictated digit by digit after the flat's word ("квартирці 1
 * 2": addr_spaced_digits_end). */
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"
#include "privacy/detect_address_int.h"

static size_t room_word(const char *s, size_t len, size_t i);
static size_t room_after_number(const char *s, size_t len, size_t i, size_t j, int spaced);

size_t addr_flat_after_ordinal(const char *s, size_t len, size_t j)
{
    int two_digits = j >= 2 && det_digit(s[j - 1]) && det_digit(s[j - 2]);
    static const char *const stems[] = { "квартир", "пәтер" };
    /* an ordinal's endings written after its digits, Russian, Ukrainian
     * and Kazakh; not a cardinal's ("3-и", "3-х", "5-ти": counts) */
    static const char *const ends[] = {
        "й", "я", "е", "ю", "ой", "ая", "ое", "ую", "ый", "ий", "ей", "ом", "ым", "им", "го", "му",
        "его", "ого", "ему", "ому", "ші", "шы", "нші", "ншы", "інші", "ыншы",
    };
    size_t k, n;

    if (det_starts(s, len, j, "th "))
        j += 3;
    else if (j < len && s[j] == '-' && det_starts(s, len, j + 1, "пәтер"))
        j += 1;                 /* "35-пәтерде": Kazakh writes the ordinal so */
    else if (j < len && s[j] == '-') {
        for (k = 0; k < sizeof ends / sizeof ends[0]; k++)
            if (det_starts(s, len, j + 1, ends[k]) && s[j + 1 + (n = strlen(ends[k]))] == ' ')
                break;
        if (k == sizeof ends / sizeof ends[0])
            return 0;
        j += n + 2;
    } else
        return 0;
    for (k = 0; k < sizeof stems / sizeof stems[0]; k++)
        if (det_starts(s, len, j, stems[k]))
            return detect_letters(s, len, j + strlen(stems[k]));
    /* a room's, ten or more, where someone stayed ("39th комнате" for
     * "тридцать девятой комнате": report-adv48 L-22; "во 2-й комнате" is
     * a flat's second room) */
    if (two_digits && (n = room_word(s, len, j)) != 0 && addr_room_dwelt(s, len, j))
        return n;
    return 0;
}

size_t addr_spaced_digits_start(const char *s, size_t i)
{
    size_t start = i, g, n;

    for (n = 0; n < 3 && det_digit(s[i + n]); n++)
        ;
    if (n > 2)
        return i;
    while (start >= 2 && s[start - 1] == ' ' && det_digit(s[start - 2])) {
        for (g = start - 1; g > 0 && det_digit(s[g - 1]); g--)
            ;
        if (start - 1 - g > 2 || (g > 0 && s[g - 1] != ' ' && s[g - 1] != '\n' && s[g - 1] != '('))
            break;
        start = g;
    }
    return start;
}

/* 1 if the word at i is a measure's after кв. ("50 кв. м", "кв.м",
 * "кв. метров", "кв. км": square metres, not a flat). */
static int square_measure(const char *s, size_t len, size_t i)
{
    static const char *const measures[] = { "м", "метр", "км", "см", "мм", "фут", "m" };
    size_t k;

    i += i < len && s[i] == ' ';
    for (k = 0; k < sizeof measures / sizeof measures[0]; k++)
        if (det_starts(s, len, i, measures[k]) &&
            (strlen(measures[k]) > 2 || !det_letter_at(s, len, i + strlen(measures[k]))))
            return 1;
    return 0;
}

size_t addr_flat_after_spaced(const char *s, size_t len, size_t i, size_t j)
{
    /* the flat's words of detect_address_part.c in their singular cases
     * other than the genitive (nominative, accusative, locative,
     * instrumental): Russian квартира, квартиру, квартире, квартирой;
     * Ukrainian квартирі, квартирою; Kazakh пәтер with its case
     * endings (not the plural пәтерлер); Japanese 号室 (a room) */
    static const char *const words[] = {
        "квартира", "квартиру", "квартире", "квартирой", "квартирі", "квартирою", "кв.",
    };
    size_t k, e;

    if (j + 1 >= len || s[j] != ' ')
        return 0;
    j++;
    /* 号室 after one space, the number spaced or not ("302 号室"): a
     * room's number, never a count (glued: number_unit's) */
    if (det_starts(s, len, j, "号室") || det_starts(s, len, j, "號室"))
        return j + strlen("号室");
    if ((e = room_after_number(s, len, i, j - 1, addr_spaced_digits_start(s, i) < i)) != 0)
        return e;
    if (addr_spaced_digits_start(s, i) == i)
        return 0;
    if (det_starts(s, len, j, "пәтер"))
        return det_starts(s, len, j + strlen("пәтер"), "лер") ? 0 : detect_letters(s, len, j + strlen("пәтер"));
    for (k = 0; k < sizeof words / sizeof words[0]; k++) {
        if (!det_starts(s, len, j, words[k]))
            continue;
        e = j + strlen(words[k]);
        if (k == sizeof words / sizeof words[0] - 1)
            return square_measure(s, len, e) ? 0 : e;
        return det_letter_at(s, len, e) ? 0 : e;
    }
    return 0;
}

/* ---- a room's number (report-adv48 L-20..L-23, adv46 L-12, L-37) ---- */

/* The words of a stay in a room, prefixes of a word (norm view, lower
 * case): to live, stay, sleep, rent, be kept or held; a dormitory, a
 * hostel, a hotel; a home, an address.  English (the home cues of
 * detect_address_forms.c, session 25), Russian, Ukrainian, Kazakh
 * (тұр- live, жатақхана dormitory, қонақүй hotel, мекенжай address) and
 * Mongolian (амьдар- live, дотуур байр dormitory, буудал hotel, хаяг
 * address); written by hand, they want a native reviewer. */
static const char *const stay_words[] = {
    "home", "address", "addr", "live", "living", "stay", "slept", "sleep", "hostel", "hotel", "dorm", "kept",
    "held", "locked", "rent",
    "жил", "жив", "прожива", "ютил", "ютим", "ночева", "ночу", "спал", "сплю", "спит", "общежит", "гостиниц",
    "хостел", "отел", "поселил", "снима", "сним", "держал", "заперл", "адрес",
    "мешка", "ночува", "спав", "гуртожит", "готел", "знима", "тримал", "замкн",
    "тұр", "жатақхана", "қонақүй", "мекенжай", "амьдар", "дотуур", "буудал", "хаяг",
    /* Turkish (kal- stay, yaşa- live, otur- live, yurt dormitory, otel,
     * pansiyon, adres) and French (vivre, habiter, loger, dormir,
     * séjourner, résider, adresse), the norm view's letters with and
     * without their marks; session 50, report-adv49 L-13, L-14 */
    "kaldı", "kaldi", "kalıyor", "kaliyor", "kalır", "kalir", "kalmış", "kalmis", "kalacak", "yaşıyor",
    "yasiyor", "yaşad", "yasad", "yaşar", "otur", "yurt", "otel", "pansiyon", "adres",
    "vivai", "vivi", "vivr", "vivon", "vivez", "vivent", "habit", "loge", "logé", "logio", "loga", "dormai", "dormi",
    "sejour", "séjour", "resid", "résid",
    /* session 53 (report-adv52b L-2, adv52 L-25): Malay tinggal (live),
     * menginap (stay the night), tidur (sleep), menyewa (rent), asrama
     * (dormitory), from Kamus Dewan; English moved, transferred,
     * assigned, housed, lodged (a worker put in a room) */
    "tinggal", "menginap", "tidur", "menyewa", "sewa", "asrama", "moved", "transferr", "assigned", "housed",
    "lodg",
    /* Korean 기숙사 (dormitory), 숙소 (lodging), 합숙 (living together):
     * the Standard Korean Dictionary */
    "기숙사", "숙소", "합숙",
};

/* A camp's words, compared whole ("campaign", "campus" are none): where
 * workers are housed, a stay for a numbered hut, container or bunk of
 * dorm_words (adv52 L-25: "Container 14 at the site camp"), not for a
 * room ("Room 12 of the museum and block 4 of the camp" stays). */
static const char *const camp_words[] = { "camp", "camps", "kem", "лагерь", "лагере", "лагеря", "бааз" };

/* The sentence around norm byte a of s (len bytes): at most 160 bytes
 * each way, up to a '.', '!', '?' or newline; its start in *c, its end
 * returned. */
static size_t sentence_around(const char *s, size_t len, size_t a, size_t *c)
{
    size_t b;

    for (*c = a; *c > 0 && a - *c < 160 && !strchr(".!?\n", s[*c - 1]); (*c)--)
        ;
    for (b = a; b < len && b - a < 160 && !strchr(".!?\n", s[b]); b++)
        ;
    return b;
}

/* 1 if a word of camp_words stands whole in the sentence around a. */
static int camp_said(const char *s, size_t len, size_t a)
{
    size_t c, b = sentence_around(s, len, a, &c), i, e, k;

    for (i = c; i < b; i = e) {
        e = detect_letters(s, b, i);
        if (e == i) {
            e = i + 1;
            continue;
        }
        for (k = 0; k < sizeof camp_words / sizeof camp_words[0]; k++)
            if (e - i == strlen(camp_words[k]) && memcmp(s + i, camp_words[k], e - i) == 0 &&
                !det_letter_before(s, i))
                return 1;
    }
    return 0;
}

int addr_room_dwelt(const char *s, size_t len, size_t a)
{
    size_t c, b = sentence_around(s, len, a, &c), i, e, k, n;

    while (c > 0 && c < a && !strchr(".!?\n", s[c - 1]) && s[c - 1] != ' ')
        c++;                    /* cut at 160 bytes: from the next word */
    for (i = c; i < b; i = e) {
        e = detect_letters(s, b, i);
        if (e == i) {
            e = i + 1;
            continue;
        }
        for (k = 0; k < sizeof stay_words / sizeof stay_words[0]; k++)
            if (e - i >= (n = strlen(stay_words[k])) && memcmp(s + i, stay_words[k], n) == 0)
                return 1;
    }
    return 0;
}

/* 1 if the word at i counts the number before it: time, people, times
 * ("в комнате 2 месяца", "room 12 days", "кімнаті 3 людини"). */
static int counted(const char *s, size_t len, size_t i)
{
    static const char *const nouns[] = {
        "дн", "день", "недел", "месяц", "год", "лет", "час", "минут", "сут", "ноч", "человек", "чел", "люд",
        "раз", "тиж", "місяц", "рок", "годин", "осіб", "чоловік", "разів", "day", "week", "month", "year",
        "hour", "night", "minute", "people", "person", "men", "women", "time", "күн", "ай", "жыл", "адам",
        "хоног", "сар", "жил", "хүн",
        /* floors, flats, rooms, families, beds: what a house or a flat
         * holds ("в доме 5 этажей", "house 3 floors"; session 50) */
        "этаж", "поверх", "подъезд", "під'їзд", "квартир", "комнат", "кімнат", "сем", "сім'", "floor", "stor",
        "flat", "room", "apartment", "bed",
        /* Turkish and French (session 50): people, days, weeks, years,
         * hours, times, ages */
        "kişi", "kisi", "gün", "gun", "hafta", "yıl", "yil", "saat", "kez", "defa", "yaş", "yas", "kat",
        "jour", "semaine", "mois", "ans", "année", "annee", "heure", "nuit", "personne", "fois", "gens", "lit",
        "étage", "etage", "pièce", "piece",
        /* distances, weights and money (session 52: "bed 200 dollars",
         * "hut 3 km away"): written by us, the common units and the
         * currencies of the places the issue names */
        "km", "mile", "meter", "metre", "kg", "dollar", "usd", "euro", "ringgit", "dinar", "tugrik", "won",
        "доллар", "руб", "евро", "төгрөг", "ам.доллар",
    };
    size_t k;

    if (i >= len || s[i] != ' ')
        return 0;
    for (k = 0; k < sizeof nouns / sizeof nouns[0]; k++)
        if (det_starts(s, len, i + 1, nouns[k]))
            return 1;
    return 0;
}

size_t addr_spaced_digits_end(const char *s, size_t len, size_t x)
{
    size_t g = 0, d = 0, n, e = x;

    while (e < len && det_digit(s[e]) && (n = det_digits(s, len, e)) <= 2) {
        /* a group glued to letters after two is the next word's, an
         * ordinal the view wrote ("пәтері 2 3 екінші қабатта": "2 3
         * 2th"; report-adv50 L-24): the number ends before it */
        if (g >= 2 && det_letter_at(s, len, e + n)) {
            e--;
            break;
        }
        g++, d += n, e += n;
        if (e + 1 >= len || s[e] != ' ' || !det_digit(s[e + 1]))
            break;
        e++;
    }
    if (g < 2 || d > 6 || (e < len && (det_digit(s[e]) || det_letter_at(s, len, e))) || counted(s, len, e))
        return 0;
    return e;
}

/* The room's word at i: English room, rm; Russian комната, Ukrainian
 * кімната and their diminutives (комнатка, комнатушка, кімнатка) in
 * every case, not the adjective (комнатный, кімнатний: "комнатной
 * температуре 20"); Kazakh бөлме, Mongolian өрөө with their endings.
 * Its end, or 0. */
static size_t room_word(const char *s, size_t len, size_t i)
{
    static const char *const stems[] = { "комнат", "кімнат", "бөлме", "өрөө" };
    /* whole words: a house, Russian and Ukrainian, in the cases of a
     * place (not дома: "at home"; not the nominative дом, будинок, the
     * label of detect_address_part.c's units, which reads more after
     * it: "дом пять, квартира двенадцать"); a number after them ends
     * its sentence (addr_room_part);
     * Turkish oda (room), daire (flat), ev (house) in their case forms
     * (TDK's dictionary, sozluk.gov.tr), with and without the norm
     * view's marks; French chambre, appartement, studio, maison,
     * logement (session 50, report-adv49 L-13..L-15) */
    static const char *const homes[] = {
        "доме", "дому", "домом", "домике", "будинку", "будинком",
        "oda", "odada", "odaya", "odadan", "odası", "odasi", "odasında", "odasinda", "odam", "odamda",
        "odamız", "odamiz", "daire", "dairede", "daireye", "dairesi", "dairesinde", "dairem", "ev", "evde",
        "evi", "evinde", "evimiz",
        "chambre", "appartement", "appart", "studio", "maison", "logement",
    };
    size_t k, e;

    for (k = 0; k < sizeof stems / sizeof stems[0]; k++)
        if (det_starts(s, len, i, stems[k])) {
            e = i + strlen(stems[k]);
            return k < 2 && det_starts(s, len, e, "н") ? 0 : detect_letters(s, len, e);
        }
    if (det_starts(s, len, i, "room") || det_starts(s, len, i, "rm"))
        return det_letter_at(s, len, i + (s[i + 1] == 'm' ? 2 : 4)) ? 0 : i + (s[i + 1] == 'm' ? 2 : 4);
    for (k = 0; k < sizeof homes / sizeof homes[0]; k++)
        if (det_starts(s, len, i, homes[k]) && !det_letter_at(s, len, e = i + strlen(homes[k])))
            return e;
    return 0;
}

size_t addr_room_word(const char *s, size_t len, size_t i)
{
    return room_word(s, len, i);
}

/* A room's (or a flat's) word at i in a form no count takes, before
 * which a number is the room's ("2 1 4 кімната", "4 0 7 room"; report-
 * adv49 L-12): the singular's nominative, accusative, locative and
 * instrumental, Russian and Ukrainian (a numeral 2-4 takes the genitive
 * singular, 5 and more the genitive plural; one ending in 1 but not
 * 11 agrees with its noun in every case, so is read only when spaced)
 * and English.  After a number not spaced, only the locative and the
 * instrumental ("в 214 кімнаті"): a year stands before a subject ("В 2019
 * комната была пуста"), a count before an English room ("a 200 room
 * hotel"). */
static size_t room_form(const char *s, size_t len, size_t i, int one, int spaced)
{
    static const char *const forms[] = {
        "комнате", "комнатой", "комнатке", "кімнаті", "кімнатою", "кімнатці",
        "комната", "комнату", "комнатка", "комнатку", "кімната", "кімнату", "кімнатка", "кімнатку", "room",
        /* English and French in the singular, which no count takes
         * (flats, chambres): read after spaced digits only ("Their 5 1 2
         * flat", "Notre 1 1 5 chambre": report-adv50 L-13, L-14) */
        "flat", "apartment", "apt", "chambre", "appartement", "appart", "studio", "logement",
    };
    size_t k, e, n = sizeof forms / sizeof forms[0];

    for (k = 0; k < n; k++)
        if (det_starts(s, len, i, forms[k]) && !det_letter_at(s, len, e = i + strlen(forms[k])))
            return one || (!spaced && k >= 6) ? 0 : e;
    return 0;
}

/* A room's word after the number at i..j (session 50, report-adv49
 * L-12, L-13): Turkish "numaralı" (numbered) then a room's, a flat's or
 * a house's word ("305 numaralı odada", "12 numaralı daire"); a room's
 * word in a form no count takes after a number spaced digit by digit
 * ("2 1 4 кімната"), or, where someone stayed (addr_room_dwelt), after
 * one of three or four digits ("жили в 214 кімнаті").  Its end, or 0. */
static size_t room_after_number(const char *s, size_t len, size_t i, size_t j, int spaced)
{
    static const char *const numbered[] = { "numaralı ", "numarali ", "nolu ", "no'lu " };
    static const char *const kz[] = { "пәтерде", "пәтерінде", "пәтерімізде", "бөлмеде", "бөлмесінде" };
    size_t k, e, n = j - i;
    int one = s[j - 1] == '1' && (n < 2 || s[j - 2] != '1');

    j++;
    for (k = 0; k < sizeof numbered / sizeof numbered[0]; k++)
        if (det_starts(s, len, j, numbered[k])) {
            /* a room where someone stayed; a flat or a house is a home */
            j += strlen(numbered[k]);
            if ((e = room_word(s, len, j)) == 0 || (det_starts(s, len, j, "oda") && !addr_room_dwelt(s, len, j)))
                return 0;
            return e;
        }
    if (spaced)
        return room_form(s, len, j, 0, 1);
    /* Kazakh: a count keeps its noun singular ("қырық екі пәтер", 42
     * flats), but no one lives in a count of flats: the locative
     * ("қырық екі пәтерде тұрдық", the view's "42 пәтерде"; report-adv44
     * L-36, L-96) where someone stayed, ten or more ("екі пәтерде
     * тұрдық" is "we lived in two flats") */
    for (k = 0; k < sizeof kz / sizeof kz[0]; k++)
        if (det_starts(s, len, j, kz[k]) && !det_letter_at(s, len, e = j + strlen(kz[k])))
            return n >= 2 && n <= 4 && addr_room_dwelt(s, len, j) ? e : 0;
    if (n < 3 || n > 4 || det_digits(s, len, i) != n || (e = room_form(s, len, j, one, 0)) == 0)
        return 0;
    return addr_room_dwelt(s, len, j) ? e : 0;
}

/* The groups of digits of the spaced number s[x, e). */
static int spaced_groups(const char *s, size_t x, size_t e)
{
    int g = 1;

    for (; x < e; x++)
        g += s[x] == ' ';
    return g;
}

static size_t dorm_part(const char *s, size_t len, size_t i);

/* The room's word at i with its number, as addr_room_part (below) reads
 * it where someone stayed or the number is named. */
static size_t room_part(const char *s, size_t len, size_t i)
{
    static const char *const between[] = {
        "номер ", "номері ", "нөмірі ", "дугаар ", "number ", "numero ", "numara ", "no. ", "no ", "no", "# ", "#",
    };
    /* the copula between a room's word and its number after "номер
     * комнаты", "room number" (report-adv48 L-25: "Номер комнаты был
     * двадцать два"); French numéro, Turkish numara (session 50) */
    static const char *const copulas[] = { "был ", "была ", "было ", "був ", "була ", "було ", "was ", "is " };
    size_t e = room_word(s, len, i), x, k, n;
    /* "номер комнаты": the number named the room's, no count */
    int before = i >= 11 && memcmp(s + i - 11, "номер ", 11) == 0 &&
                 (i == 11 || ((unsigned char)s[i - 12] < 0x80 && !det_alnum(s[i - 12])));
    int named = before, spaced = 0;

    if (e == 0)
        return 0;
    x = e + (e < len && (s[e] == '.' || s[e] == ':'));
    x += x < len && s[x] == ' ';
    if (det_starts(s, len, x, "\xe2\x80\x94 ") || det_starts(s, len, x, "\xe2\x80\x93 "))
        x += 4;
    for (k = 0; k < sizeof between / sizeof between[0]; k++)
        if (det_starts(s, len, x, between[k])) {
            x += strlen(between[k]);
            named |= k < 7;
            break;
        }
    for (k = 0; named && k < sizeof copulas / sizeof copulas[0]; k++)
        if (det_starts(s, len, x, copulas[k])) {
            x += strlen(copulas[k]);
            break;
        }
    if (x >= len || !det_digit(s[x]) || (n = det_digits(s, len, x)) > 5)
        return 0;
    if ((e = addr_spaced_digits_end(s, len, x)) != 0)
        spaced = spaced_groups(s, x, e);
    else {
        e = x + n;
        if ((e < len && (det_digit(s[e]) || det_letter_at(s, len, e) || s[e] == '%')) || counted(s, len, e))
            return 0;
    }
    /* a house's number alone, where the sentence ends ("Мы жили в доме
     * тридцать один."): one with more after it ("доме 12/4 на Ленина")
     * is the units' of detect_address_part.c (session 50) */
    /* dictated digit by digit, the number is the house's whatever
     * follows ("в будинку 1 7 біля школи": report-adv50 L-15); three
     * digits or more so are no count, even where no stay is said ("oda 3
     * 1 2'ye koydular": L-12) */
    if (spaced == 0 && (det_starts(s, len, i, "дом") || det_starts(s, len, i, "будинк")) && e < len &&
        !strchr(".!?;)\n", s[e]))
        return 0;
    return before || spaced >= 3 || addr_room_dwelt(s, len, i) ? e : 0;
}

static size_t block_letter(const char *s, size_t len, size_t i);

size_t addr_room_part(const char *s, size_t len, size_t i)
{
    size_t e = room_part(s, len, i);

    if (e == 0)
        e = dorm_part(s, len, i);
    return e != 0 ? e : block_letter(s, len, i);
}

/* ---- a dormitory's or a camp's place (brief s52 num52, report-adv51
 * L-6, L-19, L-32..L-34, L-66) ----
 * Workers abroad sleep in numbered places: "Room 12B, bed 3, dormitory
 * block C", "bed 14 of hut 7 at camp Ulan", "barrack 7, bunk 14", "комн.
 * 214, место 3", "12번 방".  A place's word (dorm_words, or a room's
 * word of room_word), then its number (one to four digits, one letter
 * glued: "12b"; "no.", "#", "number", "номер" between), no count's noun
 * after it ("room 5 minutes", "bed 3 days", "bed 200 dollars": counted),
 * where someone stayed (addr_room_dwelt) or beside another numbered
 * place of the sentence ("camp 4, room 112": two numbered places are a
 * place in a camp, a chapter and a page are not places).  A block is
 * left to detect_address_part.c's units (Kuwait's "Block 4"; "block 4 of
 * the camp" alone stays: addr20.jsonl line 56).  The words: English;
 * Russian (a bed's койка, кровать, место; a barrack's барак; комн., the
 * abbreviation of комната; вагончик, a trailer home), in the singular
 * cases no count takes after its number; Mongolian ор (bed); Malay bilik, katil, asrama; Arabic غرفة (room), سرير
 * (bed), عنبر (ward).  Written by us from dictionaries (Oxford, Ozhegov,
 * Kamus Dewan, Hans Wehr), they want a native reviewer.  Bytes of the
 * norm view. */
static const char *const dorm_words[] = {
    "bed", "bunk", "berth", "hut", "barrack", "barracks", "container", "dormitory", "dorm", "cabin",
    "tent", "camp", "ward",
    "комн.", "комн", "койка", "койке", "койку", "койкой", "кровать", "кровати", "место", "месте", "барак",
    "бараке", "бараку", "бараком", "вагончик", "вагончике", "лагерь", "лагере",
    "ор", "bilik", "katil", "asrama", "kem",
    "\xd8\xba\xd8\xb1\xd9\x81\xd8\xa9", "\xd8\xa7\xd9\x84\xd8\xba\xd8\xb1\xd9\x81\xd8\xa9",   /* غرفة الغرفة */
    "\xd8\xb3\xd8\xb1\xd9\x8a\xd8\xb1", "\xd8\xa7\xd9\x84\xd8\xb3\xd8\xb1\xd9\x8a\xd8\xb1",   /* سرير السرير */
    "\xd8\xb9\xd9\x86\xd8\xa8\xd8\xb1",                                                       /* عنبر */
};

/* Words of dorm_words that are also a rank, a place in a queue, a
 * district or a camp's name ("заняли место 1", Mongolian "ор" come in,
 * "ward 3" of a city): a place only beside another numbered place, not
 * where someone stayed alone. */
static const char *const dorm_weak[] = {
    "место", "месте", "ор", "ward", "camp", "kem", "лагерь", "лагере", "tent",
};

static const char *const dorm_rooms[] = { "room", "rm", "комнат", "кімнат", "бөлме", "өрөө" };

/* The end of a place's word at i (dorm_words or room_word), or 0; *weak
 * 1 for a word of dorm_weak. */
static size_t dorm_word(const char *s, size_t len, size_t i, int *weak)
{
    size_t k, e;

    *weak = 0;
    if ((i > 0 && det_letter_before(s, i)) || i >= len)
        return 0;
    for (k = 0; k < sizeof dorm_words / sizeof dorm_words[0]; k++)
        if (det_starts(s, len, i, dorm_words[k]) && !det_letter_at(s, len, e = i + strlen(dorm_words[k]))) {
            for (size_t q = 0; q < sizeof dorm_weak / sizeof dorm_weak[0]; q++)
                *weak |= strcmp(dorm_words[k], dorm_weak[q]) == 0;
            return e;
        }
    /* a room's word of room_word, not a house's or a flat's ("доме
     * 12/4": the units of detect_address_part.c read a house) */
    for (k = 0; k < sizeof dorm_rooms / sizeof dorm_rooms[0]; k++)
        if (det_starts(s, len, i, dorm_rooms[k]))
            return room_word(s, len, i);
    return 0;
}

/* The place's number after its word ending at w: its end, or 0. */
static size_t dorm_number(const char *s, size_t len, size_t w)
{
    static const char *const between[] = { "no. ", "no.", "no ", "# ", "#", "number ", "номер ", "no" };
    size_t x = w, k, n;

    x += x < len && s[x] == ' ';
    for (k = 0; k < sizeof between / sizeof between[0]; k++)
        if (det_starts(s, len, x, between[k]) && x + strlen(between[k]) < len &&
            det_digit(s[x + strlen(between[k])])) {
            x += strlen(between[k]);
            break;
        }
    /* a block's letter before the number: "Room B-412", "room b412"
     * (report-adv52 L-18) */
    if (x > w && x + 2 < len && det_alpha(s[x]) && !det_letter_before(s, x) &&
        (det_digit(s[x + 1]) || (s[x + 1] == '-' && det_digit(s[x + 2]))))
        x += s[x + 1] == '-' ? 2 : 1;
    if (x == w || x >= len || !det_digit(s[x]) || (n = det_digits(s, len, x)) > 4)
        return 0;
    x += n;
    if (x < len && det_alpha(s[x]) && !det_letter_at(s, len, x + 1) && !det_digit(s[x + 1]))
        x++;                                        /* 12b */
    if (x < len && (det_digit(s[x]) || det_letter_at(s, len, x) || strchr("%$.,/-", s[x]) != NULL) &&
        !(strchr(".,", s[x]) != NULL && (x + 1 >= len || !det_digit(s[x + 1]))))
        return 0;                   /* glued on, a share, a decimal, a house's "12/4" */
    return counted(s, len, x) ? 0 : x;
}

size_t addr_ko_numbered_room(const char *s, size_t len, size_t i)
{
    /* 은 는 이 가 을 를 에 의 으 도 과 와 였 입 */
    static const char *const glued[] = {
        "\xec\x9d\x80", "\xeb\x8a\x94", "\xec\x9d\xb4", "\xea\xb0\x80", "\xec\x9d\x84", "\xeb\xa5\xbc",
        "\xec\x97\x90", "\xec\x9d\x98", "\xec\x9c\xbc", "\xeb\x8f\x84", "\xea\xb3\xbc", "\xec\x99\x80",
        "\xec\x98\x80", "\xec\x9e\x85",
    };
    size_t n = det_digits(s, len, i), x = i + n, e, k;

    if (n == 0 || n > 4 || !det_starts(s, len, x, "\xeb\xb2\x88"))            /* 번 */
        return 0;
    x += 3;
    x += x < len && s[x] == ' ';
    if (det_starts(s, len, x, "\xeb\xb0\xa9"))                                 /* 방 */
        e = x + 3;
    else if (det_starts(s, len, x, "\xec\xb9\xa8\xeb\x8c\x80"))                /* 침대 */
        e = x + 6;
    else
        return 0;
    if (e >= len || ((unsigned char)s[e] & 0xF0) != 0xE0 || (unsigned char)s[e] < 0xEA ||
        (unsigned char)s[e] > 0xED)
        return e;                                   /* no Hangul glued */
    for (k = 0; k < sizeof glued / sizeof glued[0]; k++)
        if (det_starts(s, len, e, glued[k]))
            return e;
    return 0;
}

/* 1 if s[k] ends a sentence: ! ? a line's end, or a full stop not
 * before a number (an abbreviation's: "комн. 214", "no. 5"). */
static int dorm_end(const char *s, size_t len, size_t k)
{
    if (s[k] != '.')
        return strchr("!?\n", s[k]) != NULL;
    k++;
    k += k < len && s[k] == ' ';
    return k >= len || !det_digit(s[k]);
}

/* 1 if another numbered place than the one at i stands in the sentence
 * around i (160 bytes each way at most), one not of dorm_weak if strong
 * (two weak ones are two camps: "Camp No. 8 and camp seven others"). */
static int dorm_other(const char *s, size_t len, size_t i, int strong)
{
    size_t c, b, j, w;
    int weak;

    for (c = i; c > 0 && i - c < 160 && !dorm_end(s, len, c - 1); c--)
        ;
    for (b = i; b < len && b - i < 160 && !dorm_end(s, len, b); b++)
        ;
    for (j = c; j < b; j++)
        if (j != i && ((unsigned char)s[j] & 0xC0) != 0x80 && (w = dorm_word(s, b, j, &weak)) != 0 &&
            !(strong && weak) && dorm_number(s, b, w) != 0)
            return 1;
    return 0;
}

static size_t dorm_part(const char *s, size_t len, size_t i)
{
    size_t w, e;
    int weak;

    if ((w = dorm_word(s, len, i, &weak)) == 0 || (e = dorm_number(s, len, w)) == 0)
        return 0;
    /* the stay asked around the word and the number ("bed no. 22 in the
     * dormitory": the sentence's reader stops at "no.") */
    if (!weak && (addr_room_dwelt(s, len, i) || addr_room_dwelt(s, len, e - 1)))
        return e;
    if (!weak && room_word(s, len, i) == 0 && camp_said(s, len, i))
        return e;                       /* "container 14 at the site camp" */
    return dorm_other(s, len, i, weak) ? e : 0;
}

/* ---- a dormitory's block by its letter (session 53, report-adv52 L-16,
 * L-17, L-20, L-26) ----
 * "корпус Б", "Hostel C", "Б блок", "B동": a building's word and one
 * letter, after it or before it (Mongolian puts the letter first; Korean
 * glues 동 to it), where someone stayed (addr_room_dwelt) or beside a
 * numbered place of the sentence (dorm_other).  The letter is a word of
 * its own, a comma, a full stop or the end after it; not one of the
 * one-letter words of English (a, i) and Russian (в, с, к, у, о, и, а,
 * я, ж, б), which a building's word may precede ("корпус в общежитии").
 * The words: English hostel, block, building, dormitory, dorm, wing,
 * barrack(s), hall; Russian корпус and its cases, блок; Mongolian блок,
 * байр (building); written by us, they want a native reviewer. */
static const char *const block_words[] = {
    "hostel", "block", "building", "dormitory", "dorm", "wing", "barrack", "barracks", "hall",
    "корпус", "корпуса", "корпусе", "корпусу", "блок", "блока", "блоке", "байр", "байранд", "байрны",
};

/* The end of a block's word at i, or 0. */
static size_t block_word(const char *s, size_t len, size_t i)
{
    size_t k, e;

    for (k = 0; k < sizeof block_words / sizeof block_words[0]; k++)
        if (det_starts(s, len, i, block_words[k]) && !det_letter_at(s, len, e = i + strlen(block_words[k])))
            return e;
    return 0;
}

/* The end of one letter standing alone at i (Latin or Cyrillic), or 0:
 * before a building's word (mode 1) not one of the one-letter words ("a
 * block", "в блоке"); mode 2 wants 동 glued after it (Korean). */
static size_t lone_letter(const char *s, size_t len, size_t i, int mode)
{
    static const char *const words[] = { "a", "i", "в", "с", "к", "у", "о", "и", "а", "я", "ж" };
    size_t n, k, e;

    if (i >= len || det_letter_before(s, i))
        return 0;
    if (det_alpha(s[i]))
        n = 1;
    else if ((unsigned char)s[i] == 0xD0 || (unsigned char)s[i] == 0xD1)
        n = 2;
    else
        return 0;
    e = i + n;
    if (mode == 2)
        return n == 1 && det_starts(s, len, e, "\xeb\x8f\x99") ? e : 0;        /* 동 */
    if (det_letter_at(s, len, e) || (e < len && det_digit(s[e])))
        return 0;
    for (k = 0; mode == 1 && k < sizeof words / sizeof words[0]; k++)
        if (strlen(words[k]) == n && memcmp(s + i, words[k], n) == 0)
            return 0;
    return e;
}

static size_t block_letter(const char *s, size_t len, size_t i)
{
    size_t w, e;

    if ((w = block_word(s, len, i)) != 0 && w < len && s[w] == ' ' && (e = lone_letter(s, len, w + 1, 0)) != 0 &&
        (e >= len || strchr(",.;)\n", s[e]) != NULL))
        ;                                           /* "корпус Б," "Hostel C" */
    else if ((e = lone_letter(s, len, i, 1)) != 0 && e + 1 < len && s[e] == ' ' && (w = block_word(s, len, e + 1)) != 0)
        e = w;                                      /* "Б блок" */
    else if ((e = lone_letter(s, len, i, 2)) != 0)
        e += 3;                                     /* "B동" */
    else
        return 0;
    return addr_room_dwelt(s, len, i) || dorm_other(s, len, i, 0) ? e : 0;
}
