/* plc-profile.c: agreement profiles, the rules as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-profile"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdarg.h>
#include <string.h>

#include "plc-error.h"
#include "plc-json.h"
#include "plc-municipality.h"
#include "plc-profile.h"

#define PROFILE_FORMAT 1
#define ALL_LEGAL_BASES ((1u << (PLC_LEGAL_BASIS_LVU6 + 1)) - 1)
#define ALL_FORMS ((1u << (PLC_PLACEMENT_FORM_SIS + 1)) - 1)
#define LVU_BASES ((1u << PLC_LEGAL_BASIS_LVU2) | (1u << PLC_LEGAL_BASIS_LVU3) | (1u << PLC_LEGAL_BASIS_LVU6))
#define MAX_AGE 20

typedef struct
{
  char *sv;
  char *en;
} Text;

typedef enum
{
  TRI_ANY = -1,
  TRI_NO = 0,
  TRI_YES = 1,
} Tri;

typedef struct
{
  char    *act;
  char    *paragraph;
  char    *old;
  gboolean check;
} Reference;

typedef struct
{
  PlcAnchor kind;
  char     *rule_id;
} Anchor;

typedef struct
{
  char *id;
  Text  title;
} Part;

struct _PlcRule
{
  PlcProfile *profile;  /* unowned: the profile owns its rules */
  char       *id;
  Text        title;
  Text        description;
  GArray     *references;  /* of Reference */
  char       *section;
  PlcParty    responsible;

  guint       legal_bases;  /* bit mask of PlcLegalBasis */
  guint       forms;        /* bit mask of PlcPlacementForm */
  int         min_age;
  int         max_age;
  Tri         acute;
  Tri         asylum_seeker;
  Tri         other_region;
  Tri         restriction;
  Tri         undocumented;
  Tri         other_municipality;
  Tri         lvu_international;
  PlcDate     started_from;    /* 0: any */
  PlcDate     started_before;  /* 0: any */
  int         max_age_at_end;  /* -1: any */
  int         max_age_at_due;  /* -1: any */

  GArray     *anchors;      /* of Anchor */
  PlcOffset   offset;
  gboolean    recurs;
  PlcOffset   every;
  gboolean    from_completion;
  int         until_age;    /* -1: none */
  gboolean    not_needed;
  gboolean    local_routine;
  gboolean    statutory;    /* lag (1930:173) 2 § moves its last day */
  GArray     *parts;        /* of Part */
};

struct _PlcEscalationLevel
{
  int       level;
  Text      body;
  Text      description;
  gboolean  has_notice;
  PlcOffset notice;
  gboolean  in_writing;
};

typedef struct
{
  char *id;
  Text  title;
  char *section;
} Indicator;

typedef struct
{
  Text       title;
  char      *section;
  GPtrArray *levels;  /* of PlcEscalationLevel */
} DisputeLadder;

struct _PlcProfile
{
  GObject         parent_instance;

  char           *id;
  char           *version;
  PlcProfileKind  kind;
  Text            name;
  Text            description;
  Text            document;
  char           *region;
  char           *path;
  gboolean        shipped;

  GStrv           party_names;
  GHashTable     *party_codes;  /* municipality code set */

  PlcDate         valid_from;
  PlcDate         valid_to;
  gboolean        has_extension;
  PlcOffset       extension;
  Text            extension_condition;
  gboolean        extension_in_effect;
  Text            notice;
  Text            review;

  guint           scope_legal_bases;
  guint           scope_forms;
  int             scope_min_age;
  int             scope_max_age;

  GPtrArray      *rules;        /* of PlcRule */
  GPtrArray      *escalation;   /* of PlcEscalationLevel */
  GPtrArray      *dispute_ladders;  /* of DisputeLadder */
  char           *deviation_system;
  char           *deviation_event_category;
  char           *deviation_title;
  GArray         *indicators;   /* of Indicator */
};

G_DEFINE_FINAL_TYPE (PlcProfile, plc_profile, G_TYPE_OBJECT)

static void
text_clear (Text *text)
{
  g_clear_pointer (&text->sv, g_free);
  g_clear_pointer (&text->en, g_free);
}

/* The language of a profile's texts follows the user interface: the
 * Swedish catalogue translates this marker to "sv". */
gboolean
plc_profile_texts_in_swedish (void)
{
  /* Translators: answer "sv" here; it makes agreement profiles show their
   * Swedish texts.  Do not translate it into anything else. */
  return g_str_equal (C_("profile text language", "en"), "sv");
}

static const char *
text_get (const Text *text)
{
  if (text->sv == NULL)
    return NULL;

  return plc_profile_texts_in_swedish () ? text->sv : text->en;
}

static void
reference_clear (gpointer data)
{
  Reference *ref = data;

  g_free (ref->act);
  g_free (ref->paragraph);
  g_free (ref->old);
}

static void
anchor_clear (gpointer data)
{
  Anchor *anchor = data;

  g_free (anchor->rule_id);
}

static void
part_clear (gpointer data)
{
  Part *part = data;

  g_free (part->id);
  text_clear (&part->title);
}

static void
indicator_clear (gpointer data)
{
  Indicator *indicator = data;

  g_free (indicator->id);
  g_free (indicator->section);
  text_clear (&indicator->title);
}

static PlcRule *
rule_new (PlcProfile *profile)
{
  PlcRule *rule = g_new0 (PlcRule, 1);

  rule->profile = profile;
  rule->references = g_array_new (FALSE, TRUE, sizeof (Reference));
  g_array_set_clear_func (rule->references, reference_clear);
  rule->anchors = g_array_new (FALSE, TRUE, sizeof (Anchor));
  g_array_set_clear_func (rule->anchors, anchor_clear);
  rule->parts = g_array_new (FALSE, TRUE, sizeof (Part));
  g_array_set_clear_func (rule->parts, part_clear);
  rule->legal_bases = ALL_LEGAL_BASES;
  rule->forms = ALL_FORMS;
  rule->min_age = 0;
  rule->max_age = MAX_AGE;
  rule->acute = TRI_ANY;
  rule->asylum_seeker = TRI_ANY;
  rule->other_region = TRI_ANY;
  rule->restriction = TRI_ANY;
  rule->undocumented = TRI_ANY;
  rule->other_municipality = TRI_ANY;
  rule->lvu_international = TRI_ANY;
  rule->max_age_at_end = -1;
  rule->max_age_at_due = -1;
  rule->until_age = -1;

  return rule;
}

static void
rule_free (gpointer data)
{
  PlcRule *rule = data;

  g_free (rule->id);
  text_clear (&rule->title);
  text_clear (&rule->description);
  g_array_unref (rule->references);
  g_free (rule->section);
  g_array_unref (rule->anchors);
  g_array_unref (rule->parts);
  g_free (rule);
}

static void
escalation_level_free (gpointer data)
{
  PlcEscalationLevel *level = data;

  text_clear (&level->body);
  text_clear (&level->description);
  g_free (level);
}

static void
dispute_ladder_free (gpointer data)
{
  DisputeLadder *ladder = data;

  text_clear (&ladder->title);
  g_free (ladder->section);
  g_ptr_array_unref (ladder->levels);
  g_free (ladder);
}

static void
plc_profile_finalize (GObject *object)
{
  PlcProfile *self = (PlcProfile *)object;

  g_free (self->id);
  g_free (self->version);
  text_clear (&self->name);
  text_clear (&self->description);
  text_clear (&self->document);
  g_free (self->region);
  g_free (self->path);
  g_strfreev (self->party_names);
  g_hash_table_unref (self->party_codes);
  text_clear (&self->extension_condition);
  text_clear (&self->notice);
  text_clear (&self->review);
  g_ptr_array_unref (self->rules);
  g_ptr_array_unref (self->escalation);
  g_ptr_array_unref (self->dispute_ladders);
  g_free (self->deviation_system);
  g_free (self->deviation_event_category);
  g_free (self->deviation_title);
  g_array_unref (self->indicators);

  G_OBJECT_CLASS (plc_profile_parent_class)->finalize (object);
}

static void
plc_profile_class_init (PlcProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plc_profile_finalize;
}

static void
plc_profile_init (PlcProfile *self)
{
  self->party_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rules = g_ptr_array_new_with_free_func (rule_free);
  self->escalation = g_ptr_array_new_with_free_func (escalation_level_free);
  self->dispute_ladders = g_ptr_array_new_with_free_func (dispute_ladder_free);
  self->indicators = g_array_new (FALSE, TRUE, sizeof (Indicator));
  g_array_set_clear_func (self->indicators, indicator_clear);
  self->scope_legal_bases = ALL_LEGAL_BASES;
  self->scope_forms = ALL_FORMS;
  self->scope_max_age = MAX_AGE;
}

/* Loading
 *
 * Every check names the JSON path of what it refuses and says what was
 * expected.  Nothing is half-loaded: a profile that fails is dropped whole.
 */

typedef struct
{
  const char *name;      /* the file, for messages */
  PlcProfile *profile;
  PlcProfile *baseline;  /* for rule: anchors of a regional profile */
  GError    **error;
} Loader;

static gboolean G_GNUC_PRINTF (3, 4)
refuse (Loader     *loader,
        const char *path,
        const char *format,
        ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: the first %s is a file name, the second a place in it
   * such as $.rules[3].offset.unit, the third what is wrong there. */
  g_set_error (loader->error, PLC_ERROR, PLC_ERROR_INVALID,
               _("%s: %s: %s"), loader->name, path, what);
  return FALSE;
}

static gboolean
check_members (Loader             *loader,
               const char         *path,
               JsonObject         *object,
               const char * const *allowed)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (allowed, l->data))
        {
          g_autofree char *list = g_strjoinv (", ", (char **)allowed);

          return refuse (loader, path,
                         _("unknown member “%s” (expected only %s)"),
                         (const char *)l->data, list);
        }
    }

  return TRUE;
}

static char *
member_path (const char *path,
             const char *member)
{
  return g_strdup_printf ("%s.%s", path, member);
}

static char *
index_path (const char *path,
            guint       index)
{
  return g_strdup_printf ("%s[%u]", path, index);
}

