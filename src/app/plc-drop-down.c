/* plc-drop-down.c: drop-downs that fit a narrow window
 *
 * GTK 4.8's drop-down is as wide as the text of its chosen item, so two
 * side by side with "All municipalities" no longer fit 360 px. Its button
 * here ellipsizes the text (the tooltip and the list still show all of it)
 * while the list below keeps each item whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-drop-down"

#include "config.h"

#include "plc-drop-down.h"

static char *
item_text (GtkDropDown *drop_down,
           gpointer     item)
{
  GtkExpression *expression = gtk_drop_down_get_expression (drop_down);
  g_auto(GValue) value = G_VALUE_INIT;

  if (expression != NULL && gtk_expression_evaluate (expression, item, &value)
      && G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));

  return g_strdup ("");
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  gboolean ellipsize = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 6);
    }
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         GtkDropDown              *drop_down)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = item_text (drop_down, gtk_list_item_get_item (list_item));

  gtk_label_set_label (GTK_LABEL (label), text);
  if (gtk_label_get_ellipsize (GTK_LABEL (label)) != PANGO_ELLIPSIZE_NONE)
    gtk_widget_set_tooltip_text (label, text);
}

static GtkListItemFactory *
factory_new (GtkDropDown *drop_down,
             gboolean     ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cb), drop_down, 0);

  return factory;
}

/**
 * plc_drop_down_ellipsize:
 * @drop_down: a drop-down whose items are #GtkStringObject or which has an
 *   expression that gives a string
 *
 * Lets @drop_down's button be narrower than its chosen item's text: the
 * text is ellipsized there, and whole in the list it drops down.
 */
void
plc_drop_down_ellipsize (GtkDropDown *drop_down)
{
  g_autoptr(GtkListItemFactory) button = NULL;
  g_autoptr(GtkListItemFactory) list = NULL;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  button = factory_new (drop_down, TRUE);
  list = factory_new (drop_down, FALSE);
  gtk_drop_down_set_factory (drop_down, button);
  gtk_drop_down_set_list_factory (drop_down, list);
}

/**
 * plc_drop_down_new_agreements:
 * @profiles: (nullable): the agreement profiles
 * @first: (nullable): an item before them, such as "Any"
 * @last: (nullable): an item after them, such as "No Agreement"
 * @ids: an array of strings, set to the profiles' ids in the order of
 *   their names (after @first)
 *
 * The choices of an agreement, for a drop-down or a combo row.
 *
 * Returns: (transfer full): @first, the profiles' names, @last
 */
GtkStringList *
plc_drop_down_new_agreements (PlcProfileSet *profiles,
                              const char    *first,
                              const char    *last,
                              GPtrArray     *ids)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) list = profiles != NULL ? plc_profile_set_list (profiles) : NULL;

  g_ptr_array_set_size (ids, 0);
  if (first != NULL)
    gtk_string_list_append (names, first);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      PlcProfile *profile = g_ptr_array_index (list, i);

      g_ptr_array_add (ids, g_strdup (plc_profile_get_id (profile)));
      gtk_string_list_append (names, plc_profile_get_name (profile));
    }

  if (last != NULL)
    gtk_string_list_append (names, last);

  return names;
}
