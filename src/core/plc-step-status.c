/* plc-step-status.c: the recorded status of one step of a placement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-step-status"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-error.h"
#include "plc-model-private.h"
#include "plc-ref.h"
#include "plc-step-status.h"

struct _PlcStepStatus
{
  GObject parent_instance;

  gint64        id;
  gint64        version;
  char         *ref;
  gint64        placement_id;
  char         *placement_ref;
  char         *rule;
  int           occurrence;
  PlcStepState  state;
  PlcDate       date;
  char         *note;
  char         *reason;
  char         *recorded_by;
  char         *recorded_at;
  gboolean      reopened;
  GStrv         invited_units;    /* NULL when empty */
  GStrv         attended_units;   /* NULL when empty */
  gboolean      planning_completed;
};

G_DEFINE_FINAL_TYPE (PlcStepStatus, plc_step_status, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_REF,
  PROP_PLACEMENT_ID,
  PROP_PLACEMENT_REF,
  PROP_RULE,
  PROP_OCCURRENCE,
  PROP_STATE,
  PROP_DATE,
  PROP_NOTE,
  PROP_REASON,
  PROP_RECORDED_BY,
  PROP_RECORDED_AT,
  PROP_REOPENED,
  PROP_INVITED_UNITS,
  PROP_ATTENDED_UNITS,
  PROP_PLANNING_COMPLETED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
plc_step_status_finalize (GObject *object)
{
  PlcStepStatus *self = (PlcStepStatus *)object;

  g_clear_pointer (&self->ref, g_free);
  g_clear_pointer (&self->placement_ref, g_free);
  g_clear_pointer (&self->rule, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->recorded_by, g_free);
  g_clear_pointer (&self->recorded_at, g_free);
  g_clear_pointer (&self->invited_units, g_strfreev);
  g_clear_pointer (&self->attended_units, g_strfreev);

  G_OBJECT_CLASS (plc_step_status_parent_class)->finalize (object);
}

static void
plc_step_status_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PlcStepStatus *self = PLC_STEP_STATUS (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    case PROP_REF:
      g_value_set_string (value, self->ref);
      break;

    case PROP_PLACEMENT_ID:
      g_value_set_int64 (value, self->placement_id);
      break;

    case PROP_PLACEMENT_REF:
      g_value_set_string (value, self->placement_ref);
      break;

    case PROP_RULE:
      g_value_set_string (value, self->rule);
      break;

    case PROP_OCCURRENCE:
      g_value_set_int (value, self->occurrence);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_DATE:
      g_value_set_uint (value, self->date);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    case PROP_RECORDED_BY:
      g_value_set_string (value, self->recorded_by);
      break;

    case PROP_RECORDED_AT:
      g_value_set_string (value, self->recorded_at);
      break;

    case PROP_REOPENED:
      g_value_set_boolean (value, self->reopened);
      break;

    case PROP_INVITED_UNITS:
      g_value_set_boxed (value, self->invited_units);
      break;

    case PROP_ATTENDED_UNITS:
      g_value_set_boxed (value, self->attended_units);
      break;

    case PROP_PLANNING_COMPLETED:
      g_value_set_boolean (value, self->planning_completed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_step_status_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PlcStepStatus *self = PLC_STEP_STATUS (object);

  switch (prop_id)
    {
    case PROP_ID:
      plc_step_status_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_VERSION:
      plc_step_status_set_version (self, g_value_get_int64 (value));
      break;

    case PROP_REF:
      plc_step_status_set_ref (self, g_value_get_string (value));
      break;

    case PROP_PLACEMENT_ID:
      plc_step_status_set_placement_id (self, g_value_get_int64 (value));
      break;

    case PROP_PLACEMENT_REF:
      plc_step_status_set_placement_ref (self, g_value_get_string (value));
      break;

    case PROP_RULE:
      plc_step_status_set_rule (self, g_value_get_string (value));
      break;

    case PROP_OCCURRENCE:
      plc_step_status_set_occurrence (self, g_value_get_int (value));
      break;

    case PROP_STATE:
      plc_step_status_set_state (self, g_value_get_enum (value));
      break;

    case PROP_DATE:
      plc_step_status_set_date (self, g_value_get_uint (value));
      break;

    case PROP_NOTE:
      plc_step_status_set_note (self, g_value_get_string (value));
      break;

    case PROP_REASON:
      plc_step_status_set_reason (self, g_value_get_string (value));
      break;

    case PROP_RECORDED_BY:
      plc_step_status_set_recorded_by (self, g_value_get_string (value));
      break;

    case PROP_RECORDED_AT:
      plc_step_status_set_recorded_at (self, g_value_get_string (value));
      break;

    case PROP_REOPENED:
      plc_step_status_set_reopened (self, g_value_get_boolean (value));
      break;

    case PROP_INVITED_UNITS:
      plc_step_status_set_invited_units (self, g_value_get_boxed (value));
      break;

    case PROP_ATTENDED_UNITS:
      plc_step_status_set_attended_units (self, g_value_get_boxed (value));
      break;

    case PROP_PLANNING_COMPLETED:
      plc_step_status_set_planning_completed (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_step_status_class_init (PlcStepStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plc_step_status_finalize;
  object_class->get_property = plc_step_status_get_property;
  object_class->set_property = plc_step_status_set_property;

  /**
   * PlcStepStatus:id:
   *
   * The database id; 0 until the record is first stored.
   */
  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcStepStatus:version:
   *
   * The stored version, incremented by the store on each save; 0 until first stored.
   */
  properties [PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcStepStatus:ref:
   *
   * An external reference, or %NULL: step statuses are matched by placement, rule and occurrence.
   */
  properties [PROP_REF] =
    g_param_spec_string ("ref", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcStepStatus:placement-id:
   *
   * The id of the placement.
   */
  properties [PROP_PLACEMENT_ID] =
    g_param_spec_int64 ("placement-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcStepStatus:placement-ref:
   *
   * The ref of the placement (used in datasets).
   */
  properties [PROP_PLACEMENT_REF] =
    g_param_spec_string ("placement-ref", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcStepStatus:rule:
   *
   * The id of the rule the step comes from.
   */
  properties [PROP_RULE] =
    g_param_spec_string ("rule", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcStepStatus:occurrence:
   *
   * Which occurrence of a repeating step, from 1.
   */
  properties [PROP_OCCURRENCE] =
    g_param_spec_int ("occurrence", NULL, NULL,
                      1, G_MAXINT, 1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcStepStatus:state:
   *
   * The recorded state.
   */
  properties [PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       PLC_TYPE_STEP_STATE, PLC_STEP_STATE_OPEN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcStepStatus:date:
   *
   * When the step was done, a #PlcDate.
   */
  properties [PROP_DATE] =
    g_param_spec_uint ("date", NULL, NULL,
                       0, G_MAXUINT32, PLC_DATE_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcStepStatus:note:
   *
   * A note, or %NULL.
   */
  properties [PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcStepStatus:reason:
   *
   * Why the step is not needed; required for %PLC_STEP_STATE_NOT_NEEDED.
   */
  properties [PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcStepStatus:recorded-by:
   *
   * The user (OS account) who recorded the status.
   */
  properties [PROP_RECORDED_BY] =
    g_param_spec_string ("recorded-by", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcStepStatus:recorded-at:
   *
   * When the status was recorded, as an ISO 8601 UTC timestamp.
   */
  properties [PROP_RECORDED_AT] =
    g_param_spec_string ("recorded-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcStepStatus:reopened:
   *
   * Whether the step went back to open after being done or not needed.
   */
  properties [PROP_REOPENED] =
    g_param_spec_boolean ("reopened", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcStepStatus:invited-units:
   *
   * The meeting record (a SIP meeting's, for instance): the units or roles
   * invited to the meeting, in the order given, or %NULL when none is
   * recorded.
   */
  properties [PROP_INVITED_UNITS] =
    g_param_spec_boxed ("invited-units", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcStepStatus:attended-units:
   *
   * The meeting record: the invited units that took part, or %NULL.
   */
  properties [PROP_ATTENDED_UNITS] =
    g_param_spec_boxed ("attended-units", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcStepStatus:planning-completed:
   *
   * The meeting record: whether the planning (the SIP) was completed.
   */
  properties [PROP_PLANNING_COMPLETED] =
    g_param_spec_boolean ("planning-completed", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plc_step_status_init (PlcStepStatus *self)
{
  self->occurrence = 1;
  self->state = PLC_STEP_STATE_OPEN;
}

/**
 * plc_step_status_new:
 *
 * Creates an empty record that is not stored yet.
 *
 * Returns: (transfer full): a new #PlcStepStatus
 */
PlcStepStatus *
plc_step_status_new (void)
{
  return g_object_new (PLC_TYPE_STEP_STATUS, NULL);
}

/**
 * plc_step_status_copy:
 * @self: a #PlcStepStatus
 *
 * Makes a deep copy: id, version, ref and every field, so that the stored
 * version can be kept beside an edited one.
 *
 * Returns: (transfer full): a new #PlcStepStatus
 */
PlcStepStatus *
plc_step_status_copy (PlcStepStatus *self)
{
  PlcStepStatus *copy;

  g_return_val_if_fail (PLC_IS_STEP_STATUS (self), NULL);

  copy = plc_step_status_new ();

  copy->id = self->id;
  copy->version = self->version;
  copy->ref = g_strdup (self->ref);
  copy->placement_id = self->placement_id;
  copy->placement_ref = g_strdup (self->placement_ref);
  copy->rule = g_strdup (self->rule);
  copy->occurrence = self->occurrence;
  copy->state = self->state;
  copy->date = self->date;
  copy->note = g_strdup (self->note);
  copy->reason = g_strdup (self->reason);
  copy->recorded_by = g_strdup (self->recorded_by);
  copy->recorded_at = g_strdup (self->recorded_at);
  copy->reopened = self->reopened;
  copy->invited_units = g_strdupv (self->invited_units);
  copy->attended_units = g_strdupv (self->attended_units);
  copy->planning_completed = self->planning_completed;

  return copy;
}

gint64
plc_step_status_get_id (PlcStepStatus *self)
{
  g_return_val_if_fail (PLC_IS_STEP_STATUS (self), 0);

  return self->id;
}

void
plc_step_status_set_id (PlcStepStatus *self,
                        gint64         id)
{
  g_return_if_fail (PLC_IS_STEP_STATUS (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
plc_step_status_get_version (PlcStepStatus *self)
{
  g_return_val_if_fail (PLC_IS_STEP_STATUS (self), 0);

  return self->version;
}

void
plc_step_status_set_version (PlcStepStatus *self,
                             gint64         version)
{
  g_return_if_fail (PLC_IS_STEP_STATUS (self));
  g_return_if_fail (version >= 0);

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VERSION]);
}

const char *
plc_step_status_get_ref (PlcStepStatus *self)
{
  g_return_val_if_fail (PLC_IS_STEP_STATUS (self), NULL);

  return self->ref;
}

void
plc_step_status_set_ref (PlcStepStatus *self,
                         const char    *ref)
{
  g_return_if_fail (PLC_IS_STEP_STATUS (self));

  if (_plc_set_string (&self->ref, ref))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REF]);
}

gint64
plc_step_status_get_placement_id (PlcStepStatus *self)
{
  g_return_val_if_fail (PLC_IS_STEP_STATUS (self), 0);

  return self->placement_id;
}

void
plc_step_status_set_placement_id (PlcStepStatus *self,
                                  gint64         placement_id)
{
  g_return_if_fail (PLC_IS_STEP_STATUS (self));
  g_return_if_fail (placement_id >= 0);

  if (self->placement_id == placement_id)
    return;

  self->placement_id = placement_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLACEMENT_ID]);
}

const char *
plc_step_status_get_placement_ref (PlcStepStatus *self)
{
  g_return_val_if_fail (PLC_IS_STEP_STATUS (self), NULL);

  return self->placement_ref;
}

void
plc_step_status_set_placement_ref (PlcStepStatus *self,
                                   const char    *placement_ref)
{
  g_return_if_fail (PLC_IS_STEP_STATUS (self));

  if (_plc_set_string (&self->placement_ref, placement_ref))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLACEMENT_REF]);
}

const char *
plc_step_status_get_rule (PlcStepStatus *self)
{
  g_return_val_if_fail (PLC_IS_STEP_STATUS (self), NULL);

  return self->rule;
}

void
plc_step_status_set_rule (PlcStepStatus *self,
                          const char    *rule)
{
  g_return_if_fail (PLC_IS_STEP_STATUS (self));

  if (_plc_set_string (&self->rule, rule))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RULE]);
}

int
plc_step_status_get_occurrence (PlcStepStatus *self)
{
  g_return_val_if_fail (PLC_IS_STEP_STATUS (self), 0);

  return self->occurrence;
}

void
plc_step_status_set_occurrence (PlcStepStatus *self,
                                int            occurrence)
{
  g_return_if_fail (PLC_IS_STEP_STATUS (self));
  g_return_if_fail (occurrence >= 1);

  if (self->occurrence == occurrence)
    return;

  self->occurrence = occurrence;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OCCURRENCE]);
}

PlcStepState
plc_step_status_get_state (PlcStepStatus *self)
{
  g_return_val_if_fail (PLC_IS_STEP_STATUS (self), PLC_STEP_STATE_OPEN);

  return self->state;
}

void
plc_step_status_set_state (PlcStepStatus *self,
                           PlcStepState   state)
{
  g_return_if_fail (PLC_IS_STEP_STATUS (self));
  g_return_if_fail (plc_step_state_to_string (state) != NULL);

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATE]);
}

PlcDate
plc_step_status_get_date (PlcStepStatus *self)
{
  g_return_val_if_fail (PLC_IS_STEP_STATUS (self), PLC_DATE_NONE);

  return self->date;
}

void
plc_step_status_set_date (PlcStepStatus *self,
                          PlcDate        date)
{
  g_return_if_fail (PLC_IS_STEP_STATUS (self));

  if (self->date == date)
    return;

  self->date = date;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE]);
}

const char *
plc_step_status_get_note (PlcStepStatus *self)
{
  g_return_val_if_fail (PLC_IS_STEP_STATUS (self), NULL);

  return self->note;
}

void
plc_step_status_set_note (PlcStepStatus *self,
                          const char    *note)
{
  g_return_if_fail (PLC_IS_STEP_STATUS (self));

  if (_plc_set_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTE]);
}

const char *
plc_step_status_get_reason (PlcStepStatus *self)
{
  g_return_val_if_fail (PLC_IS_STEP_STATUS (self), NULL);

  return self->reason;
}

void
plc_step_status_set_reason (PlcStepStatus *self,
                            const char    *reason)
{
  g_return_if_fail (PLC_IS_STEP_STATUS (self));

  if (_plc_set_string (&self->reason, reason))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REASON]);
}

const char *
plc_step_status_get_recorded_by (PlcStepStatus *self)
{
  g_return_val_if_fail (PLC_IS_STEP_STATUS (self), NULL);

  return self->recorded_by;
}

void
plc_step_status_set_recorded_by (PlcStepStatus *self,
                                 const char    *recorded_by)
{
  g_return_if_fail (PLC_IS_STEP_STATUS (self));

  if (_plc_set_string (&self->recorded_by, recorded_by))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RECORDED_BY]);
}

const char *
plc_step_status_get_recorded_at (PlcStepStatus *self)
{
  g_return_val_if_fail (PLC_IS_STEP_STATUS (self), NULL);

  return self->recorded_at;
}

void
plc_step_status_set_recorded_at (PlcStepStatus *self,
                                 const char    *recorded_at)
{
  g_return_if_fail (PLC_IS_STEP_STATUS (self));

  if (_plc_set_string (&self->recorded_at, recorded_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RECORDED_AT]);
}

gboolean
plc_step_status_get_reopened (PlcStepStatus *self)
{
  g_return_val_if_fail (PLC_IS_STEP_STATUS (self), FALSE);

  return self->reopened;
}

void
plc_step_status_set_reopened (PlcStepStatus *self,
                              gboolean       reopened)
{
  g_return_if_fail (PLC_IS_STEP_STATUS (self));

  reopened = !!reopened;

  if (self->reopened == reopened)
    return;

  self->reopened = reopened;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REOPENED]);
}

/* Replaces *@field by a copy of @units, an empty list counting as NULL.
 * Returns TRUE if the stored value changed. */
static gboolean
set_units (GStrv              *field,
           const char * const *units)
{
  if (units != NULL && units[0] == NULL)
    units = NULL;

  if (*field == NULL && units == NULL)
    return FALSE;
  if (*field != NULL && units != NULL &&
      g_strv_equal ((const char * const *)*field, units))
    return FALSE;

  g_strfreev (*field);
  *field = g_strdupv ((char **)units);

  return TRUE;
}

static const char * const no_units[] = { NULL };

/**
 * plc_step_status_get_invited_units:
 * @self: a #PlcStepStatus
 *
 * The meeting record's invited units or roles.
 *
 * Returns: (transfer none) (array zero-terminated=1): the units, an empty
 *   list when none is recorded
 */
const char * const *
plc_step_status_get_invited_units (PlcStepStatus *self)
{
  g_return_val_if_fail (PLC_IS_STEP_STATUS (self), no_units);

  return self->invited_units != NULL ? (const char * const *)self->invited_units : no_units;
}

void
plc_step_status_set_invited_units (PlcStepStatus      *self,
                                   const char * const *units)
{
  g_return_if_fail (PLC_IS_STEP_STATUS (self));

  if (set_units (&self->invited_units, units))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_INVITED_UNITS]);
}

/**
 * plc_step_status_get_attended_units:
 * @self: a #PlcStepStatus
 *
 * The meeting record's units that took part.
 *
 * Returns: (transfer none) (array zero-terminated=1): the units, an empty
 *   list when none is recorded
 */
const char * const *
plc_step_status_get_attended_units (PlcStepStatus *self)
{
  g_return_val_if_fail (PLC_IS_STEP_STATUS (self), no_units);

  return self->attended_units != NULL ? (const char * const *)self->attended_units : no_units;
}

void
plc_step_status_set_attended_units (PlcStepStatus      *self,
                                    const char * const *units)
{
  g_return_if_fail (PLC_IS_STEP_STATUS (self));

  if (set_units (&self->attended_units, units))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ATTENDED_UNITS]);
}

