/* Another person or an ordinary word where a registered name's form
 * stands (redact_sense.h; issue 12/13 over-redaction, brief s45 over45,
 * report-adv44 O-7, O-16, O-19, O-32, O-33, O-44..O-47, O-51..O-53;
 * another person's patronymic, O-18, O-25, O-30, O-31, O-34, was read
 * here in session 45 and taken out: it took the subject's own registered
 * patronymic after her given name, "У Любові Іванівни", for another's;
 * telling them apart needs the hits beside it, which a verdict does not
 * see: docs/VARIANTS.md, "Session 45 (lead)"):
 *
 * - a church's dedication and the apostles' feast (Собор Петра и Павла,
 *   храм святых Петра и Павла: redact_sense_other_named);
 * - a dish or a drink named after a person (пиццу «Маргарита», коктейль
 *   Маргарита: redact_sense_other_named, a review flag);
 * - a street, an avenue, a mosque or a lake named after a person
 *   (проспекте Чавчавадзе, Rustaveli Avenue, Lake Nasser:
 *   redact_sense_other_named, a review flag; brief s47 pub47);
 * - a public figure's surname in the figure's whole name (Ким Ир Сен, Kim
 *   Jong-un, Брюс Ли: redact_sense_public_figure, kept), any word of it
 *   for the figures of Russia, Ukraine, Kazakhstan, Georgia and Egypt
 *   (Виктора Цоя, Vladimir Putin), and God's name (Аллаху, Allah, Kazakh
 *   "Алла разы болсын"; brief s47 pub47);
 * - a form that is also an ordinary adjective at a sentence's start with
 *   no word after it that marks a person (Любой ценой, Любую работу:
 *   redact_sense_word_at_start, a review flag).
 *
 * The tables are written by us; their sources are named beside each. */
#include <stdint.h>
#include <string.h>

#include "privacy/flag_context.h"
#include "privacy/nicknames.h"
#include "privacy/normalise.h"
#include "privacy/redact_int.h"
#include "privacy/redact_sense.h"
#include "privacy/variants_int.h"

/* The nouns of a church, a chapel, a monastery or a cathedral (Russian,
 * Ukrainian, every case), and the words for saints and apostles in the
 * plural that may stand between them and the saints' names ("Собор
 * святых Петра и Павла", "храм апостолов Петра и Павла"): a dedication
 * names the saints, not a person (written by us). */
static const char church_nouns[] =
    "собор|собора|собору|собором|соборе|храм|храма|храму|храмом|храме|церковь|церкви|"
    "церковью|церква|церкві|церкву|церквою|часовня|часовни|часовне|часовню|каплиця|каплиці|"
    "монастырь|монастыря|монастыре|монастир|монастиря|монастирі|лавра|лавры|лаврі|костёл|костел|"
    "костела|костелі|крепость|крепости|фортеця|фортеці|приход|прихода|парафія|парафії";
static const char saints_plural[] = "святых|святих|апостолов|апостолів|свв|первоверховных";

/* The names of the apostles Peter and Paul in their cases, whose pair is
 * the feast of 29 June (12 July) and many churches' dedication (Петра и
 * Павла, Петро і Павло): the Orthodox calendar.  Not a surname built on
 * them (Петрову, Павлова). */
static const char apostle_names[] =
    "пётр|петр|петра|петру|петром|петре|петро|петрові|петрові|павел|павла|павлу|павлом|павле|павло|"
    "павлові|павлі|петрі";

/* 1 if the word [a, wend) is the name of an apostle joined by и, і, та to
 * the other's ("Петра и Павла", "Павла і Петра"). */
static int apostle_pair(const struct normtext *t, size_t a, size_t wend)
{
    size_t ja, jb, na, nb, pa, pb;

    if (!redact_sense_is_one(t->norm, a, wend, apostle_names))
        return 0;
    if (redact_sense_next_word(&ja, &jb, t, wend, 0) && redact_sense_is_one(t->norm, ja, jb, "и|і|та|й") &&
        redact_sense_next_word(&na, &nb, t, jb, 0) && redact_sense_is_one(t->norm, na, nb, apostle_names) &&
        memcmp(t->norm + na, t->norm + a, 4) != 0)
        return 1;
    return redact_sense_prev_word(&ja, &jb, t, a) && redact_sense_is_one(t->norm, ja, jb, "и|і|та|й") &&
           redact_sense_prev_word(&pa, &pb, t, ja) && redact_sense_is_one(t->norm, pa, pb, apostle_names) &&
           memcmp(t->norm + pa, t->norm + a, 4) != 0;
}

/* 1 if a church's noun stands before the word at a, over the saints'
 * plural or a conjunction and a name ("Собор Петра", "собор святых Петра
 * и Павла", "храм Петра и Павла"). */
static int church_before(const struct normtext *t, size_t a)
{
    size_t pa, pb;

    for (int i = 0; i < 4 && redact_sense_prev_word(&pa, &pb, t, a); i++, a = pa) {
        if (redact_sense_is_one(t->norm, pa, pb, church_nouns))
            return 1;
        if (!redact_sense_is_one(t->norm, pa, pb, saints_plural) &&
            !redact_sense_is_one(t->norm, pa, pb, "и|і|та|й") && !(i > 0 && redact_sense_upper(t, pa)))
            return 0;
    }
    return 0;
}

/* Nouns of a dish or a drink named after a person (пицца «Маргарита»,
 * коктейль Маргарита, торт «Наполеон», салат «Оливье»), Russian and
 * Ukrainian, every case, and English (pizza Margherita: brief s48 pub48,
 * report-adv46b O-7): the name after them (in quotes or not) is the
 * dish's, not a person's (brief s46 short46, report-adv45 O-66, O-71;
 * written by us). */
static const char dish_nouns[] =
    "пицца|пиццы|пицце|пиццу|пиццей|пиццею|піца|піци|піці|піцу|піцою|"
    "коктейль|коктейля|коктейлю|коктейлем|коктейле|коктейлі|коктейлем|коктейлю|"
    "торт|торта|торту|тортом|торте|торті|салат|салата|салату|салатом|салате|салаті|"
    "pizza|pizzas|cocktail|cocktails|cake|salad";

/* 1 if a dish's noun (dish_nouns) stands right before the word at a,
 * over one opening quotation mark. */
static int dish_before(const struct normtext *t, size_t a)
{
    static const char *const marks[] = { "\u00AB", "\u201E", "\u201C", "\"" };
    size_t pa, pb;

    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        size_t n = strlen(marks[i]);
        if (a >= n && memcmp(t->norm + a - n, marks[i], n) == 0) {
            a -= n;
            break;
        }
    }
    return redact_sense_prev_word(&pa, &pb, t, a) && redact_sense_is_one(t->norm, pa, pb, dish_nouns);
}

/* The nouns of a street, an avenue, a square, a bridge, an airport, a
 * mosque or a lake (Russian, Ukrainian, every case) that a name after
 * them in the genitive or as written names the thing, not a person
 * (проспект Руставели, улица Пушкина, вулиця Шевченка; brief s47 pub47,
 * report-adv46 O-33, O-42; written by us); and a river's, a lake's, a
 * station's, a university's and an airport's (река Лена, на реке Лене:
 * brief s48 pub48, report-adv46b O-4, O-5; written by us).  Not имени, им.: "по имени
 * Алла" names a person. */
