/* plc-placement.c: one placement of a child
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-placement"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-error.h"
#include "plc-model-private.h"
#include "plc-ref.h"
#include "plc-municipality.h"
#include "plc-placement.h"

struct _PlcPlacement
{
  PlcRecord parent_instance;

  gint64            child_id;
  char             *child_ref;
  char             *placing_municipality;
  char             *caseworker;
  PlcLegalBasis     legal_basis;
  PlcPlacementForm  form;
  PlcDate           start_date;
  gboolean          acute;
  PlcDate           planned_end_date;
  PlcDate           end_date;
  char             *end_reason;
  char             *placed_in_municipality;
  char             *placed_in_region;
  gboolean          other_region;
  PlcDate           lvu_decision_date;
  PlcDate           custody_carried_out_date;
  PlcDate           investigation_closed_date;
  PlcDate           restriction_decided_date;
  gint64            previous_id;
  char             *previous_ref;
  char             *home_ref;
  PlcDate           discharge_notice_date;
  PlcDate           temporary_moving_ban_date;
  gboolean          lvu_international;
};

G_DEFINE_FINAL_TYPE (PlcPlacement, plc_placement, PLC_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CHILD_ID,
  PROP_CHILD_REF,
  PROP_PLACING_MUNICIPALITY,
  PROP_CASEWORKER,
  PROP_LEGAL_BASIS,
  PROP_FORM,
  PROP_START_DATE,
  PROP_ACUTE,
  PROP_PLANNED_END_DATE,
  PROP_END_DATE,
  PROP_END_REASON,
  PROP_PLACED_IN_MUNICIPALITY,
  PROP_PLACED_IN_REGION,
  PROP_OTHER_REGION,
  PROP_LVU_DECISION_DATE,
  PROP_CUSTODY_CARRIED_OUT_DATE,
  PROP_INVESTIGATION_CLOSED_DATE,
  PROP_RESTRICTION_DECIDED_DATE,
  PROP_PREVIOUS_ID,
  PROP_PREVIOUS_REF,
  PROP_HOME_REF,
  PROP_DISCHARGE_NOTICE_DATE,
  PROP_TEMPORARY_MOVING_BAN_DATE,
  PROP_LVU_INTERNATIONAL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
plc_placement_finalize (GObject *object)
{
  PlcPlacement *self = (PlcPlacement *)object;

  g_clear_pointer (&self->child_ref, g_free);
  g_clear_pointer (&self->placing_municipality, g_free);
  g_clear_pointer (&self->caseworker, g_free);
  g_clear_pointer (&self->end_reason, g_free);
  g_clear_pointer (&self->placed_in_municipality, g_free);
  g_clear_pointer (&self->placed_in_region, g_free);
  g_clear_pointer (&self->previous_ref, g_free);
  g_clear_pointer (&self->home_ref, g_free);

  G_OBJECT_CLASS (plc_placement_parent_class)->finalize (object);
}

static void
plc_placement_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PlcPlacement *self = PLC_PLACEMENT (object);

  switch (prop_id)
    {
    case PROP_CHILD_ID:
      g_value_set_int64 (value, self->child_id);
      break;

    case PROP_CHILD_REF:
      g_value_set_string (value, self->child_ref);
      break;

    case PROP_PLACING_MUNICIPALITY:
      g_value_set_string (value, self->placing_municipality);
      break;

    case PROP_CASEWORKER:
      g_value_set_string (value, self->caseworker);
      break;

    case PROP_LEGAL_BASIS:
      g_value_set_enum (value, self->legal_basis);
      break;

    case PROP_FORM:
      g_value_set_enum (value, self->form);
      break;

    case PROP_START_DATE:
      g_value_set_uint (value, self->start_date);
      break;

    case PROP_ACUTE:
      g_value_set_boolean (value, self->acute);
      break;

    case PROP_PLANNED_END_DATE:
      g_value_set_uint (value, self->planned_end_date);
      break;

    case PROP_END_DATE:
      g_value_set_uint (value, self->end_date);
      break;

    case PROP_END_REASON:
      g_value_set_string (value, self->end_reason);
      break;

    case PROP_PLACED_IN_MUNICIPALITY:
      g_value_set_string (value, self->placed_in_municipality);
      break;

    case PROP_PLACED_IN_REGION:
      g_value_set_string (value, self->placed_in_region);
      break;

    case PROP_OTHER_REGION:
      g_value_set_boolean (value, self->other_region);
      break;

    case PROP_LVU_DECISION_DATE:
      g_value_set_uint (value, self->lvu_decision_date);
      break;

    case PROP_CUSTODY_CARRIED_OUT_DATE:
      g_value_set_uint (value, self->custody_carried_out_date);
      break;

    case PROP_INVESTIGATION_CLOSED_DATE:
      g_value_set_uint (value, self->investigation_closed_date);
      break;

    case PROP_RESTRICTION_DECIDED_DATE:
      g_value_set_uint (value, self->restriction_decided_date);
      break;

    case PROP_PREVIOUS_ID:
      g_value_set_int64 (value, self->previous_id);
      break;

    case PROP_PREVIOUS_REF:
      g_value_set_string (value, self->previous_ref);
      break;

    case PROP_HOME_REF:
      g_value_set_string (value, self->home_ref);
      break;

    case PROP_DISCHARGE_NOTICE_DATE:
      g_value_set_uint (value, self->discharge_notice_date);
      break;

    case PROP_TEMPORARY_MOVING_BAN_DATE:
      g_value_set_uint (value, self->temporary_moving_ban_date);
      break;

    case PROP_LVU_INTERNATIONAL:
      g_value_set_boolean (value, self->lvu_international);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_placement_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PlcPlacement *self = PLC_PLACEMENT (object);

  switch (prop_id)
    {
    case PROP_CHILD_ID:
      plc_placement_set_child_id (self, g_value_get_int64 (value));
      break;

    case PROP_CHILD_REF:
      plc_placement_set_child_ref (self, g_value_get_string (value));
      break;

    case PROP_PLACING_MUNICIPALITY:
      plc_placement_set_placing_municipality (self, g_value_get_string (value));
      break;

    case PROP_CASEWORKER:
      plc_placement_set_caseworker (self, g_value_get_string (value));
      break;

    case PROP_LEGAL_BASIS:
      plc_placement_set_legal_basis (self, g_value_get_enum (value));
      break;

    case PROP_FORM:
      plc_placement_set_form (self, g_value_get_enum (value));
      break;

    case PROP_START_DATE:
      plc_placement_set_start_date (self, g_value_get_uint (value));
      break;

    case PROP_ACUTE:
      plc_placement_set_acute (self, g_value_get_boolean (value));
      break;

    case PROP_PLANNED_END_DATE:
      plc_placement_set_planned_end_date (self, g_value_get_uint (value));
      break;

    case PROP_END_DATE:
      plc_placement_set_end_date (self, g_value_get_uint (value));
      break;

    case PROP_END_REASON:
      plc_placement_set_end_reason (self, g_value_get_string (value));
      break;

    case PROP_PLACED_IN_MUNICIPALITY:
      plc_placement_set_placed_in_municipality (self, g_value_get_string (value));
      break;

    case PROP_PLACED_IN_REGION:
      plc_placement_set_placed_in_region (self, g_value_get_string (value));
      break;

    case PROP_OTHER_REGION:
      plc_placement_set_other_region (self, g_value_get_boolean (value));
      break;

    case PROP_LVU_DECISION_DATE:
      plc_placement_set_lvu_decision_date (self, g_value_get_uint (value));
      break;

    case PROP_CUSTODY_CARRIED_OUT_DATE:
      plc_placement_set_custody_carried_out_date (self, g_value_get_uint (value));
      break;

    case PROP_INVESTIGATION_CLOSED_DATE:
      plc_placement_set_investigation_closed_date (self, g_value_get_uint (value));
      break;

    case PROP_RESTRICTION_DECIDED_DATE:
      plc_placement_set_restriction_decided_date (self, g_value_get_uint (value));
      break;

    case PROP_PREVIOUS_ID:
      plc_placement_set_previous_id (self, g_value_get_int64 (value));
      break;

    case PROP_PREVIOUS_REF:
      plc_placement_set_previous_ref (self, g_value_get_string (value));
      break;

    case PROP_HOME_REF:
      plc_placement_set_home_ref (self, g_value_get_string (value));
      break;

    case PROP_DISCHARGE_NOTICE_DATE:
      plc_placement_set_discharge_notice_date (self, g_value_get_uint (value));
      break;

    case PROP_TEMPORARY_MOVING_BAN_DATE:
      plc_placement_set_temporary_moving_ban_date (self, g_value_get_uint (value));
      break;

    case PROP_LVU_INTERNATIONAL:
      plc_placement_set_lvu_international (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void plc_placement_copy_fields (PlcRecord *record,
                                       PlcRecord *record_copy);

static void
plc_placement_class_init (PlcPlacementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PlcRecordClass *record_class = PLC_RECORD_CLASS (klass);

  object_class->finalize = plc_placement_finalize;
  object_class->get_property = plc_placement_get_property;
  object_class->set_property = plc_placement_set_property;

  record_class->record_type = PLC_RECORD_TYPE_PLACEMENT;
  record_class->copy_fields = plc_placement_copy_fields;

  /**
   * PlcPlacement:child-id:
   *
   * The id of the child placed.
   */
  properties [PROP_CHILD_ID] =
    g_param_spec_int64 ("child-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcPlacement:child-ref:
   *
   * The ref of the child placed (used in datasets).
   */
  properties [PROP_CHILD_REF] =
    g_param_spec_string ("child-ref", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcPlacement:placing-municipality:
   *
   * The code of the placing municipality (placerande kommun).
   */
  properties [PROP_PLACING_MUNICIPALITY] =
    g_param_spec_string ("placing-municipality", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcPlacement:caseworker:
   *
   * The responsible caseworker (handläggare).
   */
  properties [PROP_CASEWORKER] =
    g_param_spec_string ("caseworker", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcPlacement:legal-basis:
   *
   * The legal basis: SoL or LVU 2 §, 3 § or 6 §.
   */
  properties [PROP_LEGAL_BASIS] =
    g_param_spec_enum ("legal-basis", NULL, NULL,
                       PLC_TYPE_LEGAL_BASIS, PLC_LEGAL_BASIS_SOL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcPlacement:form:
   *
   * The form of placement (placeringsform).
   */
  properties [PROP_FORM] =
    g_param_spec_enum ("form", NULL, NULL,
                       PLC_TYPE_PLACEMENT_FORM, PLC_PLACEMENT_FORM_FAMILJEHEM,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcPlacement:start-date:
   *
   * The start date, a #PlcDate.
   */
  properties [PROP_START_DATE] =
    g_param_spec_uint ("start-date", NULL, NULL,
                       0, G_MAXUINT32, PLC_DATE_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcPlacement:acute:
   *
   * Whether the placement was acute rather than planned.
   */
  properties [PROP_ACUTE] =
    g_param_spec_boolean ("acute", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcPlacement:planned-end-date:
   *
   * The planned end date, or %PLC_DATE_NONE.
   */
  properties [PROP_PLANNED_END_DATE] =
    g_param_spec_uint ("planned-end-date", NULL, NULL,
                       0, G_MAXUINT32, PLC_DATE_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcPlacement:end-date:
   *
   * The end date, or %PLC_DATE_NONE while the placement goes on.
   */
  properties [PROP_END_DATE] =
    g_param_spec_uint ("end-date", NULL, NULL,
                       0, G_MAXUINT32, PLC_DATE_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcPlacement:end-reason:
   *
   * Why the placement ended, or %NULL.
   */
  properties [PROP_END_REASON] =
    g_param_spec_string ("end-reason", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcPlacement:placed-in-municipality:
   *
   * The code of the municipality the child is placed in, or %NULL.
   */
  properties [PROP_PLACED_IN_MUNICIPALITY] =
    g_param_spec_string ("placed-in-municipality", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcPlacement:placed-in-region:
   *
   * The county code of the region the child is placed in, or %NULL.
   */
  properties [PROP_PLACED_IN_REGION] =
    g_param_spec_string ("placed-in-region", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcPlacement:other-region:
   *
   * Whether the child is placed in a region other than the home region.
   */
  properties [PROP_OTHER_REGION] =
    g_param_spec_boolean ("other-region", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcPlacement:lvu-decision-date:
   *
   * For LVU 6 §: the date of the decision on immediate custody.
   */
  properties [PROP_LVU_DECISION_DATE] =
    g_param_spec_uint ("lvu-decision-date", NULL, NULL,
                       0, G_MAXUINT32, PLC_DATE_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcPlacement:custody-carried-out-date:
   *
   * For LVU 6 §: the date the immediate custody was carried out.
   */
  properties [PROP_CUSTODY_CARRIED_OUT_DATE] =
    g_param_spec_uint ("custody-carried-out-date", NULL, NULL,
                       0, G_MAXUINT32, PLC_DATE_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcPlacement:investigation-closed-date:
   *
   * The day the social services' investigation (utredning) was closed, or
   * %PLC_DATE_NONE.  A stay in an emergency home (jourhem) may last at most
   * two months after it (SoL 2025:400 22 kap. 4 §).
   */
  properties [PROP_INVESTIGATION_CLOSED_DATE] =
    g_param_spec_uint ("investigation-closed-date", NULL, NULL,
                       0, G_MAXUINT32, PLC_DATE_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcPlacement:restriction-decided-date:
   *
   * The day a restriction of contact or of the disclosure of the child's
   * whereabouts (LVU 14 §) or a moving ban (flyttningsförbud, LVU 24 §) was
   * decided, or %PLC_DATE_NONE when none is in force.  It must be
   * reconsidered at least every three months while it is in force.
   */
  properties [PROP_RESTRICTION_DECIDED_DATE] =
    g_param_spec_uint ("restriction-decided-date", NULL, NULL,
                       0, G_MAXUINT32, PLC_DATE_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcPlacement:previous-id:
   *
   * The id of the placement this one replaced (omplacering), or 0.
   */
  properties [PROP_PREVIOUS_ID] =
    g_param_spec_int64 ("previous-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcPlacement:previous-ref:
   *
   * The ref of the placement this one replaced, or %NULL.
   */
  properties [PROP_PREVIOUS_REF] =
    g_param_spec_string ("previous-ref", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcPlacement:home-ref:
   *
   * A reference to the foster home or unit the child lives in (a contact's
   * ref, or another reference the unit uses), or %NULL.  Placements with
   * the same home reference are in the same home: the two years in "the
   * same foster home" (SoL 2025:400 22 kap. 14 §, LVU 13 c §) count across
   * them.
   */
  properties [PROP_HOME_REF] =
    g_param_spec_string ("home-ref", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcPlacement:discharge-notice-date:
   *
   * The day social services received the notice from inpatient care
   * (inskrivningsmeddelande, lag (2017:612)) that the child is in hospital
   * and will need planning before discharge, or %PLC_DATE_NONE (Region
   * Stockholm's agreement 7.6).
   */
  properties [PROP_DISCHARGE_NOTICE_DATE] =
    g_param_spec_uint ("discharge-notice-date", NULL, NULL,
                       0, G_MAXUINT32, PLC_DATE_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcPlacement:temporary-moving-ban-date:
   *
   * The day the board decided a temporary moving ban (tillfälligt
   * flyttningsförbud, LVU 27 §), or %PLC_DATE_NONE: it goes to the court
   * within a week (LVU 28 §) and the application for a moving ban within
   * two weeks (LVU 29 §).
   */
  properties [PROP_TEMPORARY_MOVING_BAN_DATE] =
    g_param_spec_uint ("temporary-moving-ban-date", NULL, NULL,
                       0, G_MAXUINT32, PLC_DATE_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcPlacement:lvu-international:
   *
   * For LVU 6 §: Swedish courts cannot decide on care under LVU (an
   * international situation, LVU 6 § second paragraph), so that the board
   * applies for continued custody (LVU 9 a §) instead of care.
   */
  properties [PROP_LVU_INTERNATIONAL] =
    g_param_spec_boolean ("lvu-international", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plc_placement_init (PlcPlacement *self)
{
  self->legal_basis = PLC_LEGAL_BASIS_SOL;
  self->form = PLC_PLACEMENT_FORM_FAMILJEHEM;
}

/**
 * plc_placement_new:
 *
 * Creates an empty record that is not stored yet.
 *
 * Returns: (transfer full): a new #PlcPlacement
 */
PlcPlacement *
plc_placement_new (void)
{
  return g_object_new (PLC_TYPE_PLACEMENT, NULL);
}

static void
plc_placement_copy_fields (PlcRecord *record,
                           PlcRecord *record_copy)
{
  PlcPlacement *self = PLC_PLACEMENT (record);
  PlcPlacement *copy = PLC_PLACEMENT (record_copy);

  copy->child_id = self->child_id;
  copy->child_ref = g_strdup (self->child_ref);
  copy->placing_municipality = g_strdup (self->placing_municipality);
  copy->caseworker = g_strdup (self->caseworker);
  copy->legal_basis = self->legal_basis;
  copy->form = self->form;
  copy->start_date = self->start_date;
  copy->acute = self->acute;
  copy->planned_end_date = self->planned_end_date;
  copy->end_date = self->end_date;
  copy->end_reason = g_strdup (self->end_reason);
  copy->placed_in_municipality = g_strdup (self->placed_in_municipality);
  copy->placed_in_region = g_strdup (self->placed_in_region);
  copy->other_region = self->other_region;
  copy->lvu_decision_date = self->lvu_decision_date;
  copy->custody_carried_out_date = self->custody_carried_out_date;
  copy->investigation_closed_date = self->investigation_closed_date;
  copy->restriction_decided_date = self->restriction_decided_date;
  copy->previous_id = self->previous_id;
  copy->previous_ref = g_strdup (self->previous_ref);
  copy->home_ref = g_strdup (self->home_ref);
  copy->discharge_notice_date = self->discharge_notice_date;
  copy->temporary_moving_ban_date = self->temporary_moving_ban_date;
  copy->lvu_international = self->lvu_international;
}

/**
 * plc_placement_copy:
 * @self: a #PlcPlacement
 *
 * Makes a deep copy, as plc_record_copy() does.
 *
 * Returns: (transfer full): a new #PlcPlacement
 */
PlcPlacement *
plc_placement_copy (PlcPlacement *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT (self), NULL);

  return PLC_PLACEMENT (plc_record_copy (PLC_RECORD (self)));
}

gint64
plc_placement_get_child_id (PlcPlacement *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT (self), 0);

  return self->child_id;
}

void
plc_placement_set_child_id (PlcPlacement *self,
                            gint64        child_id)
{
  g_return_if_fail (PLC_IS_PLACEMENT (self));
  g_return_if_fail (child_id >= 0);

  if (self->child_id == child_id)
    return;

  self->child_id = child_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHILD_ID]);
}

const char *
plc_placement_get_child_ref (PlcPlacement *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT (self), NULL);

  return self->child_ref;
}

void
plc_placement_set_child_ref (PlcPlacement *self,
                             const char   *child_ref)
{
  g_return_if_fail (PLC_IS_PLACEMENT (self));

  if (_plc_set_string (&self->child_ref, child_ref))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHILD_REF]);
}

const char *
plc_placement_get_placing_municipality (PlcPlacement *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT (self), NULL);

  return self->placing_municipality;
}

void
plc_placement_set_placing_municipality (PlcPlacement *self,
                                        const char   *placing_municipality)
{
  g_return_if_fail (PLC_IS_PLACEMENT (self));

  if (_plc_set_string (&self->placing_municipality, placing_municipality))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLACING_MUNICIPALITY]);
}

const char *
plc_placement_get_caseworker (PlcPlacement *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT (self), NULL);

  return self->caseworker;
}

void
plc_placement_set_caseworker (PlcPlacement *self,
                              const char   *caseworker)
{
  g_return_if_fail (PLC_IS_PLACEMENT (self));

  if (_plc_set_string (&self->caseworker, caseworker))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CASEWORKER]);
}

PlcLegalBasis
plc_placement_get_legal_basis (PlcPlacement *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT (self), PLC_LEGAL_BASIS_SOL);

  return self->legal_basis;
}

void
plc_placement_set_legal_basis (PlcPlacement  *self,
                               PlcLegalBasis  legal_basis)
{
  g_return_if_fail (PLC_IS_PLACEMENT (self));
  g_return_if_fail (plc_legal_basis_to_string (legal_basis) != NULL);

  if (self->legal_basis == legal_basis)
    return;

  self->legal_basis = legal_basis;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LEGAL_BASIS]);
}

PlcPlacementForm
plc_placement_get_form (PlcPlacement *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT (self), PLC_PLACEMENT_FORM_FAMILJEHEM);

  return self->form;
}

void
plc_placement_set_form (PlcPlacement     *self,
                        PlcPlacementForm  form)
{
  g_return_if_fail (PLC_IS_PLACEMENT (self));
  g_return_if_fail (plc_placement_form_to_string (form) != NULL);

  if (self->form == form)
    return;

  self->form = form;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FORM]);
}

PlcDate
plc_placement_get_start_date (PlcPlacement *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT (self), PLC_DATE_NONE);

  return self->start_date;
}

void
plc_placement_set_start_date (PlcPlacement *self,
                              PlcDate       start_date)
{
  g_return_if_fail (PLC_IS_PLACEMENT (self));

  if (self->start_date == start_date)
    return;

  self->start_date = start_date;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_START_DATE]);
}

gboolean
plc_placement_get_acute (PlcPlacement *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT (self), FALSE);

  return self->acute;
}

void
plc_placement_set_acute (PlcPlacement *self,
                         gboolean      acute)
{
  g_return_if_fail (PLC_IS_PLACEMENT (self));

  acute = !!acute;

  if (self->acute == acute)
    return;

  self->acute = acute;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACUTE]);
}

