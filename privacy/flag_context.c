/* The context of a name-shaped word for the review flags: flag_context.h.
 * The word lists are ours, from the words of address of docs/VARIANTS.md
 * ("Names that are also words") and the verbs of saying of reporting. */
#include "privacy/flag_context.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "privacy/gazetteer.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/variants.h"
#include "privacy/varlist.h"
#include "util/err.h"
#include "util/lexicon.h"

/* w[0..len) in lower case into out (outlen bytes, NUL-terminated); -1 if
 * it does not fit or is no valid UTF-8. */
int flag_lower(char *out, size_t outlen, const char *w, size_t len)
{
    size_t at = 0, o = 0;
    int cp, k;
    utf8proc_uint8_t u[4];
    utf8proc_ssize_t n;

    while (at < len) {
        if ((unsigned char)w[at] < 0x80) {     /* ASCII: utf8proc_tolower's answer, without the call */
            if (o + 2 > outlen)
                return -1;
            out[o++] = (char)(w[at] >= 'A' && w[at] <= 'Z' ? w[at] - 'A' + 'a' : w[at]);
            at++;
            continue;
        }
        if ((k = utf8_next(&cp, w + at, len - at)) <= 0)
            return -1;
        n = utf8proc_encode_char(utf8proc_tolower(cp), u);
        if (n <= 0 || o + (size_t)n + 1 > outlen)
            return -1;
        memcpy(out + o, u, (size_t)n);
        o += (size_t)n;
        at += (size_t)k;
    }
    out[o] = '\0';
    return 0;
}

/* The word lists below are asked of the word after almost every word
 * (bench/audit.sh: 6% of the audit's instructions when they were scanned
 * entry by entry).  Each list gets, once per process (pthread_once, then
 * read-only: safe from any thread), a bit per first letter of its entries
 * (the low 12 bits of the code point, so a clear bit means no entry starts
 * with that letter; a set one may be another letter's) and its entries
 * sorted by strcmp for a binary search.  The lists themselves stay as
 * written: an entry added to one is indexed too. */
struct word_index {
    const char *const *tab;     /* the list, lower case */
    const char **sorted;        /* the same pointers sorted by strcmp; n of them */
    size_t n;
    uint64_t first[4096 / 64];  /* bit (cp & 0xFFF): an entry starts with cp */
};

static int by_strcmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void index_make(struct word_index *x)
{
    int cp;

    for (size_t i = 0; i < x->n; i++) {
        x->sorted[i] = x->tab[i];
        if (utf8_next(&cp, x->tab[i], strlen(x->tab[i])) > 0)
            x->first[(cp & 0xFFF) / 64] |= (uint64_t)1 << (cp & 63);
    }
    qsort(x->sorted, x->n, sizeof *x->sorted, by_strcmp);
}

/* 1 if cp written in lower case may start an entry of x (0: it starts
 * none). */
static int starts_an_entry(const struct word_index *x, int cp)
{
    if (cp < 0)
        return 0;
    if (cp < 0x80)                      /* most words: no utf8proc call */
        cp = cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp;
    else
        cp = utf8proc_tolower(cp);
    return (x->first[(cp & 0xFFF) / 64] >> (cp & 63)) & 1;
}

/* The lists' indexes (defined after the lists), made by indexes(). */
static struct word_index mn_address_ix, speech_ix, action_ix, slavic_ix, pronoun_ix, preposition_ix;
static pthread_once_t indexes_once = PTHREAD_ONCE_INIT;
static atomic_int indexes_ready;     /* an acquire load a call, not pthread_once's */

static void index_all(void)
{
    index_make(&mn_address_ix), index_make(&speech_ix), index_make(&action_ix), index_make(&slavic_ix);
    index_make(&pronoun_ix), index_make(&preposition_ix);
    atomic_store_explicit(&indexes_ready, 1, memory_order_release);
}

