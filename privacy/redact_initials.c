/* A name's initials written with a full stop and a space after each
 * ("D. M." of Daniel Morgan, report-adv27c H-11; "A. S." of Aleksei
 * Smirnov, "Б. Д." of Батбаяр Дорж): the key view leaves the spaces out
 * (normalise.h), so such a run reads the initials' key "d.m", which a
 * short key across a space is otherwise refused for (redact_hits.c: "OR A"
 * is no "Ora").  Written so, letters standing alone in capitals, they are
 * initials; whose is not sure ("D. M. Smith" is another person), so the
 * caller makes them a review flag. */
#include <stddef.h>
#include <string.h>
#include <utf8proc.h>

#include "privacy/common_words.h"
#include "privacy/flag_context.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/variants.h"
#include "privacy/variants_int.h"
#include "privacy/redact_int.h"
#include "privacy/detect_int.h"
#include "util/lexicon.h"

/* 1 if cp is a letter of Latin or Cyrillic (the scripts with capitals and
 * full stops after initials). */
static int initial_letter(int cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0x24F) || (cp >= 0x430 && cp <= 0x45F);
}

int redact_spaced_initials(const struct normtext *t, size_t a, size_t b)
{
    size_t p = a;
    int cp, n, letters = 0;

    if (a > 0 && initial_letter(redact_cp_before(t->norm, a)))
        return 0;
    while (p < b) {
        char dg[8];
        size_t g = variants_digraph_initial(dg, sizeof dg, t->norm + p, b - p);
        if ((n = utf8_next(&cp, t->norm + p, t->normlen - p)) <= 0 || !initial_letter(cp) ||
            !redact_upper_at(t, p))
            return 0;
        /* "Yu. G.", "O. Ts.": a letter pair one initial writes (brief s45
         * ini45), its first letter a capital */
        if (g > 0 && p + g <= b && (p + g == b || t->norm[p + g] == '.'))
            n = (int)g;
        letters++, p += (size_t)n;
        if (p >= b)
            break;
        if (t->norm[p] != '.' || p + 1 >= b || t->norm[p + 1] != ' ')
            return 0;
        p += 2;
    }
    if (p < t->normlen && (utf8_next(&cp, t->norm + p, t->normlen - p)) > 0 && initial_letter(cp))
        return 0;
    return letters >= 2;
}

/* The letters of the word of norm [a, b) that starts at a, through
 * *end (its norm end); -1 if a letter is not initial_letter's, else how
 * many, and in *caps how many of them are capitals. */
static int word_letters(const struct normtext *t, size_t a, size_t b, size_t *end, int *caps)
{
    int cp, n, letters = 0;

    *caps = 0;
    for (*end = a; *end < b && t->norm[*end] != ' '; *end += (size_t)n, letters++) {
        if ((n = utf8_next(&cp, t->norm + *end, b - *end)) <= 0 || !initial_letter(cp))
            return -1;
        *caps += redact_upper_at(t, *end);
    }
    return letters;
}

int redact_capitals_beside(const struct normtext *t, size_t a, size_t b)
{
    size_t e1, e2;
    int cp, n1, n2, c1, c2;

    if ((a > 0 && is_word_cp(redact_cp_before(t->norm, a))) ||
        (b < t->normlen && utf8_next(&cp, t->norm + b, t->normlen - b) > 0 && is_word_cp(cp)))
        return 0;
    if ((n1 = word_letters(t, a, b, &e1, &c1)) < 2 || e1 + 1 >= b || t->norm[e1] != ' ' ||
        (n2 = word_letters(t, e1 + 1, b, &e2, &c2)) < 2 || e2 != b)
        return 0;
    /* KH Ro, Ro KH: one word all capitals, the other capitalised only */
    return (n1 <= 3 && c1 == n1 && c2 == 1 && redact_upper_at(t, e1 + 1)) ||
           (n2 <= 3 && c2 == n2 && c1 == 1 && redact_upper_at(t, a));
}

/* 1 if cp (a capital) is a letter of one of the subject's initials'
 * literals (variants.c name_initials and korean_initials, lit.initials:
 * "np", "нп", "gb", "mj"), that is, the first letter of a spelling of a
 * word of its names in some script. */
static int subject_initial(const struct redactor *r, long subject, int cp)
{
    int lower = utf8proc_tolower(cp), c, n;

    for (size_t j = 0; j < r->nlits; j++) {
        const struct lit *l = &r->lits[j];
        const char *k = r->arena + r->keyoff[j];
        if (!l->initials || l->keylen > 16 || r->terms[l->term].subject != subject)
            continue;
        for (size_t i = 0; i < l->keylen && (n = utf8_next(&c, k + i, l->keylen - i)) > 0;
             i += (size_t)n)
            if (c == lower)
                return 1;
    }
    return 0;
}

size_t redact_own_initials_at(const struct redactor *r, long subject, const struct normtext *t,
                              size_t q, size_t lim, int *count)
{
    size_t end = q;
    int cp, n, got = 0, best = 0, lower = -1, up;

    while (got < 3 && q < lim) {
        if ((n = utf8_next(&cp, t->norm + q, lim - q)) <= 0 || !initial_letter(utf8proc_tolower(cp)) ||
            !subject_initial(r, subject, cp))
            break;
        up = redact_upper_at(t, q);
        if (lower < 0)
            lower = !up;
        /* one case throughout; small letters each with a full stop
         * ("н.п. коваленко": report-adv37 L-1; "к Коваленко" is a word) */
        if (up == lower || (lower && (q + (size_t)n >= lim || t->norm[q + (size_t)n] != '.')))
            break;
        q += (size_t)n, got++;
        if (q < lim && t->norm[q] == '.')
            q++;
        /* the longest run with no letter glued after its last initial:
         * "Коваленко НП. Потім" is НП, not НП. П (report-adv37 L-13) */
        if (q >= t->normlen || utf8_next(&cp, t->norm + q, t->normlen - q) <= 0 || !is_word_cp(cp))
            best = got, end = q;
        /* "N P", "Н.-П.", "N. P.": a space or a dash before the next */
        if (q + 1 < lim && (t->norm[q] == ' ' || t->norm[q] == '-') &&
            utf8_next(&cp, t->norm + q + 1, lim - q - 1) > 0 && redact_upper_at(t, q + 1) != lower)
            q++;
    }
    if (best == 0 || (lower && best < 2))
        return *count = 0, (size_t)-1;
    *count = best;
    return end;
}

