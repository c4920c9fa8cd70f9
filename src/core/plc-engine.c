/* plc-engine.c: the rules engine, from placements to dated obligations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-engine"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-engine.h"
#include "plc-holidays.h"
#include "plc-municipality.h"
#include "plc-obligation-private.h"
#include "plc-routine-offset.h"

/*
 * Which rules: the national baseline applies to every placement; a
 * regional profile whose parties include the placing municipality and
 * whose scope covers the placement adds its rules, and a regional rule
 * replaces the baseline's rules with the same id, for each step whose
 * anchor date falls while the agreement is in force.  Outside that, the
 * baseline's rule applies (if it has one), and the step says why.  Of a
 * rule id, only the entry whose conditions the placement meets applies (a
 * profile never has two that could both apply).
 *
 * Due dates: the first anchor the placement has, plus the offset (a local
 * routine's offset may be changed per profile).  Recurring steps come
 * again at their interval, counted from the previous due date or from the
 * day the previous occurrence was done, until the placement ends; ahead of
 * today they are listed up to the first one past the upcoming window.  An
 * occurrence due after the placement ended is not required, except for
 * steps that count from the end.
 *
 * Periods the law sets ("statutory" rules): a last day on a Saturday,
 * Sunday, public holiday, midsommarafton, julafton or nyårsafton moves to
 * the next weekday (lag (1930:173) 2 §).  The nominal day is kept beside
 * it, and a recurring step counts on from the nominal day (or from the day
 * it was done), never from a moved one.
 *
 * Care that goes on across moves (omplacering: a placement with a
 * previous one): a rule that counts from "care-start" counts from the
 * first placement of the chain of moves to which the rule applies too (a
 * change of legal basis starts the new law's own chain), and one that
 * counts from "home-start" from the first placement in the same home
 * (home-ref), across moves and legal bases.  Their occurrences go on from
 * the last one done, whichever placement of the chain it was recorded
 * on; a placement lists those due from its own start.
 *
 * Statuses: looked up by rule id and occurrence, never changed here.  A
 * recorded status that matches no obligation any more is listed as "no
 * longer required", so recomputing never hides what a user recorded.
 */

#define MAX_OCCURRENCES 1000

struct _PlcEngine
{
  GObject        parent_instance;

  PlcProfileSet *profiles;
  GHashTable    *routines;       /* "profile/rule" → PlcOffset */
  GHashTable    *office_routines; /* the same, set for the whole office */
  gboolean       office_locked;
  GHashTable    *continued;      /* ids of placements another one replaced */
  GHashTable    *care_starts;    /* placement id → PlcDate, for moved placements */
  GHashTable    *placements;     /* id → PlcPlacement, for moves and homes */
  GHashTable    *by_child;       /* child id → GPtrArray of PlcPlacement */
  GHashTable    *statuses;       /* placement id → GPtrArray of PlcStepStatus */
  int            upcoming_days;

  /* Each rule's reference and source, written once: every obligation of
   * a rule carries the same (the caseload may compute in a thread) */
  GMutex         texts_lock;
  GHashTable    *rule_texts;     /* const PlcRule * → RuleTexts */
};

typedef struct
{
  PlcProfile *profile;  /* keeps the rule, and so its address, alive */
  char       *reference;
  char       *source;
} RuleTexts;

static void
rule_texts_free (RuleTexts *texts)
{
  g_clear_object (&texts->profile);
  g_free (texts->reference);
  g_free (texts->source);
  g_free (texts);
}

G_DEFINE_FINAL_TYPE (PlcEngine, plc_engine, G_TYPE_OBJECT)

static void
plc_engine_finalize (GObject *object)
{
  PlcEngine *self = (PlcEngine *)object;

  g_clear_object (&self->profiles);
  g_hash_table_unref (self->routines);
  g_hash_table_unref (self->office_routines);
  g_hash_table_unref (self->continued);
  g_hash_table_unref (self->care_starts);
  g_hash_table_unref (self->placements);
  g_hash_table_unref (self->by_child);
  g_hash_table_unref (self->statuses);
  g_hash_table_unref (self->rule_texts);
  g_mutex_clear (&self->texts_lock);

  G_OBJECT_CLASS (plc_engine_parent_class)->finalize (object);
}

static void
plc_engine_class_init (PlcEngineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plc_engine_finalize;
}

static void
plc_engine_init (PlcEngine *self)
{
  self->routines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->office_routines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->continued = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->care_starts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->placements = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->by_child = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  self->statuses = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  self->upcoming_days = PLC_ENGINE_DEFAULT_UPCOMING_DAYS;
  self->rule_texts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) rule_texts_free);
  g_mutex_init (&self->texts_lock);
}

PlcEngine *
plc_engine_new (PlcProfileSet *profiles)
{
  PlcEngine *self;

  g_return_val_if_fail (PLC_IS_PROFILE_SET (profiles), NULL);

  self = g_object_new (PLC_TYPE_ENGINE, NULL);
  self->profiles = g_object_ref (profiles);
  return self;
}

PlcProfileSet *
plc_engine_get_profiles (PlcEngine *self)
{
  g_return_val_if_fail (PLC_IS_ENGINE (self), NULL);
  return self->profiles;
}

int
plc_engine_get_upcoming_days (PlcEngine *self)
{
  g_return_val_if_fail (PLC_IS_ENGINE (self), PLC_ENGINE_DEFAULT_UPCOMING_DAYS);
  return self->upcoming_days;
}

/**
 * plc_engine_set_upcoming_days:
 * @days: how many days ahead a step counts as upcoming (a preference)
 */
void
plc_engine_set_upcoming_days (PlcEngine *self,
                              int        days)
{
  g_return_if_fail (PLC_IS_ENGINE (self));
  g_return_if_fail (days >= 0);
  self->upcoming_days = days;
}

static char *
routine_key (const char *profile_id,
             const char *rule_id)
{
  return g_strconcat (profile_id, "/", rule_id, NULL);
}

/**
 * plc_engine_set_routine_offset:
 *
 * Sets the local routine's offset of a rule of a profile, as stored in the
 * database.  Rules whose offset is not a local routine ignore it.
 */
void
plc_engine_set_routine_offset (PlcEngine  *self,
                               const char *profile_id,
                               const char *rule_id,
                               PlcOffset   offset)
{
  g_return_if_fail (PLC_IS_ENGINE (self));
  g_return_if_fail (profile_id != NULL && rule_id != NULL);

  g_hash_table_replace (self->routines, routine_key (profile_id, rule_id),
                        g_memdup2 (&offset, sizeof offset));
}

void
plc_engine_clear_routine_offsets (PlcEngine *self)
{
  g_return_if_fail (PLC_IS_ENGINE (self));
  g_hash_table_remove_all (self->routines);
}

/**
 * plc_engine_learn_routines:
 * @routines: (element-type PlcRoutineOffset): the unit's local routines,
 *   as plc_store_list_routine_offsets() gives them
 *
 * Forgets the local routines it knew and takes these instead.
 */
void
plc_engine_learn_routines (PlcEngine *self,
                           GPtrArray *routines)
{
  g_return_if_fail (PLC_IS_ENGINE (self));
  g_return_if_fail (routines != NULL);

  plc_engine_clear_routine_offsets (self);

  for (guint i = 0; i < routines->len; i++)
    {
      PlcRoutineOffset *routine = g_ptr_array_index (routines, i);
      PlcOffset offset = { routine->amount, routine->unit };

      plc_engine_set_routine_offset (self, routine->profile_id, routine->rule_id, offset);
    }
}

/**
 * plc_engine_set_office_routines:
 * @routines: (element-type PlcRoutineOffset): the office's local routines,
 *   as plc_office_dup_routines() gives them
 * @locked: whether IT has locked them
 *
 * Takes the local routines set for the whole office.  They apply where the
 * user has none of their own (plc_engine_learn_routines()); when @locked,
 * they are the only local routines, and a rule they do not set has the
 * profile's own offset.
 */
void
plc_engine_set_office_routines (PlcEngine *self,
                                GPtrArray *routines,
                                gboolean   locked)
{
  g_return_if_fail (PLC_IS_ENGINE (self));
  g_return_if_fail (routines != NULL);

  g_hash_table_remove_all (self->office_routines);
  self->office_locked = locked;

  for (guint i = 0; i < routines->len; i++)
    {
      PlcRoutineOffset *routine = g_ptr_array_index (routines, i);
      PlcOffset offset = { routine->amount, routine->unit };

      g_hash_table_replace (self->office_routines,
                            routine_key (routine->profile_id, routine->rule_id),
                            g_memdup2 (&offset, sizeof offset));
    }
}

