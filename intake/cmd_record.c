/* record, record edit, record delete, list, search, show */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "intake/attest.h"
#include "intake/cli.h"
#include "intake/commands.h"
#include "intake/input.h"
#include "intake/tombstone.h"
#include "crypto/secmem.h"
#include "store/store.h"
#include "util/fileio.h"
#include "util/day.h"
#include "util/intl.h"
#include "util/prompt.h"
#include "util/text.h"

#define MAX_TAG_ARGS 64

struct record_opts {
    struct record_row r;
    const char *tags[MAX_TAG_ARGS];
    const char *file;
    int fd;                      /* --file, opened before the passphrase */
    int body_read;               /* 1 once the body was read (or tried) */
    char today[16];
    int edit;                            /* record edit: ID, no default date */
    int fields;                          /* options given that change a field */
    int settags;                         /* --tag was given */
};

/* The SYNOPSIS lines of docs/intake.1, character for character. */
#define RECORD_ADD_USAGE \
    "intake record PSEUDONYM [--title T] [--date YYYY-MM-DD] [--place TEXT] [--lang CODE] [--tag T]... [--file PATH]"
#define RECORD_EDIT_USAGE \
    "intake record edit ID [--title T] [--date YYYY-MM-DD] [--place TEXT] [--lang CODE] [--tag T]... [--file PATH]"
#define RECORD_DELETE_USAGE "intake record delete ID [--yes]"
static const char record_usage[] = RECORD_ADD_USAGE "\n" RECORD_EDIT_USAGE "\n" RECORD_DELETE_USAGE;

