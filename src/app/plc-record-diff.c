/* plc-record-diff.c: two versions of a child or a placement, side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-record-diff"

#include "config.h"

#include <glib/gi18n.h>

#include "plc-child.h"
#include "plc-enums.h"
#include "plc-municipality.h"
#include "plc-placement.h"
#include "plc-record-diff.h"

/* The fields a user edits, in form order, with the labels the forms use.
 * Bookkeeping (id, version, ref, deleted, links by ref) is left out. */
typedef enum
{
  SHOW_TEXT,
  SHOW_DATE,
  SHOW_BOOLEAN,
  SHOW_MUNICIPALITY,
  SHOW_REGION,
  SHOW_ENUM,
  SHOW_PLACEMENT,
} Show;

typedef struct
{
  const char *property;
  const char *label;
  Show        show;
} Field;

static const Field fields[] = {
  /* PlcChild */
  { "name", N_("Name"), SHOW_TEXT },
  { "personnummer", N_("Personal identity number"), SHOW_TEXT },
  { "temporary-ref", N_("Temporary reference"), SHOW_TEXT },
  { "birth-date", N_("Birth date"), SHOW_DATE },
  { "legal-gender", N_("Legal gender"), SHOW_ENUM },
  { "home-municipality", N_("Home municipality"), SHOW_MUNICIPALITY },
  { "registration-municipality", N_("Municipality of registration"), SHOW_MUNICIPALITY },
  { "asylum-seeker", N_("Asylum seeker"), SHOW_BOOLEAN },
  { "unaccompanied", N_("Unaccompanied"), SHOW_BOOLEAN },
  { "lss", N_("LSS support"), SHOW_BOOLEAN },
  { "undocumented", N_("Without a permit"), SHOW_BOOLEAN },
  { "interpreter-language", N_("Interpreter language"), SHOW_TEXT },
  /* PlcPlacement */
  { "placing-municipality", N_("Placing municipality"), SHOW_MUNICIPALITY },
  { "caseworker", N_("Caseworker"), SHOW_TEXT },
  { "legal-basis", N_("Legal basis"), SHOW_ENUM },
  { "form", N_("Form of placement"), SHOW_ENUM },
  { "start-date", N_("Start date"), SHOW_DATE },
  { "acute", N_("Acute placement"), SHOW_BOOLEAN },
  { "planned-end-date", N_("Planned end date"), SHOW_DATE },
  { "end-date", N_("End date"), SHOW_DATE },
  { "end-reason", N_("End reason"), SHOW_TEXT },
  { "placed-in-municipality", N_("Municipality placed in"), SHOW_MUNICIPALITY },
  { "placed-in-region", N_("Region placed in"), SHOW_REGION },
  { "lvu-decision-date", N_("Decision date"), SHOW_DATE },
  { "custody-carried-out-date", N_("Custody carried out"), SHOW_DATE },
  { "investigation-closed-date", N_("Investigation closed"), SHOW_DATE },
  { "restriction-decided-date", N_("Restriction decided"), SHOW_DATE },
  { "previous-id", N_("Previous placement"), SHOW_PLACEMENT },
  { "home-ref", N_("Home"), SHOW_TEXT },
  { "lvu-international", N_("Swedish courts cannot decide on care"), SHOW_BOOLEAN },
  { "temporary-moving-ban-date", N_("Temporary moving ban decided"), SHOW_DATE },
  { "discharge-notice-date", N_("Notice from inpatient care"), SHOW_DATE },
};

static void
row_free (gpointer data)
{
  PlcRecordDiffRow *row = data;

  g_free (row->property);
  g_free (row->label);
  g_free (row->mine);
  g_free (row->theirs);
  g_free (row);
}

