/* plc-follow-up.c: the yearly follow-up's figures, without personal data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The definitions of every figure are in FOLLOW-UP.md, next to this file;
 * the translated definition each table carries says the same in short.
 * The drawing and the PDF are in plc-follow-up-pdf.c.
 */

#define G_LOG_DOMAIN "plc-follow-up"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "plc-follow-up.h"
#include "plc-municipality.h"
#include "plc-profile.h"

#define RULE_HEALTH_EXAM   "health-exam"
#define RULE_SIP_MEETING   "sip-meeting"
#define RULE_SIP_FOLLOW_UP "sip-follow-up"

/* The highest escalation step with a row of its own; higher ones count in it */
#define TOP_ESCALATION_STEP 4

/* {{{ Cells */

/**
 * plc_follow_up_cell_is_suppressed:
 * @cell: a cell
 *
 * Whether an export must show the cell as "<5": a count from 1 to 4, or a
 * share whose numerator, denominator or their difference is from 1 to 4
 * (the difference would tell the small group just as well).
 *
 * Returns: %TRUE if the cell identifies a group smaller than
 *   %PLC_FOLLOW_UP_SMALLEST_GROUP
 */
gboolean
plc_follow_up_cell_is_suppressed (const PlcFollowUpCell *cell)
{
#define SMALL(n) ((n) >= 1 && (n) < PLC_FOLLOW_UP_SMALLEST_GROUP)
  g_return_val_if_fail (cell != NULL, TRUE);

  switch (cell->kind)
    {
    case PLC_FOLLOW_UP_CELL_COUNT:
      return SMALL (cell->value);

    case PLC_FOLLOW_UP_CELL_SHARE:
      return SMALL (cell->value) || SMALL (cell->denominator) ||
             (cell->denominator >= cell->value && SMALL (cell->denominator - cell->value));

    case PLC_FOLLOW_UP_CELL_EMPTY:
    default:
      return FALSE;
    }
#undef SMALL
}

/* A share in tenths of a per cent, rounded half up: 2 of 3 is 667 */
static guint64
cell_tenths (const PlcFollowUpCell *cell)
{
  if (cell->denominator == 0)
    return 0;

  return ((guint64) cell->value * 1000 + cell->denominator / 2) / cell->denominator;
}

/* A share as "66.7" with @decimal as the decimal separator */
static char *
format_percent (const PlcFollowUpCell *cell,
                char                   decimal)
{
  guint64 tenths = cell_tenths (cell);

  return g_strdup_printf ("%" G_GUINT64_FORMAT "%c%u", tenths / 10, decimal, (guint) (tenths % 10));
}

/**
 * plc_follow_up_cell_to_string:
 * @cell: a cell
 * @suppress: whether to show a small group as "<5" (exports always do)
 *
 * The cell as it is shown: a count as a number ("12"), a share in per
 * cent with one decimal and the locale's decimal separator ("66,7 %" in
 * Swedish), a suppressed cell as "<5" and an empty one as "".
 *
 * Returns: (transfer full): the text
 */
char *
plc_follow_up_cell_to_string (const PlcFollowUpCell *cell,
                              gboolean               suppress)
{
  g_return_val_if_fail (cell != NULL, NULL);

  if (cell->kind == PLC_FOLLOW_UP_CELL_EMPTY)
    return g_strdup ("");

  if (suppress && plc_follow_up_cell_is_suppressed (cell))
    return g_strdup_printf ("<%d", PLC_FOLLOW_UP_SMALLEST_GROUP);

  if (cell->kind == PLC_FOLLOW_UP_CELL_COUNT)
    return g_strdup_printf ("%u", cell->value);

  /* Translators: a share in per cent, such as “66.7 %”; %.1f is the number */
  return g_strdup_printf (_("%.1f %%"), cell_tenths (cell) / 10.0);
}

/* }}} */
/* {{{ Tables */

struct _PlcFollowUpTable
{
  gatomicrefcount  ref_count;

  char            *id;
  char            *title;
  char            *definition;
  GPtrArray       *column_ids;     /* of char * */
  GPtrArray       *column_titles;  /* of char * */
  GPtrArray       *row_ids;        /* of char * */
  GPtrArray       *row_titles;     /* of char * */
  GArray          *cells;          /* of PlcFollowUpCell, row by row */
};

G_DEFINE_BOXED_TYPE (PlcFollowUpTable, plc_follow_up_table,
                     plc_follow_up_table_ref, plc_follow_up_table_unref)

static PlcFollowUpTable *
table_new (const char *id,
           const char *title,
           char       *definition)
{
  PlcFollowUpTable *self = g_new0 (PlcFollowUpTable, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->definition = definition;
  self->column_ids = g_ptr_array_new_with_free_func (g_free);
  self->column_titles = g_ptr_array_new_with_free_func (g_free);
  self->row_ids = g_ptr_array_new_with_free_func (g_free);
  self->row_titles = g_ptr_array_new_with_free_func (g_free);
  self->cells = g_array_new (FALSE, TRUE, sizeof (PlcFollowUpCell));

  return self;
}

PlcFollowUpTable *
plc_follow_up_table_ref (PlcFollowUpTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
plc_follow_up_table_unref (PlcFollowUpTable *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->id);
  g_free (self->title);
  g_free (self->definition);
  g_ptr_array_unref (self->column_ids);
  g_ptr_array_unref (self->column_titles);
  g_ptr_array_unref (self->row_ids);
  g_ptr_array_unref (self->row_titles);
  g_array_unref (self->cells);
  g_free (self);
}

/* Columns come first, then rows: a row is made with a cell per column */
static guint
table_add_column (PlcFollowUpTable *self,
                  const char       *id,
                  const char       *title)
{
  g_assert (self->row_ids->len == 0);

  g_ptr_array_add (self->column_ids, g_strdup (id));
  g_ptr_array_add (self->column_titles, g_strdup (title));

  return self->column_ids->len - 1;
}

/* Adds a row of counts of 0 */
static guint
table_add_row (PlcFollowUpTable *self,
               const char       *id,
               const char       *title)
{
  g_ptr_array_add (self->row_ids, g_strdup (id));
  g_ptr_array_add (self->row_titles, g_strdup (title));

  for (guint i = 0; i < self->column_ids->len; i++)
    {
      PlcFollowUpCell cell = { PLC_FOLLOW_UP_CELL_COUNT, 0, 0 };

      g_array_append_val (self->cells, cell);
    }

  return self->row_ids->len - 1;
}

static PlcFollowUpCell *
table_cell (PlcFollowUpTable *self,
            guint             row,
            guint             column)
{
  g_assert (row < self->row_ids->len && column < self->column_ids->len);

  return &g_array_index (self->cells, PlcFollowUpCell, row * self->column_ids->len + column);
}

static void
table_count (PlcFollowUpTable *self,
             guint             row,
             guint             column)
{
  table_cell (self, row, column)->value++;
}

/* Makes a cell the share @numerator of @denominator; of nobody, empty */
static void
table_set_share (PlcFollowUpTable *self,
                 guint             row,
                 guint             column,
                 guint             numerator,
                 guint             denominator)
{
  PlcFollowUpCell *cell = table_cell (self, row, column);

  cell->kind = denominator > 0 ? PLC_FOLLOW_UP_CELL_SHARE : PLC_FOLLOW_UP_CELL_EMPTY;
  cell->value = denominator > 0 ? numerator : 0;
  cell->denominator = denominator;
}

static guint
table_get_count (PlcFollowUpTable *self,
                 guint             row,
                 guint             column)
{
  return table_cell (self, row, column)->value;
}

const char *
plc_follow_up_table_get_id (PlcFollowUpTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->id;
}

const char *
plc_follow_up_table_get_title (PlcFollowUpTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

const char *
plc_follow_up_table_get_definition (PlcFollowUpTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->definition;
}

guint
plc_follow_up_table_get_n_columns (PlcFollowUpTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->column_ids->len;
}

const char *
plc_follow_up_table_get_column_id (PlcFollowUpTable *self,
                                   guint             column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->column_ids->len, NULL);

  return g_ptr_array_index (self->column_ids, column);
}

const char *
plc_follow_up_table_get_column_title (PlcFollowUpTable *self,
                                      guint             column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->column_titles->len, NULL);

  return g_ptr_array_index (self->column_titles, column);
}