static int parse_record(struct record_opts *o, int argc, char **argv)
{
    static const struct option opts[] = {
        { "title", required_argument, NULL, 't' }, { "date", required_argument, NULL, 'd' },
        { "place", required_argument, NULL, 'p' }, { "lang", required_argument, NULL, 'l' },
        { "tag", required_argument, NULL, 'T' }, { "file", required_argument, NULL, 'f' },
        { "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
    };
    int c, seen[5] = { 0 };

    while ((c = cli_getopt(argc, argv, ":", opts)) != -1) {
        switch (c) {
        case 't': if (cli_once("record", "title", &seen[0])) return EXIT_INPUT; o->r.title = optarg; break;
        case 'd': if (cli_once("record", "date", &seen[1])) return EXIT_INPUT; o->r.date = optarg; break;
        case 'p': if (cli_once("record", "place", &seen[2])) return EXIT_INPUT; o->r.place = optarg; break;
        case 'l': if (cli_once("record", "lang", &seen[3])) return EXIT_INPUT; o->r.lang = optarg; break;
        case 'f': if (cli_once("record", "file", &seen[4])) return EXIT_INPUT; o->file = optarg; break;
        case 'T':
            if (o->r.ntags >= MAX_TAG_ARGS)
                return cli_usage_error("record", "at most %d --tag", MAX_TAG_ARGS);
            o->tags[o->r.ntags++] = optarg;
            break;
        case 'h': cli_print_usage(stdout, o->edit ? RECORD_EDIT_USAGE : record_usage); return -1;
        default: return cli_bad_option("record", c, argv);
        }
        o->fields += c != 'f';
    }
    if (optind + 1 != argc && o->edit)
        return cli_usage_error("record", "record edit needs one record ID");
    if (optind + 1 != argc)
        return cli_usage_error("record", "record needs one PSEUDONYM");
    if (o->r.date != NULL && !cli_valid_date(o->r.date))
        return cli_usage_error("record", "--date '%s' is not a real date in the form YYYY-MM-DD", o->r.date);
    if (o->r.date == NULL && !o->edit) {
        cli_today(o->today, sizeof o->today);
        o->r.date = o->today;
    }
    o->settags = o->r.ntags > 0;
    /* record edit --tag '' alone: the record keeps no tag. */
    for (size_t i = 0; o->edit && o->r.ntags > 1 && i < o->r.ntags; i++)
        if (o->tags[i][0] == '\0')
            return cli_usage_error("record", "--tag '' (no tags) cannot go with another --tag");
    if (o->edit && o->r.ntags == 1 && o->tags[0][0] == '\0')
        o->r.ntags = 0;
    o->r.tags = o->tags;
    return 0;
}

/* The body from --file (already open as o->fd), else from standard input. */
static int load_body(char **body, struct record_opts *o, struct err *e)
{
    if (o->file != NULL)
        return input_read_all(body, o->fd, o->file, e);
    o->body_read = 1;
    if (isatty(STDIN_FILENO) && input_in_shell())
        cli_note("type the testimony, then a line holding only '.'");
    else if (isatty(STDIN_FILENO))
        cli_note("type the testimony, then Ctrl-D on a new line");
    return input_body(body, input_in_shell() ? _("the testimony") : _("standard input"), e);
}

/* After a save that failed with *rc: 1 when it should be tried again.
 * Typed at a terminal, the testimony exists nowhere else, so when saving
 * fails for a reason that may pass (a full disk, an I/O error, another
 * intake: EXIT_INPUT) it stays in locked memory and the person may try
 * again once they have made room; it is never written elsewhere.  When
 * they decline, *rc stays EXIT_INPUT and the discarding is said. */
static int try_again(const struct record_opts *o, int *rc)
{
    if (*rc != EXIT_INPUT || !o->body_read || !isatty(STDIN_FILENO))
        return 0;
    if (prompt_confirm(_("the testimony is kept in memory only: make room on the disk or close "
                         "the other intake, then type y to try to save it again (n discards "
                         "it) [y/N] ")))
        return 1;
    *rc = cli_error(EXIT_INPUT, "the testimony typed was discarded; nothing was saved");
    return 0;
}

/* Before a body is read: the store's write lock, held until the body is
 * saved (another intake renaming or forgetting the subject, or deleting
 * the record, waits and then refuses: adv26b E-2), and room on its disk
 * for the body (adv26b E-1).  0, or -1 with e. */
static int ready_for_body(struct store *s, const struct record_opts *o, struct err *e)
{
    struct stat st;
    unsigned long long size = RECORD_TYPED_ROOM;

    if (o->fd >= 0 && fstat(o->fd, &st) == 0)
        size = (unsigned long long)st.st_size;
    return store_hold(s, e) == 0 ? store_record_room(s, size, e) : -1;
}

/* Opens the store, takes its write lock, and checks the pseudonym, the
 * fields and the disk's room, then reads the body: a mistake costs the
 * person nothing they typed.  0 with *s open, or the printed failure's
 * exit status. */
static int unlock_then_read(struct store **s, char **body, struct record_opts *o,
                            const char *pseudonym, const struct globals *g)
{
    struct err e;
    int rc = cli_open_store(s, g);

    if (rc != 0)
        return rc;
    err_clear(&e);
    if (ready_for_body(*s, o, &e) != 0 || store_record_check(*s, pseudonym, &o->r, &e) != 0 ||
        load_body(body, o, &e) != 0) {
        store_rollback(*s);
        store_close(*s);
        return cli_fail(&e);
    }
    if (text_blank(*body)) {
        int blank = (*body)[0] != '\0';
        secmem_free(*body);
        store_rollback(*s);
        store_close(*s);
        if (blank)
            return cli_error(EXIT_INPUT, "the testimony is only white space; nothing was recorded");
        return cli_error(EXIT_INPUT, "the testimony is empty; nothing was recorded");
    }
    return 0;
}

static int record_edit(int argc, char **argv, const struct globals *g);
static int record_delete(int argc, char **argv, const struct globals *g);

static int record_main(struct record_opts *o, int argc, char **argv, const struct globals *g)
{
    char id[RECORD_ID_CHARS + 1], *body = NULL;
    struct store *s;
    struct err e;
    int rc;

    rc = parse_record(o, argc, argv);
    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    if (o->file != NULL && g->passfd != STDIN_FILENO && input_body_waiting())
        return cli_usage_error("record", "the body comes from --file or from standard input, not both;"
                               " with --file, run with </dev/null");
    /* Every field, and the file, before the passphrase is asked. */
    err_clear(&e);
    o->fd = -1;
    if (store_record_fields_check(&o->r, &e) != 0 ||
        (o->file != NULL && file_open_regular(&o->fd, o->file, 0, NULL, &e) != 0))
        return cli_fail(&e);
    rc = unlock_then_read(&s, &body, o, argv[optind], g);
    if (o->fd >= 0)
        close(o->fd);
    if (rc != 0)
        return rc;
    o->r.body = body;
    do {
        err_clear(&e);
        rc = store_record_add(id, sizeof id, s, argv[optind], &o->r, &e) == 0 ? 0 : cli_fail(&e);
    } while (try_again(o, &rc));
    store_close(s);
    secmem_free(body);
    if (rc == 0) {
        cli_saved("record %s was saved: see 'intake list'", id);
        printf("%s\n", id);
    }
    return rc;
}

/* In a shell fed by a script, a body refused before it was read must
 * not run as commands: its lines are skipped up to the "." line.  A
 * --file or --help given (or a start of them) means no body follows. */
static int body_follows(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (strncmp(argv[i], "--f", 3) == 0 || strncmp(argv[i], "--h", 3) == 0)
            return 0;
    return 1;
}

int cmd_record(int argc, char **argv, const struct globals *g)
{
    struct record_opts o;
    int rc;

    /* No pseudonym is "edit" or "delete" (store/subject.c). */
    if (argc >= 2 && strcmp(argv[1], "edit") == 0)
        return record_edit(argc - 1, argv + 1, g);
    if (argc >= 2 && strcmp(argv[1], "delete") == 0)
        return record_delete(argc - 1, argv + 1, g);
    memset(&o, 0, sizeof o);
    rc = record_main(&o, argc, argv, g);
    if (rc != EXIT_OK && !o.body_read && body_follows(argc, argv))
        (void)input_body_skip();
    return rc;
}

/* ---- record edit ---- */

/* Where an edit's new body comes from, if anywhere: --file; standard
 * input when it carries one (a pipe or a file; with --passphrase-fd 0,
 * only when no field is changed, for then the rest of it is the body); a
 * terminal when nothing else is changed (the body is then typed). */
enum body_source { BODY_KEEP, BODY_FILE, BODY_STDIN };

/* 1 if a body may follow a record edit refused while its options were
 * read: no option of a field (title, date, place, lang, tag), --file or
 * --help among its words, which is when edit_source reads one. */
static int edit_body_follows(int argc, char **argv)
{
    static const char *const no_body[] = { "--t", "--d", "--p", "--l", "--f", "--h" };

    /* An option not known (a typo) counts as no field: when in doubt,
     * the lines up to "." are skipped rather than run. */
    for (int i = 1; i < argc; i++)
        for (size_t k = 0; k < sizeof no_body / sizeof no_body[0]; k++)
            if (strncmp(argv[i], no_body[k], 3) == 0)
                return 0;
    return 1;
}

static int edit_source(enum body_source *src, const struct record_opts *o,
                       const struct globals *g)
{
    int piped = input_body_waiting();

    *src = BODY_KEEP;
    if (o->file != NULL) {
        if (g->passfd != STDIN_FILENO && piped)
            return cli_usage_error("record", "the body comes from --file or from standard input, "
                                   "not both; with --file, run with </dev/null");
        *src = BODY_FILE;
    } else if (piped && (g->passfd != STDIN_FILENO || o->fields == 0)) {
        *src = BODY_STDIN;
    } else if ((isatty(STDIN_FILENO) || input_in_shell()) && o->fields == 0) {
        *src = BODY_STDIN;
    }
    if (*src == BODY_KEEP && o->fields == 0)
        return cli_usage_error("record", "record edit needs something to change: --title, --date, "
                               "--place, --lang, --tag, --file or a body on standard input");
    return 0;
}

static void edit_change(struct record_change *c, const struct record_opts *o)
{
    memset(c, 0, sizeof *c);
    c->title = o->r.title;
    c->date = o->r.date;
    c->place = o->r.place;
    c->lang = o->r.lang;
    c->set_tags = o->settags;
    c->tags = o->r.tags;
    c->ntags = o->r.ntags;
}

static void note_stays(struct store *s, const char *id);

static int record_edit(int argc, char **argv, const struct globals *g)
{
    struct record_opts o;
    struct record_change c;
    enum body_source src;
    char id[RECORD_ID_CHARS + 1], *body = NULL;
    struct store *s;
    struct err e;
    long version = 0;
    int rc, changed = 0;

    memset(&o, 0, sizeof o);
    o.edit = 1;
    rc = parse_record(&o, argc, argv);
    if (rc == 0)
        rc = edit_source(&src, &o, g);
    if (rc != 0) {
        /* In a shell reading a pipe, a body typed after a refused edit
         * would otherwise run as commands. */
        if (rc > 0 && edit_body_follows(argc, argv))
            (void)input_body_skip();
        return rc < 0 ? EXIT_OK : rc;
    }
    o.fd = -1;
    err_clear(&e);
    if (src == BODY_FILE && file_open_regular(&o.fd, o.file, 0, NULL, &e) != 0)
        return cli_fail(&e);
    rc = cli_open_store(&s, g);
    if (rc == 0 && (rc = cli_record_id(id, sizeof id, s, argv[optind])) != 0)
        store_close(s);
    if (rc != 0) {
        if (o.fd >= 0)
            close(o.fd);
        if (src == BODY_STDIN)
            (void)input_body_skip();
        return rc;
    }
    err_clear(&e);
    edit_change(&c, &o);
    /* The record and the fields first: a mistake costs nothing typed. */
    if ((src != BODY_KEEP && ready_for_body(s, &o, &e) != 0) ||
        store_record_edit_check(s, id, &c, &e) != 0 ||
        (src != BODY_KEEP && load_body(&body, &o, &e) != 0)) {
        if (o.fd >= 0)
            close(o.fd);
        if (src == BODY_STDIN && !o.body_read)
            (void)input_body_skip();
        store_rollback(s);
        store_close(s);
        return cli_fail(&e);
    }
    if (o.fd >= 0)
        close(o.fd);
    c.body = body;
    do {
        err_clear(&e);
        rc = store_record_edit(&version, &changed, s, id, &c, &e) == 0 ? 0 : cli_fail(&e);
    } while (try_again(&o, &rc));
    secmem_free(body);
    if (rc == 0 && changed) {
        cli_note("record %s was changed: it is now at version %ld", id, version);
        note_stays(s, id);
    }
    else if (rc == 0)
        cli_note("record %s already reads so: nothing was changed (version %ld)", id, version);
    store_close(s);
    return rc;
}

/* ---- record delete ---- */

struct sent_ctx {
    json_t *array;                       /* show --json, or NULL */
    int count;
    char first[128];                     /* "hq on 2024-05-01" */
};

static int names_of(char *out, size_t outlen, const struct export_row *r)
{
    size_t o = 0;

    out[0] = '\0';
    for (size_t i = 0; i < r->nto; i++) {
        int n = snprintf(out + o, outlen - o, "%s%s", i ? ", " : "", r->to[i]);
        if (n < 0 || (size_t)n >= outlen - o)
            return -1;
        o += (size_t)n;
    }
    return 0;
}

static int delete_sent(void *vctx, const struct export_row *r, struct err *e)
{
    struct sent_ctx *ctx = vctx;
    char names[512];

    (void)e;
    if (ctx->count++ == 0) {
        (void)names_of(names, sizeof names, r);
        snprintf(ctx->first, sizeof ctx->first, "%.80s on %.10s", names, r->at);
    }
    return 0;
}

/* After an edit of a record sent before whose subject's records may not
 * leave now (consent withdrawn, say; consent_blocks, the rule export
 * uses): the edit stays here, and export --not-sent-to does not offer it
 * (adv19c C-2).  A failure to read is no reason to alarm: nothing said. */
static void note_stays(struct store *s, const char *id)
{
    struct sent_ctx sent = { NULL, 0, "" };
    char pseudonym[128], why[256] = "", day[DAY_BYTES];
    struct consent c;
    struct err e;

    err_clear(&e);
    if (store_record_consent(&c, pseudonym, sizeof pseudonym, s, id, &e) != 0)
        return;
    day_consent(day);
    consent_blocks(why, sizeof why, &c, day, 1);
    if (why[0] == '\0' || store_export_each(s, id, delete_sent, &sent, &e) != 0 ||
        sent.count == 0)
        return;
    cli_note("note: record %s was sent before (%s), but the records of %s may not leave (%s): "
             "this edit stays here, and no export carries it", id, sent.first,
             cli_shown(pseudonym), why);
}

static int record_delete(int argc, char **argv, const struct globals *g)
{
    struct sent_ctx sent = { NULL, 0, "" };
    char id[RECORD_ID_CHARS + 1], what[128], q[512];
    struct store *s;
    struct err e;
    int yes = 0, rc = cli_plain_args("record", RECORD_DELETE_USAGE, argc, argv, 1,
                                     "record delete needs one record ID", "yes", &yes);

    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc;
    err_clear(&e);
    /* An unknown id is reported before anything is asked; a unique start
     * of one names its record, which the question shows whole. */
    rc = cli_record_id(id, sizeof id, s, argv[optind]);
    if (rc == 0 && store_export_each(s, id, delete_sent, &sent, &e) != 0)
        rc = cli_fail(&e);
    if (rc == 0) {
        snprintf(what, sizeof what, _("record delete deletes record %s for good"), id);
        if (sent.count)
            snprintf(q, sizeof q, _("Delete record %s and its attachments for good? This cannot be "
                     "undone. It was sent to %s: their copy stays. [y/N] "), id, sent.first);
        else
            snprintf(q, sizeof q, _("Delete record %s and its attachments for good? This cannot be "
                     "undone. [y/N] "), id);
        rc = cli_confirm("record", yes, what, q);
    }
    long due = cli_notices_pending(s);
    if (rc == 0)
        rc = store_record_delete(s, id, &e) == 0 ? 0 : cli_fail(&e);
    if (rc == 0) {
        cli_note("deleted record %s", id);
        if (sent.count > 0)
            cli_note("it was sent before (%s%s): the copies sent are deleted only when the "
                     "deletion notice reaches them (see 'intake exports')", sent.first,
                     sent.count > 1 ? ", and more" : "");
        cli_notices_note(s, due);
    }
    store_close(s);
    return rc;
}

static json_t *record_json(const struct record_row *r, const struct consent *c,
                           const char *why)
{
    json_t *tags = json_array();
    json_t *o;

    for (size_t i = 0; i < r->ntags; i++)
        json_array_append_new(tags, json_string(r->tags[i]));
    o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s?, s:s?, s:o, s:s, s:I, s:s?, s:o}", "id", r->id,
                  "date", r->date, "pseudonym", r->pseudonym, "subject", r->subject,
                  "title", r->title, "place", r->place, "lang", r->lang, "tags", tags,
                  "created", r->created, "version", (json_int_t)r->version, "edited", r->edited,
                  "consent", cli_consent_json(c, why));
    if (o != NULL && r->body != NULL)
        json_object_set_new(o, "body", json_string(r->body));
    return o;
}

