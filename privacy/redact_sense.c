/* Which sense a registered given name that is also an ordinary word has
 * where it stands (redact_sense.h; issue 13, brief s28 flags28).  The
 * redactor's verdict (redact_hit_verdict in redact_context.c) asks this
 * file only after the context that marks a name (name_context) found
 * none: what it says here turns a review flag into nothing, never a
 * replacement into nothing.  Asymmetric by design: a rule that cannot
 * tell (a word after the name that may be a verb) keeps the flag.
 *
 * The tables are written by us from the languages' grammar and the
 * commonest set phrases of the words that are also given names
 * (Mongolian гэрэл "light", алтан "golden", болд "steel", баяр "joy",
 * төмөр "iron", мөнх "eternal", энх "peace", оюун "mind", цэцэг
 * "flower", наран "sun", чулуун "of stone", өлзий "luck"; Korean 나라
 * "country", 하나 "one"; English imperatives and auxiliaries).  They want
 * a native reviewer, as data/nicknames does.
 *
 * The words around a hit are read by redact_sense_words.c; the Russian
 * and Ukrainian salutes and feast days are redact_salute.c's. */
#include <stdint.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/detect.h"
#include "privacy/flag_context.h"
#include "privacy/nicknames.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/redact_sense.h"
#include "privacy/variants_int.h"
#include "util/lexicon.h"

/* ---- Mongolian ---- */

/* Set phrases: a word that is also a given name (its stems, the fleeting
 * vowel's form too) and the starts of the words after it (never shaped as
 * a verb: "Болд ирлээ" is no болд ир "blade") that make a
 * lexicalised compound with it (гэрэл зураг "photograph", энх тайван
 * "peace", төмөр зам "railway", алтан загас "goldfish", мөнх цас "eternal
 * snow", баяр хөөр "joy", оюун ухаан "intellect", гэрлийн чийдэн "light
 * bulb", цэцгийн мандал "flowerbed", нарны гэрэл "sunlight"). */
static const struct {
    const char *word, *next;
} mn_phrases[] = {
    { "гэрэл|гэрл", "зураг|зург|гэгээ|чийдэн|дохио|цацраг" },
    { "алтан|алтн", "загас|медал|намар|гадас|ураг|ордо|ордн|үе|сургаал|шороо|бөмбөгөр|бөгж|хонх|аяга|титэм|дэлхий|гэрэл|нар|шар|өнгө|зоос|цом" },
    { "төмөр|төмр", "зам|хаалга|хашаа|хийц|утас|утсан|тор|эдлэл|зэв|үйлдвэр|хүдэр|хайрцаг" },
    { "болд", "хийц|хутга|ган|сэлэм|зэв" },
    { "мөнх", "цас|тэнгэр|ногоон|нойр|үнэн|амьдрал" },
    { "энх", "тайв|амгалан|цаг|гэрээ" },
    { "баяр", "хөөр|баясгалан|хүргэ|ёслол|наадам|өдөр|мэнд|бичиг" },
    { "оюун", "ухаан|санаа|бодол|чадвар|өмч" },
    { "цэцэг|цэцг", "мандал|баглаа|навч|хэлхээ|дэлгэр" },
    { "наран|нарн|нар", "цэцэг|цэцг|туяа|гэрэл|гэрл|аймаг|шил|зай|хиртэлт|эрчим" },
    { "чулуун|чулуу", "зэвсэг|хана|байшин|хөшөө|нүүрс|хэрэм|гэр" },
    { "өлзий", "хээ|утас" },
};

/* Verbs no person is the subject of, as stems (унтрах "go out", асах
 * "light up", тусах "fall on", мандах "rise", жаргах "set", дэлгэрэх
 * "bloom", зэврэх "rust", хайлах "melt", шатах "burn out", тасрах "be cut
 * off"...): "Гэрэл унтарлаа" is the light; "Гэрэл ирлээ" is left to the
 * other rules.  A stem counts only with one of mn_verb_endings after it,
 * so тусалсан "helped" is no тусах. */
static const char mn_thing_verbs[] =
    "унтар|унтр|ас|тус|гэрэлт|гялалз|анивч|манд|жарг|дэлгэр|цэцэглэ|ург|зэвэр|зэвр|"
    "хайл|шат|хагар|ганд|тасар|таср|мандл";

/* Endings of Mongolian verb forms (past, present, converbs, participles,
 * negatives), with the linking vowels of the four harmony classes. */
static const char mn_verb_endings[] =
    "|лаа|лээ|лоо|лөө|сан|сэн|сон|сөн|асан|эсэн|осон|өсөн|ав|эв|ов|өв|в|на|нэ|но|нө|"
    "ана|энэ|оно|өнө|ж|ч|аж|эж|ож|өж|жээ|чээ|ажээ|эжээ|даг|дэг|дог|дөг|адаг|эдэг|"
    "аад|ээд|оод|өөд|х|ах|эх|ох|өх|ахгүй|эхгүй|охгүй|өхгүй|аагүй|ээгүй|оогүй|өөгүй|"
    "сангүй|сэнгүй|жээгүй|даггүй|дэггүй|ж байна|ч байна";

/* 1 if the word norm [a, b) looks like a Mongolian verb form: it ends in
 * one of the endings of finite forms, converbs and participles.  Wide on
 * purpose: a noun read as a verb only keeps a flag. */

static int mn_verb_shaped(const struct normtext *t, size_t a, size_t b)
{
    static const char *const ends[] = {
        "сан", "сэн", "сон", "сөн", "лаа", "лээ", "лоо", "лөө", "на", "нэ", "но", "нө",
        "ж", "ч", "в", "х", "даг", "дэг", "дог", "дөг", "аад", "ээд", "оод", "өөд", "жээ",
        "чээ", "гаа", "гээ", "гоо", "гөө", "я", "ъя", "ё", "ая", "ээрэй", "аарай", "вал",
        "вэл", "маар", "мээр", "гүй", "тал", "тэл", "уул", "үүл", "лга", "лгэ", "сэр", "саар",
    };

    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        size_t k = strlen(ends[i]);
        if (k < b - a && memcmp(t->norm + b - k, ends[i], k) == 0)
            return 1;
    }
    return 0;
}

