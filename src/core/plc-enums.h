/* plc-enums.h: the model's enumerations and their interchange ids
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "plc-types.h"

G_BEGIN_DECLS

/*
 * Each enumeration is a GEnum type whose value nicks are the interchange ids
 * (a contract: files and tests outside the program use these strings).
 * plc_*_to_string() returns the nick (NULL for a value out of range),
 * plc_*_from_string() accepts exactly a nick and refuses anything else
 * (leaving *out alone), and plc_*_get_display_name() returns the translated
 * name to show.
 */

/**
 * PlcLegalBasis:
 * @PLC_LEGAL_BASIS_SOL: voluntary, socialtjänstlagen ("SoL")
 * @PLC_LEGAL_BASIS_LVU2: LVU 2 § (the home environment) ("LVU2")
 * @PLC_LEGAL_BASIS_LVU3: LVU 3 § (the young person's own behaviour) ("LVU3")
 * @PLC_LEGAL_BASIS_LVU6: LVU 6 § (immediate custody) ("LVU6")
 */
typedef enum
{
  PLC_LEGAL_BASIS_SOL,
  PLC_LEGAL_BASIS_LVU2,
  PLC_LEGAL_BASIS_LVU3,
  PLC_LEGAL_BASIS_LVU6,
} PlcLegalBasis;

/**
 * PlcPlacementForm:
 * @PLC_PLACEMENT_FORM_FAMILJEHEM: familjehem ("familjehem")
 * @PLC_PLACEMENT_FORM_NATVERKSHEM: nätverkshem ("natverkshem")
 * @PLC_PLACEMENT_FORM_JOURHEM: jourhem ("jourhem")
 * @PLC_PLACEMENT_FORM_HVB: HVB ("hvb")
 * @PLC_PLACEMENT_FORM_STODBOENDE: stödboende, ages 16 to 20 ("stodboende")
 * @PLC_PLACEMENT_FORM_SIS: särskilt ungdomshem (SiS) ("sis")
 */
typedef enum
{
  PLC_PLACEMENT_FORM_FAMILJEHEM,
  PLC_PLACEMENT_FORM_NATVERKSHEM,
  PLC_PLACEMENT_FORM_JOURHEM,
  PLC_PLACEMENT_FORM_HVB,
  PLC_PLACEMENT_FORM_STODBOENDE,
  PLC_PLACEMENT_FORM_SIS,
} PlcPlacementForm;

/**
 * PlcParty:
 * @PLC_PARTY_MUNICIPALITY: the municipality ("municipality")
 * @PLC_PARTY_REGION: the region ("region")
 * @PLC_PARTY_BOTH: municipality and region together ("both")
 * @PLC_PARTY_BOARD: the social welfare board ("board")
 * @PLC_PARTY_COURT: the administrative court ("court")
 */
typedef enum
{
  PLC_PARTY_MUNICIPALITY,
  PLC_PARTY_REGION,
  PLC_PARTY_BOTH,
  PLC_PARTY_BOARD,
  PLC_PARTY_COURT,
} PlcParty;

/**
 * PlcStepState:
 * @PLC_STEP_STATE_OPEN: not done yet ("open")
 * @PLC_STEP_STATE_DONE: done ("done")
 * @PLC_STEP_STATE_NOT_NEEDED: not needed, with a reason ("not-needed")
 *
 * A recorded status of a step.
 */
typedef enum
{
  PLC_STEP_STATE_OPEN,
  PLC_STEP_STATE_DONE,
  PLC_STEP_STATE_NOT_NEEDED,
} PlcStepState;

/**
 * PlcOffsetUnit:
 * @PLC_OFFSET_UNIT_DAYS: days, exact ("days")
 * @PLC_OFFSET_UNIT_WEEKS: weeks of seven days, exact ("weeks")
 * @PLC_OFFSET_UNIT_MONTHS: calendar months ("months")
 * @PLC_OFFSET_UNIT_YEARS: calendar years ("years")
 *
 * The unit of an offset or interval in an agreement profile.  Months and
 * years are calendar months: a day that does not exist in the target month
 * becomes that month's last day.
 */
typedef enum
{
  PLC_OFFSET_UNIT_DAYS,
  PLC_OFFSET_UNIT_WEEKS,
  PLC_OFFSET_UNIT_MONTHS,
  PLC_OFFSET_UNIT_YEARS,
} PlcOffsetUnit;

