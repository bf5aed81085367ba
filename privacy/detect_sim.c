/* SIM and device identities besides IMEI and separated MACs
 * (detect_device.c), report-adv17a D-47; each names the subscriber or
 * the handset to whoever asks the operator or the vendor, kind id:
 *   - IMSI (ITU-T E.212): 15 digits, the mobile country code (MCC), the
 *     network code (MNC) and the subscriber's number; without a label
 *     only after an MCC+MNC of the networks our users' phones are on
 *     (imsi_networks: ITU-T E.212 list of MCCs and MNCs, Korea 450,
 *     Mongolia 428, Russia 250, China 460, Kazakhstan 401), after "IMSI"
 *     any 14-15 digits;
 *   - ICCID (ITU-T E.118), the SIM card's number: "89", the country's
 *     calling code, the issuer, the card's number and a Luhn check digit,
 *     19-20 digits in all; with its check digit anywhere, after "ICCID"
 *     or "SIM" any 18-22 digits (a miscopied number is still the card);
 *   - a MAC address (IEEE 802) written without separators: 12
 *     hexadecimal digits holding a digit and a letter ("001a2b3c4d5e");
 *   - an advertising ID (Apple IDFA, Google GAID) or any UUID (RFC 4122:
 *     8-4-4-4-12 hexadecimal digits);
 *   - a device's serial number after its label (serial, S/N, SN,
 *     серийный, 시리얼, 일련번호, 序列号; a qualifier "no.", "number",
 *     "номер", "번호" may stand between): 6-24 letters and digits holding
 *     two digits or more.
 * Offsets are bytes of the norm view (detect_int.h: lower case). */
#include "privacy/detect.h"
#include "privacy/detect_int.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* MCC+MNC of networks in Korea, Mongolia, Russia, China, Kazakhstan (ITU-T
 * E.212 and its national assignments). */
static const char *const imsi_networks[] = {
    "45002", "45003", "45004", "45005", "45006", "45008", "45011",       /* Korea: KT, SKT, LG U+ */
    "42888", "42891", "42898", "42899",                                  /* Mongolia: Unitel, Skytel, G-Mobile, Mobicom */
    "25001", "25002", "25011", "25020", "25099",                         /* Russia: MTS, MegaFon, Yota, Tele2, Beeline */
    "46000", "46001", "46002", "46003", "46007", "46011",                /* China Mobile, Unicom, Telecom */
    "40101", "40102", "40177",                                           /* Kazakhstan */
};

static const struct det_word sim_labels[] = {
    DW("imsi", FIT_WORD), DW("iccid", FIT_WORD), DW("sim", FIT_WORD), DW("usim", FIT_WORD),
    DW("\xec\x9c\xa0\xec\x8b\xac", FIT_PREFIX),                                  /* 유심 */
    DW("\xd1\x81\xd0\xb8\xd0\xbc", FIT_PREFIX),                                  /* сим(-карта, карт) */
};

static const struct det_word serial_labels[] = {
    DW("serial", FIT_WORD), DW("sn", FIT_WORD), DW("s/n", FIT_WORD), DW("seriennummer", FIT_WORD),
    DW("\xd1\x81\xd0\xb5\xd1\x80\xd0\xb8\xd0\xb9\xd0\xbd", FIT_PREFIX),          /* серийн(ый, дугаар) */
    DW("\xec\x8b\x9c\xeb\xa6\xac\xec\x96\xbc", FIT_PREFIX),                      /* 시리얼 */
    DW("\xec\x9d\xbc\xeb\xa0\xa8\xeb\xb2\x88\xed\x98\xb8", FIT_PREFIX),          /* 일련번호 */
    DW("\xe5\xba\x8f\xe5\x88\x97\xe5\x8f\xb7", FIT_ANY),                         /* 序列号 */
    DW("\xe8\xa3\xbd\xe9\x80\xa0\xe7\x95\xaa\xe5\x8f\xb7", FIT_ANY),             /* 製造番号 */
};

