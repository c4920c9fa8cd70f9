/* plc-contacts-view.c: the directory of contacts and the children's contact logs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-contacts-view"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-contact-filter.h"
#include "plc-contact-link-row.h"
#include "plc-contact-row.h"
#include "plc-contacts-view.h"
#include "plc-error.h"

/*
 * PlcContactsView: on the left a searchable directory of people and units
 * (a GtkListView over the store's contacts, filtered by PlcContactFilter and
 * sorted by name), on the right one contact's details with the children it
 * is linked to, its editor, or a child's contact log.  An AdwLeaflet folds
 * the two into one column on a narrow window.
 *
 * Everything the user types stays in the form until it is saved: a refused
 * save keeps the form open with the message next to the field, and while a
 * contact is being edited nothing else replaces the editor.
 */
struct _PlcContactsView
{
  AdwBin               parent_instance;

  /* Template widgets */
  AdwLeaflet          *leaflet;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *role_dropdown;
  GtkStack            *list_stack;
  GtkListView         *list_view;
  AdwStatusPage       *list_status;
  GtkStack            *detail_stack;
  GtkLabel            *detail_name;
  AdwActionRow        *detail_phone_row;
  AdwActionRow        *detail_email_row;
  AdwActionRow        *detail_address_row;
  AdwActionRow        *detail_organisation_row;
  GtkListBox          *detail_links_list;
  GtkLabel            *editor_title;
  GtkLabel            *editor_error;
  AdwEntryRow         *name_entry;
  GtkWidget           *name_error_row;
  GtkLabel            *name_error;
  AdwEntryRow         *organisation_entry;
  AdwEntryRow         *phone_entry;
  AdwEntryRow         *email_entry;
  GtkWidget           *email_error_row;
  GtkLabel            *email_error;
  AdwEntryRow         *address_entry;
  GtkListBox          *editor_links_list;
  AdwComboRow         *link_child_row;
  AdwComboRow         *link_role_row;
  AdwComboRow         *link_placement_row;
  AdwComboRow         *log_child_row;
  AdwEntryRow         *log_date_entry;
  GtkWidget           *log_date_error_row;
  GtkLabel            *log_date_error;
  AdwComboRow         *log_kind_row;
  AdwEntryRow         *log_with_entry;
  AdwEntryRow         *log_note_entry;
  GtkWidget           *log_note_error_row;
  GtkLabel            *log_note_error;
  GtkListBox          *log_list;

  /* The directory */
  GListStore          *contacts;       /* of PlcContact */
  PlcContactFilter    *filter;
  GtkSingleSelection  *selection;
  GHashTable          *child_names;    /* gint64 id → name */
  GListStore          *children;       /* of PlcChild, by name: the choosers' model */
  GArray              *placement_ids;  /* of gint64: link_placement_row's items; 0 = none */

  PlcStore            *store;          /* the caseload's; not owned */
  PlcCaseload         *caseload;
  GSignalGroup        *caseload_signals;
  GCancellable        *cancellable;

  PlcContact          *current;        /* shown in the detail pane */
  gint64               select_after_load;

  /* The editor */
  PlcContact          *editing;        /* the stored version being edited, NULL for a new one */
  GPtrArray           *editor_links;   /* of PlcContactLink */
  guint                editor_open : 1;
  guint                editor_tried : 1;
  guint                saving : 1;

  /* The contact log */
  gint64               log_child_id;
  guint                log_tried : 1;
  guint                log_saving : 1;
  guint                updating_children : 1;
  guint                loading : 1;
};

