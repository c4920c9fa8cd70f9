/* plc-interchange.c: the JSON interchange format (see INTERCHANGE.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-interchange"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "plc-child.h"
#include "plc-contact.h"
#include "plc-contact-log-entry.h"
#include "plc-dataset.h"
#include "plc-date.h"
#include "plc-deviation.h"
#include "plc-enums.h"
#include "plc-error.h"
#include "plc-interchange.h"
#include "plc-json.h"
#include "plc-municipality.h"
#include "plc-output-file.h"
#include "plc-placement.h"
#include "plc-ref.h"
#include "plc-step-status.h"

/* Reading walks the JSON tree that json-glib parsed, keeping the JSON path of
 * where it is, so that every message can say where the problem is. Messages
 * quote the path, refs and place names, never names, personal identity
 * numbers or free text from the file: those may end up in a log or on a
 * colleague's screen.
 *
 * Writing builds a JsonNode tree in the field order of INTERCHANGE.md and
 * prints it with a small printer of its own, so that the layout (two-space
 * indent, "key": value, a final newline) is fixed by this file and not by the
 * json-glib version. */

typedef struct
{
  PlcDate     today;
  GString    *path;
  PlcDataset *dataset;

  /* JsonObject * → the first member name that appears twice in it */
  GHashTable *repeated_members;
  /* JsonObject * (a reference, so that no later object gets the address
   * of one json-glib dropped for a repeated member) → the names seen in it */
  GHashTable *seen_members;
  /* how deep in objects and arrays the parser is, how many values it
   * started at the top level, and where the second one started */
  guint       depth;
  guint       n_top_level;
  guint       extra_line;
  guint       extra_column;

  /* ref → the JSON path where it was first used */
  GHashTable *child_refs;
  GHashTable *placement_refs;
  GHashTable *contact_refs;
  GHashTable *deviation_refs;
} Reader;

typedef enum
{
  OPTIONAL,
  REQUIRED,
} Need;

/* {{{ Paths and errors */

static gsize
path_push_member (Reader     *reader,
                  const char *name)
{
  gsize len = reader->path->len;

  g_string_append_c (reader->path, '.');
  g_string_append (reader->path, name);

  return len;
}

static gsize
path_push_index (Reader *reader,
                 guint   index)
{
  gsize len = reader->path->len;

  g_string_append_printf (reader->path, "[%u]", index);

  return len;
}

static void
path_pop (Reader *reader,
          gsize   len)
{
  g_string_truncate (reader->path, len);
}

/* The path of @member of the object at the current path. */
static char *
member_path (Reader     *reader,
             const char *member)
{
  return g_strconcat (reader->path->str, ".", member, NULL);
}

static void
set_missing_error (GError     **error,
                   const char  *where)
{
  g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
               /* Translators: %s is a place in the file, written as a JSON path such as
                * “$.children[2].placements[0].start_date”. Keep it as it is. */
               _("%s: required field is missing"), where);
}

/* Puts the JSON path @where before a message made elsewhere (the model's
 * validation, the personnummer parser, the municipality register). */
static void
prefix_error (GError     **error,
              const char  *where)
{
  if (error != NULL && *error != NULL)
    {
      (*error)->domain = PLC_ERROR;
      (*error)->code = PLC_ERROR_INVALID;
      g_prefix_error (error, "%s: ", where);
    }
}

/* }}} */
/* {{{ Typed members */

/* Returns the member @name of @object, or %NULL when it is absent or null. */
static JsonNode *
get_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

static gboolean
node_holds (JsonNode *node,
            GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* Sets *@out to the string, or to %NULL when the member is absent, null or
 * empty (only allowed when @need is OPTIONAL). */
static gboolean
get_string (Reader      *reader,
            JsonObject  *object,
            const char  *name,
            Need         need,
            const char **out,
            GError     **error)
{
  JsonNode *node = get_member (object, name);
  g_autofree char *where = NULL;

  *out = NULL;

  if (node != NULL && node_holds (node, G_TYPE_STRING))
    {
      const char *value = json_node_get_string (node);

      if (value != NULL && *value != '\0')
        {
          *out = value;
          return TRUE;
        }
      if (need == OPTIONAL)
        return TRUE;

      where = member_path (reader, name);
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: %s is a JSON path such as “$.children[0].ref” */
                   _("%s: must not be empty"), where);
      return FALSE;
    }

  if (node == NULL && need == OPTIONAL)
    return TRUE;

  where = member_path (reader, name);
  if (node == NULL)
    set_missing_error (error, where);
  else
    g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                 /* Translators: %s is a JSON path such as “$.children[0].name” */
                 _("%s: expected a string"), where);

  return FALSE;
}

static gboolean
get_boolean (Reader      *reader,
             JsonObject  *object,
             const char  *name,
             gboolean    *out,
             GError     **error)
{
  JsonNode *node = get_member (object, name);
  g_autofree char *where = NULL;

  *out = FALSE;

  if (node == NULL)
    return TRUE;

  if (node_holds (node, G_TYPE_BOOLEAN))
    {
      *out = json_node_get_boolean (node);
      return TRUE;
    }

  where = member_path (reader, name);
  g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
               /* Translators: %s is a JSON path such as “$.children[0].lss”; keep true and false */
               _("%s: expected true or false"), where);

  return FALSE;
}

/* Reads a whole number of at least @minimum; @fallback when absent. */
static gboolean
get_integer (Reader      *reader,
             JsonObject  *object,
             const char  *name,
             int          minimum,
             int          fallback,
             int         *out,
             GError     **error)
{
  JsonNode *node = get_member (object, name);
  g_autofree char *where = NULL;

  *out = fallback;

  if (node == NULL)
    return TRUE;

  if (node_holds (node, G_TYPE_INT64))
    {
      gint64 value = json_node_get_int (node);

      if (value >= minimum && value <= G_MAXINT)
        {
          *out = (int) value;
          return TRUE;
        }
    }

  where = member_path (reader, name);
  g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
               /* Translators: the first %s is a JSON path such as
                * “$.children[0].placements[0].steps[1].occurrence”, %d a number such as 1 */
               _("%s: expected a whole number, %d or more"), where, minimum);

  return FALSE;
}

static gboolean
get_date (Reader      *reader,
          JsonObject  *object,
          const char  *name,
          Need         need,
          PlcDate     *out,
          GError     **error)
{
  JsonNode *node = get_member (object, name);
  g_autofree char *where = NULL;

  *out = PLC_DATE_NONE;

  if (node == NULL && need == OPTIONAL)
    return TRUE;

  where = member_path (reader, name);

  if (node == NULL)
    {
      set_missing_error (error, where);
      return FALSE;
    }

  /* The date module's own message quotes the text: a date in the wrong
   * field could be a personal identity number, so it is not used here. */
  if (!node_holds (node, G_TYPE_STRING) ||
      !plc_date_parse_iso (json_node_get_string (node), out, NULL))
    {
      *out = PLC_DATE_NONE;
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: %s is a JSON path such as “$.children[0].birth_date”;
                    * keep YYYY-MM-DD as it is, it is the format of the file */
                   _("%s: expected a date in the form YYYY-MM-DD"), where);
      return FALSE;
    }

  return TRUE;
}

/* A timestamp in ISO 8601 with a time zone, kept as written when it is in
 * UTC already ("…Z"), else converted to UTC. */