PlcDate
plc_placement_get_planned_end_date (PlcPlacement *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT (self), PLC_DATE_NONE);

  return self->planned_end_date;
}

void
plc_placement_set_planned_end_date (PlcPlacement *self,
                                    PlcDate       planned_end_date)
{
  g_return_if_fail (PLC_IS_PLACEMENT (self));

  if (self->planned_end_date == planned_end_date)
    return;

  self->planned_end_date = planned_end_date;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLANNED_END_DATE]);
}

PlcDate
plc_placement_get_end_date (PlcPlacement *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT (self), PLC_DATE_NONE);

  return self->end_date;
}

void
plc_placement_set_end_date (PlcPlacement *self,
                            PlcDate       end_date)
{
  g_return_if_fail (PLC_IS_PLACEMENT (self));

  if (self->end_date == end_date)
    return;

  self->end_date = end_date;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_END_DATE]);
}

const char *
plc_placement_get_end_reason (PlcPlacement *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT (self), NULL);

  return self->end_reason;
}

void
plc_placement_set_end_reason (PlcPlacement *self,
                              const char   *end_reason)
{
  g_return_if_fail (PLC_IS_PLACEMENT (self));

  if (_plc_set_string (&self->end_reason, end_reason))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_END_REASON]);
}

const char *
plc_placement_get_placed_in_municipality (PlcPlacement *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT (self), NULL);

  return self->placed_in_municipality;
}

