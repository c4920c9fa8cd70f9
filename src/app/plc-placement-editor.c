/* plc-placement-editor.c: the form to create or edit a placement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-placement-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-error.h"
#include "plc-form.h"
#include "plc-placement-editor.h"
#include "plc-record-diff.h"

enum {
  F_PLACING_MUNICIPALITY,
  F_CASEWORKER,
  F_LEGAL_BASIS,
  F_FORM,
  F_START_DATE,
  F_PLANNED_END_DATE,
  F_PREVIOUS,
  F_PLACED_IN_MUNICIPALITY,
  F_PLACED_IN_REGION,
  F_LVU_DECISION_DATE,
  F_CUSTODY_CARRIED_OUT_DATE,
  F_INVESTIGATION_CLOSED_DATE,
  F_RESTRICTION_DECIDED_DATE,
  F_TEMPORARY_MOVING_BAN_DATE,
  F_DISCHARGE_NOTICE_DATE,
  F_HOME,
  F_HOME_REF,
  F_END_DATE,
  F_END_REASON,
  N_FIELDS
};

static const char * const titles[N_FIELDS] = {
  [F_PLACING_MUNICIPALITY] = "Placing municipality",
  [F_CASEWORKER] = "Caseworker",
  [F_LEGAL_BASIS] = "Legal basis",
  [F_FORM] = "Form of placement",
  [F_START_DATE] = "Start date",
  [F_PLANNED_END_DATE] = "Planned end date",
  [F_PREVIOUS] = "Previous placement",
  [F_PLACED_IN_MUNICIPALITY] = "Municipality placed in",
  [F_PLACED_IN_REGION] = "Region placed in",
  [F_LVU_DECISION_DATE] = "Decision date",
  [F_CUSTODY_CARRIED_OUT_DATE] = "Custody carried out",
  [F_INVESTIGATION_CLOSED_DATE] = "Investigation closed",
  [F_RESTRICTION_DECIDED_DATE] = "Restriction decided",
  [F_TEMPORARY_MOVING_BAN_DATE] = "Temporary moving ban decided",
  [F_DISCHARGE_NOTICE_DATE] = "Notice from inpatient care",
  [F_HOME] = "Home",
  [F_HOME_REF] = "Home reference",
  [F_END_DATE] = "End date",
  [F_END_REASON] = "End reason",
};

struct _PlcPlacementEditor
{
  AdwWindow       parent_instance;

  PlcStore       *store;
  PlcChild       *child;
  PlcPlacement   *placement;   /* the stored copy edited, or a new one */
  PlcPlacement   *draft;       /* what the form holds, when valid */
  PlcPlacement   *saving;
  GCancellable   *cancellable;
  GArray         *previous_ids; /* gint64, one for each item of the previous row */
  GPtrArray      *home_refs;    /* the home row's items: a contact's ref; NULL for
                                   "Not set" and the last, "Another reference" */
  char           *initial_home; /* the home to select once the contacts are listed */
  PlcFormField    fields[N_FIELDS];
  guint           filling : 1;
  guint           valid : 1;
  guint           changed : 1;

  /* Template widgets */
  GtkButton      *save_button;
  GtkRevealer    *banner_revealer;
  GtkLabel       *banner_label;
  AdwEntryRow    *placing_municipality_row;
  AdwEntryRow    *caseworker_row;
  AdwComboRow    *legal_basis_row;
  AdwComboRow    *form_row;
  AdwEntryRow    *start_date_row;
  GtkSwitch      *acute_switch;
  AdwEntryRow    *planned_end_date_row;
  AdwComboRow    *previous_row;
  AdwEntryRow    *placed_in_municipality_row;
  AdwComboRow    *placed_in_region_row;
  AdwPreferencesGroup *lvu6_group;
  AdwEntryRow    *lvu_decision_date_row;
  AdwEntryRow    *custody_carried_out_date_row;
  AdwEntryRow    *investigation_closed_date_row;
  AdwEntryRow    *restriction_decided_date_row;
  AdwEntryRow    *temporary_moving_ban_date_row;
  AdwEntryRow    *discharge_notice_date_row;
  AdwComboRow    *home_row;
  AdwEntryRow    *home_ref_row;
  AdwActionRow   *lvu_international_row;
  GtkSwitch      *lvu_international_switch;
  AdwEntryRow    *end_date_row;
  AdwEntryRow    *end_reason_row;
};