/* Returns the member's node, or NULL (with an error unless @optional). */
static JsonNode *
get_member (Loader     *loader,
            const char *path,
            JsonObject *object,
            const char *member,
            gboolean    optional)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL && !optional)
    {
      g_autofree char *p = member_path (path, member);
      refuse (loader, p, _("missing; it is required"));
    }

  return node;
}

static JsonObject *
expect_object (Loader     *loader,
               const char *path,
               JsonNode   *node)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      refuse (loader, path, _("expected an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

static JsonArray *
expect_array (Loader     *loader,
              const char *path,
              JsonNode   *node)
{
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      refuse (loader, path, _("expected an array"));
      return NULL;
    }

  return json_node_get_array (node);
}

static gboolean
expect_string (Loader      *loader,
               const char  *path,
               JsonNode    *node,
               gboolean     nullable,
               char       **out)
{
  const char *value;

  if (nullable && JSON_NODE_HOLDS_NULL (node))
    {
      *out = NULL;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return refuse (loader, path, nullable ? _("expected a string or null")
                                          : _("expected a string"));

  value = json_node_get_string (node);
  {
    g_autofree char *copy = g_strstrip (g_strdup (value));

    if (*copy == '\0')
      return refuse (loader, path, _("expected a non-empty string"));
  }

  *out = g_strdup (value);
  return TRUE;
}

static gboolean
expect_int (Loader     *loader,
            const char *path,
            JsonNode   *node,
            int         min,
            int         max,
            int        *out)
{
  gint64 value;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return refuse (loader, path, _("expected a whole number"));

  value = json_node_get_int (node);
  if (value < min || value > max)
    return refuse (loader, path, _("expected a whole number from %d to %d"), min, max);

  *out = (int)value;
  return TRUE;
}

static gboolean
expect_bool (Loader     *loader,
             const char *path,
             JsonNode   *node,
             gboolean   *out)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return refuse (loader, path, _("expected true or false"));

  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
is_id (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
        return FALSE;
    }

  return TRUE;
}

static gboolean
expect_id (Loader      *loader,
           const char  *path,
           JsonNode    *node,
           char       **out)
{
  g_autofree char *value = NULL;

  if (!expect_string (loader, path, node, FALSE, &value))
    return FALSE;

  if (!is_id (value))
    return refuse (loader, path,
                   _("expected an id of lower-case letters a-z, digits and “-”, got “%s”"),
                   value);

  *out = g_steal_pointer (&value);
  return TRUE;
}

static gboolean
expect_text (Loader     *loader,
             const char *path,
             JsonNode   *node,
             Text       *out)
{
  static const char * const members[] = { "sv", "en", NULL };
  JsonObject *object;
  JsonNode *sv, *en;
  g_autofree char *sv_path = member_path (path, "sv");
  g_autofree char *en_path = member_path (path, "en");

  if ((object = expect_object (loader, path, node)) == NULL ||
      !check_members (loader, path, object, members) ||
      (sv = get_member (loader, path, object, "sv", FALSE)) == NULL ||
      (en = get_member (loader, path, object, "en", FALSE)) == NULL)
    return FALSE;

  if (!expect_string (loader, sv_path, sv, FALSE, &out->sv))
    return FALSE;

  if (!expect_string (loader, en_path, en, FALSE, &out->en))
    {
      g_clear_pointer (&out->sv, g_free);
      return FALSE;
    }

  return TRUE;
}

static gboolean
expect_date (Loader     *loader,
             const char *path,
             JsonNode   *node,
             gboolean    nullable,
             PlcDate    *out)
{
  g_autofree char *text = NULL;

  if (!expect_string (loader, path, node, nullable, &text))
    return FALSE;

  if (text == NULL)
    {
      *out = PLC_DATE_NONE;
      return TRUE;
    }

  if (!plc_date_parse_iso (text, out, NULL))
    return refuse (loader, path, _("expected a date as YYYY-MM-DD, got “%s”"), text);

  return TRUE;
}

static gboolean
expect_offset (Loader     *loader,
               const char *path,
               JsonNode   *node,
               gboolean    positive,
               PlcOffset  *out)
{
  static const char * const members[] = { "amount", "unit", NULL };
  JsonObject *object;
  JsonNode *amount, *unit;
  g_autofree char *amount_path = member_path (path, "amount");
  g_autofree char *unit_path = member_path (path, "unit");
  g_autofree char *unit_text = NULL;

  if ((object = expect_object (loader, path, node)) == NULL ||
      !check_members (loader, path, object, members) ||
      (amount = get_member (loader, path, object, "amount", FALSE)) == NULL ||
      (unit = get_member (loader, path, object, "unit", FALSE)) == NULL ||
      !expect_int (loader, amount_path, amount, positive ? 1 : -3650, 3650, &out->amount) ||
      !expect_string (loader, unit_path, unit, FALSE, &unit_text))
    return FALSE;

  if (!plc_offset_unit_from_string (unit_text, &out->unit))
    return refuse (loader, unit_path,
                   _("expected one of days, weeks, months or years, got “%s”"),
                   unit_text);

  return TRUE;
}

/* An enumeration list such as ["SoL", "LVU2"] as a bit mask. */
static gboolean
expect_enum_mask (Loader     *loader,
                  const char *path,
                  JsonNode   *node,
                  GType       enum_type,
                  guint      *out)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  JsonArray *array;
  guint mask = 0;

  if ((array = expect_array (loader, path, node)) == NULL)
    return FALSE;

  if (json_array_get_length (array) == 0)
    return refuse (loader, path, _("expected at least one value"));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = index_path (path, i);
      g_autofree char *value = NULL;
      GEnumValue *enum_value;

      if (!expect_string (loader, item_path, json_array_get_element (array, i), FALSE, &value))
        return FALSE;

      enum_value = g_enum_get_value_by_nick (klass, value);
      if (enum_value == NULL)
        {
          g_autoptr(GString) expected = g_string_new (NULL);

          for (guint v = 0; v < klass->n_values; v++)
            g_string_append_printf (expected, "%s%s", v > 0 ? ", " : "",
                                    klass->values[v].value_nick);
          return refuse (loader, item_path, _("expected one of %s, got “%s”"),
                         expected->str, value);
        }

      mask |= 1u << enum_value->value;
    }

  *out = mask;
  return TRUE;
}

static gboolean
load_parties (Loader     *loader,
              const char *path,
              JsonNode   *node)
{
  static const char * const members[] = { "name", "municipalities", NULL };
  PlcProfile *profile = loader->profile;
  g_autoptr(GPtrArray) names = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  JsonArray *array;

  if ((array = expect_array (loader, path, node)) == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = index_path (path, i);
      JsonNode *item = json_array_get_element (array, i);
      const PlcMunicipality *municipality;

      if (JSON_NODE_HOLDS_OBJECT (item))
        {
          JsonObject *object = json_node_get_object (item);
          g_autofree char *name_path = member_path (item_path, "name");
          g_autofree char *list_path = member_path (item_path, "municipalities");
          g_autofree char *name = NULL;
          JsonNode *name_node, *list_node;
          JsonArray *list;

          if (!check_members (loader, item_path, object, members) ||
              (name_node = get_member (loader, item_path, object, "name", FALSE)) == NULL ||
              (list_node = get_member (loader, item_path, object, "municipalities", FALSE)) == NULL ||
              !expect_string (loader, name_path, name_node, FALSE, &name) ||
              (list = expect_array (loader, list_path, list_node)) == NULL)
            return FALSE;

          if (json_array_get_length (list) == 0)
            return refuse (loader, list_path, _("expected at least one municipality"));

          for (guint j = 0; j < json_array_get_length (list); j++)
            {
              g_autofree char *m_path = index_path (list_path, j);
              g_autofree char *m_name = NULL;

              if (!expect_string (loader, m_path, json_array_get_element (list, j), FALSE, &m_name))
                return FALSE;

              if ((municipality = plc_municipality_lookup (m_name, NULL)) == NULL)
                return refuse (loader, m_path,
                               _("expected the name of a Swedish municipality, got “%s”"),
                               m_name);

              g_hash_table_add (profile->party_codes, g_strdup (municipality->code));
            }

          g_ptr_array_add (names, g_steal_pointer (&name));
        }
      else
        {
          g_autofree char *name = NULL;

          if (!expect_string (loader, item_path, item, FALSE, &name))
            return FALSE;

          if ((municipality = plc_municipality_lookup (name, NULL)) == NULL)
            return refuse (loader, item_path,
                           _("expected the name of a Swedish municipality, got “%s”"),
                           name);

          if (!g_hash_table_add (profile->party_codes, g_strdup (municipality->code)))
            return refuse (loader, item_path, _("“%s” is listed twice"), name);

          g_ptr_array_add (names, g_steal_pointer (&name));
        }
    }

  profile->party_names = (GStrv)g_ptr_array_steal (names, NULL);
  return TRUE;
}

