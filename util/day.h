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

#endif