G_DEFINE_FINAL_TYPE (PlcContactsView, plc_contacts_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CASELOAD,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void load_contacts      (PlcContactsView *self);
static void load_log           (PlcContactsView *self);
static void show_contact       (PlcContactsView *self,
                                PlcContact      *contact);
static void list_activate_cb   (PlcContactsView *self,
                                guint            position);
static void row_clicked_cb     (GtkGestureClick *gesture,
                                int              n_press,
                                double           x,
                                double           y,
                                GtkListItem     *item);

/* Helpers */

static void
toast (PlcContactsView *self,
       AdwToast        *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
toast_text (PlcContactsView *self,
            const char      *text)
{
  toast (self, adw_toast_new (text));
}

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* Shows @message (or hides it, for %NULL) in the row below a field and
 * tells screen readers that the field is invalid and why. */
static void
set_field_error (GtkWidget  *field,
                 GtkWidget  *error_row,
                 GtkLabel   *error_label,
                 const char *message)
{
  gboolean invalid = message != NULL;

  gtk_label_set_text (error_label, message != NULL ? message : "");
  gtk_widget_set_visible (error_row, invalid);

  if (invalid)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
list_box_remove_all (GtkListBox *list)
{
  GtkWidget *child;

  /* gtk_list_box_remove_all () is GTK 4.12 */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    {
      if (!GTK_IS_LIST_BOX_ROW (child))
        {
          /* The placeholder is a child too, but after the rows */
          GtkWidget *next = gtk_widget_get_next_sibling (child);

          while (next != NULL && !GTK_IS_LIST_BOX_ROW (next))
            next = gtk_widget_get_next_sibling (next);
          if (next == NULL)
            break;
          child = next;
        }
      gtk_list_box_remove (list, child);
    }
}

static const char *
child_name (PlcContactsView *self,
            gint64           child_id,
            const char      *child_ref)
{
  const char *name = NULL;

  if (self->child_names != NULL)
    name = g_hash_table_lookup (self->child_names, &child_id);
  if (name == NULL)
    name = child_ref;

  return name != NULL ? name : _("Unknown child");
}

static char *
describe_placement (PlcContactsView *self,
                    gint64           child_id,
                    gint64           placement_id)
{
  PlcCase *c;
  GPtrArray *placements;

  if (placement_id == 0 || self->caseload == NULL)
    return NULL;

  c = plc_caseload_lookup_case (self->caseload, child_id);
  if (c == NULL)
    return NULL;

  placements = plc_case_get_placements (c);
  for (guint i = 0; placements != NULL && i < placements->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (placements, i);

      if (plc_placement_get_id (placement) == placement_id)
        {
          g_autofree char *start = plc_date_to_iso (plc_placement_get_start_date (placement));

          /* Translators: a placement, as in "Familjehem from 2025-03-20" */
          return g_strdup_printf (_("%s from %s"),
                                  plc_placement_form_get_display_name (plc_placement_get_form (placement)),
                                  start);
        }
    }

  return NULL;
}

static char *
describe_link (PlcContactsView      *self,
               const PlcContactLink *link)
{
  const char *role = plc_contact_role_get_display_name (link->role);
  PlcPlacement *placement = NULL;
  PlcCase *c = NULL;

  if (link->placement_id != 0 && self->caseload != NULL)
    c = plc_caseload_lookup_case (self->caseload, link->child_id);

  if (c != NULL)
    {
      GPtrArray *placements = plc_case_get_placements (c);

      for (guint i = 0; placements != NULL && i < placements->len; i++)
        if (plc_placement_get_id (g_ptr_array_index (placements, i)) == link->placement_id)
          placement = g_ptr_array_index (placements, i);
    }

  if (placement != NULL)
    {
      g_autofree char *start = plc_date_to_iso (plc_placement_get_start_date (placement));

      /* Translators: a contact's role for a child, and the start of the
       * placement the role is for: "Foster home, for the placement from 2025-03-20" */
      return g_strdup_printf (_("%s, for the placement from %s"), role, start);
    }

  return g_strdup (role);
}

static PlcContact *
selected_contact (PlcContactsView *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
select_contact_by_id (PlcContactsView *self,
                      gint64           id)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlcContact) contact = g_list_model_get_item (model, i);

      if (plc_contact_get_id (contact) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
update_list_page (PlcContactsView *self)
{
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (self->contacts));

  if (n_shown > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }

  if (n_all == 0)
    {
      adw_status_page_set_title (self->list_status, _("No Contacts Yet"));
      adw_status_page_set_description (self->list_status,
                                       _("Add the guardians, foster homes, health care and school contacts around each child."));
    }
  else
    {
      adw_status_page_set_title (self->list_status, _("No Results Found"));
      adw_status_page_set_description (self->list_status,
                                       _("Try a different search or role."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static gboolean
editor_busy (PlcContactsView *self)
{
  if (!self->editor_open)
    return FALSE;

  /* Never throw away what the user typed */
  toast_text (self, _("Save or cancel the contact you are editing first"));
  gtk_stack_set_visible_child_name (self->detail_stack, "editor");
  adw_leaflet_set_visible_child_name (self->leaflet, "content");

  return TRUE;
}

/* The directory */

/* A PlcContactRow for each contact; a click opens it */
static void
list_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *row = plc_contact_row_new ();
  GtkGesture *gesture = gtk_gesture_click_new ();

  g_object_bind_property (item, "item", row, "contact", G_BINDING_SYNC_CREATE);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "released", G_CALLBACK (row_clicked_cb), item);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (gesture));

  gtk_list_item_set_child (item, row);
}

static gboolean
list_has_focus (PlcContactsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL &&
         (focus == GTK_WIDGET (self->list_view) ||
          gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)));
}

static void
selection_changed_cb (PlcContactsView *self)
{
  PlcContact *contact = selected_contact (self);

  if (self->editor_open)
    return;

  if (contact != NULL)
    {
      show_contact (self, contact);

      /* Chosen from elsewhere than the list's own keyboard navigation (a
       * screen reader, the search): on a narrow window, show it.  Arrow
       * keys only move through the list; Enter opens. */
      if (adw_leaflet_get_folded (self->leaflet) && !list_has_focus (self) && !self->loading)
        adw_leaflet_set_visible_child_name (self->leaflet, "content");
    }
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "contact") == 0)
    show_contact (self, NULL);
}

static void
row_clicked_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                GtkListItem     *item)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *view = gtk_widget_get_ancestor (widget, PLC_TYPE_CONTACTS_VIEW);
  guint position = gtk_list_item_get_position (item);

  /* One click opens the contact, also on a narrow window */
  if (view != NULL && position != GTK_INVALID_LIST_POSITION)
    list_activate_cb (PLC_CONTACTS_VIEW (view), position);
}

static void
list_activate_cb (PlcContactsView *self,
                  guint            position)
{
  g_autoptr(PlcContact) contact = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (contact == NULL || editor_busy (self))
    return;

  gtk_single_selection_set_selected (self->selection, position);
  show_contact (self, contact);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
search_changed_cb (PlcContactsView *self)
{
  plc_contact_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Enter in the search entry opens the first contact found */
static void
search_activate_cb (PlcContactsView *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    list_activate_cb (self, 0);
}

static void
role_selected_cb (PlcContactsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->role_dropdown);

  /* Item 0 is "All roles" */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    plc_contact_filter_set_role (self->filter, PLC_CONTACT_FILTER_ANY_ROLE);
  else
    plc_contact_filter_set_role (self->filter, selected - 1);
}

static void
filtered_items_changed_cb (PlcContactsView *self)
{
  update_list_page (self);
}

static void
contacts_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PlcContactsView) self = user_data;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 select_id;

  contacts = plc_store_list_contacts_finish (PLC_STORE (object), result, &error);
  if (contacts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Could not list the contacts: %s", error->message);
          toast_text (self, _("Could not load the contacts"));
        }
      return;
    }

  select_id = self->select_after_load;
  if (select_id == 0 && self->current != NULL)
    select_id = plc_contact_get_id (self->current);
  self->select_after_load = 0;

  /* One items-changed for the whole list */
  self->loading = TRUE;
  g_list_store_splice (self->contacts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->contacts)),
                       contacts->pdata, contacts->len);

  if (select_id != 0)
    select_contact_by_id (self, select_id);
  self->loading = FALSE;

  if (!self->editor_open)
    {
      PlcContact *contact = selected_contact (self);

      if (contact != NULL)
        show_contact (self, contact);
      else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "contact") == 0)
        show_contact (self, NULL);
    }

  update_list_page (self);
}

