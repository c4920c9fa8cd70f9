/* test-interchange.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-interchange"

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "plc-child.h"
#include "plc-contact.h"
#include "plc-contact-log-entry.h"
#include "plc-dataset.h"
#include "plc-date.h"
#include "plc-deviation.h"
#include "plc-enums.h"
#include "plc-error.h"
#include "plc-interchange.h"
#include "plc-placement.h"
#include "plc-step-status.h"

/* The personal data of the fixtures: no error message may contain any of it. */
static const char * const personal_data[] = {
  "Alva", "Exempelsson", "Noah", "Provsson", "Samir", "Testsson", "Ulla", "Godmansdotter",
  "Kim Handläggare", "Robin", "20120315", "120315", "2424", "20150764", "150764", "3714",
  "UMA-2025-017",
  NULL
};

static PlcDate
test_today (void)
{
  return plc_date_new (2025, 9, 1);
}

static char *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "interchange", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static PlcDataset *
read_ok (const char *json)
{
  g_autoptr(GError) error = NULL;
  PlcDataset *dataset = plc_interchange_read_data (json, -1, test_today (), &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);

  return dataset;
}

/* Returns @text with its first @old replaced by @new; @old must be there, so
 * that a change of the fixture cannot make a test pass by accident. */
static char *
mutate (const char *text,
        const char *old,
        const char *new)
{
  const char *at = strstr (text, old);

  if (at == NULL)
    g_error ("“%s” is not in the fixture", old);

  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, new, at + strlen (old));
}

static gpointer
find_by_ref (GPtrArray  *records,
             const char *ref)
{
  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *record_ref = NULL;

      g_object_get (g_ptr_array_index (records, i), "ref", &record_ref, NULL);
      if (g_strcmp0 (record_ref, ref) == 0)
        return g_ptr_array_index (records, i);
    }

  g_error ("No record “%s”", ref);
  return NULL;
}

static PlcStepStatus *
find_step (PlcDataset *dataset,
           const char *placement_ref,
           const char *rule,
           int         occurrence)
{
  GPtrArray *steps = plc_dataset_get_step_statuses (dataset);

  for (guint i = 0; i < steps->len; i++)
    {
      PlcStepStatus *step = g_ptr_array_index (steps, i);

      if (g_strcmp0 (plc_step_status_get_placement_ref (step), placement_ref) == 0 &&
          g_strcmp0 (plc_step_status_get_rule (step), rule) == 0 &&
          plc_step_status_get_occurrence (step) == occurrence)
        return step;
    }

  g_error ("No step %s/%s/%d", placement_ref, rule, occurrence);
  return NULL;
}

static void
assert_date (PlcDate     date,
             const char *iso)
{
  g_autofree char *text = plc_date_to_iso (date);

  g_assert_cmpstr (text, ==, iso);
}

/* Asserts that @json is refused with PLC_ERROR_INVALID, that the message
 * starts with the JSON path @path (exactly: "path: …"), contains
 * @expected (if not NULL), and quotes no personal data. */
static void
assert_invalid (const char *json,
                gssize      length,
                const char *path,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcDataset) dataset = plc_interchange_read_data (json, length, test_today (), &error);

  g_assert_null (dataset);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_test_message ("message: %s", error->message);

  if (path != NULL)
    {
      g_autofree char *prefix = g_strconcat (path, ": ", NULL);

      if (!g_str_has_prefix (error->message, prefix))
        g_error ("“%s” does not start with “%s”", error->message, prefix);
    }

  if (expected != NULL && strstr (error->message, expected) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, expected);

  for (guint i = 0; personal_data[i] != NULL; i++)
    {
      if (strstr (error->message, personal_data[i]) != NULL)
        g_error ("“%s” contains personal data “%s”", error->message, personal_data[i]);
    }
}

/* Applies one mutation to full.json and checks the error. */
static void
assert_mutation_invalid (const char *old,
                         const char *new,
                         const char *path,
                         const char *expected)
{
  g_autofree char *full = load_fixture ("full.json");
  g_autofree char *json = mutate (full, old, new);

  g_test_message ("“%s” → “%s”", old, new);
  assert_invalid (json, -1, path, expected);
}

