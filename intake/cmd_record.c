/* record, list, search, show */
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

#include "intake/cli.h"
#include "intake/commands.h"
#include "crypto/secmem.h"
#include "store/store.h"
#include "util/fileio.h"
#include "util/intl.h"

#define MAX_TAG_ARGS 64

/* Reads the body from fd into secure memory, refusing more than BODY_MAX. */
static int read_body(char **out, int fd, const char *what, struct err *e)
{
    size_t cap = 1 << 16, len = 0;
    char *buf = secmem_alloc(cap + 1);

    while (buf != NULL) {
        ssize_t n = fd_read_full(fd, buf + len, cap - len);
        if (n < 0) {
            secmem_free(buf);
            return err_set(e, EXIT_INPUT, "cannot read %s: %s", what, strerror(errno));
        }
        len += (size_t)n;
        if (len < cap)
            break;
        if (cap >= BODY_MAX) {
            secmem_free(buf);
            return err_set(e, EXIT_INPUT, "%s is larger than %u MiB", what, BODY_MAX >> 20);
        }
        char *bigger = secmem_alloc(2 * cap + 1);
        if (bigger != NULL)
            memcpy(bigger, buf, len);
        secmem_free(buf);
        buf = bigger;
        cap *= 2;
    }
    if (buf == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    buf[len] = '\0';
    if (strlen(buf) != len) {
        secmem_free(buf);
        return err_set(e, EXIT_INPUT, "%s contains a NUL byte", what);
    }
    *out = buf;
    return 0;
}

struct record_opts {
    struct record_row r;
    const char *tags[MAX_TAG_ARGS];
    const char *file;
    char today[16];
};

/* The SYNOPSIS line of docs/intake.1, character for character. */
static const char record_usage[] =
    "intake record PSEUDONYM [--title T] [--date YYYY-MM-DD] [--place TEXT] [--lang CODE] [--tag T]... [--file PATH]";

static int parse_record(struct record_opts *o, int argc, char **argv)
{
    static const struct option opts[] = {
        { "title", required_argument, NULL, 't' }, { "date", required_argument, NULL, 'd' },
        { "place", required_argument, NULL, 'p' }, { "lang", required_argument, NULL, 'l' },
        { "tag", required_argument, NULL, 'T' }, { "file", required_argument, NULL, 'f' },
        { "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
    };
    int c, seen[8] = { 0 };

    while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
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
        case 'h': cli_print_usage(stdout, record_usage); return -1;
        default: return cli_bad_option("record", c, argv);
        }
    }
    if (optind + 1 != argc)
        return cli_usage_error("record", "record needs one PSEUDONYM");
    if (o->r.date != NULL && !cli_valid_date(o->r.date))
        return cli_usage_error("record", "--date '%s' is not a real date in the form YYYY-MM-DD", o->r.date);
    if (o->r.date == NULL) {
        cli_today(o->today, sizeof o->today);
        o->r.date = o->today;
    }
    o->r.tags = o->tags;
    return 0;
}

/* 1 if standard input carries a body of its own: a pipe, a FIFO, a socket
 * or a regular file (not a terminal, /dev/null, or closed). */
static int stdin_has_body(void)
{
    struct stat st;

    return fstat(STDIN_FILENO, &st) == 0 &&
           (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) || S_ISREG(st.st_mode));
}

static int load_body(char **body, const char *file, struct err *e)
{
    int fd, rc;

    if (file == NULL) {
        if (isatty(STDIN_FILENO))
            cli_note("type the testimony, then Ctrl-D on a new line");
        return read_body(body, STDIN_FILENO, "standard input", e);
    }
    if (file_open_regular(&fd, file, 0, NULL, e) != 0)
        return -1;
    rc = read_body(body, fd, file, e);
    close(fd);
    return rc;
}

/* Opens the store and checks the pseudonym and the fields, then reads the
 * body: a mistake costs the person nothing they typed.  0 with *s open,
 * or the printed failure's exit status. */
static int unlock_then_read(struct store **s, char **body, const struct record_opts *o,
                            const char *pseudonym, const struct globals *g)
{
    struct err e;
    int rc = cli_open_store(s, g);

    if (rc != 0)
        return rc;
    err_clear(&e);
    if (store_record_check(*s, pseudonym, &o->r, &e) != 0 || load_body(body, o->file, &e) != 0) {
        store_close(*s);
        return cli_fail(&e);
    }
    if ((*body)[0] == '\0') {
        secmem_free(*body);
        store_close(*s);
        return cli_error(EXIT_INPUT, "the testimony is empty; nothing was recorded");
    }
    return 0;
}

int cmd_record(int argc, char **argv, const struct globals *g)
{
    struct record_opts o;
    char id[RECORD_ID_CHARS + 1], *body = NULL;
    struct store *s;
    struct err e;
    int rc;

    memset(&o, 0, sizeof o);
    rc = parse_record(&o, argc, argv);
    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    if (o.file != NULL && g->passfd != STDIN_FILENO && stdin_has_body())
        return cli_usage_error("record", "the body comes from --file or from standard input, not both;"
                               " with --file, run with </dev/null");
    rc = unlock_then_read(&s, &body, &o, argv[optind], g);
    if (rc != 0)
        return rc;
    o.r.body = body;
    err_clear(&e);
    rc = store_record_add(id, sizeof id, s, argv[optind], &o.r, &e) == 0 ? 0 : cli_fail(&e);
    store_close(s);
    secmem_free(body);
    if (rc == 0) {
        cli_saved("record %s was saved: see 'intake list'", id);
        printf("%s\n", id);
    }
    return rc;
}

