/* Translated messages: GNU gettext, in glibc on Debian (docs/DEPENDENCIES.md,
 * "Translations"); the catalogues are po/LL.po, the glossary po/GLOSSARY.md.
 *
 * The rule, one for every layer: a message a person reads is translated
 * from its constant English format before it is formatted.
 *   - err_set (util/err.h), cli_error, cli_note, cli_usage_error and
 *     cli_saved (intake/cli.h) translate their format argument themselves:
 *     a caller passes the English constant and marks nothing (xgettext
 *     finds them by those names: scripts/po-check.sh).
 *   - The store's db_* functions take what was being done ("saving the
 *     change", their doing argument) in English and translate it where
 *     the message is made (store/db.h).
 *   - audit_check_add and audit_check_reason (export/audit.h) keep the
 *     English reason for --json and a translated one for the text report.
 *   - Any other text a person reads is wrapped in _() (P_() when it counts
 *     something) where it is printed or formatted, or in N_() where it sits in a table and is translated
 *     with _() when shown.
 *   - Text that goes both to --json (English) and to a message
 *     (translated) is made twice, through intl_maybe() and
 *     intl_maybe_plural() below.
 *   - Machine output is never translated: --json, the tab-separated
 *     listings, redact --report, usage lines (the man page's SYNOPSIS),
 *     exit statuses.
 * Lower layers never print; they may translate a constant format before
 * formatting it (err_set does).  Without a catalogue for the locale, or
 * without the locale itself, gettext returns the English text. */
#ifndef INTAKE_INTL_H
#define INTAKE_INTL_H

#include <libintl.h>

/* The text domain: the catalogue is LOCALEDIR/LL/LC_MESSAGES/intake.mo. */
#define INTL_DOMAIN "intake"

#define _(s) dgettext(INTL_DOMAIN, s)
#define N_(s) s
/* The singular or plural s or p for the count n (the language's rule). */
#define P_(s, p, n) dngettext(INTL_DOMAIN, s, p, n)

/* One text for two readers: s (a constant: xgettext knows intl_maybe,
 * scripts/po.sh) in the person's language when
 * translated is non-zero, else as written, in English, for --json.  The
 * compiler still checks the arguments against the format. */
__attribute__((format_arg(1))) static inline const char *intl_maybe(const char *s, int translated)
{
    return translated ? dgettext(INTL_DOMAIN, s) : s;
}

/* The same for a count n: singular s or plural p (the language's plural
 * rule when translated, English's otherwise). */
__attribute__((format_arg(1), format_arg(2))) static inline const char *
intl_maybe_plural(const char *s, const char *p, unsigned long n, int translated)
{
    return translated ? dngettext(INTL_DOMAIN, s, p, n) : n == 1 ? s : p;
}

#endif