struct print_ctx {
    json_t *array;
    int full;
    struct store *s;
    int rows;            /* lines printed so far */
};

static int print_record(void *vctx, const struct record_row *r, struct err *e)
{
    struct print_ctx *ctx = vctx;
    struct consent c;
    char why[256] = "", day[DAY_BYTES];

    /* The consent of the record's subject: what it may be used for
     * (carried with imported records, issue 16). */
    if ((ctx->array != NULL || ctx->full) &&
        store_consent_get(&c, ctx->s, r->pseudonym, e) != 0)
        return -1;
    if (ctx->array != NULL) {
        day_consent(day);     /* the consent day every check uses (util/day.h) */
        consent_blocks(why, sizeof why, &c, day, 0);
        return json_array_append_new(ctx->array, record_json(r, &c, why)) == 0 ? 0
               : err_set(e, EXIT_INPUT, "out of memory");
    }
    if (!ctx->full) {
        if (ctx->rows++ == 0)
        {
            static const struct cli_column cols[] = {
                { N_("ID"), RECORD_ID_CHARS }, { N_("DATE"), 10 }, { N_("PSEUDONYM"), 0 },
                { N_("TITLE"), 0 },
            };
            cli_header(cols, sizeof cols / sizeof cols[0]);
        }
        printf("%s\t%s\t%s\t%s\n", r->id, r->date, cli_shown(r->pseudonym), cli_shown(r->title));
        return 0;
    }
    printf(_("id: %s\n"), r->id);
    printf(_("date: %s\n"), r->date);
    printf(_("pseudonym: %s\n"), cli_shown(r->pseudonym));
    printf(_("subject id: %s\n"), r->subject);
    printf(_("title: %s\n"), cli_shown(r->title));
    cli_print_consent(&c);
    if (r->place != NULL)
        printf(_("place: %s\n"), cli_shown(r->place));
    if (r->lang != NULL)
        printf(_("lang: %s\n"), r->lang);
    for (size_t i = 0; i < r->ntags; i++)
        printf(_("tag: %s\n"), cli_shown(r->tags[i]));
    printf(_("created: %s\n"), r->created);
    if (r->version > 1)
        printf(_("version: %ld\n"), r->version);
    if (r->edited != NULL && r->edited[0] != '\0')
        printf(_("edited: %s\n"), r->edited);
    printf("\n%s%s", r->body,
           r->body[0] && r->body[strlen(r->body) - 1] == '\n' ? "" : "\n");
    return 0;
}

