/* plc-contact-filter.c: which contacts the directory shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-contact-filter"

#include "config.h"

#include <string.h>

#include "plc-contact-filter.h"

/*
 * PlcContactFilter: search as you type over a contact's name,
 * organisation, phone number (also without its spaces and dashes), email
 * address, the display names of its roles in the current language and the
 * names of the children it is linked to; every word of the search must be
 * found.  Optionally only the contacts with a given role.
 */
struct _PlcContactFilter
{
  GtkFilter    parent_instance;

  char        *search;        /* as set */
  char       **words;         /* normalised and casefolded; NULL when empty */
  int          role;
  GHashTable  *child_names;   /* gint64 child id → name; nullable */
};

G_DEFINE_FINAL_TYPE (PlcContactFilter, plc_contact_filter, GTK_TYPE_FILTER)

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normalized != NULL ? normalized : "", -1);
}

static void
append_folded (GString    *haystack,
               const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL || text[0] == '\0')
    return;

  folded = fold (text);
  g_string_append (haystack, folded);
  g_string_append_c (haystack, '\n');
}

static char *
make_haystack (PlcContactFilter *self,
               PlcContact       *contact)
{
  GString *haystack = g_string_new (NULL);
  const char *phone = plc_contact_get_phone (contact);
  GPtrArray *links = plc_contact_get_links (contact);

  append_folded (haystack, plc_contact_get_name (contact));
  append_folded (haystack, plc_contact_get_organisation (contact));
  append_folded (haystack, phone);
  append_folded (haystack, plc_contact_get_email (contact));

  if (phone != NULL)
    {
      /* "0250100" finds "0250-100 00" */
      for (const char *p = phone; *p != '\0'; p++)
        if (g_ascii_isdigit (*p) || *p == '+')
          g_string_append_c (haystack, *p);
      g_string_append_c (haystack, '\n');
    }

  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      PlcContactLink *link = g_ptr_array_index (links, i);

      append_folded (haystack, plc_contact_role_get_display_name (link->role));
      if (self->child_names != NULL)
        append_folded (haystack, g_hash_table_lookup (self->child_names, &link->child_id));
    }

  return g_string_free (haystack, FALSE);
}

static gboolean
has_role (PlcContact *contact,
          int         role)
{
  GPtrArray *links = plc_contact_get_links (contact);

  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      PlcContactLink *link = g_ptr_array_index (links, i);

      if ((int)link->role == role)
        return TRUE;
    }

  return FALSE;
}

/**
 * plc_contact_filter_match_contact:
 * @self: a #PlcContactFilter
 * @contact: a #PlcContact
 *
 * Returns: whether the directory shows @contact
 */
gboolean
plc_contact_filter_match_contact (PlcContactFilter *self,
                                  PlcContact       *contact)
{
  g_autofree char *haystack = NULL;

  g_return_val_if_fail (PLC_IS_CONTACT_FILTER (self), FALSE);
  g_return_val_if_fail (PLC_IS_CONTACT (contact), FALSE);

  if (self->role != PLC_CONTACT_FILTER_ANY_ROLE && !has_role (contact, self->role))
    return FALSE;

  if (self->words == NULL)
    return TRUE;

  haystack = make_haystack (self, contact);
  for (guint i = 0; self->words[i] != NULL; i++)
    if (strstr (haystack, self->words[i]) == NULL)
      return FALSE;

  return TRUE;
}

static gboolean
plc_contact_filter_match (GtkFilter *filter,
                          gpointer   item)
{
  if (!PLC_IS_CONTACT (item))
    return FALSE;

  return plc_contact_filter_match_contact (PLC_CONTACT_FILTER (filter), item);
}

static GtkFilterMatch
plc_contact_filter_get_strictness (GtkFilter *filter)
{
  PlcContactFilter *self = PLC_CONTACT_FILTER (filter);

  if (self->words == NULL && self->role == PLC_CONTACT_FILTER_ANY_ROLE)
    return GTK_FILTER_MATCH_ALL;

  return GTK_FILTER_MATCH_SOME;
}

static void
plc_contact_filter_finalize (GObject *object)
{
  PlcContactFilter *self = (PlcContactFilter *)object;

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->words, g_strfreev);
  g_clear_pointer (&self->child_names, g_hash_table_unref);

  G_OBJECT_CLASS (plc_contact_filter_parent_class)->finalize (object);
}

