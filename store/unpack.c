/* Opening a bundle without importing it (intake open): verified first,
 * then handed over as one JSON summary, or written into a new folder. */
#include "store/unpack.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "crypto/secmem.h"
#include "export/bundle.h"
#include "export/content.h"
#include "store/import.h"
#include "store/scope.h"
#include "store/tombstone.h"
#include "util/fileio.h"

struct opener {
    json_t *header, *records;
    json_t *full;                        /* with a folder: each record whole */
    struct temp_dir tmp;                 /* the folder being filled */
    const char *dir;                     /* its path, or NULL without -o */
    char id[RECORD_ID_CHARS + 1];
    int fd;                              /* the attachment being written */
};

static const char *jstr(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

static int new_file(struct opener *op, const char *name, struct err *e)
{
    char path[4200];
    int n = snprintf(path, sizeof path, "%s/%s", op->dir, name);

    if (n < 0 || (size_t)n >= sizeof path)
        return err_set(e, EXIT_INPUT, "path too long in %s", op->dir);
    op->fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (op->fd < 0)
        return err_set(e, EXIT_INPUT, "cannot create %s: %s", path, strerror(errno));
    return 0;
}

static int close_file(struct opener *op, struct err *e)
{
    int rc = fsync(op->fd) == 0 ? close(op->fd) : (close(op->fd), -1);

    op->fd = -1;
    if (rc != 0)
        return err_set(e, EXIT_INPUT, "cannot write in %s: %s", op->dir, strerror(errno));
    return 0;
}

static int write_text(struct opener *op, const char *name, const char *text, struct err *e)
{
    if (new_file(op, name, e) != 0)
        return -1;
    if (fd_write_all(op->fd, text, strlen(text)) != 0) {
        close(op->fd);
        op->fd = -1;
        return err_set(e, EXIT_INPUT, "cannot write in %s: %s", op->dir, strerror(errno));
    }
    return close_file(op, e);
}

static int write_json(struct opener *op, const char *name, json_t *doc, struct err *e)
{
    char *text = json_dumps(doc, JSON_INDENT(2) | JSON_SORT_KEYS);
    int rc;

    if (text == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    rc = write_text(op, name, text, e);
    secmem_wipe_free(text);
    return rc;
}

static const char *yn(json_t *o, const char *key)
{
    return json_is_true(json_object_get(o, key)) ? "yes" : "no";
}

/* A record as Markdown: metadata (its consent scope included), then the
 * (redacted) body. */
static int write_markdown(struct opener *op, json_t *rec, const char *here, struct err *e)
{
    size_t i, len = json_string_length(json_object_get(rec, "body")) + 16384, o = 0;
    char *md = secmem_wipe_malloc(len), name[64];
    json_t *v, *c;
    int rc;

    if (md == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
#define ADD(...) o += (size_t)snprintf(md + o, o < len ? len - o : 0, __VA_ARGS__)
    ADD("# %s\n\n- id: %s\n- pseudonym: %s\n- date: %s\n", jstr(rec, "title"),
        jstr(rec, "id"), jstr(rec, "pseudonym"), jstr(rec, "date"));
    if (json_integer_value(json_object_get(rec, "version")) > 1)
        ADD("- version: %lld\n", (long long)json_integer_value(json_object_get(rec, "version")));
    /* The consent scope, as open prints it: what an editor may do with
     * the text travels with the file that is pasted (issue 16). */
    c = json_object_get(rec, "consent");
    if (jstr(rec, "subject") != NULL && json_is_object(c) && jstr(c, "recorded") != NULL)
        ADD("- subject id: %s\n- consent: recorded %s%s%s%s: export %s, quote %s, publish %s, "
            "attachments %s%s%s\n", jstr(rec, "subject"), jstr(c, "recorded"),
            jstr(c, "method") ? " (" : "", jstr(c, "method") ? jstr(c, "method") : "",
            jstr(c, "method") ? ")" : "", yn(c, "export"), yn(c, "quote"), yn(c, "publish"),
            yn(c, "attachments"), jstr(c, "embargo") ? ", embargo until " : "",
            jstr(c, "embargo") ? jstr(c, "embargo") : "");
    else
        ADD("- consent: not carried by its bundle (content format 1): do not quote or "
            "publish without asking its sender\n");
    if (here != NULL)                    /* how it stands in this store */
        ADD("- here: %s\n", here);
    if (jstr(rec, "place") != NULL)
        ADD("- place: %s\n", jstr(rec, "place"));
    if (jstr(rec, "language") != NULL)
        ADD("- language: %s\n", jstr(rec, "language"));
    json_array_foreach(json_object_get(rec, "tags"), i, v)
        ADD("- tag: %s\n", json_string_value(v));
    json_array_foreach(json_object_get(rec, "attachments"), i, v)
        ADD("- attachment: %s-%s\n", jstr(rec, "id"), jstr(v, "file"));
    if (o + json_string_length(json_object_get(rec, "body")) + 2 >= len) {
        secmem_wipe_free(md);
        return err_set(e, EXIT_INPUT, "a record is too long to write");
    }
    ADD("\n%s\n", jstr(rec, "body"));
#undef ADD
    snprintf(name, sizeof name, "%s.md", jstr(rec, "id"));
    rc = write_text(op, name, md, e);
    secmem_wipe_free(md);
    return rc;
}

static int on_header(void *ctx, json_t *doc, struct err *e)
{
    struct opener *op = ctx;

    (void)e;
    op->header = json_incref(doc);
    return 0;
}

static int on_record(void *ctx, json_t *rec, struct err *e)
{
    struct opener *op = ctx;
    char name[64];

    snprintf(op->id, sizeof op->id, "%s", jstr(rec, "id"));
    if (op->dir == NULL)
        return json_array_append(op->records, rec) == 0 ? 0
               : err_set(e, EXIT_INPUT, "out of memory");
    if (json_array_append_new(op->records, json_pack("{s:s}", "id", op->id)) != 0 ||
        json_array_append(op->full, rec) != 0)
        return err_set(e, EXIT_INPUT, "out of memory");
    snprintf(name, sizeof name, "%s.json", op->id);
    return write_json(op, name, rec, e) == 0 ? write_markdown(op, rec, NULL, e) : -1;
}

/* Removes file name from the folder being filled (not yet committed). */
static int drop_file(struct opener *op, const char *name, struct err *e)
{
    char path[4200];
    int n = snprintf(path, sizeof path, "%s/%s", op->dir, name);

    if (n < 0 || (size_t)n >= sizeof path)
        return err_set(e, EXIT_INPUT, "path too long in %s", op->dir);
    if (unlink(path) != 0 && errno != ENOENT)
        return err_set(e, EXIT_INPUT, "cannot remove %s: %s", path, strerror(errno));
    return 0;
}

/* How each record of a bundle imported before stands here
 * (db_record_standing, adv16b N4): its summary entry gets "here"
 * {"refused", "note"}; a record this store refuses loses its "body" in
 * the summary and, in the folder, is left out (its files removed before the folder is committed), one whose
 * scope here is newer says so in its Markdown. */
static int standing(struct opener *op, struct store *s, const struct bundle_info *info,
                    struct err *e)
{
    json_t *all = op->dir != NULL ? op->full : op->records, *rec, *a;
    char note[600], name[160];
    const unsigned char *pk = info->sender_pk;
    size_t i, j;
    int rc, seen = 0;

    /* Only a bundle imported before (one not yet imported may carry the
     * notices that let its records in: import says what it refuses). */
    if (store_import_seen(&seen, s, info->hash, sizeof info->hash, e) != 0)
        return -1;
    json_array_foreach(seen ? all : NULL, i, rec) {
        rc = db_record_standing(note, sizeof note, s, pk, rec, e);
        if (rc < 0)
            return -1;
        if (rc == 0)
            continue;
        if (json_object_set_new(json_array_get(op->records, i), "here",
                                json_pack("{s:b, s:s}", "refused", rc == 1, "note", note)) != 0)
            return err_set(e, EXIT_INPUT, "out of memory");
        /* Refused: the summary keeps its id and the reason, never its
         * testimony (adv16 B-16: --json printed what -o leaves out). */
        if (rc == 1 && op->dir == NULL)
            (void)json_object_del(rec, "body");   /* -1 only when absent */
        if (op->dir == NULL)
            continue;
        snprintf(name, sizeof name, "%s.md", jstr(rec, "id"));
        if (drop_file(op, name, e) != 0)
            return -1;
        if (rc == 2) {
            if (write_markdown(op, rec, note, e) != 0)
                return -1;
            continue;
        }
        snprintf(name, sizeof name, "%s.json", jstr(rec, "id"));
        if (drop_file(op, name, e) != 0)
            return -1;
        json_array_foreach(json_object_get(rec, "attachments"), j, a) {
            snprintf(name, sizeof name, "%s-%s", jstr(rec, "id"), jstr(a, "file"));
            if (drop_file(op, name, e) != 0)
                return -1;
        }
    }
    return 0;
}

/* The scope held here governs the folder as it governs export (issue 16):
 * a record whose subject's consent scope here says attachments no (or
 * that carries such a scope) gets no attachment files; its .json and .md
 * are written again without them, and its summary entry says how many
 * were left out ("attachments_left_out"). */
static int withhold_attachments(struct opener *op, struct store *s, const unsigned char *pk,
                                struct err *e)
{
    json_t *rec, *a;
    char name[160];
    size_t i, j, n;
    int allowed;

    json_array_foreach(op->dir != NULL ? op->full : NULL, i, rec) {
        json_t *entry = json_array_get(op->records, i);

        n = json_array_size(json_object_get(rec, "attachments"));
        if (n == 0 || json_is_true(json_object_get(json_object_get(entry, "here"), "refused")))
            continue;
        if (db_scope_attachments(&allowed, s, pk, jstr(rec, "subject"), jstr(rec, "id"), e) != 0)
            return -1;
        if (allowed && !json_is_false(json_object_get(json_object_get(rec, "consent"),
                                                      "attachments")))
            continue;
        json_array_foreach(json_object_get(rec, "attachments"), j, a) {
            snprintf(name, sizeof name, "%s-%s", jstr(rec, "id"), jstr(a, "file"));
            if (drop_file(op, name, e) != 0)
                return -1;
        }
        if (json_object_set_new(rec, "attachments", json_array()) != 0 ||
            json_object_set_new(entry, "attachments_left_out", json_integer((json_int_t)n)) != 0)
            return err_set(e, EXIT_INPUT, "out of memory");
        snprintf(name, sizeof name, "%s.json", jstr(rec, "id"));
        if (drop_file(op, name, e) != 0 || write_json(op, name, rec, e) != 0)
            return -1;
        snprintf(name, sizeof name, "%s.md", jstr(rec, "id"));
        if (drop_file(op, name, e) != 0 ||
            write_markdown(op, rec, json_is_object(json_object_get(entry, "here"))
                           ? jstr(json_object_get(entry, "here"), "note") : NULL, e) != 0)
            return -1;
    }
    return 0;
}

static int on_blob_begin(void *ctx, json_t *head, struct err *e)
{
    struct opener *op = ctx;
    char name[96];

    if (op->dir == NULL)
        return 0;
    snprintf(name, sizeof name, "%s-%s", op->id, jstr(head, "file"));
    return new_file(op, name, e);
}

static int on_blob_data(void *ctx, const unsigned char *buf, size_t len, struct err *e)
{
    struct opener *op = ctx;

    if (op->fd < 0)
        return 0;
    if (fd_write_all(op->fd, buf, len) != 0)
        return err_set(e, EXIT_INPUT, "cannot write in %s: %s", op->dir, strerror(errno));
    return 0;
}

static int on_blob_end(void *ctx, struct err *e)
{
    struct opener *op = ctx;

    return op->fd < 0 ? 0 : close_file(op, e);
}

/* The new folder is filled under a hidden, locked name beside outdir
 * (util/fileio.h), so a kill leaves no half-written folder of records;
 * and noted in the store folder, so the next command of this store
 * removes what a kill left, wherever it is (adv14 F17). mkdtemp made it
 * 0700: nothing decrypted is written before that. */
static int make_tmpdir(struct opener *op, struct store *s, const char *dir, struct err *e)
{
    struct stat st;

    if (lstat(dir, &st) == 0)
        return err_set(e, EXIT_INPUT, "%s already exists; open writes a new folder", dir);
    if (errno != ENOENT)                 /* an I/O error is not "exists" */
        return err_set(e, EXIT_INPUT, "cannot read %s: %s", dir, strerror(errno));
    if (temp_dir_open(&op->tmp, dir, e) != 0)
        return -1;
    if (temp_dir_note(&op->tmp, store_dir(s), e) != 0) {
        temp_dir_abort(&op->tmp);
        return -1;
    }
    op->dir = op->tmp.path;
    return 0;
}


struct sender_view {
    char name[CONTACT_NAME_MAX + 1];
    int verified;
    const unsigned char *pk;
};

static json_t *summary(struct opener *op, const struct bundle_info *info,
                       const struct sender_view *sv)
{
    char hash[2 * BUNDLE_HASHBYTES + 1], key[2 * crypto_sign_PUBLICKEYBYTES + 1];

    sodium_bin2hex(hash, sizeof hash, info->hash, sizeof info->hash);
    sodium_bin2hex(key, sizeof key, info->sender_pk, sizeof info->sender_pk);
    return json_pack("{s:s, s:{s:s, s:s?, s:b}, s:I, s:b, s:O, s:O}", "bundle", hash,
                     "sender", "signing_key", key, "contact", sv->name[0] ? sv->name : NULL,
                     "verified", sv->verified, "recipients", (json_int_t)info->nrecipients,
                     "armored", info->armored, "header", op->header,
                     "records", op->records);
}

/* Moves the verified folder into place (never over an existing one). */
static int finish_dir(struct opener *op, const char *dir, struct err *e)
{
    op->dir = NULL;
    return temp_dir_commit(&op->tmp, dir, e);
}

int store_unpack(json_t **summary_out, struct store *s, const char *path,
                 const char *outdir, struct err *e)
{
    struct opener op = { NULL, NULL, NULL, { "", -1, "", -1 }, NULL, "", -1 };
    struct content_handler h = { on_header, on_record, on_blob_begin, on_blob_data,
                                 on_blob_end, &op };
    struct sender_view sv = { "", 0, NULL };
    struct opened_bundle b;
    struct bundle_info info;
    json_t *sum = NULL;
    int rc = -1;

    *summary_out = NULL;
    op.records = json_array();
    op.full = json_array();
    if (op.records == NULL || op.full == NULL) {
        json_decref(op.records);
        json_decref(op.full);
        return err_set(e, EXIT_INPUT, "out of memory");
    }
    if (store_bundle_open(&b, s, path, e) != 0 ||
        (outdir != NULL && make_tmpdir(&op, s, outdir, e) != 0) ||
        store_bundle_read(&b, &h, &info, e) != 0)
        goto out;
    sv.pk = info.sender_pk;
    if (store_contact_by_sign_pk(sv.name, sizeof sv.name, &sv.verified, s, sv.pk, e) != 0 ||
        standing(&op, s, &info, e) != 0 || withhold_attachments(&op, s, sv.pk, e) != 0)
        goto out;
    sum = summary(&op, &info, &sv);
    if (sum == NULL) {
        err_set(e, EXIT_INPUT, "out of memory");
        goto out;
    }
    if (outdir != NULL &&
        (write_json(&op, "bundle.json", sum, e) != 0 || finish_dir(&op, outdir, e) != 0))
        goto out;
    *summary_out = sum;
    sum = NULL;
    rc = 0;
out:
    if (op.fd >= 0)
        close(op.fd);
    temp_dir_abort(&op.tmp);
    json_decref(sum);
    json_decref(op.header);
    json_decref(op.records);
    json_decref(op.full);
    store_bundle_close(&b);
    return rc;
}