G_DEFINE_FINAL_TYPE (PlcPlacementEditor, plc_placement_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

#define N_LEGAL_BASES (PLC_LEGAL_BASIS_LVU6 + 1)
#define N_FORMS (PLC_PLACEMENT_FORM_SIS + 1)

static void
set_banner (PlcPlacementEditor *self,
            const char         *message)
{
  gtk_label_set_text (self->banner_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->banner_revealer, message != NULL);
}

/* The home row's last item: a reference typed in */
static guint
other_home_index (PlcPlacementEditor *self)
{
  return self->home_refs->len - 1;
}

static const char *
read_home (PlcPlacementEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->home_row);

  if (selected == other_home_index (self))
    {
      const char *text = plc_form_entry_text (self->home_ref_row);

      return *text != '\0' ? text : NULL;
    }

  return selected < self->home_refs->len ? g_ptr_array_index (self->home_refs, selected) : NULL;
}

static gboolean
read_date (AdwEntryRow  *row,
           guint         field,
           PlcDate      *out,
           char        **messages)
{
  g_autoptr(GError) error = NULL;

  if (plc_form_parse_date_row (row, titles[field], out, &error))
    return TRUE;

  messages[field] = g_strdup (error->message);
  return FALSE;
}

static PlcPlacement *
read_form (PlcPlacementEditor  *self,
           char               **messages)
{
  g_autoptr(PlcPlacement) placement = plc_placement_copy (self->placement);
  g_autoptr(GError) error = NULL;
  const PlcMunicipality *municipality = NULL;
  g_autofree char *caseworker = NULL;
  PlcDate date = PLC_DATE_NONE;
  guint selected;
  gboolean ok = TRUE;

  plc_placement_set_child_id (placement, plc_child_get_id (self->child));
  plc_placement_set_child_ref (placement, plc_child_get_ref (self->child));

  if (plc_form_parse_municipality_row (self->placing_municipality_row,
                                       titles[F_PLACING_MUNICIPALITY], &municipality, &error))
    plc_placement_set_placing_municipality (placement, municipality != NULL ? municipality->code : NULL);
  else
    {
      messages[F_PLACING_MUNICIPALITY] = g_strdup (error->message);
      g_clear_error (&error);
      ok = FALSE;
    }

  caseworker = g_strstrip (g_strdup (plc_form_entry_text (self->caseworker_row)));
  plc_placement_set_caseworker (placement, caseworker);

  selected = adw_combo_row_get_selected (self->legal_basis_row);
  plc_placement_set_legal_basis (placement, selected < N_LEGAL_BASES ? selected : PLC_LEGAL_BASIS_SOL);
  selected = adw_combo_row_get_selected (self->form_row);
  plc_placement_set_form (placement, selected < N_FORMS ? selected : PLC_PLACEMENT_FORM_FAMILJEHEM);
  plc_placement_set_acute (placement, gtk_switch_get_active (self->acute_switch));

  selected = adw_combo_row_get_selected (self->previous_row);
  if (self->previous_ids != NULL && selected < self->previous_ids->len)
    plc_placement_set_previous_id (placement, g_array_index (self->previous_ids, gint64, selected));

#define DATE(row, field, setter) \
  G_STMT_START { \
    if (read_date (self->row, field, &date, messages)) \
      setter (placement, date); \
    else \
      ok = FALSE; \
  } G_STMT_END

  DATE (start_date_row, F_START_DATE, plc_placement_set_start_date);
  DATE (planned_end_date_row, F_PLANNED_END_DATE, plc_placement_set_planned_end_date);
  DATE (end_date_row, F_END_DATE, plc_placement_set_end_date);
  DATE (investigation_closed_date_row, F_INVESTIGATION_CLOSED_DATE,
        plc_placement_set_investigation_closed_date);
  DATE (restriction_decided_date_row, F_RESTRICTION_DECIDED_DATE,
        plc_placement_set_restriction_decided_date);
  DATE (temporary_moving_ban_date_row, F_TEMPORARY_MOVING_BAN_DATE,
        plc_placement_set_temporary_moving_ban_date);
  DATE (discharge_notice_date_row, F_DISCHARGE_NOTICE_DATE,
        plc_placement_set_discharge_notice_date);

  /* The LVU decision dates: immediate custody under 6 §, the care
   * decision under 2 and 3 § (LVU 5 §, 13 §); none under SoL */
  if (plc_placement_get_legal_basis (placement) != PLC_LEGAL_BASIS_SOL)
    {
      DATE (lvu_decision_date_row, F_LVU_DECISION_DATE, plc_placement_set_lvu_decision_date);
      DATE (custody_carried_out_date_row, F_CUSTODY_CARRIED_OUT_DATE,
            plc_placement_set_custody_carried_out_date);
    }
  else
    {
      plc_placement_set_lvu_decision_date (placement, PLC_DATE_NONE);
      plc_placement_set_custody_carried_out_date (placement, PLC_DATE_NONE);
    }
  plc_placement_set_lvu_international (placement,
                                       plc_placement_get_legal_basis (placement) == PLC_LEGAL_BASIS_LVU6 &&
                                       gtk_switch_get_active (self->lvu_international_switch));
  {
    g_autofree char *home = g_strstrip (g_strdup (read_home (self) ?: ""));

    plc_placement_set_home_ref (placement, home);
  }

#undef DATE

  plc_placement_set_end_reason (placement, plc_form_entry_text (self->end_reason_row));

  if (plc_form_parse_municipality_row (self->placed_in_municipality_row,
                                       titles[F_PLACED_IN_MUNICIPALITY], &municipality, &error))
    plc_placement_set_placed_in_municipality (placement, municipality != NULL ? municipality->code : NULL);
  else
    {
      messages[F_PLACED_IN_MUNICIPALITY] = g_strdup (error->message);
      g_clear_error (&error);
      ok = FALSE;
    }

  selected = adw_combo_row_get_selected (self->placed_in_region_row);
  {
    guint n_regions = 0;
    const PlcRegion *regions = plc_region_all (&n_regions);

    /* The first item is "Not set" */
    plc_placement_set_placed_in_region (placement,
                                        selected >= 1 && selected <= n_regions
                                        ? regions[selected - 1].county_code : NULL);
  }

  plc_placement_update_other_region (placement, self->child);

  return ok ? g_steal_pointer (&placement) : NULL;
}