static void indexes(void)
{
    if (!atomic_load_explicit(&indexes_ready, memory_order_acquire))
        (void)pthread_once(&indexes_once, index_all);
}

/* Korean words of address and vocatives written in Latin letters after
 * a hyphen (Min-ah, Min-i, Min-nim, Jin-ssi: report-adv12e F30), from the
 * Korean ones (ko_name_marks in variants.c) in Revised Romanisation,
 * McCune-Reischauer and common spellings. */
static const char *const address_romanised[] = {
    "a", "ah", "ya", "yah", "i", "yi", "nim", "ssi", "shi", "sshi", "hyung", "hyeong",
    "hyungnim", "oppa", "unni", "eonni", "onni", "noona", "nuna", "sunbae", "seonbae",
    "ssaem", "saem", "gun", "kun", "yang", "dongmu", "tongmu", "dongji", "tongji",
    "seonsaengnim", "sonsaengnim", "sunsaengnim", "seonsaeng", "sonsaeng", "ajussi",
    "ajeossi", "ajumma", "samchon", "imo", "gomo",
    /* the North Korean titles of ko_name_marks (Kim chibaein, Ri panjang:
     * brief s52 ko52), McCune-Reischauer without its breves and
     * apostrophes (as people type it) and Revised Romanisation */
    "chibaein", "jibaein", "panjang", "banjang", "chagoppanjang", "jageopbanjang",
    "sodaejang", "tangbiso", "dangbiseo", "chikchangjang", "jikjangjang", "chaegimja",
};

int flag_address_romanised(const char *w, size_t len, int apart)
{
    char low[24];

    if (len == 0 || len >= sizeof low)
        return 0;
    for (size_t i = 0; i < len; i++) {
        char c = w[i] >= 'A' && w[i] <= 'Z' ? (char)(w[i] - 'A' + 'a') : w[i];
        if (c < 'a' || c > 'z')
            return 0;
        low[i] = c;
    }
    for (size_t i = 0; i < sizeof address_romanised / sizeof address_romanised[0]; i++) {
        size_t n = strlen(address_romanised[i]);
        if (n == len && !(apart && n < 5) && memcmp(low, address_romanised[i], n) == 0)
            return 1;
    }
    return 0;
}

/* Mongolian words of address written after a name (Дорж гуай, Батаа ахын,
 * Цэцэг эгчид, Болд багш). */
static const char *const mn_address[] = { "гуай", "ах", "эгч", "багш", "авга", "дүү" };

int flag_address_word(const char *w, size_t len)
{
    char low[64];
    int cp;

    indexes();
    if (len == 0 || utf8_next(&cp, w, len) <= 0)
        return 0;
    if (is_hangul_cp(cp))
        return !(len == 3 && (memcmp(w, "야", 3) == 0 || memcmp(w, "아", 3) == 0)) &&
               variants_ko_marks_name(w, len);
    if (!is_cyrillic_cp(cp) ||
        !starts_an_entry(&mn_address_ix, cp) ||
        flag_lower(low, sizeof low, w, len) != 0)
        return 0;
    for (size_t i = 0; i < sizeof mn_address / sizeof mn_address[0]; i++) {
        size_t n = strlen(mn_address[i]);
        if (strlen(low) >= n && memcmp(low, mn_address[i], n) == 0 &&
            variant_suffix_ok(SUFFIX_MN, low + n, strlen(low) - n))
            return 1;
    }
    return 0;
}

