/* A word of a script with no Latin or Cyrillic letters read as a
 * person form (brief s38 script38, s39 script39; report-adv37, adv38):
 * moved out of privacy/pseudonym_form.c in session 40 (script40), no
 * change of behaviour.  The rule is written in docs/VARIANTS.md (other
 * scripts) and docs/PSEUDONYMS.md. */
#include "privacy/script_reading.h"

#include <stdio.h>
#include <string.h>

#include <utf8proc.h>

#include "crypto/secmem.h"
#include "privacy/normalise.h"
#include "privacy/script_read.h"
#include "privacy/transcribe.h"
#include "privacy/variants.h"

#define SKEL_MAX SCRIPT_LATIN_MAX

static int is_vowel_byte(char c)
{
    return c != '\0' && strchr("aeiou", c) != NULL;
}

/* The Latin the skeleton writes a Cyrillic letter in (Russian,
 * Ukrainian, Mongolian, Tajik; ISO 9 without marks, as the redactor's Latin
 * forms mostly are): NULL if cp is no such letter. */
static const char *cyrillic_latin(int cp)
{
    static const char *const ru[32] = {
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p",
        "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "i", "", "e", "iu", "ia",
    };

    if (cp >= 0x410 && cp <= 0x42F)
        cp += 0x20;
    if (cp >= 0x430 && cp <= 0x44F)
        return ru[cp - 0x430];
    switch (cp) {
    case 0x451: case 0x401: return "e";          /* ё */
    case 0x456: case 0x406: case 0x457: case 0x407: return "i";   /* і ї */
    case 0x454: case 0x404: return "ie";         /* є */
    case 0x491: case 0x490: return "g";          /* ґ */
    case 0x4E9: case 0x4E8: return "o";          /* ө */
    case 0x4AF: case 0x4AE: return "u";          /* ү */
    /* Tajik (the Tajik Cyrillic alphabet, 1998; ALA-LC Tajik
     * romanisation without marks: ҳ h, ӣ i, ӯ u, ҷ j; Зуҳро, Раҳимӣ;
     * brief s49 arab49, report-adv48 line 13) */
    case 0x4B3: case 0x4B2: return "h";          /* ҳ */
    case 0x4E3: case 0x4E2: return "i";          /* ӣ */
    case 0x4EF: case 0x4EE: return "u";          /* ӯ */
    case 0x4B7: case 0x4B6: return "j";          /* ҷ */
    default: return NULL;
    }
}

/* The Latin letters with a stroke or a ligature that Unicode gives no
 * base letter to decompose into, as the letters people type for them on
 * a keyboard without them (Łukasz as Lukasz: report-adv29c K-10; Søren
 * as Soren; Straße as Strasse): NULL if cp is none (lower case). */
static const char *stroke_latin(int cp)
{
    switch (cp) {
    case 0x142: return "l";         /* ł */
    case 0x111: case 0xF0: return "d";  /* đ ð */
    case 0xF8: return "o";          /* ø */
    case 0x127: return "h";         /* ħ */
    case 0x131: return "i";         /* dotless ı */
    case 0x167: return "t";         /* ŧ */
    case 0xDF: return "ss";         /* ß */
    case 0xE6: return "ae";         /* æ */
    case 0x153: return "oe";        /* œ */
    case 0xFE: return "th";         /* þ */
    default: return NULL;
    }
}


/* The reading s[0..n) of a word in the Mongolian script as its modern
 * (Cyrillic) spelling is written: γ and q between vowels silent
 * (transcribe_classical: baγatur as baatar), ng before a consonant as
 * n (ᠮᠥᠩᠬᠡ mongkhe for Мөнх), and the final vowel the
 * script writes after a consonant where Cyrillic writes none (ᠪᠠᠲᠤ batu
 * for Бат, ᠡᠷᠳᠡᠨᠢ erdeni for Эрдэнэ) dropped.  Its new length. */
static size_t classical_modern(char *s, size_t n)
{
    size_t m = 0;

    n = transcribe_classical(s, n);
    for (size_t i = 0; i < n; i++) {
        s[m++] = s[i];
        if (s[i] == 'n' && i + 2 < n && s[i + 1] == 'g' && !is_vowel_byte(s[i + 2]))
            i++;            /* ng before a consonant: н (ᠮᠥᠩᠬᠡ for Мөнх) */
    }
    n = m;
    if (n >= 3 && is_vowel_byte(s[n - 1]) && !is_vowel_byte(s[n - 2]))
        n--;
    return n;
}

