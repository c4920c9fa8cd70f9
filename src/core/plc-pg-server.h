/* plc-pg-server.h: setting up and administering a unit server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "plc-pg-connection.h"

G_BEGIN_DECLS

/**
 * PLC_PG_CHANGES_CHANNEL:
 *
 * The channel on which the server NOTIFYs every committed change of a
 * record (see #PlcPgChange).
 */
#define PLC_PG_CHANGES_CHANNEL "placeringar_changes"

/**
 * PLC_PG_SCHEMA:
 *
 * The schema that holds the tables, owned by the NOLOGIN role
 * `placeringar_owner`.
 */
#define PLC_PG_SCHEMA "placeringar"

/**
 * PlcPgChangeKind:
 * @PLC_PG_CHANGE_CREATED: a record was added
 * @PLC_PG_CHANGE_UPDATED: a record changed (or a part of it: a contact's
 *   links, a deviation's history; or it moved to another unit)
 * @PLC_PG_CHANGE_DELETED: a record was deleted (soft delete; a routine
 *   offset or a user removed)
 * @PLC_PG_CHANGE_UNDELETED: a deleted record was restored
 * @PLC_PG_CHANGE_RESET: too many changes in one transaction to name each
 *   (more than 1000): read everything again
 */
typedef enum
{
  PLC_PG_CHANGE_CREATED,
  PLC_PG_CHANGE_UPDATED,
  PLC_PG_CHANGE_DELETED,
  PLC_PG_CHANGE_UNDELETED,
  PLC_PG_CHANGE_RESET,
} PlcPgChangeKind;

/**
 * PlcPgChange:
 * @record_type: `child`, `placement`, `step`, `contact`, `contact-log`,
 *   `deviation`, `routine-offset`, `profile`, `unit`, `user`, or
 *   `database` (with %PLC_PG_CHANGE_RESET)
 * @id: the record's id (the row's id in its table); 0 for a reset
 * @kind: what happened
 *
 * One notification on %PLC_PG_CHANGES_CHANNEL, parsed from its payload
 * `{"type":"child","id":12,"kind":"updated"}`.  It says nothing of what
 * changed, and LISTEN cannot be restricted: a listener reads the record
 * again, and row-level security decides whether it sees it (a record that
 * it no longer sees has left its units).
 */
typedef struct
{
  char            *record_type;
  gint64           id;
  PlcPgChangeKind  kind;
} PlcPgChange;

gboolean      plc_pg_change_parse   (const char   *payload,
                                     PlcPgChange  *change);
void          plc_pg_change_clear   (PlcPgChange  *change);

/**
 * PlcPgUnit:
 * @code: the unit's code (`IFO-BoU-Norr`)
 * @name: its name
 */
typedef struct
{
  char *code;
  char *name;
} PlcPgUnit;

void          plc_pg_unit_free      (PlcPgUnit    *unit);

/**
 * PlcPgUser:
 * @login: the person's login role
 * @role: `caseworker`, `supervisor` or `admin`
 * @units: (array zero-terminated=1): the codes of their units, sorted
 */
typedef struct
{
  char  *login;
  char  *role;
  GStrv  units;
} PlcPgUser;

void          plc_pg_user_free      (PlcPgUser    *user);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlcPgUnit, plc_pg_unit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlcPgUser, plc_pg_user_free)

gboolean      plc_pg_check_unit_code  (const char  *code,
                                       GError     **error);
gboolean      plc_pg_check_login      (const char  *login,
                                       GError     **error);
gboolean      plc_pg_check_role       (const char  *role,
                                       GError     **error);

int           plc_pg_server_get_latest_schema_version (void);
int           plc_pg_server_get_schema_version (PlcPgConnection  *connection,
                                                GError          **error);
gboolean      plc_pg_server_init         (PlcPgConnection  *connection,
                                          int              *out_old_version,
                                          GError          **error);

gboolean      plc_pg_server_add_unit     (PlcPgConnection  *connection,
                                          const char       *code,
                                          const char       *name,
                                          GError          **error);
GPtrArray    *plc_pg_server_list_units   (PlcPgConnection  *connection,
                                          GError          **error);

gboolean      plc_pg_server_add_user     (PlcPgConnection    *connection,
                                          const char         *login,
                                          const char         *role,
                                          const char * const *units,
                                          const char         *password,
                                          GError            **error);
GPtrArray    *plc_pg_server_list_users   (PlcPgConnection  *connection,
                                          GError          **error);
gboolean      plc_pg_server_remove_user  (PlcPgConnection  *connection,
                                          const char       *login,
                                          GError          **error);

G_END_DECLS
