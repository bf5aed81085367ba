/* The fields of a record as exported: title, place, body and tags in
 * order or by name, and whether a span lies in a redaction of the
 * manifest. */
#include <string.h>

#include "export/audit.h"
#include "export/audit_int.h"

/* Field i of a record: title, place, body, then each tag. */
const char *audit_field_at(const struct audit_record *rec, size_t i, const char **name,
                           size_t *tag)
{
    *tag = 0;
    switch (i) {
    case 0: *name = "title"; return rec->title;
    case 1: *name = "place"; return rec->place;
    case 2: *name = rec->body_name != NULL ? rec->body_name : "body"; return rec->body;
    default: *name = "tag"; *tag = i - 3; return rec->tags[i - 3];
    }
}

const char *audit_field_of(const struct audit_record *rec, const struct audit_where *w)
{
    if (w->field == NULL)
        return NULL;
    if (strcmp(w->field, "title") == 0)
        return rec->title;
    if (strcmp(w->field, "place") == 0)
        return rec->place;
    if (strcmp(w->field, "body") == 0)
        return rec->body;
    if (strcmp(w->field, "tag") == 0 && w->tag < rec->ntags)
        return rec->tags[w->tag];
    return NULL;
}

int audit_same_field(const struct audit_where *w, const char *name, size_t tag)
{
    return w->field != NULL && strcmp(w->field, name) == 0 &&
           (strcmp(name, "tag") != 0 || w->tag == tag);
}

int audit_overlaps(const struct audit_where *w, size_t start, size_t end)
{
    return start < w->start + w->len && w->start < end;
}

/* Is [start, end) of the field inside or across a manifest redaction? */
int audit_in_redaction(const struct audit_record *rec, const char *name, size_t tag,
                       size_t start, size_t end)
{
    for (size_t i = 0; i < rec->nred; i++)
        if (audit_same_field(&rec->red[i].at, name, tag) &&
            audit_overlaps(&rec->red[i].at, start, end))
            return 1;
    return 0;
}
