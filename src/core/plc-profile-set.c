/* plc-profile-set.c: the agreement profiles in force on this machine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plc-profile-set"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "plc-error.h"
#include "plc-output-file.h"
#include "plc-paths.h"
#include "plc-profile-set.h"

/*
 * The profiles shipped with the program are read from the installed
 * profiles directory; those the office's IT deployed for everyone, from the
 * system directory ($sysconfdir/placeringar/profiles); those a user
 * imported, from the user's data directory, in that order.  Of two
 * profiles with the same id the newer version is in force, and on a tie the
 * one read first: a system profile replaces a shipped one only when it is
 * newer, and a user cannot shadow a system profile with an older or equal
 * one.  A shipped profile that cannot be loaded is an error (the
 * installation is broken); a system or imported one that cannot be loaded
 * is left out and reported in plc_profile_set_get_problems().
 */

struct _PlcProfileSet
{
  GObject     parent_instance;

  PlcProfile *baseline;
  GHashTable *profiles;  /* id → PlcProfile, the ones in force */
  GHashTable *system;    /* of PlcProfile, those read from the system directory */
  GPtrArray  *problems;  /* of char *, NULL-terminated */
};

G_DEFINE_FINAL_TYPE (PlcProfileSet, plc_profile_set, G_TYPE_OBJECT)

static void
plc_profile_set_finalize (GObject *object)
{
  PlcProfileSet *self = (PlcProfileSet *)object;

  g_clear_object (&self->baseline);
  g_hash_table_unref (self->profiles);
  g_hash_table_unref (self->system);
  g_ptr_array_unref (self->problems);

  G_OBJECT_CLASS (plc_profile_set_parent_class)->finalize (object);
}

static void
plc_profile_set_class_init (PlcProfileSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plc_profile_set_finalize;
}

static void
plc_profile_set_init (PlcProfileSet *self)
{
  self->profiles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->problems = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->system = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
}

/**
 * plc_profile_set_dup_shipped_dir:
 *
 * Returns: (transfer full): where the shipped profiles are installed, or
 *   `$PLACERINGAR_PROFILES_DIR` when it is set (to run from the build tree)
 */
char *
plc_profile_set_dup_shipped_dir (void)
{
  const char *dir = g_getenv ("PLACERINGAR_PROFILES_DIR");

  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);

  return g_build_filename (PKGDATADIR, "profiles", NULL);
}

/**
 * plc_profile_set_dup_system_dir:
 *
 * Where the office's IT puts profiles for every user of the machine:
 * `$sysconfdir/placeringar/profiles` (`/etc/placeringar/profiles` for an
 * installation in /usr).  Inside the Flatpak sandbox, the host's
 * `/etc/placeringar/profiles`, which the sandbox sees only when IT grants
 * it the host's /etc (`flatpak override --system --filesystem=host-etc:ro`).
 *
 * Returns: (transfer full): the directory, or
 *   `$PLACERINGAR_SYSTEM_PROFILES_DIR` when it is set (for the tests)
 */
char *
plc_profile_set_dup_system_dir (void)
{
  const char *dir = g_getenv ("PLACERINGAR_SYSTEM_PROFILES_DIR");

  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return g_strdup ("/run/host/etc/placeringar/profiles");

  return g_build_filename (SYSCONFDIR, "placeringar", "profiles", NULL);
}

/**
 * plc_profile_set_dup_user_dir:
 *
 * Returns: (transfer full): where imported profiles go
 */
char *
plc_profile_set_dup_user_dir (void)
{
  g_autofree char *data_dir = plc_paths_dup_data_dir ();

  return g_build_filename (data_dir, "profiles", NULL);
}

PlcProfileSet *
plc_profile_set_new (void)
{
  return g_object_new (PLC_TYPE_PROFILE_SET, NULL);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The *.json files of @dir, sorted; an absent directory has none. */
static GPtrArray *
list_profile_files (const char  *dir,
                    GError     **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) d = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  if (dir == NULL)
    return g_steal_pointer (&files);

  d = g_dir_open (dir, 0, &local_error);
  if (d == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&files);

      g_set_error (error, PLC_ERROR, PLC_ERROR_FAILED,
                   _("The profiles folder cannot be read: %s"), local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (g_str_has_suffix (name, ".json"))
        g_ptr_array_add (files, g_build_filename (dir, name, NULL));
    }

  g_ptr_array_sort (files, compare_paths);
  return g_steal_pointer (&files);
}

static void
add_problem (PlcProfileSet *self,
             const GError  *error)
{
  g_ptr_array_add (self->problems, g_strdup (error->message));
}

