/* plc-obligation.c: one dated step that the rules require of a placement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-obligation"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-holidays.h"
#include "plc-obligation-private.h"

G_DEFINE_FINAL_TYPE (PlcObligation, plc_obligation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RULE_ID,
  PROP_TITLE,
  PROP_DUE,
  PROP_STATE,
  PROP_OCCURRENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
part_clear (gpointer data)
{
  PlcObligationPart *part = data;

  g_free (part->id);
  g_free (part->title);
}

PlcObligation *
_plc_obligation_new (void)
{
  return g_object_new (PLC_TYPE_OBLIGATION, NULL);
}

static void
plc_obligation_finalize (GObject *object)
{
  PlcObligation *self = (PlcObligation *)object;

  g_free (self->placement_ref);
  g_free (self->child_ref);
  g_free (self->caseworker);
  g_free (self->rule_id);
  g_clear_object (&self->profile);
  g_free (self->title);
  g_clear_object (&self->status);
  g_free (self->reference);
  g_free (self->source);
  g_free (self->explanation);
  g_free (self->explain_anchor);
  g_free (self->explain_missing);
  g_free (self->explain_note);
  g_free (self->recorded_on);
  g_array_unref (self->parts);

  G_OBJECT_CLASS (plc_obligation_parent_class)->finalize (object);
}

static void
plc_obligation_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PlcObligation *self = PLC_OBLIGATION (object);

  switch (prop_id)
    {
    case PROP_RULE_ID:
      g_value_set_string (value, self->rule_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DUE:
      g_value_set_uint (value, self->due);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_OCCURRENCE:
      g_value_set_int (value, self->occurrence);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_obligation_class_init (PlcObligationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plc_obligation_finalize;
  object_class->get_property = plc_obligation_get_property;

  properties[PROP_RULE_ID] =
    g_param_spec_string ("rule-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUE] =
    g_param_spec_uint ("due", NULL, NULL, 0, G_MAXUINT32, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, PLC_TYPE_OBLIGATION_STATE,
                       PLC_OBLIGATION_STATE_OPEN,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OCCURRENCE] =
    g_param_spec_int ("occurrence", NULL, NULL, 1, G_MAXINT, 1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plc_obligation_init (PlcObligation *self)
{
  self->occurrence = 1;
  self->parts = g_array_new (FALSE, TRUE, sizeof (PlcObligationPart));
  g_array_set_clear_func (self->parts, part_clear);
}

#define GETTER(type, name, field) \
  type \
  plc_obligation_get_##name (PlcObligation *self) \
  { \
    g_return_val_if_fail (PLC_IS_OBLIGATION (self), (type) 0); \
    return self->field; \
  }

GETTER (gint64, placement_id, placement_id)
GETTER (const char *, placement_ref, placement_ref)
GETTER (const char *, child_ref, child_ref)
GETTER (const char *, caseworker, caseworker)
GETTER (const char *, rule_id, rule_id)
GETTER (const PlcRule *, rule, rule)
GETTER (PlcProfile *, profile, profile)
GETTER (int, occurrence, occurrence)
GETTER (const char *, title, title)
GETTER (PlcDate, due, due)
GETTER (PlcDate, nominal_due, nominal_due)
GETTER (const char *, recorded_on, recorded_on)
GETTER (PlcObligationState, state, state)
GETTER (PlcStepStatus *, status, status)
GETTER (PlcDate, done_date, done_date)
GETTER (PlcDate, anchor_date, anchor_date)
GETTER (gboolean, offset_changed, offset_changed)
GETTER (const char *, reference, reference)
GETTER (const char *, source, source)

#undef GETTER

/**
 * plc_obligation_get_explanation:
 * @self: a #PlcObligation
 *
 * Why the step is due when it is, in one translated sentence: the rule,
 * the anchor and its date, the offset, the law and the agreement.
 *
 * The sentence is written the first time it is asked for: a caseload of
 * ten thousand placements has hundreds of thousands of steps, and few are
 * ever explained. Ask from one thread at a time.
 *
 * Returns: (nullable): the explanation
 */
const char *
plc_obligation_get_explanation (PlcObligation *self)
{
  g_return_val_if_fail (PLC_IS_OBLIGATION (self), NULL);

  if (self->explanation == NULL && self->explain_anchor != NULL)
    self->explanation = _plc_engine_explain (self, self->explain_anchor, self->explain_missing);

  return self->explanation;
}