/* Words after a name in the comitative that go with a person (together
 * with, like, friends with, the two of us), not with a thing. */
static const char mn_with_person[] =
    "хамт|хамтдаа|хамтаар|хоёр|хоёул|гурвуул|адил|адилхан|ижил|төстэй|холбоотой|"
    "хамааралтай|найз|танил|нөхөр|эхнэр|ах|эгч|дүү|хамаатан|садан|уулз|ярил|ярь";

/* Endings of the proprietive (-тай "with, having": гэрэлтэй өрөө "a
 * lit room") and of the ablative (-аас "from, of": болдоос хийсэн "made
 * of steel"). */
static const char mn_proprietive[] = "тай|тэй|той|төй";
static const char mn_ablative[] = "аас|ээс|оос|өөс|гаас|гээс|гоос|гөөс|наас|нээс|ноос|нөөс";

/* Verbs of making after an ablative: "made of" (хийсэн, урласан,
 * цутгасан, нэхсэн, оёсон, сийлсэн, бүтсэн). */
static const char mn_made_of[] = "хий|урла|цутга|нэх|оё|сийл|бүт";

/* 1 if the word norm [a, b) is a Mongolian verb no person does: a stem
 * of mn_thing_verbs, then one of mn_verb_endings. */
static int mn_thing_verb(const struct normtext *t, size_t a, size_t b)
{
    for (const char *list = mn_thing_verbs; *list != '\0';) {
        const char *bar = strchr(list, '|');
        size_t k = bar != NULL ? (size_t)(bar - list) : strlen(list);
        if (k <= b - a && memcmp(t->norm + a, list, k) == 0 && redact_sense_is_one(t->norm, a + k, b, mn_verb_endings))
            return 1;
        list += k + (bar != NULL);
    }
    return 0;
}

/* Postpositions and particles after a noun phrase, some shaped as a verb
 * form (төлөө "for"). */
static const char mn_postpositions[] =
    "төлөө|тухай|дээр|доор|дор|өмнө|хойно|дотор|гадна|руу|рүү|луу|лүү|шиг|мэт|"
    "хүртэл|болон|ба|нь|бол|чинь|минь|юм|биш";

/* 1 if what follows a noun phrase ending at norm byte e keeps it a noun
 * phrase, not the subject and the indefinite object of a verb ("Гэрэл
 * зураг авсан" may be "Gerel took a photo"; "Болдтой кино үзсэн" is "saw
 * a film with Bold"): the text's end or a mark, a verb no person does,
 * or a word in lower case that is no verb form. */
static int mn_phrase_ends(const struct normtext *t, size_t e)
{
    size_t na, nb;

    if (e >= t->normlen || t->norm[e] != ' ')
        return 1;
    if (!redact_sense_next_word(&na, &nb, t, e, 0) || !redact_sense_lower(t, na))
        return 0;
    return mn_thing_verb(t, na, nb) || redact_sense_is_one(t->norm, na, nb, mn_postpositions) ||
           !mn_verb_shaped(t, na, nb);
}

/* 1 if the Mongolian word [a, wend) and the next word [na, nb) start one
 * of mn_phrases (the next word no verb form). */
static int mn_phrase_at(const struct normtext *t, size_t a, size_t wend, size_t na, size_t nb)
{
    size_t r;

    for (size_t i = 0; i < sizeof mn_phrases / sizeof mn_phrases[0]; i++)
        if (redact_sense_starts_with(&r, t->norm, a, wend, mn_phrases[i].word) &&
            redact_sense_starts_with(&r, t->norm, na, nb, mn_phrases[i].next) && !mn_verb_shaped(t, na, nb))
            return 1;
    return 0;
}

/* 1 if a Mongolian word [a, wend) (the hit and its ending) reads as the
 * ordinary word where it stands. */
static int mn_word_sense(const struct normtext *t, size_t a, size_t wend)
{
    size_t na, nb, r;

    /* Баяртай! "goodbye" (and "happy"), alone before a comma or a stop. */
    if (redact_sense_is_one(t->norm, a, wend, "баяртай") && (wend >= detect_text_end(t->norm, t->normlen) || strchr(",.!", t->norm[wend]) != NULL))
        return 1;
    if (!redact_sense_next_word(&na, &nb, t, wend, 0) || !redact_sense_lower(t, na))
        return 0;
    /* A verb no person does right after it ("Гэрэл унтарлаа"). */
    if (mn_thing_verb(t, na, nb))
        return 1;
    /* A set phrase; written in lower case the word needs no more: a
     * name is written with a capital ("Тэр алтан медаль авсан"). */
    if (mn_phrase_at(t, a, wend, na, nb) && (redact_sense_lower(t, a) || mn_phrase_ends(t, nb)))
        return 1;
    if (redact_sense_ends_with(t->norm, a, wend, mn_ablative) && redact_sense_starts_with(&r, t->norm, na, nb, mn_made_of))
        return 1;
    /* The proprietive before a noun or an adjective: "a lit room". */
    return redact_sense_ends_with(t->norm, a, wend, mn_proprietive) && !mn_verb_shaped(t, na, nb) &&
           !redact_sense_starts_with(&r, t->norm, na, nb, mn_with_person) && mn_phrase_ends(t, nb);
}

/* ---- Korean ---- */

/* Korean words that are also given names, the words before them that
 * make them the noun or the numeral (다른 나라 "another country", 이웃 나라; not 우리 나라:
 * 우리 also comes before a name, "우리 나라가 왔어", and stays a flag; 다른 나라
 * "another country"; 단 하나 "only one", 또 하나 "one more"), the starts
 * of the words after them (나라 밖으로 "abroad"; 하나, 둘 "one, two") and the glued tails
 * (하나씩 "one each", 하나도 없다 "not one"). */
