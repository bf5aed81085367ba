/* Every fault, in turn, under each of the store's writing and opening
 * entry points (issue 14: "every error return of store/ and util/
 * reached by an injected fault").  For each entry point and each
 * faultable call (the C library's file calls through libcfault.h,
 * SQLite's own reads and writes through vfsfault.h, sodium_malloc for
 * the memory that holds secrets), the 1st, 2nd, ... Nth call fails, on a
 * fresh store each time, until a run makes no call that fails.  The
 * same for util/fileio.c's file_write_atomic (the old content or the new,
 * never a mix, no temporary file left) and file_read_all.  Each run of a
 * store entry point that a fault reached must:
 *   - return 0, or -1 with an exit status and a message (never empty);
 *   - leave the store opening, afterwards, with the passphrase that the
 *     result says works, holding every record acknowledged before and
 *     the new one exactly when 0 was returned, its log intact;
 *   - leak nothing (the SAN build's LeakSanitizer checks at exit).
 * The whole enumeration takes minutes (a store made and synced per run:
 * 9.5 minutes at load 14 on 2 cores, 227 runs): make check runs a
 * sample, one fault kind in INJECT_SAMPLE per store entry point (a
 * different one each; every kind for util/'s), its first INJECT_BOUND
 * calls; make inject and make coverage set INTAKE_INJECT_ALL=1 for every
 * kind and every call. */
#include "tests/unit/faultrun.h"
#include <signal.h>
#include <sys/wait.h>
#include "store/attach.h"

/* ---- sodium_malloc failing (out of memory) ---- */

static struct {
    unsigned long n, seen;       /* n: the call to fail, 0: none */
    int landed;
} oom;

static void *(*next_sodium_malloc)(size_t);
void *sodium_malloc(size_t size)
{
    LIBCFAULT_NEXT(sodium_malloc);
    if (oom.n != 0 && ++oom.seen == oom.n) {
        oom.landed = 1;
        errno = ENOMEM;
        return NULL;
    }
    return next_sodium_malloc(size);
}

/* ---- SQLite's own allocations failing (through the store's wiping
 * allocator, store/db.c, which this wraps once the store installed it) ---- */

static sqlite3_mem_methods sql_mem;      /* the store's */
static struct {
    unsigned long n, seen;               /* n: the allocation to fail, 0: none */
    int landed;
} sqloom;

static int sqloom_hit(void)
{
    if (sqloom.n != 0 && ++sqloom.seen == sqloom.n) {
        sqloom.landed = 1;
        return 1;
    }
    return 0;
}

static void *sqloom_malloc(int n)
{
    return sqloom_hit() ? NULL : sql_mem.xMalloc(n);
}

static void *sqloom_realloc(void *q, int n)
{
    return sqloom_hit() ? NULL : sql_mem.xRealloc(q, n);
}

/* Makes a store (SQLite then runs on the store's allocator), shuts SQLite
 * down and puts the counting allocator around the store's. 0 or -1. */
static int sqloom_install(void)
{
    char dir[] = "/tmp/intake-inject-XXXXXX", sub[64];
    struct store_params p = { "field kit", "ko", OPS, MEM };
    unsigned char recovery[RECOVERY_KEY_BYTES];
    static sqlite3_mem_methods mine;
    struct err e;
    int rc;

    if (mkdtemp(dir) == NULL)
        return -1;
    snprintf(sub, sizeof sub, "%s/s", dir);
    recovery_key_new(recovery);
    rc = store_create(sub, &p, pass, strlen(pass), recovery, &e);
    remove_tree(dir);
    if (rc != 0 || sqlite3_shutdown() != SQLITE_OK ||
        sqlite3_config(SQLITE_CONFIG_GETMALLOC, &sql_mem) != SQLITE_OK)
        return -1;
    mine = sql_mem;
    mine.xMalloc = sqloom_malloc;
    mine.xRealloc = sqloom_realloc;
    return sqlite3_config(SQLITE_CONFIG_MALLOC, &mine) == SQLITE_OK ? 0 : -1;
}

/* ---- a run in a child: SQLCipher itself may crash when an allocation
 * fails (docs/COVERAGE.md) ---- */

static int in_child;