static const char street_nouns[] =
    "улица|улицы|улице|улицу|улицей|проспект|проспекта|проспекту|проспектом|проспекте|"
    "переулок|переулка|переулке|бульвар|бульвара|бульваре|площадь|площади|площадью|набережная|"
    "набережной|шоссе|вулиця|вулиці|вулицю|вулицею|проспекті|провулок|провулку|площа|площі|"
    "майдан|майдані|мечеть|мечети|мечеті|река|реки|реке|реку|рекой|рекою|ріка|ріки|ріці|ріку|"
    "річка|річки|річці|річку|річкою|озеро|озера|озеру|озером|озере|озері|станция|станции|станцию|"
    "станцией|станція|станції|станцію|станцією|вокзал|вокзала|вокзале|вокзалі|университет|"
    "университета|университете|университету|университетом|університет|університету|"
    "університеті|університетом|аэропорт|аэропорта|аэропорту|аэропорте|аеропорт|аеропорту|"
    "аеропорті";

/* The same written with a capital after a name in English (Rustaveli
 * Avenue, Chavchavadze Avenue, Hassan II Mosque) or before it (Lake
 * Nasser): the thing's name (brief s47 pub47, report-adv46 O-19, O-20,
 * O-34, O-41; written by us); a river, a university, a station, an
 * airport, a lake, a canal, a valley, a dam after it (Lena River, Orlov
 * River: brief s48 pub48, report-adv46b O-1, O-6).  Not Park, Hall,
 * Church: surnames. */
static const char thing_after_words[] = "avenue|street|boulevard|square|mosque|bridge|prospekt|highway|river|"
                                        "university|station|airport|lake|canal|valley|dam|reservoir";
static const char thing_before_words[] = "lake|mount|avenue";

/* The Kazakh nouns of a street, an avenue, a square, a river and a
 * university that stand in lower case after the name they carry, with
 * their case and possessive endings (Абай көшесі, Абай көшесінде,
 * Абай даңғылы "Abai avenue", Есіл өзені: brief s48 pub48, report-adv47
 * O-26; written by us from the Kazakh grammar's possessive -сы/-сі, -ы/-і
 * and the cases after it: -нда/-нде, -на/-не, -н, -нан/-нен, -мен, -ның/
 * -нің). */
static const char kk_thing_after[] =
    "көше|көшесі|көшесінде|көшесіне|көшесін|көшесінен|көшесімен|көшесінің|даңғыл|даңғылы|"
    "даңғылында|даңғылына|даңғылын|даңғылынан|даңғылының|алаңы|алаңында|алаңына|өзені|өзенінде|"
    "өзеніне|өзенінің|университеті|университетінде|университетіне|университетінің";

/* The nouns, with a capital, that end the name of a town whose first word
 * is an adjective that is also a surname (Белая Церковь / Біла Церква,
 * Великий and Нижний Новгород, Красная Поляна, Белая Калитва: the Russian
 * and Ukrainian Wikipedia articles of those towns), in their cases: the
 * town, not the subject Белая, Великий, Красный (brief s48 slav48,
 * report-adv47 O-16). */
static const char town_after_words[] =
    "церковь|церкви|церкву|церковью|церква|церкві|церквою|новгород|новгорода|новгороду|"
    "новгородом|новгороде|поляна|поляны|поляне|поляну|поляной|калитва|калитвы|калитве|калитву|"
    "калитвой";

/* The nouns, in lower case, of a sea or a hill whose name is an adjective
 * that is also a surname, in their cases (Чорне море, Чорного моря, Белое
 * море, Лиса гора, Лысая гора, Біла гора: the Russian and Ukrainian
 * Wikipedia articles of those places): the place, a review flag, not the
 * subject Чорна, Лысый (brief s50 slav50; adv49-open line 42, once the
 * family's forms made Чорного a form of Чорна). */
static const char place_after_words[] =
    "море|моря|морю|морем|морі|горе|гора|гори|горы|горі|гору|горою|горой";

/* 1 if a street's noun (street_nouns) in lower case stands right before
 * the word at a, or a thing's noun (thing_after_words) or a town's
 * (town_after_words) with a capital right after the word ending at wend,
 * or (thing_before_words) with a capital right before a. */
static int street_named(const struct normtext *t, size_t a, size_t wend)
{
    size_t pa, pb, na, nb;

    if (redact_sense_prev_word(&pa, &pb, t, a) && pb + 1 == a &&
        ((redact_sense_lower(t, pa) && redact_sense_is_one(t->norm, pa, pb, street_nouns)) ||
         (redact_sense_upper(t, pa) && redact_sense_is_one(t->norm, pa, pb, thing_before_words))))
        return 1;
    if (!redact_sense_next_word(&na, &nb, t, wend, 0) || na != wend + 1)
        return 0;
    return (redact_sense_upper(t, na) && (redact_sense_is_one(t->norm, na, nb, thing_after_words) ||
                                          redact_sense_is_one(t->norm, na, nb, town_after_words))) ||
           (redact_sense_lower(t, na) && (redact_sense_is_one(t->norm, na, nb, kk_thing_after) ||
                                          redact_sense_is_one(t->norm, na, nb, place_after_words)));
}

int redact_sense_other_named(const struct normtext *t, size_t a, size_t b)
{
    size_t wend;
    int first;

    if (a >= b || b > t->normlen || utf8_next(&first, t->norm + a, t->normlen - a) <= 0 ||
        (a > 0 && is_word_cp(redact_cp_before(t->norm, a))))
        return 0;
    wend = redact_sense_run_end(t, a);
    if (wend < b)
        return 0;
    if (redact_sense_upper(t, a) && (street_named(t, a, wend) || dish_before(t, a)))
        return 1;
    if (first < 0x400 || first > 0x52F)
        return 0;
    return apostle_pair(t, a, wend) ||
           (redact_sense_upper(t, a) && (church_before(t, a) || dish_before(t, a)));
}

/* ---- Public figures ---- */

