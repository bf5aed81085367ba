/* An IPv4 address written with commas for its dots (report-adv27a G-17:
 * "192,168,0,1"): four parts 0-255, no spaces, no leading zeros, after an
 * IP label ("IP 10,0,0,7", "IP address:", "IP-адрес", "IP 주소", "айпи",
 * "router", "gateway", "server"), or after a verb of reaching a machine
 * ("connect to", "ping", "ssh into", "подключись к").  A list of numbers or an amount with
 * thousands separators has that shape too ("1,2,3,4", "1,234,567,890"),
 * and test_leaks_detect keeps "192,168,10,45 apples" unlabelled as
 * ordinary, so no shape is taken alone.  The labels: hand-written, want a
 * native reviewer. */
#include "privacy/detect_int.h"

#include <string.h>

/* Labels alone: "IP 10,0,0,7", "router 192,168,0,1". */
static const struct det_word ip_direct[] = {
    DW("ip", FIT_WORD), DW("ipv4", FIT_WORD), DW("router", FIT_WORD), DW("gateway", FIT_WORD),
    DW("server", FIT_WORD), DW("host", FIT_WORD), DW("роутер", FIT_PREFIX),
    DW("сервер", FIT_PREFIX), DW("айпи", FIT_PREFIX),
};

/* Words for "address" after one of those: "IP address", "IP-адрес", "IP 주소". */
static const struct det_word ip_address[] = {
    DW("addr", FIT_WORD), DW("address", FIT_WORD), DW("адрес", FIT_PREFIX),
    DW("\xec\xa3\xbc\xec\x86\x8c", FIT_PREFIX),                  /* 주소 */
};

/* Verbs of reaching a machine, before a preposition or the address
 * ("Connect to 192,168,0,1", "ping 10,0,0,7", "ssh into", "подключись
 * к", report-adv27a G-17); hand-written. */
static const struct det_word ip_verbs[] = {
    DW("connect", FIT_PREFIX), DW("ping", FIT_PREFIX), DW("ssh", FIT_WORD), DW("telnet", FIT_WORD),
    DW("login", FIT_WORD), DW("log", FIT_WORD), DW("proxy", FIT_WORD), DW("vpn", FIT_WORD),
    DW("dns", FIT_WORD), DW("wifi", FIT_WORD), DW("subnet", FIT_WORD), DW("netmask", FIT_WORD),
    DW("\xd0\xbf\xd0\xbe\xd0\xb4\xd0\xba\xd0\xbb\xd1\x8e\xd1\x87", FIT_PREFIX), /* подключ(ись, иться) */
    DW("\xd0\xbf\xd1\x96\xd0\xb4\xd0\xba\xd0\xbb\xd1\x8e\xd1\x87", FIT_PREFIX), /* підключ(ись) */
    DW("\xd0\xbf\xd0\xb8\xd0\xbd\xd0\xb3", FIT_PREFIX),                         /* пинг(ани) */
    DW("\xec\xa0\x91\xec\x86\x8d", FIT_PREFIX),                                     /* 접속 */
};

/* Prepositions between a verb and the address. */
static const struct det_word ip_preps[] = {
    DW("to", FIT_WORD), DW("into", FIT_WORD), DW("in", FIT_WORD), DW("at", FIT_WORD),
    DW("via", FIT_WORD), DW("on", FIT_WORD), DW("from", FIT_WORD),
    DW("\xd0\xba", FIT_WORD), DW("\xd0\xbd\xd0\xb0", FIT_WORD), DW("\xd0\xb4\xd0\xbe", FIT_WORD), /* к на до */
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* 1 if a verb of ip_verbs ends at end, maybe through one preposition. */
static int ip_verb_before(const char *s, size_t end)
{
    size_t a, we = det_word_ending(s, end, " :", &a);

    if (we != 0 && det_in_list(ip_preps, N(ip_preps), s + a, we - a))
        we = det_word_ending(s, a, " ", &a);
    if (we == 0)
        return 0;
    for (size_t k = 0; k < N(ip_verbs); k++)
        if (det_word_at(s, we, a, ip_verbs[k].w, ip_verbs[k].fit))
            return 1;
    return 0;
}

/* 1 if an IP label ends before at (through one word for address). */
static int ip_label_before(const char *s, size_t at)
{
    size_t end = at, a, we;

    for (int k = 0; k < 2 && (we = det_word_ending(s, end, " :=-#", &a)) != 0; k++) {
        if (det_in_list(ip_direct, N(ip_direct), s + a, we - a))
            return 1;
        if (k > 0 || !det_in_list(ip_address, N(ip_address), s + a, we - a))
            return 0;
        end = a;
    }
    return 0;
}

/* 1 if a part of the address in s[at..end) starts with a 0 and has more
 * digits ("01,02,03,04" is a list or a code, no address). */
static int leading_zero(const char *s, size_t at, size_t end)
{
    for (size_t i = at; i + 1 < end; i++)
        if (s[i] == '0' && det_digit(s[i + 1]) && (i == at || !det_digit(s[i - 1])))
            return 1;
    return 0;
}

size_t detect_scan_ip_comma(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    size_t end;

    (void)start, (void)kind;
    if (!det_digit(s[at]) || det_letter_before(s, at))
        return 0;
    /* The shape is detect_net.c's (detect_ip_written: one separator used
     * thrice, spaced or not; report-adv28c J-11 "server 10 , 0 , 0 , 5");
     * here it must hold a comma or a spaced dot: "1 2 3 4" or a number
     * alone is no address even after "server". */
    if ((end = detect_ip_written(s, len, at)) == 0 || leading_zero(s, at, end) ||
        (memchr(s + at, ',', end - at) == NULL && memchr(s + at, '.', end - at) == NULL))
        return 0;
    /* Not followed by a decimal part. */
    if (end + 1 < len && s[end] == '.' && det_digit(s[end + 1]))
        return 0;
    return ip_label_before(s, at) || ip_verb_before(s, at) ? end : 0;
}