static const struct {
    const char *word, *before, *after, *tails;
} ko_words[] = {
    { "나라", "다른|남의|이웃|모든|여러|각|온|어느|먼|외국|작은|큰|새|가난한|부자|강한|약한",
      "밖|전체|경제", "" },
    { "하나", "단|오직|딱|또|겨우|그중|중|어느|단지|하나|한|마지막",
      "둘", "씩|같이|뿐|도없|가되|로되|가된|로된|이되" },
};

/* 1 if the Hangul hit [a, b) (its word going on to wend) is the noun or
 * the numeral by ko_words. */
static int ko_word_sense(const struct normtext *t, size_t a, size_t b, size_t wend)
{
    size_t pa, pb, na, nb, r;
    char tail[64];
    size_t n = 0;

    for (size_t i = 0; i < sizeof ko_words / sizeof ko_words[0]; i++) {
        if (!redact_sense_is_one(t->norm, a, b, ko_words[i].word))
            continue;
        /* 하나님 "God", 나라님: the name with a glued tail that is a word
         * of its own (redact_ko_own_word). */
        for (size_t e = b + 3; e <= wend; e += 3)
            if (redact_ko_own_word(t->norm + a, e - a))
                return 1;
        if (redact_sense_prev_word(&pa, &pb, t, a) && redact_sense_is_one(t->norm, pa, pb, ko_words[i].before))
            return 1;
        if (wend == b && redact_sense_next_word(&na, &nb, t, b, 1) &&
            redact_sense_starts_with(&r, t->norm, na, nb, ko_words[i].after))
            return 1;
        /* The tail, and the next word's first syllable after a particle
         * (하나도 없었다: "도없"; 하나가 되었다: "가되"). */
        if (wend - b < sizeof tail - 8) {
            memcpy(tail, t->norm + b, wend - b);
            n = wend - b;
            if (redact_sense_next_word(&na, &nb, t, wend, 0) && nb - na >= 3)
                memcpy(tail + n, t->norm + na, 3), n += 3;
            for (const char *list = ko_words[i].tails; *list != '\0';) {
                const char *bar = strchr(list, '|');
                size_t k = bar != NULL ? (size_t)(bar - list) : strlen(list);
                if (k <= n && memcmp(tail, list, k) == 0)
                    return 1;
                list += k + (bar != NULL);
            }
        }
    }
    return 0;
}

/* ---- Russian and Ukrainian ---- */

/* Words before a noun in lower case that make it the word, not the name
 * ("его вера", "наша надежда", "эта любовь", "без надежды"): possessives,
 * demonstratives and the prepositions an abstract noun takes. */
static const char ru_before_word[] =
    "его|её|ее|их|мой|моя|мою|моей|моё|твоя|твою|твоей|наша|нашу|нашей|наш|ваша|вашу|"
    "вашей|своя|свою|своей|свой|эта|эту|этой|этот|та|ту|той|тот|такая|такой|всякая|"
    "никакой|без|с|со|в|во|о|об|про|за|к|по|на|із|з|зі|у|її|ця|цю|цієї|цей|такої|жодної";

/* Endings of Russian and Ukrainian adjectives and participles before a
 * noun ("новая вера", "последняя надежда", "вічний мир"). */
static const char ru_adjective_ends[] =
    "ая|яя|ую|юю|ой|ей|ый|ий|ое|ее|ого|его|ому|ему|ым|им|ых|их|ої|ій|ою|ею";

int redact_sense_word_name(const char *w, size_t n)
{
    char *norm;
    size_t nl;
    int rc;

    if (normalise_norm(&norm, &nl, w, n, NULL) != 0)
        return 0;
    rc = redact_sense_stem_of(norm, nl);
    secmem_free(norm);
    return rc;
}

/* 1 if the Cyrillic word norm [a, wend), written in lower case, is a
 * given name that is a word (redact_sense_stem). */
static int ru_word_name(const struct normtext *t, size_t a, size_t wend)
{
    return redact_sense_stem(t, a, wend) && redact_sense_lower(t, a);
}

/* The endings of ru_verb_ends (redact_salute.c) no given name has: the
 * past plural and neuter, the reflexive, the infinitive, the present's
 * third person in -ует, -ает, -ют, -ят (Мила, Натали, Жаннет, Вит end
 * so: -ла, -ли after a vowel, -ет and -ит are left out). */
static const char ru_verb_past[] =
    "или|али|ели|ыли|ило|ало|лся|лась|лось|лись|ить|ать|еть|ться|ют|ят|ует|ает|ают";

/* Proverbs made of a word-name and the start of the next word, where
 * that word is a verb a person could do ("Надежда умирает последней"
 * "hope dies last"; "Любовь зла" "love is blind"): the phrases as the
 * Russian and Ukrainian proverb dictionaries give them (В. П. Жуков,
 * Словарь русских пословиц и поговорок), written from the author's
 * knowledge; a native reviewer should extend them. */
static const struct {
    const char *word, *next;
} ru_phrases[] = {
    { "надежда|надія", "умирает|умрёт|умрет|помирає" },
    { "любовь|любов", "зла|не знает" },
    /* Послание Иакова 2:26, "вера без дел мертва" (Synodal; Ogienko's
     * Ukrainian "віра без діл мертва") */
    { "вера|віра", "без дел|без діл" },
};

/* The prepositions each abstract word-name governs (вера в, надежда на,
 * любовь к, любов до: the nouns' government in the grammars) and the
 * endings its object may have there, none of the locative's (-е, -и,
 * -у: "Вера в магазине", "Надежда на работе", "Вера в саду" are a
 * person's whereabouts) nor -о (в метро, в кино); an empty list: any
 * object (к and до take no place). */
static const struct {
    const char *word, *preps, *object;
} ru_governs[] = {
    { "вера|віра", "в|во", "а|я|ей|ов|ев|ь|ое|ее|ие|ье" },
    { "надежда|надія", "на", "а|я|ей|ов|ев|ь|ое|ее|ие|ье" },
    { "любовь|любов", "к|ко|до", "" },
};

