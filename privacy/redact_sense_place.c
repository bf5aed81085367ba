/* A registered name that is also a place of the world, used as the place
 * (brief s44 geo44, report-adv42 O-5, O-12..O-26, adv41 O-7, O-9, O-20):
 * "I worked in Georgia", "Милан - красивый город", "мы были в Милане",
 * "из Милана в Рим", "AC Milan", "потом в Ханой".  Where the words around
 * the hit mark the place, the hit is a review flag, never a replacement;
 * where they mark a person ("Georgia Evans came", "Пётр Милан работал",
 * "I met Georgia in Tbilisi", "влюбилась в Милана") nothing here answers
 * and the hit is judged as before.  One rule for the redactor, the re-scan
 * and the audit: redact_hit_verdict (redact_context.c) asks it.
 *
 * The places are a short table written by us (world_places below): towns
 * and countries whose name is also a given name or a surname in the
 * languages the stores hold, in English, Russian and Ukrainian, with the
 * case endings Russian and Ukrainian decline them with (GeoNames' names,
 * A. A. Zaliznyak's declension of nouns).  The gazetteer's own lists
 * (gazetteer.h) are Korean and Mongolian places; countries.h's English
 * country names are read too, for the place a name is joined to ("Georgia
 * and Armenia").  The tables want a native reviewer, as data/nicknames
 * does. */
#include <stdint.h>
#include <string.h>

#include "privacy/countries.h"
#include "privacy/normalise.h"
#include "privacy/redact_int.h"
#include "privacy/redact_sense.h"

/* How a form of a place is declined: what a preposition may govern. */
enum place_case {
    PC_NONE = 0,
    PC_NOM = 1,  /* the nominative, also the accusative of a thing (в Милан); an indeclinable name */
    PC_GEN = 2,  /* из Милана, до Ханоя */
    PC_LOC = 4,  /* в Милане, у Мілані, в Ханое, в Ханої */
    PC_INS = 8,  /* под Миланом */
    PC_DAT = 16, /* по Милану */
    PC_ACC = 32, /* a feminine's accusative: через Лену (a thing's only after через), в Софию after a
                  * verb of moving (a person's too: влюбился в Софию) */
    PC_ALONG = 64, /* по Лене: a river's dative, along it */
};

/* The endings of a masculine noun in a consonant (Милан, Мілан) and in -й
 * (Ханой: the stem хано), Russian and Ukrainian, by case; a feminine in
 * -ия, -ія (Джорджия, Джорджія; its accusative in -ю, "в Софию", is
 * left out: an animate name's too, "влюбился в Софию"), and an indeclinable name (Georgia, Milan,
 * Милано, Тбилиси). */
enum place_decl { PD_MASC, PD_MASC_J, PD_FEM_IA, PD_INDECL, PD_RIVER_A };

static const struct {
    const char *stem; /* norm view: lower case */
    enum place_decl decl;
} world_places[] = {
    /* Latin spellings: indeclinable in every language of the stores. */
    { "georgia", PD_INDECL }, { "milan", PD_INDECL }, { "milano", PD_INDECL },
    { "hanoi", PD_INDECL }, { "sofia", PD_INDECL }, { "florence", PD_INDECL },
    { "sydney", PD_INDECL }, { "adelaide", PD_INDECL }, { "victoria", PD_INDECL },
    { "jordan", PD_INDECL }, { "israel", PD_INDECL }, { "chad", PD_INDECL },
    { "charlotte", PD_INDECL }, { "savannah", PD_INDECL }, { "austin", PD_INDECL },
    { "houston", PD_INDECL }, { "dallas", PD_INDECL }, { "madison", PD_INDECL },
    { "lincoln", PD_INDECL }, { "regina", PD_INDECL }, { "valencia", PD_INDECL },
    { "vladimir", PD_INDECL }, { "darkhan", PD_INDECL }, { "lima", PD_INDECL },
    { "santiago", PD_INDECL }, { "orlando", PD_INDECL }, { "paris", PD_INDECL },
    /* Cyrillic. */
    { "милан", PD_MASC }, { "мілан", PD_MASC }, { "милано", PD_INDECL }, { "мілано", PD_INDECL },
    { "хано", PD_MASC_J }, { "джорджи", PD_FEM_IA }, { "джорджі", PD_FEM_IA },
    { "софи", PD_FEM_IA }, { "софі", PD_FEM_IA }, { "виктори", PD_FEM_IA }, { "вікторі", PD_FEM_IA },
    { "валенси", PD_FEM_IA }, { "валенсі", PD_FEM_IA }, { "флоренци", PD_FEM_IA },
    { "флоренці", PD_FEM_IA }, { "иордани", PD_FEM_IA }, { "йордані", PD_FEM_IA },
    { "владимир", PD_MASC }, { "сидней", PD_INDECL }, { "сідней", PD_INDECL },
    { "израил", PD_MASC }, { "ізраїл", PD_MASC }, { "дархан", PD_MASC }, { "лима", PD_INDECL },
    { "сантьяго", PD_INDECL }, { "орландо", PD_INDECL }, { "хьюстон", PD_MASC },
    { "х'юстон", PD_MASC }, { "остин", PD_MASC }, { "даллас", PD_MASC },
    /* Chad, the state (GeoNames; brief s48 pub48, report-adv46b O-8). */
    { "чад", PD_MASC },
    /* Rivers whose name is a given name's short form (Лена of Елена,
     * Олена: brief s46 short46, report-adv45 O-64, O-69, O-70), a
     * feminine in -а (Zaliznyak's 1a). */
    { "лен", PD_RIVER_A },
};

