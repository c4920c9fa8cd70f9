/* test-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-model"

#include "config.h"

#include <string.h>

#include "plc-child.h"
#include "plc-contact.h"
#include "plc-contact-log-entry.h"
#include "plc-dataset.h"
#include "plc-date.h"
#include "plc-deviation.h"
#include "plc-enums.h"
#include "plc-error.h"
#include "plc-personnummer.h"
#include "plc-placement.h"
#include "plc-step-status.h"

/* Unless a case says otherwise, "today" is 2024-05-10. The municipality
 * codes: 2080 Falun and 2021 Vansbro (region Dalarna, 20), 0180 Stockholm
 * (region Stockholm, 01). The tests run in the C locale, so messages are
 * in English. */

#define D(y, m, d) plc_date_new (y, m, d)
#define TODAY D (2024, 5, 10)
#define NONE PLC_DATE_NONE

/* Asserts that @error is a validation error whose message starts with
 * "@label:", that is, names the field. */
static void
assert_invalid (const GError *error,
                const char   *label)
{
  g_autofree char *prefix = g_strconcat (label, ":", NULL);

  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_test_message ("message: %s", error->message);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);
  /* Something is said after the label */
  g_assert_cmpuint (strlen (error->message), >, strlen (prefix) + 3);
}

/* Child validation */

#define M PLC_LEGAL_GENDER_MALE
#define F PLC_LEGAL_GENDER_FEMALE
#define U PLC_LEGAL_GENDER_UNKNOWN

typedef struct
{
  const char     *name;          /* the test case */
  const char     *child_name;
  const char     *personnummer;  /* set as stored, without parsing */
  const char     *temporary_ref;
  int             by, bm, bd;    /* birth date; 0 for none */
  PlcLegalGender  gender;
  const char     *home;
  const char     *registration;
  const char     *error_label;   /* NULL: valid */
} ChildCase;

static const ChildCase child_cases[] = {
  /* Valid */
  { "pnr",                  "Alva", "20121212-1212", NULL,  2012, 12, 12, M, "2080", NULL,   NULL },
  { "pnr-female",           "Alva", "20100101-0022", NULL,  2010,  1,  1, F, "2080", NULL,   NULL },
  { "coordination-number",  "Alva", "19701063-2391", NULL,  1970, 10,  3, M, "2080", NULL,   NULL },
  { "pnr-and-temp-ref",     "Alva", "20121212-1212", "T-1", 2012, 12, 12, M, "2080", NULL,   NULL },
  { "no-pnr",               "Alva", NULL,            "T-1", 2015,  3,  1, F, "2080", NULL,   NULL },
  { "no-pnr-born-today",    "Alva", NULL,            "T-1", 2024,  5, 10, M, "2080", NULL,   NULL },
  { "registration",         "Alva", "20121212-1212", NULL,  2012, 12, 12, M, "2080", "0180", NULL },
  { "other-home",           "Alva", "20121212-1212", NULL,  2012, 12, 12, M, "0180", "2080", NULL },

  /* Name */
  { "name-empty",           "",     "20121212-1212", NULL,  2012, 12, 12, M, "2080", NULL,   "Name" },
  { "name-null",            NULL,   "20121212-1212", NULL,  2012, 12, 12, M, "2080", NULL,   "Name" },
  { "name-blank",           " \t ", "20121212-1212", NULL,  2012, 12, 12, M, "2080", NULL,   "Name" },

  /* Personnummer and what follows from it */
  { "pnr-check-digit",      "Alva", "20121212-1213", NULL,  2012, 12, 12, M, "2080", NULL,   "Personal identity number" },
  { "pnr-garbage",          "Alva", "not a number",  NULL,  2012, 12, 12, M, "2080", NULL,   "Personal identity number" },
  { "pnr-in-future",        "Alva", "20240511-1234", NULL,  2024,  5, 11, F, "2080", NULL,   "Personal identity number" },
  { "pnr-birth-mismatch",   "Alva", "20121212-1212", NULL,  2012, 12, 13, M, "2080", NULL,   "Birth date" },
  { "pnr-birth-unset",      "Alva", "20121212-1212", NULL,     0,  0,  0, M, "2080", NULL,   "Birth date" },
  { "coord-birth-mismatch", "Alva", "19701063-2391", NULL,  1970, 10,  4, M, "2080", NULL,   "Birth date" },
  { "pnr-gender-mismatch",  "Alva", "20121212-1212", NULL,  2012, 12, 12, F, "2080", NULL,   "Legal gender" },
  { "pnr-gender-unknown",   "Alva", "20121212-1212", NULL,  2012, 12, 12, U, "2080", NULL,   "Legal gender" },

  /* Without a personnummer: birth date, legal gender and temporary ref */
  { "no-pnr-no-birth",      "Alva", NULL,            "T-1",    0,  0,  0, F, "2080", NULL,   "Birth date" },
  { "no-pnr-no-gender",     "Alva", NULL,            "T-1", 2015,  3,  1, U, "2080", NULL,   "Legal gender" },
  { "no-pnr-no-temp-ref",   "Alva", NULL,            NULL,  2015,  3,  1, F, "2080", NULL,   "Temporary reference" },
  { "no-pnr-blank-temp-ref","Alva", NULL,            "  ",  2015,  3,  1, F, "2080", NULL,   "Temporary reference" },
  { "birth-in-future",      "Alva", NULL,            "T-1", 2024,  5, 11, F, "2080", NULL,   "Birth date" },

  /* Municipalities */
  { "home-unset",           "Alva", "20121212-1212", NULL,  2012, 12, 12, M, NULL,   NULL,   "Home municipality" },
  { "home-unknown",         "Alva", "20121212-1212", NULL,  2012, 12, 12, M, "9999", NULL,   "Home municipality" },
  { "home-name-not-code",   "Alva", "20121212-1212", NULL,  2012, 12, 12, M, "Falun", NULL,  "Home municipality" },
  { "registration-unknown", "Alva", "20121212-1212", NULL,  2012, 12, 12, M, "2080", "0000", "Municipality of registration" },
};

static PlcChild *
child_from_case (const ChildCase *c)
{
  PlcChild *child = plc_child_new ();

  plc_child_set_name (child, c->child_name);
  plc_child_set_personnummer (child, c->personnummer);
  plc_child_set_temporary_ref (child, c->temporary_ref);
  if (c->by != 0)
    plc_child_set_birth_date (child, D (c->by, c->bm, c->bd));
  plc_child_set_legal_gender (child, c->gender);
  plc_child_set_home_municipality (child, c->home);
  plc_child_set_registration_municipality (child, c->registration);

  return child;
}

static void
test_child_validate (gconstpointer data)
{
  const ChildCase *c = data;
  g_autoptr(PlcChild) child = child_from_case (c);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = plc_child_validate (child, TODAY, &error);

  if (c->error_label == NULL)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_false (ok);
      assert_invalid (error, c->error_label);
      /* The personnummer is never quoted in a message */
      if (c->personnummer != NULL)
        {
          g_assert_null (strstr (error->message, c->personnummer));
          g_assert_null (strstr (error->message, c->personnummer + 2));
        }
    }
}

static void
test_child_validate_today (void)
{
  g_autoptr(PlcChild) child = plc_child_new ();
  g_autoptr(GError) error = NULL;

  /* PLC_DATE_NONE means the real today: a birth date long ago is fine, one
   * in 9999 is not. */
  plc_child_set_name (child, "Alva");
  plc_child_set_temporary_ref (child, "T-1");
  plc_child_set_legal_gender (child, F);
  plc_child_set_home_municipality (child, "2080");
  plc_child_set_birth_date (child, D (2015, 3, 1));
  g_assert_true (plc_child_validate (child, NONE, &error));
  g_assert_no_error (error);

  plc_child_set_birth_date (child, D (9999, 1, 1));
  g_assert_false (plc_child_validate (child, NONE, &error));
  assert_invalid (error, "Birth date");
}