static void
load_contacts (PlcContactsView *self)
{
  if (self->store == NULL)
    return;

  plc_store_list_contacts_async (self->store, FALSE, self->cancellable,
                                 contacts_loaded_cb, g_object_ref (self));
}

/* The children */

static char *
child_display_name (PlcChild *child)
{
  return g_strdup (plc_child_get_name (child));
}

static guint
child_position (PlcContactsView *self,
                gint64           child_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->children));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlcChild) child = g_list_model_get_item (G_LIST_MODEL (self->children), i);

      if (plc_child_get_id (child) == child_id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static gint64
selected_child_id (AdwComboRow *row)
{
  PlcChild *child = adw_combo_row_get_selected_item (row);

  return child != NULL ? plc_child_get_id (child) : 0;
}

static void
update_children (PlcContactsView *self)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 link_child_id = selected_child_id (self->link_child_row);
  GListModel *cases;
  guint n;

  if (self->caseload != NULL)
    {
      cases = plc_caseload_get_cases (self->caseload);
      n = g_list_model_get_n_items (cases);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PlcCase) c = g_list_model_get_item (cases, i);
          PlcChild *child = plc_case_get_child (c);
          gint64 *id = g_new (gint64, 1);

          *id = plc_child_get_id (child);
          g_hash_table_insert (names, id, g_strdup (plc_child_get_name (child)));
          g_ptr_array_add (children, g_object_ref (child));
        }
    }

  g_clear_pointer (&self->child_names, g_hash_table_unref);
  self->child_names = g_hash_table_ref (names);
  plc_contact_filter_set_child_names (self->filter, names);

  /* The choosers keep their child across the reload */
  self->updating_children = TRUE;
  g_list_store_splice (self->children, 0, g_list_model_get_n_items (G_LIST_MODEL (self->children)),
                       children->pdata, children->len);

  if (self->log_child_id == 0 && children->len > 0)
    self->log_child_id = plc_child_get_id (g_ptr_array_index (children, 0));
  adw_combo_row_set_selected (self->log_child_row, child_position (self, self->log_child_id));
  if (adw_combo_row_get_selected (self->log_child_row) == GTK_INVALID_LIST_POSITION)
    {
      self->log_child_id = 0;
      if (children->len > 0)
        {
          adw_combo_row_set_selected (self->log_child_row, 0);
          self->log_child_id = selected_child_id (self->log_child_row);
        }
    }

  if (link_child_id != 0)
    adw_combo_row_set_selected (self->link_child_row, child_position (self, link_child_id));
  self->updating_children = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.add-link", children->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.add-log-entry", children->len > 0);
}

static void
caseload_changed_cb (PlcContactsView *self)
{
  update_children (self);
  load_contacts (self);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "log") == 0)
    load_log (self);
}

/* The detail pane */

static void
set_detail_row (AdwActionRow *row,
                const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL ? value : "");
  gtk_widget_set_visible (GTK_WIDGET (row), value != NULL);
}

/* A linked child's row, or its button: the child's contact log */
static void
link_log_clicked_cb (PlcContactsView   *self,
                     PlcContactLinkRow *row)
{
  plc_contacts_view_show_contact_log (self, plc_contact_link_row_get_child_id (row));
}

static void
show_contact (PlcContactsView *self,
              PlcContact      *contact)
{
  GPtrArray *links;

  if (contact != self->current)
    g_set_object (&self->current, contact);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.edit", contact != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.delete", contact != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.copy-phone",
                                 contact != NULL && plc_contact_get_phone (contact) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.write-email",
                                 contact != NULL && plc_contact_get_email (contact) != NULL);

  if (contact == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      return;
    }

  gtk_label_set_text (self->detail_name, plc_contact_get_name (contact));
  set_detail_row (self->detail_phone_row, plc_contact_get_phone (contact));
  set_detail_row (self->detail_email_row, plc_contact_get_email (contact));
  set_detail_row (self->detail_address_row, plc_contact_get_address (contact));
  set_detail_row (self->detail_organisation_row, plc_contact_get_organisation (contact));

  list_box_remove_all (self->detail_links_list);
  links = plc_contact_get_links (contact);
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      PlcContactLink *link = g_ptr_array_index (links, i);
      g_autofree char *subtitle = describe_link (self, link);
      const char *name = child_name (self, link->child_id, link->child_ref);
      GtkWidget *row = plc_contact_link_row_new (link->child_id, name, subtitle, FALSE);

      g_signal_connect_object (row, "button-clicked", G_CALLBACK (link_log_clicked_cb), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->detail_links_list, row);
    }

  gtk_stack_set_visible_child_name (self->detail_stack, "contact");
}

static void
detail_link_activated_cb (PlcContactsView *self,
                          GtkListBoxRow   *row)
{
  if (PLC_IS_CONTACT_LINK_ROW (row))
    link_log_clicked_cb (self, PLC_CONTACT_LINK_ROW (row));
}

static void
copy_phone_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PlcContactsView *self = PLC_CONTACTS_VIEW (widget);
  const char *phone;

  if (self->current == NULL || (phone = plc_contact_get_phone (self->current)) == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), phone);
  toast_text (self, _("Copied"));
}

static void
email_launched_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PlcContactsView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      /* The message may hold the address: it is not logged */
      g_warning ("Could not open the email application");
      toast_text (self, _("Could not open an email application"));
    }
}