static int
find_field (PlcPlacementEditor *self,
            const char         *message)
{
  int index = plc_form_find_field (self->fields, N_FIELDS, message);
  g_autofree char *other = NULL;

  if (index >= 0)
    return index;

  /* "Other region" is derived from where the child is placed. */
  other = g_strconcat (_("Other region"), ": ", NULL);
  if (g_str_has_prefix (message, other))
    return F_PLACED_IN_REGION;

  return -1;
}

static void
validate (PlcPlacementEditor *self)
{
  g_autoptr(PlcPlacement) placement = NULL;
  g_autoptr(GError) error = NULL;
  char *messages[N_FIELDS] = { NULL, };
  const char *banner = NULL;
  gboolean lvu6;
  guint basis;

  /* Immediate custody under LVU 6 §; the care decision under 2 and 3 § */
  basis = adw_combo_row_get_selected (self->legal_basis_row);
  lvu6 = basis == PLC_LEGAL_BASIS_LVU6;
  gtk_widget_set_visible (GTK_WIDGET (self->lvu6_group), basis != PLC_LEGAL_BASIS_SOL);
  gtk_widget_set_visible (GTK_WIDGET (self->lvu_international_row), lvu6);
  adw_preferences_group_set_title (self->lvu6_group,
                                   lvu6 ? _("Immediate Custody (LVU 6 §)") : _("Care Decision (LVU)"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->lvu_decision_date_row),
                                 lvu6 ? _("Decision date") : _("Care decision final"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->custody_carried_out_date_row),
                                 lvu6 ? _("Custody carried out") : _("Care carried out"));
  gtk_widget_set_visible (GTK_WIDGET (self->home_ref_row),
                          adw_combo_row_get_selected (self->home_row) == other_home_index (self));

  placement = read_form (self, messages);

  if (placement != NULL && !plc_placement_validate (placement, self->child, &error))
    {
      int index = find_field (self, error->message);

      if (index >= 0)
        messages[index] = g_strdup (error->message);
      else
        banner = error->message;
    }

  for (guint i = 0; i < N_FIELDS; i++)
    {
      plc_form_field_set_error (&self->fields[i],
                                self->fields[i].touched ? messages[i] : NULL);
      g_free (messages[i]);
    }

  if (banner != NULL || gtk_revealer_get_reveal_child (self->banner_revealer))
    set_banner (self, banner);

  self->valid = placement != NULL && error == NULL;
  g_set_object (&self->draft, (self->valid ? placement : NULL));
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), self->valid && self->saving == NULL);
}

