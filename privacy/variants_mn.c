/* Mongolian names in other spellings (variants.h, docs/VARIANTS.md): the
 * romanisation systems, the Russian spellings and the endings of
 * Mongolian Cyrillic, a Cyrillic name's Latin and Russian forms, short
 * forms and elements, and the Cyrillic readings of a Latin one.  Called by
 * variants.c; calls no other variants file. */
#include "privacy/variants.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "crypto/secmem.h"
#include "privacy/common_words.h"
#include "privacy/hanja.h"
#include "privacy/normalise.h"
#include "privacy/romanise.h"
#include "privacy/variants_ko.h"
#include "privacy/varlist.h"
#include "util/lexicon.h"
#include "privacy/variants_int.h"

#define N_MN_LETTERS romanise_mn_count

/* Mongolian Cyrillic in the other romanisation systems, each written as a
 * whole word (a system is not mixed letter by letter with the others):
 * BGN/PCGN 1964 (with dzh for ж, as English spells the Russian form),
 * ISO 9:1995, the scholarly system (Poppe, Vladimirtsov:
 * ė, ǰ, č, š, x), German (Duden's transcription: w, dsch, sch, tsch, z)
 * and GOST 7.79-2000 system B (cz, zh, x, y').  Marks are written as the
 * normalised text reads them: ö, ü, ô, ù, è, ė, š, ž, č, ǰ lose their marks
 * (normalise.c), so ISO 9's š is "s" here.  '|' separates the spellings a
 * system allows for one letter (German w or v).  Sources: the BGN/PCGN
 * 1964 romanization of Mongolian, ISO 9:1995 table 1, GOST 7.79-2000
 * (system B), the transliteration of Mongolian studies (ė, ǰ, č, š, x)
 * and the German transcription (de.wikipedia "Mongolische Schrift",
 * Transkription). */
static const char *const mn_systems[][6] = {
    {"а", "a", "a", "a", "a", "a"}, {"б", "b", "b", "b", "b", "b"},
    {"в", "v", "v", "v", "w|v", "v"}, {"г", "g", "g", "g", "g", "g"},
    {"д", "d", "d", "d", "d", "d"}, {"е", "ye", "e", "e|je", "je|e", "e"},
    {"ё", "yo", "e", "jo", "jo", "yo"}, {"ж", "j|dzh", "z", "j", "dsch", "zh"},
    {"з", "z", "z", "z", "ds", "z"}, {"и", "i", "i", "i", "i", "i"},
    {"й", "i", "j", "i", "i", "j"}, {"к", "k", "k", "k", "k", "k"},
    {"л", "l", "l", "l", "l", "l"}, {"м", "m", "m", "m", "m", "m"},
    {"н", "n", "n", "n", "n", "n"}, {"о", "o", "o", "o", "o", "o"},
    {"ө", "o", "o", "o", "o|oe", "o"}, {"п", "p", "p", "p", "p", "p"},
    {"р", "r", "r", "r", "r", "r"}, {"с", "s", "s", "s", "s", "s"},
    {"т", "t", "t", "t", "t", "t"}, {"у", "u", "u", "u", "u", "u"},
    {"ү", "u", "u", "u", "u|ue", "u"}, {"ф", "f", "f", "f", "f", "f"},
    {"х", "kh", "h", "x", "ch", "x"}, {"ц", "ts", "c", "c", "z", "cz"},
    {"ч", "ch", "c", "c", "tsch", "ch"}, {"ш", "sh", "s", "s", "sch", "sh"},
    {"щ", "shch", "s", "sc", "schtsch", "shh"}, {"ъ", "", "", "", "", ""},
    {"ы", "y", "y", "y", "y", "y"}, {"ь", "", "", "", "", ""},
    {"э", "e", "e", "e", "e", "e"}, {"ю", "yu", "ju", "ju", "ju", "yu"},
    {"я", "ya", "ja", "ja", "ja", "ya"},
};
#define N_MN_SYSTEMS 5

/* How a Latin spelling's vowels read in Mongolian Cyrillic beyond the
 * first reading: u is у, ү or ө (Tuvshinjargal Түвшинжаргал, Munkhbat
 * Мөнхбат in passports), o is о or ө (Monkhbat).  From the same tables as
 * romanise_mn_letters (u for у, ү and ө; o for о and ө). */
static const char *const mn_latin_vowels[][4] = {
    {"у", "ү", "ө", 0}, {"о", "ө", 0},
};

/* Case endings (genitive, accusative, dative-locative (-ид after ж, ч,
 * ш, г: эгчид, багшид), ablative,
 * instrumental, comitative, directional), reflexive possessive, privative
 * (-гүй), "X's family" (-ийнх, -ынхан) and plural; up to three stack
 * ("Бурмаатайг", "Улаадайнхан", "Хүчүгүртээ").  Their Latin spellings are
 * made from these with the letter table (mn_latin_endings). */