/**
 * plc_engine_lookup_routine:
 * @source: (out) (optional): where it comes from
 *
 * Returns: (nullable): the local routine in force for a rule of a profile
 *   (the user's, else the office's; only the office's when they are
 *   locked), or %NULL when the profile's own offset applies
 */
const PlcOffset *
plc_engine_lookup_routine (PlcEngine              *self,
                           const char             *profile_id,
                           const char             *rule_id,
                           PlcRoutineSource       *source)
{
  g_autofree char *key = NULL;
  const PlcOffset *offset = NULL;

  g_return_val_if_fail (PLC_IS_ENGINE (self), NULL);

  key = routine_key (profile_id, rule_id);

  if (!self->office_locked)
    offset = g_hash_table_lookup (self->routines, key);

  if (offset != NULL)
    {
      if (source != NULL)
        *source = PLC_ROUTINE_SOURCE_USER;
      return offset;
    }

  offset = g_hash_table_lookup (self->office_routines, key);
  if (source != NULL)
    *source = offset == NULL ? PLC_ROUTINE_SOURCE_PROFILE
              : self->office_locked ? PLC_ROUTINE_SOURCE_OFFICE_LOCKED
              : PLC_ROUTINE_SOURCE_OFFICE;

  return offset;
}

/**
 * plc_engine_get_office_locked:
 *
 * Returns: whether the office's local routines are locked: a user's own
 *   are then not used, and cannot be changed
 */
gboolean
plc_engine_get_office_locked (PlcEngine *self)
{
  g_return_val_if_fail (PLC_IS_ENGINE (self), FALSE);

  return self->office_locked;
}

void
plc_engine_clear_continued (PlcEngine *self)
{
  g_return_if_fail (PLC_IS_ENGINE (self));
  g_hash_table_remove_all (self->continued);
  g_hash_table_remove_all (self->care_starts);
  g_hash_table_remove_all (self->placements);
  g_hash_table_remove_all (self->by_child);
}

static void
learn_moves_among (PlcEngine *self,
                   GPtrArray *placements)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < placements->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (placements, i);
      gint64 id = plc_placement_get_id (placement);
      gint64 child_id = plc_placement_get_child_id (placement);
      GPtrArray *siblings;

      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), placement);

      if (id == 0)
        continue;

      g_hash_table_insert (self->placements, g_memdup2 (&id, sizeof id), g_object_ref (placement));
      siblings = g_hash_table_lookup (self->by_child, &child_id);
      if (siblings == NULL)
        {
          siblings = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (self->by_child, g_memdup2 (&child_id, sizeof child_id), siblings);
        }
      g_ptr_array_add (siblings, g_object_ref (placement));
    }

  for (guint i = 0; i < placements->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (placements, i);
      PlcPlacement *first = placement;
      gint64 previous = plc_placement_get_previous_id (placement);

      if (previous == 0)
        continue;

      plc_engine_set_continued (self, previous, TRUE);

      /* Back along the moves to where the care began; a chain is short,
       * and a loop in bad data must not hang */
      for (guint hops = 0; previous != 0 && hops < 100; hops++)
        {
          PlcPlacement *before = g_hash_table_lookup (by_id, &previous);

          if (before == NULL)
            break;

          first = before;
          previous = plc_placement_get_previous_id (before);
        }

      plc_engine_set_care_start (self, plc_placement_get_id (placement),
                                 plc_placement_get_start_date (first));
    }
}

/**
 * plc_engine_learn_moves:
 * @placements: (element-type PlcPlacement): every placement that is not
 *   deleted
 *
 * Forgets what it knew of moves and learns them from @placements: which
 * placements a move continued (plc_engine_set_continued()) and where the
 * care of each moved placement began (plc_engine_set_care_start()).
 */
void
plc_engine_learn_moves (PlcEngine *self,
                        GPtrArray *placements)
{
  g_return_if_fail (PLC_IS_ENGINE (self));
  g_return_if_fail (placements != NULL);

  plc_engine_clear_continued (self);
  learn_moves_among (self, placements);
}

/**
 * plc_engine_learn_moves_of:
 * @placements: (element-type PlcPlacement): one child's placements that
 *   are not deleted (a move continues the care of the same child)
 *
 * Forgets what it knew of the moves of these placements and learns them
 * again from them, leaving the other placements' alone: for recomputing
 * one child after a change.
 */
void
plc_engine_learn_moves_of (PlcEngine *self,
                           GPtrArray *placements)
{
  g_return_if_fail (PLC_IS_ENGINE (self));
  g_return_if_fail (placements != NULL);

  for (guint i = 0; i < placements->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (placements, i);
      gint64 id = plc_placement_get_id (placement);
      gint64 child_id = plc_placement_get_child_id (placement);

      g_hash_table_remove (self->continued, &id);
      g_hash_table_remove (self->care_starts, &id);
      g_hash_table_remove (self->placements, &id);
      g_hash_table_remove (self->by_child, &child_id);
    }

  learn_moves_among (self, placements);
}

static void
learn_statuses (PlcEngine *self,
                GPtrArray *statuses)
{
  for (guint i = 0; i < statuses->len; i++)
    {
      PlcStepStatus *status = g_ptr_array_index (statuses, i);
      gint64 id = plc_step_status_get_placement_id (status);
      GPtrArray *list;

      if (id == 0)
        continue;

      list = g_hash_table_lookup (self->statuses, &id);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (self->statuses, g_memdup2 (&id, sizeof id), list);
        }
      g_ptr_array_add (list, g_object_ref (status));
    }
}

/**
 * plc_engine_learn_step_statuses:
 * @statuses: (element-type PlcStepStatus): the statuses recorded for every
 *   placement (not deleted), as plc_store_list_step_statuses() gives them
 *
 * Forgets the statuses it knew and learns these: the steps that go on
 * across moves (the six-monthly considerations, the consideration of a
 * custody transfer) count from the last one done in the care, whichever
 * placement it was recorded on.  plc_engine_compute() still takes the
 * computed placement's own statuses from its caller.
 */
void
plc_engine_learn_step_statuses (PlcEngine *self,
                                GPtrArray *statuses)
{
  g_return_if_fail (PLC_IS_ENGINE (self));
  g_return_if_fail (statuses != NULL);

  g_hash_table_remove_all (self->statuses);
  learn_statuses (self, statuses);
}

/**
 * plc_engine_learn_step_statuses_of:
 * @placements: (element-type PlcPlacement): one child's placements that
 *   are not deleted
 * @statuses: (element-type PlcStepStatus): the statuses recorded for them
 *
 * Forgets the statuses it knew of these placements and learns @statuses,
 * leaving the other placements' alone: for recomputing one child after a
 * change (see plc_engine_learn_step_statuses()).
 */
void
plc_engine_learn_step_statuses_of (PlcEngine *self,
                                   GPtrArray *placements,
                                   GPtrArray *statuses)
{
  g_return_if_fail (PLC_IS_ENGINE (self));
  g_return_if_fail (placements != NULL);
  g_return_if_fail (statuses != NULL);

  for (guint i = 0; i < placements->len; i++)
    {
      gint64 id = plc_placement_get_id (g_ptr_array_index (placements, i));

      g_hash_table_remove (self->statuses, &id);
    }

  learn_statuses (self, statuses);
}

/**
 * plc_engine_set_care_start:
 * @care_start: the start of the first placement of the care that a move
 *   (omplacering) continued in @placement_id
 *
 * Steps that count from the start of the care (the six-monthly
 * considerations) go on from there across moves: a moved placement gets
 * the occurrences that fall on or after its own start.
 */
void
plc_engine_set_care_start (PlcEngine *self,
                           gint64     placement_id,
                           PlcDate    care_start)
{
  g_return_if_fail (PLC_IS_ENGINE (self));

  g_hash_table_insert (self->care_starts, g_memdup2 (&placement_id, sizeof placement_id),
                       GUINT_TO_POINTER (care_start));
}

/**
 * plc_engine_set_continued:
 * @continued: whether another placement replaced this one (*omplacering*)
 *
 * A placement that a move replaced did not end the care: the steps that
 * count from the end of a placement (the follow-up after care ends) do not
 * apply to it.
 */
void
plc_engine_set_continued (PlcEngine *self,
                          gint64     placement_id,
                          gboolean   continued)
{
  g_return_if_fail (PLC_IS_ENGINE (self));

  if (continued)
    g_hash_table_add (self->continued, g_memdup2 (&placement_id, sizeof placement_id));
  else
    g_hash_table_remove (self->continued, &placement_id);
}