/* The case of the rest w[k..n) of a form after its stem, as decl
 * declines it (PC_NONE if it is no ending of that declension).  ь is the
 * soft sign Израиль, Ізраїль take in the nominative. */
static int place_case_of(const char *w, size_t k, size_t n, enum place_decl decl)
{
    switch (decl) {
    case PD_INDECL:
        return n == k ? PC_NOM | PC_GEN | PC_LOC | PC_INS | PC_DAT : PC_NONE;
    case PD_MASC:
        return n == k || redact_sense_is_one(w, k, n, "ь") ? PC_NOM
               : redact_sense_is_one(w, k, n, "а|я")       ? PC_GEN
               : redact_sense_is_one(w, k, n, "е|і|ї")     ? PC_LOC
               : redact_sense_is_one(w, k, n, "ом|ем")     ? PC_INS
               : redact_sense_is_one(w, k, n, "у|ю|ові|еві") ? PC_DAT
                                                             : PC_NONE;
    case PD_MASC_J:
        return redact_sense_is_one(w, k, n, "й")      ? PC_NOM
               : redact_sense_is_one(w, k, n, "я")    ? PC_GEN
               : redact_sense_is_one(w, k, n, "е|ї")  ? PC_LOC
               : redact_sense_is_one(w, k, n, "ем|єм") ? PC_INS
               : redact_sense_is_one(w, k, n, "ю|єві") ? PC_DAT
                                                       : PC_NONE;
    case PD_RIVER_A:
        return redact_sense_is_one(w, k, n, "а")           ? PC_NOM
               : redact_sense_is_one(w, k, n, "ы|и")       ? PC_GEN
               : redact_sense_is_one(w, k, n, "е|і")       ? PC_LOC | PC_ALONG
               : redact_sense_is_one(w, k, n, "ой|ою")     ? PC_INS
               : redact_sense_is_one(w, k, n, "у")         ? PC_ACC
                                                           : PC_NONE;
    case PD_FEM_IA:
        return redact_sense_is_one(w, k, n, "я")           ? PC_NOM
               : redact_sense_is_one(w, k, n, "и|ї")       ? PC_GEN | PC_LOC | PC_DAT
               : redact_sense_is_one(w, k, n, "ей|єю|ею")  ? PC_INS
               : redact_sense_is_one(w, k, n, "ю")         ? PC_ACC
                                                           : PC_NONE;
    }
    return PC_NONE;
}

/* The cases the one word w[0..n) (norm view) has as a place of
 * world_places (an OR of enum place_case), or 0 if it is none. */
static int world_place_cases(const char *w, size_t n)
{
    int cases = 0;

    for (size_t i = 0; i < sizeof world_places / sizeof world_places[0]; i++) {
        size_t k = strlen(world_places[i].stem);
        if (k <= n && memcmp(w, world_places[i].stem, k) == 0)
            cases |= place_case_of(w, k, n, world_places[i].decl);
    }
    return cases;
}