const char *const mn_endings[] = {
    "ын", "ийн", "ний", "н", "ий", "гийн", "ы", "ыг", "ийг", "г", "гийг", "д", "т", "ад",
    "эд", "од", "өд", "ид", "аас", "ээс", "оос", "өөс", "иас", "иос", "гаас", "гээс", "наас",
    "нээс", "аар", "ээр", "оор", "өөр", "иар", "гаар", "гээр", "тай", "тэй", "той",
    "руу", "рүү", "луу", "лүү", "аа", "ээ", "оо", "өө", "гаа", "гээ", "гоо", "гөө", "ынх", "ийнх",
    "ых", "ийх", "нийх", "даа", "дээ", "доо", "дөө", "таа", "тээ", "тоо", "төө", "гүй", "хан", "хэн", "хон", "хөн",
    "ан", "эн", "он", "өн", "нхан", "нхэн", "ууд", "үүд", "нууд", "нүүд", "ч",
    /* "X's family" as one ending, so its Latin spelling is one too
     * (Dorjiinhon: report adv12c H68) */
    "ийнхан", "ийнхэн", "ийнхон", "ийнхөн", "ынхан", "ынхэн", "ынхон", "ынхөн",
    /* Russian case endings, as Russian text declines a Mongolian name
     * (Батбаяра отправили, Батбаяру, Батбаяром, о Батбаяре; Сарная) */
    "а", "у", "ом", "ем", "ём", "е", "ы", "и", "ой", "ей", "ою", "ю", "я",
    /* and the Ukrainian dative of a masculine noun, hard and soft stem
     * (Шевчукові, Ковалеві, Андрієві: Ukrainian grammar; report-adv33
     * L-39), the other Ukrainian cases being among the Russian ones */
    "ові", "еві", "єві",
    /* and the Russian patronymic and surname built on a Mongolian father's
     * name, with their cases (Батбаяровна, Батбаярович, Батбаяров:
     * report-adv12c H52) */
    "ович", "овича", "овичу", "овичем", "овиче", "овна", "овны", "овне", "овну", "овной",
    "ов", "ова", "ову", "овым", "ове", "евич", "евна", "ев", "ева",
};
#define N_MN_ENDINGS (sizeof mn_endings / sizeof mn_endings[0])
#define N_MN_NATIVE_ENDINGS (N_MN_ENDINGS - 35)
const size_t n_mn_endings = N_MN_ENDINGS;     /* variants_int.h */
const size_t n_mn_native_endings = N_MN_NATIVE_ENDINGS;

/* Kazakh case endings, one after a name as Kazakh text declines it
 * (Ерланға, Сейтовқа, Гүлнараның, Ерекеңмен: brief s43 short43,
 * report-adv42 L-44, L-75 and its guards): dative -ға -ге -қа -ке,
 * genitive -ның -нің -дың -дің -тың -тің, accusative -ны -ні -ды -ді -ты
 * -ті, locative -да -де -та -те, ablative -дан -ден -тан -тен -нан -нен,
 * instrumental -мен -бен -пен (-менен), by vowel harmony and the last
 * sound of the stem, in the norm view's letters (ғ қ ң і kept; the key
 * folds them).  From the case tables of Kazakh grammars (Н. Оралбаева,
 * Қазіргі қазақ тілінің морфологиясы; ru.wikipedia "Казахский язык",
 * "Падежи"), written by hand.  Not the endings after a possessive (-на,
 * -нда, -нан of Ерланына): -нда made Вера + нда "веранда". */
const char *const kk_endings[] = {
    "ға", "ге", "қа", "ке", "ның", "нің", "дың", "дің", "тың", "тің", "ны", "ні", "ды", "ді",
    "ты", "ті", "да", "де", "та", "те", "дан", "ден", "тан", "тен", "нан", "нен", "мен", "бен",
    "пен", "менен", "бенен", "пенен",
};
const size_t n_kk_endings = sizeof kk_endings / sizeof kk_endings[0];   /* variants_int.h */

/* Latin spellings of endings written by hand (older systems and usage). */
static const char *const mn_latin_extra[] = {
    "iyn", "nii", "iig", "giig", "uus", "tay", "tey", "toy", "ynkh", "iinkh",
};

/* ---- Mongolian ---- */

/* The slot of Cyrillic letter li after letter prev (-1 at the start): its
 * Latin spellings, and nothing at all for the second letter of a long
 * vowel (Баасанжав is also written "Basanjav", Өлзийбаяр "Olzibayar",
 * Энхтуяа "Enkhtuya"). */
static void mn_slot(struct slot *s, int li, int prev)
{
    static const char *const vowels[] = { "а", "э", "о", "ө", "у", "ү", "и", "ы" };
    /* Pairs written for one long sound: ий, ый, and яа, ёо, еэ, юу, юү. */
    static const char *const pairs[][2] = {
        {"и", "й"}, {"ы", "й"}, {"я", "а"}, {"ё", "о"}, {"е", "э"}, {"ю", "у"}, {"ю", "ү"},
    };
    /* ISO 9's ju and ja mixed into the other systems (Ojuuntsetseg):
     * written, but not read back from a Latin name (mnrev_rec). */
    static const char *const written_only[][2] = {
        {"ю", "ju"}, {"я", "ja"},
        /* The older English spelling of в as b, kept by the names of
         * places (Gobi for Говь, Ubsu for Увс; report adv12 A-8) and of
         * people (Lubsan for Лувсан): inside a word only.  A Mongolian
         * word does not start with в but in a loan, and there no one
         * writes b: Вера is no "Bera", whose stem with the accusative -г
         * was the pseudonym "Tom Berg" (report-adv30 O-2). */
        {"в", "b"},
    };
    size_t k;
    int i, single = 0;

    memset(s, 0, sizeof *s);
    for (i = 1; i < 5 && romanise_mn_letters[li][i]; i++)
        slot_add(s, romanise_mn_letters[li][i], "", "");
    for (k = 0; k < sizeof written_only / sizeof written_only[0]; k++)
        if (strcmp(romanise_mn_letters[li][0], written_only[k][0]) == 0 &&
            (prev >= 0 || strcmp(written_only[k][1], "b") != 0))
            slot_add(s, written_only[k][1], "", "");
    if (prev < 0)
        return;
    single = prev == li && mn_letter_in(li, vowels, 8);
    for (k = 0; k < sizeof pairs / sizeof pairs[0]; k++)
        single |= strcmp(romanise_mn_letters[prev][0], pairs[k][0]) == 0 &&
                  strcmp(romanise_mn_letters[li][0], pairs[k][1]) == 0;
    if (single)
        slot_add(s, "", "", "");
}

