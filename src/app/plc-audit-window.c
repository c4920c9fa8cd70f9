/* plc-audit-window.c: the audit log of a period, to read and to export
 *
 * Who did what to which record, and when: a period of days at the top, the
 * entries in a column view, and Export to CSV for the supervisor who must
 * show it to someone. The log holds references, never names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-audit-window"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-audit-window.h"
#include "plc-csv.h"
#include "plc-output-file.h"
#include "plc-date.h"

/* One entry, as a list item */

#define PLC_TYPE_AUDIT_ITEM (plc_audit_item_get_type ())

G_DECLARE_FINAL_TYPE (PlcAuditItem, plc_audit_item, PLC, AUDIT_ITEM, GObject)

struct _PlcAuditItem
{
  GObject        parent_instance;
  PlcAuditEntry *entry;
};

G_DEFINE_FINAL_TYPE (PlcAuditItem, plc_audit_item, G_TYPE_OBJECT)

static void
plc_audit_item_finalize (GObject *object)
{
  g_clear_pointer (&PLC_AUDIT_ITEM (object)->entry, plc_audit_entry_free);

  G_OBJECT_CLASS (plc_audit_item_parent_class)->finalize (object);
}

static void
plc_audit_item_class_init (PlcAuditItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plc_audit_item_finalize;
}

static void
plc_audit_item_init (PlcAuditItem *self)
{
}

/* The window */

struct _PlcAuditWindow
{
  AdwWindow     parent_instance;

  PlcStore     *store;
  GCancellable *cancellable;
  GPtrArray    *entries;
  PlcDate       since;
  PlcDate       until;

  GtkEntry     *since_entry;
  GtkEntry     *until_entry;
  GtkLabel     *message;
  GtkStack     *stack;
  GListStore   *items;
  GtkWidget    *export_button;
  AdwToastOverlay *toasts;
};

G_DEFINE_FINAL_TYPE (PlcAuditWindow, plc_audit_window, ADW_TYPE_WINDOW)

/**
 * plc_audit_action_get_display_name:
 * @action: an action of the audit log: `create`, `update`, …
 *
 * Returns: what the action is called on screen, or @action itself if it
 *   is not known
 */
const char *
plc_audit_action_get_display_name (const char *action)
{
  static const struct { const char *action; const char *name; } names[] = {
    { "create", NC_("audit action", "Created") },
    { "update", NC_("audit action", "Changed") },
    { "delete", NC_("audit action", "Deleted") },
    { "undelete", NC_("audit action", "Restored") },
    { "open", NC_("audit action", "Opened") },
    { "import", NC_("audit action", "Imported") },
    { "export", NC_("audit action", "Exported") },
    { "backup", NC_("audit action", "Backed up") },
  };

  for (guint i = 0; action != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i].action, action))
      return g_dpgettext2 (GETTEXT_PACKAGE, "audit action", names[i].name);

  return action;
}

/**
 * plc_audit_record_type_get_display_name:
 * @record_type: a record type of the audit log: `child`, `placement`, …
 *
 * Returns: what the kind of record is called on screen, or @record_type
 *   itself if it is not known
 */
const char *
plc_audit_record_type_get_display_name (const char *record_type)
{
  static const struct { const char *type; const char *name; } names[] = {
    { "child", NC_("audit record", "Child") },
    { "placement", NC_("audit record", "Placement") },
    { "step", NC_("audit record", "Step") },
    { "contact", NC_("audit record", "Contact") },
    { "contact-log", NC_("audit record", "Contact log entry") },
    { "deviation", NC_("audit record", "Deviation report") },
    { "database", NC_("audit record", "Database") },
    { "routine-offset", NC_("audit record", "Local routine") },
  };

  for (guint i = 0; record_type != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i].type, record_type))
      return g_dpgettext2 (GETTEXT_PACKAGE, "audit record", names[i].name);

  return record_type;
}

static void
toast (PlcAuditWindow *self,
       const char     *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

/* Loading */

static void
entries_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PlcAuditWindow) self = user_data;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  entries = plc_store_list_audit_finish (PLC_STORE (object), result, &error);
  if (entries == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Could not read the audit log: %s", error->message);
          gtk_label_set_label (self->message, _("Could not read the audit log"));
          gtk_stack_set_visible_child_name (self->stack, "empty");
        }
      return;
    }

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = g_ptr_array_ref (entries);

  g_list_store_remove_all (self->items);
  for (guint i = entries->len; i > 0; i--)
    {
      PlcAuditItem *item = g_object_new (PLC_TYPE_AUDIT_ITEM, NULL);

      /* Newest first */
      item->entry = plc_audit_entry_copy (g_ptr_array_index (entries, i - 1));
      g_list_store_append (self->items, item);
      g_object_unref (item);
    }

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", entries->len),
                           entries->len);
  gtk_label_set_label (self->message, count);
  gtk_stack_set_visible_child_name (self->stack, entries->len > 0 ? "list" : "empty");
  gtk_widget_set_sensitive (self->export_button, TRUE);
}

