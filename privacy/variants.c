#include "privacy/variants.h"

#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "crypto/secmem.h"
#include "privacy/normalise.h"

#define OPT_MAX 12
#define OPT_LEN 24
#define SLOT_MAX 48
#define HANGUL_CANDIDATES 8
/* Back-transliteration explores at most this many steps: a long Latin
 * term has exponentially many readings, and the first ones are the likely
 * ones. */
#define REVERSE_BUDGET 20000

struct slot {
    char opt[OPT_MAX][OPT_LEN];
    int n;
};

/* ---- Tables (docs/VARIANTS.md gives their sources) ---- */

/* Initial consonants in Unicode order: RR first, then McCune-Reischauer and
 * North Korean (initial r), then informal spellings. */
static const char *const ko_initial[19][3] = {
    {"g", "k", 0}, {"kk", "gg", "k"}, {"n", 0, 0}, {"d", "t", 0}, {"tt", "dd", 0},
    {"r", "l", "n"}, {"m", 0, 0}, {"b", "p", 0}, {"pp", "bb", 0}, {"s", "sh", 0},
    {"ss", "s", 0}, {"", 0, 0}, {"j", "ch", 0}, {"jj", "tch", 0}, {"ch", 0, 0},
    {"k", 0, 0}, {"t", 0, 0}, {"p", 0, 0}, {"h", 0, 0},
};

/* Vowels: RR, MR without breve (ŏ -> o, ŭ -> u), informal. */
static const char *const ko_medial[21][4] = {
    {"a", 0, 0, 0}, {"ae", 0, 0, 0}, {"ya", 0, 0, 0}, {"yae", 0, 0, 0},
    {"eo", "o", "u", "ou"}, {"e", 0, 0, 0}, {"yeo", "yo", "you", "yu"}, {"ye", 0, 0, 0},
    {"o", "oh", 0, 0}, {"wa", 0, 0, 0}, {"wae", 0, 0, 0}, {"oe", "oi", "we", 0},
    {"yo", 0, 0, 0}, {"u", "oo", "woo", 0}, {"wo", "weo", 0, 0}, {"we", 0, 0, 0},
    {"wi", 0, 0, 0}, {"yu", "yoo", 0, 0}, {"eu", "u", 0, 0}, {"ui", "eui", "i", 0},
    {"i", "ee", 0, 0},
};

static const char *const ko_final[28][2] = {
    {"", 0}, {"k", "g"}, {"k", 0}, {"k", 0}, {"n", 0}, {"n", 0}, {"n", 0},
    {"t", "d"}, {"l", "r"}, {"k", 0}, {"m", 0}, {"l", 0}, {"l", 0}, {"l", 0},
    {"p", 0}, {"l", 0}, {"m", 0}, {"p", "b"}, {"p", 0}, {"t", "s"}, {"t", 0},
    {"ng", 0}, {"t", 0}, {"t", 0}, {"k", 0}, {"t", 0}, {"p", 0}, {"t", 0},
};