static void
test_child_personnummer_text (void)
{
  g_autoptr(PlcChild) child = plc_child_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (plc_child_set_personnummer_text (child, "121212-1212", TODAY, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (plc_child_get_personnummer (child), ==, "20121212-1212");
  g_assert_cmpuint (plc_child_get_birth_date (child), ==, D (2012, 12, 12));
  g_assert_cmpint (plc_child_get_legal_gender (child), ==, M);

  /* A samordningsnummer: the day less 60 is the birth date */
  g_assert_true (plc_child_set_personnummer_text (child, "7010632391", TODAY, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (plc_child_get_personnummer (child), ==, "19701063-2391");
  g_assert_cmpuint (plc_child_get_birth_date (child), ==, D (1970, 10, 3));

  g_assert_true (plc_child_set_personnummer_text (child, "20100101-0022", TODAY, &error));
  g_assert_cmpint (plc_child_get_legal_gender (child), ==, F);
  g_assert_cmpuint (plc_child_get_birth_date (child), ==, D (2010, 1, 1));

  /* Invalid: an error naming the field, and nothing changes */
  g_assert_false (plc_child_set_personnummer_text (child, "20100101-0023", TODAY, &error));
  assert_invalid (error, "Personal identity number");
  g_clear_error (&error);
  g_assert_cmpstr (plc_child_get_personnummer (child), ==, "20100101-0022");
  g_assert_cmpuint (plc_child_get_birth_date (child), ==, D (2010, 1, 1));
  g_assert_cmpint (plc_child_get_legal_gender (child), ==, F);

  /* Born after "today" */
  g_assert_false (plc_child_set_personnummer_text (child, "20240511-1234", TODAY, &error));
  assert_invalid (error, "Personal identity number");
  g_clear_error (&error);

  /* Blank removes the number and keeps the rest */
  g_assert_true (plc_child_set_personnummer_text (child, "  ", TODAY, &error));
  g_assert_no_error (error);
  g_assert_null (plc_child_get_personnummer (child));
  g_assert_cmpuint (plc_child_get_birth_date (child), ==, D (2010, 1, 1));
  g_assert_true (plc_child_set_personnummer_text (child, NULL, TODAY, &error));
  g_assert_no_error (error);
}

/* Placement validation */

typedef struct
{
  const char       *name;
  int               by, bm, bd;        /* the child's birth date; 0 for no child */
  int               sy, sm, sd;        /* start; 0 for none */
  int               ey, em, ed;        /* end */
  int               py, pm, pd;        /* planned end */
  PlcLegalBasis     basis;
  PlcPlacementForm  form;
  const char       *placing;
  const char       *placed_in_municipality;
  const char       *placed_in_region;
  gboolean          other_region;
  int               dy, dm, dd;        /* LVU 6 § decision */
  int               cy, cm, cd;        /* LVU 6 § custody carried out */
  const char       *error_label;
} PlacementCase;

#define SOL PLC_LEGAL_BASIS_SOL
#define LVU2 PLC_LEGAL_BASIS_LVU2
#define LVU3 PLC_LEGAL_BASIS_LVU3
#define LVU6 PLC_LEGAL_BASIS_LVU6
#define FH PLC_PLACEMENT_FORM_FAMILJEHEM
#define HVB PLC_PLACEMENT_FORM_HVB
#define STOD PLC_PLACEMENT_FORM_STODBOENDE
#define SIS PLC_PLACEMENT_FORM_SIS
#define NO_DATE 0, 0, 0
#define BORN_2012 2012, 12, 12
#define START_2024 2024, 5, 10

static const PlacementCase placement_cases[] = {
  /*  name                     child         start         end              planned          basis form placing placed-in-m  -r    other  decision        carried out     error */
  { "valid",                   BORN_2012,    START_2024,   NO_DATE,         NO_DATE,         SOL,  FH,  "2080", NULL,   NULL, FALSE, NO_DATE,        NO_DATE,        NULL },
  { "valid-all-dates",         BORN_2012,    START_2024,   2024, 12, 31,    2025, 5, 10,     SOL,  HVB, "2080", "2021", "20", FALSE, NO_DATE,        NO_DATE,        NULL },
  { "no-child",                NO_DATE,      START_2024,   NO_DATE,         NO_DATE,         LVU3, STOD, "2080", "0180", NULL, FALSE, NO_DATE,       NO_DATE,        NULL },

  /* Dates */
  { "start-unset",             BORN_2012,    NO_DATE,      NO_DATE,         NO_DATE,         SOL,  FH,  "2080", NULL,   NULL, FALSE, NO_DATE,        NO_DATE,        "Start date" },
  { "end-before-start",        BORN_2012,    START_2024,   2024, 5, 9,      NO_DATE,         SOL,  FH,  "2080", NULL,   NULL, FALSE, NO_DATE,        NO_DATE,        "End date" },
  { "end-on-start",            BORN_2012,    START_2024,   2024, 5, 10,     NO_DATE,         SOL,  FH,  "2080", NULL,   NULL, FALSE, NO_DATE,        NO_DATE,        NULL },
  { "planned-before-start",    BORN_2012,    START_2024,   NO_DATE,         2024, 5, 9,      SOL,  FH,  "2080", NULL,   NULL, FALSE, NO_DATE,        NO_DATE,        "Planned end date" },
  { "planned-on-start",        BORN_2012,    START_2024,   NO_DATE,         2024, 5, 10,     SOL,  FH,  "2080", NULL,   NULL, FALSE, NO_DATE,        NO_DATE,        NULL },

  /* Age 0 to 20 at the start */
  { "start-before-birth",      BORN_2012,    2012, 12, 11, NO_DATE,         NO_DATE,         SOL,  FH,  "2080", NULL,   NULL, FALSE, NO_DATE,        NO_DATE,        "Start date" },
  { "start-on-birth",          BORN_2012,    2012, 12, 12, NO_DATE,         NO_DATE,         SOL,  FH,  "2080", NULL,   NULL, FALSE, NO_DATE,        NO_DATE,        NULL },
  { "age-20",                  2003, 6, 16,  2024, 6, 15,  NO_DATE,         NO_DATE,         SOL,  HVB, "2080", NULL,   NULL, FALSE, NO_DATE,        NO_DATE,        NULL },
  { "age-21",                  2003, 6, 15,  2024, 6, 15,  NO_DATE,         NO_DATE,         SOL,  HVB, "2080", NULL,   NULL, FALSE, NO_DATE,        NO_DATE,        "Start date" },
  { "age-21-lvu2",             2003, 6, 15,  2024, 6, 15,  NO_DATE,         NO_DATE,         LVU2, SIS, "2080", NULL,   NULL, FALSE, NO_DATE,        NO_DATE,        "Start date" },
  { "age-20-leapling",         2004, 2, 29,  2025, 2, 27,  NO_DATE,         NO_DATE,         SOL,  HVB, "2080", NULL,   NULL, FALSE, NO_DATE,        NO_DATE,        NULL },
  { "age-21-leapling",         2004, 2, 29,  2025, 2, 28,  NO_DATE,         NO_DATE,         SOL,  HVB, "2080", NULL,   NULL, FALSE, NO_DATE,        NO_DATE,        "Start date" },

  /* Stödboende only 16 to 20 */
  { "stodboende-15",           2008, 6, 16,  2024, 6, 15,  NO_DATE,         NO_DATE,         SOL,  STOD, "2080", NULL,  NULL, FALSE, NO_DATE,        NO_DATE,        "Form of placement" },
  { "stodboende-16",           2008, 6, 15,  2024, 6, 15,  NO_DATE,         NO_DATE,         SOL,  STOD, "2080", NULL,  NULL, FALSE, NO_DATE,        NO_DATE,        NULL },
  { "stodboende-20",           2003, 6, 16,  2024, 6, 15,  NO_DATE,         NO_DATE,         SOL,  STOD, "2080", NULL,  NULL, FALSE, NO_DATE,        NO_DATE,        NULL },
  { "stodboende-21",           2003, 6, 15,  2024, 6, 15,  NO_DATE,         NO_DATE,         SOL,  STOD, "2080", NULL,  NULL, FALSE, NO_DATE,        NO_DATE,        "Form of placement" },
  { "stodboende-0",            BORN_2012,    2012, 12, 12, NO_DATE,         NO_DATE,         SOL,  STOD, "2080", NULL,  NULL, FALSE, NO_DATE,        NO_DATE,        "Form of placement" },

  /* LVU 3 § only under 21, with its own message */
  { "lvu3-20",                 2003, 6, 16,  2024, 6, 15,  NO_DATE,         NO_DATE,         LVU3, SIS, "2080", NULL,   NULL, FALSE, NO_DATE,        NO_DATE,        NULL },
  { "lvu3-21",                 2003, 6, 15,  2024, 6, 15,  NO_DATE,         NO_DATE,         LVU3, SIS, "2080", NULL,   NULL, FALSE, NO_DATE,        NO_DATE,        "Legal basis" },
  { "lvu3-12",                 BORN_2012,    START_2024,   NO_DATE,         NO_DATE,         LVU3, HVB, "2080", NULL,   NULL, FALSE, NO_DATE,        NO_DATE,        NULL },

  /* LVU 6 § needs both dates, in order */
  { "lvu6",                    BORN_2012,    START_2024,   NO_DATE,         NO_DATE,         LVU6, FH,  "2080", NULL,   NULL, FALSE, 2024, 5, 9,     2024, 5, 10,    NULL },
  { "lvu6-same-day",           BORN_2012,    START_2024,   NO_DATE,         NO_DATE,         LVU6, FH,  "2080", NULL,   NULL, FALSE, 2024, 5, 10,    2024, 5, 10,    NULL },
  { "lvu6-no-decision",        BORN_2012,    START_2024,   NO_DATE,         NO_DATE,         LVU6, FH,  "2080", NULL,   NULL, FALSE, NO_DATE,        2024, 5, 10,    "Decision date" },
  { "lvu6-no-custody",         BORN_2012,    START_2024,   NO_DATE,         NO_DATE,         LVU6, FH,  "2080", NULL,   NULL, FALSE, 2024, 5, 9,     NO_DATE,        "Custody carried out" },
  { "lvu6-custody-first",      BORN_2012,    START_2024,   NO_DATE,         NO_DATE,         LVU6, FH,  "2080", NULL,   NULL, FALSE, 2024, 5, 10,    2024, 5, 9,     "Custody carried out" },
  { "lvu2-no-lvu6-dates",      BORN_2012,    START_2024,   NO_DATE,         NO_DATE,         LVU2, FH,  "2080", NULL,   NULL, FALSE, NO_DATE,        NO_DATE,        NULL },

  /* Placing municipality */
  { "placing-unset",           BORN_2012,    START_2024,   NO_DATE,         NO_DATE,         SOL,  FH,  NULL,   NULL,   NULL, FALSE, NO_DATE,        NO_DATE,        "Placing municipality" },
  { "placing-unknown",         BORN_2012,    START_2024,   NO_DATE,         NO_DATE,         SOL,  FH,  "9999", NULL,   NULL, FALSE, NO_DATE,        NO_DATE,        "Placing municipality" },
  { "placing-name-not-code",   BORN_2012,    START_2024,   NO_DATE,         NO_DATE,         SOL,  FH,  "Falun", NULL,  NULL, FALSE, NO_DATE,        NO_DATE,        "Placing municipality" },

  /* Where the child is placed, and the other region flag (home: Dalarna) */
  { "placed-in-home-region",   BORN_2012,    START_2024,   NO_DATE,         NO_DATE,         SOL,  FH,  "2080", "2021", NULL, FALSE, NO_DATE,        NO_DATE,        NULL },
  { "placed-in-home-region-2", BORN_2012,    START_2024,   NO_DATE,         NO_DATE,         SOL,  FH,  "2080", NULL,   "20", FALSE, NO_DATE,        NO_DATE,        NULL },
  { "other-municipality-flag", BORN_2012,    START_2024,   NO_DATE,         NO_DATE,         SOL,  FH,  "2080", "0180", NULL, TRUE,  NO_DATE,        NO_DATE,        NULL },
  { "other-municipality",      BORN_2012,    START_2024,   NO_DATE,         NO_DATE,         SOL,  FH,  "2080", "0180", NULL, FALSE, NO_DATE,        NO_DATE,        "Other region" },
  { "other-region-flag",       BORN_2012,    START_2024,   NO_DATE,         NO_DATE,         SOL,  FH,  "2080", NULL,   "01", TRUE,  NO_DATE,        NO_DATE,        NULL },
  { "other-region",            BORN_2012,    START_2024,   NO_DATE,         NO_DATE,         SOL,  FH,  "2080", NULL,   "01", FALSE, NO_DATE,        NO_DATE,        "Other region" },
  { "placed-in-unknown",       BORN_2012,    START_2024,   NO_DATE,         NO_DATE,         SOL,  FH,  "2080", "9999", NULL, FALSE, NO_DATE,        NO_DATE,        "Municipality placed in" },
  { "region-unknown",          BORN_2012,    START_2024,   NO_DATE,         NO_DATE,         SOL,  FH,  "2080", NULL,   "99", FALSE, NO_DATE,        NO_DATE,        "Region placed in" },
  { "region-not-municipality", BORN_2012,    START_2024,   NO_DATE,         NO_DATE,         SOL,  FH,  "2080", "0180", "20", TRUE,  NO_DATE,        NO_DATE,        "Region placed in" },
};

static PlcDate
date_or_none (int y,
              int m,
              int d)
{
  return y == 0 ? NONE : D (y, m, d);
}

static PlcChild *
make_child (PlcDate birth)
{
  PlcChild *child = plc_child_new ();

  plc_child_set_name (child, "Alva");
  plc_child_set_temporary_ref (child, "T-1");
  plc_child_set_birth_date (child, birth);
  plc_child_set_legal_gender (child, F);
  plc_child_set_home_municipality (child, "2080");

  return child;
}

static void
test_placement_validate (gconstpointer data)
{
  const PlacementCase *c = data;
  g_autoptr(PlcChild) child = NULL;
  g_autoptr(PlcPlacement) placement = plc_placement_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (c->by != 0)
    {
      child = make_child (D (c->by, c->bm, c->bd));
      g_assert_cmpuint (plc_child_get_birth_date (child), !=, NONE);
    }

  plc_placement_set_start_date (placement, date_or_none (c->sy, c->sm, c->sd));
  plc_placement_set_end_date (placement, date_or_none (c->ey, c->em, c->ed));
  plc_placement_set_planned_end_date (placement, date_or_none (c->py, c->pm, c->pd));
  plc_placement_set_legal_basis (placement, c->basis);
  plc_placement_set_form (placement, c->form);
  plc_placement_set_placing_municipality (placement, c->placing);
  plc_placement_set_placed_in_municipality (placement, c->placed_in_municipality);
  plc_placement_set_placed_in_region (placement, c->placed_in_region);
  plc_placement_set_other_region (placement, c->other_region);
  plc_placement_set_lvu_decision_date (placement, date_or_none (c->dy, c->dm, c->dd));
  plc_placement_set_custody_carried_out_date (placement, date_or_none (c->cy, c->cm, c->cd));

  ok = plc_placement_validate (placement, child, &error);

  if (c->error_label == NULL)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_false (ok);
      assert_invalid (error, c->error_label);
    }
}

static void
test_placement_lvu3_message (void)
{
  g_autoptr(PlcChild) child = make_child (D (2003, 6, 15));
  g_autoptr(PlcPlacement) placement = plc_placement_new ();
  g_autoptr(GError) lvu3_error = NULL;
  g_autoptr(GError) sol_error = NULL;

  /* The same age rule, but LVU 3 § has its own message */
  plc_placement_set_start_date (placement, D (2024, 6, 15));
  plc_placement_set_placing_municipality (placement, "2080");
  plc_placement_set_legal_basis (placement, LVU3);
  g_assert_false (plc_placement_validate (placement, child, &lvu3_error));
  plc_placement_set_legal_basis (placement, SOL);
  g_assert_false (plc_placement_validate (placement, child, &sol_error));

  g_assert_cmpstr (lvu3_error->message, !=, sol_error->message);
  g_assert_nonnull (strstr (lvu3_error->message, "LVU 3"));
}

static void
test_placement_update_other_region (void)
{
  g_autoptr(PlcChild) child = make_child (D (2012, 12, 12));
  g_autoptr(PlcPlacement) placement = plc_placement_new ();

  /* Nothing known about where: left alone */
  plc_placement_set_other_region (placement, TRUE);
  plc_placement_update_other_region (placement, child);
  g_assert_true (plc_placement_get_other_region (placement));

  plc_placement_set_placed_in_municipality (placement, "2021");
  plc_placement_update_other_region (placement, child);
  g_assert_false (plc_placement_get_other_region (placement));

  plc_placement_set_placed_in_municipality (placement, "0180");
  plc_placement_update_other_region (placement, child);
  g_assert_true (plc_placement_get_other_region (placement));

  /* The region, when set, wins over the municipality's */
  plc_placement_set_placed_in_region (placement, "20");
  plc_placement_update_other_region (placement, child);
  g_assert_false (plc_placement_get_other_region (placement));

  plc_placement_set_placed_in_municipality (placement, NULL);
  plc_placement_set_placed_in_region (placement, "01");
  plc_placement_update_other_region (placement, child);
  g_assert_true (plc_placement_get_other_region (placement));

  /* The child moves its home to Stockholm */
  plc_child_set_home_municipality (child, "0180");
  plc_placement_update_other_region (placement, child);
  g_assert_false (plc_placement_get_other_region (placement));

  /* Unknown home: left alone */
  plc_child_set_home_municipality (child, "9999");
  plc_placement_set_other_region (placement, TRUE);
  plc_placement_update_other_region (placement, child);
  g_assert_true (plc_placement_get_other_region (placement));
}

static void
test_placement_is_active (void)
{
  g_autoptr(PlcPlacement) placement = plc_placement_new ();

  g_assert_false (plc_placement_is_active (placement, TODAY));

  plc_placement_set_start_date (placement, D (2024, 5, 1));
  g_assert_false (plc_placement_is_active (placement, D (2024, 4, 30)));
  g_assert_true (plc_placement_is_active (placement, D (2024, 5, 1)));
  g_assert_true (plc_placement_is_active (placement, D (2030, 1, 1)));
  g_assert_false (plc_placement_is_active (placement, NONE));

  /* The end date is the last day in care */
  plc_placement_set_end_date (placement, D (2024, 5, 31));
  g_assert_true (plc_placement_is_active (placement, D (2024, 5, 31)));
  g_assert_false (plc_placement_is_active (placement, D (2024, 6, 1)));

  /* The planned end does not end it */
  plc_placement_set_end_date (placement, NONE);
  plc_placement_set_planned_end_date (placement, D (2024, 5, 31));
  g_assert_true (plc_placement_is_active (placement, D (2024, 6, 1)));

  plc_placement_set_deleted (placement, TRUE);
  g_assert_false (plc_placement_is_active (placement, D (2024, 5, 10)));
}

/* The day the investigation was closed and the day a restriction was
 * decided: not before the child was born, and a restriction not after the
 * placement ended; neither is tied to the start. */
static void
test_placement_investigation_restriction (void)
{
  g_autoptr(PlcChild) child = make_child (D (2012, 12, 12));
  g_autoptr(PlcPlacement) placement = plc_placement_new ();
  g_autoptr(GError) error = NULL;

  plc_placement_set_start_date (placement, D (2024, 5, 10));
  plc_placement_set_placing_municipality (placement, "2080");
  plc_placement_set_form (placement, PLC_PLACEMENT_FORM_JOURHEM);
  g_assert_cmpuint (plc_placement_get_investigation_closed_date (placement), ==, NONE);
  g_assert_cmpuint (plc_placement_get_restriction_decided_date (placement), ==, NONE);

  /* Closed before the stay began (the child waits for a foster home), or
   * long after; a restriction that carried over from an earlier placement */
  plc_placement_set_investigation_closed_date (placement, D (2024, 4, 2));
  plc_placement_set_restriction_decided_date (placement, D (2024, 3, 1));
  g_assert_true (plc_placement_validate (placement, child, &error));
  g_assert_no_error (error);
  plc_placement_set_investigation_closed_date (placement, D (2025, 1, 15));
  g_assert_true (plc_placement_validate (placement, child, &error));
  g_assert_no_error (error);

  /* On the day of birth, but not before */
  plc_placement_set_investigation_closed_date (placement, D (2012, 12, 12));
  g_assert_true (plc_placement_validate (placement, child, &error));
  g_assert_no_error (error);
  plc_placement_set_investigation_closed_date (placement, D (2012, 12, 11));
  g_assert_false (plc_placement_validate (placement, child, &error));
  assert_invalid (error, "Investigation closed");
  g_clear_error (&error);
  /* Without the child there is no birth date to compare with */
  g_assert_true (plc_placement_validate (placement, NULL, &error));
  g_assert_no_error (error);
  plc_placement_set_investigation_closed_date (placement, NONE);

  plc_placement_set_restriction_decided_date (placement, D (2012, 12, 11));
  g_assert_false (plc_placement_validate (placement, child, &error));
  assert_invalid (error, "Restriction decided");
  g_clear_error (&error);

  /* Up to and including the last day in care */
  plc_placement_set_end_date (placement, D (2024, 7, 1));
  plc_placement_set_restriction_decided_date (placement, D (2024, 7, 1));
  g_assert_true (plc_placement_validate (placement, child, &error));
  g_assert_no_error (error);
  plc_placement_set_restriction_decided_date (placement, D (2024, 7, 2));
  g_assert_false (plc_placement_validate (placement, NULL, &error));
  assert_invalid (error, "Restriction decided");
  g_clear_error (&error);

  /* While the placement goes on, any day after birth */
  plc_placement_set_end_date (placement, NONE);
  g_assert_true (plc_placement_validate (placement, child, &error));
  g_assert_no_error (error);
}

/* A temporary moving ban (LVU 27 §) and the notice from inpatient care
 * (Stockholm 7.6): any day from the child's birth, before the start (a
 * ban decided while the child was in a foster home under SoL) or after
 * it; the home is a free reference */
static void
test_placement_moving_ban_discharge_home (void)
{
  g_autoptr(PlcChild) child = make_child (D (2012, 12, 12));
  g_autoptr(PlcPlacement) placement = plc_placement_new ();
  g_autoptr(GError) error = NULL;

  plc_placement_set_start_date (placement, D (2024, 5, 10));
  plc_placement_set_placing_municipality (placement, "2080");
  g_assert_cmpuint (plc_placement_get_temporary_moving_ban_date (placement), ==, NONE);
  g_assert_cmpuint (plc_placement_get_discharge_notice_date (placement), ==, NONE);
  g_assert_null (plc_placement_get_home_ref (placement));
  g_assert_false (plc_placement_get_lvu_international (placement));

  plc_placement_set_temporary_moving_ban_date (placement, D (2024, 5, 1));
  plc_placement_set_discharge_notice_date (placement, D (2025, 2, 3));
  plc_placement_set_home_ref (placement, "fh-berg");
  g_assert_true (plc_placement_validate (placement, child, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (plc_placement_get_home_ref (placement), ==, "fh-berg");
  /* An empty string stores none */
  plc_placement_set_home_ref (placement, "");
  g_assert_null (plc_placement_get_home_ref (placement));

  plc_placement_set_temporary_moving_ban_date (placement, D (2012, 12, 11));
  g_assert_false (plc_placement_validate (placement, child, &error));
  assert_invalid (error, "Temporary moving ban decided");
  g_clear_error (&error);
  plc_placement_set_temporary_moving_ban_date (placement, D (2012, 12, 12));

  plc_placement_set_discharge_notice_date (placement, D (2012, 12, 11));
  g_assert_false (plc_placement_validate (placement, child, &error));
  assert_invalid (error, "Notice from inpatient care");
  g_clear_error (&error);
}

/* Step status, contact, contact log and deviation validation */

static void
test_step_status_validate (void)
{
  g_autoptr(PlcStepStatus) status = plc_step_status_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (plc_step_status_get_occurrence (status), ==, 1);
  g_assert_cmpint (plc_step_status_get_state (status), ==, PLC_STEP_STATE_OPEN);

  g_assert_false (plc_step_status_validate (status, &error));
  assert_invalid (error, "Rule");
  g_clear_error (&error);

  plc_step_status_set_rule (status, "health-notification");
  g_assert_true (plc_step_status_validate (status, &error));
  g_assert_no_error (error);

  plc_step_status_set_state (status, PLC_STEP_STATE_DONE);
  g_assert_false (plc_step_status_validate (status, &error));
  assert_invalid (error, "Date");
  g_clear_error (&error);

  plc_step_status_set_date (status, D (2024, 5, 10));
  g_assert_true (plc_step_status_validate (status, &error));
  g_assert_no_error (error);

  plc_step_status_set_state (status, PLC_STEP_STATE_NOT_NEEDED);
  g_assert_false (plc_step_status_validate (status, &error));
  assert_invalid (error, "Reason");
  g_clear_error (&error);

  plc_step_status_set_reason (status, " \n ");
  g_assert_false (plc_step_status_validate (status, &error));
  assert_invalid (error, "Reason");
  g_clear_error (&error);

  plc_step_status_set_reason (status, "Full examination in March, journal at BUP");
  g_assert_true (plc_step_status_validate (status, &error));
  g_assert_no_error (error);

  /* A not-needed step needs no date */
  plc_step_status_set_date (status, NONE);
  g_assert_true (plc_step_status_validate (status, &error));
  g_assert_no_error (error);

  /* The meeting record */
  {
    const char * const invited[] = { "BUP Falun", "Elevhälsan", NULL };
    const char * const all[] = { "Elevhälsan", "BUP Falun", NULL };
    const char * const stranger[] = { "BUP Falun", "Skolan", NULL };
    const char * const twice[] = { "BUP Falun", "Elevhälsan", "BUP Falun", NULL };
    const char * const blank[] = { "BUP Falun", "  ", NULL };
    const char * const two_lines[] = { "BUP\nFalun", NULL };

    g_assert_false (plc_step_status_has_meeting_record (status));
    g_assert_false (plc_step_status_get_all_invited_attended (status));
    plc_step_status_set_planning_completed (status, TRUE);
    g_assert_true (plc_step_status_has_meeting_record (status));
    plc_step_status_set_planning_completed (status, FALSE);

    plc_step_status_set_invited_units (status, invited);
    g_assert_true (plc_step_status_has_meeting_record (status));
    g_assert_true (plc_step_status_validate (status, &error));
    g_assert_no_error (error);
    g_assert_false (plc_step_status_get_all_invited_attended (status));

    plc_step_status_set_attended_units (status, invited + 1);
    g_assert_true (plc_step_status_validate (status, &error));
    g_assert_false (plc_step_status_get_all_invited_attended (status));

    /* In any order */
    plc_step_status_set_attended_units (status, all);
    g_assert_true (plc_step_status_validate (status, &error));
    g_assert_true (plc_step_status_get_all_invited_attended (status));

    plc_step_status_set_attended_units (status, stranger);
    g_assert_false (plc_step_status_validate (status, &error));
    assert_invalid (error, "Units that took part");
    g_assert_nonnull (strstr (error->message, "unit 2 is not among the invited"));
    g_assert_null (strstr (error->message, "Skolan"));
    g_clear_error (&error);
    plc_step_status_set_attended_units (status, NULL);

    plc_step_status_set_invited_units (status, twice);
    g_assert_false (plc_step_status_validate (status, &error));
    assert_invalid (error, "Invited units");
    g_assert_nonnull (strstr (error->message, "unit 3 is the same as unit 1"));
    g_clear_error (&error);

    plc_step_status_set_invited_units (status, blank);
    g_assert_false (plc_step_status_validate (status, &error));
    assert_invalid (error, "Invited units");
    g_clear_error (&error);

    plc_step_status_set_invited_units (status, two_lines);
    g_assert_false (plc_step_status_validate (status, &error));
    assert_invalid (error, "Invited units");
    g_clear_error (&error);

    /* An empty list is none */
    plc_step_status_set_invited_units (status, invited + 2);
    g_assert_false (plc_step_status_has_meeting_record (status));
    g_assert_null (plc_step_status_get_invited_units (status)[0]);
  }
}

typedef struct
{
  const char *name;
  const char *email;
  const char *error_label;
} ContactCase;

static const ContactCase contact_cases[] = {
  { "Anna Berg", NULL,                  NULL },
  { "Anna Berg", "",                    NULL },
  { "Anna Berg", "anna@example.se",     NULL },
  { "Anna Berg", "a@b",                 NULL },
  { "",          "anna@example.se",     "Name" },
  { NULL,        NULL,                  "Name" },
  { "  ",        NULL,                  "Name" },
  { "Anna Berg", "anna.example.se",     "Email" },
  { "Anna Berg", "anna@@example.se",    "Email" },
  { "Anna Berg", "anna@example@se",     "Email" },
  { "Anna Berg", "@example.se",         "Email" },
  { "Anna Berg", "anna@",               "Email" },
};

static void
test_contact_validate (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (contact_cases); i++)
    {
      const ContactCase *c = &contact_cases[i];
      g_autoptr(PlcContact) contact = plc_contact_new ();
      g_autoptr(GError) error = NULL;
      gboolean ok;

      g_test_message ("contact %u: %s, %s", i, c->name, c->email);
      plc_contact_set_name (contact, c->name);
      plc_contact_set_email (contact, c->email);
      ok = plc_contact_validate (contact, &error);

      if (c->error_label == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_false (ok);
          assert_invalid (error, c->error_label);
        }
    }
}

/* A reference is written to the audit log and quoted in messages: one that
 * holds a personal identity number is refused, by every kind of record,
 * for its own ref and for its refs to others, and the message does not
 * quote it */
static const char * const personnummer_refs[] = {
  "19121212-1212", "191212121212", "121212-1212", "1212121212", "121212+1212",
  "child-19121212-1212", "barn 121212-1212 placering", "x191212121212y",
};
static const char * const other_refs[] = {
  "child-1", "child-1a2b3c4d", "19121212", "1912121212121", "19121212-1213", "2024-0001-1234",
  "placement-20240101", "1212121213",
};

/* Runs @validation first, then checks the @error it set */
#define assert_ref_refused(validation, error, label, ref) \
  G_STMT_START { \
    gboolean valid_ = (validation); \
    g_assert_false (valid_); \
    assert_invalid ((error), (label)); \
    g_assert_null (strstr ((error)->message, (ref))); \
    g_assert_null (strstr ((error)->message, "1212")); \
  } G_STMT_END

static void
test_refs_personnummer (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (personnummer_refs); i++)
    {
      const char *ref = personnummer_refs[i];
      g_autoptr(PlcChild) child = plc_child_new ();
      g_autoptr(PlcPlacement) placement = plc_placement_new ();
      g_autoptr(PlcStepStatus) step = plc_step_status_new ();
      g_autoptr(PlcContact) contact = plc_contact_new ();
      g_autoptr(PlcContactLogEntry) entry = plc_contact_log_entry_new ();
      g_autoptr(PlcDeviation) deviation = plc_deviation_new ();
      PlcContactLink *link = plc_contact_link_new ();
      GError *error = NULL;

      g_test_message ("ref: %s", ref);
      g_assert_true (plc_personnummer_find (ref));

      plc_child_set_ref (child, ref);
      assert_ref_refused (plc_child_validate (child, PLC_DATE_NONE, &error), error, "Reference", ref);
      g_clear_error (&error);

      plc_placement_set_ref (placement, ref);
      assert_ref_refused (plc_placement_validate (placement, NULL, &error), error, "Reference", ref);
      g_clear_error (&error);
      plc_placement_set_ref (placement, "placement-1");
      plc_placement_set_child_ref (placement, ref);
      assert_ref_refused (plc_placement_validate (placement, NULL, &error), error, "Child", ref);
      g_clear_error (&error);
      plc_placement_set_child_ref (placement, "child-1");
      plc_placement_set_previous_ref (placement, ref);
      assert_ref_refused (plc_placement_validate (placement, NULL, &error), error, "Previous placement", ref);
      g_clear_error (&error);

      plc_step_status_set_ref (step, ref);
      assert_ref_refused (plc_step_status_validate (step, &error), error, "Reference", ref);
      g_clear_error (&error);
      plc_step_status_set_ref (step, NULL);
      plc_step_status_set_placement_ref (step, ref);
      assert_ref_refused (plc_step_status_validate (step, &error), error, "Placement", ref);
      g_clear_error (&error);

      plc_contact_set_ref (contact, ref);
      assert_ref_refused (plc_contact_validate (contact, &error), error, "Reference", ref);
      g_clear_error (&error);
      plc_contact_set_ref (contact, "contact-1");
      link->child_ref = g_strdup (ref);
      plc_contact_add_link (contact, link);
      assert_ref_refused (plc_contact_validate (contact, &error), error, "Child", ref);
      g_clear_error (&error);

      plc_contact_log_entry_set_ref (entry, ref);
      assert_ref_refused (plc_contact_log_entry_validate (entry, &error), error, "Reference", ref);
      g_clear_error (&error);
      plc_contact_log_entry_set_ref (entry, NULL);
      plc_contact_log_entry_set_child_ref (entry, ref);
      assert_ref_refused (plc_contact_log_entry_validate (entry, &error), error, "Child", ref);
      g_clear_error (&error);

      plc_deviation_set_ref (deviation, ref);
      assert_ref_refused (plc_deviation_validate (deviation, &error), error, "Reference", ref);
      g_clear_error (&error);
      plc_deviation_set_ref (deviation, NULL);
      plc_deviation_set_placement_ref (deviation, ref);
      assert_ref_refused (plc_deviation_validate (deviation, &error), error, "Placement", ref);
      g_clear_error (&error);
    }

  /* Refs that merely have digits are refs */
  for (guint i = 0; i < G_N_ELEMENTS (other_refs); i++)
    {
      g_autoptr(PlcStepStatus) step = plc_step_status_new ();
      g_autoptr(GError) error = NULL;

      g_test_message ("ref: %s", other_refs[i]);
      g_assert_false (plc_personnummer_find (other_refs[i]));
      plc_step_status_set_rule (step, "health-notification");
      plc_step_status_set_ref (step, other_refs[i]);
      plc_step_status_set_placement_ref (step, other_refs[i]);
      g_assert_true (plc_step_status_validate (step, &error));
      g_assert_no_error (error);
    }
}

static void
test_contact_log_entry_validate (void)
{
  g_autoptr(PlcContactLogEntry) entry = plc_contact_log_entry_new ();
  g_autoptr(GError) error = NULL;

  plc_contact_log_entry_set_note (entry, "Called about the dental appointment");
  g_assert_false (plc_contact_log_entry_validate (entry, &error));
  assert_invalid (error, "Date");
  g_clear_error (&error);

  plc_contact_log_entry_set_date (entry, D (2024, 5, 10));
  g_assert_true (plc_contact_log_entry_validate (entry, &error));
  g_assert_no_error (error);

  plc_contact_log_entry_set_note (entry, NULL);
  g_assert_false (plc_contact_log_entry_validate (entry, &error));
  assert_invalid (error, "Note");
  g_clear_error (&error);

  plc_contact_log_entry_set_with_whom (entry, "  ");
  g_assert_false (plc_contact_log_entry_validate (entry, &error));
  assert_invalid (error, "Note");
  g_clear_error (&error);

  plc_contact_log_entry_set_with_whom (entry, "The foster home");
  g_assert_true (plc_contact_log_entry_validate (entry, &error));
  g_assert_no_error (error);
}

static void
test_deviation_validate (void)
{
  g_autoptr(PlcDeviation) deviation = plc_deviation_new ();
  g_autoptr(GError) error = NULL;

  plc_deviation_set_occurred_on (deviation, D (2024, 5, 10));
  g_assert_false (plc_deviation_validate (deviation, &error));
  assert_invalid (error, "Title");
  g_clear_error (&error);

  plc_deviation_set_title (deviation, " ");
  g_assert_false (plc_deviation_validate (deviation, &error));
  assert_invalid (error, "Title");
  g_clear_error (&error);

  plc_deviation_set_title (deviation, "No health examination offered");
  g_assert_true (plc_deviation_validate (deviation, &error));
  g_assert_no_error (error);

  plc_deviation_set_occurred_on (deviation, NONE);
  g_assert_false (plc_deviation_validate (deviation, &error));
  assert_invalid (error, "Occurred on");
}

/* Deviation history */

static void
assert_timestamp (const char *at)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_assert_nonnull (at);
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$", at, 0, 0));
  parsed = g_date_time_new_from_iso8601 (at, NULL);
  g_assert_nonnull (parsed);
  g_assert_cmpint (ABS (g_date_time_difference (now, parsed)), <, 60 * G_TIME_SPAN_SECOND);
}

static void
test_deviation_history (void)
{
  g_autoptr(PlcDeviation) deviation = plc_deviation_new ();
  GPtrArray *history = plc_deviation_get_history (deviation);
  PlcDeviationEvent *event;

  g_assert_nonnull (history);
  g_assert_cmpuint (history->len, ==, 0);
  g_assert_cmpint (plc_deviation_get_status (deviation), ==, PLC_DEVIATION_STATUS_DRAFT);

  /* A plain set changes no history */
  plc_deviation_set_status (deviation, PLC_DEVIATION_STATUS_DRAFT);
  g_assert_cmpuint (history->len, ==, 0);

  plc_deviation_set_status_with_event (deviation, PLC_DEVIATION_STATUS_REPORTED, "anna", "Sent to Synergi");
  g_assert_cmpint (plc_deviation_get_status (deviation), ==, PLC_DEVIATION_STATUS_REPORTED);
  g_assert_cmpuint (history->len, ==, 1);
  event = g_ptr_array_index (history, 0);
  g_assert_cmpint (event->status, ==, PLC_DEVIATION_STATUS_REPORTED);
  g_assert_cmpstr (event->user, ==, "anna");
  g_assert_cmpstr (event->note, ==, "Sent to Synergi");
  g_assert_cmpint (event->escalation_step, ==, 0);
  assert_timestamp (event->at);

  plc_deviation_set_status_with_event (deviation, PLC_DEVIATION_STATUS_UNDER_INVESTIGATION, NULL, NULL);
  g_assert_cmpuint (history->len, ==, 2);
  event = g_ptr_array_index (history, 1);
  g_assert_cmpint (event->status, ==, PLC_DEVIATION_STATUS_UNDER_INVESTIGATION);
  g_assert_cmpstr (event->user, ==, g_get_user_name ());
  g_assert_null (event->note);

  plc_deviation_escalate (deviation, "bo", "No answer in 30 days");
  g_assert_cmpint (plc_deviation_get_status (deviation), ==, PLC_DEVIATION_STATUS_ESCALATED);
  g_assert_cmpint (plc_deviation_get_escalation_step (deviation), ==, 1);
  g_assert_cmpuint (history->len, ==, 3);
  event = g_ptr_array_index (history, 2);
  g_assert_cmpint (event->status, ==, PLC_DEVIATION_STATUS_ESCALATED);
  g_assert_cmpint (event->escalation_step, ==, 1);
  g_assert_cmpstr (event->user, ==, "bo");

  plc_deviation_escalate (deviation, "bo", NULL);
  g_assert_cmpint (plc_deviation_get_escalation_step (deviation), ==, 2);
  g_assert_cmpuint (history->len, ==, 4);
  g_assert_cmpint (((PlcDeviationEvent *) g_ptr_array_index (history, 3))->escalation_step, ==, 2);

  plc_deviation_set_status_with_event (deviation, PLC_DEVIATION_STATUS_RESOLVED, "anna", "Examination booked");
  g_assert_cmpuint (history->len, ==, 5);
  event = g_ptr_array_index (history, 4);
  g_assert_cmpint (event->status, ==, PLC_DEVIATION_STATUS_RESOLVED);
  g_assert_cmpint (event->escalation_step, ==, 2);

  /* Events from elsewhere (an import) are appended as they are */
  event = plc_deviation_event_new ();
  event->at = g_strdup ("2024-01-02T03:04:05Z");
  event->status = PLC_DEVIATION_STATUS_DRAFT;
  plc_deviation_add_event (deviation, event);
  g_assert_cmpuint (history->len, ==, 6);
  g_assert_true (g_ptr_array_index (history, 5) == event);
  g_assert_cmpint (plc_deviation_get_status (deviation), ==, PLC_DEVIATION_STATUS_RESOLVED);
}

/* Enumerations */

typedef struct
{
  const char   *name;
  GType       (*get_type) (void);
  const char *(*to_string) (int value);
  gboolean    (*from_string) (const char *text, int *out);
  const char *(*display_name) (int value);
  const char   *nicks[20];   /* the interchange ids, in value order */
} EnumCase;

#define WRAP_ENUM(Type, prefix)                                          \
  static const char *                                                    \
  prefix##_to_string_int (int value)                                     \
  {                                                                      \
    return prefix##_to_string ((Type) value);                            \
  }                                                                      \
  static gboolean                                                        \
  prefix##_from_string_int (const char *text,                            \
                            int        *out)                             \
  {                                                                      \
    Type value = (Type) 12345;                                           \
    gboolean ok = prefix##_from_string (text, &value);                   \
                                                                         \
    *out = (int) value;                                                  \
    return ok;                                                           \
  }                                                                      \
  static const char *                                                    \
  prefix##_display_name_int (int value)                                  \
  {                                                                      \
    return prefix##_get_display_name ((Type) value);                     \
  }

WRAP_ENUM (PlcLegalGender, plc_legal_gender)
WRAP_ENUM (PlcLegalBasis, plc_legal_basis)
WRAP_ENUM (PlcPlacementForm, plc_placement_form)
WRAP_ENUM (PlcParty, plc_party)
WRAP_ENUM (PlcStepState, plc_step_state)
WRAP_ENUM (PlcContactRole, plc_contact_role)
WRAP_ENUM (PlcContactLogKind, plc_contact_log_kind)
WRAP_ENUM (PlcDeviationDirection, plc_deviation_direction)
WRAP_ENUM (PlcDeviationStatus, plc_deviation_status)
WRAP_ENUM (PlcDeviationCategory, plc_deviation_category)

#define ENUM_CASE(name, prefix, ...) \
  { name, prefix##_get_type, prefix##_to_string_int, prefix##_from_string_int, prefix##_display_name_int, { __VA_ARGS__, NULL } }

/* The interchange ids are a contract with files and tests outside this
 * repository: spelled out here, not read from the types. */
static const EnumCase enum_cases[] = {
  ENUM_CASE ("legal-gender", plc_legal_gender, "unknown", "female", "male"),
  ENUM_CASE ("legal-basis", plc_legal_basis, "SoL", "LVU2", "LVU3", "LVU6"),
  ENUM_CASE ("placement-form", plc_placement_form,
             "familjehem", "natverkshem", "jourhem", "hvb", "stodboende", "sis"),
  ENUM_CASE ("party", plc_party, "municipality", "region", "both", "board", "court"),
  ENUM_CASE ("step-state", plc_step_state, "open", "done", "not-needed"),
  ENUM_CASE ("contact-role", plc_contact_role,
             "guardian", "foster-home", "emergency-home", "hvb", "school", "bvc",
             "primary-care", "bup", "bum", "habilitation", "dental", "youth-clinic",
             "care-contact", "resource-coordinator", "god-man", "public-counsel",
             "deviation-officer", "other"),
  ENUM_CASE ("contact-log-kind", plc_contact_log_kind, "call", "meeting", "letter", "email", "other"),
  ENUM_CASE ("deviation-direction", plc_deviation_direction,
             "municipality-to-region", "region-to-municipality"),
  ENUM_CASE ("deviation-status", plc_deviation_status,
             "draft", "reported", "under-investigation", "resolved", "escalated"),
  ENUM_CASE ("deviation-category", plc_deviation_category,
             "health-examination", "sip", "referral", "information", "cost-responsibility",
             "care-planning", "discharge", "access-to-care", "other"),
};

static const char * const not_nicks[] = {
  "", " ", "bogus", "SOL", "sol", "lvu2", "LVU 2", "Familjehem", "nätverkshem",
  "HVB", "open ", " done", "not_needed", "Female", "foster_home", "0", "1",
  "DRAFT", "health examination",
};

static void
test_enum_round_trip (gconstpointer data)
{
  const EnumCase *c = data;
  g_autoptr(GEnumClass) klass = g_type_class_ref (c->get_type ());
  guint n_nicks = 0;

  while (c->nicks[n_nicks] != NULL)
    n_nicks++;

  /* Exactly the values listed, numbered from 0 in that order */
  g_assert_cmpuint (klass->n_values, ==, n_nicks);
  g_assert_cmpint (klass->minimum, ==, 0);
  g_assert_cmpint (klass->maximum, ==, (int) n_nicks - 1);

  for (guint i = 0; i < n_nicks; i++)
    {
      const char *display;
      int value = -1;

      g_assert_cmpstr (c->to_string ((int) i), ==, c->nicks[i]);
      g_assert_cmpstr (g_enum_get_value ((GEnumClass *) klass, (int) i)->value_nick, ==, c->nicks[i]);
      g_assert_true (c->from_string (c->nicks[i], &value));
      g_assert_cmpint (value, ==, (int) i);

      display = c->display_name ((int) i);
      g_assert_nonnull (display);
      g_assert_cmpstr (display, !=, "");
    }

  /* Anything else is refused and leaves *out alone */
  for (guint i = 0; i < G_N_ELEMENTS (not_nicks); i++)
    {
      int value = -1;
      gboolean is_nick = FALSE;

      for (guint j = 0; j < n_nicks; j++)
        is_nick |= g_str_equal (not_nicks[i], c->nicks[j]);
      if (is_nick)
        continue;

      g_assert_false (c->from_string (not_nicks[i], &value));
      g_assert_cmpint (value, ==, 12345);
    }

  /* The value names (PLC_...) are not interchange ids either */
  {
    int value = -1;

    g_assert_false (c->from_string (klass->values[0].value_name, &value));
    g_assert_false (c->from_string (NULL, &value));
  }

  /* Out of range */
  g_assert_null (c->to_string ((int) n_nicks));
  g_assert_null (c->to_string (-1));
  g_assert_null (c->display_name ((int) n_nicks));
}

static void
test_enum_display_names (void)
{
  /* The words of the spec, in English (the tests run in the C locale) */
  g_assert_cmpstr (plc_legal_basis_get_display_name (PLC_LEGAL_BASIS_SOL), ==, "SoL");
  g_assert_cmpstr (plc_legal_basis_get_display_name (PLC_LEGAL_BASIS_LVU2), ==, "LVU 2 §");
  g_assert_cmpstr (plc_legal_basis_get_display_name (PLC_LEGAL_BASIS_LVU3), ==, "LVU 3 §");
  g_assert_cmpstr (plc_legal_basis_get_display_name (PLC_LEGAL_BASIS_LVU6), ==, "LVU 6 §");
  g_assert_cmpstr (plc_placement_form_get_display_name (PLC_PLACEMENT_FORM_FAMILJEHEM), ==, "Foster home");
  g_assert_cmpstr (plc_placement_form_get_display_name (PLC_PLACEMENT_FORM_NATVERKSHEM), ==, "Network foster home");
  g_assert_cmpstr (plc_placement_form_get_display_name (PLC_PLACEMENT_FORM_JOURHEM), ==, "Emergency home");
  g_assert_cmpstr (plc_placement_form_get_display_name (PLC_PLACEMENT_FORM_HVB), ==, "Residential home (HVB)");
  g_assert_cmpstr (plc_placement_form_get_display_name (PLC_PLACEMENT_FORM_STODBOENDE), ==, "Supported housing");
  g_assert_cmpstr (plc_placement_form_get_display_name (PLC_PLACEMENT_FORM_SIS), ==, "State youth home (SiS)");
}

/* Copies */

/* g_param_values_cmp(), except that lists of strings are compared by
 * content (a boxed spec compares pointers) */
static int
values_cmp (GParamSpec   *pspec,
            const GValue *a,
            const GValue *b)
{
  if (pspec->value_type == G_TYPE_STRV)
    {
      static const char * const none[] = { NULL };
      const char * const *sa = g_value_get_boxed (a);
      const char * const *sb = g_value_get_boxed (b);

      return g_strv_equal (sa != NULL ? sa : none, sb != NULL ? sb : none) ? 0 : 1;
    }

  return g_param_values_cmp (pspec, a, b);
}

static void
assert_same_properties (GObject *a,
                        GObject *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      g_value_init (&va, pspecs[i]->value_type);
      g_value_init (&vb, pspecs[i]->value_type);
      g_object_get_property (a, pspecs[i]->name, &va);
      g_object_get_property (b, pspecs[i]->name, &vb);

      if (values_cmp (pspecs[i], &va, &vb) != 0)
        g_error ("%s: property “%s” differs in the copy", G_OBJECT_TYPE_NAME (a), pspecs[i]->name);
    }
}

/* Gives every property of @object a value other than its default, and
 * different from one call to the next with a different @seed. */
static void
set_all_properties (GObject *object,
                    int      seed)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);

      if (G_IS_PARAM_SPEC_STRING (pspec))
        g_value_take_string (&value, g_strdup_printf ("%s-%d", pspec->name, seed));
      else if (G_IS_PARAM_SPEC_INT64 (pspec))
        g_value_set_int64 (&value, 1000 + seed);
      else if (G_IS_PARAM_SPEC_UINT (pspec))
        g_value_set_uint (&value, D (2024, 1, 1) + (guint) seed);
      else if (G_IS_PARAM_SPEC_INT (pspec))
        g_value_set_int (&value, 2 + seed);
      else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
        g_value_set_boolean (&value, seed % 2 == 1);
      else if (G_IS_PARAM_SPEC_ENUM (pspec))
        {
          GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;

          g_value_set_enum (&value, klass->values[(guint) (1 + seed) % klass->n_values].value);
        }
      else if (pspec->value_type == G_TYPE_STRV)
        {
          char **strv = g_new0 (char *, 3);

          strv[0] = g_strdup_printf ("%s-%d", pspec->name, seed);
          strv[1] = g_strdup ("BUP");
          g_value_take_boxed (&value, strv);
        }
      else
        g_error ("property %s of unexpected type %s", pspec->name, g_type_name (pspec->value_type));

      g_object_set_property (object, pspec->name, &value);
    }
}