gboolean
plc_step_status_get_planning_completed (PlcStepStatus *self)
{
  g_return_val_if_fail (PLC_IS_STEP_STATUS (self), FALSE);

  return self->planning_completed;
}

void
plc_step_status_set_planning_completed (PlcStepStatus *self,
                                        gboolean       planning_completed)
{
  g_return_if_fail (PLC_IS_STEP_STATUS (self));

  planning_completed = !!planning_completed;

  if (self->planning_completed == planning_completed)
    return;

  self->planning_completed = planning_completed;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLANNING_COMPLETED]);
}

/**
 * plc_step_status_has_meeting_record:
 * @self: a #PlcStepStatus
 *
 * Whether a meeting record is kept: invited units, units that took part,
 * or a completed planning.
 *
 * Returns: %TRUE if the status has a meeting record
 */
gboolean
plc_step_status_has_meeting_record (PlcStepStatus *self)
{
  g_return_val_if_fail (PLC_IS_STEP_STATUS (self), FALSE);

  return self->invited_units != NULL || self->attended_units != NULL ||
         self->planning_completed;
}

/**
 * plc_step_status_get_all_invited_attended:
 * @self: a #PlcStepStatus
 *
 * Whether a meeting had invited units and every one of them took part.
 *
 * Returns: %TRUE if at least one unit was invited and all of them attended
 */