/* Endings of the past tense and of verbs of a person that end a noun
 * phrase's run: after them the word-name may be the subject ("Любовь к
 * маме пришла"). */
static const char ru_past_ends[] = "л|ла|ли|ло|лась|лся|лись|лось";

#define GOVERNED_WORDS 6        /* words read after the object to the clause's end */

/* 1 if the word-name [a, wend) is followed by a preposition it governs
 * and an object of the governed shape, then words in lower case to the
 * clause's end, none a past tense or a verb of a person ("Вера в бога
 * помогает.", "Любовь к Родине.", "Надежда на лучшее": report-adv32
 * O-3; brief s33 sense33).  A past tense keeps the flag, as the person's
 * story is told in it ("Вера в людей у неё пропала", "Любовь к родине не
 * прошла": brief s30 slav30). */
static int ru_governed_at(const struct normtext *t, size_t a, size_t wend)
{
    size_t pa, pb, oa, ob, na, nb;

    if (!redact_sense_next_word(&pa, &pb, t, wend, 0) || !redact_sense_lower(t, pa) || !redact_sense_next_word(&oa, &ob, t, pb, 0))
        return 0;
    for (size_t i = 0; i < sizeof ru_governs / sizeof ru_governs[0]; i++) {
        if (!redact_sense_is_one(t->norm, a, wend, ru_governs[i].word) || !redact_sense_is_one(t->norm, pa, pb, ru_governs[i].preps))
            continue;
        if (ru_governs[i].object[0] != '\0' && !redact_sense_ends_with(t->norm, oa, ob, ru_governs[i].object))
            return 0;
        for (int k = 0; k < GOVERNED_WORDS; k++, ob = nb) {
            if (redact_sense_clause_end(t->norm, t->normlen, ob))
                return 1;
            if (!redact_sense_next_word(&na, &nb, t, ob, 0) || !redact_sense_lower(t, na) ||
                redact_sense_ends_with(t->norm, na, nb, ru_past_ends) || flag_action_verb(t->norm + na, nb - na) ||
                flag_speech_verb(t->norm + na, nb - na))
                return 0;
        }
        return 0;
    }
    return 0;
}

/* Adverbs between a noun in the genitive and the negation of being
 * ("Надежды больше нет"), and the negations (нет, не было, не осталось,
 * не стало, не будет; немає, нема, не було, не буде, не залишилось). */
static const char ru_more_words[] = "больше|более|уже|совсем|вовсе|давно|більше|вже|зовсім|давно";
static const char ru_none_words[] =
    "нет|не было|не осталось|не стало|не будет|немає|нема|не було|не буде|не залишилось|не стало";

/* 1 if the word-name [a, wend), in a case other than the nominative, is
 * the genitive of a negated being that ends its clause ("Надежды больше
 * нет.", "Веры нет.", "Любви не осталось.": report-adv32 O-2), where
 * a person's whereabouts go on ("Веры нет дома"). */
static int ru_negated_at(const struct normtext *t, size_t a, size_t wend)
{
    size_t na, nb, e = wend, r;

    if (redact_sense_nominative(t, a, wend))
        return 0;
    for (int k = 0; k < 2 && redact_sense_next_word(&na, &nb, t, e, 0) && redact_sense_is_one(t->norm, na, nb, ru_more_words); k++)
        e = nb;
    if (e + 1 >= t->normlen || t->norm[e] != ' ' || !redact_sense_starts_with(&r, t->norm, e + 1, t->normlen, ru_none_words))
        return 0;
    return redact_sense_clause_end(t->norm, t->normlen, r);
}

/* 1 if the word-name [a, wend) and the words after it start one of
 * ru_phrases. */
static int ru_phrase_at(const struct normtext *t, size_t a, size_t wend)
{
    size_t na, nb, r;
    int cp;

    if (!redact_sense_next_word(&na, &nb, t, wend, 0))
        return 0;
    for (size_t i = 0; i < sizeof ru_phrases / sizeof ru_phrases[0]; i++)
        if (redact_sense_is_one(t->norm, a, wend, ru_phrases[i].word) &&
            redact_sense_starts_with(&r, t->norm, na, t->normlen, ru_phrases[i].next) &&
            (r == t->normlen || utf8_next(&cp, t->norm + r, t->normlen - r) <= 0 || !is_word_cp(cp)))
            return 1;
    return 0;
}

/* 1 if the word-name norm [a, wend) (redact_sense_stem), written with a
 * capital at a sentence's start (at_start), may be the word as well as
 * the name ("Вера в людей пропала", "Роза ветров", "Надежда на помощь";
 * brief s30 slav30, report-adv29c K-7): not where a word written with a
 * capital follows (a surname or a patronymic: "Вера Ивановна", "Роза
 * Смирнова"), which marks the person.  The verbs of a person that mark
 * the name after it ("Вера сказала") are the verdict's (name_context). */
static int ru_word_at_start(const struct normtext *t, size_t a, size_t wend, int at_start)
{
    size_t na, nb;

    if (!at_start || !redact_sense_upper(t, a) || !redact_sense_stem(t, a, wend))
        return 0;
    /* Alone in its clause (a vocative, a speaker's label, a line of its
     * own: "Вера, ты здесь?", "Любовь:", "Слава —"): the person called or
     * named, not the word (report-adv34, name-by-punctuation). */
    if (redact_alone_at(t, wend))
        return 0;
    return !(redact_sense_next_word(&na, &nb, t, wend, 0) && redact_sense_upper(t, na)) || redact_sense_dative_phrase(t, a, wend);
}

/* Words a trade's noun reads over to its clause's thing (brief s40). */
#define TRADE_CLAUSE_WORDS 5

/* The conjunctions that join two trades' nouns, Ukrainian and Russian
 * (і, й, та, або, чи; и, или). */
static const char trade_joins[] = "і|й|та|и|або|чи|или";

