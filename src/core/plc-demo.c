/* plc-demo.c: fictitious demonstration data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-demo"

#include "config.h"

#include <string.h>

#include "plc-demo.h"
#include "plc-enums.h"
#include "plc-error.h"
#include "plc-personnummer.h"

/*
 * The demonstration data is made up from the small lists below and a seeded
 * GRand, so that one seed, count and day always give the same data.  No
 * person in it exists:
 *
 *  - the names are common Swedish first names with surnames no one has
 *    (Exempelsson, Testsson…);
 *  - every personnummer has a serial number from 980 to 999, the range the
 *    Swedish Tax Agency (Skatteverket) keeps for test numbers and never
 *    gives to anyone;
 *  - the telephone numbers are from the series the Swedish Post and Telecom
 *    Authority (PTS) keeps for fiction, and the e-mail addresses are under
 *    the reserved top-level domain .example.
 */

typedef struct
{
  const char *profile;                /* the agreement it falls under, or NULL */
  const char *municipalities[6];      /* codes; NULL-terminated */
  PlcDate     valid_from;             /* the agreement's term, or 0 */
  PlcDate     valid_to;
  const char *region_unit;            /* for deviations */
} Area;

static const char * const boys[] = {
  "Elias", "Hugo", "Liam", "Noah", "William", "Oscar", "Lucas", "Adam",
  "Vincent", "Leo", "Theo", "Ali", "Omar", "Isak", "Melvin", "Arvid",
};

static const char * const girls[] = {
  "Alice", "Maja", "Elsa", "Astrid", "Vera", "Olivia", "Ella", "Selma",
  "Alma", "Saga", "Wilma", "Freja", "Ebba", "Nora", "Leila", "Tyra",
};

static const char * const adults[] = {
  "Anna", "Johan", "Maria", "Erik", "Sara", "Mikael", "Fatima", "Ahmed",
  "Karin", "Anders", "Linda", "Peter",
};

static const char * const surnames[] = {
  "Exempelsson", "Testsson", "Provsson", "Demosson", "Låtsasson",
  "Fiktivsson", "Exempeldotter", "Övningsson", "Modellsson", "Mönstersson",
  "Påhittadsson", "Prövadotter",
};

static const char * const caseworkers[] = {
  "Kim Handläggare", "Robin Socialsekreterare", "Alex Exempelberg",
  "Sam Demodotter", "Charlie Testlund", "Eli Provström",
};

static const char * const languages[] = {
  "arabiska", "dari", "somaliska", "tigrinja",
};

static const char * const end_reasons[] = {
  "Återförening med vårdnadshavarna",
  "Vården upphörde efter övervägande",
  "Flytt till eget boende",
};

static const char * const log_notes[] = {
  "Bokade tid för hälsoundersökning",
  "Uppföljningssamtal med familjehemmet",
  "Skickade kallelse till SIP-möte",
  "Enskilt samtal med barnet",
  "Stämde av skolgången med elevhälsan",
  "Begärde kopia av journalanteckningar",
  "Informerade vårdnadshavarna om vårdplanen",
};

typedef struct
{
  const char           *title;
  const char           *rule;
  PlcDeviationCategory  category;
} DeviationKind;

static const DeviationKind deviation_kinds[] = {
  { "Hälsoundersökning inte erbjuden i tid", "health-exam", PLC_DEVIATION_CATEGORY_HEALTH_EXAMINATION },
  { "Ingen återkoppling efter hälsoundersökningen", "health-exam-feedback", PLC_DEVIATION_CATEGORY_INFORMATION },
  { "SIP-kallelse utan svar", "sip-meeting", PLC_DEVIATION_CATEGORY_SIP },
  { "Remiss till vårdregionen saknades", NULL, PLC_DEVIATION_CATEGORY_REFERRAL },
  { "Kostnadsfördelningen blev inte klar i tid", NULL, PLC_DEVIATION_CATEGORY_COST_RESPONSIBILITY },
  { "Utskrivning från slutenvården utan SIP", NULL, PLC_DEVIATION_CATEGORY_DISCHARGE },
};

/* Dalarna's agreement fixes the title in the region's deviation system. */
#define DALARNA_DEVIATION_TITLE \
  "Brister i samverkan utifrån Länsövergripande överenskommelse om samverkan för barns och ungas hälsa"

/* PTS's numbers for fiction: the last two digits are free (05 to 99 for mobiles). */
static const char * const phone_series[] = {
  "08-465 004 ", "031-390 06 ", "040-628 04 ", "0980-31 92 ", "070-174 06 ",
};

typedef struct
{
  GRand      *rand;
  GRand      *meeting_rand;          /* its own, so that the rest stays as it was */
  PlcDate     today;
  PlcDataset *dataset;
  GHashTable *personnummer;          /* normalized numbers given out */
  GHashTable *shared_contacts;       /* "kind:area" → PlcContact */
  guint       n_contacts;
} Builder;

static Area *
get_areas (guint *n_areas)
{
  static Area areas[5];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      areas[0] = (Area) { "stockholm", { "0180", "0184", "0126", "0182", "0181", NULL },
                          plc_date_new (2022, 4, 1), 0, "Region Stockholm, BUP" };
      areas[1] = (Area) { "jonkoping", { "0680", "0683", "0682", NULL },
                          plc_date_new (2015, 11, 30), 0, "Region Jönköpings län, barnhälsovården" };
      areas[2] = (Area) { "dalarna", { "2080", "2081", "2062", "2085", NULL },
                          plc_date_new (2022, 1, 1), plc_date_new (2025, 1, 1), "Region Dalarna, BUP" };
      areas[3] = (Area) { "ostergotland", { "0580", "0581", "0583", NULL },
                          plc_date_new (2020, 6, 1), plc_date_new (2022, 12, 31), "Region Östergötland, vårdcentralen" };
      areas[4] = (Area) { NULL, { "0380", "1480", "1280", "1880", "2480", NULL },
                          0, 0, "Regionens tandvård" };
      g_once_init_leave (&initialized, 1);
    }

  *n_areas = G_N_ELEMENTS (areas);
  return areas;
}

