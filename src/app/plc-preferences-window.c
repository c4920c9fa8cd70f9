/* plc-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-caseload.h"
#include "plc-office.h"
#include "plc-preferences-window.h"
#include "plc-routine-row.h"

struct _PlcPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  PlcProfileSet        *profiles;      /* the application's, loaded at start-up */
  GError               *profiles_error;
  PlcCaseload          *caseload;      /* its store keeps the local routines */
  GError               *store_error;
  GCancellable         *cancellable;   /* cancelled when the window goes */
  GPtrArray            *routine_groups;
  GPtrArray            *routine_rows;
  guint                 routines_loaded : 1;

  /* Template widgets */
  AdwEntryRow          *caseworker_row;
  GtkSpinButton        *upcoming_spin;
  GtkSwitch            *reminders_switch;
  AdwPreferencesPage   *routines_page;
  AdwPreferencesGroup  *routines_status_group;
  AdwActionRow         *routines_status_row;
  GtkWidget            *routines_status_icon;
  AdwPreferencesGroup  *profiles_group;
  GtkWidget            *import_profile_button;
  GPtrArray            *profile_rows;
  GtkFileChooserNative *profile_chooser;
};

G_DEFINE_FINAL_TYPE (PlcPreferencesWindow, plc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_PROFILES,
  PROP_PROFILES_ERROR,
  PROP_CASELOAD,
  PROP_STORE_ERROR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static PlcStore *
get_store (PlcPreferencesWindow *self)
{
  return self->caseload != NULL ? plc_caseload_get_store (self->caseload) : NULL;
}

/* Local routines */

/* What an anchor is, as the object of "3 days after …". */
static char *
anchor_to_text (PlcProfileSet *profiles,
                const PlcRule *rule,
                guint          index)
{
  const char *rule_id = NULL;

  switch (plc_rule_get_anchor (rule, index, &rule_id))
    {
    case PLC_ANCHOR_PLACEMENT_START:
      return g_strdup (C_("anchor", "the start of the placement"));
    case PLC_ANCHOR_CUSTODY_DECIDED:
      return g_strdup (C_("anchor", "the decision on immediate custody"));
    case PLC_ANCHOR_CUSTODY_CARRIED_OUT:
      return g_strdup (C_("anchor", "the custody being carried out"));
    case PLC_ANCHOR_PLANNED_END:
      return g_strdup (C_("anchor", "the planned end of the placement"));
    case PLC_ANCHOR_PLACEMENT_END:
      return g_strdup (C_("anchor", "the end of the placement"));
    case PLC_ANCHOR_INVESTIGATION_CLOSED:
      return g_strdup (C_("anchor", "the closing of the investigation"));
    case PLC_ANCHOR_RESTRICTION_DECIDED:
      return g_strdup (C_("anchor", "the decision on a restriction"));
    case PLC_ANCHOR_CARE_START:
      return g_strdup (C_("anchor", "the start of the care"));
    case PLC_ANCHOR_HOME_START:
      return g_strdup (C_("anchor", "the start of the care in the home"));
    case PLC_ANCHOR_DISCHARGE_NOTICE:
      return g_strdup (C_("anchor", "the notice from inpatient care"));
    case PLC_ANCHOR_TEMPORARY_MOVING_BAN:
      return g_strdup (C_("anchor", "the decision on a temporary moving ban"));
    case PLC_ANCHOR_RULE:
      {
        PlcProfile *profile = plc_rule_get_profile (rule);
        const PlcRule *anchor_rule = NULL;
        PlcProfile *baseline;

        /* The step in the rule's own profile, or else in the baseline. */
        for (guint i = 0; anchor_rule == NULL && i < plc_profile_get_n_rules (profile); i++)
          if (g_strcmp0 (plc_rule_get_id (plc_profile_get_rule (profile, i)), rule_id) == 0)
            anchor_rule = plc_profile_get_rule (profile, i);

        baseline = plc_profile_set_get_baseline (profiles);
        for (guint i = 0; anchor_rule == NULL && baseline != NULL && i < plc_profile_get_n_rules (baseline); i++)
          if (g_strcmp0 (plc_rule_get_id (plc_profile_get_rule (baseline, i)), rule_id) == 0)
            anchor_rule = plc_profile_get_rule (baseline, i);

        /* Translators: a step that another step's time counts from, as in
         * "4 weeks after the step “First SIP meeting”" */
        return g_strdup_printf (C_("anchor", "the step “%s”"),
                                anchor_rule != NULL ? plc_rule_get_title (anchor_rule) : rule_id);
      }
    default:
      g_return_val_if_reached (g_strdup ("?"));
    }
}

/* "3 days after the start of the placement" */
static char *
offset_to_text (PlcProfileSet *profiles,
                const PlcRule *rule)
{
  PlcOffset offset = plc_rule_get_offset (rule);
  g_autofree char *length = plc_offset_to_display (offset);
  g_autofree char *anchors = NULL;

  for (guint i = 0; i < plc_rule_get_n_anchors (rule); i++)
    {
      g_autofree char *anchor = anchor_to_text (profiles, rule, i);

      if (anchors == NULL)
        anchors = g_steal_pointer (&anchor);
      else
        {
          char *joined;

          /* Translators: the next anchor to count from when the placement
           * lacks the first, as in "the custody being carried out, or else
           * the start of the placement" */
          joined = g_strdup_printf (C_("anchors", "%s, or else %s"), anchors, anchor);
          g_free (anchors);
          anchors = joined;
        }
    }

  if (offset.amount > 0)
    /* Translators: a length of time and what it counts from, as in
     * "3 days after the start of the placement" */
    return g_strdup_printf (C_("offset", "%s after %s"), length, anchors);
  if (offset.amount < 0)
    /* Translators: as in "1 month before the planned end of the placement" */
    return g_strdup_printf (C_("offset", "%s before %s"), length, anchors);

  /* Translators: as in "the same day as the start of the placement" */
  return g_strdup_printf (C_("offset", "the same day as %s"), anchors);
}

typedef enum
{
  ROUTINES_READY,     /* the rows show what is stored and can be changed */
  ROUTINES_WAITING,   /* for the database, or for what it holds */
  ROUTINES_FAILED,    /* the rows cannot be used: the status says why */
  ROUTINES_LOCKED,    /* set for the whole office, and locked by IT */
} RoutinesState;

/* Above the groups, a row that says why the local routines cannot be
 * changed (yet); the groups are insensitive unless they are ready. */
static void
show_routines_status (PlcPreferencesWindow *self,
                      RoutinesState         state,
                      const char           *title,
                      const char           *explanation)
{
  gtk_widget_set_visible (GTK_WIDGET (self->routines_status_group), title != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->routines_status_icon),
                          state == ROUTINES_FAILED || state == ROUTINES_LOCKED);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->routines_status_icon),
                                state == ROUTINES_LOCKED ? "changes-prevent-symbolic"
                                                         : "dialog-warning-symbolic");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->routines_status_row),
                                 title != NULL ? title : "");
  adw_action_row_set_subtitle (self->routines_status_row,
                               explanation != NULL ? explanation : "");

  for (guint i = 0; i < self->routine_groups->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (self->routine_groups, i),
                              state == ROUTINES_READY);
}