static int mn_system_forms(struct variant_list *out, const int *li, int n, int skip,
                           int suffix, size_t cap);

/* Adds key[0..len) without the letter at byte del..del+dlen (a stem that
 * must take an ending) and its Latin spellings from slots s without slot
 * skip (letters li[0..n); at most latin_cap, 0: none). */
static int mn_stem(struct variant_list *out, const char *key, size_t len, size_t del,
                   size_t dlen, const struct slot *s, const int *li, int n, int skip,
                   size_t latin_cap)
{
    struct slot t[SLOT_MAX];
    char buf[SLOT_MAX * 4];
    int i, m = 0;

    if (len - dlen >= sizeof buf)
        return 0;
    memcpy(buf, key, del);
    memcpy(buf + del, key + del + dlen, len - del - dlen);
    if (list_add(out, buf, len - dlen, RULE_INFLECTION, SUFFIX_MN_STEM) != 0 ||
        (latin_cap > 0 && mn_everyday_forms(out, buf, len - dlen, RULE_INFLECTION,
                                            SUFFIX_MN_STEM, 2) != 0))
        return -1;
    sodium_memzero(buf, sizeof buf);
    if (latin_cap == 0)
        return 0;
    for (i = 0; i < n; i++)
        if (i != skip)
            t[m++] = s[i];
    if (combine(out, t, m, RULE_INFLECTION, SUFFIX_MN_STEM, out->n + latin_cap) != 0)
        return -1;
    return mn_system_forms(out, li, n, skip, SUFFIX_MN_STEM, latin_cap >= 100 ? 8 : 2);
}

/* Adds the Cyrillic letters li[0..n) as a key and in every Latin system
 * (at most cap spellings). */
int mn_add_letters(struct variant_list *out, const int *li, int n, int rule, int suffix,
                   size_t cap)
{
    struct slot s[SLOT_MAX];
    char buf[SLOT_MAX * 2];
    size_t at = 0, k;
    int i, rc;

    if (n <= 0 || n > SLOT_MAX)
        return 0;
    for (i = 0; i < n; i++) {
        k = strlen(romanise_mn_letters[li[i]][0]);
        memcpy(buf + at, romanise_mn_letters[li[i]][0], k);
        at += k;
        mn_slot(&s[i], li[i], i > 0 ? li[i - 1] : -1);
    }
    rc = list_add(out, buf, at, rule, suffix);
    if (rc == 0)
        rc = combine(out, s, n, rule, suffix, out->n + cap);
    /* Short forms and elements in everyday and chat Latin too (Qlzii,
     * 4imgee: variants_mn_everyday.c). */
    if (rc == 0)
        rc = mn_everyday_forms(out, buf, at, rule, suffix, cap >= 40 ? 4 : 2);
    sodium_memzero(buf, sizeof buf);
    return rc != 0 ? -1 : 0;
}

/* Adds base li[0..n) with a long vowel (Алт → Алтаа), and, when its last
 * syllable has a fleeting vowel, without it (Гэрэл → Гэрлээ). */
int mn_short_form(struct variant_list *out, const int *li, int n)
{
    int f[SLOT_MAX], v = mn_long_vowel(li, n), m;

    if (n < 3 || n + 2 > SLOT_MAX)
        return 0;
    memcpy(f, li, (size_t)n * sizeof *f);
    f[n] = f[n + 1] = v;
    if (mn_add_letters(out, f, n + 2, RULE_VARIANT, SUFFIX_MN, 40) != 0)
        return -1;
    if (n < 4 || !mn_is_consonant(li[n - 1]) || !mn_is_short_vowel(li[n - 2]) ||
        !mn_is_consonant(li[n - 3]))
        return 0;
    memcpy(f, li, (size_t)(n - 2) * sizeof *f);
    m = n - 2;
    f[m++] = li[n - 1];
    f[m] = f[m + 1] = v;
    return mn_add_letters(out, f, m + 2, RULE_VARIANT, SUFFIX_MN, 40);
}

/* A name of one short syllable (Дорж, Сүх, Болд, Бат) as people write it
 * with a soft sign after a consonant of its end or its vowel doubled
 * (report-adv20 R-1: Дорьжийн, Дорьжоо, Сүхьтэй, Сүүхийн): the soft sign
 * marks the palatal consonant a speaker hears before a front ending, the
 * doubled vowel the length a short name is said with.  In Cyrillic only,
 * with case endings: Latin writes the soft sign as nothing or as an i
 * that makes other words (Boldi), and a doubled Latin vowel is the
 * leetspeak of other words (b00ld reads boold).  Names of two syllables
 * or more are left: they have their stems and short forms, and a soft
 * sign inside them is no usual slip.  0, or -1 when out of memory. */
static int mn_soft_forms(struct variant_list *out, const int *li, int n)
{
    int v = -1, soft = mn_letter_of("ь"), i, j, rc = 0;

    if (n < 3 || n > 5 || soft < 0)
        return 0;
    for (i = 0; i < n; i++)
        if (!mn_is_consonant(li[i])) {
            if (v >= 0 || !mn_is_short_vowel(li[i]) || li[i] == soft)
                return 0;
            v = i;
        }
    if (v < 0 || v == n - 1)
        return 0;
    /* j: the letter a soft sign follows (v+1 .. n-1), or v, the vowel
     * written twice. */
    for (j = v; j < n && rc == 0; j++) {
        char buf[SLOT_MAX * 2];
        size_t at = 0, k;
        for (i = 0; i < n; i++) {
            k = strlen(romanise_mn_letters[li[i]][0]);
            memcpy(buf + at, romanise_mn_letters[li[i]][0], k), at += k;
            if (i == j && j == v)
                memcpy(buf + at, buf + at - k, k), at += k;
            else if (i == j)
                memcpy(buf + at, "ь", 2), at += 2;
        }
        rc = list_add(out, buf, at, RULE_VARIANT, SUFFIX_MN);
        sodium_memzero(buf, sizeof buf);
    }
    return rc;
}