static guint
count_strv (const char * const *strv)
{
  guint n = 0;

  while (strv[n] != NULL)
    n++;

  return n;
}

#define PICK(b, array) ((array)[g_rand_int_range ((b)->rand, 0, G_N_ELEMENTS (array))])

static int
range (Builder *b,
       int      from,
       int      to)       /* inclusive */
{
  if (to <= from)
    return from;

  return g_rand_int_range (b->rand, from, to + 1);
}

static gboolean
chance (Builder *b,
        double   p)
{
  return g_rand_double (b->rand) < p;
}

static PlcDate
date_between (Builder *b,
              PlcDate  from,
              PlcDate  to)
{
  if (to <= from)
    return from;

  return from + (PlcDate) g_rand_int_range (b->rand, 0, (gint32) (to - from) + 1);
}

static PlcDate
not_after_today (Builder *b,
                 PlcDate  date)
{
  return MIN (date, b->today);
}

static char *
timestamp (PlcDate date,
           int     hour)
{
  g_autofree char *iso = plc_date_to_iso (date);

  return g_strdup_printf ("%sT%02d:%02d:00Z", iso, hour, (hour * 7) % 60);
}

static char *
phone_number (Builder *b,
              gboolean mobile)
{
  const char *series = mobile ? phone_series[4] : phone_series[range (b, 0, 3)];

  return g_strdup_printf ("%s%02u", series, (guint) range (b, 5, 99));
}

/**
 * plc_demo_is_test_personnummer:
 * @personnummer: a personnummer as `YYYYMMDD-NNNC`
 *
 * Returns: %TRUE if the number is valid and its serial number is in the
 *   range 980 to 999, which the Tax Agency keeps for tests
 */
gboolean
plc_demo_is_test_personnummer (const char *personnummer)
{
  PlcPersonnummer parsed;
  int serial;

  if (personnummer == NULL || !plc_personnummer_parse (personnummer, NULL, &parsed, NULL))
    return FALSE;

  if (parsed.coordination)
    return FALSE;

  serial = (parsed.normalized[9] - '0') * 100 + (parsed.normalized[10] - '0') * 10 + (parsed.normalized[11] - '0');

  return serial >= 980 && serial <= 999;
}

/* A test personnummer for the birth date, for a boy or a girl, never given before. */
static char *
make_personnummer (Builder *b,
                   PlcDate  birth,
                   gboolean male)
{
  int start = range (b, 0, 9);

  for (int i = 0; i < 10; i++)
    {
      int serial = 980 + (start + 2 * i + (i >= 5 ? 1 : 0)) % 20;
      char nine[10];
      g_autofree char *text = NULL;
      PlcPersonnummer parsed;

      /* The last digit of the serial: odd for a man, even for a woman. */
      if ((serial % 2 == 1) != male)
        serial = serial % 2 == 1 ? serial - 1 : serial + 1;

      g_snprintf (nine, sizeof nine, "%02d%02d%02d%03d",
                  plc_date_get_year (birth) % 100, plc_date_get_month (birth),
                  plc_date_get_day (birth), serial);
      text = g_strdup_printf ("%04d%02d%02d-%03d%d",
                              plc_date_get_year (birth), plc_date_get_month (birth),
                              plc_date_get_day (birth), serial, plc_personnummer_luhn (nine));

      if (g_hash_table_contains (b->personnummer, text))
        continue;

      /* Never hand out a number the validation would refuse. */
      if (!plc_personnummer_parse (text, NULL, &parsed, NULL) ||
          !plc_demo_is_test_personnummer (text))
        {
          g_critical ("A made-up test personal identity number was not valid");
          continue;
        }

      g_hash_table_add (b->personnummer, g_strdup (text));
      return g_steal_pointer (&text);
    }

  return NULL;
}

static PlcContact *
add_contact (Builder    *b,
             const char *name,
             const char *organisation,
             gboolean    mobile)
{
  g_autoptr(PlcContact) contact = plc_contact_new ();
  g_autofree char *ref = g_strdup_printf (PLC_DEMO_REF_PREFIX "contact-%04u", ++b->n_contacts);
  g_autofree char *phone = phone_number (b, mobile);
  g_autofree char *email = g_strdup_printf ("kontakt%u@demo.example", b->n_contacts);

  plc_contact_set_ref (contact, ref);
  plc_contact_set_name (contact, name);
  plc_contact_set_organisation (contact, organisation);
  plc_contact_set_phone (contact, phone);
  plc_contact_set_email (contact, email);
  g_ptr_array_add (plc_dataset_get_contacts (b->dataset), g_object_ref (contact));

  return contact;
}

static void
link_contact (PlcContact     *contact,
              const char     *child_ref,
              const char     *placement_ref,
              PlcContactRole  role)
{
  g_autoptr(PlcContactLink) link = plc_contact_link_new ();

  link->child_ref = g_strdup (child_ref);
  link->placement_ref = g_strdup (placement_ref);
  link->role = role;
  plc_contact_add_link (contact, g_steal_pointer (&link));
}

/* A unit serving every child of an area, made on first use. */
static PlcContact *
shared_contact (Builder        *b,
                guint           area_index,
                PlcContactRole  role)
{
  g_autofree char *key = g_strdup_printf ("%d:%u", role, area_index);
  guint n_areas;
  const Area *area = &get_areas (&n_areas)[area_index];
  PlcContact *contact;
  const char *name;
  const char *organisation;
  g_autofree char *place = NULL;

  contact = g_hash_table_lookup (b->shared_contacts, key);
  if (contact != NULL)
    return contact;

  place = g_strdup (area->profile != NULL ? area->region_unit : "Region Exempel");
  if (strchr (place, ',') != NULL)
    *strchr (place, ',') = '\0';

  organisation = place;
  if (role == PLC_CONTACT_ROLE_BUP)
    name = "BUP Exempelmottagningen";
  else if (role == PLC_CONTACT_ROLE_PRIMARY_CARE)
    name = "Vårdcentralen Provbacken";
  else if (role == PLC_CONTACT_ROLE_DENTAL)
    name = "Folktandvården Demotorget";
  else if (role == PLC_CONTACT_ROLE_DEVIATION_OFFICER)
    name = "Avvikelsesamordnaren";
  else if (role == PLC_CONTACT_ROLE_PUBLIC_COUNSEL)
    {
      name = "Advokat Per Exempelbiträde";
      organisation = "Exempelbyrån";
    }
  else if (role == PLC_CONTACT_ROLE_GOD_MAN)
    {
      name = "Gun Godmansdotter";
      organisation = NULL;
    }
  else
    {
      name = "Elevhälsan, Exempelskolan";
      organisation = NULL;
    }

  contact = add_contact (b, name, organisation, role == PLC_CONTACT_ROLE_GOD_MAN);
  g_hash_table_insert (b->shared_contacts, g_steal_pointer (&key), contact);

  return contact;
}

