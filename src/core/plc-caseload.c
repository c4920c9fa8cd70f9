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
#include "plc-error.h"

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

/* PlcCaseload
 *
 * A reload reads everything and computes every case in a worker thread;
 * after that the caseload follows the store's changes (PlcStore::changed,
 * whoever made them): it reads the children they touch, with their
 * placements and step statuses, computes those cases again in a worker,
 * and replaces just them in the list models.  One computation uses the
 * engine at a time (compute_lock).  Changes that come while a reload or an
 * update runs wait in the queue; an update whose reads a later reload has
 * overtaken is dropped, the reload having read what it would have.
 */

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

  GMutex      compute_lock;

  GPtrArray  *queued;          /* of PlcChange, not applied yet */
  gboolean    queued_reload;
  guint       n_reloads;       /* in flight */
  gboolean    updating;
  guint       generation;      /* reloads started */
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
  g_ptr_array_unref (self->queued);
  g_mutex_clear (&self->compute_lock);

  G_OBJECT_CLASS (plc_caseload_parent_class)->finalize (object);
}

static void
plc_caseload_class_init (PlcCaseloadClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plc_caseload_finalize;

  /**
   * PlcCaseload::changed:
   *
   * Emitted after the cases, obligations and agenda changed: after a
   * reload, and after the changes of the store were applied (the models
   * have emitted their items-changed by then).  Also when a contact or a
   * contact log entry changed, which views show with a case.
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
  self->queued = g_ptr_array_new_with_free_func ((GDestroyNotify) plc_change_free);
  g_mutex_init (&self->compute_lock);
}

static void store_changed_cb    (PlcStore    *store,
                                 GPtrArray   *changes,
                                 PlcCaseload *self);
static void profiles_changed_cb (PlcCaseload *self);

/**
 * plc_caseload_new:
 * @store: the store to read, and to follow
 * @engine: the rules engine; the caseload's own, as it keeps what it
 *   learns of the store's routines and moves
 *
 * Returns: (transfer full): a caseload, empty until the first reload
 */
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

  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, 0);
  g_signal_connect_object (plc_engine_get_profiles (engine), "changed",
                           G_CALLBACK (profiles_changed_cb), self, G_CONNECT_SWAPPED);

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
compare_cases (PlcCase *ca,
               PlcCase *cb)
{
  int cmp = strcmp (ca->sort_key, cb->sort_key);
  gint64 ia, ib;

  if (cmp != 0)
    return cmp;

  ia = plc_child_get_id (ca->child);
  ib = plc_child_get_id (cb->child);

  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

static int
compare_cases_by_name (gconstpointer a,
                       gconstpointer b)
{
  return compare_cases (*(PlcCase **)a, *(PlcCase **)b);
}

static int
compare_obligations (gconstpointer a,
                     gconstpointer b)
{
  return plc_obligation_compare (*(PlcObligation **)a, *(PlcObligation **)b);
}

/* What a computation gives: cases, and the obligations and warnings of
 * their placements */
typedef struct
{
  PlcDate     today;
  int         upcoming_days;
  GPtrArray  *cases;        /* of PlcCase, by name */
  GPtrArray  *agenda;       /* of PlcObligation, by due date */
  GHashTable *obligations;  /* placement id → GPtrArray of PlcObligation */
  GHashTable *warnings;     /* placement id → char * */
} Computed;

static void
computed_init (Computed    *computed,
               PlcCaseload *self,
               PlcDate      today)
{
  computed->today = today;
  computed->upcoming_days = plc_engine_get_upcoming_days (self->engine);
  computed->cases = g_ptr_array_new_with_free_func (g_object_unref);
  computed->agenda = g_ptr_array_new_with_free_func (g_object_unref);
  computed->obligations = new_id_table ((GDestroyNotify)g_ptr_array_unref);
  computed->warnings = new_id_table (g_free);
}

static void
computed_clear (Computed *computed)
{
  g_clear_pointer (&computed->cases, g_ptr_array_unref);
  g_clear_pointer (&computed->agenda, g_ptr_array_unref);
  g_clear_pointer (&computed->obligations, g_hash_table_unref);
  g_clear_pointer (&computed->warnings, g_hash_table_unref);
}

/* In a worker, with compute_lock held: one child's case, from the child's
 * placements (not deleted) and their statuses.  Adds the case, its
 * obligations, warnings and agenda to @computed. */
static void
compute_case (PlcEngine  *engine,
              PlcChild   *child,
              GPtrArray  *placements,
              GHashTable *statuses,
              Computed   *computed)
{
  PlcCase *c = g_object_new (PLC_TYPE_CASE, NULL);
  PlcDate horizon = plc_date_add_days (computed->today, computed->upcoming_days);

  c->child = g_object_ref (child);
  c->sort_key = name_sort_key (child);
  for (guint i = 0; i < placements->len; i++)
    g_ptr_array_add (c->placements, g_object_ref (g_ptr_array_index (placements, i)));
  g_ptr_array_sort (c->placements, compare_placements_by_start);

  for (guint i = 0; i < c->placements->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (c->placements, i);
      gint64 id = plc_placement_get_id (placement);
      g_autofree char *warning = NULL;
      g_autoptr(GPtrArray) obligations = NULL;
      gboolean is_current;

      obligations = plc_engine_compute (engine, c->child, placement, g_hash_table_lookup (statuses, &id),
                                        computed->today, &warning);

      /* The current placement: the active one, else the latest */
      if (plc_placement_is_active (placement, computed->today))
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
            g_ptr_array_add (computed->agenda, g_object_ref (ob));
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
        g_hash_table_insert (computed->warnings, id_key (id), g_steal_pointer (&warning));
      g_hash_table_insert (computed->obligations, id_key (id), g_steal_pointer (&obligations));
    }

  /* What the list is searched by, here rather than on the first keystroke */
  plc_case_filter_prepare_case (c);
  g_ptr_array_add (computed->cases, c);
}

/* Reloading: everything, read and computed in a worker */

typedef struct
{
  Computed  computed;
  guint     generation;
} Load;

static void
load_free (Load *load)
{
  computed_clear (&load->computed);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Load, load_free)

static Load *
load_new (PlcCaseload *self,
          PlcDate      today)
{
  Load *load = g_new0 (Load, 1);

  computed_init (&load->computed, self, today);
  load->generation = ++self->generation;

  return load;
}

/* Reads and computes everything: in a worker, or for the synchronous
 * reload in the caller's thread */
static gboolean
load_all (PlcCaseload  *self,
          Load         *load,
          GError      **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->compute_lock);
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GPtrArray) placements = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GPtrArray) routines = NULL;
  g_autoptr(GHashTable) by_child = new_id_table ((GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GHashTable) statuses_of = NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  if ((children = plc_store_list_children (self->store, FALSE, error)) == NULL ||
      (placements = plc_store_list_placements (self->store, 0, FALSE, error)) == NULL ||
      (statuses = plc_store_list_step_statuses (self->store, 0, error)) == NULL ||
      (routines = plc_store_list_routine_offsets (self->store, NULL, error)) == NULL)
    return FALSE;

  plc_engine_learn_routines (self->engine, routines);
  plc_engine_learn_moves (self->engine, placements);
  plc_engine_learn_step_statuses (self->engine, statuses);

  statuses_of = plc_step_status_group_by_placement (statuses);
  for (guint i = 0; i < placements->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (placements, i);
      gint64 child_id = plc_placement_get_child_id (placement);
      GPtrArray *list = g_hash_table_lookup (by_child, &child_id);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_child, id_key (child_id), list);
        }
      g_ptr_array_add (list, placement);
    }

  for (guint i = 0; i < children->len; i++)
    {
      PlcChild *child = g_ptr_array_index (children, i);
      gint64 id = plc_child_get_id (child);
      GPtrArray *list = g_hash_table_lookup (by_child, &id);

      compute_case (self->engine, child, list != NULL ? list : none, statuses_of, &load->computed);
    }

  g_ptr_array_sort (load->computed.cases, compare_cases_by_name);
  g_ptr_array_sort (load->computed.agenda, compare_obligations);

  return TRUE;
}

