#include "privacy/gazetteer.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/countries.h"
#include "privacy/window.h"

extern const unsigned char gazetteer_towns[], gazetteer_subdivisions[],
    gazetteer_ko_given[], gazetteer_ko_surnames[], gazetteer_mn_names[],
    gazetteer_place_groups[], gazetteer_place_extra[], gazetteer_regions[];

enum { BIT_SURNAME = 1u << GAZ_NKINDS, BIT_REGION = 1u << (GAZ_NKINDS + 1) };

struct entry {
    char *key;                  /* NULL: free slot */
    size_t len;
    unsigned kinds;             /* bits of enum gazetteer_kind, BIT_SURNAME */
};

static struct {
    struct entry *slot;
    /* A tag of each slot's key hash (never 0; 0: the slot is empty), read
     * before the slot: 64 KiB that stay in cache, where the slots (and
     * their keys) are 12 times that, and most windows of a text are in no
     * list (bench/audit.sh: find was 9% of the audit's time). */
    uint16_t *tag;
    size_t cap, counts[GAZ_NKINDS];
    /* One bit for the first three bytes of every key of three bytes or
     * more (prefix3): lookup answers 0 without hashing a window's key
     * whose first three bytes start no key (red44: every window of a
     * token, and every stem of it, starts with the same bytes). */
    uint8_t prefix[65536 / 8];
    int loaded;
} gz;

/* The bit of the first three bytes of p (len >= 3) in gz.prefix. */
static unsigned prefix3(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;

    return ((unsigned)u[0] << 8 | u[1]) ^ ((unsigned)u[2] * 0x9Du);
}

/* The table's hash of a key: eight bytes at a time, each mixed in with
 * a multiply and a shift (the constants of SplitMix64), the length too.
 * Not keyed: the table holds only the lists, a text adds nothing to it. */
