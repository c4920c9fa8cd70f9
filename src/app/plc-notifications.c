/* plc-notifications.c: the daily summary of what is due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-notifications"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-notifications.h"

/**
 * plc_notifications_count:
 * @caseload: a loaded caseload
 * @caseworker: (nullable): count only the placements of this caseworker;
 *   %NULL for all
 * @n_overdue: (out): how many steps are overdue
 * @n_due_today: (out): how many open steps fall due on the caseload's day
 *
 * Counts the caseload's agenda.
 */
void
plc_notifications_count (PlcCaseload *caseload,
                         const char  *caseworker,
                         guint       *n_overdue,
                         guint       *n_due_today)
{
  GListModel *agenda;
  PlcDate today;
  guint n_items;

  g_return_if_fail (PLC_IS_CASELOAD (caseload));
  g_return_if_fail (n_overdue != NULL);
  g_return_if_fail (n_due_today != NULL);

  *n_overdue = 0;
  *n_due_today = 0;

  agenda = plc_caseload_get_agenda (caseload);
  today = plc_caseload_get_today (caseload);
  n_items = g_list_model_get_n_items (agenda);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PlcObligation) obligation = g_list_model_get_item (agenda, i);
      PlcObligationState state = plc_obligation_get_state (obligation);

      if (caseworker != NULL && g_strcmp0 (plc_obligation_get_caseworker (obligation), caseworker) != 0)
        continue;

      if (state == PLC_OBLIGATION_STATE_OVERDUE)
        (*n_overdue)++;
      else if (state == PLC_OBLIGATION_STATE_OPEN && plc_obligation_get_due (obligation) == today)
        (*n_due_today)++;
    }
}

/**
 * plc_notifications_has_caseworker:
 * @caseload: a loaded caseload
 * @caseworker: a caseworker's name
 *
 * Returns: whether any placement in @caseload is @caseworker's: the
 *   daily notification counts that caseworker's list only if there is one
 */
gboolean
plc_notifications_has_caseworker (PlcCaseload *caseload,
                                  const char  *caseworker)
{
  GListModel *cases;

  g_return_val_if_fail (PLC_IS_CASELOAD (caseload), FALSE);
  g_return_val_if_fail (caseworker != NULL, FALSE);

  cases = plc_caseload_get_cases (caseload);
  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(PlcCase) c = g_list_model_get_item (cases, i);
      GPtrArray *placements = plc_case_get_placements (c);

      for (guint j = 0; j < placements->len; j++)
        if (g_strcmp0 (plc_placement_get_caseworker (g_ptr_array_index (placements, j)), caseworker) == 0)
          return TRUE;
    }

  return FALSE;
}

/**
 * plc_notifications_summary:
 * @n_overdue: how many steps are overdue
 * @n_due_today: how many steps fall due today
 *
 * The body of the daily notification.  It holds counts only: a
 * notification may show on a locked screen, so it never names a child.
 *
 * Returns: (transfer full) (nullable): one translated sentence per count
 *   that is not zero, a line each; %NULL when there is nothing to say
 */
char *
plc_notifications_summary (guint n_overdue,
                           guint n_due_today)
{
  g_autoptr(GString) text = NULL;

  if (n_overdue == 0 && n_due_today == 0)
    return NULL;

  text = g_string_new (NULL);

  if (n_overdue > 0)
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%u step is overdue.",
                                         "%u steps are overdue.",
                                         n_overdue),
                            n_overdue);

  if (n_due_today > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');

      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u step is due today.",
                                           "%u steps are due today.",
                                           n_due_today),
                              n_due_today);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * plc_notifications_body:
 * @n_overdue: how many steps are overdue
 * @n_due_today: how many steps fall due today
 * @caseworker: (nullable): whose caseload was counted; %NULL for all
 *   placements
 *
 * The daily notification's text: plc_notifications_summary(), and on a
 * line of its own whose list it counted.  The caseworker's name is the
 * user's own; no child is named.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when there is
 *   nothing to say
 */
char *
plc_notifications_body (guint       n_overdue,
                        guint       n_due_today,
                        const char *caseworker)
{
  g_autofree char *summary = plc_notifications_summary (n_overdue, n_due_today);
  g_autofree char *whose = NULL;

  if (summary == NULL)
    return NULL;

  if (caseworker != NULL)
    /* Translators: the last line of the daily notification: whose
     * placements were counted, as in "Caseworker: Anna Lind" */
    whose = g_strdup_printf (_("Caseworker: %s"), caseworker);
  else
    whose = g_strdup (_("All placements"));

  return g_strconcat (summary, "\n", whose, NULL);
}