/* Towns written beside a state's or a country's name that is also a
 * person's ("Atlanta, Georgia", "Tbilisi and Georgia"): the largest towns
 * of the US state of Georgia and of the country (GeoNames), in the norm
 * view (brief s45 over45, report-adv44 O-37). */
static const char beside_towns[] =
    "atlanta|savannah|augusta|macon|athens|columbus|albany|tbilisi|batumi|kutaisi|rustavi|"
    "атланта|тбилиси|тбілісі|батуми|батумі|кутаиси|кутаїсі|"
    /* Israel's, Jordan's and the Australian state Victoria's (brief s46
     * over46, report-adv45 O-17). */
    "jerusalem|aviv|haifa|ashdod|netanya|beersheba|eilat|nazareth|amman|zarqa|irbid|aqaba|"
    "melbourne|geelong|ballarat|bendigo|иерусалим|єрусалим|хайфа|амман";

/* 1 if the one word w[0..n) (norm view) is a place for the coordination
 * rule: one of world_places, an English country's name, or a town of
 * beside_towns. */
static int any_place(const char *w, size_t n)
{
    return world_place_cases(w, n) != 0 || country_name(w, n) || redact_sense_is_one(w, 0, n, beside_towns);
}

/* The points of the compass and the adjectives of a region written with a
 * capital before a place's name ("Southern Georgia", "North Georgia",
 * "Западная Грузия" has no name's form): the region, not a person (brief
 * s45 over45, report-adv44 O-50). */
static const char compass_words[] =
    "southern|northern|eastern|western|central|south|north|east|west|southwest|southeast|"
    "northwest|northeast|rural|coastal|upstate|downstate";

/* Nouns written with a capital after a place's name that make it an
 * institution's or a team's name (Georgia Tech, Georgia State
 * University, Sofia University, Georgia Dome): the place's, not a
 * person's (brief s45 over45, report-adv44 O-41). */
static const char institution_words[] =
    "tech|university|state|college|institute|aquarium|dome|bulldogs|power|railroad|airport|"
    "tbilisi|university's|"
    /* The features of GeoNames' classes H (stream, lake, falls, harbour,
     * bay), T (valley, mountains) and S (station, cathedral, stadium) in
     * English, and the words of a state's or a town's institutions and
     * events (Israel Defense Forces, Milan Fashion Week): a place's (brief
     * s46 over46, report-adv45 O-2, O-3, O-10, O-19, O-24, O-28, O-34).
     * Not Park, Hall, Church, Bridges: surnames. */
    "river|lake|falls|harbour|harbor|bay|valley|mountains|cathedral|station|stadium|railway|"
    "metro|defense|defence|fashion|airport's|river's|cathedral's";

/* The same features written with a capital before a place's name (Lake
 * Victoria, Mount Jordan, Port Victoria, Cape Sydney): the feature's
 * name, not a person's (brief s46 over46, report-adv45 O-18). */
static const char feature_before_words[] = "lake|mount|port|cape|fort";

/* Nouns before "of" that make the name after it a place (University of
 * Georgia, Kingdom of Jordan, south of Georgia, the embassy of Israel):
 * a state's or a town's parts, rulers and institutions, and the points of
 * the compass (brief s46 over46, report-adv45 O-5, O-14, O-23).  "A
 * friend of Georgia" is a person's. */
static const char of_place_words[] =
    "university|kingdom|republic|state|government|embassy|consulate|president|king|parliament|"
    "army|people|citizens|coast|border|borders|outskirts|centre|center|suburbs|streets|"
    "south|north|east|west|southwest|southeast|northwest|northeast";

/* What a state or a town has, after a possessive of its name (Georgia's
 * capital, Jordan's border, Israel's army, Milan's airport): the place's
 * (brief s46 over46, report-adv45 O-4, O-7, O-16, O-35).  Not what a
 * person has too ("Sofia's passport", "Milan's wife", "Milan's house"). */
static const char place_possessions[] =
    "capital|border|borders|army|airport|airports|government|president|parliament|coast|"
    "coastline|economy|population|military|authorities|regime|embassy|cathedral|streets|"
    "suburbs|outskirts|ports|harbour|harbor|mountains|rivers|provinces|regions|cities|towns|"
    "villages|independence|territory|prime|king|capital's|station|stations|railway|metro|"
    "harbour's|port|zoo|university|mayor";