static void
add_status (Builder      *b,
            const char   *placement_ref,
            const char   *rule,
            int           occurrence,
            PlcStepState  state,
            PlcDate       date,
            const char   *text,
            const char   *caseworker)
{
  g_autoptr(PlcStepStatus) status = plc_step_status_new ();
  g_autofree char *recorded_at = NULL;

  date = not_after_today (b, date);
  recorded_at = timestamp (date, 14);

  plc_step_status_set_placement_ref (status, placement_ref);
  plc_step_status_set_rule (status, rule);
  plc_step_status_set_occurrence (status, occurrence);
  plc_step_status_set_state (status, state);
  if (state == PLC_STEP_STATE_DONE)
    {
      plc_step_status_set_date (status, date);
      plc_step_status_set_note (status, text);
    }
  else
    plc_step_status_set_reason (status, text);
  plc_step_status_set_recorded_by (status, caseworker);
  plc_step_status_set_recorded_at (status, recorded_at);

  g_ptr_array_add (plc_dataset_get_step_statuses (b->dataset), g_steal_pointer (&status));
}

/* The units a SIP meeting invites, and who came: most meetings have
 * everyone, some miss one; about half complete the planning */
static void
add_meeting_record (Builder       *b,
                    PlcStepStatus *status)
{
  static const char * const units[] = {
    "BUP", "Vårdcentralen", "Elevhälsan", "Tandvården", "Habiliteringen", "Familjehemmet",
  };
  const char *invited[G_N_ELEMENTS (units) + 1] = { NULL, };
  const char *attended[G_N_ELEMENTS (units) + 1] = { NULL, };
  guint first = g_rand_int_range (b->meeting_rand, 0, G_N_ELEMENTS (units));
  guint n = g_rand_int_range (b->meeting_rand, 2, 5);
  guint n_attended = 0;

  for (guint i = 0; i < n; i++)
    {
      invited[i] = units[(first + i) % G_N_ELEMENTS (units)];
      if (g_rand_double (b->meeting_rand) < 0.93)
        attended[n_attended++] = invited[i];
    }

  plc_step_status_set_invited_units (status, invited);
  plc_step_status_set_attended_units (status, attended);
  plc_step_status_set_planning_completed (status, g_rand_double (b->meeting_rand) < 0.5);
}

/*
 * Marks a step done on or a little before its due date, with probability
 * @p, if it has fallen due (or nearly) and the placement was still going
 * on.  Returns the day it was done, or 0 if it was left open.
 */
static PlcDate
maybe_done (Builder      *b,
            PlcPlacement *placement,
            const char   *rule,
            int           occurrence,
            PlcDate       due,
            double        p,
            const char   *note)
{
  PlcDate start = plc_placement_get_start_date (placement);
  PlcDate end = plc_placement_get_end_date (placement);
  PlcDate done;

  if (due > plc_date_add_days (b->today, 10) || (end != PLC_DATE_NONE && due > end) || !chance (b, p))
    return PLC_DATE_NONE;

  done = plc_date_add_days (due, -range (b, 0, 6));
  done = MAX (done, start);
  done = not_after_today (b, done);

  add_status (b, plc_placement_get_ref (placement), rule, occurrence, PLC_STEP_STATE_DONE, done, note,
              plc_placement_get_caseworker (placement));

  if (g_str_equal (rule, "sip-meeting") || g_str_equal (rule, "sip-follow-up"))
    {
      GPtrArray *statuses = plc_dataset_get_step_statuses (b->dataset);

      add_meeting_record (b, g_ptr_array_index (statuses, statuses->len - 1));
    }

  return done;
}

/*
 * A repeating step: each occurrence counts from when the previous one was
 * done, or from its due date when it was not.  Older occurrences are
 * mostly done; the recent ones are where work slips.
 */
static void
maybe_done_repeating (Builder      *b,
                      PlcPlacement *placement,
                      const char   *rule,
                      PlcDate       anchor,
                      int           months,
                      double        p,
                      PlcDate       until,
                      const char   *note)
{
  PlcDate due = plc_date_add_months (anchor, months);
  PlcDate recent = plc_date_add_days (b->today, -120);

  for (int occurrence = 1; occurrence < 80 && due < until && due <= plc_date_add_days (b->today, 10); occurrence++)
    {
      PlcDate done = maybe_done (b, placement, rule, occurrence, due,
                                 due < recent ? MAX (p, 0.97) : p, note);

      due = plc_date_add_months (done != PLC_DATE_NONE ? done : due, months);
    }
}

/*
 * Some steps done, some not needed, the rest left open (and so some
 * overdue).  Most placements are well kept, some have gaps, a few are
 * behind.  The due dates here follow the shipped profiles roughly; the
 * engine works out the real ones.
 */