/* The plural past and present of "to work" (Ukrainian and Russian:
 * працювали, працюють, робили; работали, работают, трудились): the act
 * of every trade, read after a trade's noun in the plural only ("Ковалі
 * працювали", "Ковалі в селі працювали вдень": the smiths; brief s50
 * slav50, report-adv33 O-15, report-adv44 O-24).  A family's plural
 * (Ковалі, the Koval family) reads the same: a review flag, not a
 * replacement; a singular "Коваль працював" stays the person's. */
static const char trade_work_plural[] =
    "працювали|працюють|робили|роблять|работали|работают|трудились|трудилися|трудятся";

/* 1 if the word [a, b), written with a capital at a sentence's start
 * (at_start), is a trade's noun in the nominative that is also a
 * subject's name (Бондар, Коваль, Ткач, Лев) and its clause, within
 * TRADE_CLAUSE_WORDS words and before any comma or other clause mark,
 * holds a thing or an act of that trade ("Бондар зробив нову бочку",
 * "Коваль кував підкови", "Лев в зоопарке спал": report-adv39 O-1..O-4):
 * the noun, not the person.  Not where a word with a capital follows
 * ("Коваль Галина"), and not "Бондар сказав, що бочки..." (the thing in
 * another clause): the person (docs/VARIANTS.md, session 40).  Since
 * session 42 (brief over42, report-adv41 O-10..O-14) the noun in any case
 * (Ковалі кували, Мельники молотили, Бондарі робили бочки; the hit may be
 * the stem, [a, b) shorter than its word) is read with its nominative's
 * things, and a second trade's noun in lower case joined to it by a
 * conjunction ("Гончар і коваль працювали") marks the trades too. */
int redact_sense_trade_at_start(const struct normtext *t, size_t a, size_t b, int at_start)
{
    size_t na, nb, wend, e, nn, ja, jb;
    const char *noun;
    int first;

    if (!at_start || a >= b || b > t->normlen || utf8_next(&first, t->norm + a, t->normlen - a) <= 0 ||
        first < 0x400 || first > 0x52F || !redact_sense_upper(t, a) ||
        ((wend = redact_sense_run_end(t, a)) != b && redact_sense_trade_noun(t->norm + a, wend - a) == NULL))
        return 0;
    if ((noun = redact_sense_trade_noun(t->norm + a, wend - a)) == NULL)
        noun = "", nn = 0;
    else
        nn = strlen(noun);
    e = wend;
    for (int i = 0; i < TRADE_CLAUSE_WORDS && redact_sense_next_word(&na, &nb, t, e, 0); i++) {
        if (redact_sense_upper(t, na))
            return 0;
        nb = redact_sense_run_end(t, na);
        if (redact_sense_trade_thing(t->norm + a, wend - a, t->norm + na, nb - na) ||
            (nn > 0 && redact_sense_trade_thing(noun, nn, t->norm + na, nb - na)))
            return 1;
        if (nn > 0 && (wend - a != nn || memcmp(t->norm + a, noun, nn) != 0) && redact_sense_ends_with(t->norm, a, wend, "і|и") &&
            redact_sense_is_one(t->norm, na, nb, trade_work_plural))
            return 1;
        /* Another trade's noun joined to it ("Гончар і коваль
         * працювали", "Мельник та пекар"): the trades, not a person. */
        if (nn > 0 && i == 0 && redact_sense_is_one(t->norm, na, nb, trade_joins) &&
            redact_sense_next_word(&ja, &jb, t, nb, 0) && redact_sense_lower(t, ja) &&
            redact_sense_trade_noun(t->norm + ja, jb - ja) != NULL)
            return 1;
        e = nb;
    }
    return 0;
}

/* The bytes of the text after a near-name's word that
 * redact_sense_trade_near reads (its clause's TRADE_CLAUSE_WORDS words). */
#define TRADE_NEAR_SPAN 240

int redact_sense_trade_near(const char *s, size_t len, size_t a, size_t b)
{
    struct normtext t;
    struct err e;
    size_t n = len - a < TRADE_NEAR_SPAN ? len - a : TRADE_NEAR_SPAN, wend;
    int rc;

    if (a >= b || b > len)
        return 0;
    while (a + n < len && n > b - a && ((unsigned char)s[a + n] & 0xC0) == 0x80)
        n--;
    if (normalise(&t, s + a, n, &e) != 0)
        return 0;
    wend = redact_sense_run_end(&t, 0);
    rc = wend > 0 && redact_sense_trade_at_start(&t, 0, wend, 1);
    normtext_free(&t);
    return rc;
}

/* A noun that is also a surname at a sentence's start, written with a
 * capital, in a case form no case of the surname is
 * (redact_sense_noun_only: Шинам нужен ремонт, Шиной; not Шина, Шину,
 * which are the surname's genitive and dative too: "Шина видели",
 * tests/data/leaks/ko19.jsonl) and not before a verb a person does: the
 * noun, a review flag (brief s43, report-adv42 O-28). */
int redact_sense_noun_at_start(const struct normtext *t, size_t a, size_t b, int at_start)
{
    size_t wend;
    int first;

    if (!at_start || a >= b || b > t->normlen || utf8_next(&first, t->norm + a, t->normlen - a) <= 0 ||
        first < 0x400 || first > 0x52F || !redact_sense_upper(t, a))
        return 0;
    wend = redact_sense_run_end(t, a);
    return redact_sense_noun_only(t->norm + a, wend - a) && !redact_sense_person_verb(t, a, wend);
}

/* The ordinals and epithets that follow a monarch's or a pope's given
 * name (Пётр Первый, Петра Великого, Иван Грозный, Іван Третій), as
 * stems before an adjective's ending, Russian and Ukrainian; and the
 * words before a saint's or an apostle's (святого Петра, св. Петра,
 * апостола Павла, St. Peter, Saint Paul), and a king's, a queen's
 * (царь, царица, королева in their cases).  Written by us (brief s43,
 * report-adv42 O-15, O-17, O-24; brief s48 arab48). */
static const char regnal_stems[] =
    "перв|втор|трет|четв|пят|шест|седьм|восьм|девят|десят|велик|грозн|перш|друг|четверт|"
    "п'ят|п’ят|сьом|восьм|дев'ят|дев’ят";
