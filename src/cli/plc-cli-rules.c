/* plc-cli-rules.c: the commands about agreement profiles and obligations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "placeringar-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "plc-cli.h"
#include "plc-engine.h"
#include "plc-error.h"
#include "plc-municipality.h"
#include "plc-office.h"
#include "plc-profile-set.h"

int
print_usage_error (const char *command,
                   const char *message)
{
  g_printerr ("placeringar-cli %s: %s\n", command, message);
  return 2;
}

static char *
offset_to_text (PlcOffset offset)
{
  g_autofree char *length = plc_offset_to_display (offset);

  if (offset.amount < 0)
    /* Translators: an offset before its anchor, such as "2 weeks before" */
    return g_strdup_printf (_("%s before"), length);
  if (offset.amount > 0)
    return g_strdup_printf (_("%s after"), length);

  return g_strdup (_("the same day"));
}

static char *
anchors_to_text (const PlcRule *rule)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < plc_rule_get_n_anchors (rule); i++)
    {
      const char *rule_id = NULL;
      PlcAnchor anchor = plc_rule_get_anchor (rule, i, &rule_id);

      if (i > 0)
        g_string_append (text, _(", else "));

      if (anchor == PLC_ANCHOR_RULE)
        g_string_append_printf (text, "rule:%s", rule_id);
      else
        g_string_append (text, plc_anchor_to_string (anchor));
    }

  return g_string_free (text, FALSE);
}

/* profiles */

static int
profiles_list (PlcProfileSet *profiles)
{
  g_autoptr(GPtrArray) list = plc_profile_set_list (profiles);
  const char * const *problems = plc_profile_set_get_problems (profiles);

  for (guint i = 0; i < list->len; i++)
    {
      PlcProfile *profile = g_ptr_array_index (list, i);
      g_autofree char *from = plc_date_to_iso (plc_profile_get_valid_from (profile));
      g_autofree char *to = plc_date_to_iso (plc_profile_get_effective_end (profile));

      g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
               plc_profile_get_id (profile),
               plc_profile_get_version (profile),
               plc_profile_get_kind (profile) == PLC_PROFILE_KIND_BASELINE ? "baseline" : "regional",
               from,
               to != NULL ? to : "-",
               plc_profile_get_shipped (profile) ? "shipped"
               : plc_profile_set_get_from_system (profiles, profile) ? "system" : "imported",
               plc_profile_get_name (profile));
    }

  for (guint i = 0; problems[i] != NULL; i++)
    g_printerr ("placeringar-cli: %s\n", problems[i]);

  return 0;
}