/* Surnames: the Hangul, then its spellings, most frequent first. */
static const char *const ko_surnames[][9] = {
    {"김", "gim", "kim", 0}, {"이", "i", "yi", "lee", "rhee", "ri", "rhie", "li", 0},
    {"리", "ri", "li", "lee", "rhee", "i", "yi", 0}, {"박", "bak", "pak", "park", "bahk", 0},
    {"최", "choe", "choi", "chwe", 0},
    {"정", "jeong", "chong", "jung", "chung", "jong", "joung", "cheong", 0},
    {"강", "gang", "kang", 0}, {"조", "jo", "cho", 0}, {"윤", "yun", "yoon", 0},
    {"장", "jang", "chang", 0}, {"임", "im", "lim", "rim", "yim", 0}, {"림", "rim", "lim", "im", 0},
    {"한", "han", 0}, {"오", "o", "oh", 0}, {"서", "seo", "so", "suh", 0},
    {"신", "sin", "shin", 0}, {"권", "gwon", "kwon", 0}, {"황", "hwang", 0},
    {"안", "an", "ahn", 0}, {"송", "song", 0}, {"류", "ryu", "yu", "yoo", "ryoo", 0},
    {"유", "yu", "yoo", 0}, {"전", "jeon", "chon", "jun", "chun", 0}, {"홍", "hong", 0},
    {"고", "go", "ko", 0}, {"문", "mun", "moon", 0}, {"양", "yang", "ryang", 0},
    {"손", "son", "sohn", 0}, {"배", "bae", "pae", 0}, {"백", "baek", "paek", "baik", "paik", 0},
    {"허", "heo", "ho", "hur", "huh", 0}, {"남", "nam", 0}, {"심", "sim", "shim", 0},
    {"노", "no", "noh", "ro", "roh", 0}, {"로", "ro", "no", "roh", 0}, {"하", "ha", 0},
    {"곽", "gwak", "kwak", 0}, {"성", "seong", "song", "sung", 0}, {"차", "cha", 0},
    {"주", "ju", "chu", "joo", 0}, {"우", "u", "woo", 0}, {"구", "gu", "ku", "koo", 0},
    {"민", "min", 0}, {"진", "jin", "chin", 0}, {"지", "ji", "chi", 0},
    {"엄", "eom", "om", "um", 0}, {"채", "chae", 0}, {"원", "won", 0},
    {"천", "cheon", "chon", "chun", 0}, {"방", "bang", "pang", 0}, {"공", "gong", "kong", 0},
    {"현", "hyeon", "hyon", "hyun", 0}, {"함", "ham", 0}, {"변", "byeon", "pyon", "byun", 0},
    {"염", "yeom", "yom", "yum", 0}, {"여", "yeo", "yo", "yuh", 0}, {"추", "chu", "choo", 0},
    {"도", "do", "to", "doh", 0}, {"석", "seok", "sok", "suk", 0}, {"선", "seon", "son", "sun", 0},
    {"설", "seol", "sol", "sul", 0}, {"길", "gil", "kil", 0}, {"연", "yeon", "yon", "yun", 0},
    {"표", "pyo", 0}, {"명", "myeong", "myong", "myung", 0}, {"기", "gi", "ki", 0},
    {"반", "ban", "pan", 0}, {"왕", "wang", 0}, {"금", "geum", "kum", "keum", 0},
    {"옥", "ok", 0}, {"육", "yuk", "yook", 0}, {"인", "in", 0}, {"탁", "tak", 0},
    {"국", "guk", "kuk", "kook", 0}, {"경", "gyeong", "kyong", "kyung", 0},
    {"봉", "bong", "pong", 0}, {"편", "pyeon", "pyon", 0}, {"용", "yong", 0},
};
#define N_SURNAMES (sizeof ko_surnames / sizeof ko_surnames[0])

/* Syllables frequent in given names: the reverse table for romanised names. */
static const char ko_name_syllables[] =
    "가강건경계고곤광교구국군권규균근금기길남내녀년노다단달대덕도동두득란래려련렬령례로룡류륜리린림립"
    "만명모목무문미민범법병보복봉부분빈사산삼상서석선설섭성세소송수숙순술승시식신실심아안애야양억언엄"
    "여연열염영예오옥온완왕용우욱운웅원월위유육윤율은을음의이익인일임자작재전점정제조종주준중지진찬창"
    "채천철청초춘충치칠태택평포표필하학한해향허혁현형혜호홍화환황효후훈휘희흥";

/* Korean particles that may follow a name inside the same word. */
static const char *const ko_particles[] = {
    "은", "는", "이", "가", "을", "를", "의", "에게", "에게서", "와", "과", "도", "씨", "님",
    "에", "께", "께서", "한테", "한테서", "랑", "이랑", "하고", "로", "으로", "에서", "만",
    "야", "아", "이가", "이는", "이를", "이의", "이도", "동지", "동무", "선생",
    /* the copula and its common forms, and more particles */
    "다", "이다", "였다", "이었다", "였고", "이었고", "입니다", "이에요", "예요", "이야",
    "라고", "이라고", "라는", "이라는", "라면", "이라면", "처럼", "보다", "부터", "까지",
    "마저", "조차", "뿐", "밖에", "네", "네가", "이네", "이나", "나", "든지", "이든지",
    "였", "이었", "이며", "며", "이고", "고", "라", "이라",
};

