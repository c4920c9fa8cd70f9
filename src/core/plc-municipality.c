/* plc-municipality.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-municipality"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "plc-error.h"
#include "plc-municipality.h"

/*
 * The tables are SCB's kommunkoder and länskoder (valid 2024-2026: 290
 * municipalities in 21 counties), shipped as tab-separated files in the core
 * GResource and read once, on first use, for the lifetime of the process.
 *
 * Names are compared folded: casefolded, NFKC-normalised, with runs of white
 * space and dashes made one space and trimmed. A municipality is also found by
 * its official name, which ends in " kommun" or " stad" and usually puts the
 * name in the genitive ("Jönköpings kommun", "Göteborgs stad"); the few
 * irregular official names are in municipality_aliases below.
 */

#define DATA_PATH "/se/placeringar/Placeringar/core/data/"

#define MAX_SUGGESTIONS 3
/* Input longer than this is not compared for suggestions. */
#define MAX_SUGGEST_CHARS 64
/* Input longer than this is shortened in error messages. */
#define MAX_SHOWN_CHARS 64

/* Made by glib-compile-resources --c-name plc_core from plc-core.gresource.xml.
 * Declared here rather than by including the generated header, whose file name
 * is the build's business. Reading the data through it, rather than through
 * g_resources_lookup_data (), also keeps the linker from dropping the resource's
 * object file out of the static core library. */
GResource *plc_core_get_resource (void);

typedef struct
{
  PlcMunicipality *municipalities;
  guint            n_municipalities;
  PlcRegion       *regions;
  guint            n_regions;
  GHashTable      *municipality_keys;  /* folded name or code → PlcMunicipality */
  GHashTable      *region_keys;        /* folded name or code → PlcRegion */
} Places;

/* Official names that are not the short name plus "(s) kommun" or "(s) stad". */
static const struct
{
  const char *code;
  const char *alias;
} municipality_aliases[] = {
  { "2080", "Falu" },            /* Falu kommun: the town is Falun */
  { "0980", "Region Gotland" },  /* the municipality is also the region */
};

static const char * const municipality_suffixes[] = { " kommun", " stad", " municipality" };
static const char * const region_suffixes[] = { " län", " county" };
static const char region_prefix[] = "region ";

static char *
fold (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *folded = g_utf8_casefold (valid, -1);
  g_autofree char *normal = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);
  GString *out = g_string_sized_new (strlen (normal));
  gboolean gap = FALSE;

  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_DASH_PUNCTUATION)
        {
          gap = TRUE;
          continue;
        }

      if (gap && out->len > 0)
        g_string_append_c (out, ' ');
      gap = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

/* The text as the user wrote it, trimmed and shortened, for error messages. */
static char *
shown_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  const char *start = valid;
  const char *end = valid + strlen (valid);

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  if (g_utf8_strlen (start, end - start) > MAX_SHOWN_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (start, 0, MAX_SHOWN_CHARS - 1);

      return g_strconcat (cut, "…", NULL);
    }

  return g_strndup (start, end - start);
}

static void
add_form (GPtrArray  *forms,
          const char *form)
{
  if (*form == '\0')
    return;

  for (guint i = 0; i < forms->len; i++)
    if (strcmp (g_ptr_array_index (forms, i), form) == 0)
      return;

  g_ptr_array_add (forms, g_strdup (form));
}

/* If @text ends in one of @suffixes after a non-empty stem, adds the stem and,
 * if the stem ends in a genitive s, the stem without it. */
static void
add_stems (GPtrArray          *forms,
           const char         *text,
           const char * const *suffixes,
           gsize               n_suffixes)
{
  gsize len = strlen (text);

  for (gsize i = 0; i < n_suffixes; i++)
    {
      gsize suffix_len = strlen (suffixes[i]);
      g_autofree char *stem = NULL;

      if (len <= suffix_len || !g_str_has_suffix (text, suffixes[i]))
        continue;

      stem = g_strndup (text, len - suffix_len);
      add_form (forms, stem);

      if (g_str_has_suffix (stem, "s"))
        {
          stem[strlen (stem) - 1] = '\0';
          add_form (forms, stem);
        }
    }
}

/* The folded forms a municipality may be written in, most literal first. */
static GPtrArray *
municipality_forms (const char *folded)
{
  GPtrArray *forms = g_ptr_array_new_with_free_func (g_free);

  add_form (forms, folded);
  add_stems (forms, folded, municipality_suffixes, G_N_ELEMENTS (municipality_suffixes));

  return forms;
}

