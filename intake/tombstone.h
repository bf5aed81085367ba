/* The command line's part of tombstones (issue 16, headquarters acting on
 * notices; store/tombstone.h): what show, list and subject show say of
 * the records and subjects their senders withdrew or deleted. */
#ifndef INTAKE_TOMBSTONE_H
#define INTAKE_TOMBSTONE_H

#include <jansson.h>

#include "store/store.h"

/* When no record here has an id starting with given but a tombstone
 * does: prints one line saying it was withdrawn or deleted at the
 * source, on which day, by which contact, and returns EXIT_INPUT; else 0
 * (nothing printed). With json, the tombstone is printed first on
 * standard output as 'list --json' has it ({"id", "tombstone"}). */
int cli_tombstone_show(struct store *s, const char *given, int json);

/* Appends to array (list --json) one object per record tombstone:
 * {"id", "tombstone": {kind, subject, day, at, sender, sender_key,
 * deleted}}. 0, or -1 with e. */
int cli_tombstones_json(struct store *s, json_t *array, struct err *e);

/* Says on stderr how many records notices deleted here, if any (list). */
void cli_tombstones_note(struct store *s);

/* Prints a line per whole-subject notice about this store's subject with
 * stable id uid (subject show). 0, or -1 with e. */
int cli_tombstone_subject(struct store *s, const char *uid, struct err *e);

#endif
