/* An Arabic or Persian given name or surname that is also an ordinary
 * word, read by the words around it (moved out of privacy/redact_sense.c
 * in session 47, brief s47 arab47, and widened; the rule is written in
 * docs/VARIANTS.md, "Session 47 (arab47)").  Asked by the verdict for a
 * registered literal (redact_sense_as_word, redact_sense_word) and by the
 * reader of Arabic-script words for a word whose stem (less a proclitic,
 * the article or the ezafe) reads as a name (privacy/redact_unread.c):
 * one rule for both, so لحسن الحظ is read as حسن الحظ is.
 *
 * The senses and set phrases: Hans Wehr, A Dictionary of Modern Written
 * Arabic (4th ed., 1979), roots ع م ر, ر ض و, ح س ن, ح د د, خ ط ب, ك ر م;
 * Persian: Dehkhoda's Loghatnameh.  Written by us from those entries: they
 * want a native reviewer.  Each rule asks for a word around the name that
 * only the noun or adjective takes; the word before or after alone never
 * decides (في عمر "about Omar", با رضا "with Reza", مع حسن "with Hassan"
 * stay the name). */
#include <stddef.h>
#include <string.h>

#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"

/* Reads the next letter of s[*i..n) with the spelling variants of Arabic
 * and Persian folded (ی and ى as ي, ک as ك, أ إ آ as ا, ة as ه), the
 * short vowel marks and the zero-width non-joiner skipped; 0 at the end. */
static int ar_next(const char *s, size_t n, size_t *i)
{
    int cp = 0, k;

    while (*i < n) {
        if ((k = utf8_next(&cp, s + *i, n - *i)) <= 0)
            return 0;
        *i += (size_t)k;
        if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x200C || cp == 0x0640)
            continue;
        switch (cp) {
        case 0x06CC: case 0x0649: return 0x064A;
        case 0x06A9: return 0x0643;
        case 0x0623: case 0x0625: case 0x0622: return 0x0627;
        case 0x0629: return 0x0647;
        default: return cp;
        }
    }
    return 0;
}

/* 1 if s[0..n) is the word w, folded (ar_next). */
static int ar_same(const char *s, size_t n, const char *w)
{
    size_t i = 0, j = 0, wn = strlen(w);
    int c, d;

    do {
        c = ar_next(s, n, &i), d = ar_next(w, wn, &j);
        if (c != d)
            return 0;
    } while (c != 0);
    return 1;
}

static int ar_in(const struct normtext *t, size_t a, size_t b, const char *const *tab)
{
    for (; *tab != NULL; tab++)
        if (ar_same(t->norm + a, b - a, *tab))
            return 1;
    return 0;
}

/* عمر before a number written as a definite word (في عمر العشرين, عمر
 * الخامسة: "the age of twenty"), and "life" before "of man" and Persian's
 * "my, his, your own" (عمر الإنسان, در عمر خودم; brief s45 scr45, s46
 * over46, report-adv44 O-10, adv45 O-44, O-46). */
static const char *const ar_tens[] = {
    "العشرين", "الثلاثين", "الأربعين", "الخمسين", "الستين", "السبعين",
    "الثمانين", "التسعين", "العاشرة", "الخامسة", "السادسة", "السابعة", "الثامنة",
    "التاسعة", "الحادية", "الثالثة", "الرابعة", "العشرينات", NULL,
};
static const char *const ar_life[] = { "الإنسان", "البشر", "خودم", "خودش", "خودت", NULL };

/* رضا "consent": رضا و رغبت, رضا ورغبة "consent and desire", بكل رضا
 * "with full consent" (report-adv44 O-40), and Persian رضا دادن "to
 * consent" in its forms (رضا دادم, رضا نداد, رضا می‌دهم: report-adv46 O-16). */
static const char *const fa_wish[] = { "رغبت", "رغبة", NULL };
static const char *const fa_wish_glued[] = { "ورغبت", "ورغبة", NULL };
static const char *const ar_full[] = { "بكل", "بكامل", NULL };
static const char *const fa_give[] = {
    "دادم", "دادی", "داد", "دادیم", "دادید", "دادند", "داده", "دادن", "ندادم", "نداد",
    "ندادند", "نداده", "بدهم", "بدهد", "بدهند", "بدهی", "دهم", "دهد", "میدهم", "میدهد",
    "نمیدهم", "نمیدهد", NULL,
};