/* Public figures whose whole name holds a common Korean surname (Ким, Ли,
 * Пак, Мун, Юн: the surnames of the stores' Koryo-saram and Korean
 * subjects), each word's spellings '|'-separated, in Cyrillic (the
 * Kontsevich system as Russian writes them) and Latin (the spellings the
 * English press uses): the heads of state of the two Koreas and Bruce
 * Lee, as the English and Russian Wikipedia articles title them (Kim
 * Il-sung / Ким Ир Сен, Kim Jong-il / Ким Чен Ир, Kim Jong-un / Ким Чен
 * Ын, Kim Yo-jong / Ким Ё Чжон, Syngman Rhee / Ли Сын Ман, Park Chung-hee
 * / Пак Чон Хи, Kim Young-sam / Ким Ён Сам, Kim Dae-jung / Ким Дэ Чжун,
 * Roh Moo-hyun / Но Му Хён, Lee Myung-bak / Ли Мён Бак, Park Geun-hye /
 * Пак Кын Хе, Moon Jae-in / Мун Чжэ Ин, Yoon Suk-yeol / Юн Сок Ёль, Lee
 * Jae-myung / Ли Чжэ Мён, Bruce Lee / Брюс Ли).  Written whole, they
 * name the figure, not a subject (brief s45 over45, report-adv44
 * O-44..O-47, O-51..O-53); only the surname is kept there (a subject
 * "Il" in "Kim Il-sung" is cut out: test_redact).
 *
 * Then (surname FIGURE_ANY: every word of the name is kept) the public
 * figures of the stores' regions whose whole name a subject may share a
 * word of, as the English, Russian, Ukrainian and Georgian Wikipedia
 * articles title them: the heads of state of Russia, Ukraine,
 * Kazakhstan, Georgia and Egypt since 1917 (Wikipedia's "List of heads
 * of state of ..."), and the writers, singers, athletes and scientists
 * the testimony names (Viktor Tsoi, Taras Shevchenko, Andriy Shevchenko,
 * Alla Pugacheva, Anatoly Karpov, Garry Kasparov, Yuri Gagarin, Alexander
 * Pushkin, Shota Rustaveli, Ilia Chavchavadze: brief s47 pub47, report-adv46 O-1..O-4, O-18, O-24,
 * O-25, O-31, O-33, O-34, O-38..O-40, O-43).  Safety: a subject
 * registered under the figure's whole name is replaced there, as the
 * registered name's hit holds a space and is no one word of it
 * (redact_sense_public_figure). */