static const char *
municipality_name (const char *code)
{
  const PlcMunicipality *municipality = code != NULL ? plc_municipality_get (code) : NULL;

  return municipality != NULL ? municipality->name : _("the placing municipality");
}

static int
age_at_start (PlcChild     *child,
              PlcPlacement *placement)
{
  PlcDate birth = child != NULL ? plc_child_get_birth_date (child) : PLC_DATE_NONE;

  if (birth == PLC_DATE_NONE)
    return -1;

  return plc_date_age_on (birth, plc_placement_get_start_date (placement));
}

/**
 * plc_engine_select_profile:
 * @warning: (out) (optional): set to a translated warning when no regional
 *   agreement applies, saying why; %NULL otherwise
 *
 * Returns: (transfer none): the regional profile that applies to the
 *   placement, or the national baseline alone
 */
PlcProfile *
plc_engine_select_profile (PlcEngine     *self,
                           PlcChild      *child,
                           PlcPlacement  *placement,
                           char         **warning)
{
  const char *code = plc_placement_get_placing_municipality (placement);
  PlcDate start = plc_placement_get_start_date (placement);
  PlcProfile *baseline = plc_profile_set_get_baseline (self->profiles);
  PlcProfile *nearest = NULL;
  PlcProfile *regional;
  g_autofree char *start_text = plc_date_to_iso (start);
  g_autofree char *why = NULL;

  g_return_val_if_fail (PLC_IS_ENGINE (self), NULL);
  g_return_val_if_fail (PLC_IS_PLACEMENT (placement), NULL);

  if (warning != NULL)
    *warning = NULL;

  regional = plc_profile_set_find_regional (self->profiles, code, start, &nearest);

  if (regional != NULL)
    {
      if (plc_profile_scope_covers (regional, plc_placement_get_legal_basis (placement),
                                    plc_placement_get_form (placement),
                                    age_at_start (child, placement), &why))
        return regional;

      if (warning != NULL)
        /* Translators: the first %s says what the agreement leaves out */
        *warning = g_strdup_printf (_("%s Only the national baseline applies."), why);
      return baseline;
    }

  if (warning == NULL)
    return baseline;

  if (nearest == NULL)
    *warning = g_strdup_printf (_("No regional agreement for %s is loaded. "
                                  "Only the national baseline applies."),
                                municipality_name (code));
  else if (plc_profile_get_valid_from (nearest) > start)
    {
      g_autofree char *from = plc_date_to_iso (plc_profile_get_valid_from (nearest));

      *warning = g_strdup_printf (_("No regional agreement for %s was in force on %s: "
                                    "%s comes into force on %s, and governs the steps "
                                    "that count from that day on. Until then, only the "
                                    "national baseline applies."),
                                  municipality_name (code), start_text,
                                  plc_profile_get_name (nearest), from);
    }
  else
    {
      g_autofree char *end = plc_date_to_iso (plc_profile_get_effective_end (nearest));

      *warning = g_strdup_printf (_("No regional agreement for %s was in force on %s: "
                                    "%s expired on %s. "
                                    "Only the national baseline applies."),
                                  municipality_name (code), start_text,
                                  plc_profile_get_name (nearest), end);
    }

  return baseline;
}

/* One computation */

/* The entries a rule id may take for one placement: the applicable rules
 * of the regional agreements that cover it (the one that began last
 * first), and the baseline's.  A regional agreement that has the id but
 * no entry for this placement still replaces the baseline's while it is
 * in force. */
typedef struct
{
  GPtrArray     *regional;   /* of const PlcRule * */
  GPtrArray     *silent;     /* of PlcProfile *: has the id, no entry applies */
  const PlcRule *baseline;
} Candidates;

static void
candidates_free (gpointer data)
{
  Candidates *c = data;

  g_ptr_array_unref (c->regional);
  g_ptr_array_unref (c->silent);
  g_free (c);
}

typedef struct
{
  PlcEngine     *engine;
  PlcChild      *child;
  PlcPlacement  *placement;
  PlcDate        today;
  PlcDate        horizon;
  PlcDate        end;
  PlcDate        birth;
  PlcDate        start;
  PlcDate        care_start;  /* plc_engine_set_care_start(), without learnt moves */
  gboolean       continued;
  GPtrArray     *moves;      /* PlcPlacement: the chain of moves, earliest first,
                                ending with @placement */
  GPtrArray     *profiles;   /* keeps the profiles of the rules alive */
  GHashTable    *rules;      /* id → Candidates, the ones that apply */
  GHashTable    *statuses;   /* "rule/occurrence" → PlcStepStatus */
  GHashTable    *used;       /* statuses matched to an obligation */
  GHashTable    *computed;   /* id → GPtrArray of PlcObligation */
  GPtrArray     *result;
} Run;

/* A rule entry and what follows from it for one placement */
typedef struct
{
  const PlcRule *rule;
  GPtrArray     *chain;      /* PlcPlacement: what its steps count across */
  PlcOffset      offset;
  gboolean       changed;
  gboolean       recurs;
  PlcOffset      every;
  gboolean       from_completion;
  int            until_age;
} Entry;

static char *
status_key (const char *rule_id,
            int         occurrence)
{
  return g_strdup_printf ("%s#%d", rule_id, occurrence);
}

static PlcStepStatus *
take_status (Run        *run,
             const char *rule_id,
             int         occurrence)
{
  g_autofree char *key = status_key (rule_id, occurrence);
  PlcStepStatus *status = g_hash_table_lookup (run->statuses, key);

  if (status != NULL)
    g_hash_table_add (run->used, status);

  return status;
}

static gboolean
has_status (Run        *run,
            const char *rule_id,
            int         occurrence)
{
  g_autofree char *key = status_key (rule_id, occurrence);

  return g_hash_table_contains (run->statuses, key);
}

static PlcDate
placement_date (PlcPlacement *placement,
                PlcAnchor     anchor)
{
  switch (anchor)
    {
    case PLC_ANCHOR_PLACEMENT_START:
    case PLC_ANCHOR_CARE_START:     /* of the first placement of the chain */
    case PLC_ANCHOR_HOME_START:     /* likewise */
      return plc_placement_get_start_date (placement);
    case PLC_ANCHOR_CUSTODY_DECIDED:
      return plc_placement_get_lvu_decision_date (placement);
    case PLC_ANCHOR_CUSTODY_CARRIED_OUT:
      return plc_placement_get_custody_carried_out_date (placement);
    case PLC_ANCHOR_PLANNED_END:
      return plc_placement_get_planned_end_date (placement);
    case PLC_ANCHOR_PLACEMENT_END:
      return plc_placement_get_end_date (placement);
    case PLC_ANCHOR_INVESTIGATION_CLOSED:
      return plc_placement_get_investigation_closed_date (placement);
    case PLC_ANCHOR_RESTRICTION_DECIDED:
      return plc_placement_get_restriction_decided_date (placement);
    case PLC_ANCHOR_DISCHARGE_NOTICE:
      return plc_placement_get_discharge_notice_date (placement);
    case PLC_ANCHOR_TEMPORARY_MOVING_BAN:
      return plc_placement_get_temporary_moving_ban_date (placement);
    case PLC_ANCHOR_RULE:
    default:
      return PLC_DATE_NONE;
    }
}

static const char *
anchor_name (PlcAnchor anchor)
{
  switch (anchor)
    {
    case PLC_ANCHOR_PLACEMENT_START:
      return _("the start of the placement");
    case PLC_ANCHOR_CUSTODY_DECIDED:
      return _("the decision on immediate custody");
    case PLC_ANCHOR_CUSTODY_CARRIED_OUT:
      return _("the day the custody or care was carried out");
    case PLC_ANCHOR_PLANNED_END:
      return _("the planned end of the placement");
    case PLC_ANCHOR_PLACEMENT_END:
      return _("the end of the placement");
    case PLC_ANCHOR_INVESTIGATION_CLOSED:
      return _("the day the investigation was closed");
    case PLC_ANCHOR_RESTRICTION_DECIDED:
      return _("the decision on the restriction or moving ban");
    case PLC_ANCHOR_CARE_START:
      return _("the start of the care");
    case PLC_ANCHOR_HOME_START:
      return _("the start of the care in this home");
    case PLC_ANCHOR_DISCHARGE_NOTICE:
      return _("the notice from inpatient care");
    case PLC_ANCHOR_TEMPORARY_MOVING_BAN:
      return _("the decision on a temporary moving ban");
    case PLC_ANCHOR_RULE:
    default:
      return "";
    }
}

