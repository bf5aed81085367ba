#include "privacy/variants.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "crypto/secmem.h"
#include "privacy/hanja.h"
#include "privacy/normalise.h"
#include "privacy/romanise.h"
#include "privacy/variants_ko.h"
#include "privacy/varlist.h"
#include "util/lexicon.h"

#define HANGUL_CANDIDATES 8
/* Back-transliteration explores at most this many steps: a long Latin
 * term has exponentially many readings, and the first ones are the likely
 * ones. */
#define REVERSE_BUDGET 20000

/* ---- Tables (docs/VARIANTS.md gives their sources) ---- */


/* Surnames: the Hangul, then its spellings, most frequent first. */
static const char *const ko_surnames[][9] = {
    {"김", "gim", "kim", 0}, {"이", "i", "yi", "lee", "rhee", "ri", "rhie", "li", 0},
    {"리", "ri", "li", "lee", "rhee", "i", "yi", 0}, {"박", "bak", "pak", "park", "bahk", 0},
    {"최", "choe", "choi", "chwe", 0},
    {"정", "jeong", "chong", "jung", "chung", "jong", "joung", "cheong", 0},
    {"강", "gang", "kang", 0}, {"조", "jo", "cho", 0}, {"윤", "yun", "yoon", 0},
    {"장", "jang", "chang", 0}, {"임", "im", "lim", "rim", "yim", 0}, {"림", "rim", "lim", "im", 0},
    {"한", "han", 0}, {"오", "o", "oh", 0}, {"서", "seo", "so", "suh", 0},
    {"신", "sin", "shin", 0}, {"권", "gwon", "kwon", 0}, {"황", "hwang", 0},
    {"안", "an", "ahn", 0}, {"송", "song", 0}, {"류", "ryu", "yu", "yoo", "ryoo", 0},
    {"유", "yu", "yoo", 0}, {"전", "jeon", "chon", "jun", "chun", 0}, {"홍", "hong", 0},
    {"고", "go", "ko", 0}, {"문", "mun", "moon", 0}, {"양", "yang", "ryang", 0},
    {"손", "son", "sohn", 0}, {"배", "bae", "pae", 0}, {"백", "baek", "paek", "baik", "paik", 0},
    {"허", "heo", "ho", "hur", "huh", 0}, {"남", "nam", 0}, {"심", "sim", "shim", 0},
    {"노", "no", "noh", "ro", "roh", 0}, {"로", "ro", "no", "roh", 0}, {"하", "ha", 0},
    {"곽", "gwak", "kwak", 0}, {"성", "seong", "song", "sung", 0}, {"차", "cha", 0},
    {"주", "ju", "chu", "joo", 0}, {"우", "u", "woo", 0}, {"구", "gu", "ku", "koo", 0},
    {"민", "min", 0}, {"진", "jin", "chin", 0}, {"지", "ji", "chi", 0},
    {"엄", "eom", "om", "um", 0}, {"채", "chae", 0}, {"원", "won", 0},
    {"천", "cheon", "chon", "chun", 0}, {"방", "bang", "pang", 0}, {"공", "gong", "kong", 0},
    {"현", "hyeon", "hyon", "hyun", 0}, {"함", "ham", 0}, {"변", "byeon", "pyon", "byun", 0},
    {"염", "yeom", "yom", "yum", 0}, {"여", "yeo", "yo", "yuh", 0}, {"추", "chu", "choo", 0},
    {"도", "do", "to", "doh", 0}, {"석", "seok", "sok", "suk", 0}, {"선", "seon", "son", "sun", 0},
    {"설", "seol", "sol", "sul", 0}, {"길", "gil", "kil", 0}, {"연", "yeon", "yon", "yun", 0},
    {"표", "pyo", 0}, {"명", "myeong", "myong", "myung", 0}, {"기", "gi", "ki", 0},
    {"반", "ban", "pan", 0}, {"왕", "wang", 0}, {"금", "geum", "kum", "keum", 0},
    {"옥", "ok", 0}, {"육", "yuk", "yook", 0}, {"인", "in", 0}, {"탁", "tak", 0},
    {"국", "guk", "kuk", "kook", 0}, {"경", "gyeong", "kyong", "kyung", 0},
    {"봉", "bong", "pong", 0}, {"편", "pyeon", "pyon", 0}, {"용", "yong", 0},
};
#define N_SURNAMES (sizeof ko_surnames / sizeof ko_surnames[0])

/* Syllables frequent in given names: the reverse table for romanised names. */
static const char ko_name_syllables[] =
    "가강건경계고곤광교구국군권규균근금기길남내녀년노다단달대덕도동두득란래려련렬령례로룡류륜리린림립"
    "만명모목무문미민범법병보복봉부분빈사산삼상서석선설섭성세소송수숙순술승시식신실심아안애야양억언엄"
    "여연열염영예오옥온완왕용우욱운웅원월위유육윤율은을음의이익인일임자작재전점정제조종주준중지진찬창"
    "채천철청초춘충치칠태택평포표필하학한해향허혁현형혜호홍화환황효후훈휘희흥";

/* What may follow a Korean name inside the same word, in any order and any
 * number (KO_SUFFIX_MAX bytes at most): particles, the copula and its
 * common endings, and address and kinship words (종수형이, 종수오빠가,
 * 종수씨한테서도, 종수선생님께서는요).  Written from Korean grammar (the
 * particles of the 표준국어대사전 and the words of address people use,
 * North Korean ones included: 동무, 동지, 아바이, 오마니).  The common
 * ones are also what the review flags allow after a name-shaped word (at
 * most two of them: redact_flags.c). */
static const char *const ko_common[] = {
    /* common particles, the copula and its common forms */
    "은", "는", "이", "가", "을", "를", "의", "에게", "에게서", "와", "과", "도", "씨", "님",
    "에", "께", "께서", "한테", "한테서", "랑", "이랑", "하고", "로", "으로", "에서", "만",
    "야", "아", "이가", "이는", "이를", "이의", "이도", "동지", "동무", "선생",
    "다", "이다", "였다", "이었다", "였고", "이었고", "입니다", "이에요", "예요", "이야",
    "라고", "이라고", "라는", "이라는", "라면", "이라면", "처럼", "보다", "부터", "까지",
    "마저", "조차", "뿐", "밖에", "네", "네가", "이네", "이나", "나", "든지", "이든지",
    "였", "이었", "이며", "며", "이고", "고", "라", "이라",
};
static const char *const ko_more[] = {
    /* more particles and endings */
    "더러", "보고", "로서", "으로서", "로써", "으로써", "서", "요", "여", "이여", "이시여",
    "같이", "만큼", "마다", "대로", "씩", "쯤", "들", "나마", "이나마", "라도", "이라도",
    "든", "이든", "란", "이란", "인", "일", "엔", "엘", "넨", "인데", "지", "이지", "죠",
    "이죠", "랍니다", "이랍니다", "였어", "이었어", "였어요",
    /* the retrospective and connective endings of the copula (종수였던,
     * 종수였는데, 종수던가, 종수더라), the possessive's spoken forms
     * (종수꺼, 종수껀), the polite ending after a contracted ㅂ (종숩니다) */
    "던", "이던", "였던", "이었던", "는데", "였는데", "이었는데", "던가", "이던가",
    "였던가", "더라", "이더라", "였더라", "였지", "이었지", "꺼", "껀", "거", "건", "것",
    "니다", "니까",
    /* address and kinship words */
    "군", "양", "옹", "형", "형님", "오빠", "오라버니", "오라비", "언니", "누나",
    "누님", "동생", "아우", "아저씨", "아주머니", "아줌마", "아지미", "아바이", "아매",
    "할아버지", "할머니", "할배", "할매", "삼촌", "이모", "고모", "선배", "후배",
    "선생님", "사장", "사장님", "반장", "여사", "아빠", "엄마", "아버지",
    "어머니", "아바지", "오마니", "쌤", "샘", "아지매", "아재", "놈", "년", "녀석",
    "자식", "새끼",
    /* the kinds of place and what follows a place (청진시, 청진역, 청진항,
     * 청진사람, 청진내기, 청진쪽) */
    "시", "역", "항", "군", "구", "읍", "면", "동", "리", "도내", "시내", "사람", "내기",
    "출신", "쪽", "근처", "공항", "시장",
    /* issue 12, report adv12c (H1-H4, H38): spoken and dialect particles
     * (종수한텐, 종수껜, 종수헌티, 종수두, 종수하구, 종수허고, 종수보구), the
     * copula's endings in pieces that chain (종수였습니다, 종수이었습니다,
     * 종수일까, 종수잖아, 종수던데, 종수래요, 종수랬어, 종수라니, 종수임,
     * 종수였으면; 종순데 is 종수 + ㄴ + 데), job, church and North Korean
     * titles (부장 과장 팀장 대리 교수 목사 전도사 집사 장로 령감), dialect
     * and chat spellings of kinship words (행님 성님 옵빠 언냐 삼춘), family
     * (이모부 외삼촌 사촌 형수 처 마누라 남편 아내 딸), 네 + 집 (종수네집에),
     * and laughter glued on (ㅋㅋ ㅎㅎ, as compatibility or conjoining jamo).
     * Written from the tester's list and Korean grammar; review welcome. */
    "한텐", "한티", "헌티", "헌테", "껜", "께선", "보구", "두", "구", "하구", "허고", "허구",
    "이랑두", "랑두", "한테두", "이구", "이두", "이한텐",
    "습니다", "었습니다", "였습니다", "이었습니다", "였어", "었어", "어", "어요", "에요",
    "까", "일까", "일까요", "잖아", "이잖아", "잖아요", "래", "이래", "래요", "랬", "이랬",
    "던데", "이던데", "데", "라니", "이라니", "임", "이임", "으면", "였으면", "이었으면",
    "니", "이니", "라서", "이라서", "였을", "이었을", "인지", "인가", "인가요", "구나",
    "이구나", "군요", "이군요", "야말로", "이야말로", "라며", "이라며", "였나", "이었나",
    "셨", "시", "이시", "신", "이신", "께서는", "께서도",
    "부장", "과장", "차장", "팀장", "실장", "국장", "소장", "원장", "회장", "대표", "대리",
    "주임", "계장", "이사", "교수", "박사", "기사", "비서", "지배인", "지도원", "책임자",
    "위원장", "대장", "중대장", "소대장", "분대장", "목사", "전도사", "집사",
    "장로", "권사", "신부", "수녀", "스님", "령감", "영감", "어르신", "로인", "노인",
    "행님", "성님", "성", "옵빠", "오빠야", "언냐", "에미나이", "에미나", "간나", "삼춘",
    "이모부", "고모부", "외삼촌", "외숙모", "숙모", "사촌", "형수", "처", "처제", "처남",
    "매형", "매부", "자형", "마누라", "남편", "아내", "부인", "와이프", "딸", "아들",
    "조카", "손자", "손녀", "며느리", "사위", "친구", "동창", "여친", "남친", "애인",
    "각시", "서방", "집", "식구", "가족",
    "ㅋ", "ㅎ", "ㅠ", "ㅜ", "\xe1\x84\x8f", "\xe1\x84\x92",
};
#define KO_SUFFIX_MAX 60

#define N_MN_LETTERS romanise_mn_count

/* Mongolian Cyrillic in the other romanisation systems, each written as a
 * whole word (a system is not mixed letter by letter with the others):
 * BGN/PCGN 1964 (with dzh for ж, as English spells the Russian form),
 * ISO 9:1995, the scholarly system (Poppe, Vladimirtsov:
 * ė, ǰ, č, š, x), German (Duden's transcription: w, dsch, sch, tsch, z)
 * and GOST 7.79-2000 system B (cz, zh, x, y').  Marks are written as the
 * normalised text reads them: ö, ü, ô, ù, è, ė, š, ž, č, ǰ lose their marks
 * (normalise.c), so ISO 9's š is "s" here.  '|' separates the spellings a
 * system allows for one letter (German w or v).  Sources: the BGN/PCGN
 * 1964 romanization of Mongolian, ISO 9:1995 table 1, GOST 7.79-2000
 * (system B), the transliteration of Mongolian studies (ė, ǰ, č, š, x)
 * and the German transcription (de.wikipedia "Mongolische Schrift",
 * Transkription). */
