/* plc-form.c: what the child and placement editors share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-form"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-form.h"
#include "plc-record-diff.h"

/**
 * plc_form_error_row_new:
 * @label: (out) (transfer none): the label that will hold the message
 *
 * Returns: (transfer floating): a hidden, inert row for the message about
 *   the field in the row above it
 */
GtkWidget *
plc_form_error_row_new (GtkLabel **label)
{
  GtkWidget *row;
  GtkWidget *child;

  child = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (child), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (child), 0.0);
  gtk_label_set_selectable (GTK_LABEL (child), FALSE);
  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  gtk_widget_set_margin_top (child, 6);
  gtk_widget_set_margin_bottom (child, 6);
  gtk_widget_add_css_class (child, "error");
  gtk_widget_add_css_class (child, "plc-field-error");

  row = g_object_new (ADW_TYPE_PREFERENCES_ROW,
                      "activatable", FALSE,
                      "selectable", FALSE,
                      "focusable", FALSE,
                      "visible", FALSE,
                      "child", child,
                      NULL);

  *label = GTK_LABEL (child);

  return row;
}

/**
 * plc_form_field_set_error:
 * @field: a field
 * @message: (nullable): what is wrong with it, or %NULL if nothing is
 *
 * Shows @message right under the field, marks the field invalid for
 * screen readers and describes it with @message; or takes all that away.
 */