/* What an anchor date is, for the explanation: where it was recorded when
 * that is another placement of the care */
static char *
anchor_text (Run          *run,
             PlcAnchor     kind,
             PlcPlacement *on)
{
  if (kind == PLC_ANCHOR_HOME_START && plc_placement_get_home_ref (run->placement) == NULL)
    return g_strdup (_("the start of the placement (no home is recorded)"));

  if (on == NULL || on == run->placement)
    return g_strdup (anchor_name (kind));

  /* Translators: an anchor such as "the start of the care", and the
   * reference of the earlier placement (before a move) it comes from */
  return g_strdup_printf (_("%s, in placement %s"), anchor_name (kind),
                          plc_placement_get_ref (on));
}

static PlcOffset
effective_offset (Run           *run,
                  const PlcRule *rule,
                  gboolean      *changed)
{
  PlcOffset offset = plc_rule_get_offset (rule);
  const PlcOffset *routine;

  *changed = FALSE;

  if (!plc_rule_get_local_routine (rule))
    return offset;

  routine = plc_engine_lookup_routine (run->engine, plc_profile_get_id (plc_rule_get_profile (rule)),
                                       plc_rule_get_id (rule), NULL);
  if (routine == NULL)
    return offset;

  *changed = routine->amount != offset.amount || routine->unit != offset.unit;
  return *routine;
}

static char *
rule_source (const PlcRule *rule)
{
  PlcProfile *profile = plc_rule_get_profile (rule);
  const char *section = plc_rule_get_section (rule);

  if (section == NULL)
    return g_strdup (plc_profile_get_name (profile));

  /* Translators: an agreement's name and a section of it */
  return g_strdup_printf (_("%s, section %s"), plc_profile_get_name (profile), section);
}

/* The first sentence of an explanation: the rule, the dates and the
 * offset, and the last day moved by lag (1930:173) 2 § */
static void
append_due_sentence (GString       *text,
                     PlcObligation *ob,
                     const char    *title,
                     const char    *anchor_text)
{
  g_autofree char *due = plc_date_to_iso (ob->due);
  g_autofree char *nominal = plc_date_to_iso (ob->nominal_due);
  g_autofree char *anchor_date = plc_date_to_iso (ob->anchor_date);
  g_autofree char *length = plc_offset_to_display (ob->offset);

  if (ob->nominal_due != ob->due)
    {
      const char *day_off = plc_date_get_day_off_name (ob->nominal_due);

      if (ob->offset.amount > 0)
        /* Translators: "“Apply for care under LVU” is due on 2028-01-03, the
         * next weekday after 2027-12-31 (New Year’s Eve; Lag (1930:173)
         * 2 §): 4 weeks after the day the custody was carried out
         * (2027-12-03)" */
        g_string_append_printf (text, _("“%s” is due on %s, the next weekday after %s "
                                        "(%s; Lag (1930:173) 2 §): %s after %s (%s)"),
                                title, due, nominal, day_off, length, anchor_text, anchor_date);
      else if (ob->offset.amount < 0)
        g_string_append_printf (text, _("“%s” is due on %s, the next weekday after %s "
                                        "(%s; Lag (1930:173) 2 §): %s before %s (%s)"),
                                title, due, nominal, day_off, length, anchor_text, anchor_date);
      else
        g_string_append_printf (text, _("“%s” is due on %s, the next weekday after %s "
                                        "(%s; Lag (1930:173) 2 §): the same day as %s (%s)"),
                                title, due, nominal, day_off, anchor_text, anchor_date);
      return;
    }

  if (ob->offset.amount > 0)
    /* Translators: "“Notify the region” is due on 2026-01-08: 3 days
     * after the start of the placement (2026-01-01)." */
    g_string_append_printf (text, _("“%s” is due on %s: %s after %s (%s)"),
                            title, due, length, anchor_text, anchor_date);
  else if (ob->offset.amount < 0)
    g_string_append_printf (text, _("“%s” is due on %s: %s before %s (%s)"),
                            title, due, length, anchor_text, anchor_date);
  else
    g_string_append_printf (text, _("“%s” is due on %s: the same day as %s (%s)"),
                            title, due, anchor_text, anchor_date);
}

