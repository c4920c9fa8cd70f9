/* plc-personnummer.c: Swedish personal identity and coordination numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-personnummer"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "plc-error.h"
#include "plc-personnummer.h"

/* The rules, from folkbokföringslagen (1991:481) 18 § and 18 a § and the
 * Tax Agency's guidance (Skatteverket, rättslig vägledning, "Personnummer"
 * and "Samordningsnummer"):
 *
 *  - YYMMDD, a three-digit birth number 001-999 (odd for men, even for
 *    women) and a check digit: modulus 10 with the weights 2 and 1 over
 *    the nine digits before it.
 *  - Between the date and the birth number a '-', which becomes a '+' in
 *    the calendar year the person turns 100. So the '+' tells the century
 *    of a ten-digit number by the year alone, not by the birthday.
 *  - Registers store twelve digits; the century is 18, 19 or 20.
 *  - A samordningsnummer has the day plus 60 and is otherwise the same.
 *
 * The messages never quote the number: personal data must not end up in
 * logs. A date, a year or a single stray character may be quoted.
 */

#define MIN_BIRTH_YEAR 1800

static void
today_in_stockholm (GDate *date)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Stockholm");
  g_autoptr(GDateTime) now = NULL;

  if (tz == NULL)
    {
      /* No tzdata: the local zone is the best we have. */
      g_debug ("Time zone Europe/Stockholm not found, using the local one");
      tz = g_time_zone_new_local ();
    }

  now = g_date_time_new_now (tz);

  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* Returns the check digit for @n_digits digits, which must all be
 * ASCII digits; the first one has the weight 2. */
static int
luhn (const char *digits,
      gsize       n_digits)
{
  int sum = 0;

  for (gsize i = 0; i < n_digits; i++)
    {
      int product = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);

      /* Add the digits of the product: 14 counts as 1 + 4. */
      sum += product > 9 ? product - 9 : product;
    }

  return (10 - sum % 10) % 10;
}

/**
 * plc_personnummer_luhn:
 * @nine_digits: the nine digits YYMMDDNNN, without century or separator
 *
 * Computes the check digit of a personnummer or samordningsnummer
 * (modulus 10, weights 2 and 1 starting with 2).
 *
 * Returns: the check digit, 0 to 9, or -1 if @nine_digits is not exactly
 *   nine ASCII digits
 */
int
plc_personnummer_luhn (const char *nine_digits)
{
  g_return_val_if_fail (nine_digits != NULL, -1);

  for (gsize i = 0; i < 9; i++)
    {
      if (!g_ascii_isdigit (nine_digits[i]))
        return -1;
    }

  if (nine_digits[9] != '\0')
    return -1;

  return luhn (nine_digits, 9);
}

static int
two_digits (const char *digits)
{
  return (digits[0] - '0') * 10 + (digits[1] - '0');
}

/**
 * plc_personnummer_parse:
 * @text: what the user typed
 * @today: (nullable): the date to judge the century and "in the future"
 *   by, or %NULL for today's date in Europe/Stockholm
 * @out: (out caller-allocates) (optional): where to store the result; left
 *   untouched on failure
 * @error: return location for a #GError
 *
 * Checks a personnummer or samordningsnummer and reads the birth date and
 * the legal gender from it.
 *
 * Accepted forms, with surrounding white space ignored:
 *
 *  - ten digits: `YYMMDD-NNNC`, `YYMMDD+NNNC` or `YYMMDDNNNC`. The
 *    century is the latest one that makes the birth year no later than
 *    the year of @today; a '+' (used from the year the person turns 100)
 *    moves it one more century back. Without a separator the number is
 *    read as with '-'.
 *  - twelve digits: `YYYYMMDD-NNNC` or `YYYYMMDDNNNC`. A '+' is refused:
 *    twelve digits already give the century, so a '+' could only
 *    contradict them or be a typo; it is not guessed at.
 *
 * The date must be a real calendar date in 1800 or later and not after
 * @today; for a samordningsnummer the day is 61 to 91. The birth number
 * must not be 000 and the check digit must match.
 *
 * On failure, @error is set in %PLC_ERROR with %PLC_ERROR_INVALID and a
 * translated message, prefixed with the field name, that says what is
 * wrong without quoting the number.
 *
 * Returns: %TRUE if @text is a valid number
 */
