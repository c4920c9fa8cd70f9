/* plc-json.c: what every JSON reader checks before json-glib parses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib 1.6 parses by recursion, one C stack frame per level of
 * nesting, so a file nested 100,000 levels deep ends the process with
 * SIGSEGV.  Its scanner turns the escape "\u0000" (and the octal escape
 * "\0", which JSON does not have) into a NUL that cuts the string short,
 * so that "child-1\u0000zzz" is read as "child-1"; and a lone surrogate
 * ("\ud800") becomes bytes that are not UTF-8, after the scanner has
 * swallowed the two characters that follow it, whatever they are (the
 * closing quote included).  Text is never to be cut or repaired, and no
 * input may end a process with a signal.
 *
 * So each reader first passes the text through plc_json_check_text(): one
 * pass over the bytes, without recursion, that follows strings as
 * json-glib's scanner does and refuses
 *  - text larger than the reader's limit;
 *  - arrays and objects nested more than PLC_JSON_MAX_DEPTH levels deep;
 *  - in a string: the escape \u0000 (or \0), a surrogate without its other
 *    half, and any escape JSON does not have (json-glib would drop or
 *    change what follows it, which could end the string elsewhere than
 *    this scan does);
 *  - outside strings: single quotes and "/", which json-glib 1.6 reads as
 *    a string and a comment and JSON does not have (reading them
 *    differently here could hide brackets from the depth count).
 * Refusals in a string name its place as a JSON path ("$.children[0].ref"),
 * the others the line and the column.  Everything else (a missing comma,
 * a bad number) is left to json-glib, which says where.
 */

#define G_LOG_DOMAIN "plc-json"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "plc-error.h"
#include "plc-json.h"

/* The longest member name a path quotes; longer ones (and any that is not
 * a plain identifier) are written ["…"]: a name from a file is not ours
 * to repeat, and may be anything. */
#define MAX_NAME_IN_PATH 64

typedef struct
{
  gboolean    object;
  gboolean    want_name;       /* object: the next string is a member's name */
  guint       index;           /* array: the element's index */
  const char *name;            /* object: the current member's name, as written */
  gsize       name_length;
} Frame;

typedef struct
{
  const char *data;
  const char *end;
  const char *p;
  const char *line_start;
  guint       line;
  guint       depth;
  Frame       frames[PLC_JSON_MAX_DEPTH];
} Scan;

static guint
column (Scan       *scan,
        const char *at)
{
  const char *p = scan->line_start;
  guint n = 1;

  /* Characters, not bytes; a byte that is not UTF-8 counts as one */
  while (p < at)
    {
      const char *next = g_utf8_find_next_char (p, at);

      p = next != NULL ? next : at;
      n++;
    }

  return n;
}

static gboolean
refuse_at (Scan        *scan,
           const char  *at,
           GError     **error)
{
  g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
               /* Translators: the %d are numbers */
               _("The file is not valid JSON: error at line %d, column %d"),
               (int) scan->line, (int) column (scan, at));
  return FALSE;
}

static gboolean
plain_name (const char *name,
            gsize       length)
{
  if (length == 0 || length > MAX_NAME_IN_PATH)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isalnum (name[i]) && name[i] != '_' && name[i] != '-')
        return FALSE;
    }

  return TRUE;
}

/* The JSON path of the value being read: of the object itself when
 * @member_name is TRUE (the string is a member's name). */
static char *
dup_path (Scan     *scan,
          gboolean  member_name)
{
  GString *path = g_string_new ("$");

  for (guint i = 0; i < scan->depth; i++)
    {
      Frame *frame = &scan->frames[i];

      if (!frame->object)
        g_string_append_printf (path, "[%u]", frame->index);
      else if (i + 1 == scan->depth && member_name)
        break;
      else if (frame->name == NULL)
        break;
      else if (plain_name (frame->name, frame->name_length))
        {
          g_string_append_c (path, '.');
          g_string_append_len (path, frame->name, frame->name_length);
        }
      else
        g_string_append (path, "[\"…\"]");
    }

  return g_string_free (path, FALSE);
}

static gboolean
refuse_string (Scan        *scan,
               gboolean     member_name,
               const char  *what,
               GError     **error)
{
  g_autofree char *path = dup_path (scan, member_name);

  if (member_name)
    g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                 /* Translators: the first %s is a JSON path such as “$.children[0]”,
                  * the second what is wrong, such as “holds the character U+0000 (NUL)” */
                 _("%s: the name of a field %s"), path, what);
  else
    g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                 /* Translators: the first %s is a JSON path such as “$.children[0].ref”,
                  * the second what is wrong, such as “holds the character U+0000 (NUL)” */
                 _("%s: %s"), path, what);
  return FALSE;
}