static const char *const mn_systems[][6] = {
    {"а", "a", "a", "a", "a", "a"}, {"б", "b", "b", "b", "b", "b"},
    {"в", "v", "v", "v", "w|v", "v"}, {"г", "g", "g", "g", "g", "g"},
    {"д", "d", "d", "d", "d", "d"}, {"е", "ye", "e", "e|je", "je|e", "e"},
    {"ё", "yo", "e", "jo", "jo", "yo"}, {"ж", "j|dzh", "z", "j", "dsch", "zh"},
    {"з", "z", "z", "z", "ds", "z"}, {"и", "i", "i", "i", "i", "i"},
    {"й", "i", "j", "i", "i", "j"}, {"к", "k", "k", "k", "k", "k"},
    {"л", "l", "l", "l", "l", "l"}, {"м", "m", "m", "m", "m", "m"},
    {"н", "n", "n", "n", "n", "n"}, {"о", "o", "o", "o", "o", "o"},
    {"ө", "o", "o", "o", "o|oe", "o"}, {"п", "p", "p", "p", "p", "p"},
    {"р", "r", "r", "r", "r", "r"}, {"с", "s", "s", "s", "s", "s"},
    {"т", "t", "t", "t", "t", "t"}, {"у", "u", "u", "u", "u", "u"},
    {"ү", "u", "u", "u", "u|ue", "u"}, {"ф", "f", "f", "f", "f", "f"},
    {"х", "kh", "h", "x", "ch", "x"}, {"ц", "ts", "c", "c", "z", "cz"},
    {"ч", "ch", "c", "c", "tsch", "ch"}, {"ш", "sh", "s", "s", "sch", "sh"},
    {"щ", "shch", "s", "sc", "schtsch", "shh"}, {"ъ", "", "", "", "", ""},
    {"ы", "y", "y", "y", "y", "y"}, {"ь", "", "", "", "", ""},
    {"э", "e", "e", "e", "e", "e"}, {"ю", "yu", "ju", "ju", "ju", "yu"},
    {"я", "ya", "ja", "ja", "ja", "ya"},
};
#define N_MN_SYSTEMS 5

/* How Russian text writes the Mongolian letters it lacks (Алтангерел,
 * Оюунцецег, Мунх-Эрдэнэ, Тувшинжаргал): э as е (not at a word's start),
 * ө as у, о or ё, ү as у or ю.  Source: the Mongolian-Russian practical
 * transcription (ru.wikipedia "Монгольско-русская практическая
 * транскрипция") and usage in the Russian press. */
static const char *const mn_russian[][4] = {
    {"э", "е", 0}, {"ө", "у", "о", "ё"}, {"ү", "у", "ю", 0}, {"л", "ль", 0},
};

/* How a Latin spelling's vowels read in Mongolian Cyrillic beyond the
 * first reading: u is у, ү or ө (Tuvshinjargal Түвшинжаргал, Munkhbat
 * Мөнхбат in passports), o is о or ө (Monkhbat).  From the same tables as
 * romanise_mn_letters (u for у, ү and ө; o for о and ө). */
static const char *const mn_latin_vowels[][4] = {
    {"у", "ү", "ө", 0}, {"о", "ө", 0},
};

/* Case endings (genitive, accusative, dative-locative, ablative,
 * instrumental, comitative, directional), reflexive possessive, privative
 * (-гүй), "X's family" (-ийнх, -ынхан) and plural; up to three stack
 * ("Бурмаатайг", "Улаадайнхан", "Хүчүгүртээ").  Their Latin spellings are
 * made from these with the letter table (mn_latin_endings). */
static const char *const mn_endings[] = {
    "ын", "ийн", "ний", "н", "ий", "гийн", "ы", "ыг", "ийг", "г", "гийг", "д", "т", "ад",
    "эд", "од", "өд", "аас", "ээс", "оос", "өөс", "иас", "иос", "гаас", "гээс", "наас",
    "нээс", "аар", "ээр", "оор", "өөр", "иар", "гаар", "гээр", "тай", "тэй", "той",
    "руу", "рүү", "луу", "лүү", "аа", "ээ", "оо", "өө", "гаа", "гээ", "гоо", "гөө", "ынх", "ийнх",
    "ых", "ийх", "нийх", "даа", "дээ", "доо", "дөө", "таа", "тээ", "тоо", "төө", "гүй", "хан", "хэн", "хон", "хөн",
    "ан", "эн", "он", "өн", "нхан", "нхэн", "ууд", "үүд", "нууд", "нүүд", "ч",
    /* "X's family" as one ending, so its Latin spelling is one too
     * (Dorjiinhon: report adv12c H68) */
    "ийнхан", "ийнхэн", "ийнхон", "ийнхөн", "ынхан", "ынхэн", "ынхон", "ынхөн",
    /* Russian case endings, as Russian text declines a Mongolian name
     * (Батбаяра отправили, Батбаяру, Батбаяром, о Батбаяре; Сарная) */
    "а", "у", "ом", "ем", "ём", "е", "ы", "и", "ой", "ей", "ою", "ю", "я",
    /* and the Russian patronymic and surname built on a Mongolian father's
     * name, with their cases (Батбаяровна, Батбаярович, Батбаяров:
     * report-adv12c H52) */
    "ович", "овича", "овичу", "овичем", "овиче", "овна", "овны", "овне", "овну", "овной",
    "ов", "ова", "ову", "овым", "ове", "евич", "евна", "ев", "ева",
};
#define N_MN_ENDINGS (sizeof mn_endings / sizeof mn_endings[0])
#define N_MN_NATIVE_ENDINGS (N_MN_ENDINGS - 32)

/* Latin spellings of endings written by hand (older systems and usage). */
static const char *const mn_latin_extra[] = {
    "iyn", "nii", "iig", "giig", "uus", "tay", "tey", "toy", "ynkh", "iinkh",
};
#define N_COMMON (sizeof ko_common / sizeof ko_common[0])
#define N_MORE (sizeof ko_more / sizeof ko_more[0])

/* ---- Korean ---- */

static void hangul_slot(struct slot *s, int cp)
{
    int idx = cp - 0xAC00, l = idx / 588, m = (idx % 588) / 28, t = idx % 28;
    int a, b, c, sum;

    memset(s, 0, sizeof *s);
    for (sum = 0; sum <= 6; sum++)
        for (a = 0; a < 3 && romanise_ko_initial[l][a]; a++)
            for (b = 0; b < 4 && romanise_ko_medial[m][b]; b++)
                for (c = 0; c < 2 && romanise_ko_final[t][c]; c++)
                    if (a + b + c == sum)
                        slot_add(s, romanise_ko_initial[l][a], romanise_ko_medial[m][b], romanise_ko_final[t][c]);
}

static int surname_index(const char *utf8)
{
    size_t i;

    for (i = 0; i < N_SURNAMES; i++)
        if (strcmp(ko_surnames[i][0], utf8) == 0)
            return (int)i;
    return -1;
}

/* A surname's spellings from the table, then, for an aspirated initial
 * (ㅊ ㅋ ㅌ ㅍ), the North Korean way of writing it (Chhoe, Phyo). */
static void surname_slot(struct slot *s, int i)
{
    static const char *const plain[] = { "ch", "k", "t", "p" }, *const asp[] = { "chh", "kh", "th", "ph" };
    const char *h = ko_surnames[i][0];
    int k, cp, l;

    memset(s, 0, sizeof *s);
    for (k = 1; k < 9 && ko_surnames[i][k]; k++)
        slot_add(s, ko_surnames[i][k], "", "");
    if (utf8_next(&cp, h, strlen(h)) != 3 || cp < 0xAC00 || cp > 0xD7A3)
        return;
    l = (cp - 0xAC00) / 588 - 14;           /* ㅊ ㅋ ㅌ ㅍ are initials 14..17 */
    if (l < 0 || l > 3)
        return;
    for (k = 1; k < 9 && ko_surnames[i][k]; k++)
        if (strncmp(ko_surnames[i][k], plain[l], strlen(plain[l])) == 0)
            slot_add(s, asp[l], ko_surnames[i][k] + strlen(plain[l]), "");
}

/* Hangul syllables of key as code points; -1 if key is not all syllables. */
static int hangul_cps(int *cps, int max, const char *key, size_t len)
{
    size_t at = 0;
    int n = 0, cp, k;

    while (at < len) {
        k = utf8_next(&cp, key + at, len - at);
        if (k < 0 || cp < 0xAC00 || cp > 0xD7A3 || n >= max)
            return -1;
        cps[n++] = cp;
        at += (size_t)k;
    }
    return n;
}

#define HANJA_SPELLINGS 32

/* The Hangul keys a name written in Hanja has in the key view (hanja.h):
 * each syllable also as the first reading of a Han character that reads
 * so (김종수 → 금종수: 金 is read 금 first).  cps[0..n) are the syllables. */
static int hanja_spellings(struct variant_list *out, const int *cps, int n)
{
    int alt[SLOT_MAX][5], nalt[SLOT_MAX], idx[SLOT_MAX] = {0}, i, made = 0;
    char buf[SLOT_MAX * 3];
    size_t at;

    for (i = 0; i < n; i++) {
        alt[i][0] = cps[i];
        nalt[i] = 1 + (int)hanja_readers(&alt[i][1], 4, cps[i]);
    }
    for (;;) {
        for (i = n - 1; i >= 0 && ++idx[i] == nalt[i]; i--)
            idx[i] = 0;             /* the next combination, odometer-wise */
        if (i < 0 || made++ >= HANJA_SPELLINGS)
            break;
        for (i = 0, at = 0; i < n; i++)
            at += (size_t)utf8proc_encode_char(alt[i][idx[i]], (utf8proc_uint8_t *)buf + at);
        if (list_add(out, buf, at, RULE_VARIANT, SUFFIX_KO) != 0)
            return -1;
    }
    sodium_memzero(buf, sizeof buf);
    return 0;
}

/* A slot of the initials of slot s (the first letter of each spelling),
 * each followed by tail. */
static void initial_slot(struct slot *o, const struct slot *s, const char *tail)
{
    char c[2] = {0};
    int k;

    memset(o, 0, sizeof *o);
    for (k = 0; k < s->n; k++)
        if ((c[0] = s->opt[k][0]) != '\0')
            slot_add(o, c, tail, "");
}

/* Initials of a Korean name, s[0] its surname's spellings and s[1..n) its
 * given name's syllables, written with capitals: K.J.S. and J.S.K., J. Kim
 * and J.S. Kim, Kim J. and Kim J.S., K. Jong-su, JS Kim and Kim JS.  Keys
 * keep the dots (the key view drops only spaces, dashes and apostrophes),
 * so "Kim J" alone is no hit; "KJS" and "JSK" alone are review flags. */
