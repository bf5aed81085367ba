/* The consent day (util/day.h): the calendar date at UTC-12. */
#include "util/day.h"

#include <stdio.h>
#include <string.h>

#include "util/intl.h"

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

/* The value of the n digits at s, or -1 if one is not a digit. */
static int digits(const char *s, int n)
{
    int v = 0;

    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

void day_shown(char *out, size_t outlen, const char *s)
{
    int y, m, d;

    if (outlen == 0)
        return;
    if (strlen(s) >= 10 && s[4] == '-' && s[7] == '-' && (y = digits(s, 4)) >= 0 &&
        (m = digits(s + 5, 2)) >= 1 && m <= 12 && (d = digits(s + 8, 2)) >= 1 && d <= 31 &&
        (s[10] == '\0' || s[10] == 'T' || s[10] == ' ')) {
        /* TRANSLATORS: a date people read: %1$04d the year, %2$02d the month
         * (1 to 12), %3$02d the day (1 to 31); write it as your language
         * does (%2$d without the leading zero). */
        snprintf(out, outlen, _("%1$04d-%2$02d-%3$02d"), y, m, d);
        return;
    }
    snprintf(out, outlen, "%s", s);
}
