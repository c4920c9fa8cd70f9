/* plc-case-filter.c: the caseload's children, searched, filtered and sorted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-case-filter"

#include "config.h"

#include <string.h>

#include "plc-case-filter.h"
#include "plc-municipality.h"

G_DEFINE_ENUM_TYPE (PlcCaseActivity, plc_case_activity,
  G_DEFINE_ENUM_VALUE (PLC_CASE_ACTIVITY_ALL, "all"),
  G_DEFINE_ENUM_VALUE (PLC_CASE_ACTIVITY_ACTIVE, "active"),
  G_DEFINE_ENUM_VALUE (PLC_CASE_ACTIVITY_ENDED, "ended"))

G_DEFINE_ENUM_TYPE (PlcCaseSort, plc_case_sort,
  G_DEFINE_ENUM_VALUE (PLC_CASE_SORT_NAME, "name"),
  G_DEFINE_ENUM_VALUE (PLC_CASE_SORT_NEXT_DUE, "next-due"),
  G_DEFINE_ENUM_VALUE (PLC_CASE_SORT_OVERDUE, "overdue"))

struct _PlcCaseFilter
{
  GObject          parent_instance;

  GListModel      *model;
  gulong           items_changed_id;

  GPtrArray       *items;          /* of PlcCase, owned: what is shown */
  GPtrArray       *sorted;         /* of PlcCase, owned: all of the model's, in
                                    * the chosen order; NULL until needed */
  GPtrArray       *sorted_keys;    /* of CaseKeys, those of @sorted (owned by
                                    * the cases): no qdata lookup per keystroke */

  char            *search;
  char           **search_words;   /* casefolded; NULL when no search */
  char            *caseworker;
  char            *caseworker_key; /* casefolded */
  PlcCaseActivity  activity;
  int              legal_basis;
  int              form;
  gboolean         overdue_only;
  char            *profile_id;
  PlcCaseSort      sort;
};

static void plc_case_filter_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlcCaseFilter, plc_case_filter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      plc_case_filter_list_model_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SEARCH,
  PROP_CASEWORKER,
  PROP_ACTIVITY,
  PROP_LEGAL_BASIS,
  PROP_FORM,
  PROP_OVERDUE_ONLY,
  PROP_PROFILE_ID,
  PROP_SORT,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/*
 * What a case is searched and sorted by, computed once per case and kept
 * on it: cases are immutable snapshots, so it never goes stale.
 */
typedef struct
{
  char *text;        /* casefolded, fields separated by '\n' */
  char *digits;      /* the personal identity number's digits only */
  char *caseworker;  /* casefolded */
} CaseKeys;

/* Made on first use: the caseload's worker may need it before any filter exists */
static GQuark
case_keys_quark (void)
{
  return g_quark_from_static_string ("plc-case-filter-keys");
}

static void
case_keys_free (gpointer data)
{
  CaseKeys *keys = data;

  g_free (keys->text);
  g_free (keys->digits);
  g_free (keys->caseworker);
  g_free (keys);
}

static char *
fold (const char *text)
{
  g_autofree char *normal = NULL;

  if (text == NULL)
    return g_strdup ("");

  normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if (normal == NULL)
    return g_strdup ("");

  return g_utf8_casefold (normal, -1);
}

static char *
digits_of (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);

  return g_string_free (digits, FALSE);
}

static void
append_municipality (GString    *text,
                     const char *code)
{
  const PlcMunicipality *municipality;

  if (code == NULL)
    return;

  g_string_append_c (text, '\n');
  g_string_append (text, code);

  municipality = plc_municipality_get (code);
  if (municipality != NULL)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, municipality->name);
    }
}

