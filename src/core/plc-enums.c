/* plc-enums.c: the model's enumerations and their interchange ids
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-enums"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-enums.h"
#include "plc-model-private.h"

/* The nicks are the interchange ids: never change one that has shipped. */

G_DEFINE_ENUM_TYPE (PlcLegalGender, plc_legal_gender,
  G_DEFINE_ENUM_VALUE (PLC_LEGAL_GENDER_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (PLC_LEGAL_GENDER_FEMALE, "female"),
  G_DEFINE_ENUM_VALUE (PLC_LEGAL_GENDER_MALE, "male"))

G_DEFINE_ENUM_TYPE (PlcLegalBasis, plc_legal_basis,
  G_DEFINE_ENUM_VALUE (PLC_LEGAL_BASIS_SOL, "SoL"),
  G_DEFINE_ENUM_VALUE (PLC_LEGAL_BASIS_LVU2, "LVU2"),
  G_DEFINE_ENUM_VALUE (PLC_LEGAL_BASIS_LVU3, "LVU3"),
  G_DEFINE_ENUM_VALUE (PLC_LEGAL_BASIS_LVU6, "LVU6"))

G_DEFINE_ENUM_TYPE (PlcPlacementForm, plc_placement_form,
  G_DEFINE_ENUM_VALUE (PLC_PLACEMENT_FORM_FAMILJEHEM, "familjehem"),
  G_DEFINE_ENUM_VALUE (PLC_PLACEMENT_FORM_NATVERKSHEM, "natverkshem"),
  G_DEFINE_ENUM_VALUE (PLC_PLACEMENT_FORM_JOURHEM, "jourhem"),
  G_DEFINE_ENUM_VALUE (PLC_PLACEMENT_FORM_HVB, "hvb"),
  G_DEFINE_ENUM_VALUE (PLC_PLACEMENT_FORM_STODBOENDE, "stodboende"),
  G_DEFINE_ENUM_VALUE (PLC_PLACEMENT_FORM_SIS, "sis"))

G_DEFINE_ENUM_TYPE (PlcParty, plc_party,
  G_DEFINE_ENUM_VALUE (PLC_PARTY_MUNICIPALITY, "municipality"),
  G_DEFINE_ENUM_VALUE (PLC_PARTY_REGION, "region"),
  G_DEFINE_ENUM_VALUE (PLC_PARTY_BOTH, "both"),
  G_DEFINE_ENUM_VALUE (PLC_PARTY_BOARD, "board"),
  G_DEFINE_ENUM_VALUE (PLC_PARTY_COURT, "court"))

G_DEFINE_ENUM_TYPE (PlcStepState, plc_step_state,
  G_DEFINE_ENUM_VALUE (PLC_STEP_STATE_OPEN, "open"),
  G_DEFINE_ENUM_VALUE (PLC_STEP_STATE_DONE, "done"),
  G_DEFINE_ENUM_VALUE (PLC_STEP_STATE_NOT_NEEDED, "not-needed"))

G_DEFINE_ENUM_TYPE (PlcOffsetUnit, plc_offset_unit,
  G_DEFINE_ENUM_VALUE (PLC_OFFSET_UNIT_DAYS, "days"),
  G_DEFINE_ENUM_VALUE (PLC_OFFSET_UNIT_WEEKS, "weeks"),
  G_DEFINE_ENUM_VALUE (PLC_OFFSET_UNIT_MONTHS, "months"),
  G_DEFINE_ENUM_VALUE (PLC_OFFSET_UNIT_YEARS, "years"))

G_DEFINE_ENUM_TYPE (PlcObligationState, plc_obligation_state,
  G_DEFINE_ENUM_VALUE (PLC_OBLIGATION_STATE_OPEN, "open"),
  G_DEFINE_ENUM_VALUE (PLC_OBLIGATION_STATE_OVERDUE, "overdue"),
  G_DEFINE_ENUM_VALUE (PLC_OBLIGATION_STATE_DONE, "done"),
  G_DEFINE_ENUM_VALUE (PLC_OBLIGATION_STATE_NOT_NEEDED, "not-needed"),
  G_DEFINE_ENUM_VALUE (PLC_OBLIGATION_STATE_NO_LONGER_REQUIRED, "no-longer-required"))

G_DEFINE_ENUM_TYPE (PlcContactRole, plc_contact_role,
  G_DEFINE_ENUM_VALUE (PLC_CONTACT_ROLE_GUARDIAN, "guardian"),
  G_DEFINE_ENUM_VALUE (PLC_CONTACT_ROLE_FOSTER_HOME, "foster-home"),
  G_DEFINE_ENUM_VALUE (PLC_CONTACT_ROLE_EMERGENCY_HOME, "emergency-home"),
  G_DEFINE_ENUM_VALUE (PLC_CONTACT_ROLE_HVB, "hvb"),
  G_DEFINE_ENUM_VALUE (PLC_CONTACT_ROLE_SCHOOL, "school"),
  G_DEFINE_ENUM_VALUE (PLC_CONTACT_ROLE_BVC, "bvc"),
  G_DEFINE_ENUM_VALUE (PLC_CONTACT_ROLE_PRIMARY_CARE, "primary-care"),
  G_DEFINE_ENUM_VALUE (PLC_CONTACT_ROLE_BUP, "bup"),
  G_DEFINE_ENUM_VALUE (PLC_CONTACT_ROLE_BUM, "bum"),
  G_DEFINE_ENUM_VALUE (PLC_CONTACT_ROLE_HABILITATION, "habilitation"),
  G_DEFINE_ENUM_VALUE (PLC_CONTACT_ROLE_DENTAL, "dental"),
  G_DEFINE_ENUM_VALUE (PLC_CONTACT_ROLE_YOUTH_CLINIC, "youth-clinic"),
  G_DEFINE_ENUM_VALUE (PLC_CONTACT_ROLE_CARE_CONTACT, "care-contact"),
  G_DEFINE_ENUM_VALUE (PLC_CONTACT_ROLE_RESOURCE_COORDINATOR, "resource-coordinator"),
  G_DEFINE_ENUM_VALUE (PLC_CONTACT_ROLE_GOD_MAN, "god-man"),
  G_DEFINE_ENUM_VALUE (PLC_CONTACT_ROLE_PUBLIC_COUNSEL, "public-counsel"),
  G_DEFINE_ENUM_VALUE (PLC_CONTACT_ROLE_DEVIATION_OFFICER, "deviation-officer"),
  G_DEFINE_ENUM_VALUE (PLC_CONTACT_ROLE_OTHER, "other"))

G_DEFINE_ENUM_TYPE (PlcContactLogKind, plc_contact_log_kind,
  G_DEFINE_ENUM_VALUE (PLC_CONTACT_LOG_KIND_CALL, "call"),
  G_DEFINE_ENUM_VALUE (PLC_CONTACT_LOG_KIND_MEETING, "meeting"),
  G_DEFINE_ENUM_VALUE (PLC_CONTACT_LOG_KIND_LETTER, "letter"),
  G_DEFINE_ENUM_VALUE (PLC_CONTACT_LOG_KIND_EMAIL, "email"),
  G_DEFINE_ENUM_VALUE (PLC_CONTACT_LOG_KIND_OTHER, "other"))

G_DEFINE_ENUM_TYPE (PlcDeviationDirection, plc_deviation_direction,
  G_DEFINE_ENUM_VALUE (PLC_DEVIATION_DIRECTION_MUNICIPALITY_TO_REGION, "municipality-to-region"),
  G_DEFINE_ENUM_VALUE (PLC_DEVIATION_DIRECTION_REGION_TO_MUNICIPALITY, "region-to-municipality"))

G_DEFINE_ENUM_TYPE (PlcDeviationStatus, plc_deviation_status,
  G_DEFINE_ENUM_VALUE (PLC_DEVIATION_STATUS_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (PLC_DEVIATION_STATUS_REPORTED, "reported"),
  G_DEFINE_ENUM_VALUE (PLC_DEVIATION_STATUS_UNDER_INVESTIGATION, "under-investigation"),
  G_DEFINE_ENUM_VALUE (PLC_DEVIATION_STATUS_RESOLVED, "resolved"),
  G_DEFINE_ENUM_VALUE (PLC_DEVIATION_STATUS_ESCALATED, "escalated"))

G_DEFINE_ENUM_TYPE (PlcDeviationCategory, plc_deviation_category,
  G_DEFINE_ENUM_VALUE (PLC_DEVIATION_CATEGORY_HEALTH_EXAMINATION, "health-examination"),
  G_DEFINE_ENUM_VALUE (PLC_DEVIATION_CATEGORY_SIP, "sip"),
  G_DEFINE_ENUM_VALUE (PLC_DEVIATION_CATEGORY_REFERRAL, "referral"),
  G_DEFINE_ENUM_VALUE (PLC_DEVIATION_CATEGORY_INFORMATION, "information"),
  G_DEFINE_ENUM_VALUE (PLC_DEVIATION_CATEGORY_COST_RESPONSIBILITY, "cost-responsibility"),
  G_DEFINE_ENUM_VALUE (PLC_DEVIATION_CATEGORY_CARE_PLANNING, "care-planning"),
  G_DEFINE_ENUM_VALUE (PLC_DEVIATION_CATEGORY_DISCHARGE, "discharge"),
  G_DEFINE_ENUM_VALUE (PLC_DEVIATION_CATEGORY_ACCESS_TO_CARE, "access-to-care"),
  G_DEFINE_ENUM_VALUE (PLC_DEVIATION_CATEGORY_OTHER, "other"))

/* The nick of @value, or NULL if @value is not one of @type's values. The
 * class of a static enum type is never finalized, so the nick outlives the
 * reference taken here. */
const char *
_plc_enum_to_string (GType type,
                     int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  g_type_class_unref (klass);

  return enum_value != NULL ? enum_value->value_nick : NULL;
}

/* Looks @text up among @type's nicks, exactly (case and all). */
gboolean
_plc_enum_from_string (GType       type,
                       const char *text,
                       int        *out)
{
  GEnumClass *klass;
  GEnumValue *enum_value;

  if (text == NULL)
    return FALSE;

  klass = g_type_class_ref (type);
  enum_value = g_enum_get_value_by_nick (klass, text);
  g_type_class_unref (klass);

  if (enum_value == NULL)
    return FALSE;

  if (out != NULL)
    *out = enum_value->value;

  return TRUE;
}

#define DEFINE_STRING_FUNCS(TypeName, type_name, TYPE)                  \
  const char *                                                          \
  type_name##_to_string (TypeName value)                                \
  {                                                                     \
    return _plc_enum_to_string (TYPE, (int) value);                     \
  }                                                                     \
                                                                        \
  gboolean                                                              \
  type_name##_from_string (const char *text,                            \
                           TypeName   *out)                             \
  {                                                                     \
    int value;                                                          \
                                                                        \
    if (!_plc_enum_from_string (TYPE, text, &value))                    \
      return FALSE;                                                     \
                                                                        \
    if (out != NULL)                                                    \
      *out = (TypeName) value;                                          \
                                                                        \
    return TRUE;                                                        \
  }

/*
 * plc_*_to_string() returns the interchange id of a value (static
 * string), or NULL for a value that is not in the enumeration.
 * plc_*_from_string() accepts exactly an interchange id and otherwise
 * returns FALSE, leaving *out alone.
 */
DEFINE_STRING_FUNCS (PlcLegalGender, plc_legal_gender, PLC_TYPE_LEGAL_GENDER)
DEFINE_STRING_FUNCS (PlcLegalBasis, plc_legal_basis, PLC_TYPE_LEGAL_BASIS)
DEFINE_STRING_FUNCS (PlcPlacementForm, plc_placement_form, PLC_TYPE_PLACEMENT_FORM)
DEFINE_STRING_FUNCS (PlcParty, plc_party, PLC_TYPE_PARTY)
DEFINE_STRING_FUNCS (PlcStepState, plc_step_state, PLC_TYPE_STEP_STATE)
DEFINE_STRING_FUNCS (PlcOffsetUnit, plc_offset_unit, PLC_TYPE_OFFSET_UNIT)
DEFINE_STRING_FUNCS (PlcObligationState, plc_obligation_state, PLC_TYPE_OBLIGATION_STATE)
DEFINE_STRING_FUNCS (PlcContactRole, plc_contact_role, PLC_TYPE_CONTACT_ROLE)
DEFINE_STRING_FUNCS (PlcContactLogKind, plc_contact_log_kind, PLC_TYPE_CONTACT_LOG_KIND)
DEFINE_STRING_FUNCS (PlcDeviationDirection, plc_deviation_direction, PLC_TYPE_DEVIATION_DIRECTION)
DEFINE_STRING_FUNCS (PlcDeviationStatus, plc_deviation_status, PLC_TYPE_DEVIATION_STATUS)
DEFINE_STRING_FUNCS (PlcDeviationCategory, plc_deviation_category, PLC_TYPE_DEVIATION_CATEGORY)

/*
 * plc_*_get_display_name() returns the translated name to show a user,
 * or NULL for a value that is not in the enumeration.
 */

const char *
plc_legal_gender_get_display_name (PlcLegalGender value)
{
  switch (value)
    {
    case PLC_LEGAL_GENDER_UNKNOWN:
      return C_("legal gender", "Unknown");
    case PLC_LEGAL_GENDER_FEMALE:
      return C_("legal gender", "Female");
    case PLC_LEGAL_GENDER_MALE:
      return C_("legal gender", "Male");
    default:
      return NULL;
    }
}

const char *
plc_legal_basis_get_display_name (PlcLegalBasis value)
{
  switch (value)
    {
    case PLC_LEGAL_BASIS_SOL:
      /* Translators: voluntary care under socialtjänstlagen; an abbreviation used as it is */
      return _("SoL");
    case PLC_LEGAL_BASIS_LVU2:
      /* Translators: a section of LVU, the care of young persons act */
      return _("LVU 2 §");
    case PLC_LEGAL_BASIS_LVU3:
      /* Translators: a section of LVU, the care of young persons act */
      return _("LVU 3 §");
    case PLC_LEGAL_BASIS_LVU6:
      /* Translators: a section of LVU, the care of young persons act (immediate custody) */
      return _("LVU 6 §");
    default:
      return NULL;
    }
}

const char *
plc_placement_form_get_display_name (PlcPlacementForm value)
{
  switch (value)
    {
    case PLC_PLACEMENT_FORM_FAMILJEHEM:
      return C_("placement form", "Foster home");
    case PLC_PLACEMENT_FORM_NATVERKSHEM:
      return C_("placement form", "Network foster home");
    case PLC_PLACEMENT_FORM_JOURHEM:
      return C_("placement form", "Emergency home");
    case PLC_PLACEMENT_FORM_HVB:
      return C_("placement form", "Residential home (HVB)");
    case PLC_PLACEMENT_FORM_STODBOENDE:
      return C_("placement form", "Supported housing");
    case PLC_PLACEMENT_FORM_SIS:
      return C_("placement form", "State youth home (SiS)");
    default:
      return NULL;
    }
}

const char *
plc_party_get_display_name (PlcParty value)
{
  switch (value)
    {
    case PLC_PARTY_MUNICIPALITY:
      return C_("party", "Municipality");
    case PLC_PARTY_REGION:
      return C_("party", "Region");
    case PLC_PARTY_BOTH:
      return C_("party", "Municipality and region");
    case PLC_PARTY_BOARD:
      return C_("party", "Social welfare board");
    case PLC_PARTY_COURT:
      return C_("party", "Administrative court");
    default:
      return NULL;
    }
}

const char *
plc_step_state_get_display_name (PlcStepState value)
{
  switch (value)
    {
    case PLC_STEP_STATE_OPEN:
      return C_("step state", "Open");
    case PLC_STEP_STATE_DONE:
      return C_("step state", "Done");
    case PLC_STEP_STATE_NOT_NEEDED:
      return C_("step state", "Not needed");
    default:
      return NULL;
    }
}

const char *
plc_obligation_state_get_display_name (PlcObligationState value)
{
  switch (value)
    {
    case PLC_OBLIGATION_STATE_OPEN:
      return C_("obligation state", "Open");
    case PLC_OBLIGATION_STATE_OVERDUE:
      return C_("obligation state", "Overdue");
    case PLC_OBLIGATION_STATE_DONE:
      return C_("obligation state", "Done");
    case PLC_OBLIGATION_STATE_NOT_NEEDED:
      return C_("obligation state", "Not needed");
    case PLC_OBLIGATION_STATE_NO_LONGER_REQUIRED:
      return C_("obligation state", "No longer required");
    default:
      return NULL;
    }
}

const char *
plc_contact_role_get_display_name (PlcContactRole value)
{
  switch (value)
    {
    case PLC_CONTACT_ROLE_GUARDIAN:
      return C_("contact role", "Guardian");
    case PLC_CONTACT_ROLE_FOSTER_HOME:
      return C_("contact role", "Foster home");
    case PLC_CONTACT_ROLE_EMERGENCY_HOME:
      return C_("contact role", "Emergency home");
    case PLC_CONTACT_ROLE_HVB:
      return C_("contact role", "Residential home (HVB)");
    case PLC_CONTACT_ROLE_SCHOOL:
      return C_("contact role", "School and pupil health");
    case PLC_CONTACT_ROLE_BVC:
      return C_("contact role", "Child health centre (BVC)");
    case PLC_CONTACT_ROLE_PRIMARY_CARE:
      return C_("contact role", "Primary care centre");
    case PLC_CONTACT_ROLE_BUP:
      return C_("contact role", "Child and adolescent psychiatry (BUP)");
    case PLC_CONTACT_ROLE_BUM:
      return C_("contact role", "Paediatrics (BUM)");
    case PLC_CONTACT_ROLE_HABILITATION:
      return C_("contact role", "Habilitation");
    case PLC_CONTACT_ROLE_DENTAL:
      return C_("contact role", "Dental care");
    case PLC_CONTACT_ROLE_YOUTH_CLINIC:
      return C_("contact role", "Youth clinic");
    case PLC_CONTACT_ROLE_CARE_CONTACT:
      return C_("contact role", "Named care contact");
    case PLC_CONTACT_ROLE_RESOURCE_COORDINATOR:
      return C_("contact role", "Resource group coordinator");
    case PLC_CONTACT_ROLE_GOD_MAN:
      /* Translators: the legal representative of an unaccompanied child, "god man" in Swedish */
      return C_("contact role", "Legal representative (god man)");
    case PLC_CONTACT_ROLE_PUBLIC_COUNSEL:
      return C_("contact role", "Public counsel");
    case PLC_CONTACT_ROLE_DEVIATION_OFFICER:
      /* Translators: who handles deviation reports: MAS, SAS or the Synergi handler */
      return C_("contact role", "Deviation officer (MAS, SAS, Synergi)");
    case PLC_CONTACT_ROLE_OTHER:
      return C_("contact role", "Other");
    default:
      return NULL;
    }
}

const char *
plc_contact_log_kind_get_display_name (PlcContactLogKind value)
{
  switch (value)
    {
    case PLC_CONTACT_LOG_KIND_CALL:
      return C_("contact log kind", "Call");
    case PLC_CONTACT_LOG_KIND_MEETING:
      return C_("contact log kind", "Meeting");
    case PLC_CONTACT_LOG_KIND_LETTER:
      return C_("contact log kind", "Letter");
    case PLC_CONTACT_LOG_KIND_EMAIL:
      return C_("contact log kind", "Email");
    case PLC_CONTACT_LOG_KIND_OTHER:
      return C_("contact log kind", "Other");
    default:
      return NULL;
    }
}

const char *
plc_deviation_direction_get_display_name (PlcDeviationDirection value)
{
  switch (value)
    {
    case PLC_DEVIATION_DIRECTION_MUNICIPALITY_TO_REGION:
      return C_("deviation direction", "Municipality to region");
    case PLC_DEVIATION_DIRECTION_REGION_TO_MUNICIPALITY:
      return C_("deviation direction", "Region to municipality");
    default:
      return NULL;
    }
}

const char *
plc_deviation_status_get_display_name (PlcDeviationStatus value)
{
  switch (value)
    {
    case PLC_DEVIATION_STATUS_DRAFT:
      return C_("deviation status", "Draft");
    case PLC_DEVIATION_STATUS_REPORTED:
      return C_("deviation status", "Reported");
    case PLC_DEVIATION_STATUS_UNDER_INVESTIGATION:
      return C_("deviation status", "Under investigation");
    case PLC_DEVIATION_STATUS_RESOLVED:
      return C_("deviation status", "Resolved");
    case PLC_DEVIATION_STATUS_ESCALATED:
      return C_("deviation status", "Escalated");
    default:
      return NULL;
    }
}

const char *
plc_deviation_category_get_display_name (PlcDeviationCategory value)
{
  switch (value)
    {
    case PLC_DEVIATION_CATEGORY_HEALTH_EXAMINATION:
      return C_("deviation category", "Health examination");
    case PLC_DEVIATION_CATEGORY_SIP:
      return C_("deviation category", "Coordinated individual plan (SIP)");
    case PLC_DEVIATION_CATEGORY_REFERRAL:
      return C_("deviation category", "Referral");
    case PLC_DEVIATION_CATEGORY_INFORMATION:
      return C_("deviation category", "Information transfer");
    case PLC_DEVIATION_CATEGORY_COST_RESPONSIBILITY:
      return C_("deviation category", "Cost responsibility");
    case PLC_DEVIATION_CATEGORY_CARE_PLANNING:
      return C_("deviation category", "Care planning");
    case PLC_DEVIATION_CATEGORY_DISCHARGE:
      return C_("deviation category", "Discharge");
    case PLC_DEVIATION_CATEGORY_ACCESS_TO_CARE:
      return C_("deviation category", "Access to care");
    case PLC_DEVIATION_CATEGORY_OTHER:
      return C_("deviation category", "Other");
    default:
      return NULL;
    }
}
