/* plc-sqlite-store-records.c: the SQLCipher store's records, audit log and routine offsets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-store"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlcipher/sqlite3.h>

#include "plc-error.h"
#include "plc-ref.h"
#include "plc-sqlite-store-private.h"

/* ------------------------------------------------------------------------
 * Records
 *
 * Each record type is described once: its table, the properties that are
 * stored as columns (a property "foo-bar" is the column foo_bar), and the
 * references that stand for an id of another table.  Reading and writing go
 * through GObject properties, so that the SQL for all six types is made by
 * the same few functions.
 * ------------------------------------------------------------------------ */

static const char * const child_columns[] = {
  "name", "personnummer", "temporary-ref", "birth-date", "legal-gender",
  "home-municipality", "registration-municipality", "asylum-seeker",
  "unaccompanied", "lss", "interpreter-language", "undocumented", NULL,
};

static const char * const placement_columns[] = {
  "child-id", "placing-municipality", "caseworker", "legal-basis", "form",
  "start-date", "acute", "planned-end-date", "end-date", "end-reason",
  "placed-in-municipality", "placed-in-region", "other-region",
  "lvu-decision-date", "custody-carried-out-date", "investigation-closed-date",
  "restriction-decided-date", "previous-id", "home-ref", "discharge-notice-date",
  "temporary-moving-ban-date", "lvu-international", NULL,
};

static const RefLink placement_refs[] = {
  { "child-id", "child-ref", "children" },
  { "previous-id", "previous-ref", "placements" },
};

static const char * const step_columns[] = {
  "placement-id", "rule", "occurrence", "state", "date", "note", "reason",
  "recorded-by", "recorded-at", "reopened", "invited-units", "attended-units",
  "planning-completed", NULL,
};

static const RefLink step_refs[] = {
  { "placement-id", "placement-ref", "placements" },
};

static const char * const contact_columns[] = {
  "name", "organisation", "phone", "email", "address", NULL,
};

static const char * const contact_log_columns[] = {
  "child-id", "date", "kind", "contact-id", "with-whom", "note",
  "recorded-by", "recorded-at", NULL,
};

static const RefLink contact_log_refs[] = {
  { "child-id", "child-ref", "children" },
};

static const char * const deviation_columns[] = {
  "title", "description", "occurred-on", "direction", "unit", "category",
  "placement-id", "rule", "profile", "status", "conclusion",
  "escalation-step", NULL,
};

static const RefLink deviation_refs[] = {
  { "placement-id", "placement-ref", "placements" },
};

const RecordKind _plc_sqlite_kinds[N_KINDS] = {
  [KIND_CHILD] = {
    "children", "child", plc_child_get_type, TRUE, child_columns, NULL, 0,
    N_("This child was changed by someone else since you opened it. Your changes were not saved."),
    N_("The child was not found"),
  },
  [KIND_PLACEMENT] = {
    "placements", "placement", plc_placement_get_type, TRUE, placement_columns,
    placement_refs, G_N_ELEMENTS (placement_refs),
    N_("This placement was changed by someone else since you opened it. Your changes were not saved."),
    N_("The placement was not found"),
  },
  [KIND_STEP] = {
    "step_statuses", "step", plc_step_status_get_type, FALSE, step_columns,
    step_refs, G_N_ELEMENTS (step_refs),
    N_("This step was changed by someone else since you opened it. Your changes were not saved."),
    N_("The step was not found"),
  },
  [KIND_CONTACT] = {
    "contacts", "contact", plc_contact_get_type, TRUE, contact_columns, NULL, 0,
    N_("This contact was changed by someone else since you opened it. Your changes were not saved."),
    N_("The contact was not found"),
  },
  [KIND_CONTACT_LOG] = {
    "contact_log", "contact-log", plc_contact_log_entry_get_type, TRUE, contact_log_columns,
    contact_log_refs, G_N_ELEMENTS (contact_log_refs),
    N_("This contact log entry was changed by someone else since you opened it. Your changes were not saved."),
    N_("The contact log entry was not found"),
  },
  [KIND_DEVIATION] = {
    "deviations", "deviation", plc_deviation_get_type, TRUE, deviation_columns,
    deviation_refs, G_N_ELEMENTS (deviation_refs),
    N_("This deviation report was changed by someone else since you opened it. Your changes were not saved."),
    N_("The deviation report was not found"),
  },
};

static char *
column_name (const char *prop)
{
  char *ret = g_strdup (prop);

  g_strdelimit (ret, "-", '_');

  return ret;
}

/* Each kind's SQL, made once, when the class is made: the statements are
 * kept prepared per connection, keyed by their text. */
typedef struct
{
  char *select;       /* every column and linked ref, "FROM table AS record" */
  char *insert;
  char *update;       /* of the stored version only */
  char *id_by_ref;
  char *ref_by_id;
  char *set_deleted;
} KindSql;

static KindSql kind_sql[N_KINDS];

/* The columns, then the ref of each id that stands for another record
 * (NULL when the id is 0), read by the same statement: looking each one
 * up with a statement of its own cost more than the rest of the load. */
static char *
select_sql (const RecordKind *kind)
{
  GString *sql = g_string_new ("SELECT id, version, ref");

  g_string_append (sql, kind->has_deleted ? ", deleted" : ", 0");
  for (guint i = 0; kind->columns[i] != NULL; i++)
    {
      g_autofree char *col = column_name (kind->columns[i]);

      g_string_append_printf (sql, ", %s", col);
    }
  for (guint i = 0; i < kind->n_refs; i++)
    {
      g_autofree char *col = column_name (kind->refs[i].id_prop);

      g_string_append_printf (sql, ", (SELECT linked.ref FROM %s AS linked WHERE linked.id = record.%s)",
                              kind->refs[i].table, col);
    }
  g_string_append_printf (sql, " FROM %s AS record", kind->table);

  return g_string_free (sql, FALSE);
}

