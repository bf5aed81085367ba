/* Internal to store/: the only header that includes <sqlite3.h>. */
#ifndef INTAKE_STORE_DB_H
#define INTAKE_STORE_DB_H

#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>

#include "store/store.h"

struct store {
    sqlite3 *db;
    unsigned char *master;       /* sodium_malloc, KEYSLOT_MASTER_BYTES */
    char dir[4096];
    char keyslots[4200];
};

/* Fills e from the database's last error, naming what was being done;
 * damage is reported as such, never as a wrong passphrase. */
int db_fail(struct store *s, struct err *e, const char *doing);

/* Prepares sql; on failure fills e. */
int db_prepare(sqlite3_stmt **st, struct store *s, const char *sql,
               struct err *e);

/* Runs sql that returns no rows. */
int db_exec(struct store *s, const char *sql, struct err *e);

/* Binds text (NULL binds NULL). */
int db_bind_text(sqlite3_stmt *st, int i, const char *text);

/* Current UTC time as YYYY-MM-DDTHH:MM:SSZ. */
void db_now(char *out, size_t outlen);

/* Today's date (UTC) as YYYY-MM-DD: out needs 11 bytes. */
void db_today(char *out, size_t outlen);

struct redactor;

/* Adds the store's whole protected set to r (not compiled): subjects with
 * their pseudonyms and names, their terms, store-wide terms, allowed texts. */
int privacy_load(struct redactor *r, struct store *s, struct err *e);

/* 1 if text contains a protected name or term of r, or is a spelling
 * variant of one; 0 if not; -1 on error. */
int privacy_matches(const struct redactor *r, const char *text, struct err *e);

/* 1 if pseudonym p (or a spelling variant) is a word of any real name or
 * term in the store or of extra[0..n): a pseudonym must not be part of
 * someone's name; 0 if not; -1 on error. */
int privacy_in_identities(struct store *s, const char *p, const char *const *extra,
                          size_t n, struct err *e);

/* Refuses (EXIT_INPUT, naming 'intake subject rename') new real names or
 * terms texts[0..n) that match an existing pseudonym after variant
 * expansion, either way round. */
int privacy_check_pseudonyms(struct store *s, const char *const *texts, size_t n,
                             struct err *e);

/* Inserts a term of subject sid (0: store-wide) inside the caller's
 * transaction, after every check a new term gets; logs it. */
int db_term_insert(long *id, struct store *s, long sid, const char *category,
                   const char *text, struct err *e);

/* The id of the subject with pseudonym; EXIT_INPUT if there is none. */
int db_subject_id(long *id, struct store *s, const char *pseudonym, struct err *e);

#endif