static PlcRoutineRow *
find_routine_row (PlcPreferencesWindow *self,
                  const char           *profile_id,
                  const char           *rule_id)
{
  for (guint i = 0; i < self->routine_rows->len; i++)
    {
      PlcRoutineRow *row = g_ptr_array_index (self->routine_rows, i);

      if (g_str_equal (plc_routine_row_get_profile_id (row), profile_id) &&
          g_str_equal (plc_routine_row_get_rule_id (row), rule_id))
        return row;
    }

  return NULL;
}

static void load_routines (PlcPreferencesWindow *self);

static void
routines_listed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PlcPreferencesWindow) self = user_data;
  g_autoptr(GPtrArray) routines = NULL;
  g_autoptr(GPtrArray) office = NULL;
  g_autoptr(GError) error = NULL;
  gboolean locked;

  routines = plc_store_list_routine_offsets_finish (PLC_STORE (object), result, &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (routines == NULL)
    {
      show_routines_status (self, ROUTINES_FAILED,
                            _("Could Not Read the Local Routines"), error->message);
      return;
    }

  office = plc_office_dup_routines (self->settings, &locked);

  for (guint i = 0; i < self->routine_rows->len; i++)
    {
      PlcRoutineRow *row = g_ptr_array_index (self->routine_rows, i);

      plc_routine_row_set_local (row, NULL);
      plc_routine_row_set_office (row, NULL);
    }

  for (guint i = 0; i < office->len; i++)
    {
      PlcRoutineOffset *routine = g_ptr_array_index (office, i);
      PlcRoutineRow *row = find_routine_row (self, routine->profile_id, routine->rule_id);
      PlcOffset offset = { routine->amount, routine->unit };

      if (row != NULL)
        plc_routine_row_set_office (row, &offset);
    }

  /* Locked by IT: the office's are in force, and the user's own unused. */
  for (guint i = 0; !locked && i < routines->len; i++)
    {
      PlcRoutineOffset *routine = g_ptr_array_index (routines, i);
      PlcRoutineRow *row = find_routine_row (self, routine->profile_id, routine->rule_id);
      PlcOffset offset = { routine->amount, routine->unit };

      /* One for a profile or a rule that is no longer loaded: kept, unused. */
      if (row != NULL)
        plc_routine_row_set_local (row, &offset);
    }

  self->routines_loaded = TRUE;
  if (locked)
    show_routines_status (self, ROUTINES_LOCKED, _("Set for the Whole Office"),
                          _("Your IT department has set the local routines for everyone "
                            "and locked them: they cannot be changed here."));
  else
    show_routines_status (self, ROUTINES_READY, NULL, NULL);
}