static char *
insert_sql (const RecordKind *kind)
{
  GString *sql = g_string_new (NULL);
  guint n_columns = g_strv_length ((char **)kind->columns);

  g_string_append_printf (sql, "INSERT INTO %s (version, ref", kind->table);
  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *col = column_name (kind->columns[i]);

      g_string_append_printf (sql, ", %s", col);
    }
  g_string_append (sql, ") VALUES (1, ?");
  for (guint i = 0; i < n_columns; i++)
    g_string_append (sql, ", ?");
  g_string_append (sql, ")");

  return g_string_free (sql, FALSE);
}

static char *
update_sql (const RecordKind *kind)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "UPDATE %s SET version = version + 1, ref = ?", kind->table);
  for (guint i = 0; kind->columns[i] != NULL; i++)
    {
      g_autofree char *col = column_name (kind->columns[i]);

      g_string_append_printf (sql, ", %s = ?", col);
    }
  g_string_append (sql, " WHERE id = ? AND version = ?");

  return g_string_free (sql, FALSE);
}

/* Once, from plc_sqlite_store_class_init(): kept for the program's life */
void
_plc_sqlite_records_init_sql (void)
{
  for (guint k = 0; k < N_KINDS; k++)
    {
      const RecordKind *kind = &_plc_sqlite_kinds[k];

      kind_sql[k].select = select_sql (kind);
      kind_sql[k].insert = insert_sql (kind);
      kind_sql[k].update = update_sql (kind);
      kind_sql[k].id_by_ref = g_strdup_printf ("SELECT id FROM %s WHERE ref = ?", kind->table);
      kind_sql[k].ref_by_id = g_strdup_printf ("SELECT ref FROM %s WHERE id = ?", kind->table);
      kind_sql[k].set_deleted = g_strdup_printf ("UPDATE %s SET deleted = ? WHERE id = ?", kind->table);
    }
}

/* The SQL of the kind whose table @table is */
static const KindSql *
sql_of_table (const char *table)
{
  for (guint k = 0; k < N_KINDS; k++)
    if (g_str_equal (_plc_sqlite_kinds[k].table, table))
      return &kind_sql[k];

  g_assert_not_reached ();
}

static gboolean
prop_is_id (const char *prop)
{
  return g_str_has_suffix (prop, "-id");
}

/* Binds one property of @object at @index.  Ids of 0 (none) become NULL. */
static void
bind_property (sqlite3_stmt *stmt,
               int           index,
               GObject      *object,
               const char   *prop)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), prop);
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert (pspec != NULL);

  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, prop, &value);

  /* A list of one-line strings: one per line, NULL when empty */
  if (pspec->value_type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (&value);

      if (strv == NULL || strv[0] == NULL)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_text (stmt, index, g_strjoinv ("\n", (char **)strv), -1, g_free);
      return;
    }

  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_INT64:
      if (prop_is_id (prop) && g_value_get_int64 (&value) == 0)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, g_value_get_int64 (&value));
      break;
    case G_TYPE_STRING:
      if (g_value_get_string (&value) == NULL)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_text (stmt, index, g_value_get_string (&value), -1, SQLITE_TRANSIENT);
      break;
    case G_TYPE_BOOLEAN:
      sqlite3_bind_int (stmt, index, g_value_get_boolean (&value) ? 1 : 0);
      break;
    case G_TYPE_UINT:
      sqlite3_bind_int64 (stmt, index, g_value_get_uint (&value));
      break;
    case G_TYPE_INT:
      sqlite3_bind_int (stmt, index, g_value_get_int (&value));
      break;
    case G_TYPE_ENUM:
      sqlite3_bind_int (stmt, index, g_value_get_enum (&value));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Sets one property of @object from column @col of the current row. */
static void
read_property (sqlite3_stmt *stmt,
               int           col,
               GObject      *object,
               const char   *prop)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), prop);
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert (pspec != NULL);

  g_value_init (&value, pspec->value_type);

  if (pspec->value_type == G_TYPE_STRV)
    {
      const char *text = (const char *)sqlite3_column_text (stmt, col);

      if (text != NULL && *text != '\0')
        g_value_take_boxed (&value, g_strsplit (text, "\n", -1));
      g_object_set_property (object, prop, &value);
      return;
    }

  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_INT64:
      g_value_set_int64 (&value, sqlite3_column_int64 (stmt, col));
      break;
    case G_TYPE_STRING:
      g_value_set_string (&value, (const char *)sqlite3_column_text (stmt, col));
      break;
    case G_TYPE_BOOLEAN:
      g_value_set_boolean (&value, sqlite3_column_int (stmt, col) != 0);
      break;
    case G_TYPE_UINT:
      g_value_set_uint (&value, (guint)sqlite3_column_int64 (stmt, col));
      break;
    case G_TYPE_INT:
      g_value_set_int (&value, sqlite3_column_int (stmt, col));
      break;
    case G_TYPE_ENUM:
      g_value_set_enum (&value, sqlite3_column_int (stmt, col));
      break;
    default:
      g_assert_not_reached ();
    }

  g_object_set_property (object, prop, &value);
}


gboolean
_plc_sqlite_write_audit (PlcSqliteStore *self,
                         const char     *action,
                         const char     *record_type,
                         gint64          record_id,
                         const char     *record_ref,
                         GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!_plc_sqlite_prepare (self,
                            "INSERT INTO audit_log (at, user, action, record_type, record_id, record_ref)"
                            " VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?, ?, ?, ?)",
                            &stmt, error))
    return FALSE;

  /* g_get_user_name() is the same string for the process's life */
  sqlite3_bind_text (stmt, 1, g_get_user_name (), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, record_type, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, record_id);
  /* Never a personal identity number (a ref stored before they were
   * refused): the record's id says which it was */
  if (record_ref != NULL && plc_ref_for_message (record_ref) == record_ref)
    sqlite3_bind_text (stmt, 5, record_ref, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 5);

  rc = sqlite3_step (stmt);
  _plc_sqlite_release (self, stmt);

  if (rc != SQLITE_DONE)
    return _plc_sqlite_set_error (self->db, rc, _("writing the audit log"), error);

  return TRUE;
}

