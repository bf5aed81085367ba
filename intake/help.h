/* What `intake help COMMAND` says after the command's usage lines: what
 * it is for, what to watch, and an example (the man page says more). */
#ifndef INTAKE_HELP_H
#define INTAKE_HELP_H

#include <stdio.h>

/* Prints the explanation of command name to f; nothing for a name
 * without one. */
void help_explain(FILE *f, const char *name);

#endif
