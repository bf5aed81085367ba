#include "util/text.h"

#include <utf8proc.h>

int text_check(const char *s, size_t len, int multiline, const char *what,
               struct err *e)
{
    size_t i = 0;

    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0)
            return err_set(e, EXIT_INPUT, "%s is not valid UTF-8 (byte %zu)", what, i);
        if (cp == 0)
            return err_set(e, EXIT_INPUT, "%s contains a NUL byte", what);
        if ((cp < 0x20 || cp == 0x7f) &&
            !(multiline && (cp == '\n' || cp == '\r' || cp == '\t')))
            return err_set(e, EXIT_INPUT, "%s contains a control character", what);
        i += (size_t)n;
    }
    return 0;
}
