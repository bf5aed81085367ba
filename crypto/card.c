/* Contact cards: see card.h and docs/FORMAT.md. */
#include "crypto/card.h"

#include <string.h>

#include "util/text.h"

/* The Bech32 alphabet (BIP 173), upper-case: no 1, B, I, O. */
static const char alphabet[] = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";
static const char hrp[] = "intake";       /* CARD_PREFIX minus the '1' */

#define BECH32M_CONST 0x2bc830a3u
#define CHECK_CHARS 6
#define KEYS_LEN (crypto_sign_PUBLICKEYBYTES + crypto_box_PUBLICKEYBYTES)
#define HEAD_LEN (1 + KEYS_LEN + 1)             /* version, keys, label length */
#define PAYLOAD_MAX (HEAD_LEN + 255)
#define DATA_MAX ((PAYLOAD_MAX * 8 + 4) / 5)    /* 5-bit groups */
#define TEXT_MAX ((sizeof CARD_PREFIX - 1) + \
                  ((HEAD_LEN + CARD_LABEL_MAX) * 8 + 4) / 5 + CHECK_CHARS)

static uint32_t polymod_step(uint32_t chk, unsigned v)
{
    static const uint32_t gen[5] = { 0x3b6a57b2u, 0x26508e6du, 0x1ea119fau,
                                     0x3d4233ddu, 0x2a1462b3u };
    uint32_t top = chk >> 25;
    int i;

    chk = ((chk & 0x1ffffffu) << 5) ^ v;
    for (i = 0; i < 5; i++)
        if ((top >> i) & 1u)
            chk ^= gen[i];
    return chk;
}

/* The Bech32 checksum state after the expanded human-readable part. */
static uint32_t polymod_hrp(void)
{
    uint32_t chk = 1;
    size_t i;

    for (i = 0; i < sizeof hrp - 1; i++)
        chk = polymod_step(chk, (unsigned)hrp[i] >> 5);
    chk = polymod_step(chk, 0);
    for (i = 0; i < sizeof hrp - 1; i++)
        chk = polymod_step(chk, (unsigned)hrp[i] & 31u);
    return chk;
}

static uint32_t polymod_data(const uint8_t *d, size_t n)
{
    uint32_t chk = polymod_hrp();
    size_t i;

    for (i = 0; i < n; i++)
        chk = polymod_step(chk, d[i]);
    return chk;
}

/* 8-bit bytes to 5-bit groups, the last one padded with zero bits. */
static size_t to_5bit(uint8_t *out, const unsigned char *in, size_t inlen)
{
    uint32_t acc = 0;
    unsigned bits = 0;
    size_t n = 0, i;

    for (i = 0; i < inlen; i++) {
        acc = (acc << 8) | in[i];
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            out[n++] = (uint8_t)((acc >> bits) & 31u);
        }
    }
    if (bits > 0)
        out[n++] = (uint8_t)((acc << (5 - bits)) & 31u);
    return n;
}

/* 5-bit groups back to bytes; -1 if the padding is not fewer than five
 * zero bits, as to_5bit leaves it. */
static int from_5bit(unsigned char *out, size_t *outlen, const uint8_t *in,
                     size_t inlen)
{
    uint32_t acc = 0;
    unsigned bits = 0;
    size_t n = 0, i;

    for (i = 0; i < inlen; i++) {
        acc = ((acc << 5) | in[i]) & 0xfffu;
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            out[n++] = (unsigned char)((acc >> bits) & 0xffu);
        }
    }
    if (bits >= 5 || ((acc << (8 - bits)) & 0xffu) != 0)
        return -1;
    *outlen = n;
    return 0;
}

static int is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

static void trim(const char **text, size_t *len)
{
    while (*len > 0 && is_space((*text)[0])) {
        (*text)++;
        (*len)--;
    }
    while (*len > 0 && is_space((*text)[*len - 1]))
        (*len)--;
}

static int alphabet_value(char ch)
{
    const char *p;

    if (ch >= 'a' && ch <= 'z')
        ch = (char)(ch - 'a' + 'A');
    if (ch == '\0' || (p = strchr(alphabet, ch)) == NULL)
        return -1;
    return (int)(p - alphabet);
}