static void
test_read_full (void)
{
  g_autofree char *json = load_fixture ("full.json");
  g_autoptr(PlcDataset) dataset = read_ok (json);
  GPtrArray *children = plc_dataset_get_children (dataset);
  GPtrArray *placements = plc_dataset_get_placements (dataset);
  GPtrArray *contacts = plc_dataset_get_contacts (dataset);
  GPtrArray *deviations = plc_dataset_get_deviations (dataset);
  GPtrArray *log = plc_dataset_get_contact_log (dataset);
  PlcChild *child;
  PlcPlacement *placement;
  PlcStepStatus *step;
  PlcContact *contact;
  PlcContactLink *link;
  PlcContactLogEntry *entry;
  PlcDeviation *deviation;
  PlcDeviationEvent *event;
  GPtrArray *links;
  GPtrArray *history;

  g_assert_cmpuint (children->len, ==, 3);
  g_assert_cmpuint (placements->len, ==, 4);
  g_assert_cmpuint (plc_dataset_get_step_statuses (dataset)->len, ==, 6);
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpuint (contacts->len, ==, 3);
  g_assert_cmpuint (deviations->len, ==, 2);

  /* In the order of the file */
  g_assert_cmpstr (plc_child_get_ref (g_ptr_array_index (children, 0)), ==, "child-alva");
  g_assert_cmpstr (plc_child_get_ref (g_ptr_array_index (children, 1)), ==, "child-noah");
  g_assert_cmpstr (plc_child_get_ref (g_ptr_array_index (children, 2)), ==, "child-samir");

  /* A child with a personnummer: birth date and gender follow from it */
  child = find_by_ref (children, "child-alva");
  g_assert_cmpint (plc_child_get_id (child), ==, 0);
  g_assert_cmpstr (plc_child_get_name (child), ==, "Alva Exempelsson");
  g_assert_cmpstr (plc_child_get_personnummer (child), ==, "20120315-2424");
  g_assert_null (plc_child_get_temporary_ref (child));
  assert_date (plc_child_get_birth_date (child), "2012-03-15");
  g_assert_cmpint (plc_child_get_legal_gender (child), ==, PLC_LEGAL_GENDER_FEMALE);
  g_assert_cmpstr (plc_child_get_home_municipality (child), ==, "2080");
  g_assert_cmpstr (plc_child_get_registration_municipality (child), ==, "2080");
  g_assert_false (plc_child_get_asylum_seeker (child));
  g_assert_false (plc_child_get_unaccompanied (child));
  g_assert_false (plc_child_get_lss (child));
  g_assert_null (plc_child_get_interpreter_language (child));

  /* A samordningsnummer: the day is 64, the birth date the 4th */
  child = find_by_ref (children, "child-noah");
  g_assert_cmpstr (plc_child_get_personnummer (child), ==, "20150764-3714");
  assert_date (plc_child_get_birth_date (child), "2015-07-04");
  g_assert_cmpint (plc_child_get_legal_gender (child), ==, PLC_LEGAL_GENDER_MALE);
  g_assert_cmpstr (plc_child_get_home_municipality (child), ==, "2081");
  g_assert_null (plc_child_get_registration_municipality (child));
  g_assert_true (plc_child_get_lss (child));
  g_assert_false (plc_child_get_asylum_seeker (child));
  g_assert_cmpstr (plc_child_get_interpreter_language (child), ==, "arabiska");

  /* No number at all */
  child = find_by_ref (children, "child-samir");
  g_assert_null (plc_child_get_personnummer (child));
  g_assert_cmpstr (plc_child_get_temporary_ref (child), ==, "UMA-2025-017");
  assert_date (plc_child_get_birth_date (child), "2009-01-01");
  g_assert_cmpint (plc_child_get_legal_gender (child), ==, PLC_LEGAL_GENDER_MALE);
  g_assert_cmpstr (plc_child_get_home_municipality (child), ==, "2083");
  g_assert_true (plc_child_get_asylum_seeker (child));
  g_assert_true (plc_child_get_unaccompanied (child));
  g_assert_false (plc_child_get_lss (child));
  g_assert_cmpstr (plc_child_get_interpreter_language (child), ==, "dari");
  g_assert_false (plc_child_get_undocumented (child));

  /* LVU 6 § with both dates, in an emergency home in the same region */
  placement = find_by_ref (placements, "pl-alva-1");
  g_assert_cmpint (plc_placement_get_id (placement), ==, 0);
  g_assert_cmpint (plc_placement_get_child_id (placement), ==, 0);
  g_assert_cmpstr (plc_placement_get_child_ref (placement), ==, "child-alva");
  g_assert_cmpstr (plc_placement_get_placing_municipality (placement), ==, "2080");
  g_assert_cmpstr (plc_placement_get_caseworker (placement), ==, "Kim Handläggare");
  g_assert_cmpint (plc_placement_get_legal_basis (placement), ==, PLC_LEGAL_BASIS_LVU6);
  g_assert_cmpint (plc_placement_get_form (placement), ==, PLC_PLACEMENT_FORM_JOURHEM);
  assert_date (plc_placement_get_start_date (placement), "2025-02-03");
  g_assert_true (plc_placement_get_acute (placement));
  assert_date (plc_placement_get_planned_end_date (placement), NULL);
  assert_date (plc_placement_get_end_date (placement), "2025-03-20");
  g_assert_cmpstr (plc_placement_get_end_reason (placement), ==, "Omplacering till familjehem");
  g_assert_cmpstr (plc_placement_get_placed_in_municipality (placement), ==, "2081");
  g_assert_cmpstr (plc_placement_get_placed_in_region (placement), ==, "20");
  g_assert_false (plc_placement_get_other_region (placement));
  assert_date (plc_placement_get_lvu_decision_date (placement), "2025-02-03");
  assert_date (plc_placement_get_custody_carried_out_date (placement), "2025-02-04");
  assert_date (plc_placement_get_investigation_closed_date (placement), "2025-03-07");
  assert_date (plc_placement_get_restriction_decided_date (placement), NULL);
  g_assert_null (plc_placement_get_previous_ref (placement));
  g_assert_cmpint (plc_placement_get_previous_id (placement), ==, 0);

  /* The move (omplacering) that replaced it */
  placement = find_by_ref (placements, "pl-alva-2");
  g_assert_cmpstr (plc_placement_get_child_ref (placement), ==, "child-alva");
  g_assert_cmpint (plc_placement_get_legal_basis (placement), ==, PLC_LEGAL_BASIS_LVU2);
  g_assert_cmpint (plc_placement_get_form (placement), ==, PLC_PLACEMENT_FORM_FAMILJEHEM);
  assert_date (plc_placement_get_start_date (placement), "2025-03-20");
  g_assert_false (plc_placement_get_acute (placement));
  assert_date (plc_placement_get_planned_end_date (placement), "2027-03-19");
  assert_date (plc_placement_get_end_date (placement), NULL);
  g_assert_null (plc_placement_get_end_reason (placement));
  g_assert_cmpstr (plc_placement_get_placed_in_municipality (placement), ==, "2062");
  g_assert_null (plc_placement_get_placed_in_region (placement));
  assert_date (plc_placement_get_lvu_decision_date (placement), NULL);
  assert_date (plc_placement_get_custody_carried_out_date (placement), NULL);
  assert_date (plc_placement_get_investigation_closed_date (placement), NULL);
  assert_date (plc_placement_get_restriction_decided_date (placement), "2025-04-02");
  g_assert_cmpstr (plc_placement_get_previous_ref (placement), ==, "pl-alva-1");
  /* The foster home, a contact of the file; the notice from inpatient care */
  g_assert_cmpstr (plc_placement_get_home_ref (placement), ==, "contact-familjehem-mora");
  assert_date (plc_placement_get_discharge_notice_date (placement), "2025-05-12");
  assert_date (plc_placement_get_temporary_moving_ban_date (placement), NULL);
  g_assert_false (plc_placement_get_lvu_international (placement));

  /* In another region: other_region follows */
  placement = find_by_ref (placements, "pl-noah-1");
  g_assert_cmpstr (plc_placement_get_child_ref (placement), ==, "child-noah");
  g_assert_cmpint (plc_placement_get_legal_basis (placement), ==, PLC_LEGAL_BASIS_SOL);
  g_assert_cmpint (plc_placement_get_form (placement), ==, PLC_PLACEMENT_FORM_NATVERKSHEM);
  g_assert_cmpstr (plc_placement_get_placed_in_municipality (placement), ==, "0580");
  g_assert_cmpstr (plc_placement_get_placed_in_region (placement), ==, "05");
  g_assert_true (plc_placement_get_other_region (placement));
  g_assert_cmpstr (plc_placement_get_caseworker (placement), ==, "Robin Socialsekreterare");
  assert_date (plc_placement_get_investigation_closed_date (placement), NULL);
  assert_date (plc_placement_get_restriction_decided_date (placement), NULL);
  /* A home by the unit's own reference, and a temporary moving ban */
  g_assert_cmpstr (plc_placement_get_home_ref (placement), ==, "NH-2024-031");
  assert_date (plc_placement_get_temporary_moving_ban_date (placement), "2024-11-04");
  assert_date (plc_placement_get_discharge_notice_date (placement), NULL);

  placement = find_by_ref (placements, "pl-samir-1");
  g_assert_cmpstr (plc_placement_get_child_ref (placement), ==, "child-samir");
  g_assert_cmpint (plc_placement_get_form (placement), ==, PLC_PLACEMENT_FORM_HVB);
  g_assert_null (plc_placement_get_caseworker (placement));
  g_assert_null (plc_placement_get_placed_in_municipality (placement));
  g_assert_true (plc_placement_get_acute (placement));

  /* Step statuses of each kind */
  step = find_step (dataset, "pl-alva-1", "health-exam-notification", 1);
  g_assert_cmpint (plc_step_status_get_state (step), ==, PLC_STEP_STATE_DONE);
  assert_date (plc_step_status_get_date (step), "2025-02-05");
  g_assert_cmpstr (plc_step_status_get_note (step), ==, "BBIC Begäran om hälsoundersökning skickad");
  g_assert_null (plc_step_status_get_reason (step));

  step = find_step (dataset, "pl-alva-1", "lvu-court-submission", 1);
  g_assert_cmpint (plc_step_status_get_state (step), ==, PLC_STEP_STATE_DONE);
  assert_date (plc_step_status_get_date (step), "2025-02-07");
  g_assert_null (plc_step_status_get_note (step));

  step = find_step (dataset, "pl-alva-2", "health-exam", 1);
  g_assert_cmpint (plc_step_status_get_state (step), ==, PLC_STEP_STATE_NOT_NEEDED);
  assert_date (plc_step_status_get_date (step), NULL);
  g_assert_cmpstr (plc_step_status_get_reason (step), ==,
                   "Fullständig hälsoundersökning gjord 2024-11-12, journalkopia i akten");

  step = find_step (dataset, "pl-alva-2", "sip-meeting", 1);
  g_assert_cmpint (plc_step_status_get_state (step), ==, PLC_STEP_STATE_DONE);
  assert_date (plc_step_status_get_date (step), "2025-04-10");
  g_assert_true (plc_step_status_has_meeting_record (step));
  {
    const char * const invited[] = { "BUP Falun", "Elevhälsan", "Familjehemmet", NULL };
    const char * const attended[] = { "BUP Falun", "Familjehemmet", NULL };

    g_assert_true (g_strv_equal (plc_step_status_get_invited_units (step), invited));
    g_assert_true (g_strv_equal (plc_step_status_get_attended_units (step), attended));
  }
  g_assert_true (plc_step_status_get_planning_completed (step));
  g_assert_false (plc_step_status_get_all_invited_attended (step));

  step = find_step (dataset, "pl-alva-1", "health-exam-notification", 1);
  g_assert_false (plc_step_status_has_meeting_record (step));
  g_assert_null (plc_step_status_get_invited_units (step)[0]);

  step = find_step (dataset, "pl-alva-2", "sip-follow-up", 2);
  g_assert_cmpint (plc_step_status_get_state (step), ==, PLC_STEP_STATE_OPEN);
  g_assert_cmpstr (plc_step_status_get_note (step), ==, "Mötet ställdes in, nytt datum bokas");

  step = find_step (dataset, "pl-noah-1", "health-exam-notification", 1);
  g_assert_cmpint (plc_step_status_get_state (step), ==, PLC_STEP_STATE_DONE);

  /* The contact log */
  entry = g_ptr_array_index (log, 0);
  g_assert_cmpstr (plc_contact_log_entry_get_child_ref (entry), ==, "child-alva");
  assert_date (plc_contact_log_entry_get_date (entry), "2025-02-05");
  g_assert_cmpint (plc_contact_log_entry_get_kind (entry), ==, PLC_CONTACT_LOG_KIND_CALL);
  g_assert_cmpstr (plc_contact_log_entry_get_with_whom (entry), ==, "BUP Falun");
  g_assert_cmpstr (plc_contact_log_entry_get_note (entry), ==, "Bokade tid för bedömning");
  entry = g_ptr_array_index (log, 1);
  g_assert_cmpstr (plc_contact_log_entry_get_child_ref (entry), ==, "child-alva");
  g_assert_cmpint (plc_contact_log_entry_get_kind (entry), ==, PLC_CONTACT_LOG_KIND_MEETING);
  g_assert_null (plc_contact_log_entry_get_with_whom (entry));

  /* Contacts with links */
  contact = find_by_ref (contacts, "contact-familjehem-mora");
  g_assert_cmpstr (plc_contact_get_name (contact), ==, "Familjehemmet i Mora");
  g_assert_null (plc_contact_get_organisation (contact));
  g_assert_cmpstr (plc_contact_get_phone (contact), ==, "0250-100 00");
  g_assert_cmpstr (plc_contact_get_email (contact), ==, "familjehem@example.se");
  g_assert_cmpstr (plc_contact_get_address (contact), ==, "Exempelvägen 1, 792 00 Mora");
  links = plc_contact_get_links (contact);
  g_assert_cmpuint (links->len, ==, 1);
  link = g_ptr_array_index (links, 0);
  g_assert_cmpstr (link->child_ref, ==, "child-alva");
  g_assert_cmpstr (link->placement_ref, ==, "pl-alva-2");
  g_assert_cmpint (link->role, ==, PLC_CONTACT_ROLE_FOSTER_HOME);
  g_assert_cmpint (link->child_id, ==, 0);
  g_assert_cmpint (link->placement_id, ==, 0);

  contact = find_by_ref (contacts, "contact-bup-falun");
  g_assert_cmpstr (plc_contact_get_organisation (contact), ==, "Region Dalarna");
  g_assert_null (plc_contact_get_email (contact));
  links = plc_contact_get_links (contact);
  g_assert_cmpuint (links->len, ==, 2);
  link = g_ptr_array_index (links, 1);
  g_assert_cmpstr (link->child_ref, ==, "child-noah");
  g_assert_null (link->placement_ref);
  g_assert_cmpint (link->role, ==, PLC_CONTACT_ROLE_BUP);

  contact = find_by_ref (contacts, "contact-god-man");
  link = g_ptr_array_index (plc_contact_get_links (contact), 0);
  g_assert_cmpint (link->role, ==, PLC_CONTACT_ROLE_GOD_MAN);

  /* Deviations with history */
  deviation = find_by_ref (deviations, "dev-2025-001");
  g_assert_cmpstr (plc_deviation_get_title (deviation), ==, "Hälsoundersökning inte erbjuden i tid");
  g_assert_cmpstr (plc_deviation_get_description (deviation), ==,
                   "Regionen erbjöd ingen tid för hälsoundersökning trots underrättelse.");
  assert_date (plc_deviation_get_occurred_on (deviation), "2025-04-10");
  g_assert_cmpint (plc_deviation_get_direction (deviation), ==, PLC_DEVIATION_DIRECTION_MUNICIPALITY_TO_REGION);
  g_assert_cmpstr (plc_deviation_get_unit (deviation), ==, "Region Dalarna, barnhälsovården");
  g_assert_cmpint (plc_deviation_get_category (deviation), ==, PLC_DEVIATION_CATEGORY_HEALTH_EXAMINATION);
  g_assert_cmpstr (plc_deviation_get_placement_ref (deviation), ==, "pl-alva-2");
  g_assert_cmpstr (plc_deviation_get_rule (deviation), ==, "health-exam");
  g_assert_cmpstr (plc_deviation_get_profile (deviation), ==, "dalarna");
  g_assert_cmpint (plc_deviation_get_status (deviation), ==, PLC_DEVIATION_STATUS_ESCALATED);
  g_assert_cmpstr (plc_deviation_get_conclusion (deviation), ==, "Rutinen för underrättelser följdes inte.");
  g_assert_cmpint (plc_deviation_get_escalation_step (deviation), ==, 1);
  history = plc_deviation_get_history (deviation);
  g_assert_cmpuint (history->len, ==, 3);
  event = g_ptr_array_index (history, 0);
  g_assert_cmpstr (event->at, ==, "2025-04-11T07:30:00Z");
  g_assert_cmpstr (event->user, ==, "kimh");
  g_assert_cmpint (event->status, ==, PLC_DEVIATION_STATUS_REPORTED);
  g_assert_cmpint (event->escalation_step, ==, 0);
  g_assert_null (event->note);
  event = g_ptr_array_index (history, 1);
  g_assert_cmpint (event->status, ==, PLC_DEVIATION_STATUS_UNDER_INVESTIGATION);
  g_assert_cmpstr (event->note, ==, "Avvikelsesamordnaren utreder");
  event = g_ptr_array_index (history, 2);
  g_assert_cmpstr (event->at, ==, "2025-05-20T09:45:00Z");
  g_assert_cmpstr (event->user, ==, "enhetschef");
  g_assert_cmpint (event->status, ==, PLC_DEVIATION_STATUS_ESCALATED);
  g_assert_cmpint (event->escalation_step, ==, 1);
  g_assert_cmpstr (event->note, ==, "Till lokal ledningsnivå");

  deviation = find_by_ref (deviations, "dev-2025-002");
  g_assert_null (plc_deviation_get_description (deviation));
  g_assert_cmpint (plc_deviation_get_direction (deviation), ==, PLC_DEVIATION_DIRECTION_REGION_TO_MUNICIPALITY);
  g_assert_cmpint (plc_deviation_get_category (deviation), ==, PLC_DEVIATION_CATEGORY_SIP);
  g_assert_cmpint (plc_deviation_get_status (deviation), ==, PLC_DEVIATION_STATUS_DRAFT);
  g_assert_null (plc_deviation_get_placement_ref (deviation));
  g_assert_null (plc_deviation_get_rule (deviation));
  g_assert_cmpint (plc_deviation_get_escalation_step (deviation), ==, 0);
  g_assert_cmpuint (plc_deviation_get_history (deviation)->len, ==, 0);
}