/* The adjectives that may stand between a place's possessive and its
 * thing (Sofia's central station, Milan's main airport, Sofia's old
 * town: brief s48 pub48, report-adv46b O-2; written by us). */
static const char possession_adjectives[] =
    "central|main|old|new|international|railway|bus|train|biggest|largest|oldest|only";

/* English demonyms and adjectives of world_places' names that are no
 * name with -n (Israeli, Jordanian, Milanese), written by us from English
 * usage (brief s46 over46, report-adv45 O-27). */
static const char place_demonyms[] =
    "israeli|israelis|jordanian|jordanians|milanese|sydneysider|sydneysiders|victorians|"
    "georgians|chadian|chadians|parisian|parisians|houstonian|houstonians";

/* The second word of a compound with a place's name (Milan-based,
 * Georgia-born, a Milan-registered firm). */
static const char compound_words[] = "based|born|registered|made|bound";

/* Nouns of a route written before "X - Y" (рейс Милан - Киев, поезд
 * Милан - Рим, the flight Milan - Kyiv): both ends are places (brief s46
 * over46, report-adv45 O-11). */
static const char route_nouns[] =
    "рейс|рейса|рейсом|рейсу|поезд|поезда|поездом|поїзд|поїзда|автобус|автобуса|маршрут|"
    "маршрута|маршруту|трасса|трассы|траса|траси|flight|train|bus|route|ferry";

/* Verbs of moving to a place, as the stems of their forms (переехала,
 * переїхали, уехал, поїхала, полетели, вернулась): with в, во, у, на and
 * the accusative after them, "в Софию" is the town (brief s46 over46,
 * report-adv45 O-1, O-12).  "Влюбилась в Софию" is the person. */
static const char motion_stems[] =
    "переех|переїх|поех|поїх|приех|приїх|уех|виїх|выех|заех|заїх|ехал|їхал|едем|едут|їдемо|"
    "летел|летіл|полетел|полетіл|прилетел|прилетіл|улетел|вилетіл|вылетел|вернул|поверн|"
    "перебрал|перебрал|эмигрир|емігрув|отправил|відправил|сбежал|втекл|бежал";

/* 1 if the Latin word w[0..n) (norm view) is the English adjective or
 * demonym of a place of world_places whose name ends in -a (Georgian of
 * Georgia, Victorian, Valencian): the name with -n (brief s45 over45,
 * report-adv44 O-23, O-43). */
static int place_adjective(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof world_places / sizeof world_places[0]; i++) {
        size_t k = strlen(world_places[i].stem);
        if (world_places[i].decl == PD_INDECL && (unsigned char)world_places[i].stem[0] < 0x80 &&
            world_places[i].stem[k - 1] == 'a' && n == k + 1 && memcmp(w, world_places[i].stem, k) == 0 &&
            w[k] == 'n')
            return 1;
    }
    return 0;
}

/* Prepositions of place and motion and the cases each governs of a place
 * (Russian, Ukrainian; English, whose names do not decline).  Not от,
 * від, у + genitive, к, по: a person's too ("письмо от Милана", "у Милана
 * есть", "к Милану", "скучаю по Милану"); not в + genitive (в Милана: the
 * accusative of a person). */
static const struct {
    const char *words;
    int cases;
} place_preps[] = {
    { "в|во|у", PC_NOM | PC_LOC },
    { "на", PC_LOC },
    { "из|изо|із|з|зі|до|возле|около|біля|поблизу|недалеко", PC_GEN },
    { "через|сквозь|крізь", PC_NOM | PC_ACC },
    /* A river's dative after по, along it (По Лене плыли баржи); a
     * person's after по is missed ("скучаю по Лене"): only rivers
     * have PC_ALONG. */
    { "по", PC_ALONG },
    { "под|над|за|під", PC_INS },
    { "in|into|via|through|across|near|outside|around|throughout|inside", PC_NOM },
};

/* English prepositions that name a place only after a verb of motion ("I
 * went to Georgia", "crossed from Georgia"; "I wrote to Georgia" is the
 * person), and the verbs. */
