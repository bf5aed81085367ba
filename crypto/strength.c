#include "crypto/strength.h"

#include <stddef.h>
#include <string.h>
#include <zxcvbn.h>

double passphrase_bits(const char *pw)
{
    return ZxcvbnMatch(pw, NULL, NULL);
}

int passphrase_check(const char *pw, struct err *e)
{
    double bits;

    if (pw[0] == '\0')
        return err_set(e, EXIT_INPUT, "the passphrase is empty");
    bits = passphrase_bits(pw);
    if (bits < PASSPHRASE_MIN_BITS)
        return err_set(e, EXIT_INPUT,
                       "passphrase too weak: about %.0f bits of guessing work, %.0f needed; "
                       "use five or more random words",
                       bits, PASSPHRASE_MIN_BITS);
    return 0;
}