static const char saint_words[] =
    "святой|святого|святому|святым|святом|святая|святую|святий|святим|святої|свята|святу|"
    "св|свв|апостол|апостола|апостолу|апостолом|апостоле|преподобного|преподобный|st|saint|san|santo|"
    "sankt|sv|pope|king|queen|царь|царя|царю|царём|царем|император|"
    "императора|императору|король|короля|королю|королём|королем|королева|королевы|цар|царя|"
    /* a queen regnant (царицы Тамары: brief s48 arab48, the guard of
     * report-adv47 line 48, which the Russian -ы made Tamar's) */
    "царица|царицы|царице|царицу|царицей|царицею|цариця|цариці|царицю|королеве|королеву|"
    "королевой|королевою";

/* 1 if the word [na, nb) of t is a Roman numeral in capitals (I to
 * XXXIX: the letters I, V, X), as after a monarch's name. */
static int roman_numeral(const struct normtext *t, size_t na, size_t nb)
{
    if (nb - na > 6 || !redact_sense_upper(t, na))
        return 0;
    for (size_t i = na; i < nb; i++)
        if (t->norm[i] != 'i' && t->norm[i] != 'v' && t->norm[i] != 'x')
            return 0;
    for (size_t i = na; i < nb; i++)
        if (!redact_sense_upper(t, i))
            return 0;
    return 1;
}

/* 1 if a Cyrillic word follows the one ending at e. */
static int cyrillic_after(const struct normtext *t, size_t e)
{
    size_t na, nb;
    int cp;

    return redact_sense_next_word(&na, &nb, t, e, 0) && utf8_next(&cp, t->norm + na, t->normlen - na) > 0 &&
           cp >= 0x400 && cp <= 0x52F;
}

int redact_sense_other_bearer(const struct normtext *t, size_t a, size_t b)
{
    size_t wend, na, nb, pa, pb, rest;

    if (a >= b || b > t->normlen)
        return 0;
    wend = redact_sense_run_end(t, a);
    if (redact_sense_next_word(&na, &nb, t, wend, 0)) {
        /* "I" alone before a space is the English pronoun, unless a
         * Cyrillic word follows ("Памятник Петру I стоит": report-adv44
         * O-7). */
        if (roman_numeral(t, na, nb) &&
            (nb - na > 1 || nb >= t->normlen || t->norm[nb] != ' ' || cyrillic_after(t, nb)))
            return 1;
        if (redact_sense_upper(t, na) && redact_sense_starts_with(&rest, t->norm, na, nb, regnal_stems) &&
            rest < nb && redact_sense_is_one(t->norm, rest, nb, redact_sense_adj_ends))
            return 1;
    }
    /* The word before, over one space, or over a full stop and a space
     * (св. Петра, St. Peter). */
    if (a >= 3 && t->norm[a - 1] == ' ' && t->norm[a - 2] == '.') {
        for (pb = a - 2, pa = pb; pa > 0 && is_word_cp(redact_cp_before(t->norm, pa));)
            pa = redact_sense_cp_start(t->norm, pa);
        return pa < pb && redact_sense_is_one(t->norm, pa, pb, saint_words);
    }
    return redact_sense_prev_word(&pa, &pb, t, a) && redact_sense_is_one(t->norm, pa, pb, saint_words);
}

/* The bytes of the text either side of a near-name's word that
 * redact_sense_other_bearer_near reads (a title before, an ordinal
 * after). */
#define BEARER_NEAR_SPAN 64

int redact_sense_window(const char *s, size_t len, size_t a, size_t b, size_t span,
                        int (*judge)(const struct normtext *t, size_t a, size_t b))
{
    struct normtext t;
    struct err e;
    size_t lo = a > span ? a - span : 0, hi = len - b > span ? b + span : len;
    size_t na = SIZE_MAX, nb = SIZE_MAX;
    int rc;

    if (a >= b || b > len)
        return 0;
    while (lo < a && ((unsigned char)s[lo] & 0xC0) == 0x80)
        lo++;
    while (hi > b && hi < len && ((unsigned char)s[hi] & 0xC0) == 0x80)
        hi--;
    if (normalise(&t, s + lo, hi - lo, &e) != 0)
        return 0;
    for (size_t n = 0; n < t.normlen; n++) {
        if (na == SIZE_MAX && t.ostart[n] >= a - lo)
            na = n;
        if (nb == SIZE_MAX && t.ostart[n] >= b - lo)
            nb = n;
    }
    if (nb == SIZE_MAX)
        nb = t.normlen;
    rc = na < nb && judge(&t, na, nb);
    normtext_free(&t);
    return rc;
}

int redact_sense_other_bearer_near(const char *s, size_t len, size_t a, size_t b)
{
    return redact_sense_window(s, len, a, b, BEARER_NEAR_SPAN, redact_sense_other_bearer);
}

/* 1 if the Russian or Ukrainian word-name [a, wend) in lower case reads as
 * the word where it stands: a possessive, a demonstrative, a preposition
 * or an adjective in lower case right before it. */
static int ru_word_sense(const struct normtext *t, size_t a, size_t wend)
{
    size_t pa, pb;

    if (redact_sense_trade_adjective(t->norm + a, wend - a))
        return 1;

    /* A salute, a proverb, the noun with the preposition it governs or a
     * negated being, with a capital too (Слава Украине!, Надежда умирает
     * последней, Вера в бога, Надежды больше нет). */
    if (redact_sense_stem(t, a, wend) && (redact_sense_dative_phrase(t, a, wend) || ru_phrase_at(t, a, wend) ||
                                     ru_governed_at(t, a, wend) || ru_negated_at(t, a, wend) ||
                                     redact_sense_dative_before(t, a, wend)))
        return 1;
    if (!ru_word_name(t, a, wend))
        return 0;
    /* In lower case, a case form other than the nominative (надежды,
     * веру, любви: "У нас не было надежды"): the noun, where no verb of a
     * person marks the name (the verdict's name_context, asked first). */
    if (!redact_sense_nominative(t, a, wend))
        return 1;
    if (!redact_sense_prev_word(&pa, &pb, t, a))
        return 0;
    return redact_sense_is_one(t->norm, pa, pb, ru_before_word) ||
           (pb - pa > 6 && redact_sense_ends_with(t->norm, pa, pb, ru_adjective_ends));
}