static void
plc_contact_filter_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PlcContactFilter *self = PLC_CONTACT_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case PROP_ROLE:
      g_value_set_int (value, self->role);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_contact_filter_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PlcContactFilter *self = PLC_CONTACT_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      plc_contact_filter_set_search (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      plc_contact_filter_set_role (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_contact_filter_class_init (PlcContactFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = plc_contact_filter_finalize;
  object_class->get_property = plc_contact_filter_get_property;
  object_class->set_property = plc_contact_filter_set_property;

  filter_class->match = plc_contact_filter_match;
  filter_class->get_strictness = plc_contact_filter_get_strictness;

  properties [PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ROLE] =
    g_param_spec_int ("role", NULL, NULL,
                      PLC_CONTACT_FILTER_ANY_ROLE, PLC_CONTACT_ROLE_OTHER,
                      PLC_CONTACT_FILTER_ANY_ROLE,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plc_contact_filter_init (PlcContactFilter *self)
{
  self->role = PLC_CONTACT_FILTER_ANY_ROLE;
}

PlcContactFilter *
plc_contact_filter_new (void)
{
  return g_object_new (PLC_TYPE_CONTACT_FILTER, NULL);
}

const char *
plc_contact_filter_get_search (PlcContactFilter *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT_FILTER (self), NULL);

  return self->search;
}

/**
 * plc_contact_filter_set_search:
 * @self: a #PlcContactFilter
 * @search: (nullable): what the user typed
 *
 * Typing more only ever hides contacts, so the filter then tells its
 * models that it became stricter and they test only what they show.
 */
void
plc_contact_filter_set_search (PlcContactFilter *self,
                               const char       *search)
{
  g_autofree char *folded = NULL;
  const char *old;
  GtkFilterChange change;

  g_return_if_fail (PLC_IS_CONTACT_FILTER (self));

  if (search != NULL && search[0] == '\0')
    search = NULL;

  if (g_strcmp0 (self->search, search) == 0)
    return;

  old = self->search != NULL ? self->search : "";
  if (search != NULL && g_str_has_prefix (search, old))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (g_str_has_prefix (old, search != NULL ? search : ""))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (self->search);
  self->search = g_strdup (search);

  g_clear_pointer (&self->words, g_strfreev);
  if (search != NULL)
    {
      folded = fold (search);
      self->words = g_strsplit_set (g_strstrip (folded), " \t\n", -1);
      /* Drop the empty words that runs of spaces leave */
      {
        guint j = 0;

        for (guint i = 0; self->words[i] != NULL; i++)
          {
            if (self->words[i][0] != '\0')
              self->words[j++] = self->words[i];
            else
              g_free (self->words[i]);
          }
        self->words[j] = NULL;
        if (j == 0)
          g_clear_pointer (&self->words, g_strfreev);
      }
    }

  gtk_filter_changed (GTK_FILTER (self), change);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCH]);
}

int
plc_contact_filter_get_role (PlcContactFilter *self)
{
  g_return_val_if_fail (PLC_IS_CONTACT_FILTER (self), PLC_CONTACT_FILTER_ANY_ROLE);

  return self->role;
}

/**
 * plc_contact_filter_set_role:
 * @self: a #PlcContactFilter
 * @role: a #PlcContactRole, or %PLC_CONTACT_FILTER_ANY_ROLE
 */
void
plc_contact_filter_set_role (PlcContactFilter *self,
                             int               role)
{
  GtkFilterChange change;

  g_return_if_fail (PLC_IS_CONTACT_FILTER (self));
  g_return_if_fail (role >= PLC_CONTACT_FILTER_ANY_ROLE && role <= PLC_CONTACT_ROLE_OTHER);

  if (self->role == role)
    return;

  if (self->role == PLC_CONTACT_FILTER_ANY_ROLE)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (role == PLC_CONTACT_FILTER_ANY_ROLE)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  self->role = role;

  gtk_filter_changed (GTK_FILTER (self), change);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ROLE]);
}

/**
 * plc_contact_filter_set_child_names:
 * @self: a #PlcContactFilter
 * @child_names: (nullable) (transfer none): child ids (gint64 *) to names
 *
 * Lets a search for a child's name find the contacts linked to the child.
 */
void
plc_contact_filter_set_child_names (PlcContactFilter *self,
                                    GHashTable       *child_names)
{
  g_return_if_fail (PLC_IS_CONTACT_FILTER (self));

  if (self->child_names == child_names)
    return;

  g_clear_pointer (&self->child_names, g_hash_table_unref);
  if (child_names != NULL)
    self->child_names = g_hash_table_ref (child_names);

  if (self->words != NULL)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}