static void
add_statuses (Builder      *b,
              PlcPlacement *placement,
              PlcChild     *child,
              const char   *profile)
{
  const char *ref = plc_placement_get_ref (placement);
  const char *caseworker = plc_placement_get_caseworker (placement);
  PlcLegalBasis basis = plc_placement_get_legal_basis (placement);
  PlcDate start = plc_placement_get_start_date (placement);
  PlcDate adult = plc_date_add_years (plc_child_get_birth_date (child), 18);
  PlcDate notified = PLC_DATE_NONE;
  PlcDate examined = PLC_DATE_NONE;
  PlcDate sip = PLC_DATE_NONE;
  double kept = g_rand_double (b->rand);
  double p = kept < 0.55 ? 0.95 : kept < 0.85 ? 0.7 : 0.35;
  static const char * const parts[] = { "physical", "mental", "dental" };

  if (plc_placement_get_previous_ref (placement) != NULL && chance (b, 0.4))
    add_status (b, ref, "health-exam-notification", 1, PLC_STEP_STATE_NOT_NEEDED, 0,
                "Underrättelse skickad vid den tidigare placeringen för mindre än en månad sedan",
                caseworker);
  else
    notified = maybe_done (b, placement, "health-exam-notification", 1, plc_date_add_days (start, 3), p,
                           chance (b, 0.5) ? "Begäran om hälsoundersökning skickad" : NULL);

  /* The law allows "not needed" when a full examination was done in the
   * past year; the agreements want it well documented. */
  if (notified != PLC_DATE_NONE && chance (b, 0.12))
    add_status (b, ref, "health-exam", 1, PLC_STEP_STATE_NOT_NEEDED, 0,
                "Fullständig hälsoundersökning gjord för mindre än ett år sedan, journalkopia i akten",
                caseworker);
  else if (notified != PLC_DATE_NONE)
    {
      gboolean all = TRUE;

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          g_autofree char *rule = g_strconcat ("health-exam/", parts[i], NULL);
          PlcDate done = maybe_done (b, placement, rule, 1, plc_date_add_days (notified, 28), p, NULL);

          all = all && done != PLC_DATE_NONE;
          examined = MAX (examined, done);
        }

      if (all)
        maybe_done (b, placement, "health-exam-feedback", 1, plc_date_add_days (examined, 14), p, NULL);
    }

  if (plc_child_get_asylum_seeker (child))
    maybe_done (b, placement, "asylum-health-exam", 1, plc_date_add_days (start, 28), p, NULL);

  maybe_done (b, placement, "sip-start", 1, plc_date_add_days (start, 3), p,
              chance (b, 0.5) ? "Samtycke från vårdnadshavarna" : NULL);
  sip = maybe_done (b, placement, "sip-meeting", 1, plc_date_add_days (start, 28), p, NULL);
  maybe_done_repeating (b, placement, "sip-follow-up",
                        sip != PLC_DATE_NONE ? sip : plc_date_add_days (start, 28), 3, p, G_MAXUINT32, NULL);

  if (g_strcmp0 (profile, "dalarna") == 0 || g_strcmp0 (profile, "jonkoping") == 0)
    maybe_done (b, placement, "care-planning", 1, plc_date_add_days (start, 3), p, NULL);
  if (g_strcmp0 (profile, "dalarna") == 0)
    {
      maybe_done (b, placement, "school-notification", 1, plc_date_add_days (start, 3), p, NULL);
      maybe_done (b, placement, "cost-split", 1, plc_date_add_months (start, 1), p, NULL);
    }
  if (g_strcmp0 (profile, "jonkoping") == 0 && plc_placement_get_other_region (placement))
    maybe_done (b, placement, "region-referral", 1, start, p, NULL);

  if (basis == PLC_LEGAL_BASIS_LVU6)
    {
      PlcDate submitted = maybe_done (b, placement, "lvu-court-submission", 1, plc_date_add_days (start, 7),
                                      p, "Överlämnat till förvaltningsrätten");

      if (submitted != PLC_DATE_NONE)
        maybe_done (b, placement, "lvu-court-decision", 1, plc_date_add_days (submitted, 7), 0.9, NULL);
      maybe_done (b, placement, "lvu-care-application", 1, plc_date_add_days (start, 28), p, NULL);
    }

  maybe_done_repeating (b, placement, "child-visits", start, 3, p, G_MAXUINT32,
                        chance (b, 0.5) ? "Enskilt samtal med barnet" : NULL);

  if (basis == PLC_LEGAL_BASIS_SOL)
    maybe_done_repeating (b, placement, "sol-consider", start, 6, p, adult, NULL);
  else if (basis == PLC_LEGAL_BASIS_LVU2)
    maybe_done_repeating (b, placement, "lvu-consider", start, 6, p, adult, NULL);
  else if (basis == PLC_LEGAL_BASIS_LVU3)
    maybe_done_repeating (b, placement, "lvu-review", start, 6, p, G_MAXUINT32, NULL);

  if (plc_placement_get_restriction_decided_date (placement) != PLC_DATE_NONE)
    maybe_done_repeating (b, placement, "lvu-restriction-review",
                          plc_placement_get_restriction_decided_date (placement), 3, p, G_MAXUINT32, NULL);

  if (plc_placement_get_form (placement) == PLC_PLACEMENT_FORM_FAMILJEHEM ||
      plc_placement_get_form (placement) == PLC_PLACEMENT_FORM_NATVERKSHEM)
    maybe_done_repeating (b, placement, "custody-transfer-consider", plc_date_add_years (start, 1), 12, p,
                          adult, NULL);

  maybe_done (b, placement, "care-plan-revision", 1, plc_date_add_years (start, 2), p, NULL);
}

