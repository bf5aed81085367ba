/* Ordinary words, from Debian's hunspell dictionaries (util/lexicon.h). */
#include "util/lexicon.h"

#include <hunspell.h>
#include <malloc.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

#define WORD_MAX 100

/* data/lexicon/ko_extra.txt and en_extra.txt, compiled in (scripts/embed.sh). */
extern const unsigned char lexicon_ko_extra[];
extern const unsigned char lexicon_en_extra[];

/* Each dictionary; the words we add to it (data/lexicon: one word a line,
 * then a tab and what it means; # comments) and the word of the dictionary
 * whose affixes they take. */
static const struct {
    const char *file, *package;
    const unsigned char *extra;
    const char *model;
} dicts[LEXICON_NLANGS] = {
    { "ko_KR", "hunspell-ko", lexicon_ko_extra, "시장" },
    { "mn_MN", "hunspell-mn", NULL, NULL },
    { "en_US", "hunspell-en-us", lexicon_en_extra, "ATM" },
};

static struct {
    char dir[256];
    Hunhandle *h[LEXICON_NLANGS];
    unsigned tried, missing;
    unsigned hold, held;        /* lexicon_hold's languages; those asked */
} lx = { "/usr/share/hunspell", { NULL }, 0, 0, 0, 0 };

void lexicon_set_dir(const char *dir)
{
    snprintf(lx.dir, sizeof lx.dir, "%s", dir != NULL ? dir : "/usr/share/hunspell");
}

/* Adds the words of list (dicts[].extra) to h, each with the affixes of
 * model.  Both are decomposed first (NFD): hunspell-ko keeps its words as
 * jamo (its ICONV table) and converts only what it is asked to spell, not
 * what is added. */
static void add_extra(Hunhandle *h, const unsigned char *list, const char *model)
{
    const char *line = (const char *)list, *end;
    char word[WORD_MAX + 1];
    utf8proc_uint8_t *dw, *dm = utf8proc_NFD((const utf8proc_uint8_t *)model);
    size_t n;

    for (; dm != NULL && *line != '\0'; line = *end == '\n' ? end + 1 : end) {
        end = line + strcspn(line, "\n");
        n = strcspn(line, "\t\n");
        if (*line == '#' || n == 0 || n > WORD_MAX)
            continue;
        memcpy(word, line, n);
        word[n] = '\0';
        if ((dw = utf8proc_NFD((const utf8proc_uint8_t *)word)) != NULL)
            (void)Hunspell_add_with_affix(h, (const char *)dw, (const char *)dm);
        free(dw);
    }
    free(dm);
}

/* hunspell keeps a dictionary in about a million small blocks of the
 * ordinary heap (hunspell-mn: about 70 MB).  Touched in 4 KiB pages, the
 * page faults and the TLB misses of its hash chains were half of a load's
 * CPU (docs/SPEED.md, "Session 43 (fast43)": 0.87 -> 0.5 CPU s for a
 * one-subject redact).  So before a load the main heap grows by HEAP_PAD
 * at once and that range is asked for transparent huge pages, as glibc's
 * own tunable glibc.malloc.hugetlb=1 does for every growth of the heap.
 * Advice only: the answers are hunspell's either way, and a heap that
 * cannot grow so (another allocator: ASan's mallopt refuses, valgrind's
 * does not grow by brk; a thread's arena) loads as before.  Nothing secret
 * lives there: secrets are in sodium_malloc's own mappings.  1 if the pad
 * was set (M_TOP_PAD, kept through the load: a smaller pad would let the
 * load's first free give the range back), 0 if not.  The pad is 64 MiB,
 * not the whole dictionary: with 160 MiB the huge pages hunspell touched
 * kept a one-record export at 182 MB of memory, over the 128 MiB that
 * tests/cli/export-open.bats holds export to (session 52; 102 MB with
 * 64 MiB and with none, and most of the page faults saved: 24,600 with
 * none, 6,000 with 64 MiB, 3,300 with 160 MiB). */
#define HEAP_PAD ((size_t)64 << 20)
#define HEAP_STEP ((size_t)64 << 10)
#define HUGE_PAGE ((uintptr_t)2 << 20)

