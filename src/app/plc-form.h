/* plc-form.h: what the child and placement editors share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plc-date.h"
#include "plc-municipality.h"

G_BEGIN_DECLS

/*
 * PlcFormField:
 * @title: the field's label as the model's messages start with it
 *   (untranslated; translated when compared)
 * @row: the row that edits the field
 * @error_row: the row under it that holds @error_label
 * @error_label: where the message about the field is shown
 * @touched: whether the user has edited the field (or tried to save)
 *
 * One field of a form, with the place for its message right under it.
 */
typedef struct
{
  const char *title;
  GtkWidget  *row;
  GtkWidget  *error_row;
  GtkLabel   *error_label;
  gboolean    touched;
} PlcFormField;

void        plc_form_field_init           (PlcFormField      *field,
                                           const char        *title,
                                           GtkWidget         *row);
GtkWidget  *plc_form_error_row_new        (GtkLabel         **label);
void        plc_form_field_set_error      (PlcFormField      *field,
                                           const char        *message);
int         plc_form_find_field           (PlcFormField      *fields,
                                           guint              n_fields,
                                           const char        *message);
char       *plc_form_prefix_message       (const char        *title,
                                           const char        *message);

void        plc_form_setup_date_row       (AdwEntryRow       *row);
gboolean    plc_form_parse_date_row       (AdwEntryRow       *row,
                                           const char        *title,
                                           PlcDate           *out,
                                           GError           **error);
void        plc_form_set_date_row         (AdwEntryRow       *row,
                                           PlcDate            date);

void        plc_form_setup_municipality_row (AdwEntryRow     *row);
gboolean    plc_form_parse_municipality_row (AdwEntryRow     *row,
                                             const char      *title,
                                             const PlcMunicipality **out,
                                             GError         **error);
void        plc_form_set_municipality_row (AdwEntryRow       *row,
                                           const char        *code);

const char *plc_form_entry_text           (AdwEntryRow       *row);

gboolean    plc_form_confirm_close        (GtkWindow         *window,
                                           gboolean           changed);

G_END_DECLS

G_BEGIN_DECLS

/*
 * PlcFormStaleChoice:
 * @PLC_FORM_STALE_KEEP_MINE: save the copy being edited over the stored one
 * @PLC_FORM_STALE_TAKE_THEIRS: use the stored copy
 * @PLC_FORM_STALE_BACK: back to editing, nothing saved
 */
typedef enum
{
  PLC_FORM_STALE_KEEP_MINE,
  PLC_FORM_STALE_TAKE_THEIRS,
  PLC_FORM_STALE_BACK,
} PlcFormStaleChoice;

typedef void (*PlcFormStaleFunc) (GtkWindow          *editor,
                                  PlcFormStaleChoice  choice,
                                  GObject            *theirs);

void plc_form_ask_stale (GtkWindow        *editor,
                         GObject          *mine,
                         GObject          *theirs,
                         PlcFormStaleFunc  func);

G_END_DECLS