static void
test_copy_child (void)
{
  g_autoptr(PlcChild) child = plc_child_new ();
  g_autoptr(PlcChild) copy = NULL;

  set_all_properties (G_OBJECT (child), 1);
  copy = plc_child_copy (child);
  g_assert_true (copy != child);
  assert_same_properties (G_OBJECT (child), G_OBJECT (copy));
  g_assert_true (plc_child_get_name (child) != plc_child_get_name (copy));

  /* Changing one leaves the other alone */
  plc_child_set_name (copy, "Other name");
  plc_child_set_version (copy, 7);
  g_assert_cmpstr (plc_child_get_name (child), ==, "name-1");
  g_assert_cmpint (plc_child_get_version (child), ==, 1001);

  g_assert_finalize_object (g_steal_pointer (&copy));
  g_assert_cmpstr (plc_child_get_name (child), ==, "name-1");
}

static void
test_copy_records (void)
{
  GType types[] = {
    PLC_TYPE_PLACEMENT, PLC_TYPE_STEP_STATUS, PLC_TYPE_CONTACT_LOG_ENTRY,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GObject) object = g_object_new (types[i], NULL);
      g_autoptr(GObject) copy = NULL;

      set_all_properties (object, 1);

      if (types[i] == PLC_TYPE_PLACEMENT)
        copy = G_OBJECT (plc_placement_copy (PLC_PLACEMENT (object)));
      else if (types[i] == PLC_TYPE_STEP_STATUS)
        copy = G_OBJECT (plc_step_status_copy (PLC_STEP_STATUS (object)));
      else
        copy = G_OBJECT (plc_contact_log_entry_copy (PLC_CONTACT_LOG_ENTRY (object)));

      assert_same_properties (object, copy);

      /* Independent */
      set_all_properties (copy, 2);
      {
        g_autoptr(GObject) again = g_object_new (types[i], NULL);

        set_all_properties (again, 1);
        assert_same_properties (object, again);
      }

      g_assert_finalize_object (g_steal_pointer (&copy));
    }
}