size_t redact_initials_stop(const struct normtext *t, size_t a, size_t end)
{
    size_t l = end - 1, q = end;
    int cp, n = 0;

    if (end < a + 2 || t->norm[end - 1] != '.')
        return end;
    while (l > a && n <= 3 && is_word_cp(redact_cp_before(t->norm, l))) {
        l = redact_cp_start(t->norm, l), n++;
        if (n > 1 && !redact_upper_at(t, l))
            return end;
    }
    if (n == 0 || n > 3 || l <= a || is_word_cp(redact_cp_before(t->norm, l)) ||
        (n > 1 && !redact_upper_at(t, redact_cp_start(t->norm, end - 1))))
        return end;
    while (q < t->normlen && t->norm[q] == ' ')
        q++;
    if (q >= t->normlen || t->norm[q] == '\n')
        return end - 1;
    return q > end && utf8_next(&cp, t->norm + q, t->normlen - q) > 0 && is_word_cp(cp) &&
                   redact_upper_at(t, q)
               ? end - 1
               : end;
}


/* ---- When are two letters a person's initials (moved from
 * redact_context.c; docs/VARIANTS.md, "Initials") ---- */

/* 1 if norm [a, b) is shaped as initials: two or three capital Latin
 * letters, full stops between them allowed (JS, J.S, KJS). */
static int initials_shaped(const struct normtext *t, size_t a, size_t b)
{
    size_t letters = 0;
    int cp, k;

    /* Latin or Cyrillic capitals (Б.Э. of Бат-Эрдэнэ: brief s24 ko24). */
    for (size_t p = a; p < b; p += (size_t)k) {
        if ((k = utf8_next(&cp, t->norm + p, b - p)) <= 0)
            return 0;
        if ((cp == '.' && p > a) || (cp == '-' && p > a && t->norm[p - 1] == '.'))
            continue;
        if (!((cp >= 'a' && cp <= 'z') || (cp >= 0x430 && cp <= 0x4FF)) || !redact_upper_at(t, p))
            return 0;
        letters++;
    }
    return letters >= 2 && letters <= 3;
}

/* Words of two letters that are written bare as a word, not initials
 * ("Ок, и я пошёл"; "ok and I"): interjections common_word_key lacks. */
static const char *const bare_words[] = {
    "ok", "oh", "ah", "eh", "uh", "hm", "hi", "yo", "ок", "ой", "ох", "ах", "эх", "эй",
    "ух", "ну", "хм", "ха", "ай",
};

/* 1 if the two initials alone at norm [a, b) (a FORM_CONTEXT form of no
 * name word: JS, K.J. of Kim Jong-su; report-adv21 A-14) stand where the
 * context marks a person: in capitals, a title before them or a verb of
 * verbs_after after them (after the last full stop of dotted ones: "J.S.
 * came"), and not in text written all in capitals, where the next word is
 * in capitals too ("AS IS").  Initials are always capitals, so a capital
 * marks nothing ("I use JS"), and "He came" is no H. E. */
int redact_initials_context(const struct normtext *t, size_t a, size_t b)
{
    size_t wa, wb, q, p = b + (b < t->normlen && t->norm[b] == '.');

    if (!initials_shaped(t, a, b))
        return 0;
    if (redact_hyphen_initials_at(t, a, b) || redact_initials_marked(t, a, b))
        return 1;
    if (redact_word_before(&wa, &wb, t, a) &&
        redact_is_title(t, wa, wb))
        return 1;
    if (!redact_word_after(&wa, &wb, t, p))
        return 0;
    for (q = wa; q < wb && t->norm[q] >= 'a' && t->norm[q] <= 'z' && redact_upper_at(t, q); q++)
        ;
    return q < wb && redact_is_verb_after(t, wa, wb);
}

/* Words right before initials alone that mark them as a person's: who
 * signed, gave or was met ("signed by O.H.", "I met O.H. yesterday",
 * "Документ подписал С.И."), and labels of a signature or a witness before
 * a colon ("Подпись: s.i.p."; report-adv38 L-48, L-51..L-53, L-56).
 * Written by us: the commonest in testimony, en, ru, uk, mn. */
static const char *const initials_before[] = {
    "by", "met", "saw", "signed", "thanked", "interviewed", "подписал", "подписала",
    "подписали", "підписав", "підписала", "підписали", "видел", "видела", "бачив",
    "бачила", "встретил", "встретила", "зустрів", "зустріла", "уулзсан", "харсан",
    /* naming and asking ("Его звали в. л.", "Ask v. l. about it":
     * report-adv42 L-6, L-9; brief s44 ini44) */
    "звали", "зовут", "кличут", "звуть", "кликали", "named", "ask", "asked",
    "спроси", "спросите", "спросил", "спросила", "спитай", "спитайте", "запитай",
    "запитайте", "запитав", "запитала",
};
static const char *const initials_labels[] = {
    "signed", "signature", "witness", "by", "sign.", "written", "подпись", "подписал",
    "подписала", "подписали", "подписано", "пишу", "написано", "свидетель", "підпис",
    "підписав", "підписала", "підписано", "пишу", "написано", "свідок", "гарын үсэг", "гэрч",
};

