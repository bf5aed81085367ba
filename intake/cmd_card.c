/* card, and contact add | list | show | remove | verify */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "intake/cli.h"
#include "intake/commands.h"
#include "intake/input.h"
#include "crypto/secmem.h"
#include "crypto/card.h"
#include "crypto/qr.h"
#include "crypto/safety.h"
#include "store/store.h"
#include "util/intl.h"

struct qr_opts {
    const char *qr, *out, *scan;
    int force, replace, confirm;
};

static int own_card(struct card *c, char *text, size_t textlen, struct store *s,
                    struct err *e)
{
    memset(c, 0, sizeof *c);
    c->version = CARD_VERSION;
    if (store_meta_get(c->label, sizeof c->label, s, "label", e) != 0 ||
        store_device_public(c->sign_pk, c->box_pk, s, e) != 0)
        return -1;
    return card_encode(text, textlen, c, e);
}

/* Refuses a QR code larger than the terminal on standard output: wrapped
 * or cut, it would not scan.  Output that is no terminal is not measured. */
static int fits_terminal(const char *text, struct err *e)
{
    struct winsize ws;
    int columns, lines;

    if (!isatty(STDOUT_FILENO) || ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 ||
        ws.ws_col == 0 || ws.ws_row == 0)
        return 0;
    if (qr_term_size(&columns, &lines, text, e) != 0)
        return -1;
    if (columns <= ws.ws_col && lines <= ws.ws_row)
        return 0;
    return err_set(e, EXIT_INPUT, "the QR code needs %d columns and %d lines, and this terminal "
                   "has %u and %u: enlarge the window, or use --qr png -o FILE", columns, lines,
                   (unsigned)ws.ws_col, (unsigned)ws.ws_row);
}

/* 1 when -o - sends the image to standard output. */
static int to_stdout(const struct qr_opts *o)
{
    return o->out != NULL && strcmp(o->out, "-") == 0;
}

/* --qr, -o and --force, checked before the passphrase is asked. */
static int check_qr_opts(const struct qr_opts *o, const char *cmd)
{
    if (o->qr == NULL)
        return o->out != NULL && !to_stdout(o)
               ? cli_usage_error(cmd, "-o goes with --qr png or --qr svg") : 0;
    if (strcmp(o->qr, "term") == 0)
        return o->out != NULL
               ? cli_usage_error(cmd, "--qr term draws on the terminal; -o is for png or svg") : 0;
    if (strcmp(o->qr, "png") != 0 && strcmp(o->qr, "svg") != 0)
        return cli_usage_error(cmd, "unknown --qr '%s': use term, png or svg", o->qr);
    if (o->out == NULL)
        return cli_usage_error(cmd, "--qr %s needs -o FILE (or -o - for standard output)", o->qr);
    if (to_stdout(o) && strcmp(o->qr, "png") == 0 && isatty(STDOUT_FILENO))
        return cli_error(EXIT_INPUT, "-o - would write the PNG image's bytes on this terminal: "
                         "send standard output to a file or a pipe");
    return to_stdout(o) ? 0 : cli_check_new_file(o->out, o->force);
}

/* The image of text on standard output (-o -). */
static int qr_to_stdout(const char *format, const char *text, struct err *e)
{
    unsigned char *img = NULL;
    size_t len = 0;
    int rc = strcmp(format, "png") == 0 ? qr_png(&img, &len, text, e)
             : qr_svg((char **)&img, &len, text, e);

    if (rc == 0 && fwrite(img, 1, len, stdout) != len)
        rc = err_set(e, EXIT_INPUT, "cannot write to standard output");
    free(img);
    return rc;
}

/* Draws text as a QR code in the format asked for (check_qr_opts passed). */
static int draw_qr(const struct qr_opts *o, const char *text, struct err *e)
{
    if (strcmp(o->qr, "term") == 0)
        return fits_terminal(text, e) == 0 ? qr_write_term(stdout, text, QR_TERM_COLOUR, e) : -1;
    if (to_stdout(o))
        return qr_to_stdout(o->qr, text, e);
    if (strcmp(o->qr, "png") == 0)
        return qr_write_png(o->out, o->force, text, e);
    return qr_write_svg(o->out, o->force, text, e);
}