char *
_plc_engine_explain (PlcObligation *ob,
                     const char    *anchor_text,
                     const char    *missing)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *title = NULL;
  const char *day_off;

  if (ob->occurrence > 1)
    /* Translators: a step's title and which time it comes round */
    title = g_strdup_printf (_("%s (occurrence %d)"), ob->title, ob->occurrence);
  else
    title = g_strdup (ob->title);

  append_due_sentence (text, ob, title, anchor_text);

  /* One sentence: the rule, the dates, the law and the agreement */
  if (ob->reference != NULL && *ob->reference != '\0')
    /* Translators: continues the sentence above with a legal reference */
    g_string_append_printf (text, _(", under %s"), ob->reference);
  /* Translators: ends the sentence above with the agreement and section */
  g_string_append_printf (text, _("; source: %s."), ob->source);

  /* A day off that is not moved: the period is not one the law sets */
  day_off = ob->nominal_due == ob->due ? plc_date_get_day_off_name (ob->due) : NULL;
  if (day_off != NULL)
    {
      g_string_append_c (text, ' ');
      g_autofree char *date = plc_date_to_iso (ob->due);

      /* Translators: a date, and the day off it is, such as "Christmas
       * Day" or "Saturday" */
      g_string_append_printf (text, _("%s is a day off (%s); the step keeps that day, as its "
                                      "period is not one the law sets."), date, day_off);
    }

  if (ob->recorded_on != NULL)
    {
      g_string_append_c (text, ' ');
      /* Translators: %s is the reference of an earlier placement of the
       * same care, before a move */
      g_string_append_printf (text, _("Its status was recorded on placement %s."), ob->recorded_on);
    }

  if (ob->explain_note != NULL)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, ob->explain_note);
    }

  if (missing != NULL)
    {
      g_string_append_c (text, ' ');
      /* Translators: %s names a date the placement does not have yet */
      g_string_append_printf (text, _("Not recorded: %s."), missing);
    }

  if (ob->rule != NULL && plc_rule_get_local_routine (ob->rule))
    {
      g_string_append_c (text, ' ');
      if (ob->offset_changed)
        {
          g_autofree char *profile_length = plc_offset_to_display (plc_rule_get_offset (ob->rule));

          g_string_append_printf (text, _("The time is a local routine, changed from the "
                                          "profile’s %s in Preferences."), profile_length);
        }
      else
        g_string_append (text, _("The time is a local routine."));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static PlcObligation *
new_obligation (Run           *run,
                const PlcRule *rule,
                const char    *rule_id)
{
  PlcObligation *ob = _plc_obligation_new ();
  const char *child_ref = run->child != NULL ? plc_child_get_ref (run->child) : NULL;

  ob->placement_id = plc_placement_get_id (run->placement);
  ob->placement_ref = g_strdup (plc_placement_get_ref (run->placement));
  ob->child_ref = g_strdup (child_ref != NULL ? child_ref
                                              : plc_placement_get_child_ref (run->placement));
  ob->caseworker = g_strdup (plc_placement_get_caseworker (run->placement));
  ob->rule_id = g_strdup (rule_id);
  ob->rule = rule;

  if (rule != NULL)
    {
      RuleTexts *texts;

      ob->profile = g_object_ref (plc_rule_get_profile (rule));
      ob->title = g_strdup (plc_rule_get_title (rule));
      g_mutex_lock (&run->engine->texts_lock);
      texts = g_hash_table_lookup (run->engine->rule_texts, rule);
      if (texts == NULL)
        {
          texts = g_new0 (RuleTexts, 1);
          texts->profile = g_object_ref (plc_rule_get_profile (rule));
          texts->reference = plc_rule_dup_references (rule);
          texts->source = rule_source (rule);
          g_hash_table_insert (run->engine->rule_texts, (gpointer) rule, texts);
        }
      ob->reference = g_strdup (texts->reference);
      ob->source = g_strdup (texts->source);
      g_mutex_unlock (&run->engine->texts_lock);
    }
  else
    {
      ob->title = g_strdup (rule_id);
      ob->reference = g_strdup ("");
      ob->source = g_strdup ("");
    }

  return ob;
}

static PlcObligationState
state_of (PlcStepStatus *status,
          PlcDate        due,
          PlcDate        today,
          PlcDate       *done_date)
{
  if (status != NULL)
    {
      switch (plc_step_status_get_state (status))
        {
        case PLC_STEP_STATE_DONE:
          *done_date = plc_step_status_get_date (status);
          return PLC_OBLIGATION_STATE_DONE;
        case PLC_STEP_STATE_NOT_NEEDED:
          return PLC_OBLIGATION_STATE_NOT_NEEDED;
        case PLC_STEP_STATE_OPEN:
        default:
          break;
        }
    }

  return today > due ? PLC_OBLIGATION_STATE_OVERDUE : PLC_OBLIGATION_STATE_OPEN;
}

/* A status for @rule_id and @occurrence recorded on another placement of
 * @chain, the latest placement first */
static PlcStepStatus *
chain_status (Run           *run,
              GPtrArray     *chain,
              const char    *rule_id,
              int            occurrence,
              PlcPlacement **on)
{
  for (guint i = chain != NULL ? chain->len : 0; i > 0; i--)
    {
      PlcPlacement *each = g_ptr_array_index (chain, i - 1);
      gint64 id = plc_placement_get_id (each);
      GPtrArray *list;

      if (each == run->placement || id == plc_placement_get_id (run->placement))
        continue;

      list = g_hash_table_lookup (run->engine->statuses, &id);
      for (guint j = 0; list != NULL && j < list->len; j++)
        {
          PlcStepStatus *status = g_ptr_array_index (list, j);

          if (plc_step_status_get_occurrence (status) == occurrence &&
              g_strcmp0 (plc_step_status_get_rule (status), rule_id) == 0)
            {
              *on = each;
              return status;
            }
        }
    }

  return NULL;
}

/* The status of one occurrence, from its own record or from its parts',
 * or else from a record on another placement of @chain (the care before
 * a move) */
static void
resolve_state (Run           *run,
               PlcObligation *ob,
               GPtrArray     *chain)
{
  const PlcRule *rule = ob->rule;
  guint n_parts = plc_rule_get_n_parts (rule);
  gboolean parts_finished = n_parts > 0;
  gboolean any_done = FALSE;
  PlcDate latest = PLC_DATE_NONE;

  ob->status = take_status (run, ob->rule_id, ob->occurrence);
  if (ob->status != NULL)
    g_object_ref (ob->status);

  for (guint i = 0; i < n_parts; i++)
    {
      g_autofree char *part_rule = g_strdup_printf ("%s/%s", ob->rule_id, plc_rule_get_part_id (rule, i));
      PlcStepStatus *status = take_status (run, part_rule, ob->occurrence);
      PlcObligationPart part = { 0, };
      PlcDate done = PLC_DATE_NONE;

      part.id = g_strdup (plc_rule_get_part_id (rule, i));
      part.title = g_strdup (plc_rule_get_part_title (rule, i));
      part.state = state_of (status, ob->due, run->today, &done);
      g_array_append_val (ob->parts, part);

      if (part.state == PLC_OBLIGATION_STATE_DONE)
        {
          any_done = TRUE;
          latest = MAX (latest, done);
        }
      else if (part.state != PLC_OBLIGATION_STATE_NOT_NEEDED)
        parts_finished = FALSE;
    }

  ob->state = state_of (ob->status, ob->due, run->today, &ob->done_date);

  /* A step recorded as a whole wins; otherwise its parts decide. */
  if (plc_obligation_is_open (ob) && parts_finished)
    {
      ob->state = any_done ? PLC_OBLIGATION_STATE_DONE : PLC_OBLIGATION_STATE_NOT_NEEDED;
      ob->done_date = latest;
    }

  /* Nothing recorded here: done (or not needed) on the placement before a
   * move counts for the care */
  if (ob->status == NULL && n_parts == 0 && chain != NULL && chain->len > 1)
    {
      PlcPlacement *on = NULL;
      PlcStepStatus *elsewhere = chain_status (run, chain, ob->rule_id, ob->occurrence, &on);

      if (elsewhere != NULL && plc_step_status_get_state (elsewhere) != PLC_STEP_STATE_OPEN)
        {
          ob->state = state_of (elsewhere, ob->due, run->today, &ob->done_date);
          ob->recorded_on = g_strdup (plc_placement_get_ref (on));
        }
    }
}

static GPtrArray *compute_rule (Run        *run,
                                const char *rule_id);

static gboolean
has_step_or_part_status (Run           *run,
                         const PlcRule *rule,
                         int            occurrence)
{
  if (has_status (run, plc_rule_get_id (rule), occurrence))
    return TRUE;

  for (guint i = 0; i < plc_rule_get_n_parts (rule); i++)
    {
      g_autofree char *part_rule = g_strdup_printf ("%s/%s", plc_rule_get_id (rule),
                                                    plc_rule_get_part_id (rule, i));

      if (has_status (run, part_rule, occurrence))
        return TRUE;
    }

  return FALSE;
}

/* A rule that applies but cannot be dated yet: only the occurrences a
 * user recorded a status for are listed, undated, so that a recorded
 * status is never shown as no longer required while the rule applies. */
static GPtrArray *
undated_occurrences (Run           *run,
                     const PlcRule *rule,
                     const char    *missing)
{
  g_autoptr(GPtrArray) occurrences = g_ptr_array_new_with_free_func (g_object_unref);

  for (int n = 1; n <= MAX_OCCURRENCES && has_step_or_part_status (run, rule, n); n++)
    {
      PlcObligation *ob = new_obligation (run, rule, plc_rule_get_id (rule));

      ob->occurrence = n;
      ob->due = PLC_DATE_NONE;
      ob->nominal_due = PLC_DATE_NONE;
      resolve_state (run, ob, NULL);
      if (ob->state == PLC_OBLIGATION_STATE_OVERDUE)
        ob->state = PLC_OBLIGATION_STATE_OPEN;
      if (missing != NULL && *missing != '\0')
        /* Translators: %s names the dates the placement lacks */
        ob->explanation = g_strdup_printf (_("“%s” has no due date yet. Not recorded: %s."),
                                           ob->title, missing);
      else
        ob->explanation = g_strdup_printf (_("“%s” has no due date yet: the step it counts "
                                             "from is not due."), ob->title);
      g_ptr_array_add (occurrences, ob);
    }

  if (occurrences->len == 0)
    return NULL;  /* does not apply yet */

  return g_steal_pointer (&occurrences);
}

/* What the rules' conditions ask of one placement of the child */
static void
placement_facts (Run          *run,
                 PlcPlacement *placement,
                 PlcRuleFacts *facts)
{
  PlcDate end = plc_placement_get_end_date (placement);
  const char *placed_in = plc_placement_get_placed_in_municipality (placement);

  facts->legal_basis = plc_placement_get_legal_basis (placement);
  facts->form = plc_placement_get_form (placement);
  facts->age = age_at_start (run->child, placement);
  facts->acute = plc_placement_get_acute (placement);
  facts->asylum_seeker = run->child != NULL && plc_child_get_asylum_seeker (run->child);
  facts->undocumented = run->child != NULL && plc_child_get_undocumented (run->child);
  facts->other_region = plc_placement_get_other_region (placement);
  facts->other_municipality = placed_in != NULL &&
                              g_strcmp0 (placed_in, plc_placement_get_placing_municipality (placement)) != 0;
  facts->lvu_international = plc_placement_get_lvu_international (placement);
  facts->restriction = plc_placement_get_restriction_decided_date (placement) != PLC_DATE_NONE;
  facts->start = plc_placement_get_start_date (placement);
  facts->age_at_end = -1;
  if (run->birth != PLC_DATE_NONE && end != PLC_DATE_NONE)
    facts->age_at_end = plc_date_age_on (run->birth, end);
}

/* The chain of moves that ends with the run's placement, earliest first:
 * back along the previous placements the engine learnt */
static GPtrArray *
move_chain (Run *run)
{
  GPtrArray *chain = g_ptr_array_new ();
  gint64 previous = plc_placement_get_previous_id (run->placement);

  g_ptr_array_add (chain, run->placement);

  /* A chain is short, and a loop in bad data must not hang */
  for (guint hops = 0; previous != 0 && hops < 100; hops++)
    {
      PlcPlacement *before = g_hash_table_lookup (run->engine->placements, &previous);

      if (before == NULL || g_ptr_array_find (chain, before, NULL) ||
          plc_placement_get_id (before) == plc_placement_get_id (run->placement))
        break;

      g_ptr_array_insert (chain, 0, before);
      previous = plc_placement_get_previous_id (before);
    }

  return chain;
}

static gboolean
in_chain (GPtrArray    *chain,
          PlcPlacement *placement)
{
  for (guint i = 0; i < chain->len; i++)
    {
      if (plc_placement_get_id (g_ptr_array_index (chain, i)) == plc_placement_get_id (placement))
        return TRUE;
    }

  return FALSE;
}

/* The placements in the same home as the run's one, back to where the
 * care in that home began: the child's placements with the same home-ref,
 * each the previous one of the next or ending the day before (or after)
 * the next began, across legal bases */
static void
add_home_chain (Run       *run,
                GPtrArray *chain)
{
  const char *home = plc_placement_get_home_ref (run->placement);
  gint64 child_id = plc_placement_get_child_id (run->placement);
  GPtrArray *siblings = g_hash_table_lookup (run->engine->by_child, &child_id);
  PlcPlacement *current = run->placement;

  g_ptr_array_add (chain, run->placement);

  if (home == NULL || siblings == NULL)
    return;

  for (guint hops = 0; hops < 100; hops++)
    {
      PlcPlacement *before = NULL;
      PlcDate start = plc_placement_get_start_date (current);

      for (guint i = 0; i < siblings->len; i++)
        {
          PlcPlacement *each = g_ptr_array_index (siblings, i);
          PlcDate end = plc_placement_get_end_date (each);

          if (g_strcmp0 (plc_placement_get_home_ref (each), home) != 0 || in_chain (chain, each))
            continue;

          if (plc_placement_get_id (each) == plc_placement_get_previous_id (current))
            {
              before = each;
              break;
            }

          if (end != PLC_DATE_NONE && plc_placement_get_start_date (each) <= start &&
              plc_date_add_days (end, 1) >= start &&
              (before == NULL || plc_placement_get_start_date (each) > plc_placement_get_start_date (before)))
            before = each;
        }

      if (before == NULL)
        break;

      g_ptr_array_insert (chain, 0, before);
      current = before;
    }
}

/* The placements a rule's steps count across, earliest first, ending with
 * the run's placement: the care before moves for a rule that counts from
 * the start of the care (while the rule applies to them: a change of
 * legal basis starts the new law's own chain), the same home for one that
 * counts from the start of the care in the home, else the placement
 * alone. */
static GPtrArray *
rule_chain (Run           *run,
            const PlcRule *rule)
{
  GPtrArray *chain = g_ptr_array_new ();

  if (plc_rule_has_anchor (rule, PLC_ANCHOR_HOME_START))
    add_home_chain (run, chain);
  else if (plc_rule_has_anchor (rule, PLC_ANCHOR_CARE_START))
    {
      for (guint i = run->moves->len; i > 0; i--)
        {
          PlcPlacement *each = g_ptr_array_index (run->moves, i - 1);

          if (each != run->placement)
            {
              PlcRuleFacts facts;

              placement_facts (run, each, &facts);
              if (!plc_rule_applies (rule, &facts))
                break;
            }

          g_ptr_array_insert (chain, 0, each);
        }
    }
  else
    g_ptr_array_add (chain, run->placement);

  return chain;
}

/* The first anchor a rule has for the placement: a date of the first
 * placement of its chain, or another step's.  Sets what it is
 * (@kind, @text), and adds the dates not recorded to @missing. */
static PlcDate
find_anchor (Run            *run,
             const PlcRule  *rule,
             GPtrArray      *chain,
             PlcAnchor      *kind,
             char          **text,
             GString        *missing)
{
  PlcPlacement *first = g_ptr_array_index (chain, 0);

  for (guint i = 0; i < plc_rule_get_n_anchors (rule); i++)
    {
      const char *anchor_rule = NULL;
      PlcDate date;

      *kind = plc_rule_get_anchor (rule, i, &anchor_rule);

      if (*kind == PLC_ANCHOR_RULE)
        {
          GPtrArray *other = compute_rule (run, anchor_rule);
          PlcObligation *step;

          if (other == NULL || other->len == 0)
            continue;

          step = g_ptr_array_index (other, 0);

          /* What counts from a step that is not needed is not needed
           * either, unless its own status says otherwise */
          if (step->state == PLC_OBLIGATION_STATE_NOT_NEEDED ||
              step->state == PLC_OBLIGATION_STATE_NO_LONGER_REQUIRED)
            continue;

          if (step->due == PLC_DATE_NONE && step->state != PLC_OBLIGATION_STATE_DONE)
            continue;  /* undated itself */

          if (step->state == PLC_OBLIGATION_STATE_DONE && step->done_date != PLC_DATE_NONE)
            {
              *text = g_strdup_printf (_("“%s” was done"), step->title);
              return step->done_date;
            }

          /* Not done yet: its last day, after any move to a weekday */
          *text = g_strdup_printf (_("the due date of “%s”, not yet done"), step->title);
          return step->due;
        }

      /* A move did not end the care */
      if (*kind == PLC_ANCHOR_PLACEMENT_END && run->continued)
        continue;

      date = placement_date (first, *kind);

      /* The start of the care, set without the placements learnt */
      if (*kind == PLC_ANCHOR_CARE_START && first == run->placement && run->care_start < date)
        {
          *text = g_strdup (_("the start of the care, before any move"));
          return run->care_start;
        }

      if (date != PLC_DATE_NONE)
        {
          *text = anchor_text (run, *kind, first);
          return date;
        }

      g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "",
                              anchor_name (*kind));
    }

  return PLC_DATE_NONE;
}

