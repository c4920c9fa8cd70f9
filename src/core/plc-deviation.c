/* plc-deviation.c: a deviation report (avvikelse)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-deviation"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-deviation.h"
#include "plc-error.h"
#include "plc-model-private.h"
#include "plc-ref.h"

G_DEFINE_BOXED_TYPE (PlcDeviationEvent, plc_deviation_event,
                     plc_deviation_event_copy, plc_deviation_event_free)

/**
 * plc_deviation_event_new:
 *
 * Returns: (transfer full): a new, empty event with the status
 *   %PLC_DEVIATION_STATUS_DRAFT; free it with plc_deviation_event_free()
 */
PlcDeviationEvent *
plc_deviation_event_new (void)
{
  return g_new0 (PlcDeviationEvent, 1);
}

/**
 * plc_deviation_event_copy:
 * @event: a #PlcDeviationEvent
 *
 * Returns: (transfer full): a deep copy of @event
 */
PlcDeviationEvent *
plc_deviation_event_copy (const PlcDeviationEvent *event)
{
  PlcDeviationEvent *copy;

  g_return_val_if_fail (event != NULL, NULL);

  copy = g_new0 (PlcDeviationEvent, 1);
  copy->at = g_strdup (event->at);
  copy->user = g_strdup (event->user);
  copy->status = event->status;
  copy->escalation_step = event->escalation_step;
  copy->note = g_strdup (event->note);

  return copy;
}

/**
 * plc_deviation_event_free:
 * @event: (nullable): a #PlcDeviationEvent
 *
 * Frees @event and its strings.
 */
void
plc_deviation_event_free (PlcDeviationEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->at);
  g_free (event->user);
  g_free (event->note);
  g_free (event);
}

struct _PlcDeviation
{
  GObject parent_instance;

  gint64                 id;
  gint64                 version;
  char                  *ref;
  gboolean               deleted;
  char                  *title;
  char                  *description;
  PlcDate                occurred_on;
  PlcDeviationDirection  direction;
  char                  *unit;
  PlcDeviationCategory   category;
  gint64                 placement_id;
  char                  *placement_ref;
  char                  *rule;
  char                  *profile;
  PlcDeviationStatus     status;
  char                  *conclusion;
  int                    escalation_step;

  GPtrArray *history;
};

