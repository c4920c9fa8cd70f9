/* plc-profile-set.h: the agreement profiles in force on this machine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "plc-profile.h"

G_BEGIN_DECLS

#define PLC_TYPE_PROFILE_SET (plc_profile_set_get_type ())

G_DECLARE_FINAL_TYPE (PlcProfileSet, plc_profile_set, PLC, PROFILE_SET, GObject)

char          *plc_profile_set_dup_shipped_dir  (void);
char          *plc_profile_set_dup_system_dir   (void);
char          *plc_profile_set_dup_user_dir     (void);

PlcProfileSet *plc_profile_set_new              (void);
PlcProfileSet *plc_profile_set_load_default     (GError        **error);
gboolean       plc_profile_set_load_dirs        (PlcProfileSet  *self,
                                                 const char     *shipped_dir,
                                                 const char     *user_dir,
                                                 GError        **error);
gboolean       plc_profile_set_load_dirs_full   (PlcProfileSet  *self,
                                                 const char     *shipped_dir,
                                                 const char     *system_dir,
                                                 const char     *user_dir,
                                                 GError        **error);
gboolean       plc_profile_set_add              (PlcProfileSet  *self,
                                                 PlcProfile     *profile,
                                                 GError        **error);

PlcProfile    *plc_profile_set_get_baseline     (PlcProfileSet  *self);
gboolean       plc_profile_set_get_from_system  (PlcProfileSet  *self,
                                                 PlcProfile     *profile);
PlcProfile    *plc_profile_set_lookup           (PlcProfileSet  *self,
                                                 const char     *id);
GPtrArray     *plc_profile_set_list             (PlcProfileSet  *self);
const char * const *plc_profile_set_get_problems (PlcProfileSet *self);

PlcProfile    *plc_profile_set_find_regional    (PlcProfileSet  *self,
                                                 const char     *municipality_code,
                                                 PlcDate         date,
                                                 PlcProfile    **nearest);
const PlcRule *plc_profile_set_find_rule        (PlcProfileSet  *self,
                                                 const char     *rule_id);

PlcProfile    *plc_profile_set_validate_file    (PlcProfileSet  *self,
                                                 const char     *path,
                                                 GError        **error);
PlcProfile    *plc_profile_set_import_file      (PlcProfileSet  *self,
                                                 const char     *path,
                                                 const char     *user_dir,
                                                 GError        **error);

G_END_DECLS