static int heap_grow_huge(void)
{
    void *blocks[HEAP_PAD / HEAP_STEP];
    char *old = sbrk(0), *now = old;
    size_t n = 0;
    uintptr_t a, b;

    if (old == (char *)-1 || getpid() != gettid() || mallopt(M_TOP_PAD, (int)HEAP_PAD) != 1)
        return 0;
    /* Blocks under the mmap threshold come from the heap's top: the first
     * one that does not fit grows the heap by HEAP_PAD and more. */
    while (n < sizeof blocks / sizeof blocks[0] && now == old &&
           (blocks[n] = malloc(HEAP_STEP)) != NULL) {
        n++;
        now = sbrk(0);
    }
    while (n > 0)
        free(blocks[--n]);
    a = ((uintptr_t)old + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    b = (uintptr_t)now & ~(HUGE_PAGE - 1);
    if (now != (char *)-1 && b > a)
        (void)madvise((void *)a, b - a, MADV_HUGEPAGE);
    return 1;
}

/* A new handle of lang's dictionary with our words added, or NULL if it
 * is missing.  Handles are made one at a time (create_mu): hunspell keeps
 * tables shared by all its handles (its UTF-8 case table) that a handle
 * being made writes. */
static pthread_mutex_t create_mu = PTHREAD_MUTEX_INITIALIZER;

static Hunhandle *load(enum lexicon_lang lang)
{
    char aff[320], dic[320];
    Hunhandle *h = NULL;

    snprintf(aff, sizeof aff, "%s/%s.aff", lx.dir, dicts[lang].file);
    snprintf(dic, sizeof dic, "%s/%s.dic", lx.dir, dicts[lang].file);
    pthread_mutex_lock(&create_mu);
    /* hunspell reports a missing file only on stderr: look first. */
    if (access(aff, R_OK) == 0 && access(dic, R_OK) == 0) {
        int padded = heap_grow_huge();
        h = Hunspell_create(aff, dic);
        if (h != NULL && dicts[lang].extra != NULL)
            add_extra(h, dicts[lang].extra, dicts[lang].model);
        if (padded)
            (void)mallopt(M_TOP_PAD, 128 << 10);    /* glibc's default */
    }
    pthread_mutex_unlock(&create_mu);
    return h;
}

/* ---- Loads started ahead (lexicon_prefetch) ----
 * One thread loads the queued dictionaries one after another while the
 * caller works on; the first question about a queued language waits for
 * its load.  Under pf.mu: queued, taken and ready (bits of languages),
 * h[] of the ready ones, running and stop. */
static struct {
    pthread_mutex_t mu;
    pthread_cond_t ready_cv;
    pthread_t thread;
    Hunhandle *h[LEXICON_NLANGS];
    unsigned queued, taken, ready;
    int running, started, stop, at_exit;
} pf = { .mu = PTHREAD_MUTEX_INITIALIZER, .ready_cv = PTHREAD_COND_INITIALIZER };

static void *loader(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&pf.mu);
    for (;;) {
        unsigned todo = pf.queued & ~pf.taken;
        int lang = 0;

        if (todo == 0 || pf.stop)
            break;
        while (!(todo & (1u << lang)))
            lang++;
        pf.taken |= 1u << lang;
        pthread_mutex_unlock(&pf.mu);
        Hunhandle *h = load((enum lexicon_lang)lang);
        pthread_mutex_lock(&pf.mu);
        pf.h[lang] = h;
        pf.ready |= 1u << lang;
        pthread_cond_broadcast(&pf.ready_cv);
    }
    /* Queued and not taken (stopped): whoever asks loads them itself. */
    pf.queued = pf.taken;
    pf.running = 0;
    pthread_cond_broadcast(&pf.ready_cv);
    pthread_mutex_unlock(&pf.mu);
    return NULL;
}

/* At exit: no new load starts, the one under way ends before the
 * libraries' own exit handlers run. */
static void prefetch_end(void)
{
    pthread_mutex_lock(&pf.mu);
    pf.stop = 1;
    pthread_mutex_unlock(&pf.mu);
    if (pf.started)
        pthread_join(pf.thread, NULL);
    pf.started = 0;
}

void lexicon_prefetch(unsigned langs)
{
    unsigned want = 0;

    for (int l = 0; l < LEXICON_NLANGS; l++)
        if ((langs & (1u << l)) && !(lx.tried & (1u << l)))
            want |= 1u << l;
    pthread_mutex_lock(&pf.mu);
    want &= ~pf.queued;
    if (want == 0 || pf.stop) {
        pthread_mutex_unlock(&pf.mu);
        return;
    }
    pf.queued |= want;
    if (!pf.running) {
        if (pf.started) {          /* finished: its last act was under mu */
            pthread_mutex_unlock(&pf.mu);
            pthread_join(pf.thread, NULL);
            pthread_mutex_lock(&pf.mu);
            pf.started = 0;
        }
        if (!pf.at_exit)
            pf.at_exit = atexit(prefetch_end) == 0;
        if (pf.at_exit && pthread_create(&pf.thread, NULL, loader, NULL) == 0)
            pf.running = pf.started = 1;
        else
            pf.queued &= ~want;     /* asked later, loaded then */
    }
    pthread_mutex_unlock(&pf.mu);
}