static void
test_copy_contact (void)
{
  g_autoptr(PlcContact) contact = plc_contact_new ();
  g_autoptr(PlcContact) copy = NULL;
  PlcContactLink *link = plc_contact_link_new ();
  PlcContactLink *copied;
  GPtrArray *links;

  set_all_properties (G_OBJECT (contact), 1);
  link->child_id = 4;
  link->child_ref = g_strdup ("child-4");
  link->placement_id = 9;
  link->placement_ref = g_strdup ("placement-9");
  link->role = PLC_CONTACT_ROLE_GOD_MAN;
  plc_contact_add_link (contact, link);
  plc_contact_add_link (contact, plc_contact_link_new ());

  copy = plc_contact_copy (contact);
  assert_same_properties (G_OBJECT (contact), G_OBJECT (copy));

  links = plc_contact_get_links (copy);
  g_assert_true (links != plc_contact_get_links (contact));
  g_assert_cmpuint (links->len, ==, 2);
  copied = g_ptr_array_index (links, 0);
  g_assert_true (copied != link);
  g_assert_cmpint (copied->child_id, ==, 4);
  g_assert_cmpstr (copied->child_ref, ==, "child-4");
  g_assert_true (copied->child_ref != link->child_ref);
  g_assert_cmpint (copied->placement_id, ==, 9);
  g_assert_cmpstr (copied->placement_ref, ==, "placement-9");
  g_assert_true (copied->placement_ref != link->placement_ref);
  g_assert_cmpint (copied->role, ==, PLC_CONTACT_ROLE_GOD_MAN);
  copied = g_ptr_array_index (links, 1);
  g_assert_null (copied->child_ref);
  g_assert_cmpint (copied->role, ==, PLC_CONTACT_ROLE_OTHER);

  /* Changing the copy's links leaves the original's alone */
  plc_contact_clear_links (copy);
  g_assert_cmpuint (plc_contact_get_links (copy)->len, ==, 0);
  g_assert_cmpuint (plc_contact_get_links (contact)->len, ==, 2);
  g_assert_finalize_object (g_steal_pointer (&copy));
  g_assert_cmpstr (((PlcContactLink *) g_ptr_array_index (plc_contact_get_links (contact), 0))->child_ref, ==, "child-4");

  /* The boxed type copies deeply too */
  {
    g_autoptr(PlcContactLink) boxed = g_boxed_copy (PLC_TYPE_CONTACT_LINK, link);

    g_assert_true (boxed->child_ref != link->child_ref);
    g_assert_cmpstr (boxed->child_ref, ==, link->child_ref);
  }
}

