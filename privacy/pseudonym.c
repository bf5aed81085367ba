#include "privacy/pseudonym.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "crypto/secmem.h"
#include "privacy/confusable.h"
#include "privacy/normalise.h"
#include "privacy/variants.h"

#define N(a) (sizeof (a) / sizeof (a)[0])

/* Korean given names, North Korean-style romanisation: first syllable
 * capitalised, a hyphen, the second in lower case ("Jong-su"). */
static const char *const ko_first[] = {
    "Chol", "Jong", "Myong", "Song", "Kwang", "Yong", "Hyok", "Il", "Nam", "Chun",
    "Sun", "Hui", "Ok", "Kum", "Hyang", "Un", "Ryong", "Rim", "Hak", "Chang",
    "Guk", "Su", "Man", "Mun", "Sok", "Kyong", "Hyon", "Yon", "Jin", "Ho",
    "Sang", "Tae", "Dok", "Bok", "Pil", "Chung", "Ung", "Ki", "Won", "Hwa",
    "Son", "Hye", "Ryon", "Chon", "Sin", "Mi", "Yu", "Pyong", "Sol", "Gyong",
};
static const char *const ko_second[] = {
    "su", "il", "hui", "nam", "chol", "ho", "sik", "min", "ok", "hwa",
    "sun", "ryong", "song", "gil", "hyok", "jin", "man", "bok", "gyong", "mi",
    "yong", "hyang", "ae", "ran", "u", "chun", "gun", "bom", "sol", "dok",
    "hyon", "ung", "nyo", "rim", "ju", "gum", "rae", "bin", "hun", "yon",
    "ryon", "sim", "gyu", "chan", "pil", "dong", "sok", "a", "hak", "myong",
};

/* Mongolian name elements (compounds) and whole single names. */
static const char *const mn_elem[] = {
    "bat", "erdene", "gerel", "altan", "bold", "tumur", "oyun", "saikhan", "naran", "sar",
    "tsetseg", "jargal", "amar", "gan", "baatar", "munkh", "dorj", "sukh", "od", "enkh",
    "tuya", "chimeg", "ulzii", "nyam", "tsog", "bayar", "delger", "erdem", "khuyag", "zaya",
    "otgon", "suren", "davaa", "purev", "ochir", "jav", "mandakh", "byamba", "lkham", "dash",
    "nergui", "ganzorig", "zorig", "khulan", "solongo", "nomin", "undral", "urtnasan", "boldbaatar", "anar",
};
static const char *const mn_single[] = {
    "Gerelee", "Yumjir", "Bolormaa", "Tsetsegmaa", "Oyunaa", "Narantuya", "Altantsetseg",
    "Enkhjin", "Saruul", "Temuulen", "Anujin", "Khongor", "Tuvshin", "Nomin", "Ariunaa",
    "Battulga", "Ganbold", "Sukhee", "Dulmaa", "Tserendorj",
};

static const char *const en_given[] = {
    "Alice", "Anna", "Ben", "Carol", "Daniel", "Eva", "Frank", "Grace", "Henry", "Iris",
    "Jack", "Julia", "Kate", "Leo", "Lucy", "Mark", "Mary", "Nina", "Oliver", "Paul",
    "Rose", "Sam", "Sarah", "Tom", "Vera", "Will", "Amy", "Chris", "Emma", "Jane",
    "Joe", "Laura", "Mike", "Nora", "Peter", "Ruth", "Simon", "Tess", "Adam", "Helen",
};
static const char *const en_family[] = {
    "Adams", "Baker", "Brooks", "Carter", "Clark", "Cole", "Davis", "Ellis", "Evans", "Fisher",
    "Ford", "Grant", "Gray", "Hall", "Hayes", "Hill", "Hughes", "Hunt", "James", "Kelly",
    "Lane", "Lewis", "Marsh", "Mason", "Miller", "Moore", "Morgan", "Nash", "Owen", "Parker",
    "Reed", "Rose", "Shaw", "Stone", "Turner", "Walsh", "Ward", "West", "White", "Young",
};

static const char *const ru_given[] = {
    "Алексей", "Андрей", "Борис", "Виктор", "Дмитрий", "Евгений", "Игорь", "Иван", "Кирилл", "Максим",
    "Николай", "Олег", "Павел", "Сергей", "Юрий", "Анна", "Вера", "Галина", "Дарья", "Елена",
    "Ирина", "Мария", "Наталья", "Ольга", "Светлана", "Татьяна", "Юлия", "Людмила", "Нина", "Полина",
};
static const char *const ru_family[] = {
    "Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов", "Новиков", "Морозов",
    "Волков", "Зайцев", "Павлов", "Семёнов", "Голубев", "Виноградов", "Богданов", "Воробьёв", "Фёдоров", "Михайлов",
    "Беляев", "Тарасов", "Белов", "Комаров", "Орлов", "Киселёв", "Макаров", "Андреев", "Ковалёв", "Ильин",
};