void
plc_placement_set_placed_in_municipality (PlcPlacement *self,
                                          const char   *placed_in_municipality)
{
  g_return_if_fail (PLC_IS_PLACEMENT (self));

  if (_plc_set_string (&self->placed_in_municipality, placed_in_municipality))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLACED_IN_MUNICIPALITY]);
}

const char *
plc_placement_get_placed_in_region (PlcPlacement *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT (self), NULL);

  return self->placed_in_region;
}

void
plc_placement_set_placed_in_region (PlcPlacement *self,
                                    const char   *placed_in_region)
{
  g_return_if_fail (PLC_IS_PLACEMENT (self));

  if (_plc_set_string (&self->placed_in_region, placed_in_region))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLACED_IN_REGION]);
}

gboolean
plc_placement_get_other_region (PlcPlacement *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT (self), FALSE);

  return self->other_region;
}

void
plc_placement_set_other_region (PlcPlacement *self,
                                gboolean      other_region)
{
  g_return_if_fail (PLC_IS_PLACEMENT (self));

  other_region = !!other_region;

  if (self->other_region == other_region)
    return;

  self->other_region = other_region;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OTHER_REGION]);
}

PlcDate
plc_placement_get_lvu_decision_date (PlcPlacement *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT (self), PLC_DATE_NONE);

  return self->lvu_decision_date;
}