typedef struct
{
  PlcPreferencesWindow *window;
  PlcRoutineRow        *row;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->window);
  g_object_unref (data->row);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static void
routine_save_done (SaveData     *data,
                   gboolean      saved,
                   const GError *error)
{
  PlcPreferencesWindow *self = data->window;
  g_autofree char *message = NULL;
  g_autofree char *markup = NULL;
  AdwToast *toast;

  if (saved)
    return;

  /* The message names no personal data: a local routine is a setting. */
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_warning ("Could not save the local routine %s of %s: %s",
                 plc_routine_row_get_rule_id (data->row),
                 plc_routine_row_get_profile_id (data->row),
                 error->message);
      return;
    }

  message = g_strdup_printf (_("Could not save “%s”: %s"),
                             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (data->row)),
                             error->message);
  /* A toast's title is markup. */
  markup = g_markup_escape_text (message, -1);
  toast = adw_toast_new (markup);
  adw_toast_set_timeout (toast, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);

  /* Show what the database holds. */
  load_routines (self);
}

static void
routine_set_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  saved = plc_store_set_routine_offset_finish (PLC_STORE (object), result, &error);
  routine_save_done (data, saved, error);
}

static void
routine_cleared_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  saved = plc_store_clear_routine_offset_finish (PLC_STORE (object), result, &error);
  routine_save_done (data, saved, error);
}

static void
routine_changed_cb (PlcPreferencesWindow *self,
                    PlcRoutineRow        *row)
{
  PlcStore *store = get_store (self);
  PlcOffset offset = plc_routine_row_get_offset (row);
  SaveData *data;

  g_return_if_fail (store != NULL);

  data = g_new0 (SaveData, 1);
  data->window = g_object_ref (self);
  data->row = g_object_ref (row);

  /* Not cancelled with the window: a change made is saved. The store runs
   * its jobs in order, so the last change is the one that stays. */
  plc_store_set_routine_offset_async (store,
                                      plc_routine_row_get_profile_id (row),
                                      plc_routine_row_get_rule_id (row),
                                      offset.amount, offset.unit,
                                      NULL, routine_set_cb, data);
}