static void
select_region_of (PlcPlacementEditor *self,
                  const char         *municipality_code)
{
  const PlcMunicipality *municipality = plc_municipality_get (municipality_code);
  const PlcRegion *region = municipality != NULL ? plc_region_for_municipality (municipality) : NULL;
  guint n_regions = 0;
  const PlcRegion *regions = plc_region_all (&n_regions);

  if (region == NULL)
    return;

  for (guint i = 0; i < n_regions; i++)
    {
      if (&regions[i] == region)
        adw_combo_row_set_selected (self->placed_in_region_row, i + 1);
    }
}

static void
field_changed_cb (PlcPlacementEditor *self,
                  GtkWidget          *row)
{
  if (self->filling)
    return;

  self->changed = TRUE;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (self->fields[i].row == row)
        self->fields[i].touched = TRUE;
    }

  /* Where the child is placed decides the region: follow it. */
  if (row == GTK_WIDGET (self->placed_in_municipality_row))
    {
      const PlcMunicipality *municipality = NULL;

      if (plc_form_parse_municipality_row (self->placed_in_municipality_row, titles[F_PLACED_IN_MUNICIPALITY],
                                           &municipality, NULL) && municipality != NULL)
        {
          self->filling = TRUE;
          select_region_of (self, municipality->code);
          self->filling = FALSE;
        }
    }

  validate (self);
}

static void
other_changed_cb (PlcPlacementEditor *self)
{
  if (self->filling)
    return;

  self->changed = TRUE;
  validate (self);
}

static void
touch_all (PlcPlacementEditor *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    self->fields[i].touched = TRUE;
}

/* Selects @home_ref in the home row: a contact listed there, else the
 * reference typed in */
static void
select_home (PlcPlacementEditor *self,
             const char         *home_ref)
{
  g_free (self->initial_home);
  self->initial_home = g_strdup (home_ref);

  if (home_ref == NULL)
    {
      adw_combo_row_set_selected (self->home_row, 0);
      gtk_editable_set_text (GTK_EDITABLE (self->home_ref_row), "");
      return;
    }

  for (guint i = 1; i < other_home_index (self); i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->home_refs, i), home_ref) == 0)
        {
          adw_combo_row_set_selected (self->home_row, i);
          gtk_editable_set_text (GTK_EDITABLE (self->home_ref_row), "");
          return;
        }
    }

  adw_combo_row_set_selected (self->home_row, other_home_index (self));
  gtk_editable_set_text (GTK_EDITABLE (self->home_ref_row), home_ref);
}

/* The homes to choose from: "Not set", the contacts that are a foster
 * home, an emergency home or an HVB (this child's first), and "Another
 * reference" */
static void
set_home_items (PlcPlacementEditor *self,
                GPtrArray          *contacts)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  gint64 child_id = self->child != NULL ? plc_child_get_id (self->child) : 0;

  g_ptr_array_set_size (self->home_refs, 0);
  gtk_string_list_append (labels, C_("home", "Not set"));
  g_ptr_array_add (self->home_refs, NULL);

  for (guint pass = 0; contacts != NULL && pass < 2; pass++)
    {
      for (guint i = 0; i < contacts->len; i++)
        {
          PlcContact *contact = g_ptr_array_index (contacts, i);
          GPtrArray *links = plc_contact_get_links (contact);
          gboolean home = FALSE, ours = FALSE;

          for (guint j = 0; j < links->len; j++)
            {
              PlcContactLink *link = g_ptr_array_index (links, j);

              if (link->role == PLC_CONTACT_ROLE_FOSTER_HOME ||
                  link->role == PLC_CONTACT_ROLE_EMERGENCY_HOME ||
                  link->role == PLC_CONTACT_ROLE_HVB)
                {
                  home = TRUE;
                  ours = ours || (child_id != 0 && link->child_id == child_id);
                }
            }

          if (!home || ours != (pass == 0) || plc_contact_get_ref (contact) == NULL)
            continue;

          if (plc_contact_get_organisation (contact) != NULL)
            {
              /* Translators: a contact to choose as the home: its name and organisation */
              g_autofree char *label = g_strdup_printf (_("%s, %s"), plc_contact_get_name (contact),
                                                        plc_contact_get_organisation (contact));

              gtk_string_list_append (labels, label);
            }
          else
            gtk_string_list_append (labels, plc_contact_get_name (contact));
          g_ptr_array_add (self->home_refs, g_strdup (plc_contact_get_ref (contact)));
        }
    }

  gtk_string_list_append (labels, _("Another reference"));
  g_ptr_array_add (self->home_refs, NULL);

  adw_combo_row_set_model (self->home_row, G_LIST_MODEL (labels));
}