/**
 * PlcObligationState:
 * @PLC_OBLIGATION_STATE_OPEN: not done, and not yet past its due date ("open")
 * @PLC_OBLIGATION_STATE_OVERDUE: not done, and past its due date ("overdue")
 * @PLC_OBLIGATION_STATE_DONE: done ("done")
 * @PLC_OBLIGATION_STATE_NOT_NEEDED: marked not needed, with a reason ("not-needed")
 * @PLC_OBLIGATION_STATE_NO_LONGER_REQUIRED: a step with a recorded status
 *   that the rules no longer require of the placement ("no-longer-required")
 *
 * The state of an obligation: the recorded status, with overdue derived.
 */
typedef enum
{
  PLC_OBLIGATION_STATE_OPEN,
  PLC_OBLIGATION_STATE_OVERDUE,
  PLC_OBLIGATION_STATE_DONE,
  PLC_OBLIGATION_STATE_NOT_NEEDED,
  PLC_OBLIGATION_STATE_NO_LONGER_REQUIRED,
} PlcObligationState;

/**
 * PlcContactRole:
 * @PLC_CONTACT_ROLE_GUARDIAN: vårdnadshavare ("guardian")
 * @PLC_CONTACT_ROLE_FOSTER_HOME: familjehem ("foster-home")
 * @PLC_CONTACT_ROLE_EMERGENCY_HOME: jourhem ("emergency-home")
 * @PLC_CONTACT_ROLE_HVB: HVB ("hvb")
 * @PLC_CONTACT_ROLE_SCHOOL: school and pupil health, elevhälsa ("school")
 * @PLC_CONTACT_ROLE_BVC: BVC ("bvc")
 * @PLC_CONTACT_ROLE_PRIMARY_CARE: vårdcentral ("primary-care")
 * @PLC_CONTACT_ROLE_BUP: BUP ("bup")
 * @PLC_CONTACT_ROLE_BUM: BUM ("bum")
 * @PLC_CONTACT_ROLE_HABILITATION: habilitering ("habilitation")
 * @PLC_CONTACT_ROLE_DENTAL: tandvård ("dental")
 * @PLC_CONTACT_ROLE_YOUTH_CLINIC: ungdomsmottagning ("youth-clinic")
 * @PLC_CONTACT_ROLE_CARE_CONTACT: fast vårdkontakt ("care-contact")
 * @PLC_CONTACT_ROLE_RESOURCE_COORDINATOR: resursgruppssamordnare ("resource-coordinator")
 * @PLC_CONTACT_ROLE_GOD_MAN: god man ("god-man")
 * @PLC_CONTACT_ROLE_PUBLIC_COUNSEL: offentligt biträde ("public-counsel")
 * @PLC_CONTACT_ROLE_DEVIATION_OFFICER: handler of deviation reports (MAS/SAS/Synergi) ("deviation-officer")
 * @PLC_CONTACT_ROLE_OTHER: other ("other")
 */
typedef enum
{
  PLC_CONTACT_ROLE_GUARDIAN,
  PLC_CONTACT_ROLE_FOSTER_HOME,
  PLC_CONTACT_ROLE_EMERGENCY_HOME,
  PLC_CONTACT_ROLE_HVB,
  PLC_CONTACT_ROLE_SCHOOL,
  PLC_CONTACT_ROLE_BVC,
  PLC_CONTACT_ROLE_PRIMARY_CARE,
  PLC_CONTACT_ROLE_BUP,
  PLC_CONTACT_ROLE_BUM,
  PLC_CONTACT_ROLE_HABILITATION,
  PLC_CONTACT_ROLE_DENTAL,
  PLC_CONTACT_ROLE_YOUTH_CLINIC,
  PLC_CONTACT_ROLE_CARE_CONTACT,
  PLC_CONTACT_ROLE_RESOURCE_COORDINATOR,
  PLC_CONTACT_ROLE_GOD_MAN,
  PLC_CONTACT_ROLE_PUBLIC_COUNSEL,
  PLC_CONTACT_ROLE_DEVIATION_OFFICER,
  PLC_CONTACT_ROLE_OTHER,
} PlcContactRole;

/**
 * PlcContactLogKind:
 * @PLC_CONTACT_LOG_KIND_CALL: a telephone call ("call")
 * @PLC_CONTACT_LOG_KIND_MEETING: a meeting ("meeting")
 * @PLC_CONTACT_LOG_KIND_LETTER: a letter ("letter")
 * @PLC_CONTACT_LOG_KIND_EMAIL: an email ("email")
 * @PLC_CONTACT_LOG_KIND_OTHER: other ("other")
 */