/* full.json is written as the writer writes: reading and writing it gives
 * it back byte for byte, and so does every later round. */
static void
test_round_trip (void)
{
  g_autofree char *json = load_fixture ("full.json");
  g_autoptr(PlcDataset) first = read_ok (json);
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  g_autoptr(PlcDataset) second = NULL;
  gsize length;

  written = plc_interchange_write (first, &length);
  g_assert_cmpuint (length, ==, strlen (written));
  g_assert_cmpstr (written, ==, json);

  second = read_ok (written);
  rewritten = plc_interchange_write (second, &length);
  g_assert_cmpuint (length, ==, strlen (written));
  g_assert_cmpmem (rewritten, length, written, strlen (written));
}

/* Other ways to write the same things are read, and written the one way. */
static void
test_read_variants (void)
{
  static const char *json =
    "{\n"
    "  \"version\": 1, \"format\": \"placeringar\",\n"
    "  \"children\": [ {\n"
    "    \"ref\": \"c1\", \"name\": \"Alva Exempelsson\", \"personnummer\": \"120315-2424\",\n"
    "    \"birth_date\": \"2012-03-15\", \"legal_gender\": \"female\",\n"
    "    \"home_municipality\": \"Falu kommun\", \"registration_municipality\": \"\",\n"
    "    \"asylum_seeker\": false, \"lss\": null, \"interpreter_language\": null,\n"
    "    \"contact_log\": [],\n"
    "    \"placements\": [ {\n"
    "      \"ref\": \"p1\", \"placing_municipality\": \"falun\", \"legal_basis\": \"LVU3\",\n"
    "      \"form\": \"sis\", \"start_date\": \"2025-06-01\", \"acute\": false,\n"
    "      \"placed_in_municipality\": \"Borlänge\", \"placed_in_region\": \"Dalarnas län\",\n"
    "      \"steps\": [ { \"status\": \"open\", \"rule\": \"health-exam-notification\", \"occurrence\": 1 } ]\n"
    "    } ]\n"
    "  } ],\n"
    "  \"contacts\": [],\n"
    "  \"deviations\": [ {\n"
    "    \"ref\": \"d1\", \"title\": \"T\", \"occurred_on\": \"2025-01-02\",\n"
    "    \"direction\": \"region-to-municipality\", \"category\": \"other\",\n"
    "    \"history\": [ { \"at\": \"2025-04-11T09:30:00+02:00\", \"status\": \"reported\" },\n"
    "                   { \"at\": \"2025-04-12T09:30:00.250Z\", \"status\": \"resolved\", \"escalation_step\": 0 } ]\n"
    "  } ]\n"
    "}\n";
  static const char *expected =
    "{\n"
    "  \"format\": \"placeringar\",\n"
    "  \"version\": 1,\n"
    "  \"children\": [\n"
    "    {\n"
    "      \"ref\": \"c1\",\n"
    "      \"name\": \"Alva Exempelsson\",\n"
    "      \"personnummer\": \"20120315-2424\",\n"
    "      \"home_municipality\": \"2080\",\n"
    "      \"placements\": [\n"
    "        {\n"
    "          \"ref\": \"p1\",\n"
    "          \"placing_municipality\": \"2080\",\n"
    "          \"legal_basis\": \"LVU3\",\n"
    "          \"form\": \"sis\",\n"
    "          \"start_date\": \"2025-06-01\",\n"
    "          \"placed_in_municipality\": \"2081\",\n"
    "          \"placed_in_region\": \"Region Dalarna\",\n"
    "          \"steps\": [\n"
    "            {\n"
    "              \"rule\": \"health-exam-notification\",\n"
    "              \"status\": \"open\"\n"
    "            }\n"
    "          ]\n"
    "        }\n"
    "      ]\n"
    "    }\n"
    "  ],\n"
    "  \"deviations\": [\n"
    "    {\n"
    "      \"ref\": \"d1\",\n"
    "      \"title\": \"T\",\n"
    "      \"occurred_on\": \"2025-01-02\",\n"
    "      \"direction\": \"region-to-municipality\",\n"
    "      \"category\": \"other\",\n"
    "      \"status\": \"draft\",\n"
    "      \"history\": [\n"
    "        {\n"
    "          \"at\": \"2025-04-11T07:30:00Z\",\n"
    "          \"status\": \"reported\"\n"
    "        },\n"
    "        {\n"
    "          \"at\": \"2025-04-12T09:30:00.250Z\",\n"
    "          \"status\": \"resolved\"\n"
    "        }\n"
    "      ]\n"
    "    }\n"
    "  ]\n"
    "}\n";
  g_autoptr(PlcDataset) dataset = read_ok (json);
  g_autofree char *written = plc_interchange_write (dataset, NULL);
  PlcChild *child = g_ptr_array_index (plc_dataset_get_children (dataset), 0);

  g_assert_null (plc_child_get_registration_municipality (child));
  g_assert_false (plc_child_get_lss (child));
  g_assert_cmpstr (written, ==, expected);
}