/* Verbs of telling before initials that end a sentence ("Это рассказал
 * мне о.к.", "Это было сказано O.K."; report-adv39 L-3..L-5), with the
 * verbs of a person (verbs_after: "Вчера пришла К.О. и молчала", L-2),
 * and the pronouns that may stand between ("мне").  Written by us: the
 * commonest in testimony, en, ru, uk. */
static const char *const telling_before[] = {
    "told", "wrote", "рассказал", "рассказала", "рассказали", "сказано", "написал",
    "написала", "написано", "сообщил", "сообщила", "передал", "передала", "розповів",
    "розповіла", "розповіли", "сказано", "написав", "написала", "повідомив", "повідомила",
};
static const char *const pronouns_between[] = {
    "мне", "нам", "ему", "ей", "им", "мені", "йому", "їй", "їм", "me", "us", "him", "her", "them",
};
static const char *const joining_after[] = { "и", "і", "й", "та", "and", "с", "со", "з", "with" };
/* "Also" before the person a verb tells of ("Это видела и к.о.") and
 * the words that open what a person said after a comma ("Сказала к. о.,
 * что уйдёт"; brief s44 ini44).  Written by us, en, ru, uk. */
static const char *const also_between[] = { "и", "і", "тоже", "также", "теж", "також", "too", "also" };
static const char *const that_after[] = { "что", "чтобы", "що", "щоб", "that" };

/* Initials written small or without full stops ("к.о.", "к. о.", "jp",
 * "JP") name a person only in one of these contexts too (brief s42
 * initb42, report-adv41 L-1..L-9, L-32..L-38, L-67..L-79): after a word of
 * company ("с к.о.", "with jp"; "met" is in initials_before); beside a
 * conjunction that joins people ("к.о. и я ждали", "Me and j. p. and",
 * "JP and a guard took"); before an apposition ("jp, a friend, came");
 * before a short phrase of place and a verb of a person ("к.о. у ворот
 * стоял").  The words, written by us (en, ru, uk; the commonest in
 * testimony): conjunctions that join people, words of company, words
 * that are people (pronouns, kin, "guard", "the rest"), and verbs of
 * standing and waiting flag_context.c's lists lack. */
static const char *const people_joins[] = {
    "и", "і", "й", "та", "а", "или", "або", "and", "or",
};
static const char *const company_before[] = { "с", "со", "з", "із", "зі", "with" };
static const char *const people_words[] = {
    "я", "ты", "он", "она", "мы", "вы", "они", "ти", "він", "вона", "ми", "ви", "вони",
    "ней", "нею", "ним", "нами", "i", "me", "you", "he", "she", "we", "they", "him", "her",
    "us", "them", "брат", "брата", "братом", "сестра", "сестрой", "сестрою", "жена", "женой",
    "муж", "мужем", "друг", "другом", "подруга", "мать", "мама", "отец", "сын", "дочь",
    "дети", "діти", "дружина", "чоловік", "охранник", "охоронець", "остальные", "другие",
    "інші", "решта", "guard", "friend", "brother", "sister", "wife", "husband", "mother",
    "father", "son", "daughter", "boss", "rest", "others", "children", "colleague",
    /* numbers of people ("в.л. и ещё двое": report-adv42 L-7) */
    "двое", "трое", "четверо", "двоє", "троє", "четверо",
};
/* English prepositions before a word that is no subject ("made in JP and
 * we sold them"); flag_preposition holds the Russian and Ukrainian ones. */
static const char *const en_prepositions[] = {
    "in", "at", "from", "to", "of", "into", "for", "on", "by", "near",
};
static const char *const apposition_words[] = {
    "a", "an", "the", "my", "our", "мой", "моя", "наш", "наша", "мій", "моя", "наш",
};
static const char *const person_verbs_more[] = {
    "стоял", "стояла", "ждал", "ждала", "ждали", "сидел", "сидела", "молчал", "молчала",
    "стояв", "стояла", "чекав", "чекала", "чекали", "сидів", "сиділа", "мовчав", "мовчала",
    "waited", "stood", "sat", "knew",
    /* what testimony says a boss or a guard did (report-adv45 L-38:
     * "U.S. drove the van"; brief s46 ini46) */
    "drove", "kept", "locked", "beat", "hit", "hid", "shouted", "threatened",
};

/* 1 if the initials at [a, b) (the last full stop may lie at b) stand
 * after a verb of telling or of a person (over one pronoun: "рассказал мне
 * о.к."), not a copula, and end a sentence or come before a conjunction
 * ("пришла К.О. и молчала"): where Russian and Ukrainian put the person
 * the verb tells of.  "It was O.K." stays: was is a copula. */