#define FIGURE_WORDS 3
#define FIGURE_ANY (-1)
static const struct {
    const char *w[FIGURE_WORDS];
    int surname; /* the index of the surname among w, or FIGURE_ANY */
} figures[] = {
    { { "ким|kim", "ир|il", "сен|sung|song" }, 0 },
    { { "ким|kim", "чен|jong|chong", "ир|il" }, 0 },
    { { "ким|kim", "чен|jong|chong", "ын|un|eun" }, 0 },
    { { "ким|kim", "ё|е|yo", "чжон|jong" }, 0 },
    { { "ким|kim", "ён|ен|young|yong", "сам|sam" }, 0 },
    { { "ким|kim", "дэ|де|dae", "чжун|jung" }, 0 },
    { { "ли|lee|rhee|yi", "сын|syng|seung", "ман|man" }, 0 },
    { { "syngman", "rhee|lee", NULL }, 1 },
    { { "ли|lee", "мён|мен|myung|myeong", "бак|bak|pak" }, 0 },
    { { "ли|lee", "чжэ|чже|jae", "мён|мен|myung|myeong" }, 0 },
    { { "пак|park|pak", "чон|chung|jung", "хи|hee|hui" }, 0 },
    { { "пак|park|pak", "кын|geun|keun", "хе|hye" }, 0 },
    { { "мун|moon|mun", "чжэ|чже|jae", "ин|in" }, 0 },
    { { "юн|yoon|yun", "сок|suk|seok", "ёль|ель|yeol|yol" }, 0 },
    { { "брюс|bruce", "ли|lee", NULL }, 1 },
    /* The actor Kim Soo-hyun (the English Wikipedia's "Kim Soo-hyun", the
     * Russian "Ким Су Хён"), Falun Gong's founder Li Hongzhi (the English
     * "Li Hongzhi", the Russian "Ли Хунчжи" and the press's Ли Хонгжи),
     * Kim Kardashian (the English "Kim Kardashian", the Russian
     * "Кардашьян, Ким"): brief s53 over53, report-adv52 O-7..O-9. */
    { { "ким|kim", "су|soo|su", "хён|хен|hyun|hyeon" }, 0 },
    { { "ли|li|lee", "хунчжи|хонгжи|хончжи|hongzhi", NULL }, 0 },
    { { "ким|kim", "кардашьян|кардашян|kardashian", NULL }, FIGURE_ANY },
    /* Russia and the Soviet Union. */
    { { "владимир|vladimir", "путин|putin", NULL }, FIGURE_ANY },
    { { "владимир|vladimir", "ленин|lenin", NULL }, FIGURE_ANY },
    { { "дмитрий|дмитрия|дмитрию|дмитрием|дмитрии|dmitry|dmitri", "медведев|medvedev", NULL }, FIGURE_ANY },
    { { "борис|boris", "ельцин|yeltsin", NULL }, FIGURE_ANY },
    { { "михаил|mikhail", "горбачёв|горбачев|gorbachev|gorbachov", NULL }, FIGURE_ANY },
    { { "иосиф|iosif|joseph", "сталин|stalin", NULL }, FIGURE_ANY },
    { { "леонид|leonid", "брежнев|brezhnev", NULL }, FIGURE_ANY },
    { { "никита|никиты|никите|никиту|никитой|nikita", "хрущёв|хрущев|khrushchev", NULL }, FIGURE_ANY },
    { { "юрий|юрия|юрию|юрием|юрии|yuri|yury", "гагарин|gagarin", NULL }, FIGURE_ANY },
    { { "александр|alexander|aleksandr", "пушкин|pushkin", NULL }, FIGURE_ANY },
    { { "анатолий|анатолия|анатолию|анатолием|анатолии|anatoly|anatoli", "карпов|karpov", NULL }, FIGURE_ANY },
    { { "гарри|garry|garri", "каспаров|kasparov", NULL }, FIGURE_ANY },
    { { "виктор|viktor|victor", "цой|цоя|цою|цоем|цое|tsoi|tsoy", NULL }, FIGURE_ANY },
    /* Leo Tolstoy, Ivan Pavlov (and Pavlov's dog, Собака Павлова: the
     * Russian Wikipedia's article), Vlad the Impaler (Vlad III, Влад
     * Цепеш): brief s48 pub48, report-adv47 O-18, report-adv46 O-26,
     * O-47. */
    { { "лев|льва|льву|львом|льве|lev|leo", "толстой|толстого|толстому|толстым|толстом|tolstoy|tolstoi", NULL },
      FIGURE_ANY },
    { { "иван|ивана|ивану|иваном|иване|ivan", "павлов|pavlov", NULL }, FIGURE_ANY },
    { { "собака|собаки|собаке|собаку|собакой|собак|собаками|собаках|собакам|собаці|собакою",
        "павлова|павлову", NULL }, 1 },
    { { "vlad|влад", "the", "impaler" }, 0 },
    /* The White House, as Russian and Ukrainian name it (Белый дом,
     * Білий дім: the Wikipedia articles; brief s48 pub48, report-adv46
     * O-46). */
    { { "белый|белого|белому|белом|білий|білого|білому|білим|білім", "дом|дома|дому|домом|доме|дім|дому|домі|домом",
        NULL }, 0 },
    /* The Prophet of Islam after his title (the English, Russian and
     * Arabic Wikipedia articles "Muhammad", "Мухаммед", "محمد": the
     * Prophet Muhammad, пророк Мухаммед, النبي محمد; brief s48 pub48,
     * report-adv47 O-9). */
    { { "prophet|пророк|пророка|пророку|пророком|пророке|النبي|الرسول|رسول", "muhammad|mohammed|muhammed|mohammad|"
        "mohamed|мухаммед|мухаммад|мухаммеда|мухаммада|мухаммеду|мухаммаду|мухаммедом|мухаммадом|"
        "мухаммеде|мухаммаде|محمد", NULL }, 1 },
    { { "влад|влада|владу|владом|владе|vlad", "цепеш|цепеша|цепешу|цепешем|цепеше|țepeș|tepes|dracula|дракула|"
        "дракулы|дракуле|дракулу", NULL }, FIGURE_ANY },
    { { "алла|аллы|алле|аллу|аллой|alla", "пугачёва|пугачева|пугачёвой|пугачевой|пугачёву|пугачеву|pugacheva|pugachova",
        NULL }, FIGURE_ANY },
    /* Ukraine. */
    { { "владимир|володимир|volodymyr|vladimir", "зеленский|зеленського|зеленському|зеленським|зеленський|"
        "зеленского|зеленскому|зеленским|zelensky|zelenskyy|zelenskiy", NULL }, FIGURE_ANY },
    { { "пётр|петр|петро|petro|petr|pyotr", "порошенко|poroshenko", NULL }, FIGURE_ANY },
    { { "виктор|віктор|viktor", "янукович|yanukovych|yanukovich", NULL }, FIGURE_ANY },
    { { "леонид|леонід|leonid", "кучма|кучмы|кучми|кучме|кучмі|кучму|кучмой|кучмою|kuchma", NULL }, FIGURE_ANY },
    { { "тарас|taras", "шевченко|шевченка|шевченку|шевченкові|шевченком|shevchenko", NULL }, FIGURE_ANY },
    { { "андрей|андрія|андрій|андрея|андрею|андрієм|андреем|andriy|andrii|andrei|andrey",
        "шевченко|шевченка|шевченку|шевченкові|шевченком|shevchenko", NULL }, FIGURE_ANY },
    /* Kazakhstan. */
    { { "нурсултан|nursultan", "назарбаев|nazarbayev|nazarbaev", NULL }, FIGURE_ANY },
    { { "касым|қасым|kassym|kasym", "жомарт|jomart|zhomart", "токаев|тоқаев|tokayev|tokaev" }, FIGURE_ANY },
    /* Georgia (Georgian script: the name's nominative, genitive, dative
     * and instrumental). */
    { { "шота|shota|შოთა|შოთას", "руставели|rustaveli|რუსთაველი|რუსთაველის|რუსთაველს|რუსთაველით", NULL }, FIGURE_ANY },
    { { "илья|ильи|илье|илью|ильёй|ильей|илия|ilia|ilya|ილია|ილიას", "чавчавадзе|chavchavadze|ჭავჭავაძე|ჭავჭავაძის|"
        "ჭავჭავაძეს|ჭავჭავაძით", NULL }, FIGURE_ANY },
    { { "эдуард|eduard", "шеварднадзе|shevardnadze", NULL }, FIGURE_ANY },
    /* The historian whose name Tbilisi State University bears (brief s48
     * pub48, report-adv47 O-12). */
    { { "иване|ivane|ივანე|ივანეს", "джавахишвили|javakhishvili|ჯავახიშვილი|ჯავახიშვილის|ჯავახიშვილს|"
        "ჯავახიშვილით", NULL }, FIGURE_ANY },
    { { "михаил|михеил|mikheil|mikhail", "саакашвили|saakashvili", NULL }, FIGURE_ANY },
    /* The Virgin Mary in a prayer's fixed words, not a subject Марія,
     * Maria: the Latin Angelic Salutation "Ave Maria, gratia plena" and
     * its hymn (Аве Марія, Аве Мария), the Ukrainian and Russian
     * vocative "Пресвята Діво Маріє", "Діво Маріє" (the Ukrainian Greek
     * Catholic Church's prayer book, Молитовник; the Russian "Дево
     * Мария") and "Свята Маріє" of the Ukrainian Hail Mary ("Свята
     * Маріє, Мати Божа"): brief s50 slav50, report-adv48 O-12, O-13,
     * report-adv49 O-4, O-5. */
    { { "аве|ave", "марія|мария|маріє|марие|maria", NULL }, FIGURE_ANY },
    { { "діво|діва|дево|дева|virgo", "маріє|марія|мария|марие|maria", NULL }, FIGURE_ANY },
    { { "свята|святая|sancta", "маріє|марие", NULL }, FIGURE_ANY },
    /* The writer Tatyana Tolstaya (the Russian Wikipedia's "Толстая,
     * Татьяна Никитична"), not a subject Толстой's wife: adv47-open
     * line 95, once the family's forms made Tolstaya a form of Толстой
     * (brief s50 slav50). */
    { { "татьяна|тетяна|tatyana|tatiana", "толстая|толстой|толстую|толстою|tolstaya|tolstaia", NULL }, FIGURE_ANY },
    /* Egypt (the English press's spellings). */
    { { "gamal|гамаль", "abdel|abdul|абдель", "nasser|naser|насер|насера|насеру|насером" }, FIGURE_ANY },
    /* Muhammad Ali: the boxer, and the Pasha of Egypt whose mosque stands
     * in Cairo's citadel (the English Wikipedia articles "Muhammad Ali",
     * "Muhammad Ali of Egypt", "Mosque of Muhammad Ali"); the rulers of
     * Saudi Arabia and Dubai by their nasab, as the English and Russian
     * press write them ("Mohammed bin Salman", "Mohammed bin Rashid Al
     * Maktoum"); brief s52 arab52, report-adv52 O-1, O-3, O-4. */
    { { "muhammad|mohammed|muhammed|mohammad|mohamed|mohamad|muhamad|мухаммед|мухаммад|мохаммед", "али|ali|aly", NULL }, FIGURE_ANY },
    { { "muhammad|mohammed|muhammed|mohammad|mohamed|mohamad|muhamad|мухаммед|мухаммад|мохаммед", "бин|bin|ibn|ибн", "салман|salman" }, FIGURE_ANY },
    { { "muhammad|mohammed|muhammed|mohammad|mohamed|mohamad|muhamad|мухаммед|мухаммад|мохаммед", "бин|bin|ibn|ибн", "рашид|rashid|rashed" }, FIGURE_ANY },
    /* The shahada's second half, "Muhammadun rasulu llah" (Muhammad is
     * the messenger of God: the English Wikipedia article "Shahada"), as
     * Latin and Cyrillic letters write it: the Prophet, not a subject
     * (brief s52 arab52, report-adv52 O-2). */
    { { "muhammadun|muhammad|mohammed|muhammed|mohammad|mohamed|mohamad|muhamad|мухаммед|мухаммад|мохаммед", "rasul|rasool|rasoul|rasulu|расуль|расул|расулю", "allah|allahi|llah|аллах|аллаха|аллаху" }, FIGURE_ANY },
    { { "muhammadun|muhammad|mohammed|muhammed|mohammad|mohamed|mohamad|muhamad|мухаммед|мухаммад|мохаммед", "rasulullah|rasoolullah|rasulallah|расулюллах|расулуллах", NULL }, FIGURE_ANY },
};

