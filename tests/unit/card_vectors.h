/* Reads tests/vectors/card.txt for test_card.c and test_safety.c: blocks
 * of "name value" lines, headed "card X" or "safety X Y". */
#ifndef INTAKE_TEST_CARD_VECTORS_H
#define INTAKE_TEST_CARD_VECTORS_H

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "crypto/card.h"

#define VECTORS_PATH "tests/vectors/card.txt"

/* Copies the value of field in the block headed head into out; 0 or -1. */
static int vec_field(char *out, size_t outlen, const char *head,
                     const char *field)
{
    char line[512];
    size_t flen = strlen(field);
    int in = 0, found = -1;
    FILE *f = fopen(VECTORS_PATH, "r");

    if (f == NULL)
        return -1;
    while (found != 0 && fgets(line, sizeof line, f) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '\0')
            in = 0;
        else if (strcmp(line, head) == 0)
            in = 1;
        else if (in && strncmp(line, field, flen) == 0 && line[flen] == ' ' &&
                 (size_t)snprintf(out, outlen, "%s", line + flen + 1) < outlen)
            found = 0;
    }
    fclose(f);
    return found;
}

/* Builds card name ("A") from its seeds and label in the vectors file. */
static int vec_card(struct card *c, const char *name)
{
    char head[32], hex[128], label[128];
    unsigned char seed[32], sk[crypto_sign_SECRETKEYBYTES];
    unsigned char bsk[crypto_box_SECRETKEYBYTES];

    snprintf(head, sizeof head, "card %s", name);
    memset(c, 0, sizeof *c);
    c->version = CARD_VERSION;
    if (vec_field(label, sizeof label, head, "label") != 0 ||
        snprintf(c->label, sizeof c->label, "%s", label) >= (int)sizeof c->label ||
        vec_field(hex, sizeof hex, head, "sign_seed") != 0 ||
        sodium_hex2bin(seed, sizeof seed, hex, strlen(hex), NULL, NULL, NULL) != 0 ||
        crypto_sign_seed_keypair(c->sign_pk, sk, seed) != 0 ||
        vec_field(hex, sizeof hex, head, "box_seed") != 0 ||
        sodium_hex2bin(seed, sizeof seed, hex, strlen(hex), NULL, NULL, NULL) != 0 ||
        crypto_box_seed_keypair(c->box_pk, bsk, seed) != 0)
        return -1;
    return 0;
}

#endif
