/* The commonest words of the testimony's languages, against which the
 * forms the variant rules generate for a name are checked (brief s27
 * over27, report-adv26a D-23: the initials Н.А. of Алексей Смирнов are
 * keyed "на", the preposition, and 了下 is read 료하, a Hangul form of
 * Лёха; both were replaced by the subject's pseudonym in any record).
 *
 * HAND-WRITTEN TABLES: they want a native reviewer for each language.
 * Sources: the top of the frequency lists of the Russian National Corpus
 * (Lyashevskaya & Sharoff 2009) and of the Ukrainian and Belarusian
 * corpora (prepositions, conjunctions, particles, pronouns, "to be"),
 * the Oxford English Corpus's 100 commonest words, the commonest Malay
 * function words of Dewan Bahasa's Tatabahasa Dewan, the National
 * Institute of Korean Language's frequency list (words of two syllables or
 * more; no surname: a romanised surname keeps its own context rule,
 * variants_is_surname), Mongolian Cyrillic pronouns, particles and
 * postpositions, and the commonest characters of Jun Da's Modern Chinese
 * character frequency list (function characters and the commonest
 * verbs and nouns that are no given names; the traditional forms too).  Words are written as typed; their keys
 * are made by normalise() on first use, so case, ё/е and the like follow
 * the key view's rules, not this file's spelling. */
#include "privacy/common_words.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/normalise.h"
#include "util/text.h"

static const char *const words[] = {
    /* Russian */
    "и", "в", "во", "не", "на", "я", "он", "она", "оно", "они", "мы", "вы", "ты", "с", "со",
    "что", "а", "по", "это", "этот", "эта", "эти", "к", "ко", "но", "как", "из", "у", "за",
    "то", "от", "так", "о", "об", "обо", "для", "же", "все", "всё", "тот", "та", "те",
    "его", "её", "ее", "их", "им", "ему", "ей", "нам", "вам", "мне", "меня", "тебя", "тебе",
    "нас", "вас", "него", "неё", "них", "ним", "ней", "только", "или", "ещё", "еще", "бы",
    "себя", "один", "одна", "уже", "до", "если", "сам", "когда", "вот", "при", "чтобы", "кто",
    "очень", "два", "даже", "без", "над", "под", "про", "через", "после", "перед", "между",
    "где", "там", "тут", "здесь", "потом", "тогда", "сейчас", "ни", "нет", "да", "ли", "ну",
    "чем", "чего", "кого", "кому", "был", "была", "было", "были", "есть", "будет", "раз",
    "лет", "уж", "ведь", "вдруг", "опять", "тоже", "также", "может", "надо", "нужно", "мой",
    "наш", "свой", "весь", "год", "день", "быть", "какой", "который", "вон", "ой", "ах", "эх",
    /* Ukrainian (і and ї key as и: normalise.h) */
    "і", "й", "з", "із", "зі", "що", "та", "як", "це", "від", "він", "вона", "воно", "вони",
    "ви", "ти", "її", "їх", "їм", "але", "чи", "ні", "вже", "ще", "де", "коли", "якщо",
    "після", "між", "біля", "мені", "тобі", "йому", "їй", "був", "була", "було", "були", "є",
    "буде", "вся", "всі", "мій", "ваш", "цей", "ця", "ці", "ті", "який", "яка", "яке", "які",
    "хто", "чому", "тому", "теж", "лише", "тільки", "дуже", "треба", "рік", "час", "ось",
    "так", "щоб", "саме", "тут", "там", "потім", "тоді", "зараз", "нас", "вас", "нам", "вам",
    /* conjunctions and particles ("Бо він..." is "because he...": a
     * two-letter piece of Бондаренко took it; report-adv30's case writer) */
    "бо", "адже", "проте", "отже", "тобто", "навіть", "аби", "хоч", "хай", "нехай",
    /* Belarusian */
    "ў", "што", "гэта", "па", "ад", "ён", "яна", "яны", "яго", "яе", "іх", "ці", "ужо",
    "яшчэ", "дзе", "калі", "пра", "праз", "пасля", "паміж", "пад", "пры", "каля", "таксама",
    /* Mongolian (Cyrillic) */
    "би", "чи", "тэр", "бид", "та", "тэд", "энэ", "нь", "юм", "байна", "байсан", "байх",
    "гэж", "гэсэн", "ба", "болон", "бол", "ч", "л", "их", "нэг", "хоёр", "одоо", "дараа",
    "өмнө", "дээр", "доор", "дотор", "гадна", "хамт", "тухай", "руу", "рүү", "луу", "лүү",
    "үгүй", "тийм", "ямар", "хэн", "юу", "хаана", "хэзээ", "яагаад", "миний", "чиний",
    "түүний", "манай", "танай", "бас", "гэхдээ", "харин", "мөн", "биш", "аа", "ээ",
    /* English */
    "the", "be", "to", "of", "and", "a", "in", "that", "have", "i", "it", "for", "not", "on",
    "with", "he", "as", "you", "do", "at", "this", "but", "his", "by", "from", "they", "we",
    "say", "her", "she", "or", "an", "will", "my", "one", "all", "would", "there", "their",
    "what", "so", "up", "out", "if", "about", "who", "get", "which", "go", "me", "when",
    "make", "can", "like", "time", "no", "just", "him", "know", "take", "into", "year",
    "your", "some", "could", "them", "see", "other", "than", "then", "now", "only", "its",
    "over", "also", "back", "after", "two", "how", "our", "well", "way", "even", "new",
    "because", "any", "these", "day", "us", "is", "was", "are", "were", "been", "has", "had",
    "did", "said", "am", "off", "down", "here", "very", "where", "why", "must", "much",
    "more", "too", "still", "never", "each", "both", "those", "such", "own", "same", "while",
    "before", "under", "between", "through", "without", "oh", "ok", "yes",
    /* Malay */
    "yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "tidak", "ada",
    "saya", "dia", "kami", "kita", "mereka", "akan", "pada", "juga", "atau", "dalam",
    "oleh", "sudah", "telah", "boleh", "ia", "anda", "kamu", "apa", "siapa", "mana", "bila",
    "kenapa", "sebab", "kerana", "tetapi", "tapi", "lagi", "masih", "belum", "pun", "lah",
    "kah", "nya", "se", "satu", "dua", "tiga", "orang", "hari", "tahun", "masa", "rumah",
    "pergi", "datang", "balik", "buat", "kata", "ya", "tak", "nak", "dah", "ni", "tu",
    "sini", "sana", "situ", "atas", "bawah", "luar", "sangat", "banyak", "semua", "bukan",
    "jika", "kalau", "supaya", "selepas", "sebelum", "hingga", "sampai", "antara", "bagi",
    "tentang", "seperti", "macam",
    /* Korean: words of two syllables or more (one syllable, 수 or 진, is
     * a given name's as often: FORM_CONTEXT, a review flag at most) */
    "그는", "그녀", "우리", "저는", "나는", "있다", "없다", "하다", "되다", "그리고", "그러나",
    "하지만", "그래서", "이것", "그것", "저것", "여기", "거기", "저기", "어디", "누구",
    "무엇", "언제", "어떻게", "아주", "매우", "너무", "다시", "같이", "함께", "모두",
    "사람", "때문", "아래", "에서", "으로", "하고", "있는", "없는", "그런", "이런", "저런",
    "아니",
};

