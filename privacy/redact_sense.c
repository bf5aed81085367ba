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
 * a native reviewer, as data/nicknames does. */
#include <string.h>
#include <utf8proc.h>

#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/redact_sense.h"

/* ---- Words of the norm view ----
 * Nothing here calls redact_context.c, which calls this file (the layers'
 * call graph has no cycle): the caller has already ruled out a hit
 * written with a capital where no sentence starts (a name), and the
 * capitals read here are the original letters' own. */

/* The start of the code point ending at norm byte n (n > 0). */
static size_t cp_start(const char *s, size_t n)
{
    n--;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n;
}

/* 1 if the original text at norm byte n starts with a letter written in
 * lower case (has an upper case of its own); an escape or a reference
 * (&#1041;) is none: the caller then keeps the flag. */
static int written_lower(const struct normtext *t, size_t n)
{
    size_t o = t->ostart[n];
    int cp;

    return utf8_next(&cp, t->orig + o, t->inlen - o) > 0 && utf8proc_tolower(cp) == cp &&
           utf8proc_toupper(cp) != cp;
}

/* 1 if the original text at norm byte n starts with a letter written in
 * upper case. */
static int written_upper(const struct normtext *t, size_t n)
{
    size_t o = t->ostart[n];
    int cp;

    return utf8_next(&cp, t->orig + o, t->inlen - o) > 0 && utf8proc_toupper(cp) == cp &&
           utf8proc_tolower(cp) != cp;
}

/* 1 if norm [a, b) starts with one of the '|'-separated entries of list;
 * *rest is then the end of the entry in norm. */
static int starts_with_one(size_t *rest, const char *s, size_t a, size_t b, const char *list)
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
static int is_one(const char *s, size_t a, size_t b, const char *list)
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
static size_t run_end(const struct normtext *t, size_t p)
{
    int cp, k;

    while (p < t->normlen && (k = utf8_next(&cp, t->norm + p, t->normlen - p)) > 0 && is_word_cp(cp))
        p += (size_t)k;
    return p;
}

/* The word after the word ending at norm byte e, over one space (a comma
 * before the space when comma is set): [*na, *nb); 0 if none. */
static int next_word(size_t *na, size_t *nb, const struct normtext *t, size_t e, int comma)
{
    if (comma && e < t->normlen && t->norm[e] == ',')
        e++;
    if (e + 1 >= t->normlen || t->norm[e] != ' ')
        return 0;
    *na = e + 1;
    *nb = run_end(t, *na);
    return *nb > *na;
}

/* The word before norm byte a, over one space: [*pa, *pb); 0 if none. */
static int prev_word(size_t *pa, size_t *pb, const struct normtext *t, size_t a)
{
    if (a < 2 || t->norm[a - 1] != ' ')
        return 0;
    *pb = a - 1;
    for (*pa = *pb; *pa > 0 && is_word_cp(redact_cp_before(t->norm, *pa));)
        *pa = cp_start(t->norm, *pa);
    return *pa < *pb;
}

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
    { "алтан|алтн", "загас|медал|намар|гадас|ураг|ордо|ордн|үе|сургаал|шороо|бөмбөгөр|бөгж|хонх|аяга|титэм|дэлхий|гэрэл|нар" },
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

/* 1 if norm [a, e) ends with one of the '|'-separated entries of list. */
static int ends_with_one(const char *s, size_t a, size_t e, const char *list)
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

/* 1 if the word norm [a, b) is a Mongolian verb no person does: a stem
 * of mn_thing_verbs, then one of mn_verb_endings. */