static void schedule_update (PlcCaseload *self);

/* Back on the main thread: replace everything at once */
static void
apply_load (PlcCaseload *self,
            Load        *load)
{
  Computed *computed = &load->computed;
  guint n_cases = g_list_model_get_n_items (G_LIST_MODEL (self->cases));
  guint n_agenda = g_list_model_get_n_items (G_LIST_MODEL (self->agenda));

  self->today = computed->today;
  self->loaded = TRUE;

  g_hash_table_remove_all (self->cases_by_child);
  for (guint i = 0; i < computed->cases->len; i++)
    {
      PlcCase *c = g_ptr_array_index (computed->cases, i);

      g_hash_table_insert (self->cases_by_child, id_key (plc_child_get_id (c->child)),
                           g_object_ref (c));
    }

  g_hash_table_unref (self->obligations);
  self->obligations = g_steal_pointer (&computed->obligations);
  g_hash_table_unref (self->warnings);
  self->warnings = g_steal_pointer (&computed->warnings);

  g_list_store_splice (self->cases, 0, n_cases, computed->cases->pdata, computed->cases->len);
  g_list_store_splice (self->agenda, 0, n_agenda, computed->agenda->pdata, computed->agenda->len);

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
reload_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PlcCaseload *self = source_object;
  GError *error = NULL;

  if (!load_all (self, task_data, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
reloaded (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PlcCaseload *self = g_task_get_source_object (task);
  Load *load = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  self->n_reloads--;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_error (task, error);
  else
    {
      /* Reloads read one after another: the last to finish read last */
      apply_load (self, load);
      g_task_return_boolean (task, TRUE);
    }

  /* What changed meanwhile */
  schedule_update (self);
}

/**
 * plc_caseload_reload_async:
 * @today: the day to compute overdue and upcoming from
 *
 * Reads the children, placements, step statuses and local routines from
 * the store and computes the obligations, in a worker thread.  The models
 * change, and "changed" is emitted, only when all of it succeeded.  Call it
 * to load the caseload, and when the day or the engine's settings change;
 * after that the caseload follows the store's changes by itself.
 */
void
plc_caseload_reload_async (PlcCaseload         *self,
                           PlcDate              today,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) thread_task = NULL;

  g_return_if_fail (PLC_IS_CASELOAD (self));
  g_return_if_fail (today != PLC_DATE_NONE);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, plc_caseload_reload_async);

  self->n_reloads++;
  thread_task = g_task_new (self, cancellable, reloaded, g_steal_pointer (&task));
  g_task_set_task_data (thread_task, load_new (self, today), (GDestroyNotify)load_free);
  g_task_run_in_thread (thread_task, reload_thread);
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
 * The same as plc_caseload_reload_async(), in the caller's thread, for
 * tests and the command line; not for the application's main thread.
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
  if (!load_all (self, load, error))
    return FALSE;

  apply_load (self, load);
  return TRUE;
}

static void
reloaded_by_itself (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The store's messages never hold personal data */
  if (!plc_caseload_reload_finish (PLC_CASELOAD (object), result, &error))
    g_warning ("Could not load the caseload again: %s", error->message);
}

/* Updating: the cases that changes touched */

typedef struct
{
  Computed  computed;
  guint     generation;
  GArray   *child_ids;      /* known to be touched */
  GArray   *placement_ids;  /* touched; their child is read */
  GArray   *step_ids;       /* touched; their placement is read */
  GArray   *touched;        /* every child id, when done */
} Update;

static void
update_free (Update *update)
{
  computed_clear (&update->computed);
  g_array_unref (update->child_ids);
  g_array_unref (update->placement_ids);
  g_array_unref (update->step_ids);
  g_clear_pointer (&update->touched, g_array_unref);
  g_free (update);
}

/* A record a change names may be gone by the time it is read: a step
 * status of a placement that was then deleted, say. */
static PlcRecord *
get_if_there (PlcStore       *store,
              PlcRecordType   record_type,
              gint64          id,
              gboolean       *failed,
              GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  PlcRecord *record = plc_store_get_record (store, record_type, id, &local_error);

  if (record == NULL && !g_error_matches (local_error, PLC_ERROR, PLC_ERROR_NOT_FOUND))
    {
      *failed = TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
    }

  return record;
}

static void
add_id (GHashTable *set,
        gint64      id)
{
  if (id != 0)
    g_hash_table_add (set, id_key (id));
}

static gboolean
update_cases (PlcCaseload  *self,
              Update       *update,
              GError      **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->compute_lock);
  g_autoptr(GHashTable) children = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) placements = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gboolean failed = FALSE;
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < update->child_ids->len; i++)
    add_id (children, g_array_index (update->child_ids, gint64, i));
  for (guint i = 0; i < update->placement_ids->len; i++)
    add_id (placements, g_array_index (update->placement_ids, gint64, i));

  for (guint i = 0; i < update->step_ids->len && !failed; i++)
    {
      g_autoptr(PlcRecord) status = get_if_there (self->store, PLC_RECORD_TYPE_STEP_STATUS,
                                                  g_array_index (update->step_ids, gint64, i), &failed, error);

      if (status != NULL)
        add_id (placements, plc_step_status_get_placement_id (PLC_STEP_STATUS (status)));
    }

  g_hash_table_iter_init (&iter, placements);
  while (!failed && g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr(PlcRecord) placement = get_if_there (self->store, PLC_RECORD_TYPE_PLACEMENT, *(gint64 *)key,
                                                     &failed, error);

      if (placement != NULL)
        add_id (children, plc_placement_get_child_id (PLC_PLACEMENT (placement)));
    }

  update->touched = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_hash_table_iter_init (&iter, children);
  while (!failed && g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 child_id = *(gint64 *)key;
      g_autoptr(PlcRecord) child = get_if_there (self->store, PLC_RECORD_TYPE_CHILD, child_id, &failed, error);
      g_autoptr(GPtrArray) list = NULL;
      g_autoptr(GHashTable) statuses = NULL;
      g_autoptr(GPtrArray) all_statuses = NULL;

      g_array_append_val (update->touched, child_id);

      /* Deleted, or gone: its case goes */
      if (child == NULL || plc_record_get_deleted (child))
        continue;

      list = plc_store_list_placements (self->store, child_id, FALSE, error);
      if (list == NULL)
        return FALSE;

      statuses = new_id_table ((GDestroyNotify)g_ptr_array_unref);
      all_statuses = g_ptr_array_new ();
      for (guint i = 0; i < list->len; i++)
        {
          gint64 placement_id = plc_placement_get_id (g_ptr_array_index (list, i));
          GPtrArray *of_placement = plc_store_list_step_statuses (self->store, placement_id, error);

          if (of_placement == NULL)
            return FALSE;
          g_hash_table_insert (statuses, id_key (placement_id), of_placement);
          g_ptr_array_extend (all_statuses, of_placement, NULL, NULL);
        }

      /* The child's moves, and the statuses that count across them */
      plc_engine_learn_moves_of (self->engine, list);
      plc_engine_learn_step_statuses_of (self->engine, list, all_statuses);
      compute_case (self->engine, PLC_CHILD (child), list, statuses, &update->computed);
    }

  if (failed)
    return FALSE;

  g_ptr_array_sort (update->computed.agenda, compare_obligations);

  return TRUE;
}

