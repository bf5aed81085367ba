/* card, and contact add | list | show | remove | verify */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "intake/cli.h"
#include "intake/commands.h"
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

/* Draws text as a QR code in the format asked for. */
static int draw_qr(const struct qr_opts *o, const char *cmd, const char *text,
                   struct err *e)
{
    if (strcmp(o->qr, "term") == 0) {
        if (o->out != NULL)
            return err_set(e, EXIT_INPUT, "--qr term draws on the terminal; -o is for png or svg");
        if (fits_terminal(text, e) != 0)
            return -1;
        return qr_write_term(stdout, text, QR_TERM_COLOUR, e);
    }
    if (strcmp(o->qr, "png") != 0 && strcmp(o->qr, "svg") != 0)
        return err_set(e, EXIT_INPUT, "unknown --qr '%s': use term, png or svg (see 'intake help %s')", o->qr, cmd);
    if (o->out == NULL)
        return err_set(e, EXIT_INPUT, "--qr %s needs -o FILE", o->qr);
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
    while ((c = getopt_long(argc, argv, ":o:", opts, NULL)) != -1) {
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
    if (o->out != NULL && o->qr == NULL)
        return cli_usage_error(cmd, "-o goes with --qr png or --qr svg");
    return 0;
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
        rc = draw_qr(&o, "card", text, &e);
    return rc == 0 ? EXIT_OK : cli_fail(&e);
}

static int print_contact(void *ctx, const struct contact_row *r, struct err *e)
{
    struct card c;
    char fp[CARD_FINGERPRINT_SIZE];
    int detail = *(int *)ctx;

    if (card_decode(&c, r->card, strlen(r->card), e) != 0)
        return -1;
    card_fingerprint(fp, sizeof fp, &c);
    if (!detail) {
        printf("%s\t%s\t%s\t%s\n", r->name, fp, r->verified ? "verified" : "UNVERIFIED", r->added);
        return 0;
    }
    printf(_("name: %s\n"), r->name);
    printf(_("label: %s\n"), c.label);
    printf(_("fingerprint: %s\n"), fp);
    printf(_("added: %s\n"), r->added);
    printf(_("verified: %s\n"), r->verified ? r->verified : _("no (run 'intake contact verify NAME')"));
    printf(_("card: %s\n"), r->card);
    return 0;
}

static int contact_add(struct store *s, const struct qr_opts *o, int argc, char **argv,
                       struct err *e)
{
    char text[QR_TEXT_MAX + 1];
    const char *cardtext;
    struct card c;

    if (o->scan != NULL ? argc - optind != 1 : argc - optind != 2)
        return err_set(e, EXIT_INPUT, "usage: intake contact add NAME CARD | NAME --scan IMAGE");
    if (o->scan != NULL) {
        if (qr_scan_file(text, sizeof text, o->scan, e) != 0)
            return -1;
        cardtext = text;
    } else {
        cardtext = argv[optind + 1];
    }
    if (card_decode(&c, cardtext, strlen(cardtext), e) != 0 ||
        card_encode(text, sizeof text, &c, e) != 0)
        return -1;
    if (store_contact_add(s, argv[optind], &c, text, o->replace, e) != 0)
        return -1;
    cli_note("added contact '%s' (unverified: compare the safety number with 'intake contact verify %s')",
             argv[optind], argv[optind]);
    return 0;
}

struct verify_ctx {
    struct card mine, theirs;
};

static int take_card(void *ctx, const struct contact_row *r, struct err *e)
{
    return card_decode(&((struct verify_ctx *)ctx)->theirs, r->card, strlen(r->card), e);
}

static int contact_verify(struct store *s, const struct qr_opts *o, const char *name,
                          int *status, struct err *e)
{
    struct verify_ctx v;
    char text[CARD_TEXT_SIZE], number[SAFETY_NUMBER_SIZE], payload[QR_TEXT_MAX + 1];

    if (own_card(&v.mine, text, sizeof text, s, e) != 0 ||
        store_contact_each(s, name, take_card, &v, e) != 0 ||
        safety_number(number, sizeof number, &v.mine, &v.theirs, e) != 0)
        return -1;
    printf("%s\n", number);
    if (o->scan != NULL) {
        if (qr_scan_file(payload, sizeof payload, o->scan, e) != 0)
            return -1;
        if (safety_qr_compare(payload, strlen(payload), number, e) != 0) {
            if (e->code != EXIT_AUTH)
                return -1;
            printf("mismatch: %s\n", _("the scanned safety number differs; do not trust this contact's key"));
            *status = EXIT_AUTH;
            return 0;
        }
        printf("match\n");
    }
    if (o->qr != NULL && (safety_qr_payload(payload, sizeof payload, number, e) != 0 ||
                          draw_qr(o, "contact", payload, e) != 0))
        return -1;
    if (o->confirm && store_contact_confirm(s, name, e) != 0)
        return -1;
    if (o->confirm) {
        cli_saved("the comparison with '%s' was recorded: see 'intake contact list'", name);
        cli_note("recorded that the safety number with '%s' was compared", name);
    }
    return 0;
}

static int contact_run(struct store *s, const char *sub, const struct qr_opts *o,
                       int argc, char **argv, int *status, struct err *e)
{
    int detail = strcmp(sub, "show") == 0;
    int npos = strcmp(sub, "list") == 0 ? 0 : 1;

    if (strcmp(sub, "add") == 0)
        return contact_add(s, o, argc, argv, e);
    if (argc - optind != npos)
        return err_set(e, EXIT_INPUT, "contact %s takes %s (see 'intake help contact')", sub,
                       npos ? "one NAME" : "no arguments");
    if (strcmp(sub, "verify") == 0)
        return contact_verify(s, o, argv[optind], status, e);
    if (strcmp(sub, "remove") == 0)
        return store_contact_remove(s, argv[optind], e);
    return store_contact_each(s, npos ? argv[optind] : NULL, print_contact, &detail, e);
}

int cmd_contact(int argc, char **argv, const struct globals *g)
{
    static const char *const subs[] = { "add", "list", "show", "remove", "verify" };
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
        return cli_usage_error("contact", "unknown subcommand '%s'", argv[1]);
    rc = parse_qr_opts(&o, argc - 1, argv + 1, "contact", contact_usage);
    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    if ((o.replace || o.scan) && strcmp(argv[1], "add") != 0 && strcmp(argv[1], "verify") != 0)
        return cli_usage_error("contact", "--scan and --replace go with add or verify");
    rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc;
    err_clear(&e);
    rc = contact_run(s, argv[1], &o, argc - 1, argv + 1, &status, &e);
    store_close(s);
    return rc == 0 ? status : cli_fail(&e);
}
