/* libFuzzer: the redaction engine over arbitrary bytes with a fixed term set.
 * It must never crash; invalid input must fail with EXIT_INPUT, and a
 * successful run must never fail the re-scan. */
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/redact.h"

static struct redactor *r;

static void setup(void)
{
    struct err e;
    static const char *const terms[] = { "청진", "Ulaanbaatar", "Nam Gang", "Il", "[[x", "평양" };
    size_t i;

    if (sodium_init() < 0 || redactor_new(&r, &e) != 0 ||
        redactor_add_subject(r, 1, "Ri Myong-hui", &e) != 0 ||
        redactor_add_name(r, 1, "김종수", strlen("김종수"), &e) != 0 ||
        redactor_add_name(r, 1, "Kim Jong-su", 11, &e) != 0 ||
        /* Not "Gerelee": it is a short form of subject 3's Алтангэрэл (Гэрлээ),
         * which `subject add` refuses as a pseudonym, so such a set never
         * reaches the redactor and the re-scan rightly fires on it. */
        redactor_add_subject(r, 2, "Dulmaa", &e) != 0 ||
        redactor_add_name(r, 2, "Бат-Эрдэнэ", strlen("Бат-Эрдэнэ"), &e) != 0 ||
        redactor_add_subject(r, 3, "Tulga", &e) != 0 ||
        redactor_add_name(r, 3, "Батбаярын Алтангэрэл", strlen("Батбаярын Алтангэрэл"), &e) != 0 ||
        /* a name in pinyin (Han readings, tone numbers) and one with
         * listed short forms (brief s16) */
        redactor_add_subject(r, 4, "Saraa", &e) != 0 ||
        redactor_add_name(r, 4, "Li Xiaoming", 11, &e) != 0 ||
        redactor_add_subject(r, 5, "Nomin", &e) != 0 ||
        redactor_add_name(r, 5, "Jennifer Walsh", 14, &e) != 0)
        abort();
    for (i = 0; i < sizeof terms / sizeof terms[0]; i++)
        if (redactor_add_term(r, TERM_PLACE, 0, terms[i], strlen(terms[i]), &e) != 0)
            abort();
    /* Numbers said in words match these (redact_spoken.c, redact_numbers.c). */
    if (redactor_add_term(r, TERM_ID, 0, "M1234567", 8, &e) != 0 ||
        redactor_add_term(r, TERM_ACCOUNT, 0, "3333011234567", 13, &e) != 0)
        abort();
    if (redactor_compile(r, &e) != 0)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct redact_ctx *ctx;
    struct redaction out;
    struct err e;

    if (r == NULL)
        setup();
    if ((ctx = redact_ctx_new()) == NULL)
        abort();
    if (redactor_run(&out, r, ctx, (const char *)data, size, &e) == 0)
        redaction_free(&out);
    else if (e.code != EXIT_INPUT)
        abort();   /* the re-scan fired: a protected term survived */
    redact_ctx_free(ctx);
    return 0;
}
