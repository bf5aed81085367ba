/* Values after a label: a number or code after an ID label ("Passport No.
 * 745123456", "여권번호 745123456", "паспорт 45 08 123456", "РД:
 * УБ75031412", "account no. 110-123-456789") is an ID number whatever its
 * shape; an account name after a messenger or network ("telegram:
 * kimjs75", "Kakao ID kimjongsu", "카톡 아이디: kim.js") is a handle; three
 * dotted words after "w3w" or "what3words" are a place (what3words), and
 * so is a number with two decimals or more right after "lat",
 * "longitude", "위도", "широта", "өргөрөг"...  The label is the word before
 * the value, or before one or two qualifiers ("no.", "number", "card",
 * "번호", "дугаар", "номер"); labels take Korean particles and Russian and
 * Mongolian endings ("여권은", "паспорта"). */
#include <stdint.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"
#include "privacy/detect_ms.h"
#include "util/lexicon.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

enum label_kind { LABEL_NONE, LABEL_ID, LABEL_ACCOUNT, LABEL_HANDLE, LABEL_W3W, LABEL_W3W_JOINED, LABEL_COORD,
                  LABEL_GRID, LABEL_IP, LABEL_MAIL };

static const struct det_word id_labels[] = {
    DW("passport", FIT_PREFIX), DW("id", FIT_WORD), DW("identity", FIT_WORD),
    DW("identification", FIT_WORD), DW("rrn", FIT_WORD), DW("ssn", FIT_WORD),
    DW("\xec\x97\xac\xea\xb6\x8c", FIT_PREFIX),                                  /* 여권 */
    DW("\xec\xa3\xbc\xeb\xaf\xbc\xeb\x93\xb1\xeb\xa1\x9d", FIT_PREFIX),          /* 주민등록 */
    DW("\xec\xa3\xbc\xeb\xaf\xbc\xeb\xb2\x88\xed\x98\xb8", FIT_PREFIX),          /* 주민번호 */
    DW("\xec\x99\xb8\xea\xb5\xad\xec\x9d\xb8\xeb\x93\xb1\xeb\xa1\x9d", FIT_PREFIX), /* 외국인등록 */
    DW("\xec\x8b\xa0\xeb\xb6\x84\xec\xa6\x9d", FIT_PREFIX),                      /* 신분증 */
    DW("\xd0\xbf\xd0\xb0\xd1\x81\xd0\xbf\xd0\xbe\xd1\x80\xd1\x82", FIT_PREFIX),  /* паспорт */
    DW("\xd0\xbf\xd0\xb0\xd1\x81\xd1\x81\xd0\xbf\xd0\xbe\xd1\x80\xd1\x82", FIT_PREFIX), /* пасспорт */
    DW("\xd1\x80\xd0\xb5\xd0\xb3\xd0\xb8\xd1\x81\xd1\x82\xd1\x80", FIT_PREFIX),  /* регистр(ийн) */
    DW("\xd1\x80\xd0\xb4", FIT_WORD),                                            /* рд */
    DW("\xd2\xaf\xd0\xbd\xd1\x8d\xd0\xbc\xd0\xbb\xd1\x8d\xd1\x85", FIT_PREFIX),  /* үнэмлэх */
    DW("\xd1\x81\xd0\xbd\xd0\xb8\xd0\xbb\xd1\x81", FIT_WORD),                    /* снилс */
    DW("\xd0\xb8\xd0\xbd\xd0\xbd", FIT_WORD),                                    /* инн */
    DW("imei", FIT_WORD), DW("mac", FIT_WORD), DW("nric", FIT_WORD), DW("mykad", FIT_WORD),
    DW("ic", FIT_WORD),
    /* report-adv19b B-4: the papers of a migrant worker: a work or
     * residence permit and a visa (permit, 취업허가, 고용허가, 체류허가,
     * 허가증/허가번호, 비자, 사증; Mongolian зөвшөөрөл "permit" with its
     * endings, виз "visa"; Arabic تصريح "permit", إقامة "residence" (the
     * Gulf's iqama), جواز "passport", هوية "identity", with and without
     * the article ال; English permit and visa: english_paper). */
    DW("iqama", FIT_WORD),
    DW("허가", FIT_PREFIX), DW("취업허가", FIT_PREFIX), DW("고용허가", FIT_PREFIX),
    DW("체류허가", FIT_PREFIX), DW("노동허가", FIT_PREFIX), DW("비자", FIT_PREFIX), DW("사증", FIT_PREFIX),
    DW("зөвшөөр", FIT_PREFIX), DW("виз", FIT_PREFIX),
    DW("تصريح", FIT_WORD), DW("التصريح", FIT_WORD), DW("إقامة", FIT_WORD), DW("اقامة", FIT_WORD),
    DW("الإقامة", FIT_WORD), DW("الاقامة", FIT_WORD), DW("جواز", FIT_WORD), DW("هوية", FIT_WORD),
    DW("الهوية", FIT_WORD),
};

/* English "permit" and "visa" are verbs and a card's brand too ("will
 * permit 20000 workers", "Visa 4111..."): they label an ID number after a
 * qualifier or a colon ("permit no.", "visa: "), or after a word naming
 * the paper ("work permit", "entry visa"). */
static const struct det_word papers_en[] = { DW("permit", FIT_WORD), DW("visa", FIT_WORD), DW("pass", FIT_WORD) };
static const struct det_word paper_kinds_en[] = {
    DW("work", FIT_WORD), DW("residence", FIT_WORD), DW("resident", FIT_WORD), DW("entry", FIT_WORD),
    DW("exit", FIT_WORD), DW("stay", FIT_WORD), DW("employment", FIT_WORD), DW("labour", FIT_WORD),
    DW("labor", FIT_WORD), DW("travel", FIT_WORD), DW("transit", FIT_WORD), DW("student", FIT_WORD),
    DW("tourist", FIT_WORD), DW("business", FIT_WORD),
};

/* 1 if the word s[a..we) is an English paper (papers_en) labelling the
 * value: k qualifiers stand between them, or a colon follows it, or a
 * paper kind goes before it. */
static int english_paper(const char *s, size_t a, size_t we, size_t k)
{
    size_t b, e;

    if (!det_in_list(papers_en, sizeof papers_en / sizeof papers_en[0], s + a, we - a))
        return 0;
    if (k > 0 || s[we] == ':' || s[we] == '#')
        return 1;
    e = det_word_ending(s, a, " -", &b);
    return e != 0 && det_in_list(paper_kinds_en, sizeof paper_kinds_en / sizeof paper_kinds_en[0], s + b, e - b);
}

/* Bank account and card labels: the value after them is of category
 * `account` ([ACCOUNT-n]), not `id`.  report-adv12 A-17 and brief s15
 * f12a: account, 계좌, 카드, аккаунт, акаунт, счёт/счет (and its
 * genitive), карта, данс "account" (Mongolian, with its endings), IBAN,
 * and the words for a bank card or bank account in the three languages. */