static void
write_email_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlcContactsView *self = PLC_CONTACTS_VIEW (widget);
  g_autoptr(GdkAppLaunchContext) context = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  const char *email;

  if (self->current == NULL || (email = plc_contact_get_email (self->current)) == NULL)
    return;

  escaped = g_uri_escape_string (email, "@", FALSE);
  uri = g_strconcat ("mailto:", escaped, NULL);
  context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));

  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           email_launched_cb, g_object_ref (self));
}

/* Deleting, with undo */

static void
contact_undeleted_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(PlcContactsView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!plc_store_undelete_contact_finish (PLC_STORE (object), result, &error))
    {
      g_warning ("Could not restore a contact: %s", error->message);
      toast_text (self, _("Could not restore the contact"));
      return;
    }

  load_contacts (self);
}

static void
undo_delete_cb (AdwToast        *toast,
                PlcContactsView *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "contact-id"));

  if (self->store == NULL || id == 0)
    return;

  self->select_after_load = id;
  plc_store_undelete_contact_async (self->store, id, self->cancellable,
                                    contact_undeleted_cb, g_object_ref (self));
}

typedef struct
{
  PlcContactsView *self;
  gint64           id;
  char            *name;
} DeleteData;

static void
delete_data_free (DeleteData *data)
{
  g_clear_object (&data->self);
  g_free (data->name);
  g_free (data);
}

static void
contact_deleted_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  DeleteData *data = user_data;
  PlcContactsView *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *t;

  if (!plc_store_delete_contact_finish (PLC_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Could not delete a contact: %s", error->message);
          toast_text (self, _("Could not delete the contact"));
        }
      delete_data_free (data);
      return;
    }

  /* Translators: %s is a contact's name */
  title = g_strdup_printf (_("“%s” deleted"), data->name);
  t = adw_toast_new (title);
  adw_toast_set_button_label (t, _("_Undo"));
  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (t), "contact-id", GSIZE_TO_POINTER ((gsize)data->id));
  g_signal_connect_object (t, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);
  toast (self, t);

  g_clear_object (&self->current);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  show_contact (self, NULL);
  load_contacts (self);

  delete_data_free (data);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlcContactsView *self = PLC_CONTACTS_VIEW (widget);
  DeleteData *data;

  if (self->current == NULL || self->store == NULL || editor_busy (self))
    return;

  data = g_new0 (DeleteData, 1);
  data->self = g_object_ref (self);
  data->id = plc_contact_get_id (self->current);
  data->name = g_strdup (plc_contact_get_name (self->current));

  plc_store_delete_contact_async (self->store, data->id, self->cancellable,
                                  contact_deleted_cb, data);
}

/* The editor */

static void
rebuild_editor_links (PlcContactsView *self);

/* The editor's rows are in the order of editor_links */
static void
remove_link_clicked_cb (PlcContactsView   *self,
                        PlcContactLinkRow *row)
{
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  if (index >= 0 && (guint) index < self->editor_links->len)
    g_ptr_array_remove_index (self->editor_links, index);
  rebuild_editor_links (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->link_child_row));
}

static void
rebuild_editor_links (PlcContactsView *self)
{
  list_box_remove_all (self->editor_links_list);

  for (guint i = 0; i < self->editor_links->len; i++)
    {
      PlcContactLink *link = g_ptr_array_index (self->editor_links, i);
      g_autofree char *subtitle = describe_link (self, link);
      const char *name = child_name (self, link->child_id, link->child_ref);
      GtkWidget *row = plc_contact_link_row_new (link->child_id, name, subtitle, TRUE);

      g_signal_connect_object (row, "button-clicked", G_CALLBACK (remove_link_clicked_cb), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->editor_links_list, row);
    }
}

static void
link_child_changed_cb (PlcContactsView *self)
{
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);
  gint64 child_id = selected_child_id (self->link_child_row);
  gint64 none = 0;
  PlcCase *c = NULL;

  g_array_set_size (self->placement_ids, 0);
  gtk_string_list_append (items, C_("placement", "None"));
  g_array_append_val (self->placement_ids, none);

  if (self->caseload != NULL && child_id != 0)
    c = plc_caseload_lookup_case (self->caseload, child_id);

  if (c != NULL)
    {
      GPtrArray *placements = plc_case_get_placements (c);

      /* Newest first: the one a new contact is most likely for */
      for (guint i = placements != NULL ? placements->len : 0; i > 0; i--)
        {
          PlcPlacement *placement = g_ptr_array_index (placements, i - 1);
          gint64 id = plc_placement_get_id (placement);
          g_autofree char *text = describe_placement (self, child_id, id);

          if (text == NULL)
            continue;
          gtk_string_list_append (items, text);
          g_array_append_val (self->placement_ids, id);
        }
    }

  adw_combo_row_set_model (self->link_placement_row, G_LIST_MODEL (items));
  adw_combo_row_set_selected (self->link_placement_row, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->link_placement_row), self->placement_ids->len > 1);
}

static void
add_link_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PlcContactsView *self = PLC_CONTACTS_VIEW (widget);
  PlcChild *child = adw_combo_row_get_selected_item (self->link_child_row);
  guint role = adw_combo_row_get_selected (self->link_role_row);
  guint placement = adw_combo_row_get_selected (self->link_placement_row);
  PlcContactLink *link;

  if (child == NULL || role > PLC_CONTACT_ROLE_OTHER)
    return;

  link = plc_contact_link_new ();
  link->child_id = plc_child_get_id (child);
  link->child_ref = g_strdup (plc_child_get_ref (child));
  link->role = role;
  if (placement != GTK_INVALID_LIST_POSITION && placement < self->placement_ids->len)
    link->placement_id = g_array_index (self->placement_ids, gint64, placement);

  for (guint i = 0; i < self->editor_links->len; i++)
    {
      PlcContactLink *other = g_ptr_array_index (self->editor_links, i);

      if (other->child_id == link->child_id && other->role == link->role &&
          other->placement_id == link->placement_id)
        {
          plc_contact_link_free (link);
          toast_text (self, _("The contact already has this link"));
          return;
        }
    }

  g_ptr_array_add (self->editor_links, link);
  rebuild_editor_links (self);
}