/* Keeps the newer of @profile and the one in force with its id. */
static void
keep_newer (PlcProfileSet *self,
            PlcProfile    *profile)
{
  PlcProfile *current = g_hash_table_lookup (self->profiles, plc_profile_get_id (profile));

  if (current != NULL &&
      plc_profile_compare_versions (plc_profile_get_version (profile),
                                    plc_profile_get_version (current)) <= 0)
    return;

  g_hash_table_replace (self->profiles, g_strdup (plc_profile_get_id (profile)),
                        g_object_ref (profile));

  if (plc_profile_get_kind (profile) == PLC_PROFILE_KIND_BASELINE)
    g_set_object (&self->baseline, profile);
}

static gboolean
is_baseline_file (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  return g_str_equal (base, "national.json");
}

/* Loads the profiles of @files that are (or are not) the baseline: a
 * system or imported one that cannot be loaded is a problem, not an error. */
static void
load_optional (PlcProfileSet *self,
               GPtrArray     *files,
               gboolean       baseline,
               gboolean       system)
{
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(PlcProfile) profile = NULL;
      g_autoptr(GError) local_error = NULL;

      if (is_baseline_file (path) != baseline)
        continue;

      profile = plc_profile_load_from_file (path, self->baseline, &local_error);
      if (profile == NULL)
        {
          add_problem (self, local_error);
          continue;
        }

      if (system)
        g_hash_table_add (self->system, g_object_ref (profile));
      keep_newer (self, profile);
    }
}

/**
 * plc_profile_set_load_dirs:
 * @shipped_dir: the shipped profiles, one of which must be the baseline
 * @user_dir: (nullable): imported profiles
 *
 * Returns: %FALSE if a shipped profile cannot be loaded
 */
gboolean
plc_profile_set_load_dirs (PlcProfileSet  *self,
                           const char     *shipped_dir,
                           const char     *user_dir,
                           GError        **error)
{
  return plc_profile_set_load_dirs_full (self, shipped_dir, NULL, user_dir, error);
}

/**
 * plc_profile_set_load_dirs_full:
 * @shipped_dir: the shipped profiles, one of which must be the baseline
 * @system_dir: (nullable): profiles IT deployed for the whole office
 * @user_dir: (nullable): imported profiles
 *
 * Returns: %FALSE if a shipped profile cannot be loaded
 */