static int initials_after_verb(const struct normtext *t, size_t a, size_t b)
{
    size_t wa, wb, p = b < t->normlen && t->norm[b] == '.' ? b + 1 : b, q;

    if (!redact_word_before(&wa, &wb, t, a))
        return 0;
    if (redact_word_is(t, wa, wb, pronouns_between, sizeof pronouns_between / sizeof pronouns_between[0], 0) &&
        !redact_word_before(&wa, &wb, t, wa))
        return 0;
    /* "Это видела и к.о.": "also" between the verb and them
     * (report-adv42 L-4; brief s44 ini44) */
    if (redact_word_is(t, wa, wb, also_between, sizeof also_between / sizeof also_between[0], 0)) {
        if (!redact_word_before(&wa, &wb, t, wa))
            return 0;
        /* a verb of meeting or seeing: "видела и к.о." */
        if (redact_word_is(t, wa, wb, initials_before, sizeof initials_before / sizeof initials_before[0], 0))
            return 1;
    }
    if (!(redact_word_is(t, wa, wb, telling_before, sizeof telling_before / sizeof telling_before[0], 0) ||
          (redact_is_verb_after(t, wa, wb) &&
           !redact_is_copula(t, wa, wb))))
        return 0;
    /* the sentence's end: the text's, a mark that ends it, or the
     * initials' own full stop and a capital after it */
    for (q = p; q < t->normlen && t->norm[q] == ' '; q++)
        ;
    if (q >= t->normlen || t->norm[q] == '.' || t->norm[q] == '!' || t->norm[q] == '?' ||
        (p > b && q > p && redact_upper_at(t, q)))
        return 1;
    /* "Сказала к. о., что уйдёт": what the person said after a comma
     * (report-adv42 L-48; brief s44 ini44) */
    if (q < t->normlen && t->norm[q] == ',' && redact_word_after(&wa, &wb, t, q + 1) &&
        redact_word_is(t, wa, wb, that_after, sizeof that_after / sizeof that_after[0], 0))
        return 1;
    return redact_word_after(&wa, &wb, t, p) &&
           redact_word_is(t, wa, wb, joining_after, sizeof joining_after / sizeof joining_after[0], 0);
}

/* The shape of the letters at [a, b) (the last full stop may lie at b),
 * one walk for both spellings: INITIALS_DOTTED for two or three letters
 * each alone with a full stop after it, a dash ("J.-P.", *dash set) or one
 * space ("к. о.") allowed after a full stop, not the last letters of a
 * longer dotted run ("к.т.н." is no т.н.); INITIALS_BARE for two letters
 * with no full stop ("jp", "JP"), not before "/" or "-" (JP/EN), that
 * spell none of the commonest words, an interjection (bare_words) nor a
 * word the English dictionary knows ("ок", "ok", "ли"); one case
 * throughout and no letter glued before or after; else 0. */
/* 1 if a hyphen and a Russian or Ukrainian case ending of one to three
 * Cyrillic letters stand at e, then no letter ("к.о-м", "в.л-у": the
 * initials declined as a word, their last stop left out; report-adv46
 * L-3). */
static int cyrillic_case_after(const struct normtext *t, size_t e)
{
    size_t p = e + 1;
    int cp, k, n = 0;

    if (e >= t->normlen || t->norm[e] != '-')
        return 0;
    while (p < t->normlen && (k = utf8_next(&cp, t->norm + p, t->normlen - p)) > 0 && cp >= 0x430 && cp <= 0x45F)
        p += (size_t)k, n++;
    return n >= 1 && n <= 3 && !(p < t->normlen && utf8_next(&cp, t->norm + p, t->normlen - p) > 0 && is_word_cp(cp));
}

enum { INITIALS_DOTTED = 1, INITIALS_BARE = 2 };
static int initials_shape(const struct normtext *t, size_t a, size_t b, int *dash)
{
    size_t p = a, e = b < t->normlen && t->norm[b] == '.' ? b + 1 : b;
    int cp, n, letters = 0, stops = 0, up = -1, glued = 0;  /* glued: a letter with no stop after it */
    int open_end = 0;   /* the last letter with no stop, all before it with one: "в.л)" */

    *dash = 0;
    if (a > 0 && is_word_cp(redact_cp_before(t->norm, a)))
        return 0;
    while (p < e) {
        char dg[8];
        size_t g = variants_digraph_initial(dg, sizeof dg, t->norm + p, e - p);
        if ((n = utf8_next(&cp, t->norm + p, e - p)) <= 0 ||
            utf8proc_toupper(cp) == utf8proc_tolower(cp) || ++letters > 3 ||
            (up >= 0 && up != redact_upper_at(t, p)))
            return 0;
        up = redact_upper_at(t, p);
        /* one initial written with two letters and its full stop ("Ts.",
         * "yu.", "дж.": variants_digraph.c's groups; brief s45 ini45) */
        if (g > 0 && p + g < e && t->norm[p + g] == '.')
            n = (int)g;
        p += (size_t)n;
        if (p >= e || t->norm[p] != '.') {
            open_end = p >= e && !glued && stops + 1 == letters;
            glued = 1;
            continue;
        }
        /* "Ask JP.": a bare pair's full stop at b is the sentence's */
        if (glued && p == b)
            break;
        p++, stops++;
        if (p < e && t->norm[p] == '-')
            p++, *dash = 1;
        /* "к. о.", "j. p.": one space after a full stop */
        else if (p < e && t->norm[p] == ' ')
            p++;
    }
    /* The last full stop left out before a closing bracket or quote or
     * at the text's or a line's end ("(со слов в.л)": report-adv44 L-117;
     * brief s45 ini45; a record's body ends with its line break, which the
     * norm view writes as a space: "to h. g" and a line break, report-adv46
     * L-1): the letters are dotted as the others are. */
    if (open_end && stops > 0 &&
        (e >= t->normlen || (t->norm[e] == ' ' && redact_crosses_line(t, e, e + 1)) || t->norm[e] == ')' ||
         t->norm[e] == '"' || t->norm[e] == '\'' ||
         (e + 1 < t->normlen && memcmp(t->norm + e, "\xc2\xbb", 2) == 0) || cyrillic_case_after(t, e)))
        stops++;
    if (stops > 0 || !glued) {
        if (stops != letters || letters < 2 ||
            (e < t->normlen && utf8_next(&cp, t->norm + e, t->normlen - e) > 0 && is_word_cp(cp)) ||
            (a >= 2 && t->norm[a - 1] == '.' && is_word_cp(redact_cp_before(t->norm, a - 1))))
            return 0;
        return INITIALS_DOTTED;
    }
    if (letters != 2 ||
        (b < t->normlen && utf8_next(&cp, t->norm + b, t->normlen - b) > 0 &&
         (is_word_cp(cp) || cp == '/' || cp == '-')) ||
        common_word_key(t->norm + a, b - a) ||
        redact_word_is(t, a, b, bare_words, sizeof bare_words / sizeof bare_words[0], 0))
        return 0;
    (void)utf8_next(&cp, t->norm + a, b - a);
    return cp < 0x80 && lexicon_word(LEXICON_EN, t->norm + a, b - a) == 1 ? 0 : INITIALS_BARE;
}

