/* fuzz-personnummer.c: the personal identity number parser against
 * arbitrary bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built as a libFuzzer target with -Dfuzzing=true (clang), and always as
 * part of fuzz-personnummer-replay, which runs the corpus through it in the
 * test suite.
 *
 * A number is refused with a PLC_ERROR_INVALID message that does not
 * quote it, or parsed into a birth date no later than today whose
 * normalized twelve-digit form parses again to the same result.
 */

#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <string.h>

#include "plc-error.h"
#include "plc-personnummer.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The digits of @text, in order. */
static char *
digits_of (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
    }

  return g_string_free (digits, FALSE);
}

static void
check_one (const char  *text,
           const GDate *today)
{
  g_autoptr(GError) error = NULL;
  PlcPersonnummer pnr;
  PlcPersonnummer again;

  memset (&pnr, 0xa5, sizeof pnr);

  if (!plc_personnummer_parse (text, today, &pnr, &error))
    {
      g_autofree char *digits = digits_of (text);

      g_assert_nonnull (error);
      g_assert_true (g_error_matches (error, PLC_ERROR, PLC_ERROR_INVALID));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      /* Never the number itself in a message */
      if (strlen (digits) >= 10)
        g_assert_null (strstr (error->message, digits + strlen (digits) - 10));
      return;
    }

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (pnr.normalized), ==, 13);
  g_assert_cmpint (pnr.normalized[8], ==, '-');
  g_assert_true (g_date_valid (&pnr.birth_date));
  g_assert_true (g_date_get_year (&pnr.birth_date) >= 1800);
  g_assert_cmpint (g_date_compare (&pnr.birth_date, today), <=, 0);
  g_assert_true (pnr.legal_gender == PLC_LEGAL_GENDER_MALE ||
                 pnr.legal_gender == PLC_LEGAL_GENDER_FEMALE);

  /* The normalized form is a valid number with the same meaning. */
  g_assert_true (plc_personnummer_parse (pnr.normalized, today, &again, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (again.normalized, ==, pnr.normalized);
  g_assert_cmpint (g_date_compare (&again.birth_date, &pnr.birth_date), ==, 0);
  g_assert_cmpint (again.legal_gender, ==, pnr.legal_gender);
  g_assert_cmpint (again.coordination, ==, pnr.coordination);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *)data, size);
  GDate today;

  /* A fixed day, and the first of January and the last of December of a
   * year the input's length picks, which move the century of ten digits. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_JUNE, 2025);
  check_one (text, &today);

  g_date_set_dmy (&today, 1, G_DATE_JANUARY, (GDateYear)(1900 + size % 200));
  check_one (text, &today);
  g_date_set_dmy (&today, 31, G_DATE_DECEMBER, (GDateYear)(1900 + size % 200));
  check_one (text, &today);

  return 0;
}
