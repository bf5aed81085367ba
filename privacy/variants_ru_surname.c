/* The case forms of Russian surnames (-ов, -ев, -ёв, -ин and their
 * feminine and plural: Петров, Петрова, Петровы) and of Koryo-saram names
 * read as Russian nouns (Даша Ли, Лена Ким).  From Russian grammar's
 * adjective-like and noun declensions.  Moved out of variants_ru.c (brief
 * s41 ruk41) unchanged. */
#include "privacy/variants_int.h"

#include <string.h>

#include <sodium.h>
#include <utf8proc.h>

#include "privacy/romanise.h"
#include "privacy/variants_ru_int.h"
#include "privacy/varlist.h"

/* The adjective-like declension of -ов/-ин surnames (Петров: Петрова,
 * Петрову, Петровым, Петрове; Петрова: Петровой, Петрову, Петровою),
 * from Russian grammar; and the plural's endings (Петровы, Петровых,
 * Петровым, Петровыми), which name no gender. */
static const char *const masc[] = { "", "а", "у", "ым", "е" };
static const char *const fem[] = { "а", "ой", "у", "ою" };
static const char *const plural[] = { "ы", "ых", "ым", "ыми" };

/* 1 if the UTF-8 ending e is in list[0..n). */
static int in_list(const char *e, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(e, list[i]) == 0)
            return 1;
    return 0;
}

int ru_surname_gender(size_t *stem, const char *key, size_t len, int nominative)
{
    char end[16];
    int cp[RU_MAX + 4], n, k, m, ins, inf;
    size_t at;

    if ((n = ru_read(cp, key, len)) < 4)
        return SURNAME_NONE;
    /* the suffix -ов -ев -ёв -ин is the last one a table's ending follows */
    for (m = n; m >= 4 && n - m <= 3; m--) {
        if (!ru_surname_end(cp, m) || cp[m - 1] == 0x430)
            continue;
        for (k = 0, at = 0; k < m; k++)
            at += cp[k] < 0x800 ? 2 : 3;
        if (len - at >= sizeof end)
            break;
        memcpy(end, key + at, len - at);
        end[len - at] = '\0';
        ins = in_list(end, masc, sizeof masc / sizeof masc[0]);
        inf = in_list(end, fem, sizeof fem / sizeof fem[0]);
        *stem = at;
        if (nominative)
            return end[0] == '\0' ? SURNAME_MASC : strcmp(end, fem[0]) == 0 ? SURNAME_FEM
                                                                           : SURNAME_NONE;
        if (ins == inf || in_list(end, plural, sizeof plural / sizeof plural[0]))
            return SURNAME_NONE;
        return ins ? SURNAME_MASC : SURNAME_FEM;
    }
    return SURNAME_NONE;
}

int ru_surname_forms(struct variant_list *out, const char *key, size_t len)
{
    int cp[RU_MAX + 4], n, rc = 0, f;

    if ((n = ru_read(cp, key, len)) < 5 || !ru_surname_end(cp, n))
        return 0;
    f = cp[n - 1] == 0x430;
    for (size_t i = 0; rc == 0 && i < (f ? sizeof fem / sizeof fem[0] : sizeof masc / sizeof masc[0]); i++)
        rc = ru_add_form(out, cp, n - f, f ? fem[i] : masc[i], 1, 0);
    sodium_memzero(cp, sizeof cp);
    return rc;
}

/* The case forms of the word w[0..n) (code points) that the first
 * declension (-а, -я) or the second (a consonant, -й, -ь) gives, written
 * as UTF-8 into forms (FORMS_MAX, at most 6 of them; the nominative
 * first) without the patronymics the tables end with.  The count. */