static int sport_clause(const struct normtext *t, size_t a, size_t b);

/* 1 if the next word after norm byte p is a small abbreviation of one to
 * three letters with its full stop and the sentence going on after it in
 * a digit or a small letter ("стр. 5", "гл. 2", "p. 5"; not "дома. Потом"):
 * the letters before it are one of a run of abbreviations, a reference,
 * not a person ("Смотри н.а. стр. 5": init41 line 23; brief s45 ini45). */
static int abbrev_after(const struct normtext *t, size_t p)
{
    size_t wa, wb, chars = 0;
    int cp, k;

    if (!redact_word_after(&wa, &wb, t, p) || wb + 2 >= t->normlen || t->norm[wb] != '.' ||
        t->norm[wb + 1] != ' ' || redact_upper_at(t, wa) ||
        utf8_next(&cp, t->norm + wb + 2, t->normlen - wb - 2) <= 0 ||
        !((cp >= '0' && cp <= '9') || (is_word_cp(cp) && !redact_upper_at(t, wb + 2))))
        return 0;
    for (size_t q = wa; q < wb && (k = utf8_next(&cp, t->norm + q, wb - q)) > 0; q += (size_t)k)
        if (utf8proc_toupper(cp) == utf8proc_tolower(cp) || ++chars > 3)
            return 0;
    return chars > 0;
}

/* 1 if the letters of norm [a, e), its full stops and spaces left out,
 * spell one of bare_words ("о.к.", "o. k.": okay in either script, which
 * "Всё было о.к." writes so): such letters are initials only where the
 * context marks a person (brief s45 ini45). */
static int spells_bare_word(const struct normtext *t, size_t a, size_t e)
{
    char key[16];
    size_t k = 0;

    for (size_t p = a; p < e; p++) {
        if (t->norm[p] == '.' || t->norm[p] == ' ')
            continue;
        if (k + 1 >= sizeof key)
            return 0;
        key[k++] = t->norm[p];
    }
    key[k] = '\0';
    for (size_t i = 0; i < sizeof bare_words / sizeof bare_words[0]; i++)
        if (strcmp(bare_words[i], key) == 0)
            return 1;
    return 0;
}

/* 1 if the word [wa, wb) is a verb of a person (verbs_after, flag_context.c's
 * lists, person_verbs_more). */
static int person_verb(const struct normtext *t, size_t wa, size_t wb)
{
    return redact_is_verb_after(t, wa, wb) ||
           flag_action_verb(t->norm + wa, wb - wa) ||
           redact_word_is(t, wa, wb, person_verbs_more, sizeof person_verbs_more / sizeof person_verbs_more[0], 0);
}

/* The next word of the clause from norm byte q: spaces and at most one
 * comma skipped (*comma set if one was); [*wa, *wb); 0 at a clause's end. */
static int clause_word(size_t *wa, size_t *wb, const struct normtext *t, size_t q, int *comma)
{
    int cp, k;

    *comma = 0;
    while (q < t->normlen && (t->norm[q] == ' ' || (t->norm[q] == ',' && !*comma)))
        *comma |= t->norm[q] == ',', q++;
    *wa = *wb = q;
    while (*wb < t->normlen && (k = utf8_next(&cp, t->norm + *wb, t->normlen - *wb)) > 0 &&
           is_word_cp(cp))
        *wb += (size_t)k;
    return *wa < *wb;
}

/* 1 if the initials at [a, b) (their full stop ends at p) stand with
 * people (people_joins above): after a word of company, or a pronoun and
 * a conjunction; before a conjunction and, within four words of the
 * clause, a person or a verb of one; before an apposition; before a
 * phrase of place of one preposition and up to two words, then a verb of
 * a person. */
static int initials_with_people(const struct normtext *t, size_t a, size_t p)
{
    size_t wa, wb, xa, xb;
    int comma, c2;

    if (redact_word_before(&wa, &wb, t, a)) {
        if (redact_word_is(t, wa, wb, company_before, sizeof company_before / sizeof company_before[0], 0))
            return 1;
        if (redact_word_is(t, wa, wb, people_joins, sizeof people_joins / sizeof people_joins[0], 0) &&
            redact_word_before(&xa, &xb, t, wa) &&
            redact_word_is(t, xa, xb, people_words, sizeof people_words / sizeof people_words[0], 0))
            return 1;
        /* after another preposition they are no subject ("made in JP and
         * we sold them", "у к.о. и") */
        if (flag_preposition(t->norm + wa, wb - wa) ||
            redact_word_is(t, wa, wb, en_prepositions, sizeof en_prepositions / sizeof en_prepositions[0], 0))
            return 0;
    }
    if (!clause_word(&wa, &wb, t, p, &comma))
        return 0;
    if (redact_word_is(t, wa, wb, people_joins, sizeof people_joins / sizeof people_joins[0], 0)) {
        /* "O.K., and we left": letters that spell a word, before a comma */
        if (comma && redact_dotted_abbrev(t, a, p) == 1)
            return 0;
        for (int i = 0; i < 4 && clause_word(&xa, &xb, t, wb, &c2) && !c2; i++, wb = xb)
            if (redact_word_is(t, xa, xb, people_words, sizeof people_words / sizeof people_words[0], 0) ||
                person_verb(t, xa, xb))
                return 1;
        return 0;
    }
    /* an apposition: an article or a possessive and a person ("jp, a
     * friend"), never a pronoun after a comma ("It's O.K., we can wait") */
    if (comma)
        return redact_word_is(t, wa, wb, apposition_words, sizeof apposition_words / sizeof apposition_words[0], 0) &&
               clause_word(&wa, &wb, t, wb, &c2) && !c2 &&
               redact_word_is(t, wa, wb, people_words, sizeof people_words / sizeof people_words[0], 0);
    if (!flag_preposition(t->norm + wa, wb - wa) && !(wb - wa == 2 && memcmp(t->norm + wa, "at", 2) == 0))
        return 0;
    for (int i = 0; i < 3 && clause_word(&xa, &xb, t, wb, &c2) && !c2; i++, wb = xb)
        if (person_verb(t, xa, xb))
            return i > 0;
    return 0;
}

