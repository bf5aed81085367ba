/* The attachment metadata check (export/audit.h): what media_find found in
 * each attachment a bundle carries. */
#include <stdio.h>
#include <string.h>

#include "export/audit.h"
#include "export/media.h"
#include "export/mediatext.h"

static int add_item(struct audit_report *r, int c, const struct audit_attachment *a,
                    struct err *e)
{
    char text[sizeof a->what + 220];
    int level = a->kept ? AUDIT_WARN : AUDIT_FAIL;

    if (a->examined) {
        char kinds[200];

        media_kinds_text(kinds, sizeof kinds, a->kinds);
        snprintf(text, sizeof text, "%s (%s)", kinds, a->what);
    } else {
        snprintf(text, sizeof text, "not examined: %s", a->what);
    }
    if (audit_item_add(r, c, level, a->record, a->file, "attachment-metadata", text,
                       strlen(text), a->kept ? "kept with --keep-metadata" : NULL, e) != 0)
        return -1;
    r->checks[c].items[r->checks[c].nitems - 1].own = 1;
    return 0;
}

void audit_attachment_text(struct audit_attachment *m, enum mediatext_kind kind)
{
    const char *why = mediatext_refusal(kind);

    if (kind == MEDIATEXT_PLAIN || why == NULL)
        return;
    m->examined = 0;
    m->kinds = 0;
    snprintf(m->what, sizeof m->what, "%s", why);
}

int audit_attachments(struct audit_report *r, const struct audit_attachment *a, size_t n,
                      struct err *e)
{
    size_t found = 0, kept = 0;
    int c = audit_check_add(r, "attachments", AUDIT_PASS, n, e, "none");

    if (c < 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        kept += a[i].kept != 0;
        if (a[i].examined && a[i].kinds == 0)
            continue;
        found++;
        if (add_item(r, c, &a[i], e) != 0)
            return -1;
    }
    if (n == 0)
        audit_check_reason(r, c, "no attachment");
    else if (found == 0)
        audit_check_reason(r, c, "no metadata in %zu attachment(s) (location, serial number, "
                           "time, author, comment, device, software, pictures)", n);
    else
        audit_check_reason(r, c, "%zu of %zu attachment(s) hold metadata or could not be "
                           "examined%s", found, n, kept ? "; the sender kept metadata "
                           "with --keep-metadata" : "");
    return 0;
}