/* Mongolian Cyrillic letters: MNS 5217, BGN/PCGN, ALA-LC, passport. */
static const char *const mn_letters[][5] = {
    {"а", "a", 0}, {"б", "b", 0}, {"в", "v", "w", 0}, {"г", "g", 0}, {"д", "d", 0},
    {"е", "ye", "e", "yo", 0}, {"ё", "yo", "io", "e", 0}, {"ж", "j", "zh", 0},
    {"з", "z", "dz", 0}, {"и", "i", 0}, {"й", "i", "y", "j", 0}, {"к", "k", 0},
    {"л", "l", 0}, {"м", "m", 0}, {"н", "n", 0}, {"о", "o", 0}, {"ө", "o", "u", "oe", 0},
    {"п", "p", 0}, {"р", "r", 0}, {"с", "s", 0}, {"т", "t", 0}, {"у", "u", 0},
    {"ү", "u", "ue", "v", 0}, {"ф", "f", 0}, {"х", "kh", "h", "x", 0},
    {"ц", "ts", "c", "z", 0}, {"ч", "ch", "c", 0}, {"ш", "sh", 0}, {"щ", "shch", "sh", 0},
    {"ъ", "", "i", 0}, {"ы", "y", "i", 0}, {"ь", "", "i", 0}, {"э", "e", 0},
    {"ю", "yu", "iu", "yo", 0}, {"я", "ya", "ia", 0},
};
#define N_MN_LETTERS (sizeof mn_letters / sizeof mn_letters[0])

/* Case endings (genitive, accusative, dative-locative, ablative,
 * instrumental, comitative, directional), reflexive possessive, privative
 * (-гүй), "X's family" (-ийнх, -ынхан) and plural; up to three stack
 * ("Бурмаатайг", "Улаадайнхан", "Хүчүгүртээ"). */
static const char *const mn_endings[] = {
    "ын", "ийн", "ний", "н", "ий", "гийн", "ы", "ыг", "ийг", "г", "гийг", "д", "т", "ад",
    "эд", "од", "өд", "аас", "ээс", "оос", "өөс", "иас", "иос", "гаас", "гээс", "наас",
    "нээс", "аар", "ээр", "оор", "өөр", "иар", "гаар", "гээр", "тай", "тэй", "той",
    "руу", "рүү", "луу", "лүү", "аа", "ээ", "оо", "өө", "гаа", "гээ", "гоо", "гөө", "ынх", "ийнх",
    "ых", "ийх", "нийх", "даа", "дээ", "доо", "дөө", "таа", "тээ", "тоо", "төө", "гүй", "хан", "хэн", "хон", "хөн",
    "ан", "эн", "он", "өн", "нхан", "нхэн", "ууд", "үүд", "нууд", "нүүд", "ч",
    "yn", "iin", "iyn", "nii", "n", "ii", "giin", "yg", "ig", "iig", "g", "giig", "d", "t",
    "ad", "ed", "od", "aas", "ees", "oos", "uus", "ias", "ios", "gaas", "gees", "aar",
    "eer", "oor", "uur", "gaar", "geer", "tai", "tei", "toi", "tay", "tey", "toy", "ruu",
    "luu", "aa", "ee", "oo", "gaa", "gee", "ynkh", "iinkh",
};
#define N_MN_ENDINGS (sizeof mn_endings / sizeof mn_endings[0])
#define N_PARTICLES (sizeof ko_particles / sizeof ko_particles[0])

/* ---- The list ---- */

