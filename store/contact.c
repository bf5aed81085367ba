#include "store/db.h"

#include <stdio.h>
#include <string.h>

#include "crypto/card.h"

static int history(struct store *s, const char *name, const char *event,
                   const char *card, struct err *e)
{
    char now[32];
    const struct db_val v[] = { DB_TEXT(name), DB_TEXT(event), DB_TEXT(card), DB_TEXT(now) };

    db_now(now, sizeof now);
    return db_run(s, "INSERT INTO contact_history(contact_id, event, card, at)"
                  " SELECT id, ?2, ?3, ?4 FROM contact WHERE name = ?1", v, DB_N(v),
                  "recording the contact's history", e);
}

/* Log entries name a contact by its card's fingerprint (public keys,
 * never the name given to the contact). */
static int log_contact(struct store *s, const char *action, const struct card *c,
                       struct err *e)
{
    char fp[CARD_FINGERPRINT_SIZE];

    card_fingerprint(fp, sizeof fp, c);
    return store_log(s, action, fp, e);
}

static int log_contact_text(struct store *s, const char *action, const char *cardtext,
                            struct err *e)
{
    struct card c;

    if (card_decode(&c, cardtext, strlen(cardtext), NULL) != 0)
        return store_log(s, action, "unreadable-card", e);
    return log_contact(s, action, &c, e);
}

/* Copies the text in the first column of sql's first row to out: 1, or 0
 * if there is no row. */