static int
profiles_show (PlcProfileSet *profiles,
               const char    *id)
{
  PlcProfile *profile = plc_profile_set_lookup (profiles, id);
  const char * const *parties;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  PlcOffset extension;
  const char *condition;
  gboolean in_effect;

  if (profile == NULL)
    {
      g_printerr ("placeringar-cli: ");
      g_printerr (_("There is no agreement profile “%s”; “profiles list” shows those there are"), id);
      g_printerr ("\n");
      return 1;
    }

  from = plc_date_to_iso (plc_profile_get_valid_from (profile));
  to = plc_date_to_iso (plc_profile_get_valid_to (profile));

  g_print ("%s (%s %s)\n", plc_profile_get_name (profile), plc_profile_get_id (profile),
           plc_profile_get_version (profile));
  g_print ("%s\n", plc_profile_get_description (profile));
  g_print (_("Document: %s\n"), plc_profile_get_document (profile));
  if (plc_profile_get_region (profile) != NULL)
    g_print (_("Region: %s\n"), plc_region_get (plc_profile_get_region (profile))->name);
  g_print (_("Valid: from %s to %s\n"), from, to != NULL ? to : _("further notice"));
  if (plc_profile_get_extension (profile, &extension, &condition, &in_effect))
    {
      g_autofree char *length = plc_offset_to_display (extension);

      g_print (_("Extension: %s %s (%s)\n"), length, condition,
               in_effect ? _("in effect") : _("not in effect"));
    }
  if (plc_profile_get_notice (profile) != NULL)
    g_print (_("Notice: %s\n"), plc_profile_get_notice (profile));
  if (plc_profile_get_review (profile) != NULL)
    g_print (_("Review: %s\n"), plc_profile_get_review (profile));

  parties = plc_profile_get_party_names (profile);
  if (parties != NULL && parties[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **)parties);

      guint n_parties = g_strv_length ((char **)parties);

      g_print (ngettext ("Party (%u): %s\n", "Parties (%u): %s\n", n_parties), n_parties, joined);
    }

  g_print ("\n");
  g_print (_("Rules:\n"));
  for (guint i = 0; i < plc_profile_get_n_rules (profile); i++)
    {
      const PlcRule *rule = plc_profile_get_rule (profile, i);
      g_autofree char *anchors = anchors_to_text (rule);
      g_autofree char *offset = offset_to_text (plc_rule_get_offset (rule));
      g_autofree char *references = plc_rule_dup_references (rule);
      g_autofree char *conditions = plc_rule_dup_conditions (rule);
      PlcOffset every;

      g_print ("  %s: %s\n", plc_rule_get_id (rule), plc_rule_get_title (rule));
      g_print (_("    due: %s %s%s\n"), offset, anchors,
               plc_rule_get_local_routine (rule) ? _(" (local routine)")
               : plc_rule_get_statutory (rule) ? _(" (set by law: a last day off moves to the next weekday)")
               : "");
      if (plc_rule_get_recurrence (rule, &every, NULL, NULL))
        {
          g_autofree char *length = plc_offset_to_display (every);

          g_print (_("    then every %s\n"), length);
        }
      if (*conditions != '\0')
        g_print (_("    when: %s\n"), conditions);
      g_print (_("    responsible: %s\n"), plc_party_to_string (plc_rule_get_responsible (rule)));
      if (*references != '\0')
        g_print (_("    law: %s\n"), references);
      if (plc_rule_get_section (rule) != NULL)
        g_print (_("    section: %s\n"), plc_rule_get_section (rule));
    }

  if (plc_profile_get_n_escalation_levels (profile) > 0)
    {
      g_print ("\n");
      g_print (_("Escalation:\n"));
      for (guint i = 0; i < plc_profile_get_n_escalation_levels (profile); i++)
        {
          const PlcEscalationLevel *level = plc_profile_get_escalation_level (profile, i);

          g_print ("  %d. %s: %s\n", plc_escalation_level_get_level (level),
                   plc_escalation_level_get_body (level),
                   plc_escalation_level_get_description (level));
        }
    }

  for (guint l = 0; l < plc_profile_get_n_dispute_ladders (profile); l++)
    {
      const char *section = plc_profile_get_dispute_ladder_section (profile, l);

      g_print ("\n");
      if (section != NULL)
        /* Translators: a ladder for disputes, and its section of the agreement */
        g_print (_("%s (section %s):\n"), plc_profile_get_dispute_ladder_title (profile, l), section);
      else
        g_print ("%s:\n", plc_profile_get_dispute_ladder_title (profile, l));
      for (guint i = 0; i < plc_profile_get_dispute_ladder_n_levels (profile, l); i++)
        {
          const PlcEscalationLevel *level = plc_profile_get_dispute_ladder_level (profile, l, i);

          g_print ("  %d. %s: %s\n", plc_escalation_level_get_level (level),
                   plc_escalation_level_get_body (level),
                   plc_escalation_level_get_description (level));
        }
    }

  if (plc_profile_get_deviation_system (profile) != NULL)
    {
      g_print ("\n");
      g_print (_("Deviations in %s: event category “%s”, title “%s”\n"),
               plc_profile_get_deviation_system (profile),
               plc_profile_get_deviation_event_category (profile),
               plc_profile_get_deviation_title (profile));
    }

  if (plc_profile_get_n_indicators (profile) > 0)
    {
      g_print ("\n");
      g_print (_("Yearly indicators:\n"));
      for (guint i = 0; i < plc_profile_get_n_indicators (profile); i++)
        g_print ("  %s: %s\n", plc_profile_get_indicator_id (profile, i),
                 plc_profile_get_indicator_title (profile, i));
    }

  return 0;
}

int
command_profiles (const char  *database,
                  int          argc,
                  char       **argv)
{
  g_autoptr(PlcProfileSet) profiles = NULL;
  g_autoptr(GError) error = NULL;
  const char *action;

  if (!parse_command_options ("profiles", _("list | show ID | validate FILE | import FILE"),
                              _("Work with the agreement profiles: the rules of each regional "
                                "agreement and of the national baseline."),
                              NULL, &argc, &argv))
    return 2;

  if (argc < 2)
    return print_usage_error ("profiles", _("Say what to do: list, show ID, validate FILE or import FILE"));

  action = argv[1];

  profiles = plc_profile_set_load_default (&error);
  if (profiles == NULL)
    return print_error (error);

  if (g_str_equal (action, "list") && argc == 2)
    return profiles_list (profiles);

  if (argc != 3)
    return print_usage_error ("profiles", _("Expected: list, show ID, validate FILE or import FILE"));

  if (g_str_equal (action, "show"))
    return profiles_show (profiles, argv[2]);

  if (g_str_equal (action, "validate"))
    {
      g_autoptr(PlcProfile) profile = plc_profile_set_validate_file (profiles, argv[2], &error);
      g_autofree char *name = g_filename_display_name (argv[2]);

      if (profile == NULL)
        return print_error (error);

      guint n_rules = plc_profile_get_n_rules (profile);

      g_print (ngettext ("%s: a valid profile, “%s” version %s, with %u rule\n",
                         "%s: a valid profile, “%s” version %s, with %u rules\n", n_rules),
               name, plc_profile_get_id (profile), plc_profile_get_version (profile), n_rules);
      return 0;
    }

  if (g_str_equal (action, "import"))
    {
      PlcProfile *profile = plc_profile_set_import_file (profiles, argv[2], NULL, &error);

      if (profile == NULL)
        return print_error (error);

      g_print (_("Imported “%s” version %s; it is now in force\n"),
               plc_profile_get_id (profile), plc_profile_get_version (profile));
      return 0;
    }

  return print_usage_error ("profiles", _("Expected: list, show ID, validate FILE or import FILE"));
}