static const CaseKeys *
case_get_keys (PlcCase *item)
{
  CaseKeys *keys = g_object_get_qdata (G_OBJECT (item), case_keys_quark ());
  g_autoptr(GString) text = NULL;
  PlcChild *child;
  PlcPlacement *current;
  GPtrArray *placements;

  if (keys != NULL)
    return keys;

  child = plc_case_get_child (item);
  current = plc_case_get_current_placement (item);
  placements = plc_case_get_placements (item);

  text = g_string_new (plc_child_get_name (child));
  if (plc_child_get_personnummer (child) != NULL)
    g_string_append_printf (text, "\n%s", plc_child_get_personnummer (child));
  if (plc_child_get_temporary_ref (child) != NULL)
    g_string_append_printf (text, "\n%s", plc_child_get_temporary_ref (child));
  append_municipality (text, plc_child_get_home_municipality (child));
  append_municipality (text, plc_child_get_registration_municipality (child));

  /* Every placement's caseworker and municipalities: a child moved from
   * one caseworker to another is found under both. */
  for (guint i = 0; placements != NULL && i < placements->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (placements, i);

      if (plc_placement_get_caseworker (placement) != NULL)
        g_string_append_printf (text, "\n%s", plc_placement_get_caseworker (placement));
      append_municipality (text, plc_placement_get_placing_municipality (placement));
      append_municipality (text, plc_placement_get_placed_in_municipality (placement));
    }

  keys = g_new0 (CaseKeys, 1);
  keys->text = fold (text->str);
  keys->digits = digits_of (plc_child_get_personnummer (child));
  keys->caseworker = fold (current != NULL ? plc_placement_get_caseworker (current) : NULL);

  g_object_set_qdata_full (G_OBJECT (item), case_keys_quark (), keys, case_keys_free);

  return keys;
}

/**
 * plc_case_filter_prepare_case:
 * @item: a #PlcCase that no other thread uses yet
 *
 * Works out now what @item is searched by, which is otherwise done on the
 * first search that meets it.  The caseload calls it in its worker thread
 * for each new case, so that the first keystroke after a reload does not
 * pay for all of them (a tenth of a second for 10,000 children).
 */
void
plc_case_filter_prepare_case (PlcCase *item)
{
  g_return_if_fail (PLC_IS_CASE (item));

  case_get_keys (item);
}

/* A word of digits, dashes, plus signs and spaces is (part of) a personal
 * identity number: it matches its digits, with or without the dash. */
static gboolean
is_number_word (const char *word)
{
  gboolean digit = FALSE;

  for (const char *p = word; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (*p != '-' && *p != '+')
        return FALSE;
    }

  return digit;
}

static gboolean
keys_match_words (const CaseKeys     *keys,
                  const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];

      if (strstr (keys->text, word) != NULL)
        continue;

      if (is_number_word (word) && keys->digits[0] != '\0')
        {
          g_autofree char *digits = digits_of (word);

          if (strstr (keys->digits, digits) != NULL)
            continue;
        }

      return FALSE;
    }

  return TRUE;
}

static char **
split_search (const char *search)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) parts = NULL;
  GPtrArray *words;

  if (search == NULL)
    return NULL;

  folded = fold (search);
  g_strdelimit (folded, "\t\n\r", ' ');
  parts = g_strsplit (folded, " ", -1);
  words = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (words, g_strdup (parts[i]));

  if (words->len == 0)
    {
      g_ptr_array_free (words, TRUE);
      return NULL;
    }

  g_ptr_array_add (words, NULL);

  return (char **) g_ptr_array_free (words, FALSE);
}

/**
 * plc_case_filter_matches_search:
 * @item: a #PlcCase
 * @search: (nullable): what the user typed
 *
 * Whether @item matches @search: every word of it is found, ignoring case,
 * in the child's name, personal identity number (with or without the dash,
 * ten or twelve digits), temporary reference, caseworker, or a
 * municipality's name or code.
 *
 * Returns: %TRUE if it matches; an empty search matches every case
 */
gboolean
plc_case_filter_matches_search (PlcCase    *item,
                                const char *search)
{
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (PLC_IS_CASE (item), FALSE);

  words = split_search (search);
  if (words == NULL)
    return TRUE;

  return keys_match_words (case_get_keys (item), (const char * const *) words);
}