/* The folded forms a region may be written in, most literal first. */
static GPtrArray *
region_forms (const char *folded)
{
  GPtrArray *forms = g_ptr_array_new_with_free_func (g_free);
  const char *bare = folded;

  if (g_str_has_prefix (folded, region_prefix) && folded[strlen (region_prefix)] != '\0')
    bare = folded + strlen (region_prefix);

  add_form (forms, folded);
  add_form (forms, bare);
  add_stems (forms, folded, region_suffixes, G_N_ELEMENTS (region_suffixes));
  add_stems (forms, bare, region_suffixes, G_N_ELEMENTS (region_suffixes));

  return forms;
}

static void
add_key (GHashTable    *keys,
         char          *folded_key,
         gconstpointer  place)
{
  gconstpointer old = g_hash_table_lookup (keys, folded_key);

  if (old != NULL && old != place)
    g_error ("Place data: “%s” names two places", folded_key);

  g_hash_table_replace (keys, folded_key, (gpointer) place);
}

/* Reads a table from the resource: the header line must be @header, and each
 * row must have as many tab-separated fields. Returns the rows, NULL-terminated;
 * the data is ours, so anything wrong with it is a bug and fatal. */
static char ***
read_table (const char *name,
            const char *header,
            guint      *n_rows)
{
  g_autofree char *path = g_strconcat (DATA_PATH, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows;
  guint n_columns;
  const char *data;
  gsize size;

  bytes = g_resource_lookup_data (plc_core_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("Cannot read %s: %s", path, error->message);

  data = g_bytes_get_data (bytes, &size);
  if (!g_utf8_validate_len (data, size, NULL))
    g_error ("%s is not UTF-8", path);

  text = g_strndup (data, size);
  lines = g_strsplit (text, "\n", -1);
  if (g_strcmp0 (lines[0], header) != 0)
    g_error ("%s: the header is not “%s”", path, header);

  n_columns = 1;
  for (const char *p = header; *p != '\0'; p++)
    n_columns += (*p == '\t');

  rows = g_ptr_array_new ();

  for (guint i = 1; lines[i] != NULL; i++)
    {
      char **fields;

      if (lines[i][0] == '\0' && lines[i + 1] == NULL)
        break;

      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) != n_columns)
        g_error ("%s:%u: %u fields, not %u", path, i + 1, g_strv_length (fields), n_columns);

      for (guint j = 0; j < n_columns; j++)
        if (fields[j][0] == '\0')
          g_error ("%s:%u: field %u is empty", path, i + 1, j + 1);

      g_ptr_array_add (rows, fields);
    }

  *n_rows = rows->len;
  g_ptr_array_add (rows, NULL);

  return (char ***) g_ptr_array_free (rows, FALSE);
}

static gboolean
is_code (const char *text,
         gsize       len)
{
  return strlen (text) == len && is_digits (text);
}

static int
compare_code (const void *code,
              const void *place)
{
  G_STATIC_ASSERT (G_STRUCT_OFFSET (PlcMunicipality, code) == 0);
  G_STATIC_ASSERT (G_STRUCT_OFFSET (PlcRegion, county_code) == 0);

  return strcmp (code, *(const char * const *) place);
}

static const PlcMunicipality *
find_municipality (const Places *places,
                   const char   *code)
{
  return bsearch (code, places->municipalities, places->n_municipalities,
                  sizeof (PlcMunicipality), compare_code);
}

static const PlcRegion *
find_region (const Places *places,
             const char   *county_code)
{
  return bsearch (county_code, places->regions, places->n_regions,
                  sizeof (PlcRegion), compare_code);
}