static PlcContact *
contact_from_editor (PlcContactsView *self)
{
  PlcContact *contact = self->editing != NULL ? plc_contact_copy (self->editing) : plc_contact_new ();
  g_autofree char *name = g_strstrip (g_strdup (entry_text (self->name_entry)));
  g_autofree char *email = g_strstrip (g_strdup (entry_text (self->email_entry)));

  plc_contact_set_name (contact, name);
  plc_contact_set_organisation (contact, entry_text (self->organisation_entry));
  plc_contact_set_phone (contact, entry_text (self->phone_entry));
  plc_contact_set_email (contact, email);
  plc_contact_set_address (contact, entry_text (self->address_entry));

  plc_contact_clear_links (contact);
  for (guint i = 0; i < self->editor_links->len; i++)
    plc_contact_add_link (contact, plc_contact_link_copy (g_ptr_array_index (self->editor_links, i)));

  return contact;
}

/* Checks the form with plc_contact_validate() one field at a time, so that
 * each message is shown next to its field.  Returns whether it is valid. */
static gboolean
validate_editor (PlcContactsView *self,
                 gboolean         show)
{
  g_autoptr(PlcContact) contact = contact_from_editor (self);
  g_autoptr(PlcContact) name_only = plc_contact_copy (contact);
  g_autoptr(PlcContact) email_only = plc_contact_copy (contact);
  g_autoptr(GError) name_error = NULL;
  g_autoptr(GError) email_error = NULL;
  g_autoptr(GError) error = NULL;
  gboolean valid;

  plc_contact_set_email (name_only, NULL);
  plc_contact_validate (name_only, &name_error);

  plc_contact_set_name (email_only, "-");
  plc_contact_validate (email_only, &email_error);

  valid = plc_contact_validate (contact, &error);

  if (show)
    {
      set_field_error (GTK_WIDGET (self->name_entry), self->name_error_row, self->name_error,
                       name_error != NULL ? name_error->message : NULL);
      set_field_error (GTK_WIDGET (self->email_entry), self->email_error_row, self->email_error,
                       email_error != NULL ? email_error->message : NULL);

      /* Anything the fields do not explain */
      if (!valid && name_error == NULL && email_error == NULL)
        {
          gtk_label_set_text (self->editor_error, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->editor_error), TRUE);
        }
    }

  return valid;
}

static void
editor_changed_cb (PlcContactsView *self)
{
  /* After the first try to save, the messages follow the typing */
  if (self->editor_tried)
    validate_editor (self, TRUE);
}

static void
open_editor (PlcContactsView *self,
             PlcContact      *contact)
{
  GPtrArray *links = contact != NULL ? plc_contact_get_links (contact) : NULL;

  g_set_object (&self->editing, contact);
  self->editor_open = TRUE;
  self->editor_tried = FALSE;

  gtk_label_set_text (self->editor_title, contact != NULL ? _("Edit Contact") : _("New Contact"));
  gtk_widget_set_visible (GTK_WIDGET (self->editor_error), FALSE);

  set_entry_text (self->name_entry, contact != NULL ? plc_contact_get_name (contact) : NULL);
  set_entry_text (self->organisation_entry, contact != NULL ? plc_contact_get_organisation (contact) : NULL);
  set_entry_text (self->phone_entry, contact != NULL ? plc_contact_get_phone (contact) : NULL);
  set_entry_text (self->email_entry, contact != NULL ? plc_contact_get_email (contact) : NULL);
  set_entry_text (self->address_entry, contact != NULL ? plc_contact_get_address (contact) : NULL);

  set_field_error (GTK_WIDGET (self->name_entry), self->name_error_row, self->name_error, NULL);
  set_field_error (GTK_WIDGET (self->email_entry), self->email_error_row, self->email_error, NULL);

  g_ptr_array_set_size (self->editor_links, 0);
  for (guint i = 0; links != NULL && i < links->len; i++)
    g_ptr_array_add (self->editor_links, plc_contact_link_copy (g_ptr_array_index (links, i)));
  rebuild_editor_links (self);
  link_child_changed_cb (self);

  gtk_stack_set_visible_child_name (self->detail_stack, "editor");
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

static void
close_editor (PlcContactsView *self)
{
  self->editor_open = FALSE;
  self->editor_tried = FALSE;
  g_clear_object (&self->editing);
  g_ptr_array_set_size (self->editor_links, 0);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PlcContactsView *self = PLC_CONTACTS_VIEW (widget);

  if (editor_busy (self))
    return;

  open_editor (self, NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlcContactsView *self = PLC_CONTACTS_VIEW (widget);

  if (self->current == NULL || editor_busy (self))
    return;

  open_editor (self, self->current);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlcContactsView *self = PLC_CONTACTS_VIEW (widget);

  if (!self->editor_open || self->saving)
    return;

  close_editor (self);
  show_contact (self, self->current);
}

typedef struct
{
  PlcContactsView *self;
  PlcContact      *contact;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->contact);
  g_free (data);
}

static void
contact_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SaveData *data = user_data;
  PlcContactsView *self = data->self;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;

  if (!plc_store_save_contact_finish (PLC_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = NULL;

          /* The form stays open with what the user typed */
          if (g_error_matches (error, PLC_ERROR, PLC_ERROR_STALE))
            message = g_strdup (_("Someone else changed this contact while you were editing it. "
                                  "Copy what you typed, cancel, and edit the contact again."));
          else
            /* Translators: %s says why */
            message = g_strdup_printf (_("Could not save the contact: %s"), error->message);

          gtk_label_set_text (self->editor_error, message);
          gtk_widget_set_visible (GTK_WIDGET (self->editor_error), TRUE);
          validate_editor (self, TRUE);
        }
      save_data_free (data);
      return;
    }

  self->select_after_load = plc_contact_get_id (data->contact);
  close_editor (self);
  g_set_object (&self->current, data->contact);
  show_contact (self, data->contact);
  toast_text (self, _("Contact saved"));
  load_contacts (self);

  save_data_free (data);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlcContactsView *self = PLC_CONTACTS_VIEW (widget);
  SaveData *data;

  if (!self->editor_open || self->saving)
    return;

  self->editor_tried = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->editor_error), FALSE);

  if (!validate_editor (self, TRUE))
    {
      if (gtk_widget_get_visible (self->name_error_row))
        gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
      else if (gtk_widget_get_visible (self->email_error_row))
        gtk_widget_grab_focus (GTK_WIDGET (self->email_entry));
      return;
    }

  if (self->store == NULL)
    {
      gtk_label_set_text (self->editor_error, _("The database is not open"));
      gtk_widget_set_visible (GTK_WIDGET (self->editor_error), TRUE);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->contact = contact_from_editor (self);
  self->saving = TRUE;

  plc_store_save_contact_async (self->store, data->contact, self->cancellable,
                                contact_saved_cb, data);
}