static const char *const zh_family[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
    "郭", "何", "高", "林", "罗",
};
static const char *const zh_given[] = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明",
    "超", "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "萍", "红", "娥", "玲", "斌", "宇",
    "浩", "凯", "鹏", "亮", "建", "文", "辉", "力", "宁", "晨",
};

static const char *pick(const char *const *list, size_t n)
{
    return list[randombytes_uniform((uint32_t)n)];
}

static int fmt(char *out, size_t outlen, struct err *e, const char *a, const char *sep,
               const char *b)
{
    int w = snprintf(out, outlen, "%s%s%s", a, sep, b);

    if (w < 0 || (size_t)w >= outlen)
        return err_set(e, EXIT_INPUT, "pseudonym buffer too small (%zu bytes)", outlen);
    return 0;
}

static int mn_name(char *out, size_t outlen, struct err *e)
{
    const char *a = pick(mn_elem, N(mn_elem)), *b = pick(mn_elem, N(mn_elem));
    uint32_t shape = randombytes_uniform(4);

    while (b == a)
        b = pick(mn_elem, N(mn_elem));
    if (shape == 0)
        return fmt(out, outlen, e, pick(mn_single, N(mn_single)), "", "");
    if (fmt(out, outlen, e, a, shape == 1 ? "-" : "", b) != 0)
        return -1;
    out[0] = (char)(out[0] - 'a' + 'A');
    return 0;
}

static int ko_name(char *out, size_t outlen, struct err *e)
{
    const char *a = pick(ko_first, N(ko_first)), *b = pick(ko_second, N(ko_second));

    /* "Su-su" or "Il-il" would look made up. */
    while (strlen(a) == strlen(b) && strncmp(a + 1, b + 1, strlen(b) - 1) == 0)
        b = pick(ko_second, N(ko_second));
    return fmt(out, outlen, e, a, "-", b);
}

int pseudonym_generate(char *out, size_t outlen, const char *locale, struct err *e)
{
    if (locale == NULL || outlen == 0)
        return err_set(e, EXIT_INPUT, "no locale given for the pseudonym");
    if (strcmp(locale, "ko") == 0)
        return ko_name(out, outlen, e);
    if (strcmp(locale, "mn") == 0)
        return mn_name(out, outlen, e);
    if (strcmp(locale, "en") == 0)
        return fmt(out, outlen, e, pick(en_given, N(en_given)), " ", pick(en_family, N(en_family)));
    if (strcmp(locale, "ru") == 0)
        return fmt(out, outlen, e, pick(ru_given, N(ru_given)), " ", pick(ru_family, N(ru_family)));
    if (strcmp(locale, "zh") == 0) {
        char given[16];
        if (fmt(given, sizeof given, e, pick(zh_given, N(zh_given)), "",
                randombytes_uniform(2) ? pick(zh_given, N(zh_given)) : "") != 0)
            return -1;
        return fmt(out, outlen, e, pick(zh_family, N(zh_family)), "", given);
    }
    return err_set(e, EXIT_INPUT, "unknown locale '%s'; use ko, mn, en, ru or zh", locale);
}

size_t pseudonym_count(const char *locale)
{
    if (strcmp(locale, "ko") == 0)
        return N(ko_first) * N(ko_second);
    if (strcmp(locale, "mn") == 0)
        return 2 * N(mn_elem) * (N(mn_elem) - 1) + N(mn_single);
    if (strcmp(locale, "en") == 0)
        return N(en_given) * N(en_family);
    if (strcmp(locale, "ru") == 0)
        return N(ru_given) * N(ru_family);
    if (strcmp(locale, "zh") == 0)
        return N(zh_family) * (N(zh_given) + N(zh_given) * N(zh_given));
    return 0;
}

/* 1 if the two NUL-separated syllable lists share an entry. */
static int share_list(const char *a, size_t na, const char *b, size_t nb)
{
    const char *p, *q;
    size_t i, j;

    for (i = 0, p = a; i < na; i++, p += strlen(p) + 1)
        for (j = 0, q = b; j < nb; j++, q += strlen(q) + 1)
            if (strcmp(p, q) == 0)
                return 1;
    return 0;
}

/* 1 if a part (3+ bytes, split at separators) of the norm text a occurs
 * inside key b. */
static int part_in(const char *a, const char *b)
{
    char part[128];
    size_t i = 0, n;

    while (a[i] != '\0') {
        n = strcspn(a + i, " -'");
        if (n >= 3 && n < sizeof part) {
            memcpy(part, a + i, n);
            part[n] = '\0';
            if (strstr(b, part) != NULL)
                return 1;
        }
        i += n + (a[i + n] != '\0');
    }
    return 0;
}

