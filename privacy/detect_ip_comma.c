/* An IPv4 address written with commas for its dots (report-adv27a G-17:
 * "192,168,0,1"): four parts 0-255, no spaces, no leading zeros.  A list
 * of numbers or an amount with thousands separators has that shape too
 * ("1,2,3,4", "1,234,567,890"), so it is taken alone only with a prefix
 * of the private and link-local ranges people type (RFC 1918 192.168/16
 * and 172.16/12, RFC 3927 169.254/16, the loopback 127/8), and any four
 * parts after an IP label ("IP 10,0,0,7", "IP-адрес", "IP 주소", "айпи").
 * The labels: hand-written, want a native reviewer. */
#include "privacy/detect_int.h"

static const struct det_word ip_labels[] = {
    DW("ip", FIT_WORD), DW("ipv4", FIT_WORD), DW("addr", FIT_WORD), DW("address", FIT_WORD),
    DW("адрес", FIT_PREFIX), DW("адреса", FIT_PREFIX), DW("айпи", FIT_PREFIX),
    DW("\xec\xa3\xbc\xec\x86\x8c", FIT_PREFIX),                  /* 주소 */
};

/* 1 if an IP label ends before at (through one more label word:
 * "IP address", "IP-адрес"). */
static int ip_label_before(const char *s, size_t at)
{
    size_t end = at, a, we;

    for (int k = 0; k < 2 && (we = det_word_ending(s, end, " :=-#", &a)) != 0; k++) {
        if (we - a == 2 && memcmp(s + a, "ip", 2) == 0)
            return 1;
        if (we - a == 4 && memcmp(s + a, "ipv4", 4) == 0)
            return 1;
        if (k == 0 && det_in_list(ip_labels, sizeof ip_labels / sizeof ip_labels[0], s + a, we - a)) {
            end = a;
            continue;
        }
        return 0;
    }
    return 0;
}

size_t detect_scan_ip_comma(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    unsigned v[4];
    size_t i = at, n;

    (void)start, (void)kind;
    if (!det_digit(s[at]) || det_letter_before(s, at))
        return 0;
    for (int k = 0; k < 4; k++) {
        n = det_digits(s, len, i);
        if (n == 0 || n > 3 || (n > 1 && s[i] == '0') || (v[k] = det_value(s + i, n)) > 255)
            return 0;
        i += n;
        if (k < 3 && (i + 1 >= len || s[i] != ',' || !det_digit(s[i + 1])))
            return 0;
        if (k < 3)
            i++;
    }
    /* Not followed by more of a list or a decimal part. */
    if (!det_ends_word(s, len, i) || (i + 1 < len && (s[i] == ',' || s[i] == '.') && det_digit(s[i + 1])))
        return 0;
    if ((v[0] == 192 && v[1] == 168) || (v[0] == 172 && v[1] >= 16 && v[1] <= 31) ||
        (v[0] == 169 && v[1] == 254) || (v[0] == 127 && v[1] == 0))
        return i;
    return ip_label_before(s, at) ? i : 0;
}
