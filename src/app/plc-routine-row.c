/* plc-routine-row.c: a row to change one local routine's offset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-routine-row"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-routine-row.h"

/*
 * One rule of one agreement profile whose offset is a local routine: the
 * amount (negative means before the anchor), the unit, and a button back to
 * the profile's own offset, shown while a local one is stored.  The row
 * does not save anything itself: it says "changed" when the user changed
 * the offset and "reset" when they asked for the profile's own again, and
 * the preferences window saves.
 */

struct _PlcRoutineRow
{
  AdwActionRow    parent_instance;

  char           *profile_id;
  char           *rule_id;
  PlcOffset       profile_offset;  /* the profile's own */
  PlcOffset       default_offset;  /* the office's if it sets one, else the profile's */
  gboolean        is_local;
  guint           updating : 1;

  /* Template widgets */
  GtkSpinButton  *amount_spin;
  GtkDropDown    *unit_dropdown;
  GtkButton      *reset_button;
  GtkWidget      *reset_space;
};

G_DEFINE_FINAL_TYPE (PlcRoutineRow, plc_routine_row, ADW_TYPE_ACTION_ROW)

enum {
  CHANGED,
  RESET,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* The unit drop-down's items are in the order of PlcOffsetUnit. */
G_STATIC_ASSERT (PLC_OFFSET_UNIT_DAYS == 0);
G_STATIC_ASSERT (PLC_OFFSET_UNIT_WEEKS == 1);
G_STATIC_ASSERT (PLC_OFFSET_UNIT_MONTHS == 2);
G_STATIC_ASSERT (PLC_OFFSET_UNIT_YEARS == 3);

static void
show_offset (PlcRoutineRow *self,
             PlcOffset      offset)
{
  self->updating = TRUE;
  gtk_spin_button_set_value (self->amount_spin, offset.amount);
  gtk_drop_down_set_selected (self->unit_dropdown, offset.unit);
  self->updating = FALSE;
}

static void
set_is_local (PlcRoutineRow *self,
              gboolean       is_local)
{
  self->is_local = is_local;
  gtk_widget_set_visible (GTK_WIDGET (self->reset_button), is_local);
  gtk_widget_set_visible (self->reset_space, !is_local);
}

static void
offset_changed_cb (PlcRoutineRow *self)
{
  if (self->updating)
    return;

  set_is_local (self, TRUE);
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
reset_clicked_cb (PlcRoutineRow *self)
{
  set_is_local (self, FALSE);
  show_offset (self, self->default_offset);
  /* The button that had the focus is gone: keep it in the row. */
  gtk_widget_grab_focus (GTK_WIDGET (self->amount_spin));
  g_signal_emit (self, signals [RESET], 0);
}

static void
plc_routine_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PLC_TYPE_ROUTINE_ROW);

  G_OBJECT_CLASS (plc_routine_row_parent_class)->dispose (object);
}

static void
plc_routine_row_finalize (GObject *object)
{
  PlcRoutineRow *self = (PlcRoutineRow *)object;

  g_free (self->profile_id);
  g_free (self->rule_id);

  G_OBJECT_CLASS (plc_routine_row_parent_class)->finalize (object);
}

static void
plc_routine_row_class_init (PlcRoutineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plc_routine_row_dispose;
  object_class->finalize = plc_routine_row_finalize;

  /**
   * PlcRoutineRow::changed:
   *
   * The user changed the amount or the unit: plc_routine_row_get_offset()
   * is the local routine to store.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * PlcRoutineRow::reset:
   *
   * The user asked for the profile's own offset again: the stored local
   * routine is to be cleared.
   */
  signals [RESET] =
    g_signal_new ("reset",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/plc-routine-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PlcRoutineRow, amount_spin);
  gtk_widget_class_bind_template_child (widget_class, PlcRoutineRow, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlcRoutineRow, reset_button);
  gtk_widget_class_bind_template_child (widget_class, PlcRoutineRow, reset_space);
  gtk_widget_class_bind_template_callback (widget_class, offset_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_clicked_cb);
}

/* The unit's name, as wide as the widest of them: the drop-down keeps its
 * width whichever unit it shows, and the rows' controls line up. */
static void
unit_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  int width_chars = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_width_chars (GTK_LABEL (label), width_chars);
  gtk_list_item_set_child (item, label);
}

static void
unit_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkStringObject *unit = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (unit));
}