/* The contact log */

static void
log_loaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PlcContactsView) self = user_data;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = plc_store_list_contact_log_finish (PLC_STORE (object), result, &error);
  if (entries == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Could not list a contact log: %s", error->message);
          toast_text (self, _("Could not load the contact log"));
        }
      return;
    }

  list_box_remove_all (self->log_list);

  /* The store lists them newest first */
  for (guint i = 0; i < entries->len; i++)
    {
      PlcContactLogEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *date = plc_date_to_iso (plc_contact_log_entry_get_date (entry));
      g_autofree char *title = NULL;
      g_autoptr(GString) subtitle = g_string_new (NULL);
      const char *with_whom = plc_contact_log_entry_get_with_whom (entry);
      const char *note = plc_contact_log_entry_get_note (entry);
      GtkWidget *row;

      /* An answer for a child chosen before */
      if (plc_contact_log_entry_get_child_id (entry) != self->log_child_id)
        continue;

      /* Translators: a contact log entry's date and kind, "2025-03-21 · Meeting" */
      title = g_strdup_printf (_("%s · %s"), date,
                               plc_contact_log_kind_get_display_name (plc_contact_log_entry_get_kind (entry)));
      if (with_whom != NULL)
        /* Translators: in the contact log: whom the call, meeting, letter was with */
        g_string_append_printf (subtitle, _("With %s"), with_whom);
      if (note != NULL)
        {
          if (subtitle->len > 0)
            g_string_append_c (subtitle, '\n');
          g_string_append (subtitle, note);
        }

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      gtk_list_box_append (self->log_list, row);
    }
}

static void
load_log (PlcContactsView *self)
{
  list_box_remove_all (self->log_list);

  if (self->store == NULL || self->log_child_id == 0)
    return;

  plc_store_list_contact_log_async (self->store, self->log_child_id, self->cancellable,
                                    log_loaded_cb, g_object_ref (self));
}

static void
log_child_changed_cb (PlcContactsView *self)
{
  gint64 id;

  if (self->updating_children)
    return;

  id = selected_child_id (self->log_child_row);
  if (id == self->log_child_id)
    return;

  self->log_child_id = id;
  load_log (self);
}

/* Checks the new entry; shows the messages next to the fields */
static PlcContactLogEntry *
log_entry_from_form (PlcContactsView *self,
                     gboolean         show)
{
  g_autoptr(PlcContactLogEntry) entry = plc_contact_log_entry_new ();
  g_autoptr(GError) date_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date_text = g_strstrip (g_strdup (entry_text (self->log_date_entry)));
  g_autofree char *with_whom = g_strstrip (g_strdup (entry_text (self->log_with_entry)));
  g_autofree char *note = g_strstrip (g_strdup (entry_text (self->log_note_entry)));
  const char *date_message = NULL;
  const char *note_message = NULL;
  PlcDate date = PLC_DATE_NONE;
  guint kind = adw_combo_row_get_selected (self->log_kind_row);
  gboolean valid;

  if (date_text[0] == '\0')
    date_message = _("Date: must be set");
  else if (!plc_date_parse_iso (date_text, &date, &date_error))
    date_message = _("Date: write it as YYYY-MM-DD, for example 2025-03-21");

  plc_contact_log_entry_set_child_id (entry, self->log_child_id);
  plc_contact_log_entry_set_date (entry, date);
  plc_contact_log_entry_set_kind (entry, kind <= PLC_CONTACT_LOG_KIND_OTHER ? kind : PLC_CONTACT_LOG_KIND_OTHER);
  plc_contact_log_entry_set_with_whom (entry, with_whom);
  plc_contact_log_entry_set_note (entry, note);

  valid = date_message == NULL;
  if (date_message == NULL && !plc_contact_log_entry_validate (entry, &error))
    {
      note_message = error->message;
      valid = FALSE;
    }

  if (show)
    {
      set_field_error (GTK_WIDGET (self->log_date_entry), self->log_date_error_row,
                       self->log_date_error, date_message);
      set_field_error (GTK_WIDGET (self->log_note_entry), self->log_note_error_row,
                       self->log_note_error, note_message);
    }

  return valid ? g_steal_pointer (&entry) : NULL;
}

static void
log_form_changed_cb (PlcContactsView *self)
{
  /* Only for the messages it shows at the fields */
  if (self->log_tried)
    {
      PlcContactLogEntry *entry = log_entry_from_form (self, TRUE);

      g_clear_object (&entry);
    }
}

static char *
today_iso (void)
{
  return plc_date_to_iso (plc_date_today ());
}

