/* test-municipality.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-municipality"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "plc-error.h"
#include "plc-municipality.h"

/* SCB: 290 municipalities in 21 counties (2024-2026) */
static const struct
{
  const char *county_code;
  guint       n_municipalities;
} county_sizes[] = {
  { "01", 26 }, { "03",  8 }, { "04",  9 }, { "05", 13 }, { "06", 13 },
  { "07",  8 }, { "08", 12 }, { "09",  1 }, { "10",  5 }, { "12", 33 },
  { "13",  6 }, { "14", 49 }, { "17", 16 }, { "18", 12 }, { "19", 10 },
  { "20", 15 }, { "21", 10 }, { "22",  7 }, { "23",  8 }, { "24", 15 },
  { "25", 14 },
};

static void
assert_municipality (const char *text,
                     const char *code)
{
  g_autoptr(GError) error = NULL;
  const PlcMunicipality *municipality = plc_municipality_lookup (text, &error);

  g_test_message ("municipality “%s”", text);
  g_assert_no_error (error);
  g_assert_nonnull (municipality);
  g_assert_cmpstr (municipality->code, ==, code);
  g_assert_true (municipality == plc_municipality_get (code));
}

/* Asserts that @text is no municipality and that the message names every one
 * of the NULL-terminated names that follow, and shows @text itself. */
static void
assert_no_municipality (const char *text,
                        ...)
{
  g_autoptr(GError) error = NULL;
  const PlcMunicipality *municipality = plc_municipality_lookup (text, &error);
  const char *name;
  va_list args;

  g_test_message ("not a municipality: “%s”", g_utf8_validate (text, -1, NULL) ? text : "(not UTF-8)");
  g_assert_null (municipality);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_test_message ("message: %s", error->message);

  va_start (args, text);
  while ((name = va_arg (args, const char *)) != NULL)
    g_assert_nonnull (strstr (error->message, name));
  va_end (args);
}

static void
assert_region (const char *text,
               const char *county_code)
{
  g_autoptr(GError) error = NULL;
  const PlcRegion *region = plc_region_lookup (text, &error);

  g_test_message ("region “%s”", text);
  g_assert_no_error (error);
  g_assert_nonnull (region);
  g_assert_cmpstr (region->county_code, ==, county_code);
  g_assert_true (region == plc_region_get (county_code));
}

static void
assert_no_region (const char *text,
                  ...)
{
  g_autoptr(GError) error = NULL;
  const PlcRegion *region = plc_region_lookup (text, &error);
  const char *name;
  va_list args;

  g_test_message ("not a region: “%s”", g_utf8_validate (text, -1, NULL) ? text : "(not UTF-8)");
  g_assert_null (region);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_test_message ("message: %s", error->message);

  va_start (args, text);
  while ((name = va_arg (args, const char *)) != NULL)
    g_assert_nonnull (strstr (error->message, name));
  va_end (args);
}

static gpointer
lookup_in_thread (gpointer data)
{
  g_autoptr(GError) error = NULL;
  const PlcMunicipality *municipality;

  g_atomic_int_inc ((int *) data);
  while (g_atomic_int_get ((int *) data) < 8)
    g_thread_yield ();

  municipality = plc_municipality_lookup ("Falu kommun", &error);
  g_assert_no_error (error);

  return (gpointer) municipality;
}

/* Runs first, so that the tables are loaded by racing threads. */
static void
test_threads (void)
{
  GThread *threads[8];
  int started = 0;
  gpointer first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("lookup", lookup_in_thread, &started);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      gpointer result = g_thread_join (threads[i]);

      g_assert_nonnull (result);
      if (first == NULL)
        first = result;
      g_assert_true (result == first);
    }

  g_assert_true (first == plc_municipality_get ("2080"));
}

