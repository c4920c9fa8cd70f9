/* plc-child-editor.c: the form to create or edit a child
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-child-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-child-editor.h"
#include "plc-error.h"
#include "plc-form.h"
#include "plc-personnummer.h"
#include "plc-record-diff.h"

enum {
  F_NAME,
  F_PERSONNUMMER,
  F_TEMPORARY_REF,
  F_BIRTH_DATE,
  F_LEGAL_GENDER,
  F_HOME_MUNICIPALITY,
  F_REGISTRATION_MUNICIPALITY,
  N_FIELDS
};

struct _PlcChildEditor
{
  AdwWindow       parent_instance;

  PlcStore       *store;
  PlcChild       *child;     /* the stored copy edited, or a new one */
  PlcChild       *draft;     /* what the form holds, when valid */
  PlcChild       *saving;
  GCancellable   *cancellable;
  PlcFormField    fields[N_FIELDS];
  guint           filling : 1;
  guint           valid : 1;
  guint           changed : 1;

  /* Template widgets */
  GtkButton      *save_button;
  GtkRevealer    *banner_revealer;
  GtkLabel       *banner_label;
  AdwEntryRow    *name_row;
  AdwEntryRow    *personnummer_row;
  AdwEntryRow    *temporary_ref_row;
  AdwEntryRow    *birth_date_row;
  AdwComboRow    *legal_gender_row;
  AdwEntryRow    *home_municipality_row;
  AdwEntryRow    *registration_municipality_row;
  GtkSwitch      *asylum_seeker_switch;
  GtkSwitch      *undocumented_switch;
  GtkSwitch      *unaccompanied_switch;
  GtkSwitch      *lss_switch;
  AdwEntryRow    *interpreter_language_row;
};

