/* audit: verify a bundle's origin and what it exports, without importing
 * it (issue 6). Any recipient runs it: the bundle is opened with this
 * store's key, held in memory until its signature has been checked, then
 * checked against its redaction manifest. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "intake/cli.h"
#include "intake/commands.h"
#include "crypto/card.h"
#include "crypto/secmem.h"
#include "export/audit.h"
#include "export/bundle.h"
#include "export/content.h"
#include "export/manifest.h"
#include "store/store.h"

struct audit_opts {
    const char *path;
    int json, strict;
    size_t k;
};

/* What the bundle holds, kept until its signature is verified. */
struct collected {
    json_t *header, *records;
    size_t attachments;
};

static int on_header(void *ctx, json_t *doc, struct err *e)
{
    struct collected *c = ctx;

    (void)e;
    c->header = json_incref(doc);
    return 0;
}

static int on_record(void *ctx, json_t *rec, struct err *e)
{
    struct collected *c = ctx;

    return json_array_append(c->records, rec) == 0 ? 0
           : err_set(e, EXIT_INPUT, "out of memory reading the bundle");
}

static int on_blob(void *ctx, json_t *head, struct err *e)
{
    struct collected *c = ctx;

    (void)head, (void)e;
    c->attachments++;
    return 0;
}

static int read_collect(struct collected *c, struct bundle_info *info, struct store *s,
                        const char *path, struct err *e)
{
    struct content_handler h = { on_header, on_record, on_blob, NULL, NULL, c };
    unsigned char pk[crypto_box_PUBLICKEYBYTES], spk[crypto_sign_PUBLICKEYBYTES];
    unsigned char *sk = secmem_alloc(crypto_sign_SECRETKEYBYTES + crypto_box_SECRETKEYBYTES);
    struct content_reader *r = content_reader_new(&h);
    struct stat st;
    int fd = -1, rc = -1;

    if (sk == NULL || r == NULL) {
        err_set(e, EXIT_INPUT, "out of memory");
        goto out;
    }
    if (store_device_public(spk, pk, s, e) != 0 ||
        store_device_secret(sk, sk + crypto_sign_SECRETKEYBYTES, s, e) != 0)
        goto out;
    if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
        err_set(e, EXIT_INPUT, "cannot open %s: %s", path, strerror(errno));
        goto out;
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        err_set(e, EXIT_INPUT, "%s is not a regular file", path);
        goto out;
    }
    rc = bundle_read(fd, pk, sk + crypto_sign_SECRETKEYBYTES, content_sink, r, info, e);
    if (rc == 0)
        rc = content_finish(r, e);
out:
    if (fd >= 0)
        close(fd);
    content_reader_free(r);
    secmem_free(sk);
    return rc;
}

struct sender {
    const unsigned char *pk;
    char name[CONTACT_NAME_MAX + 1];     /* "" if unknown */
    int verified;
};

/* origin: the signature, commitment, chunks and padding were verified by
 * bundle_read; the sender must be a known contact. */
static int check_origin(struct audit_report *rep, struct store *s, const struct bundle_info *info,
                        const struct collected *c, struct err *e)
{
    struct sender sd = { info->sender_pk, "", 0 };
    char key[2 * crypto_sign_PUBLICKEYBYTES + 1], head[2 * LOG_HASHBYTES + 1] = "";
    json_t *lh = json_object_get(c->header, "log_head");
    int level;

    if (store_contact_by_sign_pk(sd.name, sizeof sd.name, &sd.verified, s, sd.pk, e) != 0)
        return -1;
    sodium_bin2hex(key, sizeof key, info->sender_pk, sizeof info->sender_pk);
    snprintf(head, sizeof head, "%s", json_is_string(json_object_get(lh, "hash"))
             ? json_string_value(json_object_get(lh, "hash")) : "none");
    level = sd.name[0] == '\0' ? AUDIT_FAIL : sd.verified ? AUDIT_PASS : AUDIT_WARN;
    if (audit_check_add(rep, "origin", level, 1, e,
                        "%s%s%s; signature, key commitment, %zu recipient(s), every chunk and the padding verified; %zu attachment(s); sender's log head at export: entry %lld, %s",
                        sd.name[0] == '\0' ? "signed by an UNKNOWN key " : "signed by contact '",
                        sd.name[0] == '\0' ? key : sd.name,
                        sd.name[0] == '\0' ? " (add their card with 'intake contact add')"
                        : sd.verified ? "' (safety number compared)"
                                      : "' (NOT verified: compare safety numbers with 'intake contact verify')",
                        info->nrecipients, c->attachments,
                        (long long)json_integer_value(json_object_get(lh, "seq")), head) < 0)
        return -1;
    return 0;
}