/* Obligations */

/* The office's local routines, as the application has them (GSettings) */
static gboolean
apply_office_routines (PlcEngine *engine)
{
  g_autoptr(GSettings) settings = plc_office_settings_new ();
  g_autoptr(GPtrArray) routines = NULL;
  gboolean locked;

  routines = plc_office_dup_routines (settings, &locked);
  plc_engine_set_office_routines (engine, routines, locked);

  return locked;
}

/* The engine, with the office's and the unit's routines, the moves among
 * @placements (every placement that is not deleted) and the @statuses
 * recorded for them (all of them), which count across moves */
static PlcEngine *
engine_for_placements (PlcStore   *store,
                       GPtrArray  *placements,
                       GPtrArray  *statuses,
                       GError    **error)
{
  g_autoptr(PlcProfileSet) profiles = plc_profile_set_load_default (error);
  g_autoptr(PlcEngine) engine = NULL;
  g_autoptr(GPtrArray) routines = NULL;

  if (profiles == NULL)
    return NULL;

  engine = plc_engine_new (profiles);
  apply_office_routines (engine);

  /* Placements that a move replaced: their care did not end */
  plc_engine_learn_moves (engine, placements);

  /* What was done before a move counts after it */
  plc_engine_learn_step_statuses (engine, statuses);

  routines = plc_store_list_routine_offsets (store, NULL, error);
  if (routines == NULL)
    return NULL;

  plc_engine_learn_routines (engine, routines);

  return g_steal_pointer (&engine);
}

PlcEngine *
engine_for_store (PlcStore  *store,
                  GError   **error)
{
  g_autoptr(GPtrArray) placements = plc_store_list_placements (store, 0, FALSE, error);
  g_autoptr(GPtrArray) statuses = NULL;

  if (placements == NULL || (statuses = plc_store_list_step_statuses (store, 0, error)) == NULL)
    return NULL;

  return engine_for_placements (store, placements, statuses, error);
}

gboolean
parse_today (const char  *command,
             const char  *text,
             PlcDate     *today)
{
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    {
      *today = plc_date_today ();
      return TRUE;
    }

  if (!plc_date_parse_iso (text, today, &error))
    {
      g_autofree char *message = g_strdup_printf (_("--today: %s"), error->message);

      print_usage_error (command, message);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  PlcPlacement *placement;
  char         *warning;
  GPtrArray    *obligations;
} Computed;

static void
computed_free (gpointer data)
{
  Computed *computed = data;

  g_object_unref (computed->placement);
  g_free (computed->warning);
  g_ptr_array_unref (computed->obligations);
  g_free (computed);
}

static Computed *
compute_placement (PlcStore      *store,
                   PlcEngine     *engine,
                   PlcPlacement  *placement,
                   PlcDate        today,
                   GError       **error)
{
  g_autoptr(PlcChild) child = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  Computed *computed;

  child = plc_store_get_child (store, plc_placement_get_child_id (placement), error);
  if (child == NULL)
    return NULL;

  statuses = plc_store_list_step_statuses (store, plc_placement_get_id (placement), error);
  if (statuses == NULL)
    return NULL;

  computed = g_new0 (Computed, 1);
  computed->placement = g_object_ref (placement);
  computed->obligations = plc_engine_compute (engine, child, placement, statuses, today,
                                              &computed->warning);
  return computed;
}

static PlcPlacement *
find_placement (PlcStore    *store,
                const char  *ref,
                GError     **error)
{
  g_autoptr(PlcPlacement) placement = plc_store_get_placement_by_ref (store, ref, error);

  if (placement == NULL)
    return NULL;

  if (plc_placement_get_deleted (placement))
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_NOT_FOUND,
                   _("The placement “%s” is deleted"), ref);
      return NULL;
    }

  return g_steal_pointer (&placement);
}