static PlcPlacement *
new_placement (Builder          *b,
               PlcChild         *child,
               guint             number,
               const char       *placing,
               const char       *caseworker,
               PlcLegalBasis     basis,
               PlcPlacementForm  form,
               PlcDate           start,
               guint             area_index)
{
  g_autoptr(PlcPlacement) placement = plc_placement_new ();
  g_autofree char *ref = NULL;
  guint n_areas;
  const Area *areas = get_areas (&n_areas);
  const Area *area;
  const char *placed_in;

  /* demo-placement-NNNN-N, after the child's demo-child-NNNN */
  ref = g_strdup_printf (PLC_DEMO_REF_PREFIX "placement-%s-%u",
                         plc_child_get_ref (child) + strlen (PLC_DEMO_REF_PREFIX "child-"), number);

  plc_placement_set_ref (placement, ref);
  plc_placement_set_child_ref (placement, plc_child_get_ref (child));
  plc_placement_set_placing_municipality (placement, placing);
  plc_placement_set_caseworker (placement, caseworker);
  plc_placement_set_legal_basis (placement, basis);
  plc_placement_set_form (placement, form);
  plc_placement_set_start_date (placement, start);

  /* Mostly in the home county; now and then in another region. */
  area = chance (b, 0.75) ? &areas[area_index] : &areas[range (b, 0, n_areas - 1)];
  placed_in = area->municipalities[range (b, 0, count_strv (area->municipalities) - 1)];
  plc_placement_set_placed_in_municipality (placement, placed_in);
  plc_placement_update_other_region (placement, child);

  if (basis == PLC_LEGAL_BASIS_LVU6)
    {
      plc_placement_set_acute (placement, TRUE);
      plc_placement_set_lvu_decision_date (placement, start);
      plc_placement_set_custody_carried_out_date (placement, start);
    }
  else if (form == PLC_PLACEMENT_FORM_JOURHEM)
    plc_placement_set_acute (placement, chance (b, 0.5));

  if (form == PLC_PLACEMENT_FORM_JOURHEM)
    {
      PlcDate closed = plc_date_add_days (start, range (b, 21, 42));

      if (closed <= b->today)
        plc_placement_set_investigation_closed_date (placement, closed);
    }

  if (basis == PLC_LEGAL_BASIS_LVU2 && chance (b, 0.25))
    {
      PlcDate decided = plc_date_add_days (start, range (b, 7, 30));

      if (decided <= b->today)
        plc_placement_set_restriction_decided_date (placement, decided);
    }

  if (form == PLC_PLACEMENT_FORM_STODBOENDE)
    plc_placement_set_planned_end_date (placement, plc_date_add_years (start, 1));
  else if (form == PLC_PLACEMENT_FORM_FAMILJEHEM && chance (b, 0.3))
    plc_placement_set_planned_end_date (placement,
                                        plc_date_add_years (plc_child_get_birth_date (child), 18));

  if (plc_placement_get_planned_end_date (placement) != PLC_DATE_NONE &&
      plc_placement_get_planned_end_date (placement) < start)
    plc_placement_set_planned_end_date (placement, PLC_DATE_NONE);

  g_ptr_array_add (plc_dataset_get_placements (b->dataset), g_object_ref (placement));

  return g_steal_pointer (&placement);
}

static void
end_placement (PlcPlacement *placement,
               PlcDate       end,
               const char   *reason)
{
  plc_placement_set_end_date (placement, end);
  plc_placement_set_end_reason (placement, reason);

  if (plc_placement_get_restriction_decided_date (placement) > end)
    plc_placement_set_restriction_decided_date (placement, PLC_DATE_NONE);
  if (plc_placement_get_investigation_closed_date (placement) > end)
    plc_placement_set_investigation_closed_date (placement, PLC_DATE_NONE);
}

static PlcDate
choose_start (Builder    *b,
              const Area *area)
{
  PlcDate from = plc_date_add_years (b->today, -3);
  PlcDate to = b->today;

  /* A third start recently, so that the first steps are due or overdue. */
  if (chance (b, 0.3))
    return plc_date_add_days (b->today, -range (b, 0, 60));

  /* Placements under an agreement that has ended started while it was in force. */
  if (area->valid_to != 0)
    {
      PlcDate window_from = MAX (area->valid_from, plc_date_add_years (b->today, -6));
      PlcDate window_to = MIN (area->valid_to - 1, b->today);

      if (window_from < window_to)
        return date_between (b, window_from, window_to);
    }
  else if (area->valid_from != 0)
    from = MAX (from, area->valid_from);

  return date_between (b, from, to);
}

static PlcLegalBasis
choose_basis (Builder *b,
              guint    i)
{
  double p;

  if (i < 4)
    return (PlcLegalBasis) i;

  p = g_rand_double (b->rand);
  if (p < 0.4)
    return PLC_LEGAL_BASIS_SOL;
  if (p < 0.65)
    return PLC_LEGAL_BASIS_LVU2;
  if (p < 0.8)
    return PLC_LEGAL_BASIS_LVU3;
  return PLC_LEGAL_BASIS_LVU6;
}

static PlcPlacementForm
choose_form (Builder       *b,
             guint          i,
             PlcLegalBasis  basis)
{
  double p;

  if (i < 6)
    return (PlcPlacementForm) ((i + 2) % 6);

  p = g_rand_double (b->rand);
  if (basis == PLC_LEGAL_BASIS_LVU6)
    return p < 0.6 ? PLC_PLACEMENT_FORM_JOURHEM : PLC_PLACEMENT_FORM_HVB;
  if (basis == PLC_LEGAL_BASIS_LVU3 && p < 0.3)
    return PLC_PLACEMENT_FORM_SIS;
  if (p < 0.45)
    return PLC_PLACEMENT_FORM_FAMILJEHEM;
  if (p < 0.6)
    return PLC_PLACEMENT_FORM_NATVERKSHEM;
  if (p < 0.72)
    return PLC_PLACEMENT_FORM_JOURHEM;
  if (p < 0.9)
    return PLC_PLACEMENT_FORM_HVB;
  return PLC_PLACEMENT_FORM_STODBOENDE;
}

static PlcContactRole
home_role (PlcPlacementForm form)
{
  switch (form)
    {
    case PLC_PLACEMENT_FORM_FAMILJEHEM:
    case PLC_PLACEMENT_FORM_NATVERKSHEM:
      return PLC_CONTACT_ROLE_FOSTER_HOME;
    case PLC_PLACEMENT_FORM_JOURHEM:
      return PLC_CONTACT_ROLE_EMERGENCY_HOME;
    case PLC_PLACEMENT_FORM_HVB:
      return PLC_CONTACT_ROLE_HVB;
    case PLC_PLACEMENT_FORM_STODBOENDE:
    case PLC_PLACEMENT_FORM_SIS:
    default:
      return PLC_CONTACT_ROLE_OTHER;
    }
}

