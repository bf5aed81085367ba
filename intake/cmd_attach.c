/* attach, attachment get */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "intake/cli.h"
#include "intake/commands.h"
#include "intake/progress.h"
#include "store/attach.h"
#include "store/store.h"
#include "util/fileio.h"
#include "util/intl.h"

/* The SYNOPSIS line of docs/intake.1, character for character. */
static const char attach_usage[] = "intake attach RECORD FILE [--remove-source]";

/* Attached to a record whose subject says attachments no (adv16b C-3):
 * kept here, never leaves (export leaves it out). */
static void note_scope(struct store *s, const char *id)
{
    char pseudonym[128];
    struct consent c;
    struct err e;

    err_clear(&e);
    if (store_record_consent(&c, pseudonym, sizeof pseudonym, s, id, &e) == 0 && c.recorded &&
        !c.attachments)
        cli_note("note: the consent scope of %s says attachments no: this attachment is kept "
                 "here and never leaves with the record", cli_shown(pseudonym));
}

int cmd_attach(int argc, char **argv, const struct globals *g)
{
    static const struct option opts[] = {
        { "remove-source", no_argument, NULL, 'r' }, { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    unsigned char hash[ATTACHMENT_HASHBYTES];
    char id[RECORD_ID_CHARS + 1], what[ATTACHMENT_NAME_MAX + 16];
    struct attach_source src = { .fd = -1 };
    struct cli_progress shown;
    struct progress to;
    int c, rm = 0, rc;
    struct store *s;
    struct err e;

    while ((c = cli_getopt(argc, argv, ":", opts)) != -1) {
        if (c == 'r') rm = 1;
        else if (c == 'h') { cli_print_usage(stdout, attach_usage); return EXIT_OK; }
        else return cli_bad_option("attach", c, argv);
    }
    if (argc - optind != 2)
        return cli_usage_error("attach", "attach needs a RECORD and a FILE");
    if (cli_record_id_check(argv[optind]) != 0)
        return EXIT_INPUT;
    err_clear(&e);
    if (attach_source_open(&src, argv[optind + 1], rm, &e) != 0) {
        attach_source_close(&src);
        return cli_fail(&e);
    }
    rc = cli_open_store(&s, g);
    if (rc == 0 && (rc = cli_record_id(id, sizeof id, s, argv[optind])) != 0)
        store_close(s);
    if (rc != 0) {
        attach_source_close(&src);
        return rc;
    }
    snprintf(what, sizeof what, _("attaching %s"), src.name);
    cli_progress_begin(&shown, &to, what);
    store_watch(s, &to);
    rc = store_attach(hash, s, id, &src, &e);
    cli_progress_end(&shown, rc == 0);
    if (rc == 0) {
        cli_saved("%s was attached to %s: see 'intake show %s'", src.name, id, id);
        printf(_("attached %s to %s (%llu bytes, %s)\n"), src.name, id,
               (unsigned long long)src.st.st_size, src.type);
        note_scope(s, id);
        if (src.gps)
            cli_note("warning: %s holds a location (EXIF GPS): it is flagged; "
                     "export removes it unless --keep-metadata is given", src.name);
        if (rm) {
            rc = store_attach_remove_source(s, id, &src, hash, &e);
            if (rc == 0)
                cli_note("removed %s after checking the stored copy; flash "
                         "storage (SSD, SD card, phone) may still keep old blocks of it, "
                         "which only full-disk encryption protects", src.path);
        }
    }
    attach_source_close(&src);
    store_close(s);
    return rc == 0 ? EXIT_OK : cli_fail(&e);
}

static int file_sink(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    return atomic_write(ctx, buf, len, e);
}

static int attachment_get(struct store *s, const char *record, const char *name,
                          const char *out, struct err *e)
{
    struct atomic_file af;

    if (atomic_open(&af, out, 0, e) != 0)
        return -1;
    if (store_attachment_read(s, record, name, 1, file_sink, &af, e) != 0) {
        atomic_abort(&af);
        return -1;
    }
    return atomic_commit(&af, e);
}

/* The SYNOPSIS lines of docs/intake.1, character for character. */
#define ATTACHMENT_GET_USAGE "intake attachment get RECORD NAME -o FILE"
#define ATTACHMENT_REMOVE_USAGE "intake attachment remove RECORD NAME [--yes]"
static const char attachment_usage[] = ATTACHMENT_GET_USAGE "\n" ATTACHMENT_REMOVE_USAGE;

static int get_sub(int argc, char **argv, const struct globals *g)
{
    static const struct option opts[] = {
        { "output", required_argument, NULL, 'o' }, { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *out = NULL;
    char id[RECORD_ID_CHARS + 1];
    int c, seen = 0, rc;
    struct store *s;
    struct err e;

    while ((c = cli_getopt(argc, argv, ":o:", opts)) != -1) {
        if (c == 'o') { if (cli_once("attachment", "output", &seen)) return EXIT_INPUT; out = optarg; }
        else if (c == 'h') { cli_print_usage(stdout, ATTACHMENT_GET_USAGE); return EXIT_OK; }
        else return cli_bad_option("attachment", c, argv);
    }
    if (argc - optind != 2)
        return cli_usage_error("attachment", "attachment get needs a RECORD and a NAME");
    if (out == NULL)
        return cli_usage_error("attachment", "attachment get needs -o FILE");
    if (cli_record_id_check(argv[optind]) != 0 || cli_check_new_file(out, 0) != 0)
        return EXIT_INPUT;
    rc = cli_open_store(&s, g);
    if (rc == 0 && (rc = cli_record_id(id, sizeof id, s, argv[optind])) != 0)
        store_close(s);
    if (rc != 0)
        return rc;
    err_clear(&e);
    rc = attachment_get(s, id, argv[optind + 1], out, &e);
    store_close(s);
    return rc == 0 ? EXIT_OK : cli_fail(&e);
}

static int remove_sub(int argc, char **argv, const struct globals *g)
{
    char id[RECORD_ID_CHARS + 1], what[512], q[512];
    struct store *s;
    struct err e;
    int yes = 0, rc = cli_plain_args("attachment", ATTACHMENT_REMOVE_USAGE, argc, argv, 2,
                                     "attachment remove needs a RECORD and a NAME", "yes", &yes);

    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc;
    err_clear(&e);
    /* An unknown record or name is reported before anything is asked; a
     * unique start of a record id names its record. */
    rc = cli_record_id(id, sizeof id, s, argv[optind]);
    if (rc == 0 && store_attachment_exists(s, id, argv[optind + 1], &e) != 0)
        rc = cli_fail(&e);
    if (rc == 0) {
        snprintf(what, sizeof what, _("attachment remove deletes '%s' of record %s for good"),
                 argv[optind + 1], id);
        snprintf(q, sizeof q, _("Remove '%s' from record %s for good? This cannot be undone. [y/N] "),
                 argv[optind + 1], id);
        rc = cli_confirm("attachment", yes, what, q);
    }
    long due = cli_notices_pending(s);
    if (rc == 0)
        rc = store_attachment_remove(s, id, argv[optind + 1], &e) == 0 ? 0
             : cli_fail(&e);
    if (rc == 0) {
        cli_note("removed '%s' from record %s", argv[optind + 1], id);
        cli_notices_note(s, due);        /* a removal notice to those who received it */
    }
    store_close(s);
    return rc;
}

int cmd_attachment(int argc, char **argv, const struct globals *g)
{
    static const struct cli_sub subs[] = { { "get", get_sub }, { "remove", remove_sub } };

    return cli_subcommand("attachment", attachment_usage, subs, sizeof subs / sizeof subs[0],
                          argc, argv, g);
}