static const char *const speech_verbs[] = {
    "said", "says", "told", "tells", "asked", "asks", "replied", "replies", "answered",
    "answers", "wrote", "writes", "added", "explained", "recalled", "admitted", "insisted",
    "whispered", "shouted",
    /* report-adv12g A-7: what reporting writes after the speaker too
     * ("Asked why, Choe shrugged") */
    "shrugged", "nodded", "laughed", "smiled", "sighed", "agreed", "warned", "claimed",
    "noted", "stated", "recounted", "remembered", "complained", "continued", "repeated",
    "confirmed", "denied", "argued", "responded", "murmured", "muttered", "cried", "yelled",
    "testified", "reported", "hesitated", "paused",
    /* ... and Mongolian "according to" after a genitive (Ганзоригийн хэлснээр) */
    "хэлснээр", "ярьснаар", "мэдээлснээр", "хэлэхдээ",
    "хэлсэн", "хэлэв", "хэлжээ", "хэллээ", "гэсэн", "гэв", "гэжээ",
    "ярьсан", "ярив", "асуув", "асуусан", "хариулав", "хариулсан",
};

/* 1 if w[0..len) (UTF-8, any case) is one of x's entries (lower case). */
static int in_table(const struct word_index *x, const char *w, size_t len)
{
    char low[64];
    const char *key = low;
    int cp;

    indexes();
    if (len == 0 || utf8_next(&cp, w, len) <= 0 || !starts_an_entry(x, cp) ||
        flag_lower(low, sizeof low, w, len) != 0)
        return 0;
    return bsearch(&key, x->sorted, x->n, sizeof *x->sorted, by_strcmp) != NULL;
}

int flag_speech_verb(const char *w, size_t len)
{
    return in_table(&speech_ix, w, len);
}

/* Verbs of coming, going and doing written right after their subject in
 * testimony (brief s19 ko19, D-16: "Altaa came", "Сергей пришёл");
 * written by us, the commonest of English and Russian reports.  And the
 * Mongolian verbs of coming and going (ирэх, явах, очих, буцах, зугтах,
 * гарах) in their past and narrative tenses (-сан/-сэн/-сон, -в,
 * -лаа/-лээ/-лоо, -жээ/-чээ), in Cyrillic and as typed in Latin letters
 * (report-adv20 R-8: "Мөнхбат ирсэн", "Ганбат ирэв", "Tömörbaatar
 * irsen"); a capitalised adverb before them (Шинээр ирсэн) is an
 * ordinary word the dictionary knows (name_candidate). */
static const char *const action_verbs[] = {
    "came", "went", "left", "arrived", "returned", "escaped", "fled", "disappeared",
    "died", "worked", "stayed", "lived", "called", "phoned", "visited", "met", "brought",
    "took", "gave", "sent", "paid", "ran", "helped", "survived", "vanished",
    "ирсэн", "ирэв", "ирлээ", "иржээ", "явсан", "явав", "явлаа", "явжээ", "очсон", "очив",
    "очлоо", "очжээ", "буцсан", "буцав", "буцлаа", "буцжээ", "зугтсан", "зугтав", "зугтлаа",
    "зугтжээ", "гарсан", "гарав", "гарлаа", "гарчээ",
    "irsen", "irev", "irlee", "irjee", "yavsan", "yavav", "yavlaa", "yavjee", "ochson",
    "ochloo", "butssan", "butslaa", "zugtsan", "zugtlaa",
};

/* Russian and Ukrainian verbs of coming, going, saying and doing in the
 * past tense, masculine and feminine (a plural's subject is a group, not
 * a name: "Люди прийшли", leaks-ukr22.bats), that a subject precedes
 * ("Сергей пришёл") or, inverted, follows ("Потом пришла Верунька", "Тоді
 * прийшов Остап": report-adv30 L-5).  Written by us (brief s19 ko19; lead,
 * session 31); wants a native reviewer. */