static int share_parts(const char *pnorm, const char *pkey, const char *name)
{
    struct variant_list vl;
    char *nnorm;
    size_t i, len;
    struct err e;
    int found = 0;

    if (variants_of(&vl, name, strlen(name), &e) != 0)
        return -1;
    for (i = 0; i < vl.n && !found; i++)
        found = part_in(pnorm, vl.v[i].key);
    variant_list_free(&vl);
    if (found || normalise_norm(&nnorm, &len, name, strlen(name), &e) != 0)
        return found ? 1 : -1;
    found = part_in(nnorm, pkey);
    secmem_free(nnorm);
    return found;
}

int pseudonym_shares_syllable(const char *pseudonym, const char *name)
{
    char sa[512], sb[512], *pn = NULL, *pk = NULL, *nk = NULL;
    size_t la, lb, na, nb;
    struct err e;
    int rc = -1;

    if (normalise_norm(&pn, &la, pseudonym, strlen(pseudonym), &e) != 0 ||
        normalise_key(&pk, &la, pseudonym, strlen(pseudonym), &e) != 0 ||
        normalise_key(&nk, &lb, name, strlen(name), &e) != 0)
        goto out;
    na = variants_hangul_syllables(sa, sizeof sa, pk, la);
    nb = variants_hangul_syllables(sb, sizeof sb, nk, lb);
    if (na > 0 && nb > 0 && share_list(sa, na, sb, nb))
        rc = 1;
    else
        rc = share_parts(pn, pk, name);
out:
    sodium_memzero(sb, sizeof sb);
    secmem_free(pn), secmem_free(pk), secmem_free(nk);
    return rc;
}

/* What a pseudonym's key leaves out: white space and every hyphen or dash
 * (and the soft hyphen, which is invisible). */
static int ignored_in_key(utf8proc_int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);

    /* and the default ignorable marks a field takes where they shape a
     * letter (ZWNJ in نیک‌نام, ZWJ between emoji, a variation selector:
     * util/text.h, text_hidden_at): نیکنام is the same pseudonym
     * (report-adv36b W-5, W-6) */
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_PD || cp == 0x00AD ||
           cp == 0x2212 || (cp >= 0x09 && cp <= 0x0D) || utf8proc_get_property(cp)->ignorable;
}

/* p with every Greek or Cyrillic letter that looks like a Latin one
 * written as that Latin letter (confusable_in: "Ζeta" with a Greek
 * capital Zeta is "Zeta", report-adv33 P-7), when p holds a Latin letter
 * of its own; else p as it is.  A new string (malloc) the caller frees,
 * or NULL when p is no valid UTF-8 or memory runs out. */
static char *latin_lookalikes(const char *p)
{
    size_t len = strlen(p), o = 0;
    utf8proc_ssize_t at, k;
    utf8proc_int32_t cp;
    int latin = 0, lat;
    char *out;

    for (at = 0; (size_t)at < len; at += k) {
        if ((k = utf8proc_iterate((const utf8proc_uint8_t *)p + at, (utf8proc_ssize_t)(len - (size_t)at), &cp)) <= 0)
            return NULL;
        latin |= confusable_script(cp) == CONF_LATIN;
    }
    if ((out = malloc(len + 1)) == NULL)
        return NULL;
    for (at = 0; (size_t)at < len; at += k) {
        k = utf8proc_iterate((const utf8proc_uint8_t *)p + at, (utf8proc_ssize_t)(len - (size_t)at), &cp);
        lat = latin && confusable_script(cp) != CONF_LATIN ? confusable_in(cp, CONF_LATIN) : 0;
        if (lat > 0 && lat < 0x80) {
            out[o++] = (char)lat;   /* a Latin letter is one byte, never more than cp's */
        } else {
            memcpy(out + o, p + at, (size_t)k);
            o += (size_t)k;
        }
    }
    out[o] = '\0';
    return out;
}

int pseudonym_key(char *out, size_t outlen, const char *p)
{
    utf8proc_uint8_t *folded = NULL;
    char *plain = latin_lookalikes(p);
    utf8proc_ssize_t n = plain == NULL ? -1 :
        utf8proc_map((const utf8proc_uint8_t *)plain, 0, &folded,
                     UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                     UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
    size_t o = 0;
    int rc = n < 0 ? -1 : 0;

    free(plain);

    for (utf8proc_ssize_t at = 0; rc == 0 && at < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate(folded + at, n - at, &cp);
        if (len <= 0 || (!ignored_in_key(cp) && o + (size_t)len >= outlen))
            rc = -1;
        else if (!ignored_in_key(cp)) {
            memcpy(out + o, folded + at, (size_t)len);
            o += (size_t)len;
        }
        at += len > 0 ? len : 1;
    }
    free(folded);
    if (rc != 0 || outlen == 0)
        return -1;
    out[o] = '\0';
    return 0;
}