typedef enum
{
  PLC_CONTACT_LOG_KIND_CALL,
  PLC_CONTACT_LOG_KIND_MEETING,
  PLC_CONTACT_LOG_KIND_LETTER,
  PLC_CONTACT_LOG_KIND_EMAIL,
  PLC_CONTACT_LOG_KIND_OTHER,
} PlcContactLogKind;

/**
 * PlcDeviationDirection:
 * @PLC_DEVIATION_DIRECTION_MUNICIPALITY_TO_REGION: reported by the municipality about the region ("municipality-to-region")
 * @PLC_DEVIATION_DIRECTION_REGION_TO_MUNICIPALITY: reported by the region about the municipality ("region-to-municipality")
 */
typedef enum
{
  PLC_DEVIATION_DIRECTION_MUNICIPALITY_TO_REGION,
  PLC_DEVIATION_DIRECTION_REGION_TO_MUNICIPALITY,
} PlcDeviationDirection;

/**
 * PlcDeviationStatus:
 * @PLC_DEVIATION_STATUS_DRAFT: not yet reported ("draft")
 * @PLC_DEVIATION_STATUS_REPORTED: reported ("reported")
 * @PLC_DEVIATION_STATUS_UNDER_INVESTIGATION: being investigated ("under-investigation")
 * @PLC_DEVIATION_STATUS_RESOLVED: resolved ("resolved")
 * @PLC_DEVIATION_STATUS_ESCALATED: escalated ("escalated")
 */
typedef enum
{
  PLC_DEVIATION_STATUS_DRAFT,
  PLC_DEVIATION_STATUS_REPORTED,
  PLC_DEVIATION_STATUS_UNDER_INVESTIGATION,
  PLC_DEVIATION_STATUS_RESOLVED,
  PLC_DEVIATION_STATUS_ESCALATED,
} PlcDeviationStatus;

/**
 * PlcDeviationCategory:
 * @PLC_DEVIATION_CATEGORY_HEALTH_EXAMINATION: health examination ("health-examination")
 * @PLC_DEVIATION_CATEGORY_SIP: coordinated individual plan, SIP ("sip")
 * @PLC_DEVIATION_CATEGORY_REFERRAL: referral ("referral")
 * @PLC_DEVIATION_CATEGORY_INFORMATION: information transfer ("information")
 * @PLC_DEVIATION_CATEGORY_COST_RESPONSIBILITY: cost responsibility ("cost-responsibility")
 * @PLC_DEVIATION_CATEGORY_CARE_PLANNING: care planning ("care-planning")
 * @PLC_DEVIATION_CATEGORY_DISCHARGE: discharge ("discharge")
 * @PLC_DEVIATION_CATEGORY_ACCESS_TO_CARE: access to care ("access-to-care")
 * @PLC_DEVIATION_CATEGORY_OTHER: other ("other")
 */
typedef enum
{
  PLC_DEVIATION_CATEGORY_HEALTH_EXAMINATION,
  PLC_DEVIATION_CATEGORY_SIP,
  PLC_DEVIATION_CATEGORY_REFERRAL,
  PLC_DEVIATION_CATEGORY_INFORMATION,
  PLC_DEVIATION_CATEGORY_COST_RESPONSIBILITY,
  PLC_DEVIATION_CATEGORY_CARE_PLANNING,
  PLC_DEVIATION_CATEGORY_DISCHARGE,
  PLC_DEVIATION_CATEGORY_ACCESS_TO_CARE,
  PLC_DEVIATION_CATEGORY_OTHER,
} PlcDeviationCategory;

#define PLC_TYPE_LEGAL_GENDER       (plc_legal_gender_get_type ())
#define PLC_TYPE_LEGAL_BASIS        (plc_legal_basis_get_type ())
#define PLC_TYPE_PLACEMENT_FORM     (plc_placement_form_get_type ())
#define PLC_TYPE_PARTY              (plc_party_get_type ())
#define PLC_TYPE_OFFSET_UNIT        (plc_offset_unit_get_type ())
#define PLC_TYPE_OBLIGATION_STATE   (plc_obligation_state_get_type ())
#define PLC_TYPE_STEP_STATE         (plc_step_state_get_type ())
#define PLC_TYPE_CONTACT_ROLE       (plc_contact_role_get_type ())
#define PLC_TYPE_CONTACT_LOG_KIND   (plc_contact_log_kind_get_type ())
#define PLC_TYPE_DEVIATION_DIRECTION (plc_deviation_direction_get_type ())
#define PLC_TYPE_DEVIATION_STATUS   (plc_deviation_status_get_type ())
#define PLC_TYPE_DEVIATION_CATEGORY (plc_deviation_category_get_type ())