static const char *const slavic_verbs[] = {
    "пришёл", "пришел", "пришла", "ушёл", "ушел", "ушла", "приехал", "приехала",
    "уехал", "уехала", "сказал", "сказала", "работал", "работала", "звонил", "звонила",
    "позвонил", "позвонила",
    "вернулся", "вернулась", "рассказал", "рассказала", "ответил", "ответила", "спросил",
    "спросила", "жил", "жила", "умер", "умерла", "погиб", "погибла", "исчез", "исчезла",
    "сбежал", "сбежала", "плакал", "плакала", "кричал", "кричала", "написал", "написала",
    "прийшов", "прийшла", "приїхав", "приїхала", "пішов", "пішла",
    "поїхав", "поїхала", "повернувся", "повернулася", "подзвонив", "подзвонила", "дзвонив",
    "дзвонила", "сказав", "розповів", "розповіла", "відповів", "відповіла", "запитав",
    "запитала", "працював", "працювала", "жив", "помер", "померла", "загинув", "загинула",
    "зник", "зникла", "втік", "втекла", "плакав", "написав",
    /* bringing and driving someone (brief s49 slav49, report-adv48 L-9,
     * L-13, L-16: "Вовчик приніс воду", "Максон відвіз нас") */
    "принёс", "принес", "принесла", "приніс", "привёз", "привез", "привезла", "привіз",
    "отвёз", "отвез", "отвезла", "відвіз", "відвезла",
    /* writing and answering in a chat, past and present ("kostyan
     * napisal", "galochka ne otvechaet": brief s51 slav51, report-adv50
     * L-2, guard 53) */
    "пишет", "напишет", "отвечает", "ответит", "звонит", "позвонит", "говорит", "скажет",
    "придёт", "придет", "приедет", "отписал", "отписала", "писала", "писал",
    "пише", "напише", "відповідає", "відповість", "дзвонить", "каже", "скаже", "прийде",
    "приїде", "відписав", "відписала",
};

int flag_action_verb(const char *w, size_t len)
{
    return in_table(&action_ix, w, len) || in_table(&slavic_ix, w, len);
}

int flag_slavic_verb(const char *w, size_t len)
{
    return in_table(&slavic_ix, w, len);
}

/* Personal pronouns and the like that open a report before its verb
 * ("He worked", "Они пришли"): never a name; written by us. */
static const char *const pronouns[] = {
    "i", "he", "she", "it", "we", "they", "you", "who", "this", "that", "someone",
    "somebody", "everyone", "everybody", "nobody", "one", "both", "all",
    "я", "ты", "он", "она", "оно", "мы", "вы", "они", "кто", "это", "все", "никто",
    /* Russian and Ukrainian adverbs that open a sentence before its verb
     * ("Потом пришла Верунька": report-adv30 O-3; no Russian or Ukrainian
     * dictionary is loaded to say so; lead, session 31). */
    "потом", "тогда", "затем", "вчера", "сегодня", "завтра", "сначала", "сейчас", "теперь",
    "позже", "раньше", "однажды", "утром", "вечером", "ночью", "днём", "днем", "вдруг",
    "наконец", "там", "тут", "здесь", "тоже", "также", "снова", "опять", "иногда", "часто",
    "потім", "тоді", "вчора", "сьогодні", "спочатку", "зараз", "тепер", "пізніше",
    "раніше", "одного", "вранці", "увечері", "вночі", "вдень", "раптом", "нарешті", "також",
    "знову", "іноді", "ніхто", "ти", "він", "вона", "воно", "ми", "ви", "вони",
};

int flag_pronoun(const char *w, size_t len)
{
    return in_table(&pronoun_ix, w, len);
}

static const char *const prepositions[] = {
    /* Russian */
    "в", "во", "на", "из", "изо", "с", "со", "к", "ко", "по", "у", "о", "об", "обо", "от", "ото", "до", "за",
    "под", "подо", "над", "надо", "при", "для", "без", "про", "через", "между", "перед", "около", "возле",
    "после", "из-за", "из-под",
    /* Ukrainian */
    "з", "із", "зі", "від", "під", "між", "біля", "після",
    /* Belarusian */
    "ў", "ад", "па", "пра", "пад", "пры", "праз", "паміж", "каля", "пасля", "да",
};

int flag_preposition(const char *w, size_t len)
{
    return in_table(&preposition_ix, w, len);
}