static gboolean
get_timestamp (Reader      *reader,
               JsonObject  *object,
               const char  *name,
               char       **out,
               GError     **error)
{
  JsonNode *node = get_member (object, name);
  g_autofree char *where = member_path (reader, name);
  g_autoptr(GDateTime) parsed = NULL;
  const char *text = NULL;

  *out = NULL;

  if (node == NULL)
    {
      set_missing_error (error, where);
      return FALSE;
    }

  if (node_holds (node, G_TYPE_STRING))
    {
      text = json_node_get_string (node);
      parsed = g_date_time_new_from_iso8601 (text, NULL);
    }

  if (parsed == NULL)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: %s is a JSON path such as “$.deviations[0].history[1].at”;
                    * keep the example as it is */
                   _("%s: expected a date and time with a time zone, such as 2025-04-11T07:30:00Z"),
                   where);
      return FALSE;
    }

  if (g_str_has_suffix (text, "Z"))
    {
      *out = g_strdup (text);
    }
  else
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (parsed);
      g_autofree char *seconds = NULL;

      /* A time near the ends of the years GDateTime knows (1 to 9999)
       * may have none in UTC. */
      if (utc == NULL)
        {
          g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                       _("%s: expected a date and time with a time zone, such as 2025-04-11T07:30:00Z"),
                       where);
          return FALSE;
        }

      /* Written out by hand: g_date_time_format()'s %Y does not pad a
       * year before 1000 to four digits, and what it wrote would not be
       * read back. */
      seconds = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d",
                                 g_date_time_get_year (utc), g_date_time_get_month (utc),
                                 g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                                 g_date_time_get_minute (utc), g_date_time_get_second (utc));
      if (g_date_time_get_microsecond (utc) != 0)
        *out = g_strdup_printf ("%s.%06dZ", seconds, g_date_time_get_microsecond (utc));
      else
        *out = g_strdup_printf ("%sZ", seconds);
    }

  return TRUE;
}

/* The accepted nicks of @enum_class, but @excluded, as “a, b, c”. */
static char *
enum_nicks (GEnumClass *enum_class,
            int         excluded)
{
  GString *nicks = g_string_new (NULL);

  for (guint i = 0; i < enum_class->n_values; i++)
    {
      if (enum_class->values[i].value == excluded)
        continue;
      if (nicks->len > 0)
        g_string_append (nicks, ", ");
      g_string_append (nicks, enum_class->values[i].value_nick);
    }

  return g_string_free (nicks, FALSE);
}

/* Reads a value of the GEnum @enum_type by its nick, which is its id in the
 * file. @excluded is a value the file may not use, or -1. */
static gboolean
get_enum (Reader      *reader,
          JsonObject  *object,
          const char  *name,
          GType        enum_type,
          int          excluded,
          Need         need,
          int          fallback,
          int         *out,
          GError     **error)
{
  JsonNode *node = get_member (object, name);
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (enum_type);
  g_autofree char *where = NULL;
  g_autofree char *nicks = NULL;

  *out = fallback;

  if (node == NULL && need == OPTIONAL)
    return TRUE;

  where = member_path (reader, name);

  if (node == NULL)
    {
      set_missing_error (error, where);
      return FALSE;
    }

  if (node_holds (node, G_TYPE_STRING))
    {
      GEnumValue *value = g_enum_get_value_by_nick (enum_class, json_node_get_string (node));

      if (value != NULL && value->value != excluded)
        {
          *out = value->value;
          return TRUE;
        }
    }

  nicks = enum_nicks (enum_class, excluded);
  g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
               /* Translators: the first %s is a JSON path such as
                * “$.children[0].placements[0].form”, the second the values
                * allowed there, such as “familjehem, natverkshem, jourhem”: they
                * are ids in the file and are not translated */
               _("%s: expected one of %s"), where, nicks);

  return FALSE;
}

/* Sets *@out to a municipality's code; %NULL when absent (if OPTIONAL). */
static gboolean
get_municipality (Reader      *reader,
                  JsonObject  *object,
                  const char  *name,
                  Need         need,
                  const char **out,
                  GError     **error)
{
  const PlcMunicipality *municipality;
  const char *text;
  g_autofree char *where = NULL;

  *out = NULL;

  if (!get_string (reader, object, name, need, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  municipality = plc_municipality_lookup (text, error);
  if (municipality == NULL)
    {
      where = member_path (reader, name);
      prefix_error (error, where);
      return FALSE;
    }

  *out = municipality->code;

  return TRUE;
}

/* Sets *@out to a region's county code; %NULL when absent. */
static gboolean
get_region (Reader      *reader,
            JsonObject  *object,
            const char  *name,
            const char **out,
            GError     **error)
{
  const PlcRegion *region;
  const char *text;
  g_autofree char *where = NULL;

  *out = NULL;

  if (!get_string (reader, object, name, OPTIONAL, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  region = plc_region_lookup (text, error);
  if (region == NULL)
    {
      where = member_path (reader, name);
      prefix_error (error, where);
      return FALSE;
    }

  *out = region->county_code;

  return TRUE;
}

/* Reads the required member `ref`, which must be unique in @refs. */
static gboolean
get_ref (Reader      *reader,
         JsonObject  *object,
         GHashTable  *refs,
         const char **out,
         GError     **error)
{
  const char *first;
  g_autofree char *where = NULL;

  if (!get_string (reader, object, "ref", REQUIRED, out, error))
    return FALSE;

  where = member_path (reader, "ref");

  /* Before it can be quoted below */
  if (!plc_ref_validate (where, *out, error))
    {
      *out = NULL;
      return FALSE;
    }

  first = g_hash_table_lookup (refs, *out);
  if (first != NULL)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: the first %s is a JSON path such as “$.children[3].ref”,
                    * the second a reference such as “child-12”, the third a JSON path */
                   _("%s: “%s” is used twice (first at %s)"),
                   where, *out, first);
      *out = NULL;
      return FALSE;
    }

  g_hash_table_insert (refs, g_strdup (*out), g_steal_pointer (&where));

  return TRUE;
}

/* Checks that @object has no member but those in @allowed, and none twice. */
static gboolean
check_members (Reader             *reader,
               JsonObject         *object,
               const char * const *allowed,
               GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);
  const char *repeated;

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (allowed, l->data))
        {
          g_autofree char *where = member_path (reader, l->data);

          g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                       /* Translators: %s is a JSON path such as
                        * “$.children[2].placements[0].colour” */
                       _("%s: unknown field"), where);
          return FALSE;
        }
    }

  repeated = g_hash_table_lookup (reader->repeated_members, object);
  if (repeated != NULL)
    {
      g_autofree char *where = member_path (reader, repeated);

      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: %s is a JSON path such as “$.children[0].name” */
                   _("%s: the field appears more than once"), where);
      return FALSE;
    }

  return TRUE;
}

/* Returns the member @name as an array, or an empty one when absent. */
static gboolean
get_array (Reader      *reader,
           JsonObject  *object,
           const char  *name,
           JsonArray  **out,
           GError     **error)
{
  JsonNode *node = get_member (object, name);
  g_autofree char *where = NULL;

  *out = NULL;

  if (node == NULL)
    return TRUE;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      *out = json_node_get_array (node);
      return TRUE;
    }

  where = member_path (reader, name);
  g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
               /* Translators: %s is a JSON path such as “$.children[0].placements”;
                * a list is what JSON calls an array: [ … ] */
               _("%s: expected a list"), where);

  return FALSE;
}

typedef gboolean (*ReadElementFunc) (Reader     *reader,
                                     JsonObject *object,
                                     gpointer    user_data,
                                     GError    **error);

/* Calls @func on each element of the array member @name, each of which must
 * be an object, with the path set to the element. */
static gboolean
read_array (Reader          *reader,
            JsonObject      *object,
            const char      *name,
            ReadElementFunc  func,
            gpointer         user_data,
            GError         **error)
{
  JsonArray *array;
  gsize array_len;

  if (!get_array (reader, object, name, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  array_len = path_push_member (reader, name);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gsize element_len = path_push_index (reader, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                       /* Translators: %s is a JSON path such as “$.children[1]”;
                        * an object is what JSON calls { … } */
                       _("%s: expected an object"), reader->path->str);
          return FALSE;
        }

      if (!func (reader, json_node_get_object (element), user_data, error))
        return FALSE;

      path_pop (reader, element_len);
    }

  path_pop (reader, array_len);

  return TRUE;
}

/* Prefixes the message of a failed validation with the current path. */
static gboolean
validated (Reader    *reader,
           gboolean   valid,
           GError   **error)
{
  if (!valid)
    prefix_error (error, reader->path->str);

  return valid;
}

/* Reads the member @name, when present, as a list of non-empty strings
 * into a new NULL-terminated array (NULL when absent or empty); the strings
 * belong to the parser. */
