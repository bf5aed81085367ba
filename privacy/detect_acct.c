/* Long account numbers labelled anywhere in their sentence (report-adv17a
 * D-26, D-44, D-5): a label right before the value is detect_label.c's;
 * here the label may stand further off, as people say it:
 *     "The account was 427193582661."  "He transferred money to his
 *     account, 427193582661."  "427193582661 is the account."
 *     "427193582661 (Khan Bank)"  "Сбер 40817810099910004312"
 *     "新韩银行 110-234-567890"  "IBAN ... and its BBAN 000500500012345678"
 *     "5012347777 тоот дансанд"
 * The value: ACCT_MIN-ACCT_MAX digits, whole or in groups of three or
 * more joined by one ' ' or '-' (not a decimal, not a run of years, not
 * before a currency).  Its label: a word of the account list of
 * detect_label.c (detect_account_label: account, card, bank, 계좌, данс,
 * счёт, a bank's name...) or of window_labels below (Russian banks' short
 * names, Chinese 银行 账号 卡号, money verbs: sent, transferred, 송금,
 * перевёл, шилжүүлсэн, 汇款), in the same sentence (not across '.', '!',
 * '?', ';' or a line's end) within WINDOW_BACK bytes before or
 * WINDOW_AHEAD after.  A shorter number (SHORT_MIN digits or more) needs
 * an account noun (no verb) at most SHORT_WORDS words before or after it
 * and no money word in the sentence ("account balance 12000000").
 * Without any label, 20 digits starting 40, 42 or 30 are a Russian bank
 * account by their shape (Bank of Russia Regulation 579-P, chart of
 * accounts: 40817 personal, 40820 non-resident, 42301 deposit, 30101
 * correspondent).  Kind: account, or phone when the numbering plans read
 * the same digits (det_account_kind).  Offsets are bytes of the norm view
 * (detect_int.h). */
#include "privacy/detect.h"
#include "privacy/detect_int.h"

#define ACCT_MIN 12
#define ACCT_MAX 20
#define SHORT_MIN 8
#define SHORT_WORDS 2
#define WINDOW_BACK 160
#define WINDOW_AHEAD 96

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Labels of the wider window besides detect_account_label's. */
static const struct det_word window_labels[] = {
    DW("\xd1\x81\xd0\xb1\xd0\xb5\xd1\x80", FIT_PREFIX),                          /* сбер */
    DW("\xd0\xb2\xd1\x82\xd0\xb1", FIT_WORD),                                    /* втб */
    DW("\xd1\x82\xd0\xb8\xd0\xbd\xd1\x8c\xd0\xba\xd0\xbe\xd1\x84\xd1\x84", FIT_PREFIX), /* тинькофф */
    DW("\xd1\x80\xd0\xb0\xd1\x81\xd1\x87\xd1\x91\xd1\x82", FIT_PREFIX),          /* расчёт(ный) */
    DW("\xd1\x80\xd0\xb0\xd1\x81\xd1\x87\xd0\xb5\xd1\x82", FIT_PREFIX),          /* расчет(ный) */
    DW("\xe9\x93\xb6\xe8\xa1\x8c", FIT_ANY),                                     /* 银行 */
    DW("\xe9\x8a\x80\xe8\xa1\x8c", FIT_ANY),                                     /* 銀行 */
    DW("\xe8\xb4\xa6\xe5\x8f\xb7", FIT_ANY),                                     /* 账号 */
    DW("\xe5\xb8\xb3\xe8\x99\x9f", FIT_ANY),                                     /* 帳號 */
    DW("\xe8\xb4\xa6\xe6\x88\xb7", FIT_ANY),                                     /* 账户 */
    DW("\xe5\xb8\xb3\xe6\x88\xb6", FIT_ANY),                                     /* 帳戶 */
    DW("\xe5\x8d\xa1\xe5\x8f\xb7", FIT_ANY),                                     /* 卡号 */
    DW("\xe5\x8d\xa1\xe8\x99\x9f", FIT_ANY),                                     /* 卡號 */
    DW("bban", FIT_WORD), DW("swift", FIT_WORD),
    DW("account", FIT_PREFIX), DW("acct", FIT_PREFIX),          /* JSON keys: accountNo, acctNumber */
};