static int list_add(struct variant_list *l, const char *key, size_t keylen,
                    int rule, int suffix)
{
    size_t i;
    struct variant *v;

    if (keylen == 0 || l->n >= VARIANTS_MAX)
        return 0;
    for (i = 0; i < l->n; i++)
        if (l->v[i].keylen == keylen && memcmp(l->arena + l->v[i].off, key, keylen) == 0 &&
            l->v[i].suffix == suffix)
            return 0;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        v = realloc(l->v, cap * sizeof *v);
        if (v == NULL)
            return -1;
        l->v = v, l->cap = cap;
    }
    if (secbuf_append(&l->arena, &l->used, &l->size, key, keylen, &l->v[l->n].off) != 0)
        return -1;
    l->v[l->n].key = NULL;
    l->v[l->n].keylen = keylen;
    l->v[l->n].rule = (unsigned char)rule;
    l->v[l->n].suffix = (unsigned char)suffix;
    l->n++;
    return 0;
}

void variant_list_free(struct variant_list *l)
{
    if (l == NULL)
        return;
    secmem_wipe_free(l->arena);
    free(l->v);
    memset(l, 0, sizeof *l);
}

static void slot_add(struct slot *s, const char *a, const char *b, const char *c)
{
    size_t n = strlen(a) + strlen(b) + strlen(c);
    int i;

    if (s->n >= OPT_MAX || n >= OPT_LEN)
        return;
    memcpy(s->opt[s->n], a, strlen(a));
    memcpy(s->opt[s->n] + strlen(a), b, strlen(b));
    memcpy(s->opt[s->n] + strlen(a) + strlen(b), c, strlen(c) + 1);
    for (i = 0; i < s->n; i++)
        if (strcmp(s->opt[i], s->opt[s->n]) == 0)
            return;
    s->n++;
}

/* ---- Combinations, most likely (lowest rank sum) first ---- */

struct combo {
    const struct slot *slots;
    int nslots;
    char buf[SLOT_MAX * OPT_LEN];
    struct variant_list *out;
    int rule, suffix, failed;
    size_t cap;
};

static void combo_rec(struct combo *c, int i, size_t at, int left)
{
    int k;
    size_t n;

    if (c->failed || c->out->n >= c->cap)
        return;
    if (i == c->nslots) {
        if (left == 0 && list_add(c->out, c->buf, at, c->rule, c->suffix) != 0)
            c->failed = 1;
        return;
    }
    for (k = 0; k < c->slots[i].n && k <= left; k++) {
        n = strlen(c->slots[i].opt[k]);
        memcpy(c->buf + at, c->slots[i].opt[k], n);
        combo_rec(c, i + 1, at + n, left - k);
    }
}

static int combine(struct variant_list *out, const struct slot *slots, int n,
                   int rule, int suffix, size_t cap)
{
    struct combo c = { slots, n, {0}, out, rule, suffix, 0, cap };
    int sum, max = 0, i;

    for (i = 0; i < n; i++)
        max += slots[i].n - 1;
    for (sum = 0; sum <= max && !c.failed && out->n < cap; sum++)
        combo_rec(&c, 0, 0, sum);
    sodium_memzero(c.buf, sizeof c.buf);
    return c.failed ? -1 : 0;
}

/* ---- Korean ---- */

static void hangul_slot(struct slot *s, int cp)
{
    int idx = cp - 0xAC00, l = idx / 588, m = (idx % 588) / 28, t = idx % 28;
    int a, b, c, sum;

    memset(s, 0, sizeof *s);
    for (sum = 0; sum <= 6; sum++)
        for (a = 0; a < 3 && ko_initial[l][a]; a++)
            for (b = 0; b < 4 && ko_medial[m][b]; b++)
                for (c = 0; c < 2 && ko_final[t][c]; c++)
                    if (a + b + c == sum)
                        slot_add(s, ko_initial[l][a], ko_medial[m][b], ko_final[t][c]);
}

static int surname_index(const char *utf8)
{
    size_t i;

    for (i = 0; i < N_SURNAMES; i++)
        if (strcmp(ko_surnames[i][0], utf8) == 0)
            return (int)i;
    return -1;
}