guint
plc_follow_up_table_get_n_rows (PlcFollowUpTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->row_ids->len;
}

const char *
plc_follow_up_table_get_row_id (PlcFollowUpTable *self,
                                guint             row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->row_ids->len, NULL);

  return g_ptr_array_index (self->row_ids, row);
}

const char *
plc_follow_up_table_get_row_title (PlcFollowUpTable *self,
                                   guint             row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->row_titles->len, NULL);

  return g_ptr_array_index (self->row_titles, row);
}

const PlcFollowUpCell *
plc_follow_up_table_get_cell (PlcFollowUpTable *self,
                              guint             row,
                              guint             column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->row_ids->len, NULL);
  g_return_val_if_fail (column < self->column_ids->len, NULL);

  return table_cell (self, row, column);
}

/* }}} */
/* {{{ The follow-up */

struct _PlcFollowUp
{
  GObject    parent_instance;

  int        year;
  char      *municipality;   /* a code when it names a municipality */
  char      *caseworker;
  PlcDate    today;
  GStrv      agreements;
  GPtrArray *tables;         /* of PlcFollowUpTable */
};

G_DEFINE_FINAL_TYPE (PlcFollowUp, plc_follow_up, G_TYPE_OBJECT)

static void
plc_follow_up_finalize (GObject *object)
{
  PlcFollowUp *self = (PlcFollowUp *)object;

  g_clear_pointer (&self->municipality, g_free);
  g_clear_pointer (&self->caseworker, g_free);
  g_clear_pointer (&self->agreements, g_strfreev);
  g_clear_pointer (&self->tables, g_ptr_array_unref);

  G_OBJECT_CLASS (plc_follow_up_parent_class)->finalize (object);
}

static void
plc_follow_up_class_init (PlcFollowUpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plc_follow_up_finalize;
}

static void
plc_follow_up_init (PlcFollowUp *self)
{
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) plc_follow_up_table_unref);
}

/* What the computation works on */
typedef struct
{
  PlcFollowUp *self;
  PlcEngine   *engine;
  PlcDate      first;        /* 1 January of the year */
  PlcDate      last;         /* 31 December */
  char        *period;       /* "2024-01-01 – 2024-12-31" */
  GHashTable  *children;     /* child ref → PlcChild */
  GPtrArray   *placements;   /* the selected ones, by start date and ref */
  GHashTable  *selected;     /* placement ref → PlcPlacement, the selected ones */
  GHashTable  *statuses;     /* placement ref → GPtrArray of PlcStepStatus */
  GHashTable  *obligations;  /* placement ref → GPtrArray of PlcObligation */
  GPtrArray   *deviations;   /* PlcDeviation, not deleted */
} Run;

static gboolean
casefold_equal (const char *a,
                const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;
  g_autofree char *sa = NULL;
  g_autofree char *sb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;

  sa = g_strstrip (g_strdup (a));
  sb = g_strstrip (g_strdup (b));
  fa = g_utf8_casefold (sa, -1);
  fb = g_utf8_casefold (sb, -1);

  return g_strcmp0 (fa, fb) == 0;
}

static int
compare_placements (gconstpointer a,
                    gconstpointer b)
{
  PlcPlacement *pa = *(PlcPlacement **)a;
  PlcPlacement *pb = *(PlcPlacement **)b;
  PlcDate sa = plc_placement_get_start_date (pa);
  PlcDate sb = plc_placement_get_start_date (pb);

  if (sa != sb)
    return sa < sb ? -1 : 1;

  return g_strcmp0 (plc_placement_get_ref (pa), plc_placement_get_ref (pb));
}

static gboolean
overlaps_year (Run          *run,
               PlcPlacement *placement)
{
  PlcDate start = plc_placement_get_start_date (placement);
  PlcDate end = plc_placement_get_end_date (placement);

  return start != PLC_DATE_NONE && start <= run->last &&
         (end == PLC_DATE_NONE || end >= run->first);
}

static gboolean
starts_in_year (Run          *run,
                PlcPlacement *placement)
{
  PlcDate start = plc_placement_get_start_date (placement);

  return start >= run->first && start <= run->last;
}

static gboolean
in_year (Run     *run,
         PlcDate  date)
{
  return date != PLC_DATE_NONE && date >= run->first && date <= run->last;
}

static PlcChild *
child_of (Run          *run,
          PlcPlacement *placement)
{
  return g_hash_table_lookup (run->children, plc_placement_get_child_ref (placement));
}

/* Each child once, with their first placement (by start date, then ref)
 * of those that @keep accepts: a list of placements, one per child */
static GPtrArray *
first_placement_per_child (Run      *run,
                           gboolean (*keep) (Run *, PlcPlacement *))
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *ret = g_ptr_array_new ();

  for (guint i = 0; i < run->placements->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (run->placements, i);
      const char *child_ref = plc_placement_get_child_ref (placement);

      if (!keep (run, placement) || g_hash_table_contains (seen, child_ref))
        continue;

      g_hash_table_add (seen, (gpointer) child_ref);
      g_ptr_array_add (ret, placement);
    }

  return ret;
}

static int
age_at_start (Run          *run,
              PlcPlacement *placement)
{
  PlcChild *child = child_of (run, placement);

  return plc_date_age_on (plc_child_get_birth_date (child), plc_placement_get_start_date (placement));
}

typedef struct
{
  const char *id;
  int         from;
  int         to;
} AgeBand;

static const AgeBand age_bands[] = {
  { "0-5", 0, 5 },
  { "6-12", 6, 12 },
  { "13-17", 13, 17 },
  { "18-20", 18, G_MAXINT },
};

/* The age band's index, or -1 for an age that is not known */
static int
age_band (int age)
{
  if (age < 0)
    return -1;

  for (guint i = 0; i < G_N_ELEMENTS (age_bands); i++)
    {
      if (age >= age_bands[i].from && age <= age_bands[i].to)
        return i;
    }

  return -1;
}

static const char *
age_band_title (guint band)
{
  switch (band)
    {
    case 0: return C_("age band", "0–5 years");
    case 1: return C_("age band", "6–12 years");
    case 2: return C_("age band", "13–17 years");
    case 3: return C_("age band", "18–20 years");
    default: g_assert_not_reached ();
    }
}