/* Money verbs: a long number they send money to is an account. */
static const struct det_word money_verbs[] = {
    DW("sent", FIT_WORD), DW("send", FIT_WORD), DW("transfer", FIT_PREFIX), DW("wire", FIT_WORD),
    DW("wired", FIT_WORD), DW("deposit", FIT_PREFIX), DW("remit", FIT_PREFIX), DW("paid", FIT_WORD),
    DW("\xd0\xbf\xd0\xb5\xd1\x80\xd0\xb5\xd0\xb2", FIT_PREFIX),                  /* перев(ёл, од) */
    DW("\xd0\xbe\xd1\x82\xd0\xbf\xd1\x80\xd0\xb0\xd0\xb2", FIT_PREFIX),          /* отправ(ил) */
    DW("\xec\x86\xa1\xea\xb8\x88", FIT_PREFIX),                                  /* 송금 */
    DW("\xec\x9d\xb4\xec\xb2\xb4", FIT_PREFIX),                                  /* 이체 */
    DW("\xec\x9e\x85\xea\xb8\x88", FIT_PREFIX),                                  /* 입금 */
    DW("\xeb\xb3\xb4\xeb\x83\x88", FIT_PREFIX),                                  /* 보냈(다) */
    DW("\xd1\x88\xd0\xb8\xd0\xbb\xd0\xb6\xd2\xaf\xd2\xaf\xd0\xbb", FIT_PREFIX),  /* шилжүүл */
    DW("\xd0\xb8\xd0\xbb\xd0\xb3\xd1\x8d\xd1\x8d", FIT_PREFIX),                  /* илгээ */
    DW("\xe6\xb1\x87\xe6\xac\xbe", FIT_ANY),                                     /* 汇款 */
    DW("\xe8\xbd\xac\xe8\xb4\xa6", FIT_ANY),                                     /* 转账 */
    DW("\xe6\x89\x93\xe6\xac\xbe", FIT_ANY),                                     /* 打款 */
};

/* Money words: a number beside one is an amount ("account balance
 * 12000000", "15000000 төгрөг"). */
static const struct det_word money_words[] = {
    DW("balance", FIT_WORD), DW("amount", FIT_WORD), DW("won", FIT_WORD), DW("usd", FIT_WORD),
    DW("tugrik", FIT_PREFIX), DW("tugrug", FIT_PREFIX), DW("mnt", FIT_WORD), DW("krw", FIT_WORD),
    DW("rub", FIT_PREFIX), DW("yuan", FIT_WORD), DW("rmb", FIT_WORD), DW("dollar", FIT_PREFIX),
    DW("\xec\x9b\x90", FIT_PREFIX),                                              /* 원 */
    DW("\xec\x9e\x94\xec\x95\xa1", FIT_PREFIX),                                  /* 잔액 */
    DW("\xea\xb8\x88\xec\x95\xa1", FIT_PREFIX),                                  /* 금액 */
    DW("\xd1\x82\xd3\xa9\xd0\xb3\xd1\x80\xd3\xa9\xd0\xb3", FIT_PREFIX),          /* төгрөг */
    DW("\xd2\xaf\xd0\xbb\xd0\xb4\xd1\x8d\xd0\xb3\xd0\xb4\xd1\x8d\xd0\xbb", FIT_PREFIX), /* үлдэгдэл */
    DW("\xd1\x80\xd1\x83\xd0\xb1", FIT_PREFIX),                                  /* руб(лей) */
    DW("\xd1\x81\xd1\x83\xd0\xbc\xd0\xbc", FIT_PREFIX),                          /* сумм(а) */
    DW("\xd0\xbe\xd1\x81\xd1\x82\xd0\xb0\xd1\x82\xd0\xbe\xd0\xba", FIT_PREFIX),  /* остаток */
    DW("\xe5\x85\x83", FIT_ANY),                                                 /* 元 */
    DW("\xe4\xbd\x99\xe9\xa2\x9d", FIT_ANY),                                     /* 余额 */
};

/* 1 if a sentence ends just before s[i] (scanning back): '!', '?', ';',
 * a full-width 。！？, or a '.' after a digit or a word of four letters or
 * more ("no." and "a/c." do not end one). */
static int ends_before(const char *s, size_t i)
{
    char c = s[i - 1];
    size_t w;

    if (c == '!' || c == '?' || c == ';')
        return 1;
    if (i >= 3 && (unsigned char)s[i - 3] == 0xE3 && (unsigned char)s[i - 2] == 0x80 &&
        (unsigned char)s[i - 1] == 0x82)
        return 1;                                                                /* 。 */
    if (c != '.')
        return 0;
    for (w = i - 1; w > 0 && det_alpha(s[w - 1]); w--)
        ;
    return i - 1 - w >= 4 || (i >= 2 && det_digit(s[i - 2]));
}

/* The sentence around [at, end): *from, *to, within the windows. */
static void sentence(const char *s, size_t len, size_t at, size_t end, size_t *from, size_t *to)
{
    size_t lo = at > WINDOW_BACK ? at - WINDOW_BACK : 0, hi = end + WINDOW_AHEAD < len ? end + WINDOW_AHEAD : len;
    size_t i;

    for (i = at; i > lo && !ends_before(s, i); i--)
        ;
    *from = i;
    for (i = end; i < hi; i++) {
        if (strchr("!?;", s[i]) != NULL && s[i] != '\0')
            break;
        if (s[i] == '.' && (i + 1 >= len || s[i + 1] == ' '))
            break;
        if (i + 3 <= len && (unsigned char)s[i] == 0xE3 && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] == 0x82)
            break;
    }
    *to = i;
}