static void
add_home_contact (Builder      *b,
                  PlcChild     *child,
                  PlcPlacement *placement)
{
  PlcPlacementForm form = plc_placement_get_form (placement);
  g_autofree char *name = NULL;
  PlcContact *contact;

  switch (form)
    {
    case PLC_PLACEMENT_FORM_FAMILJEHEM:
      name = g_strdup_printf ("Familjehemmet %s", PICK (b, surnames));
      break;
    case PLC_PLACEMENT_FORM_NATVERKSHEM:
      name = g_strdup_printf ("Nätverkshemmet %s", PICK (b, surnames));
      break;
    case PLC_PLACEMENT_FORM_JOURHEM:
      name = g_strdup_printf ("Jourhemmet %s", PICK (b, surnames));
      break;
    case PLC_PLACEMENT_FORM_HVB:
      name = g_strdup ("HVB Exempelgården");
      break;
    case PLC_PLACEMENT_FORM_STODBOENDE:
      name = g_strdup ("Stödboendet Provhuset");
      break;
    case PLC_PLACEMENT_FORM_SIS:
    default:
      name = g_strdup ("Särskilt ungdomshem Demogården");
      break;
    }

  contact = add_contact (b, name, NULL, form == PLC_PLACEMENT_FORM_FAMILJEHEM ||
                                        form == PLC_PLACEMENT_FORM_NATVERKSHEM ||
                                        form == PLC_PLACEMENT_FORM_JOURHEM);
  link_contact (contact, plc_child_get_ref (child), plc_placement_get_ref (placement), home_role (form));
}

static void
add_log (Builder    *b,
         PlcChild   *child,
         PlcDate     from,
         const char *with_whom,
         const char *caseworker)
{
  guint n = range (b, 1, 4);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlcContactLogEntry) entry = plc_contact_log_entry_new ();
      g_autofree char *ref = g_strdup_printf (PLC_DEMO_REF_PREFIX "log-%s-%u",
                                              plc_child_get_ref (child) + strlen (PLC_DEMO_REF_PREFIX "child-"),
                                              i + 1);
      PlcDate date = date_between (b, from, b->today);
      g_autofree char *recorded_at = timestamp (date, 15);

      plc_contact_log_entry_set_ref (entry, ref);
      plc_contact_log_entry_set_child_ref (entry, plc_child_get_ref (child));
      plc_contact_log_entry_set_date (entry, date);
      plc_contact_log_entry_set_kind (entry, (PlcContactLogKind) range (b, 0, PLC_CONTACT_LOG_KIND_OTHER));
      plc_contact_log_entry_set_with_whom (entry, chance (b, 0.8) ? with_whom : NULL);
      plc_contact_log_entry_set_note (entry, PICK (b, log_notes));
      plc_contact_log_entry_set_recorded_by (entry, caseworker);
      plc_contact_log_entry_set_recorded_at (entry, recorded_at);

      g_ptr_array_add (plc_dataset_get_contact_log (b->dataset), g_steal_pointer (&entry));
    }
}

