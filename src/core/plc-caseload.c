/* plc-caseload.c: the children, placements and obligations the views show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-caseload"

#include "config.h"

#include <string.h>

#include "plc-caseload.h"
#include "plc-case-filter.h"
#include "plc-caseload-private.h"

/* PlcCase */

struct _PlcCase
{
  GObject       parent_instance;

  PlcChild     *child;
  GPtrArray    *placements;
  PlcPlacement *current;
  gboolean      active;
  guint         n_overdue;
  guint         n_upcoming;
  PlcDate       next_due;
  char         *warning;
  char         *profile_id;
  char         *sort_key;    /* the name's collation key, made once */
};

G_DEFINE_FINAL_TYPE (PlcCase, plc_case, G_TYPE_OBJECT)

static void
plc_case_finalize (GObject *object)
{
  PlcCase *self = (PlcCase *)object;

  g_clear_object (&self->child);
  g_ptr_array_unref (self->placements);
  g_clear_object (&self->current);
  g_free (self->warning);
  g_free (self->profile_id);
  g_free (self->sort_key);

  G_OBJECT_CLASS (plc_case_parent_class)->finalize (object);
}

static void
plc_case_class_init (PlcCaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plc_case_finalize;
}

static void
plc_case_init (PlcCase *self)
{
  self->placements = g_ptr_array_new_with_free_func (g_object_unref);
}

static char *
name_sort_key (PlcChild *child)
{
  const char *name = plc_child_get_name (child);

  return g_utf8_collate_key (name != NULL ? name : "", -1);
}

/**
 * plc_case_get_sort_key:
 *
 * Returns: the child's name as a collation key (strcmp() orders names the
 *   way the user's language does), made once per case
 */
const char *
plc_case_get_sort_key (PlcCase *self)
{
  g_return_val_if_fail (PLC_IS_CASE (self), NULL);
  return self->sort_key;
}

PlcChild *
plc_case_get_child (PlcCase *self)
{
  g_return_val_if_fail (PLC_IS_CASE (self), NULL);
  return self->child;
}

/**
 * plc_case_get_placements:
 *
 * Returns: (transfer none) (element-type PlcPlacement): the child's
 *   placements that are not deleted, oldest first
 */
GPtrArray *
plc_case_get_placements (PlcCase *self)
{
  g_return_val_if_fail (PLC_IS_CASE (self), NULL);
  return self->placements;
}

PlcPlacement *
plc_case_get_current_placement (PlcCase *self)
{
  g_return_val_if_fail (PLC_IS_CASE (self), NULL);
  return self->current;
}

gboolean
plc_case_get_active (PlcCase *self)
{
  g_return_val_if_fail (PLC_IS_CASE (self), FALSE);
  return self->active;
}

guint
plc_case_get_n_overdue (PlcCase *self)
{
  g_return_val_if_fail (PLC_IS_CASE (self), 0);
  return self->n_overdue;
}

guint
plc_case_get_n_upcoming (PlcCase *self)
{
  g_return_val_if_fail (PLC_IS_CASE (self), 0);
  return self->n_upcoming;
}

PlcDate
plc_case_get_next_due (PlcCase *self)
{
  g_return_val_if_fail (PLC_IS_CASE (self), PLC_DATE_NONE);
  return self->next_due;
}

const char *
plc_case_get_warning (PlcCase *self)
{
  g_return_val_if_fail (PLC_IS_CASE (self), NULL);
  return self->warning;
}

const char *
plc_case_get_profile_id (PlcCase *self)
{
  g_return_val_if_fail (PLC_IS_CASE (self), NULL);
  return self->profile_id;
}

/**
 * _plc_case_new:
 *
 * A case made by hand, without a store: for the tests of the models that
 * work on cases.
 *
 * Returns: (transfer full): a new #PlcCase
 */
PlcCase *
_plc_case_new (PlcChild     *child,
               GPtrArray    *placements,
               PlcPlacement *current,
               gboolean      active,
               guint         n_overdue,
               guint         n_upcoming,
               PlcDate       next_due,
               const char   *warning,
               const char   *profile_id)
{
  PlcCase *self;

  g_return_val_if_fail (PLC_IS_CHILD (child), NULL);

  self = g_object_new (PLC_TYPE_CASE, NULL);
  self->child = g_object_ref (child);
  self->sort_key = name_sort_key (child);
  for (guint i = 0; placements != NULL && i < placements->len; i++)
    g_ptr_array_add (self->placements, g_object_ref (g_ptr_array_index (placements, i)));
  self->current = current != NULL ? g_object_ref (current) : NULL;
  self->active = active;
  self->n_overdue = n_overdue;
  self->n_upcoming = n_upcoming;
  self->next_due = next_due;
  self->warning = g_strdup (warning);
  self->profile_id = g_strdup (profile_id);

  return self;
}