/* The Russian pet form of a Mongolian name (report-adv19a N-16): its
 * start li[0..n) (Бат of Батбаяр, Алтан of Алтангэрэл) + -ка, as Russian
 * speakers shorten a name (Серёжка, Наташка), in the Russian cases of
 * the first declension (Алтанка, Алтанку, Алтанке, Алтанкой, Алтанки),
 * each with the Mongolian endings too; the nominative in Latin too. */
static int mn_pet_form(struct variant_list *out, const int *li, int n)
{
    static const char *const cases[][2] = { { "а", 0 }, { "у", 0 }, { "е", 0 }, { "о", "й" }, { "и", 0 } };
    int f[SLOT_MAX], m;

    if (n < 3 || n + 3 > SLOT_MAX || mn_letter_of("к") < 0)
        return 0;
    memcpy(f, li, (size_t)n * sizeof *f);
    f[n] = mn_letter_of("к");
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        char key[SLOT_MAX * 2];
        size_t kl = 0;
        m = n + 1;
        for (int k = 0; k < 2 && cases[c][k] != NULL; k++)
            if ((f[m++] = mn_letter_of(cases[c][k])) < 0)
                return 0;
        /* Latin for the nominative; the Cyrillic alone for the other
         * cases, so the list keeps room for the name's other forms
         * (VARIANTS_MAX). */
        if (c == 0 && mn_add_letters(out, f, m, RULE_VARIANT, SUFFIX_MN, 2) != 0)
            return -1;
        for (int k = 0; c > 0 && k < m; k++) {
            size_t l = strlen(romanise_mn_letters[f[k]][0]);
            memcpy(key + kl, romanise_mn_letters[f[k]][0], l), kl += l;
        }
        if (c > 0 && list_add(out, key, kl, RULE_VARIANT, SUFFIX_MN) != 0)
            return -1;
    }
    return 0;
}

/* An element of a compound name alone, li[0..n), with case endings, in
 * Cyrillic and Latin, and its stem without a fleeting vowel (Төмөр:
 * Төмрийн) or a final short vowel (Эрдэнэ: Эрдэнийн). */
int mn_element(struct variant_list *out, const int *li, int n)
{
    int f[SLOT_MAX], m;

    if (n < 4 || n > SLOT_MAX || mn_add_letters(out, li, n, RULE_VARIANT, SUFFIX_MN, 40) != 0)
        return n < 4 || n > SLOT_MAX ? 0 : -1;
    if (n >= 5 && mn_is_consonant(li[n - 1]) && mn_is_short_vowel(li[n - 2]) && mn_is_consonant(li[n - 3])) {
        memcpy(f, li, (size_t)(n - 2) * sizeof *f);
        m = n - 2;
        f[m++] = li[n - 1];
        return mn_add_letters(out, f, m, RULE_INFLECTION, SUFFIX_MN_STEM, 8);
    }
    if (n >= 5 && mn_is_short_vowel(li[n - 1]) && mn_is_consonant(li[n - 2]))
        return mn_add_letters(out, li, n - 1, RULE_INFLECTION, SUFFIX_MN_STEM, 8);
    return 0;
}

/* A first element of three letters alone (Бат of Батбаяр and of
 * Бат-Эрдэнэ, Ган of Ганболд; report-adv21 A-12), in Cyrillic and Latin
 * with case endings: FORM_CONTEXT, a review flag only where the context
 * marks a name ("Bat came.", "Бат ирсэн.", "Mr. Bat"), since such an
 * element is an ordinary word in both languages (бат "firm", "bat") and
 * starts too many others to be flagged everywhere. */
int mn_element_alone(struct variant_list *out, const int *li, int n)
{
    unsigned char flag = out->flag, context = out->context;
    int rc, cp;

    /* Only for a name registered in Cyrillic: a Latin name read as
     * Mongolian may be an English one (Landen: Лан, "Lanes" in a
     * headline; test_eval). */
    if (out->n == 0 || utf8_next(&cp, out->arena + out->v[0].off, out->v[0].keylen) <= 0 ||
        !is_cyrillic_cp(cp))
        return 0;
    /* Nor an element that is one of the commonest words (Бол of the
     * patronymic Болдын: бол "is"; test_common_forms): read as a name
     * only in context, it would still take the word wherever a sentence
     * starts with it. */
    {
        char buf[SLOT_MAX * 4];
        size_t at = 0, k;
        for (int i = 0; i < n && n <= SLOT_MAX; i++) {
            k = strlen(romanise_mn_letters[li[i]][0]);
            memcpy(buf + at, romanise_mn_letters[li[i]][0], k);
            at += k;
        }
        if (common_word_key(buf, at))
            return 0;
    }
    out->context = 1, out->flag = 0;
    rc = mn_add_letters(out, li, n, RULE_VARIANT, SUFFIX_MN, 8);
    out->flag = flag, out->context = context;
    return rc;
}

/* A later element's first syllable closed by two consonants, with a long
 * vowel, as its start makes the name's own (brief s45 steppe45,
 * report-adv44 L-19, L-37: Жаргаа of Бат|жаргал), and with the first of
 * the two left out, as speech shortens it (Жагаа; Latin Jagaa).  The
 * element li[0..n) needs a vowel after the two consonants: its first
 * syllable is no whole element. */