/* Runs a query and prints it as lines, a record, or JSON. */
static int run_query(const struct globals *g, const struct record_filter *f,
                     int json, int single)
{
    /* An unfiltered list also says what notices deleted (issue 16). */
    int tombs = !single && f->subject == NULL && f->tag == NULL && f->query == NULL;
    struct print_ctx ctx = { json ? json_array() : NULL, single, NULL, 0 };
    struct store *s;
    struct err e;
    int rc = cli_open_store(&s, g);

    if (rc != 0) {
        json_decref(ctx.array);
        return rc;
    }
    ctx.s = s;
    err_clear(&e);
    /* --subject names a subject that exists: an empty list must mean no
     * records, never a mistyped pseudonym. */
    if (f->subject != NULL) {
        const struct record_row none = { 0 };
        rc = store_record_check(s, f->subject, &none, &e);
    }
    if (rc == 0)
        rc = store_record_each(s, f, print_record, &ctx, &e);
    if (rc == 0 && json)
        rc = cli_audits_each(s, ctx.array, &e);
    if (rc == 0 && json && tombs)
        rc = cli_tombstones_json(s, ctx.array, &e);
    if (rc == 0 && tombs)
        cli_tombstones_note(s);
    store_close(s);
    if (rc == 0 && single && json_array_size(ctx.array) == 0 && json)
        rc = err_set(&e, EXIT_INPUT, "no record with id '%s' (see 'intake list')", f->id);
    if (rc == 0 && json) {
        json_dumpf(single ? json_array_get(ctx.array, 0) : ctx.array, stdout, JSON_INDENT(2));
        putchar('\n');
    }
    json_decref(ctx.array);
    return rc == 0 ? EXIT_OK : cli_fail(&e);
}