static gboolean
get_string_list (Reader        *reader,
                 JsonObject    *object,
                 const char    *name,
                 const char  ***out,
                 GError       **error)
{
  g_autofree const char **list = NULL;
  JsonArray *array;
  guint n;

  *out = NULL;

  if (!get_array (reader, object, name, &array, error))
    return FALSE;
  if (array == NULL || json_array_get_length (array) == 0)
    return TRUE;

  n = json_array_get_length (array);
  list = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!node_holds (element, G_TYPE_STRING) ||
          json_node_get_string (element) == NULL ||
          *json_node_get_string (element) == '\0')
        {
          g_autofree char *where = member_path (reader, name);

          g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                       /* Translators: %s is a JSON path such as
                        * “$.children[0].placements[0].steps[0].meeting.invited”,
                        * %u a position in the list, from 0 */
                       _("%s[%u]: expected a string that is not empty"), where, i);
          return FALSE;
        }

      list[i] = json_node_get_string (element);
    }

  *out = g_steal_pointer (&list);

  return TRUE;
}

/* }}} */
/* {{{ Reading records */

/* The optional meeting record of a step status */
static gboolean
read_meeting (Reader         *reader,
              JsonObject     *object,
              PlcStepStatus  *step,
              GError        **error)
{
  static const char * const members[] = {
    "invited", "attended", "planning_completed", NULL
  };
  JsonNode *node = get_member (object, "meeting");
  g_autofree const char **invited = NULL;
  g_autofree const char **attended = NULL;
  JsonObject *meeting;
  gboolean planning_completed;
  gsize len;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *where = member_path (reader, "meeting");

      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: %s is a JSON path such as “$.children[1].placements[0].steps[0].meeting”;
                    * an object is what JSON calls { … } */
                   _("%s: expected an object"), where);
      return FALSE;
    }

  meeting = json_node_get_object (node);
  len = path_push_member (reader, "meeting");

  if (!check_members (reader, meeting, members, error) ||
      !get_string_list (reader, meeting, "invited", &invited, error) ||
      !get_string_list (reader, meeting, "attended", &attended, error) ||
      !get_boolean (reader, meeting, "planning_completed", &planning_completed, error))
    return FALSE;

  path_pop (reader, len);

  plc_step_status_set_invited_units (step, invited);
  plc_step_status_set_attended_units (step, attended);
  plc_step_status_set_planning_completed (step, planning_completed);

  return TRUE;
}

static gboolean
read_step_status (Reader      *reader,
                  JsonObject  *object,
                  gpointer     user_data,
                  GError     **error)
{
  static const char * const members[] = {
    "rule", "occurrence", "status", "date", "note", "reason", "meeting", NULL
  };
  PlcPlacement *placement = user_data;
  GHashTable *seen = g_object_get_data (G_OBJECT (placement), "plc-interchange-steps");
  g_autoptr(PlcStepStatus) step = plc_step_status_new ();
  g_autofree char *key = NULL;
  const char *rule, *note, *reason;
  int occurrence, state;
  PlcDate date;

  if (!check_members (reader, object, members, error) ||
      !get_string (reader, object, "rule", REQUIRED, &rule, error) ||
      !get_integer (reader, object, "occurrence", 1, 1, &occurrence, error) ||
      !get_enum (reader, object, "status", PLC_TYPE_STEP_STATE, -1, REQUIRED, 0, &state, error) ||
      !get_date (reader, object, "date", OPTIONAL, &date, error) ||
      !get_string (reader, object, "note", OPTIONAL, &note, error) ||
      !get_string (reader, object, "reason", OPTIONAL, &reason, error) ||
      !read_meeting (reader, object, step, error))
    return FALSE;

  key = g_strdup_printf ("%s\n%d", rule, occurrence);
  if (g_hash_table_contains (seen, key))
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: the first %s is a JSON path such as
                    * “$.children[0].placements[0].steps[2]”, the second a rule id
                    * such as “health-exam-notification”, %d a number such as 1 */
                   _("%s: the placement already has a status for rule “%s”, occurrence %d"),
                   reader->path->str, rule, occurrence);
      return FALSE;
    }
  g_hash_table_add (seen, g_steal_pointer (&key));

  plc_step_status_set_placement_ref (step, plc_placement_get_ref (placement));
  plc_step_status_set_rule (step, rule);
  plc_step_status_set_occurrence (step, occurrence);
  plc_step_status_set_state (step, state);
  plc_step_status_set_date (step, date);
  plc_step_status_set_note (step, note);
  plc_step_status_set_reason (step, reason);

  if (!validated (reader, plc_step_status_validate (step, error), error))
    return FALSE;

  g_ptr_array_add (plc_dataset_get_step_statuses (reader->dataset), g_steal_pointer (&step));

  return TRUE;
}

static gboolean
read_placement (Reader      *reader,
                JsonObject  *object,
                gpointer     user_data,
                GError     **error)
{
  static const char * const members[] = {
    "ref", "placing_municipality", "caseworker", "legal_basis", "form",
    "start_date", "acute", "planned_end_date", "end_date", "end_reason",
    "placed_in_municipality", "placed_in_region", "lvu_decision_date",
    "custody_carried_out_date", "investigation_closed_date",
    "restriction_decided_date", "previous", "steps", "home_ref",
    "discharge_notice_date", "temporary_moving_ban_date", "lvu_international", NULL
  };
  PlcChild *child = user_data;
  g_autoptr(PlcPlacement) placement = plc_placement_new ();
  const char *ref, *placing, *caseworker, *end_reason, *placed_in_municipality;
  const char *placed_in_region, *previous, *home_ref;
  int legal_basis, form;
  gboolean acute, lvu_international;
  PlcDate start, planned_end, end, decision, carried_out;
  PlcDate investigation_closed, restriction_decided, discharge_notice, moving_ban;
  gboolean ok;

  if (!check_members (reader, object, members, error) ||
      !get_ref (reader, object, reader->placement_refs, &ref, error) ||
      !get_municipality (reader, object, "placing_municipality", REQUIRED, &placing, error) ||
      !get_string (reader, object, "caseworker", OPTIONAL, &caseworker, error) ||
      !get_enum (reader, object, "legal_basis", PLC_TYPE_LEGAL_BASIS, -1, REQUIRED, 0, &legal_basis, error) ||
      !get_enum (reader, object, "form", PLC_TYPE_PLACEMENT_FORM, -1, REQUIRED, 0, &form, error) ||
      !get_date (reader, object, "start_date", REQUIRED, &start, error) ||
      !get_boolean (reader, object, "acute", &acute, error) ||
      !get_date (reader, object, "planned_end_date", OPTIONAL, &planned_end, error) ||
      !get_date (reader, object, "end_date", OPTIONAL, &end, error) ||
      !get_string (reader, object, "end_reason", OPTIONAL, &end_reason, error) ||
      !get_municipality (reader, object, "placed_in_municipality", OPTIONAL, &placed_in_municipality, error) ||
      !get_region (reader, object, "placed_in_region", &placed_in_region, error) ||
      !get_date (reader, object, "lvu_decision_date", OPTIONAL, &decision, error) ||
      !get_date (reader, object, "custody_carried_out_date", OPTIONAL, &carried_out, error) ||
      !get_date (reader, object, "investigation_closed_date", OPTIONAL, &investigation_closed, error) ||
      !get_date (reader, object, "restriction_decided_date", OPTIONAL, &restriction_decided, error) ||
      !get_string (reader, object, "previous", OPTIONAL, &previous, error) ||
      !get_string (reader, object, "home_ref", OPTIONAL, &home_ref, error) ||
      !get_date (reader, object, "discharge_notice_date", OPTIONAL, &discharge_notice, error) ||
      !get_date (reader, object, "temporary_moving_ban_date", OPTIONAL, &moving_ban, error) ||
      !get_boolean (reader, object, "lvu_international", &lvu_international, error))
    return FALSE;

  plc_placement_set_ref (placement, ref);
  plc_placement_set_child_ref (placement, plc_child_get_ref (child));
  plc_placement_set_placing_municipality (placement, placing);
  plc_placement_set_caseworker (placement, caseworker);
  plc_placement_set_legal_basis (placement, legal_basis);
  plc_placement_set_form (placement, form);
  plc_placement_set_start_date (placement, start);
  plc_placement_set_acute (placement, acute);
  plc_placement_set_planned_end_date (placement, planned_end);
  plc_placement_set_end_date (placement, end);
  plc_placement_set_end_reason (placement, end_reason);
  plc_placement_set_placed_in_municipality (placement, placed_in_municipality);
  plc_placement_set_placed_in_region (placement, placed_in_region);
  plc_placement_set_lvu_decision_date (placement, decision);
  plc_placement_set_custody_carried_out_date (placement, carried_out);
  plc_placement_set_investigation_closed_date (placement, investigation_closed);
  plc_placement_set_restriction_decided_date (placement, restriction_decided);
  plc_placement_set_previous_ref (placement, previous);
  plc_placement_set_home_ref (placement, home_ref);
  plc_placement_set_discharge_notice_date (placement, discharge_notice);
  plc_placement_set_temporary_moving_ban_date (placement, moving_ban);
  plc_placement_set_lvu_international (placement, lvu_international);
  plc_placement_update_other_region (placement, child);

  if (!validated (reader, plc_placement_validate (placement, child, error), error))
    return FALSE;

  g_ptr_array_add (plc_dataset_get_placements (reader->dataset), g_object_ref (placement));

  /* (rule, occurrence) pairs seen in this placement's steps */
  g_object_set_data_full (G_OBJECT (placement), "plc-interchange-steps",
                          g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                          (GDestroyNotify) g_hash_table_unref);
  ok = read_array (reader, object, "steps", read_step_status, placement, error);
  g_object_set_data (G_OBJECT (placement), "plc-interchange-steps", NULL);

  return ok;
}

