/* The words of the norm view that the sense rules read (redact_sense.c,
 * redact_salute.c; redact_int.h): the code point before a byte, a letter's
 * case as written, the word before and after, '|'-separated lists, and the
 * Russian and Ukrainian given names that are ordinary words (their stems
 * and endings).  One place for both files: redact_sense.c calls
 * redact_salute.c, never the other way, and both call this file (the
 * layers' call graph has no cycle).
 *
 * Nothing here calls redact_context.c, which calls these files: the caller
 * has already ruled out a hit written with a capital where no sentence
 * starts (a name), and the capitals read here are the original letters'
 * own. */
#include <string.h>
#include <utf8proc.h>

#include "privacy/detect.h"
#include "privacy/normalise.h"
#include "privacy/redact_int.h"

/* The start of the code point ending at norm byte n (n > 0). */
size_t redact_sense_cp_start(const char *s, size_t n)
{
    n--;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n;
}

/* 1 if the original text at norm byte n starts with a letter written in
 * lower case (has an upper case of its own); an escape or a reference
 * (&#1041;) is none: the caller then keeps the flag. */
int redact_sense_lower(const struct normtext *t, size_t n)
{
    size_t o = t->ostart[n];
    int cp;

    return utf8_next(&cp, t->orig + o, t->inlen - o) > 0 && utf8proc_tolower(cp) == cp &&
           utf8proc_toupper(cp) != cp;
}

/* 1 if the original text at norm byte n starts with a letter written in
 * upper case. */
int redact_sense_upper(const struct normtext *t, size_t n)
{
    size_t o = t->ostart[n];
    int cp;

    return utf8_next(&cp, t->orig + o, t->inlen - o) > 0 && utf8proc_toupper(cp) == cp &&
           utf8proc_tolower(cp) != cp;
}

/* 1 if norm [a, b) starts with one of the '|'-separated entries of list;
 * *rest is then the end of the entry in norm. */
int redact_sense_starts_with(size_t *rest, const char *s, size_t a, size_t b, const char *list)
{
    while (*list != '\0') {
        const char *bar = strchr(list, '|');
        size_t k = bar != NULL ? (size_t)(bar - list) : strlen(list);
        if (k <= b - a && memcmp(s + a, list, k) == 0) {
            *rest = a + k;
            return 1;
        }
        list += k + (bar != NULL);
    }
    return 0;
}

/* 1 if norm [a, b) is exactly one of the '|'-separated entries of list. */
int redact_sense_is_one(const char *s, size_t a, size_t b, const char *list)
{
    size_t k = b - a;

    while (*list != '\0') {
        const char *bar = strchr(list, '|');
        size_t n = bar != NULL ? (size_t)(bar - list) : strlen(list);
        if (n == k && memcmp(s + a, list, k) == 0)
            return 1;
        list += n + (bar != NULL);
    }
    return 0;
}

/* The end of the word character run from norm byte p. */
size_t redact_sense_run_end(const struct normtext *t, size_t p)
{
    int cp, k;

    while (p < t->normlen && (k = utf8_next(&cp, t->norm + p, t->normlen - p)) > 0 && is_word_cp(cp))
        p += (size_t)k;
    return p;
}

/* The word after the word ending at norm byte e, over one space (a comma
 * before the space when comma is set): [*na, *nb); 0 if none. */
int redact_sense_next_word(size_t *na, size_t *nb, const struct normtext *t, size_t e, int comma)
{
    if (comma && e < t->normlen && t->norm[e] == ',')
        e++;
    if (e + 1 >= t->normlen || t->norm[e] != ' ')
        return 0;
    *na = e + 1;
    *nb = redact_sense_run_end(t, *na);
    return *nb > *na;
}

/* 1 if cp is a punctuation mark or a symbol (Unicode general category
 * P* or S*: utf8proc's table). */
static int mark_cp(int cp)
{
    utf8proc_category_t c = utf8proc_category(cp);

    return (c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO) ||
           (c >= UTF8PROC_CATEGORY_SM && c <= UTF8PROC_CATEGORY_SO);
}

