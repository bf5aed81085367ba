/* The audit statement: its bytes, its armor, its signature
 * (export/statement.h; docs/FORMAT.md, "Audit statement"). */
#include "export/statement.h"

#include <stdio.h>
#include <string.h>

static const char *const verdict_names[] = { "PASS", "WARN", "FAIL" };

/* Offsets in the bytes (export/statement.h). */
enum {
    OFF_VERSION = 0,
    OFF_SIGNER = 1,
    OFF_BUNDLE = OFF_SIGNER + crypto_sign_PUBLICKEYBYTES,
    OFF_VERDICT = OFF_BUNDLE + STATEMENT_HASHBYTES,
    OFF_DAY = OFF_VERDICT + 1,
    OFF_REPORT = OFF_DAY + STATEMENT_DAYCHARS,
    OFF_SIG = OFF_REPORT + STATEMENT_DIGESTBYTES,
};

const char *statement_verdict_name(int verdict)
{
    return verdict >= 0 && verdict <= 2 ? verdict_names[verdict] : "?";
}

void statement_digest(unsigned char out[STATEMENT_DIGESTBYTES], const char *report,
                      size_t len)
{
    crypto_generichash(out, STATEMENT_DIGESTBYTES, (const unsigned char *)report, len,
                       NULL, 0);
}

/* A day YYYY-MM-DD of digits and dashes, month 01..12, day 01..31: the
 * shape only (the signer wrote it from its clock). */
static int day_ok(const char *d)
{
    for (int i = 0; i < STATEMENT_DAYCHARS; i++)
        if ((i == 4 || i == 7) ? d[i] != '-' : (d[i] < '0' || d[i] > '9'))
            return 0;
    return memcmp(d + 5, "01", 2) >= 0 && memcmp(d + 5, "12", 2) <= 0 &&
           memcmp(d + 8, "01", 2) >= 0 && memcmp(d + 8, "31", 2) <= 0;
}

/* The message signed: the label, then the bytes before the signature. */
static void signed_message(unsigned char m[sizeof STATEMENT_LABEL - 1 + STATEMENT_SIGNED],
                           const unsigned char *bytes)
{
    memcpy(m, STATEMENT_LABEL, sizeof STATEMENT_LABEL - 1);
    memcpy(m + sizeof STATEMENT_LABEL - 1, bytes, STATEMENT_SIGNED);
}

