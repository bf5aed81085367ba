/* Bench helper: fills a store with many subjects in one transaction.
 *   subjects_fill DIR <INPUT
 * INPUT: the passphrase on its first line, then one subject a line,
 * "PSEUDONYM<TAB>NAME".  The rows go in as `subject add` writes them
 * (subject and subject_name), without its checks of each new pseudonym
 * against the whole protected set, which build the set again for every
 * subject: a store of 1,000 subjects then takes seconds, not an hour.  For
 * bench/redact-subjects.sh only (the names are synthetic and distinct). */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/keyslot.h"
#include "store/db.h"

static int fill(struct store *s, FILE *in, struct err *e)
{
    char line[1024], now[32], uid[RECORD_ID_CHARS + 1];
    long n = 0;

    while (fgets(line, sizeof line, in) != NULL) {
        char *tab = strchr(line, '\t'), *nl = strchr(line, '\n');

        if (nl != NULL)
            *nl = '\0';
        if (tab == NULL)
            return err_set(e, EXIT_INPUT, "line %ld: no tab", n + 2);
        *tab = '\0';
        db_now(now, sizeof now);
        db_new_id(uid);
        const struct db_val v[] = { DB_TEXT(line), DB_TEXT(now), DB_TEXT(uid) };
        if (db_run(s, "INSERT INTO subject(pseudonym, created, uid) VALUES (?1, ?2, ?3)", v,
                   DB_N(v), "adding the subject", e) != 0)
            return -1;
        const struct db_val w[] = { DB_INT(sqlite3_last_insert_rowid(s->db)), DB_TEXT(tab + 1) };
        if (db_run(s, "INSERT INTO subject_name(subject_id, name) VALUES (?1, ?2)", w, DB_N(w),
                   "adding the subject's names", e) != 0)
            return -1;
        n++;
    }
    return 0;
}

int main(int argc, char **argv)
{
    char pass[256];
    struct store *s;
    struct err e;
    size_t len;

    err_clear(&e);
    if (sodium_init() < 0)
        return 2;
    if (argc != 2 || fgets(pass, sizeof pass, stdin) == NULL) {
        fprintf(stderr, "usage: subjects_fill DIR <INPUT (passphrase, then PSEUDONYM<TAB>NAME lines)\n");
        return 2;
    }
    len = strcspn(pass, "\n");
    if (store_open(&s, argv[1], KEYSLOT_PASSPHRASE, (const unsigned char *)pass, len, &e) != 0) {
        fprintf(stderr, "subjects_fill: %s\n", e.msg);
        return 2;
    }
    if (store_begin(s, &e) != 0 || fill(s, stdin, &e) != 0 || store_commit(s, &e) != 0) {
        fprintf(stderr, "subjects_fill: %s\n", e.msg);
        store_close(s);
        return 2;
    }
    store_close(s);
    return 0;
}