static void
list_contacts_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PlcPlacementEditor) self = user_data;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;

  contacts = plc_store_list_contacts_finish (PLC_STORE (object), result, &error);
  if (contacts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_banner (self, error->message);
      return;
    }

  /* What the form holds now, chosen or typed, stays chosen */
  home = g_strdup (self->changed ? read_home (self) : self->initial_home);
  self->filling = TRUE;
  set_home_items (self, contacts);
  select_home (self, home);
  self->filling = FALSE;

  validate (self);
}

static void
fill_form (PlcPlacementEditor *self,
           PlcPlacement       *placement)
{
  guint n_regions = 0;
  const PlcRegion *regions = plc_region_all (&n_regions);
  const char *region = plc_placement_get_placed_in_region (placement);

  self->filling = TRUE;

  plc_form_set_municipality_row (self->placing_municipality_row,
                                 plc_placement_get_placing_municipality (placement));
  gtk_editable_set_text (GTK_EDITABLE (self->caseworker_row),
                         plc_placement_get_caseworker (placement) ?: "");
  adw_combo_row_set_selected (self->legal_basis_row, plc_placement_get_legal_basis (placement));
  adw_combo_row_set_selected (self->form_row, plc_placement_get_form (placement));
  plc_form_set_date_row (self->start_date_row, plc_placement_get_start_date (placement));
  gtk_switch_set_active (self->acute_switch, plc_placement_get_acute (placement));
  plc_form_set_date_row (self->planned_end_date_row, plc_placement_get_planned_end_date (placement));
  plc_form_set_municipality_row (self->placed_in_municipality_row,
                                 plc_placement_get_placed_in_municipality (placement));
  adw_combo_row_set_selected (self->placed_in_region_row, 0);
  for (guint i = 0; region != NULL && i < n_regions; i++)
    {
      if (g_strcmp0 (regions[i].county_code, region) == 0)
        adw_combo_row_set_selected (self->placed_in_region_row, i + 1);
    }
  plc_form_set_date_row (self->lvu_decision_date_row, plc_placement_get_lvu_decision_date (placement));
  plc_form_set_date_row (self->custody_carried_out_date_row,
                         plc_placement_get_custody_carried_out_date (placement));
  plc_form_set_date_row (self->investigation_closed_date_row,
                         plc_placement_get_investigation_closed_date (placement));
  plc_form_set_date_row (self->restriction_decided_date_row,
                         plc_placement_get_restriction_decided_date (placement));
  plc_form_set_date_row (self->temporary_moving_ban_date_row,
                         plc_placement_get_temporary_moving_ban_date (placement));
  plc_form_set_date_row (self->discharge_notice_date_row,
                         plc_placement_get_discharge_notice_date (placement));
  gtk_switch_set_active (self->lvu_international_switch, plc_placement_get_lvu_international (placement));
  select_home (self, plc_placement_get_home_ref (placement));
  plc_form_set_date_row (self->end_date_row, plc_placement_get_end_date (placement));
  gtk_editable_set_text (GTK_EDITABLE (self->end_reason_row),
                         plc_placement_get_end_reason (placement) ?: "");

  self->filling = FALSE;
}

/* The previous placement (omplacering): the child's other placements */

static void
list_placements_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PlcPlacementEditor) self = user_data;
  g_autoptr(GPtrArray) placements = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) labels = NULL;
  gint64 none = 0;
  gint64 previous = plc_placement_get_previous_id (self->placement);

  placements = plc_store_list_placements_finish (PLC_STORE (object), result, &error);
  if (placements == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_banner (self, error->message);
      return;
    }

  labels = gtk_string_list_new (NULL);
  g_array_set_size (self->previous_ids, 0);
  gtk_string_list_append (labels, C_("previous placement", "None"));
  g_array_append_val (self->previous_ids, none);

  for (guint i = 0; i < placements->len; i++)
    {
      PlcPlacement *other = g_ptr_array_index (placements, i);
      gint64 id = plc_placement_get_id (other);
      g_autofree char *start = NULL;
      g_autofree char *label = NULL;

      if (id == plc_placement_get_id (self->placement))
        continue;

      start = plc_date_to_iso (plc_placement_get_start_date (other));
      /* Translators: a placement to choose from: its start date and its form */
      label = g_strdup_printf (_("From %s, %s"), start,
                               plc_placement_form_get_display_name (plc_placement_get_form (other)));
      gtk_string_list_append (labels, label);
      g_array_append_val (self->previous_ids, id);
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->previous_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->previous_row, 0);
  for (guint i = 0; i < self->previous_ids->len; i++)
    {
      if (previous != 0 && g_array_index (self->previous_ids, gint64, i) == previous)
        adw_combo_row_set_selected (self->previous_row, i);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->previous_row), self->previous_ids->len > 1);
  self->filling = FALSE;

  validate (self);
}

