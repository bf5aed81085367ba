/* The one day every consent check is made on (an embargo, issue 13).
 *
 * An embargo "until D" lets a record leave from day D on.  Which day "today"
 * is depends on the time zone, and a check made with the local date in one
 * place and with UTC in another lets a record leave a day early somewhere
 * (NOTES.md, "Time").  intake uses one definition everywhere: `redact`,
 * `export`, `subject show` and the audit (on the device and at
 * headquarters) all read the calendar date at UTC-12, "anywhere on Earth",
 * the last time zone to reach a date.  So the answer does not depend on the
 * machine's time zone (TZ is not read), every party to a bundle gets the
 * same answer at the same instant, and a record never leaves before day D
 * has begun everywhere: never earlier than any local calendar would allow,
 * up to 26 hours later than the earliest one (UTC+14) would. */
#ifndef INTAKE_DAY_H
#define INTAKE_DAY_H

#include <stddef.h>
#include <time.h>

/* Bytes of a day "YYYY-MM-DD" with its NUL. */
#define DAY_BYTES 11

/* The consent day at the instant now (seconds since the epoch) as
 * "YYYY-MM-DD" into out (DAY_BYTES). */
void day_consent_at(char out[DAY_BYTES], time_t now);

/* The consent day now (time(NULL)). */
void day_consent(char out[DAY_BYTES]);

/* Bytes enough for any day day_shown writes (its catalogue formats). */
#define DAY_SHOWN_BYTES 64

/* The day s begins with ("YYYY-MM-DD", alone or followed by a time, as
 * the store and bundles write dates) written into out (outlen bytes,
 * NUL-terminated) as people read a date in the language of the messages:
 * the catalogue's format for year, month and day (po/GLOSSARY.md: Korean
 * "2026년 11월 30일", Mongolian "2026 оны 11-р сарын 30"), "2026-11-30"
 * in English or without a catalogue.  What follows the day is dropped.
 * Text that does not begin with a valid day (a bundle's, from outside)
 * is copied as it is, cut to fit.  For messages a person reads only: dates
 * in --json and tab-separated output stay "YYYY-MM-DD" (util/intl.h). */
void day_shown(char *out, size_t outlen, const char *s);

#endif