static gboolean
case_matches (PlcCaseFilter  *self,
              PlcCase        *item,
              const CaseKeys *keys)
{
  PlcPlacement *current = plc_case_get_current_placement (item);

  switch (self->activity)
    {
    case PLC_CASE_ACTIVITY_ACTIVE:
      if (!plc_case_get_active (item))
        return FALSE;
      break;

    case PLC_CASE_ACTIVITY_ENDED:
      if (plc_case_get_active (item))
        return FALSE;
      break;

    case PLC_CASE_ACTIVITY_ALL:
    default:
      break;
    }

  if (self->overdue_only && plc_case_get_n_overdue (item) == 0)
    return FALSE;

  if (self->legal_basis != PLC_CASE_FILTER_ANY
      && (current == NULL || (int) plc_placement_get_legal_basis (current) != self->legal_basis))
    return FALSE;

  if (self->form != PLC_CASE_FILTER_ANY
      && (current == NULL || (int) plc_placement_get_form (current) != self->form))
    return FALSE;

  if (self->profile_id != NULL
      && g_strcmp0 (plc_case_get_profile_id (item), self->profile_id) != 0)
    return FALSE;

  if (self->caseworker_key != NULL
      && strcmp (keys->caseworker, self->caseworker_key) != 0)
    return FALSE;

  if (self->search_words != NULL
      && !keys_match_words (keys, (const char * const *) self->search_words))
    return FALSE;

  return TRUE;
}

static int
compare_names (PlcCase *a,
               PlcCase *b)
{
  int ret = strcmp (plc_case_get_sort_key (a), plc_case_get_sort_key (b));

  if (ret != 0)
    return ret;

  /* The same name: a stable order all the same */
  return (plc_child_get_id (plc_case_get_child (a)) > plc_child_get_id (plc_case_get_child (b)))
       - (plc_child_get_id (plc_case_get_child (a)) < plc_child_get_id (plc_case_get_child (b)));
}

static int
compare_next_due (PlcCase *a,
                  PlcCase *b)
{
  PlcDate da = plc_case_get_next_due (a);
  PlcDate db = plc_case_get_next_due (b);

  if (da != db)
    {
      if (da == PLC_DATE_NONE)
        return 1;
      if (db == PLC_DATE_NONE)
        return -1;
      return da < db ? -1 : 1;
    }

  return 0;
}

static int
compare_cases (gconstpointer pa,
               gconstpointer pb,
               gpointer      user_data)
{
  PlcCaseFilter *self = user_data;
  PlcCase *a = *(PlcCase **) pa;
  PlcCase *b = *(PlcCase **) pb;
  int ret = 0;

  switch (self->sort)
    {
    case PLC_CASE_SORT_OVERDUE:
      {
        guint na = plc_case_get_n_overdue (a);
        guint nb = plc_case_get_n_overdue (b);

        if (na != nb)
          return na > nb ? -1 : 1;
        ret = compare_next_due (a, b);
      }
      break;

    case PLC_CASE_SORT_NEXT_DUE:
      ret = compare_next_due (a, b);
      break;

    case PLC_CASE_SORT_NAME:
    default:
      break;
    }

  if (ret != 0)
    return ret;

  return compare_names (a, b);
}

/* The model or the order changed: sort again on the next refilter */
static void
forget_order (PlcCaseFilter *self)
{
  g_clear_pointer (&self->sorted_keys, g_ptr_array_unref);
  g_clear_pointer (&self->sorted, g_ptr_array_unref);
}

/* Computes what is shown, and says what changed: one items-changed over
 * the span between the unchanged beginning and the unchanged end. */