/* cmocka's failure, in the child: its exit status says so. */
void _fail(const char *const file, const int line);
void _fail(const char *const file, const int line)
{
    static void (*next)(const char *, int);

    if (in_child)
        child_exit(3);
    if (next == NULL)
        *(void **)&next = dlsym(RTLD_NEXT, "_fail");
    next(file, line);
    abort();
}

/* ---- the faults ---- */

/* Besides the file calls (faultrun.h): sodium_malloc, SQLite's allocations. */
enum { OOM = FAULT_OWN, SQLOOM };
static const struct fault faults[] = {
    FAULT_FILE_CALLS,
    { OOM, "sodium_malloc", ENOMEM },
    { SQLOOM, "SQLite's allocation", ENOMEM },
    FAULT_FILE_CALLS_MORE,       /* after: the sample keeps its kinds */
};

static void arm(const struct fault *f, unsigned long n)
{
    if (f->via == OOM)
        oom = (__typeof__(oom)){ n, 0, 0 };
    else if (f->via == SQLOOM)
        sqloom = (__typeof__(sqloom)){ n, 0, 0 };
    else
        fault_arm(f, n);
}

/* 1 if the armed fault happened; disarms. */
static int landed(const struct fault *f)
{
    int l = f->via == OOM ? oom.landed : f->via == SQLOOM ? sqloom.landed : 0;

    l |= fault_landed(f);        /* the file calls' (0 for the two above), disarmed */
    oom.n = 0;
    sqloom.n = 0;
    return l;
}

#define INJECT_SAMPLE 5          /* make check: one kind in 5 */
#define INJECT_BOUND 3           /* make check: calls of each kind */
#define INJECT_MAX 2000          /* a loop that never ends is a failure */

static int inject_all(void)
{
    const char *all = getenv("INTAKE_INJECT_ALL");

    return all != NULL && strcmp(all, "1") == 0;
}

/* ---- the entry points ---- */

/* What one run starts from and what it left. */
struct run {
    char dir[200];
    struct store *s;             /* open before the call, for those that need it */
    int before;                  /* records acknowledged before the call */
    const char *works;           /* the passphrase that opens the store after */
    char record[RECORD_ID_CHARS + 1];    /* the record acknowledged before */
    char side[240];              /* a file or folder beside the store */
    struct card card;            /* hq's card (NEEDS_STORES) */
    char cardtext[CARD_TEXT_SIZE];
};

struct entry {
    const char *name;
    int needs_store;             /* 1: a store with one subject and record */
    int open;                    /* 1: open during the call */
    int (*call)(struct run *r, struct err *e);
    int adds;                    /* records the call adds when it returns 0 */
    /* util/ entry points: what must hold afterwards (NULL: a store's
     * checks, above) */
    void (*after)(struct run *r, int rc, const char *what);
    /* a store's entry point: what it must leave beside the store, too */
    void (*also)(struct run *r, int rc, const struct err *e, const char *what);
    int needs;                   /* NEEDS_ bits: what prepare adds */
};

#define NEEDS_HQ 1               /* contact "hq", Nari may be exported */
#define NEEDS_SENT 2             /* ... exported to hq, then withdrawn */
#define NEEDS_BUNDLE 4           /* a bundle from "field" in r->side */
#define NEEDS_FILE 8             /* a file to attach in r->side */
#define NEEDS_STORES 16          /* g_hq and g_field made */

/* Two stores made once: hq receives exports, field sends imports. */
static struct store *g_hq, *g_field;

static int do_create(struct run *r, struct err *e)
{
    struct store_params p = { "field kit", "ko", OPS, MEM };
    unsigned char recovery[RECOVERY_KEY_BYTES];

    recovery_key_new(recovery);
    return store_create(r->dir, &p, pass, strlen(pass), recovery, e);
}

static int do_open(struct run *r, struct err *e)
{
    struct store *s = NULL;
    int rc = store_open(&s, r->dir, KEYSLOT_PASSPHRASE, (const unsigned char *)pass,
                        strlen(pass), e);

    if ((rc == 0) != (s != NULL))
        fail_msg("store_open returned %d with %s store", rc, s ? "a" : "no");
    store_close(s);
    return rc;
}