static void
add_child (Builder *b,
           guint    i)
{
  guint n_areas;
  const Area *areas = get_areas (&n_areas);
  guint area_index = i % n_areas;
  const Area *area = &areas[area_index];
  const char *home = area->municipalities[range (b, 0, count_strv (area->municipalities) - 1)];
  const char *caseworker = PICK (b, caseworkers);
  g_autoptr(PlcChild) child = plc_child_new ();
  g_autoptr(PlcPlacement) first = NULL;
  g_autoptr(PlcPlacement) current = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ref = g_strdup_printf (PLC_DEMO_REF_PREFIX "child-%04u", i + 1);
  g_autofree char *name = NULL;
  g_autofree char *personnummer = NULL;
  const char *surname = PICK (b, surnames);
  PlcLegalBasis basis = choose_basis (b, i);
  PlcPlacementForm form = choose_form (b, i, basis);
  PlcDate start = choose_start (b, area);
  PlcDate birth;
  gboolean male = chance (b, 0.5);
  int age;
  PlcContact *contact;
  const char *with_whom;

  if (form == PLC_PLACEMENT_FORM_SIS && basis != PLC_LEGAL_BASIS_LVU3 && basis != PLC_LEGAL_BASIS_LVU6)
    basis = PLC_LEGAL_BASIS_LVU3;

  if (form == PLC_PLACEMENT_FORM_STODBOENDE)
    age = range (b, 16, 19);
  else if (form == PLC_PLACEMENT_FORM_SIS || basis == PLC_LEGAL_BASIS_LVU3)
    age = range (b, 13, 17);
  else
    age = range (b, 0, 16);

  birth = plc_date_add_days (plc_date_add_years (start, -age - 1), range (b, 1, 364));
  personnummer = make_personnummer (b, birth, male);
  if (personnummer == NULL)
    return;

  name = g_strdup_printf ("%s %s", male ? PICK (b, boys) : PICK (b, girls), surname);
  plc_child_set_ref (child, ref);
  plc_child_set_name (child, name);
  if (!plc_child_set_personnummer_text (child, personnummer, b->today, &error))
    {
      g_critical ("A demonstration personal identity number was refused: %s", error->message);
      return;
    }
  plc_child_set_home_municipality (child, home);
  plc_child_set_registration_municipality (child, home);

  if (age >= 12 && chance (b, 0.12))
    {
      plc_child_set_asylum_seeker (child, TRUE);
      plc_child_set_unaccompanied (child, TRUE);
      plc_child_set_interpreter_language (child, PICK (b, languages));
    }
  else if (chance (b, 0.08))
    plc_child_set_lss (child, TRUE);

  g_ptr_array_add (plc_dataset_get_children (b->dataset), g_object_ref (child));

  first = new_placement (b, child, 1, home, caseworker, basis, form, start, area_index);
  current = g_object_ref (first);

  /* Moves (omplacering): immediate custody followed by care under LVU, or
   * an emergency home followed by a foster home. */
  if ((basis == PLC_LEGAL_BASIS_LVU6 && (int) b->today - (int) start > 45 && (i == 3 || chance (b, 0.7))) ||
      (form == PLC_PLACEMENT_FORM_JOURHEM && basis != PLC_LEGAL_BASIS_LVU6 &&
       (int) b->today - (int) start > 75 && chance (b, 0.5)))
    {
      PlcDate end = plc_date_add_days (start, range (b, 25, 45));
      PlcLegalBasis next_basis = basis;
      PlcPlacementForm next_form = chance (b, 0.7) ? PLC_PLACEMENT_FORM_FAMILJEHEM : PLC_PLACEMENT_FORM_HVB;

      if (basis == PLC_LEGAL_BASIS_LVU6)
        next_basis = age >= 13 && chance (b, 0.4) ? PLC_LEGAL_BASIS_LVU3 : PLC_LEGAL_BASIS_LVU2;

      end_placement (first, end, next_basis != basis ? "Omplacering efter beslut om vård enligt LVU"
                                                     : "Omplacering till familjehem");
      add_statuses (b, first, child, area->profile);

      g_clear_object (&current);
      current = new_placement (b, child, 2, home, caseworker, next_basis, next_form, end, area_index);
      plc_placement_set_previous_ref (current, plc_placement_get_ref (first));
    }

  /* Some placements have ended. */
  if ((int) b->today - (int) plc_placement_get_start_date (current) > 120 && chance (b, 0.12))
    end_placement (current,
                   date_between (b, plc_date_add_days (plc_placement_get_start_date (current), 90),
                                 plc_date_add_days (b->today, -1)),
                   PICK (b, end_reasons));

  add_statuses (b, current, child, area->profile);
  add_home_contact (b, child, current);

  /* Guardians, or a god man for an unaccompanied child. */
  if (plc_child_get_unaccompanied (child))
    {
      contact = shared_contact (b, area_index, PLC_CONTACT_ROLE_GOD_MAN);
      link_contact (contact, ref, NULL, PLC_CONTACT_ROLE_GOD_MAN);
      with_whom = plc_contact_get_name (contact);
    }
  else
    {
      g_autofree char *guardian = g_strdup_printf ("%s %s", PICK (b, adults), surname);

      contact = add_contact (b, guardian, NULL, TRUE);
      link_contact (contact, ref, NULL, PLC_CONTACT_ROLE_GUARDIAN);
      with_whom = plc_contact_get_name (contact);

      if (chance (b, 0.5))
        {
          g_autofree char *second = g_strdup_printf ("%s %s", PICK (b, adults), surname);

          contact = add_contact (b, second, NULL, TRUE);
          link_contact (contact, ref, NULL, PLC_CONTACT_ROLE_GUARDIAN);
        }
    }

  if (chance (b, 0.5))
    link_contact (shared_contact (b, area_index, PLC_CONTACT_ROLE_BUP), ref, NULL, PLC_CONTACT_ROLE_BUP);
  if (age >= 6)
    link_contact (shared_contact (b, area_index, PLC_CONTACT_ROLE_SCHOOL), ref, NULL, PLC_CONTACT_ROLE_SCHOOL);
  link_contact (shared_contact (b, area_index, PLC_CONTACT_ROLE_PRIMARY_CARE), ref, NULL,
                PLC_CONTACT_ROLE_PRIMARY_CARE);
  if (chance (b, 0.4))
    link_contact (shared_contact (b, area_index, PLC_CONTACT_ROLE_DENTAL), ref, NULL, PLC_CONTACT_ROLE_DENTAL);
  if (plc_placement_get_legal_basis (current) != PLC_LEGAL_BASIS_SOL)
    link_contact (shared_contact (b, area_index, PLC_CONTACT_ROLE_PUBLIC_COUNSEL), ref,
                  plc_placement_get_ref (current), PLC_CONTACT_ROLE_PUBLIC_COUNSEL);

  add_log (b, child, plc_placement_get_start_date (first), with_whom, caseworker);
}

static void
add_event (PlcDeviation       *deviation,
           PlcDate             date,
           PlcDeviationStatus  status,
           int                 escalation_step,
           const char         *user,
           const char         *note)
{
  g_autoptr(PlcDeviationEvent) event = plc_deviation_event_new ();

  event->at = timestamp (date, 9);
  event->user = g_strdup (user);
  event->status = status;
  event->escalation_step = escalation_step;
  event->note = g_strdup (note);
  plc_deviation_add_event (deviation, g_steal_pointer (&event));
}