static void
plc_routine_row_init (PlcRoutineRow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GListModel *units;
  int width_chars = 0;

  gtk_widget_init_template (GTK_WIDGET (self));

  units = gtk_drop_down_get_model (self->unit_dropdown);
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(GtkStringObject) unit = g_list_model_get_item (units, i);

      width_chars = MAX (width_chars, g_utf8_strlen (gtk_string_object_get_string (unit), -1));
    }

  /* One more: width-chars counts average characters, and "m" is wide. */
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (unit_setup_cb), GINT_TO_POINTER (width_chars + 1));
  g_signal_connect (factory, "bind", G_CALLBACK (unit_bind_cb), NULL);
  gtk_drop_down_set_factory (self->unit_dropdown, factory);
}

/**
 * plc_routine_row_new:
 * @profile_id: the agreement profile's id
 * @rule_id: the rule's id
 * @title: the rule's title
 * @subtitle: (nullable): what the profile's own offset is, in words
 * @default_offset: the profile's own offset
 *
 * Returns: (transfer floating): a row showing @default_offset until
 *   plc_routine_row_set_local() gives it a local one
 */
PlcRoutineRow *
plc_routine_row_new (const char *profile_id,
                     const char *rule_id,
                     const char *title,
                     const char *subtitle,
                     PlcOffset   default_offset)
{
  PlcRoutineRow *self;

  g_return_val_if_fail (profile_id != NULL, NULL);
  g_return_val_if_fail (rule_id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (PLC_TYPE_ROUTINE_ROW,
                       "title", title,
                       "subtitle", subtitle,
                       NULL);
  self->profile_id = g_strdup (profile_id);
  self->rule_id = g_strdup (rule_id);
  self->profile_offset = default_offset;
  self->default_offset = default_offset;
  show_offset (self, default_offset);

  /* The row's title names both controls (the row itself labels its
   * activatable widget, the spin button); the description tells them apart. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->amount_spin),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Amount; a negative number means before"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->unit_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Unit"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reset_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title,
                                  -1);

  return self;
}

const char *
plc_routine_row_get_profile_id (PlcRoutineRow *self)
{
  g_return_val_if_fail (PLC_IS_ROUTINE_ROW (self), NULL);

  return self->profile_id;
}

const char *
plc_routine_row_get_rule_id (PlcRoutineRow *self)
{
  g_return_val_if_fail (PLC_IS_ROUTINE_ROW (self), NULL);

  return self->rule_id;
}

/**
 * plc_routine_row_get_offset:
 *
 * Returns: the offset the row shows: the local one, or the profile's own
 */
PlcOffset
plc_routine_row_get_offset (PlcRoutineRow *self)
{
  PlcOffset offset = { 0, PLC_OFFSET_UNIT_DAYS };
  guint selected;

  g_return_val_if_fail (PLC_IS_ROUTINE_ROW (self), offset);

  offset.amount = gtk_spin_button_get_value_as_int (self->amount_spin);
  selected = gtk_drop_down_get_selected (self->unit_dropdown);
  if (selected <= PLC_OFFSET_UNIT_YEARS)
    offset.unit = (PlcOffsetUnit)selected;

  return offset;
}

/**
 * plc_routine_row_get_is_local:
 *
 * Returns: whether the row shows a local routine rather than the profile's
 *   own offset
 */
gboolean
plc_routine_row_get_is_local (PlcRoutineRow *self)
{
  g_return_val_if_fail (PLC_IS_ROUTINE_ROW (self), FALSE);

  return self->is_local;
}

/**
 * plc_routine_row_set_local:
 * @local: (nullable): the stored local routine, or %NULL for none
 *
 * Shows @local, or the profile's own offset when it is %NULL, without
 * emitting #PlcRoutineRow::changed.
 */
void
plc_routine_row_set_local (PlcRoutineRow   *self,
                           const PlcOffset *local)
{
  g_return_if_fail (PLC_IS_ROUTINE_ROW (self));

  set_is_local (self, local != NULL);
  show_offset (self, local != NULL ? *local : self->default_offset);
}

/**
 * plc_routine_row_set_office:
 * @office: (nullable): the local routine set for the whole office, or %NULL
 *
 * What the row goes back to when the user's own local routine is cleared:
 * the office's, or the profile's own when @office is %NULL.
 */
void
plc_routine_row_set_office (PlcRoutineRow   *self,
                            const PlcOffset *office)
{
  g_return_if_fail (PLC_IS_ROUTINE_ROW (self));

  self->default_offset = office != NULL ? *office : self->profile_offset;
  if (!self->is_local)
    show_offset (self, self->default_offset);
}
