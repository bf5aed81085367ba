/* The re-identification check: records grouped by what they share
 * (place, month, language and tags), each group of fewer than k named. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "export/audit.h"
#include "util/intl.h"

struct qi {
    char *key;                  /* place, month, language, sorted tags */
    size_t rec;
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int cmp_qi(const void *a, const void *b)
{
    return strcmp(((const struct qi *)a)->key, ((const struct qi *)b)->key);
}

/* "place | month | lang | tag,tag" (tags sorted), fields separated by
 * 0x1f inside the key and shown with " | ". */
static char *qi_key(const struct audit_record *rec)
{
    const char **tags = calloc(rec->ntags + 1, sizeof *tags);
    size_t len = 64, o = 0;
    char *k;

    if (tags == NULL)
        return NULL;
    len += strlen(rec->place ? rec->place : "") + strlen(rec->lang ? rec->lang : "");
    for (size_t i = 0; i < rec->ntags; i++)
        tags[i] = rec->tags[i], len += strlen(rec->tags[i]) + 1;
    qsort(tags, rec->ntags, sizeof *tags, cmp_str);
    if ((k = secmem_wipe_malloc(len)) != NULL) {
        o = (size_t)snprintf(k, len, "%s | %.7s | %s | ", rec->place ? rec->place : "-",
                             rec->date ? rec->date : "-", rec->lang ? rec->lang : "-");
        for (size_t i = 0; i < rec->ntags && o < len; i++)
            o += (size_t)snprintf(k + o, len - o, "%s%s", i ? "," : "", tags[i]);
    }
    free(tags);
    return k;
}

static int small_groups(struct audit_report *r, int c, const struct audit_record *recs,
                        const struct qi *q, size_t n, size_t k, struct err *e)
{
    char note[96];

    for (size_t i = 0, j; i < n; i = j) {
        for (j = i; j < n && strcmp(q[j].key, q[i].key) == 0; j++)
            ;
        if (j - i >= k)
            continue;
        snprintf(note, sizeof note, "%zu record%s share%s place, month, language and tags (k=%zu)",
                 j - i, j - i == 1 ? "" : "s", j - i == 1 ? "s" : "", k);
        if (j - i == 1)
            snprintf(note, sizeof note, "%s",
                     N_("the only record with its place, month, language and tags"));
        for (size_t m = i; m < j; m++)
            if (audit_item_add(r, c, AUDIT_WARN, recs[q[m].rec].id, NULL, "quasi-identifiers",
                               q[m].key, strlen(q[m].key), note, e) != 0)
                return -1;
    }
    return 0;
}

int audit_reidentification(struct audit_report *r, const struct audit_record *recs,
                           size_t n, size_t k, struct err *e)
{
    struct qi *q = calloc(n ? n : 1, sizeof *q);
    size_t kmin = n, i, j;
    int c, rc = -1;

    if (q == NULL)
        return err_set(e, EXIT_INPUT, "out of memory for the audit");
    if ((c = audit_check_add(r, "reidentification", AUDIT_PASS, n, e, "%s", "")) < 0)
        goto out;
    for (i = 0; i < n; i++) {
        q[i].rec = i;
        if ((q[i].key = qi_key(&recs[i])) == NULL) {
            err_set(e, EXIT_INPUT, "out of memory for the audit");
            goto out;
        }
    }
    qsort(q, n, sizeof *q, cmp_qi);
    for (i = 0; i < n; i = j) {
        for (j = i; j < n && strcmp(q[j].key, q[i].key) == 0; j++)
            ;
        if (j - i < kmin)
            kmin = j - i;
    }
    if (n > 0 && kmin < k && small_groups(r, c, recs, q, n, k, e) != 0)
        goto out;
    if (n == 0)
        audit_check_reason(r, c, "no records");
    else if (kmin < k)
        audit_check_reason(r, c, "k=%zu: %zu records share their place, month, language and tags with fewer than %zu others in all",
                           kmin, r->checks[c].found, k);
    else
        audit_check_reason(r, c, "k=%zu: every record shares place, month, language and tags with at least %zu others (threshold %zu)",
                           kmin, kmin - 1, k);
    rc = 0;
out:
    for (i = 0; i < n; i++)
        secmem_wipe_free(q[i].key);
    free(q);
    return rc;
}