static const struct det_word account_labels[] = {
    DW("account", FIT_WORD), DW("acct", FIT_WORD), DW("iban", FIT_WORD),
    DW("\xea\xb3\x84\xec\xa2\x8c", FIT_PREFIX),                                /* 계좌 */
    DW("\xec\xb9\xb4\xeb\x93\x9c", FIT_PREFIX),                                /* 카드 */
    DW("\xed\x86\xb5\xec\x9e\xa5", FIT_PREFIX),                                /* 통장 */
    DW("аккаунт", FIT_PREFIX), DW("акаунт", FIT_PREFIX), DW("счёт", FIT_WORD), DW("счет", FIT_WORD),
    DW("счёта", FIT_WORD), DW("счета", FIT_WORD), DW("карта", FIT_WORD), DW("карты", FIT_WORD),
    DW("карту", FIT_WORD), DW("данс", FIT_PREFIX), DW("карт", FIT_WORD),
    /* данс in Latin letters as Mongolians type it (report-adv20 R-11:
     * "dans: 5012345678"), with its case endings: genitive dansny/dansnii,
     * dative dansand, accusative dansyg/dansig, instrumental dansaar,
     * ablative dansnaas.  Whole words: "dance", "dansk" are none. */
    DW("dans", FIT_WORD), DW("dansny", FIT_WORD), DW("dansnii", FIT_WORD), DW("dansand", FIT_WORD),
    DW("dansyg", FIT_WORD), DW("dansig", FIT_WORD), DW("dansaar", FIT_WORD), DW("dansnaas", FIT_WORD),
    /* report-adv16a A-1: a bank's name is the commonest label of its
     * account numbers ("신한은행 110-123-456789", "Хаан банк: 5012345678",
     * "Сбербанк 4081..."), and so are the short forms on invoices (a/c,
     * acc; р/с, к/с, л/с: slash_labels, bank_word).  Korean banks and payment apps by
     * name (은행 "bank" and 뱅크 in any compound: bank_word), Mongolian and
     * Russian банк and its endings, Сбербанк, ХХБ, Голомт, Хаан банк. */
    DW("bank", FIT_PREFIX), DW("acc", FIT_WORD), DW("банк", FIT_PREFIX), DW("сбербанк", FIT_PREFIX),
    DW("ххб", FIT_WORD), DW("голомт", FIT_PREFIX),
    DW("은행", FIT_PREFIX), DW("농협", FIT_PREFIX), DW("신협", FIT_PREFIX), DW("뱅크", FIT_PREFIX),
    DW("카카오뱅크", FIT_PREFIX), DW("토스", FIT_PREFIX), DW("새마을금고", FIT_PREFIX),
};

/* The short forms of "account" written with a slash, as one word of
 * letters around '/': a/c (English), р/с, к/с, л/с (Russian расчётный,
 * корреспондентский, лицевой счёт; report-adv16a A-1). */
static const char *const slash_labels[] = { "a/c", "\xd1\x80/\xd1\x81", "\xd0\xba/\xd1\x81", "\xd0\xbb/\xd1\x81" };

static const struct det_word handle_labels[] = {
    DW("telegram", FIT_WORD), DW("tg", FIT_WORD), DW("kakao", FIT_WORD), DW("kakaotalk", FIT_WORD),
    DW("wechat", FIT_WORD), DW("weixin", FIT_WORD), DW("skype", FIT_WORD), DW("whatsapp", FIT_WORD),
    DW("viber", FIT_WORD), DW("signal", FIT_WORD), DW("line", FIT_WORD), DW("instagram", FIT_WORD),
    DW("insta", FIT_WORD), DW("ig", FIT_WORD), DW("facebook", FIT_WORD), DW("fb", FIT_WORD),
    DW("vk", FIT_WORD), DW("tiktok", FIT_WORD), DW("twitter", FIT_WORD), DW("snapchat", FIT_WORD),
    DW("imo", FIT_WORD), DW("username", FIT_WORD), DW("user", FIT_WORD), DW("discord", FIT_WORD),
    DW("reddit", FIT_WORD), DW("odnoklassniki", FIT_WORD),
    /* report-adv12c H21, H57: QQ and WeChat on the China route, "X", BAND,
     * and the words for a user name: nick, 닉네임, 계정, ник, хаяг ("address") */
    DW("qq", FIT_PREFIX), DW("x", FIT_WORD), DW("band", FIT_WORD), DW("nick", FIT_WORD),
    DW("nickname", FIT_WORD), DW("handle", FIT_WORD), DW("login", FIT_WORD),
    DW("\xeb\x8b\x89\xeb\x84\xa4\xec\x9e\x84", FIT_PREFIX), /* 닉네임 */
    DW("\xeb\x8b\x89", FIT_WORD), /* 닉 */
    DW("\xea\xb3\x84\xec\xa0\x95", FIT_PREFIX), /* 계정 */
    DW("\xd0\xbd\xd0\xb8\xd0\xba", FIT_PREFIX), /* ник(нейм) */
    DW("\xd1\x85\xd0\xb0\xd1\x8f\xd0\xb3", FIT_PREFIX), /* хаяг */
    DW("\xeb\xb0\xb4\xeb\x93\x9c", FIT_PREFIX), /* 밴드 */
    DW("\xec\xb9\xb4\xed\x86\xa1", FIT_PREFIX),                                  /* 카톡 */
    DW("\xec\xb9\xb4\xec\xb9\xb4\xec\x98\xa4", FIT_PREFIX),                      /* 카카오(톡) */
    DW("\xec\x9c\x84\xec\xb1\x97", FIT_PREFIX),                                  /* 위챗 */
    DW("\xed\x85\x94\xeb\xa0\x88\xea\xb7\xb8\xeb\x9e\xa8", FIT_PREFIX),          /* 텔레그램 */
    DW("\xec\x9d\xb8\xec\x8a\xa4\xed\x83\x80", FIT_PREFIX),                      /* 인스타(그램) */
    DW("\xed\x8e\x98\xec\x9d\xb4\xec\x8a\xa4\xeb\xb6\x81", FIT_PREFIX),          /* 페이스북 */
    DW("\xec\x95\x84\xec\x9d\xb4\xeb\x94\x94", FIT_PREFIX),                      /* 아이디 */
    DW("\xd1\x82\xd0\xb5\xd0\xbb\xd0\xb5\xd0\xb3\xd1\x80\xd0\xb0\xd0\xbc", FIT_PREFIX), /* телеграм */
    DW("\xd0\xb8\xd0\xbd\xd1\x81\xd1\x82\xd0\xb0\xd0\xb3\xd1\x80\xd0\xb0\xd0\xbc", FIT_PREFIX), /* инстаграм */
    /* report-adv27a G-12: the Ukrainian and Russian names of the networks
     * (інстаграм, інста, инста, вайбер, ватсап, вотсап, тікток, тикток,
     * твіттер, твиттер, тг, телега) */
    DW("інстаграм", FIT_PREFIX), DW("інста", FIT_WORD), DW("инста", FIT_WORD),
    DW("вайбер", FIT_PREFIX), DW("ватсап", FIT_PREFIX), DW("вотсап", FIT_PREFIX),
    DW("тікток", FIT_PREFIX), DW("тикток", FIT_PREFIX), DW("твіттер", FIT_PREFIX),
    DW("твиттер", FIT_PREFIX), DW("тг", FIT_WORD), DW("телега", FIT_PREFIX),
    DW("\xd1\x84\xd1\x8d\xd0\xb9\xd1\x81\xd0\xb1\xd2\xaf\xd2\xaf\xd0\xba", FIT_PREFIX), /* фэйсбүүк */
    DW("\xd1\x84\xd0\xb5\xd0\xb9\xd1\x81\xd0\xb1\xd1\x83\xd0\xba", FIT_PREFIX),  /* фейсбук */
    DW("\xd0\xb2\xd0\xba", FIT_WORD),                                            /* вк */
    DW("\xd0\xb2\xd0\xba\xd0\xbe\xd0\xbd\xd1\x82\xd0\xb0\xd0\xba\xd1\x82\xd0\xb5", FIT_WORD), /* вконтакте */
    DW("\xd0\xb0\xd0\xba\xd0\xba\xd0\xb0\xd1\x83\xd0\xbd\xd1\x82", FIT_PREFIX),  /* аккаунт */
    /* report-adv17a D-19: WeChat in Chinese (微信, 微信号) and its chat
     * abbreviations vx, wx; 号/號 "number" after any of these labels is
     * read off (label_before: "wechat号") */
    DW("\xe5\xbe\xae\xe4\xbf\xa1", FIT_PREFIX), DW("vx", FIT_WORD), DW("wx", FIT_WORD),
};