static gboolean
load_validity (Loader     *loader,
               const char *path,
               JsonNode   *node)
{
  static const char * const members[] = {
    "valid_from", "valid_to", "extension", "notice", "review", NULL
  };
  static const char * const extension_members[] = {
    "amount", "unit", "condition", "in_effect", NULL
  };
  PlcProfile *profile = loader->profile;
  JsonObject *object;
  JsonNode *from, *to, *member;
  g_autofree char *from_path = member_path (path, "valid_from");
  g_autofree char *to_path = member_path (path, "valid_to");
  g_autofree char *extension_path = member_path (path, "extension");
  g_autofree char *notice_path = member_path (path, "notice");
  g_autofree char *review_path = member_path (path, "review");

  if ((object = expect_object (loader, path, node)) == NULL ||
      !check_members (loader, path, object, members) ||
      (from = get_member (loader, path, object, "valid_from", FALSE)) == NULL ||
      (to = get_member (loader, path, object, "valid_to", FALSE)) == NULL ||
      !expect_date (loader, from_path, from, FALSE, &profile->valid_from) ||
      !expect_date (loader, to_path, to, TRUE, &profile->valid_to))
    return FALSE;

  if (profile->valid_to != PLC_DATE_NONE && profile->valid_to < profile->valid_from)
    return refuse (loader, to_path, _("expected a date on or after valid_from"));

  if ((member = get_member (loader, path, object, "extension", TRUE)) != NULL)
    {
      g_autofree char *condition_path = member_path (extension_path, "condition");
      g_autofree char *in_effect_path = member_path (extension_path, "in_effect");
      g_autoptr(JsonObject) offset_object = json_object_new ();
      g_autoptr(JsonNode) offset_node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *extension;
      JsonNode *amount, *unit, *condition, *in_effect;

      if ((extension = expect_object (loader, extension_path, member)) == NULL ||
          !check_members (loader, extension_path, extension, extension_members) ||
          (amount = get_member (loader, extension_path, extension, "amount", FALSE)) == NULL ||
          (unit = get_member (loader, extension_path, extension, "unit", FALSE)) == NULL ||
          (condition = get_member (loader, extension_path, extension, "condition", FALSE)) == NULL ||
          (in_effect = get_member (loader, extension_path, extension, "in_effect", FALSE)) == NULL)
        return FALSE;

      if (profile->valid_to == PLC_DATE_NONE)
        return refuse (loader, extension_path,
                       _("an extension needs a valid_to date to extend"));

      json_object_set_member (offset_object, "amount", json_node_copy (amount));
      json_object_set_member (offset_object, "unit", json_node_copy (unit));
      json_node_set_object (offset_node, offset_object);
      if (!expect_offset (loader, extension_path, offset_node, TRUE, &profile->extension) ||
          !expect_text (loader, condition_path, condition, &profile->extension_condition) ||
          !expect_bool (loader, in_effect_path, in_effect, &profile->extension_in_effect))
        return FALSE;

      profile->has_extension = TRUE;
    }

  if ((member = get_member (loader, path, object, "notice", TRUE)) != NULL &&
      !expect_text (loader, notice_path, member, &profile->notice))
    return FALSE;

  if ((member = get_member (loader, path, object, "review", TRUE)) != NULL &&
      !expect_text (loader, review_path, member, &profile->review))
    return FALSE;

  return TRUE;
}

static gboolean
load_age_range (Loader     *loader,
                const char *path,
                JsonObject *object,
                int        *min_age,
                int        *max_age,
                gboolean    optional)
{
  g_autofree char *min_path = member_path (path, "min_age");
  g_autofree char *max_path = member_path (path, "max_age");
  JsonNode *node;

  if ((node = get_member (loader, path, object, "min_age", optional)) != NULL)
    {
      if (!expect_int (loader, min_path, node, 0, MAX_AGE, min_age))
        return FALSE;
    }
  else if (!optional)
    return FALSE;

  if ((node = get_member (loader, path, object, "max_age", optional)) != NULL)
    {
      if (!expect_int (loader, max_path, node, 0, MAX_AGE, max_age))
        return FALSE;
    }
  else if (!optional)
    return FALSE;

  if (*min_age > *max_age)
    return refuse (loader, max_path, _("expected a maximum age of at least min_age (%d)"),
                   *min_age);

  return TRUE;
}

static gboolean
load_scope (Loader     *loader,
            const char *path,
            JsonNode   *node)
{
  static const char * const members[] = {
    "legal_bases", "forms", "min_age", "max_age", NULL
  };
  PlcProfile *profile = loader->profile;
  g_autofree char *bases_path = member_path (path, "legal_bases");
  g_autofree char *forms_path = member_path (path, "forms");
  JsonObject *object;
  JsonNode *bases, *forms;

  return (object = expect_object (loader, path, node)) != NULL &&
         check_members (loader, path, object, members) &&
         (bases = get_member (loader, path, object, "legal_bases", FALSE)) != NULL &&
         (forms = get_member (loader, path, object, "forms", FALSE)) != NULL &&
         expect_enum_mask (loader, bases_path, bases, PLC_TYPE_LEGAL_BASIS,
                           &profile->scope_legal_bases) &&
         expect_enum_mask (loader, forms_path, forms, PLC_TYPE_PLACEMENT_FORM,
                           &profile->scope_forms) &&
         load_age_range (loader, path, object, &profile->scope_min_age,
                         &profile->scope_max_age, FALSE);
}

static gboolean
load_tri (Loader     *loader,
          const char *path,
          JsonObject *object,
          const char *member,
          Tri        *out)
{
  g_autofree char *p = member_path (path, member);
  JsonNode *node = json_object_get_member (object, member);
  gboolean value;

  if (node == NULL)
    return TRUE;

  if (!expect_bool (loader, p, node, &value))
    return FALSE;

  *out = value ? TRI_YES : TRI_NO;
  return TRUE;
}

static gboolean
load_when (Loader     *loader,
           const char *path,
           JsonNode   *node,
           PlcRule    *rule)
{
  static const char * const members[] = {
    "legal_bases", "forms", "min_age", "max_age", "acute", "asylum_seeker",
    "other_region", "lvu", "restriction", "started_from", "started_before",
    "max_age_at_end", "max_age_at_due", "undocumented", "other_municipality",
    "lvu_international", NULL
  };
  g_autofree char *bases_path = member_path (path, "legal_bases");
  g_autofree char *forms_path = member_path (path, "forms");
  g_autofree char *from_path = member_path (path, "started_from");
  g_autofree char *before_path = member_path (path, "started_before");
  g_autofree char *end_age_path = member_path (path, "max_age_at_end");
  g_autofree char *due_age_path = member_path (path, "max_age_at_due");
  JsonObject *object;
  JsonNode *member;
  Tri lvu = TRI_ANY;

  if ((object = expect_object (loader, path, node)) == NULL ||
      !check_members (loader, path, object, members))
    return FALSE;

  if ((member = json_object_get_member (object, "legal_bases")) != NULL &&
      !expect_enum_mask (loader, bases_path, member, PLC_TYPE_LEGAL_BASIS, &rule->legal_bases))
    return FALSE;

  if ((member = json_object_get_member (object, "forms")) != NULL &&
      !expect_enum_mask (loader, forms_path, member, PLC_TYPE_PLACEMENT_FORM, &rule->forms))
    return FALSE;

  if (!load_age_range (loader, path, object, &rule->min_age, &rule->max_age, TRUE) ||
      !load_tri (loader, path, object, "acute", &rule->acute) ||
      !load_tri (loader, path, object, "asylum_seeker", &rule->asylum_seeker) ||
      !load_tri (loader, path, object, "other_region", &rule->other_region) ||
      !load_tri (loader, path, object, "restriction", &rule->restriction) ||
      !load_tri (loader, path, object, "undocumented", &rule->undocumented) ||
      !load_tri (loader, path, object, "other_municipality", &rule->other_municipality) ||
      !load_tri (loader, path, object, "lvu_international", &rule->lvu_international) ||
      !load_tri (loader, path, object, "lvu", &lvu))
    return FALSE;

  if ((member = json_object_get_member (object, "started_from")) != NULL &&
      !expect_date (loader, from_path, member, FALSE, &rule->started_from))
    return FALSE;

  if ((member = json_object_get_member (object, "started_before")) != NULL &&
      !expect_date (loader, before_path, member, FALSE, &rule->started_before))
    return FALSE;

  if (rule->started_from != PLC_DATE_NONE && rule->started_before != PLC_DATE_NONE &&
      rule->started_before <= rule->started_from)
    return refuse (loader, before_path, _("expected a date after started_from"));

  if ((member = json_object_get_member (object, "max_age_at_end")) != NULL &&
      !expect_int (loader, end_age_path, member, 0, MAX_AGE, &rule->max_age_at_end))
    return FALSE;

  if ((member = json_object_get_member (object, "max_age_at_due")) != NULL &&
      !expect_int (loader, due_age_path, member, 0, MAX_AGE, &rule->max_age_at_due))
    return FALSE;

  /* "lvu" is a short way of naming the LVU legal bases */
  if (lvu == TRI_YES)
    rule->legal_bases &= LVU_BASES;
  else if (lvu == TRI_NO)
    rule->legal_bases &= ~LVU_BASES;

  if (rule->legal_bases == 0)
    return refuse (loader, path,
                   _("“lvu” and “legal_bases” contradict each other: no legal basis is left"));

  return TRUE;
}

static const struct
{
  const char *name;
  PlcAnchor   kind;
} anchor_names[] = {
  { "placement-start", PLC_ANCHOR_PLACEMENT_START },
  { "custody-decided", PLC_ANCHOR_CUSTODY_DECIDED },
  { "custody-carried-out", PLC_ANCHOR_CUSTODY_CARRIED_OUT },
  { "planned-end", PLC_ANCHOR_PLANNED_END },
  { "placement-end", PLC_ANCHOR_PLACEMENT_END },
  { "investigation-closed", PLC_ANCHOR_INVESTIGATION_CLOSED },
  { "restriction-decided", PLC_ANCHOR_RESTRICTION_DECIDED },
  { "care-start", PLC_ANCHOR_CARE_START },
  { "home-start", PLC_ANCHOR_HOME_START },
  { "discharge-notice", PLC_ANCHOR_DISCHARGE_NOTICE },
  { "temporary-moving-ban-decided", PLC_ANCHOR_TEMPORARY_MOVING_BAN },
};

/**
 * plc_anchor_to_string:
 *
 * Returns: the anchor's id in profile files, such as "placement-start";
 *   "rule" for %PLC_ANCHOR_RULE (whose files say "rule:ID")
 */
const char *
plc_anchor_to_string (PlcAnchor anchor)
{
  for (guint i = 0; i < G_N_ELEMENTS (anchor_names); i++)
    {
      if (anchor_names[i].kind == anchor)
        return anchor_names[i].name;
    }

  return anchor == PLC_ANCHOR_RULE ? "rule" : NULL;
}