G_DEFINE_FINAL_TYPE (PlcChildEditor, plc_child_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static const PlcLegalGender genders[] = {
  PLC_LEGAL_GENDER_UNKNOWN, PLC_LEGAL_GENDER_FEMALE, PLC_LEGAL_GENDER_MALE,
};

static void
set_banner (PlcChildEditor *self,
            const char     *message)
{
  gtk_label_set_text (self->banner_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->banner_revealer, message != NULL);
}

/* Reads the form into a new child; sets a message on each field that does
 * not parse. Returns the child only if every field parsed. */
static PlcChild *
read_form (PlcChildEditor *self,
           char          **messages)
{
  g_autoptr(PlcChild) child = plc_child_copy (self->child);
  g_autoptr(GError) error = NULL;
  const PlcMunicipality *municipality = NULL;
  const char *personnummer;
  g_autofree char *name = NULL;
  PlcDate date = PLC_DATE_NONE;
  guint gender;
  gboolean ok = TRUE;

  name = g_strstrip (g_strdup (plc_form_entry_text (self->name_row)));
  plc_child_set_name (child, name);

  plc_child_set_temporary_ref (child, plc_form_entry_text (self->temporary_ref_row));
  plc_child_set_interpreter_language (child, plc_form_entry_text (self->interpreter_language_row));
  plc_child_set_asylum_seeker (child, gtk_switch_get_active (self->asylum_seeker_switch));
  plc_child_set_undocumented (child, gtk_switch_get_active (self->undocumented_switch));
  plc_child_set_unaccompanied (child, gtk_switch_get_active (self->unaccompanied_switch));
  plc_child_set_lss (child, gtk_switch_get_active (self->lss_switch));

  if (plc_form_parse_date_row (self->birth_date_row, "Birth date", &date, &error))
    plc_child_set_birth_date (child, date);
  else
    {
      messages[F_BIRTH_DATE] = g_strdup (error->message);
      g_clear_error (&error);
      ok = FALSE;
    }

  gender = adw_combo_row_get_selected (self->legal_gender_row);
  plc_child_set_legal_gender (child, gender < G_N_ELEMENTS (genders) ? genders[gender]
                                                                     : PLC_LEGAL_GENDER_UNKNOWN);

  /* A valid number sets the birth date and legal gender; a blank one leaves
   * them as typed. */
  personnummer = plc_form_entry_text (self->personnummer_row);
  if (!plc_child_set_personnummer_text (child, personnummer, PLC_DATE_NONE, &error))
    {
      messages[F_PERSONNUMMER] = g_strdup (error->message);
      g_clear_error (&error);
      ok = FALSE;
    }

  if (plc_form_parse_municipality_row (self->home_municipality_row, "Home municipality",
                                       &municipality, &error))
    plc_child_set_home_municipality (child, municipality != NULL ? municipality->code : NULL);
  else
    {
      messages[F_HOME_MUNICIPALITY] = g_strdup (error->message);
      g_clear_error (&error);
      ok = FALSE;
    }

  if (plc_form_parse_municipality_row (self->registration_municipality_row,
                                       "Municipality of registration", &municipality, &error))
    plc_child_set_registration_municipality (child, municipality != NULL ? municipality->code : NULL);
  else
    {
      messages[F_REGISTRATION_MUNICIPALITY] = g_strdup (error->message);
      g_clear_error (&error);
      ok = FALSE;
    }

  return ok ? g_steal_pointer (&child) : NULL;
}

static void
show_derived (PlcChildEditor *self,
              PlcChild       *child)
{
  gboolean derived = child != NULL && plc_child_get_personnummer (child) != NULL;

  /* With a valid number, the birth date and legal gender follow from it. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->birth_date_row), !derived);
  gtk_widget_set_sensitive (GTK_WIDGET (self->legal_gender_row), !derived);

  if (!derived)
    return;

  self->filling = TRUE;
  plc_form_set_date_row (self->birth_date_row, plc_child_get_birth_date (child));
  for (guint i = 0; i < G_N_ELEMENTS (genders); i++)
    {
      if (genders[i] == plc_child_get_legal_gender (child))
        adw_combo_row_set_selected (self->legal_gender_row, i);
    }
  self->filling = FALSE;
}

static void
validate (PlcChildEditor *self)
{
  g_autoptr(PlcChild) child = NULL;
  g_autoptr(GError) error = NULL;
  char *messages[N_FIELDS] = { NULL, };
  const char *banner = NULL;

  child = read_form (self, messages);
  show_derived (self, child);

  if (child != NULL && !plc_child_validate (child, PLC_DATE_NONE, &error))
    {
      int index = plc_form_find_field (self->fields, N_FIELDS, error->message);

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

  self->valid = child != NULL && error == NULL;
  g_set_object (&self->draft, (self->valid ? child : NULL));
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), self->valid && self->saving == NULL);
}

static void
field_changed_cb (PlcChildEditor *self,
                  GtkWidget      *row)
{
  if (self->filling)
    return;

  self->changed = TRUE;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (self->fields[i].row == row)
        self->fields[i].touched = TRUE;
    }

  validate (self);
}

static void
switch_changed_cb (PlcChildEditor *self)
{
  if (self->filling)
    return;

  self->changed = TRUE;
  validate (self);
}

static void
touch_all (PlcChildEditor *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    self->fields[i].touched = TRUE;
}

static void
fill_form (PlcChildEditor *self,
           PlcChild       *child)
{
  self->filling = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), plc_child_get_name (child) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->personnummer_row),
                         plc_child_get_personnummer (child) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->temporary_ref_row),
                         plc_child_get_temporary_ref (child) ?: "");
  plc_form_set_date_row (self->birth_date_row, plc_child_get_birth_date (child));
  for (guint i = 0; i < G_N_ELEMENTS (genders); i++)
    {
      if (genders[i] == plc_child_get_legal_gender (child))
        adw_combo_row_set_selected (self->legal_gender_row, i);
    }
  plc_form_set_municipality_row (self->home_municipality_row,
                                 plc_child_get_home_municipality (child));
  plc_form_set_municipality_row (self->registration_municipality_row,
                                 plc_child_get_registration_municipality (child));
  gtk_switch_set_active (self->asylum_seeker_switch, plc_child_get_asylum_seeker (child));
  gtk_switch_set_active (self->undocumented_switch, plc_child_get_undocumented (child));
  gtk_switch_set_active (self->unaccompanied_switch, plc_child_get_unaccompanied (child));
  gtk_switch_set_active (self->lss_switch, plc_child_get_lss (child));
  gtk_editable_set_text (GTK_EDITABLE (self->interpreter_language_row),
                         plc_child_get_interpreter_language (child) ?: "");

  self->filling = FALSE;
}

static void save (PlcChildEditor *self);

static void
finish_saved (PlcChildEditor *self,
              PlcChild       *saved)
{
  g_set_object (&self->child, saved);
  g_signal_emit (self, signals[SAVED], 0, saved);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
stale_chosen (GtkWindow          *window,
              PlcFormStaleChoice  choice,
              GObject            *theirs)
{
  PlcChildEditor *self = PLC_CHILD_EDITOR (window);

  switch (choice)
    {
    case PLC_FORM_STALE_KEEP_MINE:
      plc_record_keep_mine (G_OBJECT (self->child), theirs);
      plc_record_keep_mine (G_OBJECT (self->draft), theirs);
      save (self);
      break;
    case PLC_FORM_STALE_TAKE_THEIRS:
      finish_saved (self, PLC_CHILD (theirs));
      break;
    case PLC_FORM_STALE_BACK:
    default:
      set_banner (self, _("Not saved: someone else saved this child meanwhile. Save again to choose which version to keep."));
      break;
    }
}

static void
get_stored_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PlcChildEditor) self = user_data;
  g_autoptr(PlcChild) theirs = NULL;
  g_autoptr(GError) error = NULL;

  theirs = plc_store_get_child_finish (PLC_STORE (object), result, &error);
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
  g_autoptr(PlcChildEditor) self = user_data;
  g_autoptr(PlcChild) saving = g_steal_pointer (&self->saving);
  g_autoptr(GError) error = NULL;

  if (plc_store_save_child_finish (PLC_STORE (object), result, &error))
    {
      finish_saved (self, saving);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), self->valid);

  if (g_error_matches (error, PLC_ERROR, PLC_ERROR_STALE))
    {
      plc_store_get_child_async (self->store, plc_child_get_id (self->child), self->cancellable,
                                 get_stored_cb, g_object_ref (self));
      return;
    }

  if (g_error_matches (error, PLC_ERROR, PLC_ERROR_INVALID))
    {
      int index = plc_form_find_field (self->fields, N_FIELDS, error->message);

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
save (PlcChildEditor *self)
{
  touch_all (self);
  validate (self);

  if (!self->valid || self->saving != NULL || self->store == NULL)
    return;

  set_banner (self, NULL);
  /* The store works on the object it is given: hand it a copy, so that
   * the form's draft stays as typed whatever happens. */
  self->saving = plc_child_copy (self->draft);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  plc_store_save_child_async (self->store, self->saving, self->cancellable,
                              save_cb, g_object_ref (self));
}

static void
save_clicked_cb (PlcChildEditor *self)
{
  save (self);
}

static gboolean
plc_child_editor_close_request (GtkWindow *window)
{
  PlcChildEditor *self = (PlcChildEditor *)window;

  if (plc_form_confirm_close (window, self->changed))
    return TRUE;

  return GTK_WINDOW_CLASS (plc_child_editor_parent_class)->close_request (window);
}

static void
plc_child_editor_dispose (GObject *object)
{
  PlcChildEditor *self = (PlcChildEditor *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLC_TYPE_CHILD_EDITOR);

  G_OBJECT_CLASS (plc_child_editor_parent_class)->dispose (object);
}

static void
plc_child_editor_finalize (GObject *object)
{
  PlcChildEditor *self = (PlcChildEditor *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->child);
  g_clear_object (&self->draft);
  g_clear_object (&self->saving);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (plc_child_editor_parent_class)->finalize (object);
}

static void
plc_child_editor_class_init (PlcChildEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plc_child_editor_dispose;
  object_class->finalize = plc_child_editor_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = plc_child_editor_close_request;

  /**
   * PlcChildEditor::saved:
   * @child: the child as stored
   *
   * Emitted when the child was saved, just before the editor closes.
   */
  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, PLC_TYPE_CHILD);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/plc-child-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PlcChildEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, PlcChildEditor, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlcChildEditor, banner_label);
  gtk_widget_class_bind_template_child (widget_class, PlcChildEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, PlcChildEditor, personnummer_row);
  gtk_widget_class_bind_template_child (widget_class, PlcChildEditor, temporary_ref_row);
  gtk_widget_class_bind_template_child (widget_class, PlcChildEditor, birth_date_row);
  gtk_widget_class_bind_template_child (widget_class, PlcChildEditor, legal_gender_row);
  gtk_widget_class_bind_template_child (widget_class, PlcChildEditor, home_municipality_row);
  gtk_widget_class_bind_template_child (widget_class, PlcChildEditor, registration_municipality_row);
  gtk_widget_class_bind_template_child (widget_class, PlcChildEditor, asylum_seeker_switch);
  gtk_widget_class_bind_template_child (widget_class, PlcChildEditor, undocumented_switch);
  gtk_widget_class_bind_template_child (widget_class, PlcChildEditor, unaccompanied_switch);
  gtk_widget_class_bind_template_child (widget_class, PlcChildEditor, lss_switch);
  gtk_widget_class_bind_template_child (widget_class, PlcChildEditor, interpreter_language_row);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
}