static void today(char *out, size_t len)
{
    time_t t = time(NULL);
    struct tm tm;

    gmtime_r(&t, &tm);
    strftime(out, len, "%Y-%m-%d", &tm);
}

static int print_report(const struct audit_report *rep, const struct audit_opts *o)
{
    if (o->json) {
        json_t *doc = audit_render_json(rep, o->strict);
        if (doc == NULL)
            return cli_error(EXIT_INPUT, "out of memory");
        json_dumpf(doc, stdout, JSON_INDENT(2));
        putchar('\n');
        json_decref(doc);
    } else {
        char *text = audit_render_text(rep, o->strict);
        if (text == NULL)
            return cli_error(EXIT_INPUT, "out of memory");
        fputs(text, stdout);
        secmem_wipe_free(text);
    }
    return audit_exit_status(rep, o->strict);
}

static int run_audit(struct store *s, const struct audit_opts *o)
{
    struct collected c = { NULL, json_array(), 0 };
    struct audit_report rep = { 0 };
    struct bundle_info info;
    char day[16];
    struct err e;
    int rc;

    err_clear(&e);
    if (c.records == NULL)
        return cli_error(EXIT_INPUT, "out of memory");
    rc = read_collect(&c, &info, s, o->path, &e);
    if (rc != 0 && e.code != EXIT_AUTH) {
        rc = cli_fail(&e);
        goto out;
    }
    if (rc != 0) {
        /* Nothing in it can be trusted: origin fails, nothing else is read. */
        if (audit_check_add(&rep, "origin", AUDIT_FAIL, 1, &e, "%s", e.msg) < 0)
            goto fail;
        rc = print_report(&rep, o);
        goto out;
    }
    if (check_origin(&rep, s, &info, &c, &e) != 0)
        goto fail;
    today(day, sizeof day);
    if (manifest_audit(&rep, c.header, c.records, day, o->k, &e) != 0) {
        if (e.code != EXIT_INPUT)
            goto fail;
        /* Signed but inconsistent with itself: the manifest disagrees. */
        if (audit_check_add(&rep, "consistency", AUDIT_FAIL, json_array_size(c.records), &e,
                            "%s", e.msg) < 0)
            goto fail;
    }
    rc = print_report(&rep, o);
    goto out;
fail:
    rc = cli_fail(&e);
out:
    audit_report_free(&rep);
    json_decref(c.header);
    json_decref(c.records);
    return rc;
}

static int parse_k(size_t *k, const char *s)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v < 1 || v > 1000000)
        return -1;
    *k = (size_t)v;
    return 0;
}

/* The SYNOPSIS line of docs/intake.1, character for character. */
static const char audit_usage[] = "intake audit BUNDLE [--json] [--strict] [--k N]";

static int parse_audit(struct audit_opts *o, int argc, char **argv)
{
    static const struct option opts[] = {
        { "json", no_argument, NULL, 'j' }, { "strict", no_argument, NULL, 's' },
        { "k", required_argument, NULL, 'k' }, { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c, seen_k = 0;

    memset(o, 0, sizeof *o);
    o->k = AUDIT_K_DEFAULT;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 'j':
            if (cli_once("audit", "json", &o->json) != 0)
                return EXIT_INPUT;
            break;
        case 's':
            if (cli_once("audit", "strict", &o->strict) != 0)
                return EXIT_INPUT;
            break;
        case 'k':
            if (cli_once("audit", "k", &seen_k) != 0)
                return EXIT_INPUT;
            if (parse_k(&o->k, optarg) != 0)
                return cli_usage_error("audit", "--k needs a whole number from 1 to 1000000, not '%s'", optarg);
            break;
        case 'h':
            cli_print_usage(stdout, audit_usage);
            return -1;
        default:
            return cli_usage_error("audit", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (argc - optind != 1)
        return cli_usage_error("audit", "audit needs one BUNDLE");
    o->path = argv[optind];
    return 0;
}

int cmd_audit(int argc, char **argv, const struct globals *g)
{
    struct audit_opts o;
    struct store *s;
    int rc;

    rc = parse_audit(&o, argc, argv);
    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc;
    rc = run_audit(s, &o);
    store_close(s);
    return rc;
}
