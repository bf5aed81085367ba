/* A registered register number in the other script (brief s19 num19):
 * the id term "УБ75031412" is also "UB75031412", "ub 7503 1412"; the id
 * term "UB75031412" is also "УБ75031412".  A term of one to three
 * letters (Cyrillic) or one to six (Latin), maybe a separator, and six
 * digits or more gets a literal for each spelling of its letters in the
 * other script; the key view (normalise_key) drops the separators and
 * folds the case, so spacing and case need no forms of their own.
 *
 * The letters, from the Mongolian Cyrillic romanisation systems of
 * docs/VARIANTS.md (MNS 5217, BGN/PCGN, passport practice: ө o/u/oe, ү
 * u/ue, х kh/h/x, ц ts/c, ж j/zh, е ye/e, й i/y); Latin to Cyrillic reads
 * the digraphs (kh ch sh ts zh ye yo yu ya ue oe) and single letters
 * (MNS 5217; u and o also ү and ө, c also ч, e also е, i also й, y also
 * ы and й): latin_cyrillic.c's LATIN_CYR_REGISTER readings. */
#include "privacy/redact.h"

#include <sodium.h>
#include <string.h>
#include <utf8proc.h>

#include "privacy/detect_int.h"
#include "privacy/latin_cyrillic.h"
#include "privacy/redact_int.h"

#define FORMS_MAX 24            /* spellings handed on per term, at most */
#define LETTERS_MAX 3           /* Cyrillic letters of a register number's code */

struct latin_of {
    int cp;                     /* lower-case Cyrillic */
    const char *latin[3];
};

static const struct latin_of to_latin[] = {
    { 0x430, { "a" } }, { 0x431, { "b" } }, { 0x432, { "v", "w" } }, { 0x433, { "g" } },
    { 0x434, { "d" } }, { 0x435, { "e", "ye" } }, { 0x451, { "yo", "e" } }, { 0x436, { "j", "zh" } },
    { 0x437, { "z" } }, { 0x438, { "i" } }, { 0x439, { "i", "y" } }, { 0x43A, { "k" } },
    { 0x43B, { "l" } }, { 0x43C, { "m" } }, { 0x43D, { "n" } }, { 0x43E, { "o" } },
    { 0x4E9, { "o", "u", "oe" } }, { 0x43F, { "p" } }, { 0x440, { "r" } }, { 0x441, { "s" } },
    { 0x442, { "t" } }, { 0x443, { "u" } }, { 0x4AF, { "u", "ue" } }, { 0x444, { "f" } },
    { 0x445, { "kh", "h", "x" } }, { 0x446, { "ts", "c" } }, { 0x447, { "ch", "c" } },
    { 0x448, { "sh" } }, { 0x449, { "shch" } }, { 0x44B, { "y", "i" } }, { 0x44C, { "i" } },
    { 0x44D, { "e" } }, { 0x44E, { "yu" } }, { 0x44F, { "ya" } },
};

struct forms {
    redact_key_fn fn;
    void *ctx;
    const char *digits;         /* the term's number, separators and all */
    size_t ndigits;
    char buf[64];
    unsigned emitted;
    int rc;
};

/* Hands buf[0..n) + the number to fn, up to FORMS_MAX times. */
static void emit_form(struct forms *f, size_t n)
{
    if (f->rc != 0 || f->emitted >= FORMS_MAX || n + f->ndigits > sizeof f->buf)
        return;
    memcpy(f->buf + n, f->digits, f->ndigits);
    f->emitted++;
    f->rc = redact_key_emit(f->buf, n + f->ndigits, f->fn, f->ctx);
}

/* Every Latin spelling of the Cyrillic letters cps[k..n) after buf[0..o). */
static void latin_forms(struct forms *f, const int *cps, size_t k, size_t n, size_t o)
{
    size_t i, j, l;

    if (k == n) {
        emit_form(f, o);
        return;
    }
    for (i = 0; i < sizeof to_latin / sizeof to_latin[0] && to_latin[i].cp != cps[k]; i++)
        ;
    if (i == sizeof to_latin / sizeof to_latin[0])
        return;
    for (j = 0; j < 3 && to_latin[i].latin[j] != NULL; j++) {
        l = strlen(to_latin[i].latin[j]);
        if (o + l >= sizeof f->buf)
            return;
        memcpy(f->buf + o, to_latin[i].latin[j], l);
        latin_forms(f, cps, k + 1, n, o + l);
    }
}

/* Every Cyrillic spelling (at most LETTERS_MAX letters) of the Latin
 * letters s[0..n) after buf[0..o), its letters so far in made. */
static void cyrillic_forms(struct forms *f, const char *s, size_t n, size_t o, size_t made)
{
    struct latin_cyr_it it = { 0, 0 };
    const char *cyr;
    size_t l, c;

    if (n == 0) {
        emit_form(f, o);
        return;
    }
    if (made == LETTERS_MAX)
        return;
    while (latin_cyrillic_next(&it, s, n, LATIN_CYR_REGISTER, &cyr, &l)) {
        c = strlen(cyr);
        if (o + c >= sizeof f->buf)
            return;
        memcpy(f->buf + o, cyr, c);
        cyrillic_forms(f, s + l, n - l, o + c, made + 1);
    }
}

int redact_register_forms(const char *text, size_t len, redact_key_fn fn, void *ctx)
{
    struct forms f = { fn, ctx, NULL, 0, { 0 }, 0, 0 };
    char latin[8];
    int cps[LETTERS_MAX], cp, rc;
    size_t i = 0, n, nl = 0, nc = 0, d;

    while (i < len && (cp = det_cp_at(text, len, i, &n)) >= 0) {
        if (cp < 0x80 && det_alpha((char)(cp | 0x20)) && nc == 0 && nl < sizeof latin)
            latin[nl++] = (char)(cp | 0x20);
        else if (is_cyrillic_cp(cp) && nl == 0 && nc < LETTERS_MAX)
            cps[nc++] = utf8proc_tolower(cp);
        else
            break;
        i += n;
    }
    if (nl + nc == 0 || nl > 6 || i == len)
        return 0;
    f.digits = text + i, f.ndigits = len - i;
    if (text[i] == ' ' || text[i] == '-' || text[i] == '/' || text[i] == '.')
        i++;
    for (d = 0; i + d < len && det_digit(text[i + d]); d++)
        ;
    if (d < 6 || i + d != len)
        return 0;
    if (nc > 0)
        latin_forms(&f, cps, 0, nc, 0);
    else
        cyrillic_forms(&f, latin, nl, 0, 0);
    rc = f.rc;
    sodium_memzero(&f, sizeof f);
    sodium_memzero(latin, sizeof latin);
    return rc;
}