static int do_record(struct run *r, struct err *e)
{
    struct record_row row = { 0 };
    char id[RECORD_ID_CHARS + 1];

    row.title = "Second";
    row.date = "2026-11-30";
    row.body = "The second testimony.";
    return store_record_add(id, sizeof id, r->s, "Nari", &row, e);
}

static int do_subject(struct run *r, struct err *e)
{
    const char *names[] = { "Pak Chol" };
    char out[128];

    return store_subject_add(out, sizeof out, r->s, names, 1, NULL, NULL, "Dal", "ko", e);
}

static int do_passwd(struct run *r, struct err *e)
{
    int rc = store_set_passphrase(r->s, newpass, strlen(newpass), e);

    /* Which works after a failure, e says; open_with tries both. */
    r->works = rc == 0 ? newpass : NULL;
    return rc;
}

/* util/fileio.c: a file replaced atomically, and read whole. */
static const char old_text[] = "the old content", new_text[] = "the new content, longer";

static void file_path(char *out, size_t outlen, const struct run *r)
{
    path_in(out, outlen, r->dir, "file");
}

static int do_write_atomic(struct run *r, struct err *e)
{
    char path[400];

    file_path(path, sizeof path, r);
    return file_write_atomic(path, new_text, strlen(new_text), 1, e);
}

/* The old content or, after 0, the new; nothing else in the folder. */
static void write_atomic_after(struct run *r, int rc, const char *what)
{
    char path[400];
    unsigned char *got;
    size_t len;

    file_path(path, sizeof path, r);
    got = slurp(path, &len);
    if (!(len == strlen(new_text) && memcmp(got, new_text, len) == 0) &&
        (rc == 0 || !(len == strlen(old_text) && memcmp(got, old_text, len) == 0)))
        fail_msg("%s: the file holds '%.*s'", what, (int)len, (const char *)got);
    free(got);
    if (count_entries(r->dir) != 1)
        fail_msg("%s: %d files left in the folder", what, count_entries(r->dir));
}

static int do_read_all(struct run *r, struct err *e)
{
    char path[400];
    unsigned char *got = NULL;
    size_t len = 0;
    int rc;

    file_path(path, sizeof path, r);
    rc = file_read_all(path, 1024, &got, &len, "the file", e);
    if (rc == 0 && (len != strlen(old_text) || memcmp(got, old_text, len) != 0))
        fail_msg("file_read_all returned 0 and '%.*s'", (int)len, (const char *)got);
    free(got);
    return rc;
}

static void read_all_after(struct run *r, int rc, const char *what)
{
    (void)r;
    (void)rc;
    (void)what;
}


/* ---- the other writing commands (issue 14: export, import, open -o in
 * test_unpack_faults.c, attach, rekey, forget, contact add, withdrawal and
 * notify, consent) ---- */

static int do_consent(struct run *r, struct err *e)
{
    struct consent_change c = { 1, 1, -1, -1, "written", NULL, 0, 0 };

    return store_consent_set(r->s, "Nari", &c, e);
}

static int do_withdraw(struct run *r, struct err *e)
{
    struct consent_change c = { -1, -1, -1, -1, NULL, NULL, 1, 0 };

    return store_consent_set(r->s, "Nari", &c, e);
}

static int do_forget(struct run *r, struct err *e)
{
    long n = 0;

    return store_subject_forget(&n, r->s, "Nari", e);
}

static int do_contact(struct run *r, struct err *e)
{
    return store_contact_add(r->s, "hq", &r->card, r->cardtext, 0, e);
}

static int confirm_any(void *ctx, const char *contact)
{
    (void)ctx;
    (void)contact;
    return 1;
}

static int export_to(struct run *r, int notices_only, struct err *e)
{
    static const char *const to[] = { "hq" };
    struct export_request req = { .to = to, .nto = 1, .confirm = confirm_any,
                                  .skip_blocked = 1, .notices_only = notices_only };
    struct export_result res;
    char out[300];
    int rc;

    snprintf(out, sizeof out, "%s/b.bundle", r->side);
    req.out = out;
    rc = store_export(&res, r->s, &req, e);
    export_result_free(&res);   /* filled as far as it got, failure or not (store/export.h) */
    return rc;
}