static void
update_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (!update_cases (source_object, task_data, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* The position of @c in the cases (sorted by name): where it is, or where
 * it would go */
static guint
case_position (PlcCaseload *self,
               PlcCase     *c)
{
  GListModel *model = G_LIST_MODEL (self->cases);
  guint low = 0;
  guint high = g_list_model_get_n_items (model);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(PlcCase) item = g_list_model_get_item (model, middle);

      if (compare_cases (item, c) < 0)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/* Replaces one case in the list, with as small an items-changed as can be:
 * in place when it keeps its position, else out of one and into another */
static void
replace_case (PlcCaseload *self,
              PlcCase     *old,
              PlcCase     *new)
{
  if (old != NULL)
    {
      guint position = case_position (self, old);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->cases));
      g_autoptr(PlcCase) before = position > 0 ? g_list_model_get_item (G_LIST_MODEL (self->cases), position - 1) : NULL;
      g_autoptr(PlcCase) after = position + 1 < n ? g_list_model_get_item (G_LIST_MODEL (self->cases), position + 1) : NULL;

      if (new != NULL &&
          (before == NULL || compare_cases (before, new) < 0) &&
          (after == NULL || compare_cases (new, after) < 0))
        {
          g_list_store_splice (self->cases, position, 1, (gpointer *) &new, 1);
          return;
        }

      g_list_store_remove (self->cases, position);
    }

  if (new != NULL)
    g_list_store_insert (self->cases, case_position (self, new), new);
}

/* Replaces the agenda by @items in one items-changed, from the first item
 * that differs to the last */
static void
splice_agenda (PlcCaseload *self,
               GPtrArray   *items)
{
  GListModel *model = G_LIST_MODEL (self->agenda);
  guint n = g_list_model_get_n_items (model);
  guint prefix = 0;
  guint suffix = 0;

  while (prefix < n && prefix < items->len)
    {
      g_autoptr(PlcObligation) item = g_list_model_get_item (model, prefix);

      if (item != g_ptr_array_index (items, prefix))
        break;
      prefix++;
    }

  while (suffix < n - prefix && suffix < items->len - prefix)
    {
      g_autoptr(PlcObligation) item = g_list_model_get_item (model, n - 1 - suffix);

      if (item != g_ptr_array_index (items, items->len - 1 - suffix))
        break;
      suffix++;
    }

  if (prefix + suffix == n && n == items->len)
    return;

  g_list_store_splice (self->agenda, prefix, n - prefix - suffix,
                       items->pdata + prefix, items->len - prefix - suffix);
}

/* Back on the main thread: the touched cases, and nothing else */
static void
apply_update (PlcCaseload *self,
              Update      *update)
{
  Computed *computed = &update->computed;
  g_autoptr(GHashTable) new_cases = new_id_table (NULL);
  g_autoptr(GHashTable) placements = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) agenda = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model = G_LIST_MODEL (self->agenda);
  guint n_agenda = g_list_model_get_n_items (model);
  guint next_new = 0;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < computed->cases->len; i++)
    {
      PlcCase *c = g_ptr_array_index (computed->cases, i);

      g_hash_table_insert (new_cases, id_key (plc_child_get_id (c->child)), c);
    }

  for (guint i = 0; i < update->touched->len; i++)
    {
      gint64 child_id = g_array_index (update->touched, gint64, i);
      g_autoptr(PlcCase) old = NULL;
      PlcCase *new = g_hash_table_lookup (new_cases, &child_id);

      if (g_hash_table_lookup (self->cases_by_child, &child_id) != NULL)
        old = g_object_ref (g_hash_table_lookup (self->cases_by_child, &child_id));

      if (old == NULL && new == NULL)
        continue;

      /* The old case's placements lose what was computed of them */
      for (guint j = 0; old != NULL && j < old->placements->len; j++)
        {
          gint64 id = plc_placement_get_id (g_ptr_array_index (old->placements, j));

          g_hash_table_remove (self->obligations, &id);
          g_hash_table_remove (self->warnings, &id);
          add_id (placements, id);
        }
      for (guint j = 0; new != NULL && j < new->placements->len; j++)
        add_id (placements, plc_placement_get_id (g_ptr_array_index (new->placements, j)));

      replace_case (self, old, new);

      if (new != NULL)
        g_hash_table_insert (self->cases_by_child, id_key (child_id), g_object_ref (new));
      else
        g_hash_table_remove (self->cases_by_child, &child_id);
    }

  g_hash_table_iter_init (&iter, computed->obligations);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_replace (self->obligations, id_key (*(gint64 *)key), g_ptr_array_ref (value));
      g_hash_table_remove (self->warnings, key);
    }
  g_hash_table_iter_init (&iter, computed->warnings);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_replace (self->warnings, id_key (*(gint64 *)key), g_strdup (value));

  /* The agenda without the touched placements' steps, merged with their
   * new ones: the others keep their order, and their positions up to the
   * first that differs */
  for (guint i = 0; i < n_agenda; i++)
    {
      g_autoptr(PlcObligation) item = g_list_model_get_item (model, i);
      gint64 placement_id = plc_obligation_get_placement_id (item);

      if (g_hash_table_contains (placements, &placement_id))
        continue;

      while (next_new < computed->agenda->len &&
             plc_obligation_compare (g_ptr_array_index (computed->agenda, next_new), item) < 0)
        g_ptr_array_add (agenda, g_object_ref (g_ptr_array_index (computed->agenda, next_new++)));
      g_ptr_array_add (agenda, g_steal_pointer (&item));
    }
  while (next_new < computed->agenda->len)
    g_ptr_array_add (agenda, g_object_ref (g_ptr_array_index (computed->agenda, next_new++)));

  splice_agenda (self, agenda);

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
updated (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  PlcCaseload *self = PLC_CASELOAD (object);
  Update *update = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->updating = FALSE;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not update the caseload: %s", error->message);
  /* A reload started since has read all of it */
  else if (update->generation == self->generation)
    apply_update (self, update);

  schedule_update (self);
}