/* The SYNOPSIS lines of docs/intake.1, character for character. */
static const char list_usage[] = "intake list [--subject PSEUDONYM] [--tag T] [--json]";
static const char search_usage[] = "intake search WORD... [--raw] [--json]";
static const char show_usage[] = "intake show ID [--json]";

static int parse_query(int argc, char **argv, const char *cmd, const char *usage,
                       struct record_filter *f, int *json, int npos)
{
    static const struct option opts[] = {
        { "subject", required_argument, NULL, 's' }, { "tag", required_argument, NULL, 't' },
        { "json", no_argument, NULL, 'j' }, { "raw", no_argument, NULL, 'r' },
        { "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
    };
    int c, seen[2] = { 0 };
    int filters = strcmp(cmd, "list") == 0, search = strcmp(cmd, "search") == 0;

    while ((c = cli_getopt(argc, argv, ":", opts)) != -1) {
        if (c == 'j') *json = 1;
        else if (c == 'r' && search) f->raw = 1;
        else if (c == 's' && filters) { if (cli_once(cmd, "subject", &seen[0])) return EXIT_INPUT; f->subject = optarg; }
        else if (c == 't' && filters) { if (cli_once(cmd, "tag", &seen[1])) return EXIT_INPUT; f->tag = optarg; }
        else if (c == 'h') { cli_print_usage(stdout, usage); return -1; }
        else return cli_bad_option(cmd, c, argv);
    }
    if (search && argc - optind < 1)
        return cli_usage_error(cmd, "search needs the words to look for");
    if (!search && argc - optind != npos)
        return npos ? cli_usage_error(cmd, "%s needs one ID", cmd)
                    : cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
    return 0;
}

int cmd_list(int argc, char **argv, const struct globals *g)
{
    struct record_filter f = { 0 };
    int json = 0, rc = parse_query(argc, argv, "list", list_usage, &f, &json, 0);

    return rc != 0 ? (rc < 0 ? EXIT_OK : rc) : run_query(g, &f, json, 0);
}

/* The words typed, as one line in locked memory (*out, secmem_free). */
static int join_words(char **out, int argc, char **argv)
{
    size_t len = 1, o = 0;

    for (int i = 0; i < argc; i++)
        len += strlen(argv[i]) + 1;
    if ((*out = secmem_alloc(len)) == NULL)
        return cli_error(EXIT_INPUT, "out of secure memory");
    for (int i = 0; i < argc; i++) {
        size_t n = strlen(argv[i]);
        if (i > 0)
            (*out)[o++] = ' ';
        memcpy(*out + o, argv[i], n);
        o += n;
    }
    (*out)[o] = '\0';
    return 0;
}

int cmd_search(int argc, char **argv, const struct globals *g)
{
    struct record_filter f = { 0 };
    char *words = NULL;
    int json = 0, rc = parse_query(argc, argv, "search", search_usage, &f, &json, 1);

    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    if ((rc = join_words(&words, argc - optind, argv + optind)) != 0)
        return rc;
    f.query = words;
    if (strspn(words, " \t\n") == strlen(words))
        rc = cli_usage_error("search", "there is nothing to search for");
    else
        rc = run_query(g, &f, json, 0);
    secmem_free(words);
    return rc;
}

static int print_attachment(void *ctx, const struct attachment_row *a, struct err *e)
{
    json_t *arr = ctx;
    char hex[2 * ATTACHMENT_HASHBYTES + 1];

    sodium_bin2hex(hex, sizeof hex, a->hash, ATTACHMENT_HASHBYTES);
    if (arr != NULL)
        return json_array_append_new(arr, json_pack("{s:s, s:s, s:I, s:s, s:b, s:s}",
                   "name", a->name, "type", a->type, "size", (json_int_t)a->size,
                   "blake2b", hex, "gps", a->gps, "added", a->added)) == 0 ? 0
               : err_set(e, EXIT_INPUT, "out of memory");
    printf(_("attachment: %s\t%s\t%llu bytes%s\n"), a->name, a->type,
           (unsigned long long)a->size, a->gps ? _("\tLOCATION (EXIF GPS)") : "");
    return 0;
}

/* Where the record was sent: a line, or a JSON object, per export. */
static int show_sent(void *vctx, const struct export_row *r, struct err *e)
{
    struct sent_ctx *ctx = vctx;
    char names[2048], hex[2 * 32 + 1] = "";

    if (r->hashlen == 32)
        sodium_bin2hex(hex, sizeof hex, r->hash, r->hashlen);
    if (ctx->array != NULL) {
        json_t *to = json_array();
        for (size_t i = 0; i < r->nto; i++)
            json_array_append_new(to, json_string(r->to[i]));
        return json_array_append_new(ctx->array, json_pack("{s:s, s:o, s:I, s:s}", "at", r->at,
                   "to", to, "version", (json_int_t)r->items[0].version, "bundle", hex)) == 0 ? 0
               : err_set(e, EXIT_INPUT, "out of memory");
    }
    if (names_of(names, sizeof names, r) != 0)
        return err_set(e, EXIT_INPUT, "too many recipients to show");
    printf(_("sent: %s to %s (version %ld, bundle %.16s)\n"), r->at, names, r->items[0].version, hex);
    return 0;
}

/* What show adds after the record: its attachments, where it came from,
 * and where it was sent. */
static int show_extras(struct store *s, const char *id, json_t *obj, struct err *e)
{
    char origin[512];
    json_t *arr = obj != NULL ? json_array() : NULL;
    struct sent_ctx sent = { obj != NULL ? json_array() : NULL, 0, "" };

    if (store_attachment_each(s, id, print_attachment, arr, e) != 0 ||
        store_record_origin(origin, sizeof origin, s, id, e) != 0 ||
        (obj == NULL && origin[0] != '\0' && printf(_("origin: %s\n"), origin) < 0) ||
        store_export_each(s, id, show_sent, &sent, e) != 0 ||
        cli_audits(s, id, obj, e) != 0) {
        json_decref(arr);
        json_decref(sent.array);
        return -1;
    }
    if (obj != NULL) {
        json_object_set_new(obj, "sent", sent.array);
        json_object_set_new(obj, "attachments", arr);
        if (origin[0] != '\0')
            json_object_set_new(obj, "origin", json_string(origin));
    }
    return 0;
}

int cmd_show(int argc, char **argv, const struct globals *g)
{
    struct record_filter f = { 0 };
    int json = 0, rc = parse_query(argc, argv, "show", show_usage, &f, &json, 1);
    struct print_ctx ctx = { NULL, 1, NULL, 0 };
    char id[RECORD_ID_CHARS + 1];
    struct store *s;
    struct err e;

    if (rc != 0 || (rc = cli_record_id_check(argv[optind])) != 0)
        return rc < 0 ? EXIT_OK : rc;
    f.id = id;
    f.with_body = 1;
    rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc;
    if ((rc = cli_tombstone_show(s, argv[optind], json)) != 0 ||
        (rc = cli_record_id(id, sizeof id, s, argv[optind])) != 0) {
        store_close(s);
        return rc;
    }
    err_clear(&e);
    ctx.s = s;
    ctx.array = json_array();
    rc = store_record_each(s, &f, print_record, &ctx, &e);
    if (rc == 0 && json_array_size(ctx.array) == 0)
        rc = err_set(&e, EXIT_INPUT, "no record with id '%s' (see 'intake list')", f.id);
    if (rc == 0 && !json) {
        json_decref(ctx.array);
        ctx.array = NULL;
        rc = store_record_each(s, &f, print_record, &ctx, &e);
        if (rc == 0)
            rc = show_extras(s, f.id, NULL, &e);
    } else if (rc == 0) {
        rc = show_extras(s, f.id, json_array_get(ctx.array, 0), &e);
        if (rc == 0) {
            json_dumpf(json_array_get(ctx.array, 0), stdout, JSON_INDENT(2));
            putchar('\n');
        }
    }
    json_decref(ctx.array);
    store_close(s);
    return rc == 0 ? EXIT_OK : cli_fail(&e);
}