/* Writes key[0..len) (a key, normalise.h) as Latin letters to out
 * (SKEL_MAX bytes): Cyrillic by cyrillic_latin, a Latin letter without
 * its marks (Nicolás as nicolas) or its stroke (stroke_latin: Łukasz as
 * lukasz), a letter of the Mongolian script by its reading
 * (transcribe_reading, then classical_modern: ᠪᠠᠲᠤ as bat, judged on its
 * letters as Бат is: report-adv36b W-4); other letters as they are.  Its
 * length in bytes, or 0 if it does not fit or the key is no word of
 * Latin, Cyrillic or Mongolian letters. */
size_t script_form_latin(char *out, const char *key, size_t len)
{
    size_t at = 0, n = 0, mn = 0;
    int cp, k;

    while (at < len) {
        const char *w;
        char buf[8];
        if ((k = utf8_next(&cp, key + at, len - at)) <= 0)
            return 0;
        at += (size_t)k;
        cp = utf8proc_tolower(cp);
        if (transcribe_is_mongolian(cp)) {
            int m = transcribe_reading(out + n, SKEL_MAX - n, cp);
            if (m <= 0 || n + (size_t)m >= SKEL_MAX)
                return 0;
            n += (size_t)m, mn++;
            continue;
        }
        if ((w = cyrillic_latin(cp)) == NULL && (w = stroke_latin(cp)) == NULL) {
            if (!((cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp < 0x250 && cp != 0xD7 && cp != 0xF7)))
                return 0;
            if (cp >= 0xC0) {       /* the letter without its marks, if it has a base */
                utf8proc_int32_t base[4];
                utf8proc_ssize_t nb = utf8proc_decompose_char(cp, base, 4, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD, NULL);
                if (nb >= 1 && base[0] >= 'a' && base[0] <= 'z')
                    cp = base[0];
            }
            buf[utf8proc_encode_char(cp, (utf8proc_uint8_t *)buf)] = '\0';
            w = buf;
        }
        if (n + strlen(w) >= SKEL_MAX)
            return 0;
        memcpy(out + n, w, strlen(w)), n += strlen(w);
    }
    if (mn > 0)
        n = classical_modern(out, n);
    out[n] = '\0';
    return n;
}


/* A word of a script with no Latin or Cyrillic letters (brief s38
 * script38, report-adv37 P-1, P-2: ჯიჰო, Ζίχο, हाउन, ᠪᠠᠲᠤᠰᠦᠬᠡ) is
 * read into Latin (script_read_word) and is a form when its shape, the
 * consonant classes of transcribe_skeleton (h its own) with each run of
 * vowels one V
 * but the first, which is kept as written (a script writes the vowels of
 * a foreign name as it can: ฮาอึน hauen, हाउन haun and هاون hawn for
 * Ha-eun, Ειρήνη irini for Irina; ᠪᠠᠲᠤ batu is no Petya), is a person
 * form's; in a script that writes vowels otherwise (the Mongolian
 * script, Arabic: their first vowel is not kept either) also when its
 * consonant classes are a form's, of three classes or more (ᠪᠠᠲᠤᠰᠦᠬᠡ
 * batusukhe for Батсүх, ايفان ayfan for Ivan). */
#define SHAPE_MAX SCRIPT_KEY_MAX

struct script_seek {
    char shape[SCRIPT_READINGS][SHAPE_MAX], cons[SCRIPT_READINGS][SHAPE_MAX];
    int n, vowels, hit, near;
    struct script_reading same;
};

/* The class of the consonant letter c of a Latin reading, before the
 * letter b (transcribe_skeleton's classes; h its own, as every script
 * here writes it), or 0 for none (w, y, an h after a consonant). */
static char shape_class(char c, char b, char last)
{
    switch (c) {
    case 'b': case 'p': case 'f': case 'v': return 'P';
    case 'd': case 't': return 'T';
    case 'g': case 'k': case 'q': return 'K';
    case 'c': return b == 'h' || b == 'e' || b == 'i' || b == 'y' ? 'S' : 'K';
    case 's': case 'z': case 'j': case 'x': return 'S';
    case 'l': case 'r': return 'L';
    case 'm': return 'M';
    case 'n': return 'N';
    case 'h': return last == 0 || last == 'V' || (last >= 'a' && last <= 'z') ? 'H' : 0;
    default: return 0;
    }
}