static int mn_element_start(struct variant_list *out, const int *li, int n)
{
    int i = 0, f[SLOT_MAX];

    while (i < n && mn_is_consonant(li[i]))
        i++;
    if (i == 0 || i > 2)
        return 0;
    while (i < n && !mn_is_consonant(li[i]))
        i++;
    if (i + 2 >= n || !mn_is_consonant(li[i]) || !mn_is_consonant(li[i + 1]) ||
        mn_is_consonant(li[i + 2]) || i + 1 > SLOT_MAX)
        return 0;
    if (mn_short_form(out, li, i + 2) != 0)
        return -1;
    memcpy(f, li, (size_t)i * sizeof *f);
    f[i] = li[i + 1];
    return mn_short_form(out, f, i + 1);
}

/* The short forms Mongolians are called by (issue 12): the name's start
 * up to its first consonants with a long vowel (Алтангэрэл: Алтаа;
 * Батбаяр: Батаа; Түвшинбаяр: Түвшээ; Энхтуяа: Энхээ), the first element
 * alone (Түвшин, Алтан: four letters or more), and each later element of
 * the compound, alone or with a long vowel (Баяр, Баяраа; Туяа; Гэрлээ).
 * An element starts at a consonant after a consonant, followed by a vowel.
 * Written with a capital.  Marked flag: a form the dictionary of its
 * script knows as an ordinary word ("алтаа" is "his gold") is a review
 * flag, any other is replaced (redact_hits.c, lit_form). */
static int mn_short_forms(struct variant_list *out, const int *li, int n)
{
    unsigned char flag = out->flag, capital = out->capital;
    int i, j, rc = 0;

    if (out->no_short)
        return 0;
    out->flag = 1, out->capital = 1;
    for (i = 0; i < n && mn_is_consonant(li[i]); i++)
        ;
    while (i < n && !mn_is_consonant(li[i]))
        i++;
    if (i < n - 2 && i + 1 >= 3)
        rc = mn_short_form(out, li, i + 1);
    if (rc == 0 && i < n - 2 && i + 1 >= 3)
        rc = mn_pet_form(out, li, i + 1);
    if (rc == 0 && i + 1 < n - 2 && mn_is_consonant(li[i + 1]))
        rc = mn_short_form(out, li, i + 2);
    for (j = 2; rc == 0 && j + 3 <= n; j++) {
        /* й ends an element as a consonant does (Өлзий|баяр). */
        if (!(mn_is_consonant(li[j - 1]) || strcmp(romanise_mn_letters[li[j - 1]][0], "й") == 0) ||
            !mn_is_consonant(li[j]) || mn_is_consonant(li[j + 1]))
            continue;
        /* The first element alone (Түвшинбаяр: Түвшин; Алтангэрэл: Алтан;
         * Төмөрбаатар: Төмөр, Төмрийн; Өлзийбаяр: Өлзий). */
        if (j >= 4)
            rc = mn_element(out, li, j);
        else if (j == 3)
            rc = mn_element_alone(out, li, j);
        if (rc == 0 && j >= 4)
            rc = mn_pet_form(out, li, j);
        if (rc == 0 && n - j >= 4)
            rc = mn_element(out, li + j, n - j);
        if (rc == 0)
            rc = mn_short_form(out, li + j, n - j);
        if (rc == 0)
            rc = mn_element_start(out, li + j, n - j);
    }
    out->flag = flag, out->capital = capital;
    return rc;
}

/* Adds the letters li[0..n) without letter skip (-1: none) in each whole
 * system of mn_systems (at most cap spellings a system). */
static int mn_system_forms(struct variant_list *out, const int *li, int n, int skip,
                           int suffix, size_t cap)
{
    struct slot s[SLOT_MAX];
    const char *const *row;
    char opt[OPT_LEN], *p, *save;
    int i, m, sys;

    if (n > SLOT_MAX)
        return 0;
    for (sys = 1; sys <= N_MN_SYSTEMS; sys++) {
        for (i = 0, m = 0; i < n; i++) {
            if (i == skip)
                continue;
            row = mn_row(&mn_systems[0][0], sizeof mn_systems / sizeof mn_systems[0], 6, li[i]);
            if (row == NULL)
                return 0;
            memset(&s[m], 0, sizeof s[m]);
            snprintf(opt, sizeof opt, "%s", row[sys]);
            for (p = strtok_r(opt, "|", &save); p != NULL; p = strtok_r(NULL, "|", &save))
                slot_add(&s[m], p, "", "");
            if (s[m].n == 0)
                slot_add(&s[m], "", "", "");
            m++;
        }
        if (combine(out, s, m, RULE_VARIANT, suffix, out->n + cap) != 0)
            return -1;
    }
    return 0;
}

/* Tibetan-origin elements of Mongolian names and their Tibetan and
 * English spellings, which Latin text uses for the same person (Цэрэндорж:
 * Tsering Dorje; Данзан: Tenzin; report adv12 A-4).  Sources: the Mongolian
 * forms of Tibetan names (mn.wikipedia "Төвд гаралтай нэр") and the THL
 * Simplified Phonetic Transcription of Tibetan for the Latin column. */