/* Verbs of naming before a listed abbreviation that make it what a person
 * was called ("Его все звали г. р.", "Её звали м. б.": report-adv45 L-36,
 * L-37; brief s46 ini46): initials_before's naming verbs and their
 * commonest other forms.  Written by us, en, ru, uk. */
static const char *const naming_before[] = {
    "звали", "зовут", "кличут", "звуть", "кликали", "называли", "прозвали", "називали",
    "named", "called",
};

/* 1 if the initials at [a, b) (their full stop ends at p) stand in quotes
 * as an apposition to a word that is a person ("The boss, "P.S.", kept",
 * "бригадир, «Г.Р.»,": report-adv45 L-40): a comma, then the opening
 * quote, before them, a word of people_words before the comma. */
static int quoted_apposition(const struct normtext *t, size_t a, size_t p)
{
    size_t q = a, wa, wb;

    if (q >= 2 && memcmp(t->norm + q - 2, "\xc2\xab", 2) == 0)
        q -= 2;
    else if (q >= 1 && (t->norm[q - 1] == '"' || t->norm[q - 1] == '\''))
        q--;
    else
        return 0;
    if (q == a || p >= t->normlen ||
        !(t->norm[p] == '"' || t->norm[p] == '\'' ||
          (p + 1 < t->normlen && memcmp(t->norm + p, "\xc2\xbb", 2) == 0)))
        return 0;
    while (q > 0 && t->norm[q - 1] == ' ')
        q--;
    if (q < 2 || t->norm[q - 1] != ',')
        return 0;
    for (wb = q - 1, wa = wb; wa > 0 && is_word_cp(redact_cp_before(t->norm, wa));)
        wa = redact_cp_start(t->norm, wa);
    return wa < wb &&
           redact_word_is(t, wa, wb, people_words, sizeof people_words / sizeof people_words[0], 0);
}

/* A listed abbreviation (redact_dotted_abbrev 2: U.S., P.S., г. р., м. б.)
 * that is a registered person's initials, where the words around it say a
 * person (brief s46 ini46, report-adv45 L-36..L-38, L-40, L-41): written
 * small, only after a verb of naming; in capitals, also after a word of
 * meeting or signing or a title, before a verb of a person ("U.S. drove
 * the van") or in quotes beside a word of a person.  The letters are the
 * abbreviation as often: a review flag (redact_hit_verdict), never a
 * replacement; 2 if so, else 0. */
static int listed_abbrev_person(const struct normtext *t, size_t a, size_t b, size_t p, int small)
{
    size_t wa, wb;

    if (redact_word_before(&wa, &wb, t, a) &&
        redact_word_is(t, wa, wb, naming_before, sizeof naming_before / sizeof naming_before[0], 0))
        return 2;
    if (small)
        return 0;
    if (redact_word_before(&wa, &wb, t, a) &&
        (redact_word_is(t, wa, wb, initials_before, sizeof initials_before / sizeof initials_before[0], 0) ||
         redact_is_title(t, wa, wb)))
        return 2;
    if (quoted_apposition(t, a, p))
        return 2;
    return redact_word_after(&wa, &wb, t, p) && person_verb(t, wa, wb) && !redact_is_copula(t, wa, wb) &&
                   !sport_clause(t, a, b)
               ? 2
               : 0;
}

/* Returns 1 where the initials are a person's (see redact_int.h), 2 where
 * they are a listed abbreviation that the words around make a person's
 * (listed_abbrev_person: a review flag, never a replacement), else 0. */