static void
test_read_minimal (void)
{
  g_autoptr(PlcDataset) dataset = read_ok ("{\"format\": \"placeringar\", \"version\": 1}");
  g_autofree char *written = NULL;

  g_assert_cmpuint (plc_dataset_get_children (dataset)->len, ==, 0);
  g_assert_cmpuint (plc_dataset_get_placements (dataset)->len, ==, 0);
  g_assert_cmpuint (plc_dataset_get_contacts (dataset)->len, ==, 0);
  g_assert_cmpuint (plc_dataset_get_deviations (dataset)->len, ==, 0);

  written = plc_interchange_write (dataset, NULL);
  g_assert_cmpstr (written, ==, "{\n  \"format\": \"placeringar\",\n  \"version\": 1\n}\n");
}

/* A dataset made in code, with text that needs escaping, survives the trip. */
static void
test_write_escapes (void)
{
  g_autoptr(PlcDataset) dataset = plc_dataset_new ();
  g_autoptr(PlcContact) contact = plc_contact_new ();
  g_autoptr(PlcDataset) read_back = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  const char *address = "Gatan 1\nc/o \"Svensson\"\t\\ 12\x01 – 😀 ÅÄÖ";
  PlcContact *copy;

  plc_contact_set_ref (contact, "k\"1");
  plc_contact_set_name (contact, "Anna");
  plc_contact_set_address (contact, address);
  g_ptr_array_add (plc_dataset_get_contacts (dataset), g_object_ref (contact));

  written = plc_interchange_write (dataset, NULL);
  g_assert_nonnull (strstr (written, "\"address\": \"Gatan 1\\nc/o \\\"Svensson\\\"\\t\\\\ 12\\u0001 – 😀 ÅÄÖ\""));

  read_back = read_ok (written);
  copy = g_ptr_array_index (plc_dataset_get_contacts (read_back), 0);
  g_assert_cmpstr (plc_contact_get_ref (copy), ==, "k\"1");
  g_assert_cmpstr (plc_contact_get_address (copy), ==, address);

  rewritten = plc_interchange_write (read_back, NULL);
  g_assert_cmpstr (rewritten, ==, written);
}