static const PlcLegalGender genders[] = {
  PLC_LEGAL_GENDER_FEMALE,
  PLC_LEGAL_GENDER_MALE,
  PLC_LEGAL_GENDER_UNKNOWN,
};

static guint
gender_index (PlcChild *child)
{
  PlcLegalGender gender = plc_child_get_legal_gender (child);

  for (guint i = 0; i < G_N_ELEMENTS (genders); i++)
    {
      if (genders[i] == gender)
        return i;
    }

  return 2;
}

/* Columns female, male, unknown, total: the total's index is returned */
static guint
add_gender_columns (PlcFollowUpTable *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (genders); i++)
    table_add_column (table, plc_legal_gender_to_string (genders[i]),
                      plc_legal_gender_get_display_name (genders[i]));

  return table_add_column (table, "total", C_("follow-up", "Total"));
}

/* Rows female, male, unknown, total: the total's index is returned */
static guint
add_gender_rows (PlcFollowUpTable *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (genders); i++)
    table_add_row (table, plc_legal_gender_to_string (genders[i]),
                   plc_legal_gender_get_display_name (genders[i]));

  return table_add_row (table, "total", C_("follow-up", "Total"));
}

static PlcObligation *
find_obligation (Run          *run,
                 PlcPlacement *placement,
                 const char   *rule_id,
                 int           occurrence)
{
  GPtrArray *obligations = g_hash_table_lookup (run->obligations, plc_placement_get_ref (placement));

  for (guint i = 0; obligations != NULL && i < obligations->len; i++)
    {
      PlcObligation *ob = g_ptr_array_index (obligations, i);

      if (g_strcmp0 (plc_obligation_get_rule_id (ob), rule_id) == 0 &&
          plc_obligation_get_occurrence (ob) == occurrence)
        return ob;
    }

  return NULL;
}

/* {{{ Placed children */

static void
add_placed_children (Run *run)
{
  g_autoptr(GPtrArray) firsts = first_placement_per_child (run, overlaps_year);
  PlcFollowUpTable *by_age;
  PlcFollowUpTable *by_basis;
  PlcFollowUpTable *by_form;
  guint total_column, total_row;
  GEnumClass *klass;

  /* By age band and legal gender */
  by_age = table_new ("placed-children",
                      _("Placed children and young people, by age and legal gender"),
                      /* Translators: %s is a period such as “2024-01-01 – 2024-12-31” */
                      g_strdup_printf (_("Counted: children and young people with at least one placement "
                                         "that overlaps the period (started on or before its last day, and "
                                         "not ended before its first day), each once, by legal gender and by "
                                         "age at the start of their first such placement. No denominator. "
                                         "Period: %s."), run->period));
  total_column = add_gender_columns (by_age);
  for (guint i = 0; i < G_N_ELEMENTS (age_bands); i++)
    table_add_row (by_age, age_bands[i].id, age_band_title (i));
  total_row = table_add_row (by_age, "total", C_("follow-up", "Total"));

  /* By legal basis */
  by_basis = table_new ("placed-children-by-legal-basis",
                        _("Placed children and young people, by legal basis"),
                        g_strdup_printf (_("Counted: children and young people with at least one placement "
                                           "that overlaps the period, each once, by the legal basis of their "
                                           "first such placement, and by legal gender. No denominator. "
                                           "Period: %s."), run->period));
  add_gender_columns (by_basis);
  klass = g_type_class_ref (PLC_TYPE_LEGAL_BASIS);
  for (guint i = 0; i < klass->n_values; i++)
    table_add_row (by_basis, klass->values[i].value_nick,
                   plc_legal_basis_get_display_name (klass->values[i].value));
  g_type_class_unref (klass);
  table_add_row (by_basis, "total", C_("follow-up", "Total"));

  /* By form */
  by_form = table_new ("placed-children-by-form",
                       _("Placed children and young people, by form of placement"),
                       g_strdup_printf (_("Counted: children and young people with at least one placement "
                                          "that overlaps the period, each once, by the form of their first "
                                          "such placement, and by legal gender. No denominator. "
                                          "Period: %s."), run->period));
  add_gender_columns (by_form);
  klass = g_type_class_ref (PLC_TYPE_PLACEMENT_FORM);
  for (guint i = 0; i < klass->n_values; i++)
    table_add_row (by_form, klass->values[i].value_nick,
                   plc_placement_form_get_display_name (klass->values[i].value));
  g_type_class_unref (klass);
  table_add_row (by_form, "total", C_("follow-up", "Total"));

  for (guint i = 0; i < firsts->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (firsts, i);
      guint gender = gender_index (child_of (run, placement));
      int band = age_band (age_at_start (run, placement));
      guint basis = plc_placement_get_legal_basis (placement);
      guint form = plc_placement_get_form (placement);
      guint basis_total = by_basis->row_ids->len - 1;
      guint form_total = by_form->row_ids->len - 1;

      /* A child whose age is not known counts in the totals only */
      if (band >= 0)
        {
          table_count (by_age, band, gender);
          table_count (by_age, band, total_column);
        }
      table_count (by_age, total_row, gender);
      table_count (by_age, total_row, total_column);

      table_count (by_basis, MIN (basis, basis_total - 1), gender);
      table_count (by_basis, MIN (basis, basis_total - 1), total_column);
      table_count (by_basis, basis_total, gender);
      table_count (by_basis, basis_total, total_column);

      table_count (by_form, MIN (form, form_total - 1), gender);
      table_count (by_form, MIN (form, form_total - 1), total_column);
      table_count (by_form, form_total, gender);
      table_count (by_form, form_total, total_column);
    }

  g_ptr_array_add (run->self->tables, by_age);
  g_ptr_array_add (run->self->tables, by_basis);
  g_ptr_array_add (run->self->tables, by_form);
}

/* }}} */
/* {{{ Health examination */

static void
add_health_examination (Run *run)
{
  g_autoptr(GPtrArray) firsts = first_placement_per_child (run, starts_in_year);
  PlcFollowUpTable *table;
  guint total_row;
  enum { CHILDREN, EXAMINED, SHARE, NOT_NEEDED, OPEN };

  table = table_new ("health-examination",
                     _("Health examination in connection with the placement, by legal gender"),
                     g_strdup_printf (_("Children: children and young people whose first placement that "
                                        "started in the period has the health examination step, each once. "
                                        "Examined: of them, those whose examination is done (all its parts). "
                                        "Share examined: examined (numerator) of children (denominator), in "
                                        "per cent. Not needed: the step was marked not needed, with a reason. "
                                        "Still open: neither done nor not needed. Statuses as on the day the "
                                        "figures were made. Period: %s."), run->period));
  table_add_column (table, "children", C_("follow-up", "Children"));
  table_add_column (table, "examined", C_("follow-up", "Examined"));
  table_add_column (table, "examined-share", C_("follow-up", "Share examined"));
  table_add_column (table, "not-needed", C_("follow-up", "Not needed"));
  table_add_column (table, "open", C_("follow-up", "Still open"));
  total_row = add_gender_rows (table);

  for (guint i = 0; i < firsts->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (firsts, i);
      PlcObligation *ob = find_obligation (run, placement, RULE_HEALTH_EXAM, 1);
      guint gender = gender_index (child_of (run, placement));
      guint column;

      if (ob == NULL)
        continue;

      switch (plc_obligation_get_state (ob))
        {
        case PLC_OBLIGATION_STATE_DONE:
          column = EXAMINED;
          break;
        case PLC_OBLIGATION_STATE_NOT_NEEDED:
          column = NOT_NEEDED;
          break;
        case PLC_OBLIGATION_STATE_OPEN:
        case PLC_OBLIGATION_STATE_OVERDUE:
          column = OPEN;
          break;
        case PLC_OBLIGATION_STATE_NO_LONGER_REQUIRED:
        default:
          continue;
        }

      table_count (table, gender, CHILDREN);
      table_count (table, total_row, CHILDREN);
      table_count (table, gender, column);
      table_count (table, total_row, column);
    }

  for (guint row = 0; row <= total_row; row++)
    table_set_share (table, row, SHARE, table_get_count (table, row, EXAMINED),
                     table_get_count (table, row, CHILDREN));

  g_ptr_array_add (run->self->tables, table);
}