static gboolean
load_anchor (Loader     *loader,
             const char *path,
             JsonNode   *node,
             PlcRule    *rule)
{
  g_autofree char *text = NULL;
  Anchor anchor = { 0, };

  if (!expect_string (loader, path, node, FALSE, &text))
    return FALSE;

  if (g_str_has_prefix (text, "rule:"))
    {
      if (!is_id (text + strlen ("rule:")))
        return refuse (loader, path, _("expected “rule:” followed by a rule id, got “%s”"),
                       text);

      anchor.kind = PLC_ANCHOR_RULE;
      anchor.rule_id = g_strdup (text + strlen ("rule:"));
      g_array_append_val (rule->anchors, anchor);
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (anchor_names); i++)
    {
      if (g_str_equal (text, anchor_names[i].name))
        {
          anchor.kind = anchor_names[i].kind;
          g_array_append_val (rule->anchors, anchor);
          return TRUE;
        }
    }

  return refuse (loader, path,
                 _("expected placement-start, custody-decided, custody-carried-out, "
                   "planned-end, placement-end, investigation-closed, "
                   "restriction-decided, care-start, home-start, discharge-notice, "
                   "temporary-moving-ban-decided or rule:ID, got “%s”"),
                 text);
}

static gboolean
load_references (Loader     *loader,
                 const char *path,
                 JsonNode   *node,
                 PlcRule    *rule)
{
  static const char * const members[] = { "act", "paragraph", "old", "check", NULL };
  JsonArray *array;

  if ((array = expect_array (loader, path, node)) == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = index_path (path, i);
      g_autofree char *act_path = member_path (item_path, "act");
      g_autofree char *paragraph_path = member_path (item_path, "paragraph");
      g_autofree char *old_path = member_path (item_path, "old");
      g_autofree char *check_path = member_path (item_path, "check");
      JsonObject *object;
      JsonNode *act, *paragraph, *member;
      Reference ref = { 0, };

      g_array_append_val (rule->references, ref);
      Reference *r = &g_array_index (rule->references, Reference, rule->references->len - 1);

      if ((object = expect_object (loader, item_path, json_array_get_element (array, i))) == NULL ||
          !check_members (loader, item_path, object, members) ||
          (act = get_member (loader, item_path, object, "act", FALSE)) == NULL ||
          (paragraph = get_member (loader, item_path, object, "paragraph", FALSE)) == NULL ||
          !expect_string (loader, act_path, act, FALSE, &r->act) ||
          !expect_string (loader, paragraph_path, paragraph, FALSE, &r->paragraph))
        return FALSE;

      if ((member = json_object_get_member (object, "old")) != NULL &&
          !expect_string (loader, old_path, member, TRUE, &r->old))
        return FALSE;

      if ((member = json_object_get_member (object, "check")) != NULL &&
          !expect_bool (loader, check_path, member, &r->check))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_recurrence (Loader     *loader,
                 const char *path,
                 JsonNode   *node,
                 PlcRule    *rule)
{
  static const char * const members[] = { "every", "from", "until_age", NULL };
  g_autofree char *every_path = member_path (path, "every");
  g_autofree char *from_path = member_path (path, "from");
  g_autofree char *until_path = member_path (path, "until_age");
  g_autofree char *from = NULL;
  JsonObject *object;
  JsonNode *every, *from_node, *until;

  if ((object = expect_object (loader, path, node)) == NULL ||
      !check_members (loader, path, object, members) ||
      (every = get_member (loader, path, object, "every", FALSE)) == NULL ||
      (from_node = get_member (loader, path, object, "from", FALSE)) == NULL ||
      !expect_offset (loader, every_path, every, TRUE, &rule->every) ||
      !expect_string (loader, from_path, from_node, FALSE, &from))
    return FALSE;

  if (g_str_equal (from, "completion"))
    rule->from_completion = TRUE;
  else if (!g_str_equal (from, "due"))
    return refuse (loader, from_path, _("expected due or completion, got “%s”"), from);

  if ((until = json_object_get_member (object, "until_age")) != NULL &&
      !expect_int (loader, until_path, until, 1, MAX_AGE + 1, &rule->until_age))
    return FALSE;

  rule->recurs = TRUE;
  return TRUE;
}

static gboolean
load_parts (Loader     *loader,
            const char *path,
            JsonNode   *node,
            PlcRule    *rule)
{
  static const char * const members[] = { "id", "title", NULL };
  JsonArray *array;

  if ((array = expect_array (loader, path, node)) == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = index_path (path, i);
      g_autofree char *id_path = member_path (item_path, "id");
      g_autofree char *title_path = member_path (item_path, "title");
      JsonObject *object;
      JsonNode *id, *title;
      Part part = { 0, };

      g_array_append_val (rule->parts, part);
      Part *p = &g_array_index (rule->parts, Part, rule->parts->len - 1);

      if ((object = expect_object (loader, item_path, json_array_get_element (array, i))) == NULL ||
          !check_members (loader, item_path, object, members) ||
          (id = get_member (loader, item_path, object, "id", FALSE)) == NULL ||
          (title = get_member (loader, item_path, object, "title", FALSE)) == NULL ||
          !expect_id (loader, id_path, id, &p->id) ||
          !expect_text (loader, title_path, title, &p->title))
        return FALSE;

      for (guint j = 0; j + 1 < rule->parts->len; j++)
        {
          if (g_str_equal (g_array_index (rule->parts, Part, j).id, p->id))
            return refuse (loader, id_path, _("the part “%s” is listed twice"), p->id);
        }
    }

  return TRUE;
}

static gboolean
load_rule (Loader     *loader,
           const char *path,
           JsonNode   *node)
{
  static const char * const members[] = {
    "id", "title", "description", "references", "section", "responsible",
    "when", "anchor", "offset", "recurrence", "not_needed", "local_routine",
    "statutory", "parts", NULL
  };
  g_autofree char *id_path = member_path (path, "id");
  g_autofree char *title_path = member_path (path, "title");
  g_autofree char *description_path = member_path (path, "description");
  g_autofree char *references_path = member_path (path, "references");
  g_autofree char *section_path = member_path (path, "section");
  g_autofree char *responsible_path = member_path (path, "responsible");
  g_autofree char *when_path = member_path (path, "when");
  g_autofree char *anchor_path = member_path (path, "anchor");
  g_autofree char *offset_path = member_path (path, "offset");
  g_autofree char *recurrence_path = member_path (path, "recurrence");
  g_autofree char *not_needed_path = member_path (path, "not_needed");
  g_autofree char *local_routine_path = member_path (path, "local_routine");
  g_autofree char *parts_path = member_path (path, "parts");
  g_autofree char *statutory_path = member_path (path, "statutory");
  g_autofree char *responsible = NULL;
  PlcRule *rule = rule_new (loader->profile);
  JsonObject *object;
  JsonNode *id, *title, *description, *references, *section, *responsible_node;
  JsonNode *anchor, *offset, *not_needed, *local_routine, *member;

  /* Owned by the profile from here, so that a failure frees it */
  g_ptr_array_add (loader->profile->rules, rule);

  if ((object = expect_object (loader, path, node)) == NULL ||
      !check_members (loader, path, object, members) ||
      (id = get_member (loader, path, object, "id", FALSE)) == NULL ||
      (title = get_member (loader, path, object, "title", FALSE)) == NULL ||
      (description = get_member (loader, path, object, "description", FALSE)) == NULL ||
      (references = get_member (loader, path, object, "references", FALSE)) == NULL ||
      (section = get_member (loader, path, object, "section", FALSE)) == NULL ||
      (responsible_node = get_member (loader, path, object, "responsible", FALSE)) == NULL ||
      (anchor = get_member (loader, path, object, "anchor", FALSE)) == NULL ||
      (offset = get_member (loader, path, object, "offset", FALSE)) == NULL ||
      (not_needed = get_member (loader, path, object, "not_needed", FALSE)) == NULL ||
      (local_routine = get_member (loader, path, object, "local_routine", FALSE)) == NULL)
    return FALSE;

  if (!expect_id (loader, id_path, id, &rule->id) ||
      !expect_text (loader, title_path, title, &rule->title) ||
      !expect_text (loader, description_path, description, &rule->description) ||
      !load_references (loader, references_path, references, rule) ||
      !expect_string (loader, section_path, section, TRUE, &rule->section) ||
      !expect_string (loader, responsible_path, responsible_node, FALSE, &responsible))
    return FALSE;

  if (!plc_party_from_string (responsible, &rule->responsible))
    return refuse (loader, responsible_path,
                   _("expected one of municipality, region, both, board or court, got “%s”"),
                   responsible);

  if ((member = json_object_get_member (object, "when")) != NULL &&
      !load_when (loader, when_path, member, rule))
    return FALSE;

  if (JSON_NODE_HOLDS_ARRAY (anchor))
    {
      JsonArray *anchors = json_node_get_array (anchor);

      if (json_array_get_length (anchors) == 0)
        return refuse (loader, anchor_path, _("expected at least one anchor"));

      for (guint i = 0; i < json_array_get_length (anchors); i++)
        {
          g_autofree char *item_path = index_path (anchor_path, i);

          if (!load_anchor (loader, item_path, json_array_get_element (anchors, i), rule))
            return FALSE;
        }
    }
  else if (!load_anchor (loader, anchor_path, anchor, rule))
    return FALSE;

  if (!expect_offset (loader, offset_path, offset, FALSE, &rule->offset) ||
      !expect_bool (loader, not_needed_path, not_needed, &rule->not_needed) ||
      !expect_bool (loader, local_routine_path, local_routine, &rule->local_routine))
    return FALSE;

  if ((member = json_object_get_member (object, "recurrence")) != NULL &&
      !load_recurrence (loader, recurrence_path, member, rule))
    return FALSE;

  if ((member = json_object_get_member (object, "statutory")) != NULL &&
      !expect_bool (loader, statutory_path, member, &rule->statutory))
    return FALSE;

  if (rule->statutory && rule->local_routine)
    return refuse (loader, statutory_path,
                   _("a period the law sets (“statutory”) cannot be a local routine "
                     "(“local_routine”)"));

  if ((member = json_object_get_member (object, "parts")) != NULL &&
      !load_parts (loader, parts_path, member, rule))
    return FALSE;

  return TRUE;
}

static gboolean
load_levels (Loader     *loader,
             const char *path,
             JsonNode   *node,
             GPtrArray  *levels)
{
  static const char * const members[] = {
    "level", "body", "description", "notice", "in_writing", NULL
  };
  JsonArray *array;

  if ((array = expect_array (loader, path, node)) == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = index_path (path, i);
      g_autofree char *level_path = member_path (item_path, "level");
      g_autofree char *body_path = member_path (item_path, "body");
      g_autofree char *description_path = member_path (item_path, "description");
      g_autofree char *notice_path = member_path (item_path, "notice");
      g_autofree char *in_writing_path = member_path (item_path, "in_writing");
      PlcEscalationLevel *level = g_new0 (PlcEscalationLevel, 1);
      JsonObject *object;
      JsonNode *number, *body, *description, *member;

      g_ptr_array_add (levels, level);

      if ((object = expect_object (loader, item_path, json_array_get_element (array, i))) == NULL ||
          !check_members (loader, item_path, object, members) ||
          (number = get_member (loader, item_path, object, "level", FALSE)) == NULL ||
          (body = get_member (loader, item_path, object, "body", FALSE)) == NULL ||
          (description = get_member (loader, item_path, object, "description", FALSE)) == NULL ||
          !expect_int (loader, level_path, number, 1, 100, &level->level) ||
          !expect_text (loader, body_path, body, &level->body) ||
          !expect_text (loader, description_path, description, &level->description))
        return FALSE;

      if (level->level != (int)i + 1)
        return refuse (loader, level_path, _("expected level %u: levels count 1, 2, 3… in order"),
                       i + 1);

      if ((member = json_object_get_member (object, "notice")) != NULL)
        {
          if (!expect_offset (loader, notice_path, member, TRUE, &level->notice))
            return FALSE;
          level->has_notice = TRUE;
        }

      if ((member = json_object_get_member (object, "in_writing")) != NULL &&
          !expect_bool (loader, in_writing_path, member, &level->in_writing))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_dispute_ladders (Loader     *loader,
                      const char *path,
                      JsonNode   *node)
{
  static const char * const members[] = { "title", "section", "levels", NULL };
  JsonArray *array;

  if ((array = expect_array (loader, path, node)) == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = index_path (path, i);
      g_autofree char *title_path = member_path (item_path, "title");
      g_autofree char *section_path = member_path (item_path, "section");
      g_autofree char *levels_path = member_path (item_path, "levels");
      DisputeLadder *ladder = g_new0 (DisputeLadder, 1);
      JsonObject *object;
      JsonNode *title, *section, *levels;

      ladder->levels = g_ptr_array_new_with_free_func (escalation_level_free);
      g_ptr_array_add (loader->profile->dispute_ladders, ladder);

      if ((object = expect_object (loader, item_path, json_array_get_element (array, i))) == NULL ||
          !check_members (loader, item_path, object, members) ||
          (title = get_member (loader, item_path, object, "title", FALSE)) == NULL ||
          (section = get_member (loader, item_path, object, "section", FALSE)) == NULL ||
          (levels = get_member (loader, item_path, object, "levels", FALSE)) == NULL ||
          !expect_text (loader, title_path, title, &ladder->title) ||
          !expect_string (loader, section_path, section, TRUE, &ladder->section) ||
          !load_levels (loader, levels_path, levels, ladder->levels))
        return FALSE;

      if (ladder->levels->len == 0)
        return refuse (loader, levels_path, _("expected at least one level"));
    }

  return TRUE;
}

static gboolean
load_deviation_labels (Loader     *loader,
                       const char *path,
                       JsonNode   *node)
{
  static const char * const members[] = { "system", "event_category", "title", NULL };
  PlcProfile *profile = loader->profile;
  g_autofree char *system_path = member_path (path, "system");
  g_autofree char *category_path = member_path (path, "event_category");
  g_autofree char *title_path = member_path (path, "title");
  JsonObject *object;
  JsonNode *system, *category, *title;

  return (object = expect_object (loader, path, node)) != NULL &&
         check_members (loader, path, object, members) &&
         (system = get_member (loader, path, object, "system", FALSE)) != NULL &&
         (category = get_member (loader, path, object, "event_category", FALSE)) != NULL &&
         (title = get_member (loader, path, object, "title", FALSE)) != NULL &&
         expect_string (loader, system_path, system, FALSE, &profile->deviation_system) &&
         expect_string (loader, category_path, category, FALSE, &profile->deviation_event_category) &&
         expect_string (loader, title_path, title, FALSE, &profile->deviation_title);
}

static gboolean
load_indicators (Loader     *loader,
                 const char *path,
                 JsonNode   *node)
{
  static const char * const members[] = { "id", "title", "section", NULL };
  JsonArray *array;

  if ((array = expect_array (loader, path, node)) == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = index_path (path, i);
      g_autofree char *id_path = member_path (item_path, "id");
      g_autofree char *title_path = member_path (item_path, "title");
      g_autofree char *section_path = member_path (item_path, "section");
      JsonObject *object;
      JsonNode *id, *title, *section;
      Indicator indicator = { 0, };

      g_array_append_val (loader->profile->indicators, indicator);
      Indicator *ind = &g_array_index (loader->profile->indicators, Indicator,
                                       loader->profile->indicators->len - 1);

      if ((object = expect_object (loader, item_path, json_array_get_element (array, i))) == NULL ||
          !check_members (loader, item_path, object, members) ||
          (id = get_member (loader, item_path, object, "id", FALSE)) == NULL ||
          (title = get_member (loader, item_path, object, "title", FALSE)) == NULL ||
          (section = get_member (loader, item_path, object, "section", FALSE)) == NULL ||
          !expect_id (loader, id_path, id, &ind->id) ||
          !expect_text (loader, title_path, title, &ind->title) ||
          !expect_string (loader, section_path, section, TRUE, &ind->section))
        return FALSE;
    }

  return TRUE;
}

static gboolean
expect_version (Loader      *loader,
                const char  *path,
                JsonNode    *node,
                char       **out)
{
  g_autofree char *value = NULL;
  g_auto(GStrv) parts = NULL;

  if (!expect_string (loader, path, node, FALSE, &value))
    return FALSE;

  parts = g_strsplit (value, ".", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gboolean ok = parts[i][0] != '\0' && strlen (parts[i]) <= 9;

      for (const char *p = parts[i]; ok && *p != '\0'; p++)
        ok = g_ascii_isdigit (*p);

      if (!ok)
        return refuse (loader, path,
                       _("expected numbers separated by dots, such as 2022.1, got “%s”"),
                       value);
    }

  *out = g_steal_pointer (&value);
  return TRUE;
}

/* Two conditions overlap unless some dimension keeps them apart. */
static gboolean
when_overlaps (const PlcRule *a,
               const PlcRule *b)
{
  if ((a->legal_bases & b->legal_bases) == 0 ||
      (a->forms & b->forms) == 0 ||
      a->max_age < b->min_age || b->max_age < a->min_age)
    return FALSE;

  /* Start dates: [from, before) ranges that do not meet */
  if ((a->started_before != PLC_DATE_NONE && b->started_from != PLC_DATE_NONE &&
       a->started_before <= b->started_from) ||
      (b->started_before != PLC_DATE_NONE && a->started_from != PLC_DATE_NONE &&
       b->started_before <= a->started_from))
    return FALSE;

#define TRI_APART(x, y) ((x) != TRI_ANY && (y) != TRI_ANY && (x) != (y))
  if (TRI_APART (a->acute, b->acute) ||
      TRI_APART (a->asylum_seeker, b->asylum_seeker) ||
      TRI_APART (a->other_region, b->other_region) ||
      TRI_APART (a->restriction, b->restriction) ||
      TRI_APART (a->undocumented, b->undocumented) ||
      TRI_APART (a->other_municipality, b->other_municipality) ||
      TRI_APART (a->lvu_international, b->lvu_international))
    return FALSE;
#undef TRI_APART

  return TRUE;
}

static gboolean
rule_id_known (Loader     *loader,
               const char *rule_id)
{
  return plc_profile_has_rule_id (loader->profile, rule_id) ||
         (loader->baseline != NULL && plc_profile_has_rule_id (loader->baseline, rule_id));
}

/* The rules a rule: anchor leads to, in this profile, or else the baseline. */
static gboolean
anchor_cycle_from (Loader     *loader,
                   const char *rule_id,
                   GHashTable *visiting,
                   GHashTable *done)
{
  PlcProfile *owner = plc_profile_has_rule_id (loader->profile, rule_id)
                      ? loader->profile : loader->baseline;

  if (g_hash_table_contains (done, rule_id))
    return FALSE;

  if (g_hash_table_contains (visiting, rule_id))
    return TRUE;

  if (owner == NULL)
    return FALSE;

  g_hash_table_add (visiting, (gpointer)rule_id);

  for (guint i = 0; i < owner->rules->len; i++)
    {
      const PlcRule *rule = g_ptr_array_index (owner->rules, i);

      if (!g_str_equal (rule->id, rule_id))
        continue;

      for (guint j = 0; j < rule->anchors->len; j++)
        {
          const Anchor *anchor = &g_array_index (rule->anchors, Anchor, j);

          if (anchor->kind == PLC_ANCHOR_RULE &&
              anchor_cycle_from (loader, anchor->rule_id, visiting, done))
            return TRUE;
        }
    }

  g_hash_table_remove (visiting, rule_id);
  g_hash_table_add (done, (gpointer)rule_id);
  return FALSE;
}

static gboolean
check_rules (Loader *loader)
{
  PlcProfile *profile = loader->profile;

  for (guint i = 0; i < profile->rules->len; i++)
    {
      const PlcRule *rule = g_ptr_array_index (profile->rules, i);
      g_autofree char *path = g_strdup_printf ("$.rules[%u]", i);

      for (guint j = 0; j < i; j++)
        {
          const PlcRule *other = g_ptr_array_index (profile->rules, j);

          if (g_str_equal (rule->id, other->id) && when_overlaps (rule, other))
            {
              g_autofree char *id_path = member_path (path, "id");

              return refuse (loader, id_path,
                             _("the rule “%s” is also at $.rules[%u], and a placement "
                               "can meet the conditions (“when”) of both"),
                             rule->id, j);
            }
        }

      for (guint j = 0; j < rule->anchors->len; j++)
        {
          const Anchor *anchor = &g_array_index (rule->anchors, Anchor, j);
          g_autofree char *anchor_path = g_strdup_printf ("%s.anchor", path);

          if (anchor->kind != PLC_ANCHOR_RULE)
            continue;

          if (g_str_equal (anchor->rule_id, rule->id))
            return refuse (loader, anchor_path,
                           _("the rule “%s” cannot count from itself"), rule->id);

          if (!rule_id_known (loader, anchor->rule_id))
            return refuse (loader, anchor_path,
                           _("expected a rule of this profile or of the national baseline, "
                             "but there is no rule “%s”"),
                           anchor->rule_id);
        }
    }

  for (guint i = 0; i < profile->rules->len; i++)
    {
      const PlcRule *rule = g_ptr_array_index (profile->rules, i);
      g_autoptr(GHashTable) visiting = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);

      if (anchor_cycle_from (loader, rule->id, visiting, done))
        {
          g_autofree char *path = g_strdup_printf ("$.rules[%u].anchor", i);

          return refuse (loader, path,
                         _("the rules count from each other in a circle, through “%s”"),
                         rule->id);
        }
    }

  return TRUE;
}

static gboolean
load_root (Loader   *loader,
           JsonNode *root)
{
  static const char * const members[] = {
    "format", "id", "version", "kind", "name", "description", "document",
    "region", "parties", "validity", "scope", "rules", "escalation",
    "dispute_ladders", "deviation_labels", "indicators", NULL
  };
  PlcProfile *profile = loader->profile;
  g_autofree char *kind = NULL;
  JsonObject *object;
  JsonNode *node;
  JsonArray *rules;
  int format;

  if ((object = expect_object (loader, "$", root)) == NULL ||
      !check_members (loader, "$", object, members))
    return FALSE;

  if ((node = get_member (loader, "$", object, "format", FALSE)) == NULL ||
      !expect_int (loader, "$.format", node, PROFILE_FORMAT, PROFILE_FORMAT, &format))
    return FALSE;

  if ((node = get_member (loader, "$", object, "id", FALSE)) == NULL ||
      !expect_id (loader, "$.id", node, &profile->id) ||
      (node = get_member (loader, "$", object, "version", FALSE)) == NULL ||
      !expect_version (loader, "$.version", node, &profile->version) ||
      (node = get_member (loader, "$", object, "kind", FALSE)) == NULL ||
      !expect_string (loader, "$.kind", node, FALSE, &kind))
    return FALSE;

  if (g_str_equal (kind, "baseline"))
    profile->kind = PLC_PROFILE_KIND_BASELINE;
  else if (g_str_equal (kind, "regional"))
    profile->kind = PLC_PROFILE_KIND_REGIONAL;
  else
    return refuse (loader, "$.kind", _("expected baseline or regional, got “%s”"), kind);

  if (profile->kind == PLC_PROFILE_KIND_BASELINE && !g_str_equal (profile->id, "national"))
    return refuse (loader, "$.kind",
                   _("only the profile with the id “national” can be the baseline"));

  if ((node = get_member (loader, "$", object, "name", FALSE)) == NULL ||
      !expect_text (loader, "$.name", node, &profile->name) ||
      (node = get_member (loader, "$", object, "description", FALSE)) == NULL ||
      !expect_text (loader, "$.description", node, &profile->description) ||
      (node = get_member (loader, "$", object, "document", FALSE)) == NULL ||
      !expect_text (loader, "$.document", node, &profile->document) ||
      (node = get_member (loader, "$", object, "region", FALSE)) == NULL ||
      !expect_string (loader, "$.region", node, TRUE, &profile->region))
    return FALSE;

  if (profile->kind == PLC_PROFILE_KIND_REGIONAL)
    {
      if (profile->region == NULL || plc_region_get (profile->region) == NULL)
        return refuse (loader, "$.region",
                       _("expected the two-digit code of a Swedish county, such as “20”"));
    }
  else if (profile->region != NULL)
    return refuse (loader, "$.region", _("expected null: the baseline covers every region"));

  if ((node = get_member (loader, "$", object, "parties", FALSE)) == NULL ||
      !load_parties (loader, "$.parties", node))
    return FALSE;

  if (profile->kind == PLC_PROFILE_KIND_REGIONAL && g_hash_table_size (profile->party_codes) == 0)
    return refuse (loader, "$.parties", _("expected at least one municipality"));
  if (profile->kind == PLC_PROFILE_KIND_BASELINE && g_hash_table_size (profile->party_codes) > 0)
    return refuse (loader, "$.parties", _("expected none: the baseline covers every municipality"));

  if ((node = get_member (loader, "$", object, "validity", FALSE)) == NULL ||
      !load_validity (loader, "$.validity", node) ||
      (node = get_member (loader, "$", object, "scope", FALSE)) == NULL ||
      !load_scope (loader, "$.scope", node) ||
      (node = get_member (loader, "$", object, "rules", FALSE)) == NULL ||
      (rules = expect_array (loader, "$.rules", node)) == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      g_autofree char *path = index_path ("$.rules", i);

      if (!load_rule (loader, path, json_array_get_element (rules, i)))
        return FALSE;
    }

  if ((node = get_member (loader, "$", object, "escalation", FALSE)) == NULL ||
      !load_levels (loader, "$.escalation", node, profile->escalation))
    return FALSE;

  if ((node = get_member (loader, "$", object, "dispute_ladders", TRUE)) != NULL &&
      !load_dispute_ladders (loader, "$.dispute_ladders", node))
    return FALSE;

  if ((node = get_member (loader, "$", object, "deviation_labels", TRUE)) != NULL &&
      !load_deviation_labels (loader, "$.deviation_labels", node))
    return FALSE;

  if ((node = get_member (loader, "$", object, "indicators", FALSE)) == NULL ||
      !load_indicators (loader, "$.indicators", node))
    return FALSE;

  return check_rules (loader);
}

/**
 * plc_profile_load_from_data:
 * @data: the file's contents
 * @length: the length of @data, or -1 if it is nul-terminated
 * @name: what to call the file in messages
 * @baseline: (nullable): the national baseline, which a regional profile's
 *   `rule:` anchors may name
 * @error: return location for a %PLC_ERROR_INVALID error naming the JSON
 *   path of the first problem
 *
 * Returns: (transfer full): the profile, or %NULL
 */
PlcProfile *
plc_profile_load_from_data (const char  *data,
                            gssize       length,
                            const char  *name,
                            PlcProfile  *baseline,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(PlcProfile) profile = NULL;
  g_autoptr(GError) local_error = NULL;
  Loader loader = { name, NULL, baseline, error };

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (baseline == NULL || PLC_IS_PROFILE (baseline), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (data);

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   _("%s: the file is not UTF-8 text"), name);
      return NULL;
    }

  /* Size, depth and strings, before json-glib recurses or cuts a string */
  if (!plc_json_check_text (data, (gsize) length, PLC_PROFILE_MAX_SIZE, &local_error))
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: the first %s is a file name, the second says what is wrong */
                   _("%s: %s"), name, local_error->message);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib's message says where: line and column */
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   _("%s: not valid JSON: %s"), name, local_error->message);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   _("%s: the file is empty"), name);
      return NULL;
    }

  profile = g_object_new (PLC_TYPE_PROFILE, NULL);
  loader.profile = profile;
  if (baseline == profile)
    loader.baseline = NULL;

  if (!load_root (&loader, json_parser_get_root (parser)))
    return NULL;

  return g_steal_pointer (&profile);
}