unsigned lexicon_langs_in(const char *text, size_t len)
{
    const unsigned all = (1u << LEXICON_NLANGS) - 1;
    unsigned langs = 0;
    size_t at = 0;

    while (at < len && langs != all) {
        unsigned char c = (unsigned char)text[at];
        utf8proc_int32_t cp;
        utf8proc_ssize_t n;
        int l;

        if (c < 0x80) {
            if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
                langs |= 1u << LEXICON_EN;
            at++;
            continue;
        }
        n = utf8proc_iterate((const utf8proc_uint8_t *)text + at, (utf8proc_ssize_t)(len - at), &cp);
        if (n <= 0) {
            at++;
            continue;
        }
        if ((l = lexicon_lang_of(cp)) >= 0)
            langs |= 1u << l;
        at += (size_t)n;
    }
    return langs;
}

/* lang's handle: the prefetched one (waiting for its load), or loaded
 * now; NULL if missing.  Asked once per language. */
static Hunhandle *dictionary(enum lexicon_lang lang)
{
    unsigned bit = 1u << lang;

    if (!(lx.tried & bit) && (lx.hold & bit)) {
        lx.held |= bit;
        return NULL;
    }
    if (!(lx.tried & bit)) {
        int mine = 1;

        lx.tried |= bit;
        pthread_mutex_lock(&pf.mu);
        while ((pf.queued & bit) && !(pf.ready & bit))
            pthread_cond_wait(&pf.ready_cv, &pf.mu);
        if (pf.ready & bit)
            lx.h[lang] = pf.h[lang], mine = 0;
        pthread_mutex_unlock(&pf.mu);
        if (mine)
            lx.h[lang] = load(lang);
        if (lx.h[lang] == NULL)
            lx.missing |= bit;
    }
    return lx.h[lang];
}

/* The identity of the file at path appended to out at *at: 0, or -1. */
static int file_identity(char *out, size_t outlen, size_t *at, const char *path)
{
    struct stat st;
    int n;

    if (access(path, R_OK) != 0 || stat(path, &st) != 0)
        return -1;
    n = snprintf(out + *at, outlen - *at, "%s %ju:%ju:%jd:%jd.%09ld\n", path, (uintmax_t)st.st_dev,
                 (uintmax_t)st.st_ino, (intmax_t)st.st_size, (intmax_t)st.st_ctim.tv_sec,
                 st.st_ctim.tv_nsec);
    if (n < 0 || (size_t)n >= outlen - *at)
        return -1;
    *at += (size_t)n;
    return 0;
}

int lexicon_identity(enum lexicon_lang lang, char *out, size_t outlen)
{
    char aff[320], dic[320];
    size_t at = 0;

    if ((unsigned)lang >= LEXICON_NLANGS || outlen == 0)
        return -1;
    out[0] = '\0';
    snprintf(aff, sizeof aff, "%s/%s.aff", lx.dir, dicts[lang].file);
    snprintf(dic, sizeof dic, "%s/%s.dic", lx.dir, dicts[lang].file);
    return file_identity(out, outlen, &at, aff) == 0 && file_identity(out, outlen, &at, dic) == 0 &&
           file_identity(out, outlen, &at, "/proc/self/exe") == 0 ? 0 : -1;
}

/* word in lower case into out (NUL-terminated); -1 if it does not fit or
 * is not UTF-8. */
static int lower(char out[WORD_MAX + 1], const char *word, size_t len)
{
    size_t at = 0, o = 0;
    utf8proc_int32_t cp;
    utf8proc_ssize_t n;

    while (at < len) {
        n = utf8proc_iterate((const utf8proc_uint8_t *)word + at, (utf8proc_ssize_t)(len - at), &cp);
        if (n <= 0)
            return -1;
        at += (size_t)n;
        if (o + 4 > WORD_MAX)
            return -1;
        o += (size_t)utf8proc_encode_char(utf8proc_tolower(cp), (utf8proc_uint8_t *)out + o);
    }
    out[o] = '\0';
    return 0;
}