static const char motion_preps[] = "to|from|towards|toward";
static const char motion_verbs[] =
    "went|go|goes|going|gone|moved|move|moving|travelled|traveled|travel|travelling|traveling|"
    "flew|fly|flying|flown|returned|return|returning|came|come|comes|coming|crossed|cross|"
    "fled|flee|fleeing|escaped|escape|drove|drive|driven|sailed|walked|migrated|emigrated|"
    "deported|back|way|trip|journey|flight|route|road|border|moving|relocated|sent|brought|"
    "taken|smuggled|trafficked|transferred|road";

/* Nouns of a place that mark the name beside them as a place: "the
 * country", "столица Georgia", "Милан - красивый город". */
static const char place_nouns[] =
    "country|city|state|capital|town|province|region|republic|nation|"
    "страна|страны|стране|страну|страной|город|города|городе|городом|городу|столица|столицы|"
    "столице|столицу|столицей|штат|штата|штате|государство|государства|"
    "країна|країни|країні|країну|місто|міста|місті|містом|столиця|столиці|столицю|держава|держави";

/* Words that may stand between a name and a place noun that says what it
 * is ("Georgia is a country", "Милан - красивый город", "Georgia the
 * country"). */
static const char copula_words[] = "is|was|a|an|the|это|є|был|была|було|-";

/* Sports clubs' prefixes before a town's name (AC Milan, FC Sofia, ФК
 * Милан), in the norm view. */
static const char club_words[] = "ac|fc|sc|ssc|afc|cf|as|фк|ск|inter";

/* 1 if a club's prefix written with full stops stands right before norm
 * byte a ("A.C. Milan", "F.C. Sofia", "Ф.К. Милан": report-adv45 O-61;
 * brief s46 ini46): letters each with its full stop, the first a capital,
 * that spell one of club_words once the stops go. */
static int dotted_club_before(const struct normtext *t, size_t a)
{
    char key[8];
    size_t s = a - 1, k = 0;

    if (a < 4 || t->norm[a - 1] != ' ' || t->norm[a - 2] != '.')
        return 0;
    while (s > 0 && (t->norm[s - 1] == '.' || is_word_cp(redact_cp_before(t->norm, s))))
        s = redact_sense_cp_start(t->norm, s);
    if (s > 0 && t->norm[s - 1] != ' ' && t->norm[s - 1] != '(' && t->norm[s - 1] != '"')
        return 0;
    for (size_t q = s; q < a - 1; q++) {
        if (t->norm[q] == '.')
            continue;
        if (k + 1 >= sizeof key || (q + 1 < a - 1 && ((unsigned char)t->norm[q + 1] & 0xC0) != 0x80 &&
                                    t->norm[q + 1] != '.'))
            return 0;
        key[k++] = t->norm[q];
    }
    return k >= 2 && redact_sense_upper(t, s) && redact_sense_is_one(key, 0, k, club_words);
}

/* Conjunctions that join two places ("Georgia and Armenia", "Милан и
 * Рим"). */
static const char join_words[] = "and|or|и|или|і|й|та|або";

/* 1 if a word whose letters are those of an adjective in lower case
 * stands at [a, b) (красивый, большой, гарне): may stand between a name
 * and its place noun. */
static int adjective_at(const struct normtext *t, size_t a, size_t b)
{
    return redact_sense_lower(t, a) &&
           redact_sense_ends_with(t->norm, a, b, "ый|ий|ой|ая|яя|ое|ее|ій|а|е|beautiful|big|small|large|great|old|southern|northern|eastern|western");
}

/* 1 if a place noun follows the word ending at e, over copulas and
 * adjectives (at most three words), or over a comma as its apposition
 * ("в Софию, столицу Болгарии", "к Владимиру, городу на Клязьме": brief
 * s46 over46, report-adv45 O-1, O-8). */
static int place_noun_after(const struct normtext *t, size_t e)
{
    size_t na, nb;

    for (int i = 0; i < 4; i++) {
        if (e + 1 < t->normlen && t->norm[e] == ' ' && t->norm[e + 1] == '-')
            na = e + 1, nb = e + 2;
        else if (!redact_sense_next_word(&na, &nb, t, e, i == 0))
            return 0;
        if (redact_sense_is_one(t->norm, na, nb, place_nouns))
            return redact_sense_lower(t, na);
        if (!redact_sense_is_one(t->norm, na, nb, copula_words) && !adjective_at(t, na, nb))
            return 0;
        e = nb;
    }
    return 0;
}