void
plc_placement_set_lvu_decision_date (PlcPlacement *self,
                                     PlcDate       lvu_decision_date)
{
  g_return_if_fail (PLC_IS_PLACEMENT (self));

  if (self->lvu_decision_date == lvu_decision_date)
    return;

  self->lvu_decision_date = lvu_decision_date;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LVU_DECISION_DATE]);
}

PlcDate
plc_placement_get_custody_carried_out_date (PlcPlacement *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT (self), PLC_DATE_NONE);

  return self->custody_carried_out_date;
}

void
plc_placement_set_custody_carried_out_date (PlcPlacement *self,
                                            PlcDate       custody_carried_out_date)
{
  g_return_if_fail (PLC_IS_PLACEMENT (self));

  if (self->custody_carried_out_date == custody_carried_out_date)
    return;

  self->custody_carried_out_date = custody_carried_out_date;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CUSTODY_CARRIED_OUT_DATE]);
}

PlcDate
plc_placement_get_investigation_closed_date (PlcPlacement *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT (self), PLC_DATE_NONE);

  return self->investigation_closed_date;
}

void
plc_placement_set_investigation_closed_date (PlcPlacement *self,
                                             PlcDate       investigation_closed_date)
{
  g_return_if_fail (PLC_IS_PLACEMENT (self));

  if (self->investigation_closed_date == investigation_closed_date)
    return;

  self->investigation_closed_date = investigation_closed_date;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_INVESTIGATION_CLOSED_DATE]);
}