static int do_export(struct run *r, struct err *e)
{
    return export_to(r, 0, e);
}

static int do_notify(struct run *r, struct err *e)
{
    return export_to(r, 1, e);
}

/* The bundle: there after 0; else nothing in its folder, not even a
 * hidden partial one, unless the message says it was written. */
static void export_also(struct run *r, int rc, const struct err *e, const char *what)
{
    int n = count_entries(r->side);

    if (rc == 0 ? n != 1 : (n != 0 && strstr(e->msg, "written") == NULL &&
                            strstr(e->msg, "saved") == NULL))
        fail_msg("%s ('%s'): %d files in the bundle's folder", what, e->msg, n);
}

static int do_import(struct run *r, struct err *e)
{
    struct import_result res;

    return store_import(&res, r->s, r->side, 0, e);
}

static int attach_file(struct run *r, int remove, struct err *e)
{
    struct attach_source src;
    unsigned char hash[ATTACHMENT_HASHBYTES];
    int rc;

    rc = attach_source_open(&src, r->side, remove, e);
    if (rc == 0)
        rc = store_attach(hash, r->s, r->record, &src, e);
    if (rc == 0 && remove)
        rc = store_attach_remove_source(r->s, r->record, &src, hash, e);
    attach_source_close(&src);
    return rc;
}

static int do_attach(struct run *r, struct err *e)
{
    return attach_file(r, 0, e);
}

static int do_attach_remove(struct run *r, struct err *e)
{
    return attach_file(r, 1, e);
}

/* The recording: kept by a plain attach, and by --remove-source unless
 * it said it removed it. */
static void attach_also(struct run *r, int rc, const struct err *e, const char *what)
{
    struct stat st;
    int there = lstat(r->side, &st) == 0;

    if (!there && (rc != 0 || strcmp(what, "attach") == 0) && strstr(e->msg, "removed") == NULL)
        fail_msg("%s ('%s'): the recording is gone", what, e->msg);
}

static void attach_remove_also(struct run *r, int rc, const struct err *e, const char *what)
{
    struct stat st;

    if (rc == 0 && lstat(r->side, &st) == 0)
        fail_msg("%s: removed, yet the recording is there", what);
    attach_also(r, rc, e, what);
}

static int do_rekey(struct run *r, struct err *e)
{
    unsigned char recovery[RECOVERY_KEY_BYTES];
    int rekeyed = 0, rc;

    recovery_key_new(recovery);
    rc = store_rekey(&rekeyed, r->s, newpass, strlen(newpass), recovery, NULL, NULL, e);
    /* A rekey that says it is done must open with the new passphrase
     * (one once returned 0 after its keyslots.rekey failed to write). */
    r->works = rc == 0 || rekeyed ? newpass : pass;
    return rc;
}

static const struct entry entries[] = {
    { "store_create", 0, 0, do_create, 0, NULL, NULL, 0 },
    { "store_open", 1, 0, do_open, 0, NULL, NULL, 0 },
    { "store_record_add", 1, 1, do_record, 1, NULL, NULL, 0 },
    { "store_subject_add", 1, 1, do_subject, 0, NULL, NULL, 0 },
    { "store_set_passphrase", 1, 1, do_passwd, 0, NULL, NULL, 0 },
    { "file_write_atomic", 0, 0, do_write_atomic, 0, write_atomic_after, NULL, 0 },
    { "file_read_all", 0, 0, do_read_all, 0, read_all_after, NULL, 0 },
    { "consent", 1, 1, do_consent, 0, NULL, NULL, 0 },
    { "withdrawal", 1, 1, do_withdraw, 0, NULL, NULL, 0 },
    { "forget", 1, 1, do_forget, -1, NULL, NULL, 0 },
    { "contact add", 1, 1, do_contact, 0, NULL, NULL, NEEDS_STORES },
    { "export", 1, 1, do_export, 0, NULL, export_also, NEEDS_HQ },
    { "notify", 1, 1, do_notify, 0, NULL, export_also, NEEDS_HQ | NEEDS_SENT },
    { "import", 1, 1, do_import, 1, NULL, NULL, NEEDS_BUNDLE },
    { "attach", 1, 1, do_attach, 0, NULL, attach_also, NEEDS_FILE },
    { "attach --remove-source", 1, 1, do_attach_remove, 0, NULL, attach_remove_also, NEEDS_FILE },
    { "rekey", 1, 1, do_rekey, 0, NULL, NULL, 0 },
};