static gboolean
read_contact_log_entry (Reader      *reader,
                        JsonObject  *object,
                        gpointer     user_data,
                        GError     **error)
{
  static const char * const members[] = { "date", "kind", "with", "note", NULL };
  PlcChild *child = user_data;
  g_autoptr(PlcContactLogEntry) entry = plc_contact_log_entry_new ();
  const char *with_whom, *note;
  PlcDate date;
  int kind;

  if (!check_members (reader, object, members, error) ||
      !get_date (reader, object, "date", REQUIRED, &date, error) ||
      !get_enum (reader, object, "kind", PLC_TYPE_CONTACT_LOG_KIND, -1, REQUIRED, 0, &kind, error) ||
      !get_string (reader, object, "with", OPTIONAL, &with_whom, error) ||
      !get_string (reader, object, "note", OPTIONAL, &note, error))
    return FALSE;

  plc_contact_log_entry_set_child_ref (entry, plc_child_get_ref (child));
  plc_contact_log_entry_set_date (entry, date);
  plc_contact_log_entry_set_kind (entry, kind);
  plc_contact_log_entry_set_with_whom (entry, with_whom);
  plc_contact_log_entry_set_note (entry, note);

  if (!validated (reader, plc_contact_log_entry_validate (entry, error), error))
    return FALSE;

  g_ptr_array_add (plc_dataset_get_contact_log (reader->dataset), g_steal_pointer (&entry));

  return TRUE;
}

static gboolean
read_child (Reader      *reader,
            JsonObject  *object,
            gpointer     user_data,
            GError     **error)
{
  static const char * const members[] = {
    "ref", "name", "personnummer", "temporary_ref", "birth_date", "legal_gender",
    "home_municipality", "registration_municipality", "asylum_seeker",
    "unaccompanied", "lss", "interpreter_language", "unit", "placements", "contact_log",
    "undocumented", NULL
  };
  g_autoptr(PlcChild) child = plc_child_new ();
  const char *ref, *name, *personnummer, *temporary_ref, *home, *registration;
  const char *interpreter_language, *unit;
  PlcDate birth_date;
  int legal_gender;
  gboolean asylum_seeker, unaccompanied, lss, undocumented;

  if (!check_members (reader, object, members, error) ||
      !get_ref (reader, object, reader->child_refs, &ref, error) ||
      !get_string (reader, object, "name", REQUIRED, &name, error) ||
      !get_string (reader, object, "personnummer", OPTIONAL, &personnummer, error) ||
      !get_string (reader, object, "temporary_ref", OPTIONAL, &temporary_ref, error) ||
      !get_date (reader, object, "birth_date", OPTIONAL, &birth_date, error) ||
      !get_enum (reader, object, "legal_gender", PLC_TYPE_LEGAL_GENDER, PLC_LEGAL_GENDER_UNKNOWN,
                 OPTIONAL, PLC_LEGAL_GENDER_UNKNOWN, &legal_gender, error) ||
      !get_municipality (reader, object, "home_municipality", REQUIRED, &home, error) ||
      !get_municipality (reader, object, "registration_municipality", OPTIONAL, &registration, error) ||
      !get_boolean (reader, object, "asylum_seeker", &asylum_seeker, error) ||
      !get_boolean (reader, object, "unaccompanied", &unaccompanied, error) ||
      !get_boolean (reader, object, "lss", &lss, error) ||
      !get_boolean (reader, object, "undocumented", &undocumented, error) ||
      !get_string (reader, object, "interpreter_language", OPTIONAL, &interpreter_language, error) ||
      !get_string (reader, object, "unit", OPTIONAL, &unit, error))
    return FALSE;

  plc_child_set_ref (child, ref);
  plc_child_set_name (child, name);

  /* The number first: it sets the birth date and the legal gender, which
   * the file may repeat (validation checks that they agree). */
  if (personnummer != NULL &&
      !plc_child_set_personnummer_text (child, personnummer, reader->today, error))
    {
      g_autofree char *where = member_path (reader, "personnummer");

      prefix_error (error, where);
      return FALSE;
    }
  if (birth_date != PLC_DATE_NONE)
    plc_child_set_birth_date (child, birth_date);
  if (legal_gender != PLC_LEGAL_GENDER_UNKNOWN)
    plc_child_set_legal_gender (child, legal_gender);

  plc_child_set_temporary_ref (child, temporary_ref);
  plc_child_set_home_municipality (child, home);
  plc_child_set_registration_municipality (child, registration);
  plc_child_set_asylum_seeker (child, asylum_seeker);
  plc_child_set_unaccompanied (child, unaccompanied);
  plc_child_set_lss (child, lss);
  plc_child_set_undocumented (child, undocumented);
  plc_child_set_interpreter_language (child, interpreter_language);
  plc_child_set_unit (child, unit);

  if (!validated (reader, plc_child_validate (child, reader->today, error), error))
    return FALSE;

  g_ptr_array_add (plc_dataset_get_children (reader->dataset), g_object_ref (child));

  return read_array (reader, object, "placements", read_placement, child, error) &&
         read_array (reader, object, "contact_log", read_contact_log_entry, child, error);
}

static gboolean
read_link (Reader      *reader,
           JsonObject  *object,
           gpointer     user_data,
           GError     **error)
{
  static const char * const members[] = { "child", "role", "placement", NULL };
  PlcContact *contact = user_data;
  PlcContactLink *link;
  const char *child_ref, *placement_ref;
  int role;

  if (!check_members (reader, object, members, error) ||
      !get_string (reader, object, "child", REQUIRED, &child_ref, error) ||
      !get_enum (reader, object, "role", PLC_TYPE_CONTACT_ROLE, -1, REQUIRED, 0, &role, error) ||
      !get_string (reader, object, "placement", OPTIONAL, &placement_ref, error))
    return FALSE;

  link = plc_contact_link_new ();
  link->child_ref = g_strdup (child_ref);
  link->placement_ref = g_strdup (placement_ref);
  link->role = role;
  plc_contact_add_link (contact, link);

  return TRUE;
}

static gboolean
read_contact (Reader      *reader,
              JsonObject  *object,
              gpointer     user_data,
              GError     **error)
{
  static const char * const members[] = {
    "ref", "name", "organisation", "phone", "email", "address", "links", NULL
  };
  g_autoptr(PlcContact) contact = plc_contact_new ();
  const char *ref, *name, *organisation, *phone, *email, *address;

  if (!check_members (reader, object, members, error) ||
      !get_ref (reader, object, reader->contact_refs, &ref, error) ||
      !get_string (reader, object, "name", REQUIRED, &name, error) ||
      !get_string (reader, object, "organisation", OPTIONAL, &organisation, error) ||
      !get_string (reader, object, "phone", OPTIONAL, &phone, error) ||
      !get_string (reader, object, "email", OPTIONAL, &email, error) ||
      !get_string (reader, object, "address", OPTIONAL, &address, error))
    return FALSE;

  plc_contact_set_ref (contact, ref);
  plc_contact_set_name (contact, name);
  plc_contact_set_organisation (contact, organisation);
  plc_contact_set_phone (contact, phone);
  plc_contact_set_email (contact, email);
  plc_contact_set_address (contact, address);

  if (!read_array (reader, object, "links", read_link, contact, error))
    return FALSE;

  if (!validated (reader, plc_contact_validate (contact, error), error))
    return FALSE;

  g_ptr_array_add (plc_dataset_get_contacts (reader->dataset), g_steal_pointer (&contact));

  return TRUE;
}

