/* test-csv.c: every CSV Placements writes, and spreadsheet formulas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-csv"

#include "config.h"

#include <string.h>

#include "plc-csv.h"
#include "plc-store.h"

static char *
cell (const char *text,
      char        separator)
{
  GString *out = g_string_new (NULL);

  plc_csv_append_field (out, separator, text);

  return g_string_free (out, FALSE);
}

static void
assert_cell (const char *text,
             const char *semicolon,
             const char *comma)
{
  g_autofree char *with_semicolon = cell (text, ';');
  g_autofree char *with_comma = cell (text, ',');

  g_assert_cmpstr (with_semicolon, ==, semicolon);
  g_assert_cmpstr (with_comma, ==, comma);
}

/* OWASP's list: a cell that starts with = + - @, a tab or a carriage
 * return gets a leading ' so that a spreadsheet shows it as text */
static void
test_formulas (void)
{
  assert_cell ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0");
  assert_cell ("=HYPERLINK(\"http://x/\";\"y\")",
               "\"'=HYPERLINK(\"\"http://x/\"\";\"\"y\"\")\"",
               "\"'=HYPERLINK(\"\"http://x/\"\";\"\"y\"\")\"");
  assert_cell ("+SUM(A1:A9)", "'+SUM(A1:A9)", "'+SUM(A1:A9)");
  assert_cell ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0");
  assert_cell ("@SUM(1+1)", "'@SUM(1+1)", "'@SUM(1+1)");
  assert_cell ("\t=1+1", "'\t=1+1", "'\t=1+1");
  assert_cell ("\r=1+1", "\"'\r=1+1\"", "\"'\r=1+1\"");
  assert_cell ("+46 8 123 45 67", "'+46 8 123 45 67", "'+46 8 123 45 67");
  assert_cell ("-", "'-", "'-");
  assert_cell ("-1e5", "'-1e5", "'-1e5");
  assert_cell ("- 5", "'- 5", "'- 5");
  assert_cell ("-5,", "'-5,", "\"'-5,\"");

  /* A number and nothing else is data, not a formula */
  assert_cell ("-3", "-3", "-3");
  assert_cell ("+12", "+12", "+12");
  assert_cell ("-4,5", "-4,5", "\"-4,5\"");
  assert_cell ("-2.5", "-2.5", "-2.5");
  assert_cell ("0", "0", "0");

  /* Elsewhere in a cell, and ordinary text, are left alone */
  assert_cell ("a=1", "a=1", "a=1");
  assert_cell ("child-1", "child-1", "child-1");
  assert_cell ("<5", "<5", "<5");
  assert_cell ("Åsa; Örjan", "\"Åsa; Örjan\"", "Åsa; Örjan");
  assert_cell ("", "", "");
  assert_cell (NULL, "", "");
}

static void
test_row (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char * const fields[] = { "ref", "=1+2", "-7", "@x", "a \"b\"", NULL };

  plc_csv_append_row (out, ';', fields);
  g_assert_cmpstr (out->str, ==, "ref;'=1+2;-7;'@x;\"a \"\"b\"\"\"\r\n");
}

static void
test_begin (void)
{
  g_autoptr(GString) semicolon = g_string_new (NULL);
  g_autoptr(GString) semicolon_no_bom = g_string_new (NULL);
  g_autoptr(GString) comma = g_string_new (NULL);

  plc_csv_begin (semicolon, PLC_CSV_SEMICOLON, PLC_CSV_FLAGS_NONE);
  plc_csv_begin (semicolon_no_bom, PLC_CSV_SEMICOLON, PLC_CSV_NO_BOM);
  plc_csv_begin (comma, PLC_CSV_COMMA, PLC_CSV_FLAGS_NONE);
  g_assert_cmpmem (semicolon->str, semicolon->len, "\xef\xbb\xbf", 3);
  g_assert_cmpuint (semicolon_no_bom->len, ==, 0);
  g_assert_cmpuint (comma->len, ==, 0);
}

/* The audit log: the user and the ref come from outside */
static void
test_audit_log (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) plc_audit_entry_free);
  PlcAuditEntry entry = {
    .id = 1,
    .at = (char *) "2026-01-31T09:15:00Z",
    .user = (char *) "=cmd|' /C calc'!A0",
    .action = (char *) "update",
    .record_type = (char *) "child",
    .record_id = 7,
    .record_ref = (char *) "@SUM(1+1)",
  };
  g_autofree char *semicolon = NULL;
  g_autofree char *comma = NULL;

  g_ptr_array_add (entries, plc_audit_entry_copy (&entry));
  semicolon = plc_csv_audit_log (entries, PLC_CSV_SEMICOLON, PLC_CSV_FLAGS_NONE);
  comma = plc_csv_audit_log (entries, PLC_CSV_COMMA, PLC_CSV_NO_BOM);

  g_assert_cmpstr (semicolon, ==,
                   "\xef\xbb\xbf" "time;user;action;record_type;record_id;record_ref\r\n"
                   "2026-01-31T09:15:00Z;'=cmd|' /C calc'!A0;update;child;7;'@SUM(1+1)\r\n");
  g_assert_cmpstr (comma, ==,
                   "time,user,action,record_type,record_id,record_ref\r\n"
                   "2026-01-31T09:15:00Z,'=cmd|' /C calc'!A0,update,child,7,'@SUM(1+1)\r\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/formulas", test_formulas);
  g_test_add_func ("/csv/row", test_row);
  g_test_add_func ("/csv/begin", test_begin);
  g_test_add_func ("/csv/audit-log", test_audit_log);

  return g_test_run ();
}