/* Geohashes and Plus Codes written without their '+' ("plus code
 * 8Q9JXV"): "code" counts only after "plus" (plus_code_label). */
static const struct det_word grid_labels[] = {
    DW("geohash", FIT_WORD), DW("pluscode", FIT_WORD), DW("olc", FIT_WORD), DW("mgrs", FIT_WORD),
    DW("utm", FIT_WORD), DW("\xd0\xbf\xd0\xbb\xd1\x8e\xd1\x81\xd0\xba\xd0\xbe\xd0\xb4", FIT_WORD), /* плюскод */
    /* Plus Code in one word in Chinese, Japanese and Korean (report-adv31
     * L-13; HAND-WRITTEN, Google's own pages' names: they want a native
     * reviewer): 加号代码, 加號代碼, プラスコード, 플러스코드 */
    DW("\xe5\x8a\xa0\xe5\x8f\xb7\xe4\xbb\xa3\xe7\xa0\x81", FIT_WORD), DW("\xe5\x8a\xa0\xe8\x99\x9f\xe4\xbb\xa3\xe7\xa2\xbc", FIT_WORD),
    DW("\xe3\x83\x97\xe3\x83\xa9\xe3\x82\xb9\xe3\x82\xb3\xe3\x83\xbc\xe3\x83\x89", FIT_WORD), DW("\xed\x94\x8c\xeb\x9f\xac\xec\x8a\xa4\xec\xbd\x94\xeb\x93\x9c", FIT_WORD),
};

/* The two words of "Plus Code" in the languages the tool reads
 * (HAND-WRITTEN, they want a native reviewer): plus, плюс, 플러스; code,
 * код, 코드, kod, kode. */
static const struct det_word plus_words[] = {
    DW("plus", FIT_WORD), DW("\xd0\xbf\xd0\xbb\xd1\x8e\xd1\x81", FIT_WORD), DW("\xed\x94\x8c\xeb\x9f\xac\xec\x8a\xa4", FIT_WORD),   /* плюс 플러스 */
    DW("\xd0\xbf\xd0\xbb\xd0\xb0\xd1\x81", FIT_WORD),           /* плас: Mongolian spelling (report-adv32 L-16) */
};
/* The noun, singular and plural (report-adv32 L-16: "Plus Codes:",
 * "плюс-коды:", Mongolian кодууд), and Chinese 代码 代碼 after a Latin
 * "Plus" ("Plus 代码：8Q7X FQ"). */
static const struct det_word code_words[] = {
    DW("code", FIT_WORD), DW("\xd0\xba\xd0\xbe\xd0\xb4", FIT_WORD), DW("\xec\xbd\x94\xeb\x93\x9c", FIT_WORD),   /* код 코드 */
    DW("kod", FIT_WORD), DW("kode", FIT_WORD), DW("codes", FIT_WORD),
    DW("\xd0\xba\xd0\xbe\xd0\xb4\xd1\x8b", FIT_WORD), DW("\xd0\xba\xd0\xbe\xd0\xb4\xd1\x83\xd1\x83\xd0\xb4", FIT_WORD), /* коды кодууд */
    DW("\xe4\xbb\xa3\xe7\xa0\x81", FIT_WORD), DW("\xe4\xbb\xa3\xe7\xa2\xbc", FIT_WORD),                 /* 代码 代碼 */
};

/* 1 if the word s[a..a+n) ends the two words of "Plus Code", through a
 * space or a hyphen: "plus code", "plus-code", Russian, Ukrainian and
 * Mongolian "плюс-код", "плюс код" (report-adv30 L-16; Google's own
 * Russian and Ukrainian pages call them so), Korean "플러스 코드", and
 * Malay and Indonesian, where the noun comes first: "kod plus", "kode
 * plus" (report-adv31 L-13). */
static int plus_code_label(const char *s, size_t a, const char *w, size_t n)
{
    size_t b, we;

    if ((we = det_word_ending(s, a, " -", &b)) == 0 || a - we > 1)
        return 0;
    if (det_in_list(code_words, N(code_words), w, n))
        return det_in_list(plus_words, N(plus_words), s + b, we - b);
    return n == 4 && memcmp(w, "plus", 4) == 0 && we - b >= 3 && s[b] == 'k' &&
           det_in_list(code_words, N(code_words), s + b, we - b);
}

static const struct det_word ip_labels[] = {
    DW("ip", FIT_WORD), DW("ipv4", FIT_WORD), DW("\xec\x95\x84\xec\x9d\xb4\xed\x94\xbc", FIT_PREFIX), /* 아이피 */
};

static const struct det_word coord_labels[] = {
    DW("lat", FIT_WORD), DW("latitude", FIT_WORD), DW("lon", FIT_WORD), DW("lng", FIT_WORD),
    DW("longitude", FIT_WORD),
    DW("\xec\x9c\x84\xeb\x8f\x84", FIT_PREFIX),                                  /* 위도 */
    DW("\xea\xb2\xbd\xeb\x8f\x84", FIT_PREFIX),                                  /* 경도 */
    DW("\xd1\x88\xd0\xb8\xd1\x80\xd0\xbe\xd1\x82\xd0\xb0", FIT_PREFIX),              /* широта */
    DW("\xd0\xb4\xd0\xbe\xd0\xbb\xd0\xb3\xd0\xbe\xd1\x82\xd0\xb0", FIT_PREFIX),      /* долгота */
    DW("\xd3\xa9\xd1\x80\xd0\xb3\xd3\xa9\xd1\x80\xd3\xa9\xd0\xb3", FIT_PREFIX),      /* өргөрөг */
    DW("\xd1\x83\xd1\x80\xd1\x82\xd1\x80\xd0\xb0\xd0\xb3", FIT_PREFIX),              /* уртраг */
};

/* Labels of a mailbox (report-adv12c H23): a provider named before the
 * user name ("gmail: tsetsegee88", "지메일 tsetsegee88", "네이버 메일
 * tsetsegee88") or a word for e-mail ("mail: tsetsegee88 on gmail", "мейл:
 * tsetsegee gmail-д").  The value is an e-mail address without its domain:
 * it needs a digit, '.' or '_', or a provider as the label or right after
 * it (mailbox_value); the providers are the first entries. */
static const struct det_word mail_labels[] = {
    DW("gmail", FIT_WORD), DW("naver", FIT_WORD), DW("daum", FIT_WORD), DW("hanmail", FIT_WORD),
    DW("yahoo", FIT_WORD), DW("hotmail", FIT_WORD), DW("outlook", FIT_WORD), DW("yandex", FIT_WORD),
    DW("icloud", FIT_WORD), DW("protonmail", FIT_WORD),
#define MAIL_PROVIDERS 10
    DW("mail", FIT_WORD), DW("email", FIT_WORD), DW("mailbox", FIT_WORD),
    DW("\xec\xa7\x80\xeb\xa9\x94\xec\x9d\xbc", FIT_PREFIX), /* 지메일 */
    DW("\xeb\x84\xa4\xec\x9d\xb4\xeb\xb2\x84", FIT_PREFIX), /* 네이버 */
    DW("\xed\x95\x9c\xeb\xa9\x94\xec\x9d\xbc", FIT_PREFIX), /* 한메일 */
    DW("\xeb\x8b\xa4\xec\x9d\x8c\xeb\xa9\x94\xec\x9d\xbc", FIT_PREFIX), /* 다음메일 */
    DW("\xec\x95\xbc\xed\x9b\x84", FIT_PREFIX), /* 야후 */
    DW("\xeb\xa9\x94\xec\x9d\xbc", FIT_PREFIX), /* 메일 */
    DW("\xec\x9d\xb4\xeb\xa9\x94\xec\x9d\xbc", FIT_PREFIX), /* 이메일 */
    DW("\xd0\xbf\xd0\xbe\xd1\x87\xd1\x82\xd0\xb0", FIT_PREFIX), /* почта */
    DW("\xd0\xbc\xd0\xb5\xd0\xb9\xd0\xbb", FIT_PREFIX), /* мейл */
    DW("\xd0\xbc\xd1\x8d\xd0\xb9\xd0\xbb", FIT_PREFIX), /* мэйл */
    DW("\xd0\xb8\xd0\xbc\xd1\x8d\xd0\xb9\xd0\xbb", FIT_PREFIX), /* имэйл */
    DW("\xd0\xb8\xd0\xbc\xd0\xb5\xd0\xb9\xd0\xbb", FIT_PREFIX), /* имейл */
    DW("\xd1\x8f\xd0\xbd\xd0\xb4\xd0\xb5\xd0\xba\xd1\x81", FIT_PREFIX), /* яндекс */
    DW("\xd1\x8f\xd1\x89\xd0\xb8\xd0\xba", FIT_PREFIX), /* ящик: "мой ящик kim85 на яндексе" (report-adv17a D-19) */
    DW("\xd0\xbc\xd1\x8b\xd0\xbb\xd0\xbe", FIT_PREFIX), /* мыло (slang for e-mail) */
    DW("\xe9\x82\xae\xe7\xae\xb1", FIT_ANY), /* 邮箱 */
};