/* ---- English ---- */

/* Words after a capitalised word at a sentence's start that make it an
 * auxiliary or a verb with a pronoun ("Will you come?", "May I go?", "Hope
 * you are well", "So we went").  Not a determiner or a possessive: "Mark
 * the date" reads as "Mark the driver came" and "Mark my words" as "Mark
 * my brother said" (a name with its apposition, common in testimony), so
 * those keep their flag (the lead's decision, session 28). */
static const char en_after_verb[] = "it|them|me|us|him|you|we|they|i|he|she|there";

/* ---- The rules ---- */

/* Words for kin and for people close to one, after a Mongolian name in the
 * genitive ("Баатрын эхнэр" "Baatar's wife", "Цэцгийн охин"): the
 * genitive is then a person's, not the word's ("гэрлийн чийдэн"). */
static const char mn_kin[] =
    "эхнэр|нөхөр|охин|хүү|ээж|аав|ах|эгч|дүү|эмээ|өвөө|хүүхэд|гэр бүл|найз|хадам|"
    "ач|зээ|авга|нагац|үр|хань|багш|дарга";

/* 1 if the Cyrillic word from norm byte a is a genitive (-ын, -ийн, -ны,
 * -ий) before a word of mn_kin. */
static int mn_genitive_of_person(const struct normtext *t, size_t a)
{
    size_t wend = redact_sense_run_end(t, a), na, nb, r;

    return redact_sense_ends_with(t->norm, a, wend, "ын|ийн|ны|ий|ин") && redact_sense_next_word(&na, &nb, t, wend, 0) &&
           redact_sense_starts_with(&r, t->norm, na, nb, mn_kin);
}

int redact_sense_name(const struct normtext *t, size_t a, size_t b)
{
    size_t s;
    int cp;

    (void)b;
    if (utf8_next(&cp, t->norm + a, t->normlen - a) > 0 && cp >= 0x400 && cp <= 0x52F &&
        mn_genitive_of_person(t, a))
        return 1;
    /* An initial of the father's name right before ("Б.Гэрэл", "Б. Гэрэл"):
     * the full stop made the name a sentence's start. */
    if (a >= 2 && t->norm[a - 1] == ' ')
        a--;
    if (a < 3 || t->norm[a - 1] != '.')
        return 0;
    s = redact_sense_cp_start(t->norm, a - 1);
    return utf8_next(&cp, t->norm + s, a - 1 - s) > 0 && cp >= 0x400 && cp <= 0x52F &&
           redact_sense_upper(t, s) && !(s > 0 && is_word_cp(redact_cp_before(t->norm, s)));
}

int redact_sense_word(const struct normtext *t, size_t a, size_t b)
{
    int first;
    size_t wend, na, nb;

    if (a >= b || b > t->normlen || utf8_next(&first, t->norm + a, t->normlen - a) <= 0)
        return 0;
    if (redact_sense_name(t, a, b))
        return 0;
    if (redact_sense_feast(t, a, b))
        return 1;
    /* A hit glued to what comes before it ("x@gmail.comгэрэл", a
     * placeholder in the re-scan) may be a handle: it keeps its flag. */
    if (a > 0 && t->norm[a - 1] != ' ' && strchr("\"'([-", t->norm[a - 1]) == NULL)
        return 0;
    if (first >= 0x0620 && first <= 0x06FF)
        return redact_sense_ar_noun(t, a, b);
    wend = redact_sense_run_end(t, b);
    if (first >= 0x400 && first <= 0x52F)
        return mn_word_sense(t, a, wend) || ru_word_sense(t, a, wend);
    if (is_hangul_cp(first))
        return ko_word_sense(t, a, b, wend);
    if (first >= 'a' && first <= 'z' && wend == b && redact_sense_upper(t, a) &&
        redact_sense_next_word(&na, &nb, t, b, 0) && redact_sense_is_one(t->norm, na, nb, en_after_verb))
        return 1;
    return 0;
}

/* 1 if norm [a, b) is Hangul syllables only (three bytes each). */
static int hangul_only(const struct normtext *t, size_t a, size_t b)
{
    int cp;

    for (size_t p = a; p < b; p += 3)
        if (utf8_next(&cp, t->norm + p, b - p) != 3 || !is_hangul_cp(cp))
            return 0;
    return b > a;
}

/* Predicates of quantity and number (많다 "be many", 적다 "be few", 늘다
 * "grow", 줄다 "shrink", 다양하다 "be varied", 풍부하다 "be rich"), as the
 * starts of their forms. */
static const char ko_quantity[] =
    "많은|많다|많았|많고|많아져|많아졌|많지|많습|적었|적은|적다|적고|늘었|늘어|늘고|줄었|줄어|"
    "줄고|다양|풍부";

/* 1 if a Korean hit ending at norm byte b is followed by a subject or topic
 * particle and, after one space, a predicate of ko_quantity. */
static int ko_count_noun(const struct normtext *t, size_t b)
{
    size_t e = redact_sense_run_end(t, b), na, nb, r;

    return redact_sense_is_one(t->norm, b, e, "이|가|은|는|도") && redact_sense_next_word(&na, &nb, t, e, 0) &&
           redact_sense_starts_with(&r, t->norm, na, nb, ko_quantity);
}