/* }}} */
/* {{{ SIP */

static gboolean
starts_in_year_as_child (Run          *run,
                         PlcPlacement *placement)
{
  int age = age_at_start (run, placement);

  return starts_in_year (run, placement) && age >= 0 && age <= 17 &&
         find_obligation (run, placement, RULE_SIP_MEETING, 1) != NULL;
}

/* Whether a SIP meeting of @placement, the first or a follow-up, records
 * that the planning was completed */
static gboolean
planning_completed (Run          *run,
                    PlcPlacement *placement)
{
  GPtrArray *statuses = g_hash_table_lookup (run->statuses, plc_placement_get_ref (placement));

  for (guint i = 0; statuses != NULL && i < statuses->len; i++)
    {
      PlcStepStatus *status = g_ptr_array_index (statuses, i);
      const char *rule = plc_step_status_get_rule (status);

      if ((g_strcmp0 (rule, RULE_SIP_MEETING) == 0 || g_strcmp0 (rule, RULE_SIP_FOLLOW_UP) == 0) &&
          plc_step_status_get_state (status) == PLC_STEP_STATE_DONE &&
          plc_step_status_get_planning_completed (status))
        return TRUE;
    }

  return FALSE;
}

static void
add_sip (Run *run)
{
  g_autoptr(GPtrArray) firsts = first_placement_per_child (run, starts_in_year_as_child);
  PlcFollowUpTable *by_age;
  PlcFollowUpTable *outcome;
  guint total_column, total_row, outcome_total;
  enum { CHILDREN, HELD, COMPLETED, DECIDED, IN_TIME, IN_TIME_SHARE };

  by_age = table_new ("sip",
                      _("SIPs for children up to 17, by age and legal gender"),
                      g_strdup_printf (_("Counted: children aged 0–17 at the start of their first placement "
                                         "that started in the period and has the first SIP meeting step, each "
                                         "once, whose first SIP meeting was held (the step is done), by age "
                                         "at that start and legal gender. No denominator. Period: %s."),
                                       run->period));
  total_column = add_gender_columns (by_age);
  for (guint i = 0; i + 1 < G_N_ELEMENTS (age_bands); i++)
    table_add_row (by_age, age_bands[i].id, age_band_title (i));
  total_row = table_add_row (by_age, "total", C_("follow-up", "Total"));

  outcome = table_new ("sip-outcome",
                       _("SIPs for children up to 17: held, completed and on time, by legal gender"),
                       g_strdup_printf (_("Children: children aged 0–17 at the start of their first placement "
                                          "that started in the period and has the first SIP meeting step, each "
                                          "once, unless the step was marked not needed. Held: the first SIP "
                                          "meeting is done. Planning completed: of those held, the ones where a "
                                          "SIP meeting of that placement (the first or a follow-up) records that the "
                                          "planning was completed. "
                                          "Due or held: the meeting was held, or its deadline has passed. Held "
                                          "on time: held no later than the agreement’s deadline. Share on time: "
                                          "held on time (numerator) of due or held (denominator), in per cent. "
                                          "Statuses as on the day the figures were made. Period: %s."),
                                        run->period));
  table_add_column (outcome, "children", C_("follow-up", "Children"));
  table_add_column (outcome, "held", C_("follow-up", "Held"));
  table_add_column (outcome, "planning-completed", C_("follow-up", "Planning completed"));
  table_add_column (outcome, "due-or-held", C_("follow-up", "Due or held"));
  table_add_column (outcome, "on-time", C_("follow-up", "Held on time"));
  table_add_column (outcome, "on-time-share", C_("follow-up", "Share on time"));
  outcome_total = add_gender_rows (outcome);

  for (guint i = 0; i < firsts->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (firsts, i);
      PlcObligation *ob = find_obligation (run, placement, RULE_SIP_MEETING, 1);
      PlcObligationState state = plc_obligation_get_state (ob);
      guint gender = gender_index (child_of (run, placement));
      int band = age_band (age_at_start (run, placement));
      gboolean held = state == PLC_OBLIGATION_STATE_DONE;
      PlcDate due = plc_obligation_get_due (ob);

      if (state == PLC_OBLIGATION_STATE_NOT_NEEDED || state == PLC_OBLIGATION_STATE_NO_LONGER_REQUIRED)
        continue;

      table_count (outcome, gender, CHILDREN);
      table_count (outcome, outcome_total, CHILDREN);

      if (held)
        {
          table_count (by_age, band, gender);
          table_count (by_age, band, total_column);
          table_count (by_age, total_row, gender);
          table_count (by_age, total_row, total_column);

          table_count (outcome, gender, HELD);
          table_count (outcome, outcome_total, HELD);
        }

      if (held && planning_completed (run, placement))
        {
          table_count (outcome, gender, COMPLETED);
          table_count (outcome, outcome_total, COMPLETED);
        }

      if (held || state == PLC_OBLIGATION_STATE_OVERDUE)
        {
          table_count (outcome, gender, DECIDED);
          table_count (outcome, outcome_total, DECIDED);
        }

      if (held && due != PLC_DATE_NONE && plc_obligation_get_done_date (ob) <= due)
        {
          table_count (outcome, gender, IN_TIME);
          table_count (outcome, outcome_total, IN_TIME);
        }
    }

  for (guint row = 0; row <= outcome_total; row++)
    table_set_share (outcome, row, IN_TIME_SHARE, table_get_count (outcome, row, IN_TIME),
                     table_get_count (outcome, row, DECIDED));

  g_ptr_array_add (run->self->tables, by_age);
  g_ptr_array_add (run->self->tables, outcome);
}

