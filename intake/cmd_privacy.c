/* term, allow, consent, redact */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <utf8proc.h>

#include "intake/cli.h"
#include "intake/commands.h"
#include "export/audit.h"
#include "export/mediatext.h"
#include "privacy/redact.h"
#include "store/export.h"
#include "store/store.h"
#include "util/intl.h"
#include "util/text.h"

/* The SYNOPSIS lines of docs/intake.1, character for character. */
static const char term_usage[] =
    "intake term add CATEGORY:TEXT\n"
    "intake term list [--json]\n"
    "intake term remove ID";
static const char allow_usage[] =
    "intake allow TEXT\n"
    "intake allow --list [--json]";
static const char consent_usage[] =
    "intake consent PSEUDONYM [--export yes|no] [--quote yes|no] [--publish yes|no] [--attachments yes|no] [--embargo YYYY-MM-DD] [--method verbal|written|recorded] [--include-earlier] [--withdraw]";
static const char redact_usage[] = "intake redact RECORD [--to NAME[,NAME...]] [--exact-dates] [--keep-metadata [--send-unchecked]] [--report] [--json] [--diff --reveal]";

/* Only --help and, where json is not NULL, --json; npos words must follow. */
static int term_args(int argc, char **argv, int npos, int *json, const char *hint)
{
    return cli_plain_args("term", term_usage, argc, argv, npos, hint,
                          json != NULL ? "json" : NULL, json);
}

static void print_json(json_t *j)
{
    json_dumpf(j, stdout, JSON_INDENT(2));
    putchar('\n');
    json_decref(j);
}

/* Ends a listing: prints what --json collected if it succeeded, frees it
 * either way; returns rc. */
static int end_list(int rc, int json, json_t *array)
{
    if (rc == 0 && json)
        print_json(array);
    else
        json_decref(array);
    return rc;
}

/* ---- term add | list | remove ---- */

/* The category and text of term add's words: CATEGORY:TEXT, the one form
 * a term is written in everywhere, or the older two words CATEGORY TEXT,
 * still read (docs/intake.1). */
static int term_words(char *category, size_t catlen, const char **text, char **words,
                      int nwords, struct err *e)
{
    int cat;

    if (nwords == 1)
        return term_spec_parse(category, catlen, text, words[0], "the term", e);
    if (snprintf(category, catlen, "%s", words[0]) >= (int)catlen)
        return err_set(e, EXIT_INPUT, "unknown term category '%.40s'; use one of: %s",
                       words[0], TERM_CATEGORIES);
    *text = words[1];
    return term_category_parse(&cat, category, e) == 0 &&
           identity_check(*text, "the term", e) == 0 ? 0 : -1;
}