/**
 * plc_profile_read_file:
 * @path: a profile file
 * @contents: (out) (transfer full): its bytes, with a NUL after them
 * @length: (out): how many
 * @error: return location for a %PLC_ERROR error that starts with the
 *   file's name: %PLC_ERROR_NOT_FOUND when there is no such file,
 *   %PLC_ERROR_INVALID (naming the limit) when it is larger than
 *   %PLC_PROFILE_MAX_SIZE, which is then not read on, %PLC_ERROR_FAILED
 *   when it cannot be read
 *
 * Returns: %TRUE if @contents holds the whole file
 */
gboolean
plc_profile_read_file (const char  *path,
                       char       **contents,
                       gsize       *length,
                       GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_file_new_for_path (path);
  if (plc_json_read_file (file, PLC_PROFILE_MAX_SIZE, contents, length, &local_error))
    return TRUE;

  name = g_filename_display_name (path);
  if (local_error->domain == PLC_ERROR)
    g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                 _("%s: %s"), name, local_error->message);
  else
    g_set_error (error, PLC_ERROR,
                 g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                 ? PLC_ERROR_NOT_FOUND : PLC_ERROR_FAILED,
                 _("%s: cannot be read: %s"), name, local_error->message);

  return FALSE;
}

/**
 * plc_profile_load_from_file:
 * @path: a profile file
 * @baseline: (nullable): the national baseline
 * @error: return location for an error
 *
 * Returns: (transfer full): the profile, or %NULL
 */
