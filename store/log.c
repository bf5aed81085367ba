/* The store's hash-chained log (issue 6). Placeholder until the log lands:
 * callers already append inside their transactions. */
#include "store/store.h"

int store_log(struct store *s, const char *action, const char *object,
              struct err *e)
{
    (void)s;
    (void)action;
    (void)object;
    (void)e;
    return 0;
}