int statement_sign(char *out, size_t outlen, struct statement *st,
                   const unsigned char *sign_sk, struct err *e)
{
    unsigned char m[sizeof STATEMENT_LABEL - 1 + STATEMENT_SIGNED];
    char b64[sodium_base64_ENCODED_LEN(STATEMENT_BYTES, sodium_base64_VARIANT_ORIGINAL)];
    unsigned char *b = st->bytes;
    size_t o, n;

    if (st->verdict < 0 || st->verdict > 2 || strlen(st->day) != STATEMENT_DAYCHARS ||
        !day_ok(st->day))
        return err_set(e, EXIT_INPUT, "internal error: a statement with a bad verdict or day");
    /* The public key is the second half of libsodium's secret key. */
    if (sodium_memcmp(sign_sk + crypto_sign_SECRETKEYBYTES - crypto_sign_PUBLICKEYBYTES,
                      st->signer, sizeof st->signer) != 0)
        return err_set(e, EXIT_INPUT, "internal error: the statement's signer is not this key");
    b[OFF_VERSION] = STATEMENT_VERSION;
    memcpy(b + OFF_SIGNER, st->signer, sizeof st->signer);
    memcpy(b + OFF_BUNDLE, st->bundle, sizeof st->bundle);
    b[OFF_VERDICT] = (unsigned char)st->verdict;
    memcpy(b + OFF_DAY, st->day, STATEMENT_DAYCHARS);
    memcpy(b + OFF_REPORT, st->report, sizeof st->report);
    signed_message(m, b);
    if (crypto_sign_detached(b + OFF_SIG, NULL, m, sizeof m, sign_sk) != 0)
        return err_set(e, EXIT_INPUT, "could not sign the statement");
    sodium_bin2base64(b64, sizeof b64, b, STATEMENT_BYTES, sodium_base64_VARIANT_ORIGINAL);
    o = (size_t)snprintf(out, outlen, "%s\n", STATEMENT_BEGIN);
    for (size_t i = 0; i < strlen(b64) && o < outlen; i += 64) {
        n = strlen(b64 + i) < 64 ? strlen(b64 + i) : 64;
        o += (size_t)snprintf(out + o, outlen - o, "%.*s\n", (int)n, b64 + i);
    }
    if (o < outlen)
        o += (size_t)snprintf(out + o, outlen - o, "%s\n", STATEMENT_END);
    if (o >= outlen)
        return err_set(e, EXIT_INPUT, "internal error: no room for the statement's text");
    return 0;
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Where the BEGIN line may start: after an optional UTF-8 byte-order mark
 * and white space, as a bundle's armor (docs/FORMAT.md, "Armor"). */
static size_t lead(const unsigned char *t, size_t len)
{
    size_t i = len >= 3 && memcmp(t, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;

    while (i < len && is_space(t[i]))
        i++;
    return i;
}

int statement_is(const unsigned char *text, size_t len)
{
    size_t i = lead(text, len);

    return len - i >= sizeof STATEMENT_BEGIN - 1 &&
           memcmp(text + i, STATEMENT_BEGIN, sizeof STATEMENT_BEGIN - 1) == 0;
}

int statement_mentioned(const unsigned char *text, size_t len)
{
    return statement_is(text, len) ||
           memmem(text, len, STATEMENT_BEGIN, sizeof STATEMENT_BEGIN - 1) != NULL;
}

/* The base64 between the BEGIN and END lines into b64 (NUL-ended), line
 * ends (LF, CR LF) dropped. */
static int unarmor(char *b64, size_t cap, const unsigned char *t, size_t len, struct err *e)
{
    size_t i = lead(t, len) + sizeof STATEMENT_BEGIN - 1, n = 0,
           endlen = sizeof STATEMENT_END - 1;

    if (!statement_is(t, len) && statement_mentioned(t, len))
        return err_set(e, EXIT_INPUT, "bad statement: there is text before the BEGIN line");
    if (!statement_is(t, len))
        return err_set(e, EXIT_INPUT, "bad statement: it does not begin with the line %s",
                       STATEMENT_BEGIN);
    if (i < len && t[i] == '\r')
        i++;
    if (i >= len || t[i] != '\n')
        return err_set(e, EXIT_INPUT, "bad statement: the BEGIN line must end right after its dashes");
    for (i++; i < len && t[i] != '-'; i++) {
        if (t[i] == '\r' || t[i] == '\n')
            continue;
        if (!(t[i] >= 'A' && t[i] <= 'Z') && !(t[i] >= 'a' && t[i] <= 'z') &&
            !(t[i] >= '0' && t[i] <= '9') && t[i] != '+' && t[i] != '/' && t[i] != '=')
            return err_set(e, EXIT_INPUT, "bad statement: a character that is not base64 in its text");
        if (n + 1 >= cap)
            return err_set(e, EXIT_INPUT, "bad statement: its text is too long");
        b64[n++] = (char)t[i];
    }
    b64[n] = '\0';
    if (len - i < endlen || memcmp(t + i, STATEMENT_END, endlen) != 0)
        return err_set(e, EXIT_INPUT, "bad statement: the END line is missing (was the text cut short?)");
    for (i += endlen; i < len; i++)
        if (!is_space(t[i]))
            return err_set(e, EXIT_INPUT, "bad statement: there is text after the END line");
    return 0;
}

/* The fields from st->bytes, checked. */
static int fields(struct statement *st, struct err *e)
{
    const unsigned char *b = st->bytes;

    if (b[OFF_VERSION] != STATEMENT_VERSION)
        return err_set(e, EXIT_INPUT, "statement version %u is not supported (this intake reads version %d)",
                       b[OFF_VERSION], STATEMENT_VERSION);
    if (b[OFF_VERDICT] > 2)
        return err_set(e, EXIT_INPUT, "bad statement: its verdict is not PASS, WARN or FAIL");
    memcpy(st->day, b + OFF_DAY, STATEMENT_DAYCHARS);
    st->day[STATEMENT_DAYCHARS] = '\0';
    if (!day_ok(st->day))
        return err_set(e, EXIT_INPUT, "bad statement: its day is not a date YYYY-MM-DD");
    memcpy(st->signer, b + OFF_SIGNER, sizeof st->signer);
    memcpy(st->bundle, b + OFF_BUNDLE, sizeof st->bundle);
    st->verdict = b[OFF_VERDICT];
    memcpy(st->report, b + OFF_REPORT, sizeof st->report);
    return 0;
}

int statement_read(struct statement *st, const unsigned char *text, size_t len,
                   struct err *e)
{
    unsigned char m[sizeof STATEMENT_LABEL - 1 + STATEMENT_SIGNED];
    char b64[2 * STATEMENT_BYTES];
    size_t n = 0;

    memset(st, 0, sizeof *st);
    if (len > STATEMENT_TEXT_MAX)
        return err_set(e, EXIT_INPUT, "bad statement: longer than %d bytes", STATEMENT_TEXT_MAX);
    if (unarmor(b64, sizeof b64, text, len, e) != 0)
        return -1;
    if (sodium_base642bin(st->bytes, sizeof st->bytes, b64, strlen(b64), NULL, &n, NULL,
                          sodium_base64_VARIANT_ORIGINAL) != 0 || n != STATEMENT_BYTES)
        return err_set(e, EXIT_INPUT, "bad statement: its text does not decode to the %d bytes of a statement",
                       STATEMENT_BYTES);
    if (fields(st, e) != 0)
        return -1;
    signed_message(m, st->bytes);
    if (crypto_sign_verify_detached(st->bytes + OFF_SIG, m, sizeof m, st->signer) != 0)
        return err_set(e, EXIT_AUTH, "the statement's signature does not verify: it was "
                       "altered, or not signed by the key it names; nothing was imported");
    return 0;
}
