/* The pattern detectors' insides, shared by privacy/detect*.c and nothing
 * else: small text tests over the norm view (normalise.h: lower case,
 * ASCII digits, every dash '-', every apostrophe '\'', white space one
 * ' ') and the scanners each file provides.  The public API is detect.h.
 *
 * A scanner looks at the norm text s[0..len) from at (a position after a
 * non-word character) and returns where its detection ends, or 0; it
 * sets *start when the detection does not begin at at.  Offsets are
 * bytes.  The files: detect.c (the walk over the text), detect_words.c
 * (context words), detect_phone.c (+ phone_plans.c), detect_id.c,
 * detect_date.c, detect_geo.c, detect_net.c, detect_device.c (IMEI, MAC),
 * detect_digits.c (digits of any script), detect_grid.c (UTM, MGRS),
 * detect_bank.c (IBAN, payment cards),
 * detect_alt.c (numbers written other ways). */
#ifndef INTAKE_DETECT_INT_H
#define INTAKE_DETECT_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "privacy/normalise.h"
#include "util/err.h"

/* A scanner: see above; *kind comes preset with the scanner's usual kind
 * (enum detect_kind) and may be changed. */
typedef size_t (*detect_scanner)(const char *s, size_t len, size_t at, size_t *start,
                                 int *kind);

static inline int det_digit(char c) { return c >= '0' && c <= '9'; }
static inline int det_alpha(char c) { return c >= 'a' && c <= 'z'; }
static inline int det_alnum(char c) { return det_digit(c) || det_alpha(c); }

/* A word character for the detectors: ASCII letters and digits only.  A
 * non-ASCII letter next to a number is a boundary: Korean attaches
 * particles and the copula straight to numbers ("010-2000-4928입니다"). */
static inline int det_wordc(char c) { return det_alnum(c); }

/* The number of ASCII digits from at. */
static inline size_t det_digits(const char *s, size_t len, size_t at)
{
    size_t n = 0;

    while (at + n < len && det_digit(s[at + n]))
        n++;
    return n;
}

/* The value of the n digits at s (n <= 9). */
static inline unsigned det_value(const char *s, size_t n)
{
    unsigned v = 0;

    while (n-- > 0)
        v = v * 10 + (unsigned)(*s++ - '0');
    return v;
}

/* 1 if w is at s[at]. */
static inline int det_starts(const char *s, size_t len, size_t at, const char *w)
{
    size_t n;

    /* The first byte first: asked at most positions of the text, with
     * most tables' words (no strlen and memcmp for each). */
    if (w[0] == '\0')
        return at <= len;
    if (at >= len || s[at] != w[0])
        return 0;
    /* And the second: Cyrillic and Hangul words share their first. */
    if (w[1] == '\0')
        return 1;
    if (at + 1 >= len || s[at + 1] != w[1])
        return 0;
    n = strlen(w);
    return at + n <= len && memcmp(s + at, w, n) == 0;
}

/* 1 if s[end] is no ASCII word character (or the end). */
static inline int det_ends_word(const char *s, size_t len, size_t end)
{
    return end >= len || !det_wordc(s[end]);
}

/* 1 if no ASCII digit is at s[end] (or the end): a letter glued after an
 * IP address or a phone number does not make it part of a word
 * ("10.0.0.1x", "010.1234.5678x"; docs/VARIANTS.md). */
static inline int det_ends_number(const char *s, size_t len, size_t end)
{
    return end >= len || !det_digit(s[end]);
}

/* The code point starting at s[at] (-1 at the end or on a bad byte) and
 * its length in *n. */
static inline int det_cp_at(const char *s, size_t len, size_t at, size_t *n)
{
    int cp, k;

    if (at >= len || (k = utf8_decode(&cp, s + at, len - at)) <= 0)
        return *n = 0, -1;
    *n = (size_t)k;
    return cp;
}

/* The code point ending just before s[at], -1 at the start; *n its length. */
static inline int det_cp_before(const char *s, size_t at, size_t *n)
{
    size_t i = at;

    if (at == 0)
        return *n = 0, -1;
    i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80 && at - i < 4)
        i--;
    return det_cp_at(s, at, i, n);
}

/* 1 if a letter or digit of any script ends just before at / starts at at. */
static inline int det_letter_before(const char *s, size_t at)
{
    size_t n;
    int cp = det_cp_before(s, at, &n);

    return cp >= 0 && is_word_cp(cp);
}

static inline int det_letter_at(const char *s, size_t len, size_t at)
{
    size_t n;
    int cp = det_cp_at(s, len, at, &n);

    return cp >= 0 && is_word_cp(cp);
}

/* A valid month (1-12) and day (1-31) in mm, dd. */
static inline int det_month_day(unsigned mm, unsigned dd)
{
    return mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31;
}

/* YYMMDD at s[at] (6 digits): a valid month and day. */
static inline int det_yymmdd(const char *s, size_t at)
{
    return det_month_day(det_value(s + at + 2, 2), det_value(s + at + 4, 2));
}

/* How a word of a list must stand in the text. */
enum det_fit {
    FIT_WORD,       /* a whole word: no letter before or after */
    FIT_PREFIX,     /* starts a word; anything may follow (Korean endings, inflections) */
    FIT_ANY,        /* anywhere: Chinese writes no spaces between words ("他生于") */
};

/* A word of a list; DW("born", FIT_WORD) writes one. */
struct det_word {
    const char *w;
    size_t n;                   /* its length in bytes */
    enum det_fit fit;
};
#define DW(word, fit) { word, sizeof(word) - 1, fit }

/* detect_words.c: 1 if w (fitting as fit) is at s[at]. */
int det_word_at(const char *s, size_t len, size_t at, const char *w, enum det_fit fit);

/* detect_words.c: 1 if a word of list[0..n) starts in s[from..to)
 * (from, to clamped to the text and moved to character starts). */
int det_word_near(const char *s, size_t len, size_t from, size_t to,
                  const struct det_word *list, size_t n);

/* detect_words.c: for labels in front of a value ("passport no.
 * 745123456"): skips the separators in skip back from end and returns
 * the end of the word (letters and digits of any script) that ends there,
 * with its start in *wstart; 0 if there is none. */
size_t det_word_ending(const char *s, size_t end, const char *skip, size_t *wstart);

/* detect_words.c: 1 if a French birth phrase ("né le ", "née en ", "né à
 * ": norm view, no marks) ends right at at (the date's start). */
int det_born_right_before(const char *s, size_t at);

/* detect_copula.c: 1 if the word w[0..n) (norm view, bytes) is a
 * copula of the one table (is, was, это, был, це, болатын, байсан...):
 * between a label and its value (detect_label.c), between a card's
 * digits and its word (detect_tail.c).  No memory is kept. */
int det_copula(const char *w, size_t n);

/* 1 if the n ASCII digits d[0..n) pass the Luhn check (ISO/IEC 7812-1
 * annex B: cards, ICCIDs, IMEIs), 0 if not; d need not end in a NUL.
 * detect_bank.c. */
int det_luhn(const char *d, size_t n);

/* detect_words.c: 1 if the word w[0..wlen) is a word of list[0..n) (or,
 * FIT_PREFIX, starts with one). */
int det_in_list(const struct det_word *list, size_t n, const char *w, size_t wlen);

/* detect_phone.c: compiles the numbering plans' patterns once; 0, or -1
 * with e filled (out of memory in regcomp). */
int detect_phone_ready(struct err *e);

/* detect_digits.c: the Sino-Korean digit syllable at s[at] (공 영 일 이 삼
 * 사 오 육 륙 칠 팔 구) as its value 0-9, or -1. */
int det_sino_digit(const char *s, size_t len, size_t at);

/* detect_digits.c: the number of Sino-Korean digit syllables from at. */
size_t det_sino_run(const char *s, size_t len, size_t at);

/* detect_digits.c: the digit at s[at] in any script (ASCII, any Unicode
 * decimal digit, and when sino_ok a Sino-Korean digit syllable): its
 * length in bytes with its value in *v, or 0. */
size_t det_digit_at(const char *s, size_t len, size_t at, int *v, int sino_ok);

/* detect_digits.c: the value of a Han numeral digit cp (〇 零 一 二 两
 * 三 四 五 六 七 八 九), or -1. */
