/* The redactor's protected set: subjects and their pseudonyms, names and
 * terms expanded into the literals the matcher looks for, allowed texts. */
#include "privacy/place_forms.h"
#include "privacy/place_parts.h"
#include "privacy/place_uk.h"
#include "privacy/redact.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "crypto/secmem.h"
#include "privacy/gazetteer.h"
#include "privacy/normalise.h"
#include "privacy/place_russian.h"
#include "privacy/redact_int.h"
#include "privacy/romanise.h"
#include "privacy/variants.h"
#include "util/lexicon.h"

int redactor_new(struct redactor **out, struct err *e)
{
    if (redact_matcher_init(e) != 0)
        return -1;
    *out = calloc(1, sizeof **out);
    if (*out == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    return 0;
}

void redactor_free(struct redactor *r)
{
    size_t i;

    if (r == NULL)
        return;
    /* The words of the texts just read go with each reference: a shared
     * redactor is kept, the testimony's words are not. */
    redact_words_clear();
    if (r->shares > 0) {
        r->shares--;
        return;
    }
    secmem_wipe_free(r->arena);
    secmem_wipe_free(r->pieces);
    secmem_wipe_free(r->skeys);
    redact_hanzi_free(r);
    redact_place_han_free(r);
    redact_hanviet_free(r);
    redact_cjk_titled_free(r);
    for (i = 0; i < r->nsubjects; i++)
        free(r->subjects[i].pseudonym);
    for (i = 0; i < r->nallowed; i++)
        secmem_free(r->allowed[i]);
    redact_matcher_free(r->db, r->scratch);
    free(r->plain), free(r->plain_at);
    free(r->wordkind);
    free(r->near);
    free(r->masked);
    free(r->mwords);
    free(r->keyoff), free(r->lits), free(r->terms), free(r->subjects), free(r->allowed);
    free(r);
}

struct redactor *redactor_share(struct redactor *r)
{
    r->shares++;
    return r;
}

size_t redactor_literals(const struct redactor *r)
{
    return r->nlits;
}

int redactor_add_subject(struct redactor *r, long subject_id, const char *pseudonym,
                         struct err *e)
{
    struct subject *s;

    if (redact_find_subject(r, subject_id) != NULL)
        return err_set(e, EXIT_INPUT, "subject %ld was added twice to the redactor", subject_id);
    if (pseudonym == NULL || pseudonym[0] == '\0')
        return err_set(e, EXIT_INPUT, "subject %ld has no pseudonym; give it one", subject_id);
    s = realloc(r->subjects, (r->nsubjects + 1) * sizeof *s);
    if (s == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    r->subjects = s;
    s[r->nsubjects].id = subject_id;
    if ((s[r->nsubjects].pseudonym = strdup(pseudonym)) == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    r->nsubjects++;
    return 0;
}

static int grow_lits(struct redactor *r, size_t more)
{
    size_t cap = r->litcap ? r->litcap : 64;
    struct lit *l;
    size_t *k;
    unsigned char *w;

    while (cap < r->nlits + more)
        cap *= 2;
    if (cap == r->litcap)
        return 0;
    if ((l = realloc(r->lits, cap * sizeof *l)) == NULL)
        return -1;
    r->lits = l;
    if ((k = realloc(r->keyoff, cap * sizeof *k)) == NULL)
        return -1;
    r->keyoff = k;
    if ((w = realloc(r->wordkind, cap)) == NULL)
        return -1;
    memset(w + r->litcap, 0, cap - r->litcap);
    r->wordkind = w, r->litcap = cap;
    return 0;
}

/* 1 if key[0..len) is one word of letters of one script (Cyrillic or
 * Latin letters, at least two; Hangul: two syllables, a given name alone,
 * as a surname and a given name together are a name whatever the
 * dictionary says of the compound): a name a dictionary may know as an
 * ordinary word too. */
static int one_word(const char *key, size_t len)
{
    int cp, k, lang = -1, n = 0;

    for (size_t at = 0; at < len; at += (size_t)k, n++) {
        if ((k = utf8_next(&cp, key + at, len - at)) <= 0 || !is_word_cp(cp) ||
            (cp >= '0' && cp <= '9') || lexicon_lang_of(cp) < 0 ||
            (lang >= 0 && lexicon_lang_of(cp) != lang))
            return 0;
        lang = lexicon_lang_of(cp);
    }
    return lang == LEXICON_KO ? n == 2 : n >= 2;
}

/* 1 if key[0..len) starts with a letter that has capitals (Cyrillic,
 * Latin): a term of any category written so may be an ordinary word
 * (мөрөн, дархан, sunrise, hope) where it is not capitalised.  Hangul
 * terms are left out: hunspell-ko lists place names (평양, 서울) as
 * nouns, and Hangul has no capital to tell the name by. */
static int cased_key(const char *key, size_t len)
{
    int cp;

    return utf8_next(&cp, key, len) > 0 && utf8proc_toupper(cp) != utf8proc_tolower(cp);
}

/* 1 if text[0..len) (UTF-8, as typed) begins with a letter of a cased
 * script written in lower case ("market", "мөрөн"; not "Market", 평양). */
static int typed_lower(const char *text, size_t len)
{
    int cp;

    return utf8_next(&cp, text, len) > 0 && utf8proc_toupper(cp) != cp && utf8proc_tolower(cp) == cp;
}

/* 1 if key[0..len) lies inside whole[0..wlen) (both keys): the term as
 * registered, one of its words ("bold" of Bold Dorj) or a part of it
 * (하민 of 문하민), not a spelling the variant rules made; in Hangul also
 * the registered name's end with Korean particles after it (진이 of
 * 선우진, 산이 of 김산: the given name called with 이).  A generated spelling that
 * happens to lie inside counts as registered: flagged where it may be
 * the word, the safe side. */
static int part_of(const char *key, size_t len, const char *whole, size_t wlen)
{
    int cp;

    if (len <= wlen && memmem(whole, wlen, key, len) != NULL)
        return 1;
    if (utf8_next(&cp, key, len) <= 0 || !is_hangul_cp(cp))
        return 0;
    for (size_t k = 3; k < len && k <= wlen; k += 3)
        if (memcmp(whole + wlen - k, key, k) == 0 && variant_suffix_ok(SUFFIX_KO, key + k, len - k))
            return 1;
    return 0;
}

/* 1 if key[0..len) stands in whole[0..wlen) only after a word's start:
 * no occurrence starts a word (words start after a space or a hyphen).
 * "kita" inside "nikita orlov", from Nikita read as Korean 니 + 키타, is
 * no word of the name nor its beginning (a generated piece), while "will"
 * of "william" begins one (a truncated short form, flagged where it is a
 * word: flags28.jsonl). */
static int inside_word_only(const char *key, size_t len, const char *whole, size_t wlen)
{
    for (size_t at = 0; len > 0 && at + len <= wlen; at++)
        if (memcmp(whole + at, key, len) == 0 && (at == 0 || whole[at - 1] == ' ' || whole[at - 1] == '-'))
            return 0;
    return 1;
}

/* 1 if key[0..len) (a variant's key, bytes) is one whole word of the name
 * text[0..tlen) as registered, read in the norm view (words end at white
 * space or a hyphen): "ли" of "Марина Ли", not "на" of "Наталья
 * Алексеева" (the initials Н.А. keyed as the word на).  0 if not, or if
 * the norm view cannot be made (out of memory: the form is then dropped,
 * as before session 41). */
static int word_of_name(const char *key, size_t len, const char *text, size_t tlen)
{
    char *norm;
    size_t nl;
    int found = 0;

    if (len == 0 || normalise_norm(&norm, &nl, text, tlen, NULL) != 0)
        return 0;
    for (size_t at = 0; !found && at + len <= nl; at++)
        found = memcmp(norm + at, key, len) == 0 && (at == 0 || norm[at - 1] == ' ' || norm[at - 1] == '-') &&
                (at + len == nl || norm[at + len] == ' ' || norm[at + len] == '-');
    secmem_free(norm);
    return found;
}

/* 1 if vl->v[i] is a short form in Cyrillic of a name registered in Latin
 * that lies inside a Cyrillic reading of the whole name (Мөнх, and so
 * Мөнхөө, inside Мөнхбат for Munkhbat; report-adv15 R-2): a part of the
 * name as registered, only in the other script, and so flagged as the
 * same short form of a Cyrillic registration is. */
static int part_of_reading(const struct variant_list *vl, size_t i)
{
    const struct variant *v = &vl->v[i];
    int cp;

    if (!v->flag || v->initials || utf8_next(&cp, v->key, v->keylen) <= 0 || !is_cyrillic_cp(cp) ||
        utf8_next(&cp, vl->v[0].key, vl->v[0].keylen) <= 0 || cp >= 0x80)
        return 0;
    for (size_t j = 1; j < vl->n; j++)
        if (!vl->v[j].flag && utf8_next(&cp, vl->v[j].key, vl->v[j].keylen) > 0 &&
            is_cyrillic_cp(cp) && part_of(v->key, v->keylen, vl->v[j].key, vl->v[j].keylen))
            return 1;
    return 0;
}

/* 1 if the short form v is a piece of one word of the registered Latin
 * text[0..len) that hunspell-en knows as a proper noun, and the piece is
 * an English word (Whit and Field of Whitfield, report-adv12g A-8): no
 * one is called by half of a single word, so it counts only where the
 * context marks a name (FORM_CONTEXT: "Field said", "Mr. Field"), not
 * on "Field trials".  A Mongolian name written in Latin (Batbold: Bold)
 * is no word the English dictionary knows, and keeps its short forms. */
static int dictionary_piece(const struct variant *v, const char *text, size_t len)
{
    size_t a = 0, b;

    if (!v->flag || v->initials || v->context || v->keylen < 3 || v->keylen > 32)
        return 0;
    for (size_t i = 0; i < v->keylen; i++)
        if (v->key[i] < 'a' || v->key[i] > 'z')
            return 0;
    for (; a < len; a = b + 1) {
        for (b = a; b < len && ((text[b] | 0x20) >= 'a' && (text[b] | 0x20) <= 'z'); b++)
            ;
        if (b - a <= v->keylen || b - a > 64)
            continue;
        for (size_t k = a; k + v->keylen <= b; k++)
            if (strncasecmp(text + k, v->key, v->keylen) == 0 &&
                lexicon_word(LEXICON_EN, v->key, v->keylen) == 1 &&
                lexicon_proper(LEXICON_EN, text + a, b - a) == 1)
                return 1;
    }
    return 0;
}

/* Appends one literal of term r->nterms (room for it made by the caller);
 * cat is the term's; generated: a spelling the variant rules made (not
 * the registered term nor a part of it). */
static int add_lit(struct redactor *r, const struct variant *v, int cat, int generated)
{
    struct lit *l = &r->lits[r->nlits];

    if (secbuf_append(&r->arena, &r->used, &r->size, v->key, v->keylen, &r->keyoff[r->nlits]) != 0)
        return -1;
    l->term = r->nterms, l->keylen = v->keylen;
    l->rule = v->rule, l->suffix = v->suffix;
    l->capital = v->capital;
    l->kind = v->context ? FORM_CONTEXT : v->flag ? FORM_SHORT : FORM_REPLACE;
    /* Two initials alone (JS, K.J.: variants_ko_names.c) are FORM_CONTEXT
     * forms that are no name word: person 0 marks them so, and they count
     * only written in capitals (redact_context_refuses).  So are the
     * initials of two of three words (Д.С. of Дарья Сергеевна Петрова):
     * person 0 keeps them review flags, dotted too (redact_dotted_pair
     * replaces a person's). */
    l->person = (cat == NAME_CAT || cat == TERM_PERSON) &&
                !(v->initials && (v->context || v->partial));
    l->father = v->father;
    l->shared = 0;
    l->spaced = v->spaced;
    l->yields = 0;
    l->initials = v->initials;
    l->generated = (unsigned char)(generated != 0);
    /* A short form is asked of the dictionary too: a review flag where it
     * is an ordinary word, else replaced (lit_form); not a stem, which is
     * no word by itself (гэрл of Гэрлээ).  Initials are asked whether
     * they are a word ("SO" of Sylvia Oberbrunner: a generated spelling
     * that is a word, lit_form); either way they stay review flags
     * ("KJS", docs/VARIANTS.md).  A term of any category in a cased
     * script may be an ordinary word too (issue 12, report adv12c L15:
     * мөрөн "river", дархан "craftsman"; report-adv16a A-13: Sunrise,
     * Hope, Falcon, Rose): replaced where capitalised, a review flag on
     * the lower-case dictionary word (hit_is_flag in redact_context.c). */
    l->word = !v->context &&
              (cat == NAME_CAT || cased_key(v->key, v->keylen)) &&
              one_word(v->key, v->keylen) &&
              !(v->flag && (v->suffix == SUFFIX_MN_STEM || cat != NAME_CAT));
    r->nlits++;
    return 0;
}

/* Bit 7 of a form's byte: the short-form mark for FORM_REPLACE, the
 * generated mark for FORM_SHORT, FORM_WORD and FORM_COMMON; FORM_CONTEXT
 * has neither.  The two never meet: a generated spelling that is no word
 * is FORM_REPLACE, and a short form's mark matters only once it is
 * replaced (redact_lower_name_part). */
static int form_modifier(const struct redact_form *f)
{
    return f->kind == FORM_REPLACE ? f->shortform != 0
           : f->kind == FORM_CONTEXT ? 0 : f->generated != 0;
}

unsigned char redact_form_byte(const struct redact_form *f)
{
    return (unsigned char)((f->suffix & 3) | (f->capital ? 4 : 0) | (f->person ? 8 : 0) |
                           ((f->kind & 7) << 4) | (form_modifier(f) ? 0x80 : 0));
}

int redact_form_of_byte(struct redact_form *f, unsigned char b)
{
    unsigned kind = (b >> 4) & 7, mod = (b >> 7) & 1;

    if (kind > FORM_CONTEXT || (kind == FORM_CONTEXT && mod))
        return -1;
    f->suffix = b & 3, f->capital = (b >> 2) & 1, f->person = (b >> 3) & 1;
    f->kind = (unsigned char)kind;
    /* Bit 7 is the short-form mark with FORM_REPLACE, the generated mark
     * with the kinds that may be a word (redact.h); a short form's kind
     * FORM_SHORT is a short form too, as lit_form makes it. */
    f->shortform = (unsigned char)(kind == FORM_REPLACE ? mod : kind == FORM_SHORT);
    f->generated = (unsigned char)(kind != FORM_REPLACE && mod);
    return 0;
}

/* The spellings of a place's Hangul name in the gazetteer (회령 of a term
 * "Hoeryong": Hweryong, Hoerjong, Tchongdjin, Хверён, 會寧; report adv12
 * a Latin term that does not read back as Korean syllables gets
 * every system the Korean generator writes.  0, or -1 when out of
 * memory. */
static int add_place_spellings(struct redactor *r, const char *key, size_t keylen)
{
    struct variant_list vl;
    struct err e;
    size_t i;
    int rc = 0;

    if (variants_of_kind(&vl, key, keylen, 0, &e) != 0)
        return -1;
    if (grow_lits(r, vl.n) != 0)
        rc = -1;
    for (i = 1; rc == 0 && i < vl.n; i++) {
        int cp;
        /* A generated Hangul spelling that is a Korean word (고생 of
         * 고성's readings: test_eval) is no other name of the place. */
        if (utf8_next(&cp, vl.v[i].key, vl.v[i].keylen) > 0 && is_hangul_cp(cp) &&
            redact_place_known(vl.v[i].key, vl.v[i].keylen))
            continue;
        rc = add_lit(r, &vl.v[i], TERM_PLACE, 1);
    }
    variant_list_free(&vl);
    return rc;
}

/* A Russian form of a place's Cyrillic name (place_russian.h): a
 * generated spelling, a stem only with a case ending after it. */
static int add_place_form(void *ctx, const char *key, size_t keylen, int stem)
{
    struct redactor *r = ctx;
    struct variant v = { (char *)key, 0, keylen, RULE_INFLECTION, stem ? SUFFIX_MN_STEM : SUFFIX_NONE,
                         0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };

    return grow_lits(r, 1) != 0 || add_lit(r, &v, TERM_PLACE, 1) != 0 ? -1 : 0;
}

/* 1 if s[0..n) is one Latin or Cyrillic letter (the third of a
 * three-letter abbreviation). */
static int short_word(const char *s, size_t n)
{
    int cp, k = utf8_next(&cp, s, n);

    return k > 0 && (size_t)k == n && (is_cyrillic_cp(cp) || (cp >= 'a' && cp <= 'z'));
}

/* A district's abbreviation of three letters ending in its д or D
 * (БЗД, BZD: Баянзүрх дүүрэг) written as its first two letters before
 * the word for a district ("БЗ дүүрэг", "BZ district"; brief s24
 * place24): a literal of the term, written with capitals.  0, or -1 when
 * out of memory. */
static int add_district_pair(struct redactor *r, const char *key, size_t keylen)
{
    static const char *const words[] = { " \xd0\xb4\xd2\xaf\xd2\xaf\xd1\x80\xd1\x8d\xd0\xb3", /* дүүрэг */
                                         " district", " duureg" };
    struct variant v = { 0, 0, 0, RULE_VARIANT, SUFFIX_MN, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
    char buf[64];
    struct err e;
    size_t two = 0;
    int cp, k, rc = 0;

    for (int i = 0; i < 2; i++) {
        if ((k = utf8_next(&cp, key + two, keylen - two)) <= 0)
            return 0;
        two += (size_t)k;
    }
    if (!((keylen - two == 1 && key[two] == 'd') ||
          (keylen - two == 2 && memcmp(key + two, "\xd0\xb4", 2) == 0)))
        return 0;
    for (size_t i = 0; rc == 0 && i < sizeof words / sizeof words[0]; i++) {
        snprintf(buf, sizeof buf, "%.*s%s", (int)two, key, words[i]);
        if (normalise_key(&v.key, &v.keylen, buf, strlen(buf), &e) != 0)
            return -1;
        rc = grow_lits(r, 1) != 0 || add_lit(r, &v, TERM_PLACE, 1) != 0 ? -1 : 0;
        secmem_free(v.key);
    }
    return rc;
}

/* gazetteer_name_fn: 1 (stop) at a name in Hangul. */
static int has_hangul(void *ctx, const char *key, size_t keylen)
{
    int cp;

    (void)ctx;
    return utf8_next(&cp, key, keylen) > 0 && is_hangul_cp(cp);
}

/* gazetteer_name_fn: 1 (stop) at a name with a letter only Ukrainian
 * writes (і ї є ґ; key views keep є, ї and ґ, the text і). */
static int has_ukrainian(void *ctx, const char *key, size_t keylen)
{
    size_t p;
    int cp, k;

    (void)ctx;
    for (p = 0; p < keylen && (k = utf8_next(&cp, key + p, keylen - p)) > 0; p += (size_t)k)
        if (cp == 0x456 || cp == 0x457 || cp == 0x454 || cp == 0x491 || cp == 0x406 ||
            cp == 0x407 || cp == 0x404 || cp == 0x490)
            return 1;
    return 0;
}

/* A whole word of a place term being added, as a literal of the place:
 * replaced, or a review flag where flag is 1.  0, or -1 when out of
 * memory. */
static int add_uk_lit(struct redactor *r, const char *form, size_t len, unsigned char flag)
{
    struct variant v = { 0, 0, 0, RULE_INFLECTION, SUFFIX_NONE, 0, flag, 0, 0, 0, 0, 0, 0, 0, 0 };
    struct err e;
    int rc;

    if (normalise_key(&v.key, &v.keylen, form, len, &e) != 0)
        return -1;
    rc = grow_lits(r, 1) != 0 || add_lit(r, &v, TERM_PLACE, 1) != 0 ? -1 : 0;
    secmem_free(v.key);
    return rc;
}

/* place_uk_fn: a Ukrainian form of a place's name (Харкова, Харківщина).
 * 0, or -1 when out of memory. */
static int add_uk_form(void *ctx, const char *form, size_t len)
{
    return add_uk_lit(ctx, form, len, 0);
}

/* place_uk_fn: a demonym of a place the rules are unsure of (одеситка): a
 * review flag, not a replacement (brief s26 place26; -янин, -анин are
 * replaced, brief s31 place31).  0, or -1 when out of
 * memory. */
static int add_uk_flag(void *ctx, const char *form, size_t len)
{
    return add_uk_lit(ctx, form, len, 1);
}

/* place_more_fn: a form of place_forms.h, replaced, a review flag, or
 * replaced only with a capital (brief s27 place27).  0, or -1 when out of
 * memory. */
static int add_more_form(void *ctx, const char *form, size_t len, enum place_form_how how)
{
    struct redactor *r = ctx;
    struct variant v = { 0, 0, 0, RULE_INFLECTION, SUFFIX_NONE, how == PLACE_FORM_CAPITAL,
                         how == PLACE_FORM_FLAG, 0, 0, 0, 0, 0, 0, 0, 0 };
    struct err e;
    int rc;

    if (normalise_key(&v.key, &v.keylen, form, len, &e) != 0)
        return -1;
    rc = grow_lits(r, 1) != 0 || add_lit(r, &v, TERM_PLACE, 1) != 0 ? -1 : 0;
    secmem_free(v.key);
    return rc;
}

/* A place's other names in the gazetteer, each as written there: a Hangul
 * one may take particles, a Cyrillic one case endings. */
static int add_place_name(void *ctx, const char *key, size_t keylen)
{
    struct redactor *r = ctx;
    struct variant v = { (char *)key, 0, keylen, RULE_VARIANT, SUFFIX_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
    int cp, second, k, k2;

    if ((k = utf8_next(&cp, key, keylen)) > 0) {
        v.suffix = is_hangul_cp(cp) ? SUFFIX_KO : is_cyrillic_cp(cp) ? SUFFIX_MN
                   : cp >= 'a' && cp <= 'z' && keylen >= 5 ? SUFFIX_EU : SUFFIX_NONE;
        /* An abbreviation of two or three Latin or Cyrillic letters (УБ;
         * БЗД, SBD: Ulaanbaatar's districts, report-adv21 A-13) counts
         * only written with a capital ("уб", "sbd" are no place). */
        k2 = (size_t)k < keylen ? utf8_next(&second, key + k, keylen - (size_t)k) : 0;
        v.capital = (is_cyrillic_cp(cp) || (cp >= 'a' && cp <= 'z')) && k2 > 0 &&
                    ((size_t)(k + k2) == keylen || short_word(key + k + k2, keylen - (size_t)(k + k2)));
    }
    /* A name after a person (Сталино of Донецк, Кірово): as written
     * alone, its readings and cases are the person's (brief s32 place32). */
    if (place_named_after_person(key, keylen))
        v.suffix = SUFFIX_NONE;
    /* Another name of the place (Урга), not a generated spelling. */
    if (grow_lits(r, 1) != 0 || add_lit(r, &v, TERM_PLACE, 0) != 0)
        return -1;
    if (place_named_after_person(key, keylen))
        return 0;
    if (v.capital && add_district_pair(r, key, keylen) != 0)
        return -1;
    /* Read in the Mongolian script too (ᠬᠥᠪᠰᠭᠥᠯ for Хубсугул's place). */
    if ((is_cyrillic_cp(cp) || (cp >= 'a' && cp <= 'z')) &&
        (redact_scripts_add_place(r, key, keylen) != 0 || redact_place_han_add(r, key, keylen) != 0))
        return -1;
    if (is_cyrillic_cp(cp) && r->place_uk && place_uk_other_forms(key, keylen, add_uk_form, r) != 0)
        return -1;
    if (is_cyrillic_cp(cp))
        return place_russian_forms(key, keylen, add_place_form, r);
    return is_hangul_cp(cp) ? add_place_spellings(r, key, keylen) : 0;
}

/* gazetteer_name_fn: a Cyrillic name of a Ukrainian place as the
 * gazetteer writes it (Дніпро of "Dnipro", Днепр of "Дніпро"): its cases,
 * region and adjective (brief s30 slav30, report-adv29c K-4) and its
 * demonyms as the name registered gets them (харків'янин of Харьков,
 * днепрянин of Дніпро: brief s32 place32; кировоградец of Кировоград,
 * a former name: report-adv32 L-19).  0, or -1 when out of memory. */
static int add_uk_name(void *ctx, const char *text, size_t len)
{
    return place_uk_other_forms(text, len, add_uk_form, ctx) != 0 ||
                   place_uk_demonyms(text, len, add_uk_form, add_uk_flag, ctx) != 0
               ? -1
               : 0;
}

/* The names a place term's name text[0..len) (UTF-8 bytes; key[0..keylen)
 * its normalised key) reaches besides its own spellings: its Mongolian
 * script and Hangul keys (redact_scripts.c) and its other names in the
 * gazetteer (data/gazetteer/place_groups.txt, place_extra.txt), each a
 * literal of the term being added.  Run for the term as typed and for its
 * name without the word for its kind ("Баянзүрх" of "Баянзүрх дүүрэг",
 * report-adv24 A-6).  0, or -1 when out of memory. */
static int add_place_names(struct redactor *r, const char *text, size_t len, const char *key,
                           size_t keylen)
{
    struct err e;
    int hangul, uk;

    /* Hangul keys only for a place registered in no Hangul name and
     * the gazetteer has no Hangul name of: its Korean places' names are
     * literals, and the keys of their
     * romanisations read ordinary Korean words (넉 달째: test_eval). */
    if ((hangul = gazetteer_place_names(key, keylen, has_hangul, NULL, &e)) < 0)
        return -1;
    r->place_hangul = !hangul && !has_hangul(NULL, key, keylen);
    if (redact_scripts_add_place(r, text, len) != 0 || redact_place_han_add(r, text, len) != 0)
        return -1;
    /* The cases, region and adjective of a Cyrillic place (place_uk.h);
     * of its other Cyrillic names too if one is Ukrainian (і ї є ґ). */
    if ((uk = gazetteer_place_names(key, keylen, has_ukrainian, NULL, &e)) < 0)
        return -1;
    r->place_uk = uk || has_ukrainian(NULL, text, len);
    if (place_uk_forms(text, len, add_uk_form, r) != 0 ||
        place_slavic_forms(text, len, 0, add_uk_form, r) != 0 ||
        place_uk_demonyms(text, len, add_uk_form, add_uk_flag, r) != 0 ||
        place_more_forms(text, len, add_more_form, r) != 0 ||
        gazetteer_place_ukrainian(key, keylen, add_uk_name, r, &e) != 0)
        return -1;
    return gazetteer_place_names(key, keylen, add_place_name, r, &e) != 0 ? -1 : 0;
}

/* A part of a place term that names the place by itself (place_parts.h,
 * brief s24 place24): the part's spellings are literals of the term.  A
 * whole part (반포동 of an address, Баянзүрх of "Баянзүрх дүүрэг") is
 * replaced in all of them, a district of an address (서초구) is a review
 * flag as written; a Korean stem without its suffix (강남 of
 * 강남구) is a review flag in Hangul (a region's name as often as the
 * district's), replaced in its other spellings (Gangnam, Kangnam, Каннам)
 * but for a generated Hangul one. */
static int add_place_part(void *ctx, const char *part, size_t len, enum place_part how)
{
    struct redactor *r = ctx;
    struct variant_list vl;
    struct err e;
    size_t i;
    int rc = 0, cp;

    if (variants_of_kind(&vl, part, len, 0, &e) != 0)
        return -1;
    if (grow_lits(r, vl.n) != 0)
        rc = -1;
    for (i = 0; rc == 0 && i < vl.n; i++) {
        int hangul = utf8_next(&cp, vl.v[i].key, vl.v[i].keylen) > 0 && is_hangul_cp(cp);
        if (how == PLACE_PART_TENSED) {
            /* A pronounced spelling the dictionary knows is a word. */
            if (i > 0 || redact_ordinary_ko(vl.v[i].key, vl.v[i].keylen, 1))
                break;
            vl.v[i].flag = 1;
        }
        if (how == PLACE_PART_LARGE) {
            if (i > 0)
                break;
            vl.v[i].flag = 1;
        }
        if (how == PLACE_PART_STEM && hangul) {
            if (i > 0)
                continue;
            vl.v[i].flag = 1;
        }
        rc = add_lit(r, &vl.v[i], TERM_PLACE, i > 0);
    }
    if (rc == 0 && how == PLACE_PART_NAME && vl.n > 0)
        rc = add_place_names(r, part, len, vl.v[0].key, vl.v[0].keylen);
    variant_list_free(&vl);
    return rc;
}

/* Another way a term with a number is written ("Camp No. 7",
 * redact_numbered.c): a literal of the same term, as registered. */
struct number_form {
    struct redactor *r;
    int cat;
};

static int add_number_form(void *ctx, const char *key, size_t keylen)
{
    struct number_form *nf = ctx;
    struct variant v = { .key = (char *)key, .keylen = keylen, .rule = RULE_VARIANT, .suffix = SUFFIX_NONE };

    return grow_lits(nf->r, 1) != 0 || add_lit(nf->r, &v, nf->cat, 0) != 0 ? -1 : 0;
}

/* term_form_fn: another form of the term being added (term_forms.c): a
 * distinctive rest with all its spellings, literals of the term; or its
 * initials, a review flag written with a capital.  0, or -1. */
struct term_form {
    struct redactor *r;
    int cat;
};

static int add_term_form(void *ctx, const char *form, size_t len, int flag)
{
    struct term_form *tf = ctx;
    struct variant_list vl;
    struct err e;
    size_t i;
    int rc = 0;

    if (variants_of_kind(&vl, form, len, 0, &e) != 0)
        return -1;
    if (grow_lits(tf->r, vl.n) != 0)
        rc = -1;
    for (i = 0; rc == 0 && i < vl.n; i++) {
        if (flag) {
            if (i > 0)
                break;
            vl.v[i].flag = 1, vl.v[i].capital = 1, vl.v[i].initials = 1;
        }
        rc = add_lit(tf->r, &vl.v[i], tf->cat, 1);
    }
    variant_list_free(&vl);
    return rc;
}

/* place_uk_fn, place_more_fn: a case form or the Latin spelling of an
 * employer's or organisation's Cyrillic name (Укрзалізниці,
 * ukrzaliznytsia; brief s28 place28, report-adv27a G-7), a literal of the
 * term.  0, or -1 when out of memory. */
static int add_noun_form(void *ctx, const char *form, size_t len)
{
    struct term_form *tf = ctx;
    struct variant v = { 0, 0, 0, RULE_INFLECTION, SUFFIX_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
    struct err e;
    int rc;

    if (normalise_key(&v.key, &v.keylen, form, len, &e) != 0)
        return -1;
    rc = grow_lits(tf->r, 1) != 0 || add_lit(tf->r, &v, tf->cat, 1) != 0 ? -1 : 0;
    secmem_free(v.key);
    return rc;
}

static int add_noun_latin(void *ctx, const char *form, size_t len, enum place_form_how how)
{
    (void)how;
    return add_noun_form(ctx, form, len);
}

static int add_protected(struct redactor *r, int cat, long subject, const char *text,
                         size_t len, struct err *e)
{
    struct number_form nf = { r, cat };
    struct variant_list vl;
    struct term *t;
    size_t i;
    int generated;

    if (r->compiled)
        return err_set(e, EXIT_INPUT, "the redactor is already compiled; add terms before compiling");
    if (variants_of_kind(&vl, text, len, cat == NAME_CAT || cat == TERM_PERSON, e) != 0)
        return -1;
    if (vl.v[0].keylen > REDACT_TERM_MAX) {
        variant_list_free(&vl);
        return err_set(e, EXIT_INPUT, "a name or term is longer than %d bytes; protect its identifying parts separately", REDACT_TERM_MAX);
    }
    /* Doubling: one realloc per term copied the whole array each time
     * (quadratic with 100,000 terms where realloc cannot grow in place). */
    if (r->nterms == r->termcap) {
        size_t cap = r->termcap ? 2 * r->termcap : 64;
        if ((t = realloc(r->terms, cap * sizeof *t)) == NULL) {
            variant_list_free(&vl);
            return err_set(e, EXIT_INPUT, "out of memory while adding a term");
        }
        r->terms = t, r->termcap = cap;
    }
    t = r->terms;
    if (grow_lits(r, vl.n) != 0) {
        variant_list_free(&vl);
        return err_set(e, EXIT_INPUT, "out of memory while adding a term");
    }
    t[r->nterms].cat = cat, t[r->nterms].subject = subject;
    memset(t[r->nterms].koryo, 0, sizeof t[r->nterms].koryo);
    t[r->nterms].koryo_given = t[r->nterms].koryo_given_len = 0;
    if (cat == NAME_CAT || cat == TERM_PERSON) {
        char *norm;
        size_t nlen;
        if (normalise_norm(&norm, &nlen, text, len, NULL) != 0) {
            variant_list_free(&vl);
            return err_set(e, EXIT_INPUT, "out of memory while adding a term");
        }
        if (redact_koryo_term(r, &t[r->nterms], norm, nlen) != 0) {
            secmem_free(norm);
            variant_list_free(&vl);
            return err_set(e, EXIT_INPUT, "out of memory while adding a term");
        }
        secmem_free(norm);
    }
    if ((cat == NAME_CAT || cat == TERM_PERSON) && (redact_handle_pieces_add(r, text, len) != 0 ||
                                                    redact_mask_words_add(r, text, len) != 0 ||
                                                    redact_scripts_add(r, text, len) != 0 ||
                                                    redact_hanzi_add(r, text, len) != 0 ||
                                                    redact_hanviet_add(r, text, len) != 0 ||
                                                    redact_cjk_titled_add(r, text, len) != 0 ||
                                                    redact_patronym_add(r, text, len) != 0)) {
        variant_list_free(&vl);
        return err_set(e, EXIT_INPUT, "out of memory while adding a term");
    }
    for (i = 0; i < vl.n; i++) {
        if (i > 0 && cat != NAME_CAT && cat != TERM_PERSON &&
            redact_term_drop_variant(vl.v[0].key, vl.v[0].keylen, &vl.v[i]))
            continue;   /* "Ahmad" of Ahmadi (term_forms.c) */
        /* A listed short form (Bob of Robert) is at least a review flag
         * where it is a word: not a generated spelling, which counts only
         * where the context marks a name (privacy/nicknames.c). */
        generated = !vl.v[i].nickname && !part_of(vl.v[i].key, vl.v[i].keylen, vl.v[0].key, vl.v[0].keylen) &&
                    !part_of_reading(&vl, i);
        /* The name's initials are generated even where their key lies
         * inside the name's (О.К. of Оксана Карпова: ок), unless another
         * rule made the same key (variant.lettered, brief s42 init42). */
        generated |= redact_lettered_pair(vl.v[i].key, vl.v[i].keylen, vl.v[i].lettered);
        /* No form of a name but its own words is a common word, a
         * listed short form's included (Коли of Коля is Ukrainian
         * "when"; redact_guard.c). */
        if ((cat == NAME_CAT || cat == TERM_PERSON) && i > 0 &&
            (!part_of(vl.v[i].key, vl.v[i].keylen, vl.v[0].key, vl.v[0].keylen) ||
             redact_short_piece(vl.v[i].key, vl.v[i].keylen, vl.v[0].key, vl.v[0].keylen) ||
             (!vl.v[i].nickname &&
              inside_word_only(vl.v[i].key, vl.v[i].keylen, vl.v[0].key, vl.v[0].keylen))) &&
            redact_generated_dropped(vl.v[i].key, vl.v[i].keylen, vl.v[i].initials, vl.v[i].lettered) &&
            /* A Koryo-saram surname of two letters alone (Ли: the
             * particle ли), made with a capital by ru_koryo_surname_cases:
             * kept, the name-or-word rule judges it (brief s41 li41); only
             * when it is a word of the name as registered, never initials
             * keyed as a word (Н.А. of Наталья Алексеева: "На столе"). */
            !(vl.v[i].capital && !vl.v[i].initials && !vl.v[i].flag &&
              romanise_koryo_syllable(vl.v[i].key, vl.v[i].keylen) != 0 &&
              word_of_name(vl.v[i].key, vl.v[i].keylen, text, len)))
            continue;
        if (add_lit(r, &vl.v[i], cat, generated) != 0) {
            variant_list_free(&vl);
            return err_set(e, EXIT_INPUT, "out of memory while adding a term");
        }
        redact_generated_short(&r->lits[r->nlits - 1], vl.v[i].key, vl.v[i].keylen);
        if ((cat == NAME_CAT || cat == TERM_PERSON) &&
            /* Neither reading is asked of a possessive adjective made of
             * a short form, a Slavic word form no Hangul, Chinese or
             * Japanese text transcribes: Джонин of John, read as SONIN,
             * took 서연이는 for Kim Minjun, ванин of Ivan 바닌은
             * (report-adv47 W-1; variant.possessive). */
            !vl.v[i].possessive &&
            ((vl.v[i].flag && !vl.v[i].initials &&
              redact_scripts_add_short(r, vl.v[i].key, vl.v[i].keylen) != 0) ||
             (vl.v[i].nickname &&
              redact_scripts_add_cjk_short(r, vl.v[i].key, vl.v[i].keylen) != 0))) {
            variant_list_free(&vl);
            return err_set(e, EXIT_INPUT, "out of memory while adding a term");
        }
        if (cat == NAME_CAT && !vl.v[i].nickname && dictionary_piece(&vl.v[i], text, len))
            r->lits[r->nlits - 1].kind = FORM_CONTEXT, r->lits[r->nlits - 1].word = 0;
        /* A term of any category typed in lower case ("place:market",
         * "place:мөрөн", "employer:sunrise") names the word itself:
         * replaced wherever it stands, never the name-or-word flag a
         * capitalised term that is also a word gets (brief s15 f12a item
         * 3, brief s17 term17 item 2; docs/VARIANTS.md). */
        if (cat != NAME_CAT && typed_lower(text, len))
            r->lits[r->nlits - 1].word = 0;
    }
    if ((cat == TERM_PLACE || cat == TERM_EMPLOYER || cat == TERM_ORGANISATION || cat == TERM_OTHER) &&
        term_other_forms(text, len, cat == TERM_PLACE, cat == TERM_EMPLOYER || cat == TERM_ORGANISATION,
                         add_term_form, &(struct term_form){ r, cat }) != 0) {
        variant_list_free(&vl);
        return err_set(e, EXIT_INPUT, "out of memory while adding a term");
    }
    if ((cat == TERM_EMPLOYER || cat == TERM_ORGANISATION) &&
        (place_uk_cases(text, len, add_noun_form, &(struct term_form){ r, cat }) != 0 ||
         place_slavic_forms(text, len, 1, add_noun_form, &(struct term_form){ r, cat }) != 0 ||
         place_latin_form(text, len, add_noun_latin, &(struct term_form){ r, cat }) != 0)) {
        variant_list_free(&vl);
        return err_set(e, EXIT_INPUT, "out of memory while adding a term");
    }
    if (cat == TERM_PLACE && add_place_names(r, text, len, vl.v[0].key, vl.v[0].keylen) != 0) {
        variant_list_free(&vl);
        return err_set(e, EXIT_INPUT, "out of memory while adding a term");
    }
    if (cat == TERM_PLACE && (place_parts(text, len, add_place_part, r) != 0 ||
                              place_tensed(text, len, add_place_part, r) != 0)) {
        variant_list_free(&vl);
        return err_set(e, EXIT_INPUT, "out of memory while adding a term");
    }
    if (cat != NAME_CAT && cat != TERM_PERSON && (redact_number_forms(text, len, add_number_form, &nf) != 0 ||
                                                  (cat == TERM_ID && redact_register_forms(text, len, add_number_form, &nf) != 0))) {
        variant_list_free(&vl);
        return err_set(e, EXIT_INPUT, "out of memory while adding a term");
    }
    variant_list_free(&vl);
    r->nterms++;
    return 0;
}

/* A person's name typed with underscores between its words, as a user
 * name is ("Valentina_Orlova": report-adv28a I-13, brief s29 pseud29):
 * its words as a name too, or its short forms (Valya) and each word
 * alone hide behind the one long word.  0, or -1 with e filled. */
static int add_underscored(struct redactor *r, int cat, long subject_id, const char *name,
                           size_t len, struct err *e)
{
    char *spaced;
    int rc;

    if (len < 3 || memchr(name, '_', len) == NULL)
        return 0;
    if ((spaced = secmem_alloc(len)) == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    for (size_t i = 0; i < len; i++)
        spaced[i] = name[i] == '_' ? ' ' : name[i];
    rc = add_protected(r, cat, subject_id, spaced, len, e);
    secmem_free(spaced);
    return rc;
}

int redactor_add_name(struct redactor *r, long subject_id, const char *name, size_t len,
                      struct err *e)
{
    if (redact_find_subject(r, subject_id) == NULL)
        return err_set(e, EXIT_INPUT, "subject %ld has no pseudonym in the redactor; add the subject first", subject_id);
    if (add_protected(r, NAME_CAT, subject_id, name, len, e) != 0)
        return -1;
    return add_underscored(r, NAME_CAT, subject_id, name, len, e);
}

/* A registered IPv4 address (a term "192.168.10.45") is also protected
 * in the other shapes an address is written in and that the detectors do
 * not take without an "ip" label (report-adv12e F11, docs/VARIANTS.md):
 * octets joined by commas ("192,168,10,45"), one 32-bit decimal number
 * ("3232238125") and hexadecimal ("0xc0a80a2d").  0, or -1 with e filled. */
static int add_ip_forms(struct redactor *r, int cat, long subject_id, const char *text, size_t len,
                        struct err *e)
{
    unsigned o[4];
    unsigned long v;
    char buf[16], form[3][32];
    int n = 0;

    if (len < 7 || len > 15)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!(text[i] == '.' || (text[i] >= '0' && text[i] <= '9')))
            return 0;
    memcpy(buf, text, len), buf[len] = '\0';
    if (sscanf(buf, "%3u.%3u.%3u.%3u%n", &o[0], &o[1], &o[2], &o[3], &n) != 4 ||
        (size_t)n != len || o[0] > 255 || o[1] > 255 || o[2] > 255 || o[3] > 255)
        return 0;
    v = (unsigned long)o[0] << 24 | (unsigned long)o[1] << 16 | o[2] << 8 | o[3];
    snprintf(form[0], sizeof form[0], "%u,%u,%u,%u", o[0], o[1], o[2], o[3]);
    snprintf(form[1], sizeof form[1], "%lu", v);
    snprintf(form[2], sizeof form[2], "0x%08lx", v);
    for (n = 0; n < 3; n++)
        if (add_protected(r, cat, subject_id, form[n], strlen(form[n]), e) != 0)
            return -1;
    return 0;
}

int redactor_add_term(struct redactor *r, enum term_category cat, long subject_id,
                      const char *text, size_t len, struct err *e)
{
    if ((int)cat < TERM_PERSON || cat > TERM_ACCOUNT)
        return err_set(e, EXIT_INPUT, "unknown term category %d", (int)cat);
    if (add_protected(r, (int)cat, subject_id, text, len, e) != 0)
        return -1;
    return cat == TERM_PERSON ? add_underscored(r, (int)cat, subject_id, text, len, e)
                              : add_ip_forms(r, (int)cat, subject_id, text, len, e);
}

int redactor_allow(struct redactor *r, const char *text, size_t len, struct err *e)
{
    char **a, *key;
    size_t keylen;

    if (normalise_key(&key, &keylen, text, len, e) != 0)
        return -1;
    a = realloc(r->allowed, (r->nallowed + 1) * sizeof *a);
    if (a == NULL) {
        secmem_free(key);
        return err_set(e, EXIT_INPUT, "out of memory");
    }
    r->allowed = a;
    a[r->nallowed++] = key;
    return 0;
}

int redactor_each_form(const struct redactor *r, enum redact_words words, redactor_form_fn fn,
                       void *ctx)
{
    int rc = 0;

    for (size_t i = 0; rc == 0 && i < r->nlits; i++) {
        struct redact_form f = words == WORDS_SEEN ? redact_lit_form_seen(r, i)
                                                   : redact_lit_form(r, i);
        rc = fn(ctx, r->arena + r->keyoff[i], r->lits[i].keylen, &f);
    }
    return rc;
}