static void
start_update (PlcCaseload *self)
{
  g_autoptr(GTask) task = NULL;
  Update *update = g_new0 (Update, 1);

  computed_init (&update->computed, self, self->today);
  update->generation = self->generation;
  update->child_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  update->placement_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  update->step_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->queued->len; i++)
    {
      PlcChange *change = g_ptr_array_index (self->queued, i);

      switch (change->record_type)
        {
        case PLC_RECORD_TYPE_CHILD:
          g_array_append_val (update->child_ids, change->id);
          break;

        case PLC_RECORD_TYPE_PLACEMENT:
          {
            GHashTableIter iter;
            gpointer value;

            g_array_append_val (update->placement_ids, change->id);

            /* The child it belonged to, in case it belongs to another now */
            g_hash_table_iter_init (&iter, self->cases_by_child);
            while (g_hash_table_iter_next (&iter, NULL, &value))
              {
                PlcCase *c = value;

                for (guint j = 0; j < c->placements->len; j++)
                  if (plc_placement_get_id (g_ptr_array_index (c->placements, j)) == change->id)
                    {
                      gint64 child_id = plc_child_get_id (c->child);

                      g_array_append_val (update->child_ids, child_id);
                    }
              }
          }
          break;

        case PLC_RECORD_TYPE_STEP_STATUS:
          g_array_append_val (update->step_ids, change->id);
          break;

        case PLC_RECORD_TYPE_CONTACT:
        case PLC_RECORD_TYPE_CONTACT_LOG_ENTRY:
        case PLC_RECORD_TYPE_DEVIATION:
        case PLC_RECORD_TYPE_ROUTINE_OFFSET:
        case PLC_RECORD_TYPE_DATABASE:
        default:
          g_assert_not_reached ();
        }
    }
  g_ptr_array_set_size (self->queued, 0);

  self->updating = TRUE;
  task = g_task_new (self, NULL, updated, NULL);
  g_task_set_source_tag (task, start_update);
  g_task_set_task_data (task, update, (GDestroyNotify)update_free);
  g_task_run_in_thread (task, update_thread);
}

