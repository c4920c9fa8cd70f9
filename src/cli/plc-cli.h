/* plc-cli.h: what the commands of placeringar-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "plc-date.h"
#include "plc-engine.h"
#include "plc-output-file.h"
#include "plc-store.h"

G_BEGIN_DECLS

int        print_error           (const GError  *error);
gboolean   parse_command_options (const char    *command,
                                  const char    *parameter_string,
                                  const char    *summary,
                                  GOptionEntry  *entries,
                                  int           *argc,
                                  char        ***argv);
PlcStore  *open_existing         (const char    *database,
                                  GError       **error);
char      *read_secret           (const char    *file,
                                  const char    *prompt,
                                  const char    *again_prompt,
                                  const char    *mismatch,
                                  GError       **error);
void       secret_free           (char          *secret);

typedef char SecretString;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecretString, secret_free)

gboolean   write_output          (const char          *output,
                                  const char          *data,
                                  gsize                length,
                                  PlcOutputFileFlags   flags,
                                  GError             **error);

/* plc-cli-rules.c */
int        print_usage_error     (const char    *command,
                                  const char    *message);
PlcEngine *engine_for_store      (PlcStore      *store,
                                  GError       **error);
gboolean   parse_today           (const char    *command,
                                  const char    *text,
                                  PlcDate       *today);
int        command_profiles      (const char    *database,
                                  int            argc,
                                  char         **argv);
int        command_obligations   (const char    *database,
                                  int            argc,
                                  char         **argv);
int        command_explain       (const char    *database,
                                  int            argc,
                                  char         **argv);
int        command_mark          (const char    *database,
                                  int            argc,
                                  char         **argv);
int        command_routine       (const char    *database,
                                  int            argc,
                                  char         **argv);

/* plc-cli-server.c: unit servers */
int        command_login         (const char    *database,
                                  int            argc,
                                  char         **argv);
int        command_logout        (const char    *database,
                                  int            argc,
                                  char         **argv);
int        command_server        (const char    *database,
                                  int            argc,
                                  char         **argv);

/* plc-cli-report.c */
int        command_report        (const char    *database,
                                  int            argc,
                                  char         **argv);

G_END_DECLS