static const struct det_word qualifiers[] = {
    DW("no", FIT_WORD), DW("nr", FIT_WORD), DW("num", FIT_WORD), DW("number", FIT_WORD),
    DW("card", FIT_WORD), DW("name", FIT_WORD), DW("id", FIT_WORD), DW("handle", FIT_WORD),
    DW("\xeb\xb2\x88\xed\x98\xb8", FIT_PREFIX),                                  /* 번호 */
    DW("\xd0\xb4\xd1\x83\xd0\xb3\xd0\xb0\xd0\xb0\xd1\x80", FIT_PREFIX),          /* дугаар */
    DW("\xd0\xbd\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x80", FIT_PREFIX),                  /* номер */
    DW("\xd1\x81\xd0\xb5\xd1\x80\xd0\xb8", FIT_PREFIX),                          /* серии, серия */
    DW("address", FIT_WORD), DW("\xec\xa3\xbc\xec\x86\x8c", FIT_PREFIX),            /* 주소 */
    DW("\xd0\xb0\xd0\xb4\xd1\x80\xd0\xb5\xd1\x81", FIT_PREFIX),                /* адрес */
    DW("\xd0\xb4\xd1\x8d\xd1\x8d\xd1\x80", FIT_WORD),                            /* дээр: FB дээр kim88 */
    /* report-adv17a D-19: a copula between the label and its value ("my
     * gmail is kim85", "skype is live:kim85", "почта это kim85") */
    DW("is", FIT_WORD), DW("was", FIT_WORD), DW("\xd1\x8d\xd1\x82\xd0\xbe", FIT_WORD), /* это */
    /* Arabic puts the qualifiers after the label: تصريح العمل رقم
     * "permit (of) the work number", جواز السفر "passport (of) the
     * travel", بطاقة "card" (report-adv19b B-4). */
    DW("رقم", FIT_WORD), DW("العمل", FIT_WORD), DW("عمل", FIT_WORD), DW("السفر", FIT_WORD),
    DW("بطاقة", FIT_WORD),
};


/* Labels of a part of a number (report-adv12c H65): an RRN or a phone
 * number said in halves, "주민번호 앞자리는 750314, 뒷자리는 1234567",
 * "번호는 010-1234에 끝자리 5678", "утасны дугаар 9911, сүүлийн 4 оронтой
 * нь 2233", "her number starts 010-1234 and ends 5678".  The value after
 * one is an ID part of four digits or more; the English words (ends,
 * starts...) count only with a number word before them in the sentence
 * (number_word_before).  A number of four digits or more right after a
 * qualifier or an ID label is a part too when a part label follows it
 * within PART_WINDOW bytes ("9911, сүүлийн 4 оронтой нь 2233"). */
static const struct det_word part_labels[] = {
    DW("\xec\x95\x9e\xec\x9e\x90\xeb\xa6\xac", FIT_PREFIX), /* 앞자리 */
    DW("\xeb\x92\xb7\xec\x9e\x90\xeb\xa6\xac", FIT_PREFIX), /* 뒷자리 */
    DW("\xeb\x92\xa4\xec\x9e\x90\xeb\xa6\xac", FIT_PREFIX), /* 뒤자리 */
    DW("\xeb\x81\x9d\xec\x9e\x90\xeb\xa6\xac", FIT_PREFIX), /* 끝자리 */
    DW("\xec\xa4\x91\xea\xb0\x84\xec\x9e\x90\xeb\xa6\xac", FIT_PREFIX), /* 중간자리 */
    DW("\xea\xb0\x80\xec\x9a\xb4\xeb\x8d\xb0\xec\x9e\x90\xeb\xa6\xac", FIT_PREFIX), /* 가운데자리 */
    DW("\xec\x95\x9e\xeb\xb2\x88\xed\x98\xb8", FIT_PREFIX), /* 앞번호 */
    DW("\xeb\x92\xb7\xeb\xb2\x88\xed\x98\xb8", FIT_PREFIX), /* 뒷번호 */
    DW("\xeb\x81\x9d\xeb\xb2\x88\xed\x98\xb8", FIT_PREFIX), /* 끝번호 */
    DW("\xec\xa4\x91\xea\xb0\x84\xeb\xb2\x88\xed\x98\xb8", FIT_PREFIX), /* 중간번호 */
    DW("\xec\x95\x9e\xeb\xb6\x80\xeb\xb6\x84", FIT_PREFIX), /* 앞부분 */
    DW("\xeb\x92\xb7\xeb\xb6\x80\xeb\xb6\x84", FIT_PREFIX), /* 뒷부분 */
    DW("\xd0\xbe\xd1\x80\xd0\xbe\xd0\xbd\xd1\x82\xd0\xbe\xd0\xb9", FIT_PREFIX), /* оронтой (нь): "сүүлийн 4 оронтой нь 2233" */
    DW("\xd1\x86\xd0\xb8\xd1\x84\xd1\x80", FIT_PREFIX), /* цифры: "последние цифры 5678" */
};

static const struct det_word part_words_en[] = {
    DW("ends", FIT_WORD), DW("ending", FIT_WORD), DW("starts", FIT_WORD), DW("starting", FIT_WORD),
    DW("begins", FIT_WORD), DW("beginning", FIT_WORD), DW("digits", FIT_WORD),
    DW("rest", FIT_WORD), DW("ended", FIT_WORD),
    DW("\xec\x9e\x90\xeb\xa6\xac", FIT_PREFIX), /* 자리(는): "번호 마지막 네 자리는 4455" */
};

/* report-adv19b B-18: a number given in two named parts, "the first
 * four are 9911, the rest 2345", "эхний хэсэг 9911, сүүлийн хэсэг 2233"
 * (Mongolian эхний first, сүүлийн last, дунд middle): these count with a
 * number word before them and a count or a word for part after them
 * ("first four", "сүүлийн хэсэг"; "first 2019" is a year). */
static const struct det_word part_order[] = {
    DW("first", FIT_WORD), DW("last", FIT_WORD), DW("middle", FIT_WORD),
    DW("эхний", FIT_WORD), DW("сүүлийн", FIT_WORD), DW("дунд", FIT_WORD), DW("дундах", FIT_WORD),
};

/* Small words between a part word and its value: "ends in", "starts
 * with", "оронтой нь", "the first four are", "сүүлийн хэсэг нь" (хэсэг:
 * part). */