/* Looks up the id of @ref in @table: 0 when there is none, -1 on error. */
gint64
_plc_sqlite_lookup_id_by_ref (PlcSqliteStore *self,
                              const char     *table,
                              const char     *ref,
                              GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 ret = 0;
  int rc;

  if (!_plc_sqlite_prepare (self, sql_of_table (table)->id_by_ref, &stmt, error))
    return -1;

  sqlite3_bind_text (stmt, 1, ref, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    ret = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      _plc_sqlite_set_error (self->db, rc, _("reading the database"), error);
      ret = -1;
    }
  _plc_sqlite_release (self, stmt);

  return ret;
}

static char *
lookup_ref_by_id (PlcSqliteStore *self,
                  const char     *table,
                  gint64          id)
{
  sqlite3_stmt *stmt = NULL;
  char *ret = NULL;

  if (!_plc_sqlite_prepare (self, sql_of_table (table)->ref_by_id, &stmt, NULL))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    ret = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  _plc_sqlite_release (self, stmt);

  return ret;
}

gint64
_plc_sqlite_get_int64_prop (gpointer    object,
                            const char *prop)
{
  gint64 ret = 0;

  g_object_get (object, prop, &ret, NULL);

  return ret;
}

char *
_plc_sqlite_dup_string_prop (gpointer    object,
                             const char *prop)
{
  char *ret = NULL;

  g_object_get (object, prop, &ret, NULL);

  return ret;
}

/* Fills in an id from its reference where only the reference is known. */
gboolean
_plc_sqlite_resolve_refs (PlcSqliteStore    *self,
                          const RecordKind  *kind,
                          GObject           *object,
                          GError           **error)
{
  for (guint i = 0; i < kind->n_refs; i++)
    {
      const RefLink *r = &kind->refs[i];
      g_autofree char *ref = NULL;
      gint64 id;

      if (_plc_sqlite_get_int64_prop (object, r->id_prop) != 0)
        continue;

      ref = _plc_sqlite_dup_string_prop (object, r->ref_prop);
      if (ref == NULL || ref[0] == '\0')
        continue;

      id = _plc_sqlite_lookup_id_by_ref (self, r->table, ref, error);
      if (id < 0)
        return FALSE;
      if (id == 0)
        {
          g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                       /* Translators: %s is a record's reference, such as child-1a2b3c4d */
                       _("The reference “%s” points to a record that does not exist"),
                       plc_ref_for_message (ref));
          return FALSE;
        }

      g_object_set (object, r->id_prop, id, NULL);
    }

  return TRUE;
}

static void load_links   (PlcSqliteStore *self, PlcContact *contact);
static void load_history (PlcSqliteStore *self, PlcDeviation *deviation);

static GObject *
object_from_row (PlcSqliteStore    *self,
                 const RecordKind  *kind,
                 sqlite3_stmt      *stmt)
{
  GObject *object = g_object_new (kind->get_type (), NULL);
  guint n_columns = 0;

  g_object_set (object,
                "id", sqlite3_column_int64 (stmt, 0),
                "version", sqlite3_column_int64 (stmt, 1),
                "ref", (const char *)sqlite3_column_text (stmt, 2),
                NULL);
  if (kind->has_deleted)
    g_object_set (object, "deleted", sqlite3_column_int (stmt, 3) != 0, NULL);

  for (; kind->columns[n_columns] != NULL; n_columns++)
    read_property (stmt, 4 + (int)n_columns, object, kind->columns[n_columns]);

  for (guint i = 0; i < kind->n_refs; i++)
    {
      const char *ref = (const char *)sqlite3_column_text (stmt, 4 + (int)(n_columns + i));

      if (ref != NULL)
        g_object_set (object, kind->refs[i].ref_prop, ref, NULL);
    }

  return object;
}

/* Completes objects read from rows: links, history.  Done after the rows
 * are read, so that no two statements are stepped at once. */
static void
complete_object (PlcSqliteStore    *self,
                 const RecordKind  *kind,
                 GObject           *object)
{
  if (kind == &_plc_sqlite_kinds[KIND_CONTACT])
    load_links (self, PLC_CONTACT (object));
  else if (kind == &_plc_sqlite_kinds[KIND_DEVIATION])
    load_history (self, PLC_DEVIATION (object));
}

/* The SQL of a kind's select with @where, made once per connection: both
 * strings stay where they are, and so does the result */
static const char *
query_sql (PlcSqliteStore *self,
           const char     *select,
           const char     *where)
{
  GHashTable *of_select = g_hash_table_lookup (self->queries, select);
  char *sql;

  if (of_select == NULL)
    {
      of_select = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      g_hash_table_insert (self->queries, (gpointer) select, of_select);
    }

  sql = g_hash_table_lookup (of_select, where);
  if (sql == NULL)
    {
      sql = g_strdup_printf ("%s %s", select, where);
      g_hash_table_insert (of_select, (gpointer) where, sql);
    }

  return sql;
}

/* Runs a SELECT of records; @where (a literal) is appended to the query and may use
 * ?1 (an int64), ?2 (a text) and ?3 (an int64). */
GPtrArray *
_plc_sqlite_query_records (PlcSqliteStore    *self,
                           const RecordKind  *kind,
                           const char        *where,
                           gint64             arg_int,
                           const char        *arg_text,
                           gint64             arg_int2,
                           GError           **error)
{
  const char *select = kind_sql[_plc_sqlite_kind_type (kind)].select;
  const char *sql = query_sql (self, select, where);
  g_autoptr(GPtrArray) ret = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!_plc_sqlite_prepare (self, sql, &stmt, error))
    return NULL;

  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, arg_int);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_text (stmt, 2, arg_text, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int64 (stmt, 3, arg_int2);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ret, object_from_row (self, kind, stmt));

  _plc_sqlite_release (self, stmt);

  if (rc != SQLITE_DONE)
    {
      _plc_sqlite_set_error (self->db, rc, _("reading the database"), error);
      return NULL;
    }

  for (guint i = 0; i < ret->len; i++)
    complete_object (self, kind, g_ptr_array_index (ret, i));

  return g_steal_pointer (&ret);
}