/* حسن "goodness" (husn) before the nouns it makes set phrases with (حسن
 * الحظ "good luck", حسن النية / حسن نیت "good faith", حسن الخلق "good
 * character", حسن الظن, حسن السلوك, حسن الجوار, حسن المعاملة...:
 * report-adv45 O-38, O-43, O-47, O-48), "good" (hasan) in حسن و قبیح
 * "good and bad", the hadith grades حديث حسن, حسن صحيح (O-39, O-40), and
 * a predicate at a clause's end after كان and a definite noun (كان
 * الطعام حسن: adv46 O-17). */
static const char *const husn_of[] = {
    "الحظ", "حظ", "النية", "نية", "نيت", "الخلق", "خلق", "الظن", "ظن", "السلوك", "سلوك",
    "الجوار", "التصرف", "المعاملة", "الاستقبال", "الضيافة", "الخاتمة", "التدبير", "الأداء",
    "الإدارة", "الاستماع", NULL,
};
static const char *const hasan_pair[] = { "قبيح", "قبح", "صحيح", "وقبيح", "وقبح", NULL };
static const char *const hadith[] = { "حديث", "الحديث", NULL };
static const char *const ar_be[] = {
    "كان", "كانت", "يكون", "تكون", "أصبح", "أصبحت", "صار", "صارت", "بود", NULL,
};

/* حداد "mourning" (hidad) after في, "in", and the nouns of its time and
 * dress (في حداد, حالة حداد, أيام الحداد, ثياب حداد: report-adv45 O-49). */
static const char *const hidad_before[] = {
    "في", "حالة", "أيام", "فترة", "ثياب", "ملابس", "إعلان", "يوم", NULL,
};

/* خطيب "preacher" before the pulpit, the sermon or the mosque (صعد
 * الخطيب المنبر, خطيب الجمعة, خطيب المسجد: report-adv45 O-41). */
static const char *const khatib_of[] = {
    "المنبر", "منبر", "الخطبة", "خطبة", "خطبته", "المسجد", "الجامع", "الجمعة", NULL,
};

/* تهرانی "of Tehran" after the nouns of speech and cooking it qualifies
 * (لهجه‌ی تهرانی "a Tehran accent", غذای تهرانی: report-adv45 O-50). */
static const char *const tehrani_of[] = {
    "لهجه", "لهجهی", "لهجة", "گویش", "گویشی", "غذای", "غذاهای", "سبک", "سبکی", NULL,
};

/* كرم "generosity" (karam) after a verb of its root (أكرمونا بكرم كبير)
 * or before كبير, عظيم (report-adv45 O-45). */
static const char *const karam_after[] = { "كبير", "عظيم", "بالغ", "كبيرا", "عظيما", NULL };

/* رضا "satisfaction" before whose it is (رضا العملاء "customer
 * satisfaction", رضا الله "God's pleasure", الرضا عن النفس: Hans Wehr,
 * ر ض و; brief s48 arab48, report-adv47 O-2). */
static const char *const rida_of[] = {
    "العملاء", "العميل", "الزبائن", "الزبون", "المستهلك", "المستهلكين", "المواطنين",
    "الجمهور", "الموظفين", "العاملين", "المرضى", "الله", "الوالدين", "الناس", "النفس", NULL,
};

/* حداد "mourning" declared (أعلنت الحكومة الحداد ثلاثة أيام) or named by
 * its kind or length after it (الحداد الوطني, حداد لمدة: Hans Wehr,
 * ح د د; brief s48 arab48, report-adv47 O-4); not before أن, which makes
 * أعلن الحداد أن... "al-Haddad announced that". */
static const char *const hidad_declare[] = {
    "أعلن", "أعلنت", "يعلن", "تعلن", "أعلنوا", "إعلان", "نعلن", NULL,
};
static const char *const hidad_after[] = {
    "الوطني", "الرسمي", "العام", "لمدة", "ثلاثة", "ثلاث", "سبعة", "أيام", "يوما", "يومين", NULL,
};
static const char *const that_after[] = { "أن", "أنه", "أنها", "إن", "عن", "ان", NULL };