PlcDate
plc_placement_get_restriction_decided_date (PlcPlacement *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT (self), PLC_DATE_NONE);

  return self->restriction_decided_date;
}

void
plc_placement_set_restriction_decided_date (PlcPlacement *self,
                                            PlcDate       restriction_decided_date)
{
  g_return_if_fail (PLC_IS_PLACEMENT (self));

  if (self->restriction_decided_date == restriction_decided_date)
    return;

  self->restriction_decided_date = restriction_decided_date;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RESTRICTION_DECIDED_DATE]);
}

gint64
plc_placement_get_previous_id (PlcPlacement *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT (self), 0);

  return self->previous_id;
}

void
plc_placement_set_previous_id (PlcPlacement *self,
                               gint64        previous_id)
{
  g_return_if_fail (PLC_IS_PLACEMENT (self));
  g_return_if_fail (previous_id >= 0);

  if (self->previous_id == previous_id)
    return;

  self->previous_id = previous_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PREVIOUS_ID]);
}

const char *
plc_placement_get_previous_ref (PlcPlacement *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT (self), NULL);

  return self->previous_ref;
}

void
plc_placement_set_previous_ref (PlcPlacement *self,
                                const char   *previous_ref)
{
  g_return_if_fail (PLC_IS_PLACEMENT (self));

  if (_plc_set_string (&self->previous_ref, previous_ref))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PREVIOUS_REF]);
}

