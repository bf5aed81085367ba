/* Crypto wallet addresses (report-adv17a D-48): a wallet's whole payment
 * history is public on its chain, so its address names the person who
 * receives the money as surely as a bank account does; kind account
 * ([ACCOUNT-n]).  The shapes:
 *   - Bitcoin SegWit (BIP 173 bech32, BIP 350 bech32m): "bc1" and 11 to
 *     87 characters of the bech32 alphabet, whose checksum is verified
 *     (the BIP 173 polymod: constant 1 for witness version 0, 0x2bc830a3
 *     after); bech32 is written in one case, so the norm view (lower case)
 *     keeps it;
 *   - Bitcoin legacy P2PKH / P2SH (Bitcoin wiki "Technical background of
 *     version 1 Bitcoin addresses"): '1' or '3' and 25 to 34 Base58
 *     characters; TRON (the "TRC20" of USDT; TRON developer docs,
 *     "Account": Base58Check of 0x41 and 20 bytes): 'T' and 33 Base58
 *     characters.  Base58Check's checksum needs the letters' case, which
 *     the norm view has folded, so the shape is checked instead: no '0'
 *     (outside Base58), at least BASE58_DIGITS digits and BASE58_LETTERS
 *     letters (a random address of 34 characters holds about 5 digits and
 *     28 letters; a word or a number does not pass);
 *   - Ethereum and every EVM chain (the "ERC20" of USDT; Ethereum yellow
 *     paper, an address is 20 bytes): "0x" and 40 hexadecimal digits.
 * Each is one detection over the whole address, ending the word.
 * Offsets are bytes of the norm view (detect_int.h: lower case). */
#include "privacy/detect.h"
#include "privacy/detect_int.h"

#define BASE58_DIGITS 2
#define BASE58_LETTERS 10
#define BECH32_MIN 14           /* "bc1" + data + 6 checksum characters */
#define BECH32_MAX 90

static const char bech32_chars[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

/* The BIP 173 checksum over the human-readable part "bc" and the data
 * values v[0..n) (5 bits each, checksum included): 1 if it holds as
 * bech32 (witness version 0) or bech32m (versions 1-16). */
static int bech32_ok(const unsigned char *v, size_t n)
{
    static const unsigned long gen[5] = { 0x3b6a57b2UL, 0x26508e6dUL, 0x1ea119faUL, 0x3d4233ddUL, 0x2a1462b3UL };
    static const unsigned char hrp[] = { 3, 3, 0, 2, 3 };       /* "bc" expanded: b>>5, c>>5, 0, b&31, c&31 */
    unsigned long chk = 1, top;
    size_t k, i;

    for (k = 0; k < sizeof hrp + n; k++) {
        top = chk >> 25;
        chk = ((chk & 0x1ffffffUL) << 5) ^ (k < sizeof hrp ? hrp[k] : v[k - sizeof hrp]);
        for (i = 0; i < 5; i++)
            if ((top >> i) & 1)
                chk ^= gen[i];
    }
    return n > 0 && (v[0] == 0 ? chk == 1 : chk == 0x2bc830a3UL);
}

static size_t bech32(const char *s, size_t len, size_t at)
{
    unsigned char v[BECH32_MAX];
    const char *p;
    size_t i = at + 3, n = 0;

    if (!det_starts(s, len, at, "bc1"))
        return 0;
    while (i < len && s[i] != '\0' && n < BECH32_MAX && (p = strchr(bech32_chars, s[i])) != NULL)
        v[n++] = (unsigned char)(p - bech32_chars), i++;
    if (n + 3 < BECH32_MIN || n >= BECH32_MAX || !det_ends_word(s, len, i) || !bech32_ok(v, n))
        return 0;
    return i;
}

/* A Base58 address of n characters in all (from first..last) at at whose
 * first character is one of lead: its end, or 0. */
static size_t base58(const char *s, size_t len, size_t at, const char *lead, size_t min, size_t max)
{
    size_t i = at + 1, digits = 0, letters = 0;

    if (strchr(lead, s[at]) == NULL || s[at] == '\0')
        return 0;
    while (i < len && det_alnum(s[i]) && s[i] != '0' && i - at <= max) {
        digits += det_digit(s[i]) != 0, letters += det_alpha(s[i]) != 0;
        i++;
    }
    if (i - at < min || i - at > max || (i < len && s[i] == '0') || !det_ends_word(s, len, i) ||
        det_letter_at(s, len, i) || digits < BASE58_DIGITS || letters < BASE58_LETTERS)
        return 0;
    return i;
}

static size_t ethereum(const char *s, size_t len, size_t at)
{
    size_t i = at + 2;

    if (!det_starts(s, len, at, "0x"))
        return 0;
    while (i < len && (det_digit(s[i]) || (s[i] >= 'a' && s[i] <= 'f')))
        i++;
    return i - at == 42 && det_ends_word(s, len, i) && !det_letter_at(s, len, i) ? i : 0;
}

size_t detect_scan_wallet(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    size_t end;

    (void)start;
    if (at > 0 && (det_alnum(s[at - 1]) || det_letter_before(s, at)))
        return 0;
    if ((end = ethereum(s, len, at)) != 0 || (end = bech32(s, len, at)) != 0 ||
        (end = base58(s, len, at, "13", 26, 35)) != 0 || (end = base58(s, len, at, "t", 34, 34)) != 0)
        return *kind = DETECT_ACCOUNT, end;
    return 0;
}
