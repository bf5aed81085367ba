/* Pauses in a number said aloud (report-adv17a D-27): an interview
 * transcript writes the breath between the groups of a phone number as
 * an ellipsis ("nine-nine... one-one..."), a note ("(pause)", "[pause]")
 * or a filler word ("uh", "um", "аан", "음", "э-э").  A pause between two
 * number words does not end the run: detect_spoken.c's separators() skips
 * it as it skips a comma.
 *
 * The filler words, written from transcription practice for the
 * languages of the testimonies: English uh, um, uhm, erm, hmm, ah, eh;
 * Mongolian аан, ээ, ммм, нөгөө ("that one"); Russian э, ээ, э-э, эм,
 * ну, мм; Korean 음, 어, 엄, 그; Chinese 嗯, 呃.  Pinyin "er" (2) and
 * English "er" are read as the digit, never as a pause. */
#include <string.h>

#include "privacy/detect_int.h"

static const char *const fillers[] = {
    "uh", "um", "uhm", "umm", "erm", "hmm", "ah", "eh",
    "\xd0\xb0\xd0\xb0\xd0\xbd",                                 /* аан */
    "\xd1\x8d\xd1\x8d",                                         /* ээ */
    "\xd1\x8d\xd1\x8d\xd1\x8d",                                 /* эээ */
    "\xd1\x8d-\xd1\x8d",                                        /* э-э */
    "\xd1\x8d",                                                 /* э */
    "\xd1\x8d\xd0\xbc",                                         /* эм */
    "\xd0\xbc\xd0\xbc", "\xd0\xbc\xd0\xbc\xd0\xbc",             /* мм ммм */
    "\xd0\xbd\xd1\x83",                                         /* ну */
    "\xd0\xbd\xd3\xa9\xd0\xb3\xd3\xa9\xd3\xa9",                 /* нөгөө */
    "\xec\x9d\x8c", "\xec\x96\xb4", "\xec\x97\x84", "\xea\xb7\xb8", /* 음 어 엄 그 */
    "\xe5\x97\xaf", "\xe5\x91\x83",                             /* 嗯 呃 */
    "(pause)", "[pause]", "(\xd0\xbf\xd0\xb0\xd1\x83\xd0\xb7\xd0\xb0)", /* (пауза) */
    "(...)", "[...]",
};

/* The end of one pause mark at at: an ellipsis ("...", "…", "..") or a
 * filler word whole; at if none. */
static size_t one_pause(const char *s, size_t len, size_t at)
{
    size_t i = at;

    while (i < len && s[i] == '.')
        i++;
    if (i - at >= 2)
        return i;
    if (at + 3 <= len && memcmp(s + at, "\xe2\x80\xa6", 3) == 0)
        return at + 3;
    for (size_t k = 0; k < sizeof fillers / sizeof fillers[0]; k++) {
        size_t n = strlen(fillers[k]), c;
        if (at + n <= len && memcmp(s + at, fillers[k], n) == 0 &&
            (at + n == len || s[at + n] == ' ' || s[at + n] == ',' || s[at + n] == '.' ||
             s[at + n] == '-' || !is_word_cp(det_cp_at(s, len, at + n, &c))))
            return at + n;
    }
    return at;
}

size_t det_pause(const char *s, size_t len, size_t at)
{
    size_t i = at, e;
    int k;

    for (k = 0; k < 3; k++) {
        while (i < len && (s[i] == ' ' || s[i] == ','))
            i++;
        if ((e = one_pause(s, len, i)) == i)
            break;
        i = e;
    }
    if (k == 0)
        return at;
    while (i < len && (s[i] == ' ' || s[i] == ',' || s[i] == '-'))
        i++;
    return i;
}