/* Large towns of the countries the stores' people travel through and
 * work in, in Russian and Ukrainian, as the stems their case forms share
 * (Рим, Рима, Римом; Київ, Києва), GeoNames' names of the capitals and
 * the towns of more than a million people of Europe, Russia, Ukraine,
 * Central Asia and the Caucasus: the other end of a route ("от Милана до
 * Рима", "между Миланом и Римом", "рейс Милан - Киев": brief s46 over46,
 * report-adv45 O-11, O-30, O-31); and the towns near Vladimir and the
 * states beside Chad (Суздаль, Судан: brief s48 pub48, report-adv46b
 * O-3, O-8; GeoNames). */
static const char route_towns[] =
    "рим|киев|київ|києв|москв|париж|берлин|берлін|праг|варшав|минск|мінськ|лондон|мадрид|"
    "лиссабон|лісабон|брюссел|амстердам|стамбул|анкар|афин|бухарест|будапешт|белград|"
    "белград|загреб|турин|неапол|генуя|генуи|венеци|венеці|одесс|одес|львов|львів|харьков|"
    "харків|днепр|дніпр|петербург|новосибирск|екатеринбург|казан|нижн|самар|владивосток|"
    "алмат|астан|ташкент|бишкек|душанбе|тбилиси|тбілісі|ереван|єреван|баку|дубай|пекин|"
    "пекін|шанха|сеул|токио|токіо|пхеньян|хабаровск|иркутск|улан|суздал|ярославл|рязан|смоленск|"
    "калуг|судан|египт|єгипт|ливи|лівії|лівія|эфиопи|ефіопі";

/* 1 if the word at [a, b) (norm view) is a town of route_towns in one of
 * its case forms (the stem and at most two letters: Рима, Римом, Киеве),
 * or a place of any_place; it must be written with a capital. */
static int route_town(const struct normtext *t, size_t a, size_t b)
{
    size_t rest;

    if (!redact_sense_upper(t, a))
        return 0;
    if (any_place(t->norm + a, b - a))
        return 1;
    return redact_sense_starts_with(&rest, t->norm, a, b, route_towns) &&
           (rest == b || redact_sense_is_one(t->norm, rest, b, "а|я|у|ю|е|і|ї|ом|ем|ой|ей|ы|и|ь|ві|ом|у|є"));
}

/* 1 if the word starting at a is followed by " - " and a town, or by
 * " - " and a word with a capital after a noun of a route (Милан - Киев,
 * рейс Милан - Пхукет): the first end of a route. */
static int route_after(const struct normtext *t, size_t a, int noun)
{
    size_t e = redact_sense_run_end(t, a), nb;

    if (!(e + 3 < t->normlen && t->norm[e] == ' ' && t->norm[e + 1] == '-' && t->norm[e + 2] == ' '))
        return 0;
    nb = redact_sense_run_end(t, e + 3);
    return nb > e + 3 && (noun ? redact_sense_upper(t, e + 3) : route_town(t, e + 3, nb));
}

/* 1 if the name at [a, e) with its cases is the first end of a route
 * whose other end is a town: "от Милана до Рима", "з Мілана до Києва",
 * "между Миланом и Римом", "між Міланом і Римом". */
static int route_between(const struct normtext *t, size_t a, size_t e, int cases)
{
    size_t pa, pb, ja, jb, ya, yb;

    if (!redact_sense_prev_word(&pa, &pb, t, a) || !redact_sense_next_word(&ja, &jb, t, e, 0) ||
        !redact_sense_next_word(&ya, &yb, t, jb, 0))
        return 0;
    if ((cases & PC_GEN) && redact_sense_is_one(t->norm, pa, pb, "от|від|из|із|з|зі") &&
        redact_sense_is_one(t->norm, ja, jb, "до"))
        return route_town(t, ya, yb);
    if ((cases & PC_INS) && redact_sense_is_one(t->norm, pa, pb, "между|між") &&
        redact_sense_is_one(t->norm, ja, jb, "и|і|та|й"))
        return route_town(t, ya, yb);
    return 0;
}