static void
add_date_member (JsonBuilder *builder,
                 const char  *member,
                 PlcDate      date)
{
  g_autofree char *text = plc_date_to_iso (date);

  json_builder_set_member_name (builder, member);
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

static void
add_obligation_json (JsonBuilder   *builder,
                     PlcObligation *ob,
                     const char    *warning)
{
  PlcProfile *profile = plc_obligation_get_profile (ob);
  const PlcRule *rule = plc_obligation_get_rule (ob);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "child");
  json_builder_add_string_value (builder, plc_obligation_get_child_ref (ob));
  json_builder_set_member_name (builder, "placement");
  json_builder_add_string_value (builder, plc_obligation_get_placement_ref (ob));
  json_builder_set_member_name (builder, "rule");
  json_builder_add_string_value (builder, plc_obligation_get_rule_id (ob));
  json_builder_set_member_name (builder, "occurrence");
  json_builder_add_int_value (builder, plc_obligation_get_occurrence (ob));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, plc_obligation_get_title (ob));
  /* "due" is the last day, after lag (1930:173) 2 § moved it from a day
   * off; "nominal_due" the day counted to (the same when nothing moved) */
  add_date_member (builder, "due", plc_obligation_get_due (ob));
  add_date_member (builder, "nominal_due", plc_obligation_get_nominal_due (ob));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, plc_obligation_state_to_string (plc_obligation_get_state (ob)));
  add_date_member (builder, "done", plc_obligation_get_done_date (ob));
  /* A status recorded on the placement before a move */
  json_builder_set_member_name (builder, "recorded_on");
  if (plc_obligation_get_recorded_on (ob) != NULL)
    json_builder_add_string_value (builder, plc_obligation_get_recorded_on (ob));
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "profile");
  if (profile != NULL)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, plc_profile_get_id (profile));
      json_builder_set_member_name (builder, "version");
      json_builder_add_string_value (builder, plc_profile_get_version (profile));
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "reference");
  json_builder_add_string_value (builder, plc_obligation_get_reference (ob));
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, plc_obligation_get_source (ob));
  json_builder_set_member_name (builder, "section");
  if (rule != NULL && plc_rule_get_section (rule) != NULL)
    json_builder_add_string_value (builder, plc_rule_get_section (rule));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "responsible");
  if (rule != NULL)
    json_builder_add_string_value (builder, plc_party_to_string (plc_rule_get_responsible (rule)));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "local_routine");
  json_builder_add_boolean_value (builder, rule != NULL && plc_rule_get_local_routine (rule));
  json_builder_set_member_name (builder, "caseworker");
  if (plc_obligation_get_caseworker (ob) != NULL)
    json_builder_add_string_value (builder, plc_obligation_get_caseworker (ob));
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "parts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < plc_obligation_get_n_parts (ob); i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, plc_obligation_get_part_id (ob, i));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, plc_obligation_get_part_title (ob, i));
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, plc_obligation_state_to_string (plc_obligation_get_part_state (ob, i)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "explanation");
  json_builder_add_string_value (builder, plc_obligation_get_explanation (ob));
  json_builder_set_member_name (builder, "warning");
  if (warning != NULL)
    json_builder_add_string_value (builder, warning);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

/* The JSON array of obligations, written as it is made: one object at a
 * time, each as json-glib writes it (pretty, indented by two within the
 * array), so that the whole is what one JsonGenerator would write, without
 * holding every obligation's tree at once. */
typedef struct
{
  JsonGenerator *generator;
  guint          n;
} JsonArrayWriter;

static void
json_array_begin (JsonArrayWriter *writer)
{
  writer->generator = json_generator_new ();
  json_generator_set_pretty (writer->generator, TRUE);
  writer->n = 0;
  g_print ("[");
}

static void
json_array_add (JsonArrayWriter *writer,
                JsonBuilder     *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autoptr(GString) out = g_string_new (writer->n++ > 0 ? ",\n  " : "\n  ");
  g_autofree char *text = NULL;

  json_generator_set_root (writer->generator, root);
  text = json_generator_to_data (writer->generator, NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      g_string_append_c (out, *p);
      if (*p == '\n')
        g_string_append (out, "  ");
    }
  g_print ("%s", out->str);
}

static void
json_array_end (JsonArrayWriter *writer)
{
  g_print (writer->n > 0 ? "\n]\n" : "]\n");
  g_clear_object (&writer->generator);
}

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