const char *
plc_placement_get_home_ref (PlcPlacement *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT (self), NULL);

  return self->home_ref;
}

void
plc_placement_set_home_ref (PlcPlacement *self,
                            const char   *home_ref)
{
  g_return_if_fail (PLC_IS_PLACEMENT (self));

  if (_plc_set_string (&self->home_ref, home_ref))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HOME_REF]);
}

PlcDate
plc_placement_get_discharge_notice_date (PlcPlacement *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT (self), PLC_DATE_NONE);

  return self->discharge_notice_date;
}

void
plc_placement_set_discharge_notice_date (PlcPlacement *self,
                                         PlcDate       discharge_notice_date)
{
  g_return_if_fail (PLC_IS_PLACEMENT (self));

  if (self->discharge_notice_date == discharge_notice_date)
    return;

  self->discharge_notice_date = discharge_notice_date;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DISCHARGE_NOTICE_DATE]);
}

PlcDate
plc_placement_get_temporary_moving_ban_date (PlcPlacement *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT (self), PLC_DATE_NONE);

  return self->temporary_moving_ban_date;
}

void
plc_placement_set_temporary_moving_ban_date (PlcPlacement *self,
                                             PlcDate       temporary_moving_ban_date)
{
  g_return_if_fail (PLC_IS_PLACEMENT (self));

  if (self->temporary_moving_ban_date == temporary_moving_ban_date)
    return;

  self->temporary_moving_ban_date = temporary_moving_ban_date;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEMPORARY_MOVING_BAN_DATE]);
}

gboolean
plc_placement_get_lvu_international (PlcPlacement *self)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT (self), FALSE);

  return self->lvu_international;
}