int redact_clause_mark(const char *s, size_t len, size_t p)
{
    utf8proc_category_t c;
    int cp, next;
    int k = p < len ? utf8_next(&cp, s + p, len - p) : 0;

    if (k <= 0 || !mark_cp(cp))
        return 0;
    /* A connector, a dash, a full stop or an apostrophe with a word
     * character right on both sides joins two words into one (Вера-то,
     * vera.s, Дар'я): no clause ends there. */
    c = utf8proc_category(cp);
    if (p > 0 && is_word_cp(redact_cp_before(s, p)) && (size_t)k < len - p &&
        utf8_next(&next, s + p + k, len - p - (size_t)k) > 0 && is_word_cp(next) &&
        (c == UTF8PROC_CATEGORY_PC || c == UTF8PROC_CATEGORY_PD || cp == '.' || cp == '\'' ||
         cp == 0x2019))
        return 0;
    return k;
}

/* 1 if the line broken at norm byte q (a space standing for the break)
 * goes on in lower case on the next line: one sentence wrapped ("Вера\n
 * в бога"), as raw_line_end (redact_salute.c) reads it. */
static int line_goes_on(const struct normtext *t, size_t q)
{
    int cp;

    while (q < t->normlen && t->norm[q] == ' ')
        q++;
    return q < t->normlen && utf8_next(&cp, t->norm + q, t->normlen - q) > 0 && redact_sense_lower(t, q);
}

int redact_alone_at(const struct normtext *t, size_t p)
{
    size_t q = p;
    int k;

    /* Glued: "Вера:", "Вера,", "Вера»", "Вера…", "Вера/Люба"; a full
     * stop before a capital ends a sentence written without its space
     * ("Вера.Она ушла"), where one before a small letter joins a handle's
     * parts (vera.sokolova). */
    if (redact_clause_mark(t->norm, t->normlen, p) > 0)
        return 1;
    if (p + 1 < t->normlen && t->norm[p] == '.' && redact_sense_upper(t, p + 1))
        return 1;
    /* Apart: blanks and marks only, then the line's or the text's end
     * ("Вера —", "Вера\n", "Вера"); the norm view writes a line break as
     * a space, the original has it. */
    for (;;) {
        if (q >= t->normlen)
            return 1;
        if (t->norm[q] == ' ') {
            size_t o = t->ostart[q], oe = normtext_oend(t, q);
            if (memchr(t->orig + o, '\n', oe - o) != NULL)
                return !line_goes_on(t, q);
            q++;
        } else if ((k = redact_clause_mark(t->norm, t->normlen, q)) > 0) {
            q += (size_t)k;
        } else {
            return 0;
        }
    }
}

/* The word before norm byte a, over one space: [*pa, *pb); 0 if none. */
int redact_sense_prev_word(size_t *pa, size_t *pb, const struct normtext *t, size_t a)
{
    if (a < 2 || t->norm[a - 1] != ' ')
        return 0;
    *pb = a - 1;
    for (*pa = *pb; *pa > 0 && is_word_cp(redact_cp_before(t->norm, *pa));)
        *pa = redact_sense_cp_start(t->norm, *pa);
    return *pa < *pb;
}

/* 1 if norm [a, e) ends with one of the '|'-separated entries of list. */
int redact_sense_ends_with(const char *s, size_t a, size_t e, const char *list)
{
    while (*list != '\0') {
        const char *bar = strchr(list, '|');
        size_t k = bar != NULL ? (size_t)(bar - list) : strlen(list);
        if (k > 0 && k < e - a && memcmp(s + e - k, list, k) == 0)
            return 1;
        list += k + (bar != NULL);
    }
    return 0;
}

/* Russian and Ukrainian given names that are ordinary words, as the stems
 * their case forms share (Вера, Віра "faith"; Надежда, Надія "hope";
 * Любовь, Любов "love"; Роза "rose"; Лилия, Лілія "lily"; Мир "peace,
 * world"; Слава "glory"; Злата; Лада "harmony"), each with the most
 * bytes of ending after it (two or three letters: веры, любовью,
 * надією).  Written by us from the languages' grammar; there is no
 * Russian dictionary here (util/lexicon.h), so the list is the word
 * check.  A name written in lower case is the word (brief s29 word29). */
static const struct {
    const char *stem;
    size_t tail;
} ru_word_names[] = {
    { "вер", 6 }, { "вір", 6 }, { "надежд", 6 }, { "наді", 6 }, { "любов", 6 },
    { "любв", 4 }, { "роз", 6 }, { "лили", 6 }, { "лілі", 6 }, { "мир", 6 },
    { "слав", 6 }, { "лад", 6 },
};