gboolean
plc_profile_set_load_dirs_full (PlcProfileSet  *self,
                                const char     *shipped_dir,
                                const char     *system_dir,
                                const char     *user_dir,
                                GError        **error)
{
  g_autoptr(GPtrArray) shipped = NULL;
  g_autoptr(GPtrArray) system = NULL;
  g_autoptr(GPtrArray) user = NULL;
  g_autoptr(GError) system_error = NULL;

  g_return_val_if_fail (PLC_IS_PROFILE_SET (self), FALSE);
  g_return_val_if_fail (shipped_dir != NULL, FALSE);

  if ((shipped = list_profile_files (shipped_dir, error)) == NULL)
    return FALSE;

  if ((system = list_profile_files (system_dir, &system_error)) == NULL)
    {
      add_problem (self, system_error);
      system = g_ptr_array_new_with_free_func (g_free);
    }

  if ((user = list_profile_files (user_dir, NULL)) == NULL)
    user = g_ptr_array_new_with_free_func (g_free);

  /* The baseline first: regional profiles may count from its rules. */
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < shipped->len; i++)
        {
          const char *path = g_ptr_array_index (shipped, i);
          g_autoptr(PlcProfile) profile = NULL;

          if (is_baseline_file (path) != (pass == 0))
            continue;

          profile = plc_profile_load_from_file (path, self->baseline, error);
          if (profile == NULL)
            return FALSE;

          plc_profile_set_shipped (profile, TRUE);
          keep_newer (self, profile);
        }

      load_optional (self, system, pass == 0, TRUE);
      load_optional (self, user, pass == 0, FALSE);

      if (pass == 0 && self->baseline == NULL)
        {
          g_set_error (error, PLC_ERROR, PLC_ERROR_NOT_FOUND,
                       _("The national baseline profile is missing from %s"), shipped_dir);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * plc_profile_set_load_default:
 *
 * Returns: (transfer full): the shipped profiles, the office's and the
 *   user's, or %NULL if the shipped ones cannot be loaded
 */
PlcProfileSet *
plc_profile_set_load_default (GError **error)
{
  g_autoptr(PlcProfileSet) self = plc_profile_set_new ();
  g_autofree char *shipped_dir = plc_profile_set_dup_shipped_dir ();
  g_autofree char *system_dir = plc_profile_set_dup_system_dir ();
  g_autofree char *user_dir = plc_profile_set_dup_user_dir ();

  if (!plc_profile_set_load_dirs_full (self, shipped_dir, system_dir, user_dir, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * plc_profile_set_add:
 *
 * Adds @profile, in force if it is newer than the one with its id.
 */
gboolean
plc_profile_set_add (PlcProfileSet  *self,
                     PlcProfile     *profile,
                     GError        **error)
{
  g_return_val_if_fail (PLC_IS_PROFILE_SET (self), FALSE);
  g_return_val_if_fail (PLC_IS_PROFILE (profile), FALSE);

  keep_newer (self, profile);
  return TRUE;
}

/**
 * plc_profile_set_get_from_system:
 *
 * Returns: whether @profile was read from the system directory, that is,
 *   set for the whole office
 */
gboolean
plc_profile_set_get_from_system (PlcProfileSet *self,
                                 PlcProfile    *profile)
{
  g_return_val_if_fail (PLC_IS_PROFILE_SET (self), FALSE);

  return g_hash_table_contains (self->system, profile);
}

PlcProfile *
plc_profile_set_get_baseline (PlcProfileSet *self)
{
  g_return_val_if_fail (PLC_IS_PROFILE_SET (self), NULL);
  return self->baseline;
}

PlcProfile *
plc_profile_set_lookup (PlcProfileSet *self,
                        const char    *id)
{
  g_return_val_if_fail (PLC_IS_PROFILE_SET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->profiles, id);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  PlcProfile *pa = *(PlcProfile **)a;
  PlcProfile *pb = *(PlcProfile **)b;

  /* The baseline first, then by id */
  if (plc_profile_get_kind (pa) != plc_profile_get_kind (pb))
    return plc_profile_get_kind (pa) == PLC_PROFILE_KIND_BASELINE ? -1 : 1;

  return g_strcmp0 (plc_profile_get_id (pa), plc_profile_get_id (pb));
}

/**
 * plc_profile_set_list:
 *
 * Returns: (transfer container): the profiles in force, the baseline first
 */
GPtrArray *
plc_profile_set_list (PlcProfileSet *self)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (PLC_IS_PROFILE_SET (self), list);

  g_hash_table_iter_init (&iter, self->profiles);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (list, g_object_ref (value));

  g_ptr_array_sort (list, compare_ids);
  return list;
}

/**
 * plc_profile_set_get_problems:
 *
 * Returns: (transfer none): messages about imported profiles that could not
 *   be loaded
 */
const char * const *
plc_profile_set_get_problems (PlcProfileSet *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (PLC_IS_PROFILE_SET (self), NULL);

  if (self->problems->len == 0)
    return none;

  return (const char * const *)self->problems->pdata;
}

/**
 * plc_profile_set_find_regional:
 * @municipality_code: the placing municipality
 * @date: the placement's start
 * @nearest: (out) (optional) (transfer none): when none is in force, the
 *   agreement of that municipality that ended last before @date (or, if
 *   none ended, the one that begins first after it)
 *
 * Returns: (transfer none) (nullable): the regional profile whose parties
 *   include the municipality and that is in force on @date; of several, the
 *   one that began last
 */
PlcProfile *
plc_profile_set_find_regional (PlcProfileSet  *self,
                               const char     *municipality_code,
                               PlcDate         date,
                               PlcProfile    **nearest)
{
  PlcProfile *found = NULL;
  PlcProfile *ended = NULL;
  PlcProfile *coming = NULL;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (PLC_IS_PROFILE_SET (self), NULL);

  if (nearest != NULL)
    *nearest = NULL;

  g_hash_table_iter_init (&iter, self->profiles);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      PlcProfile *profile = value;

      if (plc_profile_get_kind (profile) != PLC_PROFILE_KIND_REGIONAL ||
          !plc_profile_has_party (profile, municipality_code))
        continue;

      if (plc_profile_is_valid_on (profile, date))
        {
          if (found == NULL ||
              plc_profile_get_valid_from (profile) > plc_profile_get_valid_from (found) ||
              (plc_profile_get_valid_from (profile) == plc_profile_get_valid_from (found) &&
               g_strcmp0 (plc_profile_get_id (profile), plc_profile_get_id (found)) < 0))
            found = profile;
        }
      else if (plc_profile_get_valid_from (profile) > date)
        {
          if (coming == NULL ||
              plc_profile_get_valid_from (profile) < plc_profile_get_valid_from (coming))
            coming = profile;
        }
      else
        {
          if (ended == NULL ||
              plc_profile_get_effective_end (profile) > plc_profile_get_effective_end (ended))
            ended = profile;
        }
    }

  if (found == NULL && nearest != NULL)
    *nearest = ended != NULL ? ended : coming;

  return found;
}

/**
 * plc_profile_set_find_rule:
 *
 * Returns: (nullable): a rule with this id, from the baseline if it has
 *   one, else from the regional profile first in id order; for naming a
 *   step that no longer applies
 */
const PlcRule *
plc_profile_set_find_rule (PlcProfileSet *self,
                           const char    *rule_id)
{
  g_autoptr(GPtrArray) list = plc_profile_set_list (self);

  for (guint i = 0; i < list->len; i++)
    {
      PlcProfile *profile = g_ptr_array_index (list, i);

      for (guint j = 0; j < plc_profile_get_n_rules (profile); j++)
        {
          const PlcRule *rule = plc_profile_get_rule (profile, j);

          if (g_str_equal (plc_rule_get_id (rule), rule_id))
            return rule;
        }
    }

  return NULL;
}

/**
 * plc_profile_set_validate_file:
 *
 * Loads @path as a profile against this set's baseline, without adding it.
 *
 * Returns: (transfer full): the profile, or %NULL with an error naming
 *   the place in the file
 */
PlcProfile *
plc_profile_set_validate_file (PlcProfileSet  *self,
                               const char     *path,
                               GError        **error)
{
  g_return_val_if_fail (PLC_IS_PROFILE_SET (self), NULL);

  return plc_profile_load_from_file (path, self->baseline, error);
}

/* A new baseline must keep every rule: anchor of the regional profiles. */
static gboolean
check_new_baseline (PlcProfileSet  *self,
                    PlcProfile     *baseline,
                    GError        **error)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->profiles);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      PlcProfile *profile = value;

      if (plc_profile_get_kind (profile) != PLC_PROFILE_KIND_REGIONAL)
        continue;

      for (guint i = 0; i < plc_profile_get_n_rules (profile); i++)
        {
          const PlcRule *rule = plc_profile_get_rule (profile, i);

          for (guint j = 0; j < plc_rule_get_n_anchors (rule); j++)
            {
              const char *rule_id = NULL;

              if (plc_rule_get_anchor (rule, j, &rule_id) == PLC_ANCHOR_RULE &&
                  !plc_profile_has_rule_id (profile, rule_id) &&
                  !plc_profile_has_rule_id (baseline, rule_id))
                {
                  g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                               _("The new baseline has no rule “%s”, which the profile “%s” counts from"),
                               rule_id, plc_profile_get_id (profile));
                  return FALSE;
                }
            }
        }
    }

  return TRUE;
}