/* Verbs of walking and driving about a town, as their stems (гуляли,
 * бродили, ездили, ходили, путешествовали, блукали, мандрували, їздили):
 * with по and the dative (Russian) or the locative (Ukrainian) after them
 * the name is the town ("гуляли по Милану", "гуляли по Софії"; "скучаю
 * по Милану" is the person: brief s46 over46, report-adv45 O-29, O-32). */
static const char about_stems[] =
    "гуля|броди|бродя|езди|ездя|ходи|катал|путешеств|блука|мандрув|їзди|поблука";

/* 1 if the name ending at e is the first part of a compound that makes
 * it a place: Milan-based (compound_words), Georgia-Armenia (another
 * place). */
static int place_compound(const struct normtext *t, size_t e)
{
    size_t nb;

    if (e + 1 >= t->normlen || t->norm[e] != '-')
        return 0;
    nb = redact_sense_run_end(t, e + 1);
    return nb > e + 1 && ((redact_sense_lower(t, e + 1) && redact_sense_is_one(t->norm, e + 1, nb, compound_words)) ||
                          any_place(t->norm + e + 1, nb - e - 1) || country_name(t->norm + e + 1, nb - e - 1));
}

/* 1 if the word before the word at a marks it a place: a preposition
 * governing the case the word has, a place noun, a club's prefix, a place
 * joined to it by a conjunction, "the capital of". */
static int place_before(const struct normtext *t, size_t a, int cases)
{
    size_t pa, pb, qa, qb, rest;

    /* "Armenia, Georgia and Azerbaijan", "Atlanta, Georgia" (the word
     * before over a comma: redact_sense_prev_word reads over a space
     * only): a country or a town no person is named, as a list of people
     * may be written so ("Milan, Georgia and I left"). */
    if (a >= 3 && t->norm[a - 1] == ' ' && t->norm[a - 2] == ',') {
        for (qb = a - 2, qa = qb; qa > 0 && is_word_cp(redact_cp_before(t->norm, qa));)
            qa = redact_sense_cp_start(t->norm, qa);
        return qa < qb && (country_name(t->norm + qa, qb - qa) ||
                           redact_sense_is_one(t->norm, qa, qb, beside_towns));
    }
    if (dotted_club_before(t, a))
        return 1;
    if (!redact_sense_prev_word(&pa, &pb, t, a))
        return 0;
    if ((redact_sense_is_one(t->norm, pa, pb, compass_words) ||
         redact_sense_is_one(t->norm, pa, pb, feature_before_words)) &&
        redact_sense_upper(t, pa) && pb + 1 == a)
        return 1;
    if ((cases & PC_NOM) && redact_sense_is_one(t->norm, pa, pb, route_nouns) && route_after(t, a, 1))
        return 1;
    if ((cases & (PC_DAT | PC_LOC)) && redact_sense_is_one(t->norm, pa, pb, "по") &&
        redact_sense_prev_word(&qa, &qb, t, pa) && redact_sense_starts_with(&rest, t->norm, qa, qb, about_stems))
        return 1;
    if ((cases & PC_ACC) && redact_sense_is_one(t->norm, pa, pb, "в|во|у|на") &&
        redact_sense_prev_word(&qa, &qb, t, pa) && redact_sense_starts_with(&rest, t->norm, qa, qb, motion_stems))
        return 1;
    for (size_t i = 0; i < sizeof place_preps / sizeof place_preps[0]; i++)
        if (redact_sense_is_one(t->norm, pa, pb, place_preps[i].words) && (cases & place_preps[i].cases))
            return 1;
    if (redact_sense_is_one(t->norm, pa, pb, motion_preps))
        return redact_sense_prev_word(&qa, &qb, t, pa) &&
               redact_sense_is_one(t->norm, qa, qb, motion_verbs);
    if (redact_sense_is_one(t->norm, pa, pb, place_nouns) ||
        (redact_sense_is_one(t->norm, pa, pb, club_words) && redact_sense_upper(t, pa)))
        return 1;
    if (redact_sense_is_one(t->norm, pa, pb, "of"))
        return redact_sense_prev_word(&qa, &qb, t, pa) &&
               (redact_sense_is_one(t->norm, qa, qb, place_nouns) ||
                redact_sense_is_one(t->norm, qa, qb, of_place_words));
    if (redact_sense_is_one(t->norm, pa, pb, join_words) && redact_sense_prev_word(&qa, &qb, t, pa))
        return any_place(t->norm + qa, qb - qa);
    return 0;
}