static char *
show_value (const Field  *field,
            const GValue *value)
{
  switch (field->show)
    {
    case SHOW_TEXT:
      {
        const char *text = g_value_get_string (value);

        return g_strdup (text != NULL ? text : "—");
      }

    case SHOW_DATE:
      {
        PlcDate date = g_value_get_uint (value);

        return date != PLC_DATE_NONE ? plc_date_to_iso (date) : g_strdup ("—");
      }

    case SHOW_BOOLEAN:
      return g_strdup (g_value_get_boolean (value) ? _("Yes") : _("No"));

    case SHOW_MUNICIPALITY:
      {
        const char *code = g_value_get_string (value);
        const PlcMunicipality *municipality = plc_municipality_get (code);

        if (municipality != NULL)
          return g_strdup (municipality->name);
        return g_strdup (code != NULL ? code : "—");
      }

    case SHOW_REGION:
      {
        const char *code = g_value_get_string (value);
        const PlcRegion *region = plc_region_get (code);

        if (region != NULL)
          return g_strdup (region->name);
        return g_strdup (code != NULL ? code : "—");
      }

    case SHOW_ENUM:
      {
        GType type = G_VALUE_TYPE (value);
        int number = g_value_get_enum (value);

        if (type == PLC_TYPE_LEGAL_BASIS)
          return g_strdup (plc_legal_basis_get_display_name (number));
        if (type == PLC_TYPE_PLACEMENT_FORM)
          return g_strdup (plc_placement_form_get_display_name (number));
        if (type == PLC_TYPE_LEGAL_GENDER)
          return g_strdup (plc_legal_gender_get_display_name (number));
        return g_strdup_printf ("%d", number);
      }

    case SHOW_PLACEMENT:
      {
        gint64 id = g_value_get_int64 (value);
        g_autofree char *number = NULL;

        if (id == 0)
          return g_strdup ("—");

        number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
        /* Translators: a placement, by its number in the database */
        return g_strdup_printf (_("Placement %s"), number);
      }

    default:
      g_assert_not_reached ();
    }
}

/**
 * plc_record_diff:
 * @mine: a #PlcChild or #PlcPlacement: the copy being edited
 * @theirs: the stored copy of the same record, of the same type
 *
 * Lists the fields a user edits in which @mine and @theirs differ, in the
 * forms' order, with both values as the forms show them.
 *
 * Returns: (transfer full) (element-type PlcRecordDiffRow): the differences
 */
GPtrArray *
plc_record_diff (GObject *mine,
                 GObject *theirs)
{
  GPtrArray *rows;
  GObjectClass *klass;

  g_return_val_if_fail (PLC_IS_CHILD (mine) || PLC_IS_PLACEMENT (mine), NULL);
  g_return_val_if_fail (G_OBJECT_TYPE (mine) == G_OBJECT_TYPE (theirs), NULL);

  rows = g_ptr_array_new_with_free_func (row_free);
  klass = G_OBJECT_GET_CLASS (mine);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, fields[i].property);
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;
      PlcRecordDiffRow *row;

      if (pspec == NULL)
        continue;

      g_value_init (&a, pspec->value_type);
      g_value_init (&b, pspec->value_type);
      g_object_get_property (mine, pspec->name, &a);
      g_object_get_property (theirs, pspec->name, &b);

      if (g_param_values_cmp (pspec, &a, &b) == 0)
        continue;

      row = g_new0 (PlcRecordDiffRow, 1);
      row->property = g_strdup (pspec->name);
      row->label = g_strdup (_(fields[i].label));
      row->mine = show_value (&fields[i], &a);
      row->theirs = show_value (&fields[i], &b);
      g_ptr_array_add (rows, row);
    }

  return rows;
}

/**
 * plc_record_keep_mine:
 * @mine: a #PlcChild or #PlcPlacement: the copy being edited
 * @theirs: the stored copy of the same record, which is newer
 *
 * Makes @mine a change of @theirs: saving it then replaces the stored copy
 * with what @mine holds, instead of being refused as stale. Nothing else in
 * @mine changes.
 */
void
plc_record_keep_mine (GObject *mine,
                      GObject *theirs)
{
  g_return_if_fail (PLC_IS_CHILD (mine) || PLC_IS_PLACEMENT (mine));
  g_return_if_fail (G_OBJECT_TYPE (mine) == G_OBJECT_TYPE (theirs));

  if (PLC_IS_CHILD (mine))
    {
      g_return_if_fail (plc_child_get_id (PLC_CHILD (mine)) == plc_child_get_id (PLC_CHILD (theirs)));
      plc_child_set_version (PLC_CHILD (mine), plc_child_get_version (PLC_CHILD (theirs)));
    }
  else
    {
      g_return_if_fail (plc_placement_get_id (PLC_PLACEMENT (mine)) ==
                        plc_placement_get_id (PLC_PLACEMENT (theirs)));
      plc_placement_set_version (PLC_PLACEMENT (mine),
                                 plc_placement_get_version (PLC_PLACEMENT (theirs)));
    }
}