void
plc_placement_set_lvu_international (PlcPlacement *self,
                                     gboolean      lvu_international)
{
  g_return_if_fail (PLC_IS_PLACEMENT (self));

  lvu_international = !!lvu_international;

  if (self->lvu_international == lvu_international)
    return;

  self->lvu_international = lvu_international;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LVU_INTERNATIONAL]);
}

/* The region of the home municipality of @child, or NULL if unknown. */
static const PlcRegion *
home_region (PlcChild *child)
{
  const char *code = plc_child_get_home_municipality (child);
  const PlcMunicipality *municipality = code != NULL ? plc_municipality_get (code) : NULL;

  return municipality != NULL ? plc_region_for_municipality (municipality) : NULL;
}

/* The region the child is placed in: #PlcPlacement:placed-in-region, or
 * else the region of #PlcPlacement:placed-in-municipality; NULL if
 * neither is set and known. */
static const PlcRegion *
placed_region (PlcPlacement *self)
{
  if (self->placed_in_region != NULL)
    return plc_region_get (self->placed_in_region);

  if (self->placed_in_municipality != NULL)
    {
      const PlcMunicipality *municipality = plc_municipality_get (self->placed_in_municipality);

      if (municipality != NULL)
        return plc_region_for_municipality (municipality);
    }

  return NULL;
}

/**
 * plc_placement_update_other_region:
 * @self: a #PlcPlacement
 * @child: the child placed
 *
 * Sets #PlcPlacement:other-region to whether the region the child is
 * placed in (#PlcPlacement:placed-in-region, or else the region of
 * #PlcPlacement:placed-in-municipality) differs from the child's home
 * region (the region of its home municipality). When either region is not
 * known, the flag is left as it is: the user may know better.
 */
void
plc_placement_update_other_region (PlcPlacement *self,
                                   PlcChild     *child)
{
  const PlcRegion *home;
  const PlcRegion *placed;

  g_return_if_fail (PLC_IS_PLACEMENT (self));
  g_return_if_fail (PLC_IS_CHILD (child));

  home = home_region (child);
  placed = placed_region (self);

  if (home != NULL && placed != NULL)
    plc_placement_set_other_region (self, home != placed);
}

static gboolean
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID, message);
  return FALSE;
}

/**
 * plc_placement_validate:
 * @self: a #PlcPlacement
 * @child: (nullable): the child placed, or %NULL to skip the rules that
 *   need the child (age and home region)
 * @error: return location for a #GError
 *
 * Checks that the placement can be stored:
 *
 *  - the start date is set, and the end date and the planned end date, when
 *    set, are not before it;
 *  - the placing municipality is a known municipality code, and so is the
 *    municipality placed in; the region placed in is a known county code
 *    and, with a municipality placed in, that municipality's region;
 *  - LVU 3 § only for a young person under 21 at the start;
 *  - stödboende only for ages 16 to 20 at the start;
 *  - the child is 0 to 20 years old at the start;
 *  - LVU 6 § needs the decision date and the date the custody was carried
 *    out, which is not before the decision;
 *  - the day the investigation was closed and the day a restriction was
 *    decided, when set, are not before the child's birth date, and the day
 *    a restriction was decided is not after the end date (an investigation
 *    may well be closed after the child has left, or before a placement
 *    that replaced another one started, and a restriction may carry over
 *    from the placement this one replaced: neither is tied to the start);
 *  - the day a temporary moving ban was decided and the day the notice
 *    from inpatient care came in, when set, are not before the child's
 *    birth date;
 *  - if the region placed in differs from the child's home region,
 *    #PlcPlacement:other-region is set.
 *
 * On failure @error is set to %PLC_ERROR_INVALID with a translated message
 * that starts with the field's label.
 *
 * No reference of the record (its own and those to other records) may
 * hold a personal identity number (plc_ref_validate()).
 *
 * Returns: %TRUE if the placement is valid
 */
