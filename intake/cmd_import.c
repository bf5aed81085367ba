/* import: add the records of a bundle addressed to this store, after it
 * has verified (store/import.h says how nothing is kept before). */
#include <getopt.h>
#include <stdio.h>

#include "intake/attest.h"
#include "intake/cli.h"
#include "intake/commands.h"
#include "intake/progress.h"
#include "store/import.h"
#include "store/store.h"
#include "util/intl.h"

static int run_import(struct store *s, const char *path, int accept_unknown, struct err *e,
                      struct cli_progress *shown)
{
    struct import_result r;
    int rc = store_import(&r, s, path, accept_unknown, e);

    cli_progress_end(shown, rc == 0);
    /* Records refused alone: the rest was imported, and says so; a bundle
     * imported before whose records are refused again, or one whose every
     * record was refused (nothing kept), says only that; nor does one whose
     * save failed (a full disk): nothing is said imported before it is
     * committed (adv26b E-3). */
    if (rc != 0 && (r.refused == 0 || r.seen || r.unchanged || !r.saved))
        return -1;
    if (!r.seen)
        cli_saved("the bundle was imported: see 'intake list'");
    if (r.seen)
        printf(_("bundle %.16s was imported before; nothing was added\n"), r.hash);
    else
        printf(r.files_kept > 0
               ? _("imported %zu record(s) and %zu attachment(s) from %s%s; %zu already here, with their attachments\n")
               : _("imported %zu record(s) and %zu attachment(s) from %s%s; %zu already here\n"),
               r.added, r.files, r.sender[0] ? r.sender : _("an UNKNOWN sender "),
               r.sender[0] ? (r.verified ? "" : _(" (contact not verified)")) : r.sender_key,
               r.kept);
    if (!r.seen && r.replaced > 0)
        printf(P_("%zu record replaced by its newer version (the old text is gone)\n",
                  "%zu records replaced by their newer version (the old text is gone)\n",
                  r.replaced), r.replaced);
    /* Never "0 record(s) deleted" (FORMAT.md, Notices; adv16 B-8): a
     * notice about a subject held here whose records were gone already. */
    if (!r.seen && r.notices > 0 && r.removed == 0 && r.files_removed == 0)
        printf(_("%zu notice(s) of withdrawal or deletion acted on: their subject is marked "
                 "here; none of its records was left here to delete\n"), r.notices);
    else if (!r.seen && r.notices > 0)
        printf(_("%zu notice(s) of withdrawal or deletion acted on: %zu record(s) and %zu "
                 "attachment(s) deleted (see 'intake list')\n"), r.notices, r.removed,
               r.files_removed);
    if (!r.seen && r.deletions_idle > 0)
        printf(_("%zu notice(s) of deletion reached no record held here from their sender: "
                 "nothing was deleted by them, and copies held here from another sender are "
                 "kept\n"), r.deletions_idle);
    if (!r.seen && r.scopes > 0 && r.scope_files == 0)
        printf(_("%zu subject(s) took the new consent scope their sender's notice carried "
                 "(see 'intake subject show')\n"), r.scopes);
    else if (!r.seen && r.scopes > 0)
        printf(_("%zu subject(s) took the new consent scope their sender's notice carried "
                 "(see 'intake subject show'): attachments no, so %zu attachment(s) of their "
                 "records were deleted here\n"), r.scopes, r.scope_files);
    if (!r.seen && r.notices_unheld > 0)
        printf(_("%zu notice(s) of withdrawal or deletion about records not held here: kept, "
                 "so that they are refused if they come\n"), r.notices_unheld);
    if (!r.seen && r.notices_elsewhere > 0)
        printf(_("%zu notice(s) of withdrawal or deletion name records or subjects this store "
                 "holds from another sender: not acted on (a notice reaches only what its own "
                 "sender sent here)\n"), r.notices_elsewhere);
    if (!r.seen && r.files_scope > 0)
        printf(_("%zu attachment(s) left out: the consent scope held here for their subject "
                 "says attachments no (see 'intake subject show')\n"), r.files_scope);
    if (!r.seen && r.files_removed_before > 0)
        printf(_("%zu attachment(s) left out: removed at the source before (a removal notice "
                 "reached this store); an attachment removed does not come back\n"),
               r.files_removed_before);
    if (!r.seen && r.scopes_kept > 0)
        printf(_("%zu notice(s) of a consent scope about a subject not held here: kept for "
                 "its records, if they come\n"), r.scopes_kept);
    /* adv16b C-13: never "acted on: 0 attachment(s) deleted" */
    if (!r.seen && r.removals > 0 && r.removals_files == 0)
        printf(_("%zu notice(s) of an attachment removed at the source about attachments not "
                 "held here: kept, so that they are left out if they come\n"), r.removals);
    else if (!r.seen && r.removals > 0)
        printf(_("%zu notice(s) of an attachment removed at the source acted on: %zu "
                 "attachment(s) deleted\n"), r.removals, r.removals_files);
    if (!r.seen && r.reconsents > 0)
        printf(_("%zu subject(s) consented again after a withdrawal, as their sender's notice "
                 "says: their later records may come (see 'intake subject show')\n"),
               r.reconsents);
    if (!r.seen && r.reconsents_lost > 0)
        printf(_("%zu of them followed a withdrawal that had not reached this store: it was "
                 "acted on first, %zu record(s) and %zu attachment(s) deleted (see 'intake "
                 "list')\n"), r.reconsents_lost, r.reconsent_removed, r.reconsent_files);
    /* adv16b C-12: the sender's pseudonym reads as a name protected here. */
    if (!r.seen && r.clashes == 1)
        printf(_("record %s of subject %s: its sender's pseudonym is spelled like a name or "
                 "term protected here; kept, but its export onward will be refused\n"),
               r.clash_rid, cli_shown(r.clash_subject));
    else if (!r.seen && r.clashes > 1)
        printf(_("record %s of subject %s and %zu more: their sender's pseudonym is spelled "
                 "like a name or term protected here; kept, but their export onward will be "
                 "refused\n"), r.clash_rid, cli_shown(r.clash_subject), r.clashes - 1);
    if (!r.seen && r.notices_unknown > 0)
        printf(_("%zu notice(s) from an unknown sender: a withdrawal or deletion from a key "
                 "that is no contact acts only on the records it sent here itself, and a notice "
                 "it passes on from another device is not acted on\n"), r.notices_unknown);
    if (!r.seen && r.notices_before > 0)
        printf(_("%zu notice(s) acted on before; nothing changed by them\n"), r.notices_before);
    return rc;
}