static void
test_resource (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) municipalities = NULL;
  g_autoptr(GBytes) regions = NULL;

  municipalities = g_resources_lookup_data ("/se/placeringar/Placeringar/core/data/municipalities.tsv",
                                            G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  regions = g_resources_lookup_data ("/se/placeringar/Placeringar/core/data/regions.tsv",
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);

  g_assert_true (g_str_has_prefix (g_bytes_get_data (municipalities, NULL), "code\tname\tcounty_code\n"));
  g_assert_true (g_str_has_prefix (g_bytes_get_data (regions, NULL),
                                   "county_code\tregion_name\tcounty_name\tshort_name\n"));
}

static void
test_municipality_data (void)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  const PlcMunicipality *all;
  guint n = 0;

  all = plc_municipality_all (&n);
  g_assert_nonnull (all);
  g_assert_cmpuint (n, ==, 290);

  for (guint i = 0; i < n; i++)
    {
      const PlcMunicipality *m = &all[i];

      g_assert_cmpuint (strlen (m->code), ==, 4);
      for (guint j = 0; j < 4; j++)
        g_assert_true (g_ascii_isdigit (m->code[j]));
      g_assert_cmpuint (strlen (m->county_code), ==, 2);
      g_assert_cmpint (strncmp (m->code, m->county_code, 2), ==, 0);

      g_assert_true (g_utf8_validate (m->name, -1, NULL));
      g_assert_cmpuint (strlen (m->name), >, 0);
      g_assert_null (strstr (m->name, "kommun"));
      g_assert_null (strstr (m->name, " stad"));

      g_assert_true (g_hash_table_add (codes, (gpointer) m->code));
      g_assert_true (g_hash_table_add (names, (gpointer) m->name));
      if (i > 0)
        g_assert_cmpstr (all[i - 1].code, <, m->code);
    }

  g_assert_cmpuint (g_hash_table_size (codes), ==, 290);
  g_assert_cmpuint (g_hash_table_size (names), ==, 290);

  g_assert_null (plc_municipality_get ("9999"));
  g_assert_null (plc_municipality_get (""));
  g_assert_null (plc_municipality_get (NULL));
  g_assert_null (plc_municipality_get ("Falun"));
}

/* The tables as read, checked against SCB's list once (see plc-municipality.c);
 * a change to the data must change these on purpose. */
#define MUNICIPALITIES_SHA256 "73d36b20c72c31ab86c3681b4f21e9b3256294dcf449ca0764d53262f6f9a6db"
#define REGIONS_SHA256 "72a56eec286283cb2a9b148cfb3291614187173768335a9f0e6cb74924b832aa"

static void
test_checksums (void)
{
  g_autoptr(GString) municipalities = g_string_new ("code\tname\tcounty_code\n");
  g_autoptr(GString) regions = g_string_new ("county_code\tregion_name\tcounty_name\tshort_name\n");
  g_autofree char *municipalities_sha256 = NULL;
  g_autofree char *regions_sha256 = NULL;
  const PlcMunicipality *m;
  const PlcRegion *r;
  guint n = 0;

  m = plc_municipality_all (&n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (municipalities, "%s\t%s\t%s\n", m[i].code, m[i].name, m[i].county_code);

  r = plc_region_all (&n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (regions, "%s\t%s\t%s\t%s\n",
                            r[i].county_code, r[i].name, r[i].county_name, r[i].short_name);

  municipalities_sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, municipalities->str, -1);
  regions_sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, regions->str, -1);
  g_assert_cmpstr (municipalities_sha256, ==, MUNICIPALITIES_SHA256);
  g_assert_cmpstr (regions_sha256, ==, REGIONS_SHA256);
}