GType       plc_legal_gender_get_type                (void) G_GNUC_CONST;
const char *plc_legal_gender_to_string               (PlcLegalGender          value);
gboolean    plc_legal_gender_from_string             (const char             *text,
                                                      PlcLegalGender         *out);
const char *plc_legal_gender_get_display_name        (PlcLegalGender          value);

GType       plc_legal_basis_get_type                 (void) G_GNUC_CONST;
const char *plc_legal_basis_to_string                (PlcLegalBasis           value);
gboolean    plc_legal_basis_from_string              (const char             *text,
                                                      PlcLegalBasis          *out);
const char *plc_legal_basis_get_display_name         (PlcLegalBasis           value);

GType       plc_placement_form_get_type              (void) G_GNUC_CONST;
const char *plc_placement_form_to_string             (PlcPlacementForm        value);
gboolean    plc_placement_form_from_string           (const char             *text,
                                                      PlcPlacementForm       *out);
const char *plc_placement_form_get_display_name      (PlcPlacementForm        value);

GType       plc_party_get_type                       (void) G_GNUC_CONST;
const char *plc_party_to_string                      (PlcParty                value);
gboolean    plc_party_from_string                    (const char             *text,
                                                      PlcParty               *out);
const char *plc_party_get_display_name               (PlcParty                value);

GType       plc_offset_unit_get_type                 (void) G_GNUC_CONST;
const char *plc_offset_unit_to_string                (PlcOffsetUnit           value);
gboolean    plc_offset_unit_from_string              (const char             *text,
                                                      PlcOffsetUnit          *out);

GType       plc_obligation_state_get_type            (void) G_GNUC_CONST;
const char *plc_obligation_state_to_string           (PlcObligationState      value);
gboolean    plc_obligation_state_from_string         (const char             *text,
                                                      PlcObligationState     *out);
const char *plc_obligation_state_get_display_name    (PlcObligationState      value);

GType       plc_step_state_get_type                  (void) G_GNUC_CONST;
const char *plc_step_state_to_string                 (PlcStepState            value);
gboolean    plc_step_state_from_string               (const char             *text,
                                                      PlcStepState           *out);
const char *plc_step_state_get_display_name          (PlcStepState            value);

GType       plc_contact_role_get_type                (void) G_GNUC_CONST;
const char *plc_contact_role_to_string               (PlcContactRole          value);
gboolean    plc_contact_role_from_string             (const char             *text,
                                                      PlcContactRole         *out);
const char *plc_contact_role_get_display_name        (PlcContactRole          value);

GType       plc_contact_log_kind_get_type            (void) G_GNUC_CONST;
const char *plc_contact_log_kind_to_string           (PlcContactLogKind       value);
gboolean    plc_contact_log_kind_from_string         (const char             *text,
                                                      PlcContactLogKind      *out);
const char *plc_contact_log_kind_get_display_name    (PlcContactLogKind       value);

GType       plc_deviation_direction_get_type         (void) G_GNUC_CONST;
const char *plc_deviation_direction_to_string        (PlcDeviationDirection   value);
gboolean    plc_deviation_direction_from_string      (const char             *text,
                                                      PlcDeviationDirection  *out);
const char *plc_deviation_direction_get_display_name (PlcDeviationDirection   value);

GType       plc_deviation_status_get_type            (void) G_GNUC_CONST;
const char *plc_deviation_status_to_string           (PlcDeviationStatus      value);
gboolean    plc_deviation_status_from_string         (const char             *text,
                                                      PlcDeviationStatus     *out);
const char *plc_deviation_status_get_display_name    (PlcDeviationStatus      value);

GType       plc_deviation_category_get_type          (void) G_GNUC_CONST;
const char *plc_deviation_category_to_string         (PlcDeviationCategory    value);
gboolean    plc_deviation_category_from_string       (const char             *text,
                                                      PlcDeviationCategory   *out);
const char *plc_deviation_category_get_display_name  (PlcDeviationCategory    value);

G_END_DECLS