/* کرمی "cream-coloured" (Dehkhoda: کرمی, به رنگ کرم) beside رنگ
 * "colour" or after the things a colour is said of (پیراهن کرمی "a
 * cream shirt": brief s48 arab48, report-adv47 O-3); آقای کرمی stays the
 * name. */
static const char *const kermi_of[] = {
    "رنگ", "پیراهن", "کفش", "شلوار", "کت", "دامن", "مانتو", "روسری", "شال", "پرده",
    "دیوار", "فرش", "کاشی", "پالتو", "ژاکت", "کیف", "جوراب", "لباس", "پارچه", "مبل",
    "چادر", "کلاه", "بلوز", "کاپشن", NULL,
};

/* نوری "of light" (Dehkhoda) in سال نوری "light-year" after a count (چند
 * سال نوری, میلیون‌ها سال نوری, ۴ سال نوری: brief s48 arab48,
 * report-adv47 O-5; آن سال نوری آمد "that year Nouri came" stays the
 * name), and after the nouns of optics (فیبر نوری, آلودگی نوری). */
static const char *const nuri_count[] = {
    "چند", "میلیون", "میلیونها", "میلیارد", "میلیاردها", "هزار", "هزاران", "هزارها", "صد",
    "صدها", "ده", "دهها", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", NULL,
};
static const char *const nuri_of[] = { "فیبر", "آلودگی", "میکروسکوپ", "حسگر", "تار", NULL };
static const char *const years[] = { "سال", "سالهای", "سالها", NULL };

/* منير "shining, luminous" (Hans Wehr, ن و ر) as the predicate of a
 * definite noun of light (القمر منير, وجهه منير) or after an indefinite
 * one that ذو, ذا, له "having" makes a description (كان له وجه منير,
 * ذا وجه منير: brief s48 arab48, report-adv47 O-6); وجه منير alone is
 * "Munir's face" too and stays the name. */
static const char *const munir_def[] = {
    "القمر", "الوجه", "وجهه", "وجهها", "السراج", "المصباح", "النجم", "الكوكب", "النور",
    "الطريق", "المستقبل", NULL,
};
static const char *const munir_indef[] = {
    "وجه", "وجها", "قمر", "سراج", "سراجا", "مصباح", "كوكب", "نجم", "كتاب", "نور", NULL,
};
static const char *const having[] = { "له", "لها", "لهم", "ذو", "ذا", "ذي", "ذات", NULL };

/* Set phrases whose word is a registered name's (brief s50 arab50,
 * report-adv48 O-2..O-5): the word after سورة, سوره "sura" is the sura's
 * name (سورة يوسف, سورة مريم: the Qur'an's sura titles, as Tanzil's
 * metadata lists them; no person is named after "sura"); صبر جميل
 * "beautiful patience" (Qur'an 12:18, 12:83) at its clause's end or
 * with the ف glued before it, so that صبر جميل على... "Jamil bore..."
 * stays the name; عمل صالح "a good deed" (Qur'an 18:110 and passim)
 * after a demonstrative or a preposition (هذا عمل صالح, في عمل صالح), so
 * that عمل صالح في المصنع "Saleh worked in the factory" stays the name;
 * Persian نعمت خدا "God's blessing" and its synonyms (Dehkhoda: نعمت).
 * Hans Wehr, ص ب ر, ع م ل, ج م ل. */
static const char *const sura[] = { "سورة", "سوره", "بسورة", "وسورة", "لسورة", NULL };
static const char *const sabr[] = { "صبر", "فصبر", NULL };
static const char *const amal[] = { "عمل", NULL };
static const char *const amal_before[] = {
    "هذا", "هذه", "ذلك", "تلك", "هو", "كل", "أي", "من", "في", "إلى", "على", "بكل", NULL,
};
/* نجار "carpenter" (Hans Wehr, ن ج ر) as a trade: after a verb of work
 * (يعمل نجار, اشتغل نجارا) or a kinsman's noun that a verb "to be" comes
 * before (كان أبي نجار "my father was a carpenter": brief s50 arab50,
 * report-adv48 O-1); كان يوسف نجار "Yusuf Najjar was..." stays the name. */