static void surname_slot(struct slot *s, int i)
{
    int k;

    memset(s, 0, sizeof *s);
    for (k = 1; k < 9 && ko_surnames[i][k]; k++)
        slot_add(s, ko_surnames[i][k], "", "");
}

/* Hangul syllables of key as code points; -1 if key is not all syllables. */
static int hangul_cps(int *cps, int max, const char *key, size_t len)
{
    size_t at = 0;
    int n = 0, cp, k;

    while (at < len) {
        k = utf8_next(&cp, key + at, len - at);
        if (k < 0 || cp < 0xAC00 || cp > 0xD7A3 || n >= max)
            return -1;
        cps[n++] = cp;
        at += (size_t)k;
    }
    return n;
}

static int korean_from_hangul(struct variant_list *out, const char *key, size_t len, int rule,
                              int person)
{
    struct slot s[SLOT_MAX];
    int cps[SLOT_MAX - 1], n, i, sur;
    char first[8] = {0};
    size_t flen;

    n = hangul_cps(cps, SLOT_MAX - 1, key, len);
    if (n <= 0)
        return 0;
    if (list_add(out, key, len, rule, SUFFIX_KO) != 0)
        return -1;
    flen = (size_t)utf8_next(&cps[0], key, len);
    memcpy(first, key, flen);
    sur = person && n >= 3 && n <= 4 ? surname_index(first) : -1;
    for (i = 0; i < n; i++)
        hangul_slot(&s[i], cps[i]);
    /* Nearly every three-syllable Korean name is a one-syllable surname and
     * a two-syllable given name, rare surnames (견, 팽, 좌) included. */
    if (sur < 0 && (n != 3 || !person))
        return combine(out, s, n, RULE_VARIANT, SUFFIX_NONE, out->n + 300);
    if (list_add(out, key + flen, len - flen, RULE_VARIANT, SUFFIX_KO) != 0)
        return -1;
    if (sur >= 0)
        surname_slot(&s[0], sur);
    if (combine(out, s, n, RULE_VARIANT, SUFFIX_NONE, out->n + 200) != 0)
        return -1;
    s[n] = s[0];                        /* given name, then surname */
    if (combine(out, s + 1, n, RULE_VARIANT, SUFFIX_NONE, out->n + 120) != 0)
        return -1;
    return combine(out, s + 1, n - 1, RULE_VARIANT, SUFFIX_NONE, out->n + 120);
}

struct reverse {
    const struct slot *spell; /* spellings of each name syllable */
    const int *cp;           /* the name syllables */
    int n;
    char found[HANGUL_CANDIDATES][SLOT_MAX * 4];
    int nfound;
    long steps;
    int path[SLOT_MAX];
};

/* The spellings of every name syllable and surname: built once (they
 * come from constant tables), shared by every back-transliteration. */
#define REV_MAX (sizeof ko_name_syllables / 3 + N_SURNAMES)
static struct slot rev_spell[REV_MAX];
static int rev_cp[REV_MAX];
static int rev_n;
static pthread_once_t rev_once = PTHREAD_ONCE_INIT;

/* Every spelling by its first letter, in the order the search tries them
 * (option rank, then table order), so each step compares only spellings
 * that can match. */
struct rev_ent {
    const char *s;
    unsigned char len, surname;
    short idx;
};
static struct rev_ent rev_ent[REV_MAX * OPT_MAX];
static const struct rev_ent *rev_by_letter[27];

static void rev_index(void)
{
    size_t n = 0;
    int c, k, i;

    for (c = 0; c < 26; c++) {
        rev_by_letter[c] = &rev_ent[n];
        for (k = 0; k < OPT_MAX; k++)
            for (i = 0; i < rev_n; i++) {
                const char *o = rev_spell[i].opt[k];
                if (k >= rev_spell[i].n || o[0] != 'a' + c)
                    continue;
                rev_ent[n].s = o, rev_ent[n].len = (unsigned char)strlen(o);
                rev_ent[n].surname = i >= rev_n - (int)N_SURNAMES;
                rev_ent[n].idx = (short)i;
                n++;
            }
    }
    rev_by_letter[26] = &rev_ent[n];
}