void
plc_form_field_set_error (PlcFormField *field,
                          const char   *message)
{
  gboolean invalid = message != NULL;

  g_return_if_fail (field != NULL);

  if (field->error_label != NULL)
    gtk_label_set_text (field->error_label, invalid ? message : "");
  if (field->error_row != NULL)
    gtk_widget_set_visible (field->error_row, invalid);

  if (field->row == NULL)
    return;

  if (invalid)
    gtk_widget_add_css_class (field->row, "error");
  else
    gtk_widget_remove_css_class (field->row, "error");

  gtk_accessible_update_state (GTK_ACCESSIBLE (field->row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (invalid)
    gtk_accessible_update_property (GTK_ACCESSIBLE (field->row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (field->row),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * plc_form_find_field:
 * @fields: (array length=n_fields): the form's fields
 * @n_fields: how many
 * @message: a message from the model, which starts with the field's label
 *
 * Returns: the index of the field @message is about, or -1
 */
int
plc_form_find_field (PlcFormField *fields,
                     guint         n_fields,
                     const char   *message)
{
  const char *colon;
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (fields != NULL || n_fields == 0, -1);

  if (message == NULL || (colon = strstr (message, ": ")) == NULL)
    return -1;

  prefix = g_strndup (message, colon - message);

  for (guint i = 0; i < n_fields; i++)
    {
      if (fields[i].title != NULL && g_strcmp0 (prefix, _(fields[i].title)) == 0)
        return (int) i;
    }

  return -1;
}

/**
 * plc_form_prefix_message:
 * @title: the field's label (untranslated)
 * @message: what is wrong with it
 *
 * Returns: (transfer full): "@title: @message", translated, as the model's
 *   own messages read
 */
char *
plc_form_prefix_message (const char *title,
                         const char *message)
{
  /* Translators: a message about a field of a form: the field's label, then
   * what is wrong with it, as in "Start date: must be set" */
  return g_strdup_printf (C_("field message", "%s: %s"), _(title), message);
}

const char *
plc_form_entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    {
      if (!g_unichar_isspace (g_utf8_get_char (text)))
        return FALSE;
    }

  return TRUE;
}

/* Dates */

static void
calendar_day_selected_cb (GtkCalendar *calendar,
                          AdwEntryRow *row)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (calendar);
  g_autofree char *text = NULL;
  GtkWidget *popover;

  text = g_date_time_format (picked, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (row), text);

  popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
calendar_popover_show_cb (GtkWidget   *popover,
                          AdwEntryRow *row)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (GTK_POPOVER (popover)));
  PlcDate date = PLC_DATE_NONE;
  g_autoptr(GDateTime) shown = NULL;

  if (!plc_date_parse_iso (plc_form_entry_text (row), &date, NULL) || date == PLC_DATE_NONE)
    date = plc_date_today ();

  shown = g_date_time_new_local (plc_date_get_year (date), plc_date_get_month (date),
                                 plc_date_get_day (date), 12, 0, 0);

  g_signal_handlers_block_by_func (calendar, calendar_day_selected_cb, row);
  gtk_calendar_select_day (calendar, shown);
  g_signal_handlers_unblock_by_func (calendar, calendar_day_selected_cb, row);
}

/**
 * plc_form_setup_date_row:
 * @row: an entry row for a date
 *
 * Adds a button that opens a calendar to pick the date with, and a hint of
 * the form dates are typed in.
 */
void
plc_form_setup_date_row (AdwEntryRow *row)
{
  GtkWidget *button;
  GtkWidget *popover;
  GtkWidget *calendar;
  g_autofree char *label = NULL;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  calendar = gtk_calendar_new ();
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  g_signal_connect_object (calendar, "day-selected",
                           G_CALLBACK (calendar_day_selected_cb), row, 0);
  g_signal_connect_object (popover, "show",
                           G_CALLBACK (calendar_popover_show_cb), row, 0);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose a Date"));
  /* Translators: the accessible name of the calendar button of a date
   * field; %s is the field's label */
  label = g_strdup_printf (_("Choose %s"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  adw_entry_row_add_suffix (row, button);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (row), 10);
}

/**
 * plc_form_parse_date_row:
 * @row: an entry row for a date
 * @title: the field's label, untranslated, for the message
 * @out: (out): the date, %PLC_DATE_NONE when the row is empty
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the row is empty or holds a date as YYYY-MM-DD
 */
gboolean
plc_form_parse_date_row (AdwEntryRow  *row,
                         const char   *title,
                         PlcDate      *out,
                         GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), FALSE);

  *out = PLC_DATE_NONE;
  text = g_strstrip (g_strdup (plc_form_entry_text (row)));
  if (*text == '\0')
    return TRUE;

  if (!plc_date_parse_iso (text, out, &local_error))
    {
      g_autofree char *message = plc_form_prefix_message (title, local_error->message);

      g_set_error_literal (error, local_error->domain, local_error->code, message);
      return FALSE;
    }

  return TRUE;
}

void
plc_form_set_date_row (AdwEntryRow *row,
                       PlcDate      date)
{
  g_autofree char *text = date != PLC_DATE_NONE ? plc_date_to_iso (date) : NULL;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* Municipalities */

static GListModel *
municipality_names (void)
{
  static GtkStringList *names = NULL;

  if (names == NULL)
    {
      const PlcMunicipality *all;
      guint n = 0;

      all = plc_municipality_all (&n);
      names = gtk_string_list_new (NULL);
      for (guint i = 0; i < n; i++)
        gtk_string_list_append (names, all[i].name);
    }

  return G_LIST_MODEL (names);
}

static void
municipality_item_setup_cb (GtkSignalListItemFactory *factory,
                            GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
municipality_item_bind_cb (GtkSignalListItemFactory *factory,
                           GtkListItem              *item)
{
  GtkStringObject *name = gtk_list_item_get_item (item);
  const char *text = gtk_string_object_get_string (name);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
pick_municipality (AdwEntryRow *row,
                   GListModel  *model,
                   guint        position)
{
  g_autoptr(GtkStringObject) name = g_list_model_get_item (model, position);
  GtkWidget *popover;
  GtkWidget *button;

  if (name == NULL)
    return;

  gtk_editable_set_text (GTK_EDITABLE (row), gtk_string_object_get_string (name));

  button = g_object_get_data (G_OBJECT (row), "plc-municipality-button");
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
municipality_activate_cb (GtkListView *list,
                          guint        position,
                          AdwEntryRow *row)
{
  pick_municipality (row, G_LIST_MODEL (gtk_list_view_get_model (list)), position);
}

static void
municipality_search_changed_cb (GtkSearchEntry  *entry,
                                GtkStringFilter *filter)
{
  gtk_string_filter_set_search (filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
municipality_search_activate_cb (GtkSearchEntry *entry,
                                 AdwEntryRow    *row)
{
  GtkListView *list = g_object_get_data (G_OBJECT (entry), "plc-list");
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));

  if (g_list_model_get_n_items (model) > 0)
    pick_municipality (row, model, 0);
}

/**
 * plc_form_setup_municipality_row:
 * @row: an entry row for a municipality
 *
 * Adds a button that opens a searchable list of Sweden's municipalities.
 * What is typed in the row is looked up by name or code.
 */
void
plc_form_setup_municipality_row (AdwEntryRow *row)
{
  GtkWidget *button;
  GtkWidget *popover;
  GtkWidget *box;
  GtkWidget *search;
  GtkWidget *scrolled;
  GtkWidget *list;
  GtkStringFilter *filter;
  GtkFilterListModel *filtered;
  GtkListItemFactory *factory;
  g_autofree char *label = NULL;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  filter = gtk_string_filter_new (gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_string_filter_set_match_mode (filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (filter, TRUE);
  filtered = gtk_filter_list_model_new (g_object_ref (municipality_names ()), GTK_FILTER (filter));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (municipality_item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (municipality_item_bind_cb), NULL);

  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (filtered))),
                            factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Municipalities"),
                                  -1);
  g_signal_connect_object (list, "activate", G_CALLBACK (municipality_activate_cb), row, 0);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 200);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);

  search = gtk_search_entry_new ();
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (search), list);
  gtk_accessible_update_property (GTK_ACCESSIBLE (search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Municipalities"),
                                  -1);
  g_object_set_data (G_OBJECT (search), "plc-list", list);
  g_signal_connect_object (search, "search-changed",
                           G_CALLBACK (municipality_search_changed_cb), filter, 0);
  g_signal_connect_object (search, "activate",
                           G_CALLBACK (municipality_search_activate_cb), row, 0);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), search);
  gtk_box_append (GTK_BOX (box), scrolled);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), NULL);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-list-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose a Municipality"));
  /* Translators: the accessible name of the list button of a municipality
   * field; %s is the field's label */
  label = g_strdup_printf (_("Choose %s"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data (G_OBJECT (row), "plc-municipality-button", button);

  adw_entry_row_add_suffix (row, button);
}

/**
 * plc_form_parse_municipality_row:
 * @row: an entry row for a municipality
 * @title: the field's label, untranslated, for the message
 * @out: (out) (transfer none): the municipality, %NULL when the row is empty
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the row is empty or names a municipality (by name or code)
 */
gboolean
plc_form_parse_municipality_row (AdwEntryRow            *row,
                                 const char             *title,
                                 const PlcMunicipality **out,
                                 GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *text;

  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), FALSE);

  *out = NULL;
  text = plc_form_entry_text (row);
  if (is_blank (text))
    return TRUE;

  *out = plc_municipality_lookup (text, &local_error);
  if (*out == NULL)
    {
      g_autofree char *message = plc_form_prefix_message (title, local_error->message);

      g_set_error_literal (error, local_error->domain, local_error->code, message);
      return FALSE;
    }

  return TRUE;
}