/* PlcCaseload */

struct _PlcCaseload
{
  GObject     parent_instance;

  PlcStore   *store;
  PlcEngine  *engine;
  gboolean    loaded;
  PlcDate     today;
  GListStore *cases;
  GListStore *agenda;
  GHashTable *cases_by_child;  /* child id → PlcCase */
  GHashTable *obligations;     /* placement id → GPtrArray of PlcObligation */
  GHashTable *warnings;        /* placement id → char * */
};

G_DEFINE_FINAL_TYPE (PlcCaseload, plc_caseload, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
plc_caseload_finalize (GObject *object)
{
  PlcCaseload *self = (PlcCaseload *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->engine);
  g_clear_object (&self->cases);
  g_clear_object (&self->agenda);
  g_hash_table_unref (self->cases_by_child);
  g_hash_table_unref (self->obligations);
  g_hash_table_unref (self->warnings);

  G_OBJECT_CLASS (plc_caseload_parent_class)->finalize (object);
}

static void
plc_caseload_class_init (PlcCaseloadClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plc_caseload_finalize;

  /**
   * PlcCaseload::changed:
   *
   * Emitted after a reload has replaced the cases, obligations and agenda.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static GHashTable *
new_id_table (GDestroyNotify value_free)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, value_free);
}

static void
plc_caseload_init (PlcCaseload *self)
{
  self->cases = g_list_store_new (PLC_TYPE_CASE);
  self->agenda = g_list_store_new (PLC_TYPE_OBLIGATION);
  self->cases_by_child = new_id_table (g_object_unref);
  self->obligations = new_id_table ((GDestroyNotify)g_ptr_array_unref);
  self->warnings = new_id_table (g_free);
}

PlcCaseload *
plc_caseload_new (PlcStore  *store,
                  PlcEngine *engine)
{
  PlcCaseload *self;

  g_return_val_if_fail (PLC_IS_STORE (store), NULL);
  g_return_val_if_fail (PLC_IS_ENGINE (engine), NULL);

  self = g_object_new (PLC_TYPE_CASELOAD, NULL);
  self->store = g_object_ref (store);
  self->engine = g_object_ref (engine);
  return self;
}

PlcStore *
plc_caseload_get_store (PlcCaseload *self)
{
  g_return_val_if_fail (PLC_IS_CASELOAD (self), NULL);
  return self->store;
}

PlcEngine *
plc_caseload_get_engine (PlcCaseload *self)
{
  g_return_val_if_fail (PLC_IS_CASELOAD (self), NULL);
  return self->engine;
}

/**
 * plc_caseload_get_profiles:
 *
 * Returns: (transfer none): the agreement profiles the engine's rules come
 *   from
 */
PlcProfileSet *
plc_caseload_get_profiles (PlcCaseload *self)
{
  g_return_val_if_fail (PLC_IS_CASELOAD (self), NULL);
  return plc_engine_get_profiles (self->engine);
}

/* What a reload reads, and what it computes from it (off the main thread) */
typedef struct
{
  PlcDate     today;
  int         upcoming_days;
  GPtrArray  *children;
  GPtrArray  *placements;
  GPtrArray  *statuses;
  GPtrArray  *routines;

  GPtrArray  *cases;        /* of PlcCase, by name */
  GPtrArray  *agenda;       /* of PlcObligation, by due date */
  GHashTable *obligations;
  GHashTable *warnings;
} Load;

static void
load_free (Load *load)
{
  g_clear_pointer (&load->children, g_ptr_array_unref);
  g_clear_pointer (&load->placements, g_ptr_array_unref);
  g_clear_pointer (&load->statuses, g_ptr_array_unref);
  g_clear_pointer (&load->routines, g_ptr_array_unref);
  g_clear_pointer (&load->cases, g_ptr_array_unref);
  g_clear_pointer (&load->agenda, g_ptr_array_unref);
  g_clear_pointer (&load->obligations, g_hash_table_unref);
  g_clear_pointer (&load->warnings, g_hash_table_unref);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Load, load_free)

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static int
compare_placements_by_start (gconstpointer a,
                             gconstpointer b)
{
  PlcPlacement *pa = *(PlcPlacement **)a;
  PlcPlacement *pb = *(PlcPlacement **)b;
  PlcDate da = plc_placement_get_start_date (pa);
  PlcDate db = plc_placement_get_start_date (pb);

  if (da != db)
    return da < db ? -1 : 1;

  return plc_placement_get_id (pa) < plc_placement_get_id (pb) ? -1 : 1;
}

static int
compare_cases_by_name (gconstpointer a,
                       gconstpointer b)
{
  PlcCase *ca = *(PlcCase **)a;
  PlcCase *cb = *(PlcCase **)b;
  int cmp = strcmp (ca->sort_key, cb->sort_key);

  if (cmp != 0)
    return cmp;

  return plc_child_get_id (ca->child) < plc_child_get_id (cb->child) ? -1 : 1;
}

static int
compare_obligations (gconstpointer a,
                     gconstpointer b)
{
  return plc_obligation_compare (*(PlcObligation **)a, *(PlcObligation **)b);
}

/* Prepares the engine: the unit's local routines, the moves, and the
 * statuses that count across them */
static void
prepare_engine (PlcEngine *engine,
                Load      *load)
{
  plc_engine_learn_routines (engine, load->routines);
  plc_engine_learn_moves (engine, load->placements);
  plc_engine_learn_step_statuses (engine, load->statuses);
}

/* Runs in a worker thread: touches only @load and the engine, which
 * nothing else changes while a reload runs. */
static void
compute (PlcEngine *engine,
         Load      *load)
{
  g_autoptr(GHashTable) statuses_by_placement = new_id_table ((GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GHashTable) cases = new_id_table (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  load->cases = g_ptr_array_new_with_free_func (g_object_unref);
  load->agenda = g_ptr_array_new_with_free_func (g_object_unref);
  load->obligations = new_id_table ((GDestroyNotify)g_ptr_array_unref);
  load->warnings = new_id_table (g_free);

  for (guint i = 0; i < load->statuses->len; i++)
    {
      PlcStepStatus *status = g_ptr_array_index (load->statuses, i);
      gint64 id = plc_step_status_get_placement_id (status);
      GPtrArray *list = g_hash_table_lookup (statuses_by_placement, &id);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (statuses_by_placement, id_key (id), list);
        }
      g_ptr_array_add (list, g_object_ref (status));
    }

  for (guint i = 0; i < load->children->len; i++)
    {
      PlcChild *child = g_ptr_array_index (load->children, i);
      PlcCase *c = g_object_new (PLC_TYPE_CASE, NULL);

      c->child = g_object_ref (child);
      c->sort_key = name_sort_key (child);
      g_hash_table_insert (cases, id_key (plc_child_get_id (child)), c);
    }

  for (guint i = 0; i < load->placements->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (load->placements, i);
      gint64 child_id = plc_placement_get_child_id (placement);
      PlcCase *c = g_hash_table_lookup (cases, &child_id);

      if (c != NULL)
        g_ptr_array_add (c->placements, g_object_ref (placement));
    }

  g_hash_table_iter_init (&iter, cases);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      PlcCase *c = value;
      PlcDate horizon = plc_date_add_days (load->today, load->upcoming_days);

      g_ptr_array_sort (c->placements, compare_placements_by_start);

      for (guint i = 0; i < c->placements->len; i++)
        {
          PlcPlacement *placement = g_ptr_array_index (c->placements, i);
          gint64 id = plc_placement_get_id (placement);
          GPtrArray *statuses = g_hash_table_lookup (statuses_by_placement, &id);
          g_autofree char *warning = NULL;
          g_autoptr(GPtrArray) obligations = NULL;
          gboolean is_current;

          obligations = plc_engine_compute (engine, c->child, placement, statuses,
                                            load->today, &warning);

          /* The current placement: the active one, else the latest */
          if (plc_placement_is_active (placement, load->today))
            {
              g_set_object (&c->current, placement);
              c->active = TRUE;
            }
          else if (!c->active)
            g_set_object (&c->current, placement);

          is_current = c->current == placement;

          for (guint j = 0; j < obligations->len; j++)
            {
              PlcObligation *ob = g_ptr_array_index (obligations, j);
              PlcObligationState state = plc_obligation_get_state (ob);
              PlcDate due = plc_obligation_get_due (ob);

              if (!plc_obligation_is_open (ob) || due == PLC_DATE_NONE)
                continue;

              if (state == PLC_OBLIGATION_STATE_OVERDUE)
                c->n_overdue++;
              else if (due <= horizon)
                c->n_upcoming++;

              if (c->next_due == PLC_DATE_NONE || due < c->next_due)
                c->next_due = due;

              if (state == PLC_OBLIGATION_STATE_OVERDUE || due <= horizon)
                g_ptr_array_add (load->agenda, g_object_ref (ob));
            }

          if (is_current)
            {
              g_free (c->warning);
              c->warning = g_strdup (warning);
              g_free (c->profile_id);
              c->profile_id = NULL;
              for (guint j = 0; j < obligations->len && c->profile_id == NULL; j++)
                {
                  PlcProfile *profile = plc_obligation_get_profile (g_ptr_array_index (obligations, j));

                  if (profile != NULL && plc_profile_get_kind (profile) == PLC_PROFILE_KIND_REGIONAL)
                    c->profile_id = g_strdup (plc_profile_get_id (profile));
                }
              if (c->profile_id == NULL)
                c->profile_id = g_strdup ("national");
            }

          if (warning != NULL)
            g_hash_table_insert (load->warnings, id_key (id), g_steal_pointer (&warning));
          g_hash_table_insert (load->obligations, id_key (id), g_steal_pointer (&obligations));
        }

      /* What the list is searched by, here rather than on the first keystroke */
      plc_case_filter_prepare_case (c);
      g_ptr_array_add (load->cases, g_object_ref (c));
    }

  g_ptr_array_sort (load->cases, compare_cases_by_name);
  g_ptr_array_sort (load->agenda, compare_obligations);
}

/* Back on the main thread: replace everything at once */
static void
apply (PlcCaseload *self,
       Load        *load)
{
  guint n_cases = g_list_model_get_n_items (G_LIST_MODEL (self->cases));
  guint n_agenda = g_list_model_get_n_items (G_LIST_MODEL (self->agenda));

  self->today = load->today;
  self->loaded = TRUE;

  g_hash_table_remove_all (self->cases_by_child);
  for (guint i = 0; i < load->cases->len; i++)
    {
      PlcCase *c = g_ptr_array_index (load->cases, i);

      g_hash_table_insert (self->cases_by_child, id_key (plc_child_get_id (c->child)),
                           g_object_ref (c));
    }

  g_hash_table_unref (self->obligations);
  self->obligations = g_steal_pointer (&load->obligations);
  g_hash_table_unref (self->warnings);
  self->warnings = g_steal_pointer (&load->warnings);

  g_list_store_splice (self->cases, 0, n_cases, load->cases->pdata, load->cases->len);
  g_list_store_splice (self->agenda, 0, n_agenda, load->agenda->pdata, load->agenda->len);

  g_signal_emit (self, signals[CHANGED], 0);
}

/* Asynchronous reload: four reads on the store's worker, then the
 * computation in a thread of its own */

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PlcCaseload *self = source_object;

  compute (self->engine, task_data);
  g_task_return_boolean (task, TRUE);
}

static void
computed (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PlcCaseload *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  apply (self, g_task_get_task_data (task));
  g_task_return_boolean (task, TRUE);
}

static void
start_compute (GTask *task)
{
  PlcCaseload *self = g_task_get_source_object (task);
  Load *load = g_task_get_task_data (task);
  GTask *thread_task;

  prepare_engine (self->engine, load);

  thread_task = g_task_new (self, g_task_get_cancellable (task), computed, g_object_ref (task));
  g_task_set_task_data (thread_task, load, NULL);
  g_task_run_in_thread (thread_task, compute_thread);
  g_object_unref (thread_task);
}

static void
routines_listed (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Load *load = g_task_get_task_data (task);
  GError *error = NULL;

  load->routines = plc_store_list_routine_offsets_finish (PLC_STORE (object), result, &error);
  if (load->routines == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  start_compute (task);
}

static void
statuses_listed (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Load *load = g_task_get_task_data (task);
  GError *error = NULL;

  load->statuses = plc_store_list_step_statuses_finish (PLC_STORE (object), result, &error);
  if (load->statuses == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  plc_store_list_routine_offsets_async (PLC_STORE (object), NULL, g_task_get_cancellable (task),
                                        routines_listed, g_object_ref (task));
}

static void
placements_listed (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Load *load = g_task_get_task_data (task);
  GError *error = NULL;

  load->placements = plc_store_list_placements_finish (PLC_STORE (object), result, &error);
  if (load->placements == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  plc_store_list_step_statuses_async (PLC_STORE (object), 0, g_task_get_cancellable (task),
                                      statuses_listed, g_object_ref (task));
}

static void
children_listed (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Load *load = g_task_get_task_data (task);
  GError *error = NULL;

  load->children = plc_store_list_children_finish (PLC_STORE (object), result, &error);
  if (load->children == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  plc_store_list_placements_async (PLC_STORE (object), 0, FALSE, g_task_get_cancellable (task),
                                   placements_listed, g_object_ref (task));
}

static Load *
load_new (PlcCaseload *self,
          PlcDate      today)
{
  Load *load = g_new0 (Load, 1);

  load->today = today;
  load->upcoming_days = plc_engine_get_upcoming_days (self->engine);
  return load;
}

/**
 * plc_caseload_reload_async:
 * @today: the day to compute overdue and upcoming from
 *
 * Reads the children, placements, step statuses and local routines from
 * the store (with its asynchronous API) and computes the obligations in a
 * worker thread.  The models change, and "changed" is emitted, only when
 * all of it succeeded.
 */
void
plc_caseload_reload_async (PlcCaseload         *self,
                           PlcDate              today,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PLC_IS_CASELOAD (self));
  g_return_if_fail (today != PLC_DATE_NONE);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, plc_caseload_reload_async);
  g_task_set_task_data (task, load_new (self, today), (GDestroyNotify)load_free);

  plc_store_list_children_async (self->store, FALSE, cancellable, children_listed,
                                 g_steal_pointer (&task));
}

gboolean
plc_caseload_reload_finish (PlcCaseload   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * plc_caseload_reload:
 *
 * The same as plc_caseload_reload_async(), with the store's synchronous
 * API, for tests and the command line; not for the application's main
 * thread.
 */
gboolean
plc_caseload_reload (PlcCaseload  *self,
                     PlcDate       today,
                     GError      **error)
{
  g_autoptr(Load) load = NULL;

  g_return_val_if_fail (PLC_IS_CASELOAD (self), FALSE);
  g_return_val_if_fail (today != PLC_DATE_NONE, FALSE);

  load = load_new (self, today);
  if ((load->children = plc_store_list_children (self->store, FALSE, error)) == NULL ||
      (load->placements = plc_store_list_placements (self->store, 0, FALSE, error)) == NULL ||
      (load->statuses = plc_store_list_step_statuses (self->store, 0, error)) == NULL ||
      (load->routines = plc_store_list_routine_offsets (self->store, NULL, error)) == NULL)
    return FALSE;

  prepare_engine (self->engine, load);
  compute (self->engine, load);
  apply (self, load);
  return TRUE;
}

gboolean
plc_caseload_get_loaded (PlcCaseload *self)
{
  g_return_val_if_fail (PLC_IS_CASELOAD (self), FALSE);
  return self->loaded;
}

PlcDate
plc_caseload_get_today (PlcCaseload *self)
{
  g_return_val_if_fail (PLC_IS_CASELOAD (self), PLC_DATE_NONE);
  return self->today;
}

/**
 * plc_caseload_get_cases:
 *
 * Returns: (transfer none): a #GListModel of #PlcCase, one per child that is
 *   not deleted, by name
 */
GListModel *
plc_caseload_get_cases (PlcCaseload *self)
{
  g_return_val_if_fail (PLC_IS_CASELOAD (self), NULL);
  return G_LIST_MODEL (self->cases);
}

/**
 * plc_caseload_lookup_case:
 *
 * Returns: (transfer none) (nullable): the case of a child
 */
PlcCase *
plc_caseload_lookup_case (PlcCaseload *self,
                          gint64       child_id)
{
  g_return_val_if_fail (PLC_IS_CASELOAD (self), NULL);
  return g_hash_table_lookup (self->cases_by_child, &child_id);
}

/**
 * plc_caseload_get_obligations:
 *
 * Returns: (transfer none) (nullable) (element-type PlcObligation): the
 *   obligations of a placement, by due date, then those no longer required
 */
GPtrArray *
plc_caseload_get_obligations (PlcCaseload *self,
                              gint64       placement_id)
{
  g_return_val_if_fail (PLC_IS_CASELOAD (self), NULL);
  return g_hash_table_lookup (self->obligations, &placement_id);
}

/**
 * plc_caseload_get_warning:
 *
 * Returns: (nullable): the warning that no regional agreement applies to a
 *   placement, saying why
 */
const char *
plc_caseload_get_warning (PlcCaseload *self,
                          gint64       placement_id)
{
  g_return_val_if_fail (PLC_IS_CASELOAD (self), NULL);
  return g_hash_table_lookup (self->warnings, &placement_id);
}

/**
 * plc_caseload_get_agenda:
 *
 * Returns: (transfer none): a #GListModel of the #PlcObligation that are
 *   overdue or due within the upcoming window, by due date
 */
GListModel *
plc_caseload_get_agenda (PlcCaseload *self)
{
  g_return_val_if_fail (PLC_IS_CASELOAD (self), NULL);
  return G_LIST_MODEL (self->agenda);
}