gboolean
plc_placement_validate (PlcPlacement  *self,
                        PlcChild      *child,
                        GError       **error)
{
  const PlcMunicipality *placed_municipality = NULL;
  const PlcRegion *region = NULL;

  g_return_val_if_fail (PLC_IS_PLACEMENT (self), FALSE);
  g_return_val_if_fail (child == NULL || PLC_IS_CHILD (child), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!plc_ref_validate (_("Reference"), plc_record_get_ref (PLC_RECORD (self)), error) ||
      !plc_ref_validate (_("Child"), self->child_ref, error) ||
      !plc_ref_validate (_("Previous placement"), self->previous_ref, error) ||
      !plc_ref_validate (_("Home"), self->home_ref, error))
    return FALSE;

  if (self->start_date == PLC_DATE_NONE)
    return set_invalid (error, _("Start date: must be set"));

  if (self->end_date != PLC_DATE_NONE && self->end_date < self->start_date)
    return set_invalid (error, _("End date: must not be before the start date"));

  if (self->planned_end_date != PLC_DATE_NONE && self->planned_end_date < self->start_date)
    return set_invalid (error, _("Planned end date: must not be before the start date"));

  if (self->placing_municipality == NULL)
    return set_invalid (error, _("Placing municipality: must be set"));

  if (plc_municipality_get (self->placing_municipality) == NULL)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: %s is what the field holds */
                   _("Placing municipality: “%s” is not a known municipality code"),
                   self->placing_municipality);
      return FALSE;
    }

  if (self->placed_in_municipality != NULL)
    {
      placed_municipality = plc_municipality_get (self->placed_in_municipality);

      if (placed_municipality == NULL)
        {
          g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                       /* Translators: %s is what the field holds */
                       _("Municipality placed in: “%s” is not a known municipality code"),
                       self->placed_in_municipality);
          return FALSE;
        }
    }

  if (self->placed_in_region != NULL)
    {
      region = plc_region_get (self->placed_in_region);

      if (region == NULL)
        {
          g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                       /* Translators: %s is what the field holds */
                       _("Region placed in: “%s” is not a known county code"),
                       self->placed_in_region);
          return FALSE;
        }

      if (placed_municipality != NULL && plc_region_for_municipality (placed_municipality) != region)
        return set_invalid (error, _("Region placed in: is not the region of the municipality placed in"));
    }

  if (child != NULL && plc_child_get_birth_date (child) != PLC_DATE_NONE)
    {
      PlcDate birth_date = plc_child_get_birth_date (child);
      int age = plc_date_age_on (birth_date, self->start_date);

      if (age < 0)
        return set_invalid (error, _("Start date: must not be before the child’s birth date"));

      if (self->legal_basis == PLC_LEGAL_BASIS_LVU3 && age > 20)
        return set_invalid (error, _("Legal basis: LVU 3 § applies only to young people under 21"));

      if (self->form == PLC_PLACEMENT_FORM_STODBOENDE && (age < 16 || age > 20))
        return set_invalid (error, _("Form of placement: supported housing is only for young people aged 16 to 20"));

      if (age > 20)
        return set_invalid (error, _("Start date: the child must be under 21 when the placement starts"));
    }

  if (self->legal_basis == PLC_LEGAL_BASIS_LVU6)
    {
      if (self->lvu_decision_date == PLC_DATE_NONE)
        return set_invalid (error, _("Decision date: must be set for immediate custody under LVU 6 §"));

      if (self->custody_carried_out_date == PLC_DATE_NONE)
        return set_invalid (error, _("Custody carried out: must be set for immediate custody under LVU 6 §"));

      if (self->custody_carried_out_date < self->lvu_decision_date)
        return set_invalid (error, _("Custody carried out: must not be before the decision date"));
    }

  if (child != NULL && plc_child_get_birth_date (child) != PLC_DATE_NONE)
    {
      PlcDate birth_date = plc_child_get_birth_date (child);

      if (self->investigation_closed_date != PLC_DATE_NONE && self->investigation_closed_date < birth_date)
        return set_invalid (error, _("Investigation closed: must not be before the child’s birth date"));

      if (self->restriction_decided_date != PLC_DATE_NONE && self->restriction_decided_date < birth_date)
        return set_invalid (error, _("Restriction decided: must not be before the child’s birth date"));

      if (self->temporary_moving_ban_date != PLC_DATE_NONE && self->temporary_moving_ban_date < birth_date)
        return set_invalid (error, _("Temporary moving ban decided: must not be before the child’s birth date"));

      if (self->discharge_notice_date != PLC_DATE_NONE && self->discharge_notice_date < birth_date)
        return set_invalid (error, _("Notice from inpatient care: must not be before the child’s birth date"));
    }

  if (self->restriction_decided_date != PLC_DATE_NONE && self->end_date != PLC_DATE_NONE &&
      self->restriction_decided_date > self->end_date)
    return set_invalid (error, _("Restriction decided: must not be after the end date"));

  if (child != NULL && !self->other_region)
    {
      const PlcRegion *home = home_region (child);
      const PlcRegion *placed = placed_region (self);

      if (home != NULL && placed != NULL && home != placed)
        return set_invalid (error, _("Other region: must be set, because the child is placed outside the home region"));
    }

  return TRUE;
}

/**
 * plc_placement_is_active:
 * @self: a #PlcPlacement
 * @on: a date
 *
 * A placement is active from its start date up to and including its end
 * date (the last day in care), or for good while it has none. A deleted
 * placement is never active.
 *
 * Returns: %TRUE if the placement is active on @on
 */
gboolean
plc_placement_is_active (PlcPlacement *self,
                         PlcDate       on)
{
  g_return_val_if_fail (PLC_IS_PLACEMENT (self), FALSE);

  if (plc_record_get_deleted (PLC_RECORD (self)) || self->start_date == PLC_DATE_NONE || on == PLC_DATE_NONE)
    return FALSE;

  return self->start_date <= on &&
         (self->end_date == PLC_DATE_NONE || on <= self->end_date);
}