static const char *const mn_tibetan[][4] = {
    {"цэрэн", "tsering", "tsereng", "tshering"}, {"дорж", "dorje", "dorji", "dorjee"},
    {"данзан", "tenzin", "tendzin", "tenzing"}, {"жамц", "gyatso", "gyatsho", "jamtso"},
    {"нямаа", "nyima", "nima", 0}, {"даваа", "dawa", 0, 0},
    {"соном", "sonam", 0, 0}, {"лхам", "lhamo", "lhamu", 0},
    {"дулмаа", "dolma", "drolma", 0}, {"долгор", "dolkar", "drolkar", 0},
    {"пүрэв", "phurbu", "purbu", 0}, {"ринчин", "rinchen", 0, 0},
    {"гомбо", "gonpo", "gompo", 0}, {"жигмэд", "jigme", "jigmey", 0},
    {"балдан", "palden", "paldan", 0}, {"цэвээн", "tsewang", "tsiwang", 0},
    {"лувсан", "lobsang", "lobzang", "losang"}, {"норов", "norbu", 0, 0},
    {"пэрэнлэй", "trinley", "thinley", "trinle"}, {"дамба", "tenpa", "tenba", 0},
};

/* Adds the Tibetan spellings of a name li[0..n) made only of elements of
 * mn_tibetan (Цэрэн|дорж: tseringdorje, tsereng dorji, ... and the
 * element's own first spelling: tserendorje), and, for a name of several
 * elements, each element's Tibetan spellings alone (Tsering), marked as
 * short forms are.  At most 24 spellings. */
static int mn_tibetan_forms(struct variant_list *out, const int *li, int n)
{
    struct slot s[4];
    unsigned char flag = out->flag;
    int at = 0, ns = 0, rc = 0;

    while (at < n && ns < 4) {
        size_t r, k;
        int m = 0, j;
        for (r = 0; r < sizeof mn_tibetan / sizeof mn_tibetan[0] && m == 0; r++) {
            const char *e = mn_tibetan[r][0];
            for (j = at, k = 0; e[k] != '\0' && j < n; j++) {
                size_t l = strlen(romanise_mn_letters[li[j]][0]);
                if (strncmp(e + k, romanise_mn_letters[li[j]][0], l) != 0)
                    break;
                k += l;
            }
            if (e[k] != '\0')
                continue;
            memset(&s[ns], 0, sizeof s[ns]);
            for (k = 1; k < 4 && mn_tibetan[r][k]; k++)
                slot_add(&s[ns], mn_tibetan[r][k], "", "");
            m = j - at;
        }
        if (m == 0)
            return 0;
        /* The element's own first spelling mixes with the others'
         * (Tserendorje). */
        {
            char own[OPT_LEN];
            size_t o = 0;
            for (j = at; j < at + m; j++) {
                size_t l = strlen(romanise_mn_letters[li[j]][1]);
                if (o + l >= sizeof own)
                    break;
                memcpy(own + o, romanise_mn_letters[li[j]][1], l);
                o += l;
            }
            own[o] = '\0';
            slot_add(&s[ns], own, "", "");
        }
        ns++;
        at += m;
    }
    if (at < n)
        return 0;
    rc = combine(out, s, ns, RULE_VARIANT, SUFFIX_MN, out->n + 24);
    out->flag = 1;
    for (int i = 0; rc == 0 && ns > 1 && i < ns; i++)
        rc = combine(out, &s[i], 1, RULE_VARIANT, SUFFIX_MN, out->n + 4);
    out->flag = flag;
    return rc;
}

/* The other spellings of a name's end (report adv12 A-4): a final ж is
 * also written je, ji, jee, dj in Latin, as the Tibetan-origin names that
 * end in it are (Dorj: Dorje, Dorji, Dorjee, Dordj, Dordje); and a final
 * sonorant + consonant takes the older epenthetic vowel of the syllable
 * (Болд: Болод, Bolod; Мөнх: Мөнөх, Munukh; Ганболд: Ганболод), whose
 * final д is also written т (Болот, Bolot: the Buryat and Russian
 * spelling).  li[0..n), s their slots (mn_slot). */
static int mn_end_forms(struct variant_list *out, const int *li, const struct slot *s, int n)
{
    static const char *const sonorant[] = { "л", "р", "н", "м" };
    struct slot t[SLOT_MAX];
    int f[SLOT_MAX], v = -1, i;

    if (n < 3 || n + 1 > SLOT_MAX)
        return 0;
    if (strcmp(romanise_mn_letters[li[n - 1]][0], "ж") == 0) {
        memcpy(t, s, (size_t)(n - 1) * sizeof *t);
        memset(&t[n - 1], 0, sizeof t[n - 1]);
        slot_add(&t[n - 1], "je", "", "");
        slot_add(&t[n - 1], "ji", "", "");
        slot_add(&t[n - 1], "jee", "", "");
        slot_add(&t[n - 1], "dj", "", "");
        slot_add(&t[n - 1], "dje", "", "");
        if (combine(out, t, n, RULE_VARIANT, SUFFIX_MN, out->n + 24) != 0)
            return -1;
    }
    if (!mn_is_consonant(li[n - 1]) || !mn_letter_in(li[n - 2], sonorant, 4))
        return 0;
    for (i = n - 3; i >= 0 && v < 0; i--)
        if (mn_is_short_vowel(li[i]) && !mn_is_consonant(li[i]))
            v = li[i];
    if (v < 0 || strcmp(romanise_mn_letters[v][0], "ь") == 0 || strcmp(romanise_mn_letters[v][0], "ы") == 0)
        return 0;
    memcpy(f, li, (size_t)(n - 1) * sizeof *f);
    f[n - 1] = v;
    f[n] = li[n - 1];
    if (mn_add_letters(out, f, n + 1, RULE_VARIANT, SUFFIX_MN, 40) != 0 ||
        mn_russian_forms(out, f, n + 1, 8) != 0)
        return -1;
    if (strcmp(romanise_mn_letters[li[n - 1]][0], "д") != 0)
        return 0;
    f[n] = mn_letter(0x442); /* т */
    return f[n] < 0 ? 0 : mn_add_letters(out, f, n + 1, RULE_VARIANT, SUFFIX_MN, 40) != 0 ||
                                  mn_russian_forms(out, f, n + 1, 8) != 0 ? -1 : 0;
}