/* 1 if an account label of detect_account_label or window_labels, or
 * "р/сч", is a word in s[from..to) (nouns only: no money verb). */
static int noun_in(const char *s, size_t len, size_t from, size_t to)
{
    size_t i, w, cl;
    int cp;

    if (det_word_near(s, len, from, to, window_labels, N(window_labels)))
        return 1;
    for (i = from; i < to;) {
        cp = det_cp_at(s, to, i, &cl);
        if (cp < 0)
            return 0;
        if (!is_word_cp(cp)) {
            /* р/сч, р/с: the slash forms detect_label.c reads as one word. */
            if (cp == '/' && i >= 2 && (unsigned char)s[i - 2] == 0xD1 && (unsigned char)s[i - 1] == 0x80 &&
                det_starts(s, len, i + 1, "\xd1\x81"))
                return 1;
            i += cl;
            continue;
        }
        for (w = i; i < to && (cp = det_cp_at(s, to, i, &cl)) >= 0 && is_word_cp(cp); i += cl)
            ;
        if (detect_account_label(s, s + w, i - w))
            return 1;
    }
    return 0;
}

/* The bounds of the words at most nw words before at, or after end. */
static size_t words_back(const char *s, size_t at, size_t nw)
{
    size_t a = at, k, b;

    for (k = 0; k < nw && det_word_ending(s, a, " ,:-()\"'", &b) != 0; k++)
        a = b;
    return a;
}

static size_t words_ahead(const char *s, size_t len, size_t end, size_t nw)
{
    size_t i = end, k, cl;
    int cp;

    for (k = 0; k < nw; k++) {
        while (i < len && s[i] != '\0' && strchr(" ,:-()\"'", s[i]) != NULL)
            i++;
        if (i == len || (cp = det_cp_at(s, len, i, &cl)) < 0 || !is_word_cp(cp))
            break;
        while (i < len && (cp = det_cp_at(s, len, i, &cl)) >= 0 && is_word_cp(cp))
            i += cl;
    }
    return i;
}

/* The end of the number at at and its count of digits in *nd: groups of
 * digits (three or more after the first) joined by one ' ' or '-'; 0 if
 * it is a decimal, glued to a letter, or a run of years. */
static size_t number(const char *s, size_t len, size_t at, size_t *nd)
{
    size_t i = at, g, groups = 0, years = 0, end = at;

    *nd = 0;
    for (;;) {
        g = det_digits(s, len, i);
        if (groups > 0 && g < 3)
            break;
        groups++, *nd += g, i += g;
        years += g == 4 && det_value(s + i - 4, 4) >= 1900 && det_value(s + i - 4, 4) <= 2099;
        end = i;
        if (*nd > ACCT_MAX || !(i + 1 < len && (s[i] == ' ' || s[i] == '-') && det_digit(s[i + 1])))
            break;
        i++;
    }
    i = end;
    if (*nd > ACCT_MAX || (groups > 1 && years == groups) || !det_ends_word(s, len, i) ||
        det_letter_at(s, len, i) || (i + 1 < len && (s[i] == '.' || s[i] == ',') && det_digit(s[i + 1])))
        return 0;
    return i;
}

size_t detect_scan_acct_window(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    size_t end, nd, from, to;

    (void)start;
    if (!det_digit(s[at]) || (at > 0 && (s[at - 1] == '+' || s[at - 1] == '$')) ||
        (end = number(s, len, at, &nd)) == 0 || nd < SHORT_MIN)
        return 0;
    /* A Russian account by its shape alone. */
    if (nd == 20 && end - at == 20 && (det_starts(s, len, at, "40") || det_starts(s, len, at, "42") ||
                                       det_starts(s, len, at, "30")))
        return *kind = DETECT_ACCOUNT, end;
    sentence(s, len, at, end, &from, &to);
    if (det_word_near(s, len, end, words_ahead(s, len, end, 1), money_words, N(money_words)))
        return 0;
    if (nd >= ACCT_MIN) {
        if (noun_in(s, len, from, to) || det_word_near(s, len, from, to, money_verbs, N(money_verbs)))
            return *kind = det_account_kind(s, len, at, end), end;
        return 0;
    }
    /* A round number is an amount ("the account had 30000000"). */
    if (det_word_near(s, len, from, to, money_words, N(money_words)) || det_starts(s, len, end - 3, "000"))
        return 0;
    if (noun_in(s, len, words_back(s, at, SHORT_WORDS + 1), at) ||
        noun_in(s, len, end, words_ahead(s, len, end, SHORT_WORDS + 1)))
        return *kind = det_account_kind(s, len, at, end), end;
    return 0;
}