int
command_obligations (const char  *database,
                     int          argc,
                     char       **argv)
{
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(PlcEngine) engine = NULL;
  g_autoptr(GPtrArray) placements = NULL;
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GHashTable) child_by_id = NULL;
  g_autoptr(GHashTable) statuses_by_placement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *caseworker = NULL;
  g_autofree char *placement_ref = NULL;
  gboolean json = FALSE, overdue = FALSE;
  JsonArrayWriter writer = { NULL, 0 };
  int due_within = -1;
  PlcDate today;
  GOptionEntry entries[] = {
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Compute as on this day (default: today in Sweden)"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print a JSON array"), NULL },
    { "due-within", 0, 0, G_OPTION_ARG_INT, &due_within,
      N_("Only steps not done that are due within this many days (overdue ones too)"), N_("DAYS") },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue,
      N_("Only overdue steps"), NULL },
    { "caseworker", 0, 0, G_OPTION_ARG_STRING, &caseworker,
      N_("Only the placements of this caseworker"), N_("NAME") },
    { "placement", 0, 0, G_OPTION_ARG_STRING, &placement_ref,
      N_("Only this placement"), N_("REF") },
    { NULL }
  };

  if (!parse_command_options ("obligations", NULL,
                              _("List the steps the agreement profiles require of the placements, "
                                "with due date, status, rule and source: due, status, placement, "
                                "child, rule, occurrence, title."),
                              entries, &argc, &argv))
    return 2;

  if (argc > 1)
    return print_usage_error ("obligations", _("No arguments expected; see --help"));

  if (!parse_today ("obligations", today_text, &today))
    return 2;

  if (due_within < -1)
    return print_usage_error ("obligations", _("--due-within: expected zero or more days"));

  store = open_existing (database, &error);
  if (store == NULL)
    return print_error (error);

  /* Everything read once, then computed placement by placement: a read per
   * placement made this quadratic in the size of the database. */
  if ((placements = plc_store_list_placements (store, 0, FALSE, &error)) == NULL ||
      (statuses = plc_store_list_step_statuses (store, 0, &error)) == NULL ||
      (engine = engine_for_placements (store, placements, statuses, &error)) == NULL)
    return print_error (error);

  if (placement_ref != NULL)
    {
      PlcPlacement *placement = find_placement (store, placement_ref, &error);

      if (placement == NULL)
        return print_error (error);

      g_ptr_array_set_size (placements, 0);
      g_ptr_array_add (placements, placement);
    }

  if ((children = plc_store_list_children (store, TRUE, &error)) == NULL)
    return print_error (error);

  child_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < children->len; i++)
    {
      PlcChild *child = g_ptr_array_index (children, i);

      g_hash_table_insert (child_by_id, id_key (plc_child_get_id (child)), child);
    }

  statuses_by_placement = plc_step_status_group_by_placement (statuses);

  if (json)
    json_array_begin (&writer);

  for (guint i = 0; i < placements->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (placements, i);
      gint64 child_id = plc_placement_get_child_id (placement);
      gint64 placement_id = plc_placement_get_id (placement);
      PlcChild *child = g_hash_table_lookup (child_by_id, &child_id);
      g_autoptr(GPtrArray) obligations = NULL;
      g_autofree char *warning = NULL;

      if (caseworker != NULL &&
          g_strcmp0 (plc_placement_get_caseworker (placement), caseworker) != 0)
        continue;

      if (child == NULL)
        {
          g_set_error_literal (&error, PLC_ERROR, PLC_ERROR_NOT_FOUND, _("The child was not found"));
          return print_error (error);
        }

      obligations = plc_engine_compute (engine, child, placement,
                                        g_hash_table_lookup (statuses_by_placement, &placement_id),
                                        today, &warning);

      if (warning != NULL && !json)
        g_printerr ("%s: %s\n", plc_placement_get_ref (placement), warning);

      for (guint j = 0; j < obligations->len; j++)
        {
          PlcObligation *ob = g_ptr_array_index (obligations, j);
          PlcObligationState state = plc_obligation_get_state (ob);
          g_autofree char *due = NULL;

          if (overdue && state != PLC_OBLIGATION_STATE_OVERDUE)
            continue;

          if (due_within >= 0 &&
              (!plc_obligation_is_open (ob) ||
               plc_obligation_get_due (ob) > plc_date_add_days (today, due_within)))
            continue;

          if (json)
            {
              g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

              add_obligation_json (builder, ob, warning);
              json_array_add (&writer, builder);
              continue;
            }

          due = plc_date_to_iso (plc_obligation_get_due (ob));
          g_print ("%s\t%s\t%s\t%s\t%s\t%d\t%s\n",
                   due != NULL ? due : "-",
                   plc_obligation_state_to_string (state),
                   plc_obligation_get_placement_ref (ob),
                   plc_obligation_get_child_ref (ob),
                   plc_obligation_get_rule_id (ob),
                   plc_obligation_get_occurrence (ob),
                   plc_obligation_get_title (ob));
        }
    }

  if (json)
    json_array_end (&writer);

  return 0;
}

/* The obligation of a placement with this rule (or "rule/part") and
 * occurrence; *part_index is set for a part. */