static void
test_copy_deviation (void)
{
  g_autoptr(PlcDeviation) deviation = plc_deviation_new ();
  g_autoptr(PlcDeviation) copy = NULL;
  PlcDeviationEvent *original_event;
  PlcDeviationEvent *copied_event;

  set_all_properties (G_OBJECT (deviation), 1);
  plc_deviation_set_escalation_step (deviation, 0);
  plc_deviation_set_status_with_event (deviation, PLC_DEVIATION_STATUS_REPORTED, "anna", "note");
  plc_deviation_escalate (deviation, "bo", NULL);

  copy = plc_deviation_copy (deviation);
  assert_same_properties (G_OBJECT (deviation), G_OBJECT (copy));
  g_assert_cmpuint (plc_deviation_get_history (copy)->len, ==, 2);

  original_event = g_ptr_array_index (plc_deviation_get_history (deviation), 0);
  copied_event = g_ptr_array_index (plc_deviation_get_history (copy), 0);
  g_assert_true (original_event != copied_event);
  g_assert_cmpstr (copied_event->at, ==, original_event->at);
  g_assert_true (copied_event->at != original_event->at);
  g_assert_cmpstr (copied_event->user, ==, "anna");
  g_assert_true (copied_event->user != original_event->user);
  g_assert_cmpstr (copied_event->note, ==, "note");
  g_assert_true (copied_event->note != original_event->note);
  g_assert_cmpint (copied_event->status, ==, PLC_DEVIATION_STATUS_REPORTED);

  /* History added to the copy stays in the copy */
  plc_deviation_escalate (copy, "bo", NULL);
  g_assert_cmpuint (plc_deviation_get_history (copy)->len, ==, 3);
  g_assert_cmpuint (plc_deviation_get_history (deviation)->len, ==, 2);
  g_assert_cmpint (plc_deviation_get_escalation_step (deviation), ==, 1);
  g_assert_finalize_object (g_steal_pointer (&copy));
  g_assert_cmpstr (((PlcDeviationEvent *) g_ptr_array_index (plc_deviation_get_history (deviation), 1))->user, ==, "bo");
}