PlcProfile *
plc_profile_load_from_file (const char  *path,
                            PlcProfile  *baseline,
                            GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  PlcProfile *profile;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!plc_profile_read_file (path, &contents, &length, error))
    return NULL;

  name = g_filename_display_name (path);
  profile = plc_profile_load_from_data (contents, length, name, baseline, error);
  if (profile != NULL)
    plc_profile_set_path (profile, path);

  return profile;
}

/* Getters */

const char *
plc_profile_get_id (PlcProfile *self)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), NULL);
  return self->id;
}

const char *
plc_profile_get_version (PlcProfile *self)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), NULL);
  return self->version;
}

PlcProfileKind
plc_profile_get_kind (PlcProfile *self)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), PLC_PROFILE_KIND_REGIONAL);
  return self->kind;
}

const char *
plc_profile_get_name (PlcProfile *self)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), NULL);
  return text_get (&self->name);
}

const char *
plc_profile_get_description (PlcProfile *self)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), NULL);
  return text_get (&self->description);
}

const char *
plc_profile_get_document (PlcProfile *self)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), NULL);
  return text_get (&self->document);
}

const char *
plc_profile_get_region (PlcProfile *self)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), NULL);
  return self->region;
}

const char *
plc_profile_get_path (PlcProfile *self)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), NULL);
  return self->path;
}