int det_han_digit(int cp);

/* detect_digits.c: 1 if a spelt numeral (a Sino-Korean digit or unit
 * 십 백 천, a Han digit or unit 十 百 千) starts at s[at]. */
int det_numeral_start(const char *s, size_t len, size_t at);

/* detect_digits.c: the number spelt at s[at] in Sino-Korean syllables or
 * Han numerals, digit by digit ("일구팔오", "一九八五": 1985) or with
 * units ("천구백팔십오", "十五"); its value, its end in *end (at if
 * none) and its count of digits in *ndigits (0 if none). */
unsigned det_numeral(const char *s, size_t len, size_t at, size_t *end, size_t *ndigits);

/* detect_spoken.c: what detect_spoken hands the digits of a spoken
 * number to: 1 if a detection of buf[0..n) (the text around the run with
 * the digits in its place) covers the digits [a, b), its kind in *kind. */
typedef int (*detect_digits_fn)(void *ctx, const char *buf, size_t n, size_t a, size_t b,
                                int *kind);

/* detect_spoken.c: 1 if the word at s[at] is a number word (the table of
 * detect_spoken.c: English, Mongolian, Russian, Sino-Korean). */
int detect_spoken_word(const char *s, size_t len, size_t at);

/* detect_spoken.c: the end of a run of two number words or more at at
 * ("nineteen eighty-five"), its digits in d[0..*n) (at most cap); 0 if
 * there is none or it has more digits than cap. */
size_t detect_spoken_digits(const char *s, size_t len, size_t at, char *d, size_t cap, size_t *n);

/* detect_spoken.c: the spoken reading of the number at s[at] for the
 * term matcher (redact_spoken.c): a run of number words of one word or
 * more ("eight eight one two", "오오일이", "다섯다섯하나둘", a dash said
 * left out) or of Han digits ("五五一二"); its end, its digits (ASCII)
 * in d[0..*n) (at most cap); 0 if there is none, it has fewer than two
 * digits, a word of the wider net (WEAK_RUN) or a decimal point. */
size_t detect_spoken_reading(const char *s, size_t len, size_t at, char *d, size_t cap, size_t *n);

/* detect_spoken.c: detect_spoken_reading with a run holding a word of
 * the wider net read from weak_min digits (detect_spoken_reading: WEAK_RUN,
 * 7); redact_spoken.c reads a registered number of four to six digits so
 * ("wu ling san yi", "odin dva tri chetyre") and keeps the reading only
 * where it is the whole term. */
size_t detect_spoken_reading_min(const char *s, size_t len, size_t at, char *d, size_t cap, size_t *n,
                                 size_t weak_min);

/* detect_spoken.c: detect_spoken_reading and, where that gives 0,
 * detect_spoken_reading_min(weak_min2), in one reading of the words
 * (redact_spoken.c and redact_idparts.c asked both at every word start,
 * and each read the run again: 3% of the redactor's time).  The end,
 * the digits and *n as those two calls in that order leave them;
 * *second 1 when the end is the second's. */
size_t detect_spoken_reading_two(const char *s, size_t len, size_t at, char *d, size_t cap, size_t *n,
                                 size_t weak_min2, int *second);
/* detect_spoken.c, for detect_spoken_addr.c (the table's readers, so the
 * address reader need not see spoken[]): detect_spoken_word_end, the end
 * (bytes) of the word at at (letters of any script), or at;
 * detect_spoken_separators, the end of the separators between two number
 * words at at (spaces, commas, hyphens, a pause), or at;
 * detect_spoken_value, 1 and the value in *v if s[a, b) is a digit, teen
 * or tens word of spoken[] (tens as 10 times), else 0; detect_spoken_plain,
 * the end of a run of number words of one word or more at at and its
 * digits in d[0..*n) (at most cap), or at (*n untouched) if there is none
 * or it holds a word of the wider net, a point, a comma or a dash said.
 * No memory is kept. */
size_t detect_spoken_word_end(const char *s, size_t len, size_t at);
size_t detect_spoken_separators(const char *s, size_t len, size_t at);
int detect_spoken_value(const char *s, size_t a, size_t b, unsigned *v);
size_t detect_spoken_plain(const char *s, size_t len, size_t at, char *d, size_t cap, size_t *n);

/* detect_spoken_addr.c: a number said in words at s[at] as an address's
 * parts say it, of one word or more ("five", "thirty-four", "дом пять",
 * "дөчин хоёр"), an ordinal ("third", "twenty-first", "тавдугаар": *ordinal
 * 1 English, 2 Mongolian; 0 a cardinal) or Sino-Korean digits whole or
 * glued before a unit ("공육이삼사", "일공일동", "천이백삼호"); its end
 * (bytes; before a glued unit), its digits (ASCII) in d[0..*n) (at most
 * cap); 0 if there is none, or it holds a word of the wider net (WEAK_RUN),
 * a point or a dash said (report-adv21 A-3; brief s22 addr22). */
size_t detect_spoken_number(const char *s, size_t len, size_t at, char *d, size_t cap, size_t *n,
                            int *ordinal);

/* detect_years.c: 1 if a day of the month in English words ("fifteenth",
 * "twenty-first") starts at at; the walk keeps such words for the date
 * scanner. */
int detect_day_word(const char *s, size_t len, size_t at);

/* detect_years.c: the end of a day of the month in English words at at
 * ("fourteenth", "twenty-first"), its value in *v; 0 if none, or if a
 * letter comes right before at. */
size_t detect_day_word_end(const char *s, size_t len, size_t at, unsigned *v);

/* detect_years.c: detect_day_word_end without looking before at
 * ("fifteenth", "twenty first", "thirtieth", "thirty-first"). */
size_t det_day_ordinal_at(const char *s, size_t len, size_t at, unsigned *v);

/* detect_spoken.c: 1 if a number written in parts may start at at: a
 * code letter (ASCII alone, or a Korean letter name: 엠) before a
 * separator or digits, or three digits or more before a separator the
 * phone scanner does not read ("M·1", "9911.2345", "010, then"). */
int detect_parts_start(const char *s, size_t len, size_t at);

/* detect_spoken.c: the Korean name of a Latin letter at s[at] before
 * Sino-Korean digits ("엠일이삼", "엠 일이삼"): its length in bytes, the
 * letter (lower case) in *c; 0 if none. */
size_t detect_ko_letter(const char *s, size_t len, size_t at, char *c);

/* detect_spoken.c: 1 if a dash said ("dash", "тире", "다시", "slash":
 * the DASH words of spoken[]) is the word at s[at]. */
int detect_dash_word(const char *s, size_t len, size_t at);

/* detect_phone.c: whether the digits d (NUL-terminated, ASCII) are a
 * valid number of a numbering plan written nationally (phone_plans.c): 2
 * after the plan's trunk prefix (any type), 1 a mobile number without
 * it, 0 none. */
int detect_plan_number(const char *d);

/* detect_loose.c: a phone number whose groups are joined by any words
 * or punctuation inside one sentence ("010, 1234, 5678", "010 (dash)
 * 1234 (dash) 5678", "010, then 1234, and the last four are 5678"): the
 * end of its last group, or 0.  Needs detect_phone_ready(). */
size_t detect_scan_phone_loose(const char *s, size_t len, size_t at, size_t *start, int *kind);

/* detect_spoken.c: 1 if groups of digits at at are followed by a number
 * word ("010 1234 five six seven eight"): a run of words may start there. */
int detect_mixed_start(const char *s, size_t len, size_t at);
/* The end of a pause between two number words at at (an ellipsis, a
 * filler word "uh", "음", "аан", a "(pause)" note, with the spaces and
 * commas around it: detect_pause.c), or at if there is none.  Bytes of
 * norm text. */
size_t det_pause(const char *s, size_t len, size_t at);

/* detect_money.c: 1 if the number s[at, end) is a sum of money: a
 * currency word or sign right after it ("tugrik", "төгрөг", "원", "₮") or
 * a sign or code right before it ("$", "₩", "USD"). */