static uint64_t key_hash(const char *p, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15u ^ n, w;

    for (; n >= 8; p += 8, n -= 8) {
        memcpy(&w, p, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9u;
        h ^= h >> 31;
    }
    w = 0;
    memcpy(&w, p, n);
    h = (h ^ w) * 0x94D049BB133111EBu;
    return h ^ (h >> 29);
}

/* The tag of hash h: its top 16 bits, never 0. */
static uint16_t hash_tag(uint64_t h)
{
    uint16_t t = (uint16_t)(h >> 48);

    return t != 0 ? t : 1;
}

static struct entry *find(const char *key, size_t len)
{
    size_t i;
    uint64_t h;
    uint16_t t;

    if (gz.cap == 0)
        return NULL;
    h = key_hash(key, len), t = hash_tag(h);
    for (i = h & (gz.cap - 1);; i = (i + 1) & (gz.cap - 1)) {
        struct entry *s = &gz.slot[i];
        if (gz.tag[i] == 0)
            return s;
        if (gz.tag[i] == t && s->len == len && memcmp(s->key, key, len) == 0)
            return s;
    }
}

static int insert(const char *key, size_t len, unsigned bit)
{
    struct entry *s = find(key, len);

    if (s->key == NULL) {
        if ((s->key = malloc(len + 1)) == NULL)
            return -1;
        memcpy(s->key, key, len);
        s->key[len] = '\0';
        s->len = len;
        gz.tag[s - gz.slot] = hash_tag(key_hash(key, len));
        if (len >= 3) {
            unsigned b = prefix3(key) & 0xFFFFu;
            gz.prefix[b >> 3] |= (uint8_t)(1u << (b & 7));
        }
    }
    s->kinds |= bit;
    return 0;
}

/* Normalises a whole list at once: lines joined with " # ", which the key
 * view keeps as '#' (not '|': between two lone letters it is the gap of a
 * spelled-out name; and a bare '#' between digits or two lone Hangul
 * syllables is a gap too, normalise_sep_class: the spaces keep it, and
 * are themselves left out of the key), then split again. */
static int load_list(const unsigned char *list, unsigned bit, struct err *e)
{
    size_t n = strlen((const char *)list), i, a = 0;
    char *joined = secmem_alloc(3 * n + 1), *key;
    size_t keylen, w = 0;
    int rc;

    if (joined == NULL)
        return err_set(e, EXIT_INPUT, "out of memory loading the gazetteer");
    for (i = 0; i < n; i++) {
        if (list[i] == '\n') {
            memcpy(joined + w, " # ", 3);
            w += 3;
        } else {
            joined[w++] = (char)list[i];
        }
    }
    rc = normalise_key(&key, &keylen, joined, w, e);
    secmem_free(joined);
    if (rc != 0)
        return -1;
    for (i = 0; i <= keylen && rc == 0; i++) {
        if (i < keylen && key[i] != '#')
            continue;
        if (i > a) {
            rc = insert(key + a, i - a, bit);
            for (int k = 0; k < GAZ_NKINDS; k++)
                if (bit == 1u << k)
                    gz.counts[k]++;
        }
        a = i + 1;
    }
    secmem_free(key);
    return rc == 0 ? 0 : err_set(e, EXIT_INPUT, "out of memory loading the gazetteer");
}

int gazetteer_load(struct err *e)
{
    if (gz.loaded)
        return 0;
    gz.cap = 1u << 15;          /* over twice the ~7,700 entries */
    gz.slot = calloc(gz.cap, sizeof *gz.slot), gz.tag = calloc(gz.cap, sizeof *gz.tag);
    if (gz.slot == NULL || gz.tag == NULL) {
        free(gz.slot), free(gz.tag);
        gz.slot = NULL, gz.tag = NULL, gz.cap = 0;
        return err_set(e, EXIT_INPUT, "out of memory loading the gazetteer");
    }
    if (load_list(gazetteer_towns, 1u << GAZ_PLACE, e) != 0 ||
        load_list(gazetteer_subdivisions, 1u << GAZ_PLACE, e) != 0 ||
        load_list(gazetteer_ko_given, 1u << GAZ_KO_NAME, e) != 0 ||
        load_list(gazetteer_ko_surnames, BIT_SURNAME, e) != 0 ||
        load_list(gazetteer_mn_names, 1u << GAZ_MN_NAME, e) != 0 ||
        load_list(gazetteer_regions, (1u << GAZ_PLACE) | BIT_REGION, e) != 0)
        return -1;
    gz.loaded = 1;
    return 0;
}

size_t gazetteer_count(int kind)
{
    return kind >= 0 && kind < GAZ_NKINDS ? gz.counts[kind] : 0;
}

const char *gazetteer_kind_name(int kind)
{
    static const char *const names[] = { "place", "korean-name", "mongolian-name" };

    return kind >= 0 && kind < GAZ_NKINDS ? names[kind] : "?";
}

static unsigned lookup(const char *key, size_t len)
{
    struct entry *s;
    unsigned b;

    if (len >= 3 && (b = prefix3(key) & 0xFFFFu, !(gz.prefix[b >> 3] & (1u << (b & 7)))))
        return 0;                               /* no key starts so */
    s = find(key, len);

    return s != NULL && s->key != NULL ? s->kinds : 0;
}

/* A Hangul word: surname syllable, then a given name (김민준). */
static unsigned surname_given(const char *key, size_t len)
{
    if (len < 9 || !(lookup(key, 3) & BIT_SURNAME))
        return 0;
    return lookup(key + 3, len - 3) & (1u << GAZ_KO_NAME);
}

/* The kinds the window's key has, also with a particle or ending cut off
 * the last word. */
static unsigned window_kinds(const struct normtext *nt, const struct token *w, size_t nw)
{
    const struct token *last = &w[nw - 1];
    const char *key = nt->key + w[0].kstart;
    unsigned k = lookup(key, window_keylen(w, nw));

    if (nw == 1 && is_hangul_cp(last->first))
        k |= surname_given(key, window_keylen(w, nw));
    if (k & ((1u << GAZ_NKINDS) - 1))
        return k;
    for (unsigned i = 0; i < last->nstems; i++) {
        size_t klen = window_stem_keylen(w, nw, i);
        k = lookup(key, klen);
        if (nw == 1 && is_hangul_cp(last->first))
            k |= surname_given(key, klen);
        if (k & ((1u << GAZ_NKINDS) - 1))
            return k;
    }
    return 0;
}

int gazetteer_names_word(const char *word, size_t len)
{
    struct normtext t;
    unsigned k;

    /* The key read in place (normalise_key would copy it into memory of
     * its own, a sodium_malloc of pages: most of the cost for one word). */
    if (gazetteer_load(NULL) != 0 || normalise(&t, word, len, NULL) != 0)
        return 0;
    k = lookup(t.key, t.keylen) | surname_given(t.key, t.keylen);
    normtext_free(&t);
    return (k & ((1u << GAZ_KO_NAME) | (1u << GAZ_MN_NAME))) != 0;
}

int gazetteer_is_region(const char *text, size_t len)
{
    struct normtext t;
    struct window_tokens tk;
    unsigned k = 0;

    if (gazetteer_load(NULL) != 0 || normalise(&t, text, len, NULL) != 0)
        return 0;
    if (window_tokenise(&tk, &t, NULL, NULL) == 0) {
        if (tk.n > 0)
            k = window_kinds(&t, tk.t, tk.n);
        window_tokens_free(&tk);
    }
    normtext_free(&t);
    return (k & BIT_REGION) != 0;
}

struct scan {
    gazetteer_hit_fn hit;
    void *ctx;
};

static int on_window(void *ctx, const struct normtext *nt, const struct token *w, size_t nw,
                     struct err *e)
{
    struct scan *sc = ctx;
    unsigned k = window_kinds(nt, w, nw);

    for (int kind = 0; kind < GAZ_NKINDS; kind++) {
        /* Personal names take one or two words (Бат-Эрдэнэ); places up to four. */
        if (!(k & (1u << kind)) || (kind != GAZ_PLACE && nw > 2))
            continue;
        if (sc->hit(sc->ctx, kind, nt->ostart[w[0].start], normtext_oend(nt, w[nw - 1].end - 1),
                    e) != 0)
            return -1;
        return 1;
    }
    return 0;
}

int gazetteer_scan_tokens(const struct normtext *nt, const struct window_tokens *tk,
                          gazetteer_hit_fn hit, void *ctx, struct err *e)
{
    struct scan sc = { hit, ctx };

    if (gazetteer_load(e) != 0)
        return -1;
    return window_scan_tokens(tk, nt, WINDOW_MAX, on_window, &sc, e);
}

int gazetteer_scan(const struct normtext *nt, gazetteer_hit_fn hit, void *ctx,
                   struct err *e)
{
    struct window_tokens tk;
    int rc;

    if (window_tokenise(&tk, nt, NULL, e) != 0)
        return -1;
    rc = gazetteer_scan_tokens(nt, &tk, hit, ctx, e);
    window_tokens_free(&tk);
    return rc;
}

/* ---- Other names of places ----
 * The whole list normalised at once, as one key: names separated by " & ",
 * places by " # " (the key view keeps both as '&' and '#'; not '|', which
 * between two letters joins a name's parts, and not bare: a bare one
 * between digits or lone Hangul syllables is a gap, normalise.h). */
static struct {
    char *key;
    size_t len;
    int failed;
    /* Every name of the list, and every name without its administrative
     * suffix (without_suffix), as a span of key with the place it names,
     * sorted by the span's bytes, then by the place's position: so a
     * lookup is a binary search, not a walk of the whole list at every
     * call (three calls a place term; docs/TESTING.md, "Session 30"). */
    struct place_name {
        size_t off, len;         /* the name: key[off..off+len) */
        size_t place, end;       /* its place: key[place..end) */
    } *names;
    size_t nnames;
    /* Where place_extra.txt's places start in key: a place at or past it
     * is a hand line, one before it GeoNames'. */
    size_t extra_from;
} places;
static pthread_once_t places_once = PTHREAD_ONCE_INIT;

static size_t without_suffix(const char *key, size_t n);

/* Appends list to joined at *at: names split by '&', places by '#'; a
 * field starting with '@' (place_extra.txt: the entry's source) and the
 * rest of its line are left out. */
static void places_join(char *joined, size_t *at, const char *list)
{
    size_t n = strlen(list), i;

    for (i = 0; i < n; i++) {
        if (list[i] == '\t' && i + 1 < n && list[i + 1] == '@')
            while (i + 1 < n && list[i + 1] != '\n')
                i++;
        else if (list[i] == '\t' || list[i] == '\n')
            memcpy(joined + *at, list[i] == '\t' ? " & " : " # ", 3), *at += 3;
        else
            joined[(*at)++] = list[i];
    }
    if (*at > 0 && joined[*at - 2] != '#')
        memcpy(joined + *at, " # ", 3), *at += 3;
}

/* The index of the first ch in places.key[from..end), or end. */
static size_t places_find(size_t from, size_t end, char ch)
{
    const char *hit = memchr(places.key + from, ch, end - from);

    return hit != NULL ? (size_t)(hit - places.key) : end;
}

/* Orders place_names by their bytes (a shorter prefix first), then by
 * their place's position in the list. */
static int place_name_cmp(const void *x, const void *y)
{
    const struct place_name *a = x, *b = y;
    int c = memcmp(places.key + a->off, places.key + b->off, a->len < b->len ? a->len : b->len);

    if (c != 0)
        return c;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    return a->place < b->place ? -1 : a->place > b->place;
}

/* Adds name key[off..off+len) of place key[place..end) to places.names;
 * -1 when out of memory. */
static int index_add(size_t *cap, size_t off, size_t len, size_t place, size_t end)
{
    if (places.nnames == *cap) {
        size_t ncap = *cap ? 2 * *cap : 4096;
        struct place_name *n = realloc(places.names, ncap * sizeof *n);
        if (n == NULL)
            return -1;
        places.names = n, *cap = ncap;
    }
    places.names[places.nnames++] = (struct place_name){ off, len, place, end };
    return 0;
}

/* Builds places.names from places.key: each name, and each name without
 * its administrative suffix when it has one.  0, or -1 out of memory. */
static int places_index(void)
{
    size_t cap = 0, p, a, b, c;

    for (p = 0; p < places.len; p = b + 1) {
        b = places_find(p, places.len, '#');
        for (a = p; a < b; a = c + 1) {
            size_t bare;
            c = places_find(a, b, '&');
            bare = without_suffix(places.key + a, c - a);
            if (c > a && index_add(&cap, a, c - a, p, b) != 0)
                return -1;
            if (bare > 0 && bare < c - a && index_add(&cap, a, bare, p, b) != 0)
                return -1;
        }
    }
    qsort(places.names, places.nnames, sizeof *places.names, place_name_cmp);
    return 0;
}

static void places_load(void)
{
    const char *groups = (const char *)gazetteer_place_groups;
    const char *extra = (const char *)gazetteer_place_extra;
    size_t at = 0;
    char *joined = malloc(3 * (strlen(groups) + strlen(extra)) + 7);

    if (joined == NULL) {
        places.failed = 1;
        return;
    }
    places_join(joined, &at, groups);
    size_t ngroups = 0, k;
    for (k = 0; k < at; k++)
        ngroups += joined[k] == '#';
    places_join(joined, &at, extra);
    places.failed = normalise_key(&places.key, &places.len, joined, at, NULL) != 0;
    free(joined);
    /* The key keeps each '#' (a line's end, and no name holds one). */
    for (k = 0; !places.failed && k < places.len && ngroups > 0; k++)
        if (places.key[k] == '#' && --ngroups == 0)
            places.extra_from = k + 1;
    if (!places.failed)
        places.failed = places_index() != 0;
}

/* Keys of the words for a kind of place written after its name (청진시,
 * Qing jin shi, 平壤市, Ulaanbaatar hot): a name is its place's name
 * without one too (brief i12-forms, item 8). */
static const char *const admin_suffixes[] = {
    "특별자치시", "특별시", "광역시", "직할시", "시", "군", "市", "郡", "shi", "si", "city", "gun",
    "хот", "город",
};

/* The length of key[0..n) without an administrative suffix (at least 4
 * bytes left), or n. */
static size_t without_suffix(const char *key, size_t n)
{
    for (size_t i = 0; i < sizeof admin_suffixes / sizeof admin_suffixes[0]; i++) {
        size_t k = strlen(admin_suffixes[i]);
        if (n >= k + 4 && memcmp(key + n - k, admin_suffixes[i], k) == 0) {
            size_t m = n - k;
            while (m > 0 && (key[m - 1] == ' ' || key[m - 1] == '-'))
                m--;
            /* "Kuwait" of "Kuwait City" is a country (report-adv27a O-4). */
            return country_name(key, m) ? n : n - k;
        }
    }
    return n;
}

/* 1 if list[0..n) (names split by '&') holds the name list[a..b) with
 * a neuter's о, е, o or e after it: the name is a person's, the place
 * was named after (Stalin of Stalino, Donetsk's former name: GeoNames
 * lists both; brief s32 place32). */
static int person_of_place(const char *list, size_t n, size_t a, size_t b)
{
    static const char *const neuter[] = { "o", "e", "\xd0\xbe", "\xd0\xb5" };  /* o e о е */

    for (size_t x = 0, y; x < n; x = y + 1) {
        for (y = x; y < n && list[y] != '&'; y++)
            ;
        for (size_t k = 0; k < sizeof neuter / sizeof neuter[0]; k++) {
            size_t m = strlen(neuter[k]);
            if (y - x == b - a + m && memcmp(list + x, list + a, b - a) == 0 &&
                memcmp(list + x + (b - a), neuter[k], m) == 0)
                return 1;
        }
    }
    return 0;
}

/* Calls fn for each name of the place list[0..n) (names split by '&') but
 * key itself and a person's name it was named after (person_of_place),
 * and for a name with an administrative suffix also without it
 * ("qingjinshi": "qingjin"). */
static int each_other_name(const char *list, size_t n, const char *key, size_t keylen,
                           gazetteer_name_fn fn, void *ctx)
{
    size_t a = 0, b;
    int rc = 0;

    while (a < n && rc == 0) {
        for (b = a; b < n && list[b] != '&'; b++)
            ;
        size_t bare = without_suffix(list + a, b - a);
        if (person_of_place(list, n, a, b)) {
            a = b + 1;
            continue;
        }
        /* the key with a suffix (청진시 of 청진) is left to the particles */
        if (b > a && !(bare == keylen && memcmp(list + a, key, keylen) == 0))
            rc = fn(ctx, list + a, b - a);
        if (rc == 0 && bare < b - a && !(bare == keylen && memcmp(list + a, key, keylen) == 0))
            rc = fn(ctx, list + a, bare);
        a = b + 1;
    }
    return rc;
}

/* The index in places.names of the first name >= key[0..keylen). */
static size_t first_name(const char *key, size_t keylen)
{
    size_t lo = 0, hi;

    for (hi = places.nnames; lo < hi;) {
        size_t mid = lo + (hi - lo) / 2;
        const struct place_name *n = &places.names[mid];
        int c = memcmp(places.key + n->off, key, n->len < keylen ? n->len : keylen);
        if (c < 0 || (c == 0 && n->len < keylen))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* 1 if places.names[i] is key[0..keylen). */
static int name_is(size_t i, const char *key, size_t keylen)
{
    const struct place_name *n = &places.names[i];

    return i < places.nnames && n->len == keylen && memcmp(places.key + n->off, key, keylen) == 0;
}

#define JOIN_MAX 16                 /* GeoNames places looked at for a hand line */

/* Calls fn with the names (but key) of each GeoNames place that shares
 * two names or more with the hand line key[place..end) of place_extra.txt:
 * the same place, whose alternate names (its former names: Зиновьевск of
 * Кропивницький) GeoNames has where the hand line has not (brief s32
 * place32, report-adv31 L-10).  One shared name is not enough: places
 * share a name (Кирово).  0 or fn's non-zero answer. */
static int joined_names(size_t place, size_t end, const char *key, size_t keylen,
                        gazetteer_name_fn fn, void *ctx)
{
    struct joined { size_t place, end; int shared; } seen[JOIN_MAX];
    size_t nseen = 0, a, c, i, k;
    int rc = 0;

    for (a = place; a < end; a = c + 1) {
        c = places_find(a, end, '&');
        for (i = first_name(places.key + a, c - a); c > a && name_is(i, places.key + a, c - a); i++) {
            const struct place_name *n = &places.names[i];
            if (n->place >= places.extra_from)
                continue;
            for (k = 0; k < nseen && seen[k].place != n->place; k++)
                ;
            if (k < nseen)
                seen[k].shared++;
            else if (nseen < JOIN_MAX)
                seen[nseen++] = (struct joined){ n->place, n->end, 1 };
        }
    }
    for (k = 0; rc == 0 && k < nseen; k++)
        if (seen[k].shared >= 2)
            rc = each_other_name(places.key + seen[k].place, seen[k].end - seen[k].place, key, keylen, fn, ctx);
    return rc;
}

int gazetteer_place_names(const char *key, size_t keylen, gazetteer_name_fn fn, void *ctx,
                          struct err *e)
{
    size_t i, last = SIZE_MAX, hand = SIZE_MAX, hand_end = 0;
    int rc = 0, geonames = 0;

    (void)pthread_once(&places_once, places_load);
    if (places.failed)
        return err_set(e, EXIT_INPUT, "out of memory loading the place names");
    if (keylen == 0)
        return 0;
    /* The first name >= key; then each name equal to it, place by place
     * in the list's order (a place once, though two of its names match). */
    for (i = first_name(key, keylen); rc == 0 && name_is(i, key, keylen); i++) {
        const struct place_name *n = &places.names[i];
        if (n->place != last)
            rc = each_other_name(places.key + n->place, n->end - n->place, key, keylen, fn, ctx);
        last = n->place;
        if (n->place < places.extra_from)
            geonames = 1;
        else if (hand == SIZE_MAX)
            hand = n->place, hand_end = n->end;
    }
    /* A name only a hand line has (Кропивницький): its GeoNames place. */
    if (rc == 0 && !geonames && hand != SIZE_MAX)
        rc = joined_names(hand, hand_end, key, keylen, fn, ctx);
    return rc;
}