void
plc_profile_set_path (PlcProfile *self,
                      const char *path)
{
  g_return_if_fail (PLC_IS_PROFILE (self));
  if (g_strcmp0 (self->path, path) != 0)
    {
      g_free (self->path);
      self->path = g_strdup (path);
    }
}

gboolean
plc_profile_get_shipped (PlcProfile *self)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), FALSE);
  return self->shipped;
}

void
plc_profile_set_shipped (PlcProfile *self,
                         gboolean    shipped)
{
  g_return_if_fail (PLC_IS_PROFILE (self));
  self->shipped = !!shipped;
}

const char * const *
plc_profile_get_party_names (PlcProfile *self)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), NULL);
  return (const char * const *)self->party_names;
}

gboolean
plc_profile_has_party (PlcProfile *self,
                       const char *municipality_code)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), FALSE);

  return municipality_code != NULL &&
         g_hash_table_contains (self->party_codes, municipality_code);
}

PlcDate
plc_profile_get_valid_from (PlcProfile *self)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), PLC_DATE_NONE);
  return self->valid_from;
}

PlcDate
plc_profile_get_valid_to (PlcProfile *self)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), PLC_DATE_NONE);
  return self->valid_to;
}

/**
 * plc_profile_get_effective_end:
 *
 * Returns: the last day the agreement is in force, counting an extension
 *   that is in effect, or %PLC_DATE_NONE if it runs until further notice
 */
PlcDate
plc_profile_get_effective_end (PlcProfile *self)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), PLC_DATE_NONE);

  if (self->valid_to == PLC_DATE_NONE)
    return PLC_DATE_NONE;

  if (self->has_extension && self->extension_in_effect)
    return plc_offset_apply (self->extension, self->valid_to);

  return self->valid_to;
}

gboolean
plc_profile_get_extension (PlcProfile  *self,
                           PlcOffset   *offset,
                           const char **condition,
                           gboolean    *in_effect)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), FALSE);

  if (!self->has_extension)
    return FALSE;

  if (offset != NULL)
    *offset = self->extension;
  if (condition != NULL)
    *condition = text_get (&self->extension_condition);
  if (in_effect != NULL)
    *in_effect = self->extension_in_effect;

  return TRUE;
}

const char *
plc_profile_get_notice (PlcProfile *self)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), NULL);
  return text_get (&self->notice);
}

const char *
plc_profile_get_review (PlcProfile *self)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), NULL);
  return text_get (&self->review);
}

gboolean
plc_profile_is_valid_on (PlcProfile *self,
                         PlcDate     date)
{
  PlcDate end;

  g_return_val_if_fail (PLC_IS_PROFILE (self), FALSE);

  end = plc_profile_get_effective_end (self);
  return date >= self->valid_from && (end == PLC_DATE_NONE || date <= end);
}

/**
 * plc_profile_scope_covers:
 * @why_not: (out) (optional): a translated sentence saying what the scope
 *   leaves out, when it does not cover the placement
 */
gboolean
plc_profile_scope_covers (PlcProfile        *self,
                          PlcLegalBasis      legal_basis,
                          PlcPlacementForm   form,
                          int                age,
                          char             **why_not)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), FALSE);

  if ((self->scope_legal_bases & (1u << legal_basis)) == 0)
    {
      if (why_not != NULL)
        *why_not = g_strdup_printf (_("%s does not cover placements under %s."),
                                    plc_profile_get_name (self),
                                    plc_legal_basis_get_display_name (legal_basis));
      return FALSE;
    }

  if ((self->scope_forms & (1u << form)) == 0)
    {
      if (why_not != NULL)
        *why_not = g_strdup_printf (_("%s does not cover placements in the form %s."),
                                    plc_profile_get_name (self),
                                    plc_placement_form_get_display_name (form));
      return FALSE;
    }

  if (age >= 0 && (age < self->scope_min_age || age > self->scope_max_age))
    {
      if (why_not != NULL)
        *why_not = g_strdup_printf (_("%s covers only ages %d to %d at the start."),
                                    plc_profile_get_name (self),
                                    self->scope_min_age, self->scope_max_age);
      return FALSE;
    }

  return TRUE;
}

guint
plc_profile_get_n_rules (PlcProfile *self)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), 0);
  return self->rules->len;
}

const PlcRule *
plc_profile_get_rule (PlcProfile *self,
                      guint       index)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), NULL);
  g_return_val_if_fail (index < self->rules->len, NULL);
  return g_ptr_array_index (self->rules, index);
}

gboolean
plc_profile_has_rule_id (PlcProfile *self,
                         const char *rule_id)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), FALSE);

  for (guint i = 0; i < self->rules->len; i++)
    {
      const PlcRule *rule = g_ptr_array_index (self->rules, i);

      if (rule->id != NULL && g_str_equal (rule->id, rule_id))
        return TRUE;
    }

  return FALSE;
}

guint
plc_profile_get_n_escalation_levels (PlcProfile *self)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), 0);
  return self->escalation->len;
}

const PlcEscalationLevel *
plc_profile_get_escalation_level (PlcProfile *self,
                                  guint       index)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), NULL);
  g_return_val_if_fail (index < self->escalation->len, NULL);
  return g_ptr_array_index (self->escalation, index);
}

const char *
plc_profile_get_deviation_system (PlcProfile *self)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), NULL);
  return self->deviation_system;
}

const char *
plc_profile_get_deviation_event_category (PlcProfile *self)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), NULL);
  return self->deviation_event_category;
}

const char *
plc_profile_get_deviation_title (PlcProfile *self)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), NULL);
  return self->deviation_title;
}

guint
plc_profile_get_n_indicators (PlcProfile *self)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), 0);
  return self->indicators->len;
}

const char *
plc_profile_get_indicator_id (PlcProfile *self,
                              guint       index)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), NULL);
  g_return_val_if_fail (index < self->indicators->len, NULL);
  return g_array_index (self->indicators, Indicator, index).id;
}

const char *
plc_profile_get_indicator_title (PlcProfile *self,
                                 guint       index)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), NULL);
  g_return_val_if_fail (index < self->indicators->len, NULL);
  return text_get (&g_array_index (self->indicators, Indicator, index).title);
}

/**
 * plc_profile_compare_versions:
 *
 * Compares two versions number by number: "2022.10" is newer than
 * "2022.9", and "2022.1" newer than "2022".
 *
 * Returns: negative, 0 or positive as @a is older than, the same as or
 *   newer than @b
 */
int
plc_profile_compare_versions (const char *a,
                              const char *b)
{
  g_auto(GStrv) pa = g_strsplit (a, ".", -1);
  g_auto(GStrv) pb = g_strsplit (b, ".", -1);
  guint i;

  for (i = 0; pa[i] != NULL && pb[i] != NULL; i++)
    {
      guint64 x = g_ascii_strtoull (pa[i], NULL, 10);
      guint64 y = g_ascii_strtoull (pb[i], NULL, 10);

      if (x != y)
        return x < y ? -1 : 1;
    }

  if (pa[i] == NULL && pb[i] == NULL)
    return 0;

  return pa[i] == NULL ? -1 : 1;
}

/* Rules */

PlcProfile *
plc_rule_get_profile (const PlcRule *rule)
{
  return rule->profile;
}

const char *
plc_rule_get_id (const PlcRule *rule)
{
  return rule->id;
}

const char *
plc_rule_get_title (const PlcRule *rule)
{
  return text_get (&rule->title);
}

const char *
plc_rule_get_description (const PlcRule *rule)
{
  return text_get (&rule->description);
}

const char *
plc_rule_get_section (const PlcRule *rule)
{
  return rule->section;
}

PlcParty
plc_rule_get_responsible (const PlcRule *rule)
{
  return rule->responsible;
}

/**
 * plc_rule_dup_references:
 *
 * Returns: the legal references as one line, such as "SoL (2025:400)
 *   22 kap. 7 § (formerly 11 kap. 3 a § SoL (2001:453))", or "" if there
 *   are none
 */
char *
plc_rule_dup_references (const PlcRule *rule)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < rule->references->len; i++)
    {
      const Reference *ref = &g_array_index (rule->references, Reference, i);

      if (i > 0)
        g_string_append (text, "; ");

      g_string_append_printf (text, "%s %s", ref->act, ref->paragraph);
      if (ref->old != NULL)
        /* Translators: a paragraph's number before the law was renumbered */
        g_string_append_printf (text, _(" (formerly %s)"), ref->old);
      if (ref->check)
        g_string_append (text, _(" (unconfirmed)"));
    }

  return g_string_free (text, FALSE);
}

guint
plc_rule_get_n_anchors (const PlcRule *rule)
{
  return rule->anchors->len;
}

PlcAnchor
plc_rule_get_anchor (const PlcRule  *rule,
                     guint           index,
                     const char    **anchor_rule_id)
{
  const Anchor *anchor;

  g_return_val_if_fail (index < rule->anchors->len, PLC_ANCHOR_PLACEMENT_START);

  anchor = &g_array_index (rule->anchors, Anchor, index);
  if (anchor_rule_id != NULL)
    *anchor_rule_id = anchor->rule_id;

  return anchor->kind;
}

PlcOffset
plc_rule_get_offset (const PlcRule *rule)
{
  return rule->offset;
}

gboolean
plc_rule_get_recurrence (const PlcRule *rule,
                         PlcOffset     *every,
                         gboolean      *from_completion,
                         int           *until_age)
{
  if (!rule->recurs)
    return FALSE;

  if (every != NULL)
    *every = rule->every;
  if (from_completion != NULL)
    *from_completion = rule->from_completion;
  if (until_age != NULL)
    *until_age = rule->until_age;

  return TRUE;
}

gboolean
plc_rule_get_not_needed_allowed (const PlcRule *rule)
{
  return rule->not_needed;
}

gboolean
plc_rule_get_local_routine (const PlcRule *rule)
{
  return rule->local_routine;
}

/**
 * plc_rule_get_statutory:
 *
 * Returns: whether the rule's period is set by law, so that a last day on
 *   a Saturday, Sunday, public holiday, midsommarafton, julafton or
 *   nyårsafton moves to the next weekday (lag (1930:173) 2 §)
 */
gboolean
plc_rule_get_statutory (const PlcRule *rule)
{
  return rule->statutory;
}