static void
refilter (PlcCaseFilter *self)
{
  g_autoptr(GPtrArray) old = self->items;
  guint prefix = 0;
  guint suffix = 0;

  /* The model's items are sorted once, when the model or the order
   * changes; a keystroke only picks from them.  The order is total (the
   * child's id breaks ties), so this is the order of sorting what
   * matches.  Sorting on every keystroke took most of its time. */
  if (self->sorted == NULL)
    {
      guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

      self->sorted = g_ptr_array_new_full (n, g_object_unref);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (self->sorted, g_list_model_get_item (self->model, i));
      g_ptr_array_sort_with_data (self->sorted, compare_cases, self);

      self->sorted_keys = g_ptr_array_sized_new (n);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (self->sorted_keys, (gpointer) case_get_keys (g_ptr_array_index (self->sorted, i)));
    }

  self->items = g_ptr_array_new_full (self->sorted->len, g_object_unref);

  for (guint i = 0; i < self->sorted->len; i++)
    {
      PlcCase *item = g_ptr_array_index (self->sorted, i);

      if (case_matches (self, item, g_ptr_array_index (self->sorted_keys, i)))
        g_ptr_array_add (self->items, g_object_ref (item));
    }

  while (prefix < old->len && prefix < self->items->len
         && g_ptr_array_index (old, prefix) == g_ptr_array_index (self->items, prefix))
    prefix++;

  while (suffix < old->len - prefix && suffix < self->items->len - prefix
         && g_ptr_array_index (old, old->len - 1 - suffix)
            == g_ptr_array_index (self->items, self->items->len - 1 - suffix))
    suffix++;

  if (prefix == old->len && prefix == self->items->len)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              old->len - prefix - suffix,
                              self->items->len - prefix - suffix);

  if (old->len != self->items->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}

static void
model_items_changed_cb (GListModel    *model,
                        guint          position,
                        guint          removed,
                        guint          added,
                        PlcCaseFilter *self)
{
  forget_order (self);
  refilter (self);
}

static GType
plc_case_filter_get_item_type (GListModel *model)
{
  return PLC_TYPE_CASE;
}

static guint
plc_case_filter_get_n_items (GListModel *model)
{
  return PLC_CASE_FILTER (model)->items->len;
}