/* Property notification */

typedef struct
{
  guint       count;
  const char *last;
} NotifyCount;

static void
on_notify (GObject     *object,
           GParamSpec  *pspec,
           NotifyCount *count)
{
  count->count++;
  count->last = pspec->name;
}

static void
test_notify (gconstpointer data)
{
  GType type = GPOINTER_TO_SIZE (data);
  g_autoptr(GObject) object = g_object_new (type, NULL);
  g_autofree GParamSpec **pspecs = NULL;
  NotifyCount count = { 0, NULL };
  guint n_pspecs;

  g_signal_connect (object, "notify", G_CALLBACK (on_notify), &count);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  g_assert_cmpuint (n_pspecs, >, 0);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) first = G_VALUE_INIT;
      g_auto(GValue) second = G_VALUE_INIT;
      g_auto(GValue) back = G_VALUE_INIT;

      g_test_message ("%s:%s", g_type_name (type), pspec->name);
      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
      g_assert_true (pspec->flags & G_PARAM_READWRITE);

      g_value_init (&first, pspec->value_type);
      g_value_init (&second, pspec->value_type);
      g_value_init (&back, pspec->value_type);

      if (G_IS_PARAM_SPEC_STRING (pspec))
        {
          g_value_set_static_string (&first, "first");
          g_value_set_static_string (&second, "second");
        }
      else if (G_IS_PARAM_SPEC_INT64 (pspec))
        {
          g_value_set_int64 (&first, 5);
          g_value_set_int64 (&second, 6);
        }
      else if (G_IS_PARAM_SPEC_UINT (pspec))
        {
          g_value_set_uint (&first, D (2024, 5, 10));
          g_value_set_uint (&second, D (2024, 5, 11));
        }
      else if (G_IS_PARAM_SPEC_INT (pspec))
        {
          g_value_set_int (&first, 5);
          g_value_set_int (&second, 6);
        }
      else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
        {
          g_value_set_boolean (&first, TRUE);
          g_value_set_boolean (&second, FALSE);
        }
      else if (G_IS_PARAM_SPEC_ENUM (pspec))
        {
          GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
          g_auto(GValue) current = G_VALUE_INIT;
          guint index = 0;

          /* Values next to the current one (the values are 0, 1, 2, ...) */
          g_value_init (&current, pspec->value_type);
          g_object_get_property (object, pspec->name, &current);
          index = (guint) g_value_get_enum (&current);
          g_value_set_enum (&first, klass->values[(index + 1) % klass->n_values].value);
          g_value_set_enum (&second, klass->values[(index + 2) % klass->n_values].value);
          if (g_value_get_enum (&second) == g_value_get_enum (&first))
            g_value_set_enum (&second, klass->values[index].value);
        }
      else if (pspec->value_type == G_TYPE_STRV)
        {
          static const char * const one[] = { "BUP", NULL };
          static const char * const two[] = { "BUP", "Elevhälsan", NULL };

          g_value_set_boxed (&first, one);
          g_value_set_boxed (&second, two);
        }
      else
        g_error ("property of unexpected type %s", g_type_name (pspec->value_type));

      /* A change notifies once */
      count.count = 0;
      g_object_set_property (object, pspec->name, &first);
      g_assert_cmpuint (count.count, ==, 1);
      g_assert_cmpstr (count.last, ==, pspec->name);
      g_object_get_property (object, pspec->name, &back);
      g_assert_cmpint (values_cmp (pspec, &first, &back), ==, 0);

      /* The same value again does not */
      g_object_set_property (object, pspec->name, &first);
      g_assert_cmpuint (count.count, ==, 1);

      g_object_set_property (object, pspec->name, &second);
      g_assert_cmpuint (count.count, ==, 2);
      g_object_set_property (object, pspec->name, &second);
      g_assert_cmpuint (count.count, ==, 2);

      /* For strings, "" is NULL */
      if (G_IS_PARAM_SPEC_STRING (pspec))
        {
          g_object_set (object, pspec->name, NULL, NULL);
          g_assert_cmpuint (count.count, ==, 3);
          g_object_set (object, pspec->name, "", NULL);
          g_assert_cmpuint (count.count, ==, 3);
          g_object_set (object, pspec->name, NULL, NULL);
          g_assert_cmpuint (count.count, ==, 3);
        }

      /* For lists, an empty one is NULL */
      if (pspec->value_type == G_TYPE_STRV)
        {
          static const char * const empty[] = { NULL };

          g_object_set (object, pspec->name, NULL, NULL);
          g_assert_cmpuint (count.count, ==, 3);
          g_object_set (object, pspec->name, empty, NULL);
          g_assert_cmpuint (count.count, ==, 3);
        }
    }
}