static void
test_write_file (void)
{
  g_autofree char *json = load_fixture ("full.json");
  g_autoptr(PlcDataset) dataset = read_ok (json);
  g_autoptr(PlcDataset) read_back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-interchange-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) missing = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(PlcPlacement) orphan = NULL;
  g_autoptr(GDir) listing = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  path = g_build_filename (dir, "export.json", NULL);
  file = g_file_new_for_path (path);

  /* Over an existing file */
  g_file_set_contents (path, "old", -1, &error);
  g_assert_no_error (error);

  g_assert_true (plc_interchange_write_file (dataset, file, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, json);

  /* Personal data: the owner's only */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  read_back = plc_interchange_read_file (file, test_today (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (read_back);
  g_assert_cmpuint (plc_dataset_get_children (read_back)->len, ==, 3);

  /* A placement whose child is not there: refused, the file left alone */
  orphan = plc_placement_copy (g_ptr_array_index (plc_dataset_get_placements (dataset), 0));
  plc_placement_set_ref (orphan, "pl-orphan");
  plc_placement_set_child_ref (orphan, "child-gone");
  g_ptr_array_add (plc_dataset_get_placements (dataset), g_object_ref (orphan));
  g_assert_false (plc_interchange_write_file (dataset, file, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "pl-orphan"));
  g_clear_error (&error);
  g_clear_pointer (&contents, g_free);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, json);

  /* No temporary file left behind */
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "export.json");
  g_assert_null (g_dir_read_name (listing));

  /* Reading a file that is not there */
  parent = g_file_get_parent (file);
  missing = g_file_get_child (parent, "missing.json");
  g_assert_null (plc_interchange_read_file (missing, test_today (), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The example in INTERCHANGE.md is full.json, so the documentation shows a
 * file that this code reads and writes exactly so. */
static void
test_documented_example (void)
{
  g_autofree char *doc_path = g_test_build_filename (G_TEST_DIST, "..", "src", "core", "INTERCHANGE.md", NULL);
  g_autofree char *doc = NULL;
  g_autofree char *json = load_fixture ("full.json");
  g_autoptr(GError) error = NULL;
  const char *section;
  const char *start;
  const char *end;

  g_file_get_contents (doc_path, &doc, NULL, &error);
  g_assert_no_error (error);

  section = strstr (doc, "\n## A complete example\n");
  g_assert_nonnull (section);
  start = strstr (section, "```json\n");
  g_assert_nonnull (start);
  start += strlen ("```json\n");
  end = strstr (start, "```");
  g_assert_nonnull (end);

  g_assert_cmpmem (start, end - start, json, strlen (json));
}

/* {{{ Errors */

static void
test_error_unknown_field (void)
{
  assert_mutation_invalid ("\"version\": 1,", "\"version\": 1, \"extra\": 1,",
                           "$.extra", "unknown field");
  assert_mutation_invalid ("\"lss\": true,", "\"lss\": true, \"shoe_size\": 32,",
                           "$.children[1].shoe_size", "unknown field");
  /* The dates' members end in _date, as the other dates of a placement */
  assert_mutation_invalid ("\"investigation_closed_date\":", "\"investigation_closed\":",
                           "$.children[0].placements[0].investigation_closed", "unknown field");
  assert_mutation_invalid ("\"form\": \"natverkshem\",", "\"form\": \"natverkshem\", \"colour\": \"blue\",",
                           "$.children[1].placements[0].colour", "unknown field");
  assert_mutation_invalid ("\"rule\": \"lvu-court-submission\",", "\"rule\": \"lvu-court-submission\", \"due\": \"x\",",
                           "$.children[0].placements[0].steps[1].due", "unknown field");
  assert_mutation_invalid ("\"kind\": \"meeting\",", "\"kind\": \"meeting\", \"place\": \"x\",",
                           "$.children[0].contact_log[1].place", "unknown field");
  assert_mutation_invalid ("\"role\": \"god-man\"", "\"role\": \"god-man\", \"since\": \"2020\"",
                           "$.contacts[2].links[0].since", "unknown field");
  assert_mutation_invalid ("\"user\": \"enhetschef\",", "\"user\": \"enhetschef\", \"ip\": \"x\",",
                           "$.deviations[0].history[2].ip", "unknown field");
  /* The same field twice: json-glib would keep the last one silently */
  assert_mutation_invalid ("\"lss\": true,", "\"lss\": true, \"lss\": false,",
                           "$.children[1].lss", "more than once");
  assert_mutation_invalid ("\"history\": [",
                           "\"history\": [{\"at\": \"2025-01-01T00:00:00Z\", \"status\": \"draft\"}], \"history\": [",
                           "$.deviations[0].history", "more than once");
}

static void
test_error_wrong_type (void)
{
  assert_mutation_invalid ("\"lss\": true", "\"lss\": \"yes\"",
                           "$.children[1].lss", "expected true or false");
  assert_mutation_invalid ("\"name\": \"Noah Provsson\"", "\"name\": 42",
                           "$.children[1].name", "expected a string");
  assert_mutation_invalid ("\"occurrence\": 2", "\"occurrence\": \"2\"",
                           "$.children[0].placements[1].steps[2].occurrence", "expected a whole number");
  assert_mutation_invalid ("\"occurrence\": 2", "\"occurrence\": 0",
                           "$.children[0].placements[1].steps[2].occurrence", "1 or more");
  assert_mutation_invalid ("\"occurrence\": 2", "\"occurrence\": 2.5",
                           "$.children[0].placements[1].steps[2].occurrence", "expected a whole number");
  assert_mutation_invalid ("\"escalation_step\": 1,", "\"escalation_step\": -1,",
                           "$.deviations[0].escalation_step", "0 or more");
  assert_mutation_invalid ("\"links\": [\n        {\n          \"child\": \"child-samir\",\n          \"role\": \"god-man\"\n        }\n      ]",
                           "\"links\": {\"child\": \"child-samir\", \"role\": \"god-man\"}",
                           "$.contacts[2].links", "expected a list");
  assert_mutation_invalid ("\"steps\": [\n            {\n              \"rule\": \"health-exam-notification\",\n              \"status\": \"done\",\n              \"date\": \"2024-09-03\"",
                           "\"steps\": [\n            \"health-exam-notification\", {\n              \"rule\": \"health-exam-notification\",\n              \"status\": \"done\",\n              \"date\": \"2024-09-03\"",
                           "$.children[1].placements[0].steps[0]", "expected an object");
  assert_invalid ("{\"format\": \"placeringar\", \"version\": 1, \"children\": {}}", -1,
                  "$.children", "expected a list");
  assert_invalid ("{\"format\": \"placeringar\", \"version\": 1, \"deviations\": [null]}", -1,
                  "$.deviations[0]", "expected an object");
  assert_invalid ("[]", -1, "$", "expected an object");
  assert_invalid ("\"placeringar\"", -1, "$", "expected an object");
}

static void
test_error_missing (void)
{
  assert_mutation_invalid ("\"start_date\": \"2025-05-12\",", "",
                           "$.children[2].placements[0].start_date", "required field is missing");
  assert_mutation_invalid ("\"ref\": \"child-noah\",", "",
                           "$.children[1].ref", "required field is missing");
  assert_mutation_invalid ("\"ref\": \"child-noah\",", "\"ref\": null,",
                           "$.children[1].ref", "required field is missing");
  assert_mutation_invalid ("\"ref\": \"child-noah\",", "\"ref\": \"\",",
                           "$.children[1].ref", "must not be empty");
  assert_mutation_invalid ("\"legal_basis\": \"SoL\",", "",
                           "$.children[1].placements[0].legal_basis", "required field is missing");
  assert_mutation_invalid ("\"role\": \"god-man\"", "\"rolle\": \"god-man\"",
                           "$.contacts[2].links[0].rolle", "unknown field");
  assert_mutation_invalid ("\"at\": \"2025-04-11T07:30:00Z\",", "",
                           "$.deviations[0].history[0].at", "required field is missing");
}

static void
test_error_date (void)
{
  assert_mutation_invalid ("\"end_date\": \"2025-03-20\"", "\"end_date\": \"2025-02-30\"",
                           "$.children[0].placements[0].end_date", "expected a date in the form YYYY-MM-DD");
  assert_mutation_invalid ("\"investigation_closed_date\": \"2025-03-07\"", "\"investigation_closed_date\": \"2025-03-32\"",
                           "$.children[0].placements[0].investigation_closed_date", "YYYY-MM-DD");
  assert_mutation_invalid ("\"restriction_decided_date\": \"2025-04-02\"", "\"restriction_decided_date\": true",
                           "$.children[0].placements[1].restriction_decided_date", "YYYY-MM-DD");
  assert_mutation_invalid ("\"discharge_notice_date\": \"2025-05-12\"", "\"discharge_notice_date\": \"2025-05-32\"",
                           "$.children[0].placements[1].discharge_notice_date", "YYYY-MM-DD");
  assert_mutation_invalid ("\"temporary_moving_ban_date\": \"2024-11-04\"", "\"temporary_moving_ban_date\": \"2014-01-01\"",
                           "$.children[1].placements[0]", "Temporary moving ban decided");
  assert_mutation_invalid ("\"home_ref\": \"NH-2024-031\"", "\"home_ref\": 31",
                           "$.children[1].placements[0].home_ref", "string");
  assert_mutation_invalid ("\"lss\": true,", "\"lss\": true, \"undocumented\": \"yes\",",
                           "$.children[1].undocumented", "true or false");
  assert_mutation_invalid ("\"birth_date\": \"2009-01-01\"", "\"birth_date\": \"01/01/2009\"",
                           "$.children[2].birth_date", "YYYY-MM-DD");
  assert_mutation_invalid ("\"start_date\": \"2024-09-02\"", "\"start_date\": \"2024-9-2\"",
                           "$.children[1].placements[0].start_date", "YYYY-MM-DD");
  assert_mutation_invalid ("\"date\": \"2025-02-05\",\n          \"kind\"", "\"date\": 20250205,\n          \"kind\"",
                           "$.children[0].contact_log[0].date", "YYYY-MM-DD");
  /* A personnummer in a date field is not quoted back */
  assert_mutation_invalid ("\"occurred_on\": \"2025-04-10\"", "\"occurred_on\": \"20150764-3714\"",
                           "$.deviations[0].occurred_on", "YYYY-MM-DD");
  assert_mutation_invalid ("\"at\": \"2025-04-11T07:30:00Z\"", "\"at\": \"2025-04-11 07:30\"",
                           "$.deviations[0].history[0].at", "2025-04-11T07:30:00Z");
  assert_mutation_invalid ("\"at\": \"2025-04-11T07:30:00Z\"", "\"at\": \"2025-04-11T07:30:00\"",
                           "$.deviations[0].history[0].at", "time zone");
}

static void
test_error_enum (void)
{
  assert_mutation_invalid ("\"form\": \"jourhem\"", "\"form\": \"foster\"",
                           "$.children[0].placements[0].form",
                           "expected one of familjehem, natverkshem, jourhem, hvb, stodboende, sis");
  assert_mutation_invalid ("\"legal_basis\": \"LVU6\"", "\"legal_basis\": \"lvu6\"",
                           "$.children[0].placements[0].legal_basis", "expected one of SoL, LVU2, LVU3, LVU6");
  assert_mutation_invalid ("\"legal_gender\": \"male\"", "\"legal_gender\": \"unknown\"",
                           "$.children[2].legal_gender", "expected one of female, male");
  assert_mutation_invalid ("\"role\": \"bup\"", "\"role\": \"psychiatrist\"",
                           "$.contacts[1].links[0].role", "foster-home");
  assert_mutation_invalid ("\"status\": \"not-needed\"", "\"status\": \"skipped\"",
                           "$.children[0].placements[1].steps[0].status", "expected one of open, done, not-needed");
  assert_mutation_invalid ("\"kind\": \"call\"", "\"kind\": \"phone\"",
                           "$.children[0].contact_log[0].kind", "call, meeting, letter, email, other");
  assert_mutation_invalid ("\"direction\": \"region-to-municipality\"", "\"direction\": \"sideways\"",
                           "$.deviations[1].direction", "municipality-to-region, region-to-municipality");
  assert_mutation_invalid ("\"category\": \"sip\"", "\"category\": \"SIP\"",
                           "$.deviations[1].category", "health-examination");
  assert_mutation_invalid ("\"status\": \"draft\"", "\"status\": \"Samir Testsson\"",
                           "$.deviations[1].status", "under-investigation");
  assert_mutation_invalid ("\"status\": \"reported\"", "\"status\": 1",
                           "$.deviations[0].history[0].status", "draft, reported");
}

static void
test_error_personnummer (void)
{
  /* Wrong check digit, and one that is not a date */
  assert_mutation_invalid ("\"personnummer\": \"20120315-2424\"", "\"personnummer\": \"20120315-2425\"",
                           "$.children[0].personnummer", NULL);
  assert_mutation_invalid ("\"personnummer\": \"20150764-3714\"", "\"personnummer\": \"20151364-3714\"",
                           "$.children[1].personnummer", NULL);
  assert_mutation_invalid ("\"personnummer\": \"20120315-2424\"", "\"personnummer\": \"Alva\"",
                           "$.children[0].personnummer", NULL);
  /* A birth date that contradicts the number */
  assert_mutation_invalid ("\"personnummer\": \"20120315-2424\",",
                           "\"personnummer\": \"20120315-2424\", \"birth_date\": \"2012-03-16\",",
                           "$.children[0]", NULL);
}

static void
test_error_place (void)
{
  assert_mutation_invalid ("\"home_municipality\": \"2081\"", "\"home_municipality\": \"Borlänga\"",
                           "$.children[1].home_municipality", "Did you mean Borlänge");
  assert_mutation_invalid ("\"placing_municipality\": \"2083\"", "\"placing_municipality\": \"9999\"",
                           "$.children[2].placements[0].placing_municipality", "9999");
  assert_mutation_invalid ("\"placed_in_region\": \"Region Dalarna\"", "\"placed_in_region\": \"Dalarma\"",
                           "$.children[0].placements[0].placed_in_region", "Dalarna");
}

static void
test_error_duplicate_ref (void)
{
  assert_mutation_invalid ("\"ref\": \"child-noah\"", "\"ref\": \"child-alva\"",
                           "$.children[1].ref", "“child-alva” is used twice (first at $.children[0].ref)");
  assert_mutation_invalid ("\"ref\": \"pl-samir-1\"", "\"ref\": \"pl-alva-1\"",
                           "$.children[2].placements[0].ref", "$.children[0].placements[0].ref");
  assert_mutation_invalid ("\"ref\": \"contact-god-man\"", "\"ref\": \"contact-bup-falun\"",
                           "$.contacts[2].ref", "$.contacts[1].ref");
  assert_mutation_invalid ("\"ref\": \"dev-2025-002\"", "\"ref\": \"dev-2025-001\"",
                           "$.deviations[1].ref", "$.deviations[0].ref");
  /* The same step twice in a placement */
  assert_mutation_invalid ("\"rule\": \"lvu-court-submission\"", "\"rule\": \"health-exam-notification\"",
                           "$.children[0].placements[0].steps[1]", "health-exam-notification");

  /* The same ref for records of different kinds is fine */
  {
    g_autofree char *full = load_fixture ("full.json");
    g_autofree char *json = mutate (full, "\"ref\": \"dev-2025-002\"", "\"ref\": \"child-alva\"");
    g_autoptr(PlcDataset) dataset = read_ok (json);

    g_assert_nonnull (dataset);
  }
}

static void
test_error_format_version (void)
{
  assert_mutation_invalid ("\"format\": \"placeringar\"", "\"format\": \"placements\"",
                           "$.format", "placeringar");
  assert_mutation_invalid ("\"format\": \"placeringar\",", "", "$.format", "placeringar");
  assert_mutation_invalid ("\"version\": 1", "\"version\": \"1\"", "$.version", NULL);
  assert_mutation_invalid ("\"version\": 1", "\"version\": 0", "$.version", NULL);
  assert_mutation_invalid ("\"version\": 1,", "", "$.version", NULL);
  /* A newer version says so, even with fields this version does not know */
  assert_mutation_invalid ("\"version\": 1,", "\"version\": 2, \"colour\": \"red\",", NULL, "version 2");
  assert_mutation_invalid ("\"version\": 1,", "\"version\": 2,", NULL, "newer");
}

static void
test_error_malformed (void)
{
  g_autofree char *full = load_fixture ("full.json");
  g_autofree char *json = mutate (full, "\"lss\": true,", "\"lss\": Noah,");
  g_autofree char *expected_line = NULL;
  g_autofree char *truncated = g_strndup (full, strlen (full) / 2);
  guint line = 1;

  for (const char *p = full; p < strstr (full, "\"lss\""); p++)
    line += *p == '\n';
  expected_line = g_strdup_printf ("line %u, column", line);

  /* Where, but not what: the unexpected word may be a name */
  assert_invalid (json, -1, NULL, expected_line);
  assert_invalid (truncated, -1, NULL, "not valid JSON");
  assert_invalid ("{\"format\": \"placeringar\", \"version\": 1,}", -1, NULL, "line 1, column");
  assert_invalid ("{\"format\": \"placeringar\", \"version\": 1} {}", -1, NULL, "line 1, column");
  assert_invalid ("{\"format\": \"placeringar\", \"version\": 1, \"children\": [{\"name\": \"\xc5sa\"}]}", -1,
                  NULL, "UTF-8");
  assert_invalid ("", -1, NULL, "empty");
  assert_invalid ("   \n", -1, NULL, "empty");
  /* @length is honoured */
  assert_invalid ("{\"format\": \"placeringar\", \"version\": 1}", 10, NULL, "not valid JSON");
}

/* A string is read exactly or refused, never cut at a NUL or repaired:
 * "child-alva\u0000zzz" must not become "child-alva", nor "\ud800" three
 * U+FFFD; a pair of surrogates is one character. */
static void
test_error_strings (void)
{
  g_autofree char *full = load_fixture ("full.json");
  g_autofree char *emoji = mutate (full, "\"name\": \"Alva Exempelsson\"",
                                   "\"name\": \"Alva \\ud83d\\ude00 Exempelsson\"");
  g_autoptr(PlcDataset) dataset = read_ok (emoji);

  g_assert_cmpstr (plc_child_get_name (find_by_ref (plc_dataset_get_children (dataset), "child-alva")),
                   ==, "Alva 😀 Exempelsson");

  assert_mutation_invalid ("\"ref\": \"child-alva\"", "\"ref\": \"child-alva\\u0000zzz\"",
                           "$.children[0].ref", "U+0000");
  assert_mutation_invalid ("\"ref\": \"child-alva\"", "\"ref\": \"child-alva\\0zzz\"",
                           "$.children[0].ref", "U+0000");
  assert_mutation_invalid ("\"ref\": \"pl-alva-2\"", "\"ref\": \"pl-alva-2\\ud800\"",
                           "$.children[0].placements[1].ref", "surrogate");
  assert_mutation_invalid ("\"ref\": \"pl-alva-2\"", "\"ref\": \"pl-alva-2\\udc00x\"",
                           "$.children[0].placements[1].ref", "surrogate");
  assert_mutation_invalid ("\"name\": \"Noah Provsson\"", "\"name\": \"Noah\\u0000 Provsson\"",
                           "$.children[1].name", "U+0000");
  /* A field's name: the object is named */
  assert_mutation_invalid ("\"name\": \"Noah Provsson\"", "\"na\\ud800me\": \"Noah Provsson\"",
                           "$.children[1]", "the name of a field");
}

/* A reference that holds a personal identity number is refused, and no
 * message quotes it (references go to the audit log) */
static void
test_error_personnummer_ref (void)
{
  assert_mutation_invalid ("\"ref\": \"child-alva\"", "\"ref\": \"20120315-2424\"",
                           "$.children[0].ref", "must not hold a personal identity number");
  assert_mutation_invalid ("\"ref\": \"child-alva\"", "\"ref\": \"barn-201203152424\"",
                           "$.children[0].ref", "must not hold a personal identity number");
  assert_mutation_invalid ("\"previous\": \"pl-alva-1\"", "\"previous\": \"20120315-2424\"",
                           "$.children[0].placements[1]", "Previous placement: must not hold a personal identity number");
}

/* Nested deeper than json-glib can recurse: a message, not SIGSEGV */
static void
test_error_depth (void)
{
  GString *json = g_string_new ("{\"format\": \"placeringar\", \"version\": 1, \"children\": ");

  for (guint i = 0; i < 100000; i++)
    g_string_append (json, "[{\"a\":");
  assert_invalid (json->str, -1, NULL, "more than 64 levels deep");
  g_string_free (json, TRUE);
}

/* The meeting record: optional, checked, and an empty one is none */
static void
test_meeting_record (void)
{
  g_autofree char *full = load_fixture ("full.json");
  g_autofree char *without = mutate (full, "\"planning_completed\": true", "\"planning_completed\": false");
  g_autofree char *empty = NULL;
  g_autofree char *written = NULL;
  g_autoptr(PlcDataset) dataset = NULL;
  g_autoptr(PlcDataset) emptied = NULL;
  PlcStepStatus *step;
  gsize length;

  dataset = read_ok (without);
  step = find_step (dataset, "pl-alva-2", "sip-meeting", 1);
  g_assert_false (plc_step_status_get_planning_completed (step));
  g_assert_true (plc_step_status_has_meeting_record (step));
  written = plc_interchange_write (dataset, &length);
  g_assert_null (strstr (written, "planning_completed"));
  g_assert_nonnull (strstr (written, "\"invited\""));
  g_clear_pointer (&written, g_free);

  /* {} is no record, and is not written */
  empty = g_strdup (full);
  {
    char *start = strstr (empty, "\"meeting\": {");
    char *end = strstr (start, "}");

    g_assert_nonnull (start);
    memmove (start + strlen ("\"meeting\": {"), end, strlen (end) + 1);
  }
  emptied = read_ok (empty);
  step = find_step (emptied, "pl-alva-2", "sip-meeting", 1);
  g_assert_false (plc_step_status_has_meeting_record (step));
  written = plc_interchange_write (emptied, &length);
  g_assert_null (strstr (written, "\"meeting\": {"));

  assert_mutation_invalid ("\"planning_completed\": true", "\"planning_completed\": true, \"minutes\": \"x\"",
                           "$.children[0].placements[1].steps[1].meeting.minutes", "unknown field");
  assert_mutation_invalid ("\"planning_completed\": true", "\"planning_completed\": \"yes\"",
                           "$.children[0].placements[1].steps[1].meeting.planning_completed", "true or false");
  {
    g_autofree char *open = mutate (full, "\"meeting\": {", "\"meeting\": [{");
    g_autofree char *list = mutate (open, "\"planning_completed\": true\n              }",
                                    "\"planning_completed\": true\n              }]");

    assert_invalid (list, -1, "$.children[0].placements[1].steps[1].meeting", "expected an object");
  }
  assert_mutation_invalid ("\"BUP Falun\",\n                  \"Elevhälsan\"", "\"BUP Falun\",\n                  3",
                           "$.children[0].placements[1].steps[1].meeting.invited[1]", "string");
  assert_mutation_invalid ("\"BUP Falun\",\n                  \"Elevhälsan\"", "\"BUP Falun\",\n                  \"\"",
                           "$.children[0].placements[1].steps[1].meeting.invited[1]", "not empty");
  assert_mutation_invalid ("\"invited\": [\n                  \"BUP Falun\",\n                  \"Elevhälsan\",\n"
                           "                  \"Familjehemmet\"\n                ],",
                           "\"invited\": \"BUP Falun\",",
                           "$.children[0].placements[1].steps[1].meeting.invited", "expected a list");
  /* The model's checks: a unit that came was invited; none twice; one line */
  assert_mutation_invalid ("\"BUP Falun\",\n                  \"Familjehemmet\"\n                ],\n                \"planning",
                           "\"BUP Falun\",\n                  \"Skolan\"\n                ],\n                \"planning",
                           "$.children[0].placements[1].steps[1]", "not among the invited units");
  assert_mutation_invalid ("\"BUP Falun\",\n                  \"Elevhälsan\"", "\"BUP Falun\",\n                  \"BUP Falun\"",
                           "$.children[0].placements[1].steps[1]", "unit 2 is the same as unit 1");
  assert_mutation_invalid ("\"BUP Falun\",\n                  \"Elevhälsan\"", "\"BUP Falun\",\n                  \"Elev\\nhälsan\"",
                           "$.children[0].placements[1].steps[1]", "line break");
}

static void
test_error_validation (void)
{
  /* The model's checks, with the record's path before them */
  assert_mutation_invalid (",\n          \"custody_carried_out_date\": \"2025-02-04\"", "",
                           "$.children[0].placements[0]", NULL);
  assert_mutation_invalid ("\"end_date\": \"2025-03-20\"", "\"end_date\": \"2025-01-20\"",
                           "$.children[0].placements[0]", NULL);
  /* Closed, or a restriction decided, before the child was born */
  assert_mutation_invalid ("\"investigation_closed_date\": \"2025-03-07\"", "\"investigation_closed_date\": \"2012-03-14\"",
                           "$.children[0].placements[0]", "Investigation closed");
  assert_mutation_invalid ("\"restriction_decided_date\": \"2025-04-02\"", "\"restriction_decided_date\": \"2012-03-14\"",
                           "$.children[0].placements[1]", "Restriction decided");
  /* A restriction decided after the placement ended */
  assert_mutation_invalid ("\"investigation_closed_date\": \"2025-03-07\"",
                           "\"investigation_closed_date\": \"2025-03-07\", \"restriction_decided_date\": \"2025-03-21\"",
                           "$.children[0].placements[0]", "Restriction decided");
  /* But on its last day, or before the placement started, it is fine */
  {
    g_autofree char *full = load_fixture ("full.json");
    g_autofree char *on_end = mutate (full, "\"investigation_closed_date\": \"2025-03-07\"",
                                      "\"investigation_closed_date\": \"2025-03-07\", \"restriction_decided_date\": \"2025-03-20\"");
    g_autofree char *before_start = mutate (full, "\"restriction_decided_date\": \"2025-04-02\"",
                                            "\"restriction_decided_date\": \"2025-02-04\"");
    g_autoptr(PlcDataset) first = read_ok (on_end);
    g_autoptr(PlcDataset) second = read_ok (before_start);

    assert_date (plc_placement_get_restriction_decided_date (find_by_ref (plc_dataset_get_placements (first), "pl-alva-1")),
                 "2025-03-20");
    assert_date (plc_placement_get_restriction_decided_date (find_by_ref (plc_dataset_get_placements (second), "pl-alva-2")),
                 "2025-02-04");
  }
  assert_mutation_invalid (",\n              \"date\": \"2025-02-07\"", "",
                           "$.children[0].placements[0].steps[1]", NULL);
  assert_mutation_invalid (",\n              \"reason\": \"Fullständig hälsoundersökning gjord 2024-11-12, journalkopia i akten\"", "",
                           "$.children[0].placements[1].steps[0]", NULL);
  assert_mutation_invalid ("\"temporary_ref\": \"UMA-2025-017\",", "",
                           "$.children[2]", NULL);
  /* Stödboende is for ages 16-20 only */
  assert_mutation_invalid ("\"form\": \"natverkshem\"", "\"form\": \"stodboende\"",
                           "$.children[1].placements[0]", NULL);
  assert_mutation_invalid ("\"email\": \"familjehem@example.se\"", "\"email\": \"familjehem.example.se\"",
                           "$.contacts[0]", NULL);
  assert_mutation_invalid ("\"kind\": \"meeting\",\n          \"note\": \"Inskrivningsmöte i familjehemmet\"",
                           "\"kind\": \"meeting\"",
                           "$.children[0].contact_log[1]", NULL);
}

/* A child's unit on a unit server: read, written before the placements,
 * and checked as a unit code */
static void
test_unit (void)
{
  g_autofree char *full = load_fixture ("full.json");
  g_autofree char *json = mutate (full, "\"registration_municipality\": \"2080\",",
                                  "\"registration_municipality\": \"2080\",\n      \"unit\": \"IFO-BoU.Norr_1\",");
  g_autoptr(PlcDataset) dataset = read_ok (json);
  g_autoptr(PlcDataset) again = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  PlcChild *alva = find_by_ref (plc_dataset_get_children (dataset), "child-alva");
  PlcChild *other = find_by_ref (plc_dataset_get_children (dataset), "child-noah");

  g_assert_cmpstr (plc_child_get_unit (alva), ==, "IFO-BoU.Norr_1");
  g_assert_null (plc_child_get_unit (other));

  written = plc_interchange_write (dataset, NULL);
  g_assert_nonnull (strstr (written, "\"registration_municipality\": \"2080\",\n      \"unit\": \"IFO-BoU.Norr_1\",\n      \"placements\""));
  again = read_ok (written);
  rewritten = plc_interchange_write (again, NULL);
  g_assert_cmpstr (written, ==, rewritten);

  /* Left out, or empty: none */
  g_clear_pointer (&json, g_free);
  json = mutate (full, "\"registration_municipality\": \"2080\",",
                 "\"registration_municipality\": \"2080\", \"unit\": \"\",");
  g_clear_object (&again);
  again = read_ok (json);
  g_assert_null (plc_child_get_unit (find_by_ref (plc_dataset_get_children (again), "child-alva")));

  assert_mutation_invalid ("\"registration_municipality\": \"2080\",",
                           "\"registration_municipality\": \"2080\", \"unit\": \"Enhet Norr\",",
                           "$.children[0]", "Unit");
  assert_mutation_invalid ("\"registration_municipality\": \"2080\",",
                           "\"registration_municipality\": \"2080\", \"unit\": \"-U1\",",
                           "$.children[0]", "Unit");
  assert_mutation_invalid ("\"registration_municipality\": \"2080\",",
                           "\"registration_municipality\": \"2080\", \"unit\": 7,",
                           "$.children[0].unit", "string");
}

/* }}} */

/* The seed corpus for fuzzing: valid-* files read, invalid-* files are
 * refused cleanly. */
static void
test_fuzz_corpus (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", "interchange", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  const char *name;
  guint n_valid = 0;
  guint n_invalid = 0;

  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file_path = g_build_filename (path, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (file_path);
      g_autoptr(PlcDataset) dataset = NULL;

      g_test_message ("corpus: %s", name);
      dataset = plc_interchange_read_file (file, test_today (), &error);

      if (g_str_has_prefix (name, "valid-"))
        {
          g_assert_no_error (error);
          g_assert_nonnull (dataset);
          n_valid++;
        }
      else
        {
          g_assert_true (g_str_has_prefix (name, "invalid-"));
          g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
          g_assert_null (dataset);
          g_clear_error (&error);
          n_invalid++;
        }
    }

  g_assert_cmpuint (n_valid, >=, 2);
  g_assert_cmpuint (n_invalid, >=, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/interchange/read/full", test_read_full);
  g_test_add_func ("/interchange/read/variants", test_read_variants);
  g_test_add_func ("/interchange/read/minimal", test_read_minimal);
  g_test_add_func ("/interchange/write/round-trip", test_round_trip);
  g_test_add_func ("/interchange/write/escapes", test_write_escapes);
  g_test_add_func ("/interchange/write/file", test_write_file);
  g_test_add_func ("/interchange/unit", test_unit);
  g_test_add_func ("/interchange/documented-example", test_documented_example);
  g_test_add_func ("/interchange/error/unknown-field", test_error_unknown_field);
  g_test_add_func ("/interchange/error/wrong-type", test_error_wrong_type);
  g_test_add_func ("/interchange/error/missing", test_error_missing);
  g_test_add_func ("/interchange/error/date", test_error_date);
  g_test_add_func ("/interchange/error/enum", test_error_enum);
  g_test_add_func ("/interchange/error/personnummer", test_error_personnummer);
  g_test_add_func ("/interchange/error/place", test_error_place);
  g_test_add_func ("/interchange/error/duplicate-ref", test_error_duplicate_ref);
  g_test_add_func ("/interchange/error/format-version", test_error_format_version);
  g_test_add_func ("/interchange/error/malformed", test_error_malformed);
  g_test_add_func ("/interchange/error/strings", test_error_strings);
  g_test_add_func ("/interchange/error/depth", test_error_depth);
  g_test_add_func ("/interchange/error/personnummer-ref", test_error_personnummer_ref);
  g_test_add_func ("/interchange/error/validation", test_error_validation);
  g_test_add_func ("/interchange/meeting-record", test_meeting_record);
  g_test_add_func ("/interchange/fuzz-corpus", test_fuzz_corpus);

  return g_test_run ();
}
