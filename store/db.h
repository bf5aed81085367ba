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

#endif
