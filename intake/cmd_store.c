/* init and passwd. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "intake/cli.h"
#include "intake/commands.h"
#include "crypto/keyslot.h"
#include "crypto/secmem.h"
#include "crypto/strength.h"
#include "store/store.h"
#include "util/fsinfo.h"
#include "util/prompt.h"

/* The new passphrase, asked twice; at a terminal, two that differ or a
 * weak one are asked for again (cli_tries times in all). */
static int new_passphrase(char **pass, size_t *len, const struct globals *g,
                          struct err *e)
{
    for (int left = cli_tries(g); left > 0; left--) {
        int rc = prompt_secret(pass, len, g->passfd, "New passphrase: ", 1, e);

        if (rc < 0)
            return -1;
        if (rc == 0 && passphrase_check(*pass, e) == 0)
            return 0;
        secmem_free(*pass);
        *pass = NULL;
        if (left > 1)
            cli_note("%s; try again (%d %s left)", rc == 1 ? "the two passphrases differ" : e->msg,
                     left - 1, left - 1 == 1 ? "try" : "tries");
    }
    return -1;
}

static void print_recovery(const unsigned char *recovery)
{
    char text[RECOVERY_TEXT_BYTES];

    recovery_key_format(text, sizeof text, recovery);
    printf("Recovery key (shown once; it opens this store if the passphrase is lost):\n\n"
           "    %s\n\n"
           "Write it on paper and keep it apart from this device; never store it on it.\n"
           "Use it with: intake --recovery passwd\n", text);
    sodium_memzero(text, sizeof text);
}

/* Before the passphrase is asked, so that Ctrl-C still changes nothing. */
static void warn_volatile(const char *dir)
{
    const char *kind = fs_volatile_kind(dir);

    if (kind != NULL)
        fprintf(stderr, "intake: warning: %s is on %s, which is erased at shutdown, and "
                "the store with it; keep it on a disk (on Tails: --home "
                "~/Persistent/intake, in the Persistent Storage)\n", dir, kind);
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
    int c;

    o->kdf = "moderate";
    o->label = "intake";
    o->locale = "en";
    while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
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
    if (o->label[0] == '\0' || strlen(o->label) > STORE_LABEL_MAX)
        return cli_usage_error("init", "--label must be 1 to %d bytes", STORE_LABEL_MAX);
    if (o->locale[0] == '\0' || strlen(o->locale) > STORE_LOCALE_MAX)
        return cli_usage_error("init", "--locale must be a short code such as ko, mn or en");
    return 0;
}

int cmd_init(int argc, char **argv, const struct globals *g)
{
    struct init_opts o;
    struct store_params p;
    unsigned char *recovery;
    char dir[4096], *pass = NULL;
    size_t len;
    struct err e;
    int rc;

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
    warn_volatile(dir);
    recovery = secmem_alloc(RECOVERY_KEY_BYTES);
    if (recovery == NULL)
        return cli_error(EXIT_INPUT, "out of secure memory");
    err_clear(&e);
    rc = new_passphrase(&pass, &len, g, &e);
    if (rc == 0)
        rc = store_create(dir, &p, pass, len, recovery, &e);
    secmem_free(pass);
    if (rc == 0) {
        printf("Created a store in %s\n", dir);
        print_recovery(recovery);
    }
    secmem_free(recovery);
    return rc == 0 ? EXIT_OK : cli_fail(&e);
}

/* The SYNOPSIS line of docs/intake.1, character for character. */
static const char passwd_usage[] = "intake [--recovery] passwd";

int cmd_passwd(int argc, char **argv, const struct globals *g)
{
    struct store *s;
    char *pass = NULL;
    size_t len;
    struct err e;
    int rc;

    if (argc == 2 && strcmp(argv[1], "--help") == 0) {
        cli_print_usage(stdout, passwd_usage);
        return EXIT_OK;
    }
    if (argc != 1)
        return cli_usage_error("passwd", "passwd takes no arguments");
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