/* The dictionary of lang into *h and word in lower case into low: 1, or
 * 0 for a word no dictionary can know (no such language, empty, too long,
 * not UTF-8), -1 when the dictionary is missing. */
static int prepare(Hunhandle **h, char low[WORD_MAX + 1], enum lexicon_lang lang,
                   const char *word, size_t len)
{
    if ((unsigned)lang >= LEXICON_NLANGS)
        return 0;
    if ((*h = dictionary(lang)) == NULL)
        return -1;
    return len > 0 && len <= WORD_MAX && lower(low, word, len) == 0;
}

int lexicon_word(enum lexicon_lang lang, const char *word, size_t len)
{
    char low[WORD_MAX + 1];
    Hunhandle *h;
    int known = prepare(&h, low, lang, word, len);

    if (known != 1)
        return known;
    known = Hunspell_spell(h, low) != 0;
    memset(low, 0, sizeof low);
    return known;
}

int lexicon_proper(enum lexicon_lang lang, const char *word, size_t len)
{
    char low[WORD_MAX + 1];
    utf8proc_int32_t cp;
    utf8proc_uint8_t up[4];
    utf8proc_ssize_t n, k;
    Hunhandle *h;
    int known = prepare(&h, low, lang, word, len);

    if (known != 1)
        return known;
    /* The first letter in upper case (it may change its length). */
    n = utf8proc_iterate((const utf8proc_uint8_t *)low, -1, &cp);
    k = utf8proc_encode_char(utf8proc_toupper(cp), up);
    if (n <= 0 || k <= 0 || strlen(low) - (size_t)n + (size_t)k > WORD_MAX) {
        memset(low, 0, sizeof low);
        return 0;
    }
    memmove(low + k, low + n, strlen(low) - (size_t)n + 1);
    memcpy(low, up, (size_t)k);
    known = Hunspell_spell(h, low) != 0;
    memset(low, 0, sizeof low);
    return known;
}

int lexicon_acronym(enum lexicon_lang lang, const char *word, size_t len)
{
    char low[WORD_MAX + 1];
    Hunhandle *h;
    int known = prepare(&h, low, lang, word, len);

    if (known != 1)
        return known;
    for (char *p = low; *p != '\0'; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 'a' + 'A');
        else if ((unsigned char)*p >= 0x80) {
            known = 0;              /* ASCII acronyms only */
            break;
        }
    /* Known in capitals, and not as a word or a name with a capital
     * first letter: hunspell takes any word in capitals (BOLD, IVAN). */
    if (known == 1 && (known = Hunspell_spell(h, low) != 0) && low[0] != '\0' && low[1] != '\0') {
        for (char *p = low + 1; *p != '\0'; p++)
            *p = (char)(*p - 'A' + 'a');
        known = Hunspell_spell(h, low) == 0;
    }
    memset(low, 0, sizeof low);
    return known;
}

int lexicon_stems(enum lexicon_lang lang, const char *word, size_t len, char *out,
                  size_t outlen)
{
    char low[WORD_MAX + 1], **list;
    Hunhandle *h;
    int n = prepare(&h, low, lang, word, len), count = 0;
    size_t at = 0;

    if (n != 1)
        return n;
    n = Hunspell_stem(h, &list, low);
    for (int i = 0; i < n; i++) {
        size_t k = strlen(list[i]);
        if (at + k + 1 <= outlen) {
            memcpy(out + at, list[i], k + 1);
            at += k + 1;
            count++;
        }
        memset(list[i], 0, k);
    }
    if (n > 0)
        Hunspell_free_list(h, &list, n);
    memset(low, 0, sizeof low);
    return count;
}

int lexicon_lang_of(int cp)
{
    if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
        (cp >= 0x3130 && cp <= 0x318F))
        return LEXICON_KO;
    if (cp >= 0x0400 && cp <= 0x052F)
        return LEXICON_MN;
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp < 0x250))
        return LEXICON_EN;
    return -1;
}

unsigned lexicon_missing(void)
{
    return lx.missing | lx.held;
}

void lexicon_hold(unsigned langs)
{
    lx.hold = langs;
    lx.held = 0;
}

unsigned lexicon_held(void)
{
    return lx.held;
}

const char *lexicon_package(enum lexicon_lang lang)
{
    return (unsigned)lang < LEXICON_NLANGS ? dicts[lang].package : "?";
}