/* The shape of the Latin reading s[0..len) into out (SHAPE_MAX bytes):
 * its consonant classes, h its own, each run of vowels one V, the first
 * kept as written when first is set; with vowels unset the consonant
 * classes only (ts and dz one S when ts is set, as Цэцэг reads ᠴᠡᠴᠡᠭ; a
 * doubled class one).  Its length. */
static size_t shape_ty(char *out, const char *s, size_t len, int first, int vowels, int ts, int y)
{
    size_t n = 0;

    for (size_t i = 0; i < len && n + 1 < SHAPE_MAX; i++) {
        char c = s[i], b = i + 1 < len ? s[i + 1] : 0, last = n > 0 ? out[n - 1] : 0, k;
        if (y && c == 'y' && last != 'Y') {
            k = 'Y';
        } else if (strchr("aeiou", c) != NULL) {
            if (!vowels || last == 'V' || (last >= 'a' && last <= 'z'))
                continue;
            k = first ? c : 'V';
            first = 0;
        } else if (ts && ((c == 't' && b == 's') || (c == 'd' && b == 'z'))) {
            k = 'S', i++;
        } else if ((k = shape_class(c, b, last)) == 0 || k == last) {
            continue;
        }
        out[n++] = k;
    }
    out[n] = '\0';
    return n;
}

static size_t shape_ts(char *out, const char *s, size_t len, int first, int vowels, int ts)
{
    return shape_ty(out, s, len, first, vowels, ts, 0);
}

static size_t shape_of(char *out, const char *s, size_t len, int first, int vowels)
{
    return shape_ts(out, s, len, first, vowels, 1);
}

/* The shape a word of the Mongolian script is compared by (vowels 2:
 * script_read_word): with y a letter of its own, as ᠶ is one (ᠪᠠᠶᠢᠨᠠ,
 * "bayina", is no Ваня, "vanya"; pseudonym-37.bats); else shape_of. */
static size_t shape_for(char *out, const char *s, size_t len, int vowels)
{
    return shape_ty(out, s, len, vowels != 0, 1, 1, vowels == 2);
}

/* ---- A reading that is a form (brief s39 script39, report-adv38) ----
 * The key a reading and a form's Latin are compared in: the consonant
 * classes of shape_class (ts and dz one S; w with v, f, b, p; h its own
 * only after a vowel or first), every vowel as written (y as i; a vowel
 * written twice, Цэцэгмаа's aa, once), in Arabic e as i and o as u (it
 * writes three vowels) and its h after a consonant ('h) a class of its
 * own, no digraph (صالح s-a-l-'h is Saleh, تهرانی t-'h-rani Tehrani; brief
 * s43 scr43), in the Mongolian script o as u (ᠣ is both).
 * Its length in bytes. */
static size_t same_key(char *out, const char *s, size_t len, int fold)
{
    size_t n = 0;

    for (size_t i = 0; i < len && n + 1 < SHAPE_MAX; i++) {
        char c = s[i] == 'y' ? 'i' : s[i], b = i + 1 < len ? s[i + 1] : 0;
        char last = n > 0 ? out[n - 1] : 0, k;
        if (strchr("aeiou", c) != NULL) {
            if (fold & SCRIPT_FOLD_EO)
                c = c == 'e' ? 'i' : c == 'o' ? 'u' : c;
            if (fold & SCRIPT_FOLD_O)
                c = c == 'o' ? 'u' : c;
            if (c == last)
                continue;
            k = c;
        } else if ((c == 't' && b == 's') || (c == 'd' && b == 'z')) {
            k = 'S', i++;
        } else if (c == 'h' && i > 0 && s[i - 1] == '\'') {
            k = 'H';    /* Arabic: ح or ه after a consonant (script_read_word) */
        } else if ((k = c == 'w' ? 'P' : shape_class(c, b, last)) == 0 || k == last) {
            continue;
        }
        out[n++] = k;
    }
    out[n] = '\0';
    return n;
}

static size_t classes_in(const char *k)
{
    size_t n = 0;

    for (; *k != '\0'; k++)
        n += *k >= 'A' && *k <= 'Z';
    return n;
}

/* 1 if the reading's key r is the form's key f with some of f's vowels
 * between two consonants left out (a script that does not write short
 * vowels; a word's first and last vowels it writes: كريم, karim, is no
 * Karimi). */