/* The case endings of these nouns in Russian and Ukrainian, singular
 * and plural (вера, веры, верой, вірою; надія, надії, надією, надій;
 * любовь, любовью, любов'ю; мир, миром, мирові; лилия, лилией; from the
 * declension tables of both grammars); not the vocative (Віро, Надіє: a
 * person called, not the word).  What follows a stem is one of these or
 * nothing, not a diminutive's suffix: Надійка, Віруня, Вірочка, Веруся,
 * Верок are the name (briefs s34 uk34 and ru34, report-adv33 L-4, L-8,
 * L-37), not the word. */
static const char ru_word_ends[] =
    "а|я|и|ы|е|і|ї|у|ю|ь|й|ой|ою|ей|ею|єю|ью|ям|ями|ях|ам|ами|ах|ом|ем|ов|ів|ові|'ю|’ю|ʼю|"
    "ія|ії|ію|ією|ия|ии|ию|ией|иям|иях";

/* 1 if the Cyrillic word norm [a, wend) starts with the stem of a given
 * name that is a word and ends with one of that word's endings
 * (ru_word_ends, no longer than the stem's tail), or the stem alone (мир,
 * любов, надежд, роз) but вер, вір, the vocative of Вера, Віра ("Вер,
 * иди": report-adv33 L-33; their genitive plural is rare). */
int redact_sense_stem_of(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof ru_word_names / sizeof ru_word_names[0]; i++) {
        size_t k = strlen(ru_word_names[i].stem);
        if (k <= n && n <= k + ru_word_names[i].tail && memcmp(w, ru_word_names[i].stem, k) == 0 &&
            (n == k ? strcmp(ru_word_names[i].stem, "вер") != 0 && strcmp(ru_word_names[i].stem, "вір") != 0
                    : redact_sense_is_one(w, k, n, ru_word_ends)))
            return 1;
    }
    return 0;
}

/* Ukrainian and Russian nouns of trades (and мороз, frost) that are
 * also common surnames (Мельник, Бондар, Коваль, Ткач, Кравець, Гончар:
 * report-adv38 O-1..O-3, adv37 O-1), as stems, with the spelling of the
 * nominative where the stem changes (кравець: кравця; швець: шевця);
 * written by us from both languages' declension tables (brief s39 uk39). */
static const char *const trade_stems[] = {
    "мельник", "мірошник", "бондар", "ковал", "ткач", "гончар", "кравц", "шевц", "кушнір",
    "пекар", "рибак", "пастух", "мороз", "кузнец",
};
static const char *const trade_nominatives[] = { "кравець", "швець", "коваль" };

/* A masculine noun's case endings, singular and plural, of both
 * grammars (мельника, мельнику, мельникові, мельником, мельники,
 * мельників, мельникам, мельниками, мельниках; бондаря, бондарем,
 * бондареві, бондарі, бондарям), and the woman of the trade in -иха in
 * each case (ткачиха, ткачихою, ткачисі, бондарихи: Ukrainian grammar,
 * the feminine in -а; brief s41 ukb41), and the possessive adjective's
 * (мельникова хата, мельникового млина: the miller's; brief s43,
 * report-adv42 O-6): in lower case the noun, as the surname women's
 * forms of variants_uk_surname.c are with a capital. */
static const char trade_ends[] =
    "а|я|и|ы|е|і|у|ю|ь|ом|ем|єм|ові|еві|ів|ев|ов|ам|ям|ами|ями|ах|ях|ей|"
    "иха|ихи|иху|ихою|ихо|исі|их|ихам|ихами|ихах|"
    "ова|ове|ову|овою|овій|ової|ового|овому|ових|овим|овими";

/* The nominative of the trade's noun whose case form w[0..n) is (коваля,
 * ковалі: коваль; мельники: мельник; кравця: кравець), or NULL. */
static const char *trade_noun(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof trade_nominatives / sizeof trade_nominatives[0]; i++)
        if (strlen(trade_nominatives[i]) == n && memcmp(w, trade_nominatives[i], n) == 0)
            return trade_nominatives[i];
    for (size_t i = 0; i < sizeof trade_stems / sizeof trade_stems[0]; i++) {
        size_t k = strlen(trade_stems[i]);
        if (k <= n && memcmp(w, trade_stems[i], k) == 0 &&
            ((n == k && strcmp(trade_stems[i], "ковал") != 0 && strcmp(trade_stems[i], "кравц") != 0 &&
              strcmp(trade_stems[i], "шевц") != 0) ||
             (n > k && redact_sense_is_one(w, k, n, trade_ends))))
            return strcmp(trade_stems[i], "ковал") == 0   ? "коваль"
                   : strcmp(trade_stems[i], "кравц") == 0 ? "кравець"
                   : strcmp(trade_stems[i], "шевц") == 0  ? "швець"
                                                           : trade_stems[i];
    }
    return NULL;
}