int redact_initials_marked(const struct normtext *t, size_t a, size_t b)
{
    size_t wa, wb, p = b < t->normlen && t->norm[b] == '.' ? b + 1 : b, q;
    int dash, shape = initials_shape(t, a, b, &dash), small = !redact_upper_at(t, a);
    int bare = shape == INITIALS_BARE;

    if (shape == 0)
        return 0;
    /* A listed abbreviation ("i.e.", "a.m.", "U.S.") is that, but where
     * the words around it make it a person's: a review flag. */
    if (shape == INITIALS_DOTTED && redact_dotted_abbrev(t, a, b) == 2)
        return listed_abbrev_person(t, a, b, p, small);
    /* Written small with a full stop after each letter ("к.о.", "дж.п.",
     * "ts. o."), the letters of a registered person's initials (the
     * caller's form) are theirs wherever they stand, whatever word comes
     * before (от, для, через, to, for, a verb) or after (a colon, a
     * bracket): the words that can stand before a person are too many for
     * a list (report-adv44 L-2, L-4, L-9..L-16; brief s45 ini45).  Not a
     * listed abbreviation (above), not letters that spell one of the
     * commonest words ("o.k.": redact_dotted_abbrev 1) and not a knockout
     * ("k.o." in a bout: sport_clause). */
    if (small && shape == INITIALS_DOTTED && redact_dotted_abbrev(t, a, b) == 0 &&
        !spells_bare_word(t, a, p) && !abbrev_after(t, p) && !sport_clause(t, a, b))
        return 1;
    if (redact_word_before(&wa, &wb, t, a) &&
        (redact_word_is(t, wa, wb, initials_before, sizeof initials_before / sizeof initials_before[0], 0) ||
         redact_is_title(t, wa, wb)))
        return 1;
    /* a label and its colon: "Подпись: ", "Signed: " */
    q = a;
    while (q > 0 && t->norm[q - 1] == ' ')
        q--;
    /* "sign. jp": the label's own full stop */
    if (q >= 5 && memcmp(t->norm + q - 5, "sign.", 5) == 0 &&
        (q == 5 || !is_word_cp(redact_cp_before(t->norm, q - 5))))
        return 1;
    if (q > 0 && t->norm[q - 1] == ':') {
        wb = q - 1;
        for (size_t i = 0; i < sizeof initials_labels / sizeof initials_labels[0]; i++) {
            size_t k = strlen(initials_labels[i]);
            if (k <= wb && memcmp(t->norm + wb - k, initials_labels[i], k) == 0 &&
                (wb == k || !is_word_cp(redact_cp_before(t->norm, wb - k))))
                return 1;
        }
    }
    if (initials_after_verb(t, a, b))
        return 1;
    if (initials_with_people(t, a, bare ? b : p))
        return 1;
    /* a verb of a person after them; written small, not a copula any
     * noun takes ("i.e. was") */
    return redact_word_after(&wa, &wb, t, p) &&
           (redact_is_verb_after(t, wa, wb) ||
            flag_slavic_verb(t->norm + wa, wb - wa)) &&
           !(small && redact_is_copula(t, wa, wb));
}

int redact_hyphen_initials_at(const struct normtext *t, size_t a, size_t b)
{
    int dash;

    return initials_shape(t, a, b, &dash) == INITIALS_DOTTED && dash && redact_upper_at(t, a);
}

/* ---- Initials that are another thing's (brief s43 ini43) ---- */

/* Stems of words of a bout (boxing, wrestling): within the clause they
 * make K.O., К.О., KO a knockout, not initials (report-adv42 O-2, O-31;
 * adv39-open line 19).  Written by us, en, ru, uk.  A stem here starts
 * only words of a bout (нокаутом, раунде, боксёра, referees). */
static const char *const sport_stems[] = {
    "нокаут", "раунд", "поедин", "боксер", "боксёр", "бокс", "knockout", "boxer", "boxing",
    "referee", "рефери",
};
/* Words of a bout whose letters start ordinary words too ("бой" starts
 * бойся, бойко, бойлер; "ring" ringing, "bout" boutique, "round"
 * around's "roundabout"): these only as whole words, their case forms
 * listed (brief s44 ini44: "К.О.: «Не бойся»" was a knockout). */
static const char *const sport_words[] = {
    "бой", "боя", "бою", "боем", "бои", "боёв", "боев", "боям", "боями", "боях", "ринг",
    "ринга", "ринге", "рингу", "рингом", "ring", "rings", "round", "rounds", "fight", "fights",
    "fought", "bout", "bouts",
};

/* 1 if a word of the clause around [a, b) (up to six words either side,
 * not over a full stop, a question or an exclamation mark) starts with
 * one of sport_stems or is one of sport_words. */
static int sport_clause(const struct normtext *t, size_t a, size_t b)
{
    size_t lo = a > 96 ? a - 96 : 0, hi = b + 96 < t->normlen ? b + 96 : t->normlen;
    size_t p = a, q = b < t->normlen && t->norm[b] == '.' ? b + 1 : b, we;
    int cp, k;

    while (p > lo && t->norm[p - 1] != '.' && t->norm[p - 1] != '!' && t->norm[p - 1] != '?')
        p--;
    while (q < hi && t->norm[q] != '.' && t->norm[q] != '!' && t->norm[q] != '?')
        q++;
    for (size_t w = p; w < q; w++) {
        if (w > 0 && is_word_cp(redact_cp_before(t->norm, w)))
            continue;
        for (size_t i = 0; i < sizeof sport_stems / sizeof sport_stems[0]; i++) {
            size_t n = strlen(sport_stems[i]);
            if (w + n <= q && memcmp(t->norm + w, sport_stems[i], n) == 0)
                return 1;
        }
        for (we = w; we < q && (k = utf8_next(&cp, t->norm + we, q - we)) > 0 && is_word_cp(cp);)
            we += (size_t)k;
        if (we > w && redact_word_is(t, w, we, sport_words, sizeof sport_words / sizeof sport_words[0], 0))
            return 1;
    }
    return 0;
}

/* Where the dotted letters that start at norm byte e ("т.е.", "R.") end:
 * after each letter its full stop, no space; the end is the last letter's
 * end (its full stop not included). */
static size_t group_end(const struct normtext *t, size_t e)
{
    size_t end = e;
    int cp, n;

    while (e < t->normlen && (n = utf8_next(&cp, t->norm + e, t->normlen - e)) > 0 && is_word_cp(cp) &&
           e + (size_t)n < t->normlen && t->norm[e + (size_t)n] == '.') {
        end = e + (size_t)n;
        e = end + 1;
    }
    return end;
}

/* Where the dotted letters whose last letter starts at norm byte l start
 * ("т" of "т.е", "J" of "J.R"). */
static size_t group_start(const struct normtext *t, size_t l)
{
    size_t p;

    while (l >= 2 && t->norm[l - 1] == '.' && (p = redact_cp_start(t->norm, l - 1)) < l - 1 &&
           is_word_cp(redact_cp_before(t->norm, l - 1)))
        l = p;
    return l;
}

/* 1 if the dotted letters at norm [a, b) are two or more and a listed
 * abbreviation (redact_dotted_abbrev: т.е., e.g., U.S.): a neighbour of
 * that kind is no initial of a longer run ("т.е. к.о.": report-adv46
 * guard, adv46-open.jsonl line 22). */
