/* plc-contact-row.c: a contact in the Contacts view's directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-contact-row"

#include "config.h"

#include "plc-contact-row.h"

/* The contact's name, organisation, and the roles it has for the
 * children, each once.  The directory binds its list item's item to
 * PlcContactRow:contact. */
struct _PlcContactRow
{
  GtkBox      parent_instance;

  PlcContact *contact;

  /* Template widgets */
  GtkLabel   *name_label;
  GtkLabel   *organisation_label;
  GtkLabel   *roles_label;
};

G_DEFINE_FINAL_TYPE (PlcContactRow, plc_contact_row, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CONTACT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
roles_text (PlcContact *contact)
{
  GPtrArray *links = plc_contact_get_links (contact);
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean seen[PLC_CONTACT_ROLE_OTHER + 1] = { FALSE, };

  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      PlcContactLink *link = g_ptr_array_index (links, i);

      if (link->role > PLC_CONTACT_ROLE_OTHER || seen[link->role])
        continue;
      seen[link->role] = TRUE;

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, plc_contact_role_get_display_name (link->role));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_contact (PlcContactRow *self)
{
  const char *organisation = plc_contact_get_organisation (self->contact);
  g_autofree char *roles = roles_text (self->contact);

  gtk_label_set_text (self->name_label, plc_contact_get_name (self->contact));
  gtk_label_set_text (self->organisation_label, organisation != NULL ? organisation : "");
  gtk_widget_set_visible (GTK_WIDGET (self->organisation_label), organisation != NULL);
  gtk_label_set_text (self->roles_label, roles);
  gtk_widget_set_visible (GTK_WIDGET (self->roles_label), roles[0] != '\0');
}

static void
plc_contact_row_dispose (GObject *object)
{
  PlcContactRow *self = (PlcContactRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PLC_TYPE_CONTACT_ROW);
  g_clear_object (&self->contact);

  G_OBJECT_CLASS (plc_contact_row_parent_class)->dispose (object);
}

static void
plc_contact_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PlcContactRow *self = PLC_CONTACT_ROW (object);

  switch (prop_id)
    {
    case PROP_CONTACT:
      g_value_set_object (value, self->contact);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_contact_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PlcContactRow *self = PLC_CONTACT_ROW (object);

  switch (prop_id)
    {
    case PROP_CONTACT:
      plc_contact_row_set_contact (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_contact_row_class_init (PlcContactRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plc_contact_row_dispose;
  object_class->get_property = plc_contact_row_get_property;
  object_class->set_property = plc_contact_row_set_property;

  /**
   * PlcContactRow:contact:
   *
   * The contact shown, or %NULL.
   */
  properties [PROP_CONTACT] =
    g_param_spec_object ("contact", NULL, NULL,
                         PLC_TYPE_CONTACT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/plc-contact-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PlcContactRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, PlcContactRow, organisation_label);
  gtk_widget_class_bind_template_child (widget_class, PlcContactRow, roles_label);
}

static void
plc_contact_row_init (PlcContactRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
plc_contact_row_new (void)
{
  return g_object_new (PLC_TYPE_CONTACT_ROW, NULL);
}

PlcContact *
plc_contact_row_get_contact (PlcContactRow *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT_ROW (self), NULL);

  return self->contact;
}

/**
 * plc_contact_row_set_contact:
 * @self: a #PlcContactRow
 * @contact: (nullable): the contact to show
 */
void
plc_contact_row_set_contact (PlcContactRow *self,
                             PlcContact    *contact)
{
  g_return_if_fail (PLC_IS_CONTACT_ROW (self));
  g_return_if_fail (contact == NULL || PLC_IS_CONTACT (contact));

  if (!g_set_object (&self->contact, contact))
    return;

  if (contact != NULL)
    show_contact (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTACT]);
}
