/* plc-child.c: a child placed in care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-child"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "plc-child.h"
#include "plc-enums.h"
#include "plc-error.h"
#include "plc-model-private.h"
#include "plc-ref.h"
#include "plc-municipality.h"
#include "plc-personnummer.h"

struct _PlcChild
{
  PlcRecord parent_instance;

  char           *name;
  char           *personnummer;
  char           *temporary_ref;
  PlcDate         birth_date;
  PlcLegalGender  legal_gender;
  char           *home_municipality;
  char           *registration_municipality;
  gboolean        asylum_seeker;
  gboolean        unaccompanied;
  gboolean        lss;
  char           *interpreter_language;
  gboolean        undocumented;
  char           *unit;
};

G_DEFINE_FINAL_TYPE (PlcChild, plc_child, PLC_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_PERSONNUMMER,
  PROP_TEMPORARY_REF,
  PROP_BIRTH_DATE,
  PROP_LEGAL_GENDER,
  PROP_HOME_MUNICIPALITY,
  PROP_REGISTRATION_MUNICIPALITY,
  PROP_ASYLUM_SEEKER,
  PROP_UNACCOMPANIED,
  PROP_LSS,
  PROP_INTERPRETER_LANGUAGE,
  PROP_UNDOCUMENTED,
  PROP_UNIT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
plc_child_finalize (GObject *object)
{
  PlcChild *self = (PlcChild *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->personnummer, g_free);
  g_clear_pointer (&self->temporary_ref, g_free);
  g_clear_pointer (&self->home_municipality, g_free);
  g_clear_pointer (&self->registration_municipality, g_free);
  g_clear_pointer (&self->interpreter_language, g_free);
  g_clear_pointer (&self->unit, g_free);

  G_OBJECT_CLASS (plc_child_parent_class)->finalize (object);
}

static void
plc_child_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PlcChild *self = PLC_CHILD (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_PERSONNUMMER:
      g_value_set_string (value, self->personnummer);
      break;

    case PROP_TEMPORARY_REF:
      g_value_set_string (value, self->temporary_ref);
      break;

    case PROP_BIRTH_DATE:
      g_value_set_uint (value, self->birth_date);
      break;

    case PROP_LEGAL_GENDER:
      g_value_set_enum (value, self->legal_gender);
      break;

    case PROP_HOME_MUNICIPALITY:
      g_value_set_string (value, self->home_municipality);
      break;

    case PROP_REGISTRATION_MUNICIPALITY:
      g_value_set_string (value, self->registration_municipality);
      break;

    case PROP_ASYLUM_SEEKER:
      g_value_set_boolean (value, self->asylum_seeker);
      break;

    case PROP_UNDOCUMENTED:
      g_value_set_boolean (value, self->undocumented);
      break;

    case PROP_UNACCOMPANIED:
      g_value_set_boolean (value, self->unaccompanied);
      break;

    case PROP_LSS:
      g_value_set_boolean (value, self->lss);
      break;

    case PROP_INTERPRETER_LANGUAGE:
      g_value_set_string (value, self->interpreter_language);
      break;

    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plc_child_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PlcChild *self = PLC_CHILD (object);

  switch (prop_id)
    {
    case PROP_NAME:
      plc_child_set_name (self, g_value_get_string (value));
      break;

    case PROP_PERSONNUMMER:
      plc_child_set_personnummer (self, g_value_get_string (value));
      break;

    case PROP_TEMPORARY_REF:
      plc_child_set_temporary_ref (self, g_value_get_string (value));
      break;

    case PROP_BIRTH_DATE:
      plc_child_set_birth_date (self, g_value_get_uint (value));
      break;

    case PROP_LEGAL_GENDER:
      plc_child_set_legal_gender (self, g_value_get_enum (value));
      break;

    case PROP_HOME_MUNICIPALITY:
      plc_child_set_home_municipality (self, g_value_get_string (value));
      break;

    case PROP_REGISTRATION_MUNICIPALITY:
      plc_child_set_registration_municipality (self, g_value_get_string (value));
      break;

    case PROP_ASYLUM_SEEKER:
      plc_child_set_asylum_seeker (self, g_value_get_boolean (value));
      break;

    case PROP_UNDOCUMENTED:
      plc_child_set_undocumented (self, g_value_get_boolean (value));
      break;

    case PROP_UNACCOMPANIED:
      plc_child_set_unaccompanied (self, g_value_get_boolean (value));
      break;

    case PROP_LSS:
      plc_child_set_lss (self, g_value_get_boolean (value));
      break;

    case PROP_INTERPRETER_LANGUAGE:
      plc_child_set_interpreter_language (self, g_value_get_string (value));
      break;

    case PROP_UNIT:
      plc_child_set_unit (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void plc_child_copy_fields (PlcRecord *record,
                                   PlcRecord *record_copy);

static void
plc_child_class_init (PlcChildClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PlcRecordClass *record_class = PLC_RECORD_CLASS (klass);

  object_class->finalize = plc_child_finalize;
  object_class->get_property = plc_child_get_property;
  object_class->set_property = plc_child_set_property;

  record_class->record_type = PLC_RECORD_TYPE_CHILD;
  record_class->copy_fields = plc_child_copy_fields;

  /**
   * PlcChild:name:
   *
   * The child's name.
   */
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcChild:personnummer:
   *
   * The personnummer or samordningsnummer, normalized as `YYYYMMDD-NNNC`, or %NULL.
   */
  properties [PROP_PERSONNUMMER] =
    g_param_spec_string ("personnummer", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcChild:temporary-ref:
   *
   * A temporary reference for a child with neither personnummer nor samordningsnummer, or %NULL.
   */
  properties [PROP_TEMPORARY_REF] =
    g_param_spec_string ("temporary-ref", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcChild:birth-date:
   *
   * The birth date, a #PlcDate.
   */
  properties [PROP_BIRTH_DATE] =
    g_param_spec_uint ("birth-date", NULL, NULL,
                       0, G_MAXUINT32, PLC_DATE_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcChild:legal-gender:
   *
   * The legal gender (juridiskt kön).
   */
  properties [PROP_LEGAL_GENDER] =
    g_param_spec_enum ("legal-gender", NULL, NULL,
                       PLC_TYPE_LEGAL_GENDER, PLC_LEGAL_GENDER_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcChild:home-municipality:
   *
   * The code of the home municipality (hemkommun).
   */
  properties [PROP_HOME_MUNICIPALITY] =
    g_param_spec_string ("home-municipality", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcChild:registration-municipality:
   *
   * The code of the municipality of population registration (folkbokföringskommun), or %NULL.
   */
  properties [PROP_REGISTRATION_MUNICIPALITY] =
    g_param_spec_string ("registration-municipality", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcChild:asylum-seeker:
   *
   * Whether the child is an asylum seeker.
   */
  properties [PROP_ASYLUM_SEEKER] =
    g_param_spec_boolean ("asylum-seeker", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcChild:undocumented:
   *
   * Whether the child stays in Sweden without a permit (papperslös): the
   * region offers a health examination under lag (2013:407).
   */
  properties [PROP_UNDOCUMENTED] =
    g_param_spec_boolean ("undocumented", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcChild:unaccompanied:
   *
   * Whether the child is unaccompanied (ensamkommande).
   */
  properties [PROP_UNACCOMPANIED] =
    g_param_spec_boolean ("unaccompanied", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcChild:lss:
   *
   * Whether the child has support under LSS.
   */
  properties [PROP_LSS] =
    g_param_spec_boolean ("lss", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcChild:interpreter-language:
   *
   * The language the child needs an interpreter for, or %NULL.
   */
  properties [PROP_INTERPRETER_LANGUAGE] =
    g_param_spec_string ("interpreter-language", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlcChild:unit:
   *
   * The code of the unit the child belongs to on a unit server
   * (plc_unit_code_is_valid()), or %NULL.  The local database keeps none.
   */
  properties [PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plc_child_init (PlcChild *self)
{
  self->legal_gender = PLC_LEGAL_GENDER_UNKNOWN;
}

/**
 * plc_child_new:
 *
 * Creates an empty record that is not stored yet.
 *
 * Returns: (transfer full): a new #PlcChild
 */
PlcChild *
plc_child_new (void)
{
  return g_object_new (PLC_TYPE_CHILD, NULL);
}

static void
plc_child_copy_fields (PlcRecord *record,
                       PlcRecord *record_copy)
{
  PlcChild *self = PLC_CHILD (record);
  PlcChild *copy = PLC_CHILD (record_copy);

  copy->name = g_strdup (self->name);
  copy->personnummer = g_strdup (self->personnummer);
  copy->temporary_ref = g_strdup (self->temporary_ref);
  copy->birth_date = self->birth_date;
  copy->legal_gender = self->legal_gender;
  copy->home_municipality = g_strdup (self->home_municipality);
  copy->registration_municipality = g_strdup (self->registration_municipality);
  copy->asylum_seeker = self->asylum_seeker;
  copy->undocumented = self->undocumented;
  copy->unaccompanied = self->unaccompanied;
  copy->lss = self->lss;
  copy->interpreter_language = g_strdup (self->interpreter_language);
  copy->unit = g_strdup (self->unit);
}

/**
 * plc_child_copy:
 * @self: a #PlcChild
 *
 * Makes a deep copy, as plc_record_copy() does.
 *
 * Returns: (transfer full): a new #PlcChild
 */
PlcChild *
plc_child_copy (PlcChild *self)
{
  g_return_val_if_fail (PLC_IS_CHILD (self), NULL);

  return PLC_CHILD (plc_record_copy (PLC_RECORD (self)));
}

const char *
plc_child_get_name (PlcChild *self)
{
  g_return_val_if_fail (PLC_IS_CHILD (self), NULL);

  return self->name;
}

void
plc_child_set_name (PlcChild   *self,
                    const char *name)
{
  g_return_if_fail (PLC_IS_CHILD (self));

  if (_plc_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

const char *
plc_child_get_personnummer (PlcChild *self)
{
  g_return_val_if_fail (PLC_IS_CHILD (self), NULL);

  return self->personnummer;
}

void
plc_child_set_personnummer (PlcChild   *self,
                            const char *personnummer)
{
  g_return_if_fail (PLC_IS_CHILD (self));

  if (_plc_set_string (&self->personnummer, personnummer))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PERSONNUMMER]);
}

const char *
plc_child_get_temporary_ref (PlcChild *self)
{
  g_return_val_if_fail (PLC_IS_CHILD (self), NULL);

  return self->temporary_ref;
}

void
plc_child_set_temporary_ref (PlcChild   *self,
                             const char *temporary_ref)
{
  g_return_if_fail (PLC_IS_CHILD (self));

  if (_plc_set_string (&self->temporary_ref, temporary_ref))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEMPORARY_REF]);
}

PlcDate
plc_child_get_birth_date (PlcChild *self)
{
  g_return_val_if_fail (PLC_IS_CHILD (self), PLC_DATE_NONE);

  return self->birth_date;
}

void
plc_child_set_birth_date (PlcChild *self,
                          PlcDate   birth_date)
{
  g_return_if_fail (PLC_IS_CHILD (self));

  if (self->birth_date == birth_date)
    return;

  self->birth_date = birth_date;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BIRTH_DATE]);
}

PlcLegalGender
plc_child_get_legal_gender (PlcChild *self)
{
  g_return_val_if_fail (PLC_IS_CHILD (self), PLC_LEGAL_GENDER_UNKNOWN);

  return self->legal_gender;
}

void
plc_child_set_legal_gender (PlcChild       *self,
                            PlcLegalGender  legal_gender)
{
  g_return_if_fail (PLC_IS_CHILD (self));
  g_return_if_fail (plc_legal_gender_to_string (legal_gender) != NULL);

  if (self->legal_gender == legal_gender)
    return;

  self->legal_gender = legal_gender;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LEGAL_GENDER]);
}

const char *
plc_child_get_home_municipality (PlcChild *self)
{
  g_return_val_if_fail (PLC_IS_CHILD (self), NULL);

  return self->home_municipality;
}

void
plc_child_set_home_municipality (PlcChild   *self,
                                 const char *home_municipality)
{
  g_return_if_fail (PLC_IS_CHILD (self));

  if (_plc_set_string (&self->home_municipality, home_municipality))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HOME_MUNICIPALITY]);
}

const char *
plc_child_get_registration_municipality (PlcChild *self)
{
  g_return_val_if_fail (PLC_IS_CHILD (self), NULL);

  return self->registration_municipality;
}

void
plc_child_set_registration_municipality (PlcChild   *self,
                                         const char *registration_municipality)
{
  g_return_if_fail (PLC_IS_CHILD (self));

  if (_plc_set_string (&self->registration_municipality, registration_municipality))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REGISTRATION_MUNICIPALITY]);
}

gboolean
plc_child_get_asylum_seeker (PlcChild *self)
{
  g_return_val_if_fail (PLC_IS_CHILD (self), FALSE);

  return self->asylum_seeker;
}

void
plc_child_set_asylum_seeker (PlcChild *self,
                             gboolean  asylum_seeker)
{
  g_return_if_fail (PLC_IS_CHILD (self));

  asylum_seeker = !!asylum_seeker;

  if (self->asylum_seeker == asylum_seeker)
    return;

  self->asylum_seeker = asylum_seeker;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ASYLUM_SEEKER]);
}