static const struct det_word part_between[] = {
    DW("in", FIT_WORD), DW("at", FIT_WORD), DW("is", FIT_WORD), DW("are", FIT_WORD),
    DW("with", FIT_WORD), DW("нь", FIT_WORD),
    /* "the last four digits of his card were 2290", "цифри картки були
     * 4421", "оронтой тоо 6621" (тоо: number; report-adv29c K-11) */
    DW("of", FIT_WORD), DW("the", FIT_WORD), DW("was", FIT_WORD), DW("were", FIT_WORD),
    DW("my", FIT_WORD), DW("his", FIT_WORD), DW("her", FIT_WORD), DW("your", FIT_WORD),
    DW("their", FIT_WORD), DW("були", FIT_WORD), DW("було", FIT_WORD), DW("був", FIT_WORD),
    DW("были", FIT_WORD), DW("было", FIT_WORD), DW("был", FIT_WORD), DW("тоо", FIT_WORD),
    DW("хэсэг", FIT_WORD), DW("хэсэгт", FIT_WORD), DW("part", FIT_WORD), DW("half", FIT_WORD),
};
#define PART_NOUNS 22           /* part_between[PART_NOUNS..]: хэсэг, хэсэгт, part, half */

/* The words that make the English part words count, and number words
 * for a first half. */
static const struct det_word number_words[] = {
    DW("number", FIT_WORD), DW("phone", FIT_PREFIX), DW("passport", FIT_PREFIX), DW("id", FIT_WORD),
    DW("tel", FIT_WORD), DW("mobile", FIT_WORD), DW("cell", FIT_WORD),
    DW("\xeb\xb2\x88\xed\x98\xb8", FIT_PREFIX), /* 번호 */
    DW("\xec\xa0\x84\xed\x99\x94", FIT_PREFIX), /* 전화 */
    DW("\xd1\x83\xd1\x82\xd0\xb0\xd1\x81", FIT_PREFIX), /* утас */
    DW("\xd0\xb4\xd1\x83\xd0\xb3\xd0\xb0\xd0\xb0\xd1\x80", FIT_PREFIX), /* дугаар */
    DW("\xd0\xbd\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x80", FIT_PREFIX), /* номер */
    DW("\xec\xa3\xbc\xeb\xaf\xbc", FIT_PREFIX), /* 주민 */
    /* Malay (brief s26 malay26): IC, nombor, telefon, pasport, akaun */
    DW("ic", FIT_WORD), DW("nombor", FIT_WORD), DW("telefon", FIT_PREFIX), DW("pasport", FIT_PREFIX),
    DW("akaun", FIT_PREFIX),
};
#define PART_WINDOW 48

/* Between a label and its value: a JSON or YAML key is a label too, its
 * quotes and '_' joining words ("\"account\":\"5012345678\"",
 * "'account_number': ..."; report-adv16a A-22). */
#define SEPARATORS " :#.-=_\"'"

/* A qualifier standing alone for an ID label said just before it in the
 * text ("Passport No. 745 123 456 and No.: seven four five ...":
 * report-adv12 A-25): 1 if an ID label starts within ID_BACK bytes
 * before the qualifier at q. */
#define ID_BACK 48
static const struct det_word number_qualifiers[] = {
    DW("no", FIT_WORD), DW("nr", FIT_WORD), DW("num", FIT_WORD), DW("number", FIT_WORD),
    DW("\xeb\xb2\x88\xed\x98\xb8", FIT_PREFIX),                                  /* 번호 */
    DW("\xd0\xb4\xd1\x83\xd0\xb3\xd0\xb0\xd0\xb0\xd1\x80", FIT_PREFIX),          /* дугаар */
    DW("\xd0\xbd\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x80", FIT_PREFIX),                  /* номер */
};

static int id_label_back(const char *s, size_t q, int numq)
{
    size_t from = q > ID_BACK ? q - ID_BACK : 0, i, w;

    if (!numq)
        return 0;
    /* In the same sentence: back to a ';', '!', '?' or a full stop (a '.'
     * after a digit or a word of four letters or more, not "no."). */
    for (i = q; i > from; i--) {
        char c = s[i - 1];
        if (c == ';' || c == '!' || c == '?')
            break;
        if (c == '.') {
            for (w = i - 1; w > 0 && det_alpha(s[w - 1]); w--)
                ;
            if (i - 1 - w >= 4 || (i >= 2 && det_digit(s[i - 2])))
                break;
        }
    }
    return det_word_near(s, q, i, q, account_labels, N(account_labels)) ? LABEL_ACCOUNT
           : det_word_near(s, q, i, q, id_labels, N(id_labels))         ? LABEL_ID
                                                                         : LABEL_NONE;
}

/* 1 if an IP label starts within IP_BACK bytes before at, in the same
 * sentence (no '.', ';', '!', '?' between but inside a number). */
#define IP_BACK 40
static int ip_label_back(const char *s, size_t at)
{
    size_t from = at > IP_BACK ? at - IP_BACK : 0, i;

    for (i = at; i > from; i--)
        if (strchr(";!?", s[i - 1]) != NULL ||
            (s[i - 1] == '.' && !(i >= 2 && det_digit(s[i - 2]) && det_digit(s[i]))))
            break;
    return det_word_near(s, at, i, at, ip_labels, N(ip_labels));
}

/* 1 if the word w[0..n) names a bank by a compound of 은행 or 뱅크
 * ("신한은행", "우리은행에", "케이뱅크") or is a slash short form of
 * slash_labels ending at s[we] (its letter after the '/' is w). */
static int bank_word(const char *s, const char *w, size_t n)
{
    static const char eunhaeng[] = "\xec\x9d\x80\xed\x96\x89", baengk[] = "\xeb\xb1\x85\xed\x81\xac";
    size_t k, m, cl;

    for (k = 0; k + 6 <= n && (unsigned char)w[0] >= 0xEA && (unsigned char)w[0] <= 0xED; k += 3)
        if (memcmp(w + k, eunhaeng, 6) == 0 || memcmp(w + k, baengk, 6) == 0)
            return 1;
    for (k = 0; k < N(slash_labels); k++) {
        m = strlen(slash_labels[k]);
        if ((size_t)(w + n - s) >= m && memcmp(w + n - m, slash_labels[k], m) == 0 &&
            !is_word_cp(det_cp_before(s, (size_t)(w + n - s) - m, &cl)))
            return 1;
    }
    return 0;
}

/* 1 if an account label is the next word after the value ending at e:
 * Mongolian and Korean put it after the number ("5012345678 дансанд",
 * "110123456789 계좌로"; report-adv16a A-1).  Only for values of eight
 * digits or more (three cards, "3 карт", are no account). */
static int account_after(const char *s, size_t len, size_t at, size_t e)
{
    size_t i = e, a, digits = 0, cl;
    int cp;

    for (a = at; a < e; a++)
        digits += det_digit(s[a]) != 0;
    if (digits < 8)
        return 0;
    while (i < len && (s[i] == ' ' || s[i] == '-'))
        i++;
    for (a = i; (cp = det_cp_at(s, len, a, &cl)) >= 0 && is_word_cp(cp); a += cl)
        ;
    return a > i && i > e && det_in_list(account_labels, N(account_labels), s + i, a - i);
}

/* "card" with no ID label before it ("card: 5012...", the JSON key
 * "card_no") labels a bank card (report-adv16a A-22); "ID card" stays an
 * ID.  l: what the label words before said. */
static enum label_kind card_alone(int l, int card)
{
    return l == LABEL_NONE && card ? LABEL_ACCOUNT : (enum label_kind)l;
}

/* The label before the value at v, through up to two qualifiers. */
static enum label_kind label_before(const char *s, size_t v)
{
    size_t end = v, a, b, we, k;
    int numq = 0;               /* the qualifier next to the value says "number" */
    int card = 0;               /* a qualifier was "card" */
    int state = 0;              /* the issuing state was read past */