static void
routine_reset_cb (PlcPreferencesWindow *self,
                  PlcRoutineRow        *row)
{
  PlcStore *store = get_store (self);
  SaveData *data;

  g_return_if_fail (store != NULL);

  data = g_new0 (SaveData, 1);
  data->window = g_object_ref (self);
  data->row = g_object_ref (row);

  plc_store_clear_routine_offset_async (store,
                                        plc_routine_row_get_profile_id (row),
                                        plc_routine_row_get_rule_id (row),
                                        NULL, routine_cleared_cb, data);
}

static void
load_routines (PlcPreferencesWindow *self)
{
  PlcStore *store = get_store (self);
  const GError *error = self->store_error;

  if (store == NULL)
    {
      if (error != NULL)
        show_routines_status (self, ROUTINES_FAILED,
                              _("The Database Could Not Be Opened"), error->message);
      else
        show_routines_status (self, ROUTINES_WAITING, _("Opening the Database…"),
                              _("The local routines are kept in the database: they can be "
                                "changed once it is open."));
      return;
    }

  /* Nothing to change until the rows show what is stored: a moment. */
  if (!self->routines_loaded)
    show_routines_status (self, ROUTINES_WAITING, NULL, NULL);

  plc_store_list_routine_offsets_async (store, NULL, self->cancellable,
                                        routines_listed_cb, g_object_ref (self));
}

static void
add_routine_groups (PlcPreferencesWindow *self,
                    PlcProfileSet        *profiles)
{
  g_autoptr(GPtrArray) list = plc_profile_set_list (profiles);

  for (guint i = 0; i < list->len; i++)
    {
      PlcProfile *profile = g_ptr_array_index (list, i);
      AdwPreferencesGroup *group = NULL;

      for (guint j = 0; j < plc_profile_get_n_rules (profile); j++)
        {
          const PlcRule *rule = plc_profile_get_rule (profile, j);
          g_autofree char *offset = NULL;
          g_autofree char *subtitle = NULL;
          PlcRoutineRow *row;

          if (!plc_rule_get_local_routine (rule))
            continue;

          offset = offset_to_text (profiles, rule);

          /* One local routine per rule id: a rule with variants (acute and
           * planned) has one row, whose subtitle gives each default. */
          row = find_routine_row (self, plc_profile_get_id (profile), plc_rule_get_id (rule));
          if (row != NULL)
            {
              const char *shown = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

              /* Translators: the defaults of a step's variants, one after the other */
              subtitle = g_strdup_printf (C_("defaults", "%s; %s"), shown, offset);
              adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
              continue;
            }

          if (group == NULL)
            {
              /* A group's title is markup; a profile's name is not. */
              g_autofree char *title = g_markup_escape_text (plc_profile_get_name (profile), -1);

              group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
              adw_preferences_group_set_title (group, title);
              adw_preferences_page_add (self->routines_page, group);
              g_ptr_array_add (self->routine_groups, group);
            }

          /* Translators: the profile's own time of a step, as in "Default:
           * 3 days after the start of the placement" */
          subtitle = g_strdup_printf (_("Default: %s"), offset);
          row = plc_routine_row_new (plc_profile_get_id (profile), plc_rule_get_id (rule),
                                     plc_rule_get_title (rule), subtitle,
                                     plc_rule_get_offset (rule));
          g_signal_connect_object (row, "changed", G_CALLBACK (routine_changed_cb),
                                   self, G_CONNECT_SWAPPED);
          g_signal_connect_object (row, "reset", G_CALLBACK (routine_reset_cb),
                                   self, G_CONNECT_SWAPPED);
          adw_preferences_group_add (group, GTK_WIDGET (row));
          g_ptr_array_add (self->routine_rows, row);
        }
    }
}