static int first_text(char *out, size_t outlen, struct store *s, const char *sql,
                      const struct db_val *v, size_t n, struct err *e)
{
    sqlite3_stmt *st;
    int rc;

    if (db_query(&st, s, sql, v, n, e) != 0)
        return -1;
    rc = db_step(st, s, "reading the contacts", e);
    if (rc > 0)
        snprintf(out, outlen, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return rc;
}

/* Who, other than name, already holds one of these keys (0: nobody). */
static int key_owner(char *owner, size_t ownerlen, struct store *s, const char *name,
                     const struct card *c, struct err *e)
{
    const struct db_val v[] = {
        DB_TEXT(name), DB_BLOB(c->sign_pk, sizeof c->sign_pk), DB_BLOB(c->box_pk, sizeof c->box_pk),
    };

    return first_text(owner, ownerlen, s, "SELECT name FROM contact WHERE name <> ?1"
                      " AND (sign_pk = ?2 OR box_pk = ?3)", v, DB_N(v), e);
}

static int existing_card(char *out, size_t outlen, struct store *s, const char *name,
                         struct err *e)
{
    const struct db_val v[] = { DB_TEXT(name) };

    return first_text(out, outlen, s, "SELECT card FROM contact WHERE name = ?1", v, DB_N(v), e);
}

static int check_new(struct store *s, const char *name, const struct card *c,
                     int replace, int *exists, struct err *e)
{
    unsigned char spk[crypto_sign_PUBLICKEYBYTES], bpk[crypto_box_PUBLICKEYBYTES];
    char old[CARD_TEXT_SIZE], owner[CONTACT_NAME_MAX + 1];
    struct card oc;
    char fo[CARD_FINGERPRINT_SIZE], fn[CARD_FINGERPRINT_SIZE];
    int rc;

    if (store_device_public(spk, bpk, s, e) != 0)
        return -1;
    if (sodium_memcmp(spk, c->sign_pk, sizeof spk) == 0 || sodium_memcmp(bpk, c->box_pk, sizeof bpk) == 0)
        return err_set(e, EXIT_INPUT, "that is this store's own card; add the other side's card");
    rc = key_owner(owner, sizeof owner, s, name, c, e);
    if (rc != 0)
        return rc < 0 ? -1 : err_set(e, EXIT_INPUT, "these keys already belong to contact '%s'", owner);
    *exists = existing_card(old, sizeof old, s, name, e);
    if (*exists < 0)
        return -1;
    if (*exists && !replace && card_decode(&oc, old, strlen(old), NULL) == 0) {
        card_fingerprint(fo, sizeof fo, &oc);
        card_fingerprint(fn, sizeof fn, c);
        /* The same keys again are no key change: never the alarm (adv14 F8). */
        if (sodium_memcmp(oc.sign_pk, c->sign_pk, sizeof oc.sign_pk) == 0 &&
            sodium_memcmp(oc.box_pk, c->box_pk, sizeof oc.box_pk) == 0)
            return err_set(e, EXIT_INPUT, "contact '%s' already has these keys (fingerprint "
                           "%s); nothing was changed", name, fo);
        return err_set(e, EXIT_INPUT,
                       "contact '%s' already has a card (fingerprint %s); this one is %s: a key change is a security event, confirm it in person and use --replace",
                       name, fo, fn);
    }
    if (*exists && !replace)
        return err_set(e, EXIT_INPUT, "contact '%s' already exists; use --replace", name);
    return 0;
}

/* Inserts contact name; with exists, replaces its card and keys instead
 * and makes it unverified again. */
static int save_contact(struct store *s, const char *name, const struct card *c,
                        const char *cardtext, int exists, struct err *e)
{
    char now[32];
    const struct db_val v[] = {
        DB_TEXT(name), DB_TEXT(cardtext), DB_BLOB(c->sign_pk, sizeof c->sign_pk),
        DB_BLOB(c->box_pk, sizeof c->box_pk), DB_TEXT(now),
    };

    db_now(now, sizeof now);
    if (exists)                          /* all but the date added */
        return db_run(s, "UPDATE contact SET card = ?2, sign_pk = ?3, box_pk = ?4, verified = NULL"
                      " WHERE name = ?1", v, DB_N(v) - 1, "saving the contact", e);
    return db_run(s, "INSERT INTO contact(name, card, sign_pk, box_pk, added)"
                  " VALUES (?1, ?2, ?3, ?4, ?5)", v, DB_N(v), "saving the contact", e);
}

int contact_name_check(const char *name, struct err *e)
{
    if (name[0] == '\0' || strlen(name) > CONTACT_NAME_MAX ||
        text_check_field(name, strlen(name), "the contact NAME", e) != 0)
        return err_set(e, EXIT_INPUT, "a contact NAME must be 1 to %d characters of plain text", CONTACT_NAME_MAX);
    return 0;
}

int store_contact_add(struct store *s, const char *name, const struct card *c,
                      const char *cardtext, int replace, struct err *e)
{
    int exists = 0;

    if (contact_name_check(name, e) != 0 || store_begin(s, e) != 0)
        return -1;
    if (check_new(s, name, c, replace, &exists, e) != 0 ||
        save_contact(s, name, c, cardtext, exists, e) != 0 ||
        history(s, name, exists ? "replaced" : "added", cardtext, e) != 0 ||
        log_contact(s, exists ? "contact.replace" : "contact.add", c, e) != 0) {
        store_rollback(s);
        return -1;
    }
    return store_commit(s, e);
}

int store_contact_each(struct store *s, const char *name, contact_fn fn,
                       void *ctx, struct err *e)
{
    const struct db_val v[] = { DB_TEXT(name) };
    sqlite3_stmt *st;
    int rc, found = 0;

    if (db_query(&st, s, "SELECT name, card, added, verified FROM contact"
                 " WHERE ?1 IS NULL OR name = ?1 ORDER BY name", v, DB_N(v), e) != 0)
        return -1;
    while ((rc = db_step(st, s, "reading the contacts", e)) > 0) {
        struct contact_row r = {
            (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
            (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3),
        };
        found = 1;
        if ((rc = fn(ctx, &r, e)) != 0)
            break;
    }
    sqlite3_finalize(st);
    if (rc == 0 && name != NULL && !found)
        return err_set(e, EXIT_INPUT, "no contact named '%s' (see 'intake contact list')", name);
    return rc;
}

static int update_one(struct store *s, const char *sql, const char *name,
                      const char *event, const char *action, struct err *e)
{
    char now[32], card[CARD_TEXT_SIZE];
    const struct db_val v[] = { DB_TEXT(name), DB_TEXT(now) };
    int rc, exists;

    if (store_begin(s, e) != 0)
        return -1;
    exists = existing_card(card, sizeof card, s, name, e);
    if (exists <= 0) {
        store_rollback(s);
        return exists < 0 ? -1 : err_set(e, EXIT_INPUT, "no contact named '%s' (see 'intake contact list')", name);
    }
    rc = event != NULL ? history(s, name, event, card, e) : 0;
    if (rc == 0)
        rc = log_contact_text(s, action, card, e);
    db_now(now, sizeof now);
    if (rc == 0)                         /* now is ?2 where the statement has one */
        rc = db_run(s, sql, v, strstr(sql, "?2") != NULL ? 2 : 1, "updating the contact", e);
    if (rc != 0) {
        store_rollback(s);
        return -1;
    }
    return store_commit(s, e);
}

int store_contact_remove(struct store *s, const char *name, struct err *e)
{
    return update_one(s, "DELETE FROM contact WHERE name = ?1", name, NULL, "contact.remove", e);
}

int store_contact_confirm(struct store *s, const char *name, struct err *e)
{
    return update_one(s, "UPDATE contact SET verified = ?2 WHERE name = ?1", name, "verified", "contact.verify", e);
}

int store_contact_by_sign_pk(char *name, size_t namelen, int *verified, struct store *s,
                             const unsigned char *sign_pk, struct err *e)
{
    const struct db_val v[] = { DB_BLOB(sign_pk, crypto_sign_PUBLICKEYBYTES) };
    sqlite3_stmt *st;
    int rc;

    name[0] = '\0';
    *verified = 0;
    if (db_query(&st, s, "SELECT name, verified IS NOT NULL FROM contact WHERE sign_pk = ?1",
                 v, DB_N(v), e) != 0)
        return -1;
    rc = db_step(st, s, "looking up the sender", e);
    if (rc > 0) {
        snprintf(name, namelen, "%s", (const char *)sqlite3_column_text(st, 0));
        *verified = sqlite3_column_int(st, 1);
    }
    sqlite3_finalize(st);
    return rc < 0 ? -1 : 0;
}

int store_contact_held(long *records, long *owed, char *fp, size_t fplen, struct store *s,
                       const char *name, struct err *e)
{
    const struct db_val v[] = { DB_TEXT(name) };
    char card[CARD_TEXT_SIZE];
    struct card c;
    int rc;

    *records = *owed = 0;
    fp[0] = '\0';
    rc = existing_card(card, sizeof card, s, name, e);
    if (rc <= 0)
        return rc < 0 ? -1 : err_set(e, EXIT_INPUT, "no contact named '%s' (see 'intake contact list')", name);
    if (card_decode(&c, card, strlen(card), NULL) == 0)
        card_fingerprint(fp, fplen, &c);
    if (db_int(records, s, "SELECT count(DISTINCT er.rid) FROM export_record er"
               " JOIN export_recipient x ON x.export_id = er.export_id"
               " WHERE x.sign_pk = (SELECT sign_pk FROM contact WHERE name = ?1)", v, DB_N(v),
               "reading the exports", e) < 0 ||
        db_int(owed, s, "SELECT count(*) FROM notice WHERE sent IS NULL"
               " AND contact_pk = (SELECT sign_pk FROM contact WHERE name = ?1)", v, DB_N(v),
               "reading the notices", e) < 0)
        return -1;
    return 0;
}