/* Refuses spaces inside, characters outside the format, and mixed case. */
static int check_chars(const char *t, size_t len, struct err *e)
{
    int upper = 0, lower = 0;
    size_t i;

    for (i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)t[i];
        if (is_space(t[i]))
            return err_set(e, EXIT_INPUT, "card contains a space or line "
                           "break at character %zu; paste it as one line", i + 1);
        if (ch >= 'A' && ch <= 'Z')
            upper = 1;
        else if (ch >= 'a' && ch <= 'z')
            lower = 1;
        else if (ch < '0' || ch > '9')
            return err_set(e, EXIT_INPUT, "card contains a character that "
                           "cannot be in a card (byte 0x%02x) at character %zu",
                           ch, i + 1);
    }
    if (upper && lower)
        return err_set(e, EXIT_INPUT, "card mixes upper- and lower-case "
                       "letters; a card is written all in upper case");
    return 0;
}

static int check_prefix(const char *t, size_t len, struct err *e)
{
    size_t plen = sizeof CARD_PREFIX - 1, i;

    for (i = 0; i < plen; i++) {
        char ch = i < len ? t[i] : '\0';
        if (ch >= 'a' && ch <= 'z')
            ch = (char)(ch - 'a' + 'A');
        if (ch != CARD_PREFIX[i])
            return err_set(e, EXIT_INPUT, "not an intake card: a card begins "
                           "with %s", CARD_PREFIX);
    }
    return 0;
}

/* Checks the characters after the prefix and their checksum; fills the
 * data part's 5-bit values (checksum removed). */
static int read_data(uint8_t *d, size_t *dlen, const char *t, size_t len,
                     struct err *e)
{
    size_t plen = sizeof CARD_PREFIX - 1, n = len - plen, i;
    size_t min = plen + (HEAD_LEN * 8 + 4) / 5 + CHECK_CHARS;

    if (len < min)
        return err_set(e, EXIT_INPUT, "card is too short: %zu characters, "
                       "a card has at least %zu", len, min);
    for (i = 0; i < n; i++) {
        int v = alphabet_value(t[plen + i]);
        if (v < 0)
            return err_set(e, EXIT_INPUT, "card contains '%c' at character "
                           "%zu, which is not in a card's alphabet (no 1, B, "
                           "I or O after the prefix)", t[plen + i], plen + i + 1);
        d[i] = (uint8_t)v;
    }
    if (polymod_data(d, n) != BECH32M_CONST)
        return err_set(e, EXIT_INPUT, "card checksum does not match: a "
                       "character was changed or mistyped");
    *dlen = n - CHECK_CHARS;
    return 0;
}

/* Decodes one UTF-8 sequence at s (n bytes left); returns its length and
 * the code point, or 0 if it is not valid UTF-8. */
static size_t utf8_next(uint32_t *cp, const unsigned char *s, size_t n)
{
    size_t len, i;
    uint32_t c, min;

    if (s[0] < 0x80) { *cp = s[0]; return 1; }
    if (s[0] >= 0xc2 && s[0] <= 0xdf) { len = 2; c = s[0] & 0x1fu; min = 0x80; }
    else if (s[0] >= 0xe0 && s[0] <= 0xef) { len = 3; c = s[0] & 0x0fu; min = 0x800; }
    else if (s[0] >= 0xf0 && s[0] <= 0xf4) { len = 4; c = s[0] & 0x07u; min = 0x10000; }
    else return 0;
    if (len > n)
        return 0;
    for (i = 1; i < len; i++) {
        if ((s[i] & 0xc0u) != 0x80u)
            return 0;
        c = (c << 6) | (s[i] & 0x3fu);
    }
    if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
        return 0;
    *cp = c;
    return len;
}

/* Control characters, and the invisible marks that reorder or hide text
 * between prev and next (a label must read the same to both people). */
static int label_bad_char(uint32_t prev, uint32_t c, uint32_t next)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || text_hidden_at(prev, c, next);
}