int det_money_around(const char *s, size_t len, size_t at, size_t end);
/* detect_money.c: 1 if a unit of time follows the number ending at end
 * (bytes, norm view), glued or after one space: a year, month, week or
 * day word of English, Russian, Ukrainian, Mongolian, Kazakh ("2023
 * году", "2024 оны", "3 сард", "6 months") or Korean glued ("2023년",
 * "3개월"), or det_year_word_after's: the number is a year, a date's
 * part or a count, no part of an account's digits. */
int det_time_unit_after(const char *s, size_t len, size_t end);
/* detect_address_cue.c: 1 if the word w[0..n) (bytes, norm view) says
 * the number beside it is a count or a time, no address's or card's
 * ("people", "times", "лет", "раз", "человек", "адам", "명": its table
 * counts[], the one list). */
int det_count_word(const char *w, size_t n);
/* detect_money.c: 1 if a word saying a sum follows ("price", "paid",
 * "total", "цена", "үнэ", "가격"...) stands in the 32 bytes before at, in
 * its sentence (report-adv27a O-5). */
int det_amount_before(const char *s, size_t len, size_t at);

/* detect_money.c: 1 if a number starting at at with a first group of
 * first_digits digits and separator sep inside it continues an amount
 * written in groups of three before it ("1 200 000": at "200"). */
int det_inside_amount(const char *s, size_t at, size_t first_digits, char sep);

/* detect_spoken.c: the end of a run of number words at at, or of a
 * number written in parts (detect_parts_start), whose digits
 * scan finds a detection in ("zero one zero, one two three four..."),
 * with its kind in *kind; 0 if none. */
size_t detect_spoken(const char *s, size_t len, size_t at, int *kind,
                     detect_digits_fn scan, void *ctx);

/* detect_years.c: the end of a year 1900-2099 said in words with its
 * hundreds or thousands at at ("two thousand and five", "тысяча
 * девятьсот семьдесят пятого", "мянга есөн зуун далан таван"), its value
 * in *v; 0 if none. */
size_t det_year_words(const char *s, size_t len, size_t at, unsigned *v);

/* detect_years.c (brief s26 num26): the end of a two-digit year said
 * as a Russian ordinal at at ("восемьдесят седьмого": 87 in *v), 10-99;
 * 0 if none.  Callers want a year word after it (date_gaps.c). */
size_t det_short_year_words(const char *s, size_t len, size_t at, unsigned *v);
/* date_gaps.c (brief s26 num26): the end of the gap between two parts
 * of a date at i: one space, or a mark (ASCII '-' or '/' with a space on each
 * side, or a split mark of split_marks.c: "15 · апреля · 1989", "15 —
 * April — 1989", "15·IV·1989") with or without a space on each side;
 * i if none.  Pure. */
size_t det_date_gap(const char *s, size_t len, size_t i);
/* date_gaps.c: a month's name that detect_date.c's English, Russian and
 * European tables lack, as a whole word at at: Ukrainian genitives
 * ("квітня"), Russian and Ukrainian abbreviations with or without their
 * full stop ("апр.", "сент", "квіт."); its length in bytes in *n, 1 if
 * one.  Hand table (native reviewer wanted). */
int det_month_other(const char *s, size_t len, size_t at, size_t *n);
/* date_gaps.c: the end of a year word after a two-digit year at i
 * (" года", " году", " г.", " року", " р."), or 0. */
size_t det_year_word_after(const char *s, size_t len, size_t i);
/* detect_years.c (brief s41 num41): the end of a two-digit year 20-99
 * said as a cardinal in Cyrillic at at (Mongolian "наян долоон", "ерэн":
 * numbers[]), its value in *v; *glued 1 when the locative -д is glued to
 * its last word ("наян долоонд", "ерэнд"; the span takes it); 0 if none.
 * Callers want a year noun or a birth word beside it (detect_birth.c). */
size_t det_mn_short_year(const char *s, size_t len, size_t at, unsigned *v, int *glued);
/* detect_birth.c (brief s41 num41): 1 if a year said as a cardinal that a
 * birth word governs starts at at ("born in eighty-seven", "наян долоон
 * онд төрсөн") or one after a year-of-birth label (detect_birth_label.c:
 * "Төрсөн он: наян долоон"); the walk asks before it passes over the word. */
int detect_said_birth_year_start(const char *s, size_t len, size_t at);

/* detect_birth_label.c: past a year noun after a year ending at e
 * (" года", " року", " рік", " он", " оны", " онд": det_year_nouns, the
 * one list of them, det_year_nouns_n entries), or e itself; bytes of the
 * norm view. */
extern const struct det_word det_year_nouns[];
extern const size_t det_year_nouns_n;
size_t det_year_noun_end(const char *s, size_t len, size_t e);

/* detect_birth_label.c (brief s51 birth51): 1 if a "year of birth"
 * label (год рождения, ДР, year of birth, төрсөн он, 出生年份, 生年 ...)
 * ends right before at, through a colon, dash or space; bytes of the
 * norm view; no memory kept. */
int detect_birth_label_before(const char *s, size_t len, size_t at);

/* detect_birth_label.c: the end (bytes) of a year at at written in words,
 * Han digits or two digits right after such a label ("Год рождения —
 * восемьдесят седьмой", "Year of birth: eighty-seven", "出生年份：一九八七"),
 * the clause ending after it or its year noun; 0 if none. */
size_t detect_birth_label_year(const char *s, size_t len, size_t at);

/* detect_birth.c: 1 if a year of a Japanese era starts at s[at] ("昭和元年",
 * "平成3年": era_year), so that the walk asks the birth scan there. */
int detect_era_year_start(const char *s, size_t len, size_t at);
/* detect_years.c: the end of a Russian ordinal day 1-31 at at
 * ("четырнадцатого", "двадцать первого"), its value in *v; 0 if none. */
size_t det_day_words(const char *s, size_t len, size_t at, unsigned *v);

/* detect_years.c: 1 if a year or a day in words (det_year_words,
 * det_day_words) starts at at; English is tested only before "hundred"
 * or "thousand" (the walk asks at every word). */
int detect_number_words_start(const char *s, size_t len, size_t at);

/* detect_code.c: the digit an ASCII letter typed for one stands for (O o
 * 0, I i l 1, Z z 2, S s 5, G g 6, T t 7, B b 8; norm view, lower case),
 * or -1. */
int det_lookalike_digit(char c);

/* detect_code.c: the end of a code at at whose digits are written in
 * several ways ("010-four8two1-7395", "MT654321", "M일이삼사오육칠팔"),
 * its reading (digits, separators, a code's letters) in out[0..*n) (at
 * most cap bytes); 0 if none. */
size_t det_read_code(const char *s, size_t len, size_t at, char *out, size_t cap, size_t *n);

/* detect_alt.c: 1 if a number written another way may start at at (a
 * digit, or a letter: a code's or one typed for a digit). */
int detect_alt_start(const char *s, size_t len, size_t at);

/* detect_alt.c: the end of a number written another way at at (letters
 * for digits "O1O-SSS5-1234", digits spaced one by one "1 9 7 5 0 3 1
 * 4") whose reading scan finds a detection in, its kind in *kind; 0 if
 * none. */
size_t detect_alt(const char *s, size_t len, size_t at, int *kind, detect_digits_fn scan, void *ctx);
/* split_marks.c (brief s25 num25): 1 if a split mark starts at s[at] /
 * ends just before s[at]: a code point outside ASCII of Unicode category
 * Pi Pf Ps Pe Po (quotes, brackets, 、 ・ …) or U+22EF, less the marks
 * that end a sentence or are written in a number; its length in bytes in
 * *n.  Pure; no memory. */
int det_split_mark(const char *s, size_t len, size_t at, size_t *n);
int det_split_mark_before(const char *s, size_t at, size_t *n);
/* split_marks.c: the bytes of an ASCII ellipsis at s[at] (two dots or
 * more: "..", "..."), 0 if none. */
size_t det_dots(const char *s, size_t len, size_t at);
/* split_marks.c: det_word_ending past the bytes of skip and split marks
 * too ("passport “m” “482”"): the word's end, its start in *wstart; 0 if
 * no word ends there. */
size_t det_word_ending_marks(const char *s, size_t end, const char *skip, size_t *wstart);
/* joiners.c (brief s26 num26): the end of a word or phrase that joins
 * the parts of a number said in pieces at at ("а также", "그리고",
 * "kemudian": a hand table per language), at if none.  Pure. */