/* The SYNOPSIS lines of docs/intake.1, character for character. */
static const char card_usage[] = "intake card [--qr term|png|svg] [-o FILE] [--force]";
static const char contact_usage[] =
    "intake contact add NAME CARD [--replace]\n"
    "intake contact add NAME --scan IMAGE [--replace]\n"
    "intake contact list\n"
    "intake contact show NAME\n"
    "intake contact remove NAME\n"
    "intake contact verify NAME [--qr term|png|svg] [-o FILE] [--force] [--scan IMAGE] [--confirm]";

static int parse_qr_opts(struct qr_opts *o, int argc, char **argv, const char *cmd,
                         const char *usage)
{
    static const struct option opts[] = {
        { "qr", required_argument, NULL, 'q' }, { "output", required_argument, NULL, 'o' },
        { "scan", required_argument, NULL, 's' }, { "force", no_argument, NULL, 'f' },
        { "replace", no_argument, NULL, 'r' }, { "confirm", no_argument, NULL, 'c' },
        { "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
    };
    int c, seen[3] = { 0 };

    memset(o, 0, sizeof *o);
    while ((c = cli_getopt(argc, argv, ":o:", opts)) != -1) {
        switch (c) {
        case 'q': if (cli_once(cmd, "qr", &seen[0])) return EXIT_INPUT; o->qr = optarg; break;
        case 'o': if (cli_once(cmd, "output", &seen[1])) return EXIT_INPUT; o->out = optarg; break;
        case 's': if (cli_once(cmd, "scan", &seen[2])) return EXIT_INPUT; o->scan = optarg; break;
        case 'f': o->force = 1; break;
        case 'r': o->replace = 1; break;
        case 'c': o->confirm = 1; break;
        case 'h': cli_print_usage(stdout, usage); return -1;
        default: return cli_bad_option(cmd, c, argv);
        }
    }
    return check_qr_opts(o, cmd);
}

int cmd_card(int argc, char **argv, const struct globals *g)
{
    struct qr_opts o;
    struct card c;
    char text[CARD_TEXT_SIZE];
    struct store *s;
    struct err e;
    int rc = parse_qr_opts(&o, argc, argv, "card", card_usage);

    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    if (optind != argc || o.scan || o.replace || o.confirm)
        return cli_usage_error("card", "card takes only --qr, -o and --force");
    rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc;
    err_clear(&e);
    rc = own_card(&c, text, sizeof text, s, &e);
    store_close(s);
    if (rc == 0 && o.qr == NULL)
        printf("%s\n", text);
    else if (rc == 0)
        rc = draw_qr(&o, text, &e);
    return rc == 0 ? EXIT_OK : cli_fail(&e);
}

/* show: one block; list: lines after a header. */
struct contact_print {
    int detail, rows;
};

static int print_contact(void *ctx, const struct contact_row *r, struct err *e)
{
    struct card c;
    char fp[CARD_FINGERPRINT_SIZE];
    struct contact_print *print = ctx;
    int detail = print->detail;

    if (card_decode(&c, r->card, strlen(r->card), e) != 0)
        return -1;
    card_fingerprint(fp, sizeof fp, &c);
    if (!detail) {
        if (print->rows++ == 0)
        {
            static const struct cli_column cols[] = {
                { N_("NAME"), 0 }, { N_("FINGERPRINT"), 0 }, { N_("VERIFIED"), 0 },
                { N_("ADDED"), 0 },
            };
            cli_header(cols, sizeof cols / sizeof cols[0]);
        }
        printf("%s\t%s\t%s\t%s\n", cli_shown(r->name), fp, r->verified ? "verified" : "UNVERIFIED",
               r->added);
        return 0;
    }
    printf(_("name: %s\n"), cli_shown(r->name));
    printf(_("label: %s\n"), c.label);
    printf(_("fingerprint: %s\n"), fp);
    printf(_("added: %s\n"), r->added);
    printf(_("verified: %s\n"), r->verified ? r->verified : _("no (run 'intake contact verify NAME')"));
    printf(_("card: %s\n"), r->card);
    return 0;
}

/* What a contact subcommand needs that no store holds, read and checked
 * before the passphrase is asked: the NAME, the card (given or scanned),
 * the safety number scanned from the other screen. */
struct contact_job {
    const char *sub, *name;
    struct card card;
    char cardtext[QR_TEXT_MAX + 1];
    char scanned[SAFETY_NUMBER_SIZE];    /* "" if nothing was scanned */
};

static int prepare_add(struct contact_job *j, const struct qr_opts *o, int argc, char **argv,
                       struct err *e)
{
    const char *cardtext = argv[optind + 1];

    if (o->scan != NULL ? argc - optind != 1 : argc - optind != 2)
        return err_set(e, EXIT_INPUT, "usage: intake contact add NAME CARD | NAME --scan IMAGE");
    if (contact_name_check(argv[optind], e) != 0)
        return -1;
    if (o->scan != NULL) {
        if (qr_scan_file(j->cardtext, sizeof j->cardtext, o->scan, e) != 0)
            return -1;
        cardtext = j->cardtext;
    }
    return card_decode(&j->card, cardtext, strlen(cardtext), e) == 0 &&
           card_encode(j->cardtext, sizeof j->cardtext, &j->card, e) == 0 ? 0 : -1;
}

static int prepare(struct contact_job *j, const struct qr_opts *o, int argc, char **argv,
                   struct err *e)
{
    int npos = strcmp(j->sub, "list") == 0 ? 0 : 1;
    char payload[QR_TEXT_MAX + 1];

    j->name = argv[optind];
    j->scanned[0] = '\0';
    if (strcmp(j->sub, "add") == 0)
        return prepare_add(j, o, argc, argv, e);
    if (argc - optind != npos)
        return npos ? err_set(e, EXIT_INPUT, "contact %s takes one NAME (see 'intake help contact')",
                              j->sub)
                    : err_set(e, EXIT_INPUT, "contact %s takes no arguments (see 'intake help "
                              "contact')", j->sub);
    if (npos && contact_name_check(j->name, e) != 0)
        return -1;
    if (o->scan == NULL)
        return 0;
    return qr_scan_file(payload, sizeof payload, o->scan, e) == 0 &&
           safety_qr_parse(j->scanned, sizeof j->scanned, payload, strlen(payload), e) == 0
           ? 0 : -1;
}

static int contact_add(struct store *s, const struct contact_job *j, int replace,
                       struct err *e)
{
    char fp[CARD_FINGERPRINT_SIZE];
    long records = 0, owed = 0;
    int had = 0;

    if (replace) {
        struct err e2;

        err_clear(&e2);
        had = store_contact_held(&records, &owed, fp, sizeof fp, s, j->name, &e2) == 0;
    }
    if (store_contact_add(s, j->name, &j->card, j->cardtext, replace, e) != 0)
        return -1;
    cli_note("added contact '%s' (unverified: compare the safety number with 'intake contact verify %s')",
             j->name, j->name);
    if (had && records > 0)
        cli_note("warning: the key '%s' had before (fingerprint %s) received %ld record(s): "
                 "notices about them stay owed to that key (see 'intake exports'); the new key "
                 "holds none of them ('intake export --to %s --not-sent-to %s' sends them)",
                 j->name, fp, records, j->name, j->name);
    return 0;
}

struct verify_ctx {
    struct card mine, theirs;
};

static int take_card(void *ctx, const struct contact_row *r, struct err *e)
{
    return card_decode(&((struct verify_ctx *)ctx)->theirs, r->card, strlen(r->card), e);
}

/* --confirm without --scan: the person types the last group of the
 * safety number shown on the other screen; 0 when it is this one's, 1
 * when it differs (EXIT_AUTH), -1 when no answer came. */
static int typed_group(const char *number, const char *name, struct err *e)
{
    const char *last = strrchr(number, ' ') + 1, *answer;
    char *line = NULL;
    size_t len;
    int rc;

    if (isatty(STDIN_FILENO))
        fprintf(stderr, _("Type the last group of five digits of the safety number on %s's "
                "screen: "), name);
    rc = input_line(&line, &len, e);
    if (rc != INPUT_LINE) {
        secmem_free(line);
        return rc < 0 ? -1 : err_set(e, EXIT_INPUT, "no answer: --confirm needs the last group "
                                     "of the safety number on %s's screen, typed on standard "
                                     "input (or --scan IMAGE of its QR code)", name);
    }
    /* Blanks around it are no part of it. */
    answer = line;
    while (len > 0 && (*answer == ' ' || *answer == '\t')) {
        answer++;
        len--;
    }
    while (len > 0 && (answer[len - 1] == ' ' || answer[len - 1] == '\t'))
        len--;
    rc = len == strlen(last) && memcmp(answer, last, len) == 0 ? 0 : 1;
    secmem_free(line);
    return rc;
}

static int mark_verified(struct store *s, const char *name, const char *how, struct err *e)
{
    if (store_contact_confirm(s, name, e) != 0)
        return -1;
    cli_saved("the comparison with '%s' was recorded: see 'intake contact list'", name);
    cli_note("recorded that the safety number with '%s' was compared (%s)", name, how);
    return 0;
}

static int contact_verify(struct store *s, const struct qr_opts *o, const struct contact_job *j,
                          int *status, struct err *e)
{
    struct verify_ctx v;
    char text[CARD_TEXT_SIZE], number[SAFETY_NUMBER_SIZE], payload[QR_TEXT_MAX + 1];
    int rc;

    if (own_card(&v.mine, text, sizeof text, s, e) != 0 ||
        store_contact_each(s, j->name, take_card, &v, e) != 0 ||
        safety_number(number, sizeof number, &v.mine, &v.theirs, e) != 0)
        return -1;
    printf("%s\n", number);
    if (o->qr != NULL && (safety_qr_payload(payload, sizeof payload, number, e) != 0 ||
                          draw_qr(o, payload, e) != 0))
        return -1;
    if (j->scanned[0] != '\0') {
        if (strcmp(j->scanned, number) != 0) {
            printf(_("mismatch: %s\n"), _("the scanned safety number differs; do not trust this contact's key"));
            *status = EXIT_AUTH;
            return 0;
        }
        printf("%s\n", _("match"));
        return mark_verified(s, j->name, _("scanned"), e);
    }
    if (!o->confirm)
        return 0;
    fflush(stdout);
    rc = typed_group(number, j->name, e);
    if (rc < 0)
        return -1;
    if (rc > 0) {
        printf(_("mismatch: %s\n"), _("the group typed is not the end of this safety number; "
                                    "nothing was recorded: compare the whole number, and do "
                                    "not trust this contact's key if it differs"));
        *status = EXIT_AUTH;
        return 0;
    }
    printf("%s\n", _("match"));
    return mark_verified(s, j->name, _("its last group typed"), e);
}

/* contact remove: says what the removed key held, so that its card is
 * kept (notices owed to it are sent after it is added again). */
static int contact_remove(struct store *s, const char *name, struct err *e)
{
    char fp[CARD_FINGERPRINT_SIZE];
    long records = 0, owed = 0;

    if (store_contact_held(&records, &owed, fp, sizeof fp, s, name, e) != 0 ||
        store_contact_remove(s, name, e) != 0)
        return -1;
    if (records > 0)
        cli_note("warning: contact '%s' (fingerprint %s) received %ld record(s): keep its card; "
                 "notices about them (%ld due now) are owed to it and can be sent only after "
                 "'intake contact add %s CARD' adds it again", name, fp, records, owed, name);
    return 0;
}

static int contact_run(struct store *s, const struct contact_job *j, const struct qr_opts *o,
                       int *status, struct err *e)
{
    struct contact_print print = { strcmp(j->sub, "show") == 0, 0 };

    if (strcmp(j->sub, "add") == 0)
        return contact_add(s, j, o->replace, e);
    if (strcmp(j->sub, "verify") == 0)
        return contact_verify(s, o, j, status, e);
    if (strcmp(j->sub, "remove") == 0)
        return contact_remove(s, j->name, e);
    return store_contact_each(s, strcmp(j->sub, "list") == 0 ? NULL : j->name, print_contact,
                              &print, e);
}

int cmd_contact(int argc, char **argv, const struct globals *g)
{
    static const char *const subs[] = { "add", "list", "show", "remove", "verify" };
    struct contact_job j;
    struct qr_opts o;
    struct store *s;
    struct err e;
    int rc, known = 0, status = EXIT_OK;

    if (argc < 2 || strcmp(argv[1], "--help") == 0) {
        cli_print_usage(argc < 2 ? stderr : stdout, contact_usage);
        return argc < 2 ? EXIT_INPUT : EXIT_OK;
    }
    for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
        known |= strcmp(argv[1], subs[i]) == 0;
    if (!known)
        return cli_unknown("contact", N_("subcommand"), argv[1], subs, sizeof subs / sizeof subs[0]);
    rc = parse_qr_opts(&o, argc - 1, argv + 1, "contact", contact_usage);
    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    if ((o.replace || o.scan) && strcmp(argv[1], "add") != 0 && strcmp(argv[1], "verify") != 0)
        return cli_usage_error("contact", "--scan and --replace go with add or verify");
    memset(&j, 0, sizeof j);
    j.sub = argv[1];
    err_clear(&e);
    if (prepare(&j, &o, argc - 1, argv + 1, &e) != 0)
        return cli_fail(&e);
    rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc;
    rc = contact_run(s, &j, &o, &status, &e);
    store_close(s);
    return rc == 0 ? status : cli_fail(&e);
}