/* Names easily misspelt */
static void
test_spelling (void)
{
  static const struct
  {
    const char *code;
    const char *name;
  } names[] = {
    { "0114", "Upplands Väsby" }, { "0139", "Upplands-Bro" }, { "0180", "Stockholm" },
    { "0188", "Norrtälje" }, { "0305", "Håbo" }, { "0319", "Älvkarleby" },
    { "0580", "Linköping" }, { "0643", "Habo" }, { "0680", "Jönköping" },
    { "0980", "Gotland" }, { "1256", "Östra Göinge" }, { "1257", "Örkelljunga" },
    { "1280", "Malmö" }, { "1438", "Dals-Ed" }, { "1462", "Lilla Edet" },
    { "1480", "Göteborg" }, { "2023", "Malung-Sälen" }, { "2080", "Falun" },
    { "2284", "Örnsköldsvik" }, { "2518", "Övertorneå" }, { "2560", "Älvsbyn" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const PlcMunicipality *municipality = plc_municipality_get (names[i].code);

      g_assert_nonnull (municipality);
      g_assert_cmpstr (municipality->name, ==, names[i].name);
    }
}

static void
test_county_counts (void)
{
  const PlcMunicipality *all;
  guint n = 0;
  guint total = 0;

  all = plc_municipality_all (&n);

  for (guint c = 0; c < G_N_ELEMENTS (county_sizes); c++)
    {
      guint count = 0;

      for (guint i = 0; i < n; i++)
        if (strcmp (all[i].county_code, county_sizes[c].county_code) == 0)
          count++;

      g_test_message ("county %s", county_sizes[c].county_code);
      g_assert_cmpuint (count, ==, county_sizes[c].n_municipalities);
      total += count;
    }

  g_assert_cmpuint (total, ==, 290);
}

static void
test_region_data (void)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  const PlcRegion *all;
  guint n = 0;

  all = plc_region_all (&n);
  g_assert_nonnull (all);
  g_assert_cmpuint (n, ==, 21);

  for (guint i = 0; i < n; i++)
    {
      g_assert_true (g_hash_table_add (codes, (gpointer) all[i].county_code));
      g_assert_cmpstr (all[i].county_code, ==, county_sizes[i].county_code);
      g_assert_true (g_str_has_suffix (all[i].county_name, " län"));
      g_assert_nonnull (strstr (all[i].name, "egion"));
    }

  g_assert_cmpstr (plc_region_get ("01")->name, ==, "Region Stockholm");
  g_assert_cmpstr (plc_region_get ("04")->name, ==, "Region Sörmland");
  g_assert_cmpstr (plc_region_get ("04")->county_name, ==, "Södermanlands län");
  g_assert_cmpstr (plc_region_get ("06")->name, ==, "Region Jönköpings län");
  g_assert_cmpstr (plc_region_get ("06")->short_name, ==, "Jönköping");
  g_assert_cmpstr (plc_region_get ("14")->name, ==, "Västra Götalandsregionen");
  g_assert_cmpstr (plc_region_get ("14")->short_name, ==, "Västra Götaland");
  g_assert_cmpstr (plc_region_get ("20")->name, ==, "Region Dalarna");
  g_assert_cmpstr (plc_region_get ("20")->county_name, ==, "Dalarnas län");
  g_assert_cmpstr (plc_region_get ("20")->short_name, ==, "Dalarna");
  g_assert_cmpstr (plc_region_get ("23")->name, ==, "Region Jämtland Härjedalen");

  g_assert_null (plc_region_get ("02"));
  g_assert_null (plc_region_get ("2"));
  g_assert_null (plc_region_get (NULL));
}

