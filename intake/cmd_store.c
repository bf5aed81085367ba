/* init, passwd, rekey and label. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "intake/cli.h"
#include "intake/commands.h"
#include "intake/progress.h"
#include "crypto/card.h"
#include "crypto/keyslot.h"
#include "crypto/secmem.h"
#include "crypto/strength.h"
#include "store/store.h"
#include "util/fsinfo.h"
#include "util/intl.h"
#include "util/prompt.h"

/* The new passphrase: checked for strength as soon as it is typed, and
 * only then asked a second time at a terminal; a weak one, or two that
 * differ, are asked for again (cli_tries times in all). */
static int new_passphrase(char **pass, size_t *len, const struct globals *g,
                          struct err *e)
{
    for (int left = cli_tries(g); left > 0; left--) {
        int rc = prompt_secret(pass, len, g->passfd, _("New passphrase: "), 0, e);

        if (rc < 0)
            return -1;
        if (passphrase_check(*pass, e) == 0) {
            rc = g->passfd >= 0 ? 0 : prompt_repeat(*pass, *len, e);
            if (rc == 0)
                return 0;
            if (rc < 0) {
                secmem_free(*pass);
                *pass = NULL;
                return -1;
            }
        }
        secmem_free(*pass);
        *pass = NULL;
        if (left > 1)
            cli_note("%s; try again (%d %s left)", rc == 1 ? "the two passphrases differ" : e->msg,
                     left - 1, left - 1 == 1 ? "try" : "tries");
    }
    return -1;
}

/* Shows a recovery key on standard output (a new one replacing the old
 * when renewed), flushed: 0, or -1 with errno when it could not be shown
 * (then nothing may be created with it). */
static int show_recovery(const unsigned char *recovery, int renewed)
{
    char text[RECOVERY_TEXT_BYTES];
    int rc;

    recovery_key_format(text, sizeof text, recovery);
    printf("%s\n\n    %s\n\n%s\n%s\n",
           renewed ? _("New recovery key (shown once; it opens this store if the passphrase is lost):")
                   : _("Recovery key (shown once; it opens this store if the passphrase is lost):"),
           text, _("Write it on paper and keep it apart from this device; never store it on it."),
           _("Use it with: intake --recovery passwd"));
    sodium_memzero(text, sizeof text);
    rc = fflush(stdout) == 0 && !ferror(stdout) ? 0 : -1;
    if (rc != 0 && errno == 0)
        errno = EIO;
    return rc;
}

/* Before the passphrase is asked, so that Ctrl-C still changes nothing. */
static void warn_volatile(const char *dir)
{
    const char *kind = fs_volatile_kind(dir);

    if (kind != NULL)
        cli_note("warning: %s is on %s, which is erased at shutdown, and the store with it; "
                 "keep it on a disk (on Tails: --home ~/Persistent/intake, in the Persistent "
                 "Storage)", dir, kind);
}

struct init_opts {
    const char *kdf, *label, *locale;
};

/* The SYNOPSIS line of docs/intake.1, character for character. */
static const char init_usage[] =
    "intake init [--kdf interactive|moderate|sensitive] [--label NAME] [--locale CODE]";

