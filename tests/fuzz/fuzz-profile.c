/* fuzz-profile.c: the agreement profile loader against arbitrary bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built as a libFuzzer target with -Dfuzzing=true (clang), and always as
 * part of fuzz-replay, which runs the corpus through it in the test suite.
 */

#include "config.h"

#include <glib.h>
#include <stdint.h>

#include "plc-error.h"
#include "plc-profile.h"
#include "plc-profile-set.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static PlcProfile *
get_baseline (void)
{
  static PlcProfile *baseline = NULL;

  if (baseline == NULL)
    {
      g_autoptr(PlcProfileSet) set = plc_profile_set_load_default (NULL);

      if (set != NULL)
        baseline = g_object_ref (plc_profile_set_get_baseline (set));
    }

  return baseline;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcProfile) profile = NULL;
  g_autofree char *text = g_strndup ((const char *)data, size);

  profile = plc_profile_load_from_data (text, size, "fuzz.json", get_baseline (), &error);

  /* Exactly one of a profile and an error, and an error says where */
  g_assert_true ((profile == NULL) != (error == NULL));
  if (error != NULL)
    {
      g_assert_true (g_error_matches (error, PLC_ERROR, PLC_ERROR_INVALID));
      g_assert_true (g_str_has_prefix (error->message, "fuzz.json: "));
    }
  else
    {
      /* Everything a loaded profile offers can be read */
      for (guint i = 0; i < plc_profile_get_n_rules (profile); i++)
        {
          const PlcRule *rule = plc_profile_get_rule (profile, i);
          g_autofree char *references = plc_rule_dup_references (rule);
          g_autofree char *conditions = plc_rule_dup_conditions (rule);

          g_assert_nonnull (plc_rule_get_title (rule));
          g_assert_true (references == NULL || g_utf8_validate (references, -1, NULL));
          g_assert_true (conditions == NULL || g_utf8_validate (conditions, -1, NULL));
          (void)plc_offset_apply (plc_rule_get_offset (rule), 2460000);
        }
    }

  return 0;
}