/* The SYNOPSIS line of docs/intake.1, character for character. */
static const char import_usage[] = "intake import BUNDLE [--accept-unknown-sender]";

int cmd_import(int argc, char **argv, const struct globals *g)
{
    static const struct option opts[] = {
        { "accept-unknown-sender", no_argument, NULL, 'u' }, { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    struct cli_progress shown;
    struct progress to;
    int c, accept = 0, rc;
    struct store *s;
    struct err e;

    while ((c = cli_getopt(argc, argv, ":", opts)) != -1) {
        if (c == 'u') accept = 1;
        else if (c == 'h') { cli_print_usage(stdout, import_usage); return EXIT_OK; }
        else return cli_bad_option("import", c, argv);
    }
    if (argc - optind != 1)
        return cli_usage_error("import", "import needs one BUNDLE");
    if (cli_check_readable(argv[optind], NULL) != 0)
        return EXIT_INPUT;
    rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc;
    if (cli_is_statement(argv[optind])) {  /* an auditor's verdict, not a bundle */
        rc = cli_import_statement(s, argv[optind]);
        store_close(s);
        return rc;
    }
    err_clear(&e);
    cli_progress_begin(&shown, &to, _("importing the bundle"));
    store_watch(s, &to);
    rc = run_import(s, argv[optind], accept, &e, &shown);
    store_close(s);
    return rc == 0 ? EXIT_OK : cli_fail(&e);
}