static gpointer
get_record (PlcSqliteStore    *self,
            const RecordKind  *kind,
            const char        *where,
            gint64             arg_int,
            const char        *arg_text,
            GError           **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  rows = _plc_sqlite_query_records (self, kind, where, arg_int, arg_text, 0, error);
  if (rows == NULL)
    return NULL;

  if (rows->len == 0)
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_NOT_FOUND,
                           _(kind->not_found_message));
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (rows, 0));
}

static void
load_links (PlcSqliteStore *self,
            PlcContact     *contact)
{
  sqlite3_stmt *stmt = NULL;
  /* The links pass to the contact, which frees them. */
  g_autoptr(GPtrArray) links = g_ptr_array_new ();

  plc_contact_clear_links (contact);

  /* The refs in the same statement: one statement per link and ref cost
   * more than the rest of listing the contacts. */
  if (!_plc_sqlite_prepare (self,
                            "SELECT link.child_id, link.placement_id, link.role,"
                            " (SELECT ref FROM children WHERE id = link.child_id),"
                            " (SELECT ref FROM placements WHERE id = link.placement_id)"
                            " FROM contact_links AS link"
                            " WHERE link.contact_id = ? ORDER BY link.position",
                            &stmt, NULL))
    return;

  sqlite3_bind_int64 (stmt, 1, plc_contact_get_id (contact));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PlcContactLink *lnk = plc_contact_link_new ();

      lnk->child_id = sqlite3_column_int64 (stmt, 0);
      lnk->placement_id = sqlite3_column_int64 (stmt, 1);
      lnk->role = sqlite3_column_int (stmt, 2);
      if (lnk->child_id != 0)
        lnk->child_ref = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      if (lnk->placement_id != 0)
        lnk->placement_ref = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      g_ptr_array_add (links, lnk);
    }
  _plc_sqlite_release (self, stmt);

  for (guint i = 0; i < links->len; i++)
    plc_contact_add_link (contact, g_ptr_array_index (links, i));
}

static void
load_history (PlcSqliteStore *self,
              PlcDeviation   *deviation)
{
  sqlite3_stmt *stmt = NULL;

  if (plc_deviation_get_history (deviation)->len > 0)
    g_ptr_array_set_size (plc_deviation_get_history (deviation), 0);

  if (!_plc_sqlite_prepare (self,
                            "SELECT at, user, status, escalation_step, note FROM deviation_events"
                            " WHERE deviation_id = ? ORDER BY position",
                            &stmt, NULL))
    return;

  sqlite3_bind_int64 (stmt, 1, plc_deviation_get_id (deviation));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PlcDeviationEvent *event = plc_deviation_event_new ();

      event->at = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      event->user = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      event->status = sqlite3_column_int (stmt, 2);
      event->escalation_step = sqlite3_column_int (stmt, 3);
      event->note = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      plc_deviation_add_event (deviation, event);
    }
  _plc_sqlite_release (self, stmt);
}

static gboolean
validate_record (PlcSqliteStore    *self,
                 const RecordKind  *kind,
                 GObject           *object,
                 PlcDate            today,
                 GError           **error)
{
  if (kind == &_plc_sqlite_kinds[KIND_CHILD])
    return plc_child_validate (PLC_CHILD (object), today, error);

  if (kind == &_plc_sqlite_kinds[KIND_PLACEMENT])
    {
      g_autoptr(PlcChild) child = NULL;
      gint64 child_id = plc_placement_get_child_id (PLC_PLACEMENT (object));

      if (child_id == 0)
        {
          g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                               _("Child: a placement must belong to a child"));
          return FALSE;
        }

      child = get_record (self, &_plc_sqlite_kinds[KIND_CHILD], "WHERE id = ?1", child_id, NULL, error);
      if (child == NULL)
        return FALSE;

      return plc_placement_validate (PLC_PLACEMENT (object), child, error);
    }

  if (kind == &_plc_sqlite_kinds[KIND_STEP])
    return plc_step_status_validate (PLC_STEP_STATUS (object), error);

  if (kind == &_plc_sqlite_kinds[KIND_CONTACT])
    return plc_contact_validate (PLC_CONTACT (object), error);

  if (kind == &_plc_sqlite_kinds[KIND_CONTACT_LOG])
    return plc_contact_log_entry_validate (PLC_CONTACT_LOG_ENTRY (object), error);

  if (kind == &_plc_sqlite_kinds[KIND_DEVIATION])
    return plc_deviation_validate (PLC_DEVIATION (object), error);

  g_assert_not_reached ();
}

static gboolean
step_done (PlcSqliteStore *self,
           sqlite3_stmt   *stmt,
           GError        **error)
{
  int rc = sqlite3_step (stmt);

  _plc_sqlite_release (self, stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _plc_sqlite_set_error (self->db, rc, _("saving"), error);

  return TRUE;
}

gboolean
_plc_sqlite_resolve_link_refs (PlcSqliteStore *self,
                               PlcContact     *contact,
                               GError        **error)
{
  GPtrArray *links = plc_contact_get_links (contact);

  for (guint i = 0; i < links->len; i++)
    {
      PlcContactLink *lnk = g_ptr_array_index (links, i);

      if (lnk->child_id == 0 && lnk->child_ref != NULL && lnk->child_ref[0] != '\0')
        {
          lnk->child_id = _plc_sqlite_lookup_id_by_ref (self, "children", lnk->child_ref, error);
          if (lnk->child_id < 0)
            return FALSE;
          if (lnk->child_id == 0)
            {
              g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("The reference “%s” points to a record that does not exist"),
                           plc_ref_for_message (lnk->child_ref));
              return FALSE;
            }
        }

      if (lnk->placement_id == 0 && lnk->placement_ref != NULL && lnk->placement_ref[0] != '\0')
        {
          lnk->placement_id = _plc_sqlite_lookup_id_by_ref (self, "placements", lnk->placement_ref, error);
          if (lnk->placement_id < 0)
            return FALSE;
          if (lnk->placement_id == 0)
            {
              g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("The reference “%s” points to a record that does not exist"),
                           plc_ref_for_message (lnk->placement_ref));
              return FALSE;
            }
        }
    }

  return TRUE;
}