/* The case endings a Cyrillic word of a figure's name may take in
 * Russian (Ким Ир Сена, Брюсом Ли, Ким Чен Иром). */
static const char figure_ends[] = "а|я|у|ю|ом|ем|е|ым|им";

/* The end of the word of spellings alts that starts at norm byte p of t
 * (a spelling, then for a Cyrillic one a case ending, then no letter), or
 * 0. */
static size_t figure_word_at(const struct normtext *t, size_t p, const char *alts)
{
    size_t e = redact_sense_run_end(t, p);

    if (e <= p)
        return 0;
    for (const char *list = alts; *list != '\0';) {
        const char *bar = strchr(list, '|');
        size_t k = bar != NULL ? (size_t)(bar - list) : strlen(list);
        if (k <= e - p && memcmp(t->norm + p, list, k) == 0 &&
            (p + k == e || ((unsigned char)list[0] >= 0x80 && redact_sense_is_one(t->norm, p + k, e, figure_ends))))
            return e;
        list += k + (bar != NULL);
    }
    return 0;
}

/* The end of figure i's whole name written from norm byte p of t (its
 * words one space or a hyphen apart: Kim Il-sung, Ли Сын Ман), or 0; in
 * [*sa, *sb) its surname's word, or (a figure of FIGURE_ANY) the word
 * that covers [a, b), else 0 and 0. */
static size_t figure_end(const struct normtext *t, size_t p, size_t i, size_t a, size_t b, size_t *sa,
                         size_t *sb)
{
    size_t e = 0;

    *sa = *sb = 0;
    for (int w = 0; w < FIGURE_WORDS && figures[i].w[w] != NULL; w++) {
        if (w > 0) {
            if (e >= t->normlen || (t->norm[e] != ' ' && t->norm[e] != '-'))
                return 0;
            p = e + 1;
        }
        if ((e = figure_word_at(t, p, figures[i].w[w])) == 0)
            return 0;
        if (w == figures[i].surname || (figures[i].surname == FIGURE_ANY && p <= a && b <= e))
            *sa = p, *sb = e;
    }
    return e;
}

/* 1 if the whole name of figure i starts at norm byte p of t and its
 * surname covers [a, b): a subject's given name spelled as a figure's
 * given name is left to the other rules (test_redact's "Kim Il-sung" of
 * a person "Il"). */
static int figure_at(const struct normtext *t, size_t p, size_t i, size_t a, size_t b)
{
    size_t sa, sb;

    return figure_end(t, p, i, a, b, &sa, &sb) != 0 && sb > 0 && sa <= a && b <= sb;
}

/* God's name in Arabic as Russian, Kazakh and English write it: Аллах in
 * its Russian cases (Аллаха, Аллаху, Аллахом), Kazakh Алла, Аллаһ in
 * their cases (Алланың, Аллаға, Алланы, Аллада, Алладан, Алламен: no
 * form of the Russian given name Алла, whose cases are Аллы, Алле, Аллу,
 * Аллой), and Allah (the Russian and Kazakh Wikipedia articles "Аллах",
 * "Алла"; brief s47 pub47, report-adv46 O-28..O-32). */
static const char god_names[] =
    "аллах|аллаха|аллаху|аллахом|аллахе|аллаһ|аллаһа|аллаһу|аллаһқа|аллаһтың|аллаһты|аллаһтан|"
    "алланың|аллаға|алланы|аллада|алладан|алламен|allah|allahu";

/* The Kazakh words that follow God's name Алла, written bare as the
 * given name is, in the everyday blessings and oaths (Алла разы болсын
 * "may God be pleased", Алла тағала "God almighty", Алла бұйырса "God
 * willing", Алла сақтасын "God keep", Алла жар болсын "God help",
 * Алла біледі "God knows", Алла кешірсін "God forgive", Алла ақ
 * "by God"; Алла қаласа, Алла жазса, Алла бұйыртса "God willing", Алла
 * өзі "God himself", Алла береке берсін "God give plenty": brief s48
 * pub48, report-adv47 O-22, O-23; written by us). */
static const char god_blessing_words[] =
    "разы|тағала|тағаланың|бұйырса|сақтасын|жар|біледі|кешірсін|ақ|жарылқасын|оңдасын|берсін|"
    "қолдасын|ұрсын|атсын|қаласа|жазса|жазғаны|қалаған|бұйыртса|өзі|тілеуін|сақтай|береке";

/* 1 if the one word at norm bytes [a, b) of t is God's name: a form of
 * god_names, or Алла before a word of god_blessing_words. */
static int god_name(const struct normtext *t, size_t a, size_t b)
{
    size_t wend = redact_sense_run_end(t, a), na, nb;

    if (wend < b || (a > 0 && is_word_cp(redact_cp_before(t->norm, a))))
        return 0;
    if (redact_sense_is_one(t->norm, a, wend, god_names))
        return 1;
    return wend - a == strlen("алла") && memcmp(t->norm + a, "алла", wend - a) == 0 &&
           redact_sense_next_word(&na, &nb, t, wend, 0) && redact_sense_lower(t, na) &&
           redact_sense_is_one(t->norm, na, nb, god_blessing_words);
}

/* The bytes before a hit that a figure's name may start at. */
#define FIGURE_SPAN 48

/* 1 if the hit of more than one word at norm bytes [a, b) of t starts a
 * figure's whole name that goes on past b ("Kim Soo" of "Kim
 * Soo-hyun"): the figure.  A hit of the figure's whole name (a subject
 * registered so) is not (brief s53 over53). */
static int figure_prefix(const struct normtext *t, size_t a, size_t b)
{
    size_t e, sa, sb;

    if (a > 0 && is_word_cp(redact_cp_before(t->norm, a)))
        return 0;
    for (size_t i = 0; i < sizeof figures / sizeof figures[0]; i++)
        if ((e = figure_end(t, a, i, a, b, &sa, &sb)) > b)
            return 1;
    return 0;
}

int redact_sense_public_figure(const struct normtext *t, size_t a, size_t b)
{
    size_t lo = a > FIGURE_SPAN ? a - FIGURE_SPAN : 0;

    if (a >= b || b > t->normlen)
        return 0;
    if (memchr(t->norm + a, ' ', b - a) != NULL)
        return figure_prefix(t, a, b);
    if (god_name(t, a, b))
        return 1;
    for (size_t p = a + 1; p-- > lo;) {
        if ((p > 0 && is_word_cp(redact_cp_before(t->norm, p))) || ((unsigned char)t->norm[p] & 0xC0) == 0x80)
            continue;
        for (size_t i = 0; i < sizeof figures / sizeof figures[0]; i++)
            if (figure_at(t, p, i, a, b))
                return 1;
    }
    return 0;
}

/* ---- An ordinary word at a sentence's start ---- */

/* The endings of an adjective in any gender, case and number (Russian,
 * Ukrainian) but the ambiguous -ой, -ей, which a feminine name's
 * instrumental has too (Любой, Милочкой). */