static void
office_routines_changed_cb (PlcPreferencesWindow *self)
{
  /* Closed, and only kept alive by a save still under way. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  load_routines (self);
}

static void
setup_routines (PlcPreferencesWindow *self)
{
  if (self->profiles == NULL)
    {
      if (self->profiles_error == NULL)
        show_routines_status (self, ROUTINES_FAILED, _("No Agreement Profiles"), NULL);
      else
        show_routines_status (self, ROUTINES_FAILED,
                              _("The Agreement Profiles Could Not Be Loaded"),
                              self->profiles_error->message);
      return;
    }

  add_routine_groups (self, self->profiles);

  /* IT may change or lock the office's local routines at any time. */
  g_signal_connect_object (self->settings, "changed::routine-offsets",
                           G_CALLBACK (office_routines_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "writable-changed::routine-offsets",
                           G_CALLBACK (office_routines_changed_cb), self, G_CONNECT_SWAPPED);
  load_routines (self);
}

/* Agreement profiles */

static char *
describe_validity (PlcProfile *profile)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (plc_profile_get_valid_from (profile) == PLC_DATE_NONE)
    return g_strdup (_("Valid until further notice"));

  from = plc_date_to_iso (plc_profile_get_valid_from (profile));
  if (plc_profile_get_valid_to (profile) == PLC_DATE_NONE)
    /* Translators: %s is a date such as 2022-04-01 */
    return g_strdup_printf (_("Valid from %s until further notice"), from);

  to = plc_date_to_iso (plc_profile_get_valid_to (profile));
  /* Translators: both are dates such as 2022-04-01 */
  return g_strdup_printf (_("Valid from %s to %s"), from, to);
}

static void
fill_profiles (PlcPreferencesWindow *self)
{
  PlcProfileSet *profiles;
  g_autoptr(GPtrArray) list = NULL;

  for (guint i = 0; i < self->profile_rows->len; i++)
    adw_preferences_group_remove (self->profiles_group, g_ptr_array_index (self->profile_rows, i));
  g_ptr_array_set_size (self->profile_rows, 0);

  profiles = self->profiles;
  gtk_widget_set_sensitive (self->import_profile_button, profiles != NULL);
  if (profiles == NULL)
    return;

  list = plc_profile_set_list (profiles);
  for (guint i = 0; i < list->len; i++)
    {
      PlcProfile *profile = g_ptr_array_index (list, i);
      g_autofree char *validity = describe_validity (profile);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      /* Translators: “stockholm · version 2022.1 · Valid from … · Shipped” */
      subtitle = g_strdup_printf (_("%s · version %s · %s · %s"),
                                  plc_profile_get_id (profile),
                                  plc_profile_get_version (profile),
                                  validity,
                                  plc_profile_get_shipped (profile) ? _("Shipped") : _("Imported"));

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), plc_profile_get_name (profile));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      adw_preferences_group_add (self->profiles_group, row);
      g_ptr_array_add (self->profile_rows, row);
    }
}

static void
profile_chosen_cb (PlcPreferencesWindow *self,
                   int                   response,
                   GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  PlcProfileSet *profiles;
  PlcProfile *profile;

  if (response != GTK_RESPONSE_ACCEPT || self->profiles == NULL)
    goto out;

  profiles = self->profiles;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (profiles == NULL || path == NULL)
    goto out;

  /* A small file, read and copied at once. */
  profile = plc_profile_set_import_file (profiles, path, NULL, &error);
  if (profile == NULL)
    {
      GtkWidget *dialog;

      /* The message names the place in the file that is wrong. */
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Profile Could Not Be Imported"),
                                       error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    {
      g_autofree char *message = NULL;

      /* Translators: the profile's name and version */
      message = g_strdup_printf (_("Imported “%s”, version %s"),
                                 plc_profile_get_name (profile), plc_profile_get_version (profile));
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
      /* The caseloads compute again by themselves (PlcProfileSet::changed) */
      fill_profiles (self);
    }

out:
  g_clear_object (&self->profile_chooser);
}

static void
import_profile_clicked_cb (PlcPreferencesWindow *self)
{
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->profile_chooser != NULL)
    return;

  self->profile_chooser = gtk_file_chooser_native_new (_("Import Agreement Profile"),
                                                       GTK_WINDOW (self),
                                                       GTK_FILE_CHOOSER_ACTION_OPEN,
                                                       _("_Import"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->profile_chooser), TRUE);

  gtk_file_filter_set_name (json, _("Agreement profiles (JSON)"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_pattern (json, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->profile_chooser), json);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->profile_chooser), all);

  g_signal_connect_object (self->profile_chooser, "response",
                           G_CALLBACK (profile_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->profile_chooser));
}