static const struct det_word number_words[] = {
    DW("no", FIT_WORD), DW("nr", FIT_WORD), DW("number", FIT_WORD), DW("card", FIT_WORD),
    DW("\xeb\xb2\x88\xed\x98\xb8", FIT_PREFIX),                                  /* 번호 */
    DW("\xd0\xbd\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x80", FIT_PREFIX),                  /* номер */
    DW("\xd0\xb4\xd1\x83\xd0\xb3\xd0\xb0\xd0\xb0\xd1\x80", FIT_PREFIX),          /* дугаар */
    DW("\xd0\xba\xd0\xb0\xd1\x80\xd1\x82", FIT_PREFIX),                          /* карт(а) */
};

#define SEPS " :#.=-\"'"

/* 1 if a word of list ends before at, maybe through one qualifier. */
static int labelled(const char *s, size_t at, const struct det_word *list, size_t n)
{
    size_t a, we = det_word_ending(s, at, SEPS, &a), k;

    for (k = 0; k < 2 && we != 0; k++) {
        if (det_in_list(list, n, s + a, we - a))
            return 1;
        /* "s/n": the word "n" after "s/". */
        if (we - a == 1 && s[a] == 'n' && a >= 2 && s[a - 1] == '/' && s[a - 2] == 's' &&
            det_in_list(list, n, "s/n", 3))
            return 1;
        if (!det_in_list(number_words, N(number_words), s + a, we - a))
            return 0;
        we = det_word_ending(s, a, SEPS, &a);
    }
    return 0;
}

/* An IMSI or an ICCID of n digits at at (end: at + n). */
static int sim_number(const char *s, size_t at, size_t n, int label)
{
    size_t k;

    if (label)
        return (n >= 14 && n <= 15) || (n >= 18 && n <= 22 && det_starts(s, at + n, at, "89"));
    if (n == 15)
        for (k = 0; k < N(imsi_networks); k++)
            if (memcmp(s + at, imsi_networks[k], 5) == 0)
                return 1;
    return (n == 19 || n == 20) && det_starts(s, at + n, at, "89") && det_luhn(s + at, n);
}

static int hex(char c) { return det_digit(c) || (c >= 'a' && c <= 'f'); }

/* n hex digits at at, counting digits and letters. */
static int hex_run(const char *s, size_t len, size_t at, size_t n, size_t *digits, size_t *letters)
{
    size_t k;

    if (at + n > len)
        return 0;
    for (k = 0; k < n; k++) {
        if (!hex(s[at + k]))
            return 0;
        *digits += det_digit(s[at + k]) != 0, *letters += det_alpha(s[at + k]) != 0;
    }
    return 1;
}

static size_t uuid(const char *s, size_t len, size_t at)
{
    static const size_t groups[5] = { 8, 4, 4, 4, 12 };
    size_t i = at, k, d = 0, l = 0;

    for (k = 0; k < 5; k++) {
        if (!hex_run(s, len, i, groups[k], &d, &l))
            return 0;
        i += groups[k];
        if (k < 4 && (i >= len || s[i] != '-'))
            return 0;
        i += k < 4;
    }
    return det_ends_word(s, len, i) && !det_letter_at(s, len, i) ? i : 0;
}

static size_t bare_mac(const char *s, size_t len, size_t at)
{
    size_t d = 0, l = 0;

    return hex_run(s, len, at, 12, &d, &l) && d > 0 && l > 0 && det_ends_word(s, len, at + 12) &&
                   !det_letter_at(s, len, at + 12) ? at + 12 : 0;
}

static size_t serial(const char *s, size_t len, size_t at)
{
    size_t i = at, d = 0;

    while (i < len && det_alnum(s[i]) && i - at <= 24)
        d += det_digit(s[i]) != 0, i++;
    if (i - at < 6 || i - at > 24 || d < 2 || det_letter_at(s, len, i) || !labelled(s, at, serial_labels, N(serial_labels)))
        return 0;
    return i;
}

size_t detect_scan_sim(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    size_t n, end;

    (void)start;
    if (at > 0 && (det_alnum(s[at - 1]) || det_letter_before(s, at)))
        return 0;
    *kind = DETECT_ID;
    if ((end = uuid(s, len, at)) != 0 || (end = bare_mac(s, len, at)) != 0)
        return end;
    n = det_digits(s, len, at);
    if (n >= 14 && det_ends_word(s, len, at + n) && !det_letter_at(s, len, at + n) &&
        sim_number(s, at, n, labelled(s, at, sim_labels, N(sim_labels))))
        return at + n;
    return det_alnum(s[at]) ? serial(s, len, at) : 0;
}