static gboolean
save_links (PlcSqliteStore *self,
            PlcContact     *contact,
            GError        **error)
{
  GPtrArray *links = plc_contact_get_links (contact);
  sqlite3_stmt *stmt = NULL;

  if (!_plc_sqlite_resolve_link_refs (self, contact, error))
    return FALSE;

  if (!_plc_sqlite_prepare (self, "DELETE FROM contact_links WHERE contact_id = ?", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plc_contact_get_id (contact));
  if (!step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < links->len; i++)
    {
      PlcContactLink *lnk = g_ptr_array_index (links, i);

      if (!_plc_sqlite_prepare (self,
                                "INSERT INTO contact_links (contact_id, position, child_id, placement_id, role)"
                                " VALUES (?, ?, ?, ?, ?)",
                                &stmt, error))
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, plc_contact_get_id (contact));
      sqlite3_bind_int (stmt, 2, (int)i);
      if (lnk->child_id != 0)
        sqlite3_bind_int64 (stmt, 3, lnk->child_id);
      else
        sqlite3_bind_null (stmt, 3);
      if (lnk->placement_id != 0)
        sqlite3_bind_int64 (stmt, 4, lnk->placement_id);
      else
        sqlite3_bind_null (stmt, 4);
      sqlite3_bind_int (stmt, 5, lnk->role);

      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* The history is append-only: events beyond those stored are added. */
static gboolean
save_history (PlcSqliteStore *self,
              PlcDeviation   *deviation,
              GError        **error)
{
  GPtrArray *history = plc_deviation_get_history (deviation);
  sqlite3_stmt *count = NULL;
  int stored = -1;
  int rc;

  if (!_plc_sqlite_prepare (self, "SELECT count(*) FROM deviation_events WHERE deviation_id = ?", &count, error))
    return FALSE;
  sqlite3_bind_int64 (count, 1, plc_deviation_get_id (deviation));
  rc = sqlite3_step (count);
  if (rc == SQLITE_ROW)
    stored = sqlite3_column_int (count, 0);
  _plc_sqlite_release (self, count);
  if (stored < 0)
    return _plc_sqlite_set_error (self->db, rc, _("reading the database"), error);

  for (guint i = (guint)stored; i < history->len; i++)
    {
      PlcDeviationEvent *event = g_ptr_array_index (history, i);
      sqlite3_stmt *stmt = NULL;

      if (!_plc_sqlite_prepare (self,
                                "INSERT INTO deviation_events (deviation_id, position, at, user, status, escalation_step, note)"
                                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                                &stmt, error))
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, plc_deviation_get_id (deviation));
      sqlite3_bind_int (stmt, 2, (int)i);
      sqlite3_bind_text (stmt, 3, event->at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, event->user, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 5, event->status);
      sqlite3_bind_int (stmt, 6, event->escalation_step);
      sqlite3_bind_text (stmt, 7, event->note, -1, SQLITE_TRANSIENT);

      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Inserts or updates one record, inside the caller's transaction.  On
 * success the object's id, version and ref are the stored ones.  @today is
 * what a child's dates are checked against. */
gboolean
_plc_sqlite_save_record (PlcSqliteStore    *self,
                         const RecordKind  *kind,
                         GObject           *object,
                         PlcDate            today,
                         GError           **error)
{
  const KindSql *sql = &kind_sql[_plc_sqlite_kind_type (kind)];
  g_autofree char *ref = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 id = _plc_sqlite_get_int64_prop (object, "id");
  gint64 version = _plc_sqlite_get_int64_prop (object, "version");
  gint64 other;
  guint n_columns = g_strv_length ((char **)kind->columns);
  int rc;

  if (!_plc_sqlite_resolve_refs (self, kind, object, error))
    return FALSE;

  if (!validate_record (self, kind, object, today, error))
    return FALSE;

  ref = _plc_sqlite_dup_string_prop (object, "ref");
  if (ref == NULL || ref[0] == '\0')
    {
      /* A new ref of 32 random bits, drawn again while it is taken: among
       * a county's quarter of a million step statuses a clash is likely. */
      for (guint tries = 0; tries < 16; tries++)
        {
          g_free (ref);
          ref = g_strdup_printf ("%s-%08x", kind->record_type, g_random_int ());
          other = _plc_sqlite_lookup_id_by_ref (self, kind->table, ref, error);
          if (other < 0)
            return FALSE;
          if (other == 0)
            break;
        }
    }
  else
    {
      other = _plc_sqlite_lookup_id_by_ref (self, kind->table, ref, error);
      if (other < 0)
        return FALSE;
    }
  if (other != 0 && other != id)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: %s is a record's reference, such as child-1a2b3c4d */
                   _("The reference “%s” is already used by another record"),
                   plc_ref_for_message (ref));
      return FALSE;
    }

  if (!_plc_sqlite_prepare (self, id == 0 ? sql->insert : sql->update, &stmt, error))
    return FALSE;

  sqlite3_bind_text (stmt, 1, ref, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < n_columns; i++)
    bind_property (stmt, 2 + (int)i, object, kind->columns[i]);
  if (id != 0)
    {
      sqlite3_bind_int64 (stmt, 2 + (int)n_columns, id);
      sqlite3_bind_int64 (stmt, 3 + (int)n_columns, version);
    }

  rc = sqlite3_step (stmt);
  _plc_sqlite_release (self, stmt);
  if (rc != SQLITE_DONE)
    return _plc_sqlite_set_error (self->db, rc, _("saving"), error);

  if (id == 0)
    {
      id = sqlite3_last_insert_rowid (self->db);
      version = 1;
    }
  else if (sqlite3_changes (self->db) == 0)
    {
      g_autofree char *stored = lookup_ref_by_id (self, kind->table, id);

      if (stored == NULL)
        g_set_error_literal (error, PLC_ERROR, PLC_ERROR_NOT_FOUND,
                             _(kind->not_found_message));
      else
        g_set_error_literal (error, PLC_ERROR, PLC_ERROR_STALE,
                             _(kind->stale_message));
      return FALSE;
    }
  else
    version++;

  if (!_plc_sqlite_write_audit (self, version == 1 ? "create" : "update", kind->record_type, id, ref, error))
    return FALSE;

  g_object_set (object, "id", id, "version", version, "ref", ref, NULL);

  if (kind == &_plc_sqlite_kinds[KIND_CONTACT] && !save_links (self, PLC_CONTACT (object), error))
    return FALSE;

  if (kind == &_plc_sqlite_kinds[KIND_DEVIATION] && !save_history (self, PLC_DEVIATION (object), error))
    return FALSE;

  return TRUE;
}

/* One save in its own transaction; on failure the object is as it was. */
gboolean
_plc_sqlite_save_one (PlcSqliteStore    *self,
                      const RecordKind  *kind,
                      GObject           *object,
                      GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *old_ref = NULL;
  gint64 old_id;
  gint64 old_version;

  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (object, kind->get_type ()), FALSE);

  old_id = _plc_sqlite_get_int64_prop (object, "id");
  old_version = _plc_sqlite_get_int64_prop (object, "version");
  old_ref = _plc_sqlite_dup_string_prop (object, "ref");

  if (!_plc_sqlite_begin (self, error))
    return FALSE;

  if (!_plc_sqlite_save_record (self, kind, object, plc_date_today (), &local_error) ||
      !_plc_sqlite_log_change (self, _plc_sqlite_kind_type (kind), _plc_sqlite_get_int64_prop (object, "id"),
                               _plc_sqlite_get_int64_prop (object, "version") == 1
                                 ? PLC_CHANGE_KIND_CREATED : PLC_CHANGE_KIND_UPDATED,
                               &local_error) ||
      !_plc_sqlite_commit (self, &local_error))
    {
      _plc_sqlite_rollback (self);
      g_object_set (object, "id", old_id, "version", old_version, "ref", old_ref, NULL);
      /* Not the message: a validation message may quote what was typed. */
      g_debug ("Saving a %s failed (error %d)", kind->record_type, local_error->code);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* PlcStoreClass::save_record */
gboolean
_plc_sqlite_store_save_record (PlcStore   *store,
                               PlcRecord  *record,
                               GError    **error)
{
  PlcSqliteStore *self = PLC_SQLITE_STORE (store);

  return _plc_sqlite_save_one (self, &_plc_sqlite_kinds[plc_record_get_record_type (record)],
                               G_OBJECT (record), error);
}

/* Reading */

/* PlcStoreClass::get_record */
PlcRecord *
_plc_sqlite_store_get_record (PlcStore       *store,
                              PlcRecordType   record_type,
                              gint64          id,
                              GError        **error)
{
  PlcSqliteStore *self = PLC_SQLITE_STORE (store);

  return get_record (self, &_plc_sqlite_kinds[record_type], "WHERE id = ?1", id, NULL, error);
}

/* PlcStoreClass::get_record_by_ref */
PlcRecord *
_plc_sqlite_store_get_record_by_ref (PlcStore       *store,
                                     PlcRecordType   record_type,
                                     const char     *ref,
                                     GError        **error)
{
  PlcSqliteStore *self = PLC_SQLITE_STORE (store);

  return get_record (self, &_plc_sqlite_kinds[record_type], "WHERE ref = ?2", 0, ref, error);
}

/* PlcStoreClass::get_step_status */
PlcStepStatus *
_plc_sqlite_store_get_step_status (PlcStore    *store,
                                   gint64       placement_id,
                                   const char  *rule,
                                   int          occurrence,
                                   GError     **error)
{
  PlcSqliteStore *self = PLC_SQLITE_STORE (store);
  g_autoptr(GPtrArray) rows = NULL;

  rows = _plc_sqlite_query_records (self, &_plc_sqlite_kinds[KIND_STEP],
                                   "WHERE placement_id = ?1 AND rule = ?2 AND occurrence = ?3",
                                   placement_id, rule, occurrence, error);
  if (rows == NULL)
    return NULL;

  if (rows->len == 0)
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_NOT_FOUND,
                           _(_plc_sqlite_kinds[KIND_STEP].not_found_message));
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (rows, 0));
}