gboolean
plc_personnummer_parse (const char      *text,
                        const GDate     *today,
                        PlcPersonnummer *out,
                        GError         **error)
{
  const char *start;
  const char *end;
  char digits[12];
  guint n_digits = 0;
  guint n_separators = 0;
  guint separator_at = 0;
  char separator = '\0';
  const char *rest;
  GDate today_date;
  GDate birth_date;
  int year, month, day, day_field;
  gboolean coordination;
  g_autofree char *date_text = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (today == NULL || g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("Personal identity number: contains bytes that are not valid text"));
      return FALSE;
    }

  /* Trim white space, Unicode's included (a pasted no-break space). */
  start = text;
  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = start;
  for (const char *p = start; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        end = g_utf8_next_char (p);
    }

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '0' && c <= '9')
        {
          if (n_digits < G_N_ELEMENTS (digits))
            digits[n_digits] = (char) c;
          n_digits++;
        }
      else if (c == '-' || c == '+')
        {
          n_separators++;
          separator = (char) c;
          separator_at = n_digits;
        }
      else if (g_unichar_isspace (c) || !g_unichar_isgraph (c))
        {
          g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                               _("Personal identity number: unexpected space or invisible character"));
          return FALSE;
        }
      else
        {
          char utf8[7] = { 0 };

          g_unichar_to_utf8 (c, utf8);
          g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                       /* Translators: %s is the one character that is wrong, such as a letter */
                       _("Personal identity number: unexpected character “%s”"),
                       utf8);
          return FALSE;
        }
    }

  if (n_separators > 1)
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("Personal identity number: only one “-” or “+” is allowed"));
      return FALSE;
    }

  if (n_digits != 10 && n_digits != 12)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: %u is how many digits were typed */
                   _("Personal identity number: must have 10 or 12 digits, not %u"),
                   n_digits);
      return FALSE;
    }

  if (n_separators == 1 && separator_at != n_digits - 4)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: %s is the separator typed, “-” or “+” */
                   _("Personal identity number: the “%s” must come right before the last four digits"),
                   separator == '+' ? "+" : "-");
      return FALSE;
    }

  if (separator == '+' && n_digits == 12)
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("Personal identity number: “+” is only used with 10 digits"));
      return FALSE;
    }

  if (today == NULL)
    {
      today_in_stockholm (&today_date);
      today = &today_date;
    }

  /* From here on, rest points at the ten digits YYMMDDNNNC. */
  rest = digits + (n_digits - 10);
  month = two_digits (rest + 2);
  day_field = two_digits (rest + 4);
  coordination = day_field >= 60;
  day = coordination ? day_field - 60 : day_field;

  if (n_digits == 12)
    {
      year = two_digits (digits) * 100 + two_digits (rest);
    }
  else
    {
      /* The latest year ending in YY that is not after this year, or for
       * a '+' (from the year one turns 100) not after 100 years ago. */
      int base = g_date_get_year (today) - (separator == '+' ? 100 : 0);

      year = base - (((base - two_digits (rest)) % 100) + 100) % 100;
    }

  if (year < MIN_BIRTH_YEAR)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   _("Personal identity number: the birth year %d is before 1800"),
                   year);
      return FALSE;
    }

  if (month < 1 || month > 12 || day < 1 || day > 31 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      date_text = g_strdup_printf ("%04d-%02d-%02d", year, month, day);

      if (coordination)
        g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                     /* Translators: %s is a date such as 1990-02-30, the day already less 60 */
                     _("Personal identity number: %s is not a real date (coordination number)"),
                     date_text);
      else
        g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                     /* Translators: %s is a date such as 1990-02-30 */
                     _("Personal identity number: %s is not a real date"),
                     date_text);
      return FALSE;
    }

  if (rest[6] == '0' && rest[7] == '0' && rest[8] == '0')
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("Personal identity number: the three digits after the date cannot be 000"));
      return FALSE;
    }

  if (luhn (rest, 9) != rest[9] - '0')
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("Personal identity number: the check digit is wrong"));
      return FALSE;
    }

  g_date_clear (&birth_date, 1);
  g_date_set_dmy (&birth_date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  if (g_date_compare (&birth_date, today) > 0)
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("Personal identity number: the birth date is in the future"));
      return FALSE;
    }

  if (out != NULL)
    {
      g_snprintf (out->normalized, sizeof out->normalized,
                  "%04d%.4s-%.4s", year, rest + 2, rest + 6);
      out->birth_date = birth_date;
      out->legal_gender = (rest[8] - '0') % 2 == 1 ? PLC_LEGAL_GENDER_MALE
                                                   : PLC_LEGAL_GENDER_FEMALE;
      out->coordination = coordination;
    }

  return TRUE;
}

/* Whether @candidate, one run of digits from plc_personnummer_find(), is a
 * number that plc_personnummer_parse() takes */
static gboolean
is_personnummer (const char *candidate,
                 gsize       length)
{
  char text[16];

  if (length >= sizeof text)
    return FALSE;

  memcpy (text, candidate, length);
  text[length] = '\0';

  return plc_personnummer_parse (text, NULL, NULL, NULL);
}

/**
 * plc_personnummer_find:
 * @text: any text, such as a reference
 *
 * Whether @text holds a personal identity number (or coordination number)
 * that plc_personnummer_parse() would take: ten or twelve digits in a row,
 * or six or eight and four with a "-" or "+" between, with no digit right
 * before or after them.  "child-198001011234" and "19800101-1234" hold
 * one; "child-42", a date, or ten digits that are not a real date with
 * its check digit do not.
 *
 * References must not hold one: they are written to the audit log and
 * quoted in messages, where personal data never goes.
 *
 * Returns: %TRUE if @text holds a personal identity number
 */
gboolean
plc_personnummer_find (const char *text)
{
  const char *p;

  g_return_val_if_fail (text != NULL, FALSE);

  for (p = text; *p != '\0';)
    {
      const char *start = p;
      const char *end;
      gsize n;

      if (!g_ascii_isdigit (*p))
        {
          p++;
          continue;
        }

      while (g_ascii_isdigit (*p))
        p++;
      end = p;
      n = (gsize) (end - start);

      /* YYMMDD-NNNC, YYMMDD+NNNC, YYYYMMDD-NNNC */
      if ((n == 6 || n == 8) && (*end == '-' || *end == '+') &&
          g_ascii_isdigit (end[1]) && g_ascii_isdigit (end[2]) &&
          g_ascii_isdigit (end[3]) && g_ascii_isdigit (end[4]) && !g_ascii_isdigit (end[5]) &&
          is_personnummer (start, n + 5))
        return TRUE;

      /* YYMMDDNNNC, YYYYMMDDNNNC */
      if ((n == 10 || n == 12) && is_personnummer (start, n))
        return TRUE;
    }

  return FALSE;
}