static int term_add(int argc, char **argv, const struct globals *g)
{
    static const struct option opts[] = {
        { "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
    };
    char category[TERM_CATEGORY_MAX];
    const char *text;
    struct store *s;
    struct err e;
    long id = 0;
    int c, rc;

    while ((c = cli_getopt(argc, argv, ":", opts)) != -1) {
        if (c != 'h')
            return cli_bad_option("term", c, argv);
        cli_print_usage(stdout, term_usage);
        return EXIT_OK;
    }
    if (argc - optind < 1 || argc - optind > 2)
        return cli_usage_error("term", "term add needs CATEGORY:TEXT, as in place:Chongjin");
    err_clear(&e);
    if (term_words(category, sizeof category, &text, argv + optind, argc - optind, &e) != 0)
        return cli_fail(&e);
    rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc;
    rc = store_term_add(&id, s, category, text, &e) == 0 ? 0 : cli_fail(&e);
    store_close(s);
    if (rc == 0) {
        cli_saved("term %ld was added: see 'intake term list'", id);
        printf("%ld\n", id);
    }
    return rc;
}

/* --json collects rows into array; else lines follow a header. */
struct rows {
    json_t *array;
    int n;
};

static int print_term(void *ctx, const struct term_row *r, struct err *e)
{
    struct rows *rows = ctx;
    json_t *array = rows->array;

    if (array == NULL) {
        if (rows->n++ == 0)
        {
            static const struct cli_column cols[] = {
                { N_("ID"), 0 }, { N_("CATEGORY"), 0 }, { N_("SUBJECT"), 0 }, { N_("ADDED"), 20 },
                { N_("TEXT"), 0 },
            };
            cli_header(cols, sizeof cols / sizeof cols[0]);
        }
        printf("%ld\t%s\t%s\t%s\t%s\n", r->id, r->category,
               r->pseudonym ? cli_shown(r->pseudonym) : "-", r->added, cli_shown(r->text));
        return 0;
    }
    return json_array_append_new(array, json_pack("{s:I, s:s, s:s?, s:s, s:s}", "id",
                                 (json_int_t)r->id, "category", r->category, "subject",
                                 r->pseudonym, "added", r->added, "text", r->text)) == 0
           ? 0 : err_set(e, EXIT_INPUT, "out of memory");
}

static int term_list(int argc, char **argv, const struct globals *g)
{
    json_t *array = NULL;
    struct store *s;
    struct err e;
    int json = 0, rc = term_args(argc, argv, 0, &json, N_("term list takes no arguments"));

    if (rc != 0 || (rc = cli_open_store(&s, g)) != 0)
        return rc < 0 ? EXIT_OK : rc;
    if (json)
        array = json_array();
    err_clear(&e);
    struct rows rows = { array, 0 };
    rc = store_term_each(s, print_term, &rows, &e) == 0 ? 0 : cli_fail(&e);
    store_close(s);
    return end_list(rc, json, array);
}

static int parse_id(long *id, const char *s)
{
    char *end;

    errno = 0;
    *id = strtol(s, &end, 10);
    return errno == 0 && end != s && *end == '\0' && *id > 0 ? 0 : -1;
}

static int term_remove(int argc, char **argv, const struct globals *g)
{
    struct store *s;
    struct err e;
    long id;
    int rc = term_args(argc, argv, 1, NULL, N_("term remove needs one ID (see 'intake term list')"));

    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    if (parse_id(&id, argv[optind]) != 0)
        return cli_usage_error("term", "'%.40s' is not a term ID; 'intake term list' shows the IDs",
                               argv[optind]);
    if ((rc = cli_open_store(&s, g)) != 0)
        return rc;
    err_clear(&e);
    rc = store_term_remove(s, id, &e) == 0 ? 0 : cli_fail(&e);
    store_close(s);
    if (rc == 0)
        cli_note("term %ld removed", id);
    return rc;
}

int cmd_term(int argc, char **argv, const struct globals *g)
{
    static const struct cli_sub subs[] = {
        { "add", term_add }, { "list", term_list }, { "remove", term_remove },
    };

    return cli_subcommand("term", term_usage, subs, sizeof subs / sizeof subs[0], argc, argv, g);
}

/* ---- allow ---- */

static int print_allowed(void *ctx, const struct allowed_row *r, struct err *e)
{
    struct rows *rows = ctx;
    json_t *array = rows->array;

    if (array == NULL) {
        if (rows->n++ == 0)
        {
            static const struct cli_column cols[] = { { N_("ADDED"), 20 }, { N_("TEXT"), 0 } };
            cli_header(cols, sizeof cols / sizeof cols[0]);
        }
        printf("%s\t%s\n", r->added, cli_shown(r->text));
        return 0;
    }
    return json_array_append_new(array, json_pack("{s:s, s:s}", "added", r->added, "text",
                                                  r->text)) == 0
           ? 0 : err_set(e, EXIT_INPUT, "out of memory");
}

static int allow_list(const struct globals *g, int json)
{
    json_t *array = json ? json_array() : NULL;
    struct store *s;
    struct err e;
    int rc = cli_open_store(&s, g);

    if (rc != 0) {
        json_decref(array);
        return rc;
    }
    err_clear(&e);
    struct rows rows = { array, 0 };
    rc = store_allowed_each(s, print_allowed, &rows, &e) == 0 ? 0 : cli_fail(&e);
    store_close(s);
    return end_list(rc, json, array);
}

int cmd_allow(int argc, char **argv, const struct globals *g)
{
    static const struct option opts[] = {
        { "list", no_argument, NULL, 'l' },
        { "json", no_argument, NULL, 'j' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c, list = 0, json = 0, rc;
    struct store *s;
    struct err e;

    while ((c = cli_getopt(argc, argv, ":", opts)) != -1) {
        if (c == 'l') list = 1;
        else if (c == 'j') json = 1;
        else if (c == 'h') { cli_print_usage(stdout, allow_usage); return EXIT_OK; }
        else return cli_bad_option("allow", c, argv);
    }
    if (list)
        return optind == argc ? allow_list(g, json)
               : cli_usage_error("allow", "allow --list takes no TEXT");
    if (json)
        return cli_usage_error("allow", "--json goes with --list");
    if (argc - optind != 1)
        return cli_usage_error("allow", "allow needs one TEXT");
    err_clear(&e);
    if (identity_check(argv[optind], "the allowed text", &e) != 0)
        return cli_fail(&e);
    rc = cli_open_store(&s, g);
    if (rc == 0) {
        rc = store_allow(s, argv[optind], &e) == 0 ? 0 : cli_fail(&e);
        store_close(s);
    }
    if (rc == 0)
        cli_note("allowed; review flags on this text are resolved (auditors see it)");
    return rc;
}

/* ---- consent ---- */

static int yes_no(int *out, const char *opt, const char *v)
{
    if (*out != -1)
        return cli_usage_error("consent", "--%s given twice", opt);
    if (strcmp(v, "yes") == 0)
        *out = 1;
    else if (strcmp(v, "no") == 0)
        *out = 0;
    else
        return cli_usage_error("consent", "--%s takes yes or no, not '%.20s'", opt, v);
    return 0;
}

static int parse_consent(struct consent_change *c, int argc, char **argv)
{
    static const struct option opts[] = {
        { "export", required_argument, NULL, 'x' }, { "quote", required_argument, NULL, 'q' },
        { "publish", required_argument, NULL, 'p' }, { "attachments", required_argument, NULL, 'a' },
        { "embargo", required_argument, NULL, 'e' }, { "method", required_argument, NULL, 'm' },
        { "withdraw", no_argument, NULL, 'w' }, { "help", no_argument, NULL, 'h' },
        { "include-earlier", no_argument, NULL, 'i' }, { NULL, 0, NULL, 0 },
    };
    int ch, rc = 0, seen[4] = { 0 };

    while (rc == 0 && (ch = cli_getopt(argc, argv, ":", opts)) != -1) {
        switch (ch) {
        case 'x': rc = yes_no(&c->export_ok, "export", optarg); break;
        case 'q': rc = yes_no(&c->quote, "quote", optarg); break;
        case 'p': rc = yes_no(&c->publish, "publish", optarg); break;
        case 'a': rc = yes_no(&c->attachments, "attachments", optarg); break;
        case 'e':
            if ((rc = cli_once("consent", "embargo", &seen[0])) != 0)
                break;
            if (strcmp(optarg, "none") == 0)
                c->embargo = "";
            else if (cli_valid_date(optarg))
                c->embargo = optarg;
            else
                rc = cli_usage_error("consent", "--embargo '%.20s' is not a real date in the form YYYY-MM-DD (or none)", optarg);
            break;
        case 'm':
            if ((rc = cli_once("consent", "method", &seen[1])) != 0)
                break;
            if (strcmp(optarg, "verbal") && strcmp(optarg, "written") && strcmp(optarg, "recorded"))
                rc = cli_usage_error("consent", "--method takes verbal, written or recorded, not '%.20s'", optarg);
            c->method = optarg;
            break;
        case 'w': rc = cli_once("consent", "withdraw", &seen[2]); c->withdraw = 1; break;
        case 'i':
            rc = cli_once("consent", "include-earlier", &seen[3]);
            c->include_earlier = 1;
            break;
        case 'h': cli_print_usage(stdout, consent_usage); return -1;
        default: return cli_bad_option("consent", ch, argv);
        }
    }
    if (rc != 0)
        return rc;
    if (argc - optind != 1)
        return cli_usage_error("consent", "consent needs one PSEUDONYM");
    if (c->withdraw && (c->export_ok != -1 || c->quote != -1 || c->publish != -1 ||
                        c->attachments != -1 || c->embargo != NULL || c->method != NULL ||
                        c->include_earlier))
        return cli_usage_error("consent", "--withdraw withdraws everything; give it alone");
    if (!c->withdraw && c->export_ok == -1 && c->quote == -1 && c->publish == -1 &&
        c->attachments == -1 && c->embargo == NULL && c->method == NULL && !c->include_earlier)
        return cli_usage_error("consent", "say what was consented to (--export, --quote, --publish, --attachments, --embargo, --method, --include-earlier) or --withdraw");
    return 0;
}

/* After a re-consent that does not cover them, says how many records
 * made before it stay on the device, and how to let them leave (adv16
 * B-5); a failure to count is not the command's: it saved its change. */
static void earlier_note(struct store *s, const char *pseudonym)
{
    struct consent_earlier c;
    struct err e;

    err_clear(&e);
    if (store_consent_earlier(&c, s, pseudonym, NULL, &e) != 0 || c.records == 0)
        return;
    cli_note(P_("%ld record of %s made before its re-consent stays on the device; if the "
                      "subject agrees that it may leave too: 'intake consent %s --include-earlier'",
                      "%ld records of %s made before its re-consent stay on the device; if the "
                      "subject agrees that they may leave too: 'intake consent %s "
                      "--include-earlier'", (unsigned long)c.records),
             c.records, pseudonym, pseudonym);
}

int cmd_consent(int argc, char **argv, const struct globals *g)
{
    struct consent_change c = { -1, -1, -1, -1, NULL, NULL, 0, 0 };
    struct store *s;
    struct err e;
    int rc = parse_consent(&c, argc, argv);

    if (rc != 0 || (rc = cli_open_store(&s, g)) != 0)
        return rc < 0 ? EXIT_OK : rc;
    err_clear(&e);
    long due = cli_notices_pending(s);
    rc = store_consent_set(s, argv[optind], &c, &e) == 0 ? 0 : cli_fail(&e);
    if (rc == 0 && c.withdraw)
        cli_note("consent withdrawn for %s (see 'intake subject show %s')", argv[optind],
                 argv[optind]);
    else if (rc == 0 && c.include_earlier)
        cli_note("consent recorded for %s, covering the records made before its re-consent "
                 "too (see 'intake subject show %s')", argv[optind], argv[optind]);
    else if (rc == 0)
        cli_note("consent recorded for %s (see 'intake subject show %s')", argv[optind],
                 argv[optind]);
    if (rc == 0 && !c.withdraw)
        earlier_note(s, argv[optind]);
    if (rc == 0)
        cli_notices_note(s, due);
    store_close(s);
    return rc;
}

/* ---- redact ---- */

struct redact_opts {
    int report, json, diff, reveal;
    int exact_dates, keep_metadata;     /* as export's options of the same names */
    int send_unchecked;
    char *to;                           /* --to NAME[,NAME...], or NULL */
    const char *id;
};

/* A field's redactions (where they are, never what they replaced) and its
 * review flags with the flagged word: a flag lies on text that stays in
 * what leaves, which `redact` prints anyway, so the word is no more secret
 * than that (the bundle's manifest carries spans only). */
static void report_field(const char *field, const struct redaction *r, json_t *items,
                         json_t *flags)
{
    char shown[256];

    for (size_t i = 0; r != NULL && i < r->nitems; i++) {
        const struct redaction_item *it = &r->items[i];
        if (items != NULL)
            json_array_append_new(items, json_pack("{s:s, s:I, s:I, s:s, s:s}", "field", field,
                                  "start", (json_int_t)it->start, "length", (json_int_t)it->len,
                                  "category", it->category, "rule", it->rule));
        else
            printf("redaction\t%s\t%zu\t%zu\t%s\t%s\n", field, it->start, it->len,
                   it->category, it->rule);
    }
    for (size_t i = 0; r != NULL && i < r->nflags; i++) {
        const struct redaction_flag *f = &r->flags[i];
        if (flags != NULL) {
            json_array_append_new(flags, json_pack("{s:s, s:I, s:I, s:s, s:b, s:s%}", "field",
                                  field, "start", (json_int_t)f->start, "length",
                                  (json_int_t)f->len, "kind", f->kind, "allowed", f->allowed,
                                  "text", r->text + f->start, f->len));
        } else {
            text_terminal_safe(shown, sizeof shown, r->text + f->start, f->len);
            printf("flag\t%s\t%zu\t%zu\t%s\t%s\t%s\n", field, f->start, f->len, f->kind,
                   f->allowed ? "allowed" : "unresolved", shown);
        }
    }
}

static void report_all(const struct redacted_record *rr, json_t *items, json_t *flags)
{
    char field[32];

    report_field("title", rr->title, items, flags);
    report_field("place", rr->place, items, flags);
    for (size_t i = 0; i < rr->ntags; i++) {
        snprintf(field, sizeof field, "tag%zu", i + 1);
        report_field(field, &rr->tags[i], items, flags);
    }
    report_field("body", rr->body, items, flags);
    for (size_t i = 0; i < rr->ntexts; i++) {
        snprintf(field, sizeof field, "attachment%zu", i + 1);
        report_field(field, rr->texts[i].red, items, flags);
    }
}

/* Why attachment t does not leave redacted (English), or NULL if it does. */
static const char *refusal(const struct redacted_text *t)
{
    return t->kind == TEXT_REDACTED ? NULL : t->kind == TEXT_UNSTRIPPABLE ? t->why
           : mediatext_refusal(t->kind == TEXT_MARKUP ? MEDIATEXT_MARKUP
                               : t->kind == TEXT_CONTROL ? MEDIATEXT_CONTROL
                               : MEDIATEXT_NOT_UTF8);
}

/* The text attachments as they would leave (issue 13): redacted, or why
 * not. JSON: an array of {name, text or null, refused or null}. */
static json_t *texts_json(const struct redacted_record *rr)
{
    json_t *a = json_array();

    for (size_t i = 0; a != NULL && i < rr->ntexts; i++) {
        const struct redacted_text *t = &rr->texts[i];
        json_array_append_new(a, json_pack("{s:s, s:s?, s:s?}", "name", t->file,
                              "text", t->red != NULL ? t->red->text : NULL, "refused",
                              refusal(t)));
    }
    return a;
}

/* Each text attachment under the name it leaves with (attachment-1.txt):
 * the stored name can hold a name or a phone that does not leave
 * (report adv12 A-14); --diff --reveal shows it. */
static void print_texts(const struct redacted_record *rr, int reveal, int unchecked)
{
    for (size_t i = 0; i < rr->ntexts; i++) {
        const struct redacted_text *t = &rr->texts[i];
        const char *x = t->red != NULL ? t->red->text : "";

        if (reveal)
            printf(_("\n--- attachment%zu: %s (%s) ---\n"), i + 1, t->file, cli_shown(t->name));
        else
            printf(_("\n--- attachment%zu: %s ---\n"), i + 1, t->file);
        if (t->red == NULL && t->kind == TEXT_UNSTRIPPABLE && unchecked)
            printf(_("%s: its content was not checked for names; it leaves as stored "
                     "(--send-unchecked)\n"), t->why);
        else if (t->red == NULL)
            printf("%s\n", t->kind == TEXT_UNSTRIPPABLE ? t->why : _(refusal(t)));
        else
            printf("%s%s", x, x[0] && x[strlen(x) - 1] == '\n' ? "" : "\n");
    }
}

/* ---- --diff --reveal: two columns on the terminal ---- */

/* Bytes of s[0..len) that fit in width columns (at least one character). */
static size_t fit(const char *s, size_t len, int width, int *used)
{
    size_t at = 0;

    *used = 0;
    while (at < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + at,
                                              (utf8proc_ssize_t)(len - at), &cp);
        int w = n > 0 ? utf8proc_charwidth(cp) : 1;
        if (n <= 0)
            n = 1;
        if (w < 0)
            w = 0;
        if (*used + w > width && at > 0)
            break;
        *used += w;
        at += (size_t)n;
    }
    return at;
}

static void side_by_side(const char *a, const char *b, int col)
{
    while (*a != '\0' || *b != '\0') {
        size_t alen = strcspn(a, "\n"), blen = strcspn(b, "\n");
        const char *na = a + alen + (a[alen] == '\n'), *nb = b + blen + (b[blen] == '\n');
        do {
            int wa, wb;
            size_t ta = fit(a, alen, col, &wa), tb = fit(b, blen, col, &wb);
            printf("%.*s%*s | %.*s\n", (int)ta, a, col - wa, "", (int)tb, b);
            a += ta, alen -= ta, b += tb, blen -= tb;
        } while (alen > 0 || blen > 0);
        a = na, b = nb;
    }
}

static void print_diff(const struct record_row *row, const struct redacted_record *rr)
{
    struct winsize ws;
    int width = ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20 ? ws.ws_col : 80;
    int col = (width - 3) / 2;

    side_by_side("ORIGINAL", "REDACTED", col);
    side_by_side(row->title, rr->title->text, col);
    if (row->place != NULL)
        side_by_side(row->place, rr->place->text, col);
    for (size_t i = 0; i < rr->ntags; i++)
        side_by_side(row->tags[i], rr->tags[i].text, col);
    printf("%*s |\n", col, "");
    side_by_side(row->body, rr->body->text, col);
}

/* What redact shows of its record, and why the record may not leave. */
struct redact_run {
    const struct redact_opts *o;
    json_t *json;                       /* --json: the record, printed at the end */
    char blocked[512];                  /* consent and review flags, or "" */
    char blocked_text[1024];            /* the same in the person's language */
};

/* The record as export would send it: the date too (the month unless
 * --exact-dates, export_date). */
static json_t *redacted_json(const struct record_row *row, const struct redacted_record *rr,
                             int exact_dates)
{
    json_t *tags = json_array(), *items = json_array(), *flags = json_array();
    char date[11];

    export_date(date, sizeof date, row->date, exact_dates);
    for (size_t i = 0; i < rr->ntags; i++)
        json_array_append_new(tags, json_string(rr->tags[i].text));
    report_all(rr, items, flags);
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s?, s:o, s:s, s:o, s:o, s:I, s:o}",
                     "id", row->id, "date", date, "date_precision",
                     exact_dates ? "day" : "month", "pseudonym", row->pseudonym,
                     "title", rr->title->text, "place", rr->place ? rr->place->text : NULL,
                     "tags", tags, "body", rr->body->text, "redactions", items, "flags", flags,
                     "unresolved", (json_int_t)rr->unresolved, "attachments", texts_json(rr));
}