static int
hex4 (Scan       *scan,
      const char *p)
{
  int value = 0;

  if (scan->end - p < 4)
    return -1;

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* Reads the string that starts at scan->p (a '"') up to its closing quote. */
static gboolean
scan_string (Scan     *scan,
             GError  **error)
{
  Frame *top = scan->depth > 0 ? &scan->frames[scan->depth - 1] : NULL;
  gboolean member_name = top != NULL && top->object && top->want_name;
  const char *start = ++scan->p;

  while (scan->p < scan->end)
    {
      const char *p = scan->p;
      int unit, low;

      if (*p == '"')
        {
          if (member_name)
            {
              top->name = start;
              top->name_length = (gsize) (p - start);
            }
          scan->p++;
          return TRUE;
        }

      if (*p == '\n')
        {
          scan->line++;
          scan->line_start = p + 1;
        }

      if (*p != '\\')
        {
          scan->p++;
          continue;
        }

      if (p + 1 >= scan->end)
        return refuse_at (scan, p, error);

      switch (p[1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          scan->p += 2;
          break;

        case '0':
          /* json-glib reads an octal escape: this one is a NUL */
          return refuse_string (scan, member_name,
                                _("holds the character U+0000 (NUL), which no text may hold"), error);

        case 'u':
          unit = hex4 (scan, p + 2);
          if (unit < 0)
            return refuse_at (scan, p, error);
          if (unit == 0)
            return refuse_string (scan, member_name,
                                  _("holds the character U+0000 (NUL), which no text may hold"), error);
          if (unit >= 0xdc00 && unit <= 0xdfff)
            return refuse_string (scan, member_name,
                                  _("holds the second half of a UTF-16 surrogate pair without the first"),
                                  error);
          if (unit >= 0xd800 && unit <= 0xdbff)
            {
              low = p + 7 < scan->end && p[6] == '\\' && p[7] == 'u' ? hex4 (scan, p + 8) : -1;
              if (low < 0xdc00 || low > 0xdfff)
                return refuse_string (scan, member_name,
                                      _("holds the first half of a UTF-16 surrogate pair without the second"),
                                      error);
              scan->p += 12;
            }
          else
            scan->p += 6;
          break;

        default:
          /* Octal escapes, "\x", "\'": not JSON */
          return refuse_at (scan, p, error);
        }
    }

  /* No closing quote: json-glib says so */
  return TRUE;
}

/**
 * plc_json_check_text:
 * @data: the text
 * @length: its length in bytes
 * @max_size: the largest @length the reader takes, in bytes
 * @error: return location for a %PLC_ERROR_INVALID error
 *
 * Checks @data before it is given to json-glib, as the comment at the top
 * of this file says: its size, how deeply it nests, and its strings.
 * Every JSON reader calls it first.  Not recursive, and linear in @length.
 *
 * Returns: %TRUE if json-glib may parse @data
 */
gboolean
plc_json_check_text (const char  *data,
                     gsize        length,
                     gsize        max_size,
                     GError     **error)
{
  g_autofree Scan *scan = NULL;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (length > max_size)
    {
      g_autofree char *limit = plc_json_format_size (max_size);

      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: %s is a size such as “512 MiB” */
                   _("The file is larger than %s, the most Placements reads"), limit);
      return FALSE;
    }

  scan = g_new0 (Scan, 1);
  scan->data = data != NULL ? data : "";
  scan->end = scan->data + length;
  scan->p = scan->data;
  scan->line_start = scan->data;
  scan->line = 1;

  while (scan->p < scan->end)
    {
      const char *p = scan->p;
      Frame *top = scan->depth > 0 ? &scan->frames[scan->depth - 1] : NULL;

      switch (*p)
        {
        case '"':
          if (!scan_string (scan, error))
            return FALSE;
          continue;

        case '[':
        case '{':
          if (scan->depth == PLC_JSON_MAX_DEPTH)
            {
              g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                           /* Translators: the first %u is the limit, 64; the others
                            * a line and a column */
                           _("The file nests arrays and objects more than %u levels deep, the most "
                             "Placements reads (at line %u, column %u)"),
                           (guint) PLC_JSON_MAX_DEPTH, scan->line, column (scan, p));
              return FALSE;
            }
          scan->frames[scan->depth++] = (Frame) {
            .object = *p == '{',
            .want_name = *p == '{',
          };
          break;

        case ']':
        case '}':
          /* A mismatch is json-glib's to report */
          if (scan->depth > 0)
            scan->depth--;
          break;

        case ',':
          if (top != NULL && top->object)
            {
              top->want_name = TRUE;
              top->name = NULL;
            }
          else if (top != NULL)
            top->index++;
          break;

        case ':':
          if (top != NULL && top->object)
            top->want_name = FALSE;
          break;

        case '\'':
        case '/':
          return refuse_at (scan, p, error);

        case '\n':
          scan->line++;
          scan->line_start = p + 1;
          break;

        default:
          break;
        }

      scan->p++;
    }

  return TRUE;
}

/**
 * plc_json_format_size:
 * @size: a number of bytes
 *
 * Returns: (transfer full): @size for a message, such as “512 MiB”
 */
char *
plc_json_format_size (gsize size)
{
  if (size >= 1024 * 1024 && size % (1024 * 1024) == 0)
    /* Translators: a size in mebibytes, such as “512 MiB” */
    return g_strdup_printf (_("%u MiB"), (guint) (size / (1024 * 1024)));

  return g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
}

/**
 * plc_json_read_file:
 * @file: the file
 * @max_size: the most bytes to read
 * @contents: (out) (transfer full): the file's bytes, with a NUL after them
 * @length: (out): how many
 * @error: return location for a #GError
 *
 * Reads @file whole, but refuses it (%PLC_ERROR_INVALID, naming the limit)
 * once it holds more than @max_size bytes, without reading the rest: a
 * reader's limit is the same for a file as for text.  A file that cannot
 * be read gives an error in %G_IO_ERROR.
 *
 * Returns: %TRUE if @contents holds the whole file
 */
gboolean
plc_json_read_file (GFile   *file,
                    gsize    max_size,
                    char   **contents,
                    gsize   *length,
                    GError **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint8 buffer[64 * 1024];

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL && length != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return FALSE;

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL, error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;

      if (bytes->len + (gsize) n > max_size)
        {
          g_autofree char *limit = plc_json_format_size (max_size);

          g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                       _("The file is larger than %s, the most Placements reads"), limit);
          return FALSE;
        }

      g_byte_array_append (bytes, buffer, (guint) n);
    }

  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  *contents = (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);

  return TRUE;
}