/* 1 if the word after the word ending at e marks it a place: a place
 * noun (over copulas), or another place joined to it. */
static int place_after(const struct normtext *t, size_t e)
{
    size_t na, nb, ja, jb;

    if (place_noun_after(t, e))
        return 1;
    if (!redact_sense_next_word(&na, &nb, t, e, 1))
        return 0;
    if (redact_sense_is_one(t->norm, na, nb, join_words) && redact_sense_next_word(&ja, &jb, t, nb, 0))
        return any_place(t->norm + ja, jb - ja);
    return t->norm[e] == ',' && any_place(t->norm + na, nb - na);
}

/* 1 if the name at [a, e) with its possessive ending at pe is a place's
 * and a thing of place_possessions follows (Georgia's capital), or one
 * of possession_adjectives and such a thing (Sofia's central station). */
static int place_possessive(const struct normtext *t, size_t a, size_t e, size_t pe)
{
    size_t na, nb, ma, mb;

    if (world_place_cases(t->norm + a, e - a) == 0 || !redact_sense_next_word(&na, &nb, t, pe, 0) ||
        !redact_sense_lower(t, na))
        return 0;
    if (redact_sense_is_one(t->norm, na, nb, possession_adjectives) && redact_sense_next_word(&ma, &mb, t, nb, 0) &&
        redact_sense_lower(t, ma) && redact_sense_is_one(t->norm, ma, mb, place_possessions))
        return 1;
    return redact_sense_is_one(t->norm, na, nb, place_possessions);
}

int redact_sense_place(const struct normtext *t, size_t a, size_t b)
{
    size_t wend, na, nb;
    int cases;

    if (a >= b || b > t->normlen || (a > 0 && is_word_cp(redact_cp_before(t->norm, a))))
        return 0;
    wend = redact_sense_run_end(t, a);
    /* A possessive is a person's ("in Georgia's house"), unless what
     * follows is a place's (Georgia's capital); the hit may hold its
     * 's (an English given name's possessive form). */
    if (wend + 1 < t->normlen && t->norm[wend] == '\'' && t->norm[wend + 1] == 's' && b <= wend + 2)
        return place_possessive(t, a, wend, wend + 2);
    if (wend < b)
        return 0;
    if (redact_sense_is_one(t->norm, a, wend, place_demonyms))
        return !(redact_sense_next_word(&na, &nb, t, wend, 0) && redact_sense_upper(t, na) &&
                 !any_place(t->norm + na, nb - na));
    /* A place's adjective (Georgian wine, "Georgian is hard"): no
     * person's name, unless a name with a capital follows. */
    if (place_adjective(t->norm + a, wend - a))
        return !(redact_sense_next_word(&na, &nb, t, wend, 0) && redact_sense_upper(t, na) &&
                 !any_place(t->norm + na, nb - na));
    if ((cases = world_place_cases(t->norm + a, wend - a)) == 0)
        return 0;
    if (place_compound(t, wend) || route_between(t, a, wend, cases) || ((cases & PC_NOM) && route_after(t, a, 0)))
        return 1;
    /* An institution named after the place (Georgia Tech). */
    if (redact_sense_next_word(&na, &nb, t, wend, 0) && na == wend + 1 && redact_sense_upper(t, na) &&
        redact_sense_is_one(t->norm, na, nb, institution_words))
        return 1;
    /* A name written with a capital after or before it is a person's whole
     * name ("in Georgia Evans's house", "Пётр Милан"), unless that word is
     * a place too. */
    if (redact_sense_next_word(&na, &nb, t, wend, 0) && redact_sense_upper(t, na) &&
        !any_place(t->norm + na, nb - na))
        return 0;
    return place_before(t, a, cases) || place_after(t, wend);
}

/* The bytes of the text either side of a near-name's word that
 * redact_sense_place_near reads (a preposition or a place noun before,
 * up to four words after). */
#define PLACE_NEAR_SPAN 96

int redact_sense_place_near(const char *s, size_t len, size_t a, size_t b)
{
    return redact_sense_window(s, len, a, b, PLACE_NEAR_SPAN, redact_sense_place);
}
