/* The consent day (util/day.h): the calendar date at UTC-12. */
#include "util/day.h"

#include <stdio.h>

/* Seconds UTC-12 is behind UTC. */
#define AOE_OFFSET (12 * 3600)

void day_consent_at(char out[DAY_BYTES], time_t now)
{
    time_t t = now - AOE_OFFSET;
    struct tm tm;

    if (gmtime_r(&t, &tm) == NULL || strftime(out, DAY_BYTES, "%Y-%m-%d", &tm) != DAY_BYTES - 1)
        snprintf(out, DAY_BYTES, "0000-00-00");
}

void day_consent(char out[DAY_BYTES])
{
    day_consent_at(out, time(NULL));
}