/* The lists' indexes: each list, room for its sorted pointers, its size. */
#define WORD_INDEX(tab) { tab, (const char *[sizeof tab / sizeof *tab]){ 0 }, sizeof tab / sizeof *tab, { 0 } }
static struct word_index mn_address_ix = WORD_INDEX(mn_address), speech_ix = WORD_INDEX(speech_verbs),
                         action_ix = WORD_INDEX(action_verbs), slavic_ix = WORD_INDEX(slavic_verbs),
                         pronoun_ix = WORD_INDEX(pronouns),
                         preposition_ix = WORD_INDEX(prepositions);
#undef WORD_INDEX

/* The final consonant (0 none) of the Hangul syllable ending at w[k]. */
static int final_of(const char *w, size_t k)
{
    int cp;

    if (k < 3 || utf8_next(&cp, w + k - 3, 3) != 3 || cp < 0xAC00 || cp > 0xD7A3)
        return -1;
    return (cp - 0xAC00) % 28;
}

/* 1 if hunspell-ko reads w[0..len) as a form of a verb or adjective (a
 * stem it gives ends in 다: 괜찮아 of 괜찮다, 그래야 of 그렇다). */
static int ko_verb_reading(const char *w, size_t len)
{
    char stems[512];
    int n = lexicon_stems(LEXICON_KO, w, len, stems, sizeof stems);

    for (const char *st = stems; n > 0; n--, st += strlen(st) + 1) {
        size_t k = strlen(st);
        if (k >= 6 && memcmp(st + k - 3, "다", 3) == 0)
            return 1;
    }
    return 0;
}

/* The length of the name part of w[0..len) before a vocative or a word of
 * address (two or three syllables), or 0; *vocative is set for 야, 아.
 * Reads no dictionary: this runs on every Hangul word. */
static size_t mark_at(const char *w, size_t len, int *vocative)
{
    for (size_t k = 6; k <= 9 && k < len; k += 3) {
        const char *rest = w + k;
        size_t n = len - k;
        int fin = final_of(w, k);
        if (n == 3 && (memcmp(rest, "야", 3) == 0 || memcmp(rest, "아", 3) == 0)) {
            /* 철수야, 영철아: 야 after a vowel, 아 after a consonant */
            if (fin >= 0 && (fin == 0) == (memcmp(rest, "야", 3) == 0)) {
                *vocative = 1;
                return k;
            }
        } else if (variants_ko_marks_name(rest, n)) {
            *vocative = 0;
            return k;
        }
    }
    return 0;
}

size_t flag_surname_titled(const char *w, size_t len)
{
    size_t t;
    int cp;

    /* A Hangul syllable (three bytes), then a title of two syllables or
     * more: 김씨 and 박군 are the glued-name reading's (redact_extend.c). */
    if (len < 9 || utf8_next(&cp, w, len) != 3 || cp < 0xAC00 || cp > 0xD7A3 ||
        !variants_is_surname(w, 3) ||
        (t = variants_ko_mark_head(w + 3, len - 3, KO_MARK_SURNAME)) < 6)
        return 0;
    /* 부반장 (the deputy), 여선생 (a woman teacher), 피지배인: words
     * hunspell-ko knows as they are (strict: no compound read in, or
     * 김작업반장 is laver and a team leader). */
    return redact_ordinary_ko(w, len, 1) || redact_ordinary_ko(w, 3 + t, 1) ? 0 : 3 + t;
}

size_t flag_glued_mark(const char *w, size_t len, int comma_after)
{
    int vocative = 0;
    size_t k = len >= 9 ? mark_at(w, len, &vocative) : 0;

    if (k == 0)
        return 0;
    /* redact_known_word: redact_ordinary_ko's answer, remembered per word */
    if (redact_known_word(LEXICON_KO, w, len)) {
        /* 철수야 reads as the noun 철수 and 야: only a verb's form (괜찮아,
         * 그래야) is no vocative, before a comma that opens a sentence;
         * elsewhere a known word is no name. */
        return vocative && comma_after && !ko_verb_reading(w, len) ? k : 0;
    }
    if (vocative && comma_after)
        return k;
    return redact_known_word(LEXICON_KO, w, k) ? 0 : k;
}