/* Saving */

static void save (PlcPlacementEditor *self);

static void
finish_saved (PlcPlacementEditor *self,
              PlcPlacement       *saved)
{
  g_set_object (&self->placement, saved);
  g_signal_emit (self, signals[SAVED], 0, saved);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
stale_chosen (GtkWindow          *window,
              PlcFormStaleChoice  choice,
              GObject            *theirs)
{
  PlcPlacementEditor *self = PLC_PLACEMENT_EDITOR (window);

  switch (choice)
    {
    case PLC_FORM_STALE_KEEP_MINE:
      plc_record_keep_mine (G_OBJECT (self->placement), theirs);
      plc_record_keep_mine (G_OBJECT (self->draft), theirs);
      save (self);
      break;
    case PLC_FORM_STALE_TAKE_THEIRS:
      finish_saved (self, PLC_PLACEMENT (theirs));
      break;
    case PLC_FORM_STALE_BACK:
    default:
      set_banner (self, _("Not saved: someone else saved this placement meanwhile. Save again to choose which version to keep."));
      break;
    }
}

static void
get_stored_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PlcPlacementEditor) self = user_data;
  g_autoptr(PlcPlacement) theirs = NULL;
  g_autoptr(GError) error = NULL;

  theirs = plc_store_get_placement_finish (PLC_STORE (object), result, &error);
  if (theirs == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_banner (self, error->message);
      return;
    }

  plc_form_ask_stale (GTK_WINDOW (self), G_OBJECT (self->draft), G_OBJECT (theirs), stale_chosen);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(PlcPlacementEditor) self = user_data;
  g_autoptr(PlcPlacement) saving = g_steal_pointer (&self->saving);
  g_autoptr(GError) error = NULL;

  if (plc_store_save_placement_finish (PLC_STORE (object), result, &error))
    {
      finish_saved (self, saving);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), self->valid);

  if (g_error_matches (error, PLC_ERROR, PLC_ERROR_STALE))
    {
      plc_store_get_placement_async (self->store, plc_placement_get_id (self->placement),
                                     self->cancellable, get_stored_cb, g_object_ref (self));
      return;
    }

  if (g_error_matches (error, PLC_ERROR, PLC_ERROR_INVALID))
    {
      int index = find_field (self, error->message);

      if (index >= 0)
        {
          plc_form_field_set_error (&self->fields[index], error->message);
          set_banner (self, _("Not saved: see the message under the field."));
          return;
        }
    }

  set_banner (self, error->message);
}

static void
save (PlcPlacementEditor *self)
{
  touch_all (self);
  validate (self);

  if (!self->valid || self->saving != NULL || self->store == NULL)
    return;

  set_banner (self, NULL);
  self->saving = plc_placement_copy (self->draft);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  plc_store_save_placement_async (self->store, self->saving, self->cancellable,
                                  save_cb, g_object_ref (self));
}

static void
save_clicked_cb (PlcPlacementEditor *self)
{
  save (self);
}

static gboolean
plc_placement_editor_close_request (GtkWindow *window)
{
  PlcPlacementEditor *self = (PlcPlacementEditor *)window;

  if (plc_form_confirm_close (window, self->changed))
    return TRUE;

  return GTK_WINDOW_CLASS (plc_placement_editor_parent_class)->close_request (window);
}

static void
plc_placement_editor_dispose (GObject *object)
{
  PlcPlacementEditor *self = (PlcPlacementEditor *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLC_TYPE_PLACEMENT_EDITOR);

  G_OBJECT_CLASS (plc_placement_editor_parent_class)->dispose (object);
}

static void
plc_placement_editor_finalize (GObject *object)
{
  PlcPlacementEditor *self = (PlcPlacementEditor *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->child);
  g_clear_object (&self->placement);
  g_clear_object (&self->draft);
  g_clear_object (&self->saving);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->previous_ids, g_array_unref);
  g_clear_pointer (&self->home_refs, g_ptr_array_unref);
  g_clear_pointer (&self->initial_home, g_free);

  G_OBJECT_CLASS (plc_placement_editor_parent_class)->finalize (object);
}