static int korean_initials(struct variant_list *out, const struct slot *s, int n)
{
    struct slot f[SLOT_MAX + 1], dot[SLOT_MAX], bare[SLOT_MAX];
    int i, m, rc = 0;

    unsigned char capital = out->capital;

    if (n < 2 || n > SLOT_MAX - 1)
        return 0;
    for (i = 0; i < n; i++) {
        initial_slot(&dot[i], &s[i], ".");
        initial_slot(&bare[i], &s[i], "");
    }
    out->capital = 1;
    /* K.J.S and J.S.K (a last dot may follow) */
    for (i = 0; i < n - 1; i++)
        f[i] = dot[i];
    f[n - 1] = bare[n - 1];
    rc |= combine(out, f, n, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
    for (i = 1, m = 0; i < n; i++)
        f[m++] = dot[i];
    f[m++] = bare[0];
    rc |= combine(out, f, m, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
    /* J. Kim, J.S. Kim */
    f[0] = dot[1], f[1] = s[0];
    rc |= combine(out, f, 2, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
    for (i = 1, m = 0; i < n; i++)
        f[m++] = dot[i];
    f[m++] = s[0];
    rc |= combine(out, f, m, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
    /* Kim J., Kim J.S. */
    f[0] = s[0], f[1] = dot[1];
    rc |= combine(out, f, 2, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
    for (i = 1, m = 1; i < n; i++)
        f[m++] = dot[i];
    rc |= combine(out, f, m, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
    /* K. Jong-su */
    f[0] = dot[0];
    for (i = 1; i < n; i++)
        f[i] = s[i];
    rc |= combine(out, f, n, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
    /* JS Kim, Kim JS (issue 12: initials beside a name part, no dots) */
    for (i = 1, m = 0; i < n; i++)
        f[m++] = bare[i];
    f[m++] = s[0];
    rc |= combine(out, f, m, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
    f[0] = s[0];
    for (i = 1, m = 1; i < n; i++)
        f[m++] = bare[i];
    rc |= combine(out, f, m, RULE_VARIANT, SUFFIX_NONE, out->n + 24);
    /* KJS, JSK alone: a review flag, not a replacement (an acronym too) */
    out->flag = 1, out->initials = 1;
    rc |= combine(out, bare, n, RULE_VARIANT, SUFFIX_NONE, out->n + 8);
    for (i = 1, m = 0; i < n; i++)
        f[m++] = bare[i];
    f[m++] = bare[0];
    rc |= combine(out, f, m, RULE_VARIANT, SUFFIX_NONE, out->n + 8);
    out->flag = 0, out->initials = 0;
    out->capital = capital;
    return rc != 0 ? -1 : 0;
}

/* Initials of the given name beside the surname written in Hangul or
 * Cyrillic (brief i12-forms, F25): JS 김, J.S. 김, 김 JS, Ким JS. */
static int initials_beside(struct variant_list *out, int surname_cp, const char *hangul,
                           const struct slot *given, int ng)
{
    struct slot f[SLOT_MAX + 1], h, bare[SLOT_MAX], dot[SLOT_MAX];
    char cyr[16] = {0};
    int i, rc = 0, k;
    unsigned char capital = out->capital;

    memset(&h, 0, sizeof h);
    slot_add(&h, hangul, "", "");
    if ((k = romanise_reading(cyr, sizeof cyr - 1, surname_cp, 2)) > 0)
        slot_add(&h, cyr, "", "");
    for (i = 0; i < ng; i++)
        initial_slot(&bare[i], &given[i], ""), initial_slot(&dot[i], &given[i], ".");
    for (k = 0; k < 4; k++) {
        int before = k < 2, m = 0;
        out->capital = (unsigned char)before;   /* Hangul has no capitals */
        if (!before)
            f[m++] = h;
        for (i = 0; i < ng; i++)
            f[m++] = k % 2 ? dot[i] : bare[i];
        if (before)
            f[m++] = h;
        rc |= combine(out, f, m, RULE_VARIANT, SUFFIX_NONE, out->n + 16);
    }
    out->capital = capital;
    return rc != 0 ? -1 : 0;
}

/* A name ending in an open syllable, with a particle contracted into it
 * as a final consonant (spoken Korean): ㄴ for 는 (종순 = 종수는), ㄹ for
 * 를 (종술 = 종수를), ㅂ before 니다 (종숩니다 = 종수입니다); each may
 * take the particles after it.  From the particles of the table above:
 * 는, 를 and 입니다 are the ones spoken this way. */
static int korean_contracted(struct variant_list *out, const char *key, size_t len)
{
    static const int finals[] = { 4, 8, 17 };          /* ㄴ ㄹ ㅂ */
    char buf[SLOT_MAX * 4];
    size_t i, at = 0;
    int cp = 0, k, rc = 0;

    while (at < len) {
        if ((k = utf8_next(&cp, key + at, len - at)) <= 0)
            return 0;
        if (at + (size_t)k == len)
            break;
        at += (size_t)k;
    }
    if (cp < 0xAC00 || cp > 0xD7A3 || (cp - 0xAC00) % 28 != 0 ||
        len >= sizeof buf)
        return 0;
    memcpy(buf, key, at);
    for (i = 0; rc == 0 && i < sizeof finals / sizeof finals[0]; i++) {
        k = (int)utf8proc_encode_char(cp + finals[i], (utf8proc_uint8_t *)buf + at);
        rc = list_add(out, buf, at + (size_t)k, RULE_INFLECTION, SUFFIX_KO);
    }
    sodium_memzero(buf, sizeof buf);
    return rc;
}

/* A name's initial consonants typed alone, as Korean chat abbreviates
 * names (초성: ㄱㅈㅅ for 김종수, ㅈㅅ for its given name; NFKC reads the
 * compatibility jamo as the conjoining initials U+1100...): a review
 * flag, with particles (ㅈㅅ이형이).  From the syllable arithmetic of
 * Unicode ch. 3.12. */
static int korean_choseong(struct variant_list *out, const int *cps, int n)
{
    char buf[SLOT_MAX * 3];
    size_t at = 0;
    int i, rc = 0;

    if (n < 2 || n > 4)
        return 0;
    for (i = 0; i < n; i++)
        at += (size_t)utf8proc_encode_char(0x1100 + (cps[i] - 0xAC00) / 588,
                                           (utf8proc_uint8_t *)buf + at);
    out->flag = 1, out->initials = 1;
    rc = list_add(out, buf, at, RULE_VARIANT, SUFFIX_KO);
    if (rc == 0 && n >= 3)
        rc = list_add(out, buf + 3, at - 3, RULE_VARIANT, SUFFIX_KO);
    out->flag = 0, out->initials = 0;
    sodium_memzero(buf, sizeof buf);
    return rc;
}

/* Korean surnames of two syllables (issue 12, report adv12c H61) and
 * their usual spellings, Revised Romanisation first, then McCune-Reischauer
 * and passport spellings (Namgoong, Sunwoo, Hwangbo).  Written by hand. */
static const char *const ko_compound_surnames[][6] = {
    { "남궁", "namgung", "namkung", "namgoong", "nam-gung", NULL },
    { "선우", "seonu", "sonu", "sunwoo", "seonwoo", "sunu" },
    { "제갈", "jegal", "chegal", "jekal", "chekal", NULL },
    { "황보", "hwangbo", "hwangpo", "whangbo", NULL, NULL },
    { "독고", "dokgo", "tokko", "dokko", "tokgo", NULL },
    { "사공", "sagong", "sakong", NULL, NULL, NULL },
    { "서문", "seomun", "somun", "seomoon", "suhmoon", NULL },
    { "동방", "dongbang", "tongbang", NULL, NULL, NULL },
};

/* A one-syllable given name (key, 3 bytes; cp its syllable) that ends in
 * a consonant is called with 이 after it (선우진: 진이가 왔다, 제갈민: 민이
 * 형이, 이준: 준이가; report adv12c H61, M25), as every such name is; the
 * syllable alone starts too many words to count.  Marked flag, as a short
 * form: a review flag where the dictionary reads it as an ordinary word
 * (산이, "the mountain"), else replaced (redact_hits.c, lit_form). */
static int korean_given_i(struct variant_list *out, const char *key, int cp)
{
    char w[6];
    unsigned char flag = out->flag;
    int rc;

    if (cp < 0xAC00 || cp > 0xD7A3 || (cp - 0xAC00) % 28 == 0)
        return 0;
    memcpy(w, key, 3), memcpy(w + 3, "\xec\x9d\xb4", 3);     /* 이 */
    out->flag = 1;
    rc = list_add(out, w, sizeof w, RULE_VARIANT, SUFFIX_KO);
    out->flag = flag;
    sodium_memzero(w, sizeof w);
    return rc;
}

/* A one-syllable given name alone (key, 3 bytes; cp its syllable), in
 * Hangul (with particles) and in its four likeliest romanisations (with a
 * capital: Jin, Chin, Jeen, Cheen for 진 of 선우진): FORM_CONTEXT, a review
 * flag only where the context marks a name ("Jin came.", "Mr. Jin",
 * "진씨가"; redact_hits.c), since the syllable alone starts too many words
 * (brief i12-kinds2, item 2). */
static int korean_given_alone(struct variant_list *out, const char *key, int cp)
{
    struct slot s;
    unsigned char capital = out->capital, flag = out->flag, context = out->context;
    int rc, i;

    hangul_slot(&s, cp);
    out->context = 1, out->flag = 0;
    rc = list_add(out, key, 3, RULE_VARIANT, SUFFIX_KO);
    out->capital = 1;
    for (i = 0; rc == 0 && i < s.n && i < 4; i++)
        rc = list_add(out, s.opt[i], strlen(s.opt[i]), RULE_VARIANT, SUFFIX_NONE);
    out->capital = capital, out->flag = flag, out->context = context;
    sodium_memzero(&s, sizeof s);
    return rc;
}

/* The index of the two-syllable surname key starts with, or -1. */
static int compound_surname(const char *key, size_t len)
{
    for (size_t i = 0; i < sizeof ko_compound_surnames / sizeof ko_compound_surnames[0]; i++)
        if (len > 6 && memcmp(key, ko_compound_surnames[i][0], 6) == 0)
            return (int)i;
    return -1;
}

static int korean_from_hangul(struct variant_list *out, const char *key, size_t len, int rule,
                              int person)
{
    struct slot s[SLOT_MAX];
    int cps[SLOT_MAX - 1], n, i, sur, comp, g;
    char first[8] = {0};
    size_t flen;

    n = hangul_cps(cps, SLOT_MAX - 1, key, len);
    if (n <= 0)
        return 0;
    if (list_add(out, key, len, rule, SUFFIX_KO) != 0 || hanja_spellings(out, cps, n) != 0 ||
        (person && korean_contracted(out, key, len) != 0))
        return -1;
    flen = (size_t)utf8_next(&cps[0], key, len);
    memcpy(first, key, flen);
    /* A surname of two syllables (남궁민수: 민수), else of one; a name of
     * two syllables is a surname and a one-syllable given name too (이준,
     * 박준, 김산: "Lee Jun", "Park Jun", "San Kim"). */
    comp = person && n >= 3 && n <= 4 ? compound_surname(key, len) : -1;
    sur = person && n >= 2 && n <= 4 && comp < 0 ? surname_index(first) : -1;
    g = comp >= 0 ? 2 : 1;
    for (i = 0; i < n; i++)
        hangul_slot(&s[i], cps[i]);
    /* Nearly every three-syllable Korean name is a one-syllable surname and
     * a two-syllable given name, rare surnames (견, 팽, 좌) included. */
    if (sur < 0 && comp < 0 && (n != 3 || !person))
        return combine(out, s, n, RULE_VARIANT, SUFFIX_NONE, out->n + 300) != 0 ||
                       korean_other_scripts(out, cps, n, 0, person) != 0 ? -1 : 0;
    if (comp >= 0) {
        /* The surname's two syllables become one slot of its spellings. */
        memset(&s[1], 0, sizeof s[1]);
        for (i = 1; i < 6 && ko_compound_surnames[comp][i]; i++)
            slot_add(&s[1], ko_compound_surnames[comp][i], "", "");
    }
    /* The given name alone, when it has two syllables or more (one
     * syllable alone, 준 or 산, starts too many words). */
    if (n - g >= 2 &&
        (list_add(out, key + 3 * (size_t)g, len - 3 * (size_t)g, RULE_VARIANT, SUFFIX_KO) != 0 ||
         hanja_spellings(out, cps + g, n - g) != 0 ||
         korean_contracted(out, key + 3 * (size_t)g, len - 3 * (size_t)g) != 0))
        return -1;
    if (n - g == 1 && (korean_given_i(out, key + 3 * (size_t)g, cps[g]) != 0 ||
                       (person && korean_given_alone(out, key + 3 * (size_t)g, cps[g]) != 0)))
        return -1;
    if (person && (korean_choseong(out, cps, n) != 0 || korean_sounds(out, cps, n, g) != 0))
        return -1;
    if (sur >= 0)
        surname_slot(&s[0], sur);
    /* s + g - 1: the surname's slot, then the given name's syllables. */
    if (combine(out, s + g - 1, n - g + 1, RULE_VARIANT, SUFFIX_NONE, out->n + 200) != 0 ||
        (person == 1 && n - g >= 2 && korean_initials(out, s + g - 1, n - g + 1) != 0) ||
        (person == 1 && g == 1 && n == 3 && initials_beside(out, cps[0], first, s + 1, 2) != 0))
        return -1;
    s[n] = s[g - 1];                    /* given name, then surname */
    if (combine(out, s + g, n - g + 1, RULE_VARIANT, SUFFIX_NONE, out->n + 120) != 0 ||
        (n - g >= 2 && combine(out, s + g, n - g, RULE_VARIANT, SUFFIX_NONE, out->n + 120) != 0))
        return -1;
    return korean_other_scripts(out, cps, n, n - g >= 2 ? g : 0, person);
}

struct reverse {
    const struct slot *spell; /* spellings of each name syllable */
    const int *cp;           /* the name syllables */
    int n;
    char found[HANGUL_CANDIDATES][SLOT_MAX * 4];
    int nfound;
    long steps;
    int path[SLOT_MAX];
};

/* The spellings of every name syllable and surname: built once (they
 * come from constant tables), shared by every back-transliteration. */
#define REV_MAX (sizeof ko_name_syllables / 3 + N_SURNAMES)
static struct slot rev_spell[REV_MAX];
static int rev_cp[REV_MAX];
static int rev_n;
static pthread_once_t rev_once = PTHREAD_ONCE_INIT;

/* Every spelling by its first letter, in the order the search tries them
 * (option rank, then table order), so each step compares only spellings
 * that can match. */
struct rev_ent {
    const char *s;
    unsigned char len, surname;
    short idx;
};
static struct rev_ent rev_ent[REV_MAX * OPT_MAX];
static const struct rev_ent *rev_by_letter[27];

static void rev_index(void)
{
    size_t n = 0;
    int c, k, i;

    for (c = 0; c < 26; c++) {
        rev_by_letter[c] = &rev_ent[n];
        for (k = 0; k < OPT_MAX; k++)
            for (i = 0; i < rev_n; i++) {
                const char *o = rev_spell[i].opt[k];
                if (k >= rev_spell[i].n || o[0] != 'a' + c)
                    continue;
                rev_ent[n].s = o, rev_ent[n].len = (unsigned char)strlen(o);
                rev_ent[n].surname = i >= rev_n - (int)N_SURNAMES;
                rev_ent[n].idx = (short)i;
                n++;
            }
    }
    rev_by_letter[26] = &rev_ent[n];
}

static void rev_build(void)
{
    const char *p = ko_name_syllables;
    size_t len = strlen(p), at = 0;
    int cp, k, i;

    while (at < len && (k = utf8_next(&cp, p + at, len - at)) > 0) {
        hangul_slot(&rev_spell[rev_n], cp);
        rev_cp[rev_n++] = cp;
        at += (size_t)k;
    }
    for (i = 0; i < (int)N_SURNAMES; i++) {
        (void)utf8_next(&cp, ko_surnames[i][0], strlen(ko_surnames[i][0]));
        surname_slot(&rev_spell[rev_n], i);
        rev_cp[rev_n++] = cp;
    }
    rev_index();
}

static int reverse_init(struct reverse *r)
{
    (void)pthread_once(&rev_once, rev_build);
    memset(r, 0, sizeof *r);
    r->spell = rev_spell, r->cp = rev_cp, r->n = rev_n;
    return 0;
}

static void reverse_free(struct reverse *r)
{
    sodium_memzero(r, sizeof *r);
}

static void reverse_found(struct reverse *r, int depth)
{
    char *o = r->found[r->nfound];
    int i, k;

    for (i = 0; i < depth; i++) {
        k = (int)utf8proc_encode_char(r->path[i], (utf8proc_uint8_t *)o);
        o += k;
    }
    *o = '\0';
    for (i = 0; i < r->nfound; i++)
        if (strcmp(r->found[i], r->found[r->nfound]) == 0)
            return;
    r->nfound++;
}

static void reverse_rec(struct reverse *r, const char *key, size_t len, int depth)
{
    const struct rev_ent *x;
    int c;

    if (r->nfound >= HANGUL_CANDIDATES || ++r->steps > REVERSE_BUDGET)
        return;
    if (len == 0) {
        if (depth >= 2)
            reverse_found(r, depth);
        return;
    }
    if (depth >= 5 || (c = (unsigned char)key[0] - 'a') < 0 || c >= 26)
        return;
    for (x = rev_by_letter[c]; x < rev_by_letter[c + 1]; x++) {
        if (x->len > len || (x->surname && depth > 0) || memcmp(x->s, key, x->len) != 0)
            continue;
        r->path[depth] = r->cp[x->idx];
        reverse_rec(r, key + x->len, len - x->len, depth + 1);
    }
}

/* Hangul candidates for a romanised key (all ASCII letters). */
static int reverse_korean(struct reverse *r, const char *key, size_t len)
{
    size_t i;

    if (reverse_init(r) != 0)
        return -1;
    for (i = 0; i < len; i++)
        if (key[i] < 'a' || key[i] > 'z')
            return 0;
    reverse_rec(r, key, len, 0);
    return 0;
}

/* ---- Mongolian ---- */

/* The index of the letter written utf8 in romanise_mn_letters (-1: none). */
static int mn_letter_of(const char *utf8)
{
    size_t i;

    for (i = 0; i < N_MN_LETTERS; i++)
        if (strcmp(romanise_mn_letters[i][0], utf8) == 0)
            return (int)i;
    return -1;
}

static int mn_letter(int cp)
{
    char u[8] = {0};

    if (utf8proc_encode_char(cp, (utf8proc_uint8_t *)u) <= 0)
        return -1;
    return mn_letter_of(u);
}

static int letter_in(int li, const char *const *set, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (strcmp(romanise_mn_letters[li][0], set[i]) == 0)
            return 1;
    return 0;
}

static int is_short_vowel(int li)
{
    static const char *const v[] = { "а", "э", "о", "ө", "у", "ү", "и", "ы", "ь" };

    return letter_in(li, v, sizeof v / sizeof v[0]);
}

/* Letters that are no consonant (vowels, й and the signs). */
static int is_consonant(int li)
{
    static const char *const v[] = {
        "а", "э", "о", "ө", "у", "ү", "и", "ы", "е", "ё", "ю", "я", "й", "ь", "ъ",
    };

    return !letter_in(li, v, sizeof v / sizeof v[0]);
}

/* The slot of Cyrillic letter li after letter prev (-1 at the start): its
 * Latin spellings, and nothing at all for the second letter of a long
 * vowel (Баасанжав is also written "Basanjav", Өлзийбаяр "Olzibayar",
 * Энхтуяа "Enkhtuya"). */
static void mn_slot(struct slot *s, int li, int prev)
{
    static const char *const vowels[] = { "а", "э", "о", "ө", "у", "ү", "и", "ы" };
    /* Pairs written for one long sound: ий, ый, and яа, ёо, еэ, юу, юү. */
    static const char *const pairs[][2] = {
        {"и", "й"}, {"ы", "й"}, {"я", "а"}, {"ё", "о"}, {"е", "э"}, {"ю", "у"}, {"ю", "ү"},
    };
    /* ISO 9's ju and ja mixed into the other systems (Ojuuntsetseg):
     * written, but not read back from a Latin name (mnrev_rec). */
    static const char *const written_only[][2] = { {"ю", "ju"}, {"я", "ja"} };
    size_t k;
    int i, single = 0;

    memset(s, 0, sizeof *s);
    for (i = 1; i < 5 && romanise_mn_letters[li][i]; i++)
        slot_add(s, romanise_mn_letters[li][i], "", "");
    for (k = 0; k < sizeof written_only / sizeof written_only[0]; k++)
        if (strcmp(romanise_mn_letters[li][0], written_only[k][0]) == 0)
            slot_add(s, written_only[k][1], "", "");
    if (prev < 0)
        return;
    single = prev == li && letter_in(li, vowels, 8);
    for (k = 0; k < sizeof pairs / sizeof pairs[0]; k++)
        single |= strcmp(romanise_mn_letters[prev][0], pairs[k][0]) == 0 &&
                  strcmp(romanise_mn_letters[li][0], pairs[k][1]) == 0;
    if (single)
        slot_add(s, "", "", "");
}

static int mn_system_forms(struct variant_list *out, const int *li, int n, int skip,
                           int suffix, size_t cap);

/* Adds key[0..len) without the letter at byte del..del+dlen (a stem that
 * must take an ending) and its Latin spellings from slots s without slot
 * skip (letters li[0..n); at most latin_cap, 0: none). */
static int mn_stem(struct variant_list *out, const char *key, size_t len, size_t del,
                   size_t dlen, const struct slot *s, const int *li, int n, int skip,
                   size_t latin_cap)
{
    struct slot t[SLOT_MAX];
    char buf[SLOT_MAX * 4];
    int i, m = 0;

    if (len - dlen >= sizeof buf)
        return 0;
    memcpy(buf, key, del);
    memcpy(buf + del, key + del + dlen, len - del - dlen);
    if (list_add(out, buf, len - dlen, RULE_INFLECTION, SUFFIX_MN_STEM) != 0)
        return -1;
    sodium_memzero(buf, sizeof buf);
    if (latin_cap == 0)
        return 0;
    for (i = 0; i < n; i++)
        if (i != skip)
            t[m++] = s[i];
    if (combine(out, t, m, RULE_INFLECTION, SUFFIX_MN_STEM, out->n + latin_cap) != 0)
        return -1;
    return mn_system_forms(out, li, n, skip, SUFFIX_MN_STEM, latin_cap >= 100 ? 8 : 2);
}

/* Adds the Cyrillic letters li[0..n) as a key and in every Latin system
 * (at most cap spellings). */
static int mn_add_letters(struct variant_list *out, const int *li, int n, int rule,
                          int suffix, size_t cap)
{
    struct slot s[SLOT_MAX];
    char buf[SLOT_MAX * 2];
    size_t at = 0, k;
    int i, rc;

    if (n <= 0 || n > SLOT_MAX)
        return 0;
    for (i = 0; i < n; i++) {
        k = strlen(romanise_mn_letters[li[i]][0]);
        memcpy(buf + at, romanise_mn_letters[li[i]][0], k);
        at += k;
        mn_slot(&s[i], li[i], i > 0 ? li[i - 1] : -1);
    }
    rc = list_add(out, buf, at, rule, suffix);
    sodium_memzero(buf, sizeof buf);
    return rc != 0 ? -1 : combine(out, s, n, rule, suffix, out->n + cap);
}

/* The long vowel a Mongolian short form ends in, by vowel harmony with
 * the letters li[0..n): аа after а or у, оо after о, ээ after э, ү or и
 * alone, өө after ө. */
static int mn_long_vowel(const int *li, int n)
{
    static const char *const from[] = { "а", "у", "о", "э", "ү", "ө" };
    static const char *const to[] = { "а", "а", "о", "э", "э", "ө" };
    const char *v = "э";
    size_t k;
    int i;

    for (i = n - 1; i >= 0; i--)
        for (k = 0; k < sizeof from / sizeof from[0]; k++)
            if (strcmp(romanise_mn_letters[li[i]][0], from[k]) == 0) {
                v = to[k];
                i = -1;
                break;
            }
    for (k = 0; k < N_MN_LETTERS; k++)
        if (strcmp(romanise_mn_letters[k][0], v) == 0)
            break;
    return (int)k;
}

/* Adds base li[0..n) with a long vowel (Алт → Алтаа), and, when its last
 * syllable has a fleeting vowel, without it (Гэрэл → Гэрлээ). */
static int mn_short_form(struct variant_list *out, const int *li, int n)
{
    int f[SLOT_MAX], v = mn_long_vowel(li, n), m;

    if (n < 3 || n + 2 > SLOT_MAX)
        return 0;
    memcpy(f, li, (size_t)n * sizeof *f);
    f[n] = f[n + 1] = v;
    if (mn_add_letters(out, f, n + 2, RULE_VARIANT, SUFFIX_MN, 40) != 0)
        return -1;
    if (n < 4 || !is_consonant(li[n - 1]) || !is_short_vowel(li[n - 2]) ||
        !is_consonant(li[n - 3]))
        return 0;
    memcpy(f, li, (size_t)(n - 2) * sizeof *f);
    m = n - 2;
    f[m++] = li[n - 1];
    f[m] = f[m + 1] = v;
    return mn_add_letters(out, f, m + 2, RULE_VARIANT, SUFFIX_MN, 40);
}

/* An element of a compound name alone, li[0..n), with case endings, in
 * Cyrillic and Latin, and its stem without a fleeting vowel (Төмөр:
 * Төмрийн) or a final short vowel (Эрдэнэ: Эрдэнийн). */
static int mn_element(struct variant_list *out, const int *li, int n)
{
    int f[SLOT_MAX], m;

    if (n < 4 || n > SLOT_MAX || mn_add_letters(out, li, n, RULE_VARIANT, SUFFIX_MN, 40) != 0)
        return n < 4 || n > SLOT_MAX ? 0 : -1;
    if (n >= 5 && is_consonant(li[n - 1]) && is_short_vowel(li[n - 2]) && is_consonant(li[n - 3])) {
        memcpy(f, li, (size_t)(n - 2) * sizeof *f);
        m = n - 2;
        f[m++] = li[n - 1];
        return mn_add_letters(out, f, m, RULE_INFLECTION, SUFFIX_MN_STEM, 8);
    }
    if (n >= 5 && is_short_vowel(li[n - 1]) && is_consonant(li[n - 2]))
        return mn_add_letters(out, li, n - 1, RULE_INFLECTION, SUFFIX_MN_STEM, 8);
    return 0;
}

/* The short forms Mongolians are called by (issue 12): the name's start
 * up to its first consonants with a long vowel (Алтангэрэл: Алтаа;
 * Батбаяр: Батаа; Түвшинбаяр: Түвшээ; Энхтуяа: Энхээ), the first element
 * alone (Түвшин, Алтан: four letters or more), and each later element of
 * the compound, alone or with a long vowel (Баяр, Баяраа; Туяа; Гэрлээ).
 * An element starts at a consonant after a consonant, followed by a vowel.
 * Written with a capital.  Marked flag: a form the dictionary of its
 * script knows as an ordinary word ("алтаа" is "his gold") is a review
 * flag, any other is replaced (redact_hits.c, lit_form). */
static int mn_short_forms(struct variant_list *out, const int *li, int n)
{
    unsigned char flag = out->flag, capital = out->capital;
    int i, j, rc = 0;

    if (out->no_short)
        return 0;
    out->flag = 1, out->capital = 1;
    for (i = 0; i < n && is_consonant(li[i]); i++)
        ;
    while (i < n && !is_consonant(li[i]))
        i++;
    if (i < n - 2 && i + 1 >= 3)
        rc = mn_short_form(out, li, i + 1);
    if (rc == 0 && i + 1 < n - 2 && is_consonant(li[i + 1]))
        rc = mn_short_form(out, li, i + 2);
    for (j = 2; rc == 0 && j + 3 <= n; j++) {
        /* й ends an element as a consonant does (Өлзий|баяр). */
        if (!(is_consonant(li[j - 1]) || strcmp(romanise_mn_letters[li[j - 1]][0], "й") == 0) ||
            !is_consonant(li[j]) || is_consonant(li[j + 1]))
            continue;
        /* The first element alone (Түвшинбаяр: Түвшин; Алтангэрэл: Алтан;
         * Төмөрбаатар: Төмөр, Төмрийн; Өлзийбаяр: Өлзий). */
        if (j >= 4)
            rc = mn_element(out, li, j);
        if (rc == 0 && n - j >= 4)
            rc = mn_element(out, li + j, n - j);
        if (rc == 0)
            rc = mn_short_form(out, li + j, n - j);
    }
    out->flag = flag, out->capital = capital;
    return rc;
}

/* The Cyrillic letter index li's row in table tab (rows of width w, first
 * column the letter), or NULL. */
static const char *const *mn_row(const char *const *tab, size_t rows, size_t w, int li)
{
    size_t r;

    for (r = 0; r < rows; r++)
        if (strcmp(tab[r * w], romanise_mn_letters[li][0]) == 0)
            return tab + r * w;
    return NULL;
}

/* Adds the letters li[0..n) without letter skip (-1: none) in each whole
 * system of mn_systems (at most cap spellings a system). */
static int mn_system_forms(struct variant_list *out, const int *li, int n, int skip,
                           int suffix, size_t cap)
{
    struct slot s[SLOT_MAX];
    const char *const *row;
    char opt[OPT_LEN], *p, *save;
    int i, m, sys;

    if (n > SLOT_MAX)
        return 0;
    for (sys = 1; sys <= N_MN_SYSTEMS; sys++) {
        for (i = 0, m = 0; i < n; i++) {
            if (i == skip)
                continue;
            row = mn_row(&mn_systems[0][0], sizeof mn_systems / sizeof mn_systems[0], 6, li[i]);
            if (row == NULL)
                return 0;
            memset(&s[m], 0, sizeof s[m]);
            snprintf(opt, sizeof opt, "%s", row[sys]);
            for (p = strtok_r(opt, "|", &save); p != NULL; p = strtok_r(NULL, "|", &save))
                slot_add(&s[m], p, "", "");
            if (s[m].n == 0)
                slot_add(&s[m], "", "", "");
            m++;
        }
        if (combine(out, s, m, RULE_VARIANT, suffix, out->n + cap) != 0)
            return -1;
    }
    return 0;
}

/* 1 if letter b after letter a writes one long vowel with two letters
 * that are not the same (яа, ёо, еэ, юу, юү: Оюун written Оюн). */
static int mn_long_pair(int a, int b)
{
    static const char *const pairs[][2] = {
        {"я", "а"}, {"ё", "о"}, {"е", "э"}, {"ю", "у"}, {"ю", "ү"},
    };
    size_t k;

    for (k = 0; k < sizeof pairs / sizeof pairs[0]; k++)
        if (strcmp(romanise_mn_letters[a][0], pairs[k][0]) == 0 && strcmp(romanise_mn_letters[b][0], pairs[k][1]) == 0)
            return 1;
    return 0;
}

/* Adds the Russian Cyrillic spellings of the letters li[0..n) (mn_russian;
 * at most cap, fewest changes first). */
static int mn_russian_forms(struct variant_list *out, const int *li, int n, size_t cap)
{
    struct slot s[SLOT_MAX];
    const char *const *row;
    int i, k;

    if (n > SLOT_MAX)
        return 0;
    size_t first = out->n, j, len;
    char stem[SLOT_MAX * 4];

    for (i = 0; i < n; i++) {
        memset(&s[i], 0, sizeof s[i]);
        slot_add(&s[i], romanise_mn_letters[li[i]][0], "", "");
        /* Russian writes a long vowel single (Энхтуя, Тумурбатар, Болорма:
         * report-adv12c H55). */
        if (i > 0 && li[i] == li[i - 1] && !is_consonant(li[i]) && is_short_vowel(li[i]))
            slot_add(&s[i], "", "", "");
        if (i > 0 && mn_long_pair(li[i - 1], li[i]))
            slot_add(&s[i], "", "", "");
        row = mn_row(&mn_russian[0][0], sizeof mn_russian / sizeof mn_russian[0], 4, li[i]);
        /* ль only before a consonant (Ульзийбаяр). */
        if (row == NULL || (i == 0 && strcmp(row[0], "э") == 0) ||
            (strcmp(row[0], "л") == 0 && (i + 1 >= n || !is_consonant(li[i + 1]))))
            continue;
        for (k = 1; k < 4 && row[k]; k++)
            slot_add(&s[i], row[k], "", "");
    }
    if (combine(out, s, n, RULE_VARIANT, SUFFIX_MN, out->n + cap) != 0)
        return -1;
    /* A Russian form ending in а or я takes Russian endings in its place
     * (Болорма: Болорме, Болормы; Энхтуя: Энхтуи, Энхтуей). */
    for (j = first, len = out->n; j < len; j++) {
        const char *key = out->arena + out->v[j].off, *bt;
        size_t kl = out->v[j].keylen;
        /* -батор for -баатар (Сухэ-Батор, Тумурбатор: report-adv12c H8). */
        if (kl < sizeof stem && (bt = memmem(key, kl, "батар", 10)) != NULL) {
            size_t at = (size_t)(bt - key);
            memcpy(stem, key, kl);
            memcpy(stem + at + 6, "о", 2);
            if (list_add(out, stem, kl, RULE_VARIANT, SUFFIX_MN) != 0)
                return -1;
            key = out->arena + out->v[j].off;
        }
        if (kl < 8 || kl - 2 >= sizeof stem ||
            (memcmp(key + kl - 2, "а", 2) != 0 && memcmp(key + kl - 2, "я", 2) != 0))
            continue;
        memcpy(stem, key, kl - 2);
        if (list_add(out, stem, kl - 2, RULE_INFLECTION, SUFFIX_MN_STEM) != 0)
            return -1;
    }
    sodium_memzero(stem, sizeof stem);
    return 0;
}

/* Cyrillic key: itself, its stems, and all in every Latin system.  Stems
 * must take a case ending: a final short vowel drops (Бат-Эрдэнэ,
 * Бат-Эрдэнийн), and so does the fleeting vowel of a last syllable
 * consonant-vowel-consonant (Алтангэрэл, Алтангэрлийн, Altangerlin;
 * Баатар, Баатрын); Russian text drops a final й (Сарнай, Сарная). */
static int mongolian_from_cyrillic(struct variant_list *out, const char *key,
                                   size_t len, int rule, int person, size_t latin_cap)
{
    struct slot s[SLOT_MAX];
    int n = 0, cp, k, li[SLOT_MAX];
    size_t at = 0, pos[SLOT_MAX + 1], stem_cap = latin_cap / 3;

    while (at < len) {
        k = utf8_next(&cp, key + at, len - at);
        if (k < 0 || n >= SLOT_MAX || (li[n] = mn_letter(cp)) < 0)
            return 0;
        mn_slot(&s[n], li[n], n > 0 ? li[n - 1] : -1);
        pos[n++] = at;
        at += (size_t)k;
    }
    pos[n] = len;
    if (list_add(out, key, len, rule, SUFFIX_MN) != 0 ||
        combine(out, s, n, RULE_VARIANT, SUFFIX_MN, out->n + latin_cap) != 0 ||
        mn_system_forms(out, li, n, -1, SUFFIX_MN, latin_cap >= 300 ? 8 : 2) != 0 ||
        mn_russian_forms(out, li, n, latin_cap >= 300 ? 32 : 8) != 0)
        return -1;
    /* A stem of two letters ("то" of Тоү) starts too many words. */
    if (n < 4)
        return 0;
    if (is_short_vowel(li[n - 1]) && li[n - 1] != li[n - 2] &&
        mn_stem(out, key, len, pos[n - 1], len - pos[n - 1], s, li, n, n - 1, stem_cap) != 0)
        return -1;
    if (n >= 5 && is_consonant(li[n - 1]) && is_short_vowel(li[n - 2]) &&
        strcmp(romanise_mn_letters[li[n - 2]][0], "ы") != 0 && strcmp(romanise_mn_letters[li[n - 2]][0], "ь") != 0 &&
        is_consonant(li[n - 3]) &&
        mn_stem(out, key, len, pos[n - 2], pos[n - 1] - pos[n - 2], s, li, n, n - 2, stem_cap) != 0)
        return -1;
    if (strcmp(romanise_mn_letters[li[n - 1]][0], "й") == 0 &&
        mn_stem(out, key, len, pos[n - 1], len - pos[n - 1], s, li, n, n - 1, 0) != 0)
        return -1;
    return person && n >= 5 ? mn_short_forms(out, li, n) : 0;
}

/* Latin spellings of the Mongolian endings (not the Russian ones), made
 * once from the letter table: every spelling of each letter, a long vowel
 * or ий also written single (ийн: iin, in; ээс: ees, es).  A lone vowel is
 * left out: "Bata" is another name, not Bat's genitive. */
#define MN_LATIN_MAX 1024
static char mn_latin[MN_LATIN_MAX][12];
static const char *mn_latin_ptr[MN_LATIN_MAX];
static size_t n_mn_latin;
static pthread_once_t mn_latin_once = PTHREAD_ONCE_INIT;

static void mn_latin_add(const char *e)
{
    size_t i, n = strlen(e);

    if (n == 0 || n >= sizeof mn_latin[0] || n_mn_latin >= MN_LATIN_MAX ||
        (n == 1 && strchr("aeiouy", e[0]) != NULL))
        return;
    for (i = 0; i < n_mn_latin; i++)
        if (strcmp(mn_latin[i], e) == 0)
            return;
    memcpy(mn_latin[n_mn_latin], e, n + 1);
    mn_latin_ptr[n_mn_latin] = mn_latin[n_mn_latin];
    n_mn_latin++;
}

static void mn_latin_rec(const struct slot *s, int n, int i, char *buf, size_t at)
{
    int k;
    size_t m;

    if (i == n) {
        buf[at] = '\0';
        mn_latin_add(buf);
        return;
    }
    for (k = 0; k < s[i].n; k++) {
        m = strlen(s[i].opt[k]);
        if (at + m >= 12)
            continue;
        memcpy(buf + at, s[i].opt[k], m);
        mn_latin_rec(s, n, i + 1, buf, at + m);
    }
}

static void mn_latin_build(void)
{
    struct slot s[8];
    char buf[16];
    size_t e, at, len;
    int n, cp, k, li, prev;

    for (e = 0; e < N_MN_NATIVE_ENDINGS; e++) {
        len = strlen(mn_endings[e]);
        for (at = 0, n = 0, prev = -1; at < len && n < 8; at += (size_t)k, n++) {
            if ((k = utf8_next(&cp, mn_endings[e] + at, len - at)) <= 0 || (li = mn_letter(cp)) < 0)
                break;
            mn_slot(&s[n], li, prev);
            prev = li;
        }
        if (at == len)
            mn_latin_rec(s, n, 0, buf, 0);
    }
    for (e = 0; e < sizeof mn_latin_extra / sizeof mn_latin_extra[0]; e++)
        mn_latin_add(mn_latin_extra[e]);
}

struct mnrev {
    char found[4][SLOT_MAX * 2];
    int nfound;
    long steps;
    char path[SLOT_MAX * 2];
};

static void mnrev_rec(struct mnrev *m, const char *key, size_t len, size_t at, int depth)
{
    size_t i, n, want;
    int k;

    if (m->nfound >= 4 || depth >= SLOT_MAX - 1 || ++m->steps > REVERSE_BUDGET)
        return;
    if (len == 0) {
        memcpy(m->found[m->nfound], m->path, at);
        m->found[m->nfound++][at] = '\0';
        return;
    }
    /* Longest Latin spelling first (kh before k), then by system rank. */
    for (want = 4; want >= 1; want--)
        for (k = 1; k < 5; k++)
            for (i = 0; i < N_MN_LETTERS; i++) {
            if (romanise_mn_letters[i][k] == NULL || (n = strlen(romanise_mn_letters[i][k])) != want ||
                n > len || memcmp(romanise_mn_letters[i][k], key, n) != 0)
                continue;
            memcpy(m->path + at, romanise_mn_letters[i][0], strlen(romanise_mn_letters[i][0]));
            mnrev_rec(m, key + n, len - n, at + strlen(romanise_mn_letters[i][0]), depth + 1);
        }
}

struct mnvow {
    struct variant_list *out;
    int li[SLOT_MAX], n, left, failed, person;
};

/* Readings of w->li with exactly `changes` vowels changed from index i on
 * (mn_latin_vowels), each with its spellings. */
static void mn_vowel_rec(struct mnvow *w, int i, int changes)
{
    char buf[SLOT_MAX * 2];
    const char *const *row;
    size_t at = 0, k;
    int j, was;

    if (w->failed || w->left <= 0)
        return;
    if (changes == 0) {
        for (j = 0; j < w->n; j++) {
            k = strlen(romanise_mn_letters[w->li[j]][0]);
            memcpy(buf + at, romanise_mn_letters[w->li[j]][0], k);
            at += k;
        }
        w->left--;
        if (mongolian_from_cyrillic(w->out, buf, at, RULE_VARIANT, w->person, 30) != 0)
            w->failed = 1;
        sodium_memzero(buf, sizeof buf);
        return;
    }
    for (; i < w->n; i++) {
        row = mn_row(&mn_latin_vowels[0][0], sizeof mn_latin_vowels / sizeof mn_latin_vowels[0],
                     4, w->li[i]);
        if (row == NULL)
            continue;
        was = w->li[i];
        for (k = 1; k < 4 && row[k]; k++) {
            w->li[i] = mn_letter_of(row[k]);
            mn_vowel_rec(w, i + 1, changes - 1);
        }
        w->li[i] = was;
    }
}

/* The Cyrillic readings of a Latin name whose u and o are the other
 * Mongolian vowels (Tuvshinjargal: Түвшинжаргал; Munkhbat: Мөнхбат), one
 * changed vowel first, then two..., at most 4 readings, each with a few
 * spellings and stems (VARIANTS_MAX), and for a person their short forms
 * (issue 12: Tuvshinbayar is also Түвшин, Түвшээ); reading is the first
 * Cyrillic reading (mnrev_rec). */
static int mn_vowel_readings(struct variant_list *out, const char *reading, int person)
{
    struct mnvow w;
    size_t at = 0, len = strlen(reading);
    int cp, k, changes;

    memset(&w, 0, sizeof w);
    w.out = out, w.left = 4, w.person = person;
    while (at < len) {
        k = utf8_next(&cp, reading + at, len - at);
        if (k <= 0 || w.n >= SLOT_MAX || (w.li[w.n] = mn_letter(cp)) < 0)
            return 0;
        w.n++;
        at += (size_t)k;
    }
    for (changes = 1; changes <= 4 && !w.failed && w.left > 0; changes++)
        mn_vowel_rec(&w, 0, changes);
    return w.failed ? -1 : 0;
}

/* ---- Entry points ---- */

static int latin_key(const char *key, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++)
        if (key[i] < 'a' || key[i] > 'z')
            return 0;
    return len > 0;
}

static int from_latin(struct variant_list *out, const char *key, size_t len, int person)
{
    struct reverse r;
    struct mnrev m;
    int i, rc = 0;

    if (reverse_korean(&r, key, len) != 0) {
        reverse_free(&r);
        return -1;
    }
    /* Initials of the likeliest reading only (person 2: a person, no
     * initials): they would crowd out the other readings' spellings. */
    for (i = 0; rc == 0 && i < r.nfound; i++)
        rc = korean_from_hangul(out, r.found[i], strlen(r.found[i]), RULE_VARIANT,
                                person && i > 0 ? 2 : person);
    if (r.nfound > 0 || rc != 0) {
        reverse_free(&r);
        return rc;
    }
    reverse_free(&r);
    memset(&m, 0, sizeof m);
    mnrev_rec(&m, key, len, 0, 0);
    /* Short forms of the likeliest reading and its other vowels (Түвшин
     * of Tuvshinbayar), which come before the other readings
     * (VARIANTS_MAX). */
    for (i = 0; rc == 0 && i < m.nfound; i++) {
        rc = mongolian_from_cyrillic(out, m.found[i], strlen(m.found[i]), RULE_VARIANT,
                                     i == 0 && person, i == 0 ? 300 : 100);
        if (rc == 0 && i == 0)
            rc = mn_vowel_readings(out, m.found[0], person);
    }
    sodium_memzero(&m, sizeof m);
    return rc;
}

int variants_of(struct variant_list *out, const char *text, size_t len, struct err *e)
{
    return variants_of_kind(out, text, len, 1, e);
}

/* The spellings of one key: a whole name or term, or one word of a name. */
static int expand_key(struct variant_list *out, const char *key, size_t keylen, int rule,
                      int person)
{
    int cp;

    if (utf8_next(&cp, key, keylen) <= 0)
        return 0;
    if (is_hangul_cp(cp))
        return korean_from_hangul(out, key, keylen, rule, person);
    if (is_cyrillic_cp(cp))
        return mongolian_from_cyrillic(out, key, keylen, rule, person, 300);
    if (latin_key(key, keylen))
        return from_latin(out, key, keylen, person);
    return 0;
}

/* 1 if cp is a letter that has capitals (a word written with one names
 * someone: "Bold", "Болд"; "bold" and "болд" are words). */
static int cased(int cp)
{
    return cp >= 0 && (utf8proc_isupper(cp) || utf8proc_islower(cp));
}

/* The father's name in a patronymic (a genitive, the usual first word of
 * a Mongolian name: "Ганбаатарын Мөнх-Эрдэнэ"), with all its spellings:
 * written alone or in another case it identifies the subject too
 * (Ганбаатар, Ганбаатрыг, Ганбаатраас, Ganbaatar, Ganbaatriin).  The
 * genitive endings are those of mn_endings (ийн ын гийн ний) and their
 * Latin spellings (iin yn iyn giin); a stem left ending in two consonants
 * gets its fleeting vowel back by vowel harmony (Ганбаатрын: Ганбаатар).
 * key[0..len) is one word of the name, without separators. */
static int patronymic_father(struct variant_list *out, const char *key, size_t len)
{
    static const char *const gen[] = { "гийн", "ийн", "ын", "ний", "giin", "iin", "iyn", "yn" };
    char stem[SLOT_MAX * 4];
    int li[SLOT_MAX], n = 0, cp, k, rc;
    size_t i, m = 0, at;

    for (i = 0; i < sizeof gen / sizeof gen[0]; i++) {
        m = strlen(gen[i]);
        if (len > m && memcmp(key + len - m, gen[i], m) == 0)
            break;
    }
    if (i == sizeof gen / sizeof gen[0] || len - m + 4 > sizeof stem)
        return 0;
    m = len - m;
    memcpy(stem, key, m);
    for (at = 0; at < m && n < SLOT_MAX; at += (size_t)k) {
        if ((k = utf8_next(&cp, stem + at, m - at)) <= 0 || (li[n] = mn_letter(cp)) < 0)
            break;
        n++;
    }
    if (at == m && n >= 4 && is_consonant(li[n - 1]) && is_consonant(li[n - 2]) &&
        strcmp(romanise_mn_letters[li[n - 1]][0], "н") != 0) {
        /* Ганбаатр: the vowel goes back before the last consonant. */
        const char *v = romanise_mn_letters[mn_long_vowel(li, n - 1)][0];
        size_t last = m - strlen(romanise_mn_letters[li[n - 1]][0]), vl = strlen(v);
        memmove(stem + last + vl, stem + last, m - last);
        memcpy(stem + last, v, vl);
        m += vl;
    }
    rc = 0;
    /* A Latin stem of 5 letters at least: "Robyn" is no "Rob"'s genitive;
     * nor a name the English dictionary lists ("Carolyn" is no "Carol"'s:
     * report adv12c L18). */
    if (m >= (latin_key(stem, m) ? 5u : 3u) &&
        !(latin_key(key, len) && lexicon_proper(LEXICON_EN, key, len) == 1)) {
        rc = list_add(out, stem, m, RULE_VARIANT, SUFFIX_NONE);
        if (rc == 0)
            rc = expand_key(out, stem, m, RULE_VARIANT, 1);
    }
    sodium_memzero(stem, sizeof stem);
    return rc;
}

/* Each word of a name of several words (norm view, words split by ' '),
 * of three letters or more and not a frequent Korean surname, with all its
 * spellings: people are called by one of their names (Mongolians by the
 * given name alone: "Алтангэрэл" of "Батбаярын Алтангэрэл"; "Болд",
 * "Доржийн" of "Bold Dorj").  A spelling in a script with capitals must be
 * written with one ("Krajcik's brother", not "mark" for "Mark Hill"). */
/* Words of the languages we read that are also given names or parts of
 * names (issue 12, kind 4): the English months and days and the function
 * words that are Korean or Chinese surnames and given names (An, So, No,
 * Do, Ha, Ma, Ye, In, On, Yu...), and the Mongolian days of the week, which
 * are given names too (Даваа, Мягмар, Лхагва, Пүрэв, Баасан, Бямба, Ням).
 * Lower case, as keys.  Written by us from the languages' grammar. */
static const char *const common_words[] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "a", "an", "and", "as", "at", "be", "but", "by", "do", "for", "go", "ha", "he", "if",
    "in", "is", "it", "ma", "me", "my", "no", "nor", "of", "oh", "on", "or", "so", "the",
    "to", "up", "us", "we", "ye", "yet", "you", "yu",
    "даваа", "мягмар", "лхагва", "пүрэв", "баасан", "бямба", "ням",
};

int variants_common_word(const char *key, size_t keylen)
{
    size_t i;

    for (i = 0; i < sizeof common_words / sizeof common_words[0]; i++)
        if (strlen(common_words[i]) == keylen && memcmp(common_words[i], key, keylen) == 0)
            return 1;
    return 0;
}

static int name_words(struct variant_list *out, const char *norm, size_t len)
{
    char key[SLOT_MAX * 4], pat[SLOT_MAX * 4];
    size_t a = 0, b, i, k, first, npat = 0;
    int cp, chars, rc = 0;

    if (memchr(norm, ' ', len) == NULL)
        return 0;
    while (a < len && rc == 0) {
        for (b = a; b < len && norm[b] != ' '; b++)
            ;
        for (i = a, k = 0, chars = 0; i < b && k < sizeof key - 4; i++) {
            if (norm[i] == '-' || norm[i] == '\'')
                continue;
            key[k++] = norm[i];
            chars += ((unsigned char)norm[i] & 0xC0) != 0x80;
        }
        a = b + 1;
        /* A word that is also a month, a day or a function word ("May" of
         * May Lee, "An" of An Myong, even a surname): the name-or-word
         * rule (redact_hits.c), as written only. */
        if (chars >= 2 && variants_common_word(key, k)) {
            out->capital = 1;
            rc = list_add(out, key, k, RULE_VARIANT, SUFFIX_NONE);
            out->capital = 0;
            continue;
        }
        if (chars < 3 && !(chars == 2 && utf8_next(&cp, key, k) > 0 && is_hangul_cp(cp)))
            continue;
        if (variants_is_surname(key, k))
            continue;
        first = out->n;
        out->capital = 1;
        rc = list_add(out, key, k, RULE_VARIANT, SUFFIX_NONE);
        if (rc == 0)
            rc = expand_key(out, key, k, RULE_VARIANT, 1);
        out->capital = 0;
        for (i = first; i < out->n; i++)
            if (utf8_next(&cp, out->arena + out->v[i].off, out->v[i].keylen) > 0 && !cased(cp))
                out->v[i].capital = 0;
        if (npat == 0 && k < sizeof pat)
            memcpy(pat, key, k), npat = k;
    }
    /* The father's name last: the names' own words come first (VARIANTS_MAX). */
    if (rc == 0 && npat > 0) {
        first = out->n;
        out->capital = 1, out->father = 1;
        rc = patronymic_father(out, pat, npat);
        out->capital = 0, out->father = 0;
        for (i = first; i < out->n; i++)
            if (utf8_next(&cp, out->arena + out->v[i].off, out->v[i].keylen) > 0 && !cased(cp))
                out->v[i].capital = 0;
    }
    sodium_memzero(key, sizeof key);
    sodium_memzero(pat, sizeof pat);
    return rc;
}

/* The elements of a hyphenated Mongolian name in one word (Бат-Эрдэнэ:
 * Эрдэнэ, Эрдэнийн, Эрдэнээ; report-adv12c H63): short forms, marked as
 * mn_short_forms marks them. */
static int mn_hyphen_elements(struct variant_list *out, const char *norm, size_t len)
{
    unsigned char flag = out->flag, capital = out->capital;
    size_t a = 0, b, at;
    int li[SLOT_MAX], n, cp, k, rc = 0;

    if (memchr(norm, '-', len) == NULL || memchr(norm, ' ', len) != NULL)
        return 0;
    out->flag = 1, out->capital = 1;
    for (; a < len && rc == 0; a = b + 1) {
        for (b = a; b < len && norm[b] != '-'; b++)
            ;
        for (at = a, n = 0; at < b; at += (size_t)k, n++)
            if (n >= SLOT_MAX || (k = utf8_next(&cp, norm + at, b - at)) <= 0 ||
                (li[n] = mn_letter(cp)) < 0)
                break;
        if (at < b || n < 4)
            continue;
        rc = mn_element(out, li, n);
        if (rc == 0)
            rc = mn_short_form(out, li, n);
    }
    out->flag = flag, out->capital = capital;
    return rc;
}

/* 1 if a variant of out is in Hangul: the name was read as Korean (its
 * initials are korean_initials'). */
static int korean_read(const struct variant_list *out)
{
    int cp;

    for (size_t i = 0; i < out->n; i++)
        if (utf8_next(&cp, out->arena + out->v[i].off, out->v[i].keylen) > 0 && is_hangul_cp(cp))
            return 1;
    return 0;
}

/* Initials of a name of two or three words that is not read as Korean
 * (issue 12): each word's first letters in its own script and in its
 * spellings' (Батбаяр: б, b), with full stops in the name's order and,
 * for two words, the other ("Д.Б", "B.D": replaced; the last full stop is
 * taken too), and bare ("ДБ", "BD": a review flag, an acronym too).
 * Written with a capital. */
static int name_initials(struct variant_list *out, const char *norm, size_t len)
{
    struct slot dot[3], bare[3], f[3];
    struct variant_list w;
    size_t a = 0, b, i;
    int n = 0, rc = 0, cp, k;
    char c[8];

    for (a = 0; a <= len && n <= 3; a = b + 1) {
        for (b = a; b < len && norm[b] != ' '; b++)
            ;
        if (b == a)
            continue;
        if (n == 3 || variants_is_surname(norm + a, b - a))
            return 0;
        memset(&w, 0, sizeof w);
        if (list_add(&w, norm + a, b - a, RULE_EXACT, SUFFIX_NONE) != 0 ||
            expand_key(&w, norm + a, b - a, RULE_VARIANT, 1) != 0) {
            variant_list_free(&w);
            return -1;
        }
        memset(&dot[n], 0, sizeof dot[n]), memset(&bare[n], 0, sizeof bare[n]);
        for (i = 0; i < w.n && bare[n].n < 3; i++) {
            if ((k = utf8_next(&cp, w.arena + w.v[i].off, w.v[i].keylen)) <= 0 || !cased(cp) ||
                (size_t)k >= sizeof c)
                continue;
            memcpy(c, w.arena + w.v[i].off, (size_t)k), c[k] = '\0';
            /* A full stop between single letters of another script is a
             * gap the key leaves out (normalise.h): "Д.Б." is keyed дб. */
            slot_add(&dot[n], c, cp < 0x80 ? "." : "", "");
            slot_add(&bare[n], c, "", "");
        }
        variant_list_free(&w);
        if (bare[n++].n == 0)
            return 0;
    }
    if (n < 2)
        return 0;
    out->capital = 1;
    for (i = 0; i + 1 < (size_t)n; i++)
        f[i] = dot[i];
    f[n - 1] = bare[n - 1];
    rc |= combine(out, f, n, RULE_VARIANT, SUFFIX_NONE, out->n + 12);
    if (n == 2) {
        f[0] = dot[1], f[1] = bare[0];
        rc |= combine(out, f, 2, RULE_VARIANT, SUFFIX_NONE, out->n + 12);
    }
    out->flag = 1, out->initials = 1;
    rc |= combine(out, bare, n, RULE_VARIANT, SUFFIX_NONE, out->n + 12);
    if (n == 2) {
        f[0] = bare[1], f[1] = bare[0];
        rc |= combine(out, f, 2, RULE_VARIANT, SUFFIX_NONE, out->n + 12);
    }
    out->flag = 0, out->initials = 0, out->capital = 0;
    return rc != 0 ? -1 : 0;
}

int variants_of_kind(struct variant_list *out, const char *text, size_t len, int person,
                     struct err *e)
{
    struct normtext t;
    int rc;

    memset(out, 0, sizeof *out);
    if (normalise(&t, text, len, e) != 0)
        return -1;
    if (t.keylen == 0) {
        normtext_free(&t);
        return err_set(e, EXIT_INPUT, "a name or term is empty (or only dashes and spaces); give its text");
    }
    rc = list_add(out, t.key, t.keylen, RULE_EXACT, SUFFIX_NONE);
    out->no_short = memchr(t.norm, ' ', t.normlen) != NULL;
    if (rc == 0)
        rc = expand_key(out, t.key, t.keylen, RULE_EXACT, person);
    out->no_short = 0;
    if (rc == 0 && person)
        rc = name_words(out, t.norm, t.normlen);
    if (rc == 0 && person)
        rc = mn_hyphen_elements(out, t.norm, t.normlen);
    if (rc == 0 && person && !korean_read(out))
        rc = name_initials(out, t.norm, t.normlen);
    normtext_free(&t);
    if (rc != 0) {
        variant_list_free(out);
        return err_set(e, EXIT_INPUT, "out of memory while generating spelling variants");
    }
    for (size_t i = 0; i < out->n; i++)
        out->v[i].key = out->arena + out->v[i].off;
    return 0;
}

/* ---- The ending tables, indexed ----
 * Every word of a text asks, at each of its last bytes, whether the rest
 * is a run of particles or endings (the audit's stems, the review flags).
 * Hangul and Cyrillic entries share their first byte, so a scan of a whole
 * table for each position compared nearly every entry: each table is kept
 * sorted instead, and only the entries that begin with the rest's first
 * character are compared (a binary search, then a few). */
/* Mongolian words of address written glued to a name in chat (issue 12,
 * report adv12c H68: Доржгуай, Доржах, Алтангэрэлэгч, Доржбагш, Доржхүү),
 * in Cyrillic and their usual Latin spellings; case endings may follow
 * (Доржгуайгаас, Доржахтай). */
static const char *const mn_address[] = {
    "гуай", "ах", "эгч", "дүү", "багш", "хүү", "охин",
    "guai", "guay", "gua", "akh", "ah", "egch", "egc", "duu", "bagsh", "khuu", "huu",
    /* chat writes ч as the digit 4 (Altangereleg4) */
    "eg4",
};

#define SUFIDX_MAX MN_LATIN_MAX

struct sufidx {
    size_t n;
    const char *e[SUFIDX_MAX];      /* the entries, sorted by their bytes */
    unsigned char len[SUFIDX_MAX];
    uint32_t first[SUFIDX_MAX];     /* each entry's first character (first_char) */
};

static struct {
    struct sufidx ko_common, ko_more, mn, mn_latin;
    /* The first bytes of the entries: a rest that starts with none of a
     * kind's is no run of it (a Hangul rest asked for Mongolian endings,
     * a Cyrillic or Latin one for Korean particles: the audit asks both
     * of every word end, window_suffix_ok), answered without a search. */
    unsigned char ko_first[256], mn_first[256];
} ix;
static pthread_once_t ix_once = PTHREAD_ONCE_INIT;

static int entry_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The UTF-8 character at s[0] (len bytes available) as a number whose
 * order is that of the bytes (its bytes from the top, zeros after: no
 * character's bytes begin another's), 0 when it is cut short. */
static uint32_t first_char(const char *s, size_t len)
{
    unsigned char b = (unsigned char)s[0];
    size_t c = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    uint32_t v = 0;

    if (c > len)
        return 0;
    for (size_t i = 0; i < 4; i++)
        v = v << 8 | (i < c ? (unsigned char)s[i] : 0u);
    return v;
}

static void sufidx_fill(struct sufidx *x, const char *const *tab, size_t n)
{
    x->n = n < SUFIDX_MAX ? n : SUFIDX_MAX;
    memcpy(x->e, tab, x->n * sizeof *tab);
    qsort(x->e, x->n, sizeof x->e[0], entry_cmp);
    for (size_t i = 0; i < x->n; i++) {
        x->len[i] = (unsigned char)strlen(x->e[i]);
        x->first[i] = first_char(x->e[i], x->len[i]);
    }
}

/* Marks in first the first byte of each entry of x and of tab[0..n). */
static void first_bytes(unsigned char first[256], const struct sufidx *x, const char *const *tab,
                        size_t n)
{
    for (size_t i = 0; i < x->n; i++)
        first[(unsigned char)x->e[i][0]] = 1;
    for (size_t i = 0; i < n; i++)
        first[(unsigned char)tab[i][0]] = 1;
}

static void ix_build(void)
{
    (void)pthread_once(&mn_latin_once, mn_latin_build);
    sufidx_fill(&ix.ko_common, ko_common, N_COMMON);
    sufidx_fill(&ix.ko_more, ko_more, N_MORE);
    sufidx_fill(&ix.mn, mn_endings, N_MN_ENDINGS);
    sufidx_fill(&ix.mn_latin, mn_latin_ptr, n_mn_latin);
    first_bytes(ix.ko_first, &ix.ko_common, NULL, 0);
    first_bytes(ix.ko_first, &ix.ko_more, NULL, 0);
    first_bytes(ix.mn_first, &ix.mn, NULL, 0);
    first_bytes(ix.mn_first, &ix.mn_latin, mn_address, sizeof mn_address / sizeof mn_address[0]);
}

/* The first entry of x that begins with the character at rest[0] (UTF-8,
 * len bytes available); *end is one past the last such entry. */
static size_t sufidx_range(const struct sufidx *x, const char *rest, size_t len, size_t *end)
{
    uint32_t want = first_char(rest, len);
    size_t lo = 0, hi = x->n, top;

    if (want == 0) {
        *end = 0;
        return 0;
    }
    /* The entries are sorted by their bytes, so by first: two searches. */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x->first[mid] < want)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (top = x->n; hi < top;) {
        size_t mid = hi + (top - hi) / 2;
        if (x->first[mid] <= want)
            hi = mid + 1;
        else
            top = mid;
    }
    *end = hi;
    return lo;
}

/* 1 if rest[0..len) (len > 0) is an entry of x: a binary search over the
 * whole entries (sorted by strcmp, the order of memcmp with the shorter
 * first). */
static int sufidx_has(const struct sufidx *x, const char *rest, size_t len)
{
    size_t lo = 0, hi = x->n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2, n = x->len[mid];
        int c = memcmp(x->e[mid], rest, n < len ? n : len);
        if (c == 0)
            c = n < len ? -1 : n > len;
        if (c == 0)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* 1 if rest[0..len) is a run of at most depth entries of x. */
static int ends_with_one(const struct sufidx *x, const char *rest, size_t len, int depth)
{
    size_t i, end;

    if (len == 0)
        return 1;
    /* No particle or ending is longer than 9 bytes: most words fail here. */
    if (depth == 0 || len > (size_t)depth * 9)
        return 0;
    /* One entry left: the whole rest must be it (the Latin endings, one
     * at most, ask only this; many share their first letter). */
    if (depth == 1)
        return sufidx_has(x, rest, len);
    for (i = sufidx_range(x, rest, len, &end); i < end; i++)
        if (x->len[i] <= len && memcmp(x->e[i], rest, x->len[i]) == 0 &&
            ends_with_one(x, rest + x->len[i], len - x->len[i], depth - 1))
            return 1;
    return 0;
}

/* Sets reach[i + n] for each entry of x, n bytes long, that is
 * rest[i..i+n). */
static void reach_from(unsigned char *reach, const struct sufidx *x, const char *rest, size_t i,
                       size_t len)
{
    size_t k, end;

    for (k = sufidx_range(x, rest + i, len - i, &end); k < end; k++)
        if (x->len[k] <= len - i && memcmp(x->e[k], rest + i, x->len[k]) == 0)
            reach[i + x->len[k]] = 1;
}

/* 1 if rest[0..len) is a chain of any number of Korean particles and
 * address words (each may follow any other): a table of reachable
 * positions, not a search. */
static int ko_chain(const char *rest, size_t len)
{
    unsigned char reach[KO_SUFFIX_MAX + 1];
    size_t i;

    if (len == 0)
        return 1;
    if (len > KO_SUFFIX_MAX)
        return 0;
    (void)pthread_once(&ix_once, ix_build);
    memset(reach, 0, len + 1);
    reach[0] = 1;
    for (i = 0; i < len && !reach[len]; i++)
        if (reach[i]) {
            reach_from(reach, &ix.ko_common, rest, i, len);
            reach_from(reach, &ix.ko_more, rest, i, len);
        }
    return reach[len];
}

/* The Mongolian endings after an optional word of address. */
static int mn_endings_ok(const char *rest, size_t restlen)
{
    (void)pthread_once(&ix_once, ix_build);
    if (restlen > 0 && (unsigned char)rest[0] < 0x80)
        return ends_with_one(&ix.mn_latin, rest, restlen, 1);
    return ends_with_one(&ix.mn, rest, restlen, 3);
}

/* A Mongolian ending run: up to three Cyrillic endings, or one Latin,
 * after an optional word of address. */
static int mn_suffix_ok(const char *rest, size_t restlen)
{
    if (mn_endings_ok(rest, restlen))
        return 1;
    for (size_t i = 0; i < sizeof mn_address / sizeof mn_address[0]; i++) {
        size_t n;
        if (restlen == 0 || mn_address[i][0] != rest[0])
            continue;
        n = strlen(mn_address[i]);
        if (n <= restlen && memcmp(rest, mn_address[i], n) == 0 &&
            (n == restlen || mn_endings_ok(rest + n, restlen - n)))
            return 1;
    }
    return 0;
}

/* Case endings a place's name written in Latin letters takes in the
 * European languages that decline it, as the key view writes them (lower
 * case, marks stripped: ból is "bol"): Czech, Slovak, Polish, Croatian
 * and Slovene (Pchjongjangu, Phenianu, z Phenianem, w Pjongjangu,
 * Phenjanie), Lithuanian (Pchenjanas) and Hungarian (Phenjanból,
 * Csongdzsinban, Phenjanba, Phenjanig).  From the declension tables of
 * those languages' grammars (a noun ending in a consonant); report-adv12e
 * F41. */
static const char *const eu_endings[] = {
    "a", "u", "e", "y", "i", "em", "om", "ou", "ie", "iem", "owi", "ovi", "as", "o", "ui",
    "ban", "ben", "ba", "be", "bol", "rol", "tol", "hoz", "hez", "nal", "nel", "nak", "nek",
    "ra", "re", "on", "en", "ig", "val", "vel", "ert", "kent", "i", "ot", "et",
};

static int eu_ending(const char *rest, size_t restlen)
{
    for (size_t i = 0; i < sizeof eu_endings / sizeof eu_endings[0]; i++)
        if (strlen(eu_endings[i]) == restlen && memcmp(rest, eu_endings[i], restlen) == 0)
            return 1;
    return 0;
}

int variant_suffix_ok(enum variant_suffix suffix, const char *rest, size_t restlen)
{
    if (suffix == SUFFIX_EU)
        return restlen == 0 || eu_ending(rest, restlen);
    if (suffix != SUFFIX_NONE && restlen > 0) {
        (void)pthread_once(&ix_once, ix_build);
        if (!(suffix == SUFFIX_KO ? ix.ko_first : ix.mn_first)[(unsigned char)rest[0]])
            return 0;
    }
    switch (suffix) {
    case SUFFIX_NONE:
        return restlen == 0;
    case SUFFIX_KO:
        return ko_chain(rest, restlen);
    /* Endings stack in Cyrillic; a Latin spelling takes at most one. */
    case SUFFIX_MN:
        return mn_suffix_ok(rest, restlen);
    case SUFFIX_MN_STEM:
        return restlen > 0 && mn_suffix_ok(rest, restlen);
    case SUFFIX_EU:
        break;
    }
    return 0;
}

static size_t put_syllables(char *out, size_t outlen, size_t at, const char *h, size_t *count)
{
    size_t i = 0, n = strlen(h);
    int cp, k;

    while (i < n && (k = utf8_next(&cp, h + i, n - i)) > 0) {
        if (at + (size_t)k + 1 > outlen)
            return at;
        memcpy(out + at, h + i, (size_t)k);
        out[at + (size_t)k] = '\0';
        at += (size_t)k + 1;
        (*count)++;
        i += (size_t)k;
    }
    return at;
}

/* Words of address that follow a person's name and hardly an ordinary
 * noun (님 and 들 follow both: 하나님, 해님), and the vocatives. */
static const char *const ko_name_marks[] = {
    "씨", "군", "양", "옹", "형", "형님", "오빠", "오라버니", "언니", "누나", "누님",
    "동지", "동무", "선생", "선생님", "선배", "후배", "여사", "아저씨", "아주머니",
    "아줌마", "아바이", "아매", "삼촌", "이모", "고모",
};

int variants_ko_marks_name(const char *rest, size_t restlen)
{
    if ((restlen == 3 && (memcmp(rest, "야", 3) == 0 || memcmp(rest, "아", 3) == 0)))
        return 1;
    /* Every mark is at least one syllable (three bytes): those compared
     * first, the whole mark only where they are the mark's. */
    for (size_t i = 0; restlen >= 3 && i < sizeof ko_name_marks / sizeof ko_name_marks[0]; i++) {
        size_t n;
        if (memcmp(rest, ko_name_marks[i], 3) != 0)
            continue;
        n = strlen(ko_name_marks[i]);
        if (restlen >= n && memcmp(rest, ko_name_marks[i], n) == 0 &&
            ko_chain(rest + n, restlen - n))
            return 1;
    }
    return 0;
}

int variants_ko_common_suffix(const char *rest, size_t restlen)
{
    (void)pthread_once(&ix_once, ix_build);
    return ends_with_one(&ix.ko_common, rest, restlen, 2);
}

size_t variants_hangul_syllables(char *out, size_t outlen, const char *key, size_t keylen)
{
    struct reverse r;
    char h[SLOT_MAX * 4];
    int cps[SLOT_MAX - 1], i;
    size_t at = 0, count = 0;

    if (keylen < sizeof h && hangul_cps(cps, SLOT_MAX - 1, key, keylen) > 0) {
        memcpy(h, key, keylen);
        h[keylen] = '\0';
        put_syllables(out, outlen, 0, h, &count);
        return count;
    }
    if (reverse_korean(&r, key, keylen) == 0)
        for (i = 0; i < r.nfound; i++)
            at = put_syllables(out, outlen, at, r.found[i], &count);
    reverse_free(&r);
    return count;
}

/* Every surname spelling, sorted once: the review flags ask for each word. */
static const char *surname_keys[N_SURNAMES * 9];
static size_t n_surname_keys;
static pthread_once_t surname_once = PTHREAD_ONCE_INIT;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void surname_index_build(void)
{
    size_t i, k;

    for (i = 0; i < N_SURNAMES; i++)
        for (k = 0; k < 9 && ko_surnames[i][k]; k++)
            surname_keys[n_surname_keys++] = ko_surnames[i][k];
    qsort(surname_keys, n_surname_keys, sizeof surname_keys[0], cmp_str);
}

int variants_is_surname(const char *key, size_t keylen)
{
    char buf[16];
    const char *p = buf;

    if (keylen == 0 || keylen >= sizeof buf)
        return 0;
    (void)pthread_once(&surname_once, surname_index_build);
    memcpy(buf, key, keylen);
    buf[keylen] = '\0';
    if (bsearch(&p, surname_keys, n_surname_keys, sizeof surname_keys[0], cmp_str) != NULL)
        return 1;
    for (size_t i = 0; i < sizeof ko_compound_surnames / sizeof ko_compound_surnames[0]; i++)
        for (size_t k = 0; k < 6 && ko_compound_surnames[i][k]; k++)
            if (strcmp(buf, ko_compound_surnames[i][k]) == 0)
                return 1;
    return 0;
}