static int count_records(void *ctx, const struct record_row *row, struct err *e)
{
    (void)row;
    (void)e;
    ++*(int *)ctx;
    return 0;
}

/* Opens dir with p, or with the other passphrase when p is NULL (a failed
 * passwd may leave either, as its message says): the records it holds,
 * -1 if it does not open or its log is broken. */
static int open_with(const char *dir, const char *p, const char *what)
{
    struct store *s = NULL;
    struct record_filter all = { 0 };
    struct log_check c;
    struct err e;
    int n = 0;

    err_clear(&e);
    if (store_open(&s, dir, KEYSLOT_PASSPHRASE, (const unsigned char *)(p ? p : pass),
                   strlen(p ? p : pass), &e) != 0) {
        if (p != NULL)
            fail_msg("%s: the store does not open afterwards: %s", what, e.msg);
        return open_with(dir, newpass, what);
    }
    if (store_log_verify(&c, s, &e) != 0)
        fail_msg("%s: the log does not verify afterwards: %s", what, e.msg);
    if (store_record_each(s, &all, count_records, &n, &e) != 0)
        fail_msg("%s: listing records afterwards: %s", what, e.msg);
    store_close(s);
    return n;
}


/* What x needs besides the store (NEEDS_ bits), made unarmed. */
static void prepare_needs(struct run *r, const struct entry *x)
{
    struct consent_change yes = { 1, -1, -1, 1, "verbal", NULL, 0, 0 };
    struct err e;

    if (x->needs & (NEEDS_HQ | NEEDS_BUNDLE | NEEDS_STORES)) {
        if (g_hq == NULL) {
            char d[200];
            snprintf(d, sizeof d, "%s/inject-hq%ld", root, (long)getpid());
            g_hq = new_store(d, "hq");
            snprintf(d, sizeof d, "%s/inject-field%ld", root, (long)getpid());
            g_field = new_store(d, "field");
            add_subject(g_field, "Bat-Erdene", "Saran");
            if (store_consent_set(g_field, "Saran", &yes, &e) != 0)
                fail_msg("consent: %s", e.msg);
            {
                char id[RECORD_ID_CHARS + 1];
                add_record(id, g_field, "Saran", "Crossing", "2026-11-28", "Saran spoke.");
            }
        }
    }
    if (x->needs & NEEDS_STORES) {
        r->card = (struct card){ .version = CARD_VERSION };
        snprintf(r->card.label, sizeof r->card.label, "hq");
        if (store_device_public(r->card.sign_pk, r->card.box_pk, g_hq, &e) != 0 ||
            card_encode(r->cardtext, sizeof r->cardtext, &r->card, &e) != 0)
            fail_msg("the card of hq: %s", e.msg);
    }
    if (x->needs & NEEDS_HQ) {
        add_contact(r->s, "hq", g_hq);
        if (store_consent_set(r->s, "Nari", &yes, &e) != 0)
            fail_msg("consent: %s", e.msg);
        assert_int_equal(mkdir(r->side, 0700), 0);
    }
    if (x->needs & NEEDS_SENT) {
        struct consent_change no = { -1, -1, -1, -1, NULL, NULL, 1, 0 };
        assert_int_equal(do_export(r, &e), 0);
        assert_int_equal(remove_tree(r->side), 0);
        assert_int_equal(mkdir(r->side, 0700), 0);
        if (store_consent_set(r->s, "Nari", &no, &e) != 0)
            fail_msg("withdraw: %s", e.msg);
    }
    if (x->needs & NEEDS_BUNDLE) {
        static const char *const to[] = { "target" };
        struct export_request req = { .to = to, .nto = 1, .confirm = confirm_any,
                                      .skip_blocked = 1, .out = r->side };
        struct export_result res;
        struct card c = { .version = CARD_VERSION };
        char text[CARD_TEXT_SIZE];

        snprintf(c.label, sizeof c.label, "target");
        if (store_device_public(c.sign_pk, c.box_pk, r->s, &e) != 0 ||
            card_encode(text, sizeof text, &c, &e) != 0 ||
            store_contact_add(g_field, "target", &c, text, 1, &e) != 0 ||
            store_export(&res, g_field, &req, &e) != 0)
            fail_msg("a bundle for the run: %s", e.msg);
        export_result_free(&res);
        add_contact(r->s, "field", g_field);
    }
    if (x->needs & NEEDS_FILE) {
        int fd = open(r->side, O_WRONLY | O_CREAT | O_EXCL, 0600);
        assert_true(fd >= 0);
        assert_int_equal(write(fd, "recording\n", 10), 10);
        close(fd);
    }
}