static gpointer
load_places (G_GNUC_UNUSED gpointer user_data)
{
  Places *places = g_new0 (Places, 1);
  char ***rows;

  rows = read_table ("regions.tsv", "county_code\tregion_name\tcounty_name\tshort_name",
                     &places->n_regions);
  places->regions = g_new0 (PlcRegion, places->n_regions);

  for (guint i = 0; i < places->n_regions; i++)
    {
      PlcRegion *region = &places->regions[i];

      region->county_code = rows[i][0];
      region->name = rows[i][1];
      region->county_name = rows[i][2];
      region->short_name = rows[i][3];
      g_free (rows[i]);

      if (!is_code (region->county_code, 2))
        g_error ("regions.tsv: “%s” is not a county code", region->county_code);
      if (i > 0 && strcmp (places->regions[i - 1].county_code, region->county_code) >= 0)
        g_error ("regions.tsv: %s is out of order", region->county_code);
    }
  g_free (rows);

  rows = read_table ("municipalities.tsv", "code\tname\tcounty_code",
                     &places->n_municipalities);
  places->municipalities = g_new0 (PlcMunicipality, places->n_municipalities);

  for (guint i = 0; i < places->n_municipalities; i++)
    {
      PlcMunicipality *municipality = &places->municipalities[i];

      municipality->code = rows[i][0];
      municipality->name = rows[i][1];
      municipality->county_code = rows[i][2];
      g_free (rows[i]);

      if (!is_code (municipality->code, 4))
        g_error ("municipalities.tsv: “%s” is not a municipality code", municipality->code);
      if (i > 0 && strcmp (places->municipalities[i - 1].code, municipality->code) >= 0)
        g_error ("municipalities.tsv: %s is out of order", municipality->code);
      if (!g_str_has_prefix (municipality->code, municipality->county_code))
        g_error ("municipalities.tsv: %s is not in county %s",
                 municipality->code, municipality->county_code);
    }
  g_free (rows);

  /* Every lookup key, folded: codes, names and the regular official names. */
  places->municipality_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  places->region_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < places->n_regions; i++)
    {
      const PlcRegion *region = &places->regions[i];
      g_autoptr(GPtrArray) forms = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *name = fold (region->name);
      g_autofree char *county_name = fold (region->county_name);

      /* "Region Jönköpings län" also as "Jönköpings län"; "Dalarnas län" also as
       * "Dalarna"; "Södermanlands län" also as "Södermanland" */
      add_form (forms, region->county_code);
      add_form (forms, name);
      if (g_str_has_prefix (name, region_prefix))
        add_form (forms, name + strlen (region_prefix));
      add_form (forms, county_name);
      add_stems (forms, county_name, region_suffixes, G_N_ELEMENTS (region_suffixes));

      for (guint j = 0; j < forms->len; j++)
        add_key (places->region_keys, g_strdup (g_ptr_array_index (forms, j)), region);
      add_key (places->region_keys, fold (region->short_name), region);
    }

  for (guint i = 0; i < places->n_municipalities; i++)
    {
      const PlcMunicipality *municipality = &places->municipalities[i];

      if (find_region (places, municipality->county_code) == NULL)
        g_error ("municipalities.tsv: %s is in no known county", municipality->code);

      add_key (places->municipality_keys, g_strdup (municipality->code), municipality);
      add_key (places->municipality_keys, fold (municipality->name), municipality);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (municipality_aliases); i++)
    {
      const PlcMunicipality *municipality = find_municipality (places, municipality_aliases[i].code);

      g_assert (municipality != NULL);
      add_key (places->municipality_keys, fold (municipality_aliases[i].alias), municipality);
    }

  return places;
}

static const Places *
get_places (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_places, NULL);
}

/* The Damerau–Levenshtein distance in its restricted form (optimal string
 * alignment): insertions, deletions, substitutions and swaps of two neighbours
 * cost one each. */
static guint
edit_distance (const gunichar *a,
               glong           a_len,
               const gunichar *b,
               glong           b_len)
{
  g_autofree guint *d = g_new (guint, (a_len + 1) * (b_len + 1));

#define D(i, j) d[(i) * (b_len + 1) + (j)]
  for (glong i = 0; i <= a_len; i++)
    D (i, 0) = i;
  for (glong j = 0; j <= b_len; j++)
    D (0, j) = j;

  for (glong i = 1; i <= a_len; i++)
    for (glong j = 1; j <= b_len; j++)
      {
        guint cost = a[i - 1] != b[j - 1];
        guint best = MIN (MIN (D (i - 1, j) + 1, D (i, j - 1) + 1), D (i - 1, j - 1) + cost);

        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
          best = MIN (best, D (i - 2, j - 2) + 1);

        D (i, j) = best;
      }

  return D (a_len, b_len);
#undef D
}

typedef struct
{
  const char *name;
  guint       rank;
} Suggestion;

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const Suggestion *sa = a;
  const Suggestion *sb = b;

  if (sa->rank != sb->rank)
    return sa->rank < sb->rank ? -1 : 1;

  return g_utf8_collate (sa->name, sb->name);
}

/* Up to MAX_SUGGESTIONS names close to one of @forms, best first, joined for a
 * message; or NULL if none is close. A key within a few edits of a form (one
 * for every three characters, at most three) ranks by its distance; a key that
 * starts with a form of three or more characters ranks between one edit and
 * two. Ties go by name. */