static int same_skipping(const char *r, const char *f, int first)
{
    if (*f == '\0')
        return *r == '\0';
    if (*r == *f && same_skipping(r + 1, f + 1, 0))
        return 1;
    return !first && strchr("aeiou", *f) != NULL && f[1] >= 'A' && f[1] <= 'Z' &&
           same_skipping(r, f + 1, 0);
}

/* rd->fold's bit for a Greek word (not one of script_read.h's bits):
 * greek_stem. */
#define READ_GREEK 0x100

/* The length of the stem of the key k (same_key's) less one Greek case
 * ending of a masculine or feminine name (-ος, -ο, -ου, -ε, -ης, -η,
 * -ας, -α: Γιώργος, Γιώργο, Γιώργη, Νίκο; brief s40 script40,
 * report-adv39 L-28; and the a of -αος below), read as o, u, e, i, a
 * with or without s; with form set, the form's final s and vowel
 * (Nikos, Giorgi).  The stem ends in a consonant class; 0 if none is
 * left. */
static size_t greek_stem(const char *k, int form)
{
    size_t n = strlen(k);

    if (n > 0 && k[n - 1] == 'S')
        n--;
    if (n > 0 && strchr("aeiou", k[n - 1]) != NULL)
        n--;
    if (!form && n > 0 && k[n] == 'u' && k[n - 1] == 'o')
        n--;        /* -ου, read o u */
    /* the a of a name in -αος (Νικόλαος, Μενέλαος: Νικόλαο, Νικολάου,
     * vocative Νικόλαε, Νικόλα; brief s42 foreign42, report-adv41 L-43):
     * one stem with the -ας, -ης forms (Νικόλας, Νικολής) */
    if (n > 1 && k[n - 1] == 'a' && k[n] != '\0' && strchr("oeu", k[n]) != NULL)
        n--;
    return n > 0 && k[n - 1] >= 'A' && k[n - 1] <= 'Z' ? n : 0;
}

/* 1 if the Greek reading r and the form f have one stem (greek_stem) of
 * two consonant classes or more. */
static int greek_same_stem(const char *r, const char *f)
{
    size_t rn = greek_stem(r, 0), fn = greek_stem(f, 1), c = 0;

    if (rn == 0 || rn != fn || memcmp(r, f, rn) != 0)
        return 0;
    for (size_t i = 0; i < rn; i++)
        c += r[i] >= 'A' && r[i] <= 'Z';
    return c >= 2;
}

int script_reading_of(struct script_reading *rd, const char *key, size_t len)
{
    char lat[SKEL_MAX];
    int cp0 = 0;

    rd->n = 0;
    rd->fold = script_read_fold(key, len);
    if (utf8_next(&cp0, key, len) > 0 &&
        ((cp0 >= 0x0370 && cp0 <= 0x03FF) || (cp0 >= 0x1F00 && cp0 <= 0x1FFF)))
        rd->fold |= READ_GREEK;
    for (int alt = 0; alt < SCRIPT_READINGS; alt++) {
        size_t m = script_read_word(lat, sizeof lat, key, len, alt, NULL);
        /* two consonants at least: a reading of one (आना "ana", "to
         * come") is too often a word */
        if (m > 0 && same_key(rd->key[rd->n], lat, m, rd->fold) > 0 &&
            classes_in(rd->key[rd->n]) >= 2)
            rd->n++;
    }
    return rd->n > 0;
}

/* script_reading_is on a form already read into Latin, lat[0..ll); with
 * whole set, no vowel of the form left out (script_reading_whole). */
static int reading_is_latin(const struct script_reading *rd, const char *lat, size_t ll, int whole)
{
    char fk[SHAPE_MAX];

    if (same_key(fk, lat, ll, rd->fold) == 0)
        return 0;
    for (int i = 0; i < rd->n; i++)
        if (strcmp(rd->key[i], fk) == 0 ||
            (!whole && (rd->fold & SCRIPT_FOLD_SKIP) && classes_in(rd->key[i]) >= 3 &&
             same_skipping(rd->key[i], fk, 1)) ||
            ((rd->fold & READ_GREEK) && greek_same_stem(rd->key[i], fk)))
            return 1;
    return 0;
}