static void
plc_placement_editor_class_init (PlcPlacementEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plc_placement_editor_dispose;
  object_class->finalize = plc_placement_editor_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = plc_placement_editor_close_request;

  /**
   * PlcPlacementEditor::saved:
   * @placement: the placement as stored
   *
   * Emitted when the placement was saved, just before the editor closes.
   */
  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, PLC_TYPE_PLACEMENT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/plc-placement-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementEditor, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementEditor, banner_label);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementEditor, placing_municipality_row);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementEditor, caseworker_row);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementEditor, legal_basis_row);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementEditor, form_row);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementEditor, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementEditor, acute_switch);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementEditor, planned_end_date_row);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementEditor, previous_row);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementEditor, placed_in_municipality_row);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementEditor, placed_in_region_row);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementEditor, lvu6_group);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementEditor, lvu_decision_date_row);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementEditor, custody_carried_out_date_row);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementEditor, investigation_closed_date_row);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementEditor, restriction_decided_date_row);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementEditor, temporary_moving_ban_date_row);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementEditor, discharge_notice_date_row);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementEditor, home_row);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementEditor, home_ref_row);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementEditor, lvu_international_row);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementEditor, lvu_international_switch);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementEditor, end_date_row);
  gtk_widget_class_bind_template_child (widget_class, PlcPlacementEditor, end_reason_row);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
}

