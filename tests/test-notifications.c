/* test-notifications.c: the daily notification's text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-notifications"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "plc-notifications.h"

static void
check (guint       n_overdue,
       guint       n_due_today,
       const char *expected)
{
  g_autofree char *text = plc_notifications_summary (n_overdue, n_due_today);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_summary_english (void)
{
  check (0, 0, NULL);
  check (1, 0, "1 step is overdue.");
  check (2, 0, "2 steps are overdue.");
  check (0, 1, "1 step is due today.");
  check (0, 5, "5 steps are due today.");
  check (1, 1, "1 step is overdue.\n1 step is due today.");
  check (12, 3, "12 steps are overdue.\n3 steps are due today.");
}

static void
test_summary_swedish (void)
{
  const char *localedir = g_getenv ("PLACERINGAR_LOCALEDIR");

  if (setlocale (LC_ALL, "sv_SE.UTF-8") == NULL)
    {
      g_test_skip ("The sv_SE.UTF-8 locale is not installed");
      return;
    }

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  if (g_strcmp0 (g_dngettext (GETTEXT_PACKAGE, "%u step is overdue.", "%u steps are overdue.", 1),
                 "%u step is overdue.") == 0)
    {
      setlocale (LC_ALL, "C.UTF-8");
      g_test_skip ("The Swedish translation of the notification is not compiled in");
      return;
    }

  check (1, 0, "1 steg är försenat.");
  check (3, 0, "3 steg är försenade.");
  check (0, 1, "1 steg ska göras i dag.");
  check (2, 4, "2 steg är försenade.\n4 steg ska göras i dag.");

  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notifications/summary/english", test_summary_english);
  g_test_add_func ("/notifications/summary/swedish", test_summary_swedish);

  return g_test_run ();
}