static gboolean
read_day (GtkEntry  *entry,
          PlcDate   *date,
          GString   *problems)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;

  *date = PLC_DATE_NONE;
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  if (*text == '\0')
    return TRUE;
  if (plc_date_parse_iso (text, date, &error))
    return TRUE;

  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  if (problems->len > 0)
    g_string_append_c (problems, '\n');
  g_string_append (problems, error->message);

  return FALSE;
}

static void
reload (PlcAuditWindow *self)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  gboolean ok;

  ok = read_day (self->since_entry, &self->since, problems);
  ok = read_day (self->until_entry, &self->until, problems) && ok;
  if (ok && self->since != PLC_DATE_NONE && self->until != PLC_DATE_NONE && self->until < self->since)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->until_entry), "error");
      g_string_append (problems, _("The period ends before it starts."));
      ok = FALSE;
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (!ok)
    {
      gtk_label_set_label (self->message, problems->str);
      gtk_widget_set_sensitive (self->export_button, FALSE);
      return;
    }

  if (self->store == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (self->export_button, FALSE);
  gtk_label_set_label (self->message, _("Reading the audit log…"));
  plc_store_list_audit_async (self->store, self->since, self->until, self->cancellable,
                              entries_loaded_cb, g_object_ref (self));
}

/* Exporting */

