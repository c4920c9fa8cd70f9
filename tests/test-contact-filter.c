/* test-contact-filter.c: the Contacts view's search and role filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-contact-filter"

#include "config.h"

#include <locale.h>

#include "plc-contact-filter.h"

typedef struct
{
  guint n_signals;
  guint removed;
  guint added;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->n_signals++;
  changes->removed += removed;
  changes->added += added;
}

static PlcContact *
make_contact (const char     *name,
              const char     *organisation,
              const char     *phone,
              const char     *email,
              gint64          child_id,
              PlcContactRole  role)
{
  PlcContact *contact = plc_contact_new ();

  plc_contact_set_name (contact, name);
  plc_contact_set_organisation (contact, organisation);
  plc_contact_set_phone (contact, phone);
  plc_contact_set_email (contact, email);

  if (child_id != 0)
    {
      PlcContactLink *link = plc_contact_link_new ();

      link->child_id = child_id;
      link->role = role;
      plc_contact_add_link (contact, link);
    }

  return contact;
}

typedef struct
{
  GListStore         *store;
  PlcContactFilter   *filter;
  GtkFilterListModel *model;
  Changes             changes;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(PlcContact) mora = make_contact ("Familjehemmet i Mora", NULL, "0250-100 00",
                                             "familjehem@example.se", 1, PLC_CONTACT_ROLE_FOSTER_HOME);
  g_autoptr(PlcContact) bup = make_contact ("BUP-mottagningen Falun", "Region Dalarna", "023-000 00",
                                            NULL, 1, PLC_CONTACT_ROLE_BUP);
  g_autoptr(PlcContact) god_man = make_contact ("Ulla Godmansdotter", NULL, NULL, NULL,
                                                3, PLC_CONTACT_ROLE_GOD_MAN);
  g_autoptr(PlcContact) school = make_contact ("Åsa Rektorsson", "Mora skola", NULL,
                                               "asa@skola.example.se", 2, PLC_CONTACT_ROLE_SCHOOL);

  /* A second link for the BUP clinic, to another child */
  PlcContactLink *link = plc_contact_link_new ();

  link->child_id = 2;
  link->role = PLC_CONTACT_ROLE_BUP;
  plc_contact_add_link (bup, link);

  f->store = g_list_store_new (PLC_TYPE_CONTACT);
  g_list_store_append (f->store, mora);
  g_list_store_append (f->store, bup);
  g_list_store_append (f->store, god_man);
  g_list_store_append (f->store, school);

  f->filter = plc_contact_filter_new ();
  f->model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (f->store)),
                                        GTK_FILTER (g_object_ref (f->filter)));
  g_signal_connect (f->model, "items-changed", G_CALLBACK (items_changed_cb), &f->changes);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_unref (f->model);
  g_assert_finalize_object (f->filter);
  g_assert_finalize_object (f->store);
}

static void
reset (Fixture *f)
{
  f->changes = (Changes) { 0, };
}

static char *
names (GListModel *model)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PlcContact) contact = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append (text, "|");
      g_string_append (text, plc_contact_get_name (contact));
    }

  return g_string_free (text, FALSE);
}

#define assert_names(model, expected) \
  G_STMT_START { \
    g_autofree char *_names = names (G_LIST_MODEL (model)); \
    g_assert_cmpstr (_names, ==, expected); \
  } G_STMT_END

static void
test_search_fields (Fixture       *f,
                    gconstpointer  data)
{
  struct {
    const char *search;
    const char *expected;
  } cases[] = {
    { NULL, "Familjehemmet i Mora|BUP-mottagningen Falun|Ulla Godmansdotter|Åsa Rektorsson" },
    { "", "Familjehemmet i Mora|BUP-mottagningen Falun|Ulla Godmansdotter|Åsa Rektorsson" },
    { "   ", "Familjehemmet i Mora|BUP-mottagningen Falun|Ulla Godmansdotter|Åsa Rektorsson" },
    /* name, any case */
    { "ulla", "Ulla Godmansdotter" },
    /* name and organisation */
    { "mora", "Familjehemmet i Mora|Åsa Rektorsson" },
    /* organisation */
    { "dalarna", "BUP-mottagningen Falun" },
    /* phone as written, and without its spaces and dash */
    { "0250-100", "Familjehemmet i Mora" },
    { "025010000", "Familjehemmet i Mora" },
    /* email */
    { "@skola", "Åsa Rektorsson" },
    /* a role's display name */
    { "foster home", "Familjehemmet i Mora" },
    { "Good man", NULL },
    /* case folding of Swedish letters */
    { "ÅSA", "Åsa Rektorsson" },
    /* every word must be found, in any field */
    { "mora skola", "Åsa Rektorsson" },
    { "mora   familjehem", "Familjehemmet i Mora" },
    { "mora falun", "" },
    { "nobody", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("search: “%s”", cases[i].search != NULL ? cases[i].search : "(null)");
      plc_contact_filter_set_search (f->filter, cases[i].search);
      if (cases[i].expected != NULL)
        assert_names (f->model, cases[i].expected);
    }
}

static void
test_search_child_names (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GHashTable) child_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gint64 *id = g_new (gint64, 1);

  plc_contact_filter_set_search (f->filter, "alva");
  assert_names (f->model, "");

  reset (f);
  *id = 1;
  g_hash_table_insert (child_names, id, g_strdup ("Alva Exempelsson"));
  plc_contact_filter_set_child_names (f->filter, child_names);

  /* The contacts linked to Alva, found by her name */
  assert_names (f->model, "Familjehemmet i Mora|BUP-mottagningen Falun");
  g_assert_cmpuint (f->changes.n_signals, ==, 1);
  g_assert_cmpuint (f->changes.removed, ==, 0);
  g_assert_cmpuint (f->changes.added, ==, 2);
}