static void
log_entry_saved_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PlcContactsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;

  self->log_saving = FALSE;

  if (!plc_store_save_contact_log_entry_finish (PLC_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("Could not save the entry: %s"), error->message);

          /* The form keeps what was typed */
          set_field_error (GTK_WIDGET (self->log_note_entry), self->log_note_error_row,
                           self->log_note_error, message);
        }
      return;
    }

  self->log_tried = FALSE;
  today = today_iso ();
  set_entry_text (self->log_date_entry, today);
  set_entry_text (self->log_with_entry, NULL);
  set_entry_text (self->log_note_entry, NULL);
  adw_combo_row_set_selected (self->log_kind_row, PLC_CONTACT_LOG_KIND_CALL);
  set_field_error (GTK_WIDGET (self->log_date_entry), self->log_date_error_row, self->log_date_error, NULL);
  set_field_error (GTK_WIDGET (self->log_note_entry), self->log_note_error_row, self->log_note_error, NULL);

  toast_text (self, _("Entry added to the contact log"));
  load_log (self);
}

static char *
caseworker_name (void)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  const char *real_name;

  if (source != NULL && (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) != NULL &&
      g_settings_schema_has_key (schema, "caseworker-name"))
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autofree char *name = g_settings_get_string (settings, "caseworker-name");

      if (name[0] != '\0')
        return g_steal_pointer (&name);
    }

  real_name = g_get_real_name ();
  if (real_name != NULL && g_strcmp0 (real_name, "Unknown") != 0)
    return g_strdup (real_name);

  return g_strdup (g_get_user_name ());
}

static void
add_log_entry_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PlcContactsView *self = PLC_CONTACTS_VIEW (widget);
  g_autoptr(PlcContactLogEntry) entry = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *recorded_at = NULL;
  g_autofree char *recorded_by = NULL;

  if (self->log_saving)
    return;

  if (self->log_child_id == 0)
    {
      toast_text (self, _("Choose a child first"));
      return;
    }

  self->log_tried = TRUE;
  entry = log_entry_from_form (self, TRUE);
  if (entry == NULL)
    {
      if (gtk_widget_get_visible (self->log_date_error_row))
        gtk_widget_grab_focus (GTK_WIDGET (self->log_date_entry));
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->log_note_entry));
      return;
    }

  if (self->store == NULL)
    {
      toast_text (self, _("The database is not open"));
      return;
    }

  now = g_date_time_new_now_utc ();
  recorded_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  recorded_by = caseworker_name ();
  plc_contact_log_entry_set_recorded_at (entry, recorded_at);
  plc_contact_log_entry_set_recorded_by (entry, recorded_by);

  self->log_saving = TRUE;
  plc_store_save_contact_log_entry_async (self->store, entry, self->cancellable,
                                          log_entry_saved_cb, g_object_ref (self));
}

static void
show_log_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  plc_contacts_view_show_contact_log (PLC_CONTACTS_VIEW (widget), 0);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  plc_contacts_view_focus_search (PLC_CONTACTS_VIEW (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlcContactsView *self = PLC_CONTACTS_VIEW (widget);

  /* Escape, or the back button: on a narrow window, back to the
   * directory (an open editor keeps what was typed); on a wide one, close
   * the contact's details, but never an editor. */
  if (adw_leaflet_get_folded (self->leaflet))
    {
      adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
      gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
    }
  else if (!self->editor_open)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      show_contact (self, NULL);
    }
}

static void
plc_contacts_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PlcContactsView *self = PLC_CONTACTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CASELOAD:
      g_value_set_object (value, self->caseload);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_contacts_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PlcContactsView *self = PLC_CONTACTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CASELOAD:
      plc_contacts_view_set_caseload (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_contacts_view_dispose (GObject *object)
{
  PlcContactsView *self = (PlcContactsView *)object;

  g_cancellable_cancel (self->cancellable);

  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->contacts);
  g_clear_object (&self->children);
  g_clear_object (&self->caseload);
  g_clear_object (&self->caseload_signals);
  g_clear_object (&self->current);
  g_clear_object (&self->editing);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->child_names, g_hash_table_unref);
  g_clear_pointer (&self->editor_links, g_ptr_array_unref);
  g_clear_pointer (&self->placement_ids, g_array_unref);
  self->store = NULL;

  G_OBJECT_CLASS (plc_contacts_view_parent_class)->dispose (object);
}

