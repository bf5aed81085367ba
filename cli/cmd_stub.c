/* Placeholders until each command lands. */
#include "cli/commands.h"
#define STUB(n) int cmd_##n(int argc, char **argv, const struct globals *g) \
    { (void)argc; (void)argv; (void)g; return cli_error(EXIT_INPUT, #n ": not implemented yet"); }
STUB(init) STUB(passwd) STUB(subject) STUB(record) STUB(list) STUB(search) STUB(show)