static int mn_thing_verb(const struct normtext *t, size_t a, size_t b)
{
    for (const char *list = mn_thing_verbs; *list != '\0';) {
        const char *bar = strchr(list, '|');
        size_t k = bar != NULL ? (size_t)(bar - list) : strlen(list);
        if (k <= b - a && memcmp(t->norm + a, list, k) == 0 && is_one(t->norm, a + k, b, mn_verb_endings))
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
    if (!next_word(&na, &nb, t, e, 0) || !written_lower(t, na))
        return 0;
    return mn_thing_verb(t, na, nb) || is_one(t->norm, na, nb, mn_postpositions) ||
           !mn_verb_shaped(t, na, nb);
}

/* 1 if a Mongolian word [a, wend) (the hit and its ending) reads as the
 * ordinary word where it stands. */
static int mn_word_sense(const struct normtext *t, size_t a, size_t wend)
{
    size_t na, nb, r;

    /* Баяртай! "goodbye" (and "happy"), alone before a comma or a stop. */
    if (is_one(t->norm, a, wend, "баяртай") && (wend == t->normlen || strchr(",.!", t->norm[wend]) != NULL))
        return 1;
    if (!next_word(&na, &nb, t, wend, 0) || !written_lower(t, na))
        return 0;
    /* A verb no person does right after it ("Гэрэл унтарлаа"). */
    if (mn_thing_verb(t, na, nb))
        return 1;
    for (size_t i = 0; i < sizeof mn_phrases / sizeof mn_phrases[0]; i++)
        if (starts_with_one(&r, t->norm, a, wend, mn_phrases[i].word) &&
            starts_with_one(&r, t->norm, na, nb, mn_phrases[i].next) &&
            !mn_verb_shaped(t, na, nb) && mn_phrase_ends(t, nb))
            return 1;
    if (ends_with_one(t->norm, a, wend, mn_ablative) && starts_with_one(&r, t->norm, na, nb, mn_made_of))
        return 1;
    /* The proprietive before a noun or an adjective: "a lit room". */
    return ends_with_one(t->norm, a, wend, mn_proprietive) && !mn_verb_shaped(t, na, nb) &&
           !starts_with_one(&r, t->norm, na, nb, mn_with_person) && mn_phrase_ends(t, nb);
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
        if (!is_one(t->norm, a, b, ko_words[i].word))
            continue;
        /* 하나님 "God", 나라님: the name with a glued tail that is a word
         * of its own (redact_ko_own_word). */
        for (size_t e = b + 3; e <= wend; e += 3)
            if (redact_ko_own_word(t->norm + a, e - a))
                return 1;
        if (prev_word(&pa, &pb, t, a) && is_one(t->norm, pa, pb, ko_words[i].before))
            return 1;
        if (wend == b && next_word(&na, &nb, t, b, 1) &&
            starts_with_one(&r, t->norm, na, nb, ko_words[i].after))
            return 1;
        /* The tail, and the next word's first syllable after a particle
         * (하나도 없었다: "도없"; 하나가 되었다: "가되"). */
        if (wend - b < sizeof tail - 8) {
            memcpy(tail, t->norm + b, wend - b);
            n = wend - b;
            if (next_word(&na, &nb, t, wend, 0) && nb - na >= 3)
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

/* ---- English ---- */

/* Words after a capitalised word at a sentence's start that make it an
 * auxiliary or a verb with a pronoun ("Will you come?", "May I go?", "Hope
 * you are well", "So we went").  Not a determiner or a possessive: "Mark
 * the date" reads as "Mark the driver came" and "Mark my words" as "Mark
 * my brother said" (a name with its apposition, common in testimony), so
 * those keep their flag (the lead's decision, session 28). */
static const char en_after_verb[] = "it|them|me|us|him|you|we|they|i|he|she|there";

/* ---- The rules ---- */

int redact_sense_name(const struct normtext *t, size_t a, size_t b)
{
    size_t s;
    int cp;

    (void)b;
    /* An initial of the father's name right before ("Б.Гэрэл", "Б. Гэрэл"):
     * the full stop made the name a sentence's start. */
    if (a >= 2 && t->norm[a - 1] == ' ')
        a--;
    if (a < 3 || t->norm[a - 1] != '.')
        return 0;
    s = cp_start(t->norm, a - 1);
    return utf8_next(&cp, t->norm + s, a - 1 - s) > 0 && cp >= 0x400 && cp <= 0x52F &&
           written_upper(t, s) && !(s > 0 && is_word_cp(redact_cp_before(t->norm, s)));
}

int redact_sense_word(const struct normtext *t, size_t a, size_t b)
{
    int first;
    size_t wend, na, nb;

    if (a >= b || b > t->normlen || utf8_next(&first, t->norm + a, t->normlen - a) <= 0)
        return 0;
    if (redact_sense_name(t, a, b))
        return 0;
    /* A hit glued to what comes before it ("x@gmail.comгэрэл", a
     * placeholder in the re-scan) may be a handle: it keeps its flag. */
    if (a > 0 && t->norm[a - 1] != ' ' && strchr("\"'([-", t->norm[a - 1]) == NULL)
        return 0;
    wend = run_end(t, b);
    if (first >= 0x400 && first <= 0x52F)
        return mn_word_sense(t, a, wend);
    if (is_hangul_cp(first))
        return ko_word_sense(t, a, b, wend);
    if (first >= 'a' && first <= 'z' && wend == b && written_upper(t, a) &&
        next_word(&na, &nb, t, b, 0) && is_one(t->norm, na, nb, en_after_verb))
        return 1;
    return 0;
}