static void
plc_placement_editor_init (PlcPlacementEditor *self)
{
  g_autoptr(GtkStringList) bases = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) forms = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) region_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) no_previous = gtk_string_list_new (NULL);
  const PlcRegion *regions;
  guint n_regions = 0;
  GtkWidget *rows[N_FIELDS];
  AdwEntryRow *date_rows[9];

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->placement = plc_placement_new ();
  self->previous_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->home_refs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < N_LEGAL_BASES; i++)
    gtk_string_list_append (bases, plc_legal_basis_get_display_name (i));
  adw_combo_row_set_model (self->legal_basis_row, G_LIST_MODEL (bases));
  for (guint i = 0; i < N_FORMS; i++)
    gtk_string_list_append (forms, plc_placement_form_get_display_name (i));
  adw_combo_row_set_model (self->form_row, G_LIST_MODEL (forms));

  regions = plc_region_all (&n_regions);
  gtk_string_list_append (region_names, C_("region placed in", "Not set"));
  for (guint i = 0; i < n_regions; i++)
    gtk_string_list_append (region_names, regions[i].name);
  adw_combo_row_set_model (self->placed_in_region_row, G_LIST_MODEL (region_names));

  gtk_string_list_append (no_previous, C_("previous placement", "None"));
  adw_combo_row_set_model (self->previous_row, G_LIST_MODEL (no_previous));
  gtk_widget_set_sensitive (GTK_WIDGET (self->previous_row), FALSE);

  date_rows[0] = self->start_date_row;
  date_rows[1] = self->planned_end_date_row;
  date_rows[2] = self->lvu_decision_date_row;
  date_rows[3] = self->custody_carried_out_date_row;
  date_rows[4] = self->investigation_closed_date_row;
  date_rows[5] = self->restriction_decided_date_row;
  date_rows[6] = self->end_date_row;
  date_rows[7] = self->temporary_moving_ban_date_row;
  date_rows[8] = self->discharge_notice_date_row;
  for (guint i = 0; i < G_N_ELEMENTS (date_rows); i++)
    plc_form_setup_date_row (date_rows[i]);
  plc_form_setup_municipality_row (self->placing_municipality_row);
  plc_form_setup_municipality_row (self->placed_in_municipality_row);

  rows[F_PLACING_MUNICIPALITY] = GTK_WIDGET (self->placing_municipality_row);
  rows[F_CASEWORKER] = GTK_WIDGET (self->caseworker_row);
  rows[F_LEGAL_BASIS] = GTK_WIDGET (self->legal_basis_row);
  rows[F_FORM] = GTK_WIDGET (self->form_row);
  rows[F_START_DATE] = GTK_WIDGET (self->start_date_row);
  rows[F_PLANNED_END_DATE] = GTK_WIDGET (self->planned_end_date_row);
  rows[F_PREVIOUS] = GTK_WIDGET (self->previous_row);
  rows[F_PLACED_IN_MUNICIPALITY] = GTK_WIDGET (self->placed_in_municipality_row);
  rows[F_PLACED_IN_REGION] = GTK_WIDGET (self->placed_in_region_row);
  rows[F_LVU_DECISION_DATE] = GTK_WIDGET (self->lvu_decision_date_row);
  rows[F_CUSTODY_CARRIED_OUT_DATE] = GTK_WIDGET (self->custody_carried_out_date_row);
  rows[F_INVESTIGATION_CLOSED_DATE] = GTK_WIDGET (self->investigation_closed_date_row);
  rows[F_RESTRICTION_DECIDED_DATE] = GTK_WIDGET (self->restriction_decided_date_row);
  rows[F_TEMPORARY_MOVING_BAN_DATE] = GTK_WIDGET (self->temporary_moving_ban_date_row);
  rows[F_DISCHARGE_NOTICE_DATE] = GTK_WIDGET (self->discharge_notice_date_row);
  rows[F_HOME] = GTK_WIDGET (self->home_row);
  rows[F_HOME_REF] = GTK_WIDGET (self->home_ref_row);
  rows[F_END_DATE] = GTK_WIDGET (self->end_date_row);
  rows[F_END_REASON] = GTK_WIDGET (self->end_reason_row);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      plc_form_field_init (&self->fields[i], titles[i], rows[i]);
      if (ADW_IS_ENTRY_ROW (rows[i]))
        g_signal_connect_object (rows[i], "changed", G_CALLBACK (field_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      else
        g_signal_connect_object (rows[i], "notify::selected", G_CALLBACK (field_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }

  g_signal_connect_object (self->acute_switch, "notify::active",
                           G_CALLBACK (other_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lvu_international_switch, "notify::active",
                           G_CALLBACK (other_changed_cb), self, G_CONNECT_SWAPPED);

  /* "Not set" and "Another reference" until the contacts are listed */
  self->filling = TRUE;
  set_home_items (self, NULL);
  self->filling = FALSE;
}

/**
 * plc_placement_editor_new:
 * @parent: (nullable): the window it belongs to
 * @store: the store to save to
 * @child: the child placed, as stored
 * @placement: (nullable): the placement to edit, as stored; %NULL for a new one
 * @default_caseworker: (nullable): the caseworker of a new placement
 *
 * Returns: (transfer none): a new editor, not yet presented
 */
PlcPlacementEditor *
plc_placement_editor_new (GtkWindow    *parent,
                          PlcStore     *store,
                          PlcChild     *child,
                          PlcPlacement *placement,
                          const char   *default_caseworker)
{
  PlcPlacementEditor *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PLC_IS_STORE (store), NULL);
  g_return_val_if_fail (PLC_IS_CHILD (child), NULL);
  g_return_val_if_fail (placement == NULL || PLC_IS_PLACEMENT (placement), NULL);

  /* Translators: the title of the placement form; %s is the child's name */
  title = g_strdup_printf (placement != NULL ? _("Edit Placement of %s") : _("New Placement for %s"),
                           plc_child_get_name (child));
  self = g_object_new (PLC_TYPE_PLACEMENT_EDITOR,
                       "transient-for", parent,
                       "title", title,
                       NULL);
  self->store = g_object_ref (store);
  self->child = g_object_ref (child);

  if (placement != NULL)
    {
      g_set_object (&self->placement, placement);
      touch_all (self);
    }
  else
    {
      plc_placement_set_placing_municipality (self->placement, plc_child_get_home_municipality (child));
      plc_placement_set_caseworker (self->placement, default_caseworker);
      plc_placement_set_start_date (self->placement, plc_date_today ());
    }

  fill_form (self, self->placement);
  validate (self);

  if (plc_child_get_id (child) != 0)
    plc_store_list_placements_async (store, plc_child_get_id (child), FALSE, self->cancellable,
                                     list_placements_cb, g_object_ref (self));
  plc_store_list_contacts_async (store, FALSE, self->cancellable,
                                 list_contacts_cb, g_object_ref (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->placing_municipality_row));

  return self;
}

/**
 * plc_placement_editor_get_placement:
 * @self: a #PlcPlacementEditor
 *
 * Returns: (transfer none): the placement as last stored (or new and unsaved)
 */
PlcPlacement *
plc_placement_editor_get_placement (PlcPlacementEditor *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT_EDITOR (self), NULL);

  return self->placement;
}
