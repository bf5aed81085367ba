/* attach, attachment get */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "intake/cli.h"
#include "intake/commands.h"
#include "crypto/secmem.h"
#include "export/exif.h"
#include "store/store.h"
#include "util/fileio.h"

/* A media type from the first bytes; names are not trusted. */
static const char *guess_type(const unsigned char *b, size_t n)
{
    static const struct { size_t off; const char *magic; size_t len; const char *type; } m[] = {
        { 0, "\xff\xd8\xff", 3, "image/jpeg" }, { 0, "\x89PNG\r\n\x1a\n", 8, "image/png" },
        { 0, "GIF8", 4, "image/gif" }, { 0, "%PDF-", 5, "application/pdf" },
        { 0, "OggS", 4, "audio/ogg" }, { 0, "fLaC", 4, "audio/flac" },
        { 0, "ID3", 3, "audio/mpeg" }, { 8, "WAVE", 4, "audio/wav" },
        { 8, "WEBP", 4, "image/webp" }, { 4, "ftypM4A", 7, "audio/mp4" },
        { 4, "ftyp", 4, "video/mp4" }, { 0, "PK\x03\x04", 4, "application/zip" },
    };

    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
        if (n >= m[i].off + m[i].len && memcmp(b + m[i].off, m[i].magic, m[i].len) == 0)
            return m[i].type;
    if (n > 0 && memchr(b, 0, n) == NULL)
        return "text/plain";
    return "application/octet-stream";
}

struct source {
    int fd;
    struct stat st;
    const char *path;
    char name[ATTACHMENT_NAME_MAX + 1];
    const char *type;
    int gps;
};