static void
export_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(PlcAuditWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT && self->entries != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      gboolean comma = g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "separator"),
                                  "comma") == 0;
      gboolean no_bom = g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "bom"),
                                   "false") == 0;
      g_autofree char *csv = plc_csv_audit_log (self->entries, comma ? PLC_CSV_COMMA : PLC_CSV_SEMICOLON,
                                                no_bom ? PLC_CSV_NO_BOM : PLC_CSV_FLAGS_NONE);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Choose a folder on this computer"));

      /* Written to a temporary file and renamed: an old file is never half
       * overwritten, and a database never overwritten at all */
      if (path != NULL &&
          plc_output_file_set_contents (path, csv, strlen (csv), PLC_OUTPUT_FILE_PRIVATE, &error))
        toast (self, _("Audit log exported"));
      else
        {
          g_autofree char *text = NULL;

          /* Translators: %s says why, such as "Permission denied" */
          text = g_strdup_printf (_("Could not export the audit log: %s"), error->message);
          toast (self, text);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_clicked_cb (PlcAuditWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *since = self->since != PLC_DATE_NONE ? plc_date_to_iso (self->since) : NULL;
  g_autofree char *until = plc_date_to_iso (self->until != PLC_DATE_NONE ? self->until : plc_date_today ());
  g_autofree char *name = NULL;
  const char *separators[] = { "semicolon", "comma", NULL };
  const char *separator_names[] = { _("Semicolons (Swedish spreadsheets)"), _("Commas"), NULL };

  chooser = gtk_file_chooser_native_new (_("Export Audit Log"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the file name of an exported audit log; %s are dates */
  name = since != NULL ? g_strdup_printf (_("audit-log-%s-%s.csv"), since, until)
                       : g_strdup_printf (_("audit-log-until-%s.csv"), until);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "separator", _("Separate values with"),
                               separators, separator_names);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "separator", "semicolon");
  /* Without it Excel reads å, ä and ö as two characters each */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "bom",
                               _("With semicolons, mark the file as UTF-8, for Excel"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "bom", "true");
  g_signal_connect (chooser, "response", G_CALLBACK (export_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The columns */

typedef enum
{
  COLUMN_TIME,
  COLUMN_USER,
  COLUMN_ACTION,
  COLUMN_RECORD,
} Column;

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static char *
local_time (const char *at)
{
  g_autoptr(GDateTime) utc = at != NULL ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (at != NULL ? at : "");
  local = g_date_time_to_local (utc);

  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  PlcAuditItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const PlcAuditEntry *entry = item->entry;
  g_autofree char *text = NULL;

  switch ((Column)GPOINTER_TO_INT (user_data))
    {
    case COLUMN_TIME:
      text = local_time (entry->at);
      break;
    case COLUMN_USER:
      text = g_strdup (entry->user);
      break;
    case COLUMN_ACTION:
      text = g_strdup (plc_audit_action_get_display_name (entry->action));
      break;
    case COLUMN_RECORD:
      if (entry->record_ref != NULL)
        /* Translators: a kind of record and its reference, such as "Child c-12" */
        text = g_strdup_printf (C_("audit record", "%s %s"),
                                plc_audit_record_type_get_display_name (entry->record_type),
                                entry->record_ref);
      else
        text = g_strdup (plc_audit_record_type_get_display_name (entry->record_type));
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_label (GTK_LABEL (label), text);
}

static void
add_column (GtkColumnView *view,
            const char    *title,
            Column         column,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_append_column (view, view_column);
}

static GtkWidget *
labelled_entry (const char *mnemonic,
                GtkEntry   *entry)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (entry));
  gtk_entry_set_placeholder_text (entry, _("YYYY-MM-DD"));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (entry));

  return box;
}

static void
plc_audit_window_dispose (GObject *object)
{
  PlcAuditWindow *self = PLC_AUDIT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->items);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (plc_audit_window_parent_class)->dispose (object);
}

static void
plc_audit_window_class_init (PlcAuditWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = plc_audit_window_dispose;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
plc_audit_window_init (PlcAuditWindow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *period = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *show = gtk_button_new_with_mnemonic (_("_Show"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view;
  GtkWidget *empty = adw_status_page_new ();
  GtkNoSelection *selection;
  g_autofree char *since = plc_date_to_iso (plc_date_add_days (plc_date_today (), -30));
  g_autofree char *until = plc_date_to_iso (plc_date_today ());

  gtk_window_set_title (GTK_WINDOW (self), _("Audit Log"));
  gtk_window_set_default_size (GTK_WINDOW (self), 760, 560);

  self->export_button = gtk_button_new_with_mnemonic (_("_Export…"));
  gtk_widget_set_tooltip_text (self->export_button, _("Save the entries shown as a CSV file"));
  gtk_widget_set_sensitive (self->export_button, FALSE);
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (export_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  gtk_box_append (GTK_BOX (content), header);

  self->since_entry = GTK_ENTRY (gtk_entry_new ());
  self->until_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (self->since_entry), since);
  gtk_editable_set_text (GTK_EDITABLE (self->until_entry), until);
  g_signal_connect_swapped (self->since_entry, "activate", G_CALLBACK (reload), self);
  g_signal_connect_swapped (self->until_entry, "activate", G_CALLBACK (reload), self);
  g_signal_connect_swapped (show, "clicked", G_CALLBACK (reload), self);
  gtk_widget_set_valign (show, GTK_ALIGN_END);
  gtk_widget_set_margin_start (period, 12);
  gtk_widget_set_margin_end (period, 12);
  gtk_widget_set_margin_top (period, 6);
  gtk_widget_set_margin_bottom (period, 6);
  gtk_box_append (GTK_BOX (period), labelled_entry (_("_From"), self->since_entry));
  gtk_box_append (GTK_BOX (period), labelled_entry (_("_To"), self->until_entry));
  gtk_box_append (GTK_BOX (period), show);
  gtk_box_append (GTK_BOX (content), period);

  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->message, 0);
  gtk_label_set_wrap (self->message, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "dim-label");
  gtk_widget_set_margin_start (GTK_WIDGET (self->message), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->message), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->message), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Audit log status"), -1);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->message));

  self->items = g_list_store_new (PLC_TYPE_AUDIT_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->items)));
  view = gtk_column_view_new (GTK_SELECTION_MODEL (selection));
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Audit Log"), -1);
  add_column (GTK_COLUMN_VIEW (view), C_("audit column", "Time"), COLUMN_TIME, FALSE);
  add_column (GTK_COLUMN_VIEW (view), C_("audit column", "User"), COLUMN_USER, FALSE);
  add_column (GTK_COLUMN_VIEW (view), C_("audit column", "Action"), COLUMN_ACTION, FALSE);
  add_column (GTK_COLUMN_VIEW (view), C_("audit column", "Record"), COLUMN_RECORD, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_set_vexpand (scroller, TRUE);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "document-open-recent-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Entries"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Nothing was recorded in this period."));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scroller, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->stack));

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, content);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
}

/**
 * plc_audit_window_new:
 * @parent: (nullable): the window it belongs to
 * @store: (nullable): the open database, or %NULL if there is none
 *
 * Returns: (transfer floating): a new window listing the last 30 days
 */
PlcAuditWindow *
plc_audit_window_new (GtkWindow *parent,
                      PlcStore  *store)
{
  PlcAuditWindow *self = g_object_new (PLC_TYPE_AUDIT_WINDOW,
                                       "transient-for", parent,
                                       NULL);

  if (store != NULL)
    self->store = g_object_ref (store);
  else
    {
      gtk_label_set_label (self->message, _("The database is not open."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  reload (self);

  return self;
}