G_DEFINE_FINAL_TYPE (PlcDeviation, plc_deviation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_REF,
  PROP_DELETED,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_OCCURRED_ON,
  PROP_DIRECTION,
  PROP_UNIT,
  PROP_CATEGORY,
  PROP_PLACEMENT_ID,
  PROP_PLACEMENT_REF,
  PROP_RULE,
  PROP_PROFILE,
  PROP_STATUS,
  PROP_CONCLUSION,
  PROP_ESCALATION_STEP,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
plc_deviation_finalize (GObject *object)
{
  PlcDeviation *self = (PlcDeviation *)object;

  g_clear_pointer (&self->ref, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->placement_ref, g_free);
  g_clear_pointer (&self->rule, g_free);
  g_clear_pointer (&self->profile, g_free);
  g_clear_pointer (&self->conclusion, g_free);
  g_clear_pointer (&self->history, g_ptr_array_unref);

  G_OBJECT_CLASS (plc_deviation_parent_class)->finalize (object);
}

static void
plc_deviation_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PlcDeviation *self = PLC_DEVIATION (object);

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

    case PROP_DELETED:
      g_value_set_boolean (value, self->deleted);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_OCCURRED_ON:
      g_value_set_uint (value, self->occurred_on);
      break;

    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;

    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;

    case PROP_CATEGORY:
      g_value_set_enum (value, self->category);
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

    case PROP_PROFILE:
      g_value_set_string (value, self->profile);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_CONCLUSION:
      g_value_set_string (value, self->conclusion);
      break;

    case PROP_ESCALATION_STEP:
      g_value_set_int (value, self->escalation_step);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_deviation_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PlcDeviation *self = PLC_DEVIATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      plc_deviation_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_VERSION:
      plc_deviation_set_version (self, g_value_get_int64 (value));
      break;

    case PROP_REF:
      plc_deviation_set_ref (self, g_value_get_string (value));
      break;

    case PROP_DELETED:
      plc_deviation_set_deleted (self, g_value_get_boolean (value));
      break;

    case PROP_TITLE:
      plc_deviation_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      plc_deviation_set_description (self, g_value_get_string (value));
      break;

    case PROP_OCCURRED_ON:
      plc_deviation_set_occurred_on (self, g_value_get_uint (value));
      break;

    case PROP_DIRECTION:
      plc_deviation_set_direction (self, g_value_get_enum (value));
      break;

    case PROP_UNIT:
      plc_deviation_set_unit (self, g_value_get_string (value));
      break;

    case PROP_CATEGORY:
      plc_deviation_set_category (self, g_value_get_enum (value));
      break;

    case PROP_PLACEMENT_ID:
      plc_deviation_set_placement_id (self, g_value_get_int64 (value));
      break;

    case PROP_PLACEMENT_REF:
      plc_deviation_set_placement_ref (self, g_value_get_string (value));
      break;

    case PROP_RULE:
      plc_deviation_set_rule (self, g_value_get_string (value));
      break;

    case PROP_PROFILE:
      plc_deviation_set_profile (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      plc_deviation_set_status (self, g_value_get_enum (value));
      break;

    case PROP_CONCLUSION:
      plc_deviation_set_conclusion (self, g_value_get_string (value));
      break;

    case PROP_ESCALATION_STEP:
      plc_deviation_set_escalation_step (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_deviation_class_init (PlcDeviationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plc_deviation_finalize;
  object_class->get_property = plc_deviation_get_property;
  object_class->set_property = plc_deviation_set_property;

  /**
   * PlcDeviation:id:
   *
   * The database id; 0 until the record is first stored.
   */
  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcDeviation:version:
   *
   * The stored version, incremented by the store on each save; 0 until first stored.
   */
  properties [PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcDeviation:ref:
   *
   * The external reference, unique per record type; generated by the store when empty.
   */
  properties [PROP_REF] =
    g_param_spec_string ("ref", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcDeviation:deleted:
   *
   * Whether the record is soft-deleted.
   */
  properties [PROP_DELETED] =
    g_param_spec_boolean ("deleted", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcDeviation:title:
   *
   * A short title.
   */
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcDeviation:description:
   *
   * What happened.
   */
  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcDeviation:occurred-on:
   *
   * When it happened, a #PlcDate.
   */
  properties [PROP_OCCURRED_ON] =
    g_param_spec_uint ("occurred-on", NULL, NULL,
                       0, G_MAXUINT32, PLC_DATE_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcDeviation:direction:
   *
   * Who reports whom.
   */
  properties [PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL,
                       PLC_TYPE_DEVIATION_DIRECTION, PLC_DEVIATION_DIRECTION_MUNICIPALITY_TO_REGION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcDeviation:unit:
   *
   * The unit concerned.
   */
  properties [PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcDeviation:category:
   *
   * The category.
   */
  properties [PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL,
                       PLC_TYPE_DEVIATION_CATEGORY, PLC_DEVIATION_CATEGORY_OTHER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcDeviation:placement-id:
   *
   * The id of the placement concerned, or 0.
   */
  properties [PROP_PLACEMENT_ID] =
    g_param_spec_int64 ("placement-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcDeviation:placement-ref:
   *
   * The ref of the placement concerned, or %NULL.
   */
  properties [PROP_PLACEMENT_REF] =
    g_param_spec_string ("placement-ref", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcDeviation:rule:
   *
   * The id of the rule concerned, or %NULL.
   */
  properties [PROP_RULE] =
    g_param_spec_string ("rule", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcDeviation:profile:
   *
   * The id of the agreement profile, or %NULL.
   */
  properties [PROP_PROFILE] =
    g_param_spec_string ("profile", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcDeviation:status:
   *
   * The current status.
   */
  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       PLC_TYPE_DEVIATION_STATUS, PLC_DEVIATION_STATUS_DRAFT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcDeviation:conclusion:
   *
   * The conclusion of the investigation, or %NULL.
   */
  properties [PROP_CONCLUSION] =
    g_param_spec_string ("conclusion", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcDeviation:escalation-step:
   *
   * The current step on the escalation ladder; 0 when not escalated.
   */
  properties [PROP_ESCALATION_STEP] =
    g_param_spec_int ("escalation-step", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plc_deviation_init (PlcDeviation *self)
{
  self->direction = PLC_DEVIATION_DIRECTION_MUNICIPALITY_TO_REGION;
  self->category = PLC_DEVIATION_CATEGORY_OTHER;
  self->status = PLC_DEVIATION_STATUS_DRAFT;
  self->history = g_ptr_array_new_with_free_func ((GDestroyNotify) plc_deviation_event_free);
}

/**
 * plc_deviation_new:
 *
 * Creates an empty record that is not stored yet.
 *
 * Returns: (transfer full): a new #PlcDeviation
 */
PlcDeviation *
plc_deviation_new (void)
{
  return g_object_new (PLC_TYPE_DEVIATION, NULL);
}

/**
 * plc_deviation_copy:
 * @self: a #PlcDeviation
 *
 * Makes a deep copy: id, version, ref and every field, so that the stored
 * version can be kept beside an edited one.
 *
 * Returns: (transfer full): a new #PlcDeviation
 */
PlcDeviation *
plc_deviation_copy (PlcDeviation *self)
{
  PlcDeviation *copy;

  g_return_val_if_fail (PLC_IS_DEVIATION (self), NULL);

  copy = plc_deviation_new ();

  copy->id = self->id;
  copy->version = self->version;
  copy->ref = g_strdup (self->ref);
  copy->deleted = self->deleted;
  copy->title = g_strdup (self->title);
  copy->description = g_strdup (self->description);
  copy->occurred_on = self->occurred_on;
  copy->direction = self->direction;
  copy->unit = g_strdup (self->unit);
  copy->category = self->category;
  copy->placement_id = self->placement_id;
  copy->placement_ref = g_strdup (self->placement_ref);
  copy->rule = g_strdup (self->rule);
  copy->profile = g_strdup (self->profile);
  copy->status = self->status;
  copy->conclusion = g_strdup (self->conclusion);
  copy->escalation_step = self->escalation_step;

  for (guint i = 0; i < self->history->len; i++)
    g_ptr_array_add (copy->history, plc_deviation_event_copy (g_ptr_array_index (self->history, i)));

  return copy;
}

gint64
plc_deviation_get_id (PlcDeviation *self)
{
  g_return_val_if_fail (PLC_IS_DEVIATION (self), 0);

  return self->id;
}

void
plc_deviation_set_id (PlcDeviation *self,
                      gint64        id)
{
  g_return_if_fail (PLC_IS_DEVIATION (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
plc_deviation_get_version (PlcDeviation *self)
{
  g_return_val_if_fail (PLC_IS_DEVIATION (self), 0);

  return self->version;
}

void
plc_deviation_set_version (PlcDeviation *self,
                           gint64        version)
{
  g_return_if_fail (PLC_IS_DEVIATION (self));
  g_return_if_fail (version >= 0);

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VERSION]);
}

const char *
plc_deviation_get_ref (PlcDeviation *self)
{
  g_return_val_if_fail (PLC_IS_DEVIATION (self), NULL);

  return self->ref;
}

void
plc_deviation_set_ref (PlcDeviation *self,
                       const char   *ref)
{
  g_return_if_fail (PLC_IS_DEVIATION (self));

  if (_plc_set_string (&self->ref, ref))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REF]);
}

gboolean
plc_deviation_get_deleted (PlcDeviation *self)
{
  g_return_val_if_fail (PLC_IS_DEVIATION (self), FALSE);

  return self->deleted;
}

void
plc_deviation_set_deleted (PlcDeviation *self,
                           gboolean      deleted)
{
  g_return_if_fail (PLC_IS_DEVIATION (self));

  deleted = !!deleted;

  if (self->deleted == deleted)
    return;

  self->deleted = deleted;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DELETED]);
}

const char *
plc_deviation_get_title (PlcDeviation *self)
{
  g_return_val_if_fail (PLC_IS_DEVIATION (self), NULL);

  return self->title;
}

void
plc_deviation_set_title (PlcDeviation *self,
                         const char   *title)
{
  g_return_if_fail (PLC_IS_DEVIATION (self));

  if (_plc_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

const char *
plc_deviation_get_description (PlcDeviation *self)
{
  g_return_val_if_fail (PLC_IS_DEVIATION (self), NULL);

  return self->description;
}

void
plc_deviation_set_description (PlcDeviation *self,
                               const char   *description)
{
  g_return_if_fail (PLC_IS_DEVIATION (self));

  if (_plc_set_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DESCRIPTION]);
}

PlcDate
plc_deviation_get_occurred_on (PlcDeviation *self)
{
  g_return_val_if_fail (PLC_IS_DEVIATION (self), PLC_DATE_NONE);

  return self->occurred_on;
}

void
plc_deviation_set_occurred_on (PlcDeviation *self,
                               PlcDate       occurred_on)
{
  g_return_if_fail (PLC_IS_DEVIATION (self));

  if (self->occurred_on == occurred_on)
    return;

  self->occurred_on = occurred_on;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OCCURRED_ON]);
}

PlcDeviationDirection
plc_deviation_get_direction (PlcDeviation *self)
{
  g_return_val_if_fail (PLC_IS_DEVIATION (self), PLC_DEVIATION_DIRECTION_MUNICIPALITY_TO_REGION);

  return self->direction;
}

void
plc_deviation_set_direction (PlcDeviation          *self,
                             PlcDeviationDirection  direction)
{
  g_return_if_fail (PLC_IS_DEVIATION (self));
  g_return_if_fail (plc_deviation_direction_to_string (direction) != NULL);

  if (self->direction == direction)
    return;

  self->direction = direction;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DIRECTION]);
}

const char *
plc_deviation_get_unit (PlcDeviation *self)
{
  g_return_val_if_fail (PLC_IS_DEVIATION (self), NULL);

  return self->unit;
}

void
plc_deviation_set_unit (PlcDeviation *self,
                        const char   *unit)
{
  g_return_if_fail (PLC_IS_DEVIATION (self));

  if (_plc_set_string (&self->unit, unit))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UNIT]);
}

PlcDeviationCategory
plc_deviation_get_category (PlcDeviation *self)
{
  g_return_val_if_fail (PLC_IS_DEVIATION (self), PLC_DEVIATION_CATEGORY_OTHER);

  return self->category;
}

void
plc_deviation_set_category (PlcDeviation         *self,
                            PlcDeviationCategory  category)
{
  g_return_if_fail (PLC_IS_DEVIATION (self));
  g_return_if_fail (plc_deviation_category_to_string (category) != NULL);

  if (self->category == category)
    return;

  self->category = category;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CATEGORY]);
}

gint64
plc_deviation_get_placement_id (PlcDeviation *self)
{
  g_return_val_if_fail (PLC_IS_DEVIATION (self), 0);

  return self->placement_id;
}

void
plc_deviation_set_placement_id (PlcDeviation *self,
                                gint64        placement_id)
{
  g_return_if_fail (PLC_IS_DEVIATION (self));
  g_return_if_fail (placement_id >= 0);

  if (self->placement_id == placement_id)
    return;

  self->placement_id = placement_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLACEMENT_ID]);
}

const char *
plc_deviation_get_placement_ref (PlcDeviation *self)
{
  g_return_val_if_fail (PLC_IS_DEVIATION (self), NULL);

  return self->placement_ref;
}

void
plc_deviation_set_placement_ref (PlcDeviation *self,
                                 const char   *placement_ref)
{
  g_return_if_fail (PLC_IS_DEVIATION (self));

  if (_plc_set_string (&self->placement_ref, placement_ref))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLACEMENT_REF]);
}

const char *
plc_deviation_get_rule (PlcDeviation *self)
{
  g_return_val_if_fail (PLC_IS_DEVIATION (self), NULL);

  return self->rule;
}

void
plc_deviation_set_rule (PlcDeviation *self,
                        const char   *rule)
{
  g_return_if_fail (PLC_IS_DEVIATION (self));

  if (_plc_set_string (&self->rule, rule))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RULE]);
}

const char *
plc_deviation_get_profile (PlcDeviation *self)
{
  g_return_val_if_fail (PLC_IS_DEVIATION (self), NULL);

  return self->profile;
}

void
plc_deviation_set_profile (PlcDeviation *self,
                           const char   *profile)
{
  g_return_if_fail (PLC_IS_DEVIATION (self));

  if (_plc_set_string (&self->profile, profile))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROFILE]);
}