static json_t *record_json(const struct record_row *r)
{
    json_t *tags = json_array();
    json_t *o;

    for (size_t i = 0; i < r->ntags; i++)
        json_array_append_new(tags, json_string(r->tags[i]));
    o = json_pack("{s:s, s:s, s:s, s:s, s:s?, s:s?, s:o, s:s}", "id", r->id, "date", r->date,
                  "pseudonym", r->pseudonym, "title", r->title, "place", r->place,
                  "lang", r->lang, "tags", tags, "created", r->created);
    if (o != NULL && r->body != NULL)
        json_object_set_new(o, "body", json_string(r->body));
    return o;
}

struct print_ctx {
    json_t *array;
    int full;
};

static int print_record(void *vctx, const struct record_row *r, struct err *e)
{
    struct print_ctx *ctx = vctx;

    if (ctx->array != NULL)
        return json_array_append_new(ctx->array, record_json(r)) == 0 ? 0
               : err_set(e, EXIT_INPUT, "out of memory");
    if (!ctx->full) {
        printf("%s\t%s\t%s\t%s\n", r->id, r->date, r->pseudonym, r->title);
        return 0;
    }
    printf(_("id: %s\n"), r->id);
    printf(_("date: %s\n"), r->date);
    printf(_("pseudonym: %s\n"), r->pseudonym);
    printf(_("title: %s\n"), r->title);
    if (r->place != NULL)
        printf(_("place: %s\n"), r->place);
    if (r->lang != NULL)
        printf(_("lang: %s\n"), r->lang);
    for (size_t i = 0; i < r->ntags; i++)
        printf(_("tag: %s\n"), r->tags[i]);
    printf(_("created: %s\n"), r->created);
    printf("\n%s%s", r->body,
           r->body[0] && r->body[strlen(r->body) - 1] == '\n' ? "" : "\n");
    return 0;
}

/* Runs a query and prints it as lines, a record, or JSON. */
static int run_query(const struct globals *g, const struct record_filter *f,
                     int json, int single)
{
    struct print_ctx ctx = { json ? json_array() : NULL, single };
    struct store *s;
    struct err e;
    int rc = cli_open_store(&s, g);

    if (rc != 0) {
        json_decref(ctx.array);
        return rc;
    }
    err_clear(&e);
    /* --subject names a subject that exists: an empty list must mean no
     * records, never a mistyped pseudonym. */
    if (f->subject != NULL) {
        const struct record_row none = { 0 };
        rc = store_record_check(s, f->subject, &none, &e);
    }
    if (rc == 0)
        rc = store_record_each(s, f, print_record, &ctx, &e);
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
static const char search_usage[] = "intake search QUERY [--json]";
static const char show_usage[] = "intake show ID [--json]";

static int parse_query(int argc, char **argv, const char *cmd, const char *usage,
                       struct record_filter *f, int *json, int npos)
{
    static const struct option opts[] = {
        { "subject", required_argument, NULL, 's' }, { "tag", required_argument, NULL, 't' },
        { "json", no_argument, NULL, 'j' }, { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c, seen[2] = { 0 };
    int filters = strcmp(cmd, "list") == 0;

    while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
        if (c == 'j') *json = 1;
        else if (c == 's' && filters) { if (cli_once(cmd, "subject", &seen[0])) return EXIT_INPUT; f->subject = optarg; }
        else if (c == 't' && filters) { if (cli_once(cmd, "tag", &seen[1])) return EXIT_INPUT; f->tag = optarg; }
        else if (c == 'h') { cli_print_usage(stdout, usage); return -1; }
        else return cli_bad_option(cmd, c, argv);
    }
    if (argc - optind != npos)
        return npos ? cli_usage_error(cmd, "%s needs one %s", cmd, strcmp(cmd, "show") ? "QUERY" : "ID")
                    : cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
    return 0;
}

int cmd_list(int argc, char **argv, const struct globals *g)
{
    struct record_filter f = { 0 };
    int json = 0, rc = parse_query(argc, argv, "list", list_usage, &f, &json, 0);

    return rc != 0 ? (rc < 0 ? EXIT_OK : rc) : run_query(g, &f, json, 0);
}

int cmd_search(int argc, char **argv, const struct globals *g)
{
    struct record_filter f = { 0 };
    int json = 0, rc = parse_query(argc, argv, "search", search_usage, &f, &json, 1);

    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    f.query = argv[optind];
    if (f.query[0] == '\0')
        return cli_usage_error("search", "the QUERY is empty");
    return run_query(g, &f, json, 0);
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

/* What show adds after the record: its attachments and where it came from. */
static int show_extras(struct store *s, const char *id, json_t *obj, struct err *e)
{
    char origin[512];
    json_t *arr = obj != NULL ? json_array() : NULL;

    if (store_attachment_each(s, id, print_attachment, arr, e) != 0 ||
        store_record_origin(origin, sizeof origin, s, id, e) != 0) {
        json_decref(arr);
        return -1;
    }
    if (obj != NULL) {
        json_object_set_new(obj, "attachments", arr);
        if (origin[0] != '\0')
            json_object_set_new(obj, "origin", json_string(origin));
    } else if (origin[0] != '\0') {
        printf(_("origin: %s\n"), origin);
    }
    return 0;
}

int cmd_show(int argc, char **argv, const struct globals *g)
{
    struct record_filter f = { 0 };
    int json = 0, rc = parse_query(argc, argv, "show", show_usage, &f, &json, 1);
    struct print_ctx ctx = { NULL, 1 };
    struct store *s;
    struct err e;

    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    f.id = argv[optind];
    f.with_body = 1;
    rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc;
    err_clear(&e);
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