GPtrArray *
_plc_sqlite_list_records (PlcSqliteStore    *self,
                          const RecordKind  *kind,
                          const char        *where,
                          gint64             arg_int,
                          GError           **error)
{
  return _plc_sqlite_query_records (self, kind, where, arg_int, NULL, 0, error);
}

/* PlcStoreClass::list_records */
GPtrArray *
_plc_sqlite_store_list_records (PlcStore       *store,
                                PlcRecordType   record_type,
                                gint64          owner_id,
                                gboolean        include_deleted,
                                GError        **error)
{
  PlcSqliteStore *self = PLC_SQLITE_STORE (store);
  const RecordKind *kind = &_plc_sqlite_kinds[record_type];
  const char *where;

  /* All, or one owner's: two statements, so that the one for an owner
   * uses its index */
  switch (record_type)
    {
    case PLC_RECORD_TYPE_PLACEMENT:
      if (owner_id != 0)
        where = include_deleted
                  ? "WHERE child_id = ?1 ORDER BY id"
                  : "WHERE child_id = ?1 AND deleted = 0 ORDER BY id";
      else
        where = include_deleted ? "ORDER BY id" : "WHERE deleted = 0 ORDER BY id";
      break;

    case PLC_RECORD_TYPE_STEP_STATUS:
      where = owner_id != 0 ? "WHERE placement_id = ?1 ORDER BY id" : "ORDER BY id";
      break;

    case PLC_RECORD_TYPE_CONTACT_LOG_ENTRY:
      if (owner_id != 0)
        where = include_deleted
                  ? "WHERE child_id = ?1 ORDER BY date DESC, id DESC"
                  : "WHERE child_id = ?1 AND deleted = 0 ORDER BY date DESC, id DESC";
      else
        where = include_deleted
                  ? "ORDER BY date DESC, id DESC"
                  : "WHERE deleted = 0 ORDER BY date DESC, id DESC";
      break;

    case PLC_RECORD_TYPE_CHILD:
    case PLC_RECORD_TYPE_CONTACT:
    case PLC_RECORD_TYPE_DEVIATION:
      where = include_deleted ? "ORDER BY id" : "WHERE deleted = 0 ORDER BY id";
      break;

    case PLC_RECORD_TYPE_ROUTINE_OFFSET:
    case PLC_RECORD_TYPE_DATABASE:
    default:
      g_assert_not_reached ();
    }

  return _plc_sqlite_list_records (self, kind, where, owner_id, error);
}