/* Cyrillic key: itself, its stems, and all in every Latin system.  Stems
 * must take a case ending: a final short vowel drops (Бат-Эрдэнэ,
 * Бат-Эрдэнийн), and so does the fleeting vowel of a last syllable
 * consonant-vowel-consonant (Алтангэрэл, Алтангэрлийн, Altangerlin;
 * Баатар, Баатрын); Russian text drops a final й (Сарнай, Сарная). */
int mongolian_from_cyrillic(struct variant_list *out, const char *key,
                            size_t len, int rule, int person, size_t latin_cap)
{
    struct slot s[SLOT_MAX];
    int n = 0, cp, k, li[SLOT_MAX];
    size_t at = 0, pos[SLOT_MAX + 1], stem_cap = latin_cap / 3;

    while (at < len) {
        k = utf8_next(&cp, key + at, len - at);
        if (k < 0 || n >= SLOT_MAX || (li[n] = mn_letter(cp)) < 0)
            return 0;
        mn_slot(&s[n], li[n], n > 0 ? li[n - 1] : -1);
        pos[n++] = at;
        at += (size_t)k;
    }
    pos[n] = len;
    size_t first = out->n, ru;
    if (list_add(out, key, len, rule, SUFFIX_MN) != 0 ||
        combine(out, s, n, RULE_VARIANT, SUFFIX_MN, out->n + latin_cap) != 0 ||
        mn_system_forms(out, li, n, -1, SUFFIX_MN, latin_cap >= 300 ? 8 : 2) != 0)
        return -1;
    ru = out->n;
    if (mn_russian_forms(out, li, n, latin_cap >= 300 ? 32 : 8) != 0)
        return -1;
    /* A place's Russian adjectives: of the key and its likeliest Russian
     * forms. */
    if (!person && latin_cap >= 300 && (mn_russian_adjectives(out, first, first + 1) != 0 ||
                    mn_russian_adjectives(out, ru, ru + 12) != 0))
        return -1;
    if (person && (mn_end_forms(out, li, s, n) != 0 || mn_tibetan_forms(out, li, n) != 0))
        return -1;
    /* Everyday and chat Latin, and я written йа (variants_mn_everyday.c:
     * report-adv17a D-14, D-33). */
    if (person && (mn_everyday_forms(out, key, len, RULE_VARIANT, SUFFIX_MN,
                                     latin_cap >= 300 ? 12 : 4) != 0 ||
                   mn_iotated_forms(out, key, len, SUFFIX_MN) != 0))
        return -1;
    if (person && mn_soft_forms(out, li, n) != 0)
        return -1;
    /* Pet forms on a clipped stem (Цээгий, Батка: variants_mn_pet.c). */
    if (person && mn_pet_forms(out, li, n, mn_add_letters) != 0)
        return -1;
    /* A stem of two letters ("то" of Тоү) starts too many words. */
    if (n < 4)
        return 0;
    if (mn_is_short_vowel(li[n - 1]) && li[n - 1] != li[n - 2] &&
        mn_stem(out, key, len, pos[n - 1], len - pos[n - 1], s, li, n, n - 1, stem_cap) != 0)
        return -1;
    if (n >= 5 && mn_is_consonant(li[n - 1]) && mn_is_short_vowel(li[n - 2]) &&
        strcmp(romanise_mn_letters[li[n - 2]][0], "ы") != 0 && strcmp(romanise_mn_letters[li[n - 2]][0], "ь") != 0 &&
        mn_is_consonant(li[n - 3]) &&
        mn_stem(out, key, len, pos[n - 2], pos[n - 1] - pos[n - 2], s, li, n, n - 2, stem_cap) != 0)
        return -1;
    if (strcmp(romanise_mn_letters[li[n - 1]][0], "й") == 0 &&
        mn_stem(out, key, len, pos[n - 1], len - pos[n - 1], s, li, n, n - 1, 0) != 0)
        return -1;
    return person && n >= 5 ? mn_short_forms(out, li, n) : 0;
}

/* Latin spellings of the Mongolian endings (not the Russian ones), made
 * once from the letter table: every spelling of each letter, a long vowel
 * or ий also written single (ийн: iin, in; ээс: ees, es).  A lone vowel is
 * left out: "Bata" is another name, not Bat's genitive. */
static char mn_latin[MN_LATIN_MAX][12];
const char *mn_latin_ptr[MN_LATIN_MAX];
size_t n_mn_latin;
pthread_once_t mn_latin_once = PTHREAD_ONCE_INIT;

static void mn_latin_add(const char *e)
{
    size_t i, n = strlen(e);

    if (n == 0 || n >= sizeof mn_latin[0] || n_mn_latin >= MN_LATIN_MAX ||
        (n == 1 && strchr("aeiouy", e[0]) != NULL))
        return;
    for (i = 0; i < n_mn_latin; i++)
        if (strcmp(mn_latin[i], e) == 0)
            return;
    memcpy(mn_latin[n_mn_latin], e, n + 1);
    mn_latin_ptr[n_mn_latin] = mn_latin[n_mn_latin];
    n_mn_latin++;
}

static void mn_latin_rec(const struct slot *s, int n, int i, char *buf, size_t at)
{
    int k;
    size_t m;

    if (i == n) {
        buf[at] = '\0';
        mn_latin_add(buf);
        return;
    }
    for (k = 0; k < s[i].n; k++) {
        m = strlen(s[i].opt[k]);
        if (at + m >= 12)
            continue;
        memcpy(buf + at, s[i].opt[k], m);
        mn_latin_rec(s, n, i + 1, buf, at + m);
    }
}