static int listed_group(const struct normtext *t, size_t a, size_t b)
{
    return b > a && memchr(t->norm + a, '.', b - a) != NULL && redact_dotted_abbrev(t, a, b) != 0;
}

/* 1 if the dotted letters at norm [a, b) are part of a longer run of
 * initials: a letter standing alone with its full stop right after their
 * own full stop or right before their first letter (one space allowed):
 * "J.R." of "J.R.R. Tolkien" (report-adv45 O-59), "Т. Е." of "Т. Е. С.";
 * the letter in the same case ("J.P. o.k." is initials and okay: adv42
 * line 34).  Such a run is someone's three initials, not the subject's two. */
static int in_longer_run(const struct normtext *t, size_t a, size_t b)
{
    size_t e = b, l;
    int cp, n, up = redact_upper_at(t, a);

    if (e < t->normlen && t->norm[e] == '.')
        e++;
    if (e > a && t->norm[e - 1] == '.') {
        if (e < t->normlen && t->norm[e] == ' ')
            e++;
        if (e < t->normlen && (n = utf8_next(&cp, t->norm + e, t->normlen - e)) > 0 &&
            initial_letter(cp) && e + (size_t)n < t->normlen && t->norm[e + (size_t)n] == '.' &&
            redact_upper_at(t, e) == up)
            return !listed_group(t, e, group_end(t, e));
    }
    if (a > 0 && t->norm[a - 1] == ' ')
        a--;
    if (a < 2 || t->norm[a - 1] != '.')
        return 0;
    l = redact_cp_start(t->norm, a - 1);
    return utf8_next(&cp, t->norm + l, a - 1 - l) > 0 && initial_letter(cp) &&
           (l == 0 || !is_word_cp(redact_cp_before(t->norm, l))) && redact_upper_at(t, l) == up &&
           !listed_group(t, group_start(t, l), a - 1);
}

/* English articles: before dotted capitals they make them a thing's
 * abbreviation ("The A.C. was broken": air conditioning, report-adv45
 * O-62; "an I.D."), never how a person is called. */
static const char *const en_articles[] = { "the", "a", "an" };

int redact_initials_other(const struct normtext *t, size_t a, size_t b)
{
    size_t wa, wb, p = b < t->normlen && t->norm[b] == '.' ? b + 1 : b;
    int dash, shape = initials_shape(t, a, b, &dash), cp;

    /* Part of a longer run of initials, or Latin dotted capitals after an
     * article with no capitalised word after them: no initials of the
     * subject at all (brief s46 ini46). */
    if ((shape == INITIALS_DOTTED || memchr(t->norm + a, '.', b - a) != NULL) && in_longer_run(t, a, b))
        return 2;
    if (shape == INITIALS_DOTTED && redact_upper_at(t, a) && t->norm[a] >= 'a' && t->norm[a] <= 'z' &&
        redact_word_before(&wa, &wb, t, a) &&
        redact_word_is(t, wa, wb, en_articles, sizeof en_articles / sizeof en_articles[0], 0) &&
        !(redact_word_after(&wa, &wb, t, p) && redact_upper_at(t, wa)))
        return 2;
    if (shape == 0)
        return 0;
    if (sport_clause(t, a, b))
        return 1;
    /* "J.P. Morgan", "H.G. Wells": dotted capitals before a capitalised
     * word of three letters or more that is none of the commonest words
     * (a new sentence's "He", "Then"): another person's or a firm's
     * surname; the subject's own is replaced as the surname with its
     * initials (redact_extend.c) */
    if (shape != INITIALS_DOTTED || !redact_upper_at(t, a) || !redact_word_after(&wa, &wb, t, p) ||
        !redact_upper_at(t, wa) || utf8_next(&cp, t->norm + wa, wb - wa) <= 0 ||
        utf8proc_toupper(cp) == utf8proc_tolower(cp) || wb - wa < 3 ||
        common_word_key(t->norm + wa, wb - wa) || redact_is_verb_after(t, wa, wb))
        return 0;
    return 1;
}

/* ---- Initials before a form of the subject's own surname (brief s44
 * ini44) ---- */

/* Characters the two keys share at their start (utf8 characters). */
static size_t shared_start(const char *x, size_t xn, const char *y, size_t yn)
{
    size_t i = 0, chars = 0;
    int cx, cy, kx, ky;

    while (i < xn && i < yn && (kx = utf8_next(&cx, x + i, xn - i)) > 0 &&
           (ky = utf8_next(&cy, y + i, yn - i)) > 0 && kx == ky && cx == cy)
        i += (size_t)kx, chars++;
    return chars;
}

int redact_initials_own_surname(const struct redactor *r, size_t lit, const struct normtext *t,
                                size_t a, size_t b)
{
    size_t wa, wb, p = b < t->normlen && t->norm[b] == '.' ? b + 1 : b, chars = 0;
    long subject = r->terms[r->lits[lit].term].subject;
    int dash, cp, k;

    if (initials_shape(t, a, b, &dash) != INITIALS_DOTTED || !redact_upper_at(t, a) ||
        !redact_word_after(&wa, &wb, t, p) || !redact_upper_at(t, wa))
        return 0;
    for (size_t q = wa; q < wb && (k = utf8_next(&cp, t->norm + q, wb - q)) > 0; q += (size_t)k)
        chars++;
    if (chars < 5)
        return 0;
    for (size_t j = 0; j < r->nlits; j++) {
        const struct lit *l = &r->lits[j];
        if (!l->person || l->initials || r->terms[l->term].subject != subject)
            continue;
        if (shared_start(t->norm + wa, wb - wa, r->arena + r->keyoff[j], l->keylen) >= 5)
            return 1;
    }
    return 0;
}