gboolean
plc_child_get_undocumented (PlcChild *self)
{
  g_return_val_if_fail (PLC_IS_CHILD (self), FALSE);

  return self->undocumented;
}

void
plc_child_set_undocumented (PlcChild *self,
                            gboolean  undocumented)
{
  g_return_if_fail (PLC_IS_CHILD (self));

  undocumented = !!undocumented;

  if (self->undocumented == undocumented)
    return;

  self->undocumented = undocumented;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UNDOCUMENTED]);
}

gboolean
plc_child_get_unaccompanied (PlcChild *self)
{
  g_return_val_if_fail (PLC_IS_CHILD (self), FALSE);

  return self->unaccompanied;
}

void
plc_child_set_unaccompanied (PlcChild *self,
                             gboolean  unaccompanied)
{
  g_return_if_fail (PLC_IS_CHILD (self));

  unaccompanied = !!unaccompanied;

  if (self->unaccompanied == unaccompanied)
    return;

  self->unaccompanied = unaccompanied;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UNACCOMPANIED]);
}

gboolean
plc_child_get_lss (PlcChild *self)
{
  g_return_val_if_fail (PLC_IS_CHILD (self), FALSE);

  return self->lss;
}

void
plc_child_set_lss (PlcChild *self,
                   gboolean  lss)
{
  g_return_if_fail (PLC_IS_CHILD (self));

  lss = !!lss;

  if (self->lss == lss)
    return;

  self->lss = lss;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LSS]);
}

