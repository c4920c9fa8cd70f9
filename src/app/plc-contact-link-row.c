/* plc-contact-link-row.c: a child a contact is linked to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-contact-link-row"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-contact-link-row.h"

/*
 * The child's name, and the role the contact has for them (and for which
 * placement).  In a contact's details the button opens the child's
 * contact log; in the contact's editor ("removable") it removes the link.
 * Either way the row only says "button-clicked".
 */
struct _PlcContactLinkRow
{
  AdwActionRow  parent_instance;

  gint64        child_id;
  char         *child_name;
  gboolean      removable;

  /* Template widgets */
  GtkButton    *button;
};

G_DEFINE_FINAL_TYPE (PlcContactLinkRow, plc_contact_link_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_CHILD_ID,
  PROP_CHILD_NAME,
  PROP_REMOVABLE,
  N_PROPS
};

enum {
  BUTTON_CLICKED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
button_clicked_cb (PlcContactLinkRow *self)
{
  g_signal_emit (self, signals [BUTTON_CLICKED], 0);
}

static void
plc_contact_link_row_constructed (GObject *object)
{
  PlcContactLinkRow *self = (PlcContactLinkRow *)object;
  g_autofree char *label = NULL;

  G_OBJECT_CLASS (plc_contact_link_row_parent_class)->constructed (object);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), self->child_name);

  if (self->removable)
    {
      gtk_button_set_icon_name (self->button, "list-remove-symbolic");
      /* Translators: %s is a child's name */
      label = g_strdup_printf (_("Remove the Link to %s"), self->child_name);
    }
  else
    {
      gtk_button_set_icon_name (self->button, "document-open-recent-symbolic");
      /* Translators: %s is a child's name */
      label = g_strdup_printf (_("Contact Log of %s"), self->child_name);
    }

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
plc_contact_link_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PLC_TYPE_CONTACT_LINK_ROW);

  G_OBJECT_CLASS (plc_contact_link_row_parent_class)->dispose (object);
}

static void
plc_contact_link_row_finalize (GObject *object)
{
  PlcContactLinkRow *self = (PlcContactLinkRow *)object;

  g_free (self->child_name);

  G_OBJECT_CLASS (plc_contact_link_row_parent_class)->finalize (object);
}

static void
plc_contact_link_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PlcContactLinkRow *self = PLC_CONTACT_LINK_ROW (object);

  switch (prop_id)
    {
    case PROP_CHILD_ID:
      g_value_set_int64 (value, self->child_id);
      break;

    case PROP_CHILD_NAME:
      g_value_set_string (value, self->child_name);
      break;

    case PROP_REMOVABLE:
      g_value_set_boolean (value, self->removable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_contact_link_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PlcContactLinkRow *self = PLC_CONTACT_LINK_ROW (object);

  switch (prop_id)
    {
    case PROP_CHILD_ID:
      self->child_id = g_value_get_int64 (value);
      break;

    case PROP_CHILD_NAME:
      self->child_name = g_value_dup_string (value);
      break;

    case PROP_REMOVABLE:
      self->removable = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_contact_link_row_class_init (PlcContactLinkRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = plc_contact_link_row_constructed;
  object_class->dispose = plc_contact_link_row_dispose;
  object_class->finalize = plc_contact_link_row_finalize;
  object_class->get_property = plc_contact_link_row_get_property;
  object_class->set_property = plc_contact_link_row_set_property;

  properties [PROP_CHILD_ID] =
    g_param_spec_int64 ("child-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CHILD_NAME] =
    g_param_spec_string ("child-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * PlcContactLinkRow:removable:
   *
   * Whether the button removes the link (in the editor) rather than
   * opening the child's contact log.
   */
  properties [PROP_REMOVABLE] =
    g_param_spec_boolean ("removable", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PlcContactLinkRow::button-clicked:
   *
   * The row's button was clicked: open the child's contact log, or remove
   * the link.
   */
  signals [BUTTON_CLICKED] =
    g_signal_new ("button-clicked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/plc-contact-link-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PlcContactLinkRow, button);
  gtk_widget_class_bind_template_callback (widget_class, button_clicked_cb);
}

static void
plc_contact_link_row_init (PlcContactLinkRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * plc_contact_link_row_new:
 * @child_id: the child's id
 * @child_name: the child's name, or its reference if unknown here
 * @description: the contact's role, and for which placement
 * @removable: whether the button removes the link
 */
GtkWidget *
plc_contact_link_row_new (gint64      child_id,
                          const char *child_name,
                          const char *description,
                          gboolean    removable)
{
  return g_object_new (PLC_TYPE_CONTACT_LINK_ROW,
                       "child-id", child_id,
                       "child-name", child_name,
                       "subtitle", description,
                       "removable", removable,
                       NULL);
}

gint64
plc_contact_link_row_get_child_id (PlcContactLinkRow *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT_LINK_ROW (self), 0);

  return self->child_id;
}

gboolean
plc_contact_link_row_get_removable (PlcContactLinkRow *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT_LINK_ROW (self), FALSE);

  return self->removable;
}