/* Soft delete */

gboolean
_plc_sqlite_set_deleted (PlcSqliteStore    *self,
                         const RecordKind  *kind,
                         gint64             id,
                         gboolean           deleted,
                         GError           **error)
{
  g_autofree char *ref = NULL;
  sqlite3_stmt *stmt = NULL;

  if (!_plc_sqlite_begin (self, error))
    return FALSE;

  ref = lookup_ref_by_id (self, kind->table, id);
  if (ref == NULL)
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_NOT_FOUND, _(kind->not_found_message));
      return _plc_sqlite_rollback (self);
    }

  if (!_plc_sqlite_prepare (self, kind_sql[_plc_sqlite_kind_type (kind)].set_deleted, &stmt, error))
    return _plc_sqlite_rollback (self);
  sqlite3_bind_int (stmt, 1, deleted ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, id);

  if (!step_done (self, stmt, error) ||
      !_plc_sqlite_write_audit (self, deleted ? "delete" : "undelete", kind->record_type, id, ref, error) ||
      !_plc_sqlite_log_change (self, _plc_sqlite_kind_type (kind), id,
                               deleted ? PLC_CHANGE_KIND_DELETED : PLC_CHANGE_KIND_UNDELETED, error))
    return _plc_sqlite_rollback (self);

  return _plc_sqlite_commit (self, error);
}

/* PlcStoreClass::set_deleted */
gboolean
_plc_sqlite_store_set_deleted (PlcStore       *store,
                               PlcRecordType   record_type,
                               gint64          id,
                               gboolean        deleted,
                               GError        **error)
{
  PlcSqliteStore *self = PLC_SQLITE_STORE (store);

  return _plc_sqlite_set_deleted (self, &_plc_sqlite_kinds[record_type], id, deleted, error);
}

/* The audit log */

/* PlcStoreClass::record_opened */
gboolean
_plc_sqlite_store_record_opened (PlcStore       *store,
                                 PlcRecordType   record_type,
                                 gint64          id,
                                 GError        **error)
{
  PlcSqliteStore *self = PLC_SQLITE_STORE (store);
  const RecordKind *kind = &_plc_sqlite_kinds[record_type];
  g_autofree char *ref = NULL;

  ref = lookup_ref_by_id (self, kind->table, id);
  if (ref == NULL)
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_NOT_FOUND, _(kind->not_found_message));
      return FALSE;
    }

  return _plc_sqlite_write_audit (self, "open", kind->record_type, id, ref, error);
}

/* The start of @date's day, local time, as the audit log writes times:
 * in UTC, "YYYY-MM-DDTHH:MM:SSZ" */