/* A form's Latin lat[0..ll) (script_form_latin) with the h Russian
 * writes for an Arabic or Persian h, ح or ه, read back as h: with alt 0
 * its kh as h (Cyrillic х or Latin kh as Russian's Latin writes it:
 * Хаддад, Ахмад, Khasan for حداد, أحمد, حسن), with alt 1 a Cyrillic г as
 * h (Гасан, Гусейн for حسن, حسين: the Russian tradition of Caucasian and
 * Central Asian names; brief s47 arab47, report-adv46 L-25, L-33 and its
 * pseudonyms).  Only for a reading that has an h (rd's keys' H).  Its new
 * length, 0 if none. */
static size_t cyrillic_h(char *lat, size_t ll, const struct script_reading *rd, const char *form,
                         size_t flen, int alt)
{
    const char *ru = "\xd0\xb3", *ru_up = "\xd0\x93", *from = alt == 0 ? "kh" : "g";
    size_t m = 0, fl = strlen(from);
    int h = 0;

    if (!(rd->fold & SCRIPT_FOLD_EO) ||
        (alt == 0 ? memmem(lat, ll, "kh", 2) == NULL
                  : memmem(form, flen, ru, 2) == NULL && memmem(form, flen, ru_up, 2) == NULL))
        return 0;
    for (int i = 0; i < rd->n; i++)
        h |= strchr(rd->key[i], 'H') != NULL;
    if (!h)
        return 0;
    for (size_t i = 0; i < ll; i++) {
        if (i + fl <= ll && memcmp(lat + i, from, fl) == 0)
            lat[m++] = 'h', i += fl - 1;
        else
            lat[m++] = lat[i];
    }
    lat[m] = '\0';
    return m < ll || alt == 1 ? m : 0;
}

/* The near rule on a form already read into Latin, lat[0..ll). */
static int near_latin(const struct script_reading *rd, const char *lat, size_t ll)
{
    char fk[SHAPE_MAX];

    if (same_key(fk, lat, ll, rd->fold) == 0)
        return 0;
    for (int i = 0; i < rd->n; i++)
        /* its first vowel too: ع is read as none (عمر "ML" for Omar
         * "uMaL", عماد "MaT" for Emad "iMaT") */
        if (classes_in(rd->key[i]) >= 2 && same_skipping(rd->key[i], fk, 0))
            return 1;
    return 0;
}

int script_reading_near(const struct script_reading *rd, const char *form, size_t flen, int suffix)
{
    char lat[SKEL_MAX], alt_lat[SKEL_MAX];
    size_t ll;

    if (script_reading_is(rd, form, flen, suffix))
        return 1;
    if (!(rd->fold & SCRIPT_FOLD_SKIP) || !variant_suffix_ok((enum variant_suffix)suffix, "", 0) ||
        (ll = script_form_latin(lat, form, flen)) == 0)
        return 0;
    if (near_latin(rd, lat, ll))
        return 1;
    for (int alt = 0; alt < 2; alt++) {
        size_t al;
        memcpy(alt_lat, lat, ll + 1);
        if ((al = cyrillic_h(alt_lat, ll, rd, form, flen, alt)) > 0 && near_latin(rd, alt_lat, al))
            return 1;
    }
    return 0;
}

static int reading_is(const struct script_reading *rd, const char *form, size_t flen, int suffix,
                      int whole)
{
    char lat[SKEL_MAX], alt_lat[SKEL_MAX];
    size_t ll;

    if (rd->n == 0 || !variant_suffix_ok((enum variant_suffix)suffix, "", 0) ||
        (ll = script_form_latin(lat, form, flen)) == 0)
        return 0;
    if (reading_is_latin(rd, lat, ll, whole))
        return 1;
    for (int alt = 0; alt < 2; alt++) {
        size_t al;
        memcpy(alt_lat, lat, ll + 1);
        if ((al = cyrillic_h(alt_lat, ll, rd, form, flen, alt)) > 0 && reading_is_latin(rd, alt_lat, al, whole))
            return 1;
    }
    return 0;
}

int script_reading_is(const struct script_reading *rd, const char *form, size_t flen, int suffix)
{
    return reading_is(rd, form, flen, suffix, 0);
}

int script_reading_whole(const struct script_reading *rd, const char *form, size_t flen, int suffix)
{
    return reading_is(rd, form, flen, suffix, 1);
}

