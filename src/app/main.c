/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "placeringar"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "plc-application.h"
#include "plc-finalize-check.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PlcApplication) app = NULL;
  const char *localedir;
  int status;

  /* PLACERINGAR_LOCALEDIR lets the test suite and `meson devenv` use the
   * translations of the build tree. */
  localedir = g_getenv ("PLACERINGAR_LOCALEDIR");
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Placements"));

  app = plc_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  g_clear_object (&app);

  /* PLACERINGAR_CHECK_FINALIZED=1: did every window and model go? */
  if (plc_finalize_check_report () != 0 && status == 0)
    status = 3;

  return status;
}