static void rev_build(void)
{
    const char *p = ko_name_syllables;
    size_t len = strlen(p), at = 0;
    int cp, k, i;

    while (at < len && (k = utf8_next(&cp, p + at, len - at)) > 0) {
        hangul_slot(&rev_spell[rev_n], cp);
        rev_cp[rev_n++] = cp;
        at += (size_t)k;
    }
    for (i = 0; i < (int)N_SURNAMES; i++) {
        (void)utf8_next(&cp, ko_surnames[i][0], strlen(ko_surnames[i][0]));
        surname_slot(&rev_spell[rev_n], i);
        rev_cp[rev_n++] = cp;
    }
    rev_index();
}

static int reverse_init(struct reverse *r)
{
    (void)pthread_once(&rev_once, rev_build);
    memset(r, 0, sizeof *r);
    r->spell = rev_spell, r->cp = rev_cp, r->n = rev_n;
    return 0;
}

static void reverse_free(struct reverse *r)
{
    sodium_memzero(r, sizeof *r);
}

static void reverse_found(struct reverse *r, int depth)
{
    char *o = r->found[r->nfound];
    int i, k;

    for (i = 0; i < depth; i++) {
        k = (int)utf8proc_encode_char(r->path[i], (utf8proc_uint8_t *)o);
        o += k;
    }
    *o = '\0';
    for (i = 0; i < r->nfound; i++)
        if (strcmp(r->found[i], r->found[r->nfound]) == 0)
            return;
    r->nfound++;
}

static void reverse_rec(struct reverse *r, const char *key, size_t len, int depth)
{
    const struct rev_ent *x;
    int c;

    if (r->nfound >= HANGUL_CANDIDATES || ++r->steps > REVERSE_BUDGET)
        return;
    if (len == 0) {
        if (depth >= 2)
            reverse_found(r, depth);
        return;
    }
    if (depth >= 5 || (c = (unsigned char)key[0] - 'a') < 0 || c >= 26)
        return;
    for (x = rev_by_letter[c]; x < rev_by_letter[c + 1]; x++) {
        if (x->len > len || (x->surname && depth > 0) || memcmp(x->s, key, x->len) != 0)
            continue;
        r->path[depth] = r->cp[x->idx];
        reverse_rec(r, key + x->len, len - x->len, depth + 1);
    }
}

/* Hangul candidates for a romanised key (all ASCII letters). */
static int reverse_korean(struct reverse *r, const char *key, size_t len)
{
    size_t i;

    if (reverse_init(r) != 0)
        return -1;
    for (i = 0; i < len; i++)
        if (key[i] < 'a' || key[i] > 'z')
            return 0;
    reverse_rec(r, key, len, 0);
    return 0;
}

/* ---- Mongolian ---- */

static int mn_letter(int cp)
{
    char u[8] = {0};
    size_t i;

    if (utf8proc_encode_char(cp, (utf8proc_uint8_t *)u) <= 0)
        return -1;
    for (i = 0; i < N_MN_LETTERS; i++)
        if (strcmp(mn_letters[i][0], u) == 0)
            return (int)i;
    return -1;
}

static int is_short_vowel(int li)
{
    static const char *const v[] = { "а", "э", "о", "ө", "у", "ү", "и", "ы", "ь" };
    size_t i;

    for (i = 0; i < sizeof v / sizeof v[0]; i++)
        if (strcmp(mn_letters[li][0], v[i]) == 0)
            return 1;
    return 0;
}