PlcDeviationStatus
plc_deviation_get_status (PlcDeviation *self)
{
  g_return_val_if_fail (PLC_IS_DEVIATION (self), PLC_DEVIATION_STATUS_DRAFT);

  return self->status;
}

void
plc_deviation_set_status (PlcDeviation       *self,
                          PlcDeviationStatus  status)
{
  g_return_if_fail (PLC_IS_DEVIATION (self));
  g_return_if_fail (plc_deviation_status_to_string (status) != NULL);

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

const char *
plc_deviation_get_conclusion (PlcDeviation *self)
{
  g_return_val_if_fail (PLC_IS_DEVIATION (self), NULL);

  return self->conclusion;
}

void
plc_deviation_set_conclusion (PlcDeviation *self,
                              const char   *conclusion)
{
  g_return_if_fail (PLC_IS_DEVIATION (self));

  if (_plc_set_string (&self->conclusion, conclusion))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONCLUSION]);
}

int
plc_deviation_get_escalation_step (PlcDeviation *self)
{
  g_return_val_if_fail (PLC_IS_DEVIATION (self), 0);

  return self->escalation_step;
}

void
plc_deviation_set_escalation_step (PlcDeviation *self,
                                   int           escalation_step)
{
  g_return_if_fail (PLC_IS_DEVIATION (self));
  g_return_if_fail (escalation_step >= 0);

  if (self->escalation_step == escalation_step)
    return;

  self->escalation_step = escalation_step;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ESCALATION_STEP]);
}