static void
add_sip_attendance (Run *run)
{
  PlcFollowUpTable *table;
  guint total_row;
  enum { HELD, RECORDED, ALL_ATTENDED, SHARE };

  table = table_new ("sip-meeting-attendance",
                     _("SIP meetings at which every invited unit took part"),
                     g_strdup_printf (_("Held: SIP meetings (first meetings and follow-ups) of the selected "
                                        "placements marked done with a date in the period, each meeting once. "
                                        "With a record: of them, those whose meeting record names the units "
                                        "invited. All took part: of those, the meetings at which every invited "
                                        "unit took part. Share: all took part (numerator) of with a record "
                                        "(denominator), in per cent. Period: %s."), run->period));
  table_add_column (table, "held", C_("follow-up", "Held"));
  table_add_column (table, "recorded", C_("follow-up", "With a record"));
  table_add_column (table, "all-attended", C_("follow-up", "All took part"));
  table_add_column (table, "all-attended-share", C_("follow-up", "Share where all took part"));
  table_add_row (table, RULE_SIP_MEETING, C_("follow-up", "First SIP meeting"));
  table_add_row (table, RULE_SIP_FOLLOW_UP, C_("follow-up", "SIP follow-up"));
  total_row = table_add_row (table, "total", C_("follow-up", "Total"));

  for (guint i = 0; i < run->placements->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (run->placements, i);
      GPtrArray *statuses = g_hash_table_lookup (run->statuses, plc_placement_get_ref (placement));

      for (guint j = 0; statuses != NULL && j < statuses->len; j++)
        {
          PlcStepStatus *status = g_ptr_array_index (statuses, j);
          const char *rule = plc_step_status_get_rule (status);
          guint row;

          if (g_strcmp0 (rule, RULE_SIP_MEETING) == 0)
            row = 0;
          else if (g_strcmp0 (rule, RULE_SIP_FOLLOW_UP) == 0)
            row = 1;
          else
            continue;

          if (plc_step_status_get_state (status) != PLC_STEP_STATE_DONE ||
              !in_year (run, plc_step_status_get_date (status)))
            continue;

          table_count (table, row, HELD);
          table_count (table, total_row, HELD);

          if (plc_step_status_get_invited_units (status)[0] == NULL)
            continue;

          table_count (table, row, RECORDED);
          table_count (table, total_row, RECORDED);

          if (plc_step_status_get_all_invited_attended (status))
            {
              table_count (table, row, ALL_ATTENDED);
              table_count (table, total_row, ALL_ATTENDED);
            }
        }
    }

  for (guint row = 0; row <= total_row; row++)
    table_set_share (table, row, SHARE, table_get_count (table, row, ALL_ATTENDED),
                     table_get_count (table, row, RECORDED));

  g_ptr_array_add (run->self->tables, table);
}

/* }}} */
/* {{{ Deviations */

static gboolean
was_investigated (PlcDeviation *deviation)
{
  GPtrArray *history = plc_deviation_get_history (deviation);

  switch (plc_deviation_get_status (deviation))
    {
    case PLC_DEVIATION_STATUS_UNDER_INVESTIGATION:
    case PLC_DEVIATION_STATUS_RESOLVED:
    case PLC_DEVIATION_STATUS_ESCALATED:
      return TRUE;
    case PLC_DEVIATION_STATUS_DRAFT:
    case PLC_DEVIATION_STATUS_REPORTED:
    default:
      break;
    }

  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      PlcDeviationEvent *event = g_ptr_array_index (history, i);

      if (event->status == PLC_DEVIATION_STATUS_UNDER_INVESTIGATION ||
          event->status == PLC_DEVIATION_STATUS_RESOLVED ||
          event->status == PLC_DEVIATION_STATUS_ESCALATED)
        return TRUE;
    }

  return FALSE;
}

static int
highest_step (PlcDeviation *deviation)
{
  GPtrArray *history = plc_deviation_get_history (deviation);
  int step = plc_deviation_get_escalation_step (deviation);

  for (guint i = 0; history != NULL && i < history->len; i++)
    step = MAX (step, ((PlcDeviationEvent *) g_ptr_array_index (history, i))->escalation_step);

  return step;
}

static gboolean
deviation_selected (Run          *run,
                    PlcDeviation *deviation)
{
  const char *placement_ref = plc_deviation_get_placement_ref (deviation);

  if (plc_deviation_get_deleted (deviation) ||
      plc_deviation_get_status (deviation) == PLC_DEVIATION_STATUS_DRAFT ||
      !in_year (run, plc_deviation_get_occurred_on (deviation)))
    return FALSE;

  /* With a municipality or a caseworker chosen, only a deviation linked to
   * one of their placements can be told to be theirs */
  if (run->self->municipality == NULL && run->self->caseworker == NULL)
    return TRUE;

  return placement_ref != NULL && g_hash_table_contains (run->selected, placement_ref);
}

static PlcFollowUpTable *
deviation_table (const char *id,
                 const char *title,
                 char       *definition)
{
  PlcFollowUpTable *table = table_new (id, title, definition);

  table_add_column (table, "reported", C_("follow-up", "Reported"));
  table_add_column (table, "investigated", C_("follow-up", "Investigated"));

  return table;
}

static void
add_deviations (Run *run)
{
  PlcFollowUpTable *by_category;
  PlcFollowUpTable *by_direction;
  PlcFollowUpTable *by_step;
  g_autofree char *common = NULL;
  GEnumClass *klass;
  guint category_total, direction_total, step_total;

  /* Translators: the start of each deviation table's definition; %s is a
   * period such as “2024-01-01 – 2024-12-31” */
  common = g_strdup_printf (_("Reported: deviation reports (not drafts) of events in the period; with a "
                              "municipality or a caseworker chosen, only those linked to one of the selected "
                              "placements. Investigated: of them, those whose investigation has started (under "
                              "investigation, resolved or escalated, now or before). No denominator. "
                              "Period: %s."), run->period);

  by_category = deviation_table ("deviations-by-category",
                                 _("Deviations, by category"),
                                 g_strdup_printf (_("%s By the category of the deviation."), common));
  klass = g_type_class_ref (PLC_TYPE_DEVIATION_CATEGORY);
  for (guint i = 0; i < klass->n_values; i++)
    table_add_row (by_category, klass->values[i].value_nick,
                   plc_deviation_category_get_display_name (klass->values[i].value));
  g_type_class_unref (klass);
  category_total = table_add_row (by_category, "total", C_("follow-up", "Total"));

  by_direction = deviation_table ("deviations-by-direction",
                                  _("Deviations, by direction"),
                                  g_strdup_printf (_("%s By who reported whom."), common));
  klass = g_type_class_ref (PLC_TYPE_DEVIATION_DIRECTION);
  for (guint i = 0; i < klass->n_values; i++)
    table_add_row (by_direction, klass->values[i].value_nick,
                   plc_deviation_direction_get_display_name (klass->values[i].value));
  g_type_class_unref (klass);
  direction_total = table_add_row (by_direction, "total", C_("follow-up", "Total"));

  by_step = deviation_table ("deviations-by-escalation",
                             _("Deviations, by the escalation step reached"),
                             g_strdup_printf (_("%s By the highest step of the agreement’s escalation "
                                                "ladder the deviation has reached (0: not escalated; the "
                                                "last row counts step 4 and higher)."), common));
  table_add_row (by_step, "step-0", C_("follow-up", "Not escalated"));
  for (int step = 1; step <= TOP_ESCALATION_STEP; step++)
    {
      g_autofree char *id = g_strdup_printf ("step-%d", step);
      g_autofree char *title = step < TOP_ESCALATION_STEP
        /* Translators: %d is a step of an escalation ladder, such as 2 */
        ? g_strdup_printf (C_("follow-up", "Step %d"), step)
        /* Translators: %d is a step of an escalation ladder, 4 */
        : g_strdup_printf (C_("follow-up", "Step %d or higher"), step);

      table_add_row (by_step, id, title);
    }
  step_total = table_add_row (by_step, "total", C_("follow-up", "Total"));

  for (guint i = 0; i < run->deviations->len; i++)
    {
      PlcDeviation *deviation = g_ptr_array_index (run->deviations, i);
      guint column;
      guint category, direction, step;

      if (!deviation_selected (run, deviation))
        continue;

      category = MIN ((guint) plc_deviation_get_category (deviation), category_total - 1);
      direction = MIN ((guint) plc_deviation_get_direction (deviation), direction_total - 1);
      step = MIN ((guint) MAX (highest_step (deviation), 0), (guint) TOP_ESCALATION_STEP);

      for (column = 0; column < 2; column++)
        {
          if (column == 1 && !was_investigated (deviation))
            break;

          table_count (by_category, category, column);
          table_count (by_category, category_total, column);
          table_count (by_direction, direction, column);
          table_count (by_direction, direction_total, column);
          table_count (by_step, step, column);
          table_count (by_step, step_total, column);
        }
    }

  g_ptr_array_add (run->self->tables, by_category);
  g_ptr_array_add (run->self->tables, by_direction);
  g_ptr_array_add (run->self->tables, by_step);
}