/* A fresh store for run r of entry x (not armed). */
static void prepare(struct run *r, const struct entry *x)
{
    snprintf(r->dir, sizeof r->dir, "%s/inject%d", root, serial++);
    r->s = NULL;
    r->works = pass;
    r->before = 0;
    r->record[0] = '\0';
    snprintf(r->side, sizeof r->side, "%s.side", r->dir);
    if (x->after != NULL) {
        /* util/: a folder holding one file with the old content */
        char path[400];
        int fd;
        assert_int_equal(mkdir(r->dir, 0700), 0);
        file_path(path, sizeof path, r);
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
        assert_true(fd >= 0);
        assert_int_equal(write(fd, old_text, strlen(old_text)), (ssize_t)strlen(old_text));
        close(fd);
    }
    if (!x->needs_store)
        return;
    r->s = new_store(r->dir, "field kit");
    add_subject(r->s, "Kim Ji-yeon", "Nari");
    add_record(r->record, r->s, "Nari", "First", "2026-11-29", "The first testimony.");
    r->before = 1;
    prepare_needs(r, x);
    if (!x->open) {
        store_close(r->s);
        r->s = NULL;
    }
}

/* One run of x with fault f on call n: 1 if the fault landed. */
static int inject(const struct entry *x, const struct fault *f, unsigned long n)
{
    struct run r;
    struct err e;
    char what[160];
    int rc, hit, after;

    prepare(&r, x);
    fault_name(what, sizeof what, x->name, f, n);
    err_clear(&e);
    arm(f, n);
    rc = x->call(&r, &e);
    hit = landed(f);
    store_close(r.s);
    if (rc != 0 && (rc != -1 || e.code == EXIT_OK || e.msg[0] == '\0'))
        fail_msg("%s: returned %d, exit %d, message '%s'", what, rc, e.code, e.msg);
    if (!hit && rc != 0)
        fail_msg("%s: no fault, yet: %s", what, e.msg);
    if (x->after != NULL) {
        x->after(&r, rc, what);
        remove_tree(r.dir);
        return hit;
    }
    if (x->call == do_create && rc != 0) {
        /* Nothing left that stops a second init. */
        struct err e2;
        err_clear(&e2);
        if (do_create(&r, &e2) != 0)
            fail_msg("%s ('%s'): init again: %s", what, e.msg, e2.msg);
    }
    if (x->also != NULL)
        x->also(&r, rc, &e, what);
    after = open_with(r.dir, r.works, what);
    if (after != r.before + (rc == 0 ? x->adds : 0) &&
        !(rc != 0 && after == r.before + x->adds && strstr(e.msg, "nothing was") == NULL))
        fail_msg("%s ('%s'): %d records afterwards, %d before", what, e.msg, after, r.before);
    if (strstr(e.msg, "damaged") != NULL)
        fail_msg("%s: an ordinary fault called damage: '%s'", what, e.msg);
    remove_tree(r.dir);
    remove_tree(r.side);
    return hit;
}

/* A run of inject in a child process (SQLite's allocations: a crash of
 * the library must not end the test): 1 if the fault landed, 0 if not;
 * *crashed set when the child died of a signal or a sanitizer report
 * (what is counted and printed, docs/COVERAGE.md). */