static gboolean
read_event (Reader      *reader,
            JsonObject  *object,
            gpointer     user_data,
            GError     **error)
{
  static const char * const members[] = {
    "at", "user", "status", "escalation_step", "note", NULL
  };
  PlcDeviation *deviation = user_data;
  PlcDeviationEvent *event;
  g_autofree char *at = NULL;
  const char *user, *note;
  int status, escalation_step;

  if (!check_members (reader, object, members, error) ||
      !get_timestamp (reader, object, "at", &at, error) ||
      !get_string (reader, object, "user", OPTIONAL, &user, error) ||
      !get_enum (reader, object, "status", PLC_TYPE_DEVIATION_STATUS, -1, REQUIRED, 0, &status, error) ||
      !get_integer (reader, object, "escalation_step", 0, 0, &escalation_step, error) ||
      !get_string (reader, object, "note", OPTIONAL, &note, error))
    return FALSE;

  event = plc_deviation_event_new ();
  event->at = g_steal_pointer (&at);
  event->user = g_strdup (user);
  event->status = status;
  event->escalation_step = escalation_step;
  event->note = g_strdup (note);
  plc_deviation_add_event (deviation, event);

  return TRUE;
}

static gboolean
read_deviation (Reader      *reader,
                JsonObject  *object,
                gpointer     user_data,
                GError     **error)
{
  static const char * const members[] = {
    "ref", "title", "description", "occurred_on", "direction", "unit", "category",
    "placement", "rule", "profile", "status", "conclusion", "escalation_step",
    "history", NULL
  };
  g_autoptr(PlcDeviation) deviation = plc_deviation_new ();
  const char *ref, *title, *description, *unit, *placement, *rule, *profile, *conclusion;
  PlcDate occurred_on;
  int direction, category, status, escalation_step;

  if (!check_members (reader, object, members, error) ||
      !get_ref (reader, object, reader->deviation_refs, &ref, error) ||
      !get_string (reader, object, "title", REQUIRED, &title, error) ||
      !get_string (reader, object, "description", OPTIONAL, &description, error) ||
      !get_date (reader, object, "occurred_on", REQUIRED, &occurred_on, error) ||
      !get_enum (reader, object, "direction", PLC_TYPE_DEVIATION_DIRECTION, -1, REQUIRED, 0, &direction, error) ||
      !get_string (reader, object, "unit", OPTIONAL, &unit, error) ||
      !get_enum (reader, object, "category", PLC_TYPE_DEVIATION_CATEGORY, -1, REQUIRED, 0, &category, error) ||
      !get_string (reader, object, "placement", OPTIONAL, &placement, error) ||
      !get_string (reader, object, "rule", OPTIONAL, &rule, error) ||
      !get_string (reader, object, "profile", OPTIONAL, &profile, error) ||
      !get_enum (reader, object, "status", PLC_TYPE_DEVIATION_STATUS, -1, OPTIONAL,
                 PLC_DEVIATION_STATUS_DRAFT, &status, error) ||
      !get_string (reader, object, "conclusion", OPTIONAL, &conclusion, error) ||
      !get_integer (reader, object, "escalation_step", 0, 0, &escalation_step, error))
    return FALSE;

  plc_deviation_set_ref (deviation, ref);
  plc_deviation_set_title (deviation, title);
  plc_deviation_set_description (deviation, description);
  plc_deviation_set_occurred_on (deviation, occurred_on);
  plc_deviation_set_direction (deviation, direction);
  plc_deviation_set_unit (deviation, unit);
  plc_deviation_set_category (deviation, category);
  plc_deviation_set_placement_ref (deviation, placement);
  plc_deviation_set_rule (deviation, rule);
  plc_deviation_set_profile (deviation, profile);
  plc_deviation_set_status (deviation, status);
  plc_deviation_set_conclusion (deviation, conclusion);
  plc_deviation_set_escalation_step (deviation, escalation_step);

  if (!read_array (reader, object, "history", read_event, deviation, error))
    return FALSE;

  if (!validated (reader, plc_deviation_validate (deviation, error), error))
    return FALSE;

  g_ptr_array_add (plc_dataset_get_deviations (reader->dataset), g_steal_pointer (&deviation));

  return TRUE;
}

static gboolean
read_root (Reader      *reader,
           JsonObject  *root,
           GError     **error)
{
  static const char * const members[] = {
    "format", "version", "children", "contacts", "deviations", NULL
  };
  JsonNode *node;

  /* The format and the version first: a file of a newer version may well
   * have fields this version does not know, and should say so instead. */
  node = get_member (root, "format");
  if (node == NULL || !node_holds (node, G_TYPE_STRING) ||
      g_strcmp0 (json_node_get_string (node), PLC_INTERCHANGE_FORMAT) != 0)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: the first %s is the JSON path “$.format”, the second
                    * the word “placeringar”, which is written in the file as it is */
                   _("%s: expected “%s”: this is not a Placements interchange file"),
                   "$.format", PLC_INTERCHANGE_FORMAT);
      return FALSE;
    }

  node = get_member (root, "version");
  if (node == NULL || !node_holds (node, G_TYPE_INT64) || json_node_get_int (node) < 1)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: %s is the JSON path “$.version”, %d the version number, 1 */
                   _("%s: expected the format version %d"),
                   "$.version", PLC_INTERCHANGE_VERSION);
      return FALSE;
    }
  if (json_node_get_int (node) > PLC_INTERCHANGE_VERSION)
    {
      g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: %s is a version number such as 2, %d the version
                    * this program reads, 1 */
                   _("The file is in version %s of the interchange format, made by a newer version of "
                     "Placements. This version reads version %d only: update Placements to read the file."),
                   version, PLC_INTERCHANGE_VERSION);
      return FALSE;
    }

  return check_members (reader, root, members, error) &&
         read_array (reader, root, "children", read_child, NULL, error) &&
         read_array (reader, root, "contacts", read_contact, NULL, error) &&
         read_array (reader, root, "deviations", read_deviation, NULL, error);
}

/* Remembers, per object, a member name that appears twice: json-glib keeps
 * only the last value of a repeated member, so it is caught while parsing. */
static void
on_object_member (JsonParser *parser,
                  JsonObject *object,
                  const char *member_name,
                  Reader     *reader)
{
  GHashTable *names = g_hash_table_lookup (reader->seen_members, object);

  if (names == NULL)
    {
      names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (reader->seen_members, json_object_ref (object), names);
    }

  if (!g_hash_table_add (names, g_strdup (member_name)) &&
      !g_hash_table_contains (reader->repeated_members, object))
    g_hash_table_insert (reader->repeated_members, object, g_strdup (member_name));
}

/* json-glib 1.6 reads "{…} {…}" as the first object and drops the rest
 * without a word: count the values that start at the top level. */
static void
on_container_start (JsonParser *parser,
                    Reader     *reader)
{
  if (reader->depth++ == 0 && ++reader->n_top_level == 2)
    {
      reader->extra_line = json_parser_get_current_line (parser);
      reader->extra_column = json_parser_get_current_pos (parser);
    }
}

static void
on_container_end (JsonParser *parser,
                  gpointer    container,
                  Reader     *reader)
{
  reader->depth--;
}

/* json-glib's messages quote the text around the error, which may be a
 * name: keep only the line and the column. */
static void
set_parse_error (GError     **error,
                 const GError *parse_error)
{
  int line, column;

  if (g_error_matches (parse_error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA))
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("The file is not valid JSON: it is not UTF-8 text"));
    }
  else if (sscanf (parse_error->message, "<data>:%d:%d:", &line, &column) == 2)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: the %d are numbers */
                   _("The file is not valid JSON: error at line %d, column %d"),
                   line, column);
    }
  else
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("The file is not valid JSON"));
    }
}