static void
plc_child_editor_init (PlcChildEditor *self)
{
  g_autoptr(GtkStringList) gender_names = gtk_string_list_new (NULL);
  GtkWidget *rows[N_FIELDS];
  static const char * const titles[N_FIELDS] = {
    [F_NAME] = "Name",
    [F_PERSONNUMMER] = "Personal identity number",
    [F_TEMPORARY_REF] = "Temporary reference",
    [F_BIRTH_DATE] = "Birth date",
    [F_LEGAL_GENDER] = "Legal gender",
    [F_HOME_MUNICIPALITY] = "Home municipality",
    [F_REGISTRATION_MUNICIPALITY] = "Municipality of registration",
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->child = plc_child_new ();

  for (guint i = 0; i < G_N_ELEMENTS (genders); i++)
    gtk_string_list_append (gender_names, plc_legal_gender_get_display_name (genders[i]));
  adw_combo_row_set_model (self->legal_gender_row, G_LIST_MODEL (gender_names));

  plc_form_setup_date_row (self->birth_date_row);
  plc_form_setup_municipality_row (self->home_municipality_row);
  plc_form_setup_municipality_row (self->registration_municipality_row);

  rows[F_NAME] = GTK_WIDGET (self->name_row);
  rows[F_PERSONNUMMER] = GTK_WIDGET (self->personnummer_row);
  rows[F_TEMPORARY_REF] = GTK_WIDGET (self->temporary_ref_row);
  rows[F_BIRTH_DATE] = GTK_WIDGET (self->birth_date_row);
  rows[F_LEGAL_GENDER] = GTK_WIDGET (self->legal_gender_row);
  rows[F_HOME_MUNICIPALITY] = GTK_WIDGET (self->home_municipality_row);
  rows[F_REGISTRATION_MUNICIPALITY] = GTK_WIDGET (self->registration_municipality_row);

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

  g_signal_connect_object (self->interpreter_language_row, "changed",
                           G_CALLBACK (switch_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->asylum_seeker_switch, "notify::active",
                           G_CALLBACK (switch_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undocumented_switch, "notify::active",
                           G_CALLBACK (switch_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->unaccompanied_switch, "notify::active",
                           G_CALLBACK (switch_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lss_switch, "notify::active",
                           G_CALLBACK (switch_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * plc_child_editor_new:
 * @parent: (nullable): the window it belongs to
 * @store: the store to save to
 * @child: (nullable): the child to edit, as stored; %NULL for a new one
 *
 * Returns: (transfer none): a new editor, not yet presented
 */
PlcChildEditor *
plc_child_editor_new (GtkWindow *parent,
                      PlcStore  *store,
                      PlcChild  *child)
{
  PlcChildEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PLC_IS_STORE (store), NULL);
  g_return_val_if_fail (child == NULL || PLC_IS_CHILD (child), NULL);

  self = g_object_new (PLC_TYPE_CHILD_EDITOR,
                       "transient-for", parent,
                       "title", child != NULL ? _("Edit Child") : _("New Child"),
                       NULL);
  self->store = g_object_ref (store);

  if (child != NULL)
    {
      g_set_object (&self->child, child);
      fill_form (self, child);
      touch_all (self);
    }

  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}

/**
 * plc_child_editor_get_child:
 * @self: a #PlcChildEditor
 *
 * Returns: (transfer none): the child as last stored (or new and unsaved)
 */
PlcChild *
plc_child_editor_get_child (PlcChildEditor *self)
{
  g_return_val_if_fail (PLC_IS_CHILD_EDITOR (self), NULL);

  return self->child;
}