void mn_latin_build(void)
{
    struct slot s[8];
    char buf[16];
    size_t e, at, len;
    int n, cp, k, li, prev;

    for (e = 0; e < N_MN_NATIVE_ENDINGS; e++) {
        len = strlen(mn_endings[e]);
        for (at = 0, n = 0, prev = -1; at < len && n < 8; at += (size_t)k, n++) {
            if ((k = utf8_next(&cp, mn_endings[e] + at, len - at)) <= 0 || (li = mn_letter(cp)) < 0)
                break;
            mn_slot(&s[n], li, prev);
            prev = li;
        }
        if (at == len)
            mn_latin_rec(s, n, 0, buf, 0);
    }
    for (e = 0; e < sizeof mn_latin_extra / sizeof mn_latin_extra[0]; e++)
        mn_latin_add(mn_latin_extra[e]);
}

/* 1 if letter li is the soft or hard sign and the Latin that follows,
 * rest[0..len), starts with a consonant or is empty: read so, the i
 * the Latin key was written with is lost on the way back, before a
 * consonant (Veronika as вэронъка, veronka: a diminutive of Вера,
 * report-adv34 W-1) and at its end (Ahmadi as ахмадъ or ахмадь, both
 * giving ahmad: an unregistered Ahmad was given Reza Ahmadi's
 * pseudonym, report-adv40 L-62).  A name registered in Cyrillic keeps
 * its final sign's forms (Govi for Говь: the forward readings, not
 * this one).  Before a vowel it stays. */
static int sign_before_consonant(size_t li, const char *rest, size_t len)
{
    const char *c = romanise_mn_letters[li][0];

    return (strcmp(c, "ь") == 0 || strcmp(c, "ъ") == 0) &&
           (len == 0 || (rest[0] >= 'a' && rest[0] <= 'z' && strchr("aeiouy", rest[0]) == NULL));
}

void mnrev_rec(struct mnrev *m, const char *key, size_t len, size_t at, int depth)
{
    size_t i, n, want;
    int k;

    if (m->nfound >= 4 || depth >= SLOT_MAX - 1 || ++m->steps > REVERSE_BUDGET)
        return;
    if (len == 0) {
        memcpy(m->found[m->nfound], m->path, at);
        m->found[m->nfound++][at] = '\0';
        return;
    }
    /* Longest Latin spelling first (kh before k), then by system rank. */
    for (want = 4; want >= 1; want--)
        for (k = 1; k < 5; k++)
            for (i = 0; i < N_MN_LETTERS; i++) {
            if (romanise_mn_letters[i][k] == NULL || (n = strlen(romanise_mn_letters[i][k])) != want ||
                n > len || memcmp(romanise_mn_letters[i][k], key, n) != 0 ||
                sign_before_consonant(i, key + n, len - n))
                continue;
            memcpy(m->path + at, romanise_mn_letters[i][0], strlen(romanise_mn_letters[i][0]));
            mnrev_rec(m, key + n, len - n, at + strlen(romanise_mn_letters[i][0]), depth + 1);
        }
}

struct mnvow {
    struct variant_list *out;
    int li[SLOT_MAX], n, left, failed, person;
};

/* Readings of w->li with exactly `changes` vowels changed from index i on
 * (mn_latin_vowels), each with its spellings. */
static void mn_vowel_rec(struct mnvow *w, int i, int changes)
{
    char buf[SLOT_MAX * 2];
    const char *const *row;
    size_t at = 0, k;
    int j, was;

    if (w->failed || w->left <= 0)
        return;
    if (changes == 0) {
        for (j = 0; j < w->n; j++) {
            k = strlen(romanise_mn_letters[w->li[j]][0]);
            memcpy(buf + at, romanise_mn_letters[w->li[j]][0], k);
            at += k;
        }
        w->left--;
        if (mongolian_from_cyrillic(w->out, buf, at, RULE_VARIANT, w->person, 30) != 0)
            w->failed = 1;
        sodium_memzero(buf, sizeof buf);
        return;
    }
    for (; i < w->n; i++) {
        row = mn_row(&mn_latin_vowels[0][0], sizeof mn_latin_vowels / sizeof mn_latin_vowels[0],
                     4, w->li[i]);
        if (row == NULL)
            continue;
        was = w->li[i];
        for (k = 1; k < 4 && row[k]; k++) {
            w->li[i] = mn_letter_of(row[k]);
            mn_vowel_rec(w, i + 1, changes - 1);
        }
        w->li[i] = was;
    }
}

/* The Cyrillic readings of a Latin name whose u and o are the other
 * Mongolian vowels (Tuvshinjargal: Түвшинжаргал; Munkhbat: Мөнхбат), one
 * changed vowel first, then two..., at most 4 readings, each with a few
 * spellings and stems (VARIANTS_MAX), and for a person their short forms
 * (issue 12: Tuvshinbayar is also Түвшин, Түвшээ); reading is the first
 * Cyrillic reading (mnrev_rec). */
int mn_vowel_readings(struct variant_list *out, const char *reading, int person)
{
    struct mnvow w;
    size_t at = 0, len = strlen(reading);
    int cp, k, changes;

    memset(&w, 0, sizeof w);
    w.out = out, w.left = 4, w.person = person;
    while (at < len) {
        k = utf8_next(&cp, reading + at, len - at);
        if (k <= 0 || w.n >= SLOT_MAX || (w.li[w.n] = mn_letter(cp)) < 0)
            return 0;
        w.n++;
        at += (size_t)k;
    }
    for (changes = 1; changes <= 4 && !w.failed && w.left > 0; changes++)
        mn_vowel_rec(&w, 0, changes);
    return w.failed ? -1 : 0;
}