    for (k = 0; k < 3; k++) {
        if (!state && (b = detect_doc_between(s, end)) != 0)
            end = b, state = 1;           /* "паспорт КНДР", "여권(공화국)": detect_label_doc.c */
        if ((we = det_word_ending(s, end, k == 0 ? detect_ms_comma(s, end, SEPARATORS, SEPARATORS ",") : SEPARATORS, &a)) == 0)
            break;
        const char *w = s + a;
        size_t n = we - a;
        /* A bank before a messenger: 카카오뱅크 is a bank, 카카오 a messenger. */
        if (bank_word(s, w, n))
            return LABEL_ACCOUNT;
        if (det_in_list(handle_labels, N(handle_labels), w, n) ||
            (n > 3 && (memcmp(w + n - 3, "\xe5\x8f\xb7", 3) == 0 || memcmp(w + n - 3, "\xe8\x99\x9f", 3) == 0) &&
             det_in_list(handle_labels, N(handle_labels), w, n - 3)))     /* wechat号 */
            return LABEL_HANDLE;
        if (det_in_list(account_labels, N(account_labels), w, n))
            return LABEL_ACCOUNT;
        switch (detect_ms_label(s, a, we)) {       /* Malay: detect_label_ms.c */
        case MS_ID: return LABEL_ID;
        case MS_ACCOUNT: return LABEL_ACCOUNT;
        default: break;
        }
        /* "kakao id": the qualifier "id", then the network before it. */
        if ((det_in_list(id_labels, N(id_labels), w, n) || detect_natid_label(w, n) ||
             english_paper(s, a, we, k) || detect_doc_label_at(s, a, we, k)) &&
            !((we = det_word_ending(s, a, SEPARATORS, &b)) != 0 &&
              det_in_list(handle_labels, N(handle_labels), s + b, we - b)))
            return LABEL_ID;
        switch (det_w3w_label_word(s, a, w, n)) {
        case 2: return LABEL_W3W;
        case 1: return LABEL_W3W_JOINED;
        default: break;
        }
        if (det_in_list(mail_labels, N(mail_labels), w, n))
            return LABEL_MAIL;
        if (det_in_list(ip_labels, N(ip_labels), w, n))
            return LABEL_IP;
        if (det_in_list(grid_labels, N(grid_labels), w, n) || plus_code_label(s, a, w, n))
            return LABEL_GRID;
        if (k == 0 && det_in_list(coord_labels, N(coord_labels), w, n))
            return LABEL_COORD;
        if (!det_in_list(qualifiers, N(qualifiers), w, n) && !detect_ms_qualifier(w, n))
            return k > 0 ? card_alone(id_label_back(s, end, numq), card) : LABEL_NONE;
        if (k == 0)
            numq = det_in_list(number_qualifiers, N(number_qualifiers), w, n);
        card |= n == 4 && memcmp(w, "card", 4) == 0;
        end = a;
    }
    return k > 0 ? card_alone(id_label_back(s, end, numq), card) : LABEL_NONE;
}
int detect_id_label(const char *w, size_t n)
{
    return det_in_list(id_labels, N(id_labels), w, n) || detect_natid_label(w, n) ||
           detect_doc_label(w, n) || detect_ms_label(w, 0, n) == MS_ID;
}

int detect_account_label(const char *s, const char *w, size_t n)
{
    return bank_word(s, w, n) || det_in_list(account_labels, N(account_labels), w, n) ||
           (n == 4 && memcmp(w, "card", 4) == 0);
}

/* An ID value (detect_id_value.c) of minchars-20 characters, 4 digits
 * at least; id_value: of 5 characters at least. */
static size_t id_value_min(const char *s, size_t len, size_t at, size_t minchars)
{
    return detect_id_value_digits(s, len, at, minchars, 4);
}

static size_t id_value(const char *s, size_t len, size_t at)
{
    return id_value_min(s, len, at, 5);
}

/* 1 if a part label (part_labels, or an English part word after a number
 * word) ends before the value at v: "뒷자리는 1234567", "ends in 5678",
 * "оронтой нь 2233"; 2 if a card's or an account's noun stands between
 * ("last digits of the card: 6612", "цифри картки 4421", "the last four
 * digits of my card were 2290": report-adv29c K-11), the value an account
 * then, as detect_tail.c's card endings are ("card ends with 0091" before
 * the part word is detect_tail.c's).  Without such a word ("the last four digits are
 * 1412") a registered number's part is redact_idparts.c's, with the
 * number's own placeholder; 0 if none. */
static int part_label_before(const char *s, size_t v)
{
    size_t a, we = det_word_ending(s, v, SEPARATORS, &a), b, k;
    int counted = 0, noun = 0;

    for (k = 0; k < 5 && we != 0; k++) {
        if (det_in_list(part_labels, N(part_labels), s + a, we - a))
            return noun == 2 ? 2 : 1;
        if (det_in_list(part_words_en, N(part_words_en), s + a, we - a) || detect_ms_part_word(s + a, we - a) ||
            (counted && det_in_list(part_order, N(part_order), s + a, we - a))) {
            if (noun != 0)
                return noun;
            return det_word_near(s, v, a > 96 ? a - 96 : 0, a, number_words, N(number_words));
        }
        /* Small words between (part_between), and the count of digits
         * ("first four are", "сүүлийн 4"); the number's noun ("цифри
         * картки 4421", "digits of the card: 6612": report-adv29c K-11). */
        if ((we - a <= 2 && det_digit(s[a])) || detect_spoken_word(s, we, a) ||
            det_in_list(part_between + PART_NOUNS, N(part_between) - PART_NOUNS, s + a, we - a))
            counted = 1;
        else if (detect_account_noun_near(s, we, a, a + 1))
            noun = 2;
        else if (det_in_list(number_words, N(number_words), s + a, we - a))
            noun = noun == 2 ? 2 : 1;
        else if (!det_in_list(part_between, PART_NOUNS, s + a, we - a) && !detect_ms_part_between(s + a, we - a))
            return 0;
        we = det_word_ending(s, a, SEPARATORS, &b);
        a = b;
    }
    return 0;
}

/* The end of a part of a number at at (part_labels): after a part label,
 * or after a number word when a part label follows; 0 if none.  Its kind
 * in *kind: an account after a card's noun (part_label_before), else an
 * ID. */
static size_t part_value(const char *s, size_t len, size_t at, int *kind)
{
    size_t end, a, we;
    int by;

    *kind = DETECT_ID;
    if (!det_digit(s[at]) || (end = id_value_min(s, len, at, 4)) == 0)
        return 0;
    if ((by = part_label_before(s, at)) != 0) {
        *kind = by == 2 ? DETECT_ACCOUNT : DETECT_ID;
        return end;
    }
    we = det_word_ending(s, at, SEPARATORS, &a);
    if (we == 0 || !det_in_list(number_words, N(number_words), s + a, we - a))
        return 0;
    return det_word_near(s, len, end, end + PART_WINDOW < len ? end + PART_WINDOW : len, part_labels,
                         N(part_labels)) ||
           det_word_near(s, len, end, end + PART_WINDOW < len ? end + PART_WINDOW : len, part_words_en,
                         N(part_words_en)) ? end : 0;
}

/* A latitude or longitude: [-]D.dd (two decimals or more: 1 km). */
static size_t one_coord(const char *s, size_t len, size_t at)
{
    size_t n, d;

    if (s[at] == '-')
        at++;
    n = det_digits(s, len, at);
    if (n == 0 || n > 3 || at + n >= len || s[at + n] != '.')
        return 0;
    d = det_digits(s, len, at + n + 1);
    return d >= 2 && det_ends_word(s, len, at + n + 1 + d) ? at + n + 1 + d : 0;
}

/* A latitude or longitude (one_coord), and the other of the pair after a
 * comma when one follows ("latitude 47.918, 106.917"). */