size_t det_joiner_at(const char *s, size_t len, size_t at);
/* detect_particle.c (brief s26 num26): 1 if a mask for hidden digits
 * ends right before at, or one space before it ("…5566", "***5566",
 * "·5566", "xxxx 5566", ".. 5566"): a run of '*' '#', two 'x' or dots
 * or more, or a split mark.  Pure. */
int det_mask_before(const char *s, size_t at);
/* detect_particle.c (brief s26 num26): 1 if a letter or digit that
 * continues a word starts at s[at]: a word character of any script but
 * Hangul (a Korean particle glued to a number or code ends it: "...로").
 * Pure; no memory. */
int det_word_glued(const char *s, size_t len, size_t at);
/* split_marks.c: 1 if s[a..b) holds ',' ';' '"', an ellipsis or a split
 * mark. */
int det_split_between(const char *s, size_t a, size_t b);
/* detect_split.c: 1 if a number split into groups may start at at (a
 * digit not glued to a word). */
int detect_split_start(const char *s, size_t len, size_t at);
/* detect_split.c: the end of a number whose groups are split by ", ",
 * ";", " : ", quotes, ". " or one word ("Phone 555, 123, 4567", "Passport
 * A, 123, 4567"), read back into one token that scan (the walk) finds a
 * detection covering; its start in *start (before at when a code's
 * letters go with it), the detection's kind in *kind; 0 if none.  Bytes
 * of the norm view; no memory is held. */
size_t detect_split(const char *s, size_t len, size_t at, size_t *start, int *kind, detect_digits_fn scan,
                    void *ctx);

/* The scanners (detect_scanner), by file. */
size_t detect_scan_phone(const char *s, size_t len, size_t at, size_t *start, int *kind);
size_t detect_scan_id(const char *s, size_t len, size_t at, size_t *start, int *kind);
/* detect_id.c: a Korean resident registration number written in another
 * script's digits (Han "七五〇三一四-一二三四五六七", Sino-Korean
 * syllables, fullwidth): read into ASCII and given to the RRN rule, whole
 * (report-adv19b B-21). */
size_t detect_scan_rrn_spelt(const char *s, size_t len, size_t at, size_t *start, int *kind);
/* detect_natid.c: a national ID number of a sending country of migrant
 * workers (Vietnam, Nepal, Pakistan, Bangladesh, Sri Lanka, Indonesia,
 * the Philippines) or a driving licence, after its label or in a shape of
 * its own; the whole number. */
size_t detect_scan_natid(const char *s, size_t len, size_t at, size_t *start, int *kind);
/* detect_label_doc.c: the papers of North Korean workers abroad and of
 * refugees (North Korean spellings 려권 공민증 로동자등록, permits,
 * seafarer's books, staff, badge, inmate and UNHCR numbers).
 * detect_doc_label: 1 if the word w[0, n) (norm view, bytes) is one of
 * their labels by itself.  detect_doc_label_at: the same for the word
 * s[a, we) with k qualifiers between it and the value, for the nouns
 * that label a number only through a qualifier or a colon ("Worker no.",
 * "case number") and for "seaman's book".  detect_doc_between: the end
 * of a label standing before end with the issuing state or a short
 * parenthesis between ("паспорт КНДР", "passport of the DPRK:",
 * "여권(공화국)"), or 0.  detect_scan_unhcr: a UNHCR file number of the
 * old form ("354-15C12345"), alone.  No memory, no errors. */
int detect_doc_label(const char *w, size_t n);
/* detect_id_value.c: 1 if s[at] is a Hangul consonant glued to a digit, the
 * series letter of a DPRK citizen's card ("ㄱ123456": report-adv52 L-27):
 * compatibility jamo U+3131..U+314E, or the leading consonants
 * U+1100..U+1112 that NFKC makes of them (Unicode's decomposition
 * table).  Bytes. */
int detect_series_jamo(const char *s, size_t len, size_t at);
/* detect_id_value.c: the end of an ID value starting at norm byte at of
 * s (len bytes): letters and digits of any script (Sino-Korean syllables
 * too), in groups joined by up to three of " -._/", "№", "номер" or the
 * spoken dash 다시, a DPRK series consonant first (detect_series_jamo), a
 * copula 이 last left out; minchars to 20 characters holding at least
 * mindigits digits; 0 if none.  Bytes; no memory, no errors. */
size_t detect_id_value_digits(const char *s, size_t len, size_t at, size_t minchars, size_t mindigits);
int detect_doc_label_at(const char *s, size_t a, size_t we, size_t k);
size_t detect_doc_between(const char *s, size_t end);
size_t detect_scan_unhcr(const char *s, size_t len, size_t at, size_t *start, int *kind);
/* detect_national_id.c: a national ID number of China (resident ID),
 * Japan (My Number), Ukraine (РНОКПП, ID card, УНЗР) or a UK National
 * Insurance number, read across spaces and dashes, alone in a shape with
 * a check of its own or after its label; the whole number (*start moved
 * back to a NINO's letters). */
size_t detect_scan_national_id(const char *s, size_t len, size_t at, size_t *start, int *kind);
/* detect_natid.c: 1 if the word w[0..n) of the norm view is one of those
 * national ID labels (CCCD, CNIC, NIC, NIK, licence, 면허...). */
int detect_natid_label(const char *w, size_t n);
size_t detect_scan_device(const char *s, size_t len, size_t at, size_t *start, int *kind);
size_t detect_scan_register(const char *s, size_t len, size_t at, size_t *start, int *kind);
/* detect_id.c: the end of a Mongolian register number's two letters
 * written in Latin at at (norm view), each one letter or a digraph of the
 * romanisation ("ub", "chd", "shts": report-adv19b B-3); at if the run of
 * letters there is no such pair. */
size_t detect_register_latin(const char *s, size_t len, size_t at);
size_t detect_scan_labelled(const char *s, size_t len, size_t at, size_t *start, int *kind);
/* detect_plate.c: a vehicle's registration plate, after a plate label or
 * in a national shape (Mongolian, Korean); *start moved back to the
 * letters of a code before its digits ("plate УНА 5678"). */
/* detect_net.c: 1 if a version word stands right before at ("Version
 * 1.2.3.4", "v1.2.3.4", "버전 10.1234.5678"): numbers there are a
 * version, not an address or a phone. */
int detect_after_version_word(const char *s, size_t at);
size_t detect_scan_plate(const char *s, size_t len, size_t at, size_t *start, int *kind);
/* detect_plate.c: 1 if a plate label ("plate", "차량", "улсын дугаар":
 * the lists of detect_plate.c) ends before at (bytes, norm view),
 * through spaces, ':' '#' '.'. */
int detect_plate_label(const char *s, size_t at);
/* detect_plate.c: the end of a Korean plate said in Sino-Korean numerals
 * at at ("십이가 삼사오육": 12가 3456; the number 10-999, a series
 * syllable glued to it, four digits), or 0. */
size_t detect_kr_spoken_plate(const char *s, size_t len, size_t at);
/* detect_label.c: an ID value of 7 characters or more glued after an ID
 * label ("passport745123456", "ID110105197503141234"). */
size_t detect_scan_glued_id(const char *s, size_t len, size_t at, size_t *start, int *kind);
/* detect_label.c: 1 if the word w[0..n) of the norm view s is an account
 * label (account, iban, 계좌, данс, a bank's name, a/c, card...: the one
 * list of detect_label.c), as a JSON key or a CSV column header is read
 * (detect_column.c). */
int detect_account_label(const char *s, const char *w, size_t n);
/* detect_label.c: 1 if the word w[0..n) of the norm view is an ID label
 * (passport, id, регистр, 주민등록, a national ID's: the list of
 * detect_label.c), as a column header is read (detect_column.c). */
int detect_id_label(const char *w, size_t n);
/* detect_phone.c: 1 if the word w[0..n) of the norm view is a phone word
 * (phone, tel, utas, утас, 전화...: the list of detect_phone.c). */
int detect_phone_word(const char *w, size_t n);
/* detect_sim.c: an IMSI, an ICCID, a MAC without separators, a UUID (an
 * advertising ID) or a device's serial number after its label; kind id. */