gboolean
plc_step_status_get_all_invited_attended (PlcStepStatus *self)
{
  g_return_val_if_fail (PLC_IS_STEP_STATUS (self), FALSE);

  if (self->invited_units == NULL)
    return FALSE;

  for (guint i = 0; self->invited_units[i] != NULL; i++)
    {
      if (self->attended_units == NULL ||
          !g_strv_contains ((const char * const *)self->attended_units, self->invited_units[i]))
        return FALSE;
    }

  return TRUE;
}

/* Checks one list of units; @label is the field's translated label. */
static gboolean
validate_units (GStrv        units,
                const char  *label,
                GError     **error)
{
  if (units == NULL)
    return TRUE;

  for (guint i = 0; units[i] != NULL; i++)
    {
      if (_plc_is_blank (units[i]) || !g_utf8_validate (units[i], -1, NULL))
        {
          g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                       /* Translators: %s is a field's label such as “Invited units”,
                        * %u a position in its list, from 1 */
                       _("%s: unit %u is empty"), label, i + 1);
          return FALSE;
        }

      for (const char *p = units[i]; *p != '\0'; p = g_utf8_next_char (p))
        {
          if (g_unichar_iscntrl (g_utf8_get_char (p)))
            {
              g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                           /* Translators: %s is a field's label such as “Invited units”,
                            * %u a position in its list, from 1 */
                           _("%s: unit %u contains a line break or a control character"),
                           label, i + 1);
              return FALSE;
            }
        }

      for (guint j = 0; j < i; j++)
        {
          if (g_strcmp0 (units[i], units[j]) == 0)
            {
              g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                           /* Translators: %s is a field's label such as “Invited units”,
                            * the %u are positions in its list, from 1 */
                           _("%s: unit %u is the same as unit %u"), label, i + 1, j + 1);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/**
 * plc_step_status_validate:
 * @self: a #PlcStepStatus
 * @error: return location for a #GError
 *
 * Checks that the status can be stored: it names a rule, a done step has
 * the date it was done, a step that is not needed says why, and a meeting
 * record's units are one line each, not empty, not repeated, and each unit
 * that took part was invited.
 *
 * On failure @error is set to %PLC_ERROR_INVALID with a translated message
 * that starts with the field's label.
 *
 * No reference of the record (its own and those to other records) may
 * hold a personal identity number (plc_ref_validate()).
 *
 * Returns: %TRUE if the status is valid
 */
gboolean
plc_step_status_validate (PlcStepStatus  *self,
                          GError        **error)
{
  g_return_val_if_fail (PLC_IS_STEP_STATUS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!plc_ref_validate (_("Reference"), self->ref, error) ||
      !plc_ref_validate (_("Placement"), self->placement_ref, error))
    return FALSE;

  if (_plc_is_blank (self->rule))
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("Rule: must be set"));
      return FALSE;
    }

  if (self->state == PLC_STEP_STATE_DONE && self->date == PLC_DATE_NONE)
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("Date: must be set when the step is done"));
      return FALSE;
    }

  if (self->state == PLC_STEP_STATE_NOT_NEEDED && _plc_is_blank (self->reason))
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("Reason: must be given when the step is not needed"));
      return FALSE;
    }

  if (!validate_units (self->invited_units, _("Invited units"), error) ||
      !validate_units (self->attended_units, _("Units that took part"), error))
    return FALSE;

  if (self->attended_units != NULL)
    {
      for (guint i = 0; self->attended_units[i] != NULL; i++)
        {
          if (self->invited_units == NULL ||
              !g_strv_contains ((const char * const *)self->invited_units, self->attended_units[i]))
            {
              g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                           /* Translators: %u is a position in the list, from 1 */
                           _("Units that took part: unit %u is not among the invited units"),
                           i + 1);
              return FALSE;
            }
        }
    }

  return TRUE;
}