/* Common Chinese characters that are no part of a given name: the
 * function characters and the commonest verbs and nouns of Jun Da's list
 * (hand-copied; characters frequent in names, 明 小 文 华 国 金 王 李 ...,
 * left out so that a registered Han name's two characters still count),
 * with the traditional forms of those that differ. */
static const char han[] =
    /* particles, pronouns, measure words, negation, aspect */
    "的了是不在有我他她它你您们这那个么之也就都而与和及或把被让给对向从到于以为着过吗吧跟"
    "呢啊呀嘛哦嗯哪谁什怎几些每各某其此该所者得地很太最更还再又才只已曾将会能可要想应该"
    "没别一二三四五六七八九十百千万两第半多少"
    /* the commonest verbs, nouns and adverbs that are no given names */
    "上下来去出进回起开说看听做走跑坐站拿放找用吃喝住买卖送带写读问叫等后前里外边时候年月日"
    "点次事人话地方样路车门口手头眼心面然因虽但如果已经正直知道觉见自己现今昨城镇村"
    /* traditional forms of the same characters */
    "這個們麼與對從於為著過嗎應該別幾兩來進開說聽買賣給帶寫讀問時後裡間點話樣車門頭眼麼沒覺見鎮";

/* The subset of han that han_particle reads (its header says why). */
static const char particles[] =
    "的了是不在有我他她它你您们这那个么之也就都而与和及或把被让给对向从到于以为着过吗吧"
    "呢啊呀嘛哦嗯哪谁很太最还再又才只已曾将会能要想没别说跟"
    "這個們麼與對從於為著過嗎說沒別";

int han_particle(const char *norm, size_t len)
{
    char c[4];

    if (len != 3)
        return 0;
    memcpy(c, norm, 3), c[3] = '\0';
    return strstr(particles, c) != NULL;    /* UTF-8: a whole character matches aligned */
}

static char *keys;              /* NUL-separated keys, sorted by pointer table */
static const char **sorted;
static size_t nsorted;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int cmp_key(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void build(void)
{
    size_t n = sizeof words / sizeof words[0], used = 0, cap = 0, i, k = 0;
    struct normtext t;
    struct err e;

    for (i = 0; i < n; i++)
        cap += strlen(words[i]) * 3 + 1;
    if ((keys = malloc(cap)) == NULL || (sorted = malloc(n * sizeof *sorted)) == NULL) {
        free(keys), keys = NULL;
        return;
    }
    for (i = 0; i < n; i++) {
        if (normalise(&t, words[i], strlen(words[i]), &e) != 0)
            continue;
        if (t.keylen > 0 && used + t.keylen + 1 <= cap) {
            memcpy(keys + used, t.key, t.keylen), keys[used + t.keylen] = '\0';
            sorted[k++] = keys + used;
            used += t.keylen + 1;
        }
        normtext_free(&t);
    }
    qsort(sorted, k, sizeof *sorted, cmp_key);
    nsorted = k;
}

int common_word_key(const char *key, size_t keylen)
{
    (void)pthread_once(&once, build);
    return text_sorted_find(sorted, nsorted, key, keylen) >= 0;
}

int common_han_run(const char *norm, size_t len)
{
    size_t at = 0;
    int cp, k, n = 0, common = 0;
    char c[5];

    while (at < len) {
        if ((k = utf8_next(&cp, norm + at, len - at)) <= 0 || !is_han_cp(cp))
            return 0;
        memcpy(c, norm + at, (size_t)k), c[k] = '\0';
        n++;
        if (strstr(han, c) != NULL)
            common++;
        at += (size_t)k;
    }
    if (n == 0)
        return 0;
    return n <= 2 ? common == n : 2 * common > n;
}
