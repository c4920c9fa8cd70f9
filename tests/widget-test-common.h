/* widget-test-common.h: what the tests of widgets under Xvfb share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

static inline gboolean
widget_test_timeout_cb (gpointer data)
{
  g_error ("timed out waiting for %s", (const char *) data);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds; fails the test, naming
 * @what, after 20 seconds. */
#define ITERATE_UNTIL(condition, what) \
  G_STMT_START { \
    guint timeout_id = g_timeout_add_seconds (20, widget_test_timeout_cb, (gpointer) (what)); \
    while (!(condition)) \
      g_main_context_iteration (NULL, TRUE); \
    g_source_remove (timeout_id); \
  } G_STMT_END
