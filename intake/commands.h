/* One function per command; each parses its own options. */
#ifndef INTAKE_COMMANDS_H
#define INTAKE_COMMANDS_H

#include "intake/cli.h"

int cmd_init(int argc, char **argv, const struct globals *g);
int cmd_passwd(int argc, char **argv, const struct globals *g);
int cmd_rekey(int argc, char **argv, const struct globals *g);
int cmd_label(int argc, char **argv, const struct globals *g);
int cmd_subject(int argc, char **argv, const struct globals *g);
int cmd_record(int argc, char **argv, const struct globals *g);
int cmd_list(int argc, char **argv, const struct globals *g);
int cmd_search(int argc, char **argv, const struct globals *g);
int cmd_show(int argc, char **argv, const struct globals *g);
int cmd_card(int argc, char **argv, const struct globals *g);
int cmd_contact(int argc, char **argv, const struct globals *g);
int cmd_term(int argc, char **argv, const struct globals *g);
int cmd_allow(int argc, char **argv, const struct globals *g);
int cmd_consent(int argc, char **argv, const struct globals *g);
int cmd_redact(int argc, char **argv, const struct globals *g);
int cmd_attach(int argc, char **argv, const struct globals *g);
int cmd_attachment(int argc, char **argv, const struct globals *g);
int cmd_export(int argc, char **argv, const struct globals *g);
int cmd_exports(int argc, char **argv, const struct globals *g);
int cmd_notify(int argc, char **argv, const struct globals *g);
int cmd_import(int argc, char **argv, const struct globals *g);
int cmd_open(int argc, char **argv, const struct globals *g);
int cmd_log(int argc, char **argv, const struct globals *g);
int cmd_audit(int argc, char **argv, const struct globals *g);
int cmd_backup(int argc, char **argv, const struct globals *g);
int cmd_restore(int argc, char **argv, const struct globals *g);
int cmd_wipe(int argc, char **argv, const struct globals *g);

#endif