static const char adjective_ends[] =
    "ая|яя|ую|юю|ые|ие|ое|ее|ого|его|ому|ему|ым|им|ых|их|ий|ый|ими|ыми";

/* The endings of a Russian or Ukrainian surname in -ов, -ев, -ин declined
 * as a possessive adjective (Петровых, Петровой, Сорокиным): the word list
 * knows many as words (петрових "Petrov's"), but at a sentence's start
 * before a word in lower case they are the surname ("Петрових не було":
 * slav25.jsonl line 7), never taken for an ordinary adjective. */
static const char surname_adjective_ends[] =
    "овых|ових|овым|овим|овыми|овими|овой|ового|овому|евых|евих|евым|евим|евыми|евими|евой|евог"
    "о|евому|ёвых|ёвих|ёвым|ёвим|ёвыми|ёвими|ёвой|ёвого|ёвому|иных|иних|иным|иним|иными|иними|и"
    "ной|иного|иному|ыных|ыних|ыным|ыним|ыными|ыними|ыной|ыного|ыному";

/* The oblique endings of an adjective and the endings of a noun that
 * agrees with it in case, pair by pair (Russian and Ukrainian grammar: the
 * hard and soft adjective declension; "Толстого кота", "Белой ниткой",
 * "Белую скатерть" is left: an accusative noun's ending tells nothing).
 * Not the nominative -ий, -ый, -ая (Юрий, Аглая are names), nor -их,
 * -ых, -им, -ым (Черных, Седых, Ким are surnames as they stand). */
static const struct { const char *adj, *noun; } agreement[] = {
    { "ого|его", "а|я" },
    { "ому|ему", "у|ю" },
    { "ой|ей", "ой|ей|ёй" },
    { "ою|ею", "ою|ею|ёю" },
    { "ыми|ими", "ами|ями|ьми" },
    /* Ukrainian feminine genitive -ої before a noun in -і, -и ("Чорної
     * ночі", "Білої хати": the Ukrainian academic grammar, Сучасна
     * українська літературна мова, the hard adjective declension; brief
     * s51 slav51). */
    { "ої", "і|и" },
};

/* 1 if the word [a, wend) of t (norm, lower case), which the word lists
 * do not know, is an oblique case of an adjective with the lower-case
 * noun [na, nb) after it in the same case (agreement): an adjective-type
 * surname's form (Толстого, Белой: variants_uk_surname.c) written as the
 * ordinary adjective it is at a sentence's start, before its noun ("Белой
 * ниткой шито", "Толстого кота мы оставили": brief s48 slav48,
 * report-adv47 O-15, O-17).  The runtime has no Russian dictionary to ask
 * (util/lexicon.h): the noun's agreeing ending stands for it. */
static int oblique_feminine_noun(const struct normtext *t, size_t na, size_t nb);

static int agreeing_adjective(const struct normtext *t, size_t a, size_t wend, size_t na, size_t nb)
{
    for (size_t i = 0; i < sizeof agreement / sizeof agreement[0]; i++)
        if (redact_sense_ends_with(t->norm, a, wend, agreement[i].adj))
            return nb > na + 4 && (redact_sense_ends_with(t->norm, na, nb, agreement[i].noun) ||
                                   (i == 2 && oblique_feminine_noun(t, na, nb)));
    return 0;
}

/* nicknames_each's fn: the word has a short form, it is a given name. */
static int is_given(void *ctx, const char *form, size_t formlen)
{
    (void)form, (void)formlen;
    *(int *)ctx = 1;
    return 1;
}

/* Russian and Ukrainian pronouns in a case that ends in a consonant, and
 * the pronouns of "themselves, alone, all" that agree as an adjective
 * does (Білі самі, Чорна сама, Косые все; written by us from Russian and
 * Ukrainian grammar). */
static const char *const oblique_pronouns[] = { "нас", "вас", "нам", "вам", "них", "всех", "всіх",
                                                "сам", "ним", "нім", "всім", "сама", "сами", "самі",
                                                "одна", "одни", "одні", "вся", "все", "всі", "усі",
                                                /* possessive and demonstrative pronouns
                                                 * after a name ("Дарьюшенька моя":
                                                 * adv32-open line 13) */
                                                "моя", "твоя", "своя", "наша", "ваша", "мой", "твой",
                                                "свой", "наш", "ваш", "мои", "твои", "свои", "наши",
                                                "ваши", "мої", "твої", "свої", "наші", "ваші", "эта",
                                                "этот", "эти", "цей", "тот", "той", "тая" };

/* Russian and Ukrainian adverbs that end as a noun of the nominative
 * agreement does (-а, -я, -и, -і: тогда, сегодня, завжди, тоді), so that
 * an adjective-type surname before one ("Косые тогда уехали", "Білі
 * тоді виїхали") is never read as an adjective before its noun (written
 * by us from Russian and Ukrainian grammar). */
static const char *const agreeing_adverbs[] = {
    "тогда", "всегда", "иногда", "никогда", "когда", "куда", "туда", "сюда", "оттуда", "отсюда",
    "сегодня", "вчера", "позавчера", "пока", "снова", "сначала", "сперва", "слишком", "едва",
    "тоді", "завжди", "іноді", "ніколи", "коли", "куди", "туди", "сюди", "звідти", "звідси",
    "сьогодні", "вчора", "учора", "позавчора", "поки", "знову", "спочатку", "нині", "досі",
    "теж", "також", "вже", "уже", "ще", "тепер", "потім", "зараз",
};

/* 1 if the lower-case word [na, nb) of t, three letters or more, ends as
 * a feminine noun of the genitive, dative or prepositional after an
 * adjective in -ой, -ей (Russian grammar, A. A. Zaliznyak's noun types
 * 1a, 2a, 7a: -ы, -и, -е, -ии; "Белой акации", "Белой ночи", "Белой
 * берёзе"; brief s51 slav51, report-adv50 O-2), no past plural, no
 * imperative nor comparative (-ли, -те, -ее, -ше, -же: "Белой сказали",
 * "Белой скажите"), no pronoun, preposition nor adverb of
 * agreeing_adverbs ("Белой тоже", "Белой вчера"). */
static int oblique_feminine_noun(const struct normtext *t, size_t na, size_t nb)
{
    return nb > na + 4 && redact_sense_ends_with(t->norm, na, nb, "ы|и|е") &&
           !redact_sense_ends_with(t->norm, na, nb, "ли|те|ее|ше|же|ще|не") &&
           !flag_pronoun(t->norm + na, nb - na) && !flag_preposition(t->norm + na, nb - na) &&
           !redact_word_is(t, na, nb, agreeing_adverbs, sizeof agreeing_adverbs / sizeof agreeing_adverbs[0], 0);
}