static char *
suggest (GHashTable  *keys,
         GPtrArray   *forms,
         const char *(*name_of) (gconstpointer place))
{
  g_autoptr(GHashTable) ranks = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) suggestions = g_array_new (FALSE, FALSE, sizeof (Suggestion));
  GHashTableIter iter;
  gpointer place;
  gpointer rank;
  const char *key;

  for (guint i = 0; i < forms->len; i++)
    {
      const char *form = g_ptr_array_index (forms, i);
      glong form_len;
      g_autofree gunichar *form_chars = g_utf8_to_ucs4_fast (form, -1, &form_len);
      guint max_distance = CLAMP ((form_len + 1) / 3, 1, 3);

      if (form_len > MAX_SUGGEST_CHARS)
        continue;

      g_hash_table_iter_init (&iter, keys);
      while (g_hash_table_iter_next (&iter, (gpointer *) &key, &place))
        {
          glong key_len;
          g_autofree gunichar *key_chars = g_utf8_to_ucs4_fast (key, -1, &key_len);
          guint distance = edit_distance (form_chars, form_len, key_chars, key_len);
          guint best = GPOINTER_TO_UINT (g_hash_table_lookup (ranks, place));
          guint candidate = G_MAXUINT;

          if (distance <= max_distance)
            candidate = 2 * distance;
          if (form_len >= 3 && g_str_has_prefix (key, form))
            candidate = MIN (candidate, 3);

          /* ranks holds rank + 1, so that 0 means none */
          if (candidate != G_MAXUINT && (best == 0 || candidate + 1 < best))
            g_hash_table_insert (ranks, place, GUINT_TO_POINTER (candidate + 1));
        }
    }

  g_hash_table_iter_init (&iter, ranks);
  while (g_hash_table_iter_next (&iter, &place, &rank))
    {
      Suggestion suggestion = { name_of (place), GPOINTER_TO_UINT (rank) - 1 };

      g_array_append_val (suggestions, suggestion);
    }

  g_array_sort (suggestions, compare_suggestions);

  /* Only the best and those nearly as good: a name one edit away makes those
   * three edits away noise. */
  for (guint i = 1; i < suggestions->len; i++)
    {
      if (g_array_index (suggestions, Suggestion, i).rank >
          g_array_index (suggestions, Suggestion, 0).rank + 1)
        {
          g_array_set_size (suggestions, i);
          break;
        }
    }

#define NAME(i) (g_array_index (suggestions, Suggestion, (i)).name)
  switch (MIN (suggestions->len, MAX_SUGGESTIONS))
    {
    case 0:
      return NULL;

    case 1:
      return g_strdup (NAME (0));

    case 2:
      /* Translators: two suggestions for “Did you mean %s?”, e.g. “Habo or Håbo” */
      return g_strdup_printf (_("%s or %s"), NAME (0), NAME (1));

    default:
      /* Translators: three suggestions for “Did you mean %s?”, e.g. “Falun, Malung or Mora” */
      return g_strdup_printf (_("%s, %s or %s"), NAME (0), NAME (1), NAME (2));
    }
#undef NAME
}

static const char *
municipality_name (gconstpointer place)
{
  return ((const PlcMunicipality *) place)->name;
}

static const char *
region_name (gconstpointer place)
{
  return ((const PlcRegion *) place)->name;
}

/**
 * plc_municipality_all:
 * @n_municipalities: (out): where to store the number of municipalities
 *
 * Returns: (array length=n_municipalities) (transfer none): every municipality,
 *   ordered by code
 */
const PlcMunicipality *
plc_municipality_all (guint *n_municipalities)
{
  const Places *places;

  g_return_val_if_fail (n_municipalities != NULL, NULL);

  places = get_places ();
  *n_municipalities = places->n_municipalities;

  return places->municipalities;
}

/**
 * plc_municipality_get:
 * @code: (nullable): a four-digit municipality code, such as "2080"
 *
 * Returns: (nullable) (transfer none): the municipality with that code, or
 *   %NULL if there is none
 */
const PlcMunicipality *
plc_municipality_get (const char *code)
{
  if (code == NULL)
    return NULL;

  return find_municipality (get_places (), code);
}

/**
 * plc_municipality_lookup:
 * @text: (nullable): what the user wrote
 * @error: return location for a #GError
 *
 * Finds a municipality by its code ("2080"), its name ("Falun", in any case)
 * or its official name ("Falu kommun", "Göteborgs stad", "Region Gotland").
 * A three-digit code whose leading zero was lost ("180") is accepted too.
 *
 * Returns: (nullable) (transfer none): the municipality, or %NULL with @error
 *   set to %PLC_ERROR_INVALID, whose message suggests the closest names
 */
