/* store/unpack.c under faults: `intake open -o DIR` writes decrypted
 * records, so a failure must leave none of them behind.  Each file call
 * (libcfault.h: the C library's; vfsfault.h: SQLite's own) fails in turn,
 * the 1st, 2nd, ... call of a kind, until a run makes no call that fails.
 * After each run that a fault reached:
 *   - 0, and DIR holds the whole folder; or -1 with an exit status and a
 *     message (never "damaged", never empty), and nothing at DIR, nothing
 *     hidden beside it, no note left in the store folder;
 *   - the store still opens and its log verifies.
 * Before the fix, a failing sync of DIR's parent after the folder was
 * moved into place reported failure and left DIR full of records. */
#include "tests/unit/faultrun.h"

#include "store/unpack.h"

static const struct fault faults[] = { FAULT_FILE_CALLS, FAULT_FILE_CALLS_MORE };

#define UNPACK_MAX 500           /* a loop that never ends is a failure */

/* One run: fault f on call n of store_unpack into out (in parent, empty);
 * whole: the entries of a complete folder.  1 if the fault landed. */
static int run(struct pair *p, const struct fault *f, unsigned long n, const char *parent,
               const char *out, int whole, unsigned long *failed)
{
    json_t *sum = NULL;
    struct log_check c;
    struct err e;
    char what[120];
    int rc, hit;

    fault_name(what, sizeof what, "open -o", f, n);
    err_clear(&e);
    fault_arm(f, n);
    rc = store_unpack(&sum, p->hq, p->out, out, &e);
    hit = fault_landed(f);

    if (rc == 0) {
        if (sum == NULL || count_entries(out) != whole || count_entries(parent) != 1)
            fail_msg("%s: 0, with %d of %d entries in the folder", what, count_entries(out),
                     whole);
        json_decref(sum);
        assert_int_equal(remove_tree(out), 0);
        /* A failed unlink of the note after success leaves the note,
         * unlocked: the next command of the store removes it. */
        if (hit && strcmp(f->call, "unlink") == 0)
            fileio_sweep_noted(p->hqdir);
        if (fault_hidden_entries(p->hqdir) != 0)
            fail_msg("%s: a note left in the store folder", what);
    } else {
        if (rc != -1 || sum != NULL || e.code == EXIT_OK || e.msg[0] == '\0')
            fail_msg("%s: returned %d, exit %d, message '%s'", what, rc, e.code, e.msg);
        if (!hit)
            fail_msg("%s: no fault, yet: %s", what, e.msg);
        if (strstr(e.msg, "damaged") != NULL || strstr(e.msg, "could not be removed") != NULL ||
            strstr(e.msg, "already exists") != NULL)
            fail_msg("%s: the message '%s'", what, e.msg);
        /* Nothing decrypted left: no folder, no hidden one, no note. */
        if (count_entries(parent) != 0)
            fail_msg("%s ('%s'): %d entries left beside the folder", what, e.msg,
                     count_entries(parent));
        if (fault_hidden_entries(p->hqdir) != 0)
            fail_msg("%s ('%s'): a note left in the store folder", what, e.msg);
        ++*failed;
    }
    err_clear(&e);
    if (store_log_verify(&c, p->hq, &e) != 0)
        fail_msg("%s: the log does not verify afterwards: %s", what, e.msg);
    return hit;
}