static void
entry_clear (Entry *entry)
{
  g_clear_pointer (&entry->chain, g_ptr_array_unref);
}

static void
entry_set (Run           *run,
           Entry         *entry,
           const PlcRule *rule)
{
  entry_clear (entry);
  entry->rule = rule;
  entry->chain = rule_chain (run, rule);
  entry->offset = effective_offset (run, rule, &entry->changed);
  entry->from_completion = FALSE;
  entry->until_age = -1;
  entry->recurs = plc_rule_get_recurrence (rule, &entry->every, &entry->from_completion,
                                           &entry->until_age);

  /* A local routine for a step that comes round at the same interval as
   * its first offset (visits every 3 months, the first at 3 months) sets
   * the interval too */
  if (entry->changed && entry->recurs && entry->offset.amount > 0 &&
      entry->every.amount == plc_rule_get_offset (rule).amount &&
      entry->every.unit == plc_rule_get_offset (rule).unit)
    entry->every = entry->offset;
}

/* Whether the baseline's rule may govern a step anchored on @date: no
 * regional agreement that has the rule id is in force then */
static gboolean
baseline_governs (Candidates *c,
                  PlcDate     date)
{
  for (guint i = 0; i < c->silent->len; i++)
    {
      if (plc_profile_is_valid_on (g_ptr_array_index (c->silent, i), date))
        return FALSE;
    }

  return c->baseline != NULL;
}

/* The entry that governs a step anchored on @date: the rule of the
 * regional agreement in force then, else the baseline's, else none */
static const PlcRule *
entry_on (Candidates *c,
          PlcDate     date)
{
  for (guint i = 0; i < c->regional->len; i++)
    {
      const PlcRule *rule = g_ptr_array_index (c->regional, i);

      if (plc_profile_is_valid_on (plc_rule_get_profile (rule), date))
        return rule;
    }

  return baseline_governs (c, date) ? c->baseline : NULL;
}

/* Why a regional agreement's rule does not govern a step anchored on
 * @date, and the baseline's does */
static char *
not_in_force_note (const PlcRule *regional,
                   PlcDate        date)
{
  PlcProfile *profile = plc_rule_get_profile (regional);
  g_autofree char *day = plc_date_to_iso (date);

  if (plc_profile_get_valid_from (profile) > date)
    {
      g_autofree char *from = plc_date_to_iso (plc_profile_get_valid_from (profile));

      /* Translators: an agreement's name, the anchor date and the day the
       * agreement came into force */
      return g_strdup_printf (_("The agreement “%s” was not yet in force on %s, the day this step counts "
                                "from (it is in force from %s): the national baseline applies."),
                              plc_profile_get_name (profile), day, from);
    }
  else
    {
      g_autofree char *end = plc_date_to_iso (plc_profile_get_effective_end (profile));

      /* Translators: an agreement's name, the anchor date and the last day
       * the agreement was in force */
      return g_strdup_printf (_("The agreement “%s” was no longer in force on %s, the day this step counts "
                                "from (it expired on %s): the national baseline applies."),
                              plc_profile_get_name (profile), day, end);
    }
}