size_t detect_scan_sim(const char *s, size_t len, size_t at, size_t *start, int *kind);
/* detect_wallet.c: a crypto wallet address (Bitcoin, TRON, Ethereum);
 * kind account. */
size_t detect_scan_wallet(const char *s, size_t len, size_t at, size_t *start, int *kind);
/* detect_plate2.c: a vehicle plate of a national shape that
 * detect_scan_plate's own do not read ("12가3456이다", "서울12가3456",
 * "1234-УНА", "京A12345", "А123ВС77"): its end with its start in *start
 * (set only when it lies before at), or 0. */
size_t detect_plate_shapes(const char *s, size_t len, size_t at, size_t *start);
/* detect_deeplink.c: a messenger's link of its own scheme
 * ("tg://resolve?domain=kim88"); kind handle. */
size_t detect_scan_deeplink(const char *s, size_t len, size_t at, size_t *start, int *kind);
/* detect_keyed.c: a phone number in any grouping right after a phone
 * word ("tel": "2-34-56"). */
size_t detect_scan_keyed_phone(const char *s, size_t len, size_t at, size_t *start, int *kind);
/* detect_label.c: the kind of an account label's value s[at..end): a
 * phone number when the numbering plans read the same digits as one,
 * else DETECT_ACCOUNT. */
int det_account_kind(const char *s, size_t len, size_t at, size_t end);
/* detect_acct.c: a long account number whose label stands anywhere in
 * its sentence ("The account was 427193582661", "Сбер 4081..."). */
size_t detect_scan_acct_window(const char *s, size_t len, size_t at, size_t *start, int *kind);
/* detect_column.c: a number in a CSV or TSV column whose header cell is an
 * account, phone or ID label ("bank,account" / "Khan,5012345678",
 * "name,phone" / "y,234567"): its end, the column's kind in *kind. */
size_t detect_scan_column(const char *s, size_t len, size_t at, size_t *start, int *kind);
size_t detect_scan_birth_date(const char *s, size_t len, size_t at, size_t *start, int *kind);
/* detect_birth.c: 1 if a birth word (the lists of detect_birth.c) stands
 * within 64 bytes before start or 24 after end (bytes, norm view). */
int detect_birth_near(const char *s, size_t len, size_t start, size_t end);
size_t detect_scan_gps(const char *s, size_t len, size_t at, size_t *start, int *kind);
/* detect_geo_join.c: the end of an "and" (in one of a few languages)
 * between two coordinates at s[i] (with the spaces around it; the next
 * number or label starts there), or 0. */
size_t detect_geo_join(const char *s, size_t len, size_t i);
size_t detect_scan_grid(const char *s, size_t len, size_t at, size_t *start, int *kind);
size_t detect_scan_plus_code(const char *s, size_t len, size_t at, size_t *start, int *kind);
/* detect_geo.c: a Plus Code at at with a space for its '+' ("8q7x fq"; a
 * hyphen or a dot in its place, "8q7x-fq", "8q7x.fq":
 * 4, 6 or 8 code characters with a digit, a space, 2-3 more, a letter
 * somewhere), read only after a Plus Code label (detect_label.c,
 * report-adv31 L-13); the end (bytes of the norm view), or 0. */
size_t detect_plus_code_spaced(const char *s, size_t len, size_t at);
size_t detect_scan_w3w(const char *s, size_t len, size_t at, size_t *start, int *kind);
size_t detect_scan_url(const char *s, size_t len, size_t at, size_t *start, int *kind);
size_t detect_scan_ipv4(const char *s, size_t len, size_t at, size_t *start, int *kind);
/* detect_ip_comma.c: an IPv4 address written with commas ("192,168,0,1"),
 * in a private range's shape or after an IP label. */
size_t detect_scan_ip_comma(const char *s, size_t len, size_t at, size_t *start, int *kind);
size_t detect_scan_ipv6(const char *s, size_t len, size_t at, size_t *start, int *kind);
size_t detect_scan_handle(const char *s, size_t len, size_t at, size_t *start, int *kind);
/* detect_bank.c: an IBAN (ISO 13616 check) or a payment card number
 * (Luhn), the whole run. */
size_t detect_scan_bank(const char *s, size_t len, size_t at, size_t *start, int *kind);

/* detect_address_short.c: address shapes written short, each read whole
 * as one part (norm view; report-adv21, brief s22 addr22).
 * Each returns the shape's end at s[i] (bytes), or 0.
 * addr_mn_letters: "3х, 15б, 42т" (хороо, байр, тоот by their first
 * letters, two or more in that order); addr_kw_letters: "b5 s12 h34"
 * (Kuwait: block first, then street, jadda or avenue, house);
 * addr_box_number: "box number 1234" with "post office" within 40 bytes
 * of it; addr_ko_dong_ho: "101-1203" then 에 or 에서 (building 101-999,
 * flat of floor and 01-12), *lives set when a verb of living follows
 * (산다, 살, 거주, 이사, ...). */
size_t addr_mn_letters(const char *s, size_t len, size_t i);
size_t addr_kw_letters(const char *s, size_t len, size_t i);
size_t addr_box_number(const char *s, size_t len, size_t i);
size_t addr_ko_dong_ho(const char *s, size_t len, size_t i, int *lives);
/* detect_address_short.c (brief s24 addr24), each the shape's end at
 * s[i] (bytes) or 0: addr_dong_ho_spaced "101 동 1203 호", "101 dong 1203
 * ho", "101d 1203h" (a building's number and its flat's); addr_mn_genitive
 * "15 байрны 42" (a building's number, its genitive, the flat's);
 * addr_ko_complex "반포래미안 101동" (a word ending in an apartment brand,
 * then its building); addr_zip_said "zip is 90210" (the label and four to
 * six digits: the span is the digits). */
size_t addr_dong_ho_spaced(const char *s, size_t len, size_t i);
size_t addr_mn_genitive(const char *s, size_t len, size_t i);
size_t addr_ko_complex(const char *s, size_t len, size_t i);
size_t addr_zip_said(const char *s, size_t len, size_t i);
/* detect_address_complex.c (brief s27 place27, report-adv26a D-7): a
 * block-floor-unit code (B-12-3, A-3-12, 12-3-5) at the digit s[i]
 * after a named complex (Vista Komanwel, Sri Cempaka Apartment,
 * 한빛아파트): its end (bytes) with its start in *start, or 0. */
size_t addr_named_complex(const char *s, size_t len, size_t i, size_t *start);

/* detect_address.c: adds the address [a, b) (bytes) to d[0..*n)
 * (capacity *cap, realloc'd; sorted by start) over the detections it
 * overlaps, which it takes in; 0, or -1 out of memory. */
struct detection;
int addr_merge(struct detection **d, size_t *n, size_t *cap, size_t a, size_t b);

/* detect_address_cue.c: the addresses led by a cue ("address:", "хаяг:",
 * "lives at", "живёт на", before "оршин суудаг") in the norm text
 * s[0..len), the numbers of the cue's clause as one span, merged into
 * d[0..*n) as addr_merge does (the detections already there stop a span:
 * phones, e-mail, URLs, IPs); vw is s's view (addr_view_make, only read;
 * NULL when s has no number to read).  0, or -1 out of memory. */
struct addr_view;
int addr_cue_spans(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len,
                   const struct addr_view *vw);

/* detect_address_forms.c: short address forms read whole in the norm
 * text s[0..len) (brief s25 addr25: "unit 12/5 baker st", "3khoroo
 * 15bair 42toot", "3-15-42 тоот", "반포자이 101-1203"), merged into d[0..*n)
 * as addr_merge does; the street's name before an address found joins
 * it ("на ленина, дом 5"); a room and its floor alone with no home cue
 * before them are dropped ("room 12, floor 5").  0, or -1 out of memory. */
int addr_form_spans(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len);

/* detect_address_run.c (brief s26 addr26): addresses written as a run
 * of parts in the norm text s[0..len) ("Block 4 - Street 12 - House 7",
 * "Lot 7, Kampung Pasir Puteh", "4블록 12번 스트리트", "Olympic Village
 * block 5 flat 12"), and values after their labels (a PACI number, a
 * postcode, a home's building-flat pair), merged into d[0..*n) as
 * addr_merge does.  0, or -1 out of memory. */
int addr_run_spans(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len);
int addr_label_spans(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len);