/**
 * plc_interchange_read_data:
 * @data: the text of an interchange file (JSON)
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @today: the date to check personal identity numbers and birth dates
 *   against, normally plc_date_today()
 * @error: return location for a #GError
 *
 * Reads an interchange file (INTERCHANGE.md) into a dataset. The reading is
 * strict: an unknown field, a wrong type, a bad value or a record that fails
 * the model's validation is an error in %PLC_ERROR with %PLC_ERROR_INVALID,
 * whose translated message starts with the JSON path of the problem. Names
 * and personal identity numbers from the file never appear in the message.
 * Text larger than %PLC_INTERCHANGE_MAX_SIZE, nested deeper than
 * %PLC_JSON_MAX_DEPTH, or with a string that holds NUL or half a surrogate
 * pair is refused before it is parsed (plc_json_check_text()).
 *
 * References to other records (`previous`, links, a deviation's placement)
 * are not resolved here: they may name records in the database, and the
 * store resolves them on import.
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL on error
 */
PlcDataset *
plc_interchange_read_data (const char  *data,
                           gssize       length,
                           PlcDate      today,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(PlcDataset) dataset = NULL;
  g_autoptr(GString) path = NULL;
  g_autoptr(GHashTable) repeated_members = NULL;
  g_autoptr(GHashTable) seen_members = NULL;
  g_autoptr(GHashTable) child_refs = NULL;
  g_autoptr(GHashTable) placement_refs = NULL;
  g_autoptr(GHashTable) contact_refs = NULL;
  g_autoptr(GHashTable) deviation_refs = NULL;
  JsonNode *root;
  Reader reader;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (today != PLC_DATE_NONE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";
  if (length < 0)
    length = strlen (data);

  /* Size, depth and strings, before json-glib recurses or cuts a string */
  if (!plc_json_check_text (data, (gsize) length, PLC_INTERCHANGE_MAX_SIZE, error))
    return NULL;

  dataset = plc_dataset_new ();
  path = g_string_new ("$");
  repeated_members = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  seen_members = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) json_object_unref,
                                        (GDestroyNotify) g_hash_table_unref);
  child_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  placement_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  contact_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  deviation_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  reader = (Reader) {
    .today = today,
    .path = path,
    .dataset = dataset,
    .repeated_members = repeated_members,
    .seen_members = seen_members,
    .child_refs = child_refs,
    .placement_refs = placement_refs,
    .contact_refs = contact_refs,
    .deviation_refs = deviation_refs,
  };

  parser = json_parser_new ();
  g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member), &reader);
  g_signal_connect (parser, "object-start", G_CALLBACK (on_container_start), &reader);
  g_signal_connect (parser, "array-start", G_CALLBACK (on_container_start), &reader);
  g_signal_connect (parser, "object-end", G_CALLBACK (on_container_end), &reader);
  g_signal_connect (parser, "array-end", G_CALLBACK (on_container_end), &reader);

  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      set_parse_error (error, parse_error);
      return NULL;
    }

  g_signal_handlers_disconnect_by_data (parser, &reader);

  if (reader.n_top_level > 1)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   _("The file is not valid JSON: error at line %d, column %d"),
                   (int) reader.extra_line, (int) reader.extra_column);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("The file is empty"));
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   _("%s: expected an object"), "$");
      return NULL;
    }

  if (!read_root (&reader, json_node_get_object (root), error))
    return NULL;

  return g_steal_pointer (&dataset);
}

/**
 * plc_interchange_read_file:
 * @file: an interchange file
 * @today: the date to check personal identity numbers and birth dates
 *   against, normally plc_date_today()
 * @error: return location for a #GError
 *
 * Reads @file as plc_interchange_read_data() does, and no more than
 * %PLC_INTERCHANGE_MAX_SIZE of it. A file that cannot be read gives an
 * error in %G_IO_ERROR.
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL on error
 */
PlcDataset *
plc_interchange_read_file (GFile    *file,
                           PlcDate   today,
                           GError  **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!plc_json_read_file (file, PLC_INTERCHANGE_MAX_SIZE, &contents, &length, error))
    return NULL;

  return plc_interchange_read_data (contents, length, today, error);
}

/* }}} */
/* {{{ Writing */

static const char *
nonnull (const char *text)
{
  return text != NULL ? text : "";
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL || *value == '\0')
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_date (JsonBuilder *builder,
          const char  *name,
          PlcDate      date)
{
  g_autofree char *text = plc_date_to_iso (date);

  add_string (builder, name, text);
}

static void
add_boolean (JsonBuilder *builder,
             const char  *name,
             gboolean     value)
{
  if (!value)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, TRUE);
}

/* Writes @value unless it is @fallback. */
static void
add_integer (JsonBuilder *builder,
             const char  *name,
             int          value,
             int          fallback)
{
  if (value == fallback)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_enum (JsonBuilder *builder,
          const char  *name,
          GType        enum_type,
          int          value)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value (enum_class, value);

  g_return_if_fail (enum_value != NULL);

  add_string (builder, name, enum_value->value_nick);
}

static void
add_region (JsonBuilder *builder,
            const char  *name,
            const char  *county_code)
{
  const PlcRegion *region;

  if (county_code == NULL || *county_code == '\0')
    return;

  region = plc_region_get (county_code);
  add_string (builder, name, region != NULL ? region->name : county_code);
}

static void
write_step_status (JsonBuilder   *builder,
                   PlcStepStatus *step)
{
  json_builder_begin_object (builder);
  add_string (builder, "rule", plc_step_status_get_rule (step));
  add_integer (builder, "occurrence", plc_step_status_get_occurrence (step), 1);
  add_enum (builder, "status", PLC_TYPE_STEP_STATE, plc_step_status_get_state (step));
  add_date (builder, "date", plc_step_status_get_date (step));
  add_string (builder, "note", plc_step_status_get_note (step));
  add_string (builder, "reason", plc_step_status_get_reason (step));
  if (plc_step_status_has_meeting_record (step))
    {
      const char * const *invited = plc_step_status_get_invited_units (step);
      const char * const *attended = plc_step_status_get_attended_units (step);

      json_builder_set_member_name (builder, "meeting");
      json_builder_begin_object (builder);
      if (invited[0] != NULL)
        {
          json_builder_set_member_name (builder, "invited");
          json_builder_begin_array (builder);
          for (guint i = 0; invited[i] != NULL; i++)
            json_builder_add_string_value (builder, invited[i]);
          json_builder_end_array (builder);
        }
      if (attended[0] != NULL)
        {
          json_builder_set_member_name (builder, "attended");
          json_builder_begin_array (builder);
          for (guint i = 0; attended[i] != NULL; i++)
            json_builder_add_string_value (builder, attended[i]);
          json_builder_end_array (builder);
        }
      add_boolean (builder, "planning_completed", plc_step_status_get_planning_completed (step));
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

/* The records of a dataset grouped by the ref of the record they belong
 * to, each group in the dataset's order: writing looks them up instead of
 * scanning every step for each placement (which grew with the square of
 * the caseload). */
typedef struct
{
  GHashTable *steps;        /* placement ref → GPtrArray of PlcStepStatus */
  GHashTable *placements;   /* child ref → GPtrArray of PlcPlacement */
  GHashTable *log;          /* child ref → GPtrArray of PlcContactLogEntry */
} WriteIndex;

static GHashTable *
group_by_ref (GPtrArray   *records,
              const char *(*get_owner_ref) (gpointer record))
{
  /* The keys belong to the records, which outlive the index. */
  GHashTable *groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < records->len; i++)
    {
      gpointer record = g_ptr_array_index (records, i);
      const char *ref = get_owner_ref (record);
      GPtrArray *group;

      if (ref == NULL)
        continue;

      group = g_hash_table_lookup (groups, ref);
      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (groups, (gpointer) ref, group);
        }
      g_ptr_array_add (group, record);
    }

  return groups;
}