/* }}} */
/* {{{ Obligations */

typedef struct
{
  char *rule_id;
  char *title;
  guint counts[6];
} RuleCounts;

static void
rule_counts_free (gpointer data)
{
  RuleCounts *counts = data;

  g_free (counts->rule_id);
  g_free (counts->title);
  g_free (counts);
}

static int
compare_rule_counts (gconstpointer a,
                     gconstpointer b)
{
  return g_strcmp0 ((*(RuleCounts **)a)->rule_id, (*(RuleCounts **)b)->rule_id);
}

static void
add_obligations (Run *run)
{
  g_autoptr(GHashTable) by_rule = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (rule_counts_free);
  PlcFollowUpTable *table;
  guint totals[6] = { 0, };
  guint total_row;
  enum { ON_TIME, LATE, NOT_NEEDED, OVERDUE, NOT_YET_DUE, TOTAL };

  table = table_new ("obligations",
                     _("Obligations by rule: met on time, late, not needed, overdue"),
                     g_strdup_printf (_("Counted: the steps (obligations) of the selected placements whose "
                                        "due date falls in the period, each occurrence of a recurring step "
                                        "once. On time: done no later than the due date. Late: done after "
                                        "it. Not needed: marked not needed, with a reason. Overdue: not done "
                                        "and past the due date on the day the figures were made. Not yet due: "
                                        "not done, due date not yet passed on that day. Steps that no longer "
                                        "apply are left out. No denominator. Period: %s."), run->period));
  table_add_column (table, "on-time", C_("follow-up", "On time"));
  table_add_column (table, "late", C_("follow-up", "Late"));
  table_add_column (table, "not-needed", C_("follow-up", "Not needed"));
  table_add_column (table, "overdue", C_("follow-up", "Overdue"));
  table_add_column (table, "not-yet-due", C_("follow-up", "Not yet due"));
  table_add_column (table, "total", C_("follow-up", "Total"));

  for (guint i = 0; i < run->placements->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (run->placements, i);
      GPtrArray *obligations = g_hash_table_lookup (run->obligations, plc_placement_get_ref (placement));

      for (guint j = 0; obligations != NULL && j < obligations->len; j++)
        {
          PlcObligation *ob = g_ptr_array_index (obligations, j);
          const char *rule_id = plc_obligation_get_rule_id (ob);
          PlcDate due = plc_obligation_get_due (ob);
          RuleCounts *counts;
          guint column;

          if (!in_year (run, due))
            continue;

          switch (plc_obligation_get_state (ob))
            {
            case PLC_OBLIGATION_STATE_DONE:
              column = plc_obligation_get_done_date (ob) <= due ? ON_TIME : LATE;
              break;
            case PLC_OBLIGATION_STATE_NOT_NEEDED:
              column = NOT_NEEDED;
              break;
            case PLC_OBLIGATION_STATE_OVERDUE:
              column = OVERDUE;
              break;
            case PLC_OBLIGATION_STATE_OPEN:
              column = NOT_YET_DUE;
              break;
            case PLC_OBLIGATION_STATE_NO_LONGER_REQUIRED:
            default:
              continue;
            }

          counts = g_hash_table_lookup (by_rule, rule_id);
          if (counts == NULL)
            {
              counts = g_new0 (RuleCounts, 1);
              counts->rule_id = g_strdup (rule_id);
              counts->title = g_strdup (plc_obligation_get_title (ob));
              g_ptr_array_add (rules, counts);
              g_hash_table_insert (by_rule, counts->rule_id, counts);
            }

          counts->counts[column]++;
          counts->counts[TOTAL]++;
          totals[column]++;
          totals[TOTAL]++;
        }
    }

  g_ptr_array_sort (rules, compare_rule_counts);

  for (guint i = 0; i < rules->len; i++)
    {
      RuleCounts *counts = g_ptr_array_index (rules, i);
      guint row = table_add_row (table, counts->rule_id, counts->title);

      for (guint column = 0; column <= TOTAL; column++)
        table_cell (table, row, column)->value = counts->counts[column];
    }

  total_row = table_add_row (table, "total", C_("follow-up", "Total"));
  for (guint column = 0; column <= TOTAL; column++)
    table_cell (table, total_row, column)->value = totals[column];

  g_ptr_array_add (run->self->tables, table);
}

/* }}} */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **)a, *(const char **)b);
}