/* detect_address_beside.c (brief s29 num29): a street's name with no
 * street word before an address span's first number ("Kyiv, Khreshchatyk
 * 22, apt 7"), a postcode among the places around a span ("Россия,
 * 443001, Самара, ..."), merged into d[0..*n) as addr_merge does.  0, or
 * -1 out of memory. */
int addr_beside_spans(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len);
/* detect_address_bare.c (brief s51 street51): a Russian, Ukrainian or
 * Kazakh street named without its street word before its house number
 * ("на Сагайдачного 8", "по Лесі Українки, 23", "Хрещатик, 22." first in
 * its sentence, "Абая 150 мекенжайында"); detect_address_fr.c: a French
 * street line ("14 rue Victor Hugo", "3 bis avenue Jean Jaures").  Each
 * merges its spans into d[0..*n) (capacity *cap, realloc'd) as
 * addr_merge does.  0, or -1 out of memory. */
int addr_bare_street_spans(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len);
int addr_fr_street_spans(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len);
/* detect_address_known.c (brief s52 addr52): addresses with no street
 * word ("27 Ampang,", "Narny 7,", "building 22", "42 дугаар байр",
 * "창광동 15반", "Block 7, Salmiya") and an address told again shorter
 * ("15 Seoul" after "15 Seoul St"), merged into d[0..*n) as addr_merge
 * does.  0, or -1 out of memory. */
int addr_known_spans(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len);
/* detect_address.c: a postcode without its label before an address
 * starting at i ("Россия, 443001, Самара, ...") or after one ending at i
 * ("..., 443001 Самара"), the part walk's rule: its end with its start in
 * *start, or 0. */
size_t addr_postcode_before(const char *s, size_t i, size_t *start);
size_t addr_postcode_after(const char *s, size_t len, size_t i, size_t *start);

/* detect_address_run.c: cuts every address of d[0..*n) (capacity *cap,
 * realloc'd) at a paragraph break of t's original (two line breaks: the
 * norm view has one ' ' for them); a part holding no digit is dropped.
 * 0, or -1 out of memory. */
int addr_cut_paragraphs(struct detection **d, size_t *n, size_t *cap, const struct normtext *t);
/* detect_lines.c: ends each detection of d[0..n) (norm offsets of t)
 * that runs across a line break into a line of words before that break;
 * positions and addresses kept whole. */
void detect_cut_lines(struct detection *d, size_t n, const struct normtext *t);
/* detect_lines.c: drops from d[0..n) (norm offsets of t) each position
 * read from words without a label whose second or third word starts
 * with a capital letter in t's original: a sentence typed without spaces
 * ("домой.Сел.Поел", brief s34 num34), not what3words' lower-case words.
 * Returns the count kept (in place, in order). */
size_t detect_cut_sentences(struct detection *d, size_t n, const struct normtext *t);

/* detect_address_view.c: the copy of a text an address is read in, its
 * numbers as ASCII digits (Arabic-Indic digits, numbers said in words:
 * detect_spoken_number).  t[0..m): the copy (not NUL-terminated);
 * from[k] and to[k]: where the character or the number said that t[k]
 * belongs to starts and ends in the text (bytes; from[m] is the text's
 * length); said[k]: 1 for a digit of a number said in words.  from and
 * to are 32-bit (texts are under 4 GiB, as normalise's offsets): the view
 * is made for every text detected, and each of its pages is a page fault. */
struct addr_view {
    char *t;
    size_t m;
    uint32_t *from, *to;
    unsigned char *said;
};

/* detect_address_view.c: makes v for s[0..len) (buffers malloc'd, freed
 * by addr_view_free): 1; 0 when the text has no number to read (v
 * empty); -1 out of memory. */
int addr_view_make(struct addr_view *v, const char *s, size_t len);

/* detect_address_view.c: frees v's buffers and empties it. */
void addr_view_free(struct addr_view *v);

/* detect_address.c: the home addresses of s[0..len) (building, flat and
 * house numbers with their unit words, a street with its number) added
 * to d[0..*n) (capacity *cap, realloc'd; sorted by start), each over the
 * detections it overlaps; and, when fn is not NULL, in the same pass,
 * detect_address_unsure's parts given to fn(ctx, start, end) (detect.h);
 * 0, or -1 when out of memory or fn returned non-zero. */
struct detection;
int detect_addresses(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len,
                     int (*fn)(void *ctx, size_t start, size_t end), void *ctx);

/* detect_address.c: detect_addresses with the caller's view v of s
 * (addr_view_make; NULL when the text has no number to read), so that
 * one view serves every address reader of a text (docs/SPEED.md,
 * "Session 24"); v is only read. */
int detect_addresses_in(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len,
                        const struct addr_view *v, int (*fn)(void *ctx, size_t start, size_t end),
                        void *ctx);

/* detect_nmea.c: a position as GPS receivers print it at at: a pair of
 * degrees and decimal minutes run together with their hemispheres
 * ("4755.20N 10655.05E", "4807.038,N,01131.000,E"), or the pair of an
 * NMEA sentence whose name ("gpgga,", after '$') starts at at; its end
 * with its start in *start, or 0. */
size_t detect_nmea(const char *s, size_t len, size_t at, size_t *start);

/* detect_nmea.c: 1 if an NMEA sentence's name ("gpgga," after '$')
 * starts at at: the walk keeps the word for detect_scan_gps. */
int detect_nmea_name(const char *s, size_t len, size_t at);

/* detect_geo.c: the end of three words of letters (any script, no
 * digits) joined by '.' or another dot (U+00B7, U+3002, U+FF0E, U+FF61,
 * U+30FB), one kind throughout, at at (a what3words address), or 0. */
size_t detect_three_words(const char *s, size_t len, size_t at);
/* detect_geo.c: the same three words joined by single spaces, read after
 * a what3words label only ("what3words index home raft"), or 0. */
size_t detect_three_words_spaced(const char *s, size_t len, size_t at);
/* detect_geo.c: the same three words joined by hyphens, after a
 * what3words label only ("w3w filled-count-soap"), each of three letters
 * or more and none a word of prose; the end, or 0. */
size_t detect_three_words_hyphen(const char *s, size_t len, size_t at);
/* detect_geo.c: three words of one script, Cyrillic or Latin, of three
 * letters or more, joined by one dot of detect_three_words, with no
 * label ("у стол.окно.книга", report-adv32 L-15; "meet at
 * filled.count.soap", "[bells.frog.lamp]", report-adv33 L-20): a host
 * name ends in a top-level domain (Cyrillic ones listed there, Latin ones
 * the Public Suffix List's: detect_public_tld) and a file name in its
 * type, so three dotted words that end in neither say what3words.  at is
 * a word start in the norm view (bytes); the end, or 0. */
size_t detect_three_words_bare(const char *s, size_t len, size_t at);
/* detect_words.c: 1 if the word w[0..n) (norm view, bytes) is a word of
 * a person, a possessive or personal pronoun ("his", "her", "его",
 * "її"): a number after it is someone else's ("4417 and his 5566"). */
int detect_owner_word(const char *w, size_t n);
/* detect_net.c: 1 if s[at..end) (norm view, lower case UTF-8, bytes) is
 * a top-level domain of the Public Suffix List's ICANN section (libpsl's
 * built-in copy, no file read). */
int detect_public_tld(const char *s, size_t at, size_t end);
/* detect_label_w3w.c: 1 if a what3words label ("w3w", "what3words", "what 3
 * words", "what three words", "три слова", "三个词"...) ends
 * right before at, through spaces. */
int detect_w3w_label_before(const char *s, size_t at);
/* detect_label_w3w.c: three words at at, or after an opening quote or
 * bracket there, right after a what3words label and a space, colon or
 * dash ("три слова: крыша.стол.окно", report-adv31 L-12; "три слова —
 * «стол.окно.книга»", "w3w: (filled.count.soap)", report-adv32 L-15):
 * joined by dots or dashes, or spaced after a whole label; the end
 * (bytes of the norm view) with the first word's start in *start, or 0.
 * The walk's non-ASCII runs ask it (detect.c) and detect_scan_w3w for
 * words after a mark; Latin words right after a label go through
 * detect_scan_labelled. */