static void
plc_contacts_view_class_init (PlcContactsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plc_contacts_view_dispose;
  object_class->get_property = plc_contacts_view_get_property;
  object_class->set_property = plc_contacts_view_set_property;

  /**
   * PlcContactsView:caseload:
   *
   * Where the contacts are read from and saved to (its store), and the
   * children they are linked to.  The view follows its "changed" signal.
   */
  properties [PROP_CASELOAD] =
    g_param_spec_object ("caseload", NULL, NULL,
                         PLC_TYPE_CASELOAD,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/plc-contacts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, list_status);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, detail_name);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, detail_phone_row);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, detail_email_row);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, detail_address_row);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, detail_organisation_row);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, detail_links_list);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, editor_title);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, editor_error);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, name_entry);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, name_error_row);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, name_error);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, organisation_entry);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, email_entry);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, email_error_row);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, email_error);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, address_entry);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, editor_links_list);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, link_child_row);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, link_role_row);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, link_placement_row);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, log_child_row);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, log_date_entry);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, log_date_error_row);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, log_date_error);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, log_kind_row);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, log_with_entry);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, log_note_entry);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, log_note_error_row);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, log_note_error);
  gtk_widget_class_bind_template_child (widget_class, PlcContactsView, log_list);

  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, detail_link_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_child_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, log_child_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, log_form_changed_cb);

  gtk_widget_class_install_action (widget_class, "contacts.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "contacts.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "contacts.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "contacts.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "contacts.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "contacts.add-link", NULL, add_link_action);
  gtk_widget_class_install_action (widget_class, "contacts.copy-phone", NULL, copy_phone_action);
  gtk_widget_class_install_action (widget_class, "contacts.write-email", NULL, write_email_action);
  gtk_widget_class_install_action (widget_class, "contacts.show-log", NULL, show_log_action);
  gtk_widget_class_install_action (widget_class, "contacts.add-log-entry", NULL, add_log_entry_action);
  gtk_widget_class_install_action (widget_class, "contacts.back", NULL, back_action);
  /* Ctrl+F in the window: see plc-window.c */
  gtk_widget_class_install_action (widget_class, "view.search", NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "contacts.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "contacts.back", NULL);

  gtk_widget_class_set_css_name (widget_class, "plccontactsview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
plc_contacts_view_init (PlcContactsView *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) role_filter = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GtkFilterListModel) filtered = NULL;
  g_autoptr(GtkStringSorter) sorter = NULL;
  g_autoptr(GtkExpression) child_expression = NULL;
  g_autofree char *today = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Contacts"),
                                  -1);

  self->cancellable = g_cancellable_new ();
  self->caseload_signals = g_signal_group_new (PLC_TYPE_CASELOAD);
  g_signal_group_connect_object (self->caseload_signals, "changed",
                                 G_CALLBACK (caseload_changed_cb), self, G_CONNECT_SWAPPED);
  self->editor_links = g_ptr_array_new_with_free_func ((GDestroyNotify)plc_contact_link_free);
  self->placement_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->children = g_list_store_new (PLC_TYPE_CHILD);

  /* The directory: contacts → filter → sorted by name → selection */
  self->contacts = g_list_store_new (PLC_TYPE_CONTACT);
  self->filter = plc_contact_filter_new ();
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->contacts)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  sorter = gtk_string_sorter_new (gtk_property_expression_new (PLC_TYPE_CONTACT, NULL, "name"));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_steal_pointer (&filtered)),
                                    GTK_SORTER (g_steal_pointer (&sorter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (filtered_items_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (list_setup_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* The role filter: "All roles", then each role */
  gtk_string_list_append (role_filter, _("All roles"));
  for (int role = 0; role <= PLC_CONTACT_ROLE_OTHER; role++)
    {
      gtk_string_list_append (role_filter, plc_contact_role_get_display_name (role));
      gtk_string_list_append (roles, plc_contact_role_get_display_name (role));
    }
  gtk_drop_down_set_model (self->role_dropdown, G_LIST_MODEL (role_filter));
  g_signal_connect_object (self->role_dropdown, "notify::selected",
                           G_CALLBACK (role_selected_cb), self, G_CONNECT_SWAPPED);
  adw_combo_row_set_model (self->link_role_row, G_LIST_MODEL (roles));

  for (int kind = 0; kind <= PLC_CONTACT_LOG_KIND_OTHER; kind++)
    gtk_string_list_append (kinds, plc_contact_log_kind_get_display_name (kind));
  adw_combo_row_set_model (self->log_kind_row, G_LIST_MODEL (kinds));

  /* The children's choosers */
  child_expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                  G_CALLBACK (child_display_name), NULL, NULL);
  adw_combo_row_set_expression (self->log_child_row, child_expression);
  adw_combo_row_set_expression (self->link_child_row, child_expression);
  adw_combo_row_set_model (self->log_child_row, G_LIST_MODEL (self->children));
  adw_combo_row_set_model (self->link_child_row, G_LIST_MODEL (self->children));

  today = today_iso ();
  set_entry_text (self->log_date_entry, today);

  show_contact (self, NULL);
  update_list_page (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.add-link", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.add-log-entry", FALSE);
}

GtkWidget *
plc_contacts_view_new (void)
{
  return g_object_new (PLC_TYPE_CONTACTS_VIEW, NULL);
}

PlcCaseload *
plc_contacts_view_get_caseload (PlcContactsView *self)
{
  g_return_val_if_fail (PLC_IS_CONTACTS_VIEW (self), NULL);

  return self->caseload;
}

/**
 * plc_contacts_view_set_caseload:
 * @self: a #PlcContactsView
 * @caseload: (nullable): the caseload whose store holds the contacts
 *
 * Lists the contacts of @caseload's store, and offers its children to
 * link them to.
 */
void
plc_contacts_view_set_caseload (PlcContactsView *self,
                                PlcCaseload     *caseload)
{
  PlcStore *store;

  g_return_if_fail (PLC_IS_CONTACTS_VIEW (self));
  g_return_if_fail (caseload == NULL || PLC_IS_CASELOAD (caseload));

  if (!g_set_object (&self->caseload, caseload))
    return;

  g_signal_group_set_target (self->caseload_signals, caseload);
  update_children (self);

  store = caseload != NULL ? plc_caseload_get_store (caseload) : NULL;
  if (self->store != store)
    {
      self->store = store;
      load_contacts (self);
      load_log (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CASELOAD]);
}

/**
 * plc_contacts_view_show_contact_log:
 * @self: a #PlcContactsView
 * @child_id: the child whose log to show, or 0 for the one chosen last
 *
 * Shows the contact log of a child, with the form for a new entry.  What
 * is being typed in the contact editor is kept; the editor is then shown
 * instead.
 */
void
plc_contacts_view_show_contact_log (PlcContactsView *self,
                                    gint64           child_id)
{
  g_return_if_fail (PLC_IS_CONTACTS_VIEW (self));

  if (editor_busy (self))
    return;

  if (child_id != 0)
    {
      guint position = child_position (self, child_id);

      self->updating_children = TRUE;
      if (position != GTK_INVALID_LIST_POSITION)
        adw_combo_row_set_selected (self->log_child_row, position);
      self->updating_children = FALSE;
      self->log_child_id = child_id;
    }

  load_log (self);

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_stack_set_visible_child_name (self->detail_stack, "log");
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

/**
 * plc_contacts_view_focus_search:
 * @self: a #PlcContactsView
 *
 * Moves the keyboard focus to the search entry.
 */
void
plc_contacts_view_focus_search (PlcContactsView *self)
{
  g_return_if_fail (PLC_IS_CONTACTS_VIEW (self));

  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