/**
 * plc_rule_get_max_age_at_due:
 *
 * Returns: the oldest the child may be on a due date for the step to be
 *   required (`when.max_age_at_due`), or -1 for any age
 */
int
plc_rule_get_max_age_at_due (const PlcRule *rule)
{
  return rule->max_age_at_due;
}

/**
 * plc_rule_has_anchor:
 *
 * Returns: whether @anchor is one of the rule's anchors
 */
gboolean
plc_rule_has_anchor (const PlcRule *rule,
                     PlcAnchor      anchor)
{
  for (guint i = 0; i < rule->anchors->len; i++)
    {
      if (g_array_index (rule->anchors, Anchor, i).kind == anchor)
        return TRUE;
    }

  return FALSE;
}

guint
plc_rule_get_n_parts (const PlcRule *rule)
{
  return rule->parts->len;
}

const char *
plc_rule_get_part_id (const PlcRule *rule,
                      guint          index)
{
  g_return_val_if_fail (index < rule->parts->len, NULL);
  return g_array_index (rule->parts, Part, index).id;
}

const char *
plc_rule_get_part_title (const PlcRule *rule,
                         guint          index)
{
  g_return_val_if_fail (index < rule->parts->len, NULL);
  return text_get (&g_array_index (rule->parts, Part, index).title);
}

static void
append_mask (GString    *text,
             guint       mask,
             guint       all,
             GType       enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  gboolean first = TRUE;

  if (mask == all)
    return;

  if (text->len > 0)
    g_string_append (text, ", ");

  for (guint v = 0; v < klass->n_values; v++)
    {
      if ((mask & (1u << klass->values[v].value)) == 0)
        continue;

      g_string_append_printf (text, "%s%s", first ? "" : "/", klass->values[v].value_nick);
      first = FALSE;
    }
}

static void
append_tri (GString    *text,
            Tri         tri,
            const char *yes,
            const char *no)
{
  if (tri == TRI_ANY)
    return;

  if (text->len > 0)
    g_string_append (text, ", ");

  g_string_append (text, tri == TRI_YES ? yes : no);
}

/**
 * plc_rule_dup_conditions:
 *
 * Returns: when the rule applies, in a short translated line, or "" if it
 *   applies to every placement
 */
char *
plc_rule_dup_conditions (const PlcRule *rule)
{
  GString *text = g_string_new (NULL);

  append_mask (text, rule->legal_bases, ALL_LEGAL_BASES, PLC_TYPE_LEGAL_BASIS);
  append_mask (text, rule->forms, ALL_FORMS, PLC_TYPE_PLACEMENT_FORM);
  if (rule->min_age > 0 || rule->max_age < MAX_AGE)
    g_string_append_printf (text, _("%sages %d to %d"), text->len > 0 ? ", " : "",
                            rule->min_age, rule->max_age);
  append_tri (text, rule->acute, _("acute"), _("planned"));
  append_tri (text, rule->asylum_seeker, _("asylum seeker"), _("not an asylum seeker"));
  append_tri (text, rule->other_region, _("placed in another region"),
              _("placed in the home region"));
  append_tri (text, rule->restriction, _("restriction in force"), _("no restriction"));
  append_tri (text, rule->undocumented, _("in Sweden without a permit"),
              _("not in Sweden without a permit"));
  append_tri (text, rule->other_municipality, _("placed in another municipality"),
              _("placed in the placing municipality"));
  append_tri (text, rule->lvu_international, _("Swedish courts cannot decide on care"),
              _("Swedish courts can decide on care"));
  if (rule->started_from != PLC_DATE_NONE)
    {
      g_autofree char *date = plc_date_to_iso (rule->started_from);

      g_string_append_printf (text, _("%sstarted on or after %s"), text->len > 0 ? ", " : "", date);
    }
  if (rule->started_before != PLC_DATE_NONE)
    {
      g_autofree char *date = plc_date_to_iso (rule->started_before);

      g_string_append_printf (text, _("%sstarted before %s"), text->len > 0 ? ", " : "", date);
    }
  if (rule->max_age_at_end >= 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%sat most %d year old at the end",
                                               "%sat most %d years old at the end",
                                               rule->max_age_at_end),
                            text->len > 0 ? ", " : "", rule->max_age_at_end);
  if (rule->max_age_at_due >= 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%sat most %d year old on the due date",
                                               "%sat most %d years old on the due date",
                                               rule->max_age_at_due),
                            text->len > 0 ? ", " : "", rule->max_age_at_due);

  return g_string_free (text, FALSE);
}

/**
 * plc_rule_applies:
 * @facts: what is known of the placement
 *
 * Returns: whether the rule's conditions hold; an unknown age (-1) meets
 *   every age condition, and so does a placement that has not ended for
 *   max_age_at_end
 */
gboolean
plc_rule_applies (const PlcRule      *rule,
                  const PlcRuleFacts *facts)
{
#define TRI_OK(tri, value) ((tri) == TRI_ANY || (tri) == ((value) ? TRI_YES : TRI_NO))
  return (rule->legal_bases & (1u << facts->legal_basis)) != 0 &&
         (rule->forms & (1u << facts->form)) != 0 &&
         (facts->age < 0 || (facts->age >= rule->min_age && facts->age <= rule->max_age)) &&
         TRI_OK (rule->acute, facts->acute) &&
         TRI_OK (rule->asylum_seeker, facts->asylum_seeker) &&
         TRI_OK (rule->other_region, facts->other_region) &&
         TRI_OK (rule->restriction, facts->restriction) &&
         TRI_OK (rule->undocumented, facts->undocumented) &&
         TRI_OK (rule->other_municipality, facts->other_municipality) &&
         TRI_OK (rule->lvu_international, facts->lvu_international) &&
         (rule->started_from == PLC_DATE_NONE || facts->start >= rule->started_from) &&
         (rule->started_before == PLC_DATE_NONE || facts->start < rule->started_before) &&
         (rule->max_age_at_end < 0 || facts->age_at_end < 0 ||
          facts->age_at_end <= rule->max_age_at_end);
#undef TRI_OK
}

int
plc_escalation_level_get_level (const PlcEscalationLevel *level)
{
  return level->level;
}

const char *
plc_escalation_level_get_body (const PlcEscalationLevel *level)
{
  return text_get (&level->body);
}

const char *
plc_escalation_level_get_description (const PlcEscalationLevel *level)
{
  return text_get (&level->description);
}

gboolean
plc_escalation_level_get_notice (const PlcEscalationLevel *level,
                                 PlcOffset                *notice)
{
  if (level->has_notice && notice != NULL)
    *notice = level->notice;

  return level->has_notice;
}

gboolean
plc_escalation_level_get_in_writing (const PlcEscalationLevel *level)
{
  return level->in_writing;
}

/**
 * plc_profile_get_n_dispute_ladders:
 *
 * An agreement may have ladders for disputes other than the one that
 * deviation reports climb (plc_profile_get_escalation_level()): Dalarna's
 * regional disputes over the agreement itself (10.2), beside its local
 * ones (10.3).
 *
 * Returns: how many such ladders the profile has
 */
guint
plc_profile_get_n_dispute_ladders (PlcProfile *self)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), 0);
  return self->dispute_ladders->len;
}

static DisputeLadder *
dispute_ladder (PlcProfile *self,
                guint       ladder)
{
  g_return_val_if_fail (PLC_IS_PROFILE (self), NULL);
  g_return_val_if_fail (ladder < self->dispute_ladders->len, NULL);
  return g_ptr_array_index (self->dispute_ladders, ladder);
}

const char *
plc_profile_get_dispute_ladder_title (PlcProfile *self,
                                      guint       ladder)
{
  DisputeLadder *l = dispute_ladder (self, ladder);

  return l != NULL ? text_get (&l->title) : NULL;
}

const char *
plc_profile_get_dispute_ladder_section (PlcProfile *self,
                                        guint       ladder)
{
  DisputeLadder *l = dispute_ladder (self, ladder);

  return l != NULL ? l->section : NULL;
}

guint
plc_profile_get_dispute_ladder_n_levels (PlcProfile *self,
                                         guint       ladder)
{
  DisputeLadder *l = dispute_ladder (self, ladder);

  return l != NULL ? l->levels->len : 0;
}

const PlcEscalationLevel *
plc_profile_get_dispute_ladder_level (PlcProfile *self,
                                      guint       ladder,
                                      guint       index)
{
  DisputeLadder *l = dispute_ladder (self, ladder);

  g_return_val_if_fail (l != NULL && index < l->levels->len, NULL);
  return g_ptr_array_index (l->levels, index);
}

/**
 * plc_offset_apply:
 *
 * Days and weeks are exact; months and years are calendar months, and a
 * day that does not exist in the target month becomes its last day.
 *
 * Returns: @date moved by @offset, or %PLC_DATE_NONE
 */
PlcDate
plc_offset_apply (PlcOffset offset,
                  PlcDate   date)
{
  switch (offset.unit)
    {
    case PLC_OFFSET_UNIT_DAYS:
      return plc_date_add_days (date, offset.amount);
    case PLC_OFFSET_UNIT_WEEKS:
      return plc_date_add_days (date, offset.amount * 7);
    case PLC_OFFSET_UNIT_MONTHS:
      return plc_date_add_months (date, offset.amount);
    case PLC_OFFSET_UNIT_YEARS:
      return plc_date_add_years (date, offset.amount);
    default:
      g_return_val_if_reached (PLC_DATE_NONE);
    }
}

/**
 * plc_offset_to_display:
 *
 * Returns: the offset's length, without its sign, such as "4 weeks"
 */
char *
plc_offset_to_display (PlcOffset offset)
{
  int n = ABS (offset.amount);

  switch (offset.unit)
    {
    case PLC_OFFSET_UNIT_DAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", n), n);
    case PLC_OFFSET_UNIT_WEEKS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d week", "%d weeks", n), n);
    case PLC_OFFSET_UNIT_MONTHS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month", "%d months", n), n);
    case PLC_OFFSET_UNIT_YEARS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year", "%d years", n), n);
    default:
      g_return_val_if_reached (NULL);
    }
}