/**
 * plc_obligation_dup_due_text:
 * @self: a #PlcObligation
 *
 * The due date as the views show it: "2026-03-04"; with the day off it is
 * when the period is not one the law sets, "2026-12-19 (Saturday)"; and
 * with the day lag (1930:173) 2 § moved it from, "2028-01-03 (moved from
 * New Year’s Eve, 2027-12-31)".
 *
 * Returns: (transfer full): the text, "" for a step without a due date
 */
char *
plc_obligation_dup_due_text (PlcObligation *self)
{
  g_autofree char *due = NULL;

  g_return_val_if_fail (PLC_IS_OBLIGATION (self), NULL);

  due = plc_date_to_iso (self->due);
  if (due == NULL)
    return g_strdup ("");

  if (self->nominal_due != PLC_DATE_NONE && self->nominal_due != self->due)
    {
      g_autofree char *nominal = plc_date_to_iso (self->nominal_due);

      /* Translators: a due date moved by lag (1930:173) 2 § from a day off:
       * "2028-01-03 (moved from New Year’s Eve, 2027-12-31)" */
      return g_strdup_printf (_("%s (moved from %s, %s)"), due,
                              plc_date_get_day_off_name (self->nominal_due), nominal);
    }

  if (plc_date_get_day_off_name (self->due) != NULL)
    /* Translators: a due date on a day off that is kept: "2026-12-19
     * (Saturday)", "2026-12-25 (Christmas Day)" */
    return g_strdup_printf (_("%s (%s)"), due, plc_date_get_day_off_name (self->due));

  return g_steal_pointer (&due);
}

PlcOffset
plc_obligation_get_offset (PlcObligation *self)
{
  PlcOffset none = { 0, PLC_OFFSET_UNIT_DAYS };

  g_return_val_if_fail (PLC_IS_OBLIGATION (self), none);
  return self->offset;
}

guint
plc_obligation_get_n_parts (PlcObligation *self)
{
  g_return_val_if_fail (PLC_IS_OBLIGATION (self), 0);
  return self->parts->len;
}

const char *
plc_obligation_get_part_id (PlcObligation *self,
                            guint          index)
{
  g_return_val_if_fail (PLC_IS_OBLIGATION (self), NULL);
  g_return_val_if_fail (index < self->parts->len, NULL);
  return g_array_index (self->parts, PlcObligationPart, index).id;
}

const char *
plc_obligation_get_part_title (PlcObligation *self,
                               guint          index)
{
  g_return_val_if_fail (PLC_IS_OBLIGATION (self), NULL);
  g_return_val_if_fail (index < self->parts->len, NULL);
  return g_array_index (self->parts, PlcObligationPart, index).title;
}

PlcObligationState
plc_obligation_get_part_state (PlcObligation *self,
                               guint          index)
{
  g_return_val_if_fail (PLC_IS_OBLIGATION (self), PLC_OBLIGATION_STATE_OPEN);
  g_return_val_if_fail (index < self->parts->len, PLC_OBLIGATION_STATE_OPEN);
  return g_array_index (self->parts, PlcObligationPart, index).state;
}

/**
 * plc_obligation_is_open:
 *
 * Returns: whether the step still needs doing (open or overdue)
 */
gboolean
plc_obligation_is_open (PlcObligation *self)
{
  g_return_val_if_fail (PLC_IS_OBLIGATION (self), FALSE);

  return self->state == PLC_OBLIGATION_STATE_OPEN ||
         self->state == PLC_OBLIGATION_STATE_OVERDUE;
}

/**
 * plc_obligation_compare:
 *
 * Orders by due date (undated last), then placement, rule and occurrence.
 */
int
plc_obligation_compare (PlcObligation *a,
                        PlcObligation *b)
{
  PlcDate da = a->due != PLC_DATE_NONE ? a->due : G_MAXUINT32;
  PlcDate db = b->due != PLC_DATE_NONE ? b->due : G_MAXUINT32;
  int cmp;

  if (da != db)
    return da < db ? -1 : 1;

  if ((cmp = g_strcmp0 (a->placement_ref, b->placement_ref)) != 0)
    return cmp;

  if ((cmp = g_strcmp0 (a->rule_id, b->rule_id)) != 0)
    return cmp;

  return a->occurrence - b->occurrence;
}