static size_t coord_value(const char *s, size_t len, size_t at)
{
    size_t e = one_coord(s, len, at), i = e, second;

    if (e == 0 || i >= len || s[i] != ',')
        return e;
    for (i++; i < len && s[i] == ' ' && i - e < 3; i++)
        ;
    return i < len && (det_digit(s[i]) || s[i] == '-') && (second = one_coord(s, len, i)) != 0 ? second : e;
}

/* A geohash or a Plus Code without its '+': 5-12 letters and digits
 * holding a digit. */
static size_t grid_value(const char *s, size_t len, size_t at)
{
    size_t i = at, nd = 0;

    while (i < len && det_alnum(s[i]) && i - at <= 12)
        nd += (size_t)det_digit(s[i]), i++;
    return i - at >= 5 && i - at <= 12 && nd > 0 && det_ends_word(s, len, i) ? i : 0;
}

/* An account name: [a-z0-9._], starts with a letter or digit, holds a
 * letter, 3-32 long, not ending in '.'. */
static size_t handle_value(const char *s, size_t len, size_t at)
{
    size_t i = at, letters = 0;

    if (det_starts(s, len, at, "live:"))
        i += 5;                                                 /* Skype: live:kim_1 */
    while (i < len && (det_alnum(s[i]) || s[i] == '.' || s[i] == '_') && i - at <= 32)
        letters += (size_t)det_alpha(s[i]), i++;
    while (i > at && s[i - 1] == '.')
        i--;
    if (i + 5 <= len && s[i] == '#' && det_digits(s, len, i + 1) == 4)
        i += 5;                                                 /* discord kim#1234 */
    return letters > 0 && i - at >= 3 && i - at <= 38 && det_ends_word(s, len, i) ? i : 0;
}

/* 1 if a provider's name and a colon stand right before the value at v
 * ("gmail: tsetsegee", "naver:tsetsegee"). */
static int provider_colon_before(const char *s, size_t v)
{
    size_t a, we, e = v;

    while (e > 0 && s[e - 1] == ' ')
        e--;
    if (e == 0 || s[e - 1] != ':')
        return 0;
    we = det_word_ending(s, e - 1, "", &a);
    return we != 0 && det_in_list(mail_labels, MAIL_PROVIDERS, s + a, we - a);
}

/* The end of a mailbox's user name at at after a mail label (above), or
 * 0: [a-z0-9._] holding a digit, '.' or '_', or followed by a provider
 * (" gmail-д", " on gmail"), or of letters only right after a provider
 * and a colon when it is no English word (brief i12-kinds2, item 4:
 * "gmail: tsetsegee"; hunspell-en-us asked, util/lexicon.h; with it
 * missing, any such word); a word alone is a word ("Naver: the company",
 * "gmail: blocked"). */
static size_t mailbox_value(const char *s, size_t len, size_t at, size_t hv)
{
    size_t k, i = hv, a;

    if (hv == 0)
        return 0;
    for (k = at; k < hv; k++)
        if (det_digit(s[k]) || s[k] == '.' || s[k] == '_')
            return hv;
    if (provider_colon_before(s, at) && lexicon_word(LEXICON_EN, s + at, hv - at) != 1)
        return hv;
    if (det_starts(s, len, i, " on "))
        i += 3;
    if (i < len && s[i] == ' ')
        i++;
    for (a = i; i < len && det_alpha(s[i]); i++)
        ;
    return i > a && det_in_list(mail_labels, MAIL_PROVIDERS, s + a, i - a) ? hv : 0;
}

/* 1 if the value [at, hv) after a messenger's label is an English word
 * of letters only with nothing but a space before it ("on line four",
 * "the signal went", "a band played"): the label is the ordinary word it
 * also is, and the value no user name (brief s53 over53, report-adv52b
 * L-1: "four" became a handle).  After a colon or a qualifier ("LINE:
 * four", "line ID four") the value stays a handle. */
static int word_after_label(const char *s, size_t at, size_t hv)
{
    size_t a = at - 1;

    for (size_t k = at; k < hv; k++)
        if (!det_alpha(s[k]))
            return 0;
    if (at < 2 || s[at - 1] != ' ')
        return 0;
    while (a > 0 && det_alpha(s[a - 1]))
        a--;
    return a < at - 1 && det_in_list(handle_labels, N(handle_labels), s + a, at - 1 - a) &&
           lexicon_word(LEXICON_EN, s + at, hv - at) == 1;
}

/* A platform in parentheses after a user name holding a digit or '_':
 * "kim88 (Telegram)". */
static int platform_after(const char *s, size_t len, size_t at, size_t end)
{
    size_t i = end, e, k, marks = 0;

    for (k = at; k < end; k++)
        marks += det_digit(s[k]) || s[k] == '_';
    if (marks == 0 || !det_starts(s, len, i, " ("))
        return 0;
    for (e = i + 2; e < len && det_alpha(s[e]); e++)
        ;
    return e < len && s[e] == ')' && det_in_list(handle_labels, N(handle_labels), s + i + 2, e - i - 2);
}

/* 1 if the label before the value at v is QQ's ("QQ", "QQ号"): its
 * accounts are numbers. */
static int qq_before(const char *s, size_t v)
{
    size_t a, we = det_word_ending(s, v, SEPARATORS, &a);

    return we != 0 && we - a >= 2 && s[a] == 'q' && s[a + 1] == 'q';
}

/* The start of a passport's series of one or two letters (any script)
 * standing between an ID label and the number at at ("паспорт АБ
 * 1234567", "passport AB 1234567"), or SIZE_MAX. */
static size_t series_before(const char *s, size_t at)
{
    size_t a, cl, n = 0, i;
    int cp;

    if (at < 3 || s[at - 1] != ' ' || det_word_ending(s, at - 1, "", &a) == 0)
        return SIZE_MAX;
    for (i = a; i < at - 1 && (cp = det_cp_at(s, at - 1, i, &cl)) >= 0; i += cl, n++)
        if (cp >= '0' && cp <= '9')
            return SIZE_MAX;
    return n >= 1 && n <= 2 && a > 0 && strchr(SEPARATORS, s[a - 1]) != NULL && s[a - 1] != '\0' ? a : SIZE_MAX;
}

/* The kind of the value at [at, end) after an account label: a phone
 * number when the numbering plans read the same digits as one
 * ("account: 010-1234-5678" is still a phone), else an account number
 * (DETECT_ACCOUNT: "счёт 40817 810 0 9999 1234567", "данс 5012345678"). */
static int account_kind(const char *s, size_t len, size_t at, size_t end)
{
    size_t st = at;
    int k = DETECT_PHONE;
    struct err e;

    if (det_digit(s[at]) && detect_phone_ready(&e) == 0 && detect_scan_phone(s, len, at, &st, &k) == end)
        return DETECT_PHONE;
    return DETECT_ACCOUNT;
}

int det_account_kind(const char *s, size_t len, size_t at, size_t end)
{
    return account_kind(s, len, at, end);
}

/* 1 if a copula between a label and its value starts at at ("ID is
 * 1101...", "IC adalah 850314..."): the value starts after it, and the
 * copula stays (report-adv27c H-12). */
static int copula_at(const char *s, size_t len, size_t at)
{
    size_t e = detect_letters(s, len, at);

    return e > at && e + 1 < len && s[e] == ' ' && det_copula(s + at, e - at);
}

/* 1 if a Plus Code after its label, and ", ", end right before at: the
 * next of a list ("Plus Codes: 8Q7X FQ, 8Q7X FR", report-adv32 L-16);
 * up to eight codes back. */