static int inject_forked(const struct entry *x, const struct fault *f, unsigned long n,
                         unsigned long *crashed)
{
    int status;
    pid_t pid;

    fflush(NULL);
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        /* cmocka's handlers would carry on with the next test here. */
        signal(SIGSEGV, SIG_DFL);
        signal(SIGBUS, SIG_DFL);
        signal(SIGILL, SIG_DFL);
        signal(SIGFPE, SIG_DFL);
        signal(SIGABRT, SIG_DFL);
        in_child = 1;
        g_hq = g_field = NULL;           /* SQLite's connections stay in the parent */
        child_exit(inject(x, f, n) ? 11 : 10);
    }
    serial++;                            /* the child's store's number */
    assert_int_equal(waitpid(pid, &status, 0), pid);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 10)
        return 0;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 11)
        return 1;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 3)
        fail_msg("%s, SQLite's allocation %lu failing: the checks failed (above)", x->name, n);
    print_message("%s, SQLite's allocation %lu failing: %s %d\n", x->name, n,
                  WIFSIGNALED(status) ? "killed by signal" : "exit status",
                  WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
    ++*crashed;
    return 1;
}

static unsigned long env_number(const char *name, unsigned long dflt)
{
    const char *v = getenv(name);

    return v != NULL && *v != '\0' ? strtoul(v, NULL, 10) : dflt;
}

/* Each fault on each entry point, call after call. */
static void test_inject(void **state)
{
    const struct entry *x = *state;
    size_t which = (size_t)(x - entries);
    unsigned long max = inject_all() ? INJECT_MAX : INJECT_BOUND, runs = 0, sqlruns = 0;
    unsigned long crashed = 0;

    for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++) {
        unsigned long n;

        /* util/'s entry points, with no store to make, take every kind. */
        if (!inject_all() && x->after == NULL && (i + which) % INJECT_SAMPLE != 0)
            continue;

        /* INTAKE_INJECT_KIND (make inject-sqlite): one kind alone. */
        if (getenv("INTAKE_INJECT_KIND") != NULL &&
            strcmp(getenv("INTAKE_INJECT_KIND"), faults[i].call) != 0)
            continue;
        if (faults[i].via == SQLOOM) {
            /* Thousands of allocations: every STRIDE-th, up to SQLMAX. */
            unsigned long stride = inject_all() ? env_number("INTAKE_INJECT_STRIDE", 1) : 1;
            unsigned long top = inject_all() ? env_number("INTAKE_INJECT_SQLMAX", 100000) : max;

            if (stride == 0)
                stride = 1;
            for (n = env_number("INTAKE_INJECT_SQLFROM", 1);
                 n <= top && inject_forked(x, &faults[i], n, &crashed); n += stride)
                runs++, sqlruns++;
            continue;
        }
        for (n = 1; n <= max && inject(x, &faults[i], n); n++)
            runs++;
        if (n > INJECT_MAX)
            fail_msg("%s: %s still failing after %d calls", x->name, faults[i].call, INJECT_MAX);
    }
    print_message("%s: %lu runs with a fault (%lu of SQLite's allocations; %lu crashed "
                  "in the library)\n", x->name, runs, sqlruns, crashed);
}

/* jansson's memory as the CLI sets it (export and import free its
 * strings with secmem_wipe_free); hq and field closed at the end. */
static int inject_setup(void **state)
{
    json_set_alloc_funcs(secmem_wipe_malloc, secmem_wipe_free);
    return setup(state) != 0 || sqloom_install() != 0 ? -1 : 0;
}

static int inject_teardown(void **state)
{
    store_close(g_hq);
    store_close(g_field);
    return teardown(state);
}

#define E(i) { entries[i].name, test_inject, NULL, NULL, (void *)&entries[i] }

int main(void)
{
    const struct CMUnitTest tests[] = { E(0), E(1), E(2), E(3), E(4), E(5), E(6), E(7), E(8),
                                        E(9), E(10), E(11), E(12), E(13), E(14), E(15), E(16) };

    /* INTAKE_INJECT_ONLY: one entry point (a pattern of cmocka's). */
    if (getenv("INTAKE_INJECT_ONLY") != NULL)
        cmocka_set_test_filter(getenv("INTAKE_INJECT_ONLY"));
    return fault_main(tests, inject_setup, inject_teardown);
}