const char *
plc_child_get_interpreter_language (PlcChild *self)
{
  g_return_val_if_fail (PLC_IS_CHILD (self), NULL);

  return self->interpreter_language;
}

void
plc_child_set_interpreter_language (PlcChild   *self,
                                    const char *interpreter_language)
{
  g_return_if_fail (PLC_IS_CHILD (self));

  if (_plc_set_string (&self->interpreter_language, interpreter_language))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_INTERPRETER_LANGUAGE]);
}

const char *
plc_child_get_unit (PlcChild *self)
{
  g_return_val_if_fail (PLC_IS_CHILD (self), NULL);

  return self->unit;
}

void
plc_child_set_unit (PlcChild   *self,
                    const char *unit)
{
  g_return_if_fail (PLC_IS_CHILD (self));

  if (_plc_set_string (&self->unit, unit))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UNIT]);
}

/**
 * plc_unit_code_is_valid:
 * @code: (nullable): a unit's code
 *
 * Returns: whether @code can be the code of a unit on a unit server: 1 to
 *   32 ASCII letters, digits, “.”, “_” or “-”, starting with a letter or a
 *   digit (`IFO-BoU-Norr`)
 */
gboolean
plc_unit_code_is_valid (const char *code)
{
  gsize length = code != NULL ? strlen (code) : 0;

  if (length < 1 || length > 32 || !g_ascii_isalnum (code[0]))
    return FALSE;

  for (gsize i = 1; i < length; i++)
    {
      if (!g_ascii_isalnum (code[i]) && strchr ("._-", code[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}

/**
 * plc_child_set_personnummer_text:
 * @self: a #PlcChild
 * @text: (nullable): a personnummer or samordningsnummer as typed
 * @today: the date to judge the century and "in the future" by, or
 *   %PLC_DATE_NONE for today
 * @error: return location for a #GError
 *
 * Parses @text with plc_personnummer_parse(), stores its normalized form
 * `YYYYMMDD-NNNC`, and sets #PlcChild:birth-date and #PlcChild:legal-gender
 * from it. %NULL or blank @text removes the personnummer and leaves the
 * birth date and legal gender as they are.
 *
 * On failure nothing changes and @error is set to %PLC_ERROR_INVALID.
 *
 * Returns: %TRUE if @text was valid (or blank)
 */
gboolean
plc_child_set_personnummer_text (PlcChild    *self,
                                 const char  *text,
                                 PlcDate      today,
                                 GError     **error)
{
  PlcPersonnummer parsed;
  GDate today_date;

  g_return_val_if_fail (PLC_IS_CHILD (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (_plc_is_blank (text))
    {
      plc_child_set_personnummer (self, NULL);
      return TRUE;
    }

  plc_date_to_gdate (today != PLC_DATE_NONE ? today : plc_date_today (), &today_date);

  if (!plc_personnummer_parse (text, &today_date, &parsed, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  plc_child_set_personnummer (self, parsed.normalized);
  plc_child_set_birth_date (self, plc_date_from_gdate (&parsed.birth_date));
  plc_child_set_legal_gender (self, parsed.legal_gender);
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

/**
 * plc_child_validate:
 * @self: a #PlcChild
 * @today: the date to check against, or %PLC_DATE_NONE for today
 * @error: return location for a #GError
 *
 * Checks that the child can be stored:
 *
 *  - the name is not empty;
 *  - either a valid personnummer (or samordningsnummer) whose birth date and
 *    legal gender agree with #PlcChild:birth-date and #PlcChild:legal-gender,
 *    or, without one, a birth date, a legal gender other than unknown and a
 *    temporary reference;
 *  - the birth date is not after @today;
 *  - the home municipality is a known municipality code, and so is the
 *    municipality of registration if it is set;
 *  - the unit, if set, is a unit code (plc_unit_code_is_valid()).
 *
 * On failure @error is set to %PLC_ERROR_INVALID with a translated message
 * that starts with the field's label. Messages never quote the
 * personnummer.
 *
 * No reference of the record (its own and those to other records) may
 * hold a personal identity number (plc_ref_validate()).
 *
 * Returns: %TRUE if the child is valid
 */
gboolean
plc_child_validate (PlcChild  *self,
                    PlcDate    today,
                    GError   **error)
{
  g_return_val_if_fail (PLC_IS_CHILD (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (today == PLC_DATE_NONE)
    today = plc_date_today ();

  if (!plc_ref_validate (_("Reference"), plc_record_get_ref (PLC_RECORD (self)), error))
    return FALSE;

  if (_plc_is_blank (self->name))
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("Name: must not be empty"));
      return FALSE;
    }

  if (self->personnummer != NULL)
    {
      PlcPersonnummer parsed;
      GDate today_date;

      plc_date_to_gdate (today, &today_date);

      if (!plc_personnummer_parse (self->personnummer, &today_date, &parsed, error))
        return FALSE;

      if (self->birth_date != plc_date_from_gdate (&parsed.birth_date))
        {
          g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                               _("Birth date: does not match the personal identity number"));
          return FALSE;
        }

      if (self->legal_gender != parsed.legal_gender)
        {
          g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                               _("Legal gender: does not match the personal identity number"));
          return FALSE;
        }
    }
  else
    {
      if (self->birth_date == PLC_DATE_NONE)
        {
          g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                               _("Birth date: must be set when there is no personal identity number"));
          return FALSE;
        }

      if (self->legal_gender == PLC_LEGAL_GENDER_UNKNOWN)
        {
          g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                               _("Legal gender: must be set when there is no personal identity number"));
          return FALSE;
        }

      if (_plc_is_blank (self->temporary_ref))
        {
          g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                               _("Temporary reference: must be set when there is no personal identity number"));
          return FALSE;
        }
    }

  if (self->birth_date > today)
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("Birth date: must not be in the future"));
      return FALSE;
    }

  if (self->home_municipality == NULL)
    {
      g_set_error_literal (error, PLC_ERROR, PLC_ERROR_INVALID,
                           _("Home municipality: must be set"));
      return FALSE;
    }

  if (plc_municipality_get (self->home_municipality) == NULL)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: %s is what the field holds */
                   _("Home municipality: “%s” is not a known municipality code"),
                   self->home_municipality);
      return FALSE;
    }

  if (self->registration_municipality != NULL &&
      plc_municipality_get (self->registration_municipality) == NULL)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: %s is what the field holds */
                   _("Municipality of registration: “%s” is not a known municipality code"),
                   self->registration_municipality);
      return FALSE;
    }

  if (self->unit != NULL && !plc_unit_code_is_valid (self->unit))
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   /* Translators: %s is what the field holds */
                   _("Unit: “%s” is not a unit code (1 to 32 letters A-Z, digits, “.”, “_” or “-”)"),
                   self->unit);
      return FALSE;
    }

  return TRUE;
}
