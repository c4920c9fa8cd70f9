/* test-personnummer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-personnummer"

#include "config.h"

#include <string.h>

#include "plc-error.h"
#include "plc-personnummer.h"

/* The check digits in these tables were computed by hand (and with an
 * independent script), not with plc_personnummer_luhn(), so that a wrong
 * implementation cannot agree with itself. 19121212-1212, 640823-3234 and
 * 701063-2391 are the Tax Agency's own examples.
 *
 * Unless a case says otherwise, "today" is 2024-05-10. */

#define TODAY 2024, 5, 10

typedef struct
{
  const char     *name;
  const char     *text;
  int             today_y, today_m, today_d;
  const char     *normalized;
  int             y, m, d;
  PlcLegalGender  gender;
  gboolean        coordination;
} ValidCase;

#define M PLC_LEGAL_GENDER_MALE
#define F PLC_LEGAL_GENDER_FEMALE

static const ValidCase valid_cases[] = {
  /* The forms */
  { "12-dash",               "19121212-1212",   TODAY, "19121212-1212", 1912, 12, 12, M, FALSE },
  { "12-bare",               "191212121212",    TODAY, "19121212-1212", 1912, 12, 12, M, FALSE },
  { "10-dash",               "121212-1212",     TODAY, "20121212-1212", 2012, 12, 12, M, FALSE },
  { "10-plus",               "121212+1212",     TODAY, "19121212-1212", 1912, 12, 12, M, FALSE },
  { "10-bare",               "1212121212",      TODAY, "20121212-1212", 2012, 12, 12, M, FALSE },
  { "10-dash-1981",          "811218-9876",     TODAY, "19811218-9876", 1981, 12, 18, M, FALSE },
  { "10-dash-1964",          "640823-3234",     TODAY, "19640823-3234", 1964,  8, 23, M, FALSE },
  { "12-dash-2010",          "20100101-0014",   TODAY, "20100101-0014", 2010,  1,  1, M, FALSE },
  { "18xx-century",          "18000101-0115",   TODAY, "18000101-0115", 1800,  1,  1, M, FALSE },

  /* Legal gender: the ninth of the ten digits */
  { "gender-female",         "20100101-0022",   TODAY, "20100101-0022", 2010,  1,  1, F, FALSE },
  { "gender-female-check-0", "121212-1220",     TODAY, "20121212-1220", 2012, 12, 12, F, FALSE },
  { "gender-male-1999",      "990101-0018",     TODAY, "19990101-0018", 1999,  1,  1, M, FALSE },
  { "gender-female-2024",    "240509-1246",     TODAY, "20240509-1246", 2024,  5,  9, F, FALSE },

  /* Leap years */
  { "leap-2000",             "20000229-1235",   TODAY, "20000229-1235", 2000,  2, 29, M, FALSE },
  { "leap-2000-10",          "000229-1235",     TODAY, "20000229-1235", 2000,  2, 29, M, FALSE },
  { "leap-2024",             "20240229-1237",   TODAY, "20240229-1237", 2024,  2, 29, M, FALSE },
  { "plus-1900-02-28",       "000228+1244",     TODAY, "19000228-1244", 1900,  2, 28, F, FALSE },

  /* Samordningsnummer: day + 60 */
  { "coord-10",              "701063-2391",     TODAY, "19701063-2391", 1970, 10,  3, M, TRUE },
  { "coord-12",              "19701063-2391",   TODAY, "19701063-2391", 1970, 10,  3, M, TRUE },
  { "coord-12-bare",         "197010632391",    TODAY, "19701063-2391", 1970, 10,  3, M, TRUE },
  { "coord-leap",            "20000289-1240",   TODAY, "20000289-1240", 2000,  2, 29, F, TRUE },
  { "coord-day-61",          "19900161-1236",   TODAY, "19900161-1236", 1990,  1,  1, M, TRUE },
  { "coord-day-91",          "19900191-1230",   TODAY, "19900191-1230", 1990,  1, 31, M, TRUE },

  /* White space around is ignored, Unicode's too */
  { "space-around",          "  19121212-1212\n", TODAY, "19121212-1212", 1912, 12, 12, M, FALSE },
  { "tab-around",            "\t811218-9876 ",  TODAY, "19811218-9876", 1981, 12, 18, M, FALSE },
  { "nbsp-around",           "\xc2\xa0" "811218-9876" "\xc2\xa0", TODAY, "19811218-9876", 1981, 12, 18, M, FALSE },

  /* The century of ten digits. The '+' replaces the '-' from the calendar
   * year the person turns 100 (folkbokföringslagen 18 §), not from the
   * birthday. Today is 2024-05-10. */
  { "born-today",            "240510-1235",     TODAY, "20240510-1235", 2024,  5, 10, M, FALSE },
  { "born-today-bare",       "2405101235",      TODAY, "20240510-1235", 2024,  5, 10, M, FALSE },
  { "100-today-plus",        "240510+1235",     TODAY, "19240510-1235", 1924,  5, 10, M, FALSE },
  { "100-this-year-plus",    "240511+1234",     TODAY, "19240511-1234", 1924,  5, 11, M, FALSE },
  { "99-this-year-dash",     "250101-1239",     TODAY, "19250101-1239", 1925,  1,  1, M, FALSE },
  { "199-this-year-plus",    "250101+1239",     TODAY, "18250101-1239", 1825,  1,  1, M, FALSE },
  { "last-year-dash",        "231231-1240",     TODAY, "20231231-1240", 2023, 12, 31, F, FALSE },
  { "last-year-plus",        "231231+1240",     TODAY, "19231231-1240", 1923, 12, 31, F, FALSE },
  /* Around new year */
  { "nye-born-today",        "241231-1231",     2024, 12, 31, "20241231-1231", 2024, 12, 31, M, FALSE },
  { "ny-born-yesterday",     "241231-1231",     2025,  1,  1, "20241231-1231", 2024, 12, 31, M, FALSE },
  { "ny-plus-101",           "241231+1231",     2025,  1,  1, "19241231-1231", 1924, 12, 31, M, FALSE },
  { "ny-born-today",         "250101-1239",     2025,  1,  1, "20250101-1239", 2025,  1,  1, M, FALSE },
  { "ny-plus-100",           "250101+1239",     2025,  1,  1, "19250101-1239", 1925,  1,  1, M, FALSE },
  { "nye-dash-99",           "250101-1239",     2024, 12, 31, "19250101-1239", 1925,  1,  1, M, FALSE },
  { "y2k-born-today",        "001231-1239",     2000, 12, 31, "20001231-1239", 2000, 12, 31, M, FALSE },
  { "12-born-today",         "20240510-1235",   TODAY, "20240510-1235", 2024,  5, 10, M, FALSE },
};

