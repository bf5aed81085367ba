/* store/contact.c: contacts added by card, their key history, the safety
 * number confirmation, and what refuses a card. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/storeutil.h"

#include "crypto/card.h"
#include "store/db.h"                    /* contact_history, read directly */

struct new_card {
    struct card c;
    char text[CARD_TEXT_SIZE];
};

static void make_card(struct new_card *n, const char *label)
{
    unsigned char ssk[crypto_sign_SECRETKEYBYTES], bsk[crypto_box_SECRETKEYBYTES];
    struct err e;

    memset(n, 0, sizeof *n);
    n->c.version = CARD_VERSION;
    snprintf(n->c.label, sizeof n->c.label, "%s", label);
    crypto_sign_keypair(n->c.sign_pk, ssk);
    crypto_box_keypair(n->c.box_pk, bsk);
    if (card_encode(n->text, sizeof n->text, &n->c, &e) != 0)
        fail_msg("card: %s", e.msg);
}

struct contacts {
    char buf[512];
    int n;
};

/* "name verified-or-unverified;", checking the card text and the date. */
static int collect_contact(void *ctx, const struct contact_row *r, struct err *e)
{
    struct contacts *c = ctx;
    size_t used = strlen(c->buf);

    (void)e;
    assert_int_equal(strncmp(r->card, CARD_PREFIX, strlen(CARD_PREFIX)), 0);
    assert_int_equal(strlen(r->added), 20);
    assert_true(r->verified == NULL || strlen(r->verified) == 20);
    snprintf(c->buf + used, sizeof c->buf - used, "%s %s;", r->name,
             r->verified != NULL ? "verified" : "unverified");
    c->n++;
    return 0;
}

static void history(char *out, size_t outlen, struct store *s)
{
    sqlite3_stmt *st;
    size_t used = 0;

    out[0] = '\0';
    assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT c.name, h.event FROM contact_history h"
                                        " JOIN contact c ON c.id = h.contact_id ORDER BY h.id",
                                        -1, &st, NULL), SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW)
        used += (size_t)snprintf(out + used, outlen - used, "%s %s;", sqlite3_column_text(st, 0),
                                 sqlite3_column_text(st, 1));
    sqlite3_finalize(st);
}

static void test_add_confirm_list(void **state)
{
    struct fixture *f = *state;
    struct new_card hq, field;
    struct contacts c = { "", 0 };
    char name[CONTACT_NAME_MAX + 1], fp[CARD_FINGERPRINT_SIZE], want[128], h[256];
    int verified = -1;
    struct err e;

    make_card(&hq, "HQ");
    make_card(&field, "Min-ji");
    assert_int_equal(store_contact_add(f->s, "hq", &hq.c, hq.text, 0, &e), 0);
    /* The log names the card by its fingerprint, never by the contact's name. */
    card_fingerprint(fp, sizeof fp, &hq.c);
    snprintf(want, sizeof want, "contact.add %s", fp);
    expect_last_log(f->s, want);
    assert_int_equal(store_contact_add(f->s, "min-ji", &field.c, field.text, 0, &e), 0);
    assert_int_equal(store_contact_each(f->s, NULL, collect_contact, &c, &e), 0);
    assert_string_equal(c.buf, "hq unverified;min-ji unverified;");
    assert_int_equal(store_contact_confirm(f->s, "hq", &e), 0);
    snprintf(want, sizeof want, "contact.verify %s", fp);
    expect_last_log(f->s, want);
    c.buf[0] = '\0';
    assert_int_equal(store_contact_each(f->s, "hq", collect_contact, &c, &e), 0);
    assert_string_equal(c.buf, "hq verified;");
    assert_int_equal(store_contact_by_sign_pk(name, sizeof name, &verified, f->s, hq.c.sign_pk, &e), 0);
    assert_string_equal(name, "hq");
    assert_int_equal(verified, 1);
    assert_int_equal(store_contact_by_sign_pk(name, sizeof name, &verified, f->s, field.c.sign_pk, &e), 0);
    assert_string_equal(name, "min-ji");
    assert_int_equal(verified, 0);
    assert_int_equal(store_contact_by_sign_pk(name, sizeof name, &verified, f->s, field.c.box_pk, &e), 0);
    assert_string_equal(name, "");
    assert_int_equal(verified, 0);
    history(h, sizeof h, f->s);
    assert_string_equal(h, "hq added;min-ji added;hq verified;");
}

