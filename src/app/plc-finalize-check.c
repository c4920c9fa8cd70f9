/* plc-finalize-check.c: an opt-in check that objects are finalized
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With PLACERINGAR_CHECK_FINALIZED=1 in the environment (the UI tests set
 * it) the application keeps a weak reference to each of its windows, its
 * stores and its caseloads (the model behind the lists), and when it has
 * ended (the application quits cleanly on SIGTERM) main() asks
 * plc_finalize_check_report()
 * whether all of them were finalized: a reference that outlives the
 * application is a leak.  Without the variable nothing here does anything.
 */

#define G_LOG_DOMAIN "placeringar"

#include "config.h"

#include <stdio.h>

#include "plc-finalize-check.h"

typedef struct
{
  GWeakRef  ref;
  char     *type_name;
} Tracked;

static GPtrArray *tracked = NULL;

static void
tracked_free (gpointer data)
{
  Tracked *t = data;

  g_weak_ref_clear (&t->ref);
  g_free (t->type_name);
  g_free (t);
}

gboolean
plc_finalize_check_enabled (void)
{
  return g_strcmp0 (g_getenv ("PLACERINGAR_CHECK_FINALIZED"), "1") == 0;
}

/**
 * plc_finalize_check_track:
 * @object: (type GObject): an object that must be finalized by the time
 *   the application has ended
 */
void
plc_finalize_check_track (gpointer object)
{
  Tracked *t;

  g_return_if_fail (G_IS_OBJECT (object));

  if (!plc_finalize_check_enabled ())
    return;

  if (tracked == NULL)
    tracked = g_ptr_array_new_with_free_func (tracked_free);

  t = g_new0 (Tracked, 1);
  g_weak_ref_init (&t->ref, object);
  t->type_name = g_strdup (G_OBJECT_TYPE_NAME (object));
  g_ptr_array_add (tracked, t);
}

/* Every toplevel, the application's windows and the dialogs and
 * preferences windows that are only transient for one of them. */
static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added,
                      gpointer    user_data)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      plc_finalize_check_track (window);
    }
}

/**
 * plc_finalize_check_watch:
 * @application: the application
 *
 * Tracks every window made from now on.
 */
void
plc_finalize_check_watch (GtkApplication *application)
{
  if (!plc_finalize_check_enabled ())
    return;

  g_signal_connect (gtk_window_get_toplevels (), "items-changed",
                    G_CALLBACK (toplevels_changed_cb), NULL);
}

/**
 * plc_finalize_check_report:
 *
 * Called when the application has ended and been unreferenced: destroys
 * any window still open, lets pending idle work finish, and says on
 * standard error which tracked objects are still alive.
 *
 * Returns: 0 when all were finalized (or the check is off), 3 otherwise
 */
int
plc_finalize_check_report (void)
{
  GListModel *toplevels;
  guint alive = 0;

  if (!plc_finalize_check_enabled () || tracked == NULL)
    return 0;

  /* A dialog left open is not a leak: close whatever is still there. */
  toplevels = gtk_window_get_toplevels ();
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }

  for (guint i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;

  for (guint i = 0; i < tracked->len; i++)
    {
      Tracked *t = g_ptr_array_index (tracked, i);
      g_autoptr(GObject) object = g_weak_ref_get (&t->ref);

      if (object != NULL)
        {
          /* -1: the reference taken just here */
          fprintf (stderr, "placeringar: not finalized at exit: %s %p (%u references)\n",
                   t->type_name, (gpointer)object, object->ref_count - 1);
          alive++;
        }
    }

  fprintf (stderr, "placeringar: %u of %u tracked windows and models finalized at exit\n",
           tracked->len - alive, tracked->len);
  g_clear_pointer (&tracked, g_ptr_array_unref);

  return alive == 0 ? 0 : 3;
}