typedef struct
{
  const char *name;
  const char *text;
  int         today_y, today_m, today_d;
  const char *message;  /* must occur in the error message */
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  /* Check digit; some of these are what a wrong implementation computes:
   * weights 1, 2 instead of 2, 1 ("swapped"), products not reduced to
   * their digit sum ("no-sum"), 10 instead of 0 */
  { "check-off-by-one",      "19121212-1213",   TODAY, "check digit is wrong" },
  { "check-10-bare",         "1212121213",      TODAY, "check digit is wrong" },
  { "check-swapped-1",       "811218-9874",     TODAY, "check digit is wrong" },
  { "check-swapped-2",       "701063-2393",     TODAY, "check digit is wrong" },
  { "check-swapped-3",       "121212-1228",     TODAY, "check digit is wrong" },
  { "check-swapped-4",       "640823-3231",     TODAY, "check digit is wrong" },
  { "check-no-sum-1",        "811218-9879",     TODAY, "check digit is wrong" },
  { "check-no-sum-2",        "640823-3235",     TODAY, "check digit is wrong" },
  { "check-no-sum-3",        "19701063-2394",   TODAY, "check digit is wrong" },
  { "check-over-century",    "20121212-1213",   TODAY, "check digit is wrong" },
  { "check-coord",           "701063-2390",     TODAY, "check digit is wrong" },
  { "transposed",            "811218-9786",     TODAY, "check digit is wrong" },

  /* Impossible dates */
  { "feb-30",                "19900230-1233",   TODAY, "1990-02-30 is not a real date" },
  { "feb-30-10",             "900230-1233",     TODAY, "1990-02-30 is not a real date" },
  { "month-13",              "901305-1231",     TODAY, "1990-13-05 is not a real date" },
  { "month-00",              "19900005-1236",   TODAY, "1990-00-05 is not a real date" },
  { "day-00",                "19900100-1230",   TODAY, "1990-01-00 is not a real date" },
  { "day-32",                "19900132-1232",   TODAY, "1990-01-32 is not a real date" },
  { "leap-1900",             "19000229-1235",   TODAY, "1900-02-29 is not a real date" },
  { "leap-2023",             "20230229-1238",   TODAY, "2023-02-29 is not a real date" },
  /* The century is decided before the date is checked */
  { "leap-plus-1900",        "000229+1235",     TODAY, "1900-02-29 is not a real date" },
  { "coord-leap-1900",       "19000289-1240",   TODAY, "1900-02-29 is not a real date (coordination number)" },
  { "coord-apr-31",          "19900491-1237",   TODAY, "1990-04-31 is not a real date (coordination number)" },
  { "coord-day-60",          "19900160-1237",   TODAY, "1990-01-00 is not a real date (coordination number)" },
  { "coord-day-92",          "19900192-1239",   TODAY, "1990-01-32 is not a real date (coordination number)" },
  { "before-1800",           "17991231-1231",   TODAY, "birth year 1799 is before 1800" },

  /* In the future */
  { "future-12",             "20300101-1232",   TODAY, "birth date is in the future" },
  { "future-tomorrow",       "20240511-1234",   TODAY, "birth date is in the future" },
  { "future-coord",          "20240571-1231",   TODAY, "birth date is in the future" },
  /* Turning 100 this year: from 1 January it is written with '+', so with
   * '-' it can only mean this year, and the birthday has not come yet */
  { "future-10-dash",        "240511-1234",     TODAY, "birth date is in the future" },
  { "future-10-bare",        "2405111234",      TODAY, "birth date is in the future" },
  { "future-y2k",            "001231-1239",     2000, 12, 30, "birth date is in the future" },

  /* Birth number 000 is never given */
  { "birth-number-000",      "121212-0008",     TODAY, "three digits after the date cannot be 000" },

  /* Characters */
  { "inner-space",           "811218 9876",     TODAY, "unexpected space or invisible character" },
  { "inner-tab",             "811218-98\t76",   TODAY, "unexpected space or invisible character" },
  { "zero-width-space",      "811218\xe2\x80\x8b-9876", TODAY, "unexpected space or invisible character" },
  { "letter",                "81121B-9876",     TODAY, "unexpected character “B”" },
  { "letter-last",           "811218-987X",     TODAY, "unexpected character “X”" },
  { "letters",               "ABCDEF-GHIJ",     TODAY, "unexpected character “A”" },
  { "non-ascii-letter",      "81121ö-9876",     TODAY, "unexpected character “ö”" },
  { "en-dash",               "811218\xe2\x80\x93" "9876", TODAY, "unexpected character “\xe2\x80\x93”" },
  { "fullwidth-digit",       "\xef\xbc\x98" "11218-9876", TODAY, "unexpected character “\xef\xbc\x98”" },
  { "slash",                 "811218/9876",     TODAY, "unexpected character “/”" },
  { "invalid-utf8",          "\xff" "811218-9876", TODAY, "not valid text" },

  /* Length */
  { "empty",                 "",                TODAY, "must have 10 or 12 digits, not 0" },
  { "blank",                 "  \t ",           TODAY, "must have 10 or 12 digits, not 0" },
  { "9-digits",              "81121-9876",      TODAY, "must have 10 or 12 digits, not 9" },
  { "11-digits",             "1811218-9876",    TODAY, "must have 10 or 12 digits, not 11" },
  { "13-digits",             "1912121212120",   TODAY, "must have 10 or 12 digits, not 13" },
  { "13-digits-dash",        "19121212-12123",  TODAY, "must have 10 or 12 digits, not 13" },
  { "separator-only",        "-",               TODAY, "must have 10 or 12 digits, not 0" },

  /* Separators */
  { "two-dashes",            "811218--9876",    TODAY, "only one “-” or “+” is allowed" },
  { "dash-plus",             "811218-+9876",    TODAY, "only one “-” or “+” is allowed" },
  { "two-places",            "8112-18-9876",    TODAY, "only one “-” or “+” is allowed" },
  { "dash-early",            "8112-189876",     TODAY, "“-” must come right before the last four digits" },
  { "dash-late",             "8112189-876",     TODAY, "“-” must come right before the last four digits" },
  { "dash-first",            "-8112189876",     TODAY, "“-” must come right before the last four digits" },
  { "dash-last",             "8112189876-",     TODAY, "“-” must come right before the last four digits" },
  { "plus-last",             "8112189876+",     TODAY, "“+” must come right before the last four digits" },
  { "12-dash-at-6",          "198112-189876",   TODAY, "“-” must come right before the last four digits" },
  { "12-plus",               "19121212+1212",   TODAY, "“+” is only used with 10 digits" },
};