static const char *const ar_work[] = {
    "يعمل", "يشتغل", "عمل", "اشتغل", "تعمل", "أعمل", NULL,
};
static const char *const ar_kin[] = {
    "أبي", "أبوه", "أبوها", "أبوك", "والدي", "والده", "والدها", "أخي", "أخوه", "أخوها",
    "جدي", "جده", "جدها", "عمي", "عمه", "خالي", "خاله", "ابني", "ابنه", "ابنها", "زوجها",
    "زوجي", "جارنا", "جاري", NULL,
};
static const char *const fa_god[] = { "خدا", "خداوند", "الهی", "الهي", "پروردگار", "حق", NULL };

/* 1 if the word at norm [a, b) (after its glued start ws) is a word of
 * one of the set phrases above. */
static int ar_set_phrase(const struct normtext *t, size_t ws, size_t a, size_t b)
{
    size_t pa, pb, wa, wb, xa, xb;
    int before = ws == a && redact_word_before(&pa, &pb, t, a), after = redact_word_after(&wa, &wb, t, b);

    if (before && ar_in(t, pa, pb, sura))
        return 1;
    if (ar_same(t->norm + a, b - a, "جميل") && before && ar_in(t, pa, pb, sabr))
        return !after || ar_same(t->norm + pa, pb - pa, "فصبر");
    if (ar_same(t->norm + a, b - a, "صالح") && before && ar_in(t, pa, pb, amal))
        return redact_word_before(&xa, &xb, t, pa) && ar_in(t, xa, xb, amal_before);
    if ((ar_same(t->norm + a, b - a, "نجار") || ar_same(t->norm + a, b - a, "نجارا")) && before)
        return ar_in(t, pa, pb, ar_work) ||
               (ar_in(t, pa, pb, ar_kin) && redact_word_before(&xa, &xb, t, pa) && ar_in(t, xa, xb, ar_be));
    if (ar_same(t->norm + a, b - a, "نعمت") && ws == a)
        return after && ar_in(t, wa, wb, fa_god);
    return 0;
}

/* The glued start of the word that norm byte a is inside of (a proclitic
 * or the article before a stem): [*ws, a). */
static void glued_start(const struct normtext *t, size_t a, size_t *ws)
{
    *ws = a;
    while (*ws > 0 && t->norm[*ws - 1] != ' ' && strchr(".,;:!?\"'()[]", t->norm[*ws - 1]) == NULL)
        (*ws)--;
}

/* 1 if norm [ws, a) ends with the article ال (بالرضا, الرضا, للرضا). */
static int with_article(const struct normtext *t, size_t ws, size_t a)
{
    return a - ws >= 4 && (memcmp(t->norm + a - 4, "\xd8\xa7\xd9\x84", 4) == 0 ||
                           memcmp(t->norm + a - 4, "\xd9\x84\xd9\x84", 4) == 0);
}

/* 1 if the word [a, b) begins with the letters of أكرم, يكرم or تكرم
 * (a verb of the root ك ر م). */
static int karam_verb(const struct normtext *t, size_t a, size_t b)
{
    static const char *const starts[] = { "اكرم", "يكرم", "تكرم", "نكرم" };
    for (size_t k = 0; k < sizeof starts / sizeof starts[0]; k++) {
        size_t i = a, j = 0, n = strlen(starts[k]);
        int d;
        while ((d = ar_next(starts[k], n, &j)) != 0 && ar_next(t->norm, b, &i) == d)
            ;
        if (d == 0)
            return 1;
    }
    return 0;
}

/* 1 if norm [a, b) is digits only (ASCII, Arabic-Indic or Persian). */
static int count_digits(const struct normtext *t, size_t a, size_t b)
{
    int cp = 0, k;

    if (a >= b)
        return 0;
    for (size_t i = a; i < b; i += (size_t)k) {
        if ((k = utf8_next(&cp, t->norm + i, b - i)) <= 0 ||
            !((cp >= '0' && cp <= '9') || (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9)))
            return 0;
    }
    return 1;
}

