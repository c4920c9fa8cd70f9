/* test-json.c: the check every JSON reader makes before json-glib parses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-json"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "plc-error.h"
#include "plc-json.h"

#define LIMIT ((gsize) 1024 * 1024)

static void
assert_ok (const char *text)
{
  g_autoptr(GError) error = NULL;

  g_test_message ("ok: %.*s", (int) MIN (strlen (text), 200), text);
  g_assert_true (plc_json_check_text (text, strlen (text), LIMIT, &error));
  g_assert_no_error (error);
}

/* Refused with PLC_ERROR_INVALID and exactly @message */
static void
assert_refused (const char *text,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  gsize length = strlen (text);

  g_test_message ("refused: %.*s", (int) MIN (length, 200), text);
  g_assert_false (plc_json_check_text (text, length, LIMIT, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

/* Arrays or objects nested @depth deep, closed, with a string inside */
static char *
nested (guint    depth,
        gboolean objects)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (text, objects ? "{\"a\":" : "[");
  g_string_append (text, "\"x\"");
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, objects ? '}' : ']');

  return g_string_free (text, FALSE);
}

static void
test_valid (void)
{
  assert_ok ("");
  assert_ok ("{}");
  assert_ok ("{\"format\": \"placeringar\", \"version\": 1, \"children\": []}");
  /* Every escape JSON has, and a pair of surrogates (😀) */
  assert_ok ("[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e5 \\uD83D\\uDE00 \\ud83d\\ude00\"]");
  /* Brackets, quotes, slashes and colons in strings are text */
  assert_ok ("{\"note\": \"[[[[{{{{ ' / // /* ] } : ,\"}");
  /* What is not this check's to refuse is left to json-glib */
  assert_ok ("{\"a\": tru}");
  assert_ok ("]]]}}}");
  assert_ok ("[\"not closed");
}

static void
test_depth (void)
{
  g_autofree char *deepest = nested (PLC_JSON_MAX_DEPTH, FALSE);
  g_autofree char *too_deep = nested (PLC_JSON_MAX_DEPTH + 1, FALSE);
  g_autofree char *deepest_objects = nested (PLC_JSON_MAX_DEPTH, TRUE);
  g_autofree char *too_deep_objects = nested (PLC_JSON_MAX_DEPTH + 1, TRUE);
  g_autofree char *very_deep = nested (100000, FALSE);
  g_autofree char *message = NULL;
  GString *siblings = g_string_new ("[");

  assert_ok (deepest);
  assert_ok (deepest_objects);
  assert_refused (too_deep,
                  "The file nests arrays and objects more than 64 levels deep, the most Placements reads "
                  "(at line 1, column 65)");
  assert_refused (too_deep_objects,
                  "The file nests arrays and objects more than 64 levels deep, the most Placements reads "
                  "(at line 1, column 321)");
  assert_refused (very_deep,
                  "The file nests arrays and objects more than 64 levels deep, the most Placements reads "
                  "(at line 1, column 65)");

  /* Depth, not the number of arrays: a million siblings are fine */
  for (guint i = 0; i < 1000000 / 3; i++)
    g_string_append (siblings, "[],");
  g_string_append (siblings, "[]]");
  assert_ok (siblings->str);
  g_string_free (siblings, TRUE);

  /* Lines and columns in characters: å is one */
  message = g_strdup_printf ("The file nests arrays and objects more than 64 levels deep, the most "
                             "Placements reads (at line 3, column %d)", 4 + PLC_JSON_MAX_DEPTH);
  {
    g_autofree char *inner = nested (PLC_JSON_MAX_DEPTH + 1, FALSE);
    g_autofree char *text = g_strconcat ("\n\"å\"", "\n\"å\"", inner, NULL);

    /* "å" is 3 characters, then 64 brackets: the 65th is at column 68 */
    assert_refused (text, message);
  }
}

static void
test_size (void)
{
  g_autoptr(GError) error = NULL;
  const char *text = "[1, 2, 3]";

  g_assert_true (plc_json_check_text (text, strlen (text), strlen (text), &error));
  g_assert_no_error (error);
  g_assert_false (plc_json_check_text (text, strlen (text), strlen (text) - 1, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The file is larger than 8 bytes, the most Placements reads");
  g_clear_error (&error);

  g_assert_true (plc_json_check_text (text, strlen (text), 4 * 1024 * 1024, &error));
  {
    g_autofree char *big = g_strnfill (4 * 1024 * 1024 + 1, ' ');

    g_assert_false (plc_json_check_text (big, strlen (big), 4 * 1024 * 1024, &error));
    g_assert_cmpstr (error->message, ==, "The file is larger than 4 MiB, the most Placements reads");
  }
}

static void
test_nul (void)
{
  const char *octal = "{\"ref\": \"child-1\\0zzz\"}";
  const char nul_byte[] = "{\"ref\": \"child-1\0zzz\"}";

  /* Cut short by json-glib, so refused with the field named */
  assert_refused ("{\"children\": [{\"ref\": \"child-1\\u0000zzz\"}]}",
                  "$.children[0].ref: holds the character U+0000 (NUL), which no text may hold");
  assert_refused ("[1, {\"a\": [\"x\", {\"b\": \"\\u0000\"}]}]",
                  "$[1].a[1].b: holds the character U+0000 (NUL), which no text may hold");
  assert_refused (octal,
                  "$.ref: holds the character U+0000 (NUL), which no text may hold");
  /* A name of a field: the object is named, never the name */
  assert_refused ("{\"children\": [{\"r\\u0000ef\": \"x\"}]}",
                  "$.children[0]: the name of a field holds the character U+0000 (NUL), which no text may hold");
  /* A NUL byte is not UTF-8 text: json-glib refuses it, and nothing here is cut */
  g_assert_true (plc_json_check_text (nul_byte, sizeof nul_byte - 1, LIMIT, NULL));
}

static void
test_surrogates (void)
{
  assert_refused ("{\"ref\": \"\\ud800\"}",
                  "$.ref: holds the first half of a UTF-16 surrogate pair without the second");
  assert_refused ("{\"ref\": \"\\uDBFFx\"}",
                  "$.ref: holds the first half of a UTF-16 surrogate pair without the second");
  assert_refused ("{\"ref\": \"\\ud800\\u0041\"}",
                  "$.ref: holds the first half of a UTF-16 surrogate pair without the second");
  assert_refused ("{\"ref\": \"\\ud800\\ud800\"}",
                  "$.ref: holds the first half of a UTF-16 surrogate pair without the second");
  assert_refused ("{\"ref\": \"\\udc00\"}",
                  "$.ref: holds the second half of a UTF-16 surrogate pair without the first");
  assert_refused ("{\"ref\": \"\\ude00\\ud83d\"}",
                  "$.ref: holds the second half of a UTF-16 surrogate pair without the first");
  /* json-glib would swallow the closing quote after a lone surrogate */
  assert_refused ("[\"\\ud800\", \"[[[[\"]",
                  "$[0]: holds the first half of a UTF-16 surrogate pair without the second");
}

static void
test_not_json (void)
{
  /* Escapes JSON does not have, which json-glib reads in its own way */
  assert_refused ("[\"\\x41\"]", "The file is not valid JSON: error at line 1, column 3");
  assert_refused ("[\"\\101\"]", "The file is not valid JSON: error at line 1, column 3");
  assert_refused ("[\"\\u12\"]", "The file is not valid JSON: error at line 1, column 3");
  assert_refused ("[\"\\", "The file is not valid JSON: error at line 1, column 3");
  /* json-glib 1.6 reads '…' as a string and /…/ as a comment */
  assert_refused ("['[[[[']", "The file is not valid JSON: error at line 1, column 2");
  assert_refused ("\n[/\"/]", "The file is not valid JSON: error at line 2, column 2");
}

/* A path names members that are plain words, and no other */
static void
test_paths (void)
{
  assert_refused ("{\"a b\": {\"c\": \"\\u0000\"}}",
                  "$[\"…\"].c: holds the character U+0000 (NUL), which no text may hold");
  assert_refused ("{\"a\\\"\": [\"\\u0000\"]}",
                  "$[\"…\"][0]: holds the character U+0000 (NUL), which no text may hold");
  assert_refused ("{\"first\": 1, \"second\": [[], {\"x\": 2, \"y\": \"\\udc00\"}]}",
                  "$.second[1].y: holds the second half of a UTF-16 surrogate pair without the first");
}

static void
test_read_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-json-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "a.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/a.json");
  g_autofree char *contents = NULL;
  g_autofree char *big = g_strnfill (200 * 1024, '[');
  gsize length = 0;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "[1]", 3, &error));
  g_assert_true (plc_json_read_file (file, 3, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, 3);
  g_assert_cmpmem (contents, 4, "[1]", 4);
  g_clear_pointer (&contents, g_free);

  g_assert_false (plc_json_read_file (file, 2, &contents, &length, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The file is larger than 2 bytes, the most Placements reads");
  g_clear_error (&error);

  /* More than one buffer */
  g_assert_true (g_file_set_contents (path, big, -1, &error));
  g_assert_false (plc_json_read_file (file, 100 * 1024, &contents, &length, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (plc_json_read_file (file, 200 * 1024, &contents, &length, &error));
  g_assert_cmpuint (length, ==, 200 * 1024);
  g_assert_true (memcmp (contents, big, length) == 0);

  g_assert_false (plc_json_read_file (missing, 10, &contents, &length, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  g_remove (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/valid", test_valid);
  g_test_add_func ("/json/depth", test_depth);
  g_test_add_func ("/json/size", test_size);
  g_test_add_func ("/json/nul", test_nul);
  g_test_add_func ("/json/surrogates", test_surrogates);
  g_test_add_func ("/json/not-json", test_not_json);
  g_test_add_func ("/json/paths", test_paths);
  g_test_add_func ("/json/read-file", test_read_file);

  return g_test_run ();
}