static int show_redacted(void *ctx, const struct record_row *row,
                         const struct redacted_record *rr, const char *why,
                         const char *why_text, struct err *e)
{
    struct redact_run *run = ctx;
    const char *body = rr->body->text;

    snprintf(run->blocked, sizeof run->blocked, "%s", why);
    snprintf(run->blocked_text, sizeof run->blocked_text, "%s", why_text);
    if (run->o->diff) {
        print_diff(row, rr);
        print_texts(rr, 1, run->o->keep_metadata && run->o->send_unchecked);
    }
    else if (run->o->json)
        return (run->json = redacted_json(row, rr, run->o->exact_dates)) != NULL ? 0
               : err_set(e, EXIT_INPUT, "out of memory");
    else if (run->o->report)
        report_all(rr, NULL, NULL);
    else {
        printf("%s\n\n%s%s", rr->title->text, body,
               body[0] && body[strlen(body) - 1] == '\n' ? "" : "\n");
        print_texts(rr, 0, run->o->keep_metadata && run->o->send_unchecked);
    }
    return 0;
}

static int parse_redact(struct redact_opts *o, int argc, char **argv)
{
    static const struct option opts[] = {
        { "report", no_argument, NULL, 'r' }, { "json", no_argument, NULL, 'j' },
        { "diff", no_argument, NULL, 'd' }, { "reveal", no_argument, NULL, 'R' },
        { "to", required_argument, NULL, 't' }, { "exact-dates", no_argument, NULL, 'x' },
        { "keep-metadata", no_argument, NULL, 'k' },
        { "send-unchecked", no_argument, NULL, 'u' },
        { "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
    };
    int c, seen_to = 0;

    while ((c = cli_getopt(argc, argv, ":", opts)) != -1) {
        switch (c) {
        case 'r': o->report = 1; break;
        case 'j': o->json = 1; break;
        case 'd': o->diff = 1; break;
        case 'R': o->reveal = 1; break;
        case 't':
            if (cli_once("redact", "to", &seen_to))
                return EXIT_INPUT;
            o->to = optarg;
            break;
        case 'x': o->exact_dates = 1; break;
        case 'k': o->keep_metadata = 1; break;
        case 'u': o->send_unchecked = 1; break;
        case 'h': cli_print_usage(stdout, redact_usage); return -1;
        default: return cli_bad_option("redact", c, argv);
        }
    }
    if (argc - optind != 1)
        return cli_usage_error("redact", "redact needs one RECORD id (see 'intake list')");
    if (cli_record_id_check(argv[optind]) != 0)
        return EXIT_INPUT;
    o->id = argv[optind];
    if (o->diff != o->reveal)
        return cli_usage_error("redact", "--diff shows the original text and needs --reveal (and --reveal goes only with --diff)");
    if (o->diff && (o->report || o->json))
        return cli_usage_error("redact", "--diff --reveal goes alone, without --report or --json");
    if (o->diff && !isatty(STDOUT_FILENO))
        return cli_error(EXIT_INPUT, "--diff --reveal shows real names and goes only to a terminal, not to a file or pipe");
    return 0;
}

/* Why the record may not leave, from what the checks found; "" if it may. */
static void why_not(char *why, size_t whylen, const struct redact_run *run,
                    const struct export_result *res, int translated)
{
    if (run->blocked[0] != '\0')
        snprintf(why, whylen, "%s", translated ? run->blocked_text : run->blocked);
    else if (res->verdict == AUDIT_FAIL)
        snprintf(why, whylen, intl_maybe("the audit before export FAILs: %s", translated),
                 res->first_fail);
    else
        why[0] = '\0';
}

/* The record as it would leave, checked as export checks it (store_export_check):
 * exit 0 exactly when 'intake export' of it with the same --to,
 * --exact-dates and --keep-metadata would write the bundle. */
int cmd_redact(int argc, char **argv, const struct globals *g)
{
    struct redact_opts o = { 0, 0, 0, 0, 0, 0, 0, NULL, NULL };
    char **names = NULL;
    char id[RECORD_ID_CHARS + 1];
    struct redact_run run;
    struct export_request req;
    struct export_result res;
    struct store *s;
    struct err e;
    char why[800], why_text[1200];
    int rc = parse_redact(&o, argc, argv);

    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    memset(&run, 0, sizeof run);
    memset(&req, 0, sizeof req);
    run.o = &o;
    if (o.to != NULL && (rc = cli_split_names(&names, &req.nto, o.to)) != 0)
        return rc;
    if (o.to != NULL && req.nto == 0) {
        free(names);
        return cli_usage_error("redact", "--to names no contact");
    }
    if ((rc = cli_open_store(&s, g)) != 0) {
        free(names);
        return rc;
    }
    if ((rc = cli_record_id(id, sizeof id, s, o.id)) != 0) {
        store_close(s);
        free(names);
        return rc;
    }
    req.to = (const char *const *)names;
    req.exact_dates = o.exact_dates;
    req.keep_metadata = o.keep_metadata;
    req.send_unchecked = o.send_unchecked;
    o.id = id;
    err_clear(&e);
    req.ids = &o.id;
    req.nids = 1;
    req.show = show_redacted;
    req.show_ctx = &run;
    rc = store_export_check(&res, s, &req, &e);
    store_close(s);
    free(names);
    cli_dictionaries_note();
    why_not(why, sizeof why, &run, &res, 0);
    why_not(why_text, sizeof why_text, &run, &res, 1);
    if (run.json != NULL) {
        json_object_set_new(run.json, "may_leave", json_boolean(rc == 0));
        /* An attachment whose metadata cannot be removed is found only
         * as the record is listed (store/export_media.c): e says why. */
        json_object_set_new(run.json, "blocked", rc != 0 && why[0] ? json_string(why)
                            : rc != 0 && e.code == EXIT_AUTH ? json_string(e.msg)
                            : json_null());
        print_json(run.json);
    }
    if (o.report && res.verdict == AUDIT_FAIL && res.report != NULL)
        fputs(res.report, stdout);
    export_result_free(&res);
    if (rc != 0 && e.code == EXIT_AUTH && why[0] != '\0')
        return cli_error(EXIT_AUTH, "record %s may not leave the device: %s", o.id, why_text);
    return rc == 0 ? EXIT_OK : cli_fail(&e);
}