static void
collect_agreements (Run *run)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < run->placements->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (run->placements, i);
      PlcProfile *profile;
      char *name;

      if (!overlaps_year (run, placement))
        continue;

      profile = plc_engine_select_profile (run->engine, child_of (run, placement), placement, NULL);
      if (profile == NULL)
        continue;

      name = g_strdup_printf ("%s (%s)", plc_profile_get_name (profile), plc_profile_get_version (profile));
      if (g_hash_table_contains (seen, name))
        {
          g_free (name);
          continue;
        }

      g_hash_table_add (seen, name);
      g_ptr_array_add (names, name);
    }

  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  run->self->agreements = (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/**
 * plc_follow_up_compute:
 * @dataset: the records, as plc_store_export() gives them (with ids, so
 *   that the engine knows the moves)
 * @engine: the rules engine, with the moves and local routines learnt as
 *   for the obligations (plc_engine_learn_moves(), plc_engine_learn_step_statuses(),
 *   plc_engine_learn_routines())
 * @query: the year and the selection
 *
 * Works out the yearly follow-up's figures: see FOLLOW-UP.md for each
 * table's definition. Nothing in the result names a child.
 *
 * Returns: (transfer full): the follow-up
 */
PlcFollowUp *
plc_follow_up_compute (PlcDataset             *dataset,
                       PlcEngine              *engine,
                       const PlcFollowUpQuery *query)
{
  g_autoptr(PlcFollowUp) self = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  GPtrArray *children;
  GPtrArray *placements;
  GPtrArray *statuses;
  Run run = { 0, };

  g_return_val_if_fail (PLC_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (PLC_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (query->year >= 1900 && query->year <= 9999, NULL);
  g_return_val_if_fail (query->today != PLC_DATE_NONE, NULL);

  self = g_object_new (PLC_TYPE_FOLLOW_UP, NULL);
  self->year = query->year;
  self->today = query->today;
  self->caseworker = query->caseworker != NULL && *query->caseworker != '\0'
    ? g_strstrip (g_strdup (query->caseworker)) : NULL;
  if (query->municipality != NULL && *query->municipality != '\0')
    {
      const PlcMunicipality *municipality = plc_municipality_lookup (query->municipality, NULL);

      self->municipality = g_strdup (municipality != NULL ? municipality->code : query->municipality);
    }

  run.self = self;
  run.engine = engine;
  run.first = plc_date_new (query->year, 1, 1);
  run.last = plc_date_new (query->year, 12, 31);
  first_text = plc_date_to_iso (run.first);
  last_text = plc_date_to_iso (run.last);
  run.period = g_strdup_printf ("%s – %s", first_text, last_text);
  run.children = g_hash_table_new (g_str_hash, g_str_equal);
  run.placements = g_ptr_array_new ();
  run.selected = g_hash_table_new (g_str_hash, g_str_equal);
  run.statuses = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  run.obligations = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  run.deviations = plc_dataset_get_deviations (dataset);

  children = plc_dataset_get_children (dataset);
  for (guint i = 0; i < children->len; i++)
    {
      PlcChild *child = g_ptr_array_index (children, i);

      if (!plc_child_get_deleted (child) && plc_child_get_ref (child) != NULL)
        g_hash_table_insert (run.children, (gpointer) plc_child_get_ref (child), child);
    }

  placements = plc_dataset_get_placements (dataset);
  for (guint i = 0; i < placements->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (placements, i);

      if (plc_placement_get_deleted (placement) || plc_placement_get_ref (placement) == NULL ||
          child_of (&run, placement) == NULL ||
          plc_placement_get_start_date (placement) == PLC_DATE_NONE)
        continue;
      if (self->municipality != NULL &&
          g_strcmp0 (plc_placement_get_placing_municipality (placement), self->municipality) != 0)
        continue;
      if (self->caseworker != NULL && !casefold_equal (plc_placement_get_caseworker (placement), self->caseworker))
        continue;

      g_ptr_array_add (run.placements, placement);
      g_hash_table_insert (run.selected, (gpointer) plc_placement_get_ref (placement), placement);
      g_hash_table_insert (run.statuses, (gpointer) plc_placement_get_ref (placement),
                           g_ptr_array_new_with_free_func (g_object_unref));
    }
  g_ptr_array_sort (run.placements, compare_placements);

  statuses = plc_dataset_get_step_statuses (dataset);
  for (guint i = 0; i < statuses->len; i++)
    {
      PlcStepStatus *status = g_ptr_array_index (statuses, i);
      const char *ref = plc_step_status_get_placement_ref (status);
      GPtrArray *list = ref != NULL ? g_hash_table_lookup (run.statuses, ref) : NULL;

      if (list != NULL)
        g_ptr_array_add (list, g_object_ref (status));
    }

  for (guint i = 0; i < run.placements->len; i++)
    {
      PlcPlacement *placement = g_ptr_array_index (run.placements, i);
      const char *ref = plc_placement_get_ref (placement);

      g_hash_table_insert (run.obligations, (gpointer) ref,
                           plc_engine_compute (engine, child_of (&run, placement), placement,
                                               g_hash_table_lookup (run.statuses, ref),
                                               query->today, NULL));
    }

  collect_agreements (&run);
  add_placed_children (&run);
  add_health_examination (&run);
  add_sip (&run);
  add_sip_attendance (&run);
  add_deviations (&run);
  add_obligations (&run);

  g_free (run.period);
  g_hash_table_unref (run.children);
  g_ptr_array_unref (run.placements);
  g_hash_table_unref (run.selected);
  g_hash_table_unref (run.statuses);
  g_hash_table_unref (run.obligations);

  return g_steal_pointer (&self);
}

int
plc_follow_up_get_year (PlcFollowUp *self)
{
  g_return_val_if_fail (PLC_IS_FOLLOW_UP (self), 0);

  return self->year;
}

/* The municipality's code when the query named one, or the text given */
const char *
plc_follow_up_get_municipality (PlcFollowUp *self)
{
  g_return_val_if_fail (PLC_IS_FOLLOW_UP (self), NULL);

  return self->municipality;
}

const char *
plc_follow_up_get_caseworker (PlcFollowUp *self)
{
  g_return_val_if_fail (PLC_IS_FOLLOW_UP (self), NULL);

  return self->caseworker;
}

PlcDate
plc_follow_up_get_today (PlcFollowUp *self)
{
  g_return_val_if_fail (PLC_IS_FOLLOW_UP (self), PLC_DATE_NONE);

  return self->today;
}

/**
 * plc_follow_up_get_agreements:
 * @self: a #PlcFollowUp
 *
 * Returns: (transfer none): the agreements, "Name (version)", sorted
 */
GStrv
plc_follow_up_get_agreements (PlcFollowUp *self)
{
  g_return_val_if_fail (PLC_IS_FOLLOW_UP (self), NULL);

  return self->agreements;
}

guint
plc_follow_up_get_n_tables (PlcFollowUp *self)
{
  g_return_val_if_fail (PLC_IS_FOLLOW_UP (self), 0);

  return self->tables->len;
}

/**
 * plc_follow_up_get_table:
 * @self: a #PlcFollowUp
 * @index: from 0
 *
 * Returns: (transfer none): the table
 */
PlcFollowUpTable *
plc_follow_up_get_table (PlcFollowUp *self,
                         guint        index)
{
  g_return_val_if_fail (PLC_IS_FOLLOW_UP (self), NULL);
  g_return_val_if_fail (index < self->tables->len, NULL);

  return g_ptr_array_index (self->tables, index);
}

/* }}} */
/* {{{ CSV */

static void
csv_row (GString    *out,
         char        separator,
         const char *table_id,
         const char *table_title,
         const char *row_id,
         const char *row_title,
         const char *column_id,
         const char *column_title,
         const char *value,
         const char *definition)
{
  const char * const fields[] = {
    table_id, table_title, row_id, row_title, column_id, column_title,
    value != NULL ? value : "", definition != NULL ? definition : "", NULL
  };

  plc_csv_append_row (out, separator, fields);
}

/* An export's text of a cell: "<5" when small, a share in per cent with
 * @decimal as separator, a count as a number, "" when empty */
static char *
export_value (const PlcFollowUpCell *cell,
              char                   decimal)
{
  if (cell->kind == PLC_FOLLOW_UP_CELL_SHARE && !plc_follow_up_cell_is_suppressed (cell))
    return format_percent (cell, decimal);

  return plc_follow_up_cell_to_string (cell, TRUE);
}

static char *
municipality_text (PlcFollowUp *self)
{
  const PlcMunicipality *municipality;

  if (self->municipality == NULL)
    return NULL;

  municipality = plc_municipality_get (self->municipality);
  if (municipality == NULL)
    return g_strdup (self->municipality);

  return g_strdup_printf ("%s (%s)", municipality->name, municipality->code);
}

/**
 * plc_follow_up_write_csv:
 * @self: a #PlcFollowUp
 * @stream: where to write
 * @separator: ';' (what Swedish spreadsheet programs expect) or ','
 * @flags: %PLC_CSV_NO_BOM to leave the byte order mark out of semicolon CSV
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the follow-up as CSV (RFC 4180, UTF-8, CRLF line ends, a byte
 * order mark first when @separator is ';'; see plc-csv.c): a header
 * row, then one row per cell of each table: table, table_title, row,
 * row_title, column, column_title, value, definition. The first table,
 * "report", says what the figures cover: year, period, municipality,
 * caseworker, generated, agreements, smallest group. A share is in per
 * cent with one decimal, with a decimal comma when @separator is ';' (as
 * Swedish spreadsheets read it) and a decimal point when it is ','; a
 * small group is "<5" and an empty cell "".
 *
 * Returns: %TRUE on success
 */
gboolean
plc_follow_up_write_csv (PlcFollowUp   *self,
                         GOutputStream *stream,
                         char           separator,
                         PlcCsvFlags    flags,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *year = NULL;
  g_autofree char *period = NULL;
  g_autofree char *today = NULL;
  g_autofree char *municipality = NULL;
  g_autofree char *agreements = NULL;
  g_autofree char *smallest = NULL;
  const char *report_title = _("Yearly follow-up");
  char decimal;

  g_return_val_if_fail (PLC_IS_FOLLOW_UP (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (separator == ';' || separator == ',', FALSE);

  decimal = separator == ';' ? ',' : '.';

  plc_csv_begin (out, separator, flags);
  csv_row (out, separator, "table", "table_title", "row", "row_title", "column", "column_title",
           "value", "definition");

  year = g_strdup_printf ("%d", self->year);
  period = g_strdup_printf ("%d-01-01 – %d-12-31", self->year, self->year);
  today = plc_date_to_iso (self->today);
  municipality = municipality_text (self);
  agreements = g_strjoinv ("; ", self->agreements);
  smallest = g_strdup_printf ("%d", PLC_FOLLOW_UP_SMALLEST_GROUP);

  csv_row (out, separator, "report", report_title, "year", _("Year"), "value", _("Value"), year, NULL);
  csv_row (out, separator, "report", report_title, "period", _("Period"), "value", _("Value"), period, NULL);
  csv_row (out, separator, "report", report_title, "municipality", _("Municipality"), "value", _("Value"),
           municipality != NULL ? municipality : _("All"), NULL);
  csv_row (out, separator, "report", report_title, "caseworker", _("Caseworker"), "value", _("Value"),
           self->caseworker != NULL ? self->caseworker : _("All"), NULL);
  csv_row (out, separator, "report", report_title, "generated", _("Generated"), "value", _("Value"), today, NULL);
  csv_row (out, separator, "report", report_title, "agreements", _("Agreements"), "value", _("Value"),
           agreements, NULL);
  csv_row (out, separator, "report", report_title, "smallest-group", _("Smallest group shown"), "value",
           _("Value"), smallest,
           _("Counts from 1 to 4, and shares whose numerator, denominator or their difference is from 1 "
             "to 4, are shown as “<5”."));

  for (guint t = 0; t < self->tables->len; t++)
    {
      PlcFollowUpTable *table = g_ptr_array_index (self->tables, t);

      for (guint r = 0; r < table->row_ids->len; r++)
        {
          for (guint c = 0; c < table->column_ids->len; c++)
            {
              g_autofree char *value = export_value (table_cell (table, r, c), decimal);

              csv_row (out, separator, table->id, table->title,
                       g_ptr_array_index (table->row_ids, r), g_ptr_array_index (table->row_titles, r),
                       g_ptr_array_index (table->column_ids, c), g_ptr_array_index (table->column_titles, c),
                       value, table->definition);
            }
        }
    }

  return g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error);
}

/* }}} */
/* {{{ JSON */

/**
 * plc_follow_up_to_json:
 * @self: a #PlcFollowUp
 *
 * The follow-up for programs: see FOLLOW-UP.md for the shape. A count is a
 * number, a small group the string "<5", an empty cell null, and a share
 * an object with its numerator, its denominator and the per cent with one
 * decimal as text ("53.3").
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
plc_follow_up_to_json (PlcFollowUp *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *today = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const PlcMunicipality *municipality = NULL;

  g_return_val_if_fail (PLC_IS_FOLLOW_UP (self), NULL);

  today = plc_date_to_iso (self->today);
  from = g_strdup_printf ("%d-01-01", self->year);
  to = g_strdup_printf ("%d-12-31", self->year);
  if (self->municipality != NULL)
    municipality = plc_municipality_get (self->municipality);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "placeringar-follow-up");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, self->year);
  json_builder_set_member_name (builder, "period");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, from);
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, to);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "selection");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "municipality");
  if (self->municipality == NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, municipality != NULL ? municipality->code : self->municipality);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, municipality != NULL ? municipality->name : self->municipality);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "caseworker");
  if (self->caseworker == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, self->caseworker);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "generated");
  json_builder_add_string_value (builder, today);
  json_builder_set_member_name (builder, "smallest_group");
  json_builder_add_int_value (builder, PLC_FOLLOW_UP_SMALLEST_GROUP);

  json_builder_set_member_name (builder, "agreements");
  json_builder_begin_array (builder);
  for (guint i = 0; self->agreements[i] != NULL; i++)
    json_builder_add_string_value (builder, self->agreements[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "tables");
  json_builder_begin_array (builder);
  for (guint t = 0; t < self->tables->len; t++)
    {
      PlcFollowUpTable *table = g_ptr_array_index (self->tables, t);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, table->id);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, table->title);
      json_builder_set_member_name (builder, "definition");
      json_builder_add_string_value (builder, table->definition);

      json_builder_set_member_name (builder, "columns");
      json_builder_begin_array (builder);
      for (guint c = 0; c < table->column_ids->len; c++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, g_ptr_array_index (table->column_ids, c));
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, g_ptr_array_index (table->column_titles, c));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "rows");
      json_builder_begin_array (builder);
      for (guint r = 0; r < table->row_ids->len; r++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, g_ptr_array_index (table->row_ids, r));
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, g_ptr_array_index (table->row_titles, r));
          json_builder_set_member_name (builder, "cells");
          json_builder_begin_object (builder);
          for (guint c = 0; c < table->column_ids->len; c++)
            {
              const PlcFollowUpCell *cell = table_cell (table, r, c);

              json_builder_set_member_name (builder, g_ptr_array_index (table->column_ids, c));
              if (cell->kind == PLC_FOLLOW_UP_CELL_EMPTY)
                json_builder_add_null_value (builder);
              else if (plc_follow_up_cell_is_suppressed (cell))
                json_builder_add_string_value (builder, "<5");
              else if (cell->kind == PLC_FOLLOW_UP_CELL_COUNT)
                json_builder_add_int_value (builder, cell->value);
              else
                {
                  g_autofree char *percent = format_percent (cell, '.');

                  /* The exact figures, and the per cent as text: a JSON
                   * number would be printed as 53.299999999999997 */
                  json_builder_begin_object (builder);
                  json_builder_set_member_name (builder, "numerator");
                  json_builder_add_int_value (builder, cell->value);
                  json_builder_set_member_name (builder, "denominator");
                  json_builder_add_int_value (builder, cell->denominator);
                  json_builder_set_member_name (builder, "percent");
                  json_builder_add_string_value (builder, percent);
                  json_builder_end_object (builder);
                }
            }
          json_builder_end_object (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* }}} */
