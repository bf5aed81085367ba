/* Subjects: their pseudonyms, real names and terms; renaming and
 * forgetting them. */
#include "store/notice.h"
#include "store/subject.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "privacy/digestset.h"
#include "privacy/pseudonym.h"
#include "privacy/pseudonym_form.h"
#include "privacy/redact.h"
#include "store/db.h"
#include "store/privacy.h"
#include "store/term.h"
#include "store/tombstone_forget.h"
#include "util/lexicon.h"

#define MAX_NAMES 64

/* A new subject's terms, "CATEGORY:TEXT" split in place of pointers. */
struct new_terms {
    char category[MAX_NAMES][TERM_CATEGORY_MAX];
    const char *text[MAX_NAMES];
    size_t n;
};

int db_subject_id(long *id, struct store *s, const char *pseudonym, struct err *e)
{
    const struct db_val v[] = { DB_TEXT(pseudonym) };
    int rc = db_int(id, s, "SELECT " DB_SUBJECT_NAMED("?1"), v, DB_N(v),
                    "finding the subject", e);

    if (rc > 0 && *id == 0)
        rc = 0;   /* the subquery is NULL: no such subject */
    if (rc == 0)
        return err_set(e, EXIT_INPUT, "no subject with pseudonym '%s' (see 'intake subject list')",
                       pseudonym);
    return rc > 0 ? 0 : -1;
}

static int split_terms(struct new_terms *t, const char *const *terms, size_t nterms,
                       struct err *e)
{
    if (nterms > MAX_NAMES)
        return err_set(e, EXIT_INPUT, "at most %d terms at once", MAX_NAMES);
    for (t->n = 0; t->n < nterms; t->n++)
        if (term_spec_parse(t->category[t->n], sizeof t->category[0], &t->text[t->n],
                            terms[t->n], "a --term", e) != 0)
            return -1;
    return 0;
}

static int check_pseudonym_text(const char *p, const char *what, struct err *e)
{
    if (p[0] == '\0' || strlen(p) > 64 || text_check_field(p, strlen(p), what, e) != 0)
        return err_set(e, EXIT_INPUT, "%s must be 1 to 64 characters of plain text", what);
    /* An imported subject's pseudonym is the sender's, then '@' and the
     * sender's key (store/known.h): a pseudonym holding '@' could pass
     * for another sender's (adv16b C-9). */
    if (strchr(p, '@') != NULL)
        return err_set(e, EXIT_INPUT, "%s cannot hold '@': it separates an imported subject's "
                       "pseudonym from its sender's key", what);
    /* 'intake record edit ID' and 'record delete ID' take these words. */
    if (strcasecmp(p, "edit") == 0 || strcasecmp(p, "delete") == 0)
        return err_set(e, EXIT_INPUT, "%s cannot be '%s': 'intake record %s' is a command",
                       what, p, p);
    return 0;
}

/* 1 (e saying which) if a subject has a pseudonym that differs from p
 * only by case, white space or hyphens (pseudonym_key), p itself
 * included; 0 if none. */