static char *
audit_day_start (PlcDate date)
{
  g_autoptr(GDateTime) local = g_date_time_new_local (plc_date_get_year (date),
                                                      plc_date_get_month (date),
                                                      plc_date_get_day (date), 0, 0, 0);
  g_autoptr(GDateTime) utc = NULL;

  if (local == NULL)
    return NULL;
  utc = g_date_time_to_utc (local);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* PlcStoreClass::list_audit: days are local days, the log keeps UTC */
GPtrArray *
_plc_sqlite_store_list_audit (PlcStore  *store,
                              PlcDate    since,
                              PlcDate    until,
                              GError   **error)
{
  PlcSqliteStore *self = PLC_SQLITE_STORE (store);
  g_autoptr(GPtrArray) ret = g_ptr_array_new_with_free_func ((GDestroyNotify) plc_audit_entry_free);
  g_autofree char *from = NULL;
  g_autofree char *before = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  from = since != PLC_DATE_NONE ? audit_day_start (since) : NULL;
  before = until != PLC_DATE_NONE ? audit_day_start (plc_date_add_days (until, 1)) : NULL;

  if (!_plc_sqlite_prepare (self,
                            "SELECT id, at, user, action, record_type, record_id, record_ref"
                            " FROM audit_log WHERE at >= ? AND at < ? ORDER BY id",
                            &stmt, error))
    return NULL;

  /* Every time is after "" and before "~" */
  sqlite3_bind_text (stmt, 1, from != NULL ? from : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, before != NULL ? before : "~", -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlcAuditEntry *entry = g_new0 (PlcAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      entry->user = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      entry->action = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      entry->record_type = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      entry->record_id = sqlite3_column_int64 (stmt, 5);
      entry->record_ref = g_strdup ((const char *)sqlite3_column_text (stmt, 6));
      g_ptr_array_add (ret, entry);
    }

  _plc_sqlite_release (self, stmt);

  if (rc != SQLITE_DONE)
    {
      _plc_sqlite_set_error (self->db, rc, _("reading the audit log"), error);
      return NULL;
    }

  return g_steal_pointer (&ret);
}

/* Local routine offsets of agreement profiles
 *
 * Settings of the unit, not personal data: they are in the database, and so
 * in its backups, but not in the JSON interchange.  A change is audited
 * with the record type "routine-offset", id 0 and the ref PROFILE/RULE; a
 * call that changes nothing writes nothing. */

#define ROUTINE_OFFSET_RECORD_TYPE "routine-offset"

static char *
routine_offset_ref (const char *profile_id,
                    const char *rule_id)
{
  return g_strdup_printf ("%s/%s", profile_id, rule_id);
}

/* PlcStoreClass::set_routine_offset */
gboolean
_plc_sqlite_store_set_routine_offset (PlcStore                *store,
                                      const PlcRoutineOffset  *offset,
                                      GError                 **error)
{
  PlcSqliteStore *self = PLC_SQLITE_STORE (store);
  g_autofree char *ref = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *unit;
  const char *action = NULL;
  int rc;

  unit = plc_offset_unit_to_string (offset->unit);
  ref = routine_offset_ref (offset->profile_id, offset->rule_id);

  if (!_plc_sqlite_begin (self, error))
    return FALSE;

  if (!_plc_sqlite_prepare (self,
                            "SELECT amount, unit FROM routine_offsets WHERE profile_id = ? AND rule_id = ?",
                            &stmt, error))
    return _plc_sqlite_rollback (self);

  sqlite3_bind_text (stmt, 1, offset->profile_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, offset->rule_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    action = "create";
  else if (rc == SQLITE_ROW &&
           (sqlite3_column_int64 (stmt, 0) != offset->amount ||
            g_strcmp0 ((const char *)sqlite3_column_text (stmt, 1), unit) != 0))
    action = "update";
  _plc_sqlite_release (self, stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _plc_sqlite_set_error (self->db, rc, _("reading the database"), error);
      return _plc_sqlite_rollback (self);
    }

  /* Set as it was already */
  if (action == NULL)
    return _plc_sqlite_commit (self, error);

  /* SQLite 3.15 (SQLCipher 3.4.1) has no UPSERT */
  if (!_plc_sqlite_prepare (self,
                            g_str_equal (action, "create")
                              ? "INSERT INTO routine_offsets (amount, unit, profile_id, rule_id) VALUES (?, ?, ?, ?)"
                              : "UPDATE routine_offsets SET amount = ?, unit = ? WHERE profile_id = ? AND rule_id = ?",
                            &stmt, error))
    return _plc_sqlite_rollback (self);

  sqlite3_bind_int (stmt, 1, offset->amount);
  sqlite3_bind_text (stmt, 2, unit, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, offset->profile_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, offset->rule_id, -1, SQLITE_TRANSIENT);

  if (!step_done (self, stmt, error) ||
      !_plc_sqlite_write_audit (self, action, ROUTINE_OFFSET_RECORD_TYPE, 0, ref, error) ||
      !_plc_sqlite_log_change (self, PLC_RECORD_TYPE_ROUTINE_OFFSET, 0,
                               g_str_equal (action, "create") ? PLC_CHANGE_KIND_CREATED : PLC_CHANGE_KIND_UPDATED,
                               error))
    return _plc_sqlite_rollback (self);

  return _plc_sqlite_commit (self, error);
}

/* PlcStoreClass::clear_routine_offset */
gboolean
_plc_sqlite_store_clear_routine_offset (PlcStore    *store,
                                        const char  *profile_id,
                                        const char  *rule_id,
                                        GError     **error)
{
  PlcSqliteStore *self = PLC_SQLITE_STORE (store);
  g_autofree char *ref = NULL;
  sqlite3_stmt *stmt = NULL;

  if (!_plc_sqlite_begin (self, error))
    return FALSE;

  if (!_plc_sqlite_prepare (self, "DELETE FROM routine_offsets WHERE profile_id = ? AND rule_id = ?", &stmt, error))
    return _plc_sqlite_rollback (self);

  sqlite3_bind_text (stmt, 1, profile_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, rule_id, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, error))
    return _plc_sqlite_rollback (self);

  if (sqlite3_changes (self->db) > 0)
    {
      ref = routine_offset_ref (profile_id, rule_id);
      if (!_plc_sqlite_write_audit (self, "delete", ROUTINE_OFFSET_RECORD_TYPE, 0, ref, error) ||
          !_plc_sqlite_log_change (self, PLC_RECORD_TYPE_ROUTINE_OFFSET, 0, PLC_CHANGE_KIND_DELETED, error))
        return _plc_sqlite_rollback (self);
    }

  return _plc_sqlite_commit (self, error);
}

/* PlcStoreClass::list_routine_offsets */
GPtrArray *
_plc_sqlite_store_list_routine_offsets (PlcStore    *store,
                                        const char  *profile_id,
                                        GError     **error)
{
  PlcSqliteStore *self = PLC_SQLITE_STORE (store);
  g_autoptr(GPtrArray) ret = g_ptr_array_new_with_free_func ((GDestroyNotify) plc_routine_offset_free);
  sqlite3_stmt *stmt = NULL;
  gboolean bad_unit = FALSE;
  int rc;

  if (!_plc_sqlite_prepare (self,
                            "SELECT profile_id, rule_id, amount, unit FROM routine_offsets"
                            " WHERE ?1 IS NULL OR profile_id = ?1 ORDER BY profile_id, rule_id",
                            &stmt, error))
    return NULL;

  if (profile_id != NULL)
    sqlite3_bind_text (stmt, 1, profile_id, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *unit_text = (const char *)sqlite3_column_text (stmt, 3);
      PlcOffsetUnit unit;

      /* The table's CHECK allows the nicks only */
      if (unit_text == NULL || !plc_offset_unit_from_string (unit_text, &unit))
        {
          bad_unit = TRUE;
          break;
        }

      g_ptr_array_add (ret, plc_routine_offset_new ((const char *)sqlite3_column_text (stmt, 0),
                                                    (const char *)sqlite3_column_text (stmt, 1),
                                                    sqlite3_column_int (stmt, 2),
                                                    unit));
    }

  _plc_sqlite_release (self, stmt);

  if (bad_unit)
    {
      _plc_sqlite_set_error (NULL, SQLITE_CORRUPT, _("reading the database"), error);
      return NULL;
    }

  if (rc != SQLITE_DONE)
    {
      _plc_sqlite_set_error (self->db, rc, _("reading the database"), error);
      return NULL;
    }

  return g_steal_pointer (&ret);
}
