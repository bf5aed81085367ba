/* The store's hash-chained log (issue 6): every change appends an entry
 * inside the same transaction as the change. Entries hold a sequence
 * number, a date, an action and an opaque object id, never a name, a term
 * or testimony. The format is in docs/FORMAT.md ("Store log"). */
#include "store/db.h"

#include <stdio.h>
#include <string.h>

#define LOG_TAG "intake-log-v1"

static void put_u64le(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static void put_field(crypto_generichash_state *st, const char *s)
{
    unsigned char len[4];
    size_t n = strlen(s);

    for (int i = 0; i < 4; i++)
        len[i] = (unsigned char)((uint64_t)n >> (8 * i));
    crypto_generichash_update(st, len, sizeof len);
    crypto_generichash_update(st, (const unsigned char *)s, n);
}

void log_entry_hash(unsigned char out[LOG_HASHBYTES], long seq, const char *at,
                    const char *action, const char *object,
                    const unsigned char prev[LOG_HASHBYTES])
{
    crypto_generichash_state st;
    unsigned char seqb[8];

    put_u64le(seqb, (uint64_t)seq);
    crypto_generichash_init(&st, NULL, 0, LOG_HASHBYTES);
    crypto_generichash_update(&st, (const unsigned char *)LOG_TAG, strlen(LOG_TAG));
    crypto_generichash_update(&st, seqb, sizeof seqb);
    put_field(&st, at);
    put_field(&st, action);
    put_field(&st, object);
    crypto_generichash_update(&st, prev, LOG_HASHBYTES);
    crypto_generichash_final(&st, out, LOG_HASHBYTES);
}

static int valid_action(const char *a)
{
    size_t n = strlen(a);

    if (n == 0 || n > LOG_ACTION_MAX)
        return 0;
    for (; *a != '\0'; a++)
        if (!((*a >= 'a' && *a <= 'z') || (*a >= '0' && *a <= '9') || *a == '.' || *a == '-'))
            return 0;
    return 1;
}

static int valid_object(const char *o)
{
    if (strlen(o) > LOG_OBJECT_MAX)
        return 0;
    for (; *o != '\0'; o++)
        if ((unsigned char)*o < 0x20 || (unsigned char)*o > 0x7e)
            return 0;
    return 1;
}

/* The newest entry's sequence number and hash (0 and zeros when empty). */
static int last_entry(long *seq, unsigned char hash[LOG_HASHBYTES], struct store *s,
                      struct err *e)
{
    sqlite3_stmt *st;
    int rc;

    *seq = 0;
    memset(hash, 0, LOG_HASHBYTES);
    if (db_prepare(&st, s, "SELECT seq, hash FROM log ORDER BY seq DESC LIMIT 1", e) != 0)
        return -1;
    rc = db_step(st, s, "reading the log", e);
    if (rc > 0) {
        *seq = (long)sqlite3_column_int64(st, 0);
        if (sqlite3_column_bytes(st, 1) != LOG_HASHBYTES)
            rc = err_set(e, EXIT_INPUT, "the store's log is damaged (entry %ld has no hash); run 'intake log --verify'", *seq);
        else
            memcpy(hash, sqlite3_column_blob(st, 1), LOG_HASHBYTES);
    }
    sqlite3_finalize(st);
    return rc < 0 ? -1 : 0;
}

int store_log(struct store *s, const char *action, const char *object,
              struct err *e)
{
    unsigned char prev[LOG_HASHBYTES], hash[LOG_HASHBYTES];
    char now[32];
    long seq;

    if (object == NULL)
        object = "";
    if (!valid_action(action) || !valid_object(object))
        return err_set(e, EXIT_INPUT, "internal error: log entry '%s' is not an action and an opaque id; nothing was changed",
                       valid_action(action) ? action : "?");
    /* The entry must commit or roll back with the change it records. */
    if (sqlite3_get_autocommit(s->db))
        return err_set(e, EXIT_INPUT, "internal error: log entry '%s' outside a transaction; nothing was changed", action);
    if (last_entry(&seq, prev, s, e) != 0)
        return -1;
    seq++;
    db_now(now, sizeof now);
    log_entry_hash(hash, seq, now, action, object, prev);
    const struct db_val v[] = {
        DB_INT(seq), DB_TEXT(now), DB_TEXT(action), DB_TEXT(object),
        DB_BLOB(prev, sizeof prev), DB_BLOB(hash, sizeof hash),
    };
    return db_run(s, "INSERT INTO log(seq, at, action, object, prev, hash)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", v, DB_N(v), "writing the log", e);
}

int store_log_each(struct store *s, log_fn fn, void *ctx, struct err *e)
{
    sqlite3_stmt *st;
    int rc;

    if (db_prepare(&st, s, "SELECT seq, at, action, object, prev, hash FROM log ORDER BY seq", e) != 0)
        return -1;
    while ((rc = db_step(st, s, "reading the log", e)) > 0) {
        struct log_row r;
        const char *at = (const char *)sqlite3_column_text(st, 1);
        const char *action = (const char *)sqlite3_column_text(st, 2);
        const char *object = (const char *)sqlite3_column_text(st, 3);

        memset(&r, 0, sizeof r);
        r.seq = (long)sqlite3_column_int64(st, 0);
        r.at = at != NULL ? at : "";
        r.action = action != NULL ? action : "";
        r.object = object != NULL ? object : "";
        /* A wrong-sized hash stays zeros: the check then names the entry. */
        if (sqlite3_column_bytes(st, 4) == LOG_HASHBYTES)
            memcpy(r.prev, sqlite3_column_blob(st, 4), LOG_HASHBYTES);
        if (sqlite3_column_bytes(st, 5) == LOG_HASHBYTES)
            memcpy(r.hash, sqlite3_column_blob(st, 5), LOG_HASHBYTES);
        if ((rc = fn(ctx, &r, e)) != 0)
            break;
    }
    sqlite3_finalize(st);
    return rc;
}

void log_check_init(struct log_check *c)
{
    c->seq = 0;
    memset(c->head, 0, sizeof c->head);
}

int log_check_next(struct log_check *c, const struct log_row *r, struct err *e)
{
    unsigned char h[LOG_HASHBYTES];

    if (r->seq != c->seq + 1)
        return r->seq <= c->seq
            ? err_set(e, EXIT_AUTH, "log entry %ld is out of order (after entry %ld); the log was altered", r->seq, c->seq)
            : err_set(e, EXIT_AUTH, "log entry %ld is missing (entry %ld follows entry %ld); the log was altered", c->seq + 1, r->seq, c->seq);
    if (sodium_memcmp(r->prev, c->head, LOG_HASHBYTES) != 0)
        return err_set(e, EXIT_AUTH, "log entry %ld does not follow entry %ld (its previous hash differs); the log was altered", r->seq, c->seq);
    log_entry_hash(h, r->seq, r->at, r->action, r->object, r->prev);
    if (sodium_memcmp(h, r->hash, LOG_HASHBYTES) != 0)
        return err_set(e, EXIT_AUTH, "log entry %ld was altered (its hash does not match its contents)", r->seq);
    c->seq = r->seq;
    memcpy(c->head, r->hash, LOG_HASHBYTES);
    return 0;
}

static int check_one(void *ctx, const struct log_row *r, struct err *e)
{
    return log_check_next(ctx, r, e);
}

int store_log_verify(struct log_check *c, struct store *s, struct err *e)
{
    log_check_init(c);
    return store_log_each(s, check_one, c, e);
}