static PlcObligation *
find_obligation (Computed    *computed,
                 const char  *rule_id,
                 int          occurrence,
                 int         *part_index,
                 GError     **error)
{
  g_auto(GStrv) split = g_strsplit (rule_id, "/", 2);

  if (part_index != NULL)
    *part_index = -1;

  for (guint i = 0; i < computed->obligations->len; i++)
    {
      PlcObligation *ob = g_ptr_array_index (computed->obligations, i);

      if (!g_str_equal (plc_obligation_get_rule_id (ob), split[0]) ||
          plc_obligation_get_occurrence (ob) != occurrence ||
          plc_obligation_get_state (ob) == PLC_OBLIGATION_STATE_NO_LONGER_REQUIRED)
        continue;

      if (split[1] == NULL)
        return ob;

      for (guint p = 0; p < plc_obligation_get_n_parts (ob); p++)
        {
          if (g_str_equal (plc_obligation_get_part_id (ob, p), split[1]))
            {
              if (part_index != NULL)
                *part_index = p;
              return ob;
            }
        }

      g_set_error (error, PLC_ERROR, PLC_ERROR_NOT_FOUND,
                   _("The step “%s” has no part “%s”"), split[0], split[1]);
      return NULL;
    }

  g_set_error (error, PLC_ERROR, PLC_ERROR_NOT_FOUND,
               _("The placement “%s” has no step “%s” (occurrence %d); "
                 "“obligations --placement %s” lists its steps"),
               plc_placement_get_ref (computed->placement), split[0], occurrence,
               plc_placement_get_ref (computed->placement));
  return NULL;
}