int flag_name_stem(int lang, const char *w, size_t len)
{
    char stems[512];
    int n;

    if (gazetteer_names_word(w, len))
        return 1;
    n = lexicon_stems((enum lexicon_lang)lang, w, len, stems, sizeof stems);
    for (const char *st = stems; n > 0; n--, st += strlen(st) + 1)
        if (gazetteer_names_word(st, strlen(st)))
            return 1;
    return 0;
}

struct place_scan {
    size_t len;
    int place, name;
};

static int on_place_hit(void *ctx, int kind, size_t start, size_t end, struct err *e)
{
    struct place_scan *p = ctx;

    (void)e;
    if (kind == GAZ_PLACE && start == 0 && end == p->len)
        p->place = 1;
    else if (kind != GAZ_PLACE)
        p->name = 1;
    return 0;
}

/* flag_place_word's question, asked once per word (redact_word_answer):
 * -1 when the word cannot be normalised or the gazetteer not read. */
static int place_word_ask(const char *w, size_t len)
{
    struct normtext nt;
    struct err e;
    struct place_scan p = { len, 0, 0 };
    int rc;

    if (normalise(&nt, w, len, &e) != 0)
        return -1;
    rc = gazetteer_scan(&nt, on_place_hit, &p, &e);
    normtext_free(&nt);
    if (rc != 0)
        return -1;
    return p.place && !p.name && !gazetteer_names_word(w, len);
}

/* The answer depends on the word alone (the gazetteer is the same for the
 * whole process): remembered per word, as each_shape asks it at every
 * Hangul name-shaped word (docs/SPEED.md, "Session 30"). */
int flag_place_word(const char *w, size_t len)
{
    return redact_word_answer(REDACT_WORD_PLACE, w, len, place_word_ask);
}

/* redact_is_region's question: -1 (not remembered) when the gazetteer
 * cannot be loaded. */
static int region_ask(const char *text, size_t len)
{
    if (gazetteer_load(NULL) != 0)
        return -1;
    return gazetteer_is_region(text, len);
}

int redact_is_region(const char *text, size_t len)
{
    return redact_word_answer(REDACT_WORD_REGION, text, len, region_ask);
}

/* British spellings en_US does not list, and the American spelling
 * tried in their place (organisers, labour, centre, travelled, defence). */
static const struct {
    const char *gb, *us;
} british[] = {
    { "isation", "ization" }, { "ise", "ize" }, { "ising", "izing" }, { "yse", "yze" },
    { "our", "or" }, { "tre", "ter" }, { "lled", "led" }, { "lling", "ling" },
    { "ogue", "og" }, { "ence", "ense" },
};

int flag_en_word(const char *w, size_t len)
{
    char low[64], us[72];
    size_t n;

    if (flag_lower(low, sizeof low, w, len) != 0)
        return 0;
    n = strlen(low);
    /* Remembered per word (redact_known_word): the same answer as
     * lexicon_word's, without asking hunspell again for each capitalised
     * word of a text (bench/audit.sh: 6% of the audit's time). */
    if (redact_known_word(LEXICON_EN, low, n))
        return 1;
    for (size_t i = 0; i < sizeof british / sizeof british[0]; i++) {
        const char *at = strstr(low, british[i].gb);
        size_t g = strlen(british[i].gb), u = strlen(british[i].us);
        if (at == NULL || at == low || n - g + u >= sizeof us)
            continue;
        memcpy(us, low, (size_t)(at - low));
        memcpy(us + (at - low), british[i].us, u);
        memcpy(us + (at - low) + u, at + g, n - (size_t)(at - low) - g + 1);
        if (lexicon_word(LEXICON_EN, us, strlen(us)) == 1)
            return 1;
    }
    return 0;
}