static void
add_deviation (Builder *b,
               guint    i)
{
  GPtrArray *placements = plc_dataset_get_placements (b->dataset);
  guint n_areas;
  const Area *areas = get_areas (&n_areas);
  g_autoptr(PlcDeviation) deviation = plc_deviation_new ();
  g_autofree char *ref = g_strdup_printf (PLC_DEMO_REF_PREFIX "deviation-%04u", i + 1);
  const DeviationKind *kind = &deviation_kinds[i % G_N_ELEMENTS (deviation_kinds)];
  PlcDeviationStatus status = (PlcDeviationStatus) (i % 5);
  PlcPlacement *placement;
  const Area *area = NULL;
  PlcDate occurred = plc_date_add_days (b->today, -range (b, 90, 420));
  const char *user = PICK (b, caseworkers);
  int max_step;

  placement = g_ptr_array_index (placements, range (b, 0, placements->len - 1));
  for (guint a = 0; a < n_areas; a++)
    for (guint m = 0; areas[a].municipalities[m] != NULL; m++)
      if (g_strcmp0 (areas[a].municipalities[m], plc_placement_get_placing_municipality (placement)) == 0)
        area = &areas[a];

  occurred = MAX (occurred, plc_placement_get_start_date (placement));

  plc_deviation_set_ref (deviation, ref);
  plc_deviation_set_title (deviation, g_strcmp0 (area != NULL ? area->profile : NULL, "dalarna") == 0
                                      ? DALARNA_DEVIATION_TITLE : kind->title);
  plc_deviation_set_description (deviation, "Påhittad händelse i demonstrationsdata. "
                                            "Samverkan enligt överenskommelsen fungerade inte i tid.");
  plc_deviation_set_occurred_on (deviation, occurred);
  plc_deviation_set_direction (deviation, i % 3 == 2 ? PLC_DEVIATION_DIRECTION_REGION_TO_MUNICIPALITY
                                                     : PLC_DEVIATION_DIRECTION_MUNICIPALITY_TO_REGION);
  plc_deviation_set_unit (deviation, area != NULL ? area->region_unit : NULL);
  plc_deviation_set_category (deviation, g_strcmp0 (area != NULL ? area->profile : NULL, "dalarna") == 0
                                         ? PLC_DEVIATION_CATEGORY_CARE_PLANNING : kind->category);
  plc_deviation_set_placement_ref (deviation, plc_placement_get_ref (placement));
  plc_deviation_set_rule (deviation, kind->rule);
  plc_deviation_set_profile (deviation, area != NULL ? area->profile : NULL);

  /* How far up the ladder: Östergötland's agreement has a single level. */
  max_step = g_strcmp0 (area != NULL ? area->profile : NULL, "ostergotland") == 0 ? 1 : 2;

  if (status >= PLC_DEVIATION_STATUS_REPORTED)
    add_event (deviation, plc_date_add_days (occurred, 2), PLC_DEVIATION_STATUS_REPORTED, 0, user, NULL);
  if (status >= PLC_DEVIATION_STATUS_UNDER_INVESTIGATION)
    add_event (deviation, plc_date_add_days (occurred, 16), PLC_DEVIATION_STATUS_UNDER_INVESTIGATION, 0,
               "avvikelsesamordnare", "Avvikelsesamordnaren utreder");
  if (status == PLC_DEVIATION_STATUS_RESOLVED)
    {
      add_event (deviation, plc_date_add_days (occurred, 45), PLC_DEVIATION_STATUS_RESOLVED, 0,
                 "avvikelsesamordnare", NULL);
      plc_deviation_set_conclusion (deviation, "Rutinen för underrättelser är förtydligad och spridd.");
    }
  if (status == PLC_DEVIATION_STATUS_ESCALATED)
    {
      int steps = range (b, 1, max_step);

      for (int step = 1; step <= steps; step++)
        add_event (deviation, plc_date_add_days (occurred, 40 + 30 * step), PLC_DEVIATION_STATUS_ESCALATED,
                   step, "enhetschef", step == 1 ? "Till lokal ledningsnivå" : "Vidare till nästa nivå");
      plc_deviation_set_escalation_step (deviation, steps);
    }
  plc_deviation_set_status (deviation, status);

  g_ptr_array_add (plc_dataset_get_deviations (b->dataset), g_steal_pointer (&deviation));
}

/**
 * plc_demo_build_dataset:
 * @seed: the seed: the same seed, count and day give the same data
 * @n_children: how many children
 * @today: the day the data is made for
 *
 * Makes up demonstration data: fictitious children with valid test
 * personal identity numbers (serial numbers 980 to 999), their placements
 * under each shipped agreement and outside them, in every legal basis and
 * form, some acute, some moved, some ended; steps done, not needed and
 * open (and so overdue); contacts in their roles; contact log entries; and
 * deviation reports in every status, some escalated.  Every ref starts
 * with %PLC_DEMO_REF_PREFIX.
 *
 * Returns: (transfer full): the data, ready for plc_store_import()
 */
PlcDataset *
plc_demo_build_dataset (guint32 seed,
                        guint   n_children,
                        PlcDate today)
{
  Builder b = { 0 };
  guint n_deviations;

  g_return_val_if_fail (today != PLC_DATE_NONE, NULL);

  b.rand = g_rand_new_with_seed (seed);
  b.meeting_rand = g_rand_new_with_seed (seed ^ 0x5199u);
  b.today = today;
  b.dataset = plc_dataset_new ();
  b.personnummer = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b.shared_contacts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n_children; i++)
    add_child (&b, i);

  n_deviations = n_children == 0 ? 0 : MAX (5, n_children / 5);
  for (guint i = 0; i < n_deviations; i++)
    add_deviation (&b, i);

  g_rand_free (b.rand);
  g_rand_free (b.meeting_rand);
  g_hash_table_unref (b.personnummer);
  g_hash_table_unref (b.shared_contacts);

  return b.dataset;
}

static gboolean
all_demo_refs (GPtrArray   *records,
               const char *(*get_ref) (gpointer))
{
  for (guint i = 0; i < records->len; i++)
    if (!g_str_has_prefix (get_ref (g_ptr_array_index (records, i)) ?: "", PLC_DEMO_REF_PREFIX))
      return FALSE;

  return TRUE;
}

/**
 * plc_demo_store_is_demo:
 * @store: an open store
 * @error: return location for a #GError
 *
 * Whether @store holds demonstration data and nothing else: at least one
 * child, and every child, contact and deviation (deleted ones too) made
 * by plc_demo_build_dataset().  Calls the store synchronously.
 *
 * Returns: %TRUE if so; %FALSE with @error unset if not, or with @error set
 *   if the store could not be read
 */
gboolean
plc_demo_store_is_demo (PlcStore  *store,
                        GError   **error)
{
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) deviations = NULL;

  g_return_val_if_fail (PLC_IS_STORE (store), FALSE);

  children = plc_store_list_children (store, TRUE, error);
  if (children == NULL)
    return FALSE;
  contacts = plc_store_list_contacts (store, TRUE, error);
  if (contacts == NULL)
    return FALSE;
  deviations = plc_store_list_deviations (store, TRUE, error);
  if (deviations == NULL)
    return FALSE;

  if (children->len == 0)
    return FALSE;

  for (guint i = 0; i < children->len; i++)
    if (!plc_demo_is_test_personnummer (plc_child_get_personnummer (g_ptr_array_index (children, i))))
      return FALSE;

  return all_demo_refs (children, (gpointer) plc_child_get_ref) &&
         all_demo_refs (contacts, (gpointer) plc_contact_get_ref) &&
         all_demo_refs (deviations, (gpointer) plc_deviation_get_ref);
}
