/* The one rule: may this record leave, and if not, why (store/eligible.h). */
#include "store/eligible.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/notice.h"
#include "util/day.h"
#include "util/intl.h"

/* The contacts' names, for a question about any contact (nto 0). */
struct names {
    char (*v)[CONTACT_NAME_MAX + 1];
    size_t n;
};

static int take_name(void *ctx, const struct contact_row *r, struct err *e)
{
    struct names *n = ctx;
    char (*v)[CONTACT_NAME_MAX + 1] = realloc(n->v, (n->n + 1) * sizeof *v);

    if (v == NULL)
        return err_set(e, EXIT_INPUT, "out of memory");
    n->v = v;
    snprintf(n->v[n->n++], sizeof n->v[0], "%s", r->name);
    return 0;
}

/* 1 (who, day filled) if one of the nto contacts to[] (every contact with
 * nto 0) refuses record rid for good, 0 if none, -1 on an error. */
static int refused_by(char *who, size_t wholen, char *day, size_t daylen, struct store *s,
                      const char *rid, const char *const *to, size_t nto, struct err *e)
{
    struct names all = { NULL, 0 };
    const char **v;
    int rc;

    if (nto > 0)
        return db_notice_refused(who, wholen, day, daylen, s, rid, to, nto, e);
    if (store_contact_each(s, NULL, take_name, &all, e) != 0) {
        free(all.v);
        return -1;
    }
    v = calloc(all.n + 1, sizeof *v);
    if (v == NULL) {
        free(all.v);
        return err_set(e, EXIT_INPUT, "out of memory");
    }
    for (size_t i = 0; i < all.n; i++)
        v[i] = all.v[i];
    rc = db_notice_refused(who, wholen, day, daylen, s, rid, v, all.n, e);
    free(v);
    free(all.v);
    return rc;
}

/* Why (English and translated) a recipient refuses the record: it went
 * to that contact before its subject's consent was withdrawn, so the
 * contact deleted it and its tombstone refuses it even after a
 * re-consent (db_notice_refused): counting it as sent would lose it. */
static int refusal(struct eligibility *out, struct store *s, const struct record_row *row,
                   const char *const *to, size_t nto, struct err *e)
{
    char who[CONTACT_NAME_MAX + 1], day[16], shown[DAY_SHOWN_BYTES];
    int rc = refused_by(who, sizeof who, day, sizeof day, s, row->id, to, nto, e);

    if (rc <= 0)
        return rc;
    day_shown(shown, sizeof shown, day);
    for (int translated = 0; translated <= 1; translated++)
        snprintf(translated ? out->why_text : out->why,
                 translated ? sizeof out->why_text : sizeof out->why,
                 intl_maybe("it went to %s before its subject's consent was withdrawn (%s), "
                            "which refuses it there for good; record what the subject says now "
                            "as a new record", translated), who, translated ? shown : day);
    return 1;
}

/* Why a record made before its subject's re-consent may not leave
 * (adv16 B-5): the withdrawal covered it, and the re-consent covers it
 * only once the subject says so (store_consent_earlier). 1 (why filled)
 * if so, 0 if not, -1 on an error. */
static int earlier(struct eligibility *out, struct store *s, const struct record_row *row,
                   struct err *e)
{
    struct consent_earlier c;
    char w[DAY_SHOWN_BYTES], r[DAY_SHOWN_BYTES];

    if (store_consent_earlier(&c, s, row->pseudonym, row->id, e) != 0)
        return -1;
    if (c.records == 0)
        return 0;
    for (int translated = 0; translated <= 1; translated++) {
        if (translated) {
            day_shown(w, sizeof w, c.withdrawn);
            day_shown(r, sizeof r, c.reconsent);
        } else {
            snprintf(w, sizeof w, "%.10s", c.withdrawn);
            snprintf(r, sizeof r, "%.10s", c.reconsent);
        }
        snprintf(translated ? out->why_text : out->why,
                 translated ? sizeof out->why_text : sizeof out->why,
                 intl_maybe("it was made before the re-consent of %s (consent was withdrawn on "
                            "%s), which covers earlier records only if the subject says so: "
                            "'intake consent %s --include-earlier'", translated),
                 r, w, row->pseudonym);
    }
    return 1;
}

/* Appends the unresolved review flags to why (after "; " if it holds a
 * reason already). */
static void add_flags(char *why, size_t whylen, size_t unresolved, int translated)
{
    size_t n = strlen(why);

    if (unresolved == 0 || unresolved == ELIGIBLE_UNREDACTED || n + 2 >= whylen)
        return;
    if (n > 0) {
        snprintf(why + n, whylen - n, "; ");
        n += 2;
    }
    snprintf(why + n, whylen - n,
             intl_maybe_plural("%zu review flag unresolved (see 'intake redact --report'; "
                               "protect with 'intake term add' or allow with 'intake allow')",
                               "%zu review flags unresolved (see 'intake redact --report'; "
                               "protect with 'intake term add' or allow with 'intake allow')",
                               unresolved, translated), unresolved);
}

int store_record_eligible(struct eligibility *out, struct store *s, const struct record_row *row,
                          const char *const *to, size_t nto, const char *today,
                          size_t unresolved, struct err *e)
{
    memset(out, 0, sizeof *out);
    if (store_consent_get(&out->consent, s, row->pseudonym, e) != 0)
        return -1;
    consent_blocks(out->why, sizeof out->why, &out->consent, today, 0);
    consent_blocks(out->why_text, sizeof out->why_text, &out->consent, today, 1);
    if (out->why[0] == '\0') {
        int rc = refusal(out, s, row, to, nto, e);

        if (rc < 0)
            return -1;
        out->refused = rc;
    }
    /* a refusal for good says more than "made before the re-consent" */
    if (out->why[0] == '\0' && earlier(out, s, row, e) < 0)
        return -1;
    /* A refusal for good is the whole answer: no flag cleared lifts it. */
    if (!out->refused) {
        add_flags(out->why, sizeof out->why, unresolved, 0);
        add_flags(out->why_text, sizeof out->why_text, unresolved, 1);
    }
    return out->why[0] == '\0' ? 1 : 0;
}
