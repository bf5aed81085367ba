/* backup, restore, wipe */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "intake/cli.h"
#include "intake/commands.h"
#include "intake/progress.h"
#include "store/store.h"
#include "util/intl.h"

/* The SYNOPSIS lines of docs/intake.1, character for character. */
static const char backup_usage[] = "intake backup -o FILE";
static const char restore_usage[] = "intake restore FILE [--home DIR]";
static const char wipe_usage[] = "intake wipe [--yes]";

int cmd_backup(int argc, char **argv, const struct globals *g)
{
    static const struct option opts[] = {
        { "output", required_argument, NULL, 'o' }, { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    struct cli_progress shown;
    struct progress to;
    unsigned char sum[BACKUP_HASHBYTES];
    char hex[2 * BACKUP_HASHBYTES + 1];
    const char *out = NULL;
    struct store *s;
    struct err e;
    uint64_t size = 0;
    int c, seen = 0, rc;

    while ((c = cli_getopt(argc, argv, ":o:", opts)) != -1) {
        if (c == 'o') { if (cli_once("backup", "output", &seen)) return EXIT_INPUT; out = optarg; }
        else if (c == 'h') { cli_print_usage(stdout, backup_usage); return EXIT_OK; }
        else return cli_bad_option("backup", c, argv);
    }
    if (optind != argc)
        return cli_usage_error("backup", "unexpected argument '%s'", argv[optind]);
    if (out == NULL || out[0] == '\0')
        return cli_usage_error("backup", "backup needs -o FILE, a new file");
    if (access(out, F_OK) == 0)
        return cli_error(EXIT_INPUT, "%s exists; a backup never replaces a file: choose a new "
                         "name", out);
    rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc;
    err_clear(&e);
    cli_progress_begin(&shown, &to, _("writing and checking the backup"));
    rc = store_backup(sum, &size, s, out, to.fn, to.ctx, &e);
    cli_progress_end(&shown, rc >= 0);
    if (rc < 0) {
        rc = cli_fail(&e);
        store_close(s);
        return rc;
    }
    store_close(s);
    sodium_bin2hex(hex, sizeof hex, sum, sizeof sum);
    if (rc == 0)
        cli_saved("the backup %s was written and checked: see 'intake log'", out);
    printf("%s\n", out);
    cli_note("backup written and read back (%llu bytes, checksum %.16s); it opens with this "
             "store's passphrase or recovery key as they are now", (unsigned long long)size, hex);
    /* Complete all the same (L1): exit 0, and what is missing said. */
    if (rc == 1)
        cli_note("warning: %s; the backup is complete: only the store's log lacks its entry "
                 "('intake log' will not list it); free space on the store's disk", e.msg);
    return EXIT_OK;
}

static int unlock_backup(void *ctx, uint8_t kind, const unsigned char *secret, size_t len,
                         struct err *e)
{
    return store_backup_unlock(ctx, kind, secret, len, e);
}

static int parse_restore(const char **home, int argc, char **argv, const struct globals *g)
{
    static const struct option opts[] = {
        { "home", required_argument, NULL, 'H' }, { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c, seen = 0;

    *home = g->home;
    while ((c = cli_getopt(argc, argv, ":", opts)) != -1) {
        if (c == 'H') {
            if (cli_once("restore", "home", &seen))
                return EXIT_INPUT;
            if (optarg[0] == '\0')
                return cli_usage_error("restore", "--home needs a folder, not an empty word");
            if (g->home != NULL && strcmp(g->home, optarg) != 0)
                return cli_usage_error("restore", "two different --home folders");
            *home = optarg;
        } else if (c == 'h') {
            cli_print_usage(stdout, restore_usage);
            return -1;
        } else {
            return cli_bad_option("restore", c, argv);
        }
    }
    if (argc - optind != 1)
        return cli_usage_error("restore", "restore needs one backup FILE");
    return 0;
}

int cmd_restore(int argc, char **argv, const struct globals *g)
{
    struct cli_progress shown;
    struct progress to;
    struct backup *b = NULL;
    const char *home;
    char dir[4096];
    struct err e;
    int made, rc = parse_restore(&home, argc, argv, g);

    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    err_clear(&e);
    /* Where it goes and the whole backup are checked before anything is
     * asked: a refusal costs nothing typed. */
    if (store_dir_resolve(dir, sizeof dir, home, &e) != 0)
        return cli_fail(&e);
    if (store_check_dir(dir, &e) == 0)
        return cli_error(EXIT_INPUT, "a store already exists in %s; restore never replaces one: "
                         "choose another folder with --home", dir);
    err_clear(&e);
    if (store_backup_open(&b, argv[optind], &e) != 0)
        return cli_fail(&e);
    made = access(dir, F_OK) != 0;
    if (store_create_check(dir, &e) != 0)
        rc = cli_fail(&e);
    else
        rc = cli_unlock(g, argv[optind], unlock_backup, b);
    cli_progress_begin(&shown, &to, _("restoring the store"));
    if (rc == 0 && store_restore(b, dir, to.fn, to.ctx, &e) != 0) {
        cli_progress_end(&shown, 0);
        rc = cli_fail(&e);
    }
    cli_progress_end(&shown, rc == 0);
    if (rc == 0) {
        cli_saved("the store in %s was restored: see 'intake log'", dir);
        printf(_("Restored a store in %s\n"), dir);
        cli_note("it opens with the passphrase and recovery key the backup was made with");
        /* What the backup cannot hold (adv16 B-7): the person's later
         * conditions must be asked again, not taken from an old copy. */
        if (store_backup_as_of(b)[0] != '\0')
            cli_note("warning: the store is as it was at %s (its last entry): consent "
                     "changes and withdrawals recorded after that are NOT in it; check each "
                     "subject's consent ('intake subject show') with the person or your "
                     "headquarters before you export", store_backup_as_of(b));
    }
    store_backup_close(b);
    /* A refusal leaves no folder it made (rmdir: only when empty). */
    if (rc != 0 && made)
        (void)rmdir(dir);
    return rc;
}

int cmd_wipe(int argc, char **argv, const struct globals *g)
{
    struct wipe_result r;
    char dir[4096], what[4200], q[4300];
    struct err e;
    int yes = 0, rc = cli_plain_args("wipe", wipe_usage, argc, argv, 0, "wipe takes no arguments",
                                     "yes", &yes);

    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    err_clear(&e);
    if (store_dir_resolve(dir, sizeof dir, g->home, &e) != 0 || store_wipe_check(dir, &e) != 0)
        return cli_fail(&e);
    snprintf(what, sizeof what, _("wipe makes the store in %s unreadable for good"), dir);
    snprintf(q, sizeof q, _("Wipe the store in %s? Nothing in it can be read afterwards, with any "
             "passphrase or recovery key. [y/N] "), dir);
    if ((rc = cli_confirm("wipe", yes, what, q)) != 0)
        return rc;
    if (store_wipe(&r, dir, &e) != 0)
        return cli_fail(&e);
    cli_note("wiped the store in %s: %d keyslot file%s overwritten, %d file%s removed%s", dir,
             r.overwritten, r.overwritten == 1 ? "" : "s", r.removed, r.removed == 1 ? "" : "s",
             r.folder_removed ? ", the folder too" : "");
    if (r.kept[0] != '\0')
        cli_note("%s still holds what is not intake's, left alone: %s", dir, r.kept);
    return EXIT_OK;
}