static void test_replace(void **state)
{
    struct fixture *f = *state;
    struct new_card old, new;
    struct contacts c = { "", 0 };
    char fo[CARD_FINGERPRINT_SIZE], fn[CARD_FINGERPRINT_SIZE], want[256], h[256];
    struct err e;

    make_card(&old, "HQ");
    make_card(&new, "HQ");
    card_fingerprint(fo, sizeof fo, &old.c);
    card_fingerprint(fn, sizeof fn, &new.c);
    assert_int_equal(store_contact_add(f->s, "hq", &old.c, old.text, 0, &e), 0);
    assert_int_equal(store_contact_confirm(f->s, "hq", &e), 0);
    assert_int_equal(store_contact_add(f->s, "hq", &new.c, new.text, 0, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    snprintf(want, sizeof want, "contact 'hq' already has a card (fingerprint %s); this one is %s:"
             " a key change is a security event, confirm it in person and use --replace", fo, fn);
    assert_string_equal(e.msg, want);
    /* Adding the same card again is a replacement too. */
    assert_int_equal(store_contact_add(f->s, "hq", &old.c, old.text, 0, &e), -1);
    assert_int_equal(store_contact_add(f->s, "hq", &new.c, new.text, 1, &e), 0);
    snprintf(want, sizeof want, "contact.replace %s", fn);
    expect_last_log(f->s, want);
    assert_int_equal(store_contact_each(f->s, NULL, collect_contact, &c, &e), 0);
    assert_string_equal(c.buf, "hq unverified;");
    history(h, sizeof h, f->s);
    assert_string_equal(h, "hq added;hq verified;hq replaced;");
}

static void test_refused_cards(void **state)
{
    struct fixture *f = *state;
    struct new_card a, own;
    struct contacts c = { "", 0 };
    char longname[CONTACT_NAME_MAX + 2];
    struct err e;

    make_card(&a, "A");
    assert_int_equal(store_contact_add(f->s, "a", &a.c, a.text, 0, &e), 0);
    assert_int_equal(store_contact_add(f->s, "b", &a.c, a.text, 0, &e), -1);
    assert_string_equal(e.msg, "these keys already belong to contact 'a'");
    assert_int_equal(store_contact_add(f->s, "b", &a.c, a.text, 1, &e), -1);
    assert_string_equal(e.msg, "these keys already belong to contact 'a'");
    /* This store's own card. */
    make_card(&own, "me");
    assert_int_equal(store_device_public(own.c.sign_pk, own.c.box_pk, f->s, &e), 0);
    assert_int_equal(store_contact_add(f->s, "me", &own.c, own.text, 0, &e), -1);
    assert_string_equal(e.msg, "that is this store's own card; add the other side's card");
    memset(longname, 'n', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    assert_int_equal(store_contact_add(f->s, longname, &own.c, own.text, 0, &e), -1);
    assert_string_equal(e.msg, "a contact NAME must be 1 to 64 characters of plain text");
    assert_int_equal(store_contact_add(f->s, "", &own.c, own.text, 0, &e), -1);
    assert_int_equal(store_contact_add(f->s, "tab\there", &own.c, own.text, 0, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_int_equal(store_contact_each(f->s, NULL, collect_contact, &c, &e), 0);
    assert_string_equal(c.buf, "a unverified;");
}

static void test_remove_and_unknown(void **state)
{
    struct fixture *f = *state;
    struct new_card a;
    struct contacts c = { "", 0 };
    char fp[CARD_FINGERPRINT_SIZE], want[128], h[64];
    struct err e;

    make_card(&a, "A");
    card_fingerprint(fp, sizeof fp, &a.c);
    assert_int_equal(store_contact_add(f->s, "a", &a.c, a.text, 0, &e), 0);
    assert_int_equal(store_contact_remove(f->s, "a", &e), 0);
    snprintf(want, sizeof want, "contact.remove %s", fp);
    expect_last_log(f->s, want);
    assert_int_equal(store_contact_each(f->s, NULL, collect_contact, &c, &e), 0);
    assert_int_equal(c.n, 0);
    history(h, sizeof h, f->s);
    assert_string_equal(h, "");          /* the history went with the contact */
    assert_int_equal(store_contact_remove(f->s, "a", &e), -1);
    assert_string_equal(e.msg, "no contact named 'a' (see 'intake contact list')");
    assert_int_equal(store_contact_confirm(f->s, "a", &e), -1);
    assert_string_equal(e.msg, "no contact named 'a' (see 'intake contact list')");
    assert_int_equal(store_contact_each(f->s, "a", collect_contact, &c, &e), -1);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_string_equal(e.msg, "no contact named 'a' (see 'intake contact list')");
    expect_last_log(f->s, want);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, open_fixture_setup, fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_add_confirm_list),
        T(test_replace),
        T(test_refused_cards),
        T(test_remove_and_unknown),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