/* The adjectives of the trades in -н- (гончарний круг, бондарна
 * майстерня, мельничний жорна, пекарня's пекарний; Russian гончарный,
 * кузнечный, мельничный), as stems, each followed by an adjective's
 * ending (redact_sense_adj_ends): written by us from both grammars (brief s42
 * over42, report-adv41 O-19).  Not those in -ськ-, -цьк- (ковальський,
 * пекарський, ткацький): those are common surnames too (Ковальський,
 * Пекарський), which the capital rule keeps. */
static const char trade_adjectives[] = "гончарн|бондарн|кузнечн|мельничн|пекарн|кушнірн";

/* An adjective's endings, every gender, case and number, Ukrainian and
 * Russian (-ий, -а, -е, -ого, -ому, -им, -ій, -у, -ою, -і, -их, -ими;
 * -ый, -ая, -ое, -ые, -ой, -ую, -ых, -ым, -ыми, -ей, -ее, -ья, -ье). */
const char redact_sense_adj_ends[] =
    "ий|ій|а|я|е|є|і|ї|ого|ому|им|ім|ою|ої|у|ю|их|ими|ый|ая|ое|ые|ой|ую|ых|ым|ыми|ей|ее|ья|ье|ьи|ью|ьего|ьему|ьим|ьих";

int redact_sense_trade_adjective(const char *w, size_t n)
{
    size_t rest;

    return redact_sense_starts_with(&rest, w, 0, n, trade_adjectives) && rest < n &&
           redact_sense_is_one(w, rest, n, redact_sense_adj_ends);
}

/* The endings of a verb's past, infinitive and present that a trade's
 * act takes (кували, кувала, кував, кувати, кують; молотили; ткали,
 * ткать; пекли, пекут): no case form of a noun ends so. */
static const char act_ends[] = "ли|ла|ло|ав|ів|ил|ал|ати|ать|ити|ить|ють|ують|ує|ует|ут|ют|ять";

/* 1 if w[0..n) (norm, lower case) is an act of any trade of the table
 * (a stem of trade_things of four letters or more, then a verb's ending:
 * кували, викувала, молотили, пекли, ткали). */
static int trade_act_of(const char *w, size_t n);

int redact_sense_trade_of(const char *w, size_t n)
{
    return trade_noun(w, n) != NULL || redact_sense_trade_adjective(w, n) || trade_act_of(w, n);
}

/* Nouns that are common surnames too, or whose case forms a common
 * surname's forms are (Шин: шина "tyre", шины, шину; Вовк "wolf"; Сорока
 * "magpie"; Мин: мина "mine"; Хан "khan"; Козак "Cossack"), and nouns
 * whose genitive plural in -ов, -ев is a common surname's nominative
 * (Карпов: карпов, of carps; Волков, Орлов, Соколов, Козлов, Баранов,
 * Быков, Жуков, Комаров, Бобров, Попов, Носов, Зайцев), Russian and
 * Ukrainian, as stems followed by one of a noun's endings (noun_ends) or
 * nothing; written by us from both grammars' declension tables (brief
 * s43, report-adv42 O-7, O-8, O-10, O-11, O-27..O-29).  A given name that
 * is a word (Роман, Лев) is not here: the given names' own rules judge
 * it.  A surname that is another noun is one line here. */
static const char *const noun_stems[] = {
    "шин", "мин", "вовк", "сорок", "ворон", "голуб", "сокол", "сокіл", "козак", "хан", "пан", "лис",
    "кот", "кіт", "карп", "волк", "орл", "козл", "баран", "бык", "бик", "жук", "комар", "бобр",
    "поп", "дьяк", "нос", "зайц", "петух", "соловь", "воробь", "рак",
};

/* A noun's case endings, masculine and feminine, singular and plural, of
 * both grammars (шина, шины, шине, шину, шиной, шиною, шин, шинам,
 * шинами, шинах; вовка, вовку, вовком, вовки, вовків, вовкам; карпов):
 * not -ова, -ову, -овым (a surname's own, no noun's). */
static const char noun_ends[] =
    "а|я|и|ы|е|і|у|ю|ь|ом|ем|єм|ові|еві|ів|ев|ов|ёв|ам|ям|ами|ями|ах|ях|ей|ой|ою|ею|ій";