int ru_koryo_forms(char forms[][KORYO_FORM_BYTES], const int *w, int n)
{
    static const char *const soft_i[] = { "й", "я", "ю", "ем", "е" };
    static const char *const cons[] = { "", "а", "у", "ом", "е" };
    const char *const *end;
    int last = w[n - 1], ns = n - 1, ne, k = 0;

    if (last == 0x430)
        end = ru_decl_a, ne = 6;
    else if (last == 0x44F)
        end = ru_decl_ya, ne = (int)n_ru_decl_ya;
    else if (last == 0x439 || last == 0x44C)
        end = last == 0x439 ? soft_i : ru_decl_soft, ne = 5;
    else if (!ru_vowel(last))
        end = cons, ne = 5, ns = n;
    else
        end = NULL, ne = 1, ns = n;   /* Ли, Ю: not declined */
    for (int e = 0; e < ne && k < KORYO_FORMS; e++) {
        const char *x = end != NULL ? end[e] : "";
        size_t at = 0;
        /* -а after г к х ж ш щ ч: the genitive is -и (Даши); after ж ш щ
         * ч ц the instrumental -ей too (Дашей). */
        if (end == ru_decl_a && e == 5 && ru_takes_i(w[n - 2]))
            x = "и";
        for (int i = 0; i < ns; i++)
            at += (size_t)utf8proc_encode_char(w[i], (utf8proc_uint8_t *)forms[k] + at);
        memcpy(forms[k] + at, x, strlen(x) + 1);
        k++;
        if (end == ru_decl_a && e == 3 && k < KORYO_FORMS &&
            (w[n - 2] == 0x436 || w[n - 2] == 0x448 || w[n - 2] == 0x449 || w[n - 2] == 0x447 ||
             w[n - 2] == 0x446)) {
            memcpy(forms[k], forms[k - 1], at);
            memcpy(forms[k] + at, "ей", sizeof "ей");
            k++;
        }
    }
    return k;
}

int ru_koryo_cases(struct variant_list *out, const char *norm, size_t len)
{
    char g[KORYO_FORMS][KORYO_FORM_BYTES], s[KORYO_FORMS][KORYO_FORM_BYTES];
    char key[2 * KORYO_FORM_BYTES];
    int gw[RU_MAX + 4], sw[RU_MAX + 4], ng, ns, kg, ks, rc = 0;
    const char *sp = memchr(norm, ' ', len);
    size_t a, b;

    if (sp == NULL || memchr(sp + 1, ' ', len - (size_t)(sp - norm) - 1) != NULL)
        return 0;
    a = (size_t)(sp - norm), b = len - a - 1;
    /* Which word is the Korean surname: the other is the given name. */
    if (romanise_koryo_syllable(sp + 1, b) != 0 && romanise_koryo_syllable(norm, a) == 0)
        ng = ru_read(gw, norm, a), ns = ru_read(sw, sp + 1, b);
    else if (romanise_koryo_syllable(norm, a) != 0 && romanise_koryo_syllable(sp + 1, b) == 0)
        ng = ru_read(gw, sp + 1, b), ns = ru_read(sw, norm, a);
    else
        return 0;
    if (ng < 3 || ns < 1)
        return 0;
    kg = ru_koryo_forms(g, gw, ng);
    ks = ru_koryo_forms(s, sw, ns);
    out->spaced = 1;
    for (int i = 0; i < kg && rc == 0; i++)
        for (int j = 0; j < ks && rc == 0; j++) {
            if (i == 0 && j == 0)
                continue;   /* the name as registered */
            size_t gl = strlen(g[i]), sl = strlen(s[j]);
            memcpy(key, g[i], gl), memcpy(key + gl, s[j], sl);
            rc = list_add(out, key, gl + sl, RULE_INFLECTION, SUFFIX_NONE);
            memcpy(key, s[j], sl), memcpy(key + sl, g[i], gl);
            if (rc == 0)
                rc = list_add(out, key, gl + sl, RULE_INFLECTION, SUFFIX_NONE);
        }
    out->spaced = 0;
    sodium_memzero(g, sizeof g), sodium_memzero(s, sizeof s), sodium_memzero(key, sizeof key);
    sodium_memzero(gw, sizeof gw), sodium_memzero(sw, sizeof sw);
    return rc;
}