static int each_script_form(void *ctx, const char *key, size_t keylen, const struct redact_form *f)
{
    struct script_seek *sk = ctx;
    char lat[SKEL_MAX], shape[SHAPE_MAX], cons[SHAPE_MAX], cons_ts[SHAPE_MAX];
    size_t ll;

    if (!f->person || (ll = script_form_latin(lat, key, keylen)) == 0)
        return 0;
    /* the reading is the form, the surname alone included (สมชาย for
     * Somchai, report-adv38 P-1): the rule the redactor replaces by */
    /* a short form with every vowel read (script_reading_whole) */
    if ((f->shortform ? script_reading_whole(&sk->same, key, keylen, f->suffix)
                      : script_reading_is(&sk->same, key, keylen, f->suffix)) ||
        (sk->near && !f->shortform && script_reading_near(&sk->same, key, keylen, f->suffix))) {
        sk->hit = 1;
        return 1;
    }
    if (shape_for(shape, lat, ll, sk->vowels) < 2)
        return 0;
    /* the consonants with ts as t and s too: Бат-сүх is batusukhe */
    (void)shape_of(cons, lat, ll, 0, 0);
    (void)shape_ts(cons_ts, lat, ll, 0, 0, 0);
    /* The consonants alone: three classes for a script that leaves its
     * vowels unwritten (Arabic), four where it writes them but not as
     * Latin does (the Mongolian script); there a whole shape of three
     * (ᠪᠠᠶᠢᠨ "bayin" as PaN, Вань's "Van") is too weak as well: ᠪᠠᠶᠢᠨ and
     * ᠪᠠᠶᠠᠨ are Mongolian words and name elements, no Иван
     * (pseudonym-37.bats). */
    /* The consonants alone not against a form made as a short form
     * (Омером, a case of Ömer, Omar's: its consonants MRM are مریم's,
     * Maryam: brief s41 script41); those are compared by shape only. */
    int cons_ok = !f->shortform;
    size_t least = sk->vowels == 2 ? 4 : 3;
    int whole = sk->vowels != 2 || strlen(shape) >= 4;
    for (int i = 0; i < sk->n; i++)
        if ((whole && strcmp(sk->shape[i], shape) == 0) ||
            (sk->vowels != 1 && cons_ok && ((strlen(cons) >= least && strcmp(sk->cons[i], cons) == 0) ||
                                 (strlen(cons_ts) >= least && strcmp(sk->cons[i], cons_ts) == 0)))) {
            sk->hit = 1;
            return 1;
        }
    return 0;
}

static int script_form(const struct redactor *r, const char *key, size_t len, int near)
{
    struct script_seek sk = { .n = 0, .near = near };
    char rd[SKEL_MAX];

    for (int alt = 0; alt < SCRIPT_READINGS; alt++) {
        int vowels;
        size_t m = script_read_word(rd, sizeof rd, key, len, alt, &vowels);
        if (m == 0)
            continue;
        sk.vowels = vowels;
        if (shape_for(sk.shape[sk.n], rd, m, vowels) == 0)
            continue;
        (void)shape_of(sk.cons[sk.n], rd, m, 0, 0);
        sk.n++;
    }
    (void)script_reading_of(&sk.same, key, len);
    if (sk.n == 0)
        return 0;
    (void)redactor_each_form(r, WORDS_SEEN, each_script_form, &sk);
    return sk.hit;
}

int pseudonym_script_form(const struct redactor *r, const char *key, size_t len)
{
    return script_form(r, key, len, 0);
}

int pseudonym_script_name(const struct redactor *r, const char *key, size_t len)
{
    return script_form(r, key, len, 1);
}

int pseudonym_latin_reading(char *out, size_t cap, const char *p, size_t len, struct err *e)
{
    size_t a = 0, b, n = 0;
    int read = 0;

    while (a <= len) {
        for (b = a; b < len && p[b] != ' ' && p[b] != '-'; b++)
            ;
        char *key, rd[SKEL_MAX];
        size_t keylen, m = 0;
        if (b > a) {
            if (normalise_key(&key, &keylen, p + a, b - a, e) != 0)
                return -1;
            m = script_read_word(rd, sizeof rd, key, keylen, 0, NULL);
            secmem_free(key);
        }
        const char *w = m > 0 ? rd : p + a;
        size_t wl = m > 0 ? m : b - a;
        if (n + wl + 2 > cap)
            return err_set(e, EXIT_INPUT, "pseudonym too long");
        memcpy(out + n, w, wl);
        if (m > 0 && out[n] >= 'a' && out[n] <= 'z')
            out[n] = (char)(out[n] - 'a' + 'A');
        n += wl, read |= m > 0;
        if (b < len)
            out[n++] = p[b];
        a = b + 1;
    }
    out[n] = '\0';
    return read;
}