int redact_sense_as_word(const struct normtext *t, size_t a, size_t b, int at_start, size_t *ga)
{
    size_t wend;
    int first;

    if (a >= b || b > t->normlen || utf8_next(&first, t->norm + a, t->normlen - a) <= 0)
        return 0;
    *ga = a;
    if (first >= 0x0620 && first <= 0x06FF)
        return redact_sense_ar_noun(t, a, b);
    /* A Korean given name as the subject of a predicate of quantity
     * (종수가 많은 숲 "a forest of many species"): no person is many. */
    if (is_hangul_cp(first) && ko_count_noun(t, b))
        return 1;
    /* A Korean surname of one syllable, a space, a given name of two
     * syllables or more that hunspell-ko knows as a word (strictly, as the
     * redactor asks of a registered name: redact_hits.c lit_form). */
    if (is_hangul_cp(first)) {
        if (b - a < 10 || t->norm[a + 3] != ' ' || !hangul_only(t, a, a + 3) ||
            !hangul_only(t, a + 4, b) || !redact_ordinary_ko(t->norm + a + 4, b - a - 4, 1))
            return 0;
        *ga = a + 4;
        return 1;
    }
    if (first < 0x400 || first > 0x52F)
        return 0;
    wend = redact_sense_run_end(t, a);
    if (wend < b)
        return 0;
    /* An adjective of a trade (Гончарний круг, ковальського молота):
     * a word in any case (report-adv41 O-19). */
    if (redact_sense_trade_adjective(t->norm + a, wend - a))
        return 1;
    /* A salute anywhere ("кричали «Слава Україні!»"): judged as the word
     * (brief s32 set32). */
    if (ru_word_name(t, a, wend) || ru_word_at_start(t, a, wend, at_start) ||
        (redact_sense_stem(t, a, wend) && redact_sense_dative_phrase(t, a, wend)))
        return 1;
    /* A Mongolian case form (гэрлийн, алтны, гэрэлд) the dictionary knows
     * as a word of its own: the name's word form, as the name itself is
     * when the dictionary knows it (FORM_WORD). */
    return redact_cyrillic_word(t->norm + a, wend - a);
}

int redact_sense_phrase(const struct normtext *t, size_t a, size_t b)
{
    size_t wend, na, nb;
    int first;

    if (a >= b || b > t->normlen || utf8_next(&first, t->norm + a, t->normlen - a) <= 0 ||
        first < 0x400 || first > 0x52F)
        return 0;
    wend = redact_sense_run_end(t, b);
    if (redact_sense_stem(t, a, wend) && redact_sense_dative_phrase(t, a, wend))
        return 1;
    return redact_sense_next_word(&na, &nb, t, wend, 0) && redact_sense_lower(t, na) && mn_phrase_at(t, a, wend, na, nb) &&
           mn_phrase_ends(t, nb);
}

int redact_sense_person_verb(const struct normtext *t, size_t a, size_t b)
{
    size_t na, nb;

    if (a >= b || b > t->normlen || redact_sense_run_end(t, b) != b || !redact_sense_next_word(&na, &nb, t, b, 0))
        return 0;
    return flag_action_verb(t->norm + na, nb - na) || flag_speech_verb(t->norm + na, nb - na);
}

int redact_sense_near_word(const struct normtext *t, size_t a, size_t b)
{
    int first;

    if (a >= b || b > t->normlen || utf8_next(&first, t->norm + a, t->normlen - a) <= 0)
        return 0;
    if (first >= 0x400 && first <= 0x52F && b - a >= 10 && redact_sense_lower(t, a) &&
        redact_sense_ends_with(t->norm, a, b, ru_verb_past))
        return 1;
    return redact_sense_word(t, a, b);
}

static int any_form(void *ctx, const char *form, size_t formlen)
{
    (void)ctx, (void)form, (void)formlen;
    return 1;
}

int redact_cyrillic_word(const char *w, size_t len)
{
    if (redact_known_word(LEXICON_MN, w, len) != 1)
        return 0;
    return nicknames_each(w, len, any_form, NULL) != 1 || slavic_word(w, len);
}

/* The bytes a sentence is read over either side of a word (a longer one
 * is read in part: its nearest words decide). */
#define RU_SENTENCE_SPAN 400

/* 1 if cp ends a sentence in the norm view. */
static int sentence_end_cp(int cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == '\n';
}

int redact_mn_word_in_russian(const struct normtext *t, size_t a, size_t b)
{
    size_t s = a, e, p, wend = redact_sense_run_end(t, a);
    unsigned known = 0, unknown = 0;
    int cp, k = 0;

    if (a >= b || utf8_next(&cp, t->norm + a, t->normlen - a) <= 0 || cp < 0x400 || cp > 0x4FF ||
        wend - a > 64 || redact_known_word(LEXICON_MN, t->norm + a, wend - a) != 1 ||
        slavic_lower_word(t->norm + a, wend - a))
        return 0;
    while (s > 0 && a - s < RU_SENTENCE_SPAN) {
        size_t q = redact_sense_cp_start(t->norm, s);
        if (utf8_next(&cp, t->norm + q, s - q) <= 0 || sentence_end_cp(cp))
            break;
        s = q;
    }
    for (e = wend; e < t->normlen && e - wend < RU_SENTENCE_SPAN; e += (size_t)k)
        if ((k = utf8_next(&cp, t->norm + e, t->normlen - e)) <= 0 || sentence_end_cp(cp))
            break;
    /* Each other word of the sentence: a letter only Mongolian writes
     * (ө, ү) says Mongolian; else the words hunspell-mn does not know
     * against those it knows (телефон, паспорт, там are Mongolian words
     * too). */
    for (p = s; p < e;) {
        size_t w = p, letters = 0;
        int cyr = 0;
        for (; p < e && (k = utf8_next(&cp, t->norm + p, e - p)) > 0 && is_word_cp(cp); p += (size_t)k, letters++) {
            if (cp == 0x4E9 || cp == 0x4AF)
                return 0;
            cyr |= letters == 0 && cp >= 0x400 && cp <= 0x4FF;
        }
        if (p == w) {
            p += k > 0 ? (size_t)k : 1;
            continue;
        }
        if (!cyr || letters < 2 || (w <= a && p >= wend))
            continue;
        if (redact_known_word(LEXICON_MN, t->norm + w, p - w) == 1)
            known++;
        else
            unknown++;
    }
    return unknown > 0 && unknown >= known;
}