/**
 * plc_deviation_get_history:
 * @self: a #PlcDeviation
 *
 * Returns: (transfer none) (element-type PlcDeviationEvent): the history
 *   of the deviation, oldest first, owned by @self
 */
GPtrArray *
plc_deviation_get_history (PlcDeviation *self)
{
  g_return_val_if_fail (PLC_IS_DEVIATION (self), NULL);

  return self->history;
}

/**
 * plc_deviation_add_event:
 * @self: a #PlcDeviation
 * @event: (transfer full): the event to append
 *
 * Appends @event to the history, taking ownership of it. Only the history
 * changes: use plc_deviation_set_status_with_event() to change the status
 * as well.
 */
void
plc_deviation_add_event (PlcDeviation      *self,
                         PlcDeviationEvent *event)
{
  g_return_if_fail (PLC_IS_DEVIATION (self));
  g_return_if_fail (event != NULL);

  g_ptr_array_add (self->history, event);
}

static void
append_event (PlcDeviation *self,
              const char   *user,
              const char   *note)
{
  PlcDeviationEvent *event = plc_deviation_event_new ();

  event->at = _plc_now_iso8601 ();
  event->user = g_strdup (user != NULL ? user : g_get_user_name ());
  event->status = self->status;
  event->escalation_step = self->escalation_step;
  event->note = _plc_is_blank (note) ? NULL : g_strdup (note);

  g_ptr_array_add (self->history, event);
}