static void
test_notify_accessors (void)
{
  g_autoptr(PlcChild) child = plc_child_new ();
  g_autoptr(PlcDeviation) deviation = plc_deviation_new ();
  g_autoptr(GError) error = NULL;
  NotifyCount count = { 0, NULL };

  /* The C setters notify like the properties */
  g_signal_connect (child, "notify::name", G_CALLBACK (on_notify), &count);
  plc_child_set_name (child, "Alva");
  plc_child_set_name (child, "Alva");
  g_assert_cmpuint (count.count, ==, 1);
  plc_child_set_name (child, "Alva B");
  g_assert_cmpuint (count.count, ==, 2);

  /* Parsing a personnummer notifies each changed property once */
  count.count = 0;
  g_signal_connect (child, "notify::personnummer", G_CALLBACK (on_notify), &count);
  g_signal_connect (child, "notify::birth-date", G_CALLBACK (on_notify), &count);
  g_signal_connect (child, "notify::legal-gender", G_CALLBACK (on_notify), &count);
  g_assert_true (plc_child_set_personnummer_text (child, "121212-1212", TODAY, &error));
  g_assert_cmpuint (count.count, ==, 3);
  g_assert_true (plc_child_set_personnummer_text (child, "20121212-1212", TODAY, &error));
  g_assert_cmpuint (count.count, ==, 3);
  g_assert_false (plc_child_set_personnummer_text (child, "121212-1213", TODAY, &error));
  g_assert_cmpuint (count.count, ==, 3);

  /* Escalating notifies the step and the status */
  count.count = 0;
  g_signal_connect (deviation, "notify", G_CALLBACK (on_notify), &count);
  plc_deviation_escalate (deviation, "bo", NULL);
  g_assert_cmpuint (count.count, ==, 2);
  plc_deviation_escalate (deviation, "bo", NULL);
  g_assert_cmpuint (count.count, ==, 3);
  plc_deviation_set_status_with_event (deviation, PLC_DEVIATION_STATUS_ESCALATED, "bo", NULL);
  g_assert_cmpuint (count.count, ==, 3);
}