size_t detect_w3w_labelled(const char *s, size_t len, size_t at, size_t *start);
/* detect_label_w3w.c: what the word s[a..a+n) says of a what3words
 * address after it: 2 if it ends a what3words label ("w3w", "what 3
 * words", "три слова", "3단어"...), 1 if it is "words" alone before a
 * colon (joined words may follow), else 0.  detect_label.c's
 * label_before asks it. */
int det_w3w_label_word(const char *s, size_t a, const char *w, size_t n);
/* detect_label_w3w.c: the length in bytes of an opening quote or bracket
 * (« “ „ ‹ 「 『 ( [ " ') ending right at i in s, or 0: DET_OPEN_MARK_MAX
 * bytes at most (the longest of its table, open_marks; a longer mark
 * added there must raise it). */
#define DET_OPEN_MARK_MAX 3
size_t det_open_mark_before(const char *s, size_t i);
/* detect_label_w3w.c: the walk's scanner of the same at an ASCII '(' or '['
 * or at a Latin word after a non-ASCII mark ("w3w “filled.count.soap”",
 * "w3w: (filled.count.soap)"), where detect_scan_labelled sees no label. */
size_t detect_scan_w3w_marked(const char *s, size_t len, size_t at, size_t *start, int *kind);

/* detect_date.c: 1 if an English month name (a whole word, "mar." or
 * "march") starts at at, with *n its length; the walk keeps such words
 * for the date scanner. */
int detect_month_word(const char *s, size_t len, size_t at, size_t *n);

/* detect_date.c: 1 if a month name of another language (German, French,
 * Spanish, Malay, Indonesian: eu_months) starts at at, a whole word, its
 * length in *n (bytes). */
int detect_other_month_word(const char *s, size_t len, size_t at, size_t *n);
/* 1 if a month in Roman numerals (i ... xii, Latin letters or the
 * Cyrillic х and і: "ХІІ") is a whole word at at, s[at] its first byte
 * (norm view; detect_date.c). */
int detect_roman_month_start(const char *s, size_t len, size_t at);

/* detect_date.c: a day of the month in Mongolian words at at ("арван
 * тавнд", "нэгэнд"); its end, or 0. */
size_t detect_mn_day_words(const char *s, size_t len, size_t at);

/* detect_date.c, for detect_birth.c: how much of a date a form read. */
enum det_date_strength { DATE_NONE, DATE_YEAR, DATE_PART, DATE_FULL };  /* a year, two parts, whole */

struct det_date {
    size_t end;                         /* bytes: the form's end */
    enum det_date_strength strength;
    int born;                           /* Korean 생 right after it */
};

/* The longest date form at s[at] (bytes, norm view); strength DATE_NONE
 * when none starts there.  No memory is held. */
struct det_date detect_date_at(const char *s, size_t len, size_t at);

/* detect_dob.c: a date form the forms above do not read (compact ISO
 * week "1984w113", "14/3", "3/14/'75", "삼월 열나흘", the Mongolian
 * lunar month "цагаан сарын шинийн нэгэнд"); DATE_NONE if none. */
struct det_date detect_dob_form(const char *s, size_t len, size_t at);

/* detect_dob.c: the end of what completes a date ending at end (an ISO
 * week " w11 3", "년 11주차 수요일"; with week, after "week 11 of 1984"
 * only a weekday, ", on a Wednesday"), or end. */
size_t detect_dob_after(const char *s, size_t len, size_t end, int week);

/* detect_dob.c: the end of a Mongolian lunar month and day after a year
 * ending at end ("1975 оны| цагаан сарын шинийн нэгэнд"), or end. */
size_t detect_dob_lunar_after(const char *s, size_t len, size_t end);

/* detect_dob.c: the start of "week 11 of " right before a year at at, or at. */
size_t detect_dob_before(const char *s, size_t len, size_t at);

/* detect_dob.c: 1 if an age turned on the date at at comes before it
 * ("turned forty on ", "turns 50 on the "): the date is a birthday. */
int detect_turned_before(const char *s, size_t at);

/* detect_dob.c: 1 if a Mongolian month in words starts at at (an ordinal
 * month before сар, "гуравдугаар сарын"; a lunar month, "хаврын сүүл
 * сарын", "цагаан сар"): the walk hands it to the birth date scanner. */
int detect_mn_month_start(const char *s, size_t len, size_t at);

/* The end of a year written '75 at s[at] (the apostrophe), or 0. */
size_t detect_short_year_at(const char *s, size_t len, size_t at);

/* The end (bytes) of the run of letters at s[i], i itself if none. */
size_t detect_letters(const char *s, size_t len, size_t i);

/* detect_net.c: the e-mail address whose at sign ('@', or "at" written
 * out: " at ", "[at]"...) begins at s[at], found from there since its local
 * part, before it, may be in any script: its end, with its start in
 * *start, or 0. */
size_t detect_email(const char *s, size_t len, size_t at, size_t *start);

/* detect_net.c: an IPv4 address written to dodge, after an "ip" label:
 * octets joined by " . ", ',' or ' ' ("192 . 0 . 2 . 1", "192,0,2,1"),
 * hexadecimal ("0xc0000201") or one 32-bit decimal number of 8-10 digits
 * ("3221225985"); its end or 0. */
size_t detect_ip_written(const char *s, size_t len, size_t at);

/* detect_net.c: 1 if an at sign written out (" at ", " [at] ", " @ ",
 * " ат ", " 골뱅이 "...) starts at s[at]. */
int detect_at_written(const char *s, size_t len, size_t at);

/* detect_address_forms.c: 1 if a letter (any script, no digit) is at s[i]
 * of s[0..len) (bytes), *n its length in bytes; the byte offset where the
 * letters at i end (i if none).  Shared by the address readers. */
int det_letter(const char *s, size_t len, size_t i, size_t *n);
size_t det_letters_end(const char *s, size_t len, size_t i);

/* detect_shapes.c (brief s27 num27): the shapes read whole after the
 * walk, each merged into d[0..*n) (capacity *cap, realloc'd) over the
 * detections it overlaps, with its own kind: MRZ lines (detect_mrz.c),
 * plates per country (detect_plate3.c), dates said in Malay or
 * Indonesian words and a Malay day before a date (detect_date_words.c),
 * the last digits of a number (detect_tail.c).  s[0..len) is the norm
 * text (bytes).  0, or -1 out of memory. */
int detect_shape_spans(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len);

/* detect_mrz.c: the end of a machine-readable zone line of ICAO 9303
 * (TD1, TD2, TD3) that starts at at, or 0. */
size_t detect_mrz_line(const char *s, size_t len, size_t at);
/* detect_imo.c: a ship's IMO number after "IMO" that starts at at
 * ("IMO 9321483", "IMO no. 9321483"): the end of its seven digits with
 * their start in *start, or 0.  Offsets are bytes of the norm view. */
size_t detect_imo(const char *s, size_t len, size_t at, size_t *start);

/* detect_plate3.c: a plate of a country's table (Malaysia, Russia
 * spaced, Kuwait) whose digits start at at: its end with its start in
 * *start, or 0. */
size_t detect_plate_country(const char *s, size_t len, size_t at, size_t *start);
/* detect_plate_labels.c: 1 if a word of the plate labels ("plate",
 * "car", "номер", "прицеп"...) starts at at, stands in the sentence in
 * the 48 bytes before at, or is the word w[0..n). */
int detect_plate_label_at(const char *s, size_t len, size_t at);
int detect_plate_label_before(const char *s, size_t len, size_t at);
int detect_plate_label_word(const char *w, size_t n);
/* detect_plate_ru.c: the end of a Russian plate of any type and spacing
 * that starts at at ("А123ВС77", "а 123 вс 777", "АВ 1234 77" after a
 * plate's word), or 0. */
size_t detect_plate_ru(const char *s, size_t len, size_t at);

/* detect_date_words.c: a date said in Malay or Indonesian words at at
 * ("lima belas Ogos sembilan belas lapan puluh lima"): its end, or 0;
 * detect_ms_day_before: the start of a Malay day written before a date
 * starting at at ("5hb ", "5 haribulan "), or at. */
size_t detect_date_said(const char *s, size_t len, size_t at);
size_t detect_ms_day_before(const char *s, size_t at);