const PlcMunicipality *
plc_municipality_lookup (const char  *text,
                         GError     **error)
{
  const Places *places;
  g_autofree char *folded = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *suggestions = NULL;
  g_autoptr(GPtrArray) forms = NULL;
  const PlcMunicipality *found;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  places = get_places ();
  folded = fold (text != NULL ? text : "");

  if (*folded == '\0')
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID, _("Municipality is empty"));
      return NULL;
    }

  shown = shown_text (text);

  if (is_digits (folded))
    {
      g_autofree char *code = strlen (folded) == 3 ? g_strconcat ("0", folded, NULL)
                                                   : g_strdup (folded);

      found = find_municipality (places, code);
      if (found == NULL)
        {
          /* Translators: %s is digits that are no four-digit municipality code (kommunkod) */
          g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                       _("Unknown municipality code “%s”"), shown);
        }
      return found;
    }

  forms = municipality_forms (folded);
  for (guint i = 0; i < forms->len; i++)
    {
      found = g_hash_table_lookup (places->municipality_keys, g_ptr_array_index (forms, i));
      if (found != NULL)
        return found;
    }

  suggestions = suggest (places->municipality_keys, forms, municipality_name);
  if (suggestions != NULL)
    {
      /* Translators: the first %s is what the user wrote, the second one to three names */
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   _("Unknown municipality “%s”. Did you mean %s?"), shown, suggestions);
    }
  else
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   _("Unknown municipality “%s”"), shown);
    }

  return NULL;
}

/**
 * plc_region_all:
 * @n_regions: (out): where to store the number of regions
 *
 * Returns: (array length=n_regions) (transfer none): every region, ordered by
 *   county code
 */
const PlcRegion *
plc_region_all (guint *n_regions)
{
  const Places *places;

  g_return_val_if_fail (n_regions != NULL, NULL);

  places = get_places ();
  *n_regions = places->n_regions;

  return places->regions;
}

/**
 * plc_region_get:
 * @county_code: (nullable): a two-digit county code, such as "20"
 *
 * Returns: (nullable) (transfer none): the region of that county, or %NULL if
 *   there is none
 */
const PlcRegion *
plc_region_get (const char *county_code)
{
  if (county_code == NULL)
    return NULL;

  return find_region (get_places (), county_code);
}

/**
 * plc_region_lookup:
 * @text: (nullable): what the user wrote
 * @error: return location for a #GError
 *
 * Finds a region by its county code ("20"), its name ("Region Dalarna",
 * "Västra Götalandsregionen"), its county's name ("Dalarnas län") or its short
 * name ("Dalarna", "Sörmland", "Södermanland"), in any case.
 *
 * Returns: (nullable) (transfer none): the region, or %NULL with @error set to
 *   %PLC_ERROR_INVALID, whose message suggests the closest names
 */
const PlcRegion *
plc_region_lookup (const char  *text,
                   GError     **error)
{
  const Places *places;
  g_autofree char *folded = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *suggestions = NULL;
  g_autoptr(GPtrArray) forms = NULL;
  const PlcRegion *found;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  places = get_places ();
  folded = fold (text != NULL ? text : "");

  if (*folded == '\0')
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID, _("Region is empty"));
      return NULL;
    }

  shown = shown_text (text);

  if (is_digits (folded))
    {
      g_autofree char *code = strlen (folded) == 1 ? g_strconcat ("0", folded, NULL)
                                                   : g_strdup (folded);

      found = find_region (places, code);
      if (found == NULL)
        {
          /* Translators: %s is digits that are no two-digit county code (länskod) */
          g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                       _("Unknown county code “%s”"), shown);
        }
      return found;
    }

  forms = region_forms (folded);
  for (guint i = 0; i < forms->len; i++)
    {
      found = g_hash_table_lookup (places->region_keys, g_ptr_array_index (forms, i));
      if (found != NULL)
        return found;
    }

  suggestions = suggest (places->region_keys, forms, region_name);
  if (suggestions != NULL)
    {
      /* Translators: the first %s is what the user wrote, the second one to three names */
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   _("Unknown region “%s”. Did you mean %s?"), shown, suggestions);
    }
  else
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   _("Unknown region “%s”"), shown);
    }

  return NULL;
}

/**
 * plc_region_for_municipality:
 * @municipality: a municipality from this module
 *
 * Returns: (transfer none): the region the municipality lies in
 */
const PlcRegion *
plc_region_for_municipality (const PlcMunicipality *municipality)
{
  g_return_val_if_fail (municipality != NULL, NULL);

  return find_region (get_places (), municipality->county_code);
}