void
plc_form_set_municipality_row (AdwEntryRow *row,
                               const char  *code)
{
  const PlcMunicipality *municipality = plc_municipality_get (code);

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  if (municipality != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), municipality->name);
  else
    gtk_editable_set_text (GTK_EDITABLE (row), code != NULL ? code : "");
}

/**
 * plc_form_field_init:
 * @field: a field to fill in
 * @title: its label, untranslated, as the model's messages start with it
 * @row: the row that edits it, already in an #AdwPreferencesGroup
 *
 * Puts a hidden row for the field's message right under @row.
 */
void
plc_form_field_init (PlcFormField *field,
                     const char   *title,
                     GtkWidget    *row)
{
  GtkWidget *list;

  g_return_if_fail (field != NULL);
  g_return_if_fail (GTK_IS_LIST_BOX_ROW (row));

  field->title = title;
  field->row = row;
  field->touched = FALSE;
  field->error_row = plc_form_error_row_new (&field->error_label);

  list = gtk_widget_get_parent (row);
  g_return_if_fail (GTK_IS_LIST_BOX (list));
  gtk_list_box_insert (GTK_LIST_BOX (list), field->error_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
}

/* A dialog that shows the two versions field by field and asks which to
 * keep. Its responses: "cancel" (back to the form), "theirs" (use the
 * stored copy), "mine" (save the copy being edited over it). */
static AdwMessageDialog *
stale_dialog_new (GtkWindow *parent,
                  GObject   *mine,
                  GObject   *theirs)
{
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *list;
  GtkWidget *scrolled;

  rows = plc_record_diff (mine, theirs);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent,
                                                       _("Someone Else Saved a Change"),
                                                       _("This record was changed and saved elsewhere while you edited it. Compare the two versions and choose which to keep.")));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Differences"),
                                  -1);

  for (guint i = 0; i < rows->len; i++)
    {
      PlcRecordDiffRow *diff = g_ptr_array_index (rows, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      /* Translators: the two versions of a field, one per line: the value
       * typed in the form, and the value someone else saved meanwhile */
      subtitle = g_strdup_printf (_("Yours: %s\nSaved meanwhile: %s"), diff->mine, diff->theirs);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), diff->label);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  if (rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("The fields you edit are the same in both versions"));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  adw_message_dialog_set_extra_child (dialog, scrolled);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Back to Editing"),
                                    "theirs", _("Use _Theirs"),
                                    "mine", _("Keep _Mine"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "mine", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "mine");
  adw_message_dialog_set_close_response (dialog, "cancel");

  return dialog;
}