static void
write_index_init (WriteIndex *index,
                  PlcDataset *dataset)
{
  index->steps = group_by_ref (plc_dataset_get_step_statuses (dataset),
                               (gpointer) plc_step_status_get_placement_ref);
  index->placements = group_by_ref (plc_dataset_get_placements (dataset),
                                    (gpointer) plc_placement_get_child_ref);
  index->log = group_by_ref (plc_dataset_get_contact_log (dataset),
                             (gpointer) plc_contact_log_entry_get_child_ref);
}

static void
write_index_clear (WriteIndex *index)
{
  g_clear_pointer (&index->steps, g_hash_table_unref);
  g_clear_pointer (&index->placements, g_hash_table_unref);
  g_clear_pointer (&index->log, g_hash_table_unref);
}

static void
write_placement (JsonBuilder  *builder,
                 WriteIndex   *index,
                 PlcPlacement *placement)
{
  const char *ref = plc_placement_get_ref (placement);
  GPtrArray *steps = ref != NULL ? g_hash_table_lookup (index->steps, ref) : NULL;

  json_builder_begin_object (builder);
  add_string (builder, "ref", ref);
  add_string (builder, "placing_municipality", plc_placement_get_placing_municipality (placement));
  add_string (builder, "caseworker", plc_placement_get_caseworker (placement));
  add_enum (builder, "legal_basis", PLC_TYPE_LEGAL_BASIS, plc_placement_get_legal_basis (placement));
  add_enum (builder, "form", PLC_TYPE_PLACEMENT_FORM, plc_placement_get_form (placement));
  add_date (builder, "start_date", plc_placement_get_start_date (placement));
  add_boolean (builder, "acute", plc_placement_get_acute (placement));
  add_date (builder, "planned_end_date", plc_placement_get_planned_end_date (placement));
  add_date (builder, "end_date", plc_placement_get_end_date (placement));
  add_string (builder, "end_reason", plc_placement_get_end_reason (placement));
  add_string (builder, "placed_in_municipality", plc_placement_get_placed_in_municipality (placement));
  add_region (builder, "placed_in_region", plc_placement_get_placed_in_region (placement));
  add_date (builder, "lvu_decision_date", plc_placement_get_lvu_decision_date (placement));
  add_date (builder, "custody_carried_out_date", plc_placement_get_custody_carried_out_date (placement));
  add_date (builder, "investigation_closed_date", plc_placement_get_investigation_closed_date (placement));
  add_date (builder, "restriction_decided_date", plc_placement_get_restriction_decided_date (placement));
  add_string (builder, "previous", plc_placement_get_previous_ref (placement));
  add_string (builder, "home_ref", plc_placement_get_home_ref (placement));
  add_date (builder, "discharge_notice_date", plc_placement_get_discharge_notice_date (placement));
  add_date (builder, "temporary_moving_ban_date", plc_placement_get_temporary_moving_ban_date (placement));
  add_boolean (builder, "lvu_international", plc_placement_get_lvu_international (placement));

  if (steps != NULL)
    {
      json_builder_set_member_name (builder, "steps");
      json_builder_begin_array (builder);
      for (guint i = 0; i < steps->len; i++)
        write_step_status (builder, g_ptr_array_index (steps, i));
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
}

static void
write_contact_log_entry (JsonBuilder        *builder,
                         PlcContactLogEntry *entry)
{
  json_builder_begin_object (builder);
  add_date (builder, "date", plc_contact_log_entry_get_date (entry));
  add_enum (builder, "kind", PLC_TYPE_CONTACT_LOG_KIND, plc_contact_log_entry_get_kind (entry));
  add_string (builder, "with", plc_contact_log_entry_get_with_whom (entry));
  add_string (builder, "note", plc_contact_log_entry_get_note (entry));
  json_builder_end_object (builder);
}

static void
write_child (JsonBuilder *builder,
             WriteIndex  *index,
             PlcChild    *child)
{
  const char *ref = plc_child_get_ref (child);
  GPtrArray *placements = ref != NULL ? g_hash_table_lookup (index->placements, ref) : NULL;
  GPtrArray *log = ref != NULL ? g_hash_table_lookup (index->log, ref) : NULL;
  const char *personnummer = plc_child_get_personnummer (child);

  json_builder_begin_object (builder);
  add_string (builder, "ref", ref);
  add_string (builder, "name", plc_child_get_name (child));
  add_string (builder, "personnummer", personnummer);
  add_string (builder, "temporary_ref", plc_child_get_temporary_ref (child));

  /* With a personnummer, these follow from it. */
  if (personnummer == NULL || *personnummer == '\0')
    {
      PlcLegalGender legal_gender = plc_child_get_legal_gender (child);

      add_date (builder, "birth_date", plc_child_get_birth_date (child));
      if (legal_gender != PLC_LEGAL_GENDER_UNKNOWN)
        add_enum (builder, "legal_gender", PLC_TYPE_LEGAL_GENDER, legal_gender);
    }

  add_string (builder, "home_municipality", plc_child_get_home_municipality (child));
  add_string (builder, "registration_municipality", plc_child_get_registration_municipality (child));
  add_boolean (builder, "asylum_seeker", plc_child_get_asylum_seeker (child));
  add_boolean (builder, "unaccompanied", plc_child_get_unaccompanied (child));
  add_boolean (builder, "lss", plc_child_get_lss (child));
  add_boolean (builder, "undocumented", plc_child_get_undocumented (child));
  add_string (builder, "interpreter_language", plc_child_get_interpreter_language (child));
  add_string (builder, "unit", plc_child_get_unit (child));

  if (placements != NULL)
    {
      json_builder_set_member_name (builder, "placements");
      json_builder_begin_array (builder);
      for (guint i = 0; i < placements->len; i++)
        write_placement (builder, index, g_ptr_array_index (placements, i));
      json_builder_end_array (builder);
    }

  if (log != NULL)
    {
      json_builder_set_member_name (builder, "contact_log");
      json_builder_begin_array (builder);
      for (guint i = 0; i < log->len; i++)
        write_contact_log_entry (builder, g_ptr_array_index (log, i));
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
}

static void
write_contact (JsonBuilder *builder,
               PlcContact  *contact)
{
  GPtrArray *links = plc_contact_get_links (contact);

  json_builder_begin_object (builder);
  add_string (builder, "ref", plc_contact_get_ref (contact));
  add_string (builder, "name", plc_contact_get_name (contact));
  add_string (builder, "organisation", plc_contact_get_organisation (contact));
  add_string (builder, "phone", plc_contact_get_phone (contact));
  add_string (builder, "email", plc_contact_get_email (contact));
  add_string (builder, "address", plc_contact_get_address (contact));

  if (links != NULL && links->len > 0)
    {
      json_builder_set_member_name (builder, "links");
      json_builder_begin_array (builder);
      for (guint i = 0; i < links->len; i++)
        {
          PlcContactLink *link = g_ptr_array_index (links, i);

          json_builder_begin_object (builder);
          add_string (builder, "child", link->child_ref);
          add_enum (builder, "role", PLC_TYPE_CONTACT_ROLE, link->role);
          add_string (builder, "placement", link->placement_ref);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
}

static void
write_deviation (JsonBuilder  *builder,
                 PlcDeviation *deviation)
{
  GPtrArray *history = plc_deviation_get_history (deviation);

  json_builder_begin_object (builder);
  add_string (builder, "ref", plc_deviation_get_ref (deviation));
  add_string (builder, "title", plc_deviation_get_title (deviation));
  add_string (builder, "description", plc_deviation_get_description (deviation));
  add_date (builder, "occurred_on", plc_deviation_get_occurred_on (deviation));
  add_enum (builder, "direction", PLC_TYPE_DEVIATION_DIRECTION, plc_deviation_get_direction (deviation));
  add_string (builder, "unit", plc_deviation_get_unit (deviation));
  add_enum (builder, "category", PLC_TYPE_DEVIATION_CATEGORY, plc_deviation_get_category (deviation));
  add_string (builder, "placement", plc_deviation_get_placement_ref (deviation));
  add_string (builder, "rule", plc_deviation_get_rule (deviation));
  add_string (builder, "profile", plc_deviation_get_profile (deviation));
  add_enum (builder, "status", PLC_TYPE_DEVIATION_STATUS, plc_deviation_get_status (deviation));
  add_string (builder, "conclusion", plc_deviation_get_conclusion (deviation));
  add_integer (builder, "escalation_step", plc_deviation_get_escalation_step (deviation), 0);

  if (history != NULL && history->len > 0)
    {
      json_builder_set_member_name (builder, "history");
      json_builder_begin_array (builder);
      for (guint i = 0; i < history->len; i++)
        {
          PlcDeviationEvent *event = g_ptr_array_index (history, i);

          json_builder_begin_object (builder);
          add_string (builder, "at", event->at);
          add_string (builder, "user", event->user);
          add_enum (builder, "status", PLC_TYPE_DEVIATION_STATUS, event->status);
          add_integer (builder, "escalation_step", event->escalation_step, 0);
          add_string (builder, "note", event->note);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
}

typedef void (*WriteRecordFunc) (JsonBuilder *builder,
                                 gpointer     record);

static void
write_records (JsonBuilder     *builder,
               const char      *name,
               GPtrArray       *records,
               WriteRecordFunc  func)
{
  if (records == NULL || records->len == 0)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < records->len; i++)
    func (builder, g_ptr_array_index (records, i));
  json_builder_end_array (builder);
}

static void
print_string (GString    *out,
              const char *text)
{
  g_autofree char *valid = NULL;

  /* The model holds UTF-8; should anything else slip in, write what JSON
   * can hold rather than a file that cannot be read back. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

static void
print_indent (GString *out,
              guint    level)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

/* Prints @node pretty, keeping the order of the members. Only what the
 * writer builds appears: objects, arrays, strings, integers and booleans. */
static void
print_node (GString  *out,
            JsonNode *node,
            guint     level)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        if (members == NULL)
          {
            g_string_append (out, "{}");
            break;
          }

        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            print_indent (out, level + 1);
            print_string (out, l->data);
            g_string_append (out, ": ");
            print_node (out, json_object_get_member (object, l->data), level + 1);
            if (l->next != NULL)
              g_string_append_c (out, ',');
          }
        print_indent (out, level);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            print_indent (out, level + 1);
            print_node (out, json_array_get_element (array, i), level + 1);
            if (i + 1 < n)
              g_string_append_c (out, ',');
          }
        print_indent (out, level);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        print_string (out, json_node_get_string (node));
      else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      else if (json_node_get_value_type (node) == G_TYPE_INT64)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      else
        g_assert_not_reached ();
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Checks that @dataset can be written completely: every record has a ref,
 * refs are unique, and every placement, step and contact log entry belongs
 * to a child or placement in @dataset. */
static gboolean
check_dataset (PlcDataset  *dataset,
               GError     **error)
{
  GPtrArray *children = plc_dataset_get_children (dataset);
  GPtrArray *placements = plc_dataset_get_placements (dataset);
  GPtrArray *steps = plc_dataset_get_step_statuses (dataset);
  GPtrArray *log = plc_dataset_get_contact_log (dataset);
  GPtrArray *contacts = plc_dataset_get_contacts (dataset);
  GPtrArray *deviations = plc_dataset_get_deviations (dataset);
  g_autoptr(GHashTable) child_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) placement_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) contact_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) deviation_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const struct
  {
    GPtrArray  *records;
    GHashTable *refs;
  } kinds[] = {
    { children, child_refs },
    { placements, placement_refs },
    { contacts, contact_refs },
    { deviations, deviation_refs },
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      for (guint i = 0; i < kinds[k].records->len; i++)
        {
          g_autofree char *ref = NULL;

          g_object_get (g_ptr_array_index (kinds[k].records, i), "ref", &ref, NULL);
          if (ref == NULL || *ref == '\0')
            {
              g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                                   _("A record to export has no reference"));
              return FALSE;
            }
          if (g_hash_table_contains (kinds[k].refs, ref))
            {
              g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                           /* Translators: %s is a record's reference, such as “child-12” */
                           _("The reference “%s” is used by two records to export"), ref);
              return FALSE;
            }
          g_hash_table_add (kinds[k].refs, g_steal_pointer (&ref));
        }
    }

  for (guint i = 0; i < placements->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (placements, i);

      if (!g_hash_table_contains (child_refs, nonnull (plc_placement_get_child_ref (placement))))
        {
          g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                       /* Translators: %s is a placement's reference, such as “pl-12” */
                       _("The placement “%s” belongs to a child who is not among the records to export"),
                       plc_placement_get_ref (placement));
          return FALSE;
        }
    }

  for (guint i = 0; i < steps->len; i++)
    {
      PlcStepStatus *step = g_ptr_array_index (steps, i);

      if (!g_hash_table_contains (placement_refs, nonnull (plc_step_status_get_placement_ref (step))))
        {
          g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                               _("A step status belongs to a placement that is not among the records to export"));
          return FALSE;
        }
    }

  for (guint i = 0; i < log->len; i++)
    {
      PlcContactLogEntry *entry = g_ptr_array_index (log, i);

      if (!g_hash_table_contains (child_refs, nonnull (plc_contact_log_entry_get_child_ref (entry))))
        {
          g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                               _("A contact log entry belongs to a child who is not among the records to export"));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * plc_interchange_write:
 * @dataset: the records to write
 * @length: (out) (optional): where to store the length of the text in bytes
 *
 * Writes @dataset as an interchange file (INTERCHANGE.md): UTF-8 JSON,
 * pretty-printed, with its keys in a fixed order, leaving out fields that
 * are not set, and ending in a newline. Reading the result back and writing
 * it again gives the same bytes.
 *
 * Placements are written inside their child, steps inside their placement
 * and contact log entries inside their child, all matched by ref and kept in
 * the order of @dataset. Records whose child or placement is not in @dataset
 * cannot be written and are left out with a warning:
 * plc_interchange_write_file() refuses such a dataset instead.
 *
 * Returns: (transfer full): the text, nul-terminated
 */
char *
plc_interchange_write (PlcDataset *dataset,
                       gsize      *length)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) check_error = NULL;
  GPtrArray *children;
  WriteIndex index = { NULL };
  GString *out;

  g_return_val_if_fail (PLC_IS_DATASET (dataset), NULL);

  if (!check_dataset (dataset, &check_error))
    g_warning ("Records left out of the export: %s", check_error->message);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, PLC_INTERCHANGE_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, PLC_INTERCHANGE_VERSION);

  children = plc_dataset_get_children (dataset);
  if (children->len > 0)
    {
      json_builder_set_member_name (builder, "children");
      json_builder_begin_array (builder);
      write_index_init (&index, dataset);
      for (guint i = 0; i < children->len; i++)
        write_child (builder, &index, g_ptr_array_index (children, i));
      write_index_clear (&index);
      json_builder_end_array (builder);
    }

  write_records (builder, "contacts", plc_dataset_get_contacts (dataset),
                 (WriteRecordFunc) write_contact);
  write_records (builder, "deviations", plc_dataset_get_deviations (dataset),
                 (WriteRecordFunc) write_deviation);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  out = g_string_new (NULL);
  print_node (out, root, 0);
  g_string_append_c (out, '\n');

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