static gpointer
plc_case_filter_get_item (GListModel *model,
                          guint       position)
{
  PlcCaseFilter *self = PLC_CASE_FILTER (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
plc_case_filter_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = plc_case_filter_get_item_type;
  iface->get_n_items = plc_case_filter_get_n_items;
  iface->get_item = plc_case_filter_get_item;
}

static void
plc_case_filter_dispose (GObject *object)
{
  PlcCaseFilter *self = (PlcCaseFilter *)object;

  if (self->model != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->model);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (plc_case_filter_parent_class)->dispose (object);
}

static void
plc_case_filter_finalize (GObject *object)
{
  PlcCaseFilter *self = (PlcCaseFilter *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  forget_order (self);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->search_words, g_strfreev);
  g_clear_pointer (&self->caseworker, g_free);
  g_clear_pointer (&self->caseworker_key, g_free);
  g_clear_pointer (&self->profile_id, g_free);

  G_OBJECT_CLASS (plc_case_filter_parent_class)->finalize (object);
}

static void
plc_case_filter_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PlcCaseFilter *self = PLC_CASE_FILTER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case PROP_CASEWORKER:
      g_value_set_string (value, self->caseworker);
      break;

    case PROP_ACTIVITY:
      g_value_set_enum (value, self->activity);
      break;

    case PROP_LEGAL_BASIS:
      g_value_set_int (value, self->legal_basis);
      break;

    case PROP_FORM:
      g_value_set_int (value, self->form);
      break;

    case PROP_OVERDUE_ONLY:
      g_value_set_boolean (value, self->overdue_only);
      break;

    case PROP_PROFILE_ID:
      g_value_set_string (value, self->profile_id);
      break;

    case PROP_SORT:
      g_value_set_enum (value, self->sort);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_case_filter_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PlcCaseFilter *self = PLC_CASE_FILTER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      plc_case_filter_set_model (self, g_value_get_object (value));
      break;

    case PROP_SEARCH:
      plc_case_filter_set_search (self, g_value_get_string (value));
      break;

    case PROP_CASEWORKER:
      plc_case_filter_set_caseworker (self, g_value_get_string (value));
      break;

    case PROP_ACTIVITY:
      plc_case_filter_set_activity (self, g_value_get_enum (value));
      break;

    case PROP_LEGAL_BASIS:
      plc_case_filter_set_legal_basis (self, g_value_get_int (value));
      break;

    case PROP_FORM:
      plc_case_filter_set_form (self, g_value_get_int (value));
      break;

    case PROP_OVERDUE_ONLY:
      plc_case_filter_set_overdue_only (self, g_value_get_boolean (value));
      break;

    case PROP_PROFILE_ID:
      plc_case_filter_set_profile_id (self, g_value_get_string (value));
      break;

    case PROP_SORT:
      plc_case_filter_set_sort (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_case_filter_class_init (PlcCaseFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = plc_case_filter_dispose;
  object_class->finalize = plc_case_filter_finalize;
  object_class->get_property = plc_case_filter_get_property;
  object_class->set_property = plc_case_filter_set_property;

  properties [PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties [PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL, flags);
  properties [PROP_CASEWORKER] =
    g_param_spec_string ("caseworker", NULL, NULL, NULL, flags);
  properties [PROP_ACTIVITY] =
    g_param_spec_enum ("activity", NULL, NULL,
                       PLC_TYPE_CASE_ACTIVITY, PLC_CASE_ACTIVITY_ALL, flags);
  properties [PROP_LEGAL_BASIS] =
    g_param_spec_int ("legal-basis", NULL, NULL,
                      PLC_CASE_FILTER_ANY, G_MAXINT, PLC_CASE_FILTER_ANY, flags);
  properties [PROP_FORM] =
    g_param_spec_int ("form", NULL, NULL,
                      PLC_CASE_FILTER_ANY, G_MAXINT, PLC_CASE_FILTER_ANY, flags);
  properties [PROP_OVERDUE_ONLY] =
    g_param_spec_boolean ("overdue-only", NULL, NULL, FALSE, flags);
  properties [PROP_PROFILE_ID] =
    g_param_spec_string ("profile-id", NULL, NULL, NULL, flags);
  properties [PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL,
                       PLC_TYPE_CASE_SORT, PLC_CASE_SORT_NAME, flags);
  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plc_case_filter_init (PlcCaseFilter *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->legal_basis = PLC_CASE_FILTER_ANY;
  self->form = PLC_CASE_FILTER_ANY;
}

/**
 * plc_case_filter_new:
 * @model: (nullable): a #GListModel of #PlcCase
 *
 * Returns: (transfer full): a new #PlcCaseFilter showing all of @model by name
 */
PlcCaseFilter *
plc_case_filter_new (GListModel *model)
{
  g_return_val_if_fail (model == NULL || G_IS_LIST_MODEL (model), NULL);

  return g_object_new (PLC_TYPE_CASE_FILTER, "model", model, NULL);
}

GListModel *
plc_case_filter_get_model (PlcCaseFilter *self)
{
  g_return_val_if_fail (PLC_IS_CASE_FILTER (self), NULL);

  return self->model;
}

void
plc_case_filter_set_model (PlcCaseFilter *self,
                           GListModel    *model)
{
  g_return_if_fail (PLC_IS_CASE_FILTER (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->model);
  g_set_object (&self->model, model);
  if (model != NULL)
    self->items_changed_id = g_signal_connect (model, "items-changed",
                                               G_CALLBACK (model_items_changed_cb), self);

  forget_order (self);
  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODEL]);
}

const char *
plc_case_filter_get_search (PlcCaseFilter *self)
{
  g_return_val_if_fail (PLC_IS_CASE_FILTER (self), NULL);

  return self->search;
}

/**
 * plc_case_filter_set_search:
 * @self: a #PlcCaseFilter
 * @search: (nullable): what the user typed
 *
 * Shows only the cases that plc_case_filter_matches_search() finds.
 */
void
plc_case_filter_set_search (PlcCaseFilter *self,
                            const char    *search)
{
  g_auto(GStrv) words = NULL;
  gboolean same_words;

  g_return_if_fail (PLC_IS_CASE_FILTER (self));

  if (search != NULL && *search == '\0')
    search = NULL;

  if (g_strcmp0 (self->search, search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);

  /* "Anna " searches for the same as "Anna": no need to refilter */
  words = split_search (search);
  same_words = (words == NULL && self->search_words == NULL)
               || (words != NULL && self->search_words != NULL
                   && g_strv_equal ((const char * const *) words,
                                    (const char * const *) self->search_words));
  g_strfreev (self->search_words);
  self->search_words = g_steal_pointer (&words);

  if (!same_words)
    refilter (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCH]);
}

const char *
plc_case_filter_get_caseworker (PlcCaseFilter *self)
{
  g_return_val_if_fail (PLC_IS_CASE_FILTER (self), NULL);

  return self->caseworker;
}

/**
 * plc_case_filter_set_caseworker:
 * @self: a #PlcCaseFilter
 * @caseworker: (nullable): a caseworker's name, or %NULL for all
 *
 * Shows only the children whose current placement has @caseworker
 * (ignoring case): "my caseload".
 */
void
plc_case_filter_set_caseworker (PlcCaseFilter *self,
                                const char    *caseworker)
{
  g_return_if_fail (PLC_IS_CASE_FILTER (self));

  if (caseworker != NULL && *caseworker == '\0')
    caseworker = NULL;

  if (g_strcmp0 (self->caseworker, caseworker) == 0)
    return;

  g_free (self->caseworker);
  self->caseworker = g_strdup (caseworker);
  g_free (self->caseworker_key);
  self->caseworker_key = caseworker != NULL ? fold (caseworker) : NULL;

  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CASEWORKER]);
}

PlcCaseActivity
plc_case_filter_get_activity (PlcCaseFilter *self)
{
  g_return_val_if_fail (PLC_IS_CASE_FILTER (self), PLC_CASE_ACTIVITY_ALL);

  return self->activity;
}

void
plc_case_filter_set_activity (PlcCaseFilter   *self,
                              PlcCaseActivity  activity)
{
  g_return_if_fail (PLC_IS_CASE_FILTER (self));
  g_return_if_fail (activity <= PLC_CASE_ACTIVITY_ENDED);

  if (self->activity == activity)
    return;

  self->activity = activity;

  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACTIVITY]);
}