static int plus_code_list_before(const char *s, size_t len, size_t at)
{
    size_t e = at, p;
    int k;

    for (k = 0; k < 8; k++) {
        if (e < 3 || s[e - 1] != ' ' || s[e - 2] != ',')
            return 0;
        e -= 2;
        for (p = e > 12 ? e - 12 : 0; p + 6 < e && detect_plus_code_spaced(s, len, p) != e; p++)
            ;
        if (p + 6 >= e || det_letter_before(s, p))
            return 0;
        if (label_before(s, p) == LABEL_GRID)
            return 1;
        e = p;
    }
    return 0;
}

/* A value in quotes or brackets after a Plus Code's label ("Plus Code:
 * «8Q7X FQ»", report-adv32 L-16): its end, or 0. */
static size_t plus_code_marked(const char *s, size_t len, size_t at)
{
    size_t m = det_open_mark_before(s, at);

    if (m == 0 || at - m == 0 || strchr(SEPARATORS, s[at - m - 1]) == NULL || s[at - m - 1] == '\0' ||
        label_before(s, at - m) != LABEL_GRID)
        return 0;
    return detect_plus_code_spaced(s, len, at);
}

/* 1 if the value s[at..e) after an account's label is no account: a whole
 * date (detect_date_at: "Сбербанк 15.03.2023", "Хаан банк 2024-03-15":
 * brief s39 bank39), or digits only (groups joined by spaces too), nine of
 * them at most, that are a sum of money with a currency word or sign beside
 * it (det_money_around: "Khan Bank 200000 төгрөг", "Голомт банк 500000
 * төгрөг", "Kaspi 5000 тенге": report-adv36 O-4) or a year or a count
 * before its unit (det_time_unit_after: "2023 году", "2024 оны").  The
 * accounts of the testimonies' banks have ten digits or more (Mongolian 10,
 * Korean 11 to 14, Russian 20, IBANs longer): such a value stays an
 * account, a currency beside it or not. */
static int amount_after_bank(const char *s, size_t len, size_t at, size_t e)
{
    size_t i, digits = 0;
    struct det_date d = detect_date_at(s, len, at);

    if (d.strength == DATE_FULL && d.end >= e)
        return 1;
    for (i = at; i < e; i++) {
        if (det_digit(s[i]))
            digits++;
        else if (s[i] != ' ')
            return 0;
    }
    return digits <= 9 && (det_money_around(s, len, at, e) || det_time_unit_after(s, len, e));
}

/* A paper's number of three or four digits ("보위부 통행증 1234번",
 * "employee number 451": report-adv52 L-30, L-35), read after an ID's
 * label only where the number is named: a number's word right before it
 * (number_qualifiers, Malay nombor) or the Korean counter 번 glued after
 * it.  Shorter values than id_value's five are counts and years
 * elsewhere.  Its end, or 0. */
static size_t short_numbered_id(const char *s, size_t len, size_t at)
{
    size_t e = detect_id_value_digits(s, len, at, 3, 3), a, we;

    if (e == 0 || e - at > 4)
        return 0;
    if (det_starts(s, len, e, "\xeb\xb2\x88"))                                 /* 번 */
        return e;
    if (e < len && det_letter_at(s, len, e))
        return 0;
    we = det_word_ending(s, at, SEPARATORS, &a);
    return we != 0 && (det_in_list(number_qualifiers, N(number_qualifiers), s + a, we - a) ||
                       detect_ms_number_word(s + a, we - a)) ? e : 0;
}

size_t detect_scan_labelled(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    size_t idv, hv = 0, cv, ser;
    enum label_kind l;

    if (at > 0 && det_digit(s[at]) && (unsigned char)s[at - 1] >= 0x80 && (cv = plus_code_marked(s, len, at)) != 0)
        return *kind = DETECT_GPS, cv;
    if (at == 0 || strchr(SEPARATORS, s[at - 1]) == NULL || s[at - 1] == '\0' || copula_at(s, len, at))
        return 0;
    idv = id_value(s, len, at);
    if (det_alpha(s[at]))
        hv = handle_value(s, len, at);
    cv = coord_value(s, len, at);
    if (idv == 0 && hv == 0 && cv == 0 && !det_alnum(s[at]))
        return 0;
    l = label_before(s, at);
    if (l == LABEL_ID && idv == 0 && det_digit(s[at]))
        idv = short_numbered_id(s, len, at);
    if (l == LABEL_ID && idv != 0)
        return *kind = DETECT_ID, idv;
    if (l == LABEL_ACCOUNT && idv != 0 && !amount_after_bank(s, len, at, idv))
        return *kind = account_kind(s, len, at, idv), idv;
    if (l == LABEL_NONE && idv != 0 && det_digit(s[at]) && account_after(s, len, at, idv))
        return *kind = account_kind(s, len, at, idv), idv;
    if ((ser = part_value(s, len, at, kind)) != 0)
        return ser;
    if (l == LABEL_NONE && idv != 0 && det_digit(s[at]) && (ser = series_before(s, at)) != SIZE_MAX &&
        (l = label_before(s, ser)) != LABEL_NONE && (l == LABEL_ID || l == LABEL_ACCOUNT))
        return *start = ser, *kind = l == LABEL_ACCOUNT ? DETECT_ACCOUNT : DETECT_ID, idv;
    if (hv != 0 && ((l == LABEL_HANDLE && !word_after_label(s, at, hv)) || platform_after(s, len, at, hv)))
        return *kind = DETECT_HANDLE, hv;
    if (l == LABEL_MAIL &&
        (cv = mailbox_value(s, len, at, hv)) != 0)
        return *kind = DETECT_EMAIL, cv;
    /* A QQ account is a number ("QQ: 12345678"). */
    if (l == LABEL_HANDLE && det_digit(s[at]) && qq_before(s, at) &&
        (cv = det_digits(s, len, at)) >= 5 && cv <= 12 && det_ends_word(s, len, at + cv))
        return *kind = DETECT_HANDLE, at + cv;
    if ((l == LABEL_W3W || l == LABEL_W3W_JOINED) &&
        ((hv = detect_three_words(s, len, at)) != 0 ||
         (l == LABEL_W3W && (hv = detect_three_words_spaced(s, len, at)) != 0) ||
         (hv = detect_three_words_hyphen(s, len, at)) != 0))
        return *kind = DETECT_GPS, hv;
    /* A pair after one label ("latitude 47.918, 106.917"); one number
     * alone, or each after its own label, is detect_geo.c's. */
    if (l == LABEL_COORD && cv != 0 && cv != one_coord(s, len, at))
        return *kind = DETECT_GPS, cv;
    if (l == LABEL_GRID && ((cv = detect_plus_code_spaced(s, len, at)) != 0 || (cv = grid_value(s, len, at)) != 0))
        return *kind = DETECT_GPS, cv;
    if (l == LABEL_NONE && plus_code_list_before(s, len, at) && (cv = detect_plus_code_spaced(s, len, at)) != 0)
        return *kind = DETECT_GPS, cv;
    if (l == LABEL_IP && (cv = detect_ip_written(s, len, at)) != 0)
        return *kind = DETECT_IP, cv;
    /* An address of a list after the label ("IP: 0xC0A80101 and
     * 3232235777": report-adv12 A-31): the hexadecimal or decimal forms
     * only, the label earlier in the sentence. */
    if (l == LABEL_NONE && (det_starts(s, len, at, "0x") || det_digits(s, len, at) >= 8) &&
        ip_label_back(s, at) && (cv = detect_ip_written(s, len, at)) != 0)
        return *kind = DETECT_IP, cv;
    return 0;
}

size_t detect_scan_glued_id(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    size_t idv;

    (void)start;
    if (at == 0 || !det_alpha(s[at - 1]) || !det_digit(s[at]) ||
        (idv = id_value_min(s, len, at, 7)) == 0)
        return 0;
    switch (label_before(s, at)) {
    case LABEL_ID:
        return *kind = DETECT_ID, idv;
    case LABEL_ACCOUNT:
        return *kind = account_kind(s, len, at, idv), idv;
    default:
        return 0;
    }
}