static int label_check_bytes(const unsigned char *s, size_t n, struct err *e)
{
    size_t i = 0, k;
    uint32_t c, prev = 0, next;

    if (n == 0)
        return err_set(e, EXIT_INPUT, "card label is empty");
    if (n > CARD_LABEL_MAX)
        return err_set(e, EXIT_INPUT, "card label is %zu bytes long; at most "
                       "%d are allowed", n, CARD_LABEL_MAX);
    while (i < n) {
        k = utf8_next(&c, s + i, n - i);
        if (k == 0)
            return err_set(e, EXIT_INPUT, "card label is not valid UTF-8");
        if (i + k >= n || utf8_next(&next, s + i + k, n - i - k) == 0)
            next = 0;
        if (label_bad_char(prev, c, next))
            return err_set(e, EXIT_INPUT, "card label contains a control or "
                           "invisible character (U+%04X)", (unsigned)c);
        prev = c;
        i += k;
    }
    return 0;
}

int card_label_check(const char *label, struct err *e)
{
    size_t n = strlen(label), i = 0;

    if (label_check_bytes((const unsigned char *)label, n, e) != 0)
        return -1;
    /* A label of spaces shows as no label (adv14 F11); a card made
     * elsewhere is still read as it is (card_decode). */
    while (i < n && (label[i] == ' ' || label[i] == '\t'))
        i++;
    if (i == n)
        return err_set(e, EXIT_INPUT, "card label is blank (only spaces)");
    if (text_shows_nothing(label, n))
        return err_set(e, EXIT_INPUT, "card label is blank (only spaces or blank characters)");
    return 0;
}

/* Low-order points multiply to zero, which crypto_scalarmult reports; a
 * key must also be canonical (below 2^255 - 19) so it has one spelling. */
static int box_pk_check(const unsigned char *pk, struct err *e)
{
    unsigned char s[crypto_scalarmult_SCALARBYTES] = { 9 };
    unsigned char q[crypto_scalarmult_BYTES];
    int high = 1, i, rc;

    for (i = 1; i < 31; i++)
        high &= pk[i] == 0xff;
    high = (pk[31] & 0x80) || (high && pk[31] == 0x7f && pk[0] >= 0xed);
    rc = crypto_scalarmult(q, s, pk);
    sodium_memzero(q, sizeof q);
    if (high || rc != 0)
        return err_set(e, EXIT_INPUT, "card encryption key is not a valid "
                       "X25519 public key (zero, low-order or not canonical)");
    return 0;
}

static int keys_check(const struct card *c, struct err *e)
{
    if (!crypto_core_ed25519_is_valid_point(c->sign_pk))
        return err_set(e, EXIT_INPUT, "card signing key is not a valid "
                       "Ed25519 public key");
    return box_pk_check(c->box_pk, e);
}

/* Fills c from the decoded bytes: version, signing key, encryption key,
 * label length, label. */
static int parse_payload(struct card *c, const unsigned char *p, size_t n,
                         struct err *e)
{
    size_t lablen;

    if (n < 1 || p[0] != CARD_VERSION)
        return err_set(e, EXIT_INPUT, "card version %u is not supported "
                       "(this intake reads version %d)", n ? p[0] : 0u,
                       CARD_VERSION);
    if (n < HEAD_LEN || n != HEAD_LEN + p[HEAD_LEN - 1])
        return err_set(e, EXIT_INPUT, "card length does not match its "
                       "contents: it was cut short or has extra characters");
    lablen = p[HEAD_LEN - 1];
    if (label_check_bytes(p + HEAD_LEN, lablen, e) != 0)
        return -1;
    c->version = p[0];
    memcpy(c->sign_pk, p + 1, sizeof c->sign_pk);
    memcpy(c->box_pk, p + 1 + sizeof c->sign_pk, sizeof c->box_pk);
    memcpy(c->label, p + HEAD_LEN, lablen);
    c->label[lablen] = '\0';
    return keys_check(c, e);
}

