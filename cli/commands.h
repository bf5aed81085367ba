/* One function per command; each parses its own options. */
#ifndef INTAKE_COMMANDS_H
#define INTAKE_COMMANDS_H

#include "cli/cli.h"

int cmd_init(int argc, char **argv, const struct globals *g);
int cmd_passwd(int argc, char **argv, const struct globals *g);
int cmd_subject(int argc, char **argv, const struct globals *g);
int cmd_record(int argc, char **argv, const struct globals *g);
int cmd_list(int argc, char **argv, const struct globals *g);
int cmd_search(int argc, char **argv, const struct globals *g);
int cmd_show(int argc, char **argv, const struct globals *g);
int cmd_card(int argc, char **argv, const struct globals *g);
int cmd_contact(int argc, char **argv, const struct globals *g);
int cmd_log(int argc, char **argv, const struct globals *g);

#endif