int redact_sense_noun_of(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof noun_stems / sizeof noun_stems[0]; i++) {
        size_t k = strlen(noun_stems[i]);
        if (k <= n && memcmp(w, noun_stems[i], k) == 0 &&
            (n == k || redact_sense_is_one(w, k, n, noun_ends)))
            return n == k ? 2 : 1;
    }
    return 0;
}

/* The stems of noun_stems whose noun is feminine in -а while the surname
 * ends in a consonant (шина: Шин; мина: Мин): the noun's instrumental and
 * plural oblique endings (noun_only_ends) are then no case of the
 * surname, which declines as a masculine noun (Шина, Шину, Шином, Шины,
 * Шиных, Шиным) or not at all (a woman's). */
static const char *const fem_noun_stems[] = { "шин", "мин" };
static const char noun_only_ends[] = "ой|ою|ам|ами|ах";

int redact_sense_noun_only(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof fem_noun_stems / sizeof fem_noun_stems[0]; i++) {
        size_t k = strlen(fem_noun_stems[i]);
        if (k < n && memcmp(w, fem_noun_stems[i], k) == 0 && redact_sense_is_one(w, k, n, noun_only_ends))
            return 1;
    }
    return 0;
}

/* Each trade's noun in the nominative (and лев, the lion, a given name
 * too: report-adv39 O-4) with the stems of the things and acts of that
 * trade, Ukrainian and Russian (a cooper's barrels and hoops, a smith's
 * horseshoes, forge and forging, a weaver's cloth, loom and weaving;
 * brief s40 uk40, report-adv39 O-1..O-4); written by us.  A stem is
 * matched at a word's start (бочк: бочку, бочки). */
static const struct {
    const char *noun;
    const char *things;
} trade_things[] = {
    { "бондар", "бочк|бочок|бочц|бочеч|діжк|діжок|кадк|кадуб|обруч|клепк|бондарн" },
    { "коваль", "підков|подков|кував|кує|кую|кувал|викув|скув|кузн|ковадл|наковальн|молот|горн" },
    { "кузнец", "подков|кова|кую|кует|кузниц|наковальн|молот|горн" },
    { "ткач", "полотн|тканин|ткань|ткан|ткал|витка|вітка|соткал|виткав|верстат|станк|пряж|нитк|кросн|сукн" },
    { "мельник", "борошн|мук|млин|мельниц|зерн|жорн|помол|змол|смол|молот|обмолот" },
    { "мірошник", "борошн|мук|млин|зерн|жорн|помол|змол|молот|обмолот" },
    { "гончар", "горщ|горш|глин|глек|глечик|посуд|гончарн|миск" },
    { "кравець", "шив|шил|пошив|кроїв|крої|одяг|костюм|сукн|плащ|сорочк" },
    { "швець", "шив|шил|чобот|чобіт|взутт|черевик|підошв|латк" },
    { "кушнір", "хутр|шуб|кожух|шкур" },
    { "пекар", "хліб|хлеб|спік|пек|випік|булк|буханк|тіст|тесто|теста|пиріг|пирог|калач" },
    { "рибак", "риб|сіт|сет|човн|лодк|вуд|улов" },
    { "пастух", "стад|овець|овец|вівц|отар|черед|худоб|корів|коров|кіз|коз" },
    { "лев", "зоопарк|клітк|клетк|грив|рик|рыч|саван|цирк|прайд|левиц|львиц|антилоп|добич|добыч" },
};

static int trade_act_of(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof trade_things / sizeof trade_things[0]; i++) {
        const char *list = trade_things[i].things;
        while (*list != '\0') {
            const char *bar = strchr(list, '|');
            size_t k = bar != NULL ? (size_t)(bar - list) : strlen(list);
            if (k >= 8 && k < n && memcmp(w, list, k) == 0 && redact_sense_ends_with(w, 0, n, act_ends))
                return 1;
            list += k + (bar != NULL);
        }
    }
    return 0;
}

const char *redact_sense_trade_noun(const char *w, size_t n)
{
    return trade_noun(w, n);
}

int redact_sense_trade_thing(const char *noun, size_t nn, const char *w, size_t wn)
{
    size_t rest;

    for (size_t i = 0; i < sizeof trade_things / sizeof trade_things[0]; i++)
        if (strlen(trade_things[i].noun) == nn && memcmp(noun, trade_things[i].noun, nn) == 0)
            return redact_sense_starts_with(&rest, w, 0, wn, trade_things[i].things);
    return 0;
}

int redact_sense_stem(const struct normtext *t, size_t a, size_t wend)
{
    return redact_sense_stem_of(t->norm + a, wend - a);
}