int
plc_case_filter_get_legal_basis (PlcCaseFilter *self)
{
  g_return_val_if_fail (PLC_IS_CASE_FILTER (self), PLC_CASE_FILTER_ANY);

  return self->legal_basis;
}

/**
 * plc_case_filter_set_legal_basis:
 * @self: a #PlcCaseFilter
 * @legal_basis: a #PlcLegalBasis, or %PLC_CASE_FILTER_ANY
 *
 * Shows only the children whose current placement has @legal_basis.
 */
void
plc_case_filter_set_legal_basis (PlcCaseFilter *self,
                                 int            legal_basis)
{
  g_return_if_fail (PLC_IS_CASE_FILTER (self));
  g_return_if_fail (legal_basis >= PLC_CASE_FILTER_ANY);

  if (self->legal_basis == legal_basis)
    return;

  self->legal_basis = legal_basis;

  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LEGAL_BASIS]);
}

int
plc_case_filter_get_form (PlcCaseFilter *self)
{
  g_return_val_if_fail (PLC_IS_CASE_FILTER (self), PLC_CASE_FILTER_ANY);

  return self->form;
}

/**
 * plc_case_filter_set_form:
 * @self: a #PlcCaseFilter
 * @form: a #PlcPlacementForm, or %PLC_CASE_FILTER_ANY
 *
 * Shows only the children whose current placement has @form.
 */
void
plc_case_filter_set_form (PlcCaseFilter *self,
                          int            form)
{
  g_return_if_fail (PLC_IS_CASE_FILTER (self));
  g_return_if_fail (form >= PLC_CASE_FILTER_ANY);

  if (self->form == form)
    return;

  self->form = form;

  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FORM]);
}

gboolean
plc_case_filter_get_overdue_only (PlcCaseFilter *self)
{
  g_return_val_if_fail (PLC_IS_CASE_FILTER (self), FALSE);

  return self->overdue_only;
}

void
plc_case_filter_set_overdue_only (PlcCaseFilter *self,
                                  gboolean       overdue_only)
{
  g_return_if_fail (PLC_IS_CASE_FILTER (self));

  overdue_only = !!overdue_only;
  if (self->overdue_only == overdue_only)
    return;

  self->overdue_only = overdue_only;

  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OVERDUE_ONLY]);
}