/* Cyrillic key: itself, its stem, and both in every Latin system. */
static int mongolian_from_cyrillic(struct variant_list *out, const char *key,
                                   size_t len, int rule)
{
    struct slot s[SLOT_MAX];
    int n = 0, cp, k, li = -1, i;
    size_t at = 0, lastat = 0;

    while (at < len) {
        k = utf8_next(&cp, key + at, len - at);
        if (k < 0 || n >= SLOT_MAX || (li = mn_letter(cp)) < 0)
            return 0;
        memset(&s[n], 0, sizeof s[n]);
        for (i = 1; i < 5 && mn_letters[li][i]; i++)
            slot_add(&s[n], mn_letters[li][i], "", "");
        lastat = at;
        at += (size_t)k;
        n++;
    }
    if (list_add(out, key, len, rule, SUFFIX_MN) != 0 ||
        combine(out, s, n, RULE_VARIANT, SUFFIX_MN, out->n + 200) != 0)
        return -1;
    /* A stem of two letters ("то" of Тоү) starts too many words. */
    if (n < 4 || !is_short_vowel(li) || strncmp(key + lastat, key + lastat - (len - lastat), len - lastat) == 0)
        return 0;
    if (list_add(out, key, lastat, RULE_INFLECTION, SUFFIX_MN_STEM) != 0)
        return -1;
    return combine(out, s, n - 1, RULE_INFLECTION, SUFFIX_MN_STEM, out->n + 100);
}

struct mnrev {
    char found[4][SLOT_MAX * 2];
    int nfound;
    long steps;
    char path[SLOT_MAX * 2];
};

static void mnrev_rec(struct mnrev *m, const char *key, size_t len, size_t at, int depth)
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
            if (mn_letters[i][k] == NULL || (n = strlen(mn_letters[i][k])) != want ||
                n > len || memcmp(mn_letters[i][k], key, n) != 0)
                continue;
            memcpy(m->path + at, mn_letters[i][0], strlen(mn_letters[i][0]));
            mnrev_rec(m, key + n, len - n, at + strlen(mn_letters[i][0]), depth + 1);
        }
}

/* ---- Entry points ---- */

static int latin_key(const char *key, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++)
        if (key[i] < 'a' || key[i] > 'z')
            return 0;
    return len > 0;
}

static int from_latin(struct variant_list *out, const char *key, size_t len, int person)
{
    struct reverse r;
    struct mnrev m;
    int i, rc = 0;

    if (reverse_korean(&r, key, len) != 0) {
        reverse_free(&r);
        return -1;
    }
    for (i = 0; rc == 0 && i < r.nfound; i++)
        rc = korean_from_hangul(out, r.found[i], strlen(r.found[i]), RULE_VARIANT, person);
    if (r.nfound > 0 || rc != 0) {
        reverse_free(&r);
        return rc;
    }
    reverse_free(&r);
    memset(&m, 0, sizeof m);
    mnrev_rec(&m, key, len, 0, 0);
    for (i = 0; rc == 0 && i < m.nfound; i++)
        rc = mongolian_from_cyrillic(out, m.found[i], strlen(m.found[i]), RULE_VARIANT);
    sodium_memzero(&m, sizeof m);
    return rc;
}

int variants_of(struct variant_list *out, const char *text, size_t len, struct err *e)
{
    return variants_of_kind(out, text, len, 1, e);
}

int variants_of_kind(struct variant_list *out, const char *text, size_t len, int person,
                     struct err *e)
{
    struct normtext t;
    char *key;
    size_t keylen;
    int cp, rc;

    memset(out, 0, sizeof *out);
    if (normalise(&t, text, len, e) != 0)
        return -1;
    key = t.key, keylen = t.keylen;
    if (keylen == 0) {
        normtext_free(&t);
        return err_set(e, EXIT_INPUT, "a name or term is empty (or only dashes and spaces); give its text");
    }
    rc = list_add(out, key, keylen, RULE_EXACT, SUFFIX_NONE);
    if (rc == 0 && utf8_next(&cp, key, keylen) > 0) {
        if (is_hangul_cp(cp))
            rc = korean_from_hangul(out, key, keylen, RULE_EXACT, person);
        else if (is_cyrillic_cp(cp))
            rc = mongolian_from_cyrillic(out, key, keylen, RULE_EXACT);
        else if (latin_key(key, keylen))
            rc = from_latin(out, key, keylen, person);
    }
    normtext_free(&t);
    if (rc != 0) {
        variant_list_free(out);
        return err_set(e, EXIT_INPUT, "out of memory while generating spelling variants");
    }
    for (size_t i = 0; i < out->n; i++)
        out->v[i].key = out->arena + out->v[i].off;
    return 0;
}