static GPtrArray *
compute_rule_occurrences (Run        *run,
                          Candidates *c)
{
  g_autoptr(GPtrArray) occurrences = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GString) undated_missing = NULL;
  g_autofree char *anchor_text = NULL;
  g_autofree char *note = NULL;
  const PlcRule *undated = NULL;
  guint n_entries = c->regional->len + (c->baseline != NULL ? 1 : 0);
  PlcAnchor anchor_kind = PLC_ANCHOR_PLACEMENT_START;
  PlcDate anchor = PLC_DATE_NONE;
  Entry entry = { 0, };
  gboolean counts_from_end;
  gboolean continues;
  PlcDate due;

  /* The entry that governs the first occurrence: a regional agreement's,
   * if it is in force on its anchor date; else the baseline's */
  for (guint i = 0; i < n_entries && anchor == PLC_DATE_NONE; i++)
    {
      const PlcRule *rule = i < c->regional->len ? g_ptr_array_index (c->regional, i) : c->baseline;
      g_autoptr(GPtrArray) chain = rule_chain (run, rule);
      g_autofree char *text = NULL;
      PlcAnchor kind = PLC_ANCHOR_PLACEMENT_START;
      PlcDate date;

      g_string_truncate (missing, 0);
      date = find_anchor (run, rule, chain, &kind, &text, missing);

      if (date == PLC_DATE_NONE)
        {
          if (undated == NULL)
            {
              undated = rule;
              undated_missing = g_string_new (missing->str);
            }
          continue;
        }

      if (rule != c->baseline && !plc_profile_is_valid_on (plc_rule_get_profile (rule), date))
        {
          if (note == NULL)
            note = not_in_force_note (rule, date);
          continue;
        }

      if (rule == c->baseline && !baseline_governs (c, date))
        continue;

      entry_set (run, &entry, rule);
      anchor = date;
      anchor_kind = kind;
      anchor_text = g_steal_pointer (&text);
    }

  if (anchor == PLC_DATE_NONE)
    {
      entry_clear (&entry);
      if (undated != NULL)
        return undated_occurrences (run, undated, undated_missing->str);
      return NULL;  /* does not apply */
    }

  if (entry.rule != c->baseline)
    g_clear_pointer (&note, g_free);

  counts_from_end = anchor_kind == PLC_ANCHOR_PLACEMENT_END;
  due = plc_offset_apply (entry.offset, anchor);

  for (int n = 1; due != PLC_DATE_NONE && n <= MAX_OCCURRENCES; n++)
    {
      const char *rule_id = plc_rule_get_id (entry.rule);
      int max_age_at_due = plc_rule_get_max_age_at_due (entry.rule);
      PlcPlacement *elsewhere_on = NULL;
      const char *done_on = NULL;
      PlcObligation *ob = NULL;
      PlcDate done = PLC_DATE_NONE;

      /* After the end, only what a user recorded here (a step done early,
       * before a move) */
      if (run->end != PLC_DATE_NONE && due > run->end && !counts_from_end &&
          !has_step_or_part_status (run, entry.rule, n))
        break;

      if (entry.until_age > 0 && run->birth != PLC_DATE_NONE &&
          due >= plc_date_add_years (run->birth, entry.until_age))
        break;

      if (max_age_at_due >= 0 && run->birth != PLC_DATE_NONE &&
          plc_date_age_on (run->birth, due) > max_age_at_due)
        break;

      /* Care that a move continued: what fell before this placement's
       * start belonged to the one before it, unless recorded here */
      continues = g_ptr_array_index (entry.chain, 0) != run->placement ||
                  run->care_start < run->start;
      if (continues && due < run->start && !has_step_or_part_status (run, entry.rule, n))
        {
          PlcStepStatus *status = chain_status (run, entry.chain, rule_id, n, &elsewhere_on);

          if (status != NULL && plc_step_status_get_state (status) == PLC_STEP_STATE_DONE)
            {
              done = plc_step_status_get_date (status);
              done_on = plc_placement_get_ref (elsewhere_on);
            }
        }
      else
        {
          ob = new_obligation (run, entry.rule, rule_id);
          ob->occurrence = n;
          ob->nominal_due = due;
          ob->due = due;
          if (plc_rule_get_statutory (entry.rule) &&
              plc_date_next_working_day (due) != PLC_DATE_NONE)
            ob->due = plc_date_next_working_day (due);
          ob->anchor_date = anchor;
          ob->offset = n == 1 ? entry.offset : entry.every;
          ob->offset_changed = n == 1 && entry.changed;
          resolve_state (run, ob, entry.chain);
          /* Written when first asked for (plc_obligation_get_explanation ()) */
          ob->explain_anchor = g_strdup (anchor_text);
          ob->explain_missing = missing->len > 0 && n == 1 ? g_strdup (missing->str) : NULL;
          ob->explain_note = g_strdup (note);
          g_ptr_array_add (occurrences, ob);

          if (ob->state == PLC_OBLIGATION_STATE_DONE)
            {
              done = ob->done_date;
              done_on = ob->recorded_on;
            }
        }

      if (!entry.recurs)
        break;

      /* Listed up to the first one past the upcoming window, and as far as
       * any recorded status goes */
      if (ob != NULL && plc_obligation_is_open (ob) && ob->due > run->horizon &&
          !has_status (run, rule_id, n + 1))
        break;

      g_clear_pointer (&anchor_text, g_free);
      if (entry.from_completion && done != PLC_DATE_NONE)
        {
          anchor = done;
          if (done_on != NULL)
            /* Translators: which time a step came round, and the reference of
             * the placement (before a move) it was recorded on */
            anchor_text = g_strdup_printf (_("occurrence %d was done, in placement %s"), n, done_on);
          else
            anchor_text = g_strdup_printf (_("occurrence %d was done"), n);
        }
      else
        {
          /* The day counted to, never the weekday it moved to */
          anchor = due;
          if (ob != NULL && ob->due != ob->nominal_due)
            anchor_text = g_strdup_printf (_("the day occurrence %d counted to"), n);
          else
            anchor_text = g_strdup_printf (_("the due date of occurrence %d"), n);
        }

      /* The agreement in force on the next occurrence's anchor date */
      if (n_entries > 1 || c->silent->len > 0)
        {
          const PlcRule *next = entry_on (c, anchor);

          if (next == NULL)
            break;

          if (next != entry.rule)
            {
              g_clear_pointer (&note, g_free);
              if (next == c->baseline)
                note = not_in_force_note (entry.rule, anchor);
              entry_set (run, &entry, next);
              if (!entry.recurs)
                break;
            }
        }

      due = plc_offset_apply (entry.every, anchor);
    }

  entry_clear (&entry);
  return g_steal_pointer (&occurrences);
}

/* Returns the occurrences of a rule id, computing them once, or NULL if no
 * rule with this id applies. */
static GPtrArray *
compute_rule (Run        *run,
              const char *rule_id)
{
  Candidates *candidates;
  GPtrArray *occurrences;
  gpointer found;

  if (g_hash_table_lookup_extended (run->computed, rule_id, NULL, &found))
    return found;  /* NULL while being computed: a cycle the loader missed */

  candidates = g_hash_table_lookup (run->rules, rule_id);
  if (candidates == NULL)
    return NULL;

  g_hash_table_insert (run->computed, g_strdup (rule_id), NULL);
  occurrences = compute_rule_occurrences (run, candidates);
  g_hash_table_insert (run->computed, g_strdup (rule_id), occurrences);

  return occurrences;
}

static void
add_candidates (Run          *run,
                PlcProfile   *profile,
                PlcRuleFacts *facts)
{
  gboolean regional = plc_profile_get_kind (profile) == PLC_PROFILE_KIND_REGIONAL;
  g_autoptr(GHashTable) entered = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < plc_profile_get_n_rules (profile); i++)
    {
      const PlcRule *rule = plc_profile_get_rule (profile, i);
      const char *id = plc_rule_get_id (rule);
      Candidates *c = g_hash_table_lookup (run->rules, id);

      if (c == NULL)
        {
          c = g_new0 (Candidates, 1);
          c->regional = g_ptr_array_new ();
          c->silent = g_ptr_array_new ();
          g_hash_table_insert (run->rules, (gpointer) id, c);
        }

      if (!plc_rule_applies (rule, facts))
        continue;

      g_hash_table_add (entered, (gpointer) id);
      if (regional)
        g_ptr_array_add (c->regional, (gpointer) rule);
      else
        c->baseline = rule;
    }

  /* A regional agreement with the id but no entry for the placement
   * still replaces the baseline's rule while it is in force */
  for (guint i = 0; regional && i < plc_profile_get_n_rules (profile); i++)
    {
      const char *id = plc_rule_get_id (plc_profile_get_rule (profile, i));
      Candidates *c = g_hash_table_lookup (run->rules, id);

      if (!g_hash_table_contains (entered, id) && !g_ptr_array_find (c->silent, profile, NULL))
        g_ptr_array_add (c->silent, profile);
    }
}