#define STALE_KEY "plc-form-stale"

typedef struct
{
  GtkWindow        *editor;
  GObject          *theirs;
  PlcFormStaleFunc  func;
} Stale;

static void
stale_free (Stale *stale)
{
  g_clear_object (&stale->editor);
  g_clear_object (&stale->theirs);
  g_free (stale);
}

static gboolean
take_theirs_idle (gpointer data)
{
  Stale *stale = data;

  stale->func (stale->editor, PLC_FORM_STALE_TAKE_THEIRS, stale->theirs);

  return G_SOURCE_REMOVE;
}

static void
stale_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   GtkWindow        *editor)
{
  Stale *stale = g_object_get_data (G_OBJECT (dialog), STALE_KEY);

  if (g_strcmp0 (response, "mine") == 0)
    stale->func (editor, PLC_FORM_STALE_KEEP_MINE, stale->theirs);
  else if (g_strcmp0 (response, "theirs") == 0)
    {
      Stale *later = g_new0 (Stale, 1);

      /* Not from inside the dialog's response: it is transient for the
       * editor, and must be gone before the editor is. */
      later->editor = g_object_ref (editor);
      later->theirs = g_object_ref (stale->theirs);
      later->func = stale->func;
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, take_theirs_idle, later, (GDestroyNotify) stale_free);
    }
  else
    stale->func (editor, PLC_FORM_STALE_BACK, stale->theirs);
}

/**
 * plc_form_ask_stale:
 * @editor: the editor whose save was refused as stale
 * @mine: the copy being edited
 * @theirs: the copy someone else saved meanwhile
 * @func: called with the user's choice, @editor and @theirs; a choice of
 *   %PLC_FORM_STALE_TAKE_THEIRS comes after the dialog is gone
 *
 * Shows the two versions field by field and asks which to keep.
 */
void
plc_form_ask_stale (GtkWindow        *editor,
                    GObject          *mine,
                    GObject          *theirs,
                    PlcFormStaleFunc  func)
{
  AdwMessageDialog *dialog = stale_dialog_new (editor, mine, theirs);
  Stale *stale = g_new0 (Stale, 1);

  stale->theirs = g_object_ref (theirs);
  stale->func = func;
  g_object_set_data_full (G_OBJECT (dialog), STALE_KEY, stale, (GDestroyNotify) stale_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (stale_response_cb), editor, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

#define DISCARD_KEY "plc-form-discard"

static gboolean
close_idle (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));

  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GtkWindow        *window)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  /* Not from inside the dialog's response: it is transient for the form,
   * and must be gone before the form is. */
  g_object_set_data (G_OBJECT (window), DISCARD_KEY, GINT_TO_POINTER (TRUE));
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle, g_object_ref (window), g_object_unref);
}

/**
 * plc_form_confirm_close:
 * @window: a form's window, from its close-request handler
 * @changed: whether the form holds typing that is not saved
 *
 * Never loses what was typed without asking: with unsaved changes, asks
 * whether to discard them, and closes the form again if the user says so.
 *
 * Returns: %TRUE if the close must wait for the answer (return it from
 *   close-request), %FALSE if the form may close now
 */
gboolean
plc_form_confirm_close (GtkWindow *window,
                        gboolean   changed)
{
  AdwMessageDialog *dialog;

  if (!changed || g_object_get_data (G_OBJECT (window), DISCARD_KEY) != NULL)
    return FALSE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window,
                                                       _("Discard Your Changes?"),
                                                       _("What you typed in this form has not been saved.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}