static int parse_init(struct init_opts *o, int argc, char **argv)
{
    static const struct option opts[] = {
        { "kdf", required_argument, NULL, 'k' },
        { "label", required_argument, NULL, 'l' },
        { "locale", required_argument, NULL, 'L' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    struct store_params p;
    struct err e;
    int c;

    o->kdf = "moderate";
    o->label = "intake";
    o->locale = "en";
    while ((c = cli_getopt(argc, argv, ":", opts)) != -1) {
        switch (c) {
        case 'k': o->kdf = optarg; break;
        case 'l': o->label = optarg; break;
        case 'L': o->locale = optarg; break;
        case 'h': cli_print_usage(stdout, init_usage); return -1;
        default: return cli_bad_option("init", c, argv);
        }
    }
    if (optind != argc)
        return cli_usage_error("init", "unexpected argument '%s'", argv[optind]);
    p.label = o->label;
    p.locale = o->locale;
    err_clear(&e);
    if (store_params_check(&p, &e) != 0)
        return cli_usage_error("init", "%s", e.msg);
    return 0;
}

/* Asks for the new passphrase, makes a new recovery key and shows it as
 * what ("recovery key"), all before anything changes (a store whose key
 * nobody saw is never made): 0, or the printed failure's status, whose
 * message ends with unchanged ("nothing was changed"). */
static int new_secrets(char **pass, size_t *len, unsigned char *recovery, int renewed,
                       const struct globals *g)
{
    struct err e;

    err_clear(&e);
    if (new_passphrase(pass, len, g, &e) != 0)
        return cli_fail(&e);
    recovery_key_new(recovery);
    if (show_recovery(recovery, renewed) == 0)
        return 0;
    if (renewed)
        return cli_error(EXIT_INPUT, "cannot show the new recovery key on standard output (%s); "
                         "nothing was changed", strerror(errno));
    return cli_error(EXIT_INPUT, "cannot show the recovery key on standard output (%s); "
                     "no store was created", strerror(errno));
}

static int create_store(const char *dir, const struct store_params *p,
                        const struct globals *g)
{
    unsigned char *recovery = secmem_alloc(RECOVERY_KEY_BYTES);
    char *pass = NULL;
    size_t len;
    struct err e;
    int rc;

    if (recovery == NULL)
        return cli_error(EXIT_INPUT, "out of secure memory");
    err_clear(&e);
    rc = new_secrets(&pass, &len, recovery, 0, g);
    if (rc == 0 && store_create(dir, p, pass, len, recovery, &e) != 0)
        rc = cli_error(e.code ? e.code : EXIT_INPUT, "%s (the recovery key shown above is void: "
                       "no store was created)", e.msg);
    secmem_free(pass);
    secmem_free(recovery);
    return rc;
}

int cmd_init(int argc, char **argv, const struct globals *g)
{
    struct init_opts o;
    struct store_params p;
    char dir[4096];
    struct err e;
    int rc, made;

    err_clear(&e);
    rc = parse_init(&o, argc, argv);
    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    p.label = o.label;
    p.locale = o.locale;
    if (keyslot_kdf_params(&p.opslimit, &p.memlimit, o.kdf, &e) != 0 ||
        store_dir_resolve(dir, sizeof dir, g->home, &e) != 0)
        return cli_fail(&e);
    if (store_check_dir(dir, &e) == 0)
        return cli_error(EXIT_INPUT, "a store already exists in %s; nothing was changed", dir);
    made = access(dir, F_OK) != 0 && errno == ENOENT;
    if (store_create_check(dir, &e) != 0)
        rc = cli_fail(&e);
    else {
        warn_volatile(dir);
        rc = create_store(dir, &p, g);
    }
    /* A failure leaves no folder it made (rmdir: only when empty), as
     * restore does. */
    if (rc != 0 && made)
        (void)rmdir(dir);
    if (rc == 0) {
        cli_saved("the store in %s was created (its recovery key was shown above)", dir);
        printf(_("Created a store in %s\n"), dir);
    }
    return rc;
}

/* The SYNOPSIS lines of docs/intake.1, character for character. */
static const char passwd_usage[] = "intake [--recovery] passwd";
static const char rekey_usage[] = "intake [--recovery] rekey";

/* Parses a command that takes nothing but --help: 0, -1 after usage on
 * stdout, or a usage error's status. */
static int no_args(const char *cmd, const char *usage, int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--help") == 0) {
        cli_print_usage(stdout, usage);
        return -1;
    }
    if (argc != 1)
        return cli_usage_error(cmd, "%s takes no arguments", cmd);
    return 0;
}

int cmd_passwd(int argc, char **argv, const struct globals *g)
{
    struct store *s;
    char *pass = NULL;
    size_t len;
    struct err e;
    int rc = no_args("passwd", passwd_usage, argc, argv);

    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc;
    err_clear(&e);
    rc = new_passphrase(&pass, &len, g, &e);
    if (rc == 0)
        rc = store_set_passphrase(s, pass, len, &e);
    secmem_free(pass);
    store_close(s);
    if (rc != 0)
        return cli_fail(&e);
    cli_note("passphrase changed");
    return EXIT_OK;
}

static int rekey_store(struct store *s, const struct globals *g)
{
    unsigned char *recovery = secmem_alloc(RECOVERY_KEY_BYTES);
    struct cli_progress shown;
    struct progress to;
    char *pass = NULL;
    size_t len;
    struct err e;
    int rc, rekeyed = 0;

    if (recovery == NULL)
        return cli_error(EXIT_INPUT, "out of secure memory");
    err_clear(&e);
    /* The room first: a recovery key is shown only if it can become
     * valid (adv14 F15). */
    if (store_hold_alone(s, &e) != 0 || store_rekey_room(s, &e) != 0) {
        secmem_free(recovery);
        return cli_fail(&e);
    }
    rc = new_secrets(&pass, &len, recovery, 1, g);
    cli_progress_begin(&shown, &to, _("re-encrypting the store"));
    if (rc == 0 && store_rekey(&rekeyed, s, pass, len, recovery, to.fn, to.ctx, &e) != 0) {
        cli_progress_end(&shown, 0);
        rc = rekeyed ? cli_fail(&e)
             : cli_error(e.code ? e.code : EXIT_INPUT, "%s (the new recovery key shown above "
                         "is void)", e.msg);
    }
    cli_progress_end(&shown, rc == 0);
    secmem_free(pass);
    secmem_free(recovery);
    return rc;
}

int cmd_rekey(int argc, char **argv, const struct globals *g)
{
    struct store *s;
    int rc = no_args("rekey", rekey_usage, argc, argv);

    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc;
    rc = rekey_store(s, g);
    store_close(s);
    if (rc == 0)
        cli_note("the store was re-encrypted under a new key; the old recovery key and old "
                 "copies of the keyslot file open it no more");
    return rc;
}

/* The SYNOPSIS line of docs/intake.1, character for character. */
static const char label_usage[] = "intake label NEW";

int cmd_label(int argc, char **argv, const struct globals *g)
{
    struct store *s;
    struct err e;
    int rc = cli_plain_args("label", label_usage, argc, argv, 1, N_("label needs the NEW label"),
                            NULL, NULL);

    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    err_clear(&e);
    /* The card's rule, before the passphrase is asked. */
    if (card_label_check(argv[optind], &e) != 0)
        return cli_usage_error("label", "%s", e.msg);
    rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc;
    rc = store_set_label(s, argv[optind], &e) == 0 ? 0 : cli_fail(&e);
    store_close(s);
    if (rc == 0)
        cli_note("the label is now '%s'; 'intake card' shows it (contacts keep the card they "
                 "added until they add the new one)", argv[optind]);
    return rc;
}