/* Dataset */

static void
test_dataset (void)
{
  g_autoptr(PlcDataset) dataset = plc_dataset_new ();
  g_autoptr(PlcChild) child = plc_child_new ();
  GPtrArray *arrays[] = {
    plc_dataset_get_children (dataset),
    plc_dataset_get_placements (dataset),
    plc_dataset_get_step_statuses (dataset),
    plc_dataset_get_contacts (dataset),
    plc_dataset_get_contact_log (dataset),
    plc_dataset_get_deviations (dataset),
  };

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    {
      g_assert_nonnull (arrays[i]);
      g_assert_cmpuint (arrays[i]->len, ==, 0);
      for (guint j = 0; j < i; j++)
        g_assert_true (arrays[i] != arrays[j]);
    }

  g_ptr_array_add (plc_dataset_get_children (dataset), g_object_ref (child));
  g_ptr_array_add (plc_dataset_get_placements (dataset), plc_placement_new ());
  g_ptr_array_add (plc_dataset_get_step_statuses (dataset), plc_step_status_new ());
  g_ptr_array_add (plc_dataset_get_contacts (dataset), plc_contact_new ());
  g_ptr_array_add (plc_dataset_get_contact_log (dataset), plc_contact_log_entry_new ());
  g_ptr_array_add (plc_dataset_get_deviations (dataset), plc_deviation_new ());
  g_assert_cmpuint (plc_dataset_get_children (dataset)->len, ==, 1);

  /* The dataset owns its elements and drops them when it goes */
  g_assert_finalize_object (g_steal_pointer (&dataset));
  g_assert_finalize_object (g_steal_pointer (&child));
}

int
main (int   argc,
      char *argv[])
{
  GType record_types[] = {
    PLC_TYPE_CHILD, PLC_TYPE_PLACEMENT, PLC_TYPE_STEP_STATUS,
    PLC_TYPE_CONTACT, PLC_TYPE_CONTACT_LOG_ENTRY, PLC_TYPE_DEVIATION,
  };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (child_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/model/child/validate/%s", child_cases[i].name);

      g_test_add_data_func (path, &child_cases[i], test_child_validate);
    }
  g_test_add_func ("/model/child/validate-today", test_child_validate_today);
  g_test_add_func ("/model/child/personnummer-text", test_child_personnummer_text);

  for (guint i = 0; i < G_N_ELEMENTS (placement_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/model/placement/validate/%s", placement_cases[i].name);

      g_test_add_data_func (path, &placement_cases[i], test_placement_validate);
    }
  g_test_add_func ("/model/placement/lvu3-message", test_placement_lvu3_message);
  g_test_add_func ("/model/placement/update-other-region", test_placement_update_other_region);
  g_test_add_func ("/model/placement/is-active", test_placement_is_active);
  g_test_add_func ("/model/placement/investigation-restriction", test_placement_investigation_restriction);
  g_test_add_func ("/model/placement/moving-ban-discharge-home", test_placement_moving_ban_discharge_home);

  g_test_add_func ("/model/step-status/validate", test_step_status_validate);
  g_test_add_func ("/model/contact/validate", test_contact_validate);
  g_test_add_func ("/model/contact-log-entry/validate", test_contact_log_entry_validate);
  g_test_add_func ("/model/deviation/validate", test_deviation_validate);
  g_test_add_func ("/model/deviation/history", test_deviation_history);
  g_test_add_func ("/model/refs/personnummer", test_refs_personnummer);

  for (guint i = 0; i < G_N_ELEMENTS (enum_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/model/enum/%s", enum_cases[i].name);

      g_test_add_data_func (path, &enum_cases[i], test_enum_round_trip);
    }
  g_test_add_func ("/model/enum/display-names", test_enum_display_names);

  g_test_add_func ("/model/copy/child", test_copy_child);
  g_test_add_func ("/model/copy/records", test_copy_records);
  g_test_add_func ("/model/copy/contact", test_copy_contact);
  g_test_add_func ("/model/copy/deviation", test_copy_deviation);

  for (guint i = 0; i < G_N_ELEMENTS (record_types); i++)
    {
      g_autofree char *path = g_strdup_printf ("/model/notify/%s", g_type_name (record_types[i]));

      g_test_add_data_func (path, GSIZE_TO_POINTER (record_types[i]), test_notify);
    }
  g_test_add_func ("/model/notify/accessors", test_notify_accessors);

  g_test_add_func ("/model/dataset", test_dataset);

  return g_test_run ();
}