/* The caseworker's name: empty in the settings means the account's name,
 * which the field then shows, so that it is clear what "my caseload" is. */
static const char *
account_name (void)
{
  const char *real_name = g_get_real_name ();

  if (real_name == NULL || real_name[0] == '\0' || g_strcmp0 (real_name, "Unknown") == 0)
    return NULL;

  return real_name;
}

static gboolean
caseworker_get_mapping (GValue   *value,
                        GVariant *variant,
                        gpointer  user_data)
{
  const char *name = g_variant_get_string (variant, NULL);

  if (name[0] == '\0' && account_name () != NULL)
    name = account_name ();

  g_value_set_string (value, name);
  return TRUE;
}

static GVariant *
caseworker_set_mapping (const GValue       *value,
                        const GVariantType *expected_type,
                        gpointer            user_data)
{
  const char *name = g_value_get_string (value);

  /* The account's name stays the default: kept as empty. */
  if (name == NULL || g_strcmp0 (name, account_name ()) == 0)
    name = "";

  return g_variant_new_string (name);
}

static void
plc_preferences_window_dispose (GObject *object)
{
  PlcPreferencesWindow *self = (PlcPreferencesWindow *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLC_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->caseload);
  g_clear_pointer (&self->routine_groups, g_ptr_array_unref);
  g_clear_pointer (&self->routine_rows, g_ptr_array_unref);
  g_clear_pointer (&self->profile_rows, g_ptr_array_unref);
  if (self->profile_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->profile_chooser));
  g_clear_object (&self->profile_chooser);

  G_OBJECT_CLASS (plc_preferences_window_parent_class)->dispose (object);
}

static void
plc_preferences_window_finalize (GObject *object)
{
  PlcPreferencesWindow *self = (PlcPreferencesWindow *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->profiles);
  g_clear_error (&self->profiles_error);
  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (plc_preferences_window_parent_class)->finalize (object);
}

static void
plc_preferences_window_constructed (GObject *object)
{
  PlcPreferencesWindow *self = (PlcPreferencesWindow *)object;

  G_OBJECT_CLASS (plc_preferences_window_parent_class)->constructed (object);

  setup_routines (self);
  fill_profiles (self);
}