static void test_open_dir_faults(void **state)
{
    struct pair *p = *state;
    char parent[240], out[260];
    unsigned long runs = 0, failed = 0;
    json_t *sum;
    struct err e;
    int whole;

    attach_text(p->field, p->nari, "memo.txt", 0);
    assert_int_equal(export_to_hq(p, p->out), 1);
    add_contact(p->hq, "field", p->field);
    snprintf(parent, sizeof parent, "%s.parent", p->dir);
    assert_int_equal(mkdir(parent, 0700), 0);
    path_in(out, sizeof out, parent, "out");
    if (store_unpack(&sum, p->hq, p->out, out, &e) != 0)
        fail_msg("unpack: %s", e.msg);
    json_decref(sum);
    whole = count_entries(out);
    assert_true(whole >= 4);      /* ID.json, ID.md, the attachment, bundle.json */
    assert_int_equal(remove_tree(out), 0);

    for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++) {
        unsigned long n;

        for (n = 1; n <= UNPACK_MAX && run(p, &faults[i], n, parent, out, whole, &failed); n++)
            runs++;
        if (n > UNPACK_MAX)
            fail_msg("%s still failing after %d calls", faults[i].call, UNPACK_MAX);
    }
    print_message("open -o: %lu runs with a fault, %lu of them failed\n", runs, failed);
    assert_true(failed > 10);
    assert_int_equal(remove_tree(parent), 0);
}

/* The case that left records behind: the folder is in place, then its
 * parent cannot be synced.  The message says the folder went again. */
static void test_open_dir_parent_sync(void **state)
{
    struct pair *p = *state;
    char parent[240], out[260], want[900];
    json_t *sum = NULL;
    struct err e;
    unsigned long n;
    int rc = -1;

    assert_int_equal(export_to_hq(p, p->out), 1);
    add_contact(p->hq, "field", p->field);
    snprintf(parent, sizeof parent, "%s.parent", p->dir);
    assert_int_equal(mkdir(parent, 0700), 0);
    path_in(out, sizeof out, parent, "out");
    /* The last fsync store_unpack makes is the parent's. */
    for (n = 1; n < UNPACK_MAX; n++) {
        libcfault_arm("fsync", n, EIO, 1);
        rc = store_unpack(&sum, p->hq, p->out, out, &e);
        if (libcfault_landed() == 0)
            break;
        libcfault_disarm();
        json_decref(sum);
        sum = NULL;
        if (rc == 0)
            assert_int_equal(remove_tree(out), 0);
    }
    libcfault_disarm();
    assert_int_equal(rc, 0);
    json_decref(sum);
    assert_int_equal(remove_tree(out), 0);
    assert_true(n > 2);
    libcfault_arm("fsync", n - 1, EIO, 1);
    assert_int_equal(store_unpack(&sum, p->hq, p->out, out, &e), -1);
    libcfault_disarm();
    snprintf(want, sizeof want, "cannot sync folder %s: %s; the new folder %s was removed again",
             parent, strerror(EIO), out);
    assert_string_equal(e.msg, want);
    assert_int_equal(e.code, EXIT_INPUT);
    assert_int_equal(count_entries(parent), 0);
    assert_int_equal(fault_hidden_entries(p->hqdir), 0);
    assert_int_equal(remove_tree(parent), 0);
}

/* lstat failing on DIR is not "DIR already exists". */
static void test_open_dir_check_fails(void **state)
{
    struct pair *p = *state;
    char parent[240], out[260], want[600];
    json_t *sum = NULL;
    struct err e;

    assert_int_equal(export_to_hq(p, p->out), 1);
    add_contact(p->hq, "field", p->field);
    snprintf(parent, sizeof parent, "%s.parent", p->dir);
    assert_int_equal(mkdir(parent, 0700), 0);
    path_in(out, sizeof out, parent, "out");
    libcfault_arm("lstat", 1, EACCES, 1000);
    assert_int_equal(store_unpack(&sum, p->hq, p->out, out, &e), -1);
    libcfault_disarm();
    snprintf(want, sizeof want, "cannot read %s: %s", out, strerror(EACCES));
    assert_string_equal(e.msg, want);
    assert_int_equal(count_entries(parent), 0);
    assert_int_equal(remove_tree(parent), 0);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, pair_setup, pair_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_open_dir_parent_sync),
        T(test_open_dir_check_fails),
        T(test_open_dir_faults),
    };

    return fault_main(tests, pair_group_setup, teardown);
}