/* The nominative agreement of an adjective with the noun after it, by
 * gender and number (A. A. Zaliznyak, Грамматический словарь русского
 * языка, the adjective types 1a, 3a, 4a: -ый, -ий, -ой; -ая, -яя;
 * -ые, -ие; and the Ukrainian academic grammar, Сучасна українська
 * літературна мова, the hard group: -ий, -а, -і).  adj: the adjective's
 * endings; noun: the endings of a noun of that gender and number (a
 * vowel-final masculine мужчина, a plural шины, голови, ночі, Russian
 * деревья; not the Ukrainian -і before -а, -я: Еркені полиция, a Kazakh
 * accusative, adv45-open line 592), where
 * "C" stands for a consonant-final noun (кот, сніг, дождь, ніч); not:
 * the endings that mark a verb instead (the past tense's -ла, -ли, the
 * present's -ть, a reflexive's -ся, -сь: Кимиха ругалась, adv42-open
 * line 307).  The masculine -ий of the Ukrainian soft group (Андрій,
 * Сергій: given names) and -той (the Mongolian comitative: adv42-open
 * line 350) are left out. */
static const struct { const char *adj, *noun, *not; int fem; } nominative_agreement[] = {
    { "ий|ый|ой", "C|а|я", "ла|той|ся|сь", 0 },
    { "ая|яя|а", "C|а|я|ь", "ла|ть|ся|сь", 1 },
    { "ые|ие", "ы|и|а|я", "ли|ла|ся|сь", 0 },
    /* and the archaic, poetic long plural -ії of folk song (чорнії
     * брови, карії очі: the uncontracted form, Сучасна українська
     * літературна мова; brief s51 slav51, report-adv50 O-1) */
    { "і|ії", "и|і", "ли", 0 },
};

/* 1 if the last letter of [na, nb) of t is a consonant a noun of the
 * nominative ends in: for a masculine (fem 0) any consonant or -ь but -л,
 * -в (a past tense: пришёл, приїхав), -й; for a feminine the
 * Ukrainian -ч, -ж, -ш, -щ (ніч, піч, річ, подорож, миш) and -ов (кров,
 * любов). */
static int consonant_noun(const struct normtext *t, size_t na, size_t nb, int fem)
{
    int last = redact_cp_before(t->norm, nb);

    if (fem)
        return last == 0x447 || last == 0x436 || last == 0x448 || last == 0x449 ||
               redact_sense_ends_with(t->norm, na, nb, "ов");
    return !(last < 0x431 || last > 0x44C || last == 0x43B || last == 0x432 || last == 0x439 ||
             last == 0x435 || last == 0x438 || last == 0x43E || last == 0x443 || last == 0x44B ||
             last == 0x44A);
}

/* 1 if the noun [na, nb) of t ends as one of noun ("C|а|я": see
 * nominative_agreement). */
static int noun_agrees(const struct normtext *t, size_t na, size_t nb, const char *noun, int fem)
{
    char one[8];

    for (const char *p = noun; *p != '\0';) {
        size_t l = strcspn(p, "|");
        if (l == 1 && *p == 'C') {
            if (consonant_noun(t, na, nb, fem))
                return 1;
        } else if (l < sizeof one) {
            memcpy(one, p, l), one[l] = '\0';
            if (redact_sense_ends_with(t->norm, na, nb, one))
                return 1;
        }
        p += l + (p[l] == '|');
    }
    return 0;
}

/* 1 if the word [a, wend) of t (norm, lower case; key[0..k) its key) is
 * the nominative of an adjective in any gender or number (nominative_
 * agreement: Лысый, Косой, Чорна, Лысая, Лысые, Білі), no given name
 * the nickname lists know (Юрий, Дмитрий, Оксана decline as nouns),
 * before the lower-case noun [na, nb) of three letters or more that
 * agrees with it (a noun's ending of the same gender and number), no
 * pronoun, preposition, adverb (agreeing_adverbs) nor present-tense
 * verb: an adjective-type surname written as the adjective at a
 * sentence's start ("Рыжий кот спал", "Лысый мужчина стоял", "Лысые
 * шины скользили", "Чорна кава стояла", "Глуха ніч": brief s49 slav49,
 * s50 slav50; report-adv48 O-8..O-11, report-adv49 O-1..O-3, O-6, O-7).
 * A verb of a person after it ("Косые уехали", "Лысая ушла": -ли, -ла)
 * leaves the surname.  The runtime has no Russian dictionary
 * (util/lexicon.h): the noun's ending stands for its gender and number. */
/* The nominative endings of a possessive adjective of a name (-ов-, -ев-,
 * -ин-, -їн-; Ukrainian and Russian grammar) and -той: never read as an
 * ordinary adjective by nominative_adjective. */
static const char possessive_ends[] =
    "ова|ева|ёва|ина|ына|іна|їна|ові|еві|ині|їні|іні|ові|овы|евы|ины|той";

/* 1 if norm bytes [a, b) of t are all letters of the Russian and
 * Ukrainian alphabets (а..я, ё, є, і, ї, ґ): not a Kazakh, Mongolian or
 * Belarusian word, whose endings the tables are not (Қасымовқа ақша:
 * the Kazakh dative; adv45-open line 654). */
static int ru_uk_letters(const struct normtext *t, size_t a, size_t b)
{
    int cp, m;

    for (size_t p = a; p < b; p += (size_t)m)
        if ((m = utf8_next(&cp, t->norm + p, b - p)) <= 0 ||
            !((cp >= 0x430 && cp <= 0x44F) || cp == 0x451 || cp == 0x454 || cp == 0x456 || cp == 0x457 ||
              cp == 0x491))
            return 0;
    return 1;
}

static int nominative_adjective(const struct normtext *t, size_t a, size_t wend, size_t na,
                                size_t nb, const char *key, size_t k)
{
    int given = 0;
    size_t i, n = sizeof nominative_agreement / sizeof nominative_agreement[0];

    if (nb < na + 6 || !ru_uk_letters(t, a, wend) || !ru_uk_letters(t, na, nb))
        return 0;
    for (i = 0; i < n; i++)
        if (redact_sense_ends_with(t->norm, a, wend, nominative_agreement[i].adj))
            break;
    /* Not a possessive adjective of a name (Дарьїна сумка, Дашині
     * книги, Петрова хата: the person's, adv38-open line 136), nor the
     * Mongolian comitative -той. */
    if (i == n || redact_sense_ends_with(t->norm, a, wend, possessive_ends))
        return 0;
    if (!noun_agrees(t, na, nb, nominative_agreement[i].noun, nominative_agreement[i].fem) ||
        redact_sense_ends_with(t->norm, na, nb, nominative_agreement[i].not))
        return 0;
    /* Not a pronoun, a preposition, an adverb or a present-tense verb
     * (Гиоргий нас бил, Рыжий знает: adv41-open line 265). */
    if (flag_pronoun(t->norm + na, nb - na) || flag_preposition(t->norm + na, nb - na) ||
        redact_word_is(t, na, nb, oblique_pronouns, sizeof oblique_pronouns / sizeof oblique_pronouns[0], 0) ||
        redact_word_is(t, na, nb, agreeing_adverbs, sizeof agreeing_adverbs / sizeof agreeing_adverbs[0], 0) ||
        redact_sense_ends_with(t->norm, na, nb, "ет|ит|ёт|ут|ют|ят"))
        return 0;
    if (nicknames_each(key, k, is_given, &given) < 0 || given)
        return 0;
    return 1;
}