const char *
plc_case_filter_get_profile_id (PlcCaseFilter *self)
{
  g_return_val_if_fail (PLC_IS_CASE_FILTER (self), NULL);

  return self->profile_id;
}

/**
 * plc_case_filter_set_profile_id:
 * @self: a #PlcCaseFilter
 * @profile_id: (nullable): an agreement profile's id, or %NULL for all
 *
 * Shows only the children whose current placement falls under the
 * agreement @profile_id ("national" for the national baseline).
 */
void
plc_case_filter_set_profile_id (PlcCaseFilter *self,
                                const char    *profile_id)
{
  g_return_if_fail (PLC_IS_CASE_FILTER (self));

  if (profile_id != NULL && *profile_id == '\0')
    profile_id = NULL;

  if (g_strcmp0 (self->profile_id, profile_id) == 0)
    return;

  g_free (self->profile_id);
  self->profile_id = g_strdup (profile_id);

  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROFILE_ID]);
}

PlcCaseSort
plc_case_filter_get_sort (PlcCaseFilter *self)
{
  g_return_val_if_fail (PLC_IS_CASE_FILTER (self), PLC_CASE_SORT_NAME);

  return self->sort;
}

void
plc_case_filter_set_sort (PlcCaseFilter *self,
                          PlcCaseSort    sort)
{
  g_return_if_fail (PLC_IS_CASE_FILTER (self));
  g_return_if_fail (sort <= PLC_CASE_SORT_OVERDUE);

  if (self->sort == sort)
    return;

  self->sort = sort;

  forget_order (self);
  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SORT]);
}

/**
 * plc_case_filter_get_filtering:
 * @self: a #PlcCaseFilter
 *
 * Returns: %TRUE if a search or a filter may leave cases out
 */
gboolean
plc_case_filter_get_filtering (PlcCaseFilter *self)
{
  g_return_val_if_fail (PLC_IS_CASE_FILTER (self), FALSE);

  return self->search_words != NULL
      || self->caseworker != NULL
      || self->activity != PLC_CASE_ACTIVITY_ALL
      || self->legal_basis != PLC_CASE_FILTER_ANY
      || self->form != PLC_CASE_FILTER_ANY
      || self->overdue_only
      || self->profile_id != NULL;
}

/**
 * plc_case_filter_clear:
 * @self: a #PlcCaseFilter
 *
 * Clears the search and every filter (not the order), with one
 * items-changed at most.
 */
void
plc_case_filter_clear (PlcCaseFilter *self)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();

  g_return_if_fail (PLC_IS_CASE_FILTER (self));

  if (self->search != NULL)
    g_ptr_array_add (changed, properties [PROP_SEARCH]);
  if (self->caseworker != NULL)
    g_ptr_array_add (changed, properties [PROP_CASEWORKER]);
  if (self->activity != PLC_CASE_ACTIVITY_ALL)
    g_ptr_array_add (changed, properties [PROP_ACTIVITY]);
  if (self->legal_basis != PLC_CASE_FILTER_ANY)
    g_ptr_array_add (changed, properties [PROP_LEGAL_BASIS]);
  if (self->form != PLC_CASE_FILTER_ANY)
    g_ptr_array_add (changed, properties [PROP_FORM]);
  if (self->overdue_only)
    g_ptr_array_add (changed, properties [PROP_OVERDUE_ONLY]);
  if (self->profile_id != NULL)
    g_ptr_array_add (changed, properties [PROP_PROFILE_ID]);

  if (changed->len == 0)
    return;

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->search_words, g_strfreev);
  g_clear_pointer (&self->caseworker, g_free);
  g_clear_pointer (&self->caseworker_key, g_free);
  g_clear_pointer (&self->profile_id, g_free);
  self->activity = PLC_CASE_ACTIVITY_ALL;
  self->legal_basis = PLC_CASE_FILTER_ANY;
  self->form = PLC_CASE_FILTER_ANY;
  self->overdue_only = FALSE;

  refilter (self);

  for (guint i = 0; i < changed->len; i++)
    g_object_notify_by_pspec (G_OBJECT (self), g_ptr_array_index (changed, i));
}