static void
test_municipality_examples (void)
{
  static const struct
  {
    const char *text;
    const char *code;
  } examples[] = {
    { "Stockholm", "0180" },
    { "Stockholms stad", "0180" },
    { "stockholm", "0180" },
    { "STOCKHOLMS STAD", "0180" },
    { "Stockholm municipality", "0180" },
    { "0180", "0180" },
    { "180", "0180" },
    { "Upplands Väsby", "0114" },
    { "Upplands Väsby kommun", "0114" },
    { "Upplands-Bro", "0139" },
    { "Upplands Bro kommun", "0139" },
    { "Norrtälje", "0188" },
    { "Norrtälje kommun", "0188" },
    { "Linköping", "0580" },
    { "Linköpings kommun", "0580" },
    { "Jönköping", "0680" },
    { "Jönköpings kommun", "0680" },
    { "Gotland", "0980" },
    { "Region Gotland", "0980" },
    { "Gotlands kommun", "0980" },
    { "0980", "0980" },
    { "Malmö", "1280" },
    { "Malmö stad", "1280" },
    { "Göteborg", "1480" },
    { "Göteborgs stad", "1480" },
    { "Borås", "1490" },
    { "Borås stad", "1490" },
    { "Falun", "2080" },
    { "falun", "2080" },
    { "Falu kommun", "2080" },
    { "Falun kommun", "2080" },
    { "2080", "2080" },
    { "  2080 ", "2080" },
    { "Hedemora", "2083" },
    { "Hedemora kommun", "2083" },
    { "Malung-Sälen", "2023" },
    { "Malung-Sälens kommun", "2023" },
    { "malung–sälen", "2023" },  /* en dash */
    { "Malung Sälen", "2023" },
    { "Habo", "0643" },
    { "Håbo", "0305" },
    { "Mark", "1463" },
    { "Marks kommun", "1463" },
    { "Kalix kommun", "2514" },
    { "Lilla Edets kommun", "1462" },
    { "Dals-Eds kommun", "1438" },
    { "Östra Göinge kommun", "1256" },
    { "Örnsköldsviks kommun", "2284" },
    { " \t Falun\n", "2080" },
    { "Falun\u00a0kommun", "2080" },  /* no-break space */
    { "Go\u0308teborg", "1480" },     /* o and a combining diaeresis */
    { "G\u00d6TEBORG", "1480" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    assert_municipality (examples[i].text, examples[i].code);
}

/* Every municipality by its code, its name in any case and its official forms. */
static void
test_municipality_every_name (void)
{
  const PlcMunicipality *all;
  guint n = 0;

  all = plc_municipality_all (&n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *upper = g_utf8_strup (all[i].name, -1);
      g_autofree char *kommun = g_strconcat (all[i].name, " kommun", NULL);
      g_autofree char *genitive = g_strconcat (all[i].name, "s kommun", NULL);
      g_autofree char *stad = g_strconcat (all[i].name, "s stad", NULL);

      assert_municipality (all[i].code, all[i].code);
      assert_municipality (all[i].name, all[i].code);
      assert_municipality (upper, all[i].code);
      assert_municipality (kommun, all[i].code);
      assert_municipality (genitive, all[i].code);
      assert_municipality (stad, all[i].code);
    }
}

static void
test_municipality_errors (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (plc_municipality_lookup ("", &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, _("Municipality is empty"));
  g_clear_error (&error);

  g_assert_null (plc_municipality_lookup ("  \t ", &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, _("Municipality is empty"));
  g_clear_error (&error);

  g_assert_null (plc_municipality_lookup (NULL, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_clear_error (&error);

  /* no error location is fine */
  g_assert_null (plc_municipality_lookup ("Stokholm", NULL));

  assert_no_municipality ("Stokholm", "Stokholm", "Stockholm", NULL);
  assert_no_municipality ("Stokholms stad", "Stokholms stad", "Stockholm", NULL);
  assert_no_municipality ("Gotebrog", "Göteborg", NULL);
  /* a swap of neighbours is one edit, and four letters allow only one */
  assert_no_municipality ("Lnud", "Lund", NULL);
  assert_no_municipality ("Mroa", "Mora", NULL);
  assert_no_municipality ("Jonkoping", "Jönköping", NULL);
  assert_no_municipality ("Vasteras", "Västerås", NULL);
  assert_no_municipality ("Hobo", "Habo", "Håbo", NULL);
  assert_no_municipality ("Upplands", "Upplands Väsby", "Upplands-Bro", NULL);
  assert_no_municipality ("Falum kommun", "Falun", NULL);
  assert_no_municipality ("Region Stockholm", "Region Stockholm", NULL);
  assert_no_municipality ("Dalarna", NULL);
  assert_no_municipality ("Jönköpings", "Jönköping", NULL);
  assert_no_municipality ("kommun", NULL);
  assert_no_municipality ("xyzzy", "xyzzy", NULL);
  assert_no_municipality ("9999", "9999", NULL);
  assert_no_municipality ("20", NULL);
  assert_no_municipality ("02080", NULL);
  assert_no_municipality ("Fa\xffun", NULL);  /* not UTF-8 */

  /* a missing code gets no suggestions */
  g_assert_null (plc_municipality_lookup ("0100", &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_null (strstr (error->message, "Stockholm"));
  g_clear_error (&error);

  /* nothing close: no suggestion at all */
  g_assert_null (plc_municipality_lookup ("xyzzy", &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_cmpstr (error->message, !=, "");
  {
    g_autofree char *expected = g_strdup_printf (_("Unknown municipality “%s”"), "xyzzy");

    g_assert_cmpstr (error->message, ==, expected);
  }
  g_clear_error (&error);
}

/* At most three suggestions, the closest first. */
static void
test_municipality_suggestions (void)
{
  g_autoptr(GError) error = NULL;
  const PlcMunicipality *all;
  guint n = 0;
  guint named = 0;

  g_assert_null (plc_municipality_lookup ("Sto", &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_test_message ("message: %s", error->message);

  all = plc_municipality_all (&n);
  for (guint i = 0; i < n; i++)
    if (strstr (error->message, all[i].name) != NULL)
      named++;
  g_assert_cmpuint (named, ==, 3);
  g_clear_error (&error);

  /* a genitive only counts before "kommun" or "stad" */
  assert_no_municipality ("Stockholms", "Stockholm", NULL);

  /* one edit away beats three (Boxholm) */
  g_assert_null (plc_municipality_lookup ("Stokholm", &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  {
    g_autofree char *expected = g_strdup_printf (_("Unknown municipality “%s”. Did you mean %s?"),
                                                 "Stokholm", "Stockholm");

    g_assert_cmpstr (error->message, ==, expected);
  }
  g_clear_error (&error);

  /* a very long input is shortened in the message */
  {
    g_autofree char *longer = g_strnfill (1000, 'x');

    g_assert_null (plc_municipality_lookup (longer, &error));
    g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
    g_assert_cmpuint (strlen (error->message), <, 300);
    g_clear_error (&error);
  }
}

static void
test_region_lookup (void)
{
  static const struct
  {
    const char *text;
    const char *county_code;
  } examples[] = {
    { "Dalarna", "20" },
    { "dalarna", "20" },
    { "DALARNA", "20" },
    { "Region Dalarna", "20" },
    { "region dalarna", "20" },
    { "Dalarnas län", "20" },
    { "Region Dalarnas län", "20" },
    { "20", "20" },
    { " 20 ", "20" },
    { "Region Jönköpings län", "06" },
    { "Jönköpings län", "06" },
    { "Jönköping", "06" },
    { "Region Jönköping", "06" },
    { "Västra Götaland", "14" },
    { "Västra Götalandsregionen", "14" },
    { "Västra Götalands län", "14" },
    { "Region Västra Götaland", "14" },
    { "Stockholm", "01" },
    { "Region Stockholm", "01" },
    { "Stockholms län", "01" },
    { "1", "01" },
    { "01", "01" },
    { "Sörmland", "04" },
    { "Region Sörmland", "04" },
    { "Södermanland", "04" },
    { "Södermanlands län", "04" },
    { "Kalmar", "08" },
    { "Kalmar län", "08" },
    { "Region Kalmar län", "08" },
    { "Gotland", "09" },
    { "Region Gotland", "09" },
    { "Gotlands län", "09" },
    { "Skåne", "12" },
    { "Skåne län", "12" },
    { "Örebro", "18" },
    { "Region Örebro län", "18" },
    { "Jämtland", "23" },
    { "Jämtlands län", "23" },
    { "Jämtland Härjedalen", "23" },
    { "Region Jämtland Härjedalen", "23" },
    { "Region Jämtland-Härjedalen", "23" },
    { "Norrbotten", "25" },
    { "Norrbottens län", "25" },
  };
  const PlcRegion *all;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    assert_region (examples[i].text, examples[i].county_code);

  all = plc_region_all (&n);
  for (guint i = 0; i < n; i++)
    {
      assert_region (all[i].county_code, all[i].county_code);
      assert_region (all[i].name, all[i].county_code);
      assert_region (all[i].county_name, all[i].county_code);
      assert_region (all[i].short_name, all[i].county_code);
    }
}

static void
test_region_errors (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (plc_region_lookup ("", &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, _("Region is empty"));
  g_clear_error (&error);

  g_assert_null (plc_region_lookup (NULL, &error));
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_clear_error (&error);

  assert_no_region ("Dalarana", "Dalarana", "Region Dalarna", NULL);
  assert_no_region ("Region Dalarn", "Region Dalarna", NULL);
  assert_no_region ("Skane", "Region Skåne", NULL);
  assert_no_region ("Falun", "Falun", NULL);
  assert_no_region ("2080", NULL);
  assert_no_region ("02", NULL);
  assert_no_region ("99", NULL);
  assert_no_region ("Region", NULL);
  assert_no_region ("län", NULL);
}

static void
test_region_for_municipality (void)
{
  static const struct
  {
    const char *municipality;
    const char *region;
  } examples[] = {
    { "Falun", "Region Dalarna" },
    { "Malung-Sälen", "Region Dalarna" },
    { "Norrtälje", "Region Stockholm" },
    { "Stockholm", "Region Stockholm" },
    { "Gotland", "Region Gotland" },
    { "Göteborg", "Västra Götalandsregionen" },
    { "Jönköping", "Region Jönköpings län" },
    { "Strängnäs", "Region Sörmland" },
    { "Östersund", "Region Jämtland Härjedalen" },
    { "Kiruna", "Region Norrbotten" },
  };
  const PlcMunicipality *all;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      const PlcMunicipality *municipality = plc_municipality_lookup (examples[i].municipality, NULL);

      g_assert_nonnull (municipality);
      g_assert_cmpstr (plc_region_for_municipality (municipality)->name, ==, examples[i].region);
    }

  all = plc_municipality_all (&n);
  for (guint i = 0; i < n; i++)
    {
      const PlcRegion *region = plc_region_for_municipality (&all[i]);

      g_assert_nonnull (region);
      g_assert_cmpstr (region->county_code, ==, all[i].county_code);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/municipality/threads", test_threads);
  g_test_add_func ("/municipality/resource", test_resource);
  g_test_add_func ("/municipality/data", test_municipality_data);
  g_test_add_func ("/municipality/county-counts", test_county_counts);
  g_test_add_func ("/municipality/spelling", test_spelling);
  g_test_add_func ("/municipality/checksums", test_checksums);
  g_test_add_func ("/municipality/lookup", test_municipality_examples);
  g_test_add_func ("/municipality/every-name", test_municipality_every_name);
  g_test_add_func ("/municipality/errors", test_municipality_errors);
  g_test_add_func ("/municipality/suggestions", test_municipality_suggestions);
  g_test_add_func ("/region/data", test_region_data);
  g_test_add_func ("/region/lookup", test_region_lookup);
  g_test_add_func ("/region/errors", test_region_errors);
  g_test_add_func ("/region/for-municipality", test_region_for_municipality);

  return g_test_run ();
}