/**
 * plc_deviation_set_status_with_event:
 * @self: a #PlcDeviation
 * @status: the new status
 * @user: (nullable): who made the change, or %NULL for the OS user
 * @note: (nullable): a note for the history
 *
 * Sets the status and appends an event recording it (with the current
 * time in UTC) to the history. An event is appended even when the status
 * does not change, so that a note can be added.
 */
void
plc_deviation_set_status_with_event (PlcDeviation       *self,
                                     PlcDeviationStatus  status,
                                     const char         *user,
                                     const char         *note)
{
  g_return_if_fail (PLC_IS_DEVIATION (self));
  g_return_if_fail (plc_deviation_status_to_string (status) != NULL);

  plc_deviation_set_status (self, status);
  append_event (self, user, note);
}

/**
 * plc_deviation_escalate:
 * @self: a #PlcDeviation
 * @user: (nullable): who escalated, or %NULL for the OS user
 * @note: (nullable): a note for the history
 *
 * Takes the deviation one step up the escalation ladder: increments
 * #PlcDeviation:escalation-step, sets the status to
 * %PLC_DEVIATION_STATUS_ESCALATED and appends an event recording both.
 */
void
plc_deviation_escalate (PlcDeviation *self,
                        const char   *user,
                        const char   *note)
{
  g_return_if_fail (PLC_IS_DEVIATION (self));
  g_return_if_fail (self->escalation_step < G_MAXINT);

  g_object_freeze_notify (G_OBJECT (self));
  plc_deviation_set_escalation_step (self, self->escalation_step + 1);
  plc_deviation_set_status (self, PLC_DEVIATION_STATUS_ESCALATED);
  g_object_thaw_notify (G_OBJECT (self));

  append_event (self, user, note);
}

/**
 * plc_deviation_validate:
 * @self: a #PlcDeviation
 * @error: return location for a #GError
 *
 * Checks that the deviation can be stored: the title is not empty and the
 * date it occurred on is set.
 *
 * On failure @error is set to %PLC_ERROR_INVALID with a translated message
 * that starts with the field's label.
 *
 * No reference of the record (its own and those to other records) may
 * hold a personal identity number (plc_ref_validate()).
 *
 * Returns: %TRUE if the deviation is valid
 */
gboolean
plc_deviation_validate (PlcDeviation  *self,
                        GError       **error)
{
  g_return_val_if_fail (PLC_IS_DEVIATION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!plc_ref_validate (_("Reference"), self->ref, error) ||
      !plc_ref_validate (_("Placement"), self->placement_ref, error))
    return FALSE;

  if (_plc_is_blank (self->title))
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("Title: must not be empty"));
      return FALSE;
    }

  if (self->occurred_on == PLC_DATE_NONE)
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("Occurred on: must be set"));
      return FALSE;
    }

  return TRUE;
}