int
command_explain (const char  *database,
                 int          argc,
                 char       **argv)
{
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(PlcEngine) engine = NULL;
  g_autoptr(PlcPlacement) placement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today_text = NULL;
  Computed *computed;
  PlcObligation *ob;
  int occurrence = 1;
  PlcDate today;
  GOptionEntry entries[] = {
    { "occurrence", 0, 0, G_OPTION_ARG_INT, &occurrence,
      N_("Which time a recurring step comes round (default: 1)"), N_("N") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Compute as on this day (default: today in Sweden)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  if (!parse_command_options ("explain", _("PLACEMENT RULE"),
                              _("Explain a step’s due date: rule, anchor date, offset, "
                                "resulting date, legal reference and agreement section."),
                              entries, &argc, &argv))
    return 2;

  if (argc != 3)
    return print_usage_error ("explain", _("Expected a placement ref and a rule id"));

  if (occurrence < 1)
    return print_usage_error ("explain", _("--occurrence: expected 1 or more"));

  if (!parse_today ("explain", today_text, &today))
    return 2;

  store = open_existing (database, &error);
  if (store == NULL ||
      (engine = engine_for_store (store, &error)) == NULL ||
      (placement = find_placement (store, argv[1], &error)) == NULL ||
      (computed = compute_placement (store, engine, placement, today, &error)) == NULL)
    return print_error (error);

  ob = find_obligation (computed, argv[2], occurrence, NULL, &error);
  if (ob == NULL)
    {
      computed_free (computed);
      return print_error (error);
    }

  g_print ("%s\n", plc_obligation_get_explanation (ob));
  if (computed->warning != NULL)
    g_print ("%s\n", computed->warning);

  computed_free (computed);
  return 0;
}

static char *
now_utc_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

int
command_mark (const char  *database,
              int          argc,
              char       **argv)
{
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(PlcEngine) engine = NULL;
  g_autoptr(PlcPlacement) placement = NULL;
  g_autoptr(PlcStepStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *recorded_at = NULL;
  g_auto(GStrv) invited = NULL;
  g_auto(GStrv) attended = NULL;
  gboolean planning_completed = FALSE;
  gboolean clear_meeting = FALSE;
  gboolean meeting;
  Computed *computed;
  PlcObligation *ob;
  PlcStepState state;
  PlcStepState previous = PLC_STEP_STATE_OPEN;
  PlcDate date = PLC_DATE_NONE;
  int occurrence = 1;
  int part = -1;
  GOptionEntry entries[] = {
    { "occurrence", 0, 0, G_OPTION_ARG_INT, &occurrence,
      N_("Which time a recurring step comes round (default: 1)"), N_("N") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The day the step was done (default: today)"), N_("YYYY-MM-DD") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note,
      N_("A note"), N_("TEXT") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("Why the step is not needed (required for not-needed)"), N_("TEXT") },
    { "invited", 0, 0, G_OPTION_ARG_STRING_ARRAY, &invited,
      N_("Meeting record: a unit or role invited to the meeting (repeat for each)"), N_("UNIT") },
    { "attended", 0, 0, G_OPTION_ARG_STRING_ARRAY, &attended,
      N_("Meeting record: an invited unit that took part (repeat for each)"), N_("UNIT") },
    { "planning-completed", 0, 0, G_OPTION_ARG_NONE, &planning_completed,
      N_("Meeting record: the planning (the SIP) was completed"), NULL },
    { "clear-meeting", 0, 0, G_OPTION_ARG_NONE, &clear_meeting,
      N_("Remove the step’s meeting record"), NULL },
    { NULL }
  };

  if (!parse_command_options ("mark", _("PLACEMENT RULE[/PART] done|not-needed|open"),
                              _("Record the status of a step. A part of a step, such as "
                                "health-exam/dental, is recorded on its own. "
                                "--invited, --attended and --planning-completed replace "
                                "the step’s meeting record (a SIP meeting’s: who was "
                                "invited, who took part); without them it is kept."),
                              entries, &argc, &argv))
    return 2;

  meeting = invited != NULL || attended != NULL || planning_completed;
  if (meeting && clear_meeting)
    return print_usage_error ("mark", _("--clear-meeting: cannot be combined with "
                                        "--invited, --attended or --planning-completed"));

  if (argc != 4)
    return print_usage_error ("mark", _("Expected a placement ref, a rule id and a status"));

  if (!plc_step_state_from_string (argv[3], &state))
    return print_usage_error ("mark", _("Expected the status done, not-needed or open"));

  if (occurrence < 1)
    return print_usage_error ("mark", _("--occurrence: expected 1 or more"));

  if (date_text != NULL && !plc_date_parse_iso (date_text, &date, &error))
    {
      g_autofree char *message = g_strdup_printf (_("--date: %s"), error->message);

      return print_usage_error ("mark", message);
    }

  if (state == PLC_STEP_STATE_DONE && date == PLC_DATE_NONE)
    date = plc_date_today ();

  store = open_existing (database, &error);
  if (store == NULL ||
      (engine = engine_for_store (store, &error)) == NULL ||
      (placement = find_placement (store, argv[1], &error)) == NULL ||
      (computed = compute_placement (store, engine, placement, plc_date_today (), &error)) == NULL)
    return print_error (error);

  ob = find_obligation (computed, argv[2], occurrence, &part, &error);
  if (ob == NULL)
    {
      computed_free (computed);
      return print_error (error);
    }

  if (state == PLC_STEP_STATE_NOT_NEEDED && !plc_rule_get_not_needed_allowed (plc_obligation_get_rule (ob)))
    {
      g_set_error (&error, PLC_ERROR, PLC_ERROR_INVALID,
                   _("The step “%s” cannot be marked not needed: the agreement requires it"),
                   plc_obligation_get_rule_id (ob));
      computed_free (computed);
      return print_error (error);
    }

  computed_free (computed);

  status = plc_store_get_step_status (store, plc_placement_get_id (placement), argv[2],
                                      occurrence, &error);
  if (status == NULL)
    {
      if (!g_error_matches (error, PLC_ERROR, PLC_ERROR_NOT_FOUND))
        return print_error (error);

      g_clear_error (&error);
      status = plc_step_status_new ();
      plc_step_status_set_placement_id (status, plc_placement_get_id (placement));
      plc_step_status_set_placement_ref (status, plc_placement_get_ref (placement));
      plc_step_status_set_rule (status, argv[2]);
      plc_step_status_set_occurrence (status, occurrence);
    }
  else
    previous = plc_step_status_get_state (status);

  recorded_at = now_utc_iso ();
  plc_step_status_set_state (status, state);
  plc_step_status_set_date (status, state == PLC_STEP_STATE_OPEN ? PLC_DATE_NONE : date);
  plc_step_status_set_reason (status, state == PLC_STEP_STATE_NOT_NEEDED ? reason : NULL);
  if (note != NULL)
    plc_step_status_set_note (status, note);
  plc_step_status_set_recorded_by (status, g_get_user_name ());
  plc_step_status_set_recorded_at (status, recorded_at);
  plc_step_status_set_reopened (status, state == PLC_STEP_STATE_OPEN &&
                                        previous != PLC_STEP_STATE_OPEN);
  if (meeting || clear_meeting)
    {
      plc_step_status_set_invited_units (status, (const char * const *)invited);
      plc_step_status_set_attended_units (status, (const char * const *)attended);
      plc_step_status_set_planning_completed (status, planning_completed);
    }

  if (!plc_store_save_step_status (store, status, &error))
    return print_error (error);

  g_print (_("%s: %s (occurrence %d) is now %s\n"), plc_placement_get_ref (placement),
           argv[2], occurrence, plc_step_state_to_string (state));
  return 0;
}

int
command_routine (const char  *database,
                 int          argc,
                 char       **argv)
{
  g_autoptr(PlcStore) store = NULL;
  g_autoptr(PlcProfileSet) profiles = NULL;
  g_autoptr(PlcEngine) engine = NULL;
  g_autoptr(GPtrArray) routines = NULL;
  g_autoptr(GError) error = NULL;
  gboolean clear = FALSE;
  gboolean show_source = FALSE;
  PlcProfile *profile;
  const PlcRule *rule = NULL;
  GOptionEntry entries[] = {
    { "clear", 0, 0, G_OPTION_ARG_NONE, &clear,
      N_("Go back to the profile’s own time"), NULL },
    { "source", 0, 0, G_OPTION_ARG_NONE, &show_source,
      N_("Say where each time in force comes from: profile, local (your own), office, or "
         "office-locked (set for the whole office by IT, and locked)"), NULL },
    { NULL }
  };

  if (!parse_command_options ("routine", _("PROFILE [RULE [AMOUNT UNIT]]"),
                              _("Show the steps of a profile whose time is a local routine, "
                                "or change one (UNIT: days, weeks, months or years; a "
                                "negative AMOUNT means before)."),
                              entries, &argc, &argv))
    return 2;

  if (argc < 2 || argc > 5 || argc == 4 || (clear && argc != 3))
    return print_usage_error ("routine", _("Expected a profile id, optionally a rule id and "
                                           "either AMOUNT UNIT or --clear"));

  if ((profiles = plc_profile_set_load_default (&error)) == NULL)
    return print_error (error);

  profile = plc_profile_set_lookup (profiles, argv[1]);
  if (profile == NULL)
    {
      g_set_error (&error, PLC_ERROR, PLC_ERROR_NOT_FOUND,
                   _("There is no agreement profile “%s”; “profiles list” shows those there are"),
                   argv[1]);
      return print_error (error);
    }

  engine = plc_engine_new (profiles);
  if (apply_office_routines (engine) && (clear || argc == 5))
    {
      g_set_error_literal (&error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("The local routines are set for the whole office and locked: "
                             "they cannot be changed here. Ask your IT department."));
      return print_error (error);
    }

  if (argc >= 3)
    {
      for (guint i = 0; i < plc_profile_get_n_rules (profile); i++)
        {
          const PlcRule *r = plc_profile_get_rule (profile, i);

          if (g_str_equal (plc_rule_get_id (r), argv[2]) && plc_rule_get_local_routine (r))
            rule = r;
        }

      if (rule == NULL)
        {
          g_set_error (&error, PLC_ERROR, PLC_ERROR_INVALID,
                       _("The profile “%s” has no step “%s” whose time is a local routine"),
                       argv[1], argv[2]);
          return print_error (error);
        }
    }

  store = open_existing (database, &error);
  if (store == NULL)
    return print_error (error);

  if (clear)
    {
      if (!plc_store_clear_routine_offset (store, argv[1], argv[2], &error))
        return print_error (error);
    }
  else if (argc == 5)
    {
      char *end = NULL;
      gint64 amount = g_ascii_strtoll (argv[3], &end, 10);
      PlcOffsetUnit unit;

      if (end == argv[3] || *end != '\0' || amount < -3650 || amount > 3650)
        return print_usage_error ("routine", _("AMOUNT: expected a whole number from -3650 to 3650"));

      if (!plc_offset_unit_from_string (argv[4], &unit))
        return print_usage_error ("routine", _("UNIT: expected days, weeks, months or years"));

      if (!plc_store_set_routine_offset (store, argv[1], argv[2], (int)amount, unit, &error))
        return print_error (error);
    }

  routines = plc_store_list_routine_offsets (store, argv[1], &error);
  if (routines == NULL)
    return print_error (error);
  plc_engine_learn_routines (engine, routines);

  /* RULE, the time in force, the profile's own, and with --source where
   * the time in force comes from: profile, local (the user's), office,
   * office-locked */
  for (guint i = 0; i < plc_profile_get_n_rules (profile); i++)
    {
      static const char * const sources[] = { "profile", "local", "office", "office-locked" };
      const PlcRule *r = plc_profile_get_rule (profile, i);
      g_autofree char *profile_offset = NULL;
      g_autofree char *in_force = NULL;
      PlcRoutineSource source;
      const PlcOffset *routine;

      if (!plc_rule_get_local_routine (r) || (rule != NULL && r != rule))
        continue;

      profile_offset = offset_to_text (plc_rule_get_offset (r));
      routine = plc_engine_lookup_routine (engine, argv[1], plc_rule_get_id (r), &source);
      if (routine != NULL)
        in_force = offset_to_text (*routine);

      g_print ("%s\t%s\t%s", plc_rule_get_id (r),
               in_force != NULL ? in_force : profile_offset, profile_offset);
      if (show_source)
        g_print ("\t%s", sources[source]);
      g_print ("\n");
    }

  return 0;
}