/* 1 if the Cyrillic word [a, wend) of t (norm, lower case) is an ordinary
 * word as the project's list knows it (data/nicknames/slavic_words.txt:
 * the forms of names hunspell-ru and hunspell-uk know as words) and has an
 * adjective's shape: one of adjective_ends, or -ой with a noun after it in
 * the same case ("Любой ценой": -ой, -ей, -ою, -ею), as an adjective
 * agrees with its noun; or, a word the list does not know, an oblique
 * adjective before a noun that agrees with it (agreeing_adjective).  A
 * name's oblique case that is also a word (Тате, Любу, Милке) has no
 * adjective's ending and stays the name's. */
static int ordinary_adjective(const struct normtext *t, size_t a, size_t wend, size_t na, size_t nb)
{
    char key[128];
    size_t k = 0;
    int cp, m;

    for (size_t p = a; p < wend; p += (size_t)m) {
        if ((m = utf8_next(&cp, t->norm + p, wend - p)) <= 0 || k + 4 >= sizeof key)
            return 0;
        if (cp == 0x456 || cp == 0x457) /* і ї: the list's key writes и */
            memcpy(key + k, "и", 2), k += 2;
        else
            memcpy(key + k, t->norm + p, (size_t)m), k += (size_t)m;
    }
    if (redact_sense_ends_with(t->norm, a, wend, surname_adjective_ends))
        return 0;
    if (!slavic_word(key, k))
        return agreeing_adjective(t, a, wend, na, nb) || nominative_adjective(t, a, wend, na, nb, key, k);
    if (redact_sense_ends_with(t->norm, a, wend, adjective_ends))
        return 1;
    return (redact_sense_ends_with(t->norm, a, wend, "ой|ою") &&
            redact_sense_ends_with(t->norm, na, nb, "ой|ей|ою|ею")) ||
           (redact_sense_ends_with(t->norm, a, wend, "ой") && oblique_feminine_noun(t, na, nb));
}

/* Kazakh and Mongolian words that are also given names or surnames, with
 * the lower-case words that make them the word at a sentence's start
 * (a prefix: "Абай болыңыз", "be careful"; "Ерке бала", "a spoilt
 * child"), written by us from the Kazakh and Mongolian dictionaries'
 * senses (Қазақ тілінің түсіндірме сөздігі: абай "careful", болат
 * "steel", ерке "spoilt"; Mongolian дорж "vajra"); brief s48 slav48,
 * report-adv47 O-25, O-27, report-adv46 O-14, O-45.  In lower case the
 * word anywhere; at a sentence's start only before one of its words.
 * Not Кім ("who"), Айым ("my moon"): no word after them tells. */
static const struct { const char *word, *next; } steppe_words[] = {
    { "абай", "бол" },
    { "болат", "пышақ|қылыш|балта|сым" },
    { "ерке", "бала|қыз|тотай" },
    { "дорж", "" },
};

/* 1 if the hit [a, b) of t is a whole word of steppe_words in lower case,
 * or with a capital at a sentence's start (at_start) with one of its words
 * after it, over one space, in lower case. */
static int steppe_word(const struct normtext *t, size_t a, size_t b, int at_start)
{
    size_t wend = redact_sense_run_end(t, a), na, nb;

    if (wend != b || (a > 0 && is_word_cp(redact_cp_before(t->norm, a))))
        return 0;
    for (size_t i = 0; i < sizeof steppe_words / sizeof steppe_words[0]; i++) {
        size_t k = strlen(steppe_words[i].word), p;
        const char *n = steppe_words[i].next;
        if (k != b - a || memcmp(t->norm + a, steppe_words[i].word, k) != 0)
            continue;
        if (redact_sense_lower(t, a))
            return 1;
        if (!at_start || !redact_sense_upper(t, a) || *n == '\0' ||
            !redact_sense_next_word(&na, &nb, t, wend, 0) || na != wend + 1 || !redact_sense_lower(t, na))
            return 0;
        for (p = 0; n[p] != '\0';) {
            size_t l = strcspn(n + p, "|");
            if (nb - na >= l && memcmp(t->norm + na, n + p, l) == 0)
                return 1;
            p += l + (n[p + l] == '|');
        }
        return 0;
    }
    return 0;
}

/* 1 if norm byte a of t is right after an opening quotation mark (« „ “
 * or a straight double quote after a space or the text's start): a quoted
 * title's first word ("Пели «Белой акации гроздья душистые»", "Співали
 * «Чорнії брови, карії очі»"), written with a capital as a sentence's
 * start is (brief s51 slav51, report-adv50 O-1, O-2). */
static int title_start(const struct normtext *t, size_t a)
{
    int q = redact_cp_before(t->norm, a);
    size_t qa;

    if (q == 0xAB || q == 0x201E || q == 0x201C)
        return 1;
    if (q != '"')
        return 0;
    qa = redact_cp_start(t->norm, a);
    return qa == 0 || t->norm[qa - 1] == ' ';
}

int redact_sense_word_at_start(const struct normtext *t, size_t a, size_t b, int at_start)
{
    size_t wend, na, nb;
    int first;

    if (!at_start && a > 0 && a <= t->normlen)
        at_start = title_start(t, a);

    if (a < b && b <= t->normlen && steppe_word(t, a, b, at_start))
        return 1;
    if (!at_start || a >= b || b > t->normlen || utf8_next(&first, t->norm + a, t->normlen - a) <= 0 ||
        first < 0x400 || first > 0x52F || !redact_sense_upper(t, a))
        return 0;
    wend = redact_sense_run_end(t, a);
    if (wend != b || redact_alone_at(t, wend))
        return 0;
    /* The next word, over one space, in lower case and no verb a person
     * does ("Любой ценой", "Любую работу"); a capital (a surname, a
     * patronymic) or a person's verb ("Люба пришла") marks the name. */
    return redact_sense_next_word(&na, &nb, t, wend, 0) && na == wend + 1 && redact_sense_lower(t, na) &&
           !redact_sense_person_verb(t, a, wend) && ordinary_adjective(t, a, wend, na, nb);
}

static int word_at_start_here(const struct normtext *t, size_t a, size_t b)
{
    return redact_sense_word_at_start(t, a, b, redact_sentence_start(t, a));
}

/* The bytes of the text either side of a near-name's word that
 * redact_sense_word_at_start_near reads (the sentence's start before it,
 * the next word after). */
#define START_NEAR_SPAN 64

int redact_sense_word_at_start_near(const char *s, size_t len, size_t a, size_t b)
{
    return redact_sense_window(s, len, a, b, START_NEAR_SPAN, word_at_start_here);
}

int redact_sense_public_figure_near(const char *s, size_t len, size_t a, size_t b)
{
    return redact_sense_window(s, len, a, b, START_NEAR_SPAN, redact_sense_public_figure);
}

int redact_sense_other_named_near(const char *s, size_t len, size_t a, size_t b)
{
    return redact_sense_window(s, len, a, b, START_NEAR_SPAN, redact_sense_other_named);
}