/* Applies what is queued, when nothing else runs */
static void
schedule_update (PlcCaseload *self)
{
  if (self->n_reloads > 0 || self->updating)
    return;

  /* Nothing is shown yet: the first reload reads it all */
  if (!self->loaded)
    {
      g_ptr_array_set_size (self->queued, 0);
      self->queued_reload = FALSE;
      return;
    }

  if (self->queued_reload)
    {
      g_ptr_array_set_size (self->queued, 0);
      self->queued_reload = FALSE;
      plc_caseload_reload_async (self, self->today, NULL, reloaded_by_itself, NULL);
      return;
    }

  if (self->queued->len > 0)
    start_update (self);
}

static void
store_changed_cb (PlcStore    *store,
                  GPtrArray   *changes,
                  PlcCaseload *self)
{
  gboolean contacts = FALSE;

  for (guint i = 0; i < changes->len; i++)
    {
      PlcChange *change = g_ptr_array_index (changes, i);

      switch (change->record_type)
        {
        case PLC_RECORD_TYPE_CHILD:
        case PLC_RECORD_TYPE_PLACEMENT:
        case PLC_RECORD_TYPE_STEP_STATUS:
          if (change->kind == PLC_CHANGE_KIND_RESET)
            self->queued_reload = TRUE;
          else
            g_ptr_array_add (self->queued, plc_change_copy (change));
          break;

        /* What obligations are computed from, for every case */
        case PLC_RECORD_TYPE_ROUTINE_OFFSET:
        case PLC_RECORD_TYPE_DATABASE:
          self->queued_reload = TRUE;
          break;

        case PLC_RECORD_TYPE_CONTACT:
        case PLC_RECORD_TYPE_CONTACT_LOG_ENTRY:
          contacts = TRUE;
          break;

        case PLC_RECORD_TYPE_DEVIATION:
        default:
          break;
        }
    }

  schedule_update (self);

  if (contacts && self->loaded)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* A profile imported: every case is computed again */
static void
profiles_changed_cb (PlcCaseload *self)
{
  self->queued_reload = TRUE;
  schedule_update (self);
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