static int ends_with_one(const char *const *tab, size_t ntab, const char *rest,
                         size_t len, int depth)
{
    size_t i, n;

    if (len == 0)
        return 1;
    /* No particle or ending is longer than 9 bytes: most words fail here. */
    if (depth == 0 || len > (size_t)depth * 9)
        return 0;
    for (i = 0; i < ntab; i++) {
        n = strlen(tab[i]);
        if (n <= len && tab[i][0] == rest[0] && memcmp(tab[i], rest, n) == 0 &&
            ends_with_one(tab, ntab, rest + n, len - n, depth - 1))
            return 1;
    }
    return 0;
}

static int mn_depth(const char *rest, size_t restlen)
{
    return restlen > 0 && (unsigned char)rest[0] < 0x80 ? 1 : 3;
}

int variant_suffix_ok(enum variant_suffix suffix, const char *rest, size_t restlen)
{
    switch (suffix) {
    case SUFFIX_NONE:
        return restlen == 0;
    case SUFFIX_KO:
        return ends_with_one(ko_particles, N_PARTICLES, rest, restlen, 2);
    /* Endings stack in Cyrillic; a Latin spelling takes at most one. */
    case SUFFIX_MN:
        return ends_with_one(mn_endings, N_MN_ENDINGS, rest, restlen, mn_depth(rest, restlen));
    case SUFFIX_MN_STEM:
        return restlen > 0 &&
               ends_with_one(mn_endings, N_MN_ENDINGS, rest, restlen, mn_depth(rest, restlen));
    }
    return 0;
}

static size_t put_syllables(char *out, size_t outlen, size_t at, const char *h, size_t *count)
{
    size_t i = 0, n = strlen(h);
    int cp, k;

    while (i < n && (k = utf8_next(&cp, h + i, n - i)) > 0) {
        if (at + (size_t)k + 1 > outlen)
            return at;
        memcpy(out + at, h + i, (size_t)k);
        out[at + (size_t)k] = '\0';
        at += (size_t)k + 1;
        (*count)++;
        i += (size_t)k;
    }
    return at;
}

size_t variants_hangul_syllables(char *out, size_t outlen, const char *key, size_t keylen)
{
    struct reverse r;
    char h[SLOT_MAX * 4];
    int cps[SLOT_MAX - 1], i;
    size_t at = 0, count = 0;

    if (keylen < sizeof h && hangul_cps(cps, SLOT_MAX - 1, key, keylen) > 0) {
        memcpy(h, key, keylen);
        h[keylen] = '\0';
        put_syllables(out, outlen, 0, h, &count);
        return count;
    }
    if (reverse_korean(&r, key, keylen) == 0)
        for (i = 0; i < r.nfound; i++)
            at = put_syllables(out, outlen, at, r.found[i], &count);
    reverse_free(&r);
    return count;
}

/* Every surname spelling, sorted once: the review flags ask for each word. */
static const char *surname_keys[N_SURNAMES * 9];
static size_t n_surname_keys;
static pthread_once_t surname_once = PTHREAD_ONCE_INIT;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void surname_index_build(void)
{
    size_t i, k;

    for (i = 0; i < N_SURNAMES; i++)
        for (k = 0; k < 9 && ko_surnames[i][k]; k++)
            surname_keys[n_surname_keys++] = ko_surnames[i][k];
    qsort(surname_keys, n_surname_keys, sizeof surname_keys[0], cmp_str);
}

int variants_is_surname(const char *key, size_t keylen)
{
    char buf[16];
    const char *p = buf;

    if (keylen == 0 || keylen >= sizeof buf)
        return 0;
    (void)pthread_once(&surname_once, surname_index_build);
    memcpy(buf, key, keylen);
    buf[keylen] = '\0';
    return bsearch(&p, surname_keys, n_surname_keys, sizeof surname_keys[0], cmp_str) != NULL;
}