/* What a recorded status names: a rule, or a part of one ("rule/part"). */
static PlcObligation *
no_longer_required (Run           *run,
                    PlcStepStatus *status)
{
  const char *recorded = plc_step_status_get_rule (status);
  g_auto(GStrv) split = g_strsplit (recorded, "/", 2);
  const PlcRule *rule = plc_profile_set_find_rule (run->engine->profiles, split[0]);
  PlcObligation *ob = new_obligation (run, rule, recorded);

  if (rule != NULL && split[1] != NULL)
    {
      for (guint i = 0; i < plc_rule_get_n_parts (rule); i++)
        {
          if (g_str_equal (plc_rule_get_part_id (rule, i), split[1]))
            {
              g_free (ob->title);
              /* Translators: a step and one part of it */
              ob->title = g_strdup_printf (_("%s: %s"), plc_rule_get_title (rule),
                                           plc_rule_get_part_title (rule, i));
            }
        }
    }

  ob->occurrence = plc_step_status_get_occurrence (status);
  ob->state = PLC_OBLIGATION_STATE_NO_LONGER_REQUIRED;
  ob->status = g_object_ref (status);
  if (plc_step_status_get_state (status) == PLC_STEP_STATE_DONE)
    ob->done_date = plc_step_status_get_date (status);
  ob->explanation = g_strdup_printf (_("“%s”: the rules no longer require this step of the "
                                       "placement, but its recorded status is kept."),
                                     ob->title);
  return ob;
}

static int
compare_obligations (gconstpointer a,
                     gconstpointer b)
{
  return plc_obligation_compare (*(PlcObligation **)a, *(PlcObligation **)b);
}

static int
compare_by_valid_from (gconstpointer a,
                       gconstpointer b)
{
  PlcProfile *pa = *(PlcProfile **)a;
  PlcProfile *pb = *(PlcProfile **)b;

  /* The one that began last first */
  if (plc_profile_get_valid_from (pa) != plc_profile_get_valid_from (pb))
    return plc_profile_get_valid_from (pa) > plc_profile_get_valid_from (pb) ? -1 : 1;

  return g_strcmp0 (plc_profile_get_id (pa), plc_profile_get_id (pb));
}

static void
occurrences_free (gpointer data)
{
  if (data != NULL)
    g_ptr_array_unref (data);
}

/**
 * plc_engine_compute:
 * @child: (nullable): the placed child (for the age, and whether an asylum
 *   seeker)
 * @placement: the placement
 * @step_statuses: (element-type PlcStepStatus) (nullable): the statuses
 *   recorded for @placement
 * @today: the date to compute overdue from
 * @warning: (out) (optional): see plc_engine_select_profile()
 *
 * Returns: (transfer container) (element-type PlcObligation): the
 *   obligations of @placement, by due date, then those no longer required
 */
GPtrArray *
plc_engine_compute (PlcEngine     *self,
                    PlcChild      *child,
                    PlcPlacement  *placement,
                    GPtrArray     *step_statuses,
                    PlcDate        today,
                    char         **warning)
{
  const char *municipality;
  g_autoptr(GPtrArray) regional = g_ptr_array_new ();
  PlcProfile *baseline;
  PlcRuleFacts facts;
  Run run = { 0, };
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (PLC_IS_ENGINE (self), NULL);
  g_return_val_if_fail (child == NULL || PLC_IS_CHILD (child), NULL);
  g_return_val_if_fail (PLC_IS_PLACEMENT (placement), NULL);
  g_return_val_if_fail (today != PLC_DATE_NONE, NULL);

  baseline = plc_profile_set_get_baseline (self->profiles);
  /* The warning is about the agreement on the start date */
  plc_engine_select_profile (self, child, placement, warning);

  run.engine = self;
  run.child = child;
  run.placement = placement;
  run.today = today;
  run.horizon = plc_date_add_days (today, self->upcoming_days);
  run.end = plc_placement_get_end_date (placement);
  run.birth = child != NULL ? plc_child_get_birth_date (child) : PLC_DATE_NONE;
  run.start = plc_placement_get_start_date (placement);
  run.moves = move_chain (&run);
  run.care_start = run.start;
  {
    gint64 id = plc_placement_get_id (placement);
    gpointer found;

    /* Where the care began, when it was set without the placements */
    if (id != 0 && run.moves->len == 1 &&
        g_hash_table_lookup_extended (self->care_starts, &id, NULL, &found) &&
        GPOINTER_TO_UINT (found) != PLC_DATE_NONE && GPOINTER_TO_UINT (found) < run.start)
      run.care_start = GPOINTER_TO_UINT (found);

    run.continued = id != 0 && g_hash_table_contains (self->continued, &id);
  }
  run.profiles = plc_profile_set_list (self->profiles);
  run.rules = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, candidates_free);
  run.statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run.used = g_hash_table_new (NULL, NULL);
  run.computed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        occurrences_free);
  run.result = g_ptr_array_new_with_free_func (g_object_unref);

  placement_facts (&run, placement, &facts);

  /* The regional agreements of the placing municipality that cover the
   * placement, whenever they are in force: each step takes the one in
   * force on its anchor date */
  municipality = plc_placement_get_placing_municipality (placement);
  for (guint i = 0; i < run.profiles->len; i++)
    {
      PlcProfile *profile = g_ptr_array_index (run.profiles, i);

      if (plc_profile_get_kind (profile) == PLC_PROFILE_KIND_REGIONAL &&
          plc_profile_has_party (profile, municipality) &&
          plc_profile_scope_covers (profile, facts.legal_basis, facts.form, facts.age, NULL))
        g_ptr_array_add (regional, profile);
    }
  g_ptr_array_sort (regional, compare_by_valid_from);

  for (guint i = 0; i < regional->len; i++)
    add_candidates (&run, g_ptr_array_index (regional, i), &facts);
  add_candidates (&run, baseline, &facts);

  for (guint i = 0; step_statuses != NULL && i < step_statuses->len; i++)
    {
      PlcStepStatus *status = g_ptr_array_index (step_statuses, i);

      g_hash_table_insert (run.statuses,
                           status_key (plc_step_status_get_rule (status),
                                       plc_step_status_get_occurrence (status)),
                           status);
    }

  g_hash_table_iter_init (&iter, run.rules);
  while (g_hash_table_iter_next (&iter, &value, NULL))
    compute_rule (&run, value);

  g_hash_table_iter_init (&iter, run.computed);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GPtrArray *occurrences = value;

      for (guint i = 0; occurrences != NULL && i < occurrences->len; i++)
        g_ptr_array_add (run.result, g_object_ref (g_ptr_array_index (occurrences, i)));
    }

  g_ptr_array_sort (run.result, compare_obligations);

  /* What a user recorded is never hidden by a recomputation */
  for (guint i = 0; step_statuses != NULL && i < step_statuses->len; i++)
    {
      PlcStepStatus *status = g_ptr_array_index (step_statuses, i);

      if (!g_hash_table_contains (run.used, status))
        g_ptr_array_add (run.result, no_longer_required (&run, status));
    }

  g_ptr_array_unref (run.moves);
  g_hash_table_unref (run.rules);
  g_hash_table_unref (run.statuses);
  g_hash_table_unref (run.used);
  g_hash_table_unref (run.computed);
  g_ptr_array_unref (run.profiles);

  return run.result;
}

/**
 * plc_engine_is_upcoming:
 *
 * Returns: whether @obligation is open and due from @today up to the
 *   upcoming window's end
 */
gboolean
plc_engine_is_upcoming (PlcEngine     *self,
                        PlcObligation *obligation,
                        PlcDate        today)
{
  PlcDate due = plc_obligation_get_due (obligation);

  g_return_val_if_fail (PLC_IS_ENGINE (self), FALSE);

  return plc_obligation_get_state (obligation) == PLC_OBLIGATION_STATE_OPEN &&
         due >= today && due <= plc_date_add_days (today, self->upcoming_days);
}