typedef struct
{
  const char *nine_digits;
  int         expected;
} LuhnCase;

static const LuhnCase luhn_cases[] = {
  { "121212121", 2 },
  { "811218987", 6 },
  { "640823323", 4 },
  { "701063239", 1 },
  { "121212122", 0 },   /* sum ends in 0: check digit 0, not 10 */
  { "000000000", 0 },
  { "999999999", 9 },
  { "200101987", 2 },   /* swapped weights give 1, no digit sum 4 */
  { "050607890", 6 },
  /* Not nine digits */
  { "",           -1 },
  { "12121212",   -1 },
  { "1212121212", -1 },
  { "12121212a",  -1 },
  { "1212-1212",  -1 },
  { " 12121212",  -1 },
};

static void
set_today (GDate *date,
           int    y,
           int    m,
           int    d)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  g_assert_true (g_date_valid (date));
}

static void
test_valid (gconstpointer data)
{
  const ValidCase *c = data;
  g_autoptr(GError) error = NULL;
  PlcPersonnummer pnr;
  GDate today;
  gboolean ok;

  set_today (&today, c->today_y, c->today_m, c->today_d);

  ok = plc_personnummer_parse (c->text, &today, &pnr, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  g_assert_cmpstr (pnr.normalized, ==, c->normalized);
  g_assert_true (g_date_valid (&pnr.birth_date));
  g_assert_cmpint (g_date_get_year (&pnr.birth_date), ==, c->y);
  g_assert_cmpint (g_date_get_month (&pnr.birth_date), ==, c->m);
  g_assert_cmpint (g_date_get_day (&pnr.birth_date), ==, c->d);
  g_assert_cmpint (pnr.legal_gender, ==, c->gender);
  g_assert_cmpint (pnr.coordination, ==, c->coordination);

  /* The normalized form parses to the same thing */
  {
    PlcPersonnummer again;

    g_assert_true (plc_personnummer_parse (pnr.normalized, &today, &again, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (again.normalized, ==, pnr.normalized);
    g_assert_cmpint (g_date_compare (&again.birth_date, &pnr.birth_date), ==, 0);
  }

  /* @out and @error are optional */
  g_assert_true (plc_personnummer_parse (c->text, &today, NULL, NULL));
}

static void
assert_private (const char *message,
                const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
    }

  /* The message never quotes the number, nor its last four digits */
  if (digits->len >= 4)
    g_assert_null (strstr (message, digits->str + digits->len - 4));
  if (digits->len >= 10)
    g_assert_null (strstr (message, digits->str));

  g_string_free (digits, TRUE);
}

static void
test_invalid (gconstpointer data)
{
  const InvalidCase *c = data;
  g_autoptr(GError) error = NULL;
  PlcPersonnummer pnr;
  PlcPersonnummer before;
  GDate today;

  set_today (&today, c->today_y, c->today_m, c->today_d);

  memset (&pnr, 0xa5, sizeof pnr);
  memcpy (&before, &pnr, sizeof pnr);

  g_assert_false (plc_personnummer_parse (c->text, &today, &pnr, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Personal identity number: "));
  if (strstr (error->message, c->message) == NULL)
    g_error ("Message “%s” does not contain “%s”", error->message, c->message);
  assert_private (error->message, c->text);

  /* @out is left alone on failure */
  g_assert_cmpmem (&pnr, sizeof pnr, &before, sizeof before);

  /* @out and @error are optional */
  g_assert_false (plc_personnummer_parse (c->text, &today, NULL, NULL));
}

static void
test_luhn (gconstpointer data)
{
  const LuhnCase *c = data;

  g_assert_cmpint (plc_personnummer_luhn (c->nine_digits), ==, c->expected);
}

/* Every wrong check digit is refused, and only the right one passes */
static void
test_every_check_digit (void)
{
  static const char *numbers[] = {
    "19121212-1212", "811218-9876", "701063-2391", "121212-1220", "240510+1235",
  };
  GDate today;

  set_today (&today, TODAY);

  for (gsize i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *copy = g_strdup (numbers[i]);
      char *last = copy + strlen (copy) - 1;
      char right = *last;

      for (char digit = '0'; digit <= '9'; digit++)
        {
          g_autoptr(GError) error = NULL;
          gboolean ok;

          *last = digit;
          ok = plc_personnummer_parse (copy, &today, NULL, &error);

          if (digit == right)
            {
              g_assert_no_error (error);
              g_assert_true (ok);
            }
          else
            {
              g_assert_false (ok);
              g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
              g_assert_nonnull (strstr (error->message, "check digit"));
            }
        }
    }
}

/* A mistyped digit in the birth number (which cannot make the date wrong)
 * is always caught by the check digit. */
static void
test_single_digit_errors (void)
{
  static const char *numbers[] = {
    "811218-9876", "640823-3234", "19121212-1212", "701063-2391",
  };
  GDate today;

  set_today (&today, TODAY);

  for (gsize i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      gsize len = strlen (numbers[i]);

      for (gsize pos = len - 4; pos < len - 1; pos++)
        {
          for (char digit = '0'; digit <= '9'; digit++)
            {
              g_autofree char *copy = g_strdup (numbers[i]);
              g_autoptr(GError) error = NULL;

              if (copy[pos] == digit)
                continue;
              copy[pos] = digit;

              g_assert_false (plc_personnummer_parse (copy, &today, NULL, &error));
              g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
              /* 000 in the birth number is refused before the check digit */
              g_assert_true (strstr (error->message, "check digit") != NULL ||
                             strstr (error->message, "cannot be 000") != NULL);
            }
        }
    }
}

/* Every real date round trips in every form, every impossible one is
 * refused; the years cover 1900 (not leap), 2000 (leap), the century
 * boundary for '+' and the last days before today. */
static void
check_year (int          year,
            const GDate *today)
{
  for (int month = 1; month <= 12; month++)
    {
      for (int day = 0; day <= 32; day++)
        {
          gboolean real = day >= 1 && day <= 31 &&
                          g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
          gboolean future = FALSE;
          /* The '+' from the calendar year the person turns 100 */
          char sep = g_date_get_year (today) - year >= 100 ? '+' : '-';

          if (real)
            {
              GDate date;

              g_date_clear (&date, 1);
              g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
              future = g_date_compare (&date, today) > 0;
            }

          for (int coord = 0; coord <= 1; coord++)
            {
              char nine[10];
              char twelve[16];
              char ten[16];
              int check;
              int day_field = day + (coord ? 60 : 0);

              g_snprintf (nine, sizeof nine, "%02d%02d%02d%03d",
                          year % 100, month, day_field, 100 + day);
              check = plc_personnummer_luhn (nine);
              g_assert_cmpint (check, >=, 0);

              g_snprintf (twelve, sizeof twelve, "%02d%.6s-%.3s%d",
                          year / 100, nine, nine + 6, check);
              g_snprintf (ten, sizeof ten, "%.6s%c%.3s%d",
                          nine, sep, nine + 6, check);

              for (int form = 0; form <= 1; form++)
                {
                  const char *text = form == 0 ? twelve : ten;
                  g_autoptr(GError) error = NULL;
                  PlcPersonnummer pnr;
                  gboolean ok = plc_personnummer_parse (text, today, &pnr, &error);

                  if (real && !future)
                    {
                      g_assert_no_error (error);
                      g_assert_true (ok);
                      g_assert_cmpint (g_date_get_year (&pnr.birth_date), ==, year);
                      g_assert_cmpint (g_date_get_month (&pnr.birth_date), ==, month);
                      g_assert_cmpint (g_date_get_day (&pnr.birth_date), ==, day);
                      g_assert_cmpint (pnr.coordination, ==, coord);
                      g_assert_cmpint (pnr.legal_gender, ==,
                                       day % 2 == 1 ? PLC_LEGAL_GENDER_MALE : PLC_LEGAL_GENDER_FEMALE);
                      g_assert_cmpmem (pnr.normalized, 8, twelve, 8);
                    }
                  else
                    {
                      g_autofree char *expected = NULL;

                      g_assert_false (ok);
                      g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);

                      /* Both forms give the same year back, so the same
                       * date is named; the date comes before the future */
                      if (!real)
                        expected = g_strdup_printf ("%04d-%02d-%02d is not a real date%s",
                                                    year, month, day,
                                                    coord ? " (coordination number)" : "");
                      else
                        expected = g_strdup ("in the future");

                      if (strstr (error->message, expected) == NULL)
                        g_error ("%s: “%s” does not contain “%s”", text, error->message, expected);
                    }
                }
            }
        }
    }
}

static void
test_calendar (void)
{
  static const int years[] = { 1825, 1899, 1900, 1904, 1924, 1925, 1999, 2000, 2023, 2024 };
  GDate today;

  set_today (&today, TODAY);

  for (gsize i = 0; i < G_N_ELEMENTS (years); i++)
    check_year (years[i], &today);
}

/* today == NULL means today in Stockholm; these hold until 2111 */
static void
test_today_null (void)
{
  g_autoptr(GError) error = NULL;
  PlcPersonnummer pnr;

  g_assert_true (plc_personnummer_parse ("19121212-1212", NULL, &pnr, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_get_year (&pnr.birth_date), ==, 1912);

  g_assert_true (plc_personnummer_parse ("121212+1212", NULL, &pnr, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_get_year (&pnr.birth_date), ==, 1912);

  g_assert_true (plc_personnummer_parse ("121212-1212", NULL, &pnr, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_get_year (&pnr.birth_date), ==, 2012);

  g_assert_false (plc_personnummer_parse ("21120101-0012", NULL, &pnr, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "in the future"));
}

static void
test_null_text (void)
{
  g_test_expect_message ("plc-personnummer", G_LOG_LEVEL_CRITICAL, "*text != NULL*");
  g_assert_false (plc_personnummer_parse (NULL, NULL, NULL, NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("plc-personnummer", G_LOG_LEVEL_CRITICAL, "*nine_digits != NULL*");
  g_assert_cmpint (plc_personnummer_luhn (NULL), ==, -1);
  g_test_assert_expected_messages ();
}

/* Finding a number inside other text, as in a reference */
static void
test_find (void)
{
  static const char * const found[] = {
    "19121212-1212", "191212121212", "121212-1212", "121212+1212", "1212121212",
    "child-19121212-1212", "x191212121212y", "a 640823-3234 b", "701063-2391",
    "ref/20100101-0014", "20100101-0014-a",
  };
  static const char * const not_found[] = {
    "", "child-1", "19121212", "1912121212121", "19121212-1213", "121212-12121",
    "2024-01-01", "1212-121212", "12121212-12", "child-1a2b3c4d", "99999999-9999",
    "20991231-0012",  /* in the future */
  };

  for (guint i = 0; i < G_N_ELEMENTS (found); i++)
    {
      g_test_message ("found: %s", found[i]);
      g_assert_true (plc_personnummer_find (found[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_found); i++)
    {
      g_test_message ("not found: %s", not_found[i]);
      g_assert_false (plc_personnummer_find (not_found[i]));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (valid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/personnummer/valid/%s", valid_cases[i].name);
      g_test_add_data_func (path, &valid_cases[i], test_valid);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/personnummer/invalid/%s", invalid_cases[i].name);
      g_test_add_data_func (path, &invalid_cases[i], test_invalid);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (luhn_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/personnummer/luhn/%" G_GSIZE_FORMAT, i);
      g_test_add_data_func (path, &luhn_cases[i], test_luhn);
    }

  g_test_add_func ("/personnummer/every-check-digit", test_every_check_digit);
  g_test_add_func ("/personnummer/single-digit-errors", test_single_digit_errors);
  g_test_add_func ("/personnummer/calendar", test_calendar);
  g_test_add_func ("/personnummer/today-null", test_today_null);
  g_test_add_func ("/personnummer/null-text", test_null_text);
  g_test_add_func ("/personnummer/find", test_find);

  return g_test_run ();
}