static void
plc_preferences_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PlcPreferencesWindow *self = PLC_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROFILES:
      g_value_set_object (value, self->profiles);
      break;

    case PROP_PROFILES_ERROR:
      g_value_set_boxed (value, self->profiles_error);
      break;

    case PROP_CASELOAD:
      g_value_set_object (value, self->caseload);
      break;

    case PROP_STORE_ERROR:
      g_value_set_boxed (value, self->store_error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PlcPreferencesWindow *self = PLC_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROFILES:
      self->profiles = g_value_dup_object (value);
      break;

    case PROP_PROFILES_ERROR:
      self->profiles_error = g_value_dup_boxed (value);
      break;

    case PROP_CASELOAD:
      plc_preferences_window_set_caseload (self, g_value_get_object (value));
      break;

    case PROP_STORE_ERROR:
      self->store_error = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_preferences_window_class_init (PlcPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = plc_preferences_window_constructed;
  object_class->dispose = plc_preferences_window_dispose;
  object_class->finalize = plc_preferences_window_finalize;
  object_class->get_property = plc_preferences_window_get_property;
  object_class->set_property = plc_preferences_window_set_property;

  /**
   * PlcPreferencesWindow:profiles:
   *
   * The agreement profiles in force, whose local routines can be changed
   * and to which a profile can be imported.
   */
  properties [PROP_PROFILES] =
    g_param_spec_object ("profiles", NULL, NULL,
                         PLC_TYPE_PROFILE_SET,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * PlcPreferencesWindow:profiles-error:
   *
   * Why there are no profiles, if there are none.
   */
  properties [PROP_PROFILES_ERROR] =
    g_param_spec_boxed ("profiles-error", NULL, NULL,
                        G_TYPE_ERROR,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * PlcPreferencesWindow:caseload:
   *
   * The caseload whose store keeps the local routines; reloaded after a
   * profile is imported.
   */
  properties [PROP_CASELOAD] =
    g_param_spec_object ("caseload", NULL, NULL,
                         PLC_TYPE_CASELOAD,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * PlcPreferencesWindow:store-error:
   *
   * Why the database could not be opened, shown instead of the routines.
   */
  properties [PROP_STORE_ERROR] =
    g_param_spec_boxed ("store-error", NULL, NULL,
                        G_TYPE_ERROR,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/plc-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlcPreferencesWindow, caseworker_row);
  gtk_widget_class_bind_template_child (widget_class, PlcPreferencesWindow, upcoming_spin);
  gtk_widget_class_bind_template_child (widget_class, PlcPreferencesWindow, reminders_switch);
  gtk_widget_class_bind_template_child (widget_class, PlcPreferencesWindow, routines_page);
  gtk_widget_class_bind_template_child (widget_class, PlcPreferencesWindow, routines_status_group);
  gtk_widget_class_bind_template_child (widget_class, PlcPreferencesWindow, routines_status_row);
  gtk_widget_class_bind_template_child (widget_class, PlcPreferencesWindow, routines_status_icon);
  gtk_widget_class_bind_template_child (widget_class, PlcPreferencesWindow, profiles_group);
  gtk_widget_class_bind_template_child (widget_class, PlcPreferencesWindow, import_profile_button);
  gtk_widget_class_bind_template_callback (widget_class, import_profile_clicked_cb);
}

static void
plc_preferences_window_init (PlcPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  /* The groups and rows are owned by the page; these only point at them. */
  self->routine_groups = g_ptr_array_new ();
  self->routine_rows = g_ptr_array_new ();

  self->profile_rows = g_ptr_array_new ();

  g_settings_bind_with_mapping (self->settings, "caseworker-name",
                                self->caseworker_row, "text",
                                G_SETTINGS_BIND_DEFAULT,
                                caseworker_get_mapping, caseworker_set_mapping,
                                NULL, NULL);
  g_settings_bind (self->settings, "upcoming-days",
                   gtk_spin_button_get_adjustment (self->upcoming_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  /* The application writes the autostart entry (or asks the Background
   * portal) when this changes. */
  g_settings_bind (self->settings, "background-reminders",
                   self->reminders_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

/**
 * plc_preferences_window_new:
 * @transient_for: (nullable): the window it is for
 * @profiles: (nullable): the agreement profiles in force
 * @profiles_error: (nullable): why there are none, if @profiles is %NULL
 * @store_error: (nullable): why the database could not be opened, if it
 *   could not
 *
 * The local routines are shown once the window has a caseload (see
 * plc_preferences_window_set_caseload()).
 */
PlcPreferencesWindow *
plc_preferences_window_new (GtkWindow     *transient_for,
                            PlcProfileSet *profiles,
                            const GError  *profiles_error,
                            const GError  *store_error)
{
  return g_object_new (PLC_TYPE_PREFERENCES_WINDOW,
                       "transient-for", transient_for,
                       "profiles", profiles,
                       "profiles-error", profiles_error,
                       "store-error", store_error,
                       NULL);
}

PlcCaseload *
plc_preferences_window_get_caseload (PlcPreferencesWindow *self)
{
  g_return_val_if_fail (PLC_IS_PREFERENCES_WINDOW (self), NULL);

  return self->caseload;
}

/**
 * plc_preferences_window_set_caseload:
 * @self: a #PlcPreferencesWindow
 * @caseload: (nullable): the caseload whose store keeps the local routines
 *
 * Shows the local routines stored in @caseload's store.
 */
void
plc_preferences_window_set_caseload (PlcPreferencesWindow *self,
                                     PlcCaseload          *caseload)
{
  g_return_if_fail (PLC_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (caseload == NULL || PLC_IS_CASELOAD (caseload));

  if (!g_set_object (&self->caseload, caseload))
    return;

  /* Not before the rows are there, nor once closed (only kept alive by a
   * save still under way) */
  if (self->profiles != NULL && self->routine_rows != NULL && !g_cancellable_is_cancelled (self->cancellable))
    load_routines (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CASELOAD]);
}