int redact_sense_ar_noun(const struct normtext *t, size_t a, size_t b)
{
    size_t wa, wb, xa, xb, pa, pb, ws;
    int after = redact_word_after(&wa, &wb, t, b), before;

    glued_start(t, a, &ws);
    before = ws == a && redact_word_before(&pa, &pb, t, a);
    if (ar_set_phrase(t, ws, a, b))
        return 1;
    if (ar_same(t->norm + a, b - a, "عمر"))
        return after && (ar_in(t, wa, wb, ar_tens) || ar_in(t, wa, wb, ar_life));
    if (ar_same(t->norm + a, b - a, "رضا")) {
        if (with_article(t, ws, a) || (before && ar_in(t, pa, pb, ar_full)))
            return 1;
        if (!after)
            return 0;
        if (ar_in(t, wa, wb, rida_of))
            return 1;
        if (ar_in(t, wa, wb, fa_wish_glued) || ar_in(t, wa, wb, fa_give))
            return 1;
        return ar_same(t->norm + wa, wb - wa, "و") && redact_word_after(&xa, &xb, t, wb) &&
               ar_in(t, xa, xb, fa_wish);
    }
    if (ar_same(t->norm + a, b - a, "حسن")) {
        if (after && (ar_in(t, wa, wb, husn_of) || ar_in(t, wa, wb, hasan_pair)))
            return 1;
        if (after && ar_same(t->norm + wa, wb - wa, "و") && redact_word_after(&xa, &xb, t, wb) &&
            ar_in(t, xa, xb, hasan_pair))
            return 1;
        if (before && ar_in(t, pa, pb, hadith))
            return 1;
        /* كان الطعام حسن: a definite noun after a verb "to be", and no word after */
        return before && !after && pb - pa > 4 && memcmp(t->norm + pa, "\xd8\xa7\xd9\x84", 4) == 0 &&
               redact_word_before(&xa, &xb, t, pa) && ar_in(t, xa, xb, ar_be);
    }
    if (ar_same(t->norm + a, b - a, "حداد") || ar_same(t->norm + a, b - a, "الحداد")) {
        int declared = 0;
        if (ws == a && ar_same(t->norm + a, b - a, "حداد") && before && ar_in(t, pa, pb, hidad_before))
            return 1;
        if (after && ar_in(t, wa, wb, hidad_after))
            return 1;
        if (redact_word_before(&xa, &xb, t, ws))
            declared = ar_in(t, xa, xb, hidad_declare) ||
                       (redact_word_before(&pa, &pb, t, xa) && ar_in(t, pa, pb, hidad_declare));
        return declared && !(after && ar_in(t, wa, wb, that_after));
    }
    if (ar_same(t->norm + a, b - a, "کرمی"))
        return (before && ar_in(t, pa, pb, kermi_of)) || (after && ar_same(t->norm + wa, wb - wa, "رنگ"));
    if (ar_same(t->norm + a, b - a, "نوری")) {
        if (!before)
            return 0;
        if (ar_in(t, pa, pb, nuri_of))
            return 1;
        return ar_in(t, pa, pb, years) && redact_word_before(&xa, &xb, t, pa) &&
               (ar_in(t, xa, xb, nuri_count) || count_digits(t, xa, xb));
    }
    if (ar_same(t->norm + a, b - a, "منير")) {
        if (!before)
            return 0;
        if (ar_in(t, pa, pb, munir_def))
            return 1;
        return ar_in(t, pa, pb, munir_indef) && redact_word_before(&xa, &xb, t, pa) &&
               ar_in(t, xa, xb, having);
    }
    /* الله alone is God (إن شاء الله, بسم الله, والله, الحمد لله), never a
     * man named عبد الله, who is his name after عبد (brief s48 arab48,
     * report-adv47 O-7) */
    if (ar_same(t->norm + a, b - a, "الله"))
        return !(ws == a && before && ar_same(t->norm + pa, pb - pa, "عبد"));
    if (ar_same(t->norm + a, b - a, "خطيب") || ar_same(t->norm + a, b - a, "الخطيب"))
        return after && ar_in(t, wa, wb, khatib_of);
    if (ar_same(t->norm + a, b - a, "تهراني"))
        return before && ar_in(t, pa, pb, tehrani_of);
    if (ar_same(t->norm + a, b - a, "كرم"))
        return (after && ar_in(t, wa, wb, karam_after)) || (redact_word_before(&pa, &pb, t, ws) && karam_verb(t, pa, pb));
    return 0;
}