static int open_source(struct source *src, const char *path, struct err *e)
{
    unsigned char *head;
    char copy[4096];
    ssize_t n;
    int k;

    src->path = path;
    src->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (src->fd < 0)
        return err_set(e, EXIT_INPUT, "cannot open %s: %s", path, strerror(errno));
    if (fstat(src->fd, &src->st) != 0 || !S_ISREG(src->st.st_mode))
        return err_set(e, EXIT_INPUT, "%s is not a regular file", path);
    k = snprintf(copy, sizeof copy, "%s", path);
    if (k < 0 || (size_t)k >= sizeof copy)
        return err_set(e, EXIT_INPUT, "path too long: %s", path);
    k = snprintf(src->name, sizeof src->name, "%s", basename(copy));
    if (k < 0 || (size_t)k >= sizeof src->name)
        return err_set(e, EXIT_INPUT, "the file name is longer than %d bytes", ATTACHMENT_NAME_MAX);
    head = secmem_alloc(EXIF_SCAN_BYTES);
    if (head == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    n = pread(src->fd, head, EXIF_SCAN_BYTES, 0);
    if (n >= 0) {
        src->type = guess_type(head, (size_t)n);
        src->gps = exif_has_gps(head, (size_t)n);
    }
    secmem_free(head);
    if (n < 0)
        return err_set(e, EXIT_INPUT, "cannot read %s: %s", path, strerror(errno));
    return 0;
}

/* Streams the file into the store in one transaction. */
static int copy_in(struct store *s, const char *record, struct source *src,
                   unsigned char *hash, struct err *e)
{
    struct attachment_writer *w;
    unsigned char *buf = secmem_alloc(ATTACHMENT_CHUNK);
    ssize_t n = 0;
    int rc = -1;

    if (buf == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    if (store_begin(s, e) != 0)
        goto out;
    if (store_attachment_begin(&w, s, record, src->name, src->type, src->gps, e) != 0) {
        store_rollback(s);
        goto out;
    }
    while ((n = fd_read_full(src->fd, buf, ATTACHMENT_CHUNK)) > 0)
        if (store_attachment_write(w, buf, (size_t)n, e) != 0)
            break;
    if (n < 0)
        err_set(e, EXIT_INPUT, "cannot read %s: %s", src->path, strerror(errno));
    if (n != 0) {
        store_attachment_abort(w);
        store_rollback(s);
        goto out;
    }
    if (store_attachment_end(w, hash, e) != 0 || store_log(s, "attach", record, e) != 0) {
        store_rollback(s);
        goto out;
    }
    rc = store_commit(s, e);
out:
    secmem_free(buf);
    return rc;
}

static int hash_sink(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    (void)e;
    crypto_generichash_update(ctx, buf, len);
    return 0;
}

/* Reads the stored copy back, compares it with what was read from the
 * file, checks the file did not change meanwhile, then unlinks it. */
static int remove_source(struct store *s, const char *record, const struct source *src,
                         const unsigned char *hash, struct err *e)
{
    unsigned char back[ATTACHMENT_HASHBYTES];
    crypto_generichash_state h;
    struct stat now;

    crypto_generichash_init(&h, NULL, 0, sizeof back);
    if (store_attachment_read(s, record, src->name, 1, hash_sink, &h, e) != 0)
        return -1;
    crypto_generichash_final(&h, back, sizeof back);
    if (sodium_memcmp(back, hash, sizeof back) != 0)
        return err_set(e, EXIT_INPUT, "the stored copy of %s does not verify; "
                       "the file was kept", src->path);
    if (stat(src->path, &now) != 0 || now.st_ino != src->st.st_ino ||
        now.st_dev != src->st.st_dev || now.st_size != src->st.st_size ||
        now.st_mtim.tv_sec != src->st.st_mtim.tv_sec ||
        now.st_mtim.tv_nsec != src->st.st_mtim.tv_nsec)
        return err_set(e, EXIT_INPUT, "%s changed while it was attached; the file was "
                       "kept (attach it again under another name if needed)", src->path);
    if (unlink(src->path) != 0)
        return err_set(e, EXIT_INPUT, "attached, but cannot remove %s: %s", src->path,
                       strerror(errno));
    return fsync_parent(src->path, e);
}

/* The SYNOPSIS line of docs/intake.1, character for character. */
static const char attach_usage[] = "intake attach RECORD FILE [--remove-source]";

int cmd_attach(int argc, char **argv, const struct globals *g)
{
    static const struct option opts[] = {
        { "remove-source", no_argument, NULL, 'r' }, { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    unsigned char hash[ATTACHMENT_HASHBYTES];
    struct source src = { .fd = -1 };
    int c, rm = 0, rc;
    struct store *s;
    struct err e;

    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'r') rm = 1;
        else if (c == 'h') { cli_print_usage(stdout, attach_usage); return EXIT_OK; }
        else return cli_usage_error("attach", "unknown option '%s'", argv[optind - 1]);
    }
    if (argc - optind != 2)
        return cli_usage_error("attach", "attach needs a RECORD and a FILE");
    err_clear(&e);
    if (open_source(&src, argv[optind + 1], &e) != 0) {
        if (src.fd >= 0)
            close(src.fd);
        return cli_fail(&e);
    }
    rc = cli_open_store(&s, g);
    if (rc != 0) {
        close(src.fd);
        return rc;
    }
    rc = copy_in(s, argv[optind], &src, hash, &e);
    if (rc == 0) {
        printf("attached %s to %s (%llu bytes, %s)\n", src.name, argv[optind],
               (unsigned long long)src.st.st_size, src.type);
        if (src.gps)
            fprintf(stderr, "intake: warning: %s holds a location (EXIF GPS): it is flagged, "
                    "and an export shows the flag to the recipients\n", src.name);
        if (rm) {
            rc = remove_source(s, argv[optind], &src, hash, &e);
            if (rc == 0)
                fprintf(stderr, "intake: removed %s after checking the stored copy; flash "
                        "storage (SSD, SD card, phone) may still keep old blocks of it, "
                        "which only full-disk encryption protects\n", src.path);
        }
    }
    close(src.fd);
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

/* The SYNOPSIS line of docs/intake.1, character for character. */
static const char attachment_usage[] = "intake attachment get RECORD NAME -o FILE";

int cmd_attachment(int argc, char **argv, const struct globals *g)
{
    static const struct option opts[] = {
        { "output", required_argument, NULL, 'o' }, { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *out = NULL;
    int c, seen = 0, rc;
    struct store *s;
    struct err e;

    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        if (c == 'o') { if (cli_once("attachment", "output", &seen)) return EXIT_INPUT; out = optarg; }
        else if (c == 'h') { cli_print_usage(stdout, attachment_usage); return EXIT_OK; }
        else return cli_usage_error("attachment", "unknown option '%s'", argv[optind - 1]);
    }
    if (argc - optind < 1 || strcmp(argv[optind], "get") != 0)
        return cli_usage_error("attachment", "the only subcommand is 'get'");
    if (argc - optind != 3)
        return cli_usage_error("attachment", "attachment get needs a RECORD and a NAME");
    if (out == NULL)
        return cli_usage_error("attachment", "attachment get needs -o FILE");
    rc = cli_open_store(&s, g);
    if (rc != 0)
        return rc;
    err_clear(&e);
    rc = attachment_get(s, argv[optind + 1], argv[optind + 2], out, &e);
    store_close(s);
    return rc == 0 ? EXIT_OK : cli_fail(&e);
}