int card_decode(struct card *c, const char *text, size_t len, struct err *e)
{
    uint8_t d[TEXT_MAX];
    unsigned char p[PAYLOAD_MAX];
    size_t dlen = 0, plen = 0;
    struct card tmp;

    trim(&text, &len);
    if (len == 0)
        return err_set(e, EXIT_INPUT, "card is empty");
    if (len > TEXT_MAX)
        return err_set(e, EXIT_INPUT, "card is too long: %zu characters, a "
                       "card has at most %zu", len, (size_t)TEXT_MAX);
    if (check_chars(text, len, e) != 0 || check_prefix(text, len, e) != 0 ||
        read_data(d, &dlen, text, len, e) != 0)
        return -1;
    if (from_5bit(p, &plen, d, dlen) != 0)
        return err_set(e, EXIT_INPUT, "card is malformed: its data does not "
                       "end on a whole byte");
    memset(&tmp, 0, sizeof tmp);
    if (parse_payload(&tmp, p, plen, e) != 0)
        return -1;
    *c = tmp;
    return 0;
}

static size_t build_payload(unsigned char *p, const struct card *c)
{
    size_t lablen = strlen(c->label);

    p[0] = c->version;
    memcpy(p + 1, c->sign_pk, sizeof c->sign_pk);
    memcpy(p + 1 + sizeof c->sign_pk, c->box_pk, sizeof c->box_pk);
    p[HEAD_LEN - 1] = (unsigned char)lablen;
    memcpy(p + HEAD_LEN, c->label, lablen);
    return HEAD_LEN + lablen;
}

static void append_checksum(uint8_t *d, size_t n)
{
    uint32_t chk;
    size_t i;

    memset(d + n, 0, CHECK_CHARS);
    chk = polymod_data(d, n + CHECK_CHARS) ^ BECH32M_CONST;
    for (i = 0; i < CHECK_CHARS; i++)
        d[n + i] = (uint8_t)((chk >> (5 * (CHECK_CHARS - 1 - i))) & 31u);
}

int card_encode(char *out, size_t outlen, const struct card *c, struct err *e)
{
    unsigned char p[PAYLOAD_MAX];
    uint8_t d[DATA_MAX + CHECK_CHARS];
    size_t plen = sizeof CARD_PREFIX - 1, n, i;

    if (c->version != CARD_VERSION)
        return err_set(e, EXIT_INPUT, "card version %u is not supported "
                       "(this intake writes version %d)", c->version, CARD_VERSION);
    if (label_check_bytes((const unsigned char *)c->label, strlen(c->label), e) != 0 ||
        keys_check(c, e) != 0)
        return -1;
    n = to_5bit(d, p, build_payload(p, c));
    append_checksum(d, n);
    n += CHECK_CHARS;
    if (outlen < plen + n + 1)
        return err_set(e, EXIT_INPUT, "no room for a card (%zu bytes needed)",
                       plen + n + 1);
    memcpy(out, CARD_PREFIX, plen);
    for (i = 0; i < n; i++)
        out[plen + i] = alphabet[d[i]];
    out[plen + n] = '\0';
    return 0;
}

void card_fingerprint(char *out, size_t outlen, const struct card *c)
{
    static const char domain[] = "intake card fingerprint v1";
    unsigned char h[13];                  /* 100 bits used */
    uint8_t d[21];
    crypto_generichash_state st;
    size_t i, o = 0;

    if (outlen > 0)
        out[0] = '\0';
    if (outlen < CARD_FINGERPRINT_SIZE)
        return;
    crypto_generichash_init(&st, NULL, 0, sizeof h);
    crypto_generichash_update(&st, (const unsigned char *)domain, sizeof domain - 1);
    crypto_generichash_update(&st, c->sign_pk, sizeof c->sign_pk);
    crypto_generichash_update(&st, c->box_pk, sizeof c->box_pk);
    crypto_generichash_final(&st, h, sizeof h);
    (void)to_5bit(d, h, sizeof h);
    for (i = 0; i < 20; i++) {
        if (i > 0 && i % 4 == 0)
            out[o++] = '-';
        out[o++] = alphabet[d[i]];
    }
    out[o] = '\0';
}

int card_keys_overlap(const struct card *a, const struct card *b)
{
    return sodium_memcmp(a->sign_pk, b->sign_pk, sizeof a->sign_pk) == 0 ||
           sodium_memcmp(a->box_pk, b->box_pk, sizeof a->box_pk) == 0;
}