/**
 * plc_interchange_write_file:
 * @dataset: the records to write
 * @file: where to write them
 * @error: return location for a #GError
 *
 * Writes @dataset to @file as plc_interchange_write() does, replacing @file
 * atomically: a crash or a full disk leaves either the old file or the new
 * one, never a part. A local file is readable by its owner only, and is
 * never a database or one of its files (see plc_output_file_new()).
 *
 * A dataset that cannot be written completely (a record without a ref, two
 * records with one ref, a placement whose child is not in @dataset) is
 * refused with %PLC_ERROR_INVALID, and @file is left alone.
 *
 * Returns: %TRUE on success
 */
gboolean
plc_interchange_write_file (PlcDataset  *dataset,
                            GFile       *file,
                            GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  gsize length;

  g_return_val_if_fail (PLC_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_dataset (dataset, error))
    return FALSE;

  contents = plc_interchange_write (dataset, &length);

  path = g_file_get_path (file);
  if (path != NULL)
    {
      /* A temporary file beside it, flushed to disk and renamed over it;
       * never over a database */
      return plc_output_file_set_contents (path, contents, length, PLC_OUTPUT_FILE_PRIVATE, error);
    }

  return g_file_replace_contents (file, contents, length, NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE, NULL, NULL, error);
}

/* }}} */