/**
 * plc_profile_set_import_file:
 * @path: a profile file
 * @user_dir: (nullable): where to keep it; %NULL for the user's data directory
 *
 * Checks the profile and copies it to @user_dir as `ID.json`, if it is
 * newer than the profile with its id in force.  The copy is written
 * atomically: an earlier import is replaced whole or not at all.
 *
 * Returns: (transfer none): the imported profile, now in force; or %NULL
 */
PlcProfile *
plc_profile_set_import_file (PlcProfileSet  *self,
                             const char     *path,
                             const char     *user_dir,
                             GError        **error)
{
  g_autoptr(PlcProfile) profile = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *default_dir = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *target = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GError) local_error = NULL;
  PlcProfile *current;
  gsize length;

  g_return_val_if_fail (PLC_IS_PROFILE_SET (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);

  /* Read once: what is saved is what was checked */
  if (!plc_profile_read_file (path, &contents, &length, error) ||
      (profile = plc_profile_load_from_data (contents, length, display, self->baseline, error)) == NULL)
    return NULL;

  current = plc_profile_set_lookup (self, plc_profile_get_id (profile));
  if (current != NULL &&
      plc_profile_compare_versions (plc_profile_get_version (profile),
                                    plc_profile_get_version (current)) <= 0)
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_INVALID,
                   _("%s: version %s of “%s” is not newer than version %s, which is in force; "
                     "nothing was imported"),
                   display, plc_profile_get_version (profile), plc_profile_get_id (profile),
                   plc_profile_get_version (current));
      return NULL;
    }

  if (plc_profile_get_kind (profile) == PLC_PROFILE_KIND_BASELINE &&
      !check_new_baseline (self, profile, error))
    return NULL;

  if (user_dir == NULL)
    user_dir = default_dir = plc_profile_set_dup_user_dir ();

  if (g_mkdir_with_parents (user_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, PLC_ERROR, PLC_ERROR_FAILED,
                   _("The profiles folder cannot be made: %s"), g_strerror (saved_errno));
      return NULL;
    }

  file_name = g_strdup_printf ("%s.json", plc_profile_get_id (profile));
  target = g_build_filename (user_dir, file_name, NULL);

  if (!plc_output_file_set_contents (target, contents, length, PLC_OUTPUT_FILE_NONE, &local_error))
    {
      g_set_error (error, PLC_ERROR, PLC_ERROR_FAILED,
                   _("The profile cannot be saved: %s"), local_error->message);
      return NULL;
    }

  plc_profile_set_path (profile, target);
  plc_profile_set_shipped (profile, FALSE);
  keep_newer (self, profile);

  return plc_profile_set_lookup (self, plc_profile_get_id (profile));
}