/* detect_zodiac.c: a person's zodiac animal at at ("돼지띠", "属猪",
 * "гахай жилтэй"): its end, or 0.  No ASCII digit in it (detect_gate.c). */
size_t detect_zodiac(const char *s, size_t len, size_t at);

/* detect_calendar.c: a year of birth in the Juche calendar ("juche 74")
 * or the sexagenary cycle ("wood ox", "year of the ox") at at, beside a
 * birth word: its end, or 0.  Bytes of the norm view. */
size_t detect_calendar_year(const char *s, size_t len, size_t at);

/* detect_tail.c: the last digits of a number after an "ending" word or
 * a mask ("ending in 4521", "berakhir 4521", "****-****-4521") whose
 * cue or mask starts at at: the end of the digits, their start in
 * *start and the kind in *kind, or 0. */
size_t detect_tail(const char *s, size_t len, size_t at, size_t *start, int *kind);
/* detect_tail.c: the last digits of a card or a phone after a Chinese
 * ending word at at, glued inside a Han run ("卡号尾号4567", "尾号四五六七",
 * report-adv31 L-14): the end of the digits, their start in *start and
 * the kind in *kind, or 0.  Offsets are bytes of the norm view. */
size_t detect_tail_han(const char *s, size_t len, size_t at, size_t *start, int *kind);
/* detect_tail.c: 1 if a noun of a card or an account (card, account,
 * карта, картка, рахунок, 카드...: its table, which the part labels of
 * detect_label.c share) starts in s[from..to) (bytes, as det_word_near). */
int detect_account_noun_near(const char *s, size_t len, size_t from, size_t to);
/* detect_bank_sign.c (brief s39 bank39; session 40 moved it out of
 * detect_tail.c): banks beside a card's last digits.  Offsets are bytes of
 * the norm view; w[0..n) a word there.  No memory is allocated.
 * det_bank_name: the end of a bank's name of the one bank table at at (a
 * word start; "альфа-банк" with its hyphen), or 0. */
size_t det_bank_name(const char *s, size_t len, size_t at);
/* detect_bank_sign.c: 1 if s[a..b) is a case ending of one to four
 * Cyrillic letters written after a hyphen ("Kaspi-дағы", "6789-ға"). */
int det_hyphen_ending(const char *s, size_t len, size_t a, size_t b);
/* detect_bank_sign.c: 1 if w is a Korean bank's short name (신한, 국민,
 * KB, 케이뱅크, 신협, 새마을금고...: its table), read before a card's four
 * digits with a Korean particle after them only. */
int det_ko_bank_short(const char *w, size_t n);
/* 1 if w names a bank right before a short mask ("Khan Bank …0912", "KB국민
 * *3321"): bank, банк, a Latin -bank word, a bank of the table, a Korean
 * retail bank. */
int det_mask_bank(const char *w, size_t n);
/* 1 if w names a bank (the table, a Cyrillic -банк compound, a Latin
 * -bank word, a Korean bank with 은행/카드/뱅크) or is the word bank or
 * банк with a case ending. */
int det_bank_or_bank_word(const char *w, size_t n);
/* 1 if a bank's name is a word in s[from..to). */
int det_bank_in(const char *s, size_t len, size_t from, size_t to);
/* 1 if w may stand between a bank's name and its card's digits (bank,
 * банк..., a card's tier or network: Gold, Black, Visa, Мир). */
int det_bank_tier(const char *w, size_t n);
/* Sets first[c] to 1 for the first byte c of each bank of the table. */
void det_bank_first(unsigned char first[256]);
/* A card's last two to six digits glued, bracketed or after '-', '#',
 * '№' right after a bank's name at at ("Kaspi6789", "Kaspi (6789)",
 * "Сбер-7890"): their start, their end in *end, *sign 1 when a sign or
 * a hyphen stands between (the caller then wants the digits to end their
 * clause or a card's word after them), or 0. */
size_t det_bank_sign(const char *s, size_t len, size_t at, size_t *end, int *sign);


/* detect_gate.c (brief s28 speed28): gates of the detectors; a reader
 * runs only where it can match, decided once a text (rules there). */
struct detection;

/* A set of byte offsets of a text (one bit a byte). */
struct gate_map {
    unsigned char *bits;
    size_t len;
};

/* 1 if the offset i is in m (an empty map, bits NULL, holds every one). */
static inline int gate_has(const struct gate_map *m, size_t i)
{
    return m == NULL || m->bits == NULL || ((m->bits[i >> 3] >> (i & 7)) & 1);
}

/* Frees m's bits (m itself is the caller's). */
void gate_free(struct gate_map *m);

/* The offsets of the norm text s[0..len) where an address run of
 * addr_run_spans may start (the rule: detect_gate.c), given the
 * detections d[0..n) found before it.  0, or -1 out of memory (m empty). */
int gate_addr_run(struct gate_map *m, const char *s, size_t len, const struct detection *d, size_t n);

/* detect_address_run.c: 1 if the word s[a, b) (bytes, whole letters) is a
 * unit word of its units[] table (the one table of the reader and its
 * gate). */
int addr_run_unit_word(const char *s, size_t a, size_t b);

/* detect_address_run.c: 1 if no letter or digit (nor a '-', '/' or '.'
 * glued to one) ends before byte i of s (an address's part may start
 * there). */
int addr_starts_clear(const char *s, size_t i);

/* detect_address_street.c (brief s32 place32): 1 if the word s[a, b)
 * (bytes, whole letters, Cyrillic, four letters or more) ends as a
 * Russian or Ukrainian street's name does without its street word
 * (Тверская, Сумской, Садовій, Ленина); with_word 1 when a street word
 * follows it (Центральна вулиця: any adjective's ending). */
int addr_street_name(const char *s, size_t len, size_t a, size_t b, int with_word);

/* detect_address_street.c: 1 if the word s[a..b) (bytes) ends in an
 * entry of list[0..n) and is longer than it; the lengths are the table's
 * (no strlen per entry on every call: brief s34 num34).  Shared with
 * detect_address_bare.c (session 51). */
int addr_ends_in(const char *s, size_t a, size_t b, const struct det_word *list, size_t n);

/* detect_address_street.c: 1 if s[a, b) is a Russian or Ukrainian street
 * word written after the street's name (вулиця, улица, провулок,
 * проспект, бульвар and their locatives). */
int addr_street_after_word(const char *s, size_t a, size_t b);

/* detect_address_street.c: a house number at j after a street's name
 * (digits, one to three, "/digits" and one letter maybe; or a cardinal
 * said in words of three digits at most) that ends its clause or stands
 * before a comma ("5 років" is a count); its end (bytes), or 0. */
size_t addr_bare_house(const char *s, size_t len, size_t j);

/* detect_address_run.c: addr_run_spans with its runs started only at the
 * offsets of may (gate_addr_run; NULL: everywhere).  0, or -1 out of
 * memory. */
int addr_run_spans_gated(struct detection **d, size_t *n, size_t *cap, const char *s, size_t len,
                         const struct gate_map *may);

/* detect_gate_num.c (brief s29 speed29b): gates of the number readers
 * (rules there and beside each reader).  1 if an ASCII digit is in
 * s[at, at + reach) (bytes, cut at len; at <= len), else 0. */
int gate_digit_within(const char *s, size_t len, size_t at, size_t reach);

/* detect_gate.c (brief s29 speed29a): the offset of the first ASCII digit
 * of s[i..len) (bytes), or len.  The readers gated by it (the short
 * shapes of detect_address_cue.c) hold an ASCII
 * digit at most GATE_SHAPE_DIGIT bytes after their start (rules there). */
size_t gate_next_digit(const char *s, size_t len, size_t i);

/* detect_address.c (brief s29 speed29a; there, not in detect_gate.c,
 * which calls the address readers: a cycle of modules otherwise): the
 * offsets of s[0..len) (bytes of a norm text, or of an address view's
 * copy) where a part of detect_address.c's scan holding an ASCII digit
 * may start (the rule: detect_gate.c); the parts without one are asked
 * apart (part_wordy).  m->bits malloc'd, the caller frees it.  0, or -1
 * out of memory (m empty). */
int gate_addr_part(struct gate_map *m, const char *s, size_t len);
#define GATE_SHAPE_DIGIT 24

#endif