static int pseudonym_taken(struct store *s, const char *p, struct err *e)
{
    const struct db_val v[] = { DB_TEXT(p) };
    sqlite3_stmt *st;
    int rc;

    if (db_query(&st, s, "SELECT pseudonym FROM subject"
                 " WHERE pseudonym_key(pseudonym) = pseudonym_key(?1) LIMIT 1", v, DB_N(v), e) != 0)
        return -1;
    rc = db_step(st, s, "reading the pseudonyms", e);
    if (rc > 0)
        err_set(e, EXIT_INPUT, "pseudonym '%s' is taken: the subject '%s' has it (pseudonyms "
                "that differ only by case, spaces or hyphens are one); choose another", p,
                (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return rc;
}

static int on_form(void *ctx, size_t start, size_t end, const char *flag, struct err *e)
{
    (void)start, (void)end, (void)flag, (void)e;
    *(int *)ctx = 1;
    return 1;
}

/* 1 if the audit's hit rules (the digest set export writes, over every
 * form of r) read a protected form in pseudonym p standing as a name, as a
 * replacement or a review flag: the check before export would then fail every record of
 * the subject (a short-name "Bat" of Батбаярын Алтангэрэл: report-adv26a
 * D-25).  0 if none, -1 with e (out of memory, bad text). */
static int audit_reads_form(const struct redactor *r, const char *p, struct err *e)
{
    struct digestset ds;
    char line[512];
    int hit = 0, rc;

    digestset_init(&ds);
    rc = digestset_add_redactor(&ds, r, WORDS_SEEN, e);
    /* Read where a pseudonym stands: in a sentence that marks a name
     * (the short-name rule needs one; "Bat" alone is also a word). */
    if (snprintf(line, sizeof line, "%s came to the office.", p) >= (int)sizeof line)
        rc = err_set(e, EXIT_INPUT, "pseudonym too long");
    if (rc == 0 && (rc = digestset_scan(&ds, line, strlen(line), on_form, &hit, e)) != 0 && hit)
        err_clear(e), rc = 0;
    /* A protected word of the sentence itself (a term "Office") is no
     * hit of the pseudonym: it refused every pseudonym (brief s29). */
    if (rc == 0 && hit) {
        int own = 0;
        if ((rc = digestset_scan(&ds, "It came to the office.", 22, on_form, &own, e)) != 0 && own)
            err_clear(e), rc = 0;
        hit = !own;
    }
    digestset_free(&ds);
    return rc != 0 ? -1 : hit;
}

/* The checks of pseudonym_ok, in their order: each 0 (none refuses p), 1
 * (refuses), or -1 with e. */
struct pseudonym_checks {
    struct store *s;
    const struct redactor *r;
    const char *p;
    const char *const *names, *const *extra;
    size_t nnames, nextra;
};

static size_t checks_count(const struct pseudonym_checks *c)
{
    return 5 + c->nnames;
}

static int check_one(const struct pseudonym_checks *c, size_t k, struct err *e)
{
    size_t len = strlen(c->p);

    switch (k) {
    case 0:
        return privacy_matches(c->r, c->p, e);
    case 1:
        return pseudonym_read_as_name(c->r, c->p, len, e);
    case 2:
        return audit_reads_form(c->r, c->p, e);
    case 3:
        /* the start of a name, or a diminutive of it (Dani, Mo, Koval:
         * report-adv27c H-10, docs/PSEUDONYMS.md) */
        return pseudonym_is_name_form(c->r, c->p, len, e);
    default:
        break;
    }
    /* a short part of the subject's own name in any script (Kim Lee for
     * Мария Ли: report-adv34 P-2), which no form of the redactor holds */
    if (k - 4 < c->nnames)
        return pseudonym_is_name_part(c->p, len, c->names[k - 4], strlen(c->names[k - 4]), e);
    return privacy_in_identities(c->s, c->p, c->extra, c->nextra, e);
}

/* The dictionaries whose load a check waits for only when no other check
 * refuses without them (lexicon_hold): hunspell-ko and hunspell-mn, 0.5 to
 * 0.8 CPU s a load; hunspell-en-us loads in 0.03 s. */
#define CHECKS_HELD ((1u << LEXICON_KO) | (1u << LEXICON_MN))

/* The answer of the first check (in check_one's order) that is not 0: 1
 * refuses p, -1 with e; 0 if none.  Each check runs first with the costly
 * dictionaries held back (lexicon_hold); one that asked none of them has
 * its answer.  A refusal so found refuses p whatever a check before it
 * that was held back answers loaded: that one refuses too, or finds
 * nothing, or fails only for want of memory (its errors about the text,
 * the store or the redactor come before any dictionary is asked, in the
 * held run too).  Else the held checks run again in order, loaded: the
 * same answers as running every check loaded, in order, without the loads
 * no answer needs (docs/SPEED.md, "Session 38 (cpu38)"). */
static int checks_run(const struct pseudonym_checks *c, struct err *e)
{
    unsigned char held[5 + MAX_NAMES] = { 0 };
    size_t n = checks_count(c), k, stop;
    struct err first;
    int rc = 0;

    for (stop = 0; stop < n; stop++) {
        lexicon_hold(n <= sizeof held ? CHECKS_HELD : 0);
        rc = check_one(c, stop, e);
        held[stop] = lexicon_held() != 0;
        lexicon_hold(0);
        if (held[stop])
            err_clear(e), rc = 0;
        else if (rc != 0)
            break;
    }
    if (rc > 0)
        return 1;
    first = *e;
    for (k = 0; k < stop && k < n; k++)
        if (held[k] && (rc = check_one(c, k, e)) != 0)
            return rc < 0 ? -1 : 1;
    *e = first;
    return stop < n ? -1 : 0;
}

/* A pseudonym must never be (a spelling of) a real name or another pseudonym. */
/* extra[0..nextra): the new subject's names and terms, not yet stored. */
static int pseudonym_ok(struct store *s, const struct redactor *r,
                        const char *p, const char *const *names, size_t nnames,
                        const char *const *extra, size_t nextra,
                        int generated, struct err *e)
{
    const struct pseudonym_checks c = { s, r, p, names, extra, nnames, nextra };
    struct pseudonym_checks cr = c;
    char reading[256];
    int rc = pseudonym_taken(s, p, e);

    if (rc != 0)
        return rc < 0 ? -1 : 0;
    rc = checks_run(&c, e);
    /* a word in another script read into Latin goes through the same
     * checks (ჯიჰო as Jiho for Roh Ji-ho: brief s38, report-adv37 P-1) */
    if (rc == 0 && (rc = pseudonym_latin_reading(reading, sizeof reading, p, strlen(p), e)) == 1) {
        cr.p = reading;
        rc = checks_run(&cr, e);
    }
    if (rc != 0)
        return rc < 0 ? -1 : 0;
    for (size_t i = 0; generated && i < nnames; i++)
        if (pseudonym_shares_syllable(p, names[i]) != 0)
            return 0;
    return 1;
}

static int choose_pseudonym(char *out, size_t outlen, struct store *s,
                            const char *const *names, size_t nnames,
                            const struct new_terms *t,
                            const char *given, const char *locale, struct err *e)
{
    const char *extra[2 * MAX_NAMES];
    size_t nextra = 0;
    struct redactor *r;
    int ok = 0;

    for (size_t i = 0; i < nnames && nextra < MAX_NAMES; i++)
        extra[nextra++] = names[i];
    for (size_t i = 0; t != NULL && i < t->n; i++)
        extra[nextra++] = t->text[i];
    if (redactor_new(&r, e) != 0)
        return -1;
    if (privacy_load(r, s, e) != 0)
        goto out;
    for (size_t i = 0; i < nnames; i++)
        if (redactor_add_term(r, TERM_PERSON, 0, names[i], strlen(names[i]), e) != 0)
            goto out;
    /* The new subject's names as a subject's too, with the forms export's
     * redactor makes of them (short forms, a patronym's stem): a pseudonym
     * read as one of them ("Bat" for Батбаярын Алтангэрэл) would stop every
     * record at export (report-adv26a D-25). */
    if (nnames > 0 && redactor_add_subject(r, LONG_MAX, "[new subject]", e) != 0)
        goto out;
    for (size_t i = 0; i < nnames; i++)
        if (redactor_add_name(r, LONG_MAX, names[i], strlen(names[i]), e) != 0)
            goto out;
    for (size_t i = 0; t != NULL && i < t->n; i++)
        if (redactor_add_term(r, TERM_OTHER, 0, t->text[i], strlen(t->text[i]), e) != 0)
            goto out;
    /* Asked about a pseudonym or a few: the plain index answers as the
     * compiled database would, without compiling every literal of the
     * store (45% of a subject add's CPU: docs/TESTING.md, "Session 37"). */
    if (redactor_compile_plain(r, e) != 0)
        goto out;
    if (given != NULL) {
        /* Its own message: the pseudonym it is too close to. */
        ok = pseudonym_taken(s, given, e);
        if (ok != 0) {
            ok = ok > 0 ? 0 : -1;
            goto out;
        }
        ok = pseudonym_ok(s, r, given, names, nnames, extra, nextra, 0, e);
        if (ok == 0)
            err_set(e, EXIT_INPUT, "pseudonym '%s' is taken or matches a real name in the store; choose another", given);
        else if (ok > 0 && snprintf(out, outlen, "%s", given) >= (int)outlen)
            ok = err_set(e, EXIT_INPUT, "pseudonym too long");
        goto out;
    }
    for (int tries = 0; tries < 200 && ok == 0; tries++) {
        if (pseudonym_generate(out, outlen, locale, e) != 0) {
            ok = -1;
            break;
        }
        ok = pseudonym_ok(s, r, out, names, nnames, extra, nextra, 1, e);
    }
    if (ok == 0)
        err_set(e, EXIT_INPUT, "could not find a free pseudonym; give one with --pseudonym");
out:
    redactor_free(r);
    return ok > 0 ? 0 : -1;
}

static int insert_subject(long *id, struct store *s, const char *pseudonym,
                          const char *contact, const char *note,
                          const char *locale, struct err *e)
{
    char now[32], uid[RECORD_ID_CHARS + 1];
    const struct db_val v[] = {
        DB_TEXT(pseudonym), DB_TEXT(contact), DB_TEXT(note), DB_TEXT(locale), DB_TEXT(now),
        DB_TEXT(uid),
    };

    db_now(now, sizeof now);
    db_new_id(uid);
    if (db_run(s, "INSERT INTO subject(pseudonym, contact, note, locale, created, uid)"
               " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", v, DB_N(v), "adding the subject", e) != 0)
        return -1;
    *id = sqlite3_last_insert_rowid(s->db);
    return 0;
}

static int insert_names(struct store *s, long id, const char *const *names,
                        size_t nnames, struct err *e)
{
    for (size_t i = 0; i < nnames; i++) {
        const struct db_val v[] = { DB_INT(id), DB_TEXT(names[i]) };
        if (db_run(s, "INSERT INTO subject_name(subject_id, name) VALUES (?1, ?2)", v, DB_N(v),
                   "adding the subject's names", e) != 0)
            return -1;
    }
    return 0;
}

static int check_subject_input(const char *const *names, size_t nnames,
                               const char *contact, const char *note,
                               const char *pseudonym, struct err *e)
{
    if (nnames == 0)
        return err_set(e, EXIT_INPUT, "give at least one --name");
    if (nnames > MAX_NAMES)
        return err_set(e, EXIT_INPUT, "at most %d names per subject", MAX_NAMES);
    for (size_t i = 0; i < nnames; i++)
        if (identity_check(names[i], "a --name", e) != 0)
            return -1;
    if (contact != NULL && (strlen(contact) > TEXT_FIELD_MAX ||
                            text_check(contact, strlen(contact), 1, "--contact", e) != 0))
        return err_set(e, EXIT_INPUT, "--contact is too long or not valid text");
    if (note != NULL && (strlen(note) > BODY_MAX ||
                         text_check(note, strlen(note), 1, "--note", e) != 0))
        return err_set(e, EXIT_INPUT, "--note is too long or not valid text");
    return pseudonym != NULL ? check_pseudonym_text(pseudonym, "--pseudonym", e) : 0;
}

static int insert_terms(struct store *s, long id, const struct new_terms *t,
                        struct err *e)
{
    long tid;

    for (size_t i = 0; i < t->n; i++)
        if (db_term_insert(&tid, s, id, t->category[i], t->text[i], e) != 0)
            return -1;
    return 0;
}

static int log_subject(struct store *s, const char *action, long id, struct err *e)
{
    char text[32];

    snprintf(text, sizeof text, "%ld", id);
    return store_log(s, action, text, e);
}

int store_subject_add(char *out, size_t outlen, struct store *s,
                      const char *const *names, size_t nnames,
                      const char *contact, const char *note,
                      const char *pseudonym, const char *locale,
                      struct err *e)
{
    return store_subject_add_terms(out, outlen, s, names, nnames, NULL, 0, contact, note,
                                   pseudonym, locale, e);
}

int store_subject_add_check(const char *const *names, size_t nnames,
                            const char *const *terms, size_t nterms,
                            const char *contact, const char *note,
                            const char *pseudonym, struct err *e)
{
    struct new_terms t;

    return check_subject_input(names, nnames, contact, note, pseudonym, e) == 0 &&
           split_terms(&t, terms, nterms, e) == 0 ? 0 : -1;
}

int store_pseudonym_check(const char *p, const char *what, struct err *e)
{
    return check_pseudonym_text(p, what, e);
}

int store_subject_add_terms(char *out, size_t outlen, struct store *s,
                            const char *const *names, size_t nnames,
                            const char *const *terms, size_t nterms,
                            const char *contact, const char *note,
                            const char *pseudonym, const char *locale,
                            struct err *e)
{
    struct new_terms t;
    long id;

    if (store_subject_add_check(names, nnames, terms, nterms, contact, note, pseudonym, e) != 0 ||
        split_terms(&t, terms, nterms, e) != 0 || store_begin(s, e) != 0)
        return -1;
    if (privacy_check_pseudonyms(s, -1, names, nnames, e) != 0 ||
        choose_pseudonym(out, outlen, s, names, nnames, &t, pseudonym, locale, e) != 0 ||
        insert_subject(&id, s, out, contact, note, locale, e) != 0 ||
        insert_names(s, id, names, nnames, e) != 0 ||
        insert_terms(s, id, &t, e) != 0 ||
        log_subject(s, "subject.add", id, e) != 0) {
        store_rollback(s);
        return -1;
    }
    return store_commit(s, e);
}

int store_subject_term(long *id, struct store *s, const char *pseudonym,
                       const char *category, const char *text, struct err *e)
{
    long sid;

    if (store_begin(s, e) != 0)
        return -1;
    if (db_subject_id(&sid, s, pseudonym, e) != 0 ||
        db_term_insert(id, s, sid, category, text, e) != 0) {
        store_rollback(s);
        return -1;
    }
    return store_commit(s, e);
}

static int set_pseudonym(struct store *s, long id, const char *p, struct err *e)
{
    const struct db_val v[] = { DB_TEXT(p), DB_INT(id) };

    return db_run(s, "UPDATE subject SET pseudonym = ?1 WHERE id = ?2", v, DB_N(v),
                  "renaming the subject", e);
}

static int subject_names(struct subject_row *row, char ***names, struct store *s,
                         struct err *e);
static void free_names(char **names);

/* The new pseudonym passes every check subject add makes (pseudonym_ok),
 * the subject's own names included: a form of one of them (a root, a
 * translation, an initial and tail: docs/PSEUDONYMS.md) is refused here
 * as there (report-adv53b: rename asked none of them). */
int store_subject_rename(struct store *s, const char *pseudonym,
                         const char *newp, struct err *e)
{
    struct subject_row row = { 0 };
    char out[128], **names = NULL;
    long id;
    int rc = -1;

    if (check_pseudonym_text(newp, "the new pseudonym", e) != 0 || store_begin(s, e) != 0)
        return -1;
    if (db_subject_id(&id, s, pseudonym, e) == 0 && (row.id = id, subject_names(&row, &names, s, e)) == 0 &&
        choose_pseudonym(out, sizeof out, s, row.names, row.nnames, NULL, newp, NULL, e) == 0 &&
        set_pseudonym(s, id, newp, e) == 0 && log_subject(s, "subject.rename", id, e) == 0)
        rc = 0;
    free_names(names);
    if (rc != 0) {
        store_rollback(s);
        return -1;
    }
    return store_commit(s, e);
}

/* Deletes the subject's rows; the record index first (its rows are keyed
 * by record id, not by a foreign key), then the subject, whose foreign keys
 * cascade to names, terms, consent, records and tags. */
static const char *const forget_sql[] = {
    "DELETE FROM record_fts WHERE docid IN (SELECT id FROM record WHERE subject_id = ?1)",
    "DELETE FROM record_tag WHERE record_id IN (SELECT id FROM record WHERE subject_id = ?1)",
    "DELETE FROM record WHERE subject_id = ?1",
    "DELETE FROM term WHERE subject_id = ?1",
    "DELETE FROM consent WHERE subject_id = ?1",
    "DELETE FROM subject_name WHERE subject_id = ?1",
    "DELETE FROM subject_origin WHERE subject_id = ?1",
    "DELETE FROM subject WHERE id = ?1",
};

static int forget_rows(long *nrecords, struct store *s, long id, struct err *e)
{
    const struct db_val v[] = { DB_INT(id) };

    for (size_t i = 0; i < sizeof forget_sql / sizeof forget_sql[0]; i++) {
        if (db_run(s, forget_sql[i], v, DB_N(v), "forgetting the subject", e) != 0)
            return -1;
        if (i == 2)
            *nrecords = sqlite3_changes(s->db);
    }
    return 0;
}

int store_subject_forget(long *nrecords, struct store *s, const char *pseudonym,
                         struct err *e)
{
    char today[32], done[300];
    const struct db_val v[] = { DB_TEXT(today) };
    long id;

    *nrecords = 0;
    db_now(today, sizeof today);
    today[10] = '\0';
    if (store_begin(s, e) != 0)
        return -1;
    if (db_subject_id(&id, s, pseudonym, e) != 0 ||
        db_notice_owed(s, "deletion", id, 0, e) != 0 ||
        db_tombstone_forget(s, id, e) != 0 || forget_rows(nrecords, s, id, e) != 0 ||
        /* FTS4 keeps deleted words in older index segments until they are
         * merged: merge them all now (secure_delete zeroes the freed pages). */
        db_scrub(s, e) != 0 ||
        db_run(s, "INSERT INTO forgotten(day) VALUES (?1)", v, DB_N(v), "forgetting the subject", e) != 0 ||
        log_subject(s, "subject.forget", id, e) != 0) {
        store_rollback(s);
        return -1;
    }
    if (store_commit(s, e) != 0)
        return -1;
    /* Old copies of the pages stay in the write-ahead log until it is
     * checkpointed; truncate it (what flash keeps is beyond reach: SECURITY.md). */
    snprintf(done, sizeof done, "%s was forgotten", pseudonym);
    return db_checkpoint_after(s, done, e);
}

int store_forgotten_count(long *n, struct store *s, struct err *e)
{
    *n = 0;
    return db_int(n, s, "SELECT count(*) FROM forgotten", NULL, 0, "counting forgotten subjects",
                  e) < 0 ? -1 : 0;
}

static int subject_names(struct subject_row *row, char ***names, struct store *s,
                         struct err *e)
{
    const struct db_val v[] = { DB_INT(row->id) };
    sqlite3_stmt *st;
    size_t n = 0;
    int rc = 0;

    *names = calloc(MAX_NAMES + 1, sizeof **names);
    if (*names == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    if (db_query(&st, s, "SELECT name FROM subject_name WHERE subject_id = ?1 ORDER BY id",
                 v, DB_N(v), e) != 0)
        return -1;
    while (n < MAX_NAMES && (rc = db_step(st, s, "reading the subject's names", e)) > 0)
        (*names)[n++] = strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    row->names = (const char *const *)*names;
    row->nnames = n;
    return rc < 0 ? -1 : 0;
}

static void free_names(char **names)
{
    if (names == NULL)
        return;
    for (size_t i = 0; names[i] != NULL; i++) {
        sodium_memzero(names[i], strlen(names[i]));
        free(names[i]);
    }
    free(names);
}

int store_subject_each(struct store *s, const char *pseudonym, int reveal,
                       subject_fn fn, void *ctx, struct err *e)
{
    const struct db_val v[] = { DB_TEXT(pseudonym) };
    sqlite3_stmt *st;
    int rc, found = 0;

    if (db_query(&st, s, "SELECT s.id, s.pseudonym, s.created, s.locale, s.contact, s.note,"
                 " (SELECT count(*) FROM record r WHERE r.subject_id = s.id),"
                 " (SELECT max(date) FROM record r WHERE r.subject_id = s.id), s.uid"
                 " FROM subject s WHERE ?1 IS NULL OR s.id = " DB_SUBJECT_NAMED("?1") " ORDER BY s.id",
                 v, DB_N(v), e) != 0)
        return -1;
    while ((rc = db_step(st, s, "reading the subjects", e)) > 0) {
        struct subject_row row = { 0 };
        char **names = NULL;
        found = 1;
        row.id = sqlite3_column_int64(st, 0);
        row.pseudonym = (const char *)sqlite3_column_text(st, 1);
        row.created = (const char *)sqlite3_column_text(st, 2);
        row.locale = (const char *)sqlite3_column_text(st, 3);
        row.nrecords = sqlite3_column_int64(st, 6);
        row.last_date = (const char *)sqlite3_column_text(st, 7);
        row.uid = (const char *)sqlite3_column_text(st, 8);
        if (reveal) {
            row.contact = (const char *)sqlite3_column_text(st, 4);
            row.note = (const char *)sqlite3_column_text(st, 5);
        }
        rc = reveal ? subject_names(&row, &names, s, e) : 0;
        if (rc == 0)
            rc = fn(ctx, &row, e);
        free_names(names);
        if (rc != 0)
            break;
    }
    sqlite3_finalize(st);
    if (rc == 0 && pseudonym != NULL && !found)
        return err_set(e, EXIT_INPUT, "no subject with pseudonym '%s' (see 'intake subject list')", pseudonym);
    return rc;
}