static void
test_role (Fixture       *f,
           gconstpointer  data)
{
  g_assert_cmpint (plc_contact_filter_get_role (f->filter), ==, PLC_CONTACT_FILTER_ANY_ROLE);

  plc_contact_filter_set_role (f->filter, PLC_CONTACT_ROLE_BUP);
  assert_names (f->model, "BUP-mottagningen Falun");

  plc_contact_filter_set_role (f->filter, PLC_CONTACT_ROLE_GUARDIAN);
  assert_names (f->model, "");

  /* Role and search together */
  plc_contact_filter_set_role (f->filter, PLC_CONTACT_ROLE_SCHOOL);
  plc_contact_filter_set_search (f->filter, "mora");
  assert_names (f->model, "Åsa Rektorsson");

  plc_contact_filter_set_role (f->filter, PLC_CONTACT_FILTER_ANY_ROLE);
  assert_names (f->model, "Familjehemmet i Mora|Åsa Rektorsson");
}

/* Exactly one items-changed per change that changes what is shown, none
 * for one that does not, and only the rows that come and go */
static void
test_items_changed (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PlcContact) new_contact = make_contact ("Mora BVC", NULL, NULL, NULL, 0, 0);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 4);

  /* Typing "m": three of four stay; one signal removes the one */
  reset (f);
  plc_contact_filter_set_search (f->filter, "m");
  assert_names (f->model, "Familjehemmet i Mora|BUP-mottagningen Falun|Ulla Godmansdotter|Åsa Rektorsson");
  g_assert_cmpuint (f->changes.n_signals, ==, 0);

  reset (f);
  plc_contact_filter_set_search (f->filter, "mo");
  assert_names (f->model, "Familjehemmet i Mora|BUP-mottagningen Falun|Åsa Rektorsson");
  g_assert_cmpuint (f->changes.n_signals, ==, 1);
  g_assert_cmpuint (f->changes.removed, ==, 1);
  g_assert_cmpuint (f->changes.added, ==, 0);

  reset (f);
  plc_contact_filter_set_search (f->filter, "mora");
  assert_names (f->model, "Familjehemmet i Mora|Åsa Rektorsson");
  g_assert_cmpuint (f->changes.n_signals, ==, 1);
  g_assert_cmpuint (f->changes.removed, ==, 1);
  g_assert_cmpuint (f->changes.added, ==, 0);

  /* The same search again: nothing */
  reset (f);
  plc_contact_filter_set_search (f->filter, "mora");
  g_assert_cmpuint (f->changes.n_signals, ==, 0);

  /* A contact added to the store that matches: one signal, one row */
  reset (f);
  g_list_store_append (f->store, new_contact);
  assert_names (f->model, "Familjehemmet i Mora|Åsa Rektorsson|Mora BVC");
  g_assert_cmpuint (f->changes.n_signals, ==, 1);
  g_assert_cmpuint (f->changes.removed, ==, 0);
  g_assert_cmpuint (f->changes.added, ==, 1);

  /* Clearing the search brings the others back */
  reset (f);
  plc_contact_filter_set_search (f->filter, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 5);
  g_assert_cmpuint (f->changes.added - f->changes.removed, ==, 2);

  /* A role filter that keeps none, and back */
  reset (f);
  plc_contact_filter_set_role (f->filter, PLC_CONTACT_ROLE_PUBLIC_COUNSEL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 0);
  g_assert_cmpuint (f->changes.n_signals, ==, 1);
  g_assert_cmpuint (f->changes.removed, ==, 5);
  g_assert_cmpuint (f->changes.added, ==, 0);

  reset (f);
  plc_contact_filter_set_role (f->filter, PLC_CONTACT_FILTER_ANY_ROLE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 5);
  g_assert_cmpuint (f->changes.n_signals, ==, 1);
  g_assert_cmpuint (f->changes.removed, ==, 0);
  g_assert_cmpuint (f->changes.added, ==, 5);
}

static void
test_properties (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *search = NULL;
  int role = 0;
  guint notified = 0;

  g_signal_connect_swapped (f->filter, "notify", G_CALLBACK (g_atomic_int_inc), &notified);

  g_object_set (f->filter, "search", "bup", "role", PLC_CONTACT_ROLE_BUP, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_object_get (f->filter, "search", &search, "role", &role, NULL);
  g_assert_cmpstr (search, ==, "bup");
  g_assert_cmpint (role, ==, PLC_CONTACT_ROLE_BUP);

  /* No notification without a change */
  g_object_set (f->filter, "search", "bup", "role", PLC_CONTACT_ROLE_BUP, NULL);
  g_assert_cmpuint (notified, ==, 2);

  /* An empty search is no search */
  plc_contact_filter_set_search (f->filter, "");
  g_assert_null (plc_contact_filter_get_search (f->filter));
}

int
main (int   argc,
      char *argv[])
{
  /* Role names in English, whatever the environment's language */
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/contact-filter/search-fields", test_search_fields);
  ADD ("/contact-filter/search-child-names", test_search_child_names);
  ADD ("/contact-filter/role", test_role);
  ADD ("/contact-filter/items-changed", test_items_changed);
  ADD ("/contact-filter/properties", test_properties);

  return g_test_run ();
}
